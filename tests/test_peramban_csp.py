"""The site under the shipped nginx block's strict Content-Security-Policy (no 'unsafe-inline'):
every page type loads without a single violation, and what needs JavaScript still works (search,
the print button, the Daftar Jabatan filters, the performance tree's coverage bar)."""

from __future__ import annotations

import contextlib
import re

import pytest

from alat_peramban import JENIS_HALAMAN, cari, halaman, siapkan_pencarian
from conftest import ROOT, nginx

# Records every CSP violation of the page (and of its frames) before any of its own scripts run.
CATAT = """window.__ikiCsp = []
document.addEventListener('securitypolicyviolation', e =>
  window.__ikiCsp.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`))
window.__ikiCetak = 0
window.print = () => { window.__ikiCetak += 1 }"""


def kebijakan_terkirim() -> str:
    blok = (ROOT / "deploy" / "nginx" / "iki.conf").read_text(encoding="utf-8")
    (csp,) = re.findall(r'add_header Content-Security-Policy "([^"]+)" always;', blok)
    return csp


def test_kebijakan_ketat_tanpa_unsafe_inline():
    arahan = dict(a.strip().split(" ", 1) for a in kebijakan_terkirim().split(";"))
    assert arahan["script-src"] == "'self'" and arahan["style-src"] == "'self'"
    assert "unsafe" not in kebijakan_terkirim()


@pytest.fixture
def buka(peramban, alamat_situs):
    """Open a page with the violation recorder installed; yields (page, what the page logged)."""
    with contextlib.ExitStack() as tumpukan:
        def _buka(alamat: str):
            page, catatan = tumpukan.enter_context(halaman(peramban))
            page.add_init_script(CATAT)
            jawaban = page.goto(alamat_situs + alamat, wait_until="networkidle")
            assert jawaban.headers["content-security-policy"] == kebijakan_terkirim()
            return page, catatan

        yield _buka


def pelanggaran(page, catatan) -> list[str]:
    """Violations seen by the page, and the browser's own console reports of them."""
    konsol = [g for g in catatan.galat if "Content Security Policy" in g]
    return page.evaluate("window.__ikiCsp") + konsol


@pytest.mark.parametrize("jenis", JENIS_HALAMAN, ids=[j["jenis"] for j in JENIS_HALAMAN])
def test_tanpa_pelanggaran_csp(buka, jenis):
    page, catatan = buka(jenis["alamat"])
    page.locator("body").click(position={"x": 1, "y": 1})  # scripts that wait for a first interaction
    page.wait_for_load_state("networkidle")
    assert pelanggaran(page, catatan) == []


def test_pencarian_berjalan(peramban, alamat_situs, buka):
    page, catatan = buka("")
    siapkan_pencarian(page, alamat_situs)
    hasil = cari(page, alamat_situs, "koperasi")
    assert len(hasil) >= 5 and all(h for h in hasil)
    assert pelanggaran(page, catatan) == []


def test_tombol_cetak_memanggil_print(buka):
    page, catatan = buka("jabatan/bendahara/")
    page.get_by_role("button", name="Cetak formulir IKI").click()
    assert page.evaluate("window.__ikiCetak") == 1
    assert pelanggaran(page, catatan) == []


def test_saring_daftar_jabatan(buka, keputusan):
    page, catatan = buka("organisasi/daftar-jabatan/")
    page.get_by_label("Cari nama jabatan").fill("penyuluh")
    terlihat = page.locator("#daftar-jabatan tbody tr").evaluate_all("rs => rs.filter(r => !r.hidden).length")
    assert terlihat == len([j for j in keputusan.jabatan if "penyuluh" in j.nama.lower()]) > 0
    assert page.locator(".iki-saring-status").inner_text().startswith(f"Menampilkan {terlihat} dari")
    assert pelanggaran(page, catatan) == []


def test_pohon_kinerja_dan_batang_cakupan(buka, keputusan):
    page, catatan = buka("organisasi/pohon-kinerja/")
    assert page.locator("li.iki-pohon-baris").count() == keputusan.jumlah_baris_iki
    cakupan = page.locator("p.iki-cakupan")
    persen = int(cakupan.get_attribute("data-terpetakan")) * 100 / int(cakupan.get_attribute("data-jumlah"))
    batang = page.locator(".iki-cakupan-batang").bounding_box()
    isi = page.locator(".iki-cakupan-batang rect").bounding_box()
    # The bar is drawn, as wide as the share of rows mapped (rounded to a whole percent).
    assert batang["width"] > 100 and isi["height"] == pytest.approx(batang["height"], abs=0.5)
    assert isi["width"] == pytest.approx(batang["width"] * persen / 100, abs=batang["width"] / 100 + 0.5)
    assert pelanggaran(page, catatan) == []


def test_perekam_menangkap_pelanggaran(peramban, tmp_path):
    """The recorder is not blind: an inline script, style element, style attribute and onclick
    served by the same nginx block are all reported."""
    akar = tmp_path / "situs"
    akar.mkdir()
    (akar / "index.html").write_text(
        '<!doctype html><html lang="id"><title>x</title><style>p{color:red}</style>'
        '<p style="color:blue">x</p><button onclick="print()">x</button><script>document.title="y"</script>')
    with nginx(akar, tmp_path / "nginx") as alamat, halaman(peramban) as (page, catatan):
        page.add_init_script(CATAT)
        page.goto(alamat, wait_until="networkidle")
        page.locator("button").click()
        arahan = sorted(p.split(":")[0] for p in page.evaluate("window.__ikiCsp"))
        assert arahan == ["script-src-attr", "script-src-elem", "style-src-attr", "style-src-elem"]
        assert page.title() == "x" and page.evaluate("window.__ikiCetak") == 0
