"""The code itself: lint (ruff) and types (mypy, the near-strict set in pyproject.toml) with zero
findings, and comments and docstrings in one language, English (CONTRIBUTING.md, "Untuk pemelihara
kode"). Run by the suite, hence by .ci/run and by both CI templates."""

import ast
import io
import re
import subprocess
import sys
import tokenize

import pytest

from conftest import ROOT


def _modul_python(*perintah: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *perintah], cwd=ROOT, capture_output=True, text=True)


def test_ruff_tanpa_temuan():
    hasil = _modul_python("ruff", "check", "--no-cache", ".")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr


def test_mypy_tanpa_temuan():
    hasil = _modul_python("mypy")
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert "Success: no issues found" in hasil.stdout


# Indonesian function words: a comment holding them is not English. Quoted text, code in backticks,
# parentheses and hyphenated forms are left out first (a comment may quote a message or a decree's
# words, or name an affix such as "ke-...-an").
_KATA_INDONESIA = frozenset(
    "yang untuk dengan tidak adalah bila setiap agar supaya dari dan atau ini itu pada oleh juga harus "
    "sudah belum akan karena tetapi hanya semua dapat bisa jika maka sebagai dalam di ke tanpa setelah "
    "sebelum seperti menjadi sampai bukan tiap".split())
_KUTIPAN = re.compile(r"\"[^\"]*\"|'[^']*'|`[^`]*`|“[^”]*”|\([^)]*\)|\S*-\S*")


def berbahasa_indonesia(teks: str) -> bool:
    kata = re.findall(r"[a-z]+", _KUTIPAN.sub(" ", teks).lower())
    indonesia = sum(k in _KATA_INDONESIA for k in kata)
    return len(kata) >= 2 and indonesia >= 1 and indonesia / len(kata) >= 0.1


def _komentar_python(sumber: str) -> list[tuple[int, str]]:
    """Every comment and docstring of a Python source, with its line."""
    hasil = [(t.start[0], t.string) for t in tokenize.generate_tokens(io.StringIO(sumber).readline)
             if t.type == tokenize.COMMENT]
    for simpul in ast.walk(ast.parse(sumber)):
        if isinstance(simpul, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            if teks := ast.get_docstring(simpul):
                hasil.append((getattr(simpul, "lineno", 1), teks))
    return hasil


_KOMENTAR_TEMPLAT = re.compile(r"\{#(.*?)#\}|/\*(.*?)\*/", re.S)


def _komentar_templat(sumber: str) -> list[tuple[int, str]]:
    """Jinja comments ({# #}) and CSS/JavaScript block comments of a template or asset."""
    return [(sumber.count("\n", 0, m.start()) + 1, m[1] or m[2]) for m in _KOMENTAR_TEMPLAT.finditer(sumber)]


def _berkas_kode(*pola: str) -> list:
    keluaran = subprocess.run(["git", "ls-files", *pola], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / b for b in keluaran.stdout.split()]


@pytest.mark.parametrize("teks, indonesia", [
    ("# Checked before each Tujuan's content, so that a wrong code is reported as such.", False),
    ('The sum of this row\'s cells ("-" counts as 0); None when a cell is text.', False),
    ("# Shown as 'Nilai tidak sesuai: ... dan tidak boleh kosong' to the editor.", False),
    ("# ke-...-an; di-stribusi cannot be a word", False),
    ("# Diperiksa sebelum isi tiap Tujuan, supaya kode Tujuan yang salah dilaporkan.", True),
    ("Baris teks tabel di naskah, dimulai dari kepala kolom, sampai baris Jumlah.", True),
    ("Jumlah angka sel baris ini; None bila sel berupa teks.", True),
    ("{#- Satu tabel susunan kepegawaian BAB II 2.5.1 dengan angka tercetak. -#}", True),
])
def test_pengenal_bahasa_komentar(teks, indonesia):
    assert berbahasa_indonesia(teks) is indonesia


def test_komentar_dan_docstring_berbahasa_inggris():
    temuan = []
    for path in _berkas_kode("*.py"):
        temuan += [f"{path.relative_to(ROOT)}:{baris}: {teks.strip()[:80]}"
                   for baris, teks in _komentar_python(path.read_text(encoding="utf-8")) if berbahasa_indonesia(teks)]
    for path in _berkas_kode("iki/templates/*", "overrides/*", "docs/assets/*.js", "docs/assets/*.css"):
        temuan += [f"{path.relative_to(ROOT)}:{baris}: {teks.strip()[:80]}"
                   for baris, teks in _komentar_templat(path.read_text(encoding="utf-8")) if berbahasa_indonesia(teks)]
    assert len(_berkas_kode("*.py")) > 50
    assert temuan == []
