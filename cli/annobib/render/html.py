"""HTML: <i>, <a href>, lang attributes; everything escaped through the one sanitizer
(links only for safe schemes, invisible characters made visible)."""

from __future__ import annotations

from annobib.core.sanitize import html_link, html_text


def render(rt) -> str:
    out = []
    for r in rt.runs:
        if r.url:
            text = html_link(r.text, r.url)
        else:
            text = html_text(r.text, quote=False)
        if r.italic:
            text = f"<i>{text}</i>"
        if r.lang:
            text = f'<span lang="{html_text(r.lang)}">{text}</span>'
        out.append(text)
    return "".join(out)


def document(items, hanging: bool = False) -> str:
    cls = "references hanging" if hanging else "references"
    lines = [f'<ol class="{cls}">' if not hanging else f'<div class="{cls}">']
    for item in items:
        lang = f' lang="{html_text(item.lang)}"' if item.lang else ""
        ident = f' id="ref-{html_text(item.key)}"' if item.key else ""
        tag = "li" if not hanging else "p"
        style = ' style="padding-left:2em;text-indent:-2em"' if hanging else ""
        body = render(item.text)
        if item.label and hanging:
            body = html_text(item.label, quote=False) + " " + body
        if item.annotation:
            paras = [p for p in render(item.annotation).split("\n\n") if p.strip()]
            body += (
                '<span class="annotation" style="display:block;text-indent:0;margin:0.5em 0 0.5em 2em">'
                + "<br><br>".join(paras)
                + "</span>"
            )
        value = ""
        if not hanging and item.label and item.label.strip("[]").isdigit() and item.label.strip("[]").isascii():
            value = f' value="{item.label.strip("[]")}"'  # a selection keeps the list's numbers
        lines.append(f"  <{tag}{ident}{value}{lang}{style}>{body}</{tag}>")
    lines.append("</ol>" if not hanging else "</div>")
    return "\n".join(lines) + "\n"
