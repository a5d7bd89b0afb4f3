"""MkDocs glue, kept thin: load the model once, add one generated page per
jabatan and per unit, put them in the navigation by unit, add the downloads
(`iki.ekspor`) under `unduh/` and the printed form's stylesheet, and fail the
build with the loader's messages when the data is broken.

Every page embeds the navigation, so a navigation listing every jabatan makes
the build grow with the square of the number of jabatan. Above
`batas_navigasi_penuh` jabatan the navigation is therefore summarised: Material's
`navigation.prune`, and a page inside a unit lists only its own unit (the page
"Unit Kerja" and the unit pages still reach every jabatan).

A generated page is rendered by `iki.render` when MkDocs builds it. Hand-written
pages call the macros module (`macros/`), which asks this plugin for the model.
The HTML of both skips Markdown's HTML parsers (`iki.simpan_html`).
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape
from mkdocs import plugins
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from . import ekspor, pencarian
from .loader import LetakData, muat, muat_daftar
from .masalah import DataTidakValid
from .model import Jabatan, Keputusan
from .render import Tautan, halaman_jabatan, halaman_unit, render
from .riwayat import Riwayat, alamat_riwayat, tanggal_perubahan
from .simpan_html import PENANDA, TUNDA, SimpanHTML

log = plugins.get_plugin_logger(__name__)


class IKIPluginConfig(Config):
    folder_data = c.Type(str, default="data")
    folder_jabatan = c.Type(str, default="jabatan")
    navigasi_unit = c.Type(str, default="Unit Kerja")
    batas_navigasi_penuh = c.Type(int, default=100)
    # Change history of a file = repo_url + riwayat_uri + path; by default derived from edit_uri.
    riwayat_uri = c.Optional(c.Type(str))
    # The Lampiran PDF costs seconds per build; a benchmark with thousands of jabatan turns it off.
    pdf_lampiran = c.Type(bool, default=True)

FOLDER_UNDUHAN = "unduh"
CSS_FORMULIR = "assets/iki-formulir.css"


class HalamanData(File):
    """A generated page: `buat` renders its Markdown from the model when the page is built
    (the template's output goes to Markdown and is never rendered again as a template, so no
    editor text is executed); `sumber` are the data files it is made from, so that
    `mkdocs serve --dirty` rebuilds it only when one of them is newer than the page it last wrote."""

    buat: Callable[[Page], str]
    judul: str  # HTML-escaped: Material prints page titles unescaped in places
    sumber: list[Path]

    def is_modified(self) -> bool:
        if not os.path.isfile(self.abs_dest_path):
            return True
        dibangun = os.path.getmtime(self.abs_dest_path)
        return any(os.path.getmtime(p) > dibangun for p in self.sumber)


class IKIPlugin(BasePlugin[IKIPluginConfig]):
    keputusan: Keputusan
    singkatan: list[pencarian.Singkatan]
    aturan_akar: list[pencarian.AturanAkar]
    letak: LetakData
    unduhan: list[ekspor.Unduhan]
    riwayat: Riwayat

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.letak = LetakData(Path(config.config_file_path).parent, self.config.folder_data, self.config.folder_jabatan)
        try:
            self.keputusan = muat(self.letak)
            self.singkatan = muat_daftar(self.letak, "singkatan.yml", pencarian.Singkatan)
            self.aturan_akar = muat_daftar(self.letak, "akar.yml", pencarian.AturanAkar)
        except DataTidakValid as galat:
            raise PluginError(str(galat)) from None
        tanggal = tanggal_perubahan(self.letak.root, self.config.folder_jabatan)
        if tanggal is None:
            log.info("Riwayat git tidak tersedia: tanggal perubahan halaman jabatan ditulis 'tidak diketahui'.")
        self.riwayat = Riwayat(tanggal, alamat_riwayat(config.repo_url, config.edit_uri, self.config.riwayat_uri))
        self._bagian_unit: Section | None = None
        self._ringkas = len(self.keputusan.jabatan) > self.config.batas_navigasi_penuh
        if self._ringkas and "navigation.prune" not in config.theme["features"]:
            config.theme["features"] = [*config.theme["features"], "navigation.prune"]
        self._simpan_html = SimpanHTML()
        self._tunda: dict[str, list[str]] = {}
        config.markdown_extensions.append(self._simpan_html)
        if CSS_FORMULIR not in config.extra_css:
            config.extra_css.append(CSS_FORMULIR)
        if config.nav is not None:
            self._isi_navigasi(config)
        return config

    def _isi_navigasi(self, config: MkDocsConfig) -> None:
        """Fill the nav entry named `navigasi_unit`: one section per unit, its page then its jabatan."""
        for entri in config.nav:
            if isinstance(entri, dict) and self.config.navigasi_unit in entri:
                entri[self.config.navigasi_unit] = [entri[self.config.navigasi_unit] or "unit/index.md"] + [
                    {str(escape(u.nama)): [f"unit/{u.kode}/index.md"]
                     + [f"jabatan/{j.slug}.md" for j in self.keputusan.jabatan_di_unit(u.kode)]}
                    for u in self.keputusan.unit
                ]
                return
        raise PluginError(
            f"mkdocs.yml: navigasi (nav) harus memuat entri '{self.config.navigasi_unit}: unit/index.md' "
            "tempat halaman unit dan jabatan disisipkan."
        )

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        k = self.keputusan
        data = sorted(p for p in (self.letak.root / self.letak.data).iterdir() if p.is_file())
        for j in k.jabatan:
            # A jabatan page shows its own file and the names of its atasan and bawahan.
            terkait = [j, *([k.cari_jabatan(j.atasan)] if j.atasan else []), *k.bawahan(j.slug)]
            berkas = self._halaman(files, config, f"jabatan/{j.slug}.md", self._buat_jabatan(j), j.nama,
                                   data + self._sumber(terkait))
            # The "edit" link opens the jabatan's source file, not the generated page.
            berkas.edit_uri = os.path.relpath(self.letak.root / j.sumber, config.docs_dir).replace(os.sep, "/")
        for u in k.unit:
            anggota = k.jabatan_di_unit(u.kode)
            terkait = anggota + [k.cari_jabatan(j.atasan) for j in anggota if j.atasan]
            self._halaman(files, config, f"unit/{u.kode}/index.md",
                          lambda page, kode=u.kode: halaman_unit(k, kode, Tautan(page.url)),
                          u.nama, data + self._sumber(terkait))
        self._tambah(files, config, CSS_FORMULIR, render("formulir.css"))
        self._tambah(files, config, "assets/saring-cari.json",
                     json.dumps(pencarian.pilihan_saring(k), ensure_ascii=False, indent=1))
        daftar = [e for e in ekspor.EKSPOR if self.config.pdf_lampiran or e is not ekspor.PDF]
        self.unduhan = ekspor.buat_unduhan(self.keputusan, daftar)
        for u in self.unduhan:
            self._tambah(files, config, f"{FOLDER_UNDUHAN}/{u.nama}", u.isi)
        return files

    def _buat_jabatan(self, j: Jabatan) -> Callable[[Page], str]:
        def buat(page: Page) -> str:
            perubahan = self.riwayat.perubahan(j.sumber, page.edit_url)
            return halaman_jabatan(self.keputusan, j.slug, Tautan(page.url), self.unduhan, perubahan)
        return buat

    def _sumber(self, jabatan: list[Jabatan]) -> list[Path]:
        return [self.letak.root / j.sumber for j in jabatan]

    def _halaman(self, files: Files, config: MkDocsConfig, src_uri: str, buat: Callable[[Page], str], judul: str,
                 sumber: list[Path]) -> HalamanData:
        berkas = self._tambah(files, config, src_uri, "", HalamanData)
        berkas.buat, berkas.judul, berkas.sumber = buat, str(escape(judul)), sumber
        return berkas

    def _tambah(self, files: Files, config: MkDocsConfig, src_uri: str, isi: str | bytes, jenis: type[File] = File):
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} bertabrakan dengan berkas yang dibuat dari data; hapus berkas itu.")
        berkas = jenis.generated(config, src_uri, content=isi)
        files.append(berkas)
        return berkas

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._bagian_unit = next((x for x in nav.items if isinstance(x, Section)
                                  and x.title == self.config.navigasi_unit), None)
        return nav

    @event_priority(-10)  # after the search plugin has indexed the page
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav: Navigation):
        """Put back what SimpanHTML kept from the search index; and the summarised navigation:
        on a page inside a unit, the section "Unit Kerja" holds only its own page and that unit
        (the other units are one click away, on "Unit Kerja")."""
        if tunda := self._tunda.pop(page.file.src_uri, None):
            page.content = TUNDA.sub(lambda m: tunda[int(m[1])], page.content)
        if not self._ringkas or self._bagian_unit is None:
            return context
        unit = next((a for a in page.ancestors if a.parent is self._bagian_unit), None)
        if unit is not None:
            bagian = Section(self._bagian_unit.title, [self._bagian_unit.children[0], unit])
            bagian.active = True
            context["nav"] = copy.copy(nav)
            context["nav"].items = [bagian if x is self._bagian_unit else x for x in nav.items]
        return context

    @event_priority(-50)  # after mkdocs-macros, which would evaluate "{{" in a title
    def on_page_markdown(self, markdown: str, page: Page, **kwargs) -> str:
        if not isinstance(page.file, HalamanData):
            return markdown
        page.title = page.file.judul  # type: ignore[misc]
        return f"{PENANDA}\n{page.file.buat(page)}"

    def on_page_content(self, html: str, page: Page, **kwargs) -> str:
        # Ids inside the HTML blocks that SimpanHTML stored, for MkDocs' anchor validation.
        page.present_anchor_ids = (page.present_anchor_ids or set()) | self._simpan_html.id_terakhir
        if self._simpan_html.tunda:
            self._tunda[page.file.src_uri] = self._simpan_html.tunda
        return html

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Indonesian search: switch the index to the language `id` and write the
        `lunr.id` plugin the search worker loads for it (see iki.pencarian)."""
        path = Path(config.site_dir) / "search" / "search_index.json"
        if not path.is_file():
            return
        tanda = {Tautan().jabatan(j.slug): pencarian.tanda_jabatan(self.keputusan, j) for j in self.keputusan.jabatan}
        indeks, skrip = pencarian.lengkapi_indeks(
            json.loads(path.read_text(encoding="utf-8")), self.singkatan, self.aturan_akar, tanda)
        path.write_text(json.dumps(indeks, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        (Path(config.site_dir) / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js").write_text(
            skrip, encoding="utf-8")

    def on_serve(self, server, config: MkDocsConfig, builder, **kwargs):
        for folder in (self.letak.data, self.letak.jabatan):
            server.watch(str(self.letak.root / folder))
        return server
