"""One decree: every data file of `data/<id>/` and every jabatan file of `jabatan/<id>/` read, the rules
across them checked, and the `Keputusan` built when nothing is wrong."""

from __future__ import annotations

from pathlib import Path

from ..masalah import Masalah, tanpa_masalah
from ..model import IdentitasKeputusan, Jabatan, Keputusan, Unit
from ..organisasi import DaftarTujuan, Kepegawaian
from .aturan import periksa_hubungan, periksa_mendukung
from .bacaan import Bacaan, LetakData
from .jabatan import baca_jabatan, berkas_jabatan


def muat(letak: LetakData) -> Keputusan:
    """Load and validate everything; raise DataTidakValid with every problem."""
    return tanpa_masalah(periksa(letak))


def periksa(letak: LetakData) -> tuple[Keputusan | None, list[Masalah]]:
    """Check every file of one decree; return the model (when there is no problem) and the problems."""
    bacaan = Bacaan(letak)
    return periksa_dengan(bacaan), bacaan.masalah


def periksa_dengan(bacaan: Bacaan) -> Keputusan | None:
    """`periksa` with a reading the caller keeps (its problems, and the lines of every field)."""
    letak = bacaan.letak
    identitas = bacaan.model_yaml("keputusan.yml", IdentitasKeputusan)
    if identitas is not None:
        bacaan.kualitatif = set(identitas.target_kualitatif)
        _periksa_penetapan(identitas, f"{letak.data}/keputusan.yml", bacaan)
    else:
        bacaan.belum_diperiksa(f"{letak.data}/keputusan.yml", "Target IKI")
    tujuan = bacaan.model_yaml("tujuan.yml", DaftarTujuan)
    pegawai = bacaan.model_yaml("pegawai.yml", Kepegawaian)
    unit = bacaan.daftar_yaml("unit.yml", Unit)
    berkas = berkas_jabatan(bacaan)
    jabatan = [j for j in (baca_jabatan(bacaan, p) for p in berkas) if j is not None]
    if unit is not None:
        # References are checked against every file present, even one that failed
        # validation: its own problems are reported, not as a missing atasan elsewhere.
        periksa_hubungan(jabatan, {p.stem for p in berkas}, unit, bacaan)
    else:
        bacaan.belum_diperiksa(f"{letak.data}/unit.yml", "Hubungan antarberkas (unit, atasan, nama kembar)")
    kode_sasaran = [ss.kode for t in tujuan.root for ss in t.sasaran_strategis] if tujuan is not None else None
    # A file read without its faulty fields may lack its IKI rows: rows pointing at it are not judged by that.
    utuh = [j for j in jabatan if j.sumber not in bacaan.sebagian]
    periksa_mendukung(utuh, {p.stem for p in berkas}, kode_sasaran, f"{letak.data}/tujuan.yml", bacaan)
    if bacaan.masalah or identitas is None or tujuan is None or pegawai is None or unit is None:
        return None
    urut = sorted(jabatan, key=lambda j: (j.urutan, j.slug))
    return Keputusan(id=letak.id, identitas=identitas, tujuan=tujuan.root, pegawai=pegawai, unit=unit,
                     jabatan=urut)


def _periksa_penetapan(identitas: IdentitasKeputusan, berkas: str, bacaan: Bacaan) -> None:
    """A decree has its number and date; only a draft (rancangan) may lack them."""
    if identitas.rancangan:
        return
    for kolom, contoh in (("nomor", '"800 / 12 / Sekere / 2023"'), ("tanggal", "2023-01-09")):
        if getattr(identitas, kolom) is None:
            bacaan.lapor(berkas, bacaan.baris(berkas, ()), kolom,
                         f"Kolom '{kolom}' kosong, padahal Keputusan ini bukan rancangan.",
                         f"Isi '{kolom}' seperti tertulis pada Keputusan yang ditandatangani (mis. {kolom}: {contoh}), "
                         "atau tulis 'rancangan: true' selama Keputusan belum ditetapkan.")


def baca_sebagian(letak: LetakData) -> tuple[list[Unit] | None, list[Path], list[Jabatan]]:
    """What reads on its own whatever problems the rest has: the units, every jabatan
    file, and the jabatan that are valid by themselves. For tools that add to the data."""
    bacaan = Bacaan(letak)
    berkas = berkas_jabatan(bacaan)
    jabatan = [j for j in (baca_jabatan(bacaan, p) for p in berkas) if j is not None]
    return bacaan.daftar_yaml("unit.yml", Unit), berkas, jabatan
