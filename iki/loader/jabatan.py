"""One jabatan file, `jabatan/<id>/<slug>.md`: its front matter (YAML between two '---' lines) and its
numbered tugas, parsed and validated into a `Jabatan`; every problem reported through the `Bacaan`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from frontmatter.default_handlers import YAMLHandler
from pydantic import ValidationError

from .. import baca
from ..model import Jabatan, Tugas, urai_target
from .bacaan import POLA_ISIAN, Bacaan, teks_di
from .nama import PESAN_SLUG, SLUG, slug_dari
from .pesan import nama_kolom

# Matched against a line without its trailing spaces: a lazy `.*?` before `\s*$` would take time
# quadratic in a line's length.
_BUTIR_TUGAS = re.compile(r"^(?P<indent> *)(?P<label>\d+|[a-z]{1,2})\.[ \t]+(?P<teks>\S.*)$")
# Filled by the loader, never written by an editor.
_KOLOM_OTOMATIS = {"slug": "nama berkas", "sumber": "letak berkas", "tugas": "isi berkas di bawah '---'"}


def berkas_jabatan(bacaan: Bacaan) -> list[Path]:
    """The jabatan files of the decree's jabatan folder; anything else there is a problem."""
    letak = bacaan.letak
    try:
        semua = [p for p in baca.isi_folder(letak.root, letak.root / letak.jabatan) if not p.name.startswith(".")]
    except baca.Ditolak as tolak:
        bacaan.tolak(letak.jabatan, tolak)
        return []
    for p in semua:
        if p.suffix != ".md":
            bacaan.lapor(letak.relatif(p), None, None,
                         "Hanya berkas jabatan berakhiran '.md' yang boleh ada di folder ini.",
                         "Pindahkan atau hapus berkas ini, atau ganti akhiran namanya menjadi '.md'.")
    # Symlinks, folders, FIFOs... named '.md' are refused, with their own message, when read.
    berkas = [p for p in semua if p.suffix == ".md"]
    if not berkas:
        bacaan.lapor(letak.jabatan, None, None, "Tidak ada satu pun berkas jabatan.",
                     "Tambahkan berkas jabatan (lihat CONTRIBUTING.md).")
    return berkas


def baca_jabatan(bacaan: Bacaan, path: Path) -> Jabatan | None:
    """One jabatan file, read safely and parsed; None when it cannot be used (reported)."""
    berkas = bacaan.letak.relatif(path)
    slug = path.stem
    if not SLUG.match(slug):
        bacaan.lapor(berkas, None, None,
                     f"Nama berkas '{path.name}' {PESAN_SLUG}.",
                     f"Ganti nama berkas menjadi '{slug_dari(slug)}.md'.")
    teks = bacaan.teks(path)
    if teks is None:
        return None
    return urai_jabatan(bacaan, berkas, slug, teks)


def urai_jabatan(bacaan: Bacaan, berkas: str, slug: str, teks: str) -> Jabatan | None:
    """One jabatan file's text (`berkas` names it in messages, `slug` is its file name without '.md')."""
    handler = YAMLHandler()
    if not handler.detect(teks):
        bacaan.lapor(berkas, 1, None, "Berkas tidak diawali bagian data (front matter) di antara dua baris '---'.",
                     "Salin susunan berkas jabatan lain: baris '---', kolom-kolom data, baris '---', lalu daftar tugas.")
        return None
    try:
        kepala, isi = handler.split(teks)
    except ValueError:
        bacaan.lapor(berkas, 1, None, "Bagian data (front matter) tidak ditutup dengan baris '---'.",
                     "Tambahkan baris '---' setelah kolom data terakhir.")
        return None
    ok, data = bacaan.urai_yaml(berkas, kepala, baris_awal=teks.count("\n", 0, teks.find(kepala)) + 1)
    if not ok:
        return None
    if not isinstance(data, dict):
        bacaan.lapor(berkas, 2, None, "Bagian data harus berupa kumpulan 'kolom: nilai'.",
                     "Salin susunan berkas jabatan lain.")
        return None
    for kolom, asal in _KOLOM_OTOMATIS.items():
        if kolom in data:
            bacaan.lapor(berkas, bacaan.baris(berkas, (kolom,)), kolom,
                         f"Kolom '{kolom}' tidak boleh ditulis; nilainya diambil dari {asal}.",
                         f"Hapus kolom '{kolom}'.")
            data.pop(kolom)
    for lokasi, nilai in teks_di(data):
        bacaan.periksa_isian(berkas, bacaan.baris(berkas, lokasi), lokasi, nilai)
    baris_isi = teks.count("\n", 0, len(teks) - len(isi)) + 1
    tugas = _urai_tugas(bacaan, berkas, isi, baris_isi)
    # A bad file name is reported above; validate the rest under a corrected slug so
    # that every other problem of the file is reported in the same run.
    data.update(slug=slug if SLUG.match(slug) else slug_dari(slug), sumber=berkas, tugas=tugas)
    _periksa_isi_iki(bacaan, berkas, data)
    jabatan = bacaan.validasi(berkas, Jabatan, data, (), otomatis=_KOLOM_OTOMATIS)
    if jabatan is None and (jabatan := _tanpa_kolom_salah(data)) is not None:
        bacaan.sebagian.add(berkas)
    return jabatan


def _urai_tugas(bacaan: Bacaan, berkas: str, isi: str, baris_awal: int) -> list[Tugas]:
    butir: list[dict[str, Any]] = []
    for nomor, baris in enumerate(isi.splitlines(), start=baris_awal):
        if not baris.strip():
            continue
        cocok = _BUTIR_TUGAS.match(baris.rstrip())
        if not cocok:
            bacaan.lapor(berkas, nomor, "tugas", f"Baris ini bukan butir tugas: \"{_ringkas(baris)}\".",
                         "Awali setiap butir dengan nomornya dan titik, mis. '1. menyusun rencana ...'; "
                         "sub-butir diberi 3 spasi dan huruf, mis. '   a. pelayanan ...'. Satu butir satu baris.")
            continue
        bacaan.periksa_isian(berkas, nomor, ("tugas",), cocok["teks"])
        item: dict[str, Any] = {"label": cocok["label"], "teks": cocok["teks"], "sub": []}
        if cocok["indent"]:
            if not butir:
                bacaan.lapor(berkas, nomor, "tugas", "Sub-butir tugas muncul sebelum butir pertama.",
                             "Hapus spasi di awal baris, atau tulis dulu butir induknya.")
                continue
            butir[-1]["sub"].append(item)
        else:
            butir.append(item)
    if not butir:
        bacaan.lapor(berkas, baris_awal, "tugas", "Daftar tugas kosong.",
                     "Tulis tugas jabatan di bawah baris '---' penutup, satu butir per baris: '1. ...'.")
    return [Tugas.model_validate(b) for b in butir]


def _periksa_isi_iki(bacaan: Bacaan, berkas: str, data: dict) -> None:
    """The IKI table as written, row by row: checked even when other fields of the file are wrong."""
    iki = data.get("iki", [])
    if iki == [] and not data.get("tanpa_iki"):
        bacaan.lapor(berkas, bacaan.baris(berkas, ("iki",)), "iki", "Tabel IKI kosong.",
                     "Tambahkan baris IKI (nomor, sasaran, indikator, target) di bawah 'iki:'.")
    if not isinstance(iki, list):
        return  # reported by validation
    if iki and data.get("tanpa_iki"):
        bacaan.lapor(berkas, bacaan.baris(berkas, ("tanpa_iki",)), "tanpa_iki",
                     "Kolom 'tanpa_iki' hanya untuk jabatan yang memang tidak memiliki tabel IKI.",
                     "Hapus kolom 'tanpa_iki', atau kosongkan 'iki'.")
    for i, baris in enumerate(iki):
        target = baris.get("target") if isinstance(baris, dict) else None
        # A placeholder is reported once, as a placeholder; a target that is not text, by validation.
        if (bacaan.kualitatif is None or not isinstance(target, str) or POLA_ISIAN.search(target)
                or urai_target(target, bacaan.kualitatif) is not None):
            continue
        lokasi = ("iki", i, "target")
        bacaan.lapor(
            berkas, bacaan.baris(berkas, lokasi), nama_kolom(lokasi),
            f"Target \"{target}\" tidak dikenali.",
            "Tulis angka lalu satuan (mis. \"12 Dokumen\"), persentase (mis. \"100%\"), atau nilai "
            f"kualitatif yang terdaftar di {bacaan.letak.data}/keputusan.yml ({', '.join(sorted(bacaan.kualitatif))}).",
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


def _ringkas(teks: str, batas: int = 60) -> str:
    teks = teks.strip()
    return teks if len(teks) <= batas else teks[: batas - 1] + "…"
