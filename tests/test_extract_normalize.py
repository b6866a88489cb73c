"""The normalization stage: each named transformation, what it fixes and what it must leave alone,
and its effect through the whole extractor."""

import pytest

from annobib.extract import extract_notes
from annobib.extract.citations import read_note
from annobib.extract.normalize import (
    southeast_asian_locators,
    NORMALIZERS,
    ascii_title_marks,
    broken_words,
    glued_page_ranges,
    hereinafter_clauses,
    short_name_clauses,
    kanji_numerals,
    korean_trailing_cues,
    locator_qualifiers,
    traditional_lead_ins,
    normalize,
    ocr_confusions,
    odd_dashes,
    pdf_spaced_digits,
    punctuation_width,
    site_debris,
    spaced_punctuation,
    url_tails,
)

CASES = {
    hereinafter_clauses: [
        (
            "Ann Roe, Quiet Courts, 88 Yale L.J. 12, 15 (1979) [hereinafter Roe, Quiet Courts].",
            "Ann Roe, Quiet Courts, 88 Yale L.J. 12, 15 (1979).",
        ),
        ("A. Roe, Tides 4 (1999) [ hereinafter Tides], at 7.", "A. Roe, Tides 4 (1999), at 7."),
        ("Title [Hereafter cited] (1999).", "Title [Hereafter cited] (1999)."),  # not the word: kept
    ],
    short_name_clauses: [
        (
            "某甲:《佛寺经济研究》,京都:某社,1957年,页40-49。以下简称「寺经济」。",
            "某甲:《佛寺经济研究》,京都:某社,1957年,页40-49。",
        ),
        ("A. Roe, Tides (Boston: Beacon, 1988), 12. 以下简称 Tides。", "A. Roe, Tides (Boston: Beacon, 1988), 12."),
        ("《某某规划纲要》（以下简称《纲要》），2010年。", "《某某规划纲要》，2010年。"),
        ("山田『海法』(以下「山田」という。)、12頁。", "山田『海法』、12頁。"),
        ("《上下》下册，第5页。", "《上下》下册，第5页。"),  # 下 as a volume's part: kept
        ("本文以下称为“海权”。", "本文以下称为“海权”。"),  # prose, no stop before 以下: kept
    ],
    locator_qualifiers: [
        ("Title (Boston: Beacon, 1988), esp. 12–19.", "Title (Boston: Beacon, 1988), 12–19."),
        ("Title, 1988, especially pp. 12–19.", "Title, 1988, pp. 12–19."),
        ("the especially 5 cases", "the especially 5 cases"),  # no comma or bracket before it: prose
    ],
    ocr_confusions: [
        ("赵某:《江村史》, 上海书局出版杜l992年版, 第7l页。", "赵某:《江村史》, 上海书局出版社1992年版, 第71页。"),
        ("第2 4页; 第 1 0 8 页; 第33一35页", "第24页; 第108 页; 第33-35页"),
        ("Press, l974, p. 6l.", "Press, 1974, p. 61."),
        (
            "《l9世纪》, http://x.cn/l9, Vol. l, html5",
            "《l9世纪》, http://x.cn/l9, Vol. l, html5",
        ),  # titles, URLs, words kept
        ("杜甫诗选, 一一对应, 第3 章", "杜甫诗选, 一一对应, 第3 章"),  # 杜 and 一 elsewhere, a number before 章
    ],
    pdf_spaced_digits: [
        (
            "高木「港」『海事研究』第 4 5 号、2 0 1 6 年、2 3 - 4 1 頁。",
            "高木「港」『海事研究』第 45 号、2016 年、23 - 41 頁。",
        ),
        ("『海事』6 2 巻 1 1 号 (2014)", "『海事』62 巻 11 号 (2014)"),
        ("同上、3 0 頁。", "同上、30 頁。"),
        ("『1 2 3 年』, Vol. 3 4, 第 3 章", "『1 2 3 年』, Vol. 3 4, 第 3 章"),  # a title, no counter, one digit
        ("Ann Lee, Rivers, Boston: Beacon, 1999, p. 1 3 4.", "Ann Lee, Rivers, Boston: Beacon, 1999, p. 134."),
        # the same in a Chinese article's Western note, no space after p.
        ("Ann Lee, Rivers, Boston: Beacon, 1999, p.7 1.", "Ann Lee, Rivers, Boston: Beacon, 1999, p.71."),
        ("Lee, Rivers, pp.6 5-6 6; Roe, Tides, p.1 2 0.", "Lee, Rivers, pp.65-66; Roe, Tides, p.120."),
        (
            "Lee, Rivers, pp. 4 5-4 9; see p. 2 and 3.",
            "Lee, Rivers, pp. 45-49; see p. 2 and 3.",
        ),  # a page before a word stays
    ],
    korean_trailing_cues: [
        ("Ann Lee, Rivers (Boston: Beacon, 1999), p. 12 참조.", "Ann Lee, Rivers (Boston: Beacon, 1999), p. 12."),
        (
            "김하늘, 「동맹」, 『평화연구』 제3권 (2019), pp. 7-9에서 재인용.",
            "김하늘, 「동맹」, 『평화연구』 제3권 (2019), pp. 7-9.",
        ),
        ("『참조 문헌 목록』", "『참조 문헌 목록』"),  # inside a title: no cue at the end
        ("이 점은 다음을 참조.", "이 점은 다음을 참조."),  # a remark: the cue follows no citation's end
    ],
    spaced_punctuation: [
        (
            "Mary Okoye , Tides of Law , new edition ( Boston : Harbor Press , 2011 ) , 42 .",
            "Mary Okoye, Tides of Law, new edition (Boston: Harbor Press, 2011), 42.",
        ),
        ("Ibid ., 53 .", "Ibid., 53."),
        ("Okoye, “Tides , Waves ,” 12 .", "Okoye, “Tides , Waves ,” 12."),  # a quoted title as printed
        ("Иванов А. В. Указ. соч. : С. 5", "Иванов А. В. Указ. соч. : С. 5"),  # Cyrillic spacing kept
        ("王某 , 《书》", "王某 , 《书》"),
        ("see p. 5 . . . and", "see p. 5. . . and"),
    ],
    traditional_lead_ins: [
        ("可參見陳某，《書》", "可参见陳某，《書》"),
        ("轉引自李某，〈文〉", "转引自李某，〈文〉"),
        ("《參考消息》，「詳見」", "《參考消息》，「詳見」"),  # titles and quotes keep their characters
        ("意見書の見方", "意見書の見方"),  # 見 alone is no lead word
    ],
    punctuation_width: [
        ("王某:《大国关系》,北京:某出版社2015年版,第12页.", "王某：《大国关系》，北京：某出版社2015年版，第12页。"),
        ("李明:《A,B:C》;王强:《D》", "李明：《A,B:C》；王强：《D》"),  # titles keep their printed punctuation
        ("某某(2015年)", "某某（2015年）"),
        # a docket's year stays as printed: the case number is a value
        ("参见某法院(2019)沪01民终77号民事判决书", "参见某法院(2019)沪01民终77号民事判决书"),
        (
            "见 Waltz, Theory, New York: Random House, 1979, p. 5。",
            "见 Waltz, Theory, New York: Random House, 1979, p. 5。",
        ),
        ("佐藤優『国家の罠』新潮社, 2005年", "佐藤優『国家の罠』新潮社, 2005年"),  # Japanese: its own conventions
        ("이영훈, 「조선후기」, 1998", "이영훈, 「조선후기」, 1998"),
        ("http://a.cn/x,y:z 访问", "http://a.cn/x,y:z 访问"),  # a URL is printed as is
    ],
    ascii_title_marks: [
        ("王某:<<大国关系>>,2015", "王某:《大国关系》,2015"),
        ("a <b> c", "a <b> c"),
    ],
    broken_words: [
        ("Inter- national Re- view", "International Review"),
        ("the so- called rule", "the so-called rule"),  # as at a line end: a compound prefix keeps its hyphen
        ("The W orld Order", "The World Order"),
        ("A theory of pro- and anti-war views; I think", "A theory of pro- and anti-war views; I think"),
        ("Kenneth N Waltz", "Kenneth N Waltz"),
    ],
    url_tails: [
        ("http://www.a.cn/t1.htm[2020-04-20]。", "http://www.a.cn/t1.htm [2020-04-20]。"),
        ("https://a.org/x.html.(访问时间：2021年3月1日)", "https://a.org/x.html (访问时间：2021年3月1日)"),
        ("https://en.wikipedia.org/wiki/A_(b)", "https://en.wikipedia.org/wiki/A_(b)"),
    ],
    site_debris: [
        ("王某：《书》，某出版社2015年版，第3页。被引量:1", "王某：《书》，某出版社2015年版，第3页。"),
        (
            "김철수, 「논문」, 『학보』 3 (2001), 5쪽. KCI 피인용횟수 3 | 다운로드 118",
            "김철수, 「논문」, 『학보』 3 (2001), 5쪽.",
        ),
        ("『다운로드 12의 역사』", "『다운로드 12의 역사』"),  # a title's words: not after an item
        ("J. Doe, “T,” Journal 2 (2001): 1-9. [Cited by 3] Google Scholar", "J. Doe, “T,” Journal 2 (2001): 1-9."),
        (
            "Orr, K. (2018). Tides. In A. Lee (Ed.), Ports (pp. 5-9). Harbor Press. Download citation",
            "Orr, K. (2018). Tides. In A. Lee (Ed.), Ports (pp. 5-9). Harbor Press.",
        ),
        # a count with a thousands separator, a registered-mark index name
        (
            "Roe, A. (2011). Tides. Marine Letters, 4(2), 5–9. [Cited by 2,315]",
            "Roe, A. (2011). Tides. Marine Letters, 4(2), 5–9.",
        ),
        (
            "Roe, A. (2011). Tides. Marine Letters, 4(2), 5–9. Crossref Web of Science® Google Scholar",
            "Roe, A. (2011). Tides. Marine Letters, 4(2), 5–9.",
        ),
        # a journal site's links in brackets, separated by commas (``[Web of Science ®]`` spaced)
        (
            "Roe, A. (2011) 'Tides', Marine Letters, 4(2), pp. 5-9. [Crossref], [Web of Science ®], [Google Scholar]",
            "Roe, A. (2011) 'Tides', Marine Letters, 4(2), pp. 5-9.",
        ),
        ("Roe, A. (2011) Tides, Crossref, Boston.", "Roe, A. (2011) Tides, Crossref, Boston."),
        ("引用 3", "引用 3"),  # too short to be a reference with debris
        # a web page's back-link to the text after each note (Markdown footnotes), once or numbered
        ("Ann Lee, Tide Law, 12 Va. L. Rev. 301, 305 (2011). ↩", "Ann Lee, Tide Law, 12 Va. L. Rev. 301, 305 (2011)."),
        ("Id. at 307. ↩\ufe0e ↩2", "Id. at 307."),
        ("Ann Lee, Tides (2011) ↑", "Ann Lee, Tides (2011)"),
    ],
    odd_dashes: [
        ("『港湾史研究』第12巻第3号、1991年、5\u201022頁。", "『港湾史研究』第12巻第3号、1991年、5-22頁。"),
        ("pp. 40 \u2212 52", "pp. 40-52"),
        ("『1\u20102』", "『1\u20102』"),  # a title keeps its dash
    ],
    kanji_numerals: [
        ("木下亮『港町の記憶』白鷺書房、一九七三年、二〇八頁。", "木下亮『港町の記憶』白鷺書房、1973年、208頁。"),
        ("県史編纂室編『県史』第十二巻、某社、二〇〇五年、四頁。", "県史編纂室編『県史』第12巻、某社、2005年、4頁。"),
        ("『一九八四年』の第三章", "『一九八四年』の第3章"),  # a title keeps its kanji
        ("三年後に再び論じる。", "三年後に再び論じる。"),  # not a year: no four digits
        ("統一頁", "統一頁"),  # a kanji word before 頁, not a number
        (
            "『港湾新報』一九九八年五月一二日夕刊、一四面。",
            "『港湾新報』1998年5月12日夕刊、14面。",
        ),  # a newspaper's page
        ("問題の一面、二面を見る", "問題の一面、二面を見る"),  # 面 as a word: no edition before it
    ],
    southeast_asian_locators: [
        ("Jurnal Studi Asia, Vol. 4, No. 2 (2018), hlm. 12-30.", "Jurnal Studi Asia, Vol. 4, No. 2 (2018), pp. 12-30."),
        ("Tạp chí Xã hội học, số 12, 2019, tr. 5-9.", "Tạp chí Xã hội học, No. 12, 2019, pp. 5-9."),
        ("Ann Lee, tr. Bo Kim, Seoul, 1999.", "Ann Lee, tr. Bo Kim, Seoul, 1999."),  # tr. before a name: translated by
        ("“Ekonomi, hal. yang baru,” 2001.", "“Ekonomi, hal. yang baru,” 2001."),  # in quotes: as printed
    ],
    glued_page_ranges: [
        ("Review 12 (1998), pp. 423442.", "Review 12 (1998), pp. 423-442."),
        ("pp. 2019", "pp. 2019"),  # halves fall: not a range
        ("第 3253 页", "第 3253 页"),  # four digits after 第 are a page
        ("第 112118 页", "第 112-118 页"),
        ("Quarterly, 41(2), pp. 1128-1160.", "Quarterly, 41(2), pp. 1128-1160."),  # a range as printed
        ("pp. 1214–1230", "pp. 1214–1230"),
        ("Urban Studies, 2011, 48(7): 14461470.", "Urban Studies, 2011, 48(7): 1446-1470."),  # GB/T
        ("Population, 2014, 35: 312330.", "Population, 2014, 35: 312-330."),
        ("Population, 2014, 35: 3123.", "Population, 2014, 35: 3123."),  # four digits: a page
    ],
}


@pytest.mark.parametrize(
    "fix,before,after",
    [(f, b, a) for f, cases in CASES.items() for b, a in cases],
    ids=lambda v: getattr(v, "__name__", None) or str(v)[:24],
)
def test_normalizer(fix, before, after):
    assert fix(before) == after


def test_every_normalizer_is_tested_and_in_the_pipeline():
    assert set(CASES) == set(NORMALIZERS)


def test_normalize_runs_all_in_order():
    text = "王某:<<大国关系>>,北京:某出版社2015年版,第12页.被引量:2"
    assert normalize(text) == "王某：《大国关系》，北京：某出版社2015年版，第12页。"


def _fields(text):
    x = extract_notes(text)
    return [(e.type, e.fields) for e in x.entries], x.notes


def test_ascii_punctuation_note_reads_like_the_full_width_one():
    ascii_ = _fields("1 王某:《大国关系》,北京:某某出版社2015年版,第12页。")[0]
    wide = _fields("1 王某：《大国关系》，北京：某某出版社2015年版，第12页。")[0]
    assert ascii_ == wide
    assert ascii_[0][1]["publisher"] == "某某出版社" and ascii_[0][1]["location"] == "北京"


def test_glued_note_numbers_are_markers_only_in_sequence():
    _, notes = _fields(
        "1王某：《大国关系》，某某出版社2015年版，第12页。\n\n2同上书，第15页。\n\n"
        "3Robert Jervis, Perception and Misperception in International Politics, "
        "Princeton: Princeton University Press, 1976, p. 58.\n\n5G网络的安全问题另有讨论。"
    )
    assert [n.note.number for n in notes] == [1, 2, 3, 4]
    assert notes[0].note.text.startswith("王某") and notes[2].note.text.startswith("Robert")
    assert notes[3].note.text.startswith("5G")  # 5 does not continue 1, 2, 3: not a marker


def test_unnumbered_reference_list_one_item_per_line():
    x = extract_notes(
        "Allison, G. (2017) Destined for War. Boston: Houghton Mifflin Harcourt.\n"
        "White, H. (2012) The China Choice: Why America Should Share\nPower. Collingwood: Black Inc.\n"
        "费孝通. 乡土中国[M]. 北京: 北京大学出版社, 1998.\n"
    )
    assert [n.note.text[:8] for n in x.notes] == ["Allison,", "White, H", "费孝通. 乡土中"]
    assert x.notes[1].note.text.endswith("Share Power. Collingwood: Black Inc.")  # a wrapped item stays whole


def test_kanji_page_range_and_kanji_month_day_are_read():
    # vertical Japanese printing: a range of pages and a full date in kanji
    c = read_note("山田太郎『近世の港町と商人』（吉川弘文館、一九九八年）一二三～一四五頁。").citations[0]
    assert c.parsed.locator == "123-145"
    assert kanji_numerals("『大阪朝日新聞』一九〇五年九月十二日付") == "『大阪朝日新聞』1905年9月12日付"
    assert kanji_numerals("『一九八四年』三月") == "『一九八四年』三月"  # a title and a month without a year stay


def test_traditional_lead_ins_are_cut_and_split_like_simplified_ones():
    # commentary, then 可參見 and a mid-note 另參見: two citations, no lead word in an author
    cs = read_note(
        "關於港口貿易的討論，可參見陳志遠，《清代的淡水港》（臺北：稻鄉出版社，1996），頁30；"
        "另參見何美華，《基隆港史》（基隆：海洋出版社，2004），頁7-9。"
    ).citations
    assert [c.parsed.fields.get("author") for c in cs] == ["陳志遠", "何美華"]
    assert traditional_lead_ins("《參考消息》，參見") == "《參考消息》，参见"  # a title keeps its characters


def test_see_the_essays_in_an_edited_book_with_esp_pages():
    c = read_note(
        "On the wool trade, see the essays in Margaret L. Thorne, ed., Merchants of the North Sea "
        "(Oxford: Clarendon Press, 1994), esp. 33–41."
    ).citations[0]
    assert c.parsed.fields["editor"] == "Thorne, Margaret L."
    assert c.parsed.fields["title"] == "Merchants of the North Sea"
    assert (c.parsed.fields["publisher"], c.parsed.locator) == ("Clarendon Press", "33-41")


def test_a_kanji_page_range_with_the_horizontal_bar_is_a_range():
    # Japanese typesetting joins a range with U+2015 (―): once kanji numerals are digits it is 115-118
    from annobib.extract.normalize import normalize

    assert normalize("岩波書店、一九二七年、一一五―一一八頁。") == "岩波書店、1927年、115-118頁。"
    assert normalize("『上巻―下巻』") == "『上巻―下巻』"  # a title keeps its bar


def test_a_page_written_after_the_page_word_is_the_locator():
    # older mainland and Taiwanese notes write the page word first: 页192-195, 頁 30
    from annobib.extract.fields import parse_citation
    from annobib.extract.normalize import normalize

    p = parse_citation(normalize("谢某著、耿某译:《中国的寺院经济》,兰州:甘肃人民出版社1987年版,页192─195。"))
    assert p.locator == "192-195"
    assert parse_citation("王某:《某书》,北京:某某出版社2001年版,第3页。").locator == "3"


def test_a_bare_can_before_an_author_is_a_lead_word_but_not_in_a_name():
    # older notes write 参 alone for 参见 before the author; 参议院 and 参谋长 are names
    from annobib.extract.citations import strip_lead_in

    assert strip_lead_in("参道端某:《唐代佛教史の研究》,京都:法藏馆,1957年").startswith("道端某")
    assert strip_lead_in("参议院:《某报告》").startswith("参议院")
