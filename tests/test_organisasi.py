"""data/diskoperindag-2022/tujuan.yml, data/diskoperindag-2022/pegawai.yml, iki.organisasi and their tables.

The data is compared with the decree's text in sumber/ itself, so that a copying mistake
is found.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ID_NYATA, NASKAH, ROOT, rapat, salin_proyek
from iki import render
from iki.loader import LetakData, periksa
from iki.organisasi import (
    Kepegawaian,
    Tujuan,
    cari_indikator,
    cari_sasaran,
    cari_tujuan,
    id_html,
    pecah_tebal,
)

BERKAS_TUJUAN = ROOT / DATA / "tujuan.yml"
BERKAS_PEGAWAI = ROOT / DATA / "pegawai.yml"

NAMA_TABEL_PEGAWAI = ["status_jenis_kelamin", "golongan_ruang", "pendidikan", "jabatan_eselon"]


@pytest.fixture(scope="module")
def tujuan(keputusan) -> list[Tujuan]:
    return keputusan.tujuan


@pytest.fixture(scope="module")
def pegawai(keputusan) -> Kepegawaian:
    return keputusan.pegawai


def render_tabel_tujuan(keputusan, tujuan):
    return render.tabel_tujuan(keputusan.model_copy(update={"tujuan": tujuan}))


def render_tabel_sasaran_strategis(keputusan, tujuan):
    return render.tabel_sasaran_strategis(keputusan.model_copy(update={"tujuan": tujuan}))


def render_tabel_pegawai(keputusan, pegawai, kode):
    return render.tabel_pegawai(keputusan.model_copy(update={"pegawai": pegawai}), kode)


@pytest.fixture(scope="module")
def baris_sumber() -> list[str]:
    return NASKAH.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def sumber_rapat(baris_sumber: list[str]) -> str:
    """The decree's text with spaces collapsed and the bold marks ** dropped."""
    return rapat(" ".join(baris_sumber).replace("**", ""))


# ---------------------------------------------------------------------------
# Tujuan, Sasaran Strategis, Indikator Kinerja


def test_enam_tujuan_berurutan(tujuan: list[Tujuan]) -> None:
    assert [t.kode for t in tujuan] == ["T.1", "T.2", "T.3", "T.4", "T.5", "T.6"]
    assert [t.tabel for t in tujuan] == [2, 3, 4, 5, 6, 7]
    assert [t.nomor for t in tujuan] == [1, 2, 3, 4, 5, 6]


def test_judul_dalam_naskah_apa_adanya(tujuan: list[Tujuan]) -> None:
    # A mismatch in the decree stays visible, not "corrected".
    assert [t.judul_dalam_naskah for t in tujuan] == [
        "Tujuan 1 (T.1)",
        "Tujuan 2 (T.2)",
        "Tujuan 3 (T.3)",
        "Tujuan 4 (T.4)",
        "Tujuan (T.5)",
        "Tujuan 6 (T.5)",
    ]
    assert [t.judul_tabel for t in tujuan] == [f"Tujuan {n} (T.{n})" for n in range(1, 7)]


def test_jumlah_ss_dan_ik_per_tujuan(tujuan: list[Tujuan]) -> None:
    hitung = {t.kode: (len(t.sasaran_strategis), len(t.indikator_kinerja)) for t in tujuan}
    assert hitung == {
        "T.1": (1, 2),
        "T.2": (2, 2),
        "T.3": (1, 1),
        "T.4": (1, 1),
        "T.5": (1, 1),
        "T.6": (1, 1),
    }


def test_kode_ss_dan_ik(tujuan: list[Tujuan]) -> None:
    kode_ss = [ss.kode for t in tujuan for ss in t.sasaran_strategis]
    kode_ik = [ik.kode for t in tujuan for ik in t.indikator_kinerja]
    assert kode_ss == ["SS.1.1", "SS.2.1", "SS.2.2", "SS.3.1", "SS.4.1", "SS.5.1", "SS.6.1"]
    assert kode_ik == [
        "IK.1.1.1", "IK.1.1.2", "IK.2.1.1", "IK.2.2.1",
        "IK.3.1.1", "IK.4.1.1", "IK.5.1.1", "IK.6.1.1",
    ]


def test_teks_tujuan_tercetak_di_tabel_1(tujuan: list[Tujuan], baris_sumber: list[str]) -> None:
    # Tabel 1: six rows after the column heading "Dan Perindustrian".
    i = baris_sumber.index("Dan Perindustrian")
    assert baris_sumber[i + 1] == ""
    assert [t.teks for t in tujuan] == baris_sumber[i + 2 : i + 8]


def test_tabel_2_sampai_7_sama_dengan_naskah(tujuan: list[Tujuan], baris_sumber: list[str]) -> None:
    for t in tujuan:
        i = baris_sumber.index(f"Tabel {t.tabel}")
        assert baris_sumber[i + 2] == t.judul_tabel
        assert baris_sumber[i + 4] == "Sasaran Strategis (SS)\tIndikator Kinerja"
        diharapkan = []
        for ss in t.sasaran_strategis:
            for j, ik in enumerate(ss.indikator_kinerja):
                diharapkan.append(f"{ss.teks if j == 0 else ''}\t{ik.teks}")
        assert baris_sumber[i + 5 : i + 5 + len(diharapkan)] == diharapkan
        assert baris_sumber[i + 5 + len(diharapkan)] == ""


def test_pengantar_tercetak_di_2_3(tujuan: list[Tujuan], baris_sumber: list[str]) -> None:
    awal = baris_sumber.index("2.3 TUJUAN, SASARAN dan INDIKATOR SASARAN")
    akhir = baris_sumber.index("2.4 STRATEGI dan ARAH KEBIJAKAN UMUM")
    bagian = rapat(" ".join(baris_sumber[awal:akhir]))
    for t in tujuan:
        # The introduction with its ** marks exactly as printed, after its number.
        assert f"{t.nomor}. {t.pengantar} Tabel {t.tabel}" in bagian


def test_cari_dan_id_html(tujuan: list[Tujuan]) -> None:
    assert cari_tujuan(tujuan, "T.6").teks.startswith("Meningkatkan peranan industri")
    assert cari_sasaran(tujuan, "SS.2.2").teks == "Mewujudkan Usaha Mikro, Kecil dan Menengah yang Tangguh"
    assert cari_indikator(tujuan, "IK.1.1.2").teks == "Persentase pemenuhan penunjang pelayanan perkantoran"
    assert cari_sasaran(tujuan, "SS.2.1").id_html == "ss-2-1"
    assert id_html("IK.1.1.2") == "ik-1-1-2"
    with pytest.raises(KeyError, match="SS.9.9"):
        cari_sasaran(tujuan, "SS.9.9")


def test_pecah_tebal() -> None:
    assert pecah_tebal("**A**, b **C**") == [("A", True), (", b ", False), ("C", True)]
    with pytest.raises(ValueError):
        pecah_tebal("**A")


# ---------------------------------------------------------------------------
# Staffing


def test_empat_tabel_pegawai(pegawai: Kepegawaian) -> None:
    assert pegawai.kode_tabel == NAMA_TABEL_PEGAWAI
    assert [t.huruf for t in pegawai.tabel] == ["a", "b", "c", "d"]
    assert pegawai.jumlah_dalam_teks == 128


@pytest.mark.parametrize("kode", NAMA_TABEL_PEGAWAI)
def test_jumlah_per_status_dan_total(pegawai: Kepegawaian, kode: str) -> None:
    tabel = pegawai.tabel_dengan_kode(kode)
    assert {b.status: b.jumlah for b in tabel.baris} == {"PNS": 73, "CPNS": 3, "NON PNS": 52}
    # The Jumlah column adds up to the printed total 128.
    assert tabel.total_jumlah_baris == 128
    assert tabel.baris_jumlah.jumlah == 128
    assert tabel.total_sesuai


@pytest.mark.parametrize("kode", NAMA_TABEL_PEGAWAI)
def test_rincian_baris_sama_dengan_jumlah_tercetak(pegawai: Kepegawaian, kode: str) -> None:
    tabel = pegawai.tabel_dengan_kode(kode)
    for b in tabel.baris:
        if kode == "jabatan_eselon" and b.status == "NON PNS":
            # The decree: "-" in every column, Jumlah 52. Must be recorded as a difference.
            assert b.jumlah_rincian == 0 and not b.sesuai
        elif kode == "golongan_ruang" and b.status == "NON PNS":
            # The decree: the text "NON Golongan /Ruang", not numbers.
            assert b.teks_sel == "NON Golongan /Ruang" and b.jumlah_rincian is None
        else:
            assert b.jumlah_rincian == b.jumlah, (kode, b.status)


def test_hanya_satu_selisih(pegawai: Kepegawaian) -> None:
    selisih = [(t.kode, b.status) for t in pegawai.tabel for b in t.baris_tidak_sesuai]
    assert selisih == [("jabatan_eselon", "NON PNS")]


def test_jabatan_eselon(pegawai: Kepegawaian) -> None:
    t = pegawai.tabel_dengan_kode("jabatan_eselon")
    assert t.nilai("PNS", "II") == 1
    assert t.nilai("PNS", "III") == 5
    assert t.nilai("PNS", "IV") == 11
    assert t.nilai("PNS", "Japung") == 15
    assert t.nilai("PNS", "Pelaksana") == 41
    assert t.nilai("CPNS", "Japung") == 3
    assert t.total_kolom()[:3] == [1, 5, 11]


def test_golongan_ruang_kolom_berkelompok(pegawai: Kepegawaian) -> None:
    t = pegawai.tabel_dengan_kode("golongan_ruang")
    assert t.berkelompok and t.jumlah_kolom == 16
    assert t.kolom_datar[:5] == ["I a", "I b", "I c", "I d", "II a"]
    assert t.nilai("PNS", "II d") == 16
    assert t.nilai("CPNS", "III a") == 3
    assert t.nilai("PNS", "IV d") is None


def _baris_tabel_naskah(tabel, baris_sumber: list[str]) -> list[str]:
    """The lines of a table in the decree's text, from its column headings to its Jumlah row."""
    i = baris_sumber.index(f"{tabel.huruf}. {tabel.judul}")
    j = next(k for k in range(i, len(baris_sumber)) if baris_sumber[k].startswith("Jumlah\t"))
    return [b for b in baris_sumber[i + 1 : j + 1] if b != ""]


@pytest.mark.parametrize("kode", NAMA_TABEL_PEGAWAI)
def test_tabel_pegawai_sama_dengan_naskah(pegawai: Kepegawaian, baris_sumber: list[str], kode: str) -> None:
    t = pegawai.tabel_dengan_kode(kode)
    n = t.jumlah_kolom
    diharapkan = [
        "\t".join([t.kolom_nomor, t.kolom_status, t.judul_kolom_data] + [""] * (n - 1) + [t.kolom_jumlah])
    ]
    if t.berkelompok:
        sel = []
        for k in t.kelompok_kolom:
            sel += [k.judul] + [""] * (len(k.kolom) - 1)
        diharapkan.append("\t".join(["", ""] + sel + [""]))
    diharapkan.append("\t".join(["", ""] + [c for k in t.kelompok_kolom for c in k.kolom] + [""]))
    for b in t.baris:
        if b.sel is not None:
            sel = ["-" if v is None else str(v) for v in b.sel]
        else:
            sel = [b.teks_sel] + [""] * (n - 1)
        diharapkan.append("\t".join([b.nomor, b.status] + sel + [str(b.jumlah)]))
    diharapkan.append("\t".join([t.baris_jumlah.label] + [""] * (n + 1) + [str(t.baris_jumlah.jumlah)]))
    assert _baris_tabel_naskah(t, baris_sumber) == diharapkan


# ---------------------------------------------------------------------------
# Render HTML


class _Pemeriksa(HTMLParser):
    """Records tags and attributes, and checks that tags are closed in pairs."""

    KOSONG = {"br", "col", "hr", "img", "meta", "link", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tumpukan: list[str] = []
        self.tag: list[tuple[str, dict[str, str | None]]] = []
        self.galat: list[str] = []
        self.teks: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tag.append((tag, dict(attrs)))
        if tag not in self.KOSONG:
            self.tumpukan.append(tag)

    def handle_endtag(self, tag):
        if not self.tumpukan or self.tumpukan[-1] != tag:
            self.galat.append(f"</{tag}> tidak cocok dengan {self.tumpukan[-1:]}")
        else:
            self.tumpukan.pop()

    def handle_data(self, data):
        self.teks.append(data)


def _periksa_html(keluaran: str) -> _Pemeriksa:
    assert keluaran.startswith("<div"), "blok HTML harus diawali <div"
    assert "\n\n" not in keluaran, "baris kosong memutus blok HTML mentah Markdown"
    p = _Pemeriksa()
    p.feed(keluaran)
    p.close()
    assert p.galat == [] and p.tumpukan == [], (p.galat, p.tumpukan)
    return p


def _teks_polos(keluaran: str) -> str:
    return rapat(html.unescape(re.sub(r"<[^>]+>", " ", keluaran)))


def _th(p: _Pemeriksa, scope: str) -> int:
    return sum(1 for tag, a in p.tag if tag == "th" and a.get("scope") == scope)


def test_render_tabel_tujuan(keputusan, tujuan: list[Tujuan]) -> None:
    keluaran = render_tabel_tujuan(keputusan, tujuan)
    p = _periksa_html(keluaran)
    polos = _teks_polos(keluaran)
    for t in tujuan:
        assert t.teks in polos
    assert "Tujuan Dinas Koperasi UKM Perdagangan Dan Perindustrian" in polos
    assert _th(p, "col") == 1
    assert [a["id"] for tag, a in p.tag if tag == "tr" and "id" in a] == [f"t-{n}" for n in range(1, 7)]
    assert sum(1 for tag, _ in p.tag if tag == "caption") == 1
    assert "Tabel 1" in polos


def test_render_tabel_sasaran_strategis(keputusan, tujuan: list[Tujuan]) -> None:
    keluaran = render_tabel_sasaran_strategis(keputusan, tujuan)
    p = _periksa_html(keluaran)
    polos = _teks_polos(keluaran)
    # The introductions: one <p> per Tujuan, its text the introduction without **.
    paragraf = [html.unescape(re.sub(r"<[^>]+>", "", x)) for x in re.findall(r"<p>(.*?)</p>", keluaran)]
    assert paragraf == [t.pengantar_polos for t in tujuan]
    for t in tujuan:
        assert f"Tabel {t.tabel} {t.judul_tabel}" in polos
        for ss in t.sasaran_strategis:
            assert ss.teks in polos
            for ik in ss.indikator_kinerja:
                assert ik.teks in polos
    # The introduction's bold parts become <strong>.
    assert "<strong>Tujuan 6 (T.5),</strong>" in keluaran
    assert "<strong>Tujuan (T.5),</strong>" in keluaran
    ids = {a["id"] for _, a in p.tag if "id" in a}
    for t in tujuan:
        for ss in t.sasaran_strategis:
            assert ss.id_html in ids
            for ik in ss.indikator_kinerja:
                assert ik.id_html in ids
    assert {"ss-2-1", "ss-2-2", "ik-1-1-2"} <= ids
    assert _th(p, "col") == 2 * 6
    assert _th(p, "row") + _th(p, "rowgroup") == 7
    # SS.1.1 has two IK: its cell spans two rows.
    assert any(a.get("id") == "ss-1-1" and a.get("rowspan") == "2" for _, a in p.tag)
    assert sum(1 for tag, _ in p.tag if tag == "caption") == 6


@pytest.mark.parametrize("kode", NAMA_TABEL_PEGAWAI)
def test_render_tabel_pegawai(keputusan, pegawai: Kepegawaian, kode: str) -> None:
    t = pegawai.tabel_dengan_kode(kode)
    keluaran = render_tabel_pegawai(keputusan, pegawai, kode)
    p = _periksa_html(keluaran)
    polos = _teks_polos(keluaran)
    for teks in [t.judul, t.kolom_nomor, t.kolom_status, t.judul_kolom_data, t.kolom_jumlah, t.baris_jumlah.label]:
        assert teks in polos
    if t.catatan:
        assert t.catatan in polos
    for k in t.kelompok_kolom:
        if k.judul:
            assert k.judul in polos
    for b in t.baris:
        if b.sel is not None:
            sel = " ".join("-" if v is None else str(v) for v in b.sel)
            assert f"{b.nomor} {b.status} {sel} {b.jumlah}" in polos
        else:
            assert b.teks_sel in polos
        if b.catatan:
            assert rapat(b.catatan) in polos
    assert str(t.baris_jumlah.jumlah) in polos
    # Column headings: every detail column and No/Status/Jumlah is a <th scope="col">.
    assert _th(p, "col") == t.jumlah_kolom + 3
    assert _th(p, "row") == len(t.baris) + 1
    assert _th(p, "colgroup") == 1 + (len(t.kelompok_kolom) if t.berkelompok else 0)
    assert sum(1 for tag, _ in p.tag if tag == "caption") == 1
    assert any(a.get("id") == t.id_html for tag, a in p.tag if tag == "table")
    # The difference mark appears only where the details do not add up to the printed Jumlah.
    assert keluaran.count("iki-selisih") == len(t.baris_tidak_sesuai)


def test_render_menandai_selisih(keputusan, pegawai: Kepegawaian) -> None:
    assert "rincian baris ini berjumlah 0" in render_tabel_pegawai(keputusan, pegawai, "jabatan_eselon")
    t = pegawai.tabel_dengan_kode("pendidikan")
    pns = t.baris[0].model_copy(update={"jumlah": 70})
    t2 = t.model_copy(update={"baris": [pns, *t.baris[1:]]})
    p2 = pegawai.model_copy(update={"tabel": [t2]})
    keluaran = render_tabel_pegawai(keputusan, p2, "pendidikan")
    assert "rincian baris ini berjumlah 73" in keluaran
    # Total 70+3+52 = 125 is not the printed 128: marked too.
    assert "125" in keluaran and keluaran.count("iki-selisih") == 2


def test_render_meloloskan_html(keputusan, tujuan: list[Tujuan]) -> None:
    jahat = tujuan[0].model_copy(update={"teks": "<script>alert(1)</script> & co"})
    keluaran = render_tabel_tujuan(keputusan, [jahat])
    assert "<script>" not in keluaran
    assert "&lt;script&gt;" in keluaran and "&amp; co" in keluaran


def test_render_tabel_pegawai_tak_dikenal(keputusan, pegawai: Kepegawaian) -> None:
    with pytest.raises(KeyError, match="golongan_ruang"):
        render_tabel_pegawai(keputusan, pegawai, "golongan")


# ---------------------------------------------------------------------------
# Broken data: read by the one loader, reported like any other data problem


def _laporan(tmp_path: Path, nama: str, isi) -> str:
    """The loader's report for a project copy whose data/<nama> holds `isi`."""
    proyek = salin_proyek(tmp_path / "proyek")
    teks = isi if isinstance(isi, str) else yaml.safe_dump(isi, allow_unicode=True, sort_keys=False)
    (proyek / DATA / nama).write_text(teks, encoding="utf-8")
    _, masalah = periksa(LetakData.untuk(proyek, ID_NYATA))
    assert masalah, "data rusak seharusnya dilaporkan"
    return "\n".join(str(m) for m in masalah)


def _data_tujuan():
    return yaml.safe_load(BERKAS_TUJUAN.read_text(encoding="utf-8"))


def _data_pegawai():
    return yaml.safe_load(BERKAS_PEGAWAI.read_text(encoding="utf-8"))


def test_tujuan_kolom_hilang(tmp_path: Path) -> None:
    data = _data_tujuan()
    del data[2]["teks"]
    assert "data/diskoperindag-2022/tujuan.yml:" in (pesan := _laporan(tmp_path, "tujuan.yml", data))
    assert "[kolom baris ke-3 → teks]: Kolom wajib 'teks' tidak ada." in pesan


def test_tujuan_tipe_salah(tmp_path: Path) -> None:
    data = _data_tujuan()
    data[0]["tabel"] = "2"
    data[1]["sasaran_strategis"][0]["indikator_kinerja"][0]["teks"] = 5
    pesan = _laporan(tmp_path, "tujuan.yml", data)
    assert "[kolom baris ke-1 → tabel]: Nilai harus berupa bilangan bulat, bukan teks." in pesan
    assert ("[kolom baris ke-2 → sasaran_strategis → baris ke-1 → indikator_kinerja → baris ke-1 → teks]: "
            "Nilai harus berupa teks, bukan bilangan bulat.") in pesan


def test_tujuan_kolom_tak_dikenal(tmp_path: Path) -> None:
    data = _data_tujuan()
    data[3]["sasaran"] = []
    pesan = _laporan(tmp_path, "tujuan.yml", data)
    assert "[kolom baris ke-4 → sasaran]: Kolom 'sasaran' tidak dikenal." in pesan


def test_tujuan_kode_salah(tmp_path: Path) -> None:
    data = _data_tujuan()
    data[1]["sasaran_strategis"][1]["kode"] = "SS.2.3"
    pesan = _laporan(tmp_path / "a", "tujuan.yml", data)
    assert "[kolom baris ke-2 → sasaran_strategis → baris ke-2 → kode]" in pesan and "'SS.2.2'" in pesan
    data = _data_tujuan()
    data[4], data[5] = data[5], data[4]
    pesan = _laporan(tmp_path / "b", "tujuan.yml", data)
    assert "[kolom baris ke-5 → kode]" in pesan and "'T.5'" in pesan


def test_tujuan_pengantar_tidak_cocok(tmp_path: Path) -> None:
    data = _data_tujuan()
    data[5]["judul_dalam_naskah"] = "Tujuan 6 (T.6)"
    assert "[kolom baris ke-6 → pengantar]" in _laporan(tmp_path, "tujuan.yml", data)


def test_pegawai_kolom_hilang(tmp_path: Path) -> None:
    data = _data_pegawai()
    del data["tabel"][0]["baris"][1]["jumlah"]
    pesan = _laporan(tmp_path, "pegawai.yml", data)
    assert "data/diskoperindag-2022/pegawai.yml:" in pesan
    assert "[kolom tabel → baris ke-1 → baris → baris ke-2 → jumlah]: Kolom wajib 'jumlah' tidak ada." in pesan


def test_pegawai_tipe_salah(tmp_path: Path) -> None:
    data = _data_pegawai()
    data["tabel"][2]["baris"][0]["sel"][1] = "satu"
    data["tabel"][3]["baris_jumlah"]["jumlah"] = "128"
    pesan = _laporan(tmp_path, "pegawai.yml", data)
    assert "[kolom tabel → baris ke-3 → baris → baris ke-1 → sel → baris ke-2]" in pesan
    assert "[kolom tabel → baris ke-4 → baris_jumlah → jumlah]" in pesan


def test_pegawai_lebar_baris_salah(tmp_path: Path) -> None:
    data = _data_pegawai()
    data["tabel"][1]["baris"][0]["sel"].pop()
    pesan = _laporan(tmp_path, "pegawai.yml", data)
    assert "[kolom tabel → baris ke-2 → baris → baris ke-1 → sel]" in pesan and "16 kolom" in pesan


def test_pegawai_sel_dan_teks_sel(tmp_path: Path) -> None:
    data = _data_pegawai()
    data["tabel"][1]["baris"][2]["sel"] = [None] * 16
    pesan = _laporan(tmp_path, "pegawai.yml", data)
    assert "[kolom tabel → baris ke-2 → baris → baris ke-3 → sel]" in pesan and "tepat satu" in pesan


def test_berkas_kosong_dan_bukan_yaml(tmp_path: Path) -> None:
    assert "data/diskoperindag-2022/pegawai.yml:" in _laporan(tmp_path / "a", "pegawai.yml", "")
    pesan = _laporan(tmp_path / "b", "tujuan.yml", "- kode: [T.1\n")
    assert "data/diskoperindag-2022/tujuan.yml:" in pesan and "Format YAML tidak dapat dibaca" in pesan
    assert "data/diskoperindag-2022/tujuan.yml" in _laporan(tmp_path / "c", "tujuan.yml", {"kode": "T.1"})
