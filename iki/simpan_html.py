"""Markdown extension for the pages the plugin generates (jabatan, unit): their HTML blocks go
straight into Python-Markdown's store of raw HTML instead of being parsed again.

A generated page is HTML blocks from iki's templates between the templates' own Markdown
headings. Python-Markdown (to find where each block ends) and MkDocs (to collect its ids)
would each run an HTML parser over every block: about a quarter of the build time. Here the
page is split at the heading lines written in the templates instead, and the ids are read
with a regular expression (the templates write `id="..."` plainly), so MkDocs still
validates links to them.

Only pages that start with PENANDA are touched (the plugin adds it), and only when every
block between two headings opens with a block-level tag and ends with ">"; otherwise the
page goes the ordinary way, unchanged. Editor text is escaped by the templates, so it has
no "<" or ">" of its own: a line break in it can neither start nor end such a block, and a
line of it that looks like a heading sends the page the ordinary way, where it is inside
raw HTML and stays text.
"""

from __future__ import annotations

import re
from importlib import resources

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

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
    """The extension; `id_terakhir` holds the ids of the HTML blocks of the last page converted."""

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
        if not lines or lines[0] != PENANDA:
            return lines
        lines = lines[1:]
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
            if not html:
                continue
            if judul:
                hasil.append(html)
                continue
            tag = _TAG_BUKA.match(html)
            if not (tag and self.md.is_block_level(tag[1]) and html.endswith(">")):
                self.ekstensi.id_terakhir = set()
                return lines  # not the templates' shape: leave the page to Python-Markdown
            self.ekstensi.id_terakhir.update(_ID.findall(html))
            hasil.append(self.md.htmlStash.store(html))
        return "\n\n".join(hasil).split("\n")
