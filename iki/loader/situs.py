"""The data files of the whole site, outside any decree's folders: `data/singkatan.yml` (abbreviations)
and `data/akar.yml` (the reviewed root words), both read by the search. Read, validated and reported
like every other data file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..masalah import Masalah, tanpa_masalah
from ..model import AturanAkar, Singkatan
from .bacaan import FOLDER_DATA, FOLDER_JABATAN, Bacaan, LetakData


@dataclass(frozen=True)
class DataSitus:
    """The abbreviations (`data/singkatan.yml`) and the reviewed root words (`data/akar.yml`), validated."""

    singkatan: list[Singkatan]
    aturan_akar: list[AturanAkar]


def periksa_data_situs(root: Path) -> tuple[DataSitus | None, list[Masalah]]:
    """Check the site's own data files; return them (when there is no problem) and the problems."""
    bacaan = Bacaan(LetakData(root, FOLDER_DATA, FOLDER_JABATAN))
    singkatan = bacaan.daftar_yaml("singkatan.yml", Singkatan)
    aturan_akar = bacaan.daftar_yaml("akar.yml", AturanAkar)
    if bacaan.masalah or singkatan is None or aturan_akar is None:
        return None, bacaan.masalah
    return DataSitus(singkatan, aturan_akar), []


def muat_data_situs(root: Path) -> DataSitus:
    """Load the site's own data files; raise DataTidakValid with every problem."""
    return tanpa_masalah(periksa_data_situs(root))
