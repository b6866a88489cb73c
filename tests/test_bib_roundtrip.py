"""Round trips through annobib.bib: read -> write is byte-identical; one edit is one change."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from annobib.bib import read_library, write_library
from annobib.bib.writer import library_text
from annobib.errors import ConflictError, InputError
from generate import generate  # tests/generate.py (pytest puts tests/ on the path)

REPO = Path(__file__).resolve().parents[1]

MESSY = r"""% A bibliography people actually have: macros, comments, odd spacing, both dialects.
@STRING{ jps = "Journal of Peace Studies" }
@string(ir = {International Relations})
@preamble{ "\providecommand{\noopsort}[1]{}" }

@comment{ jabref-meta: databaseType:biblatex; }

@Article{ Liu2025,
  Author    = {刘琳 and Sol{\'\i}s, Jos{\'e} and {U.S. Department of Defense}},
  TITLE     = {{NASA} and the \textit{World} -- a study of \emph{alliances}},
  Journal   = jps,
  year      = 2025,
  month     = jan,
  note      = "quoted " # ir,
  pages     = {25--30},
}

@book{ morrow1991,
	author	= "Morrow, James D.",
	title	= "Alliances and Asymmetry",
	address	= {Ithaca},
	publisher = {Cornell University Press},
	year = "1991"
}
@incollection(paren2020, author = {Cha, Victor D.}, title = {Powerplay}, booktitle = {Origins}, year = 2020)
@commentary{c1,
  title = {An entry whose type begins with comment},
}
Some stray text between entries that is an implicit comment.
@misc{  spaced  ,
  title = {Spaces around the key},   howpublished = {\url{https://example.org/a~b}},
  keywords = {alliance, 联盟},
}
@online{web1, title={Last entry without a trailing newline}, url={https://www.mfa.gov.cn/x}}"""

BROKEN = """@article{good1,
  title = {Fine},
}

@article{broken,
  title = {Unbalanced {brace,
  year = 2020
}

@article{good2, title = {Also fine}}
"""


def _files(tmp_path: Path) -> dict[str, bytes]:
    files = {
        "messy.bib": MESSY.encode("utf-8"),
        "crlf.bib": MESSY.replace("\n", "\r\n").encode("utf-8"),
        "bom.bib": b"\xef\xbb\xbf" + MESSY.encode("utf-8"),
        "broken.bib": BROKEN.encode("utf-8"),
        "big.bib": generate(1500, seed=3).encode("utf-8"),
        "empty.bib": b"",
        "comments-only.bib": b"% nothing but a comment\n\n",
    }
    out = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out[name] = data
    article = REPO / "refs" / "article.bib"
    if article.exists():
        (tmp_path / "article.bib").write_bytes(article.read_bytes())
        out["article.bib"] = article.read_bytes()
    return out


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))


def test_read_write_without_edits_is_byte_identical(tmp_path):
    for name, data in _files(tmp_path).items():
        path = tmp_path / name
        lib = read_library(path)
        bom = b"\xef\xbb\xbf" if lib.bom else b""
        assert bom + library_text(lib).encode("utf-8") == data, name
        out = tmp_path / f"copy-{name}"
        write_library(lib, out)
        assert out.read_bytes() == data or (name == "empty.bib" and out.read_bytes() == b""), name
        # and writing in place changes nothing
        write_library(lib)
        assert path.read_bytes() == data, name


def _changed_lines(old: str, new: str) -> list[str]:
    a, b = old.splitlines(), new.splitlines()
    if len(a) == len(b):  # the usual case, without difflib's cost on big files
        out = []
        for x, y in zip(a, b):
            if x != y:
                out += ["-" + x, "+" + y]
        return out
    return [
        line
        for line in difflib.unified_diff(a, b, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def test_one_field_edit_is_a_one_line_diff_for_every_entry(tmp_path):
    files = _files(tmp_path)
    for name in files:
        path = tmp_path / name
        lib = read_library(path)
        for entry in lib.entries[:120]:
            fieldname = "title" if "title" in entry.fields else None
            if fieldname is None:
                continue
            old_value = entry.fields[fieldname]
            if "\n" in old_value:
                continue
            entry.fields[fieldname] = "Edited title"
            text = library_text(lib)
            changes = _changed_lines(lib.original_text, text)
            assert len(changes) == 2, (name, entry.key, changes)
            assert changes[0].startswith("-") and changes[1].startswith("+")
            assert "Edited title" in changes[1]
            entry.fields[fieldname] = old_value
        assert library_text(lib) == lib.original_text


def test_edit_keeps_delimiters_case_and_macros(tmp_path):
    path = tmp_path / "m.bib"
    path.write_text(MESSY, encoding="utf-8")
    lib = read_library(path)
    e = lib.get("Liu2025")
    assert e.fields["journal"] == "Journal of Peace Studies"  # macro resolved for use
    assert e.fields["note"] == "quoted International Relations"
    assert e.fields["month"] == "January"
    assert e.fields["title"].startswith("{NASA} and")  # outer braces off, inner kept
    assert e.fields["year"] == "2025"
    e.fields["year"] = "2026"
    e.fields["pages"] = "31--40"
    diff = write_library(lib, diff=True)
    text = path.read_text(encoding="utf-8")
    assert "  year      = 2026,\n" in text  # a bare number stays bare
    assert "  pages     = {31--40},\n" in text
    assert "Journal   = jps," in text  # untouched macro stays a macro
    assert "TITLE     = {{NASA}" in text  # upper-case field name kept
    changed = [ln for ln in diff.splitlines() if ln[:1] in "+-" and not ln.startswith(("+++", "---"))]
    assert len(changed) == 4
    again = read_library(path)
    assert again.get("Liu2025").fields["year"] == "2026"
    m = again.get("morrow1991")
    m.fields["title"] = "Alliances and Asymmetry, revised"
    write_library(again)
    assert '\ttitle\t= "Alliances and Asymmetry, revised",\n' in path.read_text(encoding="utf-8")


def test_add_and_remove_fields_follow_the_entry_style(tmp_path):
    path = tmp_path / "m.bib"
    path.write_text(MESSY, encoding="utf-8")
    lib = read_library(path)
    e = lib.get("Liu2025")
    e.fields["doi"] = "10.1000/xyz"
    del e.fields["month"]
    write_library(lib)
    text = path.read_text(encoding="utf-8")
    assert "  doi       = {10.1000/xyz},\n}" in text
    assert "month" not in text.split("@book")[0]
    lib = read_library(path)
    b = lib.get("morrow1991")  # tabs, no trailing comma
    b.fields["note"] = "new"
    write_library(lib)
    text = path.read_text(encoding="utf-8")
    assert '\tyear = "1991",\n\tnote = {new}\n}' in text
    assert read_library(path).get("morrow1991").fields["note"] == "new"


def test_commentary_types_are_entries_and_parens_work(tmp_path):
    path = tmp_path / "m.bib"
    path.write_text(MESSY, encoding="utf-8")
    lib = read_library(path)
    assert lib.get("c1") is not None and lib.get("c1").type == "commentary"
    assert lib.get("paren2020").fields["booktitle"] == "Origins"
    assert lib.get("spaced") is not None
    assert lib.keys() == ["Liu2025", "morrow1991", "paren2020", "c1", "spaced", "web1"]
    assert not lib.problems


def test_failed_blocks_are_reported_with_lines_and_kept(tmp_path):
    path = tmp_path / "b.bib"
    path.write_text(BROKEN, encoding="utf-8")
    lib = read_library(path)
    assert [e.key for e in lib.entries] == ["good1", "good2"]
    (problem,) = lib.problems
    assert problem.line == 5
    assert "unbalanced brace" in problem.message
    lib.get("good2").fields["title"] = "Changed"
    write_library(lib)
    text = path.read_text(encoding="utf-8")
    assert "title = {Unbalanced {brace,\n  year = 2020\n}" in text
    assert "@article{good2, title = {Changed}}" in text


def test_duplicates_are_problems_not_losses(tmp_path):
    path = tmp_path / "d.bib"
    path.write_text("@misc{a, title={One}, title={Two}}\n@misc{a, title={Again}}\n", encoding="utf-8")
    lib = read_library(path)
    assert len(lib.entries) == 2
    assert lib.entries[0].fields["title"] == "One"
    messages = " | ".join(p.message for p in lib.problems)
    assert "duplicate key a" in messages and "field given twice" in messages


def test_write_refuses_when_the_file_changed_since_read(tmp_path):
    path = tmp_path / "m.bib"
    path.write_text(MESSY, encoding="utf-8")
    lib = read_library(path)
    lib.get("Liu2025").fields["title"] = "Mine"
    path.write_text(MESSY + "\n% someone else\n", encoding="utf-8")
    with pytest.raises(ConflictError):
        write_library(lib)
    assert path.read_text(encoding="utf-8").endswith("% someone else\n")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_new_file_gets_normal_permissions(tmp_path):
    lib = read_library(_write(tmp_path, "s.bib", "@misc{a, title={x}}\n"))
    out = tmp_path / "new.bib"
    old = os.umask(0o022)
    try:
        write_library(lib, out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    "setup, message",
    [
        (lambda d: d / "missing.bib", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: _bytes(d / "bad.bib", b"@misc{a, title={caf\xe9}}\n"), "not valid UTF-8"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, setup, message):
    path = setup(tmp_path)
    with pytest.raises(InputError) as err:
        read_library(path)
    assert message in str(err.value)


def _bytes(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_permission_denied_is_one_clear_error(tmp_path, monkeypatch):
    path = _write(tmp_path, "p.bib", "@misc{a, title={x}}\n")

    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    with pytest.raises(InputError, match="permission denied"):
        read_library(path)


@pytest.mark.parametrize("text", [MESSY, MESSY.replace("\n", "\r\n")], ids=["lf", "crlf"])
def test_every_field_edit_reads_back_and_touches_nothing_else(text):
    from annobib.bib import parse_library

    lib = parse_library(text)
    for e in lib.entries:
        for name in list(e.fields):
            old = e.fields[name]
            for new in ("New value", 'With {braces} and "quotes"', "two\nlines"):
                e.fields[name] = new
                back = parse_library(library_text(lib))
                assert not back.problems, (e.key, name, new)
                assert back.get(e.key).fields[name] == new
                assert [x.fields for x in back.entries if x.key != e.key] == [
                    x.fields for x in lib.entries if x.key != e.key
                ]
            e.fields[name] = old
    assert library_text(lib) == text
