"""Find the citations of a manuscript: pandoc Markdown (``[@key]``, ``[see @a, p. 3; @b]``, bare
``@key``), LaTeX (``\\cite``, ``\\autocite``, ``\\parencite``, ``\\textcite``, ``\\citep`` … and
biblatex's multicite ``\\autocites{a}[25]{b}``) and Word documents (Zotero / Better BibTeX citation
fields, or ``[@key]`` typed as text).

A bare ``@key`` counts only when no letter, digit or ``.``/``_``/``-``/``+`` stands before it, so
e-mail addresses are not citations; fenced and inline code in Markdown, and ``%`` comments in LaTeX,
are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cite:
    """One cited work: its key, the locator (``25``, ``25-27``, ``chap. 3``), the line, and words
    written before it in the citation (``see``)."""

    key: str
    locator: str | None = None
    line: int = 0
    prefix: str = ""
    # csl: a Zotero field's item, matched to a key later when the field names none
    csl: dict | None = field(default=None, compare=False, hash=False)


@dataclass
class Paper:
    """A manuscript's citations: each group is one citation (``[@a; @b]`` is one group of two)."""

    path: str
    groups: list[list[Cite]] = field(default_factory=list)
    all_entries: bool = False  # LaTeX \nocite{*}

    def keys(self) -> list[str]:
        """Cited keys, each once, in order of first citation."""
        seen: dict[str, None] = {}
        for g in self.groups:
            for c in g:
                seen.setdefault(c.key, None)
        return list(seen)

    def lines(self, key: str) -> list[int]:
        return [c.line for g in self.groups for c in g if c.key == key]


# pandoc's key: a letter, digit or _ then those and internal punctuation; trailing punctuation is not part of it
_KEY = r"(?:\{(?P<bkey>[^{}\s]+)\}|(?P<key>[\w][\w:.#$%&\-+?<>~/]*))"
# ``^[…]`` is an inline footnote, not a citation: the @keys inside it are found one by one
_BRACKET = re.compile(r"(?<!\^)\[(?P<body>[^\[\]]*@[^\[\]]*)\](?!\()")
_IN_BRACKET = re.compile(r"(?P<pre>[^;@]*?)(?P<minus>-?)@" + _KEY + r"(?P<post>[^;]*)")
_BARE = re.compile(r"(?<![\w.\-+@])@" + _KEY)
# code, link targets and URLs: an @ there is never a citation
_CODE = re.compile(r"(?ms)^(```|~~~).*?^\1[^\n]*$|`[^`\n]+`|\]\([^)\n]*\)|<?https?://[^\s>]+>?")
_TRAIL = ":.#$%&-+?<>~/"
_PAGES = re.compile(
    r"^\s*,?\s*(?:(?:pp?|pages?|S|第)\.?\s*)?(?P<loc>[\dIVXLCDMivxlcdm]+(?:\s*[-–—~]\s*[\dIVXLCDMivxlcdm]+)?)\s*(?:页)?\s*$"
)


def _key(m: re.Match) -> tuple[str, int]:
    """The key of a match and how many trailing characters are not part of it."""
    if m.group("bkey"):
        return m.group("bkey"), 0
    k = m.group("key")
    stripped = k.rstrip(_TRAIL)
    return stripped, len(k) - len(stripped)


def locator(text: str) -> str | None:
    """``, p. 25`` -> ``25``; ``pp. 25-27`` -> ``25-27``; another label (``chap. 3``) is kept as written."""
    text = text.strip()
    if not text.strip(" ,"):
        return None
    m = _PAGES.match(text)
    if m:
        return re.sub(r"\s*[-–—~]\s*", "-", m.group("loc"))
    return text.lstrip(", ").strip() or None


def _line_at(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos)


def scan_markdown(text: str) -> list[list[Cite]]:
    """The citation groups of pandoc Markdown text, in order."""
    masked = _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    starts = [0] + [m.end() for m in re.finditer("\n", masked)]
    found: list[tuple[int, list[Cite]]] = []
    taken: list[tuple[int, int]] = []
    for m in _BRACKET.finditer(masked):
        group = []
        line = _line_at(starts, m.start())
        for part in m.group("body").split(";"):
            p = _IN_BRACKET.fullmatch(part)
            if not p:
                continue
            key, cut = _key(p)
            post = (p.group("key")[len(p.group("key")) - cut :] if cut else "") + p.group("post")
            group.append(Cite(key, locator(post), line, p.group("pre").strip()))
        if group:
            found.append((m.start(), group))
            taken.append((m.start(), m.end()))
    # taken spans come in order and never overlap: a bisect, not a scan per @ (was quadratic)
    taken_starts = [a for a, _b in taken]
    for m in _BARE.finditer(masked):
        i = bisect.bisect_right(taken_starts, m.start()) - 1
        if i >= 0 and m.start() < taken[i][1]:
            continue
        key, _cut = _key(m)
        if key:
            found.append((m.start(), [Cite(key, None, _line_at(starts, m.start()))]))
    found.sort(key=lambda t: t[0])
    return [g for _, g in found]


_LATEX_CMD = re.compile(r"\\(?P<name>[a-zA-Z]*cite[a-zA-Z]*|[Cc]ite[a-zA-Z]*)\*?")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_KEYS_END = re.compile(r"[{}\\]")
MAX_OPTION = 2000  # a pre- or postnote ("see", "p. 25", "\S~3") is a few words


def _groups_after(text: str, pos: int, multi: bool) -> tuple[list[tuple[list[str], str]], int]:
    """The ``[opt][opt]{keys}`` argument sets after a LaTeX cite command (several for ``\\cites``)."""
    sets: list[tuple[list[str], str]] = []
    opts: list[str] = []
    i = pos
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\n":
            i += 1
        if i < n and text[i] in "[(":
            close = "]" if text[i] == "[" else ")"
            j = text.find(close, i, i + MAX_OPTION)  # bounded: \cite[\cite[… is no note, nor N copies
            if j < 0:
                break
            if text[i] == "[":
                opts.append(text[i + 1 : j])
            i = j + 1
            continue
        if i < n and text[i] == "{":
            # keys hold no brace or backslash: \cite{\cite{… is no key list (was one copy per level)
            stop = _KEYS_END.search(text, i + 1)
            if stop is None or stop.group() != "}":
                break
            j = stop.start()
            sets.append(([k.strip() for k in text[i + 1 : j].split(",") if k.strip()], opts[-1] if opts else ""))
            opts = []
            i = j + 1
            if not multi:
                break
            continue
        break
    return sets, i


def scan_latex(text: str) -> tuple[list[list[Cite]], bool]:
    """(citation groups, whether ``\\nocite{*}`` asks for every entry)."""
    masked = _COMMENT.sub(lambda m: " " * len(m.group(0)), text)
    starts = [0] + [m.end() for m in re.finditer("\n", masked)]
    groups: list[list[Cite]] = []
    everything = False
    for m in _LATEX_CMD.finditer(masked):
        name = m.group("name")
        sets, _end = _groups_after(masked, m.end(), multi=name.endswith("cites"))
        line = _line_at(starts, m.start())
        group = []
        for keys, post in sets:
            for k in keys:
                if k == "*":
                    everything = True
                    continue
                # a postnote belongs to the last key of its braces (\cite[25]{a} -> a at 25)
                group.append(Cite(k, locator(post) if k == keys[-1] else None, line))
        if group and not name.lower().startswith("nocite"):
            groups.append(group)
        elif group:
            groups.append([Cite(c.key, None, c.line) for c in group])
    return groups, everything
