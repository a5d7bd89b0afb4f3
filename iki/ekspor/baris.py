"""The flat table of IKI rows that the CSV and XLSX exports share: one line per IKI row,
its jabatan and unit repeated on every line so that each line stands on its own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ..model import Jabatan, Keputusan

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


def baris_iki(keputusan: Keputusan, daftar: Iterable[Jabatan] | None = None) -> list[list[Nilai]]:
    """One list of values (in KOLOM order) per IKI row of the given jabatan (all by default)."""
    hasil: list[list[Nilai]] = []
    for j in keputusan.jabatan if daftar is None else daftar:
        unit = keputusan.cari_unit(j.unit)
        atasan = keputusan.cari_jabatan(j.atasan) if j.atasan else None
        for posisi, b in enumerate(j.iki, start=1):
            target = keputusan.target(b)
            nilai = {
                "slug_jabatan": j.slug, "nama_jabatan": j.nama, "kode_unit": unit.kode, "nama_unit": unit.nama,
                "jenis_jabatan": j.jenis, "eselon": j.eselon, "slug_atasan": atasan.slug if atasan else None,
                "nama_atasan": atasan.nama if atasan else None, "baris_ke": posisi, "nomor": b.nomor,
                "sasaran": b.sasaran, "indikator": b.indikator, "target": b.target, "nilai_target": target.nilai,
                "satuan_target": target.satuan, "ket": b.ket, "mendukung": b.mendukung,
            }
            hasil.append([nilai[k.nama] for k in KOLOM])
    return hasil
