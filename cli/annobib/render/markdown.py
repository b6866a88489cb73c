"""Markdown (CommonMark): *italics*, <autolinks>, special characters escaped."""

from __future__ import annotations

import re

_ESCAPE = re.compile(r"([\\`*_\[\]<>#|~])")


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def render(rt) -> str:
    out = []
    for r in rt.runs:
        if r.url:
            text = f"<{r.url}>" if r.text == r.url else f"[{escape(r.text)}](<{r.url}>)"
        else:
            text = escape(r.text)
            if r.italic and text.strip():
                lead = text[: len(text) - len(text.lstrip())]
                trail = text[len(text.rstrip()) :]
                text = f"{lead}*{text.strip()}*{trail}"
        out.append(text)
    return "".join(out)


def document(items, hanging: bool = False) -> str:
    blocks = []
    for item in items:
        line = render(item.text)
        if item.label:
            line = f"{escape(item.label)} {line}"
        if item.annotation:
            ann = render(item.annotation).replace("\n\n", "\n>\n> ")
            line += "\n\n> " + ann
        blocks.append(line)
    return "\n\n".join(blocks) + ("\n" if blocks else "")
