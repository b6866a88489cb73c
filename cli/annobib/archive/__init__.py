"""Link health and Web Archive snapshots for cited URLs.

* :mod:`annobib.archive.links`   — concurrent, polite link checking (ok/redirected/dead/blocked/suspect/error)
* :mod:`annobib.archive.wayback` — CDX, replay redirect, availability API, Save Page Now 2
* :mod:`annobib.archive.runner`  — the archive run: find or capture, write back at once, resume
* :mod:`annobib.archive.state`   — the state file; ``load_state``, ``link_status`` for other commands
* :mod:`annobib.archive.limits`  — per-host limiter, shared Archive budget
* :mod:`annobib.archive.fake`, :mod:`annobib.archive.server` — a fake Archive and origins for tests
"""
