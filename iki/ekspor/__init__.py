"""Open-data downloads of one decree, built from the model alone (no MkDocs): CSV, JSON with
its JSON Schema, XLSX, and the Lampiran's IKI forms as PDF.

EKSPOR is the one list of downloads: the MkDocs plugin writes it into `<site>/unduh/`, the
"Unduh data" page and the jabatan pages list it, and `python -m iki.ekspor` writes it to a folder.
File names carry the decree's year (`iki-<tahun>.csv`), so the same code serves every decree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..model import Keputusan
from .dokumen_json import ke_json, ke_skema_json
from .lampiran_pdf import ke_pdf
from .tabel_csv import ke_csv
from .tabel_xlsx import ke_xlsx


@dataclass(frozen=True)
class Ekspor:
    akhiran: str  # what follows "iki-<tahun>" in the file name
    format: str
    uraian: str  # shown to the public on the "Unduh data" page
    buat: Callable[[Keputusan], bytes]

    def nama_berkas(self, keputusan: Keputusan) -> str:
        return f"iki-{keputusan.identitas.tahun}{self.akhiran}"


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

    ekspor: Ekspor
    nama: str
    isi: bytes


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
