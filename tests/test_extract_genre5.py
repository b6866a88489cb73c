"""Genre fixes found by a fifth unseen test set (tests/data/extract_heldout5/); own strings here."""

from annobib.extract import extract_notes, extract_text
from annobib.extract.document import split_pages


def _run(text):
    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def _one(text):
    x, by_key = _run(text)
    return by_key[x.notes[0].keys[0]]


# ---------------------------------------------------------------- 1. superscript markers

def test_superscript_markers_in_body_and_notes():
    text = ("— 40 —\n《东亚评论》2021 年第 4 期\n"
            "海洋秩序的变化早已引起注意。¹ 其影响远及渔业与航运。²\n"
            "¹ 陈立：《海洋与秩序》，北京：海洋出版社 2010 年版，第 12 页。\n"
            "² 同上，第 15 页。\n"
            "— 41 —\n《东亚评论》2021 年第 4 期\n"
            "渔业争端的解决需要新的机制。¹\n"
            "¹ 陈立：前引书，第 20 页。\n")
    x = extract_text(text)
    assert [(n.note.page, n.note.number, n.status) for n in x.notes] == [(40, 1, "cited"), (40, 2, "cited"), (41, 1, "cited")]
    assert all(n.note.linked for n in x.notes)
    assert len(x.entries) == 1 and [c.locator for c in x.entries[0].citations] == ["12", "15", "20"]


def test_two_digit_superscript_markers_in_loose_notes():
    x, _ = _run("¹² Mary Lee, The Salt Road (London: Verso, 2001), 3.\n\n¹³ Ibid., 7.\n")
    assert [n.note.number for n in x.notes] == [12, 13]
    assert x.notes[1].keys == x.notes[0].keys


# ---------------------------------------------------------------- 2. folio on the running-head line

def test_folio_at_start_or_end_of_running_head_line_set_off_by_spaces():
    text = ("58　东亚评论　2021 年第 4 期\n"
            "海洋秩序的变化¹\n"
            "正文第一页的文字。¹\n"
            "¹ 陈立：《海洋与秩序》，海洋出版社 2010 年版，第 12 页。\n"
            "海洋秩序的变化　59\n"
            "正文第二页的文字。¹\n"
            "¹ 同上，第 13 页。\n"
            "60　东亚评论　2021 年第 4 期\n"
            "正文第三页的文字。¹\n"
            "¹ 同上，第 14 页。\n")
    doc = split_pages(text)
    assert [p.number for p in doc.pages] == [58, 59, 60]
    assert doc.title == "海洋秩序的变化"
    x = extract_text(text)
    assert [(n.note.page, n.note.number) for n in x.notes] == [(58, 1), (59, 1), (60, 1)]


def test_a_body_line_ending_in_a_number_is_not_a_folio():
    doc = split_pages("The fleet grew to 300\nships by the end of the decade, and then to\n2020 levels again.\n")
    assert [p.number for p in doc.pages] == [None]
