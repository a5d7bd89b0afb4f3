"""Synthetic data for the benchmark: a whole project folder with N jabatan over U units.

The files are written in exactly the project's own format (data/unit.yml,
jabatan/<slug>.md with front matter and a body of tugas lines), so the real
loader, checks, macros and templates run on them. The text is Indonesian-like:
a word chain learnt from the real decree's tugas and IKI rows, with the real
data's sizes (tugas 5-35 items, 1-4 IKI rows, shared NO/SASARAN cells, rare
sub-items). Same arguments, same seed: same files.
"""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from iki.loader import LetakData, muat
from iki.model import Keputusan
from iki.pemuat_arsip import muat_arsip

ROOT = Path(__file__).resolve().parents[1]
# What a project needs besides its jabatan: configuration, pages, theme overrides, macros, shared data.
BAGIAN_PROYEK = ("mkdocs.yml", "docs", "overrides", "macros", "data")
# The synthetic decree takes the place of the real one (same identity, Tujuan and staff tables).
ID = "diskoperindag-2022"

_KECAMATAN = ("Babakancikao", "Bojong", "Bungursari", "Campaka", "Cibatu", "Darangdan", "Jatiluhur",
              "Kiarapedes", "Maniis", "Pasawahan", "Plered", "Pondoksalam", "Purwakarta", "Sukasari",
              "Sukatani", "Tegalwaru", "Wanayasa")
_URUSAN = ("Koperasi", "Usaha Mikro", "Perdagangan", "Perindustrian", "Pertanian", "Perikanan",
           "Ketahanan Pangan", "Pendidikan Dasar", "Kesehatan Masyarakat", "Pekerjaan Umum", "Perhubungan",
           "Lingkungan Hidup", "Kependudukan", "Sosial", "Tenaga Kerja", "Pariwisata", "Kebudayaan",
           "Kepemudaan dan Olahraga", "Penanaman Modal", "Perumahan dan Permukiman", "Pertanahan",
           "Kearsipan", "Perpustakaan", "Komunikasi dan Informatika", "Statistik", "Persandian",
           "Pemberdayaan Masyarakat Desa", "Pengendalian Penduduk", "Perlindungan Anak", "Kebakaran")
_LAYANAN_UPTD = ("Pasar", "Puskesmas", "Laboratorium", "Balai Benih", "Terminal", "Pengelolaan Sampah",
                 "Metrologi Legal", "Sentra Industri", "Pengujian Kendaraan", "Rumah Potong Hewan")
_FUNGSIONAL = ("Analis Kebijakan Ahli Muda", "Perencana Ahli Muda", "Pengawas Koperasi Ahli Muda",
               "Penyuluh Ahli Pertama", "Pranata Komputer Ahli Pertama", "Arsiparis Terampil",
               "Analis Perdagangan Ahli Muda", "Pengawas Mutu Ahli Pertama", "Penera Terampil")
_PELAKSANA = ("Pengadministrasi Umum", "Pengelola Data", "Penyusun Program Anggaran dan Pelaporan",
              "Bendahara", "Pengelola Kepegawaian", "Pengadministrasi Keuangan", "Pengolah Data Perizinan",
              "Pengelola Barang Milik Daerah", "Pengemudi", "Petugas Pelayanan")
_SATUAN = ("Dokumen", "Laporan", "Kegiatan", "Unit", "UKM", "Koperasi", "Izin", "Pelaku Usaha", "Berkas")
_AKHIR = "\0"  # end-of-sentence state of the word chain


@dataclass
class RantaiKata:
    """A word chain (order 2) learnt from real sentences; writes new ones of similar length."""

    rantai: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    awal: list[tuple[str, str]] = field(default_factory=list)
    panjang: list[int] = field(default_factory=list)

    @classmethod
    def dari(cls, kalimat: list[str]) -> RantaiKata:
        r = cls()
        for teks in kalimat:
            kata = teks.split()
            if len(kata) < 3:
                continue
            r.awal.append((kata[0], kata[1]))
            r.panjang.append(len(kata))
            for a, b, c in zip(kata, kata[1:], kata[2:] + [_AKHIR]):
                r.rantai[(a, b)].append(c)
        return r

    def kalimat(self, acak: random.Random) -> str:
        batas = acak.choice(self.panjang)
        kata = list(acak.choice(self.awal))
        while len(kata) < batas:
            lanjut = acak.choice(self.rantai.get((kata[-2], kata[-1]), [_AKHIR]))
            if lanjut == _AKHIR:
                if len(kata) >= batas // 2:
                    break
                kata += acak.choice(self.awal)  # too short: carry on with a fresh start
            else:
                kata.append(lanjut)
        return " ".join(kata).rstrip(";,.") + ";"


@dataclass
class _Korpus:
    tugas: RantaiKata
    sasaran: RantaiKata
    indikator: RantaiKata
    kualitatif: list[str]
    sasaran_strategis: list[str]

    @classmethod
    def dari(cls, keputusan: Keputusan) -> _Korpus:
        tugas = [t.teks for j in keputusan.jabatan for t in j.tugas]
        tugas += [s.teks for j in keputusan.jabatan for t in j.tugas for s in t.sub]
        baris = [b for j in keputusan.jabatan for b in j.iki]
        return cls(RantaiKata.dari(tugas), RantaiKata.dari([b.sasaran for b in baris]),
                   RantaiKata.dari([b.indikator for b in baris]), list(keputusan.identitas.target_kualitatif),
                   [ss.kode for t in keputusan.tujuan for ss in t.sasaran_strategis])


@dataclass
class _JabatanBaru:
    slug: str
    nama: str
    unit: str
    jenis: str
    eselon: str | None
    atasan: str | None
    jumlah_iki: int = 0


def _nama_unit(i: int) -> tuple[str, str]:
    """(jenis, nama) of the i-th unit after the pimpinan; names never repeat."""
    if i == 0:
        return "sekretariat", "Sekretariat"
    putaran, sisa = divmod(i - 1, 4)
    if sisa < 3:
        urusan = _URUSAN[(putaran * 3 + sisa) % len(_URUSAN)]
        ke = (putaran * 3 + sisa) // len(_URUSAN)
        return "bidang", f"Bidang {urusan}" + (f" {ke + 1}" if ke else "")
    layanan = _LAYANAN_UPTD[putaran % len(_LAYANAN_UPTD)]
    kecamatan = _KECAMATAN[(putaran // len(_LAYANAN_UPTD)) % len(_KECAMATAN)]
    ke = putaran // (len(_LAYANAN_UPTD) * len(_KECAMATAN))
    return "uptd", f"UPTD {layanan} Kecamatan {kecamatan}" + (f" {ke + 1}" if ke else "")


def _slug(teks: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in teks.casefold()).split())


def jumlah_unit_bawaan(jumlah: int) -> int:
    """Default number of units: about 20 jabatan per unit (a Kabupaten's bidang and UPTD)."""
    return max(3, round(jumlah / 20))


def _susunan(jumlah: int, jumlah_unit: int, acak: random.Random) -> tuple[list[dict], list[_JabatanBaru]]:
    """Units and jabatan: a Kepala Dinas; per unit a head, a few eselon IV heads, then staff."""
    if jumlah_unit < 2 or jumlah < jumlah_unit:
        raise ValueError(f"Perlu sedikitnya 2 unit dan satu jabatan per unit (diminta {jumlah} jabatan, {jumlah_unit} unit).")
    kepala_dinas = _JabatanBaru("kepala-dinas", "Kepala Dinas", "pimpinan", "struktural", "II", None)
    unit = [{"kode": "pimpinan", "nama": "Kepala Dinas", "jenis": "pimpinan", "kepala": kepala_dinas.slug}]
    jabatan = [kepala_dinas]
    # Spread the other jabatan over the units unevenly, at least one (the head) each.
    bobot = [acak.uniform(0.5, 1.5) for _ in range(jumlah_unit - 1)]
    isi = [1] * (jumlah_unit - 1)
    for k in acak.choices(range(jumlah_unit - 1), weights=bobot, k=jumlah - jumlah_unit):
        isi[k] += 1
    for i, banyak in enumerate(isi):
        jenis_unit, nama_unit = _nama_unit(i)
        kode = _slug(nama_unit)
        uptd = jenis_unit == "uptd"
        kepala = _JabatanBaru(f"kepala-{kode}", f"Kepala {nama_unit}", kode, "struktural",
                              "IV" if uptd else "III", kepala_dinas.slug)
        unit.append({"kode": kode, "nama": nama_unit, "jenis": jenis_unit, "kepala": kepala.slug})
        anggota = [kepala]
        sub_kepala = [kepala]
        for n in range(1, banyak):
            if not uptd and n <= min(3, (banyak - 1) // 4):
                seksi = acak.choice(_URUSAN)
                nama = f"Kepala Seksi {seksi} {n} {nama_unit}"
                baru = _JabatanBaru(_slug(nama), nama, kode, "struktural", "IV", kepala.slug)
                sub_kepala.append(baru)
            else:
                jenis = acak.choice(("fungsional", "pelaksana", "pelaksana"))
                judul = acak.choice(_FUNGSIONAL if jenis == "fungsional" else _PELAKSANA)
                nama = f"{judul} {n} {nama_unit}"
                baru = _JabatanBaru(_slug(nama), nama, kode, jenis, None, acak.choice(sub_kepala).slug)
            anggota.append(baru)
        jabatan += anggota
    return unit, jabatan


def _baris_iki(j: _JabatanBaru, per_slug: dict[str, _JabatanBaru], korpus: _Korpus, acak: random.Random) -> list[dict]:
    baris: list[dict] = []
    nomor = 0
    while len(baris) < j.jumlah_iki:
        nomor += 1
        sasaran = korpus.sasaran.kalimat(acak).rstrip(";")
        for _ in range(min(j.jumlah_iki - len(baris), acak.choice((1, 1, 1, 2)))):  # rows sharing NO/SASARAN
            if acak.random() < 0.1:
                target = acak.choice(korpus.kualitatif)
            elif acak.random() < 0.3:
                target = f"{acak.choice((80, 90, 100))}%"
            else:
                target = f"{acak.randint(1, 1200)} {acak.choice(_SATUAN)}"
            b = {"nomor": nomor, "sasaran": sasaran, "indikator": korpus.indikator.kalimat(acak).rstrip(";"),
                 "target": target}
            # Most rows name what they support: a row of the atasan, or a Sasaran Strategis under the Kepala Dinas.
            atasan = per_slug.get(j.atasan or "")
            if atasan and acak.random() < 0.7:
                if atasan.jumlah_iki:
                    b["mendukung"] = f"{atasan.slug}/{acak.randint(1, atasan.jumlah_iki)}"
                else:
                    b["mendukung"] = acak.choice(korpus.sasaran_strategis)
            baris.append(b)
    return baris


def _tugas(korpus: _Korpus, acak: random.Random) -> str:
    baris = []
    for n in range(1, acak.randint(5, 35) + 1):
        baris.append(f"{n}. {korpus.tugas.kalimat(acak)}")
        if acak.random() < 0.03:
            for huruf in "abcdefg"[: acak.randint(2, 5)]:
                baris.append(f"   {huruf}. {korpus.tugas.kalimat(acak)}")
    return "\n".join(baris) + "\n"


def _berkas_jabatan(data: dict, tugas: str) -> str:
    kepala = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{kepala}---\n{tugas}"


def _salin_bagian_proyek(tujuan: Path) -> None:
    if tujuan.exists():
        shutil.rmtree(tujuan)
    tujuan.mkdir(parents=True)
    for bagian in BAGIAN_PROYEK:
        asal = ROOT / bagian
        (shutil.copytree if asal.is_dir() else shutil.copy)(asal, tujuan / bagian)


def _tulis_keputusan(tujuan: Path, id: str, jumlah: int, jumlah_unit: int, korpus: _Korpus,
                     acak: random.Random) -> None:
    """`data/<id>/unit.yml` and `jabatan/<id>/*.md` with `jumlah` synthetic jabatan (the decree's
    other data files are already there)."""
    daftar_unit, jabatan = _susunan(jumlah, jumlah_unit, acak)
    (tujuan / "data" / id / "unit.yml").write_text(
        "# Data sintetis untuk uji kinerja (bench/sintetis.py).\n"
        + yaml.safe_dump(daftar_unit, allow_unicode=True, sort_keys=False), encoding="utf-8")
    folder = tujuan / "jabatan" / id
    folder.mkdir(parents=True)
    per_slug = {j.slug: j for j in jabatan}
    for urutan, j in enumerate(jabatan):
        # Atasan come before their staff in the list, so their row count is known when rows point at them.
        j.jumlah_iki = 0 if j.atasan is None else acak.choice((1, 2, 2, 3, 3, 4))
        data = {"nama": j.nama, "urutan": urutan, "unit": j.unit, "jenis": j.jenis, "eselon": j.eselon,
                "atasan": j.atasan}
        if j.jumlah_iki:
            data["iki"] = _baris_iki(j, per_slug, korpus, acak)
        else:
            data["tanpa_iki"] = "Kinerja Kepala Dinas diukur dengan Sasaran Strategis Dinas."
        (folder / f"{j.slug}.md").write_text(_berkas_jabatan(data, _tugas(korpus, acak)), encoding="utf-8")


def _komit(tujuan: Path, pesan: str) -> None:
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "commit.gpgsign=false"]
    for perintah in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", pesan]):
        subprocess.run(git + perintah, cwd=tujuan, check=True, capture_output=True)


def buat_proyek(tujuan: Path, jumlah: int, jumlah_unit: int | None = None, benih: int = 2022) -> Path:
    """Write a complete project folder: the repository's configuration, pages and shared data,
    then `data/<id>/unit.yml` and `jabatan/<id>/*.md` with `jumlah` synthetic jabatan in place of
    the real decree's; committed to a new git repository, so the build reads every file's history as
    it does in the real one."""
    acak = random.Random(benih)
    korpus = _Korpus.dari(muat(LetakData.untuk(ROOT, ID)))
    _salin_bagian_proyek(tujuan)
    _tulis_keputusan(tujuan, ID, jumlah, jumlah_unit or jumlah_unit_bawaan(jumlah), korpus, acak)
    _komit(tujuan, f"Data sintetis: {jumlah} jabatan")
    return tujuan


def buat_kabupaten(tujuan: Path, instansi: int = 30, jabatan: int = 70, benih: int = 2022) -> Path:
    """A whole Kabupaten: `instansi` perangkat daerah of `jabatan` jabatan each, in two successive
    years. The first instansi's 2022 decree takes the real decree's place at the site root (the
    site's hand-written pages are about it); every 2023 decree is a copy of its 2022 one, as
    `python -m iki keputusan-baru` makes it, with about one target in ten and one tugas in twenty
    changed."""
    acak = random.Random(benih)
    korpus = _Korpus.dari(muat(LetakData.untuk(ROOT, ID)))
    _salin_bagian_proyek(tujuan)
    identitas = (ROOT / "data" / ID / "keputusan.yml").read_text(encoding="utf-8")
    shutil.rmtree(tujuan / "data" / ID)
    for i in range(instansi):
        kode = f"opd{i + 1:02d}"
        for tahun in (2022, 2023):
            id = ID if (i, tahun) == (0, 2022) else f"{kode}-{tahun}"
            shutil.copytree(ROOT / "data" / ID, tujuan / "data" / id)
            teks = identitas.replace("kode_instansi: diskoperindag", f"kode_instansi: {kode}")
            teks = teks.replace('instansi: "Dinas Koperasi', f'instansi: "{_URUSAN[i % len(_URUSAN)]} {i + 1}: Dinas Koperasi')
            if id != ID:
                teks = teks.replace("alamat: /\n", "").replace("nama_unduhan: iki-2022\n", "")
            if tahun == 2023:
                sebelumnya = ID if i == 0 else f"{kode}-2022"
                teks = teks.replace("tahun: 2022", "tahun: 2023").replace("tanggal: 2022-01-07", "tanggal: 2023-01-09")
                teks += f"mengganti: {sebelumnya}\n"
            (tujuan / "data" / id / "keputusan.yml").write_text(teks, encoding="utf-8")
        lama, baru = (ID if i == 0 else f"{kode}-2022"), f"{kode}-2023"
        _tulis_keputusan(tujuan, lama, jabatan, jumlah_unit_bawaan(jabatan), korpus, acak)
        shutil.copy(tujuan / "data" / lama / "unit.yml", tujuan / "data" / baru / "unit.yml")
        shutil.copytree(tujuan / "jabatan" / lama, tujuan / "jabatan" / baru)
        for path in sorted((tujuan / "jabatan" / baru).glob("*.md")):
            teks = path.read_text(encoding="utf-8")
            teks = re.sub(r"(?m)^(    target: )(\d+)", lambda m: m[1] + (str(int(m[2]) + acak.randint(1, 9))
                                                                       if acak.random() < 0.1 else m[2]), teks)
            if acak.random() < 0.05:
                teks = teks.replace("\n1. ", "\n1. melaksanakan dan ", 1)
            path.write_text(teks, encoding="utf-8")
    _komit(tujuan, f"Data sintetis Kabupaten: {instansi} instansi x {jabatan} jabatan, 2022 dan 2023")
    return tujuan


_pembanding = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=False,
                          trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)


def buat_pembanding(proyek: Path, tujuan: Path) -> Path:
    """The baseline: the same jabatan as plain Markdown pages in a flat plain Material site with search."""
    (keputusan,) = muat_arsip(proyek)
    if tujuan.exists():
        shutil.rmtree(tujuan)
    (tujuan / "docs" / "jabatan").mkdir(parents=True)
    (tujuan / "docs" / "index.md").write_text("# Pembanding\n", encoding="utf-8")
    templat = _pembanding.get_template("pembanding.md.j2")
    for j in keputusan.jabatan:
        (tujuan / "docs" / "jabatan" / f"{j.slug}.md").write_text(
            templat.render(j=j, unit=keputusan.cari_unit(j.unit)), encoding="utf-8")
    konfigurasi = {
        "site_name": "Pembanding",
        "theme": {"name": "material", "language": "id", "font": False},
        "plugins": ["search"],
        "nav": [{"Beranda": "index.md"}] + [{j.nama: f"jabatan/{j.slug}.md"} for j in keputusan.jabatan],
    }
    (tujuan / "mkdocs.yml").write_text(yaml.safe_dump(konfigurasi, allow_unicode=True, sort_keys=False),
                                       encoding="utf-8")
    return tujuan
