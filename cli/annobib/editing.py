"""Changing entries by hand: annotations, tags, removal, adding with a duplicate check, and the
BibTeX edit buffer. Library-level: nothing here prints or prompts; editors are callables.

Every function changes a :class:`~annobib.bib.Library` in memory; the caller writes it with
``annobib.bib.write_library`` (atomic, refuses when the file changed since it was read).

Imports beyond the .bib layer (the cache, name parsing, LaTeX, duplicates) happen in the
functions that need them: ``tag`` on a large file should not pay for ``add``'s.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from annobib.bib import Library, parse_library, read_library, serialize_entry, write_library
from annobib.bib.latex import unescape_specials
from annobib.core.files import acquire
from annobib.errors import ConflictError, InputError
from annobib.model import Entry

ANNOTATION_FIELD = "annote"
TAGS_FIELD = "keywords"


# --------------------------------------------------------------------------- finding entries


def load_libraries(paths: Iterable[Path], for_writing: bool = False, lock: bool | None = None):
    """The libraries at ``paths``. ``for_writing`` refuses broken files and (unless ``lock`` is
    False: an editor session must not keep other writers waiting) takes each file's lock
    before reading it, so that no other writer comes between this read and the write."""

    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.lookup.view import PARSE_CACHE

    if lock is None:
        lock = for_writing
    libraries = [read_library(p, store=PARSE_CACHE, lock=lock) for p in paths]
    if for_writing:
        for lib in libraries:
            refuse_broken(lib)
    return libraries


QUICK = True  # tests switch it off to compare with the full read


def load_for_keys(paths: Iterable[Path], keys: Iterable[str], lock: bool = True):
    """The libraries at ``paths`` (locked unless ``lock`` is False) for changing the entries
    ``keys`` only (``tag``, ``annotate``, ``rm``): one file is read without parsing its other
    entries when that gives what the full read gives
    (:func:`annobib.bib.targeted.read_for_keys`), else as :func:`load_libraries` reads it.
    (Several files: the full read, which also tells which file holds which key.)"""
    paths, keys = list(paths), list(keys)
    if QUICK and len(paths) == 1 and keys:
        # lazy: only a writer by key needs it
        from annobib.bib.targeted import read_for_keys

        lib = read_for_keys(paths[0], keys, lock=lock)
        if lib is not None:
            return [lib]
    return load_libraries(paths, for_writing=True, lock=lock)


def refuse_broken(lib) -> None:
    """An editing command does not write a file with blocks that do not parse (a truncated
    entry, an unbalanced brace): the user sees the problem first, and nothing is written.
    (The library itself would keep such blocks verbatim; the command is the cautious one.)"""
    broken = [b for b in lib.blocks if b.kind == "failed"]
    if broken:
        first = broken[0]
        why = (first.problem or "could not parse this block").removesuffix("; it is kept verbatim")
        more = f" (and {len(broken) - 1} more such block{'s' if len(broken) > 2 else ''})" if len(broken) > 1 else ""
        raise InputError(
            f"{lib.path}:{first.line}: {why}{more}; mend the file first "
            f"(annobib validate {lib.path} lists every problem); nothing was written"
        )


def unknown_key_error(key: str, known: Iterable[str]) -> InputError:
    # lazy: `tag` and `rm` on a large file should not pay for it
    import difflib

    known = list(known)
    close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
    if not close:
        folded = key.casefold()
        close = [k for k in known if folded in k.casefold()][:3]
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    return InputError(f"no entry with key {key!r}{hint}")


def locate(libraries, key: str):
    """(library, entry) holding ``key``; a clear InputError (with near misses) when none does."""
    for lib in libraries:
        entry = lib.get(key)
        if entry is not None:
            return lib, entry
    raise unknown_key_error(key, [k for lib in libraries for k in lib.keys()])


def locate_many(libraries, keys: Iterable[str]) -> list[tuple]:
    """(library, entry) for each of ``keys``, as :func:`locate` finds them, from one index of the
    blocks: :func:`locate` scans every block for each key, so 7,000 keys of a 50,000-entry file
    took minutes. A key the index cannot answer goes to :func:`locate` (its error, its hints)."""
    first: dict[str, tuple] = {}
    for lib in libraries:
        for k, block in lib.first_blocks().items():
            first.setdefault(k, (lib, block))
    out = []
    for key in keys:
        hit = first.get(key)
        entry = hit[1].entry if hit is not None else None
        out.append((hit[0], entry) if entry is not None else locate(libraries, key))  # type: ignore[index]
    return out


# --------------------------------------------------------------------------- annotations


def to_field_text(text: str) -> str:
    """What a person typed -> a safe BibTeX value (LaTeX specials escaped, lines trimmed)."""

    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(lines).strip("\n")
    text = re.sub(r"\n{3,}", "\n\n", text)
    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.exchange.common import encode_latex

    return encode_latex(text.strip())


def to_plain_text(value: str | None) -> str:
    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.exchange.common import decode_latex

    return decode_latex(value or "").replace("\u00a0", " ")


def set_annotation(entry: Entry, text: str, append: bool = False) -> bool:
    """Write (or with ``append`` add a paragraph to) the entry's annotation.

    Returns False and leaves the entry untouched when ``text`` is empty or changes nothing.
    """
    value = to_field_text(text)
    if not value:
        return False
    name = entry.field_name(ANNOTATION_FIELD) or ANNOTATION_FIELD
    old = entry.fields.get(name)
    if append and old:
        value = old.rstrip() + "\n\n" + value
    if old == value:
        return False
    entry.fields[name] = value
    return True


def reference_line(entry: Entry) -> str:
    """A short, plain reference for showing an entry to a person (not a citation style)."""
    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.names import has_cjk, parse_names

    f = lambda n: to_plain_text(entry.get(n)) if entry.get(n) else ""  # noqa: E731
    names = [n.text for n in parse_names(entry.get("author") or entry.get("editor") or "") if not n.others]
    title, container = f("title"), f("journaltitle") or f("booktitle")
    cjk = has_cjk(title + container)
    parts = []
    if names:
        parts.append(("、" if cjk else ", ").join(names))
    if title:
        parts.append(f"《{title}》" if cjk else f"“{title}”")
    if container:
        parts.append(f"《{container}》" if cjk else container)
    for name in ("publisher", "date"):
        if f(name):
            parts.append(f(name))
    if f("pages"):
        parts.append(("第 " + f("pages") + " 页") if cjk else "pp. " + f("pages"))
    if f("url"):
        parts.append(f("url"))
    return ("，" if cjk else ", ").join(parts) or entry.key


ANNOTATION_MARK = "# ---- the annotation: every line below this one is kept as written, '#' lines too ----"


def annotation_buffer(entry: Entry, append: bool = False) -> str:
    """The text shown in $EDITOR: the reference and the citing sentences as ``#`` comments,
    a marker line, then the current annotation (with ``append``: the current annotation as
    comments, and nothing below the marker). Only the comments above the marker are dropped
    when it is read back, so an annotation's own ``#`` lines survive an edit."""
    lines = [
        f"# Annotation for {entry.key}. Write it below the marker line; the '#' lines above it are ignored.",
        "# Save an empty text to leave the entry untouched.",
        "#",
        f"# {reference_line(entry)}",
    ]
    cites = entry.citations
    if cites:
        lines += ["#", "# Where the article cites it:"]
        for c in cites:
            text = " ".join(c.to_text().split())
            lines.append(f"#   {text}")
    current = to_plain_text(entry.get(ANNOTATION_FIELD))
    if append and current:
        lines += ["#", "# Current annotation (your text is added after it):"]
        lines += [f"#   {line}" for line in current.splitlines()]
    lines += ["#", ANNOTATION_MARK]
    return "\n".join(lines) + "\n" + (current + "\n" if current and not append else "")


def annotation_from_buffer(text: str) -> str:
    """What was written below the marker line, as written. Without the marker (deleted in the
    editor) the ``#`` lines at the top are taken for the instructions and dropped, and any
    later ``#`` line is kept."""
    lines = text.splitlines()
    marks = [i for i, line in enumerate(lines) if line.strip() == ANNOTATION_MARK]
    if marks:
        return "\n".join(lines[marks[0] + 1 :]).strip()
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    return "\n".join(lines[i:]).strip()


# --------------------------------------------------------------------------- tags


def split_tags(value: str | None) -> list[str]:
    """The tags in a ``keywords`` value, as typed (``R\\&D`` in the file is the tag ``R&D``)."""

    if not value:
        return []
    return [unescape_specials(t.strip()) for t in re.split(r"[,;，；]", value) if t.strip()]


def get_tags(entry: Entry) -> list[str]:
    return split_tags(entry.get(TAGS_FIELD))


def change_tags(entry: Entry, add: Iterable[str] = (), remove: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Add and remove tags (case-insensitively matched); returns (added, removed). Linear in the
    number of tags: 12,000 tags in one call took seconds when each was compared with every other."""
    name = entry.field_name(TAGS_FIELD) or TAGS_FIELD
    tags = split_tags(entry.fields.get(name))
    added: list[str] = []
    removed: list[str] = []
    gone = {tag.strip().casefold() for tag in remove}
    if gone:
        removed = [t for t in tags if t.casefold() in gone]
        tags = [t for t in tags if t.casefold() not in gone]
    have = {t.casefold() for t in tags}
    for tag in add:
        tag = tag.strip()
        if not tag:
            continue
        if re.search(r"[,;，；{}]", tag):
            raise InputError(f"a tag cannot contain a comma, semicolon or brace: {tag!r}")
        if tag.casefold() not in have:
            have.add(tag.casefold())
            tags.append(tag)
            added.append(tag)
    if added or removed:
        if tags:
            entry.fields[name] = ", ".join(tags)
        else:
            entry.fields.pop(name, None)
    return added, removed


def has_tags(entry: Entry, wanted: Iterable[str]) -> bool:
    """True when the entry carries every tag in ``wanted`` (a leading ``-`` means must not)."""
    tags = {t.casefold() for t in get_tags(entry)}
    for w in wanted:
        w = w.strip()
        if w.startswith("-") or w.startswith("!"):
            if w[1:].casefold() in tags:
                return False
        elif w.lstrip("+").casefold() not in tags:
            return False
    return True


# --------------------------------------------------------------------------- removing


def remove_entries(lib, keys: Iterable[str]) -> list[Entry]:
    """Remove every key or none (an unknown key raises before anything is removed)."""
    keys = list(dict.fromkeys(keys))
    first = lib.first_blocks()
    missing = [k for k in keys if (b := first.get(k)) is None or b.entry is None]
    if missing:
        raise unknown_key_error(missing[0], lib.keys())
    return lib.remove_many(keys)


# --------------------------------------------------------------------------- adding


@dataclass
class AddOutcome:
    entry: Entry
    duplicates: list = field(default_factory=list)  # [dedupe.Duplicate]
    renamed_from: str | None = None  # the key was taken by a different work


def prepare_new_entry(lib, entry: Entry, *, key_given: bool = False) -> AddOutcome:
    """Check ``entry`` against ``lib``: duplicates (same key, DOI, URL or title + first author +
    year). A generated key that is taken by a *different* work gets a letter suffix instead."""
    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.dedupe import DuplicateIndex
    from annobib.exchange.common import make_key

    if not entry.key:
        entry.key = make_key(entry, set(lib.keys()))
    index = DuplicateIndex(lib.entries)
    dups = index.find(entry)
    outcome = AddOutcome(entry)
    if not key_given and dups and all(d.reason == "key" for d in dups):
        old = entry.key
        entry.key = _next_free(old, lib.keys())
        outcome.renamed_from = old
        dups = []
    outcome.duplicates = dups
    return outcome


def _next_free(key: str, taken, folded: set | None = None, tried: dict[str, int] | None = None) -> str:
    """``key`` with the first letter suffix not taken (``a``, ``b``, … ``aa``). ``tried``: the
    suffixes already found taken per key, for a caller that adds many (keys only get taken, so an
    import of 8,000 entries keyed alike tries each suffix once, not 8,000 times)."""
    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.exchange.common import _suffix

    if folded is None:
        folded = {k.casefold() for k in taken}
    base = key.casefold()
    n = tried.get(base, 1) if tried is not None else 1
    while (key + _suffix(n)).casefold() in folded:
        n += 1
    if tried is not None:
        tried[base] = n
    return key + _suffix(n)


def entry_from_fields(pairs: Iterable[str], entry_type: str = "misc", key: str = "") -> Entry:
    """``["title=…", "author=…"]`` -> an Entry. Values are kept as typed (annobib's fields hold
    text as printed); only braces that do not balance are escaped so the file stays valid."""

    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.exchange.common import encode_latex

    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", entry_type):
        raise InputError(f"not an entry type: {entry_type!r}")
    fields: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise InputError(f"--field wants name=value, got {pair!r}")
        name, value = pair.split("=", 1)
        name = name.strip().lower()
        if not re.fullmatch(r"[a-z][a-z0-9_+:.-]*", name):
            raise InputError(f"not a field name: {name!r}")
        value = value.strip()
        if value:
            fields[name] = encode_latex(value, name)
    if not fields:
        raise InputError("no fields given (use --field title=… --field author=… …)")
    return Entry(key=key, type=entry_type.lower(), fields=fields)


# --------------------------------------------------------------------------- the BibTeX edit buffer

EDIT_HELP = (
    "% Edit the entry below and save. Lines starting with '%' at the top are ignored.\n"
    "% Save an empty file to cancel.\n"
)


def entry_buffer(entry: Entry, error: str | None = None, text: str | None = None) -> str:
    head = ""
    if error:
        head = "".join(f"% ERROR: {line}\n" for line in error.splitlines()) + "%\n"
    body = text if text is not None else serialize_entry(entry)
    return head + EDIT_HELP + "\n" + body


def strip_buffer_comments(text: str) -> str:
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and (lines[i].startswith("%") or not lines[i].strip()):
        i += 1
    return "".join(lines[i:])


def parse_buffer(text: str, lib, original_key: str) -> Entry:
    """The edited buffer as one Entry; ValueError with a message when it is not exactly one
    well-formed entry, or when its new key belongs to another entry."""

    body = strip_buffer_comments(text)
    if not body.strip():
        raise InputError("the buffer is empty: nothing written")
    parsed = parse_library(body)
    problems = parsed.problems
    if problems:
        p = problems[0]
        message = p.message.replace("; it is kept verbatim", "")
        skipped = text[: len(text) - len(body)].count("\n")  # the comment lines above the entry
        raise ValueError(f"line {p.line + skipped}: {message}")
    entries = parsed.entries
    if len(entries) != 1:
        raise ValueError(f"the buffer must hold exactly one entry, it holds {len(entries)}")
    entry = entries[0]
    if any(b.kind in ("string", "preamble") for b in parsed.blocks):
        raise ValueError("only one entry please: no @string or @preamble in the buffer")
    if not entry.key.strip():
        raise ValueError("the entry has no key")
    if not re.fullmatch(r"[^\s,{}()\"#%'=\\]+", entry.key):
        raise ValueError(f"not a usable key: {entry.key!r}")
    if entry.key != original_key and lib.get(entry.key) is not None:
        raise ValueError(f"key {entry.key!r} already belongs to another entry")
    if entry.key.lower() != original_key.lower():  # BibTeX matches keys ignoring case
        twin = next((k for k in lib.keys() if k.lower() == entry.key.lower()), None)
        if twin is not None:
            raise ValueError(f"key {entry.key!r} differs only in case from {twin!r}, another entry's")
    entry.line = entry.source = None
    return entry


def edit_entry(lib, key: str, editor: Callable[[str], str | None], max_rounds: int = 20) -> Entry | None:
    """Run the edit loop: show the entry, parse what comes back, re-open with the error on top.

    ``editor(text)`` returns the saved text, or None when the user quit without saving.
    Returns the edited entry (already put into ``lib``), or None when nothing changed.
    Raises InputError for an empty buffer or when the same broken text comes back twice.
    """

    entry = lib.get(key)
    if entry is None:
        raise unknown_key_error(key, lib.keys())
    original = serialize_entry(entry)
    text = entry_buffer(entry)
    last_broken = None
    for _ in range(max_rounds):
        saved = editor(text)
        if saved is None:
            if last_broken is not None:
                raise InputError("the editor was closed without fixing the error; nothing written")
            return None
        body = strip_buffer_comments(saved)
        if not body.strip():
            raise InputError("the buffer is empty: entry left untouched, nothing written")
        try:
            new = parse_buffer(saved, lib, key)
        except ValueError as exc:
            if body == last_broken:
                raise InputError(f"still not valid after editing ({exc}); nothing written") from None
            last_broken = body
            text = entry_buffer(entry, error=str(exc), text=body)
            continue
        if serialize_entry(new) == original:
            return None
        # in place (a new key too): the writer splices only what changed into the entry's
        # text, and the comments around it stay where they are
        entry.key = new.key
        entry.type = new.type
        entry.fields.clear()
        entry.fields.update(new.fields)
        return entry
    raise InputError("too many attempts; nothing written")


def rescue_file(path: Path | None, key: str, text: str) -> Path | None:
    """Keep a person's edit when it could not be written (the file changed meanwhile)."""
    # lazy: loads tempfile only when this runs
    import tempfile

    directory = Path(path).parent if path else Path(tempfile.gettempdir())
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = f"{Path(path).name if path else 'annobib'}.{key}.{stamp}.unsaved"
    for folder in (directory, Path(tempfile.gettempdir())):
        try:
            target = folder / name
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            return target
        except OSError:
            continue
    return None


# --------------------------------------------------------------------------- reading for writing


def open_for_adding(path: Path):
    """The library at ``path`` (its lock taken), or an empty one when the file does not exist yet."""

    path = Path(path)
    token = acquire(path)  # also guards a file that does not exist yet
    if not path.exists():
        return Library(path=path, lock_token=token)
    # lazy: `tag` and `rm` on a large file should not pay for it
    from annobib.lookup.view import PARSE_CACHE

    lib = read_library(path, store=PARSE_CACHE, lock=True)
    refuse_broken(lib)
    return lib


def save(lib, dry_run: bool = False) -> str:
    """Write through ``annobib.bib.write_library`` (atomic, conflict-checked); the diff."""

    if not dry_run and lib.stamp is None and lib.path is not None and Path(lib.path).exists():
        raise ConflictError(
            f"{lib.path} was created by another process since annobib looked; nothing written (run the command again)"
        )
    return write_library(lib, dry_run=dry_run)


# --------------------------------------------------------------------------- a citation as printed


def entry_from_citation(text: str) -> Entry:
    """Parse one citation (a footnote's text) with the extractor's parser: the same entry
    ``extract`` would make from that note (without where it is cited)."""
    try:
        # optional: the caller copes without annobib.extract
        from annobib.extract import extract_notes
    except ImportError:
        raise InputError(
            "parsing a citation needs the extractor's citation parser, which this build lacks; "
            "use --doi or --field instead"
        ) from None
    text = " ".join(text.split())
    if not text:
        raise InputError("the citation is empty")
    entries = extract_notes(text).entries
    if not entries:
        raise InputError(f"could not read a citation in {text[:60]!r}; use --field to give the fields")
    if len(entries) > 1:
        keys = ", ".join(e.key for e in entries)
        raise InputError(f"the text holds {len(entries)} citations ({keys}); add them one at a time")
    entry = entries[0]
    entry.fields.pop("citations", None)
    return entry
