"""Loading the archive: finds every decree (`data/<id>/keputusan.yml` with `jabatan/<id>/`), loads
each with the one loader (`iki.loader`), then checks the rules between decrees:

- the decree a decree amends or replaces exists, belongs to the same instansi, and no chain of
  amendments comes back to itself;
- at most one decree of an instansi and year is in force (the others are amended or replaced);
- a jabatan's `pendahulu` names jabatan of the predecessor decree, each claimed by one jabatan only;
- every decree has its own site address, outside the site's own pages.

Like the loader, it collects every problem, in Bahasa Indonesia, naming file and field.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

from . import baca
from .arsip import Arsip
from .loader import (FOLDER_DATA, FOLDER_JABATAN, PESAN_SLUG, SLUG, Bacaan, LetakData, mirip, periksa_dengan,
                     rantai_berputar)
from .masalah import Masalah, tanpa_masalah
from .model import Keputusan

# First path segments of the site's own pages: no decree may be published under them.
ALAMAT_SITUS = frozenset({"assets", "search", "daftar-keputusan", "jabatan", "unit", "organisasi", "unduh",
                          "keputusan", "perubahan", "stylesheets", "javascripts"})
# Reports a problem of a decree's keputusan.yml: (decree, field or None, what is wrong, what to do).
_Lapor = Callable[[Keputusan, str | None, str, str], None]


def muat_arsip(root: Path) -> Arsip:
    """Load and check every decree; raise DataTidakValid with every problem."""
    return tanpa_masalah(periksa_arsip(root))


def periksa_arsip(root: Path) -> tuple[Arsip | None, list[Masalah]]:
    """Check every file of every decree; return the archive (when there is no problem) and the problems."""
    with _tanpa_gc():
        return _periksa_arsip(root)


@contextlib.contextmanager
def _tanpa_gc() -> Iterator[None]:
    """No cyclic garbage collection while the decrees load. Loading makes some objects per line of
    data that nearly all live on (2,000 jabatan: a few million) and hardly any cyclic garbage
    (a few hundred objects), so each collection traverses the growing heap for nothing: a fifth
    of the loading time (bench/HASIL.md). Garbage without cycles is freed as ever. A build holds the
    collector off longer, until what it loaded is out of its reach (`iki.serentak.tahan_gc`)."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def _periksa_arsip(root: Path) -> tuple[Arsip | None, list[Masalah]]:
    masalah: list[Masalah] = []
    daftar = daftar_keputusan(root, masalah)
    bacaan: dict[str, Bacaan] = {}
    keputusan: list[Keputusan] = []
    for id in daftar:
        b = bacaan[id] = Bacaan(LetakData.untuk(root, id))
        k = periksa_dengan(b)
        masalah += b.masalah
        if k is not None:
            keputusan.append(k)
    if len(keputusan) == len(daftar):
        masalah += _periksa_antarkeputusan(keputusan, bacaan)
    if masalah or not daftar:
        return None, masalah
    return Arsip(tuple(keputusan)), []


def daftar_keputusan(root: Path, masalah: list[Masalah]) -> list[str]:
    """The ids of the decrees present: folders of data/ holding keputusan.yml. Reports what does
    not fit the layout (a jabatan folder without its decree, files where decree folders belong)."""
    data, jabatan = root / FOLDER_DATA, root / FOLDER_JABATAN

    def lapor(berkas: str, pesan: str, saran: str) -> None:
        masalah.append(Masalah(berkas, None, None, pesan, saran))

    def isi(folder: Path) -> list[Path]:
        try:
            return baca.isi_folder(root, folder)
        except baca.Ditolak as tolak:
            lapor(folder.relative_to(root).as_posix(), tolak.pesan, tolak.saran)
            return []

    id_data = []
    for p in isi(data):
        if p.is_symlink():
            lapor(f"{FOLDER_DATA}/{p.name}", "Ini tautan simbolik (symlink); isinya tidak dibaca.",
                  "Ganti tautan itu dengan folder Keputusan yang sebenarnya.")
        elif p.is_dir() and not p.name.startswith("."):
            if not SLUG.match(p.name):
                lapor(f"{FOLDER_DATA}/{p.name}", f"Nama folder Keputusan '{p.name}' {PESAN_SLUG}.",
                      "Ganti nama folder ini dan folder jabatannya.")
            elif not (p / "keputusan.yml").is_file():
                lapor(f"{FOLDER_DATA}/{p.name}/keputusan.yml", "Berkas identitas Keputusan tidak ditemukan.",
                      "Setiap folder Keputusan di data/ memerlukan keputusan.yml; salin dari Keputusan lain, "
                      "atau buat dengan: python -m iki keputusan-baru --tahun <tahun>.")
            else:
                id_data.append(p.name)
    for p in isi(jabatan):
        if p.name.startswith("."):
            continue
        if p.is_symlink() or not p.is_dir():
            lapor(f"{FOLDER_JABATAN}/{p.name}", "Berkas jabatan harus berada di folder Keputusannya, "
                  f"{FOLDER_JABATAN}/<id-keputusan>/, bukan langsung di {FOLDER_JABATAN}/.",
                  f"Pindahkan berkas ini ke folder Keputusan yang memuatnya ({', '.join(id_data) or 'belum ada'}).")
        elif p.name not in id_data:
            lapor(f"{FOLDER_JABATAN}/{p.name}", f"Folder jabatan '{p.name}' tidak memiliki Keputusan: "
                  f"{FOLDER_DATA}/{p.name}/keputusan.yml tidak ada.",
                  f"Samakan nama folder ini dengan folder Keputusannya di {FOLDER_DATA}/ ({mirip(p.name, id_data)}).")
    if not id_data and not masalah:
        lapor(FOLDER_DATA, "Tidak ada satu pun Keputusan.",
              f"Setiap Keputusan memerlukan folder {FOLDER_DATA}/<id>/ (berisi keputusan.yml, unit.yml, tujuan.yml, "
              f"pegawai.yml) dan {FOLDER_JABATAN}/<id>/ (berkas jabatannya).")
    return id_data


def _periksa_antarkeputusan(keputusan: list[Keputusan], bacaan: dict[str, Bacaan]) -> list[Masalah]:
    masalah: list[Masalah] = []
    per_id = {k.id: k for k in keputusan}

    def lapor(k: Keputusan, kolom: str | None, pesan: str, saran: str) -> None:
        berkas = f"{bacaan[k.id].letak.data}/keputusan.yml"
        masalah.append(Masalah(berkas, bacaan[k.id].baris(berkas, (kolom,) if kolom else ()), kolom, pesan, saran))

    tautan_sah: dict[str, str] = {}
    for k in keputusan:
        i = k.identitas
        if i.mengubah and i.mengganti:
            lapor(k, "mengganti", "Kolom 'mengubah' dan 'mengganti' diisi keduanya.",
                  "Sebuah Keputusan mengubah satu Keputusan atau menggantinya; hapus salah satu kolom.")
            continue
        kolom = "mengubah" if i.mengubah else "mengganti"
        lama_id = i.pendahulu
        if lama_id is None:
            continue
        lama = per_id.get(lama_id)
        if lama is None:
            lapor(k, kolom, f"Keputusan '{lama_id}' yang disebut pada '{kolom}' tidak ada.",
                  f"Tulis nama folder Keputusan itu di {FOLDER_DATA}/ "
                  f"({mirip(lama_id, [x for x in per_id if x != k.id])}).")
        elif lama.id == k.id:
            lapor(k, kolom, f"Keputusan ini menyebut dirinya sendiri pada '{kolom}'.",
                  "Tulis nama folder Keputusan yang diubah atau diganti.")
        elif lama.identitas.kode_instansi != i.kode_instansi:
            lapor(k, kolom, f"Keputusan '{lama_id}' milik instansi '{lama.identitas.kode_instansi}', bukan "
                  f"'{i.kode_instansi}'.", "Sebuah Keputusan hanya dapat mengubah atau mengganti Keputusan "
                  "instansinya sendiri; periksa 'kode_instansi' kedua berkas.")
        else:
            tautan_sah[k.id] = lama.id
    _periksa_siklus(tautan_sah, per_id, lapor)
    if masalah:
        return masalah
    arsip = Arsip(tuple(keputusan))
    _periksa_berlaku_ganda(arsip, lapor)
    _periksa_alamat(arsip, lapor)
    for k in keputusan:
        masalah += _periksa_pendahulu_jabatan(arsip, k, bacaan[k.id])
    return masalah


def _periksa_siklus(tautan: dict[str, str], per_id: dict[str, Keputusan], lapor: _Lapor) -> None:
    for jalur in rantai_berputar(dict(sorted(tautan.items()))):
        k = per_id[jalur[0]]
        lapor(k, "mengubah" if k.identitas.mengubah else "mengganti",
              f"Rantai perubahan Keputusan berputar: {' → '.join(jalur)}.",
              "Setiap Keputusan hanya mengubah atau mengganti Keputusan yang lebih dahulu; perbaiki "
              "'mengubah'/'mengganti' salah satunya.")


def _periksa_berlaku_ganda(arsip: Arsip, lapor: _Lapor) -> None:
    """At most one decree of an instansi and year is in force."""
    for daftar in arsip.per_instansi.values():
        per_tahun: dict[int, list[Keputusan]] = {}
        for k in daftar:
            if not k.identitas.rancangan:
                per_tahun.setdefault(k.identitas.tahun, []).append(k)
        for tahun, sama in per_tahun.items():
            diganti = {k.identitas.pendahulu for k in sama}
            berlaku = [k for k in sama if k.id not in diganti]
            for k in berlaku[1:]:
                lapor(k, None, f"Keputusan '{berlaku[0].id}' dan '{k.id}' sama-sama berlaku untuk instansi "
                      f"'{k.identitas.kode_instansi}' tahun {tahun}.",
                      f"Bila Keputusan ini mengubah atau mengganti '{berlaku[0].id}', tulis 'mengubah: "
                      f"{berlaku[0].id}' atau 'mengganti: {berlaku[0].id}'; bila tidak, periksa 'tahun' dan "
                      "'kode_instansi'.")


def _periksa_alamat(arsip: Arsip, lapor: _Lapor) -> None:
    """Each decree has its own address, and none takes the site's own pages."""
    pemilik: dict[str, Keputusan] = {}
    for k in arsip:
        alamat = k.alamat
        if alamat in pemilik:
            lapor(k, "alamat", f"Alamat '{alamat or '/'}' sudah dipakai Keputusan '{pemilik[alamat].id}'.",
                  "Setiap Keputusan memerlukan alamat sendiri; hapus kolom 'alamat' agar dipakai alamat bawaan "
                  f"'{k.id}/'.")
        elif alamat and alamat.split("/")[0] in ALAMAT_SITUS:
            lapor(k, "alamat", f"Alamat '{alamat}' bertabrakan dengan halaman situs '{alamat.split('/')[0]}/'.",
                  f"Pilih alamat lain, atau hapus kolom 'alamat' agar dipakai alamat bawaan '{k.id}/'.")
        pemilik.setdefault(alamat, k)


def _periksa_pendahulu_jabatan(arsip: Arsip, k: Keputusan, bacaan: Bacaan) -> list[Masalah]:
    """Each `pendahulu` names a jabatan of the predecessor decree; no old jabatan continues in two."""
    masalah: list[Masalah] = []
    sebelum = arsip.pendahulu(k)
    diklaim: dict[str, str] = {}
    for j in k.jabatan:
        lokasi = ("pendahulu",)
        baris = bacaan.baris(j.sumber, lokasi)
        if j.pendahulu and sebelum is None:
            masalah.append(Masalah(j.sumber, baris, "pendahulu", "Kolom 'pendahulu' diisi, padahal Keputusan ini "
                                   "tidak mengubah atau mengganti Keputusan lain.",
                                   "Hapus kolom 'pendahulu', atau isi 'mengubah'/'mengganti' di keputusan.yml."))
            continue
        if sebelum is None:
            continue
        lama = sebelum[0]
        for slug in j.pendahulu:
            if lama.cari_jabatan_opsional(slug) is None:
                masalah.append(Masalah(
                    j.sumber, baris, "pendahulu",
                    f"Jabatan '{slug}' tidak ada di Keputusan sebelumnya ('{lama.id}').",
                    f"Tulis nama berkas jabatan itu di {FOLDER_JABATAN}/{lama.id}/ tanpa '.md' "
                    f"({mirip(slug, [x.slug for x in lama.jabatan])})."))
        for slug in j.pendahulu or ([j.slug] if lama.cari_jabatan_opsional(j.slug) else []):
            if slug in diklaim and diklaim[slug] != j.slug:
                masalah.append(Masalah(
                    j.sumber, baris, "pendahulu",
                    f"Jabatan '{slug}' Keputusan '{lama.id}' sudah dilanjutkan oleh berkas "
                    f"{FOLDER_JABATAN}/{k.id}/{diklaim[slug]}.md.",
                    "Sebuah jabatan lama hanya dapat dilanjutkan satu jabatan baru; bila jabatan ini berganti "
                    "nama, tulis 'pendahulu' hanya di satu berkas."))
            diklaim.setdefault(slug, j.slug)
    return masalah
