"""Renderers: HTML (and Markdown wrapping HTML) from the model, via Jinja templates in files.

Every value interpolated into a template is HTML-escaped (autoescape). The
renderers only read the model; where a page links to another page they ask a
`Tautan` for the address, so the same templates serve any site layout.
"""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import pohon
from .model import BarisIKI, Keputusan
from .riwayat import Perubahan

if TYPE_CHECKING:
    from .ekspor import DaftarUnduhan

NAMA_BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
              "Agustus", "September", "Oktober", "November", "Desember")
NAMA_JENIS = {"struktural": "Struktural", "fungsional": "Fungsional", "pelaksana": "Pelaksana"}
NAMA_KOLOM_TURUNAN = {"nama": "Nama", "unit": "Unit kerja", "jenis": "Jenis jabatan", "eselon": "Eselon",
                      "atasan": "Atasan", "tugas": "Tugas"}


def tanggal_indonesia(tanggal: datetime.date) -> str:
    """7 Januari 2022."""
    return f"{tanggal.day} {NAMA_BULAN[tanggal.month - 1]} {tanggal.year}"


def ukuran_berkas(jumlah_byte: int) -> str:
    """850 byte, 34,5 KB, 1,2 MB (decimal comma)."""
    if jumlah_byte < 1000:
        return f"{jumlah_byte} byte"
    nilai, satuan = (jumlah_byte / 1000, "KB") if jumlah_byte < 1_000_000 else (jumlah_byte / 1_000_000, "MB")
    return f"{nilai:.1f} {satuan}".replace(".", ",")


HALAMAN_BAGAN = "organisasi/bagan/"
HALAMAN_POHON = "organisasi/pohon-kinerja/"
HALAMAN_DAFTAR_JABATAN = "organisasi/daftar-jabatan/"


@dataclass(frozen=True)
class Tautan:
    """Addresses of the site's pages, relative to the page being rendered.

    The layout is the site's own: `jabatan/<slug>/`, `unit/<kode>/`.
    """

    dari: str = ""

    def ke(self, tujuan: str) -> str:
        asal = self.dari.rstrip("/") if self.dari.endswith("/") else posixpath.dirname(self.dari)
        relatif = posixpath.relpath(tujuan, asal or ".")
        return relatif + "/" if tujuan.endswith("/") and not relatif.endswith("/") else relatif

    def jabatan(self, slug: str) -> str:
        return self.ke(f"jabatan/{slug}/")

    def unit(self, kode: str) -> str:
        return self.ke(f"unit/{kode}/")

    def baris(self, slug: str, posisi: int) -> str:
        """One IKI row on its jabatan's page."""
        return f"{self.jabatan(slug)}#iki-{posisi}"

    def pohon(self, jangkar: str = "") -> str:
        """The performance tree page, optionally at one node."""
        return self.ke(HALAMAN_POHON) + (f"#{jangkar}" if jangkar else "")

    def bagan(self) -> str:
        return self.ke(HALAMAN_BAGAN)


@dataclass(frozen=True)
class SelIKI:
    """A row of the IKI table as drawn: NO and SASARAN cells merged over
    consecutive rows that share them, as the decree prints them."""

    posisi: int
    baris: BarisIKI
    rentang: int  # rows the NO/SASARAN cells span; 0 where covered by the row above


def sel_iki(iki: list[BarisIKI]) -> list[SelIKI]:
    sel: list[SelIKI] = []
    i = 0
    while i < len(iki):
        j = i + 1
        while j < len(iki) and (iki[j].nomor, iki[j].sasaran) == (iki[i].nomor, iki[i].sasaran):
            j += 1
        sel += [SelIKI(k + 1, iki[k], (j - i) if k == i else 0) for k in range(i, j)]
        i = j
    return sel


# Lines around raw HTML in a Markdown page: the site's Markdown stores what is between them as
# it is instead of parsing it again (iki.simpan_html). Escaped data can never contain "<!--".
AWAL_HTML = "<!-- iki: html -->"
AKHIR_HTML = "<!-- iki: /html -->"


_env = Environment(
    loader=PackageLoader("iki", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=StrictUndefined,
)
_env.filters["tanggal"] = tanggal_indonesia
_env.filters["ukuran"] = ukuran_berkas
_env.globals.update(nama_jenis=NAMA_JENIS, nama_kolom_turunan=NAMA_KOLOM_TURUNAN, sel_iki=sel_iki,
                    id_baris=pohon.id_baris, awal_html=Markup(AWAL_HTML), akhir_html=Markup(AKHIR_HTML))


def render(nama_template: str, **konteks) -> str:
    return _env.get_template(nama_template).render(**konteks)


def blok_html(nama_template: str, **konteks) -> str:
    """One raw HTML block for a Markdown page: blank lines would end the block early."""
    html = render(nama_template, **konteks)
    return "\n".join(b for b in html.splitlines() if b.strip()) + "\n"


def halaman_jabatan(keputusan: Keputusan, slug: str, tautan: Tautan, unduhan: DaftarUnduhan | None = None,
                    perubahan: Perubahan | None = None) -> str:
    from .ekspor import E_KINERJA_XLSX  # here: iki.ekspor renders its PDF through this module
    from .ekspor.e_kinerja import nama_lembar_jabatan

    jabatan = keputusan.cari_jabatan(slug)
    # For e-Kinerja: the jabatan's own files, and its sheet in the workbook of every jabatan.
    e_kinerja = unduhan.per_jabatan.get(slug, []) if unduhan else []
    buku = next((u for u in unduhan.berkas if u.ekspor is E_KINERJA_XLSX), None) if unduhan and jabatan.iki else None
    return render(
        "jabatan.md.j2",
        k=keputusan,
        j=jabatan,
        unit=keputusan.cari_unit(jabatan.unit),
        atasan=keputusan.cari_jabatan(jabatan.atasan) if jabatan.atasan else None,
        bawahan=keputusan.bawahan(slug),
        kaitan=pohon.kaitan_jabatan(keputusan, slug),
        pendukung_sasaran=pohon.pendukung_sasaran(keputusan) if not jabatan.iki and jabatan.atasan is None else [],
        tautan=tautan,
        unduhan=unduhan,
        e_kinerja=e_kinerja,
        buku_e_kinerja=buku,
        lembar_e_kinerja=nama_lembar_jabatan(jabatan),
        perubahan=perubahan,
    )


def tabel_tujuan(keputusan: Keputusan) -> str:
    """Tabel 1: the Tujuan (row ids t-1 ... t-6)."""
    return blok_html("tujuan.html", tujuan=keputusan.tujuan)


def tabel_sasaran_strategis(keputusan: Keputusan) -> str:
    """Tabel 2-7 with their connecting sentences (ids ss-1-1, ik-1-1-1, ...)."""
    return blok_html("sasaran_strategis.html", tujuan=keputusan.tujuan)


def tabel_pegawai(keputusan: Keputusan, kode: str) -> str:
    """One staff table of BAB II 2.5.1: status_jenis_kelamin, golongan_ruang, pendidikan, jabatan_eselon."""
    return blok_html("pegawai.html", tabel=keputusan.pegawai.tabel_dengan_kode(kode))


def halaman_unit(keputusan: Keputusan, kode: str, tautan: Tautan) -> str:
    unit = keputusan.cari_unit(kode)
    daftar = keputusan.jabatan_di_unit(kode)
    # The unit's own chart: its head and, below, every jabatan of the unit under its atasan.
    (akar,) = pohon.bagan(keputusan, unit.kepala)
    return render("unit.md.j2", k=keputusan, unit=unit, kepala=keputusan.cari_jabatan(unit.kepala),
                  daftar=daftar, bagan_unit=_dalam_unit(akar, kode), tautan=tautan)


def _dalam_unit(simpul: pohon.SimpulBagan, kode: str) -> pohon.SimpulBagan:
    return pohon.SimpulBagan(simpul.jabatan, simpul.memimpin, tuple(
        _dalam_unit(b, kode) for b in simpul.bawahan if b.jabatan.unit == kode))


def bagan_organisasi(keputusan: Keputusan, tautan: Tautan) -> str:
    """The organisation chart: nested lists of links, drawn as boxes and lines by CSS."""
    akar = pohon.bagan(keputusan)
    return render("bagan.html", k=keputusan, akar=akar, baris_bagan=pohon.baris_bagan,
                  uraian_unit=_uraian_unit(keputusan), tautan=tautan)


_NAMA_JENIS_UNIT = {"sekretariat": "Sekretariat", "bidang": "Bidang", "uptd": "UPTD"}


def _uraian_unit(keputusan: Keputusan) -> str:
    """'1 Sekretariat, 4 Bidang dan 5 UPTD'."""
    jumlah = {j: sum(1 for u in keputusan.unit if u.jenis == j) for j in _NAMA_JENIS_UNIT}
    bagian = [f"{n} {_NAMA_JENIS_UNIT[j]}" for j, n in jumlah.items() if n]
    return " dan ".join([", ".join(bagian[:-1]), bagian[-1]]) if len(bagian) > 1 else "".join(bagian)


def pohon_kinerja(keputusan: Keputusan, tautan: Tautan) -> str:
    return render("pohon.md.j2", k=keputusan, p=pohon.pohon_kinerja(keputusan), tautan=tautan)


def daftar_jabatan(keputusan: Keputusan, tautan: Tautan) -> str:
    urutan_unit = {u.kode: i for i, u in enumerate(keputusan.unit)}
    return render("daftar_jabatan.html", k=keputusan, urutan_unit=urutan_unit, tautan=tautan)


def ringkasan(keputusan: Keputusan) -> str:
    """Key figures of the decree, for the home page."""
    return blok_html("ringkasan.html", k=keputusan)


def daftar_unit(keputusan: Keputusan, tautan: Tautan) -> str:
    return blok_html("daftar_unit.html", k=keputusan, tautan=tautan)


def daftar_unduhan(keputusan: Keputusan, unduhan: DaftarUnduhan, tautan: Tautan) -> str:
    per_jabatan: dict = {}  # each export made per jabatan: its files
    for daftar in unduhan.per_jabatan.values():
        for u in daftar:
            per_jabatan.setdefault(u.ekspor, []).append(u)
    return blok_html("daftar_unduhan.html", k=keputusan, unduhan=unduhan, per_jabatan=per_jabatan.items(),
                     tautan=tautan)


def kolom_tabel_iki(keputusan: Keputusan) -> str:
    from .ekspor.baris import KOLOM  # here: iki.ekspor renders its PDF through this module

    return blok_html("kolom_tabel_iki.html", k=keputusan, kolom=KOLOM)


def kolom_e_kinerja(keputusan: Keputusan) -> str:
    from .ekspor.e_kinerja import KOLOM_E_KINERJA

    return blok_html("kolom_e_kinerja.html", k=keputusan, kolom=KOLOM_E_KINERJA)


def daftar_informasi_publik(keputusan: Keputusan, unduhan: DaftarUnduhan, tautan: Tautan) -> str:
    """The decree's DIP row, the same as in its CSV."""
    from .ekspor import DIP
    from .ekspor.dip import KOLOM_DIP, baris_dip

    return blok_html("daftar_informasi_publik.html", kolom=KOLOM_DIP, baris=baris_dip(keputusan, unduhan.berkas),
                     csv=DIP.nama_berkas(keputusan), tautan=tautan)


def keterbukaan(keputusan: Keputusan) -> str:
    """The licence (or that it is not decided yet) and the retention, as configured."""
    from .ekspor.dip import BELUM_DITETAPKAN

    return blok_html("keterbukaan.html", kt=keputusan.identitas.keterbukaan, belum=BELUM_DITETAPKAN)
