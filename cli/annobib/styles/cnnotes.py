"""The note style of Chinese social-science journals (《中国社会科学》, 《世界经济与政治》,
《历史研究》, 《和平与发展》 …): ``--style cn-notes``.

    刘琳：《美菲“肩并肩 2025”，美国新版“印太战略”现端倪》，载《世界知识》2025 年第 10 期，第 25—27 页。
    [美]约瑟夫·奈：《软实力》，马娟娟译，北京：中信出版社 2013 年版，第 5 页。
    朱锋：《……》，《人民日报》2025 年 1 月 3 日，第 3 版。
    《朝鲜谴责美军事挑衅：将以战略手段应对》，中国新闻网，2025 年 2 月 22 日，https://…，访问时间：2025 年 3 月 1 日。
    James D. Morrow, “Alliances and Asymmetry: …,” American Journal of Political Science, Vol. 35, No. 2, 1991, pp. 904-933.
    「トランプ大統領が日米同盟に不満 …」、朝日新闻、2025 年 3 月 7 日。https://…。

The entry's ``langid`` decides the form: Chinese (and Korean or other works cited under a Chinese
title), Japanese (``「論文」『雑誌』``), else Western (Chicago note form with the journals'
``Vol. 35, No. 2`` numbering; :mod:`annobib.styles.chicago`). Choices the journals leave open:
numbers and Latin words are set off from Han characters by a space (``2025 年第 10 期``), as
the bundled article prints them; page ranges take a dash ``—``; a journal article cited without
a page gives its page range; ``nationality = {美}`` prints ``[美]`` before a translated author;
``urldate`` adds ``访问时间``. Later citations: ``作者：《题名》，第 X 页。`` (Western: Chicago's short
note), or ``同上`` / ``Ibid.`` when the note before cited the same work alone
(:func:`annobib.styles.notes.format_notes`).
"""

from __future__ import annotations

import re

from annobib.core.months import split_date
from annobib.render.richtext import RichText, Run
from annobib.styles import _fields, chicago
from annobib.styles._outlets import is_news, outlet_kind
from annobib.styles.template import Node, field, join, optional, optional_field, sentence

SYSTEMS = ("notes",)
# reads neither the key nor the list position: answered once per distinct body (styles._samebody)
BODY_ONLY = ("citation",)
cn = sentence(sep="，", period="。")
ja = sentence(sep="、", period="。")


def language(entry) -> str:
    """``zh``, ``ja`` or ``western``: which of the three note forms an entry takes."""
    lang = (entry.get("langid") or "").lower()
    if lang in ("japanese", "ja"):
        return "ja"
    if lang in ("chinese", "zh", "korean", "ko"):
        return "zh"
    if not lang and re.search(r"[\u4e00-\u9fff]", entry.get("title") or ""):
        return "ja" if re.search(r"[\u3040-\u30ff]", entry.get("title") or "") else "zh"
    return "western"


def cn_date(entry) -> str:
    return date_text(_fields.raw(entry, "date") or _fields.raw(entry, "year"))


def date_text(date: str) -> str:
    """``2025-02-22`` -> ``2025 年 2 月 22 日``; ``2025 年 2 月``; ``2025 年``; an EDTF season
    ``2020-21`` -> ``2020 年春季``; an impossible month or day (``2020-13-45``) -> ``2020 年``."""
    parts = split_date(date)
    if not parts:
        return date or ""
    y, mo, d, season = parts
    if season:
        return f"{y} 年" + "春夏秋冬"[season - 1] + "季"
    return f"{y} 年" + (f" {mo} 月" if mo else "") + (f" {d} 日" if mo and d else "")


def _pages(text: str) -> str:
    return re.sub(r"\s*[-–—]+\s*", "—", text.strip())


class Values:
    """The elements of a Chinese or Japanese note (``field(name)`` for the templates)."""

    def __init__(self, entry, locator: str | None = None):
        self.e = entry
        self.type = entry.type.lower()
        self.sub = (_fields.raw(entry, "entrysubtype") or "").lower()
        self.locator = (locator or "").strip()

    def f(self, name: str) -> str:
        return _fields.field(self.e, name).strip()

    def field(self, name: str):
        return getattr(self, "_" + name)()

    def _people(self, role: str, sep: str = "、", etc: str = "等") -> str:
        ns = chicago.names(self.e, role)
        shown = [n.raw if (n.literal or n.is_cjk) else chicago.forward(n) for n in ns if not n.others]
        if not shown:
            return ""
        nat = self.f("nationality") if role == "author" else ""
        head = (f"[{nat.strip('[]［］()（）')}]" if nat else "") + sep.join(shown)
        return head + (etc if len(shown) < len(ns) else "")

    def _authors(self):
        return self._people("author")

    def _editors(self):
        eds = self._people("editor")
        return eds + "主编" if eds else ""

    def _head(self):
        """``作者：《题名》`` — or, with no author, an edited book's editors, or the title alone."""
        who = self._authors() or (self._editors() if self.type in chicago.BOOKS else "")
        title = self.f("title")
        if not title:
            return who
        return (who + "：" if who else "") + "《" + title + "》"

    def _journal(self):
        j = self.f("journaltitle")
        return "《" + j + "》" if j else ""

    def _issue(self):
        y, vol, num = self.e.year or "", self.f("volume"), self.f("number")
        parts = [f"{y} 年" if y else ""]
        if vol:
            parts.append(f"第 {vol} 卷")
        if num:
            parts.append(f"第 {num} 期")
        return "".join(parts)

    def _page(self):
        """The cited page; a journal article or chapter cited whole gives its page range."""
        p = self.locator or (self.f("pages") if self.type in ("article", "incollection", "inbook") else "")
        return f"第 {_pages(p)} 页" if p else ""

    def _locator(self):
        return f"第 {_pages(self.locator)} 页" if self.locator else ""

    def _date(self):
        return cn_date(self.e)

    def _site(self):
        return self.f("journaltitle") or self.f("organization") or self.f("publisher") or self.f("institution")

    def _paper_page(self):
        p = self.f("pages")
        return f"第 {p} 版" if p else ""

    def _url(self):
        url = _fields.raw(self.e, "url")
        return RichText(Run(url, url=url)) if url else ""

    def _accessed(self):
        d = _fields.raw(self.e, "urldate")
        return "访问时间：" + date_text(d) if d else ""

    def _translator(self):
        tr = self._people("translator")
        return tr + "译" if tr else ""

    def _publication(self):
        """``北京：商务印书馆 2010 年版``."""
        place, pub, y = self.f("location") or self.f("address"), self.f("publisher"), self.e.year or ""
        head = f"{place}：{pub}" if place and pub else (place or pub)
        return " ".join(p for p in (head, f"{y} 年版" if y else "") if p)

    def _booktitle(self):
        b = self.f("booktitle")
        if not b:
            return ""
        eds = self._editors()
        return "载" + (eds + "：" if eds else "") + "《" + b + "》"

    def _thesis(self):
        if self.type not in chicago.THESES:
            return ""
        kind = "博士学位论文" if self.type == "phdthesis" or "博士" in self.f("type") else "硕士学位论文"
        return "，".join(
            p
            for p in (kind, self.f("school") or self.f("institution"), f"{self.e.year} 年" if self.e.year else "")
            if p
        )

    # -- Japanese -----------------------------------------------------------------------
    def _ja_head(self):
        who, title = self._people("author", sep="・", etc="ほか"), self.f("title")
        if not title:
            return who
        return who + ("「" + title + "」" if self.quoted_ja() else "『" + title + "』")

    def quoted_ja(self) -> bool:
        return self.type not in chicago.BOOKS and self.type not in chicago.REPORTS

    def _ja_journal(self):
        if self.news:
            return ""
        j = self.f("journaltitle") or self.f("booktitle")
        if not j:
            return ""
        vol, num = self.f("volume"), self.f("number")
        return "『" + j + "』" + (f"{vol}巻" if vol else "") + (f"{num}号" if num else "")

    def _ja_site(self):
        return self._site() if self.news or self.type in ("online", "misc") else self.f("publisher")

    def _ja_page(self):
        p = self.locator or (self.f("pages") if self.type == "article" else "")
        return f"{_pages(p)}頁" if p else ""

    @property
    def news(self) -> bool:
        return self.type == "article" and (is_news(self.sub) or self.sub == "magazine")


def _kind(ctx) -> str:
    t = ctx.type
    if t == "article":
        if (
            is_news(ctx.sub)
            and outlet_kind(ctx.sub, ctx.f("journaltitle")) == "newspaper"
            and not _fields.raw(ctx.e, "url")
        ):
            return "newspaper"
        return "web" if ctx.news else "article"
    if t in chicago.CHAPTERS:
        return "chapter"
    if t in chicago.THESES:
        return "thesis"
    if t in chicago.BOOKS:
        return "book"
    return "web"


def _by_kind(children, ctx, **templates):
    return templates[_kind(ctx)].run(ctx)


FULL = Node("by_kind", _by_kind)(
    article=cn[
        join[optional_field("head"), optional["，载", field("journal"), optional_field("issue")]],
        optional_field("page"),
        optional_field("url"),
        optional_field("accessed"),
    ],
    newspaper=cn[
        optional_field("head"), join[optional_field("journal"), optional_field("date")], optional_field("paper_page")
    ],
    web=cn[
        optional_field("head"),
        optional_field("site"),
        optional_field("date"),
        optional_field("url"),
        optional_field("accessed"),
    ],
    chapter=cn[
        optional_field("head"), optional_field("booktitle"), optional_field("publication"), optional_field("page")
    ],
    thesis=cn[optional_field("head"), optional_field("thesis"), optional_field("page")],
    book=cn[
        optional_field("head"), optional_field("translator"), optional_field("publication"), optional_field("page")
    ],
)
SHORT = cn[optional_field("head"), optional_field("locator")]
# the URL as a sentence of its own after the citation, as the bundled article prints it
JA_FULL = join[
    ja[
        join[optional_field("ja_head"), optional_field("ja_journal")],
        optional_field("ja_site"),
        optional_field("date"),
        optional_field("ja_page"),
    ],
    optional[field("url"), "。"],
]
JA_SHORT = ja[optional_field("ja_head"), optional_field("ja_page")]


def note(entry, form: str = "full", locator: str | None = None) -> RichText:
    """One note: ``full`` (the first citation), ``short`` (later ones) or ``ibid`` (同上)."""
    lang = language(entry)
    if lang == "western":
        return chicago.note(entry, form, locator, variant="cn")
    ctx = Values(entry, locator)
    if form == "ibid":
        loc = ctx._locator() if lang == "zh" else ctx._ja_page()
        if lang == "ja":
            return RichText("同上" + ("、" + loc if loc else "") + "。", lang="ja")
        return RichText("同上" + ("，" + loc if loc else "") + "。", lang="zh")
    if lang == "ja":
        template = JA_SHORT if form == "short" else JA_FULL
    else:
        template = SHORT if form == "short" else FULL
    out = template.format(ctx)
    out.lang = lang
    return out


def format_entry(
    entry, edition: str = "1", system: str = "notes", extra: str = "", warnings: list | None = None
) -> RichText:
    """The full (first-citation) note of ``entry``."""
    return note(entry, "full")


def sort_key(entry, index: int = 0, edition: str = "1") -> tuple:
    return (index,)


def group_key(entry, edition: str = "1") -> tuple:
    return (entry.key,)


def citation(entry, edition: str = "1", extra: str = "") -> str:
    return note(entry, "short").plain
