"""datapackage.json: a Frictionless (Tabular) Data Package, v1, describing every CSV download of
the decree: a Table Schema per file from the same column definitions the CSV is written with
(types, titles, descriptions, primary key), and each file's size and SHA-256 checksum."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pydantic_core

from ..kolom import Kolom
from ..model import Keputusan
from .dip import judul_keputusan

if TYPE_CHECKING:
    from . import Unduhan


def skema_tabel(kolom: Sequence[Kolom], kunci_utama: Sequence[str]) -> dict:
    """A Table Schema; an empty cell is a missing value, the key's columns are never empty."""
    return {
        "fields": [{"name": k.nama, "type": k.jenis, **({"title": k.judul} if k.judul else {}),
                    "description": k.uraian} for k in kolom],
        "primaryKey": list(kunci_utama),
        "missingValues": [""],
    }


def json_rapi(data: dict) -> bytes:
    """UTF-8 JSON, indented, keys in the order written: the same data gives the same bytes, those of
    `json.dumps(data, ensure_ascii=False, indent=2)` and a newline for what the exports hold (text,
    whole numbers, booleans, null, lists, mappings with text keys: a float such as 1e-07 would be
    written 1e-7, and some 255 levels of nesting fail; the exports hold neither). Written by pydantic-core's
    serializer, which pydantic installs: the json module indents in pure Python (0.40 s CPU for the
    JSON document of 2,000 jabatan; this 0.05 s)."""
    return pydantic_core.to_json(data, indent=2) + b"\n"


def paket_data(keputusan: Keputusan, unduhan: Sequence[Unduhan]) -> dict:
    idt = keputusan.identitas
    sumber = judul_keputusan(keputusan)
    lisensi = idt.keterbukaan.lisensi
    tabel = [u for u in unduhan if u.ekspor.kolom and u.jabatan is None]
    return {
        "profile": "tabular-data-package",
        "name": f"iki-{idt.tahun}",
        "title": f"Indikator Kinerja Individu (IKI) Tahun {idt.tahun}: {idt.instansi}",
        "description": f"Berkas data terbuka {sumber}. Teks dimuat apa adanya sesuai Keputusan. Berkas e-Kinerja "
                       "per jabatan (folder iki-<tahun>-e-kinerja/) memakai skema sumber e-Kinerja di bawah.",
        "keywords": ["indikator kinerja individu", "IKI", "e-Kinerja", "SKP", str(idt.tahun)],
        "sources": [{"title": sumber}],
        "contributors": [{"title": idt.instansi, "role": "publisher"}],
        **({"licenses": [{"title": lisensi.nama, "path": lisensi.alamat}]} if lisensi else {}),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": posixpath.splitext(u.nama)[0],
                "path": u.nama,
                "title": u.nama,
                "description": u.ekspor.uraian,
                "format": "csv",
                "mediatype": u.ekspor.jenis_media,
                "encoding": "utf-8",
                "bytes": u.ukuran,
                "hash": f"sha256:{u.sha256}",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": True,
                            "header": True},
                "schema": skema_tabel(u.ekspor.kolom, u.ekspor.kunci_utama),
            }
            for u in tabel
        ],
    }


def ke_paket_data(keputusan: Keputusan, unduhan: Sequence[Unduhan]) -> bytes:
    return json_rapi(paket_data(keputusan, unduhan))
