"""Shared fixtures and helpers: the real project, built once; the reference decree's counts; small
copies of the project to break; the README's commands. Every helper that more than one test module
needs is defined here (or in a helper module such as alat_peramban.py), never in a test module:
tests/test_susunan_uji.py checks that no test module imports another or defines a name twice."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from iki.loader import LetakData, muat
from iki.model import Keputusan

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
# The real decree: its id, and its folders relative to a project root.
ID_NYATA = "diskoperindag-2022"
DATA = f"data/{ID_NYATA}"
JABATAN = f"jabatan/{ID_NYATA}"
LETAK_NYATA = LetakData.untuk(ROOT, ID_NYATA)
# The decree's text as published, vendored: what the transcription is checked against.
NASKAH = ROOT / "sumber" / "keputusan-800-29.6-sekere-2022.txt"
# The guide for editors and page authors: tests hold it to what the code does.
PANDUAN = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
# A jabatan file (in the real data and in the small fixture data set) that tests edit or break.
BENDAHARA = f"{JABATAN}/bendahara.md"
# What a project copy needs besides its data: configuration, pages, theme overrides, macros, site-wide data.
_BAGIAN_PROYEK = ("mkdocs.yml", "docs", "overrides", "macros", "data/singkatan.yml", "data/akar.yml", DATA)


def bangun(proyek: Path, keluaran: Path | None = None, **env_lain: str) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` on a project folder (site in `<proyek>/site` by default)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IKI_")}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(proyek / "mkdocs.yml"),
         "-d", str(keluaran or proyek / "site")],
        capture_output=True, text=True, cwd=proyek, env={**env, "NO_MKDOCS_2_WARNING": "1", **env_lain},
    )


@contextlib.contextmanager
def _lingkungan(**env_lain: str):
    """os.environ as `bangun` gives it to its child process, for the duration of the block."""
    asli = dict(os.environ)
    os.environ.clear()
    os.environ.update({k: v for k, v in asli.items() if not k.startswith("IKI_")},
                      NO_MKDOCS_2_WARNING="1", **env_lain)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(asli)


def bangun_di_proses(proyek: Path, keluaran: Path | None = None, **env_lain: str) -> subprocess.CompletedProcess:
    """What `bangun` does, in this process: MkDocs' own build (load_config, then build, between the
    plugins' startup and shutdown, as `mkdocs build --strict` runs them), with the same environment,
    folder and log lines on stderr; an error ends it as the command would (its message, or the
    traceback of an unexpected exception, and return code 1). No interpreter to start and no
    library to import again: a build of the small project takes a fraction of the command's time.
    A test whose point is a fresh process (the same bytes from two processes) uses `bangun`;
    tests/test_bangun_ulang.py checks that both give the same site.

    What one build leaves in the process is put back: the site's macros module (mkdocs-macros
    imports `macros` from the project folder, so each project gets its own), sys.path, the
    environment, the working folder and the MkDocs logger."""
    import io
    import logging
    import traceback

    import click
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    tulisan = io.StringIO()
    penangan = logging.StreamHandler(tulisan)
    penangan.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    pencatat = logging.getLogger("mkdocs")

    def modul_makro() -> dict:
        return {n: sys.modules.pop(n) for n in list(sys.modules) if n == "macros" or n.startswith("macros.")}

    keadaan = (pencatat.level, pencatat.propagate, list(sys.path), modul_makro())
    pencatat.setLevel(logging.INFO)
    pencatat.propagate = False
    pencatat.addHandler(penangan)
    kode = 0
    try:
        with _lingkungan(**env_lain), contextlib.chdir(proyek):
            konfigurasi = load_config(config_file=str(proyek / "mkdocs.yml"),
                                      site_dir=str(keluaran or proyek / "site"), strict=True)
            konfigurasi.plugins.on_startup(command="build", dirty=False)
            try:
                build(konfigurasi)
            finally:
                konfigurasi.plugins.on_shutdown()
    except click.ClickException as e:  # how the command reports MkDocs' errors
        e.show(file=tulisan)
        kode = 1
    except Exception:
        tulisan.write(traceback.format_exc())
        kode = 1
    finally:
        pencatat.removeHandler(penangan)
        pencatat.setLevel(keadaan[0])
        pencatat.propagate = keadaan[1]
        sys.path[:] = keadaan[2]
        modul_makro()
        sys.modules.update(keadaan[3])
    return subprocess.CompletedProcess(["mkdocs", "build", "--strict"], kode, "", tulisan.getvalue())


def salin_proyek(tujuan: Path, jabatan_dari: Path = MINI / JABATAN, unit_dari: Path = MINI / DATA / "unit.yml") -> Path:
    """A copy of the project with the small fixture data set: 4 jabatan, 2 units (the real decree's
    identity, Tujuan and staff tables)."""
    tujuan.mkdir(parents=True, exist_ok=True)
    for bagian in _BAGIAN_PROYEK:
        asal = ROOT / bagian
        (tujuan / bagian).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if asal.is_dir() else shutil.copy)(asal, tujuan / bagian)
    shutil.copytree(jabatan_dari, tujuan / JABATAN)
    shutil.copy(unit_dari, tujuan / DATA / "unit.yml")
    return tujuan


def isi_situs(situs: Path) -> dict[str, bytes]:
    """Every file of a built site, by path relative to it."""
    return {p.relative_to(situs).as_posix(): p.read_bytes() for p in sorted(situs.rglob("*")) if p.is_file()}


def beda_situs(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    """The paths whose files differ between two sites (or are in one only)."""
    return sorted(n for n in a.keys() | b.keys() if a.get(n) != b.get(n))


def baca_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# Test tiers (markers registered in pyproject.toml): a test using these fixtures is marked for them.
_PENANDA = {"peramban": "browser", "alamat_situs": "browser", "situs": "slow", "proyek_mini": "slow"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        for penanda in {_PENANDA[f] for f in getattr(item, "fixturenames", ()) if f in _PENANDA}:
            item.add_marker(penanda)


@pytest.fixture(scope="session")
def situs(tmp_path_factory) -> Path:
    """The real site, built once per test run with `mkdocs build --strict`."""
    keluaran = tmp_path_factory.mktemp("situs")
    hasil = bangun(ROOT, keluaran)
    assert hasil.returncode == 0, hasil.stderr[-5000:]
    return keluaran


def letak_proyek(proyek: Path) -> LetakData:
    """Where the real decree's files are in the repository or in a copy made by salin_proyek."""
    return LetakData.untuk(proyek, ID_NYATA)


@pytest.fixture(scope="session")
def keputusan() -> Keputusan:
    return muat(LETAK_NYATA)


@dataclass(frozen=True)
class KeputusanAcuan:
    """How much the reference decree (the real one) holds, counted from its data. Tests take these
    counts from the `acuan` fixture; test_keputusan_lengkap.py alone states them as numbers, and
    test_verbatim_keputusan.py checks them against the decree's text."""

    jabatan: int  # every jabatan, the Kepala Dinas included: one page each
    lampiran: int  # the jabatan of the Lampiran, numbered from 1: all but the Kepala Dinas
    ber_iki: int  # jabatan with an IKI table: one form in the Lampiran PDF, one e-Kinerja file each
    baris_iki: int
    unit: int
    tujuan: int

    @classmethod
    def dari(cls, k: Keputusan) -> KeputusanAcuan:
        return cls(jabatan=len(k.jabatan), lampiran=sum(1 for j in k.jabatan if j.atasan is not None),
                   ber_iki=sum(1 for j in k.jabatan if j.iki), baris_iki=k.jumlah_baris_iki,
                   unit=len(k.unit), tujuan=len(k.tujuan))


@pytest.fixture(scope="session")
def acuan(keputusan) -> KeputusanAcuan:
    return KeputusanAcuan.dari(keputusan)


@pytest.fixture
def proyek_mini(tmp_path) -> Path:
    """A copy of the project with the small data set, for a test that builds it (marked slow)."""
    return salin_proyek(tmp_path / "proyek")


@pytest.fixture
def mini(tmp_path) -> Path:
    """The same copy, for a test that only reads or checks it (not marked slow)."""
    return salin_proyek(tmp_path / "proyek")


def ganti(proyek: Path, berkas: str, lama: str, baru: str, *, semua: bool = False) -> None:
    """Replace a text in a file of a project copy: its first occurrence, or every one. The text
    must be there (a test that changes nothing would prove nothing)."""
    path = proyek / berkas
    teks = path.read_text(encoding="utf-8")
    assert lama in teks, f"{lama!r} tidak ada di {berkas}"
    path.write_text(teks.replace(lama, baru, -1 if semua else 1), encoding="utf-8")


def baca_halaman(situs: Path, alamat: str) -> BeautifulSoup:
    """A page of a built site by its address (`jabatan/bendahara/`)."""
    return baca_html(situs / alamat / "index.html")


def json_unduhan(situs: Path, nama: str):
    """A JSON download of a built site."""
    return json.loads((situs / "unduh" / nama).read_text(encoding="utf-8"))


def rapat(teks: str) -> str:
    """Runs of whitespace as one space, ends stripped: text compared as a reader sees it."""
    return re.sub(r"\s+", " ", teks).strip()


def git(folder: Path, *argumen: str, tanggal: str | None = None) -> str:
    """Run git in a folder, apart from the machine's git configuration; commits dated `tanggal`
    (YYYY-MM-DD) when given. Its output."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if tanggal:
        env.update(GIT_AUTHOR_DATE=f"{tanggal}T10:00:00+07:00", GIT_COMMITTER_DATE=f"{tanggal}T10:00:00+07:00")
    return subprocess.run(["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.invalid", *argumen],
                          cwd=folder, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def bukan_github(monkeypatch) -> None:
    """The checker as an editor runs it: not in GitHub Actions, whose annotations change its output."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


# -- broken data: the files of tests/fixtures/rusak and rusak-data -------------------------------

# Broken jabatan files, and their units (rusak/data/unit.yml); the other data files are the project's own.
RUSAK = ROOT / "tests" / "fixtures" / "rusak"
# Broken variants of data files, one folder per kind of problem.
RUSAK_DATA = ROOT / "tests" / "fixtures" / "rusak-data"
# The valid jabatan the broken ones hang under (the heads of the two units in rusak/data/unit.yml).
DASAR = ("kepala-dinas.md", "sekretaris-dinas.md")
# Differs from slug-kembar.md only in case, so it is made by the tests: in the repository the pair
# would collide on the case-insensitive file systems of editors' computers.
KEMBAR = "Slug-Kembar.md"


def proyek_rusak(tujuan: Path, jabatan=(), data: str | None = None) -> Path:
    """The valid base of tests/fixtures/rusak plus the given broken jabatan files and the broken
    data files of one folder of tests/fixtures/rusak-data."""
    shutil.copytree(ROOT / "data", tujuan / "data")
    shutil.copytree(RUSAK / "data", tujuan / "data", dirs_exist_ok=True)
    (tujuan / JABATAN).mkdir(parents=True)
    for nama in (*DASAR, *jabatan):
        if nama != KEMBAR:
            shutil.copy(RUSAK / JABATAN / nama, tujuan / JABATAN / nama)
    if KEMBAR in jabatan:
        teks = (RUSAK / JABATAN / "slug-kembar.md").read_text(encoding="utf-8")
        teks = teks.replace("nama: Pengelola Gudang", "nama: Pengelola Gudang Dua").replace("urutan: 22", "urutan: 23")
        (tujuan / JABATAN / KEMBAR).write_text(teks, encoding="utf-8")
    if data:
        for path in (RUSAK_DATA / data).rglob("*.yml"):
            shutil.copy(path, tujuan / "data" / path.relative_to(RUSAK_DATA / data))
    return tujuan


# -- the README's commands ----------------------------------------------------------------------

def perintah_readme() -> dict[str, str]:
    """README commands by their bold label: a paragraph '**Label** (...):' then a one-line bash block."""
    teks = (ROOT / "README.md").read_text(encoding="utf-8")
    pola = r"\*\*(?P<label>[^*\n]+)\*\*[^\n]*\n(?:[^\n]+\n)*\n```bash\n(?P<perintah>[^\n]+)\n```"
    return {m["label"]: m["perintah"] for m in re.finditer(pola, teks)}


PERINTAH = perintah_readme()
PASANG = PERINTAH["Memasang dan membangun situs"]
PERIKSA = PERINTAH["Memeriksa data tanpa membangun situs"]


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


# -- a fictional second decree (issue "decrees over time") ------------------------------------

FIKTIF = ROOT / "tests" / "fixtures" / "fiktif"
ID_FIKTIF = "diskoperindag-2023"


def buat_keputusan_fiktif(proyek: Path) -> str:
    """Add to a project copy a FICTIONAL 2023 decree replacing the real 2022 one: made with
    `python -m iki keputusan-baru`, given the fictional identity of tests/fixtures/fiktif, then
    changed as PERUBAHAN_FIKTIF says, and nothing else. Returns its id."""
    import frontmatter

    from iki import keputusan_baru

    keputusan_baru.buat(proyek, 2023)
    shutil.copy(FIKTIF / "keputusan.yml", proyek / "data" / ID_FIKTIF / "keputusan.yml")
    folder = proyek / "jabatan" / ID_FIKTIF

    def ubah(slug: str, fungsi, baru: str | None = None) -> None:
        post = frontmatter.load(str(folder / f"{slug}.md"))
        fungsi(post)
        (folder / f"{baru or slug}.md").write_text(frontmatter.dumps(post, sort_keys=False, allow_unicode=True)
                                                   + "\n", encoding="utf-8")
        if baru:
            (folder / f"{slug}.md").unlink()

    ubah("kabid-ukm", lambda p: p["iki"][0].update(target="350 UKM"))
    ubah("bendahara", lambda p: (p.metadata.update(atasan="sekretaris-dinas"), setattr(
        p, "content", p.content.replace("Mengelola uang/surat berharga", "Mengelola uang dan surat berharga"))))
    ubah("analis-koperasi", lambda p: p["iki"].pop())
    ubah("pengelola-kepegawaian-ii", lambda p: p["iki"].append(
        {"nomor": 2, "sasaran": "Data kepegawaian yang mutakhir", "indikator": "Laporan data kepegawaian",
         "target": "4 Laporan"}))
    ubah("penata-keuangan", lambda p: p.metadata.update(nama="Penata Laporan Keuangan",
                                                         pendahulu=["penata-keuangan"]),
         baru="penata-laporan-keuangan")
    (folder / "pengelola-data.md").unlink()
    shutil.copy(FIKTIF / "analis-pasar.md", folder / "analis-pasar.md")
    return ID_FIKTIF


# What buat_keputusan_fiktif changes, as the comparison must count it.
JUMLAH_PERUBAHAN_FIKTIF = {"jabatan_tambah": 1, "jabatan_hapus": 1, "jabatan_ganti_nama": 1, "jabatan_ubah": 5,
                           "baris_tambah": 1, "baris_hapus": 1, "baris_ubah": 1, "tugas_ubah": 1}


def izinkan_fiktif(proyek: Path) -> None:
    """Let a test site build fictional decrees (the real site refuses them)."""
    konfigurasi = proyek / "mkdocs.yml"
    teks = konfigurasi.read_text(encoding="utf-8")
    assert "\n  - iki\n" in teks
    konfigurasi.write_text(teks.replace("\n  - iki\n", "\n  - iki:\n      izinkan_fiktif: true\n"), encoding="utf-8")


def salin_proyek_nyata(tujuan: Path) -> Path:
    """A copy of the whole project with the real data."""
    tujuan.mkdir(parents=True, exist_ok=True)
    for bagian in ("mkdocs.yml", "docs", "overrides", "macros", "data", "jabatan"):
        asal = ROOT / bagian
        (shutil.copytree if asal.is_dir() else shutil.copy)(asal, tujuan / bagian)
    return tujuan


@pytest.fixture(scope="session")
def proyek_dua(tmp_path_factory) -> Path:
    """The real project plus the fictional 2023 decree, built once, in this process (site in <proyek>/site)."""
    proyek = salin_proyek_nyata(tmp_path_factory.mktemp("dua") / "proyek")
    buat_keputusan_fiktif(proyek)
    izinkan_fiktif(proyek)
    hasil = bangun_di_proses(proyek)
    assert hasil.returncode == 0, hasil.stderr[-5000:]
    return proyek
