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
