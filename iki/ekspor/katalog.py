"""catalog.jsonld: a DCAT catalogue (DCAT-AP style, JSON-LD) of the decree's dataset and each of its
downloads, for a data portal to harvest (CKAN with ckanext-dcat reads it from a static address).

Every address in it is relative (`iki-2022.csv`, `./` for the Unduh page): a JSON-LD reader resolves
them against the address the catalogue was fetched from, so the file is right wherever the site is
published and needs no configured host name. Sizes and checksums are those of the downloads' bytes
(`Unduhan.sha256`). `issued` and `modified` are the decree's date, so the file has no build time.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..kolom import BELUM_DITETAPKAN
from ..model import Keputusan
from .dip import judul_keputusan, ringkasan
from .paket_data import json_rapi

if TYPE_CHECKING:
    from . import Unduhan

KONTEKS = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "spdx": "http://spdx.org/rdf/terms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
BAHASA = {"@id": "http://publications.europa.eu/resource/authority/language/IND"}
JENIS_BERKAS = "http://publications.europa.eu/resource/authority/file-type/"
KODE_JENIS_BERKAS = {"text/csv": "CSV", "application/json": "JSON", "application/pdf": "PDF",
                     "application/ld+json": "JSON_LD",
                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX"}
MEDIA_IANA = "https://www.iana.org/assignments/media-types/"
LISENSI_BELUM = (f"Lisensi: {BELUM_DITETAPKAN}. Sampai ditetapkan, berlaku ketentuan penggunaan pada halaman "
                 "Unduh data (informasi publik menurut Undang-Undang Nomor 14 Tahun 2008).")


def _teks(isi: str) -> dict:
    return {"@language": "id", "@value": isi}


def _tanggal(keputusan: Keputusan) -> dict:
    """`issued` and `modified`: the decree's date (none yet for a draft, which states neither)."""
    tanggal = keputusan.identitas.tanggal
    if tanggal is None:
        return {}
    nilai = {"@type": "xsd:date", "@value": tanggal.isoformat()}
    return {"dct:issued": nilai, "dct:modified": nilai}


def id_distribusi(nama: str) -> str:
    return f"#berkas-{nama}"


def katalog(keputusan: Keputusan, unduhan: Sequence[Unduhan]) -> dict:
    idt = keputusan.identitas
    lisensi = idt.keterbukaan.lisensi
    hak = ({"dct:license": {"@id": lisensi.alamat, "@type": "dct:LicenseDocument", "dct:title": _teks(lisensi.nama)}}
           if lisensi else {"dct:rights": {"@type": "dct:RightsStatement", "rdfs:label": _teks(LISENSI_BELUM)}})
    berkas = [u for u in unduhan if u.jabatan is None]
    return {
        "@context": KONTEKS,
        "@graph": [
            {
                "@id": "",
                "@type": "dcat:Catalog",
                "dct:title": _teks(f"Katalog data IKI Tahun {idt.tahun}: {idt.instansi}"),
                "dct:description": _teks(f"Berkas data terbuka {judul_keputusan(keputusan)}."),
                "dct:publisher": {"@id": "#penerbit"},
                "dct:language": BAHASA,
                "foaf:homepage": {"@id": "../"},
                "dcat:dataset": {"@id": "#dataset"},
            },
            {"@id": "#penerbit", "@type": "foaf:Agent", "foaf:name": _teks(idt.instansi)},
            {
                "@id": "#dataset",
                "@type": "dcat:Dataset",
                "dct:identifier": idt.nomor,
                "dct:title": _teks(f"Indikator Kinerja Individu (IKI) Tahun {idt.tahun}: {idt.instansi}"),
                "dct:description": _teks(f"{ringkasan(keputusan)} Sumber: {judul_keputusan(keputusan)}. Teks dimuat "
                                         "apa adanya sesuai Keputusan."),
                **_tanggal(keputusan),
                "dct:publisher": {"@id": "#penerbit"},
                "dct:language": BAHASA,
                "dcat:keyword": [_teks(k) for k in ("indikator kinerja individu", "IKI", "e-Kinerja", "SKP")],
                "dcat:landingPage": {"@id": "./"},
                **hak,
                "dcat:distribution": [{"@id": id_distribusi(u.nama)} for u in berkas],
            },
            *({
                "@id": id_distribusi(u.nama),
                "@type": "dcat:Distribution",
                "dct:title": _teks(u.nama),
                "dct:description": _teks(u.ekspor.uraian),
                "dcat:accessURL": {"@id": "./"},
                "dcat:downloadURL": {"@id": u.nama},
                "dct:format": {"@id": JENIS_BERKAS + KODE_JENIS_BERKAS[u.ekspor.jenis_media]},
                "dcat:mediaType": {"@id": MEDIA_IANA + u.ekspor.jenis_media},
                "dcat:byteSize": {"@type": "xsd:nonNegativeInteger", "@value": str(u.ukuran)},
                "spdx:checksum": {
                    "@type": "spdx:Checksum",
                    "spdx:algorithm": {"@id": "spdx:checksumAlgorithm_sha256"},
                    "spdx:checksumValue": {"@type": "xsd:hexBinary", "@value": u.sha256},
                },
                **_tanggal(keputusan),
                **hak,
            } for u in berkas),
        ],
    }


def ke_katalog(keputusan: Keputusan, unduhan: Sequence[Unduhan]) -> bytes:
    return json_rapi(katalog(keputusan, unduhan))
