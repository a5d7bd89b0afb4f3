"""When each jabatan file last changed, read from git history, and where its history is online.

All dates come from ONE `git log` over the jabatan folder, however many files there are.
Without git or without history (a tarball, a copy without `.git`) the dates are simply
unknown; nothing fails.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

_KOMIT = "\x00"  # starts each commit's header line in the log below (git writes it for %x00)


def tanggal_perubahan(root: Path, folder: str) -> dict[str, datetime.date] | None:
    """The date of the last commit that changed each file under `folder`, by path relative to
    `root` ("jabatan/x.md"); None when git or the repository's history is not available."""
    try:
        log = _git(root, "log", "--format=%x00%cs %P", "--name-only", "--relative", "--no-renames",
                   "--", f"{folder}/")
    except (OSError, subprocess.SubprocessError):
        return None
    # Per file: (date, whether that commit has no parent) of its latest change. git lists the
    # newest commits first; a later date further down (merged branches) still wins.
    terbaru: dict[str, tuple[datetime.date, bool]] = {}
    for baris in log.splitlines():
        if baris.startswith(_KOMIT):
            hari, _, induk = baris[1:].partition(" ")
            komit = (datetime.date.fromisoformat(hari), not induk.strip())
        elif baris and (baris not in terbaru or komit[0] > terbaru[baris][0]):
            terbaru[baris] = komit
    # In a shallow clone the oldest commit fetched seems to add every file: its date is no change date.
    dangkal = any(tanpa_induk for _, tanpa_induk in terbaru.values()) and _dangkal(root)
    return {berkas: hari for berkas, (hari, tanpa_induk) in terbaru.items() if not (dangkal and tanpa_induk)}


def waktu_sumber(root: Path, cadangan: datetime.date) -> int:
    """Seconds since the epoch that stand for the build's sources: the last commit's time, or
    `cadangan` (midnight UTC) without git. MkDocs dates what it writes (the sitemap's gzip header,
    page dates) with it instead of the clock, through SOURCE_DATE_EPOCH, so a rebuild is identical."""
    try:
        return int(_git(root, "log", "-1", "--format=%ct").strip())
    except (OSError, subprocess.SubprocessError, ValueError):
        return int(datetime.datetime.combine(cadangan, datetime.time(), datetime.timezone.utc).timestamp())


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


@dataclass(frozen=True)
class Riwayat:
    """The history of every jabatan file: dates (None without git history) and the history address prefix."""

    tanggal: dict[str, datetime.date] | None
    alamat: str | None

    def perubahan(self, sumber: str, sunting: str | None) -> Perubahan:
        return Perubahan(tanggal=(self.tanggal or {}).get(sumber),
                         riwayat=f"{self.alamat}{sumber}" if self.alamat else None, sunting=sunting)
