"""The shipped nginx server block (deploy/nginx/iki.conf), over HTTP: MIME types, gzip,
caching headers, security headers, the site's own 404 page."""

import gzip
import urllib.error
import urllib.request

import pytest

from conftest import nginx

# Serves sites with nginx.
pytestmark = pytest.mark.browser

KEAMANAN = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
}


def ambil(alamat: str, gz: bool = True):
    req = urllib.request.Request(alamat, headers={"Accept-Encoding": "gzip"} if gz else {})
    try:
        return urllib.request.urlopen(req, timeout=10)
    except urllib.error.HTTPError as galat:
        return galat


def _aset_tema(situs, pola: str) -> str:
    return next(situs.glob(pola)).relative_to(situs).as_posix()


@pytest.fixture(scope="module")
def alamat_berkas(tmp_path_factory):
    """A small site holding one file of each download type."""
    akar = tmp_path_factory.mktemp("berkas")
    (akar / "index.html").write_text("<!doctype html><title>x</title>")
    (akar / "data.csv").write_text("nama;target\n" + "Bendahara;11 Dokumen\n" * 100, encoding="utf-8")
    (akar / "data.xlsx").write_bytes(b"PK\x03\x04" + bytes(2000))
    (akar / "keputusan.pdf").write_bytes(b"%PDF-1.4\n" + bytes(2000))
    (akar / "situs.webmanifest").write_text('{"name": "IKI"}')
    with nginx(akar, tmp_path_factory.mktemp("nginx-berkas")) as alamat:
        yield alamat


@pytest.mark.parametrize("berkas, jenis", [
    ("data.csv", "text/csv; charset=utf-8"),
    ("data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("keputusan.pdf", "application/pdf"),
    ("situs.webmanifest", "application/manifest+json"),
])
def test_jenis_berkas_unduhan(alamat_berkas, berkas, jenis):
    jawaban = ambil(alamat_berkas + berkas)
    assert jawaban.status == 200 and jawaban.headers["Content-Type"] == jenis, (berkas, jawaban.headers["Content-Type"])


def test_csv_dikompresi(alamat_berkas):
    jawaban = ambil(alamat_berkas + "data.csv")
    assert jawaban.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(jawaban.read()).startswith(b"nama;target\n")


@pytest.mark.parametrize("alamat, jenis, simpan", [
    ("", "text/html; charset=utf-8", "no-cache"),
    ("jabatan/bendahara/", "text/html; charset=utf-8", "no-cache"),
    ("search/search_index.json", "application/json", "no-cache"),
    ("assets/iki.css", "text/css; charset=utf-8", "no-cache"),
    ("assets/javascripts/lunr/min/lunr.id.min.js", "application/javascript; charset=utf-8", "no-cache"),
    ("assets/stylesheets/main.*.min.css", "text/css; charset=utf-8", "max-age=31536000"),
    ("assets/javascripts/bundle.*.min.js", "application/javascript; charset=utf-8", "max-age=31536000"),
])
def test_jenis_kompresi_dan_cache(situs, alamat_situs, alamat, jenis, simpan):
    if "*" in alamat:
        alamat = _aset_tema(situs, alamat)
    jawaban = ambil(alamat_situs + alamat)
    assert jawaban.status == 200, alamat
    assert jawaban.headers["Content-Type"] == jenis, (alamat, jawaban.headers["Content-Type"])
    assert jawaban.headers["Content-Encoding"] == "gzip", alamat
    assert jawaban.headers["Cache-Control"] == simpan, (alamat, jawaban.headers["Cache-Control"])
    assert "Accept-Encoding" in jawaban.headers["Vary"]
    for nama, nilai in KEAMANAN.items():
        assert jawaban.headers[nama] == nilai, (alamat, nama)
    assert "default-src 'self'" in jawaban.headers["Content-Security-Policy"]
    tanpa_gzip = ambil(alamat_situs + alamat, gz=False)
    assert tanpa_gzip.headers["Content-Encoding"] is None, alamat


def test_halaman_404(alamat_situs):
    jawaban = ambil(alamat_situs + "jabatan/tidak-ada/", gz=False)
    assert jawaban.status == 404
    isi = jawaban.read().decode("utf-8")
    assert "Halaman tidak ditemukan" in isi and 'href="/unit/"' in isi
    for nama, nilai in KEAMANAN.items():
        assert jawaban.headers[nama] == nilai, nama
