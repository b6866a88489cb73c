"""Documents people hold -> the notes the extractor reads (PDF by layout, .docx/.odt by XML, Markdown).

    from annobib.documents import read_document
    doc = read_document("article.docx")   # None for plain text: the text path reads it
    doc.notes                             # list[DocNote]: number, lines, page, anchor, CSL items

Each reader hands back the same thing the plain-text stage finds (note number, text, printed page
when known, the citing sentence), so :mod:`annobib.extract` downstream is unchanged; the bridge
(:mod:`.bridge`) turns a :class:`Doc` into an ``Extraction``. Heavy libraries (the PDF one) are
imported only when such a file is read. The package never prints.
"""

from __future__ import annotations

from annobib.documents.model import Doc, DocNote
from annobib.documents.sniff import load
from annobib.errors import InputError

__all__ = ["Doc", "DocNote", "read_document"]


def read_document(path: str, pages: str | None = None, progress=None) -> Doc | None:
    """The notes of the document at ``path``, or None when it is plain text (or Markdown without
    footnotes) for the text path. One :class:`annobib.errors.InputError` for a file it cannot read."""
    kind, data, warning = load(path)
    if pages and kind != "pdf":
        raise InputError(f"{path}: --pages applies to PDF files only (this is {_KIND_NAMES.get(kind, kind)})")
    doc = _read(kind, data, path, pages, progress)
    if doc is not None and warning:
        doc.warnings.insert(0, warning)
    return doc


def _read(kind: str, data: bytes, path: str, pages: str | None, progress) -> Doc | None:
    if kind == "docx":
        # lazy: only the reader this file needs is loaded (the PDF one brings pypdfium2)
        from annobib.documents.docx import read_docx

        return read_docx(data, path)
    if kind == "odt":
        from annobib.documents.odt import read_odt

        return read_odt(data, path)
    if kind == "pdf":
        from annobib.documents.pdf import read_pdf

        return read_pdf(data, path, pages=pages, progress=progress)
    if kind == "markdown":
        from annobib.documents.markdown import read_markdown

        return read_markdown(data, path)
    return None


_KIND_NAMES = {
    "text": "a text file",
    "markdown": "a Markdown file",
    "docx": "a Word document",
    "odt": "an ODT document",
}

__all__ = ["Doc", "DocNote", "read_document"]
