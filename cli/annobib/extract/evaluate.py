"""Scoring an extraction against a hand-checked reading, field by field.

Used by ``benchmarks/extract_heldout.py`` (which prints the figures) and by the tests that hold the
blind sets to their floors. A set is a folder with ``expected.json`` and the texts it names:
``notes*.txt`` (loose notes, one file per work) and ``article*.txt`` (whole articles).

Scoring (one point per checked item):
* per note: ``status`` (cited / not-a-citation / not-understood); in an article also ``page``
  (the folio of the page the note is printed on; notes are matched by their text and marker, else
  by page and marker, else by position when the extraction has as many notes as expected);
* per full citation: ``type``, every field listed in the expectation (value "*" = not scored),
  every field of CHECKED_ABSENT that the expectation does not list must be absent, and ``locator``
  (the cited page / range recorded for that note in the entry's citations; a citation that lists
  no ``locator`` expects none);
* per back-reference (同上, Ibid., 前引, op. cit., short forms): ``join`` (the note's key is the key
  of the earlier work it refers to) and ``locator``;
* an extra citation in a note (more keys than expected) costs one point (``extra``).
Values are compared after normalizing whitespace (runs collapsed; spaces next to CJK characters
dropped, as PDF spacing is noise) and quote widths (curly / full-width quotes -> ASCII) only;
names (author, editor, translator) also match in either BibTeX order (``Given Family`` or
``Family, Given``), which BibTeX reads as the same name.
"""

from __future__ import annotations

import json

from annobib.bib.latex import plain_from_latex
from annobib.extract import rx as cre
from annobib.names import format_name_list, parse_names
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path


CHECKED_ABSENT = ("author", "editor", "title", "journaltitle", "booktitle", "date", "volume", "number", "pages", "url")

_CJK = r"\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "＂": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "＇": "'",
        "′": "'",
    }
)


def norm(value):
    if value is None:
        return None
    v = str(value).translate(_QUOTES)
    v = cre.sub(r"\s+", " ", v).strip()
    v = cre.sub(rf"(?<=[{_CJK}]) | (?=[{_CJK}])", "", v)
    return v or None


NAME_FIELDS = ("author", "editor", "translator")


def same_names(value: str) -> str:
    """A name list in one written form: BibTeX reads ``Harold Crane`` and ``Crane, Harold`` as the
    same name, so a reading is not wrong for writing the other."""
    return format_name_list(parse_names(value))


def _same_work(first: dict, again: dict) -> bool:
    """Two expected full citations of one work (a reference list repeating a work the notes cite):
    the same type, title and year, and no two different volumes. Sharing a key is then right."""
    a, b = first["fields"], again["fields"]

    def same(name):
        x, y = norm(a.get(name)), norm(b.get(name))
        return x is None or y is None or x.casefold() == y.casefold()

    return first["type"] == again["type"] and bool(a.get("title")) and all(map(same, ("title", "date", "volume")))


def _squeeze(text: str) -> str:
    return cre.sub(r"\s+", "", (text or "").translate(_QUOTES))


@dataclass
class Check:
    source: str  # notes | article
    note: str  # "n12" or "p57n3"
    pattern: str
    field: str
    expected: object
    got: object
    ok: bool
    text: str = ""


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    works_expected: int = 0
    works_found: int = 0
    works_missing: list[str] = field(default_factory=list)
    works_merged: list[str] = field(default_factory=list)
    extra_entries: list[str] = field(default_factory=list)
    page_numbers: tuple = ()
    expected_page_numbers: tuple = ()

    @property
    def accuracy(self) -> float:
        return sum(c.ok for c in self.checks) / len(self.checks) if self.checks else 0.0

    def by(self, attr: str) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for c in self.checks:
            out[getattr(c, attr)][0] += c.ok
            out[getattr(c, attr)][1] += 1
        return {k: (r, t) for k, (r, t) in sorted(out.items())}

    @property
    def mismatches(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def as_dict(self) -> dict:
        return {
            "accuracy": round(self.accuracy, 4),
            "checks": len(self.checks),
            "per_field": {k: [r, t] for k, (r, t) in self.by("field").items()},
            "per_pattern": {k: [r, t] for k, (r, t) in self.by("pattern").items()},
            "per_source": {k: [r, t] for k, (r, t) in self.by("source").items()},
            "works": {
                "expected": self.works_expected,
                "found": self.works_found,
                "missing": self.works_missing,
                "merged": self.works_merged,
                "extra_entries": self.extra_entries,
            },
            "page_numbers": {"expected": list(self.expected_page_numbers), "got": list(self.page_numbers)},
            "mismatches": [
                {
                    "source": c.source,
                    "note": c.note,
                    "pattern": c.pattern,
                    "field": c.field,
                    "expected": c.expected,
                    "got": c.got,
                    "text": c.text,
                }
                for c in self.mismatches
            ],
        }


def _score(report: Report, source: str, extraction, expected_notes: list[dict], note_id) -> None:
    entries = {e.key: e for e in extraction.entries}
    results = {note_id(r.note.page, r.note.number): r for r in extraction.notes}
    assigned: dict[tuple, str | None] = {}  # (note id, idx) -> key of the expected full citation
    owner: dict[str, tuple] = {}  # key -> (id, citation) of the first expected work that got it
    used_keys: set[str] = set()

    def add(nid, pattern, name, exp, got, text):
        ok = norm(exp) == norm(got)
        if not ok and name in NAME_FIELDS and exp and got:
            ok = norm(same_names(exp)) == norm(same_names(got))
        report.checks.append(Check(source, nid, pattern, name, exp, got, ok, text))

    ordered = list(extraction.notes)
    numbers = Counter(en.get("n", en.get("note")) for en in expected_notes)
    by_text: dict[str, list] = defaultdict(list)
    for r in ordered:
        by_text[_squeeze(r.note.text)].append(r)
    for pos, en in enumerate(expected_notes):
        number = en.get("n", en.get("note"))
        nid = note_id(en.get("page"), number)
        pattern, text = en["pattern"], en["text"]
        # the same note: by its text (robust to a wrongly inferred page), else by page + marker,
        # else by position when the extraction has as many notes as expected
        # (a marker the file repeats — a reference list restarting at [1] after the notes — names
        # no note: there the text alone decides)
        same = [r for r in by_text.get(_squeeze(text), []) if r.note.number == number or numbers[number] > 1]
        r = same[0] if len(same) == 1 else results.get(nid)
        if r is None and len(ordered) == len(expected_notes) and ordered[pos].note.number == number:
            r = ordered[pos]
        if "page" in en:
            add(nid, pattern, "page", en["page"], r.note.page if r else None, text)
        add(nid, pattern, "status", en["status"], r.status if r else None, text)
        keys = list(r.keys) if r else []
        for i, cit in enumerate(en["citations"]):
            key = keys[i] if i < len(keys) else None
            entry = entries.get(key) if key else None
            locs = (
                [c.locator for c in entry.citations if c.note == r.note.number and c.page == r.note.page]
                if entry
                else []
            )
            got_loc = locs[0] if locs else None
            if "ref" in cit:
                ref = cit["ref"]
                target = assigned.get((note_id(ref[0] if len(ref) == 3 else None, ref[-2]), ref[-1]))
                add(nid, pattern, "join", target or "(referenced work missing)", key, text)
                add(nid, pattern, "locator", cit.get("locator"), got_loc if entry else None, text)
                if key:
                    used_keys.add(key)
                continue
            wid = f"{nid}#{i}"
            report.works_expected += 1
            assigned.setdefault((nid, i), key)
            if entry is None:
                report.works_missing.append(f"{wid}: {text[:70]}")
            elif key in owner and not _same_work(owner[key][1], cit):
                report.works_merged.append(f"{wid} merged into {owner[key][0]} ({key})")
            else:
                owner.setdefault(key, (wid, cit))
                report.works_found += 1
            if key:
                used_keys.add(key)
            # the printed text, not its .bib form (`Harper \& Row`): readings are scored, not escapes
            f = {k: plain_from_latex(v) for k, v in entry.fields.items()} if entry else {}
            add(nid, pattern, "type", cit["type"], entry.type if entry else None, text)
            for name, exp in cit["fields"].items():
                if exp == "*":
                    continue
                add(nid, pattern, name, exp, f.get(name), text)
            for name in CHECKED_ABSENT:
                if name not in cit["fields"] and f.get(name):
                    add(nid, pattern, name, None, f.get(name), text)
            add(nid, pattern, "locator", cit.get("locator"), got_loc, text)
        for key in keys[len(en["citations"]) :]:
            add(nid, pattern, "extra", None, key, text)
    report.extra_entries += [f"{source}: {k}: {entries[k].fields.get('title')}" for k in entries if k not in used_keys]


def evaluate(data: Path) -> Report:
    """Score the extractor on ``data`` (notes.txt, article*.txt and expected.json)."""
    # in the function: annobib.extract imports this module's package (a cycle at import time)
    from annobib.extract import extract_notes, extract_text

    data = Path(data)
    expected = json.loads((data / "expected.json").read_text(encoding="utf-8"))
    report = Report()
    # "notes" -> notes.txt; a set of many works has one loose-notes file per work ("notes_w07" -> notes_w07.txt)
    for source in sorted(k for k in expected if k.startswith("notes")):
        x = extract_notes((data / f"{source}.txt").read_text(encoding="utf-8"))
        notes = expected[source] if isinstance(expected[source], list) else expected[source]["notes"]
        _score(report, source, x, notes, lambda page, n: f"n{n}")
    for source in sorted(k for k in expected if k.startswith("article")):
        a = extract_text((data / f"{source}.txt").read_text(encoding="utf-8"))
        _score(report, source, a, expected[source]["notes"], lambda page, n: f"p{page}n{n}")
        report.page_numbers += (tuple(a.page_numbers),)
        report.expected_page_numbers += (tuple(expected[source]["page_numbers"]),)
    return report
