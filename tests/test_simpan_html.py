"""Generated pages skip Markdown's HTML parsers (iki.simpan_html) with the same result, and
editor text stays text even where it spans several lines."""

import re

import markdown
import pytest

from mkdocs.structure.pages import Page

from iki import ekspor
from iki.mkdocs_kerangka import Kerangka
from iki.render import Tautan, halaman_jabatan, halaman_unduh, halaman_unit, isi_halaman_unduh
from iki.simpan_html import PENANDA, TUNDA, SimpanHTML

from conftest import DATA, JABATAN, ROOT, baca_html, bangun, bangun_di_proses, beda_situs, isi_situs, salin_proyek

EKSTENSI = ["admonition", "attr_list", "def_list", "tables", "toc"]  # those of mkdocs.yml


def _html(teks: str, ekstensi: list) -> str:
    html = markdown.Markdown(extensions=EKSTENSI + ekstensi).convert(teks)
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html))


@pytest.mark.slow  # renders every page of the real data twice
def test_halaman_data_sama_dengan_jalur_biasa(keputusan):
    halaman = [halaman_jabatan(keputusan, j.slug, Tautan(f"jabatan/{j.slug}/")) for j in keputusan.jabatan]
    halaman += [halaman_unit(keputusan, u.kode, Tautan(f"unit/{u.kode}/")) for u in keputusan.unit]
    for teks in halaman:
        simpan = SimpanHTML()
        cepat = _html(f"{PENANDA}\n{teks}", [simpan])
        # What is kept from search: whole elements marked data-search-exclude, each in its place.
        assert simpan.tunda and all(re.match(r"<(\w+)\s[^>]*data-search-exclude[^>]*>.*</\1>$", t, re.S)
                                    for t in simpan.tunda)
        assert TUNDA.sub(lambda m, simpan=simpan: _html(simpan.tunda[int(m[1])], []), cepat) == _html(teks, [])
        # The quick way was taken, and it found every id the page has.
        assert simpan.id_terakhir == set(re.findall(r' id="([^"]+)"', _html(teks, []))) - {
            h for h in re.findall(r'<h\d id="([^"]+)"', cepat)}


def test_teks_editor_beberapa_baris_tetap_teks(proyek_mini):
    berkas = proyek_mini / JABATAN / "bendahara.md"
    teks = berkas.read_text(encoding="utf-8")
    # A blank line, Markdown, HTML, and last a line equal to a heading of the template.
    catatan = ("catatan_editor:\n  - |\n    baris pertama\n\n    *miring* [tautan](javascript:alert(1))\n"
               "    <b>tebal</b>\n    ## Tugas { #tugas }\n")
    berkas.write_text(teks.replace("iki:\n", catatan + "iki:\n", 1), encoding="utf-8")
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    sup = baca_html(proyek_mini / "site" / "jabatan" / "bendahara" / "index.html")
    (li,) = sup.select(".iki-catatan-editor li")
    assert " ".join(li.get_text().split()) == ("baris pertama *miring* [tautan](javascript:alert(1)) "
                                               "<b>tebal</b> ## Tugas { #tugas }")
    assert not li.find(["em", "a", "b", "h2"])
    assert len(sup.select("h2#tugas")) == 1


def test_tautan_ke_id_di_dalam_html_tersimpan_diperiksa(proyek_mini):
    """MkDocs still validates links to ids inside the stored HTML: of a generated page, and of a
    macro's block on a hand-written page."""
    halaman = proyek_mini / "docs" / "uji-jangkar.md"
    halaman.write_text("# Uji\n\n[baris IKI](jabatan/bendahara.md#iki-1) · [Tabel 1](keputusan/bab-2.md#tabel-1)\n",
                       encoding="utf-8")
    konfigurasi = proyek_mini / "mkdocs.yml"
    konfigurasi.write_text(konfigurasi.read_text(encoding="utf-8").replace(
        "  - Beranda: index.md\n", "  - Beranda: index.md\n  - Uji: uji-jangkar.md\n", 1), encoding="utf-8")
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]

    halaman.write_text("# Uji\n\n[baris IKI](jabatan/bendahara.md#iki-9)\n", encoding="utf-8")
    hasil = bangun(proyek_mini)
    assert hasil.returncode != 0 and "iki-9" in hasil.stderr


def test_halaman_unduh_dilengkapi_sama_dengan_halaman_utuh(keputusan):
    """The "Unduh data" page made while the downloads are (markers where it states them), completed
    after Markdown, is the page made with them, byte for byte."""
    unduhan = ekspor.buat_unduhan(keputusan)
    tautan = Tautan("unduh/")

    def html(teks: str) -> str:
        return markdown.Markdown(extensions=[*EKSTENSI, SimpanHTML()]).convert(teks)

    tanpa = html(halaman_unduh(keputusan, None, tautan))
    assert "iki-sha256" not in tanpa and unduhan[0].sha256 not in tanpa
    utuh = html(halaman_unduh(keputusan, unduhan, tautan))
    assert unduhan[0].sha256 in utuh and "iki-dip" in utuh
    assert isi_halaman_unduh(tanpa, keputusan, unduhan, tautan) == utuh


def _bangun_dicatat(proyek, monkeypatch, kerangka: bool) -> list[str]:
    """Build `proyek` in this process, with or without iki.mkdocs_kerangka; the generated pages that
    Python-Markdown converted whole (not as a shape), by their first heading line."""
    if not kerangka:
        monkeypatch.setattr(Kerangka, "pasang", lambda self, page: None)
    utuh: list[str] = []
    asli = Page.render

    def render(page, config, files):
        if page.markdown.startswith(PENANDA) and "data-iki-kerangka" not in page.markdown:
            utuh.append(page.file.src_uri)
        return asli(page, config, files)

    monkeypatch.setattr(Page, "render", render)
    hasil = bangun_di_proses(proyek)
    monkeypatch.undo()
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    return utuh


def _dua_situs(tmp_path, monkeypatch, ubah=lambda proyek: None, **dari) -> tuple[list[str], list[str]]:
    """A project built with and without iki.mkdocs_kerangka: the two sites are the same byte for byte.
    Returns the generated pages converted whole in each build."""
    hasil = []
    for kerangka in (True, False):
        proyek = salin_proyek(tmp_path / str(kerangka), **dari)
        ubah(proyek)
        hasil.append(_bangun_dicatat(proyek, monkeypatch, kerangka))
    assert beda_situs(isi_situs(tmp_path / "True" / "site"), isi_situs(tmp_path / "False" / "site")) == []
    return hasil[0], hasil[1]


@pytest.mark.slow  # builds the real site twice
def test_halaman_data_dari_kerangka_sama_dengan_markdown_utuh(tmp_path, monkeypatch):
    """Each jabatan and unit page of the real decree, made from its shape (Python-Markdown converts
    only the few shapes), is the page Python-Markdown makes of it whole, and so is the whole site."""
    dengan, tanpa = _dua_situs(tmp_path, monkeypatch, jabatan_dari=ROOT / JABATAN, unit_dari=ROOT / DATA / "unit.yml")
    assert dengan == [] and len(tanpa) > 40


def test_halaman_data_yang_tidak_pasti_dibuat_markdown_utuh(tmp_path, monkeypatch):
    """A page whose text Python-Markdown would change before it sees it (a tab), or whose editor text
    has a line like a template heading, is converted whole; with an extension whose postprocessor sees
    the stored HTML, every page is. The site is the same as without shapes."""
    def tab_dan_judul(proyek):
        for nama, lama, baru in [("bendahara", "sesuai prosedur", "sesuai\tprosedur"),
                                 ("kasubag-keuangan", "iki:\n", "catatan_editor:\n  - |\n    satu\n    ## Tugas { #tugas }\n"
                                                                "    dua\niki:\n")]:
            berkas = proyek / JABATAN / f"{nama}.md"
            teks = berkas.read_text(encoding="utf-8")
            assert lama in teks
            berkas.write_text(teks.replace(lama, baru, 1), encoding="utf-8")

    dengan, tanpa = _dua_situs(tmp_path / "a", monkeypatch, tab_dan_judul)
    assert sorted(dengan) == ["jabatan/bendahara.md", "jabatan/kasubag-keuangan.md"]

    def ekstensi_lain(proyek):
        konfigurasi = proyek / "mkdocs.yml"
        teks = konfigurasi.read_text(encoding="utf-8").replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.striphtml\n", 1)
        konfigurasi.write_text(teks, encoding="utf-8")

    dengan, tanpa = _dua_situs(tmp_path / "b", monkeypatch, ekstensi_lain)
    assert sorted(dengan) == sorted(tanpa) and len(dengan) >= 6
