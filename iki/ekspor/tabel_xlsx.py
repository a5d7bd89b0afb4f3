"""XLSX for people: a sheet with every IKI row, then one sheet per unit; the same columns as
the CSV (iki.kolom.KOLOM), numbers stored as numbers, text stored as text. The helpers here also
write the e-Kinerja workbook (e_kinerja.py).

Written with XlsxWriter, whose archive members carry a fixed date; the document's creation date
is the decree's date, so the same data always gives the same bytes.

Relies on internals of XlsxWriter==3.3.1 (`_Workbook`): `Workbook._add_sheet` checks a new sheet's
name with `_check_sheetname`, which, after its other checks, compares the name, ignoring case
(`str.lower`), with the name of every sheet of `worksheets()`, that is of `worksheets_objs`, then
appends the sheet to `worksheets_objs`. Guarded by tests/test_ekspor.py."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Sequence

from xlsxwriter import Workbook
from xlsxwriter.exceptions import DuplicateWorksheetName
from xlsxwriter.worksheet import Worksheet

from ..kolom import KOLOM, Kolom, Nilai
from ..model import Keputusan
from .baris import baris_iki

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


class _Workbook(Workbook):  # type: ignore[misc]
    """XlsxWriter's Workbook, a new sheet's name checked against a set of the names so far: XlsxWriter
    compares it with every sheet's name before it, which for the 2,000 sheets of the e-Kinerja
    workbook of a 2,000-jabatan decree is 2 million comparisons (a sixth of that workbook's time,
    bench/HASIL.md). Its other checks of the name stay XlsxWriter's own."""

    worksheets_objs: list[Worksheet]

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)
        self._nama_kecil: set[str] = set()  # every sheet's name, lower case

    def _check_sheetname(self, sheetname: str | None, is_chartsheet: bool = False) -> str:
        lembar, self.worksheets_objs = self.worksheets_objs, []  # no sheet to compare with one by one
        try:
            nama: str = super()._check_sheetname(sheetname, is_chartsheet)
        finally:
            self.worksheets_objs = lembar
        if nama.lower() in self._nama_kecil:
            raise DuplicateWorksheetName(f"Sheetname '{nama}', with case ignored, is already in use.")
        return nama

    def _add_sheet(self, name: str | None, worksheet_class: type | None = None) -> Worksheet:
        lembar: Worksheet = super()._add_sheet(name, worksheet_class)
        self._nama_kecil.add(lembar.name.lower())
        return lembar


class Buku:
    """A workbook being written in memory, dated by the decree (not by the clock)."""

    def __init__(self, keputusan: Keputusan, judul: str):
        self._keluaran = io.BytesIO()
        self.buku = _Workbook(self._keluaran, {"in_memory": True})
        identitas = keputusan.identitas
        tanggal = identitas.tanggal or datetime.date(identitas.tahun, 1, 1)
        self.buku.set_properties({
            "title": judul,
            "author": identitas.instansi,
            # Fixed, not the time of the build (XlsxWriter's default).
            "created": datetime.datetime.combine(tanggal, datetime.time(), datetime.UTC),
        })
        self.kepala = self.buku.add_format(_KEPALA)
        self.isi = self.buku.add_format(_ISI)

    def lembar(self, nama: str) -> Worksheet:
        return self.buku.add_worksheet(nama)

    def tabel(self, lembar: Worksheet, kolom_tabel: Sequence[Kolom], daftar: Sequence[Sequence[Nilai]],
              judul: bool = False) -> None:
        """A header row (the column names, or their titles for people), then one row per entry of `daftar`."""
        for kolom, k in enumerate(kolom_tabel):
            lembar.write_string(0, kolom, (k.judul or k.nama) if judul else k.nama, self.kepala)
            lembar.set_column(kolom, kolom, k.lebar)
        for nomor_baris, nilai in enumerate(daftar, start=1):
            for kolom, x in enumerate(nilai):
                if x is None or x == "":
                    lembar.write_blank(nomor_baris, kolom, None, self.isi)
                elif isinstance(x, str):
                    lembar.write_string(nomor_baris, kolom, x, self.isi)  # "=..." stays text, never a formula
                else:
                    lembar.write_number(nomor_baris, kolom, x, self.isi)
        lembar.freeze_panes(1, 0)
        lembar.autofilter(0, 0, max(len(daftar), 0), len(kolom_tabel) - 1)

    def selesai(self) -> bytes:
        self.buku.close()
        return self._keluaran.getvalue()


def ke_xlsx(keputusan: Keputusan) -> bytes:
    buku = Buku(keputusan, f"Indikator Kinerja Individu Tahun {keputusan.identitas.tahun}")
    terpakai = {LEMBAR_SEMUA.casefold()}
    buku.tabel(buku.lembar(LEMBAR_SEMUA), KOLOM, baris_iki(keputusan))
    for unit in keputusan.unit:
        buku.tabel(buku.lembar(nama_lembar(unit.nama, terpakai)), KOLOM,
                   baris_iki(keputusan, keputusan.jabatan_di_unit(unit.kode)))
    return buku.selesai()
