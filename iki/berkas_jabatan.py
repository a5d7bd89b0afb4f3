"""The one writer of jabatan files (`jabatan/<slug>.md`), in the layout the loader reads and
the editors know: YAML front matter, then the numbered tugas (sub-items indented 3 spaces).
Used by `python -m iki jabatan-baru` and `python -m iki impor`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the existing jabatan files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def yaml_teks(data: Any) -> str:
    """Data as YAML in the project's style: keys in the given order, text as written, one line each."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)


def teks_berkas(data: dict, tugas: list[dict], keterangan: str = "") -> str:
    """A jabatan file's text. `tugas` items are {"label", "teks", "sub": [...]}; `keterangan` is
    comment lines put at the top of the front matter."""
    isi = "".join(f"{t['label']}. {t['teks']}\n" + "".join(f"   {s['label']}. {s['teks']}\n" for s in t.get("sub", []))
                  for t in tugas)
    return f"---\n{keterangan}{yaml_teks(data)}---\n{isi}"


def tulis_baru(path: Path, teks: str) -> None:
    """Write a new file; never overwrite one (FileExistsError)."""
    with path.open("x", encoding="utf-8") as keluaran:
        keluaran.write(teks)
