"""mkdocs-macros module: the macros hand-written pages call (documented for authors in CONTRIBUTING.md,
"Untuk penulis halaman: makro"). Each one reads the decree of the page (the one whose address
holds it) from the `iki` plugin and hands it to a renderer in `iki.render`, the same one the
generated pages use.

Macros only ever receive keys (slugs, codes), never editor text, and their output is not rendered
again, so nothing under `jabatan/` is executed. A key the decree does not have is not an error
inside the template (mkdocs-macros would print it as a traceback): the macro notes the problem and
writes nothing, and once the page is rendered the build stops with every problem of the page, in
Indonesian, naming the page, the macro, the wrong value and the closest valid one.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mkdocs.exceptions import PluginError

from iki import penjaga, render
from iki.loader import FOLDER_DATA, FOLDER_JABATAN, mirip
from iki.masalah import Masalah
from iki.model import Jabatan, Keputusan
from iki.render import Tautan

if TYPE_CHECKING:
    from iki.mkdocs_plugin import IKIPlugin


class NilaiSalah(Exception):
    """A macro was given a key the page's decree does not have: the key, what is wrong, what to write instead."""

    def __init__(self, nilai: object, pesan: str, saran: str):
        super().__init__(pesan)
        self.nilai, self.pesan, self.saran = nilai, pesan, saran


# The problems found by the macros of the page being rendered (mkdocs-macros renders one page at a time).
_masalah: list[Masalah] = []


def panggilan(nama: str, args: tuple, kwargs: dict) -> str:
    """A macro call as an author writes it: tabel_iki("kabid-ukm"), bagan(unit="bidang-ukm")."""
    def nilai(x: object) -> str:
        return json.dumps(x, ensure_ascii=False) if isinstance(x, str) else repr(x)
    return f"{nama}({', '.join([nilai(a) for a in args] + [f'{k}={nilai(v)}' for k, v in kwargs.items()])})"


def _baris(path: str | None, nama: str, nilai: object) -> int | None:
    """The line of the page where the call with the wrong value is, if it can be found."""
    if not path or not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as berkas:
        for nomor, teks in enumerate(berkas, start=1):
            if f"{nama}(" in teks and str(nilai) in teks:
                return nomor
    return None


def pilih(nilai: object, ada: Iterable[str], jenis: str, k: Keputusan, letak: str, daftar: bool = False) -> str:
    """`nilai` when it is one of `ada`; else NilaiSalah naming the closest of them, where the valid
    values are (`letak`) and, with `daftar`, all of them."""
    ada = list(ada)
    if isinstance(nilai, str) and nilai in ada:
        return nilai
    saran = f"Periksa ejaannya: {mirip(str(nilai), ada)}."
    saran += f" {letak}" + (f": {', '.join(ada)}." if daftar else ".")
    raise NilaiSalah(nilai, f"{jenis} '{nilai}' tidak ada pada Keputusan {k.id}.", saran)


def jabatan_ada(k: Keputusan, slug: object) -> Jabatan:
    ada = pilih(slug, (j.slug for j in k.jabatan), "Jabatan", k,
                f"Tulis nama berkas jabatan di {FOLDER_JABATAN}/{k.id}/ tanpa .md")
    return k.cari_jabatan(ada)


def unit_ada(k: Keputusan, kode: object) -> str:
    return pilih(kode, (u.kode for u in k.unit), "Unit", k, f"Kode unit di {FOLDER_DATA}/{k.id}/unit.yml", daftar=True)


def sasaran_ada(k: Keputusan, kode: object) -> str:
    return pilih(kode, (ss.kode for t in k.tujuan for ss in t.sasaran_strategis), "Sasaran Strategis", k,
                 f"Kode Sasaran Strategis di {FOLDER_DATA}/{k.id}/tujuan.yml", daftar=True)


def laporan(masalah: list[Masalah]) -> str:
    baris = [f"Ditemukan {len(masalah)} masalah pada makro halaman:"]
    return "\n".join(baris + [f"  - {m}" for m in masalah])


def on_pre_page_macros(env: Any) -> None:
    _masalah.clear()


def on_post_page_macros(env: Any) -> None:
    """Stop the build after a page whose macros were given keys its decree does not have: a PluginError,
    which MkDocs prints as it is (no traceback)."""
    if _masalah:
        pesan = laporan(sorted(_masalah, key=lambda m: m.baris or 0))
        _masalah.clear()
        raise PluginError(pesan)


def define_env(env: Any) -> None:
    # The macros ask the iki plugin: without it, stop with a message saying so (iki.penjaga).
    penjaga.pastikan_plugin(env.conf["plugins"])

    def plugin() -> IKIPlugin:
        return cast("IKIPlugin", env.conf.plugins["iki"])

    def keputusan() -> Keputusan:
        k: Keputusan = plugin().keputusan_halaman(env.page.file.src_uri)
        return k

    def tautan() -> Tautan:
        t: Tautan = plugin().situs.tautan(keputusan(), env.page.url)
        return t

    def makro(fungsi: Callable[..., str], nama: str | None = None) -> Callable[..., str]:
        """A macro (named `nama`, by default the function's) whose output is raw HTML, marked so that the
        site's Markdown stores it as it is instead of parsing it again (iki.simpan_html); a wrong key
        is noted for the page's report."""
        nama = nama or fungsi.__name__

        @functools.wraps(fungsi)
        def bungkus(*args: Any, **kwargs: Any) -> str:
            try:
                return str(render.tersimpan(fungsi(*args, **kwargs)))
            except NilaiSalah as salah:
                berkas = env.page.file.abs_src_path
                akar = Path(env.conf.config_file_path).parent
                _masalah.append(Masalah(
                    os.path.relpath(berkas, akar) if berkas else env.page.file.src_uri,
                    _baris(berkas, nama, salah.nilai), None,
                    f"Makro {panggilan(nama, args, kwargs)}: {salah.pesan}", salah.saran))
                return ""
        return bungkus

    # -- for page authors (CONTRIBUTING.md) ---------------------------------------------------------

    @env.macro
    @makro
    def tabel_iki(jabatan: str) -> str:
        """The IKI table of one jabatan, as on its page."""
        k = keputusan()
        j = jabatan_ada(k, jabatan)
        if not j.di_lampiran:
            mungkin = mirip(j.slug, [x.slug for x in k.jabatan_lampiran])
            raise NilaiSalah(
                jabatan, f"Jabatan '{j.slug}' ({j.nama}) tidak memiliki tabel IKI pada Keputusan {k.id}.",
                "Makro ini hanya untuk jabatan yang tabel IKI-nya dimuat Lampiran"
                + (f" ({mungkin})" if mungkin.startswith("mungkin") else "")
                + f"; tugas jabatan ini ditampilkan dengan tugas(\"{j.slug}\").")
        return render.tabel_iki(k, j.slug)

    @env.macro
    @makro
    def tugas(jabatan: str) -> str:
        """The tugas of one jabatan, as on its page."""
        k = keputusan()
        return render.daftar_tugas(k, jabatan_ada(k, jabatan).slug, tautan())

    def bagan(unit: str | None = None) -> str:
        """The organisation chart of the Dinas, or of one unit (unit="<kode>")."""
        k = keputusan()
        if unit is None:
            return render.bagan_organisasi(k, tautan())
        return render.bagan_unit(k, unit_ada(k, unit), tautan())

    env.macro(makro(bagan), "bagan")
    env.macro(makro(bagan, "bagan_organisasi"), "bagan_organisasi")  # its first name

    @env.macro
    @makro
    def daftar_jabatan(unit: str | None = None) -> str:
        """The table of every jabatan, or of one unit's (unit="<kode>"), sortable and filterable."""
        k = keputusan()
        return render.daftar_jabatan(k, tautan(), None if unit is None else unit_ada(k, unit))

    @env.macro
    @makro
    def sasaran_strategis(kode: str) -> str:
        """One Sasaran Strategis of the Dinas with the IKI rows that support it, as in the performance tree."""
        k = keputusan()
        return render.sasaran_strategis(k, sasaran_ada(k, kode), tautan())

    # -- the decree's own pages (docs/) -------------------------------------------------------------

    @env.macro
    @makro
    def ringkasan() -> str:
        return render.ringkasan(keputusan())

    @env.macro
    @makro
    def daftar_unit() -> str:
        return render.daftar_unit(keputusan(), tautan())

    @env.macro
    def pohon_kinerja() -> str:
        return render.pohon_kinerja(keputusan(), tautan())

    @env.macro
    @makro
    def tabel_tujuan() -> str:
        return render.tabel_tujuan(keputusan())

    @env.macro
    @makro
    def tabel_sasaran_strategis() -> str:
        return render.tabel_sasaran_strategis(keputusan())

    @env.macro
    @makro
    def tabel_pegawai(kode: str) -> str:
        k = keputusan()
        return render.tabel_pegawai(k, pilih(kode, k.pegawai.kode_tabel, "Tabel pegawai", k,
                                             f"Kode tabel di {FOLDER_DATA}/{k.id}/pegawai.yml", daftar=True))

    @env.macro
    @makro
    def daftar_unduhan() -> str:
        return render.daftar_unduhan(keputusan(), plugin().situs.unduhan(keputusan()), tautan())

    @env.macro
    @makro
    def kolom_tabel_iki() -> str:
        return render.kolom_tabel_iki(keputusan())

    @env.macro
    @makro
    def kolom_e_kinerja() -> str:
        return render.kolom_e_kinerja(keputusan())

    @env.macro
    @makro
    def daftar_informasi_publik() -> str:
        return render.daftar_informasi_publik(keputusan(), plugin().situs.unduhan(keputusan()), tautan())

    @env.macro
    @makro
    def keterbukaan() -> str:
        return render.keterbukaan(keputusan())

