"""``verify --fix``: write into an entry only what the registry makes sure.

Written: a DOI from a sure, unique match (title ≥ 0.95 alike, every surname found, the year
agreeing); a volume, number, pages or year the registry corrects, when the record is the
work (found by the entry's own DOI, or a sure match) and its title agrees. Never written:
titles and authors (a registry's romanized or translated record must not replace a CJK
original, and a missing co-author is for the author to judge), nor anything from a page.
"""

from __future__ import annotations

import re

from annobib.verify.run import Verdict

FIXABLE = ("volume", "number", "pages", "year")


def _put(entry, name: str, value: str, after: tuple[str, ...]) -> None:
    """Set ``name``, placing a new field after the first of ``after`` present."""
    if name in entry.fields or not any(a in entry.fields for a in after):
        entry.fields[name] = value
        return
    anchor = next(a for a in after if a in entry.fields)
    items = list(entry.fields.items())
    at = [k for k, _ in items].index(anchor) + 1
    items.insert(at, (name, value))
    entry.fields.clear()
    entry.fields.update(items)


def apply_fixes(entry, verdict: Verdict) -> list[tuple[str, str | None, str]]:
    """Change ``entry`` in place; (field, old, new) for each change."""
    changes: list[tuple[str, str | None, str]] = []
    rec = verdict.record
    if rec is None or verdict.source not in ("crossref", "openalex"):
        return changes
    if verdict.propose_doi and rec.doi and not entry.get("doi"):
        _put(entry, "doi", rec.doi, ("pages", "number", "volume", "date", "year"))
        changes.append(("doi", None, rec.doi))
    fields = {m["field"] for m in verdict.mismatches}
    if verdict.verdict != "mismatch" or fields & {"title", "doi"}:
        return changes  # not sure the record is the cited work
    if not (entry.get("doi") or verdict.propose_doi):
        return changes
    for m in verdict.mismatches:
        name = m["field"]
        if name not in FIXABLE or not m["registry"]:
            continue
        if name == "year":
            stored = entry.field_name("date") or "date"
            old = entry.fields.get(stored, "")
            new = m["registry"] if not re.fullmatch(r"\d{4}", old.strip()) else re.sub(r"\d{4}", m["registry"], old)
        elif name == "number":
            stored = "issue" if "issue" in entry.fields and "number" not in entry.fields else "number"
            old, new = entry.fields.get(stored, ""), m["registry"]
        elif name == "pages":
            stored, old = "pages", entry.fields.get("pages", "")
            dash = "--" if "--" in old else "–" if "–" in old else "-"
            new = re.sub(r"\s*[-–—]+\s*", dash, m["registry"])
        else:
            stored, old, new = name, entry.fields.get(name, ""), m["registry"]
        if new and new != old:
            entry.fields[stored] = new
            changes.append((stored, old, new))
    return changes
