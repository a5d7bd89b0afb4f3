"""Several decrees on one site: addresses, banners, comparison, the yearly routine, bad links between decrees.

The second decree is FICTIONAL (tests/fixtures/fiktif, `buat_keputusan_fiktif`): a 2023 decree replacing the
real 2022 one with known changes. The real site never holds it (test_situs_nyata_tanpa_fiktif).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from iki import cli
from iki.pemuat_arsip import muat_arsip

from conftest import (
    DATA,
    ID_FIKTIF,
    ID_NYATA,
    JABATAN,
    JUMLAH_PERUBAHAN_FIKTIF,
    ROOT,
    baca_html,
    bangun_di_proses,
    git,
    izinkan_fiktif,
    salin_proyek,
)

FIKTIF_DI = f"{ID_FIKTIF}/"


def _berkas(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def test_alamat_keputusan_pertama_tetap(situs, proyek_dua):
    """Adding a decree adds pages under its own address only; every page and download of the first stays."""
    lama, dua = _berkas(situs), _berkas(proyek_dua / "site")
    assert lama - dua == set()
    baru = dua - lama
    assert {b for b in baru if not b.startswith(FIKTIF_DI)} == set()
    for halaman in ("index.html", "perubahan/index.html", "jabatan/kabid-ukm/index.html", "unit/bidang-ukm/index.html",
                    "organisasi/bagan/index.html", "organisasi/tujuan/index.html", "unduh/index.html",
                    "unduh/iki-diskoperindag-2023.csv", "unduh/iki-diskoperindag-2023-perubahan.csv",
                    "unduh/iki-diskoperindag-2023-perubahan.json"):
        assert FIKTIF_DI + halaman in baru, halaman


@pytest.mark.parametrize("halaman, tujuan", [
    ("jabatan/kabid-ukm/index.html", "../../diskoperindag-2023/jabatan/kabid-ukm/"),
    ("jabatan/penata-keuangan/index.html", "../../diskoperindag-2023/jabatan/penata-laporan-keuangan/"),
])
def test_halaman_lama_berspanduk_ke_jabatan_yang_sama(proyek_dua, halaman, tujuan):
    sup = baca_html(proyek_dua / "site" / halaman)
    spanduk = sup.select_one(".iki-banner-lama")
    assert spanduk is not None
    assert "Keputusan ini telah diganti oleh" in spanduk.get_text(" ", strip=True)
    assert "800 / 99 / FIKTIF / 2023" in spanduk.get_text()
    assert spanduk.select_one("a.iki-jabatan-penerus")["href"] == tujuan


def test_spanduk_jabatan_yang_tidak_berlanjut(proyek_dua):
    spanduk = baca_html(proyek_dua / "site" / "jabatan" / "pengelola-data" / "index.html").select_one(".iki-banner-lama")
    assert "Jabatan ini tidak ada lagi pada Keputusan itu." in spanduk.get_text(" ", strip=True)


@pytest.mark.parametrize("halaman", ["unit/bidang-ukm/index.html", "organisasi/bagan/index.html", "unduh/index.html"])
def test_halaman_lain_keputusan_lama_berspanduk(proyek_dua, halaman):
    assert baca_html(proyek_dua / "site" / halaman).select_one(".iki-banner-lama") is not None


def test_keputusan_berlaku_tanpa_spanduk(proyek_dua):
    assert baca_html(proyek_dua / "site" / ID_FIKTIF / "jabatan" / "kabid-ukm" / "index.html").select_one(
        ".iki-banner-lama") is None


def test_halaman_perubahan_keputusan(proyek_dua):
    sup = baca_html(proyek_dua / "site" / ID_FIKTIF / "perubahan" / "index.html")
    jumlah = {dt.get_text(): int(dd.get_text()) for dt, dd in
              zip(sup.select(".iki-perubahan-jumlah dt"), sup.select(".iki-perubahan-jumlah dd"))}
    assert jumlah == {"Jabatan baru": 1, "Jabatan dihapus": 1, "Jabatan berganti nama atau digabung": 1,
                      "Jabatan berubah": 5, "Baris IKI ditambah": 1, "Baris IKI dihapus": 1, "Baris IKI diubah": 1,
                      "Butir tugas berubah": 1}
    berubah = {s["id"].removeprefix("perubahan-") for s in sup.select("section.iki-perubahan-jabatan")}
    assert berubah == {"kabid-ukm", "bendahara", "analis-koperasi", "pengelola-kepegawaian-ii",
                       "penata-laporan-keuangan"}
    assert [a.get_text() for a in sup.select("#jabatan-baru + ul a")] == ["Analis Pasar"]
    assert [a.get_text() for a in sup.select("#jabatan-dihapus + ul a")] == ["Pengelola Data"]
    assert sup.select_one("#jabatan-dihapus + ul a")["href"] == "../../jabatan/pengelola-data/"


def test_unduhan_perubahan_tepat(proyek_dua):
    """The CSV holds exactly the fixture's changes, and nothing else."""
    unduh = proyek_dua / "site" / ID_FIKTIF / "unduh"
    baris = list(csv.DictReader(io.StringIO((unduh / "iki-diskoperindag-2023-perubahan.csv").read_text("utf-8"))))
    ringkas = {(b["jenis_perubahan"], b["bagian"], b["slug"] or b["slug_lama"], b["kolom"], b["nilai_lama"],
                b["nilai_baru"]) for b in baris}
    assert ringkas == {
        ("ubah", "iki", "kabid-ukm", "target", "330 UKM", "350 UKM"),
        ("ubah", "identitas", "bendahara", "atasan", "Kepala Sub Bagian Keuangan", "Sekretaris Dinas"),
        ("ubah", "tugas", "bendahara", "1",
         "Mengelola uang/surat berharga sesuai prosedur dan ketentuan yang berlaku untuk kelancaran pelaksanaan "
         "tugasMemproses penetapan dokumen perencanaan dan program sesuai prosedur dan ketentuan yang berlaku untuk "
         "kelancaran pelaksanaan tugas",
         "Mengelola uang dan surat berharga sesuai prosedur dan ketentuan yang berlaku untuk kelancaran pelaksanaan "
         "tugasMemproses penetapan dokumen perencanaan dan program sesuai prosedur dan ketentuan yang berlaku untuk "
         "kelancaran pelaksanaan tugas"),
        ("hapus", "iki", "analis-koperasi", "", "150 Koperasi", ""),
        ("tambah", "iki", "pengelola-kepegawaian-ii", "", "", "4 Laporan"),
        ("ubah", "jabatan", "penata-laporan-keuangan", "pendahulu", "penata-keuangan", "penata-laporan-keuangan"),
        ("ubah", "identitas", "penata-laporan-keuangan", "nama", "Penata Keuangan", "Penata Laporan Keuangan"),
        ("tambah", "jabatan", "analis-pasar", "", "", ""),
        ("hapus", "jabatan", "pengelola-data", "", "", ""),
    }
    dokumen = json.loads((unduh / "iki-diskoperindag-2023-perubahan.json").read_text("utf-8"))
    assert dokumen["jumlah"] == JUMLAH_PERUBAHAN_FIKTIF
    assert len(dokumen["perubahan"]) == len(baris)
    assert dokumen["keputusan_lama"]["id"] == ID_NYATA


def test_bagian_perubahan_di_halaman_jabatan(proyek_dua):
    jabatan = proyek_dua / "site" / ID_FIKTIF / "jabatan"
    kabid = baca_html(jabatan / "kabid-ukm" / "index.html").select_one(".iki-perubahan")
    assert "330 UKM" in kabid.select_one("del").get_text() and "350 UKM" in kabid.select_one("ins").get_text()
    bendahara = baca_html(jabatan / "bendahara" / "index.html").select_one(".iki-perubahan-tugas li")
    assert [x.get_text() for x in bendahara.select("del")] == ["uang/surat"]
    assert [x.get_text() for x in bendahara.select("ins")] == ["uang dan surat"]
    assert "Jabatan ini baru pada Keputusan ini." in baca_html(jabatan / "analis-pasar" / "index.html").get_text()
    assert "Tidak ada perubahan" in baca_html(jabatan / "sekretaris-dinas" / "index.html").select_one(
        ".iki-perubahan").get_text()


def test_daftar_keputusan(proyek_dua):
    sup = baca_html(proyek_dua / "site" / "daftar-keputusan" / "index.html")
    baris = [[td.get_text(" ", strip=True) for td in tr.select("td")] for tr in sup.select(".iki-daftar-keputusan tbody tr")]
    assert [b[0] for b in baris] == ["2023", "2022"]
    assert baris[0][3] == "Berlaku"
    assert baris[1][3] == "Diganti oleh IKI 2023"
    assert sup.select(".iki-daftar-keputusan tbody a")[1]["href"] == "../keputusan/"


def test_pencarian_menyebut_keputusan_dan_mengutamakan_yang_berlaku(proyek_dua):
    indeks = json.loads((proyek_dua / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    halaman = {d["location"]: d for d in indeks if "#" not in d["location"]}
    lama, baru = halaman["jabatan/kabid-ukm/"], halaman[f"{FIKTIF_DI}jabatan/kabid-ukm/"]
    assert lama["title"] == baru["title"] == "Kepala Bidang UKM"
    # The text a result shows starts with the decree it belongs to.
    assert lama["text"].startswith("Keputusan IKI 2022 Unit kerja")
    assert baru["text"].startswith("Keputusan IKI 2023 (berlaku) Unit kerja")
    assert baru.get("boost", 1) > lama.get("boost", 1)


def test_situs_nyata_tanpa_fiktif():
    """The real repository holds real decrees only."""
    for k in muat_arsip(ROOT):
        i = k.identitas
        assert "fiktif" not in f"{i.nomor} {i.judul} {i.instansi}".casefold()


def test_keputusan_fiktif_ditolak_situs_biasa(tmp_path):
    proyek = salin_proyek(tmp_path / "proyek")
    shutil.copytree(proyek / DATA, proyek / "data" / "contoh-2023")
    shutil.copytree(proyek / JABATAN, proyek / "jabatan" / "contoh-2023")
    identitas = proyek / "data" / "contoh-2023" / "keputusan.yml"
    teks = identitas.read_text("utf-8").replace('nomor: "800 / 29.6 / Sekere / 2022"', 'nomor: "1 / FIKTIF / 2023"')
    teks = teks.replace("tahun: 2022", "tahun: 2023").replace("alamat: /\n", "").replace("nama_unduhan: iki-2022\n", "")
    identitas.write_text(teks + "mengganti: diskoperindag-2022\n", encoding="utf-8")
    hasil = bangun_di_proses(proyek)
    assert hasil.returncode != 0
    assert "data/contoh-2023/keputusan.yml: Keputusan ini bertanda fiktif." in hasil.stderr
    izinkan_fiktif(proyek)
    assert bangun_di_proses(proyek).returncode == 0


# -- the yearly routine --------------------------------------------------------------------------


def test_keputusan_baru_lalu_ubah_target(tmp_path, capsys):
    proyek = salin_proyek(tmp_path / "proyek")
    assert cli.main(["keputusan-baru", "--tahun", "2023", str(proyek)]) == 0
    assert "Rancangan Keputusan 2023 dibuat: data/diskoperindag-2023/ dan jabatan/diskoperindag-2023/" in \
        capsys.readouterr().out
    # The fresh copy passes the checker as it stands.
    assert cli.main(["periksa", str(proyek)]) == 0
    assert capsys.readouterr().out == "Tidak ada masalah: 2 Keputusan, 8 jabatan, 10 baris IKI diperiksa.\n"
    identitas = (proyek / "data" / "diskoperindag-2023" / "keputusan.yml").read_text("utf-8")
    assert "tahun: 2023\n" in identitas and "rancangan: true\n" in identitas
    assert "mengganti: diskoperindag-2022\n" in identitas
    for kolom in ("nomor:", "tanggal:", "alamat:", "nama_unduhan:"):
        assert f"\n{kolom}" not in identitas
    path = proyek / "jabatan" / "diskoperindag-2023" / "bendahara.md"
    path.write_text(path.read_text("utf-8").replace("target: 11 Dokumen", "target: 12 Dokumen"), encoding="utf-8")

    # A draft is not published ...
    assert bangun_di_proses(proyek).returncode == 0
    assert not (proyek / "site" / "diskoperindag-2023").exists()
    # ... unless a review build asks for it; then it shows exactly the change.
    assert bangun_di_proses(proyek, IKI_RANCANGAN="1").returncode == 0
    halaman = baca_html(proyek / "site" / "diskoperindag-2023" / "perubahan" / "index.html")
    assert [s["id"] for s in halaman.select("section.iki-perubahan-jabatan")] == ["perubahan-bendahara"]
    sel = halaman.select_one("section.iki-perubahan-jabatan td:has(del)")
    assert (sel.select_one("del").get_text(), sel.select_one("ins").get_text()) == ("11 Dokumen", "12 Dokumen")


def test_keputusan_baru_tidak_menimpa(tmp_path, capsys):
    proyek = salin_proyek(tmp_path / "proyek")
    assert cli.main(["keputusan-baru", "--tahun", "2023", str(proyek)]) == 0
    assert cli.main(["keputusan-baru", "--tahun", "2023", "--dari", ID_NYATA, str(proyek)]) == 2
    assert "Keputusan baru tidak dibuat: Folder data/diskoperindag-2023 sudah ada." in capsys.readouterr().err


# -- bad links between decrees -----------------------------------------------------------------


def _dua_keputusan(proyek: Path, identitas: dict[str, str], id: str = "diskoperindag-2023") -> Path:
    """A second (draft) decree copied from the first, with lines added to its keputusan.yml."""
    assert cli.main(["keputusan-baru", "--tahun", "2023", "--id", id, str(proyek)]) == 0
    path = proyek / "data" / id / "keputusan.yml"
    teks = path.read_text("utf-8")
    for kunci, nilai in identitas.items():
        teks = "\n".join(b for b in teks.splitlines() if not b.startswith(f"{kunci}:")) + f"\n{kunci}: {nilai}\n"
    path.write_text(teks, encoding="utf-8")
    return proyek


def _keluaran_periksa(proyek: Path, capsys) -> list[str]:
    capsys.readouterr()
    assert cli.main(["periksa", str(proyek)]) == 1
    return capsys.readouterr().out.splitlines()[:-1]


def _pendahulu_tidak_ada(proyek: Path) -> None:
    _dua_keputusan(proyek, {"mengganti": "diskoperindag-2021"})


def _ganti_nama_salah(proyek: Path) -> None:
    _dua_keputusan(proyek, {})
    path = proyek / "jabatan" / "diskoperindag-2023" / "bendahara.md"
    path.write_text(path.read_text("utf-8").replace("nama: Bendahara\n", "nama: Bendahara\npendahulu: [bendahra]\n"),
                    encoding="utf-8")


def _berlaku_ganda(proyek: Path) -> None:
    _dua_keputusan(proyek, {"tahun": "2022", "nomor": '"1/2022"', "tanggal": "2022-02-01", "rancangan": "false",
                            "mengganti": "null"}, id="diskoperindag-2022-b")


def _siklus(proyek: Path) -> None:
    _dua_keputusan(proyek, {})
    path = proyek / DATA / "keputusan.yml"
    path.write_text(path.read_text("utf-8") + "mengubah: diskoperindag-2023\n", encoding="utf-8")


def _berkas_kembar(proyek: Path) -> None:
    _dua_keputusan(proyek, {})
    folder = proyek / "jabatan" / "diskoperindag-2023"
    teks = (folder / "bendahara.md").read_text("utf-8").replace("nama: Bendahara", "nama: Bendahara Dua")
    (folder / "Bendahara.md").write_text(teks.replace("urutan: ", "urutan: 9"), encoding="utf-8")


# (kind, what the test does to a project copy, the problem line the checker and the build print)
KASUS_ANTARKEPUTUSAN = [
    ("pendahulu tidak ada", _pendahulu_tidak_ada,
     "[kolom mengganti]: Keputusan 'diskoperindag-2021' yang disebut pada "
     "'mengganti' tidak ada. Tulis nama folder Keputusan itu di data/ (mungkin maksudnya 'diskoperindag-2022')."),
    ("ganti nama ke jabatan yang tidak ada", _ganti_nama_salah,
     "jabatan/diskoperindag-2023/bendahara.md:3 [kolom pendahulu]: Jabatan 'bendahra' tidak ada di Keputusan "
     "sebelumnya ('diskoperindag-2022'). Tulis nama berkas jabatan itu di jabatan/diskoperindag-2022/ tanpa '.md' "
     "(mungkin maksudnya 'bendahara')."),
    ("dua Keputusan berlaku untuk tahun yang sama", _berlaku_ganda,
     "data/diskoperindag-2022-b/keputusan.yml:1: Keputusan 'diskoperindag-2022' dan 'diskoperindag-2022-b' "
     "sama-sama berlaku untuk instansi 'diskoperindag' tahun 2022."),
    ("siklus perubahan", _siklus,
     "Rantai perubahan Keputusan berputar: diskoperindag-2022 → diskoperindag-2023 → diskoperindag-2022."),
    ("nama berkas jabatan kembar dalam satu Keputusan", _berkas_kembar,
     "jabatan/diskoperindag-2023/bendahara.md:2: Nama berkas sama dengan berkas jabatan/diskoperindag-2023/Bendahara.md."),
]


@pytest.mark.parametrize("ubah, pesan", [k[1:] for k in KASUS_ANTARKEPUTUSAN], ids=[k[0] for k in KASUS_ANTARKEPUTUSAN])
def test_tautan_antarkeputusan_salah_ditolak_pemeriksa(tmp_path, capsys, ubah, pesan):
    proyek = salin_proyek(tmp_path / "p")
    ubah(proyek)
    assert any(pesan in baris for baris in _keluaran_periksa(proyek, capsys)), pesan


@pytest.mark.parametrize("ubah, pesan", [k[1:] for k in KASUS_ANTARKEPUTUSAN], ids=[k[0] for k in KASUS_ANTARKEPUTUSAN])
def test_tautan_antarkeputusan_salah_menggagalkan_build(tmp_path, capsys, ubah, pesan):
    proyek = salin_proyek(tmp_path / "p")
    ubah(proyek)
    hasil = bangun_di_proses(proyek)
    assert hasil.returncode != 0
    assert pesan in hasil.stderr
    assert "Traceback" not in hasil.stderr


# -- the reviewers' summary --------------------------------------------------------------------


def test_ringkasan_perubahan_untuk_peninjau(tmp_path, capsys):
    proyek = salin_proyek(tmp_path / "p")
    git(proyek, "init", "-q")
    git(proyek, "add", "-A")
    git(proyek, "commit", "-q", "-m", "awal")
    assert cli.main(["perubahan", "HEAD", str(proyek)]) == 0
    assert capsys.readouterr().out.endswith("Tidak ada perubahan pada data IKI.\n")

    path = proyek / JABATAN / "bendahara.md"
    path.write_text(path.read_text("utf-8").replace("target: 11 Dokumen", "target: 12 Dokumen"), encoding="utf-8")
    assert cli.main(["keputusan-baru", "--tahun", "2023", str(proyek)]) == 0
    (proyek / "jabatan" / "diskoperindag-2023" / "bendahara.md").unlink()
    capsys.readouterr()
    assert cli.main(["perubahan", "HEAD", str(proyek)]) == 0
    keluaran = capsys.readouterr().out
    assert "## Keputusan Nomor 800 / 29.6 / Sekere / 2022 (IKI Tahun 2022), `diskoperindag-2022`" in keluaran
    assert "### Bendahara (`jabatan/diskoperindag-2022/bendahara.md`)" in keluaran
    assert ('- Baris IKI ke-1 ("Jumlah dokumen perencanaan, penganggaran dan pelaporan yang dirapihkan") diubah: '
            "target 11 Dokumen → 12 Dokumen.") in keluaran
    baru = keluaran.split("`diskoperindag-2023`")[1]
    assert "Keputusan baru: 3 jabatan, 3 baris IKI (rancangan, belum diterbitkan)." in baru
    assert "### Bendahara (`jabatan/diskoperindag-2022/bendahara.md`)\n\n- Jabatan dihapus." in baru
    # Words for a reader, not YAML or a line diff.
    assert "target:" not in keluaran and "\n+" not in keluaran and "\n-  " not in keluaran


def test_ringkasan_perubahan_revisi_tidak_ada(tmp_path, capsys):
    proyek = salin_proyek(tmp_path / "p")
    git(proyek, "init", "-q")
    assert cli.main(["perubahan", "tidak-ada", str(proyek)]) == 2
    assert capsys.readouterr().err.startswith("Ringkasan tidak dibuat: Revisi 'tidak-ada' tidak dapat dibaca dari git")


def test_tidak_ada_tautan_rusak_di_situs_dua_keputusan(proyek_dua):
    """Every href and src of every page of a site holding two decrees (banners, comparisons, the list of
    decrees) leads to an existing file and anchor."""
    from tautan import periksa_tautan

    hasil = periksa_tautan(proyek_dua / "site")
    assert hasil.rusak == []


def test_unduhan_keputusan_kedua_utuh_sesuai_sha256sums(proyek_dua):
    """The downloads of a decree with a predecessor (its comparison's among them), made in another
    process while the pages were built, are all published whole: each with its checksum in SHA256SUMS."""
    unduh = proyek_dua / "site" / FIKTIF_DI / "unduh"
    sidik = {nama: s for s, nama in (b.split("  ", 1) for b in (unduh / "SHA256SUMS").read_text().splitlines())}
    berkas = {p.relative_to(unduh).as_posix(): p for p in unduh.rglob("*")
              if p.is_file() and p.name not in ("index.html", "SHA256SUMS")}
    assert set(sidik) == set(berkas) and "iki-diskoperindag-2023-perubahan.json" in berkas
    for nama, p in berkas.items():
        assert hashlib.sha256(p.read_bytes()).hexdigest() == sidik[nama], nama
