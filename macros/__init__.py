"""mkdocs-macros module: the macros pages call. Each one reads the model that
the `iki` plugin loaded and hands it to a renderer in `iki.render`.

Macros only ever receive keys (slugs, codes), never editor text, and their
output is not rendered again, so nothing under `jabatan/` is executed.
"""

from iki import render
from iki.model import Keputusan
from iki.render import Tautan


def define_env(env):
    def plugin():
        return env.conf.plugins["iki"]

    def keputusan() -> Keputusan:
        return plugin().keputusan

    def tautan() -> Tautan:
        return Tautan(env.page.url)

    @env.macro
    def ringkasan() -> str:
        return render.ringkasan(keputusan())

    @env.macro
    def daftar_unit() -> str:
        return render.daftar_unit(keputusan(), tautan())

    @env.macro
    def bagan_organisasi() -> str:
        return render.bagan_organisasi(keputusan(), tautan())

    @env.macro
    def pohon_kinerja() -> str:
        return render.pohon_kinerja(keputusan(), tautan())

    @env.macro
    def daftar_jabatan() -> str:
        return render.daftar_jabatan(keputusan(), tautan())

    @env.macro
    def tabel_tujuan() -> str:
        return render.tabel_tujuan(keputusan())

    @env.macro
    def tabel_sasaran_strategis() -> str:
        return render.tabel_sasaran_strategis(keputusan())

    @env.macro
    def tabel_pegawai(kode: str) -> str:
        return render.tabel_pegawai(keputusan(), kode)

    @env.macro
    def tabel_iki(slug: str) -> str:
        k = keputusan()
        return render.tabel_iki(k, k.cari_jabatan(slug))

    @env.macro
    def daftar_unduhan() -> str:
        return render.daftar_unduhan(keputusan(), plugin().unduhan, tautan())

    @env.macro
    def kolom_tabel_iki() -> str:
        return render.kolom_tabel_iki(keputusan())
