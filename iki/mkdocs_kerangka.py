"""Generated pages converted by Python-Markdown once per shape, not once per page.

A jabatan or unit page (`iki.simpan_html.PENANDA`) is the templates' fixed Markdown headings around
HTML blocks that SimpanHTML stores as they are. After SimpanHTML, Python-Markdown therefore sees the
same text for every page with the same headings (a placeholder where each block is), and only puts
each page's own blocks in place at the end. So a page is converted here as its *shape*: its headings
around stand-in blocks, converted once per build by MkDocs' own `Page.render`, each stand-in then
replaced by the page's block as SimpanHTML would have stored it. 2,000 jabatan pages have a handful
of shapes; Python-Markdown's millisecond a page goes (bench/HASIL.md).

The result is the one `Page.render` gives, and a page goes the ordinary way instead unless that
is certain:
- its text is left as it is by Python-Markdown's whitespace normaliser (no tab, carriage return,
  STX or ETX, no line of spaces only), the only step before SimpanHTML;
- its parts have the templates' shape for this converter (`simpan_html.blok_html`), and each block
  as stored is block-level for the raw HTML postprocessor, as the stand-ins are, so each replaces
  its placeholder's paragraph as a stand-in does;
- the converter runs no preprocessor before SimpanHTML but the normaliser, and no postprocessor
  but `raw_html` (which puts the stored HTML in) and `amp_substitute` (which replaces a marker
  with STX in it, which the normalised text cannot hold): nothing else ever sees the stored HTML;
- the shape's HTML links nowhere but to the page's own anchors (its headings' permalinks): MkDocs'
  link rewriting, the only step that depends on the page, changes nothing, and the links it records
  for the anchor check are recorded again under each page's own file.

Block and tree processors see only placeholders, each a paragraph of its own, the same for a
stand-in and a block.

Relies on (mkdocs==1.6.1): `_populate_page` calls `page.render(config, files)` right after the
`page_markdown` event, and `Page.render` converts `page.markdown` and sets `content`, `toc`,
`_title_from_render`, `present_anchor_ids` and `links_to_anchors`, nothing else of the page. And on
Python-Markdown 3.11.3: what its whitespace normaliser changes, how its raw HTML postprocessor
puts stored HTML in (unwrapping a block-level one from its paragraph), placeholders marked with
STX and ETX. Guarded by tests/test_ketergantungan_mkdocs.py, which also compares the two ways on
pages made to take each safeguard; tests/test_simpan_html.py compares every page of the real site.
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown import Markdown
from markdown.postprocessors import RawHtmlPostprocessor
from markdown.util import Registry
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .simpan_html import PENANDA, SimpanHTML, bagian_halaman, blok_html, simpan_blok

_PENGGANTI = '<div data-iki-kerangka="{}"></div>'
_PENGGANTI_CARI = re.compile(r'<div data-iki-kerangka="(\d+)"></div>')
# What Python-Markdown's NormalizeWhitespace changes: these characters, and a line of spaces only
# after the first (`(?<=\n) +\n` in the text with "\n" after it); `dinormalkan` searches them.
_DINORMALKAN_HURUF = "\t\r\x02\x03"
_BARIS_SPASI = re.compile(r"\n +\n")
_TAUTAN = re.compile(r"""\s(?:href|src)\s*=\s*(?!["']?#)""")


@dataclass(frozen=True)
class _Bentuk:
    """What `Page.render` made of one shape, and the converter's rules for the blocks put in it."""

    content: str
    toc: TableOfContents
    judul: str | None
    id: frozenset[str]
    tautan: bool  # whether it sets `links_to_anchors` (not at log level DEBUG)
    jangkar: dict[str, str] | None  # the links to the page's own anchors (its headings' permalinks)
    blok: Callable[[str], bool]  # Markdown.is_block_level
    html_blok: Callable[[str], bool]  # the raw HTML postprocessor's isblocklevel


class Kerangka:
    """The shapes of one build's generated pages (the next build, a new Kerangka: its configuration
    may differ). `pasang(page)` makes MkDocs render `page` through it."""

    def __init__(self, ekstensi: SimpanHTML) -> None:
        self._ekstensi = ekstensi
        self._bentuk: dict[tuple[str | None, ...], _Bentuk | None] = {}

    def pasang(self, page: Page) -> None:
        """Called at `page_markdown`: the `render` MkDocs calls next is `render(page, ...)`, once (the
        page then holds no attribute of its own that MkDocs does not give it)."""
        page.render = functools.partial(self.render, page)  # type: ignore[method-assign]

    def render(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """`Page.render(page, config, files)`, from the page's shape where that gives the same."""
        vars(page).pop("render", None)
        teks = page.markdown
        if teks is None or not teks.startswith(f"{PENANDA}\n") or dinormalkan(teks):
            return Page.render(page, config, files)
        bagian = bagian_halaman(f"{teks}\n\n".split("\n")[1:], self._ekstensi.judul)
        kunci = tuple(isi if judul else None for judul, isi in bagian)
        if kunci not in self._bentuk:
            self._bentuk[kunci] = self._ubah(page, kunci, config, files)
        bentuk = self._bentuk[kunci]
        if bentuk is None or not all(blok_html(isi, bentuk.blok) for judul, isi in bagian if not judul):
            return Page.render(page, config, files)
        id: set[str] = set()
        tunda: list[str] = []
        blok = [simpan_blok(isi, id, tunda) for judul, isi in bagian if not judul]
        if not all(bentuk.html_blok(b) for b in blok):
            return Page.render(page, config, files)
        page.content = _PENGGANTI_CARI.sub(lambda m: blok[int(m[1])], bentuk.content)
        page.toc = copy.deepcopy(bentuk.toc)
        page._title_from_render = bentuk.judul
        page.present_anchor_ids = set(bentuk.id)
        if bentuk.tautan:
            page.links_to_anchors = {} if bentuk.jangkar is None else {page.file: dict(bentuk.jangkar)}
        self._ekstensi.id_terakhir, self._ekstensi.tunda = id, tunda
        return None

    def _ubah(self, page: Page, kunci: tuple[str | None, ...], config: MkDocsConfig, files: Files) -> _Bentuk | None:
        """Convert a shape with `Page.render` on `page`; None if its result would not be exact."""
        nomor = itertools.count()
        pengganti = [_PENGGANTI.format(next(nomor)) if k is None else k for k in kunci]
        asli, page.markdown = page.markdown, "\n".join([PENANDA, *pengganti])
        self._ekstensi.md = None
        try:
            Page.render(page, config, files)
        finally:
            page.markdown = asli
        md = self._ekstensi.md
        if md is None or page.content is None or not _hanya_yang_dikenal(md) \
                or _PENGGANTI_CARI.findall(page.content) != [str(i) for i in range(next(nomor))] \
                or _TAUTAN.search(_PENGGANTI_CARI.sub("", page.content)):
            return None
        raw_html = md.postprocessors["raw_html"]
        tautan = page.links_to_anchors
        if not isinstance(raw_html, RawHtmlPostprocessor) or (tautan is not None and set(tautan) - {page.file}):
            return None
        return _Bentuk(page.content, copy.deepcopy(page.toc), page._title_from_render,
                       frozenset(page.present_anchor_ids or ()), tautan is not None,
                       None if tautan is None or page.file not in tautan else dict(tautan[page.file]),
                       md.is_block_level, raw_html.isblocklevel)


def dinormalkan(teks: str) -> bool:
    """Whether Python-Markdown's NormalizeWhitespace would change `teks`, beyond the blank lines it
    adds at the end. Each character is looked for on its own and the lines of spaces by a pattern
    that opens with a newline: one pattern of both, tried at every character, took 0.60 s CPU for the
    2,100 pages (26 MB) of a build at 2,000 jabatan, this 0.025 s."""
    return any(h in teks for h in _DINORMALKAN_HURUF) or _BARIS_SPASI.search(f"{teks}\n") is not None


def _hanya_yang_dikenal(md: Markdown) -> bool:
    """Whether nothing in `md` but SimpanHTML and the raw HTML postprocessor sees the stored HTML
    otherwise than a stand-in (see the module's docstring): before SimpanHTML only the whitespace
    normaliser, and no postprocessor but `raw_html` and `amp_substitute`."""
    def bernama(registry: Registry, nama: tuple[str, ...]) -> list:
        return [registry[n] for n in nama if n in registry]

    sebelum = list(md.preprocessors)[:md.preprocessors.get_index_for_name("iki_simpan_html")]
    return (sebelum == bernama(md.preprocessors, ("normalize_whitespace",))
            and list(md.postprocessors) == bernama(md.postprocessors, ("raw_html", "amp_substitute")))
