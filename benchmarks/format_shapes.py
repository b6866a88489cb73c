"""``format`` and ``export`` on hostile shapes under 1 MB (issue 12: no run over 1 s or 300 MB):
whole processes, CPU (user+sys) and peak memory, medians of ``--runs``.

    python benchmarks/format_shapes.py [--runs 3] [--only tiny,fan]

Files (written to a temporary folder, the shapes of the hostile test's files):
  * ``keys``: ``@misc{keyN, title={TN}, year={2020}}`` and ``@misc{KEYN, …}``, 10,000 entries (425 KB);
  * ``fan``: one ``@book{root}`` and 10,000 ``@incollection`` with ``crossref={root}`` (818 KB);
  * ``tiny``: ``@misc{a,}`` 90,000 times, one key (900 KB): one body, one group, letters to ``eqxd``;
  * ``dups``: ``@misc{dup, title={TN}, year={2020}}``, 5,000 entries.
CPU is the figure that holds up when the machine is shared; the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

FILES = {
    "keys": lambda: "".join(
        f"@misc{{key{i}, title={{T{i}}}, year={{2020}}}}\n@misc{{KEY{i}, title={{U{i}}}, year={{2020}}}}\n"
        for i in range(5000)
    ),
    "fan": lambda: (
        "@book{root, title={Root}, author={R, A}, year={2000}, publisher={P}}\n"
        + "".join(
            f"@incollection{{c{i}, title={{C{i}}}, author={{A, B}}, crossref={{root}}, pages={{1--2}}}}\n"
            for i in range(10000)
        )
    ),
    "tiny": lambda: "@misc{a,}\n" * 90000,
    "dups": lambda: "".join(f"@misc{{dup, title={{T{i}}}, year={{2020}}}}\n" for i in range(5000)),
}
COMMANDS = [
    ["format", "--to", "text"],
    ["format", "--to", "latex", "--style", "apa"],
    ["format", "--to", "text", "--style", "chicago", "--system", "bibliography"],
    ["export", "--to", "csl-json"],
]


def _run(path: Path, args: list[str], env: dict) -> tuple[float, float]:
    """(CPU seconds, peak MB) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "annobib", "--bib", str(path), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, after.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default=",".join(FILES))
    opts = ap.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_CACHE_HOME": tmp, "XDG_STATE_HOME": tmp, "XDG_CONFIG_HOME": tmp, "NO_COLOR": "1"}
        for name in opts.only.split(","):
            path = Path(tmp) / f"{name}.bib"
            path.write_text(FILES[name](), encoding="utf-8")
            for args in COMMANDS:
                runs = [_run(path, args, env) for _ in range(opts.runs)]
                cpu = statistics.median(c for c, _ in runs)
                print(f"{name:5} {' '.join(args):55} {cpu:6.2f} s CPU  {max(m for _, m in runs):5.0f} MB (peak so far)")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
