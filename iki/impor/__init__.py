"""`python -m iki impor <berkas>`: a decree's Lampiran read from its document (DOCX, PDF with a
text layer, or a text extraction like `sumber/`) into the project's files, verbatim, with a
report of everything a person must look at.

Each format has its reader (`teks`, `pdf`, `docx`), which turns the file into paragraphs and
table rows (`dokumen`); `formulir` finds the forms in them whatever the format, `identitas` the
decree's identity, and `tulis` makes the files and the report. Nothing is written unless the
whole document was read and none of the files exists yet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..loader import PESAN_SLUG, SLUG, slug_dari
from . import docx, pdf, teks
from .dokumen import Blok, DokumenTidakValid
from .formulir import urai
from .identitas import temukan
from .tulis import Rencana, rencanakan

PEMBACA: dict[str, Callable[[Path], list[Blok]]] = {".docx": docx.baca, ".pdf": pdf.baca, ".txt": teks.baca}


def rencana(sumber: Path, id_keputusan: str | None = None) -> tuple[str, Rencana]:
    """Read a document; return the decree's id and what importing it would write (nothing is written)."""
    baca = PEMBACA.get(sumber.suffix.lower())
    if baca is None:
        raise DokumenTidakValid(f"Jenis berkas '{sumber.suffix or '(tanpa akhiran)'}' tidak didukung. "
                                "Yang dapat diimpor: .docx (Word), .pdf (dengan lapisan teks) dan .txt (UTF-8).")
    if not sumber.is_file():
        raise DokumenTidakValid("Berkas tidak ditemukan.")
    id_keputusan = id_keputusan or slug_dari(sumber.stem)
    if not SLUG.match(id_keputusan):
        raise DokumenTidakValid(f"Id keputusan '{id_keputusan}' {PESAN_SLUG}, mis. '{slug_dari(id_keputusan)}'.")
    bacaan = urai(baca(sumber))
    if not bacaan.formulir:
        raise DokumenTidakValid("Tidak ditemukan satu pun formulir Indikator Kinerja Individu (baris \"Jabatan : "
                                "...\" diikuti \"Tugas :\" dan tabel NO | SASARAN | INDIKATOR | TARGET | KET). "
                                "Berkas ini bukan Lampiran Keputusan IKI, atau teksnya tidak terbaca.")
    identitas, asal = temukan(bacaan.luar, bacaan.formulir)
    return id_keputusan, rencanakan(bacaan, identitas, asal, sumber.name, id_keputusan)


def impor(sumber: Path, keluaran: Path, id_keputusan: str | None = None) -> Rencana:
    """Import a document into the folder `keluaran`; only new files, never overwriting one."""
    id_keputusan, hasil = rencana(sumber, id_keputusan)
    ada = [nama for nama in hasil.berkas if (keluaran / nama).exists()]
    if ada:
        raise DokumenTidakValid(f"Tidak ada yang ditulis: {len(ada)} berkas sudah ada (mis. {ada[0]}). Impor tidak "
                                f"pernah menimpa berkas; pilih id lain dengan --id atau folder lain dengan --ke.")
    for nama, isi in hasil.berkas.items():
        path = keluaran / nama
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as berkas:
            berkas.write(isi)
    return hasil
