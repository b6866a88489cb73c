"""PDF: the characters of each page with font size and position (pypdfium2), handed to
:mod:`.pagelines` (lines, furniture) and :mod:`.layout` (notes).

pypdfium2 (PDFium; Apache-2.0/BSD, wheels for Linux, macOS and Windows) was chosen by measurement:
on a 30-page CJK article it reads every character with its size and origin in ~0.9 s, where
pdfminer.six needs ~3.8-4.4 s (over the 3 s budget) — see ``benchmarks/documents_speed.py``. It is
a dependency (a ~3 MB wheel) imported only when a PDF is read, so other commands start as before.

PDFium quirks handled here: the hyphen it marks at a line end (U+FFFE) is the hyphen drawn there;
its generated spaces are kept (word gaps in justified text), its generated line breaks dropped.
"""

from __future__ import annotations

import re
from itertools import repeat

from annobib.documents.layout import notes_from_pages
from annobib.documents.model import Doc
from annobib.documents.pagelines import PageText, build_lines
from annobib.documents.pdfguard import check_streams, check_tokens
from annobib.errors import InputError

_RANGE = re.compile(r"^\s*(\d{1,6})\s*(?:[-–:]\s*(\d{1,6})?\s*)?$")


def page_range(spec: str | None, count: int, name: str) -> range:
    """``3-20`` / ``5`` / ``3-`` -> 0-based indexes; out of range or malformed is an input error."""
    if not spec:
        return range(count)
    m = _RANGE.match(spec)
    if not m:
        raise InputError(f"--pages {spec!r}: give a page or a range, e.g. 5 or 3-20")
    first = int(m.group(1))
    last = int(m.group(2)) if m.group(2) else (count if "-" in spec or ":" in spec or "–" in spec else first)
    if first < 1 or last < first or last > count:
        raise InputError(f"--pages {spec}: {name} has pages 1-{count}")
    return range(first - 1, last)


def _chars(tp, calls, ctypes) -> list[tuple]:
    """(char, x, y, size) for each drawn character of a text page (y is the baseline origin);
    PDFium's generated line breaks dropped. Two calls a character: the text comes in one call when
    it is one UTF-16 unit per character (no character outside the BMP), and the box is not needed."""
    raw = calls.raw
    out = []
    x, y = ctypes.c_double(), ctypes.c_double()
    at_x, at_y = ctypes.byref(x), ctypes.byref(y)
    get_origin, get_size = calls.origin, calls.size
    count = raw.FPDFText_CountChars(tp)
    text = _bulk_text(tp, raw, ctypes, count)
    sizes = list(map(get_size, repeat(tp, count), range(count)))
    for i in range(count):
        ch = text[i] if text is not None else chr(raw.FPDFText_GetUnicode(tp, i))
        if ch in _GENERATED:  # PDFium's generated line breaks; its generated spaces are kept
            continue
        if ch in _HYPHEN_MARKS:
            ch = "-"  # PDFium's mark for a hyphen drawn at a line end: the hyphen itself (join_lines decides)
        get_origin(tp, i, at_x, at_y)
        out.append((ch, x.value, y.value, sizes[i]))
    return out


class _Calls:
    """The two PDFium functions called once a character, taken without pypdfium2's argument
    types: ctypes then converts nothing (the text page, an int and two ``byref`` pass as they
    are), which halves the cost of a call — 700,000 calls on a 5,000-page PDF. Same functions,
    same library, same calling convention (the function pointer's own class)."""

    def __init__(self, raw, ctypes):
        self.raw = raw
        self.origin = _bare(raw.FPDFText_GetCharOrigin, ctypes.c_int, ctypes)
        self.size = _bare(raw.FPDFText_GetFontSize, ctypes.c_double, ctypes)


def _bare(function, restype, ctypes):
    bare = type(function)(ctypes.cast(function, ctypes.c_void_p).value)
    bare.restype = restype
    return bare


_GENERATED = frozenset("\n\r\x00\uffff")
_HYPHEN_MARKS = frozenset("\ufffe\x02")


def _bulk_text(tp, raw, ctypes, count: int) -> str | None:
    """The page's text in one call, one character per UTF-16 unit; None when a character lies
    outside the BMP (a surrogate pair: two units, one character) or PDFium's text is short. Decoded
    in C: checking 300,000 units one by one in Python was a tenth of reading a 5,000-page PDF."""
    if count <= 0:
        return None
    units = (ctypes.c_ushort * (count + 1))()
    if raw.FPDFText_GetText(tp, 0, count, units) != count + 1:
        return None
    text = ctypes.string_at(units, 2 * count).decode("utf-16-le", "surrogatepass")
    # a pair decodes to one character (the text is short); a lone surrogate stays one
    return text if len(text) == count and _SURROGATE.search(text) is None else None


_SURROGATE = re.compile("[\ud800-\udfff]")


# A page is a dictionary and a content stream: a few hundred bytes at least. A tree that lists one
# page 20,000 times in 121 KB made PDFium hand out 20,000 pages (10 s); real files never come near.
MIN_PAGE_BYTES = 100


def read_pdf(data: bytes, name: str, pages: str | None = None, progress=None) -> Doc:
    try:
        # optional: the caller copes without ctypes, pypdfium2
        import ctypes

        import pypdfium2 as pdfium
        import pypdfium2.raw as raw
    except ImportError:
        raise InputError(f"{name}: reading PDFs needs pypdfium2 (pip install pypdfium2)") from None

    tokens = check_streams(data, name)  # before PDFium, which would inflate a bomb whole
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise InputError(f"{name}: an encrypted PDF (password-protected); save an unprotected copy first") from None
        raise InputError(f"{name}: a damaged PDF that cannot be opened ({exc})") from None
    try:
        count = len(pdf)
        if count == 0:
            raise InputError(f"{name}: a PDF without pages")
        if count > max(len(data) // MIN_PAGE_BYTES, 1):
            raise InputError(
                f"{name}: {count} pages in {len(data):,} bytes (a page tree that lists pages again and "
                "again); not a plausible document"
            )
        check_tokens(tokens, count, name)  # before a page is loaded: PDFium keeps every token
        wanted = page_range(pages, count, name)
        read: list[PageText] = []
        calls = _Calls(raw, ctypes)
        has_text = False
        for n, i in enumerate(wanted):
            # PDFium's own handles, not pypdfium2's page objects (weak references, finalizers, kids
            # lists: bookkeeping that shows on 5,000 small pages); closed here, text page first
            page = raw.FPDF_LoadPage(pdf.raw, i)
            if not page:
                raise pdfium.PdfiumError("Failed to load page.")  # as pypdfium2 words it
            textpage = raw.FPDFText_LoadPage(page)
            try:
                if not textpage:
                    raise pdfium.PdfiumError("Failed to load text page.")
                label = _label(pdf, raw, ctypes, i)
                chars = _chars(textpage, calls, ctypes)
                # lines now, characters dropped: memory stays flat on a 500-page PDF
                read.append(
                    PageText(
                        index=i, label=label, height=raw.FPDF_GetPageHeightF(page), chars=[], lines=build_lines(chars)
                    )
                )
                if chars:
                    has_text = True
            finally:
                if textpage:
                    raw.FPDFText_ClosePage(textpage)
                raw.FPDF_ClosePage(page)
            if progress:
                progress(n + 1, len(wanted))
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: a damaged PDF ({exc})") from None
    finally:
        pdf.close()
    if not has_text:
        raise InputError(
            f"{name}: the PDF has no text layer (a scanned document?); run OCR on it first (e.g. ocrmypdf)"
        )
    notes, warnings = notes_from_pages(read)
    if not notes:
        raise InputError(f"{name}: no footnotes or endnotes found in the PDF's layout")
    return Doc(kind="pdf", notes=notes, pages=len(read), warnings=warnings)


def _label(pdf, raw, ctypes, index: int) -> str | None:
    """The page label the PDF gives a page (``xii``, ``25``), if any."""
    n = raw.FPDF_GetPageLabel(pdf.raw, index, None, 0)
    if n <= 2:
        return None
    buf = ctypes.create_string_buffer(n)
    raw.FPDF_GetPageLabel(pdf.raw, index, buf, n)
    return buf.raw[: n - 2].decode("utf-16-le", errors="replace") or None
