"""Problems found in the data, told to an editor in Bahasa Indonesia."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True, order=True)
class Masalah:
    """One problem: where it is, what is wrong, what to do."""

    berkas: str
    baris: int | None
    kolom: str | None
    pesan: str
    saran: str

    def __str__(self) -> str:
        letak = self.berkas if self.baris is None else f"{self.berkas}:{self.baris}"
        kolom = f" [kolom {self.kolom}]" if self.kolom else ""
        return f"{letak}{kolom}: {self.pesan} {self.saran}"


class DataTidakValid(Exception):
    """Raised by the loader when any file has a problem; carries all of them."""

    def __init__(self, masalah: list[Masalah]):
        self.masalah = urutkan(masalah)
        super().__init__(laporan(self.masalah))


def tanpa_masalah(hasil: tuple[T | None, list[Masalah]]) -> T:
    """What a check (model, problems) found, when it found no problem; else DataTidakValid with every problem."""
    model, masalah = hasil
    if masalah or model is None:
        raise DataTidakValid(masalah)
    return model


def urutkan(masalah: list[Masalah]) -> list[Masalah]:
    """By file, then line: the order an editor fixes them in."""
    return sorted(masalah, key=lambda m: (m.berkas, m.baris or 0, m.kolom or "", m.pesan))


def laporan(masalah: list[Masalah]) -> str:
    """The report printed by the checker and by a failing build."""
    jumlah = len(masalah)
    baris = [f"Ditemukan {jumlah} masalah pada data IKI:"]
    baris += [f"  - {m}" for m in masalah]
    return "\n".join(baris)
