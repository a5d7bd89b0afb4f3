"""Open data for machines and for e-Kinerja, in the real built site (`<site>/unduh/`):
datapackage.json validated by Frictionless against the real CSV files, catalog.jsonld read as RDF
(rdflib) with every distribution checked against the file's bytes, the e-Kinerja files checked row by
row against the model, the DIP row, and the same bytes on every build."""

from __future__ import annotations

import csv
import hashlib
import io
import posixpath
import zipfile
from unittest import mock

import openpyxl
import pytest
from frictionless import Resource, Schema, validate
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from conftest import DATA, ID_NYATA, baca_html, json_unduhan
from iki import ekspor
from iki.ekspor.e_kinerja import nama_lembar_jabatan
from iki.ekspor.katalog import katalog
from iki.kolom import BELUM_DITETAPKAN, KOLOM, KOLOM_DIP, KOLOM_E_KINERJA
from iki.loader import LetakData, periksa
from iki.model import Keputusan, Lisensi
from iki.organisasi import cari_sasaran
from iki.render import keterbukaan

SPDX = ns.Namespace("http://spdx.org/rdf/terms#")
BASIS = "http://iki.contoh.invalid/unduh/"  # where a harvester would fetch the catalogue from
CSV_TABEL = ["iki-2022.csv", "iki-2022-e-kinerja.csv", "iki-2022-dip.csv"]


def _csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# -- datapackage.json ------------------------------------------------------------

def test_paket_data_valid_menurut_frictionless(situs, acuan):
    laporan = validate(situs / "unduh" / "datapackage.json")
    assert laporan.valid, laporan.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])
    assert [t.stats["rows"] for t in laporan.tasks] == [acuan.baris_iki, acuan.baris_iki, 1]


def test_paket_data_menguraikan_setiap_csv_dengan_kolom_kode(situs):
    paket = json_unduhan(situs, "datapackage.json")
    assert paket["profile"] == "tabular-data-package"
    assert [r["path"] for r in paket["resources"]] == CSV_TABEL
    for r in paket["resources"]:
        isi = (situs / "unduh" / r["path"]).read_bytes()
        assert (r["bytes"], r["hash"]) == (len(isi), "sha256:" + hashlib.sha256(isi).hexdigest())
    iki = paket["resources"][0]["schema"]
    assert [(f["name"], f["type"], f["description"]) for f in iki["fields"]] == [
        (k.nama, k.jenis, k.uraian) for k in KOLOM]
    assert {f["name"]: f["type"] for f in iki["fields"]}["nilai_target"] == "number"
    assert iki["primaryKey"] == ["slug_jabatan", "baris_ke"]
    e_kinerja = paket["resources"][1]["schema"]
    assert [f["title"] for f in e_kinerja["fields"]] == [k.judul for k in KOLOM_E_KINERJA]


def test_frictionless_menolak_csv_yang_berubah(situs, tmp_path):
    """The package states the files' checksums: a changed file fails validation."""
    for nama in ["datapackage.json", *CSV_TABEL]:
        (tmp_path / nama).write_bytes((situs / "unduh" / nama).read_bytes())
    path = tmp_path / "iki-2022.csv"
    path.write_bytes(path.read_bytes().replace(b"Sekretaris Dinas", b"Sekretaris DinaS", 1))
    laporan = validate(tmp_path / "datapackage.json")
    assert not laporan.valid
    assert "hash-count" in {e.type for t in laporan.tasks for e in t.errors}


def test_csv_e_kinerja_per_jabatan_valid_menurut_skema_yang_sama(situs):
    skema = json_unduhan(situs, "datapackage.json")["resources"][1]["schema"]
    skema = {**skema, "primaryKey": ["baris_ke"]}  # one jabatan: the row position alone is the key
    for path in sorted((situs / "unduh" / "iki-2022-e-kinerja").iterdir()):
        laporan = Resource(path=path.name, basepath=str(path.parent), schema=Schema.from_descriptor(skema)).validate()
        assert laporan.valid, (path.name, laporan.flatten(["rowNumber", "fieldName", "type"]))


# -- catalog.jsonld ----------------------------------------------------------------

@pytest.fixture(scope="module")
def graf(situs) -> Graph:
    return Graph().parse(situs / "unduh" / "catalog.jsonld", format="json-ld", publicID=BASIS + "catalog.jsonld")


def test_katalog_setiap_distribusi_ada_dengan_ukuran_dan_sidik(graf, situs):
    distribusi = list(graf.subjects(ns.RDF.type, ns.DCAT.Distribution))
    # SHA256SUMS holds the checksums of every file, the catalogue's too: it is written after it, not described in it.
    berkas = sorted(p.name for p in (situs / "unduh").iterdir()
                    if p.is_file() and p.name not in ("catalog.jsonld", "index.html", "SHA256SUMS"))
    assert sorted(str(graf.value(d, ns.DCAT.downloadURL)).removeprefix(BASIS) for d in distribusi) == berkas
    for d in distribusi:
        isi = (situs / "unduh" / str(graf.value(d, ns.DCAT.downloadURL)).removeprefix(BASIS)).read_bytes()
        assert graf.value(d, ns.DCAT.byteSize) == Literal(str(len(isi)), datatype=ns.XSD.nonNegativeInteger)
        sidik = graf.value(d, SPDX.checksum)
        assert graf.value(sidik, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        assert str(graf.value(sidik, SPDX.checksumValue)) == hashlib.sha256(isi).hexdigest()
        assert str(graf.value(d, ns.DCAT.mediaType)).startswith("https://www.iana.org/assignments/media-types/")
        assert str(graf.value(d, ns.DCTERMS.format)).startswith("http://publications.europa.eu/resource/authority/file-type/")
        assert graf.value(d, ns.DCTERMS.title).language == "id"


def test_katalog_dataset_dalam_bahasa_indonesia(graf, keputusan):
    (dataset,) = graf.subjects(ns.RDF.type, ns.DCAT.Dataset)
    (katalog_,) = graf.subjects(ns.RDF.type, ns.DCAT.Catalog)
    assert (katalog_, ns.DCAT.dataset, dataset) in graf
    judul = graf.value(dataset, ns.DCTERMS.title)
    assert judul.language == "id" and "Indikator Kinerja Individu" in judul
    assert graf.value(dataset, ns.DCTERMS.description).language == "id"
    penerbit = graf.value(dataset, ns.DCTERMS.publisher)
    assert str(graf.value(penerbit, ns.FOAF.name)) == keputusan.identitas.instansi
    tanggal = Literal(keputusan.identitas.tanggal.isoformat(), datatype=ns.XSD.date)
    assert graf.value(dataset, ns.DCTERMS.issued) == graf.value(dataset, ns.DCTERMS.modified) == tanggal
    assert graf.value(dataset, ns.DCAT.landingPage) == URIRef(BASIS)
    assert str(graf.value(dataset, ns.DCTERMS.identifier)) == keputusan.identitas.nomor


def test_lisensi_belum_ditetapkan_dinyatakan(graf, situs):
    (dataset,) = graf.subjects(ns.RDF.type, ns.DCAT.Dataset)
    assert graf.value(dataset, ns.DCTERMS.license) is None
    assert BELUM_DITETAPKAN in str(graf.value(graf.value(dataset, ns.DCTERMS.rights), URIRef(
        "http://www.w3.org/2000/01/rdf-schema#label")))
    teks = baca_html(situs / "unduh" / "index.html").select_one(".iki-keterbukaan").get_text(" ", strip=True)
    assert f"Lisensi data: {BELUM_DITETAPKAN}" in teks


def test_lisensi_yang_ditetapkan_dipakai(keputusan):
    lisensi = Lisensi(nama="Lisensi fiktif untuk uji", alamat="https://lisensi.contoh.invalid/fiktif/")
    idt = keputusan.identitas.model_copy(update={
        "keterbukaan": keputusan.identitas.keterbukaan.model_copy(update={"lisensi": lisensi})})
    k = keputusan.model_copy(update={"identitas": idt})
    dataset = next(n for n in katalog(k, ekspor.buat_unduhan(k, [ekspor.CSV]))["@graph"]
                   if n["@type"] == "dcat:Dataset")
    assert dataset["dct:license"]["@id"] == lisensi.alamat and "dct:rights" not in dataset
    assert f'<a href="{lisensi.alamat}">{lisensi.nama}</a>' in keterbukaan(k)


# -- e-Kinerja ----------------------------------------------------------------------

def _didukung(keputusan: Keputusan, j, b) -> tuple[str, str]:
    """(rhk_pimpinan, indikator_pimpinan) as the model says, worked out here independently."""
    if j.atasan is None:
        return "Tidak ada", "Tidak ada"
    if not b.mendukung:
        return "Belum dipetakan", "Belum dipetakan"
    if "/" in b.mendukung:
        slug, n = b.mendukung.split("/")
        induk = keputusan.cari_jabatan(slug).iki[int(n) - 1]
        return induk.sasaran, induk.indikator
    ss = cari_sasaran(keputusan.tujuan, b.mendukung)
    return f"Sasaran Strategis {ss.kode}: {ss.teks}", ss.indikator_kinerja[0].teks


def _periksa_baris_e_kinerja(keputusan, baris: list[dict]):
    harapan = [(j, i, b) for j in keputusan.jabatan for i, b in enumerate(j.iki, start=1)]
    assert len(baris) == len(harapan) == keputusan.jumlah_baris_iki
    dipetakan = 0
    for dibaca, (j, i, b) in zip(baris, harapan, strict=True):
        assert (dibaca["slug_jabatan"], int(dibaca["baris_ke"]), dibaca["jenis_rhk"]) == (j.slug, i, "Utama")
        assert (dibaca["rencana_hasil_kerja"], dibaca["indikator_kinerja_individu"], dibaca["target"]) == (
            b.sasaran, b.indikator, b.target)
        target = keputusan.target(b)
        assert dibaca["target_satuan"] == (target.satuan or "")
        assert dibaca["target_nilai"] == ("" if target.nilai is None else str(target.nilai))
        rhk, indikator = _didukung(keputusan, j, b)
        assert dibaca["rhk_pimpinan"].startswith(rhk), (j.slug, i)
        assert indikator in dibaca["indikator_pimpinan"], (j.slug, i)
        assert dibaca["mendukung"] == (b.mendukung or "")
        assert all(dibaca[k] for k in ("pimpinan", "rhk_pimpinan", "indikator_pimpinan")), (j.slug, i)
        dipetakan += bool(b.mendukung)
    assert dipetakan == sum(1 for j in keputusan.jabatan for b in j.iki if b.mendukung) > 0


def test_csv_e_kinerja_satu_baris_per_baris_iki(situs, keputusan):
    _periksa_baris_e_kinerja(keputusan, _csv(situs / "unduh" / "iki-2022-e-kinerja.csv"))


def test_csv_e_kinerja_per_jabatan_sama_dengan_gabungan(situs, keputusan):
    folder = situs / "unduh" / "iki-2022-e-kinerja"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{j.slug}.csv" for j in keputusan.jabatan if j.iki)
    gabungan = [b for j in keputusan.jabatan if j.iki for b in _csv(folder / f"{j.slug}.csv")]
    assert gabungan == _csv(situs / "unduh" / "iki-2022-e-kinerja.csv")


def test_xlsx_e_kinerja_satu_lembar_per_jabatan(situs, keputusan):
    buku = openpyxl.load_workbook(situs / "unduh" / "iki-2022-e-kinerja.xlsx")
    dengan_iki = [j for j in keputusan.jabatan if j.iki]
    assert buku.sheetnames == ["Petunjuk"] + [nama_lembar_jabatan(j) for j in dengan_iki]
    assert len(set(n.casefold() for n in buku.sheetnames)) == len(buku.sheetnames)
    baris = []
    for lembar, j in zip(buku.worksheets[1:], dengan_iki, strict=True):
        judul, *isi = lembar.iter_rows(values_only=True)
        assert list(judul) == [k.judul for k in KOLOM_E_KINERJA]
        assert len(isi) == len(j.iki), j.slug
        baris += [{k.nama: "" if v is None else str(v) for k, v in zip(KOLOM_E_KINERJA, b, strict=True)} for b in isi]
    _periksa_baris_e_kinerja(keputusan, baris)
    petunjuk = " ".join(str(s) for b in buku["Petunjuk"].iter_rows(values_only=True) for s in b if s)
    assert "PermenPANRB Nomor 6 Tahun 2022" in petunjuk and "tidak dinilai" in petunjuk


def test_halaman_jabatan_menautkan_berkas_e_kinerja(situs, keputusan):
    buku = openpyxl.load_workbook(situs / "unduh" / "iki-2022-e-kinerja.xlsx", read_only=True)
    for j in keputusan.jabatan:
        blok = baca_html(situs / "jabatan" / j.slug / "index.html").select_one(".iki-unduh-e-kinerja")
        if not j.iki:
            assert "tidak memuat tabel IKI" in blok.get_text()
            continue
        tautan = [a["href"] for a in blok.find_all("a")]
        assert tautan == ["../../unduh/iki-2022-e-kinerja/" + j.slug + ".csv", "../../unduh/iki-2022-e-kinerja.xlsx",
                          "../../unduh/#e-kinerja"], j.slug
        lembar = nama_lembar_jabatan(j)
        assert f"lembar “{lembar}”" in blok.get_text() and lembar in buku.sheetnames


def test_halaman_unduh_menjelaskan_e_kinerja(situs):
    sup = baca_html(situs / "unduh" / "index.html")
    bagian = sup.find(id="e-kinerja").find_next("table")
    assert [td.get_text() for td in bagian.select("tbody tr td:first-child")][:3] == [
        "RHK pimpinan yang diintervensi", "Rencana Hasil Kerja", "Indikator Kinerja Individu"]
    teks = sup.get_text(" ")
    assert "Peraturan Menteri PANRB Nomor 6 Tahun 2022" in teks and "Disalin, bukan dinilai" in teks
    assert [th.code.get_text() for th in sup.select("table.iki-daftar-kolom-e-kinerja tbody th")] == [
        k.nama for k in KOLOM_E_KINERJA]


# -- Daftar Informasi Publik -----------------------------------------------------------

def test_dip_di_halaman_unduh_sama_dengan_csv(situs, keputusan, acuan):
    (baris,) = _csv(situs / "unduh" / "iki-2022-dip.csv")
    assert list(baris) == [k.nama for k in KOLOM_DIP]
    sup = baca_html(situs / "unduh" / "index.html")
    tabel = sup.select_one("table.iki-dip")
    assert [(tr.th.get_text(), tr.td.get_text()) for tr in tabel.select("tbody tr")] == [
        (k.judul, baris[k.nama]) for k in KOLOM_DIP]
    assert tabel.caption.a["href"] == "iki-2022-dip.csv"
    idt = keputusan.identitas
    assert baris["judul_informasi"] == f"Keputusan Nomor {idt.nomor} tentang {idt.judul}"
    assert baris["penanggung_jawab_pembuatan_informasi"] == idt.penandatangan.jabatan
    assert baris["waktu_dan_tempat_pembuatan_informasi"] == "Purwakarta, 7 Januari 2022"
    assert baris["jangka_waktu_penyimpanan"] == BELUM_DITETAPKAN
    assert f"{acuan.baris_iki} baris IKI" in baris["ringkasan_isi_informasi"]


# -- same bytes on every build ------------------------------------------------------------

def test_berkas_baru_sama_pada_setiap_build(keputusan):
    """A workbook would carry the time of writing, in its properties and in its zip entries: its
    properties carry the decree's date, its zip entries XlsxWriter's fixed date. Two builds at two
    (made-up) clock times give the same bytes."""
    daftar = [e for e in ekspor.EKSPOR if e is not ekspor.PDF]
    hasil = []
    for detik in (1_900_000_000, 2_000_000_000):
        with mock.patch("time.time", return_value=detik):
            hasil.append({u.nama: u.isi for u in ekspor.buat_unduhan(keputusan, daftar)})
    assert hasil[0] == hasil[1]
    for nama in ("iki-2022.xlsx", "iki-2022-e-kinerja.xlsx"):
        with zipfile.ZipFile(io.BytesIO(hasil[0][nama])) as z:
            assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}, nama
            inti = z.read("docProps/core.xml").decode()
            assert inti.count(">2022-01-07T00:00:00Z<") == 2, inti  # created, modified


def test_alamat_di_katalog_relatif(situs):
    """No host name and no build time in the descriptions: they stay right wherever the site is served."""
    for nama in ("catalog.jsonld", "datapackage.json"):
        teks = (situs / "unduh" / nama).read_text(encoding="utf-8")
        assert "localhost" not in teks and "127.0.0.1" not in teks
    dokumen = json_unduhan(situs, "catalog.jsonld")
    unduhan = [n["dcat:downloadURL"]["@id"] for n in dokumen["@graph"] if n["@type"] == "dcat:Distribution"]
    assert all(posixpath.basename(a) == a for a in unduhan)


@pytest.mark.parametrize("isi, pesan", [
    ("lisensi: CC-BY", "[kolom keterbukaan → lisensi]: Nilai harus berupa kumpulan kolom, bukan teks."),
    ('lisensi: {nama: Fiktif, alamat: "javascript:alert(1)"}',
     "[kolom keterbukaan → lisensi → alamat]: 'javascript:alert(1)' bukan alamat web. Tulis alamat lengkap yang "
     "diawali https://"),
    ("retensi: 5", "[kolom keterbukaan → retensi]: Nilai harus berupa teks, bukan bilangan bulat."),
])
def test_keterbukaan_yang_salah_dilaporkan(proyek_mini, isi, pesan):
    """The licence becomes a link: only a web address is accepted, with a message naming file and field."""
    path = proyek_mini / DATA / "keputusan.yml"
    teks = path.read_text(encoding="utf-8")
    kunci = isi.split(":")[0]
    assert f"  {kunci}: null\n" in teks
    path.write_text(teks.replace(f"  {kunci}: null\n", f"  {isi}\n"), encoding="utf-8")
    _, masalah = periksa(LetakData.untuk(proyek_mini, ID_NYATA))
    assert any(str(m).startswith(f"{DATA}/keputusan.yml:") and pesan in str(m) for m in masalah), [str(m) for m in masalah]
