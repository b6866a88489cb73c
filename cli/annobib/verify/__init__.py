"""Checking references against the world: registries (Crossref, OpenAlex) and the cited pages.

    verdicts = asyncio.run(verify_entries(entries, RegistryOptions.from_config(cfg)))

Each entry gets one :class:`Verdict`: ``verified`` (score, DOI), ``mismatch`` (field, entry's
value, registry's value), ``not-found`` (what was searched, where — one miss never says a work
is invented), ``not-checkable`` (no registry covers this kind of work) or ``unreachable``.
The library never prints; it never writes the .bib (``verify --fix`` does, through ``bib/``).
"""

from __future__ import annotations

from annobib.verify.client import RegistryOptions
from annobib.verify.run import VERDICTS, Verdict, verify_entries

__all__ = ["RegistryOptions", "VERDICTS", "Verdict", "verify_entries"]
