"""The real site, built with `mkdocs build --strict`: one page per jabatan, generated from its file."""

import posixpath

from conftest import baca_halaman, baca_html


def _halaman_jabatan(situs, slug):
    return baca_halaman(situs, f"jabatan/{slug}")


def test_setiap_jabatan_punya_halaman_dengan_judul_namanya(situs, keputusan):
    halaman = sorted(p.parent.name for p in (situs / "jabatan").glob("*/index.html"))
    assert halaman == sorted(j.slug for j in keputusan.jabatan)
    for j in keputusan.jabatan:
        assert _halaman_jabatan(situs, j.slug).find("h1").get_text() == j.nama


def test_tabel_iki_memuat_tepat_baris_berkasnya(situs, keputusan):
    for j in keputusan.jabatan:
        sup = _halaman_jabatan(situs, j.slug)
        tabel = sup.select(".iki-tabel table:not(.iki-sasaran-dinas)")
        if j.tanpa_iki:
            assert not tabel and j.tanpa_iki in sup.get_text()
            continue
        (tabel,) = tabel
        assert [th.get_text() for th in tabel.select("thead th")] == ["NO", "SASARAN", "INDIKATOR", "TARGET", "KET"]
        baris = tabel.select("tbody tr")
        assert len(baris) == len(j.iki), j.slug
        for i, (tr, b) in enumerate(zip(baris, j.iki), start=1):
            assert tr["id"] == f"iki-{i}"
            sel = [td.get_text() for td in tr.find_all("td")]
            # The last three cells are always the row's own; NO and SASARAN may be merged from above.
            assert sel[-3:] == [b.indikator, b.target, b.ket], (j.slug, i)
            if len(sel) == 5:
                assert sel[:2] == [str(b.nomor) if b.nomor is not None else "", b.sasaran]
            else:
                sebelumnya = j.iki[i - 2]
                assert (sebelumnya.nomor, sebelumnya.sasaran) == (b.nomor, b.sasaran)


def test_tugas_tampil_dengan_label_keputusan(situs, keputusan):
    for j in keputusan.jabatan:
        daftar = _halaman_jabatan(situs, j.slug).select_one("ol.iki-tugas")
        butir = daftar.find_all("li", recursive=False)
        assert [li.select_one(".iki-label").get_text() for li in butir] == [f"{t.label}." for t in j.tugas]
        for li, t in zip(butir, j.tugas):
            assert t.teks in li.get_text()
            assert len(li.select("ol.iki-tugas > li")) == len(t.sub)


def test_tautan_atasan_dan_unit_menuju_halaman_yang_ada(situs, keputusan):
    for j in keputusan.jabatan:
        sup = _halaman_jabatan(situs, j.slug)
        dd = {dt.get_text(): dt.find_next_sibling("dd") for dt in sup.select(".iki-identitas dt")}
        tautan_unit = dd["Unit kerja"].find("a")
        assert tautan_unit.get_text() == keputusan.cari_unit(j.unit).nama
        tujuan = [("unit", tautan_unit["href"])]
        if j.atasan:
            a = dd["Atasan"].find("a")
            assert a.get_text() == keputusan.cari_jabatan(j.atasan).nama
            tujuan.append(("atasan", a["href"]))
        for jenis, href in tujuan:
            path = posixpath.normpath(posixpath.join("jabatan", j.slug, href))
            assert (situs / path / "index.html").is_file(), (j.slug, jenis, href)


def test_nilai_turunan_ditandai(situs, keputusan):
    for j in keputusan.jabatan:
        sup = _halaman_jabatan(situs, j.slug)
        for kolom, alasan in j.turunan.items():
            assert sup.select_one(f"#turunan-{kolom}").get_text().endswith(alasan)


def test_tautan_sunting_membuka_berkas_jabatan(situs, keputusan):
    for j in keputusan.jabatan:
        edit = _halaman_jabatan(situs, j.slug).select_one('a[rel="edit"]')
        assert edit["href"].endswith(f"/edit/main/jabatan/diskoperindag-2022/{j.slug}.md")


def test_navigasi_per_unit(situs, keputusan):
    sup = baca_html(situs / "index.html")
    for u in keputusan.unit:
        tautan = sup.select(f'nav a[href="unit/{u.kode}/"]')
        assert tautan, u.kode
        bagian = tautan[0].find_parent("li")
        for j in keputusan.jabatan_di_unit(u.kode):
            assert bagian.select(f'a[href="jabatan/{j.slug}/"]'), (u.kode, j.slug)


def test_tanpa_permintaan_ke_host_luar(situs):
    """No page loads a script, stylesheet or font from another host."""
    for halaman in situs.rglob("*.html"):
        sup = baca_html(halaman)
        for tag, atribut in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in sup.find_all(tag):
                alamat = el.get(atribut) or ""
                assert not alamat.startswith(("http:", "https:", "//")), (halaman, alamat)
    for css in situs.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(errors="ignore")
