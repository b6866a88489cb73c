"""Bounded input: every stage outside extract takes hostile input in bounded time and memory and
ends in output or one clear line (exit 2) — never a hang, a MemoryError or a traceback.

Times are CPU seconds of this process (the machine is shared; wall time would measure the
neighbours), each stage ≤ 1 s; memory is the tracemalloc peak."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from annobib.errors import AnnobibError, InputError
from conftest import run_cli

LIMIT_S = 1.0


@contextmanager
def bounded(seconds: float = LIMIT_S, megabytes: int | None = None):
    """CPU time ≤ ``seconds``; with ``megabytes``, also the tracemalloc peak (tracing slows
    Python down, so the time limit then allows for it: twice the time)."""
    if megabytes is not None:
        tracemalloc.start()
    started = time.process_time()
    try:
        yield
    finally:
        spent = time.process_time() - started
        peak = tracemalloc.get_traced_memory()[1] if megabytes is not None else 0
        if megabytes is not None:
            tracemalloc.stop()
    allowed = seconds * (2 if megabytes is not None else 1)
    assert spent <= allowed, f"took {spent:.2f} s of CPU"
    assert megabytes is None or peak <= megabytes << 20, f"peaked at {peak >> 20} MB"


def one_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text[:500]
    assert "Traceback" not in text and "internal error" not in text
    return lines[0]


def doubling_macros(levels: int = 40) -> str:
    """A few hundred bytes whose last macro would be 2**levels characters."""
    lines = ['@string{a0 = "xy"}']
    lines += [f"@string{{a{i} = a{i - 1} # a{i - 1}}}" for i in range(1, levels)]
    lines.append(f"@article{{k, title = a{levels - 1}}}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- @string macros


def test_doubling_macros_are_refused_fast_naming_the_macro():
    from annobib.bib import parse_library
    from annobib.bib.values import MacroTooLarge

    text = doubling_macros()
    assert len(text) < 1000
    with bounded(megabytes=40), pytest.raises(MacroTooLarge) as err:
        parse_library(text)
    message = str(err.value)
    assert "a18" in message and "@string" in message and message.startswith("line ")


def test_many_uses_of_a_big_macro_exhaust_the_budget():
    from annobib.bib import parse_library
    from annobib.bib.values import MacroTooLarge

    text = (
        "@string{big = {" + "x" * 600_000 + "}}\n@article{k,\n" + "".join(f"  f{i} = big,\n" for i in range(40)) + "}\n"
    )
    with bounded(megabytes=60), pytest.raises(MacroTooLarge, match="too much text in all.*big"):
        parse_library(text).entries  # noqa: B018 - entries are built when first used


def test_macros_redefined_between_entries_share_one_budget():
    """Entries are built when used, each with the macros of its place in the file (a copy made when
    an @string follows entries); the copies draw on one budget, or each would spend it afresh."""
    from annobib.bib import parse_library
    from annobib.bib.values import MacroTooLarge

    parts = ["@string{big = {" + "x" * 600_000 + "}}\n"]
    for k in range(12):
        parts.append(f"@article{{k{k}, f = big}}\n@string{{d{k} = {{y}}}}\n")
    with bounded(megabytes=80), pytest.raises(MacroTooLarge, match="too much text in all"):
        parse_library("".join(parts)).entries  # noqa: B018 - entries are built when first used


def test_ordinary_macros_still_expand():
    from annobib.bib import parse_library

    lib = parse_library(
        '@string{jps = "Journal of " # "Political Science"}\n@article{k, journal = jps # {, Special}, month = jan}\n'
    )
    assert lib.get("k").fields == {"journal": "Journal of Political Science, Special", "month": "January"}


@pytest.mark.parametrize(
    "command",
    [["list"], ["show", "k"], ["search", "x"], ["validate"], ["format"], ["export", "--to", "ris"], ["tag", "k", "t"]],
)
def test_every_command_refuses_the_doubling_file_in_one_line(tmp_path, command):
    bib = tmp_path / "m.bib"
    bib.write_text(doubling_macros(), encoding="utf-8")
    run_cli(["--bib", str(tmp_path / "none.bib"), *command])  # the command's imports, unmeasured
    with bounded(megabytes=60):
        r = run_cli(["--bib", str(bib), *command], env={"ANNOBIB_NO_CACHE": "1"})
    assert r.exit_code == 2
    assert "a18" in one_line(r.stderr) and "does not read such a file" in r.stderr


def test_the_doubling_file_as_a_whole_process_stays_small(tmp_path):
    """The issue's figure was 9.4 s and 1.8 GB for 635 bytes: the whole process now."""
    bib = tmp_path / "m.bib"
    bib.write_text(doubling_macros(), encoding="utf-8")
    # the peak of this process's own memory: VmHWM is reset by exec, while ru_maxrss keeps the peak of
    # the forking parent (pytest itself, 300 MB late in a full run) on Linux
    probe = (
        "import resource, sys\nfrom annobib.cli import main\n"
        "def peak():\n"
        "    try:\n"
        "        with open('/proc/self/status') as f:\n"
        "            return next(int(l.split()[1]) for l in f if l.startswith('VmHWM:'))\n"
        "    except (OSError, StopIteration):\n"
        "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "try:\n    main(sys.argv[1:])\nfinally:\n"
        "    print('maxrss', peak(), file=sys.stderr)\n"
    )
    started = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-c", probe, "--bib", str(bib), "list"],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "ANNOBIB_NO_CACHE": "1"},
    )
    assert time.monotonic() - started < 5  # interpreter start on a busy machine included
    assert r.returncode == 2
    errors = [line for line in r.stderr.splitlines() if not line.startswith("maxrss")]
    assert len(errors) == 1 and "a18" in errors[0]
    rss_kb = int(r.stderr.rsplit("maxrss", 1)[1].split()[0])
    assert rss_kb < 300 * 1024


# --------------------------------------------------------------------------- imports


@pytest.mark.parametrize(
    "body, message",
    [
        ("[" * 100_000, "nested more than"),
        ("[" * 65 + "]" * 65, "nested more than"),
        ('[{"type": "book", "title": "x", "issued": {"date-parts": [[1' + "0" * 5000 + "]]}}]", "5001 digits"),
        ('[{"type": "book", "title": "x", "issued": {"date-parts": [["' + "9" * 5000 + '"]]}}]', "not a year"),
        ('[{"type": "book", "title": "x", "issued": {"date-parts": [[' + "9" * 25 + "]]}}]", "out of range"),
        ('[{"type": "book", "title": "x", "volume": 1e999}]', "too large"),
        ('[{"type": "book", "title": "x", "volume": NaN}]', "NaN"),
        ('[{"type": "book", "title": "\\ud800x"}]', "half of a UTF-16 pair"),
    ],
)
def test_hostile_csl_json_is_one_line(tmp_path, body, message):
    src = tmp_path / "in.json"
    src.write_text(body, encoding="utf-8")
    with bounded():
        r = run_cli(["--bib", str(tmp_path / "lib.bib"), "import", str(src), "--dry-run"])
    assert r.exit_code == 2
    assert message in one_line(r.stderr)


@pytest.mark.parametrize(
    "body",
    [
        "TY  - JOUR\nTI  - " + "A" * 100_000 + "\nER  - \n",
        "TY  - JOUR\nTI  - t\nDA  - " + "9" * 5000 + "/" + "9" * 5000 + "\nPY  - " + "9" * 400 + "\nER  - \n",
        "TY  - JOUR\n" + "AU  - Family, Given\n" * 20_000 + "TI  - t\nER  - \n",
        "TY  - JOUR\nTI  - " + "%a&b#c_d{" * 10_000 + "\nER  - \n",
    ],
)
def test_hostile_ris_goes_through_in_bounds(tmp_path, body):
    src = tmp_path / "in.ris"
    src.write_text(body, encoding="utf-8")
    with bounded():
        r = run_cli(["--bib", str(tmp_path / "lib.bib"), "import", str(src), "--dry-run", "--json"])
    assert r.exit_code in (0, 2), r.stderr
    if r.exit_code == 2:
        one_line(r.stderr)
    else:
        json.loads(r.stdout)


def test_devices_and_writerless_fifos_are_refused_before_reading(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for path, message in (("/dev/zero", "not a regular file"), (str(fifo), "nothing writes")):
        with bounded():
            r = run_cli(["--bib", str(tmp_path / "lib.bib"), "import", path])
        assert r.exit_code == 2 and message in one_line(r.stderr)
        with bounded():
            r = run_cli(["--bib", path, "list"])
        assert r.exit_code == 2 and message in one_line(r.stderr)
        bib = tmp_path / "ok.bib"
        bib.write_text("@book{k, title={T}}\n", encoding="utf-8")
        with bounded():
            r = run_cli(["--bib", str(bib), "validate", "--manuscript", path])
        assert r.exit_code == 2 and message in one_line(r.stderr)
        with bounded():
            r = run_cli(["config", "show"], env={"ANNOBIB_CONFIG": path})
        assert r.exit_code == 2 and message in one_line(r.stderr)


def test_a_fifo_with_a_writer_is_read_but_capped(tmp_path, monkeypatch):
    from annobib.errors import read_input_bytes

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer(size: int):
        try:
            with open(fifo, "wb") as fh:
                fh.write(b"x" * size)
        except BrokenPipeError:
            pass  # the reader gave up at its limit

    t = threading.Thread(target=writer, args=(3 << 20,))
    t.start()
    time.sleep(0.05)
    with pytest.raises(InputError, match="more than 1 MB"):
        read_input_bytes(fifo, "a file", limit=1 << 20)
    t.join(5)
    t = threading.Thread(target=writer, args=(1000,))
    t.start()
    time.sleep(0.05)
    assert read_input_bytes(fifo, "a file", limit=1 << 20) == b"x" * 1000
    t.join(5)


def test_stdin_that_is_not_utf8_or_too_big_is_one_line(tmp_path):
    lib = str(tmp_path / "lib.bib")
    r = run_cli(["--bib", lib, "import", "-", "--from", "bibtex"], input=b"@article{k, title={\xff}}\n")
    assert r.exit_code == 2 and "not valid UTF-8 (byte 0xff)" in one_line(r.stderr)
    Path(lib).write_text("@article{k, title={T}}\n", encoding="utf-8")
    r = run_cli(["--bib", lib, "annotate", "k"], input=b"\xfe\xfe note")
    assert r.exit_code == 2 and "not valid UTF-8" in one_line(r.stderr)
    with bounded(megabytes=40):
        r = run_cli(["--bib", lib, "annotate", "k"], input=b"x" * (2 << 20))
    assert r.exit_code == 2 and "more than 1 MB" in one_line(r.stderr)


# --------------------------------------------------------------------------- arguments, environment


def test_arguments_that_are_not_utf8_are_one_line(tmp_path):
    bad = b"\xff\xfekey".decode("utf-8", "surrogateescape")  # what Python makes of such argv bytes
    for args in (["search", bad], ["show", bad], ["--bib", bad, "list"], ["tag", "k", bad]):
        r = run_cli(args)
        assert r.exit_code == 2 and "not valid UTF-8 (byte 0xff)" in one_line(r.stderr)


def test_a_real_process_with_undecodable_argv(tmp_path):
    r = subprocess.run([sys.executable, "-m", "annobib", "search", b"\xff\xfe"], capture_output=True, timeout=20)
    assert r.returncode == 2
    assert b"not valid UTF-8" in r.stderr and b"Traceback" not in r.stderr


@pytest.mark.parametrize("columns", ["abc", "9" * 400, "-5", "0", "１２"])
def test_bad_columns_are_ignored(tmp_path, columns):
    bib = tmp_path / "a.bib"
    bib.write_text("@book{k, title={A title}, author={Li, Ming}, date={2020}}\n", encoding="utf-8")
    for command in (["list"], ["show", "k"], ["stats"]):
        with bounded():
            r = run_cli(["--bib", str(bib), *command], env={"COLUMNS": columns, "LINES": columns})
        assert r.exit_code == 0, r.stderr
        assert "A title" in r.stdout or "1 entries" in r.stdout or "1 entry" in r.stdout


N400 = "9" * 400


@pytest.mark.parametrize(
    "env, message",
    [
        ({"ANNOBIB_LINKS_TIMEOUT": "inf"}, "finite"),
        ({"ANNOBIB_LINKS_TIMEOUT": "nan"}, "finite"),
        ({"ANNOBIB_LINKS_HOST_INTERVAL": "-1"}, "negative"),
        ({"ANNOBIB_LINKS_TIMEOUT": N400}, "not a number"),
        ({"ANNOBIB_LINKS_TRIES": N400}, "not a whole number"),
        ({"ANNOBIB_LINKS_TRIES": "5000000"}, "at most"),
        ({"ANNOBIB_JOB_TIMEOUT": N400 + "d"}, "not a duration"),
        ({"ANNOBIB_JOB_EXPIRY": "99999d"}, "at most"),
        ({"ANNOBIB_ARCHIVE_RPM": "1e308"}, "at most"),
    ],
)
def test_numeric_environment_is_range_checked(tmp_path, env, message):
    r = run_cli(["config", "show"], env={"ANNOBIB_CONFIG": str(tmp_path / "none.toml"), **env})
    assert r.exit_code == 2
    assert message in one_line(r.stderr)


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--timeout", "inf", "finite"),
        ("--timeout", "nan", "finite"),
        ("--timeout", "1e999", "finite"),
        ("--host-interval", "-1", "negative"),
        ("--per-host", N400, "at most"),
    ],
)
def test_numeric_options_are_range_checked_before_any_request(tmp_path, option, value, message):
    bib = tmp_path / "a.bib"
    bib.write_text("@online{k, url={http://127.0.0.1:9/x}}\n", encoding="utf-8")
    started = time.monotonic()
    r = run_cli(["--bib", str(bib), "check-links", option, value], env={"ANNOBIB_CONFIG": str(tmp_path / "none.toml")})
    assert time.monotonic() - started < 2
    assert r.exit_code == 2 and message in one_line(r.stderr)


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[links]\ntimeout = " + "9" * 5000 + "\n", "too long"),
        ("[links]\ntimeout = " + N400 + "\n", "at most"),
        ("[links]\ntimeout = inf\n", "finite"),
        ("[links]\ntries = " + N400 + "\n", "at most"),
        ("x = " + "[" * 5000 + "]" * 5000 + "\n", "bad TOML"),
    ],
)
def test_hostile_config_files_are_one_line(tmp_path, toml, message):
    cfg = tmp_path / "config.toml"
    cfg.write_text(toml, encoding="utf-8")
    with bounded():
        r = run_cli(["config", "show"], env={"ANNOBIB_CONFIG": str(cfg)})
    assert r.exit_code == 2 and message in one_line(r.stderr)
    r = run_cli(["config", "show"], env={"ANNOBIB_CONFIG": "/dev/zero"})
    assert r.exit_code == 2 and "not a regular file" in one_line(r.stderr)


@pytest.mark.parametrize(
    "value, expected",
    [
        (N400, 1e9),
        ("9" * 5000, 1e9),
        ("²", None),
        ("inf", None),
        ("-5", None),
        ("12", 12.0),
        ("Wed, 21 Oct 9999 07:28:00 GMT", 1e9),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),
        ("x" * 100_000, None),
    ],
)
def test_retry_after_from_a_server_is_clamped(value, expected):
    from annobib.archive.limits import parse_retry_after

    with bounded():
        assert parse_retry_after(value) == expected


# --------------------------------------------------------------------------- network answers


def test_crossref_answers_are_capped_and_checked(monkeypatch):
    from annobib.crossref import CrossrefError, fetch_work

    monkeypatch.setenv("ANNOBIB_CROSSREF_URL", "http://127.0.0.1:9")
    sent = {"bytes": 0}

    async def endless():  # the lookup reads asynchronously (one deadline for the whole request)
        for _ in range(1024):
            sent["bytes"] += 1 << 20
            yield b" " * (1 << 20)

    bodies = {
        "10.1000/huge": lambda: httpx.Response(200, content=endless()),
        "10.1000/deep": lambda: httpx.Response(200, text="[" * 100_000),
        "10.1000/digits": lambda: httpx.Response(200, text='{"message": {"volume": 1' + "0" * 5000 + "}}"),
    }

    def handler(request):
        return bodies[request.url.path.split("/works/", 1)[1]]()

    for doi, message in (("10.1000/huge", "larger than"), ("10.1000/deep", "not JSON"), ("10.1000/digits", "not JSON")):
        with bounded(megabytes=60), pytest.raises(CrossrefError, match=message):
            fetch_work(doi, transport=httpx.MockTransport(handler))
    assert sent["bytes"] < 16 << 20
    monkeypatch.setenv("ANNOBIB_CROSSREF_TIMEOUT", "inf")
    with pytest.raises(InputError, match="between"):
        fetch_work("10.1000/deep", transport=httpx.MockTransport(handler))


def test_link_check_bodies_stay_capped(tmp_path):
    """check-links reads at most links.max_bytes of a page (and that is capped at 64 MB)."""
    from annobib.config import load_config

    missing = tmp_path / "no-config.toml"  # a path that surely names nothing
    with pytest.raises(AnnobibError, match="at most"):
        load_config(env={"ANNOBIB_LINKS_MAX_BYTES": str(1 << 30), "ANNOBIB_CONFIG": str(missing)})


# --------------------------------------------------------------------------- 100,000-character values


def _txt(n: int) -> str:
    words = [
        "state",
        "power",
        "国际",
        "政治",
        "alliance",
        "Security",
        "théorie",
        "{\\'e}t{\\\"u}de",
        "\\emph{x}",
        "$x^2$",
        "--",
        "50\\%",
        "R\\&D",
        "~",
        "http://e.org/a_b",
    ]
    out, size, i = [], 0, 0
    while size < n:
        w = words[i % len(words)]
        i += 1
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


HOSTILE_ENTRIES = {
    "authors": "@article{big,\n  author = {%s},\n  title = {T},\n  journaltitle = {J},\n  date = {2020},\n}\n"
    % " and ".join(f"Family{i}, Given{i}" for i in range(5000)),
    "words": "@article{big,\n  author = {A, B},\n  title = {%s},\n  journaltitle = {J},\n  date = {2020},\n  annote = {%s},\n}\n"
    % (_txt(100_000), _txt(100_000)),
    "han": "@book{big,\n  author = {张三 and 李四},\n  title = {%s},\n  publisher = {P},\n  date = {2020},\n}\n"
    % ("国际政治科学研究中国美国关系" * 7200)[:100_000],
    "url": "@online{big,\n  title = {T},\n  url = {http://example.org/%s},\n  urldate = {2024-01-01},\n  keywords = {%s},\n}\n"
    % ("a" * 100_000, ",".join(f"k{i}" for i in range(15000))),
    "braces": "@article{big,\n  author = {%s},\n  title = {%s},\n  date = {2020},\n}\n"
    % ("Ab" * 50_000, "{" * 50 + "x" * 99_900 + "}" * 50),
    "nested": "@misc{big,\n  title = {%s},\n}\n" % ("\\textbf{" * 5000 + "x" + "}" * 5000),
    "commas": "@misc{big,\n  title = {%s},\n}\n" % "、".join(["李明李明"] * 20_000),
    "one-word": "@misc{big,\n  title = {%s},\n}\n" % ("x" * 100_000),
    "dots": "@misc{big,\n  title = {%s},\n  note = {%s},\n}\n" % ("a. " * 33_000, "% @ " * 25_000),
}
# one run per stage: the tables (list), the panel (show), the query (search), the rules
# (validate), both styles and a markup backend (format), the writers (export)
COMMANDS = [
    ["list"],
    ["show", "big"],
    ["search", "title:国际 state"],
    ["validate"],
    ["format", "--to", "html"],
    ["format", "--style", "apa", "--to", "latex"],
    ["export", "--to", "ris"],
    ["export", "--to", "csl-json"],
]


@pytest.fixture(scope="module")
def hostile_bibs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    out = {}
    for name, text in HOSTILE_ENTRIES.items():
        path = folder / f"{name}.bib"
        path.write_text(text, encoding="utf-8")
        assert path.stat().st_size < 1 << 20
        out[name] = path
    return out


@pytest.mark.parametrize("name", list(HOSTILE_ENTRIES))
def test_100k_character_values_go_through_every_reading_command(hostile_bibs, name):
    for command in COMMANDS:
        started = time.process_time()
        r = run_cli(["--bib", str(hostile_bibs[name]), *command], env={"ANNOBIB_NO_CACHE": "1", "COLUMNS": "100"})
        spent = time.process_time() - started
        assert r.exit_code in (0, 1), (command, r.stderr[:300])
        assert "Traceback" not in r.stderr and "internal error" not in r.stderr
        assert spent <= LIMIT_S, f"{name}: {' '.join(command)} took {spent:.2f} s"


def test_show_cuts_a_huge_value_and_says_so(hostile_bibs):
    r = run_cli(["--bib", str(hostile_bibs["one-word"]), "show", "big"], env={"ANNOBIB_NO_CACHE": "1"})
    assert r.exit_code == 0 and "more characters; --json shows all" in r.stdout
    r = run_cli(["--bib", str(hostile_bibs["one-word"]), "show", "--json", "big"], env={"ANNOBIB_NO_CACHE": "1"})
    assert "x" * 100_000 in r.stdout


def test_latex_decoding_of_deep_nesting_is_linear():
    from annobib.styles._fields import decode

    for depth in (100, 5000, 50_000):
        value = "\\textbf{" * depth + "x" + "}" * depth
        with bounded(seconds=0.5):
            assert decode(value).endswith("x")


def test_a_hostile_state_file_reads_as_empty(tmp_path):
    from annobib.archive.state import load_state, state_path

    bib = tmp_path / "a.bib"
    bib.write_text("@online{k, url={https://example.org/}}\n", encoding="utf-8")
    path = state_path(bib)
    path.parent.mkdir(parents=True, exist_ok=True)  # alone, no earlier test has made it
    for body in ("[" * 100_000, '{"links": ' * 5000, '{"links": {"u": 1' + "0" * 5000 + "}}"):
        path.write_text(body, encoding="utf-8")
        with bounded():
            assert load_state(bib).links == {}
    path.unlink()
    os.mkfifo(path)
    with bounded():
        assert load_state(bib).links == {}


def test_many_blocks_in_one_chunk_are_located_in_linear_time():
    """8,000 commented-out entry heads form one chunk: locating each block by walking lines
    from the chunk's start took 7 s; now well under a second."""
    from annobib.bib import parse_library

    with bounded():
        lib = parse_library("%@article{x,\n" * 8000)
    assert len(lib.blocks) >= 8000


def test_export_to_dash_is_standard_output_not_a_file(tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text("@book{k, title={T}, date={2020}}\n", encoding="utf-8")
    r = run_cli(["--bib", str(bib), "export", "--to", "ris", "-o", "-"], cwd=tmp_path)
    assert r.exit_code == 0 and "TY  - BOOK" in r.stdout
    r = run_cli(["--bib", str(bib), "format", "--to", "html", "-o", "-"], cwd=tmp_path)
    assert r.exit_code == 0 and "<" in r.stdout and "T" in r.stdout
    assert not (tmp_path / "-").exists()


def test_superscript_digits_in_dates_are_no_numbers():
    """str.isdigit() accepts '¹' and '²', which int() refuses (found by the RIS fuzz test)."""
    from annobib.exchange.ris import loads

    entries = loads("TY  - BOOK\nPY  - ¹\nDA  - ²/³\nER  - \n", "in.ris")
    assert len(entries) == 1 and "date" not in entries[0].fields


def test_a_config_key_of_thousands_of_dotted_parts_is_refused_fast(tmp_path):
    from annobib.config import read_config_file

    bad = tmp_path / "dot.toml"
    bad.write_text(".".join(f"k{i}" for i in range(20_000)) + " = 1\n")  # tomllib: 6 s, 1.5 GB
    with bounded(megabytes=50), pytest.raises(InputError, match="dotted parts"):
        read_config_file(bad)
    inline = tmp_path / "inline.toml"
    inline.write_text("x = {" + ".".join(f"k{i}" for i in range(20_000)) + " = 1}\n")
    with bounded(megabytes=50), pytest.raises(InputError, match="dotted parts"):
        read_config_file(inline)
    fine = tmp_path / "fine.toml"  # dots in comments and values are no key parts
    fine.write_text("# " + "." * 500 + "\n[links]\ntimeout = 5\nnote = '" + "a." * 300 + "'\n")
    assert read_config_file(fine)["links"]["timeout"] == 5
