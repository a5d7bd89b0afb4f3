"""Addresses are permanent: every page and download the real site has published is still in the
built site. The addresses are recorded in tests/fixtures/alamat-terbit.txt (one path under site/ a
line); a new page or download is added to it once it is published:

    .venv/bin/python tests/test_alamat_tetap.py site >> tests/fixtures/alamat-terbit.txt

(then sort the file). A test fails when a recorded address disappears, so that a rename comes with a
redirect page at the old address instead of a broken link."""

import sys
from pathlib import Path

from conftest import ROOT

DAFTAR = ROOT / "tests" / "fixtures" / "alamat-terbit.txt"


def alamat_terbit(situs: Path) -> list[str]:
    """What a reader may have linked to or saved: every page and every download, not the theme's assets
    (their names carry a hash of their content, by design)."""
    return sorted(str(p.relative_to(situs)) for p in situs.rglob("*")
                  if p.is_file() and (p.suffix == ".html" or "unduh" in p.relative_to(situs).parts))


def test_daftar_alamat_terurut_tanpa_ganda():
    daftar = DAFTAR.read_text(encoding="utf-8").splitlines()
    assert daftar == sorted(set(daftar))
    assert len(daftar) > 100 and "index.html" in daftar and "unduh/iki-2022-lampiran.pdf" in daftar


def test_setiap_alamat_yang_pernah_terbit_masih_ada(situs):
    hilang = [a for a in DAFTAR.read_text(encoding="utf-8").splitlines() if not (situs / a).is_file()]
    assert not hilang, ("Alamat yang sudah pernah terbit tidak ada lagi di situs: " + ", ".join(hilang)
                        + ". Alamat yang sudah terbit harus tetap ada, sebagai halaman itu sendiri atau "
                        "sebagai halaman pengalihan ke alamat barunya.")


if __name__ == "__main__":
    tercatat = set(DAFTAR.read_text(encoding="utf-8").splitlines())
    print("\n".join(a for a in alamat_terbit(Path(sys.argv[1])) if a not in tercatat))
