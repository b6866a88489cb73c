"""The search language: parse a query, match it against cached haystacks, rank, highlight.

    words            all must match (in any field): ``alliance japan``
    "a phrase"       the words together, in this order
    field:value      only in that field: author: title: key: type: year: lang: domain: tag: note:
                     (``container:``/``journal:`` too); quote values with spaces:
                     ``author:"liu lin"``
    year:2024..2025  a year range (``year:..2020``, ``year:2021..`` open-ended)
    -word            must not match (``-field:value`` too)
    a OR b           either (binds tighter than the implicit AND: ``x a OR b`` = x and (a or b))

Matching ignores case, accents (``solis`` finds Solís), full/half width (``ＡＢＣ`` = ``abc``)
and spaces next to CJK characters; Chinese also matches by toneless pinyin (``liulin`` or
``liu lin`` finds 刘琳, ``shijie zhishi`` finds 世界知识).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate
from dataclasses import dataclass, field

from annobib.errors import InputError
from annobib.lookup.schema import (
    AUTHOR_FIELDS,
    CONTAINER_FIELDS,
    END,
    GROUPS,
    MARKERS,
    NOTE_FIELDS,
    TAG_FIELDS,
    TITLE_FIELDS,
    G,
)
from annobib.text import fold, has_han, is_cjk_char, latex_to_text, pinyin

FIELDS: dict[str, tuple[str, ...]] = {
    "author": ("author", "author_py"),
    "title": ("title", "title_py"),
    "key": ("key",),
    "type": ("type",),
    "year": ("year",),
    "lang": ("lang",),
    "domain": ("domain",),
    "tag": ("tag", "tag_py"),
    "note": ("note", "note_py"),
    "container": ("container", "container_py"),
    "journal": ("container", "container_py"),
}
FIELD_ALIASES = {
    "tags": "tag",
    "keywords": "tag",
    "language": "lang",
    "langid": "lang",
    "date": "year",
    "editor": "author",
    "authors": "author",
    "url": "domain",
    "site": "domain",
    "annote": "note",
    "annotation": "note",
    "journaltitle": "journal",
    "publisher": "container",
}
WEIGHTS = {
    "key": 10,
    "author": 8,
    "author_py": 7,
    "title": 6,
    "title_py": 5,
    "tag": 5,
    "tag_py": 4,
    "container": 3,
    "container_py": 3,
    "year": 3,
    "type": 2,
    "lang": 2,
    "domain": 2,
    "note": 2,
    "note_py": 2,
    "rest": 1,
    "rest_py": 1,
}


@dataclass
class Term:
    text: str  # folded
    field: str | None = None
    negated: bool = False
    phrase: bool = False
    lo: int | None = None  # year ranges
    hi: int | None = None
    raw: str = ""

    @property
    def squeezed(self) -> str:
        return self.text.replace(" ", "")

    def __post_init__(self):
        # haystacks are UTF-8 bytes
        self.b = self.text.encode("utf-8")
        self.sb = self.squeezed.encode("utf-8")


@dataclass
class Query:
    clauses: list[list[Term]] = field(default_factory=list)  # AND of ORs
    warnings: list[str] = field(default_factory=list)

    @property
    def positive_terms(self) -> list[Term]:
        return [t for c in self.clauses for t in c if not t.negated and t.text]

    def __bool__(self) -> bool:
        return bool(self.clauses)


_TOKEN = re.compile(r'(-?)(?:([A-Za-z_]+):)?(?:"([^"]*)"?|(\S+))')
_RANGE = re.compile(r"^(\d{4})?\s*(?:\.\.|–|-)\s*(\d{4})?$")


def parse(query: str) -> Query:
    """Parse the query language (see the module docstring). Raises InputError on nonsense."""
    q = Query()
    pending_or = False
    for m in _TOKEN.finditer(query.replace("“", '"').replace("”", '"')):
        neg, fname, quoted, bare = m.group(1), m.group(2), m.group(3), m.group(4)
        if bare == "OR" and not neg and not fname and quoted is None:
            if q.clauses:
                pending_or = True
            continue
        value = quoted if quoted is not None else bare
        if fname is not None:
            low = fname.lower()
            low = FIELD_ALIASES.get(low, low)
            if low not in FIELDS:
                # not a field: search the text as written (``doi:10.1/x``, ``http://…``)
                q.warnings.append(f"unknown field '{fname}:' searched as text (fields: {', '.join(sorted(FIELDS))})")
                value = f"{fname}:{value}"
                fname = None
            else:
                fname = low
        if value is None:
            value = ""
        term = Term(fold(value), fname, bool(neg), quoted is not None, raw=m.group(0))
        if neg and not fname and not value:
            continue
        if fname == "year":
            r = _RANGE.match(value.strip())
            if r and (r.group(1) or r.group(2)):
                term.lo = int(r.group(1)) if r.group(1) else None
                term.hi = int(r.group(2)) if r.group(2) else None
            elif re.fullmatch(r"\d{4}", value.strip()):
                term.lo = term.hi = int(value.strip())
            else:
                raise InputError(f"year:{value}: give a year (2024) or a range (2024..2025, ..2020, 2021..)")
        elif not term.text:
            continue
        if pending_or and q.clauses:
            q.clauses[-1].append(term)
        else:
            q.clauses.append([term])
        pending_or = False
    return q


_BM = [m.encode() for m in MARKERS]
_SPLIT = re.compile(b"[" + b"".join(_BM) + b"]").split  # [text before the first marker, group 0, …]


def _group(hay: bytes, name: str) -> bytes:
    g = G[name]
    start = hay.find(_BM[g])
    end = hay.find(_BM[g + 1], start + 1)
    return hay[start + 1 : end]


_YEAR = re.compile(rb"\d{4}")


def _term_score(term: Term, hay: bytes) -> int:
    """0 when ``term`` does not match ``hay``; else the weight of the best group it matches."""
    if term.lo is not None or term.hi is not None:
        ys = _YEAR.findall(_group(hay, "year"))
        if not ys:
            return 0
        y = int(ys[0])
        if (term.lo is None or y >= term.lo) and (term.hi is None or y <= term.hi):
            return WEIGHTS["year"]
        return 0
    text = term.b
    squeezed = term.sb
    if term.field is None:
        if text not in hay and (squeezed == text or squeezed not in hay):
            return 0
        segs = _SPLIT(hay)
        if len(segs) != END + 2:  # a marker inside a value (a key with control characters)
            return _walk_score(text, squeezed, hay)
        best = 0
        # the groups in order; only those holding the word (or, for pinyin, the squeezed word)
        for g in [g for g in range(END) if text in segs[g + 1] or (_PY[g] and squeezed in segs[g + 1])]:
            w = _WEIGHT[g]
            if w > best:
                best = w
                if _word_start(segs[g + 1], text):
                    best += 1
        return best
    best = 0
    for name in FIELDS[term.field]:
        seg = _group(hay, name)
        if term.field == "type":
            ok = seg == text or seg.startswith(text)
        elif name.endswith("_py"):
            ok = squeezed in seg
        else:
            ok = text in seg or (squeezed != text and squeezed in seg.replace(b" ", b""))
        if ok:
            best = max(best, WEIGHTS[name] + (1 if _word_start(seg, text) else 0))
    return best


def _walk_score(text: bytes, squeezed: bytes, hay: bytes) -> int:
    """:func:`_term_score` of a field-less term, walking marker to marker (what a haystack with
    a stray marker inside a value has always been scored by)."""
    best = 0
    pos = 1
    for g in range(END):
        nxt = hay.find(_BM[g + 1], pos)
        seg = hay[pos:nxt]
        name = GROUPS[g]
        if (text in seg) or (name.endswith("_py") and squeezed in seg):
            w = WEIGHTS[name]
            if w > best:
                best = w
                if _word_start(seg, text):
                    best += 1
        pos = nxt + 1
    return best


_WEIGHT = [WEIGHTS[name] for name in GROUPS]  # by group index
_PY = [name.endswith("_py") for name in GROUPS]

# groups whose text the result table shows: a word found there explains itself
SHOWN_GROUPS = frozenset(
    {"key", "type", "author", "title", "container", "year", "lang", "author_py", "title_py", "container_py"}
)


def hidden_matches(query: Query, hay, shown=SHOWN_GROUPS) -> dict[str, list[Term]]:
    """Groups outside the table's columns (note, tag, domain, rest) holding a word of the query
    that matched no shown group: {group (without ``_py``): [terms]}. Explains a hit whose
    table row does not show why it matched."""
    if isinstance(hay, str):
        hay = hay.encode("utf-8")
    out: dict[str, list[Term]] = {}
    segs = None
    joins: dict[int, tuple[bytes, bytes, bytes]] = {}
    for term in query.positive_terms:
        if term.lo is not None or term.hi is not None or (term.field and term.field in ("key", "type", "year", "lang")):
            continue
        if segs is None:  # every group's text, split once (not two finds per group and term)
            segs = _SPLIT(hay)
            if len(segs) != END + 2:  # a marker inside a value (a key with control characters)
                segs = [b""] + [_group(hay, name) for name in GROUPS]
        b, sb = term.b, term.sb
        seen, seen_py, hidden = _plan(FIELDS[term.field] if term.field else tuple(GROUPS), shown)
        # a word some shown group holds explains itself: one scan of those groups joined (joined
        # once a plan, not once a word: 12,000 words)
        texts = joins.get(id(seen))
        if texts is None:
            joined = b"\0".join([segs[k] for k in seen])
            texts = joins[id(seen)] = (joined, joined.replace(b" ", b""), b"\0".join([segs[k] for k in seen_py]))
        if b in texts[0] or (sb != b and sb in texts[1]):
            continue
        if seen_py and sb in texts[2]:
            continue
        hits = [
            name
            for name, k, py in hidden
            if b in segs[k] or (sb != b and sb in segs[k].replace(b" ", b"")) or (py and sb in segs[k])
        ]
        for h in dict.fromkeys(h.removesuffix("_py") for h in hits):
            out.setdefault(h, []).append(term)
    return out


_PLANS: dict[tuple, tuple[list[int], list[int], list[tuple[str, int, bool]]]] = {}


def _plan(names: tuple[str, ...], shown) -> tuple[list[int], list[int], list[tuple[str, int, bool]]]:
    """For :func:`hidden_matches`: the split positions of ``names``' shown groups, of their
    pinyin ones, and (name, position, is pinyin) of the others, in order."""
    key = (names, shown)
    got = _PLANS.get(key)
    if got is None:
        seen = [G[n] + 1 for n in names if n in shown]
        seen_py = [G[n] + 1 for n in names if n in shown and n.endswith("_py")]
        hidden = [(n, G[n] + 1, n.endswith("_py")) for n in names if n not in shown]
        got = _PLANS[key] = (seen, seen_py, hidden)
    return got


def matched_fields(fields: dict[str, str], hidden: dict[str, list[Term]]) -> list[str]:
    """The names of the entry's fields behind :func:`hidden_matches` (``abstract``, ``doi``,
    ``citations`` …); a group's name when no single field holds the word (a pinyin match across
    fields)."""
    grouped = {"note": NOTE_FIELDS, "tag": TAG_FIELDS, "domain": ("url",)}
    known = set(AUTHOR_FIELDS + TITLE_FIELDS + CONTAINER_FIELDS + TAG_FIELDS + NOTE_FIELDS)
    out: list[str] = []
    listed: set[str] = set()  # `f not in out` was quadratic: 40,000 matching fields took seconds
    for group, terms in hidden.items():
        names = grouped.get(group) or [n for n in fields if n.lower() not in known]
        found = []
        for name in names:
            value = fields.get(name)
            if not value:
                continue
            text = fold(latex_to_text(value))
            squeezed = text.replace(" ", "")
            py = pinyin(text).replace(" ", "") if has_han(text) else ""
            if any(t.text in text or t.squeezed in squeezed or (py and t.squeezed in py) for t in terms):
                found.append(name)
        for f in found or [group]:
            if f not in listed:
                listed.add(f)
                out.append(f)
    return out


def matched_in(view, parsed: Query, hits: list[tuple[int, int]]) -> dict[int, list[str]]:
    """{entry: [field names]} for the hits whose row does not show why they matched (a word found
    only in the abstract, a note, the tags, the URL, the citing sentences …); ``view`` is a
    :class:`annobib.lookup.view.View`."""
    out = {}
    rows = view.summaries_of([i for i, _ in hits])  # the hits' rows only: all 50,000 cost half a second
    hays = view.haystacks
    # A broad search of many tiny entries hits thousands of the same bodies: the answer depends
    # on the key only when a word is in it, and on the field names and raw values, so it is
    # worked out once per distinct (haystack without key, shown groups) and (fields, groups).
    words = list(dict.fromkeys(query_words(parsed)))
    by_hay: dict[tuple, tuple] = {}
    by_fields: dict[tuple, list[str]] = {}
    with_domain = SHOWN_GROUPS | {"domain"}
    broad = len(hits) >= SHARED_MIN and len(hits) * 4 > len(hays)
    split = _keys_and_rests(hays) if broad else None
    single = len(view.paths) == 1
    bare: bytes | None
    pending: list[tuple[int, tuple]] = []  # (hit, (hidden groups, their signature))
    for (i, _), row in zip(hits, rows):
        # a page with no container shows its domain in that column
        shown = with_domain if row[8] and row[5] == row[8] else SHOWN_GROUPS
        if split is not None:  # many hits: the key and body split once (see _keys_and_rests)
            bare = _BM[0] + _BM[1] + split[1][i] if _shareable(split[0][i], words) else None
        else:
            bare = keyless(hays[i], words)
        got = None if bare is None else by_hay.get((bare, shown is with_domain))
        if got is None:
            hidden = hidden_matches(parsed, bare if bare is not None else hays[i], shown)
            got = (hidden, tuple((g, tuple(map(id, ts))) for g, ts in hidden.items()))
            if bare is not None:
                by_hay[(bare, shown is with_domain)] = got
        if got[0]:
            pending.append((i, got))
    # the names depend on the fields (t={a} and u={a} make one haystack): records read in bulk
    for (i, (hidden, sig)), rec in zip(pending, view.records([i for i, _ in pending])):
        fkey = (0 if single else view.source_of(i), rec[5], sig)
        names = by_fields.get(fkey)
        if names is None:
            names = by_fields[fkey] = matched_fields(view.entry(i).fields, hidden)
        out[i] = list(names)
    return out


def _shareable(key: bytes, words: list[bytes]) -> bool:
    """Whether a haystack's key cannot change what the query finds in it (see :func:`keyless`)."""
    if key.translate(None, _KEY_BYTES):
        return False
    for w in words:  # (a loop: a generator costs more than the test for a word or two)
        if w in key:
            return False
    return True


def _count(text, needle: bytes, stop: int | None = None) -> int:
    """``text.count(needle)`` for bytes or a mapped view file (``mmap`` has ``find`` but no
    ``count``); with ``stop``, counting ends once it passes ``stop``."""
    if isinstance(text, bytes):
        return text.count(needle)
    n = i = 0
    while (i := text.find(needle, i)) >= 0 and (stop is None or n <= stop):
        n += 1
        i += len(needle)
    return n


def _keys_and_rests(hays) -> tuple[tuple[bytes, ...], tuple[bytes, ...]] | None:
    """(keys, texts after the key) of all haystacks, split in one regex pass and kept on the
    :class:`annobib.lookup.view.Haystacks` for the next caller; None when they do not split
    cleanly (or ``hays`` is a plain list)."""
    kept = getattr(hays, "split", False)
    if kept is None or isinstance(kept, tuple):
        return kept
    text = getattr(hays, "text", None)
    n = len(hays)
    got = None
    if text is not None and n and _count(text, _BM[0]) == n and _count(text, _BM[1]) == n:
        pairs = _KEY_AND_REST.findall(text)
        if len(pairs) == n:
            keys, rests = zip(*pairs)
            got = (keys, rests)
    if text is not None:
        hays.split = got
    return got


def _word_start(seg: bytes, text: bytes) -> bool:
    i = seg.find(text)
    if i <= 0:
        return i == 0
    c = seg[i - 1]
    return c < 0x80 and not chr(c).isalnum()


_MANY_WORDS = 16  # words of one length from which a haystack's slices of that length are listed


def _by_length(query: Query) -> dict[int, set[bytes]]:
    """{length: field-less words of the query of that length}, for lengths with many words
    (worked out once a query)."""
    got = query.__dict__.get("_by_length")
    if got is None:
        words: dict[int, set[bytes]] = {}
        for clause in query.clauses:
            for t in clause:
                if t.field is None:
                    words.setdefault(len(t.b), set()).add(t.b)
                    words.setdefault(len(t.sb), set()).add(t.sb)
        got = query.__dict__["_by_length"] = {n: w for n, w in words.items() if n and len(w) >= _MANY_WORDS}
    return got


def _found(query: Query, hay: bytes) -> set[bytes] | None:
    """The query's field-less words found in ``hay`` when the query has many (None: few, search
    for each): one pass over the haystack per length of many words, then one search for each
    other word (12,000 ORed words used to be 12,000 searches of every haystack, each a call)."""
    by_length = _by_length(query)
    if not by_length:
        return None
    few = query.__dict__.get("_few")
    if few is None:
        few = query.__dict__["_few"] = [
            w for c in query.clauses for t in c if t.field is None for w in (t.b, t.sb) if len(w) not in by_length
        ]
    found = {w for w in few if w in hay}
    for n, words in by_length.items():
        found |= words.intersection([hay[i : i + n] for i in range(len(hay) - n + 1)])
    return found


def match(query: Query, hay) -> int:
    """The entry's score (> 0) when it matches, else 0. ``hay``: UTF-8 bytes (or str)."""
    if isinstance(hay, str):
        hay = hay.encode("utf-8")
    total = 0
    got = _found(query, hay)
    found: bytes | set[bytes] = hay if got is None else got  # few words: searched in the haystack
    for clause in query.clauses:
        if len(clause) == 1 and clause[0].negated:
            t = clause[0]
            # a plain word not in the haystack scores 0 (what _term_score says first), without
            # the call: 15,000 negated words of one query meet each haystack
            if (t.field is not None or t.b in found or t.sb in found) and _term_score(t, hay):
                return 0
            continue
        best = 0
        for term in clause:
            if term.field is None and term.b not in found and term.sb not in found:
                s = 0  # likewise: 12,000 ORed words, most of them in no haystack
            else:
                s = _term_score(term, hay)
            if term.negated:
                s = 0 if s else 1
            if s > best:
                best = s
        if not best:
            return 0
        total += best
    return total or 1


_KEY_BYTES = bytes(range(0x21, 0x7F))  # what a key may hold for its entry's score to be shared
_KEY_AND_REST = re.compile(b"\x01([^\x01\x02]*)\x02([^\x01]*)")  # (key, text after it) of each haystack


def _shared_match(query: Query):
    """:func:`match`, worked out once per distinct haystack without its key group.

    A broad search of a file of many tiny entries scores thousands of haystacks that differ in
    the key only. When no word of the query is in the key (and the key is printable ASCII, so
    no marker hides in it), the key group adds nothing to the score: the rest decides."""
    words = query_words(query)
    memo: dict[bytes, int] = {}

    def shared(hay: bytes) -> int:
        bare = keyless(hay, words)
        if bare is None:
            return match(query, hay)
        got = memo.get(bare)
        if got is None:
            got = memo[bare] = match(query, bare)
        return got

    return shared


def query_words(query: Query) -> list[bytes]:
    """Every word of the query, as written and squeezed, as haystack bytes (for :func:`keyless`)."""
    return [w for clause in query.clauses for t in clause for w in (t.b, t.sb) if w]


def keyless(hay: bytes, words: list[bytes]) -> bytes | None:
    """``hay`` with an empty key group, when its key cannot change what the query finds in it
    (no word in the key, and the key printable ASCII so that no marker hides in it); else None."""
    cut = hay.find(_BM[1])
    key = hay[1:cut]
    if cut < 0 or key.translate(None, _KEY_BYTES):
        return None
    if len(words) > _MANY_WORDS:  # 24,000 words: the key's slices looked up, not each word
        if _key_holds_any(key, words):
            return None
        return _BM[0] + hay[cut:]
    for w in words:  # (a loop: a generator costs more than the test for a word or two)
        if w in key:
            return None
    return _BM[0] + hay[cut:]


_WORD_SET: list = [None, frozenset(), ()]  # (words, their set, their lengths) of the last query


def _key_holds_any(key: bytes, words: list[bytes]) -> bool:
    """Whether a (short) key holds one of many words: its slices at each word length."""
    if _WORD_SET[0] is not words:
        _WORD_SET[:] = [words, frozenset(words), sorted({len(w) for w in words})]
    wset, lengths = _WORD_SET[1], _WORD_SET[2]
    return any(key[i : i + n] in wset for n in lengths if n <= len(key) for i in range(len(key) - n + 1))


def run(query: Query, hays) -> list[tuple[int, int]]:
    """[(index, score)] of matching entries, best first (ties in file order).

    ``hays`` is a :class:`annobib.lookup.view.Haystacks` (one byte string for all entries, scanned
    with ``bytes.find``) or a plain list of haystacks."""
    pre = None
    for clause in query.clauses:
        if (
            len(clause) == 1
            and not clause[0].negated
            and clause[0].text
            and clause[0].lo is None
            and clause[0].hi is None
        ):
            t = clause[0]
            if t.squeezed == t.text:
                pre = t.b
                break
    out = []
    score = _shared_match(query)
    # a broad query (no required word, or one in many entries) scores shared bodies once
    n = len(hays)
    broad = hasattr(hays, "text") and n >= SHARED_MIN and (pre is None or _count(hays.text, pre, n // 4) * 4 > n)
    bulk = _run_shared_bodies(query, hays) if broad else None
    if bulk is not None:
        out = bulk
    elif pre is not None and hasattr(hays, "text"):
        out = _run_jumping(query, hays, pre, score)
    else:
        for i, h in enumerate(hays):
            if isinstance(h, str):
                h = h.encode("utf-8")
            if pre is not None and pre not in h:
                continue
            s = score(h)
            if s:
                out.append((i, s))
    out.sort(key=lambda x: -x[1])
    return out


SHARED_MIN = 2000  # entries before the shared-bodies pass pays for itself


def _run_shared_bodies(query: Query, hays) -> list[tuple[int, int]] | None:
    """:func:`run`'s hits in a file of many entries that repeat the same few bodies under
    different keys (``@misc{k1,title={a}}`` 50,000 times), else None (then the usual way).

    One regex pass splits every haystack into key and the text after it; each distinct text is
    scored once (as :func:`keyless` would have it) and the scores spread back at C speed. Only
    entries whose key holds a query word (or is no printable ASCII: see :func:`keyless`) are
    scored whole. Scoring hit by hit cost ~5 us an entry, 0.3 s a broad search of 58,000."""
    n = len(hays.starts)
    m0, m1 = _BM[0], _BM[1]
    split = _keys_and_rests(hays) if n >= SHARED_MIN else None
    if split is None:
        return None
    keys, rests = split
    distinct = set(rests)
    if len(distinct) * 4 > n:
        return None  # bodies mostly differ: nothing to share
    words = list(dict.fromkeys(query_words(query)))
    if any(b"\n" in w for w in words):
        return None
    joined = b"\n".join(keys)
    whole: set[int] = set()  # entries scored with their key
    if joined.translate(None, _KEY_BYTES + b"\n") or any(w in joined for w in words):
        key_starts = list(accumulate(map((1).__add__, map(len, keys)), initial=0))
        for w in words:
            pos = joined.find(w)
            while pos >= 0:
                whole.add(bisect.bisect_right(key_starts, pos) - 1)
                pos = joined.find(w, pos + 1)
        odd = joined.translate(None, _KEY_BYTES + b"\n")
        if odd:  # keys that are not printable ASCII: a marker could hide in them
            whole.update(i for i, k in enumerate(keys) if k.translate(None, _KEY_BYTES))
    memo = {r: match(query, m0 + m1 + r) for r in distinct}
    scores = list(map(memo.__getitem__, rests))
    for i in whole:
        scores[i] = match(query, hays.get(i))
    return [(i, sc) for i, sc in enumerate(scores) if sc]


def _run_jumping(query: Query, hays, pre: bytes, score) -> list[tuple[int, int]]:
    """:func:`run`'s hits when ``pre`` is a word every hit holds: jump from occurrence to
    occurrence in the joined haystacks. The usual haystack (a printable ASCII key without a
    query word) is scored by its text after the key, memoized, inline: a broad search of 50,000
    tiny entries spent ~5 us a hit in calls."""
    text, starts = hays.text, hays.starts
    n, size = len(starts), len(text)
    words = list(dict.fromkeys(query_words(query)))
    memo: dict[bytes, int] = {}
    mark, find, bisect_right = _BM[1], text.find, bisect.bisect_right
    out = []
    i = 0
    pos = find(pre)
    while pos >= 0:
        i = bisect_right(starts, pos, i) - 1
        start = starts[i]
        end = starts[i + 1] if i + 1 < n else size
        cut = find(mark, start, end)
        key = text[start + 1 : cut]
        general = cut < 0 or pos < cut or key.translate(None, _KEY_BYTES)
        if not general:
            for w in words:  # (a loop: a generator costs more than the test for a word or two)
                if w in key:
                    general = True
                    break
        if general:
            s = score(text[start:end])  # (the key may matter: the general way)
        else:
            tail = text[cut:end]
            s = memo.get(tail)
            if s is None:
                s = memo[tail] = match(query, _BM[0] + tail)
        if s:
            out.append((i, s))
        pos = find(pre, end)
    return out


# --------------------------------------------------------------------------- highlighting


def _occurrences(hay: str, where: list[int], needle: str):
    """Every (overlapping) match of ``needle`` in ``hay`` as a (start, end) span of the original
    text, ``where[i]`` being the original position of ``hay[i]``."""
    start = 0
    while True:
        j = hay.find(needle, start)
        if j < 0:
            return
        yield where[j], where[j + len(needle) - 1] + 1
        start = j + 1


def highlight_spans(text: str, query: Query, syllables: tuple | None = None) -> list[tuple[int, int]]:
    """Character spans of ``text`` (as displayed) that the query's positive terms match —
    directly (case, accents, width folded) or, for Han characters, by their pinyin
    (``syllables``: one reading per character, ``""`` for others)."""
    terms = [t for t in query.positive_terms if t.lo is None and t.hi is None]
    if not text or not terms:
        return []
    # folded text with a map back to character positions

    chars: list[str] = []
    where: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch.isspace():
            # spaces next to CJK characters do not count (as in fold())
            if (i > 0 and is_cjk_char(text[i - 1])) or (i + 1 < n and is_cjk_char(text[i + 1])):
                continue
            f = " "
        else:
            f = fold(ch)
        for c in f:
            chars.append(c)
            where.append(i)
    folded = "".join(chars)
    spans = []
    for t in terms:
        for needle in {t.text, t.squeezed} if t.text else ():
            if not needle:
                continue
            spans.extend(_occurrences(folded, where, needle))
    if syllables:
        pchars: list[str] = []
        pwhere: list[int] = []
        for i, ch in enumerate(text):
            syl = syllables[i] if i < len(syllables) else ""
            f = syl if syl else ("" if ch.isspace() else fold(ch))
            for c in f:
                pchars.append(c)
                pwhere.append(i)
        pinyin = "".join(pchars)
        for t in terms:
            needle = t.squeezed
            if not needle or not needle.isascii():
                continue
            spans.extend(_occurrences(pinyin, pwhere, needle))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


HELP = __doc__
