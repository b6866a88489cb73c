"""list / show / search / stats through the real CLI, on .bib files written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli

LOOKUP_BIB = r"""@string{jps = "Journal of Peace Studies"}

@article{liu2025meifei,
  author = {刘琳 and 王伟},
  title = {美国亚太联盟的调整},
  journaltitle = {世界知识},
  date = {2025},
  langid = {chinese},
  url = {https://www.mfa.gov.cn/web/a.html},
  citations = {p. 25, n. 1: 特朗普再度执政以来，与亚太盟国互动密切。 || p. 30, n. 4, at 12: 第二处引用。},
  annotation = {A useful overview.},
}

@book{morrow1991,
  author = {Morrow, James D.},
  title = {Alliances and Asymmetry},
  publisher = {Cornell University Press},
  year = 1991,
  keywords = {alliance, theory},
}

@article{solis2024,
  author = {Sol{\'\i}s, Mireya},
  title = {Japan's Economic Statecraft},
  journal = jps,
  year = {2024},
  note = {Cited for the tariff argument},
  citations = {p. 40, n. 2: Tokyo responded.},
}

@online{width2023,
  author = {{U.S. Department of Defense}},
  title = {ＡＢＣ Report on 世界 知识 and [bold]markup[/bold] \x1b[31mred},
  url = {https://www.defense.gov/News/x},
  year = {2023},
}

@report{tanaka2022,
  author = {田中 健一},
  title = {日米同盟の将来},
  institution = {日本国際問題研究所},
  year = {2022},
  langid = {japanese},
}
"""


@pytest.fixture()
def bib(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ANNOBIB_BIB", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    path = tmp_path / "lookup.bib"
    path.write_text(LOOKUP_BIB.replace(r"\x1b", "\x1b"), encoding="utf-8")
    return path


def keys_of(result) -> list[str]:
    return [line for line in result.stdout.splitlines() if line]


def search(bib: Path, *query: str) -> list[str]:
    r = run_cli(["--bib", str(bib), "search", "--format", "keys", "--", *query])
    assert r.exit_code in (0, 1), r.stderr
    return keys_of(r)


# ---------------------------------------------------------------- list


def test_list_table_has_every_column_and_entry(bib, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no title is cut
    r = run_cli(["--bib", str(bib), "list"])
    assert r.exit_code == 0, r.stderr
    head = r.stdout.splitlines()[0]
    for col in ("Key", "Type", "Authors", "Year", "Title", "Container", "Lang", "Cited"):
        assert col in head
    for key in ("liu2025meifei", "morrow1991", "solis2024", "width2023", "tanaka2022"):
        assert key in r.stdout
    assert "\x1b" not in r.stdout  # piped: no colour, and the ESC in a title is shown escaped
    assert "[bold]markup[/bold] \\x1b[31mred" in r.stdout and "…" not in r.stdout


def test_list_fits_a_narrow_terminal(bib, monkeypatch):
    from rich.cells import cell_len

    from annobib.commands.listing import cells, plain_table
    from annobib.lookup.view import load_view

    rows = [cells(s) for s in load_view(bib, use_cache=False).summaries]
    assert all(cell_len(line) <= 60 for line in plain_table(rows, 60).splitlines())
    monkeypatch.setenv("COLUMNS", "60")  # piped, the width of a terminal does not cut values
    assert any(cell_len(line) > 60 for line in run_cli(["--bib", str(bib), "list"]).stdout.splitlines())


def test_list_json_and_script_formats(bib):
    r = run_cli(["--bib", str(bib), "list", "--json"])
    data = json.loads(r.stdout)
    liu = next(d for d in data if d["key"] == "liu2025meifei")
    assert liu["cited"] == 2 and liu["language"] == "zh" and liu["year"] == "2025"
    assert liu["authors"] == "刘琳, 王伟"
    assert liu["fields"]["journaltitle"] == "世界知识"
    solis = next(d for d in data if d["key"] == "solis2024")
    assert solis["container"] == "Journal of Peace Studies"  # @string resolved
    assert solis["authors"] == "Solís"
    org = next(d for d in data if d["key"] == "width2023")
    assert org["authors"] == "U.S. Department of Defense"  # an organization is kept whole
    r = run_cli(["--bib", str(bib), "list", "--format", "keys"])
    assert keys_of(r) == ["liu2025meifei", "morrow1991", "solis2024", "width2023", "tanaka2022"]
    r = run_cli(["--bib", str(bib), "list", "--format", "tsv"])
    assert r.stdout.splitlines()[0].split("\t") == [
        "key",
        "type",
        "authors",
        "year",
        "title",
        "container",
        "lang",
        "cited",
    ]
    r = run_cli(["--bib", str(bib), "list", "--format", "csv"])
    assert r.stdout.startswith("key,type,authors")


def test_list_sort_filter_limit(bib):
    def keys(*args):
        return keys_of(run_cli(["--bib", str(bib), "list", "--format", "keys", *args]))

    assert keys("--sort", "year") == ["morrow1991", "tanaka2022", "width2023", "solis2024", "liu2025meifei"]
    assert keys("--sort", "cited", "--limit", "1") == ["liu2025meifei"]  # most cited first
    assert keys("--sort", "cited", "-r")[-1] == "liu2025meifei"
    assert keys("--sort", "key")[0] == "liu2025meifei"
    assert keys("--type", "book") == ["morrow1991"]
    assert keys("--lang", "zh") == ["liu2025meifei"]
    assert keys("--lang", "ja") == ["tanaka2022"]
    assert keys("--year", "2023..2025") == ["liu2025meifei", "solis2024", "width2023"]
    assert keys("--year", "..1991") == ["morrow1991"]
    assert keys("--sort", "author")[0] == "liu2025meifei"  # Liu (pinyin) before Morrow
    r = run_cli(["--bib", str(bib), "list", "--year", "20x"])
    assert r.exit_code == 2


# ---------------------------------------------------------------- search


def test_search_words_phrases_fields_negation_or(bib):
    assert search(bib, "alliances", "asymmetry") == ["morrow1991"]
    assert search(bib, '"economic statecraft"') == ["solis2024"]
    assert search(bib, '"statecraft economic"') == []
    assert search(bib, "author:morrow") == ["morrow1991"]
    assert search(bib, "title:morrow") == []
    assert sorted(search(bib, "year:2023..2025")) == ["liu2025meifei", "solis2024", "width2023"]
    assert search(bib, "type:book") == ["morrow1991"]
    assert search(bib, "lang:ja") == ["tanaka2022"]
    assert search(bib, "domain:mfa.gov.cn") == ["liu2025meifei"]
    assert search(bib, "key:solis") == ["solis2024"]
    assert search(bib, "tag:theory") == ["morrow1991"]
    assert search(bib, "note:tariff") == ["solis2024"]
    assert sorted(search(bib, "morrow", "OR", "solis")) == ["morrow1991", "solis2024"]
    assert "morrow1991" not in search(bib, "-alliance")
    assert search(bib, "year:2024..2025", "-type:online", "-lang:zh") == ["solis2024"]


def test_search_folds_case_accents_width_and_cjk_spacing(bib):
    assert search(bib, "SOLIS") == ["solis2024"]
    assert search(bib, "Solís") == ["solis2024"]
    assert search(bib, "abc", "report") == ["width2023"]  # full-width ＡＢＣ
    assert search(bib, "ＡＢＣ") == ["width2023"]
    assert sorted(search(bib, "世界知识")) == ["liu2025meifei", "width2023"]  # "世界 知识" too
    assert search(bib, "亚太 联盟") == ["liu2025meifei"]


def test_search_by_pinyin(bib):
    assert search(bib, "liulin") == ["liu2025meifei"]
    assert search(bib, "liu", "lin") == ["liu2025meifei"]
    assert search(bib, '"liu lin"') == ["liu2025meifei"]
    assert search(bib, "author:liulin") == ["liu2025meifei"]
    assert sorted(search(bib, "shijie", "zhishi")) == ["liu2025meifei", "width2023"]
    assert search(bib, "title:meiguo") == ["liu2025meifei"]


def test_search_ranks_and_exits_one_when_nothing_matches(bib):
    r = run_cli(["--bib", str(bib), "search", "alliance"])
    assert r.exit_code == 0
    r = run_cli(["--bib", str(bib), "search", "--json", "alliance"])
    data = json.loads(r.stdout)
    assert data[0]["key"] == "morrow1991" and data[0]["score"] >= data[-1]["score"]
    r = run_cli(["--bib", str(bib), "search", "no-such-word-anywhere"])
    assert r.exit_code == 1 and r.stdout == ""
    assert "no entry matches" in r.stderr
    r = run_cli(["--bib", str(bib), "search", "year:abc"])
    assert r.exit_code == 2 and "year" in r.stderr


def test_search_help_documents_the_language(bib):
    r = run_cli(["search", "--help"])
    for piece in ("field:value", "year:2024..2025", "-word", "OR", "pinyin", '"a phrase"'):
        assert piece in r.stdout


# ---------------------------------------------------------------- show


def test_show_everything_about_an_entry(bib):
    r = run_cli(["--bib", str(bib), "show", "liu2025meifei"])
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "美国亚太联盟的调整" in out and "journaltitle" in out
    assert "Cited 2 times" in out
    assert "p. 25, n. 1" in out and "特朗普再度执政以来" in out
    assert "at 12" in out
    assert "Annotation" in out and "A useful overview." in out


def test_show_bibtex_is_the_raw_text_and_json(bib):
    r = run_cli(["--bib", str(bib), "show", "--bibtex", "solis2024"])
    assert r.stdout.startswith("@article{solis2024,\n  author = {Sol{\\'\\i}s, Mireya},")
    assert "journal = jps," in r.stdout
    r = run_cli(["--bib", str(bib), "show", "--json", "solis2024", "morrow1991"])
    data = json.loads(r.stdout)
    assert [d["key"] for d in data] == ["solis2024", "morrow1991"]
    assert data[0]["fields"]["journal"] == "Journal of Peace Studies"
    assert data[0]["citations"][0]["note"] == 2


def test_show_suggests_close_keys(bib):
    r = run_cli(["--bib", str(bib), "show", "morow1991"])
    assert r.exit_code == 2
    assert "did you mean morrow1991" in r.stderr
    assert "Traceback" not in r.stderr


# ---------------------------------------------------------------- stats


def test_stats_counts_and_charts(bib):
    r = run_cli(["--bib", str(bib), "stats", "--json"])
    data = json.loads(r.stdout)
    assert data["entries"] == 5 and data["citations"] == 3
    assert data["by_type"]["article"] == 2
    assert data["by_language"]["zh"] == 1 and data["by_language"]["ja"] == 1
    assert data["by_domain"] == {"mfa.gov.cn": 1, "defense.gov": 1}
    assert data["most_cited"][0]["key"] == "liu2025meifei"
    r = run_cli(["--bib", str(bib), "stats"])
    assert r.exit_code == 0 and "By type" in r.stdout and "█" in r.stdout


# ---------------------------------------------------------------- terminal safety


def test_markup_and_escape_sequences_print_literally(bib):
    for args in (["list"], ["show", "width2023"], ["search", "report"]):
        r = run_cli(["--bib", str(bib), *args])
        assert "\x1b" not in r.stdout, args
    r = run_cli(["--bib", str(bib), "show", "width2023"])
    assert "[bold]markup[/bold]" in r.stdout
    assert "\\x1b[31m" in r.stdout


def test_rich_table_keeps_markup_literal():
    from io import StringIO

    from rich.console import Console

    from annobib.commands.listing import rich_table
    from annobib.core.sanitize import terminal as safe

    row = ["k", "misc", "A", "2024", safe("[bold]x[/bold] \x1b[2J"), "", "en", "0"]
    con = Console(file=StringIO(), force_terminal=True, color_system="truecolor", width=120)
    con.print(rich_table([row], 120))
    out = con.file.getvalue()
    assert "[bold]x[/bold]" in out and "\x1b[2J" not in out


# ---------------------------------------------------------------- which bibliography, bad input


def test_bibliography_choice_and_merge(bib, tmp_path, monkeypatch):
    other = tmp_path / "other.bib"
    other.write_text("@misc{extra2020, title = {Extra}, year = 2020}\n", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "--bib", str(other), "list", "--format", "keys"])
    assert keys_of(r)[-1] == "extra2020" and len(keys_of(r)) == 6
    monkeypatch.setenv("ANNOBIB_BIB", str(other))
    assert keys_of(run_cli(["list", "--format", "keys"])) == ["extra2020"]
    monkeypatch.delenv("ANNOBIB_BIB")
    empty = tmp_path / "empty-dir"
    empty.mkdir()
    r = run_cli(["list"], cwd=empty)
    assert r.exit_code == 2 and "--bib" in r.stderr and "ANNOBIB_BIB" in r.stderr


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        ("DIR", "is a directory"),
        (b"@misc{a, title = {caf\xe9}}\n", "not valid UTF-8"),
        (b"@misc{ok, title = {Fine}}\n\n@misc{trunc, title = {Cut off", "not closed"),
        (b"@misc{b1, title = {Open {brace}\n\n@misc{ok2, title = {Fine}}\n", "unbalanced brace"),
    ],
)
def test_bad_input_one_message_nonzero_exit_nothing_written(tmp_path_factory, monkeypatch, content, message):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    tmp_path = tmp_path_factory.mktemp("work")
    path = tmp_path / "in.bib"
    if content == "DIR":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    before = sorted(p.name for p in tmp_path.iterdir())
    data = path.read_bytes() if path.is_file() else None
    for cmd in (["list"], ["search", "fine"], ["stats"]):
        r = run_cli(["--bib", str(path), *cmd])
        assert r.exit_code == 2, (cmd, r.stderr)
        errors = [ln for ln in r.stderr.splitlines() if ln.startswith(("annobib: error:", "Error:"))]
        assert len(errors) == 1 and message in errors[0], r.stderr
        assert "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    if data is not None:
        assert path.read_bytes() == data


def test_permission_denied(tmp_path, monkeypatch, bib):
    def deny(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", deny)
    r = run_cli(["--bib", str(bib), "list"])
    assert r.exit_code == 2 and "permission denied" in r.stderr
