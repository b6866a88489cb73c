"""A .bib file whose entries need safe fixes: the shapes of the session-8 report's
``gen50k_fixes.py`` (the 50,000-entry all-fixes file), shared by the benchmark
(``benchmarks/validate_speed.py``) and the tests of ``validate --fix``."""

from __future__ import annotations


def _article(k: str, i: int) -> str:
    # doubled spaces, an entity, a control character, '%', full-width letters, `Vol.`, spaced
    # pages, a DOI URL, a bare '#', an empty note
    return (
        f"@article{{{k},\n  author  = {{Smith,  John and  Doe, Jane}},\n"
        f"  title   = {{A  study of   things {i} 50% off &amp; more\x07}},\n"
        f"  journaltitle = {{Ｊｏｕｒｎａｌ of Things}},\n  date    = {{2020}},\n  volume  = {{Vol. 3}},\n"
        f"  pages   = {{12 - 15}},\n  doi     = {{https://doi.org/10.1234/abc{i}}},\n"
        f"  url     = {{http://example.com/p{i}#}},\n  note    = {{}},\n}}\n"
    )


def _book(k: str, i: int) -> str:
    # a spaced publisher, an `ISBN:` prefix, a URL ending in '.', an em-dash range
    return (
        f"@book{{{k},\n  author = {{刘琳}},\n  title  = {{美菲“肩并肩 2025”，美国新版“印太战略”现端倪 {i}}},\n"
        f"  publisher = {{世界知识出版社 }},\n  date = {{2025}},\n  isbn = {{ISBN: 978-7-5012-{i:05d}-1}},\n"
        f"  url = {{https://example.org/x{i}.}},\n  pages = {{1—20}},\n}}\n"
    )


def _online(k: str, i: int) -> str:
    # a tab and runs of spaces in the title, a trailing space
    return (
        f"@online{{{k},\n  title = {{Page\t{i}   with   spaces }},\n  url = {{https://example.net/q{i}}},\n"
        f"  urldate = {{2024-01-01}},\n  date = {{2023-02-03}},\n  keywords = {{alpha, beta}},\n"
        f"  langid = {{english}},\n}}\n"
    )


def _clean(k: str, i: int) -> str:
    # nothing to fix: its findings are the first check's, kept
    return (
        f"% a comment kept as it is\n@book{{{k},\n  author = {{Doe, Jane}},\n  title = {{Clean {i}}},\n"
        f"  publisher = {{Press}},\n  location = {{Paris}},\n  date = {{2001}},\n}}\n"
    )


_SHAPES = (_article, _book, _online)


def fixes_text(n: int, *, clean_every: int = 0) -> str:
    """``n`` entries (keys ``e00000`` …), article, book and web page in turn, each needing
    several safe fixes; byte for byte ``gen50k_fixes.py``'s file when ``clean_every`` is 0.
    ``clean_every=k``: every k-th entry (k > 3) needs none, and a last entry repeats a clean
    one's work (W107, a library rule)."""
    period = clean_every or len(_SHAPES)
    out = []
    for i in range(n):
        j = i % period
        shape = _clean if clean_every and j == period - 1 else _SHAPES[j % len(_SHAPES)]
        out.append(shape(f"e{i:05d}", i))
    if clean_every:
        out.append(
            "@book{twin,\n  author = {Doe, Jane},\n  title = {Clean 3},\n  publisher = {Press},\n  date = {2001},\n}\n"
        )
    return "".join(out)
