"""Short forms whose author is unknown find their work through the title index: the same work a
scan of every earlier work finds, with a handful of title tests each (a notes file stays linear).
The titles and notes are written for these tests."""

from __future__ import annotations

import random

from annobib.extract.entries import Builder, _near, _title_forms
from annobib.extract.notes import loose_notes
from annobib.extract.titleindex import TitleIndex


def _fits(short: str, title: str) -> bool:
    """The test of ``Builder._short_match``, written out: the reference for the index."""
    full, bare = _title_forms(title)
    return bool(full) and (
        full.startswith(short) or short.startswith(full) or bare.startswith(short) or _near(short, full)
    )


def _random_title(rnd: random.Random) -> str:
    words = ["The", "A", "war", "peace", "law", "sea", "order", "国际", "关系", "安全", "战略", "秩序", "x", "y"]
    return " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 6)))


def _random_short(rnd: random.Random, titles: list[str]) -> str:
    full = _title_forms(rnd.choice(titles))[rnd.randint(0, 1)]
    how = rnd.randint(0, 4)
    if how == 0:
        return full[: rnd.randint(1, len(full) or 1)]  # a head of the title
    if how == 1:
        return full + "".join(rnd.choice("abx关系") for _ in range(rnd.randint(1, 3)))  # a longer short form
    if how == 2 and len(full) > 2:  # a typo
        k = rnd.randrange(len(full))
        return full[:k] + rnd.choice("aze与和") + full[k + 1 :]
    if how == 3:
        return full[rnd.randint(0, len(full)) :]  # a tail: fits only by a near title
    return "".join(rnd.choice("warpeace关系") for _ in range(rnd.randint(1, 12)))


def test_the_index_offers_every_work_that_fits_latest_first():
    rnd = random.Random(11)
    for _round in range(40):
        titles = [_random_title(rnd) for _ in range(rnd.randint(1, 60))]
        index = TitleIndex()
        for i, t in enumerate(titles):
            index.add(i, *_title_forms(t))
        for _ in range(60):
            short = _random_short(rnd, titles)
            if not short:
                continue
            offered = index.candidates(short)
            assert offered == sorted(set(offered), reverse=True)
            fitting = [i for i, t in enumerate(titles) if _fits(short, t)]
            assert set(fitting) <= set(offered), (short, titles)
            first = next((i for i in offered if _fits(short, titles[i])), None)
            assert first == (fitting[-1] if fitting else None)


def _notes(n: int) -> list:
    """``n`` full citations by ``n`` authors, then a title-only short form of each, oldest first
    (a scan from the latest work tests every later work first), then short forms that fit nothing."""
    rnd = random.Random(5)
    pool = "国际秩序安全困境战略互信制度变迁权力转移联盟政治经济发展历史文化社会结构理论方法"

    def title() -> str:
        return "".join(rnd.choice(pool) for _ in range(rnd.randint(8, 14)))

    titles = [title() for _ in range(n)]
    lines = [f"{k + 1}. 作者{k}：《{t}》，北京：某某出版社，2015年，第1页。" for k, t in enumerate(titles)]
    lines += [f"{n + k + 1}. 《{t}》，前引，第2页。" for k, t in enumerate(titles)]
    lines += [f"{2 * n + k + 1}. 《{title()}》，前引，第3页。" for k in range(n)]
    return loose_notes("\n\n".join(lines))


def test_short_forms_of_unknown_family_cost_a_few_title_tests_each():
    for n in (50, 400):
        b = Builder()
        results = [b.add_note(note) for note in _notes(n)]
        joined = results[n : 2 * n]
        assert all(r.status == "cited" and r.joined == [True] for r in joined)
        assert [r.keys for r in joined] == [r.keys for r in results[:n]]  # each to its own work
        # a scan over all earlier works would make ~n*n/2 + n*n tests; the index, a few per note
        assert b.comparisons <= 4 * n, (n, b.comparisons)


def test_repeated_op_cit_of_an_unknown_author_does_not_rescan_every_work():
    n = 300
    lines = [f"{k + 1}. 作者{k}：《书名第{k}种》，北京：某某出版社，2015年，第1页。" for k in range(n)]
    lines += [f"{n + 1}. 某国研究院世界经济与政治研究所：《年鉴》，北京：某某出版社，2016年，第2页。"]
    lines += [f"{n + 2 + k}. 世界经济与政治研究所，前引书，第{k + 3}页。" for k in range(n)]  # no family matches
    b = Builder()
    results = [b.add_note(note) for note in loose_notes("\n\n".join(lines))]
    cited = results[n + 1 :]
    assert {tuple(r.keys) for r in cited} == {tuple(results[n].keys)}  # each to the institute's book
    # the first op. cit. tests every work once; the others reuse that list (n*n tests before)
    assert b.comparisons <= 3 * n, b.comparisons


def test_works_by_author_text_are_those_a_scan_of_every_work_finds():
    """``Builder._author_holds`` (op. cit. of an author no family finds) searches the authors joined
    by ``str.find``; it must give what a test of every work gives, in the works' order, for authors
    filed as works come, learnt later by a work filed before, and asked before or after."""
    from annobib.extract.entries import _Work

    rnd = random.Random(7)
    parts = ["研究所", "世界", "经济", "Smith", "John", "政治", "Lee", "所"]
    b = Builder()
    asked: list[str] = []
    for k in range(400):
        author = "".join(rnd.choice(parts) for _ in range(rnd.randint(1, 3)))
        w = _Work(type="book", fields={"author": author} if rnd.random() < 0.8 else {}, citations=[], names=[])
        w.index = len(b.works)
        b.works.append(w)
        b._file_author(w)
        if rnd.random() < 0.1:  # an anonymous work learns its author later
            late = rnd.choice([x for x in b.works if "author" not in x.fields] or [w])
            if "author" not in late.fields:
                late.fields["author"] = rnd.choice(parts) + "所"
                b._file_author(late)
        if rnd.random() < 0.05:
            asked.append("".join(rnd.choice(parts) for _ in range(rnd.randint(1, 2))))
            b._author_holds(asked[-1])
    for who in [*asked, *parts, "研究所世界", "nobody"]:
        scan = [w for w in b.works if who in (w.fields.get("author") or "")]
        assert [w.index for w in b._author_holds(who)] == [w.index for w in scan], who
