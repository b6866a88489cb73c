"""Stages 1-2: pages, running heads, folios, line joining, note blocks and citing sentences."""

import pytest

from annobib.extract import extract_text
from annobib.extract.document import clean_spacing, join_lines, join_pair, normalize_text, split_pages
from annobib.extract.notes import find_notes, loose_notes

NOTES = [
    "阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 33 页。",
    "Robert Keohane, After Hegemony, Princeton: Princeton University Press, 1984, p. 45.",
    "同上，第 50 页。",
    "《坚持走和平发展道路》，《人民日报》2013 年 1 月 30 日，第 1 版。",
]
BODY_MARK = {"circled": "①②", "bracket": ["[1]", "[2]"], "paren": ["（1）", "（2）"], "bare": "12", "dot": "12"}
NOTE_MARK = {
    "circled": "①②",
    "bracket": ["[1] ", "[2] "],
    "paren": ["(1) ", "(2) "],
    "bare": "12",
    "dot": ["1. ", "2. "],
}


def make_article(style: str, sep: str = "\n", folios: bool = True, first: int = 24, pages: int = 4) -> str:
    out = []
    for p in range(pages):
        lines = []
        if folios:
            lines += [f"-{first + p}-", "2025年第3期" if (first + p) % 2 == 0 else "某某文章的标题"]
        notes = []
        for k in range(2):
            lines.append(
                f"这是第 {p + 1} 页第 {k + 1} 段的正文，讨论联盟政策的变化与影响，作者在此引用。{BODY_MARK[style][k]}"
            )
            lines.append("随后正文继续展开讨论更多的问题和相关的背景以及其他内容")
            notes.append(f"{NOTE_MARK[style][k]}{NOTES[(p * 2 + k) % 4]}")
        out.append("\n".join(lines + notes))
    return sep.join(out)


@pytest.mark.parametrize("style", ["circled", "bracket", "paren", "bare", "dot"])
@pytest.mark.parametrize("sep,folios", [("\n\f", True), ("\n\f", False), ("\n", True), ("\n", False)])
def test_marker_styles_and_page_signals(style, sep, folios):
    x = extract_text(make_article(style, sep, folios))
    assert x.counts["notes"] == 8
    assert x.counts["cited"] == 8
    assert len(x.entries) == 3  # the 同上 notes join the previous work
    assert all(r.note.linked for r in x.notes)
    if folios:
        assert [r.note.page for r in x.notes] == [24, 24, 25, 25, 26, 26, 27, 27]
        assert x.page_numbers == (24, 27)
    else:
        assert all(r.note.page is None for r in x.notes)
    ctx = x.notes[0].note.context
    assert ctx.startswith("这是第 1 页第 1 段的正文") and ctx.endswith("作者在此引用。")


def test_running_heads_and_folios_are_removed_and_numbers_read():
    doc = split_pages(make_article("bracket"))
    assert [p.number for p in doc.pages] == [24, 25, 26, 27]
    text = "\n".join(l for p in doc.pages for l in p.lines)
    assert "2025年第3期" not in text and "-25-" not in text and "某某文章的标题" not in text


def test_seed_like_indented_page_starts_and_title_page():
    text = (
        " 【内容提要】 摘要的文字。\n\n 某某文章的标题 [1]\n\n作者甲    作者乙\n\n[1] 本文系国家社会科学基金项目的阶段性成果。\n\n"
        "某某文章的标题\n\n-25-\n\n正文第一行，引用了一篇文章。[1]\n\n[1] 刘琳：《美菲关系》，载《世界知识》2025 年第 10 期，第 25—27 页。\n"
        " 下一页正文，继续讨论。[1]\n\n[1] 同上，第 26 页。\n"
    )
    x = extract_text(text)
    assert [(r.note.page, r.note.number, r.status) for r in x.notes] == [
        (24, 1, "not-a-citation"),
        (25, 1, "cited"),
        (26, 1, "cited"),
    ]
    assert x.notes[0].note.context == "某某文章的标题"
    assert len(x.entries) == 1 and [c.page for c in x.entries[0].citations] == [25, 26]


def test_no_page_signal_at_all_infers_pages_from_restarting_numbers():
    text = (
        "正文一，引用。[1] 再引用。[2]\n[1] 阎学通：《世界权力的转移》，北京大学出版社 2015 年版。\n"
        "[2] 同上，第 9 页。\n正文二继续，引用。[1]\n[1] Ely Ratner, “The Case,” Foreign Affairs, May 27, 2025.\n"
    )
    x = extract_text(text)
    assert [(r.note.number, r.status) for r in x.notes] == [(1, "cited"), (2, "cited"), (1, "cited")]
    assert all(r.note.linked for r in x.notes)
    assert len(x.entries) == 2


@pytest.mark.parametrize(
    "prev,nxt,sep",
    [
        ("中国的", "战略", ""),
        ("Foreign Policy", "Challenges", " "),
        ("https://www.", "defense.gov/News/", ""),
        ("https://www.usip.org/", "publications/2025/01/x", ""),
        ("addresses-china-", "threat/。", ""),
        ("https://news.usni.", "org/2025/06/24/x", ""),
        ("日。https://www.asahi.com/articles/AST367F6NT36UHBI004M.", "html。", ""),
        ("in the Asia", "Pacific", " "),
        ("朝", "日新闻", ""),
        ("Indo-", "Pacific", ""),
        ("see https://www.x.org/a.html.", "John Smith, “Title,”", " "),
    ],
)
def test_join_pair(prev, nxt, sep):
    assert join_pair(prev, nxt) == sep


def test_join_lines_and_spacing_noise():
    assert (
        join_lines(
            ["参见 Ashish Kumar Sen,“U.S. Talk ", "Challenges,” 2025, https://www.usip.org/", "publications/x。"]
        )
        == "参见 Ashish Kumar Sen,“U.S. Talk Challenges,” 2025, https://www.usip.org/publications/x。"
    )
    assert clean_spacing("参 见 王帆、梁居宸 ：《题名》 ，载") == "参见王帆、梁居宸：《题名》，载"
    assert clean_spacing("Vol.35,  No.2") == "Vol.35, No.2"


def test_loose_notes_paragraphs_and_marked_lines():
    notes = loose_notes("① 第一条注释，\n跨两行。\n\n② 第二条。\n\n[3] 第三条\n[4] 第四条")
    assert [(n.number, n.text) for n in notes] == [
        (1, "第一条注释，跨两行。"),
        (2, "第二条。"),
        (3, "第三条"),
        (4, "第四条"),
    ]


def test_find_notes_on_seed_pages(seed_doc=None):
    from conftest import ARTICLE

    doc = split_pages(ARTICLE.read_text(encoding="utf-8"))
    notes = find_notes(doc)
    assert len(notes) == 52
    assert all(n.linked for n in notes)
    by_page = {}
    for n in notes:
        by_page.setdefault(n.page, []).append(n.number)
    assert all(nums == list(range(1, len(nums) + 1)) for nums in by_page.values())
    assert set(by_page) == set(range(24, 46)) - {42, 46}


def test_a_lost_note_number_does_not_drop_the_page_notes():
    text = (
        "-7-\n正文，引用一。[1] 引用二。[2] 引用四。[4]\n"
        "[1] 阎学通：《世界权力的转移》，北京大学出版社 2015 年版。\n"
        "[2] 同上，第 9 页。\n"
        "[4] Ely Ratner, “The Case,” Foreign Affairs, May 27, 2025.\n"
        "-8-\n下一页正文。[2]\n[2] 同上。\n"
    )
    x = extract_text(text)
    assert [(r.note.page, r.note.number, r.status) for r in x.notes] == [
        (7, 1, "cited"),
        (7, 2, "cited"),
        (7, 4, "cited"),
        (8, 2, "cited"),
    ]
    assert len(x.entries) == 2


@pytest.mark.parametrize(
    "head1,head2",
    [
        ("· 48 · 世界经济与政治 2023 年第 5 期", "某某文章的标题 · 49 ·"),
        ("48", "49"),
        ("— 48 —", "— 49 —"),
        ("第 48 页", "第 49 页"),
    ],
)
def test_folio_forms(head1, head2):
    text = (
        f"{head1}\n正文第一页，引用。[1]\n[1] 阎学通：《世界权力的转移》，北京大学出版社 2015 年版。\n"
        f"{head2}\n第二页正文。[1]\n[1] 同上，第 9 页。\n"
    )
    x = extract_text(text)
    assert [(r.note.page, r.note.number, r.status) for r in x.notes] == [(48, 1, "cited"), (49, 1, "cited")]
    assert [r.note.context for r in x.notes] == ["正文第一页，引用。", "第二页正文。"]


def test_an_unmarked_page_break_inside_a_page_keeps_both_note_blocks():
    text = (
        "-7-\n正文一，引用。[1] 再引用。[2]\n[1] 阎学通：《世界权力的转移》，北京大学出版社 2015 年版。\n[2] 同上，第 9 页。\n"
        "正文二（漏掉了分页），继续引用。[1] 又引用。[2]\n[1] Ely Ratner, “The Case,” Foreign Affairs, May 27, 2025.\n[2] Ibid.\n"
        "-9-\n正文三。[1]\n[1] 同上。\n"
    )
    x = extract_text(text)
    assert [(r.note.number, r.status) for r in x.notes] == [
        (1, "cited"),
        (2, "cited"),
        (1, "cited"),
        (2, "cited"),
        (1, "cited"),
    ]
    assert all(r.note.linked for r in x.notes)
    assert [len(e.citations) for e in x.entries] == [2, 3]


def test_an_asterisk_note_on_the_first_page_is_kept():
    text = (
        "某某问题研究*\n张三\n【内容提要】本文讨论某某问题。\n正文开始，引用一本书。①\n"
        "* 本文系国家社会科学基金项目的阶段性成果。\n"
        "① 阎学通：《世界权力的转移》，北京大学出版社 2015 年版。\n"
    )
    x = extract_text(text)
    assert [(r.note.number, r.status) for r in x.notes] == [(0, "not-a-citation"), (1, "cited")]
    assert x.notes[0].note.context == "某某问题研究"
    assert x.notes[1].note.linked


def test_folios_at_the_page_foot():
    text = (
        "正文第一页，引用。①\n① 阎学通：《世界权力的转移》，北京大学出版社 2015 年版。\n— 56 —\n"
        "第二页正文。①\n① 同上，第 9 页。\n— 57 —\n"
        "第三页正文。①\n① Ely Ratner, “The Case,” Foreign Affairs, May 27, 2025.\n— 58 —\n"
    )
    x = extract_text(text)
    assert [r.note.page for r in x.notes] == [56, 57, 58]


@pytest.mark.parametrize(
    ("odd", "made"),
    [
        ("\u2028", "\n"),  # a line end
        ("\u2029", "\n\n"),  # a paragraph end
        ("\x85", "\n"),
        ("\u2474", "(1)"),  # ⑴, a number form
        ("\u249b", "20."),  # ⒛
        ("\x1b[31m", ""),  # a terminal escape
        ("\x07", ""),  # a control character
        ("\x9b", ""),  # C1
    ],
)
def test_normalize_text_finds_each_odd_character_alone(odd: str, made: str) -> None:
    """normalize_text looks for these only after one scan says the text holds one: each, alone in
    a long plain text, is still found and made ordinary."""
    plain = "Robert Keohane, After Hegemony, 1984, p. 45.\n" * 50
    assert normalize_text(plain + "a" + odd + "b") == plain + "a" + made + "b"
    assert normalize_text(plain) == plain
