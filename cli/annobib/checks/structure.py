"""Structure: keys, entry types, blocks that do not parse, the same work entered twice."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict

from annobib.checks._util import fold, normalize_doi, normalize_url, plain, text_of, val
from annobib.checks.base import rule

# biblatex 3.x entry types (regular, aliases and the "unsupported" ones styles may still know).
BIBLATEX_TYPES = frozenset("""
article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection
suppcollection dataset manual misc online patent periodical suppperiodical proceedings
mvproceedings inproceedings reference mvreference inreference report set software thesis
unpublished xdata customa customb customc customd custome customf
conference electronic mastersthesis phdthesis techreport www
artwork audio bibnote commentary image jurisdiction legislation legal letter movie music
performance review standard video
""".split())

_ENTRY_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)\s*,")
_FIELD_NAME = re.compile(r"([A-Za-z][\w:+.-]*)\s*=")


def _diagnose(raw: str) -> str:
    """Why a block did not parse, in a few words."""
    body = raw[raw.find("@"):] if "@" in raw else raw
    opened, closed = body.count("{") - body.count("\\{"), body.count("}") - body.count("\\}")
    if opened != closed:
        return f"unbalanced braces ({opened} '{{' against {closed} '}}')"
    m = _ENTRY_HEAD.match(body.lstrip())
    if not m:
        return "no '@type{key,' head"
    # field names at brace depth 1
    names, depth, i = [], 0, 0
    while i < len(body):
        ch = body[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 1:
            fm = _FIELD_NAME.match(body, i)
            if fm and (i == 0 or body[i - 1] in ", \t\n{"):
                names.append(fm.group(1).lower())
                i = fm.end()
                continue
        i += 1
    seen = set()
    for n in names:
        if n in seen:
            return f"field '{n}' is given twice"
        seen.add(n)
    if body.count('"') % 2:
        return 'an odd number of \'"\' (a quoted value is not closed)'
    return "a syntax error (a missing ',' between fields, or a stray character)"


@rule("E101", "duplicate-key", "structure", "Two entries share a key; citing it is ambiguous.",
      scope="library",
      bad="@article{liu2025, …}\n@online{liu2025, …}", good="@article{liu2025, …}\n@online{liu2025b, …}")
def duplicate_key(R, corpus, ctx):
    out = []
    first: dict[str, object] = {}
    for e in corpus.entries:
        if e.key in first:
            f0 = first[e.key]
            out.append(R.finding(e, None, f"key '{e.key}' is already used by the entry at line {f0.line}; rename one of them"))
        else:
            first[e.key] = e
    return out


@rule("W102", "key-case-clash", "structure",
      "Two keys differ only in letter case: BibTeX treats them as one, biber as two.", scope="library",
      bad="@book{Liu2025, …}\n@article{liu2025, …}", good="@book{liu2025a, …}\n@article{liu2025b, …}")
def key_case_clash(R, corpus, ctx):
    out = []
    first: dict[str, object] = {}
    for e in corpus.entries:
        k = e.key.casefold()
        if k in first and first[k].key != e.key:
            out.append(R.finding(e, None, f"key '{e.key}' differs from '{first[k].key}' (line {first[k].line}) only in case"))
        first.setdefault(k, e)
    return out


@rule("E103", "unparsable-block", "structure",
      "A block could not be parsed; it is kept verbatim but no tool will see the entry.",
      scope="library", bad="@article{x, title = {Open brace, year = 2020}", good="@article{x, title = {Open brace}, year = 2020}")
def unparsable(R, corpus, ctx):
    out = []
    for source, p in corpus.problems:
        msg = p.message
        if msg.startswith("duplicate key") or re.match(r"entry .*: field given twice", msg):
            continue  # E101 / E108
        raw = p.raw
        body = raw[raw.find("@"):] if "@" in raw else raw
        m = _ENTRY_HEAD.match(body.lstrip())
        key = m.group(2) if m else None
        why = _diagnose(raw)
        if why.startswith("a syntax error") and msg:
            why = msg.replace("; it is kept verbatim", "")
        f = R.finding(None, None, f"cannot parse this block{f' (key {key!r})' if key else ''}: {why}")
        f.key, f.line, f.source = key, p.line, source or p.source if hasattr(p, "source") else source
        out.append(f)
    return out


@rule("E108", "duplicate-field", "structure",
      "A field given twice in one entry: the first value is used and the second silently lost.",
      scope="library", bad="@book{x, title = {A}, title = {B}}", good="@book{x, title = {A}}")
def duplicate_field(R, corpus, ctx):
    out = []
    for source, p in corpus.problems:
        m = re.match(r"entry (.*): field given twice: (.*?)(?: \(the first is used\))?$", p.message)
        if m:
            f = R.finding(None, m.group(2).split(",")[0].strip(),
                          f"{m.group(2)} given twice; the first value is used, the second is lost — keep one")
            f.key, f.line, f.source = m.group(1), p.line, source
            out.append(f)
    return out


_KEY_BAD = re.compile(r"[\s,{}()\"#%'=\\~]")


@rule("E104", "key-syntax", "structure",
      "A key must be non-empty and free of spaces and of , { } ( ) \" # % ' = \\ ~.",
      bad="@book{Liu 2025, …}", good="@book{liu2025, …}")
def key_syntax(R, e, ctx):
    if not e.key:
        return [R.finding(e, None, "the entry has no key; add one after '@type{'")]
    m = _KEY_BAD.search(e.key)
    if m:
        ch = m.group(0)
        shown = {" ": "a space", "\t": "a tab", "\n": "a line break"}.get(ch, repr(ch))
        return [R.finding(e, None, f"key '{e.key}' contains {shown}; use letters, digits, '-', '_', ':' or '.'")]
    return None


@rule("W105", "key-non-ascii", "structure",
      "A key with non-ASCII characters breaks BibTeX 8-bit and some editors; biber accepts it.",
      bad="@online{刘琳2025, …}", good="@online{liu2025meifei, …}")
def key_ascii(R, e, ctx):
    if e.key and not e.key.isascii():
        return [R.finding(e, None, f"key '{e.key}' is not ASCII; prefer a romanized key (e.g. pinyin)")]
    return None


@rule("W106", "unknown-entry-type", "structure",
      "The entry type is not in the biblatex data model; styles fall back to @misc or drop it.",
      bad="@webpage{x, …}", good="@online{x, …}")
def entry_type(R, e, ctx):
    if e.type.lower() not in BIBLATEX_TYPES:
        hint = {"webpage": "online", "web": "online", "website": "online", "news": "article",
                "newspaper": "article", "journal": "article", "chapter": "incollection",
                "conferencepaper": "inproceedings", "dissertation": "thesis"}.get(e.type.lower())
        return [R.finding(e, None, f"entry type @{e.type} is not a biblatex type" + (f"; use @{hint}" if hint else ""))]
    return None


def _first_author_tokens(e) -> frozenset[str]:
    """The first author's name as a set of Latin tokens, so 刘琳, 'Liu, Lin' and 'Lin Liu' meet."""
    raw = val(e, "author") or val(e, "editor")
    if not raw:
        return frozenset()
    from annobib.names import parse_names

    try:
        names = parse_names(raw, val(e, "langid") or None)
    except Exception:  # noqa: BLE001 - a name that does not parse simply does not match
        return frozenset()
    if not names or names[0].others:
        return frozenset()
    n = names[0]
    if n.is_cjk:
        fam, giv = n.romanized()
        text = f"{fam} {giv}" if (fam + giv).isascii() else n.raw
    elif n.literal:
        return frozenset({fold(n.raw)})
    else:
        text = n.family  # Western: the family name; initials vary too much
    return frozenset(t for t in (fold(x) for x in re.split(r"[\s\-]+", plain(text))) if t)


def _authors_compatible(a, b) -> bool:
    ta, tb = _first_author_tokens(a), _first_author_tokens(b)
    if not ta or not tb:
        return not ta and not tb  # both anonymous: the title and year decide
    return bool(ta & tb)


_DIGITS = re.compile(r"\D+")
_SUBTITLE = re.compile(r"\s*(?:[:：]|——|—|--|\s-\s)\s*")
MAX_FUZZY_BUCKET = 40


@rule("W107", "duplicate-work", "structure",
      "The same work is entered twice: same DOI, same URL (scheme, www., tracking parameters and "
      "fragment ignored), or near-identical title with the same year and first author (case, width, "
      "punctuation, accents ignored; CJK names compared through their romanization).",
      scope="library",
      bad="@online{a, url={https://www.x.org/p?utm_source=tw}}\n@online{b, url={http://x.org/p}}",
      good="one entry, cited from both notes")
def duplicate_work(R, corpus, ctx):
    by_doi: dict[str, list] = defaultdict(list)
    by_url: dict[str, list] = defaultdict(list)
    by_title: dict[tuple, list] = defaultdict(list)
    near: dict[tuple, list] = defaultdict(list)
    for e in corpus.entries:
        doi = val(e, "doi")
        if doi:
            by_doi[normalize_doi(doi)].append(e)
        url = val(e, "url")
        if url:
            by_url[normalize_url(url)].append(e)
        title = val(e, "title")
        if title:
            t = fold(title)
            if len(t) >= 4:
                year = e.year or ""
                by_title[(t, year)].append(e)
                main = fold(_SUBTITLE.split(title, 1)[0])
                if main != t and len(main) >= 12:
                    by_title[(main, year, "main")].append(e)
                # near-identical titles share a fixed-length prefix, suffix or middle piece;
                # bucketing on those keeps the pairwise comparison inside small groups
                if len(t) >= 16:
                    near[(year, "p8", t[:8])].append(e)
                    near[(year, "s8", t[-8:])].append(e)
                if len(t) >= 32:
                    near[(year, "p16", t[:16])].append(e)
                    near[(year, "s16", t[-16:])].append(e)
                    near[(year, "m16", t[len(t) // 3: len(t) // 3 + 16])].append(e)
    reported: set[frozenset] = set()
    out = []

    def report(group, why):
        first = group[0]
        for e in group[1:]:
            pair = frozenset((id(first), id(e)))
            if pair in reported or e is first or e.key == first.key and e.line == first.line:
                continue
            reported.add(pair)
            out.append(R.finding(e, None, f"same work as '{first.key}' (line {first.line}): {why}; merge the two entries"))

    for d, group in by_doi.items():
        if len(group) > 1:
            report(group, f"same DOI {d}")
    for u, group in by_url.items():
        if len(group) > 1:
            report(group, "same URL")
    for k, group in by_title.items():
        if len(group) > 1:
            # within a same-title bucket, keep entries whose first authors agree with the first one
            rest = list(group)
            while len(rest) > 1:
                head, others = rest[0], rest[1:]
                same = [head] + [e for e in others if _authors_compatible(head, e)]
                if len(same) > 1:
                    report(same, "same title, year and first author" if len(k) == 2 else "same main title, year and first author")
                taken = {id(e) for e in same}
                rest = [e for e in others if id(e) not in taken]
    for k, group in near.items():
        if 1 < len(group) <= MAX_FUZZY_BUCKET:
            for i, a in enumerate(group):
                ta = fold(val(a, "title"))
                for b in group[i + 1:]:
                    pair = frozenset((id(a), id(b)))
                    if pair in reported:
                        continue
                    tb = fold(val(b, "title"))
                    if ta == tb or _DIGITS.sub("", ta) != _DIGITS.sub("", tb):
                        continue  # exact: its own bucket; other numbers: another report, volume, part
                    if abs(len(ta) - len(tb)) > 0.1 * max(len(ta), len(tb)):
                        continue
                    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
                    if sm.real_quick_ratio() < 0.9 or sm.quick_ratio() < 0.9:
                        continue
                    ratio = sm.ratio()
                    if ratio >= 0.9 and _authors_compatible(a, b):
                        report([a, b], f"near-identical title ({ratio:.0%} alike), same year and first author")
    return out
