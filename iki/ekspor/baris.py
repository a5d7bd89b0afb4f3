"""The flat table of IKI rows that the CSV and XLSX exports share: one line per IKI row,
its jabatan and unit repeated on every line so that each line stands on its own."""

from __future__ import annotations

from collections.abc import Iterable

from ..kolom import KOLOM, Nilai
from ..model import Jabatan, Keputusan


def baris_iki(keputusan: Keputusan, daftar: Iterable[Jabatan] | None = None) -> list[list[Nilai]]:
    """One list of values (in KOLOM order) per IKI row of the given jabatan (all by default)."""
    hasil: list[list[Nilai]] = []
    for j in keputusan.jabatan if daftar is None else daftar:
        unit = keputusan.cari_unit(j.unit)
        atasan = keputusan.cari_jabatan(j.atasan) if j.atasan else None
        for posisi, b in enumerate(j.iki, start=1):
            target = keputusan.target(b)
            nilai = {
                "slug_jabatan": j.slug, "nama_jabatan": j.nama, "kode_unit": unit.kode, "nama_unit": unit.nama,
                "jenis_jabatan": j.jenis, "eselon": j.eselon, "slug_atasan": atasan.slug if atasan else None,
                "nama_atasan": atasan.nama if atasan else None, "baris_ke": posisi, "nomor": b.nomor,
                "sasaran": b.sasaran, "indikator": b.indikator, "target": b.target, "nilai_target": target.nilai,
                "satuan_target": target.satuan, "ket": b.ket, "mendukung": b.mendukung,
            }
            hasil.append([nilai[k.nama] for k in KOLOM])
    return hasil
