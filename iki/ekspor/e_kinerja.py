"""The IKI rows as an employee types them into e-Kinerja (BKN) as the Rencana Hasil Kerja (RHK)
of their SKP (PermenPANRB 6/2022): per row, the leader's row it supports ("RHK pimpinan yang
diintervensi", from `mendukung`), the row's own sasaran as the RHK, the indikator and the target.

Rows are copied from the decree, never rated: there is no realisasi or penilaian column.
Three files share one table (KOLOM_E_KINERJA): a CSV with every row, one CSV per jabatan, and a
workbook with a "Petunjuk" sheet and one sheet per jabatan that has IKI rows.
"""

from __future__ import annotations

from ..kolom import JENIS_RHK, KOLOM_E_KINERJA, Nilai
from ..model import Jabatan, Keputusan
from ..organisasi import cari_sasaran
from ..pohon import RujukanBaris, urai_mendukung
from .tabel_csv import tulis_csv
from .tabel_xlsx import Buku, nama_lembar

LEMBAR_PETUNJUK = "Petunjuk"

BELUM_DIPETAKAN = ("Belum dipetakan: Keputusan tidak menyebut baris IKI atasan yang didukung baris ini. "
                   "Pilih sendiri RHK {atasan} yang diintervensi.")
TANPA_ATASAN = ("Tidak ada: {jabatan} adalah pimpinan tertinggi dalam Keputusan, tanpa atasan; tidak ada RHK "
                "pimpinan yang diintervensi.")


def _didukung(keputusan: Keputusan, j: Jabatan, mendukung: str | None) -> tuple[str, str, str]:
    """(pimpinan, rhk_pimpinan, indikator_pimpinan) for one row of jabatan j."""
    if j.atasan is None:
        catatan = TANPA_ATASAN.format(jabatan=j.nama)
        return catatan, catatan, catatan
    atasan = keputusan.cari_jabatan(j.atasan)
    rujukan = urai_mendukung(mendukung) if mendukung else None
    if rujukan is None:  # the loader rejects any other text, so this is "not yet mapped"
        catatan = BELUM_DIPETAKAN.format(atasan=atasan.nama)
        return atasan.nama, catatan, "Belum dipetakan."
    if isinstance(rujukan, RujukanBaris):
        induk = keputusan.cari_jabatan(rujukan.slug).iki[rujukan.posisi - 1]
        return atasan.nama, induk.sasaran, induk.indikator
    ss = cari_sasaran(keputusan.tujuan, rujukan.kode)
    return (atasan.nama, f"Sasaran Strategis {ss.kode}: {ss.teks}",
            "; ".join(ik.teks for ik in ss.indikator_kinerja))


def baris_e_kinerja(keputusan: Keputusan, daftar: list[Jabatan] | None = None) -> list[list[Nilai]]:
    """One list of values (in KOLOM_E_KINERJA order) per IKI row of the given jabatan (all by default)."""
    hasil: list[list[Nilai]] = []
    for j in keputusan.jabatan if daftar is None else daftar:
        for posisi, b in enumerate(j.iki, start=1):
            pimpinan, rhk, indikator = _didukung(keputusan, j, b.mendukung)
            target = keputusan.target(b)
            hasil.append([j.slug, j.nama, posisi, JENIS_RHK, pimpinan, rhk, indikator, b.sasaran, b.indikator,
                          b.target, target.nilai, target.satuan, b.mendukung])
    return hasil


def nama_lembar_jabatan(j: Jabatan) -> str:
    """The jabatan's sheet in the workbook: "<urutan> <nama>", valid for Excel (31 characters, none of
    []:*?/\\). `urutan` is unique (the loader checks it) and comes first, so the name is unique."""
    return nama_lembar(f"{j.urutan} {j.nama}", set())


def ke_csv_e_kinerja(keputusan: Keputusan) -> bytes:
    return tulis_csv(KOLOM_E_KINERJA, baris_e_kinerja(keputusan))


def ke_csv_jabatan(keputusan: Keputusan, j: Jabatan) -> bytes:
    return tulis_csv(KOLOM_E_KINERJA, baris_e_kinerja(keputusan, [j]))


PETUNJUK = (
    "Setiap lembar berikutnya memuat baris IKI satu jabatan, disalin apa adanya dari Keputusan, untuk diketik ke "
    "formulir SKP di e-Kinerja (BKN) menurut PermenPANRB Nomor 6 Tahun 2022.",
    "Baris-baris ini disalin, tidak dinilai: realisasi, capaian dan penilaian kinerja diisi di e-Kinerja.",
    "Kolom \"RHK Pimpinan yang Diintervensi\" diisi dari pemetaan editor situs (kolom mendukung), bukan dari naskah "
    "Keputusan; bila belum dipetakan, sel itu menyatakannya.",
    "Keputusan tidak menyebut aspek (kuantitas, kualitas, waktu) setiap indikator; pilih sendiri di e-Kinerja bila "
    "formulirnya memintanya.",
)


def ke_xlsx_e_kinerja(keputusan: Keputusan) -> bytes:
    buku = Buku(keputusan, f"IKI Tahun {keputusan.identitas.tahun} untuk e-Kinerja")
    petunjuk = buku.lembar(LEMBAR_PETUNJUK)
    petunjuk.set_column(0, 0, 32)
    petunjuk.set_column(1, 1, 100)
    judul = buku.buku.add_format({"bold": True, "font_size": 13, "text_wrap": True, "valign": "top"})
    tebal = buku.buku.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    baris = 0
    for i, teks in enumerate((f"Indikator Kinerja Individu Tahun {keputusan.identitas.tahun} untuk e-Kinerja",
                              f"Keputusan Nomor {keputusan.identitas.nomor}", *PETUNJUK)):
        petunjuk.merge_range(baris, 0, baris, 1, teks, judul if i == 0 else buku.isi)
        baris += 1
    baris += 1
    petunjuk.write_string(baris, 0, "Kolom lembar jabatan", tebal)
    petunjuk.write_string(baris, 1, "Isi", tebal)
    for k in KOLOM_E_KINERJA:
        baris += 1
        petunjuk.write_string(baris, 0, k.judul or k.nama, buku.isi)
        petunjuk.write_string(baris, 1, k.uraian, buku.isi)
    for j in keputusan.jabatan:
        if j.iki:
            buku.tabel(buku.lembar(nama_lembar_jabatan(j)), KOLOM_E_KINERJA, baris_e_kinerja(keputusan, [j]),
                       judul=True)
    return buku.selesai()
