"""A build in which the `iki` plugin did not run fails with a message saying so (iki.penjaga),
instead of publishing a site without jabatan, unit, organisation and download pages."""

import os
import re
import subprocess
import sys

import markdown
import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import yaml_load

from iki import penjaga

from conftest import ROOT, bangun


def _hapus_plugin(proyek, *nama: str) -> None:
    """Take plugins off the copy's mkdocs.yml (with their settings)."""
    berkas = proyek / "mkdocs.yml"
    teks = berkas.read_text(encoding="utf-8")
    for n in nama:
        teks, jumlah = re.subn(rf"^  - {n}(:\n(?:      .*\n)+|\n)", "", teks, flags=re.M)
        assert jumlah == 1, n
    berkas.write_text(teks, encoding="utf-8")


def test_mkdocs_yml_memasang_penjaga():
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
        konfigurasi = yaml_load(f)
    assert penjaga.NAMA in konfigurasi["markdown_extensions"]
    assert any(p == penjaga.PLUGIN for p in konfigurasi["plugins"])


def test_penjaga_hanya_gagal_saat_halaman_dibuat(tmp_path):
    # MkDocs loads every extension while it checks mkdocs.yml, before any plugin has run: no failure there.
    (tmp_path / "docs").mkdir()
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Uji", "docs_dir": str(tmp_path / "docs"), "markdown_extensions": [penjaga.NAMA]})
    gagal, _ = config.validate()
    assert not gagal and penjaga.NAMA in config.markdown_extensions
    with pytest.raises(penjaga.PluginTidakBerjalan, match="Plugin iki tidak berjalan"):
        markdown.Markdown(extensions=config.markdown_extensions).convert("# Beranda\n")
    # The plugin takes it off; the rest is left as it was.
    penjaga.lepas(config.markdown_extensions, config.mdx_configs)
    assert penjaga.NAMA not in config.markdown_extensions and "toc" in config.markdown_extensions
    assert markdown.Markdown(extensions=config.markdown_extensions).convert("# Beranda\n").startswith("<h1")


def test_makro_menolak_tanpa_plugin():
    penjaga.pastikan_plugin({"search": None, "iki": None})
    with pytest.raises(penjaga.PluginTidakBerjalan):
        penjaga.pastikan_plugin({"search": None, "macros": None})


def test_build_tanpa_plugin_iki_gagal(proyek_mini):
    _hapus_plugin(proyek_mini, "iki")
    hasil = bangun(proyek_mini)
    assert hasil.returncode != 0
    # The macros module stops first (mkdocs-macros renders pages before Markdown does).
    assert f"ERROR   -  {penjaga.PESAN}" in hasil.stderr
    assert "Traceback" not in hasil.stderr and not (proyek_mini / "site" / "jabatan").exists()


def test_build_tanpa_plugin_iki_dan_makro_gagal_juga_tanpa_strict(proyek_mini):
    """Neither plugin runs (as under an engine that skips both): the Markdown extension stops the
    build at the first page, --strict or not."""
    _hapus_plugin(proyek_mini, "iki", "macros")
    hasil = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(proyek_mini / "mkdocs.yml")],
                           capture_output=True, text=True, cwd=proyek_mini,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert hasil.returncode != 0
    assert "ERROR   -  Error reading page 'index.md':" in hasil.stderr and f"ERROR   -  {penjaga.PESAN}" in hasil.stderr
    assert "Traceback" not in hasil.stderr and not (proyek_mini / "site" / "jabatan").exists()
