"""Names: the slug rule of file names and codes, how names are compared, and the closest name
to one mistyped. Used by the loader's rules and messages, `jabatan-baru` and the importer."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from ..model import POLA_SLUG

SLUG = re.compile(POLA_SLUG)
"""Lower-case letters, digits and hyphens: file names of jabatan, ids of decrees, codes of units."""
PESAN_SLUG = "tidak memenuhi aturan: hanya huruf kecil, angka dan tanda hubung"
"""What is said of a name that is not a slug ("Nama berkas 'A_b.md' …")."""


def slug_dari(teks: str) -> str:
    """The slug made from a text, e.g. "Analis Pasar: Harga" -> "analis-pasar-harga": a new file's
    name, or the name an editor is advised to use instead of a wrong one."""
    return re.sub(r"[^a-z0-9]+", "-", teks.casefold()).strip("-") or "jabatan-baru"


def baku(nama: str) -> str:
    """A name as compared for duplicates: case and spacing ignored."""
    return " ".join(nama.casefold().split())


def mirip(kata: str, pilihan: Iterable[str]) -> str:
    """The choice closest to a mistyped word, as a message says it ("mungkin maksudnya '…'")."""
    dekat = difflib.get_close_matches(str(kata), list(pilihan), n=1, cutoff=0.6)
    return f"mungkin maksudnya '{dekat[0]}'" if dekat else "tidak ada yang mirip"
