"""MkDocs glue, kept thin: load the archive of decrees once, add the pages generated from the data
(`iki.halaman`) and the downloads, put them in the navigation, and fail the build with the
loader's messages when the data is broken.

Each decree's pages live under its own address (`Keputusan.alamat`): the real 2022 decree at the
site root, as it was first published, every other one under `<id>/`. The navigation of the root
decree is the one `mkdocs.yml` lists (its entry `navigasi_unit` is filled with units and jabatan);
every other decree gets a section of its own after it.

A generated page is rendered by `iki.halaman` when MkDocs builds it. Hand-written pages call the
macros module (`macros/`), which asks this plugin for the decree of the page. The HTML of both
skips Markdown's HTML parsers (`iki.simpan_html`).

This module keeps to MkDocs' plugin API (events, `Files`, `File.generated`, the configuration).
What leans on MkDocs' or Material's internals is in modules of its own, each naming the internal it
relies on and guarded by a test (tests/test_ketergantungan_mkdocs.py): `iki.mkdocs_berkas`
(`mkdocs serve --dirty`), `iki.mkdocs_navigasi` (the summarised navigation), `iki.mkdocs_simpan_html`
(the stored HTML's ids and search exclusions), `iki.mkdocs_pencarian` (the Indonesian search),
`iki.mkdocs_tema` (the theme's environments), `iki.mkdocs_pantau` (how often `serve` looks at the data),
`iki.mkdocs_timpa` (the site written over the previous build's) and `iki.mkdocs_pakai_ulang` (a page's
previous HTML when its template is given what it was given then).
`iki.penjaga` stops a build in which this plugin did not run.
"""

from __future__ import annotations

import atexit
import datetime
import functools
import gc
import json
import os
from pathlib import Path
from typing import Any, cast

from markupsafe import escape
from mkdocs import plugins
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import baca, ekspor, mkdocs_pantau, mkdocs_pencarian, mkdocs_tema, pencarian, penjaga, render
from .arsip import Arsip
from .halaman import Situs, halaman_situs
from .loader import FOLDER_DATA, FOLDER_JABATAN, muat_data_situs
from .masalah import DataTidakValid, Masalah, laporan
from .mkdocs_berkas import HalamanData
from .mkdocs_kerangka import Kerangka
from .mkdocs_navigasi import NavigasiRingkas
from .mkdocs_pakai_ulang import DiMemori, DiSitus, PakaiUlangHalaman
from .mkdocs_simpan_html import HTMLTersimpan
from .mkdocs_timpa import TimpaSitus
from .model import AturanAkar, Keputusan, Singkatan
from .pemuat_arsip import muat_arsip
from .riwayat import Riwayat, alamat_riwayat, riwayat_git, waktu_sumber
from .serentak import KeadaanGC, ProsesLain, kurangi_gc, pulihkan_gc, tahan_gc
from .simpan_html import PENANDA

log = plugins.get_plugin_logger(__name__)


class IKIPluginConfig(Config):
    navigasi_unit = c.Type(str, default="Unit Kerja")
    batas_navigasi_penuh = c.Type(int, default=100)
    # Change history of a file = repo_url + riwayat_uri + path; by default derived from edit_uri.
    riwayat_uri = c.Optional(c.Type(str))
    # The Lampiran PDF costs seconds per build; a benchmark with thousands of jabatan turns it off.
    pdf_lampiran = c.Type(bool, default=True)
    # Drafts (`rancangan: true`) are checked but published only when asked for (a review build);
    # the environment variable IKI_RANCANGAN=1 asks for it too.
    rancangan = c.Type(bool, default=False)
    # Fictional decrees (tests) are refused unless a test site allows them.
    izinkan_fiktif = c.Type(bool, default=False)


CSS_FORMULIR = "assets/iki-formulir.css"


@functools.cache
def _bekukan_saat_keluar() -> None:
    """When the process exits, first move every object out of the garbage collector's reach
    (gc.freeze): CPython's finalisation then frees the modules without its collections walking the
    whole heap again, about half a second of the real site's build (bench/HASIL.md). Objects in
    reference cycles are then not finalised (their __del__ does not run), which CPython does not
    promise at exit anyway; the build closes every file it writes."""
    atexit.register(gc.freeze)


def _fiktif(k: Keputusan) -> bool:
    i = k.identitas
    return any("fiktif" in (teks or "").casefold() for teks in (i.nomor, i.judul, i.instansi))


class IKIPlugin(BasePlugin[IKIPluginConfig]):
    arsip: Arsip
    situs: Situs
    singkatan: list[Singkatan]
    aturan_akar: list[AturanAkar]
    root: Path
    _tembolok: ekspor.tembolok.Tembolok
    _entri: mkdocs_pencarian.EntriPencarian
    _proses: ProsesLain | None = None
    _nav: Navigation
    _pakai_ulang: PakaiUlangHalaman
    _keadaan_gc: KeadaanGC | None = None  # the collector before this build loaded the decrees
    _serve = False

    def __init__(self) -> None:
        super().__init__()
        self._timpa = TimpaSitus()
        self._html_serve = DiMemori()  # kept while `mkdocs serve` runs: MkDocs keeps this plugin between builds

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serve = command == "serve"
        _bekukan_saat_keluar()

    @event_priority(100)  # before Material's search plugin makes environments of the theme in its on_config
    def _on_config_tema(self, config: MkDocsConfig) -> MkDocsConfig:
        """Compiled templates from the build cache, before anything renders: the theme's, and the
        package's (the downloads, in on_files, use them first)."""
        self.root = Path(config.config_file_path).parent
        mkdocs_tema.percepat(config.theme, render.templat_terkompilasi(self.root / ekspor.FOLDER_TEMBOLOK))
        render.siapkan_templat(self.root / ekspor.FOLDER_TEMBOLOK)
        return config

    def _on_config_data(self, config: MkDocsConfig) -> MkDocsConfig:
        # The plugin runs: the guard that fails a build without it is not needed (iki.penjaga).
        penjaga.lepas(config.markdown_extensions, config.mdx_configs)
        # Checked before MkDocs lists and reads them: no symlink out of the repository, no FIFO to hang on.
        ditolak = [(p, t) for folder in (config.docs_dir, config.theme.custom_dir) if folder
                   for p, t in baca.periksa_pohon(self.root, Path(folder))]
        if ditolak:
            raise PluginError(laporan([Masalah(os.path.relpath(p, self.root), t.baris, None, t.pesan, t.saran)
                                       for p, t in ditolak]))
        # One view of the build cache for this build (it reads the templates again: `serve` rebuilds see edits).
        self._tembolok = ekspor.buka_tembolok(self.root)
        # Another process makes the downloads and Material's search entries while the pages are built
        # (iki.serentak); it loads the decrees itself meanwhile. Not under `serve`, which makes them itself.
        self._proses = None if self._serve else ProsesLain(self.root, self._tembolok)
        if not self._serve and self._keadaan_gc is None:  # `serve` loads them again at every rebuild
            self._keadaan_gc = tahan_gc()
        try:
            semua = muat_arsip(self.root)
            data_situs = muat_data_situs(self.root)
            self.singkatan, self.aturan_akar = data_situs.singkatan, data_situs.aturan_akar
        except DataTidakValid as galat:
            raise PluginError(str(galat)) from None
        rancangan = self.config.rancangan or os.environ.get("IKI_RANCANGAN") == "1"
        for k in semua:
            if _fiktif(k) and not self.config.izinkan_fiktif:
                raise PluginError(f"{FOLDER_DATA}/{k.id}/keputusan.yml: Keputusan ini bertanda fiktif. Situs hanya "
                                  "menerbitkan Keputusan yang sungguh ditetapkan; contoh fiktif hanya untuk tests/.")
            if k.identitas.rancangan and not rancangan:
                log.info(f"Rancangan {k.id} diperiksa tetapi tidak diterbitkan (terbitkan dengan IKI_RANCANGAN=1).")
        self.arsip = Arsip(tuple(k for k in semua if rancangan or not k.identitas.rancangan))
        git = riwayat_git(self.root, FOLDER_JABATAN, tembolok=self._tembolok,
                          dimuat={j.sumber for k in semua for j in k.jabatan})
        if git is None:
            log.info("Riwayat git tidak tersedia: tanggal perubahan halaman jabatan ditulis 'tidak diketahui'.")
        alamat = alamat_riwayat(config.repo_url, config.edit_uri, self.config.riwayat_uri)
        riwayat = Riwayat(git[0], alamat, git[1]) if git else Riwayat(None, alamat)
        # Same sources, same bytes: MkDocs dates its output by this instead of the clock.
        tanggal = max((k.identitas.tanggal for k in semua if k.identitas.tanggal), default=None)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(waktu_sumber(self.root, tanggal or datetime.date(2022, 1, 1))))
        unduhan = [e for e in ekspor.EKSPOR if self.config.pdf_lampiran or e is not ekspor.PDF]
        # Under `mkdocs serve` a page shows an edit without waiting for the downloads (see ekspor.buat_unduhan).
        self.situs = Situs(self.arsip, Path(config.docs_dir), riwayat, unduhan, self._tembolok,
                           Path(config.site_dir) if self._serve else None)
        if self._proses is not None:  # made while the pages are built, written once they are (on_post_build)
            self.situs.mulai_unduhan(self._proses)
        # Every page embeds the navigation: above `batas_navigasi_penuh` jabatan it is summarised.
        ringkas = sum(len(k.jabatan) for k in self.arsip) > self.config.batas_navigasi_penuh
        self._ringkasan = NavigasiRingkas(config, self.config.navigasi_unit) if ringkas else None
        self._html = HTMLTersimpan(config)
        self._kerangka = Kerangka(self._html.ekstensi)
        if self._keadaan_gc is not None:
            kurangi_gc()
        if CSS_FORMULIR not in config.extra_css:
            config.extra_css.append(CSS_FORMULIR)
        if config.nav is not None:
            self._isi_navigasi(config.nav)
        return config

    on_config = plugins.CombinedEvent(_on_config_tema, _on_config_data)

    @event_priority(-100)  # MkDocs empties the site folder right after the pre_build events
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self._serve:  # the site is written over the previous build's (iki.mkdocs_timpa)
            self._timpa.pasang()

    def _isi_navigasi(self, nav: list) -> None:
        """Fill the nav entry named `navigasi_unit` with the root decree's units and jabatan, and add a
        section for every other decree."""
        utama = self.situs.utama
        for entri in nav:
            if isinstance(entri, dict) and self.config.navigasi_unit in entri:
                if utama is not None:
                    entri[self.config.navigasi_unit] = [entri[self.config.navigasi_unit] or "unit/index.md",
                                                        *self._navigasi_unit(utama)]
                break
        else:
            raise PluginError(
                f"mkdocs.yml: navigasi (nav) harus memuat entri '{self.config.navigasi_unit}: unit/index.md' "
                "tempat halaman unit dan jabatan disisipkan."
            )
        for k in self.arsip:
            if k is not utama:
                nav.append({self.situs.label(k): self._navigasi_keputusan(k)})

    def _navigasi_unit(self, k: Keputusan) -> list:
        d = k.alamat
        return [{str(escape(u.nama)): [f"{d}unit/{u.kode}/index.md"]
                 + [f"{d}jabatan/{j.slug}.md" for j in k.jabatan_di_unit(u.kode)]}
                for u in k.unit]

    def _navigasi_keputusan(self, k: Keputusan) -> list:
        d = k.alamat
        daftar: list = [f"{d}index.md"]
        if self.arsip.pendahulu(k):
            daftar.append(f"{d}perubahan.md")
        organisasi = [f"{d}organisasi/{nama}.md" for nama in ("bagan", "daftar-jabatan", "pohon-kinerja")]
        if self.situs.alamat(k).tujuan.startswith("organisasi/"):
            organisasi.append(f"{d}organisasi/tujuan.md")
        daftar += [{"Organisasi": organisasi},
                   {self.config.navigasi_unit: [f"{d}unit/index.md", *self._navigasi_unit(k)]},
                   f"{d}unduh.md"]
        return daftar

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self._timpa.lepas()  # MkDocs has emptied the folder, or not (--dirty)
        # MkDocs builds pages in the order of `files`: the pages that wait for the downloads come last.
        for h in sorted(halaman_situs(self.situs), key=lambda h: h.lengkapi is not None):
            berkas = cast(HalamanData, self._tambah(files, config, h.src_uri, "", HalamanData))
            berkas.halaman = h
            if h.sunting is not None:
                # The "edit" link opens the data file the page is made from, not the generated page.
                berkas.edit_uri = os.path.relpath(self.root / h.sunting, config.docs_dir).replace(os.sep, "/")
        self._tambah(files, config, CSS_FORMULIR, self.situs.css_formulir())
        if self.situs.menunda_unduhan:  # listed now (links to them are checked), written in on_post_build
            for src_uri in self.situs.nama_unduhan():
                self._tambah(files, config, src_uri, b"")
        else:
            for src_uri, isi in self.situs.unduhan_semua():
                self._tambah(files, config, src_uri, isi)
        self._tambah(files, config, "assets/saring-cari.json",
                     json.dumps(pencarian.pilihan_saring(self.arsip), ensure_ascii=False, indent=1))
        return files

    def _tambah(self, files: Files, config: MkDocsConfig, src_uri: str, isi: str | bytes,
                jenis: type[File] = File) -> File:
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} bertabrakan dengan berkas yang dibuat dari data; hapus berkas itu.")
        berkas = jenis.generated(config, src_uri, content=isi)
        files.append(berkas)
        return berkas

    def keputusan_halaman(self, src_uri: str) -> Keputusan:
        """The decree a hand-written page belongs to: the one whose address holds it (macros)."""
        return self.situs.keputusan_di(src_uri)

    def _on_nav_ringkas(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        if self._ringkasan is not None:
            self._ringkasan.catat(nav)
        return nav

    @event_priority(-100)  # the navigation the pages are built with, after every plugin's on_nav
    def _on_nav_akhir(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    on_nav = plugins.CombinedEvent(_on_nav_ringkas, _on_nav_akhir)

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # After every plugin's on_config, where Material's search makes its index.
        self._entri = mkdocs_pencarian.EntriPencarian(config, self._tembolok, self._proses)
        self.situs.sambil_menunggu = self._entri.kerjakan
        self._timpa.siapkan(config, files)  # MkDocs writes the files next
        # A page given what it was given last time keeps its HTML: from the site folder, which `build`
        # keeps (timpa), or from memory under `serve`, whose process builds again and again.
        simpanan = self._html_serve if self._serve else DiSitus(config, self._tembolok)
        self._pakai_ulang = PakaiUlangHalaman(config, env, self._nav, simpanan, self, self._on_nav_akhir)
        return env

    @event_priority(50)  # before Material's search plugin indexes the page
    def _on_page_context_lengkapi(self, context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        if isinstance(page.file, HalamanData) and page.file.halaman.lengkapi and page.content is not None:
            page.content = page.file.halaman.lengkapi(page.url, page.content)
        return context

    @event_priority(-10)  # after Material's search plugin has indexed the page
    def _on_page_context_indeks(self, context: Any, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        self._html.setelah_indeks(page)
        if self._ringkasan is not None and (ringkas := self._ringkasan.untuk(page, nav)) is not None:
            context["nav"] = ringkas
        return context

    on_page_context = plugins.CombinedEvent(_on_page_context_lengkapi, _on_page_context_indeks)

    @event_priority(-50)  # after mkdocs-macros, which would evaluate "{{" in a title
    def on_page_markdown(self, markdown: str, page: Page, **kwargs: Any) -> str:
        if not isinstance(page.file, HalamanData):
            return markdown
        h = page.file.halaman
        page.title = str(escape(h.judul))  # Material prints titles unescaped in places
        page.meta.update(h.meta)
        isi = h.buat(page.url, page.edit_url)
        if not h.penanda:
            return isi
        self._kerangka.pasang(page)
        return f"{PENANDA}\n{isi}"

    def on_page_content(self, html: str, page: Page, **kwargs: Any) -> str:
        self._html.setelah_render(page)
        return html

    @event_priority(50)  # before Material's search plugin writes its index
    def _on_post_build_entri(self, config: MkDocsConfig) -> None:
        if self._proses is not None:
            self._proses.selesai(tunggu=False)  # every page has been handed to it
        self._entri.selesaikan()

    @event_priority(-100)  # after Material's search plugin has written its index
    def _on_post_build_pencarian(self, config: MkDocsConfig) -> None:
        """Indonesian search (iki.mkdocs_pencarian): each jabatan's result names its unit and jenis, and
        its decree where the site holds several."""
        if self._entri.aktif:
            tanda = {self.situs.tautan(k, "").jabatan(j.slug): pencarian.tanda_jabatan(k, j)
                     + ([self.situs.label(k)] if self.situs.banyak else []) for k in self.arsip for j in k.jabatan}
            mkdocs_pencarian.tulis(Path(config.site_dir), self.singkatan, self.aturan_akar, tanda, self._tembolok,
                                   self._entri.kosakata)
        if self.situs.menunda_unduhan:
            for src_uri, isi in self.situs.unduhan_semua():
                Path(config.site_dir, src_uri).write_bytes(isi)
        # `mkdocs serve`: the pages are served now; the downloads an edit changed are made meanwhile.
        self.situs.selesaikan_unduhan_di_latar()
        if self._proses is not None:  # it has nothing left that the build needs
            self._proses.hentikan()

    @event_priority(-200)  # after every plugin has written its files
    def _on_post_build_timpa(self, config: MkDocsConfig) -> None:
        self._pakai_ulang.selesai()
        self._timpa.bersihkan()

    on_post_build = plugins.CombinedEvent(_on_post_build_entri, _on_post_build_pencarian, _on_post_build_timpa)

    def on_build_error(self, *, error: Exception) -> None:
        self._timpa.lepas()
        # The other process finishes the work it has (into the cache), and ends.
        if self._proses is not None:
            self._proses.selesai(tunggu=False)

    def on_shutdown(self) -> None:
        if self._keadaan_gc is not None:
            pulihkan_gc(self._keadaan_gc)
            self._keadaan_gc = None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any, **kwargs: Any) -> Any:
        berkas = sum(len(k.jabatan) for k in self.arsip) + sum(len(self.situs.berkas_data(k)) for k in self.arsip)
        mkdocs_pantau.pantau(server, (self.root / FOLDER_DATA, self.root / FOLDER_JABATAN), berkas)
        return server

