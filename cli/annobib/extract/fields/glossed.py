"""Western notes that print a romanized name or title followed by its characters, as Chicago asks
for Chinese, Japanese and Korean works: ``Wang Hui 汪晖, Xiandai Zhongguo sixiang de xingqi
现代中国思想的兴起 (Beijing: Sanlian, 2004), 1:23.`` (:func:`parse_glossed`).

The note is read without its characters (the romanized note is an ordinary Western one); the
characters are then given back to the values they follow: a title keeps them after its words, and a
person glossed so is written whole as printed (``Wang Hui 汪晖``), as CJK names are."""

from __future__ import annotations

import re

from annobib.extract.fields.features import GLOSS, _order, glosses_only
from annobib.extract.fields.model import Parsed
from annobib.extract.fields.western import parse_western

# the romanized words a gloss follows run back to the last of these (a credit word left out)
_SEPARATORS = ',;:()"“”'
_MOST_GLOSSES = 12  # a citation glosses its author, title, editors, translator: a few of them
_LOOKBACK = 160  # a romanized name or title is shorter: the scan back stays bounded however long the note
_CREDIT = re.compile(r"^(?:(?:ed|eds|trans|comp)\.|edited by|translated by|by|see also|see|cf\.)\s+", re.I)
_NAME_FIELDS = ("author", "editor", "translator")
_TITLE_FIELDS = ("title", "booktitle", "journaltitle", "series")


def glossed(text: str) -> bool:
    """Characters after a space (the cheap tests: not ASCII, then the regex opened by its space);
    the builder checks that a romanized word stands before each run."""
    return not text.isascii() and GLOSS.search(text) is not None


def parse_glossed(text: str) -> Parsed | None:
    """The note read without its glosses, the glosses given back to its values; None unless every
    run of characters in the note is such a gloss (a CJK note with Latin words is not one)."""
    glosses = glosses_only(text)
    if not glosses or len(glosses) > _MOST_GLOSSES:
        return None  # (each value is matched against each gloss: a bounded number keeps that linear)
    pairs = []  # (romanized words, characters)
    out, last, tail = [], 0, ""
    for g in glosses:
        before = text[last : g.start()]
        out.append(before)
        tail = (tail + before)[-_LOOKBACK:]  # the words before the gloss, without the glosses before it
        phrase = _CREDIT.sub("", _phrase_before(tail))
        if phrase:
            pairs.append((phrase, g["g"]))
        last = g.end()
    out.append(text[last:])
    p = parse_western("".join(out))
    if not p.understood:
        return None
    f = dict(p.fields)
    for name in _TITLE_FIELDS:
        if f.get(name):
            f[name] = _with_glosses(f[name], pairs)
    for name in _NAME_FIELDS:
        if f.get(name):
            f[name] = " and ".join(_glossed_name(n, pairs) for n in f[name].split(" and "))
    return Parsed(type=p.type, fields=_order(f), locator=p.locator, kind=p.kind, names=p.names)


def _phrase_before(text: str) -> str:
    """The words after the last separator of ``text`` (a scan back, not a regex tried at every start)."""
    return text[max(text.rfind(c) for c in _SEPARATORS) + 1 :].strip()


def _with_glosses(value: str, pairs: list[tuple[str, str]]) -> str:
    """``Xiandai … xingqi`` -> ``Xiandai … xingqi 现代中国思想的兴起``: each phrase the value ends with
    (or holds, followed by its separator) gets its characters back."""
    for phrase, chars in pairs:
        if value.endswith(phrase):
            value = f"{value} {chars}"
        elif f"{phrase}: " in value or f"{phrase}, " in value:
            value = value.replace(f"{phrase}", f"{phrase} {chars}", 1)
    return value


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text))


def _glossed_name(name: str, pairs: list[tuple[str, str]]) -> str:
    """A parsed name (``Wang, Hui``) whose words are a glossed phrase: the phrase and its characters
    as printed (``Wang Hui 汪晖``); any other name as parsed."""
    words = _words(name)
    for phrase, chars in pairs:
        if words and _words(phrase) == words:
            return f"{phrase} {chars}"
    return name
