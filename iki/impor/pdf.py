"""A PDF with a text layer, read with PDFium (pypdfium2): ruled tables as cells (a cell's
wrapped lines joined; a cell spanning rows leaves the rows below marked as merged), the other
text as lines, a wrapped list item's lines joined into one paragraph by the hanging indent.
A PDF without text (a scan) is refused: OCR is not supported.

Tables are found from the ruling lines drawn on the page, as pdfplumber does, but with PDFium's
parser (C++): pdfplumber's pure-Python parsing took about half a second per page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .dokumen import BarisTabel, Blok, DokumenTidakValid, Paragraf, rapikan, sambung

_LABEL = re.compile(r"^(?P<label>\d{1,3}|[a-z]{1,2})[.)]$")
_LABEL_DI_AWAL = re.compile(r"^(\d{1,3}|[a-z]{1,2})[.)]\s")
_TIPIS = 2.0  # points: a path this thin is a ruling line
_TOLERANSI = 2.0  # points: positions this close are the same line or column


def baca(path: Path) -> list[Blok]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as galat:
        if "password" in str(galat).lower():
            raise DokumenTidakValid("PDF ini dilindungi kata sandi. Buka kuncinya dulu (simpan ulang tanpa kata "
                                    "sandi), lalu impor lagi.") from None
        raise DokumenTidakValid("Berkas tidak dapat dibaca sebagai PDF (rusak atau bukan PDF).") from None
    try:
        blok: list[Blok] = []
        ada_teks = False
        for nomor in range(len(pdf)):
            isi, teks = _halaman(pdf[nomor], f"halaman {nomor + 1}")
            blok += isi
            ada_teks = ada_teks or teks
    finally:
        pdf.close()
    if not ada_teks:
        raise DokumenTidakValid("PDF ini tidak memiliki lapisan teks (hasil pindaian/gambar). Pengenalan teks "
                                "(OCR) tidak didukung. Impor dokumen Word (.docx) aslinya, atau PDF yang dibuat "
                                "langsung dari dokumen itu (Simpan sebagai PDF), bukan hasil pindaian.")
    return blok


@dataclass
class _Kotak:
    """A box in page coordinates measured from the top: x0, top, x1, bottom."""

    x0: float
    top: float
    x1: float
    bottom: float

    def memuat(self, x: float, y: float) -> bool:
        return self.x0 - _TOLERANSI <= x <= self.x1 + _TOLERANSI and self.top - _TOLERANSI <= y <= self.bottom + _TOLERANSI

    def bersentuhan(self, lain: _Kotak) -> bool:
        return not (lain.x0 > self.x1 + _TOLERANSI or lain.x1 < self.x0 - _TOLERANSI
                    or lain.top > self.bottom + _TOLERANSI or lain.bottom < self.top - _TOLERANSI)


def _halaman(halaman: Any, letak: str) -> tuple[list[Blok], bool]:
    import pypdfium2.raw as raw

    tinggi = halaman.get_height()
    teks = halaman.get_textpage()

    def kotak(kiri: float, bawah: float, kanan: float, atas: float) -> _Kotak:
        return _Kotak(kiri, tinggi - atas, kanan, tinggi - bawah)

    def teks_dalam(k: _Kotak) -> str:
        # PDFium writes a hyphen that ends a line as U+0002; it is the document's hyphen.
        return str(teks.get_text_bounded(k.x0, tinggi - k.bottom, k.x1, tinggi - k.top)).replace("\x02", "-")

    garis = []
    for obj in halaman.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH]):
        k = kotak(*obj.get_bounds())
        if k.bottom - k.top < _TIPIS or k.x1 - k.x0 < _TIPIS:
            garis.append(k)
        else:  # a rectangle: its four sides
            garis += [_Kotak(k.x0, k.top, k.x1, k.top), _Kotak(k.x0, k.bottom, k.x1, k.bottom),
                      _Kotak(k.x0, k.top, k.x0, k.bottom), _Kotak(k.x1, k.top, k.x1, k.bottom)]
    urutan: list[tuple[float, Blok]] = []
    tabel = []
    for kelompok in _kelompok(garis):
        isi = _tabel(kelompok, teks_dalam, letak)
        if isi:
            tabel.append(isi[0])
            urutan += isi[1]
    runs = [k for k in (kotak(*teks.get_rect(i)) for i in range(teks.count_rects()))
            if not any(t.memuat((k.x0 + k.x1) / 2, (k.top + k.bottom) / 2) for t in tabel)]
    urutan += _paragraf(runs, teks_dalam, letak)
    urutan.sort(key=lambda x: x[0])
    return [b for _, b in urutan], teks.count_chars() > 0


def _kelompok(garis: list[_Kotak]) -> list[list[_Kotak]]:
    """Ruling lines that touch one another: one table each."""
    kelompok: list[list[_Kotak]] = []
    for g in garis:
        sentuh = [k for k in kelompok if any(g.bersentuhan(x) for x in k)]
        gabungan = [g] + [x for k in sentuh for x in k]
        kelompok = [k for k in kelompok if k not in sentuh] + [gabungan]
    return kelompok


def _gugus(nilai: list[float]) -> list[float]:
    hasil: list[float] = []
    for v in sorted(nilai):
        if not hasil or v - hasil[-1] > _TOLERANSI:
            hasil.append(v)
    return hasil


def _tabel(garis: list[_Kotak], teks_dalam: Callable[[_Kotak], str], letak: str
           ) -> tuple[_Kotak, list[tuple[float, BarisTabel]]] | None:
    """(the table's box, [(top, row)]) of a group of ruling lines, or None when it is no grid."""
    datar = [g for g in garis if g.bottom - g.top < _TIPIS]
    tegak = [g for g in garis if g.x1 - g.x0 < _TIPIS]
    xs = _gugus([(g.x0 + g.x1) / 2 for g in tegak])
    ys = _gugus([(g.top + g.bottom) / 2 for g in datar])
    if len(xs) < 2 or len(ys) < 2:
        return None

    def ada_datar(y: float, x: float) -> bool:
        return any(abs((g.top + g.bottom) / 2 - y) <= _TOLERANSI and g.x0 - _TOLERANSI <= x <= g.x1 + _TOLERANSI
                   for g in datar)

    def ada_tegak(x: float, y: float) -> bool:
        return any(abs((g.x0 + g.x1) / 2 - x) <= _TOLERANSI and g.top - _TOLERANSI <= y <= g.bottom + _TOLERANSI
                   for g in tegak)

    baris = []
    for i in range(len(ys) - 1):
        tengah_y = (ys[i] + ys[i + 1]) / 2
        sel, gabung = [], set()
        for j in range(len(xs) - 1):
            tengah_x = (xs[j] + xs[j + 1]) / 2
            if i > 0 and not ada_datar(ys[i], tengah_x):
                gabung.add(j)  # the lower part of a cell spanning rows
                sel.append("")
                continue
            if j > 0 and not ada_tegak(xs[j], tengah_y):
                sel.append("")  # the right part of a cell spanning columns
                continue
            bawah = next((k for k in range(i + 1, len(ys)) if ada_datar(ys[k], tengah_x)), len(ys) - 1)
            kanan = next((k for k in range(j + 1, len(xs)) if ada_tegak(xs[k], tengah_y)), len(xs) - 1)
            isi = teks_dalam(_Kotak(xs[j], ys[i], xs[kanan], ys[bawah]))
            sel.append(sambung(re.split(r"\r?\n", isi)))
        baris.append((ys[i], BarisTabel(tuple(sel), letak, frozenset(gabung))))
    return _Kotak(xs[0], ys[0], xs[-1], ys[-1]), baris


def _paragraf(runs: list[_Kotak], teks_dalam: Callable[[_Kotak], str], letak: str) -> list[tuple[float, Paragraf]]:
    """Text runs outside the tables as lines, and lines as paragraphs: a line that continues a list
    item starts where the item's text starts (the hanging indent)."""
    runs = sorted(runs, key=lambda k: ((k.top + k.bottom) / 2, k.x0))
    baris: list[list[_Kotak]] = []
    for k in runs:
        if baris and abs((k.top + k.bottom) / 2 - (baris[-1][0].top + baris[-1][0].bottom) / 2) <= _TOLERANSI:
            baris[-1].append(k)
        else:
            baris.append([k])
    hasil: list[tuple[float, list[str], float | None, float]] = []  # top, lines, item text x, line x
    for b in baris:
        b.sort(key=lambda k: k.x0)
        # Runs that touch are read together; a gap between runs is a space (PDFium may not write one).
        potongan: list[list[_Kotak]] = []
        for k in b:
            if potongan and k.x0 - potongan[-1][-1].x1 <= 0.5:
                potongan[-1].append(k)
            else:
                potongan.append([k])
        bagian = [rapikan(teks_dalam(_Kotak(p[0].x0, min(k.top for k in p), p[-1].x1, max(k.bottom for k in p))))
                  for p in potongan]
        teks = rapikan(" ".join(bagian))
        if not teks:
            continue
        x0 = b[0].x0
        # A label printed apart from its text ("12." then the text further right): where the text starts.
        awal_teks = potongan[1][0].x0 if len(potongan) > 1 and _LABEL.match(bagian[0]) else None
        if hasil and not _LABEL_DI_AWAL.match(teks):
            _, isi, teks_item, x_item = hasil[-1]
            if (teks_item is not None and abs(x0 - teks_item) <= _TOLERANSI) or (
                    teks_item is None and _LABEL_DI_AWAL.match(isi[0]) and x0 > x_item + 3):
                isi.append(teks)
                continue
        hasil.append((b[0].top, [teks], awal_teks, x0))
    return [(top, Paragraf(sambung(isi), letak)) for top, isi, _, _ in hasil]
