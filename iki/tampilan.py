"""How the decree's values are shown to people, the same on the site (iki.render) and in the
downloads (iki.ekspor): dates written in Indonesian, and the IKI table's NO and SASARAN cells
merged over the rows that share them, as the decree prints them.

A neutral module below both: it reads the model only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .model import BarisIKI

NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
              "Agustus", "September", "Oktober", "November", "Desember")


def tanggal_indonesia(tanggal: datetime.date | None) -> str:
    """7 Januari 2022; a draft's missing date is said so."""
    if tanggal is None:
        return "(belum ditetapkan)"
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


@dataclass(frozen=True)
class SelIKI:
    """A row of the IKI table as drawn: NO and SASARAN cells merged over
    consecutive rows that share them, as the decree prints them."""

    posisi: int
    baris: BarisIKI
    rentang: int  # rows the NO/SASARAN cells span; 0 where covered by the row above


def sel_iki(iki: list[BarisIKI]) -> list[SelIKI]:
    sel: list[SelIKI] = []
    i = 0
    while i < len(iki):
        j = i + 1
        while j < len(iki) and (iki[j].nomor, iki[j].sasaran) == (iki[i].nomor, iki[i].sasaran):
            j += 1
        sel += [SelIKI(k + 1, iki[k], (j - i) if k == i else 0) for k in range(i, j)]
        i = j
    return sel
