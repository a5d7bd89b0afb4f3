"""The decree's identity (data/<id>/keputusan.yml) from what the document says outside the
forms: the decree's opening, the Lampiran header, the signature. A field the document does not
give is left as the checker's "ISI ..." placeholder; each one is listed in the report."""

from __future__ import annotations

import datetime
import re
from collections import Counter

from ..loader import ISIAN
from .dokumen import Paragraf
from .formulir import Formulir

_BULAN = {b: i for i, b in enumerate(
    ("januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
     "november", "desember"), start=1)}
_NILAI = {
    "nomor": re.compile(r"^Nomor\s*:\s*(?P<v>\S.*)$", re.I),
    "judul": re.compile(r"^Tentang\s*:\s*(?P<v>\S.*)$", re.I),
    "ditetapkan_di": re.compile(r"^Ditetapkan(?: di)?\s*:\s*(?P<v>\S.*)$", re.I),
    "tanggal": re.compile(r"^(?:Pada )?tanggal\s*:\s*(?P<v>\d{1,2}\s+\w+\s+\d{4})$", re.I),
}
_INSTANSI = re.compile(r"^(?:LAMPIRAN\s+(?:[IVX]+\s+)?)?KEPUTUSAN\s+KEPALA\s+(?P<v>.+)$", re.I)
_NIP = re.compile(r"^NIP\.?\s*(?P<v>\S.*)$", re.I)


def temukan(luar: list[Paragraf], formulir: list[Formulir]) -> tuple[dict, dict[str, str]]:
    """The identity as keputusan.yml holds it, and where each found value is in the document
    (fields missing from that map are placeholders)."""
    asal: dict[str, str] = {}
    nilai: dict[str, object] = {}
    for kolom, pola in _NILAI.items():
        if cocok := next(((c, p) for p in luar if (c := pola.match(p.teks))), None):
            nilai[kolom], asal[kolom] = cocok[0]["v"], cocok[1].letak
    if isinstance(tanggal := nilai.get("tanggal"), str):
        hari, bulan, tahun = tanggal.split()
        try:
            nilai["tanggal"] = datetime.date(int(tahun), _BULAN[bulan.casefold()], int(hari))
        except (KeyError, ValueError):
            del nilai["tanggal"], asal["tanggal"]
    # The longest line naming the issuer: the one that names it whole.
    instansi = [(p.teks, m["v"], p.letak) for p in luar if (m := _INSTANSI.match(p.teks))]
    if instansi:
        _, nilai["instansi"], asal["instansi"] = max(instansi, key=lambda x: len(x[0]))
    tahun_formulir = Counter(f.tahun for f in formulir if f.tahun).most_common(1)
    if tahun_formulir:
        nilai["tahun"], asal["tahun"] = tahun_formulir[0][0], "judul formulir (\"TAHUN ...\")"
    penandatangan = _penandatangan(luar, asal)
    data = {kolom: nilai.get(kolom, ISIAN[kolom]) for kolom in
            ("nomor", "tahun", "judul", "instansi", "ditetapkan_di", "tanggal")}
    data["penandatangan"] = penandatangan
    return data, asal


def _penandatangan(luar: list[Paragraf], asal: dict[str, str]) -> dict:
    """jabatan (the upper-case lines), nama, pangkat, NIP: the block that ends with "NIP ..."."""
    hasil = {k: ISIAN[k] for k in ("jabatan", "nama", "pangkat", "nip")}
    for i, p in enumerate(luar):
        cocok = _NIP.match(p.teks)
        if cocok is None or i < 3:
            continue
        hasil["nip"], hasil["pangkat"], hasil["nama"] = cocok["v"], luar[i - 1].teks, luar[i - 2].teks
        jabatan: list[str] = []
        for q in reversed(luar[max(0, i - 7):i - 2]):
            if q.teks != q.teks.upper() or not re.search(r"[A-Z]", q.teks):
                break
            jabatan.insert(0, q.teks)
        if jabatan:
            hasil["jabatan"] = " ".join(jabatan)
        for k in ("penandatangan.nip", "penandatangan.pangkat", "penandatangan.nama"):
            asal[k] = p.letak
        if jabatan:
            asal["penandatangan.jabatan"] = p.letak
        break
    return hasil
