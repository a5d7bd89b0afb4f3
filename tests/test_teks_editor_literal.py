"""Editor text is data, never code: Jinja and HTML in any field or in the body render literally,
and a payload changes nothing in the built site except the text itself."""

import re
import subprocess
import zipfile

from markupsafe import escape
from pypdf import PdfReader

from conftest import BENDAHARA, baca_html, bangun, ganti

MUATAN = [
    "{{ 7*7 }}",
    "{{ config }}",
    "{% for %}",
    "{% for x in range(3) %}ulang{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "</title><script>alert('xss')</script>",
]
GABUNG = " | ".join(MUATAN)


def _ganti_semua(proyek, berkas, pasangan):
    """Each (old, new) pair in turn, every occurrence."""
    for lama, baru in pasangan:
        ganti(proyek, berkas, lama, baru, semua=True)


def _lengkapi(proyek):
    """Give the small bendahara file a KET cell and an editor's note, so that every field exists."""
    _ganti_semua(proyek, BENDAHARA, [
        ("target: 100%", "target: 100 Persen\n    ket: Setiap bulan"),
        ("iki:\n", "catatan_editor:\n  - Catatan pertama.\niki:\n"),
    ])


# Payloads appended to fields that only the jabatan's own page shows (its IKI rows also on its unit's page).
MUATAN_HALAMAN = [
    ("susunan Sub Bagian Keuangan.", f"susunan Sub Bagian Keuangan. {GABUNG}"),  # turunan
    ("  - Catatan pertama.", f"  - \"Catatan pertama. {GABUNG}\""),  # catatan_editor
    ("sasaran: Pengelolaan uang yang tertib", f"sasaran: \"Pengelolaan uang yang tertib {GABUNG}\""),
    ("indikator: Persentase uang yang dikelola", f"indikator: \"Persentase uang yang dikelola {GABUNG}\""),
    ("target: 100 Persen", f"target: \"100 Persen {GABUNG}\""),
    ("ket: Setiap bulan", f"ket: \"Setiap bulan {GABUNG}\""),
    ("1. Mengelola uang/surat berharga sesuai prosedur", f"1. Mengelola uang/surat berharga sesuai prosedur {GABUNG}"),
    ("   a. sub butir pertama", f"   a. sub butir pertama {GABUNG}"),
]


def test_jinja_dan_html_dari_editor_tampil_apa_adanya(proyek_mini):
    _lengkapi(proyek_mini)
    _ganti_semua(proyek_mini, BENDAHARA, MUATAN_HALAMAN + [
        ("nama: Bendahara", f"nama: \"Bendahara {GABUNG}\""),
        ("6. Melakukan pembayaran", "5. *miring* [tautan](javascript:alert(1))\n6. Melakukan pembayaran"),
    ])
    _ganti_semua(proyek_mini, "jabatan/diskoperindag-2022/kepala-dinas.md", [("Indikator Kinerja Utama Dinas.", f"Indikator Kinerja Utama Dinas. {GABUNG}")])
    _ganti_semua(proyek_mini, "data/diskoperindag-2022/unit.yml", [("nama: Sekretariat", f"nama: \"Sekretariat {GABUNG}\"")])
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]

    halaman = proyek_mini / "site" / "jabatan" / "bendahara" / "index.html"
    html = halaman.read_text(encoding="utf-8")
    sup = baca_html(halaman)
    # Every field, literally: name (heading and <title>), tugas and sub-item, IKI cells, turunan, editor's note.
    assert sup.find("h1").get_text() == f"Bendahara {GABUNG}"
    assert sup.find("title").get_text().startswith(f"Bendahara {GABUNG} - ")
    assert [td.get_text() for td in sup.select("#iki-2 td")] == [
        "", f"Pengelolaan uang yang tertib {GABUNG}", f"Persentase uang yang dikelola {GABUNG}", f"100 Persen {GABUNG}",
        f"Setiap bulan {GABUNG}"]
    tugas = sup.select("ol.iki-tugas > li .iki-teks")
    assert tugas[0].get_text().strip() == f"Mengelola uang/surat berharga sesuai prosedur {GABUNG}"
    assert tugas[1].get_text().startswith("Mengelola surat perintah membayar SPM giro;")
    assert tugas[2].get_text().strip() == f"sub butir pertama {GABUNG}"
    assert sup.select_one("#turunan-atasan").get_text().endswith(f"susunan Sub Bagian Keuangan. {GABUNG}")
    assert [li.get_text() for li in sup.select(".iki-catatan-editor li")] == [f"Catatan pertama. {GABUNG}"]
    assert "*miring* [tautan](javascript:alert(1))" in sup.get_text()
    # Nothing was evaluated and no tag was injected.
    assert "49 |" not in sup.get_text()  # "{{ 7*7 }} |" evaluated
    assert "ulangulangulang" not in html
    assert "<class 'object'>" not in sup.get_text() and "site_name" not in sup.get_text()
    assert "<script>alert" not in html
    assert sup.find("em", string="miring") is None
    assert not sup.select('a[href^="javascript"]')

    kepala = baca_html(proyek_mini / "site" / "jabatan" / "kepala-dinas" / "index.html")
    (tanpa_iki,) = [a for a in kepala.select(".admonition") if a.p.get_text() == "Tidak ada tabel IKI"]
    assert tanpa_iki.find_all("p")[1].get_text().endswith(f"Indikator Kinerja Utama Dinas. {GABUNG}")
    # The unit name (data file) is literal too, in the page and in the navigation of every page.
    for path in ["jabatan/kepala-dinas/index.html", "unit/sekretariat/index.html", "index.html"]:
        assert "<script>alert" not in (proyek_mini / "site" / path).read_text(encoding="utf-8")
        assert f"Sekretariat {GABUNG}" in baca_html(proyek_mini / "site" / path).get_text()


# Built files that list every word of the site (the search index, and the roots of its words in the
# search language script) or every page with its build date.
LUNR_ID = "assets/javascripts/lunr/min/lunr.id.min.js"
_DAFTAR_SITUS = {"search/search_index.json", LUNR_ID, "sitemap.xml", "sitemap.xml.gz"}
# Downloads in binary formats: checked for the literal payload instead of byte for byte.
_UNDUHAN_BINER = {"unduh/iki-2022-lampiran.pdf", "unduh/iki-2022.xlsx", "unduh/iki-2022-e-kinerja.xlsx"}
# Descriptions of the downloads: they state the others' sizes and checksums, which grow with the text.
_URAIAN_UNDUHAN = {"unduh/datapackage.json", "unduh/catalog.jsonld"}
_UKURAN = re.compile(r"\d+(?:,\d+)? (?:byte|KB|MB)\b")
_SHA256 = re.compile(r"\b[0-9a-f]{64}\b")


def _tanpa_muatan(nama: str, teks: str) -> tuple[str, int]:
    """A built text file with the payload taken out (escaped in HTML, as written in CSV and JSON),
    and how many times it was there. File sizes and SHA-256 digests of the downloads change with the text."""
    muatan = str(escape(f" {GABUNG}")) if nama.endswith(".html") else f" {GABUNG}"
    return _SHA256.sub("…", _UKURAN.sub("…", teks.replace(muatan, ""))), teks.count(muatan)


def test_muatan_tidak_mengubah_apa_pun_selain_teksnya(proyek_mini, tmp_path):
    """Built once clean and once with payloads: every file is byte for byte the same, except those that
    show those fields, which carry the payload text literally and differ in nothing else."""
    _lengkapi(proyek_mini)
    assert bangun(proyek_mini, tmp_path / "bersih").returncode == 0
    _ganti_semua(proyek_mini, BENDAHARA, MUATAN_HALAMAN)
    hasil = bangun(proyek_mini, tmp_path / "muatan")
    assert hasil.returncode == 0, hasil.stderr[-3000:]

    bersih = {p.relative_to(tmp_path / "bersih").as_posix(): p for p in (tmp_path / "bersih").rglob("*") if p.is_file()}
    muatan = {p.relative_to(tmp_path / "muatan").as_posix(): p for p in (tmp_path / "muatan").rglob("*") if p.is_file()}
    assert sorted(muatan) == sorted(bersih)
    berubah = {}
    for nama, path in bersih.items():
        if nama in _DAFTAR_SITUS | _UNDUHAN_BINER | _URAIAN_UNDUHAN or path.read_bytes() == muatan[nama].read_bytes():
            continue
        teks, berubah[nama] = _tanpa_muatan(nama, muatan[nama].read_text(encoding="utf-8"))
        # With the payload text taken out again, the file is exactly the clean one.
        assert teks == _tanpa_muatan(nama, path.read_text(encoding="utf-8"))[0], nama
    # Its own page: all 8 fields, and the row's sasaran, indikator and target again in its place in the
    # performance tree; its unit's page: the row's 4 IKI cells; its atasan's page and the performance tree
    # page: the row's sasaran, indikator and target; the downloads page and SHA256SUMS only the files' sizes
    # and digests; the CSV the row's sasaran, indikator, target, the target's unit ("Persen ...") and ket;
    # the JSON all 8 fields; the e-Kinerja CSV (all rows, and the jabatan's own) the same but ket.
    assert berubah == {"jabatan/bendahara/index.html": 8 + 3, "unit/sekretariat/index.html": 4,
                       "jabatan/kasubag-keuangan/index.html": 3, "organisasi/pohon-kinerja/index.html": 3,
                       "unduh/index.html": 0, "unduh/SHA256SUMS": 0, "unduh/iki-2022.csv": 5, "unduh/iki-2022.json": 8,
                       "unduh/iki-2022-e-kinerja.csv": 4, "unduh/iki-2022-e-kinerja/bendahara.csv": 4}
    pdf = "".join(halaman.extract_text() for halaman in PdfReader(muatan["unduh/iki-2022-lampiran.pdf"]).pages)
    assert all(m in pdf for m in MUATAN) and "49 |" not in pdf
    # The payload's words reach the search script only as data: it is still valid JavaScript.
    assert "xss" in muatan[LUNR_ID].read_text(encoding="utf-8")
    cek = subprocess.run(["node", "--check", str(muatan[LUNR_ID])], capture_output=True, text=True)
    assert cek.returncode == 0, cek.stderr
    for nama in ("unduh/iki-2022.xlsx", "unduh/iki-2022-e-kinerja.xlsx"):
        with zipfile.ZipFile(muatan[nama]) as xlsx:
            lembar = "".join(xlsx.read(n).decode() for n in xlsx.namelist()
                             if n.startswith("xl/worksheets/") or n == "xl/sharedStrings.xml")
        assert str(escape(GABUNG)).replace("&#39;", "'") in lembar, nama  # as XML text
