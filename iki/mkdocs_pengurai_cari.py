"""Material's search indexing of a page (`SearchIndex.add_entry_from_context`), with a faster parser
of the page's HTML: the same sections, so the same entries, in about 70 % of the time
(Material's parser holds the open elements in a list and the skipped ones in a set of `Element`s,
compared by tag in Python at every tag and every piece of text; at 2,000 jabatan the indexing is
a sixth of a cold build, bench/HASIL.md).

Relies on internals of mkdocs-material==9.8.1 (its search plugin, `material.plugins.search.plugin`):
- `SearchIndex.add_entry_from_context(page)` skips a page whose `meta["search"]["exclude"]` is
  true, feeds `page.content` to a new `Parser`, and hands every section of `Parser.data` that is not
  excluded to `create_entry_for_section(section, page.toc, page.url, page)`: `tambah_entri` does
  the same with `PenguraiCari`;
- `Parser` (an `html.parser.HTMLParser`) keeps its state in `context`, `skip`, `section` and
  `data`, and `Element` compares equal to another element or a text by its tag alone, so `skip`
  holds at most one element per tag, and "is one of `context` in `skip`", "is `pre` in `context`"
  and "is the section's heading in `context`" are questions about tags: `PenguraiCari` keeps the
  tags of `skip` in a set and counts the tags of `context`, and otherwise does what `Parser`'s
  `handle_starttag`, `handle_endtag` and `handle_data` do, step for step (any element inside an
  excluded element of the same tag ends the skipping at its own end, as in Material).

What is mirrored here or relied on, by the SHA-256 of its source:
    Upstream: mkdocs-material==9.8.1 SearchIndex.add_entry_from_context sha256:4ca78ac4321f7704149f84dac0abc5a26afbd7c43de197ce7f481dcab47edb7b
    Upstream: mkdocs-material==9.8.1 Parser sha256:3227e18afa8a20e15210cd0e298b6edee838f72f05024bd5d191dae87f57fa2b
    Upstream: mkdocs-material==9.8.1 Element sha256:7f7b690dae2c2deb30337cc2096020c58396febee0e15ab7d2e21e8e36960bc2
    Upstream: mkdocs-material==9.8.1 Section sha256:af84af932f8d1829972abe28a9c2f13761f5a429acaeaf066455b40dcd9a04ed

Guarded by tests/test_ketergantungan_mkdocs.py (those sources unchanged; both parsers give the same
sections, or the same error, on arbitrary HTML); tests/test_tembolok.py builds a site whose index
is the one Material's own indexing writes, byte for byte."""

from __future__ import annotations

from html import escape
from typing import Any

from material.plugins.search.plugin import (  # type: ignore[import-untyped]
    Element, Parser, SearchIndex, Section, void)

_JUDUL = frozenset(f"h{n}" for n in range(1, 7))
_SELALU_DILEWATI = frozenset(("object", "script", "style"))  # never leave Parser.skip


def tambah_entri(indeks: SearchIndex, page: Any) -> None:
    """`indeks.add_entry_from_context(page)`, the page's HTML parsed by `PenguraiCari`."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    pengurai = PenguraiCari()
    pengurai.feed(page.content)
    pengurai.close()
    for section in pengurai.data:
        if not section.is_excluded():
            indeks.create_entry_for_section(section, page.toc, page.url, page)


class PenguraiCari(Parser):  # type: ignore[misc]
    """Material's `Parser`, its questions about tags answered from a set and a count."""

    def __init__(self) -> None:
        super().__init__()
        self._lewati = set(_SELALU_DILEWATI)  # the tags of self.skip
        self._jumlah: dict[str, int] = {}  # how many elements of each tag self.context holds
        self._terlewati = 0  # how many elements of self.context have a tag of self._lewati

    def _hitung_terlewati(self) -> None:
        self._terlewati = sum(self._jumlah.get(tag, 0) for tag in self._lewati)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in void:
            return
        atribut = dict(attrs)
        el = Element(tag, atribut)
        self.context.append(el)
        jumlah = self._jumlah
        jumlah[tag] = jumlah.get(tag, 0) + 1
        if tag in self._lewati:
            self._terlewati += 1

        if "id" in atribut and tag in _JUDUL:
            depth = len(self.context)
            if tag != "h1" and not self.data:
                self.section = Section(Element("hx"), depth)
                self.data.append(self.section)
            self.section = Section(el, depth)
            if self.data:
                self.section.id = atribut["id"]
            self.data.append(self.section)
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)

        if atribut and ("data-search-exclude" in atribut or atribut.get("class") == "linenodiv"):
            if tag not in self._lewati:
                self._lewati.add(tag)
                self._hitung_terlewati()
            return
        if tag in self.keep and not self._terlewati:
            data = self.section.title if jumlah.get(self.section.el.tag) else self.section.text
            data.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        context = self.context
        if not context or context[-1].tag != tag:
            return
        if self.section.depth > len(context):
            for section in reversed(self.data):
                if section.depth <= len(context):
                    self.section.depth = float("inf")
                    self.section = section
                    break

        context.pop()
        jumlah = self._jumlah
        jumlah[tag] -= 1
        if tag in self._lewati:
            self._terlewati -= 1
            if tag not in _SELALU_DILEWATI:
                self._lewati.remove(tag)
                self._hitung_terlewati()
            return
        if tag in self.keep and not self._terlewati:
            data = self.section.title if jumlah.get(self.section.el.tag) else self.section.text
            index = data.index(f"<{tag}>")
            for i in range(index + 1, len(data)):
                if not data[i].isspace():
                    index = len(data)
                    break
            if len(data) > index:
                del data[index:]
            else:
                data.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self._terlewati:
            return
        jumlah = self._jumlah
        if not jumlah.get("pre"):
            data = data.replace("\n", " ") if not data.isspace() else " "
        if not self.section:
            self.section = Section(Element("hx"))
            self.data.append(self.section)

        section = self.section
        if jumlah.get(section.el.tag):
            for el in self.context:
                if el.tag == "a" and el.attrs.get("class") == "headerlink":
                    return
            section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or jumlah.get("pre"):
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))
