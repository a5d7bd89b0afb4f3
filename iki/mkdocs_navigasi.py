"""The summarised navigation of a big site.

Every page embeds the navigation, so a navigation listing every jabatan makes the build grow with
the square of the number of jabatan. Above the plugin's `batas_navigasi_penuh` the navigation is
therefore summarised: a page inside a unit lists, in the section "Unit Kerja", only that section's
own page and its own unit (the page "Unit Kerja" and the unit pages still reach every jabatan), and
Material renders only the active part of the navigation.

Relies on (mkdocs==1.6.1, mkdocs-material==9.8.1):
- Material's theme feature `navigation.prune` (tested as `"navigation.prune" in features` in
  `partials/nav-item.html`), turned on here in `config.theme["features"]`;
- Material's `partials/nav.html` drawing the navigation from the template context's `nav.items`,
  which this module replaces for one page in `on_page_context` with a shallow copy of MkDocs'
  `Navigation`;
- MkDocs' navigation objects built and linked by hand: `Section(title, children)`, its `parent`,
  `active` and `children`, and `Page.ancestors`.
Without it the site shows the full navigation on every page; only its size and build time grow.

Guarded by tests/test_ketergantungan_mkdocs.py (the Material partials, and a summary made on a
navigation built by MkDocs itself).
"""

from __future__ import annotations

import copy

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

FITUR = "navigation.prune"


class NavigasiRingkas:
    """The summary, for the sections titled `judul_unit` (the plugin's `navigasi_unit`)."""

    def __init__(self, config: MkDocsConfig, judul_unit: str) -> None:
        self.judul_unit = judul_unit
        self._bagian_unit: list[Section] = []
        if FITUR not in config.theme["features"]:
            config.theme["features"] = [*config.theme["features"], FITUR]

    def catat(self, nav: Navigation) -> None:
        """Find the sections "Unit Kerja" of the navigation MkDocs built (`on_nav`)."""
        self._bagian_unit = [x for x in semua_bagian(nav.items) if x.title == self.judul_unit]

    def untuk(self, page: Page, nav: Navigation) -> Navigation | None:
        """The navigation `page` shows (`on_page_context`), or None where it shows the whole one: on
        a page inside a unit, its "Unit Kerja" holds only its own first page and that unit."""
        unit = next((a for a in page.ancestors if a.parent in self._bagian_unit), None)
        if unit is None or unit.parent is None:
            return None
        asli = unit.parent
        bagian = Section(asli.title, [asli.children[0], unit])
        bagian.parent, bagian.active = asli.parent, True
        ringkas = copy.copy(nav)
        ringkas.items = _ganti(nav.items, asli, bagian)
        return ringkas


def semua_bagian(items: list) -> list[Section]:
    hasil = []
    for x in items:
        if isinstance(x, Section):
            hasil += [x, *semua_bagian(x.children)]
    return hasil


def _ganti(items: list, lama: Section, baru: Section) -> list:
    """The navigation items with one section replaced (the sections above it copied, not changed)."""
    hasil = []
    for x in items:
        if x is lama:
            hasil.append(baru)
        elif isinstance(x, Section) and lama in semua_bagian(x.children):
            salinan = copy.copy(x)
            salinan.children = _ganti(x.children, lama, baru)
            hasil.append(salinan)
        else:
            hasil.append(x)
    return hasil
