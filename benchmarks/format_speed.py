"""Formatting speed: entries per second, annobib against pandoc --citeproc.

    python benchmarks/format_speed.py [--sizes 1000,10000] [--repeat 3]

The entries are the seed bibliography (refs/article.bib, 48 references in five languages),
copied with new keys (and a copy number in each title, so no tool can reuse earlier work) up to
1k and 10k. For each style annobib is timed twice — the library
(``format_bibliography`` + plain-text rendering, the .bib already parsed, memo caches cleared) and the whole CLI in a
fresh process (``python -m annobib --bib FILE format --to text``: start-up, parsing, sorting,
formatting, output) — and pandoc 2.x ``--citeproc`` with the Debian CSL styles on the same file
(``nocite: @*``, plain-text output), which is always a whole run. Medians of ``--repeat`` runs
(pandoc once at 10k: it takes minutes); the CLI and pandoc runs alternate so that both see the
same machine load.
pandoc is skipped cleanly when it or the styles are absent
(``apt-get install pandoc citation-style-language-styles``).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "cli"))

from annobib.bib import read_library  # noqa: E402
from annobib.styles import clear_caches, format_bibliography, render  # noqa: E402

CSL = Path("/usr/share/citation-style-language/styles")
CASES = [
    # label, annobib style/edition/system, CSL file for pandoc
    ("GB/T 7714-2025 numeric", ("gbt7714", "2025", "numeric"), "china-national-standard-gb-t-7714-2015-numeric"),
    ("GB/T 7714-2015 numeric", ("gbt7714", "2015", "numeric"), "china-national-standard-gb-t-7714-2015-numeric"),
    (
        "GB/T 7714-2015 author-date",
        ("gbt7714", "2015", "author-date"),
        "china-national-standard-gb-t-7714-2015-author-date",
    ),
    ("APA 7", ("apa", None, None), "apa"),
    ("cn-notes (full notes)", ("cn-notes", None, "notes"), "chicago-fullnote-bibliography"),  # nearest CSL
    ("Chicago 17 notes", ("chicago", None, "notes"), "chicago-fullnote-bibliography"),
    ("Chicago 17 bibliography", ("chicago", None, "bibliography"), "chicago-fullnote-bibliography"),
]


def make_bib(n: int, directory: Path) -> Path:
    seed = (REPO / "refs" / "article.bib").read_text(encoding="utf-8")
    blocks = [b for b in re.split(r"(?m)^(?=@)", seed) if b.startswith("@")]
    out = []
    i = 0
    while len(out) < n:
        for b in blocks:
            if len(out) >= n:
                break
            b = re.sub(r"^(@\w+\{)([^,]+),", lambda m: f"{m.group(1)}{m.group(2)}-{i},", b, count=1)
            # every copy gets its own title, so nothing is formatted from a cache
            b = re.sub(r"(?m)^(\s*title\s*=\s*\{)(.*)\},\s*$", lambda m: f"{m.group(1)}{m.group(2)} {i}}},", b, count=1)
            out.append(b)
        i += 1
    path = directory / f"bench-{n}.bib"
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run_pandoc(bib: Path, csl: str, workdir: Path) -> None:
    subprocess.run(
        [
            "pandoc",
            "doc.md",
            "--citeproc",
            "--bibliography",
            str(bib),
            "--csl",
            str(CSL / f"{csl}.csl"),
            "-t",
            "plain",
            "--wrap=none",
            "-o",
            os.devnull,
        ],
        cwd=workdir,
        check=True,
        capture_output=True,
        timeout=3600,
    )


def run_cli(bib: Path, style: tuple, workdir: Path) -> None:
    name, edition, system = style
    args = [sys.executable, "-m", "annobib", "--bib", str(bib), "format", "--to", "text", "--style", name]
    if edition:
        args += ["--edition", edition]
    if system:
        args += ["--system", system]
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), ANNOBIB_NO_CACHE="1")
    subprocess.run(args, cwd=workdir, check=True, capture_output=True, env=env, timeout=3600)


def main(argv: list[str]) -> int:
    sizes = [1000, 10000]
    repeat = 3
    for i, a in enumerate(argv):
        if a == "--sizes":
            sizes = [int(x) for x in argv[i + 1].split(",")]
        if a == "--repeat":
            repeat = int(argv[i + 1])
    have_pandoc = shutil.which("pandoc") is not None and CSL.exists()
    if not have_pandoc:
        print("pandoc or the CSL styles are not installed: pandoc columns skipped")
    else:
        version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        print(f"against {version}, CSL styles from {CSL}")
    print(f"entries/second, median of {repeat} runs (seed entries copied to each size)\n")
    print(f"{'style':<28} {'size':>6} {'annobib lib':>12} {'annobib CLI':>12} {'pandoc':>10} {'CLI/pandoc':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        (workdir / "doc.md").write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
        for n in sizes:
            bib = make_bib(n, workdir)
            entries = read_library(bib).entries
            for label, style, csl in CASES:

                def lib_run():
                    for r in format_bibliography(entries, *style):
                        render(r.text, "text")

                lib_run()  # warm imports (pypinyin) once, as a long-running process would
                t_lib = statistics.median(
                    [clear_caches() or median_time(lib_run, 1) for _ in range(repeat)]
                )  # nothing memoized
                with_pandoc = have_pandoc and (CSL / f"{csl}.csl").exists()
                # annobib's CLI and pandoc alternate, so both see the same machine load
                cli_times, pd_times = [], []
                for k in range(repeat):
                    cli_times.append(median_time(lambda: run_cli(bib, style, workdir), 1))
                    if with_pandoc and (n <= 1000 or k == 0):
                        pd_times.append(median_time(lambda: run_pandoc(bib, csl, workdir), 1))
                t_cli = statistics.median(cli_times)
                if pd_times:
                    t_pd = statistics.median(pd_times)
                    pd = f"{n / t_pd:10.0f}"
                    ratio = f"{t_pd / t_cli:10.1f}x"
                else:
                    pd, ratio = f"{'-':>10}", f"{'-':>11}"
                print(f"{label:<28} {n:>6} {n / t_lib:12.0f} {n / t_cli:12.0f} {pd} {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
