"""Shared fixtures: the real project, built once; and small copies of it to break."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from iki.loader import LetakData, muat

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
# What a project copy needs besides its data: configuration, pages, theme overrides, macros.
_BAGIAN_PROYEK = ("mkdocs.yml", "docs", "overrides", "macros", "data")


def bangun(proyek: Path, keluaran: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder (site in `<proyek>/site` by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IKI_")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(proyek / "mkdocs.yml"),
         "-d", str(keluaran or proyek / "site")],
        capture_output=True, text=True, cwd=proyek, env={**env, "NO_MKDOCS_2_WARNING": "1"},
    )


def salin_proyek(tujuan: Path, jabatan_dari: Path = MINI / "jabatan", unit_dari: Path = MINI / "data" / "unit.yml") -> Path:
    """A copy of the project with the small fixture data set: 4 jabatan, 2 units."""
    tujuan.mkdir(parents=True, exist_ok=True)
    for bagian in _BAGIAN_PROYEK:
        asal = ROOT / bagian
        (shutil.copytree if asal.is_dir() else shutil.copy)(asal, tujuan / bagian)
    shutil.copytree(jabatan_dari, tujuan / "jabatan")
    shutil.copy(unit_dari, tujuan / "data" / "unit.yml")
    return tujuan


def baca_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def situs(tmp_path_factory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    keluaran = tmp_path_factory.mktemp("situs")
    hasil = bangun(ROOT, keluaran)
    assert hasil.returncode == 0, hasil.stderr[-5000:]
    return keluaran


@pytest.fixture(scope="session")
def keputusan():
    return muat(LetakData(ROOT))


@pytest.fixture
def proyek_mini(tmp_path) -> Path:
    return salin_proyek(tmp_path / "proyek")
