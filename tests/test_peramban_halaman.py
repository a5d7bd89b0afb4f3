"""Every page type in a real browser, served by the shipped nginx block: what must be on it,
no request to another host, no console error, no serious or critical axe-core violation,
and the controls listed for it reachable with the Tab key."""

import re

import pytest

from alat_peramban import JENIS_HALAMAN, axe, halaman, uraian_axe

BATAS_TAB = 400


def _teks(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("¶", "")).strip()


@pytest.mark.parametrize("jenis", JENIS_HALAMAN, ids=[j["jenis"] for j in JENIS_HALAMAN])
def test_jenis_halaman(peramban, alamat_situs, jenis):
    nama, alamat = jenis["jenis"], alamat_situs + jenis["alamat"]
    with halaman(peramban) as (page, catatan):
        status = jenis.get("status", 200)
        jawaban = page.goto(alamat, wait_until="networkidle")
        assert jawaban.status == status, f"{nama} ({alamat}): status {jawaban.status}"
        assert _teks(page.locator(".md-content h1").first.inner_text()) == jenis["judul"], f"{nama} ({alamat}): judul h1"
        for pemilih in jenis.get("memuat", []):
            assert page.locator(pemilih).count(), f"{nama} ({alamat}): tidak memuat {pemilih!r}"

        luar = catatan.luar(alamat_situs)
        assert not luar, f"{nama} ({alamat}): permintaan ke host lain:\n  " + "\n  ".join(luar)
        # The browser logs the expected 404 of the page itself as an error; nothing else may fail.
        galat = [g for g in catatan.galat if not (status == 404 and g.endswith(f"[{alamat}]"))]
        assert not galat, f"{nama} ({alamat}): galat di konsol:\n  " + "\n  ".join(galat)

        pelanggaran = axe(page)
        assert not pelanggaran, f"{nama} ({alamat}): pelanggaran aksesibilitas axe-core:\n{uraian_axe(pelanggaran)}"

        belum = list(jenis.get("papan_ketik", []))
        page.locator("body").focus()
        for _ in range(BATAS_TAB):
            if not belum:
                break
            page.keyboard.press("Tab")
            belum = [p for p in belum if not page.evaluate("s => document.activeElement.matches(s)", p)]
        assert not belum, f"{nama} ({alamat}): tidak tercapai dengan tombol Tab: {belum}"
