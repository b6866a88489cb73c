"""The plain (piped) table measures ASCII cells by length, everything else with Rich: the two
must agree, so the fast path changes no byte of `annobib list | …`."""

from __future__ import annotations

import random

from rich.cells import cell_len, get_character_cell_size

from annobib.commands.listing import _width, crop


def _rich_crop(text: str, width: int) -> str:  # the measure the table used before
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = get_character_cell_size(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def test_widths_and_crops_agree_with_rich():
    rng = random.Random(3)
    alphabet = "abc XYZ-09,.'()" + "世界知识刘琳" + "é\u0301" + "😀" + "ｱ"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.5:
            text = "".join(c for c in text if c.isascii())
        assert _width(text) == cell_len(text), text
        for width in (1, 2, 5, 12, 40):
            assert crop(text, width) == _rich_crop(text, width), (text, width)
