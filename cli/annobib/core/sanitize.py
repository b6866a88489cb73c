"""The one output sanitizer: every value that reaches a terminal, HTML, Markdown, CSV, JSON
or a stored log goes through here, so a field of a .bib file can neither drive the terminal nor
inject markup, formulas or links, and a known secret is never printed or stored.

* :func:`terminal` / :func:`terminal_lines` -- C0/C1 controls, ESC and DEL become visible
  ``\\x1b``-style text; bidi overrides and isolates, zero-width and other invisible format
  characters (Default_Ignorable_Code_Point and Cf: ``INVISIBLE_RANGES``) become ``<U+202E>``. ``terminal`` puts a line break
  or tab as a space (one line: table cells, messages); ``terminal_lines`` keeps ``\\n``,
  ``\\t`` and ``\\r\\n`` (a lone ``\\r`` would overwrite the line, so it is shown).
* :func:`html_text`, :func:`html_link` -- escaped text; a link only for a safe scheme.
* :func:`markdown_text`, :func:`markdown_link` -- markup escaped; a link only for a safe scheme,
  never raw HTML.
* :func:`safe_url` -- the URL if its scheme is one of ``SAFE_SCHEMES`` (http, https, ftp,
  mailto), percent-encoding the few characters that could end an attribute or an autolink;
  ``None`` for anything else (``javascript:``, ``data:``, relative, invisible characters).
* :func:`csv_cell` -- OWASP's rule against formula injection: a cell starting with ``=``, ``+``,
  ``-``, ``@``, tab or CR (also after leading spaces, and their full-width forms) gets a leading
  ``'``. Numbers such as ``-5`` are prefixed too: one rule, no guessing what a spreadsheet will
  evaluate (``-2+3`` is a formula).
* :func:`json_text` -- a JSON document with the characters ``json.dumps`` leaves raw (DEL, C1,
  bidi, zero-width) written as ``\\uXXXX``: still the same strings for a parser.
* :func:`redact` / :func:`redact_data` -- known secrets (archive.org keys from the environment
  or the config, anything registered with :func:`add_secret`) and credential shapes
  (``Authorization: …``, ``LOW key:secret``, ``access_key=…``/``secret_key=…``) replaced by
  ``[REDACTED]``, as is the password of a URL (``https://user:[REDACTED]@host``). Other ``token=`` or ``password`` shapes are left alone: cited URLs carry
  them legitimately, and the state file is keyed by those URLs. :func:`message` is redaction plus :func:`terminal`, for one-line
  errors and warnings.

Raw BibTeX written to a file is never passed through here: round trips stay byte-exact.
"""

from __future__ import annotations

import os
import re

from annobib.perf import lazy_regex  # compiled on first use: `annobib --help` pays nothing

SAFE_SCHEMES = ("http", "https", "ftp", "mailto")
REDACTED = "[REDACTED]"

_CONTROLS = "\x00-\x1f\x7f-\x9f"
# Invisible characters, taken whole from two Unicode 15.1 lists so the set is not a guess:
# Default_Ignorable_Code_Point (DerivedCoreProperties.txt: soft hyphen, combining grapheme
# joiner, Hangul fillers, Khmer inherent vowels, Mongolian selectors and vowel separator, zero-width
# space / joiners / LRM / RLM, bidi embeddings, overrides and isolates, word joiner, invisible
# operators, variation selectors, BOM, the tag and reserved U+E0000 block) and General_Category Cf
# (UnicodeData.txt: the above plus Arabic/Syriac/Kaithi prepended number marks, interlinear
# annotation, Egyptian hieroglyph, shorthand and musical format controls); also the line and
# paragraph separators. tests/test_sanitize.py checks every Cf of ``unicodedata`` is covered.
# Joiners and variation selectors are marked too, even where a script or an emoji needs them
# (Persian ZWNJ, emoji ZWJ, CJK ideographic variation selectors): on a terminal a visible
# ``<U+200C>`` costs a little legibility, while a raw one lets two different keys, URLs or
# titles look the same. The .bib file, exports and JSON keep the characters themselves.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
    (0xD800, 0xDFFF),  # lone surrogates: undecodable bytes of an argument
)
_FORMAT = "".join(chr(lo) if lo == hi else f"{chr(lo)}-{chr(hi)}" for lo, hi in INVISIBLE_RANGES)
_UNSAFE = lazy_regex(f"[{_CONTROLS}{_FORMAT}]")
_UNSAFE_LINES = lazy_regex(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_FORMAT}]")
# Searching the full class costs 2-3x more on CJK text than the old, shorter list: sre tests
# the small astral ranges (Kaithi, hieroglyph, shorthand, musical controls) one by one. So ASCII
# text (most values, every message) is searched for C0 controls and DEL only, other text first
# with a superset whose astral part is two wide ranges; only a hit there is checked exactly.
_WIDE = "".join(
    chr(lo) if lo == hi else f"{chr(lo)}-{chr(hi)}" for lo, hi in INVISIBLE_RANGES if hi < 0x10000 or lo >= 0xE0000
)
_SMALL_ASTRAL = "\U000110bd-\U0001d17a"  # covers the few astral Cf (and much else: a pre-filter)
_SEARCH = {
    (False, True): lazy_regex("[\x00-\x1f\x7f]"),
    (False, False): lazy_regex(f"[{_CONTROLS}{_WIDE}{_SMALL_ASTRAL}]"),
    (True, True): lazy_regex("\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"),
    (True, False): lazy_regex(f"\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_WIDE}{_SMALL_ASTRAL}]"),
}


def _unsafe_in(text: str, lines: bool = False):
    """The first unsafe character's match in ``text`` (None when there is none)."""
    ascii_only = text.isascii()
    m = _SEARCH[lines, ascii_only].search(text)
    if m is None or ascii_only:
        return m
    return (_UNSAFE_LINES if lines else _UNSAFE).search(text, m.start())


def visible(ch: str) -> str:
    """One unsafe character as visible text: ``\\x1b`` for controls, ``<U+202E>`` otherwise."""
    o = ord(ch)
    if o < 0x20 or 0x7F <= o <= 0x9F:
        return "\\x%02x" % o
    if 0xDC80 <= o <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return "\\x%02x" % (o - 0xDC00)
    return "<U+%04X>" % o


_TABLES: dict[str, dict[int, str]] = {}


def _table(kind: str) -> dict[int, str]:
    """str.translate tables (C speed on long values): every unsafe code point -> visible text."""
    table = _TABLES.get(kind)
    if table is None:
        ranges = [(0, 0x1F), (0x7F, 0x9F), *INVISIBLE_RANGES]
        table = {o: visible(chr(o)) for lo, hi in ranges for o in range(lo, hi + 1)}
        if kind == "one-line":
            table.update({ord("\n"): " ", ord("\t"): " ", ord("\r"): " "})
        else:
            del table[ord("\n")], table[ord("\t")]
        _TABLES[kind] = table
    return table


def terminal(text) -> str:
    """``text`` safe on one terminal line: unsafe characters visible, breaks and tabs as spaces."""
    if not text:
        return ""
    text = str(text)
    if (text.isascii() and text.isprintable()) or _unsafe_in(text) is None:
        return text  # (printable ASCII has no C0 control, DEL or line break: two tests in C)
    return text.translate(_table("one-line"))


def terminal_lines(text) -> str:
    """As :func:`terminal`, but ``\\n``, ``\\t`` and ``\\r\\n`` kept (multi-line output)."""
    if not text:
        return ""
    text = str(text)
    if (text.isascii() and text.isprintable()) or _unsafe_in(text, lines=True) is None:
        return text
    out = text.translate(_table("lines"))
    return out.replace("\\x0d\n", "\r\n") if "\r\n" in text else out


def is_clean(text: str) -> bool:
    """True when ``text`` holds no character :func:`terminal` would change."""
    return _unsafe_in(text) is None


class TerminalStream:
    """A text stream for ``sys.stdout``/``sys.stderr`` on a terminal: whatever is written goes
    through :func:`terminal_lines`. The net under every ``click.echo``; Rich consoles write to
    ``raw_stream`` (their own colour sequences must pass) and sanitize their text themselves."""

    def __init__(self, raw):
        self.raw_stream = raw

    def write(self, text) -> int:
        if not isinstance(text, str):
            raise TypeError("a text stream")  # click probes with bytes to tell binary from text
        self.raw_stream.write(terminal_lines(text))
        return len(text)

    def __getattr__(self, name):  # isatty, fileno, flush, encoding, errors, buffer-less rest
        if name == "buffer":
            raise AttributeError(name)  # no side door around the sanitizer
        return getattr(self.raw_stream, name)


def raw_stream(stream):
    """The stream under a :class:`TerminalStream` (the stream itself otherwise)."""
    return getattr(stream, "raw_stream", stream)


# --------------------------------------------------------------------------- URLs

_SCHEME = lazy_regex(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_QUOTE = {
    " ": "%20",
    '"': "%22",
    "'": "%27",
    "<": "%3C",
    ">": "%3E",
    "`": "%60",
    "\\": "%5C",
    "{": "%7B",
    "}": "%7D",
    "|": "%7C",
    "^": "%5E",
}
_URL_QUOTE_RX = lazy_regex("[" + re.escape("".join(_URL_QUOTE)) + "]")


def safe_url(url: str | None) -> str | None:
    """``url`` fit for an ``href`` or an autolink, or None when it must stay plain text."""
    if not url:
        return None
    url = url.strip()
    if _UNSAFE.search(url) or "\n" in url:
        return None
    m = _SCHEME.match(url)
    if not m or m.group(1).lower() not in SAFE_SCHEMES:
        return None
    if m.group(1).lower() != "mailto" and not url[m.end() :].startswith("//"):
        return None  # "http:evil" is no web address
    return _URL_QUOTE_RX.sub(lambda x: _URL_QUOTE[x.group()], url)


MAX_TERMINAL_LINK = 2000  # bytes: a longer link target prints as text alone
_NOT_ASCII = lazy_regex(r"[^\x21-\x7e]+")


def terminal_link(url: str | None) -> str | None:
    """``url`` fit for an OSC 8 hyperlink on a terminal, or None (the text then prints alone).

    The one place terminal hyperlinks are made: a safe URL (:func:`safe_url`) with every
    character outside printable ASCII percent-encoded as UTF-8 (RFC 3986), so no combining
    mark, bidi control or other raw text rides inside the escape sequence; past
    ``MAX_TERMINAL_LINK`` bytes no link at all."""
    target = safe_url(url)
    if target is None:
        return None
    if not target.isascii() or " " in target:
        # lazy: only a URL with such characters needs it
        from urllib.parse import quote

        target = _NOT_ASCII.sub(lambda m: quote(m.group(), safe=""), target)
    return target if len(target) <= MAX_TERMINAL_LINK else None


# --------------------------------------------------------------------------- HTML


def html_text(text, quote: bool = True) -> str:
    """Escaped HTML text (also fit for a quoted attribute); invisible characters visible."""
    # lazy: not needed by `annobib --help`
    from html import escape

    return escape(terminal_lines(text), quote=quote)


def html_link(text: str, url: str | None) -> str:
    """``<a href>`` around the escaped text when ``url`` is safe; otherwise the text alone."""
    target = safe_url(url)
    if target is None:
        return html_text(text, quote=False)
    return f'<a href="{html_text(target)}">{html_text(text, quote=False)}</a>'


# --------------------------------------------------------------------------- Markdown

# Every ASCII punctuation CommonMark or pandoc gives a meaning (emphasis, links, raw HTML,
# entities, headings, tables, strike-through, math, superscript, citations, images).
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|~&$^@!"})


def markdown_text(text) -> str:
    """Markdown-escaped text: prints as itself, makes no markup and no raw HTML."""
    return terminal_lines(text).translate(_MD_SPECIAL)


def markdown_link(text: str, url: str | None) -> str:
    """An autolink ``<url>`` (or ``[text](<url>)``) for a safe URL; escaped text otherwise."""
    target = safe_url(url)
    if target is None:
        return markdown_text(text)
    if text == url or text == target:
        return f"<{target}>"
    return f"[{markdown_text(text)}](<{target}>)"


# --------------------------------------------------------------------------- CSV / TSV

_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def csv_cell(value) -> str:
    """A CSV/TSV cell no spreadsheet evaluates as a formula (see the module docstring)."""
    text = "" if value is None else str(value)
    first = text[:1]
    if first in _FORMULA_START or (first == " " and text.lstrip(" ")[:1] in _FORMULA_START):
        return "'" + text
    return text


# --------------------------------------------------------------------------- JSON

_JSON_RAW = lazy_regex(f"[\x7f-\x9f{_FORMAT}]")


def _json_escape(m: re.Match) -> str:
    o = ord(m.group())
    if o > 0xFFFF:
        o -= 0x10000
        return "\\u%04x\\u%04x" % (0xD800 + (o >> 10), 0xDC00 + (o & 0x3FF))
    return "\\u%04x" % o


def json_text(document: str) -> str:
    """A ``json.dumps`` result with every unsafe character escaped (they only occur in strings)."""
    # DEL is the one ASCII character searched for: ASCII text is checked at C speed
    if document.isascii() and "\x7f" not in document:
        return document
    if _JSON_RAW.search(document) is None:
        return document
    return _JSON_RAW.sub(_json_escape, document)


# --------------------------------------------------------------------------- secrets

_SECRET_ENV = ("ANNOBIB_IA_ACCESS", "ANNOBIB_IA_SECRET")
_MIN_SECRET = 4  # a shorter "secret" would blank out ordinary words
_registered: set[str] = set()
_PATTERNS = [
    (lazy_regex(r"(?i)\b(authorization[\"']?\s*[:=]\s*)(?:\"[^\"]*\"|'[^']*'|[^\r\n,;}]*)"), r"\1" + REDACTED),
    (lazy_regex(r"\bLOW\s+[^\s:]+:[^\s\"',;}]+"), "LOW " + REDACTED),
    (lazy_regex(r"(?i)\b((?:ia[_-]?)?(?:access|secret)[_-]?key)(\"?\s*[:=]\s*\"?)([^\s\"',&;}]+)"), r"\1\2" + REDACTED),
    # the password of a URL's userinfo (``https://user:secret@host``): a base URL in the config
    # or the environment may carry one, and errors name the base
    (lazy_regex(r"(?i)\b([a-z][a-z0-9+.\-]*://[^/\s:@]*:)[^/\s@]+@"), r"\1" + REDACTED + "@"),
]


def add_secret(value: str | None) -> None:
    """Redact ``value`` from everything printed or stored from now on (config secrets)."""
    if value and len(value.strip()) >= _MIN_SECRET:
        _registered.add(value.strip())


def known_secrets() -> list[str]:
    """Registered secrets and the archive.org keys in the environment, longest first."""
    found = set(_registered)
    for name in _SECRET_ENV:
        value = (os.environ.get(name) or "").strip()
        if len(value) >= _MIN_SECRET:
            found.add(value)
    return sorted(found, key=len, reverse=True)


def redact(text) -> str:
    """``text`` with known secrets and credential shapes replaced by ``[REDACTED]``."""
    if not text:
        return "" if text is None else str(text)
    text = str(text)
    for secret in known_secrets():
        if secret in text:
            text = text.replace(secret, REDACTED)
    lowered = text.lower()
    # each pattern names a word of its own (case-blind "auth…", "…key", "LOW", "://"): a line
    # with none of them is left alone at once (18,000 import lines were 72,000 regex scans)
    if "auth" in lowered or "key" in lowered or "LOW" in text or "://" in text:
        for rx, repl in _PATTERNS:
            text = rx.sub(repl, text)
    return text


def redact_data(data):
    """A JSON-like structure with every string value redacted (keys -- URLs -- kept)."""
    if isinstance(data, str):
        return redact(data)
    if isinstance(data, dict):
        return {k: redact_data(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [redact_data(v) for v in data]
    return data


def message(text) -> str:
    """An error, warning or status line: secrets redacted, one terminal-safe line."""
    return terminal(redact(text))


# --------------------------------------------------------------------------- values from afar

MAX_ECHO = 80  # characters of a key or value a message repeats
_NETWORK_UNSAFE = lazy_regex("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def short(text, limit: int = MAX_ECHO) -> str:
    """``text`` cut to ``limit`` characters and ``…``: a message names a key or a value, it
    does not repeat 50 KB of it."""
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def network_text(text: str) -> str:
    """A value a server sent, fit to be written into a .bib: C0 and C1 controls, ESC, DEL and
    bidi overrides/isolates removed (a tab or line break becomes a space). ``tag`` refuses such
    characters from a person; from a registry they are dropped (nobody to ask)."""
    if not text:
        return text
    text = text.replace("\t", " ").replace("\n", " ")
    return _NETWORK_UNSAFE.sub("", text)
