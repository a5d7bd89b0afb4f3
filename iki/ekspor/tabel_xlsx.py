"""XLSX for people: a sheet with every IKI row, then one sheet per unit; the same columns as
the CSV (baris.KOLOM), numbers stored as numbers, text stored as text.

Written with XlsxWriter, whose archive members carry a fixed date; the document's creation date
is the decree's date, so the same data always gives the same bytes."""

from __future__ import annotations

import datetime
import io
import re

from xlsxwriter import Workbook
from xlsxwriter.worksheet import Worksheet

from ..model import Keputusan
from .baris import KOLOM, Nilai, baris_iki

LEMBAR_SEMUA = "Semua IKI"
_PANJANG_NAMA_LEMBAR = 31  # Excel's limit
_HURUF_TERLARANG = re.compile(r"[\[\]:*?/\\]")
_GARIS = {"border": 1, "border_color": "#9E9E9E"}
_KEPALA = {"bold": True, "font_color": "#FFFFFF", "bg_color": "#3F51B5", "pattern": 1, "text_wrap": True,
           "valign": "vcenter", **_GARIS}
_ISI = {"text_wrap": True, "valign": "top"}


def nama_lembar(nama: str, terpakai: set[str]) -> str:
    """A valid, unique sheet name for a unit name (Excel allows 31 characters and no []:*?/\\)."""
    dasar = _HURUF_TERLARANG.sub("-", nama).strip("'")
    hasil, n = dasar[:_PANJANG_NAMA_LEMBAR], 1
    while hasil.casefold() in terpakai:
        n += 1
        hasil = f"{dasar[:_PANJANG_NAMA_LEMBAR - len(str(n)) - 1]}~{n}"
    terpakai.add(hasil.casefold())
    return hasil


def ke_xlsx(keputusan: Keputusan) -> bytes:
    keluaran = io.BytesIO()
    buku = Workbook(keluaran, {"in_memory": True})
    identitas = keputusan.identitas
    buku.set_properties({
        "title": f"Indikator Kinerja Individu Tahun {identitas.tahun}",
        "author": identitas.instansi,
        # Fixed, not the time of the build (XlsxWriter's default).
        "created": datetime.datetime.combine(identitas.tanggal, datetime.time(), datetime.timezone.utc),
    })
    gaya = (buku.add_format(_KEPALA), buku.add_format(_ISI))
    terpakai = {LEMBAR_SEMUA.casefold()}
    _isi_lembar(buku.add_worksheet(LEMBAR_SEMUA), baris_iki(keputusan), *gaya)
    for unit in keputusan.unit:
        _isi_lembar(buku.add_worksheet(nama_lembar(unit.nama, terpakai)),
                    baris_iki(keputusan, keputusan.jabatan_di_unit(unit.kode)), *gaya)
    buku.close()
    return keluaran.getvalue()


def _isi_lembar(lembar: Worksheet, daftar: list[list[Nilai]], kepala, isi) -> None:
    for kolom, k in enumerate(KOLOM):
        lembar.write_string(0, kolom, k.nama, kepala)
        lembar.set_column(kolom, kolom, k.lebar)
    for nomor_baris, nilai in enumerate(daftar, start=1):
        for kolom, x in enumerate(nilai):
            if x is None or x == "":
                lembar.write_blank(nomor_baris, kolom, None, isi)
            elif isinstance(x, str):
                lembar.write_string(nomor_baris, kolom, x, isi)  # "=..." stays text, never a formula
            else:
                lembar.write_number(nomor_baris, kolom, x, isi)
    lembar.freeze_panes(1, 0)
    lembar.autofilter(0, 0, max(len(daftar), 0), len(KOLOM) - 1)
