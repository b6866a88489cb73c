"""Stage 4, *fields*: one citation's text -> entry type, biblatex fields and the cited locator.

One parser per note family, chosen by the citation's shape and script:

* old GB/T with type tags (``Author. Title[J]. Journal, 1998, (3): 12-20.``);
* Russian (``Автор. Название. М.: Изд-во, 2001. С. 15.``, ``// Журнал``, archive ``ф./оп./д./л.``);
* CJK (Chinese, Japanese, Korean) with title marks 《》「」『』;
* Western (Chicago-like) with quoted titles, or unquoted book/report titles.

The field conventions (type choice, names, dates, pages vs locator) are documented in the
README's extract section; in short: journal range -> ``pages`` (a single cited page is only the
locator), newspaper/news-site articles are ``@article`` + ``entrysubtype = {newspaper}``, web pages
``@online``, documents of organizations ``@report``.
"""

from __future__ import annotations

import importlib
import re

from annobib.extract import rx as cre

# Besides what the table needs, these imports re-export the names that citations.py and the tests
# import from annobib.extract.fields (EN_PAGES, bare_page, iso_date, language_of, western_person …).
from annobib.extract.fields.apa import parse_apa, parse_asa, parse_harvard, parse_social
from annobib.extract.fields.archive import looks_like_western_archive, parse_western_archive
from annobib.extract.fields.cjk import archive_first, parse_cjk, parse_cjk_archive_first, parse_cjk_or_court_case
from annobib.extract.fields.features import (
    ANGLE_TITLE,
    CYR,
    DOI_TEXT,
    DOI_URL,
    EN_PAGES,
    GBT_TAG_RE,
    HAN,
    JA_PAGES,
    KO_PAGES,
    LATIN,
    TW_PAGES,
    URL_FIRST,
    URL_RE,
    ZH_PAGES,
    _order,
    bare_page,
    first_index,
    iso_date,
    language_note,
    language_of,
    page_range,
)
from annobib.extract.fields.frus import looks_like_frus_document, parse_frus_document
from annobib.extract.fields.gbt import parse_gbt_tagged, parse_gbt_untagged_article, parse_gbt_untagged_online
from annobib.extract.fields.jpdate import (
    is_cjk_author_date,
    is_japanese_case,
    parse_cjk_author_date,
    parse_japanese_case,
)
from annobib.extract.fields.law import is_un_doc, is_wto_report, parse_case, parse_un_doc, parse_wto_report
from annobib.extract.fields.lawcites import (
    chinese_law_in_english,
    law_journal_style,
    parse_chinese_law_in_english,
    parse_law_secondary,
    parse_western_legislation,
    western_law_cue,
)
from annobib.extract.fields.acs import acs_cue, parse_acs
from annobib.extract.fields.film import directed_by, parse_film
from annobib.extract.fields.glossed import glossed, parse_glossed
from annobib.extract.fields.mla import mla_cue, parse_mla_book
from annobib.extract.fields.model import Genre, Parsed
from annobib.extract.fields.names import western_person
from annobib.extract.fields.russian import parse_russian
from annobib.extract.fields.ukparl import parse_uk_parliamentary, uk_parliamentary
from annobib.extract.fields.vancouver import parse_vancouver, vancouver_cue
from annobib.extract.fields.western import parse_western


# ---------------------------------------------------------------- triggers

FIRST_TITLE_MARK_RE = re.compile(r"[《「『〈]")
# a row marked ``needs_cjk`` applies only to text holding one of these (Han, kana, hangul, 々, or a
# title mark): a test checks each such row's trigger against it
CJK_OR_MARK = re.compile(r"[\u3005\u3008\u300a\u300c\u300e\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
FIRST_QUOTE_RE = re.compile(r"[“\"]")


HANGUL = re.compile(r"[\uac00-\ud7af]")
# … before 『: the journal, or a book after its editor (이우영 편, 『…』: a chapter)
QUOTED_BEFORE_MARK = re.compile(
    r"[\"“]([^\"“”]+?)[,，]?[\"”]\s*[,，]?\s*(?=(?:[^,，“”\"『』]{1,30}?\s(?:편|엮음|편저|공편)\s*[,，]\s*)?『)"
)


def _has_gbt_tag(text: str) -> bool:
    """``Title[J]`` / ``[M]`` / ``[EB/OL]``: an old GB/T reference with a type tag."""
    return "[" in text and GBT_TAG_RE.search(text) is not None


def _title_stop_then_url(text: str) -> bool:
    """``….http`` / ``）。http``: a URL right after a stop, as a GB/T web reference without its
    ``[EB/OL]`` prints it (the builder reads the rest)."""
    stop_url = ".http" in text or ". http" in text or "。http" in text or "．http" in text
    return stop_url and HAN.search(text) is not None  # the builder needs a Chinese author and title


def _issue_then_pages(text: str) -> bool:
    """``(2):47-50`` / ``43(1): 3-17``: an issue in brackets then the pages, as a GB/T article prints
    them (the builder reads the rest)."""
    issue_pages = "):" in text or ") :" in text or "）:" in text or "）：" in text
    return issue_pages and HAN.search(text) is not None  # the builder needs a Chinese author and title


def _mostly_cyrillic(text: str) -> bool:
    if text.isascii() or not CYR.search(text):
        return False
    words = URL_RE.sub("", text)  # a cyberleninka.ru URL is not Latin text
    return len(CYR.findall(words)) > len(LATIN.findall(words))


# Pipes R. Russia under the Old Regime. New York: Scribner, 1974. P. 112. / Ikenberry G.J. Title // Journal.
# 2018. Vol. 94, No. 1. P. 7–23.: a Latin-script item written the Russian (GOST) way, in Russian notes
GOST_LATIN_RE = re.compile(
    r"^[A-Z][a-z'’\-]+\s+(?:[A-Z]\.\s?){1,2}(?:,\s*[A-Z][a-z'’\-]+\s+(?:[A-Z]\.\s?){1,2})*\s*[A-Z0-9“\"]"
)


def _gost_latin(text: str) -> bool:
    if (
        not "A" <= text[:1] <= "Z"
        or not GOST_LATIN_RE.match(text)
        or cre.match(r"^\S+\s+(?:[A-Z]\.\s?){1,2}\s*[A-Z][\w'’\-]+,", text)
    ):
        return False  # Bonnie S. Glaser, …: a given name first, Western style
    # ``//``, ``. P. 5``, or a GOST imprint closing it: ``. New York: Cambridge University Press, 2015.``
    return bool(
        cre.search(
            r"(?<!:)//|\.\s+(?:P|Vol)\.\s*\d|\.\s+[A-Z][A-Za-z .\-]{1,40}:\s+[^:.]{2,80},\s+(?:1[5-9]|20)\d\d\.?$", text
        )
    )


def _title_mark_leads(text: str) -> bool:
    """A title mark 《「『〈 comes before any quote (or the quote follows Chinese text): a CJK note,
    even when it quotes an English title later."""
    if text.isascii():
        return False  # no title mark (a check of one flag, not a scan)
    mark = first_index(text, "《「『〈")  # FIRST_TITLE_MARK_RE
    if mark < 0:
        return False
    quote = first_index(text, '“"')  # FIRST_QUOTE_RE
    return quote < 0 or mark < quote or HAN.search(text, 0, quote) is not None


def _chinese_with_book_marks(text: str) -> bool:
    """Chinese text, no Latin letters in its first 20 characters (URLs aside), and a 《》 title."""
    return "《" in text and bool(HAN.search(text)) and not LATIN.search(URL_RE.sub("", text)[:20])


def _chinese_without_marks(text: str) -> bool:
    """Chinese text without title marks and, URLs aside, without Latin letters."""
    return (
        not text.isascii()
        and first_index(text, "《「『〈") < 0  # FIRST_TITLE_MARK_RE
        and bool(HAN.search(text))
        and not _latin_outside_urls(text)
    )


def _latin_outside_urls(text: str) -> bool:
    """``bool(LATIN.search(URL_RE.sub("", text)))``, mostly without cutting the URLs out: a URL opens
    with a Latin letter, so the first Latin letter either opens one or stands outside every URL."""
    m = LATIN.search(text)
    if m is None:
        return False
    if text[m.start()] not in URL_FIRST or URL_RE.match(text, m.start()) is None:
        return True
    return LATIN.search(URL_RE.sub("", text)) is not None


def _always(text: str) -> bool:
    return True


def _year_in_brackets(text: str) -> bool:
    """``(1…`` or ``(2…``: what an APA reference's ``(Year)`` needs (APA_RE cannot match without)."""
    return "(1" in text or "(2" in text


def _handle(text: str) -> bool:
    """An ``@``: what a post cited with its ``(@handle)`` needs (SOCIAL_RE cannot match without)."""
    return "@" in text


# ---------------------------------------------------------------- the genre table

# Tried in order: the first row whose trigger holds and whose builder returns a result wins. The
# order matters: a GB/T tag beats the script, Cyrillic beats everything else, CJK title marks beat
# quotes; the author-date parsers (case law, social media, APA, Harvard) return None unless their
# whole shape matches, and Chicago-style Western is the catch-all (its builder always returns).
GENRES: list[Genre] = [
    Genre(
        "gbt-tagged",
        "gbt",
        _has_gbt_tag,
        parse_gbt_tagged,
        examples=(
            # tests/data/extract_blind31: a normative document, its number after its title and a colon
            (
                "水利部.水利部关于加强河湖管理的意见:水河湖〔2019〕8号[A/OL].(2019-03-02)[2024-01-05].https://example.gov.cn/a.htm.",
                {
                    "type": "legislation",
                    "fields": {
                        "title": "水利部关于加强河湖管理的意见",
                        "number": "水河湖〔2019〕8号",
                        "date": "2019-03-02",
                    },
                },
            ),
            # tests/data/extract_blind25: a standard's number after its title, then the imprint
            (
                "国家市场监督管理总局.数据安全技术 数据分类分级规则:GB/T 43697—2024[S].北京:中国标准出版社,2024.",
                {
                    "type": "standard",
                    "fields": {
                        "title": "数据安全技术 数据分类分级规则",
                        "number": "GB/T 43697—2024",
                        "publisher": "中国标准出版社",
                        "date": "2024",
                    },
                },
            ),
            # tests/data/extract_blind23: an English book's translators (or editors) after its [M] tag
            (
                "Hannah Lowe. The Quiet City[M]. Trans. Anna Berg and Tom Hale. London: Verso, 2004: 31.",
                {
                    "type": "book",
                    "locator": "31",
                    "fields": {
                        "translator": "Berg, Anna and Hale, Tom",
                        "location": "London",
                        "publisher": "Verso",
                        "date": "2004",
                    },
                },
            ),
            (
                "Marx K. Grundrisse[M]. Ed. by T. R. Carver. New York: Vintage, 1973: 100.",
                {"type": "book", "locator": "100", "fields": {"editor": "Carver, T. R.", "publisher": "Vintage"}},
            ),
            # tests/data/extract_blind22: proceedings printed with a place and a year, no publisher
            (
                "周岚,方毅.海港治理的制度变迁[C]//中国港口协会.中国港口协会2019年学术年会论文集.青岛,2019:12-19.",
                {
                    "type": "inproceedings",
                    "locator": "12-19",
                    "fields": {
                        "editor": "{中国港口协会}",
                        "booktitle": "中国港口协会2019年学术年会论文集",
                        "location": "青岛",
                        "date": "2019",
                        "pages": "12-19",
                        "publisher": None,
                    },
                },
            ),
            # tests/data/extract_blind15: an initial inside a transliterated name; [J/OL] with its access date
            (
                "詹姆斯·R. 霍尔. 学校与社会分层[M]. 李静, 译. 北京: 商务印书馆, 2009: 56.",
                {
                    "type": "book",
                    "locator": "56",
                    "fields": {"author": "詹姆斯·R. 霍尔", "translator": "李静", "title": "学校与社会分层"},
                },
            ),
            (
                "黄某. 学区房溢价[J/OL]. 经济学(季刊), 2021, 21(3): 889-910[2022-11-30]. https://doi.org/10.1/x.",
                {
                    "type": "article",
                    "locator": "889-910",
                    "fields": {"journaltitle": "经济学(季刊)", "pages": "889-910", "urldate": "2022-11-30"},
                },
            ),
            # tests/data/extract_blind12: [C]. In: instead of [C]//
            (
                "Cohn R. Diasporas and the State[C]. In: Vertovic S, Cohn R, eds. Migration and Diasporas. Cheltenham: "
                "Edward Elgar, 1999: 252-266.",
                {
                    "type": "incollection",
                    "locator": "252-266",
                    "fields": {"booktitle": "Migration and Diasporas", "publisher": "Edward Elgar", "date": "1999"},
                },
            ),
            # tests/test_extract_patterns.py
            (
                "阎学通. 道义现实主义的国际关系理论[J]. 国际问题研究, 2014, (5): 102-128.",
                {
                    "type": "article",
                    "locator": "102-128",
                    "fields": {
                        "author": "阎学通",
                        "journaltitle": "国际问题研究",
                        "date": "2014",
                        "number": "5",
                        "pages": "102-128",
                    },
                },
            ),
            (
                "Keohane R O. After Hegemony[M]. Princeton: Princeton University Press, 1984: 45.",
                {
                    "type": "book",
                    "locator": "45",
                    "fields": {"title": "After Hegemony", "publisher": "Princeton University Press", "date": "1984"},
                },
            ),
            # tests/test_extract_note_forms.py
            (
                "李明. 东亚合作的制度困境[M]//张华, 刘强. 东亚秩序与中国. 上海: 上海人民出版社, 2012: 33-50.",
                {
                    "type": "incollection",
                    "locator": "33-50",
                    "fields": {
                        "author": "李明",
                        "editor": "张华 and 刘强",
                        "title": "东亚合作的制度困境",
                        "booktitle": "东亚秩序与中国",
                        "location": "上海",
                        "publisher": "上海人民出版社",
                        "date": "2012",
                        "pages": "33-50",
                    },
                },
            ),
            # tests/test_extract_patterns.py
            (
                "习近平. 坚持走和平发展道路[N]. 人民日报, 2013-01-30(1).",
                {
                    "type": "article",
                    "fields": {
                        "entrysubtype": "newspaper",
                        "journaltitle": "人民日报",
                        "date": "2013-01-30",
                        "pages": "1",
                    },
                },
            ),
            # Western authors given-first, places and publishers with commas, zero-padded issues
            (
                "Kenneth N. Waltz. Theory of International Politics[M]. Reading, Mass.: Addison-Wesley, 1979: 88.",
                {
                    "type": "book",
                    "locator": "88",
                    "fields": {
                        "author": "Waltz, Kenneth N.",
                        "title": "Theory of International Politics",
                        "location": "Reading, Mass.",
                        "publisher": "Addison-Wesley",
                        "date": "1979",
                    },
                },
            ),
            (
                "Keohane R O, Nye J S. Power and Interdependence[M]. Boston: Little, Brown, 1977.",
                {
                    "type": "book",
                    "fields": {
                        "author": "Keohane, R O and Nye, J S",
                        "location": "Boston",
                        "publisher": "Little, Brown",
                    },
                },
            ),
            (
                "Zhang Feng. The Tsinghua Approach[J]. Chinese Journal of International Politics, 2012, 5(1): 73-102.",
                {"type": "article", "fields": {"author": "Zhang, Feng", "volume": "5", "number": "1"}},
            ),
            (
                "毛某.东亚区域合作的制度演进[J].世界经济与政治,2015(07):45-66.",
                {"type": "article", "fields": {"number": "7", "pages": "45-66"}},
            ),
            # tests/data/extract_blind38: pages a PDF spaced digit by digit; a particle name in capitals
            # and its translator before ``trans.``
            (
                "吴 青,张 磊.吐鲁番出土文书所见唐代过所制度[J].敦煌研究,2018(2):1 0 2-1 1 0.",
                {"type": "article", "locator": "102-110", "fields": {"pages": "102-110"}},
            ),
            (
                "DE LA VALLIÈRE É. Sogdian merchants: a history[M]. WARD J, trans. Leiden: Brill, 2005: 45-47.",
                {
                    "type": "book",
                    "locator": "45-47",
                    "fields": {"author": "DE LA VALLIÈRE, É", "translator": "WARD, J", "location": "Leiden"},
                },
            ),
        ),
    ),
    Genre(
        "gbt-untagged-online",
        "gbt",
        _title_stop_then_url,
        parse_gbt_untagged_online,
        needs_cjk=True,
        examples=(
            # tests/test_extract_blind27_causes.py::test_untagged_gbt_web_reference
            (
                "某某部.关于推进某某工作的意见(某发〔2019〕12号).http://www.example.gov.cn/a/t2019.html. [2021-03-04]",
                {
                    "type": "online",
                    "fields": {
                        "author": "{某某部}",
                        "title": "关于推进某某工作的意见(某发〔2019〕12号)",
                        "url": "http://www.example.gov.cn/a/t2019.html",
                        "urldate": "2021-03-04",
                    },
                },
            ),
        ),
    ),
    Genre(
        "gbt-untagged-article",
        "gbt",
        _issue_then_pages,
        parse_gbt_untagged_article,
        needs_cjk=True,
        examples=(
            # tests/test_extract_cjk_notes.py::test_an_untagged_gbt_article_of_a_listing
            (
                "赵某,钱某.村落的人口迁移 . 人口学刊 . 1995, (3): 21 -26 .",
                {
                    "type": "article",
                    "fields": {
                        "author": "赵某 and 钱某",
                        "title": "村落的人口迁移",
                        "journaltitle": "人口学刊",
                        "date": "1995",
                        "number": "3",
                        "pages": "21-26",
                    },
                },
            ),
        ),
    ),
    Genre(
        "russian",
        "russian",
        _mostly_cyrillic,
        parse_russian,
        examples=(
            # tests/data/extract_blind25: a newspaper's issue with the month abbreviated (GOST)
            (
                "Указ о земле // Известия. 1953. 14 нояб.",
                {"type": "article", "fields": {"journaltitle": "Известия", "date": "1953-11-14"}},
            ),
            # tests/data/extract_blind25: Кн. N names the book of a work in books (after Т. N, a part)
            (
                "Петров И.В. Степь и город: очерки истории. Кн. 3. Алматы: Дайк-Пресс, 2012. С. 40.",
                {"type": "book", "locator": "40", "fields": {"title": "Степь и город: очерки истории", "volume": "3"}},
            ),
            # tests/test_extract_patterns.py
            (
                "Арбатов А.Г. Безопасность: российский выбор. М.: ЭПИцентр, 1999. С. 15.",
                {
                    "type": "book",
                    "locator": "15",
                    "fields": {
                        "author": "Арбатов, А.Г.",
                        "title": "Безопасность: российский выбор",
                        "location": "Москва",
                        "publisher": "ЭПИцентр",
                        "date": "1999",
                        "langid": "russian",
                    },
                },
            ),
            (
                "Караганов С.А. Новая внешняя политика России // Россия в глобальной политике. 2016. № 3. С. 8–20.",
                {
                    "type": "article",
                    "locator": "8-20",
                    "fields": {"journaltitle": "Россия в глобальной политике", "number": "3", "date": "2016"},
                },
            ),
            (
                "АВП РФ. Ф. 0100. Оп. 42. П. 288. Д. 19. Л. 81–85.",
                {"type": "misc", "locator": "81-85", "fields": {"entrysubtype": "archive", "langid": "russian"}},
            ),
            # tests/data/extract_blind31: a document approved by an order, its date in words
            (
                "Программа развития Севера до 2030 года: утв. распоряжением Правительства РФ от 3 мая 2019 г. № 812-р.",
                {
                    "type": "legislation",
                    "fields": {
                        "title": "Программа развития Севера до 2030 года",
                        "date": "2019-05-03",
                        "number": "812-р",
                    },
                },
            ),
            # tests/data/extract_blind26: an act by kind, date, number and «title»
            (
                "Федеральный закон от 21.11.2011 № 323-ФЗ «Об основах охраны здоровья граждан».",
                {
                    "type": "legislation",
                    "fields": {"title": "Об основах охраны здоровья граждан", "date": "2011-11-21", "number": "323-ФЗ"},
                },
            ),
        ),
    ),
    Genre(
        "ja-court-decision",
        "jpdate",
        is_japanese_case,
        parse_japanese_case,
        needs_cjk=True,
        examples=(
            # tests/data/extract_blind9 (Japanese civil-law notes): era dates, law reports
            (
                "最判昭和48年10月9日民集27巻9号1129頁。",
                {
                    "type": "jurisdiction",
                    "fields": {
                        "institution": "最高裁判所",
                        "date": "1973-10-09",
                        "journaltitle": "民集",
                        "volume": "27",
                        "number": "9",
                        "pages": "1129",
                    },
                },
            ),
            (
                "大阪地判令和元年5月8日判時2450号30頁。",
                {"type": "jurisdiction", "fields": {"institution": "大阪地", "date": "2019-05-08", "number": "2450"}},
            ),
        ),
    ),
    Genre(
        "cjk-author-date",
        "jpdate",
        is_cjk_author_date,
        parse_cjk_author_date,
        needs_cjk=True,
        examples=(
            # tests/data/extract_blind9 (Japanese author-date reference lists)
            (
                "森田一郎 (2010)『制度と組織の経済学』有斐閣.",
                {
                    "type": "book",
                    "fields": {
                        "author": "森田一郎",
                        "title": "制度と組織の経済学",
                        "publisher": "有斐閣",
                        "date": "2010",
                    },
                },
            ),
            (
                "―― (2012)「雇用の流動化」『日本労働研究雑誌』54(3): 4-15.",
                {"type": "article", "fields": {"author": "――", "journaltitle": "日本労働研究雑誌", "date": "2012"}},
            ),
            (
                "王某（2015）：《国家能力研究》，北京：某某出版社。",
                {"type": "book", "fields": {"author": "王某", "title": "国家能力研究", "date": "2015"}},
            ),
            # tests/data/extract_blind6 (a Chinese sociology journal's author-date list)
            (
                "李某、陈某,2016,《项目进村中的精英俘获》,《社会学研究》第3期。",
                {
                    "type": "article",
                    "fields": {"author": "李某 and 陈某", "journaltitle": "社会学研究", "number": "3", "date": "2016"},
                },
            ),
            (
                "费某,1998,《乡土社会》,北京:北京大学出版社。",
                {"type": "book", "fields": {"location": "北京", "publisher": "北京大学出版社", "date": "1998"}},
            ),
            # tests/test_extract_blind35_causes.py (a Korean list: name, year and title set off by stops)
            (
                "김철수. 2004. 『바다와 소금』. 서울: 민음사.",
                {
                    "type": "book",
                    "fields": {"author": "김철수", "title": "바다와 소금", "location": "서울", "publisher": "민음사"},
                },
            ),
            # tests/data/extract_blind19 (a Japanese list: spaced names, 62(2)、pages 頁, editors joined by ・)
            (
                "浜田涼（2018）「介護と移民」北村信・大島礼子編『移動の社会学』明石書店、pp.77-98。",
                {
                    "type": "incollection",
                    "locator": "77-98",
                    "fields": {"editor": "北村信 and 大島礼子", "publisher": "明石書店", "date": "2018"},
                },
            ),
            (
                "ミラー、ジョナサン（2011）『港湾の経済史』木下望訳、岩波書店。",
                {"type": "book", "fields": {"author": "ミラー、ジョナサン", "translator": "木下望"}},
            ),
        ),
    ),
    Genre(
        "gost-latin",
        "russian",
        _gost_latin,
        parse_russian,
        examples=(
            # tests/data/extract_blind7 and extract_blind10 (English works in Russian notes)
            (
                "Waltz K.N. Theory of International Politics. Reading (Mass.): Addison-Wesley, 1979. P. 97.",
                {
                    "type": "book",
                    "locator": "97",
                    "fields": {
                        "author": "Waltz, K.N.",
                        "title": "Theory of International Politics",
                        "publisher": "Addison-Wesley",
                        "date": "1979",
                        "langid": "english",
                    },
                },
            ),
            (
                "Ikenberry G.J. The End of Liberal International Order? // International Affairs. 2018. Vol. 94, No. 1. "
                "P. 7–23.",
                {
                    "type": "article",
                    "locator": "7-23",
                    "fields": {"journaltitle": "International Affairs", "volume": "94", "number": "1", "pages": "7-23"},
                },
            ),
            # tests/data/extract_blind38: a city and year with no publisher, a year in the title before them
            (
                "Stiles R. Russian Popular Culture: Entertainment and Society since 1900. Cambridge, 1993. P. 85.",
                {"type": "book", "locator": "85", "fields": {"location": "Cambridge", "date": "1993"}},
            ),
        ),
    ),
    Genre(
        "cjk-title-mark-first",
        "cjk",
        _title_mark_leads,
        parse_cjk_or_court_case,
        needs_cjk=True,
        examples=(
            # tests/data/extract_blind25: a series in brackets between the title and the press; an era
            # year inside a title kept as printed
            (
                "川島真『近代国家への模索 1894-1925』（シリーズ中国近現代史②）岩波新書、2010年、5頁。",
                {
                    "type": "book",
                    "locator": "5",
                    "fields": {"series": "シリーズ中国近現代史②", "publisher": "岩波新書", "date": "2010"},
                },
            ),
            # 監訳 (a supervised translation) credits translators as 訳 does
            (
                "山田一郎・川島花子監訳『港の時代』名古屋大学出版会、2011年、118頁。",
                {"type": "book", "locator": "118", "fields": {"translator": "山田一郎 and 川島花子"}},
            ),
            # a stray closing bracket pasted after a URL is no part of it
            (
                "某研究院:《港口报告(2020)》,https://example.org/files/report.pdf],访问日期:2020-06-01。",
                {"type": "report", "fields": {"url": "https://example.org/files/report.pdf", "urldate": "2020-06-01"}},
            ),
            # a ministry's section (課) is a body, not a person
            (
                "総務課編『出入国管理』大蔵省印刷局、2017年、9頁。",
                {"type": "book", "locator": "9", "fields": {"editor": "{総務課}", "publisher": "大蔵省印刷局"}},
            ),
            (
                "厚生労働省「賃金構造基本統計調査（令和2年）結果の概況」https://example.go.jp/a.html（2021年5月1日アクセス）。",
                {
                    "type": "online",
                    "fields": {"title": "賃金構造基本統計調査（令和2年）結果の概況", "urldate": "2021-05-01"},
                },
            ),
            # tests/data/extract_blind25: a piece in its author's collected works named without an imprint
            (
                "茅盾：《论现实主义》，《茅盾全集》第21卷，第35页。",
                {"type": "inbook", "locator": "35", "fields": {"booktitle": "茅盾全集", "volume": "21"}},
            ),
            # tests/data/extract_blind25: a numbered paper series after the title (its name as `type`)
            (
                "森田真一「物価と賃金の連動」日本銀行ワーキングペーパーシリーズ No.17-J-3、2017年5月。",
                {
                    "type": "report",
                    "fields": {"type": "日本銀行ワーキングペーパーシリーズ", "number": "17-J-3", "date": "2017-05"},
                },
            ),
            (
                "北川亮「企業の新陳代謝」RIETI Discussion Paper Series 18-J-044、経済産業研究所、2018年。",
                {
                    "type": "report",
                    "fields": {
                        "type": "RIETI Discussion Paper Series",
                        "number": "18-J-044",
                        "institution": "経済産業研究所",
                    },
                },
            ),
            (
                "王某：《地方债务与银行信贷》，清华大学金融研究院工作论文，No.W2020013，2020年。",
                {
                    "type": "report",
                    "fields": {"type": "工作论文", "institution": "清华大学金融研究院", "number": "W2020013"},
                },
            ),
            # tests/data/extract_blind25: a Chinese work cited the Japanese way keeps its language
            (
                "张某『国际关系理论与中国外交』北京：世界知识出版社、2015年、45頁。",
                {"type": "book", "locator": "45", "fields": {"langid": "chinese", "publisher": "世界知识出版社"}},
            ),
            # tests/data/extract_blind23: a research institute's numbered report series
            (
                "한국국방연구원, 「동맹 관리의 과제」, KIDA 연구총서 21-07 (서울: 한국국방연구원, 2021).",
                {"type": "report", "fields": {"number": "21-07", "publisher": "한국국방연구원", "date": "2021"}},
            ),
            # tests/data/extract_blind23: a chapter in the author's own book (载氏著《…》)
            (
                "钱穆：《论十翼非孔子作》，载氏著《中国学术思想史论丛》，北京：三联书店2009年版，第50-61页。",
                {
                    "type": "incollection",
                    "locator": "50-61",
                    "fields": {"title": "论十翼非孔子作", "booktitle": "中国学术思想史论丛", "pages": "50-61"},
                },
            ),
            # tests/data/extract_blind23: a Japanese access date after the URL without brackets
            (
                "環境省『令和3年版環境白書』、2021年、https://www.env.go.jp/policy/hakusyo/r03/、2022年2月3日閲覧。",
                {"type": "report", "fields": {"date": "2021", "urldate": "2022-02-03"}},
            ),
            # tests/data/extract_blind23: a Japanese body whose name holds a dot, as author and editor
            (
                "国立環境政策・地域研究所「東アジアの貿易統計」https://www.ide.go.jp/x/1.html（2021年5月1日閲覧）。",
                {
                    "type": "online",
                    "fields": {"author": "{国立環境政策・地域研究所}", "urldate": "2021-05-01"},
                },
            ),
            (
                "科学技術振興・研究開発機構編『研究開発の俯瞰報告書 2020』同機構、2020年。",
                {"type": "book", "fields": {"editor": "{科学技術振興・研究開発機構}", "date": "2020"}},
            ),
            # tests/data/extract_blind23: who edited a classic's text (点校, 校订, 校定, 编校), after
            # the title, before it beside the author (撰), or before the collected works
            (
                "〔明〕宋应星：《天工开物》，钟广言点校，广州：广东人民出版社1976年版，第12页。",
                {"type": "book", "locator": "12", "fields": {"author": "宋应星", "editor": "钟广言"}},
            ),
            (
                "废名：《莫须有先生传》，王风校订，北京：北京大学出版社2009年版，第33页。",
                {"type": "book", "fields": {"author": "废名", "editor": "王风", "publisher": "北京大学出版社"}},
            ),
            (
                "〔晋〕郭璞撰，〔清〕郝懿行校定：《山海经笺疏》，成都：巴蜀书社1985年版，第7页。",
                {"type": "book", "fields": {"author": "郭璞", "editor": "郝懿行", "title": "山海经笺疏"}},
            ),
            (
                "李贽：《焚书》，载张建业等编校：《李贽文集》，北京：社会科学文献出版社2000年版，第5页。",
                {
                    "type": "inbook",
                    "locator": "5",
                    "fields": {"author": "李贽", "editor": "张建业 and others", "booktitle": "李贽文集"},
                },
            ),
            # tests/data/extract_blind23: a Korean article's title in double quotes before its journal
            # in 『』 (volume 제N권/제N집, issue 제N호/N호); an access date written 2019.3.5
            (
                '김하늘, "동북아 안보와 동맹," 『평화연구』 제31권 제4호 (2019), pp. 77-102.',
                {
                    "type": "article",
                    "locator": "77-102",
                    "fields": {
                        "author": "김하늘",
                        "title": "동북아 안보와 동맹",
                        "journaltitle": "평화연구",
                        "volume": "31",
                        "number": "4",
                        "pages": "77-102",
                    },
                },
            ),
            (
                '"북미 회담 결과 발표," 『한국일보』, 2019년 3월 2일, https://www.hankookilbo.com/v/123 (검색일: 2019.3.5).',
                {
                    "type": "article",
                    "fields": {"journaltitle": "한국일보", "date": "2019-03-02", "urldate": "2019-03-05"},
                },
            ),
            # tests/data/extract_blind22: a Korean chapter, the book's editor (a society) before 편
            (
                "박서연, 「개항장의 세관 제도」, 한국근대사연구회 편, 『개항기 제도사 연구』, 서울: 해안출판사, 2015, 33-61쪽.",
                {
                    "type": "incollection",
                    "locator": "33-61",
                    "fields": {
                        "author": "박서연",
                        "editor": "{한국근대사연구회}",
                        "booktitle": "개항기 제도사 연구",
                        "location": "서울",
                        "pages": "33-61",
                    },
                },
            ),
            # tests/data/extract_blind21 and 22: a Japanese archive document, its holder before 所蔵
            (
                "内務省地方局「町村合併状況報告」1889年、国立公文書館所蔵、4.2.1.17。",
                {
                    "type": "misc",
                    "fields": {
                        "entrysubtype": "archive",
                        "title": "町村合併状況報告",
                        "library": "国立公文書館",
                        "number": "4.2.1.17",
                        "date": "1889",
                    },
                },
            ),
            (
                "「県治ニ関スル上申書」（東京大学法学部所蔵「山田顕義関係文書」五四）。",
                {
                    "type": "misc",
                    "fields": {"entrysubtype": "archive", "title": "県治ニ関スル上申書", "library": "東京大学法学部"},
                },
            ),
            # tests/data/extract_blind14: a memoir's fascicle (分册) and a collection's series volume (辑)
            (
                "顾维钧:《顾维钧回忆录》第1分册,中国社会科学院近代史研究所译,北京:中华书局1983年版,第201页。",
                {
                    "type": "book",
                    "locator": "201",
                    "fields": {
                        "author": "顾维钧",
                        "title": "顾维钧回忆录",
                        "volume": "1",
                        "publisher": "中华书局",
                        "date": "1983",
                    },
                },
            ),
            (
                "章某编：《中国近代农业史资料》第1辑，北京：生活·读书·新知三联书店1957年版，第56页。",
                {
                    "type": "book",
                    "locator": "56",
                    "fields": {"title": "中国近代农业史资料", "volume": "1", "date": "1957"},
                },
            ),
            # tests/data/extract_blind12 (Chinese notes copied from journal sites)
            (
                "何某:《明清盐商与社会流动》,徐某译注,台北:联经出版事业股份有限公司2013年版,第53页。",
                {"type": "book", "locator": "53", "fields": {"translator": "徐某", "location": "台北"}},
            ),
            (
                "王某:《清代经济史论文集》(一),板桥:稻乡出版社2003年版,第200页。",
                {"type": "book", "fields": {"volume": "1", "publisher": "稻乡出版社"}},
            ),
            (
                "某部:《某某意见》,2016年12月11日,http://www.gov.cn/zhengce/content_1.htm,2021年3月1日访问。",
                {
                    "type": "legislation",
                    "fields": {"url": "http://www.gov.cn/zhengce/content_1.htm", "urldate": "2021-03-01"},
                },
            ),
            # tests/test_extract_patterns.py
            (
                "阎学通：《道义现实主义的国际关系理论》，载《国际问题研究》2014 年第 5 期，第 102—128 页。",
                {
                    "type": "article",
                    "locator": "102-128",
                    "fields": {
                        "author": "阎学通",
                        "title": "道义现实主义的国际关系理论",
                        "journaltitle": "国际问题研究",
                        "date": "2014",
                        "number": "5",
                        "pages": "102-128",
                        "langid": "chinese",
                    },
                },
            ),
            (
                "阎学通：《世界权力的转移：政治领导与战略竞争》，北京：北京大学出版社 2015 年版，第 33 页。",
                {
                    "type": "book",
                    "locator": "33",
                    "fields": {
                        "author": "阎学通",
                        "title": "世界权力的转移：政治领导与战略竞争",
                        "location": "北京",
                        "publisher": "北京大学出版社",
                        "date": "2015",
                    },
                },
            ),
            (
                "秦亚青：《关系本位与过程建构》，载王逸舟主编：《中国国际关系研究（1995—2005）》，北京大学出版社 2006 年版，第 55—88 页。",
                {
                    "type": "incollection",
                    "locator": "55-88",
                    "fields": {
                        "author": "秦亚青",
                        "editor": "王逸舟",
                        "booktitle": "中国国际关系研究（1995—2005）",
                        "publisher": "北京大学出版社",
                        "pages": "55-88",
                    },
                },
            ),
            (
                "《坚持走和平发展道路》，《人民日报》2013 年 1 月 30 日，第 1 版。",
                {
                    "type": "article",
                    "fields": {
                        "title": "坚持走和平发展道路",
                        "journaltitle": "人民日报",
                        "entrysubtype": "newspaper",
                        "date": "2013-01-30",
                        "pages": "1",
                    },
                },
            ),
            (
                "张明：《冷战后美国联盟政策研究》，博士学位论文，北京大学国际关系学院，2010 年，第 45 页。",
                {
                    "type": "thesis",
                    "locator": "45",
                    "fields": {
                        "author": "张明",
                        "type": "博士学位论文",
                        "institution": "北京大学国际关系学院",
                        "date": "2010",
                    },
                },
            ),
            (
                "佐藤優『国家の罠』新潮社、2005年、99—103頁。",
                {
                    "type": "book",
                    "locator": "99-103",
                    "fields": {
                        "author": "佐藤優",
                        "title": "国家の罠",
                        "publisher": "新潮社",
                        "date": "2005",
                        "langid": "japanese",
                    },
                },
            ),
            (
                "김준형, 「한미동맹의 미래」, 『국가전략』 제20권 제1호, 2014, 15-40쪽.",
                {
                    "type": "article",
                    "locator": "15-40",
                    "fields": {
                        "title": "한미동맹의 미래",
                        "journaltitle": "국가전략",
                        "volume": "20",
                        "number": "1",
                        "langid": "korean",
                    },
                },
            ),
            # tests/data/extract_blind31: a Korean or Japanese law by its promulgation number
            (
                "「출입국관리법 시행령」(대통령령 제1234호, 2010. 5. 4. 개정).",
                {
                    "type": "legislation",
                    "fields": {"title": "출입국관리법 시행령", "number": "대통령령 제1234호", "date": "2010-05-04"},
                },
            ),
            (
                "『漁業法』（昭和24年法律第267号）第3条。",
                {"type": "legislation", "fields": {"title": "漁業法", "number": "昭和24年法律第267号"}},
            ),
            # tests/test_extract_legal.py::test_chinese_court_decisions_are_jurisdiction
            (
                "《王某诉李某合同纠纷案》，最高人民法院指导案例 15 号，2013 年 1 月 31 日发布。",
                {
                    "type": "jurisdiction",
                    "fields": {"number": "指导案例15号", "institution": "最高人民法院", "date": "2013-01-31"},
                },
            ),
            (
                "《丙诉丁侵权案》，北京市高级人民法院（2017）京民终 88 号民事判决书，2017 年 6 月 1 日。",
                {
                    "type": "jurisdiction",
                    "fields": {
                        "number": "（2017）京民终88号",
                        "institution": "北京市高级人民法院",
                        "date": "2017-06-01",
                    },
                },
            ),
        ),
    ),
    Genre("cjk-book-marks", "cjk", _chinese_with_book_marks, parse_cjk, needs_cjk=True),  # no example in the tests yet
    Genre(
        "cjk-archive-first",
        "cjk",
        archive_first,
        parse_cjk_archive_first,
        needs_cjk=True,
        examples=(
            # tests/test_extract_blind34_causes.py: the archive first, no title marks
            (
                "上海市档案馆藏工部局档案，关于码头捐的报告，1931年5月，档号U1-3-2207，第6页。",
                {
                    "type": "misc",
                    "locator": "6",
                    "fields": {
                        "entrysubtype": "archive",
                        "title": "关于码头捐的报告",
                        "library": "上海市档案馆",
                        "number": "U1-3-2207",
                        "date": "1931-05",
                    },
                },
            ),
        ),
    ),
    Genre(
        "cjk-unmarked",
        "cjk",
        _chinese_without_marks,
        parse_cjk_or_court_case,
        needs_cjk=True,
        examples=(
            # a Japanese law named …に関する法律, its number in brackets (sets 13, 31 and 33)
            (
                "港湾の安全な利用の促進に関する法律(平成12年法律第45号)。",
                {
                    "type": "legislation",
                    "fields": {"title": "港湾の安全な利用の促進に関する法律", "number": "平成12年法律第45号"},
                },
            ),
            # tests/data/extract_blind10 (Chinese law notes): a judgment cited by court and docket
            (
                "某某诉某公司合同纠纷案，杭州互联网法院（2020）浙 0192 民初 3081 号民事判决书。",
                {
                    "type": "jurisdiction",
                    "fields": {
                        "title": "某某诉某公司合同纠纷案",
                        "institution": "杭州互联网法院",
                        "number": "（2020）浙0192民初3081号",
                        "date": "2020",
                    },
                },
            ),
            # tests/data/extract_blind31: a guiding case by its number, the case named after it
            (
                "最高人民法院指导案例99号：某某诉某市水务公司供水合同纠纷案。",
                {
                    "type": "jurisdiction",
                    "fields": {
                        "title": "某某诉某市水务公司供水合同纠纷案",
                        "institution": "最高人民法院",
                        "number": "指导案例99号",
                    },
                },
            ),
            # tests/data/extract_blind31: a Japanese law cited unmarked, by its era year and number
            (
                "漁業法（昭和24年法律第267号）第3条。",
                {
                    "type": "legislation",
                    "fields": {"title": "漁業法", "number": "昭和24年法律第267号", "langid": "japanese"},
                },
            ),
            (
                "最高人民法院（2019）最高法民终 1234 号民事判决书。",
                {
                    "type": "jurisdiction",
                    "fields": {"title": "（2019）最高法民终1234号民事判决书", "institution": "最高人民法院"},
                },
            ),
        ),
    ),
    Genre(
        "cn-law-in-english",
        "lawcites",
        chinese_law_in_english,
        parse_chinese_law_in_english,
        examples=(
            # tests/data/extract_blind26 (a law review article on Chinese data law)
            (
                "Data Security Law of the People's Republic of China (promulgated by the Standing Comm. "
                "Nat'l People's Cong., June 10, 2021, effective Sept. 1, 2021), art. 21 (China).",
                {
                    "type": "legislation",
                    "locator": None,
                    "fields": {"title": "Data Security Law of the People's Republic of China", "date": "2021-06-10"},
                },
            ),
            (
                "Supreme People's Procuratorate, Opinions on Handling Cases of Telecom Fraud, Gao Jian Fa "
                "[2016] No. 32 (Dec. 19, 2016) (China).",
                {
                    "type": "legislation",
                    "fields": {
                        "author": "{Supreme People's Procuratorate}",
                        "title": "Opinions on Handling Cases of Telecom Fraud",
                        "number": "Gao Jian Fa [2016] No. 32",
                        "date": "2016-12-19",
                    },
                },
            ),
            (
                "Li Ming v. Shanghai Metro Co., (2018) Hu 0104 Min Chu No. 512 (Shanghai Xuhui Dist. People's "
                "Ct. Mar. 3, 2019) (China).",
                {
                    "type": "jurisdiction",
                    "fields": {
                        "title": "Li Ming v. Shanghai Metro Co.",
                        "number": "(2018) Hu 0104 Min Chu No. 512",
                        "institution": "Shanghai Xuhui Dist. People's Ct.",
                        "date": "2019-03-03",
                    },
                },
            ),
        ),
    ),
    Genre(
        "western-legislation",
        "lawcites",
        western_law_cue,
        parse_western_legislation,
        examples=(
            # tests/data/extract_blind25: the article or section cited after the name is no part of it
            (
                "Charter of the Organization of American States art. XIV, Apr. 30, 1948, 119 U.N.T.S. 3.",
                {"type": "legislation", "fields": {"title": "Charter of the Organization of American States"}},
            ),
            (
                "Defense Production Act of 1950 § 721, 50 U.S.C. § 4565 (2018).",
                {"type": "legislation", "fields": {"title": "Defense Production Act of 1950", "date": "2018"}},
            ),
            # tests/data/extract_blind7 and extract_blind9 (statutes, treaties, resolutions)
            (
                "Consolidated Appropriations Act, 2016, Pub. L. No. 114-113, 129 Stat. 2242 (2015).",
                {"type": "legislation", "fields": {"title": "Consolidated Appropriations Act, 2016", "date": "2015"}},
            ),
            # the public law's number without its words; a treaty printed in two series: the first
            (
                "Space Resource Act, Pub. L. No. 114-90, 129 Stat. 704 (2015).",
                {"type": "legislation", "fields": {"number": "114-90", "journaltitle": None}},
            ),
            (
                "Treaty on the Use of Outer Space, Jan. 27, 1967, 18 U.S.T. 2410, 610 U.N.T.S. 205.",
                {
                    "type": "legislation",
                    "fields": {"journaltitle": "U.S.T.", "volume": "18", "pages": "2410", "number": None},
                },
            ),
            (
                "Convention on Cybercrime, Nov. 23, 2001, E.T.S. No. 185.",
                {"type": "legislation", "fields": {"title": "Convention on Cybercrime", "date": "2001-11-23"}},
            ),
            (
                "UNGA Res 2625 (XXV) (24 October 1970) UN Doc A/RES/2625(XXV).",
                {"type": "legislation", "fields": {"date": "1970-10-24"}},
            ),
            ("S. Rep. No. 114-87, at 12 (2015).", {"type": "report", "locator": "12", "fields": {"date": "2015"}}),
            # tests/data/extract_blind12 (a US environmental-law article)
            # tests/data/extract_blind14: a bilateral treaty with its parties, in U.S. Treaties
            (
                "Treaty of Friendship, Commerce and Navigation, Japan-U.S., Apr. 2, 1953, 4 U.S.T. 2063.",
                {
                    "type": "legislation",
                    "fields": {"title": "Treaty of Friendship, Commerce and Navigation", "date": "1953-04-02"},
                },
            ),
            (
                "Clean Water Act, 33 U.S.C. §§ 1251–1387 (2018).",
                {"type": "legislation", "fields": {"title": "Clean Water Act", "date": "2018"}},
            ),
            # tests/data/extract_blind22: a treaty in OSCOLA, its dates in brackets, the series after
            (
                "Convention on Fisheries in the Outer Sea (adopted 4 March 1961, entered into force 2 May 1964) 512 UNTS 77, art 5.",
                {
                    "type": "legislation",
                    "locator": None,
                    "fields": {
                        "title": "Convention on Fisheries in the Outer Sea",
                        "date": "1961-03-04",
                        "journaltitle": "UNTS",
                        "volume": "512",
                        "pages": "77",
                    },
                },
            ),
        ),
    ),
    Genre(
        "law-journal-style",
        "lawcites",
        law_journal_style,
        parse_law_secondary,
        examples=(
            # tests/data/extract_blind23: a Bluebook chapter in an edited book (the book's first page,
            # the page cited, the editors and year in brackets)
            (
                "Ann Lee, Rivers and Rights, in The Oxford Handbook of Water Law 101, 108 (Tom Hale & Ruth Ito eds., 2015).",
                {
                    "type": "incollection",
                    "locator": "108",
                    "fields": {
                        "author": "Lee, Ann",
                        "title": "Rivers and Rights",
                        "booktitle": "The Oxford Handbook of Water Law",
                        "editor": "Hale, Tom and Ito, Ruth",
                        "date": "2015",
                    },
                },
            ),
            # a year-like number before the brackets is the title's (Agenda 2030), no page 2030
            (
                "Ana Ruiz, Water Targets of Agenda 2030 (2016).",
                {"type": "book", "locator": None, "fields": {"title": "Water Targets of Agenda 2030", "date": "2016"}},
            ),
            # tests/data/extract_blind22: a chapter cited after the brackets is no page
            (
                "Marta Quispe, Rivers as Borders (CUP 2011) ch 6.",
                {
                    "type": "book",
                    "locator": None,
                    "fields": {
                        "author": "Quispe, Marta",
                        "title": "Rivers as Borders",
                        "publisher": "CUP",
                        "date": "2011",
                    },
                },
            ),
            # tests/data/extract_blind9 (Bluebook and OSCOLA notes)
            (
                "Anil Chandran & Uyen P. Leigh, Data Localism, 64 Emory L.J. 677, 690 (2015).",
                {
                    "type": "article",
                    "locator": "690",
                    "fields": {
                        "author": "Chandran, Anil and Leigh, Uyen P.",
                        "title": "Data Localism",
                        "journaltitle": "Emory L.J.",
                        "volume": "64",
                        "pages": "677",
                        "date": "2015",
                    },
                },
            ),
            (
                "Curtis J. Millhouse & Katrin Pistorius, Law and Capitalism Revisited 45 (2d ed. 2015).",
                {
                    "type": "book",
                    "locator": "45",
                    "fields": {"title": "Law and Capitalism Revisited", "edition": "2", "date": "2015"},
                },
            ),
            (
                "William H. Roe, Jr., Environmental Law (2d ed. 1994).",
                {
                    "type": "book",
                    "fields": {"author": "Roe, Jr., William H.", "title": "Environmental Law", "edition": "2"},
                },
            ),
            # tests/data/extract_blind14: a parenthetical that describes the work
            (
                "Harold H. Kohler, Why Do Nations Obey?, 106 Yale L.J. 2599, 2603 (1997) (book review).",
                {
                    "type": "article",
                    "locator": "2603",
                    "fields": {
                        "title": "Why Do Nations Obey?",
                        "journaltitle": "Yale L.J.",
                        "volume": "106",
                        "date": "1997",
                    },
                },
            ),
            (
                "Kristin Dale, Note, Rethinking Waters, 120 Yale L.J. 1720 (2011).",
                {"type": "article", "fields": {"title": "Rethinking Waters", "journaltitle": "Yale L.J."}},
            ),
            (
                "James Crawley, Brownlee's Principles of Public International Law (9th edn, OUP 2019) 112.",
                {
                    "type": "book",
                    "locator": "112",
                    "fields": {"author": "Crawley, James", "publisher": "OUP", "edition": "9", "date": "2019"},
                },
            ),
            (
                "Martti Koskinen, 'The Politics of International Law Revisited' (1990) 1 EJIL 4, 7.",
                {
                    "type": "article",
                    "locator": "7",
                    "fields": {
                        "title": "The Politics of International Law Revisited",
                        "journaltitle": "EJIL",
                        "volume": "1",
                    },
                },
            ),
            (
                "Anne Orfield, 'Constituting Order' in James Crawley and Martti Koskinen (eds), The Cambridge "
                "Companion to International Law (CUP 2012) 271, 280.",
                {
                    "type": "incollection",
                    "locator": "280",
                    "fields": {
                        "editor": "Crawley, James and Koskinen, Martti",
                        "booktitle": "The Cambridge Companion to International Law",
                        "publisher": "CUP",
                    },
                },
            ),
        ),
    ),
    Genre(
        "un-document",
        "law",
        is_un_doc,
        parse_un_doc,
        examples=(
            # tests/data/extract_blind19 (a Bluebook UN document with a perma.cc link)
            (
                "U.N. Env't Programme, Emissions Gap Report 2019, at 31, U.N. Doc. UNEP/EGR/2019 (2019), "
                "https://example.org/egr2019.pdf [https://perma.cc/AB12-CD34].",
                {
                    "type": "report",
                    "locator": "31",
                    "fields": {
                        "author": "{U.N. Env't Programme}",
                        "title": "Emissions Gap Report 2019",
                        "number": "UNEP/EGR/2019",
                        "url": "https://example.org/egr2019.pdf",
                    },
                },
            ),
        ),
    ),
    Genre(
        "wto-report",
        "law",
        is_wto_report,
        parse_wto_report,
        examples=(
            # tests/data/extract_blind25: Bluebook's "WTO Doc." before the symbol
            (
                "Panel Report, India—Tariffs on Steel Wire, WTO Doc. WT/DS677/R (adopted Jan. 9, 2020).",
                {"type": "jurisdiction", "fields": {"number": "WT/DS677/R", "date": "2020-01-09", "author": None}},
            ),
            # tests/data/extract_blind19 (a WTO report in an English note of a Chinese law article)
            (
                "Panel Report, EU — Duties on Olive Oil from Tunisia, WT/DS612/R, adopted 3 May 2021, para. 7.48.",
                {
                    "type": "jurisdiction",
                    "locator": "para. 7.48",
                    "fields": {
                        "title": "EU — Duties on Olive Oil from Tunisia",
                        "number": "WT/DS612/R",
                        "date": "2021-05-03",
                        "author": None,
                    },
                },
            ),
        ),
    ),
    Genre(
        "case-law",
        "law",
        _always,
        parse_case,
        examples=(
            # tests/data/extract_blind23: a Bluebook ICJ cite's pinpoint after its first page; a case
            # brought by special agreement (the parties joined by a slash, no "v.")
            (
                "Kasikili/Sedudu Island (Bots./Namib.), Judgment, 1999 I.C.J. 1045, 1062 (Dec. 13).",
                {
                    "type": "jurisdiction",
                    "locator": "1062",
                    "fields": {
                        "title": "Kasikili/Sedudu Island (Bots./Namib.)",
                        "date": "1999-12-13",
                        "pages": "1045",
                        "author": None,
                    },
                },
            ),
            (
                "Oil Platforms (Iran v. U.S.), Judgment, 2003 I.C.J. 161, 183-84 (Nov. 6).",
                {"type": "jurisdiction", "locator": "183-84", "fields": {"pages": "161", "date": "2003-11-06"}},
            ),
            # the parties to a special agreement named whole, a slash between them
            (
                "Gulf Shelf (Kingdom of Ruritania/Freedonia), Judgment, I.C.J. Reports 1971, p. 5, para. 40.",
                {
                    "type": "jurisdiction",
                    "locator": "para. 40",
                    "fields": {
                        "title": "Gulf Shelf (Kingdom of Ruritania/Freedonia)",
                        "journaltitle": "I.C.J. Reports",
                    },
                },
            ),
            # tests/data/extract_blind22: the ICJ in OSCOLA, the stage of the proceedings dropped
            (
                "Maritime Boundary in the Gulf (Ruritania v Freedonia) (Preliminary Objections) [2009] ICJ Rep 412, para 31.",
                {
                    "type": "jurisdiction",
                    "locator": None,
                    "fields": {
                        "title": "Maritime Boundary in the Gulf (Ruritania v Freedonia)",
                        "journaltitle": "ICJ Rep",
                        "pages": "412",
                        "date": "2009",
                    },
                },
            ),
            (
                "Status of Eastern Waters (Advisory Opinion) [1975] ICJ Rep 12, 30.",
                {"type": "jurisdiction", "locator": "30", "fields": {"title": "Status of Eastern Waters"}},
            ),
            # tests/data/extract_blind14: the ICJ in Bluebook form, the year before the reporter
            (
                "Military and Paramilitary Activities (Nicar. v. U.S.), Judgment, 1986 I.C.J. 14, ¶ 186 (June 27).",
                {
                    "type": "jurisdiction",
                    "locator": "para. 186",
                    "fields": {
                        "title": "Military and Paramilitary Activities (Nicar. v. U.S.)",
                        "journaltitle": "I.C.J.",
                        "pages": "14",
                        "date": "1986-06-27",
                    },
                },
            ),
            (
                "Territorial Dispute (Nicaragua v. Colombia), Judgment, I.C.J. Reports 2012, p. 624, at p. 674, para. 139.",
                {"type": "jurisdiction", "locator": "674", "fields": {"pages": "624", "date": "2012"}},
            ),
            # tests/test_extract_legal.py::test_us_style_case_citation_is_jurisdiction
            (
                "Marbury v. Madison, 5 U.S. 137, 177 (1803).",
                {
                    "type": "jurisdiction",
                    "locator": "177",
                    "fields": {
                        "title": "Marbury v. Madison",
                        "journaltitle": "U.S.",
                        "volume": "5",
                        "pages": "137",
                        "date": "1803",
                    },
                },
            ),
            (
                "Smith v. Ocean Freight Co., 412 F.3d 88 (2d Cir. 2005).",
                {"type": "jurisdiction", "fields": {"institution": "2d Cir.", "journaltitle": "F.3d"}},
            ),
            # tests/test_extract_legal.py::test_international_judgment_and_award
            (
                "Fisheries Jurisdiction (Spain v. Canada), Jurisdiction of the Court, Judgment, I.C.J. Reports 1998, "
                "p. 432.",
                {
                    "type": "jurisdiction",
                    "fields": {
                        "title": "Fisheries Jurisdiction (Spain v. Canada)",
                        "journaltitle": "I.C.J. Reports",
                        "date": "1998",
                    },
                },
            ),
            (
                "The Arctic Sunrise Arbitration (Netherlands v. Russia), PCA Case No. 2014-02, "
                "Award of 14 August 2015, paras. 12-14.",
                {
                    "type": "jurisdiction",
                    "locator": "paras. 12-14",
                    "fields": {"number": "2014-02", "date": "2015-08-14", "institution": "PCA"},
                },
            ),
        ),
    ),
    Genre(
        "acs",
        "acs",
        acs_cue,
        parse_acs,
        examples=(
            # tests/test_extract_blind34_causes.py: MDPI / ACS reference lists
            (
                "Okoro, C.N.; Lind, P.; et al. Tidal mixing on narrow shelves. J. Mar. Syst. 2019, 12, 301–318.",
                {
                    "type": "article",
                    "locator": "301-318",
                    "fields": {
                        "author": "Okoro, C.N. and Lind, P. and others",
                        "title": "Tidal mixing on narrow shelves",
                        "journaltitle": "J. Mar. Syst.",
                        "date": "2019",
                        "volume": "12",
                        "pages": "301-318",
                    },
                },
            ),
            (
                "Berg, A.; Sato, K. Harbour dues. In Ports and Power; Lee, M., Ed.; Brill: Leiden, The Netherlands, "
                "2015; pp. 45–60.",
                {
                    "type": "incollection",
                    "locator": "45-60",
                    "fields": {
                        "booktitle": "Ports and Power",
                        "editor": "Lee, M.",
                        "publisher": "Brill",
                        "location": "Leiden, The Netherlands",
                    },
                },
            ),
            (
                "Moss, R. Ferry Subsidies in Island States; Policy Brief 7; Pacific Institute: Suva, Fiji, 2020.",
                {"type": "report", "fields": {"number": "Policy Brief 7", "institution": "Pacific Institute"}},
            ),
            (
                "Tan, W. Salt Flats and Empire. Ph.D. Thesis, University of Leeds, Leeds, UK, 2011.",
                {"type": "thesis", "fields": {"type": "phdthesis", "institution": "University of Leeds"}},
            ),
        ),
    ),
    Genre(
        "vancouver",
        "vancouver",
        vancouver_cue,
        parse_vancouver,
        examples=(
            # tests/data/extract_blind27: medical reference lists (ICMJE): initials without periods, et al.
            (
                "Okafor N, Lindqvist PR, Tanaka H, et al. Hand hygiene audits in rural clinics. BMJ Open. "
                "2018 Mar 3;8(4):e01234. doi:10.1136/bmjopen-2017-01234",
                {
                    "type": "article",
                    "locator": "e01234",
                    "fields": {
                        "author": "Okafor, N and Lindqvist, PR and Tanaka, H and others",
                        "title": "Hand hygiene audits in rural clinics",
                        "journaltitle": "BMJ Open",
                        "date": "2018",
                        "volume": "8",
                        "number": "4",
                        "pages": "e01234",
                    },
                },
            ),
            (
                "Pan American Health Organization. Dengue surveillance in the Americas, 2021. Washington, DC: "
                "PAHO; 2022.",
                {
                    "type": "report",
                    "fields": {
                        "author": "{Pan American Health Organization}",
                        "title": "Dengue surveillance in the Americas, 2021",
                        "location": "Washington, DC",
                        "publisher": "PAHO",
                        "date": "2022",
                    },
                },
            ),
            (
                "Meyer KL, Osei A. Primary care after the reform. 2nd ed. Oxford: Radcliffe; 2015.",
                {"type": "book", "fields": {"author": "Meyer, KL and Osei, A", "publisher": "Radcliffe"}},
            ),
        ),
    ),
    Genre(
        "mla-book",
        "mla",
        mla_cue,
        parse_mla_book,
        examples=(
            # tests/data/extract_blind27: an MLA works-cited list (no place; the second author given name first)
            (
                "Okonkwo, Adaeze M. Harbours of the Bight: Trade and Credit on the Niger Delta. Ohio UP, 2009.",
                {
                    "type": "book",
                    "fields": {
                        "author": "Okonkwo, Adaeze M.",
                        "title": "Harbours of the Bight: Trade and Credit on the Niger Delta",
                        "publisher": "Ohio UP",
                        "date": "2009",
                    },
                },
            ),
            (
                "Lund, Helle, and Tomas Ribeiro, editors. Paper Trails: Archives and Empire. Routledge, 2020.",
                {
                    "type": "collection",
                    "fields": {
                        "editor": "Lund, Helle and Ribeiro, Tomas",
                        "title": "Paper Trails: Archives and Empire",
                        "publisher": "Routledge",
                    },
                },
            ),
            (
                "Ferris, Dana, et al. Counting the Commons. U of Minnesota P, 2016.",
                {"type": "book", "fields": {"author": "Ferris, Dana and others", "title": "Counting the Commons"}},
            ),
        ),
    ),
    Genre(
        "social-media",
        "apa",
        _handle,
        parse_social,
        examples=(
            # tests/test_extract_western_notes.py::test_post_with_handle_is_online_with_platform_as_organization
            (
                "Jane Q. Doe (@janeqdoe), “The harbour reopens tomorrow,” Twitter, May 5, 2020, "
                "https://twitter.com/janeqdoe/status/1.",
                {
                    "type": "online",
                    "fields": {
                        "author": "Doe, Jane Q.",
                        "organization": "Twitter",
                        "date": "2020-05-05",
                        "title": "The harbour reopens tomorrow",
                    },
                },
            ),
            (
                "Port Authority of Busan [@BusanPort], “New berth opened,” X, June 2, 2023, "
                "https://x.com/BusanPort/status/2.",
                {"type": "online", "fields": {"author": "{Port Authority of Busan}", "organization": "X"}},
            ),
        ),
    ),
    Genre(
        "apa",
        "apa",
        _year_in_brackets,
        parse_apa,
        examples=(
            # tests/data/extract_blind38: a series in capitalised words before its number
            (
                "International Atomic Energy Agency. (2022). Nuclear power reactors in the world (Reference Data "
                "Series No. 2). IAEA.",
                {
                    "type": "report",
                    "fields": {
                        "title": "Nuclear power reactors in the world",
                        "type": "Reference Data Series",
                        "number": "2",
                    },
                },
            ),
            # tests/data/extract_blind25: an agency's report number after the title, the issuer after it
            (
                "Bureau of Labor Statistics. (2022). Employment projections 2021-2031 (BLS 2022-118). U.S. "
                "Department of Labor. https://example.gov/ep",
                {
                    "type": "report",
                    "fields": {
                        "title": "Employment projections 2021-2031",
                        "number": "BLS 2022-118",
                        "institution": "U.S. Department of Labor",
                    },
                },
            ),
            # tests/test_extract_western_notes.py::test_apa_references
            (
                "Acemoglu, D., Johnson, S., & Robinson, J. A. (2001). "
                "The colonial origins of comparative development: An empirical investigation. "
                "American Economic Review, 91(5), 1369-1401.",
                {
                    "type": "article",
                    "fields": {
                        "author": "Acemoglu, D. and Johnson, S. and Robinson, J. A.",
                        "journaltitle": "American Economic Review",
                        "volume": "91",
                        "number": "5",
                        "pages": "1369-1401",
                        "date": "2001",
                    },
                },
            ),
            (
                "Lardy, N. R. (2014). Markets over Mao: The rise of private business in China. Washington, "
                "DC: Peterson Institute for International Economics.",
                {
                    "type": "book",
                    "fields": {
                        "publisher": "Peterson Institute for International Economics",
                        "location": "Washington, DC",
                        "date": "2014",
                    },
                },
            ),
            (
                "Li, X.-Y. (2020, March 5). Why growth slowed? China Economic Review, 60, 101-120.",
                {"type": "article", "fields": {"author": "Li, X.-Y.", "date": "2020-03-05", "volume": "60"}},
            ),
            # tests/test_extract_western_notes.py::test_harvard_and_apa_news_items_and_a_corporate_strategy_online
            (
                "Vale, T. (2020, March 3). Harbours reopen. The Boston Globe. https://example.com/b",
                {"type": "article", "fields": {"journaltitle": "The Boston Globe", "entrysubtype": "newspaper"}},
            ),
            # tests/data/extract_blind7 (an APA list): sentence-case titles with ? and :, chapters,
            # bodies as authors, editors, theses
            (
                "Roe, A. (2018). Why now? Timing, risk, and the logic of alliances. Yale University Press.",
                {
                    "type": "book",
                    "fields": {
                        "title": "Why now? Timing, risk, and the logic of alliances",
                        "publisher": "Yale University Press",
                    },
                },
            ),
            (
                "Lin, K. (2019). Quiet coercion. In T. J. Moss & R. S. Hale (Eds.), Power in Asia (pp. 117–159). "
                "Oxford University Press.",
                {
                    "type": "incollection",
                    "locator": "117-159",
                    "fields": {
                        "editor": "Moss, T. J. and Hale, R. S.",
                        "booktitle": "Power in Asia",
                        "pages": "117-159",
                    },
                },
            ),
            (
                "World Bank. (2022). Regional value chains (Report No. 17284). https://example.org/r",
                {"type": "report", "fields": {"author": "{World Bank}", "number": "17284"}},
            ),
            (
                "Paul, T. V. (Ed.). (2016). Accommodating rising powers. Cambridge University Press.",
                {"type": "book", "fields": {"editor": "Paul, T. V."}},
            ),
            (
                "Wang, Z. (2021). Alliance anxiety [Doctoral dissertation, Georgetown University]. ProQuest.",
                {"type": "thesis", "fields": {"title": "Alliance anxiety", "institution": "Georgetown University"}},
            ),
        ),
    ),
    Genre(
        "asa",
        "apa",
        _always,
        parse_asa,
        examples=(
            # tests/data/extract_blind6 (a Chinese sociology article's English items)
            (
                "Oi, Jean C. 1999. Rural China Takes Off. Berkeley: University of California Press.",
                {
                    "type": "book",
                    "fields": {
                        "author": "Oi, Jean C.",
                        "title": "Rural China Takes Off",
                        "date": "1999",
                        "location": "Berkeley",
                        "publisher": "University of California Press",
                    },
                },
            ),
            (
                "Tsai, Lily L. 2007. “Solidary Groups and Local Public Goods.” American Political Science Review "
                "101(2): 355-372.",
                {
                    "type": "article",
                    "locator": "355-372",
                    "fields": {
                        "journaltitle": "American Political Science Review",
                        "volume": "101",
                        "number": "2",
                        "pages": "355-372",
                    },
                },
            ),
            # tests/data/extract_blind37 (a textile-trade article's Chicago author-date list)
            (
                "Farnie, Douglas A., and David J. Jeremy, eds. 2004. The Fibre That Changed the World: The Cotton "
                "Industry in International Perspective, 1600-1990s. Oxford: Oxford University Press.",
                {"type": "book", "fields": {"editor": "Farnie, Douglas A. and Jeremy, David J.", "date": "2004"}},
            ),
            (
                'Sugihara, Kaoru. 2005. "An Introduction." In Japan, China, and the Growth of the Asian '
                "International Economy, 1850-1949, edited by Kaoru Sugihara, 1-19. Oxford: Oxford University Press.",
                {"type": "incollection", "locator": "1-19", "fields": {"editor": "Sugihara, Kaoru", "pages": "1-19"}},
            ),
            (
                "Toms, Steven, and Qi Zhang. 2016. \"Marshall's Lancashire: Industrial Districts and "
                'Agglomeration." Working Paper 2016-04, Leeds University Business School.',
                {"type": "report", "fields": {"number": "2016-04", "institution": "Leeds University Business School"}},
            ),
            (
                "———. 1990. Competitive Advantage on the Shop Floor. Cambridge, MA: Harvard University Press.",
                {"type": "book", "fields": {"author": "———", "location": "Cambridge, MA"}},
            ),
        ),
    ),
    Genre(
        "harvard",
        "apa",
        _always,
        parse_harvard,
        examples=(
            # tests/data/extract_blind19 (a Harvard list pasted from a PDF)
            (
                "Mwangi, P. and Salo, K. (eds) (2015) The Politics of Water. Nairobi: Longhorn.",
                {"type": "collection", "fields": {"editor": "Mwangi, P. and Salo, K.", "location": "Nairobi"}},
            ),
            (
                "Ferraz, L. (2017) Credit unions in the Andes. PhD thesis. University of Leeds.",
                {
                    "type": "thesis",
                    "fields": {"title": "Credit unions in the Andes", "institution": "University of Leeds"},
                },
            ),
            # tests/test_extract_western_notes.py::test_harvard_journal_article_with_quoted_title
            (
                "Okafor, C.N. and Lindqvist, B. (2018) ‘Why do small states hedge?’, Pacific Review, 31(2), pp. 140–162.",
                {
                    "type": "article",
                    "fields": {
                        "author": "Okafor, C.N. and Lindqvist, B.",
                        "title": "Why do small states hedge?",
                        "journaltitle": "Pacific Review",
                        "volume": "31",
                        "number": "2",
                        "pages": "140-162",
                        "date": "2018",
                    },
                },
            ),
            # tests/test_extract_western_notes.py::test_harvard_book_with_place_publisher_and_page
            (
                "Marsh, P. (2009) The Grain Ports of the Levant. Cambridge: Polity, p. 88.",
                {
                    "type": "book",
                    "locator": "88",
                    "fields": {
                        "title": "The Grain Ports of the Levant",
                        "location": "Cambridge",
                        "publisher": "Polity",
                    },
                },
            ),
            # tests/test_extract_western_notes.py::test_harvard_corporate_author_report_number_and_access
            (
                "Parliamentary Budget Office (2021) Fiscal Outlook for the Northern Ports, PBO Report 2021-07. "
                "Ottawa: PBO.",
                {
                    "type": "report",
                    "fields": {
                        "author": "{Parliamentary Budget Office}",
                        "title": "Fiscal Outlook for the Northern Ports",
                        "type": "PBO Report",
                        "number": "2021-07",
                    },
                },
            ),
            # tests/test_extract_western_notes.py::test_harvard_news_outlet_and_day_month
            (
                "Bloomberg (2021) ‘Port congestion spreads to Europe’, 14 October. "
                "Available at: https://example.com/news/port (Accessed: 2 November 2021).",
                {
                    "type": "article",
                    "fields": {
                        "entrysubtype": "newspaper",
                        "journaltitle": "Bloomberg",
                        "date": "2021-10-14",
                        "urldate": "2021-11-02",
                    },
                },
            ),
        ),
    ),
    Genre(
        "frus-document",
        "frus",
        looks_like_frus_document,
        parse_frus_document,
        examples=(
            # tests/data/extract_blind23 (and blind14): a document in a FRUS volume, quoted or not
            (
                "“Telegram from the Embassy in Seoul to the Department of State, Seoul, June 2, 1961,” FRUS, "
                "1961-1963, Vol. XXII, Washington, D.C.: Government Printing Office, 1996, pp. 470-472.",
                {
                    "type": "incollection",
                    "locator": "470-472",
                    "fields": {
                        "title": "Telegram from the Embassy in Seoul to the Department of State, Seoul, June 2, 1961",
                        "booktitle": "FRUS, 1961-1963",
                        "volume": "XXII",
                        "location": "Washington, D.C.",
                        "publisher": "Government Printing Office",
                        "date": "1996",
                        "pages": "470-472",
                    },
                },
            ),
            (
                "Memorandum by the Secretary of State (Rusk) to the President, April 9, 1962, Foreign Relations of "
                "the United States, 1961-1963, 22, pt. 2:301-303.",
                {
                    "type": "incollection",
                    "locator": "301-303",
                    "fields": {
                        "title": "Memorandum by the Secretary of State (Rusk) to the President",
                        "booktitle": "Foreign Relations of the United States, 1961-1963",
                        "volume": "22",
                        "date": "1962-04-09",
                        "pages": "301-303",
                    },
                },
            ),
            (
                "“Note from the Embassy, Tokyo, May 4, 1956,” FRUS, 1955-1957, Vol. XXIII, p. 140.",
                {"type": "incollection", "locator": "140", "fields": {"volume": "XXIII", "date": None, "pages": None}},
            ),
        ),
    ),
    Genre(
        "uk-parliamentary",
        "ukparl",
        uk_parliamentary,
        parse_uk_parliamentary,
        examples=(
            # tests/data/extract_blind25: a Command paper with its imprint and the page cited
            (
                "Report on Colonial Development, Cmd. 6713 (London: HMSO, 1945), 12.",
                {
                    "type": "report",
                    "locator": "12",
                    "fields": {"title": "Report on Colonial Development", "number": "Cmd. 6713", "publisher": "HMSO"},
                },
            ),
            # tests/data/extract_blind25: a Colonial paper whose title ends with a year
            (
                "Report of the Gold Coast Commission of Enquiry, 1948, Colonial No. 231 (London: HMSO, 1948), 7.",
                {
                    "type": "report",
                    "locator": "7",
                    "fields": {
                        "title": "Report of the Gold Coast Commission of Enquiry, 1948",
                        "number": "Colonial No. 231",
                        "date": "1948",
                        "author": None,
                    },
                },
            ),
            # tests/data/extract_blind25: Hansard by series, volume and column
            (
                "Hansard, House of Lords Debates, 5th ser., vol. 152, col. 318, 9 May 1946.",
                {
                    "type": "misc",
                    "locator": "318",
                    "fields": {
                        "title": "House of Lords Debates",
                        "series": "5",
                        "volume": "152",
                        "date": "1946-05-09",
                        "author": None,
                    },
                },
            ),
        ),
    ),
    Genre(
        "western-archive",
        "archive",
        looks_like_western_archive,
        parse_western_archive,
        examples=(
            # tests/data/extract_blind25: a registry number and a cabinet paper after the piece; the kind
            # of document before a quoted title is no author; a date alone is no title
            (
                "TNA, FO 371/81234, F 1022/5/10, Minute by R. H. Scott, 9 June 1950.",
                {
                    "type": "misc",
                    "fields": {"number": "FO 371/81234, F 1022/5/10", "title": "Minute by R. H. Scott"},
                },
            ),
            (
                "Memorandum by the Minister of Defence, ‘Forces in the Far East’, 2 May 1951, CAB 129/45, CP (51) 120.",
                {
                    "type": "misc",
                    "fields": {"number": "CAB 129/45, CP (51) 120", "title": "Forces in the Far East", "author": None},
                },
            ),
            (
                "TNA, CAB 128/19, CM 31(51), 7 May 1951.",
                {"type": "misc", "fields": {"number": "CAB 128/19, CM 31(51)", "title": None, "date": "1951-05-07"}},
            ),
            # tests/data/extract_blind23: the title runs to the date; a decimal file number; a lower-case
            # box and a person's papers; the repository's abbreviation printed first
            (
                "Memorandum of conversation, Rusk and Ohira, May 4, 1962, Record Group 59, Central Decimal File "
                "1960-63, 611.94/5-462, National Archives, College Park, MD.",
                {
                    "type": "misc",
                    "fields": {
                        "title": "Memorandum of conversation, Rusk and Ohira",
                        "date": "1962-05-04",
                        "library": "National Archives",
                        "number": "Record Group 59, Central Decimal File 1960-63, 611.94/5-462",
                    },
                },
            ),
            (
                "Edwin Reischauer to Dean Rusk, June 9, 1963, box 12, Reischauer Papers, John F. Kennedy Library, "
                "Boston, MA.",
                {
                    "type": "misc",
                    "fields": {
                        "title": "Edwin Reischauer to Dean Rusk",
                        "library": "John F. Kennedy Library",
                        "number": "box 12, Reischauer Papers",
                        "date": "1963-06-09",
                    },
                },
            ),
            (
                "NA, RG 59, 611.94/7-1163, Tokyo to Secretary of State, July 11, 1963.",
                {
                    "type": "misc",
                    "fields": {
                        "title": "Tokyo to Secretary of State",
                        "library": "NA",
                        "number": "RG 59, 611.94/7-1163",
                    },
                },
            ),
            # tests/test_extract_patterns.py
            (
                "Telegram from Tokyo to Washington, March 3, 1952, RG 59, Central Decimal File, Box 123, "
                "National Archives, College Park, MD.",
                {
                    "type": "misc",
                    "fields": {
                        "entrysubtype": "archive",
                        "title": "Telegram from Tokyo to Washington",
                        "library": "National Archives",
                        "date": "1952-03-03",
                        "number": "RG 59, Central Decimal File, Box 123",
                    },
                },
            ),
            (
                "FO 371/105378, Foreign Office to Tokyo, June 2, 1953, The National Archives, Kew.",
                {
                    "type": "misc",
                    "fields": {
                        "entrysubtype": "archive",
                        "number": "FO 371/105378",
                        "library": "The National Archives",
                    },
                },
            ),
            # tests/data/extract_blind21 and 22: the repository first, its short name, a shelfmark, a folio
            (
                "Bengal Records, British Library, London (hereafter BR), K/77, “Report on the Salt Trade,” 2 May 1801, fol. 9.",
                {
                    "type": "misc",
                    "locator": "9",
                    "fields": {
                        "title": "Report on the Salt Trade",
                        "library": "British Library",
                        "location": "London",
                        "number": "K/77",
                        "date": "1801-05-02",
                        "author": None,
                    },
                },
            ),
            (
                "The National Archives, Kew (TNA), CO 48/212, Smith to Grey, 9 June 1841.",
                {
                    "type": "misc",
                    "fields": {
                        "title": "Smith to Grey",
                        "library": "The National Archives",
                        "location": "Kew",
                        "number": "CO 48/212",
                    },
                },
            ),
        ),
    ),
    Genre(
        "film",
        "film",
        directed_by,
        parse_film,
        examples=(
            # tests/test_extract_blind27_causes.py::test_film_with_its_director
            (
                "Harbour Lights, directed by Lin Mei (Taipei: Blue Pictures, 2004), DVD.",
                {
                    "type": "misc",
                    "fields": {
                        "title": "Harbour Lights",
                        "editortype": "director",
                        "location": "Taipei",
                        "publisher": "Blue Pictures",
                        "date": "2004",
                    },
                },
            ),
        ),
    ),
    Genre(
        "glossed",
        "glossed",
        glossed,
        parse_glossed,
        needs_cjk=True,
        examples=(
            # tests/test_extract_blind27_causes.py::test_romanized_names_and_titles_with_their_characters
            (
                "Lin Mei 林梅, Haigang yu shangye 海港与商业, ed. Chen Li 陈立 (Shanghai: Sanlian, 2003), 1:45.",
                {
                    "type": "book",
                    "locator": "45",
                    "fields": {
                        "author": "Lin Mei 林梅",
                        "editor": "Chen Li 陈立",
                        "title": "Haigang yu shangye 海港与商业",
                        "publisher": "Sanlian",
                        "volume": "1",
                        "langid": "english",
                    },
                },
            ),
        ),
    ),
    Genre(
        "western",
        "western",
        _always,
        parse_western,
        examples=(
            # tests/data/extract_blind31: an unquoted paper in a series named without a number
            (
                "Ana Ruiz, Who Sets the Price of Water?, Lima Institute Working Paper (Lima: Lima Institute for "
                "Public Policy, 2011).",
                {
                    "type": "report",
                    "fields": {
                        "title": "Who Sets the Price of Water?",
                        "type": "Lima Institute Working Paper",
                        "institution": "Lima Institute for Public Policy",
                        "location": "Lima",
                    },
                },
            ),
            # tests/data/extract_blind25: a ministry's statement quoted in a Korean note: the date is no
            # outlet, the ministry a body
            (
                '통일부, "남북 고위급회담 결과 발표," 2018년 6월 1일, https://example.go.kr/a?b=2 (검색일: 2019.2.4).',
                {"type": "online", "fields": {"author": "{통일부}", "date": "2018-06-01", "journaltitle": None}},
            ),
            # a body, a title, a place and a year: no Harvard ``Family, I., Year, Title`` (what
            # follows the year is a page range, no title)
            (
                "World Bank, Ports Review, Washington, D.C., 2019, 22-24.",
                {"type": "report", "locator": "22-24", "fields": {"author": "{World Bank}", "title": "Ports Review"}},
            ),
            # an unquoted title ended by a UN document's symbol (as the quoted form reads it)
            (
                "UN Security Council, Report on the Ports of Somalia, UN Doc. S/2010/234, 11 May 2010, p. 4.",
                {
                    "type": "report",
                    "locator": "4",
                    "fields": {
                        "title": "Report on the Ports of Somalia",
                        "type": "UN Doc.",
                        "number": "S/2010/234",
                        "institution": None,
                    },
                },
            ),
            # a document's name with English words between capitals is no person's name
            (
                "Letter to the Times, 4 May 1872, 9.",
                {"type": "book", "locator": "9", "fields": {"author": None}},
            ),
            # tests/data/extract_blind25: only the first author inverted, the others written whole
            (
                "Tanaka, Ken, Ruth Miller and Omar Haddad, “Port Congestion and Freight Rates in East Asia,” "
                "NBER Working Paper, No. 30112, 2022.",
                {
                    "type": "report",
                    "fields": {"author": "Tanaka, Ken and Miller, Ruth and Haddad, Omar", "number": "30112"},
                },
            ),
            # tests/data/extract_blind25: economics' author-date, the year in brackets after the names
            (
                "Okada, S. and J. M. Lindqvist (2015), “Deflation Expectations and Wage Setting,” Journal of "
                "Monetary Economics, Vol. 74, No. 3, pp. 44-61.",
                {
                    "type": "article",
                    "fields": {"author": "Okada, S. and Lindqvist, J. M.", "date": "2015", "volume": "74"},
                },
            ),
            # tests/data/extract_blind23: a translated piece in an edited book (trans. A, in Book, ed. B)
            (
                "Max Weber, Politics as a Vocation, trans. Ann Lee, in Essays in Sociology, ed. Tom Hale (London: "
                "Verso, 1991), 77.",
                {
                    "type": "incollection",
                    "locator": "77",
                    "fields": {
                        "translator": "Lee, Ann",
                        "editor": "Hale, Tom",
                        "booktitle": "Essays in Sociology",
                        "publisher": "Verso",
                    },
                },
            ),
            # tests/data/extract_blind23: an unquoted chapter's editors before "eds." with no comma
            (
                "M. K. Cho, Trade and the State, in P. Lowe and R. Gill eds., Asian Markets, Seoul: KDI, 1999, pp. 11-40.",
                {
                    "type": "incollection",
                    "locator": "11-40",
                    "fields": {"editor": "Lowe, P. and Gill, R.", "booktitle": "Asian Markets", "publisher": "KDI"},
                },
            ),
            # tests/data/extract_blind23: a FRUS volume named alone is a book (the frus-document row
            # returns None)
            (
                "Foreign Relations of the United States, 1958-1960, vol. 18 (Washington, DC: Government Printing "
                "Office, 1994), 212.",
                {"type": "book", "locator": "212", "fields": {"volume": "18", "date": "1994"}},
            ),
            # tests/data/extract_blind23: a Korean author written whole; an access date 2020. 2. 1
            (
                '박민수, "Korea and the Alliance," 2020년 1월 5일, https://www.kida.re.kr/x/77 (검색일: 2020. 2. 1).',
                {"type": "online", "fields": {"author": "박민수", "urldate": "2020-02-01", "journaltitle": None}},
            ),
            # tests/data/extract_blind23: an e-book's location; an original year in brackets; a
            # translator who edited too; a Bekker number cited
            (
                "Mara Quill, The Quiet Republic, 3rd ed. (Boston: Harbor Press, 2011), Kindle edition, Loc. 884.",
                {
                    "type": "book",
                    "locator": "884",
                    "fields": {"title": "The Quiet Republic", "location": "Boston", "publisher": "Harbor Press"},
                },
            ),
            ("Quill, Quiet Republic, Loc. 902-910.", {"type": "misc", "locator": "902-910", "fields": {"date": None}}),
            (
                "John Locke, Two Treatises, ed. Ann Lee (Boston: Harbor Press, [1689] 2004), 12.",
                {
                    "type": "book",
                    "locator": "12",
                    "fields": {"publisher": "Harbor Press", "date": "2004", "origdate": "1689"},
                },
            ),
            (
                "Anne Roe, The Civic Essays, trans. and ed. Paul Marsh (Leiden: Brill, 2003), 14-15.",
                {
                    "type": "book",
                    "fields": {"translator": "Marsh, Paul", "editor": "Marsh, Paul", "publisher": "Brill"},
                },
            ),
            (
                "Aristotle, Rhetoric, trans. Ann Lee (Boston: Harbor Press, 2001), 1354a11.",
                {"type": "book", "locator": "1354a11", "fields": {"translator": "Lee, Ann", "location": "Boston"}},
            ),
            # tests/data/extract_blind15: a chapter's range then the page cited; a double issue
            (
                'Peter Voss, "Smallholders and the Scheme," in Commodities and Colonial States, ed. Ruth Alder '
                "(Leiden: Brill, 2008), 133-58, at 140.",
                {
                    "type": "incollection",
                    "locator": "140",
                    "fields": {
                        "editor": "Alder, Ruth",
                        "booktitle": "Commodities and Colonial States",
                        "location": "Leiden",
                        "publisher": "Brill",
                        "pages": "133-58",
                    },
                },
            ),
            (
                'Jan Hock, "Opium Farms, 1820-1860," Journal of the South Seas Society 22, nos. 1-2 (1967): 41-80.',
                {
                    "type": "article",
                    "locator": "41-80",
                    "fields": {
                        "journaltitle": "Journal of the South Seas Society",
                        "volume": "22",
                        "number": "1-2",
                        "pages": "41-80",
                    },
                },
            ),
            # tests/data/extract_blind14: a bibliography's inverted name in a note, initials kept
            (
                "Kressner, Stephen D., ed., International Regimes (Ithaca, N.Y.: Cornell University Press, 1983), 12.",
                {
                    "type": "book",
                    "locator": "12",
                    "fields": {
                        "editor": "Kressner, Stephen D.",
                        "title": "International Regimes",
                        "location": "Ithaca, N.Y.",
                        "publisher": "Cornell University Press",
                        "date": "1983",
                    },
                },
            ),
            (
                "Ruggles, John G., “Regimes, Transactions, and Change,” International Organization 36 (Spring 1982), "
                "pp. 379–415.",
                {
                    "type": "article",
                    "locator": "379-415",
                    "fields": {
                        "author": "Ruggles, John G.",
                        "journaltitle": "International Organization",
                        "volume": "36",
                    },
                },
            ),
            # tests/test_extract_patterns.py
            (
                "Ely Ratner, “The Case for a Pacific Defense Pact,” Foreign Affairs, May 27, 2025, "
                "https://www.foreignaffairs.com/china/case.",
                {
                    "type": "article",
                    "fields": {
                        "author": "Ratner, Ely",
                        "journaltitle": "Foreign Affairs",
                        "date": "2025-05-27",
                        "url": "https://www.foreignaffairs.com/china/case",
                    },
                },
            ),
            (
                "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics 30, no. "
                "2 (January 1978): 167–214.",
                {
                    "type": "article",
                    "locator": "167-214",
                    "fields": {"journaltitle": "World Politics", "volume": "30", "number": "2", "pages": "167-214"},
                },
            ),
            (
                "Robert Jervis, Perception and Misperception in International Politics, "
                "Princeton: Princeton University Press, 1976, p. 58.",
                {
                    "type": "book",
                    "locator": "58",
                    "fields": {
                        "author": "Jervis, Robert",
                        "title": "Perception and Misperception in International Politics",
                        "location": "Princeton",
                        "publisher": "Princeton University Press",
                        "date": "1976",
                    },
                },
            ),
            (
                "G. John Ikenberry, “Power and Liberal Order,” in T. J. Pempel and Chung-Min Lee, eds., "
                "Security Cooperation in Northeast Asia, London: Routledge, 2012, pp. 55-88.",
                {
                    "type": "incollection",
                    "locator": "55-88",
                    "fields": {
                        "author": "Ikenberry, G. John",
                        "editor": "Pempel, T. J. and Lee, Chung-Min",
                        "booktitle": "Security Cooperation in Northeast Asia",
                        "publisher": "Routledge",
                        "pages": "55-88",
                    },
                },
            ),
            (
                "U.S. Department of Defense, Nuclear Posture Review, Washington, D.C.: Department of Defense, 2018, p. 2.",
                {
                    "type": "report",
                    "locator": "2",
                    "fields": {
                        "author": "{U.S. Department of Defense}",
                        "title": "Nuclear Posture Review",
                        "date": "2018",
                    },
                },
            ),
            # tests/data/extract_blind9 and extract_blind10 (unquoted forms from OCR'd notes)
            (
                "Marcus Feng, Hedging and Identity, International Affairs, Vol. 96, No. 1 (2020), p. 157.",
                {
                    "type": "article",
                    "locator": "157",
                    "fields": {
                        "title": "Hedging and Identity",
                        "journaltitle": "International Affairs",
                        "volume": "96",
                        "number": "1",
                    },
                },
            ),
            (
                "R. R. Church and A. V. Lowe, The Law of the Sea, 3rd ed., Manchester University Press, 1999, p. 162.",
                {
                    "type": "book",
                    "fields": {
                        "title": "The Law of the Sea",
                        "edition": "3",
                        "publisher": "Manchester University Press",
                    },
                },
            ),
            (
                "A. Gupte, Indian Merchants, Franz Steiner Verlag, Wiesbaden, 1979, pp. 23-25.",
                {
                    "type": "book",
                    "fields": {
                        "title": "Indian Merchants",
                        "publisher": "Franz Steiner Verlag",
                        "location": "Wiesbaden",
                    },
                },
            ),
            (
                "R. P. Castle, Arms and Credibility, New Haven, Yale University Press, 1966, p. 35.",
                {
                    "type": "book",
                    "fields": {
                        "title": "Arms and Credibility",
                        "location": "New Haven",
                        "publisher": "Yale University Press",
                    },
                },
            ),
            (
                "P. Moor, The Trap, in: Deterrence Today, ed. by Ellen Price and Martin Vogel, London: Routledge, 2014, "
                "pp. 201-219.",
                {
                    "type": "incollection",
                    "locator": "201-219",
                    "fields": {
                        "title": "The Trap",
                        "booktitle": "Deterrence Today",
                        "editor": "Price, Ellen and Vogel, Martin",
                        "pages": "201-219",
                    },
                },
            ),
        ),
    ),
]


# ---------------------------------------------------------------- entry point


def parse_citation(text: str) -> Parsed:
    """Parse one citation (lead-ins already stripped). A DOI (``DOI: 10.…`` or a doi.org URL)
    becomes the ``doi`` field."""
    text, doi = _prepare(text)
    p = match_genre(text)[1]
    if "(in " in text or "[in " in text:
        language_note(p.fields)
    url = p.fields.get("url")
    if not doi and url:
        m = DOI_URL.match(url)
        if m:
            doi = m.group(1)
    if doi:
        f = {**p.fields, "doi": doi}
        if p.type == "article" and f.get("entrysubtype") == "newspaper":
            del f["entrysubtype"]  # a work with a DOI is a journal article, not a news item
        p.fields = _order(f)
    return p


def genre_of(text: str) -> Genre:
    """The row of :data:`GENRES` that :func:`parse_citation` uses for ``text``."""
    return match_genre(_prepare(text)[0])[0]


def _prepare(text: str) -> tuple[str, str | None]:
    """The citation with a printed DOI cut out (returned apart) and ``<title>`` marks made 《》."""
    text = text.strip()
    doi = None
    if "10." in text and ("doi" in text or "DOI" in text):
        m = DOI_TEXT.search(text)
        if m:
            doi = m.group(1)
            text = (text[: m.start()] + text[m.end() :]).strip()
    if "<" in text:  # Korean/Chinese notes may mark a title <朝鮮日報>
        text = ANGLE_TITLE.sub(r"《\1》", text)
    if "『" in text and ('"' in text or "“" in text) and HANGUL.search(text):
        # 박정훈, "제목," 『국가전략』 제26권 제2호: an article's title in quotes before its journal in
        # 『』 is the title 「」 would mark; the CJK builder reads volume, issue and pages after 『』
        text = QUOTED_BEFORE_MARK.sub(r"「\1」, ", text)
    return text, doi


# the rows of GENRES not marked ``needs_cjk``, in order: all a text without CJK can match
_ROWS_WITHOUT_CJK = tuple(g for g in GENRES if not g.needs_cjk)


def match_genre(text: str) -> tuple[Genre, Parsed]:
    """The first row of :data:`GENRES` whose trigger holds and whose builder returns a result, and
    that result."""
    # text without a CJK character or title mark skips the rows marked ``needs_cjk`` (their
    # triggers cannot hold): one flag test and, for non-ASCII text, one scan
    cjk = not text.isascii() and CJK_OR_MARK.search(text) is not None
    for genre in GENRES if cjk else _ROWS_WITHOUT_CJK:
        if genre.trigger(text):
            p = genre.build(text)
            if p is not None:
                return genre, p
    raise LookupError(f"no genre row parsed {text!r}")  # unreachable: the last row always returns


# ---------------------------------------------------------------- the old single-module path

# Until this package was split, every regex and helper lived in one module ``annobib.extract.fields``;
# the names imported above are the ones other modules and tests use. Any other name of that module
# (``from annobib.extract.fields import _order``) is still found, in the submodule that holds it now.
_SUBMODULES = (
    "features",
    "acs",
    "names",
    "model",
    "law",
    "apa",
    "cjk",
    "western",
    "archive",
    "gbt",
    "russian",
    "jpdate",
    "lawcites",
    "ukparl",
    "vancouver",
    "mla",
    "film",
    "glossed",
)


def __getattr__(name: str):
    for sub in _SUBMODULES:
        module = importlib.import_module(f"annobib.extract.fields.{sub}")
        if name in vars(module):
            return vars(module)[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
