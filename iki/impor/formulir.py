"""The forms of the Lampiran, found in a document's stream of paragraphs and table rows
(`iki.impor.dokumen`), whatever the file format was. Each form:

    INDIKATOR KINERJA INDIVIDU / TAHUN ...
    Jabatan : ...
    Tugas : 1. ... (lettered sub-items a., b. ...)
    [Fungsi : ...]
    NO | SASARAN | INDIKATOR | TARGET | KET, the row (1) ... (5), then the IKI rows

The text is kept as the document writes it (whitespace normalised). Whatever the reading had
to decide or could not place is a finding (`Temuan`) for the import report.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..loader import ISIAN, baku
from .dokumen import BarisTabel, Blok, Paragraf

# Report sections, in the report's order: key -> heading.
BAGIAN = {
    "tidak-ditempatkan": "Bagian yang tidak ditempatkan",
    "lanjutan": "Baris lanjutan sel SASARAN yang digabung",
    "kepala-halaman": "Kepala halaman yang dibuang dari dalam tabel",
    "penomoran": "Penomoran melompat atau berulang",
    "target": "Target yang tidak dapat diurai",
    "kembar": "Dua formulir dengan nama jabatan yang sama",
    "ragu": "Perlu diperiksa",
}

_JABATAN = re.compile(r"^Jabatan\s*:\s*(?P<sisa>.*)$", re.I)
_TUGAS = re.compile(r"^Tugas\s*:\s*(?P<sisa>.*)$", re.I)
_FUNGSI = re.compile(r"^Fungsi\s*:\s*(?P<sisa>.*)$", re.I)
_BUTIR = re.compile(r"^(?P<label>\d{1,3}|[a-z]{1,2})[.)]\s+(?P<teks>\S.*)$")
_TAHUN = re.compile(r"^TAHUN\s+(?P<tahun>\d{4})$", re.I)
# Lines that frame a form or a page: heading, Lampiran header, page numbers.
_KERANGKA = re.compile(
    r"^(INDIKATOR KINERJA INDIVIDU|TAHUN \d{4}|LAMPIRAN\b.*|KEPUTUSAN\b.*|(NOMOR|TANGGAL|TENTANG)\s*:.*"
    r"|Halaman \d+( dari \d+)?|\d{1,3})$", re.I)
_NIP = re.compile(r"^NIP\b", re.I)
_HALAMAN = re.compile(r"^Halaman \d+( dari \d+)?$", re.I)
_LAMPIRAN = re.compile(r"^LAMPIRAN\b", re.I)
# A lettered label inside an item's text ("... Bidang m. melaksanakan ..."): perhaps two items
# printed on one line.
_LABEL_DI_TENGAH = re.compile(r"(?<=[\s;,])(?P<label>[a-z]|(?P<h>[a-z])(?P=h))\.\s+(?=[a-z])")
_NOMOR_KOLOM = re.compile(r"^\(\d\)$")
_ANGKA_KATA = {2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan", 9: "sembilan"}


@dataclass
class Butir:
    label: str
    teks: str
    letak: str
    sub: list[Butir] = field(default_factory=list)


@dataclass
class BarisIki:
    nomor: int | None
    sasaran: str
    indikator: str
    target: str
    ket: str
    letak: str
    lanjutan: bool = False  # NO and SASARAN carried from the row above (merged cell)


@dataclass
class Formulir:
    nama: str
    letak: str
    tahun: int | None
    tugas: list[Butir] = field(default_factory=list)
    iki: list[BarisIki] = field(default_factory=list)
    catatan_editor: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Temuan:
    bagian: str  # a key of BAGIAN
    formulir: Formulir | None  # None outside the forms
    letak: str
    teks: str


@dataclass
class Bacaan:
    formulir: list[Formulir]
    temuan: list[Temuan]
    luar: list[Paragraf]  # paragraphs outside the forms' bodies: preamble, headers, signatures


def urai(blok: list[Blok]) -> Bacaan:
    pengurai = _Pengurai()
    for b in blok:
        if isinstance(b, Paragraf):
            pengurai.paragraf(b)
        else:
            pengurai.baris_tabel(b)
    pengurai.tutup_formulir()
    pengurai.periksa_kembar()
    return Bacaan(pengurai.formulir, pengurai.temuan, pengurai.luar)


class _Pengurai:
    def __init__(self) -> None:
        self.formulir: list[Formulir] = []
        self.temuan: list[Temuan] = []
        self.luar: list[Paragraf] = []
        self.f: Formulir | None = None
        self.mode = ""  # "nama", "tugas", "fungsi", "tabel"
        self.fungsi: list[Paragraf] = []
        self.tertunda: list[Paragraf] = []  # after table rows: a page header, or what follows the table
        self.tahun: int | None = None

    def catat(self, bagian: str, letak: str, teks: str) -> None:
        self.temuan.append(Temuan(bagian, self.f, letak, teks))

    # -- paragraphs -----------------------------------------------------------

    def paragraf(self, p: Paragraf) -> None:
        if cocok := _JABATAN.match(p.teks):
            self.tutup_formulir()
            self.f = Formulir(cocok["sisa"], p.letak, self.tahun)
            self.mode = "nama"
            return
        if self.f is None or (_HALAMAN.match(p.teks) and self.mode != "tabel"):
            self.luar.append(p)  # a page number between tugas items is the page's frame, not their text
            if cocok := _TAHUN.match(p.teks):
                self.tahun = int(cocok["tahun"])
            return
        if self.mode == "tabel":
            self.tertunda.append(p)
            return
        if cocok := _TUGAS.match(p.teks):
            self.tutup_fungsi()
            self.mode = "tugas"
            if cocok["sisa"]:
                self.butir(Paragraf(cocok["sisa"], p.letak))
            return
        if _FUNGSI.match(p.teks):
            self.tutup_fungsi()
            self.mode = "fungsi"
        if self.mode == "fungsi":
            self.fungsi.append(p)
        elif self.mode == "tugas":
            self.butir(p)
        elif not self.f.nama:
            self.f.nama = p.teks
        else:
            self.catat("ragu", p.letak, f"Nama jabatan disambung dengan baris berikutnya \"{p.teks}\" "
                                        f"menjadi \"{self.f.nama} {p.teks}\".")
            self.f.nama += " " + p.teks

    def tutup_fungsi(self) -> None:
        if self.fungsi:
            self.catat("tidak-ditempatkan", self.fungsi[0].letak,
                       "Bagian \"Fungsi :\" tidak dimuat di berkas jabatan (hanya tugas dan IKI). Teksnya:\n"
                       + "\n".join(p.teks for p in self.fungsi))
            self.fungsi = []

    def butir(self, p: Paragraf) -> None:
        assert self.f is not None
        cocok = _BUTIR.match(p.teks)
        tugas = self.f.tugas
        if cocok is None:
            if not tugas:
                self.catat("tidak-ditempatkan", p.letak, f"Baris sebelum butir tugas pertama: \"{p.teks}\".")
                return
            akhir = tugas[-1].sub[-1] if tugas[-1].sub else tugas[-1]
            self.catat("ragu", p.letak, f"Baris \"{p.teks}\" tidak diawali nomor; disambung ke butir {akhir.label} "
                                        "dengan satu spasi (mis. butir terpotong pergantian halaman).")
            akhir.teks += " " + p.teks
            return
        butir = Butir(cocok["label"], cocok["teks"], p.letak)
        daftar = tugas
        if not (butir.label.isdigit() or not tugas):
            induk = tugas[-1]
            if (induk.sub and butir.label == _huruf_berikut(induk.sub[-1].label)) or (
                    not induk.sub and butir.label == "a" and induk.teks.endswith(":")):
                daftar = induk.sub
            else:
                self.catat("ragu", p.letak, f"Butir berhuruf \"{butir.label}.\" di antara butir bernomor dimuat sebagai "
                                            f"butir tersendiri setelah butir {induk.label}.")
        # A lettered label inside the text: two items printed on one line (the extraction lost the
        # line break). Split there, the second item keeping its own label, at the same level.
        potongan = _LABEL_DI_TENGAH.split(butir.teks)
        butir.teks = potongan[0].rstrip()
        daftar.append(butir)
        for label, teks in zip(potongan[1::3], potongan[3::3]):
            self.catat("ragu", p.letak, f"Butir {daftar[-1].label} memuat \"{label}.\" di tengah teksnya (\"…"
                                        f"{_ujung(daftar[-1].teks)} {label}. {teks[:30]}…\"): dua butir tercetak pada "
                                        f"satu baris, dipisah menjadi butir {daftar[-1].label} dan butir {label}.")
            daftar.append(Butir(label, teks.rstrip(), p.letak))

    # -- table rows -----------------------------------------------------------

    def baris_tabel(self, b: BarisTabel) -> None:
        if self.f is None:
            return  # a table of the decree's body, before the Lampiran
        sel = [*b.sel, *[""] * (5 - len(b.sel))]
        if _kepala_tabel(sel):
            if self.f.iki:
                self.catat("kepala-halaman", b.letak, "Kepala tabel berulang di tengah tabel dibuang"
                           + _uraian_kepala(self.tertunda) + f": \"{' | '.join(s for s in sel if s)}\".")
                self.tertunda = []
            self.mulai_tabel()
            return
        if all(_NOMOR_KOLOM.match(s) for s in sel if s):
            if self.f.iki and self.tertunda:
                self.catat("kepala-halaman", b.letak, "Baris penomoran kolom berulang dibuang"
                           + _uraian_kepala(self.tertunda) + ".")
                self.tertunda = []
            self.mulai_tabel()
            return
        if self.mode != "tabel":
            self.catat("ragu", b.letak, "Tabel IKI tanpa baris judul NO | SASARAN | INDIKATOR | TARGET | KET; "
                                        "kolom dibaca menurut urutannya.")
            self.mulai_tabel()
        if self.tertunda:
            self.catat("kepala-halaman", self.tertunda[0].letak,
                       "Teks di antara baris tabel dibuang" + _uraian_kepala(self.tertunda) + ".")
            self.tertunda = []
        if len(sel) > 5 and any(sel[5:]):
            self.catat("tidak-ditempatkan", b.letak, f"Sel di luar lima kolom tabel IKI: \"{' | '.join(sel[5:])}\".")
        no, sasaran, indikator, target, ket = sel[:5]
        if not any((no, sasaran, indikator, target, ket)):
            return
        ke = len(self.f.iki) + 1
        lanjutan = (not no and not sasaran) or 1 in b.gabung
        if lanjutan and self.f.iki:
            atas = self.f.iki[-1]
            nomor, sasaran = atas.nomor, atas.sasaran
            self.catat("lanjutan", b.letak, f"Baris IKI ke-{ke} tidak menulis NO dan SASARAN (sel digabung dengan "
                                            f"baris di atasnya): NO {_no(nomor)} dan sasarannya dicatat pada baris ini.")
        else:
            lanjutan = False
            nomor = int(no) if no.isdigit() else None
            if not no:
                self.catat("ragu", b.letak, f"Baris IKI ke-{ke} tidak memiliki NO; dicatat sebagai kosong (null).")
            elif nomor is None:
                self.catat("ragu", b.letak, f"NO \"{no}\" pada baris IKI ke-{ke} bukan bilangan; dicatat sebagai "
                                            "kosong (null).")
        isi = {"sasaran": sasaran, "indikator": indikator, "target": target}
        for kolom, nilai in isi.items():
            if not nilai:
                self.catat("ragu", b.letak, f"Sel {kolom.upper()} baris IKI ke-{ke} kosong; diisi \"{ISIAN[kolom]}\".")
                isi[kolom] = ISIAN[kolom]
        self.f.iki.append(BarisIki(nomor, isi["sasaran"], isi["indikator"], isi["target"], ket, b.letak, lanjutan))

    def mulai_tabel(self) -> None:
        self.tutup_fungsi()
        self.mode = "tabel"

    # -- the end of a form ------------------------------------------------------

    def tutup_formulir(self) -> None:
        self.tutup_fungsi()
        self.tutup_tertunda()
        f = self.f
        if f is None:
            return
        if not f.nama:
            self.catat("ragu", f.letak, f"Formulir tanpa nama jabatan; diisi \"{ISIAN['nama']}\".")
            f.nama = ISIAN["nama"]
        if not f.tugas:
            self.catat("ragu", f.letak, f"Formulir tanpa butir tugas; diisi \"{ISIAN['tugas']}\".")
        if not f.iki:
            self.catat("ragu", f.letak, "Formulir tanpa tabel IKI; diisi satu baris \"ISI ...\".")
        self.periksa_penomoran(f)
        for nomor, jumlah in Counter(b.nomor for b in f.iki if b.lanjutan).items():
            jumlah += 1
            f.catatan_editor.append(
                f"Pada Keputusan, sasaran nomor {_no(nomor)} ditulis satu kali untuk {_ANGKA_KATA.get(jumlah, jumlah)} "
                "indikator (sel tabel digabung). Di sini sasaran itu dicatat pada setiap baris IKI itu dan ditampilkan "
                "kembali sebagai satu sel gabungan.")
        self.formulir.append(f)
        self.f = None
        self.mode = ""

    def tutup_tertunda(self) -> None:
        """What followed the table: the signature and the next form's heading are the frame;
        anything else is reported as not placed."""
        tertunda, self.tertunda = self.tertunda, []
        self.luar += tertunda
        akhir_tanda_tangan = max((i for i, p in enumerate(tertunda) if _NIP.match(p.teks)), default=-1)
        # The next form's Lampiran header, from its first line on (its wrapped lines included).
        awal_lampiran = next((i for i, p in enumerate(tertunda) if i > akhir_tanda_tangan and _LAMPIRAN.match(p.teks)),
                             len(tertunda))
        for i, p in enumerate(tertunda):
            if cocok := _TAHUN.match(p.teks):
                self.tahun = int(cocok["tahun"])
            if akhir_tanda_tangan < i < awal_lampiran and not _KERANGKA.match(p.teks):
                self.catat("tidak-ditempatkan", p.letak, f"Teks setelah tabel IKI: \"{p.teks}\".")

    def periksa_penomoran(self, f: Formulir) -> None:
        angka = [b for b in f.tugas if b.label.isdigit()]
        for sebelum, butir in zip([None, *angka], angka):
            harap = int(sebelum.label) + 1 if sebelum else 1
            if int(butir.label) != harap:
                apa = "berulang" if sebelum and int(butir.label) <= int(sebelum.label) else "melompat"
                dari = f"dari {sebelum.label} " if sebelum else ""
                self.catat("penomoran", butir.letak, f"Nomor butir tugas {apa} {dari}ke {butir.label}; "
                                                     "dimuat apa adanya.")
        for induk in f.tugas:
            for sebelum, sub in zip(induk.sub, induk.sub[1:]):
                if sub.label != _huruf_berikut(sebelum.label):
                    self.catat("penomoran", sub.letak, f"Huruf sub-butir butir {induk.label} melompat atau berulang "
                                                       f"dari {sebelum.label} ke {sub.label}; dimuat apa adanya.")
        bernomor = [(b.nomor, b.letak) for b in f.iki if not b.lanjutan and b.nomor is not None]
        for lalu, (no, letak) in zip([None, *(n for n, _ in bernomor)], bernomor):
            harap = lalu + 1 if lalu is not None else 1
            if no != harap:
                apa = "berulang" if lalu is not None and no <= lalu else "melompat"
                dari = f"dari {lalu} " if lalu is not None else ""
                self.catat("penomoran", letak, f"NO tabel IKI {apa} {dari}ke {no}; dimuat apa adanya.")

    def periksa_kembar(self) -> None:
        pertama: dict[str, Formulir] = {}
        for f in self.formulir:
            if (sama := pertama.setdefault(baku(f.nama), f)) is not f:
                self.temuan.append(Temuan("kembar", f, f.letak,
                                          f"Nama jabatan sama dengan formulir di {sama.letak}. Keduanya dimuat; "
                                          "nama berkas yang kedua diberi akhiran angka."))


def _kepala_tabel(sel: list[str]) -> bool:
    besar = [s.upper() for s in sel]
    return any(s.startswith("SASARAN") for s in besar) and any(s.startswith("TARGET") for s in besar)


def _uraian_kepala(paragraf: list[Paragraf]) -> str:
    if not paragraf:
        return ""
    return f" beserta kepala halaman \"{' / '.join(p.teks for p in paragraf)}\" ({paragraf[0].letak})"


def _huruf_berikut(label: str) -> str:
    """a -> b, z -> aa, dd -> ee: the lettering the decree uses."""
    if not label.isalpha():
        return ""
    if label[-1] == "z":
        return "a" * (len(label) + 1)
    return chr(ord(label[0]) + 1) * len(label)


def _ujung(teks: str) -> str:
    return teks[-30:]


def _no(nomor: int | None) -> str:
    return "(kosong)" if nomor is None else str(nomor)
