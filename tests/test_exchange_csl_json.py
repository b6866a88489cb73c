"""CSL-JSON export/import: round trip, what pandoc reads, broken input."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from conftest import ARTICLE_BIB, run_cli

from annobib.bib import read_library
from annobib.exchange import csl_json
from annobib.model import Entry


def _entries(path):
    return {e.key: (e.type, dict(e.fields)) for e in read_library(path).entries}


def test_export_then_import_gives_back_the_same_entries(tmp_path):
    out = tmp_path / "refs.json"
    r = run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "csl-json", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    items = json.loads(out.read_text(encoding="utf-8"))
    assert len(items) == len(read_library(ARTICLE_BIB).entries)
    fresh = tmp_path / "fresh.bib"
    r = run_cli(["--bib", str(fresh), "import", str(out)])
    assert r.exit_code == 0, r.stderr
    assert _entries(fresh) == _entries(ARTICLE_BIB)


def test_csl_items_use_csl_vocabulary():
    entry = Entry(
        "liu2025meifei",
        "article",
        {
            "author": "刘琳 and Jervis, Robert and {U.S. Department of Defense}",
            "title": "美菲同盟",
            "journaltitle": "世界知识",
            "date": "2025-05",
            "number": "10",
            "pages": "25-27",
            "langid": "chinese",
            "url": "https://example.org/a_b?x=1",
        },
    )
    item = csl_json.entry_to_csl(entry)
    assert item["id"] == "liu2025meifei"
    assert item["type"] == "article-journal"
    assert item["author"] == [
        {"family": "刘", "given": "琳"},
        {"family": "Jervis", "given": "Robert"},
        {"literal": "U.S. Department of Defense"},
    ]
    assert item["container-title"] == "世界知识"
    assert item["issued"] == {"date-parts": [[2025, 5]]}
    assert item["issue"] == "10" and item["page"] == "25-27"
    assert item["language"] == "zh-CN"
    assert item["URL"] == "https://example.org/a_b?x=1"
    assert "custom" not in item  # everything had a CSL home
    back = csl_json.csl_to_entry(item)
    assert back.type == entry.type and back.fields == entry.fields


def test_latex_is_decoded_for_csl_and_kept_for_the_round_trip():
    entry = Entry("k", "book", {"title": "R\\&D in {NATO} \\'etudes", "date": "1999"})
    item = csl_json.entry_to_csl(entry)
    assert item["title"] == "R&D in NATO études"
    assert csl_json.csl_to_entry(item).fields == entry.fields  # original kept under custom


def test_zotero_style_items_import(tmp_path):
    items = [
        {
            "id": "http://zotero.org/users/1/items/ABC",
            "type": "chapter",
            "title": "Alliances",
            "container-title": "Handbook",
            "editor": [{"family": "Smith", "given": "Ann"}],
            "author": [{"family": "Morrow", "given": "James D."}],
            "publisher": "OUP",
            "publisher-place": "Oxford",
            "issued": {"date-parts": [["2001", "3"]]},
            "page": "55–88",
        }
    ]
    src = tmp_path / "z.json"
    src.write_text(json.dumps(items), encoding="utf-8")
    bib = tmp_path / "lib.bib"
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 0, r.stderr
    (entry,) = read_library(bib).entries
    assert entry.key == "morrow2001alliances"  # a key made like extract's, not Zotero's item URI
    assert "(was http://zotero.org/users/1/items/ABC)" in r.stderr
    assert entry.type == "incollection"
    assert entry.fields["booktitle"] == "Handbook"
    assert entry.fields["author"] == "Morrow, James D."
    assert entry.fields["date"] == "2001-03"
    assert entry.fields["pages"] == "55-88"
    assert entry.fields["location"] == "Oxford"


@pytest.mark.parametrize(
    "text, message",
    [
        ('[{"id": "a", "type": "book", "title": "x"', "not valid JSON"),
        ('{"hello": 1}', "not CSL-JSON"),
        ('[{"id": "a", "type": "book", "author": "Smith"}]', "name list"),
        ('[{"id": "a", "type": "book", "issued": "x", "title": ["ok"], "volume": {"x": 1}}]', "expected text"),
        ("[42]", "not a JSON object"),
    ],
)
def test_broken_csl_json_is_refused_and_nothing_written(tmp_path, text, message):
    bib = tmp_path / "lib.bib"
    bib.write_text("@book{old, title = {Old}, date = {2000}}\n", encoding="utf-8")
    before = bib.read_bytes()
    src = tmp_path / "bad.json"
    src.write_text(text, encoding="utf-8")
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert bib.read_bytes() == before


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_pandoc_citeproc_reads_the_csl_json(tmp_path):
    out = tmp_path / "refs.json"
    assert run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "csl-json", "-o", str(out)]).exit_code == 0
    doc = tmp_path / "d.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    p = subprocess.run(
        ["pandoc", str(doc), "--citeproc", "--bibliography", str(out), "-t", "plain"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0, p.stderr
    assert "WARNING" not in p.stderr and "rror" not in p.stderr
    assert "Alliances and Asymmetry" in p.stdout.replace("\n", " ")
    assert "刘琳" in p.stdout  # CJK family + given, no space


def test_organizations_stay_whole_in_every_script():
    value = "{中华人民共和国国务院新闻办公室} and 刘琳 and {U.S. Department of Defense} and others"
    item = csl_json.entry_to_csl(Entry("k", "report", {"author": value, "title": "白皮书", "date": "2019"}))
    assert item["author"] == [
        {"literal": "中华人民共和国国务院新闻办公室"},
        {"family": "刘", "given": "琳"},
        {"literal": "U.S. Department of Defense"},
    ]  # no "others" pseudo-person
    assert csl_json.names_from_csl(item["author"]) == value.replace(" and others", "")
    assert csl_json.csl_to_entry(item).fields["author"] == value  # kept exactly through custom


def test_malformed_custom_block_is_refused(tmp_path):
    bib = tmp_path / "lib.bib"
    src = tmp_path / "x.json"
    for custom in (
        {"annobib": {"fields": {"title": 3}}},
        {"annobib": {"type": "bad type"}},
        {"annobib": {"fields": {"ti tle": "x"}}},
    ):
        src.write_text(json.dumps([{"id": "a", "type": "book", "title": "T", "custom": custom}]), encoding="utf-8")
        r = run_cli(["--bib", str(bib), "import", str(src)])
        assert r.exit_code == 2 and "custom.annobib" in r.stderr
        assert not bib.exists()


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
def test_pandoc_renders_every_pattern_of_the_note(tmp_path):
    from test_edit_add import PATTERNS

    from annobib.extract import extract_notes

    entries = extract_notes("\n\n".join(PATTERNS)).entries
    out = tmp_path / "refs.json"
    out.write_text(csl_json.dumps(entries), encoding="utf-8")
    doc = tmp_path / "d.md"
    doc.write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    p = subprocess.run(
        ["pandoc", str(doc), "--citeproc", "--bibliography", str(out), "-t", "plain", "--wrap=none"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert p.returncode == 0 and not p.stderr, p.stderr
    text = p.stdout
    assert "李四. 2019. “亚太安全秩序.” Presented at the 亚太安全, 上海" in text  # a paper given, not printed
    assert "罗伯特·吉尔平. 2007." in text  # a transliterated name kept as written
    assert "阎学通. 2014. “道义现实主义的国际关系理论.” 国际问题研究, no. 5: 102–28." in text
    assert text.count("\n\n") + 1 == len(entries)
