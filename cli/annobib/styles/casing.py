"""Case changes that respect protected words.

Sentence case never lowercases: text that was braced in BibTeX (``{NATO}``), acronyms and words
with inner capitals (``NCBI``, ``McDonald``, ``iPhone``), and words on the proper-noun list in
``annobib/data/proper_nouns.txt`` (one per line; multi-word names allowed).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

# token separators: whitespace and the punctuation GB/T and APA treat as word boundaries
# a run of white space is one token: it only separates words, and a long title has many
_TOKEN = re.compile(r"\s+|(?:[^\W\d_]\.){2,}|[^\s:,\-'’–—?.!;/()\[\]\"“”‘]+|[:,\-'’–—?.!;/()\[\]\"“”‘]")


_EXTRA: list[str] = []


def add_proper_nouns(lines) -> None:
    """Add words/phrases (one per item, ``#`` comments allowed) to the proper-noun list."""
    _EXTRA.extend(lines)
    proper_nouns.cache_clear()
    _phrase_index.cache_clear()


def reset_proper_nouns() -> None:
    """Back to the shipped list only."""
    _EXTRA.clear()
    proper_nouns.cache_clear()
    _phrase_index.cache_clear()


@lru_cache(maxsize=1)
def _phrase_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Multi-word proper nouns by their first token, longest first."""
    index: dict[str, list] = {}
    for ph in proper_nouns()[1]:
        index.setdefault(ph[0], []).append(ph)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


@lru_cache(maxsize=1)
def proper_nouns() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(single words, multi-word phrases as word tuples) from the shipped list."""
    try:
        text = (DATA / "proper_nouns.txt").read_text(encoding="utf-8")
    except OSError:
        text = ""
    words, phrases = set(), []
    for line in text.splitlines() + _EXTRA:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [t for t in _TOKEN.findall(line) if t.strip()]
        if len(parts) == 1:
            words.add(line)
        else:
            phrases.append(tuple(parts))
    return frozenset(words), tuple(phrases)


def is_title_case_word(word: str) -> bool:
    """First letter upper case, all other letters lower case (``Nature``, ``A``)."""
    if not word or not word[0].isupper():
        return False
    rest = word[1:]
    return rest == rest.lower()


def _tokens(segs):
    """(token, protected) over decoded segments."""
    for text, prot in segs:
        if prot:
            yield text, True
            continue
        for m in _TOKEN.finditer(text):
            yield m.group(0), False


def sentence_case(
    segs, *, keep_first: bool = True, capitalize_after_colon: bool = False, use_proper_nouns: bool = True
) -> str:
    """Sentence case of decoded ``(text, protected)`` segments.

    GB/T (the conformance examples) lower-cases a subtitle's first word (``capitalize_after_colon``
    False); APA capitalizes it (True).
    """
    words = proper_nouns()[0] if use_proper_nouns else frozenset()
    index = _phrase_index() if use_proper_nouns else {}
    toks: list[tuple[str, bool]] = []
    for text, prot in segs:
        if prot:
            toks.append((text, True))
        else:
            toks.extend((t, False) for t in _TOKEN.findall(text))
    out: list[str] = []
    first_word_seen = False
    cap_next = False
    i = 0
    n = len(toks)
    while i < n:
        tok, prot = toks[i]
        if prot:
            out.append(tok)
            if tok.strip():
                first_word_seen = True
                cap_next = False
            i += 1
            continue
        if tok.isspace():
            out.append(tok)
            i += 1
            continue
        if first_word_seen and not cap_next and tok.islower() and tok not in index:
            out.append(tok)  # the common word: nothing to change (is_title_case_word is False)
            i += 1
            continue
        if len(tok) == 1 and not tok.isalnum():
            out.append(tok)
            if tok == ":" and capitalize_after_colon and first_word_seen:
                cap_next = True
            elif tok in ("?", "!", ".") and i + 1 < n and not toks[i + 1][0].strip() and first_word_seen:
                # a new sentence inside the title: its first word keeps (APA: gets) a capital
                cap_next = "keep" if not capitalize_after_colon else True
            i += 1
            continue
        # a multi-word proper noun starting here?
        matched = 0
        for ph in index.get(tok, ()):
            k, j, ok = 0, i, True
            while k < len(ph):
                if j >= n:
                    ok = False
                    break
                t = toks[j][0]
                if not t.strip():
                    j += 1
                    continue
                if t != ph[k]:
                    ok = False
                    break
                k += 1
                j += 1
            if ok:
                matched = j - i
                break
        if matched:
            out.extend(t for t, _ in toks[i : i + matched])
            first_word_seen = True
            cap_next = False
            i += matched
            continue
        if not first_word_seen and keep_first:
            out.append(tok[:1].upper() + tok[1:] if capitalize_after_colon else tok)
        elif cap_next == "keep":
            out.append(tok)
        elif cap_next:
            out.append(tok[:1].upper() + tok[1:])
        elif tok in words or not is_title_case_word(tok) or _named_letter(toks, i):
            out.append(tok)
        elif tok in _HONORIFICS and _next_is_proper(toks, i, words, index):
            out.append(tok)  # a title before a name: Secretary Hegseth, President Marcos
        else:
            out.append(tok.lower())
        first_word_seen = True
        cap_next = False
        i += 1
    return "".join(out)


# words before a letter that names something: Volume B, Plan A, Type A, Appendix C
_DESIGNATORS = frozenset(
    "part volume vol vols book series section appendix annex plan type class group phase grade "
    "vitamin hepatitis schedule division category model level track option".split()
)


def _named_letter(toks, i: int) -> bool:
    """A capital letter standing alone names something (``Volume B``, ``T-cell``, ``K-means``,
    ``Plan A``), except ``A`` the article, kept only after a designator or before a hyphen, and
    the ``E-`` of electronic (``e-government``, ``e-mail``), a common word in sentence case."""
    tok = toks[i][0]
    if len(tok) != 1 or not tok.isupper():
        return False
    if tok == "E" and i + 1 < len(toks) and toks[i + 1][0] in ("-", "‐"):
        return False
    if tok != "A":
        return True
    if i + 1 < len(toks) and toks[i + 1][0] in ("-", "‐"):
        return True
    prev = next((t for t, _ in reversed(toks[:i]) if t.strip()), "")
    return prev.lower().rstrip(".") in _DESIGNATORS


_HONORIFICS = frozenset(
    "President Secretary Minister Ambassador General Admiral Senator Chairman Chairwoman King Queen "
    "Premier Chancellor Governor Mayor Representative Speaker Commissioner Director Envoy Emperor".split()
)


def _next_is_proper(toks, i, words, index) -> bool:
    for t, prot in toks[i + 1 :]:
        if not t.strip():
            continue
        return prot or t in words or t in index
    return False


_SMALL = frozenset("a an and as at but by for from if in into nor of on or per so the to up via vs with yet".split())


def title_case(text: str) -> str:
    """APA title case for periodical names: major words and words of 4+ letters capitalized."""
    out = []
    words = re.split(r"(\s+)", text)
    first = True
    for w in words:
        if not w.strip():
            out.append(w)
            continue
        lw = w.lower()
        core = lw.strip("“”‘’\"'([")
        if not first and core in _SMALL and len(core) < 4:
            out.append(w if not is_title_case_word(w) else lw)
        else:
            k = next((i for i, c in enumerate(w) if c.isalpha()), None)
            out.append(w if k is None else w[:k] + w[k].upper() + w[k + 1 :])
        first = False
    return "".join(out)
