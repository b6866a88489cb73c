"""What the fields stage returns for one citation (:class:`Parsed`), and the shape of a row of its
genre table (:class:`Genre`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Parsed:
    """What one citation says."""

    type: str = "misc"
    fields: dict[str, str] = field(default_factory=dict)
    locator: str | None = None
    kind: str = "full"  # full | short | ibid | opcit
    names: list[str] = field(default_factory=list)  # author names as parsed (for matching short forms)
    understood: bool = True


@dataclass(frozen=True)
class Genre:
    """One row of the genre table (:data:`annobib.extract.fields.GENRES`), tried in order.

    ``trigger`` says whether the row applies to a citation's text; ``build`` parses it (returning
    None when the text is not of this genre after all, so that the next row is tried). ``examples``
    are ``(note, expected)`` pairs taken from the tests: ``expected`` holds the entry ``type``,
    optionally the ``locator``, and a subset of the fields; tests/test_extract_fields_genres.py
    checks each of them against :func:`~annobib.extract.fields.parse_citation`. ``needs_cjk`` says
    the trigger cannot hold on text without a CJK character or title mark."""

    name: str
    family: str  # the submodule holding the builder: cjk, western, apa, law, gbt, russian, archive
    trigger: Callable[[str], bool]
    build: Callable[[str], Parsed | None]
    examples: tuple[tuple[str, dict[str, str]], ...] = ()
    # the trigger can hold only on text with a CJK character or title mark (CJK_OR_MARK): rows so
    # marked are skipped, without running their triggers, for Western and Russian citations
    needs_cjk: bool = False
