"""A broken jabatan file fails the build, with the file and the field named, in Bahasa Indonesia."""

from pathlib import Path

import pytest

from conftest import BENDAHARA, JABATAN, bangun, ganti


def _kosongkan_iki(proyek: Path, berkas: str) -> None:
    path = proyek / berkas
    kepala, iki, isi = path.read_text(encoding="utf-8").partition("iki:\n")
    path.write_text(kepala + "iki: []\n---" + isi.split("\n---", 1)[1], encoding="utf-8")


# (what is broken, how to break it, the words the error must contain)
KASUS = [
    ("yaml", lambda p: ganti(p, BENDAHARA, "nama: Bendahara", "nama: Bendahara: utama"),
     [f"{BENDAHARA}:2", "Format YAML tidak dapat dibaca"]),
    ("kolom hilang", lambda p: ganti(p, BENDAHARA, "jenis: pelaksana\n", ""),
     [f"{BENDAHARA}:", "Kolom wajib 'jenis' tidak ada"]),
    ("kolom tak dikenal", lambda p: ganti(p, BENDAHARA, "    indikator: Jumlah", "    indikatr: Jumlah"),
     [f"{BENDAHARA}:12 [kolom iki → baris ke-1 → indikatr]", "Kolom 'indikatr' tidak dikenal", "mungkin maksudnya 'indikator'",
      f"{BENDAHARA}:10 [kolom iki → baris ke-1 → indikator]: Kolom wajib 'indikator' tidak ada"]),
    ("tipe salah", lambda p: ganti(p, BENDAHARA, "target: 11 Dokumen", "target: 11"),
     [f"{BENDAHARA}:13 [kolom iki → baris ke-1 → target]", "Nilai harus berupa teks, bukan bilangan bulat"]),
    ("unit tak dikenal", lambda p: ganti(p, BENDAHARA, "unit: sekretariat", "unit: sekretariatt"),
     [f"{BENDAHARA}:4 [kolom unit]", "Unit 'sekretariatt' tidak dikenal", "mungkin maksudnya 'sekretariat'"]),
    ("atasan tak ada", lambda p: ganti(p, BENDAHARA, "atasan: kasubag-keuangan", "atasan: kasubag-keuangann"),
     [f"{BENDAHARA}:6 [kolom atasan]", "Atasan 'kasubag-keuangann' tidak ada"]),
    ("nama kembar", lambda p: ganti(p, BENDAHARA, "nama: Bendahara", "nama: kepala sub bagian  Keuangan"),
     ["jabatan/diskoperindag-2022/kasubag-keuangan.md:2 [kolom nama]", "Nama jabatan sama dengan berkas jabatan/diskoperindag-2022/bendahara.md"]),
    ("slug kembar", lambda p: (p / JABATAN / "Bendahara.md").write_text((p / BENDAHARA).read_text().replace(
        "nama: Bendahara", "nama: Bendahara Dua").replace("urutan: 7", "urutan: 8")),
     ["jabatan/diskoperindag-2022/bendahara.md:2: Nama berkas sama dengan berkas jabatan/diskoperindag-2022/Bendahara.md",
      "jabatan/diskoperindag-2022/Bendahara.md: Nama berkas 'Bendahara.md' tidak memenuhi aturan"]),
    ("iki kosong", lambda p: _kosongkan_iki(p, "jabatan/diskoperindag-2022/kasubag-keuangan.md"),
     ["jabatan/diskoperindag-2022/kasubag-keuangan.md:8 [kolom iki]", "Tabel IKI kosong"]),
    ("mendukung bukan baris atasan", lambda p: ganti(p, BENDAHARA, "mendukung: kasubag-keuangan/1",
                                                     "mendukung: sekretaris-dinas/1"),
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]", "bukan baris IKI atasan jabatan ini"]),
    ("tugas kosong", lambda p: (p / BENDAHARA).write_text((p / BENDAHARA).read_text().split("---\n1.")[0] + "---\n"),
     [f"{BENDAHARA}:", "[kolom tugas]", "Daftar tugas kosong"]),
]


@pytest.mark.parametrize("kasus, rusakkan, harapan", KASUS, ids=[k[0] for k in KASUS])
def test_berkas_rusak_menggagalkan_build(proyek_mini, kasus, rusakkan, harapan):
    rusakkan(proyek_mini)
    hasil = bangun(proyek_mini)
    assert hasil.returncode != 0, f"build seharusnya gagal ({kasus})"
    for teks in harapan:
        assert teks in hasil.stderr, f"{teks!r} tidak ada dalam pesan:\n{hasil.stderr[-3000:]}"
    assert not (proyek_mini / "site" / "jabatan").exists()


def test_data_kecil_utuh_dibangun(proyek_mini):
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
