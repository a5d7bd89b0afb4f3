"""The performance tree and the chart as models (iki.pohon), and the loader's checks of `mendukung`."""

from pathlib import Path

import pytest

from iki.loader import LetakData, muat, periksa
from iki.pohon import (RujukanBaris, RujukanSasaran, bagan, baris_bagan, kaitan_jabatan, pohon_kinerja, semua_baris,
                      urai_mendukung)

from conftest import BENDAHARA, ID_NYATA, ganti


def _jalan(simpul, induk):
    """(row key, key or code of the node it hangs under) for every row node in a subtree."""
    yield simpul.isi.kunci, induk
    for a in simpul.anak:
        yield from _jalan(a, simpul.isi.kunci)


def _semua_simpul(p):
    for t in p.tujuan:
        for ss in t.sasaran:
            for a in ss.anak:
                yield from _jalan(a, ss.sasaran.kode)
    for a in p.belum_terpetakan:
        yield from _jalan(a, None)


@pytest.mark.parametrize("teks, harapan", [
    ("kabid-ukm/2", RujukanBaris("kabid-ukm", 2)),
    ("SS.2.1", RujukanSasaran("SS.2.1")),
    ("SS.12.3", RujukanSasaran("SS.12.3")),
])
def test_urai_mendukung(teks, harapan):
    assert urai_mendukung(teks) == harapan


@pytest.mark.parametrize("teks", ["kabid-ukm", "kabid-ukm/0", "kabid-ukm/", "Kabid-UKM/1", "kabid ukm/1",
                                  "SS.1", "ss.1.1", "T.1", "kabid-ukm/1/2", "SS.1.1 "])
def test_urai_mendukung_menolak(teks):
    assert urai_mendukung(teks) is None


def test_pohon_memuat_setiap_baris_tepat_sekali_di_bawah_yang_disebutnya(keputusan):
    p = pohon_kinerja(keputusan)
    simpul = list(_semua_simpul(p))
    kunci = [k for k, _ in simpul]
    assert sorted(kunci) == sorted(b.kunci for b in semua_baris(keputusan))
    per_kunci = {b.kunci: b for b in semua_baris(keputusan)}
    for k, induk in simpul:
        assert per_kunci[k].baris.mendukung == induk, k
    assert [t.tujuan.kode for t in p.tujuan] == ["T.1", "T.2", "T.3", "T.4", "T.5", "T.6"]


def test_cakupan_pemetaan(keputusan):
    p = pohon_kinerja(keputusan)
    semua = semua_baris(keputusan)
    terpetakan = [b for b in semua if b.baris.mendukung]
    assert p.jumlah_baris == len(semua) == keputusan.jumlah_baris_iki
    assert p.jumlah_terpetakan == len(terpetakan)
    assert [s.isi.kunci for s in p.belum_terpetakan] == [b.kunci for b in semua if not b.baris.mendukung]
    # The editors' mapping: nearly every row; a few left open where the decree's words are not clear.
    assert p.jumlah_terpetakan >= 85


def test_pemetaan_yang_jelas_dari_kata_kata_keputusan(keputusan):
    """The links the issue names, and a few more whose wording is the same on both ends."""
    def mendukung(slug, n):
        return keputusan.cari_jabatan(slug).iki[n - 1].mendukung

    # Sekretaris Dinas: its sasaran is Sasaran Strategis T.1 word for word.
    ss = keputusan.tujuan[0].sasaran_strategis[0]
    for baris in keputusan.cari_jabatan("sekretaris-dinas").iki:
        assert baris.sasaran == ss.teks and baris.mendukung == ss.kode == "SS.1.1"
    # Each Kasubag TU UPTD Pasar: its retribusi row supports its own Kepala UPTD's retribusi row.
    for pasar in ("citeko", "kisunda-leuwipanjang-jumaah", "simpang-wanayasa"):
        kepala = f"kepala-uptd-pasar-{pasar}"
        assert "retribusi" in keputusan.cari_jabatan(kepala).iki[1].sasaran
        assert mendukung(f"kasubag-tu-uptd-pasar-{pasar}", 2) == f"{kepala}/2"
        assert mendukung(kepala, 2) == "SS.5.1"
    assert mendukung("penyusun-program-anggaran-dan-pelaporan", 3) == "perencana-ahli-muda/3"
    assert mendukung("kepala-uptd-metrologi-legal", 1) == "SS.3.1"
    assert mendukung("penera-terampil", 1) == "kepala-uptd-metrologi-legal/1"


def test_setiap_tautan_data_asli_ke_baris_atasan(keputusan):
    """What the loader guarantees, seen on the real data: every link goes one step up."""
    kode_ss = {ss.kode for t in keputusan.tujuan for ss in t.sasaran_strategis}
    for b in semua_baris(keputusan):
        if not b.baris.mendukung:
            continue
        r = urai_mendukung(b.baris.mendukung)
        atasan = keputusan.cari_jabatan(b.jabatan.atasan)
        if atasan.iki:
            assert isinstance(r, RujukanBaris) and r.slug == atasan.slug and 1 <= r.posisi <= len(atasan.iki), b.kunci
        else:
            assert isinstance(r, RujukanSasaran) and r.kode in kode_ss, b.kunci


def test_kaitan_jabatan(keputusan):
    kaitan = kaitan_jabatan(keputusan, "perencana-ahli-muda")
    assert [k.isi.posisi for k in kaitan] == [1, 2, 3]
    assert all(k.mendukung_baris.kunci == "sekretaris-dinas/1" for k in kaitan)
    assert [b.kunci for b in kaitan[0].didukung_oleh] == ["penyusun-program-anggaran-dan-pelaporan/1"]
    (sek1, _) = kaitan_jabatan(keputusan, "sekretaris-dinas")
    assert sek1.mendukung_baris is None and sek1.mendukung_sasaran[1].kode == "SS.1.1"
    assert [b.kunci for b in sek1.didukung_oleh] == [f"perencana-ahli-muda/{n}" for n in (1, 2, 3)]


def test_bagan_dari_atasan(keputusan):
    (akar,) = bagan(keputusan)
    assert akar.jabatan.slug == "kepala-dinas" and akar.memimpin.kode == "pimpinan"
    assert akar.jumlah == len(keputusan.jabatan)

    def periksa_simpul(s):
        assert [b.jabatan.slug for b in s.bawahan] == [b.slug for b in keputusan.bawahan(s.jabatan.slug)]
        for b in s.bawahan:
            periksa_simpul(b)
    periksa_simpul(akar)
    atas, bawah = baris_bagan(akar, keputusan)
    assert [s.memimpin.kode for s in atas] == ["sekretariat", "bidang-koperasi", "bidang-ukm",
                                              "bidang-perdagangan", "bidang-perindustrian"]
    assert [s.memimpin.jenis for s in bawah] == ["uptd"] * 5


# -- the loader's checks of `mendukung` -------------------------------------------------

def _masalah(proyek: Path) -> list[str]:
    keputusan, masalah = periksa(LetakData.untuk(proyek, ID_NYATA))
    assert keputusan is None
    return [str(m) for m in masalah]


def test_data_kecil_terpetakan(mini):
    k = muat(LetakData.untuk(mini, ID_NYATA))
    p = pohon_kinerja(k)
    assert (p.jumlah_terpetakan, p.jumlah_baris) == (3, 5)
    assert [(s.isi.kunci, [a.isi.kunci for a in s.anak]) for s in p.tujuan[0].sasaran[0].anak] == [
        ("sekretaris-dinas/1", [])]
    assert [s.isi.kunci for s in p.belum_terpetakan] == ["sekretaris-dinas/2", "bendahara/1"]
    assert [a.isi.kunci for a in p.belum_terpetakan[0].anak] == ["kasubag-keuangan/1"]
    assert [a.isi.kunci for a in p.belum_terpetakan[0].anak[0].anak] == ["bendahara/2"]


# (what is broken, file, old text, new text, the words the report must contain)
KASUS_MENDUKUNG = [
    ("bentuk tak dikenal", BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: kasubag keuangan baris 1",
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]",
      "Nilai 'mendukung' \"kasubag keuangan baris 1\" tidak dikenali", "'kasubag-keuangan/1'"]),
    ("baris tidak ada", BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: kasubag-keuangan/2",
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]",
      "Baris 'kasubag-keuangan/2' tidak ada: Kepala Sub Bagian Keuangan hanya memiliki 1 baris IKI",
      "Pilih nomor urut baris 1 sampai 1"]),
    ("bukan baris atasan", BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: sekretaris-dinas/1",
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]",
      "'sekretaris-dinas/1' bukan baris IKI atasan jabatan ini: atasannya 'kasubag-keuangan', bukan 'sekretaris-dinas'",
      "tulis 'kasubag-keuangan/<nomor urut baris>'"]),
    ("jabatan tidak ada", BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: kasubag-keuangann/1",
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]",
      "Jabatan 'kasubag-keuangann' pada 'mendukung' tidak ada", "mungkin maksudnya 'kasubag-keuangan'"]),
    ("sasaran padahal atasan ber-IKI", BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: SS.1.1",
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]",
      "Baris ini menunjuk Sasaran Strategis 'SS.1.1', padahal atasannya ('kasubag-keuangan') memiliki tabel IKI"]),
    ("sasaran tidak ada", "jabatan/diskoperindag-2022/sekretaris-dinas.md", "mendukung: SS.1.1", "mendukung: SS.1.2",
     ["jabatan/diskoperindag-2022/sekretaris-dinas.md:17 [kolom iki → baris ke-1 → mendukung]",
      "Sasaran Strategis 'SS.1.2' tidak ada di data/diskoperindag-2022/tujuan.yml", "SS.1.1, SS.2.1, SS.2.2"]),
    ("baris atasan tanpa IKI", "jabatan/diskoperindag-2022/sekretaris-dinas.md", "mendukung: SS.1.1", "mendukung: kepala-dinas/1",
     ["jabatan/diskoperindag-2022/sekretaris-dinas.md:17 [kolom iki → baris ke-1 → mendukung]",
      "Baris 'kepala-dinas/1' tidak ada: 'kepala-dinas' tidak memiliki tabel IKI",
      "tulis kode Sasaran Strategis yang didukung"]),
    ("bukan teks", BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: 1",
     [f"{BENDAHARA}:18 [kolom iki → baris ke-2 → mendukung]", "Nilai harus berupa teks, bukan bilangan bulat"]),
]


@pytest.mark.parametrize("kasus, berkas, lama, baru, harapan", KASUS_MENDUKUNG, ids=[r[0] for r in KASUS_MENDUKUNG])
def test_mendukung_yang_salah_dilaporkan(mini, kasus, berkas, lama, baru, harapan):
    ganti(mini, berkas, lama, baru)
    masalah = _masalah(mini)
    assert len(masalah) == 1, masalah
    for teks in harapan:
        assert teks in masalah[0], f"{teks!r} tidak ada dalam:\n{masalah[0]}"


def test_rantai_mendukung_berputar(mini):
    # Bendahara's two rows name each other: neither is its atasan's row, and the chain loops.
    ganti(mini, BENDAHARA, "    target: 11 Dokumen\n", "    target: 11 Dokumen\n    mendukung: bendahara/2\n")
    ganti(mini, BENDAHARA, "mendukung: kasubag-keuangan/1", "mendukung: bendahara/1")
    masalah = _masalah(mini)
    assert f"{BENDAHARA}:14 [kolom iki → baris ke-1 → mendukung]: Rantai 'mendukung' berputar: " \
           "bendahara/1 → bendahara/2 → bendahara/1." in "\n".join(masalah), masalah
    assert sum("bukan baris IKI atasan" in m for m in masalah) == 2
    assert sum("berputar" in m for m in masalah) == 1


def test_rantai_atasan_berputar_juga_dilaporkan_pada_mendukung(mini):
    # Kasubag Keuangan and Bendahara made each other's atasan: every link is then "the atasan's row",
    # and only the loop itself is wrong.
    ganti(mini, "jabatan/diskoperindag-2022/kasubag-keuangan.md", "atasan: sekretaris-dinas", "atasan: bendahara")
    ganti(mini, "jabatan/diskoperindag-2022/kasubag-keuangan.md", "mendukung: sekretaris-dinas/2", "mendukung: bendahara/2")
    masalah = "\n".join(_masalah(mini))
    assert "Rantai atasan berputar" in masalah
    assert "Rantai 'mendukung' berputar: bendahara/2 → kasubag-keuangan/1 → bendahara/2." in masalah \
        or "Rantai 'mendukung' berputar: kasubag-keuangan/1 → bendahara/2 → kasubag-keuangan/1." in masalah
