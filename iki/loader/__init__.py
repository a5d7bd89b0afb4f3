"""The one loader: reads `data/*.yml` and `jabatan/*.md`, validates, builds the model.

It never stops at the first problem: every file is read and every problem is
collected, so an editor sees them all in one run. Nothing is skipped: a file
that cannot be read is a problem, never a missing page.

- `bacaan` — where a decree's files are (`LetakData`) and one reading of them (`Bacaan`): safe
  reading, YAML with the line of every field, validation by a pydantic model, placeholders (`ISIAN`);
- `jabatan` — one jabatan file: front matter and tugas;
- `aturan` — the rules across the files of one decree (unit, atasan, eselon, duplicates, `mendukung`);
- `keputusan` — one decree, every file and rule (`muat`, `periksa`);
- `situs` — the data files of the whole site (`data/singkatan.yml`, `data/akar.yml`);
- `pesan` — YAML and validation errors told in Bahasa Indonesia;
- `nama` — the slug rule, names compared for duplicates, the closest name to a mistyped one.
"""

from .aturan import atasan_ada, eselon_sesuai, rantai_berputar, unit_dikenal
from .bacaan import FOLDER_DATA, FOLDER_JABATAN, ISIAN, Bacaan, LetakData
from .jabatan import urai_jabatan
from .keputusan import baca_sebagian, muat, periksa, periksa_dengan
from .nama import PESAN_SLUG, SLUG, baku, mirip, slug_dari
from .situs import DataSitus, muat_data_situs, periksa_data_situs

__all__ = ["FOLDER_DATA", "FOLDER_JABATAN", "ISIAN", "PESAN_SLUG", "SLUG", "Bacaan", "DataSitus", "LetakData",
           "atasan_ada", "baca_sebagian", "baku", "eselon_sesuai", "mirip", "muat", "muat_data_situs", "periksa",
           "periksa_dengan", "periksa_data_situs", "rantai_berputar", "slug_dari", "unit_dikenal", "urai_jabatan"]
