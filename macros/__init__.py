"""mkdocs-macros module: the macros pages call. Each one reads the decree of the page (the one
whose address holds it) from the `iki` plugin and hands it to a renderer in `iki.render`.

Macros only ever receive keys (slugs, codes), never editor text, and their
output is not rendered again, so nothing under `jabatan/` is executed.
"""

import functools
from typing import TYPE_CHECKING, cast

from iki import penjaga, render
from iki.model import Keputusan
from iki.render import Tautan

if TYPE_CHECKING:
    from iki.mkdocs_plugin import IKIPlugin


def blok(makro):
    """A macro whose output is raw HTML: marked, so that the site's Markdown stores it as it is
    instead of parsing it again (iki.simpan_html)."""
    @functools.wraps(makro)
    def bungkus(*args, **kwargs):
        return str(render.tersimpan(makro(*args, **kwargs)))
    return bungkus


def define_env(env):
    # The macros ask the iki plugin: without it, stop with a message saying so (iki.penjaga).
    penjaga.pastikan_plugin(env.conf["plugins"])

    def plugin() -> "IKIPlugin":
        return cast("IKIPlugin", env.conf.plugins["iki"])

    def keputusan() -> Keputusan:
        return plugin().keputusan_halaman(env.page.file.src_uri)

    def tautan() -> Tautan:
        return plugin().situs.tautan(keputusan(), env.page.url)

    @env.macro
    @blok
    def ringkasan() -> str:
        return render.ringkasan(keputusan())

    @env.macro
    @blok
    def daftar_unit() -> str:
        return render.daftar_unit(keputusan(), tautan())

    @env.macro
    @blok
    def bagan_organisasi() -> str:
        return render.bagan_organisasi(keputusan(), tautan())

    @env.macro
    def pohon_kinerja() -> str:
        return render.pohon_kinerja(keputusan(), tautan())

    @env.macro
    @blok
    def daftar_jabatan() -> str:
        return render.daftar_jabatan(keputusan(), tautan())

    @env.macro
    @blok
    def tabel_tujuan() -> str:
        return render.tabel_tujuan(keputusan())

    @env.macro
    @blok
    def tabel_sasaran_strategis() -> str:
        return render.tabel_sasaran_strategis(keputusan())

    @env.macro
    @blok
    def tabel_pegawai(kode: str) -> str:
        return render.tabel_pegawai(keputusan(), kode)

    @env.macro
    @blok
    def daftar_unduhan() -> str:
        return render.daftar_unduhan(keputusan(), plugin().situs.unduhan(keputusan()), tautan())

    @env.macro
    @blok
    def kolom_tabel_iki() -> str:
        return render.kolom_tabel_iki(keputusan())

    @env.macro
    @blok
    def kolom_e_kinerja() -> str:
        return render.kolom_e_kinerja(keputusan())

    @env.macro
    @blok
    def daftar_informasi_publik() -> str:
        return render.daftar_informasi_publik(keputusan(), plugin().situs.unduhan(keputusan()), tautan())

    @env.macro
    @blok
    def keterbukaan() -> str:
        return render.keterbukaan(keputusan())
