"""Extraction speed: the seed article in-process, and a long synthetic document.

The synthetic document is the seed's pages repeated and renumbered (folios shifted by 23 pages per
copy), so 50 copies give 1,150 pages and 2,600 notes. Prints medians; the notes/s figure should
stay flat as the document grows (time linear in length).

    python benchmarks/extract_speed.py [--repeat N]
    python benchmarks/extract_speed.py --files     # the notes-file path only, one process and two jobs
    python benchmarks/extract_speed.py --files --blind   # ... on the blind sets' notes, one a line
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))

from annobib.extract import extract_text  # noqa: E402


def synthetic(seed: str, copies: int, pages_per_copy: int = 23) -> str:
    parts = []
    for k in range(copies):
        shift = k * pages_per_copy
        parts.append(re.sub(r"(?m)^-(\d+)-$", lambda m: f"-{int(m.group(1)) + shift}-", seed))
    return "\n".join(parts)


def timed(fn, repeat: int) -> tuple[float, float, float]:
    """(median wall s, median CPU s, best CPU s) of this process. CPU time is the steadier figure
    on a shared machine; wall time is what a user waits; the best run shows the cost without
    interference from other processes."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), min(cpus)


def distinct_notes(limit: int) -> list[str]:
    """Every note of the held-out sets, made distinct by its cited page, so the per-note cache of
    ``read_note`` never hits: the cost of reading notes the extractor has not seen."""
    import re as _re

    base = []
    for path in sorted((ROOT / "tests" / "data").glob("extract_heldout*/notes.txt")):
        base += [p.strip() for p in _re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if p.strip()]
    out = []
    k = 0
    while len(out) < limit:
        for note in base:
            k += 1
            out.append(f"{note} 第 {k} 页。")
    return out[:limit]


def blind_notes(limit: int) -> list[str]:
    """The distinct notes of the blind sets (written from real pages, noise kept) in set order,
    then again with their cited page added (``第 k 页。``) until there are ``limit``: distinct notes
    as users paste them, for the notes-file figures (``--blind``)."""
    from annobib.extract.notes import loose_notes

    base = []
    for path in sorted((ROOT / "tests" / "data").glob("extract_blind*/notes_w*.txt")):
        base += [n.text for n in loose_notes(path.read_text(encoding="utf-8"))]
    base = list(dict.fromkeys(base))
    return [base[k % len(base)] + (f" 第 {k + 1} 页。" if k >= len(base) else "") for k in range(limit)]


def blind_set_rate(repeat: int) -> None:
    """Notes/s of the note reader on the notes of the blind sets (written from real pages, noise
    kept), cache cleared: the figure for what users paste, beside the clean sets' figure above."""
    from annobib.extract.citations import read_note
    from annobib.extract.notes import loose_notes

    notes = []
    for path in sorted((ROOT / "tests" / "data").glob("extract_blind*/notes_w*.txt")):
        notes += [n.text for n in loose_notes(path.read_text(encoding="utf-8"))]
    notes = list(dict.fromkeys(notes))

    def run():
        read_note.cache_clear()
        for note in notes:
            read_note(note)

    _t, c, b = timed(run, max(3, repeat // 2))
    print(f"{'blind-set notes':>14} {c:>8.3f} {len(notes) / c:>9,.0f} {len(notes) / b:>9,.0f}  ({len(notes)} distinct)")


def uncached_rate(repeat: int) -> None:
    """Notes/s of the note reader (normalize, segment, fields) on distinct notes, cache cleared."""
    from annobib.extract.citations import read_note

    print(f"{'distinct notes':>14} {'CPU s':>8} {'notes/s':>9} {'best n/s':>9}")
    for size in (1000, 4000, 16000):
        notes = distinct_notes(size)

        def run():
            read_note.cache_clear()
            for note in notes:
                read_note(note)

        _t, c, b = timed(run, max(3, repeat // 2))
        print(f"{size:>14} {c:>8.3f} {size / c:>9,.0f} {size / b:>9,.0f}")


def notes_file_rate(repeat: int, blind: bool = False, bytecode: bool = True) -> None:
    """Notes/s of the notes-file path on files of 1,000, 4,000 and 16,000 distinct notes, in one
    process (``ANNOBIB_JOBS=1``) and with two jobs (``ANNOBIB_JOBS=2``: this process and one
    forked helper): ``extract_notes`` (splitting, reading, joining of works, keys) and the .bib
    text, then the command itself (``annobib extract --notes FILE -o OUT``: start-up, decoding,
    writing). Wall time is what a user waits; CPU is the parent's plus the helper's; "parent" is
    the parent's CPU alone. The parent never waits for a helper (it reads the chunk itself), so on
    a quiet machine with a core per job the wall time is the parent's CPU time: ``quiet n/s`` is
    notes over the command's parent CPU, a figure that a busy shared machine cannot fake (its wall
    times are noise). Time must be linear in the file's length: the notes/s figures stay flat.
    ``blind``: the notes of :func:`blind_notes`, one a line (``1. …`` to ``16000. …``, no blank
    lines), instead of the held-out notes one a paragraph. The command runs as installed: its
    bytecode compiled and its cache folder filled by a first, untimed run (both private to this
    benchmark); ``bytecode=False`` compiles the source in every run, as a shell with
    ``PYTHONDONTWRITEBYTECODE=1`` does (~0.1-0.25 s of CPU a run on the 2-core machine)."""
    import os
    import resource
    import subprocess
    import tempfile

    from annobib.extract import extract_notes
    from annobib.extract.citations import read_note
    from annobib.extract.merge import bib_text

    def cpu() -> tuple[float, float]:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime

    # the command, reporting its own CPU (without its helpers') as its last line on stderr
    runner = (
        "import atexit, resource, sys\n"
        "def report():\n"
        "    u = resource.getrusage(resource.RUSAGE_SELF)\n"
        "    print('parent-cpu', u.ru_utime + u.ru_stime, file=sys.stderr)\n"
        "atexit.register(report)\n"
        "from annobib.cli import main\n"
        "sys.argv = ['annobib'] + sys.argv[1:]\n"
        "main()\n"
    )
    print(
        f"{'notes':>6} {'jobs':>4} {'wall s':>7} {'CPU s':>7} {'parent':>7} {'notes/s':>8} {'best n/s':>8}"
        f"  command: {'wall s':>6} {'parent':>6} {'n/s':>6} {'quiet n/s':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(ROOT / "cli"), ANNOBIB_CACHE_DIR=str(Path(tmp) / "cache"))
        if bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        for size in (1000, 4000, 16000):
            notes, between = (blind_notes(size), "\n") if blind else (distinct_notes(size), "\n\n")
            text = between.join(f"{k}. {note}" for k, note in enumerate(notes, 1))
            path = Path(tmp) / f"notes{size}.txt"
            path.write_text(text, encoding="utf-8")
            for jobs in ("1", "2"):
                os.environ["ANNOBIB_JOBS"] = jobs
                walls, cpus, parents = [], [], []
                for _ in range(max(2, repeat // (2 + size // 4000))):
                    read_note.cache_clear()
                    t0, (own0, kids0) = time.perf_counter(), cpu()
                    bib_text(extract_notes(text).entries)
                    walls.append(time.perf_counter() - t0)
                    own1, kids1 = cpu()
                    cpus.append(own1 - own0 + kids1 - kids0)
                    parents.append(own1 - own0)
                command = [sys.executable, "-c", runner, "extract", "--notes", str(path), "-o", str(path) + ".bib"]
                if size == 1000 and jobs == "1":  # untimed: compiles the bytecode, fills the cache folder
                    subprocess.run(command, check=True, capture_output=True, env=dict(env, ANNOBIB_JOBS=jobs))
                runs, parent_cpus = [], []
                for _ in range(max(1, repeat // (3 + size // 4000))):
                    Path(str(path) + ".bib").unlink(missing_ok=True)
                    t0 = time.perf_counter()
                    done = subprocess.run(command, check=True, capture_output=True, env=dict(env, ANNOBIB_JOBS=jobs))
                    runs.append(time.perf_counter() - t0)
                    parent_cpus.append(float(done.stderr.decode().strip().splitlines()[-1].split()[-1]))
                t, c, best = statistics.median(walls), statistics.median(cpus), min(walls)
                cmd, cmd_parent = statistics.median(runs), statistics.median(parent_cpus)
                print(
                    f"{size:>6} {jobs:>4} {t:>7.3f} {c:>7.3f} {statistics.median(parents):>7.3f} {size / t:>8,.0f}"
                    f" {size / best:>8,.0f}  command: {cmd:>6.3f} {cmd_parent:>6.3f} {size / cmd:>6,.0f}"
                    f" {size / cmd_parent:>9,.0f}"
                )
    os.environ.pop("ANNOBIB_JOBS", None)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--files", action="store_true", help="only the notes-file figures (end to end)")
    ap.add_argument("--blind", action="store_true", help="with --files: the blind sets' notes, one a line")
    ap.add_argument(
        "--no-bytecode", action="store_true", help="compile the source in every command run (as sessions' shells do)"
    )
    args = ap.parse_args()
    if args.files:
        notes_file_rate(args.repeat, blind=args.blind, bytecode=not args.no_bytecode)
        return
    seed = (ROOT / "refs" / "article.txt").read_text(encoding="utf-8")
    extract_text(seed)  # warm up (lazy imports: pypinyin, names)
    x = extract_text(seed)
    t, c, _b = timed(lambda: extract_text(seed), args.repeat * 3)
    n = x.counts["notes"]
    print(
        f"seed: {n} notes, {len(x.entries)} entries, pages {x.page_numbers[0]}-{x.page_numbers[1]}: "
        f"median {t * 1000:.1f} ms wall, {c * 1000:.1f} ms CPU ({n / c:,.0f} notes/s CPU)"
    )
    uncached_rate(args.repeat)
    blind_set_rate(args.repeat)
    notes_file_rate(args.repeat)
    print(
        f"{'copies':>6} {'pages':>6} {'notes':>7} {'entries':>7} {'wall s':>8} {'CPU s':>8} {'notes/s':>9} {'best n/s':>9} {'CPU us/note':>12}"
    )
    for copies in (1, 5, 10, 25, 50, 100):
        doc = synthetic(seed, copies)
        x = extract_text(doc)
        reps = max(3, args.repeat // (1 + copies // 50))
        t, c, b = timed(lambda: extract_text(doc), reps)
        n = x.counts["notes"]
        print(
            f"{copies:>6} {x.pages:>6} {n:>7} {len(x.entries):>7} {t:>8.3f} {c:>8.3f} {n / c:>9,.0f} {n / b:>9,.0f} {c / n * 1e6:>12.1f}"
        )


if __name__ == "__main__":
    main()
