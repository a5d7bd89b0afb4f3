"""Markdown extension: the HTML that iki's renderers write goes straight into Python-Markdown's
store of raw HTML instead of being parsed again.

Python-Markdown (to find where a raw HTML block ends) and MkDocs (to collect its ids) each run
an HTML parser over every block: for the generated pages and the big organisation pages, a
quarter of the build time. The renderers know where their HTML is, so:

- a page the plugin generates (jabatan, unit) starts with PENANDA: it is HTML blocks from
  the templates between the templates' own Markdown headings, and is split at those heading
  lines. This is done only when every block between two headings opens with a block-level
  tag and ends with ">"; otherwise the page goes the ordinary way, unchanged. Editor text is
  escaped by the templates, so it has no "<" or ">" of its own: a line break in it can neither
  start nor end such a block, and a line of it that looks like a heading sends the page the
  ordinary way, where it is inside raw HTML and stays text;
- on any page, the lines between AWAL_HTML and AKHIR_HTML (`iki.render.blok_html`) are one block.

The ids in the stored HTML are read with a regular expression (the templates write `id="..."`
plainly) and left in `id_terakhir`, for `iki.mkdocs_simpan_html` to give to MkDocs' anchor
validation.

Elements the templates mark `data-search-exclude` are cut out of the stored HTML and left in
`tunda`, a comment (TUNDA) in their place: Material's search would parse them only to skip
them (a third of a jabatan page). `iki.mkdocs_simpan_html` puts them back once the page is indexed.
Their end is found by counting the element's own tag, which escaped editor text cannot contain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import resources

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .render import AKHIR_HTML, AWAL_HTML

PENANDA = "<!-- iki: halaman data -->"
TUNDA = re.compile(r"<!-- iki: tunda (\d+) -->")
TEMPLAT_HALAMAN = ("jabatan.md.j2", "unit.md.j2")
_ID = re.compile(r'\sid="([^"]+)"')
_TAG_BUKA = re.compile(r"^<([a-zA-Z][a-zA-Z0-9]*)")
_TANPA_CARI = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\s[^>]*\bdata-search-exclude\b[^>]*>")


def judul_templat(nama: tuple[str, ...] = TEMPLAT_HALAMAN) -> frozenset[str]:
    """The Markdown heading lines the page templates write (fixed text, no Jinja in them)."""
    folder = resources.files("iki") / "templates"
    baris = (b.rstrip() for n in nama for b in (folder / n).read_text(encoding="utf-8").splitlines())
    return frozenset(b for b in baris if b.startswith("#") and "{{" not in b and "{%" not in b)


class SimpanHTML(Extension):
    """The extension; `id_terakhir` holds the ids of the HTML it stored for the last page converted,
    `md` the last Markdown converter it ran in."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.judul = judul_templat()
        self.id_terakhir: set[str] = set()
        self.tunda: list[str] = []
        self.md: Markdown | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        # Before MkDocs' id collector (21) and Python-Markdown's raw HTML block parser (20).
        md.preprocessors.register(_Simpan(md, self), "iki_simpan_html", 30)


class _Simpan(Preprocessor):
    def __init__(self, md: Markdown, ekstensi: SimpanHTML):
        super().__init__(md)
        self.ekstensi = ekstensi

    def run(self, lines: list[str]) -> list[str]:
        self.ekstensi.id_terakhir, self.ekstensi.tunda, self.ekstensi.md = set(), [], self.md
        if lines and lines[0] == PENANDA:
            return self._halaman(lines[1:])
        return self._blok(lines) if AWAL_HTML in lines else lines

    def _simpan(self, html: str) -> str:
        return self.md.htmlStash.store(simpan_blok(html, self.ekstensi.id_terakhir, self.ekstensi.tunda))

    def _halaman(self, lines: list[str]) -> list[str]:
        bagian = bagian_halaman(lines, self.ekstensi.judul)
        if not all(judul or blok_html(teks, self.md.is_block_level) for judul, teks in bagian):
            return lines  # not the templates' shape: leave the page to Python-Markdown
        # Headings and placeholders, each a paragraph of its own.
        return "\n\n".join(teks if judul else self._simpan(teks) for judul, teks in bagian).split("\n")

    def _blok(self, lines: list[str]) -> list[str]:
        hasil: list[str] = []
        i = 0
        while i < len(lines):
            if lines[i] == AWAL_HTML and AKHIR_HTML in lines[i + 1:]:
                akhir = lines.index(AKHIR_HTML, i + 1)
                hasil += ["", self._simpan("\n".join(lines[i + 1:akhir])), ""]
                i = akhir + 1
            else:
                hasil.append(lines[i])
                i += 1
        return hasil


def bagian_halaman(lines: list[str], judul: frozenset[str]) -> list[tuple[bool, str]]:
    """The parts of a generated page (its lines after PENANDA), in order: (True, a heading line of
    the templates) or (False, the text between two headings), each stripped; blank ones left out."""
    bagian: list[tuple[bool, list[str]]] = []
    for baris in lines:
        if baris.rstrip() in judul:
            bagian.append((True, [baris]))
        elif bagian and not bagian[-1][0]:
            bagian[-1][1].append(baris)
        else:
            bagian.append((False, [baris]))
    return [(j, teks) for j, isi in bagian if (teks := "\n".join(isi).strip())]


def blok_html(teks: str, blok: Callable[[str], bool]) -> bool:
    """Whether the text between two headings is one HTML block as the templates write it: it opens
    with a tag that `blok` (the converter's `is_block_level`) calls block-level and ends with ">"."""
    tag = _TAG_BUKA.match(teks)
    return bool(tag and blok(tag[1]) and teks.endswith(">"))


def simpan_blok(html: str, id: set[str], tunda: list[str]) -> str:
    """`html` as it is stored: its ids added to `id`, each element marked data-search-exclude moved
    to the end of `tunda`, a TUNDA comment with its index in its place."""
    id.update(_ID.findall(html))
    potongan, awal = [], 0
    while (tag := _TANPA_CARI.search(html, awal)) and (akhir := _akhir_elemen(html, tag)) is not None:
        potongan += [html[awal:tag.start()], f"<!-- iki: tunda {len(tunda)} -->"]
        tunda.append(html[tag.start():akhir])
        awal = akhir
    return "".join(potongan) + html[awal:]


def _akhir_elemen(html: str, buka: re.Match) -> int | None:
    """Where the element opened by `buka` ends (after its closing tag); None if it does not."""
    kedalaman = 0
    for tag in re.finditer(rf"<(/?){buka[1]}(?=[\s>])[^>]*>", html[buka.start():]):
        kedalaman += -1 if tag[1] else 1
        if kedalaman == 0:
            return buka.start() + tag.end()
    return None
