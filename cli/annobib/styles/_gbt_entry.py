"""GB/T 7714: one entry being formatted — its language, the edition's punctuation, and the
elements (names, titles, dates, publisher, links) the layouts in :mod:`._gbt_layouts` place.

Edition differences (see README, section *format*): punctuation width, Western surname case,
hyphens in initials, access dates, report dates, translator form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from annobib.model import FIELD_ALIASES
from annobib.names import parse_names
from annobib.render.richtext import RichText
from annobib.core.language import char_script
from annobib.styles import _fields
from annobib.styles.casing import sentence_case

LANG_OTHER, LANG_EN, LANG_RU, LANG_ZH, LANG_JA, LANG_KO = 0, 1, 2, 3, 4, 5
LANGIDS = {
    "english": LANG_EN,
    "american": LANG_EN,
    "british": LANG_EN,
    "usenglish": LANG_EN,
    "ukenglish": LANG_EN,
    "en": LANG_EN,
    "chinese": LANG_ZH,
    "zh": LANG_ZH,
    "schinese": LANG_ZH,
    "tchinese": LANG_ZH,
    "japanese": LANG_JA,
    "ja": LANG_JA,
    "korean": LANG_KO,
    "ko": LANG_KO,
    "russian": LANG_RU,
    "ru": LANG_RU,
}
_GIVEN_WORDS = re.compile(r"\s+|(?<=\.)(?=[^\s.\-])")  # given-name words: "J.W." is "J. W."
BCP47 = {LANG_EN: "en", LANG_ZH: "zh", LANG_JA: "ja", LANG_KO: "ko", LANG_RU: "ru"}


@dataclass(frozen=True)
class Options:
    edition: str = "2025"
    system: str = "numeric"  # or "author-date"

    @property
    def full_width(self) -> bool:
        return self.edition == "2025"

    @property
    def author_date(self) -> bool:
        return self.system == "author-date"


_SCRIPT_LANG = {"latin": LANG_EN, "cyrillic": LANG_RU, "han": LANG_ZH, "kana": LANG_JA, "hangul": LANG_KO}


_CHAR_LANG: dict[str, int] = {}  # one entry per distinct character ever seen: bounded by Unicode


def char_lang(ch: str) -> int:
    """The language a character's script stands for here (the scripts of core.language)."""
    lang = _CHAR_LANG.get(ch)
    if lang is None:
        lang = _CHAR_LANG[ch] = _SCRIPT_LANG.get(char_script(ch), LANG_OTHER)
    return lang


_ASCII_LETTER = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=65536)
def str_lang(text: str) -> int:
    if text.isascii():  # ASCII letters are Latin, the rest no script: one C-level scan, no loop
        return LANG_EN if _ASCII_LETTER.search(text) else LANG_OTHER
    best = LANG_OTHER
    for ch in set(text):  # the highest language of any character: each distinct one once
        lang = char_lang(ch)
        if lang > best:
            best = lang
            if best == LANG_KO:
                break
    return best


def entry_lang(entry) -> int:
    langid = (_fields.raw(entry, "langid") or "").lower()
    if langid:
        return LANGIDS.get(langid, LANG_OTHER if not langid.startswith(("english", "american")) else LANG_EN)
    for name in ("title", "author", "journaltitle", "booktitle", "location", "publisher"):
        value = _fields.field(entry, name)
        if value:
            return str_lang(value)
    return LANG_OTHER


# -- pinyin detection (2015: a Chinese given name in pinyin is written out, not initialed) -----
_PINYIN = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
    cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chuai chuan chuang chui
    chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei deng di dia dian diao die ding
    diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang
    gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng
    hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue
    jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao
    le lei leng li lia lian liang liao lie lin ling liu long lou lu luan lun luo lv lve ma mai man mang
    mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni
    nian niang niao nie nin ning niu nong nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi
    pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran
    rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan
    shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su
    suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa
    wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan
    yang yao ye yi yin ying yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan
    zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou
    zu zuan zui zun zuo""".split()
)


def _is_pinyin_word(word: str, max_syllables: int = 2) -> bool:
    w = word.lower().replace("’", "'")
    if not w.isascii() or not w.replace("'", "").isalpha():
        return False
    if "'" in w:
        return all(p in _PINYIN for p in w.split("'")) and w.count("'") < max_syllables
    if w in _PINYIN:
        return True
    if max_syllables < 2:
        return False
    return any(w[:k] in _PINYIN and w[k:] in _PINYIN for k in range(1, len(w)))


class _Punct:
    """The punctuation of an edition."""

    def __init__(self, full: bool):
        self.full = full
        self.comma = "，" if full else ", "
        self.colon = "：" if full else ": "
        self.lpar, self.rpar = ("（", "）") if full else ("(", ")")

    def paren(self, s: str) -> str:
        return self.lpar + s + self.rpar


_FW = [
    (", ", "，"),
    (": ", "："),
    ("; ", "；"),
    ("! ", "！"),
    ("!", "！"),
    ("? ", "？"),
    ("?", "？"),
    (" (", "（"),
    ("(", "（"),
    (") ", "）"),
    (")", "）"),
]
_HW = [
    ("．", ". "),
    ("，", ", "),
    ("：", ": "),
    ("；", "; "),
    ("！", "! "),
    ("？", "? "),
    ("（", " ("),
    ("）.", ")."),
    ("）,", "),"),
    ("）:", "):"),
    ("）;", ");"),
    ("）", ") "),
]


def _convert_punct(s: str, full: bool) -> str:
    if not s:
        return s
    if full:
        if "．" in s:
            s = s.replace("．", ". ")
        for a, b in _FW:
            if a in s:
                s = s.replace(a, b)
        return s
    for a, b in _HW:
        if a in s:
            s = s.replace(a, b)
    return s.strip(" ") if (s.startswith(" ") or s.endswith(" ")) else s


_NAMES_MEMO: dict[tuple, str] = {}  # (value, language, edition, most names) -> the names written
_PUNCT_FULL, _PUNCT_HALF = _Punct(True), _Punct(False)  # shared: nothing changes them
_URL_CMD = re.compile(r"\\url\{([^}]*)\}")


def add_period(s: str) -> str:
    if not s:
        return s
    t = s.rstrip("}")
    if t and t[-1] in ".?!":
        return s
    return s + "."


ORDINALS = {
    "first": "1",
    "second": "2",
    "third": "3",
    "fourth": "4",
    "fifth": "5",
    "sixth": "6",
    "seventh": "7",
    "eighth": "8",
    "ninth": "9",
    "tenth": "10",
}
REVISED = {"revised edition", "revised ed.", "revised", "rev."}
NUMBERED_TYPES = {"archive", "letter", "legislation", "patent", "regulation", "report", "techreport"}
SUBTYPE_IDS = {
    "newspaper": "N",
    "inproceedings": "C",
    "report": "R",
    "techreport": "R",
    "standard": "S",
    "patent": "P",
    "dataset": "DS",
}


class _Entry:
    """One entry being formatted: decoded fields, language, punctuation."""

    keep_case = False  # a proper title (case name, social-media post text): never sentence-cased
    rich: RichText  # the reference, set by its type's template

    def __init__(self, entry, opts: Options, extra: str = ""):
        self.e = entry
        self._raw: dict[str, str] = {}
        for k, v in entry.fields.items():
            if v:
                v = v.strip()
                if v:
                    self._raw[k] = v
        self._dec: dict[str, str] = {}
        self.opts = opts
        self.lang = entry_lang(entry)
        self.cjk = self.lang in (LANG_ZH, LANG_JA, LANG_KO)
        self.p = _PUNCT_FULL if opts.full_width else _PUNCT_HALF
        self.type = entry.type.lower()
        self.extra = extra
        self.type_id = ""
        self.vals: dict = {}  # values a type's dispatcher computed for its template (``val/NAME``)
        self.require_url = False
        self.numbered = self.type in NUMBERED_TYPES
        url = _fields.raw(entry, "url")
        if not url:
            for name in ("howpublished", "note"):
                v = _fields.raw(entry, name)
                m = _URL_CMD.match(v) if v else None
                if m:
                    url = m.group(1)
                    break
        self.url = url
        self.doi = _fields.raw(entry, "doi")
        self.cstr = _fields.raw(entry, "cstr")

    # field access
    def r(self, name: str) -> str:
        """The raw value of field ``name`` (aliases resolved), "" when absent."""
        raw = self._raw
        v = raw.get(name)
        if v is not None:
            return v
        for alias in FIELD_ALIASES.get(name, ()):
            v = raw.get(alias)
            if v is not None:
                return v
        return ""

    def f(self, name: str) -> str:
        d = self._dec.get(name)
        if d is None:
            d = self._dec[name] = _fields.decode(self.r(name), self.cjk)
        return d

    def has(self, name: str) -> bool:
        return bool(self.r(name))

    def punct(self, s: str) -> str:
        s = _convert_punct(s, self.opts.full_width)
        return s

    def colon_by_language(self) -> str:
        return "：" if self.cjk else ": "

    def et_al(self) -> str:
        return {LANG_ZH: "等", LANG_JA: "ほか", LANG_RU: "и др.", LANG_KO: "외"}.get(self.lang, "et al.")

    def anonymous(self) -> str:
        return "佚名" if self.lang == LANG_ZH else "Anon"

    def no_date(self) -> str:
        return "无日期" if self.lang == LANG_ZH else "n.d."

    # -- names --------------------------------------------------------------------------
    def _name(self, n) -> str:
        if n.literal and not n.is_cjk:
            return n.raw
        fam = (n.particle + " " + n.family).strip() if n.particle else n.family
        giv_full = n.given + (", " + n.suffix if n.suffix else "")
        whole = fam + giv_full
        lang = str_lang(whole if not n.is_cjk else n.raw)
        if n.is_cjk and not _latin_given(n):
            return n.raw  # 刘琳, and Zotero's 刘, 琳: one name, written whole
        if lang in (LANG_ZH, LANG_JA):
            g = str_lang(giv_full)
            return fam + giv_full if g in (LANG_ZH, LANG_JA) else fam
        if lang == LANG_RU:
            # initials without dots, as for other Western names: Иванов Иван Иванович -> Иванов И И
            inits = " ".join(w[0].upper() for w in re.split(r"[\s.~]+", n.given) if w and w[0].isalpha())
            g = inits + (", " + n.suffix.replace(".", "") if n.suffix else "")
            return fam + (" " + g if g else "")
        # Latin names
        family = fam.upper() if self.opts.edition == "2015" else fam
        inits = []
        for word in _GIVEN_WORDS.split(n.given.replace("~", " ")):  # "J.W." as "J. W."
            if not word:
                continue
            if word.startswith("\x02"):  # {\relax Jiangning}: written out in full
                inits.append(word[1:])
                continue
            pieces = word.split("-")
            letters = []
            for k, piece in enumerate(pieces):
                letter = next((c for c in piece if c.isalpha()), "")
                if letter:
                    # a lowercase first-name token (BibTeX: "van der" -> "v d") keeps its case;
                    # the second part of a hyphenated name is an initial like any other (Min-jun -> M-J)
                    keep = k == 0 and piece[:1].isalpha() and not piece[:1].isupper()
                    letters.append(letter if keep else letter.upper())
            if not letters:
                continue
            if self.opts.edition == "2015":
                inits.extend(x.upper() for x in letters)
            else:
                inits.append("-".join(letters))
        s = family + ("" if not inits else " " + " ".join(inits))
        if n.suffix:
            s += ", " + n.suffix.replace(".", "")
        return s

    def names(self, field: str, max_names: int = 3) -> str:
        value = self.e.get(field)
        if not value:
            return ""
        # a name list reads the same in every entry of one language and edition (10,000
        # chapters of one book name its editors 10,000 times): written once
        memo = (value, self.lang, self.opts.edition, max_names)
        got = _NAMES_MEMO.get(memo)
        if got is None:
            if len(_NAMES_MEMO) >= 65536:
                _NAMES_MEMO.clear()
            got = _NAMES_MEMO[memo] = self._names(value, max_names)
        return got

    def _names(self, value: str, max_names: int) -> str:
        names = _parse_names(_fields.strip_outer(value), self.lang)
        if not names:
            return ""
        comma = self.p.comma
        total = len(names)
        out = ""
        for i, n in enumerate(names, start=1):
            t = "others" if n.others else self._name(n)
            if i == 1:
                out = t
                continue
            last = i == total
            if total > max_names and i > max_names:
                t, last = "others", True
            if not last:
                out += comma + t
            elif t == "others":
                out += (comma if i > 2 else ("" if self.cjk else " ")) + self.et_al()
            else:
                out += comma + t
            if last:
                break
        return self.punct(out)

    def label_names(self, field: str) -> str:
        """Short names for the in-text citation: first family name, then 等 / et al."""
        value = self.e.get(field)
        names = _parse_names(_fields.strip_outer(value), self.lang) if value else ()
        if not names:
            return ""
        first = names[0]
        t = first.raw if (first.literal or first.is_cjk) else ((first.particle + " " + first.family).strip())
        if _latin_given(first):
            t = first.family
        if len(names) > 1:
            t += (" " if self.cjk else " ") + self.et_al()
        return self.punct(t)

    def translators(self) -> str:
        t = self.names("translator")
        if not t:
            return ""
        if self.lang == LANG_ZH:
            if self.opts.edition == "2015" and t.endswith("等"):
                return t + "译"  # GB/T 7714-2015, 8.1.1: 潘惠霞, 魏婧, 杨艳, 等译
            return t + self.p.comma + "译"
        return t + self.p.comma + "trans."

    # -- titles ---------------------------------------------------------------------------
    def _segs(self, name: str):
        return _fields.segments(self.e.get(name), self.cjk)

    def _title_text(self, name: str = "title", sub: str = "subtitle", addon: str = "titleaddon") -> str:
        if not self.has(name):
            return ""
        segs = list(self._segs(name))
        for extra in (sub, addon):
            if self.has(extra):
                segs.append((self.colon_by_language(), False))
                segs.extend(self._segs(extra))
        return segs  # type: ignore[return-value]

    def _case(self, segs) -> str:
        if self.lang == LANG_EN and not self.keep_case:
            return sentence_case(segs)
        return "".join(t for t, _ in segs)

    def type_id_bracket(self) -> str:
        tid = self.type_id
        medium = self.r("entrymediumid") or self.r("medium")
        if medium:
            tid += "/" + medium
        elif self.has_url_or_doi() or self.type in ("online", "webpage", "www"):
            tid += "/OL"
        return "[" + tid + "]"

    def has_url_or_doi(self) -> bool:
        return bool(self.url or self.doi or self.cstr)

    def tr_number(self) -> str:
        """A report's number, with its series (``type`` or ``series``) when one is given:
        ``Quincy Brief No. 75``, ``CRS Report R42784``; a bare number is meaningless alone."""
        num = self.f("number")
        if not num:
            return ""
        series = self.f("type") or self.f("series") if self.type in ("report", "techreport") else ""
        if series and series.lower() not in ("report", "techreport", "technical report", "报告"):
            num = series + (" No. " if num.isdigit() and not self.cjk else " ") + num
        return self.punct(num) if str_lang(num) == LANG_ZH else num

    def title(self) -> str:
        segs = self._title_text()
        if not segs:
            return ""
        s = self.punct(self._case(segs))
        if self.numbered and self.has("number"):
            s += self.p.colon + self.tr_number()
        return s + self.type_id_bracket()

    def bvolume(self) -> str:
        v = self.f("volume")
        if not v:
            return ""
        if v.isdigit():
            if self.lang == LANG_ZH:
                return "第 " + v + " 卷"
            if self.lang == LANG_KO:
                return "제 " + v + " 권"
            return "v." + v
        return v

    def btitle(self) -> str:
        title = self._title_text()
        series = self._segs("series") if self.has("series") else ()
        maintitle = self._title_text("maintitle", "mainsubtitle", "maintitleaddon") if self.has("maintitle") else []
        vol = self.has("volume")
        segs: list = []
        if not maintitle:
            if not series or not vol:
                if title:
                    segs = list(title)
                    if vol:
                        segs += [(self.colon_by_language() + self.bvolume(), False)]
            else:
                segs = (
                    list(series)
                    + [(self.colon_by_language() + self.bvolume(), False), (" ", False)]
                    + list(title or [])
                )
        else:
            if not vol:
                segs = list(maintitle) + [(self.colon_by_language(), False)] + list(title or [])
            else:
                segs = (
                    list(maintitle)
                    + [(self.colon_by_language() + self.bvolume(), False), (" ", False)]
                    + list(title or [])
                )
        if not segs:
            return ""
        s = self.punct(self._case(segs))
        if self.numbered and self.has("number"):
            s += self.p.colon + self.tr_number()
        if self.type == "map" and self.has("scale"):
            s = add_period(s)
            if s.endswith("."):
                s += " "
            s += self.f("scale")
        return s + self.type_id_bracket()

    def booktitle(self) -> str:
        if not self.has("booktitle"):
            return ""
        segs = list(self._segs("booktitle"))
        s = self._case(segs)
        for extra in ("booksubtitle", "booktitleaddon"):
            if self.has(extra):
                t = self.f(extra)
                s += self.p.colon + (t.lower() if self.lang == LANG_EN else t)
        return self.punct(s)

    def series_volume_booktitle(self) -> str:
        if not self.has("series"):
            if not self.has("maintitle"):
                s = self.booktitle()
                if self.has("volume"):
                    s += self.p.colon + self.bvolume()
                return s
            main = "".join(t for t, _ in self._title_text("maintitle", "mainsubtitle", "maintitleaddon"))
            return main + self.colon_by_language() + self.bvolume() + " " + self.booktitle()
        if not self.has("volume"):
            return self.booktitle()
        return self.f("series") + self.colon_by_language() + self.bvolume() + " " + self.booktitle()

    def journal(self) -> str:
        j = self.f("journaltitle") or self.f("journaltitle")
        if not j:
            j = ""
        for extra in ("journalsubtitle", "journaltitleaddon"):
            if self.has(extra):
                j = (j + self.colon_by_language() if j else "") + self.f(extra)
        if not j:
            if self.has("shortjournal"):
                j = self.f("shortjournal").replace(".", "")
        elif not self.has("shortjournal") or j == self.f("shortjournal"):
            j = j.replace(".", "")
        return self.punct(j) if j else ""

    # -- dates, pages, links ---------------------------------------------------------------
    def _dash_year(self, s: str) -> str:
        if self.opts.full_width:
            return s.replace("---", "—").replace("--", "—").replace("–", "—").replace("-", "—")
        return s.replace("---", "-").replace("--", "-").replace("–", "-").replace("—", "-")

    def _year_field(self) -> str:
        return _fields.decode(_fields.strip_outer(self.e.fields.get("year")) or "") if self.e.fields.get("year") else ""

    def _date_field(self) -> str:
        v = self.e.fields.get("date")
        return _fields.strip_outer(v).strip() if v else ""

    def lab_date(self, with_extra: bool = True, brackets_extra_inside: bool = True) -> str:
        """The year as the author-date head shows it (``2011a``, ``无日期-a``, ``[2025a]``)."""
        extra = self.extra if with_extra else ""
        year = self._year_field()
        if year:
            return self._dash_year(year) + extra
        date = self._date_field()
        if date:
            head = date.split("/")[0].split("-")[0]
            if "/" in date:
                head += self._dash_year("-") + date.split("/", 1)[1].split("-")[0]
            return head + extra
        urldate = self.r("urldate")
        if urldate:
            y = urldate.split("-")[0]
            return "[" + y + extra + "]" if brackets_extra_inside else "[" + y + "]" + extra
        return self.no_date() + ("-" + extra if extra else "")

    def date(self) -> str:
        """The year in the publication element (numeric system only)."""
        if self.opts.author_date:
            return ""
        year = self._year_field()
        if year:
            return self._dash_year(year)
        date = self._date_field()
        if date:
            head = date.split("/")[0].split("-")[0]
            if "/" in date:
                head += self._dash_year("-") + date.split("/", 1)[1].split("-")[0]
            return head
        if self.has_url_or_doi():
            return ""
        urldate = self.r("urldate")
        return "[" + urldate.split("-")[0] + "]" if urldate else ""

    def full_date(self) -> str:
        date = self._date_field()
        if date:
            return date
        return self._year_field()

    def creation_date(self) -> str:
        d = self._date_field() or self._year_field()
        return self.p.paren(d) if d else ""

    def urldate(self) -> str:
        if self.opts.edition == "2015" and not (self.url or self.doi or self.cstr):
            return ""
        u = self.r("urldate")
        return "[" + u + "]" if u else ""

    def pages(self) -> str:
        p = self.f("pages")
        if not p:
            return ""
        return re.sub(r"[-–—～]+", "-", re.sub(r"\s+", "", p))

    def edition(self) -> str:
        ed = self.f("edition")
        if not ed:
            return ""
        if ed[:1].isdigit():
            num = re.match(r"\d+", ed).group(0)
            ed = num
        else:
            low = ed.lower()
            if low in ORDINALS:
                ed = ORDINALS[low]
            elif low in REVISED:
                ed = "Rev. ed."
            elif low in ("修订", "修订版"):
                ed = "修订版"
        if ed == "1":
            return ""
        if ed[:1].isdigit():
            if self.cjk:
                return ed + " 版"
            suffix = "th" if ed[-2:-1] == "1" else {"1": "st", "2": "nd", "3": "rd"}.get(ed[-1], "th")
            word = {LANG_RU: "изд."}.get(self.lang, "ed.")
            return ed + suffix + " " + word
        return ed

    def version(self) -> str:
        v = self.f("version")
        if not v:
            return ""
        if v[0] == "V":
            return v
        if v[0] == "v":
            return "V" + v[1:]
        return "V" + v

    def publisher(self) -> str:
        return self.punct(self.f("publisher") or self.f("institution") or self.f("school"))

    def address_publisher(self) -> str:
        addr = self.punct(self.f("location"))
        pub = self.publisher()
        if addr:
            return addr + self.p.colon + pub if pub else addr
        return pub

    def url_out(self) -> str:
        if self.url:
            return self.url
        if self.cstr:
            self.url = "https://cstr.cn/" + self.cstr
            return self.url
        if self.doi and self.require_url:
            self.url = "https://doi.org/" + self.doi
            return self.url
        return ""

    def doi_out(self) -> str:
        if self.cstr:
            if self.url and self.cstr in self.url:
                return ""
            return "CSTR:" + self.cstr
        if self.doi:
            if self.url and self.doi in self.url:
                return ""
            return "DOI:" + self.doi
        return ""


@lru_cache(maxsize=65536)
def _latin_given(n) -> bool:
    """A CJK family name with a Latin given name or initial (``昂温, S.``): a foreign name in
    Chinese translation, written as the family name alone (GB/T 7714-2015 8.1.1, example 3: 昂温).
    Decided by the given name's script, not by a comma: the name parser writes Zotero's split
    ``刘, 琳`` back whole, without its comma."""
    return n.is_cjk and bool(n.given) and str_lang(n.given) not in (LANG_ZH, LANG_JA, LANG_KO)


def _parse_names(value: str, lang: int):
    decoded = _decode_keep_braces(value)
    langname = {LANG_JA: "japanese", LANG_ZH: "chinese", LANG_KO: "korean"}.get(lang)
    return parse_names(decoded, langname)


_COMMAND = re.compile(r"\\([a-zA-Z]+|.)(\{[^{}]*\}|[a-zA-Z])?", re.DOTALL)


@lru_cache(maxsize=65536)
def _decode_keep_braces(value: str) -> str:
    """LaTeX accents decoded, but braces kept (they mark organizations for the name parser)."""
    if "\\" not in value and "~" not in value:
        return value
    value = re.sub(r"\{\\relax\s+([^{}]*)\}", lambda m: "\x02" + m.group(1), value)
    out, i = [], 0
    depth_marks = []
    # decode brace groups one by one; top-level braces that wrap a whole name are kept
    while i < len(value):
        c = value[i]
        if c == "{":
            depth = 0
            for j in range(i, len(value)):
                if value[j] == "{":
                    depth += 1
                elif value[j] == "}":
                    depth -= 1
                    if depth == 0:
                        break
            inner = value[i + 1 : j]
            if inner.startswith("\\"):
                out.append(_fields.decode("{" + inner + "}"))
            else:
                out.append("{" + _fields.decode(inner) + "}")
            i = j + 1
            continue
        if c == "\\":
            # DOTALL: a backslash before a line end (or any control character) is a command
            # too; only a lone backslash at the very end matches nothing and stays as written
            m = _COMMAND.match(value, i)
            if m is None:
                out.append(c)
                i += 1
                continue
            out.append(_fields.decode(m.group(0)))
            i = m.end()
            continue
        out.append(" " if c == "~" else c)
        i += 1
    del depth_marks
    return "".join(out)
