"""A page whose theme template would be given exactly what it was given in the previous build
keeps the HTML of that build, instead of the theme's templates rendering it again.
Material's templates take about 3 ms a page, a third of what the build process itself does on a
2,000-jabatan site (bench/HASIL.md); changing one jabatan changes only a few pages.

What a page's template is given is MkDocs' template context (keys in KONTEKS): the page, the
navigation, the configuration, the list of pages, and values made from these (`base_url`,
`extra_css`, `extra_javascript`, `mkdocs_version`, `build_date_utc`). A page's key is the SHA-256
of all of it that a template can read: once per build, the configuration (every value: the theme,
each plugin's settings, the Markdown extensions by name), every file of the theme's folders that
are not part of an installed library (`custom_dir`), the whole navigation (each item's kind, title,
address and front matter: Material reads the front matter of other pages too) and the list of
pages; then per page the template's name, the page's addresses, title, front matter, table of
contents and HTML, and the context values made from its address. Values are hashed as templates
can tell them apart: mappings in their order (templates loop over them), every value with its type
(`_kanonik`). The versions of Python and of every installed library (so of the theme's packaged
templates and translations) and the source of this package (which makes the summarised navigation,
`iki.mkdocs_navigasi`, from the navigation and the page) are the base of every key of the build
cache (`iki.ekspor.tembolok`). `build_date_utc` and `Page.update_date`, the build's date, are left
out: no template of the theme reads them (tested), and the site does not change with the date.

Nothing is reused in a build where something a template reads could change unseen: a value of a
type `_kanonik` does not know (a hook module in the configuration), a page, navigation item or
table-of-contents entry holding more than MkDocs gives it, a context with more keys, a plugin other
than this package's and Material's search handling the `env` or `page_context` events, any
`post_page` handler, a `nav` handler after this package's, or a page given another configuration
or navigation than the ones hashed.

Where the previous HTML is (`SimpananHTML`): under `mkdocs build`, per site folder, the build cache
holds a list of the pages: for each output file, the key its page had and the SHA-256 of the HTML
written there. The HTML itself is the file in the site folder, which `iki.mkdocs_timpa` keeps
between builds; it is read back and reused only when its SHA-256 matches. No entry, another key, a
file gone or changed: the page is rendered. The list is written once the build is done, with every
page of this build (`DiSitus`). Under `mkdocs serve`, whose process builds again after every edit
into a folder MkDocs empties first, the HTML is kept in memory with its key (`DiMemori`).

Relies on (mkdocs==1.6.1, mkdocs-material==9.8.1): `build._build_page` gets the page's template
with `env.get_template(name)` (one argument) from the environment the `env` event is given, calls
its `render(context)` with the context of `build.get_context` and writes what it returns, through
the `post_page` events, as UTF-8 with `errors="xmlcharrefreplace"` to `page.file.abs_dest_path`;
Jinja's own lookups (extends, include, import) pass the name of the template they come from;
`PluginCollection.events` lists each event's handlers as bound methods, in the order they run.
Guarded by tests/test_ketergantungan_mkdocs.py, which also checks that the theme's templates read
of a page only what the key holds.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import sysconfig
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import jinja2
import markdown
from material.plugins.search.plugin import SearchPlugin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
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
ATRIBUT_NAVIGASI: dict[type, frozenset[str]] = {
    Section: frozenset({"_Section__active", "children", "parent", "title"}),
    Link: frozenset({"parent", "title", "url"}),
    Page: ATRIBUT_HALAMAN,
}


class TidakDapat(Exception):
    """Something a template may read cannot be part of the key: nothing is reused."""


class PakaiUlangHalaman:
    """The pages of one `mkdocs build` (from its `env` event to its end)."""

    def __init__(self, config: MkDocsConfig, env: jinja2.Environment, nav: Navigation, simpanan: SimpananHTML,
                 plugin: BasePlugin, akhir_nav: Any) -> None:
        """`simpanan`: where the previous build's HTML is; `plugin`: this package's, whose `env` and
        `page_context` events (like those of Material's search) change nothing a template reads but the
        page's own HTML; `akhir_nav`: its `nav` event that gave `nav`, which must be the last."""
        self._config, self._nav, self._simpanan = config, nav, simpanan
        self._dasar: bytes | None = None
        self._tidak_dapat: str | None = None  # why nothing is reused in this build
        self.dipakai_ulang = 0
        try:
            _periksa_plugin(config, (type(plugin), SearchPlugin), akhir_nav)
            # Read now, before any template is loaded: an edit saved meanwhile is in the key.
            self._tema = _berkas_tema(config.theme)
        except TidakDapat as sebab:
            self._tidak_dapat = str(sebab)
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
        if (html := self._simpanan.ambil(page.file, kunci)) is not None:
            self.dipakai_ulang += 1
            return html
        html = templat.render(context)
        self._simpanan.catat(page.file, kunci, html)
        return html

    def selesai(self) -> None:
        """Once every page is written: kept for the next build."""
        self._simpanan.selesai()
        log.debug("%d halaman sama dengan build sebelumnya", self.dipakai_ulang)

    def _kunci(self, nama: str | None, context: Mapping[str, Any], page: Page) -> str:
        if self._tidak_dapat is not None:
            raise TidakDapat(self._tidak_dapat)
        if lain := set(context) - KONTEKS:
            raise TidakDapat(f"konteks templat memuat {sorted(lain)}")
        # The configuration and navigation hashed once are the ones this page is given (the summarised
        # navigation, iki.mkdocs_navigasi, is a copy sharing the list of pages).
        if context["config"] is not self._config or getattr(context["nav"], "pages", None) is not self._nav.pages:
            raise TidakDapat("konfigurasi atau navigasi lain")
        _periksa(page)
        if self._dasar is None:
            try:
                self._dasar = _sidik([self._config, self._tema, _navigasi(self._nav.items),
                                      [[f.src_uri, f.url] for f in context["pages"]]])
            except TidakDapat as sebab:
                self._tidak_dapat = str(sebab)
                raise
        h = hashlib.sha256(self._dasar)
        h.update(_sidik([nama, _halaman(page), [context[k] for k in ("base_url", "extra_css", "extra_javascript",
                                                                      "mkdocs_version")]]))
        return h.hexdigest()


class SimpananHTML(Protocol):
    """Where each page's HTML of the previous build is, by its output path, with the key it had."""

    def ambil(self, berkas: File, kunci: str) -> str | None:
        """The previous build's HTML of this page, if its key was `kunci`; kept for the next build."""

    def catat(self, berkas: File, kunci: str, html: str) -> None:
        """This build's HTML of a page, rendered under `kunci`."""

    def selesai(self) -> None:
        """Once every page is written."""


class DiSitus:
    """`mkdocs build`: the HTML is the file in the site folder (kept by iki.mkdocs_timpa), checked
    against the SHA-256 the list of pages in the build cache holds for it; the list, written once the
    build is done, holds this build's pages."""

    def __init__(self, config: MkDocsConfig, tembolok: Tembolok) -> None:
        self._tembolok = tembolok
        self._folder = os.path.abspath(config.site_dir).encode("utf-8", "surrogateescape")
        daftar = tembolok.baca(HALAMAN, self._folder)
        try:
            lama = json.loads(daftar) if daftar else {}
        except ValueError:
            lama = {}
        if not isinstance(lama, dict):
            lama = {}
        # page output path -> [key, SHA-256 of its HTML]; anything else in the list is left out
        self._lama: dict[str, list[str]] = {t: v for t, v in lama.items() if isinstance(v, list) and len(v) == 2}
        self._baru: dict[str, list[str]] = {}

    def ambil(self, berkas: File, kunci: str) -> str | None:
        lama = self._lama.get(berkas.dest_uri)
        if lama is None or lama[0] != kunci or (html := _baca(berkas.abs_dest_path, lama[1])) is None:
            return None
        self._baru[berkas.dest_uri] = lama
        return html

    def catat(self, berkas: File, kunci: str, html: str) -> None:
        sidik = hashlib.sha256(html.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()
        self._baru[berkas.dest_uri] = [kunci, sidik]

    def selesai(self) -> None:
        if self._baru != self._lama:
            self._tembolok.simpan(HALAMAN, self._folder, json.dumps(self._baru, sort_keys=True).encode("utf-8"))


class DiMemori:
    """`mkdocs serve`, whose process builds again and again into a folder it empties first: the
    HTML of every page built so far, in memory, with its key."""

    def __init__(self) -> None:
        self._html: dict[str, tuple[str, str]] = {}

    def ambil(self, berkas: File, kunci: str) -> str | None:
        lama = self._html.get(berkas.dest_uri)
        return lama[1] if lama is not None and lama[0] == kunci else None

    def catat(self, berkas: File, kunci: str, html: str) -> None:
        self._html[berkas.dest_uri] = (kunci, html)

    def selesai(self) -> None:
        """Nothing to write: the next build of this process reads the same memory."""


class _Templat:
    """A page's template: rendered, or its previous HTML."""

    def __init__(self, templat: jinja2.Template, pakai_ulang: PakaiUlangHalaman) -> None:
        self._templat, self._pakai_ulang = templat, pakai_ulang

    def render(self, context: Mapping[str, Any]) -> str:
        return self._pakai_ulang.render(self._templat, context)

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._templat, nama)


def _periksa_plugin(config: MkDocsConfig, dikenal: tuple[type, ...], akhir_nav: Any) -> None:
    """No plugin but `dikenal` may change, while pages are built, what a template reads; none may
    change the HTML afterwards, nor the navigation after `akhir_nav` has taken it."""
    acara = config.plugins.events
    if acara["post_page"]:
        raise TidakDapat("ada plugin yang mengubah HTML halaman (post_page)")
    for nama in ("env", "page_context"):
        if lain := [m for m in acara[nama] if not isinstance(getattr(m, "__self__", None), dikenal)]:
            raise TidakDapat(f"plugin lain menangani {nama}: {lain}")
    if not acara["nav"] or acara["nav"][-1] != akhir_nav:
        raise TidakDapat("plugin lain mengubah navigasi sesudah iki")


def _berkas_tema(tema: Theme) -> list:
    """Every file of the theme's folders that are not part of an installed library (whose version is in
    the base of every key): its own folder (`custom_dir`), and any other, by path and SHA-256."""
    pustaka = [Path(sysconfig.get_paths()[k]).resolve() for k in ("purelib", "platlib")]
    hasil = []
    for akar in tema.dirs:
        if akar != tema.custom_dir and any(Path(akar).resolve().is_relative_to(p) for p in pustaka):
            continue
        for folder, subfolder, nama in os.walk(akar):
            subfolder.sort()
            for n in sorted(nama):
                path = Path(folder, n)
                hasil.append([akar, path.relative_to(akar).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()])
    return hasil


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
    hasil = []
    for a in toc:
        if type(a) is not AnchorLink or set(vars(a)) - {"id", "title", "level", "children", "active"}:
            _tolak(a)
        hasil.append([a.id, a.title, a.level, getattr(a, "active", None), _daftar_isi(a.children)])
    return hasil


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
    teks = json.dumps(_kanonik(data), ensure_ascii=False)
    return hashlib.sha256(teks.encode("utf-8", "surrogatepass")).digest()


def _kanonik(nilai: Any, dalam: frozenset[int] = frozenset()) -> Any:
    """`nilai` as JSON that keeps what a template can tell apart: the order of a mapping (templates
    loop over it), and the type of every value (a tuple prints otherwise than a list, 1 otherwise than
    "1", a date otherwise than its text, Markup is not escaped again). TidakDapat for anything else."""
    jenis = type(nilai)
    if nilai is None or jenis in (bool, int, float, str):
        return nilai
    if id(nilai) in dalam:
        raise TidakDapat("nilai yang memuat dirinya sendiri")
    dalam = dalam | {id(nilai)}
    if jenis is list:
        return ["list", [_kanonik(x, dalam) for x in nilai]]
    if jenis is tuple or isinstance(nilai, tuple) and hasattr(nilai, "_fields"):
        return [_nama(jenis), [_kanonik(x, dalam) for x in nilai]]
    if isinstance(nilai, str | int | float):  # Markup, enums
        return [_nama(jenis), nilai]
    if isinstance(nilai, datetime.date | datetime.time):
        return [_nama(jenis), nilai.isoformat()]
    if isinstance(nilai, set | frozenset):
        return [_nama(jenis), sorted(json.dumps(_kanonik(x, dalam)) for x in nilai)]
    if isinstance(nilai, Theme):
        return [_nama(jenis), _kanonik(nilai.dirs, dalam), sorted(nilai.static_templates),
                _kanonik(dict(nilai), dalam)]
    if isinstance(nilai, BasePlugin):
        return [_nama(jenis), _kanonik(nilai.config, dalam)]
    if isinstance(nilai, markdown.Extension):
        return [_nama(jenis), _kanonik(nilai.getConfigs(), dalam)]
    if isinstance(nilai, Mapping):
        return [_nama(jenis), [[_kanonik(k, dalam), _kanonik(v, dalam)] for k, v in nilai.items()]]
    if jenis.__module__ == "babel.core" and jenis.__name__ == "Locale":
        return [_nama(jenis), str(nilai)]
    return _tolak(nilai)


def _nama(jenis: type) -> str:
    return f"{jenis.__module__}.{jenis.__qualname__}"


def _tolak(nilai: Any) -> Any:
    raise TidakDapat(f"{_nama(type(nilai))} tidak dapat ditulis sebagai JSON")
