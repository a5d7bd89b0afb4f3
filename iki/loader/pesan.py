"""What the parsers say, told in Bahasa Indonesia: a YAML syntax error and a pydantic validation
error become (what is wrong, what to do); a field path becomes the name an editor reads."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import yaml
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from ..model import POLA_ALAMAT_WEB, POLA_SLUG
from .nama import PESAN_SLUG, mirip, slug_dari

_SARAN_YAML = ("Periksa tanda titik dua, tanda kutip dan jumlah spasi di awal baris; "
               "teks yang memuat ': ' atau diawali tanda khusus harus diberi tanda kutip.")

# PyYAML's most common complaints, told in Bahasa Indonesia (pattern, explanation).
_MASALAH_YAML = [
    (r"mapping values are not allowed here", "ada ': ' di dalam nilai tanpa tanda kutip, atau spasi di awal baris tidak sejajar"),
    (r"found character '\\t' that cannot start any token", "ada karakter tab; gunakan spasi"),
    (r"found character '(.)' that cannot start any token", r"nilai diawali tanda '\1' tanpa tanda kutip"),
    (r"expected alphabetic or numeric character, but found '([*&])'", r"nilai diawali tanda '\1' tanpa tanda kutip"),
    (r"found unexpected end of stream", "tanda kutip dibuka tetapi tidak ditutup"),
    (r"could not find expected ':'", "tanda ':' setelah nama kolom tidak ada"),
    (r"expected <block end>, but found", "spasi di awal baris tidak sejajar, atau ada teks setelah tanda kutip penutup"),
    (r"did not find expected (key|'-' indicator)", "spasi di awal baris tidak sejajar"),
    (r"expected ',' or '[}\]]'", "tanda kurung '{' atau '[' tidak ditutup; nilai yang diawali kurung harus diberi tanda kutip"),
    (r"expected alphabetic or numeric character", "nilai diawali tanda '*' atau '&' tanpa tanda kutip"),
    (r"expected the node content", "ada tanda baca tanpa nilai, mis. '{', '[', '-' atau '?' yang tidak diberi tanda kutip"),
    (r"(found unknown escape character|expected escape sequence)",
     "ada garis miring terbalik '\\' di dalam tanda kutip ganda; gunakan tanda kutip tunggal"),
    (r"expected a comment or a line break", "ada teks setelah tanda kutip penutup, atau setelah '|' atau '>'"),
    (r"expected (chomping or )?indentation indicator", "nilai diawali tanda '|' atau '>' tanpa tanda kutip"),
    (r"(found unexpected document separator|expected a single document|expected '<document start>')",
     "ada baris '---' atau '...' di tengah data"),
    (r"(found undefined tag handle|expected '[!> ]', but found|expected URI)", "nilai diawali tanda '!' tanpa tanda kutip"),
    (r"(found duplicate YAML directive|found incompatible YAML|expected a digit|duplicate tag handle|found non-specific)",
     "baris diawali tanda '%' tanpa tanda kutip"),
    (r"(mapping keys|sequence entries) are not allowed here", "tanda '?' atau '- ' tidak pada tempatnya, atau spasi di awal baris tidak sejajar"),
    (r"invalid indentation or unclosed", "spasi di awal baris tidak sejajar, atau tanda kurung '[' atau '{' tidak ditutup"),
]


def jelaskan_yaml(teks: str, baris_awal: int, galat: yaml.YAMLError) -> tuple[int | None, str, str]:
    """A YAML text that cannot be read (`galat`, from libyaml where available): the line of its error,
    what is wrong and what to do, in Bahasa Indonesia. `baris_awal` is the line of the file the text
    starts at."""
    try:
        for _ in yaml.parse(teks, Loader=yaml.SafeLoader):
            pass  # the pure-Python parser's messages are the ones explained here
    except yaml.YAMLError as rinci:
        galat = rinci
    if isinstance(galat, yaml.composer.ComposerError) and galat.context:
        # Parsed, but not one document: the context ("expected a single document in the stream") tells it.
        soal = galat.context
    else:
        soal = getattr(galat, "problem", None) or str(galat)
    # An unclosed quote is found at the end of the file; the line where it opens helps more.
    tanda = getattr(galat, "context_mark" if "end of stream" in soal else "problem_mark", None)
    baris = tanda.line + baris_awal if tanda else None
    return baris, f"Format YAML tidak dapat dibaca ({_terjemahkan_yaml(soal)}).", _SARAN_YAML


def _terjemahkan_yaml(soal: str) -> str:
    for pola, uraian in _MASALAH_YAML:
        if re.match(pola, soal):
            return re.sub(f"^{pola}.*", uraian, soal)
    return "susunan tanda baca tidak sesuai aturan YAML"


def nama_kolom(lokasi: tuple) -> str | None:
    """A field path as an editor reads it: ("iki", 0, "target") -> "iki → baris ke-1 → target"."""
    # pydantic names a refused dictionary key "[key]": the key itself is already on the path.
    bagian = [f"baris ke-{x + 1}" if isinstance(x, int) else str(x) for x in lokasi if x != "[key]"]
    return " → ".join(bagian) or None


_JENIS_NILAI = {str: "teks", int: "bilangan bulat", float: "bilangan", bool: "ya/tidak", list: "daftar",
                dict: "kumpulan kolom", type(None): "kosong"}


def terjemahkan(galat: ErrorDetails, model: type[BaseModel], otomatis: Collection[str] = ()) -> tuple[str, str]:
    """Turn one pydantic error into (what is wrong, what to do), in Bahasa Indonesia.
    `otomatis` are fields of `model` the loader fills: never offered to an editor."""
    jenis = galat["type"]
    kolom = next((str(x) for x in reversed(galat["loc"]) if isinstance(x, str)), "")
    masukan = galat.get("input")
    diberikan = _JENIS_NILAI.get(type(masukan), type(masukan).__name__)
    ctx: dict[str, Any] = galat.get("ctx") or {}
    if jenis == "missing":
        return f"Kolom wajib '{kolom}' tidak ada.", f"Tambahkan baris '{kolom}: ...'."
    if jenis == "extra_forbidden":
        dikenal = _kolom_model(galat["loc"], model, otomatis)
        return (f"Kolom '{kolom}' tidak dikenal.",
                f"Periksa ejaannya: {mirip(kolom, dikenal)}. Kolom yang boleh: {', '.join(dikenal)}.")
    if jenis == "literal_error":
        pilihan = ctx["expected"].replace("'", "")
        return f"Nilai '{masukan}' tidak dikenal.", f"Pilih salah satu: {pilihan.replace(' or ', ', ')}."
    if jenis == "string_pattern_mismatch" and ctx["pattern"] == POLA_SLUG:
        return (f"Kode '{masukan}' {PESAN_SLUG}.",
                f"Ganti menjadi '{slug_dari(str(masukan))}'.")
    if jenis == "string_pattern_mismatch" and ctx["pattern"] == POLA_ALAMAT_WEB:
        return (f"'{masukan}' bukan alamat web.",
                "Tulis alamat lengkap yang diawali https://, mis. https://creativecommons.org/licenses/by/4.0/.")
    if jenis == "string_pattern_mismatch":
        return (f"Nilai '{masukan}' tidak memenuhi aturan penulisan kolom ini.",
                "Tulis seperti butir lain di berkas ini (tanpa spasi atau tanda baca yang tidak ada pada contohnya).")
    if jenis == "iki_data":  # a cross-field check of the organisation data, already in Indonesian
        return f"Nilai tidak sesuai: {ctx['pesan']}.", "Samakan dengan naskah Keputusan."
    if jenis == "value_error":
        return f"Nilai tidak sesuai: {str(ctx['error']).rstrip('.')}.", _saran_nilai(galat["loc"], model)
    if jenis == "too_short":
        return (f"Daftar harus berisi sedikitnya {ctx['min_length']} butir.",
                "Tambahkan butir yang hilang.")
    if jenis == "too_long":
        return (f"Daftar berisi {ctx['actual_length']} butir, padahal paling banyak {ctx['max_length']}.",
                "Hapus butir yang berlebih.")
    if jenis in ("greater_than_equal", "less_than_equal"):
        batas = ctx.get("ge", ctx.get("le"))
        arah = "paling kecil" if jenis == "greater_than_equal" else "paling besar"
        return f"Nilai {masukan} di luar batas ({arah} {batas}).", "Periksa angkanya."
    if jenis == "string_too_short":
        return "Nilai tidak boleh kosong.", "Isi kolom ini, atau hapus kolomnya bila tidak wajib."
    if jenis in ("string_type", "int_type", "list_type", "tuple_type", "dict_type", "model_type",
                 "date_type", "model_attributes_type", "int_from_float", "bool_type", "float_type"):
        diharapkan = {"string_type": "teks", "int_type": "bilangan bulat", "list_type": "daftar",
                      "tuple_type": "daftar", "dict_type": "kumpulan kolom", "model_type": "kumpulan kolom",
                      "model_attributes_type": "kumpulan kolom", "date_type": "tanggal (TTTT-BB-HH)",
                      "int_from_float": "bilangan bulat", "bool_type": "ya/tidak", "float_type": "bilangan"}[jenis]
        saran = {"teks": "Tulis sebagai teks; beri tanda kutip bila perlu, mis. \"100%\".",
                 "daftar": "Tulis setiap butir pada baris sendiri, diawali '- '.",
                 "bilangan bulat": "Tulis angka tanpa tanda kutip, mis. 3, atau null bila kosong."}.get(
            diharapkan, "Lihat contoh pada berkas lain.")
        return f"Nilai harus berupa {diharapkan}, bukan {diberikan}.", saran
    return f"Nilai tidak valid ({galat['msg']}).", "Lihat contoh pada berkas lain."


def _jenis_sepanjang(lokasi: tuple, model: type[BaseModel]) -> list[Any]:
    """The types a field path goes through, `model` first: each field's own class (a model, or the
    first class of its list or union). Steps into a list item or a dictionary key stay where they are."""
    jenis: list[Any] = [model]
    for bagian in lokasi:
        sekarang = jenis[-1]
        if isinstance(bagian, int) or bagian not in getattr(sekarang, "model_fields", {}):
            continue
        anotasi = sekarang.model_fields[bagian].annotation
        jenis.append(next((a for a in getattr(anotasi, "__args__", (anotasi,)) if isinstance(a, type)), None))
    return jenis


def _saran_nilai(lokasi: tuple, model: type[BaseModel]) -> str:
    """The advice of the model that refused a value (its SARAN_NILAI): the innermost model on the path."""
    saran = ""
    for jenis in _jenis_sepanjang(lokasi, model):
        saran = getattr(jenis, "SARAN_NILAI", saran)
    return saran


def _kolom_model(lokasi: tuple, model: type[BaseModel], otomatis: Collection[str]) -> list[str]:
    """The field names allowed where an unknown field was found."""
    sekarang = _jenis_sepanjang(lokasi[:-1], model)[-1]
    return [k for k in sekarang.model_fields if k not in otomatis or sekarang is not model]
