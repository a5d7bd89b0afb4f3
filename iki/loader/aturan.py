"""The rules across the files of one decree: every unit and atasan named exists, names and codes are
not used twice, only a struktural jabatan has an eselon, every `mendukung` names a row of the
atasan's IKI table (or a Sasaran Strategis), and no chain of atasan or `mendukung` comes back to itself."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..model import Jabatan, Unit
from ..pohon import RujukanSasaran, kunci_baris, urai_mendukung
from .bacaan import Bacaan
from .nama import baku, mirip
from .pesan import nama_kolom

K = TypeVar("K")


def unit_dikenal(unit: str, daftar_unit: Iterable[Unit]) -> bool:
    """A jabatan's unit is the code of a unit of unit.yml."""
    return any(u.kode == unit for u in daftar_unit)


def atasan_ada(atasan: str, ada: Collection[str]) -> bool:
    """A jabatan's atasan is the name (without '.md') of a jabatan file of the same decree, even one
    whose content has problems (those are its own problems, not a missing atasan)."""
    return atasan in ada


def eselon_sesuai(jenis: str, eselon: str | None) -> bool:
    """Only a struktural jabatan has an eselon."""
    return not eselon or jenis == "struktural"


def periksa_hubungan(jabatan: list[Jabatan], ada: set[str], daftar_unit: list[Unit], bacaan: Bacaan) -> None:
    """Checks across files: units, atasan, duplicates, order.

    `ada` holds every jabatan file present, by name without '.md' (an atasan whose file failed
    validation is not reported again)."""
    letak = bacaan.letak
    per_slug: dict[str, Jabatan] = {}
    kembar = _Kembar(bacaan, "jabatan")
    for j in jabatan:
        per_slug.setdefault(j.slug.casefold(), j)
        for uraian, kolom, kunci in (("nama berkas", None, j.slug.casefold()), ("nama jabatan", "nama", baku(j.nama)),
                                     ("urutan", "urutan", j.urutan)):
            kembar.periksa(j.sumber, (), f"berkas {j.sumber}", uraian, kolom, kunci)
    unit_per_kode = {u.kode: u for u in daftar_unit}
    berkas_unit = f"{letak.data}/unit.yml"
    kembar = _Kembar(bacaan, "unit")
    for i, u in enumerate(daftar_unit):
        for uraian, kolom, kunci in (("kode unit", "kode", u.kode), ("nama unit", "nama", baku(u.nama))):
            kembar.periksa(berkas_unit, (i,), f"butir ke-{i + 1}", uraian, kolom, kunci)
    pimpinan = {u.kepala for u in daftar_unit if u.jenis == "pimpinan"}
    for i, u in enumerate(daftar_unit):
        kepala = per_slug.get(u.kepala)
        if u.kepala not in ada:
            bacaan.lapor(berkas_unit, bacaan.baris(berkas_unit, (i, "kepala")), "kepala",
                         f"Kepala unit '{u.kode}' menunjuk jabatan '{u.kepala}' yang tidak ada.",
                         f"Isi dengan nama berkas (tanpa '.md') dari folder {letak.jabatan}/.")
        elif kepala is not None and kepala.unit != u.kode:
            bacaan.lapor(berkas_unit, bacaan.baris(berkas_unit, (i, "kepala")), "kepala",
                         f"Kepala unit '{u.kode}' adalah '{u.kepala}', tetapi jabatan itu tercatat di unit '{kepala.unit}'.",
                         "Samakan unit jabatan itu dengan unit yang dipimpinnya.")
    for j in jabatan:
        if not unit_dikenal(j.unit, daftar_unit):
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("unit",)), "unit",
                         f"Unit '{j.unit}' tidak dikenal.",
                         f"Isi dengan salah satu kode unit dari {berkas_unit} ({mirip(j.unit, unit_per_kode)}): "
                         f"{', '.join(unit_per_kode)}.")
        if j.atasan is None:
            if j.slug not in pimpinan:
                bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("atasan",)), "atasan",
                             "Atasan kosong; hanya Kepala Dinas yang tidak memiliki atasan.",
                             "Isi 'atasan' dengan nama berkas jabatan atasan (tanpa '.md').")
        elif not atasan_ada(j.atasan, ada):
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("atasan",)), "atasan",
                         f"Atasan '{j.atasan}' tidak ada di folder {letak.jabatan}/.",
                         f"Isi dengan nama berkas jabatan atasan tanpa '.md': {mirip(j.atasan, per_slug)}.")
        if not eselon_sesuai(j.jenis, j.eselon):
            bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("eselon",)), "eselon",
                         f"Jabatan {j.jenis} tidak memiliki eselon.",
                         "Hapus kolom 'eselon' atau isi 'null', atau ubah 'jenis' menjadi struktural.")
    for jalur in rantai_berputar({slug: j.atasan for slug, j in per_slug.items()}):
        j = per_slug[jalur[0]]
        bacaan.lapor(j.sumber, bacaan.baris(j.sumber, ("atasan",)), "atasan",
                     f"Rantai atasan berputar: {' → '.join(jalur)}.",
                     "Perbaiki 'atasan' salah satu jabatan itu agar rantainya berakhir di Kepala Dinas.")


@dataclass
class _Kembar:
    """Values that must be unique (file name, name, order, unit code): the second holder is reported."""

    bacaan: Bacaan
    pemilik: str
    dipakai: dict[tuple[str, Any], str] = field(default_factory=dict)

    def periksa(self, berkas: str, awal: tuple, sebutan: str, uraian: str, kolom: str | None, kunci: Any) -> None:
        if (uraian, kunci) not in self.dipakai:
            self.dipakai[uraian, kunci] = sebutan
            return
        lokasi = awal + ((kolom,) if kolom else ())
        self.bacaan.lapor(berkas, self.bacaan.baris(berkas, lokasi), kolom,
                          f"{uraian.capitalize()} sama dengan {self.dipakai[uraian, kunci]}.",
                          f"Setiap {self.pemilik} harus memiliki {uraian} sendiri; ubah salah satunya.")


def periksa_mendukung(jabatan: list[Jabatan], ada: set[str], kode_sasaran: list[str] | None,
                      berkas_tujuan: str, bacaan: Bacaan) -> None:
    """Every `mendukung` names an existing row of the jabatan's own atasan, or, where the atasan has
    no IKI table, an existing Sasaran Strategis; and no chain of `mendukung` comes back to itself.

    `ada` holds every jabatan file present (a target that failed validation is not reported again);
    `kode_sasaran` is None when the Sasaran Strategis could not be read (reported elsewhere)."""
    per_slug = {j.slug: j for j in jabatan}
    tautan: dict[str, tuple[str, Jabatan, int]] = {}  # row key -> (key it names, its jabatan, its index)
    for j in jabatan:
        atasan = per_slug.get(j.atasan) if j.atasan else None
        for i, baris in enumerate(j.iki):
            if baris.mendukung is None:
                continue
            lokasi = ("iki", i, "mendukung")

            def lapor(pesan: str, saran: str, j: Jabatan = j, lokasi: tuple = lokasi) -> None:
                bacaan.lapor(j.sumber, bacaan.baris(j.sumber, lokasi), nama_kolom(lokasi), pesan, saran)

            nilai = baris.mendukung
            rujukan = urai_mendukung(nilai)
            contoh = f"'{j.atasan}/1'" if j.atasan and (atasan is None or atasan.iki) else "'SS.1.1'"
            if rujukan is None:
                lapor(f"Nilai 'mendukung' \"{nilai}\" tidak dikenali.",
                      "Tulis nama berkas jabatan atasan dan nomor urut baris IKI-nya (dihitung dari atas, mulai 1), "
                      f"mis. {contoh}; atau, bila atasan tidak memiliki tabel IKI, kode Sasaran Strategis "
                      f"dari {berkas_tujuan}, mis. 'SS.1.1'. Hapus baris 'mendukung' bila belum dapat dipetakan.")
                continue
            if j.atasan is None or (j.atasan in ada and atasan is None):
                continue  # no atasan (reported by the atasan checks) or an atasan file that failed validation
            if isinstance(rujukan, RujukanSasaran):
                if atasan is not None and atasan.iki:
                    lapor(f"Baris ini menunjuk Sasaran Strategis '{nilai}', padahal atasannya ('{j.atasan}') "
                          f"memiliki tabel IKI ({len(atasan.iki)} baris).",
                          "Kode Sasaran Strategis hanya untuk baris yang atasannya tidak memiliki tabel IKI; "
                          f"tulis baris IKI atasan yang didukung: '{j.atasan}/<nomor urut baris>'.")
                elif kode_sasaran is not None and nilai not in kode_sasaran:
                    lapor(f"Sasaran Strategis '{nilai}' tidak ada di {berkas_tujuan}.",
                          f"Pilih salah satu: {', '.join(kode_sasaran)} ({mirip(nilai, kode_sasaran)}).")
                continue
            slug, posisi = rujukan.slug, rujukan.posisi
            if slug not in ada:
                lapor(f"Jabatan '{slug}' pada 'mendukung' tidak ada di folder {bacaan.letak.jabatan}/.",
                      f"Tulis nama berkas jabatan atasan tanpa '.md', yaitu '{j.atasan}' ({mirip(slug, ada)}).")
                continue
            if slug != j.atasan:
                lapor(f"'{nilai}' bukan baris IKI atasan jabatan ini: atasannya '{j.atasan}', bukan '{slug}'.",
                      "Sebuah baris IKI hanya dapat mendukung baris IKI atasan langsungnya: "
                      f"tulis '{j.atasan}/<nomor urut baris>'.")
            target = per_slug.get(slug)
            if target is None:
                continue  # its own problems are reported
            if not target.iki:
                lapor(f"Baris '{nilai}' tidak ada: '{slug}' tidak memiliki tabel IKI.",
                      "Bila jabatan itu atasan langsung yang tanpa tabel IKI (Kepala Dinas), tulis kode Sasaran "
                      f"Strategis yang didukung dari {berkas_tujuan}"
                      + (f": {', '.join(kode_sasaran)}." if kode_sasaran else ", mis. 'SS.1.1'."))
            elif posisi > len(target.iki):
                lapor(f"Baris '{nilai}' tidak ada: {target.nama} hanya memiliki {len(target.iki)} baris IKI.",
                      f"Pilih nomor urut baris 1 sampai {len(target.iki)}, dihitung dari atas tabel IKI "
                      f"{target.sumber} (bukan kolom NO).")
            else:
                tautan[kunci_baris(j.slug, i + 1)] = (kunci_baris(slug, posisi), j, i)
    for jalur in rantai_berputar({kunci: ke for kunci, (ke, _, _) in tautan.items()}):
        _, j, i = tautan[jalur[0]]
        lokasi = ("iki", i, "mendukung")
        bacaan.lapor(j.sumber, bacaan.baris(j.sumber, lokasi), nama_kolom(lokasi),
                     f"Rantai 'mendukung' berputar: {' → '.join(jalur)}.",
                     "Setiap baris hanya boleh mendukung baris IKI atasan langsungnya, sehingga rantainya naik "
                     "sampai Sasaran Strategis Dinas; perbaiki 'mendukung' (atau 'atasan') salah satu baris itu.")


def rantai_berputar(tautan: Mapping[K, K | None]) -> Iterator[list[K]]:
    """Each chain of `tautan` (what each item points to) that comes back to itself, once: the path from
    its first member, in the mapping's order, round to that member again ({a: b, b: a, c: a} -> [a, b, a])."""
    dilaporkan: set[K] = set()
    for awal in tautan:
        jalur = [awal]
        while (berikut := tautan[jalur[-1]]) is not None and berikut in tautan and berikut not in jalur:
            jalur.append(berikut)
        if berikut == awal and awal not in dilaporkan:
            dilaporkan.update(jalur)
            yield jalur + [awal]
