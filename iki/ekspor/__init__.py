"""Open-data downloads of one decree, built from the model alone (no MkDocs): CSV, JSON with
its JSON Schema, XLSX, and the Lampiran's IKI forms as PDF.

EKSPOR is the one list of a decree's downloads, PERUBAHAN the list of the downloads of its
comparison with its predecessor: the site writes them into the decree's `unduh/`, the "Unduh data"
page and the jabatan pages list them, and `python -m iki.ekspor` writes them to a folder. File
names start with the decree's `nama_unduhan` (`iki-2022.csv`), so the same code serves every decree.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..model import Keputusan
from ..perbandingan import PerbandinganKeputusan
from . import perubahan
from .dokumen_json import ke_json, ke_skema_json
from .lampiran_pdf import berkas_font, ke_pdf, masukan_pdf
from .tabel_csv import ke_csv
from .tabel_xlsx import ke_xlsx
from .tembolok import Tembolok

log = logging.getLogger("mkdocs.plugins.iki")


def _seluruh_keputusan(keputusan: Keputusan) -> bytes:
    return keputusan.model_dump_json().encode("utf-8")


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
    # Everything `buat` reads from the decree (the cache key; see tembolok): by default all of it.
    masukan: Callable[[Keputusan], bytes] = _seluruh_keputusan
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
                    "memeriksa berkas itu secara otomatis.", ke_skema_json,
                    masukan=lambda keputusan: b"")  # the model's schema: no data in it
XLSX = Ekspor(".xlsx", "XLSX", "Lembar kerja (Excel, LibreOffice): lembar \"Semua IKI\" dan satu lembar untuk "
              "setiap unit kerja, dengan kolom yang sama dengan berkas CSV.", ke_xlsx)
PDF = Ekspor("-lampiran.pdf", "PDF", "Formulir Indikator Kinerja Individu setiap jabatan sebagaimana dimuat "
             "Lampiran Keputusan, satu jabatan per halaman, siap cetak (A4).", ke_pdf, masukan_pdf)

EKSPOR: tuple[Ekspor, ...] = (CSV, JSON, SKEMA_JSON, XLSX, PDF)


# Beside the downloads: their SHA-256 in the format of `sha256sum`, so `sha256sum -c SHA256SUMS` checks a copy.
SHA256SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Unduhan:
    """One download; without content while it is built in the background (`mkdocs serve`)."""

    ekspor: Ekspor | EksporPerubahan
    nama: str
    isi: bytes | None

    @property
    def sha256(self) -> str | None:
        return None if self.isi is None else hashlib.sha256(self.isi).hexdigest()


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



# The cache folder (see tembolok), in the project folder; ignored by git, safe to delete.
FOLDER_TEMBOLOK = ".tembolok"


def buat_unduhan(keputusan: Keputusan, daftar: Sequence[Ekspor] = EKSPOR, tembolok: Path | None = None,
                 latar: Path | None = None) -> list[Unduhan]:
    """Build the downloads; with a cache folder, take each one from it when its inputs are unchanged.

    With `latar` (the served site's download folder, under `mkdocs serve`), a download that is not
    in the cache is not waited for: its Unduhan has no content yet (the "Unduh data" page says it is
    being made), and a background thread builds it into the cache, then writes it and the complete
    SHA256SUMS into `latar`. The edited page is served meanwhile (Typst releases the GIL)."""
    if tembolok is None:
        return [Unduhan(e, e.nama_berkas(keputusan), e.buat(keputusan)) for e in daftar]
    t = Tembolok(tembolok, berkas_font())
    masukan: dict[Callable, bytes] = {}  # the decree's JSON is the input of three exports: made once
    hasil, tunda = [], []
    for e in daftar:
        if e.masukan not in masukan:
            masukan[e.masukan] = e.masukan(keputusan)
        nama = e.nama_berkas(keputusan)
        if latar is not None and t.baca(nama, masukan[e.masukan]) is None:
            hasil.append(Unduhan(e, nama, None))
            tunda.append(e)
        else:
            hasil.append(Unduhan(e, nama, t.ambil(nama, masukan[e.masukan], lambda e=e: e.buat(keputusan))))
    if tunda:
        threading.Thread(target=_selesaikan, args=(t, keputusan, hasil, latar, masukan), daemon=True).start()
    return hasil


def _selesaikan(t: Tembolok, keputusan: Keputusan, hasil: list[Unduhan], folder: Path,
                masukan: dict[Callable, bytes]) -> None:
    """Build what buat_unduhan left without content, then write it and SHA256SUMS into `folder`."""
    try:
        lengkap = [u if u.isi is not None else
                   Unduhan(u.ekspor, u.nama, t.ambil(u.nama, masukan[u.ekspor.masukan], lambda e=u.ekspor: e.buat(keputusan)))
                   for u in hasil]
        folder.mkdir(parents=True, exist_ok=True)
        for nama, isi in berkas_unduh(lengkap):
            if nama == SHA256SUMS or any(u.nama == nama and u.isi is None for u in hasil):
                (folder / nama).write_bytes(isi)
    except Exception as galat:  # a background thread: say it, the next rebuild tries again
        log.error("PDF Lampiran gagal dibuat: %s", galat)


def berkas_unduh(unduhan: Sequence[Unduhan]) -> list[tuple[str, bytes]]:
    """Every file of the download folder, by name: the downloads and SHA256SUMS (those with content)."""
    ada = [u for u in unduhan if u.isi is not None]
    sha256sums = "".join(f"{u.sha256}  {u.nama}\n" for u in ada).encode("ascii")
    return [*((u.nama, u.isi) for u in ada), (SHA256SUMS, sha256sums)]


def tulis(keputusan: Keputusan, folder: Path, daftar: Sequence[Ekspor] = EKSPOR) -> list[Path]:
    """Write the downloads and SHA256SUMS into a folder; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for nama, isi in berkas_unduh(buat_unduhan(keputusan, daftar)):
        (path := folder / nama).write_bytes(isi)
        hasil.append(path)
    return hasil
