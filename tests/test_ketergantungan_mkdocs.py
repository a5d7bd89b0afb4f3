"""Guards of the MkDocs and Material internals that the `iki.mkdocs_*` modules and the theme
overrides lean on. Each module's docstring names the internals it relies on and the pinned versions;
each test here fails when one of them changes (an upgrade of mkdocs or mkdocs-material, or a move to
an engine that continues MkDocs), and says which module or override to revisit. No site is built."""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
from importlib import metadata, resources
from pathlib import Path
from types import ModuleType, SimpleNamespace

import jinja2
import markdown
import material
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_cari
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.commands import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section, get_navigation
from mkdocs.structure.pages import Page

from iki import (mkdocs_berkas, mkdocs_kerangka, mkdocs_navigasi, mkdocs_pakai_ulang, mkdocs_pantau,
                 mkdocs_pencarian, mkdocs_pengurai_cari, mkdocs_simpan_html, mkdocs_tema, mkdocs_timpa, pencarian)
from iki.render import AKHIR_HTML, AWAL_HTML
from iki.simpan_html import TUNDA, SimpanHTML

from conftest import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
MODUL = [mkdocs_berkas, mkdocs_navigasi, mkdocs_simpan_html, mkdocs_pencarian, mkdocs_tema, mkdocs_pantau, mkdocs_timpa,
         mkdocs_pakai_ulang, mkdocs_kerangka, mkdocs_pengurai_cari]


def _terkunci() -> dict[str, str]:
    baris = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return {m[1].lower(): m[2] for b in baris if (m := re.fullmatch(r"([\w.-]+)==(\S+)", b.strip()))}


def _konfigurasi(tmp_path: Path, **lain) -> MkDocsConfig:
    """A validated MkDocs configuration with Material, its docs and site folders in tmp_path."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "Uji", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site"),
                      "theme": {"name": "material"}, **lain})
    gagal, peringatan = config.validate()
    assert not gagal, gagal
    config.plugins._current_plugin = "iki"  # as while a plugin's event runs, where File.generated is called
    return config


# -- every module names the versions it was written against ------------------------------------

@pytest.mark.parametrize("modul", MODUL, ids=lambda m: m.__name__)
def test_modul_menyebut_versi_yang_terpasang(modul: ModuleType):
    doc = modul.__doc__ or ""
    disebut = dict(re.findall(r"\b(mkdocs(?:-material)?)==([\w.]+)", doc))
    assert disebut, f"{modul.__name__}: the docstring names no pinned version of what it relies on"
    terkunci = _terkunci()
    for nama, versi in disebut.items():
        assert versi == terkunci[nama] == metadata.version(nama), (
            f"{modul.__name__} was written against {nama}=={versi}; requirements.txt pins {terkunci[nama]}, "
            f"{metadata.version(nama)} is installed: check the internals its docstring names, then update it")
    assert "tests/test_ketergantungan_mkdocs.py" in doc


# -- iki.mkdocs_berkas: File.is_modified under --dirty ----------------------------------------

def test_berkas_is_modified_dipakai_build_dirty():
    assert list(inspect.signature(File.is_modified).parameters) == ["self"]
    assert "is_modified" in vars(mkdocs_berkas.HalamanData)
    for fungsi in (build._populate_page, build._build_page):
        assert "if dirty and not page.file.is_modified():" in inspect.getsource(fungsi), fungsi.__name__


def test_berkas_halaman_data_dibangun_ulang_bila_datanya_lebih_baru(tmp_path):
    config = _konfigurasi(tmp_path)
    data = tmp_path / "data.yml"
    data.write_text("x", encoding="utf-8")
    berkas = mkdocs_berkas.HalamanData.generated(config, "jabatan/a.md", content="")
    berkas.halaman = SimpleNamespace(sumber=[data])  # type: ignore[assignment]
    assert berkas.is_modified()  # never written
    tujuan = Path(berkas.abs_dest_path)
    tujuan.parent.mkdir(parents=True)
    tujuan.write_text("", encoding="utf-8")
    waktu = data.stat().st_mtime
    os.utime(tujuan, (waktu + 10, waktu + 10))
    assert not berkas.is_modified()
    os.utime(data, (waktu + 20, waktu + 20))
    assert berkas.is_modified()


# -- iki.mkdocs_navigasi: navigation.prune and a navigation made by hand ----------------------

def test_navigasi_material_memangkas_dan_membaca_nav_items():
    assert f'"{mkdocs_navigasi.FITUR}" in features' in (MATERIAL / "partials" / "nav-item.html").read_text()
    assert "{% for nav_item in nav.items %}" in (MATERIAL / "partials" / "nav.html").read_text()


def test_navigasi_ringkas_pada_navigasi_buatan_mkdocs(tmp_path):
    nav = [{"Beranda": "index.md"},
           {"Unit Kerja": ["unit/index.md",
                           {"Unit A": ["unit/a/index.md", "jabatan/a1.md"]},
                           {"Unit B": ["unit/b/index.md", "jabatan/b1.md"]}]}]
    config = _konfigurasi(tmp_path, nav=nav)
    files = Files([File.generated(config, s, content="# x\n") for s in
                   ("index.md", "unit/index.md", "unit/a/index.md", "jabatan/a1.md", "unit/b/index.md", "jabatan/b1.md")])
    navigasi = get_navigation(files, config)
    ringkasan = mkdocs_navigasi.NavigasiRingkas(config, "Unit Kerja")
    assert mkdocs_navigasi.FITUR in config.theme["features"]
    ringkasan.catat(navigasi)
    # The template context holds MkDocs' navigation as `nav`, which on_page_context replaces.
    assert build.get_context(navigasi, files, config)["nav"] is navigasi

    halaman = files.get_file_from_path("jabatan/a1.md").page
    ringkas = ringkasan.untuk(halaman, navigasi)
    beranda, unit_kerja = ringkas.items
    assert isinstance(unit_kerja, Section) and unit_kerja.active and unit_kerja.parent is None
    assert [getattr(x, "title", None) for x in unit_kerja.children] == [None, "Unit A"]
    assert unit_kerja.children[0].file.src_uri == "unit/index.md"
    assert [x.file.src_uri for x in unit_kerja.children[1].children] == ["unit/a/index.md", "jabatan/a1.md"]
    # MkDocs' own navigation is left as it was, and a page outside the units gets it whole.
    assert len(navigasi.items[1].children) == 3
    assert ringkasan.untuk(files.get_file_from_path("index.md").page, navigasi) is None


# -- iki.mkdocs_simpan_html: the anchors MkDocs collects, the content Material indexes --------

def _prioritas(md: markdown.Markdown) -> dict[str, float]:
    return {b.name: b.priority for b in md.preprocessors._priority}


def test_simpan_html_sebelum_pengumpul_id_mkdocs():
    md = markdown.Markdown(extensions=[SimpanHTML()])
    mkdocs_pages._RawHTMLPreprocessor()._register(md)
    prioritas = _prioritas(md)
    assert prioritas["iki_simpan_html"] > prioritas["mkdocs_raw_html"] > prioritas["html_block"]


def test_simpan_html_present_anchor_ids(tmp_path):
    assert "present_anchor_ids" in Page.__annotations__
    assert "self.present_anchor_ids = (" in inspect.getsource(Page.render)
    assert "anchor in page.present_anchor_ids" in inspect.getsource(Page.validate_anchor_links)

    config = _konfigurasi(tmp_path)
    tersimpan = mkdocs_simpan_html.HTMLTersimpan(config)
    assert config.markdown_extensions[-1] is tersimpan.ekstensi
    berkas = File.generated(config, "a.md", content=f"# A\n\n{AWAL_HTML}\n<div id=\"baris-1\">x</div>\n{AKHIR_HTML}\n")
    halaman = Page(None, berkas, config)
    halaman.read_source(config)
    halaman.render(config, Files([berkas]))
    # MkDocs does not see the stored HTML's ids; the module gives them to it.
    assert "baris-1" not in halaman.present_anchor_ids and 'id="baris-1"' in halaman.content
    tersimpan.setelah_render(halaman)
    assert {"a", "baris-1"} <= halaman.present_anchor_ids


# -- iki.mkdocs_kerangka: a generated page converted as its shape ------------------------------

def test_kerangka_render_sesudah_page_markdown_mengisi_hasilnya_saja(tmp_path):
    sumber = inspect.getsource(build._populate_page)
    urutan = [sumber.index(s) for s in ("page.markdown = config.plugins.on_page_markdown(",
                                        "page.render(config, files)", "config.plugins.on_page_content(")]
    assert urutan == sorted(urutan)
    # Page.render sets these attributes of the page, and nothing else: the module sets the same.
    config = _konfigurasi(tmp_path, markdown_extensions=["toc"])
    berkas = File.generated(config, "a.md", content="# A\n\n## B\n\n[ke B](#b) <span id=\"c\"></span>\n")
    halaman = Page(None, berkas, config)
    halaman.read_source(config)
    sebelum = dict(vars(halaman))
    halaman.render(config, Files([berkas]))
    assert {k for k, v in vars(halaman).items() if k not in sebelum or sebelum[k] is not v} == {
        "content", "toc", "_title_from_render", "present_anchor_ids", "links_to_anchors"}
    # A link to the page's own anchor is recorded under the page's own file.
    assert halaman.links_to_anchors == {berkas: {"b": "#b"}} and halaman._title_from_render == "A"
    assert halaman.present_anchor_ids == {"a", "b", "c"}


_TUGAS = "## Tugas { #tugas }"  # a heading of the templates


@pytest.mark.parametrize("teks, ekstensi, cepat", [
    (f'<div id="a">satu</div>\n{_TUGAS}\n<ol><li data-search-exclude x="1">dua</li></ol>', [], True),
    # A block Markdown's raw HTML postprocessor does not take for block-level ("div\nclass" is its tag).
    (f'<div\nclass="a">satu</div>\n{_TUGAS}\n<div>dua</div>', [], False),
    # What Python-Markdown's whitespace normaliser changes before SimpanHTML sees it.
    (f"<div>satu\r\ndua</div>\n{_TUGAS}\n<div>tiga</div>", [], False),
    (f"<div>satu\x02dua</div>\n{_TUGAS}\n<div>tiga</div>", [], False),
    (f"<div>satu\n   \ndua</div>\n{_TUGAS}\n<div>tiga</div>", [], False),
    (f"<div>satu\tdua</div>\n{_TUGAS}\n<div>tiga</div>", [], False),
    # A preprocessor before SimpanHTML, a postprocessor that sees the stored HTML.
    (f"<div>satu</div>\n{_TUGAS}\n<div>dua</div>", ["pymdownx.snippets"], False),
    (f"<div>satu<!-- x --></div>\n{_TUGAS}\n<div>dua</div>", ["pymdownx.striphtml"], False),
    # A heading that links to another page: MkDocs rewrites the link for each page.
    ("<div>satu</div>\n## Lihat [b](b.md)\n<div>dua</div>", [], False),
])
def test_kerangka_sama_dengan_page_render(tmp_path, monkeypatch, teks, ekstensi, cepat):
    """iki.mkdocs_kerangka gives what Page.render gives (content, table of contents, anchors, links,
    title, and what SimpanHTML leaves for on_page_content), and converts the page from its shape
    only where that is certain."""
    from iki.mkdocs_kerangka import Kerangka
    from iki.simpan_html import PENANDA

    config = _konfigurasi(tmp_path, markdown_extensions=["toc", "attr_list", *ekstensi])
    tersimpan = mkdocs_simpan_html.HTMLTersimpan(config)
    tersimpan.ekstensi.judul = tersimpan.ekstensi.judul | {"## Lihat [b](b.md)"}
    utuh: list[str] = []
    render = Page.render
    monkeypatch.setattr(Page, "render", lambda page, *a: (utuh.append(page.file.src_uri), render(page, *a))[1]
                        if "data-iki-kerangka" not in (page.markdown or "") else render(page, *a))
    hasil = []
    for lewat_kerangka in (True, False):
        berkas = File.generated(config, f"{lewat_kerangka}/a.md", content=f"{PENANDA}\n{teks}")
        lain = File.generated(config, f"{lewat_kerangka}/b.md", content="# B\n")
        halaman = Page(None, berkas, config)
        halaman.read_source(config)
        halaman.markdown = f"{PENANDA}\n{teks}"  # as on_page_markdown gives it (read_source joins "\r\n")
        if lewat_kerangka:
            Kerangka(tersimpan.ekstensi).render(halaman, config, Files([berkas, lain]))
        else:
            halaman.render(config, Files([berkas, lain]))
        hasil.append([halaman.content, [(a.id, a.title, a.level) for a in halaman.toc], halaman.present_anchor_ids,
                      halaman._title_from_render, {f.name: v for f, v in (halaman.links_to_anchors or {}).items()},
                      set(tersimpan.ekstensi.id_terakhir), list(tersimpan.ekstensi.tunda)])
    assert hasil[0] == hasil[1]
    assert ("True/a.md" not in utuh) is cepat


@settings(max_examples=1500, deadline=None)
@given(teks=st.text(alphabet="\t\r\x02\x03 \na<", max_size=12))
def test_kerangka_tahu_yang_diubah_penormal_spasi(teks):
    """A page is converted from its shape only where Python-Markdown's NormalizeWhitespace leaves
    its text as it is (but for the blank lines it adds at the end)."""
    from markdown import Markdown
    from markdown.preprocessors import NormalizeWhitespace

    hasil = "\n".join(NormalizeWhitespace(Markdown()).run(teks.split("\n")))
    assert mkdocs_kerangka.dinormalkan(teks) == (hasil != f"{teks}\n\n")


def _indeks(konten: str) -> list[dict]:
    indeks = SearchIndex(lang=["id"], separator=r"[\s\-]+", pipeline=[], fields={})
    indeks.add_entry_from_context(SimpleNamespace(meta={}, content=konten, toc=[], url="a/", title="A"))
    return json.loads(indeks.generate_search_index(None))["docs"]


def test_simpan_html_material_mengindeks_page_content_tanpa_yang_dikecualikan():
    pada_konteks = inspect.getsource(SearchPlugin.on_page_context)
    assert "add_entry_from_context(page)" in pada_konteks and "def on_page_context(self" in pada_konteks
    dikecualikan = '<div class="x" data-search-exclude><p>bagan <b>besar</b></p></div>'
    isi = '<h1 id="a">Judul</h1><p>tugas pokok</p>{}<p>akhir</p>'
    # What SimpanHTML cuts out (TUNDA) is what Material would skip anyway.
    assert _indeks(isi.format(dikecualikan)) == _indeks(isi.format("<!-- iki: tunda 0 -->")) == _indeks(isi.format(""))
    assert TUNDA.fullmatch("<!-- iki: tunda 0 -->")


# -- iki.mkdocs_pencarian: Material's index, its worker, the lunr it bundles ------------------

def test_pencarian_indeks_ditulis_material_sesudah_halaman():
    sumber = inspect.getsource(SearchPlugin.on_post_build)
    assert 'os.path.join(config.site_dir, "search")' in sumber and '"search_index.json"' in sumber
    assert mkdocs_pencarian.INDEKS == Path("search", "search_index.json")
    indeks = json.loads(json.dumps({"config": {"lang": ["id"], "separator": "x", "pipeline": [], "fields": {}},
                                    "docs": _indeks('<h1 id="a">Koperasi</h1><p>perkoperasian</p>')}))
    assert set(indeks["config"]) == {"lang", "separator", "pipeline", "fields"}
    assert set(indeks["docs"][0]) == {"location", "title", "text"}
    baru, skrip = pencarian.lengkapi_indeks(indeks, [], [], {"a/": ["Unit"]})
    assert baru["config"]["lang"] == [pencarian.BAHASA] and baru["docs"][0]["tags"] == ["Unit"]
    assert "lunr.Index.prototype.query" in skrip


def test_pencarian_entri_halaman_hanya_dari_yang_dikunci():
    """mkdocs_pencarian.EntriPencarian keys a page's entries by what Material's indexing reads of it
    (the page's content, toc, url, title and meta's search, tags and title; of the toc's items their
    id, url and children), and makes them from that alone, with a SearchIndex of its own: made
    from the plugin's configuration, it holds nothing else. Material writes the index from
    `entries` in its on_post_build."""
    assert "self.search_index = SearchIndex(**self.config)" in inspect.getsource(SearchPlugin.on_config)
    assert "self.search_index.generate_search_index(" in inspect.getsource(SearchPlugin.on_post_build)
    sumber = inspect.getsource(SearchIndex.add_entry_from_context) + inspect.getsource(
        SearchIndex.create_entry_for_section)
    assert set(re.findall(r"\bpage\.(\w+)", sumber)) == {"meta", "content", "toc", "url", "title"}
    assert set(re.findall(r"page\.meta\.get\(\"(\w+)\"", sumber)) == {"search", "tags", "title"}
    assert "self.entries.append(entry)" in sumber and "def add_entry_from_context(self, page)" in sumber
    assert re.findall(r"\bitem\.(\w+)", sumber) == ["url"] and "self._find_toc_by_id(toc, section.id)" in sumber
    assert set(re.findall(r"\btoc_item\.(\w+)", inspect.getsource(SearchIndex._find_toc_by_id))) == {"id", "children"}
    awal = inspect.getsource(SearchIndex.__init__)
    assert set(re.findall(r"self\.(\w+) *=", awal)) == {"config", "entries"} and "self.entries = []" in awal


def _naskah_pekerja() -> str:
    (pekerja,) = (MATERIAL / "assets" / "javascripts" / "workers").glob("search.*.min.js")
    return pekerja.read_text(encoding="utf-8")


# What iki/templates/lunr.id.js uses of the lunr bundled in Material's worker: each name is in both.
LUNR = ["Index.prototype.query", "Query.presence.OPTIONAL", "Query.wildcard.NONE", "TokenSet.fromClause",
        "Pipeline.registerFunction", "invertedIndex", "tokenSet", "fieldVectors", "searchPipeline", "usePipeline",
        "editDistance", "clauses"]


def test_pencarian_pekerja_memuat_plugin_bahasa():
    pekerja = _naskah_pekerja()
    # Language plugins are loaded from lunr/min/ beside the workers' folder, after the stemmer support.
    assert re.search(r'let \w+="\.\./lunr";', pekerja)
    assert re.search(r"\w+!==\"en\"&&\w+\.push\(`\$\{\w+\}/min/lunr\.\$\{\w+\}\.min\.js`\)", pekerja)
    assert "/min/lunr.stemmer.support.min.js`" in pekerja
    # A single language other than English: lunr[lang] is handed to the index builder.
    assert re.search(r"\.use\(lunr\[\w+\.lang\[0\]\]\)", pekerja)
    folder = MATERIAL / mkdocs_pencarian.SKRIP_BAHASA.parent
    assert (folder / "lunr.stemmer.support.min.js").is_file()
    assert not (MATERIAL / mkdocs_pencarian.SKRIP_BAHASA).exists()  # nothing of Material's is replaced


def test_pencarian_lunr_yang_dipakai_lunr_id():
    templat = (resources.files("iki") / "templates" / "lunr.id.js").read_text(encoding="utf-8")
    pekerja = _naskah_pekerja()
    assert [n for n in LUNR if n not in templat] == []
    assert [n for n in LUNR if n not in pekerja] == []
    # The query method lunr.id.js wraps is defined once, as a plain function.
    assert len(re.findall(r"\bIndex\.prototype\.query=function\(", pekerja)) == 1
    # Positions are kept, as (block << 20 | token) in Material's tokenizer: lunr.id.js reads them so.
    assert 'metadataWhitelist=["position"]' in pekerja and re.search(r"position:\w+<<20\|", pekerja)
    assert "& 1048575" in templat and ">>> 20" in templat


def test_pencarian_pesan_kueri_dan_jawaban_untuk_antre_cari():
    """docs/assets/antre-cari.js holds back queries on their way to Material's search worker: the
    bundle sends each one as {type: 2, data} through the Worker's postMessage, looked up at each call,
    and the worker answers each, an invalid one too, with {type: 3} (else the queue would wait for ever)."""
    (bundel,) = (MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")
    naskah = bundel.read_text(encoding="utf-8")
    assert re.search(r"\.next\(\{type:2,data:\w+\}\)", naskah)
    assert re.search(r"function \w+\((\w+)\)\{let \w+=new \w+;return \w+\.subscribe\((\w+)=>\1\.postMessage\(\2\)\)", naskah)
    assert re.search(r"new Worker\(\w+\)", naskah)
    pekerja = _naskah_pekerja()
    assert re.search(r"case 2:let (\w+)=\w+\.data;try\{return\{type:3,data:\w+\.search\(\1\)\}\}catch\(\w+\)\{return.*?"
                     r"\{type:3,data:\{items:\[\]\}\}", pekerja)
    antre = (ROOT / "docs" / "assets" / "antre-cari.js").read_text(encoding="utf-8")
    assert "KUERI = 2, JAWABAN = 3" in antre and "mkdocs-material 9.8.1" in antre


# -- iki.mkdocs_pengurai_cari: Material's parser of a page's HTML, and a faster one -------------

_SUMBER_CARI = re.compile(r"Upstream: (mkdocs-material)==(\S+) ([\w.]+) sha256:([0-9a-f]{64})")


@pytest.mark.parametrize("asal", _SUMBER_CARI.findall(mkdocs_pengurai_cari.__doc__ or ""), ids=lambda a: a[2])
def test_pengurai_cari_sumber_material_tidak_berubah(asal):
    paket, versi, nama, sidik = asal
    assert versi == _terkunci()[paket] == metadata.version(paket)
    obj = material_cari
    for bagian in nama.split("."):
        obj = getattr(obj, bagian)
    assert hashlib.sha256(inspect.getsource(obj).encode("utf-8")).hexdigest() == sidik, (
        f"Material's {nama} changed since iki/mkdocs_pengurai_cari.py mirrored it: compare the two, carry the "
        "change over, then update its Upstream line")


def test_pengurai_cari_menyebut_semua_yang_dicerminkan():
    nama = {a[2] for a in _SUMBER_CARI.findall(mkdocs_pengurai_cari.__doc__ or "")}
    assert nama == {"SearchIndex.add_entry_from_context", "Parser", "Element", "Section"}


_TAG_CARI = ["h1", "h2", "h3", "h6", "hx", "p", "pre", "code", "li", "ol", "ul", "sub", "sup", "div", "span", "a",
             "script", "style", "object", "br", "img", "table", "td"]
_ATRIBUT_CARI = ["", ' id="a"', ' id="b"', ' class="headerlink"', ' class="linenodiv"', " data-search-exclude",
                 ' class="x" data-search-exclude', ' id="c" data-search-exclude', ' href="#a" class="headerlink"',
                 ' class="linenodiv" class="x"', " id"]
_TEKS_CARI = st.one_of(st.sampled_from(["a", " ", "\n", " \n\t ", "teks\npanjang", "x &amp; y", "&lt;b&gt;", "<",
                                         "&", "é", "<!-- k -->", "<!doctype html>", "]]>", "&para;"]),
                       st.text(max_size=4))
# Elements nested in elements, and stray open and close tags among them: headings with and without
# id inside other elements, excluded elements inside excluded ones of the same tag, text with
# newlines, references and stray markup.
HTML_ACAK = st.lists(st.one_of(
    st.recursive(_TEKS_CARI, lambda anak: st.builds(
        lambda tag, atribut, isi: f"<{tag}{atribut}>{''.join(isi)}</{tag}>",
        st.sampled_from(_TAG_CARI), st.sampled_from(_ATRIBUT_CARI), st.lists(anak, max_size=4)), max_leaves=25),
    st.builds("<{}{}>".format, st.sampled_from(_TAG_CARI), st.sampled_from(_ATRIBUT_CARI)),
    st.builds("</{}>".format, st.sampled_from(_TAG_CARI)),
    st.builds("<{}{}/>".format, st.sampled_from(_TAG_CARI), st.sampled_from(_ATRIBUT_CARI)),
), max_size=12).map("".join)


def _bagian_cari(kelas: type, html: str) -> object:
    """The sections a parser finds in `html`, all it keeps of each; or the error it raised."""
    pengurai = kelas()
    try:
        pengurai.feed(html)
        pengurai.close()
    except Exception as galat:  # Material's own errors (a kept tag closed inside its section's title...)
        return ("galat", type(galat).__name__, str(galat))
    return [(b.el.tag, b.el.attrs, b.depth, b.id, b.title, b.text, b.is_excluded()) for b in pengurai.data]


@settings(max_examples=1500, derandomize=True, deadline=None, database=None)
@given(html=HTML_ACAK)
def test_pengurai_cari_sama_dengan_parser_material(html):
    assert _bagian_cari(mkdocs_pengurai_cari.PenguraiCari, html) == _bagian_cari(material_cari.Parser, html)


def test_pengurai_cari_pada_contoh_yang_menyimpang():
    """Material's quirks the faster parser keeps: an element inside an excluded one of the same tag
    ends the skipping at its own end; a heading nested in an element is left at that element's end;
    whitespace is collapsed outside `pre` only; no text inside a heading's permalink is its title."""
    contoh = {'<h1 id="a">J</h1><div data-search-exclude><div>x</div>masih <p>terindeks</p></div>': "masih",
              '<div><h2 id="b">B <a class="headerlink" href="#b">&para;</a></h2><p>isi</p></div><p>sesudah</p>': "B",
              "<pre>a\n  b</pre>\n\n<p> </p><ul><li>x</li></ul>": "a\n  b",
              "<h2 id='p'>P</h2><pre>a <span>b</span> <span></span>\n </pre>": "a b \n ",
              '<h2 id="a">T<a class="headerlink" href="#a"><span>x</span></a>U</h2>': "TU"}
    for html, teks in contoh.items():
        bagian = _bagian_cari(mkdocs_pengurai_cari.PenguraiCari, html)
        assert bagian == _bagian_cari(material_cari.Parser, html)
        assert isinstance(bagian, list) and teks in "".join(bagian[-1][4] + bagian[-1][5])


@pytest.mark.parametrize("meta", [{}, {"search": {"exclude": True}}, {"search": {"boost": 2}}, {"tags": ["Unit", 3]},
                                  {"title": "Judul lain"}, {"search": None}])
def test_tambah_entri_sama_dengan_add_entry_from_context(meta):
    isi = ('<p>pengantar</p><h1 id="j">Judul</h1><p>a</p><h2 id="tugas">Tugas<a class="headerlink" href="#tugas">'
           '&para;</a></h2><ol><li>satu</li></ol><h3>tanpa id</h3><div data-search-exclude><h2 id="x">X</h2></div>')
    toc = [SimpleNamespace(id="j", url="#j", children=[SimpleNamespace(id="tugas", url="#tugas", children=[])])]
    halaman = SimpleNamespace(meta=meta, content=isi, toc=toc, url="jabatan/a/", title="A")
    material, kami = (SearchIndex(lang=["id"], separator=r"[\s\-]+", pipeline=[], fields={}) for _ in range(2))
    material.add_entry_from_context(halaman)
    mkdocs_pengurai_cari.tambah_entri(kami, halaman)
    assert kami.entries == material.entries and (kami.entries or meta == {"search": {"exclude": True}})


def test_entri_halaman_memakai_pengurai_cari(monkeypatch):
    """The build's entries are parsed by PenguraiCari, not by Material's Parser."""
    for metode in ("handle_starttag", "handle_endtag", "handle_data"):
        monkeypatch.setattr(material_cari.Parser, metode, lambda *a: pytest.fail("Material's Parser used"))
    masukan = json.dumps(["a/", "A", {}, [["b", "#b", "B", []]], '<h1 id="a">A</h1><h2 id="b">B</h2><p>isi</p>'])
    entri = mkdocs_pencarian.entri_halaman({"lang": ["id"], "separator": r"\s+", "pipeline": [], "fields": {}},
                                           masukan.encode("utf-8"))
    assert [e["location"] for e in entri] == ["a/", "a/#b"] and entri[1]["text"] == "<p>isi</p>"


# -- overrides/: the Material templates the theme overrides were copied from --------------------

_ASAL = re.compile(r"Upstream: (mkdocs-material)==(\S+) ([\w/.-]+?)(?:#(\w+))? sha256:([0-9a-f]{64})")


def _salinan() -> list[tuple[str, re.Match]]:
    return [(p.relative_to(ROOT).as_posix(), m) for p in sorted((ROOT / "overrides").rglob("*.html"))
            for m in _ASAL.finditer(p.read_text(encoding="utf-8"))]


def test_setiap_templat_tema_menyebut_asalnya():
    disebut = {p for p, _ in _salinan()}
    semua = {p.relative_to(ROOT).as_posix() for p in (ROOT / "overrides").rglob("*.html")}
    assert semua and disebut == semua


@pytest.mark.parametrize("berkas, asal", _salinan(), ids=lambda x: x if isinstance(x, str) else x[3])
def test_templat_tema_asal_material_tidak_berubah(berkas, asal):
    paket, versi, path, blok, sidik = asal.groups()
    assert versi == _terkunci()[paket] == metadata.version(paket)
    teks = (MATERIAL / path).read_text(encoding="utf-8")
    if blok:
        teks = re.search(r"\{% block " + blok + r" %\}.*?\{% endblock %\}", teks, re.S)[0]
    assert hashlib.sha256(teks.encode("utf-8")).hexdigest() == sidik, (
        f"Material's {path}{'#' + blok if blok else ''} changed since {berkas} was copied from it: compare the "
        "two, carry the change over, then update the Upstream line")


# -- iki.mkdocs_tema: the theme's environments ------------------------------------------------

def test_tema_lingkungan_dari_get_env_dan_daftar_berkas_hanya_untuk_berkas_statis():
    from mkdocs.structure.files import Files as DaftarBerkas
    from mkdocs.theme import Theme

    assert "jinja2.FileSystemLoader(self.dirs)" in inspect.getsource(Theme.get_env)
    assert "env = config.theme.get_env()" in inspect.getsource(build.build)
    assert "env = config.theme.get_env()" in inspect.getsource(SearchPlugin._translate)
    statis = inspect.getsource(DaftarBerkas.add_files_from_theme)
    assert "env.list_templates(filter_func=filter)" in statis and "'.*', '*/.*'" in statis
    # Who lists the templates of the theme: MkDocs, Material and mkdocs-macros, and only there.
    paket = Path(material.__file__).parent.parent
    pemakai = [p.relative_to(paket).as_posix() for nama in ("mkdocs", "material", "mkdocs_macros")
               for p in sorted((paket / nama).rglob("*.py")) if "list_templates(" in p.read_text(encoding="utf-8")]
    assert pemakai == ["mkdocs/structure/files.py"]


def test_tema_berkas_statis_sama_dengan_daftar_mkdocs(tmp_path):
    """The theme files a build publishes are the ones MkDocs' own listing finds; the listing
    skipped the hidden folders (Material's icons)."""
    config = _konfigurasi(tmp_path, theme={"name": "material", "custom_dir": str(ROOT / "overrides")})
    biasa = Files([])
    biasa.add_files_from_theme(config.theme.get_env(), config)
    mkdocs_tema.percepat(config.theme, jinja2.FileSystemBytecodeCache(str(tmp_path)))
    env = config.theme.get_env()
    cepat = Files([])
    cepat.add_files_from_theme(env, config)
    assert [f.src_uri for f in cepat] == [f.src_uri for f in biasa] and len(biasa) > 20
    assert isinstance(env.bytecode_cache, jinja2.FileSystemBytecodeCache)
    assert not any(p.startswith(".") or "/." in p for p in env.list_templates())
    assert any(p.startswith(".icons/") for p in jinja2.FileSystemLoader(config.theme.dirs).list_templates())


# -- iki.mkdocs_pantau: how often `mkdocs serve` looks at the data folders ----------------------

def test_pantau_folder_data_lebih_sering_dari_bawaan_mkdocs(tmp_path):
    from mkdocs.commands import serve
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.api import BaseObserver

    assert "LiveReloadServer(" in inspect.getsource(serve.serve)
    assert "polling_interval: float = 0.5" in inspect.getsource(LiveReloadServer.__init__)
    assert "self.observer.schedule(" in inspect.getsource(LiveReloadServer.watch)
    assert "timeout=self.timeout" in inspect.getsource(BaseObserver.schedule)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    (data := tmp_path / "data").mkdir()
    (docs := tmp_path / "docs").mkdir()
    server.watch(str(docs))
    mkdocs_pantau.pantau(server, [data], 40)
    selang = {e.watch.path: e.timeout for e in server.observer.emitters}
    assert selang == {str(docs): 0.5, str(data): mkdocs_pantau.SELANG_TERPENDEK}
    assert server.observer.timeout == 0.5  # what MkDocs watches later keeps its own interval
    assert mkdocs_pantau.selang(2000) == 0.2 and mkdocs_pantau.selang(50_000) == mkdocs_pantau.SELANG_TERPANJANG


# -- iki.mkdocs_timpa: the site written over the previous build's -------------------------------

def test_timpa_folder_situs_dikosongkan_hanya_lewat_clean_directory_sebelum_files():
    from mkdocs import utils

    sumber = inspect.getsource(build.build)
    urutan = [sumber.index(s) for s in ("config.plugins.on_pre_build(config=config)",
                                        "utils.clean_directory(config.site_dir)", "config.plugins.on_files(",
                                        "config.plugins.on_env(", "files.copy_static_files(", "_build_page(")]
    assert urutan == sorted(urutan)
    # Nothing else in MkDocs, Material or mkdocs-macros empties the folder.
    paket = Path(material.__file__).parent.parent
    pemakai = [p.relative_to(paket).as_posix() for nama in ("mkdocs", "material", "mkdocs_macros")
               for p in sorted((paket / nama).rglob("*.py"))
               if re.search(r"(?<!def )clean_directory\(", p.read_text(encoding="utf-8"))]
    assert pemakai == ["mkdocs/commands/build.py"]
    assert mkdocs_timpa._KOSONGKAN is utils.clean_directory
    # Every file is written by opening its path for writing: over the old one, in place.
    assert "with open(output_path, 'wb') as" in inspect.getsource(File.copy_file)
    assert "shutil.copyfile(source_path, output_path)" in inspect.getsource(utils.copy_file)
    assert "with open(output_path, 'wb') as f:" in inspect.getsource(utils.write_file)
    tema = inspect.getsource(build._build_theme_template)
    assert "output_path = os.path.join(config.site_dir, template_name)" in tema and "f'{output_path}.gz'" in tema


# -- iki.mkdocs_pakai_ulang: a page keeps its HTML when its template is given what it was given ---

def test_pakai_ulang_templat_halaman_dirender_dengan_konteks_get_context_lalu_ditulis():
    sumber = inspect.getsource(build._build_page)
    urutan = [sumber.index(s) for s in (
        "context = get_context(nav, doc_files, config, page)",
        "template = env.get_template(page.meta.get('template', 'main.html'))",
        "context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)",
        "output = template.render(context)",
        "output = config.plugins.on_post_page(output, page=page, config=config)",
        "output.encode('utf-8', errors='xmlcharrefreplace'), page.file.abs_dest_path")]
    assert urutan == sorted(urutan)
    assert "env = config.plugins.on_env(env, config=config, files=files)" in inspect.getsource(build.build)
    konteks = inspect.getsource(build.get_context).split("templates.TemplateContext(")[1]
    assert set(re.findall(r"(\w+)=", konteks)) == mkdocs_pakai_ulang.KONTEKS
    # Each event's handlers: bound methods (those of a CombinedEvent too), in the order they run.
    from mkdocs.plugins import CombinedEvent, PluginCollection

    assert "utils.insort(events, method, key=lambda m: -getattr(m, 'mkdocs_priority', 0))" in inspect.getsource(
        PluginCollection._register_event)
    assert "f.__get__(instance, owner)" in inspect.getsource(CombinedEvent.__get__)


def test_pakai_ulang_jinja_menyebut_templat_asal_saat_mencari_templat():
    """extends, include and import look templates up with the name of the template they are in:
    only MkDocs' own lookup (the name alone) gets a page's template."""
    kode = jinja2.Environment().compile('{% extends "a.html" %}{% include "b.html" %}{% include ["c.html"] %}'
                                        '{% import "d.html" as d %}{% from "e.html" import f %}', "uji.html", raw=True)
    cari = [b for b in kode.splitlines() if re.search(r"environment\.\w*template\(", b)]
    assert len(cari) == 5 and all("'uji.html')" in b for b in cari), cari


def _templat_tema() -> dict[str, str]:
    return {p.as_posix(): p.read_text(encoding="utf-8")
            for folder in (MATERIAL, ROOT / "overrides") for p in sorted(folder.rglob("*.html")) if ".icons" not in p.parts}


def test_pakai_ulang_tema_membaca_dari_halaman_hanya_yang_dikunci():
    templat = _templat_tema()
    dibaca = {a for teks in templat.values() for a in re.findall(r"\bpage\.(\w+)", teks)}
    dikunci = set(re.findall(r"\bpage\.(\w+)", inspect.getsource(mkdocs_pakai_ulang._halaman)))
    dari_navigasi = {"previous_page", "next_page", "ancestors", "parent"}  # the navigation and the page's place
    hanya_blog = {"config", "categories", "authors"}  # of Material's blog posts: no MkDocs Page holds them
    assert dibaca <= dikunci | dari_navigasi | hanya_blog, dibaca - dikunci - dari_navigasi - hanya_blog
    assert not hanya_blog & (mkdocs_pakai_ulang.ATRIBUT_HALAMAN | set(dir(Page)))
    navigasi = {a for teks in templat.values() for a in re.findall(r"\bnav_item\.(\w+)", teks)}
    # Material's own plugins (typeset, privacy) add these; a navigation item holding them is not reused.
    tambahan_plugin = {"typeset", "encrypted"}
    assert navigasi <= {"meta", "children", "active", "url", "title", "pages", "is_index"} | tambahan_plugin
    assert not tambahan_plugin & set().union(*mkdocs_pakai_ulang.ATRIBUT_NAVIGASI.values())
    daftar_isi = {a for teks in templat.values() for a in re.findall(r"\btoc_item\.(\w+)", teks)}
    assert daftar_isi <= {"title", "url", "children"} | tambahan_plugin  # url: "#" and the id
    # The build's date is left out of the key: no template reads it.
    assert [n for n, teks in templat.items() if re.search(r"build_date_utc|update_date", teks)] == []
