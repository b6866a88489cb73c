"""The one LaTeX decoder (annobib.core.latex): display, the styles and the exchange formats."""

import pytest

from annobib import text
from annobib.core.latex import decode, latex_to_text, segments
from annobib.exchange.common import decode_latex
from annobib.styles import _fields

NBSP, THIN = "\u00a0", "\u2009"

# raw value -> what a reader sees (latex_to_text; decode differs only in ties and thin spaces)
CASES = [
    # accents in every brace form
    (r"Sol{\'\i}s", "Solís"),
    (r"Sol\'{\i}s", "Solís"),
    (r"Sol\'is", "Solís"),
    (r"{\"o}", "ö"),
    (r"\"{o}", "ö"),
    (r"\" o", "ö"),
    (r"{\' e}", "é"),
    (r"\v s", "š"),
    (r"\v{S}", "Š"),
    (r"\c{c}", "ç"),
    (r"\c c", "ç"),
    (r"\H{o}", "ő"),
    (r"\`{e}cole", "ècole"),
    (r"\`e", "è"),
    (r"Ng\~{u}y\^{e}n", "Ngũyên"),
    (r"\k{a}", "ą"),
    (r"\r{u}", "ů"),
    (r"\.{z}", "ż"),
    (r"\={o}", "ō"),
    (r"\u{g}", "ğ"),
    # letters and symbols
    (r"{\aa}", "å"),
    (r"\o", "ø"),
    (r"\ss{}e", "ße"),
    (r"\L{}ód\'z", "Łódź"),
    (r"\times", "×"),
    (r"and\slash or", "and/or"),
    (r"\textendash", "–"),
    (r"\ldots", "…"),
    # escapes, dashes, ties, quotes
    (r"Smith \& Wesson", "Smith & Wesson"),
    (r"50\%", "50%"),
    (r"\$5", "$5"),
    (r"a\_b", "a_b"),
    (r"\{x\}", "{x}"),
    (r"a\-b", "ab"),
    (r"a\\b", "a b"),
    (r"pp. 24--46", "pp. 24–46"),
    (r"A---B", "A—B"),
    (r"a~b", "a" + NBSP + "b"),
    (r"a\,b", "a" + THIN + "b"),
    (r"``quoted''", "“quoted”"),
    (r"`single'", "‘single’"),
    (r"l'homme", "l'homme"),
    # braces and commands
    (r"{NATO}", "NATO"),
    (r"{{Deep}}", "Deep"),
    (r"\emph{x} y", "x y"),
    (r"{\em x} y", "x y"),
    (r"\textbf{\textit{both}}", "both"),
    (r"\mkbibacro{NATO}", "NATO"),
    (r"\foo bar", "foobar"),
    (r"\url{http://a.b/~c--d}", "http://a.b/~c--d"),
    (r"\href{http://x}{text}", "text"),
    (r"\noopsort{a}Zed", "Zed"),
    (r"$x^2$", "x2"),
    (r"US$5", "US$5"),
    ("x  y\n z", "x y z"),
    ("", ""),
    ("plain", "plain"),
    ("刘琳--王", "刘琳–王"),
]


@pytest.mark.parametrize("raw, shown", CASES)
def test_table(raw, shown):
    assert latex_to_text(raw) == shown
    assert decode(raw) == shown.replace(NBSP, " ").replace(THIN, " ")


def test_every_caller_reads_through_the_one_decoder():
    # the names other packages import are this decoder, not copies of it
    assert text.latex_to_text is latex_to_text
    assert _fields.decode is decode and _fields.segments is segments
    assert decode_latex(r"Sol{\'\i}s --- {NATO}") == "Solís — NATO"
    assert decode_latex(r"http://a/~b--c", "url") == r"http://a/~b--c"  # verbatim fields untouched


def test_protection_and_cjk_dashes():
    assert segments(r"The {NATO} \mkbibacro{UN} \emph{alliance}") == (
        ("The ", False),
        ("NATO", True),
        (" ", False),
        ("UN", True),
        (" alliance", False),
    )
    assert segments(r"{\"O}sterreich") == (("Österreich", False),)  # a special character, not protection
    assert decode("中国--美国", cjk_dashes=True) == "中国—美国"
    assert decode("pp. 1--2") == "pp. 1–2"


def test_hostile_nesting_is_cheap_and_keeps_the_text():
    deep = "{" * 5000 + "x" + "}" * 5000
    assert latex_to_text(deep) == "x"


def test_exported_text_keeps_its_paragraphs():
    assert decode_latex("# Method\nSurvey --- {small} n.\n\nNext.") == "# Method\nSurvey — small n.\n\nNext."
    assert latex_to_text("a\n\nb --") == "a b –"


@pytest.mark.parametrize(
    "raw, shown",
    [
        (r"\mkbibacro{\"O}NB", "ÖNB"),
        (r"\emph{\'e}t\'e", "été"),
        (r"\textbf {\"O}", "Ö"),
        (r"{\'E}cole", "École"),
        (r"{\" o}", "ö"),
        (r"\v{s}\c{c}", "šç"),
        (r"\cite{x}", "x"),
        (r"\c cedilla", "çedilla"),
        (r"x\&y\_z\#1\%", "x&y_z#1%"),
    ],
)
def test_accents_next_to_commands(raw, shown):
    assert latex_to_text(raw) == shown and decode(raw) == shown
    assert segments(r"\mkbibacro{\"O}NB") == (("Ö", True), ("NB", False))


def test_duplicates_are_found_across_latex_and_unicode_accents():
    from annobib.dedupe import _fold

    assert _fold(r"Sol{\'\i}s, {\"O}sterreich") == _fold("Solís, Österreich") == "solisosterreich"


def test_name_lists_keep_their_letters_through_the_name_parser():
    from annobib.core.latex import decode_accents
    from annobib.exchange.csl_json import names_to_csl

    assert (
        decode_accents(r"Gr{\o}nlund, D. and {World Bank} and Gr\o nlund and \ss{}x")
        == "Grønlund, D. and {World Bank} and Grønlund and ßx"
    )
    assert names_to_csl(r"Gr{\o}nlund, David and M{\"u}ller, Jo and {World Bank}") == [
        {"family": "Grønlund", "given": "David"},
        {"family": "Müller", "given": "Jo"},
        {"literal": "World Bank"},
    ]
