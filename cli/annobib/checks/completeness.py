"""Completeness: the fields each entry type needs — per the biblatex data model, and per what
GB/T 7714 and APA 7 need to format the entry."""

from __future__ import annotations

from annobib.checks._util import guess_language, text_of, val
from annobib.checks.base import Fix, rule
from annobib.checks.form import KNOWN_LANGIDS
from annobib.model import FIELD_ALIASES

# Where a non-English entry may carry its English title for APA ("title [translation]").
# The first is the one annobib writes; the others are read (biblatex-apa and common recipes).
TRANSLATED_TITLE_FIELDS = (
    "title_translation",
    "title_translation_en",
    "titletranslation",
    "translatedtitle",
    "title_en",
    "entitle",
    "titleaddon",
    "usera",
    "origtitle",
    "title+an:translated",
)
_TRANSLATED_SET = frozenset(TRANSLATED_TITLE_FIELDS)
ONLINE_TYPES = frozenset({"online", "www", "electronic"})
IN_TYPES = frozenset(
    {"inbook", "incollection", "inproceedings", "inreference", "bookinbook", "suppbook", "suppcollection", "conference"}
)
NEEDS_DATE = frozenset(
    {
        "article",
        "book",
        "mvbook",
        "inbook",
        "bookinbook",
        "collection",
        "mvcollection",
        "incollection",
        "inproceedings",
        "conference",
        "proceedings",
        "mvproceedings",
        "report",
        "techreport",
        "thesis",
        "phdthesis",
        "mastersthesis",
        "patent",
        "periodical",
        "unpublished",
        "manual",
        "booklet",
    }
)
NEEDS_AUTHOR = frozenset(
    {
        "book",
        "mvbook",
        "inbook",
        "bookinbook",
        "incollection",
        "inproceedings",
        "conference",
        "thesis",
        "phdthesis",
        "mastersthesis",
        "unpublished",
        "patent",
    }
)
BOOK_TYPES = frozenset(
    {"book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference", "mvreference"}
)
THESIS_TYPES = frozenset({"thesis", "phdthesis", "mastersthesis"})
REPORT_TYPES = frozenset({"report", "techreport"})


def _is_news(e) -> bool:
    return (
        e.type == "article"
        and "entrysubtype" in e.fields
        and val(e, "entrysubtype").lower() in ("newspaper", "magazine")
    )


_LOOKED_UP: dict[tuple, frozenset] = {}  # names -> every field val() reads for them (aliases too)


def _has(e, *names) -> bool:
    looked = _LOOKED_UP.get(names)
    if looked is None:
        looked = _LOOKED_UP[names] = frozenset(a for n in names for a in (n, *FIELD_ALIASES.get(n, ())))
    if looked.isdisjoint(e.fields):
        return False  # none of them under any name: each val() would be '' (tiny entries, mostly)
    for n in names:
        v = val(e, n)
        if v and not v.isspace():
            return True
    return False


@rule(
    "E201",
    "missing-title",
    "completeness",
    "Every entry needs a title (biblatex, GB/T 7714, APA).",
    bad="@book{x, author = {Jervis, Robert}, date = {1976}}",
    good="@book{x, author = {Jervis, Robert}, title = {Perception and Misperception}, date = {1976}}",
    absent=("title", "crossref"),
)
def missing_title(R, e, ctx):
    if e.type in ("xdata", "set"):
        return None
    if not _has(e, "title") and not e.fields.get("crossref"):
        return [R.finding(e, "title", "the entry has no title; add title = {…}")]
    return None


@rule(
    "E202",
    "missing-journal",
    "completeness",
    "A journal or newspaper article needs the periodical's name (journaltitle, or BibTeX's journal).",
    bad="@article{x, author = {刘琳}, title = {…}, date = {2025}}",
    good="@article{x, author = {刘琳}, title = {…}, journaltitle = {世界知识}, date = {2025}}",
    types=("article",),
    absent=("journaltitle", "journal", "crossref"),
)
def missing_journal(R, e, ctx):
    if e.type == "article" and not _has(e, "journaltitle") and not e.fields.get("crossref"):
        what = "newspaper" if _is_news(e) else "journal"
        return [R.finding(e, "journaltitle", f"@article without a {what} name; add journaltitle = {{…}}")]
    return None


@rule(
    "E203",
    "missing-booktitle",
    "completeness",
    "A chapter or conference paper needs the title of the book or proceedings (booktitle). "
    "A paper presented at an event and not published (eventtitle, no booktitle) is exempt.",
    bad="@incollection{x, author = {A}, title = {Chapter}, date = {2006}}",
    good="@incollection{x, author = {A}, title = {Chapter}, booktitle = {Book}, date = {2006}}",
    types=tuple(IN_TYPES),
    absent=("booktitle", "crossref"),
)
def missing_booktitle(R, e, ctx):
    if e.type == "inproceedings" and _has(e, "eventtitle"):
        return None  # a paper presented, not published: eventtitle stands for the proceedings
    if e.type in IN_TYPES and not _has(e, "booktitle") and not e.fields.get("crossref"):
        return [R.finding(e, "booktitle", f"@{e.type} without booktitle (the book or proceedings it is in)")]
    return None


@rule(
    "E204",
    "online-without-url",
    "completeness",
    "A web page (@online) needs a url, doi or eprint (biblatex; GB/T 7714 and APA print it).",
    bad="@online{x, title = {Joint Statement}, date = {2025-01-22}}",
    good="@online{x, title = {Joint Statement}, date = {2025-01-22}, url = {https://www.state.gov/…}}",
    types=tuple(ONLINE_TYPES),
    absent=("url", "doi", "eprint"),
)
def online_url(R, e, ctx):
    if e.type in ONLINE_TYPES and not _has(e, "url", "doi", "eprint"):
        return [R.finding(e, "url", f"@{e.type} without a url (or doi/eprint); add url = {{…}}")]
    return None


@rule(
    "E205",
    "missing-date",
    "completeness",
    "Books, articles, chapters, reports and theses need a date (or year): GB/T 7714 cannot format them without one.",
    bad="@article{x, title = {…}, journaltitle = {世界知识}}",
    good="@article{x, title = {…}, journaltitle = {世界知识}, date = {2025}}",
    types=tuple(NEEDS_DATE),
    absent=("date", "year", "crossref"),
)
def missing_date(R, e, ctx):
    if e.type in NEEDS_DATE and not _has(e, "date") and not e.fields.get("crossref"):
        return [
            R.finding(
                e, "date", f"@{e.type}{' (news)' if _is_news(e) else ''} has no date; add date = {{YYYY[-MM[-DD]]}}"
            )
        ]
    return None


@rule(
    "W206",
    "online-without-date",
    "completeness",
    "A web page with neither a publication date nor an access date: APA prints (n.d.) and GB/T 7714 "
    "has no date at all. (With an access date it is the hint I218.)",
    bad="@online{x, title = {…}, url = {https://…}}",
    good="@online{x, title = {…}, url = {https://…}, date = {2025-03-28}, urldate = {2025-06-01}}",
    types=tuple(ONLINE_TYPES),
    absent=("date", "year"),
)
def online_date(R, e, ctx):
    if e.type in ONLINE_TYPES and not _has(e, "date") and not _has(e, "urldate"):
        return [
            R.finding(
                e,
                "date",
                "web page has no date and no access date (urldate) either; add date = {YYYY-MM-DD} if the page shows one",
            )
        ]
    return None


@rule(
    "I218",
    "online-undated",
    "completeness",
    "A web page with an access date but no publication date: many pages show none, and APA then "
    "prints (n.d.); add the date if the page shows one.",
    bad="@online{x, title = {…}, url = {https://…}, urldate = {2025-06-01}}",
    good="@online{x, title = {…}, url = {https://…}, date = {2025-03-28}, urldate = {2025-06-01}}",
    types=tuple(ONLINE_TYPES),
    absent=("date", "year"),
)
def online_undated(R, e, ctx):
    if e.type in ONLINE_TYPES and not _has(e, "date") and _has(e, "urldate"):
        return [
            R.finding(
                e, "date", "web page has no date (APA prints n.d.); add date = {YYYY-MM-DD} if the page shows one"
            )
        ]
    return None


@rule(
    "I207",
    "missing-urldate",
    "completeness",
    "A web page or online news item without an access date: GB/T 7714 requires the 引用日期 of "
    "online resources (biblatex urldate). A hint: footnotes rarely give one, and `annobib archive` "
    "fills it when it checks the link.",
    bad="@online{x, title = {…}, url = {https://…}, date = {2025-03-28}}",
    good="@online{x, title = {…}, url = {https://…}, date = {2025-03-28}, urldate = {2025-06-01}}",
    fields=("url",),
    absent=("urldate",),
)
def missing_urldate(R, e, ctx):
    if (e.type in ONLINE_TYPES or _is_news(e)) and _has(e, "url") and not _has(e, "urldate"):
        return [
            R.finding(
                e,
                "urldate",
                "online item has a url but no access date; add urldate = {YYYY-MM-DD} (when you last saw it)",
            )
        ]
    return None


@rule(
    "W208",
    "missing-author",
    "completeness",
    "Books, chapters, theses, conference papers, journal articles and @misc normally have an author "
    "(or editor); without one both styles move the title forward.",
    bad="@book{x, title = {世界权力的转移}, publisher = {北京大学出版社}, date = {2015}}",
    good="@book{x, author = {阎学通}, title = {世界权力的转移}, publisher = {北京大学出版社}, date = {2015}}",
    types=tuple(NEEDS_AUTHOR | {"article", "misc"}),
    absent=("author", "editor", "organization", "institution", "school", "bookauthor", "crossref"),
)
def missing_author(R, e, ctx):
    needs = e.type in NEEDS_AUTHOR or (e.type == "article" and not _is_news(e)) or e.type == "misc"
    if needs and not _has(e, "author", "editor", "organization", "institution", "bookauthor", "crossref"):
        if e.type == "misc" and not _has(e, "date", "howpublished", "url", "doi", "publisher", "note"):
            return [
                R.finding(
                    e,
                    "author",
                    "@misc with only a title: biblatex wants an author (or editor); add who wrote it, "
                    "and how it was published (howpublished, url)",
                )
            ]
        return [
            R.finding(e, "author", f"@{e.type} has no author or editor; add author = {{…}} (an organization in braces)")
        ]
    return None


@rule(
    "W219",
    "misc-without-date",
    "completeness",
    "A @misc without a date (or year): the biblatex data model requires one, and both styles need "
    "it to place the entry (APA prints n.d.).",
    bad="@misc{x, author = {{NATO}}, title = {Notes on the Alliance}}",
    good="@misc{x, author = {{NATO}}, title = {Notes on the Alliance}, date = {2020}}",
    types=("misc",),
    absent=("date", "year", "crossref"),
)
def misc_date(R, e, ctx):
    if e.type == "misc" and not _has(e, "date") and not e.fields.get("crossref"):
        return [R.finding(e, "date", "@misc has no date; add date = {YYYY[-MM[-DD]]} (biblatex requires one)")]
    return None


@rule(
    "W209",
    "missing-publisher",
    "completeness",
    "A book without a publisher: GB/T 7714 and APA both print the publisher.",
    bad="@book{x, author = {阎学通}, title = {…}, date = {2015}}",
    good="@book{x, author = {阎学通}, title = {…}, publisher = {北京大学出版社}, date = {2015}}",
    types=tuple(BOOK_TYPES),
    absent=("publisher", "crossref"),
)
def missing_publisher(R, e, ctx):
    if e.type in BOOK_TYPES and not _has(e, "publisher", "crossref"):
        return [R.finding(e, "publisher", f"@{e.type} has no publisher; add publisher = {{…}}")]
    return None


@rule(
    "I210",
    "missing-location",
    "completeness",
    "A book without a place of publication: GB/T 7714 prints it (or [出版地不详] / [S.l.]).",
    bad="@book{x, …, publisher = {北京大学出版社}}",
    good="@book{x, …, location = {北京}, publisher = {北京大学出版社}}",
    types=tuple(BOOK_TYPES),
    absent=("location", "address"),
)
def missing_location(R, e, ctx):
    if e.type in BOOK_TYPES and _has(e, "publisher") and not _has(e, "location"):
        return [R.finding(e, "location", f"@{e.type} has no location; GB/T 7714 prints the place of publication")]
    return None


@rule(
    "W211",
    "thesis-report-institution",
    "completeness",
    "A thesis or report needs the institution that issued it (biblatex institution, BibTeX school).",
    bad="@thesis{x, author = {某某}, title = {…}, type = {博士学位论文}, date = {2010}}",
    good="@thesis{x, …, institution = {北京大学国际关系学院}}",
    types=tuple(THESIS_TYPES | REPORT_TYPES),
    absent=("institution", "school", "organization", "publisher", "crossref"),
)
def institution(R, e, ctx):
    if (e.type in THESIS_TYPES or e.type in REPORT_TYPES) and not _has(
        e, "institution", "organization", "publisher", "crossref"
    ):
        return [R.finding(e, "institution", f"@{e.type} has no institution; add institution = {{…}}")]
    return None


@rule(
    "W212",
    "thesis-type",
    "completeness",
    "A @thesis needs its type (phdthesis, mathesis, or 博士学位论文 …); @phdthesis/@mastersthesis imply it.",
    bad="@thesis{x, author = {某某}, title = {…}, institution = {北京大学}, date = {2010}}",
    good="@thesis{x, …, type = {phdthesis}}",
    types=("thesis",),
    absent=("type",),
)
def thesis_type(R, e, ctx):
    if e.type == "thesis" and not _has(e, "type"):
        return [R.finding(e, "type", "@thesis has no type; add type = {phdthesis} (or mathesis, 博士学位论文 …)")]
    return None


@rule(
    "I213",
    "journal-article-locators",
    "completeness",
    "A journal article without pages, or without both volume and issue: GB/T 7714 and APA print them.",
    bad="@article{x, …, journaltitle = {世界知识}, date = {2025}}",
    good="@article{x, …, journaltitle = {世界知识}, date = {2025}, number = {10}, pages = {25-27}}",
    types=("article",),
)
def journal_locators(R, e, ctx):
    if e.type != "article" or _is_news(e) or not _has(e, "journaltitle"):
        return None
    f = e.fields
    if (f.get("pages") or f.get("eid")) and (f.get("volume") or f.get("number") or f.get("issue")):
        return None
    out = []
    if not _has(e, "pages", "eid"):
        out.append(R.finding(e, "pages", "journal article has no pages (or eid); add pages = {first-last}"))
    if not _has(e, "volume", "number", "issue"):
        out.append(R.finding(e, "number", "journal article has neither volume nor issue (number)"))
    return out


def _langid(e) -> str:
    return val(e, "langid").strip().lower()


# Scripts whose languages need langid most: without it a style cannot tell 等 from et al. or
# group the entry; a Latin-script title without langid is (most often) English, the default.
NON_LATIN_GUESSES = frozenset({"chinese", "japanese", "korean", "russian", "greek", "arabic"})


def _missing_langid(R, e, latin: bool):
    f = e.fields
    if e.type in ("xdata", "set") or (("langid" in f or "language" in f or "hyphenation" in f) and _has(e, "langid")):
        return None
    title = f.get("title") or f.get("journaltitle") or f.get("journal")
    if title and title[:1] in ("{", '"'):
        title = text_of(title)
    guess = guess_language(title) if title else None
    if (guess in NON_LATIN_GUESSES) == latin:
        return None
    if guess:
        said = _LANGID_ADVICE.get((R.code, guess))
        if said is None:  # one message and one (immutable) fix per language, shared by its entries
            said = _LANGID_ADVICE[(R.code, guess)] = (
                f"no langid; the title looks {guess}: add langid = {{{guess}}}",
                Fix("langid", guess, safe=False, description=f"add langid = {guess}"),
            )
        return [R.finding(e, "langid", said[0], said[1])]
    return [
        R.finding(
            e, "langid", "no langid; add langid = {english|french|german|…} (biblatex assumes the document's language)"
        )
    ]


@rule(
    "W214",
    "missing-langid",
    "completeness",
    "No langid on an entry whose title is in a non-Latin script (Chinese, Japanese, Korean, Cyrillic, "
    "Greek, Arabic): both styles need the language (等 or et al., sorting groups, APA romanization). "
    "The fix (--unsafe-fixes) adds the language the title's script points to. A Latin-script "
    "title without langid is I217.",
    fixable="unsafe",
    bad="@article{x, title = {美菲“肩并肩 2025”}}",
    good="@article{x, title = {美菲“肩并肩 2025”}, langid = {chinese}}",
    absent=("langid", "language", "hyphenation"),
)
def missing_langid(R, e, ctx):
    return _missing_langid(R, e, latin=False)


@rule(
    "I217",
    "missing-langid-latin",
    "completeness",
    "No langid on an entry whose title is in Latin script (or that has no title): a hint, since "
    "BibTeX exports (Google Scholar, Zotero) carry none and biblatex then assumes the document's "
    "language. The fix (--unsafe-fixes) adds english for an English-looking (ASCII) title.",
    fixable="unsafe",
    bad="@article{x, title = {Alliance Politics}}",
    good="@article{x, title = {Alliance Politics}, langid = {english}}",
    absent=("langid", "language", "hyphenation"),
)
def missing_langid_latin(R, e, ctx):
    return _missing_langid(R, e, latin=True)


_LANGID_ADVICE: dict[tuple, tuple] = {}


@rule(
    "I215",
    "missing-translated-title",
    "completeness",
    "A non-English entry without an English translation of its title: APA 7 prints "
    "'Original title [Translated title]'. Recorded in title_translation, the field "
    "'annobib format --style apa' prints (also read: titletranslation, translatedtitle, title_en, titleaddon, usera).",
    bad="@article{x, title = {美菲“肩并肩 2025”}, langid = {chinese}}",
    good="@article{x, title = {美菲“肩并肩 2025”}, title_translation = {Balikatan 2025 …}, langid = {chinese}}",
    fields=("langid", "language", "hyphenation"),
    absent=TRANSLATED_TITLE_FIELDS,
)
def translated_title(R, e, ctx):
    lang = _langid(e)
    said = _TRANSLATION_ADVICE.get(lang, False)
    if said is False:  # once per langid: None for the languages the rule leaves alone
        said = _TRANSLATION_ADVICE[lang] = _translation_advice(lang)
    if said is None:
        return None
    if not _has(e, "title"):
        return None
    fields = e.fields
    for f in _TRANSLATED_SET.intersection(fields):
        if text_of(fields[f]).strip():
            return None
    return [R.finding(e, "title_translation", said)]


def _translation_advice(lang: str) -> str | None:
    if not lang or lang.startswith(("english", "american", "british", "canadian", "australian", "newzealand", "en")):
        return None
    if lang not in KNOWN_LANGIDS:
        return None  # E318 says what to do first
    return f"{lang} entry has no English title for APA; add title_translation = {{…}}"


_TRANSLATION_ADVICE: dict[str, str | None] = {}


@rule(
    "W216",
    "empty-field",
    "completeness",
    "A field with an empty value says nothing; the fix removes it.",
    fixable="safe",
    bad="@book{x, title = {…}, publisher = {}}",
    good="@book{x, title = {…}}",
    on_empty=True,
)
def empty_field(R, e, ctx):
    values = e.fields.values()
    if "" not in values and "{}" not in values and '""' not in values and not any(map(str.isspace, values)):
        return None
    out = []
    for name, raw in e.fields.items():
        if raw in ("", "{}", '""') or raw.isspace():
            out.append(
                R.finding(
                    e,
                    name,
                    f"{name} is empty; fill it in or remove it",
                    Fix(name, None, description=f"remove empty {name}"),
                )
            )
    return out
