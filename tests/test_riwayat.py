"""History on every jabatan page: last change date from git (one `git log` for all files),
links to the file's history and to its editor; a copy without git history still builds."""

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest

from iki import riwayat
from iki.ekspor.tembolok import Tembolok
from iki.riwayat import PerubahanData, alamat_riwayat, riwayat_git

from conftest import JABATAN, ROOT, baca_html, bangun, git

REPO = "https://github.com/diskoperindag-purwakarta/iki"  # mkdocs.yml's default repo_url


def _komit(folder, tanggal: str, pesan: str = "ubah") -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", pesan, tanggal=tanggal)


@pytest.fixture
def repo(tmp_path):
    """A repository with three commits: a.md and b.md added, then a.md changed."""
    folder = tmp_path / "repo"
    (folder / JABATAN).mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    (folder / JABATAN / "a.md").write_text("satu\n")
    (folder / JABATAN / "b.md").write_text("satu\n")
    (folder / "lain.txt").write_text("bukan jabatan\n")
    _komit(folder, "2022-01-07")
    (folder / JABATAN / "b.md").write_text("dua\n")
    _komit(folder, "2023-03-05")
    (folder / JABATAN / "a.md").write_text("dua\n")
    (folder / "lain.txt").write_text("diubah\n")
    _komit(folder, "2024-08-17")
    return folder


def tanggal_perubahan(root, folder):
    hasil = riwayat_git(root, folder)
    return None if hasil is None else hasil[0]


def test_tanggal_perubahan_terakhir_setiap_berkas(repo):
    assert tanggal_perubahan(repo, "jabatan") == {
        "jabatan/diskoperindag-2022/a.md": datetime.date(2024, 8, 17),
        "jabatan/diskoperindag-2022/b.md": datetime.date(2023, 3, 5),
    }


def test_satu_git_log_untuk_semua_berkas(repo, monkeypatch):
    """One log and one blob reader for the whole folder, not a process per file: the site must scale to
    thousands of jabatan."""
    for i in range(30):
        (repo / JABATAN / f"j{i}.md").write_text("baru\n")
    _komit(repo, "2024-09-01")
    panggilan = []
    asli = subprocess.run
    monkeypatch.setattr(riwayat.subprocess, "run", lambda args, **kw: panggilan.append(args) or asli(args, **kw))
    tanggal = tanggal_perubahan(repo, "jabatan")
    assert len(tanggal) == 32
    perintah = [next(x for x in a[1:] if not x.startswith("-") and x != "core.quotePath=false") for a in panggilan]
    # One log, one blob reader, and the shallow-clone check that the boundary commit asks for.
    assert sorted(perintah) == ["cat-file", "log", "rev-parse"]


def test_repositori_dalam_subfolder(repo):
    """The project may be a folder inside a larger repository: paths stay relative to the project."""
    proyek = repo / "situs"
    shutil.copytree(repo / "jabatan", proyek / "jabatan")
    _komit(repo, "2025-02-01")
    assert tanggal_perubahan(proyek, "jabatan") == {"jabatan/diskoperindag-2022/a.md": datetime.date(2025, 2, 1),
                                                    "jabatan/diskoperindag-2022/b.md": datetime.date(2025, 2, 1)}


def test_klon_dangkal_tidak_mengarang_tanggal(repo, tmp_path):
    """A shallow clone's oldest commit seems to add every file: those dates are unknown, not wrong."""
    klon = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "2", f"file://{repo}", str(klon))
    # a.md changed in the newest commit (whose parent was fetched); b.md only seems to appear in the boundary commit.
    assert tanggal_perubahan(klon, "jabatan") == {"jabatan/diskoperindag-2022/a.md": datetime.date(2024, 8, 17)}
    satu = tmp_path / "satu"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(satu))
    assert tanggal_perubahan(satu, "jabatan") == {}


def _repo_bendahara(tmp_path) -> tuple[Path, Path, str]:
    """A repository of the real Bendahara file: added, then one target changed (11 -> 12 Dokumen).
    Returns the repository, the file, and its original text."""
    folder = tmp_path / "repo"
    (folder / JABATAN).mkdir(parents=True)
    git(folder, "init", "-q", "-b", "main")
    asli = (ROOT / JABATAN / "bendahara.md").read_text(encoding="utf-8")
    path = folder / JABATAN / "bendahara.md"
    path.write_text(asli, encoding="utf-8")
    _komit(folder, "2022-01-07", "Jabatan Sekretariat dari Keputusan 2022")
    path.write_text(asli.replace("target: 11 Dokumen", "target: 12 Dokumen"), encoding="utf-8")
    _komit(folder, "2022-03-01", "Perbaiki target Bendahara")
    return folder, path, asli


def test_perubahan_data_dalam_kata(tmp_path):
    """The last data changes of a jabatan, in words, from the same comparison engine as the site's pages."""
    folder, path, asli = _repo_bendahara(tmp_path)
    path.write_text(asli.replace("target: 11 Dokumen", "target: 12 Dokumen") + "\n", encoding="utf-8")
    _komit(folder, "2022-04-01", "Rapikan berkas")
    _, data = riwayat_git(folder, "jabatan")
    assert data[f"{JABATAN}/bendahara.md"] == [
        PerubahanData(datetime.date(2022, 4, 1), "Rapikan berkas",
                      ("Tidak ada perubahan isi (hanya penulisan berkas).",)),
        PerubahanData(datetime.date(2022, 3, 1), "Perbaiki target Bendahara",
                      ('Baris IKI ke-1 ("Jumlah dokumen perencanaan, penganggaran dan pelaporan yang dirapihkan") '
                       "diubah: target 11 Dokumen → 12 Dokumen.",)),
        PerubahanData(datetime.date(2022, 1, 7), "Jabatan Sekretariat dari Keputusan 2022", ("Berkas jabatan dibuat.",)),
    ]


def test_tanpa_git(tmp_path, monkeypatch, repo):
    (tmp_path / "salinan" / JABATAN).mkdir(parents=True)
    assert tanggal_perubahan(tmp_path / "salinan", "jabatan") is None  # a tarball: no .git
    monkeypatch.setenv("PATH", str(tmp_path / "kosong"))
    assert tanggal_perubahan(repo, "jabatan") is None  # git not installed


@pytest.mark.parametrize("repo_url, edit_uri, riwayat_uri, harapan", [
    (REPO, "edit/main/docs/", None, f"{REPO}/commits/main/"),
    (REPO + "/", "blob/produksi/docs/", None, f"{REPO}/commits/produksi/"),
    ("https://gitlab.purwakartakab.go.id/dinas/iki", "-/edit/main/docs/", None,
     "https://gitlab.purwakartakab.go.id/dinas/iki/-/commits/main/"),
    ("https://git.example.invalid/dinas/iki", "src/branch/main/docs/", "commits/branch/main/",
     "https://git.example.invalid/dinas/iki/commits/branch/main/"),
    ("https://git.example.invalid/dinas/iki", "src/branch/main/docs/", None, None),
    (None, "edit/main/docs/", None, None),
])
def test_alamat_riwayat(repo_url, edit_uri, riwayat_uri, harapan):
    assert alamat_riwayat(repo_url, edit_uri, riwayat_uri) == harapan


def _riwayat_halaman(site, slug):
    return baca_html(site / "jabatan" / slug / "index.html").select_one(".iki-riwayat")


def test_halaman_jabatan_menampilkan_tanggal_dari_git(proyek_mini):
    git(proyek_mini, "init", "-q", "-b", "main")
    _komit(proyek_mini, "2022-01-07")
    berkas = proyek_mini / JABATAN / "bendahara.md"
    berkas.write_text(berkas.read_text().replace("target: 100%", "target: 90%"))
    _komit(proyek_mini, "2023-08-17")
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    for slug, teks, iso in [("bendahara", "17 Agustus 2023", "2023-08-17"), ("kepala-dinas", "7 Januari 2022", "2022-01-07")]:
        blok = _riwayat_halaman(proyek_mini / "site", slug)
        assert blok.p.get_text() == f"Terakhir diubah: {teks}."
        assert blok.time["datetime"] == iso
        assert blok.select_one("a.iki-riwayat-perubahan")["href"] == f"{REPO}/commits/main/jabatan/diskoperindag-2022/{slug}.md"
        sunting = blok.select_one("a.iki-sunting")
        assert sunting["href"] == f"{REPO}/edit/main/jabatan/diskoperindag-2022/{slug}.md"
        assert sunting.get_text() == f"Sunting berkas jabatan/diskoperindag-2022/{slug}.md"


def test_tanpa_riwayat_git_situs_tetap_dibangun(proyek_mini):
    """A copy without .git (a tarball): the strict build succeeds and says the date is unknown."""
    assert not (proyek_mini / ".git").exists()
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    for slug in ("kepala-dinas", "sekretaris-dinas", "kasubag-keuangan", "bendahara"):
        blok = _riwayat_halaman(proyek_mini / "site", slug)
        assert blok.p.get_text() == ("Terakhir diubah: tidak diketahui (riwayat perubahan tidak tersedia pada "
                                     "salinan situs ini).")
        assert blok.time is None
        assert blok.select_one("a.iki-riwayat-perubahan")["href"] == f"{REPO}/commits/main/jabatan/diskoperindag-2022/{slug}.md"


def test_riwayat_gitlab_dari_alamat_sunting(proyek_mini):
    """On GitLab only the hosting's addresses are configured; the history link follows the edit link."""
    (proyek_mini / "mkdocs.yml").write_text((proyek_mini / "mkdocs.yml").read_text().replace(
        '!ENV [IKI_REPO_URL, "https://github.com/diskoperindag-purwakarta/iki"]', '"https://gitlab.example.invalid/dinas/iki"'
    ).replace('!ENV [IKI_EDIT_URI, "edit/main/docs/"]', '"-/edit/utama/docs/"'))
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    blok = _riwayat_halaman(proyek_mini / "site", "bendahara")
    assert blok.select_one("a.iki-riwayat-perubahan")["href"] == (
        "https://gitlab.example.invalid/dinas/iki/-/commits/utama/jabatan/diskoperindag-2022/bendahara.md")
    assert blok.select_one("a.iki-sunting")["href"] == "https://gitlab.example.invalid/dinas/iki/-/edit/utama/jabatan/diskoperindag-2022/bendahara.md"


def test_situs_asli_setiap_halaman_jabatan_punya_riwayat(situs, keputusan):
    """On the real site every jabatan page carries its history; the date is git's own for the file."""
    ada_git = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True)
    for j in keputusan.jabatan:
        blok = _riwayat_halaman(situs, j.slug)
        if ada_git.returncode == 0 and ada_git.stdout.strip() == "false":
            hari = datetime.date.fromisoformat(git(ROOT, "log", "-1", "--format=%cs", "--", j.sumber).strip())
            assert blok.time["datetime"] == hari.isoformat(), j.slug
        assert blok.select_one("a.iki-riwayat-perubahan")["href"].endswith(f"/commits/main/jabatan/diskoperindag-2022/{j.slug}.md")
        assert blok.select_one("a.iki-sunting")["href"].endswith(f"/edit/main/jabatan/diskoperindag-2022/{j.slug}.md")


def test_cerita_perubahan_dari_tembolok(tmp_path, monkeypatch):
    """A change told once is read from the build cache: the same words, without reading the versions
    again; a new change is told and cached."""
    folder, path, asli = _repo_bendahara(tmp_path)
    t = Tembolok(tmp_path / "tembolok")
    _, pertama = riwayat_git(folder, "jabatan", tembolok=t)

    def dilarang(*_: object) -> None:
        raise AssertionError("perubahan diceritakan ulang")

    monkeypatch.setattr(riwayat, "_cerita", dilarang)
    _, kedua = riwayat_git(folder, "jabatan", tembolok=t)
    assert kedua == pertama and len(pertama[f"{JABATAN}/bendahara.md"]) == 2
    path.write_text(asli.replace("target: 11 Dokumen", "target: 13 Dokumen"), encoding="utf-8")
    _komit(folder, "2022-04-01", "Target lagi")
    with pytest.raises(AssertionError, match="diceritakan ulang"):
        riwayat_git(folder, "jabatan", tembolok=t)
    monkeypatch.undo()
    _, ketiga = riwayat_git(folder, "jabatan", tembolok=t)
    assert ketiga[f"{JABATAN}/bendahara.md"][1:] == pertama[f"{JABATAN}/bendahara.md"]


def test_berkas_dibuat_dengan_isi_yang_dimuat_tidak_diurai_lagi(tmp_path, monkeypatch):
    """The version that added a file the build has just read, with the content it has now, is
    "made" without parsing it again; the same stories as when every version is parsed."""
    folder, _, _ = _repo_bendahara(tmp_path)  # added, then a target changed: its first version is not as now
    (folder / JABATAN / "kabid-ukm.md").write_text((ROOT / JABATAN / "kabid-ukm.md").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    _komit(folder, "2022-05-02", "Kabid UKM")
    dimuat = {f"{JABATAN}/bendahara.md", f"{JABATAN}/kabid-ukm.md"}
    diurai: list[str] = []
    asli = riwayat.urai_jabatan

    def catat(bacaan, berkas, slug, teks):
        diurai.append(berkas)
        return asli(bacaan, berkas, slug, teks)

    monkeypatch.setattr(riwayat, "urai_jabatan", catat)
    _, data = riwayat_git(folder, "jabatan", dimuat=dimuat)
    assert data[f"{JABATAN}/kabid-ukm.md"] == [
        PerubahanData(datetime.date(2022, 5, 2), "Kabid UKM", ("Berkas jabatan dibuat.",))]
    assert f"{JABATAN}/kabid-ukm.md" not in diurai and f"{JABATAN}/bendahara.md" in diurai
    diurai.clear()
    _, semua_diurai = riwayat_git(folder, "jabatan")
    assert semua_diurai == data and f"{JABATAN}/kabid-ukm.md" in diurai
