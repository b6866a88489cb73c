"""Segmentation by evidence: commentary around citations is dropped, new citations after 。 split."""

import pytest

from annobib.extract.citations import read_note
from annobib.extract.segment import citation_score, citation_start, sentences


@pytest.mark.parametrize(
    "note,start",
    [
        ("关于两者的区别，可以参考李明：《国际秩序的变迁》，载《世界经济与政治》2018年第3期，第4—20页。", "李明"),
        ("这些成果主要有：王某：《权力转移》，上海人民出版社2010年版。", "王某"),
        ("这一问题的讨论很多，如赵某：《冷战的起源》，北京：人民出版社2001年版。", "赵某"),
        (
            "For a critique of this view, see Robert Jervis, “Cooperation under the Security Dilemma,” World Politics, Vol. 30, No. 2, 1978.",
            "Robert",
        ),
        # Japanese commentary ends at 、 and the author is followed by 『 with no colon
        ("詳しくは、森田真一『物価の経済学』有斐閣、2016年、第3章を参照されたい。", "森田真一"),
        ("日本側の議論については、北川亮・森田真一『金融政策の論点』東洋経済新報社、2015年を参照。", "北川亮"),
    ],
)
def test_commentary_before_a_citation_is_cut(note, start):
    assert note[citation_start(note) :].startswith(start)


@pytest.mark.parametrize(
    "note",
    [
        "周方银：《中国崛起与东亚秩序》，载《当代亚太》2012年第5期。",  # an author colon is not commentary
        "蔡某：〈兩岸關係的新變局〉，《遠景基金會季刊》，第20卷第1期，2019年。",
        "Waltz, Theory of International Politics, p. 5.",
    ],
)
def test_a_citation_keeps_its_start(note):
    assert citation_start(note) == 0


def test_score_tells_prose_from_citation():
    assert citation_score("王某：《大国关系》，北京：某出版社2015年版，第12页") >= 6
    assert citation_score("本文作者认为，这一判断值得商榷") < 0


def test_new_author_after_full_stop_starts_a_citation():
    note = "李明：《国际秩序》，人民出版社2010年版，第3页。王强：《权力转移》，上海人民出版社2012年版。"
    assert len(sentences(note)) == 2
    reading = read_note(note)
    assert [c.parsed.fields["author"] for c in reading.citations] == ["李明", "王强"]


@pytest.mark.parametrize(
    "note, authors",
    [
        (
            "Pim Orlov, Harbours of the North (Oslo: Fjord, 1971), 88. For an opposing reading, see Ada Venn, "
            "“Ice and Empire,” Polar Review 12, no. 2 (1990): 40–61.",
            ["Orlov, Pim", "Venn, Ada"],
        ),
        (
            "Orlov, op. cit., 91. On the navy's role, see Ada Venn, “Ice and Empire,” Polar Review 12 (1990): 40–61.",
            ["Venn, Ada"],
        ),
        (
            "Лебедев И. П. Указ. соч. С. 12. Ср.: Соколова Н. В. Северный путь. СПб.: Нева, 2003. С. 7–9.",
            ["Соколова, Н. В."],
        ),
        (
            "오지훈, 앞의 책, 41쪽. 이와 다른 견해로는 Mi-ra Seo, “Ports and Power,” Harbor Studies 8, no. 2 (2019): 3-20 참조.",
            ["Seo, Mi-ra"],
        ),
    ],
)
def test_a_sentence_opening_with_see_after_a_cited_page_cites_a_new_work(note, authors):
    # the sentence before ends with its page; the signal (see, Ср.) opens the next citation
    assert len(sentences(note)) == 2
    got = [c.parsed.fields.get("author") for c in read_note(note).citations if c.parsed is not None]
    assert got[-len(authors) :] == authors


def test_unquoted_western_citation_after_a_chinese_full_stop_starts_a_citation():
    note = (
        "钱立:《边疆与帝国》,《近代史研究》2015年第4期,第7-30页。Jonah K. Pell, A Frontier of Salt: Trade and Empire "
        "in Inner Asia, Boston: Harbor House, 2009, p. 12."
    )
    assert len(sentences(note)) == 2
    fields = [c.parsed.fields for c in read_note(note).citations]
    assert [f.get("author") for f in fields] == ["钱立", "Pell, Jonah K."]
    assert fields[1]["title"] == "A Frontier of Salt: Trade and Empire in Inner Asia"


def test_commentary_only_notes_cite_nothing():
    for note in ("本文作者认为，这一判断值得商榷。", "原文为：“我们必须坚持合作。”"):
        assert read_note(note).status == "not-a-citation"


def _run(text):
    from annobib.extract import extract_notes

    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def test_distinct_volumes_of_one_work_are_never_merged():
    x, by_key = _run(
        "1 《毛泽东选集》第5卷，人民出版社1977年版，第12页。\n\n2 《毛泽东选集》第4卷，人民出版社1991年版，第1360页。\n\n"
        "3 《毛泽东选集》，第15页。"
    )
    a, b = x.notes[0].keys[0], x.notes[1].keys[0]
    assert a != b
    assert (by_key[a].fields["volume"], by_key[a].fields["date"]) == ("5", "1977")
    assert (by_key[b].fields["volume"], by_key[b].fields["date"]) == ("4", "1991")


@pytest.mark.parametrize(
    "ref", ["上书，第 20 页。", "前引王某书，第 20 页。", "前引(1)，王某书，第 20 页。", "上引王某书，第 20 页。"]
)
def test_noisy_back_references_join_their_work(ref):
    x, by_key = _run(
        "1 李明：《国际秩序》，人民出版社2010年版，第3页；王某：《大国关系》，北京：某某出版社2015年版，第12页。\n\n"
        "2 " + ("李明：前引书，第5页。\n\n3 " if not ref.startswith("上书") else "") + ref
    )
    wang = x.notes[0].keys[1]
    last = x.notes[-1]
    target = wang if "王某" in ref else x.notes[-2].keys[-1]
    assert last.keys == [target]
    assert by_key[target].citations[-1].locator == "20"


def test_commentary_glued_to_an_author_and_a_western_citation_after_it():
    reading = read_note(
        "笔者于2019年7月在H县的访谈,编号HX20190712。类似现象亦见于欧阳静:《策略主义》,北京:中国政法大学出版社2011年版。"
    )
    assert [c.parsed.fields.get("author") for c in reading.citations] == ["欧阳静"]
    reading = read_note(
        "可参考杜某:《经济外交》,北京:世界知识出版社2010年版。此外,英文文献中较有代表性的是Nicholas Bayne and "
        "Stephen Woolcock, eds., The New Economic Diplomacy, Farnham: Ashgate, 2011."
    )
    assert len(reading.citations) == 2 and reading.citations[1].parsed.fields.get("publisher") == "Ashgate"


COMMENTARY_ONLY = [
    "访谈记录：GZ-2020-05-11-02，访谈对象为广州某物流公司司机，男，31岁。",
    "Исследование выполнено при финансовой поддержке РФФИ (проект № 20-09-00456).",
    "ここでいう「統治」は、制度上の権限と実際の影響力の双方を含む広い意味で用いる。",
    "This estimate leaves out the northern districts, for which records begin only in 1841.",
    "The line is often drawn between “hard” and “soft” law; this chapter treats only the former.",
    "This Article uses “reef” in its legal rather than its geological sense; nothing turns on it here.",
    "On the difference between “guest” and “visitor”, I follow the usage of my hosts.",
    "Здесь и далее полевые материалы автора (экспедиция 2015 г., Мезенский район).",
    "本节部分内容曾以《祠堂的公与私》为题在某学术论坛上宣读，感谢评议人的意见。",
    "《海道针经》的版本及其流传情况，学界已有较多讨论，此不赘述。",
    "本稿では、「沿岸」と「沖合」の区分を当時の行政実務上の用法に従う。",
]


@pytest.mark.parametrize("note", COMMENTARY_ONLY)
def test_commentary_only_notes_in_many_languages_cite_nothing(note):
    from annobib.extract.citations import read_note

    reading = read_note(note)
    assert reading.status == "not-a-citation" and not reading.citations, reading


@pytest.mark.parametrize(
    ("note", "texts"),
    [
        (  # a whole citation, then the work it was read in
            "孙立群等：《乡村合作社回忆录》，上海：上海人民出版社 2009 年版，第 88 页，转引自周文斌："
            "《集体化时期的乡村干部》，《当代中国史研究》2016 年第 3 期，第 61—70 页。",
            ["孙立群等：《乡村合作社回忆录》", "周文斌：《集体化时期的乡村干部》"],
        ),
        (  # a diary or a saying known only through the second work: one citation
            "胡适日记，1933年2月4日，转引自杜明远：《近代学人与政治》，第77页。",
            ["杜明远：《近代学人与政治》"],
        ),
    ],
)
def test_quoted_from_splits_only_after_a_whole_citation(note, texts):
    reading = read_note(note)
    assert reading.status == "cited"
    assert len(reading.citations) == len(texts)
    assert all(c.text.startswith(t) for c, t in zip(reading.citations, texts))


def test_commentary_then_a_chinese_lead_word_before_a_western_citation():
    note = (
        "钱某：《明代漕运的财政逻辑》，《中国经济史研究》2019 年第 2 期。另外，关于漕粮折银的争论，可参考 "
        "Henrik Salvesen, “Grain, Silver and the Grand Canal,” Ming Studies, Vol. 79, No. 2 (2017), pp. 44-71."
    )
    first, second = read_note(note).citations
    assert first.parsed.fields["journaltitle"] == "中国经济史研究"
    assert second.parsed.fields["author"] == "Salvesen, Henrik"
    assert second.parsed.fields["journaltitle"] == "Ming Studies"


def test_a_topic_clause_between_the_lead_word_and_the_full_stop_opens_a_second_citation():
    # 此外，关于…，可参看: the topic named before the lead word, with ASCII or full-width commas
    for comma, colon in (("，", "："), (",", ":")):
        note = (
            f"孙某{colon}《清代盐政研究》{comma}北京{colon}中华书局2011年版{comma}第88页。此外{comma}关于两淮盐引折价{comma}"
            f"可参看周某{colon}《盐引与白银》{comma}《史学月刊》2016年第5期{comma}第30—41页。"
        )
        first, second = read_note(note).citations
        assert first.parsed.fields["title"] == "清代盐政研究" and "series" not in first.parsed.fields
        assert (second.parsed.fields["author"], second.parsed.fields["journaltitle"]) == ("周某", "史学月刊")


def test_a_japanese_and_joins_two_citations():
    # …、および B『…』: the second work is a citation of its own, not part of the first one's imprint
    reading = read_note(
        "この点は、北川亮「金利と銀行」『金融研究』第12号、2011年、5-9頁、および森田真一『物価の経済学』有斐閣、2016年を参照。"
    )
    assert [c.parsed.fields.get("title") for c in reading.citations] == ["金利と銀行", "物価の経済学"]
    assert reading.citations[0].parsed.fields.get("author") == "北川亮"
