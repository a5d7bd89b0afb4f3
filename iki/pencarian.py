"""Search for Indonesian: root words, the decree's and everyday abbreviations, the
ranking, and the data the browser's search worker needs to use them.

Material's search (lunr, in a web worker) has no Indonesian stemmer. At build
time this module reads the site's search index, finds the root word(s) of every
word in it (`Akar`), and renders a lunr language plugin (`lunr.id`) that carries
those roots as plain data. In the browser the plugin indexes each word together
with its roots, adds the roots of the words typed in the search box to the
query ("koperasi" finds "perkoperasian", "pengawasan" finds "mengawasi"), and
ranks the results in tiers (see the plugin's own comment).

Roots come from PySastrawi, the maintained Nazief-Adriani stemmer with a
dictionary of Indonesian root words. Only a word Sastrawi leaves unchanged and
does not know as a root (names, jargon, spelling variants such as "perijinan")
goes through the project's own affix rules (`akar_imbuhan`). A short reviewed
list, data/akar.yml, comes first of all: words never stemmed (function words,
place names, words whose root would flood the results), corrected roots where
Sastrawi errs, and pairs that must never meet.

No MkDocs here: `iki.mkdocs_pencarian` calls `lengkapi_indeks` and writes what it returns where
Material's search worker reads it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
from Sastrawi.Stemmer.Stemmer import Stemmer
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from .model import AturanAkar, Jabatan, Keputusan, Singkatan
from .render import NAMA_JENIS, render

# The language of the search index and of its lunr plugin (`lunr.id`).
BAHASA = "id"
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
# The search results the browser lists: the best HASIL_MAKSIMUM pages, with their sections, and the
# matched words marked in the first HALAMAN_DISOROT. Material copies, marks and sends every result it
# is given: at 5,000 jabatan a common word took seconds (bench/HASIL.md). The filters' note says when
# the list was cut (assets/saring-cari.js).
HASIL_MAKSIMUM = 100
HALAMAN_DISOROT = 20
# A typed word shorter than this is not searched as a prefix ("pe" does not find every "pe..." word).
AWALAN_MINIMUM = 3
_TAG = re.compile(r"<[^>]+>")
_APOSTROF = re.compile(r"&#39;|&#x27;|['’]")


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


def akar_imbuhan(kata: str, kamus: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The root(s) of one word by the project's own affix rules, sorted; `(kata,)` for a
    word that has no affix. Used where Sastrawi does not know a word (see `Akar`).

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


@cache
def _sastrawi() -> tuple[Stemmer, frozenset[str]]:
    """Sastrawi's stemmer and its dictionary of root words (loaded once)."""
    kata_dasar = StemmerFactory().get_words()
    return Stemmer(ArrayDictionary(kata_dasar)), frozenset(kata_dasar)


class Akar:
    """The root finder: the reviewed list, then Sastrawi, then the project's own rules.

    `kamus` is the set of the corpus's words, which the own rules prefer as readings.
    """

    def __init__(self, aturan: Iterable[AturanAkar] = (), kamus: Iterable[str] = ()):
        aturan = list(aturan)
        self.tetap = frozenset(k for a in aturan for k in a.tetap)
        self.koreksi = {k: v for a in aturan for k, v in a.akar.items()}
        self.pasangan = [tuple(p) for a in aturan for p in a.tidak_bertemu]
        self.kamus = frozenset(normal(k) for k in kamus)

    def __call__(self, kata: str) -> tuple[str, ...]:
        """The root(s) of one word, sorted; `(kata,)` for a word kept as it is.
        The reviewed pairs are not applied here (see `peta`)."""
        kata = normal(kata)
        if kata in self.tetap or not kata.isalpha() or len(kata) < 3:
            return (kata,)
        if kata in self.koreksi:
            return (self.koreksi[kata],)
        stemmer, kata_dasar = _sastrawi()
        dasar = stemmer.stem_word(kata)
        if dasar != kata and dasar.isalpha():
            return (dasar,)
        if kata in kata_dasar:
            return (kata,)
        return akar_imbuhan(kata, self.kamus)

    def peta(self, kata: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """word -> its root(s) for every word given and every word of the reviewed list,
        with the reviewed pairs kept apart: where two words of a pair would still share a
        root, the longer one (the derived word) loses it."""
        semua = dict.fromkeys([*kata, *self.tetap, *self.koreksi, *(k for p in self.pasangan for k in p)])
        peta = {k: self(k) for k in semua}
        for a, b in self.pasangan:
            pendek, panjang = sorted((a, b), key=lambda k: (len(k), k))
            bersama = ({pendek, *peta[pendek]} & {panjang, *peta[panjang]}) - {panjang}
            if bersama:
                peta[panjang] = tuple(r for r in peta[panjang] if r not in bersama) or (panjang,)
        return peta


def bertemu(peta: dict[str, tuple[str, ...]], a: str, b: str) -> bool:
    """Whether a search for `a` finds `b` (and the other way round): they share a form."""
    return bool({a, *peta.get(a, ())} & {b, *peta.get(b, ())})


# -- the index ---------------------------------------------------------------------

def kosakata(indeks: dict) -> list[str]:
    """Every word of a Material search index (title and text), in first-seen order."""
    return kata_dokumen(indeks["docs"], indeks["config"]["separator"])


def kata_dokumen(dokumen: Iterable[dict], pemisah: str) -> list[str]:
    """Every word of search index entries (title and text), in first-seen order: the words of
    several lists of entries, each in order, are the words of the whole list (`gabung_kata`)."""
    kata: dict[str, None] = {}
    for dok in dokumen:
        for kolom in ("title", "text"):
            kata.update(dict.fromkeys(pecah(dok.get(kolom, ""), pemisah)))
    return list(kata)


def gabung_kata(daftar: Iterable[list[str]]) -> list[str]:
    """The words of several lists, in first-seen order."""
    kata: dict[str, None] = {}
    for d in daftar:
        kata.update(dict.fromkeys(d))
    return list(kata)


def peta_akar(kata: Iterable[str], aturan: Iterable[AturanAkar] = ()) -> dict[str, str]:
    """word -> its root(s), space-separated, for every word whose roots are not itself, and
    every word of the reviewed list (a word kept as it is maps to itself, so the browser
    does not strip it by rule when it is typed)."""
    semua = list(kata)
    cari_akar = Akar(aturan, semua)
    peta = cari_akar.peta(semua)
    ditinjau = {*cari_akar.tetap, *cari_akar.koreksi, *(k for p in cari_akar.pasangan for k in p)}
    return {k: " ".join(r) for k, r in peta.items() if r != (k,) or k in ditinjau}


def letak_jabatan(keputusan: Keputusan, jabatan: Jabatan) -> str:
    """Where a jabatan is, as its search result says it: the name of its unit."""
    return keputusan.cari_unit(jabatan.unit).nama


def tanda_jabatan(keputusan: Keputusan, jabatan: Jabatan) -> list[str]:
    """The tags under a jabatan's search result: where it is, then its jenis (the search
    filters of assets/saring-cari.js read them in this order)."""
    return [letak_jabatan(keputusan, jabatan), NAMA_JENIS[jabatan.jenis]]


def pilihan_saring(daftar: Iterable[Keputusan]) -> dict[str, list[str] | int]:
    """The choices of the search filters over every decree: units that hold a jabatan, and the jenis used;
    and how many results the list holds at most (`HASIL_MAKSIMUM`), for the note under the filters."""
    daftar = list(daftar)
    return {"unit": list(dict.fromkeys(letak_jabatan(k, j) for k in daftar
                                       for u in k.unit for j in k.jabatan_di_unit(u.kode))),
            "jenis": [nama for kode, nama in NAMA_JENIS.items()
                      if any(j.jenis == kode for k in daftar for j in k.jabatan)],
            "hasil_maksimum": HASIL_MAKSIMUM}


def lengkapi_indeks(indeks: dict, singkatan: list[Singkatan], aturan: Iterable[AturanAkar] = (),
                    tanda: dict[str, list[str]] | None = None,
                    cari_akar: Callable[[list[str], list[AturanAkar]], dict[str, str]] = peta_akar,
                    kata: list[str] | None = None) -> tuple[dict, str]:
    """The search index switched to the `id` language, and the `lunr.id` plugin script
    (with the roots of every word of the index and the abbreviations) that the worker loads for it.

    `tanda` maps a page's address to its tags (`tanda_jabatan`), which Material shows under
    the page's search result. Tags weigh like body text here (Material's default would let
    a unit's name outweigh the page's own name). `cari_akar` is `peta_akar`, or a cache of it; `kata`
    is the index's `kosakata` where it is already known."""
    pemisah = indeks["config"]["separator"]
    tanda = tanda or {}
    # Only words of letters have a root other than themselves: numbers and codes ("350", "29.6") are
    # left out, so that a changed target does not change the vocabulary the roots are cached by.
    peta = cari_akar([k for k in (kosakata(indeks) if kata is None else kata) if normal(k).isalpha()], list(aturan))

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
    dokumen = [{**d, "tags": tanda[d["location"]]} if d["location"] in tanda else d for d in indeks["docs"]]
    bidang = {**indeks["config"].get("fields", {}), "tags": {"boost": 1}}
    baru = {**indeks, "config": {**indeks["config"], "lang": [BAHASA], "fields": bidang}, "docs": dokumen}
    skrip = render("lunr.id.js", akar=peta, perluasan=perluasan, frasa=frasa, maksimum=HASIL_MAKSIMUM,
                   sorot=HALAMAN_DISOROT, awalan_minimum=AWALAN_MINIMUM)
    return baru, skrip
