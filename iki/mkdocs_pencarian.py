"""Indonesian search inside Material's search: its index rewritten once Material has written it, and
the `lunr.id` language plugin written where Material's search worker loads it. The words, roots,
abbreviations and ranking are `iki.pencarian`'s, which knows nothing of MkDocs.

Relies on internals of mkdocs-material==9.8.1 (its search plugin and its search worker):
- the plugin's index (`SearchPlugin.search_index`, made in its `on_config`) indexes a page in
  `add_entry_from_context(page)`, reading `page.content`, `page.toc`, `page.url`, `page.title` and
  `page.meta`'s `search`, `tags` and `title` only, and appends the page's entries to its list `entries`:
  `simpan_entri` wraps that method of the index, so that a page Material would index the same way as
  in an earlier build gets its entries from the build cache (Material parses every page's HTML in
  Python's html.parser: a tenth of the real site's build);
- the plugin writes its index to `search/search_index.json` in its `on_post_build`, as
  `{"config": {"lang", "separator", "pipeline", "fields"}, "docs": [{"location", "title", "text"}]}`;
  `tulis` runs after it (the plugin's `on_post_build` has a lower priority) and rewrites it;
- the worker (`assets/javascripts/workers/search.*.min.js`), for each language of `config.lang`
  other than "en", loads `assets/javascripts/lunr/min/lunr.<lang>.min.js` after
  `lunr.stemmer.support.min.js`, and, for a single language, hands `lunr[<lang>]` to the index
  builder: `tulis` writes `lunr.id.min.js` there, over nothing Material ships;
- the lunr 2.x bundled in that worker: iki/templates/lunr.id.js replaces
  `lunr.Index.prototype.query` with a wrapper around the original, and uses `lunr.Query.presence`,
  `lunr.Query.wildcard`, `lunr.TokenSet.fromClause`, `lunr.Pipeline.registerFunction`,
  `index.invertedIndex` and `index.tokenSet`.
Without it, search still works, in Material's own way, with no roots, abbreviations or tiers.

Guarded by tests/test_ketergantungan_mkdocs.py (the index Material's own code writes, and the
worker's script); the search itself by tests/test_pencarian.py in a browser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from . import pencarian
from .ekspor.tembolok import Tembolok
from .model import AturanAkar, Singkatan

INDEKS = Path("search") / "search_index.json"
SKRIP_BAHASA = Path("assets") / "javascripts" / "lunr" / "min" / f"lunr.{pencarian.BAHASA}.min.js"
ENTRI = "entri-pencarian.json"  # the cache's name for a page's search entries


def simpan_entri(config: MkDocsConfig, tembolok: Tembolok) -> None:
    """Material's search entries of a page from the build cache when all Material reads of the page is
    as in a build before; indexed by Material, then stored, otherwise (nothing when search is off)."""
    indeks = getattr(config.plugins.get("material/search"), "search_index", None)
    if indeks is None:
        return
    asli = indeks.add_entry_from_context

    def tambah(page: Page) -> None:
        masukan = _yang_diindeks(page)
        if (isi := tembolok.baca(ENTRI, masukan)) is not None:
            indeks.entries.extend(json.loads(isi))
            return
        awal = len(indeks.entries)
        asli(page)
        tembolok.simpan(ENTRI, masukan, json.dumps(indeks.entries[awal:], ensure_ascii=False).encode("utf-8"))

    indeks.add_entry_from_context = tambah


def _yang_diindeks(page: Page) -> bytes:
    """Everything Material's add_entry_from_context reads of a page."""
    meta = page.meta
    return json.dumps([page.url, page.title, meta.get("title"), meta.get("tags"), meta.get("search"),
                       _daftar_isi(page.toc), page.content], ensure_ascii=False, sort_keys=True, default=str
                      ).encode("utf-8")


def _daftar_isi(toc: TableOfContents | list) -> list:
    return [[t.id, t.url, t.title, _daftar_isi(t.children)] for t in toc]


def tulis(site_dir: Path, singkatan: list[Singkatan], aturan: Iterable[AturanAkar],
          tanda: dict[str, list[str]], tembolok: Tembolok | None = None) -> None:
    """Switch the index Material wrote to Indonesian and write the `lunr.id` plugin beside
    Material's language plugins (nothing when the search plugin is off). With `tembolok`, the
    roots of a vocabulary already seen are read from the build cache (Sastrawi takes most of a
    second on the real site)."""
    path = site_dir / INDEKS
    if not path.is_file():
        return

    def cari_akar(kata: list[str], aturan: list[AturanAkar]) -> dict[str, str]:
        if tembolok is None:
            return pencarian.peta_akar(kata, aturan)
        masukan = json.dumps([kata, [a.model_dump(mode="json") for a in aturan]], ensure_ascii=False)
        isi = tembolok.ambil("akar-pencarian.json", masukan.encode("utf-8"),
                             lambda: json.dumps(pencarian.peta_akar(kata, aturan), ensure_ascii=False).encode("utf-8"))
        peta: dict[str, str] = json.loads(isi)
        return peta

    indeks, skrip = pencarian.lengkapi_indeks(json.loads(path.read_text(encoding="utf-8")), singkatan, aturan, tanda,
                                              cari_akar)
    path.write_text(json.dumps(indeks, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site_dir / SKRIP_BAHASA).write_text(skrip, encoding="utf-8")
