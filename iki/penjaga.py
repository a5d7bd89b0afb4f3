"""A build in which the `iki` plugin did not run fails, instead of publishing a site without
jabatan, unit, organisation and download pages.

Two guards, one message (`PESAN`):
- `mkdocs.yml` lists this module as a Python-Markdown extension (`iki.penjaga`). The `iki` plugin
  takes it off the list before any page is rendered (`lepas`); where the plugin did not run (removed
  from `plugins`, or an engine that skips plugins it does not know, as Zensical does), the extension
  stays and its preprocessor stops the build at the first page. Every engine that renders
  `mkdocs.yml`'s `markdown_extensions` with Python-Markdown loads it: MkDocs, ProperDocs, Zensical.
- the macros module (`macros/`) calls `pastikan_plugin` first: mkdocs-macros renders a page's macros
  before Python-Markdown sees it, and the macros need the plugin.

Loading the extension does nothing by itself (MkDocs loads every extension once while it checks
`mkdocs.yml`, before any plugin runs); only rendering a page with it fails.
"""

from __future__ import annotations

from collections.abc import Container, MutableMapping, MutableSequence
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

NAMA = "iki.penjaga"
PLUGIN = "iki"

PESAN = (
    "Plugin iki tidak berjalan, sehingga situs akan terbit tanpa halaman jabatan, unit kerja, organisasi dan "
    "unduhan. Pastikan '- iki' ada di bagian 'plugins' mkdocs.yml, lalu bangun situs dengan MkDocs "
    "(.venv/bin/mkdocs build --strict) atau ProperDocs. Zensical belum menjalankan plugin MkDocs: lihat README, "
    "bagian \"Mesin situs\"."
)

try:  # MkDocs and ProperDocs print a PluginError as a message, without a traceback.
    from mkdocs.exceptions import PluginError as _Galat
except ImportError:  # an engine without MkDocs (Zensical)
    _Galat = RuntimeError  # type: ignore[assignment, misc]


class PluginTidakBerjalan(_Galat):
    def __init__(self) -> None:
        super().__init__(PESAN)


def pastikan_plugin(plugins: Container[str]) -> None:
    """Fail unless the site's configuration lists the `iki` plugin."""
    if PLUGIN not in plugins:
        raise PluginTidakBerjalan()


def lepas(markdown_extensions: MutableSequence[Any], mdx_configs: MutableMapping[str, Any]) -> None:
    """Take the guard off the configuration's extensions: the plugin runs (its `on_config`)."""
    while NAMA in markdown_extensions:
        markdown_extensions.remove(NAMA)
    mdx_configs.pop(NAMA, None)


class _Gagal(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        raise PluginTidakBerjalan()


class Penjaga(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # Before every other preprocessor: Python-Markdown's highest is 30, Zensical's macros 35.
        md.preprocessors.register(_Gagal(md), "iki_penjaga", 1000)


def makeExtension(**kwargs: Any) -> Penjaga:
    return Penjaga(**kwargs)
