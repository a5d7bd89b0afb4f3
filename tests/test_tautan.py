"""No broken link anywhere in a built site (tests/tautan.py): the real site, and the checker itself
on a small made-up site with every kind of fault."""

from __future__ import annotations

from pathlib import Path

from tautan import periksa_tautan


def test_situs_asli_tanpa_tautan_rusak(situs):
    hasil = periksa_tautan(situs)
    assert hasil.rusak == []
    assert hasil.halaman >= 60 and hasil.tautan > 5000
    # External links are only listed: the repository's edit and history links, the theme's credit, the references
    # named on the Unduh page.
    hosts = {alamat.split("/")[2] for alamat in hasil.luar}
    assert hosts == {"github.com", "squidfunk.github.io", "specs.frictionlessdata.io", "www.w3.org"}, hosts


def _tulis_halaman(akar: Path, path: str, isi: str) -> None:
    (akar / path).parent.mkdir(parents=True, exist_ok=True)
    (akar / path).write_text(f"<!doctype html><html><body>{isi}</body></html>", encoding="utf-8")


def test_pemeriksa_menemukan_setiap_jenis_tautan_rusak(tmp_path):
    _tulis_halaman(tmp_path, "index.html", '<h2 id="atas">x</h2>'
           '<a href="jabatan/a/">ada</a> <a href="jabatan/a/#iki-1">jangkar ada</a> <a href="#atas">sendiri</a>'
           '<a href="jabatan/b/">folder tanpa index</a> <a href="jabatan/a/#iki-9">jangkar hilang</a>'
           '<a href="unduh/x.csv">berkas hilang</a> <a href="../luar.html">di luar situs</a>'
           '<a href="#tidak-ada">jangkar sendiri hilang</a> <img src="gambar.png" alt="">'
           '<a href="https://contoh.invalid/a">luar</a> <a href="mailto:a@contoh.invalid">surel</a>'
           '<a href="unduh/data.csv" download>ada</a> <a href="unduh/data.csv#x">jangkar di CSV</a>'
           '<a href="jabatan/a/index.html#nama-lama">a name</a>')
    _tulis_halaman(tmp_path, "jabatan/a/index.html", '<table><tr id="iki-1"></tr></table><a name="nama-lama"></a>'
           '<a href="../../">balik</a> <script src="/aset/hilang.js"></script>')
    (tmp_path / "jabatan" / "b").mkdir()
    (tmp_path / "unduh").mkdir()
    (tmp_path / "unduh" / "data.csv").write_text("a\n1\n")
    hasil = periksa_tautan(tmp_path)
    assert hasil.halaman == 2
    assert hasil.luar == {"https://contoh.invalid/a"}
    assert sorted(hasil.rusak) == sorted([
        "index.html: jabatan/b/ (berkas tidak ada)",
        "index.html: jabatan/a/#iki-9 (jangkar #iki-9 tidak ada di jabatan/a/index.html)",
        "index.html: unduh/x.csv (berkas tidak ada)",
        "index.html: ../luar.html (di luar situs)",
        "index.html: #tidak-ada (jangkar #tidak-ada tidak ada di index.html)",
        "index.html: gambar.png (berkas tidak ada)",
        "index.html: unduh/data.csv#x (jangkar #x tidak ada di unduh/data.csv)",
        "jabatan/a/index.html: /aset/hilang.js (berkas tidak ada)",
    ])
