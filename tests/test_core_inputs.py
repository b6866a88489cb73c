"""Input decoding (annobib.core.inputs): one UTF-8 policy for files annobib writes back, one
tolerant policy for articles it only reads."""

import pytest

from annobib.core.inputs import decode_article, decode_utf8
from annobib.errors import InputError


def test_utf8_with_and_without_bom():
    assert decode_utf8("@misc{a, title={刘琳}}".encode(), "x.bib") == "@misc{a, title={刘琳}}"
    assert decode_utf8(b"\xef\xbb\xbf@misc{a}", "x.bib") == "@misc{a}"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"line one\n\xef\xbb\xbfbad caf\xe9\n", "x.bib:2: not valid UTF-8 (byte 0xe9); convert it to UTF-8 first"),
        (b"\xef\xbb\xbfok\ncaf\xe9", "x.bib:2: not valid UTF-8 (byte 0xe9)"),  # the line counts the BOM's line
        ("@misc{a}".encode("utf-16"), "x.bib: UTF-16 text"),
        ("@misc{a}".encode("utf-16-be").join([b"\xfe\xff", b""]), "x.bib: UTF-16 text"),
        # UTF-32's little-endian mark opens with UTF-16's: named UTF-32 all the same (round 13)
        ("@misc{a}".encode("utf-32-le").join([b"\xff\xfe\x00\x00", b""]), "x.bib: UTF-32 text"),
        ("@misc{a}".encode("utf-32-be").join([b"\x00\x00\xfe\xff", b""]), "x.bib: UTF-32 text"),
        (b"@misc{a}\x00\x00", "x.bib: not a text file"),
        (b"% Encoding: GBK\n@misc{a, title={\xb9\xfa}}", "(it says it is GBK: iconv -f GBK -t UTF-8 x.bib)"),
    ],
)
def test_utf8_refusals_name_the_line_and_byte(data, message):
    with pytest.raises(InputError) as err:
        decode_utf8(data, "x.bib")
    assert message in str(err.value) and "\n" not in str(err.value)


def test_article_encodings():
    text = "第一章 注释①"
    assert decode_article(text.encode(), "a.txt") == (text, None)
    assert decode_article(b"\xef\xbb\xbf" + text.encode(), "a.txt") == (text, None)
    assert decode_article(text.encode("utf-16"), "a.txt") == (text, "decoded as UTF-16")
    for order in ("le", "be"):
        wide = text.encode(f"utf-32-{order}")
        marked = "\ufeff".encode(f"utf-32-{order}") + wide
        assert decode_article(marked, "a.txt") == (text, "decoded as UTF-32")
    assert decode_article(text.encode("gb18030"), "a.txt") == (text, "decoded as GBK/GB18030 (not UTF-8)")
    with pytest.raises(InputError, match="not a text file"):
        decode_article(b"\x7fELF\x00\x00" + bytes(range(256)), "a.bin")


def test_a_utf32_import_is_named_utf32(tmp_path):
    from conftest import run_cli

    src = tmp_path / "utf32.json"
    src.write_bytes('[{"id": "a", "type": "book", "title": "T"}]'.encode("utf-32"))
    r = run_cli(["--bib", str(tmp_path / "x.bib"), "import", str(src)])
    assert r.exit_code == 2 and "UTF-32 text" in r.stderr and "UTF-16" not in r.stderr, r.stderr
