"""The lookup cache: fast path imports nothing heavy, never stale, re-parses only what changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from annobib.bib import library as bib_library
from annobib.lookup import view as cache
from annobib.lookup.view import PARSE_CACHE

REPO = Path(__file__).resolve().parents[1]

BIB = """@string{jps = "Journal of Peace Studies"}

@article{liu2025, author = {刘琳}, title = {美国亚太联盟}, journal = jps, year = 2025}

@book{morrow1991, author = {Morrow, James D.}, title = {Alliances and Asymmetry}, year = 1991}

@misc{third, title = {Third entry}, year = 2001}
"""


@pytest.fixture()
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "c.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def keys(path: Path, query: str) -> list[str]:
    from annobib.lookup.query import parse, run

    view = cache.load_view(path)
    return [view.keys()[i] for i, _ in run(parse(query), view.haystacks)]


def test_fast_path_imports_neither_bibtexparser_nor_pypinyin(env, tmp_path):
    code = (
        "import sys\n"
        "from annobib.cli import main\n"
        "try:\n"
        f"    main(['--bib', {str(env)!r}, 'search', 'liulin'])\n"
        "except SystemExit as e:\n"
        "    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('bibtexparser', 'pypinyin', 'pylatexenc', 'httpx'))\n"
        "print('HEAVY', heavy)\n"
    )
    run_env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), ANNOBIB_CACHE_DIR=str(tmp_path / "cache"))
    first = subprocess.run([sys.executable, "-c", code], env=run_env, capture_output=True, text=True)
    # the first read parses (plain entries and @string blocks need no bibtexparser any more)
    assert "liu2025" in first.stdout and "HEAVY [" in first.stdout, first.stdout + first.stderr
    second = subprocess.run([sys.executable, "-c", code], env=run_env, capture_output=True, text=True)
    assert "liu2025" in second.stdout
    assert "HEAVY []" in second.stdout, second.stdout + second.stderr


def test_never_stale_even_with_same_size_and_mtime(env):
    assert keys(env, "asymmetry") == ["morrow1991"]
    st = os.stat(env)
    text = env.read_text(encoding="utf-8").replace("Asymmetry", "Symmetryy")  # same length
    env.write_text(text, encoding="utf-8")
    os.utime(env, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(env).st_size == st.st_size and os.stat(env).st_mtime_ns == st.st_mtime_ns
    assert keys(env, "asymmetry") == []
    assert keys(env, "symmetryy") == ["morrow1991"]


def test_only_changed_chunks_are_parsed_again(env, monkeypatch):
    cache.load_view(env)
    parsed: list[int] = []
    real = bib_library.parse_chunks

    def counting(chunks):
        parsed.append(len(chunks))
        return real(chunks)

    monkeypatch.setattr(bib_library, "parse_chunks", counting)
    cache.load_view(env)
    assert parsed == []  # unchanged: nothing parsed
    env.write_text(BIB.replace("Third entry", "Third entry, edited"), encoding="utf-8")
    assert keys(env, "edited") == ["third"]
    assert parsed == [1]
    # read_library reuses the same per-chunk parses
    parsed.clear()
    lib = bib_library.read_library(env, store=PARSE_CACHE)
    assert parsed == [] and lib.get("third").fields["title"] == "Third entry, edited"


def test_macro_changes_reach_entries_that_use_them(env):
    assert keys(env, "journal:peace") == ["liu2025"]
    env.write_text(BIB.replace("Journal of Peace Studies", "Pacific Affairs"), encoding="utf-8")
    assert keys(env, "journal:peace") == []
    assert keys(env, "journal:pacific") == ["liu2025"]


def test_a_corrupt_cache_is_ignored(env, tmp_path):
    cache.load_view(env)
    for f in (tmp_path / "cache").iterdir():
        f.write_bytes(b"garbage")
    assert keys(env, "liulin") == ["liu2025"]


def test_rows_are_cached_per_version(env):
    view = cache.load_view(env)
    rows = view.summaries
    assert [r[0] for r in rows] == ["liu2025", "morrow1991", "third"]
    assert rows[0][2] == "刘琳" and rows[0][5] == "Journal of Peace Studies" and rows[0][6] == "zh"
    sums = list((Path(os.environ["ANNOBIB_CACHE_DIR"])).glob("*.sum"))
    assert len(sums) == 1
    env.write_text(BIB.replace("Morrow, James D.", "Walt, Stephen M."), encoding="utf-8")
    assert cache.load_view(env).summaries[1][2] == "Walt"


def _counting_rows(monkeypatch) -> list[list[str]]:
    """Record the keys of the entries whose rows are computed (not reused)."""
    computed: list[list[str]] = []
    real = cache.batch_summaries

    def counting(entries, sort_keys=True):
        computed.append([e.key for e in entries])
        return real(entries, sort_keys)

    monkeypatch.setattr(cache, "batch_summaries", counting)
    return computed


def test_after_an_edit_only_the_changed_entrys_row_is_computed(env, monkeypatch):
    computed = _counting_rows(monkeypatch)
    assert [r[0] for r in cache.load_view(env).summaries] == ["liu2025", "morrow1991", "third"]
    assert computed == [["liu2025", "morrow1991", "third"]]
    computed.clear()
    edited = "% a new first line shifts every entry\n" + BIB.replace("Morrow, James D.", "Walt, Stephen M.")
    env.write_text(edited, encoding="utf-8")
    rows = cache.load_view(env).summaries
    assert computed == [["morrow1991"]]
    assert rows[1][2] == "Walt" and rows[1][9] == "walt stephen m."
    computed.clear()
    monkeypatch.setenv("ANNOBIB_NO_CACHE", "1")
    fresh = cache.load_view(env, use_cache=False).summaries  # the same rows computed from scratch
    assert computed == [["liu2025", "morrow1991", "third"]] and fresh == rows


def test_rows_of_entries_using_a_changed_macro_are_computed_again(env, monkeypatch):
    cache.load_view(env).summaries  # noqa: B018 - computes and saves the rows
    computed = _counting_rows(monkeypatch)
    env.write_text(BIB.replace("Journal of Peace Studies", "Pacific Affairs"), encoding="utf-8")
    rows = cache.load_view(env).summaries
    assert computed == [["liu2025"]]  # the entry that says journal = jps; the others are reused
    assert rows[0][5] == "Pacific Affairs"


def test_problems_keep_their_lines_across_incremental_rebuilds(env):
    broken = BIB + "\n@misc{bad, title = {Open\n\n@misc{after, title = {After}}\n"
    env.write_text(broken, encoding="utf-8")
    first = cache.load_view(env)
    (p,) = first.problems
    line = p.line
    env.write_text(broken.replace("@book{morrow1991,", "% a new comment line\n@book{morrow1991,"), encoding="utf-8")
    again = cache.load_view(env)
    assert [q.line for q in again.problems] == [line + 1]
    assert "after" in again.keys()
    assert again.lines[again.index_of("after")] == first.lines[first.index_of("after")] + 1
    assert again.raw_text(again.index_of("third")).startswith("@misc{third,")


def test_stat_trust_only_for_settled_files_and_never_stale(env, tmp_path):
    old = 1_600_000_000_000_000_000  # 2020: long settled
    os.utime(env, ns=(old, old))
    time_ok = os.stat(env).st_ctime_ns  # ctime is now; trust needs it 2 s old
    assert keys(env, "asymmetry") == ["morrow1991"]
    assert not list((tmp_path / "cache").glob("*.trust"))  # just changed: hash every time
    cache_mod = cache
    saved = cache_mod.RACY_NS
    cache_mod.RACY_NS = -(10**12)  # pretend the change is old enough
    try:
        assert keys(env, "asymmetry") == ["morrow1991"]
        assert list((tmp_path / "cache").glob("*.trust"))
        # a same-size rewrite with the mtime set back still changes ctime: seen
        text = env.read_text(encoding="utf-8").replace("Asymmetry", "Symmetryy")
        env.write_text(text, encoding="utf-8")
        os.utime(env, ns=(old, old))
        assert keys(env, "asymmetry") == [] and keys(env, "symmetryy") == ["morrow1991"]
    finally:
        cache_mod.RACY_NS = saved
    assert time_ok


def test_cache_files_are_the_owners_only_and_a_shared_folder_is_left_alone(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(shared))
    bib = tmp_path / "c.bib"
    bib.write_text(BIB, encoding="utf-8")
    cache.load_view(bib).summaries  # noqa: B018 - writes the view and the rows
    written = [f for f in shared.iterdir() if f.suffix in (".view", ".sum", ".trust")]
    assert {f.suffix for f in written} >= {".view", ".sum"}
    assert all(f.stat().st_mode & 0o777 == 0o600 for f in written)
    assert shared.stat().st_mode & 0o777 == 0o755  # a folder someone chose is not changed
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "new" / "cache"))
    cache.load_view(bib)
    assert (tmp_path / "new" / "cache").stat().st_mode & 0o077 == 0


def test_no_cache_switch_also_bypasses_the_parse_cache(env, monkeypatch):
    cache.load_view(env)
    assert PARSE_CACHE.records(env)  # the view's parses are offered to read_library
    monkeypatch.setenv("ANNOBIB_NO_CACHE", "1")
    assert PARSE_CACHE.records(env) == {}
