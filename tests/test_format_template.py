"""The template layer (annobib.styles.template) and the APA style declared on it."""

from __future__ import annotations

import pytest

from annobib.bib import parse_library
from annobib.render import render
from annobib.styles import format_entry
from annobib.styles.template import (
    FieldIsMissing,
    field,
    first_of,
    join,
    lead,
    optional,
    optional_field,
    sentence,
    tag,
    words,
)


class Ctx:
    def __init__(self, **values):
        self.values = values

    def field(self, name):
        return self.values.get(name, "")


def text(template, **values) -> str:
    return render(template.format(Ctx(**values)), "text")


def test_optional_drops_the_punctuation_of_a_missing_field():
    t = sentence[
        field("journal"),
        optional[field("volume"), optional["(", field("number"), ")"]],
        optional["pp. ", field("pages")],
    ]
    assert text(t, journal="J", volume="3", number="2", pages="1–9") == "J, 3(2), pp. 1–9."
    assert text(t, journal="J", volume="3") == "J, 3."
    assert text(t, journal="J", number="2", pages="5") == "J, pp. 5."  # no volume: its issue goes too
    with pytest.raises(FieldIsMissing):
        t.format(Ctx(volume="3"))  # a required field


def test_join_separators_first_of_words_and_tags():
    names = join(sep=", ", last_sep=", & ", pair_sep=" & ")
    assert text(names[field("a"), field("b")], a="X", b="Y") == "X & Y"
    assert text(names[field("a"), optional[field("b")], field("c")], a="X", c="Z") == "X & Z"
    assert text(names["A", "B", "C"]) == "A, B, & C"
    assert text(first_of[field("short"), field("title"), "Anon"], title="T") == "T"
    assert text(first_of[field("short"), field("title"), "Anon"]) == "Anon"
    assert text(words["In", optional[field("eds")], field("book")], book="B") == "In B"
    rt = sentence(sep="")[tag("italic")[field("title")]].format(Ctx(title="Why?"))
    assert render(rt, "html") == "<i>Why?</i>"  # no period after a question mark
    assert text(field("t", apply=str.upper), t="abc") == "ABC"


def test_templates_are_values_children_and_options_compose():
    base = sentence(sep="; ")
    a, b = base[field("x")], base[field("x"), field("y")]
    assert text(a, x="1", y="2") == "1." and text(b, x="1", y="2") == "1; 2."


def test_apa_article_without_journal_drops_the_comma():
    lib = parse_library(r"""@article{doe, author = {Doe, Jane}, title = {A Study}, volume = {1}, number = {2},
      pages = {3--4}, date = {2020}, langid = {english}}""")
    assert render(format_entry(lib.get("doe"), style="apa"), "text") == "Doe, J. (2020). A study. 1(2), 3–4."


@pytest.mark.parametrize(
    "fields,tail",
    [
        ("volume = {35}, number = {2}, pages = {904--933}", "J，1991，35（2）：904-933."),
        ("number = {2}, pages = {904--933}", "J，1991（2）：904-933."),  # no volume: the issue joins the year
        ("volume = {35}, pages = {904--933}", "J，1991，35：904-933."),
        ("pages = {904--933}", "J，1991：904-933."),
        ("", "J，1991."),
    ],
)
def test_gbt_journal_template_each_element_brings_its_separator(fields, tail):
    lib = parse_library(
        "@article{m, author = {Morrow, James D.}, title = {Alliances}, journaltitle = {J}, "
        "date = {1991}, langid = {english}, " + fields + "}"
    )
    assert render(format_entry(lib.get("m")), "text") == "Morrow J D. Alliances[J]. " + tail


def test_optional_field_and_lead_separators():
    t = sentence[
        join(sep=", ")[
            optional_field("j"), optional_field("y"), lead("", optional_field("n")), lead(": ", optional_field("p"))
        ]
    ]
    assert text(t, j="J", y="2025", n="(10)", p="25") == "J, 2025(10): 25."
    assert text(t, j="J", p="25") == "J: 25."
    assert text(t) == ""


def test_gbt_blocks_close_each_block_and_leave_the_host_part_open():
    from annobib.styles.gbt7714 import blocks

    t = join(sep="//")[blocks(final=False)[field("a"), optional_field("t")], blocks[field("b"), optional_field("p")]]
    assert (
        text(t, a="刘琳", t="题名[M]", b="编者", p="北京：出版社，2020") == "刘琳. 题名[M]//编者. 北京：出版社，2020."
    )
    assert text(t, a="Who?", b="B") == "Who?//B."  # a missing block takes its period with it
    assert text(t, b="B", p="P.") == "B. P."  # nothing before the host: no //
    assert text(blocks[field("a"), field("b")], b="B") == "B."  # a missing required field empties its block alone
