"""`mkdocs build`: a page whose theme template would be given exactly what it was given in the
previous build keeps the HTML of that build, instead of the theme's templates rendering it again.
Material's templates take about 3 ms a page, a third of what the build process itself does on a
2,000-jabatan site (bench/HASIL.md); changing one jabatan changes only a few pages.

What a page's template is given is MkDocs' template context (keys in KONTEKS): the page, the
navigation, the configuration, the list of pages, and values made from these (`base_url`,
`extra_css`, `extra_javascript`, `mkdocs_version`, `build_date_utc`). A page's key is the SHA-256
of all of it that a template can read: once per build, the configuration (every value: the theme,
each plugin's settings, the Markdown extensions by name), every file of the theme's own folder
(`custom_dir`), the whole navigation (each item's kind, title, address and front matter: Material
reads the front matter of other pages too) and the list of pages; then per page the template's
name, the page's addresses, title, front matter, table of contents and HTML, and the context values
made from its address. The versions of Python and of every installed library (so of the theme's
packaged templates) and the source of this package (which makes the summarised navigation,
`iki.mkdocs_navigasi`, from the navigation and the page) are the base of every key of the build
cache (`iki.ekspor.tembolok`). `build_date_utc` and `Page.update_date`, the build's date, are left
out: no template of the theme reads them (tested), and the site does not change with the date.

Where something cannot be written as JSON as it is (a hook module in the configuration, a value of
a type not listed in `_json`), or the context or the page holds anything else, nothing is reused:
the page is rendered as MkDocs would.

Per site folder, the build cache holds a list of the pages: for each output file, the key its page
had and the SHA-256 of the HTML written there. The HTML itself is the file in the site folder,
which `iki.mkdocs_timpa` keeps between builds; it is read back and reused only when its SHA-256
matches. No entry, another key, a file gone or changed: the page is rendered. The list is written
once the build is done, with every page of this build.

Relies on (mkdocs==1.6.1, mkdocs-material==9.8.1): `build._build_page` gets the page's template
with `env.get_template(name)` (one argument) from the environment the `env` event is given, calls
its `render(context)` with the context of `build.get_context` and writes what it returns, through
the `post_page` events (none here: with any, nothing is reused), as UTF-8 with
`errors="xmlcharrefreplace"` to `page.file.abs_dest_path`; Jinja's own lookups (extends, include,
import) pass the name of the template they come from. Guarded by tests/test_ketergantungan_mkdocs.py,
which also checks that the theme's templates read of a page only what the key holds.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from mkdocs.theme import Theme

from .ekspor.tembolok import Tembolok

log = logging.getLogger("mkdocs.plugins.iki")

HALAMAN = "halaman"  # the cache entry: the list of a site folder's pages
# The template context of mkdocs.commands.build.get_context.
KONTEKS = frozenset({"nav", "pages", "base_url", "extra_css", "extra_javascript", "mkdocs_version",
                     "build_date_utc", "config", "page"})
# What a Page holds when its template is rendered (MkDocs 1.6.1): the key has what templates read of it
# (`_halaman`), the rest is its Markdown, the anchors MkDocs checks links against, and the build date.
ATRIBUT_HALAMAN = frozenset({"_Page__active", "_title_from_render", "abs_url", "canonical_url", "children",
                             "content", "edit_url", "file", "links_to_anchors", "markdown", "meta", "next_page",
                             "parent", "present_anchor_ids", "previous_page", "title", "toc", "update_date"})
# What a Section and a Link of the navigation hold (MkDocs 1.6.1): all of it is in the key but their place.
ATRIBUT_NAVIGASI: dict[type, frozenset[str]] = {Section: frozenset({"_Section__active", "children", "parent", "title"}),
                    Link: frozenset({"parent", "title", "url"}), Page: ATRIBUT_HALAMAN}


class TidakDapat(Exception):
    """Something a template may read cannot be part of the key: nothing is reused."""


class PakaiUlangHalaman:
    """The pages of one `mkdocs build` (from its `env` event to its end)."""

    def __init__(self, config: MkDocsConfig, env: jinja2.Environment, nav: Navigation, tembolok: Tembolok) -> None:
        self._config, self._nav, self._tembolok = config, nav, tembolok
        self._folder = os.path.abspath(config.site_dir).encode("utf-8", "surrogateescape")
        daftar = tembolok.baca(HALAMAN, self._folder)
        try:
            self._lama: dict[str, list[str]] = json.loads(daftar) if daftar else {}
        except ValueError:
            self._lama = {}
        self._baru: dict[str, list[str]] = {}
        self._dasar: bytes | None = None
        self.dipakai_ulang = 0
        ambil = env.get_template

        def get_template(name: Any, parent: str | None = None, globals: Any = None) -> Any:
            templat = ambil(name, parent, globals)
            # MkDocs' own call has the name only; Jinja's lookups from a template give its name.
            return _Templat(templat, self) if parent is None and globals is None else templat

        env.get_template = get_template  # type: ignore[method-assign]

    def render(self, templat: jinja2.Template, context: Mapping[str, Any]) -> str:
        page = context.get("page")
        if not isinstance(page, Page):  # the theme's own templates (404.html, sitemap.xml)
            return templat.render(context)
        try:
            kunci = self._kunci(templat.name, context, page)
        except TidakDapat as sebab:
            log.debug("Halaman %s dibuat ulang: %s", page.file.src_uri, sebab)
            return templat.render(context)
        tujuan = page.file.dest_uri
        lama = self._lama.get(tujuan)
        if lama is not None and lama[0] == kunci and (html := _baca(page.file.abs_dest_path, lama[1])) is not None:
            self._baru[tujuan] = lama
            self.dipakai_ulang += 1
            return html
        html = templat.render(context)
        self._baru[tujuan] = [kunci, hashlib.sha256(html.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()]
        return html

    def selesai(self) -> None:
        """Once every page is written: the list of this build's pages, for the next build."""
        if self._baru != self._lama:
            self._tembolok.simpan(HALAMAN, self._folder, json.dumps(self._baru, sort_keys=True).encode("utf-8"))
        log.debug("%d halaman sama dengan build sebelumnya", self.dipakai_ulang)

    def _kunci(self, nama: str | None, context: Mapping[str, Any], page: Page) -> str:
        if lain := set(context) - KONTEKS:
            raise TidakDapat(f"konteks templat memuat {sorted(lain)}")
        _periksa(page)
        if self._dasar is None:
            self._dasar = _sidik(self._bagian_build(context))
        h = hashlib.sha256(self._dasar)
        h.update(_sidik([nama, _halaman(page), [context[k] for k in ("base_url", "extra_css", "extra_javascript",
                                                                      "mkdocs_version")]]))
        return h.hexdigest()

    def _bagian_build(self, context: Mapping[str, Any]) -> list:
        """What every page's key holds: the configuration, the theme's own files, the navigation, the pages."""
        if self._config.plugins.events["post_page"]:
            raise TidakDapat("ada plugin yang mengubah HTML halaman (post_page)")
        tema: Theme = self._config.theme
        berkas_tema = []
        if tema.custom_dir:
            for folder, subfolder, nama in os.walk(tema.custom_dir):
                subfolder.sort()
                for n in sorted(nama):
                    path = Path(folder, n)
                    berkas_tema.append([path.relative_to(tema.custom_dir).as_posix(),
                                        hashlib.sha256(path.read_bytes()).hexdigest()])
        return [self._config, berkas_tema, _navigasi(self._nav.items),
                [[f.src_uri, f.url] for f in context["pages"]]]


class _Templat:
    """A page's template: rendered, or its previous HTML."""

    def __init__(self, templat: jinja2.Template, pakai_ulang: PakaiUlangHalaman) -> None:
        self._templat, self._pakai_ulang = templat, pakai_ulang

    def render(self, context: Mapping[str, Any]) -> str:
        return self._pakai_ulang.render(self._templat, context)

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._templat, nama)


def _baca(path: str, sidik: str) -> str | None:
    """The file's text when its SHA-256 is `sidik`."""
    try:
        with open(path, "rb") as f:
            isi = f.read()
    except OSError:
        return None
    return isi.decode("utf-8") if hashlib.sha256(isi).hexdigest() == sidik else None


def _halaman(page: Page) -> list:
    return [page.file.src_uri, page.file.dest_uri, page.url, page.canonical_url, page.abs_url, page.edit_url,
            page.title, page.meta, page.is_homepage, _daftar_isi(page.toc), page.content]


def _daftar_isi(toc: Any) -> list:
    return [[a.id, a.title, a.level, _daftar_isi(a.children)] if isinstance(a, AnchorLink) else _tolak(a) for a in toc]


def _periksa(x: Any) -> None:
    """A page, section or link that holds nothing but what MkDocs gives it (a plugin may add more)."""
    if type(x) not in ATRIBUT_NAVIGASI:
        _tolak(x)
    if lain := set(vars(x)) - ATRIBUT_NAVIGASI[type(x)]:
        raise TidakDapat(f"{type(x).__name__} '{x.title}' memuat {sorted(lain)}")


def _navigasi(items: list) -> list:
    hasil: list = []
    for x in items:
        _periksa(x)
        if isinstance(x, Section):
            hasil.append(["bagian", x.title, _navigasi(x.children)])
        elif isinstance(x, Page):
            hasil.append(["halaman", x.title, x.url, x.file.src_uri, x.meta, x.is_index])
        else:
            hasil.append(["tautan", x.title, x.url])
    return hasil


def _sidik(data: Any) -> bytes:
    try:
        teks = json.dumps(data, ensure_ascii=False, sort_keys=True, default=_json)
    except (TypeError, ValueError) as galat:  # ValueError: a cycle
        raise TidakDapat(str(galat)) from None
    return hashlib.sha256(teks.encode("utf-8", "surrogatepass")).digest()


def _json(nilai: Any) -> Any:
    """The values of the configuration and front matter JSON does not write itself."""
    if isinstance(nilai, Theme):
        return {"dirs": nilai.dirs, "static_templates": sorted(nilai.static_templates), "vars": dict(nilai)}
    if isinstance(nilai, BasePlugin):
        return [type(nilai).__module__, type(nilai).__qualname__, nilai.config]
    if isinstance(nilai, markdown.Extension):
        return [type(nilai).__module__, type(nilai).__qualname__, nilai.getConfigs()]
    if isinstance(nilai, Mapping):
        return dict(nilai)
    if isinstance(nilai, datetime.date | datetime.time):
        return nilai.isoformat()
    if isinstance(nilai, set | frozenset):
        return sorted(nilai, key=repr)
    if type(nilai).__module__ == "babel.core" and type(nilai).__name__ == "Locale":
        return str(nilai)
    return _tolak(nilai)


def _tolak(nilai: Any) -> Any:
    raise TidakDapat(f"{type(nilai).__module__}.{type(nilai).__qualname__} tidak dapat ditulis sebagai JSON")
