"""The forms as the project's files: data/<id>/keputusan.yml, jabatan/<id>/<slug>.md (written
by the same writer as `jabatan-baru`), and the report LAPORAN-IMPOR-<id>.md listing everything a
person must look at. Unit and atasan are never in a form: they are left as "ISI ..." placeholders;
jenis and eselon are proposed from the jabatan's name and marked `turunan` with the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..berkas_jabatan import teks_berkas, yaml_teks
from ..loader import ISIAN, slug_dari
from ..model import urai_target
from .formulir import BAGIAN, Bacaan, Formulir, Temuan

KETERANGAN_JABATAN = """\
# Berkas ini dibuat dengan perintah impor dari {sumber}.
# Nama, tugas dan baris IKI adalah teks dokumen itu. Ganti setiap isian "ISI ..." (unit dan
# atasan tidak disebut formulir), periksa nilai "turunan", baca LAPORAN-IMPOR-{id}.md,
# lalu jalankan: python -m iki periksa.
# Baris yang diawali tanda # boleh dihapus.
"""
KETERANGAN_KEPUTUSAN = """\
# Identitas keputusan, dibuat dengan perintah impor dari {sumber}.
# Ganti setiap isian "ISI ..." dengan yang tertulis di Keputusan; lihat LAPORAN-IMPOR-{id}.md.
"""
# Qualitative targets ("A", "BB"): proposed for keputusan.yml's target_kualitatif when found.
_NILAI_HURUF = re.compile(r"^[A-E]{1,2}$")
_STRUKTURAL = re.compile(r"^(Kepala|Sekretaris)\b", re.I)
_JENJANG_FUNGSIONAL = re.compile(r"\b(Ahli (Pertama|Muda|Madya|Utama)|Terampil|Mahir|Penyelia|Pemula)\b", re.I)
_ESELON = [(re.compile(r"^Kepala (Dinas|Badan)\b", re.I), "II"),
           (re.compile(r"^(Sekretaris|Kepala Bidang)\b", re.I), "III"),
           (re.compile(r"^Kepala (Sub ?Bagian|Sub ?Bidang|Seksi|UPTD?|Unit Pelaksana)\b", re.I), "IV")]


@dataclass(frozen=True)
class Rencana:
    """What an import writes: file paths relative to the output folder, and their text."""

    berkas: dict[str, str]
    laporan: str  # the report's path among them
    jumlah_jabatan: int
    jumlah_temuan: int


def rencanakan(bacaan: Bacaan, identitas: dict, asal: dict[str, str], sumber: str, id_keputusan: str) -> Rencana:
    huruf = {b.target for f in bacaan.formulir for b in f.iki if _NILAI_HURUF.match(b.target)}
    # The site's code of the instansi (not decree text): the id without its year.
    kode = re.sub(r"-\d{4}$", "", id_keputusan)
    identitas = {**{k: v for k, v in identitas.items() if k != "instansi"},
                 **({"instansi": identitas["instansi"]} if "instansi" in identitas else {}),
                 "kode_instansi": kode, "target_kualitatif": sorted(huruf)}
    berkas = {f"data/{id_keputusan}/keputusan.yml":
              KETERANGAN_KEPUTUSAN.format(sumber=sumber, id=id_keputusan) + yaml_teks(identitas)}
    temuan = list(bacaan.temuan)
    for f in bacaan.formulir:
        for b in f.iki:
            if urai_target(b.target, set(identitas["target_kualitatif"])) is None and b.target != ISIAN["target"]:
                temuan.append(_temuan_target(f, b.letak, b.target))
    usulan: list[tuple[str, Formulir, dict]] = []
    dipakai: set[str] = set()
    keterangan = KETERANGAN_JABATAN.format(sumber=sumber, id=id_keputusan)
    for urutan, f in enumerate(bacaan.formulir, start=1):
        slug = dasar = slug_dari(f.nama)
        n = 1
        while slug in dipakai:
            n += 1
            slug = f"{dasar}-{n}"
        dipakai.add(slug)
        data = _data_jabatan(f, urutan)
        tugas = [{"label": t.label, "teks": t.teks, "sub": [{"label": s.label, "teks": s.teks} for s in t.sub]}
                 for t in f.tugas] or [{"label": "1", "teks": ISIAN["tugas"]}]
        berkas[f"jabatan/{id_keputusan}/{slug}.md"] = teks_berkas(data, tugas, keterangan)
        usulan.append((slug, f, data))
    laporan = f"LAPORAN-IMPOR-{id_keputusan}.md"
    berkas[laporan] = _laporan(sumber, id_keputusan, bacaan, identitas, asal, usulan, temuan, list(berkas))
    return Rencana(berkas, laporan, len(bacaan.formulir), len(temuan))


def _temuan_target(f: Formulir, letak: str, target: str) -> Temuan:
    return Temuan("target", f, letak, f"Target \"{target}\" bukan angka dengan satuan, persentase, atau nilai "
                                           "huruf; dimuat apa adanya. Pemeriksa menolaknya sampai diperbaiki atau "
                                           "didaftarkan di target_kualitatif keputusan.yml.")


def _data_jabatan(f: Formulir, urutan: int) -> dict:
    jenis, eselon, turunan = usul_jenis_eselon(f.nama)
    data: dict = {"nama": f.nama, "urutan": urutan, "unit": ISIAN["unit"], "jenis": jenis, "eselon": eselon,
                  "atasan": ISIAN["atasan"]}
    if turunan:
        data["turunan"] = turunan
    data["iki"] = [{"nomor": b.nomor, "sasaran": b.sasaran, "indikator": b.indikator, "target": b.target,
                    **({"ket": b.ket} if b.ket else {})} for b in f.iki] or [
        {"nomor": 1, "sasaran": ISIAN["sasaran"], "indikator": ISIAN["indikator"], "target": ISIAN["target"]}]
    if f.catatan_editor:
        data["catatan_editor"] = f.catatan_editor
    return data


def usul_jenis_eselon(nama: str) -> tuple[str, str | None, dict[str, str]]:
    """jenis and eselon proposed from the jabatan's name, with the reasons (`turunan`)."""
    if _STRUKTURAL.match(nama):
        turunan = {"jenis": "Keputusan tidak menyebut jenis jabatan ini. Diusulkan dari nama jabatan: jabatan Kepala "
                            "dan Sekretaris adalah jabatan struktural."}
        eselon = next((e for pola, e in _ESELON if pola.match(nama)), None)
        if eselon is None:
            return "struktural", ISIAN["eselon"], turunan
        turunan["eselon"] = (f"Keputusan tidak menyebut eselon jabatan ini. Diusulkan dari nama jabatan "
                             f"(\"{_ESELON_SEBUTAN[eselon]}\": eselon {eselon}); samakan dengan susunan organisasi "
                             "Keputusan.")
        return "struktural", eselon, turunan
    if cocok := _JENJANG_FUNGSIONAL.search(nama):
        return "fungsional", None, {"jenis": f"Keputusan tidak menyebut jenis jabatan ini. Diusulkan dari jenjang "
                                             f"jabatan fungsional \"{cocok.group()}\" pada nama jabatan."}
    return "pelaksana", None, {"jenis": "Keputusan tidak menyebut jenis jabatan ini. Nama jabatan tidak memuat jenjang "
                                        "jabatan fungsional (Ahli/Terampil) dan bukan jabatan Kepala atau Sekretaris, "
                                        "sehingga diusulkan sebagai jabatan pelaksana."}


_ESELON_SEBUTAN = {"II": "Kepala Dinas/Badan", "III": "Sekretaris/Kepala Bidang",
                   "IV": "Kepala Sub Bagian/Seksi/UPTD"}


def _laporan(sumber: str, id_keputusan: str, bacaan: Bacaan, identitas: dict, asal: dict[str, str],
             usulan: list[tuple[str, Formulir, dict]], temuan: list, berkas: list[str]) -> str:
    baris = [
        f"# Laporan impor: {sumber}", "",
        f"Keputusan `{id_keputusan}`: {len(bacaan.formulir)} formulir jabatan, "
        f"{sum(len(f.iki) for f in bacaan.formulir)} baris IKI, {len(temuan)} temuan untuk diperiksa.", "",
        "Nama jabatan, tugas dan sel tabel IKI disalin dari dokumen apa adanya (hanya spasi yang dirapikan). "
        "Yang harus dilakukan:", "",
        "1. Baca setiap temuan di bawah dan bandingkan dengan dokumen pada letak yang disebut.",
        f"2. Ganti setiap isian \"ISI ...\" di `data/{id_keputusan}/` dan `jabatan/{id_keputusan}/`, periksa setiap "
        "nilai `turunan`, dan tulis perbaikan yang Anda buat di `catatan_editor` jabatan itu.",
        f"3. Tambahkan `unit.yml`, `tujuan.yml` dan `pegawai.yml` di `data/{id_keputusan}/` (tidak ada di formulir; "
        "salin susunannya dari Keputusan lain).",
        "4. Jalankan `python -m iki periksa` sampai tidak ada masalah. Laporan ini tidak perlu di-commit.", "",
        "Berkas yang dibuat:", "", *[f"- `{b}`" for b in berkas], f"- `LAPORAN-IMPOR-{id_keputusan}.md`", "",
        "## Identitas Keputusan", "", "| Kolom | Nilai | Asal |", "| --- | --- | --- |",
    ]
    for kolom, nilai in [*((k, v) for k, v in identitas.items() if k not in ("penandatangan", "target_kualitatif")),
                         *((f"penandatangan.{k}", v) for k, v in identitas["penandatangan"].items())]:
        baris.append(f"| {kolom} | {_sel(str(nilai))} | {_sel(asal.get(kolom, 'tidak ditemukan: isi dari Keputusan'))} |")
    kualitatif = ", ".join(identitas["target_kualitatif"]) or "(tidak ada)"
    baris += ["", f"Target kualitatif yang diusulkan (`target_kualitatif`): {kualitatif}. Nilai huruf itu dipakai "
              "sebagai target di formulir; pastikan Keputusan memang memakainya.", "",
              "## Nilai yang tidak disebut Keputusan", "",
              "Formulir tidak menyebut unit, atasan, jenis dan eselon. Unit dan atasan diisi \"ISI ...\"; jenis dan "
              "eselon diusulkan dari nama jabatan dan dicatat di `turunan` beserta alasannya.", "",
              "| Berkas | Jabatan | Jenis (turunan) | Eselon | Unit, atasan |", "| --- | --- | --- | --- | --- |"]
    for slug, f, data in usulan:
        eselon = data["eselon"] or "-"
        if "eselon" in data.get("turunan", {}):
            eselon += " (turunan)"
        baris.append(f"| `{slug}.md` | {_sel(f.nama)} | {data['jenis']} | {eselon} | {data['unit']}, {data['atasan']} |")
    for kunci, judul in BAGIAN.items():
        daftar = [t for t in temuan if t.bagian == kunci]
        baris += ["", f"## {judul} ({len(daftar)})", ""]
        if not daftar:
            baris.append("Tidak ada.")
        for t in daftar:
            pertama, *lain = t.teks.split("\n")
            siapa = f"**{_sel(t.formulir.nama)}**, " if t.formulir else ""
            baris.append(f"- {siapa}{t.letak}: {pertama}")
            baris += [f"  > {x}" for x in lain]
    return "\n".join(baris) + "\n"


def _sel(teks: str) -> str:
    return teks.replace("|", "\\|")
