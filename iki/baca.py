"""Safe reading of the data files a pull request supplies: the one place that opens them.

Anyone can open a pull request and CI runs the checker and the build on it, so a data file is
treated as hostile until read:

- its path must resolve inside the repository, and it must be a regular file: symlinks, devices,
  FIFOs, sockets and folders named like data files are refused from their metadata, never opened;
- its size and line lengths are limited, and a NUL byte, an invisible control character or invalid
  UTF-8 is refused with its line;
- a UTF-8 BOM and CRLF (or CR) line endings are removed, so such a file reads exactly like the
  clean one;
- its YAML is checked event by event before anything is composed or constructed: anchors, aliases
  and explicit tags (none of which the data format uses) and deep nesting are refused, so a
  "billion laughs" document is never expanded and a deeply nested one never reaches a recursive
  composer.

Every refusal is a `Ditolak` carrying the line (when there is one) and an Indonesian message and
advice; the loader turns it into a `Masalah` naming the file.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

# Far above any real file (the largest jabatan file is under 10 KB, the longest line under
# 1,000 characters, the deepest nesting 5 levels), far below what could hurt a CI runner.
BATAS_UKURAN = 1024 * 1024  # bytes
BATAS_BARIS = 10_000  # characters in one line
BATAS_KEDALAMAN = 16  # nested lists / "kolom: nilai" groups

# libyaml where available: it parses without recursion, and fast.
PENGURAI_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Invisible control characters no text of the decree holds, which YAML, XML (the XLSX export) and
# HTML refuse or read as line breaks: C0 but tab and line ends, DEL, C1, the Unicode line and
# paragraph separators, and the non-characters U+FFFE/U+FFFF. NUL has its own message.
_KENDALI = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")

_SARAN_BERKAS_BIASA = ("Berkas data harus berupa berkas teks biasa di dalam repositori; "
                       "ganti dengan berkas yang sebenarnya, atau hapus.")


@dataclass(frozen=True)
class Ditolak(Exception):
    """A file (or a line of it) refused before its content is used."""

    baris: int | None
    pesan: str
    saran: str


def periksa_letak(root: Path, path: Path) -> None:
    """Refuse a path outside the repository or anything but a regular file of acceptable size,
    from its metadata only."""
    try:
        status = path.lstat()
        _periksa_jenis(status)
        dalam = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop on older Pythons
        raise Ditolak(None, "Berkas tidak dapat dibuka.", _SARAN_BERKAS_BIASA) from None
    if not dalam:
        raise Ditolak(None, "Berkas ini berada di luar repositori (lewat folder yang berupa tautan simbolik); "
                            "berkas itu tidak dibaca.", _SARAN_BERKAS_BIASA)


def _periksa_jenis(status: os.stat_result, ukuran: bool = True) -> None:
    if stat.S_ISLNK(status.st_mode):
        raise Ditolak(None, "Berkas ini adalah tautan simbolik (symlink); tautan tidak diikuti dan tidak dibaca.",
                      _SARAN_BERKAS_BIASA)
    if stat.S_ISDIR(status.st_mode):
        raise Ditolak(None, "Ini sebuah folder, padahal namanya nama berkas data; isinya tidak dibaca.",
                      "Pindahkan isi folder itu lalu hapus foldernya, atau ganti namanya.")
    if not stat.S_ISREG(status.st_mode):
        raise Ditolak(None, "Ini bukan berkas biasa (melainkan perangkat, FIFO atau soket); tidak dibaca.",
                      _SARAN_BERKAS_BIASA)
    if ukuran and status.st_size > BATAS_UKURAN:
        raise _terlalu_besar(status.st_size)


def _terlalu_besar(ukuran: int) -> Ditolak:
    return Ditolak(None, f"Berkas terlalu besar ({ukuran:,} bait; paling besar {BATAS_UKURAN:,} bait).".replace(",", "."),
                   "Berkas data IKI hanya beberapa KB; periksa apakah ini berkas yang benar.")


def isi_folder(root: Path, folder: Path) -> list[Path]:
    """The entries of a data folder, sorted; none when it does not exist. The folder itself must
    be a real folder inside the repository (its entries are checked when read)."""
    if not os.path.lexists(folder):
        return []
    try:
        dalam = folder.resolve().is_relative_to(root.resolve())
        status = folder.lstat()
    except (OSError, RuntimeError):
        raise Ditolak(None, "Folder tidak dapat dibuka.", "Periksa folder ini.") from None
    if not dalam or stat.S_ISLNK(status.st_mode):
        raise Ditolak(None, "Folder ini adalah tautan simbolik (symlink) atau menunjuk ke luar repositori; "
                            "isinya tidak dibaca.", "Ganti tautan itu dengan folder yang sebenarnya.")
    if not stat.S_ISDIR(status.st_mode):
        raise Ditolak(None, "Ini bukan folder.", "Ganti dengan folder berisi berkas data.")
    return sorted(folder.iterdir())


def periksa_pohon(root: Path, folder: Path) -> list[tuple[Path, Ditolak]]:
    """Every symlink or special file (FIFO, device, socket) under a folder the build reads whole
    (docs/, overrides/), and the folder itself when it is a symlink or outside the repository:
    MkDocs would follow or open them. Nothing is followed or opened here."""
    try:
        isi_folder(root, folder)
    except Ditolak as tolak:
        return [(folder, tolak)]
    ditolak = []
    for induk, folder_anak, berkas in os.walk(folder):  # symlinked folders are listed, not entered
        for nama in sorted(folder_anak + berkas):
            path = Path(induk) / nama
            status = path.lstat()
            if not stat.S_ISDIR(status.st_mode):
                try:
                    _periksa_jenis(status, ukuran=False)
                except Ditolak as tolak:
                    ditolak.append((path, tolak))
    return ditolak


def teks(root: Path, path: Path) -> str:
    """A data file's text, checked as described in the module docstring, with BOM removed and
    line endings as '\\n'."""
    periksa_letak(root, path)
    try:
        # O_NOFOLLOW and O_NONBLOCK: a file swapped for a symlink or a FIFO after the check above
        # is refused by the system, never followed nor waited on.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        raise Ditolak(None, "Berkas tidak dapat dibuka (mungkin tautan simbolik atau bukan berkas biasa).",
                      _SARAN_BERKAS_BIASA) from None
    with os.fdopen(fd, "rb") as berkas:
        _periksa_jenis(os.fstat(berkas.fileno()))
        data = berkas.read(BATAS_UKURAN + 1)
    if len(data) > BATAS_UKURAN:  # grew after the check
        raise _terlalu_besar(len(data))
    if (nul := data.find(b"\0")) >= 0:
        raise Ditolak(_baris_ke(data, nul), "Berkas memuat karakter NUL (bait nol), jadi bukan berkas teks.",
                      "Berkas ini mungkin berkas biner atau rusak; simpan ulang sebagai teks UTF-8 "
                      "dari penyunting teks.")
    try:
        hasil = data.decode("utf-8")
    except UnicodeDecodeError as galat:
        raise Ditolak(_baris_ke(data, galat.start),
                      "Berkas tidak tersimpan dengan pengodean UTF-8 (ada huruf yang tidak terbaca).",
                      "Simpan ulang berkas dengan pengodean UTF-8 (di Notepad: Simpan Sebagai → Pengodean: UTF-8).",
                      ) from None
    hasil = hasil.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if kendali := _KENDALI.search(hasil):
        raise Ditolak(hasil.count("\n", 0, kendali.start()) + 1,
                      f"Baris ini memuat karakter kendali yang tidak terlihat (U+{ord(kendali[0]):04X}).",
                      "Hapus karakter itu: ketik ulang bagian baris yang tersalin dari dokumen lain.")
    for nomor, baris in enumerate(hasil.split("\n"), start=1):
        if len(baris) > BATAS_BARIS:
            raise Ditolak(nomor, f"Baris ini terlalu panjang ({len(baris):,} karakter; paling panjang "
                                 f"{BATAS_BARIS:,}).".replace(",", "."),
                          "Periksa apakah ini berkas data yang benar; satu butir data tidak sepanjang ini.")
    return hasil


def _baris_ke(data: bytes, posisi: int) -> int:
    return data.count(b"\n", 0, posisi) + 1


def susun_yaml(akar: yaml.Node | None, baris_awal: int = 1) -> object:
    """The data of a composed (and checked) YAML document. A scalar YAML reads as a type it cannot
    build, e.g. the date 2022-02-30 or a bare '=', is refused with its line."""
    if akar is None:
        return None
    try:
        return yaml.SafeLoader("").construct_document(akar)
    except (yaml.YAMLError, ValueError, OverflowError):
        pass
    tumpukan = [akar]
    while tumpukan:  # the first scalar that cannot be built on its own
        simpul = tumpukan.pop()
        if isinstance(simpul, yaml.ScalarNode):
            try:
                yaml.SafeLoader("").construct_object(simpul)
            except (yaml.YAMLError, ValueError, OverflowError):
                raise Ditolak(simpul.start_mark.line + baris_awal, f"Nilai \"{simpul.value}\" tidak dapat dibaca sebagai "
                              "teks, angka atau tanggal.",
                              "Bila itu teks, beri tanda kutip pada seluruh nilainya; tanggal ditulis TTTT-BB-HH "
                              "dengan tanggal yang ada.") from None
        else:
            isi = simpul.value if isinstance(simpul, yaml.SequenceNode) else [n for p in simpul.value for n in p]
            tumpukan.extend(reversed(isi))
    raise Ditolak(akar.start_mark.line + baris_awal, "Isi YAML berkas ini tidak dapat dibaca.",
                  "Periksa tanda titik dua, tanda kutip dan jumlah spasi di awal baris.")


def periksa_yaml(teks: str, baris_awal: int = 1) -> None:
    """Walk a YAML text's parse events (nothing is composed or constructed); refuse anchors,
    aliases, explicit tags and nesting deeper than BATAS_KEDALAMAN. A syntax error is raised
    as PyYAML's own yaml.YAMLError, for the caller to explain."""
    kedalaman = 0
    for peristiwa in yaml.parse(teks, Loader=PENGURAI_YAML):
        baris = (peristiwa.start_mark.line if peristiwa.start_mark else 0) + baris_awal
        if isinstance(peristiwa, yaml.AliasEvent):
            raise Ditolak(baris, f"Nilai diawali tanda '*' (\"*{peristiwa.anchor}\"), yang dalam YAML berarti "
                                 "rujukan ke nilai lain (alias); format data ini tidak memakai rujukan.",
                          "Bila tanda '*' bagian dari teks, beri tanda kutip pada seluruh nilainya; "
                          "bila ini rujukan, tulis nilainya lengkap.")
        if (jangkar := getattr(peristiwa, "anchor", None)) is not None:
            raise Ditolak(baris, f"Nilai diawali tanda '&' (\"&{jangkar}\"), yang dalam YAML berarti "
                                 "jangkar (anchor) untuk dirujuk; format data ini tidak memakai jangkar.",
                          "Bila tanda '&' bagian dari teks, beri tanda kutip pada seluruh nilainya; "
                          "bila bukan, hapus jangkar itu.")
        if (tag := getattr(peristiwa, "tag", None)) is not None:
            raise Ditolak(baris, f"Nilai diawali tanda '!' (\"{tag}\"), yang dalam YAML berarti jenis "
                                 "nilai khusus (tag); format data ini tidak memakai tag.",
                          "Bila tanda '!' bagian dari teks, beri tanda kutip pada seluruh nilainya; "
                          "bila bukan, hapus tag itu.")
        if isinstance(peristiwa, yaml.CollectionStartEvent):
            kedalaman += 1
            if kedalaman > BATAS_KEDALAMAN:
                raise Ditolak(baris, f"Data bersarang terlalu dalam (lebih dari {BATAS_KEDALAMAN} tingkat "
                                     "daftar atau kumpulan kolom di dalam satu sama lain).",
                              "Periksa jumlah spasi di awal baris dan tanda kurung '[' atau '{'; "
                              "nilai yang diawali kurung harus diberi tanda kutip.")
        elif isinstance(peristiwa, yaml.CollectionEndEvent):
            kedalaman -= 1
