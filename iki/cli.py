"""The editors' command line: `python -m iki periksa` and `python -m iki jabatan-baru`.

Exit status: 0 all good, 1 problems found in the data, 2 the command was used wrongly.
Everything printed is in Bahasa Indonesia.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import get_args

from . import jabatan_baru
from .loader import LetakData, muat_daftar, periksa
from .masalah import DataTidakValid, Masalah, urutkan
from .model import Eselon, JenisJabatan
from .pencarian import AturanAkar, Singkatan

OK, ADA_MASALAH, SALAH_PAKAI = 0, 1, 2
# Data files the build reads besides the decree's own (iki.loader.periksa): checked as well.
DAFTAR_LAIN = [("singkatan.yml", Singkatan), ("akar.yml", AturanAkar)]

# argparse's own messages, in Bahasa Indonesia.
_PESAN_ARGPARSE = [
    (r"^the following arguments are required: (.*)$", r"argumen wajib belum diisi: \1"),
    (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$", r"argumen \1: pilihan \2 tidak dikenal (pilih: \3)"),
    (r"^argument (.*?): expected one argument$", r"argumen \1: nilainya belum ditulis"),
]


class _Pengurai(argparse.ArgumentParser):
    def error(self, message: str):
        for pola, ganti in _PESAN_ARGPARSE:
            message = re.sub(pola, ganti, message)
        self.exit(SALAH_PAKAI, f"{self.prog}: {message}\nBantuan: {self.prog} --help\n")

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", "Cara pakai: ", 1)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "Cara pakai: ", 1)


def _pengurai() -> _Pengurai:
    utama = _Pengurai(prog="python -m iki", add_help=False,
                      description="Alat editor data IKI: memeriksa data dan membuat berkas jabatan baru.")
    _bantuan(utama)
    sub = utama.add_subparsers(title="perintah", dest="perintah", required=True, metavar="PERINTAH",
                               parser_class=_Pengurai)

    p = sub.add_parser("periksa", add_help=False, help="memeriksa semua berkas jabatan dan data tanpa membangun situs",
                       description="Memeriksa semua berkas di jabatan/ dan data/ lalu menulis satu baris per masalah.")
    _bantuan(p)
    _folder(p)
    p.set_defaults(jalankan=_periksa)

    p = sub.add_parser("jabatan-baru", add_help=False, help="membuat berkas jabatan baru berisi isian untuk dilengkapi",
                       description="Membuat berkas jabatan/<nama-berkas>.md yang tersusun benar, dengan isian "
                                   "\"ISI ...\" yang harus diganti dengan teks Keputusan.")
    _bantuan(p)
    g = p.add_argument_group("isian")
    g.add_argument("--nama", required=True, help='nama jabatan, mis. "Analis Pasar"')
    g.add_argument("--unit", required=True, help="kode unit dari data/unit.yml, mis. bidang-perdagangan")
    g.add_argument("--atasan", required=True, help="nama berkas jabatan atasan tanpa .md, mis. kabid-perdagangan")
    g.add_argument("--jenis", choices=get_args(JenisJabatan), default="pelaksana", help="jenis jabatan (bawaan: pelaksana)")
    g.add_argument("--eselon", choices=get_args(Eselon), help="eselon, hanya untuk jabatan struktural")
    g.add_argument("--slug", help="nama berkas tanpa .md (bawaan: dibentuk dari nama jabatan)")
    _folder(p)
    p.set_defaults(jalankan=_jabatan_baru)
    return utama


# Arguments go in groups with Indonesian titles, so that argparse's English
# "positional arguments"/"options" sections stay empty and are not printed.
def _bantuan(p: argparse.ArgumentParser) -> None:
    p.add_argument_group("bantuan").add_argument("-h", "--help", action="help", help="menampilkan bantuan ini")


def _folder(p: argparse.ArgumentParser) -> None:
    p.add_argument_group("letak").add_argument("folder", nargs="?", default=".", type=Path,
                   help="folder repositori yang berisi data/ dan jabatan/ (bawaan: folder saat ini)")


def main(argv: list[str] | None = None) -> int:
    pengurai = _pengurai()
    argumen = pengurai.parse_args(argv)
    if not argumen.folder.is_dir():
        pengurai.error(f"folder '{argumen.folder}' tidak ada")
    if not any((argumen.folder / sub).is_dir() for sub in (LetakData.data, LetakData.jabatan)):
        pengurai.error(f"folder '{argumen.folder}' tidak berisi folder data/ maupun jabatan/; "
                       "jalankan perintah ini dari folder repositori")
    return argumen.jalankan(argumen)


def _periksa(argumen: argparse.Namespace) -> int:
    letak = LetakData(argumen.folder)
    keputusan, masalah = periksa(letak)
    for nama, model in DAFTAR_LAIN:
        try:
            muat_daftar(letak, nama, model)
        except DataTidakValid as galat:
            masalah += galat.masalah
    tulis = _anotasi_github if os.environ.get("GITHUB_ACTIONS") == "true" else str
    for m in urutkan(masalah):
        print(tulis(m))
    if masalah:
        print(f"Ditemukan {len(masalah)} masalah pada {len({m.berkas for m in masalah})} berkas. "
              "Perbaiki semuanya, lalu periksa lagi; penjelasan setiap pesan ada di CONTRIBUTING.md.")
        return ADA_MASALAH
    assert keputusan is not None
    print(f"Tidak ada masalah: {len(keputusan.jabatan)} jabatan, {keputusan.jumlah_baris_iki} baris IKI diperiksa.")
    return OK


def _anotasi_github(m: Masalah) -> str:
    """A problem as a GitHub Actions annotation, shown on the file's line in the pull request."""
    def nilai(teks: str) -> str:
        return teks.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    letak = f"file={nilai(m.berkas).replace(':', '%3A').replace(',', '%2C')}"
    if m.baris is not None:
        letak += f",line={m.baris}"
    return f"::error {letak},title=Pemeriksaan data IKI::{nilai(str(m))}"


def _jabatan_baru(argumen: argparse.Namespace) -> int:
    letak = LetakData(argumen.folder)
    try:
        path = jabatan_baru.buat(letak, argumen.nama, argumen.unit, argumen.atasan, argumen.jenis, argumen.eselon,
                                 argumen.slug)
    except jabatan_baru.IsianTidakValid as galat:
        print(f"Berkas tidak dibuat: {galat}", file=sys.stderr)
        return SALAH_PAKAI
    print(f"Berkas {letak.relatif(path)} dibuat. Ganti setiap isian \"ISI ...\" dengan teks Keputusan, "
          "lalu jalankan: python -m iki periksa")
    return OK
