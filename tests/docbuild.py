"""Build small .docx / .odt / Markdown documents from text we own, for the document readers' tests.

    python tests/docbuild.py            # (re)writes the committed fixtures in tests/data/documents/

A paragraph is a list of pieces: a string (body text), ``("fn", NOTE)`` / ``("en", NOTE)`` (a
footnote / endnote whose NOTE is a list of pieces itself), ``("ins", text)`` / ``("del", text)``
(tracked changes), ``("zotero", [CSL items], "shown text")`` (a Zotero citation field). The zips are
byte-for-byte reproducible (fixed timestamps), so the committed fixtures can be checked against this.
"""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WHEN = (2025, 1, 1, 0, 0, 0)


def _zip(parts: dict[str, str | bytes], first: str | None = None) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        names = ([first] if first else []) + [n for n in parts if n != first]
        for name in names:
            data = parts[name]
            info = zipfile.ZipInfo(name, _WHEN)
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------- docx


def _run(text: str, tag: str = "t") -> str:
    return f'<w:r><w:{tag} xml:space="preserve">{escape(text)}</w:{tag}></w:r>'


class _Docx:
    def __init__(self):
        self.notes = {"fn": [], "en": []}

    def pieces(self, pieces) -> str:
        out = []
        for p in pieces:
            if isinstance(p, str):
                out.append(_run(p))
            elif p[0] in ("fn", "en"):
                kind = "footnote" if p[0] == "fn" else "endnote"
                nid = len(self.notes[p[0]]) + 1
                self.notes[p[0]].append(p[1])
                out.append(
                    f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:{kind}Reference w:id="{nid}"/></w:r>'
                )
            elif p[0] == "star":  # a footnote with a custom mark: Word writes the symbol after the reference
                nid = len(self.notes["fn"]) + 1
                self.notes["fn"].append(["*", *p[1]] if p[1] and isinstance(p[1][0], str) else p[1])
                out.append(f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{nid}"/></w:r>{_run("*")}')
            elif p[0] == "ins":
                out.append(f'<w:ins w:id="9" w:author="A" w:date="2025-01-01T00:00:00Z">{_run(p[1])}</w:ins>')
            elif p[0] == "del":
                out.append(
                    f'<w:del w:id="9" w:author="A" w:date="2025-01-01T00:00:00Z">{_run(p[1], "delText")}</w:del>'
                )
            elif p[0] == "mendeley":  # Mendeley Cite: a content control whose tag holds base64 JSON
                import base64

                payload = json.dumps(
                    {"citationID": "m", "citationItems": [{"id": "a", "itemData": it} for it in p[1]]},
                    ensure_ascii=False,
                )
                tag = "MENDELEY_CITATION_v3_" + base64.b64encode(payload.encode()).decode()
                out.append(
                    f'<w:sdt><w:sdtPr><w:tag w:val="{tag}"/></w:sdtPr><w:sdtContent>{_run(p[2])}</w:sdtContent></w:sdt>'
                )
            elif p[0] == "zotero":
                instr = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(
                    {
                        "citationID": "x",
                        "properties": {"formattedCitation": p[2]},
                        "citationItems": [{"id": i, "uris": [], "itemData": it} for i, it in enumerate(p[1], 1)],
                    },
                    ensure_ascii=False,
                )
                half = len(instr) // 2  # Word splits long instructions over several runs
                out.append(
                    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    + _run(instr[:half], "instrText")
                    + _run(instr[half:], "instrText")
                    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                    + _run(p[2])
                    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                )
        return "".join(out)

    def note_part(self, key: str) -> str:
        kind = "footnote" if key == "fn" else "endnote"
        body = [
            f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
            f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}>',
        ]
        for i, note in enumerate(self.notes[key], 1):
            paras = note if note and isinstance(note[0], list) else [note]
            inner = "".join(
                "<w:p>"
                + (f'<w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>' if j == 0 else "")
                + self.pieces(pp)
                + "</w:p>"
                for j, pp in enumerate(paras)
            )
            body.append(f'<w:{kind} w:id="{i}">{inner}</w:{kind}>')
        return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{kind}s xmlns:w="{W_NS}">{"".join(body)}</w:{kind}s>'


def docx(paragraphs: list[list]) -> bytes:
    d = _Docx()
    body = "".join(f"<w:p>{d.pieces(p)}</w:p>" for p in paragraphs)
    doc = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}"><w:body>{body}'
        "<w:sectPr/></w:body></w:document>"
    )
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
            '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>'
        ),
        "word/_rels/document.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/footnotes" Target="footnotes.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/endnotes" Target="endnotes.xml"/></Relationships>'
        ),
        "word/document.xml": doc,
    }
    parts["word/footnotes.xml"] = d.note_part("fn")
    parts["word/endnotes.xml"] = d.note_part("en")
    return _zip(parts)


# ----------------------------------------------------------------------------------------- odt

_ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"'
)


class _Odt:
    def __init__(self):
        self.count = 0
        self.deleted: list[str] = []

    def pieces(self, pieces) -> str:
        out = []
        for p in pieces:
            if isinstance(p, str):
                out.append(escape(p))
            elif p[0] in ("fn", "en"):
                self.count += 1
                cls = "footnote" if p[0] == "fn" else "endnote"
                paras = p[1] if p[1] and isinstance(p[1][0], list) else [p[1]]
                inner = "".join(f"<text:p>{self.pieces(pp)}</text:p>" for pp in paras)
                out.append(
                    f'<text:note text:id="ftn{self.count}" text:note-class="{cls}"><text:note-citation>{self.count}'
                    f"</text:note-citation><text:note-body>{inner}</text:note-body></text:note>"
                )
            elif p[0] == "ins":
                cid = f"ct{len(self.deleted) + 100}"
                out.append(
                    f'<text:change-start text:change-id="{cid}"/>{escape(p[1])}<text:change-end text:change-id="{cid}"/>'
                )
            elif p[0] == "del":
                cid = f"ct{len(self.deleted)}"
                self.deleted.append((cid, p[1]))
                out.append(f'<text:change text:change-id="{cid}"/>')
            elif p[0] == "zotero":
                name = (
                    "ZOTERO_ITEM CSL_CITATION "
                    + json.dumps(
                        {
                            "citationID": "x",
                            "citationItems": [{"id": i, "itemData": it} for i, it in enumerate(p[1], 1)],
                        },
                        ensure_ascii=False,
                    )
                    + " RND1a2b3c"
                )
                out.append(
                    f"<text:reference-mark-start text:name={quoteattr(name)}/>{escape(p[2])}"
                    f"<text:reference-mark-end text:name={quoteattr(name)}/>"
                )
        return "".join(out)


def odt(paragraphs: list[list]) -> bytes:
    o = _Odt()
    body = "".join(f"<text:p>{o.pieces(p)}</text:p>" for p in paragraphs)
    changes = "".join(
        f'<text:changed-region text:id="{cid}"><text:deletion><office:change-info/><text:p>{escape(t)}</text:p>'
        f"</text:deletion></text:changed-region>"
        for cid, t in o.deleted
    )
    tracked = f"<text:tracked-changes>{changes}</text:tracked-changes>" if changes else ""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {_ODT_NS}><office:body><office:text>'
        f"{tracked}{body}</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    return _zip(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": content,
            "META-INF/manifest.xml": manifest,
        },
        first="mimetype",
    )


# ------------------------------------------------------------------------------ the seed article


def seed_paragraphs(path: str | Path | None = None) -> list[list]:
    """The seed article's notes, each cited from its own sentence, as document paragraphs."""
    import sys

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "cli"))
    from annobib.extract import extract_text

    text = Path(path or root / "refs" / "article.txt").read_text(encoding="utf-8")
    x = extract_text(text)
    out: list[list] = []
    prev = None
    for r in x.notes:
        sentence = r.note.context or "正文在此处引用了一条注释。"
        if prev and sentence.startswith(prev) and sentence != prev:
            out[-1] += [sentence[len(prev) :], ("fn", [r.note.text])]  # two notes in one sentence
        else:
            out.append([sentence, ("fn", [r.note.text])])
        prev = sentence
    return out


SMALL_NOTES = [
    [
        "联盟体系是霸权护持的关键支柱。",
        ("fn", ["阎学通：《大国领导力》，北京：中信出版社，2020 年版，第 25 页。"]),
        "同时，政府要求盟友承担更多",
        ("del", "防务"),
        ("ins", "安全"),
        "义务。",
        (
            "fn",
            [
                "参见",
                (
                    "zotero",
                    [
                        {
                            "type": "book",
                            "title": "After Hegemony",
                            "author": [{"family": "Keohane", "given": "Robert O."}],
                            "publisher": "Princeton University Press",
                            "issued": {"date-parts": [[1984]]},
                        }
                    ],
                    "Robert O. Keohane, After Hegemony (Princeton: Princeton University Press, 1984)",
                ),
                "。",
            ],
        ),
    ],
    [
        "A further claim is made here.",
        ("fn", ["John J. Mearsheimer, The Tragedy of Great Power Politics, New York: W. W. Norton, 2001, p. 12."]),
    ],
]


# ----------------------------------------------------------------------------------------- pdf
# A journal-like page (reportlab, a test extra): running head and folio, body at 10.5 pt with
# superscript note markers, notes at 9 pt below a rule. CJK text uses reportlab's built-in Adobe
# CID font (STSong-Light, not embedded: nothing third-party is copied into the fixture).

PAGE_W, PAGE_H, LEFT, RIGHT_W = 482, 680, 56, 370
BODY, NOTE, SUP, HEAD = 10.5, 9.0, 6.0, 9.0
TOP, BOTTOM = 610, 70


def _font():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    try:
        pdfmetrics.getFont("STSong-Light")
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def _tokens(text: str) -> list[str]:
    import re

    return re.findall(r"[A-Za-z0-9.,;:'’“”\"()/\-&%_=?~#+]+ ?|.", text)


def wrap(pieces: list, size: float, width: float, first_indent: float = 0) -> list[list]:
    """Body pieces (str or ("sup", "3")) -> lines of (x, text, size, rise)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = _font()
    lines, cur, x = [], [], first_indent
    for piece in pieces:
        if isinstance(piece, tuple):
            w = stringWidth(piece[1], font, SUP)
            cur.append((x, piece[1], SUP, size * 0.42))
            x += w
            continue
        for tok in _tokens(piece):
            w = stringWidth(tok, font, size)
            if x + w > width and cur:
                if w > width / 3:  # a long URL: break it anywhere, as typesetters do
                    room = ""
                    for ch in tok:
                        if x + stringWidth(room + ch, font, size) > width:
                            break
                        room += ch
                    if room:
                        cur.append((x, room, size, 0))
                        tok, w = tok[len(room) :], stringWidth(tok[len(room) :], font, size)
                lines.append(cur)
                cur, x = [], 0
            cur.append((x, tok, size, 0))
            x += w
    if cur:
        lines.append(cur)
    return lines


def _draw_line(c, line, y):
    runs: list[list] = []
    for x, text, size, rise in line:  # one run per size: as typesetters draw, and fewer objects
        if runs and runs[-1][2] == size and runs[-1][3] == rise:
            runs[-1][1] += text
        else:
            runs.append([x, text, size, rise])
    for x, text, size, rise in runs:
        if len(text) == 1 and not text.isascii():
            text += " "  # PDFium drops a lone CJK glyph of a non-embedded CID font; a space keeps it
        c.setFont(_font(), size)
        c.drawString(LEFT + x, y + rise, text)


def _page_furniture(c, folio: int, heads: tuple[str, str]):
    c.setFont(_font(), HEAD)
    c.drawString(LEFT, PAGE_H - 40, heads[folio % 2])
    c.drawCentredString(PAGE_W / 2, 36, f"-{folio}-")


def footnote_pdf(
    paragraphs: list[list], first_folio: int = 24, heads=("国际关系评论 2025 年第 3 期", "联盟政治的新变化")
) -> bytes:
    """Notes at the page bottoms, numbered afresh on every page (markers superscript)."""
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    pages: list[tuple[list, list]] = [([], [])]  # (body lines, note lines) per page
    used = 0.0
    for para in paragraphs:
        # number markers per page: a paragraph's notes take the next numbers on the page they land on
        body_pieces, notes = [], []
        for p in para:
            if isinstance(p, tuple) and p[0] == "fn":
                notes.append(p[1])
                body_pieces.append(("sup", "\0"))
            else:
                body_pieces.append(p)
        lines = wrap(body_pieces, BODY, RIGHT_W, first_indent=2 * BODY)
        k = 0
        for line in lines:
            marks = [i for i, piece in enumerate(line) if piece[1] == "\0"]
            note_lines = []
            body, page_notes = pages[-1]
            number = sum(1 for nl in page_notes if nl[0])
            fixed = list(line)
            for i in marks:
                number += 1
                x, _t, s, r = fixed[i]
                fixed[i] = (x, str(number), s, r)
                text = " ".join(notes[k]) if isinstance(notes[k], list) else notes[k]
                k += 1
                for j, nl in enumerate(wrap([str(number) + " " + text], NOTE, RIGHT_W)):
                    note_lines.append((j == 0, nl))
            need = BODY * 1.6 + len(note_lines) * NOTE * 1.5 + (12 if note_lines and not page_notes else 0)
            if used + need > TOP - BOTTOM and body:
                pages.append(([], []))
                used = 0.0
                body, page_notes = pages[-1]
                if marks:  # renumber on the new page
                    k -= len(marks)
                    return_line, note_lines, number = list(line), [], 0
                    for i in marks:
                        number += 1
                        x, _t, s, r = return_line[i]
                        return_line[i] = (x, str(number), s, r)
                        text = " ".join(notes[k]) if isinstance(notes[k], list) else notes[k]
                        k += 1
                        for j, nl in enumerate(wrap([str(number) + " " + text], NOTE, RIGHT_W)):
                            note_lines.append((j == 0, nl))
                    fixed = return_line
                    need = BODY * 1.6 + len(note_lines) * NOTE * 1.5 + 12
            body.append(fixed)
            page_notes.extend(note_lines)
            used += need
    for n, (body, notes) in enumerate(pages):
        _page_furniture(c, first_folio + n, heads)
        y = TOP
        for line in body:
            _draw_line(c, line, y)
            y -= BODY * 1.6
        if notes:
            ny = BOTTOM + len(notes) * NOTE * 1.5
            c.setLineWidth(0.5)
            c.line(LEFT, ny + 4, LEFT + 120, ny + 4)
            for first, line in notes:
                ny -= NOTE * 1.5
                _draw_line(c, line, ny)
        c.showPage()
    c.save()
    return buf.getvalue()


def endnote_pdf(
    paragraphs: list[list],
    first_folio: int = 24,
    heads=("国际关系评论 2025 年第 3 期", "联盟政治的新变化"),
    heading: str = "注释",
) -> bytes:
    """Markers numbered straight through the article; the notes follow the body under a heading."""
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1)
    lines: list[tuple[list, float]] = []
    notes: list[str] = []
    for para in paragraphs:
        pieces = []
        for p in para:
            if isinstance(p, tuple) and p[0] == "fn":
                notes.append(" ".join(p[1]) if isinstance(p[1], list) else p[1])
                pieces.append(("sup", str(len(notes))))
            else:
                pieces.append(p)
        lines += [(l, BODY) for l in wrap(pieces, BODY, RIGHT_W, first_indent=2 * BODY)]
    lines.append(([(0, heading, BODY, 0)], BODY))
    for i, n in enumerate(notes, 1):
        lines += [(l, NOTE) for l in wrap([f"{i}. {n}"], NOTE, RIGHT_W)]
    page, y = 0, TOP
    _page_furniture(c, first_folio, heads)
    for line, size in lines:
        if y < BOTTOM:
            c.showPage()
            page += 1
            _page_furniture(c, first_folio + page, heads)
            y = TOP
        _draw_line(c, line, y)
        y -= size * 1.6
    c.showPage()
    c.save()
    return buf.getvalue()


def main() -> None:
    out = Path(__file__).resolve().parent / "data" / "documents"
    out.mkdir(parents=True, exist_ok=True)
    (out / "notes.docx").write_bytes(docx(SMALL_NOTES))
    (out / "notes.odt").write_bytes(odt(SMALL_NOTES))
    seed = seed_paragraphs()
    (out / "seed.docx").write_bytes(docx(seed))
    (out / "seed.odt").write_bytes(odt(seed))
    (out / "seed-footnotes.pdf").write_bytes(footnote_pdf(seed))
    (out / "seed-endnotes.pdf").write_bytes(endnote_pdf(seed))
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
