"""``annobib format`` and ``annobib cite`` through the real CLI."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli

BIB = r"""@article{liu2025meifei,
  author = {刘琳}, title = {美菲“肩并肩 2025”，美国新版“印太战略”现端倪},
  journaltitle = {世界知识}, number = {10}, pages = {25--27}, date = {2025}, langid = {chinese},
  citations = {p. 26, n. 4: 美菲举行“肩并肩 2025”联合军演。},
}

@article{morrow1991,
  author = {Morrow, James D.},
  title = {Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances},
  journaltitle = {American Journal of Political Science}, volume = {35}, number = {2},
  pages = {904--933}, date = {1991}, langid = {english},
  annote = {Classic statement of the autonomy–security trade-off.

Second paragraph.},
  citations = {p. 25, n. 3: 联盟中的不对称。},
}

@online{dod2025,
  author = {{U.S. Department of Defense}},
  title = {Hegseth Outlines U.S. Vision for Indo-Pacific, Addresses China Threat},
  date = {2025-05-30}, url = {https://www.defense.gov/gone}, urldate = {2025-06-02}, langid = {english},
  archiveurl = {https://web.archive.org/web/20250601000000/https://www.defense.gov/gone},
  archivedate = {2025-06-01},
}
"""


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def test_default_is_gbt2025_numeric_in_citation_order(bib):
    r = run_cli(["--bib", str(bib), "format"])
    assert r.exit_code == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("[1] Morrow J D. Alliances and asymmetry")  # cited on p. 25
    assert lines[1] == "[2] 刘琳. 美菲“肩并肩 2025”，美国新版“印太战略”现端倪[J]. 世界知识，2025（10）：25-27."
    assert lines[2].startswith("[3] U.S. Department of Defense. ")


def test_edition_2015_author_date_text(bib):
    r = run_cli(["--bib", str(bib), "format", "--edition", "2015", "--system", "author-date", "--to", "text"])
    assert r.exit_code == 0
    assert (
        r.stdout.splitlines()[0] == "刘琳, 2025. 美菲“肩并肩 2025”, 美国新版“印太战略”现端倪[J]. 世界知识(10): 25-27."
    )


def test_apa_markdown_to_file_atomically(bib, tmp_path):
    out = tmp_path / "refs.md"
    out.write_text("old", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "format", "--style", "apa", "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "*American Journal of Political Science*, *35*(2), 904–933." in text
    assert not list(tmp_path.glob(".refs.md.*"))  # no temporary file left behind
    assert "romanization" in r.stderr  # the Chinese entry needs a recorded romanization


def test_html_and_latex(bib):
    html = run_cli(["--bib", str(bib), "format", "--style", "apa", "--to", "html"]).stdout
    assert "<i>American Journal of Political Science</i>" in html and 'href="https://www.defense.gov/gone"' in html
    latex = run_cli(["--bib", str(bib), "format", "--to", "latex", "morrow1991"]).stdout
    assert latex.startswith(r"\begin{thebibliography}") and r"\bibitem{morrow1991}" in latex


def test_keys_query_and_json(bib):
    r = run_cli(["--bib", str(bib), "format", "--json", "liu2025meifei"])
    data = json.loads(r.stdout)
    # a selection keeps the numbers of the whole list (liu is cited after morrow)
    assert [d["key"] for d in data] == ["liu2025meifei"] and data[0]["label"] == "[2]"
    r = run_cli(["--bib", str(bib), "format", "--json", "-q", "author:morrow"], env={"ANNOBIB_NO_CACHE": "1"})
    assert r.exit_code == 0, (r.stdout, r.stderr)
    assert [d["key"] for d in json.loads(r.stdout)] == ["morrow1991"]
    r = run_cli(["--bib", str(bib), "format", "nosuchkey"])
    assert r.exit_code == 2 and "nosuchkey" in r.stderr


def test_annotated_with_context(bib):
    r = run_cli(["--bib", str(bib), "format", "--style", "apa", "--annotated", "--context", "--to", "text"])
    assert r.exit_code == 0
    out = r.stdout
    assert "\n    Classic statement of the autonomy–security trade-off.\n\n    Second paragraph." in out
    assert "\n    美菲举行“肩并肩 2025”联合军演。" in out  # no annote: the citing sentence


def test_archived_after_and_in_place_of_dead(bib):
    r = run_cli(["--bib", str(bib), "format", "--archived", "after", "--to", "text", "dod2025"])
    assert r.stdout.strip().endswith(
        "https://www.defense.gov/gone. Archived 2025-06-01: https://web.archive.org/web/20250601000000/https://www.defense.gov/gone."
    )
    bib.write_text(
        BIB.replace("archivedate = {2025-06-01},", "archivedate = {2025-06-01}, urlstatus = {dead},"), encoding="utf-8"
    )
    r = run_cli(["--bib", str(bib), "format", "--archived", "dead", "--to", "text", "dod2025"])
    assert "https://web.archive.org/web/20250601000000/https://www.defense.gov/gone." in r.stdout
    assert "[2025-06-02]. https://www.defense.gov/gone" not in r.stdout


def test_cite(bib):
    r = run_cli(["--bib", str(bib), "cite", "liu2025meifei", "morrow1991"])
    assert r.stdout.splitlines() == ["[1, 2]"]  # one combined citation, numbers ascending
    r = run_cli(["--bib", str(bib), "cite", "--system", "author-date", "liu2025meifei", "morrow1991"])
    assert r.stdout.splitlines() == ["（刘琳，2025；Morrow，1991）"]
    r = run_cli(["--bib", str(bib), "cite", "--edition", "2015", "--system", "author-date", "liu2025meifei"])
    assert r.stdout.strip() == "(刘琳, 2025)"
    r = run_cli(["--bib", str(bib), "cite", "--style", "apa", "morrow1991", "dod2025"])
    assert r.stdout.splitlines() == ["(Morrow, 1991; U.S. Department of Defense, 2025)"]
    r = run_cli(["--bib", str(bib), "cite", "--style", "apa", "--edition", "2015", "morrow1991"])
    assert r.exit_code == 2


def test_proper_nouns_file_and_gbt_warnings(bib, tmp_path):
    nouns = tmp_path / "nouns.txt"
    nouns.write_text("# mine\nCapability Aggregation\n", encoding="utf-8")
    r = run_cli(
        ["--bib", str(bib), "format", "--style", "apa", "--to", "text", "--proper-nouns", str(nouns), "morrow1991"]
    )
    assert "An alternative to the Capability Aggregation model" in r.stdout
    bib.write_text(BIB.replace("urldate = {2025-06-02}, ", ""), encoding="utf-8")
    r = run_cli(["--bib", str(bib), "format", "--to", "text", "-v", "dod2025"])
    assert r.exit_code == 0 and "dod2025: no access date (urldate)" in r.stderr


def test_terminal_backend_prints_links_and_no_markup():
    import io

    from rich.console import Console

    from annobib.bib import parse_library
    from annobib.render import ListItem, render_document
    from annobib.styles import format_entry

    lib = parse_library(
        r"@online{x, author = {{[bold]Org}}, title = {A [red]Title}, date = {2025-01-02},"
        r" url = {https://example.org/a}, langid = {english}}"
    )
    rt = format_entry(lib.entries[0], style="apa")
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=True, color_system="truecolor", width=200, markup=False)
    for renderable in render_document([ListItem(rt, None, None, "x")], "terminal", hanging=True):
        con.print(renderable)
    out = buf.getvalue()
    assert "[bold]Org" in out and "A [red]title" in out  # field text printed literally
    assert "\x1b]8;" in out and "https://example.org/a" in out  # OSC 8 hyperlink


def test_selection_keeps_letters_of_the_whole_list(tmp_path):
    bib = tmp_path / "y.bib"
    bib.write_text(
        r"""@online{a, author = {{U.S. Department of Defense}}, title = {Zeta}, date = {2025-03-01}, url = {https://a}}
@online{b, author = {{U.S. Department of Defense}}, title = {Alpha}, date = {2025-05-01}, url = {https://b}}
""",
        encoding="utf-8",
    )
    r = run_cli(["--bib", str(bib), "format", "--style", "apa", "--to", "text", "a"])
    assert "(2025b, March 1)" in r.stdout
    r = run_cli(["--bib", str(bib), "cite", "--style", "apa", "a", "b"])
    # one citation, list order, the author named once (APA 7, 8.12); a keeps its 2025b
    assert r.stdout.splitlines() == ["(U.S. Department of Defense, 2025a, 2025b)"]
    assert (
        run_cli(["--bib", str(bib), "cite", "--style", "apa", "a"]).stdout.strip()
        == "(U.S. Department of Defense, 2025b)"
    )
