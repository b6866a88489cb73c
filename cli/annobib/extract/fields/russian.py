"""Russian (Cyrillic) citations: books, ``//`` articles, archive signatures ``ф./оп./д./л.``
(:func:`parse_russian`)."""

from __future__ import annotations

import re

from annobib.extract.fields.features import (
    URL_RE,
    YEAR,
    _order,
    clean_url,
    iso_date,
    norm_range,
    page_range,
    strip_trailing,
)
from annobib.extract.fields.model import Parsed


# ---------------------------------------------------------------- Russian

RU_CITY = re.compile(r"(?:^|[.\s])(М\.|Москва|СПб\.|Санкт-Петербург|Л\.|Ленинград|Киев|Новосибирск|Екатеринбург|Казань)\s*:\s*")


def parse_russian(text: str) -> Parsed:
    """A Russian citation: ``Автор А.Б. Название. М.: Изд-во, 2001. С. 15.`` (a book), ``Автор А.Б.
    Статья // Журнал. 2016. № 3. С. 8–20.`` (an article), or an archive signature ``Ф. … Оп. … Д. … Л. …``."""
    f: dict[str, str] = {}
    acc = re.search(r"\(?\s*(?:дата обращения|дата доступа|accessed)\s*[：:]?\s*([\d.\-]+)\s*\)?", text, re.I)
    if acc:
        ud = iso_date(acc.group(1))
        if ud:
            f["urldate"] = ud
        text = text[: acc.start()] + text[acc.end():]
    text = re.sub(r"\s*URL\s*:\s*(?=https?://)", " ", text)
    url_m = URL_RE.search(text)
    url = clean_url(url_m.group(0)) if url_m else None
    body = text[: url_m.start()] if url_m else text
    locator = None
    pm = re.search(r"\b[СCс]\.\s*(\d+)(?:\s*[-–—]\s*(\d+))?", body)
    if pm:
        locator = page_range(pm.group(1), pm.group(2))
    # archive signature
    archive = _russian_archive(f, body)
    if archive:
        return archive
    rest, names = _russian_authors(f, body)
    rest = rest.lstrip(". ")
    if "//" in rest:
        etype = _russian_article(f, rest, locator)
    else:
        etype = _russian_book(f, rest, url)
    if url:
        f["url"] = url
    f["langid"] = "russian"
    return Parsed(type=etype, fields=_order(f), locator=locator, names=names)


def _russian_archive(f: dict[str, str], body: str) -> Parsed | None:
    """``АВП РФ. Ф. 0100. Оп. 42. П. 288. Д. 19. Л. 81–85.``: the holder and the file's signature;
    the leaves are the locator. None when there is no fonds / inventory signature."""
    arch = re.search(r"\b[Фф]\.\s*[\dА-Яа-я-]+\.?,?\s*[Оо]п\.\s*\d+", body)
    if not arch:
        return None
    sig = body[arch.start():].strip().rstrip(".")
    holder = strip_trailing(body[: arch.start()])
    lm = re.search(r"(?:^|[\s.,])[Лл]\.\s*(\d+(?:\s*[-–—]\s*\d+)?)(?:\s*об\.)?", sig)
    if lm:  # the leaves (Л. 54–72) are the locator, not part of the file's signature
        sig = strip_trailing(sig[: lm.start()])
    # no document title: the holder and the file's signature name the item
    if "//" in holder:  # Запись беседы … // АВП РФ. Ф. …: a document title, then its holder
        doc, _, holder = holder.partition("//")
        f["title"] = strip_trailing(doc)
        holder = holder.strip()
    else:
        f["title"] = f"{holder}. {sig}" if holder else sig
    if holder:
        f["library"] = holder
    f["number"] = sig
    f["entrysubtype"] = "archive"
    f["langid"] = "russian"
    return Parsed(type="misc", fields=_order(f), locator=norm_range(lm.group(1)) if lm else None)


def _russian_authors(f: dict[str, str], body: str) -> tuple[str, list[str]]:
    """``Арбатов А.Г., Караганов С.А. и др.`` at the start: the author field; returns the text after
    the authors and the names."""
    author = None
    am = re.match(r"^\s*((?:[А-ЯЁ][а-яё\-]+\s+(?:[А-ЯЁ]\.\s*){1,2}|(?:[А-ЯЁ]\.\s*){1,2}[А-ЯЁ][а-яё\-]+)(?:,\s*(?:[А-ЯЁ][а-яё\-]+\s+(?:[А-ЯЁ]\.\s*){1,2}|(?:[А-ЯЁ]\.\s*){1,2}[А-ЯЁ][а-яё\-]+))*)(?:\s*и\s*др\.)?\s*", body)
    rest = body
    names = []
    if am:
        author = am.group(1)
        rest = body[am.end():]
        for n in re.split(r",\s*", author.strip()):
            n = n.strip()
            nm = re.match(r"^([А-ЯЁ][а-яё\-]+)\s+((?:[А-ЯЁ]\.\s*)+)$", n)
            if nm:
                names.append(f"{nm.group(1)}, {nm.group(2).strip()}")
            else:
                nm = re.match(r"^((?:[А-ЯЁ]\.\s*)+)([А-ЯЁ][а-яё\-]+)$", n)
                names.append(f"{nm.group(2)}, {nm.group(1).strip()}" if nm else n)
        if "и др." in body[: am.end() + 6]:
            names.append("others")
        f["author"] = " and ".join(names)
    return rest, names


def _russian_article(f: dict[str, str], rest: str, locator: str | None) -> str:
    """``Статья // Журнал. 2016. Т. 5. № 3.``: an article in a journal or (dated to the day, or a known
    title) a newspaper."""
    title, _, cont = rest.partition("//")
    f["title"] = strip_trailing(title)
    cm = re.match(r"\s*([^.]+?)\.\s*(\d{4})", cont)
    if cm:
        f["journaltitle"] = cm.group(1).strip()
        f["date"] = cm.group(2)
    else:
        f["journaltitle"] = strip_trailing(cont.split(".")[0])
    rd = re.search(r"(\d{1,2})\s+(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)", cont)
    if rd and f.get("date"):
        months = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
        f["date"] = f"{f['date'][:4]}-{months.index(rd.group(2)) + 1:02d}-{int(rd.group(1)):02d}"
    vm = re.search(r"Т\.\s*(\d+)", cont)
    if vm:
        f["volume"] = vm.group(1)
    nm2 = re.search(r"№\s*(\d+)", cont)
    if nm2:
        f["number"] = nm2.group(1)
    if locator and "-" in locator:
        f["pages"] = locator
    etype = "article"
    if re.search(r"\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)", cont) or re.search(r"газета|Известия|Правда|Коммерсант|Ведомости|РИА|ТАСС", f.get("journaltitle", "")):
        f["entrysubtype"] = "newspaper"
    return etype


def _russian_book(f: dict[str, str], rest: str, url: str | None) -> str:
    """``Название. М.: Изд-во, 2001.``: a book (the city abbreviation spelt out); without a city, a book
    or (with a URL) a web page."""
    cm = RU_CITY.search(rest)
    if cm:
        title = rest[: cm.start()]
        f["title"] = strip_trailing(title)
        loc = cm.group(1)
        f["location"] = {"М.": "Москва", "СПб.": "Санкт-Петербург", "Л.": "Ленинград"}.get(loc, loc)
        pm2 = re.match(r"\s*([^,]+?),\s*(\d{4})", rest[cm.end():])
        if pm2:
            f["publisher"] = pm2.group(1).strip()
            f["date"] = pm2.group(2)
        etype = "book"
    else:
        segs = [s.strip() for s in re.split(r"\.\s+", rest) if s.strip()]
        f["title"] = strip_trailing(segs[0]) if segs else strip_trailing(rest)
        y = YEAR.search(rest)
        if y:
            f["date"] = y.group(1)
        etype = "online" if url else "book"
    return etype
