"""XLSX for people: a sheet with every IKI row, then one sheet per unit; the same columns as
the CSV (baris.KOLOM), numbers stored as numbers, text stored as text."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Keputusan
from .baris import KOLOM, Nilai, baris_iki

LEMBAR_SEMUA = "Semua IKI"
_PANJANG_NAMA_LEMBAR = 31  # Excel's limit
_HURUF_TERLARANG = re.compile(r"[\[\]:*?/\\]")
_GARIS = Side(style="thin", color="9E9E9E")
_KEPALA = dict(font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor="3F51B5"),
               alignment=Alignment(wrap_text=True, vertical="center"),
               border=Border(left=_GARIS, right=_GARIS, top=_GARIS, bottom=_GARIS))
_ISI = Alignment(wrap_text=True, vertical="top")


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
    buku = Workbook()
    buku.properties.title = f"Indikator Kinerja Individu Tahun {keputusan.identitas.tahun}"
    buku.properties.creator = keputusan.identitas.instansi
    terpakai = {LEMBAR_SEMUA.casefold()}
    lembar = buku.active
    lembar.title = LEMBAR_SEMUA
    _isi_lembar(lembar, baris_iki(keputusan))
    for unit in keputusan.unit:
        _isi_lembar(buku.create_sheet(nama_lembar(unit.nama, terpakai)),
                    baris_iki(keputusan, keputusan.jabatan_di_unit(unit.kode)))
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _isi_lembar(lembar: Worksheet, daftar: list[list[Nilai]]) -> None:
    for kolom, k in enumerate(KOLOM, start=1):
        sel = lembar.cell(row=1, column=kolom, value=k.nama)
        for atribut, gaya in _KEPALA.items():
            setattr(sel, atribut, gaya)
        lembar.column_dimensions[get_column_letter(kolom)].width = k.lebar
    for nomor_baris, nilai in enumerate(daftar, start=2):
        for kolom, isi in enumerate(nilai, start=1):
            sel = lembar.cell(row=nomor_baris, column=kolom, value=isi)
            if isinstance(isi, str):
                sel.data_type = "s"  # decree text starting with "=" stays text, never a formula
            sel.alignment = _ISI
    lembar.freeze_panes = "A2"
    lembar.auto_filter.ref = f"A1:{get_column_letter(len(KOLOM))}{max(len(daftar) + 1, 1)}"
