"""A build over the previous one keeps the HTML of each page whose template is given what it was
given then (iki.mkdocs_pakai_ulang), and renders every other: the site is byte for byte the one a
build into an empty folder without any cache makes, whatever changed in between (data, theme
override, configuration, navigation, the old output itself, the cache)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jinja2
import pytest
from mkdocs.structure.pages import Page

from conftest import BENDAHARA, bangun_di_proses, beda_situs, ganti, isi_situs, salin_proyek
from iki import mkdocs_pakai_ulang
from iki.ekspor import buka_tembolok


@pytest.fixture
def dirender(monkeypatch) -> list[str]:
    """The pages a theme template renders during the builds of a test, by source path."""
    daftar: list[str] = []
    render = jinja2.Template.render

    def catat(self, *args, **kwargs):
        if args and isinstance(args[0], dict) and isinstance(page := args[0].get("page"), Page):
            daftar.append(page.file.src_uri)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Template, "render", catat)
    return daftar


def _bangun(proyek: Path, dirender: list[str], keluaran: Path | None = None) -> set[str]:
    """Build; the pages rendered (not taken from the previous build)."""
    dirender.clear()
    assert (hasil := bangun_di_proses(proyek, keluaran)).returncode == 0, hasil.stderr[-3000:]
    return set(dirender)


def _sama_dengan_build_baru(proyek: Path, tmp_path: Path, dirender: list[str]) -> None:
    """The site equals a build of the same project into an empty folder, with no cache at all."""
    salinan = tmp_path / "salinan"
    shutil.rmtree(salinan, ignore_errors=True)
    shutil.copytree(proyek, salinan, ignore=shutil.ignore_patterns("site", ".tembolok"))
    _bangun(salinan, dirender)
    assert beda_situs(isi_situs(salinan / "site"), isi_situs(proyek / "site")) == []


def test_halaman_yang_tidak_berubah_dipakai_ulang_yang_berubah_dibuat_ulang(tmp_path, dirender):
    proyek = salin_proyek(tmp_path / "proyek")
    semua = _bangun(proyek, dirender)
    assert len(semua) >= 20 and "jabatan/bendahara.md" in semua
    # Nothing changed: no page is rendered, and the site is the same.
    sebelum = isi_situs(proyek / "site")
    assert _bangun(proyek, dirender) == set()
    assert isi_situs(proyek / "site") == sebelum
    # One target: its jabatan page and the pages that show it, no other.
    ganti(proyek, BENDAHARA, "target: 100", "target: 99")
    berubah = _bangun(proyek, dirender)
    assert "jabatan/bendahara.md" in berubah and "index.md" not in berubah
    assert len(berubah) < len(semua) / 2
    assert "99%" in (proyek / "site" / "jabatan" / "bendahara" / "index.html").read_text(encoding="utf-8")
    _sama_dengan_build_baru(proyek, tmp_path, dirender)


@pytest.mark.parametrize(("berkas", "lama", "baru", "terlihat"), [
    # A theme override: every page.
    ("overrides/main.html", "{% block extrahead %}\n  {{ super() }}",
     "{% block extrahead %}\n  {{ super() }}<meta name=\"uji-tema\" content=\"1\">", 'name="uji-tema"'),
    # The configuration: every page.
    ("mkdocs.yml", "\ncopyright: ", "\ncopyright: Uji Hak Cipta ", "Uji Hak Cipta"),
    # A jabatan's name is in the navigation of every page.
    (BENDAHARA, "nama: Bendahara", "nama: Bendahara Uji", "Bendahara Uji"),
])
def test_perubahan_yang_dibaca_setiap_halaman_membuat_ulang_semuanya(tmp_path, dirender, berkas, lama, baru,
                                                                      terlihat):
    proyek = salin_proyek(tmp_path / "proyek")
    semua = _bangun(proyek, dirender)
    ganti(proyek, berkas, lama, baru)
    assert _bangun(proyek, dirender) == semua
    assert terlihat in (proyek / "site" / "index.html").read_text(encoding="utf-8")
    _sama_dengan_build_baru(proyek, tmp_path, dirender)


def test_urutan_peta_konfigurasi_masuk_kunci(tmp_path, dirender):
    """Material loops over some mappings of the configuration in their order (the admonition icons):
    the same keys in another order is another input."""
    proyek = salin_proyek(tmp_path / "proyek")
    ikon = ["      note: octicons/tag-16\n", "      abstract: octicons/checklist-16\n"]
    ganti(proyek, "mkdocs.yml", "  language: id\n", "  language: id\n  icon:\n    admonition:\n" + "".join(ikon))
    semua = _bangun(proyek, dirender)
    ganti(proyek, "mkdocs.yml", "".join(ikon), "".join(reversed(ikon)))
    assert _bangun(proyek, dirender) == semua
    _sama_dengan_build_baru(proyek, tmp_path, dirender)


def test_yang_tidak_dapat_dikunci_selalu_dirender(tmp_path, dirender):
    """A configuration holding what the key cannot hold (a hook module) or a plugin that changes pages
    after they are rendered: every page is rendered, every build."""
    proyek = salin_proyek(tmp_path / "proyek")
    (proyek / "kait.py").write_text("def on_post_page(output, **kwargs):\n    return output\n", encoding="utf-8")
    ganti(proyek, "mkdocs.yml", "\ncopyright: ", "\nhooks:\n  - kait.py\ncopyright: ")
    semua = _bangun(proyek, dirender)
    assert _bangun(proyek, dirender) == semua
    _sama_dengan_build_baru(proyek, tmp_path, dirender)


def test_html_lama_yang_berubah_atau_daftar_rusak_tidak_dipakai(tmp_path, dirender):
    proyek = salin_proyek(tmp_path / "proyek")
    _bangun(proyek, dirender)
    beranda = proyek / "site" / "index.html"
    asli = beranda.read_bytes()
    beranda.write_bytes(asli.replace(b"</body>", b"<p>disisipkan</p></body>"))
    assert _bangun(proyek, dirender) == {"index.md"}
    assert beranda.read_bytes() == asli
    # The list of the pages cut short: read as no list, every page rendered, nothing published from it.
    tembolok = buka_tembolok(proyek)
    folder = os.path.abspath(proyek / "site").encode()
    daftar = tembolok.baca(mkdocs_pakai_ulang.HALAMAN, folder)
    assert daftar is not None
    path = next(p for p in (proyek / ".tembolok").rglob("*") if p.is_file() and p.read_bytes().endswith(daftar))
    path.write_bytes(path.read_bytes()[:-10])
    assert len(_bangun(proyek, dirender)) >= 20
    _sama_dengan_build_baru(proyek, tmp_path, dirender)


def test_serve_memakai_ulang_halaman_dari_memori(tmp_path, dirender, monkeypatch):
    """`mkdocs serve` builds again after every edit, with the same plugin, into a folder MkDocs empties
    first: the HTML of a page given what it was given last time comes from memory, and every page is
    what a build with nothing kept writes."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from iki import ekspor
    from iki.mkdocs_pakai_ulang import DiMemori

    # The downloads an edit changed are finished in the build's thread, not in the background.
    monkeypatch.setattr(ekspor.DaftarUnduhan, "selesaikan_di_latar", lambda self: self.sisa and self.sisa())
    proyek = salin_proyek(tmp_path / "proyek")
    situs = tmp_path / "serve"
    monkeypatch.chdir(proyek)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")

    def bangun_serve(kosongkan: bool = False) -> set[str]:
        dirender.clear()
        config = load_config(config_file=str(proyek / "mkdocs.yml"), site_dir=str(situs))
        config.site_url = "http://127.0.0.1:8000/"
        plugin = config.plugins["iki"]
        if kosongkan:
            plugin._html_serve = DiMemori()
        build(config, serve_url=config.site_url)
        return set(dirender)

    def html_situs() -> dict[str, bytes]:  # the pages (the downloads are made after them, from the cache)
        return {n: isi for n, isi in isi_situs(situs).items() if n.endswith(".html")}

    config = load_config(config_file=str(proyek / "mkdocs.yml"), site_dir=str(situs))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        semua = bangun_serve()
        # The downloads page says at first that they are being made; once made they are taken from the cache.
        assert len(semua) >= 20 and bangun_serve() <= {"unduh.md"}
        halaman = html_situs()
        assert bangun_serve() == set()
        assert html_situs() == halaman
        ganti(proyek, BENDAHARA, "target: 100", "target: 99")
        berubah = bangun_serve()
        assert "jabatan/bendahara.md" in berubah and len(berubah) < len(semua) / 2
        assert bangun_serve() <= {"unduh.md"}
        dari_memori = html_situs()
        assert "99%" in dari_memori["jabatan/bendahara/index.html"].decode("utf-8")
        assert bangun_serve(kosongkan=True) == semua
        assert beda_situs(html_situs(), dari_memori) == []
    finally:
        config.plugins.on_shutdown()
