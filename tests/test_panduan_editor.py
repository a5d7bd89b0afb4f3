"""CONTRIBUTING.md stays true: its commands are the README's, its new-jabatan template is what the
command writes, and its worked example prints exactly the messages it shows."""

import re
import shlex
import shutil

import pytest

from iki import cli
from iki.model import BarisIKI, Jabatan

from conftest import JABATAN, PANDUAN, PASANG, PERIKSA, PERINTAH, ROOT

pytestmark = pytest.mark.usefixtures("bukan_github")

JABATAN_BARU = PERINTAH["Membuat berkas jabatan baru"]


def _blok(bahasa: str, setelah: str) -> list[str]:
    """The fenced blocks of a language after a heading, in order."""
    bagian = PANDUAN.split(setelah, 1)[1]
    return re.findall(rf"```{bahasa}\n(.*?)```", bagian, flags=re.S)


@pytest.fixture
def salinan(tmp_path):
    for folder in ("data", "jabatan"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_perintah_panduan_sama_dengan_readme():
    for perintah in (PASANG, PERIKSA, JABATAN_BARU):
        assert f"```bash\n{perintah}\n```" in PANDUAN


def test_templat_jabatan_baru_sama_dengan_hasil_perintah(salinan, capsys):
    argumen = shlex.split(JABATAN_BARU)
    assert argumen[:3] == [".venv/bin/python", "-m", "iki"]
    assert cli.main(argumen[3:] + [str(salinan)]) == 0
    (baru,) = {p.name for p in (salinan / JABATAN).iterdir()} - {p.name for p in (ROOT / JABATAN).iterdir()}
    (templat,) = [b for b in _blok("yaml", "### Menambah jabatan") if "ISI SASARAN" in b]
    # Only the order differs as jabatan are added.
    teks = (salinan / JABATAN / baru).read_text(encoding="utf-8")
    assert re.sub(r"urutan: \d+", "urutan: N", teks) == re.sub(r"urutan: \d+", "urutan: N", templat)


def test_contoh_lengkap_menulis_pesan_yang_ditampilkan(salinan, capsys):
    salah, benar = _blok("yaml", "## Contoh lengkap")[:2]
    (pesan,) = _blok("text", "## Contoh lengkap")[:1]
    path = salinan / JABATAN / "analis-koperasi.md"
    asli = path.read_text(encoding="utf-8")

    path.write_text(asli.replace("\n---\n", f"\n{salah}", 1), encoding="utf-8")
    assert cli.main(["periksa", str(salinan)]) == 1
    assert capsys.readouterr().out == pesan

    path.write_text(asli.replace("\n---\n", f"\n{benar}", 1), encoding="utf-8")
    assert cli.main(["periksa", str(salinan)]) == 0
    assert capsys.readouterr().out.startswith("Tidak ada masalah: ")


def test_setiap_kolom_dijelaskan():
    """Every field an editor may write is in the example file or in the table of other fields."""
    contoh = _blok("yaml", "## Susunan berkas jabatan")[0]
    dijelaskan = set(re.findall(r"^\s*(?:- )?(\w+):", contoh, flags=re.M)) | set(re.findall(r"^\| `(\w+)`", PANDUAN, flags=re.M))
    assert set(Jabatan.model_fields) - {"slug", "sumber", "tugas"} <= dijelaskan
    assert set(BarisIKI.model_fields) <= dijelaskan
