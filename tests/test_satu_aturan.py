"""One home per rule: which jabatan the Lampiran holds, ids, addresses and labels are worked out in
Python (and tested here); the templates only lay them out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest
from bs4 import BeautifulSoup
from markdown import markdown

from iki import ekspor, pohon, render
from iki.ekspor.baris import KOLOM
from iki.ekspor.lampiran_pdf import data_lampiran
from iki.model import JenisUnit, Keputusan

ALASAN = "Keputusan tidak memuat tabel IKI untuk jabatan ini."


def _tanpa_iki(keputusan: Keputusan, slug: str) -> Keputusan:
    """The decree with one more jabatan that has no IKI table."""
    data = keputusan.model_dump(exclude={"jumlah_baris_iki"})
    for j in data["jabatan"]:
        if j["slug"] == slug:
            j.update(iki=[], tanpa_iki=ALASAN)
    return Keputusan.model_validate(data)


def test_jabatan_di_lampiran(keputusan):
    """The Lampiran prints a form for every jabatan with an IKI table: not for the Kepala Dinas,
    nor for any other jabatan without one."""
    assert [j.slug for j in keputusan.jabatan if not j.di_lampiran] == ["kepala-dinas"]
    assert len(keputusan.jabatan_lampiran) == 40
    k = _tanpa_iki(keputusan, "bendahara")
    assert not k.cari_jabatan("bendahara").di_lampiran
    assert [j.slug for j in k.jabatan_lampiran] == [j.slug for j in keputusan.jabatan_lampiran if j.slug != "bendahara"]


def test_ringkasan_dan_pdf_memakai_aturan_yang_sama(keputusan):
    k = _tanpa_iki(keputusan, "bendahara")
    angka = {dt.get_text(): dd.get_text() for dt, dd in zip(
        *(BeautifulSoup(render.ringkasan(k), "html.parser").select(s) for s in ("dt", "dd")), strict=True)}
    assert angka["Jabatan di Lampiran"] == "39"
    assert [f["nama"] for f in data_lampiran(k)["formulir"]] == [j.nama for j in k.jabatan_lampiran]


def test_formulir_cetak_hanya_untuk_jabatan_di_lampiran(keputusan):
    k = _tanpa_iki(keputusan, "bendahara")
    for slug, ada in (("bendahara", False), ("kasubag-keuangan", True), ("kepala-dinas", False)):
        html = render.halaman_jabatan(k, slug, render.Tautan(f"jabatan/{slug}/"))
        assert ("iki-formulir-kepala" in html) is ada, slug
        assert ("iki-tombol-cetak" in html) is ada, slug
        assert bool(re.search(r'class="iki-formulir-label iki-cetak"[^>]*>Tugas :', html)) is ada, slug


# -- ids: one function per rule, for the element and for every link to it ------------------------------

_ID = re.compile(r'\sid="([^"]+)"|\{ #([^ }]+) \}')


def _id(html: str) -> set[str]:
    return {a or b for a, b in _ID.findall(html)}


def _jangkar(html: str, halaman: str) -> set[str]:
    """The ids the links of a page name on another page (`halaman`, as linked) or on itself ('')."""
    return {m[2] for m in re.finditer(r'href="([^"#]*)#([^"]+)"', html) if m[1] == halaman}


def test_aturan_id():
    assert (render.id_iki(3), render.id_iki(3, "kabid-ukm")) == ("iki-3", "iki-kabid-ukm-3")
    assert render.id_turunan("atasan") == "turunan-atasan"
    assert pohon.id_pohon("SS.2.1") == "pohon-ss-2-1" and pohon.id_pohon("T.2") == "pohon-t-2"
    assert (pohon.id_kaitan_baris(2), pohon.id_kaitan_sasaran("SS.2.1")) == ("kaitan-2", "kaitan-ss-2-1")
    assert render.Tautan("jabatan/a/").baris("kabid-ukm", 2) == "../kabid-ukm/#iki-2"


def test_tautan_ke_pohon_menuju_id_yang_ada(keputusan):
    """Jabatan pages link into the tree page by its ids; the tree page links to its own by '#id' alone."""
    dari_pohon = render.Tautan("organisasi/pohon-kinerja/")
    html_pohon = render.pohon_kinerja(keputusan, dari_pohon)
    ada = _id(html_pohon)
    assert {"pohon-t-2", "pohon-ss-2-2", pohon.ID_PEMETAAN, pohon.ID_BELUM_TERPETAKAN} <= ada
    assert _jangkar(html_pohon, "") == {pohon.ID_PEMETAAN, pohon.ID_BELUM_TERPETAKAN}
    assert dari_pohon.sasaran_di_pohon("SS.2.2") == "#pohon-ss-2-2"
    dirujuk = set()
    for slug in ("kepala-dinas", "kabid-ukm", "analis-koperasi"):
        html = render.halaman_jabatan(keputusan, slug, render.Tautan(f"jabatan/{slug}/"))
        dirujuk |= _jangkar(html, "../../organisasi/pohon-kinerja/")
        # The page's own anchors: its IKI rows, its derived values.
        assert _jangkar(html, "") <= _id(html), slug
    assert {"pohon-ss-2-2", pohon.ID_PEMETAAN} <= dirujuk <= ada


def test_id_tabel_bab_dua(keputusan):
    assert render.Tautan("keputusan/bab-2/").tujuan("ss-2-1") == "#ss-2-1"
    assert render.Tautan("jabatan/x/").tujuan("ss-2-1") == "../../keputusan/bab-2/#ss-2-1"
    ada = _id(render.tabel_tujuan(keputusan) + render.tabel_sasaran_strategis(keputusan))
    assert {"tabel-1", *(f"tabel-{n}" for n in range(2, 8)), "t-1", "ss-2-1", "ik-2-1-1"} <= ada


# -- addresses: every one from Tautan -----------------------------------------------------------------

TEMPLAT = Path(render.__file__).parent / "templates"


def test_templat_tidak_menulis_alamat():
    """A template's links are Tautan's (or '#' and an id from Python); Markdown links only to other sites."""
    for path in sorted(TEMPLAT.rglob("*.html")) + sorted(TEMPLAT.rglob("*.j2")):
        teks = path.read_text(encoding="utf-8")
        assert re.findall(r'href="(?!\{\{|#\{\{)[^"]*"', teks) == [], path.name
        assert re.findall(r"\]\((?!https://)[^)]*\)", teks) == [], path.name


def test_templat_tidak_menyusun_id_atau_label():
    """Ids and labels come whole from Python: no template joins strings (~) or reshapes text for them."""
    for path in sorted(TEMPLAT.rglob("*.html")) + sorted(TEMPLAT.rglob("*.j2")):
        kode = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)  # comments aside
        for perintah in re.findall(r"\{\{.*?\}\}|\{%.*?%\}", kode, flags=re.S):
            assert not re.search(r"~|\|\s*(lower|upper|capitalize|title|replace|format)\b", perintah), (path.name, perintah)


def test_alamat_beranda_dan_katalog(keputusan):
    lain = render.AlamatKeputusan("diskoperindag-2023/", render.HALAMAN_TUJUAN)
    assert render.Tautan("unduh/").beranda() == "../"
    assert render.Tautan("").beranda() == "./"
    assert render.Tautan("diskoperindag-2023/unduh/", lain).beranda() == "../"
    assert render.Tautan("diskoperindag-2023/organisasi/bagan/", lain).daftar_unit() == "../../unit/"
    # The catalogue's address is printed from the site's root: under the decree's own folder.
    unduhan = ekspor.buat_unduhan(keputusan, [ekspor.CSV])
    for tautan, alamat in ((render.Tautan("unduh/"), "unduh/catalog.jsonld"),
                           (render.Tautan("diskoperindag-2023/unduh/", lain), "diskoperindag-2023/unduh/catalog.jsonld")):
        assert f"<code>{alamat}</code>" in markdown(render.halaman_unduh(keputusan, unduhan, tautan))


# -- labels: worked out in Python --------------------------------------------------------------------


def _status(keputusan: Keputusan, **ubah) -> render.StatusKeputusan:
    return render.StatusKeputusan(keputusan=keputusan, alamat=render.AlamatKeputusan(), label="IKI 2022",
                                  banyak=True, berlaku=False, **ubah)


def test_keadaan_keputusan(keputusan):
    penerus = {"penerus": keputusan, "label_penerus": "IKI 2023"}
    harapan = {"mengubah": ("Keputusan ini telah diubah", "Keputusan ini telah diubah oleh", "Diubah oleh IKI 2023"),
               "mengganti": ("Keputusan ini telah diganti", "Keputusan ini telah diganti oleh", "Diganti oleh IKI 2023"),
               "berikutnya": ("Keputusan ini bukan yang terbaru", "Untuk tahun berikutnya telah ditetapkan",
                              "Tidak berlaku lagi (IKI 2023 telah ditetapkan)")}
    for hubungan, (judul, kalimat, keadaan) in harapan.items():
        s = _status(keputusan, hubungan_penerus=hubungan, **penerus)
        assert (s.judul_penerus, s.kalimat_penerus, s.keadaan) == (judul, kalimat, keadaan)
    berlaku = render.StatusKeputusan(keputusan, render.AlamatKeputusan(), "IKI 2022", True, True)
    assert berlaku.keadaan == "Berlaku" and berlaku.sebutan_pendahulu == "Sebelumnya"
    rancangan = keputusan.model_copy(update={"identitas": keputusan.identitas.model_copy(
        update={"rancangan": True, "mengganti": "diskoperindag-2021"})})
    s = render.StatusKeputusan(rancangan, render.AlamatKeputusan(), "IKI 2022", True, True)
    assert (s.keadaan, s.keadaan_singkat, s.sebutan_pendahulu) == ("Rancangan", "Rancangan, belum ditetapkan", "Mengganti")
    assert (berlaku.keadaan_singkat, _status(keputusan).keadaan_singkat) == ("Berlaku", "Tidak berlaku lagi")


def test_label_unit_eselon_kolom():
    assert render.NAMA_JENIS_UNIT["uptd"] == "Unit Pelaksana Teknis Dinas (UPTD)"
    assert set(render.NAMA_JENIS_UNIT) == set(get_args(JenisUnit))
    assert sorted(["IV", None, "II", "III"], key=render.urutan_eselon) == ["II", "III", "IV", None]
    assert {render.NAMA_JENIS_KOLOM[k.jenis] for k in KOLOM} == {"teks", "bilangan"}


def test_alamat_relatif_sama_dengan_relpath():
    """A link is made relative to its page as posixpath.relpath would make it, without asking for
    the working folder; paths that leave the site root are left to relpath itself."""
    import itertools
    import posixpath

    jalur = [".", "./", "a", "a/", "a/b", "a/b/", "ab/c", "a/bc/", "a/./b", "a//b", "a/../b", "..", "../a", "/a/b",
             "a/b/../../..", "jabatan/kepala-dinas/", "2023/jabatan/bendahara", "unduh/iki.xlsx"]
    beda = [(t, a) for t, a in itertools.product(jalur, repeat=2)
            if render._relatif(t, a) != posixpath.relpath(t, a)]
    assert beda == []
    with pytest.raises(ValueError):  # as relpath does
        render._relatif("", "a")
    assert render.Tautan("jabatan/bendahara/").jabatan("kepala-dinas") == "../kepala-dinas/"
    assert render.Tautan("2023/unduh/").jabatan("kepala-dinas") == "../../jabatan/kepala-dinas/"
