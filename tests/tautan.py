"""Link check of a built site folder: every href/src of every HTML page (the Markdown's links, the
HTML blocks the templates write, the theme's own links, links to downloads) must resolve to a file
of the site, and its #fragment to an id (or <a name>) in that file. External links are listed, never
fetched. Usable on any built site: `periksa_tautan(<folder site>)`.

Why not `linkchecker` (PyPI, maintained): MkDocs writes directory addresses (`jabatan/x/`,
`unduh/#e-kinerja`), and for local files linkchecker does not read `dir/` as `dir/index.html`
(it makes up a listing of the folder, linkchecker/linkchecker#851, open) and its AnchorCheck
plugin does not check anchors behind a directory address (linkchecker/linkchecker#678, open; support
for local files was reverted in #681). The check below is a few lines over BeautifulSoup, already
used by the tests.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

ATRIBUT = ("href", "src")
BUKAN_ALAMAT = ("mailto", "tel", "javascript", "data")


@dataclass
class HasilTautan:
    halaman: int = 0
    tautan: int = 0
    rusak: list[str] = field(default_factory=list)  # "<page>: <href> (<reason>)"
    luar: set[str] = field(default_factory=set)  # external addresses, not fetched


class _Situs:
    def __init__(self, akar: Path):
        self.akar = akar
        self._id: dict[str, set[str]] = {}

    def sup(self, path: str) -> BeautifulSoup:
        return BeautifulSoup((self.akar / path).read_text(encoding="utf-8"), "html.parser")

    def id_di(self, path: str, sup: BeautifulSoup | None = None) -> set[str]:
        if path not in self._id:
            sup = sup or self.sup(path)
            self._id[path] = {t["id"] for t in sup.find_all(id=True)} | {
                t["name"] for t in sup.find_all("a", attrs={"name": True})}
        return self._id[path]


def _tujuan(situs: _Situs, halaman: str, alamat: str) -> tuple[str | None, str]:
    """(the file an internal address leads to, or None; the reason when None)."""
    bagian = urlsplit(alamat)
    path = unquote(bagian.path)
    if not path:
        return halaman, ""
    # An absolute path starts at the site's root (the site is published at the root of its address).
    gabung = posixpath.normpath(path.lstrip("/") if path.startswith("/")
                                else posixpath.join(posixpath.dirname(halaman), path))
    if gabung == ".." or gabung.startswith("../"):
        return None, "di luar situs"
    berkas = situs.akar / gabung
    if path.endswith("/") or berkas.is_dir():
        berkas, gabung = berkas / "index.html", posixpath.normpath(posixpath.join(gabung, "index.html"))
    if not berkas.is_file():
        return None, "berkas tidak ada"
    return gabung, ""


def periksa_tautan(akar: Path) -> HasilTautan:
    situs = _Situs(akar)
    hasil = HasilTautan()
    for path in sorted(akar.rglob("*.html")):
        halaman = path.relative_to(akar).as_posix()
        sup = situs.sup(halaman)
        situs.id_di(halaman, sup)
        hasil.halaman += 1
        for tag in sup.find_all(lambda t: any(t.has_attr(a) for a in ATRIBUT)):
            for atribut in ATRIBUT:
                alamat = tag.get(atribut)
                if alamat is None:
                    continue
                hasil.tautan += 1
                bagian = urlsplit(alamat.strip())
                if bagian.scheme in BUKAN_ALAMAT:
                    continue
                if bagian.scheme or bagian.netloc:
                    hasil.luar.add(alamat)
                    continue
                tujuan, alasan = _tujuan(situs, halaman, alamat.strip())
                if tujuan is None:
                    hasil.rusak.append(f"{halaman}: {alamat} ({alasan})")
                elif bagian.fragment and (not tujuan.endswith(".html")
                                          or unquote(bagian.fragment) not in situs.id_di(tujuan)):
                    hasil.rusak.append(f"{halaman}: {alamat} (jangkar #{bagian.fragment} tidak ada di {tujuan})")
    return hasil
