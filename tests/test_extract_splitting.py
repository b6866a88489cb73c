"""Notes cut apart as pasted: by their numbering whatever the markers (annobib.extract.numbering),
and reference-list items by their author-date heads, page furniture and site links dropped."""

from annobib.extract.notes import loose_notes
from annobib.extract.numbering import numbered_run


def _run(text):
    return [(m.number, m.shape, text[m.start : m.end].strip()) for m in numbered_run(text)]


def test_notes_run_together_on_one_line_are_cut_at_each_next_number():
    text = "[1]王某：《书》，第12页[2]同上，第5页。 [3]Robert Jervis, Perception, p. 5. [4]Ibid."
    assert [n for n, _s, _m in _run(text)] == [1, 2, 3, 4]
    assert [n.text for n in loose_notes(text)][1:3] == ["同上，第5页。", "Robert Jervis, Perception, p. 5."]


def test_a_number_that_only_looks_like_a_marker_does_not_break_the_run():
    # ``No. 3`` after a full stop could open note 3; the bracketed [3] keeps the run's shape
    text = "[1]A. Author, Title, Vol. 2, No. 3 Spring 1950, p. 9. [2]Ibid. [3]王某：《书》，第1页。"
    run = _run(text)
    assert [(n, s) for n, s, _m in run] == [(1, "bracket"), (2, "bracket"), (3, "bracket")]
    assert loose_notes(text)[0].text.endswith("p. 9.")


def test_markers_of_mixed_shapes_and_places_follow_the_numbering():
    text = (
        "1. Waltz, Theory, p. 5. 2. Ibid., p. 6.\n3 王某:《书》,北京:某出版社2015年版,第12页。4同上。\n⑤前引书，第3页。"
    )
    assert [n for n, _s, _m in _run(text)] == [1, 2, 3, 4, 5]
    assert [n.number for n in loose_notes(text)] == [1, 2, 3, 4, 5]


def test_years_pages_and_counts_are_not_markers():
    text = "1 王某：《书》，2015年版，第12页。\n2 李某：《文》，《刊》2016年第3期，第7页。"
    assert [n for n, _s, _m in _run(text)] == [1, 2]


def test_a_number_alone_on_its_line_marks_the_next_line():
    text = "1\n王某：《书》，第12页。\n2\n同上，第13页。\n"
    assert [(n.number, n.text) for n in loose_notes(text)] == [(1, "王某：《书》，第12页。"), (2, "同上，第13页。")]


def test_folios_and_running_heads_between_pages_are_dropped():
    text = (
        "1. 王某：《大国关系》，北京：某出版社，2015年，\n第12页。\n2. 同上，第13页。\n101\n国际政治研究 2019 年第 3 期\n"
        "3. Robert Jervis, Perception and Misperception in International\nPolitics, p. 58.\n4. Ibid.\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3, 4]
    assert notes[1].text == "同上，第13页。"
    assert notes[2].text == "Robert Jervis, Perception and Misperception in International Politics, p. 58."


def test_page_debris_before_note_one_and_after_the_last_note_is_no_note():
    text = "注释：\n\n向上滑动阅览\n\n1. 王某：《书》，第3页。\n\n2. 同上。\n\n—END—\n"
    assert [(n.number, n.text) for n in loose_notes(text)] == [(1, "王某：《书》，第3页。"), (2, "同上。")]


def test_no_markers_no_run():
    assert numbered_run("王某：《书》，北京：某出版社，2015年。") == []


def test_reference_list_items_survive_site_link_lines_and_a_running_head():
    text = (
        "References\n"
        "Alvarez, M. and Keane, P. (2014) 'Migrant networks', Journal of Labor\nEconomics, 32(4), pp. 735–768.\n"
        "CrossRef\tGoogle Scholar\n"
        "Becker, S.O. (2011) Human Capital. Cambridge: Cambridge University Press.\n"
        "232 MIGRATION AND LABOUR MARKETS\n"
        "Lindqvist, E. (2019) 'Labour market integration', in Holm, K. (ed.) Migration. Oxford: OUP.\n"
        "佐々木淳(2015)「戦後学制改革と地方大学」『大学史研究』12, 123-150頁.\n"
        "View in Article\n233\n"
    )
    notes = [n.text for n in loose_notes(text)]
    assert len(notes) == 4, notes
    assert notes[0].endswith("pp. 735–768.") and notes[1].endswith("University Press.")
    assert notes[2].startswith("Lindqvist") and notes[3].startswith("佐々木淳")


def test_a_paragraph_without_a_marker_stays_a_note_of_its_own():
    text = "1王某：《书》，第12页。\n\n2同上书，第15页。\n\n本文作者认为，5G网络另有讨论。\n"
    assert [(n.number, n.text[:4]) for n in loose_notes(text)] == [(1, "王某：《"), (2, "同上书，"), (3, "本文作者")]


def test_a_lead_in_after_a_full_stop_opens_the_next_citation():
    from annobib.extract import extract_notes

    x = extract_notes(
        "1 张某：《冷战及其遗产》，上海：上海人民出版社1998年版，第34页。此外，亦可参见李某：《美国对华政策》，"
        "重庆：重庆出版社1987年版。\n\n2 同上，第35页；另可参见王某：《东亚》，北京：某出版社2001年版。\n"
    )
    titles = {e.fields["title"]: e for e in x.entries}
    assert set(titles) == {"冷战及其遗产", "美国对华政策", "东亚"}
    assert titles["冷战及其遗产"].fields["date"] == "1998" and titles["美国对华政策"].fields["author"] == "李某"
    assert titles["东亚"].fields["author"] == "王某"


def test_a_remark_before_a_lead_in_after_a_semicolon_is_no_part_of_the_next_citation():
    from annobib.extract import extract_notes

    x = extract_notes(
        "1 参见韩某：《海权》；另外，西文研究可参见Ann B. Lee, Narrow Seas: Navies in Asia, Leiden: Brill, 2015, pp. 3-9.\n"
    )
    titles = {e.fields["title"]: e for e in x.entries}
    assert set(titles) == {"海权", "Narrow Seas: Navies in Asia"}
    assert titles["Narrow Seas: Navies in Asia"].fields["author"] == "Lee, Ann B."
    assert titles["Narrow Seas: Navies in Asia"].fields["langid"] == "english"


def test_a_word_broken_at_a_line_end_is_rejoined_but_a_url_slug_keeps_its_hyphen():
    from annobib.extract.document import join_lines

    assert join_lines(["Yugoslavia and Non-Align-", "ment, 1961"]) == "Yugoslavia and Non-Alignment, 1961"
    assert join_lines(["Вопросы исто-", "рии. 2012."]) == "Вопросы истории. 2012."
    assert (
        join_lines(["https://x.org/news/2025/04/", "growth-by-up-to-", "about-2.html"])
        == "https://x.org/news/2025/04/growth-by-up-to-about-2.html"
    )


def test_a_remark_cut_at_its_semicolon_is_still_no_citation():
    from annobib.extract import extract_notes

    x = extract_notes(
        "1 The figures in this paragraph are my own calculations from the annual reports; they exclude "
        "estate production, which was reported separately.\n\n"
        "2 On this literature more broadly, the debate is far from settled; I follow the periodization "
        "proposed in chapter 2 above.\n\n"
        "3 Robert Jervis, Perception and Misperception (Princeton: Princeton University Press, 1976), 58; "
        "I follow his usage.\n"
    )
    assert [r.status for r in x.notes] == ["not-a-citation", "not-a-citation", "cited"]


def test_a_pdf_download_stamp_between_notes_is_dropped():
    text = (
        "1 Curtis J. Bradford, International Law 45 (2d ed. 2015).\n"
        "HeinOnline -- 59 Va. J. Int'l L. 412 2019\n"
        "2 Bradford, supra note 1, at 52.\n"
        "This content downloaded from 10.0.0.1 on Mon, 01 Jan 2024 00:00:00 UTC\n"
    )
    assert [n.text for n in loose_notes(text)] == [
        "Curtis J. Bradford, International Law 45 (2d ed. 2015).",
        "Bradford, supra note 1, at 52.",
    ]


def test_spaced_parenthesised_markers_run_across_a_page_head():
    text = (
        "( 1 ) 梁某『民法総論』(法律出版社,2017 年)85 頁。\n( 2 ) 同上,86 頁。\n"
        "中国法における予約契約(長谷川)\n201\n( 3 ) 内田貴『契約の再生』(弘文堂,1990 年)43 頁。\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[1].text == "同上,86 頁。"


def test_a_search_engine_tag_before_a_list_item_does_not_glue_it_to_the_one_above():
    text = (
        "References\n"
        "Lind, N. (2001). Social capital: Theory and evidence. Aldine de Gruyter.\n"
        "[PDF] Smalls, M. L. (2009). Unexpected gains. Oxford University Press.\n"
        "Fielding, J. (2017). Social capital (3rd ed.). Routledge.\n"
    )
    assert [n.text[:9] for n in loose_notes(text)] == ["Lind, N. ", "Smalls, M", "Fielding,"]


def test_control_characters_in_a_pasted_article_never_reach_a_value():
    from annobib.extract import extract_notes

    x = extract_notes("1 刘琳\x1b[2J\x1b]52;c;ZXZpbA==\x07：《美菲\x07关系》，《世界\x9b知识》2025年第10期，第25页。\n")
    fields = x.entries[0].fields
    assert fields["author"] == "刘琳" and fields["title"] == "美菲关系" and fields["journaltitle"] == "世界知识"


def test_a_running_head_with_its_folio_inside_a_note_is_dropped():
    text = (
        "1Ines Varga, “Tariffs and Trust, 1860–1890,” in Trade and State, ed. Paul Kerr (Leeds: Maney, 2012),\n"
        "44–61, at 50.\n"
        "NOTES 217\n"
        "2Ibid., 52.\n"
        "3Karl Udo, Harbour Towns (Hull: Humber Press, 2009), 8.\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2, 3]
    assert notes[0].text.endswith("at 50.") and notes[2].text.endswith("8.")


def test_many_spaces_before_a_marker_neither_crash_nor_hide_it():
    # a PDF's wide gap or a deep indent: the marker's place is what stands before the spaces
    text = "[1]王某：《书》，第12页。            [2]同上，第5页。\n          3. Robert Jervis, Perception, p. 5."
    assert [(n, s) for n, s, _m in _run(text)] == [(1, "bracket"), (2, "bracket"), (3, "dot")]
    assert [n.text for n in loose_notes(text)] == [
        "王某：《书》，第12页。",
        "同上，第5页。",
        "Robert Jervis, Perception, p. 5.",
    ]


def test_a_running_head_of_two_capitalized_words_between_notes_is_dropped():
    # a journal's head alone between two endnotes, and a law review's ``2019]  HEAD  212`` line
    text = (
        "5. Mara Quill, The Quiet Republic (Boston: Harbor Press, 2011), 42.\n"
        "EUROPEAN HISTORY\n"
        "6. Ibid., 44.\n"
        "7. Lee, supra note 2, at 30-31.\n"
        "2019]            RIVER LAW            212\n"
        "8. Id. at 33.\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [5, 6, 7, 8]
    assert notes[0].text == "Mara Quill, The Quiet Republic (Boston: Harbor Press, 2011), 42."
    assert notes[2].text == "Lee, supra note 2, at 30-31."


def test_a_capitalized_line_inside_a_note_is_kept():
    text = "1. SHAPIRO C. Navigating the patent\nTHICKET[J]. Journal, 2001, 1: 119-150.\n2. Ibid.\n"
    assert loose_notes(text)[0].text.startswith("SHAPIRO C. Navigating the patent")
    assert "THICKET[J]" in loose_notes(text)[0].text
