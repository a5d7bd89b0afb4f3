"""The files of the whole decree's data (the XLSX workbooks, the Lampiran PDF, ...) built in another
process while the site's pages are built: on two cores the downloads of a 2,000-jabatan decree take
about as long as its pages (bench/HASIL.md).

The other process only fills the build cache (`isi_tembolok`): the build then takes every
download from it with `buat_unduhan`, so what is published does not depend on which process made
it. A process that fails or is killed leaves the work to the build, which makes what the cache
lacks and reports any error itself; one left running by a build that failed only finishes
filling the cache, whose entries are written whole or not at all. A thread would not do: the
workbooks are Python, and two Python threads share one core (measured: no gain on a warm build).

The process is a new interpreter running this module (`python -P -m iki.ekspor.serentak`), not
a fork (which would copy whatever the build's other threads hold) nor multiprocessing's "spawn"
(which runs the caller's main script again: a script without a `__main__` guard would build
again, without end). It imports this very copy of the package, and reads from its standard input
the decrees, the downloads by their place in EKSPOR, and the cache itself, whose key base (the
code, templates and fonts hashed) is therefore the build's own."""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from ..model import Keputusan
from . import EKSPOR, Ekspor, isi_tembolok
from .tembolok import Tembolok

log = logging.getLogger("mkdocs.plugins.iki")


class PembuatUnduhan:
    """The process filling the cache with these decrees' downloads, from the moment it is made."""

    def __init__(self, keputusan: Sequence[Keputusan], daftar: Sequence[Ekspor], tembolok: Tembolok):
        paket = str(Path(__file__).resolve().parents[2])  # the folder `iki` was imported from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (paket, os.environ.get("PYTHONPATH"))))}
        self._proses = subprocess.Popen([sys.executable, "-P", "-m", __name__], stdin=subprocess.PIPE,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        data = pickle.dumps((tuple(keputusan), tuple(EKSPOR.index(e) for e in daftar), tembolok))
        # Written meanwhile: the process reads it once it has started.
        self._kirim = threading.Thread(target=self._tulis, args=(data,), daemon=True)
        self._kirim.start()

    def _tulis(self, data: bytes) -> None:
        assert self._proses.stdin is not None
        try:
            with self._proses.stdin as masuk:
                masuk.write(data)
        except OSError:  # it stopped: the build makes what the cache lacks
            pass

    def tunggu(self) -> None:
        """Wait until it has finished (at once if it has)."""
        self._kirim.join()
        if kode := self._proses.wait():
            log.debug("Proses pembuat unduhan berakhir dengan kode %s; unduhan dibuat oleh build.", kode)


def main() -> None:
    try:
        keputusan, nomor, tembolok = pickle.load(sys.stdin.buffer)
        isi_tembolok(keputusan, [EKSPOR[i] for i in nomor], tembolok)
    except Exception:  # the build makes what the cache lacks, and reports the error itself
        sys.exit(1)


if __name__ == "__main__":
    main()
