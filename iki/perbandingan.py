"""The comparison engine: what changed between two versions of a jabatan or of a decree.

One engine serves every place a change is told: the jabatan page ("Perubahan dari Keputusan
..."), the decree's Perubahan page and its CSV/JSON downloads, the reviewers' summary
(`python -m iki perubahan <rev>`) and the per-jabatan history from git. It reads the model
only and says nothing about HTML.

IKI rows are matched in order by (sasaran, indikator): a matched row whose target, ket or NO
differs is changed; rows left over are paired in place when a run of removed rows meets a run
of added ones (a reworded row), the rest are added or removed. Tugas are matched the same way
by their text, labels ignored (renumbering is no change); a reworded tugas keeps its word diff.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .arsip import Arsip
from .model import BarisIKI, Jabatan, Keputusan, Tugas

JenisPerubahan = Literal["tambah", "hapus", "ubah"]
KOLOM_BARIS = ("nomor", "sasaran", "indikator", "target", "ket")
NAMA_KOLOM_BARIS = {"nomor": "NO", "sasaran": "sasaran", "indikator": "indikator", "target": "target", "ket": "ket"}


@dataclass(frozen=True)
class PerubahanNilai:
    """One field that changed: '330 UKM' -> '350 UKM'."""

    kolom: str
    lama: str
    baru: str


@dataclass(frozen=True)
class PerubahanBaris:
    """An IKI row added, removed or changed. Positions are 1-based in each table."""

    jenis: JenisPerubahan
    lama: BarisIKI | None
    baru: BarisIKI | None
    posisi_lama: int | None
    posisi_baru: int | None
    nilai: tuple[PerubahanNilai, ...] = ()

    def nilai_kolom(self, kolom: str) -> PerubahanNilai | None:
        return next((n for n in self.nilai if n.kolom == kolom), None)

    @property
    def baris(self) -> BarisIKI:
        """The row as it stands (the old one when removed)."""
        hasil = self.baru or self.lama
        assert hasil is not None
        return hasil


@dataclass(frozen=True)
class Potongan:
    """A piece of a reworded text: kept, removed or added words."""

    teks: str
    jenis: Literal["sama", "hapus", "tambah"]


@dataclass(frozen=True)
class PerubahanTugas:
    jenis: JenisPerubahan
    label_lama: str | None
    label_baru: str | None
    lama: str | None
    baru: str | None
    potongan: tuple[Potongan, ...] = ()


@dataclass(frozen=True)
class PerubahanJabatan:
    """What changed in one jabatan between two decrees (or two versions of its file)."""

    jenis: Literal["tambah", "hapus", "ubah", "tetap"]
    lama: tuple[Jabatan, ...]  # the old jabatan it continues (several when merged)
    baru: Jabatan | None
    identitas: tuple[PerubahanNilai, ...] = ()  # nama, unit, atasan, jenis, eselon
    baris: tuple[PerubahanBaris, ...] = ()
    tugas: tuple[PerubahanTugas, ...] = ()

    @property
    def jabatan(self) -> Jabatan:
        hasil = self.baru or self.lama[0]
        return hasil

    @property
    def ganti_nama(self) -> bool:
        """Continues jabatan of other file names (renamed or merged)."""
        return self.baru is not None and any(j.slug != self.baru.slug for j in self.lama)

    @property
    def berubah(self) -> bool:
        return self.jenis != "tetap"


@dataclass(frozen=True)
class PerbandinganKeputusan:
    """Every jabatan of two successive decrees, matched, with what changed."""

    lama: Keputusan
    baru: Keputusan
    jabatan: tuple[PerubahanJabatan, ...]

    def dengan_jenis(self, jenis: str) -> list[PerubahanJabatan]:
        return [p for p in self.jabatan if p.jenis == jenis]

    @property
    def ganti_nama(self) -> list[PerubahanJabatan]:
        return [p for p in self.jabatan if p.ganti_nama]

    @property
    def baris(self) -> list[tuple[PerubahanJabatan, PerubahanBaris]]:
        return [(p, b) for p in self.jabatan for b in p.baris]

    @property
    def jumlah(self) -> dict[str, int]:
        """Counts for the summary: jabatan added/removed/renamed/changed, rows added/removed/changed, tugas changed."""
        baris = [b for _, b in self.baris]
        return {
            "jabatan_tambah": len(self.dengan_jenis("tambah")),
            "jabatan_hapus": len(self.dengan_jenis("hapus")),
            "jabatan_ganti_nama": len(self.ganti_nama),
            "jabatan_ubah": len(self.dengan_jenis("ubah")),
            "baris_tambah": sum(b.jenis == "tambah" for b in baris),
            "baris_hapus": sum(b.jenis == "hapus" for b in baris),
            "baris_ubah": sum(b.jenis == "ubah" for b in baris),
            "tugas_ubah": sum(len(p.tugas) for p in self.jabatan if p.jenis == "ubah"),
        }

    def untuk(self, slug: str) -> PerubahanJabatan | None:
        """The change of the newer decree's jabatan `slug`."""
        return next((p for p in self.jabatan if p.baru is not None and p.baru.slug == slug), None)


def bandingkan_keputusan(lama: Keputusan, baru: Keputusan) -> PerbandinganKeputusan:
    """Match the jabatan of two decrees (by file name, or by `pendahulu`) and compare each pair."""
    dilanjutkan: set[str] = set()
    hasil: list[PerubahanJabatan] = []
    for j in baru.jabatan:
        asal = [x for s in (j.pendahulu or [j.slug]) if (x := lama.cari_jabatan_opsional(s)) is not None]
        dilanjutkan.update(x.slug for x in asal)
        hasil.append(bandingkan_jabatan(asal, j, lama, baru))
    hasil += [PerubahanJabatan("hapus", (j,), None) for j in lama.jabatan if j.slug not in dilanjutkan]
    return PerbandinganKeputusan(lama, baru, tuple(hasil))


def bandingkan_arsip(arsip: Arsip, k: Keputusan) -> PerbandinganKeputusan | None:
    """The comparison of a decree with its predecessor in the archive, if it has one."""
    sebelum = arsip.pendahulu(k)
    return bandingkan_keputusan(sebelum[0], k) if sebelum else None


def bandingkan_jabatan(lama: Sequence[Jabatan], baru: Jabatan | None, k_lama: Keputusan | None = None,
                       k_baru: Keputusan | None = None) -> PerubahanJabatan:
    """Compare a jabatan with the one(s) it continues. `k_lama`/`k_baru` give names of units and
    atasan (file names are told when they are not given)."""
    if baru is None:
        return PerubahanJabatan("hapus", tuple(lama), None)
    if not lama:
        return PerubahanJabatan("tambah", (), baru)
    identitas: list[PerubahanNilai] = []
    pertama = lama[0]
    if len(lama) == 1:
        for kolom, lama_nilai, baru_nilai in (
            ("nama", pertama.nama, baru.nama),
            ("unit", _nama_unit(k_lama, pertama.unit), _nama_unit(k_baru, baru.unit)),
            ("atasan", _nama_atasan(k_lama, pertama.atasan), _nama_atasan(k_baru, baru.atasan)),
            ("jenis", pertama.jenis, baru.jenis),
            ("eselon", pertama.eselon or "—", baru.eselon or "—"),
        ):
            if lama_nilai != baru_nilai:
                identitas.append(PerubahanNilai(kolom, lama_nilai, baru_nilai))
    iki_lama = [b for j in lama for b in j.iki]
    tugas_lama = [t for j in lama for t in j.tugas]
    baris = tuple(bandingkan_iki(iki_lama, baru.iki))
    tugas = tuple(bandingkan_tugas(tugas_lama, baru.tugas))
    berubah = identitas or baris or tugas or any(j.slug != baru.slug for j in lama)
    return PerubahanJabatan("ubah" if berubah else "tetap", tuple(lama), baru, tuple(identitas), baris, tugas)


def _nama_unit(k: Keputusan | None, kode: str) -> str:
    if k is None:
        return kode
    try:
        return k.cari_unit(kode).nama
    except KeyError:
        return kode


def _nama_atasan(k: Keputusan | None, slug: str | None) -> str:
    if slug is None:
        return "—"
    j = k.cari_jabatan_opsional(slug) if k is not None else None
    return j.nama if j is not None else slug


def bandingkan_iki(lama: Sequence[BarisIKI], baru: Sequence[BarisIKI]) -> Iterable[PerubahanBaris]:
    kunci = lambda b: (b.sasaran, b.indikator)  # noqa: E731
    pencocok = difflib.SequenceMatcher(None, [kunci(b) for b in lama], [kunci(b) for b in baru], autojunk=False)
    for op, a1, a2, b1, b2 in pencocok.get_opcodes():
        pasangan = list(zip(range(a1, a2), range(b1, b2))) if op in ("equal", "replace") else []
        for i, j in pasangan:
            nilai = _beda_baris(lama[i], baru[j])
            if nilai:
                yield PerubahanBaris("ubah", lama[i], baru[j], i + 1, j + 1, nilai)
        for i in range(a1 + len(pasangan), a2):
            yield PerubahanBaris("hapus", lama[i], None, i + 1, None)
        for j in range(b1 + len(pasangan), b2):
            yield PerubahanBaris("tambah", None, baru[j], None, j + 1)


def _beda_baris(lama: BarisIKI, baru: BarisIKI) -> tuple[PerubahanNilai, ...]:
    return tuple(
        PerubahanNilai(kolom, _teks(getattr(lama, kolom)), _teks(getattr(baru, kolom)))
        for kolom in KOLOM_BARIS if getattr(lama, kolom) != getattr(baru, kolom)
    )


def _teks(nilai: object) -> str:
    return "—" if nilai in (None, "") else str(nilai)


def _datar(tugas: Sequence[Tugas]) -> list[Tugas]:
    """Tugas with their sub-items, in reading order."""
    return [x for t in tugas for x in (t, *_datar(t.sub))]


def bandingkan_tugas(lama: Sequence[Tugas], baru: Sequence[Tugas]) -> Iterable[PerubahanTugas]:
    a, b = _datar(lama), _datar(baru)
    pencocok = difflib.SequenceMatcher(None, [t.teks for t in a], [t.teks for t in b], autojunk=False)
    for op, a1, a2, b1, b2 in pencocok.get_opcodes():
        if op == "equal":
            continue
        pasangan = []
        if op == "replace":
            # Pair reworded tugas only where enough words stay: otherwise one was removed, another added.
            pasangan = [(i, j) for i, j in zip(range(a1, a2), range(b1, b2)) if _mirip(a[i].teks, b[j].teks)]
        dipakai_a, dipakai_b = {i for i, _ in pasangan}, {j for _, j in pasangan}
        for i, j in pasangan:
            yield PerubahanTugas("ubah", a[i].label, b[j].label, a[i].teks, b[j].teks, potong_kata(a[i].teks, b[j].teks))
        for i in range(a1, a2):
            if i not in dipakai_a:
                yield PerubahanTugas("hapus", a[i].label, None, a[i].teks, None)
        for j in range(b1, b2):
            if j not in dipakai_b:
                yield PerubahanTugas("tambah", None, b[j].label, None, b[j].teks)


def _mirip(lama: str, baru: str) -> bool:
    return difflib.SequenceMatcher(None, lama.split(), baru.split(), autojunk=False).ratio() >= 0.5


def potong_kata(lama: str, baru: str) -> tuple[Potongan, ...]:
    """A word diff: the words kept, removed and added, in reading order."""
    a, b = lama.split(" "), baru.split(" ")
    hasil: list[Potongan] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            hasil.append(Potongan(" ".join(a[a1:a2]), "sama"))
            continue
        if a2 > a1:
            hasil.append(Potongan(" ".join(a[a1:a2]), "hapus"))
        if b2 > b1:
            hasil.append(Potongan(" ".join(b[b1:b2]), "tambah"))
    return tuple(hasil)


NAMA_IDENTITAS = {"nama": "Nama jabatan", "unit": "Unit kerja", "atasan": "Atasan", "jenis": "Jenis jabatan",
                  "eselon": "Eselon"}


def kalimat_jabatan(p: PerubahanJabatan) -> list[str]:
    """One sentence per change of a jabatan, in plain Indonesian (no YAML, no line diff)."""
    if p.jenis == "tambah":
        return [f"Jabatan baru, dengan {len(p.jabatan.iki)} baris IKI dan {len(_datar(p.jabatan.tugas))} butir tugas."]
    if p.jenis == "hapus":
        return ["Jabatan dihapus."]
    hasil = []
    if p.ganti_nama:
        asal = ", ".join(f"{j.nama} ({j.slug})" for j in p.lama)
        hasil.append(f"Melanjutkan jabatan {asal}.")
    for n in p.identitas:
        hasil.append(f"{NAMA_IDENTITAS[n.kolom]}: {n.lama} → {n.baru}.")
    for b in p.baris:
        hasil.append(kalimat_baris(b))
    for t in p.tugas:
        hasil.append(kalimat_tugas(t))
    return hasil


def kalimat_baris(b: PerubahanBaris) -> str:
    if b.jenis == "tambah":
        assert b.baru is not None
        return (f"Baris IKI ke-{b.posisi_baru} ditambahkan: sasaran \"{b.baru.sasaran}\", indikator "
                f"\"{b.baru.indikator}\", target {b.baru.target}.")
    if b.jenis == "hapus":
        assert b.lama is not None
        return (f"Baris IKI ke-{b.posisi_lama} dihapus: sasaran \"{b.lama.sasaran}\", indikator "
                f"\"{b.lama.indikator}\", target {b.lama.target}.")
    rincian = "; ".join(f"{NAMA_KOLOM_BARIS[n.kolom]} {n.lama} → {n.baru}" if n.kolom in ("target", "nomor")
                        else f"{NAMA_KOLOM_BARIS[n.kolom]} \"{n.lama}\" → \"{n.baru}\"" for n in b.nilai)
    assert b.baru is not None
    return f"Baris IKI ke-{b.posisi_baru} (\"{b.baru.indikator}\") diubah: {rincian}."


def kalimat_tugas(t: PerubahanTugas) -> str:
    if t.jenis == "tambah":
        return f"Tugas butir {t.label_baru} ditambahkan: \"{t.baru}\"."
    if t.jenis == "hapus":
        return f"Tugas butir {t.label_lama} dihapus: \"{t.lama}\"."
    return f"Tugas butir {t.label_baru} diubah: \"{t.lama}\" → \"{t.baru}\"."
