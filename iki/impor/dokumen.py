"""What every reader makes of a document: a stream of paragraphs and table rows, in reading
order, each with its place in the document. The forms are found in that stream by
`iki.impor.formulir`, whatever the file format was."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraf:
    """One paragraph (or one line of a text extraction), whitespace already normalised."""

    teks: str
    letak: str  # where it is, for a person: "baris 492", "halaman 3", "paragraf 17"


@dataclass(frozen=True)
class BarisTabel:
    """One row of a table. `gabung` holds the columns whose cell is the lower part of a cell
    merged with the one above (a Word vertical merge, a PDF cell spanning rows)."""

    sel: tuple[str, ...]
    letak: str
    gabung: frozenset[int] = frozenset()


Blok = Paragraf | BarisTabel


class DokumenTidakValid(ValueError):
    """The file cannot be imported; the message (Indonesian) says why and what to do."""


def rapikan(teks: str) -> str:
    """Whitespace normalised, nothing else: runs of spaces, tabs and line breaks become one space."""
    return " ".join(teks.split())


# A line ending in a hyphen or slash directly after a letter ("perundang-", "dan/") was broken
# there by the layout, inside one word: joined without a space.
_PUTUS_DALAM_KATA = re.compile(r"\w[-/]$")


def sambung(baris: list[str]) -> str:
    """Visual lines of one paragraph or one table cell (a PDF wraps text) joined into its text."""
    hasil = ""
    for b in (rapikan(b) for b in baris):
        if not b:
            continue
        pemisah = "" if not hasil or _PUTUS_DALAM_KATA.search(hasil) else " "
        hasil += pemisah + b
    return hasil
