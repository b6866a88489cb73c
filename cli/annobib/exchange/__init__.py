"""Exchanging entries with other tools: export to CSL-JSON, RIS, BibTeX, biblatex; import from
the same formats with duplicate detection and a merge report.

    text = export_text(lib.entries, "csl-json")
    fmt = detect_format(Path("zotero.ris"), text)

The import side (``load_file``, ``parse_text``, ``merge_into``) is :mod:`.importing`. This module
stays light (the export command takes ``EXPORT_FORMATS`` from here when ``annobib --help`` runs).
A format is a module here (``csl_json``, ``ris``, ``bibtex_export``), a branch in
:func:`export_text` and a name in ``EXPORT_FORMATS``. Converters are pure (Entry <-> text); nothing
here prints or writes files.
"""

from __future__ import annotations

from pathlib import Path

from annobib.errors import InputError

EXPORT_FORMATS = ("csl-json", "ris", "bibtex", "biblatex")
IMPORT_FORMATS = ("bibtex", "biblatex", "csl-json", "ris")
EXTENSIONS = {
    ".json": "csl-json",
    ".csljson": "csl-json",
    ".ris": "ris",
    ".txt": None,
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".biblatex": "biblatex",
}


PRIVATE_FIELDS = ("citations",)  # annobib's own provenance: kept in CSL-JSON (custom), dropped elsewhere


def export_text(entries, fmt: str, with_citations: bool = False) -> str:
    """``entries`` as ``fmt`` text. annobib's ``citations`` field (where the article cites a
    work) travels in CSL-JSON's ``custom``; other formats get it only with ``with_citations``
    (tools like biber would warn about an unknown field)."""
    # lazy: not needed by `annobib --help` (the export command imports EXPORT_FORMATS from here)
    from annobib.model import Entry

    entries = list(entries)
    if fmt != "csl-json" and not with_citations:
        # a copy only of an entry that has such a field (the exporters build new entries anyway)
        entries = [
            e
            if e.fields.keys().isdisjoint(PRIVATE_FIELDS)
            else Entry(e.key, e.type, {k: v for k, v in e.fields.items() if k not in PRIVATE_FIELDS})
            for e in entries
        ]
    if fmt == "csl-json":
        # lazy: the converters load names and the key maker; `annobib --help` reads EXPORT_FORMATS only
        from annobib.exchange import csl_json

        return csl_json.dumps(entries)
    if fmt == "ris":
        from annobib.exchange import ris

        return ris.dumps(entries)
    if fmt in ("bibtex", "biblatex"):
        from annobib.exchange import bibtex_export

        return bibtex_export.dumps(entries, classic=fmt == "bibtex")
    raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")


def detect_format(path: Path, text: str) -> str:
    fmt = EXTENSIONS.get(path.suffix.casefold())
    if fmt:
        return fmt
    head = text.lstrip("\ufeff \t\r\n")[:200]
    if head.startswith("[") or head.startswith("{"):
        return "csl-json"
    if head.startswith("TY  -"):
        return "ris"
    if head.startswith("@") or "\n@" in text[:5000]:
        return "bibtex"
    raise InputError(f"{path}: cannot tell the format (use --from bibtex|biblatex|csl-json|ris)")
