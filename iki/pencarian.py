"""Search for Indonesian: a light stemmer, the decree's abbreviations, and the
data the browser's search worker needs to use them.

Material's search (lunr, in a web worker) has no Indonesian stemmer. At build
time this module reads the site's search index, finds the root word(s) of every
word in it (`akar`), and renders a lunr language plugin (`lunr.id`) that carries
those roots as plain data. In the browser the plugin indexes each word together
with its roots, and adds the roots of the words typed in the search box to the
query: "koperasi" finds "perkoperasian", "pengawasan" finds "mengawasi".

The stemmer strips Indonesian affixes by rule (suffixes -lah/-kah/-tah/-pun,
-nya/-ku/-mu, -kan/-an/-i; up to three prefixes me-/mem-/men-/meng-/meny-,
pe-/pem-/pen-/peng-/peny-/per-, ber-, ter-, di-, ke-, se-, with the nasal
sound changes undone). The words of the corpus serve as its dictionary: where
a rule has more than one reading ("penera" = pe-tera or pe-nera), the reading
that is itself a word of the corpus wins; where none is, every reading is kept.
Index and query use the same table, so a word and its affixed forms always
meet, even when the root found is not the linguist's.

No MkDocs here: the plugin calls `lengkapi_indeks` and writes what it returns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .render import render

VOKAL = frozenset("aeiou")
# Suffixes, stripped right to left: the possessive -nya, then one derivational suffix.
# (Particles -lah/-kah/-pun and -ku/-mu do not occur in a decree; stripping them only
# spoils roots such as "masalah" and "buku".)
_POSESIF = "nya"
_DERIVASI = ("kan", "an", "i")
# Prefixes a -i or -kan may close (pe-...-i, ber-...-i, ke-...-i do not exist).
_AWALAN_SEBELUM = {"i": ("me", "di", "ter", "per"), "kan": ("me", "di", "ter", "per", "ber")}
# Prefixes that are always the outermost one: never stripped from inside another.
_AWALAN_LUAR = ("me", "di", "ke", "se")
# A root found by rule must keep this many letters, unless the corpus has it as a word.
_PANJANG_MINIMUM = 4
_LAPIS_AWALAN = 3
_TAG = re.compile(r"<[^>]+>")
_APOSTROF = re.compile(r"&#39;|&#x27;|['’]")


class Singkatan(BaseModel):
    """An abbreviation the decree uses, with its long form(s) as the decree writes them."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    singkatan: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*$")]
    kepanjangan: list[Annotated[str, StringConstraints(min_length=1)]] = Field(min_length=1)


# -- words ---------------------------------------------------------------------

def normal(kata: str) -> str:
    """Lower case, apostrophes dropped: "Juma'ah" and "jumaah" are one word."""
    return _APOSTROF.sub("", kata.lower())


def pecah(teks: str, pemisah: str) -> list[str]:
    """The words of an indexed text, split exactly as the search worker splits them
    (`pemisah` is the search separator of the site's configuration)."""
    return [k.lower() for k in re.split(pemisah, _TAG.sub(" ", teks)) if k]


# -- the stemmer ------------------------------------------------------------------

def _tanpa_akhiran(kata: str, kamus: frozenset[str]) -> list[tuple[str, str]]:
    """(form, derivational suffix removed) pairs, the most stripped first."""
    if kata.endswith(_POSESIF) and _cukup(kata[: -len(_POSESIF)], kamus):
        kata = kata[: -len(_POSESIF)]
    bentuk = [(kata[: -len(a)], a) for a in _DERIVASI if kata.endswith(a) and _cukup(kata[: -len(a)], kamus)]
    return [*bentuk, (kata, "")]


def _cukup(sisa: str, kamus: frozenset[str]) -> bool:
    """Whether what is left after stripping can be a word: long enough (or known), with
    a vowel, and not opening with three consonants ("distribusi" is not di-stribusi)."""
    return ((len(sisa) >= _PANJANG_MINIMUM or (len(sisa) == 3 and sisa in kamus))
            and any(h in VOKAL for h in sisa) and any(h in VOKAL for h in sisa[:3]))


def _satu_awalan(kata: str, akhiran: str, lapis: int) -> list[str]:
    """The readings of `kata` without its outermost prefix ([] when it has none).
    `akhiran` is the derivational suffix stripped from the word, `lapis` how many
    prefixes were stripped before."""
    k = kata
    if lapis and k.startswith(_AWALAN_LUAR):
        return []
    for awal in ("meng", "peng"):
        if k.startswith(awal) and len(k) > 5:
            x = k[4:]
            if x[0] in VOKAL:
                return [x, "k" + x]          # mengelola: kelola; pengawas: awas
            if x[0] in "ghkq":
                return [x]                    # penggunaan, pengkajian
    for awal in ("meny", "peny"):
        if k.startswith(awal) and k[4:5] in VOKAL:
            return ["s" + k[4:]]              # penyusun: susun
    for awal in ("mem", "pem"):
        if k.startswith(awal):
            x = k[3:]
            if x[:1] in VOKAL:
                return ["p" + x, "m" + x]     # pemerintah: perintah; memakai: pakai
            if x[:1] in ("b", "f", "v", "p"):
                return [x]                    # pembinaan: bina
    for awal in ("men", "pen"):
        if k.startswith(awal):
            x = k[3:]
            if x[:1] in VOKAL:
                return ["t" + x, "n" + x]     # penera: tera; penilaian: nilai
            if x[:1] in ("c", "d", "j", "z"):
                return [x]                    # pendataan: data
    if k[:2] in ("me", "pe") and k[2:3] in ("l", "r", "w", "y", "m", "n") and k[3:4] in VOKAL:
        if k.startswith("per"):
            return [k[3:], k[2:]]             # perencanaan: rencana; perdagangan: dagang
        return [k[2:]]                        # melayani: layan
    if k.startswith("per"):
        return [k[3:]]                        # perkoperasian: koperasi
    if k.startswith("pe") and k[2:3] not in VOKAL and k[2:3] not in ("m", "n"):
        return [k[2:]]                        # pelaksana: laksana; pedagang: dagang
    if k.startswith("ber"):
        x = k[3:]
        return [x, "r" + x] if x[:1] in VOKAL else [x]   # berlaku: laku; berupa: rupa
    if k.startswith("be") and k[2:3] not in VOKAL and k[3:5] == "er":
        return [k[2:]]                        # bekerja: kerja
    if k.startswith(("ter", "di")):
        return [k[3:] if k.startswith("ter") else k[2:]]
    if k.startswith(("ke", "se")) and akhiran in ("an", "kan"):
        return [k[2:]]                        # kegiatan: giat (the ke-...-an confix)
    return []


def _lepas_awalan(kata: str, kamus: frozenset[str], akhiran: str, lapis: int = 0) -> tuple[set[str], bool]:
    """The roots left when every prefix is stripped, and whether one was."""
    if lapis == _LAPIS_AWALAN:
        return {kata}, False
    bacaan = [b for b in _satu_awalan(kata, akhiran, lapis) if _cukup(b, kamus)]
    if not bacaan:
        # se-/ke- alone are prefixes only where the corpus knows the rest as a word.
        if not lapis and kata[:2] in ("se", "ke") and kata[2:] in kamus and len(kata) > 4:
            return {kata[2:]}, True
        return {kata}, False
    bacaan = [b for b in bacaan if b in kamus] or bacaan
    akar: set[str] = set()
    for b in bacaan:
        akar |= _lepas_awalan(b, kamus, akhiran, lapis + 1)[0]
    return akar, True


def akar(kata: str, kamus: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The root(s) of one word, sorted; `(kata,)` for a word that has no affix.

    `kamus` is the set of known words (normalised): readings it contains are
    preferred, and it lets a root shorter than four letters stand.
    """
    kata = normal(kata)
    if not kata.isalpha() or len(kata) < _PANJANG_MINIMUM:
        return (kata,)
    pilihan: list[tuple[set[str], str]] = []
    for bentuk, akhiran in _tanpa_akhiran(kata, kamus):
        hasil, berawalan = _lepas_awalan(bentuk, kamus, akhiran)
        # -i and -kan are verb suffixes: only after a verb prefix, or where the corpus
        # knows the rest as a word ("fasilitasi": fasilitas; "koperasi" stays).
        if akhiran in ("i", "kan") and not (berawalan and bentuk.startswith(_AWALAN_SEBELUM[akhiran])
                                            or not berawalan and bentuk in kamus):
            continue
        pilihan.append((hasil, akhiran))
    if not pilihan:
        return (kata,)
    (utama, akhiran), cadangan = pilihan[0], pilihan[1:]
    # A reading the corpus knows wins. -an is trusted over the bare form ("pengawasan" is
    # pe-awas-an, not pe-kawasan); -i and -kan are not ("dinilai" is di-nilai, not di-nila-i).
    if not utama & kamus and akhiran in ("i", "kan") and cadangan and cadangan[0][0] & kamus:
        return tuple(sorted(cadangan[0][0] & kamus))
    return tuple(sorted(utama & kamus or utama))


# -- the index ---------------------------------------------------------------------

def kosakata(indeks: dict) -> list[str]:
    """Every word of a Material search index (title and text), in first-seen order."""
    pemisah = indeks["config"]["separator"]
    kata: dict[str, None] = {}
    for dok in indeks["docs"]:
        for kolom in ("title", "text"):
            kata.update(dict.fromkeys(pecah(dok.get(kolom, ""), pemisah)))
    return list(kata)


def peta_akar(kata: Iterable[str]) -> dict[str, str]:
    """word -> its root(s), space-separated, for every word whose roots are not itself."""
    semua = list(kata)
    kamus = frozenset(normal(k) for k in semua)
    peta = {}
    for k in semua:
        hasil = akar(k, kamus)
        if hasil != (k,):
            peta[k] = " ".join(hasil)
    return peta


def lengkapi_indeks(indeks: dict, singkatan: list[Singkatan]) -> tuple[dict, str]:
    """The search index switched to the `id` language, and the `lunr.id` plugin script
    (with the roots of every word of the index and the abbreviations) that the worker loads for it."""
    pemisah = indeks["config"]["separator"]
    peta = peta_akar(kosakata(indeks))

    def kata_kata(teks: str) -> list[str]:
        return pecah(teks, pemisah)

    def dengan_akar(kata: list[str]) -> list[str]:
        hasil: dict[str, None] = {}
        for k in kata:
            hasil.update(dict.fromkeys([k, *peta.get(k, k).split()]))
        return list(hasil)

    # At an abbreviation: the words of its long forms (and their roots) are indexed too.
    perluasan = {s.singkatan.lower(): " ".join(dengan_akar([k for p in s.kepanjangan for k in kata_kata(p)]))
                 for s in singkatan}
    # At the first word of a long form: its abbreviation is indexed too.
    frasa = [[kata_kata(p), s.singkatan.lower()] for s in singkatan for p in s.kepanjangan]
    baru = {**indeks, "config": {**indeks["config"], "lang": ["id"]}}
    skrip = render("lunr.id.js", akar=peta, perluasan=perluasan, frasa=frasa)
    return baru, skrip
