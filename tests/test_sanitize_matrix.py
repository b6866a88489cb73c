"""Every command and output format on a bibliography of hostile values: nothing raw comes out.

In-process (CliRunner, output piped) for the whole matrix; a few runs on a real pseudo-terminal
(``pty.fork``, the CLI in a child process) where ``isatty()`` is true and Rich colours are on.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import unicodedata

import pytest

from conftest import run_cli

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
CLEAR = "\x1b[2J"
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
C1 = "\x9b31m"
BIDI = "\u202e"
ZW = "\u200b\u2066"
# default-ignorable letters and marks that are no Cf: soft hyphen, Hangul fillers, grapheme joiner,
# Khmer inherent vowels, Mongolian vowel separator, variation selectors, tag characters
INVISIBLE = "soft\u00adhyphen\u3164x\u115f\u1160\uffa0\u034f\u17b4\u17b5\u180e\ufe0f\U000e0041\U000e0100\ufff9"
HOSTILE = f"{OSC52}{CLEAR}{OSC8}{C1}{BIDI}{ZW}\x07\x7f{INVISIBLE}"
FORMULA = '=HYPERLINK("http://evil.example/","x")'

BIB = f"""@article{{evil{CLEAR}{BIDI},
  author = {{Evil{OSC52}, Eve and Doe, J{BIDI}ohn}},
  title = {{<script>alert(1)</script> Title {HOSTILE}}},
  journaltitle = {{Journal {CLEAR}{ZW}}},
  date = {{2024}},
  url = {{javascript:alert(document.cookie)}},
  annote = {{Note {HOSTILE} [click](javascript:alert(1)) <img src=x onerror=alert(1)>}},
  keywords = {{tag{C1}, other}},
}}

@online{{formula,
  title = {{{FORMULA}}},
  author = {{@SUM(A1), Eve}},
  date = {{2023}},
  url = {{https://example.org/a"><script>alert(1)</script>}},
  urldate = {{2024-01-01}},
}}

@online{{invis,
  title = {{Invisible {INVISIBLE}}},
  author = {{Doe{INVISIBLE}, Jane}},
  date = {{2022}},
  url = {{https://example.org/soft\u00adhyphen\u3164}},
  urldate = {{2024-01-01}},
}}

@book{{plain2020,
  author = {{Doe, Jane}},
  title = {{-5 Degrees and +1 More}},
  publisher = {{Pub{CLEAR}{OSC52}}},
  date = {{2020}},
}}

@article{{broken{OSC52} missing comma
"""

# characters that must never reach a terminal, a people's file or a tool's JSON raw
# (Unicode's Default_Ignorable_Code_Point as listed in DerivedCoreProperties.txt, plus every Cf
# this Python knows: built apart from the sanitizer's own table, so a gap there fails here)
_IGNORABLE = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0\ufff0-\ufff8\U000e0000-\U000e0fff"
)
_CF = "".join(chr(o) for o in range(0x110000) if unicodedata.category(chr(o)) == "Cf")
UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029{_IGNORABLE}{re.escape(_CF)}]")
KEY = f"evil{CLEAR}{BIDI}"


def assert_clean(text: str, where: str) -> None:
    m = UNSAFE.search(text)
    assert m is None, f"{where}: raw {m.group()!r} at {m.start()}: {text[max(0, m.start() - 40) : m.start() + 40]!r}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    bib = d / "evil.bib"
    bib.write_text(BIB, encoding="utf-8")
    tex = d / f"paper{CLEAR}.tex"
    tex.write_text(f"\\cite{{ghost{OSC52}}} \\cite{{plain2020}} \\cite{{x{BIDI}y}}", encoding="utf-8")
    env = {
        "ANNOBIB_CONFIG": str(d / "none.toml"),
        "XDG_CACHE_HOME": str(d / "cache"),
        "XDG_STATE_HOME": str(d / "state"),
        "ANNOBIB_BIB": None,
    }
    return bib, tex, env


MATRIX = [
    ["list"],
    ["list", "--format", "csv"],
    ["list", "--format", "tsv"],
    ["list", "--json"],
    ["list", "--links"],
    ["search", "evil"],
    ["search", "--json", "evil"],
    ["search", "nothing-matches" + CLEAR],
    ["show", KEY],
    ["show", "--json", KEY],
    ["show", "formula"],
    ["show", "nokey" + OSC52],
    ["stats"],
    ["stats", "--json"],
    ["validate"],
    ["validate", "--format", "github"],
    ["validate", "--json"],
    ["format"],
    ["format", "--annotated"],
    ["format", "--style", "apa", "--annotated"],
    ["format", "--json"],
    ["format", "--to", "md", "--annotated"],
    ["format", "--to", "html", "--annotated"],
    ["format", "--to", "latex", "--annotated"],
    ["format", "--to", "text", "--annotated"],
    ["format", "--style", "apa", "--to", "html"],
    ["format", "--style", "apa", "--to", "md"],
    ["format", "nokey" + BIDI],
    ["cite", KEY],
    ["cite", "formula", "--style", "apa"],
    ["export", "--to", "ris"],
    ["export", "--to", "csl-json"],
    ["export", "nokey" + CLEAR, "--to", "ris"],
    ["tag", "nokey" + CLEAR, "x"],
    ["rm", "nokey" + OSC52, "--yes"],
    ["annotate", "nokey" + C1, "text"],
]


@pytest.mark.parametrize("args", MATRIX, ids=lambda a: " ".join(a).encode("ascii", "backslashreplace").decode())
def test_nothing_raw_in_any_output(hostile, args):
    bib, _, env = hostile
    r = run_cli(["--bib", str(bib), *args], env=env)
    assert_clean(r.stdout, "stdout")
    assert_clean(r.stderr, "stderr")
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    assert r.exit_code in (0, 1, 2)
    if "--json" in args or "csl-json" in args:
        json.loads(r.stdout)  # escaped, not broken


def test_validate_manuscript_keys_and_file_names(hostile):
    bib, tex, env = hostile
    for fmt in ("text", "github", "json"):
        r = run_cli(["--bib", str(bib), "validate", "--format", fmt, "--manuscript", str(tex)], env=env)
        assert_clean(r.stdout + r.stderr, fmt)
        assert "ghost" in r.stdout  # the finding is there, made visible
    r = run_cli(["validate", str(bib.parent / f"missing{OSC52}.bib")], env=env)
    assert r.exit_code == 2 and "\\x1b]52" in r.stderr
    assert_clean(r.stderr, "missing file")


def test_html_has_no_script_and_no_unsafe_href(hostile):
    bib, _, env = hostile
    for style in ("gbt7714", "apa"):
        html = run_cli(["--bib", str(bib), "format", "--style", style, "--to", "html", "--annotated"], env=env).stdout
        assert "<script" not in html.lower() and "<img" not in html.lower()
        hrefs = re.findall(r'href="([^"]*)"', html)
        assert all(h.startswith(("http://", "https://", "ftp://", "mailto:")) for h in hrefs), hrefs
        assert "javascript:" not in "".join(hrefs)
        assert not [h for h in hrefs if "example.org/soft" in h], hrefs  # invisible characters: no link


def test_markdown_has_no_raw_html_and_no_unsafe_link(hostile):
    bib, _, env = hostile
    md = run_cli(["--bib", str(bib), "format", "--to", "md", "--annotated"], env=env).stdout
    assert not re.search(r"(?<!\\)<(?!https?://)[A-Za-z/!]", md), md  # only autolinks open a tag
    assert not re.search(r"(?<!\\)\]\(<?javascript:", md) and "<javascript:" not in md


def test_csv_and_tsv_cells_start_no_formula(hostile):
    bib, _, env = hostile
    for fmt, delim in (("csv", ","), ("tsv", "\t")):
        out = run_cli(["--bib", str(bib), "list", "--format", fmt], env=env).stdout
        rows = list(csv.reader(io.StringIO(out), delimiter=delim))
        cells = [c for row in rows[1:] for c in row]
        assert not [c for c in cells if c.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))], cells
        assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'-5") for c in cells)
        assert all(len(row) == len(rows[0]) for row in rows)  # a tab in a value split no cell


def test_json_output_reads_back_the_values(hostile):
    bib, _, env = hostile
    data = json.loads(run_cli(["--bib", str(bib), "list", "--json"], env=env).stdout)
    assert {row["key"] for row in data} >= {KEY, "formula"}  # escaped in the text, exact in the data
    assert any(HOSTILE in row["fields"]["title"] for row in data)


def test_exact_bibtex_and_diffs_when_piped(hostile):
    """Raw BibTeX and diffs are for tools (patch, biber): byte-exact off a terminal (the
    round-trip promise); on a terminal they are made visible (see the pty test)."""
    bib, _, env = hostile
    r = run_cli(["--bib", str(bib), "show", "--bibtex", KEY], env=env)
    assert HOSTILE in r.stdout
    r = run_cli(["--bib", str(bib), "validate", "--fix", "--dry-run"], env=env)
    assert OSC52 in r.stdout  # the diff, exact
    assert_clean(r.stderr, "stderr")


# --------------------------------------------------------------------------- a real terminal


def _on_pty(args: list[str], env: dict) -> str:
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the CLI as a user runs it
        try:
            os.environ.update({k: v for k, v in env.items() if v is not None})
            os.environ.pop("NO_COLOR", None)
            os.environ["COLUMNS"], os.environ["LINES"], os.environ["TERM"] = "160", "200", "xterm-256color"
            os.execv(sys.executable, [sys.executable, "-c", "from annobib.cli import main; main()", *args])
        finally:
            os._exit(127)
    out = b""
    while True:
        ready, _, _ = select.select([fd], [], [], 20)
        if not ready:
            os.kill(pid, 9)
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return out.decode("utf-8", "replace")


# Rich's own sequences: colours (SGR) and OSC 8 hyperlinks to safe URLs; anything else is raw input
RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")
RICH_LINK = re.compile(r"\x1b\]8;[^;\x07\x1b]*;(https?://[^\x07\x1b\s]*)?\x1b\\")

PTY_RUNS = [
    ["list"],
    ["show", "invis"],
    ["format", "--style", "apa"],
    ["tag", "invis", "seen"],
    ["list", "--format", "keys"],
    ["show", KEY],
    ["show", "--bibtex", KEY],
    ["search", "evil"],
    ["stats"],
    ["validate"],
    ["format", "--annotated"],
    ["format", "--to", "html"],
    ["export", "--to", "bibtex"],
    ["export", "--to", "ris"],
    ["validate", "--fix", "--dry-run"],
    ["nosuch" + CLEAR],
    ["show", "nokey" + OSC52],
]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")
def test_nothing_raw_on_a_real_terminal(hostile):
    bib, _, env = hostile
    coloured = 0
    for args in PTY_RUNS:
        out = _on_pty(["--bib", str(bib), *args], env)
        coloured += bool(RICH_SGR.search(out))
        stripped = RICH_LINK.sub("", RICH_SGR.sub("", out)).replace("\r\n", "\n")
        assert_clean(stripped, " ".join(args).encode("ascii", "backslashreplace").decode())
        assert "Traceback" not in out
    assert coloured >= 5  # it really was a terminal with Rich colours on
