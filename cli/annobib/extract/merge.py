"""Folding a new extraction into an existing bibliography without losing people's work.

The rule (documented in the README):

* entries in the file that the extraction does not produce (added by hand, or from an earlier
  text) are kept untouched;
* an extracted entry is matched to a file entry by key, else by URL, else by title;
* for a matched entry, every value already in the file wins (hand corrections, hand-added
  fields such as ``annote``, ``keywords``, archive fields) — except ``citations``, which the
  extractor owns and rewrites; fields the file lacks are added;
* with ``refresh=True`` the extractor's values replace the file's for the fields it produces
  (hand-added fields and entries are still kept).
"""

from __future__ import annotations


from annobib.extract import rx as cre
from dataclasses import dataclass, field

from annobib.bib.latex import escape_specials
from annobib.bib import serialize_entry
from annobib.extract.keys import unique
from annobib.model import CITATIONS_FIELD, FIELD_ALIASES, Entry


@dataclass
class MergeResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # file entries the extraction does not produce
    renamed: dict[str, str] = field(default_factory=dict)  # extracted key -> key in the file


def _norm_url(url: str | None) -> str:
    if not url:
        return ""
    url = cre.sub(r"^https?://", "", url.strip().lower())
    return cre.sub(r"^www\.", "", url).rstrip("/#")


def _norm_title(title: str | None) -> str:
    return cre.sub(r"[\W_]+", "", (title or "").lower())


def _alias_name(entry: Entry, name: str) -> str | None:
    for canonical, aliases in FIELD_ALIASES.items():
        if name in aliases:
            return entry.field_name(canonical)
    return name if name in entry.fields else None


def _same_work(old: Entry, new: Entry) -> bool:
    """Does the file entry under this key describe the extracted work (or was it extracted)?"""
    if CITATIONS_FIELD in old.fields:
        return True
    u_old, u_new = _norm_url(old.get("url")), _norm_url(new.fields.get("url"))
    if u_old and u_new:
        return u_old == u_new
    t_old, t_new = _norm_title(old.get("title")), _norm_title(new.fields.get("title"))
    return bool(t_old and t_new and (t_old == t_new or t_old.startswith(t_new) or t_new.startswith(t_old)))


def merge_into(lib, extracted: list[Entry], refresh: bool = False) -> MergeResult:
    """Merge ``extracted`` into the Library ``lib`` in place (see module docstring)."""
    result = MergeResult()
    existing = list(lib.entries)
    by_key = {e.key: e for e in existing}
    by_url: dict[str, Entry] = {}
    by_title: dict[str, Entry] = {}
    for e in existing:
        u = _norm_url(e.get("url"))
        if u:
            by_url.setdefault(u, e)
        t = _norm_title(e.get("title"))
        if t:
            by_title.setdefault(t, e)
    matched: set[str] = set()
    prev_key: str | None = None
    prev_unique = False  # prev_key was added here, under a key no other block has
    taken = set(by_key)
    for new in extracted:
        old = by_key.get(new.key)
        if old is not None and not _same_work(old, new):
            old = None  # a hand-made entry that happens to use this key: keep it, rename ours
            if new.key in taken:
                new = Entry(key=unique(new.key, taken), type=new.type, fields=dict(new.fields))
        if old is None or old.key in matched:
            old = by_url.get(_norm_url(new.fields.get("url"))) if new.fields.get("url") else None
        if old is None or old.key in matched:
            t = _norm_title(new.fields.get("title"))
            old = by_title.get(t) if t else None
        if old is not None and old.key in matched:
            old = None
        if old is None:
            added = Entry(key=new.key, type=new.type, fields=dict(new.fields))
            if prev_unique and lib.blocks[-1].key == prev_key:
                lib.add(added)  # after the last block, the only one so keyed: no scan (n adds were n²)
            else:
                lib.add(added, after=prev_key)
            prev_unique = new.key not in taken
            taken.add(new.key)
            result.added.append(new.key)
            prev_key = new.key
            continue
        matched.add(old.key)
        if old.key != new.key:
            result.renamed[new.key] = old.key
        before = (old.type, tuple(old.fields.items()))
        if refresh:
            old.type = new.type
        for name, value in new.fields.items():
            if name == CITATIONS_FIELD:
                if old.fields.get(name) != value and old.fields.get(name) != escape_specials(value, name):
                    old.fields[name] = value  # (the file holds it LaTeX-safe: 31\% reads back as 31%)
                continue
            present = _alias_name(old, name)
            if present is None:
                old.fields[name] = value
            elif refresh and old.fields[present] != value:
                old.fields[present] = value
        if CITATIONS_FIELD in old.fields and CITATIONS_FIELD not in new.fields:
            old.fields.pop(CITATIONS_FIELD)
        if (old.type, tuple(old.fields.items())) != before:
            result.updated.append(old.key)
        else:
            result.unchanged.append(old.key)
        prev_key, prev_unique = old.key, False
    result.kept = [e.key for e in existing if e.key not in matched]
    return result


def bib_text(entries: list[Entry]) -> str:
    """The entries as .bib text (for ``-o -``), through the shared serializer."""
    return "\n".join(serialize_entry(e) for e in entries)
