"""Reading the XML parts of a .docx/.odt without trusting them.

Bounded: a part may unpack to 64 MB and the whole archive to 256 MB (a zip bomb stops at the
first part past that, before it is inflated); at most 10,000 members. A part over 1 MB that
unpacks more than 100 times its packed size is refused too, before it is inflated (Apache POI's
rule): word-processor XML packs 5-20 times, while a few kilobytes that unpack to millions of
empty elements ("element bombs") would cost seconds and gigabytes to parse. And all the XML
read from one archive may come to 16 times the archive's size (8 MB at least): reading costs
about 0.13 s and 10 MB of memory a MB of XML (the tree, then the walk over it), so a 428 KB file
whose body unpacked 95 times (40 MB) took 5 s and 500 MB though within both rules above. All
the XML of a real archive comes to 2-8 times its size (the seed as .docx/.odt 2.6-3.0, a
LibreOffice template 7.1, its styles.xml packed 15.7 times). Safe: a part with a DTD (``<!DOCTYPE``/``<!ENTITY``, in UTF-8 or UTF-16) is refused, so no entity expansion
("billion laughs") or external entity can happen; ``xml.etree`` itself never fetches anything.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from io import BytesIO
from xml.etree import ElementTree as ET

from annobib.errors import InputError

PART_LIMIT = 64 << 20
TOTAL_LIMIT = 256 << 20
MAX_MEMBERS = 10_000
MAX_RATIO = 100
RATIO_FROM = 1 << 20  # small parts may pack as tightly as they like
XML_PER_PACKED = 16  # all the XML read, at most this many times the archive's size ...
XML_FLOOR = 8 << 20  # ... or this, for a small archive
# expat reads UTF-8 (and ASCII-compatible codes) and UTF-16: the keywords in each byte order
_DTD_KEYWORDS = tuple(
    word.encode(codec) for word in ("<!DOCTYPE", "<!ENTITY") for codec in ("ascii", "utf-16-le", "utf-16-be")
)


class Package:
    """An opened .docx/.odt: ``part(name)`` gives a parsed XML root, or None when absent."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        self.read_total = 0
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise InputError(f"{name}: a damaged zip archive (not a readable document)") from None
        if len(infos) > MAX_MEMBERS:
            raise InputError(f"{name}: {len(infos)} parts in the archive; not a plausible document")
        self.infos = {i.filename: i for i in infos}
        self.budget = min(TOTAL_LIMIT, max(XML_FLOOR, XML_PER_PACKED * len(data)))

    def has(self, part: str) -> bool:
        return part in self.infos

    def raw(self, part: str) -> bytes | None:
        info = self.infos.get(part)
        if info is None:
            return None
        if info.file_size > PART_LIMIT or self.read_total + info.file_size > TOTAL_LIMIT:
            raise InputError(
                f"{self.name}: part {part} unpacks to {info.file_size >> 20} MB; refused (limit {PART_LIMIT >> 20} MB)"
            )
        if self.read_total + info.file_size > self.budget:
            raise self._over_budget(part)
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                f"{self.name}: part {part} unpacks {info.file_size // max(info.compress_size, 1)} times its packed "
                f"size; refused as a zip bomb (limit {MAX_RATIO} times)"
            )
        try:
            with self.zip.open(info) as f:
                # the header's size may lie: never inflate past the limits
                data = f.read(
                    min(PART_LIMIT, max(RATIO_FROM, MAX_RATIO * info.compress_size), self.budget - self.read_total) + 1
                )
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            why = "encrypted" if "encrypt" in str(exc).lower() or "password" in str(exc).lower() else "damaged"
            raise InputError(f"{self.name}: part {part} is {why}; cannot read the document") from None
        if len(data) > PART_LIMIT:
            raise InputError(f"{self.name}: part {part} unpacks past {PART_LIMIT >> 20} MB; refused")
        if len(data) > RATIO_FROM and len(data) > MAX_RATIO * max(info.compress_size, 1):  # the header lied
            raise InputError(f"{self.name}: part {part} unpacks past {MAX_RATIO} times its packed size; refused")
        if self.read_total + len(data) > self.budget:  # the header lied
            raise self._over_budget(part)
        self.read_total += len(data)
        return data

    def _over_budget(self, part: str) -> InputError:
        return InputError(
            f"{self.name}: its XML (at {part}) unpacks past {self.budget / (1 << 20):.0f} MB (limit: "
            f"{XML_PER_PACKED} times the file's size, {XML_FLOOR >> 20} MB at least); refused as a zip bomb"
        )

    def part(self, part: str, prune: Callable[[bytes], bytes] | None = None) -> ET.Element | None:
        """The part's XML tree; ``prune`` may first drop elements its reader never looks at."""
        data = self.raw(part)
        if data is None:
            return None
        return parse_xml(data, f"{self.name}: {part}", prune)


def parse_xml(data: bytes, where: str, prune: Callable[[bytes], bytes] | None = None) -> ET.Element:
    """Parse XML that may come from anyone: a DTD is refused (no entities to expand)."""
    if any(word in data for word in _DTD_KEYWORDS):  # the keywords are case-sensitive in XML
        raise InputError(f"{where}: the XML declares a DTD or entities; refused (a document never needs them)")
    try:
        return ET.fromstring(prune(data) if prune else data)
    except ET.ParseError as exc:
        raise InputError(f"{where}: damaged XML ({exc})") from None
