"""`tag` changes its entries without parsing the rest of the file (``annobib.bib.targeted``),
and reads the whole file whenever the shortcut could differ from the full read."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import run_cli

from annobib import editing
from annobib.bib import parse, read_library
from annobib.bib.targeted import read_for_keys


def plain(n: int, start: int = 0) -> str:
    return "".join(
        f"@article{{e{i:05d},\n  title = {{Study {i}}},\n  date = {{{1990 + i % 30}}},\n  keywords = {{k{i}}}\n}}\n\n"
        for i in range(start, start + n)
    )


@pytest.fixture
def counted(monkeypatch):
    """How many chunks the parser looked at (every chunk passes through its fast path)."""
    seen = []
    real = parse._fast_record

    def counting(chunk):
        seen.append(chunk)
        return real(chunk)

    monkeypatch.setattr(parse, "_fast_record", counting)
    return seen


ONE = "@article{e01500,\n  title = {Study 1500},\n  date = {1990},\n  keywords = {k1500}\n}\n"


@pytest.mark.parametrize(
    "args, changed",
    [
        (["tag", "e01500", "+seen"], ONE.replace("{k1500}", "{k1500, seen}")),
        (["annotate", "e01500", "--text", "Good."], ONE.replace("{k1500}\n", "{k1500},\n  annote = {Good.}\n")),
        (["rm", "--yes", "e01500"], ""),
    ],
)
def test_a_cold_write_by_key_parses_its_entry_not_the_file(tmp_path, counted, monkeypatch, args, changed):
    bib = tmp_path / "big.bib"
    bib.write_text(plain(3000), encoding="utf-8")
    before = bib.read_text(encoding="utf-8")
    monkeypatch.setenv("ANNOBIB_NO_CACHE", "1")  # nothing cached: the whole file is new
    res = run_cli(["--bib", str(bib), *args])
    assert res.exit_code == 0, res.stderr
    # the entry itself, and the check that its new text reads back: not the other 2,999
    assert len(counted) <= 3, len(counted)
    assert bib.read_text(encoding="utf-8") == before.replace(ONE + ("\n" if not changed else ""), changed)
    bib.write_text(before, encoding="utf-8")
    counted.clear()
    monkeypatch.setattr(editing, "QUICK", False)  # the full read parses every chunk
    assert run_cli(["--bib", str(bib), *args]).exit_code == 0
    assert len(counted) >= 3000


def _both(tmp_path, monkeypatch, text: str, args: list[str], name: str = "t.bib"):
    """(exit code, stdout, stderr, bytes after) with the shortcut and with the full read."""
    out = []
    for quick in (True, False):
        bib = tmp_path / name
        bib.write_bytes(text.encode("utf-8"))
        monkeypatch.setattr(editing, "QUICK", quick)
        res = run_cli(["--bib", str(bib), *args])
        out.append((res.exit_code, res.stdout, res.stderr, bib.read_bytes()))
    return out


MACROS = (
    "% a file as people write them\n"
    "@string{jps = {Journal of Politics}}\n"
    '@preamble{"\\newcommand{\\noop}[1]{}"}\n\n' + plain(3) + "@comment{jabref-meta: databaseType:biblatex;}\n\n"
    "@article{mac1,\n  journal = jps,\n  title = {M{\\\"u}ller's \\& co % not a comment},\n  keywords = {a; b},\n}\n\n"
    + plain(2, 10)
    + '@misc(paren1, title = {Parens}, note = "quoted {x}")\n'
    "@misc{a1, title={A}} @misc{midline, title={Mid}}\n"
    "@string{late = {Later}}\n"
    "@article{last,\n  title = {Last # entry},\n  journal = late,\n}"
)


@pytest.mark.parametrize(
    "args",
    [
        ["tag", "mac1", "+x", "-a"],
        ["tag", "e00001", "e00011", "+x"],
        ["tag", "paren1", "+x"],
        ["tag", "midline", "+x"],
        ["tag", "last", "+x"],
        ["tag", "e00000", "+x"],
        ["tag", "mac1", "+x", "--dry-run"],
        ["tag", "mac1", "+a"],  # no change
        ["tag", "e00002", "-k2"],  # the field goes
        ["annotate", "mac1", "--text", "Fine & dandy: 50% of it."],
        ["annotate", "e00000", "--append", "--text", "More."],
        ["rm", "--yes", "mac1"],  # printed with the @string it uses
        ["rm", "--yes", "e00001", "last"],
        ["rm", "--dry-run", "midline"],
    ],
)
@pytest.mark.parametrize("variant", ["lf", "crlf", "bom"])
def test_the_shortcut_writes_what_the_full_read_writes(tmp_path, monkeypatch, args, variant):
    text = MACROS
    if variant == "crlf":
        text = text.replace("\n", "\r\n")
    elif variant == "bom":
        text = "\ufeff" + text
    quick, full = _both(tmp_path, monkeypatch, text, args)
    assert quick == full
    assert quick[0] == 0, quick[2]
    bib = tmp_path / "t.bib"
    bib.write_bytes(text.encode("utf-8"))
    keys = [a for a in args[1:] if a[0] not in "+-" and a not in ("--text", "Fine & dandy: 50% of it.", "More.")]
    assert read_for_keys(bib, keys, lock=False) is not None  # the shortcut was taken


FALLBACKS = {
    "duplicate key": (plain(3) + plain(1, 1), "e00001"),
    "duplicate in another case": (plain(3) + "@misc{E00001, title = {Other}}\n", "e00001"),
    "key only in another case": (plain(3), "E00001"),
    "unknown key": (plain(3), "e00009"),
    "key in a comment line": (plain(3) + "% was: @misc{e00001, title = {Old}}\n", "e00001"),
    "unbalanced brace before": ("@misc{b1, title = {Open {brace}\n\n" + plain(3), "e00002"),
    "unclosed entry after": (plain(3) + "@book{cut, title = {Cut\n", "e00001"),
    "crossref": (plain(2) + "@incollection{ch1, crossref = {e00001}, title = {Ch}}\n", "ch1"),
}


@pytest.mark.parametrize("case", sorted(FALLBACKS))
def test_an_ambiguous_file_is_read_whole(tmp_path, monkeypatch, case):
    text, key = FALLBACKS[case]
    bib = tmp_path / "t.bib"
    bib.write_text(text, encoding="utf-8")
    assert read_for_keys(bib, [key]) is None
    quick, full = _both(tmp_path, monkeypatch, text, ["tag", key, "+x"])
    assert quick == full  # the same result, message or write, as the full read


def test_a_head_after_a_percent_sign_is_read_as_the_parser_reads_it(tmp_path, monkeypatch):
    """``%@misc{k,`` inside a chunk: the shortcut parses that chunk as the full read does, so
    both see (or do not see) the same entry."""
    text = plain(2) + "%@misc{e00007, title = {Old}}\n" + plain(2, 3)
    quick, full = _both(tmp_path, monkeypatch, text, ["tag", "e00007", "+x"])
    assert quick == full


def test_several_files_are_read_whole(tmp_path, counted):
    one, two = tmp_path / "one.bib", tmp_path / "two.bib"
    one.write_text(plain(50), encoding="utf-8")
    two.write_text(plain(50, 100), encoding="utf-8")
    res = run_cli(["--bib", str(one), "--bib", str(two), "tag", "e00120", "+x"])
    assert res.exit_code == 0, res.stderr
    assert "k120, x" in two.read_text(encoding="utf-8")
    assert len(counted) >= 100


def test_the_cache_follows_the_shortcuts_writes(tmp_path, monkeypatch):
    bib = tmp_path / "c.bib"
    bib.write_text(plain(400), encoding="utf-8")
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    assert run_cli(["--bib", str(bib), "list", "--tag", "k7"]).exit_code == 0  # builds the view
    for word in ("+first", "+second"):  # back to back
        assert run_cli(["--bib", str(bib), "tag", "e00007", word]).exit_code == 0
    res = run_cli(["--bib", str(bib), "list", "--tag", "second", "--json"])
    assert res.exit_code == 0 and '"e00007"' in res.stdout
    res = run_cli(["--bib", str(bib), "show", "e00007", "--json"])
    assert "k7, first, second" in res.stdout
    assert read_library(bib).get("e00007").fields["keywords"] == "k7, first, second"


def test_undo_puts_back_what_the_shortcut_replaced(tmp_path):
    bib = tmp_path / "u.bib"
    bib.write_text(plain(300), encoding="utf-8")
    before = bib.read_bytes()
    assert run_cli(["--bib", str(bib), "tag", "e00100", "+x"]).exit_code == 0
    assert bib.read_bytes() != before
    assert run_cli(["--bib", str(bib), "undo"]).exit_code == 0
    assert bib.read_bytes() == before


def test_a_change_made_meanwhile_is_refused(tmp_path, monkeypatch):
    """The shortcut's library carries the stamp of what it read: the write's conflict check
    (under the lock) sees a change made behind annobib's back."""
    bib = tmp_path / "r.bib"
    bib.write_text(plain(10), encoding="utf-8")
    lib = read_for_keys(bib, ["e00003"])
    assert lib is not None and lib.lock_token is not None
    lib.get("e00003").fields["keywords"] = "k3, x"
    bib.write_text(plain(11), encoding="utf-8")  # another program, which takes no lock
    from annobib.editing import save
    from annobib.errors import ConflictError

    with pytest.raises(ConflictError):
        save(lib)
    lib.release()
    assert bib.read_text(encoding="utf-8") == plain(11)


_PIECE = st.sampled_from(
    ["jn", "a", "x y", "{b}", "{", "}", '"', "%", "#", "\\", "@", ",", "=", "\n", "(", "{c {d}}", "2020"]
)
_VALUE = st.lists(_PIECE, max_size=5).map("".join)
_CLOSE = {"{": "}", '"': '"', "": ""}
_FIELD = st.tuples(st.sampled_from(["title", "note", "t"]), st.sampled_from(["{", '"', ""]), _VALUE).map(
    lambda f: f"{f[0]} = {f[1]}{f[2]}{_CLOSE[f[1]]}"
)
_ENTRY = st.tuples(
    st.sampled_from(["@misc{", "@article{", "@string{", "@comment{", "@misc(", "@ misc{", "  @book{", "@commentary{"]),
    st.sampled_from(["k1", "k2", "", "k 3", "k1"]),
    st.lists(_FIELD, max_size=3),
    st.sampled_from(["}", ",}", "", ")", "}}"]),
    st.sampled_from(["\n", "\n\n", " ", "\n% note\n", "\n@x\n", ""]),
).map(lambda e: e[0] + e[1] + "," + ",\n".join(e[2]) + e[3] + e[4])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ENTRY, min_size=1, max_size=6).map("".join))
def test_a_chunk_left_unparsed_is_one_the_parser_reads_as_one_entry(text):
    """What the shortcut leaves as text is never a block that fails, a @string or a comment."""
    from annobib.bib.targeted import _CHUNK_START, _odd_chunks

    odd = {s for s, _ in _odd_chunks(text)}
    bounds = [0] + [m.start() + 1 for m in _CHUNK_START.finditer(text)] + [len(text)]
    for s, e in zip(bounds, bounds[1:]):
        if s in odd or s == e:
            continue
        for fast in (True, False):
            parse.FAST_PATH = fast
            try:
                (rec,) = parse.parse_chunks([text[s:e]])
            finally:
                parse.FAST_PATH = True
            assert [item[0] for item in rec] == ["entry"], (text[s:e], rec)


_MACRO = st.sampled_from(["@string{jn = {J N}}\n", '@string(jn = "Q" # jn)\n', "@comment{k1, x}\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_ENTRY, _MACRO), min_size=1, max_size=6).map("".join), st.sampled_from(["k1", "k2", "K1"]))
def test_what_the_shortcut_reads_and_writes_is_what_the_full_read_does(text, key):
    import tempfile

    from annobib.bib.writer import library_text
    from annobib.editing import change_tags

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.bib"
        path.write_bytes(text.encode("utf-8"))
        quick = read_for_keys(path, [key], lock=False)
        if quick is None:
            return
        full = read_library(path)
    assert not any(b.kind == "failed" for b in full.blocks)
    mine, theirs = quick.get(key), full.get(key)
    assert mine is not None and theirs is not None
    assert (mine.type, mine.fields) == (theirs.type, theirs.fields)
    assert quick.strings == full.strings and quick.original_text == full.original_text
    assert change_tags(mine, ["new"]) == change_tags(theirs, ["new"])
    assert library_text(quick) == library_text(full)


@pytest.mark.parametrize(
    "text",
    [
        "@" + " " * 200_000 + "{e00001,\n",  # spaces the head patterns could backtrack over
        plain(1) + "\n@" + "\t " * 100_000 + "x\n",
        plain(1) + "@a{e00001 " + " " * 200_000 + ",\n",
        # the parser's fast path backtracked over this: 20,000 groups took 0.6 s, 100,000 16 s
        "@misc{e00001, title = {" + "{a}" * 100_000 + "x}\n" + "\n" * 100_000,
    ],
)
def test_hostile_shapes_are_read_in_linear_time(tmp_path, text):
    import time

    bib = tmp_path / "h.bib"
    bib.write_text(text, encoding="utf-8")
    start = time.process_time()
    read_for_keys(bib, ["e00001"], lock=False)
    assert time.process_time() - start < 1.0
