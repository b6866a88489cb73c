"""Genre fixes found by a fourth unseen test set (tests/data/extract_heldout4/); own strings here."""

from annobib.extract import extract_notes, extract_text


def _run(text):
    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def test_full_width_bracket_markers_in_loose_notes():
    x, by_key = _run(
        "［1］张华：《货币与信用》，北京：商务印书馆 1988 年版，第 7 页。\n\n"
        "［2］同上，第 9 页。\n\n"
        "［3］［英］约翰·希克斯：《经济史理论》，厉以平译，商务印书馆 1987 年版。\n")
    assert [n.note.number for n in x.notes] == [1, 2, 3]
    key = x.notes[0].keys[0]
    assert by_key[key].fields["author"] == "张华"
    assert x.notes[1].status == "cited" and x.notes[1].keys == [key]
    assert by_key[x.notes[2].keys[0]].fields["author"] == "约翰·希克斯"


def test_endnotes_with_full_width_brackets_after_the_body():
    text = ("— 12 —\n《经济史研究》2021 年第 3 期\n"
            "明代白银货币化的进程早已引起学界注意。［1］其影响远及财政与赋役。［2］\n"
            "白银与赋役\n— 13 —\n"
            "一条鞭法的推行与白银流入密切相关。［3］\n注释：\n"
            "［1］赵明：《白银与明代社会》，北京：中华书局 2005 年版，第 44 页。\n"
            "［2］同上，第 50 页。\n"
            "［3］赵明：前引书，第 61 页。\n")
    x = extract_text(text)
    assert [(n.note.page, n.note.number, n.status) for n in x.notes] == [(13, 1, "cited"), (13, 2, "cited"), (13, 3, "cited")]
    assert len(x.entries) == 1 and x.entries[0].fields["author"] == "赵明"
    assert [c.locator for c in x.entries[0].citations] == ["44", "50", "61"]
    assert all(n.note.linked for n in x.notes)


def test_chicago_paren_imprint_with_volume_colon_pages_and_comma_publisher():
    x, by_key = _run(
        "1. Ann Carter, “Salt and the State,” in The Fiscal History of Qing China, ed. Mary Lee and Otto van Dam "
        "(Oxford: Oxford University Press, 2019), 3:101–19.\n\n"
        "2. Peter Hall, Money and Markets in Canton (Boston: Little, Green, 1911), 2:64.\n\n"
        "3. Ruth Ames, “Silver Flows” (PhD diss., Yale University, 2004), 77.\n")
    ch, book, thesis = (by_key[n.keys[0]] for n in x.notes)
    assert ch.type == "incollection" and ch.fields["volume"] == "3" and ch.fields["pages"] == "101-19"
    assert ch.fields["publisher"] == "Oxford University Press" and ch.citations[0].locator == "101-19"
    assert book.fields["publisher"] == "Little, Green" and book.fields["title"] == "Money and Markets in Canton"
    assert book.fields["volume"] == "2" and book.citations[0].locator == "64"
    assert thesis.type == "thesis" and thesis.fields["institution"] == "Yale University"
    assert thesis.citations[0].locator == "77"


def test_chicago_journal_title_with_commas():
    x, by_key = _run("1. Ann Carter, “Tax Farms,” Journal of Money, Credit, & Banking 12, no. 3 (May 1980): 9–30.\n")
    e = by_key[x.notes[0].keys[0]]
    assert e.fields["journaltitle"] == "Journal of Money, Credit, & Banking"
    assert (e.fields["volume"], e.fields["number"], e.fields["pages"]) == ("12", "3", "9-30")


def test_bare_chicago_pages_in_back_references_and_after_a_date():
    x, by_key = _run(
        "1. Ann Carter, “Tax Farms,” Economic History Review 12, no. 3 (1980): 9–30.\n\n"
        "2. Carter, op. cit., 14.\n\n"
        "3. Carter, “Tax Farms,” 17–18.\n\n"
        "4. Bill Noyes, “Canton Revisited,” The Economist, May 3, 2001, 55.\n")
    key = x.notes[0].keys[0]
    assert x.notes[1].keys == [key] and x.notes[2].keys == [key]
    assert [c.locator for c in by_key[key].citations] == ["9-30", "14", "17-18"]
    assert by_key[x.notes[3].keys[0]].citations[0].locator == "55"


def test_and_after_semicolon_and_short_title_without_article():
    x, by_key = _run(
        "1. See Ann Carter, The Salt Trade of Yangzhou (Boston: Beacon, 1990), 3; and Bill Noyes, "
        "Junks and Sails (Boston: Beacon, 1992), 8.\n\n"
        "2. Carter, Salt Trade, 9.\n")
    a, b = (by_key[k] for k in x.notes[0].keys)
    assert a.fields["author"] == "Carter, Ann" and b.fields["author"] == "Noyes, Bill"
    assert x.notes[1].keys == [x.notes[0].keys[0]]


def test_a_western_sentence_without_commas_is_commentary():
    x, _ = _run("1. For the year 1911 the figures are not reliable; we use the later revision here.\n")
    assert x.notes[0].status == "not-a-citation" and not x.entries
