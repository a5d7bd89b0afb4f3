"""`python -m iki.ekspor FOLDER`: write the downloads of a project's decrees into FOLDER/<id>/, without MkDocs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..masalah import DataTidakValid
from ..pemuat_arsip import muat_arsip
from . import EKSPOR, PDF, tulis


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m iki.ekspor",
                                     description="Tulis berkas unduhan data IKI (CSV, JSON, XLSX, PDF, berkas e-Kinerja, "
                                                 "datapackage.json, catalog.jsonld) ke sebuah folder.")
    parser.add_argument("folder", type=Path, help="folder tujuan (dibuat bila belum ada)")
    parser.add_argument("--proyek", type=Path, default=Path("."), help="folder proyek berisi data/ dan jabatan/ (bawaan: folder ini)")
    parser.add_argument("--tanpa-pdf", action="store_true", help="jangan buat PDF Lampiran (lebih cepat)")
    argumen = parser.parse_args(argv)
    try:
        arsip = muat_arsip(argumen.proyek.resolve())
    except DataTidakValid as galat:
        print(galat, file=sys.stderr)
        return 1
    daftar = [e for e in EKSPOR if not (argumen.tanpa_pdf and e is PDF)]
    for keputusan in arsip:
        for path in tulis(keputusan, argumen.folder / keputusan.id, daftar):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
