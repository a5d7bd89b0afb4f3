"""Renderers: HTML (and Markdown wrapping HTML) from the model, via Jinja templates in files.

Every value interpolated into a template is HTML-escaped (autoescape). The
renderers only read the model; where a page links to another page they ask a
`Tautan` for the address, so the same templates serve any site layout.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import pohon
from .kolom import BELUM_DITETAPKAN, KOLOM, KOLOM_DIP, KOLOM_E_KINERJA
from .model import Jabatan, Keputusan
from .perbandingan import NAMA_IDENTITAS, PerbandinganKeputusan, PerubahanJabatan
from .riwayat import Perubahan
from .tampilan import sel_iki, tanggal_indonesia

if TYPE_CHECKING:
    from .ekspor import DaftarUnduhan

# The functions that show downloads import iki.ekspor when called, not here: the checker
# (`python -m iki periksa`) reaches this module through iki.pencarian and has no use for the export
# writers (XlsxWriter). iki.ekspor never imports this module, so this is no import cycle.

NAMA_JENIS = {"struktural": "Struktural", "fungsional": "Fungsional", "pelaksana": "Pelaksana"}
NAMA_PERUBAHAN = {"tambah": "Ditambahkan", "hapus": "Dihapus", "ubah": "Diubah"}
NAMA_KOLOM_TURUNAN = {"nama": "Nama", "unit": "Unit kerja", "jenis": "Jenis jabatan", "eselon": "Eselon",
                      "atasan": "Atasan", "tugas": "Tugas"}


def ukuran_berkas(jumlah_byte: int) -> str:
    """850 byte, 34,5 KB, 1,2 MB (decimal comma)."""
    if jumlah_byte < 1000:
        return f"{jumlah_byte} byte"
    nilai, satuan = (jumlah_byte / 1000, "KB") if jumlah_byte < 1_000_000 else (jumlah_byte / 1_000_000, "MB")
    return f"{nilai:.1f} {satuan}".replace(".", ",")


HALAMAN_BAGAN = "organisasi/bagan/"
HALAMAN_POHON = "organisasi/pohon-kinerja/"
HALAMAN_DAFTAR_JABATAN = "organisasi/daftar-jabatan/"
HALAMAN_TUJUAN = "organisasi/tujuan/"
HALAMAN_NASKAH_TUJUAN = "keputusan/bab-2/"
HALAMAN_UNDUH = "unduh/"
HALAMAN_PERUBAHAN = "perubahan/"


@dataclass(frozen=True)
class AlamatKeputusan:
    """Where one decree's pages are: `dasar` ('' at the site root, else 'a/b/') and, under it,
    the page holding its Tujuan and Sasaran Strategis tables (BAB II of its text when the site
    has it, else the generated Tujuan page)."""

    dasar: str = ""
    tujuan: str = HALAMAN_NASKAH_TUJUAN


@dataclass(frozen=True)
class Tautan:
    """Addresses of the site's pages, relative to the page being rendered (`dari`).

    The layout is the site's own: under a decree's `dasar`, `jabatan/<slug>/`, `unit/<kode>/`,
    `organisasi/...`, `unduh/<berkas>`.
    """

    dari: str = ""
    alamat: AlamatKeputusan = AlamatKeputusan()

    def ke(self, tujuan: str) -> str:
        """A path from the site root, made relative to this page."""
        asal = self.dari.rstrip("/") if self.dari.endswith("/") else posixpath.dirname(self.dari)
        relatif = posixpath.relpath(tujuan, asal or ".")
        return relatif + "/" if tujuan.endswith("/") and not relatif.endswith("/") else relatif

    def di(self, alamat: AlamatKeputusan) -> Tautan:
        """The same page's links into another decree."""
        return Tautan(self.dari, alamat)

    def _keputusan(self, jalur: str) -> str:
        return self.ke(self.alamat.dasar + jalur)

    def beranda_keputusan(self) -> str:
        return self._keputusan("") if self.alamat.dasar else self.ke("keputusan/")

    def jabatan(self, slug: str) -> str:
        return self._keputusan(f"jabatan/{slug}/")

    def unit(self, kode: str) -> str:
        return self._keputusan(f"unit/{kode}/")

    def baris(self, slug: str, posisi: int) -> str:
        """One IKI row on its jabatan's page."""
        return f"{self.jabatan(slug)}#iki-{posisi}"

    def pohon(self, jangkar: str = "") -> str:
        """The performance tree page, optionally at one node."""
        return self._keputusan(HALAMAN_POHON) + (f"#{jangkar}" if jangkar else "")

    def bagan(self) -> str:
        return self._keputusan(HALAMAN_BAGAN)

    def tujuan(self, id_html: str = "") -> str:
        """The Tujuan and Sasaran Strategis tables, optionally at one row."""
        return self._keputusan(self.alamat.tujuan) + (f"#{id_html}" if id_html else "")

    def unduhan(self, nama: str = "") -> str:
        """One download, or the downloads page."""
        return self._keputusan(HALAMAN_UNDUH + nama)

    def perubahan(self) -> str:
        return self._keputusan(HALAMAN_PERUBAHAN)


@dataclass(frozen=True)
class StatusKeputusan:
    """A decree's place in the archive, as its pages tell it (computed by iki.halaman)."""

    keputusan: Keputusan
    alamat: AlamatKeputusan
    label: str
    banyak: bool  # the site holds more than one decree
    berlaku: bool
    penerus: Keputusan | None = None
    hubungan_penerus: str | None = None  # "mengubah", "mengganti", "berikutnya"
    alamat_penerus: AlamatKeputusan | None = None
    label_penerus: str | None = None
    pendahulu: Keputusan | None = None
    alamat_pendahulu: AlamatKeputusan | None = None
    label_pendahulu: str | None = None


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
_env.globals.update(nama_identitas=NAMA_IDENTITAS, nama_perubahan=NAMA_PERUBAHAN)
_env.globals.update(nama_jenis=NAMA_JENIS, nama_kolom_turunan=NAMA_KOLOM_TURUNAN, sel_iki=sel_iki,
                    id_baris=pohon.id_baris, awal_html=Markup(AWAL_HTML), akhir_html=Markup(AKHIR_HTML))


def render(nama_template: str, **konteks) -> str:
    return _env.get_template(nama_template).render(**konteks)


def blok_html(nama_template: str, **konteks) -> str:
    """One raw HTML block for a Markdown page: blank lines would end the block early."""
    html = render(nama_template, **konteks)
    return "\n".join(b for b in html.splitlines() if b.strip()) + "\n"


def tersimpan(html: str) -> Markup:
    """Raw HTML marked for a Markdown page, so that the site's Markdown stores it as it is
    instead of parsing it again (iki.simpan_html)."""
    return Markup(f"{AWAL_HTML}\n{html.strip()}\n{AKHIR_HTML}\n")


def halaman_jabatan(keputusan: Keputusan, slug: str, tautan: Tautan, unduhan: DaftarUnduhan | None = None,
                    riwayat: Perubahan | None = None, status: StatusKeputusan | None = None,
                    perubahan: PerubahanJabatan | None = None, jabatan_penerus: Jabatan | None = None) -> str:
    from .ekspor import E_KINERJA_XLSX
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
        riwayat=riwayat,
        status=status,
        perubahan=perubahan,
        jabatan_penerus=jabatan_penerus,
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


def halaman_unit(keputusan: Keputusan, kode: str, tautan: Tautan, status: StatusKeputusan | None = None) -> str:
    unit = keputusan.cari_unit(kode)
    daftar = keputusan.jabatan_di_unit(kode)
    # The unit's own chart: its head and, below, every jabatan of the unit under its atasan.
    (akar,) = pohon.bagan(keputusan, unit.kepala)
    return render("unit.md.j2", k=keputusan, unit=unit, kepala=keputusan.cari_jabatan(unit.kepala),
                  daftar=daftar, bagan_unit=_dalam_unit(akar, kode), tautan=tautan, status=status)


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
    from .ekspor import SHA256SUMS

    per_jabatan: dict = {}  # each export made per jabatan: its files
    for daftar in unduhan.per_jabatan.values():
        for u in daftar:
            per_jabatan.setdefault(u.ekspor, []).append(u)
    return blok_html("daftar_unduhan.html", k=keputusan, unduhan=unduhan, per_jabatan=per_jabatan.items(),
                     tautan=tautan, sha256sums=SHA256SUMS)


def kolom_tabel_iki(keputusan: Keputusan) -> str:
    return blok_html("kolom_tabel_iki.html", k=keputusan, kolom=KOLOM)


# -- whole generated pages (iki.halaman): fixed Markdown prose around stored HTML blocks ------------
# Editor text never stands in the prose: only inside the HTML blocks, escaped.

def _halaman(nama: str, status: StatusKeputusan | None, tautan: Tautan, **konteks) -> str:
    banner = blok_html("_status.html", status=status, tautan=tautan).strip() if status else ""
    return render(f"halaman/{nama}", banner=tersimpan(banner) if banner else "", tautan=tautan, **konteks)


def halaman_bagan(k: Keputusan, tautan: Tautan, status: StatusKeputusan | None = None) -> str:
    return _halaman("bagan.md.j2", status, tautan, isi=tersimpan(bagan_organisasi(k, tautan)))


def halaman_daftar_jabatan(k: Keputusan, tautan: Tautan, status: StatusKeputusan | None = None) -> str:
    return _halaman("daftar_jabatan.md.j2", status, tautan, isi=tersimpan(daftar_jabatan(k, tautan)))


def halaman_pohon_kinerja(k: Keputusan, tautan: Tautan, status: StatusKeputusan | None = None) -> str:
    return _halaman("pohon_kinerja.md.j2", status, tautan, isi=Markup(pohon_kinerja(k, tautan)))


def halaman_daftar_unit(k: Keputusan, tautan: Tautan, status: StatusKeputusan | None = None) -> str:
    return _halaman("daftar_unit.md.j2", status, tautan, isi=tersimpan(daftar_unit(k, tautan)))


def halaman_unduh(k: Keputusan, unduhan: DaftarUnduhan, tautan: Tautan,
                  status: StatusKeputusan | None = None) -> str:
    return _halaman("unduh.md.j2", status, tautan, daftar=tersimpan(daftar_unduhan(k, unduhan, tautan)),
                    kolom=tersimpan(kolom_tabel_iki(k)), kolom_e_kinerja=tersimpan(kolom_e_kinerja(k)),
                    dip=tersimpan(daftar_informasi_publik(k, unduhan, tautan)),
                    keterbukaan=tersimpan(keterbukaan(k)))


def halaman_tujuan(k: Keputusan, tautan: Tautan, status: StatusKeputusan | None = None) -> str:
    return _halaman("tujuan.md.j2", status, tautan, tujuan=tersimpan(tabel_tujuan(k)),
                    sasaran=tersimpan(tabel_sasaran_strategis(k)))


def halaman_beranda_keputusan(k: Keputusan, tautan: Tautan, status: StatusKeputusan,
                              perbandingan: PerbandinganKeputusan | None) -> str:
    return _halaman("keputusan.md.j2", status, tautan, isi=tersimpan(blok_html(
        "identitas_keputusan.html", k=k, status=status, tautan=tautan, perbandingan=perbandingan)),
        ringkasan=tersimpan(ringkasan(k)))


def halaman_perubahan(p: PerbandinganKeputusan, tautan: Tautan, status: StatusKeputusan,
                      unduhan: DaftarUnduhan) -> str:
    return _halaman("perubahan.md.j2", status, tautan,
                    jumlah=tersimpan(blok_html("perubahan_jumlah.html", p=p, status=status, tautan=tautan,
                                               unduhan=unduhan.kelompok("perubahan"))),
                    jabatan=tersimpan(blok_html("perubahan_keputusan.html", p=p, tautan=tautan, status=status)))


def halaman_daftar_keputusan(daftar: Sequence[StatusKeputusan], tautan: Tautan) -> str:
    per_instansi: dict[str, list[StatusKeputusan]] = {}
    for s in daftar:
        per_instansi.setdefault(s.keputusan.identitas.instansi, []).append(s)
    urut = {nama: sorted(isi, key=lambda s: (-s.keputusan.identitas.tahun, not s.berlaku))
            for nama, isi in sorted(per_instansi.items())}
    return render("halaman/daftar_keputusan.md.j2", isi=tersimpan(blok_html(
        "daftar_keputusan.html", per_instansi=urut, tautan=tautan)))


def kolom_e_kinerja(keputusan: Keputusan) -> str:
    return blok_html("kolom_e_kinerja.html", k=keputusan, kolom=KOLOM_E_KINERJA)


def daftar_informasi_publik(keputusan: Keputusan, unduhan: DaftarUnduhan, tautan: Tautan) -> str:
    """The decree's DIP row, the same as in its CSV."""
    from .ekspor import DIP
    from .ekspor.dip import baris_dip

    return blok_html("daftar_informasi_publik.html", kolom=KOLOM_DIP, baris=baris_dip(keputusan, unduhan.berkas),
                     csv=DIP.nama_berkas(keputusan), tautan=tautan)


def keterbukaan(keputusan: Keputusan) -> str:
    """The licence (or that it is not decided yet) and the retention, as configured."""
    return blok_html("keterbukaan.html", kt=keputusan.identitas.keterbukaan, belum=BELUM_DITETAPKAN)
