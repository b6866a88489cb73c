"""annotate: --text, standard input, $EDITOR (a script), --append, empty input, unknown keys."""

from __future__ import annotations

import sys
import textwrap

import pytest
from conftest import run_cli

from annobib.editing import to_plain_text

from annobib.bib import read_library

LIB = """% my notes
@article{liu2025meifei,
  author       = {刘琳},
  title        = {美菲同盟},
  journaltitle = {世界知识},
  date         = {2025},
  citations    = {p. 25, n. 1: 这是引用的句子。 || p. 33, n. 2, at 34: 第二句。},
}

@book{jervis1976perception,
  author    = {Jervis, Robert},
  title     = {Perception and Misperception in International Politics},
  date      = {1976},
}
"""


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "lib.bib"
    path.write_text(LIB, encoding="utf-8")
    return path


def editor_script(tmp_path, body: str) -> dict:
    """An $EDITOR that runs ``body`` with ``path`` (the file to edit) and ``text`` (its content)."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\npath = pathlib.Path(sys.argv[1])\ntext = path.read_text(encoding='utf-8')\n"
        + textwrap.dedent(body),
        encoding="utf-8",
    )
    return {"EDITOR": f"{sys.executable} {script}", "VISUAL": None}


def annote(bib, key="liu2025meifei"):
    return read_library(bib).get(key).fields.get("annote")


def test_text_option_writes_a_one_line_diff(bib):
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "A survey of R&D, 50% new."])
    assert r.exit_code == 0, r.stderr
    # the file holds it safe for LaTeX (a bare % would end the line for it); it reads back as typed
    assert annote(bib) == "A survey of R\\&D, 50\\% new."
    assert to_plain_text(annote(bib)) == "A survey of R&D, 50% new."
    new = bib.read_text(encoding="utf-8")
    assert new.replace("  annote       = {A survey of R\\&D, 50\\% new.},\n", "") == LIB


def test_standard_input_and_append(bib):
    assert run_cli(["--bib", str(bib), "annotate", "liu2025meifei"], input="第一段。\n").exit_code == 0
    assert run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--append"], input="第二段。\n").exit_code == 0
    assert annote(bib) == "第一段。\n\n第二段。"


def test_replace_and_unchanged(bib):
    run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "old"])
    assert run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "new"]).exit_code == 0
    assert annote(bib) == "new"
    before = bib.read_bytes()
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "new"])
    assert r.exit_code == 0 and "unchanged" in r.stderr
    assert bib.read_bytes() == before


def test_editor_shows_reference_and_citing_sentences(bib, tmp_path):
    seen = tmp_path / "seen.txt"
    env = editor_script(
        tmp_path,
        f"""
        pathlib.Path({str(seen)!r}).write_text(text, encoding='utf-8')
        path.write_text(text + '我的注释：重要。\\n', encoding='utf-8')
    """,
    )
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env)
    assert r.exit_code == 0, r.stderr
    shown = seen.read_text(encoding="utf-8")
    assert "# 刘琳，《美菲同盟》，《世界知识》，2025" in shown
    assert "#   p. 25, n. 1: 这是引用的句子。" in shown and "#   p. 33, n. 2, at 34: 第二句。" in shown
    assert annote(bib) == "我的注释：重要。"


def test_editor_starts_from_the_current_annotation(bib, tmp_path):
    run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "Draft."])
    env = editor_script(tmp_path, "path.write_text(text.replace('Draft.', 'Final.'), encoding='utf-8')\n")
    assert run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env).exit_code == 0
    assert annote(bib) == "Final."


@pytest.mark.parametrize(
    "body",
    [
        "path.write_text('\\n'.join(l for l in text.splitlines() if l.startswith('#')), encoding='utf-8')\n",
        "path.write_text('', encoding='utf-8')\n",
        "pass\n",  # closed without saving
    ],
)
def test_empty_editor_buffer_leaves_the_entry_untouched(bib, tmp_path, body):
    env = editor_script(tmp_path, body)
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env)
    assert r.exit_code == 2
    assert "left untouched" in r.stderr and "Traceback" not in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_empty_text_and_unknown_key(bib):
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "   "])
    assert r.exit_code == 2 and "empty" in r.stderr
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meife", "--text", "x"])
    assert r.exit_code == 2
    assert "no entry with key 'liu2025meife'" in r.stderr and "did you mean liu2025meifei" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_dry_run_prints_the_diff(bib):
    r = run_cli(["--bib", str(bib), "annotate", "jervis1976perception", "--text", "Classic.", "--dry-run"])
    assert r.exit_code == 0
    assert "+  annote    = {Classic.}," in r.stdout and r.stdout.startswith("--- a/")
    assert bib.read_text(encoding="utf-8") == LIB


def test_editor_failure_is_one_line(bib, tmp_path):
    env = {"EDITOR": f"{sys.executable} -c 'import sys; sys.exit(3)'"}
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env)
    assert r.exit_code == 2 and "editor failed" in r.stderr
    assert bib.read_text(encoding="utf-8") == LIB


def test_append_in_the_editor_shows_the_current_text_as_comments(bib, tmp_path):
    run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "First."])
    seen = tmp_path / "seen.txt"
    env = editor_script(
        tmp_path,
        f"""
        pathlib.Path({str(seen)!r}).write_text(text, encoding='utf-8')
        path.write_text(text + 'Second.\\n', encoding='utf-8')
    """,
    )
    assert run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor", "--append"], env=env).exit_code == 0
    shown = seen.read_text(encoding="utf-8")
    assert "#   First." in shown and not any(line == "First." for line in shown.splitlines())
    assert annote(bib) == "First.\n\nSecond."


def test_editor_keeps_the_hash_lines_of_an_annotation(bib, tmp_path):
    run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--text", "# Method\nSurvey.\n#2 caveat: small n"])
    assert to_plain_text(annote(bib)) == "# Method\nSurvey.\n#2 caveat: small n"
    env = editor_script(tmp_path, "path.write_text(text.replace('Survey.', 'Survey, revised.'), encoding='utf-8')\n")
    r = run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env)
    assert r.exit_code == 0, r.stderr
    assert to_plain_text(annote(bib)) == "# Method\nSurvey, revised.\n#2 caveat: small n"


def test_editor_without_the_marker_drops_only_the_comments_on_top(bib, tmp_path):
    env = editor_script(tmp_path, "path.write_text('# note to self\\n\\nBody\\n# kept\\n', encoding='utf-8')\n")
    assert run_cli(["--bib", str(bib), "annotate", "liu2025meifei", "--editor"], env=env).exit_code == 0
    assert to_plain_text(annote(bib)) == "Body\n# kept"
