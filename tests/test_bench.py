"""The benchmark's synthetic data is in the project's own format: it passes the checker and
the real site builds from it, with the navigation summarised above the threshold. No timing."""

import json
import posixpath
from html import escape

import pytest

from bench.jalankan import SAMPAH, Hasil, _rasio, singkirkan
from bench.sintetis import buat_proyek
from iki.loader import LetakData, periksa

from conftest import baca_html, bangun, ID_NYATA

# Builds synthetic projects of up to 200 jabatan.
pytestmark = pytest.mark.slow

BATAS_NAVIGASI_PENUH = 100  # the plugin's default


@pytest.fixture(scope="module", params=[40, 200])
def sintetis(request, tmp_path_factory):
    """(project folder, model) of N synthetic jabatan, built with `mkdocs build --strict`."""
    proyek = buat_proyek(tmp_path_factory.mktemp("bench") / "proyek", request.param)
    keputusan, masalah = periksa(LetakData.untuk(proyek, ID_NYATA))
    assert masalah == [], "\n".join(map(str, masalah))
    hasil = bangun(proyek)
    assert hasil.returncode == 0, hasil.stderr[-5000:]
    return proyek, keputusan


def test_setiap_jabatan_sintetis_punya_halaman(sintetis):
    proyek, keputusan = sintetis
    halaman = sorted(p.parent.name for p in (proyek / "site" / "jabatan").glob("*/index.html"))
    assert len(keputusan.jabatan) in (40, 200)
    assert halaman == sorted(j.slug for j in keputusan.jabatan)
    for j in keputusan.jabatan[:: len(keputusan.jabatan) // 7]:
        assert baca_html(proyek / "site" / "jabatan" / j.slug / "index.html").find("h1").get_text() == j.nama


def test_ukuran_data_sintetis_seperti_data_nyata(sintetis):
    _, keputusan = sintetis
    for j in keputusan.jabatan:
        assert 5 <= len(j.tugas) <= 35, j.slug
        assert (1 <= len(j.iki) <= 4) if j.atasan else j.tanpa_iki, j.slug
    baris = [b for j in keputusan.jabatan for b in j.iki]
    assert any(b.mendukung for b in baris) and any(not b.mendukung for b in baris)
    assert len(keputusan.unit) >= 3 and all(keputusan.jabatan_di_unit(u.kode) for u in keputusan.unit)


def _tautan_navigasi(situs, halaman: str) -> set[str]:
    """Targets of the primary navigation's links on page `halaman` ("jabatan/<slug>"), from the site root."""
    sup = baca_html(situs / halaman / "index.html")
    return {posixpath.normpath(posixpath.join(halaman, a["href"])) for a in sup.select("nav.md-nav--primary a[href]")}


def test_navigasi_menurut_unit_lalu_jabatan(sintetis):
    proyek, keputusan = sintetis
    situs = proyek / "site"
    penuh = len(keputusan.jabatan) <= BATAS_NAVIGASI_PENUH
    semua = {f"jabatan/{j.slug}" for j in keputusan.jabatan}
    for u in keputusan.unit[1:4]:
        anggota = {f"jabatan/{j.slug}" for j in keputusan.jabatan_di_unit(u.kode)}
        j = keputusan.jabatan_di_unit(u.kode)[-1]
        tautan = _tautan_navigasi(situs, f"jabatan/{j.slug}")
        # The page's own unit and all its jabatan are in its navigation, and the way to the other units.
        assert anggota <= tautan and "unit" in tautan and f"unit/{u.kode}" in tautan
        lain = (semua - anggota) & tautan
        assert lain == (semua - anggota if penuh else set()), u.kode


def test_halaman_unit_menjangkau_setiap_jabatan(sintetis):
    proyek, keputusan = sintetis
    situs = proyek / "site"
    daftar = baca_html(situs / "unit" / "index.html").select("article a[href]")
    unit = {posixpath.normpath(posixpath.join("unit", a["href"])) for a in daftar}
    assert {f"unit/{u.kode}" for u in keputusan.unit} <= unit
    terjangkau = set()
    for u in keputusan.unit:
        for a in baca_html(situs / "unit" / u.kode / "index.html").select("table.iki-daftar-jabatan th a[href]"):
            terjangkau.add(posixpath.normpath(posixpath.join("unit", u.kode, a["href"])))
    assert terjangkau == {f"jabatan/{j.slug}" for j in keputusan.jabatan}


def test_indeks_pencarian_tanpa_pengulangan(sintetis):
    """Each jabatan is found by its own page (name, tugas, IKI); what other pages repeat of it (unit
    tables, bawahan lists, keterkaitan kinerja, the performance tree) stays out of the index."""
    proyek, keputusan = sintetis
    indeks = json.loads((proyek / "site" / "search" / "search_index.json").read_text())["docs"]
    judul = {e["location"] for e in indeks if e["location"].startswith("jabatan/") and "#" not in e["location"]}
    assert judul == {f"jabatan/{j.slug}/" for j in keputusan.jabatan}
    j = keputusan.jabatan[-1]
    teks = " ".join(e["text"] for e in indeks if e["location"].startswith(f"jabatan/{j.slug}/"))
    assert escape(j.tugas[-1].teks, quote=False) in teks and escape(j.iki[-1].indikator, quote=False) in teks
    semua = " ".join(e["text"] for e in indeks)
    assert "didukung oleh" not in semua and "mendukung:" not in semua
    # The printed form's heading (print only, blocks nested in it) too.
    jabatan = " ".join(e["text"] for e in indeks if e["location"].startswith("jabatan/"))
    assert "INDIKATOR KINERJA INDIVIDU" not in jabatan and "Jabatan :" not in jabatan
    pohon = " ".join(e["text"] for e in indeks if e["location"].startswith("organisasi/pohon-kinerja/"))
    assert pohon and not any(escape(b.indikator, quote=False) in pohon for x in keputusan.jabatan for b in x.iki)
    for u in keputusan.unit:
        teks_unit = " ".join(e["text"] for e in indeks if e["location"].startswith(f"unit/{u.kode}/"))
        assert not any(escape(b.indikator, quote=False) in teks_unit for x in keputusan.jabatan_di_unit(u.kode) for b in x.iki), u.kode


def test_rasio_median_putaran_berselang():
    """With several rounds the headline ratio is the median of each round's own ratio (the baseline
    over the project of the same round), and every round is listed with its order."""
    def hasil(detik: float) -> Hasil:
        return Hasil(2000, detik, detik * 2, 100, 10, 10, 1, 0, 1, 10, 2000)

    putaran = [(hasil(20), hasil(15), hasil(80)), (hasil(25), hasil(20), hasil(90)), (hasil(18), hasil(14), hasil(81))]
    teks = "\n".join(_rasio({2000: putaran[0][:2]}, {2000: putaran[0][2]}, {2000: putaran}))
    # cold: 80/20 = 4.00, 90/25 = 3.60, 81/18 = 4.50 -> median 4.00; warm: 5.33, 4.50, 5.79 -> 5.33
    assert "| 2000 | **4.00x** | **5.33x** |" in teks
    assert "| 2 | pembanding, proyek | 90.0 | 25.0 | 20.0 | 3.60x | 4.50x |" in teks
    assert "| 3 | proyek, pembanding | 81.0 | 18.0 | 14.0 | 4.50x | 5.79x |" in teks
    satu = "\n".join(_rasio({2000: putaran[1][:2]}, {2000: putaran[1][2]}, {2000: putaran[1:2]}))
    assert "| 2000 | **3.60x** | **4.50x** |" in satu and "putaran berselang" not in satu


def test_singkirkan_memindahkan_ke_sampah_bukan_menghapus(tmp_path):
    """The benchmark moves a site or cache out of the way before a build, into the work folder's
    `sampah` (deleted at the end of the run), so that the build does not follow a mass deletion."""
    (tmp_path / SAMPAH).mkdir()
    site = tmp_path / "proyek" / "site"
    (site / "jabatan").mkdir(parents=True)
    (site / "jabatan" / "index.html").write_text("x")
    berkas = (site / "jabatan" / "index.html").stat().st_ino
    singkirkan(site)
    singkirkan(site)  # nothing there any more: nothing to do
    assert not site.exists() and (tmp_path / "proyek").is_dir()
    [dipindah] = (tmp_path / SAMPAH).glob("*/site/jabatan/index.html")
    assert dipindah.stat().st_ino == berkas
