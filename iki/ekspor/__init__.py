"""Open-data downloads of one decree, built from the model alone (no MkDocs): CSV, JSON with
its JSON Schema, XLSX, and the Lampiran's IKI forms as PDF.

EKSPOR is the one list of a decree's downloads, PERUBAHAN the list of the downloads of its
comparison with its predecessor: the site writes them into the decree's `unduh/`, the "Unduh data"
page and the jabatan pages list them, and `python -m iki.ekspor` writes them to a folder. File
names start with the decree's `nama_unduhan` (`iki-2022.csv`), so the same code serves every decree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..model import Keputusan
from ..perbandingan import PerbandinganKeputusan
from . import perubahan
from .dokumen_json import ke_json, ke_skema_json
from .lampiran_pdf import ke_pdf
from .tabel_csv import ke_csv
from .tabel_xlsx import ke_xlsx


@dataclass(frozen=True)
class _Berkas:
    akhiran: str  # what follows the decree's `nama_unduhan` in the file name
    format: str
    uraian: str  # shown to the public on the "Unduh data" page

    def nama_berkas(self, keputusan: Keputusan) -> str:
        return f"{keputusan.nama_unduhan}{self.akhiran}"


@dataclass(frozen=True)
class Ekspor(_Berkas):
    """A download of the decree's own data."""

    buat: Callable[[Keputusan], bytes]
    perbandingan: ClassVar[bool] = False


@dataclass(frozen=True)
class EksporPerubahan(_Berkas):
    """A download of the comparison with the predecessor decree."""

    buat: Callable[[PerbandinganKeputusan], bytes]
    perbandingan: ClassVar[bool] = True


CSV = Ekspor(".csv", "CSV", "Satu baris untuk setiap baris IKI seluruh jabatan, dengan jabatan, unit, atasan, "
             "dan target yang diurai menjadi angka dan satuan. Teks UTF-8, dipisah koma, baris pertama judul kolom.",
             ke_csv)
JSON = Ekspor(".json", "JSON", "Seluruh data terstruktur Keputusan: identitas Keputusan, unit kerja, dan setiap "
              "jabatan dengan tugas dan baris IKI-nya.", ke_json)
SKEMA_JSON = Ekspor(".schema.json", "JSON Schema", "Susunan berkas JSON di atas (JSON Schema 2020-12), untuk "
                    "memeriksa berkas itu secara otomatis.", ke_skema_json)
XLSX = Ekspor(".xlsx", "XLSX", "Lembar kerja (Excel, LibreOffice): lembar \"Semua IKI\" dan satu lembar untuk "
              "setiap unit kerja, dengan kolom yang sama dengan berkas CSV.", ke_xlsx)
PDF = Ekspor("-lampiran.pdf", "PDF", "Formulir Indikator Kinerja Individu setiap jabatan sebagaimana dimuat "
             "Lampiran Keputusan, satu jabatan per halaman, siap cetak (A4).", ke_pdf)

EKSPOR: tuple[Ekspor, ...] = (CSV, JSON, SKEMA_JSON, XLSX, PDF)


@dataclass(frozen=True)
class Unduhan:
    """One built download."""

    ekspor: Ekspor | EksporPerubahan
    nama: str
    isi: bytes


PERUBAHAN: tuple[EksporPerubahan, ...] = (
    EksporPerubahan("-perubahan.csv", "CSV", "Perubahan dari Keputusan sebelumnya: satu baris untuk setiap jabatan, "
                    "baris IKI, tugas atau identitas yang ditambah, dihapus atau diubah.", perubahan.ke_csv),
    EksporPerubahan("-perubahan.json", "JSON", "Perubahan dari Keputusan sebelumnya, dengan jumlahnya, dalam satu "
                    "dokumen JSON.", perubahan.ke_json),
)


def unduhan_perbandingan(keputusan: Keputusan, p: PerbandinganKeputusan | None) -> list[Unduhan]:
    """The comparison downloads of a decree that has a predecessor."""
    if p is None:
        return []
    return [Unduhan(e, e.nama_berkas(keputusan), e.buat(p)) for e in PERUBAHAN]


def buat_unduhan(keputusan: Keputusan, daftar: Sequence[Ekspor] = EKSPOR) -> list[Unduhan]:
    return [Unduhan(e, e.nama_berkas(keputusan), e.buat(keputusan)) for e in daftar]


def tulis(keputusan: Keputusan, folder: Path, daftar: Sequence[Ekspor] = EKSPOR) -> list[Path]:
    """Write the downloads into a folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for u in buat_unduhan(keputusan, daftar):
        (path := folder / u.nama).write_bytes(u.isi)
        hasil.append(path)
    return hasil
