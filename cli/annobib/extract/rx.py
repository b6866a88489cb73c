"""The ``re`` functions extraction calls with a pattern written at the call, over patterns compiled
once and kept here.

The ``re`` module keeps 512 compiled patterns and evicts the oldest; the extractor writes more than
that at call sites (with the other modules of a run), so a long notes file compiled some of them
again and again. Here each pattern is compiled once per process (bounded, so a pattern built from
data cannot grow it without end); the answers are those of ``re``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterator


@lru_cache(maxsize=4096)
def compiled(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def search(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).search(string)


def match(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).match(string)


def fullmatch(pattern: str, string: str, flags: int = 0) -> re.Match[str] | None:
    return compiled(pattern, flags).fullmatch(string)


def sub(pattern: str, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0, flags: int = 0) -> str:
    return compiled(pattern, flags).sub(repl, string, count)


def subn(pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0) -> tuple[str, int]:
    return compiled(pattern, flags).subn(repl, string, count)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
    return compiled(pattern, flags).split(string, maxsplit)


def findall(pattern: str, string: str, flags: int = 0) -> list[Any]:
    return compiled(pattern, flags).findall(string)


def finditer(pattern: str, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    return compiled(pattern, flags).finditer(string)
