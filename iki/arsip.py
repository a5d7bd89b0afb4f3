"""The archive: every decree the site holds and how they follow one another.

Decrees of one perangkat daerah (`kode_instansi`) form a line in time. A decree names the one
it amends (`mengubah`) or replaces (`mengganti`); one that names neither follows the previous
decree of its instansi in time (tahun, then tanggal). The newest decree of an instansi that no
other decree follows is the one in force (`berlaku`). Drafts (`rancangan`) are never in force.

Jabatan are matched across two successive decrees by file name, or by the `pendahulu` a jabatan
of the newer decree declares (a renamed or merged jabatan).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from .model import Jabatan, Keputusan

Hubungan = Literal["mengubah", "mengganti", "berikutnya"]
"""How a decree follows its predecessor: it amends it, replaces it, or is the instansi's next decree."""


@dataclass(frozen=True)
class Arsip:
    """Every decree, by instansi and in time. The loader has checked every link between them."""

    keputusan: tuple[Keputusan, ...]
    _cache: dict[tuple[str, str], dict[str, Jabatan]] = field(default_factory=dict, compare=False, repr=False)

    @staticmethod
    def urutan(k: Keputusan) -> tuple:
        return (k.identitas.tahun, k.identitas.tanggal or datetime.date.max, k.id)

    @cached_property
    def per_instansi(self) -> dict[str, list[Keputusan]]:
        """Decrees grouped by instansi (in the order the instansi first appears by name), oldest first."""
        kelompok: dict[str, list[Keputusan]] = {}
        for k in sorted(self.keputusan, key=lambda k: (k.identitas.instansi, self.urutan(k))):
            kelompok.setdefault(k.identitas.kode_instansi, []).append(k)
        return kelompok

    @cached_property
    def _per_id(self) -> dict[str, Keputusan]:
        return {k.id: k for k in self.keputusan}

    def cari(self, id: str) -> Keputusan:
        return self._per_id[id]

    @cached_property
    def _pendahulu(self) -> dict[str, tuple[Keputusan, Hubungan]]:
        hasil: dict[str, tuple[Keputusan, Hubungan]] = {}
        for daftar in self.per_instansi.values():
            sebelumnya: Keputusan | None = None
            for k in daftar:
                if k.identitas.mengubah:
                    hasil[k.id] = (self._per_id[k.identitas.mengubah], "mengubah")
                elif k.identitas.mengganti:
                    hasil[k.id] = (self._per_id[k.identitas.mengganti], "mengganti")
                elif sebelumnya is not None:
                    hasil[k.id] = (sebelumnya, "berikutnya")
                if not k.identitas.rancangan:
                    sebelumnya = k
        return hasil

    @cached_property
    def _penerus(self) -> dict[str, tuple[Keputusan, Hubungan]]:
        hasil: dict[str, tuple[Keputusan, Hubungan]] = {}
        for k in sorted(self.keputusan, key=self.urutan):
            if k.identitas.rancangan or k.id not in self._pendahulu:
                continue
            lama, hubungan = self._pendahulu[k.id]
            # An explicit link wins over "the next one in time".
            if lama.id not in hasil or hasil[lama.id][1] == "berikutnya":
                hasil[lama.id] = (k, hubungan)
        return hasil

    def pendahulu(self, k: Keputusan) -> tuple[Keputusan, Hubungan] | None:
        """The decree this one is compared with, and how it follows it."""
        return self._pendahulu.get(k.id)

    def penerus(self, k: Keputusan) -> tuple[Keputusan, Hubungan] | None:
        """The decree that amends, replaces or follows this one (drafts never do)."""
        return self._penerus.get(k.id)

    def berlaku(self, k: Keputusan) -> bool:
        return not k.identitas.rancangan and k.id not in self._penerus

    def jabatan_lama(self, k: Keputusan, j: Jabatan) -> list[Jabatan]:
        """The jabatan of the predecessor decree that this jabatan continues (none when it is new)."""
        sebelum = self.pendahulu(k)
        if sebelum is None:
            return []
        lama = sebelum[0]
        slugs = j.pendahulu or [j.slug]
        return [x for s in slugs if (x := lama.cari_jabatan_opsional(s)) is not None]

    def jabatan_baru(self, k: Keputusan, j: Jabatan) -> Jabatan | None:
        """The jabatan of the successor decree that continues this one, if any."""
        berikut = self.penerus(k)
        if berikut is None:
            return None
        baru = berikut[0]
        return self._penerus_jabatan(baru).get(j.slug)

    def _penerus_jabatan(self, baru: Keputusan) -> dict[str, Jabatan]:
        kunci = ("penerus", baru.id)
        if kunci not in self._cache:
            peta: dict[str, Jabatan] = {}
            for j in baru.jabatan:
                for s in j.pendahulu or [j.slug]:
                    peta.setdefault(s, j)
            self._cache[kunci] = peta
        return self._cache[kunci]

    def __iter__(self) -> Iterator[Keputusan]:
        return iter(self.keputusan)
