"""APA 7 reference list entries and in-text citations.

Fields a user sets for works not in English (documented in the README):
``author_romanized``       the authors in Latin letters, BibTeX name list (``Liu, Lin``)
``title_romanized``        the title in Latin letters (pinyin, Hepburn …)
``title_translation``      the English translation of the title, printed in ``[ ]``
``journaltitle_romanized`` the periodical's name in Latin letters (``Shijie Zhishi``)
``booktitle_romanized`` / ``booktitle_translation``, ``publisher_romanized``

The conformance files' spellings ``title_translation_en``, ``journal_translation_en`` and
``author_transliteration_en`` are read too. When a field is missing for a non-Latin work, a
romanization is suggested (annobib.romanize) and a warning names the field to set.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache

from annobib.core.months import MONTH_NAMES, SEASON_NAMES, split_date
from annobib.names import parse_names
from annobib.render.richtext import RichText, Run, italic
from annobib.romanize import needs_romanization, russian, suggest
from annobib.styles import _fields
from annobib.styles._legal import SUPREME_REPORTERS, bluebook_date, case_citation, handle_from_url, is_social_post
from annobib.styles._outlets import is_news, outlet_kind
from annobib.styles.casing import sentence_case, title_case
from annobib.styles.gbt7714 import _decode_keep_braces
from annobib.styles.sorting import fold, title_key
from annobib.styles.template import Node, field, first_of, join, optional, sentence, words

AUTHOR_DATE_ONLY = True
# read neither the key nor the list position: answered once per distinct body (styles._samebody)
BODY_ONLY = ("sort_key", "group_key", "first_author", "citation")

ALIASES = {
    "author_romanized": ("author_romanized", "author_transliteration_en", "author_transliteration"),
    "title_romanized": ("title_romanized", "title_transliteration_en", "title_transliteration"),
    "title_translation": ("title_translation", "title_translation_en", "titletranslation"),
    "journaltitle_romanized": (
        "journaltitle_romanized",
        "journal_romanized",
        "journal_transliteration_en",
        "journaltitle_transliteration_en",
    ),
    "booktitle_romanized": ("booktitle_romanized", "booktitle_transliteration_en"),
    "booktitle_translation": ("booktitle_translation", "booktitle_translation_en"),
    "publisher_romanized": ("publisher_romanized", "publisher_transliteration_en"),
}
MONTHS = MONTH_NAMES
DESCRIPTIONS = {
    "transcript": "Transcript",
    "pressrelease": "Press release",
    "press release": "Press release",
    "speech": "Speech transcript",
    "video": "Video",
    "podcast": "Audio podcast episode",
    "fact sheet": "Fact sheet",
    "factsheet": "Fact sheet",
    "brochure": "Brochure",
    "infographic": "Infographic",
    "policy brief": "Policy brief",
    "white paper": "White paper",
    "map": "Map",
    "dataset": "Data set",
    "software": "Computer software",
    "letter": "Letter",
    "interview": "Interview",
}
GROUP_AUTHORED = {"online", "webpage", "www", "electronic", "report", "techreport", "misc"}
LEGAL_TYPES = {"jurisdiction", "legislation", "regulation", "legal"}
DATED_TYPES = {"online", "webpage", "www", "electronic", "newspaper", "misc", "unpublished"}
STANDALONE = {
    "book",
    "mvbook",
    "booklet",
    "report",
    "techreport",
    "manual",
    "thesis",
    "phdthesis",
    "mastersthesis",
    "online",
    "webpage",
    "www",
    "electronic",
    "collection",
    "proceedings",
    "dataset",
    "software",
    "standard",
    "map",
    "misc",
    "unpublished",
    "patent",
    "periodical",
}


def _get(entry, name: str) -> str:
    for alias in ALIASES.get(name, (name,)):
        v = entry.get(alias)
        if v:
            return v
    return ""


def _is_latin(text: str) -> bool:
    return not needs_romanization(text)


class _A:
    def __init__(self, entry, warnings: list | None):
        self.e = entry
        self.type = entry.type.lower()
        self.sub = (_fields.raw(entry, "entrysubtype") or "").lower()
        self.warnings = warnings if warnings is not None else []
        self.langid = (_fields.raw(entry, "langid") or "").lower()
        self.keep_case = False  # a proper title (case name, statute, post text): never sentence-cased
        self._names: dict[str, tuple] = {}  # field -> its parsed names (asked for again and again)

    def f(self, name: str) -> str:
        return _fields.field(self.e, name)

    def warn(self, msg: str) -> None:
        self.warnings.append(f"{self.e.key}: {msg}")

    # -- names ---------------------------------------------------------------------------
    def names(self, field: str = "author"):
        got = self._names.get(field)
        if got is None:
            got = self._names[field] = self._parse_names(field)
        return got

    def _parse_names(self, field: str):
        if self.type in LEGAL_TYPES and field == "author":
            return ()  # legal references start with the case or statute name (APA 7, 11.3)
        rom = _get(self.e, field + "_romanized") if field == "author" else ""
        value = rom or self.e.get(field) or ""
        if not value and field == "author":
            value = self.site_owner()
        if not value:
            return ()
        return parse_names(_decode_names(value), self.langid or None)

    def site_owner(self) -> str:
        """A web page or report with no author, published by an organization on its own site:
        the organization is the group author (APA 7, 9.11; its name is then not repeated as the
        site or publisher). Not for news outlets or social platforms, whose items keep the
        title first."""
        if self.type not in GROUP_AUTHORED or is_news(self.sub) or self.e.get("editor"):
            return ""
        if self.type == "misc" and not _fields.raw(self.e, "url"):
            return ""
        for name in ("organization", "institution", "publisher"):
            value = self.e.get(name)
            if value and value.strip():
                plain = _fields.decode(value)
                if outlet_kind("", plain) != "newspaper" or is_social_post("online", plain):
                    return ""
                return "{" + value.strip() + "}"
        return ""

    def person(self, n, inverted: bool = True) -> str:
        """``Liu, L.``, ``Morrow, J. D.``, ``Park, J.-R.``, group names in full."""
        if n.others:
            return "et al."
        if n.literal and not n.is_cjk:
            return self.group(n)
        if n.is_cjk:
            fam, giv = n.romanized()
            if fam == n.family and not _is_latin(fam):
                self.warn(f"cannot romanize the name {n.raw!r}; set author_romanized (e.g. 'Family, Given')")
                return n.raw
            self.warn(f"romanized {n.raw!r} as {fam}, {giv}; set author_romanized to confirm")
            inits = " ".join(p[0].upper() + "." for p in re.split(r"[\s]+", giv) if p) if giv else ""
            inits = "-".join(w[0].upper() + "." for w in giv.split("-")) if "-" in giv else inits
            return f"{fam}, {inits}" if inits else fam
        family = (n.particle + " " + n.family).strip() if n.particle else n.family
        if n.script == "cyrillic":
            family = russian(family)
        inits = _initials(n)
        if n.script == "cyrillic":
            inits = russian(inits)
        s = family
        if inits:
            s += ", " + inits if inverted else ""
        if n.suffix:
            s += ", " + n.suffix
        return s

    def group(self, n) -> str:
        """A group author's name, romanized when not in Latin letters (``中华人民共和国外交部`` ->
        ``Zhonghua Renmin Gongheguo Waijiaobu``, with a warning naming author_romanized)."""
        if _is_latin(n.raw):
            return n.raw
        name, complete = _group_romanized(n.raw, self.langid)
        if not complete:
            self.warn(f"cannot romanize the group author {n.raw!r}; set author_romanized (e.g. '{{Name}}')")
        else:
            self.warn(f"romanized the group author {n.raw!r} as {name!r}; set author_romanized to confirm")
        return name

    def editor_forward(self, n) -> str:
        """Editors in a chapter reference: ``A. A. Editor``."""
        if n.literal and not n.is_cjk:
            return n.raw
        if n.is_cjk:
            fam, giv = n.romanized()
            return f"{giv[:1]}. {fam}" if giv else fam
        inits = _initials(n)
        family = (n.particle + " " + n.family).strip() if n.particle else n.family
        name = f"{inits} {family}".strip()
        return f"{name} {n.suffix}" if n.suffix else name

    def author_list(self, names) -> str:
        people = [self.person(n) for n in names if not n.others]
        others = any(n.others for n in names)
        if not people:
            return ""
        if others:
            return ", ".join(people) + ", et al."
        if len(people) == 1:
            return people[0]
        if len(people) == 2:
            return f"{people[0]}, & {people[1]}"
        if len(people) > 20:
            return ", ".join(people[:19]) + ", . . . " + people[-1]
        return ", ".join(people[:-1]) + ", & " + people[-1]

    # -- date ----------------------------------------------------------------------------
    def year(self) -> str:
        y = self.e.year
        if y:
            return y
        date = _fields.raw(self.e, "date")
        return date if date and not re.match(r"\d", date) else ""

    def date_text(self, extra: str) -> str:
        y = self.year()
        if not y:
            return "n.d." + ("-" + extra if extra else "")
        dated = (
            self.type in DATED_TYPES
            or is_news(self.sub)
            or self.sub in ("magazine", "transcript", "pressrelease")
            or "transcript" in self.f("type").lower()
            or "press" in self.f("type").lower()
        )
        # one shared reader: an EDTF season (``2020-21``) gives APA's ``2020, Spring``; an
        # impossible month or day (``2020-13-45``) gives the year alone
        parts = split_date(_fields.raw(self.e, "date")) if dated else None
        if parts and parts[1]:
            day = f" {parts[2]}" if parts[2] else ""
            return f"{y}{extra}, {MONTHS[parts[1] - 1]}{day}"
        if parts and parts[3]:
            return f"{y}{extra}, {SEASON_NAMES[parts[3] - 1]}"
        return y + extra

    # -- titles --------------------------------------------------------------------------
    def title(self, field: str = "title", standalone: bool = False) -> RichText:
        raw = self.e.get(field) or ""
        if not raw:
            return RichText()
        plain = _fields.decode(raw)
        rom_field = "title_romanized" if field == "title" else f"{field}_romanized"
        tr_field = "title_translation" if field == "title" else f"{field}_translation"
        rom = _get(self.e, rom_field)
        english = self.langid in ("", "english", "american", "british", "en")
        if rom:
            text = _fields.decode(rom)
        elif not _is_latin(plain):
            text, complete = suggest(plain, self.langid)
            text = text[:1].upper() + text[1:]
            if complete:
                self.warn(f"suggested romanization of the {field} {text!r}; set {rom_field}")
            else:
                self.warn(f"could not romanize the {field} {plain!r} (kanji need a reading); set {rom_field}")
        elif english and not self.keep_case:
            text = sentence_case(_fields.segments(raw), capitalize_after_colon=True)
        else:
            # Latin-script, not English: keep the author's capitalization
            text = plain
        text = _double_quotes(text)
        out = italic(text) if standalone else RichText(text)
        tr = _get(self.e, tr_field)
        if tr:
            out.append(" [" + _fields.decode(tr) + "]")
        elif not english and not rom and not _is_latin(plain):
            self.warn(f"no English translation of the {field}; set {tr_field}")
        return out

    def description(self) -> str:
        t = (self.f("type") or self.sub or "").strip()
        low = t.lower()
        if low in DESCRIPTIONS:
            return DESCRIPTIONS[low]
        if not t and self.type in ("online", "webpage", "www", "misc"):
            # no recorded form: the publisher's own URL often says what the page is
            path = (_fields.raw(self.e, "url") or "").lower()
            if "/transcript" in path:
                return "Transcript"
            if "/release" in path or "press-release" in path or "pressrelease" in path:
                return "Press release"
        if self.type == "unpublished" and not self.f("howpublished"):
            return "Unpublished manuscript"  # APA 7, 10.8
        if self.type in ("phdthesis", "mastersthesis", "thesis"):
            kind = (
                "Doctoral dissertation"
                if self.type == "phdthesis" or "doct" in low or "phd" in low or "博士" in t
                else "Master's thesis"
            )
            school = self.romanized_field("school") or self.romanized_field("institution")
            return f"{kind}, {school}" if school else kind
        return ""

    def romanized_field(self, name: str) -> str:
        rom = _get(self.e, f"{name}_romanized")
        if rom:
            return _fields.decode(rom)
        v = self.f(name)
        if v and not _is_latin(v):
            s, _ = suggest(v, self.langid)
            return " ".join(w[:1].upper() + w[1:] for w in s.split(" "))
        return v

    def periodical(self) -> RichText:
        rom = _get(self.e, "journaltitle_romanized")
        j = self.f("journaltitle")
        if rom:
            name = _fields.decode(rom)
        elif j and not _is_latin(j):
            s, complete = suggest(j, self.langid)
            name = " ".join(w[:1].upper() + w[1:] for w in s.split(" ")) if complete else j
            self.warn(f"suggested romanization of the periodical {name!r}; set journaltitle_romanized")
        else:
            name = title_case(j) if j and j == j.lower() else j
        return italic(name) if name else RichText()

    def links(self) -> RichText:
        doi = _fields.raw(self.e, "doi")
        url = _fields.raw(self.e, "url")
        if doi:
            doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
            target = "https://doi.org/" + doi
            return RichText(Run(target, url=target))
        url = url or _howpublished(self)[1] or _eprint(self)[1]
        if url:
            return RichText(Run(url, url=url))
        return RichText()

    def pages(self) -> str:
        p = self.f("pages")
        return re.sub(r"\s*[-–—]+\s*", "–", p) if p else ""


_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘]([^'‘’\n]+?[^\s'‘’])['’](?!\w)")


def _double_quotes(text: str) -> str:
    """Quotation marks inside a title are double (APA 7, 6.7): ``'Pivot to Asia'`` -> ``“Pivot to
    Asia”``; apostrophes (``Webster's``, ``States' rights``) are left alone."""
    if "'" not in text and "‘" not in text:
        return text
    return _SINGLE_QUOTED.sub(r"“\1”", text)


@lru_cache(maxsize=4096)
def _group_romanized(raw: str, langid: str) -> tuple[str, bool]:
    if _is_latin(raw):
        return raw, True
    text, complete = suggest(raw, langid)
    if not complete:
        return raw, False
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" ")), True


@lru_cache(maxsize=65536)
def _initials(n) -> str:
    return n.initials(dots=True, hyphen=True)


@lru_cache(maxsize=65536)
def _decode_names(value: str) -> str:
    return _decode_keep_braces(value).replace("\x02", "")


def _end(rt: RichText) -> RichText:
    """Close an element with a period unless it ends with one (or ?, !)."""
    if not rt:
        return rt
    s = rt.plain.rstrip()
    if s.endswith((".", "?", "!", "？", "！")):
        return rt
    return rt + "."


class _Values:
    """What APA's templates read (``field(name)``): the entry's elements, already styled — names
    inverted and romanized, the title sentence-cased, the date in parentheses. The head elements
    are computed up front, in the order their warnings are given; the source elements only when a
    template asks for them."""

    def __init__(self, a: _A, extra: str):
        self.a = a
        t, sub = a.type, a.sub
        post = is_social_post(t, a.f("organization"))
        a.keep_case = post
        names = a.names("author")
        eds_as_authors = False
        if not names and t in ("book", "collection", "proceedings") and a.e.get("editor"):
            names, eds_as_authors = a.names("editor"), True
        self.names = names
        standalone = (t in STANDALONE and not (t == "misc" and a.e.get("journaltitle"))) or t == "online"
        self.kind = "chapter" if t in _CHAPTERS else ("article" if t in ("article", "periodical") else "other")
        if t == "article":
            standalone = False
            if is_news(sub) and outlet_kind(sub, a.f("journaltitle")) != "newspaper":
                # a news website or agency: the article's title in italics, the site's name not
                standalone, self.kind = True, "news_site"
            elif is_news(sub) or sub == "magazine":
                self.kind = "news"
        title = a.title("title", standalone=standalone)
        desc = a.description()
        author = a.author_list(names)
        if post:
            # APA 7, 10.15: Author [@handle]. (Date). Post text [Post]. Platform. URL
            handle = _fields.raw(a.e, "handle") or handle_from_url(_fields.raw(a.e, "url") or "")
            if handle and author:
                author += " [" + ("@" + handle.lstrip("@")) + "]"
            if not desc:
                desc = "Tweet" if a.f("organization").strip().lower() == "twitter" else "Post"
        if eds_as_authors and author:
            author += " (Ed.)." if len(names) == 1 else " (Eds.)."
        # "(2nd ed., Vol. 3)", "(Report No. 12)" belong to the title element, before its description
        numbers = _title_numbers(a) if self.kind == "other" else []
        self.values: dict[str, object] = {
            "author": author,
            "date": a.date_text(extra),
            "title": title,
            "numbers": _with_translators(a, ", ".join(numbers)) if self.kind != "chapter" else "",
            "desc": desc,
        }

    def field(self, name: str):
        if name not in self.values:
            self.values[name] = getattr(self, "_" + name)()
        return self.values[name]

    # -- the source elements, on demand -------------------------------------------------------
    def _site(self):
        return self.a.romanized_field("journaltitle")

    def _periodical(self):
        return self.a.periodical()

    def _pages(self):
        return self.a.pages()

    def _page_label(self):
        p = self.a.pages()
        return ("p. " if "-" not in p and "–" not in p else "pp. ") + p if p else ""

    def _volume(self):
        return self.a.f("volume")

    def _number(self):
        return self.a.f("number")

    def _article_pages(self):
        return self.a.pages() or self.a.f("eid")

    def _editors(self):
        eds = [self.a.editor_forward(n) for n in self.a.names("editor") if not n.others]
        if not eds:
            return ""
        joined = (
            eds[0] if len(eds) == 1 else (" & ".join(eds) if len(eds) == 2 else ", ".join(eds[:-1]) + ", & " + eds[-1])
        )
        return joined + (" (Ed.), " if len(eds) == 1 else " (Eds.), ")

    def _booktitle(self):
        return self.a.title("booktitle", standalone=True)

    def _eventtitle(self):
        return self.a.f("eventtitle")

    def _chapter_numbers(self):
        a, extras = self.a, []
        if a.f("edition"):
            extras.append(_edition(a.f("edition")))
        if a.f("volume"):
            extras.append("Vol. " + a.f("volume"))
        if a.pages():
            extras.append(("pp. " if "–" in a.pages() else "p. ") + a.pages())
        return _with_translators(a, ", ".join(extras))

    def _chapter_publisher(self):
        return self.a.romanized_field("publisher")

    def _publisher(self):
        a = self.a
        pub = a.romanized_field("publisher") or a.romanized_field("institution") or a.romanized_field("organization")
        if a.type in ("phdthesis", "mastersthesis", "thesis"):
            return ""
        pub = pub or _howpublished(a)[0] or _eprint(a)[0]
        if pub and self.values["author"] and _same(pub, self.names):
            return ""  # the group author is also the publisher / site
        return pub

    def _links(self):
        return self.a.links()


def _by_kind(children, ctx, **templates):
    return templates[ctx.kind].run(ctx)


_SOURCE = Node("by_kind", _by_kind)(
    news_site=optional[sentence(sep="")[field("site")]],
    news=sentence[optional[field("periodical")], optional[field("page_label")]],
    article=sentence[
        optional[field("periodical")],
        optional[
            first_of[
                join[field("volume", style="italic"), optional["(", field("number"), ")"]],
                join["(", field("number"), ")"],
            ]
        ],
        optional[field("article_pages")],
    ],
    chapter=words[
        sentence(sep="")[
            "In ",
            optional[field("editors")],
            first_of[field("booktitle"), field("eventtitle")],
            optional[" (", field("chapter_numbers"), ")"],
        ],
        optional[sentence[field("chapter_publisher")]],
    ],
    other=optional[sentence[field("publisher")]],
)
_HEAD = sentence(sep="")[
    optional[field("title")], optional[" (", field("numbers"), ")"], optional[" [", field("desc"), "]"]
]
_DATE = join["(", field("date"), ")."]
REFERENCE = words[
    first_of[
        words[sentence(sep="")[field("author")], _DATE, _HEAD],
        words[_HEAD, _DATE],  # no author: the title (with its edition) moves into the author position
    ],
    _SOURCE,
    optional[field("links")],
]


def format_entry(
    entry, edition: str = "7", system: str = "author-date", extra: str = "", warnings: list | None = None
) -> RichText:
    a = _A(entry, warnings)
    shared = _RUN.get(id(entry)) if _RUN is not None else None
    if shared is not None and shared[0] is entry:
        a._names = shared[1]._names  # parsed by the run's key functions already (names are data)
    if a.type in LEGAL_TYPES:
        return _legal(a, extra)
    out = REFERENCE.format(_Values(a, extra))
    out.lang = _lang_tag(a.langid)
    return out


_CHAPTERS = ("incollection", "inproceedings", "inbook", "conference")


def _with_translators(a: _A, numbers: str) -> str:
    """``R. Warner, Trans.`` before the edition, volume or pages, a semicolon between (APA 7,
    10.2: ``(H. Weaver, Trans.; 2nd ed.)``); for a chapter, the book's translator."""
    people = [a.editor_forward(n) for n in a.names("translator") if not n.others]
    if not people:
        return numbers
    if len(people) > 2:
        people = [", ".join(people[:-1]) + ",", people[-1]]
    trans = " & ".join(people) + ", Trans."
    return f"{trans}; {numbers}" if numbers else trans


def _title_numbers(a: _A) -> list[str]:
    """Edition, volume, report number: in parentheses after a stand-alone work's title."""
    out = []
    ed = a.f("edition")
    if ed:
        out.append(_edition(ed))
    if a.f("volume") and a.type in ("book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings"):
        out.append("Vol. " + a.f("volume"))
    if a.type in ("report", "techreport") and a.f("number"):
        kind = a.f("type")
        out.append(REPORT_TYPES.get(kind.lower(), kind or "Report") + " No. " + a.f("number"))
    return out


# biblatex's type keys (type = {techreport}) and what APA prints for them
REPORT_TYPES = {"techreport": "Technical Report", "resreport": "Research Report", "report": "Report"}
# eprint archives: where an eprint identifier lives when the entry has no URL or DOI
EPRINT_URLS = {
    "arxiv": ("arXiv", "https://arxiv.org/abs/"),
    "hdl": ("", "https://hdl.handle.net/"),
    "jstor": ("", "https://www.jstor.org/stable/"),
    "pubmed": ("", "https://pubmed.ncbi.nlm.nih.gov/"),
}
_URL_IN = re.compile(r"(?:https?://|www\.)[^\s<>]+", re.I)
_LINK_LABELS = {"", "web site", "website", "available at", "available from", "online", "url", "see", "at", "link"}


def _eprint(a: _A) -> tuple[str, str]:
    """(archive name, URL) of an eprint (``eprinttype = {arxiv}``, BibTeX's ``archivePrefix``)."""
    eid = _fields.raw(a.e, "eprint")
    kind = (_fields.raw(a.e, "eprinttype") or _fields.raw(a.e, "archiveprefix")).lower()
    if not eid or kind not in EPRINT_URLS:
        return "", ""
    name, base = EPRINT_URLS[kind]
    return name, base + re.sub(r"^arxiv:", "", eid, flags=re.I)


def _howpublished(a: _A) -> tuple[str, str]:
    """(source text, URL) of BibTeX's ``howpublished``: ``arXiv:2101.03064 [cs.CV]`` or
    ``Extended abstract at CPAIOR 2024`` is the work's source (as a publisher); a URL in it
    (``\\url{…}``, ``Web site: \\url{…}``) is the work's link, a label before it dropped."""
    how = a.f("howpublished").strip()
    m = _URL_IN.search(how)
    if not m:
        return how, ""
    url = m.group(0).rstrip(".,;)")
    rest = (how[: m.start()] + how[m.start() + len(url) :]).strip(" ,.:;()")
    return ("" if rest.lower() in _LINK_LABELS else rest), url if url.lower().startswith("http") else "https://" + url


def _legal(a: _A, extra: str) -> RichText:
    """APA 7 legal references (11.4, 11.5), which follow the Bluebook: the case or statute name in
    roman type, never sentence-cased (italic only in the in-text citation), then its citation.

    ``Trump v. Hawaii, 585 U.S. 667 (2018).`` · ``Smith v. Ocean Freight Co., 412 F.3d 88 (2d Cir. 2005).``
    · ``R v Jogee [2016] UKSC 8.`` · ``Arctic Sunrise (Netherlands v. Russia), PCA Case No. 2014-02
    (Aug. 14, 2015). URL`` · a statute: ``Name, number (2021). URL``."""
    a.keep_case = True
    out = RichText(lang=_lang_tag(a.langid))
    name = a.title("title")
    year = a.year()
    date = _fields.raw(a.e, "date") or year
    if a.type == "jurisdiction":
        reporter = a.f("journaltitle") or a.f("reporter")
        court = a.romanized_field("institution") or a.romanized_field("organization") or a.f("court")
        num = a.f("number")
        if num and not _is_latin(num):
            num = a.romanized_field("number")
            if not _get(a.e, "number_romanized"):
                a.warn(f"suggested romanization of the case number {num!r}; set number_romanized")
        cite, named = case_citation(_is_latin(a.f("title")), reporter, a.f("volume"), a.f("pages"), num, court, year)
        if reporter:
            paren = " ".join(p for p in ((court if reporter not in SUPREME_REPORTERS else ""), year + extra) if p)
        elif named and cite.startswith("["):
            paren = ""  # a neutral citation carries its year
        else:
            paren = " ".join(p for p in ((court if not named else ""), bluebook_date(date) + extra) if p.strip())
    else:
        num = a.f("number")
        cite = num if not num or _is_latin(num) else a.romanized_field("number")
        if num and cite != num and not _get(a.e, "number_romanized"):
            a.warn(f"suggested romanization of the number {cite!r}; set number_romanized")
        paren = year + extra
    if cite:
        name = name + (" " if cite.startswith("[") else ", ") + cite
    if paren or not cite:
        name = name + " (" + (paren or "n.d.") + ")"
    out.append(_end(name))
    links = a.links()
    if links:
        out.append(" ", links)
    return out


_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_EDITION = re.compile(r"(\d+|[a-z]+)\s*(?:st|nd|rd|th|\.)?\s*(?:ed(?:n|ition)?\.?)?", re.I)


def _edition(ed: str) -> str:
    """``15``, ``15th``, ``Fifteenth``, ``15th edn`` -> ``15th ed.``; ``Revised`` -> ``Rev. ed.``;
    anything else as written."""
    low = ed.strip().lower()
    if low in ("revised", "revised ed.", "revised edition", "rev.", "rev. ed."):
        return "Rev. ed."
    m = _EDITION.fullmatch(low)
    if not m or not (m.group(1).isdigit() or m.group(1) in _ORDINAL_WORDS):
        return ed
    n = int(m.group(1)) if m.group(1).isdigit() else _ORDINAL_WORDS[m.group(1)]
    suf = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suf} ed."


def _same(pub: str, names) -> bool:
    return any(n.literal and fold(n.raw) == fold(pub) for n in names)


def _lang_tag(langid: str) -> str | None:
    return {
        "english": "en",
        "american": "en",
        "british": "en",
        "chinese": "zh",
        "japanese": "ja",
        "korean": "ko",
        "russian": "ru",
    }.get(langid)


# -- list order and citations -------------------------------------------------------------


# One format run's key functions (sort key, group key, first author, citation: five calls an
# entry) share one _A per entry, and so its parsed names: 10,000 articles read their names seven
# times each without it. Only for the key functions: their warnings are dropped anyway.
_RUN: dict[int, tuple] | None = None


@contextmanager
def one_run():
    """Share the key functions' per-entry work while the block runs (one format run)."""
    global _RUN
    outer, _RUN = _RUN, {}
    try:
        yield
    finally:
        _RUN = outer


def _for_keys(entry) -> _A:
    """The entry's _A for a key function: the run's shared one, or a new one outside a run."""
    run = _RUN
    if run is None:
        return _A(entry, [])
    got = run.get(id(entry))
    if got is None or got[0] is not entry:  # kept with its entry: an id is not reused in a run
        got = run[id(entry)] = (entry, _A(entry, []))
    return got[1]


def _first_word_title(a: _A) -> str:
    t = _get(a.e, "title_romanized") or a.e.get("title") or ""
    t = _fields.decode(t)
    if not _is_latin(t):
        t = suggest(t, a.langid)[0]
    return t


def sort_key(entry, index: int = 0, edition: str = "7") -> tuple:
    a = _for_keys(entry)
    names = a.names("author") or a.names("editor")
    if names:
        nk = tuple(_name_sort(a, n) for n in names)
    else:
        nk = (title_key(_first_word_title(a)),)
    y = a.year()
    ykey = (0, "") if not y else (1, y)
    return (nk, ykey)


def _name_sort(a: _A, n) -> tuple:
    if n.others:
        return ("\uffff",)
    if n.literal and not n.is_cjk:
        return (fold(_group_romanized(n.raw, a.langid)[0]),)
    if n.is_cjk:
        fam, giv = n.romanized()
        return (fold(fam), fold(giv))
    return (fold((n.particle + " " + n.family).strip()), fold(n.given))


def _name_group(n) -> tuple:
    """One author as the in-text citation tells authors apart: surname and initials, so
    ``John W. Smith`` and ``J. W. Smith`` are one author (2020a, 2020b), not two."""

    if n.others:
        return ("\uffff",)
    if n.literal and not n.is_cjk:
        return (fold(n.raw),)
    if n.is_cjk:
        fam, _ = n.romanized()
        return (fold(fam), fold(_initials(n)))
    return (fold((n.particle + " " + n.family).strip()), fold(_initials(n)))


def group_key(entry, edition: str = "7") -> tuple:
    a = _for_keys(entry)
    names = a.names("author") or a.names("editor")
    if names:
        key = tuple(_name_group(n) for n in names)
    else:
        key = (("title", _first_word_title(a)),)
    return (key, a.year() or "n.d.")


def first_author(entry) -> tuple | None:
    """(surname, initials) of the first author, for APA 7, 8.20; None for a group or no author."""
    a = _for_keys(entry)
    names = [n for n in (a.names("author") or a.names("editor")) if not n.others]
    if not names or (names[0].literal and not names[0].is_cjk):
        return None
    return _name_group(names[0])


def citation(entry, edition: str = "7", extra: str = "", initials: bool = False) -> str:
    """``(Morrow, 1991)``, ``(Des Marais et al., 1992)``, ``(Liu, 2025)``, ``("Short title," 2025)``.

    ``initials``: the first author's initials too (``(J. Smith, 2020)``), for two first authors
    with one surname (APA 7, 8.20)."""
    a = _for_keys(entry)
    names = [n for n in (a.names("author") or a.names("editor"))]
    others = any(n.others for n in names)
    people = [n for n in names if not n.others]

    def surname(n) -> str:
        if n.literal and not n.is_cjk:
            return _group_romanized(n.raw, a.langid)[0]
        if n.is_cjk:
            return n.romanized()[0]
        return (n.particle + " " + n.family).strip() if n.particle else n.family

    if a.type in LEGAL_TYPES:
        # the case or statute name (italic for a case in print, APA 7, 11.4)
        t = _first_word_title(a) if not _is_latin(a.f("title")) else a.f("title")
        t = t[:1].upper() + t[1:]
        y = a.year()
        return f"({t}, {(y + extra) if y else 'n.d.'})"
    if not people:
        # the first words of the title (up to a colon), in title case; in quotation marks for
        # an article or chapter, plain (italic in print) for a stand-alone work
        t = _first_word_title(a)
        if ":" in t[:80]:
            t = t.split(":", 1)[0]
        words = t.split()
        short = title_case(" ".join(words[:4]).rstrip(" ,;:."))
        part_of_whole = a.type in ("incollection", "inproceedings", "inbook") or (
            a.type == "article" and not (is_news(a.sub) and outlet_kind(a.sub, a.f("journaltitle")) != "newspaper")
        )
        who = f"“{short},”" if part_of_whole else short
    elif initials and not (people[0].literal and not people[0].is_cjk):
        rest = citation(entry, edition, extra)[1:-1].rsplit(", ", 1)[0]
        who = (_initials(people[0]) + " " + rest).strip()
    elif len(people) == 1 and not others:
        who = surname(people[0])
    elif len(people) == 2 and not others:
        who = f"{surname(people[0])} & {surname(people[1])}"
    else:
        who = f"{surname(people[0])} et al."
    y = a.year()
    year = (y + extra) if y else ("n.d." + ("-" + extra if extra else ""))
    sep = " " if who.endswith(",”") else ", "
    return f"({who}{sep}{year})"
