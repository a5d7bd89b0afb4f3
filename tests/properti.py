"""Property-based tests (Hypothesis) of the checker and the build on hostile jabatan files:
arbitrary bytes, and mutations of a valid file (lines dropped or duplicated, values retyped,
text spliced in, YAML punctuation inserted). Either the data is accepted, or every problem is
reported in the checker's format, naming the broken file; never an exception.

Not collected by itself: tests/test_properti.py runs this file in a child pytest held to memory
and CPU limits (tests/terbatas.py). The number of examples comes from a profile chosen with the
environment variable IKI_HIPOTESIS: `ci` (default, bounded, the same examples every run) or
`lengkap` (many more, new ones each run)."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iki import cli

import terbatas
from conftest import JABATAN, MINI, letak_proyek, salin_proyek

_BERSAMA = dict(deadline=None, database=None, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("ci", max_examples=100, derandomize=True, **_BERSAMA)
settings.register_profile("lengkap", max_examples=3000, **_BERSAMA)
PROFIL = os.environ.get("IKI_HIPOTESIS", "ci")
settings.load_profile(PROFIL)
# A build takes seconds: far fewer examples.
CONTOH_BANGUN = {"ci": 4, "lengkap": 60}[PROFIL]

# The valid files that are mutated: a leaf with IKI rows pointing up, and its atasan.
ASLI = {nama: (MINI / JABATAN / nama).read_text(encoding="utf-8") for nama in ("bendahara.md", "kasubag-keuangan.md")}
TANDA_YAML = [":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a ", "!x ", "!!str ", "|", ">", "'", '"', "#",
              " #", "%", "@", "`", "? ", "---", "...", "\t", "\r", "\ufeff", "\\", "\n", "  ", "\x00", "\x85", "\u2028",
              "<!--", "{{ ", " }}", "{%", "<script>", "&amp;"]
NILAI_LAIN = ["123", "-1", "0", "1.5", "null", "~", "true", "no", "[]", "{}", "[a, b]", "{a: 1}", "''", '""',
              "2022-02-30", "2022-01-01", "0x1F", ".inf", ".nan", "1e400", "99999999999999999999999", "- x", "|", ">",
              "'tak ditutup", '"\\q"', "!!binary AAAA", "kepala-dinas", "kasubag-keuangan/1", "SS.1.1",
              "kasubag-keuangan/0", "bendahara/1", "bendahara", "struktural", "IV.a"]
# A problem line of the checker: a file of the project, maybe a line and a field, then the message.
BARIS_MASALAH = re.compile(r"^(jabatan|data)(/[^:\s]+)?(:\d+)?( \[kolom .+?\])?: \S")
# Words of the English messages of PyYAML and pydantic: a problem told by them was not translated.
INGGRIS = re.compile(r"\b(expected|found|could not|not allowed|while (scanning|parsing)|Input should|Field required|"
                     r"[Vv]alue error|Traceback|Error)\b")


@st.composite
def mutasi(draw) -> tuple[str, str]:
    """A valid jabatan file, mutated one to four times: (file name, new text)."""
    nama = draw(st.sampled_from(sorted(ASLI)))
    teks = ASLI[nama]
    for _ in range(draw(st.integers(1, 4))):
        baris = teks.split("\n")
        i = draw(st.integers(0, len(baris) - 1))
        jenis = draw(st.sampled_from(["hapus", "gandakan", "ganti nilai", "sisip teks", "sisip tanda"]))
        if jenis == "hapus":
            del baris[i]
        elif jenis == "gandakan":
            baris.insert(i, baris[i])
        elif jenis == "ganti nilai":
            kunci = baris[i].partition(":")[0]
            baris[i] = f"{kunci}: {draw(st.one_of(st.sampled_from(NILAI_LAIN), st.text(max_size=30)))}"
        else:
            sisipan = draw(st.sampled_from(TANDA_YAML) if jenis == "sisip tanda" else st.text(max_size=30))
            j = draw(st.integers(0, len(baris[i])))
            baris[i] = baris[i][:j] + sisipan + baris[i][j:]
        teks = "\n".join(baris)
    return nama, teks


BAIT = st.one_of(
    st.binary(max_size=3000),
    # Bytes inside a front matter, so that the YAML parser sees them.
    st.builds(lambda kepala, isi: b"---\n" + kepala + b"\n---\n" + isi, st.binary(max_size=1500), st.binary(max_size=500)),
)


@pytest.fixture(scope="module")
def proyek(tmp_path_factory) -> Path:
    return salin_proyek(tmp_path_factory.mktemp("properti") / "proyek")


@contextlib.contextmanager
def berkas_diganti(proyek: Path, nama: str, isi: bytes):
    """A jabatan file replaced for one example, restored (or removed) after it."""
    folder = letak_proyek(proyek).jabatan
    path = proyek / folder / nama
    asli = path.read_bytes() if path.exists() else None
    path.write_bytes(isi)
    try:
        yield f"{folder}/{nama}"
    finally:
        path.write_bytes(asli) if asli is not None else path.unlink()


def periksa_laporan(keluaran: str, berkas: str) -> None:
    """The checker's report on broken data: problem lines in its format, the broken file named,
    the closing summary; nothing else (no exception text, no English fallback)."""
    *masalah, ringkasan = keluaran.splitlines()
    assert ringkasan.startswith("Ditemukan ") and ringkasan.endswith("penjelasan setiap pesan ada di CONTRIBUTING.md.")
    assert masalah and all(BARIS_MASALAH.match(m) for m in masalah), keluaran
    assert any(berkas in m for m in masalah), keluaran
    assert not INGGRIS.search(keluaran), keluaran


def periksa(proyek: Path, berkas: str) -> None:
    keluaran = io.StringIO()
    with contextlib.redirect_stdout(keluaran):
        kode = cli.main(["periksa", str(proyek)])
    assert kode in (cli.OK, cli.ADA_MASALAH)
    if kode == cli.ADA_MASALAH:
        periksa_laporan(keluaran.getvalue(), berkas)


@given(isi=BAIT)
def test_bait_acak_sebagai_berkas_jabatan(proyek, isi):
    with berkas_diganti(proyek, "acak.md", isi) as berkas:
        periksa(proyek, berkas)


@given(berkas_baru=mutasi())
def test_mutasi_berkas_jabatan_sah(proyek, berkas_baru):
    nama, teks = berkas_baru
    with berkas_diganti(proyek, nama, teks.encode("utf-8")) as berkas:
        periksa(proyek, berkas)


@settings(max_examples=CONTOH_BANGUN)
@given(berkas_baru=mutasi())
def test_build_mutasi_berkas_jabatan_sah(proyek, berkas_baru):
    nama, teks = berkas_baru
    with berkas_diganti(proyek, nama, teks.encode("utf-8")) as berkas:
        hasil = terbatas.bangun(proyek)
    assert "Traceback" not in hasil.stderr, hasil.stderr[-5000:]
    if hasil.returncode != 0:
        laporan = hasil.stderr[hasil.stderr.index("Ditemukan "):]
        assert berkas in laporan and not INGGRIS.search(laporan), hasil.stderr[-5000:]
