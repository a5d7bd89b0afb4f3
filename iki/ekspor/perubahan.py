"""The comparison of a decree with its predecessor as downloads: CSV (one line per change) and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from ..perbandingan import PerbandinganKeputusan, kalimat_baris, kalimat_jabatan, kalimat_tugas

KOLOM_PERUBAHAN = ("jenis_perubahan", "bagian", "slug", "nama_jabatan", "slug_lama", "kolom", "nilai_lama",
                   "nilai_baru", "uraian")


def _baris(p: PerbandinganKeputusan) -> Iterator[tuple[str, ...]]:
    for pj in p.jabatan:
        if pj.jenis == "tetap":
            continue
        j = pj.jabatan
        slug_lama = " ".join(x.slug for x in pj.lama)
        umum = (j.slug if pj.baru else "", j.nama, slug_lama)
        if pj.jenis in ("tambah", "hapus"):
            yield (pj.jenis, "jabatan", *umum, "", "", "", kalimat_jabatan(pj)[0])
            continue
        if pj.ganti_nama:
            yield ("ubah", "jabatan", *umum, "pendahulu", slug_lama, j.slug, kalimat_jabatan(pj)[0])
        for ni in pj.identitas:
            yield ("ubah", "identitas", *umum, ni.kolom, ni.lama, ni.baru, f"{ni.kolom}: {ni.lama} → {ni.baru}")
        for b in pj.baris:
            for n in b.nilai or [None]:
                lama = b.lama.target if b.lama and n is None else (n.lama if n else "")
                baru = b.baru.target if b.baru and n is None else (n.baru if n else "")
                yield (b.jenis, "iki", *umum, n.kolom if n else "", lama, baru, kalimat_baris(b))
        for t in pj.tugas:
            yield (t.jenis, "tugas", *umum, t.label_baru or t.label_lama or "", t.lama or "", t.baru or "",
                   kalimat_tugas(t))


def ke_csv(p: PerbandinganKeputusan) -> bytes:
    keluaran = io.StringIO()
    tulis = csv.writer(keluaran, lineterminator="\r\n")
    tulis.writerow(KOLOM_PERUBAHAN)
    tulis.writerows(_baris(p))
    return keluaran.getvalue().encode("utf-8")


def ke_json(p: PerbandinganKeputusan) -> bytes:
    dokumen = {
        "keputusan_lama": {"id": p.lama.id, "nomor": p.lama.identitas.nomor, "tahun": p.lama.identitas.tahun},
        "keputusan_baru": {"id": p.baru.id, "nomor": p.baru.identitas.nomor, "tahun": p.baru.identitas.tahun},
        "jumlah": p.jumlah,
        "perubahan": [dict(zip(KOLOM_PERUBAHAN, baris)) for baris in _baris(p)],
    }
    return (json.dumps(dokumen, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
