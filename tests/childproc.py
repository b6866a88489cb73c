"""One annobib command in a fresh process, measured alone: exit code, output, CPU and peak memory.

The hostile rounds' bound tests run the CLI through a small launcher that reports its child's own
``ru_maxrss``: Linux hands a forked child its parent's peak, so the test process's peak (pytest,
hundreds of MB) would be counted against every command otherwise.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

from conftest import REPO

CLI_PATH = str(REPO / "cli")
CPU_LIMIT = 1.5  # seconds of CPU for the whole process (#12 asks 1 s; startup is 0.2-0.4 s)
RSS_LIMIT_MB = 300
CLOSED_PORT_URL = "http://127.0.0.1:9"  # discard port: nothing listens, nothing leaves the host


def child(args, tmp_path, *, env=None, stdin=None, timeout=120):
    """``annobib ARGS`` in a fresh process: (exit code, stdout, stderr, CPU s, peak RSS MB)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("ANNOBIB_")}
    full_env.update(
        PYTHONPATH=CLI_PATH,
        HOME=str(tmp_path),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        ANNOBIB_STATE_DIR=str(tmp_path / "state"),
        ANNOBIB_DATA_DIR=str(tmp_path / "data"),
        ANNOBIB_CROSSREF_URL=CLOSED_PORT_URL,
        ANNOBIB_OPENALEX_URL=CLOSED_PORT_URL,
        ANNOBIB_WAYBACK_URL=CLOSED_PORT_URL,
        ANNOBIB_ARCHIVE_ORG_URL=CLOSED_PORT_URL,
    )
    full_env.update(env or {})
    usage_file = tmp_path / f".usage-{time.monotonic_ns()}"
    proc = subprocess.Popen(
        [sys.executable, "-c", _LAUNCH, str(usage_file), sys.executable, "-m", "annobib", *args],
        cwd=tmp_path,
        env=full_env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a timeout kills the launcher and annobib together
    )
    # read both pipes in threads so a large output cannot block the child before wait4
    got: dict[str, bytes] = {}

    def drain(name, pipe):
        got[name] = pipe.read()

    readers = [threading.Thread(target=drain, args=(n, p)) for n, p in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
    timer.start()
    try:
        proc.wait()
    finally:
        timer.cancel()
    for t in readers:
        t.join()
    code, cpu, peak_kb = usage_file.read_text().split()
    return (
        int(code),
        got["out"].decode("utf-8", "replace"),
        got["err"].decode("utf-8", "replace"),
        float(cpu),
        int(peak_kb) / 1024,
    )


# annobib is started by a small launcher that reports its exit code, CPU time and peak memory:
# on Linux a child's ru_maxrss starts from the peak of the process that forked it, and pytest is
# 400+ MB late in a full run, so annobib's own peak is only seen from a small parent
_LAUNCH = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}")
"""
