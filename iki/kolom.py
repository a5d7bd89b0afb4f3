"""The columns of every table the site publishes, as data: the IKI rows (KOLOM, in the CSV and
XLSX downloads), the e-Kinerja rows (KOLOM_E_KINERJA) and the decree's Daftar Informasi Publik
row (KOLOM_DIP). The exports write their files with them, datapackage.json describes the files
with them, and the "Unduh data" page lists them.

A neutral module: it imports nothing but the standard library, so that reading the column
definitions never loads the export writers (XlsxWriter, openpyxl, Typst) or the renderers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Nilai = str | int | float | None


@dataclass(frozen=True)
class Kolom:
    nama: str
    uraian: str  # shown to the public on the "Unduh data" page
    lebar: int  # spreadsheet column width, in characters
    jenis: Literal["string", "integer", "number"] = "string"  # Table Schema type; every column may be empty
    judul: str = ""  # a title for people, where the name alone is not enough (a spreadsheet's header)

    @property
    def bilangan(self) -> bool:
        return self.jenis != "string"


KOLOM: tuple[Kolom, ...] = (
    Kolom("slug_jabatan", "Kode jabatan: nama berkas jabatan dan alamat halamannya (jabatan/<kode>/).", 24),
    Kolom("nama_jabatan", "Nama jabatan sebagaimana tertulis dalam Keputusan.", 36),
    Kolom("kode_unit", "Kode unit kerja (alamat halaman unit/<kode>/).", 18),
    Kolom("nama_unit", "Nama unit kerja.", 24),
    Kolom("jenis_jabatan", "struktural, fungsional atau pelaksana.", 13),
    Kolom("eselon", "II, III atau IV; kosong bila bukan jabatan struktural.", 8),
    Kolom("slug_atasan", "Kode jabatan atasan langsung; kosong untuk Kepala Dinas.", 24),
    Kolom("nama_atasan", "Nama jabatan atasan langsung.", 36),
    Kolom("baris_ke", "Urutan baris dalam tabel IKI jabatan itu: 1, 2, …", 9, jenis="integer"),
    Kolom("nomor", "Isi kolom NO sebagaimana tercetak; kosong bila Keputusan mengosongkannya.", 8, jenis="integer"),
    Kolom("sasaran", "Kolom SASARAN, apa adanya.", 45),
    Kolom("indikator", "Kolom INDIKATOR, apa adanya.", 50),
    Kolom("target", "Kolom TARGET sebagaimana tertulis, mis. \"150 Koperasi\" atau \"100%\".", 14),
    Kolom("nilai_target", "Angka target saja, mis. 150; kosong untuk target kualitatif (A, B, …).", 12,
          jenis="number"),
    Kolom("satuan_target", "Satuan target, mis. \"Koperasi\", \"Persen\" atau \"%\"; kosong untuk target kualitatif.", 14),
    Kolom("ket", "Kolom KET, apa adanya (umumnya kosong).", 12),
    Kolom("mendukung", "Baris IKI atasan yang didukung baris ini (<kode atasan>/<baris_ke>) atau kode Sasaran "
                       "Strategis (mis. SS.2.1); kosong bila belum ditetapkan.", 22),
)


# -- e-Kinerja (iki.ekspor.e_kinerja) ------------------------------------------------------------

JENIS_RHK = "Utama"

KOLOM_E_KINERJA: tuple[Kolom, ...] = (
    Kolom("slug_jabatan", "Kode jabatan: nama berkas jabatan dan alamat halamannya (jabatan/<kode>/).", 24,
          judul="Kode jabatan"),
    Kolom("nama_jabatan", "Nama jabatan sebagaimana tertulis dalam Keputusan.", 30, judul="Jabatan"),
    Kolom("baris_ke", "Urutan baris dalam tabel IKI jabatan itu: 1, 2, …", 8, jenis="integer", judul="Baris IKI ke-"),
    Kolom("jenis_rhk", f"Jenis Rencana Hasil Kerja dalam SKP: selalu \"{JENIS_RHK}\" (baris IKI dari Keputusan).", 9,
          judul="Jenis RHK"),
    Kolom("pimpinan", "Jabatan atasan langsung yang RHK-nya didukung; untuk jabatan tanpa atasan, keterangannya.",
          30, judul="Pimpinan"),
    Kolom("rhk_pimpinan", "RHK pimpinan yang diintervensi: kolom SASARAN baris IKI atasan yang didukung (menurut kolom "
                          "mendukung), atau Sasaran Strategis Dinas bila atasannya Kepala Dinas; bila belum "
                          "dipetakan atau tidak ada atasan, keterangannya.", 45,
          judul="RHK Pimpinan yang Diintervensi"),
    Kolom("indikator_pimpinan", "Kolom INDIKATOR baris IKI atasan itu, atau Indikator Kinerja Sasaran Strategis itu "
                                "(dipisah \"; \"); bila belum dipetakan, keterangannya.", 45,
          judul="Indikator RHK Pimpinan"),
    Kolom("rencana_hasil_kerja", "Rencana Hasil Kerja: kolom SASARAN baris IKI ini, apa adanya.", 45,
          judul="Rencana Hasil Kerja"),
    Kolom("indikator_kinerja_individu", "Indikator Kinerja Individu: kolom INDIKATOR baris IKI ini, apa adanya.", 45,
          judul="Indikator Kinerja Individu"),
    Kolom("target", "Kolom TARGET sebagaimana tertulis, mis. \"150 Koperasi\" atau \"100%\".", 14, judul="Target"),
    Kolom("target_nilai", "Angka target saja, mis. 150; kosong untuk target kualitatif (A, B, …).", 12,
          jenis="number", judul="Target: angka"),
    Kolom("target_satuan", "Satuan target, mis. \"Koperasi\" atau \"%\"; kosong untuk target kualitatif.", 14,
          judul="Target: satuan"),
    Kolom("mendukung", "Isi kolom mendukung baris ini (<kode atasan>/<baris_ke> atau kode Sasaran Strategis); "
                       "kosong bila belum dipetakan.", 22, judul="Rujukan"),
)


# -- the Daftar Informasi Publik row (iki.ekspor.dip) --------------------------------------------

BELUM_DITETAPKAN = "Belum ditetapkan oleh Dinas"

KOLOM_DIP: tuple[Kolom, ...] = (
    Kolom("nomor", "Nomor urut dalam daftar.", 6, jenis="integer", judul="No"),
    Kolom("judul_informasi", "Nomor dan judul Keputusan.", 40, judul="Judul Informasi"),
    Kolom("ringkasan_isi_informasi", "Ringkasan isi Keputusan, dengan jumlah jabatan dan baris IKI yang dimuatnya.",
          60, judul="Ringkasan Isi Informasi"),
    Kolom("pejabat_atau_unit_yang_menguasai_informasi", "Badan publik yang menguasai informasi: instansi yang "
          "menetapkan Keputusan.", 40, judul="Pejabat/Unit yang Menguasai Informasi"),
    Kolom("penanggung_jawab_pembuatan_informasi", "Jabatan penandatangan Keputusan.", 40,
          judul="Penanggung Jawab Pembuatan atau Penerbitan Informasi"),
    Kolom("waktu_dan_tempat_pembuatan_informasi", "Tempat dan tanggal penetapan Keputusan.", 24,
          judul="Waktu dan Tempat Pembuatan Informasi"),
    Kolom("bentuk_informasi_yang_tersedia", "Bentuk informasi: naskah tercetak dan berkas elektronik di situs ini.",
          40, judul="Bentuk Informasi yang Tersedia"),
    Kolom("jangka_waktu_penyimpanan", f"Jangka waktu penyimpanan atau retensi arsip, sebagaimana ditetapkan Dinas; "
          f"\"{BELUM_DITETAPKAN}\" sampai ditetapkan.", 24, judul="Jangka Waktu Penyimpanan atau Retensi Arsip"),
)
