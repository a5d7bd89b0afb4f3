"""The one loader: reads `data/*.yml` and `jabatan/*.md`, validates, builds the model.

It never stops at the first problem: every file is read and every problem is
collected, so an editor sees them all in one run. Nothing is skipped: a file
that cannot be read is a problem, never a missing page.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from pydantic import BaseModel, ValidationError

from . import baca
from .masalah import DataTidakValid, Masalah
from .model import POLA_ALAMAT_WEB, POLA_SLUG, IdentitasKeputusan, Jabatan, Keputusan, Tugas, Unit, urai_target
from .organisasi import DaftarTujuan, Kepegawaian
from .pohon import kunci_baris, urai_mendukung

SLUG = re.compile(POLA_SLUG)
# Matched against a line without its trailing spaces: a lazy `.*?` before `\s*$` would take time
# quadratic in a line's length.
_BUTIR_TUGAS = re.compile(r"^(?P<indent> *)(?P<label>\d+|[a-z]{1,2})\.[ \t]+(?P<teks>\S.*)$")
# Filled by the loader, never written by an editor.
_KOLOM_OTOMATIS = {"slug": "nama berkas", "sumber": "letak berkas", "tugas": "isi berkas di bawah '---'"}
# Placeholders written by `python -m iki jabatan-baru` and `python -m iki impor` (by field name);
# the checker reports each one, in jabatan and data files, until it is replaced.
ISIAN = {kolom: f"ISI {kolom.upper().replace('_', ' ')}" for kolom in (
    "sasaran", "indikator", "target", "tugas", "nama", "unit", "atasan", "eselon",
    "nomor", "tahun", "judul", "instansi", "ditetapkan_di", "tanggal", "jabatan", "pangkat", "nip")}
_ISIAN = re.compile("|".join(re.escape(teks) for teks in ISIAN.values()))


FOLDER_DATA = "data"
FOLDER_JABATAN = "jabatan"


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


def muat(letak: LetakData) -> Keputusan:
    """Load and validate everything; raise DataTidakValid with every problem."""
    keputusan, masalah = periksa(letak)
    if masalah:
        raise DataTidakValid(masalah)
    assert keputusan is not None
    return keputusan


def periksa(letak: LetakData) -> tuple[Keputusan | None, list[Masalah]]:
    """Check every file of one decree; return the model (when there is no problem) and the problems."""
    bacaan = Bacaan(letak)
    return periksa_dengan(bacaan), bacaan.masalah


def periksa_dengan(bacaan: Bacaan) -> Keputusan | None:
    """`periksa` with a reading the caller keeps (its problems, and the lines of every field)."""
    letak = bacaan.letak
    identitas = bacaan.model_yaml("keputusan.yml", IdentitasKeputusan)
    if identitas is not None:
        bacaan.kualitatif = set(identitas.target_kualitatif)
        _periksa_penetapan(identitas, f"{letak.data}/keputusan.yml", bacaan)
    else:
        bacaan.belum_diperiksa(f"{letak.data}/keputusan.yml", "Target IKI")
    tujuan = bacaan.model_yaml("tujuan.yml", DaftarTujuan)
    pegawai = bacaan.model_yaml("pegawai.yml", Kepegawaian)
    unit = bacaan.daftar_yaml("unit.yml", Unit)
    berkas = bacaan.berkas_jabatan()
    jabatan = [j for j in (bacaan.jabatan(p) for p in berkas) if j is not None]
    if unit is not None:
        # References are checked against every file present, even one that failed
        # validation: its own problems are reported, not as a missing atasan elsewhere.
        _periksa_hubungan(jabatan, {p.stem for p in berkas}, unit, letak, bacaan)
    else:
        bacaan.belum_diperiksa(f"{letak.data}/unit.yml", "Hubungan antarberkas (unit, atasan, nama kembar)")
    kode_sasaran = [ss.kode for t in tujuan.root for ss in t.sasaran_strategis] if tujuan is not None else None
    # A file read without its faulty fields may lack its IKI rows: rows pointing at it are not judged by that.
    utuh = [j for j in jabatan if j.sumber not in bacaan.sebagian]
    _periksa_mendukung(utuh, {p.stem for p in berkas}, kode_sasaran, f"{letak.data}/tujuan.yml", bacaan)
    if bacaan.masalah or None in (identitas, tujuan, pegawai, unit):
        return None
    urut = sorted(jabatan, key=lambda j: (j.urutan, j.slug))
    return Keputusan(id=letak.id, identitas=identitas, tujuan=tujuan.root, pegawai=pegawai, unit=unit,
                     jabatan=urut)


def _periksa_penetapan(identitas: IdentitasKeputusan, berkas: str, bacaan: Bacaan) -> None:
    """A decree has its number and date; only a draft (rancangan) may lack them."""
    if identitas.rancangan:
        return
    for kolom, contoh in (("nomor", '"800 / 12 / Sekere / 2023"'), ("tanggal", "2023-01-09")):
        if getattr(identitas, kolom) is None:
            bacaan.lapor(berkas, bacaan.baris(berkas, ()), kolom,
                         f"Kolom '{kolom}' kosong, padahal Keputusan ini bukan rancangan.",
                         f"Isi '{kolom}' seperti tertulis pada Keputusan yang ditandatangani (mis. {kolom}: {contoh}), "
                         "atau tulis 'rancangan: true' selama Keputusan belum ditetapkan.")


def baca_sebagian(letak: LetakData) -> tuple[list[Unit] | None, list[Path], list[Jabatan]]:
    """What reads on its own whatever problems the rest has: the units, every jabatan
    file, and the jabatan that are valid by themselves. For tools that add to the data."""
    bacaan = Bacaan(letak)
    berkas = bacaan.berkas_jabatan()
    jabatan = [j for j in (bacaan.jabatan(p) for p in berkas) if j is not None]
    return bacaan.daftar_yaml("unit.yml", Unit), berkas, jabatan


def muat_daftar(root: Path, nama: str, model: type[BaseModel]) -> list:
    """Load and validate one list file of the whole site under data/ (e.g. singkatan.yml);
    raise DataTidakValid with every problem."""
    bacaan = Bacaan(LetakData(root, FOLDER_DATA, FOLDER_JABATAN))
    daftar = bacaan.daftar_yaml(nama, model)
    if bacaan.masalah:
        raise DataTidakValid(bacaan.masalah)
    return daftar


@dataclass
class Bacaan:
    """One reading of the files, collecting problems as it goes."""

    letak: LetakData
    masalah: list[Masalah] = field(default_factory=list)
    peta_baris: dict[str, dict[tuple, int]] = field(default_factory=dict)
    kualitatif: set[str] | None = None  # the declared qualitative targets, once keputusan.yml is read
    sebagian: set[str] = field(default_factory=set)  # files read without their faulty fields (_tanpa_kolom_salah)

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
        self.lapor(berkas, tolak.baris, None, tolak.pesan, tolak.saran)

    def baris(self, berkas: str, lokasi: tuple) -> int | None:
        """The line of a field (or of its closest parent) in a file."""
        peta = self.peta_baris.get(berkas, {})
        while lokasi not in peta and lokasi:
            lokasi = lokasi[:-1]
        return peta.get(lokasi)

    # -- YAML ---------------------------------------------------------------

    def _yaml(self, berkas: str, teks: str, baris_awal: int = 1) -> tuple[bool, Any]:
        try:
            # Anchors, aliases, tags and deep nesting are refused before anything is composed.
            baca.periksa_yaml(teks, baris_awal)
            # Composed by libyaml where available; the tree gives both the data and the lines.
            akar = yaml.compose(teks, Loader=baca.PENGURAI_YAML)
            data = baca.susun_yaml(akar, baris_awal)
        except baca.Ditolak as tolak:
            self.tolak(berkas, tolak)
            return False, None
        except yaml.YAMLError:
            try:
                for _ in yaml.parse(teks, Loader=yaml.SafeLoader):
                    pass  # the pure-Python parser's messages are the ones explained below
            except yaml.YAMLError as rinci:
                galat = rinci
            soal = getattr(galat, "problem", None) or str(galat)
            # An unclosed quote is found at the end of the file; the line where it opens helps more.
            tanda = getattr(galat, "context_mark" if "end of stream" in soal else "problem_mark", None)
            baris = tanda.line + baris_awal if tanda else None
            self.lapor(
                berkas, baris, None,
                f"Format YAML tidak dapat dibaca ({_terjemahkan_yaml(soal)}).",
                "Periksa tanda titik dua, tanda kutip dan jumlah spasi di awal baris; "
                "teks yang memuat ': ' atau diawali tanda khusus harus diberi tanda kutip.",
            )
            return False, None
        self.peta_baris[berkas], ganda = _peta_baris(akar, baris_awal)
        for lokasi, baris in ganda:
            self.lapor(berkas, baris, _nama_kolom(lokasi), f"Kolom '{lokasi[-1]}' ditulis lebih dari sekali.",
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
        ok, data = self._yaml(berkas, teks)
        if not ok:
            return None
        for lokasi, nilai in _teks_di(data):
            self.periksa_isian(berkas, self.baris(berkas, lokasi), lokasi, nilai)
        return berkas, data

    def model_yaml(self, nama: str, model: type[BaseModel]) -> Any:
        hasil = self._berkas_data(nama)
        if hasil is None:
            return None
        berkas, data = hasil
        return self.validasi(berkas, model, data, ())

    def daftar_yaml(self, nama: str, model: type[BaseModel]) -> list | None:
        hasil = self._berkas_data(nama)
        if hasil is None:
            return None
        berkas, data = hasil
        if not isinstance(data, list) or not data:
            self.lapor(berkas, 1, None, "Berkas ini harus berisi daftar (setiap butir diawali '- ').",
                       "Lihat contoh butir yang sudah ada.")
            return None
        hasil_daftar = [self.validasi(berkas, model, butir, (i,)) for i, butir in enumerate(data)]
        return None if None in hasil_daftar else hasil_daftar

    def validasi(self, berkas: str, model: type[BaseModel], data: Any, awal: tuple) -> Any:
        try:
            return model.model_validate(data)
        except ValidationError as galat:
            for e in galat.errors():
                # Cross-field checks of the models name the exact field in ctx["jalur"].
                jalur = (e.get("ctx") or {}).get("jalur", "")
                lokasi = awal + tuple(x for x in e["loc"] if x != "root") + _urai_jalur(jalur)
                self.lapor(berkas, self.baris(berkas, lokasi), _nama_kolom(lokasi), *_terjemahkan(e, model))
            return None

    # -- jabatan ------------------------------------------------------------

    def berkas_jabatan(self) -> list[Path]:
        try:
            semua = [p for p in baca.isi_folder(self.letak.root, self.letak.root / self.letak.jabatan)
                     if not p.name.startswith(".")]
        except baca.Ditolak as tolak:
            self.tolak(self.letak.jabatan, tolak)
            return []
        for p in semua:
            if p.suffix != ".md":
                self.lapor(self.letak.relatif(p), None, None,
                           "Hanya berkas jabatan berakhiran '.md' yang boleh ada di folder ini.",
                           "Pindahkan atau hapus berkas ini, atau ganti akhiran namanya menjadi '.md'.")
        # Symlinks, folders, FIFOs... named '.md' are refused, with their own message, when read.
        berkas = [p for p in semua if p.suffix == ".md"]
        if not berkas:
            self.lapor(self.letak.jabatan, None, None, "Tidak ada satu pun berkas jabatan.",
                       "Tambahkan berkas jabatan (lihat CONTRIBUTING.md).")
        return berkas

    def jabatan(self, path: Path) -> Jabatan | None:
        berkas = self.letak.relatif(path)
        slug = path.stem
        if not SLUG.match(slug):
            self.lapor(berkas, None, None,
                       f"Nama berkas '{path.name}' tidak memenuhi aturan: hanya huruf kecil, angka dan tanda hubung.",
                       f"Ganti nama berkas menjadi '{slug_dari(slug)}.md'.")
        teks = self.teks(path)
        if teks is None:
            return None
        return self.jabatan_teks(berkas, slug, teks)

    def jabatan_teks(self, berkas: str, slug: str, teks: str) -> Jabatan | None:
        """One jabatan file's text (`berkas` names it in messages)."""
        handler = frontmatter.YAMLHandler()
        if not handler.detect(teks):
            self.lapor(berkas, 1, None, "Berkas tidak diawali bagian data (front matter) di antara dua baris '---'.",
                       "Salin susunan berkas jabatan lain: baris '---', kolom-kolom data, baris '---', lalu daftar tugas.")
            return None
        try:
            kepala, isi = handler.split(teks)
        except ValueError:
            self.lapor(berkas, 1, None, "Bagian data (front matter) tidak ditutup dengan baris '---'.",
                       "Tambahkan baris '---' setelah kolom data terakhir.")
            return None
        ok, data = self._yaml(berkas, kepala, baris_awal=teks.count("\n", 0, teks.find(kepala)) + 1)
        if not ok:
            return None
        if not isinstance(data, dict):
            self.lapor(berkas, 2, None, "Bagian data harus berupa kumpulan 'kolom: nilai'.",
                       "Salin susunan berkas jabatan lain.")
            return None
        for kolom, asal in _KOLOM_OTOMATIS.items():
            if kolom in data:
                self.lapor(berkas, self.baris(berkas, (kolom,)), kolom,
                           f"Kolom '{kolom}' tidak boleh ditulis; nilainya diambil dari {asal}.",
                           f"Hapus kolom '{kolom}'.")
                data.pop(kolom)
        for lokasi, nilai in _teks_di(data):
            self.periksa_isian(berkas, self.baris(berkas, lokasi), lokasi, nilai)
        baris_isi = teks.count("\n", 0, len(teks) - len(isi)) + 1
        tugas = self.tugas(berkas, isi, baris_isi)
        # A bad file name is reported above; validate the rest under a corrected slug so
        # that every other problem of the file is reported in the same run.
        data.update(slug=slug if SLUG.match(slug) else slug_dari(slug), sumber=berkas, tugas=tugas)
        self._periksa_isi_iki(berkas, data)
        jabatan = self.validasi(berkas, Jabatan, data, ())
        if jabatan is None and (jabatan := _tanpa_kolom_salah(data)) is not None:
            self.sebagian.add(berkas)
        return jabatan

    def tugas(self, berkas: str, isi: str, baris_awal: int) -> list[Tugas]:
        butir: list[dict] = []
        for nomor, baris in enumerate(isi.splitlines(), start=baris_awal):
            if not baris.strip():
                continue
            cocok = _BUTIR_TUGAS.match(baris.rstrip())
            if not cocok:
                self.lapor(berkas, nomor, "tugas", f"Baris ini bukan butir tugas: \"{_ringkas(baris)}\".",
                           "Awali setiap butir dengan nomornya dan titik, mis. '1. menyusun rencana ...'; "
                           "sub-butir diberi 3 spasi dan huruf, mis. '   a. pelayanan ...'. Satu butir satu baris.")
                continue
            self.periksa_isian(berkas, nomor, ("tugas",), cocok["teks"])
            item = {"label": cocok["label"], "teks": cocok["teks"], "sub": []}
            if cocok["indent"]:
                if not butir:
                    self.lapor(berkas, nomor, "tugas", "Sub-butir tugas muncul sebelum butir pertama.",
                               "Hapus spasi di awal baris, atau tulis dulu butir induknya.")
                    continue
                butir[-1]["sub"].append(item)
            else:
                butir.append(item)
        if not butir:
            self.lapor(berkas, baris_awal, "tugas", "Daftar tugas kosong.",
                       "Tulis tugas jabatan di bawah baris '---' penutup, satu butir per baris: '1. ...'.")
        return [Tugas.model_validate(b) for b in butir]

    def periksa_isian(self, berkas: str, baris: int | None, lokasi: tuple, teks: str) -> None:
        cocok = _ISIAN.search(teks)
        if cocok:
            kolom = next((str(x) for x in reversed(lokasi) if isinstance(x, str)), "")
            self.lapor(berkas, baris, _nama_kolom(lokasi), f"Masih berisi isian \"{cocok.group()}\" yang belum diganti.",
                       f"Ganti dengan {kolom} yang tertulis di Keputusan.")

    def _periksa_isi_iki(self, berkas: str, data: dict) -> None:
        """The IKI table as written, row by row: checked even when other fields of the file are wrong."""
        iki = data.get("iki", [])
        if iki == [] and not data.get("tanpa_iki"):
            self.lapor(berkas, self.baris(berkas, ("iki",)), "iki", "Tabel IKI kosong.",
                       "Tambahkan baris IKI (nomor, sasaran, indikator, target) di bawah 'iki:'.")
        if not isinstance(iki, list):
            return  # reported by validation
        if iki and data.get("tanpa_iki"):
            self.lapor(berkas, self.baris(berkas, ("tanpa_iki",)), "tanpa_iki",
                       "Kolom 'tanpa_iki' hanya untuk jabatan yang memang tidak memiliki tabel IKI.",
                       "Hapus kolom 'tanpa_iki', atau kosongkan 'iki'.")
        for i, baris in enumerate(iki):
            target = baris.get("target") if isinstance(baris, dict) else None
            # A placeholder is reported once, as a placeholder; a target that is not text, by validation.
            if (self.kualitatif is None or not isinstance(target, str) or _ISIAN.search(target)
                    or urai_target(target, self.kualitatif) is not None):
                continue
            lokasi = ("iki", i, "target")
            self.lapor(
                berkas, self.baris(berkas, lokasi), _nama_kolom(lokasi),
                f"Target \"{target}\" tidak dikenali.",
                "Tulis angka lalu satuan (mis. \"12 Dokumen\"), persentase (mis. \"100%\"), atau nilai "
                f"kualitatif yang terdaftar di {self.letak.data}/keputusan.yml ({', '.join(sorted(self.kualitatif))}).",
            )


def _tanpa_kolom_salah(data: dict) -> Jabatan | None:
    """A jabatan whose file has problems (already reported), without its faulty fields, when
    what remains is valid: it still takes part in the checks across files (atasan, unit,
    duplicates), so that one run finds every problem. Never part of a published model."""
    try:
        Jabatan.model_validate(data)
    except ValidationError as galat:
        salah = {e["loc"][0] for e in galat.errors() if e["loc"]}
    try:
        return Jabatan.model_validate({k: v for k, v in data.items() if k not in salah})
    except ValidationError:
        return None


def _periksa_hubungan(jabatan: list[Jabatan], ada: set[str], daftar_unit: list[Unit], letak: LetakData,
                      bacaan: Bacaan) -> None:
    """Checks across files: units, atasan, duplicates, order."""
    per_slug: dict[str, Jabatan] = {}
    kembar = _Kembar(bacaan, "jabatan")
    for j in jabatan:
        per_slug.setdefault(j.slug.casefold(), j)
        for uraian, kolom, kunci in (("nama berkas", None, j.slug.casefold()), ("nama jabatan", "nama", baku(j.nama)),
                                     ("urutan", "urutan", j.urutan)):
            kembar.periksa(j.sumber, (), f"berkas {j.sumber}", uraian, kolom, kunci)
    unit_per_kode = {u.kode: u for u in daftar_unit}
    berkas_unit = f"{letak.data}/unit.yml"
    kembar = _Kembar(bacaan, "unit")
    for i, u in enumerate(daftar_unit):
        for uraian, kolom, kunci in (("kode unit", "kode", u.kode), ("nama unit", "nama", baku(u.nama))):
            kembar.periksa(berkas_unit, (i,), f"butir ke-{i + 1}", uraian, kolom, kunci)
    pimpinan = {u.kepala for u in daftar_unit if u.jenis == "pimpinan"}
    for i, u in enumerate(daftar_unit):
        kepala = per_slug.get(u.kepala)
        if u.kepala not in ada:
            bacaan.lapor(berkas_unit, bacaan.baris(berkas_unit, (i, "kepala")), "kepala",
                         f"Kepala unit '{u.kode}' menunjuk jabatan '{u.kepala}' yang tidak ada.",
                         f"Isi dengan nama berkas (tanpa '.md') dari folder {letak.jabatan}/.")
        elif kepala is not None and kepala.unit != u.kode:
            bacaan.lapor(berkas_unit, bacaan.baris(berkas_unit, (i, "kepala")), "kepala",
                         f"Kepala unit '{u.kode}' adalah '{u.kepala}', tetapi jabatan itu tercatat di unit '{kepala.unit}'.",
                         "Samakan unit jabatan itu dengan unit yang dipimpinnya.")
    for j in jabatan:
        if j.unit not in unit_per_kode:
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("unit",)), "unit",
                         f"Unit '{j.unit}' tidak dikenal.",
                         f"Isi dengan salah satu kode unit dari {berkas_unit} ({mirip(j.unit, unit_per_kode)}): "
                         f"{', '.join(unit_per_kode)}.")
        if j.atasan is None:
            if j.slug not in pimpinan:
                bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("atasan",)), "atasan",
                             "Atasan kosong; hanya Kepala Dinas yang tidak memiliki atasan.",
                             "Isi 'atasan' dengan nama berkas jabatan atasan (tanpa '.md').")
        elif j.atasan not in ada:
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("atasan",)), "atasan",
                         f"Atasan '{j.atasan}' tidak ada di folder {letak.jabatan}/.",
                         f"Isi dengan nama berkas jabatan atasan tanpa '.md': {mirip(j.atasan, per_slug)}.")
        if j.eselon and j.jenis != "struktural":
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("eselon",)), "eselon",
                         f"Jabatan {j.jenis} tidak memiliki eselon.",
                         "Hapus kolom 'eselon' atau isi 'null', atau ubah 'jenis' menjadi struktural.")
    _periksa_siklus(jabatan, per_slug, bacaan)


@dataclass
class _Kembar:
    """Values that must be unique (file name, name, order, unit code): the second holder is reported."""

    bacaan: Bacaan
    pemilik: str
    dipakai: dict[tuple[str, Any], str] = field(default_factory=dict)

    def periksa(self, berkas: str, awal: tuple, sebutan: str, uraian: str, kolom: str | None, kunci: Any) -> None:
        if (uraian, kunci) not in self.dipakai:
            self.dipakai[uraian, kunci] = sebutan
            return
        lokasi = awal + ((kolom,) if kolom else ())
        self.bacaan.lapor(berkas, self.bacaan.baris(berkas, lokasi), kolom,
                          f"{uraian.capitalize()} sama dengan {self.dipakai[uraian, kunci]}.",
                          f"Setiap {self.pemilik} harus memiliki {uraian} sendiri; ubah salah satunya.")


def baku(nama: str) -> str:
    """A name as compared for duplicates: case and spacing ignored."""
    return " ".join(nama.casefold().split())


def _periksa_mendukung(jabatan: list[Jabatan], ada: set[str], kode_sasaran: list[str] | None,
                       berkas_tujuan: str, bacaan: Bacaan) -> None:
    """Every `mendukung` names an existing row of the jabatan's own atasan, or, where the atasan has
    no IKI table, an existing Sasaran Strategis; and no chain of `mendukung` comes back to itself.

    `ada` holds every jabatan file present (a target that failed validation is not reported again);
    `kode_sasaran` is None when the Sasaran Strategis could not be read (reported elsewhere)."""
    per_slug = {j.slug: j for j in jabatan}
    tautan: dict[str, tuple[str, Jabatan, int]] = {}  # row key -> (key it names, its jabatan, its index)
    for j in jabatan:
        atasan = per_slug.get(j.atasan) if j.atasan else None
        for i, baris in enumerate(j.iki):
            if baris.mendukung is None:
                continue
            lokasi = ("iki", i, "mendukung")

            def lapor(pesan: str, saran: str, j=j, lokasi=lokasi) -> None:
                bacaan.lapor(j.sumber, bacaan.baris(j.sumber, lokasi), _nama_kolom(lokasi), pesan, saran)

            nilai = baris.mendukung
            rujukan = urai_mendukung(nilai)
            contoh = f"'{j.atasan}/1'" if j.atasan and (atasan is None or atasan.iki) else "'SS.1.1'"
            if rujukan is None:
                lapor(f"Nilai 'mendukung' \"{nilai}\" tidak dikenali.",
                      "Tulis nama berkas jabatan atasan dan nomor urut baris IKI-nya (dihitung dari atas, mulai 1), "
                      f"mis. {contoh}; atau, bila atasan tidak memiliki tabel IKI, kode Sasaran Strategis "
                      f"dari {berkas_tujuan}, mis. 'SS.1.1'. Hapus baris 'mendukung' bila belum dapat dipetakan.")
                continue
            if j.atasan is None or (j.atasan in ada and atasan is None):
                continue  # no atasan (reported by the atasan checks) or an atasan file that failed validation
            if rujukan.sasaran is not None:
                if atasan is not None and atasan.iki:
                    lapor(f"Baris ini menunjuk Sasaran Strategis '{nilai}', padahal atasannya ('{j.atasan}') "
                          f"memiliki tabel IKI ({len(atasan.iki)} baris).",
                          "Kode Sasaran Strategis hanya untuk baris yang atasannya tidak memiliki tabel IKI; "
                          f"tulis baris IKI atasan yang didukung: '{j.atasan}/<nomor urut baris>'.")
                elif kode_sasaran is not None and nilai not in kode_sasaran:
                    lapor(f"Sasaran Strategis '{nilai}' tidak ada di {berkas_tujuan}.",
                          f"Pilih salah satu: {', '.join(kode_sasaran)} ({mirip(nilai, kode_sasaran)}).")
                continue
            if rujukan.slug not in ada:
                lapor(f"Jabatan '{rujukan.slug}' pada 'mendukung' tidak ada di folder {bacaan.letak.jabatan}/.",
                      f"Tulis nama berkas jabatan atasan tanpa '.md', yaitu '{j.atasan}' ({mirip(rujukan.slug, ada)}).")
                continue
            if rujukan.slug != j.atasan:
                lapor(f"'{nilai}' bukan baris IKI atasan jabatan ini: atasannya '{j.atasan}', bukan '{rujukan.slug}'.",
                      "Sebuah baris IKI hanya dapat mendukung baris IKI atasan langsungnya: "
                      f"tulis '{j.atasan}/<nomor urut baris>'.")
            target = per_slug.get(rujukan.slug)
            if target is None:
                continue  # its own problems are reported
            if not target.iki:
                lapor(f"Baris '{nilai}' tidak ada: '{rujukan.slug}' tidak memiliki tabel IKI.",
                      "Bila jabatan itu atasan langsung yang tanpa tabel IKI (Kepala Dinas), tulis kode Sasaran "
                      f"Strategis yang didukung dari {berkas_tujuan}"
                      + (f": {', '.join(kode_sasaran)}." if kode_sasaran else ", mis. 'SS.1.1'."))
            elif rujukan.posisi > len(target.iki):
                lapor(f"Baris '{nilai}' tidak ada: {target.nama} hanya memiliki {len(target.iki)} baris IKI.",
                      f"Pilih nomor urut baris 1 sampai {len(target.iki)}, dihitung dari atas tabel IKI "
                      f"{target.sumber} (bukan kolom NO).")
            else:
                tautan[kunci_baris(j.slug, i + 1)] = (kunci_baris(rujukan.slug, rujukan.posisi), j, i)
    _periksa_siklus_mendukung(tautan, bacaan)


def _periksa_siklus_mendukung(tautan: dict[str, tuple[str, Jabatan, int]], bacaan: Bacaan) -> None:
    dilaporkan: set[str] = set()
    for awal in tautan:
        jalur = [awal]
        while (berikut := tautan[jalur[-1]][0]) in tautan and berikut not in jalur:
            jalur.append(berikut)
        if berikut != awal or awal in dilaporkan:
            continue
        dilaporkan.update(jalur)
        _, j, i = tautan[awal]
        lokasi = ("iki", i, "mendukung")
        bacaan.lapor(j.sumber, bacaan.baris(j.sumber, lokasi), _nama_kolom(lokasi),
                     f"Rantai 'mendukung' berputar: {' → '.join(jalur + [awal])}.",
                     "Setiap baris hanya boleh mendukung baris IKI atasan langsungnya, sehingga rantainya naik "
                     "sampai Sasaran Strategis Dinas; perbaiki 'mendukung' (atau 'atasan') salah satu baris itu.")


def _periksa_siklus(jabatan: list[Jabatan], per_slug: dict[str, Jabatan], bacaan: Bacaan) -> None:
    dilaporkan: set[str] = set()
    for j in jabatan:
        jalur = [j.slug]
        atasan = j.atasan
        while atasan in per_slug and atasan not in jalur:
            jalur.append(atasan)
            atasan = per_slug[atasan].atasan
        if atasan == j.slug and j.slug not in dilaporkan:
            dilaporkan.update(jalur)
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("atasan",)), "atasan",
                         f"Rantai atasan berputar: {' → '.join(jalur + [j.slug])}.",
                         "Perbaiki 'atasan' salah satu jabatan itu agar rantainya berakhir di Kepala Dinas.")


# -- helpers ----------------------------------------------------------------

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


# PyYAML's most common complaints, told in Bahasa Indonesia (pattern, explanation).
_MASALAH_YAML = [
    (r"mapping values are not allowed here", "ada ': ' di dalam nilai tanpa tanda kutip, atau spasi di awal baris tidak sejajar"),
    (r"found character '\\t' that cannot start any token", "ada karakter tab; gunakan spasi"),
    (r"found character '(.)' that cannot start any token", r"nilai diawali tanda '\1' tanpa tanda kutip"),
    (r"expected alphabetic or numeric character, but found '([*&])'", r"nilai diawali tanda '\1' tanpa tanda kutip"),
    (r"found unexpected end of stream", "tanda kutip dibuka tetapi tidak ditutup"),
    (r"could not find expected ':'", "tanda ':' setelah nama kolom tidak ada"),
    (r"expected <block end>, but found", "spasi di awal baris tidak sejajar, atau ada teks setelah tanda kutip penutup"),
    (r"did not find expected (key|'-' indicator)", "spasi di awal baris tidak sejajar"),
    (r"expected ',' or '[}\]]'", "tanda kurung '{' atau '[' tidak ditutup; nilai yang diawali kurung harus diberi tanda kutip"),
    (r"expected alphabetic or numeric character", "nilai diawali tanda '*' atau '&' tanpa tanda kutip"),
    (r"expected the node content", "ada tanda baca tanpa nilai, mis. '{', '[', '-' atau '?' yang tidak diberi tanda kutip"),
    (r"(found unknown escape character|expected escape sequence)",
     "ada garis miring terbalik '\\' di dalam tanda kutip ganda; gunakan tanda kutip tunggal"),
    (r"expected a comment or a line break", "ada teks setelah tanda kutip penutup, atau setelah '|' atau '>'"),
    (r"expected (chomping or )?indentation indicator", "nilai diawali tanda '|' atau '>' tanpa tanda kutip"),
    (r"(found unexpected document separator|expected a single document|expected '<document start>')",
     "ada baris '---' atau '...' di tengah data"),
    (r"(found undefined tag handle|expected '[!> ]', but found|expected URI)", "nilai diawali tanda '!' tanpa tanda kutip"),
    (r"(found duplicate YAML directive|found incompatible YAML|expected a digit|duplicate tag handle|found non-specific)",
     "baris diawali tanda '%' tanpa tanda kutip"),
    (r"(mapping keys|sequence entries) are not allowed here", "tanda '?' atau '- ' tidak pada tempatnya, atau spasi di awal baris tidak sejajar"),
    (r"invalid indentation or unclosed", "spasi di awal baris tidak sejajar, atau tanda kurung '[' atau '{' tidak ditutup"),
]


def _terjemahkan_yaml(soal: str) -> str:
    for pola, uraian in _MASALAH_YAML:
        if re.match(pola, soal):
            return re.sub(f"^{pola}.*", uraian, soal)
    return "susunan tanda baca tidak sesuai aturan YAML"


def _teks_di(data: Any, lokasi: tuple = ()):
    """Every text value of parsed YAML, with its field path."""
    if isinstance(data, str):
        yield lokasi, data
    elif isinstance(data, dict):
        for kunci, nilai in data.items():
            yield from _teks_di(nilai, lokasi + (kunci,))
    elif isinstance(data, list):
        for i, nilai in enumerate(data):
            yield from _teks_di(nilai, lokasi + (i,))


def _urai_jalur(jalur: str) -> tuple:
    """"sasaran_strategis[0].kode" -> ("sasaran_strategis", 0, "kode")."""
    return tuple(int(x) if x.isdigit() else x for x in re.findall(r"[^.\[\]]+", jalur))


def _nama_kolom(lokasi: tuple) -> str | None:
    bagian = [f"baris ke-{x + 1}" if isinstance(x, int) else str(x) for x in lokasi]
    return " → ".join(bagian) or None


_JENIS_NILAI = {str: "teks", int: "bilangan bulat", float: "bilangan", bool: "ya/tidak", list: "daftar",
                dict: "kumpulan kolom", type(None): "kosong"}


def _terjemahkan(galat: dict, model: type[BaseModel]) -> tuple[str, str]:
    """Turn one pydantic error into (what is wrong, what to do), in Bahasa Indonesia."""
    jenis = galat["type"]
    kolom = next((str(x) for x in reversed(galat["loc"]) if isinstance(x, str)), "")
    masukan = galat.get("input")
    diberikan = _JENIS_NILAI.get(type(masukan), type(masukan).__name__)
    if jenis == "missing":
        return f"Kolom wajib '{kolom}' tidak ada.", f"Tambahkan baris '{kolom}: ...'."
    if jenis == "extra_forbidden":
        dikenal = _kolom_model(galat["loc"], model)
        return (f"Kolom '{kolom}' tidak dikenal.",
                f"Periksa ejaannya: {mirip(kolom, dikenal)}. Kolom yang boleh: {', '.join(dikenal)}.")
    if jenis == "literal_error":
        pilihan = galat["ctx"]["expected"].replace("'", "")
        return f"Nilai '{masukan}' tidak dikenal.", f"Pilih salah satu: {pilihan.replace(' or ', ', ')}."
    if jenis == "string_pattern_mismatch" and galat["ctx"]["pattern"] == POLA_SLUG:
        return (f"Kode '{masukan}' tidak memenuhi aturan: hanya huruf kecil, angka dan tanda hubung.",
                f"Ganti menjadi '{slug_dari(str(masukan))}'.")
    if jenis == "string_pattern_mismatch" and galat["ctx"]["pattern"] == POLA_ALAMAT_WEB:
        return (f"'{masukan}' bukan alamat web.",
                "Tulis alamat lengkap yang diawali https://, mis. https://creativecommons.org/licenses/by/4.0/.")
    if jenis == "string_pattern_mismatch":
        return (f"Nilai '{masukan}' tidak memenuhi aturan penulisan kolom ini.",
                "Tulis seperti butir lain di berkas ini (tanpa spasi atau tanda baca yang tidak ada pada contohnya).")
    if jenis == "iki_data":  # a cross-field check of the organisation data, already in Indonesian
        return f"Nilai tidak sesuai: {galat['ctx']['pesan']}.", "Samakan dengan naskah Keputusan."
    if jenis == "value_error":
        return f"Nilai tidak sesuai: {galat['ctx']['error']}.", "Samakan dengan naskah Keputusan."
    if jenis == "too_short":
        return (f"Daftar harus berisi sedikitnya {galat['ctx']['min_length']} butir.",
                "Tambahkan butir yang hilang.")
    if jenis in ("greater_than_equal", "less_than_equal"):
        batas = galat["ctx"].get("ge", galat["ctx"].get("le"))
        arah = "paling kecil" if jenis == "greater_than_equal" else "paling besar"
        return f"Nilai {masukan} di luar batas ({arah} {batas}).", "Periksa angkanya."
    if jenis == "string_too_short":
        return "Nilai tidak boleh kosong.", "Isi kolom ini, atau hapus kolomnya bila tidak wajib."
    if jenis in ("string_type", "int_type", "list_type", "tuple_type", "dict_type", "model_type",
                 "date_type", "model_attributes_type", "int_from_float", "bool_type", "float_type"):
        diharapkan = {"string_type": "teks", "int_type": "bilangan bulat", "list_type": "daftar",
                      "tuple_type": "daftar", "dict_type": "kumpulan kolom", "model_type": "kumpulan kolom",
                      "model_attributes_type": "kumpulan kolom", "date_type": "tanggal (TTTT-BB-HH)",
                      "int_from_float": "bilangan bulat", "bool_type": "ya/tidak", "float_type": "bilangan"}[jenis]
        saran = {"teks": "Tulis sebagai teks; beri tanda kutip bila perlu, mis. \"100%\".",
                 "daftar": "Tulis setiap butir pada baris sendiri, diawali '- '.",
                 "bilangan bulat": "Tulis angka tanpa tanda kutip, mis. 3, atau null bila kosong."}.get(
            diharapkan, "Lihat contoh pada berkas lain.")
        return f"Nilai harus berupa {diharapkan}, bukan {diberikan}.", saran
    return f"Nilai tidak valid ({galat['msg']}).", "Lihat contoh pada berkas lain."


def _kolom_model(lokasi: tuple, model: type[BaseModel]) -> list[str]:
    """The field names allowed where an unknown field was found."""
    sekarang: Any = model
    for bagian in lokasi[:-1]:
        if isinstance(bagian, int):
            continue
        anotasi = sekarang.model_fields[bagian].annotation
        sekarang = next(a for a in getattr(anotasi, "__args__", (anotasi,)) if isinstance(a, type))
    return [k for k in sekarang.model_fields if k not in _KOLOM_OTOMATIS or sekarang is not Jabatan]


def mirip(kata: str, pilihan) -> str:
    dekat = difflib.get_close_matches(str(kata), list(pilihan), n=1, cutoff=0.6)
    return f"mungkin maksudnya '{dekat[0]}'" if dekat else "tidak ada yang mirip"


def slug_dari(teks: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", teks.casefold()).strip("-") or "jabatan-baru"


def _ringkas(teks: str, batas: int = 60) -> str:
    teks = teks.strip()
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"
