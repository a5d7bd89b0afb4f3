"""`python -m iki impor`: a decree's document (text, PDF, DOCX) into the project's files.

Round trips against the real decree (its text extraction in sumber/, the project's own Lampiran
PDF, a DOCX written from the model with real Word tables), a fictional decree (fiktif) in all
three formats, and bad files."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from bench.impor import blok_model, tulis_docx
from iki.cli import main
from iki.impor import impor
from iki.impor.dokumen import BarisTabel, Paragraf
from iki.impor.teks import baca as baca_teks
from iki.loader import ISIAN, LetakData, baca_sebagian, periksa

from conftest import NASKAH, ROOT

# A fictional decree's text, as extracted from its document.
TEKS_FIKTIF = ROOT / "tests" / "fixtures" / "impor" / "fiktif.txt"
_ENTRI = re.compile(r"^- \*\*(?P<nama>.+?)\*\*, (?P<letak>[^:]+): (?P<teks>.*)$")


def _impor(sumber: Path, keluaran: Path, id_keputusan: str = "uji"):
    hasil = impor(sumber, keluaran, id_keputusan)
    _, _, jabatan = baca_sebagian(LetakData(keluaran, data=f"data/{id_keputusan}", jabatan=f"jabatan/{id_keputusan}"))
    return sorted(jabatan, key=lambda j: j.urutan), (keluaran / hasil.laporan).read_text(encoding="utf-8")


def _isi_jabatan(j) -> tuple:
    """What the document says of a jabatan: nama, tugas with labels, IKI rows."""
    return (j.nama, [t.model_dump() for t in j.tugas],
            [(b.nomor, b.sasaran, b.indikator, b.target, b.ket) for b in j.iki])


def _bagian(laporan: str, judul: str) -> list[dict]:
    teks = laporan.split(f"## {judul}", 1)[1].split("\n## ", 1)[0]
    return [m.groupdict() for m in map(_ENTRI.match, teks.splitlines()) if m]


def _lampiran(keputusan):
    """The jabatan that have a form in the Lampiran (the Kepala Dinas has none)."""
    return [j for j in keputusan.jabatan if j.iki]


# -- the real decree -------------------------------------------------------------


def _perbaikan_editor(j) -> set[tuple]:
    """The editors' repairs of extraction damage, from their notes ("Pada naskah sumber, ...")."""
    hasil = set()
    for c in j.catatan_editor:
        if not c.startswith("Pada naskah sumber"):
            continue
        if m := re.search(r'butir berhuruf "(\w+)\."', c):
            hasil.add((j.nama, "pisah", m[1]))
        elif m := re.search(r"(?:sub-)?butir (\w+) terpotong", c):
            hasil.add((j.nama, "sambung", m[1]))
        else:
            assert "nama jabatan terpotong" in c, c
            hasil.add((j.nama, "nama", ""))
    return hasil


def _perbaikan_laporan(laporan: str) -> set[tuple]:
    hasil = set()
    for e in _bagian(laporan, "Perlu diperiksa"):
        if m := re.search(r"dipisah menjadi butir \w+ dan butir (\w+)\.$", e["teks"]):
            hasil.add((e["nama"], "pisah", m[1]))
        elif m := re.search(r"disambung ke butir (\w+) ", e["teks"]):
            hasil.add((e["nama"], "sambung", m[1]))
        elif e["teks"].startswith("Nama jabatan disambung"):
            hasil.add((e["nama"], "nama", ""))
    return hasil


def test_teks_sumber_kembali_sama_dengan_data(keputusan, tmp_path):
    jabatan, laporan = _impor(NASKAH, tmp_path)
    model = _lampiran(keputusan)
    assert [_isi_jabatan(j) for j in jabatan] == [_isi_jabatan(j) for j in model]
    # Every repair the editors made of extraction damage is one the import made and reported,
    # and every repair the import reports is one the editors made.
    dari_editor = set().union(*map(_perbaikan_editor, model))
    assert len(dari_editor) == 16
    assert _perbaikan_laporan(laporan) == dari_editor
    assert _bagian(laporan, "Baris lanjutan sel SASARAN")[0]["nama"] == "Sekretaris Dinas"
    assert [e["nama"] for e in _bagian(laporan, "Penomoran")] == [
        "Bendahara", "Kepala UPTD Pengembangan Sentra Keramik", "Pengelola Data"]


def test_identitas_dan_isian(keputusan, acuan, tmp_path):
    impor(NASKAH, tmp_path, "uji")
    import yaml
    identitas = yaml.safe_load((tmp_path / "data/uji/keputusan.yml").read_text(encoding="utf-8"))
    asli = keputusan.identitas
    assert identitas["nomor"] == asli.nomor and identitas["tahun"] == asli.tahun
    assert identitas["tanggal"] == asli.tanggal and identitas["penandatangan"]["nip"] == asli.penandatangan.nip
    assert identitas["target_kualitatif"] == ["B"]
    teks = (tmp_path / "jabatan/uji/sekretaris-dinas.md").read_text(encoding="utf-8")
    assert f"unit: {ISIAN['unit']}\n" in teks and f"atasan: {ISIAN['atasan']}\n" in teks
    assert "eselon: III\n" in teks and "turunan:\n  jenis:" in teks and "catatan_editor:" in teks
    # The checker names every placeholder left to replace.
    _, masalah = periksa(LetakData(tmp_path, data="data/uji", jabatan="jabatan/uji"))
    isian = [m for m in masalah if "Masih berisi isian" in m.pesan and m.berkas.startswith("jabatan/")]
    assert len(isian) == 2 * acuan.lampiran  # unit and atasan of every jabatan


@pytest.fixture(scope="module")
def lampiran_pdf(keputusan, tmp_path_factory) -> Path:
    from iki.ekspor.lampiran_pdf import ke_pdf
    path = tmp_path_factory.mktemp("pdf") / "lampiran.pdf"
    path.write_bytes(ke_pdf(keputusan))
    return path


def test_pdf_lampiran_proyek_kembali_sama_dengan_data(keputusan, lampiran_pdf, tmp_path):
    jabatan, laporan = _impor(lampiran_pdf, tmp_path)
    assert [_isi_jabatan(j) for j in jabatan] == [_isi_jabatan(j) for j in _lampiran(keputusan)]
    assert _bagian(laporan, "Bagian yang tidak ditempatkan") == []
    # In the Lampiran as Typst sets it no IKI table runs onto a second page, so no repeated header is
    # removed (the fictional decree's PDF has one: test_keputusan_fiktif).
    assert _bagian(laporan, "Kepala halaman") == []


# -- documents written by the tests ----------------------------------------------


# A fictional decree's pages set by Typst (as the Lampiran is): the data arrives as JSON and is set as text.
_TYPST_UJI = b"""#set page(paper: "a4", margin: 2cm)
#set text(font: "Liberation Sans", size: 10pt)
#for b in json(bytes(sys.inputs.data)) {
  if b.jenis == "p" {
    if b.baru { pagebreak() }
    par(b.teks)
  } else {
    table(columns: (6%, 36%, 36%, 14%, 1fr), stroke: 0.5pt + black, inset: (x: 1.5mm, y: 1.2mm),
          ..b.baris.flatten())
  }
}
"""


def _tulis_pdf(blok: list, path: Path) -> Path:
    """A PDF with ruled tables; the text between two parts of a table is printed at the top of a new
    page, as a running page header is."""
    import json

    import typst

    from iki.ekspor.lampiran_pdf import FOLDER_FONT

    bagian: list[dict] = []
    tabel: list[list[str]] = []
    setelah_tabel = False
    for b in blok + [Paragraf("", "")]:
        if isinstance(b, BarisTabel):
            tabel.append((list(b.sel[:5]) + [""] * 5)[:5])
            continue
        if tabel:
            bagian.append({"jenis": "tabel", "baris": tabel})
            tabel, setelah_tabel = [], True
        if b.teks:
            bagian.append({"jenis": "p", "teks": b.teks,
                           "baru": setelah_tabel and not b.teks.startswith("INDIKATOR")})
            setelah_tabel = False
    path.write_bytes(typst.compile(_TYPST_UJI, format="pdf", sys_inputs={"data": json.dumps(bagian)},
                                   font_paths=[str(FOLDER_FONT)], ignore_system_fonts=True))
    return path


def test_docx_dari_model_kembali_sama_dengan_data(keputusan, tmp_path):
    berkas = tulis_docx(blok_model(keputusan), tmp_path / "keputusan.docx")
    jabatan, laporan = _impor(berkas, tmp_path / "hasil")
    assert [_isi_jabatan(j) for j in jabatan] == [_isi_jabatan(j) for j in _lampiran(keputusan)]
    assert _bagian(laporan, "Baris lanjutan sel SASARAN")[0]["nama"] == "Sekretaris Dinas"


FIKTIF_ISI = [
    ("Kepala Bidang Budidaya Fiktif",
     [{"label": "1", "teks": "menyusun rencana kerja bidang budidaya fiktif;", "sub": []},
      {"label": "2", "teks": "menyelenggarakan :", "sub": [
          {"label": "a", "teks": "pembinaan kelompok pembudidaya fiktif;", "sub": []},
          {"label": "b", "teks": "pendataan kolam fiktif di wilayah kabupaten;", "sub": []}]},
      {"label": "3", "teks": "melaksanakan tugas lain yang diberikan oleh Kepala Dinas Fiktif.", "sub": []}],
     [(1, "Meningkatnya mutu budidaya ikan fiktif", "Indeks mutu budidaya fiktif", "82,5 Indeks", ""),
      (1, "Meningkatnya mutu budidaya ikan fiktif", "Jumlah dokumen rekomendasi budidaya fiktif", "1.250 Dokumen", ""),
      (2, "Meningkatnya produksi benih fiktif", "Persentase benih fiktif yang tersalurkan", "100%", "triwulan")]),
    ("Pengelola Data Perikanan Fiktif",
     [{"label": "1", "teks": "menghimpun data produksi perikanan fiktif;", "sub": []},
      {"label": "2", "teks": "menyusun laporan data perikanan fiktif.", "sub": []}],
     [(1, "Tersedianya data perikanan fiktif", "Jumlah laporan data perikanan fiktif", "dua belas Laporan", "")]),
]


@pytest.mark.parametrize("format", ["txt", "docx", "pdf"])
def test_keputusan_fiktif(format, tmp_path):
    berkas = {"txt": lambda: TEKS_FIKTIF,
              "docx": lambda: tulis_docx(baca_teks(TEKS_FIKTIF), tmp_path / "fiktif.docx"),
              "pdf": lambda: _tulis_pdf(baca_teks(TEKS_FIKTIF), tmp_path / "fiktif.pdf")}[format]()
    jabatan, laporan = _impor(berkas, tmp_path / "hasil", "fiktif-2023")
    assert [_isi_jabatan(j) for j in jabatan] == FIKTIF_ISI
    tidak_ditempatkan = _bagian(laporan, "Bagian yang tidak ditempatkan")
    assert tidak_ditempatkan[0]["nama"] == "Kepala Bidang Budidaya Fiktif"
    assert "Fungsi :\n  > a. perumusan kebijakan teknis budidaya fiktif;\n  > b. pelaksanaan" in laporan
    assert [e["nama"] for e in _bagian(laporan, "Baris lanjutan sel SASARAN")] == ["Kepala Bidang Budidaya Fiktif"]
    kepala = _bagian(laporan, "Kepala halaman")
    assert len(kepala) == 1 and "DINAS PERIKANAN FIKTIF KABUPATEN CONTOH" in kepala[0]["teks"]
    assert [e["teks"][:25] for e in _bagian(laporan, "Target")] == ['Target "dua belas Laporan']
    identitas = (tmp_path / "hasil/data/fiktif-2023/keputusan.yml").read_text(encoding="utf-8")
    assert "nomor: 001/FIKTIF/2023\n" in identitas and "tanggal: 2023-01-02\n" in identitas
    assert "tahun: 2023\n" in identitas and "nip: 19700101 199501 1 001\n" in identitas
    # jenis proposed from the name and marked as derived
    teks = (tmp_path / "hasil/jabatan/fiktif-2023/kepala-bidang-budidaya-fiktif.md").read_text(encoding="utf-8")
    assert "jenis: struktural\neselon: III\n" in teks and "Keputusan tidak menyebut eselon jabatan ini" in teks


# -- the command and bad files ---------------------------------------------------------


def test_perintah_impor_tidak_menimpa(tmp_path, capsys):
    assert main(["impor", str(TEKS_FIKTIF), "--ke", str(tmp_path), "--id", "fiktif-2023"]) == 0
    assert "2 jabatan diimpor" in capsys.readouterr().out
    sebelum = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert len(sebelum) == 4
    assert main(["impor", str(TEKS_FIKTIF), "--ke", str(tmp_path), "--id", "fiktif-2023"]) == 1
    assert "tidak pernah menimpa" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == sebelum


def _pdf_pindaian(path: Path) -> Path:
    from PIL import Image
    Image.new("RGB", (200, 280), "white").save(path, "PDF")
    return path


def _pdf_sandi(path: Path) -> Path:
    from pypdf import PdfWriter
    penulis = PdfWriter()
    penulis.add_blank_page(200, 200)
    penulis.encrypt("rahasia")
    with path.open("wb") as f:
        penulis.write(f)
    return path


def _docx_rusak(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("bukan-word.txt", "rusak")
    return path


@pytest.mark.parametrize("buat, pesan", [
    (lambda d: _pdf_pindaian(d / "pindaian.pdf"), "tidak memiliki lapisan teks"),
    (lambda d: _pdf_sandi(d / "sandi.pdf"), "dilindungi kata sandi"),
    (lambda d: (d / "rusak.pdf").write_bytes(b"%PDF-1.7\n bukan pdf") and d / "rusak.pdf", "tidak dapat dibaca sebagai PDF"),
    (lambda d: _docx_rusak(d / "rusak.docx"), "tidak dapat dibaca sebagai dokumen Word"),
    (lambda d: (d / "sandi.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)) and d / "sandi.docx",
     "dilindungi kata sandi"),
    (lambda d: (d / "surat.txt").write_text("Surat biasa.\nBukan keputusan.\n") and d / "surat.txt",
     "bukan Lampiran Keputusan IKI"),
    (lambda d: (d / "latin1.txt").write_bytes("Jabatan : Kepala Seksi Pe\xf1a\n".encode("latin-1")) and d / "latin1.txt",
     "pengodean UTF-8"),
    (lambda d: (d / "keputusan.odt").write_bytes(b"x") and d / "keputusan.odt", "tidak didukung"),
])
def test_berkas_buruk(buat, pesan, tmp_path, capsys):
    berkas = buat(tmp_path)
    keluaran = tmp_path / "keluaran"
    assert main(["impor", str(berkas), "--ke", str(keluaran)]) == 1
    err = capsys.readouterr().err
    assert pesan in err and str(berkas) in err and "Traceback" not in err
    assert not keluaran.exists()


def test_docx_penomoran_otomatis_word(tmp_path):
    """Word's automatic numbering is not in the paragraph's text: the labels are counted back."""
    from docx import Document
    dokumen = Document()
    for teks in ("INDIKATOR KINERJA INDIVIDU", "TAHUN 2023", "Jabatan : Analis Fiktif", "Tugas :"):
        dokumen.add_paragraph(teks)
    for teks in ("menghimpun data fiktif;", "menyusun laporan fiktif."):
        dokumen.add_paragraph(teks, style="List Number")
    tabel = dokumen.add_table(rows=0, cols=5)
    for baris in (("NO", "SASARAN", "INDIKATOR", "TARGET", "KET"),
                  ("1", "Data fiktif tersusun", "Jumlah laporan fiktif", "12 Laporan", "")):
        for sel, teks in zip(tabel.add_row().cells, baris):
            sel.text = teks
    dokumen.save(tmp_path / "bernomor.docx")
    jabatan, _ = _impor(tmp_path / "bernomor.docx", tmp_path / "hasil")
    assert [(t.label, t.teks) for t in jabatan[0].tugas] == [("1", "menghimpun data fiktif;"),
                                                             ("2", "menyusun laporan fiktif.")]


def test_identitas_yang_tidak_ada_menjadi_isian_yang_diperiksa(tmp_path):
    """A document with forms only: the identity is left as "ISI ..." placeholders, listed in the
    report, and the checker names each one."""
    hanya_formulir = tmp_path / "formulir.txt"
    baris = TEKS_FIKTIF.read_text(encoding="utf-8").splitlines()
    hanya_formulir.write_text("\n".join(baris[baris.index("INDIKATOR KINERJA INDIVIDU"):]), encoding="utf-8")
    _, laporan = _impor(hanya_formulir, tmp_path / "hasil")
    assert f"| nomor | {ISIAN['nomor']} | tidak ditemukan" in laporan
    _, masalah = periksa(LetakData(tmp_path / "hasil", data="data/uji", jabatan="jabatan/uji"))
    isian = {m.kolom for m in masalah if m.berkas == "data/uji/keputusan.yml" and "Masih berisi isian" in m.pesan}
    assert isian == {"nomor", "judul", "instansi", "ditetapkan_di", "tanggal", "penandatangan → jabatan",
                     "penandatangan → nama", "penandatangan → pangkat", "penandatangan → nip"}


def test_dua_formulir_bernama_sama(tmp_path):
    teks = TEKS_FIKTIF.read_text(encoding="utf-8")
    kembar = tmp_path / "kembar.txt"
    kembar.write_text(teks.replace("Jabatan : Pengelola Data Perikanan Fiktif", "Jabatan : Kepala Bidang Budidaya "
                                                                                "Fiktif"), encoding="utf-8")
    jabatan, laporan = _impor(kembar, tmp_path / "hasil")
    assert [j.slug for j in jabatan] == ["kepala-bidang-budidaya-fiktif", "kepala-bidang-budidaya-fiktif-2"]
    entri = _bagian(laporan, "Dua formulir dengan nama jabatan yang sama")
    assert [(e["nama"], e["letak"]) for e in entri] == [("Kepala Bidang Budidaya Fiktif", "baris 37")]
    assert "sama dengan formulir di baris 16" in entri[0]["teks"]
