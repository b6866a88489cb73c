"""Note markers (superscripts, full-width brackets, bare numbers) and the citing sentences of
the body.
Each case was written for these tests (not taken from any evaluation set)."""

from conftest import run_notes

from annobib.extract import extract_text


def test_full_width_bracket_markers_in_loose_notes():
    x, by_key = run_notes(
        "［1］张华：《货币与信用》，北京：商务印书馆 1988 年版，第 7 页。\n\n"
        "［2］同上，第 9 页。\n\n"
        "［3］［英］约翰·希克斯：《经济史理论》，厉以平译，商务印书馆 1987 年版。\n"
    )
    assert [n.note.number for n in x.notes] == [1, 2, 3]
    key = x.notes[0].keys[0]
    assert by_key[key].fields["author"] == "张华"
    assert x.notes[1].status == "cited" and x.notes[1].keys == [key]
    assert by_key[x.notes[2].keys[0]].fields["author"] == "约翰·希克斯"


def test_endnotes_with_full_width_brackets_after_the_body():
    text = (
        "— 12 —\n《经济史研究》2021 年第 3 期\n"
        "明代白银货币化的进程早已引起学界注意。［1］其影响远及财政与赋役。［2］\n"
        "白银与赋役\n— 13 —\n"
        "一条鞭法的推行与白银流入密切相关。［3］\n注释：\n"
        "［1］赵明：《白银与明代社会》，北京：中华书局 2005 年版，第 44 页。\n"
        "［2］同上，第 50 页。\n"
        "［3］赵明：前引书，第 61 页。\n"
    )
    x = extract_text(text)
    assert [(n.note.page, n.note.number, n.status) for n in x.notes] == [
        (13, 1, "cited"),
        (13, 2, "cited"),
        (13, 3, "cited"),
    ]
    assert len(x.entries) == 1 and x.entries[0].fields["author"] == "赵明"
    assert [c.locator for c in x.entries[0].citations] == ["44", "50", "61"]
    assert all(n.note.linked for n in x.notes)


def test_english_body_sentences_are_the_citing_context():
    text = (
        "ESSAYS ON TRADE\n11\n"
        "Silver flowed into Fujian after 1570.1 The Spanish galleons carried most of it.2 Officials in\n"
        "Beijing watched the flows with unease.3\n"
        "Notes\n"
        "1. Ann Carter, Silver Roads (Boston: Beacon, 1990), 3.\n"
        "2. Ibid., 5.\n"
        "3. Bill Noyes, Junks and Sails (Boston: Beacon, 1992), 8.\n"
    )
    x = extract_text(text)
    ctx = [n.note.context for n in x.notes]
    assert ctx == [
        "Silver flowed into Fujian after 1570.",
        "The Spanish galleons carried most of it.",
        "Officials in Beijing watched the flows with unease.",
    ]


def test_superscript_markers_in_body_and_notes():
    text = (
        "— 40 —\n《东亚评论》2021 年第 4 期\n"
        "海洋秩序的变化早已引起注意。¹ 其影响远及渔业与航运。²\n"
        "¹ 陈立：《海洋与秩序》，北京：海洋出版社 2010 年版，第 12 页。\n"
        "² 同上，第 15 页。\n"
        "— 41 —\n《东亚评论》2021 年第 4 期\n"
        "渔业争端的解决需要新的机制。¹\n"
        "¹ 陈立：前引书，第 20 页。\n"
    )
    x = extract_text(text)
    assert [(n.note.page, n.note.number, n.status) for n in x.notes] == [
        (40, 1, "cited"),
        (40, 2, "cited"),
        (41, 1, "cited"),
    ]
    assert all(n.note.linked for n in x.notes)
    assert len(x.entries) == 1 and [c.locator for c in x.entries[0].citations] == ["12", "15", "20"]


def test_two_digit_superscript_markers_in_loose_notes():
    x, _ = run_notes("¹² Mary Lee, The Salt Road (London: Verso, 2001), 3.\n\n¹³ Ibid., 7.\n")
    assert [n.note.number for n in x.notes] == [12, 13]
    assert x.notes[1].keys == x.notes[0].keys


def test_bare_number_markers_before_full_width_brackets_and_a_surname_that_is_a_measure_word():
    text = (
        "— 30 —\n《港口研究》2021 年第 4 期\n"
        "港口的扩张很快。1 航运随之增长。2 共有 30 余人参加。\n"
        "1 ［日］田中一郎：《港湾史》，海洋出版社 2001 年版，第 3 页。\n"
        "2 余平：《航运史》，商务印书馆 2012 年版，第 30 页。\n"
    )
    x = extract_text(text)
    assert [(n.note.number, n.status) for n in x.notes] == [(1, "cited"), (2, "cited")]
    assert sorted(e.fields["author"] for e in x.entries) == ["余平", "田中一郎"]


def test_traditional_zhu_markers_and_their_back_references():
    # 註n： marks the notes of Taiwanese journals; the marker must not stay in the author, and
    # 同前註 / 前揭書 / 前引文 must join the work they point back to
    x, by_key = run_notes(
        "註釋\n\n"
        "註1：王志明，《港口與帝國：清代臺灣的貿易網絡》（臺北：稻鄉出版社，2003），頁12。\n\n"
        "註2：同前註，頁15。\n\n"
        "註3：李美玲，〈日治時期的港埠行政〉，《臺灣史研究》第9卷第2期（2002），頁33-60。\n\n"
        "註4：王志明，前揭書，頁40。\n\n"
        "註5：李美玲，前引文，頁41。\n"
    )
    assert [n.note.number for n in x.notes] == [1, 2, 3, 4, 5]
    book, article = x.notes[0].keys[0], x.notes[2].keys[0]
    assert by_key[book].fields["author"] == "王志明"
    assert by_key[article].fields["author"] == "李美玲"
    assert [n.keys for n in x.notes[1:]] == [[book], [article], [book], [article]]
    assert [n.status for n in x.notes] == ["cited"] * 5


def test_bracketed_zhu_markers_of_a_blog_copy_split_the_notes():
    # ``[注1]`` … as a blog prints an article's notes: one note per marker, not one note in all
    for lead in ("[注{}] ", "【注{}】", "[註 {}]"):
        notes = [
            "周明:《城市与乡村》,北京:人民出版社2010年版,第12页。",
            "同上书,第15页。",
            "Ann Carter, Silver Roads, Boston: Beacon Press, 1990, p. 7.",
            "周明:前引书,第20页。",
        ]
        x, by_key = run_notes("注释:\n" + "\n".join(lead.format(i) + n for i, n in enumerate(notes, 1)) + "\n")
        assert [n.note.number for n in x.notes] == [1, 2, 3, 4], lead
        first = x.notes[0].keys[0]
        assert by_key[first].fields["title"] == "城市与乡村"
        assert x.notes[1].keys == [first] and x.notes[3].keys == [first]
        assert by_key[x.notes[2].keys[0]].fields["title"] == "Silver Roads"


def test_a_page_number_ending_the_last_note_is_no_note_of_its_own():
    # ``С. 3.`` closes note 2; read as marker 3 it left note 2 without its page and made an empty note
    x, by_key = run_notes(
        "1 Петров А. Б. Речь на сессии // Известия. 1960. 3 мая; Правда. 1960. 4 мая.\n\n2 Там же. С. 3.\n"
    )
    assert [n.note.number for n in x.notes] == [1, 2]
    pravda = x.notes[1].keys[0]
    assert [c.locator for c in by_key[pravda].citations if c.note == 2] == ["3"]


def test_a_reprint_notice_after_the_notes_is_no_part_of_the_last_note():
    x, by_key = run_notes(
        "①Kelley Brand, The Health Organization, London: Routledge, 2009, p. 12.\n"
        "（本文原载《某某研究》2022年第4期，注释有删节。）阅读 3.4万 在看 102 写留言\n"
    )
    (entry,) = by_key.values()
    assert entry.fields["title"] == "The Health Organization" and entry.fields["publisher"] == "Routledge"
