"""The pandoc filter in a note style: each citation a footnote with the text `format --manuscript`
gives it (first in full, later short or 同上), citations inside footnotes written in place, a
bibliography for Chicago and none for cn-notes; by hand-made AST, and through a real pandoc."""

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


def _pandoc() -> str | None:
    from annobib.manuscript.pandoc import find_pandoc

    return find_pandoc()


def _cite(key, suffix="", mode="NormalCitation"):
    c = {
        "citationId": key,
        "citationPrefix": [],
        "citationMode": {"t": mode},
        "citationNoteNum": 1,
        "citationHash": 0,
        "citationSuffix": [{"t": "Str", "c": suffix}] if suffix else [],
    }
    return {"t": "Cite", "c": [[c], [{"t": "Str", "c": f"[@{key}]"}]]}


def _text(inlines) -> str:
    from annobib.manuscript.pandoc import _stringify

    return _stringify(inlines).replace("“", "“")


def _filter(doc, style):
    meta = {"annobib-style": {"t": "MetaInlines", "c": [{"t": "Str", "c": style}]}}
    r = run_cli(["--bib", str(ARTICLE), "pandoc-filter"], input=json.dumps({**doc, "meta": meta}))
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _paper(*inlines):
    return {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": [{"t": "Para", "c": list(inlines)}]}


S = {"t": "Space"}


def test_cn_notes_citations_become_footnotes_with_ibid_and_no_list():
    in_note = {
        "t": "Note",
        "c": [
            {
                "t": "Para",
                "c": [{"t": "Str", "c": "另见"}, _cite("lin2025aoda", mode="AuthorInText"), {"t": "Str", "c": "。"}],
            }
        ],
    }
    doc = _paper(
        {"t": "Str", "c": "一"},
        S,
        _cite("liu2025meifei", ", p. 25"),
        {"t": "Str", "c": "。"},
        {"t": "Str", "c": "二"},
        _cite("liu2025meifei", ", p. 26"),
        {"t": "Str", "c": "，三"},
        in_note,
        {"t": "Str", "c": "四"},
        _cite("lin2025aoda"),
    )
    out = _filter(doc, "cn-notes")
    para = out["blocks"][0]["c"]
    assert len(out["blocks"]) == 1  # cn-notes: footnotes only, no reference list
    assert [i["t"] for i in para] == ["Str", "Str", "Note", "Str", "Str", "Note", "Str", "Note", "Str", "Note"]
    assert para[1] == {"t": "Str", "c": "。"}  # the mark after the punctuation, no space before it
    notes = [_text(i["c"]) for i in para if i["t"] == "Note"]
    assert (
        notes[0] == "刘琳：《美菲“肩并肩 2025”，美国新版“印太战略”现端倪》，载《世界知识》2025 年第 10 期，第 25 页。"
    )
    assert notes[1] == "同上，第 26 页。"
    assert notes[2] == "另见林铎：《澳大利亚联盟党的“中国牌”打不动了》，载《世界知识》2025 年第 10 期，第 44—45 页。"
    assert notes[3] == "同上。"  # the note before (the author's own) cited it alone


def test_chicago_footnotes_and_the_bibliography():
    doc = _paper(
        {"t": "Str", "c": "A"},
        S,
        _cite("morrow1991alliances", ", p. 910"),
        {"t": "Str", "c": "."},
        S,
        {"t": "Str", "c": "B"},
        S,
        _cite("morrow1991alliances", ", p. 911"),
        {"t": "Str", "c": "."},
    )
    out = _filter(doc, "chicago")
    notes = [_text(i["c"]) for i in out["blocks"][0]["c"] if i["t"] == "Note"]
    assert notes[0].startswith("James D. Morrow, “Alliances and Asymmetry: An Alternative") and notes[0].endswith(
        "(1991): 910."
    )
    assert notes[1] == "Morrow, “Alliances and Asymmetry,” 911."  # Chicago 17: short, no Ibid.
    refs = out["blocks"][-1]
    assert refs["c"][0][0] == "refs" and _text(refs["c"][1][0]["c"][1]).startswith("Morrow, James D. “Alliances")


PAPER = """---
bibliography: {bib}
---

北约与美菲同盟 [@liu2025meifei, 第 25 页]。同一文章 [@liu2025meifei, 26]。
Alliances [@morrow1991alliances, p. 904]. 澳大利亚 [@lin2025aoda; @han2021tongmeng]。
A footnote of the author's own.^[另见 @wang2025telang。] Again [@morrow1991alliances, p. 910].
And the drill [@liu2025meifei] once more [@sen2025national].
"""


def _run(args, cwd):
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"))
    env.pop("ANNOBIB_BIB", None)
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(_pandoc() is None, reason="no pandoc (pip install pypandoc-binary)")
@pytest.mark.parametrize("style", ["cn-notes", "chicago"])
def test_a_paper_through_pandoc_has_the_notes_format_manuscript_gives(tmp_path, style):
    paper = tmp_path / "paper.md"
    paper.write_text(PAPER.format(bib=ARTICLE), encoding="utf-8")
    filt = tmp_path / "annobib-pandoc-filter"
    filt.write_text(f"#!{sys.executable}\nfrom annobib.commands.pandoc_filter import main\nmain()\n", encoding="utf-8")
    filt.chmod(0o755)
    listed = run_cli(["--bib", str(ARTICLE), "format", "--manuscript", str(paper), "--style", style, "--to", "text"])
    expected = [re.sub(r"^\[\d+\] ", "", line) for line in listed.stdout.splitlines() if line.strip()]
    assert len(expected) == 8  # one note per citation, numbered by position
    assert expected[1] == (
        "同上，第 26 页。" if style == "cn-notes" else "Liu, “Mei-Fei ‘jianbingjian 2025’, Meiguo,” 26."
    )
    pandoc = [_pandoc(), str(paper), "--filter", str(filt), "-M", f"annobib-style={style}"]
    plain = _run(pandoc + ["-t", "plain", "--wrap=none"], tmp_path)
    body, _, notes_part = plain.partition("\n[1] ")
    notes = re.split(r"\n+\[\d+\] ", "[1] " + notes_part)
    notes = [n.strip() for n in notes if n.strip()]
    notes[0] = notes[0].removeprefix("[1] ")
    if style == "chicago":  # the bibliography, between the text and the notes
        assert "Morrow, James D. “Alliances and Asymmetry" in body
    else:
        assert "Morrow, James D." not in body and "Alliances and Asymmetry" not in body
    own = "另见 " + expected[4].rstrip("。.")  # the author's footnote: the citation written in place
    assert notes == expected[:4] + [own + ("。" if style == "cn-notes" else "。")] + expected[5:]
    assert "同盟。[1]同一文章。[2] Alliances.[3]" in body  # marks after the punctuation, no space before
    assert not re.search(r" \[\d\]|\[\d\][。.]", body)
    md = _run(pandoc + ["-t", "markdown", "--wrap=none"], tmp_path)
    defs = re.findall(r"(?m)^\[\^(\d+)\]: ", md)
    assert defs == [str(n) for n in range(1, 9)] and "A footnote of the author's own.[^5] Again.[^6]" in md
    assert ("[^2]: [同上，第 26 页。]" if style == "cn-notes" else '[^2]: [Liu, "Mei-Fei') in md
    docx = tmp_path / "paper.docx"
    _run(pandoc + ["-o", str(docx)], tmp_path)
    xml = zipfile.ZipFile(docx).read("word/footnotes.xml").decode("utf-8")
    paras = [
        "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    ]
    paras = [html.unescape(p).strip() for p in paras if p.strip()]
    assert paras == notes


def test_a_narrative_citation_keeps_the_names_in_the_sentence():
    doc = _paper(_cite("morrow1991alliances", mode="AuthorInText"), S, {"t": "Str", "c": "argues"})
    span = _filter(doc, "chicago")["blocks"][0]["c"][0]
    assert span["t"] == "Span" and span["c"][1][0] == {"t": "Str", "c": "Morrow"}  # Morrow¹ argues
    assert span["c"][1][1]["t"] == "Note" and _text(span["c"][1][1]["c"]).startswith("James D. Morrow, “Alliances")
    span = _filter(_paper(_cite("liu2025meifei", mode="AuthorInText")), "cn-notes")["blocks"][0]["c"][0]
    assert span["c"][1][0] == {"t": "Str", "c": "刘琳"} and span["c"][1][1]["t"] == "Note"


def test_cite_in_a_note_style_prints_the_footnote():
    r = run_cli(["--bib", str(ARTICLE), "cite", "--style", "cn-notes", "liu2025meifei", "--at", "25"])
    assert r.exit_code == 0 and r.stdout.strip() == (
        "刘琳：《美菲“肩并肩 2025”，美国新版“印太战略”现端倪》，载《世界知识》2025 年第 10 期，第 25 页。"
    )
    r = run_cli(["--bib", str(ARTICLE), "cite", "--style", "chicago", "--json", "morrow1991alliances", "--at", "910"])
    got = json.loads(r.stdout)
    assert got["citation"].startswith("James D. Morrow, “Alliances") and got["citation"].endswith("(1991): 910.")
