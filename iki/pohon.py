"""The performance tree (pohon kinerja) and the organisation chart, as pure functions over the model.

Each IKI row may name, in `mendukung`, the row it supports: a row of its
atasan's IKI (`<slug atasan>/<n>`, n = the row's position in that table), or,
when the atasan has no IKI table (the Kepala Dinas), a Sasaran Strategis of the
Dinas (`SS.<tujuan>.<n>`, codes of data/tujuan.yml). The loader checks every
link; the functions here trust them.

Nothing here knows about HTML or MkDocs: the renderers draw what these return.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import POLA_SLUG, BarisIKI, Jabatan, Keputusan, Unit
from .organisasi import SasaranStrategis, Tujuan, cari_sasaran, cari_tujuan, id_html

POLA_RUJUKAN_BARIS = re.compile(rf"^(?P<slug>{POLA_SLUG.strip('^$')})/(?P<posisi>[1-9][0-9]*)$")
POLA_KODE_SASARAN = re.compile(r"^SS\.[1-9][0-9]*\.[1-9][0-9]*$")


@dataclass(frozen=True)
class RujukanBaris:
    """A `mendukung` value naming a row of the atasan's IKI table: 'kabid-ukm/2'."""

    slug: str
    posisi: int  # 1-based, from the top of the table


@dataclass(frozen=True)
class RujukanSasaran:
    """A `mendukung` value naming a Sasaran Strategis: 'SS.2.1'."""

    kode: str


Rujukan = RujukanBaris | RujukanSasaran


def urai_mendukung(teks: str) -> Rujukan | None:
    """'kabid-ukm/2' -> row 2 of kabid-ukm; 'SS.2.1' -> that Sasaran Strategis; None if neither."""
    if cocok := POLA_RUJUKAN_BARIS.match(teks):
        return RujukanBaris(cocok["slug"], int(cocok["posisi"]))
    if POLA_KODE_SASARAN.match(teks):
        return RujukanSasaran(teks)
    return None


def kunci_baris(slug: str, posisi: int) -> str:
    """The key a `mendukung` value uses for a row: 'kabid-ukm/2'."""
    return f"{slug}/{posisi}"


def id_baris(slug: str, posisi: int) -> str:
    """HTML id of a row's node in the tree page."""
    return f"baris-{slug}-{posisi}"


def id_pohon(kode: str) -> str:
    """HTML id of a Tujuan's section or of a Sasaran Strategis's node in the tree page: 'pohon-ss-2-1'."""
    return f"pohon-{id_html(kode)}"


# Fixed ids of the tree page: the note on the editors' mapping, and the rows not mapped yet.
ID_PEMETAAN = "pemetaan"
ID_BELUM_TERPETAKAN = "belum-terpetakan"


def id_kaitan_baris(posisi: int) -> str:
    """HTML id of one row's links in a jabatan page's section "Keterkaitan kinerja": 'kaitan-2'."""
    return f"kaitan-{posisi}"


def id_kaitan_sasaran(kode: str) -> str:
    """HTML id of a Sasaran Strategis in the Kepala Dinas's section "Keterkaitan kinerja": 'kaitan-ss-2-1'."""
    return f"kaitan-{id_html(kode)}"


@dataclass(frozen=True)
class BarisJabatan:
    """One IKI row with the jabatan it belongs to and its position (1-based) in that jabatan's table."""

    jabatan: Jabatan
    posisi: int
    baris: BarisIKI

    @property
    def kunci(self) -> str:
        return kunci_baris(self.jabatan.slug, self.posisi)

    @property
    def id_html(self) -> str:
        return id_baris(self.jabatan.slug, self.posisi)


@dataclass(frozen=True)
class SimpulBaris:
    """A row in the tree, with the rows that support it."""

    isi: BarisJabatan
    anak: tuple[SimpulBaris, ...]

    @property
    def jumlah(self) -> int:
        """Rows in this subtree, itself included."""
        return 1 + sum(a.jumlah for a in self.anak)


@dataclass(frozen=True)
class SimpulSasaran:
    sasaran: SasaranStrategis
    anak: tuple[SimpulBaris, ...]

    @property
    def id_html(self) -> str:
        return id_pohon(self.sasaran.kode)

    @property
    def jumlah(self) -> int:
        return sum(a.jumlah for a in self.anak)


@dataclass(frozen=True)
class SimpulTujuan:
    tujuan: Tujuan
    sasaran: tuple[SimpulSasaran, ...]

    @property
    def id_html(self) -> str:
        return id_pohon(self.tujuan.kode)

    @property
    def jumlah(self) -> int:
        return sum(s.jumlah for s in self.sasaran)


@dataclass(frozen=True)
class PohonKinerja:
    tujuan: tuple[SimpulTujuan, ...]
    belum_terpetakan: tuple[SimpulBaris, ...]
    """Every row that names nothing, in the decree's order, with the rows that support it."""
    jumlah_baris: int
    jumlah_terpetakan: int

    @property
    def persen(self) -> int:
        """Coverage, rounded down (never shows 100 before every row is mapped)."""
        return 100 * self.jumlah_terpetakan // self.jumlah_baris if self.jumlah_baris else 100


def semua_baris(keputusan: Keputusan, jabatan: Iterable[Jabatan] | None = None) -> list[BarisJabatan]:
    """Every IKI row of the decree (or of the given jabatan), in the decree's order."""
    return [BarisJabatan(j, i, b) for j in (keputusan.jabatan if jabatan is None else jabatan)
            for i, b in enumerate(j.iki, start=1)]


def indeks_pendukung(keputusan: Keputusan, jabatan: Iterable[Jabatan] | None = None) -> dict[str, list[BarisJabatan]]:
    """For each row key ('slug/n') or Sasaran Strategis code: the rows (of every jabatan, or of the
    given ones) that name it, in the decree's order."""
    indeks: dict[str, list[BarisJabatan]] = {}
    for bj in semua_baris(keputusan, jabatan):
        if bj.baris.mendukung:
            indeks.setdefault(bj.baris.mendukung, []).append(bj)
    return indeks


def _simpul(bj: BarisJabatan, indeks: dict[str, list[BarisJabatan]], jalur: frozenset[str] = frozenset()) -> SimpulBaris:
    # `jalur` guards against a cycle the loader would have reported: never recurse forever.
    anak = tuple(_simpul(a, indeks, jalur | {bj.kunci}) for a in indeks.get(bj.kunci, []) if a.kunci not in jalur)
    return SimpulBaris(bj, anak)


def pohon_kinerja(keputusan: Keputusan) -> PohonKinerja:
    """Tujuan -> Sasaran Strategis -> the rows that support them -> ... down to the pelaksana;
    and every row not yet mapped, with whatever supports it."""
    indeks = indeks_pendukung(keputusan)
    semua = semua_baris(keputusan)
    return PohonKinerja(
        tujuan=tuple(
            SimpulTujuan(t, tuple(SimpulSasaran(ss, tuple(_simpul(b, indeks) for b in indeks.get(ss.kode, [])))
                                  for ss in t.sasaran_strategis))
            for t in keputusan.tujuan
        ),
        belum_terpetakan=tuple(_simpul(b, indeks) for b in semua if not b.baris.mendukung),
        jumlah_baris=len(semua),
        jumlah_terpetakan=sum(1 for b in semua if b.baris.mendukung),
    )


def simpul_sasaran(keputusan: Keputusan, kode: str) -> SimpulSasaran:
    """One Sasaran Strategis of the tree, with the rows that support it."""
    return next(ss for t in pohon_kinerja(keputusan).tujuan for ss in t.sasaran if ss.sasaran.kode == kode)


@dataclass(frozen=True)
class KaitanBaris:
    """What one row of a jabatan supports and what supports it, for the jabatan page."""

    isi: BarisJabatan
    mendukung_baris: BarisJabatan | None
    mendukung_sasaran: tuple[Tujuan, SasaranStrategis] | None
    didukung_oleh: tuple[BarisJabatan, ...]

    @property
    def id_html(self) -> str:
        return id_kaitan_baris(self.isi.posisi)


def kaitan_jabatan(keputusan: Keputusan, slug: str) -> list[KaitanBaris]:
    jabatan = keputusan.cari_jabatan(slug)
    # Only a bawahan's row may name a row of this jabatan (the loader checks it): looking there, not in
    # every row of the decree, keeps one page's cost independent of the number of jabatan.
    indeks = indeks_pendukung(keputusan, keputusan.bawahan(slug))
    hasil = []
    for posisi, baris in enumerate(jabatan.iki, start=1):
        bj = BarisJabatan(jabatan, posisi, baris)
        induk_baris = induk_sasaran = None
        rujukan = urai_mendukung(baris.mendukung) if baris.mendukung else None
        if isinstance(rujukan, RujukanBaris):
            induk = keputusan.cari_jabatan(rujukan.slug)
            induk_baris = BarisJabatan(induk, rujukan.posisi, induk.iki[rujukan.posisi - 1])
        elif isinstance(rujukan, RujukanSasaran):
            ss = cari_sasaran(keputusan.tujuan, rujukan.kode)  # the loader checked it exists
            induk_sasaran = cari_tujuan(keputusan.tujuan, ss.kode_tujuan), ss
        hasil.append(KaitanBaris(bj, induk_baris, induk_sasaran, tuple(indeks.get(bj.kunci, []))))
    return hasil


def pendukung_sasaran(keputusan: Keputusan) -> list[tuple[Tujuan, SasaranStrategis, list[BarisJabatan]]]:
    """(Tujuan, Sasaran Strategis, rows naming it) for every Sasaran Strategis: the Kepala Dinas's view."""
    indeks = indeks_pendukung(keputusan)
    return [(t, ss, indeks.get(ss.kode, [])) for t in keputusan.tujuan for ss in t.sasaran_strategis]


# -- organisation chart -------------------------------------------------------

@dataclass(frozen=True)
class SimpulBagan:
    """A jabatan in the chart, the unit it heads (if any) and its direct subordinates."""

    jabatan: Jabatan
    memimpin: Unit | None
    bawahan: tuple[SimpulBagan, ...]

    @property
    def jumlah(self) -> int:
        return 1 + sum(b.jumlah for b in self.bawahan)


def bagan(keputusan: Keputusan, akar: str | None = None) -> list[SimpulBagan]:
    """The chart from the atasan links: the root(s) (no atasan), or the subtree under `akar`."""
    kepala = {u.kepala: u for u in keputusan.unit}

    def simpul(j: Jabatan, jalur: frozenset[str]) -> SimpulBagan:
        return SimpulBagan(j, kepala.get(j.slug), tuple(
            simpul(b, jalur | {j.slug}) for b in keputusan.bawahan(j.slug) if b.slug not in jalur))

    if akar is not None:
        return [simpul(keputusan.cari_jabatan(akar), frozenset())]
    return [simpul(j, frozenset()) for j in keputusan.jabatan if j.atasan is None]


def baris_bagan(akar: SimpulBagan, keputusan: Keputusan) -> list[list[SimpulBagan]]:
    """The root's subordinates in the rows the chart draws them: first the Sekretariat and the
    Bidang (and anything else), then the UPTD, each in unit order."""
    jenis = {u.kode: u.jenis for u in keputusan.unit}
    atas = [b for b in akar.bawahan if jenis.get(b.jabatan.unit) != "uptd"]
    bawah = [b for b in akar.bawahan if jenis.get(b.jabatan.unit) == "uptd"]
    return [r for r in (atas, bawah) if r]
