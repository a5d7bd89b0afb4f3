"""XLSX for people: a sheet with every IKI row, then one sheet per unit; the same columns as
the CSV (baris.KOLOM), numbers stored as numbers, text stored as text."""

from __future__ import annotations

import datetime
import io
from copy import copy
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter
from openpyxl.worksheet.worksheet import Worksheet

from ..model import Keputusan
from .baris import KOLOM, Kolom, Nilai, baris_iki

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
    isi_lembar(lembar, KOLOM, baris_iki(keputusan))
    for unit in keputusan.unit:
        isi_lembar(buku.create_sheet(nama_lembar(unit.nama, terpakai)), KOLOM,
                   baris_iki(keputusan, keputusan.jabatan_di_unit(unit.kode)))
    return simpan(buku, keputusan)


class _ZipBertanggal(zipfile.ZipFile):
    """A zip whose every entry carries one given date, instead of the time of writing."""

    def __init__(self, berkas: io.BytesIO, saat: datetime.datetime):
        super().__init__(berkas, "w", zipfile.ZIP_DEFLATED)
        self.saat = saat.timetuple()[:6]

    def writestr(self, nama, data, compress_type=None, compresslevel=None):
        if isinstance(nama, str):
            nama = zipfile.ZipInfo(nama, self.saat)
            nama.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(nama, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        # openpyxl writes each sheet to a temporary file first: its entry would carry the file's time.
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes())


def simpan(buku: Workbook, keputusan: Keputusan) -> bytes:
    """The workbook's bytes, the same on every build: the document's dates and every zip entry's
    date are the decree's date (openpyxl's `save` would write the time of saving in both)."""
    tanggal = keputusan.identitas.tanggal
    saat = datetime.datetime(tanggal.year, tanggal.month, tanggal.day)
    buku.properties.created = buku.properties.modified = saat
    keluaran = io.BytesIO()
    ExcelWriter(buku, _ZipBertanggal(keluaran, saat)).save()  # what Workbook.save does, minus the clock
    return keluaran.getvalue()


def isi_lembar(lembar: Worksheet, kolom_tabel: Sequence[Kolom], daftar: Sequence[Sequence[Nilai]],
               judul: bool = False) -> None:
    """A header row (the column names, or their titles for people), then one row per entry of `daftar`."""
    # Styled once per sheet, then copied: openpyxl looks a style up by hashing it on every assignment,
    # which at thousands of sheets costs more than all the rest (copy_worksheet copies `_style` too).
    kepala = isi = None
    for kolom, k in enumerate(kolom_tabel, start=1):
        sel = lembar.cell(row=1, column=kolom, value=k.judul if judul else k.nama)
        if kepala is None:
            for atribut, gaya in _KEPALA.items():
                setattr(sel, atribut, gaya)
            kepala = sel._style
        sel._style = copy(kepala)
        lembar.column_dimensions[get_column_letter(kolom)].width = k.lebar
    for nomor_baris, nilai in enumerate(daftar, start=2):
        for kolom, nilai_sel in enumerate(nilai, start=1):
            sel = lembar.cell(row=nomor_baris, column=kolom, value=nilai_sel)
            if isinstance(nilai_sel, str):
                sel.data_type = "s"  # decree text starting with "=" stays text, never a formula
            if isi is None:
                sel.alignment = _ISI
                isi = sel._style
            sel._style = copy(isi)
    lembar.freeze_panes = "A2"
    lembar.auto_filter.ref = f"A1:{get_column_letter(len(kolom_tabel))}{max(len(daftar) + 1, 1)}"
