"""fold() is a per-character map plus whitespace rules; it must equal the plain pipeline it
replaces (NFKD, drop combining marks, NFC, casefold, typographic variants, CJK spacing) on
every character and on realistic mixed text, since queries and haystacks both go through it."""

from __future__ import annotations

import random
import re
import unicodedata

from annobib import text as tx

from conftest import ARTICLE_BIB


def reference_fold(text: str) -> str:
    """The straightforward whole-string pipeline (slow on 50k entries, obviously right)."""
    if not text:
        return ""
    punct = lambda s: "".join(tx._PUNCT_MAP.get(c, c) for c in s)  # noqa: E731
    text = punct(text)
    text = tx._COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = punct(unicodedata.normalize("NFC", text).casefold())
    text = " ".join(text.split())
    text = re.sub(f" (?=[{tx._CJK_CLASS}])", "", text)
    return re.sub(f"([{tx._CJK_CLASS}]) ", r"\1", text)


def test_every_character_alone_and_in_context():
    # all of the BMP outside the ideographs and Hangul (which fold to themselves: sampled), plus
    # the astral blocks with compatibility forms
    ranges = [
        range(0x80, 0x3400),
        range(0x3400, 0xA000, 97),
        range(0xA000, 0xAC00),
        range(0xAC00, 0xD7B0, 89),
        range(0xD7B0, 0xD800),
        range(0xE000, 0x10000),
        range(0x1D400, 0x1D800),
        range(0x1F100, 0x1F300),
        range(0x20000, 0x20400, 7),
        range(0x2F800, 0x2FA20),
    ]
    bad = []
    for cp in (cp for r in ranges for cp in r):
        c = chr(cp)
        for s in (c, "A" + c + "b", "中 " + c + " x"):
            if tx.fold(s) != reference_fold(s):
                bad.append((hex(cp), s))
    assert bad == []


def test_decomposed_input_and_final_sigma():
    for s in (
        "Sol\u0301is",
        "\u1112\u1161\u11ab\u1100\u116e\u11a8",
        "ΟΔΟΣ ΚΑΙ",
        "ｶﾞｲｺｳ",
        "が ガ",
        "İstanbul",
        "Ａ　Ｂ\u3000世界  知识\t and  ",
        " 刘 琳 ",
        "ﬁnance ①",
    ):
        assert tx.fold(s) == reference_fold(s), s


def test_random_mixtures_of_the_article_characters():
    pool = sorted(set(ARTICLE_BIB.read_text(encoding="utf-8"))) + [" ", "  ", "\t", "\u3000", "e\u0301", "が", "Σ"]
    rnd = random.Random(7)
    for _ in range(5000):
        s = "".join(rnd.choice(pool) for _ in range(rnd.randint(1, 16)))
        assert tx.fold(s) == reference_fold(s), s


def test_the_whole_article_bib():
    text = ARTICLE_BIB.read_text(encoding="utf-8")
    assert tx.fold(text) == reference_fold(text)
