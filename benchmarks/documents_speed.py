"""Document reading speed: a 30-page journal-like PDF (the seed's notes set four times over), whole
process (`annobib extract FILE.pdf -o -`), with peak memory; and the PDF libraries compared on it.

The PDF is built by tests/docbuild.py (reportlab). Budget (issue #14): 30 pages in <= 3 s whole
process, peak memory <= 300 MB.

    python benchmarks/documents_speed.py [--repeat N] [--compare]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "cli"), str(ROOT / "tests")]

import docbuild  # noqa: E402


def build(path: Path, copies: int = 4) -> int:
    paras = docbuild.seed_paragraphs() * copies
    path.write_bytes(docbuild.footnote_pdf(paras))
    import pypdfium2 as pdfium

    with pdfium.PdfDocument(str(path)) as pdf:
        return len(pdf)


def whole_process(path: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MB) of one `annobib extract PATH -o -` run in a fresh interpreter."""
    code = "import sys; from annobib.cli import main; sys.argv = ['annobib', 'extract', sys.argv[1], '-o', '-']; main()"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "cli"))
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True, env=env)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def compare(path: Path) -> None:
    """Characters with size and position from each candidate library (reading only)."""
    t = time.perf_counter()
    from annobib.documents.pdf import read_pdf

    read_pdf(path.read_bytes(), str(path))
    print(f"pypdfium2 + layout: {time.perf_counter() - t:.2f} s")
    try:
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage
    except ImportError:
        print("pdfminer.six: not installed (pip install pdfminer.six to compare)")
        return
    t = time.perf_counter()
    rm = PDFResourceManager(caching=True)
    dev = PDFPageAggregator(rm, laparams=None)  # characters only, no layout analysis: its fastest mode
    interp = PDFPageInterpreter(rm, dev)
    with open(path, "rb") as f:
        for page in PDFPage.get_pages(f):
            interp.process_page(page)
            dev.get_result()
    print(f"pdfminer.six (characters only): {time.perf_counter() - t:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--compare", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "journal.pdf"
        pages = build(path)
        runs = [whole_process(path) for _ in range(args.repeat)]
        secs = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        print(
            f"{pages}-page PDF, whole process: median {secs:.2f} s ({pages / secs:.1f} pages/s), peak RSS {peak:.0f} MB"
        )
        if args.compare:
            compare(path)


if __name__ == "__main__":
    main()
