"""ARCHITECTURE.md names files that exist, and every module of the package is described there."""

import re

from conftest import ROOT

TEKS = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def test_berkas_yang_disebut_ada():
    disebut = set(re.findall(r"`((?:iki|macros|tests|docs)/[\w./-]+)`", TEKS))
    assert len(disebut) > 20
    assert [b for b in sorted(disebut) if not (ROOT / b.rstrip("/")).exists()] == []


def test_setiap_modul_dijelaskan():
    modul = {p.relative_to(ROOT).as_posix() for p in (ROOT / "iki").glob("*.py")} - {"iki/__init__.py", "iki/__main__.py"}
    assert sorted(m for m in modul if f"`{m}`" not in TEKS) == []
