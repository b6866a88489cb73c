"""BibTeX / biblatex export and import: classic field names, and the tools that read them."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ARTICLE_BIB, run_cli

from annobib.bib import parse_library, read_library
from annobib.exchange.bibtex_export import to_biblatex, to_bibtex
from annobib.model import Entry


def test_biblatex_fields_become_classic_bibtex():
    entry = Entry(
        "k",
        "article",
        {
            "author": "Kelly, Tim",
            "title": "Pentagon",
            "journaltitle": "Reuters",
            "date": "2025-03-30",
            "location": "Tokyo",
            "langid": "english",
            "entrysubtype": "newspaper",
        },
    )
    out = to_bibtex(entry)
    assert out.type == "article"
    assert out.fields == {
        "author": "Kelly, Tim",
        "title": "Pentagon",
        "journal": "Reuters",
        "year": "2025",
        "month": "mar",
        "address": "Tokyo",
        "language": "english",
    }


@pytest.mark.parametrize(
    "etype, fields, want_type, want",
    [
        ("thesis", {"type": "博士学位论文", "institution": "北京大学"}, "phdthesis", {"school": "北京大学"}),
        ("thesis", {"type": "mathesis", "institution": "MIT"}, "mastersthesis", {"school": "MIT"}),
        ("report", {"institution": "RAND"}, "techreport", {"institution": "RAND"}),
        ("online", {"url": "https://x.org"}, "misc", {"howpublished": "\\url{https://x.org}"}),
        ("collection", {"editor": "A, B"}, "book", {"editor": "A, B"}),
    ],
)
def test_types_classic_styles_know(etype, fields, want_type, want):
    out = to_bibtex(Entry("k", etype, {"title": "T", **fields}))
    assert out.type == want_type
    for name, value in want.items():
        assert out.fields[name] == value


def test_classic_bibtex_comes_in_under_biblatex_names():
    lib = parse_library(
        "@techreport{r, author = {A, B}, journal = {J}, year = 1999, month = feb, address = {X}, school = {S}}\n"
    )
    (entry,) = lib.entries
    out = to_biblatex(entry)
    assert out.type == "report"
    assert out.fields["date"] == "1999-02" and "year" not in out.fields and "month" not in out.fields
    assert out.fields["journaltitle"] == "J" and out.fields["location"] == "X" and out.fields["institution"] == "S"


def test_export_bibtex_is_valid_bibtex_and_imports_back(tmp_path):
    out = tmp_path / "refs.bibtex"
    r = run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "bibtex", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    text = out.read_text(encoding="utf-8")
    lib = parse_library(text)
    assert not lib.problems
    original = read_library(ARTICLE_BIB).entries
    assert [e.key for e in lib.entries] == [e.key for e in original]
    for e in lib.entries:
        assert not {"date", "journaltitle", "location", "langid", "citations"} & set(e.fields)
    assert "month        = jan," in text or "month = jan" in text.replace("  ", " ")
    fresh = tmp_path / "fresh.bib"
    r = run_cli(["--bib", str(fresh), "import", str(out)])
    assert r.exit_code == 0, r.stderr
    back = {e.key: e for e in read_library(fresh).entries}
    for e in original:
        b = back[e.key]
        assert b.get("title") == e.get("title") and b.get("author") == e.get("author")
        assert b.year == e.year and b.get("journaltitle") == e.get("journaltitle")


def test_export_biblatex_round_trips_exactly(tmp_path):
    out = tmp_path / "refs.bib"
    assert (
        run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "biblatex", "--with-citations", "-o", str(out)]).exit_code
        == 0
    )
    a = [(e.key, e.type, e.fields) for e in read_library(ARTICLE_BIB).entries]
    b = [(e.key, e.type, e.fields) for e in read_library(out).entries]
    assert a == b


def test_export_refuses_to_overwrite_the_bibliography(tmp_path):
    bib = tmp_path / "lib.bib"
    bib.write_text("@book{a, title = {A}}\n", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "export", "--to", "bibtex", "-o", str(bib)])
    assert r.exit_code == 2 and "bibliography itself" in r.stderr
    assert bib.read_text(encoding="utf-8") == "@book{a, title = {A}}\n"


def test_broken_bibtex_import_writes_nothing(tmp_path):
    bib = tmp_path / "lib.bib"
    bib.write_text("@book{a, title = {A}}\n", encoding="utf-8")
    src = tmp_path / "in.bib"
    src.write_text("@book{b, title = {B}}\n\n@article{c, title = {C\n", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 2
    assert "in.bib:3" in r.stderr and "nothing imported" in r.stderr
    assert bib.read_text(encoding="utf-8") == "@book{a, title = {A}}\n"


def _export_article_bibtex(tmp_path, suffix=".bibtex"):
    out = tmp_path / f"article{suffix}"
    assert run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "bibtex", "-o", str(out)]).exit_code == 0
    return out


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc not installed")
@pytest.mark.parametrize("suffix", [".bibtex", ".bib"])  # pandoc reads .bibtex as BibTeX, .bib as biblatex
def test_pandoc_citeproc_reads_the_bibtex_export(tmp_path, suffix):
    out = _export_article_bibtex(tmp_path, suffix)
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


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber not installed")
def test_biber_tool_reads_the_bibtex_export_without_errors(tmp_path):
    out = _export_article_bibtex(tmp_path, ".bib")
    p = subprocess.run(["biber", "--tool", out.name], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    log = p.stdout + p.stderr
    assert p.returncode == 0, log
    assert "ERROR" not in log
    written = tmp_path / "article_bibertool.bib"
    assert written.exists() and written.read_text(encoding="utf-8").count("@") >= 48
