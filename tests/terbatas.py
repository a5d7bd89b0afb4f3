"""Running the checker or the build on hostile input in a child process held to limits: address
space (memory) and CPU time through `resource`, and a wall-clock bound for anything that would
block (e.g. a FIFO opened for reading). The limits are far above what the real data needs."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

MEMORI = 1536 * 1024 * 1024  # bytes of address space
CPU = 240  # seconds of CPU time
TUNGGU = 600  # seconds of wall-clock time


def jalankan(perintah: list[str], cwd: Path, memori: int = MEMORI, cpu: int = CPU,
             env_tambahan: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a command under the limits; its output as text."""
    def batasi() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memori, memori))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))

    env = {k: v for k, v in os.environ.items() if not k.startswith(("IKI_", "GITHUB_"))}
    return subprocess.run(perintah, cwd=cwd, capture_output=True, text=True, preexec_fn=batasi, timeout=TUNGGU,
                          env={**env, "NO_MKDOCS_2_WARNING": "1", **(env_tambahan or {})})


def periksa(proyek: Path, **batas) -> subprocess.CompletedProcess:
    """`python -m iki periksa` on a project folder."""
    return jalankan([sys.executable, "-m", "iki", "periksa", str(proyek)], proyek, **batas)


def bangun(proyek: Path, **batas) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` on a project folder."""
    return jalankan([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(proyek / "mkdocs.yml"),
                     "-d", str(proyek / "site")], proyek, **batas)
