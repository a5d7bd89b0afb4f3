"""Every page and download the site generates from the data, independent of any site engine.

`halaman_situs` lists the generated pages (their source path, title, metadata and a function that
renders their Markdown for a given address); `Situs.unduhan_semua` lists the downloads with their
bytes. The MkDocs plugin is one adapter over these; `python -m iki halaman <folder>` is another,
writing them into a folder.

Addresses: a decree's pages sit under its `alamat` (the site root for the real 2022 decree, as it
was first published; `<id>/` for every other one): `jabatan/<slug>/`, `unit/<kode>/`, `unit/`,
`organisasi/{bagan,daftar-jabatan,pohon-kinerja}/`, `unduh/` and its files, `perubahan/` when the
decree has a predecessor, its own home page (not for the root one, whose home is the site's), and
`organisasi/tujuan/` when the site has no BAB II text page for it. `daftar-keputusan/` lists
every decree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import ekspor, render
from .arsip import Arsip
from .ekspor.tembolok import Tembolok
from .loader import FOLDER_DATA
from .model import Jabatan, Keputusan
from .perbandingan import PerbandinganKeputusan, bandingkan_arsip
from .render import (
    HALAMAN_NASKAH_TUJUAN,
    HALAMAN_TUJUAN,
    AlamatKeputusan,
    StatusKeputusan,
    Tautan,
)
from .riwayat import Riwayat
from .serentak import ProsesLain


@dataclass(frozen=True)
class Halaman:
    """One generated page."""

    src_uri: str  # its source path as a site engine names it: "jabatan/kabid-ukm.md"
    judul: str
    buat: Callable[[str, str | None], str]  # (its address, its edit address) -> Markdown
    sumber: list[Path] = field(default_factory=list)  # data files it is made from
    meta: dict = field(default_factory=dict)  # front matter: hide, cetak, search
    penanda: bool = False  # a page of template HTML blocks between fixed headings (iki.simpan_html)
    sunting: str | None = None  # the data file an "edit" link opens, relative to the project root
    # (its address, its HTML) -> its HTML complete: for a page made while the downloads are
    # (Situs.mulai_unduhan), whose Markdown holds markers where it states their sizes and checksums.
    lengkapi: Callable[[str, str], str] | None = None


@dataclass
class Situs:
    """The archive as the site shows it: addresses, labels, downloads and comparisons of each decree."""

    arsip: Arsip
    docs_dir: Path
    riwayat: Riwayat
    daftar_ekspor: Sequence[ekspor.Ekspor] = ekspor.EKSPOR
    tembolok: Tembolok | None = None  # the build cache the downloads are taken from (ekspor.buka_tembolok)
    latar: Path | None = None  # under `mkdocs serve`: the served site, where downloads are finished in the background
    _alamat: dict[str, AlamatKeputusan] = field(default_factory=dict)
    _unduhan: dict[str, ekspor.DaftarUnduhan] = field(default_factory=dict)
    _rencana: dict[str, ekspor.DaftarUnduhan] = field(default_factory=dict)
    _proses: ProsesLain | None = None  # see mulai_unduhan
    # Work the build can do while it waits for the other process's downloads: called with a test
    # of whether they are still not made, it does some of its work while that holds.
    sambil_menunggu: Callable[[Callable[[], bool]], None] | None = None
    _perbandingan: dict[str, PerbandinganKeputusan | None] = field(default_factory=dict)

    @cached_property
    def utama(self) -> Keputusan | None:
        """The decree published at the site root, if any."""
        return next((k for k in self.arsip if k.alamat == ""), None)

    def alamat(self, k: Keputusan) -> AlamatKeputusan:
        """Asked for by every page: the folder is looked at once per decree."""
        if k.id not in self._alamat:
            naskah = self.docs_dir / k.alamat / HALAMAN_NASKAH_TUJUAN.rstrip("/")
            ada_naskah = naskah.with_suffix(".md").is_file() or (naskah / "index.md").is_file()
            self._alamat[k.id] = AlamatKeputusan(k.alamat, HALAMAN_NASKAH_TUJUAN if ada_naskah else HALAMAN_TUJUAN)
        return self._alamat[k.id]

    @cached_property
    def banyak(self) -> bool:
        return len(self.arsip.keputusan) > 1

    def label(self, k: Keputusan) -> str:
        """A short name that tells decrees apart: 'IKI 2023', 'IKI 2023 (perubahan)', with the
        instansi when the site holds several."""
        label = f"IKI {k.identitas.tahun}"
        if k.identitas.mengubah:
            label += " (perubahan)"
        if len(self.arsip.per_instansi) > 1:
            label += f" {k.identitas.kode_instansi.upper()}"
        return label

    def status(self, k: Keputusan) -> StatusKeputusan:
        penerus = self.arsip.penerus(k)
        pendahulu = self.arsip.pendahulu(k)
        return StatusKeputusan(
            keputusan=k,
            alamat=self.alamat(k),
            label=self.label(k),
            banyak=self.banyak,
            berlaku=self.arsip.berlaku(k),
            penerus=penerus[0] if penerus else None,
            hubungan_penerus=penerus[1] if penerus else None,
            alamat_penerus=self.alamat(penerus[0]) if penerus else None,
            label_penerus=self.label(penerus[0]) if penerus else None,
            pendahulu=pendahulu[0] if pendahulu else None,
            alamat_pendahulu=self.alamat(pendahulu[0]) if pendahulu else None,
            label_pendahulu=self.label(pendahulu[0]) if pendahulu else None,
        )

    def keputusan_di(self, src_uri: str) -> Keputusan:
        """The decree whose address holds a page (the longest address that is a prefix of it)."""
        cocok = [k for k in self.arsip if src_uri.startswith(k.alamat)]
        if not cocok:
            raise KeyError(f"Halaman {src_uri} tidak berada di alamat Keputusan mana pun.")
        return max(cocok, key=lambda k: len(k.alamat))

    def perbandingan(self, k: Keputusan) -> PerbandinganKeputusan | None:
        if k.id not in self._perbandingan:
            self._perbandingan[k.id] = bandingkan_arsip(self.arsip, k)
        return self._perbandingan[k.id]

    def mulai_unduhan(self, proses: ProsesLain) -> None:
        """Have another process (iki.serentak) make every decree's downloads into the build cache,
        while the pages are built. The pages that only link to downloads read `rencana_unduhan`;
        `unduhan` (for the "Unduh data" page, which states sizes and checksums, and for the download
        folder) waits for them."""
        if self.tembolok is not None and self._proses is None:
            proses.buat_unduhan([k.id for k in self.arsip], self.daftar_ekspor)
            self._proses = proses

    def unduhan(self, k: Keputusan) -> ekspor.DaftarUnduhan:
        """Every download of a decree, with its content (but under `mkdocs serve`, see ekspor.buat_unduhan)."""
        if k.id not in self._unduhan:
            if self._proses is not None:
                self._proses.tunggu_unduhan(self._sambil_menunggu)
            latar = self.latar / k.alamat / render.HALAMAN_UNDUH if self.latar else None
            self._unduhan[k.id] = ekspor.buat_unduhan(k, self.daftar_ekspor, self.tembolok, latar,
                                                      self.perbandingan(k))
        return self._unduhan[k.id]

    def _sambil_menunggu(self, belum: Callable[[], bool]) -> None:
        """While the other process makes the downloads: those it has not made yet, from the last
        back (it starts with the PDF), then the build's other work (sambil_menunggu)."""
        assert self.tembolok is not None
        assert self._proses is not None
        ekspor.isi_tembolok(list(self.arsip), self.daftar_ekspor, self.tembolok, belum, self._proses.klaim)
        if self.sambil_menunggu is not None:
            self.sambil_menunggu(belum)

    @property
    def menunda_unduhan(self) -> bool:
        """Whether another process makes the downloads (mulai_unduhan): the pages that state their
        sizes and checksums are completed once they are made (Halaman.lengkapi)."""
        return self._proses is not None

    def rencana_unduhan(self, k: Keputusan) -> ekspor.DaftarUnduhan:
        """A decree's downloads by name, for the pages that only link to them: without content
        while another process makes them (mulai_unduhan)."""
        if self._proses is None:
            return self.unduhan(k)
        if k.id not in self._rencana:
            self._rencana[k.id] = ekspor.rencana_unduhan(k, self.daftar_ekspor, self.perbandingan(k))
        return self._rencana[k.id]

    def nama_unduhan(self) -> Iterator[str]:
        """The site path of every file of every decree's download folder (SHA256SUMS included)."""
        for k in self.arsip:
            for u in self.rencana_unduhan(k):
                yield f"{k.alamat}{render.HALAMAN_UNDUH}{u.nama}"
            yield f"{k.alamat}{render.HALAMAN_UNDUH}{ekspor.SHA256SUMS}"

    def selesaikan_unduhan_di_latar(self) -> None:
        """Under `mkdocs serve`, once the pages are built: finish the downloads left without content."""
        for daftar in self._unduhan.values():
            daftar.selesaikan_di_latar()

    def unduhan_semua(self) -> Iterator[tuple[str, bytes]]:
        """Every file of every decree's download folder (SHA256SUMS included), by site path."""
        for k in self.arsip:
            for nama, isi in ekspor.berkas_unduh(self.unduhan(k)):
                yield f"{k.alamat}{render.HALAMAN_UNDUH}{nama}", isi

    def css_formulir(self) -> str:
        return render.render("formulir.css")

    def berkas_data(self, k: Keputusan) -> list[Path]:
        folder = self.docs_dir.parent / FOLDER_DATA / k.id
        return sorted(p for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []

    def tautan(self, k: Keputusan, url: str) -> Tautan:
        return Tautan(url, self.alamat(k))


def _sumber(situs: Situs, jabatan: Sequence[Jabatan]) -> list[Path]:
    return [situs.docs_dir.parent / j.sumber for j in jabatan]


def halaman_situs(situs: Situs) -> Iterator[Halaman]:
    """Every generated page of the site."""
    yield Halaman("daftar-keputusan.md", "Daftar Keputusan",
                  lambda url, _: render.halaman_daftar_keputusan(
                      [situs.status(k) for k in situs.arsip], Tautan(url)))
    for k in situs.arsip:
        yield from halaman_keputusan(situs, k)


def halaman_keputusan(situs: Situs, k: Keputusan) -> Iterator[Halaman]:
    """The pages of one decree."""
    d = k.alamat
    status = situs.status(k)
    data = situs.berkas_data(k)
    perbandingan = situs.perbandingan(k)
    boost = {"search": {"boost": 2}} if situs.banyak and status.berlaku else {}

    for j in k.jabatan:
        terkait = [j, *([k.cari_jabatan(j.atasan)] if j.atasan else []), *k.bawahan(j.slug),
                   *situs.arsip.jabatan_lama(k, j)]

        def buat_jabatan(url: str, sunting: str | None, j: Jabatan = j) -> str:
            return render.halaman_jabatan(
                k, j.slug, situs.tautan(k, url), situs.rencana_unduhan(k), situs.riwayat.perubahan(j.sumber, sunting),
                status=status, perubahan=perbandingan.untuk(j.slug) if perbandingan else None,
                jabatan_penerus=situs.arsip.jabatan_baru(k, j))

        yield Halaman(f"{d}jabatan/{j.slug}.md", j.nama, buat_jabatan, data + _sumber(situs, terkait),
                      dict(boost), penanda=True, sunting=j.sumber)
    def buat_unit(kode: str) -> Callable[[str, str | None], str]:
        return lambda url, _: render.halaman_unit(k, kode, situs.tautan(k, url), status)

    for u in k.unit:
        anggota = k.jabatan_di_unit(u.kode)
        terkait = anggota + [k.cari_jabatan(j.atasan) for j in anggota if j.atasan]
        yield Halaman(f"{d}unit/{u.kode}/index.md", u.nama, buat_unit(u.kode), data + _sumber(situs, terkait),
                      penanda=True)

    # Pages over the whole decree: `mkdocs serve --dirty` rebuilds them when its data/ files change;
    # after an edit of a jabatan file, the next full build brings them up to date.
    def organisasi(src: str, judul: str, fungsi: Callable[[render.Tautan], str], meta: dict | None = None,
                   lengkapi: Callable[[str, str], str] | None = None) -> Halaman:
        return Halaman(f"{d}{src}", judul, lambda url, _: fungsi(situs.tautan(k, url)), data,
                       meta or {}, lengkapi=lengkapi)

    yield organisasi("unit/index.md", "Unit Kerja", lambda t: render.halaman_daftar_unit(k, t, status))
    yield organisasi("organisasi/bagan.md", "Bagan Organisasi", lambda t: render.halaman_bagan(k, t, status),
                     {"hide": ["navigation", "toc"], "cetak": "lanskap"})
    yield organisasi("organisasi/daftar-jabatan.md", "Daftar Jabatan",
                     lambda t: render.halaman_daftar_jabatan(k, t, status))
    yield organisasi("organisasi/pohon-kinerja.md", "Pohon Kinerja",
                     lambda t: render.halaman_pohon_kinerja(k, t, status))
    yield organisasi("unduh.md", "Unduh data",
                     lambda t: render.halaman_unduh(k, None if situs.menunda_unduhan else situs.unduhan(k), t, status),
                     lengkapi=(lambda url, html: render.isi_halaman_unduh(html, k, situs.unduhan(k), situs.tautan(k, url)))
                     if situs.menunda_unduhan else None)
    if situs.alamat(k).tujuan == HALAMAN_TUJUAN:
        yield organisasi("organisasi/tujuan.md", "Tujuan dan Sasaran Strategis",
                         lambda t: render.halaman_tujuan(k, t, status))
    if d:
        yield organisasi("index.md", f"Keputusan {status.label}", lambda t: render.halaman_beranda_keputusan(
            k, t, status, perbandingan))
    if perbandingan is not None:
        lama = perbandingan.lama
        yield Halaman(f"{d}perubahan.md", "Perubahan",
                      lambda url, _: render.halaman_perubahan(perbandingan, situs.tautan(k, url), status,
                                                              situs.rencana_unduhan(k)),
                      data + situs.berkas_data(lama))


def alamat_halaman(src_uri: str) -> str:
    """The address of a page from its source path, with directory addresses:
    "jabatan/x.md" -> "jabatan/x/", "unit/index.md" -> "unit/", "index.md" -> ""."""
    jalur = src_uri.removesuffix(".md")
    if jalur == "index" or jalur.endswith("/index"):
        return jalur.removesuffix("index")
    return jalur + "/"


def tulis_situs(situs: Situs, folder: Path) -> int:
    """Write every generated page (Markdown with its HTML blocks) and every download into `folder`,
    under the paths a site engine would read them from; return how many files were written."""
    jumlah = 0
    for h in halaman_situs(situs):
        path = folder / h.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(h.buat(alamat_halaman(h.src_uri), None), encoding="utf-8")
        jumlah += 1
    for src_uri, isi in situs.unduhan_semua():
        path = folder / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi)
        jumlah += 1
    return jumlah
