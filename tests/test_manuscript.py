"""The manuscript workflow: which keys a paper cites (Markdown, LaTeX, .docx), its own numbered
list, and one combined citation with locators."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from annobib.manuscript import scan_latex, scan_markdown
from annobib.manuscript.read import read_paper
from conftest import run_cli
from test_format_cli import BIB

MORE = r"""
@book{keohane1984,
  author = {Keohane, Robert O.}, title = {After Hegemony}, publisher = {Princeton University Press},
  location = {Princeton}, date = {1984}, langid = {english}, doi = {10.1515/9781400820269},
}
@book{parent2020, editor = {Smith, Adam}, title = {The Whole Book}, publisher = {Polity}, location = {Cambridge},
  date = {2020}, langid = {english}}
@incollection{child2020, author = {Jones, Bea}, title = {A Chapter}, crossref = {parent2020}, pages = {1--20},
  langid = {english}}
"""


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB + MORE, encoding="utf-8")
    return path


def keys(groups):
    return [[(c.key, c.locator) for c in g] for g in groups]


def test_markdown_citations_groups_locators_and_what_is_not_a_citation():
    text = """美菲 [@liu2025meifei, p. 25] 与 [see @morrow1991, pp. 904-905; @dod2025].
Write to a@b.com or x.y@z.org; @keohane1984 argues. `@incode`
```
@fenced
```
[-@{odd:key}, 第3页] and [a link](http://x/@notme).
"""
    assert keys(scan_markdown(text)) == [
        [("liu2025meifei", "25")],
        [("morrow1991", "904-905"), ("dod2025", None)],
        [("keohane1984", None)],
        [("odd:key", "3")],
    ]
    # the key's trailing full stop is punctuation, not part of it
    assert keys(scan_markdown("As @keohane1984.")) == [[("keohane1984", None)]]


def test_latex_citations_with_notes_multicites_and_comments():
    text = r"""\autocite[25]{liu2025meifei} and \parencite[see][904]{morrow1991,dod2025}
% \cite{commented}
\textcite{keohane1984} \autocites[3]{a}[7]{b} \citep{c} 100\% \nocite{*}"""
    groups, everything = scan_latex(text)
    assert keys(groups) == [
        [("liu2025meifei", "25")],
        [("morrow1991", None), ("dod2025", "904")],
        [("keohane1984", None)],
        [("a", "3"), ("b", "7")],
        [("c", None)],
    ]
    assert everything


def test_format_manuscript_numbers_from_one_and_warns_about_missing_keys(bib, tmp_path):
    paper = tmp_path / "paper.md"
    paper.write_text("First [@morrow1991]. Then [@liu2025meifei; @nosuch].\nAgain [@morrow1991].\n", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "--to", "text"])
    lines = r.stdout.splitlines()
    assert len(lines) == 2 and lines[0].startswith("[1] Morrow J D.") and lines[1].startswith("[2] 刘琳.")
    assert "paper.md:1: no entry with key nosuch" in r.stderr
    assert r.exit_code == 1  # printed, but a paper citing a missing key is a finding
    # author-date and APA: sorted, not numbered
    r = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "--style", "apa", "--to", "text"])
    assert [line[:6] for line in r.stdout.splitlines()] == ["Liu, L", "Morrow"]
    r = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "--order", "file", "--to", "text"])
    assert [line[:6] for line in r.stdout.splitlines()] == ["[1] 刘琳", "[2] Mo"]  # the .bib's order
    r = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "liu2025meifei"])
    assert r.exit_code == 2


def test_a_chapter_cited_alone_inherits_its_book(bib, tmp_path):
    paper = tmp_path / "paper.tex"
    paper.write_text(r"\cite{child2020}", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "--to", "text"])
    assert r.exit_code == 0, r.stderr
    assert (
        r.stdout.count("\n") == 1
        and "//Smith A. The whole book. Cambridge：Polity，2020：1-20" in r.stdout
        and r.stdout.startswith("[1] Jones B")
    )


def _docx(body_xml: str, notes_xml: str = "") -> bytes:
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        z.writestr("word/document.xml", f"<w:document {w}><w:body>{body_xml}</w:body></w:document>")
        if notes_xml:
            z.writestr("word/footnotes.xml", f"<w:footnotes {w}>{notes_xml}</w:footnotes>")
    return buf.getvalue()


def _zotero_field(items: list[dict], shown: str) -> str:
    payload = json.dumps({"citationItems": items}).replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
    return (
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>ADDIN ZOTERO_ITEM CSL_CITATION '
        f'{payload}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def test_docx_zotero_fields_better_bibtex_keys_and_typed_keys_in_reading_order(bib, tmp_path):
    body = (
        "<w:p><w:r><w:t>Typed [@dod2025] first.</w:t></w:r>"
        '<w:r><w:footnoteReference w:id="1"/></w:r>'
        + _zotero_field(
            [
                {"itemData": {"title": "After hegemony", "DOI": "10.1515/9781400820269"}, "locator": "25"},
                {"itemData": {"title": "Unknown work"}},
            ],
            "(Keohane 1984)",
        )
        + "</w:p>"
    )
    note = (
        '<w:footnote w:id="1"><w:p>'
        + _zotero_field([{"itemData": {"title": "x", "citation-key": "morrow1991"}}], "Morrow 1991")
        + "</w:p></w:footnote>"
    )
    paper = tmp_path / "paper.docx"
    paper.write_bytes(_docx(body, note))
    got = keys(read_paper(str(paper)).groups)
    assert got[0] == [("dod2025", None)] and got[1] == [("morrow1991", None)]
    assert got[2][0] == ("", "25")  # matched later by DOI / title
    r = run_cli(["--bib", str(bib), "format", "--manuscript", str(paper), "--to", "text"])
    assert [line[:4] for line in r.stdout.splitlines()] == ["[1] ", "[2] ", "[3] "]
    assert "U.S. Department" in r.stdout.splitlines()[0] and "Keohane" in r.stdout.splitlines()[2]
    assert "(Zotero item) Unknown work" in r.stderr


@pytest.mark.parametrize(
    "args, expected",
    [
        (["liu2025meifei", "morrow1991", "dod2025", "keohane1984"], "[1-4]"),
        (["--manuscript", "{paper}", "keohane1984", "morrow1991", "dod2025"], "[1, 3, 4]"),
        (["liu2025meifei", "--at", "25"], "[2]25"),
        (["--system", "author-date", "liu2025meifei", "morrow1991"], "（刘琳，2025；Morrow，1991）"),
        (["--system", "author-date", "liu2025meifei", "--at", "26"], "（刘琳，2025）26"),
        (["--system", "author-date", "--edition", "2015", "morrow1991", "liu2025meifei"], "(Morrow, 1991; 刘琳, 2025)"),
        (["--style", "apa", "morrow1991", "liu2025meifei"], "(Liu, 2025; Morrow, 1991)"),
        (["--style", "apa", "morrow1991", "--at", "25"], "(Morrow, 1991, p. 25)"),
        (
            ["--style", "apa", "morrow1991", "keohane1984", "--at", "904-905", "--at", "chap. 3"],
            "(Keohane, 1984, chap. 3; Morrow, 1991, pp. 904–905)",
        ),
    ],
)
def test_cite_gives_one_combined_citation(bib, tmp_path, args, expected):
    paper = tmp_path / "paper.md"
    paper.write_text("[@keohane1984] [@liu2025meifei] [@morrow1991; @dod2025]", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "cite", *[a.replace("{paper}", str(paper)) for a in args]])
    assert (r.exit_code, r.stdout.strip()) == (0, expected), r.stderr


def test_cite_json_marks_the_raised_locator_and_refuses_extra_locators(bib):
    r = run_cli(["--bib", str(bib), "cite", "liu2025meifei", "--at", "25", "--json"])
    assert json.loads(r.stdout)["parts"] == [{"text": "[2]", "superscript": False}, {"text": "25", "superscript": True}]
    r = run_cli(["--bib", str(bib), "cite", "liu2025meifei", "--at", "1", "--at", "2"])
    assert r.exit_code == 2 and "--at" in r.stderr


def test_cite_numbers_without_formatting_match_the_formatted_list(bib):
    """cite's numeric fast path numbers exactly as the whole formatted list does (xdata dropped too)."""
    from annobib.bib import read_library
    from annobib.manuscript.cited import numbered
    from annobib.styles import format_bibliography
    from test_manuscript_pandoc import ARTICLE

    for path in (bib, ARTICLE):
        entries = read_library(path).entries
        full = {r.key: r.number for r in format_bibliography(entries)}
        assert {k: r.number for k, r in numbered(entries).items()} == full and len(full) > 5


def test_markdown_scan_is_linear_in_the_number_of_citations():
    """100,000 ``[@key]`` citations (600 KB): each bare-``@`` match used to scan every bracket
    before it (quadratic: 100,000 did not finish in 120 s). A bisect keeps it linear."""
    import time

    text = "[@h1] " * 100_000 + "and @tail."
    start = time.process_time()
    groups = scan_markdown(text)
    spent = time.process_time() - start
    assert len(groups) == 100_001
    assert keys(groups[-2:]) == [[("h1", None)], [("tail", None)]]
    assert spent < 3.0, f"{spent:.2f} s CPU for 100,000 citations"


@pytest.mark.parametrize("shape", ["nest", "opt"])
def test_nested_latex_cites_stay_linear_in_memory(shape):
    """``\\cite{\\cite{…`` and ``\\cite[\\cite[…`` once copied the rest of the text once per level:
    30,000 levels took 2.6 GB. A key list holds no brace or backslash, and a note is bounded."""
    import tracemalloc

    n = 20_000
    text = "\\cite{" * n + "liu2025meifei" + "}" * n if shape == "nest" else "\\cite[" * n + "]{liu2025meifei}"
    tracemalloc.start()
    try:
        groups, _everything = scan_latex(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 << 20, f"peaked at {peak >> 20} MB"
    assert ("liu2025meifei", None) in [c for g in keys(groups) for c in g]


def test_latex_notes_with_commands_and_nested_braces_still_read():
    groups, _ = scan_latex(r"a \cite[see][\S~3]{x} b \cite[p.~\pageref{y}]{z} c \cite{\cite{w}}")
    assert keys(groups) == [[("x", r"\S~3")], [("z", r"p.~\pageref{y}")], [("w", None)]]
