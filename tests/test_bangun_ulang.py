"""Same input, same bytes: two builds of one commit, in different folders, at different times and
in different time zones, give identical site/ trees (pages, downloads, PDF, sitemap, search index),
and so does a build that takes its downloads from the cache (.tembolok/). Each is the real
command in a fresh process; the tests' in-process build (conftest.bangun_di_proses) gives the
command's site and the command's errors."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BENDAHARA, ROOT, bangun, bangun_di_proses, beda_situs, ganti, isi_situs, salin_proyek
from iki import mkdocs_timpa

DETIK = 1_000_000_000


def _klon(tujuan: Path) -> Path:
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(tujuan)], check=True, capture_output=True)
    return tujuan


def test_dua_build_satu_commit_sama_persis(tmp_path):
    satu, dua = _klon(tmp_path / "satu"), _klon(tmp_path / "folder lain" / "dua")
    hasil = bangun(satu, TZ="UTC")
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    # Later, elsewhere, half a day ahead: a date of the build, not of the commit, would show.
    hasil = bangun(dua, TZ="Pacific/Kiritimati")
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    pertama, kedua = isi_situs(satu / "site"), isi_situs(dua / "site")
    assert len(pertama) > 100 and "unduh/iki-2022-lampiran.pdf" in pertama and "sitemap.xml.gz" in pertama
    assert beda_situs(pertama, kedua) == []
    # With the downloads from the cache the first build left: the same bytes again.
    assert any((dua / ".tembolok").rglob("*"))
    hasil = bangun(dua, dua / "site-hangat")
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    assert beda_situs(pertama, isi_situs(dua / "site-hangat")) == []
    # What MkDocs dates is dated by the commit (SOURCE_DATE_EPOCH), not by the clock.
    komit = int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=satu, capture_output=True, text=True,
                               check=True).stdout)
    with gzip.open(satu / "site" / "sitemap.xml.gz") as f:
        f.read()
        assert f.mtime == komit - komit % 86400  # MkDocs keeps the day of the latest page date


@pytest.mark.slow
def test_bangun_di_proses_sama_dengan_perintah(tmp_path):
    perintah, proses = salin_proyek(tmp_path / "perintah"), salin_proyek(tmp_path / "proses")
    for bangunan in (bangun(perintah), bangun_di_proses(proses)):
        assert bangunan.returncode == 0, bangunan.stderr[-3000:]
    situs = isi_situs(perintah / "site")
    assert len(situs) > 50 and beda_situs(situs, isi_situs(proses / "site")) == []
    # A broken file: the same error lines, and the same failure.
    galat = []
    for proyek, cara in ((perintah, bangun), (proses, bangun_di_proses)):
        ganti(proyek, BENDAHARA, "nama: Bendahara", "nama: Bendahara: utama")
        hasil = cara(proyek)
        assert hasil.returncode == 1
        galat.append([b for b in re.sub(r"\x1b\[[0-9;]*m", "", hasil.stderr).splitlines() if BENDAHARA in b])
    assert galat[0] and galat[0] == galat[1]


def test_build_menimpa_situs_sebelumnya_hasilnya_sama_dengan_folder_kosong(tmp_path):
    """A build over the previous one writes its files in place (iki.mkdocs_timpa) and leaves the
    tree a build into an empty folder leaves: the previous build's other files and folders gone,
    entries in the way of the new ones replaced, hidden entries at the top kept, and nothing
    written through a link or into a file that has another name."""
    proyek = salin_proyek(tmp_path / "proyek")
    assert (hasil := bangun_di_proses(proyek)).returncode == 0, hasil.stderr[-3000:]
    situs = proyek / "site"
    beranda = situs / "index.html"
    inode = beranda.stat().st_ino
    (situs / "basi.html").write_text("dari build lama", encoding="utf-8")
    (situs / "jabatan" / "dihapus").mkdir()
    (situs / "jabatan" / "dihapus" / "index.html").write_text("jabatan yang dihapus", encoding="utf-8")
    (situs / ".tersembunyi").mkdir()
    (situs / ".tersembunyi" / "catatan").write_text("milik orang lain", encoding="utf-8")
    luar = tmp_path / "luar.html"
    luar.write_text("di luar situs", encoding="utf-8")
    sitemap = situs / "sitemap.xml"
    sitemap.unlink()
    sitemap.symlink_to(luar)
    salinan = tmp_path / "salinan-terbit.html"  # a published copy made with hard links (cp -al)
    halaman_unit = situs / "unit" / "index.html"
    os.link(halaman_unit, salinan)
    lama_unit = salinan.read_bytes()
    shutil.rmtree(situs / "keputusan")
    (situs / "keputusan").write_text("berkas di tempat folder", encoding="utf-8")
    (situs / "404.html").unlink()
    (situs / "404.html").mkdir()
    (situs / "404.html" / "isi").write_text("folder di tempat berkas", encoding="utf-8")
    ganti(proyek, BENDAHARA, "target: 100", "target: 99")
    assert (hasil := bangun_di_proses(proyek)).returncode == 0, hasil.stderr[-3000:]
    assert (hasil := bangun_di_proses(proyek, tmp_path / "kosong")).returncode == 0, hasil.stderr[-3000:]
    tanpa_tersembunyi = {n: isi for n, isi in isi_situs(situs).items() if not n.startswith(".tersembunyi/")}
    assert beda_situs(tanpa_tersembunyi, isi_situs(tmp_path / "kosong")) == []
    assert "99%" in (situs / "jabatan" / "bendahara" / "index.html").read_text(encoding="utf-8")
    assert beranda.stat().st_ino == inode  # written over, not created anew
    assert (situs / ".tersembunyi" / "catatan").read_text(encoding="utf-8") == "milik orang lain"
    assert not (situs / "jabatan" / "dihapus").exists() and not (situs / "basi.html").exists()
    assert not sitemap.is_symlink() and luar.read_text(encoding="utf-8") == "di luar situs"
    assert salinan.read_bytes() == lama_unit and not halaman_unit.samefile(salinan)


def test_build_ulang_tanpa_pencarian_tidak_menerbitkan_indeks_lama(tmp_path):
    """With Material's search turned off, a build over one that had it leaves no search index: the
    earlier index is not this build's (not rewritten, then deleted)."""
    proyek = salin_proyek(tmp_path / "proyek")
    assert (hasil := bangun_di_proses(proyek)).returncode == 0, hasil.stderr[-3000:]
    assert (proyek / "site" / "search" / "search_index.json").is_file()
    ganti(proyek, "mkdocs.yml", "  - search:\n", "  - search:\n      enabled: false\n")
    assert (hasil := bangun_di_proses(proyek)).returncode == 0, hasil.stderr[-3000:]
    assert not (proyek / "site" / "search").exists()
    assert not (proyek / "site" / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js").exists()


@pytest.mark.parametrize(("waktu", "dikosongkan"), [
    ([10 * DETIK, 11 * DETIK], True),  # whole seconds, one of them within two seconds: might not change
    ([10 * DETIK, 8 * DETIK], False),  # whole seconds, old enough
    ([10 * DETIK, 11 * DETIK + 4_000_000], False),  # a finer clock: a later write changes it
    ([], False),
])
def test_jam_kasar_folder_dikosongkan_seperti_mkdocs(waktu, dikosongkan):
    """On a file system that keeps whole seconds, a file of the previous build written less than two
    seconds ago might keep its status-change time when written again: then the folder is emptied."""
    assert mkdocs_timpa._dikosongkan(waktu, 12 * DETIK + 500_000_000) is dikosongkan


def test_build_mengurangi_gc_selama_build_lalu_memulihkannya(tmp_path, monkeypatch):
    """No cyclic collection while the decrees load; then the loaded objects are out of the garbage
    collector's reach while the build runs, the collector on; and it is as before once the build is
    done (tests build in this very process, again and again)."""
    import gc

    from iki import mkdocs_plugin

    selama = []
    kurangi, muat = mkdocs_plugin.kurangi_gc, mkdocs_plugin.muat_arsip

    def catat():
        kurangi()
        selama.append((gc.get_freeze_count(), gc.get_threshold(), gc.isenabled()))

    def muat_arsip(root):
        selama.append(gc.isenabled())
        return muat(root)

    monkeypatch.setattr(mkdocs_plugin, "kurangi_gc", catat)
    monkeypatch.setattr(mkdocs_plugin, "muat_arsip", muat_arsip)
    sebelum = gc.get_threshold()
    assert (hasil := bangun_di_proses(salin_proyek(tmp_path / "proyek"))).returncode == 0, hasil.stderr[-3000:]
    assert len(selama) == 2 and selama[0] is False
    assert selama[1][0] > 10_000 and selama[1][1][0] > sebelum[0] and selama[1][2] is True
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == sebelum and gc.isenabled()
