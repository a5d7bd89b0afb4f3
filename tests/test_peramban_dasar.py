"""A first look in a real browser: the jabatan page served by nginx renders and loads nothing from outside."""

from urllib.parse import urlparse


def test_halaman_jabatan_di_peramban(peramban, alamat_situs):
    halaman = peramban.new_page()
    permintaan = []
    halaman.on("request", lambda r: permintaan.append(r.url))
    halaman.goto(alamat_situs + "jabatan/sekretaris-dinas/")
    assert halaman.locator("h1").inner_text() == "Sekretaris Dinas"
    assert halaman.locator(".iki-tabel tbody tr").count() == 2
    host = urlparse(alamat_situs).netloc
    assert {urlparse(u).netloc for u in permintaan} == {host}
    halaman.close()
