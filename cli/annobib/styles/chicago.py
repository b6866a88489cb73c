"""Chicago Manual of Style, 17th edition: notes and bibliography (14.1–14.306).

    format_entry(e, system="notes")         # a full note:   James D. Morrow, “Alliances …,” *AJPS* 35, no. 2 (1991): 904–33.
    format_entry(e, system="bibliography")  # a list entry:  Morrow, James D. “Alliances ….” *AJPS* 35, no. 2 (1991): 904–33.
    note(e, "short", locator="910")         # a later note:  Morrow, “Alliances and Asymmetry,” 910.

Choices where the manual leaves room: later notes are always the short form, never *Ibid.*
(17th ed., 14.34, discourages it); titles are printed as written (the manual's headline-style
capitalization is not forced on a sentence-case title); a news or magazine item is dated to the
day and ends with its URL. The same elements, with the periodical's ``Vol. 35, No. 2, 1991,
pp. 904-933`` numbering of Chinese social-science journals, are the Western notes of the
``cn-notes`` style (``variant="cn"``).
"""

from __future__ import annotations

import re

from annobib.core.months import MONTH_NAMES, SEASON_NAMES, split_date
from annobib.names import parse_names
from annobib.render.richtext import RichText, Run
from annobib.romanize import needs_romanization, suggest
from annobib.styles import _fields
from annobib.styles._outlets import is_news
from annobib.styles.apa import _get
from annobib.styles.gbt7714 import _decode_keep_braces
from annobib.styles.sorting import fold
from annobib.styles.template import Node, field, first_of, join, lead, optional, optional_field, sentence

SYSTEMS = ("notes", "bibliography")
# read neither the key nor the list position: answered once per distinct body (styles._samebody)
BODY_ONLY = ("sort_key", "citation")
BOOKS = {"book", "mvbook", "collection", "proceedings", "booklet", "manual"}
CHAPTERS = {"incollection", "inbook", "inproceedings", "conference"}
THESES = {"thesis", "phdthesis", "mastersthesis"}
REPORTS = {"report", "techreport"}


def _decode_names(value: str) -> str:
    return _decode_keep_braces(value).replace("\x02", "")


def names(entry, role: str = "author") -> tuple:
    value = entry.get(role)
    if not value:
        return ()
    return parse_names(_decode_names(value), (entry.get("langid") or "").lower() or None)


def forward(n) -> str:
    """``James D. Morrow``, ``Martin Luther King Jr.``, an organization as written."""
    if n.literal or n.is_cjk:
        return n.raw
    name = " ".join(p for p in (n.given, n.particle, n.family) if p)
    return f"{name} {n.suffix}" if n.suffix else name


def inverted(n) -> str:
    """``Morrow, James D.`` (the first name of a bibliography entry)."""
    if n.literal or n.is_cjk or not n.given:
        return forward(n)
    family = " ".join(p for p in (n.particle, n.family) if p)
    return f"{family}, {n.given}" + (f", {n.suffix}" if n.suffix else "")


def surname(n) -> str:
    if n.literal:
        return n.raw
    if n.is_cjk:  # a romanized CJK name is "Liu Lin": family name first
        return n.raw.split(" ", 1)[0] if n.raw.isascii() else n.raw
    return " ".join(p for p in (n.particle, n.family) if p)


def name_list(ns, first=forward, limit: int = 3, keep: int = 1) -> str:
    """Notes (14.76): one to three names in full, more as the first et al.; the bibliography
    (14.76) lists up to ten, else the first seven et al.; ``and others`` always ends in et al."""
    people = [n for n in ns if not n.others]
    if not people:
        return ""
    others = len(people) < len(ns)
    if len(people) > limit:
        people, others = people[:keep], True
    shown = [first(people[0])] + [forward(n) for n in people[1:]]
    if others:
        return ", ".join(shown) + (" et al." if len(shown) == 1 else ", et al.")
    if len(shown) == 1:
        return shown[0]
    if len(shown) == 2:
        return f"{shown[0]} and {shown[1]}"
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def _in_quotes(title: str) -> str:
    """A title in quotation marks; quotations inside it become single (Chicago 14.94)."""
    return "“" + title.replace("“", "‘").replace("”", "’") + "”"


def _romanized(ns: tuple, lang: str) -> tuple:
    """CJK persons as ``Liu Lin`` (family name first, no comma, Chicago 8.14-8.18)."""
    if not any(n.is_cjk for n in ns):
        return ns
    # looked up when called (tests patch it on its module)
    from dataclasses import replace

    out = []
    for n in ns:
        if n.is_cjk:
            fam, giv = n.romanized()
            if fam and fam.isascii():
                n = replace(n, raw=f"{fam} {giv}".strip())
        out.append(n)
    return tuple(out)


def long_date(entry) -> str:
    """``January 16, 2025``, ``May 2025``, ``2025``."""
    date = _fields.raw(entry, "date") or _fields.raw(entry, "year")
    parts = split_date(date)
    if not parts:
        return date or ""
    y, mo, d, season = parts
    if season:
        return f"{SEASON_NAMES[season - 1]} {y}"  # Chicago 14.171: "Spring 2020"
    if not mo:
        return y  # also an impossible month or day (``2020-13-45``)
    month = MONTH_NAMES[mo - 1]
    return f"{month} {d}, {y}" if d else f"{month} {y}"


def page_range(pages: str, abbreviate: bool) -> str:
    """``904-933`` -> ``904–33`` (Chicago 9.64) or ``904-933`` (kept, for cn-notes)."""
    m = re.fullmatch(r"\s*(\d+)\s*[-–—]+\s*(\d+)\s*", pages or "")
    if not m:
        return (pages or "").strip()
    a, b = m.groups()
    if not abbreviate:
        return f"{a}-{b}"
    if len(a) == len(b) and int(a) >= 100 and int(a) % 100:
        common = 0
        while common < len(a) - 2 and a[common] == b[common]:
            common += 1
        b = b[common:]
    return f"{a}–{b}"


class Values:
    """The elements of one Western work, as the templates read them (``field(name)``)."""

    def __init__(self, entry, variant: str = "chicago", locator: str | None = None):
        self.e = entry
        self.cn = variant == "cn"
        self.type = entry.type.lower()
        self.sub = (_fields.raw(entry, "entrysubtype") or "").lower()
        self.locator = (locator or "").strip()
        self.authors = names(entry, "author")
        self.editors = names(entry, "editor")
        self.lang = (entry.get("langid") or "").lower()
        if not self.cn:
            self.authors, self.editors = _romanized(self.authors, self.lang), _romanized(self.editors, self.lang)
        self.news = self.type == "article" and (is_news(self.sub) or self.sub == "magazine")

    def f(self, name: str) -> str:
        return _fields.field(self.e, name).strip()

    def field(self, name: str):
        return getattr(self, "_" + name.replace("-", "_"))()

    # -- who --------------------------------------------------------------------------------
    def _author(self):
        return name_list(self.authors) or self._editors_as_authors()

    def _author_inverted(self):
        return name_list(self.authors, inverted, 10, 7) or self._editors_as_authors(inverted)

    def _editors_as_authors(self, first=forward):
        if self.type not in BOOKS or not self.editors:
            return ""
        return name_list(self.editors, first) + (", ed." if len(self.editors) == 1 else ", eds.")

    def _short_author(self):
        people = [n for n in self.authors or (self.editors if self.type in BOOKS else ()) if not n.others]
        if not people:
            return ""
        if len(people) == 1 or len(people) > 3 or len(people) < len(self.authors):
            return surname(people[0]) + (" et al." if len(people) > 1 or len(people) < len(self.authors) else "")
        heads = [surname(n) for n in people]
        return " and ".join(heads) if len(heads) == 2 else ", ".join(heads[:-1]) + ", and " + heads[-1]

    def _in_editors_cn(self):
        """``in Robert O. Keohane, ed., *Book*`` (cn-notes' Western chapters)."""
        eds = name_list(self.editors)
        return (eds + (", ed." if len([n for n in self.editors if not n.others]) == 1 else ", eds.")) if eds else ""

    def _short_title_if_author(self):
        return self._short_title() if self._short_author() else ""

    def _in_editors(self):
        eds = name_list(self.editors)
        return ("ed. " + eds) if eds else ""

    # -- what -------------------------------------------------------------------------------
    def quoted(self) -> bool:
        """Part of a larger whole (article, chapter, news item, web page, brief in a series):
        title in quotation marks; a stand-alone work's is in italics."""
        if self.type in CHAPTERS or self.type in THESES or self.type in ("article", "online", "webpage", "misc"):
            return True
        return self.type in REPORTS and bool(self.f("type")) and bool(self.f("number"))

    def roman(self, name: str) -> str:
        """A field in Latin letters (Chicago 11.83, 14.102): ``{name}_romanized`` when set, else
        a suggested romanization (pinyin, Hepburn for kana); cn-notes prints the original."""
        value = self.f(name)
        if self.cn or not value:
            return value

        if not needs_romanization(value):
            return value
        rom = _get(self.e, f"{name}_romanized")
        if rom:
            return _fields.decode(rom)
        text, complete = suggest(value, self.lang)
        if not complete:
            return value
        if name == "title":
            return text[:1].upper() + text[1:]
        return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))

    def _title(self):
        t = self.roman("title")
        if not t:
            return ""
        if t != self.f("title"):
            tr = _get(self.e, "title_translation")
            if tr:
                t += " [" + _fields.decode(tr) + "]"
        return _in_quotes(t) if self.quoted() else RichText(Run(t, True))

    def _short_title(self):
        t = self.roman("title")
        if ":" in t:
            t = t.split(":", 1)[0]
        words = t.split()
        short = " ".join(words[:4]) if len(words) > 4 else t
        short = short.rstrip(" ,;:.")
        if short.count("“") > short.count("”"):
            short = short.split("“", 1)[0].rstrip(" ,;:.") or short  # never end inside a quotation
        return _in_quotes(short) if self.quoted() else RichText(Run(short, True))

    def _container(self):
        j = self.roman("journaltitle") or self.roman("booktitle")
        return RichText(Run(j, True)) if j and (self.type == "article" or self.type in CHAPTERS) else ""

    def _site(self):
        """A web page's site or owner, unless it is the author (the Department's own page)."""
        site = self.f("organization") or self.f("publisher") or self.f("journaltitle")
        if not site or any(n.literal and n.raw.strip() == site for n in self.authors):
            return ""
        return site

    def _date(self):
        return long_date(self.e)

    def _year(self):
        return self.e.year or ""

    def _volume(self):
        return self.f("volume")

    def _number(self):
        return self.f("number")

    def _pages(self):
        return page_range(self.f("pages"), abbreviate=not self.cn)

    def _locator(self):
        if not self.locator:
            return ""
        if not self.cn:
            return self.locator
        many = re.search(r"\d\s*[-–—,]\s*\d", self.locator)
        return ("pp. " if many else "p. ") + self.locator.replace("–", "-").replace("—", "-")

    def _cn_pages(self):
        """cn-notes: the cited page, else the article's range: ``pp. 904-933``."""
        if self.locator:
            return self._locator()
        p = self._pages()
        return (("pp. " if "-" in p else "p. ") + p) if p else ""

    def _url(self):
        doi = _fields.raw(self.e, "doi")
        if doi:
            doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
            target = "https://doi.org/" + doi
            return RichText(Run(target, url=target))
        url = _fields.raw(self.e, "url")
        return RichText(Run(url, url=url)) if url else ""

    def _publication(self):
        """``Ithaca, NY: Cornell University Press, 1987`` (its parts as far as known)."""
        place = self.f("location") or self.f("address")
        pub = self.f("publisher") or self.f("institution") or self.f("school")
        if pub and any(n.literal and n.raw.strip() == pub for n in self.authors):
            pub = ""  # the group author published it itself
        date = self._date() if self.type in REPORTS or self.type in ("online", "misc") else self._year()
        head = f"{place}: {pub}" if place and pub else (place or pub)
        return ", ".join(p for p in (head, date) if p)

    def _series(self):
        """A report in a series: ``Quincy Brief no. 75`` (Chicago) / ``Quincy Brief, No. 75`` (cn)."""
        kind, num = self.f("type"), self.f("number")
        if self.type not in REPORTS or not (kind or num):
            return ""
        if self.cn:
            return ", ".join(p for p in (kind, f"No. {num}" if num else "") if p)
        return " ".join(p for p in (kind or "Report", f"no. {num}" if num else "") if p)

    def _thesis(self):
        if self.type not in THESES:
            return ""
        phd = self.type == "phdthesis" or re.search(r"ph\.?d|doct", self.f("type"), re.I)
        return ", ".join(
            p
            for p in (
                "PhD diss." if phd else "Master’s thesis",
                self.f("school") or self.f("institution"),
                self._year(),
            )
            if p
        )

    def _edition(self):
        ed = self.f("edition")
        if not ed:
            return ""
        # here: the name is rebound in this module
        from annobib.styles.apa import _edition

        return _edition(ed)

    def _translator(self):
        tr = name_list(names(self.e, "translator"))
        return ("trans. " + tr) if tr else ""


def _kind(ctx) -> str:
    t = ctx.type
    if t == "article":
        return "news" if ctx.news else "article"
    if t in CHAPTERS:
        return "chapter"
    if t in THESES:
        return "thesis"
    if t in BOOKS:
        return "book"
    if t in REPORTS:
        return "series" if ctx.quoted() else "book"
    return "web"


def _by_kind(children, ctx, **templates):
    return templates[_kind(ctx)].run(ctx)


def _quote_punctuation(pieces: list) -> list:
    """American usage: a comma or period after a closing quotation mark goes inside it
    (``“Title,” Reuters``); a title ending in ? or ! takes neither (``“… economy?” BBC``)."""
    out = list(pieces)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if type(b) is str and b[:1] == "." and (a if type(a) is str else a.text).endswith("."):
            out[i + 1] = b = b[1:]  # "Morrow, James D." closes its own element
        if type(a) is not str or type(b) is not str or not a.endswith("”") or b[:1] not in (",", "."):
            continue
        if a[-2:-1] in ("?", "!"):
            out[i + 1] = b[1:]
        else:
            out[i], out[i + 1] = a[:-1] + b[0] + "”", b[1:]
    return [p for p in out if p != ""]


def _american(children, ctx, **options):
    inner = sentence(**options)[children].run(ctx)
    return inner if not inner else _quote_punctuation(inner)


def _compile_american(children, **options):
    """``_american`` with its sentence built and compiled once, not once per entry."""
    inner = sentence(**options)[children]

    def run(ctx):
        out = inner.run(ctx)
        return out if not out else _quote_punctuation(out)

    return run


_american.compile = _compile_american  # type: ignore[attr-defined]


american = Node("american", _american)


def _loc(name="locator"):
    return optional_field(name)


_PLACE = optional["(", field("publication"), ")"]
# Chicago notes (14.15-14.29)
NOTE = american[
    Node("by_kind", _by_kind)(
        article=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            join(sep=" ")[
                optional_field("container"),
                optional_field("volume"),
                lead(", ", optional[join["no. ", field("number")]]),
                optional["(", field("year"), ")"],
            ],
            lead(": ", first_of[field("locator"), optional_field("pages")]),
        ],
        news=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("container"),
            optional_field("date"),
            optional_field("locator"),
            optional_field("url"),
        ],
        chapter=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            join(sep=", ")[optional["in ", field("container")], optional_field("in_editors")],
            lead(" ", _PLACE),
            _loc(),
            optional_field("url"),
        ],
        thesis=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            lead(" ", optional["(", field("thesis"), ")"]),
            _loc(),
            optional_field("url"),
        ],
        book=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("edition"),
            optional_field("translator"),
            lead(" ", _PLACE),
            _loc(),
            optional_field("url"),
        ],
        series=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("series"),
            lead(" ", _PLACE),
            _loc(),
            optional_field("url"),
        ],
        web=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("site"),
            optional_field("date"),
            _loc(),
            optional_field("url"),
        ],
    )
]
# The same, as Chinese social-science journals print Western works: ``Vol. 35, No. 2, 1991,
# pp. 904-933``; publication data without parentheses.
CN_NOTE = american[
    Node("by_kind", _by_kind)(
        article=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("container"),
            optional[join["Vol. ", field("volume")]],
            optional[join["No. ", field("number")]],
            optional_field("year"),
            optional_field("cn_pages"),
            optional_field("url"),
        ],
        news=NOTE.children[0].options["news"],
        chapter=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            join(sep=", ")[optional["in ", field("in_editors_cn")], optional_field("container")],
            optional_field("publication"),
            _loc(),
            optional_field("url"),
        ],
        thesis=NOTE.children[0].options["thesis"],
        book=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("edition"),
            optional_field("translator"),
            optional_field("publication"),
            _loc(),
            optional_field("url"),
        ],
        series=join(sep=", ")[
            optional_field("author"),
            optional_field("title"),
            optional_field("series"),
            optional_field("date"),
            _loc(),
            optional_field("url"),
        ],
        web=NOTE.children[0].options["web"],
    )
]
SHORT = american[
    join(sep=", ")[
        first_of[field("short_author"), field("short_title")], optional_field("short_title_if_author"), _loc()
    ]
]
# Chicago bibliography entries (14.68-): elements closed by periods, the first name inverted
BIBLIOGRAPHY = american(sep=". ")[
    optional_field("author_inverted"),
    optional_field("title"),
    Node("by_kind", _by_kind)(
        article=join(sep=" ")[
            optional_field("container"),
            optional_field("volume"),
            lead(", ", optional[join["no. ", field("number")]]),
            optional["(", field("year"), ")"],
            lead(": ", optional_field("pages")),
        ],
        news=join(sep=", ")[optional_field("container"), optional_field("date")],
        chapter=join(sep=". ")[
            join(sep=", ")[optional["In ", field("container")], optional_field("in_editors")],
            optional_field("publication"),
        ],
        thesis=optional_field("thesis"),
        book=join(sep=". ")[optional_field("edition"), optional_field("translator"), optional_field("publication")],
        series=join(sep=". ")[optional_field("series"), optional_field("publication")],
        web=join(sep=", ")[optional_field("site"), optional_field("date")],
    ),
    optional_field("url"),
]


def note(entry, form: str = "full", locator: str | None = None, variant: str = "chicago") -> RichText:
    """One note: ``full`` (first citation), ``short`` (later ones) or ``ibid`` (the same work
    as the note before: ``Ibid., p. 25.`` — used by cn-notes only)."""
    ctx = Values(entry, variant, locator)
    if form == "ibid":
        loc = ctx._locator()
        return RichText("Ibid." if not loc else f"Ibid., {loc}.")
    template = SHORT if form == "short" else (CN_NOTE if variant == "cn" else NOTE)
    out = template.format(ctx)
    out.lang = "en"
    return out


def format_entry(
    entry, edition: str = "17", system: str = "notes", extra: str = "", warnings: list | None = None
) -> RichText:
    """A full note (``system="notes"``) or a bibliography entry (``"bibliography"``)."""
    if system == "bibliography":
        out = BIBLIOGRAPHY.format(Values(entry))
        out.lang = "en"
        return out
    return note(entry, "full")


def sort_key(entry, index: int = 0, edition: str = "17") -> tuple:
    """Bibliography order (14.65): by the first author's surname (inverted name), then title."""

    ctx = Values(entry)
    head = ctx._author_inverted() or ctx.f("title")
    head = re.sub(r"^(the|a|an)\s+", "", head, flags=re.I) if not ctx._author_inverted() else head
    return (fold(head), ctx._year())


def group_key(entry, edition: str = "17") -> tuple:
    return (entry.key,)  # no 2025a/2025b letters in notes and bibliography


def citation(entry, edition: str = "17", extra: str = "") -> str:
    """The short note, as the in-text form of a notes style."""
    return note(entry, "short").plain
