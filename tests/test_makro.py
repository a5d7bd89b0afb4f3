"""Macros are the page authors' API: every macro CONTRIBUTING.md documents for them is tested with its
own example, in a built page; each draws with the renderer of the generated pages; a wrong key stops
the build with an Indonesian message (page, line, macro, wrong value, closest valid one) and no
traceback; editor text reached through a macro stays literal."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

import macros
from iki import pohon, render
from iki.render import Tautan

from conftest import JABATAN, PANDUAN, ROOT, baca_html, bangun, salin_proyek_nyata
from tautan import periksa_tautan

BAGIAN_MAKRO = PANDUAN.split("## Untuk penulis halaman: makro", 1)[1]
CONTOH_MAKRO = re.findall(r"```markdown\n(.*?)\n```", BAGIAN_MAKRO, flags=re.S)
(PESAN_CONTOH,) = re.findall(r"```text\nERROR   -  (.*?)\n```", BAGIAN_MAKRO, flags=re.S)
MAKRO_PENULIS = {"tabel_iki", "tugas", "bagan", "daftar_jabatan", "sasaran_strategis"}
DARI = "contoh/"  # the address of the hand-written page in the tests


class _Konfigurasi(SimpleNamespace):
    """MkDocs' configuration is read both ways: `conf.plugins` and `conf["plugins"]`."""

    def __getitem__(self, kunci: str) -> object:
        return getattr(self, kunci)


class _Env:
    """What the macros module reads of mkdocs-macros' env: the page, the configuration, the iki plugin."""

    def __init__(self, keputusan, halaman: Path | None = None):
        self.macros: dict = {}
        situs = SimpleNamespace(tautan=lambda k, url: Tautan(url), unduhan=lambda k: None)
        plugin = SimpleNamespace(keputusan_halaman=lambda src_uri: keputusan, situs=situs)
        self.conf = _Konfigurasi(plugins={"iki": plugin}, config_file_path=str(ROOT / "mkdocs.yml"))
        berkas = SimpleNamespace(src_uri="contoh.md", abs_src_path=str(halaman) if halaman else None)
        self.page = SimpleNamespace(url=DARI, file=berkas)

    def macro(self, fungsi, nama=""):
        self.macros[nama or fungsi.__name__] = fungsi
        return fungsi


@pytest.fixture
def makro(keputusan):
    env = _Env(keputusan)
    macros.define_env(env)
    macros.on_pre_page_macros(env)
    return env.macros


def _isi(html: str) -> str:
    """A macro's HTML without the marks around it (iki.simpan_html)."""
    assert html.startswith(render.AWAL_HTML + "\n") and html.endswith("\n" + render.AKHIR_HTML + "\n")
    return html[len(render.AWAL_HTML) + 1:-len(render.AKHIR_HTML) - 2]


def test_setiap_makro_penulis_didokumentasikan_dengan_contoh(makro):
    dipanggil = {re.fullmatch(r"\{\{ (\w+)\(.*\) \}\}", c)[1] for c in CONTOH_MAKRO}
    assert dipanggil == MAKRO_PENULIS
    assert MAKRO_PENULIS <= set(makro)
    # The real keys: the Kabid UKM's file, the unit it heads, a Sasaran Strategis of tujuan.yml.
    assert 'tabel_iki("kabid-ukm")' in BAGIAN_MAKRO and 'bagan(unit="bidang-ukm")' in BAGIAN_MAKRO
    assert (ROOT / JABATAN / "kabid-ukm.md").is_file()


def test_makro_memakai_penyaji_halaman_jabatan_dan_unit(makro, keputusan):
    """The same renderers and templates as the jabatan and unit pages: only the ids differ (a page may
    show several tables or charts)."""
    k = keputusan
    halaman = render.halaman_jabatan(k, "kabid-ukm", Tautan("jabatan/kabid-ukm/"))
    tabel = _isi(makro["tabel_iki"]("kabid-ukm"))
    assert tabel == render.tabel_iki(k, "kabid-ukm").strip()
    assert tabel.replace('id="iki-kabid-ukm-', 'id="iki-') in halaman
    tugas = _isi(makro["tugas"]("kabid-ukm"))
    assert tugas in halaman
    # A unit's chart: the unit page's, with the links made from this page.
    unit = render.halaman_unit(k, "bidang-ukm", Tautan(DARI))
    bagan = _isi(makro["bagan"](unit="bidang-ukm"))
    assert bagan.replace("iki-bagan-judul-bidang-ukm", "iki-bagan-judul") in unit
    # Without a unit, the macros the decree's pages used before: unchanged.
    assert _isi(makro["bagan"]()) == _isi(makro["bagan_organisasi"]()) == render.bagan_organisasi(k, Tautan(DARI)).strip()
    assert _isi(makro["daftar_jabatan"]()) == render.daftar_jabatan(k, Tautan(DARI)).strip()
    # A Sasaran Strategis: its node of the performance tree.
    ss = _isi(makro["sasaran_strategis"]("SS.2.2"))
    assert ss.split("\n", 2)[2].rsplit("\n", 2)[0] in render.pohon_kinerja(k, Tautan(DARI))


def test_isi_makro_sesuai_data(makro, keputusan):
    k = keputusan
    sup = BeautifulSoup(_isi(makro["tabel_iki"]("kabid-ukm")), "html.parser")
    assert [[td.get_text() for td in tr.select("td")] for tr in sup.select("tbody tr")] == [
        [str(b.nomor), b.sasaran, b.indikator, b.target, b.ket] for b in k.cari_jabatan("kabid-ukm").iki]
    assert [tr["id"] for tr in sup.select("tbody tr")] == ["iki-kabid-ukm-1", "iki-kabid-ukm-2"]

    sup = BeautifulSoup(_isi(makro["tugas"]("kabid-ukm")), "html.parser")
    assert [d.get_text().strip() for d in sup.select("ol.iki-tugas > li > .iki-teks")] == [
        t.teks for t in k.cari_jabatan("kabid-ukm").tugas]

    unit = {j.slug for j in k.jabatan_di_unit("bidang-ukm")}
    sup = BeautifulSoup(_isi(makro["bagan"](unit="bidang-ukm")), "html.parser")
    assert {a["data-slug"] for a in sup.select(".iki-bagan-kotak")} == unit
    sup = BeautifulSoup(_isi(makro["daftar_jabatan"](unit="bidang-ukm")), "html.parser")
    assert sup.table["id"] == "daftar-jabatan-bidang-ukm"
    assert [tr["data-slug"] for tr in sup.select("tbody tr")] == [j.slug for j in k.jabatan_di_unit("bidang-ukm")]
    assert sup.caption.get_text() == "Jabatan di Bidang UKM (3 jabatan, urut Lampiran)"

    sup = BeautifulSoup(_isi(makro["sasaran_strategis"]("SS.2.2")), "html.parser")
    assert sup.select_one("li.iki-pohon-ss")["id"] == "pohon-ss-2-2"
    pendukung = [b.kunci for s in pohon.simpul_sasaran(k, "SS.2.2").anak for b in _semua(s)]
    assert [li["data-baris"] for li in sup.select("li.iki-pohon-baris")] == pendukung
    assert pendukung[:2] == ["kabid-ukm/1", "analis-kebijakan-pemberdayaan-ukm/1"]


def _semua(s: pohon.SimpulBaris) -> list[pohon.BarisJabatan]:
    return [s.isi, *(b for a in s.anak for b in _semua(a))]


def test_tugas_turunan_menyebut_alasannya(makro):
    """The Kepala Dinas's tugas are not the Lampiran's: the same note as on its page, linking to the reason there."""
    sup = BeautifulSoup(_isi(makro["tugas"]("kepala-dinas")), "html.parser")
    assert sup.select_one(".iki-catatan-turunan a")["href"] == "../jabatan/kepala-dinas/#turunan-tugas"
    assert not BeautifulSoup(_isi(makro["tugas"]("kabid-ukm")), "html.parser").select(".iki-catatan-turunan")


def _laporan_makro(env: _Env) -> str:
    with pytest.raises(PluginError) as galat:
        macros.on_post_page_macros(env)
    return str(galat.value)


def test_contoh_pesan_panduan(keputusan, tmp_path):
    halaman = tmp_path / "docs" / "contoh.md"
    halaman.parent.mkdir()
    halaman.write_text('---\nrender_macros: true\n---\n# Contoh\n{{ tabel_iki("kabid-uk") }}\n', encoding="utf-8")
    env = _Env(keputusan, halaman)
    env.conf.config_file_path = str(tmp_path / "mkdocs.yml")
    macros.define_env(env)
    macros.on_pre_page_macros(env)
    assert env.macros["tabel_iki"]("kabid-uk") == ""  # nothing drawn; the build stops after the page
    assert _laporan_makro(env) == PESAN_CONTOH
    macros.on_post_page_macros(env)  # reported once: the next page starts clean


# Each kind of key, wrong: (call, what the message must say).
SALAH = [
    ('tabel_iki("kabid-uk")', ["Jabatan 'kabid-uk' tidak ada", "mungkin maksudnya 'kabid-ukm'"]),
    ('tugas("sekretaris")', ["Jabatan 'sekretaris' tidak ada", "mungkin maksudnya 'sekretaris-dinas'"]),
    ('bagan(unit="bidang-umk")', ["Unit 'bidang-umk' tidak ada", "mungkin maksudnya 'bidang-ukm'",
                                  "data/diskoperindag-2022/unit.yml: pimpinan, sekretariat, bidang-koperasi"]),
    ('daftar_jabatan(unit="ukm")', ["Unit 'ukm' tidak ada", "data/diskoperindag-2022/unit.yml:"]),
    ('sasaran_strategis("SS.2.3")', ["Sasaran Strategis 'SS.2.3' tidak ada", "mungkin maksudnya 'SS.2.2'",
                                     "tujuan.yml: SS.1.1, SS.2.1, SS.2.2, SS.3.1"]),
    ('sasaran_strategis("ss.2.2")', ["Sasaran Strategis 'ss.2.2' tidak ada", "mungkin maksudnya 'SS.2.2'"]),
    ('tabel_iki("kepala-dinas")', ["Jabatan 'kepala-dinas' (Kepala Dinas) tidak memiliki tabel IKI",
                                   'tugas("kepala-dinas")']),
    ('tabel_pegawai("golongan")', ["Tabel pegawai 'golongan' tidak ada", "mungkin maksudnya 'golongan_ruang'"]),
]


def test_kunci_salah_dilaporkan_semuanya(keputusan, tmp_path):
    halaman = tmp_path / "contoh.md"
    halaman.write_text("# Contoh\n\n" + "\n\n".join(f"{{{{ {p} }}}}" for p, _ in SALAH) + "\n", encoding="utf-8")
    env = _Env(keputusan, halaman)
    env.conf.config_file_path = str(tmp_path / "mkdocs.yml")
    macros.define_env(env)
    macros.on_pre_page_macros(env)
    for p, _ in SALAH:
        assert eval(p, {}, env.macros) == ""  # the test's own calls, as a page writes them
    baris = _laporan_makro(env).split("\n")
    assert baris[0] == f"Ditemukan {len(SALAH)} masalah pada makro halaman:"
    for i, (b, (p, harus)) in enumerate(zip(baris[1:], SALAH, strict=True)):
        assert b.startswith(f"  - contoh.md:{3 + 2 * i}: Makro {p}: "), b
        for teks in harus:
            assert teks in b, b


# -- in a built page ---------------------------------------------------------------------------------

KABID_UKM = ROOT / JABATAN / "kabid-ukm.md"
# Editor text with Jinja, HTML and Markdown in it, in a tugas and in an indikator of the Kabid UKM.
MUATAN_MAKRO = "{{ x }} <b>tebal</b> *miring* {% if 1 %}ya{% endif %}"


def _proyek_dengan_halaman(tujuan: Path, isi: str) -> Path:
    """The real project with a hand-written page docs/contoh.md (in the navigation) made of `isi`."""
    proyek = salin_proyek_nyata(tujuan)
    (proyek / "docs" / "contoh.md").write_text(f"---\nrender_macros: true\n---\n# Contoh\n{isi}", encoding="utf-8")
    konfigurasi = proyek / "mkdocs.yml"
    teks = konfigurasi.read_text(encoding="utf-8")
    konfigurasi.write_text(teks.replace("  - Unduh data: unduh.md\n", "  - Unduh data: unduh.md\n  - Contoh: contoh.md\n"),
                           encoding="utf-8")
    return proyek


@pytest.mark.slow
def test_halaman_tulisan_tangan_dengan_makro(tmp_path):
    proyek = _proyek_dengan_halaman(tmp_path / "proyek", "\n\n".join(CONTOH_MAKRO) + "\n")
    berkas = proyek / JABATAN / "kabid-ukm.md"
    teks = berkas.read_text(encoding="utf-8")
    teks = teks.replace("indikator: Jumlah usaha mikro yang difasilitasi usahanya",
                        f"indikator: \"Jumlah usaha mikro yang difasilitasi usahanya {MUATAN_MAKRO}\"")
    teks = teks.replace("sebagai pedoman pelaksanaan tugas;", f"sebagai pedoman pelaksanaan tugas; {MUATAN_MAKRO}")
    berkas.write_text(teks, encoding="utf-8")
    hasil = bangun(proyek)
    assert hasil.returncode == 0, hasil.stderr[-3000:]

    situs = proyek / "site"
    html = (situs / "contoh" / "index.html").read_text(encoding="utf-8")
    sup = baca_html(situs / "contoh" / "index.html")
    isi = sup.select_one("article")
    # tabel_iki: the Kabid UKM's two rows, the editor text literally.
    assert [[td.get_text() for td in tr.select("td")] for tr in isi.select(".iki-tabel-iki tbody tr")] == [
        ["1", "Meningkatkan Pemberdayaan Usaha Mikro", f"Jumlah usaha mikro yang difasilitasi usahanya {MUATAN_MAKRO}",
         "330 UKM", ""],
        ["2", "Meningkatkan Pengembangan Usaha Mikro dengan orientasi peningkatan skala usaha Menjadi Usaha Kecil",
         "Jumlah UKM yang terfasilitasi dalam pengembangan usahanya", "217 UKM", ""]]
    # tugas: its 13 items, the first with the editor text literally, the last with its own label.
    tugas = isi.select("ol.iki-tugas > li")
    assert len(tugas) == 13
    assert tugas[0].select_one(".iki-teks").get_text().strip().endswith(f"pedoman pelaksanaan tugas; {MUATAN_MAKRO}")
    assert tugas[-1].select_one(".iki-label").get_text() == "m."
    # bagan(unit=...): the unit's head and its two jabatan, each a link to its page.
    bagan = isi.select_one('figure.iki-bagan[data-unit="bidang-ukm"]')
    assert [a["href"] for a in bagan.select("a.iki-bagan-kotak")] == [
        "../jabatan/kabid-ukm/", "../jabatan/analis-kebijakan-pengembangan-ukm/", "../jabatan/analis-kebijakan-pemberdayaan-ukm/"]
    # daftar_jabatan(unit=...): the same three, sortable (data-iki-tabel-urut).
    assert [tr["data-slug"] for tr in isi.select("#daftar-jabatan-bidang-ukm tbody tr")] == [
        "kabid-ukm", "analis-kebijakan-pengembangan-ukm", "analis-kebijakan-pemberdayaan-ukm"]
    assert isi.select_one("#daftar-jabatan-bidang-ukm").find_parent(attrs={"data-iki-tabel-urut": True})
    # sasaran_strategis: SS.2.2 and the five rows that support it, down the tree.
    ss = isi.select_one("li#pohon-ss-2-2")
    assert ss.select_one(".iki-pohon-teks").get_text() == "Mewujudkan Usaha Mikro, Kecil dan Menengah yang Tangguh"
    assert [li["data-baris"] for li in ss.select("li.iki-pohon-baris")] == [
        "kabid-ukm/1", "analis-kebijakan-pemberdayaan-ukm/1", "analis-kebijakan-pemberdayaan-ukm/2",
        "kabid-ukm/2", "analis-kebijakan-pengembangan-ukm/1"]
    # Nothing of the editor text was run or parsed: no "{{ x }}" evaluated, no <b> or <em> made of it.
    assert isi.get_text().count(MUATAN_MAKRO) == 3  # indikator in the table and in the tree, tugas
    assert "<b>tebal</b>" not in html and not isi.select("b, em") and "yaya" not in html
    # Every link of the site still leads somewhere, the new page's included.
    assert periksa_tautan(situs).rusak == []


@pytest.mark.slow
def test_kunci_salah_menggagalkan_build_dengan_pesan_indonesia(tmp_path):
    proyek = _proyek_dengan_halaman(tmp_path / "proyek", "".join(f"\n{{{{ {p} }}}}\n" for p, _ in SALAH))
    hasil = bangun(proyek)
    assert hasil.returncode != 0
    assert f"ERROR   -  Ditemukan {len(SALAH)} masalah pada makro halaman:\n" in hasil.stderr
    laporan = hasil.stderr.split("masalah pada makro halaman:\n", 1)[1].split("\n")
    for i, (p, harus) in enumerate(SALAH):
        assert laporan[i].startswith(f"  - docs/contoh.md:{6 + 2 * i}: Makro {p}: "), laporan[i]
        assert all(teks in laporan[i] for teks in harus), laporan[i]
    # What reaches the editor is the message, not mkdocs-macros' dump of the template and a traceback.
    assert "Traceback" not in hasil.stderr and "Macro Rendering Error" not in hasil.stderr
