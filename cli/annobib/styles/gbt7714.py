"""GB/T 7714-2025 and GB/T 7714-2015, numeric (顺序编码制) and author-date (著者-出版年制).

The output engine follows the way the standard builds an entry: elements in blocks separated by
``. ``, elements within a block by a comma, some joined by their own punctuation (``:`` before
pages, nothing before ``(issue)``), an element with no data dropped together with the
punctuation that introduces it. Element templates per type are in ``_TEMPLATES``.

Edition differences (see README, section *format*): punctuation width, Western surname case,
hyphens in initials, access dates, report dates, translator form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from annobib.model import FIELD_ALIASES
from annobib.render.richtext import RichText, Run
from annobib.core.language import char_script
from annobib.styles import _fields
from annobib.styles._outlets import is_news, outlet_kind
from annobib.styles._legal import case_citation, is_social_post
from annobib.styles.casing import sentence_case
from annobib.styles.template import field, join, lead, optional_field, sentence, words

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


def char_lang(ch: str) -> int:
    """The language a character's script stands for here (the scripts of core.language)."""
    return _SCRIPT_LANG.get(char_script(ch), LANG_OTHER)


@lru_cache(maxsize=65536)
def str_lang(text: str) -> int:
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


def add_period(s: str) -> str:
    if not s:
        return s
    t = s.rstrip("}")
    if t and t[-1] in ".?!":
        return s
    return s + "."


# -- the output engine -------------------------------------------------------------------
BEFORE_ALL, MID_SENTENCE, AFTER_SENTENCE, AFTER_BLOCK, AFTER_PUNCT = range(5)


class _Out:
    __slots__ = ("parts", "pending", "state", "punct_str", "comma")

    def __init__(self, comma: str):
        self.parts: list[str] = []
        self.pending = ""
        self.state = BEFORE_ALL
        self.punct_str = ""
        self.comma = comma

    def out(self, s: str) -> None:
        if not s:
            return
        st = self.state
        if st == MID_SENTENCE:
            self.parts.append(self.pending + self.comma)
        elif st == AFTER_BLOCK or st == AFTER_SENTENCE:
            self.parts.append(add_period(self.pending) + " ")
        elif st == AFTER_PUNCT:
            self.parts.append(self.pending + self.punct_str)
        else:
            self.parts.append(self.pending)
        self.state = MID_SENTENCE
        self.pending = s

    def block(self) -> None:
        if self.state != BEFORE_ALL:
            self.state = AFTER_BLOCK

    def sentence(self) -> None:
        if self.state not in (AFTER_BLOCK, BEFORE_ALL):
            self.state = AFTER_SENTENCE

    def punct(self, p: str) -> None:
        if self.state in (MID_SENTENCE, AFTER_PUNCT):
            self.punct_str = p
            self.state = AFTER_PUNCT

    def slash(self) -> None:
        if self.state != BEFORE_ALL:
            self.parts.append(self.pending + "//")
            self.pending = ""
            self.state = BEFORE_ALL

    def finish(self) -> str:
        self.parts.append(add_period(self.pending))
        return "".join(self.parts)


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
    rich = None  # the reference, when its type is declared on the template layer

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
        self.p = _Punct(opts.full_width)
        self.type = entry.type.lower()
        self.extra = extra
        self.type_id = ""
        self.require_url = False
        self.numbered = self.type in NUMBERED_TYPES
        url = _fields.raw(entry, "url")
        if not url:
            for name in ("howpublished", "note"):
                v = _fields.raw(entry, name)
                m = re.match(r"\\url\{([^}]*)\}", v or "")
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
        if n.is_cjk and ((not n.given and not n.suffix) or ("," not in n.raw and "，" not in n.raw)):
            return n.raw
        if lang in (LANG_ZH, LANG_JA):
            if n.is_cjk and "," not in n.raw and "，" not in n.raw:
                return n.raw
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
        if first.is_cjk and ("," in first.raw or "，" in first.raw):
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

    def in_ed_booktitle(self, o: _Out) -> None:
        if not self.has("booktitle"):
            return
        editors = self.names("editor")
        if editors:
            o.out(editors)
            o.block()
        o.out(self.series_volume_booktitle())

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

    def urls(self, o: _Out, url_required: bool = False) -> None:
        """URL (then DOI / CSTR), each a block of its own; 2015 puts the access date first."""
        u = self.url_out()
        if u:
            o.block()
            o.out(u)
        d = self.doi_out()
        if d:
            o.block()
            o.out(d)

    def access_2015(self, o: _Out) -> None:
        """2015: the access date ``[YYYY-MM-DD]`` follows the date/pages of any online item."""
        if self.opts.edition == "2015" and (self.url or self.doi or self.cstr) and self.has("urldate"):
            o.punct("")
            o.out(self.urldate())


@lru_cache(maxsize=65536)
def _parse_names(value: str, lang: int):
    from annobib.names import parse_names

    decoded = _decode_keep_braces(value)
    langname = {LANG_JA: "japanese", LANG_ZH: "chinese", LANG_KO: "korean"}.get(lang)
    return parse_names(decoded, langname)


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
            m = re.match(r"\\([a-zA-Z]+|.)(\{[^{}]*\}|[a-zA-Z])?", value[i:])
            out.append(_fields.decode(m.group(0)))
            i += m.end()
            continue
        out.append(" " if c == "~" else c)
        i += 1
    del depth_marks
    return "".join(out)


# -- templates ---------------------------------------------------------------------------


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


def _authors(x: _Entry, o: _Out, field: str = "author", alt: str | None = None) -> None:
    if x.opts.author_date:
        names = x.names(field) or (x.names(alt) if alt else "")
        o.out((names or x.anonymous()))
        o.punct(x.p.comma)
        o.out(x.lab_date())
    else:
        o.out(x.names(field) or (x.names(alt) if alt else ""))


def _tail(x: _Entry, o: _Out) -> None:
    x.urls(o)
    o.block()


def _pub_date_pages(x: _Entry, o: _Out) -> None:
    o.out(x.address_publisher())
    o.out(x.date())
    o.punct(x.p.colon)
    o.out(x.pages())
    x.access_2015(o)


def t_article_journal(x: _Entry, o: _Out) -> None:
    """Journal and newspaper articles, declared on the template layer (``_periodical_template``)."""
    _set_type_id(x, "J")
    date_full = len(x._date_field()) > 9
    if not x.has("volume") and not x.has("number") and x.url and date_full and x.type_id == "J":
        x.require_url = True
    x.rich = _periodical_template(x.p.comma, x.p.colon, x.opts.author_date).format(_Values(x))


class _Values:
    """The elements GB/T templates read (``field(name)``), styled and punctuated for the edition;
    an element with nothing to show is empty, and the template drops it with its separator."""

    def __init__(self, x: _Entry):
        self.x = x

    def field(self, name: str):
        if "/" in name:  # "names/editor/author": the method and its arguments
            name, *args = name.split("/")
            return _GETTERS[name](self, *args)
        return _GETTERS[name](self)

    def _names(self, role="author", alt="author"):
        return self.x.names(role) or self.x.names(alt)

    def _names_or_anonymous(self, role="author", alt="author"):
        return self._names(role, alt) or self.x.anonymous()

    def _btitle(self):
        return self.x.btitle()

    def _edition(self):
        return self.x.edition()

    def _publisher(self):
        return self.x.address_publisher()

    def _year(self):
        return self.x.date()

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


@lru_cache(maxsize=16)
def _book_template(comma: str, colon: str, author_date: bool, role: str, alt: str):
    """主要责任者. 题名[M]. 译者. 版本项. 出版地: 出版者, 出版年: 页码[引用日期]. URL. DOI."""
    return words[
        (
            _authors_template(comma, author_date, role, alt),
            sentence(sep="")[_opt("btitle")],
            sentence(sep="")[_opt("translators")],
            sentence(sep="")[_opt("edition")],
            sentence(sep="")[
                join(sep=comma)[
                    _opt("publisher"), _opt("year"), lead(colon, _opt("book_pages")), lead("", _opt("access"))
                ]
            ],
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


def t_archive(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "A")
    _authors(x, o)
    o.block()
    o.out(x.btitle())
    o.block()
    o.out(x.address_publisher())
    if x.opts.edition == "2015":
        # 2015: year, then (full date)[access date] for a dated online document
        o.out(x.date())
        if x._date_field() and x._date_field() != x._year_field():
            o.punct("")
            o.out(x.creation_date())
    else:
        o.out(x.full_date())
    o.punct(x.p.colon)
    o.out(x.pages())
    x.access_2015(o)
    _tail(x, o)


def _book_like(x: _Entry, o: _Out, default: str, role: str, alt: str | None = None) -> None:
    """A whole book or proceedings volume: the same layout, its own code and responsible party."""
    _set_type_id(x, default)
    x.rich = _book_template(x.p.comma, x.p.colon, x.opts.author_date, role, alt or role).format(_Values(x))


def t_book(x: _Entry, o: _Out) -> None:
    _book_like(x, o, "M", "author", "editor")


def _version_source_dates(x: _Entry, o: _Out, source: str) -> None:
    """After the title: version, the source (publisher or preprint server), dates, URL/DOI."""
    o.block()
    o.out(x.version())
    o.block()
    o.out(source)
    o.punct("")
    o.out(x.creation_date())
    o.punct("")
    o.out(x.urldate())
    _tail(x, o)


def t_dataset(x: _Entry, o: _Out, default: str = "DS") -> None:
    _set_type_id(x, default)
    _authors(x, o)
    o.block()
    o.out(x.btitle())
    _version_source_dates(x, o, x.f("publisher"))


def _contribution(x: _Entry, o: _Out, with_bookauthor: bool) -> None:
    """A part of a book: 析出文献 // the host (its bookauthor first when asked and given)."""
    _set_type_id(x, "M")
    _authors(x, o)
    o.block()
    o.out(x.title())
    o.block()
    o.out(x.translators())
    o.slash()
    bookauthor = x.names("bookauthor") if with_bookauthor else ""
    if bookauthor:
        o.out(bookauthor)
        o.block()
        o.out(x.series_volume_booktitle())
    else:
        x.in_ed_booktitle(o)
    o.block()
    o.out(x.edition())
    o.block()
    _pub_date_pages(x, o)
    _tail(x, o)


def t_incollection(x: _Entry, o: _Out) -> None:
    _contribution(x, o, with_bookauthor=False)


def t_inbook(x: _Entry, o: _Out) -> None:
    if not x.has("booktitle"):
        return t_book(x, o)
    _contribution(x, o, with_bookauthor=True)


def t_inproceedings(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "C")
    _authors(x, o)
    o.block()
    o.out(x.title())
    o.slash()
    if not x.has("booktitle"):
        o.out(x.punct(x.f("eventtitle")))
    else:
        x.in_ed_booktitle(o)
        o.block()
        o.out(x.edition())
        o.block()
        o.out(x.address_publisher())
    o.out(x.date())
    o.punct(x.p.colon)
    o.out(x.pages())
    x.access_2015(o)
    _tail(x, o)


def t_patent(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "P")
    if x.has("holder"):
        _authors(x, o, "holder")
    else:
        _authors(x, o)
    o.block()
    o.out(x.title())
    o.block()
    o.out(x.full_date())
    o.punct(x.p.colon)
    o.out(x.pages())
    x.access_2015(o)
    _tail(x, o)


def t_periodical(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "J")
    _authors(x, o, "editor")
    o.block()
    o.out(x.title())
    o.block()
    v = x.f("volume") or x.f("number")
    if v:
        v = x._dash_year(x.punct(v))
    o.out(v)
    o.block()
    o.out(x.address_publisher())
    o.out(x.date())
    x.access_2015(o)
    _tail(x, o)


def t_proceedings(x: _Entry, o: _Out) -> None:
    _book_like(x, o, "C", "editor")


def t_preprint(x: _Entry, o: _Out) -> None:
    x.require_url = True
    if x.opts.edition == "2015" and not x.has("entrytypeid"):
        # 2015 has no preprint code [PP]: a preprint server's page is an electronic resource
        x.type_id = x.type_id or "EB"
        if not x.url and x.doi:
            x.url = "https://doi.org/" + x.doi
        return t_webpage(x, o)
    _set_type_id(x, "PP")
    _authors(x, o)
    o.block()
    o.out(x.title())
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
    _version_source_dates(x, o, prefix)


def t_thesis(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "D")
    _authors(x, o)
    o.block()
    o.out(x.btitle())
    o.block()
    _pub_date_pages(x, o)
    _tail(x, o)


def t_techreport(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "R")
    _authors(x, o)
    o.block()
    o.out(x.btitle())
    o.block()
    if not x.has("institution") and not x.has("publisher"):
        if x.opts.edition == "2015" and (x.url or x.doi) and x._date_field():
            # 2015: (date)[access date] like a web page
            o.out(x.creation_date())
            o.punct("")
            o.out(x.urldate())
        else:
            o.out(x.date() if x.opts.edition == "2015" else x.full_date())
            o.punct(x.p.colon)
            o.out(x.pages())
            x.access_2015(o)
    else:
        _pub_date_pages(x, o)
    _tail(x, o)


def t_webpage(x: _Entry, o: _Out) -> None:
    x.require_url = True
    _set_type_id(x, "EB")
    x.rich = _webpage_template(x.p.comma, x.p.colon, x.opts.author_date).format(_Values(x))


def t_misc(x: _Entry, o: _Out) -> None:
    if x.has("eprint") or x.has("archiveprefix") or x.has("eprinttype"):
        return t_preprint(x, o)
    if not x.url:
        _set_type_id(x, "Z")
        return t_book(x, o)
    return t_webpage(x, o)


def t_article(x: _Entry, o: _Out) -> None:
    sub = (x.r("entrysubtype") or "").lower()
    if is_news(sub):
        kind = outlet_kind(sub, x.f("journaltitle"))
        if kind != "newspaper" and x.url and not x.has("entrytypeid"):
            # a news agency's or news website's page is a web page: [EB/OL], the outlet in the
            # publisher's place (中国新闻网，2025（2025-02-22）), with or without an author
            x.type_id = "EB"
            if not x.has("publisher") and x.has("journaltitle"):
                x._raw["publisher"] = x.r("journaltitle")
            return t_webpage(x, o)
        x.type_id = "N"
        return t_article_journal(x, o)
    j = x.f("journaltitle") or x.f("shortjournal")
    if not j:
        if x.has("archiveprefix") or x.has("eprinttype") or x.has("eprint"):
            return t_preprint(x, o)
        return t_article_journal(x, o)
    if j.lower().startswith("arxiv"):
        return t_preprint(x, o)
    return t_article_journal(x, o)


def t_collection(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "G")
    return t_book(x, o)


def t_map(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "CM")
    if x.has("booktitle"):
        return t_incollection(x, o)
    _authors(x, o)
    o.block()
    o.out(x.btitle())
    o.block()
    o.out(x.edition())
    o.block()
    _pub_date_pages(x, o)
    o.block()
    dims = x.f("dimensions").replace("x", "×")
    o.out(dims)
    _tail(x, o)


def t_newspaper(x: _Entry, o: _Out) -> None:
    x.type_id = "N"
    return t_article_journal(x, o)


def t_online(x: _Entry, o: _Out) -> None:
    if x.has("eprint") or x.has("archiveprefix") or x.has("eprinttype"):
        return t_preprint(x, o)
    if is_social_post(x.type, x.f("organization")):
        x.keep_case = True  # the post's text as written
    return t_webpage(x, o)


def t_jurisdiction(x: _Entry, o: _Out) -> None:
    """A court decision or award (GB/T has no type for it): ``题名：判例出处或案号[Z]. 法院，日期.``

    The case name is kept as written; the reporter citation (``585 U.S. 667``), neutral citation
    (``[2016] UKSC 8``) or case number follows the title like a report number; the court takes the
    publisher's place (unless the citation names it) and the date is given in full; online: ``[Z/OL]``
    and the URL (2015: with the access date)."""
    _set_type_id(x, "Z")
    x.keep_case = True
    x.numbered = False
    _authors(x, o)
    o.block()
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
    o.out(title + x.type_id_bracket())
    o.block()
    if not court_named:
        o.out(x.punct(court))
    date = x.full_date()
    if (court_named and f"[{date}]" in cite) or (x.opts.author_date and len(date) == 4):
        date = ""  # a neutral citation ``[2016] UKSC 8`` or the author-date label gives the year
    o.out(date)
    x.access_2015(o)
    _tail(x, o)


def t_legislation(x: _Entry, o: _Out) -> None:
    """A law or regulation: ``制定机关. 题名：文号[Z]. 日期.``; online: the gazette or government
    page, ``[EB/OL]`` with (date)[access date] and the URL. ``[A]`` (archives) is not used."""
    x.numbered = True
    x.keep_case = True  # the name of an act is a proper title
    if x.url or x.doi or x.cstr:
        return t_webpage(x, o)
    _set_type_id(x, "Z")
    _authors(x, o)
    o.block()
    o.out(x.btitle())
    o.block()
    o.out(x.address_publisher())
    o.out(x.full_date())
    _tail(x, o)


def t_software(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "CP")
    return t_webpage(x, o)


def t_standard(x: _Entry, o: _Out) -> None:
    _set_type_id(x, "S")
    if x.opts.edition == "2015":
        # 2015: 主要责任者. 标准名称: 标准号[S]. 出版地: 出版者, 出版年.
        x.numbered = True
        if x.has("booktitle"):
            return t_incollection(x, o)
        _authors(x, o)
        o.block()
        o.out(x.btitle())
        o.block()
        _pub_date_pages(x, o)
        _tail(x, o)
        return
    if x.opts.author_date:
        _authors(x, o)
        o.block()
    o.out(x.f("number"))
    o.punct(" ")
    o.out(x.btitle())
    o.block()
    _tail(x, o)


def t_database(x: _Entry, o: _Out) -> None:
    return t_dataset(x, o, "DB")


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


def _to_rich(text: str, x: _Entry) -> RichText:
    rt = RichText(lang=BCP47.get(x.lang))
    links = []
    if x.url:
        links.append(x.url)
    doi = x.doi_out()
    if doi:
        target = "https://doi.org/" + x.doi if doi.startswith("DOI:") else "https://cstr.cn/" + x.cstr
        links.append((doi.split(":", 1)[1], target))
    pos = 0
    for item in links:
        label, target = (item, item) if isinstance(item, str) else item
        k = text.find(label, pos)
        if k < 0:
            continue
        rt.append(text[pos:k], Run(label, url=target))
        pos = k + len(label)
    rt.append(text[pos:])
    return rt


def format_text(entry, opts: Options, extra: str = "") -> tuple[str, "_Entry"]:
    """The reference as text (or, for types declared on the template layer, as ``x.rich``)."""
    x = _Entry(entry, opts, extra)
    o = _Out(x.p.comma)
    template = _TEMPLATES.get(x.type, t_misc)
    template(x, o)
    if x.rich is not None:
        return x.rich.plain, x
    return o.finish(), x


def format_entry(
    entry, edition: str = "2025", system: str = "numeric", extra: str = "", warnings: list | None = None
) -> RichText:
    """One reference (without its ``[n]`` label) as rich text."""
    text, x = format_text(entry, Options(str(edition), system), extra)
    if warnings is not None and x.url and not x.has("urldate"):
        web = x.type_id in ("EB", "CP") or x.type in ("online", "webpage", "www", "software")
        if str(edition) == "2015" or web:
            warnings.append(
                f"{entry.key}: no access date (urldate) for an online item; "
                f"GB/T 7714-{edition} requires one{' for web pages' if str(edition) == '2025' else ''}"
            )
    if x.rich is not None:
        x.rich.lang = BCP47.get(x.lang)
        return x.rich
    return _to_rich(text, x)


_GROUP = {LANG_ZH: 0, LANG_JA: 1, LANG_EN: 2, LANG_RU: 3, LANG_KO: 4, LANG_OTHER: 5}  # others last


def _author_field(x: _Entry) -> str:
    if x.type == "book" or (x.type == "inbook" and x.has("booktitle")):
        return "author" if x.has("author") else "editor"
    if x.type in ("collection", "proceedings", "periodical"):
        return "editor" if x.has("editor") else "author"
    if x.type == "patent" and x.has("holder"):
        return "holder"
    return "author"


def sort_key(entry, index: int = 0, edition: str = "2025") -> tuple:
    """Author-date list order: language group, author (pinyin for Chinese), year."""
    from annobib.styles.sorting import name_key, pinyin_key, year_key

    x = _Entry(entry, Options(str(edition), "author-date"))
    value = x.e.get(_author_field(x))
    names = _parse_names(value.strip(), x.lang) if value else ()
    if names:
        nkey = tuple(name_key(n) for n in names)
    else:
        nkey = (pinyin_key(x.anonymous()),)  # 佚名 files under yi
    return (_GROUP.get(x.lang, 4), nkey, year_key(x.lab_date(with_extra=False)))


def group_key(entry, edition: str = "2025") -> tuple:
    """Works that get 2010a, 2010b: the same names and year in the citation label."""
    names, year, _ = label_parts(entry, edition)
    return (names, year)


def label_parts(entry, edition: str = "2025") -> tuple[str, str, int]:
    """(short names, year, language) for author-date citations and same-author-year letters."""
    x = _Entry(entry, Options(str(edition), "author-date"))
    if x.type in ("book",) or (x.type == "inbook" and x.has("booktitle")):
        names = x.label_names("author") or x.label_names("editor")
    elif x.type in ("collection", "proceedings", "periodical"):
        names = x.label_names("editor") or x.label_names("author")
    elif x.type == "patent":
        names = x.label_names("holder") or x.label_names("author")
    else:
        names = x.label_names("author")
    return names or x.anonymous(), x.lab_date(with_extra=False), x.lang


def citation(entry, edition: str = "2025", extra: str = "") -> str:
    """The author-date in-text citation: ``（刘琳，2025）`` (2025, CJK), ``(Morrow, 1991)``."""
    names, year, lang = label_parts(entry, edition)
    if year.startswith("[") and extra:
        year = year[:-1] + extra + "]"
    elif year in ("无日期", "n.d.") and extra:
        year += "-" + extra
    else:
        year += extra
    cjk = lang in (LANG_ZH, LANG_JA, LANG_KO)
    if str(edition) == "2025" and cjk:
        return f"（{names}，{year}）"
    return f"({names}, {year})"
