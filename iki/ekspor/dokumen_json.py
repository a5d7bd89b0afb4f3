"""JSON: the whole model as one document, and the JSON Schema it validates against.

The document is exactly the model's fields, so `Keputusan.model_validate(json.load(f))`
gives back the model that wrote it; derived values (computed fields) are left out.
"""

from __future__ import annotations

from ..model import Keputusan
from .paket_data import json_rapi

SKEMA = "https://json-schema.org/draft/2020-12/schema"


def dokumen(keputusan: Keputusan) -> dict:
    return keputusan.model_dump(mode="json", exclude=set(Keputusan.model_computed_fields))


def skema() -> dict:
    isi = Keputusan.model_json_schema()
    return {
        "$schema": SKEMA,
        "title": "Indikator Kinerja Individu (IKI): data terstruktur satu Keputusan",
        "description": "Susunan berkas iki-<tahun>.json: identitas Keputusan, unit kerja, dan setiap "
                       "jabatan dengan tugas dan baris IKI-nya. Teks dimuat apa adanya sesuai Keputusan.",
        **{k: v for k, v in isi.items() if k not in ("title", "description")},
    }


def ke_json(keputusan: Keputusan) -> bytes:
    return json_rapi(dokumen(keputusan))


def ke_skema_json(keputusan: Keputusan) -> bytes:  # same signature as every export
    return json_rapi(skema())
