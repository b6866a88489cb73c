"""Note styles on the template layer: cn-notes (Chinese social-science journals) and Chicago 17."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from annobib.model import Entry
from annobib.render import render
from annobib.styles import format_bibliography
from annobib.styles.notes import Cite, format_notes

REPO = Path(__file__).resolve().parents[1]


def E(key, type_, **fields):
    return Entry(key, type_, {k: v for k, v in fields.items()})


def note(entry, form="full", loc=None, style="cn-notes"):
    from annobib.styles import style_module

    return render(style_module(style).note(entry, form, loc), "text")


LIU = E(
    "liu",
    "article",
    author="刘琳",
    title="美菲“肩并肩 2025”，美国新版“印太战略”现端倪",
    journaltitle="世界知识",
    date="2025",
    number="10",
    pages="25-27",
    langid="chinese",
)
MORROW = E(
    "morrow",
    "article",
    author="Morrow, James D.",
    title="Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances",
    journaltitle="American Journal of Political Science",
    date="1991",
    volume="35",
    number="2",
    pages="904-933",
    langid="english",
)
WALT = E(
    "walt",
    "book",
    author="Walt, Stephen M.",
    title="The Origins of Alliances",
    location="Ithaca, NY",
    publisher="Cornell University Press",
    date="1987",
    langid="english",
)


def test_the_seed_article_footnotes_are_reproduced():
    """The judged check: ≥ 90 % of the article's first-citation notes identical (lead-ins, cited
    pages and white space set aside; benchmarks/notes_seed.py says how)."""
    spec = importlib.util.spec_from_file_location("notes_seed", REPO / "benchmarks" / "notes_seed.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    same, total, differ = mod.compare()
    assert total == 48
    assert same / total >= 0.9, differ
    assert differ == []  # 48/48 today


def test_chinese_journal_article_book_translation_newspaper_web_chapter_thesis():
    assert (
        note(LIU)
        == "刘琳：《美菲“肩并肩 2025”，美国新版“印太战略”现端倪》，载《世界知识》2025 年第 10 期，第 25—27 页。"
    )
    assert note(LIU, loc="26").endswith("第 10 期，第 26 页。")
    nye = E(
        "nye",
        "book",
        author="约瑟夫·奈",
        nationality="美",
        translator="马娟娟",
        title="软实力",
        location="北京",
        publisher="中信出版社",
        date="2013",
        langid="chinese",
    )
    assert note(nye, loc="5") == "[美]约瑟夫·奈：《软实力》，马娟娟译，北京：中信出版社 2013 年版，第 5 页。"
    paper = E(
        "rm",
        "article",
        author="钟声",
        title="霸凌行径不得人心",
        journaltitle="人民日报",
        entrysubtype="newspaper",
        date="2025-01-03",
        pages="3",
        langid="chinese",
    )
    assert note(paper) == "钟声：《霸凌行径不得人心》，《人民日报》2025 年 1 月 3 日，第 3 版。"
    web = E(
        "w",
        "online",
        author="王毅",
        title="讲话",
        organization="外交部",
        date="2025-03-07",
        url="https://example.org/a",
        urldate="2025-04-01",
        langid="chinese",
    )
    assert (
        note(web) == "王毅：《讲话》，外交部，2025 年 3 月 7 日，https://example.org/a，访问时间：2025 年 4 月 1 日。"
    )
    ch = E(
        "c",
        "incollection",
        author="张三 and 李四 and 王五 and others",
        title="论文",
        booktitle="文集",
        editor="赵六",
        location="北京",
        publisher="社会科学文献出版社",
        date="2020",
        pages="1-20",
        langid="chinese",
    )
    assert (
        note(ch)
        == "张三、李四、王五等：《论文》，载赵六主编：《文集》，北京：社会科学文献出版社 2020 年版，第 1—20 页。"
    )
    th = E("t", "phdthesis", author="陈七", title="同盟研究", school="北京大学", date="2019", langid="chinese")
    assert note(th, loc="8") == "陈七：《同盟研究》，博士学位论文，北京大学，2019 年，第 8 页。"


def test_japanese_items_take_kagikakko_and_western_ones_the_journals_numbering():
    ja = E(
        "j",
        "article",
        author="山田太郎",
        title="日米同盟の将来",
        journaltitle="国際政治",
        volume="200",
        date="2020",
        pages="1-15",
        langid="japanese",
    )
    assert note(ja) == "山田太郎「日米同盟の将来」『国際政治』200巻、2020 年、1—15頁。"
    assert note(MORROW) == (
        "James D. Morrow, “Alliances and Asymmetry: An Alternative to the Capability Aggregation "
        "Model of Alliances,” American Journal of Political Science, Vol. 35, No. 2, 1991, "
        "pp. 904-933."
    )
    assert (
        note(WALT, loc="25")
        == "Stephen M. Walt, The Origins of Alliances, Ithaca, NY: Cornell University Press, 1987, p. 25."
    )


def test_later_citations_are_short_or_ibid_and_numbered_per_manuscript():
    cites = [
        Cite(["liu"], ["25"]),
        Cite(["liu"], ["26"]),
        Cite(["morrow"]),
        Cite(["morrow"], ["910"]),
        Cite(["liu"], ["27"]),
        Cite(["morrow", "walt"], [None, "12"]),
    ]
    notes = [render(n, "text") for n in format_notes([LIU, MORROW, WALT], cites)]
    assert notes[0].endswith("第 10 期，第 25 页。")
    assert notes[1] == "同上，第 26 页。"
    assert notes[2].startswith("James D. Morrow, “Alliances")
    assert notes[3] == "Ibid., p. 910."
    assert notes[4] == "刘琳：《美菲“肩并肩 2025”，美国新版“印太战略”现端倪》，第 27 页。"
    assert notes[5] == (
        "Morrow, “Alliances and Asymmetry”; Stephen M. Walt, The Origins of Alliances, "
        "Ithaca, NY: Cornell University Press, 1987, p. 12."
    )


def test_chicago_notes_short_notes_and_bibliography():
    assert note(MORROW, style="chicago") == (
        "James D. Morrow, “Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of "
        "Alliances,” American Journal of Political Science 35, no. 2 (1991): 904–33."
    )
    assert note(WALT, loc="25", style="chicago") == (
        "Stephen M. Walt, The Origins of Alliances (Ithaca, NY: Cornell University Press, 1987), 25."
    )
    assert note(MORROW, "short", "910", style="chicago") == "Morrow, “Alliances and Asymmetry,” 910."
    news = E(
        "n",
        "article",
        author="Sherman, Natalie",
        title="Has Trump promised too much on US economy?",
        journaltitle="BBC",
        entrysubtype="newspaper",
        date="2025-01-18",
        url="https://www.bbc.com/x",
    )
    assert note(news, style="chicago") == (
        "Natalie Sherman, “Has Trump promised too much on US economy?” BBC, January 18, 2025, https://www.bbc.com/x."
    )
    # Chicago never uses Ibid. (17th ed., 14.34): the same work again is the short note
    again = format_notes([WALT], [Cite(["walt"], ["3"]), Cite(["walt"], ["4"])], style="chicago")
    assert render(again[1], "text") == "Walt, The Origins of Alliances, 4."
    refs = format_bibliography([WALT, MORROW], "chicago", system="bibliography")
    assert [render(r.text, "text") for r in refs] == [
        "Morrow, James D. “Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of "
        "Alliances.” American Journal of Political Science 35, no. 2 (1991): 904–33.",
        "Walt, Stephen M. The Origins of Alliances. Ithaca, NY: Cornell University Press, 1987.",
    ]
    assert refs[0].label is None
    assert refs[1].text.runs[1].italic  # the book's title


def test_cli_format_note_styles_and_a_wrong_system(cli_run):
    bib = ["--bib", str(REPO / "refs" / "article.bib")]
    r = cli_run(bib + ["format", "--style", "cn-notes", "--to", "text", "liu2025meifei", "morrow1991alliances"])
    assert r.exit_code == 0
    assert "[8] 刘琳：《美菲“肩并肩 2025”" in r.stdout and "Vol. 35, No. 2, 1991" in r.stdout
    r = cli_run(
        bib + ["format", "--style", "chicago", "--system", "bibliography", "--to", "text", "morrow1991alliances"]
    )
    assert r.exit_code == 0 and r.stdout.startswith("Morrow, James D. “Alliances")
    r = cli_run(bib + ["format", "--style", "cn-notes", "--system", "author-date"])
    assert r.exit_code == 2 and "no author-date system" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


@pytest.mark.parametrize("style", ["cn-notes", "chicago"])
def test_sparse_entries_of_every_type_never_raise(style):
    """A half-filled entry (no journal, no title, nothing at all) gives a shorter note, not an error."""
    from annobib.styles import style_module

    mod = style_module(style)
    types = ["article", "book", "incollection", "inproceedings", "phdthesis", "report", "online", "misc", "patent"]
    fieldsets = [
        {},
        {"title": "T"},
        {"author": "Smith, J."},
        {"author": "刘琳", "langid": "chinese"},
        {"title": "日本", "langid": "japanese"},
        {"entrysubtype": "newspaper"},
        {"editor": "Doe, A."},
    ]
    for t in types:
        for fs in fieldsets:
            e = E("k", t, **fs)
            for form in ("full", "short", "ibid"):
                render(mod.note(e, form, "3"), "text")
            if style == "chicago":
                render(mod.format_entry(e, system="bibliography"), "text")
    assert render(mod.note(E("k", "article", title="T", langid="english")), "text").startswith("“T")


def test_chicago_romanizes_cjk_works_and_nests_quotations():
    out = note(LIU, style="chicago")
    assert out == (
        "Liu Lin, “Mei-Fei ‘jianbingjian 2025’, Meiguo xinban ‘Yintai zhanlüe’ xian duanni,” "
        "Shijie Zhishi, no. 10 (2025): 25–27."
    )
    assert note(LIU, "short", "26", style="chicago") == "Liu, “Mei-Fei ‘jianbingjian 2025’, Meiguo,” 26."
    # cn-notes keeps the original script for the same entry
    assert note(LIU).startswith("刘琳：《美菲“肩并肩 2025”")
