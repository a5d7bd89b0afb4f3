"""The pages of docs/keputusan/: the text as it is, whole, and safe from mkdocs-macros.

* Every line of a page's text (outside the editor's notes) is in the decree's text.
* Every line of the decree's text from the Keputusan to BAB IV (except the cover and
  the DAFTAR ISI) is on a page or in the output of its table macro.
* A page without ``render_macros: true`` holds no Jinja syntax.
"""

from __future__ import annotations

import html
import re

import pytest
import yaml

from iki import render
from iki.loader import muat

from conftest import LETAK_NYATA, NASKAH, ROOT, rapat

DOCS = ROOT / "docs" / "keputusan"

HALAMAN_NASKAH = ["index.md", "kata-pengantar.md", "bab-1.md", "bab-2.md", "bab-3.md", "bab-4.md"]

_KEPUTUSAN = muat(LETAK_NYATA)
MAKRO = {
    "{{ tabel_tujuan() }}": lambda: render.tabel_tujuan(_KEPUTUSAN),
    "{{ tabel_sasaran_strategis() }}": lambda: render.tabel_sasaran_strategis(_KEPUTUSAN),
    **{
        f'{{{{ tabel_pegawai("{nama}") }}}}': (lambda nama=nama: render.tabel_pegawai(_KEPUTUSAN, nama))
        for nama in ["status_jenis_kelamin", "golongan_ruang", "pendidikan", "jabatan_eselon"]
    },
}


def _front_matter(teks: str) -> tuple[dict, str]:
    if not teks.startswith("---\n"):
        return {}, teks
    akhir = teks.index("\n---\n", 4)
    return yaml.safe_load(teks[4:akhir]) or {}, teks[akhir + 5 :]


def _tanpa_catatan_editor(isi: str) -> str:
    """Drop the admonition blocks (!!! ...) with their indented content."""
    hasil, dalam = [], False
    for baris in isi.split("\n"):
        if baris.startswith("!!!"):
            dalam = True
            continue
        if dalam and (baris.strip() == "" or baris.startswith("    ")):
            continue
        dalam = False
        hasil.append(baris)
    return "\n".join(hasil)


def _normal_baris(baris: str) -> str:
    """One line of Markdown/HTML -> plain text as in the decree's text."""
    baris = re.sub(r"\{:[^}]*\}", " ", baris)  # attr_list
    baris = re.sub(r"<sup>.*?</sup>", " ", baris)  # an editor's note mark
    baris = re.sub(r'<strong class="iki-selisih">.*?</strong>', " ", baris)
    baris = re.sub(r"</?(strong|em)>", "", baris)  # inline tags: no space
    baris = re.sub(r"<[^>]+>", " ", baris)
    baris = html.unescape(baris).replace("**", "")
    baris = baris.strip()
    baris = re.sub(r"^#+\s+", "", baris)
    baris = re.sub(r"^(>|:)\s+", "", baris)
    baris = re.sub(r"^\d+\.\s+", "", baris)
    return rapat(baris)


def _baris_naskah() -> list[str]:
    baris = NASKAH.read_text(encoding="utf-8").split("\n")
    awal = baris.index("**PEMERINTAH KABUPATEN PURWAKARTA")
    akhir = baris.index("LAMPIRAN II")
    daftar_isi = baris.index("DAFTAR ISI")
    bab_1 = baris.index("BAB I", daftar_isi)
    return baris[awal:daftar_isi] + baris[bab_1:akhir]


def _normal_naskah(baris: str) -> str:
    baris = re.sub(r"^\s*-\s+", "", baris)  # the extraction's "- " at the start of a line
    baris = baris.replace("**", "").replace("\t", " ")
    baris = re.sub(r"^\s*([0-9]+|[a-h])\.\s+", "", baris)  # an item's number or letter
    return rapat(baris)


@pytest.fixture(scope="module")
def naskah_rapat() -> str:
    return rapat(" ".join(re.sub(r"^\s*-\s+", "", b) for b in _baris_naskah()).replace("**", ""))


def _isi_halaman(nama: str) -> tuple[dict, str]:
    return _front_matter((DOCS / nama).read_text(encoding="utf-8"))


@pytest.mark.parametrize("nama", HALAMAN_NASKAH)
def test_setiap_baris_halaman_ada_di_naskah(nama: str, naskah_rapat: str) -> None:
    _, isi = _isi_halaman(nama)
    for baris in _tanpa_catatan_editor(isi).split("\n"):
        if baris.strip() in MAKRO:
            continue
        teks = _normal_baris(baris)
        if teks:
            assert teks in naskah_rapat, f"{nama}: teks tidak ada di naskah: {teks!r}"


# A part of the decree -> its page: the part's first line (without "**"/"- ").
BAGIAN = [
    ("PEMERINTAH KABUPATEN PURWAKARTA", "index.md"),
    ("KATA PENGANTAR", "kata-pengantar.md"),
    ("BAB I", "bab-1.md"),
    ("BAB II", "bab-2.md"),
    ("BAB III", "bab-3.md"),
    ("BAB IV", "bab-4.md"),
]


def _bagian_naskah() -> dict[str, list[str]]:
    baris = _baris_naskah()
    polos = [re.sub(r"^\s*-\s+", "", b).replace("**", "").strip() for b in baris]
    awal = []
    for judul, _ in BAGIAN:
        awal.append(polos.index(judul, awal[-1] if awal else 0))
    awal.append(len(baris))
    return {hal: baris[awal[i] : awal[i + 1]] for i, (_, hal) in enumerate(BAGIAN)}


@pytest.mark.parametrize("nama", HALAMAN_NASKAH)
def test_setiap_baris_naskah_ada_di_halaman_berurutan(nama: str) -> None:
    _, isi = _isi_halaman(nama)
    korpus = []
    for baris in _tanpa_catatan_editor(isi).split("\n"):
        sumber = MAKRO[baris.strip()]() if baris.strip() in MAKRO else baris
        korpus += [_normal_baris(b) for b in sumber.split("\n")]
    korpus_rapat = rapat(" ".join(korpus))
    posisi = 0
    for baris in map(_normal_naskah, _bagian_naskah()[nama]):
        if not baris:
            continue
        i = korpus_rapat.find(baris, posisi)
        assert i >= 0, f"{nama}: baris naskah hilang atau tidak berurutan: {baris!r}"
        posisi = i + len(baris)


def test_halaman_tanpa_makro_bebas_jinja() -> None:
    for berkas in sorted(DOCS.glob("*.md")):
        teks = berkas.read_text(encoding="utf-8")
        meta, isi = _front_matter(teks)
        if meta.get("render_macros") is True:
            for pola in ("{%", "{#"):
                assert pola not in teks, f"{berkas.name}: {pola}"
            panggilan = re.findall(r"\{\{.*?\}\}", teks)
            assert panggilan, f"{berkas.name}: render_macros tanpa makro"
            for p in panggilan:
                assert p in MAKRO, f"{berkas.name}: makro tak dikenal {p}"
                assert f"\n\n{p}\n\n" in isi, f"{berkas.name}: {p} harus berdiri sendiri di satu paragraf"
        else:
            for pola in ("{{", "{%", "{#", "}}", "%}", "#}"):
                assert pola not in teks, f"{berkas.name}: sintaks Jinja {pola!r}"


def test_bab_2_memanggil_semua_makro() -> None:
    meta, isi = _isi_halaman("bab-2.md")
    assert meta.get("render_macros") is True
    for p in MAKRO:
        assert isi.count(p) == 1, p
    urutan = [isi.index(p) for p in MAKRO]
    assert urutan == sorted(urutan)
    # The Tujuan table macro in 2.3, the staffing table macros in 2.5.1 under headings a-d.
    assert isi.index("## 2.3 ") < urutan[0] < urutan[1] < isi.index("## 2.4 ")
    batas = [isi.index(f"#### {h}. ") for h in "abcd"] + [len(isi)]
    for i, p in enumerate(list(MAKRO)[2:]):
        assert batas[i] < isi.index(p) < batas[i + 1], p


def test_id_diktum_menimbang_mengingat() -> None:
    _, isi = _isi_halaman("index.md")
    ids = set(re.findall(r'\{: #([\w-]+) \}', isi)) | set(re.findall(r'id="([\w-]+)"', isi))
    diharapkan = {"kesatu", "kedua", "ketiga", "keempat", "kelima"}
    diharapkan |= {f"mengingat-{n}" for n in range(1, 17)}
    diharapkan |= {"menimbang-a", "menimbang-b", "menimbang-c", "menimbang", "mengingat"}
    assert diharapkan <= ids


def test_catatan_editor_memuat_sampul() -> None:
    teks = (DOCS / "catatan-editor.md").read_text(encoding="utf-8").replace("**", "")
    teks = re.sub(r"<[^>]+>", " ", teks)
    teks = rapat(re.sub(r"(?m)^\s*>\s?", " ", teks))
    for baris in [
        "PENETAPAN INDIKATOR KINERJA TAHUN 2022",
        "DINAS KOPERASI USAHA KECIL MENENGAH PERDAGANGAN DAN PERINDUSTRIAN KABUPATEN PURWAKARTA",
        "Jl. Jend. Ahmad Yani No.170 Telp (0264) Fax. 204038",
        "Dok",
    ]:
        assert baris in teks, baris
