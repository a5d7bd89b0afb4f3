"""A PDF with a text layer, read with pdfplumber: ruled tables as cells (a cell's wrapped lines
joined; a cell spanning rows leaves the rows below marked as merged), the other text as lines,
a wrapped list item's lines joined into one paragraph by their position (the hanging indent).
A PDF without text (a scan) is refused: OCR is not supported."""

from __future__ import annotations

import re
from pathlib import Path

from .dokumen import BarisTabel, Blok, DokumenTidakValid, Paragraf, sambung

_LABEL = re.compile(r"^(?P<label>\d{1,3}|[a-z]{1,2})[.)]\s")
_TOLERANSI = 2.0  # points: lines starting this close are aligned


def baca(path: Path) -> list[Blok]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        with pdfplumber.open(path) as pdf:
            blok: list[Blok] = []
            ada_teks = False
            for nomor, halaman in enumerate(pdf.pages, start=1):
                isi, teks = _halaman(halaman, nomor)
                blok += isi
                ada_teks = ada_teks or teks
    except Exception as galat:  # pdfminer raises many kinds for a damaged file; all mean the same here
        if isinstance(galat, PDFPasswordIncorrect) or isinstance(galat.__cause__, PDFPasswordIncorrect) or (
                "password" in repr(galat).lower()):
            raise DokumenTidakValid("PDF ini dilindungi kata sandi. Buka kuncinya dulu (simpan ulang tanpa kata "
                                    "sandi), lalu impor lagi.") from None
        raise DokumenTidakValid(f"Berkas tidak dapat dibaca sebagai PDF (rusak atau bukan PDF: "
                                f"{type(galat).__name__}).") from None
    if not ada_teks:
        raise DokumenTidakValid("PDF ini tidak memiliki lapisan teks (hasil pindaian/gambar). Pengenalan teks "
                                "(OCR) tidak didukung. Impor dokumen Word (.docx) aslinya, atau PDF yang dibuat "
                                "langsung dari dokumen itu (Simpan sebagai PDF), bukan hasil pindaian.")
    return blok


def _halaman(halaman, nomor: int) -> tuple[list[Blok], bool]:
    """The page's paragraphs and table rows, top to bottom; and whether it has any text."""
    tabel = halaman.find_tables()
    kotak = [t.bbox for t in tabel]

    def di_luar_tabel(obj) -> bool:
        tengah_x, tengah_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= tengah_x <= x1 and top <= tengah_y <= bottom for x0, top, x1, bottom in kotak)

    letak = f"halaman {nomor}"
    urutan: list[tuple[float, Blok]] = []
    for t in tabel:
        for baris, isi in zip(t.rows, t.extract()):
            sel = tuple("" if s is None else sambung(s.split("\n")) for s in isi)
            gabung = frozenset(i for i, s in enumerate(isi) if s is None)
            urutan.append((baris.bbox[1], BarisTabel(sel, letak, gabung)))
    baris_teks = halaman.filter(di_luar_tabel).extract_text_lines()
    paragraf: list[tuple[float, list[str], float | None]] = []  # (top, lines, x where a label's text starts)
    for b in baris_teks:
        awal_teks = paragraf[-1][2] if paragraf else None
        if awal_teks is not None and not _LABEL.match(b["text"]) and abs(b["x0"] - awal_teks) < _TOLERANSI:
            paragraf[-1][1].append(b["text"])
            continue
        paragraf.append((b["top"], [b["text"]], _awal_teks(b)))
    urutan += [(top, Paragraf(sambung(baris), letak)) for top, baris, _ in paragraf]
    urutan.sort(key=lambda x: x[0])
    return [b for _, b in urutan], bool(halaman.chars)


def _awal_teks(baris: dict) -> float | None:
    """Where the text after a list label begins ("12. menyusun": the x of "m"), or None."""
    cocok = _LABEL.match(baris["text"])
    if cocok is None:
        return None
    huruf = [c for c in baris["chars"] if c["text"].strip()]
    panjang = len(cocok["label"]) + 1
    return huruf[panjang]["x0"] if len(huruf) > panjang else None
