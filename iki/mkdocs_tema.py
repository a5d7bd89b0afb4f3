"""The theme's Jinja environments, made faster in two ways MkDocs has no setting for:
- its static files are found without walking hidden folders. To find them MkDocs lists every file
  of the theme's folders, then drops each path with a part that starts with "."; Material's
  templates hold some 14,000 icons in `.icons/`: a tenth of a second of every build and of every
  `mkdocs serve` rebuild;
- its compiled templates are kept in the build cache (`render.templat_terkompilasi`), for every
  environment of the theme: the build's, and those Material makes to read its translations while
  it reads its configuration.

Relies on (mkdocs==1.6.1, mkdocs-material==9.8.1):
- every environment of the theme comes from `Theme.get_env()` (MkDocs' `build`, and Material's
  search plugin in `_translate`, called from its `on_config`), a `jinja2.FileSystemLoader` over
  `Theme.dirs`;
- MkDocs' `Files.add_files_from_theme` is the only caller of the environment's `list_templates`,
  with a `filter_func` that rejects the patterns ".*" and "*/.*", so no path in a hidden folder.
Guarded by tests/test_ketergantungan_mkdocs.py, which also compares the theme files a build
finds with and without this module.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import jinja2
from mkdocs.theme import Theme


def percepat(theme: Theme, tembolok: jinja2.BytecodeCache) -> None:
    """Every environment `theme` makes from now on: compiled templates from `tembolok`, and a
    listing of its files that skips hidden folders."""
    buat = theme.get_env

    def get_env() -> jinja2.Environment:
        env = buat()
        env.bytecode_cache = tembolok

        def list_templates(extensions: object = None, filter_func: Callable[[str], bool] | None = None) -> list[str]:
            if extensions is not None:
                raise TypeError("hanya filter_func, seperti yang dipakai MkDocs")
            return _berkas_tema(theme.dirs, filter_func)

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]


def _berkas_tema(folder_tema: list[str], filter_func: Callable[[str], bool] | None) -> list[str]:
    """The files of the theme's folders outside hidden folders, by path relative to their folder
    ("/"-separated, sorted, each once), that `filter_func` keeps."""
    ditemukan: set[str] = set()
    for akar in folder_tema:
        for folder, subfolder, berkas in os.walk(akar):
            subfolder[:] = [s for s in subfolder if not s.startswith(".")]
            relatif = os.path.relpath(folder, akar)
            ditemukan.update(b if relatif == "." else f"{relatif}/{b}".replace(os.sep, "/") for b in berkas)
    return [p for p in sorted(ditemukan) if filter_func is None or filter_func(p)]
