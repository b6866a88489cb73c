"""Lookups: the cached, searchable view of .bib files (what list/show/search/stats read).

    schema   which fields feed which search group; how groups are marked
    store    where cache files live, their format, the code signature that invalidates them
    view     View (entries, rows, haystacks) from the cache, rebuilt when the file changed;
             ParseCache, the store :func:`annobib.bib.read_library` takes
    build    the rebuild: parse changed chunks only, derive their haystacks
    rows     table rows (authors, year, title …) and author sort keys
    query    the search language: parse, match against haystacks, rank, highlight

Layers: ``lookup`` reads .bib files through :mod:`annobib.bib` and never writes them; nothing
in ``bib`` imports ``lookup``.
"""
