"""Russian (Cyrillic) citations: books, ``//`` articles, archive signatures ``ф./оп./д./л.``
(:func:`parse_russian`)."""

from __future__ import annotations

import re

from annobib.extract import rx as cre

from annobib.extract.fields.features import (
    CYR,
    YEAR,
    _order,
    clean_url,
    iso_date,
    language_of,
    norm_range,
    page_range,
    strip_trailing,
    find_url,
)
from annobib.extract.fields.model import Parsed


# ---------------------------------------------------------------- Russian

_RU_CITY_NAMES = {"М.": "Москва", "СПб.": "Санкт-Петербург", "Л.": "Ленинград"}
# ``… историк. М., 1970. С. 203``: a listed city, a comma and the year, with no publisher between
_RU_CITY_YEAR = re.compile(
    r"(?:(?<=[.\s])|^)(?P<loc>М\.|СПб\.|Л\.|Москва|Санкт-Петербург|Ленинград|Киев|Новосибирск|Казань|Минск)"
    r"\s*,\s*(?P<y>(?:1[5-9]|20)\d\d)(?!\d)"
)

# ``… since 1900. Cambridge, 1993. P. 85``: an English work's city and year after a full stop, closing
# the imprint (the page or the end follows), no publisher
_LATIN_CITY_YEAR = re.compile(
    r"(?<=\.\s)(?P<loc>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s*(?P<y>(?:1[5-9]|20)\d\d)(?=\.?\s*(?:$|[PСC]\.\s*\d))"
)

RU_CITY = re.compile(
    r"(?:^|[.\s])(М\.|Москва|СПб\.|Санкт-Петербург|Л\.|Ленинград|Киев|Новосибирск|Екатеринбург|Казань"
    r"|Самара|Саратов|Томск|Нижний Новгород|Ростов-на-Дону|Воронеж|Владивосток|Минск"
    r"|(?<=\.\s)(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?;\s*)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:\s*\([A-Z][a-z]+\.?\)|,\s*[A-Z]{2})?"
    r"|(?<=\.\s)[А-ЯЁ][а-яё\-]+(?:\s+[А-ЯЁ][а-яё\-]+)?(?=\s*:\s*[^.:]{2,80},\s*(?:1[5-9]|20)\d\d))\s*:\s*"
)  # a Latin city follows a full stop (Title. Chapel Hill: / Washington, DC:), not a word of a subtitled
# title (Tea and Empire:), two Latin cities set apart by a semicolon (Leiden; Boston:); a Cyrillic city not listed (Омск:) only before ``Publisher, Year``
_FAMILY = r"[А-ЯЁA-Z][а-яёa-z'’\-]+"
_INITIAL = r"[А-ЯЁA-Z][а-яёa-z]?\."
_ONE_AUTHOR = rf"(?:{_FAMILY}\s+(?:{_INITIAL}\s*){{1,2}}|(?:{_INITIAL}\s*){{1,2}}{_FAMILY})"
_AUTHORS = re.compile(rf"^\s*({_ONE_AUTHOR}(?:,\s*{_ONE_AUTHOR})*)(?:\s*и\s*др\.|\s*et\s+al\.)?\s*")
# the statement of responsibility after a title: / под ред. А.И. Миллера / гл. ред. (a reference work's
# chief editor) / пер. с англ. В. Козлова
_RESPONSIBILITY = re.compile(
    r"\s*/\s*(?P<role>под\s+(?:общ\.\s+)?ред\.|(?:отв|гл)\.\s*ред\.|ред\.|сост\.|пер\.(?:\s+с\s+[а-я]+\.)?|ed\.\s+by|eds?\.)\s*"
    r"(?P<who>(?:[А-ЯЁA-Z]\.\s*){1,2}[А-ЯЁA-Z][а-яёa-z\-]+(?:,\s*(?:[А-ЯЁA-Z]\.\s*){1,2}[А-ЯЁA-Z][а-яёa-z\-]+)*)(?P<others>\s+и\s+др\.?|\s+et\s+al\.?)?\.?"
)
_VOLUMES = re.compile(
    r"\s*[:.]?\s*[Вв]\s+\d+\s+т\.|(?:^|[.\s])Т\.\s*(?P<v>\d+)\.?|(?:^|[.\s])Vol\.\s*(?P<v2>\d+)"
    r"|(?:^|[.\s])Кн\.\s*(?P<v3>\d+)\.?"  # Кн. 2: the book of a work in books (of a volume: Т. 3. Кн. 2)
)
# канд. (кандидата) is abbreviated with a full stop, д-ра (доктора) with a hyphen and none
_THESIS = re.compile(r"\s*:\s*(?:дис|автореф\.\s*дис)\.\s*…?(?:\.\.\.)?\s*(?:канд\.|д-ра)\s*[а-я.\s]*?наук\.?")
_TOM = re.compile(r"(?:^|[.\s])Т\.\s*\d")
# GOST's area separator in reference lists, ``Title. — М.: Publisher, 2011. — 280 с.``: read as the
# ``. `` of a note (only before what opens an area: a year or number, a city, Т., №, С., URL …)
_GOST_AREA = re.compile(
    r"\.\s+—\s+(?=\d|(?:Т|№|С|P|Vol|No|Вып|URL|DOI|EDN)\b|[А-ЯЁA-Z][А-ЯЁа-яёa-z\-]*\.?\s*[:,]\s*[А-ЯЁA-Z\d«])"
)


def _nominative(name: str) -> str:
    """А.И. Миллера -> Миллер, В.И. Орлова -> Орлов, Е.П. Кузнецовой -> Кузнецова (a name after
    под ред. / пер. is in the genitive)."""
    for end, to in (
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ого", "ый"),
        ("ой", "а"),
        ("ова", "ов"),
        ("ева", "ев"),
        ("ина", "ин"),
        ("ына", "ын"),
    ):
        if name.endswith(end):
            return name[: -len(end)] + to
    return name[:-1] if cre.search(r"[бвгджзклмнпрстфхцчшщ]а$", name) else name


def _responsibility(f: dict[str, str], text: str) -> str:
    """Editors and translators named after `` / ``; the text without them."""
    m = _RESPONSIBILITY.search(text)
    if not m:
        return text
    genitive = not m["role"].startswith(("отв", "гл", "ed", "сост"))  # гл. ред. В. П. Орлов: nominative
    names = []
    for who in cre.split(r",\s*", m["who"]):
        wm = cre.match(r"((?:[А-ЯЁA-Z]\.\s*){1,2})(.+)$", who.strip())
        if wm:
            family = _nominative(wm.group(2)) if genitive else wm.group(2)
            initials = cre.sub(r"\.\s+", ". ", wm.group(1).strip())  # as printed: А.И. or А. И.
            names.append(f"{family}, {initials}")
    if names and m["others"]:
        names.append("others")  # под ред. В. А. Журова и др.
    field = "translator" if m["role"].startswith("пер") else "editor"
    if names:
        f[field] = " and ".join(names)
    return text[: m.start()] + text[m.end() :]


_ELECTRONIC = re.compile(r"\s*\[(?:Электронный ресурс|Electronic resource)\]", re.I)
# a title may end in an abbreviation whose full stop it keeps: … в XIX в. / … 1800–1850-е гг. / …: моногр.
_TITLE_ABBREV_END = re.compile(r"(?:\s|-е\s|\d)(?:в|вв|г|гг|т|ст|моногр)\.$")


def _ru_title(text: str) -> str:
    """A title without its closing punctuation, except the full stop of a final abbreviation."""
    title = strip_trailing(text)
    return title + "." if _TITLE_ABBREV_END.search(text.rstrip(" ,;:/")) else title


# ``Федеральный закон от 11.07.2001 № 95-ФЗ «О политических партиях»``: an act by its kind, date,
# number and title in «»; the title is the name in quotes, the kind and number are no part of it
_RU_ACT = re.compile(
    r"^\s*(?:Федеральный\s+(?:конституционный\s+)?закон|Закон\s+(?:РФ|Российской\s+Федерации)|Указ\s+Президента\s+"
    r"(?:РФ|Российской\s+Федерации)|Постановление\s+Правительства\s+(?:РФ|Российской\s+Федерации)|Кодекс)"
    r"\s+от\s+(?P<d>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-я]+\s+\d{4}\s*г\.)\s*№\s*(?P<n>[\w\-]+)\s*«(?P<t>[^»]{3,300})»"
)


# ``Концепция … : утв. Указом Президента РФ от 31.03.2023 № 229`` (or ``утв. распоряжением Правительства
# РФ от 9 июня 2020 г. № 1523-р``): a document approved by an act; the act's date and number are the document's
_RU_APPROVED_TITLE = re.compile(
    r"^\s*(?P<t>[^:«»/]{3,300}?)\s*:\s*утв(?:\.|ерж[а-я]+)\s+[^.:]{0,80}?\s+от\s+"
    r"(?P<d>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-я]+\s+\d{4})"  # 05.03.2020 or 9 июня 2020 г.
    r"\s*(?:г\.\s*)?№\s*(?P<n>[\w\-]+)"
)


# GOST's own form for an act: ``О потребительских кооперативных организациях : декрет СНК РСФСР от 11 апреля
# 1918 г. // Собрание узаконений РСФСР. 1918. № 32.`` (``: федер. закон от … № …``): the title first, then
# the kind of act in lower case, its issuer, date and perhaps its number; the gazette after // is no part of it
_RU_ACT_AFTER_TITLE = re.compile(
    r"^\s*(?P<t>[^:«»/]{3,300}?)\s*:\s*(?:декрет|указ|постановление|федер(?:альный|\.)\s+закон|закон|распоряжение|приказ)"
    r"\s+(?P<who>[^:/]{0,80}?)\s*от\s+(?P<d>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-я]+\s+\d{4})\s*(?:г\.)?"
    r"\s*(?:№\s*(?P<n>[\w\-]+))?"
)
# an issuer named by its abbreviation (СНК РСФСР, ВЦИК, ЦК ВКП(б)) is the act's author; a title in the
# genitive (Президента РФ) is left out
_RU_ISSUER_ABBREV = re.compile(r"[А-ЯЁ][А-ЯЁ()б]+(?:\s+[А-ЯЁ][А-ЯЁ()б]+)*")


_RU_MONTHS = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()


def _act_date(d: str) -> str:
    """``31.03.2023`` or ``31 марта 2023 г.`` -> ``2023-03-31``."""
    dm = cre.match(r"(\d{1,2})\s+([а-я]+)\s+(\d{4})", d)
    if dm and dm.group(2) in _RU_MONTHS:  # 31 марта 2023 г.
        return f"{dm.group(3)}-{_RU_MONTHS.index(dm.group(2)) + 1:02d}-{int(dm.group(1)):02d}"
    return iso_date(d) or d


# ``Концепция … (утв. Указом Президента РФ от 31.03.2023 № 229)``: a document approved by an act; the
# act's date and number are the document's, and no part of its title
_RU_APPROVED = re.compile(
    r"\s*\(утв\.\s*[^()]{0,120}?\s+от\s+(?P<d>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+[а-я]+\s+\d{4}\s*г\.)\s*№\s*(?P<n>[\w\-]+)\s*\)"
)


def _russian_act(text: str, online: dict[str, str]) -> Parsed | None:
    """An act, or a document approved by one; ``online`` holds its URL and access date if any."""
    m = _RU_ACT.match(text) if "№" in text and "«" in text else None
    if m is None:
        m = _RU_APPROVED_TITLE.match(text) if "№" in text and "утв" in text else None
    if m is None:
        m = _RU_ACT_AFTER_TITLE.match(text) if " от " in text and ":" in text else None
    if m is None:
        return None
    f = {"title": m["t"].strip(), "date": _act_date(m["d"]), "langid": "russian", **online}
    if m["n"]:
        f["number"] = m["n"]
    who = m.groupdict().get("who")
    if who and _RU_ISSUER_ABBREV.fullmatch(who.strip()):
        f["author"] = "{" + who.strip() + "}"
    return Parsed(type="legislation", fields=_order(f), locator=None, names=[])


def parse_russian(text: str) -> Parsed:
    """A Russian citation: ``Автор А.Б. Название. М.: Изд-во, 2001. С. 15.`` (a book), ``Автор А.Б.
    Статья // Журнал. 2016. № 3. С. 8–20.`` (an article), an act (``Федеральный закон от … № … «…»``),
    or an archive signature ``Ф. … Оп. … Д. … Л. …``."""
    if " — " in text:
        text = _GOST_AREA.sub(". ", text)
    approved = _RU_APPROVED.search(text) if "утв." in text else None
    if approved:
        text = text[: approved.start()] + text[approved.end() :]
    f: dict[str, str] = {}
    acc = cre.search(r"\(?\s*(?:дата обращения|дата доступа|accessed)\s*[：:]?\s*([\d.\-]+)\s*\)?", text, re.I)
    if acc:
        ud = iso_date(acc.group(1))
        if ud:
            f["urldate"] = ud
        text = text[: acc.start()] + text[acc.end() :]
    text = cre.sub(r"\s*URL\s*:\s*(?=https?://)", " ", text)
    # GOST's medium tag: not part of the title; with a URL the item is a web resource
    eres = _ELECTRONIC.search(text) if "[" in text else None
    if eres:
        text = text[: eres.start()] + text[eres.end() :]
    url_m = find_url(text)
    url = clean_url(url_m.group(0)) if url_m else None
    body = text[: url_m.start()] if url_m else text
    act = _russian_act(body, {**f, "url": url} if url else f)
    if act is not None:
        return act
    locator = None
    pm = cre.search(r"\b[СCсP]\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", body)
    if pm:
        locator = page_range(pm.group(1), pm.group(2))
    # archive signature
    archive = _russian_archive(f, body)
    if archive:
        return archive
    rest, names = _russian_authors(f, body)
    rest = rest.lstrip(". ")
    issue = _RU_NEWS_ISSUE.match(rest) if not names and "//" not in rest else None
    if issue:  # Правда. 1956. 21 окт.: a newspaper's issue cited by its date, no article named
        f["journaltitle"], f["entrysubtype"], f["langid"] = issue["j"], "newspaper", "russian"
        f["date"] = _ru_day_date(issue["y"], issue["m"], issue["d"])
        return Parsed(type="article", fields=_order(f), locator=locator, names=[])
    news = _RU_QUOTED_NEWS.match(rest) if "//" not in rest and "г" in rest else None
    if news:  # Н. Т. Федорченко, «Ночные беседы», Правда, 23 октября 1988 г., с. 4.
        etype = "article"
        f.update(title=news["t"].strip(), journaltitle=news["j"].strip(), entrysubtype="newspaper")
        f.update(date=_ru_day_date(news["y"], news["m"], news["d"]), pages=news["p"] or "")
    elif "//" in rest and RU_CITY.search(rest.partition("//")[2]):
        etype = _russian_chapter(f, rest, locator)
    elif "//" in rest:
        etype = _russian_article(f, rest, locator)
    else:
        etype = _russian_book(f, rest, url)
    if url:
        f["url"] = url
    if url and etype == "article" and "date" not in f and "number" not in f and "volume" not in f:
        eres = eres or _ELECTRONIC  # ``Title // ЦИК России. URL: …``: no year, no issue: a site's page
    if eres and url:  # a site's page: the site is the organization, not a journal
        etype = "online"
        if "journaltitle" in f:
            f["organization"] = f.pop("journaltitle")
        f.pop("entrysubtype", None)
    if approved:  # the act's date and number, the document a piece of legislation (sets 7, 14, 30)
        etype = "legislation"
        f["date"], f["number"] = _act_date(approved["d"]), approved["n"]
    f["langid"] = "russian" if CYR.search(f.get("title", "") + rest) else "english"  # GOST-style Latin items
    # a title alone (perhaps with a year): no author, imprint, periodical, page or address names a
    # work: a sentence of the note's own (Подробнее … см. ниже, раздел 3)
    understood = bool(names or locator or url or set(f) - _BARE_TITLE_FIELDS)
    return Parsed(type=etype, fields=_order(f), locator=locator, names=names, understood=understood)


_BARE_TITLE_FIELDS = frozenset(("title", "date", "langid"))


_MARKED_DOC = re.compile(
    r"[《「『](?P<t>[^》」』]{1,200})[》」』]\s*(?:[（(](?P<d>[^（）()]{4,30})[）)])?\s*[，,、]?\s*(?P<h>.*)$"
)


def _russian_archive(f: dict[str, str], body: str) -> Parsed | None:
    """``АВП РФ. Ф. 0100. Оп. 42. П. 288. Д. 19. Л. 81–85.``: the holder and the file's signature;
    the leaves are the locator. None when there is no fonds / inventory signature."""
    arch = cre.search(r"\b[Фф]\.\s*[\dА-Яа-я-]+\.?,?\s*[Оо]п\.\s*\d+", body)
    if not arch:
        return None
    sig = body[arch.start() :].strip().rstrip(".")
    holder = strip_trailing(body[: arch.start()])
    lm = cre.search(r"(?:^|[\s.,])[Лл]\.\s*(\d+(?:\s*[-–—]\s*\d+)?)(\s*об\b\.?)?", sig)
    if lm:  # the leaves (Л. 54–72) are the locator, not part of the file's signature
        sig = strip_trailing(sig[: lm.start()])
    # no document title: the holder and the file's signature name the item (no title is made up)
    if "//" in holder:  # Запись беседы … // АВП РФ. Ф. …: a document title, then its holder
        doc, _, holder = holder.partition("//")
        f["title"] = strip_trailing(doc)
        holder = holder.strip()
    marked = _MARKED_DOC.match(holder) if holder[:1] in "《「『" else None
    lang = "russian"
    if marked:  # 《…会谈纪要》（1956年3月31日），АПРФ, ф. 45: a Chinese note's title and date, then the holder
        f["title"], holder = marked["t"], marked["h"]
        lang = language_of(marked["t"])
        date = iso_date(marked["d"]) if marked["d"] else None
        if date:
            f["date"] = date
    if holder:  # Российский государственный исторический архив (РГИА): the name, not its abbreviation
        f["library"] = cre.sub(r"\s*\([А-ЯЁA-Z]{2,8}\)$", "", holder)
    f["number"] = sig
    f["entrysubtype"] = "archive"
    f["langid"] = lang
    locator = norm_range(lm.group(1)) if lm else None
    if lm and lm.group(2):
        locator += " об."  # Л. 3 об.: the verso of leaf 3, as cited
    return Parsed(type="misc", fields=_order(f), locator=locator)


def _russian_authors(f: dict[str, str], body: str) -> tuple[str, list[str]]:
    """``Арбатов А.Г., Караганов С.А. и др.`` at the start: the author field; returns the text after
    the authors and the names."""
    author = None
    am = _AUTHORS.match(body)
    rest = body
    names = []
    if am:
        author = am.group(1)
        rest = body[am.end() :]
        for n in cre.split(r",\s*", author.strip()):
            n = n.strip()
            nm = cre.match(rf"^({_FAMILY})\s+((?:{_INITIAL}\s*)+)$", n)
            if nm:
                names.append(f"{nm.group(1)}, {nm.group(2).strip()}")
            else:
                nm = cre.match(rf"^((?:{_INITIAL}\s*)+)({_FAMILY})$", n)
                names.append(f"{nm.group(2)}, {nm.group(1).strip()}" if nm else n)
        if "и др." in body[: am.end() + 6]:
            names.append("others")
        f["author"] = " and ".join(names)
    elif body[:1].isupper():
        corp = _CORPORATE_HEAD.match(body)
        if corp:  # Центральный банк Российской Федерации. Основные направления …: the body is the author
            f["author"] = "{" + corp.group(1) + "}"
            rest = body[corp.end() :]
    return rest, names


# GOST's corporate heading: a body's name (a word for an institution in it) as the first sentence
_CORPORATE_HEAD = re.compile(
    r"([А-ЯЁ][а-яё]+(?: [а-яёА-ЯЁ][а-яё-]+){0,8}?"
    r" (?:служба|служб[аы] [а-яё ]+|банк|комитет|агентство|министерство|институт|совет|палата|управление)"
    r"(?: [а-яёА-ЯЁ][а-яё-]+){0,4}|(?:Министерство|Правительство|Федеральная|Центральный банк|Счетная палата)"
    r"(?: [а-яёА-ЯЁ][а-яё-]+){1,8})\.\s+(?=[А-ЯЁ«])(?!\S{1,5}\s*:)"  # then a title, not the imprint (М.: …)
)


def _russian_article(f: dict[str, str], rest: str, locator: str | None) -> str:
    """``Статья // Журнал. 2016. Т. 5. № 3.``: an article in a journal or (dated to the day, or a known
    title) a newspaper."""
    title, _, cont = rest.partition("//")
    f["title"] = _ru_title(title)
    if f["title"].startswith("«") and f["title"].endswith("»") and f["title"].count("«") == 1:
        f["title"] = f["title"][1:-1]  # «Совместная декларация …» // Известия: the quotes are no part of it
    # Полис. Политические исследования. 2015 / Япония: ежегодник. М., 2012 (a yearbook's city before the year)
    cm = cre.match(r"\s*(.+?)\.\s*(?:(?:М|СПб|Л)\.,\s*|[А-ЯЁ][А-ЯЁа-яё\-]+,\s*)?((?:1[5-9]|20)\d\d)\b", cont)
    if cm:
        # Вопросы истории кино. Вып. 4. М., 1962: the issue (read below) before the city is no part of the title
        issue = _ISSUE_IN_TITLE.search(cm.group(1)) if "." in cm.group(1) else None
        f["journaltitle"] = cm.group(1)[: issue.start()].strip() if issue else cm.group(1).strip()
        f["date"] = cm.group(2)
    else:
        # Кино-Театр.РУ. URL: …: a site's name may hold a dot; its stop is followed by a space or the end
        f["journaltitle"] = strip_trailing(cre.split(r"\.(?:\s|$)", cont.strip(), maxsplit=1)[0])
    rd = _RU_DAY_MONTH.search(cont)
    if rd and f.get("date"):  # 16 декабря / 16 дек. (GOST abbreviates months): the issue's day
        f["date"] = _ru_day_date(f["date"][:4], rd.group(2), rd.group(1))
    vm = cre.search(r"(?:Т|Vol)\.\s*(\d+)", cont)
    if vm:
        f["volume"] = vm.group(1)
    nm2 = cre.search(r"(?:№|[Nn]o\.|Вып\.)\s*(\d+(?:\s*[-–—]\s*\d+(?![-–—\d]))?)", cont)
    if nm2:
        f["number"] = norm_range(nm2.group(1))  # № 693–694: a double issue, numbered as printed
    if locator and "-" in locator:
        f["pages"] = locator
    etype = "article"
    if rd or cre.search(r"газета|Известия|Правда|Коммерсант|Ведомости|РИА|ТАСС", f.get("journaltitle", "")):
        f["entrysubtype"] = "newspaper"
    return etype


_ISSUE_IN_TITLE = re.compile(r"\.\s*(?:Вып|Т|Vol|No)\.\s*\d|\.\s*№\s*\d")


def _ru_day_date(year: str, month: str, day: str) -> str:
    """1956, окт. (октября), 21 -> 1956-10-21."""
    number = next(k for k, stem in enumerate(_RU_MONTH_STEMS, 1) if month.startswith(stem))
    return f"{year}-{number:02d}-{int(day):02d}"


_RU_MONTH_STEMS = ("янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_RU_NEWS_ISSUE = re.compile(
    r"^(?P<j>[А-ЯЁ][^.,:;/]{1,40})\.\s*(?P<y>(?:1[89]|20)\d\d)\.\s*(?P<d>\d{1,2})\s+"
    r"(?P<m>(?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*)\.?\s*(?:С\.\s*\d+\.?)?\s*$"
)
# a newspaper article cited the Chicago way, as Chinese and English notes cite Russian papers: the
# title quoted, the paper, the day, the page (``, «Ночные беседы», Правда, 23 октября 1988 г., с. 4.``)
_RU_QUOTED_NEWS = re.compile(
    r"^,?\s*[«\"“](?P<t>[^»\"”]{2,200})[»\"”],?\s*(?P<j>[А-ЯЁ][^,«»\"]{1,60}),\s*(?P<d>\d{1,2})\s+"
    r"(?P<m>(?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*)\.?\s+(?P<y>(?:1[89]|20)\d\d)\s*(?:г\.)?"
    r"(?:,\s*[сС]\.\s*(?P<p>\d+))?\.?\s*$"
)
_RU_DAY_MONTH = re.compile(r"(\d{1,2})\s+((?:янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*)(?![а-я])")


def _russian_chapter(f: dict[str, str], rest: str, locator: str | None) -> str:
    """``Статья // Сборник : сб. ст. / под ред. А.И. Миллера. М.: Изд-во, 2004. С. 33–60.``: a chapter
    in a collection (a city and publisher after ``//``, not a journal's year and issue)."""
    title, _, cont = rest.partition("//")
    f["title"] = strip_trailing(title)
    book_author = _AUTHORS.match(cont)
    if book_author:  # // Бартольд В. В. Сочинения. Т. 1.: the collected works' author before their title
        cont = cont[book_author.end() :]
    book = {}
    _russian_book(book, cont, None)
    f["booktitle"] = cre.sub(
        r"\s*:\s*(?:сб\.\s*(?:ст|науч\.\s*тр|тр)\.?|материалы[^.]*|коллектив[^.]*)\s*$", "", book.get("title", "")
    )
    for name in ("editor", "location", "publisher", "date", "volume"):
        if book.get(name):
            f[name] = book[name]
    if locator and "-" in locator:
        f["pages"] = locator
    return "incollection"


# GOST's ``Название : доклад № 60/2020 / Организация.``: the kind of work after the title makes a
# report; its number follows, the body responsible for it after the slash
_REPORT_KIND = re.compile(
    r"\s*:\s*(?:аналит\.\s*)?(?:доклад|докл\.)(?:\s*№\s*(?P<n>[\w/\-]+))?\.?"
    r"(?:\s*/\s*(?P<org>[А-ЯЁ][^/]{2,120}?)\.(?=\s|$))?(?=\s|$)"
)


def _russian_report_kind(f: dict[str, str], rest: str) -> tuple[str, bool]:
    """The report's kind, number and body cut from after its title: (the rest, whether it is one)."""
    m = _REPORT_KIND.search(rest) if "док" in rest else None
    if m is None:
        return rest, False
    f["type"] = "доклад"
    if m["n"]:
        f["number"] = m["n"]
    if m["org"] and "author" not in f:
        f["author"] = "{" + m["org"].strip() + "}"
    return rest[: m.start()] + "." + rest[m.end() :], True


def _russian_book(f: dict[str, str], rest: str, url: str | None) -> str:
    """``Название. М.: Изд-во, 2001.``: a book (the city abbreviation spelt out); without a city, a book
    or (with a URL) a web page; with ``: доклад`` after the title, a report."""
    rest, report = _russian_report_kind(f, rest)
    etype = _russian_book_or_page(f, _responsibility(f, rest), url)
    if report:
        if "publisher" in f:  # М.: НП РСМД, 2020: the body that issued the report
            f["institution"] = f.pop("publisher")
        return "report"
    return etype


def _russian_book_or_page(f: dict[str, str], rest: str, url: str | None) -> str:
    """The book's title, volume, edition and imprint, or a thesis; a web page without a city."""
    em = cre.search(
        r"(?:^|[.\s])(\d{1,2})-е\s+изд\.(?:,?\s*[а-я. ]*?)?(?=\s*[А-ЯЁ]|\s*$)|(?:^|[.\s])(\d{1,2})(?:st|nd|rd|th)\s+ed\.",
        rest,
    )
    if em:  # 2-е изд. / 2nd ed.
        f["edition"] = em.group(1) or em.group(2)
        rest = rest[: em.start()] + "." + rest[em.end() :]
    thesis = _THESIS.search(rest)
    if thesis:  # Название: дис. … канд. ист. наук. Саратов, 2007.
        f["title"] = _ru_title(rest[: thesis.start()])
        after = rest[thesis.end() :]
        pm = cre.match(r"\s*([А-ЯЁ][а-яё\-]+(?:\s[А-ЯЁ][а-яё\-]+)?\.?|М\.|СПб\.),\s*(\d{4})", after)
        if pm:
            f["location"] = {"М.": "Москва", "СПб.": "Санкт-Петербург"}.get(pm.group(1), pm.group(1).rstrip("."))
            f["date"] = pm.group(2)
        f["type"] = "phdthesis" if "д-ра" in thesis.group(0) else "candthesis"
        return "thesis"
    for vm in _VOLUMES.finditer(rest):
        if vm["v"] or vm["v2"]:
            f["volume"] = vm["v"] or vm["v2"]  # Т. 3 (В 5 т. names the set, not the volume cited)
        elif vm["v3"] and not _TOM.search(rest):
            f["volume"] = vm["v3"]  # Кн. 2 of a work in books; after Т. 3 it only names a part
    rest = cre.sub(r"\s*[:.]?\s*[Вв]\s+\d+\s+т\.\s*(?:Т\.\s*\d+\.?)?", ".", rest)
    cm = RU_CITY.search(rest)
    cy = (_RU_CITY_YEAR.search(rest) or _LATIN_CITY_YEAR.search(rest)) if not cm and "," in rest else None
    if cy:  # Сыма Цянь — историк. М., 1970: the place and year, no publisher (GOST allows it)
        f["title"] = strip_trailing(rest[: cy.start()])
        f["location"] = _RU_CITY_NAMES.get(cy["loc"], cy["loc"])
        f["date"] = cy["y"]
        etype = "book"
    elif cm:
        title = rest[: cm.start()]
        bare = cre.sub(r"(?:(?:^|\.\s*)(?:Т|Vol|Кн)\.\s*\d+\.?\s*)+$", "", strip_trailing(title))
        f["title"] = _ru_title(title) if bare == strip_trailing(title) else strip_trailing(bare)
        loc = cm.group(1)
        f["location"] = _RU_CITY_NAMES.get(loc, loc)
        pm2 = cre.match(r"\s*([^,]+?),\s*(\d{4})", rest[cm.end() :])
        if pm2:
            f["publisher"] = pm2.group(1).strip()
            f["date"] = pm2.group(2)
        etype = "book"
    else:
        segs = [s.strip() for s in cre.split(r"\.\s+", rest) if s.strip()]
        f["title"] = strip_trailing(segs[0]) if segs else strip_trailing(rest)
        y = YEAR.search(rest)
        if y:
            f["date"] = y.group(1)
        etype = "online" if url else "book"
    return etype
