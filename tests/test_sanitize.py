"""The one output sanitizer, function by function (annobib.core.sanitize)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from annobib.core import sanitize as s

RAW = [
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J",
    "\x9b31m",
    "\x07",
    "\x7f",
    "\x00",
    "\u202e",
    "\u2066",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u2060",
    "\U000e0041",
    "\u061c",
    "\u2028",
]


@pytest.mark.parametrize("raw", RAW)
def test_terminal_makes_every_unsafe_character_visible(raw):
    out = s.terminal(f"a{raw}b")
    assert out.startswith("a") and out.endswith("b")
    assert s.is_clean(out) and out.isprintable()


def test_terminal_notation():
    assert s.terminal("x\x1b[2Jy") == "x\\x1b[2Jy"
    assert s.terminal("\x9b") == "\\x9b"
    assert s.terminal("a\u202eb") == "a<U+202E>b"
    assert s.terminal("a\u200bb") == "a<U+200B>b"
    assert s.terminal("\udc9b") == "\\x9b"  # a byte that was not UTF-8, from an argument
    assert s.terminal("tab\there\nnext") == "tab here next"
    assert s.terminal("[bold]刘琳 Solís") == "[bold]刘琳 Solís"  # ordinary text untouched
    assert s.terminal(None) == ""


def test_terminal_lines_keeps_line_structure_but_not_a_lone_carriage_return():
    assert s.terminal_lines("a\n\tb\r\nc") == "a\n\tb\r\nc"
    assert s.terminal_lines("good\revil") == "good\\x0devil"
    assert s.terminal_lines("a\x1b[2J\nb\u202e") == "a\\x1b[2J\nb<U+202E>"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>",
        "vbscript:x",
        "file:///etc/passwd",
        "//evil.org/x",
        "www.example.org",
        "http:evil",
        "https://ok.org/\x1b[2J",
        "https://ok.org/\u202e",
        "java\tscript:alert(1)",
        "",
        None,
    ],
)
def test_unsafe_urls_are_not_links(url):
    assert s.safe_url(url) is None


def test_safe_urls_are_kept_and_quoted():
    assert s.safe_url("https://doi.org/10.1000/x") == "https://doi.org/10.1000/x"
    assert s.safe_url("HTTP://a.org/") == "HTTP://a.org/"
    assert s.safe_url("ftp://a.org/f") == "ftp://a.org/f"
    assert s.safe_url("mailto:a@b.org") == "mailto:a@b.org"
    assert s.safe_url('https://a.org/"><script>') == "https://a.org/%22%3E%3Cscript%3E"
    assert s.safe_url("https://a.org/a b") == "https://a.org/a%20b"


def test_html():
    assert s.html_text('<script>"x"&') == "&lt;script&gt;&quot;x&quot;&amp;"
    assert s.html_link("click", "javascript:alert(1)") == "click"
    assert s.html_link("<b>", "https://a.org/?q=1&r=2") == '<a href="https://a.org/?q=1&amp;r=2">&lt;b&gt;</a>'
    assert s.html_text("a\x1b[2Jb\u202e") == "a\\x1b[2Jb&lt;U+202E&gt;"


def test_markdown():
    assert s.markdown_text("<script>*x*_[y](z)") == r"\<script\>\*x\*\_\[y\](z)"
    assert s.markdown_link("https://a.org", "https://a.org") == "<https://a.org>"
    assert s.markdown_link("site", "https://a.org/x>y") == "[site](<https://a.org/x%3Ey>)"
    assert s.markdown_link("javascript:alert(1)", "javascript:alert(1)") == "javascript:alert(1)"
    assert s.markdown_link("<img src=x onerror=alert(1)>", "data:x") == r"\<img src=x onerror=alert(1)\>"


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "\uff1d1", "-5"]
)
def test_csv_cells_never_start_a_formula(cell):
    out = s.csv_cell(cell)
    assert out == "'" + cell
    row = next(csv.reader(io.StringIO(_csv_line(out))))
    assert row[0].startswith("'")


def _csv_line(cell: str) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow([cell])
    return buf.getvalue()


def test_csv_cells_left_alone():
    for cell in ("Alliances", "2024", "刘琳", "", "a=b", "'quoted"):
        assert s.csv_cell(cell) == cell


def test_json_text_escapes_but_reads_back_the_same():
    data = {"t": "a\x9bb\u202ec\u200bd\x7fe\U000e0041"}
    doc = s.json_text(json.dumps(data, ensure_ascii=False))
    assert json.loads(doc) == data
    assert s.is_clean(doc)


def test_redact_known_secrets_and_credential_shapes(monkeypatch):
    monkeypatch.setenv("ANNOBIB_IA_ACCESS", "ak-SECRET-1")
    monkeypatch.setenv("ANNOBIB_IA_SECRET", "sk-SECRET-2")
    out = s.redact("echo: ak-SECRET-1 and sk-SECRET-2")
    assert "SECRET" not in out and out.count(s.REDACTED) == 2
    assert "abc:def" not in s.redact("Authorization: LOW abc:def")
    assert "xyz" not in s.redact('{"headers": {"authorization": "Bearer xyz"}}')
    assert "q1w2" not in s.redact("secret_key=q1w2&x=1") and "x=1" in s.redact("secret_key=q1w2&x=1")
    assert s.redact("https://a.org/?page=2") == "https://a.org/?page=2"  # ordinary text untouched
    s.add_secret("from-config-77")
    try:
        assert s.redact_data({"u": ["from-config-77"], "n": 3}) == {"u": [s.REDACTED], "n": 3}
    finally:
        s._registered.discard("from-config-77")
    s.add_secret("ab")  # too short to be a secret: would blank ordinary words
    assert s.redact("ab") == "ab"


def test_message_is_one_clean_line(monkeypatch):
    monkeypatch.setenv("ANNOBIB_IA_SECRET", "sk-SECRET-2")
    assert s.message("bad\nkey\x1b[2J sk-SECRET-2") == "bad key\\x1b[2J " + s.REDACTED


def test_terminal_stream_sanitizes_and_refuses_bytes():
    raw = io.StringIO()
    stream = s.TerminalStream(raw)
    stream.write("a\x1b[2J\n")
    assert raw.getvalue() == "a\\x1b[2J\n"
    with pytest.raises(TypeError):
        stream.write(b"")
    with pytest.raises(AttributeError):
        stream.buffer  # noqa: B018 - no way around the sanitizer
    assert s.raw_stream(stream) is raw


def test_large_values_are_linear():
    import time

    big = ("x" * 99 + "\x1b") * 1000 + "\u202e" * 100_000
    t = time.process_time()  # CPU, not the wall clock: the machine is shared
    for f in (s.terminal, s.terminal_lines, s.html_text, s.markdown_text, s.csv_cell, s.redact):
        f(big)
    assert time.process_time() - t < 1.0


def test_random_hostile_text_properties():
    """Seeded fuzzing (Hypothesis is not a dependency): whatever the text, the outputs hold."""
    import random

    alphabet = (
        [chr(i) for i in range(0x20)]
        + [chr(i) for i in range(0x7F, 0xA0)]
        + list(
            "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u200e\u200f"
            "\u2060\ufeff\u061c\u2028\u2029\udc9b\U000e0041"
        )
        + list("<>&\"'`*_[]()#|~$^@!=+-\\ :/;abcXYZ刘琳é")
        + ["javascript:", "https://", "\x1b]52;c;"]
    )
    rng = random.Random(12)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        one = s.terminal(text)
        assert s.is_clean(one) and "\n" not in one
        lines = s.terminal_lines(text)
        assert s.is_clean(lines.replace("\r\n", "").replace("\n", "").replace("\t", ""))
        assert "<" not in s.html_text(text) and ">" not in s.html_text(text)
        md = s.markdown_text(text)
        assert all(md[i - 1] == "\\" for i, c in enumerate(md) if c in "<[`*_" and i)  # every one escaped
        assert s.csv_cell(text).lstrip(" ")[:1] not in set("=+-@\t\r") or s.csv_cell(text).startswith("'")
        doc = s.json_text(json.dumps({"v": text}, ensure_ascii=False))
        assert json.loads(doc) == {"v": text} and s.is_clean(doc)
        url = s.safe_url(text)
        assert url is None or (
            url.lower().startswith(("http://", "https://", "ftp://", "mailto:"))
            and s.is_clean(url)
            and not set(url) & set(" <>\"'`\\")
        )


def test_every_format_and_default_ignorable_character_is_made_visible():
    import unicodedata

    from annobib.core.sanitize import csv_cell, is_clean, safe_url, terminal

    cf = [chr(o) for o in range(0x110000) if unicodedata.category(chr(o)) == "Cf"]
    ignorable = "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b\u180e\u3164\ufe0f\uffa0\U000e0041\U000e0100"
    assert [hex(ord(c)) for c in cf + list(ignorable) if is_clean(c)] == []
    assert terminal("soft\u00adhyphen\u3164x") == "soft<U+00AD>hyphen<U+3164>x"
    assert safe_url("https://example.org/soft\u00adhyphen") is None
    assert safe_url("https://example.org/\u3164") is None
    assert safe_url("https://example.org/plain") == "https://example.org/plain"
    assert csv_cell(terminal("\u2060=1+1")) == "<U+2060>=1+1"  # marked, so no formula either
