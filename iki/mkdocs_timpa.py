"""`mkdocs build` writes the site over the files of the previous build instead of into an emptied
folder.

Before every build (but `--dirty`), MkDocs deletes everything in the site folder, then writes every
file again: on a 2,000-jabatan site some 6,300 files and folders. On ext4 without a journal (the
machines this project is built and benchmarked on), creating a file within minutes of many
deletions is slow: the kernel skips every recently freed inode one by one, up to a millisecond a
file (bench/HASIL.md). Writing over an existing file creates nothing.

So the folder is not emptied. Every file the build writes replaces the old one in place; once the
build is done, each file of the previous build that it did not write (its status-change time,
which any write sets and nothing can set back, unchanged) is deleted, then each folder that leaves
empty. Where this build puts a file where a folder was, or needs a folder where a file was, the old
entry goes before MkDocs writes. The folder then holds what MkDocs' emptying would leave: the
build's files, and the hidden entries at its top, which MkDocs never deletes. Deleted at once, so
that nothing is written through or into them: links and other entries that are neither files nor
folders, files this process may not write, and files with other names (hard links, as `cp -al` or
`rsync --link-dest` make of a published copy, whose content must not change).

A file written twice within one tick of a coarse clock would keep its status-change time: on a file
system that keeps whole seconds (or even ones, FAT), when a file of the previous build is less than
two seconds old, the folder is emptied as MkDocs does (`_dikosongkan`). Only on POSIX systems (on
Windows that time is the creation time), and only where plugins are told the command is a build
(`mkdocs build`, `gh-deploy`, `serve --clean`): `mkdocs serve` builds into a folder of its own and
writes some downloads after the build (`Situs.menunda_unduhan`). A plugin that writes a file of an
earlier build's only when that file is there would keep it (this project's own search rewrite
asks whether search is on instead: `EntriPencarian.aktif`).

Relies on (mkdocs==1.6.1): `build.build` empties the folder by calling
`mkdocs.utils.clean_directory(config.site_dir)`, after the `pre_build` events and before the `files`
events, and only there; it deletes every entry but the hidden ones at the top. Every file is written
through a path of the build's `Files` or a static template of the theme (the pages, the theme's and
the docs' files, this plugin's downloads), or by a plugin once the pages are written (the search
index): each opened for writing, which replaces its content. Guarded by
tests/test_ketergantungan_mkdocs.py.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

_KOSONGKAN = utils.clean_directory  # MkDocs' own, whatever a build that stopped half-way left in its place
_DETIK_NS = 1_000_000_000


class TimpaSitus:
    """The site folder of one build, between MkDocs' emptying (skipped) and the end of the build."""

    def __init__(self) -> None:
        self._site_dir = ""
        self._lama: dict[str, int] | None = None  # the previous build's files: path -> status-change time (ns)
        self._folder: list[str] = []  # its folders, each before those inside it

    def pasang(self) -> None:
        """From the `pre_build` events: MkDocs' emptying of the folder takes note of the files instead."""
        self._lama = None
        if os.name == "posix":
            utils.clean_directory = self._catat

    def lepas(self) -> None:
        utils.clean_directory = _KOSONGKAN

    def _catat(self, directory: str) -> None:
        """In place of MkDocs' clean_directory (same signature), called with the site folder."""
        self.lepas()
        self._site_dir = os.path.abspath(directory)
        self._lama, self._folder = {}, []
        if os.path.isdir(directory):
            self._catat_folder(self._site_dir, puncak=True)
            if _dikosongkan(self._lama.values(), time.time_ns()):
                self._lama, self._folder = None, []
                _KOSONGKAN(directory)

    def _catat_folder(self, folder: str, puncak: bool = False) -> None:
        assert self._lama is not None
        with os.scandir(folder) as isi:
            for entri in isi:
                if puncak and entri.name.startswith("."):  # as MkDocs: hidden entries at the top stay
                    continue
                if entri.is_dir(follow_symlinks=False):
                    self._folder.append(entri.path)
                    self._catat_folder(entri.path)
                elif (entri.is_file(follow_symlinks=False) and (st := entri.stat(follow_symlinks=False)).st_nlink == 1
                      and os.access(entri.path, os.W_OK)):
                    self._lama[entri.path] = st.st_ctime_ns
                else:  # see the module's docstring
                    os.unlink(entri.path)

    def siapkan(self, config: MkDocsConfig, files: Files) -> None:
        """Before anything is written (the `env` events): remove the old entries in the way of the
        files the build writes, a folder where a file goes, a file where a folder goes."""
        if self._lama is None:
            return
        folder = set(self._folder)
        for path in _tujuan(config, files):
            if path in folder:
                shutil.rmtree(path)
                self._lupakan(path)
                folder = set(self._folder)
            induk = os.path.dirname(path)
            while len(induk) > len(self._site_dir) and induk not in folder:
                if self._lama.pop(induk, None) is not None:
                    os.unlink(induk)
                induk = os.path.dirname(induk)

    def _lupakan(self, folder: str) -> None:
        """A removed folder and what it held."""
        di_dalam = folder + os.sep
        self._folder = [f for f in self._folder if f != folder and not f.startswith(di_dalam)]
        self._lama = {p: w for p, w in (self._lama or {}).items() if not p.startswith(di_dalam)}

    def bersihkan(self) -> None:
        """Once everything is written: delete the previous build's files this one did not write,
        then the folders that leaves empty."""
        if self._lama is None:
            return
        for path, waktu in self._lama.items():
            try:
                if os.lstat(path).st_ctime_ns == waktu:
                    os.unlink(path)
            except FileNotFoundError:  # removed meanwhile
                pass
        for folder in reversed(self._folder):
            try:
                os.rmdir(folder)
            except OSError:  # not empty, or removed
                pass
        self._lama, self._folder = None, []


def _dikosongkan(waktu: Iterable[int], sekarang: int) -> bool:
    """Whether the folder must be emptied after all: its files' status-change times (ns) are whole
    seconds (a clock as coarse as FAT's, two seconds), and one is less than two seconds before
    `sekarang`, so that writing it again might not change it."""
    waktu = list(waktu)
    return (bool(waktu) and all(w % _DETIK_NS == 0 for w in waktu)
            and any(w > sekarang - 2 * _DETIK_NS for w in waktu))


def _tujuan(config: MkDocsConfig, files: Files) -> Iterable[str]:
    """Where MkDocs writes before the plugins' `post_build` events: every file of the build, and the
    theme's static templates (the sitemap also gzipped)."""
    site_dir = os.path.abspath(config.site_dir)
    for f in files:
        yield os.path.abspath(f.abs_dest_path)
    for nama in config.theme.static_templates:
        yield os.path.join(site_dir, nama)
        if nama == "sitemap.xml":
            yield os.path.join(site_dir, "sitemap.xml.gz")
