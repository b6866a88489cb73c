"""Plain text: the runs' text, nothing else (italics and links are dropped). Meant for people
(a terminal, a pipe, a .txt file): unsafe characters are made visible by the one sanitizer."""

from __future__ import annotations

from annobib.core.sanitize import terminal_lines

ANNOTATION_INDENT = "    "


def render(rt) -> str:
    return terminal_lines("".join(r.text for r in rt.runs))


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


def document(items, hanging: bool = False) -> str:
    blocks = []
    rendered: dict[int, str] = {}  # one note may stand in many places (styles.notes shares it)
    for item in items:
        line = rendered.get(id(item.text))
        if line is None:
            line = rendered[id(item.text)] = render(item.text)
        if item.label:
            line = f"{terminal_lines(item.label)} {line}"
        if item.annotation:
            line += "\n" + _indent(render(item.annotation), ANNOTATION_INDENT)
        blocks.append(line)
    sep = "\n\n" if any(i.annotation for i in items) else "\n"
    return sep.join(blocks) + ("\n" if blocks else "")
