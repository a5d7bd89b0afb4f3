"""The stored HTML (`iki.simpan_html`, a plain Python-Markdown extension) inside MkDocs: what MkDocs
and Material no longer see in it is given back to them.

Relies on (mkdocs==1.6.1, mkdocs-material==9.8.1):
- MkDocs' anchor validation reads `Page.present_anchor_ids`, an attribute `Page.render` sets from
  its own preprocessor `mkdocs_raw_html` (priority 21, before Python-Markdown's `html_block` at 20)
  and a treeprocessor. SimpanHTML runs before both (priority 30), so the ids of the HTML it stored
  reach neither: `setelah_render` adds them to `page.present_anchor_ids` (`on_page_content`).
  Without it, links to those ids would be reported as broken.
- Material's search plugin indexes `page.content` in its `on_page_context` (priority 0), skipping
  elements marked `data-search-exclude`. SimpanHTML cuts those elements out before they are parsed;
  `setelah_indeks` puts them back in `page.content` once the page is indexed (`on_page_context` at a
  lower priority). Without it, those parts would be missing from the pages.
- MkDocs' `markdown_extensions` setting, typed as names, takes an extension instance as well: it is
  handed to `markdown.Markdown(extensions=...)` as it is.

Guarded by tests/test_ketergantungan_mkdocs.py (the preprocessor priorities, `present_anchor_ids`
set by `Page.render` and read by the validation, and Material's indexing skipping excluded elements).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .simpan_html import TUNDA, SimpanHTML


class HTMLTersimpan:
    """SimpanHTML for one build: added to the configuration's Markdown extensions."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.ekstensi = SimpanHTML()
        self._tunda: dict[str, list[str]] = {}
        config.markdown_extensions.append(self.ekstensi)  # type: ignore[arg-type]  # an instance, see above

    def setelah_render(self, page: Page) -> None:
        """After MkDocs rendered `page` (`on_page_content`): the ids inside the HTML stored, for
        MkDocs' anchor validation; the elements kept from search, until the page is indexed."""
        page.present_anchor_ids = (page.present_anchor_ids or set()) | self.ekstensi.id_terakhir
        if self.ekstensi.tunda:
            self._tunda[page.file.src_uri] = self.ekstensi.tunda

    def setelah_indeks(self, page: Page) -> None:
        """After Material's search indexed `page` (`on_page_context`): the elements kept from it, back in place."""
        if (tunda := self._tunda.pop(page.file.src_uri, None)) and page.content is not None:
            page.content = TUNDA.sub(lambda m: tunda[int(m[1])], page.content)
