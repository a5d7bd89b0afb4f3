"""CSV: UTF-8, comma-separated, a header line, one line per IKI row (see baris.KOLOM)."""

from __future__ import annotations

import csv
import io

from ..model import Keputusan
from .baris import KOLOM, baris_iki


def ke_csv(keputusan: Keputusan) -> bytes:
    teks = io.StringIO(newline="")
    penulis = csv.writer(teks)  # RFC 4180: comma, double quotes where needed, CRLF
    penulis.writerow([k.nama for k in KOLOM])
    penulis.writerows(baris_iki(keputusan))  # None is written as an empty field
    return teks.getvalue().encode("utf-8")
