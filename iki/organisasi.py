"""The decree's organisation data: Tujuan/Sasaran/Indikator and staffing.

Models of two data files:

* ``data/<id>/tujuan.yml``  - Tables 1 to 7 of BAB II 2.3 (Tujuan, Sasaran
  Strategis, Indikator Kinerja);
* ``data/<id>/pegawai.yml`` - the four staffing tables of BAB II 2.5.1.

Both are read by the one loader (:mod:`iki.loader`) into
:class:`iki.model.Keputusan`; their errors are reported like those of a
jabatan file.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    model_validator,
)
from pydantic_core import PydanticCustomError

__all__ = [
    "IndikatorKinerja",
    "SasaranStrategis",
    "Tujuan",
    "DaftarTujuan",
    "KelompokKolom",
    "BarisPegawai",
    "BarisJumlah",
    "TabelPegawai",
    "Kepegawaian",
    "id_html",
    "id_tabel",
    "ID_TABEL_TUJUAN",
    "pecah_tebal",
    "cari_tujuan",
    "cari_sasaran",
    "cari_indikator",
]

_KONFIG = ConfigDict(extra="forbid", strict=True, frozen=True)


# ---------------------------------------------------------------------------
# General helpers


def id_html(kode: str) -> str:
    """A data code -> an HTML id: lower case, dots become hyphens.

    >>> id_html("SS.2.1")
    'ss-2-1'
    """
    return kode.lower().replace(".", "-")


def id_tabel(nomor: int) -> str:
    """HTML id of a numbered table of BAB II 2.3: Tabel 1 (Tujuan), Tabel 2-7 (one Tujuan's SS and IK).

    >>> id_tabel(3)
    'tabel-3'
    """
    return f"tabel-{nomor}"


ID_TABEL_TUJUAN = id_tabel(1)


def pecah_tebal(teks: str) -> list[tuple[str, bool]]:
    """Split a text marked with ``**...**`` into ``(text, bold)`` pieces.

    Empty pieces are dropped. The ``**`` marks must come in pairs.
    """
    bagian = teks.split("**")
    if len(bagian) % 2 == 0:
        raise ValueError("tanda ** tidak berpasangan")
    return [(isi, i % 2 == 1) for i, isi in enumerate(bagian) if isi]


def _teks_rapi(nilai: str) -> str:
    if not nilai.strip():
        raise ValueError("tidak boleh kosong")
    if nilai != nilai.strip():
        raise ValueError("tidak boleh diawali atau diakhiri spasi")
    if "\n" in nilai:
        raise ValueError("tidak boleh memuat pindah baris")
    return nilai


Teks = Annotated[str, AfterValidator(_teks_rapi)]


def _galat(jalur: str, pesan: str) -> PydanticCustomError:
    """A cross-check error; ``jalur`` is appended to the field's location."""
    return PydanticCustomError("iki_data", "{pesan}", {"pesan": pesan, "jalur": jalur})


# ---------------------------------------------------------------------------
# Tujuan, Sasaran Strategis, Indikator Kinerja (data/<id>/tujuan.yml)

_POLA_T = re.compile(r"T\.([1-9][0-9]*)")


class _Berkode(BaseModel):
    """Something the decree names, with the site's fixed code (T.1, SS.2.1, IK.2.1.1)."""

    model_config = _KONFIG

    kode: str
    teks: Teks

    @property
    def id_html(self) -> str:
        return id_html(self.kode)


_B = TypeVar("_B", bound=_Berkode)


class IndikatorKinerja(_Berkode):
    """One Indikator Kinerja of Tabel 2-7."""


class SasaranStrategis(_Berkode):
    """One Sasaran Strategis (SS) with its Indikator Kinerja."""

    indikator_kinerja: list[IndikatorKinerja] = Field(min_length=1)

    @property
    def kode_tujuan(self) -> str:
        """SS.<t>.<n> belongs to T.<t> (the Tujuan's check enforces the codes)."""
        return "T." + self.kode.split(".")[1]


class Tujuan(_Berkode):
    """One Tujuan of Tabel 1 and its SS/IK table (Tabel 2-7)."""

    tabel: int = Field(ge=2, le=7)
    judul_dalam_naskah: Teks
    judul_tabel: Teks
    pengantar: Teks
    sasaran_strategis: list[SasaranStrategis] = Field(min_length=1)

    @property
    def nomor(self) -> int:
        cocok = _POLA_T.fullmatch(self.kode)
        assert cocok is not None  # guaranteed by the model's check
        return int(cocok.group(1))

    @property
    def id_tabel(self) -> str:
        return id_tabel(self.tabel)

    @property
    def segmen_pengantar(self) -> list[tuple[str, bool]]:
        """The introductory sentence as ``(text, bold)`` pieces."""
        return pecah_tebal(self.pengantar)

    @property
    def pengantar_polos(self) -> str:
        """The introductory sentence without bold marks."""
        return self.pengantar.replace("**", "")

    @property
    def indikator_kinerja(self) -> list[IndikatorKinerja]:
        return [ik for ss in self.sasaran_strategis for ik in ss.indikator_kinerja]

    @model_validator(mode="after")
    def _periksa_kode(self) -> Tujuan:
        cocok = _POLA_T.fullmatch(self.kode)
        if cocok is None:
            raise _galat("kode", f"harus berbentuk 'T.<nomor>' (tertulis: {self.kode!r})")
        n = cocok.group(1)
        for i, ss in enumerate(self.sasaran_strategis):
            harus = f"SS.{n}.{i + 1}"
            if ss.kode != harus:
                raise _galat(
                    f"sasaran_strategis[{i}].kode",
                    f"harus {harus!r} menurut urutannya (tertulis: {ss.kode!r})",
                )
            for j, ik in enumerate(ss.indikator_kinerja):
                harus = f"IK.{n}.{i + 1}.{j + 1}"
                if ik.kode != harus:
                    raise _galat(
                        f"sasaran_strategis[{i}].indikator_kinerja[{j}].kode",
                        f"harus {harus!r} menurut urutannya (tertulis: {ik.kode!r})",
                    )
        try:
            segmen = pecah_tebal(self.pengantar)
        except ValueError as e:
            raise _galat("pengantar", str(e)) from None
        if not segmen or not segmen[0][1] or not segmen[0][0].startswith(self.judul_dalam_naskah):
            raise _galat(
                "pengantar",
                "harus diawali bagian tebal yang dimulai dengan judul_dalam_naskah "
                f"**{self.judul_dalam_naskah}",
            )
        return self


class DaftarTujuan(RootModel[list[Tujuan]]):
    """All of tujuan.yml: the Tujuan in the order of Tabel 1."""

    root: list[Tujuan] = Field(min_length=1)

    @model_validator(mode="before")
    @classmethod
    def _periksa_kode_tujuan(cls, data: Any) -> Any:
        # Checked before each Tujuan's content, so that a wrong Tujuan code is
        # reported as the Tujuan's code, not as the codes of its SS/IK.
        if isinstance(data, list):
            for i, t in enumerate(data):
                if isinstance(t, dict) and isinstance(t.get("kode"), str):
                    harus = f"T.{i + 1}"
                    if t["kode"] != harus:
                        raise _galat(
                            f"[{i}].kode",
                            f"harus {harus!r} menurut urutan Tabel 1 (tertulis: {t['kode']!r})",
                        )
        return data

    @model_validator(mode="after")
    def _periksa_urutan(self) -> DaftarTujuan:
        tabel_sebelumnya = 1
        for i, t in enumerate(self.root):
            harus = f"T.{i + 1}"
            if t.kode != harus:
                raise _galat(f"[{i}].kode", f"harus {harus!r} menurut urutan Tabel 1 (tertulis: {t.kode!r})")
            if t.tabel <= tabel_sebelumnya:
                raise _galat(
                    f"[{i}].tabel",
                    f"nomor tabel harus naik menurut urutan (tertulis: {t.tabel}, sebelumnya: {tabel_sebelumnya})",
                )
            tabel_sebelumnya = t.tabel
        return self


def _cari(daftar: list[_B], kode: str, jenis: str) -> _B:
    for butir in daftar:
        if butir.kode == kode:
            return butir
    raise KeyError(f"{jenis} dengan kode {kode!r} tidak ada")


def cari_tujuan(daftar: list[Tujuan], kode: str) -> Tujuan:
    """The Tujuan with code ``kode`` (e.g. ``"T.2"``)."""
    return _cari(daftar, kode, "Tujuan")


def cari_sasaran(daftar: list[Tujuan], kode: str) -> SasaranStrategis:
    """The Sasaran Strategis with code ``kode`` (e.g. ``"SS.2.1"``)."""
    return _cari([ss for t in daftar for ss in t.sasaran_strategis], kode, "Sasaran Strategis")


def cari_indikator(daftar: list[Tujuan], kode: str) -> IndikatorKinerja:
    """The Indikator Kinerja with code ``kode`` (e.g. ``"IK.1.1.2"``)."""
    return _cari([ik for t in daftar for ik in t.indikator_kinerja], kode, "Indikator Kinerja")


# ---------------------------------------------------------------------------
# Staffing (data/<id>/pegawai.yml)


class KelompokKolom(BaseModel):
    """A group of detail columns; ``judul`` is None when the group has no heading."""

    model_config = _KONFIG

    judul: Teks | None
    kolom: list[Teks] = Field(min_length=1)


class BarisPegawai(BaseModel):
    """One row of a staff status (PNS, CPNS, NON PNS)."""

    model_config = _KONFIG

    nomor: Teks
    status: Teks
    sel: list[int | None] | None = None
    teks_sel: Teks | None = None
    jumlah: int = Field(ge=0)
    catatan: Teks | None = None

    @model_validator(mode="after")
    def _sel_atau_teks(self) -> BarisPegawai:
        if (self.sel is None) == (self.teks_sel is None):
            raise _galat("sel", "isi tepat satu dari 'sel' (angka per kolom) atau 'teks_sel'")
        if self.sel is not None:
            for k, nilai in enumerate(self.sel):
                if nilai is not None and nilai < 0:
                    raise _galat(f"sel[{k}]", f"tidak boleh negatif (tertulis: {nilai})")
        return self

    @property
    def jumlah_rincian(self) -> int | None:
        """The sum of this row's cells ("-" counts as 0); None when a cell is text."""
        if self.sel is None:
            return None
        return sum(n for n in self.sel if n is not None)

    @property
    def sesuai(self) -> bool:
        """True when the details add up to the printed Jumlah (or cannot be added up)."""
        return self.jumlah_rincian is None or self.jumlah_rincian == self.jumlah


class BarisJumlah(BaseModel):
    """The "Jumlah" row under a table; only its total is printed."""

    model_config = _KONFIG

    label: Teks
    jumlah: int = Field(ge=0)


class TabelPegawai(BaseModel):
    """One staffing table (BAB II 2.5.1 letters a-d)."""

    model_config = _KONFIG

    kode: Annotated[str, Field(pattern=r"^[a-z][a-z_]*$")]
    huruf: Teks
    judul: Teks
    kolom_nomor: Teks
    kolom_status: Teks
    judul_kolom_data: Teks
    kelompok_kolom: list[KelompokKolom] = Field(min_length=1)
    kolom_jumlah: Teks
    baris: list[BarisPegawai] = Field(min_length=1)
    baris_jumlah: BarisJumlah
    catatan: Teks | None = None

    @model_validator(mode="after")
    def _periksa_lebar(self) -> TabelPegawai:
        n = self.jumlah_kolom
        for i, b in enumerate(self.baris):
            if b.sel is not None and len(b.sel) != n:
                raise _galat(
                    f"baris[{i}].sel",
                    f"berisi {len(b.sel)} nilai, padahal tabel ini mempunyai {n} kolom rincian",
                )
        status = [b.status for b in self.baris]
        for i, s in enumerate(status):
            if status.index(s) != i:
                raise _galat(f"baris[{i}].status", f"status {s!r} muncul dua kali")
        bertajuk = [k.judul is not None for k in self.kelompok_kolom]
        if any(bertajuk) and not all(bertajuk):
            raise _galat("kelompok_kolom", "judul kelompok harus diisi semua atau null semua")
        return self

    @property
    def id_html(self) -> str:
        return "tabel-pegawai-" + self.kode.replace("_", "-")

    @property
    def berkelompok(self) -> bool:
        """True when the detail columns have a group heading row (e.g. I, II, ...)."""
        return all(k.judul is not None for k in self.kelompok_kolom)

    @property
    def kolom_datar(self) -> list[str]:
        """The detail columns' names in order; with groups: ``"I a"``, ``"I b"``, ..."""
        hasil = []
        for k in self.kelompok_kolom:
            for nama in k.kolom:
                hasil.append(f"{k.judul} {nama}" if k.judul is not None else nama)
        return hasil

    @property
    def jumlah_kolom(self) -> int:
        return sum(len(k.kolom) for k in self.kelompok_kolom)

    def total_kolom(self) -> list[int]:
        """The sum of each detail column, over the rows holding numbers."""
        total = [0] * self.jumlah_kolom
        for b in self.baris:
            if b.sel is not None:
                for k, nilai in enumerate(b.sel):
                    total[k] += nilai or 0
        return total

    @property
    def total_jumlah_baris(self) -> int:
        """The sum of the Jumlah printed on each row."""
        return sum(b.jumlah for b in self.baris)

    @property
    def total_sesuai(self) -> bool:
        """True when the printed total equals the sum of the Jumlah column."""
        return self.total_jumlah_baris == self.baris_jumlah.jumlah

    @property
    def baris_tidak_sesuai(self) -> list[BarisPegawai]:
        """The rows whose details do not add up to their printed Jumlah."""
        return [b for b in self.baris if not b.sesuai]

    def baris_status(self, status: str) -> BarisPegawai:
        for b in self.baris:
            if b.status == status:
                return b
        raise KeyError(f"Tabel {self.kode!r} tidak mempunyai baris berstatus {status!r}")

    def nilai(self, status: str, kolom: str) -> int | None:
        """A cell's content; ``kolom`` is a name from :attr:`kolom_datar`."""
        b = self.baris_status(status)
        if b.sel is None:
            raise KeyError(f"Baris {status!r} pada tabel {self.kode!r} berisi teks, bukan angka")
        try:
            k = self.kolom_datar.index(kolom)
        except ValueError:
            raise KeyError(f"Tabel {self.kode!r} tidak mempunyai kolom {kolom!r}") from None
        return b.sel[k]


class Kepegawaian(BaseModel):
    """All of pegawai.yml."""

    model_config = _KONFIG

    jumlah_dalam_teks: int = Field(ge=0)
    tabel: list[TabelPegawai] = Field(min_length=1)

    @model_validator(mode="after")
    def _kode_unik(self) -> Kepegawaian:
        kode = [t.kode for t in self.tabel]
        for i, k in enumerate(kode):
            if kode.index(k) != i:
                raise _galat(f"tabel[{i}].kode", f"kode tabel {k!r} muncul dua kali")
        return self

    @property
    def kode_tabel(self) -> list[str]:
        return [t.kode for t in self.tabel]

    def tabel_dengan_kode(self, kode: str) -> TabelPegawai:
        for t in self.tabel:
            if t.kode == kode:
                return t
        raise KeyError(
            f"Tabel pegawai {kode!r} tidak ada; yang tersedia: {', '.join(self.kode_tabel)}"
        )
