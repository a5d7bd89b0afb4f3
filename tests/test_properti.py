"""The property-based tests of tests/properti.py (Hypothesis: arbitrary bytes and mutations of a
valid file as a jabatan file, through the checker and the build), run in a child pytest held to
memory and CPU limits (tests/terbatas.py): a file that made the checker or the build use more
fails here. The profile (number of examples) is chosen with IKI_HIPOTESIS, see properti.py."""

import os
import sys

import pytest

import terbatas
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("uji", ["test_bait_acak_sebagai_berkas_jabatan", "test_mutasi_berkas_jabatan_sah",
                                 "test_build_mutasi_berkas_jabatan_sah"])
def test_sifat_dalam_batas(uji):
    profil = {"IKI_HIPOTESIS": os.environ.get("IKI_HIPOTESIS", "ci")}
    hasil = terbatas.jalankan([sys.executable, "-m", "pytest", f"tests/properti.py::{uji}", "-q", "-p", "no:cacheprovider"],
                              ROOT, env_tambahan=profil)
    assert hasil.returncode == 0, (hasil.stdout + hasil.stderr)[-8000:]
    assert "1 passed" in hasil.stdout
