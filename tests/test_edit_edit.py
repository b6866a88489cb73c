"""edit: BibTeX in $EDITOR, validated on save, re-opened on errors, written only on change,
and never over another process's write."""

from __future__ import annotations

import sys
import textwrap

import pytest
from conftest import run_cli

from annobib.bib import read_library

LIB = """@article{liu2025meifei,
  author       = {刘琳},
  title        = {美菲同盟},
  date         = {2025},
}

@book{jervis1976perception,
  author = {Jervis, Robert},
  title  = {Perception and Misperception in International Politics},
  date   = {1976},
}
"""


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "lib.bib"
    path.write_text(LIB, encoding="utf-8")
    return path


def editor(tmp_path, body: str) -> dict:
    """An $EDITOR script; ``n`` counts the rounds (0, 1, …), ``log`` keeps what it was shown."""
    script = tmp_path / "editor.py"
    counter = tmp_path / "rounds"
    script.write_text(
        textwrap.dedent(f"""
        import sys, pathlib
        path = pathlib.Path(sys.argv[1])
        text = path.read_text(encoding='utf-8')
        counter = pathlib.Path({str(counter)!r})
        n = int(counter.read_text()) if counter.exists() else 0
        counter.write_text(str(n + 1))
        with open({str(tmp_path / "shown.log")!r}, 'a', encoding='utf-8') as log:
            log.write('=== round %d\\n%s' % (n, text))
    """)
        + textwrap.dedent(body),
        encoding="utf-8",
    )
    return {"EDITOR": f"{sys.executable} {script}", "VISUAL": None}


def test_edit_changes_one_field(bib, tmp_path):
    env = editor(tmp_path, "path.write_text(text.replace('{2025}', '{2025-05}'), encoding='utf-8')\n")
    r = run_cli(["--bib", str(bib), "edit", "liu2025meifei"], env=env)
    assert r.exit_code == 0, r.stderr
    assert bib.read_text(encoding="utf-8") == LIB.replace("{2025}", "{2025-05}")


def test_syntax_error_reopens_with_the_message_on_top(bib, tmp_path):
    env = editor(
        tmp_path,
        """
        if n == 0:
            path.write_text(text.replace('{美菲同盟},', '{美菲同盟,'), encoding='utf-8')
        else:
            path.write_text(text.replace('{美菲同盟,', '{美菲同盟新},'), encoding='utf-8')
    """,
    )
    r = run_cli(["--bib", str(bib), "edit", "liu2025meifei"], env=env)
    assert r.exit_code == 0, r.stderr
    shown = (tmp_path / "shown.log").read_text(encoding="utf-8")
    second = shown.split("=== round 1\n")[1]
    assert second.startswith("% ERROR: ")
    assert "not closed" in second.splitlines()[0]
    assert read_library(bib).get("liu2025meifei").fields["title"] == "美菲同盟新"


def test_same_broken_text_twice_gives_up_and_writes_nothing(bib, tmp_path):
    env = editor(tmp_path, "path.write_text(text.replace('{Jervis, Robert},', '{Jervis, Robert'), encoding='utf-8')\n")
    r = run_cli(["--bib", str(bib), "edit", "jervis1976perception"], env=env)
    assert r.exit_code == 2 and "still not valid" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_unchanged_buffer_writes_nothing(bib, tmp_path):
    env = editor(tmp_path, "path.write_text(text + '\\n', encoding='utf-8')\n")
    before = bib.stat().st_mtime_ns
    r = run_cli(["--bib", str(bib), "edit", "jervis1976perception"], env=env)
    assert r.exit_code == 0 and "no change" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB and bib.stat().st_mtime_ns == before


def test_empty_buffer_cancels(bib, tmp_path):
    env = editor(tmp_path, "path.write_text('% nothing\\n\\n', encoding='utf-8')\n")
    r = run_cli(["--bib", str(bib), "edit", "jervis1976perception"], env=env)
    assert r.exit_code == 2 and "empty" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


@pytest.mark.parametrize(
    "replacement, message",
    [
        ("@book{liu2025meifei,", "already belongs to another entry"),
        ("@book{jervis1976perception, title={x}}\n@book{two,", "exactly one entry"),
    ],
)
def test_invalid_entries_are_explained(bib, tmp_path, replacement, message):
    env = editor(
        tmp_path,
        f"path.write_text(text.replace('@book{{jervis1976perception,', {replacement!r}) if n == 0 else '', encoding='utf-8')\n",
    )
    r = run_cli(["--bib", str(bib), "edit", "jervis1976perception"], env=env)
    assert r.exit_code == 2
    shown = (tmp_path / "shown.log").read_text(encoding="utf-8")
    assert message in shown.split("=== round 1\n")[1].splitlines()[0]
    assert bib.read_text(encoding="utf-8") == LIB


def test_renaming_the_key_keeps_the_position(bib, tmp_path):
    env = editor(
        tmp_path, "path.write_text(text.replace('{liu2025meifei,', '{liu2025meifeitongmeng,'), encoding='utf-8')\n"
    )
    r = run_cli(["--bib", str(bib), "edit", "liu2025meifei"], env=env)
    assert r.exit_code == 0, r.stderr
    assert read_library(bib).keys() == ["liu2025meifeitongmeng", "jervis1976perception"]


def test_another_process_writing_meanwhile_stops_edit_and_loses_nothing(bib, tmp_path):
    """The 'editor' is also the second process: it changes the .bib while the user edits."""
    other = LIB.replace("{1976}", "{1977}")
    env = editor(
        tmp_path,
        f"""
        pathlib.Path({str(bib)!r}).write_text({other!r}, encoding='utf-8')
        path.write_text(text.replace('{{2025}}', '{{2025-05}}'), encoding='utf-8')
    """,
    )
    r = run_cli(["--bib", str(bib), "edit", "liu2025meifei"], env=env)
    assert r.exit_code == 2
    assert "changed on disk since it was read; nothing written" in r.stderr
    assert bib.read_text(encoding="utf-8") == other  # the other process's write survives
    kept = sorted(tmp_path.glob("lib.bib.liu2025meifei.*.unsaved"))
    assert len(kept) == 1 and str(kept[0]) in r.stderr
    assert "= {2025-05}," in kept[0].read_text(encoding="utf-8")  # and so does the user's


def test_annotate_in_editor_under_fire_keeps_the_text(bib, tmp_path):
    from test_edit_annotate import editor_script

    env = editor_script(
        tmp_path,
        f"""
        pathlib.Path({str(bib)!r}).write_text({LIB + chr(10)!r}, encoding='utf-8')
        path.write_text(text + 'Mine.\\n', encoding='utf-8')
    """,
    )
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env)
    assert r.exit_code == 2 and "changed on disk" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB + "\n"
    (kept,) = tmp_path.glob("lib.bib.liu2025meifei.*.unsaved")
    assert kept.read_text(encoding="utf-8") == "Mine."


def test_unknown_key(bib, tmp_path):
    env = editor(tmp_path, "raise SystemExit('the editor must not open')\n")
    r = run_cli(["--bib", str(bib), "edit", "nobody"], env=env)
    assert r.exit_code == 2 and "no entry with key 'nobody'" in r.stderr
