"""Personal and organizational names, right for every script.

BibTeX's own rules (``First von Last``, ``von Last, Jr, First``) apply to Western names only.
Chinese, Japanese and Korean names are kept whole as written (``刘琳``, ``佐藤 優``) and never
inverted; their family/given split is derived only for romanization (APA ``Liu, L.``) and
sorting. Braced names (``{U.S. Department of Defense}``) are organizations and never split.
``and others`` becomes a trailing :class:`Name` with ``others=True``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from annobib.core.language import char_script, has_cjk, script_of  # noqa: F401  (re-exported)
from annobib.perf import lazy_regex

_GIVEN_WORDS = re.compile(r"\s+|(?<=\.)(?=[^\s.\-])")

# Two-character Chinese surnames (复姓): the split of 欧阳修 is 欧阳 / 修, not 欧 / 阳修.
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 令狐 夏侯 轩辕 端木 独孤 南宫 "
    "西门 呼延 百里 东郭 公羊 澹台 太史 申屠 闻人 万俟 钟离 濮阳 司空 亓官 单于 赫连 淳于 "
    "歐陽 諸葛 司馬 長孫 令狐 東方 夏侯".split()
)
# Surnames whose reading differs from the character's everyday reading.
SURNAME_READINGS = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "任": "ren",
    "华": "hua",
    "繁": "po",
    "缪": "miao",
    "翟": "zhai",
    "覃": "qin",
    "尉迟": "yuchi",
    "万俟": "moqi",
    "单于": "chanyu",
    "长孙": "zhangsun",
    "乐": "yue",
    "员": "yun",
    "沈": "shen",
    "秘": "bi",
    "种": "chong",
    "折": "she",
    "洗": "xian",
    "冼": "xian",
    "召": "shao",
    "燕": "yan",
    "过": "guo",
    "宿": "su",
    "句": "gou",
    "阚": "kan",
    "蕃": "pi",
    "柏": "bai",
}
# Words that make an unbraced Western "name" an organization.
ORGANIZATION_WORDS = lazy_regex(
    r"\b(Department|Ministry|Institute|Institution|University|Office|Council|Committee|"
    r"Association|Agency|Bureau|Administration|Commission|Government|House|Project|Party|"
    r"Organi[sz]ation|Foundation|Center|Centre|Society|Bank|Corporation|Company|Inc\.?|Ltd\.?|"
    r"Group|Forces|Command|Service|Federation|Union|Nations|Network|Press|News|Agency|"
    r"Secretariat|Parliament|Congress|Senate|Court|Embassy|Coalition|Alliance|Forum)\b"
)


@dataclass(frozen=True)
class Name:
    family: str = ""
    given: str = ""
    particle: str = ""  # "von", "de la", "van der"
    suffix: str = ""  # "Jr.", "III"
    literal: bool = False  # an organization, or a name given in braces: never split
    others: bool = False  # BibTeX "and others" (等 / et al.)
    script: str = "latin"
    raw: str = ""  # the name as written, outer braces removed
    lang: str = ""  # the entry's langid, when known: a Japanese name in kanji is not read as pinyin

    @property
    def is_cjk(self) -> bool:
        """A personal name in Chinese, Japanese or Korean script (kept whole, never inverted).
        A braced CJK name (``{中华人民共和国国务院新闻办公室}``) is an organization, not this."""
        return self.script in ("han", "kana", "hangul") and not self.literal

    @property
    def is_organization(self) -> bool:
        return self.literal

    @property
    def text(self) -> str:
        """The name for display, as people write it: 刘琳, James D. Morrow, U.S. Department of Defense."""
        if self.others:
            return "others"
        if self.literal or self.is_cjk:
            return self.raw
        parts = [self.given, self.particle, self.family]
        name = " ".join(p for p in parts if p)
        return f"{name}, {self.suffix}" if self.suffix else name

    @property
    def last(self) -> str:
        """Family name with its particle, as cited in text (``Des Marais``, ``van der Berg``, ``刘琳``)."""
        if self.literal or self.is_cjk:
            return self.raw
        return f"{self.particle} {self.family}".strip()

    def initials(self, dots: bool = True, hyphen: bool = True, space: str = " ") -> str:
        """Initials of the given names: ``James D.`` -> ``J. D.``; ``Jae-Rim`` -> ``J.-R.``;
        CJK names use their romanized given name (``刘琳`` -> ``L.``)."""
        given = self.romanized()[1] if self.is_cjk else self.given
        out = []
        for word in _GIVEN_WORDS.split(given):  # "J.W." is two names, like "J. W."
            pieces = [p for p in word.split("-") if p]
            inits = []
            for piece in pieces:
                letter = next((c for c in piece if c.isalpha()), "")
                if letter:
                    inits.append(letter.upper() + ("." if dots else ""))
            if inits:
                out.append(("-" if hyphen else "").join(inits))
        return space.join(out)

    def romanized(self) -> tuple[str, str]:
        """(family, given) in Latin letters: pinyin for Chinese (``刘琳`` -> ``Liu``, ``Lin``).

        Japanese kanji cannot be read without a dictionary; such names come back unchanged
        (the user records the reading in the ``author+an`` / romanized fields).
        """
        if self.literal:
            return self.raw, ""
        japanese = self.script == "kana" or self.lang.lower() in ("japanese", "ja")
        if self.script == "han" and not japanese:
            fam = SURNAME_READINGS.get(self.family) or pinyin_of(self.family, sep="")
            giv = pinyin_of(self.given, sep="")
            return fam.capitalize(), giv.capitalize()
        if self.script == "hangul":
            return romanize_hangul(self.family).capitalize(), romanize_hangul(self.given).capitalize()
        if self.script == "kana" or self.is_cjk:
            return self.family, self.given
        return self.last, self.given

    def sort_key(self) -> tuple:
        """Family name, then given, in Latin letters (pinyin for Chinese), accents folded."""
        if self.literal and self.script == "han":
            return (fold_for_sort(pinyin_of(self.raw, sep="")), "", self.raw)
        fam, giv = self.romanized()
        return (fold_for_sort(fam), fold_for_sort(giv), self.raw)


def fold_for_sort(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def split_top_level(value: str, sep_re: re.Pattern) -> list[str]:
    """Split ``value`` on ``sep_re`` matches that are not inside braces."""
    if "{" not in value and "}" not in value:
        return sep_re.split(value)  # the same cuts, found in C (20,000 names in a RIS file)
    parts, depth, start = [], 0, 0
    i = 0
    while i < len(value):
        ch = value[i]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = sep_re.match(value, i)
            if m and m.end() > i:
                parts.append(value[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(value[start:])
    return parts


_AND = re.compile(r"\s+and\s+", re.I)
_COMMA = re.compile(r",\s*")


def _strip_outer_braces(text: str) -> tuple[str, bool]:
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        depth = 0
        for i, ch in enumerate(text):
            depth += ch == "{"
            depth -= ch == "}"
            if depth == 0 and i < len(text) - 1:
                return text, False  # {A} {B}: not one group
        return text[1:-1].strip(), True
    return text, False


@lru_cache(maxsize=65536)  # every entry is read 3-4 times (sort, format, labels): 10k must fit
def parse_names(value: str | None, lang: str | None = None) -> tuple[Name, ...]:
    """Parse a BibTeX name list (``A and B and others``).

    ``lang`` (the entry's ``langid``) refines CJK splits: a Japanese name written without a space
    is kept as one family name rather than split Chinese-style.
    """
    if not value or not value.strip():
        return ()
    names = []
    seen: dict[str, Name] = {}  # a list repeating one name (hostile, or `others` many times) parses it once
    for part in split_top_level(" ".join(value.split()), _AND):
        part = part.strip()
        if not part:
            continue
        name = seen.get(part)
        if name is None:
            name = seen[part] = Name(others=True, raw="others") if part.lower() == "others" else parse_name(part, lang)
        names.append(name)
    return tuple(names)


def parse_name(text: str, lang: str | None = None) -> Name:
    inner, braced = _strip_outer_braces(text)
    plain = inner.replace("{", "").replace("}", "")
    script = script_of(plain)
    if script in ("han", "kana", "hangul") and not braced:
        family, given = _split_cjk(plain, script, lang)
        if "," in plain or "，" in plain:  # Zotero / Better BibTeX: 刘, 琳 is the one name 刘琳
            plain = cjk_whole(family, given, script, lang)
        return Name(family=family, given=given, script=script, raw=plain, lang=lang or "")
    if braced:
        return Name(family=plain, literal=True, script=script, raw=plain, lang=lang or "")
    parts = [p.strip() for p in split_top_level(inner, _COMMA)]
    if len(parts) == 1 and ORGANIZATION_WORDS.search(plain):
        return Name(family=plain, literal=True, script=script, raw=plain, lang=lang or "")
    if len(parts) == 1:
        given, particle, family = _split_first_von_last(parts[0])
        suffix = ""
    elif len(parts) == 2:
        particle, family = _split_von_last(parts[0])
        given, suffix = parts[1], ""
    else:
        particle, family = _split_von_last(parts[0])
        suffix, given = parts[1], ", ".join(parts[2:])
    clean = lambda s: s.replace("{", "").replace("}", "").strip()  # noqa: E731
    return Name(
        family=clean(family),
        given=clean(given),
        particle=clean(particle),
        suffix=clean(suffix),
        script=script,
        raw=plain,
        lang=lang or "",
    )


def cjk_whole(family: str, given: str, script: str, lang: str | None) -> str:
    """A CJK name written whole from its parts, as people write it: Chinese and Korean run
    together (刘琳, 김민수); Japanese keeps a space between family and given name (佐藤 優), the
    usual form, and one that splits back the same way."""
    japanese = script == "kana" or (lang or "").lower() in ("japanese", "ja")
    return f"{family} {given}".strip() if japanese else family + given


def _split_cjk(text: str, script: str, lang: str | None) -> tuple[str, str]:
    """Family / given for a CJK name, for romanization and sorting only."""
    text = text.strip()
    if "," in text or "，" in text:
        fam, giv = re.split(r"\s*[,，]\s*", text, maxsplit=1)
        return fam, giv
    pieces = re.split(r"[\s\u3000・·]+", text)
    if len(pieces) >= 2:
        return pieces[0], "".join(pieces[1:])
    if script == "kana" or (lang or "").lower() in ("japanese", "ja"):
        return text, ""
    if script == "hangul":
        return text[:1], text[1:]
    if len(text) >= 3 and text[:2] in COMPOUND_SURNAMES:
        return text[:2], text[2:]
    if len(text) == 1:
        return text, ""
    return text[:1], text[1:]


def _tokens(text: str) -> list[str]:
    return [t for t in split_top_level(text.strip(), re.compile(r"\s+")) if t]


def _is_lower_word(token: str) -> bool:
    stripped = token.lstrip("{")
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower() and not token.startswith("{")


def _split_first_von_last(text: str) -> tuple[str, str, str]:
    tokens = _tokens(text)
    if len(tokens) == 1:
        return "", "", tokens[0]
    lower = [i for i, t in enumerate(tokens[:-1]) if _is_lower_word(t)]
    if lower:
        first, last_von = lower[0], lower[-1]
        return " ".join(tokens[:first]), " ".join(tokens[first : last_von + 1]), " ".join(tokens[last_von + 1 :])
    return " ".join(tokens[:-1]), "", tokens[-1]


def _split_von_last(text: str) -> tuple[str, str]:
    tokens = _tokens(text)
    lower = [i for i, t in enumerate(tokens[:-1]) if _is_lower_word(t)]
    if lower:
        cut = lower[-1] + 1
        return " ".join(tokens[:cut]), " ".join(tokens[cut:])
    return "", " ".join(tokens)


def format_name_list(names, others_word: str = "others") -> str:
    """Names back to BibTeX (``Family, Given and {Org} and 刘琳 and others``)."""
    out = []
    for n in names:
        if n.others:
            out.append("others")
        elif n.literal:
            out.append("{" + n.raw + "}")
        elif n.is_cjk:
            # a split written with a comma stays written so when the whole form would split
            # differently (司, 马迁 is not 司马 / 迁)
            same = _split_cjk(n.raw, n.script, n.lang) == (n.family, n.given)
            out.append(n.raw if same or not n.given else f"{n.family}, {n.given}")
        else:
            head = f"{n.particle} {n.family}".strip()
            out.append(", ".join(p for p in (head, n.suffix, n.given) if p) if (n.given or n.suffix) else head)
    return " and ".join(out)


@lru_cache(maxsize=65536)
def pinyin_of(text: str, sep: str = " ") -> str:
    """Toneless pinyin of the Han characters in ``text``; other characters pass through.

    Imports pypinyin on first use only (it costs ~300 ms).
    """
    if not any(char_script(c) == "han" for c in text):
        return text
    # lazy: loads pypinyin only when this runs
    from pypinyin import Style, lazy_pinyin

    return sep.join(lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False))


# Revised Romanization of Korean, syllable by syllable (no sound-change rules).
_RR_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_RR_VOWEL = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_RR_FINAL = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]
# Common family-name spellings differ from strict RR.
_KOREAN_SURNAMES = {
    "이": "Lee",
    "박": "Park",
    "김": "Kim",
    "최": "Choi",
    "정": "Jung",
    "조": "Cho",
    "강": "Kang",
    "윤": "Yoon",
    "임": "Lim",
    "오": "Oh",
    "신": "Shin",
    "한": "Han",
    "유": "Yoo",
    "노": "Roh",
}


def romanize_hangul(text: str) -> str:
    if text in _KOREAN_SURNAMES:
        return _KOREAN_SURNAMES[text].lower()
    out = []
    for ch in text:
        o = ord(ch) - 0xAC00
        if 0 <= o < 11172:
            out.append(_RR_INITIAL[o // 588] + _RR_VOWEL[(o % 588) // 28] + _RR_FINAL[o % 28])
        else:
            out.append(ch)
    return "".join(out)
