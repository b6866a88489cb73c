"""Pages of an article: running heads and folios removed, notes cut off at a page foot rejoined,
body text kept out of the notes.
Each case was written for these tests (not taken from any evaluation set)."""

from annobib.extract import extract_text
from annobib.extract.document import split_pages


def test_running_head_and_folio_between_body_and_notes_do_not_add_a_page():
    text = "\n\n".join(
        [
            " 东亚合作研究的新进展 [1]",
            "作者甲",
            "东亚合作是学界的老问题。[2]",
            "[1] 本文系某某基金项目（21BGJ001）的阶段性成果。",
            "[2] 王明：《东亚合作》，北京大学出版社 2015 年版，第 3 页。",
            " 第二页的正文在此。[1] 还有一句。[2]",
            "国际政治研究 2024年第2期",
            "-58-",
            "[1] 李华：《东亚安全》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "[2] Robert Jervis, System Effects, Princeton: Princeton University Press, 1997, p. 4.",
            "东亚合作研究的新进展",
            "-59-",
            " 第三页的正文在此。[1]",
            "[1] 张三：《冷战史》，世界知识出版社 2005 年版，第 15 页。",
        ]
    )
    x = extract_text(text)
    assert x.pages == 3
    assert x.page_numbers == (57, 59)
    assert [(r.note.page, r.note.number) for r in x.notes] == [(57, 1), (57, 2), (58, 1), (58, 2), (59, 1)]


def test_a_note_running_on_to_the_next_page_is_rejoined():
    text = "\n".join(
        [
            " 中等强国的外交选择是一个老问题。[1] 学界已有大量讨论。[2]",
            "[1] 王明：《中等强国研究》，北京：世界知识出版社 2018 年版，第 5 页。",
            "[2] Robert O. Keohane, “Lilliputians’ Dilemmas: Small States in International Politics,” International",
            "-12-",
            " 这一判断在多个案例中得到验证。[1]",
            "Organization, Vol. 23, No. 2, 1969, pp. 291-310.",
            "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "-13-",
        ]
    )
    x = extract_text(text)
    assert len(x.notes) == 3
    keohane = next(e for e in x.entries if e.fields.get("author") == "Keohane, Robert O.")
    assert keohane.fields["journaltitle"] == "International Organization"
    assert keohane.fields["pages"] == "291-310"
    li = next(r for r in x.notes if r.note.page == 13)
    assert li.note.context == "这一判断在多个案例中得到验证。"


def test_a_complete_last_note_does_not_swallow_the_next_page_body():
    text = "\n".join(
        [
            " 正文第一句。[1]",
            "[1] 王明：《中等强国研究》，北京：世界知识出版社 2018 年版，第 5 页。",
            "-12-",
            " 2020 年，《东亚》一书出版，第 3 期讨论了它。[1]",
            "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "-13-",
        ]
    )
    x = extract_text(text)
    first = next(r for r in x.notes if r.note.page == 12)
    assert first.note.text.endswith("第 5 页。")
    second = next(r for r in x.notes if r.note.page == 13)
    assert second.note.context and second.note.context.startswith("2020 年")


def test_a_url_cut_at_the_page_foot_is_rejoined():
    text = "\n".join(
        [
            " 正文第一句。[1]",
            "[1] 《韩国发布新战略》，韩联社，2022 年 12 月 28 日，https://cn.yna.co.kr/view/",
            "-12-",
            " 正文第二句。[1]",
            "AKR20221228002500881。",
            "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "-13-",
        ]
    )
    x = extract_text(text)
    first = next(r for r in x.notes if r.note.page == 12)
    assert "https://cn.yna.co.kr/view/AKR20221228002500881" in first.note.text
    second = next(r for r in x.notes if r.note.page == 13)
    assert second.note.context == "正文第二句。"


def test_an_open_short_note_does_not_take_body_text_with_title_marks():
    text = "\n".join(
        [
            " 正文第一句。[1]",
            "[1] 同上",
            "-12-",
            " 前一段结束。",
            "《联合国宪章》第 2 条规定了主权平等原则，见于 1945 年的文本。[1]",
            "[1] 李华：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "-13-",
        ]
    )
    x = extract_text(text)
    second = next(r for r in x.notes if r.note.page == 13)
    assert second.note.context and second.note.context.startswith("《联合国宪章》")


def test_folio_between_body_and_notes_without_any_other_page_signal():
    text = "\n\n".join(
        [
            "区域秩序的再思考[1]",
            "作者乙",
            "区域秩序是老问题。[2]",
            "[1] 本文系某某基金项目（22BGJ002）的阶段性成果。",
            "[2] 王明：《区域秩序》，北京大学出版社 2016 年版，第 3 页。",
            "第二页的正文。[1] 还有一句。[2]",
            "世界政治研究 2025年第1期",
            "-102-",
            "[1] 李华：《东亚安全》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "[2] Robert Jervis, System Effects, Princeton: Princeton University Press, 1997, p. 4.",
            "第三页的正文。[1]",
            "区域秩序的再思考",
            "-103-",
            "[1] 张三：《冷战史》，世界知识出版社 2005 年版，第 15 页。",
        ]
    )
    x = extract_text(text)
    assert x.page_numbers == (101, 103)
    assert [(r.note.page, r.note.number, r.note.context) for r in x.notes][2:] == [
        (102, 1, "第二页的正文。"),
        (102, 2, "还有一句。"),
        (103, 1, "第三页的正文。"),
    ]
    assert x.notes[1].note.text.endswith("第 3 页。")


def test_short_last_note_line_before_the_folio_is_kept():
    text = "\n".join(
        [
            " 中等强国的外交选择是一个老问题。[1] 学界已有大量讨论。[2]",
            "[1] 王某：《中等强国研究》，北京：世界知识出版社 2018 年版，第 5 页。",
            "[2] Jane Roe, “Small States in Asian Politics,” Asian Survey, Vol. 31, No. 4, 1991,",
            "pp. 301-317.",
            "-12-",
            " 这一判断在多个案例中得到验证。[1]",
            "[1] 李某：《东亚安全合作》，《国际问题研究》2019 年第 3 期，第 12—30 页。",
            "某刊 2019 年第 3 期",
            "-13-",
        ]
    )
    x = extract_text(text)
    roe = next(e for e in x.entries if e.fields.get("author") == "Roe, Jane")
    assert roe.fields["pages"] == "301-317"
    assert len(x.notes) == 3


def test_a_repeated_running_head_above_the_folio_is_still_a_head():
    pages = []
    for p in range(3):
        pages.append(
            "\n".join(
                [
                    f" 第 {p + 1} 页的正文。[1]",
                    f"[1] 王某：《某书》，北京：人民出版社 2010 年版，第 {p + 1} 页。",
                    "东亚研究",
                    f"-{20 + p}-",
                ]
            )
        )
    x = extract_text("\n".join(pages))
    assert x.pages == 3
    assert all("东亚研究" not in (r.note.text or "") for r in x.notes)


def test_with_form_feeds_a_line_starting_with_a_space_does_not_split_a_page():
    page1 = "\n".join(
        [
            "正文第一段讨论联盟政策的变化与影响，作者在此引用。[1] 后文",
            " 继续讨论同一问题的其他方面。[2]",
            "[1] 王某：《联盟政策》，北京：人民出版社 2010 年版，第 3 页。",
            "[2] 李某：《同盟理论》，北京：世界知识出版社 2012 年版，第 8 页。",
        ]
    )
    page2 = "\n".join(["第二页正文。[1]", "[1] 赵某：《冷战史》，北京：人民出版社 2005 年版，第 15 页。"])
    x = extract_text(page1 + "\n\f" + page2)
    assert x.pages == 2
    assert len({e.fields["title"] for e in x.entries}) == 3
    assert [r.note.number for r in x.notes] == [1, 2, 1]


def test_a_url_last_line_before_the_folio_is_kept_and_a_one_off_head_is_still_dropped():
    text = "\n".join(
        [
            " 第一页正文讨论联盟。[1] 继续讨论。[2]",
            "[1] 王某：《联盟政策》，北京：人民出版社 2010 年版，第 3 页。",
            "[2] 《某部就某问题答记者问》，某部网站，2021 年 3 月 2 日，",
            "https://www.example.gov.cn/a/b/c.html。",
            "-7-",
            " 第二页正文。[1]",
            "[1] 赵某：《冷战史》，北京：人民出版社 2005 年版，第 15 页。",
            "亚太联盟的新变化",
            "-8-",
        ]
    )
    x = extract_text(text)
    assert x.pages == 2
    assert any(e.fields.get("url") == "https://www.example.gov.cn/a/b/c.html" for e in x.entries)
    assert all("亚太联盟的新变化" not in str(e.fields) for e in x.entries)


def test_folio_at_start_or_end_of_running_head_line_set_off_by_spaces():
    text = (
        "58　东亚评论　2021 年第 4 期\n"
        "海洋秩序的变化¹\n"
        "正文第一页的文字。¹\n"
        "¹ 陈立：《海洋与秩序》，海洋出版社 2010 年版，第 12 页。\n"
        "海洋秩序的变化　59\n"
        "正文第二页的文字。¹\n"
        "¹ 同上，第 13 页。\n"
        "60　东亚评论　2021 年第 4 期\n"
        "正文第三页的文字。¹\n"
        "¹ 同上，第 14 页。\n"
    )
    doc = split_pages(text)
    assert [p.number for p in doc.pages] == [58, 59, 60]
    assert doc.title == "海洋秩序的变化"
    x = extract_text(text)
    assert [(n.note.page, n.note.number) for n in x.notes] == [(58, 1), (59, 1), (60, 1)]


def test_a_body_line_ending_in_a_number_is_not_a_folio():
    doc = split_pages("The fleet grew to 300\nships by the end of the decade, and then to\n2020 levels again.\n")
    assert [p.number for p in doc.pages] == [None]


def test_bare_numbered_notes_are_not_read_as_numbered_running_heads():
    from annobib.extract.document import _numbered_heads

    assert _numbered_heads(["正文。", "3 同上", "正文。", "5 同上"]) == {}
    # note numbers restart per page: a repeated number is no folio, even when the text repeats
    assert _numbered_heads(["1 Maritime Studies", "x", "1 Maritime Studies", "y", "2 Maritime Studies"]) == {}
    assert _numbered_heads(["58　东亚评论　2021 年第 4 期", "正文。", "60　东亚评论　2021 年第 4 期"]) == {
        0: (58, "东亚评论　2021 年第 4 期"),
        2: (60, "东亚评论　2021 年第 4 期"),
    }


def test_short_prose_lines_starting_with_years_are_not_numbered_heads():
    from annobib.extract.document import _numbered_heads

    assert _numbered_heads(["2019 the fleet was rebuilt", "x", "2020 it grew again in size"]) == {}
    assert _numbered_heads(["ASIAN SECURITY REVIEW 8", "x", "9 Minilateralism and Alliances"]) == {
        0: (8, "ASIAN SECURITY REVIEW"),
        2: (9, "Minilateralism and Alliances"),
    }


def test_numbered_section_headings_are_not_folios():
    from annobib.extract.document import _numbered_heads

    assert _numbered_heads(["2 Literature Review", "text", "3 Data and Methods", "text", "4 Results"]) == {}
    # the contrast: the same climbing numbers, first on one page and last on the next (verso/recto)
    assert _numbered_heads(["2 Maritime Review", "text", "Ports and Power 3", "text", "4 Maritime Review"]) == {
        0: (2, "Maritime Review"),
        2: (3, "Ports and Power"),
        4: (4, "Maritime Review"),
    }
