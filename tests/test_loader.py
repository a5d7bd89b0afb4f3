"""The model and loader, without MkDocs."""

from pathlib import Path

import pytest

from iki.loader import LetakData, muat, periksa
from iki.model import urai_target

from conftest import LETAK_NYATA, letak_proyek


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
