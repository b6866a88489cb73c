"""import: duplicate detection, the merge report, key clashes, --dry-run, --json."""

from __future__ import annotations

import json

from conftest import run_cli

from annobib.bib import read_library
from annobib.dedupe import DuplicateIndex, normalize_doi, normalize_url
from annobib.model import Entry

LIB = """@article{jervis1978cooperation,
  author       = {Jervis, Robert},
  title        = {Cooperation under the Security Dilemma},
  journaltitle = {World Politics},
  date         = {1978},
}

@online{ratner2025case,
  author = {Ratner, Ely},
  title  = {The Case for a Pacific Defense Pact},
  date   = {2025-05-27},
  url    = {https://www.foreignaffairs.com/united-states/case-pacific-defense-pact},
}

@article{liu2025meifei,
  author = {刘琳},
  title  = {美菲同盟},
  date   = {2025},
  doi    = {10.1234/ABC},
}
"""

INCOMING = """@article{other1978,
  author  = {Jervis, R.},
  title   = {Cooperation Under the Security Dilemma.},
  journal = {World Politics},
  year    = {1978},
  volume  = {30},
  pages   = {167--214},
}

@misc{x,
  title = {Pacific pact},
  url   = {http://foreignaffairs.com/united-states/case-pacific-defense-pact/},
}

@article{y,
  author = {Somebody},
  title  = {Different title},
  doi    = {https://doi.org/10.1234/abc},
}

@book{liu2025meifei,
  author = {Li, Wei},
  title  = {A different book},
  date   = {2020},
}

@book{new2024,
  author = {New, Author},
  title  = {Brand New},
  date   = {2024},
}

@book{new2024dup,
  author = {New, Author},
  title  = {Brand new!},
  date   = {2024},
}
"""


def _setup(tmp_path):
    bib = tmp_path / "lib.bib"
    bib.write_text(LIB, encoding="utf-8")
    src = tmp_path / "in.bib"
    src.write_text(INCOMING, encoding="utf-8")
    return bib, src


def test_normalizers():
    assert normalize_doi("https://doi.org/10.1234/ABC") == normalize_doi("doi: 10.1234/abc") == "10.1234/abc"
    assert (
        normalize_url("https://www.Example.org/a/b/#frag")
        == normalize_url("http://example.org/a/b")
        == "example.org/a/b"
    )
    index = DuplicateIndex([Entry("a", "book", {"author": "刘琳", "title": "《美菲同盟》", "date": "2025"})])
    (hit,) = index.find(Entry("b", "article", {"author": "刘 琳", "title": "美菲同盟", "date": "2025-05"}))
    assert hit.key == "a" and hit.reason == "title+author+year"


def test_import_reports_duplicates_and_renames_key_clashes(tmp_path):
    bib, src = _setup(tmp_path)
    r = run_cli(["--bib", str(bib), "import", str(src), "--json"])
    assert r.exit_code == 0, r.stderr
    report = json.loads(r.stdout)
    status = {i["source_key"]: (i["status"], i["key"], i["reason"]) for i in report["items"]}
    assert status["other1978"] == ("duplicate", "jervis1978cooperation", "title+author+year")
    assert status["x"] == ("duplicate", "ratner2025case", "url")
    assert status["y"] == ("duplicate", "liu2025meifei", "doi")
    assert status["liu2025meifei"][0:2] == ("renamed", "liu2025meifeia")  # same key, different work
    assert status["new2024"][0] == "added"
    assert status["new2024dup"] == ("duplicate", "new2024", "title+author+year")  # duplicates inside the file too
    assert report["added"] == 2 and report["skipped"] == 4
    keys = read_library(bib).keys()
    assert keys == ["jervis1978cooperation", "ratner2025case", "liu2025meifei", "liu2025meifeia", "new2024"]
    assert read_library(bib).get("new2024").type == "book"
    assert bib.read_text(encoding="utf-8").startswith(LIB)  # the existing text is untouched


def test_merge_fills_missing_fields_and_never_overwrites(tmp_path):
    bib, src = _setup(tmp_path)
    r = run_cli(["--bib", str(bib), "import", str(src), "--merge"])
    assert r.exit_code == 0, r.stderr
    assert "merged other1978 into jervis1978cooperation" in r.stderr
    assert "added volume, pages" in r.stderr and "differs in author, title" in r.stderr
    jervis = read_library(bib).get("jervis1978cooperation")
    assert jervis.fields["volume"] == "30" and jervis.fields["pages"] == "167--214"
    assert jervis.fields["author"] == "Jervis, Robert"  # kept


def test_force_adds_duplicates_under_fresh_keys(tmp_path):
    bib, src = _setup(tmp_path)
    r = run_cli(["--bib", str(bib), "import", str(src), "--force"])
    assert r.exit_code == 0, r.stderr
    assert len(read_library(bib).entries) == 3 + 6
    assert "although it duplicates" in r.stderr


def test_dry_run_shows_the_diff_and_writes_nothing(tmp_path):
    bib, src = _setup(tmp_path)
    r = run_cli(["--bib", str(bib), "import", str(src), "--dry-run"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("---") and "+@book{new2024," in r.stdout
    assert bib.read_text(encoding="utf-8") == LIB


def test_import_into_a_new_file_and_again_is_idempotent(tmp_path):
    _, src = _setup(tmp_path)
    fresh = tmp_path / "sub.bib"
    assert run_cli(["--bib", str(fresh), "import", str(src)]).exit_code == 0
    first = fresh.read_text(encoding="utf-8")
    r = run_cli(["--bib", str(fresh), "import", str(src)])
    assert r.exit_code == 0 and "nothing written" in r.stderr
    assert fresh.read_text(encoding="utf-8") == first


def test_unknown_format_and_missing_file(tmp_path):
    bib, _ = _setup(tmp_path)
    odd = tmp_path / "x.dat"
    odd.write_text("hello", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "import", str(odd)])
    assert r.exit_code == 2 and "cannot tell the format" in r.stderr
    r = run_cli(["--bib", str(bib), "import", str(tmp_path / "nope.ris")])
    assert r.exit_code == 2 and "no such file" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_export_selects_keys_and_tags(tmp_path):
    bib, _ = _setup(tmp_path)
    assert run_cli(["--bib", str(bib), "tag", "ratner2025case", "liu2025meifei", "+asia"]).exit_code == 0
    r = run_cli(["--bib", str(bib), "export", "--to", "csl-json", "--tag", "asia"])
    assert r.exit_code == 0
    assert [i["id"] for i in json.loads(r.stdout)] == ["ratner2025case", "liu2025meifei"]
    r = run_cli(["--bib", str(bib), "export", "--to", "csl-json", "jervis1978cooperation"])
    assert [i["id"] for i in json.loads(r.stdout)] == ["jervis1978cooperation"]
    r = run_cli(["--bib", str(bib), "export", "--to", "ris", "nosuchkey"])
    assert r.exit_code == 2 and "no entry with key 'nosuchkey'" in r.stderr


def test_export_leaves_out_broken_blocks_and_says_so(tmp_path):
    bib = tmp_path / "lib.bib"
    bib.write_text(
        "@book{a, title = {A}, date = {2001}}\n\n@article{b, title = {B\n\n@book{c, title = {C}}\n", encoding="utf-8"
    )
    r = run_cli(["--bib", str(bib), "export", "--to", "csl-json"])
    assert r.exit_code == 1
    assert "lib.bib:3" in r.stderr and "left out of the export" in r.stderr
    assert [i["id"] for i in json.loads(r.stdout)] == ["a", "c"]


def test_import_from_standard_input(tmp_path):
    bib, _ = _setup(tmp_path)
    ris_text = "TY  - BOOK\r\nTI  - Piped In\r\nAU  - Doe, Jane\r\nPY  - 2020\r\nER  - \r\n"
    r = run_cli(["--bib", str(bib), "import", "-"], input=ris_text)
    assert r.exit_code == 0, r.stderr
    assert read_library(bib).get("doe2020piped").fields == {"author": "Doe, Jane", "title": "Piped In", "date": "2020"}
    r = run_cli(["--bib", str(bib), "import", "-"], input="")
    assert r.exit_code == 2 and "empty" in r.stderr


def test_export_dry_run_shows_the_change_to_the_output_file(tmp_path):
    bib, _ = _setup(tmp_path)
    out = tmp_path / "refs.ris"
    assert run_cli(["--bib", str(bib), "export", "--to", "ris", "-o", str(out), "ratner2025case"]).exit_code == 0
    before = out.read_bytes()
    r = run_cli(["--bib", str(bib), "export", "--to", "ris", "-o", str(out), "--dry-run"])
    assert r.exit_code == 0 and "+ID  - jervis1978cooperation" in r.stdout
    assert out.read_bytes() == before


# decided in hostile round 13 (exchange.common.trim): Unicode whitespace at a value's ends is
# trimmed, inside it is kept; a zero-width space is no whitespace and is kept
EDGES = ["\u00a0", "\u2028", "\u2029", "\u3000", "\u0085", " \t"]


def _imported_title(folder, name: str, body: str) -> str:
    folder.mkdir()
    src = folder / name
    src.write_text(body, encoding="utf-8")
    bib = folder / "t.bib"
    r = run_cli(["--bib", str(bib), "import", str(src)])
    assert r.exit_code == 0, r.stderr
    out = run_cli(["--bib", str(bib), "export", "--to", "csl-json", "-o", "-"])
    (item,) = json.loads(out.stdout)
    return item["title"]


def test_import_trims_unicode_whitespace_at_the_ends_only(tmp_path):
    for n, edge in enumerate(EDGES):
        title = f"{edge}Mid\u00a0dle \u200bword{n}\u2028line{edge}"
        csl = json.dumps([{"id": f"c{n}", "type": "book", "title": title}])
        got = _imported_title(tmp_path / f"c{n}", "c.json", csl)
        assert got == title.strip() == f"Mid\u00a0dle \u200bword{n}\u2028line", repr(got)
        ris = f"TY  - BOOK\nID  - r{n}\nTI  - {title}\nER  - \n"
        got = _imported_title(tmp_path / f"r{n}", "r.ris", ris)
        # RIS is a line format: its U+2028 ends a line, and the lines of a value are joined by a space
        assert got == f"Mid\u00a0dle \u200bword{n} line", repr(got)


def test_import_keeps_a_zero_width_space_at_the_ends(tmp_path):
    csl = json.dumps([{"id": "z", "type": "book", "title": "\u200bZero\u200b"}])
    assert _imported_title(tmp_path / "z", "z.json", csl) == "\u200bZero\u200b"
