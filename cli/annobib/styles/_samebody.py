"""Work done once per distinct entry body, not once per entry.

A reference, its sort key, its group and its in-text citation depend on an entry's type and
fields (its *body*); the key shows only in warnings. Files of many entries with one body (90,000
``@misc{a,}``, 5,000 copies of one work) must cost one formatting, not one each:

* :class:`SameBody` formats each distinct (body, letter) once; the ``a``/``b`` letters of such
  copies all differ, so a body's reference is also kept with a placeholder letter and filled in,
  after checking the filled-in text against a real formatting for each new letter length.
* :class:`ByBody` answers ``sort_key``, ``group_key``, ``first_author`` and ``citation`` once per
  body, for the functions a style lists in ``BODY_ONLY`` (those that read neither the key nor
  the list position).
"""

from __future__ import annotations

from annobib.render.richtext import RichText, Run

# The letter stand-in: lowercase ASCII like the real letters, so every rule treats it as one; a
# field that contains it makes the check below fail and that body formatted entry by entry.
SLOT = "qzxq"


def body(entry) -> tuple:
    return (entry.type, tuple(entry.fields.items()))


def _copy(text: RichText) -> RichText:
    out = RichText.__new__(RichText)
    out.runs, out.lang = list(text.runs), text.lang
    return out


def _filled(text: RichText, slots: list[int], letter: str) -> RichText:
    """``text`` (with :data:`SLOT` in its runs number ``slots``) with ``letter`` in its place."""
    out = _copy(text)
    runs = out.runs
    for i in slots:
        r = runs[i]
        runs[i] = Run(r.text.replace(SLOT, letter), r.italic, r.url, r.lang)
    return out


class SameBody:
    """``mod.format_entry`` once per distinct (body, letter); see the module's docstring."""

    def __init__(self, mod, edition, system, memo: bool = True):
        self.mod, self.edition, self.system = mod, edition, system
        self.memo = memo  # False: every body is distinct, so each entry is simply formatted
        self.done: dict[tuple, tuple[RichText, list[str]] | None] = {}
        # body -> 1 (seen once), [text with SLOT, its runs with SLOT, warning tails with SLOT,
        # letter lengths checked], or None (the letter changes more than itself)
        self.slotted: dict[tuple, int | list | None] = {}

    def _format(self, entry, extra: str) -> tuple[RichText, list[str]]:
        warnings: list[str] = []
        text = self.mod.format_entry(entry, edition=self.edition, system=self.system, extra=extra, warnings=warnings)
        return text, warnings

    def _tails(self, entry, warnings: list[str]) -> list[str] | None:
        """The warnings without their ``key: `` (None when one does not start so)."""
        head = f"{entry.key}: "
        if all(w.startswith(head) for w in warnings):
            return [w[len(head) :] for w in warnings]
        return None

    def __call__(self, entry, extra: str, sig: tuple | None = None) -> tuple[RichText, list[str]]:
        if not self.memo:
            return self._format(entry, extra)
        sig = sig if sig is not None else body(entry)
        if extra:
            return self._lettered(entry, extra, sig)
        hit = self.done.get(sig)
        if hit is not None:
            return _copy(hit[0]), [f"{entry.key}: {t}" for t in hit[1]]
        text, warnings = self._format(entry, extra)
        if sig not in self.done:
            tails = self._tails(entry, warnings)
            self.done[sig] = None if tails is None else (_copy(text), tails)
        return text, warnings

    def _lettered(self, entry, extra: str, sig: tuple) -> tuple[RichText, list[str]]:
        seen = self.slotted.get(sig, 0)
        if type(seen) is int:  # the slot pays from a body's second copy on: distinct ones cost one
            if seen == 0:
                self.slotted[sig] = 1
                return self._format(entry, extra)
            text, warnings = self._format(entry, SLOT)
            tails = self._tails(entry, warnings)
            slots = [i for i, r in enumerate(text.runs) if SLOT in r.text]
            self.slotted[sig] = None if tails is None else [text, slots, tails, set()]
        got = self.slotted[sig]
        if got is None:
            return self._format(entry, extra)
        text, slots, tails, checked = got
        filled = _filled(text, slots, extra)
        said = [f"{entry.key}: {t.replace(SLOT, extra)}" for t in tails]
        if len(extra) in checked:
            return filled, said
        real, warnings = self._format(entry, extra)
        if real.runs == filled.runs and real.lang == filled.lang and warnings == said:
            checked.add(len(extra))
        else:  # the letter changes more than itself here: format this body entry by entry
            self.slotted[sig] = None
        return real, warnings


class ByBody:
    """A style module whose body-only functions (``mod.BODY_ONLY``) answer once per body; every
    other attribute is the module's own."""

    def __init__(self, mod, sigs: dict[int, tuple] | None = None):
        self._mod = mod
        self._sigs: dict[int, tuple] = dict(sigs or {})  # id(entry) -> body, for entries kept alive
        self._keep: list = []  # the entries whose id() keys _sigs, alive while this object is
        self._memo: dict[tuple, object] = {}
        for name in getattr(mod, "BODY_ONLY", ()):
            setattr(self, name, self._memoized(name, getattr(mod, name)))

    def __getattr__(self, name: str):
        return getattr(self._mod, name)

    def sig(self, entry) -> tuple:
        got = self._sigs.get(id(entry))
        if got is None:
            got = self._sigs[id(entry)] = body(entry)
            self._keep.append(entry)
        return got

    def _memoized(self, name: str, fn):
        memo = self._memo
        if name == "sort_key":  # body-only sort keys ignore the position

            def call(entry, index=0, edition=None):
                k = (name, self.sig(entry), edition)
                got = memo.get(k, memo)
                if got is memo:
                    got = memo[k] = fn(entry, index, edition)
                return got

            return call

        if name == "citation":
            return self._citation(fn)

        def call_kw(entry, *args, **kw):
            k = (name, self.sig(entry), args, tuple(sorted(kw.items())))
            got = memo.get(k, memo)
            if got is memo:
                got = memo[k] = fn(entry, *args, **kw)
            return got

        return call_kw

    def _citation(self, fn):
        """``citation`` once per (body, options): with a letter, once with :data:`SLOT` and the
        letter filled in, checked against a real one for each new letter length."""
        memo = self._memo
        slotted: dict[tuple, int | list | None] = {}

        def call(entry, edition=None, extra="", **kw):
            k = ("citation", self.sig(entry), edition, tuple(kw.items()))
            if not extra:
                got = memo.get(k)
                if got is None:
                    got = memo[k] = fn(entry, edition=edition, **kw)
                return got
            got = slotted.get(k, 0)
            if type(got) is int:  # as in SameBody: the slot only for a body's second copy on
                if got == 0:
                    slotted[k] = 1
                    return fn(entry, edition=edition, extra=extra, **kw)
                got = slotted[k] = [fn(entry, edition=edition, extra=SLOT, **kw), set()]
            if got is None:
                return fn(entry, edition=edition, extra=extra, **kw)
            text, checked = got
            filled = text.replace(SLOT, extra)
            if len(extra) not in checked:
                real = fn(entry, edition=edition, extra=extra, **kw)
                if real != filled:
                    slotted[k] = None
                    return real
                checked.add(len(extra))
            return filled

        return call
