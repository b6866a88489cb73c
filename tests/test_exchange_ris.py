"""RIS export/import: the tag format Zotero and EndNote read, and broken files."""

from __future__ import annotations

import re

import pytest
from conftest import ARTICLE_BIB, run_cli

from annobib.bib import read_library
from annobib.exchange import ris
from annobib.model import Entry

TAG_LINE = re.compile(r"^[A-Z][A-Z0-9]  - ")


def test_ris_export_follows_the_specification(tmp_path):
    out = tmp_path / "refs.ris"
    r = run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "ris", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    data = out.read_bytes()
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n")  # CRLF throughout
    records = [rec for rec in data.decode("utf-8").split("ER  - \r\n") if rec.strip()]
    assert len(records) == len(read_library(ARTICLE_BIB).entries)
    for rec in records:
        lines = [l for l in rec.split("\r\n") if l]
        assert lines[0].startswith("TY  - ")
        assert all(TAG_LINE.match(l) for l in lines), lines
        assert lines[0][6:] in ris.RIS_TO_TYPE
        assert any(l.startswith("TI  - ") for l in lines)


def test_one_record_in_detail():
    entry = Entry(
        "jervis1978cooperation",
        "article",
        {
            "author": "Jervis, Robert and 刘琳 and {U.S. Department of Defense}",
            "title": "Cooperation under the Security Dilemma",
            "journaltitle": "World Politics",
            "date": "1978-01-05",
            "volume": "30",
            "number": "2",
            "pages": "167-214",
            "doi": "10.2307/2009958",
            "keywords": "alliance, security",
            "annote": "Classic.",
            "langid": "english",
            "urldate": "2025-06-01",
        },
    )
    text = ris.entry_to_ris(entry)
    assert text.split("\r\n")[:5] == [
        "TY  - JOUR",
        "ID  - jervis1978cooperation",
        "AU  - Jervis, Robert",
        "AU  - 刘琳",
        "AU  - U.S. Department of Defense",
    ]
    for line in [
        "T2  - World Politics",
        "PY  - 1978",
        "DA  - 1978/01/05/",
        "VL  - 30",
        "IS  - 2",
        "SP  - 167",
        "EP  - 214",
        "DO  - 10.2307/2009958",
        "KW  - alliance",
        "KW  - security",
        "N1  - Classic.",
        "LA  - en-US",
        "Y2  - 2025/06/01",
    ]:
        assert line + "\r\n" in text
    assert text.endswith("ER  - \r\n")
    (back,) = ris.loads(text)
    assert back.key == entry.key and back.type == "article"
    assert back.fields["author"] == "Jervis, Robert and 刘琳 and {U.S. Department of Defense}"
    for name in (
        "title",
        "journaltitle",
        "date",
        "volume",
        "number",
        "pages",
        "doi",
        "keywords",
        "annote",
        "langid",
        "urldate",
    ):
        assert back.fields[name] == entry.fields[name], name


def test_ris_round_trip_of_the_article(tmp_path):
    out = tmp_path / "refs.ris"
    assert run_cli(["--bib", str(ARTICLE_BIB), "export", "--to", "ris", "-o", str(out)]).exit_code == 0
    fresh = tmp_path / "fresh.bib"
    r = run_cli(["--bib", str(fresh), "import", str(out)])
    assert r.exit_code == 0, r.stderr
    back = {e.key: e for e in read_library(fresh).entries}
    for e in read_library(ARTICLE_BIB).entries:
        b = back[e.key]
        assert b.type == e.type
        for name in ("title", "date", "journaltitle", "url", "pages", "volume", "number", "langid"):
            assert b.fields.get(name) == e.fields.get(name), (e.key, name)


def test_zotero_style_ris_with_lf_and_continuation_lines(tmp_path):
    src = tmp_path / "z.ris"
    src.write_text(
        "\ufeffTY  - BOOK\nAU  - Jervis, Robert\nTI  - Perception and Misperception\nCY  - Princeton\n"
        "PB  - Princeton University Press\nPY  - 1976\nAB  - A long abstract\nthat wraps.\nER  - \n\n"
        "TY  - CHAP\nA1  - Morrow, James\nED  - Smith, Ann\nT1  - A chapter\nBT  - A book\nSP  - 5\nEP  - 9\nY1  - 2001/02//\nER  -\n",
        encoding="utf-8",
    )
    bib = tmp_path / "lib.bib"
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 0, r.stderr
    book, chap = read_library(bib).entries
    assert book.type == "book" and book.fields["location"] == "Princeton" and book.fields["date"] == "1976"
    assert book.fields["abstract"] == "A long abstract that wraps."
    assert book.key.startswith("jervis1976")
    assert chap.type == "incollection" and chap.fields["booktitle"] == "A book" and chap.fields["pages"] == "5-9"
    assert chap.fields["editor"] == "Smith, Ann" and chap.fields["date"] == "2001-02"


@pytest.mark.parametrize(
    "text, message",
    [
        ("TY  - JOUR\nTI  - No end\n", "never ends"),
        ("TI  - Orphan\nER  - \n", "outside a record"),
        ("TY  - JOUR\nTI  - a\nTY  - BOOK\nER  - \n", "missing 'ER"),
        ("ER  - \n", "without a record"),
        ("hello world\n", "not a RIS line"),
        ("TY  - \nER  - \n", "without a reference type"),
    ],
)
def test_broken_ris_is_refused_and_nothing_written(tmp_path, text, message):
    bib = tmp_path / "lib.bib"
    bib.write_text("@book{old, title = {Old}}\n", encoding="utf-8")
    src = tmp_path / "bad.ris"
    src.write_text(text, encoding="utf-8")
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 2, r.stderr
    assert message in r.stderr and "bad.ris" in r.stderr and "Traceback" not in r.stderr
    assert bib.read_text(encoding="utf-8") == "@book{old, title = {Old}}\n"
