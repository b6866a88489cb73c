"""Text hygiene: what copy-and-paste and PDF extraction leave in field values.

One scanner looks at every field once (a quick test lets clean ASCII values through) and
produces the findings of all the hygiene rules.
"""

from __future__ import annotations

import html
import re
import unicodedata

from annobib.bib.latex import link_spans
from annobib.checks._util import CJK_RE, HANGUL_RE, INTERNAL_FIELDS, LONG_FIELDS, VERBATIM_FIELDS, unwrap
from annobib.checks.base import REGISTRY, Finding, Fix, declare, field_local, scanner

declare(
    "W501",
    "mojibake",
    "hygiene",
    "Text decoded with the wrong encoding (UTF-8 read as Latin-1/cp1252 or GBK: 'Ã©', 'â€™', "
    "'锟斤拷'; GBK read as Latin-1: 'ÖÐ¹ú'), also when it no longer decodes exactly (a no-break "
    "space became a space), or a U+FFFD replacement character. The fix (--unsafe-fixes) "
    "re-decodes only when that round-trips exactly.",
    fixable="unsafe",
    bad="title = {Trumpâ€™s Asia policy}",
    good="title = {Trump’s Asia policy}",
)
declare(
    "W502",
    "html-entity",
    "hygiene",
    "HTML entities (&amp; &#8217; &nbsp;) or tags (<i>, <br>) copied from a web page. The fix "
    "decodes entities (&amp; becomes \\& outside URLs).",
    fixable="some",
    bad="title = {Allies &amp; Partners}",
    good="title = {Allies \\& Partners}",
)
declare(
    "W503",
    "stray-latex",
    "hygiene",
    "LaTeX that does not belong in a field: \\cite, \\footnote, \\\\, \\par, \\label …, commands in a "
    "URL or DOI, or an unbalanced $.",
    bad="title = {Alliances\\footnote{See p. 3}}",
    good="title = {Alliances}",
)
declare(
    "W504",
    "latex-special-char",
    "hygiene",
    "An unescaped & % # or _ in a field LaTeX typesets: % silently drops the rest of the line. "
    "The fix escapes it (\\& \\% \\# \\_).",
    fixable="safe",
    bad="title = {Tariffs up 25% on steel}",
    good="title = {Tariffs up 25\\% on steel}",
)
declare(
    "E505",
    "unbalanced-braces",
    "hygiene",
    "A value whose { and } do not pair up.",
    bad="title = {The {NATO alliance}",
    good="title = {The {NATO} alliance}",
)
declare(
    "W506",
    "unbalanced-quotes",
    "hygiene",
    "Quotation marks or brackets that do not pair up: “ ”, 《 》, 「 」, 『 』, （ ）, ( ), [ ], or an odd "
    'number of ".',
    bad="title = {美菲“肩并肩 2025，美国新版}",
    good="title = {美菲“肩并肩 2025”，美国新版}",
)
declare(
    "W507",
    "cjk-mixed-punctuation",
    "hygiene",
    "Half-width punctuation (, : ; ! ? ( )) next to Chinese or Japanese characters in a title, or "
    "full-width punctuation inside a Latin title (Korean, which uses half-width punctuation, is "
    "left alone). The fix (--unsafe-fixes) converts it.",
    fixable="unsafe",
    bad="title = {美菲“肩并肩 2025”,美国新版(印太战略)}",
    good="title = {美菲“肩并肩 2025”，美国新版（印太战略）}",
)
declare(
    "W508",
    "whitespace",
    "hygiene",
    "Leading or trailing spaces, doubled spaces, line breaks or tabs inside a short field, a space "
    "before Chinese punctuation (PDF spacing noise). The fix tidies it.",
    fixable="safe",
    bad="journaltitle = { 世界知识 }, title = {项目编号 ：24&ZD289}",
    good="journaltitle = {世界知识}",
)
declare(
    "I511",
    "wrapped-line",
    "hygiene",
    "A line break (with its indentation) inside a short field: the .bib was wrapped. BibTeX and "
    "biber read it as one space, so this is a hint; the fix joins the line.",
    fixable="safe",
    bad="title = {The Quad\n  Revisited}",
    good="title = {The Quad Revisited}",
)
declare(
    "W509",
    "control-characters",
    "hygiene",
    "Invisible characters: C0/C1 controls, zero-width spaces and joiners, byte-order marks, "
    "bidirectional marks, soft hyphens (not the C1 bytes and soft hyphens that are part of "
    "mojibake: W501 re-decodes those). The fix removes them.",
    fixable="safe",
    bad="title = {Alliance\u200b Politics}",
    good="title = {Alliance Politics}",
)
declare(
    "W510",
    "fullwidth-alphanumerics",
    "hygiene",
    "Full-width Latin letters or digits (ＡＰＥＣ, ２０２５); GB/T 7714 and APA both want half-width. "
    "The fix folds them.",
    fixable="safe",
    bad="title = {ＡＰＥＣ峰会}",
    good="title = {APEC峰会}",
)

_ASCII_SUSPECT = re.compile(r"[\x00-\x1f\x7f&%#_\\<{}\"$^]|^\s|\s$|\s\s|[()\[\]]")
# Mojibake: (first character, what follows it), tried in this order. The regex is built as one
# class of all first characters followed by the alternatives, each checking its own first
# character with a lookbehind: the same matches as the plain alternation, but a regex that
# starts with a class lets the engine skip to candidate characters in C (about ten times faster
# over a long author list with one 'é').
_MOJIBAKE_PARTS = [
    ("[ÃÂ]", "[\u0080-\u00bf]"),
    ("â", "€"),
    ("Ã", r"[^\s]"),
    ("ï", "¿½"),
    ("ï", "»¿"),
    ("锟", "斤拷"),
    ("烫", "烫烫"),
    ("屯", "屯屯"),
    ("\ufffd", ""),
    (
        "[åæçèéäö]",
        "[\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u20ac\u2122]{1,2}",
    ),
]
_MOJIBAKE = re.compile(
    "[ÃÂâï锟烫屯\ufffdåæçèéäö](?:" + "|".join(f"(?<={first}){rest}" for first, rest in _MOJIBAKE_PARTS) + ")"
)
_GBK_HINT = re.compile(r"[锛銆鈥鍙鐨鏂缁浜涓鍜嶅鎴]")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG = re.compile(r"</?(?:i|b|em|strong|br|p|span|div|sup|sub|a|font|u)(?:\s[^<>]*)?/?>", re.I)
_STRAY_TEX = re.compile(
    r"\\(?:cite[a-zA-Z]*|footnote|footcite|label|ref|pageref|par\b|newline|linebreak|"
    r"hspace|vspace|noindent|item\b|begin|end\b|newpage|clearpage|bibitem|input|include)"
    r"|\\\\"
)
_SPECIAL = re.compile(r"(?<!\\)[&%#]|(?<![\\$])_")


def _blank_spans(s: str, spans) -> str:
    """``s`` with the given spans cut out (a link's argument is not text to check)."""
    return "".join(s[a:b] for a, b in zip([0] + [e for _, e in spans], [st for st, _ in spans] + [len(s)]))


def _outside(s: str, spans, fn) -> str:
    """``fn`` applied to the text between the spans; the spans kept as they are."""
    if not spans:
        return fn(s)
    out, pos = [], 0
    for a, b in spans:
        out += [fn(s[pos:a]), s[a:b]]
        pos = b
    return "".join(out) + fn(s[pos:])


_CTRL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_CTRL_OUTSIDE_MOJIBAKE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_PAIRS = [
    ("“", "”"),
    ("《", "》"),
    ("「", "」"),
    ("『", "』"),
    ("（", "）"),
    ("(", ")"),
    ("[", "]"),
    ("【", "】"),
    ("〈", "〉"),
]
_PAIR_CHARS = re.compile("[" + re.escape("".join(a + b for a, b in _PAIRS)) + "]")
_CJK_CLOSE = "，。、；：！？）」』》】〉”"
_CJK_OPEN = "（「『《【〈“"
_SPACE_BEFORE_CJK_PUNCT = re.compile(rf"[ \t\u3000]+(?=[{_CJK_CLOSE}])|(?<=[{_CJK_OPEN}])[ \t\u3000]+")
_HALF_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
_FULL_PUNCT = {v: k for k, v in _HALF_PUNCT.items()}
_HALF_NEXT_TO_CJK = re.compile(
    r"(?<=[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af”」』》）])[,:;!?()]|[,:;!?()](?=[\u3400-\u9fff\u3040-\u30ff\uac00-\ud7af“「『《（])"
)
_FULL_IN_LATIN = re.compile(r"(?<=[A-Za-z0-9])[，：；！？（）]|[，：；！？（）](?=[A-Za-z])")
TITLE_FIELDS = (
    "title",
    "subtitle",
    "booktitle",
    "journaltitle",
    "journal",
    "maintitle",
    "shorttitle",
    "titleaddon",
    "booksubtitle",
    "eventtitle",
)
_TITLE_SET = frozenset(TITLE_FIELDS)
NO_SPECIALS = (
    VERBATIM_FIELDS
    | INTERNAL_FIELDS
    | frozenset({"date", "urldate", "archivedate", "year", "month", "pages", "isbn", "issn", "langid", "key"})
)


_INNER_GROUP = re.compile(r"\{[^{}]*\}")


_ESCAPED_BRACE = re.compile(r"\\[{}]")


def _balance_braces(s: str) -> int | None:
    """None when balanced, else the position of the first problem (or -1 for missing closers)."""
    # quick test: the braces that count (not right after a backslash) pair up when peeling the
    # innermost groups removes them all; the character loop below says where they do not
    t = _ESCAPED_BRACE.sub("", s) if "\\" in s else s
    if t.count("{") == t.count("}"):
        for _ in range(8):  # peel innermost groups; nesting deeper than 8 takes the slow path
            t, n = _INNER_GROUP.subn("", t)
            if not n:
                break
        if "{" not in t and "}" not in t:
            return None
    depth = 0
    for i, ch in enumerate(s):
        if ch == "\\":
            continue
        if ch in "{}" and i and s[i - 1] == "\\":
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return i
    return -1 if depth else None


def _unmojibake(s: str) -> str | None:
    for enc in ("cp1252", "latin-1"):
        try:
            fixed = s.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed != s:
            return fixed
    if _GBK_HINT.search(s):
        try:
            fixed = s.encode("gbk").decode("utf-8")
            if fixed != s:
                return fixed
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return None


_LATIN1_RUN = re.compile(r"[\u00a1-\u00ff]+")
_LATIN1_PAIR = re.compile(r"[\u00c0-\u00ff][\u00a1-\u00ff]")
_CJK_READING = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _gbk_read_as_latin1(s: str) -> str | None:
    """'ÖÐ¹úÍâ½»' -> '中国外交': GBK bytes shown as Latin-1. Only when the Latin-1 letters come in
    runs of even length (two bytes a character), outnumber the ASCII letters, and every run
    decodes to Chinese characters — French or German text does not look like that."""
    runs = _LATIN1_RUN.findall(s)
    n = sum(map(len, runs))
    if n < 4 or any(len(r) % 2 for r in runs) or n < sum(c.isalpha() for c in s if c.isascii()):
        return None
    try:
        fixed = s.encode("latin-1").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    rest = [c for c in fixed if not c.isascii()]
    return fixed if rest and all(_CJK_READING.match(c) for c in rest) else None


def _utf8_read_loosely(s: str) -> str | None:
    """UTF-8 shown as cp1252/Latin-1 that no longer decodes exactly (a no-break space became a
    space in copying, a byte was dropped): the reading with '?' for what was lost, when most of
    the non-ASCII characters still form UTF-8 sequences, else None."""
    b = bytearray()
    for c in s:
        o = ord(c)
        if o < 0x100:
            b.append(o)
        else:
            try:
                b += c.encode("cp1252")
            except UnicodeEncodeError:
                return None  # a character neither code page has: not this kind of mis-decoding
    text = b.decode("utf-8", errors="replace")
    recovered = sum(len(c.encode("utf-8")) for c in text if ord(c) >= 0x80 and c != "\ufffd")
    high = sum(1 for c in s if ord(c) >= 0x80)
    if recovered < 4 or recovered < 0.6 * high:
        return None
    exact = _unmojibake(s.replace(" ", "\u00a0")) if " " in s else None  # the no-break spaces back?
    return exact if exact is not None else text.replace("\ufffd", "?")


def _mojibake(s: str):
    """(what gave it away, the exact re-decoding or None, an approximate reading or None) when
    ``s`` is mis-decoded text (U+FFFD aside: that is reported on its own), else None."""
    m = _MOJIBAKE.search(s)
    if m:
        fixed = _unmojibake(s)
        if (
            fixed is not None
            or m.group(0) in ("锟斤拷", "烫烫烫", "屯屯屯")
            or "â€" in s
            or re.search(r"Ã[\u0080-\u00bf]", s)
        ):
            return m.group(0), fixed, None
    if _LATIN1_PAIR.search(s):
        gbk = _gbk_read_as_latin1(s)
        if gbk is not None:
            return _LATIN1_RUN.search(s).group(0)[:4], gbk, None
    if m:
        loose = _utf8_read_loosely(s)
        if loose is not None:
            return m.group(0), None, loose
    return None


def looks_like_mojibake(text: str) -> bool:
    """Whether W501 reads ``text`` as mis-decoded (other rules then leave its script alone)."""
    return not text.isascii() and _mojibake(text) is not None


# Whitespace worth tidying inside a value: two in a row, a tab or line break, a space before
# closing or after opening CJK punctuation. Written as one class then lookbehinds (as _MOJIBAKE)
# so that the search skips in C to the spaces and brackets; leading or trailing whitespace is
# tested apart (_ws_suspect).
_WS_INNER = re.compile(
    r"[\s（「『《【〈“](?:(?<=\s)\s|(?<=[\t\r\n])|(?<=[ \t\u3000])[，。、；：！？）」』》】〉”]|(?<=[（「『《【〈“])[ \t\u3000])"
)


def _ws_suspect(s: str) -> bool:
    return s[:1].isspace() or s[-1:].isspace() or _WS_INNER.search(s) is not None


_HALF_ANY = re.compile(r"[,:;!?()]")
_FULL_ANY = re.compile(r"[，：；！？（）]")


def _punct_width(rules, e, name, opening, s, closing):
    if CJK_RE.search(s):
        if HANGUL_RE.search(s):
            return None  # Korean writes half-width punctuation, hanja or not
        m = _HALF_NEXT_TO_CJK.search(s) if _HALF_ANY.search(s) else None
        if m:
            new = _HALF_NEXT_TO_CJK.sub(lambda x: _HALF_PUNCT[x.group(0)], s)
            return rules["W507"].finding(
                e,
                name,
                f"{name} mixes half-width '{m.group(0)}' into Chinese/Japanese text; use '{_HALF_PUNCT[m.group(0)]}'",
                Fix(name, opening + new + closing, safe=False, description="full-width punctuation"),
            )
    else:
        m = _FULL_IN_LATIN.search(s) if _FULL_ANY.search(s) else None
        if m:
            new = _FULL_IN_LATIN.sub(lambda x: _FULL_PUNCT[x.group(0)], s)
            return rules["W507"].finding(
                e,
                name,
                f"{name} has full-width '{m.group(0)}' in Latin text; use '{_FULL_PUNCT[m.group(0)]}'",
                Fix(name, opening + new + closing, safe=False, description="half-width punctuation"),
            )
    return None


def _scan_internal(rules, e, name, raw):
    out = []
    if _CTRL.search(raw):
        bad = sorted({f"U+{ord(c):04X}" for c in _CTRL.findall(raw)})
        out.append(
            rules["W509"].finding(
                e,
                name,
                f"{name} contains invisible characters ({', '.join(bad)})",
                Fix(name, _CTRL.sub("", raw), description="remove invisible characters"),
            )
        )
    if "\ufffd" in raw or _MOJIBAKE.search(raw):
        out.append(
            rules["W501"].finding(e, name, f"{name} looks like mis-decoded text ('{_MOJIBAKE.search(raw).group(0)}')")
        )
    if ("{" in raw or "}" in raw) and _balance_braces(raw) is not None:
        out.append(rules["E505"].finding(e, name, f"{name} has unbalanced braces"))
    return out


def _tidy(s: str, long: bool) -> str:
    t = s.strip()
    if not long:
        t = re.sub(r"[ \t\r\n]+", " ", t)
    else:
        t = re.sub(r"[ \t]+\n", "\n", t)
    t = _SPACE_BEFORE_CJK_PUNCT.sub("", t)
    return t


# Anything that can lead to a finding; a value without any of it is clean (the common case).
# Each test starts with a character class: Python's regex engine scans for those in C.
_SUSPECT_CLASS = (
    r"\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufffd&\\<{}\"$^()\[\]"
    r"“”《》「」『』（）【】〈〉\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u0080-\u00bfÃ\u20ac\u2122锟烫屯锛銆鈥鍙鐨鏂\u3000"
)
_SUSPECT_CHARS = re.compile("[" + _SUSPECT_CLASS + "%#_]")
# '%', '#' and '_' only ever lead to W504, which skips NO_SPECIALS fields (a URL's utm_source)
_SUSPECT_CHARS_NO_SPECIALS = re.compile("[" + _SUSPECT_CLASS + "]")
_SPECIALS = re.compile(r"[%#_]")
_CJK_SPACING = re.compile(r"[ \u3000（「『《【〈“][，。、；：！？）」』》】〉” \u3000]")
SEP = "\ue000"
_SEP_SPACE, _SPACE_SEP = SEP + " ", " " + SEP


_DOLLAR = re.compile(r"\$(?<!\\\$)")  # a '$' not after a backslash (led by the literal: a fast scan)


def _suspect(text: str, chars: re.Pattern = _SUSPECT_CHARS) -> bool:
    """Whether a value (or values joined with SEP) may hold anything a hygiene rule reports
    (``chars``: _SUSPECT_CHARS_NO_SPECIALS for values of NO_SPECIALS fields)."""
    if chars.search(text) or "  " in text or text[:1] == " " or text[-1:] == " ":
        return True
    if _SEP_SPACE in text or _SPACE_SEP in text:  # a value that starts or ends with a space
        return True
    # one charset-led search: a space before closing / after opening CJK punctuation (it also
    # matches a few harmless pairs, which the exact tests of the slow path then clear)
    return not text.isascii() and bool(_CJK_SPACING.search(text))


# In annobib's own citations field only what breaks the file or the text is looked at.
_SUSPECT_INTERNAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\ufeff\ufffd{}âÃ锟]")


_FIELD_MEMO: dict[tuple, tuple] = {}  # (field, value) -> its findings (entry-less); cleared by runner.clear_caches
_CLEAN_CITATIONS: set[str] = set()  # citations values with nothing for _scan_internal; cleared likewise


def _scan_field(rules, name: str, raw: str) -> list:
    """The hygiene findings of one field value, made without an entry (key, line and entry are
    stamped on by :func:`scan_text`): the same value recurs across entries (journals, authors,
    titles), so each distinct (field, value) is scanned once per run."""
    e = None
    out = []
    if name == "citations":
        if _SUSPECT_INTERNAL.search(raw):
            out.extend(_scan_internal(rules, e, name, raw))
        return out
    if not _suspect(raw):
        if name in TITLE_FIELDS and not raw.isascii():
            w = _punct_width(rules, e, name, "", raw, "")
            if w:
                out.append(w)
        return out
    opening, s, closing = unwrap(raw)
    ascii_ = s.isascii()
    moji = _mojibake(s) if not ascii_ and "\ufffd" not in s else None
    for rule in _VALUE_RULES:
        out.extend(rule(rules, name, opening, s, closing, moji))
    return out


def _invisible(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W509: control characters (a C1 character or soft hyphen inside mojibake is one of its bytes: W501)."""
    e = None
    out: list = []
    ctrl = _CTRL_OUTSIDE_MOJIBAKE if moji else _CTRL
    if ctrl.search(s):
        bad = sorted({f"U+{ord(c):04X}" for c in ctrl.findall(s)})
        out.append(
            rules["W509"].finding(
                e,
                name,
                f"{name} contains invisible characters ({', '.join(bad)})",
                Fix(name, opening + ctrl.sub("", s) + closing, description="remove invisible characters"),
            )
        )
    return out


def _mojibake_text(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W501: mojibake."""
    e = None
    ascii_ = s.isascii()
    out: list = []
    if not ascii_ and "\ufffd" in s and _MOJIBAKE.search(s):
        out.append(
            rules["W501"].finding(
                e, name, f"{name} contains U+FFFD (�): characters were lost in a conversion; retype them"
            )
        )
    elif moji:
        sample, fixed, loose = moji
        msg = f"{name} looks like mis-decoded text ('{sample}')"
        if fixed is not None:
            msg += f"; it probably reads '{fixed[:60]}'"
        elif loose is not None:
            msg += f" that no longer decodes exactly (a character changed in copying); perhaps '{loose[:60]}': retype it from the source"
        out.append(
            rules["W501"].finding(
                e,
                name,
                msg,
                Fix(name, opening + fixed + closing, safe=False, description="re-decode") if fixed else None,
            )
        )
    return out


def _html(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W502: HTML."""
    e = None
    verbatim = name in VERBATIM_FIELDS
    out: list = []
    if "&" in s or "<" in s:
        ents = _ENTITY.findall(s)
        tags = _TAG.findall(s)
        if ents and html.unescape("".join(ents)) != "".join(ents):
            if verbatim:
                new = html.unescape(s)
            else:
                new = _ENTITY.sub(
                    lambda m: (
                        "\\&"
                        if m.group(0).lower() in ("&amp;", "&#38;", "&#x26;")
                        else (
                            "\\%"
                            if html.unescape(m.group(0)) == "%"
                            else (" " if m.group(0) in ("&nbsp;", "&#160;") else html.unescape(m.group(0)))
                        )
                    ),
                    s,
                )
            out.append(
                rules["W502"].finding(
                    e,
                    name,
                    f"{name} contains HTML entities ({', '.join(sorted(set(ents))[:4])})",
                    Fix(name, opening + new + closing, description="decode HTML entities"),
                )
            )
        elif tags:
            out.append(
                rules["W502"].finding(
                    e,
                    name,
                    f"{name} contains HTML tags ({', '.join(sorted(set(tags))[:3])}); use \\emph{{…}} or plain text",
                )
            )
    return out


def _stray_latex(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W503: stray LaTeX."""
    e = None
    verbatim = name in VERBATIM_FIELDS
    out: list = []
    if "\\" in s or "$" in s:
        if (
            verbatim
            and re.search(r"\\[A-Za-z]", s)
            and not (name == "url" and re.fullmatch(r"\s*\\(?:url|href)\{.*", s))
        ):
            cmd = re.search(r"[\\][A-Za-z]+", s).group(0)
            out.append(rules["W503"].finding(e, name, f"{name} is verbatim but contains a LaTeX command ({cmd})"))
        elif not verbatim:
            m = _STRAY_TEX.search(s)
            if m:
                out.append(rules["W503"].finding(e, name, f"{name} contains stray LaTeX '{m.group(0)}'; remove it"))
            elif len(_DOLLAR.findall(s)) % 2:
                out.append(
                    rules["W503"].finding(
                        e, name, f"{name} has an unbalanced '$' (math mode never closes); write \\$ for a dollar sign"
                    )
                )
    return out


def _specials(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W504: special characters."""
    e = None
    out: list = []
    if name not in NO_SPECIALS and not name.startswith("archive") and ("&" in s or "%" in s or "#" in s or "_" in s):
        # a link's own characters stay as they are: \url{a_b?x=1&y=2%20} with \_ \& \% is broken
        spans = link_spans(s) if "\\" in s else []
        work = _ENTITY.sub("", _blank_spans(s, spans))
        if "$" in work:
            work = re.sub(r"(?<!\\)\$[^$]*\$", "", work)
        found = sorted(set(_SPECIAL.findall(work)))
        if found:
            new = s
            if "$" not in s and not _ENTITY.search(s):
                new = _outside(s, spans, lambda t: _SPECIAL.sub(lambda m: "\\" + m.group(0), t))
            out.append(
                rules["W504"].finding(
                    e,
                    name,
                    f"{name} has an unescaped {' '.join(found)}; write {' '.join(chr(92) + c for c in found)}",
                    Fix(name, opening + new + closing, description="escape " + " ".join(found)) if new != s else None,
                )
            )
    return out


def _braces(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """E505: braces."""
    e = None
    out: list = []
    if "{" in s or "}" in s:
        pos = _balance_braces(s)
        if pos is not None:
            what = "a '}' without its '{'" if pos >= 0 else "a '{' that is never closed"
            out.append(rules["E505"].finding(e, name, f"{name} has {what}"))
    return out


def _unpaired(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W506: quotes and brackets."""
    e = None
    verbatim = name in VERBATIM_FIELDS
    long = name in LONG_FIELDS
    out: list = []
    if not verbatim and not long:
        for a, b in _PAIRS if _PAIR_CHARS.search(s) else ():  # most values hold none of them
            if a in s or b in s:
                na, nb = s.count(a), s.count(b)
                if na != nb:
                    out.append(rules["W506"].finding(e, name, f"{name} has {na} '{a}' but {nb} '{b}'"))
                    break
        else:
            if '"' in s and (s.count('"') - s.count('\\"')) % 2 and name not in NO_SPECIALS:
                out.append(rules["W506"].finding(e, name, f"{name} has an odd number of '\"'"))
    elif long and name in _QUOTED_LONG and '"' in s and (s.count('"') - s.count('\\"')) % 2:
        out.append(rules["W506"].finding(e, name, f"{name} has an odd number of '\"' (a quotation never closed)"))
    return out


def _width(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W507: CJK punctuation width."""
    e = None
    ascii_ = s.isascii()
    out: list = []
    if name in TITLE_FIELDS and not ascii_:
        w = _punct_width(rules, e, name, opening, s, closing)
        if w:
            out.append(w)
    return out


def _whitespace(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W508: whitespace."""
    e = None
    long = name in LONG_FIELDS
    out: list = []
    tidy = _tidy(s, long) if _ws_suspect(s) else s
    if tidy != s:
        if s != s.strip():
            what = "leading or trailing spaces"
        elif not long and re.search(r"[\r\n\t]", s):
            what = "a line break or tab"
        elif not long and re.search(r"\s\s", s):
            what = "doubled spaces"
        else:
            what = "a space next to Chinese punctuation"
        code = "I511" if what == "a line break or tab" and _LINE_WRAP.sub(" ", s) == tidy else "W508"
        out.append(
            rules[code].finding(
                e,
                name,
                f"{name} has {what}" if code == "W508" else f"{name} is wrapped over lines (read as one space)",
                Fix(
                    name,
                    opening + tidy + closing,
                    description="tidy whitespace" if code == "W508" else "join the lines",
                ),
            )
        )
    return out


def _fullwidth(rules, name: str, opening: str, s: str, closing: str, moji) -> list:
    """W510: full-width letters and digits."""
    e = None
    ascii_ = s.isascii()
    out: list = []
    if not ascii_ and _FULLWIDTH_ALNUM.search(s):
        new = _FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), s)
        out.append(
            rules["W510"].finding(
                e,
                name,
                f"{name} has full-width letters or digits ('{_FULLWIDTH_ALNUM.search(s).group(0)}')",
                Fix(name, opening + new + closing, description="half-width letters and digits"),
            )
        )
    return out


# the hygiene rules of one suspect value, in the order their findings are reported
_VALUE_RULES = (
    _invisible,
    _mojibake_text,
    _html,
    _stray_latex,
    _specials,
    _braces,
    _unpaired,
    _width,
    _whitespace,
    _fullwidth,
)


_QUOTED_LONG = frozenset({"note", "addendum"})  # printed free text: a '"' left open shows
_LINE_WRAP = re.compile(r"[ \t]*\r?\n[ \t]*")


@scanner("W501", "W502", "W503", "W504", "E505", "W506", "W507", "W508", "W509", "W510", "I511")
def scan_text(rules, e, ctx):
    fields = e.fields
    cit = fields.get("citations")
    # one test of the values joined (in C) usually proves the entry clean; the citations field
    # (long, and held to less: _SUSPECT_INTERNAL) is left out of it
    joined = SEP.join(fields.values()) if cit is None else SEP.join([v for k, v in fields.items() if k != "citations"])
    if _suspect(joined, _SUSPECT_CHARS_NO_SPECIALS) or (_SPECIALS.search(joined) and _specials_held(fields)):
        return _scan_fields(rules, e)
    # clean text: only the width of punctuation in CJK titles, and the citations field
    out = None
    if not joined.isascii():
        for name in _TITLE_SET.intersection(fields):
            raw = fields[name]
            if not raw.isascii():
                for f in _field_findings(rules, name, raw):  # _punct_width alone here
                    out = out or []
                    out.append(_stamped(f, e))
    if cit is not None and cit not in _CLEAN_CITATIONS:
        if _SUSPECT_INTERNAL.search(cit):
            out = (out or []) + _scan_internal(rules, e, "citations", cit)
        else:
            if len(_CLEAN_CITATIONS) > 200_000:
                _CLEAN_CITATIONS.clear()
            _CLEAN_CITATIONS.add(cit)  # citations values recur (one work cited in the same notes)
    return out


def _specials_held(fields: dict) -> bool:
    """Whether a '%', '#' or '_' sits in a field W504 looks at: in a URL (utm_source) or a date
    it leads to nothing, and the entry stays on the quick path."""
    for k, v in fields.items():
        if k in NO_SPECIALS or k == "citations" or k.startswith("archive"):
            continue
        if "_" in v or "%" in v or "#" in v:
            return True
    return False


def _scan_fields(rules, e):
    """Every field of an entry that may hold a problem, through the per-value memo."""
    out = []
    for name, raw in e.fields.items():
        if raw:
            out.extend([_stamped(f, e) for f in _field_findings(rules, name, raw)])
    return out or None


def _field_findings(rules, name: str, raw: str) -> tuple:
    """The entry-less findings of one (field, value), scanned once per run (_FIELD_MEMO)."""
    got = _FIELD_MEMO.get((name, raw))
    if got is None:
        if len(_FIELD_MEMO) > 200_000:
            _FIELD_MEMO.clear()
        got = _FIELD_MEMO[(name, raw)] = tuple(_scan_field(rules, name, raw))
    return got


@field_local("W501", "W502", "W503", "W504", "E505", "W506", "W507", "W508", "W509", "W510", "I511")
def field_findings(name: str, raw: str) -> tuple:
    """scan_text's findings on one field (entry-less): they depend on its value alone."""
    return _field_findings(REGISTRY, name, raw) if raw else ()


def _stamped(f, e):
    """A finding of :func:`_scan_field` with the entry's key, line, source and entry."""
    return Finding(f.code, f.severity, e.key, f.field, f.message, e.line, e.source, f.fix, f.rule, e)
