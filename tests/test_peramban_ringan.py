"""A jabatan page is light on the intranet and readable on a phone."""

from alat_peramban import halaman

JABATAN = "jabatan/kepala-uptd-metrologi-legal/"
# Budget for a jabatan page's first load with an empty cache: everything the browser
# transfers (HTML, CSS, scripts, the search worker and its Indonesian plugin, icons; headers
# included, gzip as nginx sends it), except the search index search/search_index.json.
ANGGARAN_BYTE = 250_000


def test_muatan_pertama_halaman_jabatan(peramban, alamat_situs):
    with halaman(peramban) as (page, _):
        selesai = []
        page.on("requestfinished", lambda r: selesai.append(r))
        page.goto(alamat_situs + JABATAN, wait_until="networkidle")
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
            f"{JABATAN}: muatan pertama {total} byte melebihi anggaran {ANGGARAN_BYTE} byte:\n"
            + "\n".join(f"  {n:>8} {u}" for n, u in sorted(dihitung, reverse=True)))


def test_halaman_jabatan_di_layar_360_px(peramban, alamat_situs):
    with halaman(peramban, viewport={"width": 360, "height": 740}, is_mobile=True) as (page, _):
        page.goto(alamat_situs + JABATAN, wait_until="networkidle")
        lebar = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert lebar[0] <= lebar[1] == 360, f"{JABATAN}: halaman bergulir ke samping pada 360 px ({lebar})"
        tabel = page.locator(".iki-tabel").first
        assert tabel.is_visible()
        ukuran = page.evaluate("""() => [...document.querySelectorAll('.iki-tabel td, .iki-tabel th')]
            .filter(s => s.getClientRects().length)  /* shown on screen (not the print-only form) */
            .map(s => [parseFloat(getComputedStyle(s).fontSize), s.getBoundingClientRect().width])""")
        assert min(h for h, _ in ukuran) >= 12, f"{JABATAN}: huruf tabel IKI lebih kecil dari 12 px"
        assert min(w for _, w in ukuran) >= 24, f"{JABATAN}: kolom tabel IKI terlalu sempit"
        kotak = page.evaluate("""() => { const k = document.querySelector('.iki-tabel')
            return [k.scrollWidth > k.clientWidth, k.getAttribute('tabindex'), k.getAttribute('role'), k.getAttribute('aria-label')] }""")
        if kotak[0]:
            # A table wider than the screen scrolls inside its own box, reachable by keyboard and named.
            assert kotak[1:3] == ["0", "region"] and kotak[3], f"{JABATAN}: kotak gulir tabel IKI tanpa akses papan ketik ({kotak})"
