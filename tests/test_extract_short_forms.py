"""Short forms and back references (op. cit., ibid., author-date, short titles) joined to the full
citation they repeat.
Each case was written for these tests (not taken from any evaluation set)."""

from conftest import run_notes

from annobib.extract import extract_notes


def test_short_form_with_three_surnames_joins_the_full_citation():
    x = extract_notes(
        "① Barry Buzan, Ole Wæver and Jaap de Wilde, Security: A New Framework for Analysis, Boulder: Lynne Rienner, 1998, p. 23.\n\n"
        "② Buzan, Wæver and de Wilde, Security, p. 30.\n\n"
        "③ Jervis, Perception and Misperception, op. cit., p. 60."
    )
    buzan = x.entries[0]
    assert [(c.note, c.locator) for c in buzan.citations] == [(1, "23"), (2, "30")]
    assert all(e.fields.get("author") != "Jervis, Perception and Misperception" for e in x.entries)


def test_a_title_in_prose_is_not_joined_to_an_earlier_entry_as_a_short_form():
    x = extract_notes(
        "① 《中日和平友好条约》，《人民日报》1978 年 8 月 13 日，第 1 版。\n\n"
        "② 《中日和平友好条约》第一条规定，两国在相互关系中不诉诸武力，本文不展开讨论。"
    )
    assert [r.status for r in x.notes] == ["cited", "not-a-citation"]
    assert len(x.entries) == 1


def test_multi_author_op_cit_joins_by_all_surnames():
    x, by_key = run_notes(
        '[1] Douglass C. Smith and Barry R. Jones, "Rules and Commitment," Journal of Economic History, '
        "Vol. 41, No. 2 (1979), pp. 801-832.\n"
        '[2] Ann White, "Other Things," Journal of Law, Vol. 3, No. 1 (1990), pp. 1-20.\n'
        "[3] Smith and Jones, op. cit., p. 812.\n"
        "[4] Smith & Jones, op. cit., p. 813.\n"
    )
    key = x.notes[0].keys[0]
    assert x.notes[2].status == "cited" and x.notes[2].keys == [key]
    assert x.notes[3].keys == [key]
    locs = [(c.note, c.locator) for c in by_key[key].citations]
    assert (3, "812") in locs and (4, "813") in locs


def test_bare_chicago_pages_in_back_references_and_after_a_date():
    x, by_key = run_notes(
        "1. Ann Carter, “Tax Farms,” Economic History Review 12, no. 3 (1980): 9–30.\n\n"
        "2. Carter, op. cit., 14.\n\n"
        "3. Carter, “Tax Farms,” 17–18.\n\n"
        "4. Bill Noyes, “Canton Revisited,” The Economist, May 3, 2001, 55.\n"
    )
    key = x.notes[0].keys[0]
    assert x.notes[1].keys == [key] and x.notes[2].keys == [key]
    assert [c.locator for c in by_key[key].citations] == ["9-30", "14", "17-18"]
    assert by_key[x.notes[3].keys[0]].citations[0].locator == "55"


def test_and_after_semicolon_and_short_title_without_article():
    x, by_key = run_notes(
        "1. See Ann Carter, The Salt Trade of Yangzhou (Boston: Beacon, 1990), 3; and Bill Noyes, "
        "Junks and Sails (Boston: Beacon, 1992), 8.\n\n"
        "2. Carter, Salt Trade, 9.\n"
    )
    a, b = (by_key[k] for k in x.notes[0].keys)
    assert a.fields["author"] == "Carter, Ann" and b.fields["author"] == "Noyes, Bill"
    assert x.notes[1].keys == [x.notes[0].keys[0]]


def test_ibid_before_a_see_also_citation_is_kept():
    x, by_key = run_notes(
        "［1］刘海：《港口与腹地》，人民出版社 2008 年版，第 5 页。\n\n"
        "［2］同上，第 7 页；另参见孙平：《航运史》，商务印书馆 2012 年版，第 30 页。\n"
    )
    first = x.notes[0].keys[0]
    assert x.notes[1].keys[0] == first and len(x.notes[1].keys) == 2
    assert [c.locator for c in by_key[first].citations] == ["5", "7"]
    assert by_key[x.notes[1].keys[1]].fields["author"] == "孙平"


def test_author_date_short_form_after_a_url_and_semicolon():
    x, by_key = run_notes(
        "1. Keller, T. (2015). Harbours of the north. Journal of Maritime History, 12(1), 1–20.\n\n"
        "2. See Ana Ruiz, “Port Data,” Sea Monitor, May 2020, https://example.org/ports/; and Keller (2015), p. 9.\n"
    )
    first = x.notes[0].keys[0]
    assert len(x.notes[1].keys) == 2 and x.notes[1].keys[1] == first
    assert by_key[first].citations[-1].locator == "9"
