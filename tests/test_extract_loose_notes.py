"""How pasted notes are cut into notes: the shapes real pastes come in (each once read as one note)."""

from __future__ import annotations

import pytest

from annobib.extract.notes import loose_notes

PASTES = {
    "heading-line-first": "注释：\n[1] 王某：《甲书》，北京：某出版社2015年版。\n[2] 同上，第3页。\n[3] 李某：《乙书》，2016年。",
    "english-heading": "NOTES\n1. A. Author, Title One (London: Verso, 1999), 5.\n2. Ibid., 7.\n3. B. Writer, Title Two (Paris: Seuil, 2001), 9.",
    "parenthesized-number-characters": "⑴ 辻野一郎『奇想の系譜』美術出版社、1971年、45頁。\n⑵ 前掲注⑴書、52頁。\n⑶ 山下祐司『水墨画』講談社、1994年。",
    "two-notes-on-one-line": "(1) 『読売新聞』1931年5月12日朝刊、7面。(2) 同上。\n(3) 佐藤康浩「前史」『美術史論叢』第12号、1996年、1-19頁。",
    "numbers-alone-in-paragraphs": "1\n\nЧистяков К.В. Легенды. М.: Наука, 1968. С. 237.\n\n2\n\nТам же. С. 240.\n\n3\n\nЗелинский С.А. Старообрядчество. М.: Церковь, 1995.",
    "spaced-parenthesized-markers": "( 1 ) 大西朋子『法制の展開』信山社、2017年、23頁。\n( 2 ) 前掲注(1)大西、31頁。\n( 3 ) 村井誠『防災の社会学』弘文堂、2016年。",
    "run-on-note-on-a-continuation-line": "①《申报》1876年5月12日，第2版。\n②某某编：《海关史料》第15册，北京：京华出\n版社2001年版，第233页。　③上书，第241页。",
    "numbers-alone-on-lines": "Примечания\n1\nИванов А.В. Морская политика. М.: Наука, 2008. С. 45.\n2\nТам же. С. 51.\n3\nСоколов П.И. Портовые города. СПб.: Алетейя, 2016.",
    "glued-numbers-in-a-pdf-paste": "1《资料汇编》第 3 辑,南京:某出版社 1991 年版,第 211\n页。\n2颜某:《回忆录》,北京:中华书局\n1985 年版,第 397 页。\n3上书,第 402 页。",
    # a journal's title and issue, or a running head, above note 1 (a PDF page copied whole)
    "journal-title-above-half-paren-markers": "商事法論集 第7号(2019)\n1) 川端和夫『契約法講義』(成文堂、2014年)88頁。\n"
    "2) 川端・前掲注1)91頁。\n3) 野口典子「約款の拘束力」法学雑誌55巻2号(2008年)1-20頁。",
    # ``N)`` markers (Japanese economics PDFs) with a short note and the next one on one line
    "half-paren-markers-run-on": "1) 森田真一『物価の経済学』有斐閣、2016年、33頁。\n2) 同上、41頁。 3) 北川亮「金利の期間構造」"
    "『金融研究』第29巻第2号、2010年、1-30頁。",
    "two-head-lines-above-notes": "Vol. 12, No. 3 (2020)\nCONTRACT AND CONSENT\n1) A. Writer, Terms (Oxford: OUP, 2010), 5.\n"
    "2) Ibid., 9.\n3) B. Author, Consent (London: Hart, 2012), 14.",
}


@pytest.mark.parametrize("name", sorted(PASTES))
def test_a_paste_is_cut_into_its_three_notes(name):
    notes = loose_notes(PASTES[name])
    assert [n.number for n in notes] == [1, 2, 3], [n.text for n in notes]
    assert all(n.text.strip() for n in notes)


def test_a_sentence_above_note_one_is_a_note_of_its_own_not_part_of_note_one():
    text = (
        "* 本稿は科研費による研究成果の一部である。\n1) 川端和夫『契約法講義』(成文堂、2014年)88頁。\n2) 同上、90頁。"
    )
    notes = loose_notes(text)
    assert [n.text[:4] for n in notes] == ["* 本稿", "川端和夫", "同上、9"]
    assert [n.number for n in notes][1:] == [1, 2]


@pytest.mark.parametrize("mark", ["—END—", "- END -", "（完）"])
def test_a_posts_footer_after_its_end_mark_is_no_part_of_the_last_note(mark):
    text = (
        "[1] 韩某：《海权论》，北京：某出版社2012年版，第5页。\n[2] Ann Lee, Tides (Oxford: OUP, 2011), p. 9.\n\n"
        f"{mark}\n来源：《海洋研究》2021年第3期\n编辑：小林\n"
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [1, 2]
    assert notes[-1].text == "Ann Lee, Tides (Oxford: OUP, 2011), p. 9."


def test_a_date_ending_in_the_next_number_and_a_paren_cuts_no_note():
    # ``2020.5.10)`` after note 9 looks like the run-on marker ``10)``; only a stop after a space is one
    text = (
        "8) 한지수, 「선거와 여론」, 『정치연구』 제3호, 2019, 12쪽.\n"
        "9) 통계청, 「인구 동향」, http://kostat.go.kr/a.do?b=1 (검색일: 2020.5.10).\n10) 위의 글, 14쪽."
    )
    notes = loose_notes(text)
    assert [n.number for n in notes] == [8, 9, 10]
    assert notes[1].text.endswith("(검색일: 2020.5.10).")
