"""Matching rules: less precise registry values agree, CJK records, pages' meta tags, --fix limits."""

from __future__ import annotations

from annobib.model import Entry
from annobib.verify import match
from annobib.verify.fix import apply_fixes
from annobib.verify.pages import dates_agree, page_facts, title_score
from annobib.verify.registries import Record
from annobib.verify.run import Verdict


def _rec(**kw):
    base = dict(
        source="crossref",
        doi="10.1/x",
        title="A Study of Things",
        authors=[("Smith", "Ann")],
        year="2020",
        years={"2020"},
        volume="3",
        issue="2",
        pages="10-20",
    )
    base.update(kw)
    return Record(**base)


def _entry(**fields):
    base = {
        "author": "Smith, Ann",
        "title": "A Study of Things",
        "date": "2020",
        "volume": "3",
        "number": "2",
        "pages": "10--20",
        "doi": "10.1/x",
    }
    base.update(fields)
    return Entry("k", "article", {k: v for k, v in base.items() if v is not None})


def test_less_precise_registry_values_are_not_mismatches():
    c = match.cited(_entry())
    assert match.compare(c, _rec(pages="10"), True) == []  # first page only
    assert match.compare(c, _rec(issue=""), True) == []  # no issue
    assert match.compare(c, _rec(years={"2019", "2020"}, year="2019"), True) == []  # online first, then print
    assert match.compare(match.cited(_entry(pages="1147-69")), _rec(pages="1147-1169"), True) == []
    diffs = match.compare(c, _rec(pages="11-20"), True)
    assert diffs == [{"field": "pages", "entry": "10–20", "registry": "11-20"}]  # as printed
    diffs = match.compare(c, _rec(year="2021", years={"2021"}), True)
    assert diffs == [{"field": "year", "entry": "2020", "registry": "2021"}]


def test_missing_coauthor_flagged_unless_and_others():
    rec = _rec(authors=[("Smith", "Ann"), ("Jones", "Bo")])
    assert [d["field"] for d in match.compare(match.cited(_entry()), rec, True)] == ["author"]
    assert match.compare(match.cited(_entry(author="Smith, Ann and others")), rec, True) == []


def test_cjk_entry_against_a_romanized_record_is_compared_by_pinyin_and_never_rewritten():
    entry = Entry(
        "liu",
        "article",
        {
            "author": "刘琳",
            "title": "东南亚国家的对冲战略",
            "date": "2019",
            "number": "2",
            "doi": "10.9/cn",
            "langid": "chinese",
        },
    )
    rec = _rec(
        doi="10.9/cn",
        title="Hedging Strategies of Southeast Asian States",
        authors=[("Liu", "Lin")],
        year="2019",
        years={"2019"},
        issue="3",
        pages="",
    )
    c = match.cited(entry)
    diffs = match.compare(c, rec, True)
    assert diffs == [{"field": "number", "entry": "2", "registry": "3"}]  # no title/author "mismatch"
    assert not match.accepted(c, rec)  # a search could not confirm a CJK title with it
    verdict = Verdict("liu", "mismatch", doi="10.9/cn", source="crossref", mismatches=diffs, record=rec)
    changes = apply_fixes(entry, verdict)
    assert changes == [("number", "2", "3")]
    assert entry.fields["title"] == "东南亚国家的对冲战略" and entry.fields["author"] == "刘琳"


def test_fix_keeps_dash_style_and_never_touches_a_doubtful_match():
    entry = _entry(pages="10--21")
    c = match.cited(entry)
    rec = _rec()
    verdict = Verdict(
        "k", "mismatch", doi=rec.doi, source="crossref", mismatches=match.compare(c, rec, True), record=rec
    )
    assert apply_fixes(entry, verdict) == [("pages", "10--21", "10--20")]
    other = _entry(pages="10--21")
    wrong = _rec(title="Something Else Entirely Different")
    diffs = match.compare(match.cited(other), wrong, True)
    assert any(d["field"] == "title" for d in diffs)
    assert apply_fixes(other, Verdict("k", "mismatch", source="crossref", mismatches=diffs, record=wrong)) == []


def test_page_meta_tags_and_dates():
    html = (
        "<html><head><title>Joint Statement | Ministry of Foreign Affairs</title>"
        '<meta property="og:title" content="Joint Statement">'
        '<meta name="citation_publication_date" content="2024/03/05"></head></html>'
    )
    facts = page_facts(html)
    assert facts["titles"][0] == "Joint Statement" and facts["date"] == "2024-03-05"
    assert title_score("Joint Statement", facts["titles"]) == 1.0
    assert title_score("Completely Unrelated Headline Here", facts["titles"]) < 0.8
    assert dates_agree("2024-03-05", "2024-03-06")  # a time zone
    assert dates_agree("2024", "2024-03-05") and not dates_agree("2024-03", "2024-04-01")


def test_crossref_markup_and_entities_do_not_make_a_mismatch():
    from annobib.verify.registries import crossref_record

    rec = crossref_record(
        {
            "DOI": "10.1/x",
            "title": ["War &amp; Peace in <i>East Asia</i>"],
            "author": [{"family": "Smith", "given": "Ann"}],
            "issued": {"date-parts": [[2020]]},
        }
    )
    c = match.cited(_entry(title=r"War \& Peace in {East Asia}"))
    assert rec.title == "War & Peace in East Asia"
    assert match.compare(c, rec, True) == [] and match.accepted(c, rec)
