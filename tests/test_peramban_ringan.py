"""A jabatan page is light on the intranet and readable on a phone."""

import pytest

from alat_peramban import halaman

ALAMAT_JABATAN = "jabatan/kepala-uptd-metrologi-legal/"
# Budget for a jabatan page's first load with an empty cache: everything the browser
# transfers (HTML, CSS, scripts, the search worker and its Indonesian plugin, icons; headers
# included, gzip as nginx sends it), except the search index search/search_index.json.
ANGGARAN_BYTE = 250_000


def test_muatan_pertama_halaman_jabatan(peramban, alamat_situs):
    with halaman(peramban) as (page, _):
        selesai = []
        page.on("requestfinished", lambda r: selesai.append(r))
        page.goto(alamat_situs + ALAMAT_JABATAN, wait_until="networkidle")
        rincian = []
        for r in selesai:
            ukuran = r.sizes()
            isi = ukuran["responseBodySize"]
            if not isi and r.response() and r.response().status == 200:
                isi = len(r.response().body())  # not reported for a worker's script: count it unpacked
            rincian.append((isi + ukuran["responseHeadersSize"], r.url.removeprefix(alamat_situs)))
        dihitung = [(n, u) for n, u in rincian if not u.startswith("search/search_index.json")]
        total = sum(n for n, _ in dihitung)
        assert any(u.startswith("assets/javascripts/workers/") for _, u in dihitung), "pekerja pencarian tidak dimuat"
        assert total < ANGGARAN_BYTE, (
            f"{ALAMAT_JABATAN}: muatan pertama {total} byte melebihi anggaran {ANGGARAN_BYTE} byte:\n"
            + "\n".join(f"  {n:>8} {u}" for n, u in sorted(dihitung, reverse=True)))


def test_halaman_jabatan_di_layar_360_px(peramban, alamat_situs):
    with halaman(peramban, viewport={"width": 360, "height": 740}, is_mobile=True) as (page, _):
        page.goto(alamat_situs + ALAMAT_JABATAN, wait_until="networkidle")
        lebar = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert lebar[0] <= lebar[1] == 360, f"{ALAMAT_JABATAN}: halaman bergulir ke samping pada 360 px ({lebar})"
        tabel = page.locator(".iki-tabel").first
        assert tabel.is_visible()
        ukuran = page.evaluate("""() => [...document.querySelectorAll('.iki-tabel td, .iki-tabel th')]
            .filter(s => s.getClientRects().length)  /* shown on screen (not the print-only form) */
            .map(s => [parseFloat(getComputedStyle(s).fontSize), s.getBoundingClientRect().width])""")
        assert min(h for h, _ in ukuran) >= 12, f"{ALAMAT_JABATAN}: huruf tabel IKI lebih kecil dari 12 px"
        assert min(w for _, w in ukuran) >= 24, f"{ALAMAT_JABATAN}: kolom tabel IKI terlalu sempit"
        kotak = page.evaluate("""() => { const k = document.querySelector('.iki-tabel')
            return [k.scrollWidth > k.clientWidth, k.getAttribute('tabindex'), k.getAttribute('role'), k.getAttribute('aria-label')] }""")
        if kotak[0]:
            # A table wider than the screen scrolls inside its own box, reachable by keyboard and named.
            assert kotak[1:3] == ["0", "region"] and kotak[3], f"{ALAMAT_JABATAN}: kotak gulir tabel IKI tanpa akses papan ketik ({kotak})"


_GEOMETRI = """() => {
  const kotak = e => e.getBoundingClientRect()
  const tampil = e => e.getClientRects().length > 0
  const identitas = [...document.querySelectorAll('.iki-identitas dt')].map(dt => {
    const a = kotak(dt), b = kotak(dt.nextElementSibling)
    return {label: dt.textContent.trim(), kiri: a.left, kanan: a.right, bawah: a.bottom,
            nilaiAtas: b.top, nilaiKiri: b.left, nilaiLebar: b.width}
  })
  const baris = [...document.querySelectorAll('.iki-tabel-iki tbody tr')].filter(tampil)
    .map(r => [...r.cells].filter(tampil).map(c => { const k = kotak(c); return {kiri: k.left, atas: k.top, kanan: k.right} }))
  const isi = kotak(document.querySelector('.md-content__inner'))
  return {identitas, baris, isi: [isi.left, isi.right],
          gulir: [document.documentElement.scrollWidth, document.documentElement.clientWidth]}
}"""


@pytest.mark.parametrize("lebar", [360, 1280])
@pytest.mark.parametrize("alamat", [ALAMAT_JABATAN, "jabatan/sekretaris-dinas/"])
def test_tata_letak_halaman_jabatan(peramban, alamat_situs, alamat, lebar):
    """Phone first: at 360 px each identity label stands above its value (the list of bawahan
    gets the whole width) and each IKI row is a card, its cells one under another; at 1280 px
    labels sit beside their values and the IKI table is a table. Never a sideways page scroll."""
    with halaman(peramban, viewport={"width": lebar, "height": 800}, is_mobile=lebar < 600) as (page, _):
        page.goto(alamat_situs + alamat, wait_until="networkidle")
        g = page.evaluate(_GEOMETRI)
    assert g["gulir"][0] <= g["gulir"][1], f"{alamat} pada {lebar} px: halaman bergulir ke samping ({g['gulir']})"
    assert g["identitas"] and g["baris"]
    lebar_isi = g["isi"][1] - g["isi"][0]
    for p in g["identitas"]:
        if lebar == 360:
            assert p["nilaiAtas"] >= p["bawah"] - 1 and abs(p["nilaiKiri"] - p["kiri"]) < 2, (
                f"{alamat} pada 360 px: nilai '{p['label']}' tidak di bawah labelnya ({p})")
            assert p["nilaiLebar"] >= 0.9 * lebar_isi, f"{alamat} pada 360 px: nilai '{p['label']}' tidak selebar isi ({p})"
        else:
            assert p["nilaiKiri"] >= p["kanan"] and p["nilaiAtas"] < p["bawah"], (
                f"{alamat} pada 1280 px: nilai '{p['label']}' tidak di samping labelnya ({p})")
    for sel in g["baris"]:
        assert all(s["kanan"] <= g["isi"][1] + 1 for s in sel), f"{alamat} pada {lebar} px: sel tabel IKI keluar dari isi"
        if lebar == 360:
            assert all(b["atas"] > a["atas"] and abs(b["kiri"] - a["kiri"]) < 2 for a, b in zip(sel, sel[1:])), (
                f"{alamat} pada 360 px: sel satu baris IKI tidak bersusun ke bawah ({sel})")
        else:
            assert all(b["kiri"] > a["kiri"] and abs(b["atas"] - a["atas"]) < 2 for a, b in zip(sel, sel[1:])), (
                f"{alamat} pada 1280 px: sel satu baris IKI tidak berjajar ({sel})")
