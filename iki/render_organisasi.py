"""Render tabel BAB II (2.3 dan 2.5.1) menjadi HTML untuk makro halaman.

Tiga fungsi di sini didaftarkan sebagai makro mkdocs-macros oleh modul inti:

* :func:`render_tabel_tujuan`           -> ``{{ tabel_tujuan() }}``
* :func:`render_tabel_sasaran_strategis` -> ``{{ tabel_sasaran_strategis() }}``
* :func:`render_tabel_pegawai`           -> ``{{ tabel_pegawai("...") }}``

Keluarannya satu blok HTML mentah (diawali ``<div``, tanpa baris kosong di
dalamnya), sehingga Python-Markdown meneruskannya apa adanya. Letakkan
pemanggilan makro di awal baris, diapit baris kosong.
"""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from iki.organisasi import Kepegawaian, Tujuan

__all__ = [
    "render_tabel_tujuan",
    "render_tabel_sasaran_strategis",
    "render_tabel_pegawai",
]

_ENV = Environment(
    loader=PackageLoader("iki", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _render(nama_templat: str, **konteks: object) -> Markup:
    html = _ENV.get_template(nama_templat).render(**konteks)
    # Baris kosong akan memutus blok HTML mentah di Markdown: buang.
    baris = [b for b in html.splitlines() if b.strip()]
    return Markup("\n".join(baris) + "\n")


def render_tabel_tujuan(tujuan: list[Tujuan]) -> str:
    """Tabel 1: daftar Tujuan (id baris ``t-1`` ... ``t-6``)."""
    return _render("tujuan.html", tujuan=tujuan)


def render_tabel_sasaran_strategis(tujuan: list[Tujuan]) -> str:
    """Tabel 2-7 beserta kalimat pengantarnya (id ``ss-1-1``, ``ik-1-1-1``, ...)."""
    return _render("sasaran_strategis.html", tujuan=tujuan)


def render_tabel_pegawai(pegawai: Kepegawaian, nama_tabel: str) -> str:
    """Satu tabel 2.5.1: ``status_jenis_kelamin``, ``golongan_ruang``,
    ``pendidikan`` atau ``jabatan_eselon``.

    Nama tabel yang tidak dikenal menaikkan ``KeyError`` yang menyebut nama
    yang tersedia.
    """
    return _render("pegawai.html", tabel=pegawai.tabel_dengan_kode(nama_tabel))
