"""GB/T 7714 layouts on the template layer (:mod:`annobib.styles.template`): the rich text of
each entry type, built directly.

Elements stand in blocks separated by ``. `` (the ``blocks`` node), within a block by a comma,
some joined by their own punctuation (``:`` before pages, nothing before ``(issue)``); an element
with no data drops together with the punctuation that introduces it, and a contribution's part and
its host join with ``//``. ``_TEMPLATES`` maps entry types to the functions choosing a layout;
``_Values`` supplies the elements, punctuated for the edition.
"""

from __future__ import annotations

from functools import lru_cache

from annobib.render.richtext import RichText, Run
from annobib.styles._gbt_entry import LANG_ZH, SUBTYPE_IDS, _Entry, str_lang
from annobib.styles._legal import case_citation, is_social_post
from annobib.styles._outlets import is_news, outlet_kind
from annobib.styles.template import field, join, lead, node, optional_field, sentence, words


def _set_type_id(x: _Entry, default: str) -> None:
    if x.type_id:
        return
    tid = x.r("entrytypeid")
    if tid:
        x.type_id = tid
        return
    sub = (x.r("entrysubtype") or "").lower()
    if sub:
        x.type_id = SUBTYPE_IDS.get(sub, default)
        return
    mark = x.r("mark")
    x.type_id = mark or default


def _ends_block(pieces: list) -> bool:
    for p in reversed(pieces):
        text = (p if type(p) is str else p.text).rstrip().rstrip("}")
        if text:
            return text[-1] in ".?!？！"
    return True


@node
def blocks(children, ctx, final=True):
    """GB/T's blocks (``Author. Title[M]. Place: Publisher, 2020.``): each non-empty child closed
    with a period (unless it already ends a sentence) and a space; ``final=False`` leaves the last
    one open for the ``//`` of a contribution. A required field missing inside one block empties
    that block alone."""
    out: list = []
    for child in children:
        pieces = child.run(ctx)
        if not pieces:
            continue
        if out:
            if not _ends_block(out):
                out.append(".")
            out.append(" ")
        out.extend(pieces)
    if out and final and not _ends_block(out):
        out.append(".")
    return out


class _Values:
    """The elements GB/T templates read (``field(name)``), styled and punctuated for the edition;
    an element with nothing to show is empty, and the template drops it with its separator.
    ``name/arg/…`` passes arguments; ``val/NAME`` reads a value the type's dispatcher computed."""

    def __init__(self, x: _Entry):
        self.x = x

    def field(self, name: str):
        got = _SPLIT.get(name)
        if got is None:  # "names/editor/author": the method and its arguments, split once
            head, *args = name.split("/")
            got = _SPLIT[name] = (_GETTERS[head], tuple(args))
        fn, args = got
        return fn(self, *args) if args else fn(self)

    def _val(self, name):
        return self.x.vals.get(name, "")

    def _names(self, role="author", alt="author"):
        return self.x.names(role) or self.x.names(alt)

    def _names_or_anonymous(self, role="author", alt="author"):
        return self._names(role, alt) or self.x.anonymous()

    def _btitle(self):
        return self.x.btitle()

    def _edition(self):
        return self.x.edition()

    def _version(self):
        return self.x.version()

    def _publisher(self):
        return self.x.address_publisher()

    def _year(self):
        return self.x.date()

    def _full_date(self):
        return self.x.full_date()

    def _book_pages(self):
        return self.x.pages()

    def _web_publisher(self):
        """A web page's publisher element only when a publisher is named (an institution alone
        is not shown there), with its year and pages."""
        return self.x.address_publisher() if self.x.has("publisher") else ""

    def _web_year(self):
        return self.x.date() if self.x.has("publisher") else ""

    def _web_pages(self):
        return self.x.pages() if self.x.has("publisher") else ""

    def _created(self):
        return self.x.creation_date()

    def _urldate(self):
        return self.x.urldate()

    def _label_date(self):
        return self.x.lab_date()

    def _title(self):
        return self.x.title()

    def _translators(self):
        return self.x.translators()

    def _journal(self):
        return self.x.journal()

    def _host_names(self):
        """The host's responsible party after ``//``: its bookauthor (an ``inbook``) or editors."""
        x = self.x
        if not x.has("booktitle"):
            return ""
        return (x.vals.get("with_bookauthor") and x.names("bookauthor")) or x.names("editor")

    def _host_title(self):
        return self.x.series_volume_booktitle() if self.x.has("booktitle") else ""

    def _issue_date(self):
        """The year; the full date for a newspaper, or a dated item with no volume or issue
        (not a magazine: its date goes in the year slot as the year)."""
        x = self.x
        if x.type_id == "N":
            return x.full_date()
        magazine = (x.r("entrysubtype") or "").lower() == "magazine"
        if not x.has("volume") and not x.has("number") and len(x._date_field()) > 9 and not magazine:
            return x.full_date()
        return x.date()

    def _volume(self):
        return "" if self.x.type_id == "N" else self.x.f("volume")

    def _number(self):
        n = self.x.f("number")
        return self.x.p.paren(n) if n and self.x.type_id != "N" else ""

    def _pages(self):
        return "" if self.x.type_id == "N" else (self.x.pages() or self.x.f("eid"))

    def _news_pages(self):
        p = self.x.pages()
        return self.x.p.paren(p) if p and self.x.type_id == "N" else ""

    def _access(self):
        """2015: ``[YYYY-MM-DD]`` after the date and pages of an online item."""
        x = self.x
        return x.urldate() if x.opts.edition == "2015" and (x.url or x.doi or x.cstr) and x.has("urldate") else ""

    def _url(self):
        u = self.x.url_out()
        return Run(u, url=u) if u else ""

    def _doi(self):
        x = self.x
        d = x.doi_out()
        if not d:
            return ""
        target = "https://doi.org/" + x.doi if d.startswith("DOI:") else "https://cstr.cn/" + x.cstr
        label, value = d.split(":", 1)
        return RichText(label + ":", Run(value, url=target))


_GETTERS = {k[1:]: v for k, v in vars(_Values).items() if k.startswith("_") and not k.startswith("__")}
_SPLIT: dict[str, tuple] = {}  # template field name -> (getter, its arguments): a few dozen names


def _opt(name: str):
    return optional_field(name)


def _authors_template(comma: str, author_date: bool, role: str = "author", alt: str = "author"):
    """Author-date: the names (佚名/Anon when none) and the year; numeric: the names alone."""
    names = f"{role}/{alt}"
    if author_date:
        return sentence(sep="")[join(sep=comma)[field("names_or_anonymous/" + names), _opt("label_date")]]
    return sentence(sep="")[_opt("names/" + names)]


def _links_template():
    return sentence(sep="")[_opt("url")], sentence(sep="")[_opt("doi")]


def _pub(comma: str, colon: str, date: str = "year"):
    """出版地: 出版者, 出版年: 页码[引用日期] — one block; a missing element takes its separator."""
    return join(sep=comma)[_opt("publisher"), _opt(date), lead(colon, _opt("book_pages")), lead("", _opt("access"))]


@lru_cache(maxsize=16)
def _book_template(comma: str, colon: str, author_date: bool, role: str, alt: str):
    """主要责任者. 题名[M]. 译者. 版本项. 出版地: 出版者, 出版年: 页码[引用日期]. URL. DOI."""
    return words[
        (
            _authors_template(comma, author_date, role, alt),
            sentence(sep="")[_opt("btitle")],
            sentence(sep="")[_opt("translators")],
            sentence(sep="")[_opt("edition")],
            sentence(sep="")[_pub(comma, colon)],
        )
        + _links_template()
    ]


@lru_cache(maxsize=8)
def _webpage_template(comma: str, colon: str, author_date: bool):
    """主要责任者. 题名[EB/OL]. 出版地: 出版者, 出版年: 页码(更新日期)[引用日期]. URL. DOI."""
    return words[
        (
            _authors_template(comma, author_date),
            sentence(sep="")[_opt("btitle")],
            sentence(sep="")[
                join(sep=comma)[
                    _opt("web_publisher"),
                    _opt("web_year"),
                    lead(colon, _opt("web_pages")),
                    lead("", _opt("created")),
                    lead("", _opt("urldate")),
                ]
            ],
        )
        + _links_template()
    ]


@lru_cache(maxsize=8)
def _periodical_template(comma: str, colon: str, author_date: bool):
    """主要责任者. 题名[J]. 译者. 刊名, 年, 卷(期): 页码[引用日期]. URL. DOI.  (a newspaper:
    刊名, 日期(版次)); blocks end with a period, each element brings its own separator."""
    return words[
        (
            _authors_template(comma, author_date),
            sentence(sep="")[_opt("title")],
            sentence(sep="")[_opt("translators")],
            sentence(sep="")[
                join(sep=comma)[
                    _opt("journal"),
                    _opt("issue_date"),
                    _opt("volume"),
                    lead("", _opt("number")),
                    lead("", _opt("news_pages")),
                    lead(colon, _opt("pages")),
                    lead("", _opt("access")),
                ]
            ],
        )
        + _links_template()
    ]


@lru_cache(maxsize=128)
def _blocks_template(comma: str, colon: str, author_date: bool, layout: str, role: str = "author", alt: str = "author"):
    """The other types: the authors, then the blocks ``layout`` names, then URL and DOI."""
    url, doi = _opt("url"), _opt("doi")
    head = join(sep=comma)[field("names_or_anonymous/" + role + "/" + alt), _opt("label_date")]
    if not author_date:
        head = _opt(f"names/{role}/{alt}")
    if layout == "standard2025":  # 2025: 标准号 标准名称[S]; the authors only in author-date lists
        number = join[_opt("val/number"), lead(" ", _opt("btitle"))]
        return blocks[head, number, url, doi] if author_date else blocks[number, url, doi]
    if layout in ("contribution", "proceedings-paper", "event-paper"):
        # 析出文献主要责任者. 析出文献题名[C]. 译者//主要责任者. 题名. 版本. 出版项. URL. DOI.
        head_blocks = (head, _opt("title")) + ((_opt("translators"),) if layout == "contribution" else ())
        open_part = blocks(final=False)[head_blocks]
        if layout == "event-paper":  # no proceedings volume: the event's name after //
            event = join(sep=comma)[
                _opt("val/eventtitle"), _opt("year"), lead(colon, _opt("book_pages")), lead("", _opt("access"))
            ]
            return join(sep="//")[open_part, blocks[event, url, doi]]
        host = blocks[_opt("host_names"), _opt("host_title"), _opt("edition"), _pub(comma, colon), url, doi]
        return join(sep="//")[open_part, host]
    middle = {
        # 档案: 2015 gives the year and (the full date); 2025 the full date
        "archive": (
            _opt("btitle"),
            join(sep=comma)[
                _opt("publisher"),
                _opt("val/date"),
                lead("", _opt("val/created")),
                lead(colon, _opt("book_pages")),
                lead("", _opt("access")),
            ],
        ),
        # 数据集, 预印本: 题名. 版本. 来源(发布日期)[引用日期]
        "versioned": (
            _opt("val/title"),
            _opt("version"),
            join[_opt("val/source"), lead("", _opt("created")), lead("", _opt("urldate"))],
        ),
        "patent": (_opt("title"), join[_opt("full_date"), lead(colon, _opt("book_pages")), lead("", _opt("access"))]),
        "periodical": (
            _opt("title"),
            _opt("val/volume"),
            join(sep=comma)[_opt("publisher"), _opt("year"), lead("", _opt("access"))],
        ),
        "thesis": (_opt("btitle"), _pub(comma, colon)),
        "report-dated": (_opt("btitle"), _pub(comma, colon, "val/date")),  # no publisher: the date
        "report-web": (_opt("btitle"), join[_opt("created"), lead("", _opt("urldate"))]),
        "map": (_opt("btitle"), _opt("edition"), _pub(comma, colon), _opt("val/dimensions")),
        "case": (_opt("val/title"), join(sep=comma)[_opt("val/court"), _opt("val/date"), lead("", _opt("access"))]),
        "law": (_opt("btitle"), join(sep=comma)[_opt("publisher"), _opt("full_date")]),
    }[layout]
    return blocks[(head,) + middle + (url, doi)]


def _render(x: _Entry, layout: str, role: str = "author", alt: str = "author") -> None:
    x.rich = _blocks_template(x.p.comma, x.p.colon, x.opts.author_date, layout, role, alt).format(_Values(x))


def t_article_journal(x: _Entry) -> None:
    """Journal and newspaper articles (``_periodical_template``)."""
    _set_type_id(x, "J")
    date_full = len(x._date_field()) > 9
    if not x.has("volume") and not x.has("number") and x.url and date_full and x.type_id == "J":
        x.require_url = True
    x.rich = _periodical_template(x.p.comma, x.p.colon, x.opts.author_date).format(_Values(x))


def t_archive(x: _Entry) -> None:
    _set_type_id(x, "A")
    if x.opts.edition == "2015":
        # 2015: year, then (full date) for a dated document
        x.vals["date"] = x.date()
        if x._date_field() and x._date_field() != x._year_field():
            x.vals["created"] = x.creation_date()
    else:
        x.vals["date"] = x.full_date()
    _render(x, "archive")


def _book_like(x: _Entry, default: str, role: str, alt: str | None = None) -> None:
    """A whole book or proceedings volume: the same layout, its own code and responsible party."""
    _set_type_id(x, default)
    x.rich = _book_template(x.p.comma, x.p.colon, x.opts.author_date, role, alt or role).format(_Values(x))


def t_book(x: _Entry) -> None:
    _book_like(x, "M", "author", "editor")


def t_dataset(x: _Entry, default: str = "DS") -> None:
    _set_type_id(x, default)
    x.vals.update(title=x.btitle(), source=x.f("publisher"))
    _render(x, "versioned")


def _contribution(x: _Entry, with_bookauthor: bool) -> None:
    """A part of a book: 析出文献 // the host (its bookauthor first when asked and given)."""
    _set_type_id(x, "M")
    x.vals["with_bookauthor"] = with_bookauthor
    _render(x, "contribution")


def t_incollection(x: _Entry) -> None:
    _contribution(x, with_bookauthor=False)


def t_inbook(x: _Entry) -> None:
    if not x.has("booktitle"):
        return t_book(x)
    _contribution(x, with_bookauthor=True)


def t_inproceedings(x: _Entry) -> None:
    _set_type_id(x, "C")
    if not x.has("booktitle"):
        x.vals["eventtitle"] = x.punct(x.f("eventtitle"))
        return _render(x, "event-paper")
    _render(x, "proceedings-paper")


def t_patent(x: _Entry) -> None:
    _set_type_id(x, "P")
    _render(x, "patent", "holder" if x.has("holder") else "author")


def t_periodical(x: _Entry) -> None:
    _set_type_id(x, "J")
    v = x.f("volume") or x.f("number")
    x.vals["volume"] = x._dash_year(x.punct(v)) if v else ""
    _render(x, "periodical", "editor", "editor")


def t_proceedings(x: _Entry) -> None:
    _book_like(x, "C", "editor")


def t_preprint(x: _Entry) -> None:
    x.require_url = True
    if x.opts.edition == "2015" and not x.has("entrytypeid"):
        # 2015 has no preprint code [PP]: a preprint server's page is an electronic resource
        x.type_id = x.type_id or "EB"
        if not x.url and x.doi:
            x.url = "https://doi.org/" + x.doi
        return t_webpage(x)
    _set_type_id(x, "PP")
    prefix = x.f("archiveprefix") or x.f("eprinttype")
    if not prefix:
        j = x.f("journaltitle") or x.f("shortjournal")
        prefix = "arXiv" if j.lower().startswith("arxiv") else ""
    elif prefix.lower() == "arxiv":
        prefix = "arXiv"
    elif prefix.lower() == "pubmed":
        prefix = "PubMed"
    if not x.url and prefix == "arXiv" and x.has("eprint"):
        x.url = "https://arxiv.org/abs/" + x.r("eprint")
    x.vals.update(title=x.title(), source=prefix)
    _render(x, "versioned")


def t_thesis(x: _Entry) -> None:
    _set_type_id(x, "D")
    _render(x, "thesis")


def t_techreport(x: _Entry) -> None:
    _set_type_id(x, "R")
    if x.has("institution") or x.has("publisher"):
        return _render(x, "thesis")
    if x.opts.edition == "2015" and (x.url or x.doi) and x._date_field():
        return _render(x, "report-web")  # 2015: (date)[access date] like a web page
    x.vals["date"] = x.date() if x.opts.edition == "2015" else x.full_date()
    _render(x, "report-dated")


def t_webpage(x: _Entry) -> None:
    x.require_url = True
    _set_type_id(x, "EB")
    x.rich = _webpage_template(x.p.comma, x.p.colon, x.opts.author_date).format(_Values(x))


def t_misc(x: _Entry) -> None:
    if x.has("eprint") or x.has("archiveprefix") or x.has("eprinttype"):
        return t_preprint(x)
    if not x.url:
        _set_type_id(x, "Z")
        return t_book(x)
    return t_webpage(x)


def t_article(x: _Entry) -> None:
    sub = (x.r("entrysubtype") or "").lower()
    if is_news(sub):
        kind = outlet_kind(sub, x.f("journaltitle"))
        if kind != "newspaper" and x.url and not x.has("entrytypeid"):
            # a news agency's or news website's page is a web page: [EB/OL], the outlet in the
            # publisher's place (中国新闻网，2025（2025-02-22）), with or without an author
            x.type_id = "EB"
            if not x.has("publisher") and x.has("journaltitle"):
                x._raw["publisher"] = x.r("journaltitle")
            return t_webpage(x)
        x.type_id = "N"
        return t_article_journal(x)
    j = x.f("journaltitle") or x.f("shortjournal")
    if not j:
        if x.has("archiveprefix") or x.has("eprinttype") or x.has("eprint"):
            return t_preprint(x)
        return t_article_journal(x)
    if j.lower().startswith("arxiv"):
        return t_preprint(x)
    return t_article_journal(x)


def t_collection(x: _Entry) -> None:
    _set_type_id(x, "G")
    return t_book(x)


def t_map(x: _Entry) -> None:
    _set_type_id(x, "CM")
    if x.has("booktitle"):
        return t_incollection(x)
    x.vals["dimensions"] = x.f("dimensions").replace("x", "×")
    _render(x, "map")


def t_newspaper(x: _Entry) -> None:
    x.type_id = "N"
    return t_article_journal(x)


def t_online(x: _Entry) -> None:
    if x.has("eprint") or x.has("archiveprefix") or x.has("eprinttype"):
        return t_preprint(x)
    if is_social_post(x.type, x.f("organization")):
        x.keep_case = True  # the post's text as written
    return t_webpage(x)


def t_jurisdiction(x: _Entry) -> None:
    """A court decision or award (GB/T has no type for it): ``题名：判例出处或案号[Z]. 法院，日期.``

    The case name is kept as written; the reporter citation (``585 U.S. 667``), neutral citation
    (``[2016] UKSC 8``) or case number follows the title like a report number; the court takes the
    publisher's place (unless the citation names it) and the date is given in full; online: ``[Z/OL]``
    and the URL (2015: with the access date)."""
    _set_type_id(x, "Z")
    x.keep_case = True
    x.numbered = False
    segs = x._title_text()
    court = x.f("institution") or x.f("organization") or x.f("court")
    year = (x.full_date() or "")[:4]
    cite, court_named = case_citation(
        str_lang(x.f("title")) != LANG_ZH and not x.cjk,
        x.f("journaltitle") or x.f("reporter"),
        x.f("volume"),
        x.f("pages"),
        x.f("number"),
        court,
        year,
    )
    title = x.punct(x._case(segs)) if segs else ""
    if cite:
        title = (title + x.p.colon if title else "") + (x.punct(cite) if x.cjk else cite)
    date = x.full_date()
    if (court_named and f"[{date}]" in cite) or (x.opts.author_date and len(date) == 4):
        date = ""  # a neutral citation ``[2016] UKSC 8`` or the author-date label gives the year
    x.vals.update(title=title + x.type_id_bracket(), court="" if court_named else x.punct(court), date=date)
    _render(x, "case")


def t_legislation(x: _Entry) -> None:
    """A law or regulation: ``制定机关. 题名：文号[Z]. 日期.``; online: the gazette or government
    page, ``[EB/OL]`` with (date)[access date] and the URL. ``[A]`` (archives) is not used."""
    x.numbered = True
    x.keep_case = True  # the name of an act is a proper title
    if x.url or x.doi or x.cstr:
        return t_webpage(x)
    _set_type_id(x, "Z")
    _render(x, "law")


def t_software(x: _Entry) -> None:
    _set_type_id(x, "CP")
    return t_webpage(x)


def t_standard(x: _Entry) -> None:
    _set_type_id(x, "S")
    if x.opts.edition == "2015":
        # 2015: 主要责任者. 标准名称: 标准号[S]. 出版地: 出版者, 出版年.
        x.numbered = True
        if x.has("booktitle"):
            return t_incollection(x)
        return _render(x, "thesis")
    x.vals["number"] = x.f("number")
    _render(x, "standard2025")


def t_database(x: _Entry) -> None:
    return t_dataset(x, "DB")


_TEMPLATES = {
    "article": t_article,
    "archive": t_archive,
    "book": t_book,
    "booklet": t_book,
    "mvbook": t_book,
    "collection": t_collection,
    "mvcollection": t_collection,
    "conference": t_inproceedings,
    "dataset": t_dataset,
    "database": t_database,
    "inbook": t_inbook,
    "incollection": t_incollection,
    "inproceedings": t_inproceedings,
    "letter": t_archive,
    "legislation": t_legislation,
    "map": t_map,
    "manual": t_techreport,
    "mastersthesis": t_thesis,
    "phdthesis": t_thesis,
    "thesis": t_thesis,
    "misc": t_misc,
    "newspaper": t_newspaper,
    "online": t_online,
    "webpage": t_webpage,
    "www": t_online,
    "electronic": t_online,
    "patent": t_patent,
    "periodical": t_periodical,
    "proceedings": t_proceedings,
    "mvproceedings": t_proceedings,
    "preprint": t_preprint,
    "report": t_techreport,
    "techreport": t_techreport,
    "software": t_software,
    "standard": t_standard,
    "image": t_misc,
    "video": t_misc,
    "unpublished": t_misc,
    "audio": t_misc,
    "regulation": t_legislation,
    "jurisdiction": t_jurisdiction,
    "legal": t_legislation,
}
