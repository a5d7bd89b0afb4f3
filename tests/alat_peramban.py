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

# Results are ready when the list has not changed for 250 ms and holds the first five
# of the count it announces ("12 dokumen ditemukan", "Tidak ada dokumen yang sesuai").
_SIAP = """() => {
  const meta = document.querySelector('.md-search-result__meta').textContent
  if (/^(Ketik|Mempersiapkan)/.test(meta) || performance.now() - window.__ikiUbah < 250) return false
  const jumlah = /^Tidak ada/.test(meta) ? 0 : parseInt(meta, 10) || 1
  return document.querySelectorAll('.md-search-result__item').length >= Math.min(jumlah, 5)
}"""


def siapkan_pencarian(page, alamat_situs: str) -> None:
    """Open the site with the search box focused, and watch the result list for changes."""
    page.goto(alamat_situs)
    page.evaluate("""() => {
      window.__ikiUbah = performance.now()
      new MutationObserver(() => { window.__ikiUbah = performance.now() })
        .observe(document.querySelector('.md-search-result'), {subtree: true, childList: true, characterData: true})
    }""")
    page.locator("input.md-search__input").click()


def cari(page, alamat_situs: str, kueri: str) -> list[str]:
    """Type a query into the real search box, key by key; the pages of the results in
    their order (site-relative paths), once the list has stopped changing."""
    kotak = page.locator("input.md-search__input")
    kotak.fill("")
    kotak.press_sequentially(kueri)
    # The worker answers every keystroke; on a busy machine an answer to an earlier prefix can
    # arrive after a quiet spell. Accept the list only when it is the same twice, 400 ms apart.
    hasil = None
    for _ in range(20):
        page.wait_for_function(_SIAP, polling=50, timeout=10_000)
        sekarang = page.eval_on_selector_all(
            ".md-search-result__item", "items => items.map(i => i.querySelector('.md-search-result__link').href)")
        if sekarang == hasil:
            break
        hasil = sekarang
        page.wait_for_timeout(400)
    return [urlparse(a).path.removeprefix(urlparse(alamat_situs).path) for a in hasil]
