"""``annobib pandoc-filter``: on a hand-made AST, and through a real pandoc (skipped without one)."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO / "refs" / "article.bib"
TEN = [
    "morrow1991alliances",
    "liu2025meifei",
    "sen2025national",
    "usdod2025hegseth",
    "mofaoj2025japan",
    "kelly2025pentagons",
    "zgxww2025chaoxian",
    "reuters2025philippines",
    "whie2022indo",
    "lindsay2024election",
]


def _pandoc() -> str | None:
    from annobib.manuscript.pandoc import find_pandoc  # the one the filter and --to docx use

    return find_pandoc()


def _cite(key, suffix="", mode="NormalCitation", prefix=""):
    citation = {
        "citationId": key,
        "citationPrefix": [{"t": "Str", "c": prefix}] if prefix else [],
        "citationMode": {"t": mode},
        "citationNoteNum": 1,
        "citationHash": 0,
        "citationSuffix": [{"t": "Str", "c": suffix}] if suffix else [],
    }
    return {"t": "Cite", "c": [[citation], [{"t": "Str", "c": f"[@{key}]"}]]}


def _ast(*inlines, meta=None):
    return {"pandoc-api-version": [1, 23, 1], "meta": meta or {}, "blocks": [{"t": "Para", "c": list(inlines)}]}


def test_filter_replaces_citations_and_appends_the_list():
    doc = _ast(_cite("morrow1991alliances", ", p. 25"), {"t": "Space"}, _cite("liu2025meifei"), _cite("nosuch"))
    r = run_cli(["--bib", str(ARTICLE), "pandoc-filter", "html"], input=json.dumps(doc))
    assert r.exit_code == 0, r.stderr
    out = json.loads(r.stdout)
    para, refs = out["blocks"][0]["c"], out["blocks"][-1]
    first = para[0]["c"][1][0]  # GB/T numeric: the whole citation raised, the page raised inside it
    assert first["t"] == "Superscript" and first["c"][0] == {"t": "Str", "c": "[1]"}
    assert first["c"][1] == {"t": "Superscript", "c": [{"t": "Str", "c": "25"}]}
    assert para[3]["t"] == "Cite"  # a missing key keeps pandoc's own text
    assert "no entry with key nosuch" in r.stderr
    assert refs["c"][0][0] == "refs" and [d["c"][0][0] for d in refs["c"][1]] == [
        "ref-morrow1991alliances",
        "ref-liu2025meifei",
    ]


@pytest.mark.parametrize(
    "bad",
    [
        {"t": "Cite"},
        {"t": "Cite", "c": None},
        {"t": "Cite", "c": [None, None]},
        {"t": "Cite", "c": [[1, "a", []], []]},
        {"t": "Cite", "c": [[], []]},
        {"t": "Cite", "c": [[{"citationId": "x"}]]},
    ],
)
def test_a_cite_of_another_shape_is_left_as_written(bad):
    doc = _ast(bad, {"t": "Space"}, _cite("morrow1991alliances"))
    r = run_cli(["--bib", str(ARTICLE), "pandoc-filter", "html"], input=json.dumps(doc))
    assert r.exit_code == 0, r.stderr
    para = json.loads(r.stdout)["blocks"][0]["c"]
    assert para[0] == bad and para[2]["t"] == "Span"  # the good one beside it is still replaced


def test_an_ast_nested_past_the_cap_is_one_line():
    # 1,200 levels stop the C decoder; 900 are decoded but would overflow the walks over the tree;
    # 300 are read, and the citation inside is replaced
    for wraps, code in ((600, 2), (450, 2), (150, 0)):
        text = json.dumps(_cite("morrow1991alliances"))
        for _ in range(wraps):
            text = '{"t": "Emph", "c": [' + text + "]}"
        doc = '{"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [{"t": "Para", "c": [' + text + "]}]}"
        r = run_cli(["--bib", str(ARTICLE), "pandoc-filter", "html"], input=doc)
        assert r.exit_code == code, (wraps, r.stderr)
        if code:
            assert "nested more than" in r.stderr and "Traceback" not in r.stderr + r.stdout
        else:
            assert '"Span"' in r.stdout


def test_filter_reads_style_from_metadata_and_writes_narrative_citations():
    meta = {"annobib-style": {"t": "MetaInlines", "c": [{"t": "Str", "c": "apa"}]}}
    doc = _ast(_cite("morrow1991alliances", mode="AuthorInText"), meta=meta)
    r = run_cli(["--bib", str(ARTICLE), "pandoc-filter"], input=json.dumps(doc))
    span = json.loads(r.stdout)["blocks"][0]["c"][0]
    assert span["t"] == "Span" and [i.get("c") for i in span["c"][1]] == ["Morrow", None, "(1991)"]
    doc = _ast(_cite("morrow1991alliances", ", p. 25", prefix="see"), meta=meta)
    r = run_cli(["--bib", str(ARTICLE), "pandoc-filter"], input=json.dumps(doc))
    span = json.loads(r.stdout)["blocks"][0]["c"][0]
    assert " ".join(i["c"] for i in span["c"][1] if i["t"] == "Str") == "(see Morrow, 1991, p. 25)"
    r = run_cli(["--bib", str(ARTICLE), "pandoc-filter"], input="not json")
    assert r.exit_code == 2 and "JSON AST" in r.stderr


@pytest.mark.skipif(_pandoc() is None, reason="no pandoc (pip install pypandoc-binary)")
@pytest.mark.parametrize("style", [["--style", "gbt7714"], ["--style", "apa"]], ids=["gbt7714", "apa"])
def test_a_paper_through_pandoc_lists_what_format_manuscript_lists(tmp_path, style):
    paper = tmp_path / "paper.md"
    body = " ".join(f"Claim {i} [@{k}, p. {i + 1}]." for i, k in enumerate(TEN))
    paper.write_text(
        f"---\nbibliography: {ARTICLE}\nannobib-style: {style[1]}\n---\n\n{body} Again @{TEN[0]}.\n", encoding="utf-8"
    )
    filt = tmp_path / "annobib-filter"
    filt.write_text(f"#!{sys.executable}\nfrom annobib.commands.pandoc_filter import main\nmain()\n", encoding="utf-8")
    filt.chmod(0o755)
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"))
    env.pop("ANNOBIB_BIB", None)
    done = subprocess.run(
        [_pandoc(), str(paper), "--filter", str(filt), "-t", "plain", "--wrap=none"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    expected = run_cli(["--bib", str(ARTICLE), "format", "--manuscript", str(paper), "--to", "text", *style]).stdout
    listed = [line for line in expected.splitlines() if line.strip()]
    assert len(listed) == 10
    got = [line for line in done.stdout.split("\n\n", 1)[1].splitlines() if line.strip()]
    assert got == listed
    # and as a Word document: its last ten paragraphs are the list
    docx = tmp_path / "paper.docx"
    done = subprocess.run(
        [_pandoc(), str(paper), "--filter", str(filt), "-o", str(docx)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    paras = ["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml)]
    paras = [html.unescape(p) for p in paras if p.strip()]
    assert paras[-10:] == listed
