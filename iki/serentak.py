"""Work done in another Python process while the site's pages are built: on two cores the downloads
of a 2,000-jabatan decree take about as long as its pages (bench/HASIL.md).

The other process is started before the build loads the decrees, and loads them itself meanwhile
(`muat_arsip`: encoding them here and decoding them there costs more). Told which decrees the site
publishes, it fills the build cache with the files of their data (`ekspor.isi_tembolok`: the PDF
first, while the build, once it waits for them, makes the others from the last back; each makes
only the files it claims first, in a folder the two share), says so, then runs the tasks the
build hands it meanwhile, in order, until the build says there are no more: Material's search
entries of each page (`iki.mkdocs_pencarian`). Every result goes
into the build cache under the key of its input, and only there: the build takes it from the cache
(`ekspor.buat_unduhan`, `mkdocs_pencarian.EntriPencarian`), so what is published does not depend on
which process made it, and data changed between the two loads only gives keys the build does not
look up. A process that fails or is killed leaves the work to the build, which makes what the
cache lacks and reports any error itself; one left running by a build that failed only finishes
filling the cache, whose entries are written whole or not at all. A thread would not do: the
workbooks and the indexing are Python, and two Python threads share one core (measured: no gain
on a warm build).

The process is a new interpreter running this module (`python -P -m iki.serentak`), not a fork
(which would copy whatever the build's other threads hold) nor multiprocessing's "spawn" (which
runs the caller's main script again: a script without a `__main__` guard would build again,
without end). It imports this very copy of the package, and reads from its standard input the
project folder, the cache itself (whose key base, the code, templates and fonts hashed, is
therefore the build's own) and the claims folder, then the decrees to publish by id and the
downloads by their place in EKSPOR, then the tasks: pickled pairs of a function of this package
(by name) and its arguments, each called with the cache first."""

from __future__ import annotations

import atexit
import gc
import logging
import os
import pickle
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .ekspor import EKSPOR, Ekspor, isi_tembolok
from .ekspor.tembolok import Tembolok
from .pemuat_arsip import muat_arsip

log = logging.getLogger("mkdocs.plugins.iki")

_UNDUHAN_SELESAI = b"."  # written by the other process once the downloads are in the cache


class ProsesLain:
    """The other process, loading the decrees, then filling the cache with their downloads and doing the tasks it is handed."""

    def __init__(self, root: Path, tembolok: Tembolok):
        """Start it: it loads the decrees of `root` at once, while the build loads them too."""
        paket = str(Path(__file__).resolve().parents[1])  # the folder `iki` was imported from
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (paket, os.environ.get("PYTHONPATH"))))}
        self._proses = subprocess.Popen([sys.executable, "-P", "-m", __name__], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        # Where the two claim the cache entries they make (ekspor.isi_tembolok): removed once it has
        # ended (selesai), or when this process exits (a build that failed does not wait for it).
        # Without a temporary folder there are no claims: each makes what it reaches first.
        try:
            self.klaim: Path | None = Path(tempfile.mkdtemp(prefix="iki-klaim-"))
            atexit.register(shutil.rmtree, self.klaim, ignore_errors=True)
        except OSError:
            self.klaim = None
        self._antrean: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._antrean.put(pickle.dumps((root, tembolok, self.klaim)))
        self._selesai = False  # no more tasks
        self._berakhir = False  # waited for and closed
        # Written meanwhile, in order: the process reads its work as it gets to it.
        self._kirim = threading.Thread(target=self._tulis, daemon=True)
        self._kirim.start()
        # Set once the downloads are in the cache, or the process has ended.
        self._unduhan_siap = threading.Event()
        threading.Thread(target=self._tunggu_tanda, daemon=True).start()

    def buat_unduhan(self, id_keputusan: Sequence[str], daftar: Sequence[Ekspor]) -> None:
        """Have it make the downloads of these decrees (once, before any task)."""
        self._antrean.put(pickle.dumps((tuple(id_keputusan), tuple(EKSPOR.index(e) for e in daftar))))

    def _tulis(self) -> None:
        assert self._proses.stdin is not None
        try:
            with self._proses.stdin as masuk:
                while (data := self._antrean.get()) is not None:
                    masuk.write(data)
                    masuk.flush()
        except OSError:  # it stopped: the build makes what the cache lacks
            while self._antrean.get() is not None:
                pass

    def kirim(self, tugas: Callable[..., Any], *argumen: Any) -> None:
        """Hand it `tugas(tembolok, *argumen)`, to run after the downloads and the tasks before it;
        `tugas` is a function of this package, named by its module, and stores its result in the cache."""
        self._antrean.put(pickle.dumps((tugas, argumen)))

    def _tunggu_tanda(self) -> None:
        assert self._proses.stdout is not None
        self._proses.stdout.read(len(_UNDUHAN_SELESAI))  # the sign, or nothing once it has ended
        self._unduhan_siap.set()

    def unduhan_siap(self) -> bool:
        """Whether the downloads are in the cache, or the process has ended (without waiting)."""
        return self._unduhan_siap.is_set()

    def tunggu_unduhan(self, sambil: Callable[[Callable[[], bool]], None] | None = None) -> None:
        """Wait until the downloads are in the cache, or the process has ended (at once if either);
        meanwhile, `sambil(belum)` does other work while `belum()`."""
        if sambil is not None:
            sambil(lambda: not self.unduhan_siap())
        self._unduhan_siap.wait()

    def selesai(self, tunggu: bool = True) -> None:
        """No more tasks; with `tunggu`, wait until it has done them all and ended."""
        if not self._selesai:
            self._selesai = True
            self._antrean.put(None)
        if tunggu and not self._berakhir:
            self._berakhir = True
            self._kirim.join()
            if kode := self._proses.wait():
                log.debug("Proses lain berakhir dengan kode %s; yang tidak dibuatnya dibuat oleh build.", kode)
            self._unduhan_siap.wait()  # its reader is done with the pipe (at its end, if not before)
            assert self._proses.stdout is not None
            self._proses.stdout.close()
            if self.klaim is not None:
                shutil.rmtree(self.klaim, ignore_errors=True)

    def hentikan(self) -> None:
        """Once the build has all it needs from it: stop it, at the end of the task it is doing (none
        is left half done), and wait until it has ended."""
        self._proses.terminate()
        self.selesai()


KeadaanGC = tuple[tuple[int, int, int], bool]  # the collector's thresholds, and whether it is on


def tahan_gc() -> KeadaanGC:
    """Before the decrees load: no cyclic garbage collection until `kurangi_gc`. The loader holds it
    off while it loads (why: `pemuat_arsip._tanpa_gc`); a build holds it off longer, because the
    first collections after loading would traverse everything just loaded before it is frozen.
    Returns the collector's state; `pulihkan_gc` puts it back."""
    keadaan = gc.get_threshold(), gc.isenabled()
    gc.disable()
    return keadaan


def kurangi_gc() -> None:
    """Once the decrees are loaded (they live until the build ends): the objects there are now out of
    the cyclic garbage collector's reach (gc.freeze), young objects are collected less often, and the
    collector is on again. On a cold 2,000-jabatan build the collections otherwise take 3.7-5.5 s of
    CPU in the two processes, with this 1.5-2.7 s (bench/HASIL.md)."""
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)
    gc.enable()


def pulihkan_gc(keadaan: KeadaanGC) -> None:
    """Undo `tahan_gc` and `kurangi_gc`: frozen objects collectable again, the collector as before (a
    process that builds again, such as the tests' in-process builds, does not keep every build's objects)."""
    gc.unfreeze()
    gc.set_threshold(*keadaan[0])
    (gc.enable if keadaan[1] else gc.disable)()


def _berhenti(*_: object) -> None:
    raise SystemExit(0)


def _tunda_penghentian(tunda: bool) -> None:
    """Hold a SIGTERM (hentikan) back while the process works, and let it in only while it waits
    for its next task: it ends between two tasks. Where signals cannot be held back (not POSIX),
    a SIGTERM ends it at once; an entry being written is then removed (Tembolok._simpan)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK if tunda else signal.SIG_UNBLOCK, {signal.SIGTERM})


def main() -> None:
    _tunda_penghentian(True)
    signal.signal(signal.SIGTERM, _berhenti)
    atexit.register(gc.freeze)  # see mkdocs_plugin._bekukan_saat_keluar: the build waits for this process to end
    masuk = sys.stdin.buffer
    # The sign for the build on a channel of its own: anything a library prints goes nowhere.
    keluar = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    try:
        root, tembolok, klaim = pickle.load(masuk)
        tahan_gc()
        arsip = muat_arsip(root)
        kurangi_gc()
        id_keputusan, nomor = pickle.load(masuk)
        isi_tembolok([k for k in arsip if k.id in id_keputusan], [EKSPOR[i] for i in nomor], tembolok, klaim=klaim)
        keluar.write(_UNDUHAN_SELESAI)
        keluar.close()
        while True:
            _tunda_penghentian(False)
            try:
                tugas, argumen = pickle.load(masuk)
            except EOFError:
                break
            finally:
                _tunda_penghentian(True)
            tugas(tembolok, *argumen)
    except Exception:  # the build makes what the cache lacks, and reports the error itself
        sys.exit(1)


if __name__ == "__main__":
    main()
