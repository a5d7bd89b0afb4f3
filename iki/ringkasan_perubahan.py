"""What a change to the data does, in words, for a reviewer who reads no YAML:
`python -m iki perubahan <rev>` compares the data of the working tree with git revision `<rev>`
and prints Markdown (Bahasa Indonesia): per decree and jabatan, the rows, targets, tugas, atasan
and units changed, and the jabatan and decrees added or removed.

The data at `<rev>` is taken with one `git archive` and read by the same loader; the comparison
is `iki.perbandingan`, the engine of the site's "Perubahan" pages.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from .arsip import Arsip
from .loader import FOLDER_DATA, FOLDER_JABATAN
from .masalah import Masalah
from .model import Keputusan
from .pemuat_arsip import periksa_arsip
from .perbandingan import bandingkan_keputusan, kalimat_jabatan

# Identity fields told when they change, with their names for a reader.
_IDENTITAS = {"nomor": "Nomor", "tahun": "Tahun", "judul": "Judul", "instansi": "Instansi",
              "tanggal": "Tanggal", "mengubah": "Mengubah", "mengganti": "Mengganti", "rancangan": "Rancangan"}


class RevisiTidakTerbaca(Exception):
    """The revision or its data cannot be read; the message says why (in Bahasa Indonesia)."""


def data_di_revisi(root: Path, revisi: str, tujuan: Path) -> None:
    """Write the data folders as they are at `revisi` into `tujuan` (one git call)."""
    try:
        hasil = subprocess.run(["git", "archive", "--format=tar", revisi, "--", FOLDER_DATA, FOLDER_JABATAN],
                               cwd=root, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as galat:
        raise RevisiTidakTerbaca(f"git tidak dapat dijalankan ({galat}).") from None
    if hasil.returncode != 0:
        raise RevisiTidakTerbaca(f"Revisi '{revisi}' tidak dapat dibaca dari git: "
                                 f"{hasil.stderr.decode('utf-8', 'replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(hasil.stdout)) as arsip_tar:
        arsip_tar.extractall(tujuan, filter="data")


def ringkasan(root: Path, revisi: str) -> str:
    """The Markdown summary of what the working tree changes in the data since `revisi`."""
    with tempfile.TemporaryDirectory(prefix="iki-perubahan-") as sementara:
        lama_root = Path(sementara)
        data_di_revisi(root, revisi, lama_root)
        lama, masalah_lama = periksa_arsip(lama_root)
    baru, masalah_baru = periksa_arsip(root)
    keluaran = ["# Ringkasan perubahan data IKI", "", f"Dibandingkan dengan revisi `{revisi}`.", ""]
    if masalah_baru:
        keluaran += [f"**Data pada perubahan ini belum lolos pemeriksaan ({len(masalah_baru)} masalah).** "
                     "Ringkasan dibuat setelah `python -m iki periksa` tidak menemukan masalah.", ""]
        keluaran += _daftar_masalah(masalah_baru)
        return "\n".join(keluaran) + "\n"
    assert baru is not None
    if lama is None:
        keluaran += [f"Data pada revisi `{revisi}` tidak dapat dibaca dengan susunan sekarang "
                     f"({len(masalah_lama)} masalah); seluruh data dianggap baru.", ""]
        lama = Arsip(())
    isi = _bagian(lama, baru)
    keluaran += isi or ["Tidak ada perubahan pada data IKI."]
    return "\n".join(keluaran).rstrip("\n") + "\n"


def _daftar_masalah(masalah: list[Masalah]) -> list[str]:
    return [f"- `{m.berkas}`: {m.pesan}" for m in masalah[:20]] + (
        [f"- … dan {len(masalah) - 20} masalah lain."] if len(masalah) > 20 else []) + [""]


def _bagian(lama: Arsip, baru: Arsip) -> list[str]:
    keluaran: list[str] = []
    id_lama = {k.id for k in lama}
    for k in baru:
        if k.id not in id_lama:
            keluaran += _keputusan_baru(baru, k)
        else:
            keluaran += _keputusan_berubah(lama.cari(k.id), k)
    for k in lama:
        if k.id not in {x.id for x in baru}:
            keluaran += [f"## Keputusan dihapus: {k.sebutan}", "",
                         f"Folder `{FOLDER_DATA}/{k.id}/` dan `{FOLDER_JABATAN}/{k.id}/` dihapus. **Perhatian:** "
                         "Keputusan yang telah terbit harus tetap tersedia di alamatnya; jangan dihapus.", ""]
    return keluaran


def _judul(k: Keputusan) -> str:
    return f"## {k.sebutan}, `{k.id}`"


def _keputusan_baru(arsip: Arsip, k: Keputusan) -> list[str]:
    keluaran = [_judul(k), "", f"Keputusan baru: {len(k.jabatan)} jabatan, {k.jumlah_baris_iki} baris IKI"
                + (" (rancangan, belum diterbitkan)." if k.identitas.rancangan else "."), ""]
    sebelum = arsip.pendahulu(k)
    if sebelum is not None:
        keluaran += [f"Dibandingkan dengan Keputusan sebelumnya, {sebelum[0].sebutan} (`{sebelum[0].id}`):", ""]
        keluaran += _jabatan(sebelum[0], k) or ["Tidak ada jabatan yang berubah.", ""]
    return keluaran


def _keputusan_berubah(lama: Keputusan, baru: Keputusan) -> list[str]:
    keluaran: list[str] = []
    for kolom, nama in _IDENTITAS.items():
        a, b = getattr(lama.identitas, kolom), getattr(baru.identitas, kolom)
        if a != b:
            keluaran.append(f"- {nama}: {_nilai(a)} → {_nilai(b)}.")
    unit_lama, unit_baru = {u.kode: u for u in lama.unit}, {u.kode: u for u in baru.unit}
    for kode, u in unit_baru.items():
        if kode not in unit_lama:
            keluaran.append(f"- Unit kerja baru: {u.nama} (`{kode}`).")
        elif unit_lama[kode] != u:
            keluaran.append(f"- Unit kerja {unit_lama[kode].nama} (`{kode}`) diubah: {u.nama}, kepala `{u.kepala}`.")
    keluaran += [f"- Unit kerja dihapus: {u.nama} (`{kode}`)." for kode, u in unit_lama.items() if kode not in unit_baru]
    if lama.tujuan != baru.tujuan:
        keluaran.append("- Tujuan, Sasaran Strategis atau Indikator Kinerja Dinas (`tujuan.yml`) diubah.")
    if lama.pegawai != baru.pegawai:
        keluaran.append("- Tabel kepegawaian (`pegawai.yml`) diubah.")
    jabatan = _jabatan(lama, baru)
    if not keluaran and not jabatan:
        return []
    return [_judul(baru), ""] + keluaran + ([""] if keluaran else []) + jabatan


def _nilai(nilai: object) -> str:
    if nilai is None:
        return "(kosong)"
    if isinstance(nilai, bool):
        return "ya" if nilai else "tidak"
    return f"\"{nilai}\"" if isinstance(nilai, str) else str(nilai)


def _jabatan(lama: Keputusan, baru: Keputusan) -> list[str]:
    p = bandingkan_keputusan(lama, baru)
    berubah = [x for x in p.jabatan if x.berubah]
    if not berubah:
        return []
    n = p.jumlah
    keluaran = [f"{n['jabatan_tambah']} jabatan baru, {n['jabatan_hapus']} dihapus, {n['jabatan_ganti_nama']} "
                f"berganti nama atau digabung, {n['jabatan_ubah']} berubah; baris IKI: {n['baris_tambah']} "
                f"ditambah, {n['baris_hapus']} dihapus, {n['baris_ubah']} diubah; {n['tugas_ubah']} butir tugas "
                "berubah.", ""]
    for x in berubah:
        keluaran += [f"### {x.jabatan.nama} (`{x.jabatan.sumber}`)", ""]
        keluaran += [f"- {k}" for k in kalimat_jabatan(x)] + [""]
    return keluaran
