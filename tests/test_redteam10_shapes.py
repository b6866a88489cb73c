"""Round-10 hostile shapes: a cost per distinct value must stay small and constant.

Each test counts the work done (or compares CPU at 1x and 4x input) rather than timing a run.
"""

from __future__ import annotations

import difflib

from annobib.checks import form


def test_an_unknown_langid_tries_only_names_that_could_match(monkeypatch):
    # 25,000 distinct unknown langids ran 93 difflib matchers each (9 s of validate)
    tried: list[int] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(form.difflib, "get_close_matches", lambda w, p, **kw: tried.append(len(p)) or real(w, p, **kw))
    for i in range(2_000):
        assert form._closest_langid(f"l{i}") is None
    assert sum(tried) < 2_000  # was 93 names tried for every value


def test_the_langid_suggestion_is_difflibs():
    names = sorted(form.KNOWN_LANGIDS)
    for typo in ["englsh", "chinse", "japanse", "frnch", "germn", "russain", "l1", "zz", "x" * 40, "ngl-sh", "e"]:
        want = difflib.get_close_matches(typo, names, n=1, cutoff=0.75)
        assert form._closest_langid(typo) == (want[0] if want else None), typo
    assert form._closest_langid("englsh") == "english"


def _family_notes(n: int, rnd=None) -> list:
    """``n`` full citations by one author, then ``n`` short forms (``Smith, Title, 2.``): of the
    first work, or with ``rnd`` of random works and heads of their titles."""
    from annobib.extract.notes import loose_notes

    words = ["alpha", "beta", "gamma", "delta", "river", "stone", "light", "order"]
    titles = [" ".join(w.capitalize() for w in (words[k % 8], words[k // 8 % 8], words[k // 64 % 8])) for k in range(n)]
    lines = [f"{k + 1}. John Smith, {t} (London: Press, {2000 + k % 9}), 1." for k, t in enumerate(titles)]
    for k in range(n):
        t = titles[0] if rnd is None else rnd.choice(titles)[: rnd.randint(4, 30)]
        lines.append(f"{n + k + 1}. Smith, {t}, {k + 2}.")
        if rnd is not None and rnd.random() < 0.2:  # new works between short forms
            lines.append(f"{n + k + 1}. John Smith, {rnd.choice(words)} {k} (London: Press, 2001), 1.")
    return loose_notes("\n\n".join(lines))


def test_back_references_to_one_family_test_each_work_once():
    from annobib.extract.entries import Builder

    n = 300
    b = Builder()
    results = [b.add_note(note) for note in _family_notes(n)]
    assert {tuple(r.keys) for r in results[n:]} == {tuple(results[0].keys)}
    assert b.comparisons <= 3 * n, b.comparisons  # every short form scanned all n works: n*n


def test_back_references_join_the_same_works_as_a_full_scan():
    import random

    from annobib.extract.entries import Builder

    class NoMemo(dict):
        def __setitem__(self, key, value):
            pass

    for seed in range(3):
        notes = _family_notes(60, random.Random(seed))
        fast, slow = Builder(), Builder()
        slow._short_memo = NoMemo()
        got = [(fast, fast.add_note(n).keys) for n in notes], [(slow, slow.add_note(n).keys) for n in notes]
        # keys are still id(work) here: compare the works' places
        places = [[[{id(w): w.index for w in b.works}[k] for k in keys] for b, keys in side] for side in got]
        assert places[0] == places[1]
        assert len(fast.works) == len(slow.works) > 60
        assert fast.comparisons < slow.comparisons
