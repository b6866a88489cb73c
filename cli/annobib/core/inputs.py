"""Bytes read from a file or a pipe -> text: the one place input is decoded.

Two policies, each said once:

* :func:`decode_utf8` — files annobib reads back and writes (.bib files, imports, manuscripts,
  the config file, standard input): UTF-8 only, a byte-order mark dropped. Anything else is one
  line naming the line and byte (and how to convert): guessing an encoding and writing the file
  back would change it silently.
* :func:`decode_article` — an article or loose notes to extract from, which are only read:
  UTF-8 (BOM or not), UTF-16 or UTF-32 with a BOM, else GB18030/GBK with a note saying so (Chinese
  articles saved by Windows tools); binary data is refused.
"""

from __future__ import annotations

import re

from annobib.errors import InputError

BOM = b"\xef\xbb\xbf"
# byte-order marks of the wide encodings, UTF-32 first: its little-endian mark begins with
# UTF-16's (FF FE), so a UTF-32 file would otherwise be named UTF-16
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """``"UTF-32"`` or ``"UTF-16"`` when ``data`` opens with that encoding's byte-order mark."""
    return next((name for bom, name in _WIDE_BOMS if data.startswith(bom)), None)


def decode_utf8(data: bytes, name: str, *, hint: bool = True, text_only: bool = True) -> str:
    """UTF-8 ``data`` as text (BOM dropped), else InputError ``name:LINE: not valid UTF-8 …``.
    With ``text_only`` UTF-16/32 and NUL bytes are refused first, with their own message; ``hint``
    adds how to convert (with the encoding a JabRef file declares)."""
    if text_only:
        wide = wide_encoding(data)
        if wide is not None:
            raise InputError(f'{name}: {wide} text ("Unicode" in Windows editors); save it as UTF-8 first')
        if b"\x00" in data:
            raise InputError(f"{name}: not a text file (it contains NUL bytes)")
    try:
        return data[3:].decode("utf-8") if data.startswith(BOM) else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(BOM) else 0)
        line = data[:start].count(b"\n") + 1
        raise InputError(
            f"{name}:{line}: not valid UTF-8 (byte 0x{data[start]:02x}); convert it to UTF-8 first"
            + (_encoding_hint(data, name) if hint else "")
        ) from None


def _encoding_hint(data: bytes, name: str) -> str:
    """How to convert: with the encoding the file declares (JabRef writes ``% Encoding: …``)."""

    m = re.search(rb"^%+ *(?:Encoding|Saved with string encoding) *:? *([A-Za-z][\w.:-]*)", data[:2000], re.M | re.I)
    declared = m.group(1).decode("ascii", "replace") if m else None
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8", "unicode"):
        return f" (it says it is {declared}: iconv -f {declared} -t UTF-8 {name})"
    return " (e.g. iconv -f GB18030 -t UTF-8 for Chinese text, -f WINDOWS-1252 for Western)"


def decode_article(data: bytes, name: str) -> tuple[str, str | None]:
    """Bytes -> (text, note). UTF-8 (with or without BOM), UTF-16 or UTF-32 with BOM, else
    GB18030/GBK (the note says so). Binary data is an input error."""
    if data.startswith(BOM):
        return data[3:].decode("utf-8", errors="replace"), None
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return data.decode(wide.lower()), f"decoded as {wide}"
        except UnicodeDecodeError:
            raise InputError(f"{name}: not valid {wide} text") from None
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8, GBK or GB18030 text; convert it to UTF-8 first") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(2, len(text) // 200):
        raise InputError(f"{name}: not a text file (binary data)")
    return text, "decoded as GBK/GB18030 (not UTF-8)"
