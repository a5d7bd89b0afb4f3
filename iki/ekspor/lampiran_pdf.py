"""PDF of the whole Lampiran: the IKI form of every jabatan that has one, each from a new page,
typeset by Typst (in-process, no network, fonts from FOLDER_FONT only) from lampiran_iki.typ.

The data reaches Typst as one JSON string and is set as text, never read as markup. The form's
layout follows formulir.css, the stylesheet the site prints a jabatan page with, so the PDF and the
browser's print view show the same form. WeasyPrint, the engine before, needed about 0.15 s a page
(7 s for the real decree); Typst lays out the same Lampiran in a fraction of a second (bench/HASIL.md)."""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Jabatan, Keputusan, Tugas
from ..tampilan import sel_iki, tanggal_indonesia

if TYPE_CHECKING:
    import typst

# The form is set in Liberation Sans (Arial's metrics; Debian package fonts-liberation). Typst reads
# fonts from this folder and its own built-in ones only, never from elsewhere on the system.
FOLDER_FONT = Path("/usr/share/fonts/truetype/liberation")
FONT_UTAMA = FOLDER_FONT / "LiberationSans-Regular.ttf"
TEMPLAT = "lampiran_iki.typ"


def templat() -> bytes:
    return resources.files("iki").joinpath("templates", TEMPLAT).read_bytes()


def data_lampiran(keputusan: Keputusan) -> dict:
    """What the Lampiran prints (`Keputusan.jabatan_lampiran`), as the template reads it."""
    k = keputusan.identitas
    return {
        "judul": f"Lampiran Keputusan Nomor {k.nomor}: Indikator Kinerja Individu Tahun {k.tahun}",
        "keputusan": {"nomor": k.nomor, "tanggal": tanggal_indonesia(k.tanggal), "judul": k.judul, "tahun": k.tahun,
                      "instansi": k.instansi, "penandatangan": k.penandatangan.model_dump(mode="json")},
        "formulir": [_formulir(j) for j in keputusan.jabatan_lampiran],
    }


def _formulir(j: Jabatan) -> dict:
    return {
        "nama": j.nama,
        "tugas": [_tugas(t) for t in j.tugas],
        "iki": [{"rentang": s.rentang, "nomor": "" if s.baris.nomor is None else str(s.baris.nomor),
                 "sasaran": s.baris.sasaran, "indikator": s.baris.indikator, "target": s.baris.target,
                 "ket": s.baris.ket} for s in sel_iki(j.iki)],
    }


def _tugas(t: Tugas) -> dict:
    return {"label": t.label, "teks": t.teks, "sub": [_tugas(s) for s in t.sub]}


def berkas_font() -> list[Path]:
    """Every font Typst may take a glyph from, besides its own."""
    return sorted(p for p in FOLDER_FONT.iterdir() if p.is_file()) if FOLDER_FONT.is_dir() else []


def masukan_pdf(keputusan: Keputusan) -> bytes:
    """All the PDF is made from besides the template and the fonts: the data Typst reads."""
    return json.dumps(data_lampiran(keputusan), ensure_ascii=False).encode("utf-8")


@functools.cache
def _font() -> typst.Fonts:
    """The fonts Typst may use, scanned once per process (a third of a small PDF's time): FOLDER_FONT
    and Typst's built-in fonts, none of the system's."""
    import typst  # here: only the PDF needs it

    if not FONT_UTAMA.is_file():
        raise FileNotFoundError(f"Font untuk PDF Lampiran tidak ditemukan: {FONT_UTAMA}. "
                                "Pasang paket fonts-liberation (lihat README).")
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(FOLDER_FONT)])


def ke_pdf(keputusan: Keputusan) -> bytes:
    import typst

    return typst.compile(templat(), format="pdf", sys_inputs={"data": masukan_pdf(keputusan).decode("utf-8")},
                         font_paths=_font())
