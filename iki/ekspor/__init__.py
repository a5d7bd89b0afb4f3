"""Open-data downloads of one decree, built from the model alone (no MkDocs): CSV, JSON with
its JSON Schema, XLSX, the Lampiran's IKI forms as PDF, the IKI rows for e-Kinerja (one CSV with
every row, one CSV per jabatan, one workbook), the decree's Daftar Informasi Publik row, and two
descriptions of the downloads for machines: a Frictionless Data Package and a DCAT catalogue.

EKSPOR is the one list of downloads: the MkDocs plugin writes it into `<site>/unduh/`, the
"Unduh data" page and the jabatan pages list it, and `python -m iki.ekspor` writes it to a folder.
File names carry the decree's year (`iki-<tahun>.csv`), so the same code serves every decree.
A description (`EksporUraian`) is built from the bytes of the downloads listed before it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from ..model import Jabatan, Keputusan
from .baris import KOLOM, Kolom
from .dip import KOLOM_DIP, ke_csv_dip
from .dokumen_json import ke_json, ke_skema_json
from .e_kinerja import KOLOM_E_KINERJA, ke_csv_e_kinerja, ke_csv_jabatan, ke_xlsx_e_kinerja
from .katalog import ke_katalog
from .lampiran_pdf import ke_pdf
from .paket_data import ke_paket_data
from .tabel_csv import ke_csv
from .tabel_xlsx import ke_xlsx

Kelompok = Literal["data", "e-kinerja", "uraian"]


@dataclass(frozen=True)
class Ekspor:
    """One file per decree, made from the model."""

    akhiran: str  # what follows "iki-<tahun>" in the file name
    format: str
    uraian: str  # shown to the public on the "Unduh data" page
    buat: Callable[[Keputusan], bytes]
    jenis_media: str  # IANA media type
    kelompok: Kelompok = "data"  # "data": offered on every jabatan page as the data of every jabatan
    kolom: tuple[Kolom, ...] = ()  # a table (CSV): its columns, described in datapackage.json
    kunci_utama: tuple[str, ...] = ()  # the columns that identify a row

    def nama_berkas(self, keputusan: Keputusan) -> str:
        return f"iki-{keputusan.identitas.tahun}{self.akhiran}"

    def hasilkan(self, keputusan: Keputusan, sebelumnya: Sequence[Unduhan]) -> list[Unduhan]:
        return [Unduhan(self, self.nama_berkas(keputusan), self.buat(keputusan))]


@dataclass(frozen=True)
class EksporJabatan(Ekspor):
    """One file per jabatan that has IKI rows, in the folder `iki-<tahun><akhiran>/`."""

    buat: Callable[[Keputusan, Jabatan], bytes]  # type: ignore[assignment]
    ekstensi: str = ".csv"

    def nama_berkas_jabatan(self, keputusan: Keputusan, slug: str) -> str:
        return f"{self.nama_berkas(keputusan)}/{slug}{self.ekstensi}"

    def hasilkan(self, keputusan: Keputusan, sebelumnya: Sequence[Unduhan]) -> list[Unduhan]:
        return [Unduhan(self, self.nama_berkas_jabatan(keputusan, j.slug), self.buat(keputusan, j), j.slug)
                for j in keputusan.jabatan if j.iki]


@dataclass(frozen=True)
class EksporUraian(Ekspor):
    """A file describing the downloads built before it (their names, sizes and checksums)."""

    buat: Callable[[Keputusan, Sequence[Unduhan]], bytes]  # type: ignore[assignment]
    nama: str = ""  # a fixed file name (a harvester looks for it), instead of "iki-<tahun><akhiran>"
    kelompok: Kelompok = "uraian"

    def nama_berkas(self, keputusan: Keputusan) -> str:
        return self.nama or super().nama_berkas(keputusan)

    def hasilkan(self, keputusan: Keputusan, sebelumnya: Sequence[Unduhan]) -> list[Unduhan]:
        return [Unduhan(self, self.nama_berkas(keputusan), self.buat(keputusan, sebelumnya))]


@dataclass(frozen=True)
class Unduhan:
    """One built download."""

    ekspor: Ekspor
    nama: str  # path under unduh/
    isi: bytes
    jabatan: str | None = None  # the jabatan's slug, for a file of one jabatan

    @cached_property
    def sha256(self) -> str:
        """The checksum every description of the downloads states (hex)."""
        return hashlib.sha256(self.isi).hexdigest()


CSV_MEDIA = "text/csv"
JSON_MEDIA = "application/json"

CSV = Ekspor(".csv", "CSV", "Satu baris untuk setiap baris IKI seluruh jabatan, dengan jabatan, unit, atasan, "
             "dan target yang diurai menjadi angka dan satuan. Teks UTF-8, dipisah koma, baris pertama judul kolom.",
             ke_csv, CSV_MEDIA, kolom=KOLOM, kunci_utama=("slug_jabatan", "baris_ke"))
JSON = Ekspor(".json", "JSON", "Seluruh data terstruktur Keputusan: identitas Keputusan, unit kerja, dan setiap "
              "jabatan dengan tugas dan baris IKI-nya.", ke_json, JSON_MEDIA)
SKEMA_JSON = Ekspor(".schema.json", "JSON Schema", "Susunan berkas JSON di atas (JSON Schema 2020-12), untuk "
                    "memeriksa berkas itu secara otomatis.", ke_skema_json, JSON_MEDIA)
XLSX = Ekspor(".xlsx", "XLSX", "Lembar kerja (Excel, LibreOffice): lembar \"Semua IKI\" dan satu lembar untuk "
              "setiap unit kerja, dengan kolom yang sama dengan berkas CSV.", ke_xlsx,
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
PDF = Ekspor("-lampiran.pdf", "PDF", "Formulir Indikator Kinerja Individu setiap jabatan sebagaimana dimuat "
             "Lampiran Keputusan, satu jabatan per halaman, siap cetak (A4).", ke_pdf, "application/pdf")
E_KINERJA_CSV = Ekspor("-e-kinerja.csv", "CSV", "Baris IKI seluruh jabatan dalam susunan Rencana Hasil Kerja SKP "
                       "untuk e-Kinerja, satu baris per baris IKI (lihat penjelasan di bawah).", ke_csv_e_kinerja,
                       CSV_MEDIA, "e-kinerja", KOLOM_E_KINERJA, ("slug_jabatan", "baris_ke"))
E_KINERJA_XLSX = Ekspor("-e-kinerja.xlsx", "XLSX", "Lembar kerja untuk e-Kinerja: lembar \"Petunjuk\" dan satu "
                        "lembar untuk setiap jabatan yang memiliki tabel IKI, dengan kolom yang sama dengan berkas "
                        "CSV e-Kinerja.", ke_xlsx_e_kinerja, XLSX.jenis_media, "e-kinerja")
E_KINERJA_JABATAN = EksporJabatan("-e-kinerja", "CSV", "Satu berkas CSV e-Kinerja untuk setiap jabatan yang "
                                  "memiliki tabel IKI, dengan kolom yang sama; tautannya ada di halaman setiap "
                                  "jabatan.", ke_csv_jabatan, CSV_MEDIA, "e-kinerja",
                                  KOLOM_E_KINERJA, ("baris_ke",))
DIP = EksporUraian("-dip.csv", "CSV", "Baris Daftar Informasi Publik (DIP) untuk Keputusan ini, dengan kolom "
                   "yang dipakai daftar PPID.", ke_csv_dip, CSV_MEDIA, kolom=KOLOM_DIP,
                   kunci_utama=("nomor",))
PAKET_DATA = EksporUraian("", "JSON", "Frictionless Data Package: uraian setiap berkas CSV di atas untuk "
                          "program (jenis dan arti setiap kolom, kunci utama, ukuran dan sidik SHA-256).",
                          ke_paket_data, JSON_MEDIA, nama="datapackage.json")
KATALOG = EksporUraian("", "JSON-LD", "Katalog DCAT (gaya DCAT-AP) untuk portal data (CKAN dengan ckanext-dcat, "
                       "Satu Data Indonesia): dataset Keputusan ini dan setiap berkasnya, dengan ukuran dan sidik "
                       "SHA-256.", ke_katalog, "application/ld+json", nama="catalog.jsonld")

EKSPOR: tuple[Ekspor, ...] = (CSV, JSON, SKEMA_JSON, XLSX, PDF, E_KINERJA_CSV, E_KINERJA_XLSX, E_KINERJA_JABATAN,
                              DIP, PAKET_DATA, KATALOG)


@dataclass(frozen=True)
class DaftarUnduhan:
    """Every built download, in EKSPOR's order; and the two views the pages need, built once."""

    semua: tuple[Unduhan, ...]

    def __iter__(self) -> Iterator[Unduhan]:
        return iter(self.semua)

    @cached_property
    def berkas(self) -> list[Unduhan]:
        """The files of the whole decree (not those of one jabatan)."""
        return [u for u in self.semua if u.jabatan is None]

    @cached_property
    def per_jabatan(self) -> dict[str, list[Unduhan]]:
        hasil: dict[str, list[Unduhan]] = {}
        for u in self.semua:
            if u.jabatan is not None:
                hasil.setdefault(u.jabatan, []).append(u)
        return hasil

    def kelompok(self, kelompok: Kelompok) -> list[Unduhan]:
        return [u for u in self.berkas if u.ekspor.kelompok == kelompok]


def buat_unduhan(keputusan: Keputusan, daftar: Sequence[Ekspor] = EKSPOR) -> DaftarUnduhan:
    hasil: list[Unduhan] = []
    for e in daftar:
        hasil += e.hasilkan(keputusan, tuple(hasil))
    return DaftarUnduhan(tuple(hasil))


def tulis(keputusan: Keputusan, folder: Path, daftar: Sequence[Ekspor] = EKSPOR) -> list[Path]:
    """Write the downloads into a folder; return their paths."""
    hasil = []
    for u in buat_unduhan(keputusan, daftar):
        (path := folder / u.nama).parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(u.isi)
        hasil.append(path)
    return hasil
