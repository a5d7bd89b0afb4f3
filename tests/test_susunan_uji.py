"""The tests themselves stay easy to carry: no test module imports another (what two modules
share lives in conftest.py or a helper module such as alat_peramban.py), no helper or constant
is defined in two places, and the browser tests wait for events, never for a fixed time."""

from __future__ import annotations

import ast
import pytest

from conftest import ROOT

FOLDER_UJI = ROOT / "tests"
# Names every test module may define for itself.
_BEBAS = {"pytestmark"}
# What the browser tests use for a wait that is only a pause: Playwright's wait_for_timeout, sleep.
_JEDA = {"wait_for_timeout", "sleep"}


def _modul() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in sorted(FOLDER_UJI.glob("*.py"))}


def _modul_uji(nama: str) -> bool:
    return nama.startswith("test_")


def _impor_modul_uji(pohon: ast.Module) -> list[str]:
    """The test modules a module imports, anywhere in it."""
    hasil = []
    for n in ast.walk(pohon):
        nama = ([a.name for a in n.names] if isinstance(n, ast.Import)
                else [n.module or ""] if isinstance(n, ast.ImportFrom) else [])
        hasil += [m for m in nama if any(_modul_uji(b) for b in m.split("."))]
    return hasil


def _nama_atas(pohon: ast.Module) -> set[str]:
    """The helpers (functions, fixtures, classes) and constants (UPPER_CASE) a module defines at its
    top level; tests and pytest hooks are not helpers."""
    hasil = set()
    for n in pohon.body:
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if not n.name.startswith(("test_", "Test", "pytest_")):
                hasil.add(n.name)
        elif isinstance(n, ast.Assign | ast.AnnAssign):
            for sasaran in n.targets if isinstance(n, ast.Assign) else [n.target]:
                hasil |= {e.id for e in ast.walk(sasaran) if isinstance(e, ast.Name) and e.id.isupper()}
    return hasil - _BEBAS


def _ganda(modul: dict[str, ast.Module]) -> dict[str, list[str]]:
    """Each name a test module defines that another module of tests/ defines too, with those modules."""
    tempat: dict[str, list[str]] = {}
    for nama, pohon in modul.items():
        for n in _nama_atas(pohon):
            tempat.setdefault(n, []).append(nama)
    return {n: m for n, m in sorted(tempat.items()) if len(m) > 1 and any(map(_modul_uji, m))}


def _modul_peramban(modul: dict[str, ast.Module]) -> list[str]:
    """The browser helpers, and every module that drives the browser (takes the `peramban` fixture
    or uses the helpers)."""
    hasil = []
    for nama, pohon in modul.items():
        argumen = {a.arg for n in ast.walk(pohon) if isinstance(n, ast.FunctionDef) for a in n.args.args}
        pakai = any(isinstance(n, ast.ImportFrom) and n.module == "alat_peramban" for n in ast.walk(pohon))
        if nama == "alat_peramban.py" or "peramban" in argumen or pakai:
            hasil.append(nama)
    return hasil


def _jeda(pohon: ast.Module) -> list[int]:
    """Lines that pause for a fixed time."""
    return [n.lineno for n in ast.walk(pohon) if isinstance(n, ast.Call) and (
        isinstance(n.func, ast.Attribute) and n.func.attr in _JEDA or isinstance(n.func, ast.Name) and n.func.id in _JEDA)]


def test_modul_uji_tidak_mengimpor_modul_uji_lain():
    modul = _modul()
    assert len([m for m in modul if _modul_uji(m)]) > 30
    assert {m: _impor_modul_uji(p) for m, p in modul.items() if _impor_modul_uji(p)} == {}


def test_tidak_ada_pembantu_atau_konstanta_ganda():
    modul = _modul()
    assert {"ROOT", "ganti", "bangun", "KeputusanAcuan"} <= _nama_atas(modul["conftest.py"])
    assert _ganda(modul) == {}


def test_peramban_menunggu_peristiwa_bukan_jeda():
    modul = _modul()
    peramban = _modul_peramban(modul)
    assert {"alat_peramban.py", "test_pencarian.py", "test_peramban_csp.py", "test_peramban_halaman.py"} <= set(peramban)
    assert {m: _jeda(modul[m]) for m in peramban if _jeda(modul[m])} == {}


@pytest.mark.parametrize("teks, harapan", [
    ("from test_periksa import RUSAK\n", ["test_periksa"]),
    ("import test_ci\n", ["test_ci"]),
    ("def f():\n    from tests.test_ci import PASANG\n", ["tests.test_ci"]),
    ("from conftest import ROOT\nimport alat_peramban\n", []),
])
def test_pemeriksa_impor_tidak_buta(teks, harapan):
    assert _impor_modul_uji(ast.parse(teks)) == harapan


def test_pemeriksa_ganda_dan_jeda_tidak_buta():
    modul = {"conftest.py": ast.parse("ROOT = 1\ndef ganti(): ...\n"),
             "test_a.py": ast.parse("ROOT = 2\ndef _bantu(): ...\ndef test_x(): ...\npytestmark = 0\n"),
             "test_b.py": ast.parse("def _bantu(): ...\ndef test_x(): ...\n"),
             "terbatas.py": ast.parse("def ganti(): ...\n")}
    assert _ganda(modul) == {"ROOT": ["conftest.py", "test_a.py"], "_bantu": ["test_a.py", "test_b.py"]}
    jeda = ast.parse("def test_x(peramban):\n    page.wait_for_timeout(400)\n    time.sleep(1)\n    sleep(1)\n")
    assert _modul_peramban({"test_c.py": jeda}) == ["test_c.py"]
    assert _jeda(jeda) == [2, 3, 4]
    assert _jeda(ast.parse("page.wait_for_function('x')\nexpect(a).to_have_text('b')\n")) == []

