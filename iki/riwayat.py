"""The history of every jabatan file from git: when it last changed, and its last data changes
told in words (date, commit subject, what changed), and where its history is online.

Everything comes from ONE `git log` over the jabatan folder and ONE `git cat-file --batch` for the
versions it names, however many files there are. The versions are read by the loader and compared
by `iki.perbandingan`, the engine of the site's "Perubahan" pages. Without git or without history
(a tarball, a copy without `.git`) the history is simply unknown; nothing fails.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import subprocess
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Protocol

from .loader import Bacaan, LetakData, urai_jabatan
from .model import Jabatan
from .perbandingan import bandingkan_jabatan, kalimat_jabatan

_KOMIT = "\x00"  # starts each commit's header line in the log below (git writes it for %x00)
_KOSONG = "0" * 40
BATAS_RIWAYAT = 3  # data changes told per jabatan page


@dataclass(frozen=True)
class PerubahanData:
    """One commit's change to a jabatan file, in words."""

    tanggal: datetime.date
    judul: str  # the commit's subject
    kalimat: tuple[str, ...]


@dataclass(frozen=True)
class _Versi:
    tanggal: datetime.date
    tanpa_induk: bool
    judul: str
    lama: str  # blob ids
    baru: str


class Tembolok(Protocol):
    """The build cache (iki.ekspor.tembolok.Tembolok), as far as the history uses it."""

    def baca(self, nama: str, masukan: bytes) -> bytes | None: ...

    def ambil(self, nama: str, masukan: bytes, buat: Callable[[], bytes]) -> bytes: ...


_CERITA = "riwayat-cerita.json"
_DIBUAT = "Berkas jabatan dibuat."


def riwayat_git(root: Path, folder: str, batas: int = BATAS_RIWAYAT, tembolok: Tembolok | None = None,
                dimuat: Collection[str] = ()) -> tuple[dict[str, datetime.date], dict[str, list[PerubahanData]]] | None:
    """Per file under `folder` (path relative to `root`, "jabatan/<id>/x.md"): the date of its last
    change, and its last `batas` changes in words. None when git or the history is not available.

    A change told once is read from `tembolok` afterwards: its words depend only on the file's name,
    the two versions (blob ids name their content) and this package's code (in the cache's key).
    `dimuat` names the files the build has just read without a problem: the version that added one
    of them with the content it has now is "made" without being parsed again (after a decree's
    import every file is such a version)."""
    try:
        log = _git(root, "log", "--format=%x00%cs%x00%P%x00%s", "--raw", "--no-renames", "--no-abbrev", "--relative",
                   "--", f"{folder}/")
    except (OSError, subprocess.SubprocessError):
        return None
    versi: dict[str, list[_Versi]] = {}
    for baris in log.splitlines():
        if baris.startswith(_KOMIT):
            hari, induk, judul = baris[1:].split("\x00", 2)
            komit = (datetime.date.fromisoformat(hari), not induk.strip(), judul)
        elif baris.startswith(":"):
            info, _, path = baris.partition("\t")
            _, _, lama, baru, _ = info.split(" ", 4)
            versi.setdefault(f"{folder}/{path}" if not path.startswith(f"{folder}/") else path, []).append(
                _Versi(*komit, lama, baru))
    # In a shallow clone the oldest commit fetched seems to add every file: it is no change.
    dangkal = any(v.tanpa_induk for daftar in versi.values() for v in daftar) and _dangkal(root)
    tanggal: dict[str, datetime.date] = {}
    terakhir: dict[str, list[_Versi]] = {}
    for berkas, daftar in versi.items():
        daftar = [v for v in daftar if not (dangkal and v.tanpa_induk)]
        if daftar:
            # git lists the newest commits first; a later date further down (merged branches) still wins.
            tanggal[berkas] = max(v.tanggal for v in daftar)
            terakhir[berkas] = daftar[:batas]
    dibuat = {(berkas, v) for berkas, daftar in terakhir.items() if berkas in dimuat for v in daftar
              if v.lama == _KOSONG and v.baru == _blob_id(root / berkas)}
    tersimpan: dict[tuple[str, _Versi], tuple[str, ...]] = {}
    for berkas, daftar in terakhir.items():
        for v in daftar:
            if (berkas, v) not in dibuat and tembolok is not None and (
                    data := tembolok.baca(_CERITA, _kunci_cerita(berkas, v))) is not None:
                tersimpan[berkas, v] = tuple(json.loads(data))
    isi = _isi_blob(root, {x for berkas, daftar in terakhir.items() for v in daftar
                           if (berkas, v) not in tersimpan and (berkas, v) not in dibuat for x in (v.lama, v.baru)}
                    - {_KOSONG})

    terurai: dict[tuple[str, str], Jabatan | None] = {}  # a version is the new side of one change, the old of the next

    def cerita(berkas: str, v: _Versi) -> PerubahanData:
        if (berkas, v) in tersimpan:
            return PerubahanData(v.tanggal, v.judul, tersimpan[berkas, v])
        if (berkas, v) in dibuat:
            return PerubahanData(v.tanggal, v.judul, (_DIBUAT,))
        hasil = _cerita(root, berkas, v, isi, terurai)
        if tembolok is not None:
            tembolok.ambil(_CERITA, _kunci_cerita(berkas, v),
                           lambda: json.dumps(hasil.kalimat, ensure_ascii=False).encode("utf-8"))
        return hasil

    return tanggal, {berkas: [cerita(berkas, v) for v in daftar] for berkas, daftar in terakhir.items()}


def _blob_id(path: Path) -> str | None:
    """The id git gives a file's content as it is now (SHA-1 of "blob <size>\\0<content>")."""
    try:
        isi = path.read_bytes()
    except OSError:
        return None
    return hashlib.sha1(b"blob %d\0" % len(isi) + isi).hexdigest()


def _kunci_cerita(berkas: str, v: _Versi) -> bytes:
    """What a change's words depend on besides the code: the file's name (its slug) and both versions."""
    return "\0".join((PurePosixPath(berkas).stem, v.lama, v.baru)).encode("utf-8")


def _isi_blob(root: Path, blob: set[str]) -> dict[str, str]:
    """The text of every blob named, with one `git cat-file --batch`."""
    if not blob:
        return {}
    urut = sorted(blob)
    hasil = subprocess.run(["git", "cat-file", "--batch"], cwd=root, input="\n".join(urut).encode() + b"\n",
                           capture_output=True, check=True, timeout=300).stdout
    isi: dict[str, str] = {}
    posisi = 0
    for sha in urut:
        akhir_kepala = hasil.index(b"\n", posisi)
        kepala = hasil[posisi:akhir_kepala].split()
        posisi = akhir_kepala + 1
        if len(kepala) < 3 or kepala[1] != b"blob":
            continue
        ukuran = int(kepala[2])
        isi[sha] = hasil[posisi:posisi + ukuran].decode("utf-8", "replace")
        posisi += ukuran + 1
    return isi


def _cerita(root: Path, berkas: str, v: _Versi, isi: dict[str, str],
            terurai: dict[tuple[str, str], Jabatan | None]) -> PerubahanData:
    """One version change of a jabatan file, told by the comparison engine. `terurai` keeps the
    versions parsed, by file and blob id, for the next change of the same file."""
    path = PurePosixPath(berkas)

    def urai(blob: str) -> Jabatan | None:
        if blob not in isi:
            return None
        if (berkas, blob) not in terurai:
            terurai[berkas, blob] = urai_jabatan(Bacaan(LetakData(root, "", path.parent.as_posix())), berkas,
                                                 path.stem, isi[blob])
        return terurai[berkas, blob]

    lama, baru = urai(v.lama), urai(v.baru)
    if v.lama != _KOSONG and lama is None or v.baru != _KOSONG and baru is None:
        kalimat = ["Isi berkas pada perubahan ini tidak dapat diuraikan; lihat riwayat lengkapnya."]
    elif lama is None:
        kalimat = [_DIBUAT]
    else:
        p = bandingkan_jabatan([lama], baru)
        kalimat = kalimat_jabatan(p) if p.berubah else ["Tidak ada perubahan isi (hanya penulisan berkas)."]
    return PerubahanData(v.tanggal, v.judul, tuple(kalimat))


def waktu_sumber(root: Path, cadangan: datetime.date) -> int:
    """Seconds since the epoch that stand for the build's sources: the last commit's time, or
    `cadangan` (midnight UTC) without git. MkDocs dates what it writes (the sitemap's gzip header,
    page dates) with it instead of the clock, through SOURCE_DATE_EPOCH, so a rebuild is identical."""
    try:
        return int(_git(root, "log", "-1", "--format=%ct").strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return int(datetime.datetime.combine(cadangan, datetime.time(), datetime.UTC).timestamp())


def _dangkal(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
    except (OSError, subprocess.SubprocessError):
        return True


def _git(root: Path, *argumen: str) -> str:
    return subprocess.run(["git", "-c", "core.quotePath=false", *argumen], cwd=root, capture_output=True,
                          text=True, check=True, timeout=120).stdout


def alamat_riwayat(repo_url: str | None, edit_uri: str | None, riwayat_uri: str | None = None) -> str | None:
    """Address prefix of a file's change history on the hosting, e.g. `<repo_url>/commits/main/`.

    `riwayat_uri` when given; otherwise derived from the edit address, which names the branch:
    `edit/main/docs/` (GitHub) gives `commits/main/`, `-/edit/main/docs/` (GitLab) `-/commits/main/`.
    """
    if not repo_url:
        return None
    if riwayat_uri is None:
        cocok = re.match(r"^/?(?P<awal>(?:-/)?)(?:edit|blob)/(?P<cabang>[^/]+)/", edit_uri or "")
        if not cocok:
            return None
        riwayat_uri = f"{cocok['awal']}commits/{cocok['cabang']}/"
    return f"{repo_url.rstrip('/')}/{riwayat_uri.lstrip('/')}"


@dataclass(frozen=True)
class Perubahan:
    """What a jabatan page says about its source file's history."""

    tanggal: datetime.date | None
    riwayat: str | None  # the file's change history on the hosting
    sunting: str | None  # where the file is edited
    daftar: tuple[PerubahanData, ...] = ()  # its last data changes, newest first


@dataclass(frozen=True)
class Riwayat:
    """The history of every jabatan file: dates and changes (None without git history) and the history
    address prefix."""

    tanggal: dict[str, datetime.date] | None
    alamat: str | None
    perubahan_data: dict[str, list[PerubahanData]] = field(default_factory=dict)

    def perubahan(self, sumber: str, sunting: str | None) -> Perubahan:
        return Perubahan(tanggal=(self.tanggal or {}).get(sumber),
                         riwayat=f"{self.alamat}{sumber}" if self.alamat else None, sunting=sunting,
                         daftar=tuple(self.perubahan_data.get(sumber, ())))
