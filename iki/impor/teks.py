"""A plain-text extraction of the decree, like `sumber/`: one paragraph a line, table rows as
cells separated by tabs. What the extraction added to the text is taken off: the Markdown
bold marks (`**`, which also stand where a line break was lost) and a leading list mark `- `."""

from __future__ import annotations

import re
from pathlib import Path

from .dokumen import BarisTabel, Blok, DokumenTidakValid, Paragraf, rapikan

_TANDA_DAFTAR = re.compile(r"^\s*-\s+")


def baca(path: Path) -> list[Blok]:
    try:
        teks = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as galat:
        salah = path.read_bytes().count(b"\n", 0, galat.start) + 1
        raise DokumenTidakValid(f"Berkas tidak tersimpan dengan pengodean UTF-8 (baris {salah} tidak terbaca). "
                                "Simpan ulang berkas teks itu dengan pengodean UTF-8.") from None
    if "\x00" in teks:
        raise DokumenTidakValid("Berkas ini bukan berkas teks (berisi data biner). "
                                "Impor dokumen Word sebagai .docx dan PDF sebagai .pdf.")
    blok: list[Blok] = []
    for nomor, baris in enumerate(teks.splitlines(), start=1):
        letak = f"baris {nomor}"
        if "\t" in baris:
            sel = tuple(rapikan(s.replace("**", " ")) for s in baris.split("\t"))
            if any(sel):
                blok.append(BarisTabel(sel, letak))
            continue
        for bagian in baris.split("**"):
            bagian = rapikan(_TANDA_DAFTAR.sub("", bagian))
            if bagian:
                blok.append(Paragraf(bagian, letak))
    return blok
