"""The downloads' cache (iki.ekspor.tembolok): an export is rebuilt exactly when something it is
made from changed, a damaged entry is rebuilt and never returned, and cached bytes are the bytes
a build without cache makes."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, bangun_di_proses, salin_proyek
from iki import ekspor, mkdocs_pencarian, pencarian, render
from iki import serentak
from iki.ekspor import tembolok
from iki.model import AturanAkar


# The downloads that go through the cache: the files of the whole decree's data.
TERSIMPAN = [e for e in ekspor.EKSPOR if e.tersimpan]


def _dengan_hitungan(dibuat: list[str]) -> list[ekspor.Ekspor]:
    """The cached downloads, each counting in `dibuat` when it really builds."""
    def hitung(e):
        return lambda k: dibuat.append(e.akhiran) or e.buat(k)
    return [dataclasses.replace(e, buat=hitung(e)) for e in TERSIMPAN]


def _ubah(keputusan, slug: str, **baris_pertama):
    j = keputusan.cari_jabatan(slug)
    jabatan = j.model_copy(update={"iki": [j.iki[0].model_copy(update=baris_pertama), *j.iki[1:]]})
    return keputusan.model_copy(update={"jabatan": [jabatan if x.slug == slug else x for x in keputusan.jabatan]})


@pytest.fixture
def bangun_unduhan(keputusan, tmp_path):
    """Build the downloads with a cache in tmp_path; return (what was really built, the downloads)."""
    def jalankan(k=keputusan):
        dibuat: list[str] = []
        return dibuat, ekspor.buat_unduhan(k, _dengan_hitungan(dibuat), ekspor.buka_tembolok(tmp_path))
    return jalankan


def test_tembolok_sama_dengan_tanpa_tembolok(bangun_unduhan, keputusan):
    dibuat, pertama = bangun_unduhan()
    assert dibuat == [e.akhiran for e in TERSIMPAN]
    dibuat, kedua = bangun_unduhan()
    assert dibuat == []
    tanpa = ekspor.buat_unduhan(keputusan, TERSIMPAN)
    assert [u.isi for u in pertama] == [u.isi for u in kedua] == [u.isi for u in tanpa]


def test_satu_jabatan_berubah_hanya_yang_bergantung_dibuat_ulang(bangun_unduhan, keputusan):
    bangun_unduhan()
    target = _ubah(keputusan, "sekretaris-dinas", target="99 Dokumen")
    dibuat, unduhan = bangun_unduhan(target)
    # Every export but the schema holds every jabatan's targets.
    assert dibuat == [".csv", ".json", ".xlsx", "-lampiran.pdf", "-e-kinerja.csv", "-e-kinerja.xlsx"]
    assert b"99 Dokumen" in next(u.isi for u in unduhan if u.nama.endswith(".csv"))
    # The Lampiran does not print `mendukung`: the PDF stays, the data files follow.
    dibuat, _ = bangun_unduhan(_ubah(target, "sekretaris-dinas", mendukung="SS.2.1"))
    assert dibuat == [".csv", ".json", ".xlsx", "-e-kinerja.csv", "-e-kinerja.xlsx"]
    dibuat, _ = bangun_unduhan(keputusan)  # back to the first data: all from the cache
    assert dibuat == []


@pytest.mark.parametrize("berkas", ["templates/lampiran_iki.typ", "templates/formulir.css", "ekspor/tabel_csv.py"])
def test_templat_css_atau_kode_berubah_semua_dibuat_ulang(bangun_unduhan, tmp_path, monkeypatch, berkas):
    bangun_unduhan()
    salinan = shutil.copytree(ROOT / "iki", tmp_path / "iki", ignore=shutil.ignore_patterns("__pycache__"))
    with open(salinan / berkas, "a", encoding="utf-8") as f:
        f.write("\n")
    monkeypatch.setattr(tembolok.resources, "files", lambda paket: salinan)
    tembolok._sidik_kode.cache_clear()  # as in a new process
    try:
        dibuat, _ = bangun_unduhan()
    finally:
        tembolok._sidik_kode.cache_clear()
    assert dibuat == [e.akhiran for e in TERSIMPAN]


def test_versi_pustaka_berubah_semua_dibuat_ulang(bangun_unduhan, tmp_path, monkeypatch):
    """A library upgraded (pip renames its metadata folder by the version) changes every key."""
    pustaka = tmp_path / "pustaka"
    (pustaka / "xlsxwriter-3.2.0.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(pustaka))
    tembolok._sidik_kode.cache_clear()
    try:
        bangun_unduhan()
        (pustaka / "xlsxwriter-3.2.0.dist-info").rename(pustaka / "xlsxwriter-3.2.1.dist-info")
        tembolok._sidik_kode.cache_clear()  # as in a new process
        dibuat, _ = bangun_unduhan()
    finally:
        tembolok._sidik_kode.cache_clear()
    assert dibuat == [e.akhiran for e in TERSIMPAN]


def test_font_berubah_semua_dibuat_ulang(keputusan, tmp_path, monkeypatch):
    font = tmp_path / "font"
    shutil.copytree(ekspor.lampiran_pdf.FOLDER_FONT, font)
    monkeypatch.setattr(ekspor, "berkas_font", lambda: sorted(font.iterdir()))
    dibuat: list[str] = []
    ekspor.buat_unduhan(keputusan, _dengan_hitungan(dibuat), ekspor.buka_tembolok(tmp_path))
    (font / "LiberationSans-Bold.ttf").write_bytes(b"lain")
    dibuat.clear()
    ekspor.buat_unduhan(keputusan, _dengan_hitungan(dibuat), ekspor.buka_tembolok(tmp_path))
    assert dibuat == [e.akhiran for e in TERSIMPAN]


@pytest.mark.parametrize("rusak", [
    lambda isi: isi[: len(isi) // 2],  # cut short
    lambda isi: isi[:-1] + bytes([isi[-1] ^ 1]),  # one bit flipped
    lambda isi: b"",
])
def test_entri_rusak_dibuat_ulang_tidak_pernah_diterbitkan(bangun_unduhan, tmp_path, rusak):
    _, asli = bangun_unduhan()
    entri = [p for p in (tmp_path / ekspor.FOLDER_TEMBOLOK).rglob("*") if p.is_file()]
    assert len(entri) == len(TERSIMPAN)
    for p in entri:
        p.write_bytes(rusak(p.read_bytes()))
    (tmp_path / ekspor.FOLDER_TEMBOLOK / entri[0].parent.name / ".sementara-sisa").write_bytes(b"tulisan yang terputus")
    dibuat, ulang = bangun_unduhan()
    assert dibuat == [e.akhiran for e in TERSIMPAN]
    assert [u.isi for u in ulang] == [u.isi for u in asli]
    dibuat, _ = bangun_unduhan()  # the rebuilt entries are whole again
    assert dibuat == []


def test_saat_serve_pdf_dibuat_di_latar_dan_halaman_mengatakannya(keputusan, tmp_path):
    """Under `mkdocs serve` a download missing from the cache is made in the background: meanwhile
    the "Unduh data" page says so, then the file and a complete SHA256SUMS appear in the served folder."""
    latar = tmp_path / "situs" / "unduh"
    ekspor.buat_unduhan(keputusan, [e for e in ekspor.EKSPOR if e is not ekspor.PDF], ekspor.buka_tembolok(tmp_path))
    unduhan = ekspor.buat_unduhan(keputusan, tembolok=ekspor.buka_tembolok(tmp_path), latar=latar)
    pdf = next(u for u in unduhan if u.ekspor is ekspor.PDF)
    assert pdf.isi is None and all(u.isi for u in unduhan if u is not pdf)
    assert ekspor.SHA256SUMS in dict(ekspor.berkas_unduh(unduhan))
    assert pdf.nama not in dict(ekspor.berkas_unduh(unduhan))  # never an empty or stale file
    halaman = BeautifulSoup(render.daftar_unduhan(keputusan, unduhan, render.Tautan("unduh/")), "html.parser")
    baris = {tr.th.get_text(strip=True): tr for tr in halaman.select("tbody tr")}
    assert "sedang dibuat ulang" in baris[pdf.nama].get_text()
    assert baris["iki-2022.csv"].code.get_text() == unduhan[0].sha256
    assert not latar.exists()  # nothing is made before the pages are built
    unduhan.selesaikan_di_latar()
    harapan = ekspor.buat_unduhan(keputusan, [ekspor.PDF])[0].isi
    sha256sums = latar / ekspor.SHA256SUMS
    for _ in range(1200):  # the background thread: wait until it has written both files
        if sha256sums.is_file() and sha256sums.read_text().count("\n") == len(unduhan.semua):
            break
        time.sleep(0.1)
    assert (latar / pdf.nama).read_bytes() == harapan
    assert f"{hashlib.sha256(harapan).hexdigest()}  {pdf.nama}\n" in sha256sums.read_text()
    # The next rebuild finds it in the cache and waits for nothing.
    assert next(u for u in ekspor.buat_unduhan(keputusan, tembolok=ekspor.buka_tembolok(tmp_path), latar=latar)
                if u.ekspor is ekspor.PDF).isi == harapan


def _situs_dengan_indeks(folder: Path, teks: str) -> Path:
    """A built site's search index as Material writes it, with one page holding `teks`."""
    indeks = {"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {}},
              "docs": [{"location": "a/", "title": "Penera", "text": teks}]}
    (folder / "search").mkdir(parents=True)
    (folder / "assets" / "javascripts" / "lunr" / "min").mkdir(parents=True)
    (folder / "search" / "search_index.json").write_text(json.dumps(indeks), encoding="utf-8")
    return folder


def test_akar_pencarian_dari_tembolok_bila_kosakata_sama(tmp_path, monkeypatch):
    """The search roots of a vocabulary already seen come from the cache, with the same bytes; a new
    word (or another reviewed list) computes them again."""
    t = tembolok.Tembolok(tmp_path / "tembolok")
    pertama = _situs_dengan_indeks(tmp_path / "satu", "tera ulang pengembangan pasar")
    mkdocs_pencarian.tulis(pertama, [], [], {}, t)

    def dilarang(*_: object) -> dict:
        raise AssertionError("kata dasar dihitung ulang")

    monkeypatch.setattr(pencarian, "peta_akar", dilarang)
    kedua = _situs_dengan_indeks(tmp_path / "dua", "tera ulang pengembangan pasar")
    mkdocs_pencarian.tulis(kedua, [], [], {}, t)
    for berkas in (mkdocs_pencarian.INDEKS, mkdocs_pencarian.SKRIP_BAHASA):
        assert (pertama / berkas).read_bytes() == (kedua / berkas).read_bytes()
    with pytest.raises(AssertionError, match="dihitung ulang"):
        mkdocs_pencarian.tulis(_situs_dengan_indeks(tmp_path / "tiga", "tera ulang perdagangan"), [], [], {}, t)
    aturan = [AturanAkar(alasan="uji", tetap=["pasar"])]
    with pytest.raises(AssertionError, match="dihitung ulang"):
        mkdocs_pencarian.tulis(_situs_dengan_indeks(tmp_path / "empat", "tera ulang pengembangan pasar"), [],
                               aturan, {}, t)


def test_templat_paket_dikompilasi_ke_tembolok(tmp_path, monkeypatch, keputusan):
    """The package's templates are compiled into the build cache (a build compiles about forty
    otherwise) and render the same from there."""
    for env in (render._env, render._env_skrip):
        monkeypatch.setattr(env, "bytecode_cache", None)
        env.cache.clear()
    tanpa = render.ringkasan(keputusan)
    render.siapkan_templat(tmp_path)
    render._env.cache.clear()
    assert render.ringkasan(keputusan) == tanpa
    assert list(tmp_path.glob("iki-html-*/jinja-*/*.cache"))
    render._env.cache.clear()


def test_templat_paket_dibaca_sekali_per_build(tmp_path, monkeypatch, keputusan):
    """A template of the package is read from its file once per build, however often it is used,
    and again in the next build (a template edited while `mkdocs serve` runs is used from then on)."""
    dibaca: list[str] = []
    asli = jinja2.PackageLoader.get_source

    def catat(self, environment, template):
        dibaca.append(template)
        return asli(self, environment, template)

    monkeypatch.setattr(jinja2.PackageLoader, "get_source", catat)
    render.siapkan_templat(tmp_path)
    render.ringkasan(keputusan)
    pertama = sorted(dibaca)
    assert pertama and len(set(pertama)) == len(pertama)
    monkeypatch.setattr("os.path.getmtime", lambda p: 0.0)  # every file seems changed: not looked at
    render.ringkasan(keputusan)
    assert sorted(dibaca) == pertama
    render.siapkan_templat(tmp_path)
    render.ringkasan(keputusan)
    assert sorted(dibaca) == sorted(pertama * 2)


def test_build_hangat_tidak_mengompilasi_templat_paket(tmp_path, monkeypatch):
    """A build with the cache of an earlier one compiles none of the package's templates: the
    compiled ones are in place before the first download is rendered, not only for the pages."""
    proyek = salin_proyek(tmp_path / "proyek")
    assert bangun_di_proses(proyek).returncode == 0
    for env in (render._env, render._env_skrip):
        monkeypatch.setattr(env, "bytecode_cache", None)
        env.cache.clear()
    dikompilasi: list[str] = []
    asli = jinja2.Environment.compile

    def catat(self, source, name=None, filename=None, *args, **kwargs):
        dikompilasi.append(str(filename))
        return asli(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", catat)
    assert bangun_di_proses(proyek).returncode == 0
    paket = str(ROOT / "iki" / "templates")
    assert [f for f in dikompilasi if f.startswith(paket)] == []


def test_entri_pencarian_material_dari_tembolok_bila_halaman_sama(tmp_path, monkeypatch):
    """Material's search indexes again only the pages that changed; the index is the one a build
    without cache writes."""
    proyek = salin_proyek(tmp_path / "proyek")
    assert bangun_di_proses(proyek).returncode == 0
    diindeks: set[str] = set()  # the pages whose entries are not in the cache: indexed anew
    asli = tembolok.Tembolok.baca

    def catat(self, nama, masukan):
        isi = asli(self, nama, masukan)
        if nama.startswith(mkdocs_pencarian.ENTRI) and isi is None:
            diindeks.add(json.loads(masukan)[0])
        return isi

    monkeypatch.setattr(tembolok.Tembolok, "baca", catat)
    indeks = proyek / "site" / "search" / "search_index.json"
    pertama = indeks.read_bytes()
    assert bangun_di_proses(proyek).returncode == 0
    assert diindeks == set() and indeks.read_bytes() == pertama

    berkas = proyek / "jabatan" / "diskoperindag-2022" / "bendahara.md"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("target: 11 Dokumen", "target: 77 Dokumen"),
                      encoding="utf-8")
    assert bangun_di_proses(proyek).returncode == 0
    hangat = indeks.read_bytes()
    assert f"jabatan/{berkas.stem}/" in diindeks and len(diindeks) < 10, diindeks
    assert "77 Dokumen" in hangat.decode("utf-8")
    shutil.rmtree(proyek / ekspor.FOLDER_TEMBOLOK)
    diindeks.clear()
    assert bangun_di_proses(proyek).returncode == 0
    assert indeks.read_bytes() == hangat and len(diindeks) > 10


def test_indeks_pencarian_sama_dengan_pengindeksan_material_sendiri(tmp_path, monkeypatch):
    """The entries made from the cache key are those Material's search plugin makes itself from the
    pages: the same search index, byte for byte, and the same words with their roots in lunr.id (from
    the words made with each page's entries, not split out of the index again). What the other
    process made, the build takes from the cache without indexing again (here that process's tasks
    are run at once, as it would run them)."""
    proyek = salin_proyek(tmp_path / "proyek")
    di_build: list[bytes] = []
    asli = mkdocs_pencarian.entri_halaman
    proses_lain = False

    def entri_halaman(konfigurasi, masukan):
        if not proses_lain:
            di_build.append(masukan)
        return asli(konfigurasi, masukan)

    def kirim(self, tugas, *argumen):
        nonlocal proses_lain
        proses_lain = True
        tugas(ekspor.buka_tembolok(proyek), *argumen)
        proses_lain = False

    dipecah: list[int] = []  # the index's words split out of it after the last page, by its number of entries
    kosakata = pencarian.kosakata
    monkeypatch.setattr(pencarian, "kosakata", lambda indeks: dipecah.append(len(indeks["docs"])) or kosakata(indeks))
    monkeypatch.setattr(mkdocs_pencarian, "entri_halaman", entri_halaman)
    monkeypatch.setattr(serentak.ProsesLain, "kirim", kirim)
    assert bangun_di_proses(proyek).returncode == 0
    indeks = proyek / "site" / "search" / "search_index.json"
    skrip = proyek / "site" / mkdocs_pencarian.SKRIP_BAHASA
    kami, skrip_kami = indeks.read_bytes(), skrip.read_bytes()
    assert di_build == [] and len(json.loads(kami)["docs"]) > 50 and dipecah == []

    class TanpaPengganti:  # Material indexes every page itself, in its on_page_context
        aktif = True
        kosakata = None

        def __init__(self, *args):
            pass

        def kerjakan(self, selama):
            pass

        def selesaikan(self):
            pass

    monkeypatch.setattr(mkdocs_pencarian, "EntriPencarian", TanpaPengganti)
    shutil.rmtree(proyek / ekspor.FOLDER_TEMBOLOK)
    assert bangun_di_proses(proyek).returncode == 0
    assert indeks.read_bytes() == kami and skrip.read_bytes() == skrip_kami
    assert dipecah == [len(json.loads(kami)["docs"])]


def test_kosakata_build_hanya_untuk_indeks_dengan_entri_itu():
    """The words a build made with its entries are those of an index holding those entries only:
    not of the one Material writes under `mkdocs serve --dirty`, with entries of earlier builds."""
    pemisah = r"[\s\-]+"
    entri = [{"location": "a/", "title": "Pengelola Data", "text": "<p>data pasar</p>"},
             {"location": "b/", "title": "Bendahara", "text": "<p>kas-daerah</p>"}]
    kata = pencarian.gabung_kata(pencarian.kata_dokumen([e], pemisah) for e in entri)
    kosakata = mkdocs_pencarian.Kosakata(pemisah, mkdocs_pencarian._teks(entri), kata)
    indeks = json.loads(json.dumps({"config": {"separator": pemisah}, "docs": entri}))
    assert kosakata.untuk(indeks) == pencarian.kosakata(indeks) == ["pengelola", "data", "pasar", "bendahara",
                                                                    "kas", "daerah"]
    lain = {"config": {"separator": pemisah}, "docs": [*entri, {"location": "c/", "title": "Lama", "text": ""}]}
    assert kosakata.untuk(lain) is None
    assert kosakata.untuk({"config": {"separator": r"\s+"}, "docs": entri}) is None


def test_kata_entri_pencarian_di_tembolok_menurut_pemisah(tmp_path):
    """A page's words in the cache are those of the separator they were split by: another separator
    (search's `separator`, or the theme's language) splits them again."""
    t = tembolok.Tembolok(tmp_path)
    masukan = json.dumps(["a/", "Judul", {}, [], "<h1 id='a'>Judul</h1><p>kerja-sama tim</p>"]).encode()
    spasi = mkdocs_pencarian.EntriHalaman.dari_json(mkdocs_pencarian.simpan_entri_halaman(t, {"separator": r"\s+"},
                                                                                          masukan))
    tanda_hubung = mkdocs_pencarian.EntriHalaman.dari_json(
        mkdocs_pencarian.simpan_entri_halaman(t, {"separator": r"[\s\-]+"}, masukan))
    assert spasi.kata == ["judul", "kerja-sama", "tim"] and tanda_hubung.kata == ["judul", "kerja", "sama", "tim"]


def test_tugas_proses_lain_ke_tembolok_dan_yang_gagal_mengakhirinya(tmp_path, caplog, capfd):
    """The other process runs the tasks handed to it in order, into the cache; a task that fails
    ends it quietly (exit code 1, no traceback), and the tasks after it are left to the build."""
    t = tembolok.Tembolok(tmp_path / "tembolok")
    masukan = [json.dumps([f"h{i}/", f"Halaman {i}", {}, [], f"<h1 id='a'>Judul {i}</h1><p>Isi {i}</p>"]).encode()
               for i in range(2)]
    proses = serentak.ProsesLain(ROOT, t)
    proses.buat_unduhan([], [])
    konfigurasi = {"separator": r"[\s\-]+"}
    proses.kirim(mkdocs_pencarian.simpan_entri_halaman, konfigurasi, masukan[0])
    proses.kirim(mkdocs_pencarian.simpan_entri_halaman, konfigurasi, b"bukan JSON")
    proses.kirim(mkdocs_pencarian.simpan_entri_halaman, konfigurasi, masukan[1])
    with caplog.at_level("DEBUG", logger="mkdocs.plugins.iki"):
        proses.selesai()
    entri = mkdocs_pencarian.entri_halaman(konfigurasi, masukan[0])
    assert entri == [{"location": "h0/", "title": "Judul 0", "text": "<p>Isi 0</p>"}]
    nama = mkdocs_pencarian.nama_entri(konfigurasi)
    assert json.loads(t.baca(nama, masukan[0]) or b"null") == {"entri": entri, "kata": ["judul", "0", "isi"]}
    assert t.baca(nama, masukan[1]) is None
    assert "berakhir dengan kode 1" in caplog.text and capfd.readouterr().err == ""


def test_proses_lain_dihentikan_tanpa_entri_setengah_jadi(tmp_path):
    """Stopped once the build has what it needs, the other process ends at once, leaving the tasks
    it had not done undone and every entry it wrote whole."""
    t = tembolok.Tembolok(tmp_path / "tembolok")
    proses = serentak.ProsesLain(ROOT, t)
    proses.buat_unduhan([], [])
    halaman = [json.dumps([f"h{i}/", "H", {}, [], "<p>isi</p>" * 3000]).encode() for i in range(200)]
    for masukan in halaman:
        proses.kirim(mkdocs_pencarian.simpan_entri_halaman, {"separator": r"\s+"}, masukan)
    proses.tunggu_unduhan()
    proses.hentikan()
    assert proses._proses.returncode == 0  # it ended itself, between two tasks, not killed
    dibuat = [m for m in halaman if t.baca(mkdocs_pencarian.nama_entri({"separator": r"\s+"}), m) is not None]
    assert len(dibuat) < len(halaman)
    berkas = [p for p in (tmp_path / "tembolok").rglob("*") if p.is_file()]
    assert len(berkas) == len(dibuat) and not any(p.name.startswith(".") for p in berkas)


def test_unduhan_dibuat_proses_lain_ke_tembolok(keputusan, tmp_path):
    """Another process (iki.serentak) fills the cache with every file of the whole decree's data,
    with the bytes a build without cache makes, under the keys the build then looks up."""
    t = ekspor.buka_tembolok(tmp_path)
    assert all(t.baca(e.nama_berkas(keputusan), e.masukan(keputusan)) is None for e in TERSIMPAN)
    proses = serentak.ProsesLain(ROOT, t)
    proses.buat_unduhan([keputusan.id], ekspor.EKSPOR)
    proses.tunggu_unduhan()
    assert len(list(proses.klaim.iterdir())) == len(TERSIMPAN)  # each claimed before it was made
    proses.selesai()
    assert not proses.klaim.exists()
    for u in ekspor.buat_unduhan(keputusan, TERSIMPAN):
        assert t.baca(u.nama, u.ekspor.masukan(keputusan)) == u.isi, u.nama
    dibuat: list[str] = []
    ekspor.buat_unduhan(keputusan, _dengan_hitungan(dibuat), t)
    assert dibuat == []


def test_tanpa_folder_sementara_unduhan_tetap_dibuat(keputusan, tmp_path, monkeypatch):
    """Where no temporary folder can be made there are no claims: the other process still fills the cache."""
    def gagal(**_):
        raise PermissionError("tidak ada folder sementara")

    monkeypatch.setattr(serentak.tempfile, "mkdtemp", gagal)
    t = ekspor.buka_tembolok(tmp_path)
    proses = serentak.ProsesLain(ROOT, t)
    proses.buat_unduhan([keputusan.id], ekspor.EKSPOR)
    proses.tunggu_unduhan()
    proses.selesai()
    assert proses.klaim is None and proses._proses.returncode == 0
    assert all(t.baca(e.nama_berkas(keputusan), e.masukan(keputusan)) is not None for e in TERSIMPAN)


def test_proses_unduhan_yang_gagal_berakhir_tanpa_traceback(keputusan, tmp_path, caplog, capfd):
    """A process that cannot fill the cache ends without a traceback (the build makes what it lacks)."""
    (tmp_path / "bukan-folder").write_text("berkas biasa", encoding="utf-8")
    t = tembolok.Tembolok(tmp_path / "bukan-folder" / "tembolok")
    with caplog.at_level("DEBUG", logger="mkdocs.plugins.iki"):
        proses = serentak.ProsesLain(ROOT, t)
        proses.buat_unduhan([keputusan.id], TERSIMPAN)
        proses.selesai()
    assert "berakhir dengan kode 1" in caplog.text
    assert capfd.readouterr().err == ""


def test_proses_unduhan_tidak_berjalan_situs_tetap_sama(tmp_path, monkeypatch):
    """When the other process cannot run at all, the build makes the downloads itself: the same
    site, byte for byte, and no traceback."""
    proyek = salin_proyek(tmp_path / "proyek")
    assert bangun_di_proses(proyek, tmp_path / "biasa").returncode == 0
    shutil.rmtree(proyek / ekspor.FOLDER_TEMBOLOK)
    monkeypatch.setattr(sys, "executable", shutil.which("false"))  # the process ends at once, having done nothing
    hasil = bangun_di_proses(proyek, tmp_path / "gagal")
    assert hasil.returncode == 0 and "Traceback" not in hasil.stderr
    biasa = {p.relative_to(tmp_path / "biasa"): p.read_bytes() for p in (tmp_path / "biasa").rglob("*") if p.is_file()}
    gagal = {p.relative_to(tmp_path / "gagal"): p.read_bytes() for p in (tmp_path / "gagal").rglob("*") if p.is_file()}
    assert biasa.keys() == gagal.keys() and [p for p in biasa if biasa[p] != gagal[p]] == []


def test_halaman_dibangun_sebelum_menunggu_unduhan(tmp_path, monkeypatch):
    """A build waits for the other process only at the "Unduh data" page, after every other page is
    written: the downloads are made while the pages are built."""
    proyek = salin_proyek(tmp_path / "proyek")
    halaman_saat_menunggu: list[set[Path]] = []
    asli = serentak.ProsesLain.tunggu_unduhan

    def tunggu(self, sambil=None):
        halaman_saat_menunggu.append(set((proyek / "site").rglob("index.html")))
        asli(self, sambil)

    monkeypatch.setattr(serentak.ProsesLain, "tunggu_unduhan", tunggu)
    assert bangun_di_proses(proyek).returncode == 0
    semua = set((proyek / "site").rglob("index.html"))
    assert len(semua) >= 20 and halaman_saat_menunggu[0] == semua - {proyek / "site" / "unduh" / "index.html"}


def test_build_membekukan_heap_saat_keluar():
    """Once the plugin has started, the process freezes its heap when it exits (gc.freeze): CPython's
    finalisation then does not collect cycles, so a cycle's __del__ does not run. Without the plugin
    it does: that is what the freezing saves, a garbage collection over the whole heap."""
    naskah = (
        "import gc, sys\n"
        "class Siklus:\n"
        "    def __del__(self):\n"
        "        sys.stdout.write('dikumpulkan')\n"
        "if sys.argv[1] == 'plugin':\n"
        "    from iki.mkdocs_plugin import IKIPlugin\n"
        "    IKIPlugin().on_startup(command='build', dirty=False)\n"
        "gc.disable()\n"  # no collection before the process exits
        "a = Siklus(); a.diri = a; del a\n"
    )
    hasil = {mode: subprocess.run([sys.executable, "-c", naskah, mode], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout for mode in ("plugin", "tanpa")}
    assert hasil == {"plugin": "", "tanpa": "dikumpulkan"}


def test_build_yang_menunggu_membuat_unduhan_dari_belakang_tanpa_pdf(keputusan, tmp_path):
    """While it waits for the other process, the build makes what that process has not made yet:
    from the last download back, without the PDF (which that process starts with), and only while
    the downloads are still awaited. The other process then takes those from the cache."""
    dibuat: list[str] = []
    daftar = _dengan_hitungan(dibuat)
    t = ekspor.buka_tembolok(tmp_path / "satu")
    masih = iter([True, True, False])
    ekspor.isi_tembolok([keputusan], daftar, t, lambda: next(masih))
    assert dibuat == ["-e-kinerja.xlsx", "-e-kinerja.csv"]
    ekspor.isi_tembolok([keputusan], daftar, t)  # as the other process does
    assert dibuat[2:] == ["-lampiran.pdf", ".csv", ".json", ".schema.json", ".xlsx"]
    ekspor.isi_tembolok([keputusan], daftar, t, lambda: True)
    assert len(dibuat) == 7
    dibuat.clear()  # on an empty cache, while the other process is never done: all but the PDF
    ekspor.isi_tembolok([keputusan], daftar, ekspor.buka_tembolok(tmp_path / "dua"), lambda: True)
    assert dibuat == ["-e-kinerja.xlsx", "-e-kinerja.csv", ".xlsx", ".schema.json", ".json", ".csv"]


def test_unduhan_yang_diklaim_yang_lain_tidak_dibuat_dua_kali(keputusan, tmp_path):
    """Where the build and the other process meet, neither makes a file the other has taken on
    (Tembolok.klaim, in a folder the two share); one taken on but never made (the other process
    ended first) is made by buat_unduhan, which does not look at claims."""
    dibuat: list[str] = []
    daftar = _dengan_hitungan(dibuat)
    t = ekspor.buka_tembolok(tmp_path)
    klaim = tmp_path / "klaim"
    klaim.mkdir()
    xlsx = next(e for e in daftar if e.akhiran == ".xlsx")
    assert t.klaim(klaim, xlsx.nama_berkas(keputusan), xlsx.masukan(keputusan))  # the other process's
    ekspor.isi_tembolok([keputusan], daftar, t, lambda: True, klaim)  # the build, from the last back
    assert dibuat == ["-e-kinerja.xlsx", "-e-kinerja.csv", ".schema.json", ".json", ".csv"]
    ekspor.isi_tembolok([keputusan], daftar, t, klaim=klaim)  # the other process: nothing the build made
    assert dibuat[5:] == ["-lampiran.pdf"]
    ekspor.buat_unduhan(keputusan, daftar, t)
    assert dibuat[6:] == [".xlsx"]


def test_folder_klaim_dihapus_saat_build_keluar(tmp_path):
    """The claims folder goes when the build's process exits, also after a build that failed, which
    does not wait for the other process (here one that never reads it)."""
    naskah = ("import shutil, sys\n"
              "from pathlib import Path\n"
              "from iki import serentak\n"
              "from iki.ekspor.tembolok import Tembolok\n"
              "sys.executable = shutil.which('false')\n"
              "proses = serentak.ProsesLain(Path(sys.argv[1]), Tembolok(Path(sys.argv[2])))\n"
              "proses.selesai(tunggu=False)\n"
              "print(proses.klaim, proses.klaim.is_dir())\n")
    hasil = subprocess.run([sys.executable, "-c", naskah, str(ROOT), str(tmp_path / "tembolok")], cwd=ROOT,
                           capture_output=True, text=True, check=True)
    folder, ada = hasil.stdout.split()
    assert Path(folder).name.startswith("iki-klaim-") and ada == "True" and not Path(folder).exists()


def test_build_mengklaim_unduhan_yang_dibuatnya_sambil_menunggu(tmp_path, monkeypatch):
    """While it waits for the other process, the build makes downloads only with claims, in the
    folder it shares with that process."""
    proyek = salin_proyek(tmp_path / "proyek")
    klaim: list[Path | None] = []
    asli = ekspor.isi_tembolok

    def isi(keputusan, daftar, t, selama=None, klaim_=None):
        klaim.append(klaim_)
        asli(keputusan, daftar, t, selama, klaim_)

    monkeypatch.setattr(ekspor, "isi_tembolok", isi)
    assert bangun_di_proses(proyek).returncode == 0
    assert klaim and all(k is not None and k.name.startswith("iki-klaim-") for k in klaim)


def test_klaim_pertama_yang_meminta(tmp_path):
    """An entry is claimed once per folder; without the folder every process makes it."""
    t = tembolok.Tembolok(tmp_path / "tembolok")
    assert [t.klaim(tmp_path, "a.csv", b"1"), t.klaim(tmp_path, "a.csv", b"1"), t.klaim(tmp_path, "a.csv", b"2"),
            t.klaim(tmp_path, "b.csv", b"1")] == [True, False, True, True]
    assert [t.klaim(tmp_path / "tidak-ada", "a.csv", b"1") for _ in range(2)] == [True, True]
