"""ARCHITECTURE.md names files that exist, and every module of the package is described there; the
package's imports form no cycle."""

import graphlib
import re
import subprocess
import sys

import grimp
import pytest

from conftest import ROOT

TEKS = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def test_berkas_yang_disebut_ada():
    disebut = set(re.findall(r"`((?:iki|macros|tests|docs)/[\w./-]+)`", TEKS))
    assert len(disebut) > 20
    assert [b for b in sorted(disebut) if not (ROOT / b.rstrip("/")).exists()] == []


def test_setiap_modul_dijelaskan():
    modul = {p.relative_to(ROOT).as_posix() for p in (ROOT / "iki").glob("*.py")} - {"iki/__init__.py", "iki/__main__.py"}
    assert sorted(m for m in modul if f"`{m}`" not in TEKS) == []


# -- imports: no cycle, and the column definitions stand alone ------------------------------------

def _siklus_impor(impor: dict[str, set[str]]) -> list[str]:
    """One import cycle ([] when there is none), as graphlib reports it."""
    try:
        graphlib.TopologicalSorter(impor).prepare()
    except graphlib.CycleError as e:
        return e.args[1]
    return []


@pytest.fixture(scope="module")
def impor() -> dict[str, set[str]]:
    """For every module of the package and of the site's macros, the modules of both it imports,
    inside functions too (grimp); imports under `if TYPE_CHECKING:` are left out, since they never run."""
    graf = grimp.build_graph("iki", "macros", exclude_type_checking_imports=True, cache_dir=None)
    return {m: graf.find_modules_directly_imported_by(m) for m in graf.modules}


def test_tanpa_siklus_impor(impor):
    # The graph is this project's, imports inside functions included (iki.render loads iki.ekspor so).
    assert {"iki.kolom", "iki.tampilan", "iki.ekspor.lampiran_pdf", "macros"} <= impor.keys()
    assert "iki.ekspor" in impor["iki.render"]
    assert _siklus_impor(impor) == []


def test_siklus_impor_terdeteksi(impor):
    """The check above finds the cycle this package once had (ekspor → lampiran_pdf → render → ekspor)."""
    siklus = _siklus_impor({**impor, "iki.ekspor.lampiran_pdf": impor["iki.ekspor.lampiran_pdf"] | {"iki.render"}})
    assert {"iki.ekspor", "iki.ekspor.lampiran_pdf", "iki.render"} <= set(siklus), siklus


@pytest.mark.parametrize("modul", ["iki.kolom", "iki.tampilan"])
def test_modul_netral_ringan(modul):
    """Reading the column definitions (or the date and cell helpers) loads no export writer and no
    renderer, in a fresh interpreter."""
    berat = ["openpyxl", "xlsxwriter", "typst", "iki.ekspor", "iki.render"]
    hasil = subprocess.run([sys.executable, "-c", f"import sys, {modul}; print(sorted(set({berat!r}) & set(sys.modules)))"],
                           capture_output=True, text=True, check=True)
    assert hasil.stdout.strip() == "[]"
