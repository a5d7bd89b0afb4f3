"""The typed model: decrees (Keputusan) with their identity, units and jabatan, and the
archive (Arsip) of every decree the site holds, with how they follow one another.

Everything the site shows, exports or checks is read from these classes.
They know nothing about MkDocs: the loader builds them from files, the
renderers and exporters only read them.
"""

from __future__ import annotations

import datetime
import re
from functools import cached_property
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, computed_field, model_validator

from .organisasi import Kepegawaian, Tujuan

Teks = Annotated[str, StringConstraints(min_length=1)]
"""Non-empty text, kept exactly as written (no stripping, no case change)."""

POLA_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=POLA_SLUG)]
POLA_ALAMAT_WEB = r"^https?://[^\s\"'<>]+$"
"""A web address, nothing else (not javascript:, not a path): it becomes a link."""
"""Lower-case letters, digits and hyphens: file names of jabatan, codes of units."""


def _tanggal_iso(nilai: object) -> object:
    """JSON has no date type: accept the ISO text (YYYY-MM-DD) this model writes itself, so
    that a JSON export validates back into the same model. Anything else is left to the
    strict check, which reports it as not a date."""
    if isinstance(nilai, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", nilai):
        try:
            return datetime.date.fromisoformat(nilai)
        except ValueError:
            return nilai
    return nilai


Tanggal = Annotated[datetime.date, BeforeValidator(_tanggal_iso)]

JenisJabatan = Literal["struktural", "fungsional", "pelaksana"]
Eselon = Literal["II", "III", "IV"]
JenisUnit = Literal["pimpinan", "sekretariat", "bidang", "uptd"]
KolomTurunan = Literal["nama", "unit", "jenis", "eselon", "atasan", "tugas"]


class _Model(BaseModel):
    # strict: a YAML number where text is expected is an error, not a silent cast.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    # What to do about a value the model's own checks refuse (iki.loader.pesan): the decree's data
    # is copied from its text.
    SARAN_NILAI: ClassVar[str] = "Samakan dengan naskah Keputusan."


class Target(_Model):
    """A target as the decree writes it, and its parts where it has them."""

    teks: str
    nilai: int | float | None = None
    satuan: str | None = None

    @property
    def kualitatif(self) -> bool:
        return self.nilai is None


# "150 Koperasi", "80 Persen", "100%", "1.700 Unit" (dot = thousands), "2,5 Persen".
_ANGKA_SATUAN = re.compile(
    r"^(?P<nilai>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<desimal>\d+))?\s*(?P<satuan>%|[^\d\s%].*?)\s*$"
)


def urai_target(teks: str, kualitatif: frozenset[str] | set[str]) -> Target | None:
    """Parse a target; None when it is neither "number unit", a percentage,
    nor one of the declared qualitative values."""
    if teks.strip() in kualitatif:
        return Target(teks=teks)
    cocok = _ANGKA_SATUAN.match(teks.strip())
    if not cocok:
        return None
    bulat = int(cocok["nilai"].replace(".", ""))
    nilai: int | float = float(f"{bulat}.{cocok['desimal']}") if cocok["desimal"] else bulat
    return Target(teks=teks, nilai=nilai, satuan=cocok["satuan"])


class BarisIKI(_Model):
    """One row of a jabatan's IKI table."""

    nomor: int | None = Field(description="The NO cell as printed; null where the decree leaves it blank.")
    sasaran: Teks
    indikator: Teks
    target: Teks
    ket: str = ""
    mendukung: str | None = Field(
        default=None,
        description="The row this one supports: '<slug atasan>/<n>' (n = row position) or a Sasaran Strategis code.",
    )


class Tugas(_Model):
    """One duty; `label` is the number or letter as printed ("12", "dd", "a")."""

    label: str
    teks: Teks
    sub: list[Tugas] = Field(default_factory=list)


class Jabatan(_Model):
    """One jabatan of the Lampiran (or the Kepala Dinas at the root)."""

    slug: Slug
    nama: Teks
    urutan: int
    unit: str
    jenis: JenisJabatan
    eselon: Eselon | None = None
    atasan: str | None
    turunan: dict[KolomTurunan, Teks] = Field(default_factory=dict)
    tanpa_iki: Teks | None = None
    iki: list[BarisIKI] = Field(default_factory=list)
    catatan_editor: list[Teks] = Field(default_factory=list)
    tugas: list[Tugas]
    pendahulu: list[Slug] = Field(
        default_factory=list,
        description="File names (without .md) of the jabatan of the previous decree that this one continues "
                    "under another name or merges; empty when it continues the jabatan of its own file name.",
    )
    sumber: str = Field(description="Path of the source file, relative to the project root.")

    @property
    def di_lampiran(self) -> bool:
        """Whether the Lampiran prints this jabatan's IKI form: it does for every jabatan with an IKI
        table, never for one the decree gives none (the Kepala Dinas, or any other `tanpa_iki`)."""
        return bool(self.iki)


class Unit(_Model):
    kode: Slug
    nama: Teks
    jenis: JenisUnit
    kepala: str


class Penandatangan(_Model):
    jabatan: Teks
    nama: Teks
    pangkat: Teks
    nip: Teks


class Lisensi(_Model):
    nama: Teks
    # Only a web address: it becomes a link on the Unduh page and the licence's IRI in the catalogue.
    alamat: Annotated[str, StringConstraints(pattern=POLA_ALAMAT_WEB)] = Field(
        description="Address of the licence's text, e.g. https://creativecommons.org/licenses/by/4.0/")


class Keterbukaan(_Model):
    """What the Dinas (its PPID) decides about publishing the data; None = not decided yet, and the
    site says so (Unduh page, DCAT catalogue, Daftar Informasi Publik)."""

    lisensi: Lisensi | None = None
    retensi: Teks | None = Field(default=None, description="Jangka waktu penyimpanan atau retensi arsip (DIP).")


class IdentitasKeputusan(_Model):
    nomor: Teks | None = Field(default=None, description="As printed; empty only in a draft (rancangan).")
    tahun: int
    judul: Teks
    instansi: Teks
    kode_instansi: Slug = Field(description="Groups the decrees of one perangkat daerah (site code).")
    ditetapkan_di: Teks
    tanggal: Tanggal | None = Field(default=None, description="Date of signing; empty only in a draft.")
    penandatangan: Penandatangan
    target_kualitatif: list[Teks] = Field(default_factory=list)
    mengubah: Slug | None = Field(default=None, description="Id of the decree this one amends (Keputusan perubahan).")
    mengganti: Slug | None = Field(default=None, description="Id of the decree this one replaces (e.g. last year's).")
    alamat: str | None = Field(
        default=None, pattern=r"^/$|^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*/$",
        description="Where the decree's pages live on the site: '/' (the site root) or 'a/b/'; default '<id>/'. "
                    "Never changed once published.")
    nama_unduhan: Slug | None = Field(
        default=None, description="Start of its download file names; default 'iki-<id>'. Never changed once published.")
    rancangan: bool = Field(default=False, description="A draft: checked, not published unless asked for.")
    keterbukaan: Keterbukaan = Field(default_factory=Keterbukaan)

    @property
    def pendahulu(self) -> str | None:
        """The decree this one amends or replaces."""
        return self.mengubah or self.mengganti


class Keputusan(_Model):
    """The whole decree's structured data."""

    id: Slug = Field(description="The name of its folders data/<id>/ and jabatan/<id>/.")
    identitas: IdentitasKeputusan
    tujuan: list[Tujuan] = Field(description="Tujuan T.1 ... with their Sasaran Strategis and Indikator Kinerja.")
    pegawai: Kepegawaian
    unit: list[Unit]
    jabatan: list[Jabatan] = Field(description="In the decree's order (urutan).")

    @property
    def alamat(self) -> str:
        """Site path its pages start with: '' at the root, else 'a/b/'."""
        alamat = self.identitas.alamat or f"{self.id}/"
        return "" if alamat == "/" else alamat

    @property
    def nama_unduhan(self) -> str:
        return self.identitas.nama_unduhan or f"iki-{self.id}"

    @property
    def sebutan(self) -> str:
        """How a person names it: 'Keputusan Nomor 800/29.6/Sekere/2022 (IKI Tahun 2022)'."""
        nomor = f"Nomor {self.identitas.nomor}" if self.identitas.nomor else "(rancangan, belum bernomor)"
        return f"Keputusan {nomor} (IKI Tahun {self.identitas.tahun})"

    @property
    def jabatan_lampiran(self) -> list[Jabatan]:
        """The jabatan the Lampiran prints a form for (`Jabatan.di_lampiran`), in its order."""
        return [j for j in self.jabatan if j.di_lampiran]

    def cari_jabatan_opsional(self, slug: str) -> Jabatan | None:
        return self._jabatan_per_slug.get(slug)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def jumlah_baris_iki(self) -> int:
        return sum(len(j.iki) for j in self.jabatan)

    def cari_jabatan(self, slug: str) -> Jabatan:
        return self._jabatan_per_slug[slug]

    def cari_unit(self, kode: str) -> Unit:
        return self._unit_per_kode[kode]

    def jabatan_di_unit(self, kode: str) -> list[Jabatan]:
        return self._per_kolom["unit"].get(kode, [])

    def bawahan(self, slug: str) -> list[Jabatan]:
        return self._per_kolom["atasan"].get(slug, [])

    def target(self, baris: BarisIKI) -> Target:
        """The parsed target of a row (the loader guarantees it parses)."""
        hasil = urai_target(baris.target, set(self.identitas.target_kualitatif))
        assert hasil is not None, baris.target
        return hasil

    # Indexes, built once per (immutable) model.
    @cached_property
    def _jabatan_per_slug(self) -> dict[str, Jabatan]:
        return {j.slug: j for j in self.jabatan}

    @cached_property
    def _unit_per_kode(self) -> dict[str, Unit]:
        return {u.kode: u for u in self.unit}

    @cached_property
    def _per_kolom(self) -> dict[str, dict[str | None, list[Jabatan]]]:
        indeks: dict[str, dict[str | None, list[Jabatan]]] = {"unit": {}, "atasan": {}}
        for j in self.jabatan:
            indeks["unit"].setdefault(j.unit, []).append(j)
            indeks["atasan"].setdefault(j.atasan, []).append(j)
        return indeks


# -- data of the whole site, outside any decree: data/singkatan.yml and data/akar.yml (for the search) --

class Singkatan(_Model):
    """An abbreviation with its long form(s): as the decree writes them, or (`lazim`) an
    everyday one employees type that the decree itself does not use ("kabid")."""

    SARAN_NILAI: ClassVar[str] = "Lihat keterangan di awal berkas ini."

    singkatan: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*$")]
    kepanjangan: list[Teks] = Field(min_length=1)
    lazim: bool = False


Kata = Annotated[str, StringConstraints(pattern=r"^[a-z]+$")]


class AturanAkar(_Model):
    """One reviewed group of data/akar.yml, with the reason for it: words never stemmed,
    corrected roots (word -> root), or pairs of words that must never share a root."""

    SARAN_NILAI: ClassVar[str] = "Lihat keterangan di awal berkas ini."

    alasan: Teks
    tetap: list[Kata] = []
    akar: dict[Kata, Kata] = {}
    tidak_bertemu: list[Annotated[list[Kata], Field(min_length=2, max_length=2)]] = []

    @model_validator(mode="after")
    def _berisi(self) -> AturanAkar:
        if not (self.tetap or self.akar or self.tidak_bertemu):
            raise ValueError("Isi salah satu dari 'tetap', 'akar' atau 'tidak_bertemu'.")
        return self
