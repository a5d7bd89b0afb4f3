"""Open-data downloads of one decree, built from the model alone (no MkDocs): CSV, JSON with
its JSON Schema, XLSX, the Lampiran's IKI forms as PDF, the IKI rows for e-Kinerja (one CSV with
every row, one CSV per jabatan, one workbook), the comparison with the predecessor decree (CSV and
JSON), the decree's Daftar Informasi Publik row, and two descriptions of the downloads for machines:
a Frictionless Data Package and a DCAT catalogue.

EKSPOR is the one list of a decree's downloads, PERUBAHAN the list of the downloads of its
comparison with its predecessor (placed before the descriptions, which describe them too): the
site writes them into the decree's `unduh/`, the "Unduh data" page and the jabatan pages list
them, and `python -m iki.ekspor` writes them to a folder. File names start with the decree's
`nama_unduhan` (`iki-2022.csv`), so the same code serves every decree. A description
(`EksporUraian`) is built from the bytes of the downloads listed before it. The files of the whole
decree's data go through the content-addressed cache (`tembolok`).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import ClassVar, Literal

from ..kolom import KOLOM, KOLOM_DIP, KOLOM_E_KINERJA, Kolom
from ..model import Jabatan, Keputusan
from ..perbandingan import PerbandinganKeputusan
from . import perubahan
from .dip import ke_csv_dip
from .dokumen_json import ke_json, ke_skema_json
from .e_kinerja import ke_csv_e_kinerja, ke_csv_jabatan, ke_xlsx_e_kinerja
from .katalog import ke_katalog
from .lampiran_pdf import berkas_font, ke_pdf, masukan_pdf
from .paket_data import ke_paket_data
from .tabel_csv import ke_csv
from .tabel_xlsx import ke_xlsx
from .tembolok import Tembolok

log = logging.getLogger("mkdocs.plugins.iki")

Kelompok = Literal["data", "e-kinerja", "perubahan", "uraian"]


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
    """One file per decree, made from the model."""

    buat: Callable[[Keputusan], bytes]
    jenis_media: str  # IANA media type
    kelompok: Kelompok = "data"  # "data": offered on every jabatan page as the data of every jabatan
    kolom: tuple[Kolom, ...] = ()  # a table (CSV): its columns, described in datapackage.json
    kunci_utama: tuple[str, ...] = ()  # the columns that identify a row
    # Everything `buat` reads from the decree (the cache key; see tembolok): by default all of it.
    masukan: Callable[[Keputusan], bytes] = _seluruh_keputusan
    # The slowest (the PDF): made first by the other process, not by the build while it waits (isi_tembolok).
    terlama: bool = False
    perbandingan: ClassVar[bool] = False
    tersimpan: ClassVar[bool] = True  # built through the cache

    def hasilkan(self, keputusan: Keputusan, sebelumnya: Sequence[Unduhan]) -> list[Unduhan]:
        return [Unduhan(self, self.nama_berkas(keputusan), self.buat(keputusan))]


@dataclass(frozen=True)
class EksporJabatan(Ekspor):
    """One file per jabatan that has IKI rows, in the folder `<nama_unduhan><akhiran>/`."""

    buat: Callable[[Keputusan, Jabatan], bytes]  # type: ignore[assignment]
    ekstensi: str = ".csv"
    tersimpan: ClassVar[bool] = False

    def nama_berkas_jabatan(self, keputusan: Keputusan, slug: str) -> str:
        return f"{self.nama_berkas(keputusan)}/{slug}{self.ekstensi}"

    def hasilkan(self, keputusan: Keputusan, sebelumnya: Sequence[Unduhan]) -> list[Unduhan]:
        return [Unduhan(self, self.nama_berkas_jabatan(keputusan, j.slug), self.buat(keputusan, j), j.slug)
                for j in self.jabatan(keputusan)]

    def jabatan(self, keputusan: Keputusan) -> list[Jabatan]:
        """The jabatan that have a file: those with IKI rows."""
        return [j for j in keputusan.jabatan if j.iki]


@dataclass(frozen=True)
class EksporUraian(Ekspor):
    """A file describing the downloads built before it (their names, sizes and checksums)."""

    buat: Callable[[Keputusan, Sequence[Unduhan]], bytes]  # type: ignore[assignment]
    nama: str = ""  # a fixed file name (a harvester looks for it), instead of "<nama_unduhan><akhiran>"
    kelompok: Kelompok = "uraian"
    tersimpan: ClassVar[bool] = False

    def nama_berkas(self, keputusan: Keputusan) -> str:
        return self.nama or super().nama_berkas(keputusan)

    def hasilkan(self, keputusan: Keputusan, sebelumnya: Sequence[Unduhan]) -> list[Unduhan]:
        # Under `mkdocs serve` a file still being made is described at the next rebuild.
        return [Unduhan(self, self.nama_berkas(keputusan),
                        self.buat(keputusan, [u for u in sebelumnya if u.isi is not None]))]


@dataclass(frozen=True)
class EksporPerubahan(_Berkas):
    """A download of the comparison with the predecessor decree."""

    buat: Callable[[PerbandinganKeputusan], bytes]
    jenis_media: str
    kelompok: Kelompok = "perubahan"
    kolom: tuple[Kolom, ...] = ()
    kunci_utama: tuple[str, ...] = ()
    perbandingan: ClassVar[bool] = True


# Beside the downloads: their SHA-256 in the format of `sha256sum`, so `sha256sum -c SHA256SUMS` checks a copy.
SHA256SUMS = "SHA256SUMS"


@dataclass(frozen=True)
class Unduhan:
    """One download; without content while it is being made (`mkdocs serve`), or where only its name is
    needed (`rencana_unduhan`)."""

    ekspor: Ekspor | EksporPerubahan
    nama: str  # path under unduh/
    isi: bytes | None
    jabatan: str | None = None  # the jabatan's slug, for a file of one jabatan

    @cached_property
    def sha256(self) -> str | None:
        """The checksum every description of the downloads states (hex)."""
        return None if self.isi is None else hashlib.sha256(self.isi).hexdigest()

    @property
    def ukuran(self) -> int:
        """Its size in bytes. Only a built download has one: the descriptions (datapackage.json,
        catalog.jsonld) are made from built downloads only."""
        if self.isi is None:
            raise ValueError(f"{self.nama} belum dibuat")
        return len(self.isi)


CSV_MEDIA = "text/csv"
JSON_MEDIA = "application/json"
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CSV = Ekspor(".csv", "CSV", "Satu baris untuk setiap baris IKI seluruh jabatan, dengan jabatan, unit, atasan, "
             "dan target yang diurai menjadi angka dan satuan. Teks UTF-8, dipisah koma, baris pertama judul kolom.",
             ke_csv, CSV_MEDIA, kolom=KOLOM, kunci_utama=("slug_jabatan", "baris_ke"))
JSON = Ekspor(".json", "JSON", "Seluruh data terstruktur Keputusan: identitas Keputusan, unit kerja, dan setiap "
              "jabatan dengan tugas dan baris IKI-nya.", ke_json, JSON_MEDIA)
SKEMA_JSON = Ekspor(".schema.json", "JSON Schema", "Susunan berkas JSON di atas (JSON Schema 2020-12), untuk "
                    "memeriksa berkas itu secara otomatis.", ke_skema_json, JSON_MEDIA,
                    masukan=lambda keputusan: b"")  # the model's schema: no data in it
XLSX = Ekspor(".xlsx", "XLSX", "Lembar kerja (Excel, LibreOffice): lembar \"Semua IKI\" dan satu lembar untuk "
              "setiap unit kerja, dengan kolom yang sama dengan berkas CSV.", ke_xlsx, XLSX_MEDIA)
PDF = Ekspor("-lampiran.pdf", "PDF", "Formulir Indikator Kinerja Individu setiap jabatan sebagaimana dimuat "
             "Lampiran Keputusan, satu jabatan per halaman, siap cetak (A4).", ke_pdf, "application/pdf",
             masukan=masukan_pdf, terlama=True)
E_KINERJA_CSV = Ekspor("-e-kinerja.csv", "CSV", "Baris IKI seluruh jabatan dalam susunan Rencana Hasil Kerja SKP "
                       "untuk e-Kinerja, satu baris per baris IKI (lihat penjelasan di bawah).", ke_csv_e_kinerja,
                       CSV_MEDIA, "e-kinerja", KOLOM_E_KINERJA, ("slug_jabatan", "baris_ke"))
E_KINERJA_XLSX = Ekspor("-e-kinerja.xlsx", "XLSX", "Lembar kerja untuk e-Kinerja: lembar \"Petunjuk\" dan satu "
                        "lembar untuk setiap jabatan yang memiliki tabel IKI, dengan kolom yang sama dengan berkas "
                        "CSV e-Kinerja.", ke_xlsx_e_kinerja, XLSX_MEDIA, "e-kinerja")
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

PERUBAHAN: tuple[EksporPerubahan, ...] = (
    EksporPerubahan("-perubahan.csv", "CSV", "Perubahan dari Keputusan sebelumnya: satu baris untuk setiap jabatan, "
                    "baris IKI, tugas atau identitas yang ditambah, dihapus atau diubah.", perubahan.ke_csv,
                    CSV_MEDIA),
    EksporPerubahan("-perubahan.json", "JSON", "Perubahan dari Keputusan sebelumnya, dengan jumlahnya, dalam satu "
                    "dokumen JSON.", perubahan.ke_json, JSON_MEDIA),
)


@dataclass(frozen=True)
class DaftarUnduhan:
    """Every built download, in EKSPOR's order; and the views the pages need, built once."""

    semua: tuple[Unduhan, ...]
    # Under `mkdocs serve`: what finishes the downloads left without content, for the caller to start
    # once the pages are built (selesaikan_di_latar), so that it does not slow them down.
    sisa: Callable[[], None] | None = field(default=None, compare=False, repr=False)

    def selesaikan_di_latar(self) -> None:
        """Start finishing the downloads left without content, in a background thread."""
        if self.sisa is not None:
            threading.Thread(target=self.sisa, daemon=True).start()

    def __iter__(self) -> Iterator[Unduhan]:
        return iter(self.semua)

    def __getitem__(self, i: int) -> Unduhan:
        return self.semua[i]

    def __len__(self) -> int:
        return len(self.semua)

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


# The cache folder (see tembolok), in the project folder; ignored by git, safe to delete.
FOLDER_TEMBOLOK = ".tembolok"


def buka_tembolok(proyek: Path) -> Tembolok:
    """The build cache of a project, keyed by the fonts of the PDF as well: opened once per build
    (the key's base is read off the package and the installed libraries)."""
    return Tembolok(proyek / FOLDER_TEMBOLOK, berkas_font())


def buat_unduhan(keputusan: Keputusan, daftar: Sequence[Ekspor] = EKSPOR, tembolok: Tembolok | None = None,
                 latar: Path | None = None, perbandingan: PerbandinganKeputusan | None = None) -> DaftarUnduhan:
    """Build the downloads (with the comparison's, when the decree has a predecessor); with the build
    cache (`buka_tembolok`), take each file of the whole decree's data from it when its inputs are unchanged.

    With `latar` (the served site's download folder, under `mkdocs serve`), a download that is not
    in the cache is not waited for: its Unduhan has no content yet (the "Unduh data" page says it is
    being made), and the list's `selesaikan_di_latar` builds it into the cache in a background thread,
    then writes it and the complete SHA256SUMS into `latar`. The edited page is served meanwhile."""
    masukan: dict[Callable, bytes] = {}  # the decree's JSON is the input of several exports: made once
    hasil: list[Unduhan] = []
    tunda = False
    for e in _urutan(daftar, perbandingan):
        if isinstance(e, EksporPerubahan):
            assert perbandingan is not None
            hasil.append(Unduhan(e, e.nama_berkas(keputusan), e.buat(perbandingan)))
        elif tembolok is None or not e.tersimpan:
            hasil += e.hasilkan(keputusan, tuple(hasil))
        elif latar is not None and tembolok.baca(e.nama_berkas(keputusan), _masukan(e, keputusan, masukan)) is None:
            hasil.append(Unduhan(e, e.nama_berkas(keputusan), None))
            tunda = True
        else:
            hasil.append(Unduhan(e, e.nama_berkas(keputusan), _dari_tembolok(e, keputusan, tembolok, masukan)))
    sisa = (functools.partial(_selesaikan, tembolok, keputusan, hasil, latar, masukan)
            if tunda and tembolok is not None and latar is not None else None)
    return DaftarUnduhan(tuple(hasil), sisa)


def isi_tembolok(keputusan: Sequence[Keputusan], daftar: Sequence[Ekspor], tembolok: Tembolok,
                 selama: Callable[[], bool] | None = None, klaim: Path | None = None) -> None:
    """Build into the cache every file of the whole decree's data that it lacks (what
    `buat_unduhan` then takes from it), for each decree, the slowest (`terlama`: the PDF) first.

    With `selama`, the other way round, without the slowest, and only while `selama()`: what the
    build does while another process does the same (iki.serentak). Each takes from the cache what
    the other has made by then. With `klaim`, the folder the two share, each makes only the files
    it is the first to take on (`Tembolok.klaim`) and skips those the other is making: where they
    meet, a file is not made twice. A file skipped here and never made (the other process ended)
    is made by `buat_unduhan`, which does not look at claims."""
    urutan = sorted((e for e in daftar if e.tersimpan), key=lambda e: not e.terlama)
    if selama is not None:
        keputusan, urutan = keputusan[::-1], [e for e in reversed(urutan) if not e.terlama]
    for k in keputusan:
        masukan: dict[Callable, bytes] = {}
        for e in urutan:
            if selama is not None and not selama():
                return
            if klaim is None or tembolok.klaim(klaim, e.nama_berkas(k), _masukan(e, k, masukan)):
                _dari_tembolok(e, k, tembolok, masukan)


def _masukan(e: Ekspor, keputusan: Keputusan, masukan: dict[Callable, bytes]) -> bytes:
    if e.masukan not in masukan:
        masukan[e.masukan] = e.masukan(keputusan)
    return masukan[e.masukan]


def _dari_tembolok(e: Ekspor, keputusan: Keputusan, tembolok: Tembolok, masukan: dict[Callable, bytes]) -> bytes:
    return tembolok.ambil(e.nama_berkas(keputusan), _masukan(e, keputusan, masukan),
                          functools.partial(e.buat, keputusan))


def rencana_unduhan(keputusan: Keputusan, daftar: Sequence[Ekspor] = EKSPOR,
                    perbandingan: PerbandinganKeputusan | None = None) -> DaftarUnduhan:
    """Every download of buat_unduhan by name, without content: for the pages that only link to
    them, built while the downloads are made (iki.serentak)."""
    hasil: list[Unduhan] = []
    for e in _urutan(daftar, perbandingan):
        if isinstance(e, EksporJabatan):
            hasil += [Unduhan(e, e.nama_berkas_jabatan(keputusan, j.slug), None, j.slug) for j in e.jabatan(keputusan)]
        else:
            hasil.append(Unduhan(e, e.nama_berkas(keputusan), None))
    return DaftarUnduhan(tuple(hasil))


def _urutan(daftar: Sequence[Ekspor], perbandingan: PerbandinganKeputusan | None) -> Iterator[Ekspor | EksporPerubahan]:
    """The downloads in the order they are made and listed: those of the comparison with the
    predecessor (when there is one) before the descriptions, which describe them too."""
    perubahan = PERUBAHAN if perbandingan is not None else ()
    for e in daftar:
        if isinstance(e, EksporUraian) and perubahan:
            yield from perubahan
            perubahan = ()
        yield e
    yield from perubahan


def _selesaikan(t: Tembolok, keputusan: Keputusan, hasil: list[Unduhan], folder: Path,
                masukan: dict[Callable, bytes]) -> None:
    """Build what buat_unduhan left without content, then write it and SHA256SUMS into `folder`."""
    try:
        lengkap = [u if u.isi is not None or not isinstance(u.ekspor, Ekspor) else
                   Unduhan(u.ekspor, u.nama, t.ambil(u.nama, masukan[u.ekspor.masukan],
                                                     functools.partial(u.ekspor.buat, keputusan)))
                   for u in hasil]
        folder.mkdir(parents=True, exist_ok=True)
        for nama, isi in berkas_unduh(lengkap):
            if nama == SHA256SUMS or any(u.nama == nama and u.isi is None for u in hasil):
                (folder / nama).write_bytes(isi)
    except Exception as galat:  # a background thread: say it, the next rebuild tries again
        log.error("Berkas unduhan gagal dibuat: %s", galat)


def berkas_unduh(unduhan: Sequence[Unduhan] | DaftarUnduhan) -> list[tuple[str, bytes]]:
    """Every file of the download folder, by name: the downloads and SHA256SUMS (those with content)."""
    ada = [(u.nama, u.isi, u.sha256) for u in unduhan if u.isi is not None]
    sha256sums = "".join(f"{sha}  {nama}\n" for nama, _, sha in ada).encode("utf-8")
    return [*((nama, isi) for nama, isi, _ in ada), (SHA256SUMS, sha256sums)]


def tulis(keputusan: Keputusan, folder: Path, daftar: Sequence[Ekspor] = EKSPOR) -> list[Path]:
    """Write the downloads and SHA256SUMS into a folder; return their paths."""
    hasil = []
    for nama, isi in berkas_unduh(buat_unduhan(keputusan, daftar)):
        (path := folder / nama).parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi)
        hasil.append(path)
    return hasil
