"""The decree's row of the Daftar Informasi Publik (DIP) that the PPID keeps: the fields the
Standar Layanan Informasi Publik of the Komisi Informasi asks for (nomor, ringkasan isi, the
official or unit holding it, who is responsible for making it, when and where it was made, its
forms, how long it is kept), each taken from the decree's data or from the Dinas's decisions
(`Keterbukaan`); a decision not yet made is written as such, never guessed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..kolom import BELUM_DITETAPKAN, KOLOM_DIP, Nilai
from ..model import Keputusan
from ..tampilan import tanggal_indonesia
from .tabel_csv import tulis_csv

if TYPE_CHECKING:
    from . import Unduhan


def judul_keputusan(keputusan: Keputusan) -> str:
    return f"Keputusan Nomor {keputusan.identitas.nomor} tentang {keputusan.identitas.judul}"


def ringkasan(keputusan: Keputusan) -> str:
    """What the decree holds, in one sentence (the DIP's summary, the catalogue's description)."""
    idt = keputusan.identitas
    return (f"{idt.judul}: tugas dan Indikator Kinerja Individu (sasaran, indikator, target) {len(keputusan.jabatan)} "
            f"jabatan ({keputusan.jumlah_baris_iki} baris IKI)"
            + (", beserta tujuan dan sasaran strategis Dinas." if keputusan.tujuan else "."))


def baris_dip(keputusan: Keputusan, unduhan: Sequence[Unduhan], nomor: int = 1) -> list[Nilai]:
    """The decree's DIP row (in KOLOM_DIP order); its forms are those of the data downloads built for it
    (not of the descriptions: this row, datapackage.json, catalog.jsonld)."""
    idt = keputusan.identitas
    format_berkas = list(dict.fromkeys(u.ekspor.format for u in unduhan if u.ekspor.kelompok != "uraian"))
    return [
        nomor,
        judul_keputusan(keputusan),
        ringkasan(keputusan),
        idt.instansi,
        idt.penandatangan.jabatan,
        f"{idt.ditetapkan_di}, {tanggal_indonesia(idt.tanggal)}",
        "Tercetak (naskah Keputusan yang ditandatangani) dan elektronik (halaman situs; berkas "
        f"{', '.join(format_berkas)})",
        idt.keterbukaan.retensi or BELUM_DITETAPKAN,
    ]


def ke_csv_dip(keputusan: Keputusan, unduhan: Sequence[Unduhan]) -> bytes:
    return tulis_csv(KOLOM_DIP, [baris_dip(keputusan, unduhan)])
