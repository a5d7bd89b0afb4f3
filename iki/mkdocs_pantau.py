"""`mkdocs serve` watches the data folders (`jabatan/`, `data/`) more often than MkDocs' default.

MkDocs notices a saved file by comparing snapshots of each watched folder every half second, so an
edit waits a quarter of a second on average before the rebuild starts. `pantau` has the data
folders compared every tenth of a second while they are small; a snapshot costs about 16 µs a
file, so the interval grows with the number of files (at most MkDocs' half second), to keep the
comparisons under a sixth of one core.

Relies on (mkdocs==1.6.1, watchdog==7.1.0): the server given to `on_serve` is MkDocs'
`LiveReloadServer`, whose `watch` schedules the folder on its `observer`, a watchdog
`PollingObserver`; watchdog's `BaseObserver.schedule` makes each folder's emitter with the
observer's `timeout`, which is its attribute `_timeout`, and a polling emitter waits that long
between snapshots. Guarded by tests/test_ketergantungan_mkdocs.py. Without it an edit shows a
quarter of a second later on average.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

SELANG_TERPENDEK = 0.1  # seconds between two snapshots of a small data folder
SELANG_TERPANJANG = 0.5  # MkDocs' own
DETIK_PER_BERKAS = 0.0001


def selang(jumlah_berkas: int) -> float:
    """Seconds between two snapshots of data folders holding `jumlah_berkas` files."""
    return min(SELANG_TERPANJANG, max(SELANG_TERPENDEK, jumlah_berkas * DETIK_PER_BERKAS))


def pantau(server: Any, folder: Iterable[Path], jumlah_berkas: int) -> None:
    """Have `server` (MkDocs' LiveReloadServer) watch `folder` with snapshots `selang` apart."""
    pengamat = server.observer
    semula = pengamat._timeout
    pengamat._timeout = selang(jumlah_berkas)
    try:
        for f in folder:
            server.watch(str(f))
    finally:
        pengamat._timeout = semula
