"""Back-references in the forms real notes print them: each case is a short run of notes whose last
note must point to the work named (by its note and citation index)."""

from __future__ import annotations

import pytest
from conftest import run_notes

from annobib.extract import extract_notes

CASES = {
    "nationality-bracket-before-qianjieshu": (
        [
            "[日]佐野雅彦:《海上之路》,东京:某某社2011年版,第5页。",
            "李明:《陆上之路》,北京:某某出版社2012年版。",
            "[日]佐野雅彦,前揭书,第92页。",
        ],
        (1, 0),
        "92",
    ),
    "simplified-variant-of-a-japanese-name": (
        ["宮坂信也「明末の海禁」『東洋史研究』第58巻第2号、1999年、40-60頁。", "宫坂信也前揭文,第52页。"],
        (1, 0),
        "52",
    ),
    "op-cit-with-a-short-title-picks-the-work": (
        [
            "Stephen Harlow, Balance and Blame, Princeton University Press, 2008, p. 23.",
            "Stephen Harlow, Alliances and Their Discontents, Cornell University Press, 2000, p. 9.",
            "Harlow, Balance and Blame, op. cit., p. 88.",
        ],
        (1, 0),
        "88",
    ),
    "a-back-reference-after-a-full-stop": (
        [
            "吴启鸣:《合会研究》,《史学月刊》2017年第3期。",
            "卢文涛:《农村金融》,《经济史研究》2020年第1期,第1-15页。此外,可参考吴启鸣前引文。",
        ],
        (1, 0),
        None,
    ),
    "japanese-flag-before-a-western-short-form": (
        [
            "Benedict Anderson, Imagined Communities (London: Verso, 1983), p. 5.",
            "前掲、Anderson, Imagined Communities, p. 41.",
        ],
        (1, 0),
        "41",
    ),
    "author-nakaguro-zenkei-title": (
        [
            "岡田浩一「製糸金融と地方銀行」『社会経済史学』第63巻第1号、1997年、1-20頁。",
            "岡田・前掲「製糸金融と地方銀行」8頁。",
        ],
        (1, 0),
        "8",
    ),
    "title-then-qianyin": (
        [
            "某办公厅:《关于全面推行河长制的意见》,2016年12月11日。",
            "王某:《河流治理》,北京:某出版社2019年版。",
            "《关于全面推行河长制的意见》,前引。",
        ],
        (1, 0),
        None,
    ),
    "japanese-same-page": (["行川一郎『契約法』有斐閣、1983年、10頁。", "同・3頁。"], (1, 0), "3"),
    "short-title-with-a-typo": (
        [
            "[美]道格拉斯·诺思:《制度、制度变迁与经济绩效》,杭行译,上海:格致出版社2008年版,第3页。",
            "诺思:《制度、制度变迁和经济绩效》,第27页。",
        ],
        (1, 0),
        "27",
    ),
    # a Chinese note names by a note number and 文: the work of that note
    "author-then-qianzhu-number-wen": (
        [
            "孟岩：《平台责任的边界》，《法学评论》2020年第2期。",
            "许乔：《算法与规制》，北京：法律出版社2019年版，第8页。",
            "孟岩:前注1文。",
        ],
        (1, 0),
        None,
    ),
    # an English-language author named later in Chinese: the pinyin of the given name in his Western name
    "qianyinshu-with-the-chinese-name-of-an-english-author": (
        [
            "Ming-kai Chou, Rivers of Memory, Berkeley: University of California Press, 1999, p. 12.",
            "王某：《河流》，北京：某某出版社2010年版，第3页。",
            "周明凯：前引书，第41页。",
        ],
        (1, 0),
        "41",
    ),
    # Там же after an archival file: the leaf (Л.) is the locator, as in the full note
    "tam-zhe-with-a-leaf": (
        ["ГАРФ. Ф. 5446. Оп. 2. Д. 71. Л. 12.", "Там же. Л. 15–16 об."],
        (1, 0),
        "15-16",
    ),
    # a short form of a multi-volume work cites volume:pages
    "short-form-with-volume-and-pages": (
        [
            "Anna Berg, Harbours of the North, 2 vols. (Oslo: Fjord Press, 1961), 1:20.",
            "Berg, Harbours of the North, 2:301–5.",
        ],
        (1, 0),
        "301-5",
    ),
    # Japanese author-date notes: author(s) and year with 前掲 before or after them
    "ja-author-year-before-zenkei": (
        [
            "森田真一・北川亮「物価と賃金の連動」日本銀行ワーキングペーパーシリーズ No.17-J-3、2017年5月。",
            "経済産業省『通商白書2019』2019年7月、33頁。",
            "森田・北川（2017）、前掲、8頁。",
        ],
        (1, 0),
        "8",
    ),
    "ja-zenkei-before-org-year": (
        [
            "経済産業省『通商白書2019』2019年7月、33頁。",
            "北川亮『金利の経済学』有斐閣、2019年、12頁。",
            "前掲、経済産業省（2019）、41頁。",
        ],
        (1, 0),
        "41",
    ),
}


def _keys(notes: list[str]):
    x = extract_notes("\n\n".join(f"{k}. {n}" for k, n in enumerate(notes, 1)))
    return [r.keys for r in x.notes], x


@pytest.mark.parametrize("name", sorted(CASES))
def test_back_reference_finds_its_work(name):
    notes, (target_note, index), locator = CASES[name]
    keys, x = _keys(notes)
    assert keys[-1] and keys[-1][-1] == keys[target_note - 1][index], (keys, [r.reason for r in x.notes])
    if locator:
        entry = next(e for e in x.entries if e.key == keys[-1][-1])
        assert any(c.locator == locator and c.note == len(notes) for c in entry.citations)


def test_two_note_references_in_one_japanese_note():
    notes = [
        "我田栄『債権総論』岩波書店、1964年、120頁。",
        "中川高男『契約法』有斐閣、2021年、10頁。",
        "前掲注（1）我田・160頁、前掲注（2）中川・102頁。",
    ]
    keys, _x = _keys(notes)
    assert keys[2] == [keys[0][0], keys[1][0]]


def test_a_note_number_in_brackets_after_tong_refers_to_that_note():
    x = extract_notes(
        "1 某甲：《甲书》，北京：某出版社2001年版，第1页。\n\n2 周某：《地方》，北京：某出版社2007年版，第3页。\n\n"
        "3 同[2]，第41页。\n"
    )
    assert x.notes[2].status == "cited" and x.notes[2].keys == x.notes[1].keys and x.notes[2].keys != x.notes[0].keys


def test_a_short_form_before_see_also_is_a_citation_not_commentary():
    x = extract_notes(
        "1 Odd Arne Wessel, The Global Cold War (Cambridge: Cambridge University Press, 2005), 8.\n\n"
        "2 Wessel, Global Cold War, 112; see also Matthew Connor, A Diplomatic Revolution "
        "(New York: Oxford University Press, 2002), 45–48.\n"
    )
    first, second = x.notes
    assert len(second.keys) == 2 and second.keys[0] == first.keys[0]


def test_commentary_then_backref_keeps_the_see_also_book():
    x = extract_notes(
        "1 罗文斌:《海峡通道的治理》,《亚太研究》2017年第2期,第5-21页。\n\n"
        "2 “软平衡”一词尚无定译,有学者称之为“柔性制衡”。相关讨论见罗文斌:前引文,第9页;另参见Mara Quill, "
        "Harbours of Power: Ports and Politics in the Pacific, London: Meridian Press, 2018, pp. 40-42.\n"
    )
    first, second = x.notes
    assert second.keys[0] == first.keys[0] and len(second.keys) == 2
    book = next(e for e in x.entries if e.key == second.keys[1])
    assert book.fields["author"] == "Quill, Mara" and book.fields["title"].startswith("Harbours of Power")


def test_back_references_naming_co_authors_a_single_family_name_or_a_lower_case_page():
    # 李某，周某，前引文 (co-authors after commas); 陳・前掲書 (a Japanese ・ before the word);
    # Иванов А. Б., Петров В. Г. Указ. соч. (co-authors in GOST); указ. соч., с. 215 (lower-case page)
    x, by_key = run_notes(
        "1. 高明远、周晓岚：《县域医共体的运行》，《中国卫生经济》2021年第4期。\n"
        "2. 陳光『中国農村の社会保障』(東方書店、2015年)33頁。\n"
        "3. Иванов А. Б., Петров В. Г. Налоговая политика регионов. М.: Наука, 2014. 210 с.\n"
        "4. Смирнов Д. Е. Бюджетный федерализм. СПб.: Питер, 2012. 300 с.\n"
        "5. 高明远，周晓岚，前引文，第12页。\n"
        "6. 陳・前掲書、41頁。\n"
        "7. Иванов А. Б., Петров В. Г. Указ. соч. С. 20.\n"
        "8. Смирнов, указ. соч., с. 215.\n"
    )
    for back, full, page in ((5, 1, "12"), (6, 2, "41"), (7, 3, "20"), (8, 4, "215")):
        note = x.notes[back - 1]
        assert note.status == "cited" and note.keys == x.notes[full - 1].keys, back
        assert by_key[note.keys[0]].citations[-1].locator == page, back
