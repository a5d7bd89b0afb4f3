"""Helpers for the browser tests: the page-type list, a page that records what it
loads and logs, the search box, axe-core. Fixtures stay in conftest.py."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import ROOT

FOLDER = ROOT / "tests" / "peramban"
NODE_MODULES = FOLDER / "node_modules"


def data(nama: str) -> list[dict]:
    return yaml.safe_load((FOLDER / nama).read_text(encoding="utf-8"))


# Every type of page, with what must be on it (tests/peramban/halaman.yml).
JENIS_HALAMAN = data("halaman.yml")


def alat_npm(relatif: str) -> Path:
    """A file of an npm package pinned in tests/peramban/package.json."""
    path = NODE_MODULES / relatif
    if not path.is_file():
        pytest.fail(f"{path} tidak ada: jalankan `npm ci` di folder tests/peramban (lihat README).")
    return path


@dataclass
class Catatan:
    """What one page did: every request, console errors and uncaught exceptions."""

    permintaan: list = field(default_factory=list)
    galat: list[str] = field(default_factory=list)

    def luar(self, alamat_situs: str) -> list[str]:
        host = urlparse(alamat_situs).netloc
        return [r.url for r in self.permintaan if urlparse(r.url).scheme not in ("data", "blob")
                and urlparse(r.url).netloc != host]


@contextlib.contextmanager
def halaman(peramban, **konteks):
    """A fresh page in its own context (empty cache), recording requests and errors."""
    ctx = peramban.new_context(**konteks)
    page = ctx.new_page()
    catatan = Catatan()
    page.on("request", lambda r: catatan.permintaan.append(r))
    page.on("console", lambda m: m.type == "error" and catatan.galat.append(f"console: {m.text} [{m.location['url']}]"))
    page.on("pageerror", lambda e: catatan.galat.append(f"pageerror: {e}"))
    try:
        yield page, catatan
    finally:
        ctx.close()


def axe(page) -> list[dict]:
    """Serious and critical axe-core violations of the page as it is now."""
    # Evaluated, not added as a <script> element: the site's CSP refuses inline scripts.
    page.evaluate(alat_npm("axe-core/axe.min.js").read_text(encoding="utf-8"))
    hasil = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [v for v in hasil if v["impact"] in ("serious", "critical")]


def uraian_axe(pelanggaran: list[dict]) -> str:
    return "\n".join(
        f"  - {v['id']} ({v['impact']}): {v['help']}; contoh: "
        + "; ".join(json.dumps(n["target"]) for n in v["nodes"][:3])
        for v in pelanggaran
    )


# -- the search box -------------------------------------------------------------

# Installed before any script of the page: counts what the page asks the search worker and what
# the worker answers (Material's messages: 1 the index is ready, 2 a query, 3 the results of one),
# and keeps the first result of the last answer. The worker answers every query it is sent, in
# order (queries typed while it is busy wait, and only the newest is sent: assets/antre-cari.js);
# the page draws the list from each answer. The list shows the last query's results once the
# answers have caught up with the queries and its first entry is the last answer's first result.
# Waiting for that is waiting for events, not for the list to stay still a while.
_PEKERJA = """(() => {
  const p = window.__ikiPencarian = {siap: false, kueri: 0, jawaban: 0, terakhir: null, pertama: null}
  const Asli = window.Worker
  window.Worker = class extends Asli {
    constructor(...argumen) {
      super(...argumen)
      this.addEventListener('message', e => {
        if (e.data && e.data.type === 1) p.siap = true
        if (e.data && e.data.type === 3) {
          p.jawaban += 1
          const hasil = e.data.data.items
          p.pertama = hasil.length ? hasil[0][0].location : null
        }
      })
    }
    postMessage(pesan, ...lain) {
      if (pesan && pesan.type === 2) { p.kueri += 1; p.terakhir = pesan.data }
      return super.postMessage(pesan, ...lain)
    }
  }
})()"""
# The results of `kueri` are on the screen: it was the last query, every query has its answer, and
# the list begins with the page of the last answer's first result (or is empty with it).
_TERJAWAB = """kueri => { const p = window.__ikiPencarian
  if (p.terakhir !== kueri || p.jawaban !== p.kueri) return false
  const awal = document.querySelector('.md-search-result__item .md-search-result__link')
  return p.pertama === null ? awal === null
    : awal !== null && new URL(awal.href).pathname === new URL(p.pertama, document.baseURI).pathname }"""


def siapkan_pencarian(page, alamat_situs: str) -> None:
    """Open the site with the search worker watched, once its index is ready, and focus the search box."""
    page.add_init_script(_PEKERJA)
    page.goto(alamat_situs)
    page.wait_for_function("() => window.__ikiPencarian.siap", timeout=30_000)
    page.locator("input.md-search__input").click()


def cari(page, alamat_situs: str, kueri: str) -> list[str]:
    """Type a query into the real search box, key by key; the pages of the results in
    their order (site-relative paths), once the worker has answered the whole query."""
    kotak = page.locator("input.md-search__input")
    kotak.fill("")
    kotak.press_sequentially(kueri)
    page.wait_for_function(_TERJAWAB, arg=kueri, timeout=10_000)
    hasil = page.eval_on_selector_all(
        ".md-search-result__item", "items => items.map(i => i.querySelector('.md-search-result__link').href)")
    return [urlparse(a).path.removeprefix(urlparse(alamat_situs).path) for a in hasil]
