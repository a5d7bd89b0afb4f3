"""One home per rule: which jabatan the Lampiran holds, ids, addresses and labels are worked out in
Python (and tested here); the templates only lay them out."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from iki import render
from iki.ekspor.lampiran_pdf import data_lampiran
from iki.model import Keputusan

ALASAN = "Keputusan tidak memuat tabel IKI untuk jabatan ini."


def _tanpa_iki(keputusan: Keputusan, slug: str) -> Keputusan:
    """The decree with one more jabatan that has no IKI table."""
    data = keputusan.model_dump(exclude={"jumlah_baris_iki"})
    for j in data["jabatan"]:
        if j["slug"] == slug:
            j.update(iki=[], tanpa_iki=ALASAN)
    return Keputusan.model_validate(data)


def test_jabatan_di_lampiran(keputusan):
    """The Lampiran prints a form for every jabatan with an IKI table: not for the Kepala Dinas,
    nor for any other jabatan without one."""
    assert [j.slug for j in keputusan.jabatan if not j.di_lampiran] == ["kepala-dinas"]
    assert len(keputusan.jabatan_lampiran) == 40
    k = _tanpa_iki(keputusan, "bendahara")
    assert not k.cari_jabatan("bendahara").di_lampiran
    assert [j.slug for j in k.jabatan_lampiran] == [j.slug for j in keputusan.jabatan_lampiran if j.slug != "bendahara"]


def test_ringkasan_dan_pdf_memakai_aturan_yang_sama(keputusan):
    k = _tanpa_iki(keputusan, "bendahara")
    angka = {dt.get_text(): dd.get_text() for dt, dd in zip(
        *(BeautifulSoup(render.ringkasan(k), "html.parser").select(s) for s in ("dt", "dd")), strict=True)}
    assert angka["Jabatan di Lampiran"] == "39"
    assert [f["nama"] for f in data_lampiran(k)["formulir"]] == [j.nama for j in k.jabatan_lampiran]


def test_formulir_cetak_hanya_untuk_jabatan_di_lampiran(keputusan):
    k = _tanpa_iki(keputusan, "bendahara")
    for slug, ada in (("bendahara", False), ("kasubag-keuangan", True), ("kepala-dinas", False)):
        html = render.halaman_jabatan(k, slug, render.Tautan(f"jabatan/{slug}/"))
        assert ("iki-formulir-kepala" in html) is ada, slug
        assert ("iki-tombol-cetak" in html) is ada, slug
        assert bool(re.search(r'class="iki-formulir-label iki-cetak"[^>]*>Tugas :', html)) is ada, slug
