"""Papers that cite the bibliography: which keys a manuscript cites, in order, and the combined
in-text citations and reference list built for it.

    from annobib.manuscript import read_paper
    paper = read_paper("paper.md")        # Markdown, LaTeX or .docx
    paper.keys()                          # cited keys, in order of first citation
    paper.groups                          # each citation: [Cite(key, locator, line), …]

The package reads files (through :mod:`annobib.documents` for .docx) and never prints.
"""

from __future__ import annotations

from annobib.manuscript.read import read_paper
from annobib.manuscript.scan import Cite, Paper, scan_latex, scan_markdown

__all__ = ["Cite", "Paper", "read_paper", "scan_latex", "scan_markdown"]
