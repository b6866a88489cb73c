"""The layouts of docs/extract-layouts.md that annobib once misread, one small case each (the notes
are made up): what ``extract --notes`` must make of a whole pasted notes section."""

from annobib.extract.document import is_section_heading, join_lines, page_furniture
from annobib.extract.notes import loose_notes

BOOK = "王某：《大国关系》，北京：某出版社 2015 年版，第 12 页。"
ARTICLE = "Robert Jervis, “Hypotheses on Misperception,” World Politics, Vol. 20, No. 3, 1968, p. 454."


def _read(text):
    return [(n.number, n.text) for n in loose_notes(text)]


def test_notes_numbered_afresh_in_each_chapter_are_numbered_on():
    text = f"Chapter 1\n1. {ARTICLE}\n2. Ibid., p. 460.\n\nChapter 2\n1. {BOOK}\n2. 同上，第 15 页。\n"
    assert _read(text) == [(1, ARTICLE), (2, "Ibid., p. 460."), (3, BOOK), (4, "同上，第 15 页。")]


def test_a_chapter_heading_is_no_part_of_the_note_before_it():
    text = f"第一章 国家与社会\n1. {BOOK}\n2. 同上。\n第二章 市场\n1. {ARTICLE}\n2. 同上。\n"
    assert [t for _n, t in _read(text)] == [BOOK, "同上。", ARTICLE, "同上。"]


def test_a_marker_lost_at_a_page_foot_shifts_no_later_note():
    # 4@… opens with no character a marker opens with elsewhere; page 2 starts again at 1
    page1 = f"1{BOOK}\n2同上，第 13 页。\n3{ARTICLE}\n4@某某新闻：《通报》，新浪微博，2021 年 7 月 21 日。\n"
    page2 = f"·102·\n国际政治研究  2019 年第 3 期\n1{ARTICLE}\n2同上。\n3{BOOK}\n"
    numbers = [n for n, _t in _read(page1 + page2)]
    assert numbers == [1, 2, 3, 4, 5, 6, 7]


def test_page_notes_that_start_inside_the_article_are_numbered_from_there():
    text = f"㉛{BOOK}\n㉜同上。\n·57·\n①{ARTICLE}\n②同上。\n"
    assert [n for n, _t in _read(text)] == [31, 32, 33, 34]


def test_markers_that_spell_the_word_out():
    text = "注1：See A. Author, Title of Book (Boston: Beacon, 1999), 5.\n注2：18 U.S.C. § 2703(d) (2018).\n"
    assert [n for n, _t in _read(text)] == [1, 2]
    assert [n for n, _t in _read("주001)\n김용하, 『한국 정당정치』, 2001, 45쪽.\n주002)\n위의 책, 50쪽.\n")] == [1, 2]


def test_a_blank_line_after_every_wrapped_line_parts_no_notes():
    lines = [
        "1. 김용규, 『세계관 충돌의 국제정치학: 동양",
        "禮와 서양 公法』 (서울: 나남출판, 1997),",
        "45쪽.",
        "2. 위의 책, 52-53쪽.",
        "3. Victor D. Chae, Alignment Despite",
        "Antagonism: The US-Korea-Japan Security",
        "Triangle (Stanford: Stanford University",
        "Press, 1999), p. 36.",
    ]
    notes = _read("\n\n".join(lines) + "\n")
    assert [n for n, _t in notes] == [1, 2, 3]
    assert notes[2][1].endswith("(Stanford: Stanford University Press, 1999), p. 36.")


def test_a_reference_list_one_item_per_paragraph_stays_as_it_is():
    items = [
        "Adler, K. (2017). Trust online. Journal of Economic Behavior, 140, 1–18. [Cited by 3]",
        "Baker, S. M. (2019). The platform paradox: Markets, power, and regulation. Oxford University Press.",
        "Chen, Y. (2021). Algorithmic pricing. In R. Patel (Ed.), Handbook of digital markets (pp. 145–170). Elgar.",
        "Gómez, L. (2018). Essays on two-sided markets [Doctoral dissertation]. ProQuest Dissertations",
        "Ferris, D. (2016). Network effects revisited. Review of Network Economics, 15(3), 101–127. CrossRef",
        "Nakamura, H. (2022, March 14). Japan tightens rules. The Japan Times. https://www.japantimes.co.jp/x/",
    ]
    assert len(_read("\n\n".join(items) + "\n")) == 6


def test_korean_lines_rejoin_with_a_space():
    assert (
        join_lines(["이 부분은 필자의 해석이며, 이견이 있을", "수 있다."])
        == "이 부분은 필자의 해석이며, 이견이 있을 수 있다."
    )
    assert join_lines(["北京：中国社会科学", "出版社"]) == "北京：中国社会科学出版社"


def test_a_line_cut_above_a_folio_stays_in_its_note():
    # the folio at the page foot, no head beside it: the line above it ends inside a sentence
    lines = ["3. Brooks, S. G. (2016). The rise and fall of the great", "powers in the twenty-first century:"]
    lines += ["— 201 —", "China's rise. International Security, 40(3), 7–53."]
    assert page_furniture(lines) == {2}


def test_a_line_printed_once_above_a_folio_with_its_head_below_is_the_note_s():
    lines = ["6. Zhang Xuecheng, Wenshi tongyi (Beijing:", "Zhonghua shuju, 1985), 1:1–5. See Yu, Lun"]
    lines += [
        "Dai Zhen yu Zhang Xuecheng 论戴震与章学诚",
        "— 201 —",
        "Journal of Contemporary Studies",
        "(Beijing: Sanlian, 2000), 52.",
    ]
    assert page_furniture(lines) == {3, 4}


def test_section_headings():
    for line in (
        "Chapter 2",
        "CHAPTER IV The Long Peace",
        "Notes to Chapter 3",
        "第二章 国家与社会",
        "Глава 4",
        "제3장 결론",
    ):
        assert is_section_heading(line), line
    for line in (
        "Chapter 2 argues that states balance.",
        "第二章，第 45 页。",
        "2. Chapter of a book",
        "Ibid., chap. 2.",
    ):
        assert not is_section_heading(line), line


def test_a_wiki_note_list_without_its_numbers():
    text = f"Notes\n^ {BOOK}\n^ a b 同上，第 15 页。\n^ {ARTICLE}\n"
    assert _read(text) == [(1, BOOK), (2, "同上，第 15 页。"), (3, ARTICLE)]
    assert [n for n, _t in _read(f"31. ^ {BOOK}\n32. ^ a b {ARTICLE}\n")] == [31, 32]


def test_a_folio_alone_above_a_marked_note_is_no_marker():
    # a number alone above a note is its marker (e-book pages), unless the note has a marker of its
    # own: then the number is the page's folio
    text = f"⁶{BOOK}\nThe Journal of Contemporary Studies, 2024, Vol. 17, No. 2\n152\n⁷{ARTICLE}\n"
    assert [n for n, _t in _read(text)] == [6, 7]
    assert [n for n, _t in _read(f"6\n{BOOK}\n7\n{ARTICLE}\n")] == [6, 7]
