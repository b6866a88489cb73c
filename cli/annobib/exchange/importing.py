"""The import side of exchange: reading a file in one of IMPORT_FORMATS into entries, and merging
them into a library with duplicate detection and a report.

    entries = load_file(Path("zotero.ris"))           # format from the extension or the content
    report = merge_into(lib, entries, merge=True)      # lib changed in memory; caller writes it

Kept apart from the package's ``__init__`` (formats, ``export_text``) so that ``annobib --help``,
which imports every command module, does not load the parser stack for ``export --to``'s choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from annobib.bib import parse_library
from annobib.bib.library import decode_bib_bytes
from annobib.bib.source import add_verbatim, entry_text
from annobib.bib.values import entry_from_record
from annobib.bounded import MAX_IMPORT_BYTES
from annobib.dedupe import DuplicateIndex, _fold, distinct_works, normalize_title, work_marks
from annobib.errors import InputError, read_input_bytes
from annobib.editing import _next_free
from annobib.exchange import IMPORT_FORMATS, csl_json, detect_format, ris
from annobib.exchange.bibtex_export import to_biblatex
from annobib.exchange.common import make_key, usable_key
from annobib.model import Entry


def read_text(path: Path) -> str:
    """An import file's text: a regular file (or a pipe with a writer) of at most
    MAX_IMPORT_BYTES, valid UTF-8, not empty. Devices, sockets and FIFOs nothing writes to are
    refused before anything is read (``import /dev/zero`` ends at once)."""

    data = read_input_bytes(path, "a file to import", limit=MAX_IMPORT_BYTES)
    text = decode_bib_bytes(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: the file is empty")
    return text


def parse_text(text: str, fmt: str, name: str = "input") -> list[Entry]:
    """Entries from ``text`` in ``fmt``, under annobib's biblatex field names."""
    if fmt == "csl-json":
        return csl_json.loads(text, name)
    if fmt == "ris":
        return [to_biblatex(e) for e in ris.loads(text, name)]
    if fmt in ("bibtex", "biblatex"):
        lib = parse_library(text)
        failed = [b for b in lib.blocks if b.kind == "failed"]
        if failed:
            b = failed[0]
            more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
            raise InputError(
                f"{name}:{b.line}: not valid BibTeX: {b.problem or 'could not parse this block'}{more}; fix it first, nothing imported"
            )
        if not lib.entries:
            raise InputError(f"{name}: no BibTeX entries found")

        out = []
        for block in lib.blocks:  # each entry with its own block (keys may repeat; no lookup by key)
            if block.kind != "entry" or (e := block.entry) is None:
                continue
            converted = to_biblatex(Entry(e.key, e.type, dict(e.fields)))
            if converted.type == e.type and converted.fields == e.fields:
                # already in annobib's names: it can go in as written (macros, layout, `@book(…)`)
                converted.verbatim = entry_text(lib, e.key, block)  # type: ignore[attr-defined]
            out.append(converted)
        return out
    raise InputError(f"unknown import format {fmt!r} (choose from {', '.join(IMPORT_FORMATS)})")


def load_file(path: Path, fmt: str | None = None) -> list[Entry]:
    text = read_text(path)
    return parse_text(text, fmt or detect_format(path, text), str(path))


# --------------------------------------------------------------------------- merging


@dataclass
class ImportItem:
    key: str  # the key in the library after import
    status: str  # "added" | "renamed" | "duplicate" | "merged" | "forced"
    source_key: str = ""  # the key in the imported file
    duplicate_of: str | None = None
    reason: str | None = None  # how the duplicate was recognised
    added_fields: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # fields that differ and were kept as they were

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


@dataclass
class ImportReport:
    items: list[ImportItem] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        return sum(1 for i in self.items if i.status in statuses)

    @property
    def changed(self) -> bool:
        return any(i.status in ("added", "renamed", "forced") or i.added_fields for i in self.items)

    def summary(self) -> str:
        parts = [f"{self.count('added', 'renamed')} added"]
        if self.count("renamed"):
            parts.append(f"{self.count('renamed')} of them under a new key")
        if self.count("forced"):
            parts.append(f"{self.count('forced')} duplicate(s) added anyway (--force)")
        parts.append(f"{self.count('merged')} merged")
        parts.append(f"{self.count('duplicate')} duplicate(s) skipped")
        return ", ".join(parts)

    def as_dict(self) -> dict:
        return {
            "added": self.count("added", "renamed", "forced"),
            "merged": self.count("merged"),
            "skipped": self.count("duplicate"),
            "items": [i.as_dict() for i in self.items],
        }


def merge_into(lib, entries, *, merge: bool = False, force: bool = False) -> ImportReport:
    """Take ``entries`` into ``lib``. A duplicate (same DOI, URL, title + first author + year,
    or the same key with the same title) is skipped, or with ``merge`` fills the fields the
    existing entry lacks (fields that differ are reported, never overwritten) and keeps the
    incoming key as an alias in ``ids`` (when it differs); ``force`` adds
    duplicates anyway under a fresh key. A key taken by a different work gets a letter suffix."""
    index = DuplicateIndex(lib.entries)
    report = ImportReport()
    by_key = {}
    for e in lib.entries:
        by_key.setdefault(e.key, e)
    taken = set(by_key)
    folded = {k.casefold() for k in taken}
    suffixes_tried: dict[str, int] = {}  # base key -> the first suffix not yet found taken
    for entry in entries:
        verbatim = getattr(entry, "verbatim", None)
        entry = Entry(entry.key, entry.type, dict(entry.fields))
        source_key = entry.key
        if not usable_key(entry.key):  # none, or an item URI (Zotero) / text that would break the .bib
            entry.key = make_key(entry, taken, folded)
        dups = index.find(entry)
        key_clash = [d for d in dups if d.reason == "key"]
        real = [d for d in dups if d.reason != "key"]
        if key_clash and not real:
            other = by_key.get(key_clash[0].key)
            same_title = other is not None and normalize_title(other.get("title")) == normalize_title(
                entry.get("title")
            )
            if same_title and not distinct_works(work_marks(other), work_marks(entry)):
                real = key_clash
        if real and not force:
            dup = real[0]
            existing = by_key.get(dup.key)
            item = ImportItem(dup.key, "duplicate", source_key, dup.key, dup.reason)
            if merge and existing is not None:
                aliases = [source_key] + _aliases(entry.fields.pop("ids", ""))
                added, conflicts = _merge_fields(existing, entry)
                if _add_aliases(existing, aliases):
                    added.append("ids")
                item.added_fields, item.conflicts = added, conflicts
                if added:
                    item.status = "merged"
                    index.add(existing)
            elif existing is not None:
                item.conflicts = [
                    k for k, v in entry.fields.items() if k in existing.fields and existing.fields[k] != v
                ]
            report.items.append(item)
            continue
        status = "forced" if real else "added"
        if entry.key.casefold() in folded:
            entry.key = _next_free(entry.key, taken, folded, suffixes_tried)
            status = "renamed" if status == "added" else status
        if verbatim and entry.key == source_key and _reads_same(lib, entry, verbatim):
            add_verbatim(lib, entry, verbatim)  # `rm K > x.bib; import x.bib` restores it byte for byte
        else:
            lib.add(entry)
        taken.add(entry.key)
        folded.add(entry.key.casefold())
        by_key[entry.key] = entry
        index.add(entry)
        item = ImportItem(entry.key, status, source_key)
        if real:
            item.duplicate_of, item.reason = real[0].key, real[0].reason
        report.items.append(item)
    return report


def _aliases(value: str) -> list[str]:
    return [a.strip() for a in (value or "").split(",") if a.strip()]


def _add_aliases(existing: Entry, keys: list[str]) -> bool:
    """Record ``keys`` (the incoming entry's key and its own ``ids``) in the existing entry's
    ``ids``, biblatex's key aliases, so ``\\cite{}`` commands written against the other library
    keep resolving after a merge. Keys that are not usable BibTeX keys are left out."""
    have = _aliases(existing.fields.get("ids", ""))
    new = [k for k in dict.fromkeys(keys) if usable_key(k) and k != existing.key and k not in have]
    if new:
        existing.fields["ids"] = ", ".join(have + new)
    return bool(new)


def _reads_same(lib, entry: Entry, text: str) -> bool:
    """``text`` read in ``lib`` (with its @string macros) gives ``entry`` back."""
    # looked up when called (tests patch it on its module)
    from annobib.bib.parse import parse_chunks

    records = [it for it in parse_chunks([text])[0] if it[0] == "entry"]
    if len(records) != 1:
        return False
    back, _ = entry_from_record(records[0], lib.strings, 0, None)
    return back.key == entry.key and back.type == entry.type and back.fields == entry.fields


def _merge_fields(existing: Entry, incoming: Entry) -> tuple[list[str], list[str]]:
    added, conflicts = [], []
    for name, value in incoming.fields.items():
        have = existing.get(name)
        if have is None:
            existing.fields[name] = value
            added.append(name)
        elif have != value and _fold(have) != _fold(value):
            conflicts.append(name)
    return added, conflicts
