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


def id_iki(posisi: int, slug: str | None = None) -> str:
    """HTML id of a row of an IKI table: 'iki-3' on its jabatan's own page; 'iki-<slug>-3' where the
    table is shown on another page (which may show several)."""
    return f"iki-{posisi}" if slug is None else f"iki-{slug}-{posisi}"


@dataclass(frozen=True)
class SelIKI:
    """A row of the IKI table as drawn: NO and SASARAN cells merged over
    consecutive rows that share them, as the decree prints them."""

    posisi: int
    baris: BarisIKI
    rentang: int  # rows the NO/SASARAN cells span; 0 where covered by the row above
    slug: str | None = None  # the jabatan's, where the table is drawn on another page than its own

    @property
    def id_html(self) -> str:
        return id_iki(self.posisi, self.slug)


def sel_iki(iki: list[BarisIKI], slug: str | None = None) -> list[SelIKI]:
    """The rows of an IKI table as drawn; `slug` where it is drawn on another page than its jabatan's."""
    sel: list[SelIKI] = []
    i = 0
    while i < len(iki):
        j = i + 1
        while j < len(iki) and (iki[j].nomor, iki[j].sasaran) == (iki[i].nomor, iki[i].sasaran):
            j += 1
        sel += [SelIKI(k + 1, iki[k], (j - i) if k == i else 0, slug) for k in range(i, j)]
        i = j
    return sel
