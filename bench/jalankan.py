"""Benchmark: build the real site on synthetic data of growing size, next to a flat baseline.

    python -m bench                       # the real site; N = 40, 500, 2000, 5000; baseline at 500 and 2000
    python -m bench --jumlah 40 200 --pembanding --sunting 0   # quick
    python -m bench --impor-saja          # only the import of the real decree (text, PDF, DOCX)

The headline is the default build, Lampiran PDF and downloads included. For the real site (a clone
of this repository's last commit) and each N (a generated project, bench/sintetis.py) it times the
checker (`iki.loader.periksa`), then runs the real `mkdocs build --strict` in a subprocess twice:
cold (no download cache, .tembolok/) and warm (the cache of the cold build, one jabatan's target
changed). Wall time, CPU time and peak memory (RSS) of the build, then the built site. A build starts
without a site folder: an earlier one is moved aside until the end of the run (`singkirkan`). The baseline
is the same jabatan as plain Markdown in a flat MkDocs Material site. With --sunting it also starts
`mkdocs serve` (with and without --dirty) on the real site and on N jabatan, changes one target three
times and times until the served page shows it (median).
With --cari it serves the built site and types queries into the search box in Chromium: seconds until
the search is ready, milliseconds from each query's last keystroke to its first results. With
--kabupaten it builds a whole Kabupaten: several instansi, two successive years each. With --ulang K
it measures the project (cold, warm) and the baseline K times in alternating order, and the ratio is
the median of the rounds' own ratios (the machine's speed drifts from minute to minute).
Output: Markdown tables on stdout, ready for bench/HASIL.md.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import gzip
import http.server
import threading
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from iki.pemuat_arsip import periksa_arsip

from .impor import ukur as ukur_impor
from .sintetis import ROOT, buat_kabupaten, buat_pembanding, buat_proyek, jumlah_unit_bawaan

MB = 1024 * 1024
PAKET = ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "pydantic", "PyYAML", "Jinja2", "Markdown")


@dataclass
class Hasil:
    """The figures of one build."""

    jumlah: int
    detik: float
    cpu: float
    rss_mb: float
    situs_mb: float
    berkas: int
    indeks_mb: float
    lunr_id_mb: float
    unduhan_cari_gzip_mb: float
    halaman_terbesar_kb: float
    halaman_jabatan: int


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IKI_")}
    return {**env, "NO_MKDOCS_2_WARNING": "1"}


def bangun(proyek: Path, jumlah: int) -> Hasil:
    """Run `mkdocs build --strict` on `proyek`; wall time, CPU time (user + sys, less sensitive to other
    load on the machine) and peak RSS of that process, then the site's sizes."""
    situs = proyek / "site"
    catatan = proyek / "bangun.log"
    with catatan.open("w") as keluaran:
        mulai = time.perf_counter()
        proses = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(proyek / "mkdocs.yml"), "-d", str(situs)],
            cwd=proyek, env=_env(), stdout=keluaran, stderr=subprocess.STDOUT)
        _, status, pemakaian = os.wait4(proses.pid, 0)
        detik = time.perf_counter() - mulai
        proses.returncode = os.waitstatus_to_exitcode(status)
    if proses.returncode:
        sys.exit(f"Pembangunan {proyek} gagal:\n{catatan.read_text()[-3000:]}")
    total = berkas = 0
    for akar, _, nama in os.walk(situs):
        for n in nama:
            total += os.path.getsize(os.path.join(akar, n))
            berkas += 1
    halaman = [p.stat().st_size for p in situs.glob("**/jabatan/*/index.html")]
    # What a browser downloads to search: the index, and the Indonesian stemmer's word list (iki.pencarian).
    indeks = (situs / "search" / "search_index.json").read_bytes()
    lunr_id = situs / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js"
    kata = lunr_id.read_bytes() if lunr_id.exists() else b""
    return Hasil(jumlah, detik, pemakaian.ru_utime + pemakaian.ru_stime, pemakaian.ru_maxrss / 1024, total / MB,
                 berkas, len(indeks) / MB, len(kata) / MB,
                 (len(gzip.compress(indeks, 6)) + len(gzip.compress(kata, 6))) / MB, max(halaman) / 1024, len(halaman))


def matikan_pdf(proyek: Path) -> None:
    """Turn off the Lampiran PDF (plugin option `pdf_lampiran`), for --tanpa-pdf only: the headline
    is the build a user runs, PDF included."""
    konfigurasi = proyek / "mkdocs.yml"
    teks = konfigurasi.read_text(encoding="utf-8")
    assert "\n  - iki\n" in teks, "mkdocs.yml: entri plugin 'iki' tidak ditemukan"
    konfigurasi.write_text(teks.replace("\n  - iki\n", "\n  - iki:\n      pdf_lampiran: false\n"), encoding="utf-8")


_TARGET = re.compile(r"(?m)^(\s+target: )(\d+)(?= )")


def ubah_target(proyek: Path, nilai: int, berkas: Path | None = None) -> tuple[Path, str]:
    """Set the first numeric target of one jabatan file (the middle one with such a target, or
    `berkas`) to `nilai`; return the file and its text before, to put it back."""
    daftar = [berkas] if berkas else sorted((proyek / "jabatan").rglob("*.md"))
    calon = [p for p in daftar if _TARGET.search(p.read_text(encoding="utf-8"))]
    path = calon[len(calon) // 2]
    teks = path.read_text(encoding="utf-8")
    path.write_text(_TARGET.sub(lambda m: f"{m[1]}{nilai}", teks, count=1), encoding="utf-8")
    return path, teks


SAMPAH = "sampah"  # in the work folder: what the run moved out of the way, deleted at its end (singkirkan)


def singkirkan(path: Path) -> None:
    """Move a file or folder of the work folder (its projects are its children) out of the way,
    into its `SAMPAH`, deleted at the end of the run. Not deleted now: ext4 without a journal (this
    machine's root, `cat /sys/fs/ext4/*/journal_task` says `<none>`) hands out no inode freed in the
    last minute or more, and steps over each such inode on every file created meanwhile: a cold build
    at N = 2,000 after the sites and caches of the builds of the minutes before were deleted spent 8 to
    11 s of system time, 4 to 5 s after they were moved aside; the more files a build writes, the
    more it pays. A user's build starts from a fresh clone, or writes over its site folder
    (iki.mkdocs_timpa), or empties it itself (MkDocs)."""
    if path.exists():
        kerja = next(p for p in path.parents if (p / SAMPAH).is_dir())
        path.rename(Path(tempfile.mkdtemp(dir=kerja / SAMPAH)) / path.name)


def dingin_hangat(proyek: Path, jumlah: int) -> tuple[Hasil, Hasil]:
    """A cold build (no download cache), then a warm one (its cache, one jabatan's target changed)."""
    singkirkan(proyek / ".tembolok")
    dingin = bangun(proyek, jumlah)
    path, teks = ubah_target(proyek, 987654)
    try:
        hangat = bangun(proyek, jumlah)
    finally:
        path.write_text(teks, encoding="utf-8")
    return dingin, hangat


def klon_situs_asli(tujuan: Path) -> Path:
    """The real site's project: a clone of this repository's last commit (history included, for the dates)."""
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(tujuan)], check=True)
    return tujuan


def waktu_periksa(proyek: Path) -> float:
    mulai = time.perf_counter()
    _, masalah = periksa_arsip(proyek)
    detik = time.perf_counter() - mulai
    if masalah:
        sys.exit(f"Data sintetis di {proyek} tidak lolos pemeriksaan: {masalah[:5]}")
    return detik


# -- editing under `mkdocs serve` ----------------------------------------------

# Queries typed for --cari: a name, two words, a duty phrase, a typo.
KUERI_CARI = ("pengelola", "kepala bidang", "laporan keuangan daerah", "koprasi")
CHROMIUM = "/usr/bin/chromium"

# Installed before the page's scripts: counts the queries the page sends Material's search worker
# (type 2) and its answers (type 3), so that a result list drawn for an earlier, unfinished query
# is not taken for the answer to the whole query.
_PEKERJA = """(() => {
  const c = window.__ikiCari = {kueri: 0, jawaban: 0, terakhir: null, akhir: false}
  const Asli = window.Worker
  window.Worker = class extends Asli {
    constructor(...argumen) {
      super(...argumen)
      this.addEventListener('message', e => {
        if (!e.data || e.data.type !== 3) return
        c.jawaban += 1
        const kotak = document.querySelector('input.md-search__input')
        c.akhir = c.jawaban === c.kueri && kotak !== null && c.terakhir === kotak.value
      })
    }
    postMessage(pesan, ...lain) {
      if (pesan && pesan.type === 2) { c.kueri += 1; c.terakhir = pesan.data }
      return super.postMessage(pesan, ...lain)
    }
  }
})()"""
# Once the index is ready: the time of the last keystroke, and of the first change of the result
# list after the worker answered the whole query.
_TANDAI = """() => {
  const kotak = document.querySelector('input.md-search__input')
  const daftar = document.querySelector('.md-search-result__list')
  const c = window.__ikiCari
  window.__ikiKetik = null; window.__ikiHasil = null
  kotak.addEventListener('keydown', () => { window.__ikiKetik = performance.now(); window.__ikiHasil = null; c.akhir = false })
  new MutationObserver(() => {
    if (window.__ikiKetik !== null && window.__ikiHasil === null && c.akhir && daftar.children.length)
      window.__ikiHasil = performance.now()
  }).observe(daftar, {childList: true, subtree: true})
}"""


def ukur_cari(situs: Path) -> tuple[float, list[float | None]]:
    """Search in Chromium on the built site, served locally: seconds from opening the home page
    until the search box is ready (index downloaded, lunr index built in the worker), and for each
    query of KUERI_CARI, typed key by key (120 ms apart), the milliseconds from its last keystroke
    until the results of the whole query are shown (None: not within 10 minutes)."""
    from playwright.sync_api import TimeoutError as WaktuHabis
    from playwright.sync_api import sync_playwright

    layanan = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_PenyajiDiam, directory=str(situs)))
    threading.Thread(target=layanan.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            peramban = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = peramban.new_page()
            page.add_init_script(_PEKERJA)
            mulai = time.perf_counter()
            page.goto(f"http://127.0.0.1:{layanan.server_address[1]}/")
            page.locator("input.md-search__input").click()
            page.wait_for_function(
                "() => /^Ketik/.test(document.querySelector('.md-search-result__meta').textContent)",
                polling=50, timeout=900_000)
            siap = time.perf_counter() - mulai
            page.evaluate(_TANDAI)
            waktu = []
            for kueri in KUERI_CARI:
                page.locator("input.md-search__input").fill("")
                page.wait_for_timeout(500)
                page.locator("input.md-search__input").press_sequentially(kueri, delay=120)
                try:
                    page.wait_for_function("() => window.__ikiHasil !== null", polling=20, timeout=600_000)
                    waktu.append(page.evaluate("() => window.__ikiHasil - window.__ikiKetik"))
                except WaktuHabis:
                    waktu.append(None)
            peramban.close()
    finally:
        layanan.shutdown()
    return siap, waktu


class _PenyajiDiam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tunggu(alamat: str, isi: str, batas: float) -> float:
    """Poll `alamat` every 20 ms until the page holds `isi` (any page for ""); return the seconds it took."""
    mulai = time.perf_counter()
    while time.perf_counter() - mulai < batas:
        try:
            with urllib.request.urlopen(alamat, timeout=5) as r:
                if isi in r.read().decode("utf-8"):
                    return time.perf_counter() - mulai
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(alamat)


def ukur_sunting(proyek: Path, kotor: bool, kali: int = 3) -> tuple[float, float]:
    """Start `mkdocs serve` (--dirty when `kotor`), change one jabatan's target `kali` times, each time
    timing until its served page shows the new target. Returns (first build until served, median of
    the edits until the served page shows them)."""
    port = _port_bebas()
    catatan = proyek / f"serve{'-dirty' if kotor else ''}.log"
    perintah = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                "-f", str(proyek / "mkdocs.yml")] + (["--dirty"] if kotor else [])
    berkas, asli = ubah_target(proyek, 0)
    berkas.write_text(asli, encoding="utf-8")
    alamat = f"http://127.0.0.1:{port}/jabatan/{berkas.stem}/"
    with catatan.open("w") as keluaran:
        proses = subprocess.Popen(perintah, cwd=proyek, env=_env(), stdout=keluaran, stderr=subprocess.STDOUT)
    waktu = []
    try:
        awal = _tunggu(alamat, "", 3600)
        time.sleep(2)  # let the file watcher start
        for i in range(kali):
            nilai = 900000 + 1000 * (port % 100) + i  # a target that appears nowhere else
            ubah_target(proyek, nilai, berkas)
            waktu.append(_tunggu(alamat, f">{nilai} ", 3600))  # the page shows the new target
            time.sleep(1)  # let the server finish what it does after the page (e.g. the downloads)
    finally:
        berkas.write_text(asli, encoding="utf-8")
        proses.terminate()
        proses.wait(timeout=60)
    return awal, statistics.median(waktu)


# -- report -------------------------------------------------------------------

def _mesin() -> list[str]:
    memori = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    beban = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    return [
        f"- Tanggal: {datetime.datetime.now().isoformat(timespec='minutes')}",
        f"- Mesin: {platform.machine()}, `nproc` = {os.cpu_count()}, {platform.platform()}",
        f"- Python {platform.python_version()}; " + ", ".join(f"{p} {version(p)}" for p in PAKET),
        f"- Beban saat mulai (`uptime`): {beban}",
        "- Memori (`free -h`):", "", "```", memori, "```",
    ]


def _tabel(judul: str, hasil: list[tuple[str, Hasil]], periksa_detik: dict[int, float] | None = None) -> list[str]:
    kepala = ["N", "build", "bangun (s)", "CPU (s)", "RSS puncak (MB)", "situs (MB)", "berkas", "indeks cari (MB)",
              "lunr.id (MB)", "unduhan cari, gzip (MB)", "halaman jabatan terbesar (KB)"] + (
        ["periksa (s)"] if periksa_detik else [])
    baris = [f"### {judul}", "", "| " + " | ".join(kepala) + " |", "|" + " --- |" * len(kepala)]
    for jenis, h in hasil:
        sel = [h.jumlah, jenis, f"{h.detik:.1f}", f"{h.cpu:.1f}", f"{h.rss_mb:.0f}", f"{h.situs_mb:.1f}", h.berkas,
               f"{h.indeks_mb:.2f}", f"{h.lunr_id_mb:.2f}", f"{h.unduhan_cari_gzip_mb:.2f}",
               f"{h.halaman_terbesar_kb:.1f}"] + ([f"{periksa_detik.get(h.jumlah, 0):.2f}"] if periksa_detik else [])
        baris.append("| " + " | ".join(map(str, sel)) + " |")
    return baris + [""]


Putaran = tuple[Hasil, Hasil, Hasil]  # one round: the project cold, warm, and the baseline


def putaran_lagi(proyek: Path, dasar: Path, jumlah: int, pembanding_dulu: bool) -> Putaran:
    """One more round of the project (cold, warm) and the baseline, the baseline first or last: the
    machine's speed drifts from minute to minute, so rounds in alternating order pair each ratio's
    two builds in time. Each build starts from an empty site folder (MkDocs empties a full one first,
    inside the timed build: 1.2 GB for the baseline at N = 2,000)."""
    def pembanding() -> Hasil:
        singkirkan(dasar / "site")
        return bangun(dasar, jumlah)

    if pembanding_dulu:
        b = pembanding()
    singkirkan(proyek / "site")
    d, h = dingin_hangat(proyek, jumlah)
    if not pembanding_dulu:
        b = pembanding()
    return d, h, b


def _rasio(proyek: dict[int, tuple[Hasil, Hasil]], pembanding: dict[int, Hasil],
           putaran: dict[int, list[Putaran]]) -> list[str]:
    """The baseline's time over the project's, per N: the median over the rounds (each round's own
    ratio, the baseline and the project measured within minutes of each other), then every round."""
    baris = ["### Pembanding / proyek (berapa kali lebih cepat proyek daripada pembanding)", "",
             "| N | waktu, dingin | waktu, hangat | CPU, dingin | CPU, hangat | ukuran situs (pembanding / proyek) |",
             "| --- | --- | --- | --- | --- | --- |"]
    for n, daftar in sorted(putaran.items()):
        median = [statistics.median(f(d, h, b) for d, h, b in daftar) for f in (
            lambda d, h, b: b.detik / d.detik, lambda d, h, b: b.detik / h.detik,
            lambda d, h, b: b.cpu / d.cpu, lambda d, h, b: b.cpu / h.cpu)]
        d, _, b = daftar[0]
        baris.append(f"| {n} | **{median[0]:.2f}x** | **{median[1]:.2f}x** | {median[2]:.2f}x | {median[3]:.2f}x | "
                     f"{b.situs_mb / d.situs_mb:.1f}x |")
    baris.append("")
    for n, daftar in sorted(putaran.items()):
        if len(daftar) > 1:
            baris += [f"Rasio di atas: median {len(daftar)} putaran berselang pada N={n} (urutan bergantian):", "",
                      "| putaran | urutan | pembanding (s) | dingin (s) | hangat (s) | rasio dingin | rasio hangat |",
                      "| --- | --- | --- | --- | --- | --- | --- |"]
            for i, (d, h, b) in enumerate(daftar, 1):
                urutan = "pembanding, proyek" if i % 2 == 0 else "proyek, pembanding"
                baris.append(f"| {i} | {urutan} | {b.detik:.1f} | {d.detik:.1f} | {h.detik:.1f} | "
                             f"{b.detik / d.detik:.2f}x | {b.detik / h.detik:.2f}x |")
            baris.append("")
    for nama, per_n in (("proyek (dingin)", {n: d for n, (d, _) in proyek.items()}), ("pembanding", pembanding)):
        if 500 in per_n and 2000 in per_n:
            baris.append(f"- Faktor pertumbuhan waktu {nama} (N=2000 / N=500): "
                         f"**{per_n[2000].detik / per_n[500].detik:.2f}** (CPU: {per_n[2000].cpu / per_n[500].cpu:.2f})")
    return baris + [""]


def _sunting(judul: str, folder: Path) -> list[str]:
    baris = [f"### {judul}", "",
             "| mode | bangun awal sampai dilayani (s) | simpan berkas sampai halaman berubah, median 3 (s) |",
             "| --- | --- | --- |"]
    for kotor in (False, True):
        awal, sunting = ukur_sunting(folder, kotor)
        mode = "`mkdocs serve --dirty`" if kotor else "`mkdocs serve`"
        baris.append(f"| {mode} | {awal:.1f} | {sunting:.2f} |")
    return baris + [""]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Uji kinerja pembangunan situs IKI.")
    parser.add_argument("--jumlah", type=int, nargs="+", default=[40, 500, 2000, 5000],
                        help="jumlah jabatan per percobaan (bawaan: 40 500 2000 5000)")
    parser.add_argument("--pembanding", type=int, nargs="*", default=[500, 2000],
                        help="N yang juga dibangun sebagai situs pembanding datar (bawaan: 500 2000; kosong = tidak ada)")
    parser.add_argument("--sunting", type=int, default=2000,
                        help="N untuk mengukur penyuntingan saat `mkdocs serve` berjalan (0 = lewati)")
    parser.add_argument("--cari", type=int, nargs="*", default=[5000],
                        help="N yang pencariannya diukur di Chromium (bawaan: 5000; kosong = tidak ada)")
    parser.add_argument("--ulang", type=int, default=1,
                        help="putaran pembanding dan proyek (dingin, hangat) untuk setiap N yang punya pembanding, "
                             "bergantian urutannya; rasionya median rasio setiap putaran (bawaan: 1)")
    parser.add_argument("--unit", type=int, help="jumlah unit (bawaan: sekitar N/20, sedikitnya 3)")
    parser.add_argument("--kerja", type=Path, help="folder kerja (bawaan: folder sementara yang dihapus di akhir)")
    parser.add_argument("--benih", type=int, default=2022, help="benih acak data sintetis")
    parser.add_argument("--tanpa-pdf", action="store_true",
                        help="matikan PDF Lampiran (bawaan: build seperti pengguna, dengan PDF dan semua unduhan)")
    parser.add_argument("--kabupaten", type=int, nargs=2, metavar=("INSTANSI", "JABATAN"),
                        help="juga satu Kabupaten: INSTANSI perangkat daerah x JABATAN jabatan, dua tahun berturut-turut "
                             "(mis. 30 70: sekitar 4.200 halaman jabatan)")
    parser.add_argument("--impor-saja", action="store_true",
                        help="hanya mengukur impor Keputusan nyata dari teks, PDF dan DOCX (python -m iki impor)")
    args = parser.parse_args(argv)
    if args.impor_saja:
        print("\n".join(["## Mesin", "", *_mesin(), "", *ukur_impor()]), flush=True)
        return

    kerja = args.kerja or Path(tempfile.mkdtemp(prefix="iki-bench-"))
    (kerja / SAMPAH).mkdir(parents=True)
    try:
        print("\n".join(["## Mesin", "", *_mesin(), ""]), flush=True)
        asli = klon_situs_asli(kerja / "situs-asli")
        if args.tanpa_pdf:
            matikan_pdf(asli)
        n_asli = len(list((asli / "jabatan").rglob("*.md")))
        laporan = _tabel("Situs sebenarnya (klon commit terakhir), `mkdocs build --strict`",
                         list(zip(("dingin", "hangat"), dingin_hangat(asli, n_asli))))
        print("\n".join(laporan), flush=True)
        proyek: dict[int, tuple[Hasil, Hasil]] = {}
        pembanding: dict[int, Hasil] = {}
        putaran: dict[int, list[Putaran]] = {}
        periksa_detik: dict[int, float] = {}
        cari: dict[int, tuple[float, list[float | None]]] = {}
        for n in sorted(set(args.jumlah) | set(args.pembanding)):
            folder = buat_proyek(kerja / f"proyek-{n}", n, args.unit, args.benih)
            if args.tanpa_pdf:
                matikan_pdf(folder)
            if n in args.jumlah:
                periksa_detik[n] = waktu_periksa(folder)
                proyek[n] = dingin_hangat(folder, n)
                assert all(h.halaman_jabatan == n for h in proyek[n]), proyek[n]
                print(f"proyek N={n} (unit {args.unit or jumlah_unit_bawaan(n)}): {proyek[n]}", file=sys.stderr, flush=True)
                if n in args.cari:
                    cari[n] = ukur_cari(folder / "site")
                    print(f"pencarian N={n}: {cari[n]}", file=sys.stderr, flush=True)
                singkirkan(folder / "site")
            if n in args.pembanding:
                dasar = buat_pembanding(folder, kerja / f"pembanding-{n}")
                pembanding[n] = bangun(dasar, n)
                print(f"pembanding N={n}: {pembanding[n]}", file=sys.stderr, flush=True)
                if n in proyek:
                    putaran[n] = [(*proyek[n], pembanding[n])]
                    for i in range(1, args.ulang):
                        putaran[n].append(putaran_lagi(folder, dasar, n, pembanding_dulu=i % 2 == 1))
                        print(f"putaran {i + 1} N={n}: {putaran[n][-1]}", file=sys.stderr, flush=True)
                singkirkan(dasar)
        laporan = ["## Hasil", "", "Unit per N: " + ", ".join(f"N={n}: {args.unit or jumlah_unit_bawaan(n)}"
                                                              for n in sorted(proyek)), ""]
        laporan += _tabel("Proyek (situs IKI sebenarnya pada data sintetis, `mkdocs build --strict`)",
                          [(jenis, h) for d_h in proyek.values() for jenis, h in zip(("dingin", "hangat"), d_h)],
                          periksa_detik)
        if pembanding:
            laporan += _tabel("Pembanding (Markdown biasa, navigasi datar, Material + search)",
                              [("-", h) for h in pembanding.values()])
            laporan += _rasio(proyek, pembanding, putaran)
        if cari:
            laporan += ["### Pencarian di Chromium (situs dilayani lokal, kueri diketik 120 ms per tombol)", "",
                        "| N | unduhan cari, gzip (MB) | siap sejak halaman dibuka (s) | "
                        + " | ".join(f"hasil pertama \"{k}\" (ms)" for k in KUERI_CARI) + " |",
                        "|" + " --- |" * (3 + len(KUERI_CARI))]
            for n, (siap, waktu) in sorted(cari.items()):
                laporan.append(f"| {n} | {proyek[n][0].unduhan_cari_gzip_mb:.2f} | {siap:.1f} | "
                               + " | ".join("> 600000" if w is None else f"{w:.0f}" for w in waktu) + " |")
            laporan.append("")
        print("\n".join(laporan), flush=True)
        if args.kabupaten:
            instansi, per_instansi = args.kabupaten
            folder = buat_kabupaten(kerja / "kabupaten", instansi, per_instansi, args.benih)
            if args.tanpa_pdf:
                matikan_pdf(folder)
            detik_periksa = waktu_periksa(folder)
            dingin, hangat = dingin_hangat(folder, 2 * instansi * per_instansi)
            assert dingin.halaman_jabatan == 2 * instansi * per_instansi, dingin
            print("\n".join(_tabel(f"Kabupaten: {instansi} instansi x {per_instansi} jabatan, 2022 dan 2023 "
                                   f"({2 * instansi} Keputusan)", [("dingin", dingin), ("hangat", hangat)],
                                   {dingin.jumlah: detik_periksa})), flush=True)
            singkirkan(folder)
        if args.sunting:
            print("\n".join(_sunting("Menyunting target satu jabatan saat `mkdocs serve` berjalan (situs sebenarnya)",
                                     asli)), flush=True)
            folder = buat_proyek(kerja / f"sunting-{args.sunting}", args.sunting, args.unit, args.benih)
            if args.tanpa_pdf:
                matikan_pdf(folder)
            print("\n".join(_sunting(f"Menyunting target satu jabatan saat `mkdocs serve` berjalan (N={args.sunting})",
                                     folder)), flush=True)
        print("\n".join(ukur_impor()), flush=True)
    finally:
        shutil.rmtree(kerja / SAMPAH, ignore_errors=True)
        if args.kerja is None:
            shutil.rmtree(kerja, ignore_errors=True)
