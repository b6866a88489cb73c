"""Read the GB/T 7714 conformance lists (``/work/shared/oracle/gbt7714/*.tlg``) as plain text.

Shared by ``tests/test_format_gbt7714_oracle.py`` and ``benchmarks/format_conformance.py``.
The normalization is the one ``ORIGIN.md`` describes, plus two LaTeX ligatures the files rely on
(``---`` is an em dash, ``--`` an en dash, ````` and ``''`` curly quotes when typeset), so that a formatter producing Unicode
text can be compared with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EDITIONS = {
    ("2025", "numeric"): ("gbt7714-examples.bib", "2025-numeric.tlg"),
    ("2025", "author-date"): ("gbt7714-examples.bib", "2025-authoryear.tlg"),
    ("2015", "numeric"): ("gbt7714-2015-examples.bib", "2015-numeric.tlg"),
    ("2015", "author-date"): ("gbt7714-2015-examples.bib", "2015-authoryear.tlg"),
}


@dataclass
class Item:
    key: str
    label: str  # the in-text label of \bibitem[...] (normalized), "" when absent
    text: str  # the reference, normalized


_BIBITEM = re.compile(r"\\bibitem(?:\[(?P<label>(?:[^\[\]]|\[[^\]]*\])*)\])?\{(?P<key>[^}]*)\}")


def _braced_arg(text: str, start: int) -> tuple[str, int]:
    """The content of the {...} group opening at ``start`` and the index after it."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start + 1 : i], i + 1
    return text[start + 1 :], len(text)


def normalize(tex: str) -> str:
    out: list[str] = []
    i = 0
    n = len(tex)
    while i < n:
        c = tex[i]
        if c == "\\":
            m = re.match(r"\\([a-zA-Z]+)\s*|\\(.)", tex[i:])
            name = m.group(1)
            if name is None:
                sym = m.group(2)
                out.append(
                    {"&": "&", " ": " ", "%": "%", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}"}.get(sym, sym)
                )
                i += m.end()
                continue
            j = i + m.end()
            if name in ("url", "doi", "cstr") and j < n and tex[j] == "{":
                arg, j = _braced_arg(tex, j)
                out.append("\x00" + arg.replace("~", "\x01") + "\x00")
                i = j
                continue
            if name == "natexlab" and j < n and tex[j] == "{":
                arg, j = _braced_arg(tex, j)
                out.append(normalize(arg))
                i = j
                continue
            if name == "newblock" or name == "quad":
                out.append(" ")
            elif name == "times":
                out.append("×")
            # \allowbreak, \em and anything else: dropped with the spaces after it
            i = j
            continue
        if c in "{}$":
            i += 1
            continue
        if c == "~":
            out.append(" ")
            i += 1
            continue
        out.append(c)
        i += 1
    text = "".join(out)
    # LaTeX ligatures, outside URLs only
    parts = text.split("\x00")
    for k in range(0, len(parts), 2):
        parts[k] = parts[k].replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”")
    text = "".join(parts).replace("\x01", "~")
    return re.sub(r"\s+", " ", text).strip()


def parse_tlg(path: str | Path) -> list[Item]:
    text = Path(path).read_text(encoding="utf-8")
    body = text.split("\\end{thebibliography}")[0]
    items: list[Item] = []
    matches = list(_BIBITEM.finditer(body))
    for k, m in enumerate(matches):
        end = matches[k + 1].start() if k + 1 < len(matches) else len(body)
        raw = body[m.end() : end]
        items.append(Item(key=m["key"], label=normalize(m["label"] or ""), text=normalize(raw)))
    return items


def oracle_files(root: Path, edition: str, system: str) -> tuple[Path, Path]:
    bib, tlg = EDITIONS[(edition, system)]
    return root / bib, root / tlg
