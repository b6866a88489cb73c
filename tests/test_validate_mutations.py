"""validate: break clean entries one way at a time; the matching rule fires on that entry, and
no other error does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from annobib.bib import read_library
from annobib.checks import Context, run_checks

CLEAN = Path(__file__).parent / "data" / "validate" / "clean.bib"
TODAY = dt.date(2026, 1, 1)

# (entry key, field, new value or None to delete, expected code)
MUTATIONS = [
    ("morrow1991alliances", "pages", "933-904", "E306"),
    ("morrow1991alliances", "pages", "904 – 933", "W305"),
    ("morrow1991alliances", "doi", "doi:10.2307/2111499", "W308"),
    ("morrow1991alliances", "doi", "2307/2111499", "E309"),
    ("morrow1991alliances", "issn", "0092-585X", "E311"),
    ("morrow1991alliances", "journaltitle", None, "E202"),
    ("morrow1991alliances", "date", "1991-13", "E301"),
    ("morrow1991alliances", "author", "Morrow, James D. et al.", "W320"),
    ("morrow1991alliances", "title", "Alliances &amp; Asymmetry", "W502"),
    ("morrow1991alliances", "title", "Alliances and Asymmetry ", "W508"),
    (
        "usip2025challenges",
        "url",
        "https://www.usip.org/publications/2025/01/philippines-security-challenges。",
        "E314",
    ),
    (
        "usip2025challenges",
        "url",
        "https://www.usip.org/publications/2025/01/philippines-security-challenges?utm_source=x",
        "W316",
    ),
    ("usip2025challenges", "url", "https://www.usip.org/publications/2025/03/philippines-security-challenges", "W401"),
    ("usip2025challenges", "urldate", "2024-12-31", "W403"),
    ("usip2025challenges", "urldate", "2030-01-01", "W304"),
    ("usip2025challenges", "url", None, "E204"),
    ("usip2025challenges", "date", None, "I218"),  # an access date but no date: a hint (was W206)
    ("usip2025challenges", "urldate", None, "I207"),
    ("usip2025challenges", "langid", "eng", "E318"),
    ("usip2025challenges", "langid", None, "I217"),  # a Latin-script title without langid: a hint (was W214)
    ("yan2015shijie", "langid", None, "W214"),
    ("yan2015shijie", "isbn", "978-7-301-25642-9", "E310"),
    ("yan2015shijie", "publisher", None, "W209"),
    ("yan2015shijie", "location", None, "I210"),
    ("yan2015shijie", "title", "世界权力的转移:政治领导与战略竞争", "W507"),
    ("yan2015shijie", "title", "世界权力的转移：政治领导与“战略竞争", "W506"),
    ("yan2015shijie", "title", "世界权力的转移：２０１５", "W510"),
    ("yan2015shijie", "langid", "english", "W402"),
    ("yan2015shijie", "titletranslation", None, "I215"),
    ("yan2015shijie", "author", "阎学通、王五", "W320"),
    ("yan2015shijie", "citations", "p. 27, n. 1: x || p. 27, n. 1: x", "W604"),
    ("yan2015shijie", "citations", "see page 27", "W603"),
    ("zhang2010thesis", "type", None, "W212"),
    ("zhang2010thesis", "institution", None, "W211"),
    ("keohane1995chapter", "booktitle", None, "E203"),
    ("keohane1995chapter", "title", None, "E201"),
    ("keohane1995chapter", "date", "March 1995", "E301"),
    ("keohane1995chapter", "title", "The Promise\u200b of Institutionalist Theory", "W509"),
    ("keohane1995chapter", "title", "The Promise of 50% Theory", "W504"),
    ("keohane1995chapter", "title", "The Promise of {Institutionalist Theory", "E505"),
    ("keohane1995chapter", "title", "Theâ€™s Promise", "W501"),
    ("keohane1995chapter", "title", "The Promise\\footnote{x}", "W503"),
    ("lee2019paper", "pages", "125-7", "W319"),
    ("lee2019paper", "author", None, "W208"),
    ("reuters2025philippines", "journaltitle", None, "E202"),
    ("reuters2025philippines", "date", None, "E205"),
    ("dod2025report", "year", "2024", "W404"),
    ("asahi2025beigun", "langid", "korean", "W402"),
    ("ivanov2001", "langid", "english", "W402"),
]


@pytest.mark.parametrize("key, field, value, code", MUTATIONS, ids=[f"{m[3]}-{m[0]}-{m[1]}" for m in MUTATIONS])
def test_mutation_fires_its_rule(key, field, value, code):
    lib = read_library(CLEAN)
    e = lib.get(key)
    assert e is not None
    if value is None:
        e.fields.pop(field, None)
    else:
        e.fields[field] = value
    found = run_checks(lib, ctx=Context(today=TODAY))
    codes = {f.code for f in found if f.key == key}
    assert code in codes, [(f.code, f.message) for f in found]
    others = [f for f in found if f.key != key and f.code != "I605"]  # a changed note may leave a gap
    assert others == [], [(f.code, f.key, f.message) for f in others]
    stray_errors = {c for c in codes if c.startswith("E")} - {code}
    assert not stray_errors, [(f.code, f.message) for f in found]


def test_clean_entries_in_a_second_file_are_duplicates_of_the_first(tmp_path):
    copy = tmp_path / "copy.bib"
    copy.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    found = run_checks([read_library(CLEAN), read_library(copy)], ctx=Context(today=TODAY))
    dup_keys = {f.key for f in found if f.code == "E101"}
    works = {f.key for f in found if f.code == "W107"}
    assert len(dup_keys) == 12 and len(works) == 12


def test_a_title_of_spaces_is_a_missing_title():
    lib = read_library(CLEAN)
    lib.get("morrow1991alliances").fields["title"] = "   "
    codes = {f.code for f in run_checks(lib, ctx=Context(today=TODAY)) if f.key == "morrow1991alliances"}
    assert {"E201", "W216"} <= codes
