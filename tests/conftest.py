"""Shared test helpers: run the real CLI in-process, find the shared conformance data."""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

# Writes keep an undo journal in the user state folder and `init` a library in the data folder:
# tests keep both in a folder of their own, never the user's.
import atexit as _atexit
import shutil as _shutil
import tempfile as _tempfile
import time as _time

_OWN = _tempfile.mkdtemp(prefix="annobib-tests-")
# removed when the run ends: each run used to leave one behind in the temporary folder
_atexit.register(_shutil.rmtree, _OWN, True)
os.environ["ANNOBIB_STATE_DIR"] = os.path.join(_OWN, "state")
os.environ["ANNOBIB_DATA_DIR"] = os.path.join(_OWN, "data")

REPO = Path(__file__).resolve().parents[1]
# ../shared beside the clone, or beside a folder of worktrees (/work/wt/NAME -> /work/shared)
SHARED = next((p / "shared" for p in REPO.parents if (p / "shared").is_dir()), REPO.parent / "shared")
ARTICLE = REPO / "refs" / "article.txt"
ARTICLE_BIB = REPO / "refs" / "article.bib"


def best_cpu(fn, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls of ``fn``: other processes share the machine, so
    growth tests compare bests, never one run (never below 1 ms, so ratios stay finite)."""
    best = float("inf")
    for _ in range(repeat):
        t = _time.process_time()
        fn()
        best = min(best, _time.process_time() - t)
    return max(best, 1e-3)


def load_module(name: str, path: Path):
    """Import a script (a benchmark, a data set's build.py) by its path."""
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def heldout_bench():
    """The field-by-field scorer of extraction sets (``annobib.extract.evaluate``)."""
    from annobib.extract import evaluate

    return evaluate


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(args: list[str], input: str | None = None, env: dict | None = None, cwd: Path | None = None) -> Result:
    """Run ``annobib ARGS`` in-process through ``main()`` (so errors become exit codes as for a user)."""
    from annobib.cli import main

    runner = CliRunner()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        with runner.isolation(input=input, env=env) as streams:
            code = 0
            try:
                main(list(args))
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
            out, err = streams[0], streams[1]
            return Result(code, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))
    finally:
        os.chdir(old)


@pytest.fixture
def cli_run():
    return run_cli


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test when the shared folder is absent (a user's clone)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def run_notes(text: str):
    """Loose notes through the extractor: the extraction and its entries by key."""
    from annobib.extract import extract_notes

    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def first_entry(text: str):
    """The entry the first note made."""
    x, by_key = run_notes(text)
    return by_key[x.notes[0].keys[0]]


def assert_one_citation(note: str, etype: str, fields: dict, locator):
    """The note reads as one full citation of ``etype`` with these ``fields`` and ``locator``."""
    from annobib.extract.citations import read_note

    reading = read_note(note)
    assert reading.status == "cited", reading.reason
    assert len(reading.citations) == 1
    c = reading.citations[0]
    assert c.parsed.type == etype, c.parsed.fields
    for name, value in fields.items():
        assert c.parsed.fields.get(name) == value, (name, c.parsed.fields)
    assert c.locator == locator


NOTES = [  # one note of each kind a notes file mixes: Chinese, ibid., English, ASCII punctuation, Japanese
    "王某：《大国关系》，北京：某某出版社2015年版，第{k}页。",
    "同上，第{k}页。",
    "Robert Jervis, Perception and Misperception in International Politics (Princeton: Princeton University Press, 1976), p. {k}.",
    "李明:《联盟政治的逻辑》,《世界经济与政治》2012年第4期,第{k}页。",
    "Ibid., {k}.",
    "佐藤優『国家の罠』新潮社、2005年、{k}頁。",
]


def notes_document(count: int) -> str:
    """A notes file of ``count`` numbered notes, each a different locator of a few works."""
    return "\n\n".join(f"{k}. " + NOTES[k % len(NOTES)].format(k=k) for k in range(1, count + 1))


def parsed_fast_and_slow(chunks: list[str]):
    """``bib.parse.parse_chunks(chunks)`` with the parser's fast paths on, then off (bibtexparser
    alone): the fast-path tests compare the two."""
    from annobib.bib import parse as bp

    bp.FAST_PATH = True
    try:
        fast = bp.parse_chunks(chunks)
        bp.FAST_PATH = False
        slow = bp.parse_chunks(chunks)
    finally:
        bp.FAST_PATH = True
    return fast, slow


def modules_after(args: list[str], env: dict | None = None) -> list[str]:
    """Every module a fresh process has loaded after running ``annobib ARGS`` (start-up tests)."""
    import json
    import subprocess

    code = (
        "import sys, json\n"
        "from annobib.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.__stderr__.write('\\n' + json.dumps(sorted(sys.modules)))\n"
    )
    cli_dir = str(Path(__file__).resolve().parents[1] / "cli")
    full = dict(os.environ, PYTHONPATH=cli_dir + os.pathsep + os.environ.get("PYTHONPATH", ""), **(env or {}))
    done = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """The pids of the children ``os.fork`` makes while the test runs (fork still forks)."""
    made: list[int] = []
    real_fork = os.fork

    def counting_fork():
        pid = real_fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    return made
