"""Page footnotes numbered afresh with digits on every page of a PDF (glued ``1费孝通:…``): the
notes are numbered by their place when every restart follows a folio line; a restart without
one is a number inside a value, not a new page."""

from annobib.extract.notes import loose_notes

PAGE_ONE = "1李某:《边疆史稿》,北京:某某出版社2010年版,第3页。\n2同上书,第9页。\n3王某:《草原商路》,2008年版,第40页。\n"
PAGE_TWO = "1这里所说的商路,指清代的驼道。\n2张某:《驼队》,银川:某某出版社2001年版。\n3同上书,第12页。\n"


def test_glued_digit_markers_starting_again_after_a_folio_number_the_notes_in_order():
    text = PAGE_ONE + "·84·                         某某研究 2021 年第 3 期\n" + PAGE_TWO
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3, 4, 5, 6]
    assert notes[3].text.startswith("这里所说的") and notes[5].text.startswith("同上书")


def test_a_folio_after_the_running_head_also_marks_the_page():
    text = PAGE_ONE + "论某某制度的完善                                        ·85·\n" + PAGE_TWO
    assert [n.number for n in loose_notes(text)] == [1, 2, 3, 4, 5, 6]


def test_digits_starting_again_without_a_folio_are_no_page_restart():
    notes = loose_notes(PAGE_ONE + PAGE_TWO)
    assert [n.number for n in notes] != [1, 2, 3, 4, 5, 6]
