"""A pandoc filter: citations in pandoc's JSON AST replaced by annobib's, the reference list
appended (or put in a ``Div`` with id ``refs`` when the document has one, as pandoc's citeproc does).

Options come from the document's metadata — ``bibliography`` (when no ``--bib``/``$ANNOBIB_BIB``
is given), ``annobib-style`` (gbt7714, apa, any registered style), ``annobib-edition``,
``annobib-system`` (numeric | author-date), ``annobib-superscript`` (GB/T numeric citations are
raised, as the standard prints them; ``false`` keeps them on the line) — so one command line serves
every paper. A key with no entry keeps pandoc's own text (``[@key]``) and is warned about.
"""

from __future__ import annotations

import json
import os
import re
import shutil

from annobib.core.sanitize import safe_url, terminal
from annobib.errors import InputError
from annobib.manuscript.cited import cited_entries, combine, reference_list
from annobib.manuscript.notes import group_notes, is_note_style, narrative_names
from annobib.manuscript.scan import Cite, Paper, locator
from annobib.styles import style_module


def _stringify(node) -> str:
    """The plain text of AST inlines or a metadata value."""
    if isinstance(node, list):
        return "".join(_stringify(n) for n in node)
    if not isinstance(node, dict):
        return str(node) if isinstance(node, (str, int, float)) else ""
    t = node.get("t")
    if t in ("Space", "SoftBreak", "LineBreak"):
        return " "
    if t in ("Str", "MetaString"):
        return str(node.get("c", ""))
    if t == "MetaBool":
        return "true" if node.get("c") else "false"
    c = node.get("c")
    if t in ("Code", "Math", "RawInline"):
        return str(c[1]) if isinstance(c, list) and len(c) > 1 else ""
    if t in ("Link", "Image", "Span", "Cite") and isinstance(c, list):
        return _stringify(c[1])
    if t == "Quoted" and isinstance(c, list):
        return "“" + _stringify(c[1]) + "”"
    return _stringify(c) if isinstance(c, (list, dict)) else ""


def meta_value(doc: dict, name: str) -> list[str]:
    """A metadata field as strings (a list gives several: ``bibliography: [a.bib, b.bib]``)."""
    v = (doc.get("meta") or {}).get(name)
    if v is None:
        return []
    if isinstance(v, dict) and v.get("t") == "MetaList":
        return [_stringify(x).strip() for x in v.get("c", [])]
    return [_stringify(v).strip()]


def _cites(node, out: list, in_note: bool = False) -> None:
    """Every Cite element, in document order (notes where they stand), with whether it stands
    inside a footnote."""
    if isinstance(node, list):
        for n in node:
            _cites(n, out, in_note)
    elif isinstance(node, dict):
        if node.get("t") == "Cite":
            if _well_formed_cite(node):  # a Cite of another shape is left as pandoc wrote it
                out.append((node, in_note))
            return
        c = node.get("c")
        if isinstance(c, (list, dict)):
            _cites(c, out, in_note or node.get("t") == "Note")


def _well_formed_cite(node: dict) -> bool:
    """``{"t": "Cite", "c": [[citation, ...], inlines]}`` with each citation an object."""
    c = node.get("c")
    return (
        isinstance(c, list)
        and len(c) == 2
        and isinstance(c[0], list)
        and bool(c[0])
        and all(isinstance(item, dict) for item in c[0])
        and isinstance(c[1], list)
    )


def inlines(text: str) -> list[dict]:
    """Plain text as pandoc inlines (words and spaces), unsafe characters made visible."""
    out: list[dict] = []
    for i, part in enumerate(re.split(r" +", terminal(text))):
        if i:
            out.append({"t": "Space"})
        if part:
            out.append({"t": "Str", "c": part})
    return out


def rich_inlines(rt) -> list[dict]:
    """Rich text as inlines: italics as Emph, safe links as Link."""
    out: list[dict] = []
    for run in rt.runs:
        piece = inlines(run.text)
        url = safe_url(run.url) if run.url else None
        if url:
            piece = [{"t": "Link", "c": [["", [], []], piece, [url, ""]]}]
        elif run.italic:
            piece = [{"t": "Emph", "c": piece}]
        out.extend(piece)
    return out


def _group(cite_node: dict) -> list[Cite]:
    group = []
    for c in cite_node["c"][0]:
        loc = locator(_stringify(c.get("citationSuffix") or []))
        prefix = _stringify(c.get("citationPrefix") or []).strip()
        group.append(Cite(str(c.get("citationId", "")), loc, 0, prefix))
    return group


def _narrative(text: str) -> str | None:
    """``(Morrow, 1991)`` -> ``Morrow (1991)``; ``（刘琳，2025）`` -> ``刘琳（2025）`` (``@key`` in the text)."""
    m = re.fullmatch(r"（(.+)，([^，]+)）", text) or re.fullmatch(r"\((.+), ([^,]+)\)", text)
    if not m:
        return None
    return f"{m.group(1)}（{m.group(2)}）" if text.startswith("（") else f"{m.group(1)} ({m.group(2)})"


def run_filter(
    doc: dict, entries: list, style: str, edition=None, system: str = "numeric", superscript: bool | None = None
) -> tuple[dict, list[str]]:
    """Replace ``doc``'s citations and add its reference list; (doc, warnings). A note style
    (``cn-notes``, ``chicago``) writes footnotes instead (:func:`_note_citations`)."""
    found: list[tuple[dict, bool]] = []
    _cites(doc.get("blocks", []), found)
    nodes = [n for n, _in_note in found]
    groups = [_group(n) for n in nodes]
    cited = cited_entries(Paper("the document", groups), entries)
    warnings = [f"no entry with key {k}" for k in cited.missing]
    if is_note_style(style, system):
        _note_citations(doc, found, groups, entries, style)
        if "bibliography" in _systems(style):  # Chicago: notes and bibliography; cn-notes: notes only
            refs_list = reference_list(cited, entries, style, edition, "bibliography")
            if refs_list:
                _place_list(doc, refs_list)
        return doc, warnings
    refs_list = reference_list(cited, entries, style, edition, system)
    refs = {r.key: r for r in refs_list}
    numeric = bool(refs_list) and refs_list[0].number is not None
    if superscript is None:
        superscript = numeric and style in ("gbt7714", "gb")
    for node, group in zip(nodes, groups):
        known = [c for c in group if c.key in refs]
        if not known or len(known) != len(group):
            continue  # keep pandoc's text for a citation naming a missing key
        result = combine(refs, known, style)
        mode = _mode(node)
        parts = result.parts
        if mode == "AuthorInText" and len(known) == 1 and not numeric:
            narrative = _narrative(result.text)
            parts = [(narrative, False)] if narrative else parts
        new: list[dict] = []
        for text, raised in parts:
            piece = inlines(text)
            new.extend([{"t": "Superscript", "c": piece}] if raised else piece)
        if superscript:
            new = [{"t": "Superscript", "c": new}]
        node["t"], node["c"] = "Span", [["", ["citation"], [["data-cites", " ".join(c.key for c in known)]]], new]
    if refs_list:
        _place_list(doc, refs_list)
    return doc, warnings


def _mode(cite_node: dict) -> str | None:
    return (cite_node["c"][0][0].get("citationMode") or {}).get("t")


def _systems(style: str) -> tuple:
    return getattr(style_module(style), "SYSTEMS", ())


_CLOSING = tuple(".,;:!?。，；：！？")


def _note_citations(doc: dict, found: list, groups: list, entries: list, style: str) -> None:
    """Each citation becomes a footnote (a pandoc ``Note``) with the text ``format --manuscript``
    gives that citation: first in full, later short or 同上/Ibid., numbered by position. A citation
    already inside a footnote is written out in place, in that footnote. The note mark goes after
    the punctuation that follows the citation, with no space before it (``…端倪。①``, ``…so.¹``)."""
    by_key = {e.key: e for e in entries}
    index = set(by_key)
    folded = {e.key.casefold(): e.key for e in entries}
    chosen = []
    for (node, in_note), group in zip(found, groups):
        keys = [c.key if c.key in index else folded.get(c.key.casefold()) for c in group]
        if group and all(keys):  # a group naming a missing key keeps pandoc's text (warned)
            chosen.append((node, in_note, [Cite(str(k), c.locator, c.line, c.prefix) for k, c in zip(keys, group)]))
    notes = group_notes([g for _n, _i, g in chosen], entries, style)
    made: set[int] = set()
    for (node, in_note, group), rt in zip(chosen, notes):
        attrs = ["", ["citation"], [["data-cites", " ".join(c.key for c in group)]]]
        if in_note:
            node["t"], node["c"] = "Span", [attrs, rich_inlines(rt)]
            made.add(id(node))
        else:
            mark = {"t": "Note", "c": [{"t": "Para", "c": [{"t": "Span", "c": [attrs, rich_inlines(rt)]}]}]}
            names = narrative_names(by_key[group[0].key], style) if _mode(node) == "AuthorInText" else ""
            if names and len(group) == 1:  # "@morrow argues": Morrow¹ argues
                node["t"], node["c"] = "Span", [["", ["citation"], []], [*inlines(names), mark]]
            else:
                node["t"], node["c"] = mark["t"], mark["c"]
                made.add(id(node))
    _tidy(doc.get("blocks", []), made)


def _tidy(node, made: set[int]) -> None:
    """Around each new note: no space before its mark, the punctuation after the citation moved
    before it; a citation written inside a footnote drops its closing mark before the footnote's."""
    if isinstance(node, dict):
        if id(node) not in made and isinstance(node.get("c"), (list, dict)):
            _tidy(node["c"], made)
        return
    if not isinstance(node, list):
        return
    i = 0
    while i < len(node):
        n = node[i]
        if isinstance(n, dict) and id(n) in made:
            nxt = node[i + 1] if i + 1 < len(node) else None
            punct = isinstance(nxt, dict) and nxt.get("t") == "Str" and str(nxt.get("c", "")).startswith(_CLOSING)
            if n["t"] == "Span":  # in place inside a footnote: 《…》。 + 。 -> one mark
                runs = n["c"][1]
                last = runs[-1] if runs else None
                if punct and last and last.get("t") == "Str":
                    text = last["c"]
                    if text.endswith((".”", ".’")) and nxt["c"][:1] == ".":  # “Title.” keeps its period
                        if len(nxt["c"]) > 1:
                            nxt["c"] = nxt["c"][1:]
                        else:
                            del node[i + 1]
                    elif text.endswith(_CLOSING):
                        last["c"] = text[:-1]
            else:
                if i and isinstance(node[i - 1], dict) and node[i - 1].get("t") in ("Space", "SoftBreak"):
                    del node[i - 1]
                    i -= 1
                if punct:
                    mark, rest = nxt["c"][0], nxt["c"][1:]
                    node.insert(i, {"t": "Str", "c": mark})
                    i += 1
                    if rest:
                        nxt["c"] = rest
                    else:
                        del node[i + 1]
        else:
            _tidy(n, made)
        i += 1


def _entries_blocks(refs_list: list) -> list[dict]:
    paras = []
    for r in refs_list:
        body = ([{"t": "Str", "c": r.label}, {"t": "Space"}] if r.label else []) + rich_inlines(r.text)
        paras.append({"t": "Div", "c": [[f"ref-{r.key}", ["csl-entry"], []], [{"t": "Para", "c": body}]]})
    return paras


def find_pandoc() -> str | None:
    """pandoc on PATH, else the one the pypandoc-binary wheel brings, else None."""

    found = shutil.which("pandoc")
    if found:
        return found
    try:
        import pypandoc  # optional: the wheel that bundles a pandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError):
        return None


def to_docx(refs_list: list) -> bytes:
    """A reference list as a Word document, written by pandoc from its JSON AST."""
    # lazy: loads subprocess, tempfile only when this runs
    import subprocess
    import tempfile

    pandoc = find_pandoc()
    if pandoc is None:
        raise InputError(
            "writing .docx needs pandoc, which is not installed (install pandoc, or "
            "pip install pypandoc-binary); --to md or html work without it"
        )
    doc = {"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": _entries_blocks(refs_list)}
    with tempfile.TemporaryDirectory(prefix="annobib-docx-") as tmp:
        out = os.path.join(tmp, "refs.docx")
        try:
            done = subprocess.run(
                [pandoc, "-f", "json", "-t", "docx", "-o", out],
                input=json.dumps(doc).encode("utf-8"),
                capture_output=True,
                timeout=120,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError(f"pandoc failed ({exc})") from None
        if done.returncode != 0:
            first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no message"])[0]
            raise InputError(f"pandoc failed: {first}")
        with open(out, "rb") as f:
            return f.read()


def _place_list(doc: dict, refs_list: list) -> None:
    paras = _entries_blocks(refs_list)
    blocks = doc.setdefault("blocks", [])
    for b in blocks:
        if b.get("t") == "Div" and b["c"][0][0] == "refs":
            b["c"][1].extend(paras)
            return
    blocks.append({"t": "Div", "c": [["refs", ["references", "csl-bib-body"], []], paras]})
