"""A value past LONG_VALUE characters is LaTeX-decoded once per run, on its own, for both the
search haystack and the table row (a 600 KB title was decoded twice inside two bulk strings);
haystacks and rows are the same as when everything is decoded in one piece."""

from __future__ import annotations

from annobib.core import latex
from annobib.lookup import build, rows
from annobib.lookup.align import full_table


def _work(text: str):
    data = text.encode()
    chunks, _lines, digests, _starts, _known = full_table(data)
    out = build._chunk_work(list(chunks), list(digests), [None] * len(chunks), {}, rows=True)
    return [(w[0], [p[0] for p in w[2]], w[3], w[4]) for w in out]


LONG = r"Caf\'e \"uber \& na\"ive " * 400  # 9,600 characters of accents and escapes
CASES = [
    "@article{a, title={" + LONG + "}, journal={J " + LONG + "}, author={M{\\o}ller, Ann}}\n"
    "@misc{b, title={Short \\'e}, note={" + LONG + "}}\n",
    # the placeholder's own characters in the file: decoded in one piece, as before
    "@misc{c, title={\U000f00000\U000f0001 " + LONG + "}}\n@misc{d, title={x \U000f0000}}\n",
]


def test_haystacks_and_rows_as_when_decoded_in_one_piece(monkeypatch):
    for text in CASES:
        new = _work(text)
        monkeypatch.setattr(rows, "LONG_VALUE", 10**12)
        assert _work(text) == new
        monkeypatch.undo()
    row = _work(CASES[0])[0][3][0]
    assert row[4].startswith("Café über & naïve Café")


def test_a_long_title_is_decoded_once(monkeypatch):
    calls = []
    real = latex._latex_to_text
    monkeypatch.setattr(latex, "_latex_to_text", lambda v, k: calls.append(v) or real(v, k))
    title = "T " + LONG + " end"
    _work("@article{a, title={" + title + "}, year={2020}}\n")
    assert sum(1 for v in calls if title in v) == 1, [len(v) for v in calls]
