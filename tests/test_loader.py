"""The model and loader, without MkDocs."""

from pathlib import Path

import pytest

from iki.loader import LetakData, muat, muat_data_situs, periksa, periksa_data_situs
from iki.masalah import DataTidakValid
from iki.model import urai_target

from conftest import LETAK_NYATA, letak_proyek, salin_proyek


@pytest.fixture
def letak_mini(mini) -> LetakData:
    return letak_proyek(mini)


@pytest.mark.parametrize(
    "teks, nilai, satuan",
    [
        ("150 Koperasi", 150, "Koperasi"),
        ("80 Persen", 80, "Persen"),
        ("100%", 100, "%"),
        ("80 Pelaku Usaha", 80, "Pelaku Usaha"),
        ("1700 Unit", 1700, "Unit"),
        ("1.700 Unit", 1700, "Unit"),
        ("2,5 Persen", 2.5, "Persen"),
        ("B", None, None),
    ],
)
def test_target_diurai_menjadi_nilai_dan_satuan(teks, nilai, satuan):
    target = urai_target(teks, {"B"})
    assert target is not None
    assert (target.teks, target.nilai, target.satuan) == (teks, nilai, satuan)


@pytest.mark.parametrize("teks", ["150", "sebelas Dokumen", "Z", "Dokumen 12"])
def test_target_yang_tidak_dikenali(teks):
    assert urai_target(teks, {"B"}) is None


def test_memuat_data_kecil(letak_mini):
    k = muat(letak_mini)
    assert [j.slug for j in k.jabatan] == ["kepala-dinas", "sekretaris-dinas", "kasubag-keuangan", "bendahara"]
    bendahara = k.cari_jabatan("bendahara")
    # The decree's labels are kept: gaps and letters, sub-items under their parent.
    assert [t.label for t in bendahara.tugas] == ["1", "3", "6"]
    assert [(s.label, s.teks) for s in bendahara.tugas[1].sub] == [("a", "sub butir pertama"), ("b", "sub butir kedua")]
    assert [b.nomor for b in bendahara.iki] == [1, None]
    assert k.target(bendahara.iki[1]).nilai == 100
    assert k.bawahan("kasubag-keuangan") == [bendahara]
    assert [j.slug for j in k.jabatan_di_unit("sekretariat")] == ["sekretaris-dinas", "kasubag-keuangan", "bendahara"]
    assert k.jumlah_baris_iki == 5
    assert bendahara.sumber == "jabatan/diskoperindag-2022/bendahara.md"


def test_data_asli_tanpa_masalah():
    _, masalah = periksa(LETAK_NYATA)
    assert [str(m) for m in masalah] == []


def test_teks_editor_disimpan_apa_adanya(letak_mini):
    path = Path(letak_mini.root, letak_mini.jabatan, "bendahara.md")
    path.write_text(path.read_text().replace("Mengelola uang/surat berharga sesuai prosedur",
                                             "  spasi  ganda {{ 7*7 }} <b>tebal</b>"), encoding="utf-8")
    k = muat(letak_mini)
    assert k.cari_jabatan("bendahara").tugas[0].teks == "spasi  ganda {{ 7*7 }} <b>tebal</b>"


def test_data_situs_dibaca_seperti_berkas_data_lain(tmp_path):
    """data/singkatan.yml and data/akar.yml go through the same reading and models as a decree's files:
    every problem of both, naming file, line and field, in Bahasa Indonesia; never an exception."""
    proyek = salin_proyek(tmp_path)
    (proyek / "data" / "singkatan.yml").write_text("- singkatan: SKA\n  kepanjangn: [Surat Keterangan Asal]\n",
                                                   encoding="utf-8")
    (proyek / "data" / "akar.yml").write_text("- alasan: uji\n  akar: {pemasaran: pasar}\n- alasan: uji\n  akar: {}\n"
                                              "  tetap: [pasar, Pasar]\n", encoding="utf-8")
    data, masalah = periksa_data_situs(proyek)
    assert data is None
    assert [str(m) for m in masalah] == [
        "data/singkatan.yml:1 [kolom baris ke-1 → kepanjangan]: Kolom wajib 'kepanjangan' tidak ada. "
        "Tambahkan baris 'kepanjangan: ...'.",
        "data/singkatan.yml:2 [kolom baris ke-1 → kepanjangn]: Kolom 'kepanjangn' tidak dikenal. "
        "Periksa ejaannya: mungkin maksudnya 'kepanjangan'. Kolom yang boleh: singkatan, kepanjangan, lazim.",
        "data/akar.yml:5 [kolom baris ke-2 → tetap → baris ke-2]: Nilai 'Pasar' tidak memenuhi aturan penulisan kolom ini. "
        "Tulis seperti butir lain di berkas ini (tanpa spasi atau tanda baca yang tidak ada pada contohnya).",
    ]
    with pytest.raises(DataTidakValid) as galat:
        muat_data_situs(proyek)
    assert galat.value.masalah == sorted(masalah)


def test_pesan_akar_yml_untuk_berkasnya_sendiri(tmp_path):
    """akar.yml's own checks advise about that file (not about the decree's text); a refused word on the
    left of ':' is named once; a pair of three words is told in Bahasa Indonesia."""
    proyek = salin_proyek(tmp_path)
    (proyek / "data" / "akar.yml").write_text(
        "- alasan: kosong\n- alasan: kunci\n  akar:\n    Kata Besar: kata\n"
        "- alasan: tiga\n  tidak_bertemu:\n    - [satu, dua, tiga]\n", encoding="utf-8")
    _, masalah = periksa_data_situs(proyek)
    assert [str(m) for m in masalah] == [
        "data/akar.yml:1 [kolom baris ke-1]: Nilai tidak sesuai: Isi salah satu dari 'tetap', 'akar' atau "
        "'tidak_bertemu'. Lihat keterangan di awal berkas ini.",
        "data/akar.yml:4 [kolom baris ke-2 → akar → Kata Besar]: Nilai 'Kata Besar' tidak memenuhi aturan penulisan "
        "kolom ini. Tulis seperti butir lain di berkas ini (tanpa spasi atau tanda baca yang tidak ada pada contohnya).",
        "data/akar.yml:7 [kolom baris ke-3 → tidak_bertemu → baris ke-1]: Daftar berisi 3 butir, padahal paling "
        "banyak 2. Hapus butir yang berlebih.",
    ]



def test_dua_dokumen_yaml_dalam_satu_berkas(letak_mini):
    """A '---' line between the items of a data file: parsed, but not one document. Told, not a traceback."""
    path = Path(letak_mini.root, letak_mini.data, "unit.yml")
    baris = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kedua = next(i for i, b in enumerate(baris) if i and b.startswith("- "))
    path.write_text("".join(baris[:kedua] + ["---\n"] + baris[kedua:]), encoding="utf-8")
    _, masalah = periksa(letak_mini)
    assert f"{letak_mini.data}/unit.yml:{kedua + 1}: Format YAML tidak dapat dibaca (ada baris '---' atau '...' di tengah data). " \
        "Periksa tanda titik dua, tanda kutip dan jumlah spasi di awal baris; teks yang memuat ': ' atau diawali " \
        "tanda khusus harus diberi tanda kutip." in [str(m) for m in masalah]


@pytest.mark.parametrize("aktif_sebelum", [True, False])
def test_memuat_tanpa_pengumpul_sampah_siklik(monkeypatch, aktif_sebelum):
    """While decrees load the cyclic collector is off (a fifth of the loading time otherwise); afterwards
    it is as it was, also when loading fails."""
    import gc

    from iki import pemuat_arsip

    selama: list[bool] = []
    asli = pemuat_arsip.periksa_dengan

    def periksa_dengan(bacaan):
        selama.append(gc.isenabled())
        return asli(bacaan)

    monkeypatch.setattr(pemuat_arsip, "periksa_dengan", periksa_dengan)
    (gc.enable if aktif_sebelum else gc.disable)()
    try:
        arsip, masalah = pemuat_arsip.periksa_arsip(LETAK_NYATA.root)
        assert arsip is not None and not masalah
        assert selama == [False] and gc.isenabled() is aktif_sebelum

        def gagal(bacaan):
            raise RuntimeError("gagal")

        monkeypatch.setattr(pemuat_arsip, "periksa_dengan", gagal)
        with pytest.raises(RuntimeError):
            pemuat_arsip.periksa_arsip(LETAK_NYATA.root)
        assert gc.isenabled() is aktif_sebelum
    finally:
        gc.enable()
