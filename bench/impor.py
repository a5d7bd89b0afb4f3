"""Benchmark of `python -m iki impor` on the real 40-jabatan decree, in its three formats: the
text extraction in sumber/, the project's own Lampiran PDF (iki.ekspor) and a DOCX written from
the model with real Word tables. Reading and planning only (nothing written), best of three runs.

    python -m bench --impor-saja
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from iki.impor import rencana
from iki.impor.dokumen import BarisTabel, Blok, Paragraf
from iki.loader import LetakData, muat
from iki.model import Keputusan

ROOT = Path(__file__).resolve().parents[1]


def blok_model(keputusan: Keputusan) -> list[Blok]:
    """The Lampiran's forms as the stream a reader makes of a document, from the model: a merged
    SASARAN cell (one sasaran for several indikator) is a row marked as merged below the first."""
    blok: list[Blok] = []
    for j in (j for j in keputusan.jabatan if j.iki):
        blok += [Paragraf("INDIKATOR KINERJA INDIVIDU", ""), Paragraf(f"TAHUN {keputusan.identitas.tahun}", ""),
                 Paragraf(f"Jabatan : {j.nama}", ""), Paragraf("Tugas :", "")]
        for t in j.tugas:
            blok += [Paragraf(f"{t.label}. {t.teks}", ""), *(Paragraf(f"{s.label}. {s.teks}", "") for s in t.sub)]
        blok += [BarisTabel(("NO", "SASARAN", "INDIKATOR", "TARGET", "KET"), ""),
                 BarisTabel(("(1)", "(2)", "(3)", "(4)", "(5)"), "")]
        for i, b in enumerate(j.iki):
            lanjut = i > 0 and (b.nomor, b.sasaran) == (j.iki[i - 1].nomor, j.iki[i - 1].sasaran)
            no = "" if b.nomor is None else str(b.nomor)
            blok.append(BarisTabel(("", "", b.indikator, b.target, b.ket) if lanjut else
                                   (no, b.sasaran, b.indikator, b.target, b.ket), "",
                                   frozenset({0, 1}) if lanjut else frozenset()))
    return blok


def tulis_docx(blok: list[Blok], path: Path) -> Path:
    """A Word document of paragraphs and real Word tables (merged cells as vertical merges)."""
    from docx import Document

    dokumen = Document()
    tabel = None
    for b in blok:
        if isinstance(b, Paragraf):
            dokumen.add_paragraph(b.teks)
            tabel = None
            continue
        if tabel is None:
            tabel = dokumen.add_table(rows=0, cols=5)
            tabel.style = "Table Grid"
        sel = tabel.add_row().cells
        for i, teks in enumerate(b.sel[:5]):
            if i in b.gabung:
                tabel.cell(len(tabel.rows) - 2, i).merge(sel[i])
            else:
                sel[i].text = teks
    dokumen.save(str(path))
    return path


def ukur() -> list[str]:
    """Markdown lines: seconds to import the real decree from each format."""
    from iki.ekspor.lampiran_pdf import ke_pdf

    keputusan = muat(LetakData.untuk(ROOT, "diskoperindag-2022"))
    baris = ["### Impor Keputusan dari dokumennya (40 jabatan, `python -m iki impor`)", "",
             "| format | berkas | ukuran (KB) | jabatan | waktu (s, terbaik dari 3) |", "| --- | --- | --- | --- | --- |"]
    with tempfile.TemporaryDirectory(prefix="iki-bench-impor-") as kerja:
        pdf = Path(kerja) / "lampiran.pdf"
        pdf.write_bytes(ke_pdf(keputusan))
        berkas = [("teks", next((ROOT / "sumber").glob("*.txt"))), ("PDF", pdf),
                  ("DOCX", tulis_docx(blok_model(keputusan), Path(kerja) / "keputusan.docx"))]
        for format, path in berkas:
            waktu = []
            for _ in range(3):
                mulai = time.perf_counter()
                _, hasil = rencana(path, "bench")
                waktu.append(time.perf_counter() - mulai)
            baris.append(f"| {format} | {path.name} | {path.stat().st_size / 1024:.0f} | {hasil.jumlah_jabatan} | "
                         f"{min(waktu):.2f} |")
    return baris + [""]
