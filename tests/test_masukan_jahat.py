"""Hostile and broken input, as a pull request could bring it: each gives its own Indonesian
message naming the file (and line), is never read through, and never prints a traceback. The
checker runs in a child process under memory and CPU limits (tests/terbatas.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iki import baca
from iki.loader import muat, periksa

import terbatas
from conftest import DATA, JABATAN, RUSAK, letak_proyek, proyek_rusak, salin_proyek

UNIT = f"{DATA}/unit.yml"
# Written into files outside the project that a symlink points at: must never be printed.
RAHASIA = "RAHASIA-DI-LUAR-REPOSITORI"


def _kepala(isi: str) -> str:
    """A jabatan file whose front matter is `isi`."""
    return f"---\n{isi}---\n1. menyusun rencana.\n"


def _tulis(isi: str | bytes):
    return lambda path: path.write_bytes(isi if isinstance(isi, bytes) else isi.encode("utf-8"))


# A "billion laughs": ten levels of aliases, each ten times the one before.
BOM_YAML = _kepala("nama: Bendahara\n" + "a0: &a0 [" + ",".join(['"lol"'] * 10) + "]\n"
                   + "".join(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)))


def _symlink_ke_luar(path: Path) -> None:
    proyek = next(p for p in path.parents if (p / "mkdocs.yml").exists())
    luar = proyek.parent / "luar.md"
    luar.write_text(_kepala(f"nama: {RAHASIA}\n: {RAHASIA}\n"), encoding="utf-8")
    path.symlink_to(luar)


SIMBOLIK = "Berkas ini adalah tautan simbolik (symlink); tautan tidak diikuti dan tidak dibaca."
BUKAN_BIASA = "Ini bukan berkas biasa (melainkan perangkat, FIFO atau soket); tidak dibaca."
PESAN_FOLDER = "Ini sebuah folder, padahal namanya nama berkas data; isinya tidak dibaca."

# Hostile jabatan files, all in one project, checked in one run:
# (what, how to make the file at its path, what the checker prints after "<jabatan folder>/<what>.md").
KASUS_BERKAS_JAHAT = [
    ("bom-yaml", _tulis(BOM_YAML), ":3: Nilai diawali tanda '&' (\"&a0\"), yang dalam YAML berarti jangkar (anchor)"),
    ("alias", _tulis(_kepala("nama: *bendahara\n")),
     ":2: Nilai diawali tanda '*' (\"*bendahara\"), yang dalam YAML berarti rujukan"),
    ("tag-python", _tulis(_kepala("nama: !!python/object/apply:os.system [id]\n")),
     ":2: Nilai diawali tanda '!' (\"tag:yaml.org,2002:python/object/apply:os.system\")"),
    ("sarang-kurung", _tulis(_kepala("nama: " + "[" * 5_000 + "\n")),
     f":2: Data bersarang terlalu dalam (lebih dari {baca.BATAS_KEDALAMAN} tingkat"),
    ("sarang-indentasi", _tulis(_kepala("".join(f"{'  ' * i}k{i}:\n" for i in range(40)))),
     f":{baca.BATAS_KEDALAMAN + 2}: Data bersarang terlalu dalam"),
    ("berkas-besar", _tulis(_kepala("nama: x\n") + "1. tugas\n" * 200_000),
     ": Berkas terlalu besar (1.800.037 bait; paling besar 1.048.576 bait)."),
    ("baris-panjang", _tulis(_kepala("nama: Bendahara\n") + "1. " + "a" * 20_000 + "\n"),
     ":5: Baris ini terlalu panjang (20.003 karakter; paling panjang 10.000)."),
    # Ninety lines of 10,000 characters, mostly spaces: read in linear time.
    ("tugas-berspasi", _tulis(_kepala("nama: Bendahara\n") + ("1. a" + " " * 9_990 + "b\n") * 90),
     ":2 [kolom unit]: Kolom wajib 'unit' tidak ada."),
    ("symlink-ke-luar", _symlink_ke_luar, f": {SIMBOLIK}"),
    ("symlink-passwd", lambda path: path.symlink_to("/etc/passwd"), f": {SIMBOLIK}"),
    ("perangkat", lambda path: path.symlink_to("/dev/zero"), f": {SIMBOLIK}"),
    ("fifo", os.mkfifo, f": {BUKAN_BIASA}"),
    ("folder", lambda path: path.mkdir(), f": {PESAN_FOLDER}"),
    ("bait-nol", _tulis(b"---\nnama: Benda\x00hara\n---\n1. tugas\n"),
     ":2: Berkas memuat karakter NUL (bait nol), jadi bukan berkas teks."),
    ("karakter-kendali", _tulis(_kepala("nama: Bendahara\n") + "1. menyusun\x1b[31m rencana\n"),
     ":5: Baris ini memuat karakter kendali yang tidak terlihat (U+001B)."),
    ("bukan-utf8", _tulis("---\nnama: Bendahara\nunit: Café\n---\n".encode("cp1252")),
     ":3: Berkas tidak tersimpan dengan pengodean UTF-8"),
    ("tanggal-mustahil", _tulis(_kepala("nama: Bendahara\nurutan: 2022-02-30\n")),
     ":3: Nilai \"2022-02-30\" tidak dapat dibaca sebagai teks, angka atau tanggal."),
]


def _folder_jabatan_ke_luar(proyek: Path) -> None:
    luar = proyek.parent / "jabatan-luar"
    shutil.move(proyek / JABATAN, luar)
    (luar / "rahasia.md").write_text(RAHASIA, encoding="utf-8")
    (proyek / JABATAN).symlink_to(luar)


def _folder_data_ke_luar(proyek: Path) -> None:
    luar = proyek.parent / "data-luar"
    shutil.move(proyek / DATA, luar)
    (luar / "unit.yml").write_text(f"- {RAHASIA}: [\n", encoding="utf-8")
    (proyek / DATA).symlink_to(luar)


def _ganti_unit(buat):
    """Replace unit.yml with what `buat` makes at its path."""
    def ganti(proyek: Path) -> None:
        (proyek / UNIT).unlink()
        buat(proyek / UNIT)
    return ganti


def _folder_berisi_rahasia(path: Path) -> None:
    path.mkdir()
    (path / "isi.yml").write_text(RAHASIA, encoding="utf-8")


# Hostile data files and folders, one project each: (what, how to break the project, the line's start).
KASUS_PROYEK = [
    ("tag sendiri", _ganti_unit(_tulis("- !unit\n  kode: x\n")), f"{UNIT}:1: Nilai diawali tanda '!' (\"!unit\")"),
    ("symlink data", _ganti_unit(lambda path: path.symlink_to("/etc/passwd")), f"{UNIT}: {SIMBOLIK}"),
    ("fifo data", _ganti_unit(os.mkfifo), f"{UNIT}: {BUKAN_BIASA}"),
    ("folder bernama unit.yml", _ganti_unit(_folder_berisi_rahasia), f"{UNIT}: {PESAN_FOLDER}"),
    ("folder jabatan symlink", _folder_jabatan_ke_luar, f"{JABATAN}: Folder ini adalah tautan simbolik (symlink)"),
    ("folder data symlink", _folder_data_ke_luar,
     f"{Path(UNIT).parent.as_posix()}: Ini tautan simbolik (symlink); isinya tidak dibaca."),
]


def _periksa_aman(proyek: Path) -> list[str]:
    """The checker's lines on a broken project, after checking it failed cleanly and leaked nothing."""
    hasil = terbatas.periksa(proyek)
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode == 1, keluaran[-3000:]
    assert "Traceback" not in keluaran and hasil.stderr == "", keluaran[-3000:]
    assert RAHASIA not in keluaran and "root:" not in keluaran
    return hasil.stdout.splitlines()


@pytest.fixture(scope="module")
def laporan_jabatan(tmp_path_factory) -> list[str]:
    proyek = salin_proyek(tmp_path_factory.mktemp("jahat") / "proyek")
    for nama, buat, _ in KASUS_BERKAS_JAHAT:
        buat(proyek / JABATAN / f"{nama}.md")
    return _periksa_aman(proyek)


@pytest.mark.parametrize("nama, harapan", [(k[0], k[2]) for k in KASUS_BERKAS_JAHAT], ids=[k[0] for k in KASUS_BERKAS_JAHAT])
def test_berkas_jabatan_jahat(laporan_jabatan, nama, harapan):
    awal = f"{JABATAN}/{nama}.md{harapan}"
    assert [b for b in laporan_jabatan if b.startswith(awal)], "\n".join(laporan_jabatan)


@pytest.mark.parametrize("rusakkan, harapan", [k[1:] for k in KASUS_PROYEK], ids=[k[0] for k in KASUS_PROYEK])
def test_data_dan_folder_jahat(tmp_path, rusakkan, harapan):
    proyek = salin_proyek(tmp_path / "proyek")
    rusakkan(proyek)
    laporan = _periksa_aman(proyek)
    assert any(b.startswith(harapan) for b in laporan), "\n".join(laporan)


def _halaman_ke_luar(proyek: Path) -> None:
    luar = proyek.parent / "luar.md"
    luar.write_text(f"# {RAHASIA}\n", encoding="utf-8")
    (proyek / "docs" / "rahasia.md").symlink_to(luar)


# Hostile files among the pages and theme overrides, which MkDocs reads whole: (what, how, the report line).
KASUS_HALAMAN = [
    ("halaman symlink ke luar", _halaman_ke_luar, f"docs/rahasia.md: {SIMBOLIK}"),
    ("folder halaman symlink ke /", lambda p: (p / "docs" / "akar").symlink_to("/"), f"docs/akar: {SIMBOLIK}"),
    ("fifo di overrides", lambda p: os.mkfifo(p / "overrides" / "main.html.bak"), f"overrides/main.html.bak: {BUKAN_BIASA}"),
]


def _jabatan_untuk_build(nama: str):
    _, buat, harapan = next(k for k in KASUS_BERKAS_JAHAT if k[0] == nama)
    return nama, lambda proyek: buat(proyek / JABATAN / f"{nama}.md"), f"{JABATAN}/{nama}.md{harapan}"


KASUS_BANGUN = [_jabatan_untuk_build(n) for n in ("bom-yaml", "symlink-ke-luar", "fifo")] + KASUS_HALAMAN


@pytest.mark.slow
@pytest.mark.parametrize("rusakkan, harapan", [k[1:] for k in KASUS_BANGUN], ids=[k[0] for k in KASUS_BANGUN])
def test_masukan_jahat_menggagalkan_build(tmp_path, rusakkan, harapan):
    proyek = salin_proyek(tmp_path / "proyek")
    rusakkan(proyek)
    hasil = terbatas.bangun(proyek)
    assert hasil.returncode == 1
    assert "Traceback" not in hasil.stderr and RAHASIA not in hasil.stderr, hasil.stderr[-3000:]
    assert f"  - {harapan}" in hasil.stderr, hasil.stderr[-3000:]
    assert not (proyek / "site").exists()


def _simpan_ulang(folder: Path, bom: bytes, akhir_baris: bytes) -> None:
    """Every file under a folder saved again with another BOM and line ending."""
    for path in folder.rglob("*"):
        if path.is_file():
            path.write_bytes(bom + path.read_bytes().replace(b"\n", akhir_baris))


# As Windows' Notepad saves: UTF-8 BOM, CRLF. As old Mac editors did: CR alone.
GAYA = {"bom dan crlf": (b"\xef\xbb\xbf", b"\r\n"), "cr saja": (b"", b"\r")}


@pytest.mark.parametrize("bom, akhir_baris", GAYA.values(), ids=GAYA.keys())
def test_bom_dan_crlf_sama_dengan_berkas_bersih(tmp_path, bom, akhir_baris):
    """The same model, field for field, from the files saved with a BOM and CRLF (or CR)."""
    bersih = salin_proyek(tmp_path / "bersih")
    lain = salin_proyek(tmp_path / "lain")
    _simpan_ulang(lain / JABATAN, bom, akhir_baris)
    _simpan_ulang(lain / DATA, bom, akhir_baris)
    assert (lain / JABATAN / "bendahara.md").read_bytes().startswith(bom + b"---" + akhir_baris + b"nama:")
    assert muat(letak_proyek(lain)) == muat(letak_proyek(bersih))


def test_bom_dan_crlf_masalah_sama(tmp_path):
    """The broken fixtures saved with a BOM and CRLF: the same problems on the same lines."""
    bersih = proyek_rusak(tmp_path / "bersih", [p.name for p in (RUSAK / JABATAN).iterdir()])
    windows = tmp_path / "windows"
    shutil.copytree(bersih, windows)
    _simpan_ulang(windows / JABATAN, *GAYA["bom dan crlf"])
    masalah = [periksa(letak_proyek(p))[1] for p in (bersih, windows)]
    assert len(masalah[0]) > 20
    assert masalah[1] == masalah[0]


def test_perangkat_ditolak_tanpa_dibuka(tmp_path):
    """A device node is refused from its metadata alone (opening /dev/zero would read forever)."""
    with pytest.raises(baca.Ditolak) as tolak:
        baca.teks(tmp_path, Path("/dev/zero"))
    assert tolak.value.pesan == BUKAN_BIASA
