"""Shared fixtures: the real project, built once; and small copies of it to break."""

from __future__ import annotations

import contextlib
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


def bangun(proyek: Path, keluaran: Path | None = None, **env_lain: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder (site in `<proyek>/site` by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IKI_")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(proyek / "mkdocs.yml"),
         "-d", str(keluaran or proyek / "site")],
        capture_output=True, text=True, cwd=proyek, env={**env, "NO_MKDOCS_2_WARNING": "1", **env_lain},
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


# -- a real browser against the real deployment config -----------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _port_bebas() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def nginx(akar_situs: Path, kerja: Path):
    """Serve a built site on 127.0.0.1 with the project's own server block (deploy/nginx/iki.conf);
    only `listen` and `root` are replaced."""
    import re
    import time
    import urllib.request

    if not shutil.which("nginx"):
        pytest.fail("nginx tidak terpasang: jalankan `apt-get install -y nginx` (lihat README).")
    port = _port_bebas()
    blok = (ROOT / "deploy" / "nginx" / "iki.conf").read_text()
    blok = re.sub(r"(?m)^(\s*)listen .*;$", rf"\1listen 127.0.0.1:{port};", blok)
    blok = re.sub(r"(?m)^(\s*)root .*;$", rf"\1root {akar_situs};", blok)
    kerja.mkdir(parents=True, exist_ok=True)
    (kerja / "iki.conf").write_text(blok)
    pengguna = "user root;\n" if os.geteuid() == 0 else ""
    (kerja / "nginx.conf").write_text(
        f"{pengguna}daemon off;\npid {kerja}/nginx.pid;\nerror_log {kerja}/error.log;\nevents {{}}\n"
        f"http {{\n include /etc/nginx/mime.types;\n default_type application/octet-stream;\n"
        f" access_log {kerja}/access.log;\n client_body_temp_path {kerja}/body;\n proxy_temp_path {kerja}/proxy;\n"
        f" fastcgi_temp_path {kerja}/fastcgi;\n uwsgi_temp_path {kerja}/uwsgi;\n scgi_temp_path {kerja}/scgi;\n"
        f" include {kerja}/iki.conf;\n}}\n"
    )
    proses = subprocess.Popen(["nginx", "-c", str(kerja / "nginx.conf"), "-p", str(kerja)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    alamat = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(alamat, timeout=1)
                break
            except OSError:
                if proses.poll() is not None:
                    pytest.fail(f"nginx berhenti: {proses.stdout.read().decode()}")
                time.sleep(0.05)
        yield alamat
    finally:
        proses.terminate()
        proses.wait(timeout=10)


@pytest.fixture(scope="session")
def alamat_situs(situs, tmp_path_factory):
    """Base URL of the real built site served by nginx."""
    with nginx(situs, tmp_path_factory.mktemp("nginx")) as alamat:
        yield alamat


@pytest.fixture(scope="session")
def peramban():
    """Debian's Chromium driven by Playwright (no downloaded browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium tidak terpasang: jalankan `apt-get install -y chromium` (lihat README).")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()
