"""Markdown (CommonMark): *italics*, <autolinks>, special characters escaped (through the one
sanitizer: links only for safe schemes, never raw HTML, invisible characters made visible)."""

from __future__ import annotations

from annobib.core.sanitize import markdown_link
from annobib.core.sanitize import markdown_text as escape


def render(rt) -> str:
    out = []
    for r in rt.runs:
        if r.url:
            text = markdown_link(r.text, r.url)
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
