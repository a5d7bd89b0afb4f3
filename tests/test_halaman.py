"""Engine-independent generation: `python -m iki halaman` writes every generated page and download
without MkDocs, and the MkDocs build publishes exactly those pages."""

from iki import cli, ekspor
from iki.halaman import Situs, alamat_halaman, halaman_situs
from iki.pemuat_arsip import muat_arsip
from iki.riwayat import Riwayat

from conftest import ROOT


def test_halaman_tanpa_mkdocs(proyek_mini, tmp_path, capsys):
    keluar = tmp_path / "keluar"
    assert cli.main(["halaman", str(keluar), str(proyek_mini)]) == 0
    berkas = {p.relative_to(keluar).as_posix() for p in keluar.rglob("*") if p.is_file()}
    assert capsys.readouterr().out == f"{len(berkas)} berkas ditulis ke {keluar}.\n"
    assert {"daftar-keputusan.md", "jabatan/bendahara.md", "unit/index.md", "unit/sekretariat/index.md",
            "organisasi/bagan.md", "organisasi/daftar-jabatan.md", "organisasi/pohon-kinerja.md", "unduh.md",
            "unduh/iki-2022.csv", "unduh/iki-2022-lampiran.pdf"} <= berkas
    halaman = (keluar / "jabatan" / "bendahara.md").read_text(encoding="utf-8")
    assert "## Tugas { #tugas }" in halaman and "Bendahara" in halaman


def test_build_menerbitkan_setiap_halaman_data(situs):
    """The MkDocs adapter publishes every page the engine-independent list holds, at its address."""
    daftar = list(halaman_situs(Situs(muat_arsip(ROOT), ROOT / "docs", Riwayat(None, None), ekspor.EKSPOR)))
    assert len(daftar) > 50
    for h in daftar:
        assert (situs / alamat_halaman(h.src_uri) / "index.html").is_file(), h.src_uri


def test_alamat_halaman():
    assert alamat_halaman("jabatan/x.md") == "jabatan/x/"
    assert alamat_halaman("unit/index.md") == "unit/"
    assert alamat_halaman("index.md") == ""
    assert alamat_halaman("a-2023/unduh.md") == "a-2023/unduh/"
