"""Search for Indonesian: the stemmer and the search data (pure Python, no MkDocs), the
abbreviation file's checks, and the query set typed into the real search box."""

import json

import pytest

from alat_peramban import cari, data, siapkan_pencarian
from conftest import bangun
from iki.pencarian import Singkatan, akar, lengkapi_indeks, pecah, peta_akar

PEMISAH = r'[\s\-–—,:!?=\[\]()"/|…+]+|(?<!&#\d\d);|\.(?!\d)|&[lg]t;|&amp;'


@pytest.mark.parametrize("kata, harapan", [
    ("perkoperasian", ("koperasi",)),
    ("koperasi", ("koperasi",)),            # -i only after a verb prefix
    ("perdagangan", ("dagang",)),
    ("pedagang", ("dagang",)),
    ("pelayanan", ("layan",)),
    ("melayani", ("layan",)),
    ("menyusun", ("susun",)),
    ("penyusunan", ("susun",)),
    ("pembinaan", ("bina",)),
    ("diterbitkan", ("terbit",)),
    ("pengawasan", ("awas", "kawas")),       # meng-/peng- before a vowel: both readings
    ("perlengkapannya", ("lengkap",)),
    ("bekerja", ("kerja",)),
    ("kegiatan", ("giat",)),                 # ke-...-an
    ("kepala", ("kepala",)),                 # ke- alone is no prefix
    ("distribusi", ("distribusi",)),         # di-stribusi cannot be a word
    ("penting", ("penting",)),
    ("Juma'ah", ("jumaah",)),
    ("29.6", ("29.6",)),
])
def test_akar_tanpa_kamus(kata, harapan):
    assert akar(kata) == harapan


def test_kamus_memilih_bacaan():
    """Where a rule has two readings, the one the corpus knows wins."""
    assert akar("penera") == ("nera", "tera")
    assert akar("penera", frozenset({"tera"})) == ("tera",)
    assert akar("perencanaan", frozenset({"rencana"})) == ("rencana",)
    assert akar("dinilai", frozenset({"nilai"})) == ("nilai",)
    assert akar("dinilai") == ("nila",)


def test_pemisah_memecah_kata_ulang_dan_tanda_baca():
    assert pecah("<p>pengembangan pasar-pasar tradisional;</p> (UTTP), 29.6 Juma&#39;ah", PEMISAH) == [
        "pengembangan", "pasar", "pasar", "tradisional", "uttp", "29.6", "juma&#39;ah"]


def test_indeks_dan_skrip_pencarian():
    indeks = {"config": {"lang": ["en"], "separator": PEMISAH, "pipeline": [], "fields": {}},
              "docs": [{"location": "a/", "title": "Kepala Bidang Koperasi", "text": "<p>pembinaan perkoperasian</p>"},
                       {"location": "b/", "title": "Penera", "text": "tera ulang alat UTTP dan Surat Keterangan Asal"}]}
    singkatan = [Singkatan(singkatan="SKA", kepanjangan=["Surat Keterangan Asal"])]
    baru, skrip = lengkapi_indeks(indeks, singkatan)
    assert baru["config"]["lang"] == ["id"] and baru["docs"] == indeks["docs"]
    assert indeks["config"]["lang"] == ["en"], "indeks asli tidak boleh diubah"
    # The roots and abbreviations travel as data in the lunr.id plugin.
    assert '"perkoperasian": "koperasi"' in skrip and '"penera": "tera"' in skrip
    assert '"ska": "surat keterangan terang asal"' in skrip  # the long form's words and their roots
    assert '[["surat", "keterangan", "asal"], "ska"]' in skrip
    assert "lunr.id = function" in skrip
    assert peta_akar(["koperasi", "perkoperasian"]) == {"perkoperasian": "koperasi"}


def test_singkatan_rusak_menggagalkan_build(proyek_mini):
    path = proyek_mini / "data" / "singkatan.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("kepanjangan: [Surat Keterangan Asal]",
                                                             "kepanjangn: [Surat Keterangan Asal]", 1), encoding="utf-8")
    hasil = bangun(proyek_mini)
    assert hasil.returncode != 0
    assert "data/singkatan.yml:" in hasil.stderr and "Kolom 'kepanjangn' tidak dikenal" in hasil.stderr, hasil.stderr[-2000:]


def test_situs_memuat_bahasa_indonesia_untuk_pencarian(situs):
    indeks = json.loads((situs / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert indeks["config"]["lang"] == ["id"]
    skrip = (situs / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js").read_text(encoding="utf-8")
    assert '"perkoperasian": "koperasi"' in skrip


# -- in the browser -----------------------------------------------------------------

KUERI = data("kueri.yml")


@pytest.fixture(scope="module")
def kotak_cari(peramban, alamat_situs):
    ctx = peramban.new_context()
    page = ctx.new_page()
    siapkan_pencarian(page, alamat_situs)
    yield page
    ctx.close()


def test_jumlah_kueri():
    assert len(KUERI) >= 30


@pytest.mark.parametrize("k", KUERI, ids=[k["kueri"] for k in KUERI])
def test_kueri(kotak_cari, alamat_situs, k):
    hasil = cari(kotak_cari, alamat_situs, k["kueri"])
    lima = hasil[:5]
    assert any(h in lima for h in k["halaman"]), (
        f"kueri {k['kueri']!r}: {' atau '.join(k['halaman'])} tidak ada di lima hasil teratas; "
        f"lima teratas: {lima}")
    for h in k.get("ditemukan", []):
        assert h in hasil, f"kueri {k['kueri']!r}: {h} tidak ditemukan; hasil: {hasil}"
    if "sorot" in k:
        halaman = next(h for h in k["halaman"] if h in lima)
        tanda = kotak_cari.eval_on_selector_all(
            ".md-search-result__item",
            """(items, path) => items.filter(i => new URL(i.querySelector('a').href).pathname.endsWith('/' + path))
                 .flatMap(i => [...i.querySelectorAll('mark')].map(m => m.textContent.trim().toLowerCase()))""",
            halaman)
        assert k["sorot"].lower() in tanda, (
            f"kueri {k['kueri']!r}: kata {k['sorot']!r} tidak ditandai pada hasil {halaman}; yang ditandai: {sorted(set(tanda))}")
