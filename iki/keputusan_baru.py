"""The yearly routine: start next year's decree as a copy of the one in force.

`python -m iki keputusan-baru --tahun 2023` copies `data/<id>/` and `jabatan/<id>/` of the decree
in force into a new decree folder, file by file and unchanged, except its identity
(`keputusan.yml`): the new year, no number or date yet, `rancangan: true` (a draft: checked, not
published), `mengganti: <id>` (so the site compares the two), and none of the old decree's
permanent addresses. Editors then change targets and duties, and fill in the number and date
once the decree is signed.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from .loader import FOLDER_DATA, FOLDER_JABATAN, PESAN_SLUG, SLUG
from .model import Keputusan
from .pemuat_arsip import muat_arsip

# Identity fields that belong to one decree only: dropped from the copy.
_KOLOM_LAMA = ("nomor", "tanggal", "alamat", "nama_unduhan", "mengubah", "mengganti", "rancangan")


class KeputusanBaruTidakValid(ValueError):
    """The new decree cannot be made as asked; the message says why and what to do."""


def pilih_sumber(root: Path, dari: str | None) -> Keputusan:
    """The decree to copy: the one named, or the one in force when there is one instansi."""
    arsip = muat_arsip(root)
    if dari is not None:
        try:
            return arsip.cari(dari)
        except KeyError:
            raise KeputusanBaruTidakValid(
                f"Keputusan '{dari}' tidak ada. Yang ada: {', '.join(k.id for k in arsip)}.") from None
    berlaku = [k for k in arsip if arsip.berlaku(k)]
    if len(berlaku) != 1:
        raise KeputusanBaruTidakValid(
            "Ada beberapa Keputusan yang berlaku (" + ", ".join(k.id for k in berlaku) + "); pilih yang "
            "disalin dengan --dari <id>.")
    return berlaku[0]


def id_baru(sumber: Keputusan, tahun: int) -> str:
    """'diskoperindag-2022' -> 'diskoperindag-2023'; otherwise '<kode_instansi>-<tahun>'."""
    lama = str(sumber.identitas.tahun)
    if sumber.id.endswith(f"-{lama}"):
        return f"{sumber.id.removesuffix(lama)}{tahun}"
    return f"{sumber.identitas.kode_instansi}-{tahun}"


def buat(root: Path, tahun: int, dari: str | None = None, id: str | None = None) -> tuple[Keputusan, str]:
    """Copy the source decree into a new draft decree; return the source and the new id."""
    sumber = pilih_sumber(root, dari)
    if tahun < sumber.identitas.tahun:
        raise KeputusanBaruTidakValid(f"Tahun {tahun} lebih awal dari tahun Keputusan yang disalin "
                                      f"({sumber.identitas.tahun}).")
    baru = id or id_baru(sumber, tahun)
    if not SLUG.match(baru):
        raise KeputusanBaruTidakValid(f"Id '{baru}' {PESAN_SLUG}.")
    tujuan_data, tujuan_jabatan = root / FOLDER_DATA / baru, root / FOLDER_JABATAN / baru
    for folder in (tujuan_data, tujuan_jabatan):
        if folder.exists():
            raise KeputusanBaruTidakValid(f"Folder {folder.relative_to(root).as_posix()} sudah ada. Pilih id lain "
                                          "dengan --id, atau hapus folder itu bila salah buat.")
    shutil.copytree(root / FOLDER_DATA / sumber.id, tujuan_data)
    shutil.copytree(root / FOLDER_JABATAN / sumber.id, tujuan_jabatan)
    identitas = tujuan_data / "keputusan.yml"
    identitas.write_text(_identitas_baru(identitas.read_text(encoding="utf-8-sig"), sumber, baru, tahun),
                         encoding="utf-8")
    return sumber, baru


def _identitas_baru(teks: str, sumber: Keputusan, baru: str, tahun: int) -> str:
    """The source's keputusan.yml for the new decree: line edits, so that its comments stay."""
    baris = teks.splitlines()
    hasil: list[str] = []
    komentar: list[str] = []  # comments directly above a field go with it
    for b in baris:
        if b.startswith("#"):
            komentar.append(b.replace(sumber.id, baru))
            continue
        kunci = re.match(r"^([a-z_]+):", b)
        if kunci and kunci[1] in _KOLOM_LAMA:
            komentar = []
            continue
        if kunci and kunci[1] == "tahun":
            b = f"tahun: {tahun}"
        elif kunci and kunci[1] == "judul":
            b = b.replace(str(sumber.identitas.tahun), str(tahun))
        hasil += komentar + [b]
        komentar = []
    hasil += komentar + [
        f"# Dibuat dengan: python -m iki keputusan-baru --tahun {tahun} (salinan {sumber.id}).",
        "# Setelah Keputusan ditandatangani: isi nomor dan tanggal seperti tertulis, lalu hapus baris",
        "# 'rancangan: true'. Selama rancangan, Keputusan ini diperiksa tetapi tidak diterbitkan.",
        f"mengganti: {sumber.id}",
        "rancangan: true",
    ]
    return "\n".join(hasil) + "\n"
