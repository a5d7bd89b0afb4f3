"""Scaffolding a new jabatan: `python -m iki jabatan-baru` writes a correctly formed file whose
placeholders the checker insists be replaced."""

import pytest

from iki import cli
from iki.loader import LetakData, muat

from conftest import bangun, baca_html, JABATAN, ID_NYATA

pytestmark = pytest.mark.usefixtures("bukan_github")

BARU = ["jabatan-baru", "--nama", "Analis Pasar: Harga", "--unit", "sekretariat", "--atasan", "kasubag-keuangan"]


def _jalankan(capsys, *argumen) -> tuple[int, str, str]:
    kode = cli.main(list(argumen))
    keluaran = capsys.readouterr()
    return kode, keluaran.out, keluaran.err


def test_berkas_baru_berisi_isian_yang_ditolak_pemeriksa(proyek_mini, capsys):
    kode, keluaran, _ = _jalankan(capsys, *BARU, str(proyek_mini))
    assert kode == 0
    assert keluaran == ("Berkas jabatan/diskoperindag-2022/analis-pasar-harga.md dibuat. Ganti setiap isian \"ISI ...\" dengan teks "
                        "Keputusan, lalu jalankan: python -m iki periksa\n")
    teks = (proyek_mini / JABATAN / "analis-pasar-harga.md").read_text(encoding="utf-8")
    assert "nama: 'Analis Pasar: Harga'\nurutan: 8\nunit: sekretariat\njenis: pelaksana\neselon: null\n" in teks
    assert teks.endswith("---\n1. ISI TUGAS\n")

    kode, keluaran, _ = _jalankan(capsys, "periksa", str(proyek_mini))
    assert kode == 1
    assert keluaran.splitlines() == [
        f"jabatan/diskoperindag-2022/analis-pasar-harga.md:{n} [kolom {kolom}]: Masih berisi isian \"{isian}\" yang belum diganti. "
        f"Ganti dengan {uraian} yang tertulis di Keputusan."
        for n, kolom, isian, uraian in [
            (14, "iki → baris ke-1 → sasaran", "ISI SASARAN", "sasaran"),
            (15, "iki → baris ke-1 → indikator", "ISI INDIKATOR", "indikator"),
            (16, "iki → baris ke-1 → target", "ISI TARGET", "target"),
            (18, "tugas", "ISI TUGAS", "tugas"),
        ]
    ] + ["Ditemukan 4 masalah pada 1 berkas. Perbaiki semuanya, lalu periksa lagi; "
         "penjelasan setiap pesan ada di CONTRIBUTING.md."]


def test_berkas_baru_yang_dilengkapi_tampil_di_situs(proyek_mini, capsys):
    assert _jalankan(capsys, *BARU, "--slug", "analis-pasar", str(proyek_mini))[0] == 0
    path = proyek_mini / JABATAN / "analis-pasar.md"
    teks = path.read_text(encoding="utf-8")
    for isian, isi in [("ISI SASARAN", "Harga pasar yang terpantau"), ("ISI INDIKATOR", "Jumlah laporan harga"),
                       ("ISI TARGET", "12 Laporan"), ("ISI TUGAS", "memantau harga bahan pokok;")]:
        teks = teks.replace(isian, isi)
    path.write_text(teks, encoding="utf-8")
    assert _jalankan(capsys, "periksa", str(proyek_mini))[:2] == (
        0, "Tidak ada masalah: 1 Keputusan, 5 jabatan, 6 baris IKI diperiksa.\n")

    jabatan = muat(LetakData.untuk(proyek_mini, ID_NYATA)).cari_jabatan("analis-pasar")
    assert (jabatan.nama, jabatan.urutan, jabatan.atasan, jabatan.tugas[0].teks) == (
        "Analis Pasar: Harga", 8, "kasubag-keuangan", "memantau harga bahan pokok;")
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    halaman = baca_html(proyek_mini / "site" / "jabatan" / "analis-pasar" / "index.html")
    assert halaman.find("h1").get_text() == "Analis Pasar: Harga"
    assert [td.get_text() for td in halaman.select("#iki-1 td")] == [
        "1", "Harga pasar yang terpantau", "Jumlah laporan harga", "12 Laporan", ""]


def test_jabatan_baru_berikutnya_walau_isian_belum_diganti(proyek_mini, capsys):
    """Several new jabatan can be scaffolded before any is filled in; each comes last in order."""
    assert _jalankan(capsys, *BARU, str(proyek_mini))[0] == 0
    assert _jalankan(capsys, "jabatan-baru", "--nama", "Kepala Seksi Harga", "--unit", "sekretariat",
                     "--atasan", "analis-pasar-harga", "--jenis", "struktural", "--eselon", "IV", str(proyek_mini))[0] == 0
    teks = (proyek_mini / JABATAN / "kepala-seksi-harga.md").read_text(encoding="utf-8")
    assert "urutan: 9\nunit: sekretariat\njenis: struktural\neselon: IV\natasan: analis-pasar-harga\n" in teks


@pytest.mark.parametrize("ubah, pesan", [
    (["--unit", "sekretariatt"], "Unit 'sekretariatt' tidak dikenal (mungkin maksudnya 'sekretariat'). "
                                 "Kode unit yang ada di data/diskoperindag-2022/unit.yml: pimpinan, sekretariat."),
    (["--atasan", "kasubag-keuangann"], "Atasan 'kasubag-keuangann' tidak ada di folder jabatan/diskoperindag-2022/ (mungkin maksudnya "
                                        "'kasubag-keuangan'). Tulis nama berkas jabatan atasan tanpa '.md'."),
    (["--nama", "  bendahara "], "Berkas jabatan/diskoperindag-2022/bendahara.md sudah ada. Pilih nama berkas lain dengan --slug."),
    (["--nama", "BENDAHARA", "--slug", "bendahara-2"], "Jabatan bernama 'Bendahara' sudah ada: jabatan/diskoperindag-2022/bendahara.md."),
    (["--slug", "Analis_Pasar"], "Nama berkas (--slug) 'Analis_Pasar' tidak memenuhi aturan: hanya huruf kecil, "
                                 "angka dan tanda hubung, mis. 'analis-pasar'."),
    (["--eselon", "IV"], "Jabatan pelaksana tidak memiliki eselon; hapus --eselon atau pakai --jenis struktural."),
    (["--nama", "   "], "Nama jabatan (--nama) tidak boleh kosong."),
])
def test_isian_salah_tidak_membuat_berkas(proyek_mini, capsys, ubah, pesan):
    sebelum = sorted(p.name for p in (proyek_mini / JABATAN).iterdir())
    argumen = BARU + ubah if ubah[0] != "--nama" else [BARU[0], *ubah, *BARU[3:]]
    kode, keluaran, galat = _jalankan(capsys, *argumen, str(proyek_mini))
    assert (kode, keluaran, galat) == (2, "", f"Berkas tidak dibuat: {pesan}\n")
    assert sorted(p.name for p in (proyek_mini / JABATAN).iterdir()) == sebelum
