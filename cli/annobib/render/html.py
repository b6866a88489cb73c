"""HTML: <i>, <a href>, lang attributes; everything escaped."""

from __future__ import annotations

from html import escape


def render(rt) -> str:
    out = []
    for r in rt.runs:
        text = escape(r.text, quote=False)
        if r.italic:
            text = f"<i>{text}</i>"
        if r.lang:
            text = f'<span lang="{escape(r.lang)}">{text}</span>'
        if r.url:
            text = f'<a href="{escape(r.url)}">{text}</a>'
        out.append(text)
    return "".join(out)


def document(items, hanging: bool = False) -> str:
    cls = "references hanging" if hanging else "references"
    lines = [f'<ol class="{cls}">' if not hanging else f'<div class="{cls}">']
    for item in items:
        lang = f' lang="{escape(item.lang)}"' if item.lang else ""
        ident = f' id="ref-{escape(item.key)}"' if item.key else ""
        tag = "li" if not hanging else "p"
        style = ' style="padding-left:2em;text-indent:-2em"' if hanging else ""
        body = render(item.text)
        if item.label and hanging:
            body = escape(item.label) + " " + body
        if item.annotation:
            paras = [p for p in render(item.annotation).split("\n\n") if p.strip()]
            body += ('<span class="annotation" style="display:block;text-indent:0;margin:0.5em 0 0.5em 2em">'
                     + "<br><br>".join(paras) + "</span>")
        value = ""
        if not hanging and item.label and item.label.strip("[]").isdigit():
            value = f' value="{item.label.strip("[]")}"'  # a selection keeps the list's numbers
        lines.append(f"  <{tag}{ident}{value}{lang}{style}>{body}</{tag}>")
    lines.append("</ol>" if not hanging else "</div>")
    return "\n".join(lines) + "\n"
