"""Indonesian search inside Material's search: its index rewritten once Material has written it, and
the `lunr.id` language plugin written where Material's search worker loads it. The words, roots,
abbreviations and ranking are `iki.pencarian`'s, which knows nothing of MkDocs.

Relies on internals of mkdocs-material==9.8.1 (its search plugin and its search worker):
- the plugin's index (`SearchPlugin.search_index`, made in its `on_config`) indexes a page in
  `add_entry_from_context(page)`, reading `page.content`, `page.toc` (its items' `id`, `url` and
  `children`), `page.url`, `page.title` and `page.meta`'s `search`, `tags` and `title` only, and
  appends the page's entries to its list `entries`, which the plugin writes in its `on_post_build`:
  `EntriPencarian` replaces that method of the index, so that a page Material would index the same
  way as in an earlier build gets its entries from the build cache, and the others are indexed by
  Material's own code from what the cache key holds (its parser of the page's HTML replaced by a
  faster one of the same sections, iki.mkdocs_pengurai_cari), in the other process of the build
  (iki.serentak; Material parses every page's HTML in Python's html.parser: at 2,000 jabatan a
  sixth of a cold build); it fills `entries` before the plugin's `on_post_build`;
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from material.plugins.search.plugin import SearchIndex  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from . import pencarian
from .ekspor.tembolok import Tembolok
from .mkdocs_pengurai_cari import tambah_entri
from .model import AturanAkar, Singkatan
from .serentak import ProsesLain

INDEKS = Path("search") / "search_index.json"
SKRIP_BAHASA = Path("assets") / "javascripts" / "lunr" / "min" / f"lunr.{pencarian.BAHASA}.min.js"
ENTRI = "entri-pencarian.json"  # the cache's name for a page's search entries (`nama_entri`)


class EntriPencarian:
    """Material's search entries of every page, put in its index once every page is built
    (`selesaikan`): from the build cache when all Material's indexing reads of the page is as in an
    earlier build; otherwise made by Material's own indexing from what the cache key holds
    (`entri_halaman`), by `proses` (iki.serentak) when there is one and it gets there first, else
    here. Each page's words come with its entries, made in the same place, so that the words of the
    whole index (`kosakata`) are not split out of it again after the last page, on one core.
    Nothing when search is off."""

    def __init__(self, config: MkDocsConfig, tembolok: Tembolok, proses: ProsesLain | None):
        plugin = config.plugins.get("material/search")
        # Material's SearchIndex; not when its plugin is off (an earlier build's may still be there in this process)
        self._indeks: Any = getattr(plugin, "search_index", None) if plugin and plugin.config.enabled else None
        self._tembolok = tembolok
        self._proses = proses
        self._halaman: list[bytes | EntriHalaman] = []  # per page: its entries, or the key they are made from
        self.kosakata: Kosakata | None = None  # once `selesaikan` has put every page's entries in the index
        if self._indeks is not None:
            self._konfigurasi = dict(self._indeks.config)
            self._indeks.add_entry_from_context = self._tambah

    @property
    def aktif(self) -> bool:
        """Whether Material's search indexes this build (its plugin is there and on)."""
        return self._indeks is not None

    def _tambah(self, page: Page) -> None:
        try:
            masukan = _yang_diindeks(page)
        except (TypeError, ValueError):  # front matter JSON cannot hold as it is: indexed here, now, as Material would
            awal = len(self._indeks.entries)
            type(self._indeks).add_entry_from_context(self._indeks, page)
            entri = self._indeks.entries[awal:]
            del self._indeks.entries[awal:]
            self._halaman.append(EntriHalaman.dari_entri(entri, self._konfigurasi["separator"]))
            return
        if (isi := self._tembolok.baca(nama_entri(self._konfigurasi), masukan)) is not None:
            self._halaman.append(EntriHalaman.dari_json(isi))
            return
        if self._proses is not None:
            self._proses.kirim(simpan_entri_halaman, self._konfigurasi, masukan)
        self._halaman.append(masukan)

    def kerjakan(self, selama: Callable[[], bool]) -> None:
        """Make, while `selama()`, the entries of the pages handed to `proses` that are not in the
        cache yet, from the last page back while `proses` goes on from the first (both store what
        they make, and each takes from the cache what the other made): what the build does while it
        waits for the downloads, and once every page is built."""
        for i in reversed(range(len(self._halaman))):
            if isinstance(isi := self._halaman[i], bytes):
                if not selama():
                    return
                self._halaman[i] = EntriHalaman.dari_json(simpan_entri_halaman(self._tembolok, self._konfigurasi, isi))

    def selesaikan(self) -> None:
        """Every page's entries in Material's index, in the order of the pages, once every page is
        built and handed to `proses`."""
        if self._indeks is None:
            return
        self.kerjakan(lambda: True)
        halaman = [isi for isi in self._halaman if isinstance(isi, EntriHalaman)]
        self._indeks.entries[:] = [e for isi in halaman for e in isi.entri]
        self.kosakata = Kosakata(self._konfigurasi["separator"], _teks(self._indeks.entries),
                                 pencarian.gabung_kata(isi.kata for isi in halaman))
        self._halaman.clear()


@dataclass(frozen=True)
class EntriHalaman:
    """A page's search entries, and their words (`pencarian.kata_dokumen`)."""

    entri: list[dict]
    kata: list[str]

    @classmethod
    def dari_entri(cls, entri: list[dict], pemisah: str) -> EntriHalaman:
        return cls(entri, pencarian.kata_dokumen(entri, pemisah))

    @classmethod
    def dari_json(cls, isi: bytes) -> EntriHalaman:
        data = json.loads(isi)
        return cls(data["entri"], data["kata"])

    def ke_json(self) -> bytes:
        return json.dumps({"entri": self.entri, "kata": self.kata}, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Kosakata:
    """The words of the entries a build put in Material's index (`pencarian.kosakata` of them), with
    what they were split from."""

    pemisah: str
    teks: list[tuple[Any, Any]]
    kata: list[str]

    def untuk(self, indeks: dict) -> list[str] | None:
        """The words of `indeks` where it holds those very entries; None where it holds others (under
        `mkdocs serve --dirty`, Material adds the entries of earlier builds)."""
        sama = indeks["config"]["separator"] == self.pemisah and _teks(indeks["docs"]) == self.teks
        return self.kata if sama else None


def _teks(entri: list[dict]) -> list[tuple[Any, Any]]:
    """What `pencarian.kosakata` reads of each entry."""
    return [(e.get("title", ""), e.get("text", "")) for e in entri]


def _yang_diindeks(page: Page) -> bytes:
    """Everything Material's add_entry_from_context reads of a page (TypeError or ValueError for front
    matter that JSON cannot hold as it is: e.g. a date, a key that is not text, a cycle)."""
    meta = {k: page.meta[k] for k in ("title", "tags", "search") if k in page.meta}
    if json.loads(json.dumps(meta)) != meta:
        raise ValueError("front matter changed by JSON")
    return json.dumps([page.url, page.title, meta, _daftar_isi(page.toc), page.content], ensure_ascii=False,
                      sort_keys=True).encode("utf-8")


def _daftar_isi(toc: TableOfContents | list) -> list:
    return [[t.id, t.url, t.title, _daftar_isi(t.children)] for t in toc]


@dataclass
class _Judul:
    """A heading of the table of contents, as Material's indexing reads it."""

    id: str
    url: str
    title: str
    children: list[_Judul]


def simpan_entri_halaman(tembolok: Tembolok, konfigurasi: dict, masukan: bytes) -> bytes:
    """A page's entries and their words (JSON, `EntriHalaman`) from the cache, or made by
    `entri_halaman` and stored there."""
    return tembolok.ambil(nama_entri(konfigurasi), masukan, lambda: EntriHalaman.dari_entri(
        entri_halaman(konfigurasi, masukan), konfigurasi["separator"]).ke_json())


def nama_entri(konfigurasi: dict) -> str:
    """The cache's name for a page's entries and their words: the words depend on the separator too."""
    return f"{ENTRI} {konfigurasi['separator']}"


def entri_halaman(konfigurasi: dict, masukan: bytes) -> list[dict]:
    """Material's entries of a page from what `_yang_diindeks` holds of it: Material's own indexing
    (with a faster parser of the same sections, iki.mkdocs_pengurai_cari), given the page as it
    reads it."""
    url, judul, meta, toc, isi = json.loads(masukan)

    def daftar_isi(daftar: list) -> list[_Judul]:
        return [_Judul(i, u, t, daftar_isi(anak)) for i, u, t, anak in daftar]

    indeks = SearchIndex(**konfigurasi)
    tambah_entri(indeks, SimpleNamespace(url=url, title=judul, meta=meta, toc=daftar_isi(toc), content=isi))
    entri: list[dict] = indeks.entries
    return entri


def tulis(site_dir: Path, singkatan: list[Singkatan], aturan: Iterable[AturanAkar],
          tanda: dict[str, list[str]], tembolok: Tembolok | None = None, kosakata: Kosakata | None = None) -> None:
    """Switch the index Material wrote to Indonesian and write the `lunr.id` plugin beside
    Material's language plugins; for a build whose search is on (`EntriPencarian.aktif`: the site
    folder may hold the index of an earlier build, iki.mkdocs_timpa). With `tembolok`, the
    roots of a vocabulary already seen are read from the build cache (Sastrawi takes most of a
    second on the real site). `kosakata`: the words of the entries this build put in the index
    (`EntriPencarian.kosakata`), used where the index holds those."""
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

    indeks = json.loads(path.read_text(encoding="utf-8"))
    indeks, skrip = pencarian.lengkapi_indeks(indeks, singkatan, aturan, tanda, cari_akar,
                                              kosakata.untuk(indeks) if kosakata else None)
    path.write_text(json.dumps(indeks, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site_dir / SKRIP_BAHASA).write_text(skrip, encoding="utf-8")
