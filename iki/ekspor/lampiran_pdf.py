"""PDF of the whole Lampiran: the IKI form of every jabatan that has one, each on its own
page, rendered by WeasyPrint from the same form templates as the jabatan page. No network:
the document has no outside resource and WeasyPrint is given no base address to fetch from."""

from __future__ import annotations

from ..model import Keputusan
from ..render import render


def formulir_lampiran(keputusan: Keputusan) -> str:
    """The Lampiran as one HTML document (Kepala Dinas and any jabatan without IKI left out:
    the Lampiran prints no form for them)."""
    return render("lampiran_iki.html", k=keputusan, daftar=[j for j in keputusan.jabatan if j.iki])


def ke_pdf(keputusan: Keputusan) -> bytes:
    # Imported here: WeasyPrint loads Pango at import, which the other exports do not need.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # No protocol allowed, and a refused fetch stops the build instead of leaving a gap.
    tanpa_jaringan = URLFetcher(allowed_protocols=(), fail_on_errors=True)
    return HTML(string=formulir_lampiran(keputusan), url_fetcher=tanpa_jaringan).write_pdf()
