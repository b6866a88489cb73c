"""Person and organization names: CJK name lists (:func:`cjk_names`, :func:`format_cjk_names`,
:func:`is_cjk_org`), Western name lists (:func:`western_names`, :func:`western_person`,
:func:`looks_like_names`), pinyin family-name-first detection, and :func:`names_field`."""

from __future__ import annotations

import re
from typing import Callable

from annobib.extract import rx as cre

from annobib.names import parse_name

from annobib.extract.fields.features import (
    HAN,
    HANGUL,
    LATIN,
    IGO_RE,
    ORG_RE,
    zh_org_suffix,
    brace_org,
    strip_trailing,
)


# ---------------------------------------------------------------- names

NATIONALITY_RE = re.compile(r"^\s*[\[［〔【（(][\u4e00-\u9fff]{1,3}[\]］〕】）)]\s*")
_NATIONALITY_OPEN = "[［〔【（("  # the brackets NATIONALITY_RE opens with (after spaces)


def _drop_nationality(text: str) -> str:
    """``NATIONALITY_RE.sub("", text)``, the regex called only when its bracket opens the text."""
    return NATIONALITY_RE.sub("", text) if text.lstrip()[:1] in _NATIONALITY_OPEN else text


# 总主编 / 总编著: a series' chief editor, an editor all the same (the 总 is no part of the name)
ROLE_SUFFIX_RE = re.compile(
    r"\s*(?:总|總)?(主编|主編|编著|合编|合編|编选|編選|编译|編譯|编校|點校|点校|校订|校注|编|著|等著|撰|口述|整理|選|編著|編|監修|著作|外著)$"
)
# the last characters of ROLE_SUFFIX_RE's words: the regex ends at the end of the text (``$``: perhaps
# before a final newline), and tried at every position it is spared where no such character ends it
_ROLE_SUFFIX_LAST = frozenset("作修撰理編编著譯译述选選校订注")


def role_suffix(text: str) -> re.Match[str] | None:
    """``ROLE_SUFFIX_RE.search(text)``, tried only when the text ends in a role word's last character."""
    last = text[-2:-1] if text[-1:] == "\n" else text[-1:]
    return ROLE_SUFFIX_RE.search(text) if last in _ROLE_SUFFIX_LAST else None


# the credits that make the names a volume's editors (编著, compiled and written, too; 编校/点校/校订/
# 校注: who edited a classic's or an author's text)
_EDITOR_ROLES = frozenset("主编 主編 编 合编 合編 编选 編選 編 監修 編著 编著 编校 點校 点校 校订 校注".split())
KO_ROLE_RE = re.compile(r"(?<=[\uac00-\ud7af])(\s+외)?\s+(편저|공편|편|엮음|지음|저|옮김|역)$")


# the last characters of KO_ROLE_RE's words (it ends at ``$``: the end, or before a final line break)
_KO_ROLE_LAST = "저편음김역"
_HAN_NAME = re.compile(r"[\u4e00-\u9fff々]{2,5}")
_HANGUL_NAME = re.compile(r"[\uac00-\ud7af]{2,5}")


def _has_any_char(text: str, chars: str) -> bool:
    for c in chars:
        if c in text:
            return True
    return False


_DOTTED_NAMES_RE1 = re.compile(r"[＝=]")
_DOTTED_NAMES_RE2 = re.compile(r"\s*([・·･])\s*")


def _dotted_org(name: str) -> bool:
    """``労働政策研究・研修機構`` / ``国立社会保障・人口問題研究所``: one body whose name holds a dot
    (the last part names the kind of body, the parts before it do not)."""
    pieces = [p for p in cre.split(r"\s*[・·]\s*", name.strip()) if p]
    return (
        len(pieces) > 1
        and all(_HAN_ORG_PIECE.fullmatch(p) for p in pieces)
        and zh_org_suffix(pieces[-1])
        and not any(zh_org_suffix(p) for p in pieces[:-1])
    )


_HAN_ORG_PIECE = re.compile(r"[\u4e00-\u9fff\u3005\u30a0-\u30ff]{2,20}")


def _dotted_names(part: str, japanese: bool) -> list[str]:
    """``国分良一・添田芳秀`` (Japanese), ``하영수·남궁훈`` (Korean), ``奥山昌道＝潮田佳男`` (Japanese law
    editors) -> one name each; a name spelt with dots (``塞缪尔·亨廷顿``, ``ハウ・キャロル``) stays whole.
    Between Han names the dot separates people only in a Japanese note: in Chinese it joins the
    parts of a transliterated foreign name."""
    if not _has_any_char(part, "＝=・·･"):
        return [part.strip()] if part.strip() else []  # one name: nothing to split or join
    tokens = [t.strip() for t in _DOTTED_NAMES_RE1.split(part) if t.strip()]
    out: list[str] = []
    for token in tokens:
        if _dotted_org(token):
            out.append(token)  # 労働政策研究・研修機構: one body
            continue
        pieces = _DOTTED_NAMES_RE2.split(token)  # name, dot, name, dot, …
        merged: list[str] = []
        alone_before = True
        for k in range(0, len(pieces), 2):
            piece = pieces[k]
            alone = bool(_HANGUL_NAME.fullmatch(piece) or (japanese and _HAN_NAME.fullmatch(piece)))
            if alone or alone_before:
                merged.append(piece)
            else:
                merged[-1] += pieces[k - 1] + piece  # ハウ・キャロル: one name, its dot kept
            alone_before = alone
        out.extend(merged if len(merged) > 1 and all(merged) else [token])
    return out


_CJK_NAMES_RE1 = re.compile(r"(等)?译$|(等)?訳$")
_TRANSLATED_LAST = frozenset("译訳")
_ETC_COUNTED = re.compile(r"等\s*[一二三四五六七八九十两\d]{1,3}\s*个?(?:部门|部委|单位|机构|家|部)$")
_CJK_NAMES_RE2 = re.compile(r"[、，,／/；;]|\s+和\s+|\s+与\s+")
_CJK_NAMES_SEP = re.compile(r"[、，,／/；;和与]")  # what _CJK_NAMES_RE2 cannot split without


def cjk_names(text: str, japanese: bool = False) -> tuple[list[str], str | None, bool]:
    """``汪曙申、刘匡宇、陈桂清等`` -> (names, role, others). Role is 'editor' / 'translator' / None.
    ``japanese``: the note is Japanese, where ``・`` separates people (see :func:`_dotted_names`)."""
    text = strip_trailing(_drop_nationality(text.strip()))
    role = None
    others = False
    if text[-1:] in _TRANSLATED_LAST and _CJK_NAMES_RE1.search(text):  # stripped: $ is the end
        role = "translator"
        text = cre.sub(r"(等)?(?:監|监)?(译|訳)$", "", text)  # 関根政美・関根薫監訳: 監訳 (supervised translation)
        others = text.endswith("等")
        if text[-1:] == "・" and role_suffix(text[:-1]):
            text = text[:-1]  # 校注・訳: edited with notes and translated, read as the credit before 訳
    km = KO_ROLE_RE.search(text) if _has_any_char(text[-2:], _KO_ROLE_LAST) else None
    if km:  # 김낙년 편 / 이영훈 외 엮음 / 홍길동 옮김
        role = (
            "translator"
            if km.group(2) in ("옮김", "역")
            else ("editor" if km.group(2) != "지음" and km.group(2) != "저" else None)
        )
        others = bool(km.group(1))
        text = text[: km.start()]
    m = role_suffix(text)
    if m:
        if m.group(1) in _EDITOR_ROLES:
            role = "editor"  # 编著 (compiled and written) names the volume's editors
        text = text[: m.start()]
    counted = _ETC_COUNTED.search(text) if "等" in text else None
    if counted:  # 人力资源社会保障部等八部门: the first body and N others, whose names are not printed
        text = text[: counted.start() + 1]
    if text.endswith("等") or text.endswith("ほか") or text.endswith("他") or text.endswith(" 외"):
        others = True  # 이상훈 외: Korean for "and others"
        text = cre.sub(r"(等|ほか|他|\s외)$", "", text)
    m = role_suffix(text)
    if m:
        if m.group(1) in _EDITOR_ROLES:
            role = "editor"
        text = text[: m.start()]
    groups = _CJK_NAMES_RE2.split(text) if _CJK_NAMES_SEP.search(text) else [text]  # (split tries every position)
    parts = [_drop_nationality(p).strip() for p in groups if p.strip()]
    parts = [strip_trailing(p) for p in parts if strip_trailing(p)]
    return [name for p in parts for name in _dotted_names(p, japanese)], role, others


def format_cjk_names(names: list[str], others: bool) -> str:
    out = []
    for n in names:
        if is_cjk_org(n):
            out.append(brace_org(n))
        else:
            out.append(n)
    if others:
        out.append("others")
    return " and ".join(out)


def is_cjk_org(name: str) -> bool:
    if "·" in name or "・" in name:
        return _dotted_org(name)
    if " " in name.strip():
        # 국회 외교통일위원회: a Korean body and its committee (a Korean person's name has no space)
        return bool(HANGUL.search(name) and KO_ORG_SUFFIX.search(name) and len(name) >= 6)
    if LATIN.search(name) and not HAN.search(name):
        return bool(ORG_RE.search(name))
    if HANGUL.search(name):
        # 외교부, 통일연구원, 국가안보전략연구원: a Korean body; a three-syllable name that starts with a
        # common family name (김정부) is read as a person
        return bool(KO_ORG_SUFFIX.search(name)) and (len(name) >= 4 or name[0] not in KO_SURNAMES)
    if _INITIALS_HAN.match(name):
        return False  # D.G.E.霍尔, J.K.费正清: a foreign author's initials before the transliterated family name
    return len(name) >= 6 or (len(name) >= 3 and (zh_org_suffix(name) or name.endswith(_ZH_OUTLET_ENDS)))


_INITIALS_HAN = re.compile(r"(?:[A-Z]\.\s?){1,4}[\u4e00-\u9fff]{1,5}$")
# 新华网, 澎湃新闻, 南方日报: a news site or paper named as the author of its own item is a body
_ZH_OUTLET_ENDS = ("网", "新闻", "新聞", "日报", "晚报", "时报", "周刊")


KO_ORG_SUFFIX = re.compile(r"(?:부|처|청|원|회|연구소|재단|센터|정부|은행|공사|공단|대학교|사무국|대사관)$")
KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁어은편용예경봉사"
)


# a lowercase word of three letters or fewer is a particle (de, dos, ter, y), unless English prose
# says it: ``Letter to the Times`` is a document's title, no person's name
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'’.\-]*|(?!(?:to|the|of|for|on|in|at|by)$)[a-z]{1,3}|[A-Z]\.|Jr\.?|Sr\.?|II|III|IV|de|da|van|von|der|den|del|la|le|di|al-\w+|bin|ibn)$",
    re.U,
)


_LOOKS_LIKE_NAMES_RE1 = re.compile(r",\s*|\s+and\s+|\s*&\s*")
_ETAL_EDS_LAST = frozenset("l.等")  # the last characters of et al / et al. / ed. / eds. / 等


def looks_like_names(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 120:
        return False
    if ORG_RE.search(text) and len(text.split()) <= 10:
        return True
    # both regexes are tried at every position: each only where what it needs is there (the text is
    # stripped, so $ is its end)
    if text[-1:] in _ETAL_EDS_LAST:
        text = cre.sub(r"\s*(et al\.?|eds?\.|等)$", "", text)
    parts = _LOOKS_LIKE_NAMES_RE1.split(text) if "," in text or "and" in text or "&" in text else [text]
    for p in parts:
        words = p.split()
        if not words or len(words) > 5:
            return False
        if not all(_NAME_TOKEN.match(w) or w[:1].isupper() for w in words):
            return False
    return True


_WESTERN_NAMES_RE1 = re.compile(r"\b[A-Z]\.$")
_WESTERN_NAMES_RE2 = re.compile(r",?\s*\(?(eds?\.|editors?|ed\. by|trans\.|tr\.)\)?$", re.I)
_ROLE_LAST = frozenset(".)rRsSſyY")  # last characters of _WESTERN_NAMES_RE2's words (re.I: ſ is s)
_WESTERN_NAMES_RE3 = re.compile(r",?\s*(et al\.?|and others)$", re.I)
_WESTERN_NAMES_RE4 = re.compile(r"\band\b")


def _may_end_with_others(text: str) -> bool:
    """Whether _WESTERN_NAMES_RE3 (re.I) may match: its words in the lowered text; non-ASCII text,
    where letters fold oddly (ſ is s), is left to the regex."""
    if not text.isascii():
        return True
    low = text.lower()
    return "et al" in low or "others" in low


_WESTERN_NAMES_RE5 = re.compile(r"^(The|U\.S\.|US|UK|EU|UN)\b")
_WESTERN_NAMES_RE5_FIRST = "TUE"  # its opening characters (a test reads them from it)
_ONE_WORD = re.compile(r"[A-Z][a-z]+")  # Environment, Trade: a body's field, never a person's whole name
_WESTERN_NAMES_RE6 = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def western_names(text: str) -> tuple[list[str], bool, str | None]:
    """``A, B and C`` / ``A et al.`` / ``{Org}`` -> (BibTeX names, others, role)."""
    bare = text.rstrip(" ,;")
    initial = _WESTERN_NAMES_RE1.search(bare) if "." in bare[-2:] else None  # ends at ``.$``
    text = strip_trailing(text)
    if initial and not text.endswith("."):
        text += "."  # Ruggles, John G.: the initial's stop is the name's, not the list's end
    role = None
    # _WESTERN_NAMES_RE2 ends its match with one of these characters before the end (``$``: perhaps a
    # final newline); without one the regex, tried at every position, cannot match
    m = _WESTERN_NAMES_RE2.search(text) if text.rstrip("\n")[-1:] in _ROLE_LAST else None
    if m is None and bare.endswith((" ed.", " eds.", ",ed.")):
        m = _WESTERN_NAMES_RE2.search(bare)  # William Burr, ed.: strip_trailing took the role's stop
        text = bare
    if m:
        role = "translator" if m.group(1).lower().startswith("tr") else "editor"
        text = strip_trailing(text[: m.start()])
    others = False
    m = _WESTERN_NAMES_RE3.search(text) if _may_end_with_others(text) else None
    if m:
        others = True
        text = strip_trailing(text[: m.start()])
    if (
        ORG_RE.search(text)
        and not _WESTERN_NAMES_RE4.search(text)
        or text[:1] in _WESTERN_NAMES_RE5_FIRST
        and _WESTERN_NAMES_RE5.match(text)
    ):
        return [brace_org(text)], others, role
    chunks = _WESTERN_NAMES_RE6.split(text)
    if (
        len(chunks) > 1
        and " of " in chunks[0]
        and ORG_RE.search(chunks[0])
        and all(_ONE_WORD.fullmatch(c) for c in chunks[1:])
    ):
        return [brace_org(text)], others, role  # Ministry of Ecology and Environment: one body, no one named
    merged: list[str] = []
    for c in chunks:
        if merged and cre.fullmatch(r"(?:Jr|Sr)\.?|II|III|IV", c.strip()):
            merged[-1] = f"{merged[-1]} {c.strip()}"
        else:
            merged.append(c)
    chunks = merged
    names = []
    # "Family, Given" written inverted (first author in some styles): keep as is
    if (
        len(chunks) == 2
        and len(chunks[0].split()) == 1
        and len(chunks[1].split()) <= 3
        and " and " not in text
        and "," in text
        and not cre.search(r"\band\b", text)
    ):
        return [f"{chunks[0]}, {chunks[1]}"], others, role
    chunks = [c.strip() for c in chunks if c.strip()]
    if len(chunks) >= 3 and _first_inverted(text, chunks):
        chunks = [f"{chunks[0]}, {chunks[1]}", *chunks[2:]]  # Liu, Wenjie, Mark Harrison and Yiping Zhou
    pinyin_order = len(chunks) > 1 and any(
        len(t) == 2 and _pinyin_family_first(t[0], t[1]) for t in (c.split() for c in chunks)
    )
    for c in chunks:
        t = c.split()
        if (
            pinyin_order
            and len(t) == 2
            and t[0] in PINYIN_SURNAMES
            and _PY_GIVEN.fullmatch(t[1])
            and cre.fullmatch(r"(?:" + _PY_SYL + r"){1,2}", t[1].lower())
        ):
            names.append(f"{t[0]}, {t[1]}")  # Liu Feng and Zhang Ruizhuang: one order for the list
        else:
            names.append(western_person(c))
    return names, others, role


_INITIALS = re.compile(r"(?:[A-Z]\.\s*){1,3}|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?(?:\s+[A-Z]\.){0,2}")
_SURNAME = re.compile(r"[A-Z][\w'’\-]+")


def _first_inverted(text: str, chunks: list[str]) -> bool:
    """``Ehlers, T., S. Kong and F. Zhu``: only the first author is inverted (economics and Chicago
    bibliographies). Told by a lone surname before the first comma, initials or one given name after
    it, and every later author written whole (two words or more, the last no initial)."""
    if not _SURNAME.fullmatch(chunks[0]) or not _INITIALS.fullmatch(chunks[1]):
        return False
    if not text.lstrip().startswith(chunks[0] + ","):
        return False
    return all(1 < len(t := c.split()) <= 4 and not t[-1].endswith(".") for c in chunks[2:])


_SUFFIX_LAST = frozenset(".rIV")  # the last characters of _WESTERN_PERSON_RE1's Jr. Sr. II III IV
_CJK_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af·・]{2,12}")
_WESTERN_PERSON_RE1 = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")
# a hyphenated given name, McCune-Reischauer's breves and apostrophes included: Sŭng-ho, Yŏng-ch'ŏl
_WESTERN_PERSON_RE2 = re.compile(r"[A-Z][a-zŏŭ'’]+-[a-zŏŭ'’]+")


def western_person(text: str) -> str:
    if ORG_RE.search(text) or text[:1].isupper() and IGO_RE.fullmatch(text):  # OECD, IMF: no person
        return brace_org(text)
    if 1 < len(text) <= 8 and text.isupper() and text.isalpha():
        return brace_org(text)  # IFLA, UNFCCC: one word in capitals, no initials, is a body's acronym
    suffix = ""
    m = _WESTERN_PERSON_RE1.search(text) if text.rstrip("\n")[-1:] in _SUFFIX_LAST else None  # ends at ``$``
    if m:
        suffix = m.group(1)
        if suffix in ("Jr", "Sr"):
            suffix += "."
        text = text[: m.start()]
    tokens = text.split()
    if len(tokens) == 1 and _CJK_NAME.fullmatch(tokens[0]):
        if is_cjk_org(tokens[0]):
            return brace_org(tokens[0])  # 외교부, 国务院: a body, braced as the CJK builder does
        return tokens[0]  # 박정훈, 王某: a CJK name is written whole, family name first
    if len(tokens) == 2 and not suffix and _pinyin_family_first(tokens[0], tokens[1]):
        return f"{tokens[0]}, {tokens[1]}"  # Mao Zedong, Yan Xuetong: pinyin, family name first
    if len(tokens) == 2 and _WESTERN_PERSON_RE2.fullmatch(tokens[1]) and not _WESTERN_PERSON_RE2.fullmatch(tokens[0]):
        return f"{tokens[0]}, {tokens[1]}" + (f", {suffix}" if suffix else "")
    n = parse_name(text)
    if not n.given:
        return n.last + (f", {suffix}" if suffix else "")
    head = n.last
    return ", ".join(p for p in (head, suffix, n.given) if p)


PINYIN_SURNAMES = frozenset(
    "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang Xie Song Tang Han "
    "Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Pan Cai Jiang Yu Du Ye Cheng Wei Su Lü Lu Ding Ren Shen Yao Jin Qin "
    "Fu Shi Tan Liao Zou Xiong Meng Qiu Qian Hou Bai Yan Xia Mao Kong Gu Niu Duan Lei Long Wan Hao Shao Qiao Fan Jia "
    "Mo Kang Xue Cui Ni Yin Dai Tao Lai Fang Shan Gong Ge Pang Zhong Wen Qi Chu Ruan Geng Hong Zuo Bao Bi Chang Dou "
    "Xi Yi Ji Qu Rong Mu Gan Ling Bian Nie Zhan Huo Miao Tong Shu Yue Lou Zhuo Ke Jiao Zhai Ning Pu Ying Shang Chai "
    "Ouyang Sima Zhuge Situ Shangguan".split()
)
# pinyin syllables, plus the Wade-Giles / Cantonese final -ung (pinyin -ong: Chung, Tung, Hung)
_PY_SYL = (
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ung|uai|ian|iao|uan|van|ai|ei|ao|ou|an|en|in|un|"
    r"ia|ie|iu|ua|uo|ue|ui|er|a|o|e|i|u|v)"
)
_PY_GIVEN = re.compile(r"[A-Z][a-z]{1,8}")
_PY_GIVEN_SYLLABLES = re.compile(r"(?:" + _PY_SYL + r"){1,2}")


def _pinyin_family_first(first: str, second: str) -> bool:
    """``Mao Zedong``, ``Wang Jun``: a pinyin surname, then a pinyin given name of one or two
    syllables that is no surname (``Li Zhang`` stays in the order of its language: either word may
    be the family name)."""
    if first not in PINYIN_SURNAMES or second in PINYIN_SURNAMES or not _PY_GIVEN.fullmatch(second):
        return False
    return bool(_PY_GIVEN_SYLLABLES.fullmatch(second.lower()))


def names_field(names: list[str], others: bool) -> str:
    return " and ".join(names + (["others"] if others else []))


_HAN_PERSON = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NOT_LOWER = re.compile(r"[^a-z]")


def romanized_same_person(han_name: str, western_author: str) -> bool:
    """``李欧梵`` and ``Lee, Leo Ou-fan``: a Chinese name and the first romanized name of a Western
    author field whose given names end in the pinyin of the Chinese given name (``oufan``) and whose
    family name starts as the Chinese family's pinyin does (Lee / Li), or whose given names are just
    that pinyin (``Chou, Ming-kai`` for 周明凯). Other spellings of the given name are not matched
    (a guess there would join the wrong work)."""
    same = romanized_person_test(han_name)
    return same is not None and same(western_author)


def romanized_person_test(han_name: str) -> Callable[[str], bool] | None:
    """:func:`romanized_same_person` for one Chinese name and many author fields: the name's pinyin
    read once; None when ``han_name`` is no Chinese name (no author field can match it)."""
    if not _HAN_PERSON.fullmatch(han_name):
        return None
    from annobib.text import pinyin  # lazy: the pinyin table loads only for such a back-reference

    fam_py, given_py = pinyin(han_name[0]), pinyin(han_name[1:])
    if len(given_py) < 4:
        return None

    def same(western_author: str) -> bool:
        if "," not in western_author:
            return False
        family, _, given = western_author.split(" and ")[0].partition(",")
        given = _NOT_LOWER.sub("", given.lower())
        # the family spelt another way (Chou for Zhou) is accepted when the given names are the same
        return given.endswith(given_py) and (family.strip().lower()[:1] == fam_py[:1] or given == given_py)

    return same
