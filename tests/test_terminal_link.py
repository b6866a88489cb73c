"""OSC 8 hyperlinks on a terminal carry printable ASCII only: non-ASCII in the URL is
percent-encoded (5,000 combining marks once rode raw inside the escape sequence), and a target
past 2,000 bytes makes no link, only the text."""

from __future__ import annotations

import io
import re

from rich.console import Console

from annobib.core.sanitize import MAX_TERMINAL_LINK, terminal_link
from annobib.render.richtext import RichText, Run
from annobib.render.terminal import render

OSC8 = re.compile(r"\x1b\]8;[^;]*;([^\x1b\x07]*)(?:\x1b\\|\x07)")


def _on_terminal(url: str, text: str = "link") -> str:
    out = io.StringIO()
    Console(file=out, force_terminal=True, color_system="truecolor", width=80).print(
        render(RichText(Run(text, url=url)))
    )
    return out.getvalue()


def test_non_ascii_in_a_link_target_is_percent_encoded():
    assert terminal_link("https://ja.wikipedia.org/wiki/日本") == "https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC"
    assert terminal_link("https://x.org/a\u0301b c") == "https://x.org/a%CC%81b%20c"
    assert terminal_link("https://x.org/?q=1&r=%20") == "https://x.org/?q=1&r=%20"  # ASCII: as it was
    assert terminal_link("javascript:alert(1)") is None
    assert OSC8.findall(_on_terminal("https://x.org/a\u202eb")) == []  # a bidi control: no link at all
    for target in OSC8.findall(_on_terminal("https://ja.wikipedia.org/wiki/日本")):
        assert target.isascii() and target.isprintable()
    assert "https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC" in OSC8.findall(
        _on_terminal("https://ja.wikipedia.org/wiki/日本")
    )


def test_a_huge_link_target_prints_as_text_alone():
    url = "https://x.org/" + "\u0301" * 5000
    assert terminal_link(url) is None
    assert terminal_link("https://x.org/" + "a" * (MAX_TERMINAL_LINK - 14)) is not None
    assert terminal_link("https://x.org/" + "a" * (MAX_TERMINAL_LINK - 13)) is None
    printed = _on_terminal(url, text="the page")
    assert not OSC8.search(printed) and "the page" in printed
