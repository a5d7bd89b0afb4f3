"""Content-addressed cache of built downloads (the "tembolok"), kept between builds in a folder
that is safe to delete: a download is built again only when what it is made from changed.

An entry's key is the SHA-256 of everything its bytes can depend on: the export's own input
(`Ekspor.masukan`, e.g. the Lampiran's data as the template reads it), the source of the whole
`iki` package (code, templates, CSS), the versions of Python and of every installed library, and
the font files the PDF is set in. Change any of them and the key changes, so a stale entry cannot
be found. Each entry stores the SHA-256 of its bytes; an entry that does not match (cut short,
corrupted) is built again and never returned.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path


_VERSI = b"iki-tembolok-1"  # bump when the entry format changes
_PANJANG_SIDIK = hashlib.sha256().digest_size


class Tembolok:
    def __init__(self, folder: Path, berkas_lain: Iterable[Path] = ()):
        """`berkas_lain`: files outside the package that outputs depend on (fonts), hashed into every key."""
        self.folder = folder
        self._dasar = _sidik_lingkungan(berkas_lain)

    def kunci(self, nama: str, masukan: bytes) -> str:
        h = hashlib.sha256(self._dasar)
        for bagian in (nama.encode("utf-8"), masukan):
            h.update(len(bagian).to_bytes(8, "big"))
            h.update(bagian)
        return h.hexdigest()

    def baca(self, nama: str, masukan: bytes) -> bytes | None:
        """The cached bytes for this input; None when there are none, or none whole."""
        return self._baca(self._path(self.kunci(nama, masukan)))

    def ambil(self, nama: str, masukan: bytes, buat: Callable[[], bytes]) -> bytes:
        """The cached bytes for this input, or `buat()`'s, which are then stored."""
        path = self._path(self.kunci(nama, masukan))  # the key hashes all of `masukan`: once
        data = self._baca(path)
        if data is None:
            data = buat()
            self._simpan(path, data)
        return data

    def klaim(self, folder: Path, nama: str, masukan: bytes) -> bool:
        """Whether this process makes the entry, of the processes that fill the cache at once and share
        `folder` (iki.serentak): the first to ask does, the others leave it to that one. Where no claim
        can be written (the folder gone), every process makes it (the same bytes, twice)."""
        try:
            os.close(os.open(folder / self.kunci(nama, masukan), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            return False
        except OSError:
            return True
        return True

    def simpan(self, nama: str, masukan: bytes, data: bytes) -> None:
        """Store `data` as what `masukan` makes."""
        self._simpan(self._path(self.kunci(nama, masukan)), data)

    def _path(self, kunci: str) -> Path:
        return self.folder / kunci[:2] / kunci

    def _baca(self, path: Path) -> bytes | None:
        try:
            isi = path.read_bytes()
        except OSError:
            return None
        sidik, data = isi[:_PANJANG_SIDIK], isi[_PANJANG_SIDIK:]
        return data if hashlib.sha256(data).digest() == sidik else None

    def _simpan(self, path: Path, data: bytes) -> None:
        """Written whole or not at all: to a temporary file, then renamed over the entry."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, sementara = tempfile.mkstemp(dir=path.parent, prefix=".sementara-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(hashlib.sha256(data).digest())
                f.write(data)
            os.replace(sementara, path)
        except BaseException:
            os.unlink(sementara)
            raise


@functools.cache
def _sidik_kode() -> bytes:
    """Python, the installed libraries and the package's modules, as this process loaded them
    (a module edited later, e.g. during `mkdocs serve`, is not what runs: it does not count)."""
    h = hashlib.sha256(_VERSI)
    h.update(sys.version.encode())
    for d in _pustaka_terpasang():
        h.update(d.encode() + b"\n")
    _hash_berkas(h, _berkas_paket(modul=True))
    return h.digest()


def _pustaka_terpasang() -> list[str]:
    """The installed libraries, as the folders of their metadata are named (`name-version.dist-info`,
    the version in the name: an upgrade renames it). Read off the folders: parsing every METADATA
    file takes a fifth of a second."""
    return sorted({n for folder in sys.path if os.path.isdir(folder)
                   for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info"))})


def _sidik_lingkungan(berkas_lain: Iterable[Path]) -> bytes:
    """What every output depends on besides its own input. Templates, CSS and fonts are read again
    for every cache (once per build): a template edited while `mkdocs serve` runs is used at once."""
    h = hashlib.sha256(_sidik_kode())
    _hash_berkas(h, _berkas_paket(modul=False))
    _hash_berkas(h, berkas_lain)
    return h.digest()


def _hash_berkas(h: hashlib._Hash, daftar: Iterable[Path]) -> None:
    akar = Path(str(resources.files("iki")))
    for path in daftar:
        # The package's files by their path inside it: the same key wherever the project lies.
        h.update(str(path.relative_to(akar) if path.is_relative_to(akar) else path).encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"-")


def _berkas_paket(modul: bool) -> list[Path]:
    """The package's files, by path relative to it: its modules, or everything else (templates, CSS)."""
    akar = Path(str(resources.files("iki")))
    hasil = []
    for folder, subfolder, nama in os.walk(akar):
        subfolder[:] = [s for s in subfolder if s != "__pycache__"]
        hasil += [Path(folder, n).relative_to(akar) for n in nama if n.endswith(".py") == modul]
    return [akar / p for p in sorted(hasil)]
