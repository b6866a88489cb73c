"""Structure: keys, entry types, blocks that do not parse, the same work entered twice."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

from annobib import text
from annobib.bib.inherit import cycles
from annobib.bib.keys import KEY_UNSAFE
from annobib.checks._util import (
    CJK_RE,
    HAN_RE,
    HANGUL_RE,
    KANA_RE,
    fold,
    normalize_doi,
    normalize_url,
    plain,
    text_of,
    val,
)
from annobib.checks.base import declare, rule, scanner
from annobib.names import COMPOUND_SURNAMES, SURNAME_READINGS, romanize_hangul
from annobib.text import pinyin

# biblatex 3.x entry types (regular, aliases and the "unsupported" ones styles may still know).
BIBLATEX_TYPES = frozenset(
    """
article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection
suppcollection dataset manual misc online patent periodical suppperiodical proceedings
mvproceedings inproceedings reference mvreference inreference report set software thesis
unpublished xdata customa customb customc customd custome customf
conference electronic mastersthesis phdthesis techreport www
artwork audio bibnote commentary image jurisdiction legislation legal letter movie music
performance review standard video
""".split()
)

_ENTRY_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()]*)\s*,")
_FIELD_NAME = re.compile(r"([A-Za-z][\w:+.-]*)\s*=")
_BRACE_OR_NAME = re.compile(r"[{}]|(?<=[, \t\n{])([A-Za-z][\w:+.-]*)\s*=")
_NO_COMMA_HEAD = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s{}()=]+)\s+[A-Za-z][\w:+.-]*\s*=")


def where(first, e) -> str:
    """'line 12', or 'other.bib:12' when the earlier entry is in another file."""
    if first.source and e is not None and first.source != getattr(e, "source", None):
        return f"{os.path.basename(first.source)}:{first.line}"
    return f"line {first.line}"


def _diagnose(raw: str) -> str:
    """Why a block did not parse, in a few words."""
    body = raw[raw.find("@") :] if "@" in raw else raw
    opened, closed = body.count("{") - body.count("\\{"), body.count("}") - body.count("\\}")
    if opened != closed:
        return f"unbalanced braces ({opened} '{{' against {closed} '}}')"
    m = _ENTRY_HEAD.match(body.lstrip())
    if not m:
        nc = _NO_COMMA_HEAD.match(body.lstrip())
        if nc:
            return "a missing comma after the key"
        return "no '@type{key,' head"
    # field names at brace depth 1
    # braces and field names found by one regex, not character by character (900,000 commas:
    # 0.6 s); a name is taken at depth 1 only
    names, depth = [], 0
    for tm in _BRACE_OR_NAME.finditer(body):
        ch = tm.group()
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 1:
            names.append(tm.group(1).lower())
    seen = set()
    for n in names:
        if n in seen:
            return f"field '{n}' is given twice"
        seen.add(n)
    if body.count('"') % 2:
        return "an odd number of '\"' (a quoted value is not closed)"
    return "a syntax error (a missing ',' between fields, or a stray character)"


@rule(
    "E101",
    "duplicate-key",
    "structure",
    "Two entries share a key; citing it is ambiguous.",
    scope="library",
    bad="@article{liu2025, …}\n@online{liu2025, …}",
    good="@article{liu2025, …}\n@online{liu2025b, …}",
)
def duplicate_key(R, corpus, ctx):
    """One finding for each of the first DUPLICATES_SHOWN re-uses of a key, then one for all the
    others: a file of 90,000 copies of ``@misc{a,}`` gives 11 lines, not 89,999 (the line and
    count say where the rest are; renaming the shown ones and running again shows the next)."""
    out = []
    first: dict[str, object] = {}
    shown: dict[str, int] = {}  # key -> its re-uses reported one by one
    more: dict[str, list] = {}  # key -> its re-uses past those
    for e in corpus.entries:
        f0 = first.get(e.key)
        if f0 is None:
            first[e.key] = e
            continue
        rest = more.get(e.key)
        if rest is not None:
            rest.append(e)
        elif shown.get(e.key, 0) < DUPLICATES_SHOWN:
            shown[e.key] = shown.get(e.key, 0) + 1
            out.append(
                R.finding(e, None, f"key '{e.key}' is already used by the entry at {where(f0, e)}; rename one of them")
            )
        else:
            more[e.key] = [e]
    for key, rest in more.items():
        out.append(
            R.finding(
                rest[0],
                None,
                f"key '{key}' is used by {len(rest)} more entries from here to {where(rest[-1], rest[0])}"
                f" (first at {where(first[key], rest[0])}); rename them",
            )
        )
    return out


DUPLICATES_SHOWN = 10  # re-uses of one key reported one by one (E101); the rest in one finding


@rule(
    "W102",
    "key-case-clash",
    "structure",
    "Two keys differ only in letter case or Unicode form (é composed or as e + accent, fullwidth ｋ,"
    " the Kelvin sign K): they print alike; BibTeX treats case variants as one key, biber as two.",
    scope="library",
    bad="@book{Liu2025, …}\n@article{liu2025, …}",
    good="@book{liu2025a, …}\n@article{liu2025b, …}",
)
def key_case_clash(R, corpus, ctx):
    out = []
    first: dict[str, object] = {}
    for e in corpus.entries:
        k = _key_fold(e.key)
        other = first.setdefault(k, e)
        if other.key == e.key:
            continue
        if e.key.isascii() and other.key.isascii():
            message = f"key '{e.key}' differs from '{other.key}' ({where(other, e)}) only in case"
        else:  # look-alikes: the code points tell them apart where the glyphs do not
            message = (
                f"key '{e.key}' looks like '{other.key}' ({where(other, e)}): {_code_points_apart(e.key, other.key)}"
            )
        out.append(R.finding(e, None, message))
    return out


def _key_fold(key: str) -> str:
    """Keys that look alike fold alike: case and Unicode compatibility forms (NFKC) ignored."""
    if key.isascii():
        return key.casefold()
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", key).casefold())


def _code_points_apart(a: str, b: str) -> str:
    """``U+212A vs U+004B``: the stretch where two keys differ, as code points."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    points = [" ".join(f"U+{ord(c):04X}" for c in s[i : len(s) - j]) or "nothing" for s in (a, b)]
    return f"{points[0]} vs {points[1]}"


@rule(
    "E103",
    "unparsable-block",
    "structure",
    "A block could not be parsed; it is kept verbatim but no tool will see the entry.",
    scope="library",
    bad="@article{x, title = {Open brace, year = 2020}",
    good="@article{x, title = {Open brace}, year = 2020}",
)
def unparsable(R, corpus, ctx):
    out = []
    seen: dict[tuple[str, str], tuple[str | None, str]] = {}  # (raw, message) -> (key, why)
    for source, p in corpus.problems:
        msg = p.message
        if msg.startswith("duplicate key") or _TWICE.match(msg):
            continue  # E101 / E108
        raw = p.raw
        known = seen.get((raw, msg))
        if known is None:  # 50,000 unclosed copies of one block: diagnosed once
            body = raw[raw.find("@") :] if "@" in raw else raw
            m = _ENTRY_HEAD.match(body.lstrip()) or _NO_COMMA_HEAD.match(body.lstrip())
            why = _diagnose(raw)
            if why.startswith("a syntax error") and msg:
                why = msg.replace("; it is kept verbatim", "")
            known = seen[(raw, msg)] = (m.group(2) if m else None, why)
        key, why = known
        f = R.finding(None, None, f"cannot parse this block{f' (key {key!r})' if key else ''}: {why}")
        f.key, f.line, f.source = key, p.line, source or p.source if hasattr(p, "source") else source
        out.append(f)
    return out


_TWICE = re.compile(r"entry .*: field given twice")


@rule(
    "E109",
    "crossref-missing",
    "structure",
    "crossref (or xdata) names a key that has no entry: the inherited fields are missing.",
    scope="library",
    bad="@inbook{x, crossref = {book2020}, …} with no @book{book2020, …}",
    good="the parent entry, or no crossref",
)
def crossref_missing(R, corpus, ctx):
    keys = {e.key for e in corpus.entries}
    out = []
    for e in corpus.entries:
        for name in ("crossref", "xdata"):
            target = e.fields.get(name)
            if not target:
                continue
            for k in (t.strip() for t in target.split(",")) if name == "xdata" else (target.strip(),):
                if k and k not in keys:
                    out.append(R.finding(e, name, f"{name} names '{k}', which has no entry"))
    return out


@rule(
    "W113",
    "crossref-cycle",
    "structure",
    "crossref (or xdata) entries that lead back to themselves: the loop is cut where it closes,"
    " so some inherited fields may be missing.",
    scope="library",
    bad="@book{a, crossref = {b}, …} and @book{b, crossref = {a}, …}",
    good="a chain that ends: @inbook{a, crossref = {b}, …} and @book{b, …}",
)
def crossref_cycle(R, corpus, ctx):
    out = []
    for loop in cycles(corpus.entries):  # one finding per loop group, its size bounded
        keys = [e.key for e in loop[:_CYCLE_SHOWN]]
        more = f" … and {len(loop) - _CYCLE_SHOWN} more" if len(loop) > _CYCLE_SHOWN else ""
        if loop.ring:
            chain = " -> ".join(keys + ([loop[0].key] if not more else [])) + more
            out.append(R.finding(loop[0], "crossref", f"crossref/xdata cycle: {chain}"))
        else:
            members = f"{len(loop)} entries loop through each other: {', '.join(keys)}{more}"
            out.append(R.finding(loop[0], "crossref", f"crossref/xdata cycles: {members}"))
    return out


_CYCLE_SHOWN = 10


@rule(
    "E108",
    "duplicate-field",
    "structure",
    "A field given twice in one entry: the first value is used and the second silently lost.",
    scope="library",
    bad="@book{x, title = {A}, title = {B}}",
    good="@book{x, title = {A}}",
)
def duplicate_field(R, corpus, ctx):
    out = []
    for source, p in corpus.problems:
        m = re.match(r"entry (.*): field given twice: (.*?)(?: \(the first is used\))?$", p.message)
        if m:
            f = R.finding(
                None,
                m.group(2).split(",")[0].strip(),
                f"{m.group(2)} given twice; the first value is used, the second is lost — keep one",
            )
            f.key, f.line, f.source = m.group(1), p.line, source
            out.append(f)
    return out


declare(
    "E104",
    "key-syntax",
    "structure",
    "A key must be non-empty and free of spaces and of , { } ( ) \" # % ' = \\ ~.",
    bad="@book{Liu 2025, …}",
    good="@book{liu2025, …}",
)
declare(
    "W105",
    "key-non-ascii",
    "structure",
    "A key with non-ASCII characters breaks BibTeX 8-bit and some editors; biber accepts it.",
    bad="@online{刘琳2025, …}",
    good="@online{liu2025meifei, …}",
)
declare(
    "W106",
    "unknown-entry-type",
    "structure",
    "The entry type is not in the biblatex data model; styles fall back to @misc or drop it.",
    bad="@webpage{x, …}",
    good="@online{x, …}",
)
_TYPE_HINT = {
    "webpage": "online",
    "web": "online",
    "website": "online",
    "news": "article",
    "newspaper": "article",
    "journal": "article",
    "chapter": "incollection",
    "conferencepaper": "inproceedings",
    "dissertation": "thesis",
}
_KEY_OK = re.compile(r"[A-Za-z0-9_:.\-+/@!*;<>?\[\]|`]+")


@scanner("E104", "W105", "W106")
def scan_head(rules, e, ctx):
    out = None
    key = e.key
    if not _KEY_OK.fullmatch(key):
        out = []
        if not key:
            out.append(rules["E104"].finding(e, None, "the entry has no key; add one after '@type{'"))
        else:
            m = KEY_UNSAFE.search(key)
            if m:
                ch = m.group(0)
                shown = {" ": "a space", "\t": "a tab", "\n": "a line break"}.get(ch, repr(ch))
                out.append(
                    rules["E104"].finding(
                        e, None, f"key '{key}' contains {shown}; use letters, digits, '-', '_', ':' or '.'"
                    )
                )
            if not key.isascii():
                out.append(
                    rules["W105"].finding(e, None, f"key '{key}' is not ASCII; prefer a romanized key (e.g. pinyin)")
                )
    if e.type not in BIBLATEX_TYPES:
        hint = _TYPE_HINT.get(e.type)
        out = out or []
        out.append(
            rules["W106"].finding(
                e, None, f"entry type @{e.type} is not a biblatex type" + (f"; use @{hint}" if hint else "")
            )
        )
    return out


@lru_cache(maxsize=100_000)
def _family_key(first: str) -> str:
    """A first author's family name in folded Latin letters, so 刘琳, 'Liu, Lin' and 'Lin Liu'
    meet (CJK through pinyin / Revised Romanization); an organization folded whole."""
    first = first.strip()
    if not first:
        return ""
    if first.startswith("{") and first.endswith("}"):
        return fold(first)
    name = plain(first).strip()
    if CJK_RE.search(name):
        if "," in name or "，" in name:
            fam = re.split(r"\s*[,，]\s*", name, maxsplit=1)[0]
        else:
            parts = name.split()
            fam = parts[0] if len(parts) > 1 else (name[:2] if name[:2] in COMPOUND_SURNAMES else name[:1])
        if HANGUL_RE.search(fam):
            return fold(romanize_hangul(fam))
        if KANA_RE.search(name):
            return fold(fam)

        return fold(SURNAME_READINGS.get(fam) or pinyin(fam))
    if "," in name:
        return fold(name.split(",", 1)[0])
    tokens = name.split()
    return fold(tokens[-1]) if tokens else ""


def _first_author(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("{"):
        depth = 0
        for i, ch in enumerate(raw):
            depth += ch == "{"
            depth -= ch == "}"
            if depth == 0:
                return raw[: i + 1]
        return raw
    return _AND.split(raw, 1)[0]


_AND = re.compile(r"\s+and\s+", re.I)


def title_key(title: str) -> str:
    """A title folded for comparison; Chinese characters through their pinyin, so that the
    simplified and traditional forms of a title (美国 / 美國) compare equal."""
    t = fold(title)
    if not t.isascii() and HAN_RE.search(t):
        t = t.translate(_pinyin_table())
    return t


_PINYIN_TT: dict | None = None


def _pinyin_table() -> dict:
    """annobib.text's Han -> pinyin str.translate table (one C-level pass over a title)."""
    global _PINYIN_TT
    if _PINYIN_TT is None:
        text._load_table()
        _PINYIN_TT = text._TT or {}
    return _PINYIN_TT


def _author_key(e, a: str | None, memo: dict) -> str:
    """The first-author key of ``e`` whose author field is ``a``; kept in ``memo`` under ``a``
    when the author field alone decides it (not empty: no fallback to the editor)."""
    raw = val(e, "author")
    if raw:
        ak = memo[a] = _family_key(_first_author(raw))
        return ak
    raw = val(e, "editor")
    return _family_key(_first_author(raw)) if raw else ""


def _grams(t: str, cache: dict) -> frozenset:
    g = cache.get(t)
    if g is None:
        g = cache[t] = frozenset(t[i : i + 2] for i in range(len(t) - 1))
    return g


_DIGITS = re.compile(r"\D+")
_SUBTITLE = re.compile(r"\s*(?:[:：]|——|—|--|\s-\s)\s*")
MAX_FUZZY_BUCKET = 16


def _first(x):
    return x[0]


def _near_ratio(ta: str, tb: str, grams: dict, digits: dict) -> float | None:
    """How alike two folded titles are when that makes them near-identical (>= 0.9), else None."""
    da = digits.get(ta)
    if da is None:
        da = digits[ta] = _DIGITS.sub("", ta)
    db = digits.get(tb)
    if db is None:
        db = digits[tb] = _DIGITS.sub("", tb)
    if da != db:
        return None  # other numbers: another report, volume or part
    ga, gb = _grams(ta, grams), _grams(tb, grams)
    if len(ga & gb) < 0.75 * max(len(ga), len(gb)):
        return None  # cheap (set operations in C): far too different already
    sm = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    if sm.real_quick_ratio() < 0.9 or sm.quick_ratio() < 0.9:
        return None
    ratio = sm.ratio()
    return ratio if ratio >= 0.9 else None


def _near_buckets(by_year_author: dict) -> list:
    """Near-identical titles share a fixed-length prefix, suffix or middle piece: the entries of
    one year and first author bucketed on those keep comparisons in small groups. Only groups
    with two different titles are bucketed, and only buckets of 2 to MAX_FUZZY_BUCKET entries are
    returned, in the order their first entry made them. Group items are (seq, title key, pieces,
    item); a bucket is the list of its items."""
    buckets = []
    for grp in by_year_author.values():
        if len(grp) < 2:
            continue
        t0 = grp[0][1]
        for item in grp:
            if item[1] != t0:
                break
        else:
            continue  # the same title throughout: exact duplicates, reported by their own bucket
        local: dict[str, tuple] = {}
        get = local.get
        for seq, _t, pieces, item in grp:
            seq *= 3
            for kp in pieces:  # pieces are strings: their hash is computed once per title
                b = get(kp)
                if b is None:
                    b = local[kp] = (seq, [])
                b[1].append(item)
                seq += 1
        buckets.extend([b for b in local.values() if 1 < len(b[1]) <= MAX_FUZZY_BUCKET])  # others compare nothing
    buckets.sort(key=_first)
    return [b[1] for b in buckets]


def _title_keys(title: str) -> tuple:
    """(folded key or None when too short to compare, main-title key or None, near-bucket pieces)."""
    t = title_key(title)
    if len(t) < 4:
        return None, None, ()
    main = _SUBTITLE.split(title, 1)[0]
    if len(main) < len(title):
        main = title_key(main)
        if len(main) < 12:
            main = None
    else:
        main = None
    n = len(t)
    # a piece is one string tagged by its slot (prefix, suffix, middle): pieces of different
    # slots never share a bucket, and a string's hash is computed once
    if n >= 32:
        pieces = ("p " + t[:16], "s " + t[-16:], "m " + t[n // 3 : n // 3 + 16])
    elif n >= 12:
        pieces = ("p " + t[:6], "s " + t[-6:])
    else:
        pieces = ()
    return t, main, pieces


@rule(
    "W107",
    "duplicate-work",
    "structure",
    "The same work is entered twice: same DOI, same URL (scheme, www., tracking parameters and "
    "fragment ignored), or near-identical title with the same year and first author (case, width, "
    "punctuation, accents ignored; CJK names compared through their romanization).",
    scope="library",
    bad="@online{a, url={https://www.x.org/p?utm_source=tw}}\n@online{b, url={http://x.org/p}}",
    good="one entry, cited from both notes",
)
def duplicate_work(R, corpus, ctx):
    by_doi: dict[str, list] = defaultdict(list)
    by_url: dict[str, list] = defaultdict(list)
    by_title: dict[tuple, list] = defaultdict(list)
    by_year_author: dict[tuple, list] = defaultdict(list)
    tkeys: dict[str, tuple] = {}  # raw title -> (key, main-title key, near-bucket pieces): once per distinct title
    akeys: dict[str | None, str] = {}  # raw author field -> first-author key (when the author decides it)
    seq = 0  # titled entries so far: the order near buckets are made in
    for e in corpus.entries:
        f = e.fields
        doi = f.get("doi")
        if doi:
            by_doi[normalize_doi(text_of(doi))].append(e)
        url = f.get("url")
        if url:
            by_url[normalize_url(text_of(url))].append(e)
        title = f.get("title")
        if not title:
            continue
        tk = tkeys.get(title)
        if tk is None:
            tk = tkeys[title] = _title_keys(title)
        t, main, pieces = tk
        if t is None:
            continue
        seq += 1
        year = (f.get("date") or f.get("year") or "")[:4]
        a = f.get("author")
        ak = akeys.get(a)
        if ak is None:
            ak = _author_key(e, a, akeys)
        by_title[(t, year, ak)].append(e)
        if main is not None:
            by_title[(main, year, ak, "main")].append(e)
        if pieces:
            by_year_author[(year, ak)].append((seq, t, pieces, (len(t), t, e)))
    reported: set[frozenset] = set()
    grams: dict[str, frozenset] = {}
    out = []

    def report(group, why):
        first = group[0]
        for e in group[1:]:
            pair = frozenset((id(first), id(e)))
            if pair in reported or e is first:
                continue
            reported.add(pair)
            out.append(
                R.finding(e, None, f"same work as '{first.key}' ({where(first, e)}): {why}; merge the two entries")
            )

    for d, group in by_doi.items():
        if len(group) > 1:
            report(group, f"same DOI {d}")
    for u, group in by_url.items():
        if len(group) > 1:
            report(group, "same URL")
    for k, group in by_title.items():
        if len(group) > 1:
            report(
                group, "same title, year and first author" if len(k) == 3 else "same main title, year and first author"
            )
    digits: dict[str, str] = {}
    verdicts: dict[tuple, float | None] = {}  # (title a, title b) -> similarity when it counts, else None
    for group in _near_buckets(by_year_author):  # 2 to MAX_FUZZY_BUCKET entries each
        n = len(group)
        items = sorted(group, key=_first)  # (title length, title key, entry), by length
        for i in range(n - 1):
            la, ta, a = items[i]
            for j in range(i + 1, n):
                lb, tb, b = items[j]
                if (lb - la) * 10 > lb:
                    break  # sorted by length: the rest are longer still
                if ta == tb:
                    continue  # exact: its own bucket
                ratio = verdicts.get((ta, tb), 0)
                if ratio == 0:
                    ratio = verdicts[(ta, tb)] = _near_ratio(ta, tb, grams, digits)
                if ratio is None:
                    continue
                first, second = (a, b) if (a.source or "", a.line or 0) <= (b.source or "", b.line or 0) else (b, a)
                report([first, second], f"near-identical title ({ratio:.0%} alike), same year and first author")
    return out
