"""Reading data files: where a decree's files are (`LetakData`), and one reading of them (`Bacaan`)
that reads each file safely (iki.baca), parses its YAML with a map of the line of every field,
validates it with a pydantic model and collects every problem as a `Masalah`."""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .. import baca
from ..masalah import Masalah
from .pesan import jelaskan_yaml, nama_kolom, terjemahkan

FOLDER_DATA = "data"
FOLDER_JABATAN = "jabatan"

# Placeholders written by `python -m iki jabatan-baru` and `python -m iki impor` (by field name);
# the checker reports each one, in jabatan and data files, until it is replaced.
ISIAN = {kolom: f"ISI {kolom.upper().replace('_', ' ')}" for kolom in (
    "sasaran", "indikator", "target", "tugas", "nama", "unit", "atasan", "eselon",
    "nomor", "tahun", "judul", "instansi", "ditetapkan_di", "tanggal", "jabatan", "pangkat", "nip")}
POLA_ISIAN = re.compile("|".join(re.escape(teks) for teks in ISIAN.values()))

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LetakData:
    """Where one decree's files are, relative to the project root: `data/<id>/` and `jabatan/<id>/`."""

    root: Path
    data: str
    jabatan: str

    @classmethod
    def untuk(cls, root: Path, id: str) -> LetakData:
        return cls(root, f"{FOLDER_DATA}/{id}", f"{FOLDER_JABATAN}/{id}")

    @property
    def id(self) -> str:
        return Path(self.data).name

    def relatif(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


@dataclass
class Bacaan:
    """One reading of the files, collecting problems as it goes."""

    letak: LetakData
    masalah: list[Masalah] = field(default_factory=list)
    peta_baris: dict[str, dict[tuple, int]] = field(default_factory=dict)
    kualitatif: set[str] | None = None  # the declared qualitative targets, once keputusan.yml is read
    sebagian: set[str] = field(default_factory=set)  # jabatan files read without their faulty fields

    def lapor(self, berkas: str, baris: int | None, kolom: str | None, pesan: str, saran: str) -> None:
        self.masalah.append(Masalah(berkas, baris, kolom, pesan, saran))

    def belum_diperiksa(self, berkas: str, apa: str) -> None:
        """Say which checks a broken data file prevented, so that nothing is skipped silently."""
        self.lapor(berkas, None, None, f"{apa} belum diperiksa karena berkas ini bermasalah.",
                   "Perbaiki berkas ini, lalu jalankan pemeriksaan lagi.")

    def teks(self, path: Path) -> str | None:
        """A file's text, read safely (iki.baca); a problem when it is refused."""
        try:
            return baca.teks(self.letak.root, path)
        except baca.Ditolak as tolak:
            self.tolak(self.letak.relatif(path), tolak)
            return None

    def tolak(self, berkas: str, tolak: baca.Ditolak) -> None:
        """Report a refusal of iki.baca on its file."""
        self.lapor(berkas, tolak.baris, None, tolak.pesan, tolak.saran)

    def baris(self, berkas: str, lokasi: tuple) -> int | None:
        """The line of a field (or of its closest parent) in a file."""
        peta = self.peta_baris.get(berkas, {})
        while lokasi not in peta and lokasi:
            lokasi = lokasi[:-1]
        return peta.get(lokasi)

    # -- YAML ---------------------------------------------------------------

    def urai_yaml(self, berkas: str, teks: str, baris_awal: int = 1) -> tuple[bool, Any]:
        """Parse YAML text (starting at line `baris_awal` of `berkas`) and map the line of every
        field; (False, None) when it cannot be parsed (reported)."""
        try:
            # Anchors, aliases, tags and deep nesting are refused before anything is composed.
            baca.periksa_yaml(teks, baris_awal)
            # Composed by libyaml where available; the tree gives both the data and the lines.
            akar = yaml.compose(teks, Loader=baca.PENGURAI_YAML)
            data = baca.susun_yaml(akar, baris_awal)
        except baca.Ditolak as tolak:
            self.tolak(berkas, tolak)
            return False, None
        except yaml.YAMLError as galat:
            baris, pesan, saran = jelaskan_yaml(teks, baris_awal, galat)
            self.lapor(berkas, baris, None, pesan, saran)
            return False, None
        self.peta_baris[berkas], ganda = _peta_baris(akar, baris_awal)
        for lokasi, baris in ganda:
            self.lapor(berkas, baris, nama_kolom(lokasi), f"Kolom '{lokasi[-1]}' ditulis lebih dari sekali.",
                       "Hapus salah satunya; bila baris itu milik butir lain, periksa jumlah spasi di awal baris.")
        return True, data

    def _berkas_data(self, nama: str) -> tuple[str, Any] | None:
        path = self.letak.root / self.letak.data / nama
        berkas = self.letak.relatif(path)
        if not os.path.lexists(path):
            self.lapor(berkas, None, None, "Berkas data tidak ditemukan.", "Kembalikan berkas ini dari riwayat git.")
            return None
        teks = self.teks(path)
        if teks is None:
            return None
        ok, data = self.urai_yaml(berkas, teks)
        if not ok:
            return None
        for lokasi, nilai in teks_di(data):
            self.periksa_isian(berkas, self.baris(berkas, lokasi), lokasi, nilai)
        return berkas, data

    def model_yaml(self, nama: str, model: type[M]) -> M | None:
        """The data file `nama` of the decree's data folder, validated by `model`."""
        hasil = self._berkas_data(nama)
        if hasil is None:
            return None
        berkas, data = hasil
        return self.validasi(berkas, model, data, ())

    def daftar_yaml(self, nama: str, model: type[M]) -> list[M] | None:
        """The data file `nama` of the decree's data folder: a list, each item validated by `model`."""
        hasil = self._berkas_data(nama)
        if hasil is None:
            return None
        berkas, data = hasil
        if not isinstance(data, list) or not data:
            self.lapor(berkas, 1, None, "Berkas ini harus berisi daftar (setiap butir diawali '- ').",
                       "Lihat contoh butir yang sudah ada.")
            return None
        hasil_daftar = [self.validasi(berkas, model, butir, (i,)) for i, butir in enumerate(data)]
        valid = [butir for butir in hasil_daftar if butir is not None]
        return valid if len(valid) == len(hasil_daftar) else None

    def validasi(self, berkas: str, model: type[M], data: Any, awal: tuple,
                 otomatis: Collection[str] = ()) -> M | None:
        """`data` (at field path `awal` of `berkas`) validated by `model`; None when it is not valid, and
        each error reported in Bahasa Indonesia on its field's line. `otomatis`: see `terjemahkan`."""
        try:
            return model.model_validate(data)
        except ValidationError as galat:
            for e in galat.errors():
                # Cross-field checks of the models name the exact field in ctx["jalur"].
                jalur = (e.get("ctx") or {}).get("jalur", "")
                lokasi = awal + tuple(x for x in e["loc"] if x != "root") + _urai_jalur(jalur)
                self.lapor(berkas, self.baris(berkas, lokasi), nama_kolom(lokasi), *terjemahkan(e, model, otomatis))
            return None

    def periksa_isian(self, berkas: str, baris: int | None, lokasi: tuple, teks: str) -> None:
        """Report a placeholder ("ISI ...", see ISIAN) left in a text value."""
        cocok = POLA_ISIAN.search(teks)
        if cocok:
            kolom = next((str(x) for x in reversed(lokasi) if isinstance(x, str)), "")
            self.lapor(berkas, baris, nama_kolom(lokasi), f"Masih berisi isian \"{cocok.group()}\" yang belum diganti.",
                       f"Ganti dengan {kolom} yang tertulis di Keputusan.")


def _peta_baris(akar: yaml.Node | None, baris_awal: int) -> tuple[dict[tuple, int], list[tuple[tuple, int]]]:
    """Map each field path of a YAML document to its line number; also the fields written
    twice in one mapping (YAML would silently keep only the last)."""
    peta: dict[tuple, int] = {}
    ganda: list[tuple[tuple, int]] = []

    def jelajah(node: yaml.Node, lokasi: tuple) -> None:
        peta.setdefault(lokasi, node.start_mark.line + baris_awal)
        if isinstance(node, yaml.MappingNode):
            for kunci, nilai in node.value:
                sub = lokasi + (kunci.value,)
                if sub in peta:
                    ganda.append((sub, kunci.start_mark.line + baris_awal))
                peta[sub] = kunci.start_mark.line + baris_awal
                jelajah(nilai, sub)
        elif isinstance(node, yaml.SequenceNode):
            for i, nilai in enumerate(node.value):
                jelajah(nilai, lokasi + (i,))

    if akar is not None:
        jelajah(akar, ())
    return peta, ganda


def teks_di(data: Any, lokasi: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text value of parsed YAML, with its field path."""
    if isinstance(data, str):
        yield lokasi, data
    elif isinstance(data, dict):
        for kunci, nilai in data.items():
            yield from teks_di(nilai, lokasi + (kunci,))
    elif isinstance(data, list):
        for i, nilai in enumerate(data):
            yield from teks_di(nilai, lokasi + (i,))


def _urai_jalur(jalur: str) -> tuple:
    """"sasaran_strategis[0].kode" -> ("sasaran_strategis", 0, "kode")."""
    return tuple(int(x) if x.isdigit() else x for x in re.findall(r"[^.\[\]]+", jalur))

