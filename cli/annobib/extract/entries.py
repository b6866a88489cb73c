"""Stage 5, *entries*: one entry per cited work, with every place that cites it.

Identity of a work: its normalized URL, else its normalized title with the first author's family
name. A repeat of a full citation joins the earlier entry (and may fill fields it lacked).
Back-references join the entry they point to:

* ``同上`` / ``Ibid.``: the last work of the previous citing note;
* ``前引`` / ``op. cit.``: the latest entry by that author;
* short forms (author + title head, no publication data): the earlier entry whose author matches
  and whose title starts with the short title; with no such entry the short form becomes an entry
  of its own (reported, so a person can check it).
"""

from __future__ import annotations

import re

from annobib.extract import rx as cre
from bisect import bisect_right
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterator
from dataclasses import dataclass, field

from annobib.extract.citations import CitationText, NoteReading, read_note, reporter_key
from annobib.extract.fields.names import NATIONALITY_RE, romanized_person_test
from annobib.extract.keys import base_key, family_part, split_name_list, unique
from annobib.extract.notes import Note
from annobib.bib.latex import plain_to_latex
from annobib.extract.titleindex import TitleIndex
from annobib.extract.workers import PARALLEL_MIN, stream_on_cores
from annobib.model import Citation, Entry


_BOOK_TYPES = frozenset({"book", "collection", "mvbook", "thesis", "report"})  # what 前引书 refers to


@dataclass
class NoteResult:
    note: Note
    status: str  # cited | not-a-citation | not-understood
    keys: list[str] = field(default_factory=list)
    joined: list[bool] = field(default_factory=list)  # per key: True when it joined an earlier entry
    reason: str | None = None

    def as_dict(self) -> dict:
        d = {
            "page": self.note.page,
            "note": self.note.number,
            "text": self.note.text,
            "status": self.status,
            "entries": list(self.keys),
        }
        if self.reason:
            d["reason"] = self.reason
        return d


@dataclass
class _Work:
    type: str
    fields: dict[str, str]
    citations: list[Citation]
    names: list[str]
    key: str = ""
    index: int = 0  # its place in Builder.works


def _index_of(work: _Work) -> int:
    return work.index


def _norm_url(url: str) -> str:
    url = cre.sub(r"^https?://", "", url.strip().lower())
    url = cre.sub(r"^www\.", "", url)
    return url.rstrip("/#")


_LEADING_ARTICLE = re.compile(r"^\s*(?:The|A|An)\s+")


_NOT_WORD = re.compile(r"[\W_]+")


# Title caches hold a run's every title: 16,000 notes cite ~4,500 distinct ones, and an LRU cache
# smaller than the titles a run cycles through misses on every look-up (12,400 misses of 29,400)
_TITLES_KEPT = 65536


@lru_cache(maxsize=_TITLES_KEPT)
def _norm_title(title: str) -> str:
    return _NOT_WORD.sub("", (title or "").lower())


@lru_cache(maxsize=_TITLES_KEPT)
def _title_forms(title: str) -> tuple[str, str]:
    """The title normalized, whole and without a leading article (a Chicago short title drops it:
    The Trade and Administration of China -> Trade and Administration). Cached: every short form
    is compared with every earlier work."""
    return _norm_title(title), _norm_title(_LEADING_ARTICLE.sub("", title))


def _near(short: str, full: str) -> bool:
    """A short title that differs from the full one by a typo or a word (制度变迁和 for 制度变迁与):
    at least six characters and nine in ten of them shared, in order."""
    if len(short) < 6 or abs(len(short) - len(full)) > 3 or short[:2] != full[:2] and short[-2:] != full[-2:]:
        return False  # cheap refusals first: this runs for every earlier work
    return SequenceMatcher(None, short, full).ratio() >= 0.9


# 同頁 / 同页 / 동면 after 同上 or 同右: the same page as the note before
_SAME_PAGE = re.compile(r"同[頁页]|같은\s*(?:쪽|면)")
_FAMILY_THEN_INITIALS = re.compile(r"^([A-ZА-ЯЁ][\w'’\-]+)\s+(?:[A-ZА-ЯЁ]\.\s*){1,2}$")


def _families(fields: dict[str, str]) -> frozenset[str]:
    return _families_of(fields.get("author") or fields.get("editor") or "", fields.get("langid"))


@lru_cache(maxsize=_TITLES_KEPT)  # as the title caches: 4,096 cycled through 16,000 notes' names
def _families_of(who: str, langid: str | None) -> frozenset[str]:
    out = set()
    for p in split_name_list(who):
        p = p.strip()
        if p and p != "others":
            out.add(family_part(p, langid))
    return frozenset(out)


def _named_in(fields: dict[str, str], text: str) -> bool:
    """Whether ``text`` names an author of the work: the whole CJK name, or a Western family name."""
    for name in (fields.get("author") or fields.get("editor") or "").split(" and "):
        name = name.strip("{} ").split(",")[0].strip()
        if len(name) >= 2 and name != "others" and name in text:
            return True
    return False


_HAN_START = re.compile(r"[\u4e00-\u9fff]{3}")
_DITTO_AUTHOR = re.compile(r"[―—－\-‐]{2,}")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*&\s*|\s+and\s+|\s*&\s*|[、,，和與与]|\s+et\s+)\s*")


# 위의 책 / 同上书 / 上书 / 同書: "the book above". After an article it means the book cited before
# that article (앞의 글 / 同上文 would name the article), found among the works of the last notes.
_BOOK_IBID = re.compile(r"[书書책]")
_PART_TYPES = frozenset(("article", "inproceedings"))
_BOOK_TYPES = frozenset(("book", "mvbook", "collection", "inbook", "incollection", "report", "thesis"))
_RECENT = 8


class Builder:
    """Accumulates works across notes; linear in the number of citations."""

    def __init__(self) -> None:
        self.works: list[_Work] = []
        self.by_id: dict[str, _Work] = {}
        self.by_family: dict[str, list[_Work]] = {}
        self.last_cited: list[_Work] = []
        self.recent: list[_Work] = []  # the works of the last notes, in the order cited (_RECENT at most)
        self._id_cache: dict[int, tuple[object, list[str]]] = {}
        self.by_note_number: dict[int, list[_Work]] = {}  # the works of the latest note with that number
        self.by_title = TitleIndex()
        self.by_reporter: dict[str, list[_Work]] = {}  # court decisions by volume and reporter (reporter_key)
        self.comparisons = 0  # works tested by back-references: a test keeps this linear in the notes
        # who -> (how many of _authored were searched, the works whose author holds it)
        self._by_author_text: dict[str, tuple[int, list[_Work]]] = {}
        # the works that have an author, in the order they got it, with their authors and where
        # each would start in all of them joined by NUL
        self._authored: list[_Work] = []
        self._authors: list[str] = []
        self._author_starts: list[int] = []
        self._short_memo: dict[tuple[str | None, ...], tuple[_Work | None, int]] = {}  # see _short_match
        # works that learnt an author or editor after they were filed in by_family: their families
        # now may differ from the lists they are in (see _by_authors)
        self._refiled: list[_Work] = []

    def _ids(self, fields: dict[str, str], any_volume: bool = False) -> list[str]:
        """The identities a work is found by: its URL, and its title with the first author's family.
        Distinct volumes of one multi-volume work (选集 第 4 卷 / 第 5 卷) are distinct works, so a
        volume is part of the title identity; ``any_volume`` adds the bare title identity as well, so
        that a later citation naming no volume still finds the work."""
        ids = []
        if fields.get("url"):
            ids.append("u:" + _norm_url(fields["url"]))
        t = _norm_title(fields.get("title", ""))
        if t:
            fam = sorted(_families(fields))
            work = "t:" + t + "|" + (fam[0] if fam else "")
            volume = fields.get("volume")
            if volume:
                ids.append(work + "|v" + volume)
            if not volume or any_volume:
                ids.append(work)
        elif fields.get("number") and fields.get("library"):
            # АПРФ, ф. 45, оп. 1, д. 331 / 中国外交部档案馆藏，档号109-00023-05: an untitled archival
            # file is found by its archive and signature (another leaf cited later is the same file)
            ids.append("a:" + fields["library"] + "|" + cre.sub(r"\s+", "", fields["number"]))
        return ids

    def _find(self, fields: dict[str, str]) -> _Work | None:
        hit = self._id_cache.get(id(fields))
        if hit is None or hit[0] is not fields:
            hit = (fields, self._ids(fields))
            self._id_cache[id(fields)] = hit
        for i in hit[1]:
            w = self.by_id.get(i)
            if w is not None:
                return w
        return None

    def _register(self, work: _Work) -> None:
        for i in self._ids(work.fields, any_volume=True):
            self.by_id.setdefault(i, work)
        for fam in _families(work.fields):
            self.by_family.setdefault(fam, []).append(work)
        self._index_title(work)
        if work.type == "jurisdiction" and work.fields.get("volume") and work.fields.get("journaltitle"):
            self.by_reporter.setdefault(reporter_key(work.fields["volume"], work.fields["journaltitle"]), []).append(
                work
            )

    def _index_title(self, work: _Work) -> None:
        if work.fields.get("title"):
            self.by_title.add(work.index, *_title_forms(work.fields["title"]))

    def _short_match(self, c: CitationText) -> _Work | None:
        fields = c.parsed.fields if c.parsed else {}
        fams = _families(fields)
        short = _norm_title(fields.get("title", ""))
        family = self.by_family.get(next(iter(fams))) if len(fams) == 1 else None
        if family:
            # one family: its works so far only grow at the end and a work's fit only changes when
            # its fields do (which clears the memo), so only the works added since the last look
            # at this short form are tried; 3,000 back-references to a family of 3,000 works
            # compared every pair (15 s)
            year = fields["date"][:4] if not short and fields.get("date") else None
            key = (*fams, short, year)
            hit, seen = self._short_memo.get(key, (None, 0))
            newer = [w for w in family[seen:] if year is None or (w.fields.get("date") or "")[:4] == year]
            hit = self._latest_fit(newer, short) or hit
            self._short_memo[key] = (hit, len(family))
            return hit
        candidates: list[_Work] = []
        for fam in fams:
            candidates.extend(self.by_family.get(fam, []))
        if short and not candidates:
            # no family, or a misspelt one (Christianson for Christiansen): the title decides, among
            # the works the title index offers (every work that can fit, latest first)
            candidates = [self.works[i] for i in reversed(self.by_title.candidates(short))]
        if not short and fields.get("date"):
            # Mearsheimer (2019): an author-date short form names the year, not the title
            candidates = [w for w in candidates if (w.fields.get("date") or "")[:4] == fields["date"][:4]]
        return self._latest_fit(candidates, short)

    def _reported_at(self, reporter: str, pin: str | None) -> _Work | None:
        """The case a Bluebook short form cites by its report (``Warhol, 598 U.S. at 545``): of the
        cases in that volume of the reporter, the one starting last at or before the page cited (a
        volume reports many cases; the short form may name a party the title does not open with)."""
        page = int(pin.split("-")[0]) if pin and pin.split("-")[0].isdigit() else None
        best, start = None, -1
        for w in self.by_reporter.get(reporter, ()):
            first = (w.fields.get("pages") or "").split("-")[0]
            if page is not None and first.isdigit() and start < int(first) <= page:
                best, start = w, int(first)
        return best

    def _latest_fit(self, candidates: list[_Work], short: str) -> _Work | None:
        for w in reversed(candidates):  # the latest wins: from the end, the first that fits
            self.comparisons += 1
            full, bare = _title_forms(w.fields.get("title", ""))
            if (
                not short
                or (
                    full.startswith(short)
                    # a short form may add to a full title, never double it: 《鲁迅全集》 is not 《鲁迅》
                    or (short.startswith(full) and 2 * len(full) > len(short))
                    or bare.startswith(short)
                    or _near(short, full)
                )
                and full
            ):
                return w
        return None

    def _last_of_kind(self, book: bool) -> _Work | None:
        """前引书 / 前引文 naming no author: the book (or the article, chapter …) cited last. Rare, so
        the works are scanned rather than indexed."""
        best: _Work | None = None
        for w in self.works:
            if w.citations and (w.type in _BOOK_TYPES) == book:
                if best is None or w.citations[-1].note >= best.citations[-1].note:
                    best = w
        return best

    def _book_before(self, article: _Work) -> _Work:
        """The book cited last before ``article`` (the article itself when there is none)."""
        for w in reversed(self.recent):
            if w.type in _BOOK_TYPES:
                return w
        return article

    def add_note(self, note: Note, reading: NoteReading | None = None) -> NoteResult:
        """Join a note's citations to the works so far; ``reading`` is ``read_note(note.text)``
        when the caller has it already (read in a worker)."""
        if reading is None:
            reading = read_note(note.text)
        if reading.status != "cited":
            return NoteResult(note, reading.status, reason=reading.reason)
        result = NoteResult(note, "cited")
        cited: list[_Work] = []
        problems = []
        for c in reading.citations:
            citation = Citation(note=note.number, page=note.page, locator=c.locator, context=note.context)
            target: _Work | None = None
            joined = True
            if c.kind == "ibid":
                target = self.last_cited[-1] if self.last_cited else None
                if target is not None and target.type in _PART_TYPES and _BOOK_IBID.search(c.text, 0, 4):
                    target = self._book_before(target)
                if target is None:
                    problems.append("同上/Ibid. with no previous citation")
                elif c.locator is None and target.citations and _SAME_PAGE.search(c.text):
                    citation.locator = target.citations[-1].locator  # 同右、同頁: the page cited last
            elif c.kind == "lastwork":
                target = self._last_of_kind(c.author == "书")
                if target is None:
                    problems.append(f"前引{c.author} with no earlier work of that kind")
            elif c.kind == "noteref":
                works = self.by_note_number.get(int(c.author or 0))
                # 前引(9)，罗嘉言书: of the works of note 9, the one by the author named
                named = [w for w in works or [] if _named_in(w.fields, c.text)]
                target = named[-1] if named else works[-1] if works else None
                if target is None:
                    problems.append(f"refers to note {c.author}, which cites nothing known")
            elif c.kind == "opcit":
                target = self._opcit_target(c.author or "")
                if target is None:
                    target = self._by_authors(c.author or "")
                if target is None:
                    problems.append(f"前引/op. cit. with no earlier work by {c.author}")
            elif c.kind == "short":
                target = self._short_match(c)
                if target is None and c.reporter:
                    target = self._reported_at(c.reporter, c.locator)  # Warhol, 598 U.S. at 545
                if target is None and c.parsed is not None and c.parsed.fields.get("title"):
                    target = self._new(c)
                    joined = False
                    problems.append("short form with no earlier full citation (entry has only what the note gives)")
                elif target is None:
                    problems.append("short form with no earlier full citation")
            else:
                if c.parsed is None or not c.parsed.understood:
                    problems.append("citation not understood")
                else:
                    fields = self._with_ditto_author(c, cited)
                    target = self._find(fields)
                    if target is None:
                        target = self._new(c, fields)
                        joined = False
                    else:
                        untitled, anonymous = not target.fields.get("title"), not target.fields.get("author")
                        unnamed = anonymous and not target.fields.get("editor")  # no families yet
                        known = len(target.fields)
                        for k, v in fields.items():
                            if k in _ROLE_TWIN and target.fields.get(_ROLE_TWIN[k]) == v:
                                continue  # 舒某编 in a note, 舒某.[M] in a GB/T list (no role): one person, one role
                            target.fields.setdefault(k, v)
                        if len(target.fields) != known:
                            self._short_memo.clear()  # a title or date learnt: a work may fit now
                            if anonymous and target.fields.get("author") or unnamed and target.fields.get("editor"):
                                self._refiled.append(target)  # a name learnt: its families changed
                        if untitled:
                            self._index_title(target)  # a title learnt later: short forms find it too
                        if anonymous and target.fields.get("author"):
                            self._file_author(target)
            if target is not None:
                target.citations.append(citation)
                cited.append(target)
                result.keys.append(id(target))  # replaced by keys in finish()
                result.joined.append(joined)
        if cited:
            self.last_cited = cited
            self.recent.extend(cited)
            del self.recent[:-_RECENT]
            self.by_note_number[note.number] = cited
        else:
            result.status = "not-understood"
            result.reason = "; ".join(problems) or "not understood"
        if problems and cited:
            result.reason = "; ".join(problems)
        return result

    def _opcit_target(self, author: str) -> _Work | None:
        """The latest work by the author a 前引/op. cit. names: the exact name first, then the
        family (a Japanese name's two-character family too: 宫坂信也 for 宮坂信也); ``Harlow,
        Balance and Blame, op. cit.`` names a title as well, which picks among the author's works."""
        author = NATIONALITY_RE.sub("", author).strip()  # [日]佐野雅彦
        who, _, short_title = author.partition(",") if cre.search(r"[A-Za-z]", author) else (author, "", "")
        who = who.strip()
        gost = _FAMILY_THEN_INITIALS.match(who)  # Hallman D. R., Op. cit.: GOST's family name first
        fams = [
            f
            for f in dict.fromkeys(
                (
                    family_part(gost.group(1) if gost else who),
                    family_part(who[:2], "japanese") if _HAN_START.match(who) else "",
                )
            )
            if f
        ]
        by_fam = [w for fam in fams for w in self.by_family.get(fam, [])]
        exact = [w for w in by_fam if who and who in (w.fields.get("author") or w.fields.get("editor") or "")]
        cands = exact or by_fam or self._author_holds(who)
        same = romanized_person_test(who) if not cands and len(who) <= 4 else None
        if same is not None:  # 李欧梵：前引书 after Leo Ou-fan Lee, Voices …
            cands = [w for w, author in zip(self._authored, self._authors) if same(author)]
            cands.sort(key=_index_of)  # a work that learnt its author later was filed later
        short = _norm_title(short_title)
        if short:
            titled = [w for w in cands if any(f.startswith(short) for f in _title_forms(w.fields.get("title", "")))]
            cands = titled or cands
        return cands[-1] if cands else None

    def _author_holds(self, who: str) -> list[_Work]:
        """The works whose author field holds ``who``, in order. Kept per ``who`` with the number of
        authored works searched, so that a repeated 前引 of an unknown author searches only the
        authors filed since (and a new work is never tested against every ``who`` asked so far)."""
        if not who:
            return []
        searched, works = self._by_author_text.get(who, (0, []))
        if searched < len(self._authored):
            more = self._authors_holding(who, searched)
            if more:
                works = sorted([*works, *more], key=_index_of)  # an author learnt later: in order
            self._by_author_text[who] = (len(self._authored), works)
        return works

    def _authors_holding(self, who: str, since: int) -> list[_Work]:
        """The works filed in :attr:`_authored` from ``since`` on whose author holds ``who``, in
        order: found by ``str.find`` in their authors joined by NUL (a test of each work in Python
        cost ~0.5 µs a work)."""
        authored, authors, starts = self._authored, self._authors, self._author_starts
        if "\x00" in who:  # would span two authors: test each
            self.comparisons += len(authored) - since
            return [w for w, a in zip(authored[since:], authors[since:]) if who in a]
        base, text = starts[since], "\x00".join(authors[since:])
        found = []
        at = text.find(who)
        while at >= 0:
            k = bisect_right(starts, base + at, since) - 1  # the author the hit falls in
            found.append(authored[k])
            self.comparisons += 1
            at = text.find(who, starts[k + 1] - base) if k + 1 < len(starts) else -1
        found.sort(key=_index_of)  # a work that learnt its author later was filed later
        return found

    def _file_author(self, work: _Work) -> None:
        author = work.fields.get("author") or ""
        if author:
            self._author_starts.append(self._author_starts[-1] + len(self._authors[-1]) + 1 if self._authors else 0)
            self._authored.append(work)
            self._authors.append(author)

    def _by_authors(self, who: str) -> _Work | None:
        """The latest work whose author families include every name of a multi-author short form
        (``North and Weingast``, ``A, B & C``, ``李明、王强``, ``李明和王强``)."""
        names = [
            n.strip()
            for n in _AUTHOR_SPLIT.split(who)
            if n.strip() and n.strip().lower() not in ("et al.", "et al", "等")
        ]
        if len(names) < 2:
            return None
        fams = [family_part(n) for n in names]
        if not all(fams):
            return None
        # the latest work whose families hold them all: among the works filed under the first (a
        # work's families are those it was filed with, unless it learnt a name since: refiled);
        # a scan of every work per short form made a long notes file quadratic
        filed = self.by_family.get(fams[0], [])
        if self._refiled:
            filed = sorted({w.index: w for w in [*filed, *self._refiled]}.values(), key=lambda w: w.index)
        for w in reversed(filed):
            have = _families(w.fields)
            if all(f in have for f in fams):
                return w
        return None

    def _with_ditto_author(self, c: CitationText, cited_in_note: list[_Work]) -> dict[str, str]:
        """The citation's fields, with the author of the work cited just before (earlier in the
        same note, else in the note before) when the note names them by ditto (``Он же.``,
        ``Idem``, ``―― (2007)``, ``同『…』``); readings are shared, so a copy."""
        fields = c.parsed.fields
        author = fields.get("author") or ""
        previous = cited_in_note or self.last_cited
        if not (c.same_author or _DITTO_AUTHOR.fullmatch(author)) or not previous:
            return fields
        before = previous[-1].fields
        who = {k: before[k] for k in ("author", "editor") if before.get(k)}
        if not who:
            return fields
        rest = {k: v for k, v in fields.items() if k not in ("author", "editor") or not _DITTO_AUTHOR.fullmatch(v)}
        if "author" in who and "author" not in rest:
            rest["author"] = who["author"]
        elif "editor" in who and "author" not in rest and "editor" not in rest:
            rest["editor"] = who["editor"]
        return rest

    def _new(self, c: CitationText, fields: dict[str, str] | None = None) -> _Work:
        p = c.parsed
        w = _Work(
            type=p.type,
            fields=dict(fields if fields is not None else p.fields),
            citations=[],
            names=list(p.names),
            index=len(self.works),
        )
        self.works.append(w)
        self._register(w)
        self._file_author(w)
        return w

    def finish(self, results: list[NoteResult]) -> list[Entry]:
        taken: set[str] = set()
        by_obj: dict[int, str] = {}
        entries = []
        tried: dict[str, int] = {}  # 30,000 notes of one work's key: linear, not quadratic
        for w in self.works:
            w.key = unique(base_key(w.fields), taken, tried)
            taken.add(w.key)
            by_obj[id(w)] = w.key
            e = Entry(key=w.key, type=w.type, fields={k: _safe_value(k, v) for k, v in w.fields.items()})
            e.citations = w.citations
            entries.append(e)
        for r in results:
            r.keys = [by_obj[k] if isinstance(k, int) else k for k in r.keys]
        return entries


NAME_FIELDS = ("author", "editor", "translator")


_ROLE_TWIN = {"author": "editor", "editor": "author"}


def _safe_value(name: str, value: str) -> str:
    """The note's plain text as a .bib value (:func:`plain_to_latex`: a ``\\input`` in a note stays
    text). Braces in a printed title become parentheses; names keep their organization braces."""
    if name in NAME_FIELDS:
        if "{" not in value and "}" not in value:  # nothing to balance (most names)
            return plain_to_latex(value, name, keep_braces=True)
        depth = 0
        for ch in value:
            depth += ch == "{"
            depth -= ch == "}"
            if depth < 0:
                break
        if depth == 0:
            return plain_to_latex(value, name, keep_braces=True)
        return plain_to_latex(value.replace("{", "(").replace("}", ")"), name)
    return plain_to_latex(value.replace("{", "(").replace("}", ")") if ("{" in value or "}" in value) else value, name)


def build_entries(notes: list[Note]) -> tuple[list[Entry], list[NoteResult]]:
    b = Builder()
    results = [b.add_note(n, r) for n, r in zip(notes, _readings(notes))]
    entries = b.finish(results)
    return entries, results


def _readings(notes: list[Note]) -> Iterator[NoteReading]:
    """Each note's reading, in order. A long run of distinct notes is read in worker processes
    while the works are joined here (:func:`.workers.stream_on_cores`); a repeated note takes the
    reading of its first occurrence (the same object, as :func:`read_note`'s cache gives it)."""
    distinct = list(dict.fromkeys(n.text for n in notes))
    if len(distinct) < PARALLEL_MIN:
        yield from map(read_note, (n.text for n in notes))
        return
    # the workers read uncached: their results come here and a cache there would only hold memory
    stream = stream_on_cores(getattr(read_note, "__wrapped__", read_note), distinct)
    seen: dict[str, NoteReading] = {}
    try:
        for n in notes:
            reading = seen.get(n.text)
            if reading is None:
                reading = seen[n.text] = next(stream)
            yield reading
    finally:
        stream.close()
