"""Output for people stays safe when piped (``| less -R``, ``| cat`` reach a terminal too).

The matrix in test_sanitize_matrix.py runs every command; these are the piped paths found
printing raw values: the tag listings, extract's summary line (the ``-o`` path) and its
``--report`` (note texts). Raw BibTeX, diffs and JSON stay exact for tools (tested there).
"""

from __future__ import annotations

import json
import re

from conftest import run_cli

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
CLEAR = "\x1b[2J"
C1 = "\x9b31m"
BIDI = "\u202e"
ZW = "\u200b"
UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def assert_clean(text: str) -> None:
    m = UNSAFE.search(text)
    assert m is None, f"raw {m.group()!r}: {text[max(0, m.start() - 40) : m.start() + 40]!r}"


def _env(tmp_path):
    return {
        "ANNOBIB_CONFIG": str(tmp_path / "none.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "ANNOBIB_BIB": None,
    }


def _hostile_bib(tmp_path):
    bib = tmp_path / "h.bib"
    bib.write_text(
        f"@article{{k{CLEAR}1,\n  title = {{T}},\n  keywords = {{a{OSC52}b, {BIDI}rev, c{C1}x, z{ZW}w}},\n}}\n",
        encoding="utf-8",
    )
    return bib


def test_tag_listing_of_every_tag_piped(tmp_path):
    bib = _hostile_bib(tmp_path)
    r = run_cli(["--bib", str(bib), "tag"], env=_env(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert_clean(r.stdout)
    assert "<U+202E>rev" in r.stdout and "c\\x9b31mx" in r.stdout  # made visible, not dropped


def test_tag_listing_of_one_entry_piped(tmp_path):
    bib = _hostile_bib(tmp_path)
    r = run_cli(["--bib", str(bib), "tag", f"k{CLEAR}1"], env=_env(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert_clean(r.stdout)
    key, tags = r.stdout.rstrip("\n").split("\t")  # still one key, one tab, the tags
    assert key == "k\\x1b[2J1" and "z<U+200B>w" in tags


def test_tag_listing_json_keeps_the_exact_strings(tmp_path):
    bib = _hostile_bib(tmp_path)
    r = run_cli(["--bib", str(bib), "tag", "--json"], env=_env(tmp_path))
    assert_clean(r.stdout)
    assert {row["tag"] for row in json.loads(r.stdout)} >= {f"{BIDI}rev", f"c{C1}x"}


def test_extract_summary_line_and_report_piped(tmp_path):
    article = tmp_path / "art.txt"
    article.write_text(
        f"Body.[1] More.[2]\n\n[1] {OSC52}Evil {BIDI} words {C1} that are no citation at all\n"
        "[2] 刘琳：《美菲“肩并肩2025”》，《世界知识》2025年第10期，第25-27页。\n",
        encoding="utf-8",
    )
    out = tmp_path / f"out{BIDI}{OSC52}.bib"  # click strips only CSI sequences itself
    r = run_cli(["extract", str(article), "-o", str(out)], env=_env(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert out.exists() and "wrote" in r.stdout
    assert_clean(r.stdout + r.stderr)
    r = run_cli(["extract", str(article), "--report", "-o", str(tmp_path / "r.bib")], env=_env(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert_clean(r.stdout + r.stderr)
    assert "<U+202E>" in r.stdout  # the note is in the report, made visible


# --------------------------------------------------------------------------- exact for tools

RED = "\x1b[31mX\x1b[0m"  # a CSI sequence: the kind click.echo strips by itself when piped
BIB_RED = f"@misc{{a, title={{red {RED}}}}}\n\n@misc{{b, title={{B}}}}\n"


def test_rm_prints_the_exact_entry_and_import_restores_the_file(tmp_path):
    bib = tmp_path / "r.bib"
    bib.write_text(BIB_RED, encoding="utf-8")
    r = run_cli(["--bib", str(bib), "rm", "a", "--yes"], env=_env(tmp_path))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == f"@misc{{a, title={{red {RED}}}}}\n"  # the block as in the file
    saved = tmp_path / "removed.bib"
    saved.write_text(r.stdout, encoding="utf-8")
    assert run_cli(["--bib", str(bib), "import", str(saved)], env=_env(tmp_path)).exit_code == 0
    assert RED in bib.read_text(encoding="utf-8")


def test_diffs_and_bibtex_on_stdout_keep_every_byte(tmp_path):
    bib = tmp_path / "r.bib"
    bib.write_text(BIB_RED, encoding="utf-8")
    env = _env(tmp_path)
    for args in (
        ["tag", "a", "+t", "--dry-run"],
        ["annotate", "a", "--text", "n", "--dry-run"],
        ["rm", "a", "--dry-run"],
        ["add", "--type", "misc", "--key", "z", "--field", f"title={RED}", "--dry-run"],
    ):
        r = run_cli(["--bib", str(bib), *args], env=env)
        assert r.exit_code == 0, (args, r.stderr)
        assert RED in r.stdout, args
    article = tmp_path / "art.txt"
    article.write_text(
        f"Body.[1]\n\n[1] 刘琳{RED}：《美菲“肩并肩2025”》，《世界知识》2025年第10期，第25-27页。\n", encoding="utf-8"
    )
    r = run_cli(["extract", str(article), "-o", "-"], env=env)
    assert r.exit_code == 0 and r.stdout.startswith("@")
    written = tmp_path / "x.bib"
    assert run_cli(["extract", str(article), "-o", str(written)], env=env).exit_code == 0
    assert r.stdout == written.read_text(encoding="utf-8")  # -o - prints what -o FILE writes
