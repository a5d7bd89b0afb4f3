"""The checker, `python -m iki periksa`: every kind of problem, its exact message, all in one run."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from iki import cli

from conftest import DASAR, JABATAN, KEMBAR, ROOT, RUSAK, proyek_rusak

pytestmark = pytest.mark.usefixtures("bukan_github")

SALIN = ("Salin susunan berkas jabatan lain: baris '---', kolom-kolom data, baris '---', lalu daftar tugas.")

# (kind of problem, the broken files in tests/fixtures/rusak/jabatan, the checker's exact lines)
KASUS_JABATAN = [
    ("yaml tidak terbaca", ["yaml-rusak.md"], [
        "jabatan/diskoperindag-2022/yaml-rusak.md:2: Format YAML tidak dapat dibaca (ada ': ' di dalam nilai tanpa tanda kutip, atau "
        "spasi di awal baris tidak sejajar). Periksa tanda titik dua, tanda kutip dan jumlah spasi di awal baris; "
        "teks yang memuat ': ' atau diawali tanda khusus harus diberi tanda kutip.",
    ]),
    ("tanpa bagian data", ["tanpa-kepala.md"], [
        f"jabatan/diskoperindag-2022/tanpa-kepala.md:1: Berkas tidak diawali bagian data (front matter) di antara dua baris '---'. {SALIN}",
    ]),
    ("bukan utf-8", ["bukan-utf8.md"], [
        "jabatan/diskoperindag-2022/bukan-utf8.md:2: Berkas tidak tersimpan dengan pengodean UTF-8 (ada huruf yang tidak terbaca). "
        "Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8).",
    ]),
    ("bukan berkas .md", ["catatan.txt"], [
        "jabatan/diskoperindag-2022/catatan.txt: Hanya berkas jabatan berakhiran '.md' yang boleh ada di folder ini. "
        "Pindahkan atau hapus berkas ini, atau ganti akhiran namanya menjadi '.md'.",
    ]),
    ("kolom wajib hilang", ["kolom-hilang.md"], [
        "jabatan/diskoperindag-2022/kolom-hilang.md:2 [kolom jenis]: Kolom wajib 'jenis' tidak ada. Tambahkan baris 'jenis: ...'.",
    ]),
    ("kolom salah eja", ["kolom-salah-eja.md"], [
        "jabatan/diskoperindag-2022/kolom-salah-eja.md:8 [kolom iki → baris ke-1 → indikator]: Kolom wajib 'indikator' tidak ada. "
        "Tambahkan baris 'indikator: ...'.",
        "jabatan/diskoperindag-2022/kolom-salah-eja.md:10 [kolom iki → baris ke-1 → indikatr]: Kolom 'indikatr' tidak dikenal. "
        "Periksa ejaannya: mungkin maksudnya 'indikator'. Kolom yang boleh: nomor, sasaran, indikator, target, ket, "
        "mendukung.",
    ]),
    ("kolom ditulis dua kali", ["kolom-ganda.md"], [
        "jabatan/diskoperindag-2022/kolom-ganda.md:12 [kolom iki → baris ke-1 → target]: Kolom 'target' ditulis lebih dari sekali. "
        "Hapus salah satunya; bila baris itu milik butir lain, periksa jumlah spasi di awal baris.",
    ]),
    ("kolom otomatis ditulis", ["kolom-otomatis.md"], [
        "jabatan/diskoperindag-2022/kolom-otomatis.md:7 [kolom slug]: Kolom 'slug' tidak boleh ditulis; nilainya diambil dari nama "
        "berkas. Hapus kolom 'slug'.",
    ]),
    ("tipe nilai salah", ["tipe-salah.md"], [
        "jabatan/diskoperindag-2022/tipe-salah.md:11 [kolom iki → baris ke-1 → target]: Nilai harus berupa teks, bukan bilangan bulat. "
        "Tulis sebagai teks; beri tanda kutip bila perlu, mis. \"100%\".",
    ]),
    ("unit tak dikenal", ["unit-salah.md"], [
        "jabatan/diskoperindag-2022/unit-salah.md:4 [kolom unit]: Unit 'sekretariatt' tidak dikenal. Isi dengan salah satu kode unit "
        "dari data/diskoperindag-2022/unit.yml (mungkin maksudnya 'sekretariat'): pimpinan, sekretariat.",
    ]),
    ("jenis tak dikenal", ["jenis-salah.md"], [
        "jabatan/diskoperindag-2022/jenis-salah.md:5 [kolom jenis]: Nilai 'pelaksanaan' tidak dikenal. "
        "Pilih salah satu: struktural, fungsional, pelaksana.",
    ]),
    ("eselon bukan struktural", ["eselon-pelaksana.md"], [
        "jabatan/diskoperindag-2022/eselon-pelaksana.md:7 [kolom eselon]: Jabatan pelaksana tidak memiliki eselon. "
        "Hapus kolom 'eselon' atau isi 'null', atau ubah 'jenis' menjadi struktural.",
    ]),
    ("atasan tak ada", ["atasan-tak-ada.md"], [
        "jabatan/diskoperindag-2022/atasan-tak-ada.md:6 [kolom atasan]: Atasan 'sekretaris-dinass' tidak ada di folder jabatan/diskoperindag-2022/. "
        "Isi dengan nama berkas jabatan atasan tanpa '.md': mungkin maksudnya 'sekretaris-dinas'.",
    ]),
    ("atasan kosong", ["tanpa-atasan.md"], [
        "jabatan/diskoperindag-2022/tanpa-atasan.md:6 [kolom atasan]: Atasan kosong; hanya Kepala Dinas yang tidak memiliki atasan. "
        "Isi 'atasan' dengan nama berkas jabatan atasan (tanpa '.md').",
    ]),
    ("rantai atasan berputar", ["siklus-a.md", "siklus-b.md"], [
        "jabatan/diskoperindag-2022/siklus-a.md:6 [kolom atasan]: Rantai atasan berputar: siklus-a → siklus-b → siklus-a. "
        "Perbaiki 'atasan' salah satu jabatan itu agar rantainya berakhir di Kepala Dinas.",
    ]),
    ("nama jabatan kembar", ["nama-kembar-a.md", "nama-kembar-b.md"], [
        "jabatan/diskoperindag-2022/nama-kembar-b.md:2 [kolom nama]: Nama jabatan sama dengan berkas jabatan/diskoperindag-2022/nama-kembar-a.md. "
        "Setiap jabatan harus memiliki nama jabatan sendiri; ubah salah satunya.",
    ]),
    ("urutan kembar", ["urutan-kembar.md"], [
        "jabatan/diskoperindag-2022/urutan-kembar.md:3 [kolom urutan]: Urutan sama dengan berkas jabatan/diskoperindag-2022/sekretaris-dinas.md. "
        "Setiap jabatan harus memiliki urutan sendiri; ubah salah satunya.",
    ]),
    ("nama berkas kembar", ["slug-kembar.md", "Slug-Kembar.md"], [
        "jabatan/diskoperindag-2022/Slug-Kembar.md: Nama berkas 'Slug-Kembar.md' tidak memenuhi aturan: hanya huruf kecil, angka dan "
        "tanda hubung. Ganti nama berkas menjadi 'slug-kembar.md'.",
        "jabatan/diskoperindag-2022/slug-kembar.md:2: Nama berkas sama dengan berkas jabatan/diskoperindag-2022/Slug-Kembar.md. "
        "Setiap jabatan harus memiliki nama berkas sendiri; ubah salah satunya.",
    ]),
    ("nama berkas menyalahi aturan", ["nama_berkas.md"], [
        "jabatan/diskoperindag-2022/nama_berkas.md: Nama berkas 'nama_berkas.md' tidak memenuhi aturan: hanya huruf kecil, angka dan "
        "tanda hubung. Ganti nama berkas menjadi 'nama-berkas.md'.",
    ]),
    ("tugas kosong", ["tugas-kosong.md"], [
        "jabatan/diskoperindag-2022/tugas-kosong.md:13 [kolom tugas]: Daftar tugas kosong. Tulis tugas jabatan di bawah baris '---' "
        "penutup, satu butir per baris: '1. ...'.",
    ]),
    ("baris tugas bukan butir", ["butir-tugas-salah.md"], [
        "jabatan/diskoperindag-2022/butir-tugas-salah.md:14 [kolom tugas]: Baris ini bukan butir tugas: \"- mengarsipkan dokumen.\". "
        "Awali setiap butir dengan nomornya dan titik, mis. '1. menyusun rencana ...'; sub-butir diberi 3 spasi dan "
        "huruf, mis. '   a. pelayanan ...'. Satu butir satu baris.",
    ]),
    ("iki kosong", ["iki-kosong.md"], [
        "jabatan/diskoperindag-2022/iki-kosong.md:7 [kolom iki]: Tabel IKI kosong. "
        "Tambahkan baris IKI (nomor, sasaran, indikator, target) di bawah 'iki:'.",
    ]),
    ("target tak dikenali", ["target-salah.md"], [
        "jabatan/diskoperindag-2022/target-salah.md:11 [kolom iki → baris ke-1 → target]: Target \"sebelas Dokumen\" tidak dikenali. "
        "Tulis angka lalu satuan (mis. \"12 Dokumen\"), persentase (mis. \"100%\"), atau nilai kualitatif yang "
        "terdaftar di data/diskoperindag-2022/keputusan.yml (A, B, BB, C, CC).",
    ]),
    ("banyak masalah dalam satu berkas", ["banyak-masalah.md"], [
        "jabatan/diskoperindag-2022/banyak-masalah.md:4 [kolom unit]: Unit 'sekretariatt' tidak dikenal. Isi dengan salah satu kode unit "
        "dari data/diskoperindag-2022/unit.yml (mungkin maksudnya 'sekretariat'): pimpinan, sekretariat.",
        "jabatan/diskoperindag-2022/banyak-masalah.md:6 [kolom atasan]: Atasan 'sekretaris-dinass' tidak ada di folder jabatan/diskoperindag-2022/. "
        "Isi dengan nama berkas jabatan atasan tanpa '.md': mungkin maksudnya 'sekretaris-dinas'.",
        "jabatan/diskoperindag-2022/banyak-masalah.md:8 [kolom iki → baris ke-1 → indikator]: Kolom wajib 'indikator' tidak ada. "
        "Tambahkan baris 'indikator: ...'.",
        "jabatan/diskoperindag-2022/banyak-masalah.md:10 [kolom iki → baris ke-1 → indikatr]: Kolom 'indikatr' tidak dikenal. "
        "Periksa ejaannya: mungkin maksudnya 'indikator'. Kolom yang boleh: nomor, sasaran, indikator, target, ket, "
        "mendukung.",
        "jabatan/diskoperindag-2022/banyak-masalah.md:15 [kolom iki → baris ke-2 → target]: Target \"dua belas Laporan\" tidak dikenali. "
        "Tulis angka lalu satuan (mis. \"12 Dokumen\"), persentase (mis. \"100%\"), atau nilai kualitatif yang "
        "terdaftar di data/diskoperindag-2022/keputusan.yml (A, B, BB, C, CC).",
        "jabatan/diskoperindag-2022/banyak-masalah.md:18 [kolom tugas]: Baris ini bukan butir tugas: \"tugas tanpa nomor\". "
        "Awali setiap butir dengan nomornya dan titik, mis. '1. menyusun rencana ...'; sub-butir diberi 3 spasi dan "
        "huruf, mis. '   a. pelayanan ...'. Satu butir satu baris.",
    ]),
    ("pohon kinerja menunjuk baris yang tidak ada", ["mendukung-hilang.md"], [
        "jabatan/diskoperindag-2022/mendukung-hilang.md:12 [kolom iki → baris ke-1 → mendukung]: Baris 'sekretaris-dinas/9' tidak ada: "
        "Sekretaris Dinas hanya memiliki 2 baris IKI. Pilih nomor urut baris 1 sampai 2, dihitung dari atas tabel IKI "
        "jabatan/diskoperindag-2022/sekretaris-dinas.md (bukan kolom NO).",
        "jabatan/diskoperindag-2022/mendukung-hilang.md:17 [kolom iki → baris ke-2 → mendukung]: Jabatan 'sekretaris-dinass' pada "
        "'mendukung' tidak ada di folder jabatan/diskoperindag-2022/. Tulis nama berkas jabatan atasan tanpa '.md', yaitu "
        "'sekretaris-dinas' (mungkin maksudnya 'sekretaris-dinas').",
    ]),
    # The atasan's IKI row has a typo: only that is reported, not the row of the bawahan that supports it.
    ("pohon kinerja menunjuk berkas bermasalah", ["atasan-rusak.md", "bawahan-atasan-rusak.md"], [
        "jabatan/diskoperindag-2022/atasan-rusak.md:8 [kolom iki → baris ke-1 → indikator]: Kolom wajib 'indikator' tidak ada. "
        "Tambahkan baris 'indikator: ...'.",
        "jabatan/diskoperindag-2022/atasan-rusak.md:10 [kolom iki → baris ke-1 → indikatr]: Kolom 'indikatr' tidak dikenal. "
        "Periksa ejaannya: mungkin maksudnya 'indikator'. Kolom yang boleh: nomor, sasaran, indikator, target, ket, "
        "mendukung.",
    ]),
    ("isian belum diganti", ["isian.md"], [
        "jabatan/diskoperindag-2022/isian.md:9 [kolom iki → baris ke-1 → sasaran]: Masih berisi isian \"ISI SASARAN\" yang belum "
        "diganti. Ganti dengan sasaran yang tertulis di Keputusan.",
        "jabatan/diskoperindag-2022/isian.md:10 [kolom iki → baris ke-1 → indikator]: Masih berisi isian \"ISI INDIKATOR\" yang belum "
        "diganti. Ganti dengan indikator yang tertulis di Keputusan.",
        "jabatan/diskoperindag-2022/isian.md:11 [kolom iki → baris ke-1 → target]: Masih berisi isian \"ISI TARGET\" yang belum "
        "diganti. Ganti dengan target yang tertulis di Keputusan.",
        "jabatan/diskoperindag-2022/isian.md:13 [kolom tugas]: Masih berisi isian \"ISI TUGAS\" yang belum diganti. "
        "Ganti dengan tugas yang tertulis di Keputusan.",
    ]),
]

BELUM = "belum diperiksa karena berkas ini bermasalah. Perbaiki berkas ini, lalu jalankan pemeriksaan lagi."
# (kind of problem, the folder in tests/fixtures/rusak-data replacing files of data/, the exact lines)
KASUS_DATA = [
    ("yaml data tidak terbaca", "yaml-rusak", [
        f"data/diskoperindag-2022/keputusan.yml: Target IKI {BELUM}",
        "data/diskoperindag-2022/keputusan.yml:4: Format YAML tidak dapat dibaca (ada karakter tab; gunakan spasi). Periksa tanda titik "
        "dua, tanda kutip dan jumlah spasi di awal baris; teks yang memuat ': ' atau diawali tanda khusus harus "
        "diberi tanda kutip.",
    ]),
    ("jenis unit tak dikenal", "jenis-salah", [
        f"data/diskoperindag-2022/unit.yml: Hubungan antarberkas (unit, atasan, nama kembar) {BELUM}",
        "data/diskoperindag-2022/unit.yml:7 [kolom baris ke-2 → jenis]: Nilai 'sekertariat' tidak dikenal. "
        "Pilih salah satu: pimpinan, sekretariat, bidang, uptd.",
    ]),
    ("singkatan salah tulis", "singkatan-salah", [
        "data/singkatan.yml:3 [kolom baris ke-2 → singkatan]: Nilai 'S-KA' tidak memenuhi aturan penulisan kolom ini. "
        "Tulis seperti butir lain di berkas ini (tanpa spasi atau tanda baca yang tidak ada pada contohnya).",
        "data/singkatan.yml:5 [kolom baris ke-3 → kepanjangan]: Kolom wajib 'kepanjangan' tidak ada. "
        "Tambahkan baris 'kepanjangan: ...'.",
    ]),
    ("kata dasar salah tulis", "akar-salah", [
        "data/akar.yml:3 [kolom baris ke-1 → tetap → baris ke-2]: Nilai 'Citeko' tidak memenuhi aturan penulisan kolom ini. "
        "Tulis seperti butir lain di berkas ini (tanpa spasi atau tanda baca yang tidak ada pada contohnya).",
        "data/akar.yml:4 [kolom baris ke-2 → alasan]: Kolom wajib 'alasan' tidak ada. Tambahkan baris 'alasan: ...'.",
    ]),
    ("unit kembar dan kepala unit salah", "kembar", [
        "data/diskoperindag-2022/unit.yml:9 [kolom kode]: Kode unit sama dengan butir ke-2. "
        "Setiap unit harus memiliki kode unit sendiri; ubah salah satunya.",
        "data/diskoperindag-2022/unit.yml:12 [kolom kepala]: Kepala unit 'sekretariat' menunjuk jabatan 'kabid-koperasi' yang tidak ada. "
        "Isi dengan nama berkas (tanpa '.md') dari folder jabatan/diskoperindag-2022/.",
        "data/diskoperindag-2022/unit.yml:14 [kolom nama]: Nama unit sama dengan butir ke-2. "
        "Setiap unit harus memiliki nama unit sendiri; ubah salah satunya.",
        "data/diskoperindag-2022/unit.yml:16 [kolom kepala]: Kepala unit 'bidang-ukm' adalah 'sekretaris-dinas', tetapi jabatan itu "
        "tercatat di unit 'sekretariat'. Samakan unit jabatan itu dengan unit yang dipimpinnya.",
    ]),
]


def ringkasan(masalah: int, berkas: int) -> str:
    return (f"Ditemukan {masalah} masalah pada {berkas} berkas. Perbaiki semuanya, lalu periksa lagi; "
            "penjelasan setiap pesan ada di CONTRIBUTING.md.")


def _periksa(folder: Path, capsys) -> tuple[int, list[str]]:
    kode = cli.main(["periksa", str(folder)])
    return kode, capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("berkas, harapan", [k[1:] for k in KASUS_JABATAN], ids=[k[0] for k in KASUS_JABATAN])
def test_setiap_jenis_masalah_jabatan(tmp_path, capsys, berkas, harapan):
    kode, keluaran = _periksa(proyek_rusak(tmp_path, berkas), capsys)
    assert kode == 1
    assert keluaran == harapan + [ringkasan(len(harapan), len({b.split(":")[0] for b in harapan}))]


@pytest.mark.parametrize("data, harapan", [k[1:] for k in KASUS_DATA], ids=[k[0] for k in KASUS_DATA])
def test_setiap_jenis_masalah_data(tmp_path, capsys, data, harapan):
    kode, keluaran = _periksa(proyek_rusak(tmp_path, data=data), capsys)
    assert kode == 1
    assert keluaran == harapan + [ringkasan(len(harapan), 1)]


@pytest.mark.parametrize("nama", sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.yml")))
def test_setiap_berkas_data_diperiksa(tmp_path, capsys, nama):
    """Every file in data/ is read by the checker: a broken one is reported, whatever reads it at build time."""
    proyek = proyek_rusak(tmp_path)
    (proyek / "data" / nama).write_text("kolom: [tidak ditutup\n", encoding="utf-8")
    kode, keluaran = _periksa(proyek, capsys)
    assert kode == 1
    assert any(b.startswith(f"data/{nama}:2: Format YAML tidak dapat dibaca (tanda kurung") for b in keluaran), keluaran


def test_semua_masalah_dilaporkan_dalam_satu_kali_jalan(tmp_path):
    """The real command on the whole broken tree: its full output, exactly."""
    proyek_rusak(tmp_path / "rusak", [p.name for p in (RUSAK / JABATAN).iterdir() if p.name not in DASAR] + [KEMBAR])
    hasil = subprocess.run([sys.executable, "-m", "iki", "periksa", "rusak"], capture_output=True, text=True, cwd=tmp_path,
                           env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"})
    assert hasil.returncode == 1, hasil.stderr
    harapan = (ROOT / "tests" / "fixtures" / "rusak-keluaran.txt").read_text(encoding="utf-8")
    assert hasil.stdout == harapan
    # The whole-tree output is exactly the sum of the kinds above: no kind hides or adds another.
    assert sorted(hasil.stdout.splitlines()[:-1]) == sorted(b for k in KASUS_JABATAN for b in k[2])
    berkas_kasus = {b for k in KASUS_JABATAN for b in k[1]}
    assert berkas_kasus | set(DASAR) == {p.name for p in (tmp_path / "rusak" / JABATAN).iterdir()}


def test_repositori_asli_tanpa_masalah(keputusan):
    hasil = subprocess.run([sys.executable, "-m", "iki", "periksa"], capture_output=True, text=True, cwd=ROOT)
    assert hasil.returncode == 0, hasil.stdout
    assert hasil.stdout == (f"Tidak ada masalah: 1 Keputusan, {len(keputusan.jabatan)} jabatan, "
                            f"{keputusan.jumlah_baris_iki} baris IKI diperiksa.\n")


def test_anotasi_github_actions(tmp_path, capsys, monkeypatch):
    """On GitHub Actions each problem becomes an annotation on the file's line in the pull request."""
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    kode, keluaran = _periksa(proyek_rusak(tmp_path, ["unit-salah.md", "nama_berkas.md"]), capsys)
    assert kode == 1
    assert keluaran[:2] == [
        "::error file=jabatan/diskoperindag-2022/nama_berkas.md,title=Pemeriksaan data IKI::jabatan/diskoperindag-2022/nama_berkas.md: Nama berkas "
        "'nama_berkas.md' tidak memenuhi aturan: hanya huruf kecil, angka dan tanda hubung. Ganti nama berkas "
        "menjadi 'nama-berkas.md'.",
        "::error file=jabatan/diskoperindag-2022/unit-salah.md,line=4,title=Pemeriksaan data IKI::jabatan/diskoperindag-2022/unit-salah.md:4 [kolom unit]: "
        "Unit 'sekretariatt' tidak dikenal. Isi dengan salah satu kode unit dari data/diskoperindag-2022/unit.yml (mungkin maksudnya "
        "'sekretariat'): pimpinan, sekretariat.",
    ]
    assert keluaran[2] == ringkasan(2, 2)


@pytest.mark.parametrize("argumen, pesan", [
    (["periksa", "/tidak/ada"], "python -m iki: folder '/tidak/ada' tidak ada"),
    (["periksa", str(ROOT / "docs")], f"python -m iki: folder '{ROOT / 'docs'}' tidak berisi folder data/ maupun "
                                      "jabatan/; jalankan perintah ini dari folder repositori"),
    ([], "python -m iki: argumen wajib belum diisi: PERINTAH"),
    (["periksaa"], "python -m iki: argumen PERINTAH: pilihan 'periksaa' tidak dikenal (pilih: 'periksa', 'jabatan-baru', 'keputusan-baru', 'perubahan', 'halaman', 'impor')"),
    (["periksa", ".", "lebih"], "python -m iki: argumen tidak dikenal: lebih"),
])
def test_salah_pakai_keluar_dengan_kode_2(capsys, argumen, pesan):
    with pytest.raises(SystemExit) as keluar:
        cli.main(argumen)
    assert keluar.value.code == 2
    assert capsys.readouterr().err.splitlines()[0] == pesan
