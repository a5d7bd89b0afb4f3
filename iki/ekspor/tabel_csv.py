"""CSV: UTF-8, comma-separated, a header line, one line per row (IKI rows: see iki.kolom.KOLOM)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..kolom import KOLOM, Kolom, Nilai
from ..model import Keputusan
from .baris import baris_iki


def tulis_csv(kolom: Sequence[Kolom], daftar: Iterable[Sequence[Nilai]]) -> bytes:
    teks = io.StringIO(newline="")
    penulis = csv.writer(teks)  # RFC 4180: comma, double quotes where needed, CRLF
    penulis.writerow([k.nama for k in kolom])
    penulis.writerows(daftar)  # None is written as an empty field
    return teks.getvalue().encode("utf-8")


def ke_csv(keputusan: Keputusan) -> bytes:
    return tulis_csv(KOLOM, baris_iki(keputusan))
