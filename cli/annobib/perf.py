"""Small performance helpers shared by the slow paths (rebuilding the cache, running rules)."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    """Pause Python's cyclic garbage collector for a bulk job.

    Parsing or checking 50,000 entries allocates millions of small objects and frees few; the
    collector would walk all of them again and again (10-25 % of the time, superlinear on big
    files). Nothing these jobs build forms reference cycles, so reference counting frees it all."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
