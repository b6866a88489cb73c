"""The general causes behind blind set 34's misses, each on notes written for these tests (not
taken from any evaluation set)."""

from annobib.extract import extract_notes
from annobib.extract.normalize import site_debris
from annobib.extract.notes import loose_notes


def test_a_marker_printed_twice_and_glued_numbers_its_note_once():
    text = (
        "001001 박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽.\n"
        "002002 위의 책, 30쪽.\n"
        "003003 이은영, 「항구의 기억」, 『해양사연구』 제4권 1호 (2010), 5-19쪽.\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[1].text.startswith("위의 책")


def test_a_doubled_reading_does_not_break_a_long_books_plain_run():
    text = "".join(f"{n}. Ann Lee, Ice, {n}.\n" for n in range(998, 1013))
    assert [n.number for n in loose_notes(text)] == list(range(998, 1013))


def test_a_korean_pop_up_close_button_is_debris():
    assert site_debris("박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽.닫기") == (
        "박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽."
    )
    assert site_debris("「문을 닫기」") == "「문을 닫기」"


def test_gateun_chaek_is_the_book_just_cited():
    r = extract_notes("1 박정수, 『바다와 국가』(서울: 해림사, 1988), 12쪽.\n2 같은 책, 30쪽.\n")
    (work,) = r.entries
    assert [c.locator for c in work.citations] == ["12", "30"]
