"""Plain text written to a .bib (import from RIS/CSL-JSON, extract, what a person typed) is text
for BibTeX, biber and LaTeX: no ``\\input``/``\\write18`` left live, braces that BibTeX counts
balanced, and annobib reads it back as the same text."""

from __future__ import annotations

import re

import pytest

from annobib.bib.latex import plain_to_latex
from annobib.bib.library import parse_library
from annobib.bib.writer import serialize_entry
from annobib.exchange.common import decode_latex, encode_latex
from annobib.model import Entry
from conftest import run_cli

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# the escapes plain_to_latex emits: nothing else may follow a backslash in what it writes
_EMITTED = {"textbackslash", "textbraceleft", "textbraceright", "textasciicircum", "textasciitilde"}
_EMITTED |= {"textasciigrave", "%", "&", "#", "$", "_"}
_COMMAND = re.compile(r"\\([A-Za-z]+|.)", re.S)

HOSTILE = [
    r"Title \input /etc/passwd \immediate\write18{touch /tmp/x}",
    "}\n@misc{pwned, title={x}}\n",
    r"\catcode`\{=1 \def\x{y} \x",
    "by up to about 2% & #1 for $5, a_b, x^2, ~home, `quote' and ''double'' --- or -- not",
    "ends with a backslash \\",
    "{{{ unbalanced",
    "}}} closing first {",
    "\u00a0no-break\u00a0space",
]


def bibtex_braces_balanced(value: str) -> bool:
    """Braces as BibTeX counts them: every one, a backslash before it or not."""
    depth = 0
    for ch in value:
        depth += ch == "{"
        depth -= ch == "}"
        if depth < 0:
            return False
    return depth == 0


def round_trip(value: str, name: str = "title") -> tuple[str, str]:
    """(the value as written in the .bib, the value annobib reads back from it)."""
    written = serialize_entry(Entry(key="k", type="misc", fields={name: encode_latex(value, name)}))
    entry = parse_library(written).entries[0]
    return entry.fields[name], decode_latex(entry.fields[name], name)


def check(value: str, name: str = "title") -> None:
    raw, back = round_trip(value, name)
    assert back == value, (value, raw, back)
    assert bibtex_braces_balanced(raw), raw
    assert {m.group(1) for m in _COMMAND.finditer(raw)} <= _EMITTED, raw


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_plain_values_are_text_and_read_back_the_same(value):
    check(value)


_ALPHABET = st.sampled_from(list("\\{}%&#$_^~`'-\"@, ab\nZ1é中") + ["\u00a0", "@misc{", "\\input", "--", "''"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, min_size=1, max_size=30).map("".join))
def test_any_plain_value_round_trips(value):
    value = value.strip()
    if value:
        check(value)


def test_verbatim_fields_and_page_ranges_are_left_as_written():
    url = "https://example.org/a_b?x=1&y=%20#top"
    assert plain_to_latex(url, "url") == url
    assert encode_latex("10.1000/a_b%", "doi") == "10.1000/a_b%"
    assert plain_to_latex("25--27", "pages") == "25--27"
    assert plain_to_latex("{World Bank} and Smith_1", "author", keep_braces=True) == "{World Bank} and Smith\\_1"


def test_ris_csl_json_and_extracted_notes_write_no_live_latex(tmp_path):
    ris = tmp_path / "in.ris"
    ris.write_text("TY  - JOUR\nAU  - Smith, J\nTI  - " + HOSTILE[0] + "\nPY  - 2020\nER  - \n", encoding="utf-8")
    csl = tmp_path / "in.json"
    csl.write_text(
        '[{"id":"z","type":"book","title":"T \\\\input x","author":[{"family":"New York Times"},'
        '{"literal":"}{ Org \\\\x"}],"issued":{"date-parts":[[2020]]}}]',
        encoding="utf-8",
    )
    notes = tmp_path / "n.txt"
    notes.write_text("1. Smith J. Title \\input /etc/passwd more. J, 2020.\n", encoding="utf-8")
    bib = tmp_path / "out.bib"
    for src in (ris, csl):
        r = run_cli(["--bib", str(bib), "import", str(src)])
        assert r.exit_code == 0, r.stderr
    r = run_cli(["extract", "--notes", str(notes), "-o", "-"])
    assert r.exit_code == 0, r.stderr
    for text in (bib.read_text(encoding="utf-8"), r.stdout):
        assert "\\input" not in text and "\\write18" not in text and "\\x" not in text, text
    lib = parse_library(bib.read_text(encoding="utf-8"))
    by_key = {e.key: e for e in lib.entries}
    assert decode_latex(by_key["z"].fields["title"]) == "T \\input x"
    assert "{New York Times}" in by_key["z"].fields["author"]  # an organization stays one braced name
    assert decode_latex(lib.entries[0].fields["title"]) == HOSTILE[0]


def test_the_citing_sentence_is_written_as_text_and_read_back():
    """The ``citations`` field holds the article's sentence: plain text, as hostile as any note."""
    from annobib.model import Citation

    sentence = "He said \\input /etc/passwd at 50% & {x} -- ``q'' ~ a_b $5"
    e = Entry(key="k", type="misc")
    e.citations = [Citation(note=1, page=3, locator="25--27", context=sentence)]
    raw = e.fields["citations"]
    assert "\\input" not in raw and bibtex_braces_balanced(raw), raw
    written = parse_library(serialize_entry(e)).entries[0]
    [back] = written.citations
    assert (back.note, back.page, back.locator) == (1, 3, "25--27")
    assert back.context == sentence.replace("{", "(").replace("}", ")")


def test_control_characters_in_plain_text_are_dropped_not_written():
    """A registry's title holding ESC, an OSC 52 clipboard write or a C1 control: no text."""
    value = "Clip\x1b]52;c;ZXZpbA==\x07board \x9b2J and\ttab\nline"
    written = encode_latex(value)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", written), written
    assert decode_latex(written) == "Clip]52;c;ZXZpbA==board 2J and\ttab\nline"


def test_imported_keywords_stay_tags_that_read_back_as_typed():
    from annobib.editing import split_tags

    written = encode_latex("to_read, R&D, x--y, \\input", "keywords")
    assert "\\input" not in written
    assert split_tags(written)[:3] == ["to_read", "R&D", "x--y"]
