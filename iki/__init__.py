"""Indikator Kinerja Individu: the decree's data model, loader, checks, renderers and exports.

Independent of any site generator; `iki.mkdocs_plugin` is the thin MkDocs glue.
"""
