"""The chart, the performance tree and Daftar Jabatan in a real browser (Debian's Chromium), served by
nginx: drawn, inside the screen at desktop and phone widths, usable without JavaScript, printable.

Screenshots are saved under the pytest temporary folder (`tangkapan/`) for a person to look at."""

import re
from urllib.parse import urlparse

import pytest

LAYAR = {"desktop": (1280, 800), "ponsel": (360, 740)}
HALAMAN = {
    "bagan": ("organisasi/bagan/", "figure.iki-bagan", "a.iki-bagan-kotak"),
    "pohon": ("organisasi/pohon-kinerja/", ".iki-pohon-tujuan", ".iki-pohon-isi"),
}


@pytest.fixture(scope="module")
def tangkapan(tmp_path_factory):
    return tmp_path_factory.mktemp("tangkapan")


@pytest.fixture
def buka_layar(peramban, alamat_situs):
    """Open a page of the site at a given viewport; collects every request made."""
    konteks = []

    def _buka(url, lebar, tinggi, js=True):
        k = peramban.new_context(viewport={"width": lebar, "height": tinggi}, java_script_enabled=js)
        konteks.append(k)
        halaman = k.new_page()
        halaman.permintaan = []
        halaman.on("request", lambda r: halaman.permintaan.append(r.url))
        halaman.goto(alamat_situs + url)
        return halaman

    yield _buka
    for k in konteks:
        k.close()


def _tanpa_luapan(halaman):
    return halaman.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _kotak_di_luar_layar(halaman, selektor):
    """Boxes that are empty or stick out of the screen sideways."""
    return halaman.evaluate(
        """sel => Array.from(document.querySelectorAll(sel)).filter(e => {
             const r = e.getBoundingClientRect();
             return r.width <= 0 || r.height <= 0 || r.left < 0 || r.right > window.innerWidth + 0.5;
           }).map(e => e.textContent.trim().slice(0, 60))""",
        selektor,
    )


@pytest.mark.parametrize("layar", LAYAR)
@pytest.mark.parametrize("nama", HALAMAN)
def test_tergambar_tanpa_luapan(buka_layar, alamat_situs, keputusan, tangkapan, nama, layar):
    url, wadah, kotak = HALAMAN[nama]
    lebar, tinggi = LAYAR[layar]
    halaman = buka_layar(url, lebar, tinggi)
    el = halaman.locator(wadah).first
    ukuran = el.bounding_box()
    assert ukuran and ukuran["width"] > 0 and ukuran["height"] > 0
    assert _tanpa_luapan(halaman), halaman.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    jumlah = halaman.locator(kotak).count()
    assert jumlah >= (len(keputusan.jabatan) if nama == "bagan" else keputusan.jumlah_baris_iki)
    assert _kotak_di_luar_layar(halaman, kotak) == []
    # Drawn, not blank: the boxes have a border and a background.
    gaya = halaman.locator(kotak).first.evaluate("e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).backgroundColor]")
    assert gaya[0] != "0px" and gaya[1] not in ("", "transparent")
    berkas = tangkapan / f"{nama}-{layar}-{lebar}x{tinggi}.png"
    halaman.screenshot(path=str(berkas), full_page=True)
    assert berkas.stat().st_size > 20_000
    host = urlparse(alamat_situs).netloc
    assert {urlparse(u).netloc for u in halaman.permintaan} == {host}


def test_bagan_desktop_berupa_gambar_ponsel_berupa_pohon_menjorok(buka_layar):
    """Wide: the five cards of a row side by side. Narrow: everything one under the other."""
    def letak(halaman):
        return halaman.evaluate("""() => Array.from(document.querySelectorAll('ul.iki-bagan-baris'))
            .map(ul => Array.from(ul.children).map(li => { const r = li.getBoundingClientRect(); return [r.left, r.top]; }))""")

    desktop = letak(buka_layar(HALAMAN["bagan"][0], *LAYAR["desktop"]))
    assert [len(b) for b in desktop] == [5, 5]
    for baris in desktop:
        assert len({round(top) for _, top in baris}) == 1  # one row
        assert [x for x, _ in baris] == sorted({x for x, _ in baris})  # left to right
    assert desktop[1][0][1] > desktop[0][0][1]  # UPTD below

    ponsel = letak(buka_layar(HALAMAN["bagan"][0], *LAYAR["ponsel"]))
    semua = [li for b in ponsel for li in b]
    assert len({round(x) for x, _ in semua}) == 1  # one column
    assert [y for _, y in semua] == sorted(y for _, y in semua) and len({y for _, y in semua}) == 10


def test_tanpa_javascript(buka_layar, keputusan):
    bagan = buka_layar(HALAMAN["bagan"][0], *LAYAR["ponsel"], js=False)
    assert bagan.locator("a.iki-bagan-kotak").count() == len(keputusan.jabatan)
    assert _kotak_di_luar_layar(bagan, "a.iki-bagan-kotak") == []
    assert _tanpa_luapan(bagan)
    daftar = buka_layar("organisasi/daftar-jabatan/", *LAYAR["desktop"], js=False)
    assert daftar.locator("#daftar-jabatan tbody tr:visible").count() == len(keputusan.jabatan)
    assert daftar.locator(".iki-saring").count() == 0
    pohon = buka_layar(HALAMAN["pohon"][0], *LAYAR["ponsel"], js=False)
    assert pohon.locator("li.iki-pohon-baris").count() == keputusan.jumlah_baris_iki


def test_daftar_jabatan_disaring_dan_diurutkan(buka_layar, keputusan):
    halaman = buka_layar("organisasi/daftar-jabatan/", *LAYAR["desktop"])
    baris = halaman.locator("#daftar-jabatan tbody tr")

    def terlihat():
        return baris.evaluate_all("rs => rs.filter(r => !r.hidden).map(r => r.dataset.slug)")

    status = halaman.locator(".iki-saring-status")
    assert status.inner_text() == f"Menampilkan {len(keputusan.jabatan)} dari {len(keputusan.jabatan)} jabatan."
    # Each control has its label (the select ids come from the table's id).
    assert halaman.locator('label[for="daftar-jabatan-unit"]').inner_text() == "Unit kerja"
    assert halaman.locator('label[for="daftar-jabatan-jenis"]').inner_text() == "Jenis"
    halaman.get_by_label("Cari nama jabatan").fill("penyuluh")
    harapan = [j.slug for j in keputusan.jabatan if "penyuluh" in j.nama.lower()]
    assert terlihat() == harapan and len(harapan) == 4
    assert status.inner_text() == f"Menampilkan 4 dari {len(keputusan.jabatan)} jabatan."
    halaman.get_by_label("Cari nama jabatan").fill("")
    halaman.locator("#daftar-jabatan-unit").select_option("bidang-perindustrian")
    assert terlihat() == [j.slug for j in keputusan.jabatan_di_unit("bidang-perindustrian")]
    halaman.locator("#daftar-jabatan-jenis").select_option("pelaksana")
    assert terlihat() == ["analis-kerjasama-industri"]
    halaman.locator("#daftar-jabatan-unit").select_option("")
    halaman.locator("#daftar-jabatan-jenis").select_option("")

    kepala = halaman.locator("#daftar-jabatan thead th").nth(4)
    kepala.get_by_role("button").click()
    assert kepala.get_attribute("aria-sort") == "ascending"
    jumlah = [len(keputusan.cari_jabatan(s).iki) for s in terlihat()]
    assert jumlah == sorted(jumlah)
    kepala.get_by_role("button").click()
    assert kepala.get_attribute("aria-sort") == "descending"
    jumlah = [len(keputusan.cari_jabatan(s).iki) for s in terlihat()]
    assert jumlah == sorted(jumlah, reverse=True) and jumlah[0] == 4
    nama = halaman.locator("#daftar-jabatan thead th").nth(0)
    nama.get_by_role("button").click()
    assert kepala.get_attribute("aria-sort") is None and nama.get_attribute("aria-sort") == "ascending"
    urut = [keputusan.cari_jabatan(s).nama for s in terlihat()]
    assert urut[0] == "Analis Kebijakan Ahli Muda Sub Koordinator Sub-Substansi Pemberdayaan Usaha Kecil dan Menengah"
    assert urut == sorted(urut, key=str.casefold)


def test_bagan_dicetak_satu_lembar_a4_melintang(buka_layar, tangkapan):
    halaman = buka_layar(HALAMAN["bagan"][0], *LAYAR["desktop"])
    pdf = halaman.pdf(prefer_css_page_size=True, print_background=True)
    (tangkapan / "bagan-cetak.pdf").write_bytes(pdf)
    ukuran = [tuple(round(float(x)) for x in m.split()[2:]) for m in
              re.findall(rb"/MediaBox\s*\[([^\]]*)\]", pdf)]
    assert ukuran == [(842, 595)], ukuran  # one A4 sheet, landscape (points)
    halaman.emulate_media(media="print")
    assert halaman.locator("a.iki-bagan-kotak").first.is_visible()
