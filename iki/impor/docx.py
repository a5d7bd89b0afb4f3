"""A Word document (.docx), read with python-docx: paragraphs and tables in body order, tables
as rows of cells (a vertically merged cell leaves the rows below marked as merged). Word's
automatic list numbering is not in a paragraph's text; its label (1, 2 ... or a, b ...) is
counted from the document's numbering definitions and put back in front of the text."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from .dokumen import BarisTabel, Blok, DokumenTidakValid, Paragraf, rapikan

# An encrypted Office file (password) is an OLE container, as is the old binary .doc.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def baca(path: Path) -> list[Blok]:
    from docx import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

    with path.open("rb") as berkas:
        if berkas.read(8) == _OLE:
            raise DokumenTidakValid("Dokumen Word ini dilindungi kata sandi, atau berformat .doc lama. Buka di Word, "
                                    "hapus kata sandinya dan simpan sebagai .docx, lalu impor lagi.")
    try:
        dokumen = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as galat:
        raise DokumenTidakValid(f"Berkas tidak dapat dibaca sebagai dokumen Word .docx (rusak atau bukan .docx: "
                                f"{type(galat).__name__}).") from None
    except Exception as galat:  # lxml's errors for broken XML inside the package
        raise DokumenTidakValid(f"Isi dokumen Word rusak ({type(galat).__name__}).") from None
    penomoran = _Penomoran(dokumen)
    blok: list[Blok] = []
    nomor_paragraf = nomor_tabel = 0
    for unsur in dokumen.iter_inner_content():
        if isinstance(unsur, Paragraph):
            nomor_paragraf += 1
            if teks := rapikan(unsur.text):  # tabs and line breaks in the text count as spaces
                blok.append(Paragraf(penomoran.label(unsur._p) + teks, f"paragraf {nomor_paragraf}"))
            continue
        nomor_tabel += 1
        for nomor_baris, tr in enumerate(unsur._tbl.tr_lst, start=1):
            sel: list[str] = []
            gabung: set[int] = set()
            for tc in tr.tc_lst:
                if tc.vMerge == "continue":
                    gabung.add(len(sel))
                sel.append(rapikan(_Cell(tc, unsur).text))
                sel += [""] * (tc.grid_span - 1)
            blok.append(BarisTabel(tuple(sel), f"tabel {nomor_tabel} baris {nomor_baris}", frozenset(gabung)))
    return blok


class _Penomoran:
    """Labels of Word's automatic numbering: decimal (1, 2 ...) and letters (a ... z, aa ...)."""

    def __init__(self, dokumen: Any) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.format: dict[tuple[str, int], str] = {}
        self.mulai: dict[tuple[str, int], int] = {}
        self.hitung: dict[tuple[str, int], int] = {}
        self.gaya: dict[str, object] = {}
        try:
            akar = dokumen.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        # A list style (e.g. "List Number") carries the numbering for its paragraphs.
        self.gaya = {g.get(qn("w:styleId")): g.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
                     for g in dokumen.styles.element.iter(qn("w:style"))}
        abstrak = {a.get(qn("w:abstractNumId")): a for a in akar.iter(qn("w:abstractNum"))}
        for num in akar.iter(qn("w:num")):
            acuan = num.find(qn("w:abstractNumId"))
            definisi = abstrak.get(acuan.get(qn("w:val")) if acuan is not None else None)
            for lvl in definisi.iter(qn("w:lvl")) if definisi is not None else ():
                kunci = (num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"))))
                fmt, start = lvl.find(qn("w:numFmt")), lvl.find(qn("w:start"))
                self.format[kunci] = fmt.get(qn("w:val")) if fmt is not None else "decimal"
                self.mulai[kunci] = int(start.get(qn("w:val"))) if start is not None else 1

    def label(self, p: Any) -> str:
        qn = self.qn
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is None and (gaya := p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) is not None:
            num_pr = self.gaya.get(gaya.get(qn("w:val")))
        if num_pr is None or num_pr.find(qn("w:numId")) is None:
            return ""
        num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        ilvl_unsur = num_pr.find(qn("w:ilvl"))
        ilvl = int(ilvl_unsur.get(qn("w:val"))) if ilvl_unsur is not None else 0
        kunci = (num_id, ilvl)
        if kunci not in self.format:
            return ""
        self.hitung[kunci] = self.hitung.get(kunci, self.mulai[kunci] - 1) + 1
        for lebih_dalam in [k for k in self.hitung if k[0] == num_id and k[1] > ilvl]:
            del self.hitung[lebih_dalam]
        n, fmt = self.hitung[kunci], self.format[kunci]
        if fmt in ("lowerLetter", "upperLetter"):
            huruf = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
            return f"{huruf.upper() if fmt == 'upperLetter' else huruf}. "
        return f"{n}. " if fmt == "decimal" else ""
