"""Editor text is data, never code: Jinja and HTML in any field render literally."""

from conftest import baca_html, bangun

MUATAN = [
    "{{ 7*7 }}",
    "{{ config }}",
    "{% for x in range(3) %}ulang{% endfor %}",
    "{{ ''.__class__.__mro__ }}",
    "</title><script>alert('xss')</script>",
]
GABUNG = " | ".join(MUATAN)


def _sisipkan(proyek):
    unit = proyek / "data" / "unit.yml"
    unit.write_text(unit.read_text().replace("nama: Sekretariat", f"nama: \"Sekretariat {MUATAN[0]} {MUATAN[4]}\""))
    berkas = proyek / "jabatan" / "bendahara.md"
    teks = berkas.read_text()
    for lama, baru in [
        ("nama: Bendahara", f"nama: \"Bendahara {GABUNG}\""),
        ("sasaran: Pengelolaan uang yang tertib", f"sasaran: \"{GABUNG}\""),
        ("indikator: Persentase uang yang dikelola", f"indikator: \"{GABUNG}\"\n    ket: \"{GABUNG}\""),
        ("target: 100%", f"target: \"100 {GABUNG}\""),
        ("susunan Sub Bagian Keuangan.", f"susunan Sub Bagian Keuangan. {GABUNG}"),
        ("1. Mengelola uang/surat berharga sesuai prosedur", f"1. {GABUNG}\n2. *miring* [tautan](javascript:alert(1))"),
        ("   a. sub butir pertama", f"   a. {GABUNG}"),
    ]:
        assert lama in teks
        teks = teks.replace(lama, baru)
    berkas.write_text(teks)


def test_jinja_dan_html_dari_editor_tampil_apa_adanya(proyek_mini):
    _sisipkan(proyek_mini)
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    halaman = proyek_mini / "site" / "jabatan" / "bendahara" / "index.html"
    html = halaman.read_text()
    sup = baca_html(halaman)
    teks = sup.get_text()
    # Title, identity, tugas, sub-item, IKI sasaran/indikator/target/ket: every payload, literally.
    assert teks.count(GABUNG) >= 7, teks
    assert sup.find("h1").get_text() == f"Bendahara {GABUNG}"
    assert f"Bendahara {GABUNG}" in sup.find("title").get_text()
    assert "*miring* [tautan](javascript:alert(1))" in teks
    # Nothing was evaluated and no tag was injected.
    assert "49" not in teks.replace("2022", "")
    assert "ulangulangulang" not in html
    assert "<class 'object'>" not in teks and "site_name" not in teks
    assert "<script>alert" not in html
    assert sup.find("em", string="miring") is None
    assert not sup.select('a[href^="javascript"]')
    # The unit name (data file) is literal too, in the page and in the navigation of every page.
    for path in ["jabatan/kepala-dinas/index.html", "unit/sekretariat/index.html"]:
        lain = (proyek_mini / "site" / path).read_text()
        assert "<script>alert" not in lain
        assert f"Sekretariat {MUATAN[0]} {MUATAN[4]}" in baca_html(proyek_mini / "site" / path).get_text()
