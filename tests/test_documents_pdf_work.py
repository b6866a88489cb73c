"""Issue 12 (a 5,000-page PDF under 1 MB): the PDF reader's work per character kept small — lines
built by runs of characters, not one character at a time, and PDFium's per-character calls made
without ctypes converting their arguments. The results stay those of the character-by-character
way (a reference kept here)."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.documents import pagelines
from annobib.documents.pagelines import Line, build_lines

DATA = Path(__file__).parent / "data" / "documents"


def _groups_by_character(chars: list[tuple]) -> list[list[tuple]]:
    """The grouping as it was: each character decides alone (the reference)."""
    groups: list[list[tuple]] = []
    base = size = 0.0
    for c in chars:
        y, s = c[2], c[3]
        if groups:
            dy = y - base
            if (
                abs(dy) <= 0.45 * max(s, size)
                or (s < 0.85 * size and 0 < dy < 0.9 * size)
                or (size < 0.85 * s and -0.9 * s < dy < 0)
            ):
                groups[-1].append(c)
                if s > size * 1.05:
                    base, size = y, s
                continue
        groups.append([c])
        base, size = y, s
    return groups


def _lines_by_character(chars: list[tuple]) -> list[Line]:
    lines = [pagelines._line_by_characters(sorted(g, key=lambda c: c[1])) for g in _groups_by_character(chars)]
    lines = [l for l in lines if l.text.strip()]
    lines.sort(key=lambda l: -l.y)
    return lines


def _seen(lines) -> list[tuple]:
    # a zero's sign is not told apart (a run reports its first character's -0.0 or 0.0)
    return [(l.y + 0.0, l.x0, l.size + 0.0, l.text, l.sups) for l in lines]


_CHARACTERS = st.sampled_from(list("ab 12[],，-*①②¹²³中文\t\u3000\u00a0\x1c") + ["*", "※"])
_RUN = st.tuples(
    st.lists(_CHARACTERS, min_size=1, max_size=8),
    st.sampled_from([600.0, 600.0, 604.4, 599.5, 590.0, 300.0, 0.0, -0.0]),
    st.sampled_from([10.5, 10.5, 6.0, 7.0, 12.0, 0.0, -5.0, float("nan"), float("inf")]),
    st.floats(0, 400),
    st.sampled_from([10.5, -3.0, 0.0, 5.0]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_RUN, max_size=12))
def test_lines_by_runs_are_the_lines_by_characters(runs):
    """Sizes, baselines, spaces, raised markers (also ¹² characters), odd numbers: alike."""
    chars = []
    for text, y, size, x, step in runs:
        for ch in text:
            chars.append((ch, x, y, size))
            x += step
    try:
        expected = _seen(_lines_by_character(chars))
    except (ValueError, OverflowError) as exc:  # round(nan) / round(inf): as before
        expected = type(exc)
    try:
        got = _seen(build_lines(chars))
    except (ValueError, OverflowError) as exc:
        got = type(exc)
    assert got == expected


def test_a_page_is_worked_out_by_runs_not_by_characters(monkeypatch):
    """Markers (raised, bracketed, circled, ¹² characters), CJK and spaces: no line of a real page
    goes character by character, and the runs of a line are its words and markers, not its
    characters."""
    from annobib.documents.pdf import read_pdf

    by_character = []
    real = pagelines._line_by_characters
    monkeypatch.setattr(pagelines, "_line_by_characters", lambda chars: by_character.append(chars) or real(chars))
    pieces = []
    codes = pagelines._raised_codes
    monkeypatch.setattr(pagelines, "_raised_codes", lambda p, raised: pieces.append(p) or codes(p, raised))
    doc = read_pdf((DATA / "seed-footnotes.pdf").read_bytes(), "seed-footnotes.pdf")
    assert len(doc.notes) > 40 and by_character == []
    assert pieces and sum(map(len, pieces)) > 4 * len(pieces)  # a marker line: runs, not characters
    (line,) = build_lines(
        [(ch, 56.0 + 10 * i, 600.0, 10.5) for i, ch in enumerate("正文。")]
        + [("²", 90.0, 600.0, 10.5)]
        + [(ch, 100.0 + 10 * i, 600.0, 10.5) for i, ch in enumerate("又一句")]
    )
    assert by_character == [] and (line.text, line.sups) == ("正文。2又一句", [(3, 4, 2)])


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


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=list("ab；; \t\u3000\u00a0中。"), max_size=12))
def test_a_citing_sentence_loses_its_end_semicolon_as_the_regex_took_it(text):
    import re

    from annobib.extract.notes import without_end_semicolon

    assert without_end_semicolon(text) == re.sub(r"\s*[；;]$", "", text)


def test_the_citing_sentence_of_a_marker_after_a_semicolon():
    from annobib.documents.common import anchors, mark

    stream = f"前文。他说过这句话{mark(0)} ；后文。Then he said so{mark(1)} ; after."
    said = anchors(stream)  # each sentence found when read (a Later)
    assert {k: v.get() for k, v in said.items()} == {0: "他说过这句话", 1: "Then he said so"}
