"""Renderers: HTML (and Markdown wrapping HTML) from the model, via Jinja templates in files.

Every value interpolated into an HTML or Markdown template is HTML-escaped (autoescape). The
JavaScript and CSS templates have an environment of their own that escapes nothing and prints
only JSON (`json_aman`). The renderers only read the model; where a page links to another page
they ask a `Tautan` for the address, so the same templates serve any site layout.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import pohon
from .kolom import BELUM_DITETAPKAN, KOLOM, KOLOM_DIP, KOLOM_E_KINERJA
from .model import Jabatan, Keputusan
from .organisasi import ID_TABEL_TUJUAN
from .perbandingan import NAMA_IDENTITAS, PerbandinganKeputusan, PerubahanJabatan
from .riwayat import Perubahan
from .tampilan import id_iki, sel_iki, tanggal_indonesia

if TYPE_CHECKING:
    from .ekspor import DaftarUnduhan

# The functions that show downloads import iki.ekspor when called, not here: the checker
# (`python -m iki periksa`) reaches this module through iki.pencarian and has no use for the export
# writers (XlsxWriter). iki.ekspor never imports this module, so this is no import cycle.

NAMA_JENIS = {"struktural": "Struktural", "fungsional": "Fungsional", "pelaksana": "Pelaksana"}
NAMA_PERUBAHAN = {"tambah": "Ditambahkan", "hapus": "Dihapus", "ubah": "Diubah"}
NAMA_KOLOM_TURUNAN = {"nama": "Nama", "unit": "Unit kerja", "jenis": "Jenis jabatan", "eselon": "Eselon",
                      "atasan": "Atasan", "tugas": "Tugas"}
NAMA_JENIS_UNIT = {"pimpinan": "Pimpinan", "sekretariat": "Sekretariat", "bidang": "Bidang",
                   "uptd": "Unit Pelaksana Teknis Dinas (UPTD)"}
NAMA_JENIS_KOLOM = {"string": "teks", "integer": "bilangan", "number": "bilangan"}  # a download's column


def urutan_eselon(eselon: str | None) -> int:
    """Sort key of an eselon in the list of jabatan: II, III, IV, then none."""
    return {"II": 2, "III": 3, "IV": 4}.get(eselon or "", 9)


def ukuran_berkas(jumlah_byte: int) -> str:
    """850 byte, 34,5 KB, 1,2 MB (decimal comma)."""
    if jumlah_byte < 1000:
        return f"{jumlah_byte} byte"
    nilai, satuan = (jumlah_byte / 1000, "KB") if jumlah_byte < 1_000_000 else (jumlah_byte / 1_000_000, "MB")
    return f"{nilai:.1f} {satuan}".replace(".", ",")


HALAMAN_DAFTAR_UNIT = "unit/"
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


def _relatif(tujuan: str, asal: str) -> str:
    """posixpath.relpath(tujuan, asal) for two paths from the site root that stay inside it, without
    asking for the working folder, which relpath does twice per call (at 2,000 jabatan about a
    second of a build: pages hold some 30 links each)."""
    t, a = posixpath.normpath(tujuan), posixpath.normpath(asal)
    if not tujuan or t.startswith(("/", "..")) or a.startswith(("/", "..")):
        return posixpath.relpath(tujuan, asal)
    bagian_t = [] if t == "." else t.split("/")
    bagian_a = [] if a == "." else a.split("/")
    sama = len(posixpath.commonprefix([bagian_t, bagian_a]))
    return "/".join([".."] * (len(bagian_a) - sama) + bagian_t[sama:]) or "."


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
        relatif = _relatif(tujuan, asal or ".")
        return relatif + "/" if tujuan.endswith("/") and not relatif.endswith("/") else relatif

    def di(self, alamat: AlamatKeputusan) -> Tautan:
        """The same page's links into another decree."""
        return Tautan(self.dari, alamat)

    def _keputusan(self, jalur: str) -> str:
        return self.ke(self.alamat.dasar + jalur)

    def _di(self, jalur: str, jangkar: str) -> str:
        """A page of the decree, optionally at an id: the id alone ('#x') when it is this page."""
        if jangkar and self.alamat.dasar + jalur == self.dari:
            return f"#{jangkar}"
        return self._keputusan(jalur) + (f"#{jangkar}" if jangkar else "")

    def beranda(self) -> str:
        """The decree's home: the site's for the decree at the root, its own page for any other."""
        return self.ke(self.alamat.dasar or "./")

    def beranda_keputusan(self) -> str:
        """The page telling the decree itself: its text at the root, its home page elsewhere."""
        return self._keputusan("") if self.alamat.dasar else self.ke("keputusan/")

    def jabatan(self, slug: str) -> str:
        return self._keputusan(f"jabatan/{slug}/")

    def daftar_unit(self) -> str:
        return self._keputusan(HALAMAN_DAFTAR_UNIT)

    def turunan(self, slug: str, kolom: str) -> str:
        """The editor's reason for a derived value of a jabatan, on its page."""
        return self._di(f"jabatan/{slug}/", id_turunan(kolom))

    def unit(self, kode: str) -> str:
        return self._keputusan(f"{HALAMAN_DAFTAR_UNIT}{kode}/")

    def baris(self, slug: str, posisi: int) -> str:
        """One IKI row on its jabatan's page."""
        return f"{self.jabatan(slug)}#{id_iki(posisi)}"

    def pohon(self, jangkar: str = "") -> str:
        """The performance tree page, optionally at one node."""
        return self._di(HALAMAN_POHON, jangkar)

    def sasaran_di_pohon(self, kode: str) -> str:
        """A Sasaran Strategis (or a Tujuan) with the rows that support it, in the performance tree."""
        return self.pohon(pohon.id_pohon(kode))

    def pemetaan(self) -> str:
        """The tree page's note on how the editors mapped the rows."""
        return self.pohon(pohon.ID_PEMETAAN)

    def belum_terpetakan(self) -> str:
        """The tree page's list of rows not mapped yet."""
        return self.pohon(pohon.ID_BELUM_TERPETAKAN)

    def bagan(self) -> str:
        return self._keputusan(HALAMAN_BAGAN)

    def daftar_jabatan(self) -> str:
        return self._keputusan(HALAMAN_DAFTAR_JABATAN)

    def tujuan(self, id_html: str = "") -> str:
        """The Tujuan and Sasaran Strategis tables, optionally at one row."""
        return self._di(self.alamat.tujuan, id_html)

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

    @property
    def sebutan_pendahulu(self) -> str:
        """How the decree's page names the one before it: 'Mengubah', 'Mengganti' or 'Sebelumnya'."""
        i = self.keputusan.identitas
        return "Mengubah" if i.mengubah else "Mengganti" if i.mengganti else "Sebelumnya"

    @property
    def judul_penerus(self) -> str:
        """The title of the banner on a decree that a newer one amends, replaces or follows."""
        return {"mengubah": "Keputusan ini telah diubah", "mengganti": "Keputusan ini telah diganti"}.get(
            self.hubungan_penerus or "", "Keputusan ini bukan yang terbaru")

    @property
    def kalimat_penerus(self) -> str:
        """The banner's sentence, before the newer decree's name."""
        return {"mengubah": "Keputusan ini telah diubah oleh", "mengganti": "Keputusan ini telah diganti oleh"}.get(
            self.hubungan_penerus or "", "Untuk tahun berikutnya telah ditetapkan")

    @property
    def keadaan_singkat(self) -> str:
        """Its status on its own home page: 'Berlaku', 'Tidak berlaku lagi', or a draft's."""
        if self.keputusan.identitas.rancangan:
            return "Rancangan, belum ditetapkan"
        return "Berlaku" if self.berlaku else "Tidak berlaku lagi"

    @property
    def keadaan(self) -> str:
        """Its status in the list of decrees: 'Berlaku', 'Diganti oleh IKI 2023', ..."""
        if self.keputusan.identitas.rancangan:
            return "Rancangan"
        if self.berlaku:
            return "Berlaku"
        return {"mengubah": f"Diubah oleh {self.label_penerus}", "mengganti": f"Diganti oleh {self.label_penerus}"}.get(
            self.hubungan_penerus or "", f"Tidak berlaku lagi ({self.label_penerus} telah ditetapkan)")


# -- ids of the HTML the templates write: each rule once, for the element and for the links to it --------
# (those of the performance tree are in iki.pohon, those of BAB II's tables in iki.organisasi)

def id_turunan(kolom: str) -> str:
    """The editor's reason for a derived value, on the jabatan's page: 'turunan-atasan'."""
    return f"turunan-{kolom}"


def id_instansi(kode_instansi: str) -> str:
    """An instansi's section in the list of decrees."""
    return f"instansi-{kode_instansi}"


def id_perubahan_jabatan(slug: str) -> str:
    """A changed jabatan on its decree's page of changes."""
    return f"perubahan-{slug}"


def id_judul_bagan(unit: str | None = None) -> str:
    """The caption of an organisation chart: 'iki-bagan-judul' for the one chart of a page (the Dinas's,
    or a unit's on its own page); 'iki-bagan-judul-<kode>' for a unit's chart on another page."""
    return "iki-bagan-judul" if unit is None else f"iki-bagan-judul-{unit}"


ID_URAIAN_BAGAN = "iki-bagan-uraian"  # the description of the Dinas's chart


def id_daftar_jabatan(unit: str | None = None) -> str:
    """The table of jabatan: 'daftar-jabatan' for every jabatan, 'daftar-jabatan-<kode>' for a unit's."""
    return "daftar-jabatan" if unit is None else f"daftar-jabatan-{unit}"


# Lines around raw HTML in a Markdown page: the site's Markdown stores what is between them as
# it is instead of parsing it again (iki.simpan_html). Escaped data can never contain "<!--".
AWAL_HTML = "<!-- iki: html -->"
AKHIR_HTML = "<!-- iki: /html -->"


def _lingkungan(**pilihan: Any) -> Environment:
    """A Jinja environment over iki/templates/: blocks trimmed, an undefined name an error, each
    template read from its file once until `siapkan_templat` (not checked against the file at each
    of the ~14,000 lookups of a 2,000-jabatan build), in a plain dictionary (the package has a
    few dozen templates: Jinja's locked LRU cache would never evict one)."""
    return Environment(loader=PackageLoader("iki", "templates"), trim_blocks=True, lstrip_blocks=True,
                       undefined=StrictUndefined, auto_reload=False, cache_size=-1, **pilihan)


_env = _lingkungan(autoescape=True)
_env.filters["tanggal"] = tanggal_indonesia
_env.filters["ukuran"] = ukuran_berkas
_env.globals.update(nama_identitas=NAMA_IDENTITAS, nama_perubahan=NAMA_PERUBAHAN)
_env.globals.update(nama_jenis=NAMA_JENIS, nama_kolom_turunan=NAMA_KOLOM_TURUNAN, nama_jenis_unit=NAMA_JENIS_UNIT,
                    nama_jenis_kolom=NAMA_JENIS_KOLOM, urutan_eselon=urutan_eselon, sel_iki=sel_iki,
                    awal_html=Markup(AWAL_HTML), akhir_html=Markup(AKHIR_HTML))
_env.globals.update(id_iki=id_iki, id_turunan=id_turunan, id_instansi=id_instansi,
                    id_perubahan_jabatan=id_perubahan_jabatan, id_kaitan_sasaran=pohon.id_kaitan_sasaran,
                    id_pemetaan=pohon.ID_PEMETAAN, id_belum_terpetakan=pohon.ID_BELUM_TERPETAKAN,
                    id_tabel_tujuan=ID_TABEL_TUJUAN)


class JSON(str):
    """Text written by `json_aman`: the only kind of value a script or stylesheet template prints."""


def json_aman(nilai: object) -> JSON:
    """A value as JSON for a JavaScript or CSS file: keys sorted, ASCII only (so U+2028, U+2029 and
    every non-ASCII letter are escapes), and < > & ' as \\u escapes, so that the text stays inert
    even inside an HTML <script> element or attribute (the same bytes as Jinja's own `tojson`)."""
    teks = json.dumps(nilai, ensure_ascii=True, sort_keys=True)
    for tanda in "<>&'":
        teks = teks.replace(tanda, f"\\u{ord(tanda):04x}")
    return JSON(teks)


def _hanya_json(nilai: object) -> JSON:
    if not isinstance(nilai, JSON):
        raise TypeError(f"A script or stylesheet template prints values only through `tojson`, not {nilai!r}.")
    return nilai


# JavaScript and CSS: nothing is HTML-escaped there (it would corrupt the code), so every value
# goes in as JSON, and a value printed any other way is an error.
_env_skrip = _lingkungan(autoescape=False, finalize=_hanya_json)
_env_skrip.filters["tojson"] = json_aman
TEMPLAT_SKRIP = (".js", ".css")


def render(nama_template: str, **konteks: object) -> str:
    """A template filled in: JavaScript and CSS (`TEMPLAT_SKRIP`) in their own environment, the rest in
    the HTML one."""
    env = _env_skrip if nama_template.endswith(TEMPLAT_SKRIP) else _env
    return env.get_template(nama_template).render(**konteks)


def templat_terkompilasi(folder: Path) -> jinja2.BytecodeCache:
    """Jinja's own cache of compiled templates, in the build cache: for the site engine's theme
    (MkDocs compiles it again on every build and every `mkdocs serve` rebuild otherwise) and for
    this package's templates (siapkan_templat). Jinja checks each entry against its template's
    source; the folder is per Jinja version."""
    (tempat := folder / f"jinja-{jinja2.__version__}").mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(tempat))


def siapkan_templat(folder: Path) -> None:
    """At the start of a build: every template is read again from its file (one edited while
    `mkdocs serve` runs is used from the next build on), and the compiled templates of both
    environments are kept in `folder` between runs (a build compiles about forty otherwise). Jinja
    checks each entry against its template's source; the entries of each environment lie apart,
    under a name that changes with its settings."""
    for nama, env in (("html", _env), ("skrip", _env_skrip)):
        assert env.cache is not None  # _lingkungan's
        env.cache.clear()
        setelan = (env.autoescape, env.trim_blocks, env.lstrip_blocks, env.undefined.__name__,
                   getattr(env.finalize, "__name__", None), sorted(env.filters), sorted(env.globals))
        sidik = hashlib.sha256(repr(setelan).encode("utf-8")).hexdigest()[:16]
        env.bytecode_cache = templat_terkompilasi(folder / f"iki-{nama}-{sidik}")


def blok_html(nama_template: str, **konteks: object) -> str:
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
        baris_iki=sel_iki(jabatan.iki),
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


def tabel_iki(keputusan: Keputusan, slug: str) -> str:
    """A jabatan's IKI table as its page shows it, for another page (row ids 'iki-<slug>-<n>')."""
    jabatan = keputusan.cari_jabatan(slug)
    return blok_html("tabel_iki.html", j=jabatan, baris_iki=sel_iki(jabatan.iki, slug))


def daftar_tugas(keputusan: Keputusan, slug: str, tautan: Tautan) -> str:
    """A jabatan's tugas as its page shows them, for another page: the list, and the note (linking to
    the reason on the jabatan's page) when the list is not the Lampiran's."""
    return blok_html("tugas.html", j=keputusan.cari_jabatan(slug), tautan=tautan)


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
                  daftar=daftar, bagan_unit=_dalam_unit(akar, kode), id_judul=id_judul_bagan(), tautan=tautan,
                  status=status)


def bagan_unit(keputusan: Keputusan, kode: str, tautan: Tautan) -> str:
    """A unit's chart as its page shows it, for another page."""
    unit = keputusan.cari_unit(kode)
    (akar,) = pohon.bagan(keputusan, unit.kepala)
    return blok_html("bagan_unit.html", unit=unit, bagan_unit=_dalam_unit(akar, kode), id_judul=id_judul_bagan(kode),
                     tautan=tautan)


def _dalam_unit(simpul: pohon.SimpulBagan, kode: str) -> pohon.SimpulBagan:
    return pohon.SimpulBagan(simpul.jabatan, simpul.memimpin, tuple(
        _dalam_unit(b, kode) for b in simpul.bawahan if b.jabatan.unit == kode))


def bagan_organisasi(keputusan: Keputusan, tautan: Tautan) -> str:
    """The organisation chart: nested lists of links, drawn as boxes and lines by CSS."""
    akar = pohon.bagan(keputusan)
    return render("bagan.html", k=keputusan, akar=akar, baris_bagan=pohon.baris_bagan,
                  uraian_unit=_uraian_unit(keputusan), tautan=tautan, id_judul=id_judul_bagan(),
                  id_uraian=ID_URAIAN_BAGAN)


_NAMA_JENIS_UNIT_JAMAK = {"sekretariat": "Sekretariat", "bidang": "Bidang", "uptd": "UPTD"}  # after a count: "4 Bidang"


def _uraian_unit(keputusan: Keputusan) -> str:
    """'1 Sekretariat, 4 Bidang dan 5 UPTD'."""
    jumlah = {j: sum(1 for u in keputusan.unit if u.jenis == j) for j in _NAMA_JENIS_UNIT_JAMAK}
    bagian = [f"{n} {_NAMA_JENIS_UNIT_JAMAK[j]}" for j, n in jumlah.items() if n]
    return " dan ".join([", ".join(bagian[:-1]), bagian[-1]]) if len(bagian) > 1 else "".join(bagian)


def pohon_kinerja(keputusan: Keputusan, tautan: Tautan) -> str:
    return render("pohon.md.j2", k=keputusan, p=pohon.pohon_kinerja(keputusan), tautan=tautan)


def sasaran_strategis(keputusan: Keputusan, kode: str, tautan: Tautan) -> str:
    """One Sasaran Strategis with the IKI rows that support it, as the performance tree shows it."""
    return blok_html("pohon_sasaran.html", ss=pohon.simpul_sasaran(keputusan, kode), tautan=tautan)


def daftar_jabatan(keputusan: Keputusan, tautan: Tautan, unit: str | None = None) -> str:
    """The table of every jabatan of the decree, or of one unit, in the Lampiran's order."""
    urutan_unit = {u.kode: i for i, u in enumerate(keputusan.unit)}
    if unit is None:
        daftar, judul = keputusan.jabatan, f"Seluruh jabatan {keputusan.identitas.instansi}"
    else:
        daftar, judul = keputusan.jabatan_di_unit(unit), f"Jabatan di {keputusan.cari_unit(unit).nama}"
    return render("daftar_jabatan.html", k=keputusan, daftar=daftar, urutan_unit=urutan_unit, tautan=tautan,
                  judul=f"{judul} ({len(daftar)} jabatan, urut Lampiran)", id_tabel=id_daftar_jabatan(unit))


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

def _halaman(nama: str, status: StatusKeputusan | None, tautan: Tautan, **konteks: object) -> str:
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


def halaman_unduh(k: Keputusan, unduhan: DaftarUnduhan | None, tautan: Tautan,
                  status: StatusKeputusan | None = None) -> str:
    """The "Unduh data" page; without `unduhan` (while the downloads are made), with a marker where
    each block that states their sizes and checksums goes, for `isi_halaman_unduh`."""
    from .ekspor import KATALOG

    blok = _blok_unduhan(k, unduhan, tautan) if unduhan is not None else _TEMPAT_UNDUHAN
    # Printed, not linked: the catalogue's address from the site's root, for a data portal to harvest.
    alamat_katalog = Tautan(alamat=tautan.alamat).unduhan(KATALOG.nama_berkas(k))
    return _halaman("unduh.md.j2", status, tautan, alamat_katalog=alamat_katalog,
                    kolom=tersimpan(kolom_tabel_iki(k)), kolom_e_kinerja=tersimpan(kolom_e_kinerja(k)),
                    keterbukaan=tersimpan(keterbukaan(k)), **{nama: tersimpan(html) for nama, html in blok.items()})


# The markers the "Unduh data" page's Markdown holds while the downloads are made: each is a raw
# HTML block of its own, which the site's Markdown passes through as it is, like the block it stands for.
_TEMPAT_UNDUHAN = {"daftar": "<!-- iki: daftar unduhan -->", "dip": "<!-- iki: daftar informasi publik -->"}


def _blok_unduhan(k: Keputusan, unduhan: DaftarUnduhan, tautan: Tautan) -> dict[str, str]:
    return {"daftar": daftar_unduhan(k, unduhan, tautan), "dip": daftar_informasi_publik(k, unduhan, tautan)}


def isi_halaman_unduh(html: str, k: Keputusan, unduhan: DaftarUnduhan, tautan: Tautan) -> str:
    """The HTML of an "Unduh data" page made without its downloads, with the blocks that state them in
    place of their markers: the same HTML as the page made with them."""
    for nama, blok in _blok_unduhan(k, unduhan, tautan).items():
        html = html.replace(_TEMPAT_UNDUHAN[nama], blok.strip(), 1)
    return html


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
