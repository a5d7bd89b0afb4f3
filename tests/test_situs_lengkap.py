"""Every page of the site can be reached from the navigation and from search."""

import json

from conftest import baca_html


def _semua_halaman(situs):
    return sorted(p.relative_to(situs).parent.as_posix() + "/" for p in situs.rglob("index.html")
                  if p.relative_to(situs).parts[0] not in ("assets", "search"))


def test_setiap_halaman_ada_di_navigasi(situs):
    nav = baca_html(situs / "index.html").select_one("nav.md-nav--primary")
    tautan = {a["href"].removeprefix("./") or "./" for a in nav.find_all("a", href=True)}
    tautan = {"./" if t in (".", "./") else t for t in tautan}
    for halaman in _semua_halaman(situs):
        alamat = "./" if halaman == "./" else halaman
        assert alamat in tautan, f"{halaman} tidak ada di navigasi"


def test_setiap_halaman_ada_di_indeks_pencarian(situs):
    indeks = json.loads((situs / "search" / "search_index.json").read_text())
    lokasi = {d["location"].split("#")[0] for d in indeks["docs"]}
    for halaman in _semua_halaman(situs):
        assert ("" if halaman == "./" else halaman) in lokasi, f"{halaman} tidak ada di indeks pencarian"
