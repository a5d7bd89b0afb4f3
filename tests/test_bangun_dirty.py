"""`mkdocs build --dirty` (what `mkdocs serve --dirty` runs after an edit) rebuilds the pages made
from the edited jabatan file, and only those."""

import os
import subprocess
import sys

from conftest import baca_html, bangun, JABATAN


def test_bangun_dirty_hanya_halaman_yang_datanya_berubah(proyek_mini):
    assert bangun(proyek_mini).returncode == 0
    situs = proyek_mini / "site"
    halaman = {p.relative_to(situs).as_posix(): p.stat().st_mtime_ns for p in situs.rglob("index.html")}
    berkas = proyek_mini / JABATAN / "bendahara.md"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("nama: Bendahara", "nama: Bendahara Utama", 1),
                      encoding="utf-8")
    lalu = max(halaman.values()) + 10**9
    os.utime(berkas, ns=(lalu, lalu))  # clearly newer than every built page

    hasil = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--dirty", "-d", str(situs)],
                           capture_output=True, text=True, cwd=proyek_mini, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert hasil.returncode == 0, hasil.stderr[-3000:]

    dibangun = {h for h, waktu in halaman.items() if (situs / h).stat().st_mtime_ns != waktu}
    # The page itself, its atasan's (lists it as bawahan) and its unit's (lists it); nothing else.
    assert dibangun == {"jabatan/bendahara/index.html", "jabatan/kasubag-keuangan/index.html",
                        "unit/sekretariat/index.html"}
    assert baca_html(situs / "jabatan" / "bendahara" / "index.html").find("h1").get_text() == "Bendahara Utama"
    assert "Bendahara Utama" in baca_html(situs / "jabatan" / "kasubag-keuangan" / "index.html").select_one(
        ".iki-bawahan").get_text()
