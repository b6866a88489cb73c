"""Everyday comfort (#17): a library of one's own, options after the command, open, show's
search fallback, list's exit code, search -h, undo."""

from __future__ import annotations

import json
import os

import pytest

from conftest import ARTICLE_BIB, run_cli

ENTRIES = [
    "刘琳. 美菲“肩并肩 2025”[J]. 世界知识, 2025(10): 25-27.",
    "Morrow J D. Alliances and asymmetry[J]. American Journal of Political Science, 1991, 35(2): 904-933.",
]


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh user: own config, data and state folders; the current folder has no refs/."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("ANNOBIB_CONFIG", raising=False)
    monkeypatch.delenv("ANNOBIB_BIB", raising=False)
    monkeypatch.setenv("ANNOBIB_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ANNOBIB_STATE_DIR", str(tmp_path / "state"))
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return tmp_path


def test_init_makes_a_library_that_every_command_then_uses(home):
    assert run_cli(["add", ENTRIES[0]]).exit_code == 2  # no library yet: a clear error
    r = run_cli(["init"])
    assert r.exit_code == 0, r.stderr
    library = home / "data" / "library.bib"
    assert library.exists()
    config = (home / "config" / "annobib" / "config.toml").read_text()
    assert f'path = "{library}"' in config
    for text in ENTRIES:
        assert run_cli(["add", text]).exit_code == 0
    r = run_cli(["list", "--format", "keys"])
    assert r.stdout.split() == ["liu2025meifei", "morrow1991alliances"]
    shown = json.loads(run_cli(["config", "show", "--json"]).stdout)["bibliography"]
    assert shown["paths"] == [str(library)] and shown["source"] == "config"
    # a second init keeps both files; nothing is written in the current folder
    assert run_cli(["init"]).exit_code == 0 and "morrow" in library.read_text()
    assert list((home / "work").iterdir()) == []


def test_resolution_order_option_env_config_folder(home, monkeypatch):
    run_cli(["init", str(home / "mine.bib")])
    (home / "work" / "refs").mkdir()
    (home / "work" / "refs" / "article.bib").write_text("@misc{here, title={T}}\n")

    def source():
        return json.loads(run_cli(["config", "show", "--json"]).stdout)["bibliography"]

    assert source()["source"] == "config"
    monkeypatch.setenv("ANNOBIB_BIB", "env.bib")
    assert source() == {"paths": ["env.bib"], "source": "env", "order": source()["order"]}
    assert (
        json.loads(run_cli(["config", "show", "--json", "--bib", "opt.bib"]).stdout)["bibliography"]["source"]
        == "option"
    )
    monkeypatch.delenv("ANNOBIB_BIB")
    (home / "config" / "annobib" / "config.toml").write_text("")
    assert source()["source"] == "folder"


def test_config_defaults_and_one_warning_for_unknown_keys(home):
    run_cli(["init"])
    cfg = home / "config" / "annobib" / "config.toml"
    cfg.write_text(cfg.read_text() + '\n[format]\nstyle = "apa"\nstlye = "x"\n[colours]\na = 1\n')
    run_cli(["add", ENTRIES[1]])
    r = run_cli(["format", "--to", "text"])
    assert r.exit_code == 0 and "Morrow, J. D. (1991)" in r.stdout  # APA from the config
    warnings = [line for line in r.stderr.splitlines() if "unknown setting" in line]
    assert len(warnings) == 1 and "format.stlye" in warnings[0] and "colours" in warnings[0]
    assert "[25]" not in run_cli(["format", "--to", "text", "--style", "gbt7714"]).stdout
    assert "Morrow J D." in run_cli(["format", "--to", "text", "--style", "gbt7714"]).stdout


def test_global_options_after_the_command():
    r = run_cli(["list", "--format", "keys", "--bib", str(ARTICLE_BIB), "--no-color"])
    assert r.exit_code == 0 and "liu2025meifei" in r.stdout
    r = run_cli(["config", "show", "--bib", "x.bib", "--json", "--debug"])
    assert json.loads(r.stdout)["bibliography"]["paths"] == ["x.bib"]
    # before and after add up, as a repeated --bib does
    r = run_cli(["--bib", str(ARTICLE_BIB), "config", "show", "--json", "--bib", "y.bib"])
    assert json.loads(r.stdout)["bibliography"]["paths"] == [str(ARTICLE_BIB), "y.bib"]


def test_search_h_is_help_and_list_without_match_exits_1():
    r = run_cli(["--bib", str(ARTICLE_BIB), "search", "-h"])
    assert r.exit_code == 0 and "Usage: annobib search" in r.stdout
    r = run_cli(["--bib", str(ARTICLE_BIB), "list", "--year", "1800"])
    assert r.exit_code == 1 and r.stdout == "" and "no entry matches" in r.stderr
    assert run_cli(["--bib", str(ARTICLE_BIB), "list", "--year", "2025", "--limit", "1"]).exit_code == 0


@pytest.mark.parametrize("query", ["liulin", "刘琳"])
def test_show_falls_back_to_a_search(query):
    r = run_cli(["--bib", str(ARTICLE_BIB), "show", query, "--json"])
    assert r.exit_code == 0, r.stderr
    assert [d["key"] for d in json.loads(r.stdout)] == ["liu2025meifei"]
    assert "liu2025meifei" in r.stderr  # says which entry it chose


def test_show_lists_several_matches_and_exits_1():
    r = run_cli(["--bib", str(ARTICLE_BIB), "show", "trump"])
    assert r.exit_code == 1
    assert "entries match" in r.stderr and len(r.stdout.splitlines()) >= 3
    r = run_cli(["--bib", str(ARTICLE_BIB), "show", "zzqqxx"])
    assert r.exit_code == 2 and "no entry with key" in r.stderr


def test_open_prints_or_opens_the_link(tmp_path, monkeypatch):
    bib = tmp_path / "o.bib"
    bib.write_text(
        "@article{a, title={T}, doi={10.1/xyz}}\n"
        "@online{b, title={U}, url={https://example.org/p}, archiveurl={https://web.archive.org/web/2/x}}\n"
        "@misc{c, title={Nothing}}\n@misc{d, title={F}, url={file:///etc/passwd}}\n"
    )
    base = ["--bib", str(bib), "open"]
    assert run_cli(base + ["a", "--print"]).stdout == "https://doi.org/10.1/xyz\n"
    assert run_cli(base + ["b", "--print"]).stdout == "https://example.org/p\n"
    assert run_cli(base + ["b", "--print", "--archived"]).stdout == "https://web.archive.org/web/2/x\n"
    assert run_cli(base + ["c", "--print"]).exit_code == 2
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    assert run_cli(base + ["b"]).exit_code == 0 and opened == ["https://example.org/p"]
    r = run_cli(base + ["d"])  # never a file: URL to the browser
    assert r.exit_code == 2 and opened == ["https://example.org/p"]


def test_undo_restores_byte_for_byte_and_keeps_nothing_beside_the_bib(home):
    run_cli(["init", str(home / "work" / "refs.bib")])
    bib = home / "work" / "refs.bib"
    states = []
    for text in ENTRIES:
        states.append(bib.read_bytes())
        assert run_cli(["add", text]).exit_code == 0
    assert run_cli(["undo"]).exit_code == 0
    assert bib.read_bytes() == states[1]
    assert run_cli(["undo"]).exit_code == 0
    assert bib.read_bytes() == states[0] == b""
    r = run_cli(["undo"])  # init's empty file was not written by the library writer
    assert r.exit_code == 1 and "nothing to undo" in r.stderr
    assert sorted(p.name for p in (home / "work").iterdir()) == ["refs.bib"]
    assert any((home / "state" / "journal").iterdir()) is False  # undone records are dropped


def test_undo_refuses_a_file_changed_by_hand(home):
    run_cli(["init", str(home / "lib.bib")])
    bib = home / "lib.bib"
    run_cli(["add", ENTRIES[0]])
    bib.write_text(bib.read_text() + "% my note\n")
    r = run_cli(["undo"])
    assert r.exit_code == 2 and "changed since" in r.stderr and "% my note" in bib.read_text()
    assert run_cli(["undo", "--force"]).exit_code == 0 and bib.read_bytes() == b""


def test_journal_keeps_only_recent_writes(home, monkeypatch):
    from annobib.core import journal

    monkeypatch.setattr(journal, "KEEP", 3)
    target = home / "x.bib"
    for n in range(6):
        journal.record(target, str(n).encode(), str(n + 1).encode())
    recs = journal.records()
    assert len(recs) == 3 and len(os.listdir(journal.journal_dir())) == 6
    assert recs[0].before_file.read_bytes() == b"5"


@pytest.mark.parametrize("when", ["1e999", "1e300", "-1e18", '"nan"', '"x"'])
def test_a_tampered_journal_time_is_skipped_not_an_internal_error(home, when):
    run_cli(["init", str(home / "lib.bib")])
    bib = home / "lib.bib"
    assert run_cli(["add", ENTRIES[0]]).exit_code == 0
    after = bib.read_bytes()
    (meta,) = (home / "state" / "journal").glob("*.json")
    meta.write_text(meta.read_text().replace('"when": ', f'"when": {when}, "was": '))
    for args in (["undo", "--list"], ["undo"]):
        r = run_cli(args)
        assert "internal error" not in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert bib.read_bytes() == after  # a record that cannot be shown is not acted on either


def test_undo_never_reads_a_device_or_fifo(home, tmp_path):
    from annobib.core import journal

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        journal.record(target, b"old", b"new")
        r = run_cli(["undo", "--all-files", "--force"])  # would block or read for ever
        assert r.exit_code == 2 and "not a regular file" in r.stderr, r.stderr
        journal.forget(journal.records()[0])
    bib = tmp_path / "a.bib"
    bib.write_bytes(b"new")
    journal.record(bib, b"old", b"new")
    before = journal.records()[0].before_file
    before.unlink()
    before.symlink_to("/dev/zero")
    r = run_cli(["undo", "--all-files", "--force"])
    assert r.exit_code == 2 and "not a regular file" in r.stderr and bib.read_bytes() == b"new"


def test_junk_in_the_journal_is_pruned_without_being_read(home, monkeypatch):
    from annobib.core import journal

    monkeypatch.setattr(journal, "KEEP", 3)
    folder = journal.journal_dir()
    folder.mkdir(parents=True)
    for n in range(50):
        (folder / f"{n:020d}-1.json").write_text("{")  # older than any real record
    reads = []
    real = type(folder).read_text
    monkeypatch.setattr(type(folder), "read_text", lambda self, *a, **k: reads.append(self) or real(self, *a, **k))
    journal.record(home / "x.bib", b"0", b"1")
    assert len(os.listdir(folder)) == 2 + 2  # the new record (.json, .before) and the two newest junk .json
    assert len(reads) == 0


def test_validate_summarizes_per_code_and_hides_hints():
    r = run_cli(["--bib", str(ARTICLE_BIB), "validate"])
    lines = r.stdout.splitlines()
    start = lines.index("by code:")
    assert lines[start + 1].split()[:2] == ["35", "I207"]  # the most frequent first
    assert "53 hints" in lines[-1]
    quiet = run_cli(["--bib", str(ARTICLE_BIB), "validate", "--no-hints"])
    assert quiet.exit_code == r.exit_code
    assert not any(": I2" in line for line in quiet.stdout.splitlines())
    assert "53 hints hidden" in quiet.stdout.splitlines()[-1]
    doc = json.loads(run_cli(["--bib", str(ARTICLE_BIB), "validate", "--json", "-q"]).stdout)
    assert doc["summary"]["hints"] == 0 and doc["summary"]["by_code"]["W401"] == 2


def test_w601_only_for_entries_from_the_notes(tmp_path):
    bib = tmp_path / "m.bib"
    bib.write_text(
        "@misc{noted, title={A}, year={2020}, citations={p. 1, n. 1: x}}\n"
        "@misc{dropped, title={B}, year={2020}, citations={}}\n"
        "@misc{byhand, title={C}, year={2020}}\n"
    )
    doc = json.loads(run_cli(["--bib", str(bib), "validate", "--json", "--select", "W601"]).stdout)
    assert [f["key"] for f in doc["findings"]] == ["dropped"]
    tex = tmp_path / "p.tex"
    tex.write_text("\\cite{noted}")
    doc = json.loads(
        run_cli(["--bib", str(bib), "validate", "--json", "--select", "W601", "--manuscript", str(tex)]).stdout
    )
    assert sorted(f["key"] for f in doc["findings"]) == ["byhand", "dropped"]


def test_link_state_lives_in_the_state_folder(home):
    from annobib.archive.state import load_state, state_path

    bib = home / "work" / "refs.bib"
    bib.write_text("@online{a, title={T}, url={https://example.org/}}\n")
    state = load_state(bib)
    state.set_link("https://example.org/", {"outcome": "ok", "status": 200})
    state.save()
    assert state_path(bib).is_relative_to(home / "state") and state_path(bib).exists()
    assert sorted(p.name for p in (home / "work").iterdir()) == ["refs.bib"]
