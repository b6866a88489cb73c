"""``rstrip_run`` replaces ``re.sub(r"[…\\s]+$", "", text)`` on every note; it must agree with it."""

from __future__ import annotations

import itertools
import re
import sys

from annobib.extract.fields.features import rstrip_run, strip_trailing

SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
PIECES = ["a", "。", ".", "，", ",", "等", "b.c", "\n", " ", "\u3000", "\x1c", "\u2028", "；"]


def test_rstrip_run_agrees_with_the_regex_it_replaced():
    assert all(re.fullmatch(r"\s", ch) for ch in SPACES)  # \s and str.isspace agree
    for chars in ("。.", "，,；;。.", ",，。.；;：:、"):
        rx = re.compile(rf"[{re.escape(chars)}\s]+$")
        for n in range(4):
            for parts in itertools.product(PIECES, repeat=n):
                text = "".join(parts)
                assert rstrip_run(text, chars) == rx.sub("", text), (text, chars)
    assert strip_trailing(" 第 12 页。\n ") == "第 12 页"
