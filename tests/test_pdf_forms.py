"""Form XObjects drawn by pages and by one another: weighed by their drawings, names looked up in
the resources of whatever draws them (round 14: 16 forms each drawing the next twice, 3.5 KB,
took 5.4 s and 622 MB in PDFium; 25 never ended)."""

import zlib

import pytest

from conftest import run_cli

from annobib.documents.pdfguard import check_streams
from annobib.errors import InputError

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
BODY = b"BT /F1 12 Tf 72 700 Td (Body text of the %s page.1) Tj ET "
NOTE = b"BT /F1 8 Tf 72 60 Td (1 Wang Li, The %s Title, Beijing, 2020.) Tj ET"


def _stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    if compress:
        data, extra = zlib.compress(data), extra + b" /Filter /FlateDecode"
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (extra, len(data), data)


def _form(content: bytes, resources: bytes | None) -> bytes:
    head = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792]"
    if resources is not None:
        head += b" /Resources " + resources
    return _stream(content, head)


def _file(objs: dict[int, bytes]) -> bytes:
    """A PDF of the objects numbered as given (1 the catalog), with a cross-reference table."""
    out, offsets = b"%PDF-1.7\n", {}
    for number in sorted(objs):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objs[number])
    size = max(objs) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(
        b"%010d 00000 n \n" % offsets[n] if n in offsets else b"0000000000 65535 f \n" for n in range(1, size)
    )
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)


def _fan_out(levels: int, first: int = 10) -> dict[int, bytes]:
    """Forms ``first``.. each drawing the next twice, the last a note: 2**levels drawings."""
    objs = {}
    for i in range(levels):
        last = i == levels - 1
        res = b"<< /Font << /F1 3 0 R >>" + (b"" if last else b" /XObject << /Fm0 %d 0 R >>" % (first + i + 1)) + b" >>"
        objs[first + i] = _form(NOTE % b"first" if last else b"q /Fm0 Do Q q 1 0 0 1 0 -1 cm /Fm0 Do Q", res)
    return objs


def _one_page(page_resources: bytes, content: bytes) -> dict[int, bytes]:
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>" % page_resources,
        5: _stream(content),
    }


def test_forms_drawing_one_another_over_and_over_are_refused():
    objs = _one_page(b"<< /Font << /F1 3 0 R >> /XObject << /Fm0 10 0 R >> >>", BODY % b"first" + b"/Fm0 Do")
    with pytest.raises(InputError, match=r"draws its forms \(XObjects\) into [\d,]+ tokens"):
        check_streams(_file(objs | _fan_out(16)), "fan.pdf")
    check_streams(_file(objs | _fan_out(8)), "fan.pdf")  # 256 drawings of a note: a page holds them


def test_a_fan_out_behind_references_and_inherited_resources_is_refused():
    """The page's resources on its parent, each form's resources and XObject names one reference
    away: the same 2**16 drawings."""
    objs = _one_page(b"", BODY % b"first" + b"/Fm0 Do")
    objs[2] = b"<< /Type /Pages /Kids [4 0 R] /Count 1 /Resources 6 0 R >>"
    objs[4] = objs[4].replace(b"/Resources ", b"")
    objs[6] = b"<< /Font << /F1 3 0 R >> /XObject 7 0 R >>"
    objs[7] = b"<< /Fm0 10 0 R >>"
    for number, form in _fan_out(16).items():
        res = form[form.index(b"/Resources ") + 11 : form.index(b">> /Filter") + 2]
        objs[number + 100] = res  # the resources, by reference
        objs[number] = form.replace(res, b"%d 0 R" % (number + 100))
    with pytest.raises(InputError, match="draws its forms"):
        check_streams(_file(objs), "refs.pdf")


@pytest.mark.parametrize("own", [None, b"<< /Font << /F1 3 0 R >> >>"], ids=["no resources", "no XObject"])
def test_a_fan_out_whose_forms_inherit_the_pages_resources_is_refused(own):
    """A form without resources names what the form or page that drew it names; one whose
    resources have no /XObject dictionary, what the page names (PDFium's FindResourceObj)."""
    res = b"<< /Font << /F1 3 0 R >> /XObject << %s >> >>" % b" ".join(b"/X%d %d 0 R" % (i, 10 + i) for i in range(16))
    objs = _one_page(res, BODY % b"first" + b"/X0 Do")
    for i in range(16):
        objs[10 + i] = _form(b"/X%d Do /X%d Do" % (i + 1, i + 1) if i < 15 else NOTE % b"first", own)
    with pytest.raises(InputError, match="draws its forms"):
        check_streams(_file(objs), "inherited.pdf")


def test_a_fan_out_in_an_object_stream_is_refused():
    """The page and the resources packed in a compressed object stream (PDF 1.5), as most writers do."""
    objs = _one_page(b"6 0 R", BODY % b"first" + b"/Fm0 Do")
    page = objs.pop(4)
    packed = [(4, page), (6, b"<< /Font << /F1 3 0 R >> /XObject << /Fm0 10 0 R >> >>")]
    body, offsets = b"", []
    for number, text in packed:
        offsets.append(b"%d %d" % (number, len(body)))
        body += text + b"\n"
    index = b" ".join(offsets) + b"\n"
    objs[8] = _stream(index + body, b"/Type /ObjStm /N %d /First %d" % (len(packed), len(index)))
    with pytest.raises(InputError, match="draws its forms"):
        check_streams(_file(objs | _fan_out(16)), "packed.pdf")


def test_a_form_that_draws_itself_is_refused():
    objs = _one_page(b"<< /XObject << /Fm0 10 0 R >> >>", b"/Fm0 Do")
    objs[10] = _form(b"0 0 m 1 1 l S /Fm1 Do", b"<< /XObject << /Fm1 11 0 R >> >>")
    objs[11] = _form(b"/Fm0 Do", b"<< /XObject << /Fm0 10 0 R >> >>")
    with pytest.raises(InputError, match=r"a form \(XObject 1[01]\) draws itself"):
        check_streams(_file(objs), "cycle.pdf")


def _two_pages_naming_fm0_alike() -> bytes:
    """As real writers do: every page and form calls its first form ``/Fm0``. Page 1 draws a small
    rule 40 times, page 2 a large drawing (300,000 tokens) once; looked up across the file, 40 of
    the large one would be over a page's limit."""
    rule = b"0.5 w 72 80 m 300 80 l S "
    large = b"1 1 m 2 2 l " * 50_000
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
        3: FONT,
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
        b" /Resources << /Font << /F1 3 0 R >> /XObject << /Fm0 10 0 R >> >> >>",
        5: _stream(BODY % b"first" + b"q /Fm0 Do Q " * 40 + NOTE % b"first"),
        6: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [7 0 R 8 0 R]"
        b" /Resources << /Font << /F1 3 0 R >> /XObject << /Fm0 11 0 R >> >> >>",
        7: _stream(BODY % b"second"),
        8: _stream(b"q /Fm0 Do Q " + NOTE % b"second"),
        10: _form(rule, b"<< >>"),
        11: _form(b"q /Fm0 Do Q q 0.1 0 0 0.1 0 0 cm /Fm0 Do Q", b"<< /XObject << /Fm0 12 0 R >> >>"),
        12: _form(large, b"<< >>"),
    }
    return _file(objs)


def test_forms_named_alike_on_different_pages_are_weighed_by_their_own_page(tmp_path, monkeypatch):
    from annobib.documents import pdfguard

    data = _two_pages_naming_fm0_alike()
    assert 300_000 < check_streams(data, "alike.pdf") < 310_000  # every stream's tokens once
    monkeypatch.setattr(pdfguard, "PAGE_TOKEN_LIMIT", 500_000)  # page 2 draws the large one twice
    with pytest.raises(InputError, match="into 60[0-9],[0-9]{3} tokens"):
        check_streams(data, "alike.pdf")
    monkeypatch.undo()
    (tmp_path / "alike.pdf").write_bytes(data)
    r = run_cli(["extract", str(tmp_path / "alike.pdf"), "-o", "-"])
    assert r.exit_code == 0, r.stderr
    assert "The first Title" in r.stdout and "The second Title" in r.stdout
