"""PDF by layout: footnote zones, superscript markers, running heads and folios, endnotes, bad PDFs."""

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from conftest import ARTICLE, REPO, run_cli

from annobib.documents import read_document
from annobib.documents.bridge import to_extraction
from annobib.documents.layout import PageText, build_lines, notes_from_pages

DATA = Path(__file__).parent / "data" / "documents"


@pytest.fixture(scope="module")
def text_x():
    from annobib.extract import extract_text

    return extract_text(ARTICLE.read_text(encoding="utf-8"))


def _fields(x):
    return {e.key: {k: v for k, v in e.fields.items() if k != "citations"} for e in x.entries}


@pytest.mark.parametrize("name", ["seed-footnotes.pdf", "seed-endnotes.pdf"])
def test_seed_pdf_gives_the_same_48_works(text_x, name):
    doc = read_document(str(DATA / name))
    x = to_extraction(doc)
    assert len(x.notes) == 52 and len(x.entries) == 48
    assert _fields(x) == _fields(text_x)  # 303 fields, all as the plain text gives them
    assert [r.note.context for r in x.notes] == [r.note.context for r in text_x.notes]
    text = json.dumps(x.as_json(), ensure_ascii=False)
    assert "国际关系评论" not in text and "联盟政治的新变化" not in text  # running heads dropped
    assert "-25-" not in text


def test_footnotes_restart_per_page_and_pages_are_folios():
    doc = read_document(str(DATA / "seed-footnotes.pdf"))
    pages = [n.page for n in doc.notes]
    assert pages[0] == 24 and pages == sorted(pages) and len(set(pages)) == doc.pages == 8
    assert [n.number for n in doc.notes if n.page == 25][:3] == [1, 2, 3]
    # a URL broken at its hyphen keeps the hyphen; one broken inside its scheme is glued back
    x = to_extraction(doc)
    urls = [e.fields.get("url", "") for e in x.entries]
    assert any(u.endswith("foreign-policy-time-magazine") for u in urls)
    assert all(u.startswith(("http://", "https://")) for u in urls if u)


def test_endnotes_run_through_and_link_to_their_markers():
    doc = read_document(str(DATA / "seed-endnotes.pdf"))
    assert [n.number for n in doc.notes] == list(range(1, 53))
    assert all(n.anchor for n in doc.notes)


def test_pages_option():
    r = run_cli(["extract", str(DATA / "seed-footnotes.pdf"), "--pages", "2-3", "--json", "-o", "-"])
    assert r.exit_code == 0, r.stderr
    pages = {n["page"] for n in json.loads(r.stdout)["notes"]}
    assert pages == {25, 26}
    for bad in ("0-3", "5-2", "x", "3-99"):
        r = run_cli(["extract", str(DATA / "seed-footnotes.pdf"), "--pages", bad])
        assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "--pages" in r.stderr, (bad, r.stderr)


def test_progress_is_reported_per_page():
    seen = []
    read_document(str(DATA / "seed-endnotes.pdf"), progress=lambda n, total: seen.append((n, total)))
    assert seen == [(i, 8) for i in range(1, 9)]


# --------------------------------------------------------------------------- layout, unit by unit


def _chars(text, x, y, size, rise=0.0):
    out = []
    for ch in text:
        out.append((ch, x, y + rise, size))
        x += size
    return out, x


def _page(index, lines):
    chars = []
    for y, parts in lines:
        x = 56.0
        for text, size, rise in parts:
            cs, x = _chars(text, x, y, size, rise)
            chars += cs
    return PageText(index=index, label=None, height=700, chars=chars)


def test_superscripts_are_markers_by_size_and_rise():
    (line,) = build_lines(
        _page(0, [(600, [("联盟体系是关键支柱。", 10.5, 0), ("12", 6, 4.4), ("此后", 10.5, 0)])]).chars
    )
    assert line.text == "联盟体系是关键支柱。12此后" and line.sups == [(10, 12, 12)]
    (flat,) = build_lines(_page(0, [(600, [("共有12个", 10.5, 0)])]).chars)
    assert flat.sups == []  # same size, on the baseline: a number, not a marker


def test_a_note_continued_on_the_next_page_is_rejoined():
    body = "正文引用了一部著作。"
    p1 = _page(
        0,
        [
            (640, [("学报", 9, 0)]),
            (600, [(body, 10.5, 0), ("1", 6, 4.4)]),
            (580, [("正文继续写下去，没有注释。", 10.5, 0)]),
            (100, [("1", 6, 3.8), ("阎学通：《大国领导力》，北京：中信", 9, 0)]),
            (40, [("-7-", 9, 0)]),
        ],
    )
    p2 = _page(
        1,
        [
            (640, [("学报", 9, 0)]),
            (600, [("又一段正文，也有注释。", 10.5, 0), ("1", 6, 4.4)]),
            (580, [("正文继续写下去，没有注释。", 10.5, 0)]),
            (110, [("出版社，2020 年版。", 9, 0)]),
            (100, [("1", 6, 3.8), ("王某：《书名》，2015 年版。", 9, 0)]),
            (40, [("-8-", 9, 0)]),
        ],
    )
    notes, _w = notes_from_pages([p1, p2])
    assert [(n.page, n.number) for n in notes] == [(7, 1), (8, 1)]
    assert notes[0].lines == ["阎学通：《大国领导力》，北京：中信", "出版社，2020 年版。"]
    assert notes[0].anchor == body and notes[1].anchor == "又一段正文，也有注释。"


# ---------------------------------------------------------------------------------- bad PDFs


def _reportlab(draw, **kw) -> bytes:
    from io import BytesIO

    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, invariant=1, **kw)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _bad_pdfs():
    return {
        "locked.pdf": (_reportlab(lambda c: c.drawString(72, 700, "secret"), encrypt="pw"), "encrypted"),
        "scan.pdf": (_reportlab(lambda c: c.rect(72, 72, 300, 500, fill=1)), "OCR"),
        "broken.pdf": (b"%PDF-1.7\n" + b"\x00garbage" * 100, "damaged"),
        "empty-notes.pdf": (
            _reportlab(lambda c: c.drawString(72, 700, "Just a line of text, nothing else.")),
            "no footnotes",
        ),
        "same-page.pdf": (_same_page_pdf(2000), "not a plausible document"),
    }


def _same_page_pdf(times: int) -> bytes:
    """One page listed ``times`` times in the page tree (12 KB for 2,000 pages): PDFium hands out
    every one, so reading them cost 1.3 s, and 20,000 (121 KB) 10 s."""
    text = b"BT /F1 12 Tf 72 720 Td (Body.1) Tj ET BT /F1 8 Tf 72 60 Td (1 Smith, John. Title. 2020.) Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * times) + b"] /Count %d >>" % times,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


@pytest.mark.parametrize("name", ["locked.pdf", "scan.pdf", "broken.pdf", "empty-notes.pdf", "same-page.pdf"])
def test_bad_pdfs_are_one_line_exit_2(tmp_path, name):
    data, said = _bad_pdfs()[name]
    p = tmp_path / name
    p.write_bytes(data)
    r = run_cli(["extract", str(p)])
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr and said in r.stderr, r.stderr


def test_plain_text_extraction_does_not_import_the_pdf_library(tmp_path):
    code = (
        "import sys\nfrom annobib.cli import main\n"
        "try:\n    main(['extract', sys.argv[1], '-o', '-'])\nexcept SystemExit:\n    pass\n"
        "print('pypdfium2' in sys.modules, 'annobib.documents.pdf' in sys.modules)"
    )
    r = subprocess.run(
        [sys.executable, "-c", code, str(ARTICLE)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO / "cli"), "PATH": "/usr/bin:/bin"},
    )
    assert r.stdout.strip().splitlines()[-1] == "False False", r.stderr[-500:]


def test_inline_bracket_markers_when_the_body_has_no_superscripts():
    p = _page(
        0,
        [
            (600, [("正文引用了一部著作。[1]此后又引用另一部。[2]", 10.5, 0)]),
            (100, [("[1] 阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 9, 0)]),
            (88, [("[2] 王某：《书名》，2015 年版。", 9, 0)]),
        ],
    )
    notes, _w = notes_from_pages([p])
    assert [n.number for n in notes] == [1, 2]
    assert [n.anchor for n in notes] == ["正文引用了一部著作。", "此后又引用另一部。"]


def test_a_space_drawn_at_the_line_end_and_headings_stand_alone():
    p = _page(
        0,
        [
            (620, [("二、联盟的调整", 10.5, 0)]),
            (600, [("会见了首位亚太国家领导人。3 ", 10.5, 0)]),
            (583, [("月 29 日，双方举行会谈。", 10.5, 0), ("1", 6, 4.4)]),
            (100, [("1", 6, 3.8), ("阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 9, 0)]),
        ],
    )
    (note,), _w = notes_from_pages([p])
    assert note.anchor == "3 月 29 日，双方举行会谈。"
    p = _page(
        0,
        [
            (620, [("二、联盟的调整", 10.5, 0)]),
            (600, [("双方举行会谈", 10.5, 0), ("1", 6, 4.4)]),
            (100, [("1", 6, 3.8), ("阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 9, 0)]),
        ],
    )
    (note,), _w = notes_from_pages([p])
    assert note.anchor == "双方举行会谈"  # not glued to the heading above it


def test_superscript_runs_with_brackets_commas_and_spaces():
    (line,) = build_lines(
        _page(
            0, [(600, [("正文。", 10.5, 0), ("[3]", 6, 4.4), ("又一句", 10.5, 0), ("1, 2", 6, 4.4), ("完。", 10.5, 0)])]
        ).chars
    )
    assert [(line.text[s:e], num) for s, e, num in line.sups] == [("[3]", 3), ("1, 2", 1), ("1, 2", 2)]
    (line,) = build_lines(_page(0, [(600, [("正文", 10.5, 0), ("a", 6, 4.4)])]).chars)
    assert line.sups == []  # a raised letter is no note marker


def test_notes_in_body_type_are_found_below_the_gap():
    lines = [
        (640 - 17 * k, [("正文第%d行，说到了一部著作。" % k, 10.5, 0)] + ([("1", 6, 4.4)] if k == 3 else []))
        for k in range(12)
    ]
    p = _page(0, lines + [(120, [("1", 6, 4.4), ("阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 10.5, 0)])])
    (note,), _w = notes_from_pages([p])
    assert (
        note.lines == ["阎学通：《大国领导力》，北京：中信出版社，2020 年版。"]
        and note.anchor == "正文第3行，说到了一部著作。"
    )


def test_small_type_without_a_marker_after_a_finished_note_is_body():
    p1 = _page(
        0,
        [
            (600, [("正文引用了一部著作。", 10.5, 0), ("1", 6, 4.4)]),
            (580, [("正文继续写下去，没有注释。", 10.5, 0)]),
            (100, [("1", 6, 3.8), ("阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 9, 0)]),
        ],
    )
    p2 = _page(
        1,
        [
            (600, [("又一段正文，没有注释。", 10.5, 0)]),
            (580, [("正文继续写下去，没有注释。", 10.5, 0)]),
            (100, [("图 1 联盟体系的结构示意。", 9, 0)]),
        ],
    )
    notes, _w = notes_from_pages([p1, p2])
    assert [n.lines for n in notes] == [["阎学通：《大国领导力》，北京：中信出版社，2020 年版。"]]


def test_a_reference_list_after_footnotes_is_not_read_as_endnotes():
    p1 = _page(
        0,
        [
            (600, [("正文引用了一部著作。", 10.5, 0), ("1", 6, 4.4)]),
            (580, [("正文继续写下去，没有注释。", 10.5, 0)]),
            (100, [("1", 6, 3.8), ("阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 9, 0)]),
        ],
    )
    p2 = _page(1, [(600, [("参考文献", 10.5, 0)]), (580, [("[1] 王某：《书名》，2015 年版。", 10.5, 0)])])
    notes, _w = notes_from_pages([p1, p2])
    assert [(n.number, n.lines) for n in notes] == [(1, ["阎学通：《大国领导力》，北京：中信出版社，2020 年版。"])]


@pytest.mark.parametrize("heading", ["注释", "注 释", "【注释】", "Notes", "参考文献："])
def test_endnote_headings_as_typeset(heading):
    p1 = _page(
        0,
        [
            (600, [("正文引用了一部著作。", 10.5, 0), ("1", 6, 4.4)]),
            (580, [("又引用了一部。", 10.5, 0), ("2", 6, 4.4)]),
            (560, [(heading, 10.5, 0)]),
            (540, [("1. 阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 10.5, 0)]),
            (520, [("2. 王某：《书名》，2015 年版。", 10.5, 0)]),
        ],
    )
    notes, _w = notes_from_pages([p1])
    assert [(n.number, n.anchor) for n in notes] == [(1, "正文引用了一部著作。"), (2, "又引用了一部。")]


def test_raised_circled_numbers_and_superscript_characters_are_markers():
    (line,) = build_lines(_page(0, [(600, [("正文。", 10.5, 0), ("②", 6, 4.4), ("又一句¹²完。", 10.5, 0)])]).chars)
    assert line.text == "正文。②又一句12完。" and [(s, e, n) for s, e, n in line.sups] == [(3, 4, 2), (7, 9, 12)]


@pytest.mark.parametrize(
    "star", [[("*本文系某某基金项目的阶段性成果。", 9, 0)], [("*", 6, 3.8), ("本文系某某基金项目的阶段性成果。", 9, 0)]]
)
def test_an_authors_star_note_is_note_0_and_the_numbered_notes_follow(star):
    p = _page(
        0,
        [
            (640, [("大国政治的逻辑", 16, 0), ("*", 8, 7)]),
            (600, [("正文引用了一部著作。", 10.5, 0), ("1", 6, 4.4)]),
            (580, [("正文继续写下去，没有注释。", 10.5, 0)]),
            (112, star),
            (100, [("1", 6, 3.8), ("阎学通：《大国领导力》，北京：中信出版社，2020 年版。", 9, 0)]),
        ],
    )
    notes, _w = notes_from_pages([p])
    assert [(n.number, n.lines[0][:4], n.anchor) for n in notes] == [
        (0, "本文系某", "大国政治的逻辑"),
        (1, "阎学通：", "正文引用了一部著作。"),
    ]


# ---------------------------------------------------------------------------------- compression bombs


def _bomb_pdf(streams: list[bytes], filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF whose content streams are ``streams`` (already encoded with ``filters``)."""
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>"]
    refs = " ".join(f"{4 + i} 0 R" for i in range(len(streams)))
    objs.append(f"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents[{refs}]>>".encode())
    for s in streams:
        objs.append(b"<</Length %d/Filter%s>>stream\n" % (len(s), filters.encode()) + s + b"\nendstream")
    out = b"%PDF-1.4\n"
    for i, o in enumerate(objs, 1):
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    return out + b"trailer<</Size %d/Root 1 0 R>>\n%%%%EOF\n" % (len(objs) + 1)


def _spaces(mb: int) -> bytes:
    c = zlib.compressobj(9)
    return b"".join(c.compress(b" " * (1 << 20)) for _ in range(mb)) + c.flush()


def test_a_flatedecode_bomb_is_refused_before_pdfium_without_inflating_it(tmp_path):
    """200 MB of spaces in a 200 KB PDF peaked at 408 MB (1 GB: 1.98 GB) inside PDFium; the guard
    inflates each stream in 1 MB pieces, keeps none, and refuses past 32 MB."""
    import tracemalloc

    from annobib.documents.pdfguard import check_streams
    from annobib.errors import InputError

    data = _bomb_pdf([_spaces(40)])
    assert len(data) < 100_000
    tracemalloc.start()
    with pytest.raises(InputError, match="compression bomb"):
        check_streams(data, "bomb.pdf")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 << 20, f"{peak >> 20} MB held while measuring"
    p = tmp_path / "bomb.pdf"
    p.write_bytes(data)
    r = run_cli(["extract", str(p), "-o", "-"])
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "32 MB" in r.stderr, r.stderr


def test_bombs_behind_ascii85_or_spread_over_streams_are_refused(monkeypatch):
    import base64

    from annobib.documents import pdfguard
    from annobib.errors import InputError

    wrapped = base64.a85encode(_spaces(40)) + b"~>"
    with pytest.raises(InputError, match="32 MB"):
        pdfguard.check_streams(_bomb_pdf([wrapped], "[/ASCII85Decode/FlateDecode]"), "a85.pdf")
    monkeypatch.setattr(pdfguard, "TOTAL_LIMIT", 50 << 20)
    with pytest.raises(InputError, match="streams unpack past 50 MB"):
        pdfguard.check_streams(_bomb_pdf([_spaces(20)] * 3), "many.pdf")
    pdfguard.check_streams(_bomb_pdf([_spaces(20)] * 2), "fine.pdf")  # under both limits
    pdfguard.check_streams((DATA / "seed-footnotes.pdf").read_bytes(), "seed.pdf")


def test_every_stage_of_a_filter_chain_is_counted():
    """[/FlateDecode /FlateDecode] was measured at its first stage only: a 2.5 KB file unpacked to
    1 GB in PDFium. Each stage is inflated in pieces now, and a stage not measured here (LZW,
    RunLength) after Flate is refused."""
    import tracemalloc

    from annobib.documents.pdfguard import check_streams
    from annobib.errors import InputError

    twice = zlib.compress(_spaces(40), 9)
    tracemalloc.start()
    with pytest.raises(InputError, match="32 MB"):
        check_streams(_bomb_pdf([twice], "[/FlateDecode/FlateDecode]"), "twice.pdf")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 8 << 20, f"{peak >> 20} MB held while measuring"
    thrice = zlib.compress(zlib.compress(_spaces(40), 9), 9)
    with pytest.raises(InputError, match="32 MB"):
        check_streams(_bomb_pdf([thrice], "[/Fl/FlateDecode/Fl]"), "thrice.pdf")
    check_streams(_bomb_pdf([zlib.compress(_spaces(8), 9)], "[/FlateDecode/FlateDecode]"), "small.pdf")
    with pytest.raises(InputError, match="compressed again after FlateDecode"):
        check_streams(_bomb_pdf([zlib.compress(b"x")], "[/FlateDecode/LZWDecode]"), "lzw.pdf")


def test_content_tokens_are_weighed_against_pages_and_size(tmp_path, monkeypatch):
    """PDFium keeps every token of a page's content when it loads the page: 1.9 million ``Tj`` in
    a 79 KB PDF took 650 MB, one TJ array of 12 million numbers 710 MB (a text shown weighs more). A stream may hold what a
    page can, all streams what the pages can and what a few times the file's size can."""
    from annobib.documents import pdfguard
    from annobib.errors import InputError

    monkeypatch.setattr(pdfguard, "PAGE_TOKEN_LIMIT", 5000)
    monkeypatch.setattr(pdfguard, "GLYPH_WEIGHT", 0)  # strings' lengths: the test below
    text = b"(x)   Tj\n" * 300  # 4,500: 2 runs between white space, a string opened, a text shown (12)
    numbers = b"[" + b"-1" * 898 + b"(x)] TJ "  # 914: no white space, parted by signs
    assert pdfguard._tokens(text) == 4500 and pdfguard._tokens(numbers) == 914
    assert pdfguard._tokens(b" " * 100_000) == 0
    with pytest.raises(InputError, match="9,000 tokens in content for 1 page"):
        pdfguard.check_streams(_bomb_pdf([zlib.compress(text * 2)]), "one.pdf")
    with pytest.raises(InputError, match="tokens in content for 1 page"):
        pdfguard.check_streams(_bomb_pdf([text * 2], ""), "stored.pdf")  # no filter: counted as it is
    monkeypatch.setattr(pdfguard, "TOKENS_PER_BYTE", 100)  # the page limit alone
    two = tmp_path / "two.pdf"
    two.write_bytes(_bomb_pdf([zlib.compress(text), zlib.compress(numbers)]))  # each under, both over a page
    assert pdfguard.check_streams(two.read_bytes(), "two.pdf") == 5414
    with pytest.raises(InputError, match="5,414 tokens in content for 1 page"):
        read_document(str(two))
    monkeypatch.setattr(pdfguard, "TOKENS_PER_BYTE", 4)
    many = _bomb_pdf([zlib.compress(text)] * 4)
    assert 4 * len(many) < 9000
    with pytest.raises(InputError, match="more than 4 a byte of the file"):
        pdfguard.check_streams(many, "many.pdf")


def test_strings_shown_weigh_by_their_length(tmp_path):
    """Round 14: PDFium keeps every glyph of a string shown, so 40 strings of 26,400 glyphs (3.4 KB
    packed) took 2.6 s and 344 MB while they were a few thousand tokens. Their bytes weigh
    GLYPH_WEIGHT tokens each, a string cut between two inflated pieces counted whole."""
    from annobib.documents import pdfguard
    from annobib.errors import InputError

    plain = pdfguard._weigh(b"BT 1 0 0 1 72 700 Tm ET", False)[0]
    shown = pdfguard._weigh(b"BT 1 0 0 1 72 700 Tm (" + b"x" * 1000 + b") Tj ET", False)[0]
    assert shown - plain >= pdfguard.GLYPH_WEIGHT * 1000
    array = pdfguard._weigh(b"[(" + b"y" * 500 + b") -20 (" + b"z" * 500 + b")] TJ", False)[0]
    hexed = pdfguard._weigh(b"<" + b"0041" * 250 + b"> Tj", False)[0]
    assert array >= pdfguard.GLYPH_WEIGHT * 1000 and hexed >= pdfguard.GLYPH_WEIGHT * 1000
    first, _, inside = pdfguard._weigh(b"BT (" + b"w" * 5000, False)  # a string over a piece's end
    second, _, inside_after = pdfguard._weigh(b"w" * 5000 + b") Tj ET", True)
    assert inside and not inside_after and first + second >= pdfguard.GLYPH_WEIGHT * 10_000
    line = b"Wang Li, Title, 2020. " * 1200
    ops = b"".join(b"BT /F1 8 Tf 72 %d Td (%s) Tj ET " % (40 + 10 * i, line) for i in range(40))
    with pytest.raises(InputError, match="more than pages can hold"):
        pdfguard.check_streams(_bomb_pdf([zlib.compress(ops, 9)]), "long.pdf")


def test_pages_are_read_through_pdfiums_handles_and_text_in_one_call(monkeypatch):
    """Issue 12 (5,000 small pages): no pypdfium2 page objects (their bookkeeping), and a page's
    text in one call when every character is in the BMP (no call a character for it)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    from annobib.documents.pdf import read_pdf

    calls = {"pages": 0, "unicode": 0}
    page_init, get_unicode = pdfium.PdfPage.__init__, raw.FPDFText_GetUnicode

    def counted_page(self, *a, **k):
        calls["pages"] += 1
        page_init(self, *a, **k)

    def counted_unicode(*a):
        calls["unicode"] += 1
        return get_unicode(*a)

    monkeypatch.setattr(pdfium.PdfPage, "__init__", counted_page)
    monkeypatch.setattr(raw, "FPDFText_GetUnicode", counted_unicode)
    doc = read_pdf((DATA / "seed-footnotes.pdf").read_bytes(), "seed-footnotes.pdf")
    assert doc.pages > 1 and len(doc.notes) > 40
    assert calls == {"pages": 0, "unicode": 0}


def test_text_outside_the_bmp_is_read_a_character_at_a_time():
    """A surrogate pair is two UTF-16 units for one character: the one-call text would shift every
    later character against its position, so such a page is read character by character."""
    import ctypes

    from annobib.documents import pdf

    class FakeRaw:
        def __init__(self, text: str):
            self.units = text.encode("utf-16-le")

        def FPDFText_GetText(self, tp, start, count, buf):
            ctypes.memmove(buf, self.units, min(len(self.units), 2 * count))
            return count + 1

    assert pdf._bulk_text(None, FakeRaw("ab-c"), ctypes, 4) == "ab-c"
    assert pdf._bulk_text(None, FakeRaw("a\U00020000b"), ctypes, 4) is None
