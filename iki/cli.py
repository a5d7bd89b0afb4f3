"""The editors' command line: `python -m iki periksa`, `python -m iki jabatan-baru` and
`python -m iki impor`.

Exit status: 0 all good, 1 problems found in the data (or a document that cannot be imported),
2 the command was used wrongly.
Everything printed is in Bahasa Indonesia.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, get_args

from . import jabatan_baru, keputusan_baru, ringkasan_perubahan
from .impor import impor
from .impor.dokumen import DokumenTidakValid
from .loader import FOLDER_DATA, FOLDER_JABATAN, LetakData, periksa_data_situs
from .masalah import DataTidakValid, Masalah, urutkan
from .model import Eselon, JenisJabatan
from .pemuat_arsip import daftar_keputusan, periksa_arsip

OK, ADA_MASALAH, SALAH_PAKAI = 0, 1, 2

# argparse's own messages, in Bahasa Indonesia.
_PESAN_ARGPARSE = [
    (r"^the following arguments are required: (.*)$", r"argumen wajib belum diisi: \1"),
    (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$", r"argumen \1: pilihan \2 tidak dikenal (pilih: \3)"),
    (r"^argument (.*?): expected one argument$", r"argumen \1: nilainya belum ditulis"),
]


class _Pengurai(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        for pola, ganti in _PESAN_ARGPARSE:
            message = re.sub(pola, ganti, message)
        self.exit(SALAH_PAKAI, f"{self.prog}: {message}\nBantuan: {self.prog} --help\n")

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", "Cara pakai: ", 1)

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", "Cara pakai: ", 1)


def _pengurai() -> _Pengurai:
    utama = _Pengurai(prog="python -m iki", add_help=False,
                      description="Alat editor data IKI: memeriksa data, membuat berkas jabatan baru, "
                                  "dan mengimpor Keputusan dari dokumennya.")
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
    g.add_argument("--keputusan", help="id Keputusan (nama folder di data/); wajib bila ada lebih dari satu")
    _folder(p)
    p.set_defaults(jalankan=_jabatan_baru)

    p = sub.add_parser("keputusan-baru", add_help=False,
                       help="memulai Keputusan tahun berikutnya sebagai salinan Keputusan yang berlaku",
                       description="Menyalin data/<id>/ dan jabatan/<id>/ Keputusan yang berlaku menjadi rancangan "
                                   "Keputusan tahun berikutnya, siap untuk mengubah target.")
    _bantuan(p)
    g = p.add_argument_group("isian")
    g.add_argument("--tahun", required=True, type=int, help="tahun Keputusan baru, mis. 2023")
    g.add_argument("--dari", help="id Keputusan yang disalin (bawaan: yang berlaku, bila hanya satu instansi)")
    g.add_argument("--id", help="id (nama folder) Keputusan baru (bawaan: id lama dengan tahun baru)")
    _folder(p)
    p.set_defaults(jalankan=_keputusan_baru)

    p = sub.add_parser("perubahan", add_help=False,
                       help="meringkas perubahan data dibandingkan revisi git, untuk peninjau (Markdown)",
                       description="Menulis dalam Markdown apa yang diubah folder kerja pada data IKI dibandingkan "
                                   "revisi git <rev>: per Keputusan dan jabatan, tanpa YAML.")
    _bantuan(p)
    p.add_argument_group("revisi").add_argument("revisi", metavar="rev",
                                                help="revisi git pembanding, mis. main atau origin/main")
    _folder(p)
    p.set_defaults(jalankan=_perubahan)

    p = sub.add_parser("halaman", add_help=False,
                       help="menulis semua halaman dan unduhan yang dibuat dari data ke sebuah folder, tanpa MkDocs",
                       description="Menulis setiap halaman yang dibuat dari data (Markdown dengan blok HTML-nya) dan "
                                   "setiap berkas unduhan ke folder <tujuan>, tanpa MkDocs.")
    _bantuan(p)
    p.add_argument_group("tujuan").add_argument("tujuan", type=Path, help="folder tujuan (dibuat bila belum ada)")
    _folder(p)
    p.set_defaults(jalankan=_halaman)
    p = sub.add_parser("impor", add_help=False, help="mengimpor Keputusan dari dokumennya (DOCX, PDF, teks)",
                       description="Membaca Lampiran Keputusan IKI dari berkas .docx, .pdf (dengan lapisan teks) "
                                   "atau .txt, lalu menulis data/<id>/keputusan.yml, satu berkas "
                                   "jabatan/<id>/<nama-berkas>.md per formulir, dan laporan LAPORAN-IMPOR-<id>.md. "
                                   "Hanya berkas baru yang ditulis; berkas yang sudah ada tidak pernah ditimpa.")
    _bantuan(p)
    g = p.add_argument_group("isian")
    g.add_argument("berkas", type=Path, help="dokumen Keputusan: .docx, .pdf atau .txt")
    g.add_argument("--ke", type=Path, metavar="FOLDER", help="folder tujuan (bawaan: repositori di folder saat ini)")
    g.add_argument("--id", dest="id_keputusan", metavar="ID",
                   help="id keputusan, nama folder di data/ dan jabatan/, mis. diskoperindag-2023 "
                        "(bawaan: dibentuk dari nama berkas)")
    p.set_defaults(jalankan=_impor)
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
    jalankan: Callable[[argparse.Namespace], int] = argumen.jalankan
    if argumen.perintah == "impor":
        if argumen.ke is None:
            argumen.ke = Path(".")
            if not any((argumen.ke / sub).is_dir() for sub in (FOLDER_DATA, FOLDER_JABATAN)):
                pengurai.error("folder saat ini tidak berisi folder data/ maupun jabatan/; jalankan perintah ini "
                               "dari folder repositori, atau pilih folder tujuan dengan --ke")
        elif argumen.ke.exists() and not argumen.ke.is_dir():
            pengurai.error(f"'{argumen.ke}' bukan folder")
        return jalankan(argumen)
    if not argumen.folder.is_dir():
        pengurai.error(f"folder '{argumen.folder}' tidak ada")
    if not any((argumen.folder / sub).is_dir() for sub in (FOLDER_DATA, FOLDER_JABATAN)):
        pengurai.error(f"folder '{argumen.folder}' tidak berisi folder data/ maupun jabatan/; "
                       "jalankan perintah ini dari folder repositori")
    return jalankan(argumen)


def _periksa(argumen: argparse.Namespace) -> int:
    arsip, masalah = periksa_arsip(argumen.folder)
    # The build reads the site's own data files too: they are checked like the decrees'.
    masalah += periksa_data_situs(argumen.folder)[1]
    tulis = _anotasi_github if os.environ.get("GITHUB_ACTIONS") == "true" else str
    for m in urutkan(masalah):
        print(tulis(m))
    if masalah:
        print(f"Ditemukan {len(masalah)} masalah pada {len({m.berkas for m in masalah})} berkas. "
              "Perbaiki semuanya, lalu periksa lagi; penjelasan setiap pesan ada di CONTRIBUTING.md.")
        return ADA_MASALAH
    assert arsip is not None
    jabatan = sum(len(k.jabatan) for k in arsip)
    baris = sum(k.jumlah_baris_iki for k in arsip)
    print(f"Tidak ada masalah: {len(arsip.keputusan)} Keputusan, {jabatan} jabatan, {baris} baris IKI diperiksa.")
    return OK


def _keputusan_baru(argumen: argparse.Namespace) -> int:
    try:
        sumber, baru = keputusan_baru.buat(argumen.folder, argumen.tahun, argumen.dari, argumen.id)
    except DataTidakValid as galat:
        print(f"Keputusan baru tidak dibuat: data yang ada bermasalah.\n{galat}\n"
              "Perbaiki dulu (python -m iki periksa).", file=sys.stderr)
        return ADA_MASALAH
    except keputusan_baru.KeputusanBaruTidakValid as galat:
        print(f"Keputusan baru tidak dibuat: {galat}", file=sys.stderr)
        return SALAH_PAKAI
    print(f"Rancangan Keputusan {argumen.tahun} dibuat: {FOLDER_DATA}/{baru}/ dan {FOLDER_JABATAN}/{baru}/ "
          f"(salinan {sumber.id}).\n"
          "Langkah berikutnya:\n"
          f"  1. Ubah target, tugas dan jabatan di {FOLDER_JABATAN}/{baru}/ sesuai Keputusan baru.\n"
          f"  2. Periksa judul di {FOLDER_DATA}/{baru}/keputusan.yml; setelah ditandatangani isi nomor dan "
          "tanggal, lalu hapus 'rancangan: true'.\n"
          "  3. Catatan editor disalin dari Keputusan lama: hapus yang tidak berlaku untuk naskah baru.\n"
          "  4. Jalankan: python -m iki periksa")
    return OK


def _perubahan(argumen: argparse.Namespace) -> int:
    try:
        print(ringkasan_perubahan.ringkasan(argumen.folder, argumen.revisi), end="")
    except ringkasan_perubahan.RevisiTidakTerbaca as galat:
        print(f"Ringkasan tidak dibuat: {galat}", file=sys.stderr)
        return SALAH_PAKAI
    return OK


def _halaman(argumen: argparse.Namespace) -> int:
    from .ekspor import EKSPOR
    from .halaman import Situs, tulis_situs
    from .pemuat_arsip import muat_arsip
    from .riwayat import Riwayat

    try:
        arsip = muat_arsip(argumen.folder)
    except DataTidakValid as galat:
        print(galat, file=sys.stderr)
        return ADA_MASALAH
    jumlah = tulis_situs(Situs(arsip, argumen.folder / "docs", Riwayat(None, None), EKSPOR), argumen.tujuan)
    print(f"{jumlah} berkas ditulis ke {argumen.tujuan}.")
    return OK


def _anotasi_github(m: Masalah) -> str:
    """A problem as a GitHub Actions annotation, shown on the file's line in the pull request."""
    def nilai(teks: str) -> str:
        return teks.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    letak = f"file={nilai(m.berkas).replace(':', '%3A').replace(',', '%2C')}"
    if m.baris is not None:
        letak += f",line={m.baris}"
    return f"::error {letak},title=Pemeriksaan data IKI::{nilai(str(m))}"


def pilih_keputusan(folder: Path, id: str | None) -> str:
    """The decree a command works on: the one named, or the only one there is."""
    ada = daftar_keputusan(folder, [])
    if id is not None and id not in ada:
        raise ValueError(f"Keputusan '{id}' tidak ada di {FOLDER_DATA}/. Yang ada: {', '.join(ada) or 'tidak ada'}.")
    if id is None and len(ada) != 1:
        raise ValueError("Sebutkan Keputusannya dengan --keputusan <id>; yang ada: "
                         f"{', '.join(ada) or 'tidak ada'}.")
    return id or ada[0]


def _jabatan_baru(argumen: argparse.Namespace) -> int:
    try:
        letak = LetakData.untuk(argumen.folder, pilih_keputusan(argumen.folder, argumen.keputusan))
    except ValueError as galat:
        print(f"Berkas tidak dibuat: {galat}", file=sys.stderr)
        return SALAH_PAKAI
    try:
        path = jabatan_baru.buat(letak, argumen.nama, argumen.unit, argumen.atasan, argumen.jenis, argumen.eselon,
                                 argumen.slug)
    except jabatan_baru.IsianTidakValid as galat:
        print(f"Berkas tidak dibuat: {galat}", file=sys.stderr)
        return SALAH_PAKAI
    print(f"Berkas {letak.relatif(path)} dibuat. Ganti setiap isian \"ISI ...\" dengan teks Keputusan, "
          "lalu jalankan: python -m iki periksa")
    return OK


def _impor(argumen: argparse.Namespace) -> int:
    try:
        hasil = impor(argumen.berkas, argumen.ke, argumen.id_keputusan)
    except DokumenTidakValid as galat:
        print(f"{argumen.berkas}: tidak diimpor. {galat}", file=sys.stderr)
        return ADA_MASALAH
    print(f"{argumen.berkas}: {hasil.jumlah_jabatan} jabatan diimpor ke {argumen.ke}; {len(hasil.berkas)} berkas "
          f"ditulis. Baca laporannya ({hasil.jumlah_temuan} temuan): {argumen.ke / hasil.laporan}")
    return OK
