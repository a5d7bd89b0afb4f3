"""Hostile and broken input, as a pull request could bring it: each gives its own Indonesian
message naming the file (and line), is never read through, and never prints a traceback. The
checker runs in a child process under memory and CPU limits (tests/terbatas.py)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iki import baca
from iki.loader import LetakData, muat, periksa

import terbatas
from conftest import salin_proyek
from test_periksa import RUSAK, _pohon

BENDAHARA = "jabatan/bendahara.md"
# Written into files outside the project that a symlink points at: must never be printed.
RAHASIA = "RAHASIA-DI-LUAR-REPOSITORI"


def _tulis(proyek: Path, berkas: str, isi: str | bytes) -> None:
    path = proyek / berkas
    path.write_bytes(isi if isinstance(isi, bytes) else isi.encode("utf-8"))


def _kepala(isi: str) -> str:
    """A jabatan file whose front matter is `isi`."""
    return f"---\n{isi}---\n1. menyusun rencana.\n"


def _bom_yaml(proyek: Path) -> None:
    """A "billion laughs": nine levels of aliases, each doubling... tenfold the one before."""
    baris = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    baris += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    _tulis(proyek, BENDAHARA, _kepala("nama: Bendahara\n" + "\n".join(baris) + "\n"))


def _symlink_ke_luar(proyek: Path) -> None:
    luar = proyek.parent / "luar.md"
    luar.write_text(_kepala(f"nama: {RAHASIA}\n: {RAHASIA}\n"), encoding="utf-8")
    (proyek / "jabatan" / "tautan.md").symlink_to(luar)


def _folder_jabatan_ke_luar(proyek: Path) -> None:
    luar = proyek.parent / "jabatan-luar"
    shutil.move(proyek / "jabatan", luar)
    (luar / "rahasia.md").write_text(RAHASIA, encoding="utf-8")
    (proyek / "jabatan").symlink_to(luar)


def _folder_data_ke_luar(proyek: Path) -> None:
    luar = proyek.parent / "data-luar"
    shutil.move(proyek / "data", luar)
    (luar / "unit.yml").write_text(f"- {RAHASIA}: [\n", encoding="utf-8")
    (proyek / "data").symlink_to(luar)


def _folder_data(proyek: Path) -> None:
    (proyek / "data" / "unit.yml").unlink()
    (proyek / "data" / "unit.yml").mkdir()
    (proyek / "data" / "unit.yml" / "isi.yml").write_text(RAHASIA, encoding="utf-8")


SIMBOLIK = "Berkas ini adalah tautan simbolik (symlink); tautan tidak diikuti dan tidak dibaca."
BUKAN_BIASA = "Ini bukan berkas biasa (melainkan perangkat, FIFO atau soket); tidak dibaca."

# (what, how to make it, the start of the line the checker must print for it)
KASUS = [
    ("bom yaml", _bom_yaml,
     f"{BENDAHARA}:3: Nilai diawali tanda '&' (\"&a0\"), yang dalam YAML berarti jangkar (anchor)"),
    ("alias", lambda p: _tulis(p, BENDAHARA, _kepala("nama: *bendahara\n")),
     f"{BENDAHARA}:2: Nilai diawali tanda '*' (\"*bendahara\"), yang dalam YAML berarti rujukan"),
    ("tag python", lambda p: _tulis(p, BENDAHARA, _kepala("nama: !!python/object/apply:os.system [id]\n")),
     f"{BENDAHARA}:2: Nilai diawali tanda '!' (\"tag:yaml.org,2002:python/object/apply:os.system\")"),
    ("tag sendiri", lambda p: _tulis(p, "data/unit.yml", "- !unit\n  kode: x\n"),
     "data/unit.yml:1: Nilai diawali tanda '!' (\"!unit\")"),
    ("sarang dalam (kurung)", lambda p: _tulis(p, BENDAHARA, _kepala("nama: " + "[" * 5_000 + "\n")),
     f"{BENDAHARA}:2: Data bersarang terlalu dalam (lebih dari {baca.BATAS_KEDALAMAN} tingkat"),
    ("sarang dalam (indentasi)",
     lambda p: _tulis(p, BENDAHARA, _kepala("".join(f"{'  ' * i}k{i}:\n" for i in range(40)))),
     f"{BENDAHARA}:{baca.BATAS_KEDALAMAN + 2}: Data bersarang terlalu dalam"),
    ("berkas besar", lambda p: _tulis(p, BENDAHARA, _kepala("nama: x\n") + "1. tugas\n" * 200_000),
     f"{BENDAHARA}: Berkas terlalu besar (1.800.037 bait; paling besar 1.048.576 bait)."),
    ("baris panjang", lambda p: _tulis(p, BENDAHARA, _kepala("nama: Bendahara\n") + "1. " + "a" * 20_000 + "\n"),
     f"{BENDAHARA}:5: Baris ini terlalu panjang (20.003 karakter; paling panjang 10.000)."),
    ("symlink ke luar", _symlink_ke_luar, f"jabatan/tautan.md: {SIMBOLIK}"),
    ("symlink ke /etc/passwd", lambda p: (p / "jabatan" / "passwd.md").symlink_to("/etc/passwd"),
     f"jabatan/passwd.md: {SIMBOLIK}"),
    ("symlink data", lambda p: ((p / "data" / "unit.yml").unlink(), (p / "data" / "unit.yml").symlink_to("/etc/passwd")),
     f"data/unit.yml: {SIMBOLIK}"),
    ("folder jabatan symlink", _folder_jabatan_ke_luar, "jabatan: Folder ini adalah tautan simbolik (symlink)"),
    ("folder data symlink", _folder_data_ke_luar,
     "data/unit.yml: Berkas ini berada di luar repositori (lewat folder yang berupa tautan simbolik)"),
    ("fifo", lambda p: os.mkfifo(p / "jabatan" / "pipa.md"), f"jabatan/pipa.md: {BUKAN_BIASA}"),
    ("fifo data", lambda p: ((p / "data" / "unit.yml").unlink(), os.mkfifo(p / "data" / "unit.yml")),
     f"data/unit.yml: {BUKAN_BIASA}"),
    ("perangkat", lambda p: (p / "jabatan" / "nol.md").symlink_to("/dev/zero"), f"jabatan/nol.md: {SIMBOLIK}"),
    ("folder bernama .md", lambda p: (p / "jabatan" / "folder.md").mkdir(),
     "jabatan/folder.md: Ini sebuah folder, padahal namanya nama berkas data; isinya tidak dibaca."),
    ("folder bernama unit.yml", _folder_data,
     "data/unit.yml: Ini sebuah folder, padahal namanya nama berkas data; isinya tidak dibaca."),
    ("bait nol", lambda p: _tulis(p, BENDAHARA, b"---\nnama: Benda\x00hara\n---\n1. tugas\n"),
     f"{BENDAHARA}:2: Berkas memuat karakter NUL (bait nol), jadi bukan berkas teks."),
    ("bukan utf-8", lambda p: _tulis(p, BENDAHARA, "---\nnama: Bendahara\nunit: Café\n---\n".encode("cp1252")),
     f"{BENDAHARA}:3: Berkas tidak tersimpan dengan pengodean UTF-8"),
]


@pytest.mark.parametrize("rusakkan, harapan", [k[1:] for k in KASUS], ids=[k[0] for k in KASUS])
def test_masukan_jahat_diperiksa(tmp_path, rusakkan, harapan):
    proyek = salin_proyek(tmp_path / "proyek")
    rusakkan(proyek)
    hasil = terbatas.periksa(proyek)
    keluaran = hasil.stdout + hasil.stderr
    assert hasil.returncode == 1, keluaran[-3000:]
    assert "Traceback" not in keluaran and hasil.stderr == "", keluaran[-3000:]
    assert any(baris.startswith(harapan) for baris in hasil.stdout.splitlines()), keluaran[-3000:]
    assert RAHASIA not in keluaran and "root:" not in keluaran


@pytest.mark.slow
@pytest.mark.parametrize("rusakkan, harapan", [k[1:] for k in KASUS if k[0] in ("bom yaml", "symlink ke luar", "fifo")],
                         ids=["bom yaml", "symlink ke luar", "fifo"])
def test_masukan_jahat_menggagalkan_build(tmp_path, rusakkan, harapan):
    proyek = salin_proyek(tmp_path / "proyek")
    rusakkan(proyek)
    hasil = terbatas.bangun(proyek)
    assert hasil.returncode == 1
    assert "Traceback" not in hasil.stderr and RAHASIA not in hasil.stderr, hasil.stderr[-3000:]
    assert harapan in hasil.stderr, hasil.stderr[-3000:]


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
    _simpan_ulang(lain / "jabatan", bom, akhir_baris)
    _simpan_ulang(lain / "data", bom, akhir_baris)
    assert (lain / BENDAHARA).read_bytes().startswith(bom + b"---" + akhir_baris + b"nama:")
    assert muat(LetakData(lain)) == muat(LetakData(bersih))


def test_bom_dan_crlf_masalah_sama(tmp_path):
    """The broken fixtures saved with a BOM and CRLF: the same problems on the same lines."""
    bersih = _pohon(tmp_path / "bersih", [p.name for p in (RUSAK / "jabatan").iterdir()])
    windows = tmp_path / "windows"
    shutil.copytree(bersih, windows)
    _simpan_ulang(windows / "jabatan", *GAYA["bom dan crlf"])
    masalah = [periksa(LetakData(p))[1] for p in (bersih, windows)]
    assert len(masalah[0]) > 20
    assert masalah[1] == masalah[0]
