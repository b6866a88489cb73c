"""Round trip on messy, realistic .bib files (exports from Zotero/JabRef/Mendeley, hand-kept
files): read -> write is byte-identical, and one edit changes only what it must."""

from __future__ import annotations

import difflib
import sys

import pytest

from annobib.bib import parse_library, read_library, write_library
from annobib.bib.writer import library_text
from annobib.errors import InputError
from tests.conftest import run_cli

JABREF = """% This file was created with JabRef 5.9.
% Encoding: UTF-8

@Article{Knuth1984,
  author    = {Donald E. Knuth},
  journal   = {The Computer Journal},
  title     = {Literate Programming},
  year      = {1984},
  doi       = {10.1093/comjnl/27.2.97},
  timestamp = {2023-02-01},
}

@InProceedings{Dijkstra1968,
  author    = {Dijkstra, Edsger W.},
  title     = {Go To Statement Considered Harmful},
  year      = {1968},
}

@Comment{jabref-meta: databaseType:bibtex;}
"""

DUPLICATES = """@article{dup2020,
  author = {Dup, Field},
  title = {First title},
  title = {Second title},
  year = {2020}
}
"""


def changed_lines(old: str, new: str) -> list[tuple[list[str], list[str]]]:
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return [(a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal"]


def test_jabref_untouched_is_byte_identical(tmp_path):
    path = tmp_path / "jabref.bib"
    path.write_bytes(JABREF.encode("utf-8"))
    lib = read_library(path)
    assert lib.keys() == ["Knuth1984", "Dijkstra1968"]
    write_library(lib, tmp_path / "out.bib")
    assert (tmp_path / "out.bib").read_bytes() == JABREF.encode("utf-8")


@pytest.mark.parametrize(
    "value",
    [
        "Discussed widely.\n@dril (tweet) said so.",  # a line that starts like an entry
        "x\n  @misc{foo, title = {y}}",
        "Stored under C:\\papers\\",  # a trailing backslash would escape the closing brace
        "\\",
    ],
)
def test_a_value_cannot_break_its_entry(value):
    lib = parse_library(JABREF)
    lib.get("Knuth1984").fields["annote"] = value
    lib.get("Knuth1984").fields["title"] = value
    back = parse_library(library_text(lib))
    assert back.keys() == ["Knuth1984", "Dijkstra1968"]
    assert back.problems == []
    entry = back.get("Knuth1984")
    for name in ("annote", "title"):
        shown = entry.fields[name].replace("{@}", "@").rstrip()
        assert shown == value.rstrip()


def test_annotate_with_an_at_line_and_a_trailing_backslash_keeps_the_file_readable(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(JABREF, encoding="utf-8")
    text = "Discussed widely.\n@dril (tweet) said so. Path C:\\x\\"
    result = run_cli(["--bib", str(path), "annotate", "Knuth1984", "--text", text])
    assert result.exit_code == 0, result.stderr
    lib = read_library(path)
    assert lib.problems == []
    assert lib.keys() == ["Knuth1984", "Dijkstra1968"]
    assert "@dril (tweet)" in lib.get("Knuth1984").fields["annote"].replace("{@}", "@")
    # one field added, nothing else touched
    ((removed, added),) = changed_lines(JABREF, path.read_text(encoding="utf-8"))
    assert removed == []
    assert added[0].lstrip().startswith("annote")


def test_a_value_that_cannot_be_written_safely_is_refused(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(JABREF, encoding="utf-8")
    lib = read_library(path)
    lib.get("Knuth1984").fields["note"] = "a\\\\{b"  # `\\{`: bibtexparser and BibTeX disagree
    before = path.read_bytes()
    with pytest.raises(InputError, match="Knuth1984.*nothing written"):
        write_library(lib)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.bib"]


def test_deleting_a_field_given_twice_removes_both_copies():
    lib = parse_library(DUPLICATES)
    assert lib.get("dup2020").fields["title"] == "First title"
    del lib.get("dup2020").fields["title"]
    text = library_text(lib)
    assert "title" not in text
    back = parse_library(text)
    assert "title" not in back.get("dup2020").fields
    assert back.problems == []
    assert text == "@article{dup2020,\n  author = {Dup, Field},\n  year = {2020}\n}\n"


def test_editing_a_field_given_twice_changes_the_copy_that_is_read():
    lib = parse_library(DUPLICATES)
    lib.get("dup2020").fields["title"] = "New"
    text = library_text(lib)
    assert parse_library(text).get("dup2020").fields["title"] == "New"
    assert len(changed_lines(DUPLICATES, text)) == 1


def test_adding_a_field_to_an_entry_without_fields():
    text = "@misc{nofields2022}\n\n@misc{b, title = {B}}\n"
    lib = parse_library(text)
    lib.get("nofields2022").fields["keywords"] = "x"
    new = library_text(lib)
    assert new.startswith("@misc{nofields2022,\n  keywords = {x},\n}\n\n@misc{b")
    back = parse_library(new)
    assert back.get("nofields2022").fields == {"keywords": "x"}
    assert back.problems == []


def test_old_mac_line_ends_stay_cr_only():
    text = "@article{cronly2020,\r  author = {Cr, Only},\r  title = {Old Mac},\r  year = {2020},\r}\r"
    lib = parse_library(text)
    assert library_text(lib) == text
    lib.get("cronly2020").fields["keywords"] = "x"
    new = library_text(lib)
    assert "\n" not in new
    assert new == text.replace("year = {2020},\r", "year = {2020},\r  keywords = {x},\r")


HAND_KEPT = """% Hand-kept bibliography; fields commented out while checking them.

@article{hand2019,
  author = {Hand, Kept},
  % doi = {10.1000/unchecked},
  %title = {An older title},
  title = {A Kept Title},
  journal = {J. Hand}, % abbreviated on purpose
  year = 2019 % from the PDF
}

@book{hand2020,
  % a remark before the first field
  author = {Other, Person},
  title = {Fifty {\\%} of a Book},
  url = {https://example.org/a%20b},
  year = {2020},
  % note = {to do}
}

@ article {spaced2021,
  title = {Space after the at sign},
  year = {2021}
}
"""


def test_percent_comments_inside_entries_are_comments_as_biber_reads_them():
    lib = parse_library(HAND_KEPT)
    assert lib.problems == []
    assert lib.keys() == ["hand2019", "hand2020", "spaced2021"]
    assert lib.get("hand2019").fields == {
        "author": "Hand, Kept",
        "title": "A Kept Title",
        "journal": "J. Hand",
        "year": "2019",
    }
    assert lib.get("hand2020").fields["author"] == "Other, Person"  # not '% a remark …\n  author'
    assert lib.get("hand2020").fields["url"] == "https://example.org/a%20b"  # % inside values is text
    assert "note" not in lib.get("hand2020").fields
    assert library_text(lib) == HAND_KEPT


def test_editing_next_to_percent_comments_keeps_them():
    lib = parse_library(HAND_KEPT)
    lib.get("hand2019").fields["year"] = "2018"
    lib.get("hand2019").fields["journal"] = "J. H."
    new = library_text(lib)
    assert changed_lines(HAND_KEPT, new) == [
        (
            ["  journal = {J. Hand}, % abbreviated on purpose\n", "  year = 2019 % from the PDF\n"],
            ["  journal = {J. H.}, % abbreviated on purpose\n", "  year = 2018 % from the PDF\n"],
        )
    ]
    lib = parse_library(HAND_KEPT)
    lib.get("hand2020").fields["keywords"] = "k"
    ((removed, added),) = changed_lines(HAND_KEPT, library_text(lib))
    assert removed == [] and added == ["  keywords = {k},\n"]
    assert parse_library(library_text(lib)).get("hand2020").fields["keywords"] == "k"


def test_space_after_the_at_sign_is_an_entry(tmp_path):
    lib = parse_library(HAND_KEPT)
    lib.get("spaced2021").key = "spaced2022"
    new = library_text(lib)
    assert changed_lines(HAND_KEPT, new) == [(["@ article {spaced2021,\n"], ["@ article {spaced2022,\n"])]
    path = tmp_path / "hand.bib"
    path.write_text(HAND_KEPT, encoding="utf-8")
    result = run_cli(
        ["--bib", str(path), "list", "--format", "keys"], env={"ANNOBIB_CACHE_DIR": str(tmp_path / "cache")}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == ["hand2019", "hand2020", "spaced2021"]


def test_a_field_added_to_an_aligned_entry_lines_up_even_after_the_longest_name():
    lib = parse_library(JABREF)  # `timestamp` (the longest name) is the last field
    lib.get("Knuth1984").fields["annote"] = "Read it."
    ((removed, added),) = changed_lines(JABREF, library_text(lib))
    assert removed == []
    assert added == ["  annote    = {Read it.},\n"]


WINDOWS = (
    "@Article{CRLF2020,\r\n  Author = {Crlf, Carl},\r\n  Title  = {Windows Line Endings},\r\n  Year = {2020},\r\n}\r\n"
)


@pytest.mark.parametrize("text, nl", [(WINDOWS, "\r\n"), (WINDOWS.replace("\r\n", "\r"), "\r")])
def test_a_new_entry_uses_the_files_line_ends(text, nl):
    from annobib.model import Entry

    lib = parse_library(text)
    assert library_text(lib) == text
    lib.add(Entry(key="new2024", type="misc", fields={"title": "New", "year": "2024"}))
    new = library_text(lib)
    assert new.startswith(text)
    added = new[len(text) :]
    assert added == nl + "@misc{new2024," + nl + "  title = {New}," + nl + "  year  = {2024}," + nl + "}" + nl
    assert parse_library(new).keys() == ["CRLF2020", "new2024"]


SCHOLAR = """@article{smith2020title,
  title={A title from {Google} Scholar},
  author={Smith, John and Doe, Jane},
  year={2020},
  publisher={Publisher}
}

@ARTICLE{9000000,
  author={A. {Smith} and B. {Jones}},
  journal={IEEE Access}, 
  title={An {IEEE} Article}, 
  doi={10.1109/ACCESS.2020.9000000}}
"""


def test_a_field_added_to_a_google_scholar_or_ieee_entry_keeps_their_no_space_style():
    lib = parse_library(SCHOLAR)
    for entry in lib.entries:
        entry.fields["annote"] = "Note."
    new = library_text(lib)
    assert changed_lines(SCHOLAR, new) == [
        (["  publisher={Publisher}\n"], ["  publisher={Publisher},\n", "  annote={Note.}\n"]),
        (["  doi={10.1109/ACCESS.2020.9000000}}\n"], ["  doi={10.1109/ACCESS.2020.9000000},\n", "  annote={Note.}}\n"]),
    ]
    assert [e.fields["annote"] for e in parse_library(new).entries] == ["Note.", "Note."]


NOTES_BETWEEN = """@misc{a, title = {A}}

% B: the classic reference, keep it
@misc{b, title = {B}}

Free text notes after b.

@misc{c, title = {C}} % c is a stub

@misc{d, title = {D}}
"""


def test_removing_an_entry_keeps_the_comment_about_the_next_one(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(NOTES_BETWEEN, encoding="utf-8")
    result = run_cli(["--bib", str(path), "rm", "--yes", "a", "c"], env={"ANNOBIB_CACHE_DIR": str(tmp_path / "cache")})
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == (
        "% B: the classic reference, keep it\n@misc{b, title = {B}}\n\nFree text notes after b.\n\n@misc{d, title = {D}}\n"
    )
    lib = parse_library(NOTES_BETWEEN)
    lib.remove("b")  # the free text after b stays; the comment before it goes with a's block
    assert library_text(lib) == NOTES_BETWEEN.replace("@misc{b, title = {B}}\n\n", "")


def test_edit_with_a_new_key_changes_only_the_lines_that_changed(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(JABREF, encoding="utf-8")
    env = {
        "ANNOBIB_CACHE_DIR": str(tmp_path / "cache"),
        "EDITOR": f'{sys.executable} -c "import sys,pathlib; p=pathlib.Path(sys.argv[1]); '
        f"p.write_text(p.read_text().replace('Knuth1984,', 'Knuth84,').replace('Literate', 'Literary'))\"",
    }
    result = run_cli(["--bib", str(path), "edit", "Knuth1984"], env=env)
    assert result.exit_code == 0, result.stderr
    assert changed_lines(JABREF, path.read_text(encoding="utf-8")) == [
        (["@Article{Knuth1984,\n"], ["@Article{Knuth84,\n"]),
        (["  title     = {Literate Programming},\n"], ["  title     = {Literary Programming},\n"]),
    ]
