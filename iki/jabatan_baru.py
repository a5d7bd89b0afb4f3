"""Scaffolding for a new jabatan: a correctly formed file whose decree text is still
to be written. Its placeholders ("ISI ...") are reported by the checker until replaced.
"""

from __future__ import annotations

from pathlib import Path

from .berkas_jabatan import teks_berkas, tulis_baru
from .loader import (ISIAN, PESAN_SLUG, SLUG, LetakData, atasan_ada, baca_sebagian, baku, eselon_sesuai, mirip,
                     slug_dari, unit_dikenal)
from .model import Eselon, JenisJabatan

KETERANGAN = """\
# Berkas ini dibuat dengan perintah jabatan-baru. Ganti setiap isian "ISI ..." dengan teks
# yang tertulis di Keputusan (untuk baris IKI berikutnya, salin butir "- nomor: ..."),
# lalu jalankan pemeriksaan: python -m iki periksa. Petunjuk lengkap: CONTRIBUTING.md.
# Baris yang diawali tanda # boleh dihapus.
"""


class IsianTidakValid(ValueError):
    """An argument given for the new jabatan is wrong; the message says which and what to do."""


def buat(letak: LetakData, nama: str, unit: str, atasan: str, jenis: JenisJabatan = "pelaksana",
         eselon: Eselon | None = None, slug: str | None = None) -> Path:
    """Write `jabatan/<slug>.md` for a new jabatan, last in the decree's order; return its path."""
    daftar_unit, berkas, jabatan = baca_sebagian(letak)
    if daftar_unit is None:
        raise IsianTidakValid(f"{letak.data}/unit.yml bermasalah. Jalankan `python -m iki periksa` dan perbaiki dulu.")
    nama = " ".join(nama.split())
    if not nama:
        raise IsianTidakValid("Nama jabatan (--nama) tidak boleh kosong.")
    slug = slug or slug_dari(nama)
    if not SLUG.match(slug):
        raise IsianTidakValid(f"Nama berkas (--slug) '{slug}' {PESAN_SLUG}, mis. '{slug_dari(slug)}'.")
    ada = {p.stem: p for p in berkas}
    if slug in ada:
        raise IsianTidakValid(f"Berkas {letak.relatif(ada[slug])} sudah ada. Pilih nama berkas lain dengan --slug.")
    if not unit_dikenal(unit, daftar_unit):
        kode_unit = [u.kode for u in daftar_unit]
        raise IsianTidakValid(f"Unit '{unit}' tidak dikenal ({mirip(unit, kode_unit)}). "
                              f"Kode unit yang ada di {letak.data}/unit.yml: {', '.join(kode_unit)}.")
    if not atasan_ada(atasan, ada):
        raise IsianTidakValid(f"Atasan '{atasan}' tidak ada di folder {letak.jabatan}/ ({mirip(atasan, ada)}). "
                              "Tulis nama berkas jabatan atasan tanpa '.md'.")
    sama = next((j for j in jabatan if baku(j.nama) == baku(nama)), None)
    if sama is not None:
        raise IsianTidakValid(f"Jabatan bernama '{sama.nama}' sudah ada: {sama.sumber}.")
    if not eselon_sesuai(jenis, eselon):
        raise IsianTidakValid(f"Jabatan {jenis} tidak memiliki eselon; hapus --eselon atau pakai --jenis struktural.")
    data = {
        "nama": nama,
        "urutan": max((j.urutan for j in jabatan), default=0) + 1,
        "unit": unit,
        "jenis": jenis,
        "eselon": eselon,
        "atasan": atasan,
        "iki": [{"nomor": 1, "sasaran": ISIAN["sasaran"], "indikator": ISIAN["indikator"], "target": ISIAN["target"]}],
    }
    path = letak.root / letak.jabatan / f"{slug}.md"
    tulis_baru(path, teks_berkas(data, [{"label": "1", "teks": ISIAN["tugas"]}], KETERANGAN))
    return path
