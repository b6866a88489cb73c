"""A multi-author back-reference (``North and Weingast, op. cit.``, ``李明、王强，前引书``) joins the
latest work whose families hold every name: found among the works filed under the first family
(plus those that learnt a name later), not by testing every earlier work (a long notes file was
quadratic). The notes are written for these tests."""

from __future__ import annotations

import itertools

import annobib.extract.entries as entries
from annobib.extract.entries import Builder
from annobib.extract.notes import loose_notes


def _results(lines: list[str]) -> tuple[Builder, list]:
    b = Builder()
    return b, [b.add_note(note) for note in loose_notes("\n\n".join(lines))]


def test_a_work_that_learns_its_authors_later_is_found_by_them():
    b, results = _results(
        [
            "1. 《共同报告》，http://example.org/report，2001年。",  # no author: filed under no family
            "2. 李明、王强：《共同报告》，http://example.org/report，2001年。",  # the same work, now with authors
            "3. 李明、王强，前引书，第5页。",
        ]
    )
    assert [r.status for r in results] == ["cited"] * 3
    assert results[2].keys == results[0].keys and results[2].joined == [True]
    assert len(b.works) == 1


def test_a_multi_author_op_cit_tests_only_the_works_of_its_first_family(monkeypatch):
    syllables = ["Kal", "Bor", "Tun", "Mek", "Ras", "Vol", "Dun", "Pim", "Sor", "Lag", "Fen", "Hig", "Wox", "Zer"]
    names = [a + b.lower() for a, b in itertools.permutations(syllables, 2)]
    n = 80
    lines = [
        f"{k + 1}. John {names[2 * k]} and Mary {names[2 * k + 1]}, Study of Things {k}, London: Press, 2001, p. 1."
        for k in range(n)
    ]
    lines += [f"{n + k + 1}. {names[2 * k]} and {names[2 * k + 1]}, op. cit., p. 2." for k in range(n)]
    tested = []
    real_by_authors, real_families = Builder._by_authors, entries._families

    def by_authors(self, who):
        monkeypatch.setattr(entries, "_families", lambda fields: tested.append(1) or real_families(fields))
        try:
            return real_by_authors(self, who)
        finally:
            monkeypatch.setattr(entries, "_families", real_families)

    monkeypatch.setattr(Builder, "_by_authors", by_authors)
    _b, results = _results(lines)
    assert [r.keys for r in results[n:]] == [r.keys for r in results[:n]]  # each to its own work
    assert 0 < len(tested) <= 2 * n  # a scan of every earlier work: ~n*n


def test_families_split_names_as_the_brace_aware_loop_does():
    """``_families_of`` splits a name list by ``str.split`` when no brace (nor `` and and ``) is
    there; the answer must be that of the loop that splits outside braces, on every list."""
    import random

    from annobib.extract.keys import family_part

    def by_loop(who: str) -> frozenset[str]:
        depth, start, parts = 0, 0, []
        for i, ch in enumerate(who):
            depth += ch == "{"
            depth -= ch == "}"
            if depth == 0 and who.startswith(" and ", i):
                parts.append(who[start:i])
                start = i + 5
        parts.append(who[start:])
        return frozenset(family_part(p.strip()) for p in parts if p.strip() and p.strip() != "others")

    rng = random.Random(5)
    pieces = ["A", " and ", "and", " ", "{", "}", "Smith, J.", "王某", "others", "B. Lee", " and and ", "{UN and EU}"]
    lists = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    for who in [*lists, "Smith, J. and and Lee, B.", "{Ford and Sons} and Lee, B."]:
        assert entries._families_of.__wrapped__(who, None) == by_loop(who), who
