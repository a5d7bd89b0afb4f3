"""Every built HTML page passes the Nu Html Checker (vnu-jar, pinned in tests/peramban/package.json),
run once over all pages with the machine's Java. Errors that come from the Material theme's own
markup are allowed, each one listed below with the reason; any other error fails the test."""

import json
import shutil
import subprocess

import pytest

from alat_peramban import alat_npm

# Runs the Nu Html Checker on Java.
pytestmark = pytest.mark.browser

# (start of the checker's message, text its extract must contain, why it is the theme's and harmless)
IZIN_TEMA = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     'data-md-toggle=',
     "Material menulis autocomplete=\"off\" pada kotak centang tersembunyi yang membuka menu dan "
     "pencarian (__drawer, __search) agar Firefox tidak mengingat keadaannya; tidak memengaruhi pengguna."),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     'for="__toc"',
     "Material menaruh label 'Daftar isi' (for=\"__toc\") di navigasi untuk layar kecil, sedangkan "
     "kotak centang __toc disembunyikan (display: none) di halaman tanpa daftar isi."),
]


def _diizinkan(pesan: dict) -> bool:
    return any(pesan["message"].startswith(awal) and tanda in pesan.get("extract", "")
               for awal, tanda, _ in IZIN_TEMA)


def test_html_valid(situs, acuan):
    if not shutil.which("java"):
        pytest.fail("Java tidak terpasang: jalankan `apt-get install -y default-jre-headless` (lihat README).")
    berkas = sorted(situs.rglob("*.html"))
    assert len(berkas) > acuan.jabatan  # every jabatan's page, and more
    hasil = subprocess.run(
        ["java", "-jar", str(alat_npm("vnu-jar/build/dist/vnu.jar")), "--errors-only", "--format", "json",
         *map(str, berkas)],
        capture_output=True, text=True, timeout=300,
    )
    laporan = json.loads(hasil.stderr)["messages"]
    galat = [p for p in laporan if p["type"] == "error" or p.get("subType") == "fatal"]
    sisa = [p for p in galat if not _diizinkan(p)]
    assert not sisa, "HTML tidak valid (Nu Html Checker):\n" + "\n".join(
        f"  - {p['url'].removeprefix(situs.as_uri() + '/')}:{p.get('lastLine')}: {p['message']}"
        for p in sisa[:40])
    # Every allowance still matches something: remove one when the theme stops needing it.
    for awal, tanda, _ in IZIN_TEMA:
        assert any(p["message"].startswith(awal) and tanda in p.get("extract", "") for p in galat), (
            f"izin galat tema tidak terpakai lagi, hapus dari IZIN_TEMA: {awal}")
