"""`mkdocs serve --dirty` for generated pages: a page is rebuilt only when a data file it is made
from is newer than the page it last wrote.

Relies on an undocumented MkDocs internal (mkdocs==1.6.1): with `--dirty`, `mkdocs.commands.build`
asks `page.file.is_modified()` in `_populate_page` and in `_build_page` whether to read and write a
page again. `File.is_modified` compares the source file's time with the output's; a generated file
(`File.generated`) has no source file, so MkDocs would rebuild every generated page on every edit.
`HalamanData` overrides that method. Without it the site is the same, only `--dirty` is slower.

Guarded by tests/test_ketergantungan_mkdocs.py (`File.is_modified` and its two callers).
"""

from __future__ import annotations

import os

from mkdocs.structure.files import File

from .halaman import Halaman


class HalamanData(File):
    """A generated page: `halaman.buat` renders its Markdown from the model when the page is built
    (the template's output goes to Markdown and is never rendered again as a template, so no
    editor text is executed); `halaman.sumber` are the data files it is made from."""

    halaman: Halaman

    def is_modified(self) -> bool:
        if not os.path.isfile(self.abs_dest_path):
            return True
        dibangun = os.path.getmtime(self.abs_dest_path)
        return any(os.path.getmtime(p) > dibangun for p in self.halaman.sumber)
