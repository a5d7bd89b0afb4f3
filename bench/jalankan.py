"""Benchmark: build the real site on synthetic data of growing size, next to a flat baseline.

    python -m bench                       # N = 40, 500, 2000, 5000; baseline at 500 and 2000
    python -m bench --jumlah 40 200 --pembanding --sunting 0   # quick

For each N it generates a project (bench/sintetis.py), times the checker
(`iki.loader.periksa`), runs the real `mkdocs build --strict` in a subprocess
and measures its wall time and peak memory (RSS), then the built site. The
baseline is the same jabatan as plain Markdown in a flat MkDocs Material site.
With --sunting it also starts `mkdocs serve` (with and without --dirty), edits
one jabatan file and times until the served page shows the change. With --cari
it serves the built site and types queries into the search box in Chromium:
seconds until the search is ready, milliseconds from each query's last
keystroke to its first results.
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
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from iki.loader import LetakData, periksa

from .sintetis import buat_pembanding, buat_proyek, jumlah_unit_bawaan

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
    halaman = [p.stat().st_size for p in (situs / "jabatan").glob("*/index.html")]
    # What a browser downloads to search: the index, and the Indonesian stemmer's word list (iki.pencarian).
    indeks = (situs / "search" / "search_index.json").read_bytes()
    lunr_id = situs / "assets" / "javascripts" / "lunr" / "min" / "lunr.id.min.js"
    kata = lunr_id.read_bytes() if lunr_id.exists() else b""
    return Hasil(jumlah, detik, pemakaian.ru_utime + pemakaian.ru_stime, pemakaian.ru_maxrss / 1024, total / MB,
                 berkas, len(indeks) / MB, len(kata) / MB,
                 (len(gzip.compress(indeks, 6)) + len(gzip.compress(kata, 6))) / MB, max(halaman) / 1024, len(halaman))


def matikan_pdf(proyek: Path) -> None:
    """Turn off the Lampiran PDF (plugin option `pdf_lampiran`): WeasyPrint on thousands of forms
    would dominate the build; --pdf keeps it."""
    konfigurasi = proyek / "mkdocs.yml"
    teks = konfigurasi.read_text(encoding="utf-8")
    assert "\n  - iki\n" in teks, "mkdocs.yml: entri plugin 'iki' tidak ditemukan"
    konfigurasi.write_text(teks.replace("\n  - iki\n", "\n  - iki:\n      pdf_lampiran: false\n"), encoding="utf-8")


def waktu_periksa(proyek: Path) -> float:
    mulai = time.perf_counter()
    _, masalah = periksa(LetakData(proyek))
    detik = time.perf_counter() - mulai
    if masalah:
        sys.exit(f"Data sintetis di {proyek} tidak lolos pemeriksaan: {masalah[:5]}")
    return detik


# -- editing under `mkdocs serve` ----------------------------------------------

# Queries typed for --cari: a name, two words, a duty phrase, a typo.
KUERI_CARI = ("pengelola", "kepala bidang", "laporan keuangan daerah", "koprasi")
CHROMIUM = "/usr/bin/chromium"

_TANDAI = """() => {
  const kotak = document.querySelector('input.md-search__input')
  const daftar = document.querySelector('.md-search-result__list')
  window.__ikiKetik = null; window.__ikiHasil = null
  kotak.addEventListener('keydown', () => { window.__ikiKetik = performance.now(); window.__ikiHasil = null })
  new MutationObserver(() => {
    if (window.__ikiKetik !== null && window.__ikiHasil === null && daftar.children.length)
      window.__ikiHasil = performance.now()
  }).observe(daftar, {childList: true, subtree: true})
}"""


def ukur_cari(situs: Path) -> tuple[float, list[float | None]]:
    """Search in Chromium on the built site, served locally: seconds from opening the home page
    until the search box is ready (index downloaded, lunr index built in the worker), and for each
    query of KUERI_CARI, typed key by key (120 ms apart), the milliseconds from its last keystroke
    until the first results are shown (None: none within 10 minutes)."""
    from playwright.sync_api import TimeoutError as WaktuHabis
    from playwright.sync_api import sync_playwright

    layanan = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_PenyajiDiam, directory=str(situs)))
    threading.Thread(target=layanan.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            peramban = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = peramban.new_page()
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
    def log_message(self, *args) -> None:
        pass


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu(alamat: str, cocok, batas: float) -> float:
    """Poll `alamat` until `cocok(text)`; return the seconds it took."""
    mulai = time.perf_counter()
    while time.perf_counter() - mulai < batas:
        try:
            with urllib.request.urlopen(alamat, timeout=5) as r:
                if cocok(r.read().decode("utf-8")):
                    return time.perf_counter() - mulai
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(alamat)


def ukur_sunting(proyek: Path, kotor: bool) -> tuple[float, float]:
    """Start `mkdocs serve` (--dirty when `kotor`), edit one jabatan, time until the page shows it.
    Returns (first build until served, edit until the served page shows it)."""
    berkas = sorted((proyek / "jabatan").glob("*.md"))[len(list((proyek / "jabatan").glob("*.md"))) // 2]
    port = _port_bebas()
    alamat = f"http://127.0.0.1:{port}/jabatan/{berkas.stem}/"
    catatan = proyek / f"serve{'-dirty' if kotor else ''}.log"
    perintah = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}",
                "-f", str(proyek / "mkdocs.yml")] + (["--dirty"] if kotor else [])
    penanda = f"PENANDA SUNTING {port}"
    with catatan.open("w") as keluaran:
        proses = subprocess.Popen(perintah, cwd=proyek, env=_env(), stdout=keluaran, stderr=subprocess.STDOUT)
    try:
        awal = _tunggu(alamat, lambda _: True, 3600)
        time.sleep(2)  # let the file watcher start
        teks = berkas.read_text(encoding="utf-8")
        berkas.write_text(re.sub(r"(?m)^1\. ", f"1. {penanda} ", teks, count=1), encoding="utf-8")
        sunting = _tunggu(alamat, lambda html: penanda in html, 3600)
        berkas.write_text(teks, encoding="utf-8")
    finally:
        proses.terminate()
        proses.wait(timeout=60)
    return awal, sunting


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


def _tabel(judul: str, hasil: list[Hasil], periksa_detik: dict[int, float] | None = None) -> list[str]:
    kepala = ["N", "bangun (s)", "CPU (s)", "RSS puncak (MB)", "situs (MB)", "berkas", "indeks cari (MB)", "lunr.id (MB)", "unduhan cari, gzip (MB)",
              "halaman jabatan terbesar (KB)"] + (["periksa (s)"] if periksa_detik else [])
    baris = [f"### {judul}", "", "| " + " | ".join(kepala) + " |", "|" + " --- |" * len(kepala)]
    for h in hasil:
        sel = [h.jumlah, f"{h.detik:.1f}", f"{h.cpu:.1f}", f"{h.rss_mb:.0f}", f"{h.situs_mb:.1f}", h.berkas, f"{h.indeks_mb:.2f}", f"{h.lunr_id_mb:.2f}", f"{h.unduhan_cari_gzip_mb:.2f}",
               f"{h.halaman_terbesar_kb:.1f}"] + ([f"{periksa_detik[h.jumlah]:.2f}"] if periksa_detik else [])
        baris.append("| " + " | ".join(map(str, sel)) + " |")
    return baris + [""]


def _rasio(proyek: dict[int, Hasil], pembanding: dict[int, Hasil]) -> list[str]:
    baris = ["### Rasio proyek / pembanding", "",
             "| N | waktu | CPU | RSS | ukuran situs | indeks cari | halaman terbesar |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for n in sorted(set(proyek) & set(pembanding)):
        p, b = proyek[n], pembanding[n]
        baris.append(f"| {n} | {p.detik / b.detik:.2f} (pembanding {b.detik / p.detik:.1f}x lebih lambat) | "
                     f"{p.cpu / b.cpu:.2f} | {p.rss_mb / b.rss_mb:.2f} | {p.situs_mb / b.situs_mb:.3f} ({b.situs_mb / p.situs_mb:.1f}x lebih kecil) | "
                     f"{p.indeks_mb / b.indeks_mb:.2f} | {p.halaman_terbesar_kb / b.halaman_terbesar_kb:.2f} |")
    baris.append("")
    for nama, h in (("proyek", proyek), ("pembanding", pembanding)):
        if 500 in h and 2000 in h:
            baris.append(f"- Faktor pertumbuhan waktu {nama} (N=2000 / N=500): **{h[2000].detik / h[500].detik:.2f}** "
                         f"(CPU: {h[2000].cpu / h[500].cpu:.2f})")
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
    parser.add_argument("--unit", type=int, help="jumlah unit (bawaan: sekitar N/20, sedikitnya 3)")
    parser.add_argument("--kerja", type=Path, help="folder kerja (bawaan: folder sementara yang dihapus di akhir)")
    parser.add_argument("--benih", type=int, default=2022, help="benih acak data sintetis")
    parser.add_argument("--pdf", action="store_true", help="ikut membuat PDF Lampiran (bawaan: dimatikan)")
    args = parser.parse_args(argv)

    kerja = args.kerja or Path(tempfile.mkdtemp(prefix="iki-bench-"))
    try:
        cetak = ["## Mesin", "", *_mesin(), ""]
        print("\n".join(cetak), flush=True)
        proyek: dict[int, Hasil] = {}
        pembanding: dict[int, Hasil] = {}
        periksa_detik: dict[int, float] = {}
        cari: dict[int, tuple[float, list[float | None]]] = {}
        for n in sorted(set(args.jumlah) | set(args.pembanding)):
            folder = buat_proyek(kerja / f"proyek-{n}", n, args.unit, args.benih)
            if not args.pdf:
                matikan_pdf(folder)
            if n in args.jumlah:
                periksa_detik[n] = waktu_periksa(folder)
                proyek[n] = bangun(folder, n)
                assert proyek[n].halaman_jabatan == n, proyek[n]
                print(f"proyek N={n} (unit {args.unit or jumlah_unit_bawaan(n)}): {proyek[n]}", file=sys.stderr, flush=True)
                if n in args.cari:
                    cari[n] = ukur_cari(folder / "site")
                    print(f"pencarian N={n}: {cari[n]}", file=sys.stderr, flush=True)
                shutil.rmtree(folder / "site")
            if n in args.pembanding:
                dasar = buat_pembanding(folder, kerja / f"pembanding-{n}")
                pembanding[n] = bangun(dasar, n)
                print(f"pembanding N={n}: {pembanding[n]}", file=sys.stderr, flush=True)
                shutil.rmtree(dasar)
        laporan = ["## Hasil", "", f"Unit per N: " + ", ".join(f"N={n}: {args.unit or jumlah_unit_bawaan(n)}"
                                                              for n in sorted(proyek)), ""]
        laporan += _tabel("Proyek (situs IKI sebenarnya, `mkdocs build --strict`)", list(proyek.values()), periksa_detik)
        if pembanding:
            laporan += _tabel("Pembanding (Markdown biasa, navigasi datar, Material + search)", list(pembanding.values()))
            laporan += _rasio(proyek, pembanding)
        if cari:
            laporan += ["### Pencarian di Chromium (situs dilayani lokal, kueri diketik 120 ms per tombol)", "",
                        "| N | unduhan cari, gzip (MB) | siap sejak halaman dibuka (s) | "
                        + " | ".join(f"hasil pertama \"{k}\" (ms)" for k in KUERI_CARI) + " |",
                        "|" + " --- |" * (3 + len(KUERI_CARI))]
            for n, (siap, waktu) in sorted(cari.items()):
                laporan.append(f"| {n} | {proyek[n].unduhan_cari_gzip_mb:.2f} | {siap:.1f} | "
                               + " | ".join("> 600000" if w is None else f"{w:.0f}" for w in waktu) + " |")
            laporan.append("")
        print("\n".join(laporan), flush=True)
        if args.sunting:
            folder = buat_proyek(kerja / f"sunting-{args.sunting}", args.sunting, args.unit, args.benih)
            if not args.pdf:
                matikan_pdf(folder)
            baris = [f"### Menyunting satu jabatan saat `mkdocs serve` berjalan (N={args.sunting})", "",
                     "| mode | bangun awal sampai dilayani (s) | simpan berkas sampai halaman berubah (s) |",
                     "| --- | --- | --- |"]
            for kotor in (False, True):
                awal, sunting = ukur_sunting(folder, kotor)
                mode = "`mkdocs serve --dirty`" if kotor else "`mkdocs serve`"
                baris.append(f"| {mode} | {awal:.1f} | {sunting:.1f} |")
            print("\n".join(baris + [""]), flush=True)
    finally:
        if args.kerja is None:
            shutil.rmtree(kerja, ignore_errors=True)
