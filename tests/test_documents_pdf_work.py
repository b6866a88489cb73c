"""Issue 12 (a 5,000-page PDF under 1 MB): the PDF reader's work per character kept small —
PDFium's per-character calls made without ctypes converting their arguments."""

from pathlib import Path

DATA = Path(__file__).parent / "data" / "documents"


def test_pdfiums_calls_a_character_convert_no_arguments(monkeypatch):
    """The two calls a character (origin, size) go through functions without pypdfium2's argument
    types — ctypes' conversion of them was half the cost of a call — and read what the typed
    functions read."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from annobib.documents import pdf

    data = (DATA / "seed-footnotes.pdf").read_bytes()
    doc = pdfium.PdfDocument(data)
    page = raw.FPDF_LoadPage(doc.raw, 0)
    tp = raw.FPDFText_LoadPage(page)
    try:
        x, y = ctypes.c_double(), ctypes.c_double()
        typed = []
        for i in range(raw.FPDFText_CountChars(tp)):
            if raw.FPDFText_GetUnicode(tp, i) not in (10, 13, 0, 0xFFFF):
                raw.FPDFText_GetCharOrigin(tp, i, x, y)
                typed.append((x.value, y.value, raw.FPDFText_GetFontSize(tp, i)))
        calls = pdf._Calls(raw, ctypes)
        assert calls.origin.argtypes is None and calls.size.argtypes is None
        typed_calls = []
        for name in ("FPDFText_GetCharOrigin", "FPDFText_GetFontSize"):
            function = getattr(raw, name)
            monkeypatch.setattr(raw, name, lambda *a, f=function, n=name: typed_calls.append(n) or f(*a))
        got = pdf._chars(tp, calls, ctypes)
        assert len(got) > 100 and [c[1:] for c in got] == typed and typed_calls == []
    finally:
        raw.FPDFText_ClosePage(tp)
        raw.FPDF_ClosePage(page)
        doc.close()
    monkeypatch.setattr(pdf, "_Calls", lambda raw_, ctypes_: calls)  # built before the typed ones were wrapped
    assert len(pdf.read_pdf(data, "seed-footnotes.pdf").notes) > 40 and typed_calls == []
