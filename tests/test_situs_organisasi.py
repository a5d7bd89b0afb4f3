"""The built site: organisation chart, unit pages, Daftar Jabatan, performance tree, and each
jabatan's "mendukung" / "didukung oleh"."""

import posixpath
import re

import pytest

from iki.pohon import RujukanBaris, kunci_baris, pohon_kinerja, semua_baris, urai_mendukung

from conftest import baca_halaman, baca_html

NAMA_JENIS = {"struktural": "Struktural", "fungsional": "Fungsional", "pelaksana": "Pelaksana"}


def _alamat_tautan(url_halaman: str, href: str) -> tuple[str, str]:
    """(site path of the page a relative link opens, fragment)."""
    alamat, _, jangkar = href.partition("#")
    return posixpath.normpath(posixpath.join(url_halaman, alamat)) + "/", jangkar


def _ada(situs, path: str) -> bool:
    return (situs / path / "index.html").is_file()


# -- organisation chart ------------------------------------------------------------

BAGAN = "organisasi/bagan"


def test_bagan_memuat_simpul_setiap_jabatan_dengan_tautannya(situs, keputusan):
    bagan = baca_halaman(situs, BAGAN).select_one("figure.iki-bagan")
    kotak = bagan.select("a.iki-bagan-kotak")
    assert sorted(a["data-slug"] for a in kotak) == sorted(j.slug for j in keputusan.jabatan)
    for a in kotak:
        j = keputusan.cari_jabatan(a["data-slug"])
        assert _alamat_tautan(BAGAN + "/", a["href"]) == (f"jabatan/{j.slug}/", "")
        assert _ada(situs, f"jabatan/{j.slug}")
        assert a.select_one(".iki-bagan-nama").get_text() == j.nama
        assert NAMA_JENIS[j.jenis] in a.select_one(".iki-bagan-jenis").get_text()
        assert (f"Eselon {j.eselon}" in a.get_text()) == bool(j.eselon)


def test_bagan_bersusun_menurut_atasan(situs, keputusan):
    bagan = baca_halaman(situs, BAGAN).select_one("figure.iki-bagan")
    for a in bagan.select("a.iki-bagan-kotak"):
        j = keputusan.cari_jabatan(a["data-slug"])
        li = a.find_parent("li")
        induk = li.find_parent("li")
        if j.atasan is None:
            assert induk is None
            continue
        assert induk.find("a", class_="iki-bagan-kotak", recursive=False)["data-slug"] == j.atasan, j.slug
    # The Kepala Dinas on top; then one row for the Sekretariat and the Bidang, one for the UPTD.
    (puncak,) = bagan.select("li.iki-bagan-puncak")
    baris = puncak.find_all("ul", class_="iki-bagan-baris", recursive=False)
    jenis = {u.kode: u.jenis for u in keputusan.unit}
    assert [[jenis[a["href"].split("/")[-2]] for a in ul.select(":scope > li > a.iki-bagan-label-unit")]
            for ul in baris] == [["sekretariat"] + ["bidang"] * 4, ["uptd"] * 5]


def test_bagan_nama_unit_menuju_halaman_unit(situs, keputusan):
    bagan = baca_halaman(situs, BAGAN).select_one("figure.iki-bagan")
    label = bagan.select("a.iki-bagan-label-unit")
    assert [a.get_text() for a in label] == [u.nama for u in keputusan.unit if u.jenis != "pimpinan"]
    for a, u in zip(label, [u for u in keputusan.unit if u.jenis != "pimpinan"]):
        assert _alamat_tautan(BAGAN + "/", a["href"]) == (f"unit/{u.kode}/", "")
        # The label sits on the box of the unit's head.
        assert a.find_next_sibling("a")["data-slug"] == u.kepala


def test_bagan_dapat_diakses(situs, keputusan):
    sup = baca_halaman(situs, BAGAN)
    bagan = sup.select_one("figure.iki-bagan")
    judul = sup.find(id=bagan["aria-labelledby"])
    uraian = sup.find(id=bagan["aria-describedby"])
    assert "Bagan struktur organisasi" in judul.get_text()
    assert f"{len(keputusan.jabatan)} jabatan" in uraian.get_text()
    assert "1 Sekretariat, 4 Bidang dan 5 UPTD" in uraian.get_text()
    # Plain links in nested lists: nothing to run, nothing from outside.
    assert not bagan.find("script") and not bagan.find(attrs={"onclick": True})


def test_bagan_dicetak_a4_melintang(situs):
    # A stylesheet for print only (a file: the site's CSP allows no <style> element), on this page alone.
    sup = baca_halaman(situs, BAGAN)
    (tautan,) = sup.select('head link[rel="stylesheet"][media="print"]')
    css = (situs / "organisasi" / "bagan" / tautan["href"]).resolve().read_text(encoding="utf-8")
    assert "@page { size: A4 landscape; margin: 10mm; }" in css
    lain = baca_html(situs / "index.html")
    assert not lain.select('head link[media="print"]') and not lain.select("head style")


# -- unit pages --------------------------------------------------------------------

def test_halaman_unit_memuat_tepat_jabatannya(situs, keputusan):
    for u in keputusan.unit:
        url = f"unit/{u.kode}"
        sup = baca_halaman(situs, url)
        daftar = keputusan.jabatan_di_unit(u.kode)
        dd = {dt.get_text(): dt.find_next_sibling("dd") for dt in sup.select(".iki-identitas dt")}
        kepala = dd["Kepala unit"].find("a")
        assert kepala.get_text() == keputusan.cari_jabatan(u.kepala).nama
        assert _alamat_tautan(url + "/", kepala["href"]) == (f"jabatan/{u.kepala}/", "")
        baris = sup.select("table.iki-daftar-jabatan tbody tr")
        assert len(baris) == len(daftar), u.kode
        for tr, j in zip(baris, daftar):
            a = tr.find("th").find("a")
            assert a.get_text() == j.nama and _alamat_tautan(url + "/", a["href"]) == (f"jabatan/{j.slug}/", "")
            jenis, eselon, _, jumlah = [td.get_text() for td in tr.find_all("td")]
            assert (jenis, eselon, jumlah) == (NAMA_JENIS[j.jenis], j.eselon or "—", str(len(j.iki)))
        # The unit's own chart: exactly its jabatan.
        assert sorted(a["data-slug"] for a in sup.select("figure.iki-bagan a.iki-bagan-kotak")) == \
            sorted(j.slug for j in daftar)


def test_halaman_unit_menggabungkan_seluruh_iki_unitnya(situs, keputusan):
    for u in keputusan.unit:
        url = f"unit/{u.kode}"
        tabel = baca_halaman(situs, url).select_one("table.iki-gabungan")
        harapan = [(j.slug, b) for j in keputusan.jabatan_di_unit(u.kode) for b in j.iki]
        baris = tabel.select("tbody tr")
        assert len(baris) == len(harapan), u.kode
        jabatan = None
        for tr, (slug, b) in zip(baris, harapan):
            th = tr.find("th")
            if th is not None:  # the first row of a jabatan names it (the cell spans its rows)
                jabatan = _alamat_tautan(url + "/", th.find("a")["href"])[0]
            assert jabatan == f"jabatan/{slug}/"
            assert [td.get_text() for td in tr.find_all("td")][-3:] == [b.indikator, b.target, b.ket]


# -- Daftar Jabatan ----------------------------------------------------------------

def test_daftar_jabatan_memuat_setiap_jabatan(situs, keputusan):
    url = "organisasi/daftar-jabatan"
    sup = baca_halaman(situs, url)
    (tabel,) = sup.select("table#daftar-jabatan")
    assert [th.get_text(" ", strip=True) for th in tabel.select("thead th")] == \
        ["Jabatan", "Unit kerja", "Jenis", "Eselon", "Baris IKI"]
    baris = tabel.select("tbody tr")
    assert [tr["data-slug"] for tr in baris] == [j.slug for j in keputusan.jabatan]
    for tr, j in zip(baris, keputusan.jabatan):
        u = keputusan.cari_unit(j.unit)
        nama, unit = tr.find("th").find("a"), tr.find_all("td")[0].find("a")
        assert nama.get_text() == j.nama and _alamat_tautan(url + "/", nama["href"]) == (f"jabatan/{j.slug}/", "")
        assert unit.get_text() == u.nama and _alamat_tautan(url + "/", unit["href"]) == (f"unit/{u.kode}/", "")
        assert [td.get_text() for td in tr.find_all("td")][1:] == [NAMA_JENIS[j.jenis], j.eselon or "—", str(len(j.iki))]
        assert (tr["data-unit"], tr["data-jenis"]) == (u.kode, j.jenis)
    assert sup.find("script", src=re.compile(r"assets/daftar-jabatan\.js$"))


# -- performance tree --------------------------------------------------------------

POHON = "organisasi/pohon-kinerja"


def _induk_pohon(li):
    """The data-baris or data-sasaran of the nearest enclosing tree node, or None at a root."""
    induk = li.find_parent("li", class_="iki-pohon-simpul")
    if induk is None:
        return None
    return induk.get("data-baris") or induk.get("data-sasaran")


def test_pohon_memuat_setiap_baris_di_bawah_baris_yang_disebutnya(situs, keputusan):
    sup = baca_halaman(situs, POHON)
    simpul = sup.select("li.iki-pohon-baris")
    semua = {b.kunci: b for b in semua_baris(keputusan)}
    assert sorted(li["data-baris"] for li in simpul) == sorted(semua)  # each row exactly once
    for li in simpul:
        b = semua[li["data-baris"]]
        assert _induk_pohon(li) == b.baris.mendukung, b.kunci
        assert li.get("data-mendukung") == b.baris.mendukung
        # mapped rows say so; every node links to its row on its jabatan page
        assert bool(li.select(":scope > div.iki-pohon-isi a.iki-tanda-editor")) == bool(b.baris.mendukung)
        a = li.select_one(":scope > div > a.iki-pohon-jabatan")
        assert a.get_text() == b.jabatan.nama
        assert _alamat_tautan(POHON + "/", a["href"]) == (f"jabatan/{b.jabatan.slug}/", f"iki-{b.posisi}")
        halaman = baca_halaman(situs, f"jabatan/{b.jabatan.slug}")
        assert halaman.find(id=f"iki-{b.posisi}") is not None


def test_pohon_tujuan_dan_sasaran_strategis(situs, keputusan):
    sup = baca_halaman(situs, POHON)
    for t in keputusan.tujuan:
        blok = sup.select_one(f'div.iki-pohon-tujuan[data-tujuan="{t.kode}"]')
        assert blok.select_one(".iki-pohon-tujuan-teks").get_text() == t.teks
        assert sup.find(id=f"pohon-{t.id_html}").name == "h2"
        assert [li["data-sasaran"] for li in blok.select("li.iki-pohon-ss")] == [ss.kode for ss in t.sasaran_strategis]
        for ss in t.sasaran_strategis:
            li = blok.select_one(f'li[data-sasaran="{ss.kode}"]')
            assert ss.teks in li.select_one(".iki-pohon-isi").get_text()
            assert _induk_pohon(li) is None


def test_pohon_angka_cakupan_sesuai_data(situs, keputusan):
    sup = baca_halaman(situs, POHON)
    semua = semua_baris(keputusan)
    n = sum(1 for b in semua if b.baris.mendukung)
    cakupan = sup.select_one(".iki-cakupan")
    assert f"{n} dari {len(semua)} baris IKI sudah terpetakan" in cakupan.get_text()
    assert (cakupan["data-terpetakan"], cakupan["data-jumlah"]) == (str(n), str(len(semua)))
    assert pohon_kinerja(keputusan).jumlah_terpetakan == n


def test_pohon_mendaftar_baris_yang_belum_terpetakan(situs, keputusan):
    sup = baca_halaman(situs, POHON)
    belum = sup.select_one("div.iki-pohon-belum")
    assert belum.find_previous("h2")["id"] == "belum-terpetakan"
    akar = belum.select("ul.iki-pohon-akar > li.iki-pohon-baris")
    assert [li["data-baris"] for li in akar] == [b.kunci for b in semua_baris(keputusan) if not b.baris.mendukung]
    assert f"{len(akar)} baris IKI belum menyebut" in belum.get_text()


def test_pohon_menjelaskan_pemetaan_editor(situs):
    sup = baca_halaman(situs, POHON)
    keterangan = sup.find(id="pemetaan")
    assert "dipetakan oleh editor" in keterangan.get_text()
    for a in sup.select("a.iki-tanda-editor"):
        assert a["href"] == "#pemetaan" and a.get_text() == "dipetakan editor"


# -- a jabatan's rows in the tree --------------------------------------------------

def _kaitan(situs, slug):
    sup = baca_halaman(situs, f"jabatan/{slug}")
    return sup, sup.select_one(".iki-kaitan")


@pytest.mark.parametrize("slug", ["sekretaris-dinas", "perencana-ahli-muda", "bendahara", "kepala-uptd-pasar-citeko",
                                  "kasubag-tu-uptd-pasar-citeko", "analis-kerjasama-industri"])
def test_halaman_jabatan_mendukung_dan_didukung_oleh_contoh(situs, keputusan, slug):
    _periksa_kaitan(situs, keputusan, slug)


def test_halaman_jabatan_mendukung_dan_didukung_oleh_semua(situs, keputusan):
    for j in keputusan.jabatan:
        if j.iki:
            _periksa_kaitan(situs, keputusan, j.slug)


def _periksa_kaitan(situs, keputusan, slug):
    j = keputusan.cari_jabatan(slug)
    url = f"jabatan/{slug}/"
    _, kaitan = _kaitan(situs, slug)
    dt = kaitan.select("dl.iki-kaitan-daftar > dt")
    assert [d["id"] for d in dt] == [f"kaitan-{i}" for i in range(1, len(j.iki) + 1)]
    for i, (d, b) in enumerate(zip(dt, j.iki), start=1):
        mendukung = d.find_next_sibling("dd")
        assert "iki-mendukung" in mendukung["class"] and mendukung.get_text().strip().startswith("mendukung:")
        r = urai_mendukung(b.mendukung) if b.mendukung else None
        tautan = [a for a in mendukung.find_all("a") if "iki-tanda-editor" not in a.get("class", [])]
        if r is None:
            assert "belum dipetakan" in mendukung.get_text()
            assert not mendukung.select("a.iki-tanda-editor")
        else:
            assert mendukung.select_one("a.iki-tanda-editor").get_text() == "dipetakan editor"
            if isinstance(r, RujukanBaris):
                induk = keputusan.cari_jabatan(r.slug)
                assert _alamat_tautan(url, tautan[0]["href"]) == (f"jabatan/{r.slug}/", f"iki-{r.posisi}")
                assert tautan[0].get_text() == f"{induk.nama}, baris {r.posisi}"
            else:
                assert _alamat_tautan(url, tautan[0]["href"]) == ("organisasi/pohon-kinerja/", f"pohon-{r.kode.lower().replace('.', '-')}")
                assert tautan[0].get_text() == f"Sasaran Strategis {r.kode}"
        pendukung = [p for p in semua_baris(keputusan) if p.baris.mendukung == kunci_baris(slug, i)]
        didukung = mendukung.find_next_sibling("dd")
        if not pendukung:
            assert didukung is None or "iki-didukung" not in didukung["class"]
            continue
        assert didukung.get_text().strip().startswith("didukung oleh:")
        li = didukung.select("li")
        assert [_alamat_tautan(url, x.find("a")["href"]) for x in li] == \
            [(f"jabatan/{p.jabatan.slug}/", f"iki-{p.posisi}") for p in pendukung]
        assert all(x.select_one("a.iki-tanda-editor") for x in li)


def test_halaman_kepala_dinas_sasaran_strategis_didukung_oleh(situs, keputusan):
    _, kaitan = _kaitan(situs, "kepala-dinas")
    for t in keputusan.tujuan:
        for ss in t.sasaran_strategis:
            dt = kaitan.find(id=f"kaitan-{ss.id_html}")
            assert f"Sasaran Strategis {ss.kode}" in dt.get_text() and ss.teks in dt.get_text()
            dd = dt.find_next_sibling("dd")
            pendukung = [p for p in semua_baris(keputusan) if p.baris.mendukung == ss.kode]
            assert [_alamat_tautan("jabatan/kepala-dinas/", li.find("a")["href"]) for li in dd.select("li")] == \
                [(f"jabatan/{p.jabatan.slug}/", f"iki-{p.posisi}") for p in pendukung]


def test_navigasi_organisasi(situs):
    sup = baca_html(situs / "index.html")
    for url in ("organisasi/bagan/", "organisasi/daftar-jabatan/", "organisasi/pohon-kinerja/"):
        assert sup.select(f'nav a[href="{url}"]'), url
