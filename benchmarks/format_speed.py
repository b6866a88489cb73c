"""Formatting speed: ``annobib format --style apa`` against pandoc 3 ``--citeproc`` with the APA CSL.

    python benchmarks/format_speed.py [--size 10000] [--repeat 3] [--csl apa.csl] [--styles apa,...]
                                      [--keep DIR]

The entries are generated, varied and reproducible (a fixed seed): journal articles with DOIs,
books with editions, chapters in edited books, reports with numbers, theses, web pages of
organizations and news items; four in five Latin (English names with particles and suffixes,
group authors), one in five Chinese (pinyin sorting and romanization). Every title is unique,
so no tool can reuse earlier work.

Both sides are timed as whole processes on the same file, alternating run by run so that both
see the same machine load: ``python -m annobib --bib FILE format --style apa --to text`` and
``pandoc doc.md --citeproc --csl apa.csl`` (``nocite: @*``, plain text out). pandoc is the one
the ``pypandoc-binary`` wheel brings (the ``test`` extra), else ``pandoc`` on the PATH; the APA
CSL is ``--csl PATH`` (the official ``apa.csl`` of the citation-style-language/styles
repository, CC BY-SA, so not shipped here), else ``$ANNOBIB_APA_CSL``, else the Debian
package's copy. Without pandoc or the CSL the pandoc column is skipped, not an error.
Medians of ``--repeat`` runs, the ratio pandoc/annobib, and the load average before and after.
``--styles`` adds annobib-only timings of other styles (gbt7714, cn-notes, chicago).
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEBIAN_CSL = Path("/usr/share/citation-style-language/styles/apa.csl")

GIVEN = "John Mary Robert Linda James Patricia Michael Susan David Karen Ann Peter Ruth Kenneth Jane".split()
FAMILY = "Smith Johnson Morrow Walt Keohane Snyder Jervis Waltz Mearsheimer Nye Allison Katzenstein".split()
PARTICLE = ["van der Berg", "de la Cruz", "von Neumann", "Le Roux", "O'Brien", "McNamara"]
ORGS = ["World Bank", "United Nations Development Programme", "RAND Corporation", "Pew Research Center"]
ZH_FAMILY = "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 汪".split()
ZH_GIVEN = "伟 芳 娜 敏 静 磊 强 军 洋 勇 艳 杰 娟 涛 明 超 秀英 建华 文博 志强".split()
ZH_WORDS = "国际 关系 联盟 安全 战略 中国 美国 亚太 秩序 经济 政治 合作 冲突 理论 研究 变迁 治理 地区".split()
WORDS = (
    "alliance security order power balance institutions cooperation conflict theory deterrence trade "
    "politics economy regional strategy international great war peace asia pacific china america "
    "nuclear norms identity domestic change crisis bargaining credibility"
).split()
PUBLISHERS = ["Cornell University Press", "Princeton University Press", "Routledge", "Oxford University Press"]
JOURNALS = ["International Security", "World Politics", "American Journal of Political Science", "Asian Survey"]
ZH_JOURNALS = ["世界经济与政治", "国际政治科学", "外交评论", "当代亚太", "美国研究"]


SYLLABLES = "ba ker son dal ri mo ve lan to sch mid gar ne wel ham fors ten lo cas tro by ing".split()


def _family(r: random.Random) -> str:
    """Mostly made-up surnames (thousands of them, as in a real library), some shared ones."""
    if r.random() < 0.15:
        return r.choice(FAMILY + PARTICLE)
    return "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3))).capitalize()


def _person(r: random.Random) -> str:
    family = _family(r)
    given = r.choice(GIVEN) + (f" {r.choice('ABCDEFGHJKLMNPRSTW')}." if r.random() < 0.5 else "")
    suffix = ", Jr." if r.random() < 0.03 else ""
    return f"{family}{suffix}, {given}" if suffix else f"{family}, {given}"


def _latin(r: random.Random, i: int, kind: str) -> str:
    authors = " and ".join(_person(r) for _ in range(r.choice([1, 1, 2, 3, 5, 8, 22])))
    if r.random() < 0.06:
        authors = "{" + r.choice(ORGS) + "}"
    words = r.sample(WORDS, r.randint(3, 9))
    title = " ".join(w.capitalize() if r.random() < 0.6 else w for w in words)
    if r.random() < 0.3:
        title += ": " + " ".join(r.sample(WORDS, 3)).capitalize()
    title += f" {i}"  # unique: nothing formatted from a cache
    year = r.randint(1950, 2025)
    common = f"  author = {{{authors}}},\n  title = {{{title}}},\n  year = {{{year}}},\n  langid = {{english}},\n"
    if kind == "article":
        return (
            f"@article{{e{i},\n{common}  journal = {{{r.choice(JOURNALS)}}},\n  volume = {{{r.randint(1, 60)}}},\n"
            f"  number = {{{r.randint(1, 4)}}},\n  pages = {{{(p := r.randint(1, 900))}--{p + r.randint(5, 40)}}},\n"
            f"  doi = {{10.1000/xyz.{i}}},\n}}\n"
        )
    if kind == "book":
        edition = f"  edition = {{{r.randint(2, 5)}}},\n" if r.random() < 0.2 else ""
        return (
            f"@book{{e{i},\n{common}{edition}  publisher = {{{r.choice(PUBLISHERS)}}},\n  address = {{New York}},\n}}\n"
        )
    if kind == "chapter":
        editors = " and ".join(_person(r) for _ in range(r.randint(1, 3)))
        book = " ".join(r.sample(WORDS, 4)).title()
        return (
            f"@incollection{{e{i},\n{common}  editor = {{{editors}}},\n  booktitle = {{{book}}},\n"
            f"  pages = {{{(p := r.randint(1, 400))}--{p + r.randint(10, 30)}}},\n"
            f"  publisher = {{{r.choice(PUBLISHERS)}}},\n}}\n"
        )
    if kind == "report":
        return (
            f"@report{{e{i},\n{common}  institution = {{{r.choice(ORGS)}}},\n  number = {{WP-{r.randint(1, 999)}}},\n"
            f"  type = {{Working Paper}},\n}}\n"
        )
    if kind == "thesis":
        return f"@phdthesis{{e{i},\n{common}  school = {{University of {r.choice(['Chicago', 'Michigan', 'Oxford'])}}},\n}}\n"
    month, day = r.randint(1, 12), r.randint(1, 28)
    date = f"{year}-{month:02d}-{day:02d}"
    return (
        f"@online{{e{i},\n  author = {{{authors}}},\n  title = {{{title}}},\n  date = {{{date}}},\n"
        f"  organization = {{{r.choice(ORGS)}}},\n  url = {{https://example.org/{i}}},\n"
        f"  urldate = {{2025-03-01}},\n  langid = {{english}},\n}}\n"
    )


def _chinese(r: random.Random, i: int, kind: str) -> str:
    given = [r.choice(ZH_GIVEN) + r.choice(ZH_GIVEN)[0] if r.random() < 0.7 else r.choice(ZH_GIVEN) for _ in "1234"]
    authors = " and ".join(r.choice(ZH_FAMILY) + g for g in given[: r.choice([1, 1, 2, 4])])
    title = "".join(r.sample(ZH_WORDS, r.randint(3, 7))) + f"{i}"
    year = r.randint(1990, 2025)
    common = f"  author = {{{authors}}},\n  title = {{{title}}},\n  year = {{{year}}},\n  langid = {{chinese}},\n"
    if kind == "book":
        return f"@book{{e{i},\n{common}  publisher = {{社会科学文献出版社}},\n  address = {{北京}},\n}}\n"
    if kind == "online":
        return f"@online{{e{i},\n{common}  url = {{https://example.cn/{i}}},\n  urldate = {{2025-03-01}},\n}}\n"
    return (
        f"@article{{e{i},\n{common}  journal = {{{r.choice(ZH_JOURNALS)}}},\n  number = {{{r.randint(1, 12)}}},\n"
        f"  pages = {{{(p := r.randint(1, 150))}--{p + r.randint(5, 25)}}},\n}}\n"
    )


def make_bib(n: int, path: Path, seed: int = 16) -> Path:
    """``n`` varied entries (see the module docstring), the same for the same ``seed``."""
    r = random.Random(seed)
    kinds = ["article"] * 5 + ["book"] * 2 + ["chapter"] * 2 + ["report", "thesis", "online", "online"]
    out = []
    for i in range(n):
        kind = r.choice(kinds)
        out.append(_chinese(r, i, kind) if r.random() < 0.2 else _latin(r, i, kind))
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def find_pandoc() -> str | None:
    try:
        import pypandoc  # the binary wheel's pandoc 3, when the test extra is installed

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return shutil.which("pandoc")


def find_csl(argv_csl: str | None) -> Path | None:
    for candidate in (argv_csl, os.environ.get("ANNOBIB_APA_CSL"), DEBIAN_CSL):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def timed(args: list[str], workdir: Path, env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one whole run: CPU time is what a loaded machine distorts least."""
    c0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run(args, cwd=workdir, check=True, capture_output=True, env=env, timeout=3600)
    wall, c1 = time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (c1.ru_utime - c0.ru_utime) + (c1.ru_stime - c0.ru_stime)


def annobib_args(bib: Path, style: str) -> list[str]:
    return [sys.executable, "-m", "annobib", "--bib", str(bib), "format", "--to", "text", "--style", style]


def pandoc_args(pandoc: str, bib: Path, csl: Path) -> list[str]:
    return [pandoc, "doc.md", "--citeproc", "--bibliography", str(bib), "--csl", str(csl)] + [
        "-t",
        "plain",
        "--wrap=none",
        "-o",
        os.devnull,
    ]


def _option(argv: list[str], name: str, default: str | None) -> str | None:
    return argv[argv.index(name) + 1] if name in argv else default


def main(argv: list[str]) -> int:
    size = int(_option(argv, "--size", "10000") or 10000)
    repeat = int(_option(argv, "--repeat", "3") or 3)
    styles = (_option(argv, "--styles", "apa") or "apa").split(",")
    pandoc, csl = find_pandoc(), find_csl(_option(argv, "--csl", None))
    if pandoc and csl:
        version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        print(f"against {version} ({pandoc}), CSL {csl}")
    else:
        print("pandoc or the APA CSL not found (pip install pypandoc-binary; --csl apa.csl): pandoc skipped")
    env = dict(os.environ, PYTHONPATH=str(REPO / "cli"), ANNOBIB_NO_CACHE="1")
    load0 = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(_option(argv, "--keep", None) or tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "doc.md").write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
        bib = make_bib(size, workdir / f"bench-{size}.bib")
        print(f"{size} generated entries, median of {repeat} whole runs each, alternating\n")
        print(f"{'':<10} {'annobib':>17} {'pandoc':>17} {'pandoc/annobib':>17}")
        print(f"{'style':<10} {'wall s':>8} {'CPU s':>8} {'wall s':>8} {'CPU s':>8} {'wall':>8} {'CPU':>8}")
        for style in styles:
            ours, theirs = [], []
            for _ in range(repeat):
                ours.append(timed(annobib_args(bib, style), workdir, env))
                if pandoc and csl and style == "apa":
                    theirs.append(timed(pandoc_args(pandoc, bib, csl), workdir))
            w_ours, c_ours = (statistics.median(t[k] for t in ours) for k in (0, 1))
            row = f"{style:<10} {w_ours:8.2f} {c_ours:8.2f}"
            if theirs:
                w_pd, c_pd = (statistics.median(t[k] for t in theirs) for k in (0, 1))
                row += f" {w_pd:8.2f} {c_pd:8.2f} {w_pd / w_ours:7.1f}x {c_pd / c_ours:7.1f}x"
            print(row, flush=True)
    load1 = os.getloadavg()
    print(f"\nload average (1 min) {load0[0]:.2f} before, {load1[0]:.2f} after; {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
