"""Every value annobib writes to a .bib is safe for BibTeX, biber and LaTeX (no bare % & #,
braces balanced) and reads back, through annobib's LaTeX decoding, as the same text; links
and verbatim fields keep their characters (validate --fix, export)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from conftest import run_cli

from annobib.bib import parse_library, read_library, write_library
from annobib.bib.latex import escape_specials, link_spans
from annobib.bib.values import braces_balanced
from annobib.exchange.common import decode_latex
from annobib.model import Entry

ROOT = Path(__file__).resolve().parents[1]
BARE = re.compile(r"(?<!\\)((?:\\\\)*)[%&#]")
ALPHABET = list("ab %&#_{}\\$~@,=\"'") + ["\\%", "\\&", "\\url{x_y&z%20#f}", "2%", "R&D", "§", "中", "\n"]


def bare_specials(value: str) -> list[str]:
    """Bare % & # outside link arguments: what LaTeX would misread."""
    spans = link_spans(value)
    text = "".join(value[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(value)]))
    return BARE.findall(text) and [m.group(0) for m in BARE.finditer(text)]


def file_values(text: str) -> dict:
    lib = parse_library(text)
    assert not lib.problems, lib.problems
    return {e.key: e.fields for e in lib.entries}


def test_fuzzed_values_are_written_latex_safe_and_read_back_as_the_same_text(tmp_path):
    rng = random.Random(20)
    path = tmp_path / "f.bib"
    path.write_text("@misc{seed, title = {Seed}}\n", encoding="utf-8")
    for round_ in range(60):
        lib = read_library(path)
        wanted = {}
        for i in range(5):
            value = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 24))).strip()
            if not value or value.endswith("\\"):
                continue
            name = rng.choice(["title", "note", "annote", "keywords", "url", "doi"])
            key = f"r{round_}x{i}"
            lib.add(Entry(key, "misc", {name: value}))
            wanted[key] = (name, value)
        try:
            write_library(lib)
        except Exception as exc:  # the writer's own guard may refuse a value; never a broken file
            assert "cannot be written safely" in str(exc)
            continue
        back = file_values(path.read_text(encoding="utf-8"))
        for key, (name, value) in wanted.items():
            got = back[key][name]
            if name in ("url", "doi"):  # verbatim: the characters as given (a brace that does not pair is escaped)
                unbrace = lambda v: re.sub(r"\\([{}])", r"\1", v).replace("{@}", "@")  # noqa: E731
                assert unbrace(got) == unbrace(value)
                continue
            assert not bare_specials(got), (value, got)
            if braces_balanced(value):  # else its braces are text, escaped on purpose
                assert decode_latex(got) == decode_latex(escape_specials(value)), (value, got)


def test_extract_writes_percent_escaped_and_the_seed_reads_back_as_printed():
    text = (ROOT / "refs" / "article.bib").read_text(encoding="utf-8")
    lib = parse_library(text)
    for e in lib.entries:
        for name, value in e.fields.items():
            if name not in ("url", "doi"):
                assert not bare_specials(value), (e.key, name, value)
    title = lib.get("iizuka2025focus").fields["title"]
    assert title.endswith("by up to about 2\\%") and decode_latex(title).endswith("by up to about 2%")
    cites = lib.get("australia2025poll").citations
    assert "31% 的澳大利亚民众" in cites[0].context  # shown as printed, not as \%


LINKS = """@online{u1,
  author       = {{Org}},
  title        = {Tariffs up 25\\% on R\\&D},
  howpublished = {\\url{https://ex.org/a_b?x=1&y=2%20z#frag}},
  note         = {See \\href{https://ex.org/p_q&r=1#s}{the page}},
  url          = {https://ex.org/a_b?x=1&y=2%20z#frag},
  doi          = {10.1000/a_b#c},
  date         = {2020},
  urldate      = {2024-01-01},
  langid       = {english},
}
"""


def test_validate_fix_leaves_links_and_verbatim_fields_alone(tmp_path):
    bib = tmp_path / "u.bib"
    bib.write_text(LINKS, encoding="utf-8")
    run_cli(["validate", "--fix", str(bib)])
    assert bib.read_text(encoding="utf-8") == LINKS
    # a bare & in the text around a link is still fixed, the link is not
    bib.write_text(LINKS.replace("{the page}", "{Q & A}"), encoding="utf-8")
    run_cli(["validate", "--fix", str(bib)])
    assert "\\href{https://ex.org/p_q&r=1#s}{Q \\& A}" in bib.read_text(encoding="utf-8")


def test_export_escapes_text_but_not_links(tmp_path):
    bib = tmp_path / "u.bib"
    bib.write_text(LINKS.replace("Tariffs up 25\\% on R\\&D", "Tariffs up 25% on R&D #1"), encoding="utf-8")
    for fmt in ("bibtex", "biblatex"):
        r = run_cli(["--bib", str(bib), "export", "--to", fmt])
        assert r.exit_code == 0, r.stderr
        out = r.stdout
        assert "Tariffs up 25\\% on R\\&D \\#1" in out
        assert "\\url{https://ex.org/a_b?x=1&y=2%20z#frag}" in out
        assert "{https://ex.org/a_b?x=1&y=2%20z#frag}" in out and "{10.1000/a_b#c}" in out
        e = parse_library(out).entries[0]
        assert decode_latex(e.fields["title"]) == "Tariffs up 25% on R&D #1"


def test_tags_with_specials_are_escaped_in_the_file_and_shown_as_typed(tmp_path):
    bib = tmp_path / "t.bib"
    bib.write_text("@misc{k, title = {T}}\n", encoding="utf-8")
    assert run_cli(["--bib", str(bib), "tag", "k", "+R&D", "+50%"]).exit_code == 0
    assert "keywords = {R\\&D, 50\\%}" in bib.read_text(encoding="utf-8")
    r = run_cli(["--bib", str(bib), "tag", "k"])
    assert r.stdout.strip() == "k\tR&D, 50%"
    assert run_cli(["--bib", str(bib), "tag", "k", "-R&D"]).exit_code == 0
    assert "keywords = {50\\%}" in bib.read_text(encoding="utf-8")
