"""The official IKI form on paper: a jabatan page printed to PDF by Chromium (the browser's
"Print"), and the Lampiran PDF that the build makes with Typst."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

# Short ones, one with rows whose NO is blank, one with editor notes and derived values, the longest.
CONTOH = ["sekretaris-dinas", "penera-ahli-muda", "bendahara", "kabid-perindustrian"]
A4 = (595.3, 841.9)
# What the site shows around the form, and must not reach the paper.
BUKAN_FORMULIR = [r"\bCari\b", r"\bBeranda\b", r"Unit Kerja", r"Unduh data", r"Cetak formulir IKI", r"Daftar isi",
                  r"IKI 2022 Dinas", r"Catatan editor", r"Nilai turunan", r"Bawahan langsung", r"Jenis jabatan",
                  r"Sebelumnya", r"Berikutnya", r"Material for MkDocs", r"dipetakan", r"Pohon kinerja"]


def _rapi(teks: str) -> str:
    return " ".join(teks.split())


def _padat(teks: str) -> str:
    """Without any whitespace: a line may wrap after "/" in print, and the PDF text then has a space there."""
    return "".join(teks.split())


def _a4(halaman) -> bool:
    return all(abs(float(x) - y) < 2 for x, y in zip((halaman.mediabox.width, halaman.mediabox.height), A4))


def _isi_formulir(teks: str, j, keputusan) -> None:
    """The form's parts, in a page's (or pages') text."""
    padat = _padat(teks)
    assert f"INDIKATOR KINERJA INDIVIDU TAHUN {keputusan.identitas.tahun}" in teks
    assert f"Jabatan : {_rapi(j.nama)}" in teks
    assert "Tugas :" in teks and "NO SASARAN INDIKATOR TARGET KET (1) (2) (3) (4) (5)" in teks
    for t in j.tugas:
        assert _padat(t.teks) in padat, (j.slug, t.label)
    for b in j.iki:
        assert _padat(b.indikator) in padat and _padat(b.target) in padat, (j.slug, b.indikator)
    p = keputusan.identitas.penandatangan
    assert p.nama in teks and f"NIP. {p.nip}" in teks and p.pangkat in teks


@pytest.mark.parametrize("slug", CONTOH)
def test_halaman_jabatan_dicetak_sebagai_formulir(peramban, alamat_situs, keputusan, slug):
    halaman = peramban.new_page()
    halaman.goto(alamat_situs + f"jabatan/{slug}/")
    halaman.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(halaman.pdf(prefer_css_page_size=True)))
    halaman.close()
    assert all(_a4(h) for h in pdf.pages)
    teks = _rapi(" ".join(h.extract_text() for h in pdf.pages))
    _isi_formulir(teks, keputusan.cari_jabatan(slug), keputusan)
    for pola in BUKAN_FORMULIR:
        assert not re.search(pola, teks), (slug, pola)


def test_halaman_jabatan_di_layar_tanpa_bagian_cetak(peramban, alamat_situs, keputusan):
    halaman = peramban.new_page()
    halaman.goto(alamat_situs + "jabatan/sekretaris-dinas/")
    assert halaman.get_by_role("button", name="Cetak formulir IKI").is_visible()
    for pilih in (".iki-formulir-kepala", ".iki-tanda-tangan", ".iki-nomor-kolom"):
        assert halaman.locator(pilih).count() == 1 and not halaman.locator(pilih).is_visible(), pilih
    halaman.close()


def test_tanpa_javascript_tombol_cetak_diganti_petunjuk(peramban, alamat_situs):
    konteks = peramban.new_context(java_script_enabled=False)
    halaman = konteks.new_page()
    halaman.goto(alamat_situs + "jabatan/sekretaris-dinas/")
    assert not halaman.locator(".iki-tombol-cetak").is_visible()
    petunjuk = halaman.locator(".iki-aksi noscript p")
    assert petunjuk.is_visible() and "gunakan menu Cetak pada peramban (Ctrl+P)" in petunjuk.inner_text()
    konteks.close()


@pytest.fixture(scope="module")
def lampiran(situs) -> PdfReader:
    return PdfReader(situs / "unduh" / "iki-2022-lampiran.pdf")


def test_lampiran_pdf_satu_formulir_per_jabatan_mulai_di_halaman_baru(lampiran, keputusan):
    daftar = [j for j in keputusan.jabatan if j.iki]  # the Lampiran has no form for the Kepala Dinas
    assert [o.title for o in lampiran.outline] == [j.nama for j in daftar]
    awal = [lampiran.get_destination_page_number(o) for o in lampiran.outline] + [len(lampiran.pages)]
    assert awal[0] == 0 and all(a < b for a, b in zip(awal, awal[1:]))
    assert all(_a4(h) for h in lampiran.pages)
    for j, a, b in zip(daftar, awal, awal[1:], strict=False):
        halaman = [_rapi(lampiran.pages[i].extract_text()) for i in range(a, b)]
        assert len(halaman) <= 2, j.slug  # a long form runs onto a second page, never more
        assert f"Jabatan : {_rapi(j.nama)}" in halaman[0]
        teks = " ".join(halaman)
        assert teks.count("INDIKATOR KINERJA INDIVIDU TAHUN") == 1, j.slug
        _isi_formulir(teks, j, keputusan)
