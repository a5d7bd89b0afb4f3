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
plainly) and left in `id_terakhir`, for the plugin to give to MkDocs' anchor validation.
"""

from __future__ import annotations

import re
from importlib import resources

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from .render import AKHIR_HTML, AWAL_HTML

PENANDA = "<!-- iki: halaman data -->"
TEMPLAT_HALAMAN = ("jabatan.md.j2", "unit.md.j2")
_ID = re.compile(r'\sid="([^"]+)"')
_TAG_BUKA = re.compile(r"^<([a-zA-Z][a-zA-Z0-9]*)")


def judul_templat(nama: tuple[str, ...] = TEMPLAT_HALAMAN) -> frozenset[str]:
    """The Markdown heading lines the page templates write (fixed text, no Jinja in them)."""
    folder = resources.files("iki") / "templates"
    baris = (b.rstrip() for n in nama for b in (folder / n).read_text(encoding="utf-8").splitlines())
    return frozenset(b for b in baris if b.startswith("#") and "{{" not in b and "{%" not in b)


class SimpanHTML(Extension):
    """The extension; `id_terakhir` holds the ids of the HTML it stored for the last page converted."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.judul = judul_templat()
        self.id_terakhir: set[str] = set()

    def extendMarkdown(self, md: Markdown) -> None:
        # Before MkDocs' id collector (21) and Python-Markdown's raw HTML block parser (20).
        md.preprocessors.register(_Simpan(md, self), "iki_simpan_html", 30)


class _Simpan(Preprocessor):
    def __init__(self, md: Markdown, ekstensi: SimpanHTML):
        super().__init__(md)
        self.ekstensi = ekstensi

    def run(self, lines: list[str]) -> list[str]:
        self.ekstensi.id_terakhir = set()
        if lines and lines[0] == PENANDA:
            return self._halaman(lines[1:])
        return self._blok(lines) if AWAL_HTML in lines else lines

    def _simpan(self, html: str) -> str:
        self.ekstensi.id_terakhir.update(_ID.findall(html))
        return self.md.htmlStash.store(html)

    def _halaman(self, lines: list[str]) -> list[str]:
        bagian: list[tuple[bool, list[str]]] = []  # (is a heading, lines)
        for baris in lines:
            if baris.rstrip() in self.ekstensi.judul:
                bagian.append((True, [baris]))
            elif bagian and not bagian[-1][0]:
                bagian[-1][1].append(baris)
            else:
                bagian.append((False, [baris]))
        hasil: list[str] = []  # headings and placeholders, each a paragraph of its own
        for judul, isi in bagian:
            html = "\n".join(isi).strip()
            if not html or judul:
                hasil += [html] if html else []
                continue
            tag = _TAG_BUKA.match(html)
            if not (tag and self.md.is_block_level(tag[1]) and html.endswith(">")):
                self.ekstensi.id_terakhir = set()
                return lines  # not the templates' shape: leave the page to Python-Markdown
            hasil.append(self._simpan(html))
        return "\n\n".join(hasil).split("\n")

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
