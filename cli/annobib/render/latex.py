"""LaTeX: \\emph, \\url / \\href (safe schemes only), special characters escaped (for a
thebibliography list); invisible characters made visible by the one sanitizer."""

from __future__ import annotations

from annobib.core.sanitize import safe_url, terminal_lines

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def escape(text: str) -> str:
    return "".join(_SPECIAL.get(c, c) for c in terminal_lines(text))


def _key(key: str) -> str:
    """A \\bibitem key: characters TeX would read as commands, groups or comments replaced."""
    return "".join("-" if c in "\\{}%#~^$&" or c.isspace() else c for c in terminal_lines(key))


def _url(url: str) -> str:
    # \url takes its argument verbatim except for %, # and braces, which must be escaped
    return url.replace("\\", "/").replace("%", r"\%").replace("#", r"\#").replace("{", r"\{").replace("}", r"\}")


def render(rt) -> str:
    out = []
    for r in rt.runs:
        target = safe_url(r.url) if r.url else None
        if target:
            text = (
                r"\url{" + _url(target) + "}"
                if r.text == r.url
                else r"\href{" + _url(target) + "}{" + escape(r.text) + "}"
            )
        else:
            text = escape(r.text)
            if r.italic:
                text = r"\emph{" + text + "}"
        out.append(text)
    return "".join(out)


def document(items, hanging: bool = False) -> str:
    if hanging:
        # author-date / APA: no labels, a hanging indent
        lines = [
            r"\begin{list}{}{\setlength{\leftmargin}{2em}\setlength{\itemindent}{-2em}"
            r"\setlength{\labelwidth}{0pt}\setlength{\labelsep}{0pt}}"
        ]
        for item in items:
            lines.append(r"\item{} " + render(item.text))
            if item.annotation:
                lines.append(
                    r"\par\begin{quote}" + render(item.annotation).replace("\n\n", "\n\n\\par ") + r"\end{quote}"
                )
        lines.append(r"\end{list}")
        return "\n".join(lines) + "\n"
    width = max((len(i.label or "") for i in items), default=1)
    lines = [r"\begin{thebibliography}{" + "9" * max(1, width - 2) + "}"]
    for item in items:
        lines.append(r"\bibitem{" + _key(item.key or "") + "}")
        lines.append(render(item.text))
        if item.annotation:
            lines.append(r"\par\begin{quote}" + render(item.annotation).replace("\n\n", "\n\n\\par ") + r"\end{quote}")
        lines.append("")
    lines.append(r"\end{thebibliography}")
    return "\n".join(lines) + "\n"
