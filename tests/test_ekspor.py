"""The downloads in the real built site (`<site>/unduh/`): read back with the csv module,
jsonschema and openpyxl, compared row by row with the jabatan files, types checked."""

from __future__ import annotations

import csv
import datetime
import io
import json
import hashlib
import posixpath
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ID_NYATA, JABATAN, ROOT, baca_html, bangun, json_unduhan
from tautan import periksa_tautan
from iki.ekspor.dokumen_json import dokumen
from iki.ekspor.paket_data import json_rapi
from iki.ekspor.tabel_xlsx import ke_xlsx
from iki.loader import LetakData, muat
from iki.model import Keputusan
from iki.render import ukuran_berkas

KOLOM = ["slug_jabatan", "nama_jabatan", "kode_unit", "nama_unit", "jenis_jabatan", "eselon", "slug_atasan",
         "nama_atasan", "baris_ke", "nomor", "sasaran", "indikator", "target", "nilai_target", "satuan_target",
         "ket", "mendukung"]
BILANGAN = {"baris_ke", "nomor", "nilai_target"}
BERKAS = ["iki-2022.csv", "iki-2022.json", "iki-2022.schema.json", "iki-2022.xlsx", "iki-2022-lampiran.pdf"]
# Then the files for e-Kinerja, and the descriptions of all of them (tests/test_terbuka.py).
LAIN = ["iki-2022-e-kinerja.csv", "iki-2022-e-kinerja.xlsx", "iki-2022-dip.csv", "datapackage.json", "catalog.jsonld"]
FOLDER_E_KINERJA = "iki-2022-e-kinerja"


def tanpa_pdf(tahun: int) -> list[str]:
    """Every file and folder in unduh/ of a decree of that year built without the PDF, sorted."""
    return sorted(n.replace("2022", str(tahun)) for n in [*BERKAS, *LAIN, FOLDER_E_KINERJA] if not n.endswith(".pdf"))


def harapan(keputusan: Keputusan, jabatan=None) -> list[dict]:
    """Every IKI row of the jabatan files, as the exports must hold it (None = empty)."""
    hasil = []
    for j in keputusan.jabatan if jabatan is None else jabatan:
        atasan = keputusan.cari_jabatan(j.atasan) if j.atasan else None
        for i, b in enumerate(j.iki, start=1):
            target = keputusan.target(b)
            hasil.append({
                "slug_jabatan": j.slug, "nama_jabatan": j.nama, "kode_unit": j.unit,
                "nama_unit": keputusan.cari_unit(j.unit).nama, "jenis_jabatan": j.jenis, "eselon": j.eselon,
                "slug_atasan": j.atasan, "nama_atasan": atasan.nama if atasan else None, "baris_ke": i,
                "nomor": b.nomor, "sasaran": b.sasaran, "indikator": b.indikator, "target": b.target,
                "nilai_target": target.nilai, "satuan_target": target.satuan, "ket": b.ket or None,
                "mendukung": b.mendukung,
            })
    return hasil


def test_berkas_unduhan_ada(situs):
    assert sorted(p.name for p in (situs / "unduh").iterdir() if p.name != "index.html") == sorted(
        [*BERKAS, *LAIN, FOLDER_E_KINERJA, "SHA256SUMS"])


def test_sha256sums_memeriksa_setiap_unduhan(situs, tmp_path):
    """`sha256sum -c SHA256SUMS` passes on the published files and fails on a changed copy."""
    unduh = situs / "unduh"
    baris = (unduh / "SHA256SUMS").read_text(encoding="ascii").splitlines()
    semua = sorted(p.relative_to(unduh).as_posix() for p in unduh.rglob("*")
                   if p.is_file() and p.name not in ("index.html", "SHA256SUMS"))
    assert sorted(b.split("  ", 1)[1] for b in baris) == semua
    assert [b.split("  ", 1)[1] for b in baris][:len(BERKAS)] == BERKAS
    for b in baris:
        sidik, nama = b.split("  ", 1)
        assert sidik == hashlib.sha256((unduh / nama).read_bytes()).hexdigest(), nama
    hasil = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=unduh, capture_output=True, text=True)
    assert hasil.returncode == 0 and hasil.stdout.count(": OK") == len(baris), hasil.stdout + hasil.stderr
    salinan = shutil.copytree(unduh, tmp_path / "salinan")
    with open(salinan / "iki-2022.csv", "ab") as f:
        f.write(b"x")
    hasil = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=salinan, capture_output=True, text=True)
    assert hasil.returncode == 1 and "iki-2022.csv: FAILED" in hasil.stdout


# -- CSV -----------------------------------------------------------------------

def _baca_csv(situs) -> list[dict]:
    with open(situs / "unduh" / "iki-2022.csv", encoding="utf-8", newline="") as f:
        pembaca = csv.DictReader(f)
        assert pembaca.fieldnames == KOLOM
        return list(pembaca)


def test_csv_sama_dengan_berkas_jabatan_baris_demi_baris(situs, keputusan):
    baris = _baca_csv(situs)
    assert len(baris) == keputusan.jumlah_baris_iki == sum(len(j.iki) for j in keputusan.jabatan)
    for dibaca, diharapkan in zip(baris, harapan(keputusan), strict=True):
        for kolom in KOLOM:
            nilai = diharapkan[kolom]
            assert dibaca[kolom] == ("" if nilai is None else str(nilai)), (diharapkan["slug_jabatan"], kolom)


def test_csv_angka_tanpa_satuan(situs, keputusan):
    baris = _baca_csv(situs)
    for b in baris:
        assert b["baris_ke"].isdigit() and (b["nomor"] == "" or b["nomor"].isdigit())
        if b["target"] in keputusan.identitas.target_kualitatif:
            assert b["nilai_target"] == b["satuan_target"] == ""
        else:
            assert float(b["nilai_target"]) >= 0, b  # a number, "150", never "150 Koperasi"
            assert b["satuan_target"] and b["satuan_target"] in b["target"]
    contoh = {(b["slug_jabatan"], b["target"]): b for b in baris}
    assert contoh[("sekretaris-dinas", "80 Persen")]["nilai_target"] == "80"
    assert contoh[("sekretaris-dinas", "B")]["nilai_target"] == ""


# -- JSON ----------------------------------------------------------------------

def test_json_valid_menurut_skema_yang_diterbitkan(situs):
    skema = json_unduhan(situs, "iki-2022.schema.json")
    jsonschema.Draft202012Validator.check_schema(skema)
    jsonschema.validate(json_unduhan(situs, "iki-2022.json"), skema, cls=jsonschema.Draft202012Validator)


def test_skema_menolak_data_yang_salah(situs):
    skema = json_unduhan(situs, "iki-2022.schema.json")
    dokumen = json_unduhan(situs, "iki-2022.json")
    dokumen["jabatan"][1]["iki"][0]["target"] = 80
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dokumen, skema, cls=jsonschema.Draft202012Validator)
    del dokumen["jabatan"][1]["iki"][0]["target"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(dokumen, skema, cls=jsonschema.Draft202012Validator)


def test_json_dibaca_kembali_menjadi_model_yang_sama(situs, keputusan):
    assert Keputusan.model_validate(json_unduhan(situs, "iki-2022.json")) == keputusan


def test_json_memuat_seluruh_keputusan(situs, keputusan):
    dokumen = json_unduhan(situs, "iki-2022.json")
    assert [j["slug"] for j in dokumen["jabatan"]] == [j.slug for j in keputusan.jabatan]
    assert [u["kode"] for u in dokumen["unit"]] == [u.kode for u in keputusan.unit]
    assert [t["kode"] for t in dokumen["tujuan"]] == [t.kode for t in keputusan.tujuan]
    assert dokumen["identitas"]["tanggal"] == "2022-01-07"
    sekretaris = dokumen["jabatan"][1]
    assert sekretaris["tugas"][0]["teks"] == keputusan.cari_jabatan(sekretaris["slug"]).tugas[0].teks
    assert all(isinstance(b["nomor"], int) for j in dokumen["jabatan"] for b in j["iki"] if b["nomor"] is not None)


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                     lambda isi: st.lists(isi) | st.dictionaries(st.text(), isi), max_leaves=20)


def _seperti_json_dumps(data: object) -> bytes:
    """The bytes the JSON downloads were written as before pydantic-core wrote them."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@settings(max_examples=1500, deadline=None)
@given(data=st.dictionaries(st.text(), _JSON))
def test_json_rapi_sama_dengan_json_dumps(data):
    """The JSON downloads are written by pydantic-core, byte for byte as Python's json module would."""
    assert json_rapi(data) == _seperti_json_dumps(data)


@pytest.mark.parametrize("nama", ["iki-2022.json", "iki-2022.schema.json", "datapackage.json", "catalog.jsonld"])
def test_unduhan_json_ditulis_seperti_json_dumps(situs, nama):
    isi = (situs / "unduh" / nama).read_bytes()
    assert isi == _seperti_json_dumps(json.loads(isi))


# -- XLSX ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def buku(situs):
    return openpyxl.load_workbook(situs / "unduh" / "iki-2022.xlsx")


def _baris_lembar(lembar) -> list[dict]:
    judul, *baris = lembar.iter_rows(values_only=True)
    assert list(judul) == KOLOM
    return [dict(zip(KOLOM, b, strict=True)) for b in baris]


def test_xlsx_lembar_semua_dan_per_unit(buku, keputusan):
    assert buku.sheetnames[0] == "Semua IKI"
    assert len(buku.sheetnames) == 1 + len(keputusan.unit)
    assert _baris_lembar(buku["Semua IKI"]) == harapan(keputusan)
    for lembar, unit in zip(buku.worksheets[1:], keputusan.unit, strict=True):
        assert len(lembar.title) <= 31 and unit.nama.startswith(lembar.title)
        assert _baris_lembar(lembar) == harapan(keputusan, keputusan.jabatan_di_unit(unit.kode)), unit.kode


def test_xlsx_jenis_sel(buku):
    for lembar in buku.worksheets:
        for b in _baris_lembar(lembar):
            for kolom, nilai in b.items():
                if nilai is None:
                    continue
                if kolom in BILANGAN:
                    assert type(nilai) in (int, float), (lembar.title, kolom, nilai)
                else:
                    assert isinstance(nilai, str), (lembar.title, kolom, nilai)


def test_xlsx_teks_berawalan_sama_dengan_tetap_teks(keputusan):
    """Decree text that looks like a spreadsheet formula is kept as text, never evaluated."""
    data = dokumen(keputusan)
    data["jabatan"][1]["iki"][0]["indikator"] = "=SUM(1,2)"
    lembar = openpyxl.load_workbook(io.BytesIO(ke_xlsx(Keputusan.model_validate(data))))["Semua IKI"]
    sel = lembar.cell(row=2, column=KOLOM.index("indikator") + 1)
    assert (sel.value, sel.data_type) == ("=SUM(1,2)", "s")


def test_xlsx_nama_lembar_diperiksa_seperti_xlsxwriter_tanpa_membandingkan_satu_per_satu(monkeypatch, keputusan):
    """The workbook checks a sheet's name as XlsxWriter does (too long, forbidden characters, the
    same name ignoring case), writes the same bytes, and never compares a new name with each sheet
    before it (iki.ekspor.tabel_xlsx relies on XlsxWriter's internals for this)."""
    import inspect

    import xlsxwriter
    from xlsxwriter.exceptions import DuplicateWorksheetName, InvalidWorksheetName

    from iki.ekspor import tabel_xlsx

    assert xlsxwriter.__version__ == "3.3.1"
    periksa = inspect.getsource(xlsxwriter.Workbook._check_sheetname)
    assert "for worksheet in self.worksheets():" in periksa and "sheetname.lower() == worksheet.name.lower()" in periksa
    assert "return self.worksheets_objs" in inspect.getsource(xlsxwriter.Workbook.worksheets)
    tambah = inspect.getsource(xlsxwriter.Workbook._add_sheet)
    assert "name = self._check_sheetname(name" in tambah and "self.worksheets_objs.append(worksheet)" in tambah

    def tulis(kelas: type, nama: list[str | None]) -> bytes:
        keluaran = io.BytesIO()
        buku = kelas(keluaran, {"in_memory": True})
        buku.set_properties({"created": datetime.datetime(2022, 1, 7, tzinfo=datetime.UTC)})
        for n in nama:
            buku.add_worksheet(n).write_string(0, 0, str(n))
        buku.close()
        return keluaran.getvalue()

    nama = ["Semua IKI", "Sekretariat", None, "Bidang ~2", "sheet4", "Ä" * 31]
    assert tulis(tabel_xlsx._Workbook, nama) == tulis(xlsxwriter.Workbook, nama)
    for salah, galat in [(["A", "a"], DuplicateWorksheetName), (["Sheet2", None], DuplicateWorksheetName),
                         (["ab", "AB"], DuplicateWorksheetName), (["a" * 32], InvalidWorksheetName),
                         (["a:b"], InvalidWorksheetName), (["'a"], InvalidWorksheetName)]:
        pesan = []
        for kelas in (tabel_xlsx._Workbook, xlsxwriter.Workbook):
            with pytest.raises(galat) as info:
                tulis(kelas, salah)
            pesan.append(str(info.value))
        assert pesan[0] == pesan[1]
    dibandingkan = []  # how many sheets each call of worksheets() gave to compare with
    monkeypatch.setattr(xlsxwriter.Workbook, "worksheets",
                        lambda self: dibandingkan.append(len(self.worksheets_objs)) or self.worksheets_objs)
    buku = tabel_xlsx._Workbook(io.BytesIO(), {"in_memory": True})
    for i in range(50):
        buku.add_worksheet(f"Lembar {i}")
    assert len(buku.worksheets_objs) == 50 and len(dibandingkan) == 50 and set(dibandingkan) == {0}
    assert isinstance(tabel_xlsx.Buku(keputusan, "Uji").buku, tabel_xlsx._Workbook)


def test_xlsx_mudah_dibaca(buku):
    for lembar in buku.worksheets:
        assert lembar.freeze_panes == "A2"
        assert all(s.font.b and s.fill.fgColor.rgb.endswith("3F51B5") for s in lembar[1])
        lebar = {k: lembar.column_dimensions[openpyxl.utils.get_column_letter(i)].width
                 for i, k in enumerate(KOLOM, start=1)}
        assert all(w >= 8 for w in lebar.values()) and lebar["indikator"] >= 40
        assert lembar.auto_filter.ref.startswith("A1:")


def test_unduhan_dilayani_dengan_jenis_mime_yang_benar(alamat_situs):
    """Served by the project's nginx server block, as on the intranet."""
    jenis = {".csv": "text/csv; charset=utf-8", ".json": "application/json",
             ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".pdf": "application/pdf"}
    for nama in BERKAS:
        with urllib.request.urlopen(alamat_situs + "unduh/" + nama) as jawaban:
            assert jawaban.headers["Content-Type"] == jenis[Path(nama).suffix], nama
    with urllib.request.urlopen(alamat_situs + "unduh/SHA256SUMS") as jawaban:
        assert jawaban.headers["Content-Type"] == "text/plain; charset=utf-8"


# -- pages that offer the downloads ---------------------------------------------

def test_halaman_unduh_mencantumkan_setiap_berkas(situs, acuan):
    sup = baca_html(situs / "unduh" / "index.html")
    baris = [tr for tr in sup.select("table.iki-daftar-unduhan tbody tr") if tr.find("a")]
    assert [tr.find("a").get_text() for tr in baris] == [*BERKAS, *LAIN]
    (per_jabatan,) = sup.select("table.iki-daftar-unduhan tr.iki-unduhan-per-jabatan")
    assert per_jabatan.th.get_text() == f"{FOLDER_E_KINERJA}/<kode jabatan>.csv"
    assert per_jabatan.find_all("td")[1].get_text().startswith(f"{acuan.ber_iki} berkas, ")
    for tr in baris:
        path = situs / "unduh" / tr.find("a")["href"]
        assert path.is_file()
        assert tr.find_all("td")[1].get_text() == ukuran_berkas(path.stat().st_size)
        assert tr.find_all("td")[3].get_text() == hashlib.sha256(path.read_bytes()).hexdigest()
    tautan = sup.select_one('.md-content a[href="SHA256SUMS"]')
    assert tautan is not None and (situs / "unduh" / tautan["href"]).is_file()
    assert "sha256sum -c SHA256SUMS" in sup.get_text()
    assert [th.get_text() for th in sup.select("table.iki-daftar-kolom tbody th")] == KOLOM
    assert "Keterbukaan Informasi Publik" in sup.get_text()
    assert [a.get_text(strip=True) for a in baca_html(situs / "index.html").select('nav a[href="unduh/"]')][:1] == [
        "Unduh data"]


def test_halaman_jabatan_menautkan_unduhan_dan_tombol_cetak(situs, keputusan):
    for j in keputusan.jabatan:
        sup = baca_html(situs / "jabatan" / j.slug / "index.html")
        tautan = [a["href"] for a in sup.select(".iki-unduh a")]
        assert {posixpath.basename(h) for h in tautan} >= set(BERKAS), j.slug
        for href in tautan:
            path = posixpath.normpath(posixpath.join("jabatan", j.slug, href.split("#")[0]))
            assert (situs / path).is_file() or (situs / path / "index.html").is_file(), (j.slug, href)
        tombol = sup.select("button.iki-tombol-cetak")
        assert len(tombol) == (1 if j.iki else 0), j.slug
        if tombol:
            # Its action is a listener in assets/iki.js (tests/test_peramban_csp.py clicks it): no inline script.
            assert tombol[0].get_text() == "Cetak formulir IKI" and not tombol[0].get("onclick")


# -- the same exports for another decree, without the PDF -----------------------

def test_nama_berkas_dari_keputusan_dan_pdf_bisa_dimatikan(proyek_mini):
    """File names start with the decree's `nama_unduhan` (fixed once published: iki-2022 for the real one)."""
    for berkas, lama, baru in (("data/diskoperindag-2022/keputusan.yml", "nama_unduhan: iki-2022", "nama_unduhan: iki-2023"),
                               ("mkdocs.yml", "  - iki\n", "  - iki:\n      pdf_lampiran: false\n")):
        path = proyek_mini / berkas
        assert lama in path.read_text()
        path.write_text(path.read_text().replace(lama, baru))
    hasil = bangun(proyek_mini)
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    unduh = proyek_mini / "site" / "unduh"
    assert sorted(p.name for p in unduh.iterdir()) == sorted([*tanpa_pdf(2023), "SHA256SUMS", "index.html"])
    sup = baca_html(unduh / "index.html")
    assert [a.get_text() for a in sup.select("table.iki-daftar-unduhan tbody a")] == [
        n.replace("2022", "2023") for n in [*BERKAS, *LAIN] if not n.endswith(".pdf")]
    assert periksa_tautan(proyek_mini / "site").rusak == []
    with open(unduh / "iki-2023.csv", encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == muat(LetakData.untuk(proyek_mini, ID_NYATA)).jumlah_baris_iki > 0
    halaman = baca_html(proyek_mini / "site" / "jabatan" / "bendahara" / "index.html")
    assert [a.get_text() for a in halaman.select(".iki-unduh a")][:4] == ["CSV", "JSON", "JSON Schema", "XLSX"]
    assert halaman.select_one('.iki-unduh a[href="../../unduh/iki-2023.csv"]')


def test_ekspor_tanpa_mkdocs(proyek_mini, tmp_path):
    hasil = subprocess.run([sys.executable, "-m", "iki.ekspor", str(tmp_path / "keluar"), "--proyek", str(proyek_mini),
                            "--tanpa-pdf"], capture_output=True, text=True, cwd=ROOT)
    assert hasil.returncode == 0, hasil.stderr
    assert sorted(p.name for p in (tmp_path / "keluar" / ID_NYATA).iterdir()) == sorted(
        [*tanpa_pdf(2022), "SHA256SUMS"])
    (proyek_mini / JABATAN / "bendahara.md").write_text("tanpa bagian data\n", encoding="utf-8")
    hasil = subprocess.run([sys.executable, "-m", "iki.ekspor", str(tmp_path / "lagi"), "--proyek", str(proyek_mini)],
                           capture_output=True, text=True, cwd=ROOT)
    assert hasil.returncode == 1
    assert "jabatan/diskoperindag-2022/bendahara.md:1: Berkas tidak diawali bagian data" in hasil.stderr
    assert not (tmp_path / "lagi").exists()
