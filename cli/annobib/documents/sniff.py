"""Which reader a file needs, chosen by its content (magic bytes) as well as its name.

The content decides: a Word file named ``.pdf`` is read as Word (with a warning). A name that
promises a document whose bytes are none that annobib reads (``paper.pdf`` that is HTML, a
``.docx`` that is not a zip) is an input error, so a damaged download is said as such rather than
read as text.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from io import BytesIO

from annobib.errors import InputError, read_input_bytes

MAX_DOCUMENT = 256 << 20  # a 500-page PDF with images is well under this
_FOOTNOTE_DEF = re.compile(rb"^ {0,3}\[\^[^\]\s]{1,40}\]:", re.M)
_EXPECT = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".odt": "odt"}
_NAMES = {"pdf": "a PDF", "docx": "a Word (.docx) document", "odt": "an ODT document"}


def kind_of(data: bytes, name: str) -> str:
    """pdf | docx | odt | markdown | text, or an InputError for a kind annobib cannot read."""
    ext = _ext(name)
    head = data[:1024]
    if b"%PDF-" in head:
        kind = "pdf"
    elif data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        kind = _zip_kind(data, name)
    elif data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise InputError(f"{name}: an old binary Word/Office file (.doc); save it as .docx and extract that")
    elif head.lstrip().startswith(b"{\\rtf"):
        raise InputError(f"{name}: an RTF file; save it as .docx (or .odt) and extract that")
    elif ext in _EXPECT:
        what = (
            "empty"
            if not data.strip()
            else "not " + _NAMES[_EXPECT[ext]] + " (its content does not start like one; damaged or mislabelled?)"
        )
        raise InputError(f"{name}: {what}")
    elif ext in (".md", ".markdown") or _FOOTNOTE_DEF.search(data[: 4 << 20]):
        kind = "markdown"
    else:
        kind = "text"
    return kind


def _ext(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > max(name.rfind("/"), name.rfind("\\")) else ""


def _zip_kind(data: bytes, name: str) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names or (
                "[Content_Types].xml" in names
                and any(n.startswith("word/document") and n.endswith(".xml") for n in names)
            ):
                return "docx"
            if "content.xml" in names and "mimetype" in names:
                mime = z.read("mimetype")[:100].strip()
                if mime == b"application/vnd.oasis.opendocument.text":
                    return "odt"
                raise InputError(
                    f"{name}: an OpenDocument file of another kind ({mime.decode('ascii', 'replace')}); only text documents (.odt) have notes"
                )
    except zipfile.BadZipFile:
        raise InputError(f"{name}: a damaged zip archive (not a readable .docx or .odt)") from None
    except (zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError):
        raise InputError(f"{name}: a damaged zip archive (not a readable .docx or .odt)") from None
    raise InputError(f"{name}: a zip archive, but not a Word (.docx) or ODT document")


def load(path: str) -> tuple[str, bytes, str | None]:
    """The file's kind, bytes and a warning when its name says another kind (it is read by its
    content: a Word file saved as .pdf is read as Word); missing, empty, oversized or unreadable
    files are one InputError."""

    data = read_input_bytes(path, "a document or text file", limit=MAX_DOCUMENT)
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    kind = kind_of(data, path)
    ext = _ext(path)
    warning = None
    if ext in _EXPECT and _EXPECT[ext] != kind:
        warning = f"named {ext} but its content is {_NAMES.get(kind, kind)}; read as such"
    return kind, data, warning
