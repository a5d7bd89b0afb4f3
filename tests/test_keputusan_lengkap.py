"""The whole decree is on the site: counts, the Kepala Dinas root, eselon agreeing with the staff table."""

from collections import Counter

from conftest import KeputusanAcuan, baca_html


def test_jumlah_menurut_keputusan(acuan):
    """The one place the reference decree's counts are written as numbers (every other test takes
    them from `acuan`): the Lampiran's 40 jabatan with 98 IKI rows between them, every one but the
    Kepala Dinas with an IKI table; the Kepala Dinas besides; 11 units and 6 Tujuan (BAB II).
    test_verbatim_keputusan.py checks the jabatan and IKI rows against the decree's text."""
    assert acuan == KeputusanAcuan(jabatan=41, lampiran=40, ber_iki=40, baris_iki=98, unit=11, tujuan=6)


def test_lampiran_berurutan(keputusan, acuan):
    lampiran = [j for j in keputusan.jabatan if j.atasan]
    assert [j.urutan for j in lampiran] == list(range(1, acuan.lampiran + 1))
    assert lampiran[0].nama == "Sekretaris Dinas" and lampiran[-1].nama == "Pengadministrasi Pelatihan"
    assert [t.kode for t in keputusan.tujuan] == [f"T.{n}" for n in range(1, acuan.tujuan + 1)]


def test_eselon_sama_dengan_tabel_jabatan_eselon(keputusan):
    tabel = keputusan.pegawai.tabel_dengan_kode("jabatan_eselon")
    eselon = Counter(j.eselon for j in keputusan.jabatan if j.eselon)
    assert eselon == {k: tabel.nilai("PNS", k) for k in ("II", "III", "IV")} == {"II": 1, "III": 5, "IV": 11}
    assert all((j.jenis == "struktural") == bool(j.eselon) for j in keputusan.jabatan)


def test_kepala_dinas_tanpa_iki_menampilkan_sasaran_strategis(situs, keputusan):
    kepala = keputusan.jabatan[0]
    assert kepala.atasan is None and not kepala.iki and kepala.tanpa_iki
    sup = baca_html(situs / "jabatan" / kepala.slug / "index.html")
    assert "Lampiran Keputusan tidak memuat tabel Indikator Kinerja Individu untuk Kepala Dinas" in sup.get_text()
    tabel = sup.select_one("table.iki-sasaran-dinas")
    teks = tabel.get_text()
    for t in keputusan.tujuan:
        for ss in t.sasaran_strategis:
            assert ss.teks in teks
            assert all(ik.teks in teks for ik in ss.indikator_kinerja)
    assert len(tabel.select("tbody tr")) == sum(len(t.indikator_kinerja) for t in keputusan.tujuan) == 8


def test_catatan_editor_memuat_ketidaksesuaian_dalam_naskah(situs):
    teks = baca_html(situs / "keputusan" / "catatan-editor" / "index.html").get_text(" ")
    for kutipan in ["UPTD. Pasar Citeko Plered", "UPTD Pengembangan Keramik dan Gerabah", "UPTD Metrologi Legal",
                    "Tujuan 6 (T.5)", "KARIATI", "LAMPIRAN II"]:
        assert kutipan in teks, kutipan


def test_beranda_menampilkan_angka_dari_data(situs, acuan):
    angka = {dt.get_text(): dt.find_next_sibling("dd").get_text()
             for dt in baca_html(situs / "index.html").select(".iki-ringkasan dt")}
    assert angka == {"Jabatan di Lampiran": str(acuan.lampiran), "Baris IKI": str(acuan.baris_iki),
                     "Unit kerja": str(acuan.unit), "Tujuan Dinas": str(acuan.tujuan)}
