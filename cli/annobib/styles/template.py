"""A template layer for styles, after pybtex's ``style/template.py``: declare an entry, don't build it.

    title_block = sentence[field("title", apply=sentence_case), optional[" [", field("desc"), "]"]]
    rt = title_block.format(ctx)        # RichText

Nodes take their children in ``[]`` and options in ``()``; both return a new node, so a
template is a value and can be shared. A child is a node, a string (literal text) or a RichText.

* ``field(name, apply=None, style=None)`` — the value of ``ctx.field(name)`` (rich text or
  string); missing or empty raises :class:`FieldIsMissing`. ``apply`` transforms the string,
  ``style="italic"`` italicizes.
* ``optional[...]`` — its children joined with nothing, or nothing at all when any child's
  field is missing: the punctuation around a missing field goes with it. ``optional_field(name)``
  is ``optional[field(name)]`` in one node.
* ``join(sep="", last_sep=None, pair_sep=None)[...]`` — the non-empty children with ``sep``
  between them (``last_sep`` before the last of three or more, ``pair_sep`` between exactly two);
  a child wrapped as ``lead(sep, child)`` brings its own separator.
* ``words[...]`` — joined by spaces. ``first_of[...]`` — the first child that is not empty.
* ``sentence(sep=", ", add_period=True, period=".")[...]`` — joined by ``sep``, closed with
  ``period`` (``"。"`` for Chinese notes) unless the text already ends with it, ``.``, ``?`` or ``!``.
* ``tag("italic")[...]`` — the children italicized. ``when(test)[...]`` — the children only when
  ``test(ctx)`` is true. ``call(fn)`` — ``fn(ctx)`` as a node (a string, RichText or None).

A node whose children are all empty is empty; an empty node contributes nothing to a ``join``
(and so no separator). Nothing here knows a citation style.
"""

from __future__ import annotations

from annobib.render.richtext import RichText, Run


class FieldIsMissing(Exception):
    """A required field is absent (``optional`` and ``first_of`` absorb it; ``format`` raises it)."""


# Internally a node yields a list of pieces (non-empty strings and Runs), or MISSING when a
# required field is absent: no exception unwinds through the nested nodes of every entry, and
# rich text is built once, at the top.
MISSING = None


def _pieces(value) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, RichText):
        return [r for r in value.runs if r.text]
    if isinstance(value, Run):
        return [value] if value.text else []
    return [str(value)]


def _ends_sentence(pieces: list, period: str = ".") -> bool:
    for p in reversed(pieces):
        text = (p if type(p) is str else p.text).rstrip()
        if text:
            return text.endswith((period, ".", "?", "!", "？", "！"))
    return True  # nothing but spaces: no period to add


class Node:
    """A template node: a formatting function with children and options."""

    __slots__ = ("name", "fn", "children", "options", "_compiled")

    def __init__(self, name: str, fn, children: tuple = (), options: dict | None = None):
        self.name = name
        self.fn = fn
        self.children = children
        self.options = options or {}
        self._compiled = None  # ctx -> pieces, built on first use (see _compile)

    def __getitem__(self, children) -> Node:
        if not isinstance(children, tuple):
            children = (children,)
        return Node(self.name, self.fn, self.children + children, self.options)

    def __call__(self, *args, **options) -> Node:
        if args:
            options = {**options, "_args": args}
        return Node(self.name, self.fn, self.children, {**self.options, **options})

    def run(self, ctx):
        """The pieces of this node's output, or MISSING."""
        run = self._compiled
        if run is None:
            run = self._compiled = _compile(self)
        return run(ctx)

    def format(self, ctx) -> RichText:
        pieces = self.run(ctx)
        if pieces is MISSING:
            raise FieldIsMissing(self.name)
        out = RichText()
        buf: list[str] = []
        for p in pieces:
            if type(p) is str:
                buf.append(p)
                continue
            if buf:
                out.append("".join(buf))
                buf.clear()
            out.append(p)
        if buf:
            out.append("".join(buf))
        return out

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.name}{list(self.children)!r}"


def _run(child, ctx):
    if type(child) is Node:
        return child.run(ctx)
    return _pieces(child)


def node(fn) -> Node:
    """Turn ``fn(children, ctx, **options) -> pieces or MISSING`` into a template node."""
    return Node(fn.__name__, fn)


class lead:
    """A child of ``join`` with its own separator before it: ``join(sep=", ")[journal, year,
    lead("", issue), lead(": ", pages)]`` gives ``J, 2025(10): 25-27`` and, without the issue,
    ``J, 2025: 25-27`` — each element says how it attaches to whatever precedes it."""

    __slots__ = ("sep", "child")

    def __init__(self, sep: str, child):
        self.sep, self.child = sep, child


def _join(children, ctx, sep="", last_sep=None, pair_sep=None):
    # lazily: the children after a MISSING one are never run
    got = ((c.sep, _run(c.child, ctx)) if type(c) is lead else (None, _run(c, ctx)) for c in children)
    return _join_parts(got, sep, last_sep, pair_sep)


join = Node("join", _join)


@node
def words(children, ctx, sep=" "):
    return _join(children, ctx, sep)


@node
def sentence(children, ctx, sep=", ", add_period=True, period="."):
    out = _join(children, ctx, sep)
    if out and add_period and not _ends_sentence(out, period):
        out.append(period)
    return out


@node
def optional(children, ctx):
    out = _join(children, ctx)
    return [] if out is MISSING else out


@node
def first_of(children, ctx):
    for child in children:
        out = _run(child, ctx)
        if out:
            return out
    return []


@node
def tag(children, ctx, _args=("italic",)):
    inner = _join(children, ctx)
    if not inner or _args[0] != "italic":
        return inner
    return [Run(p, True) if type(p) is str else Run(p.text, True, p.url, p.lang) for p in inner]


@node
def when(children, ctx, _args=(lambda ctx: True,)):
    return _join(children, ctx) if _args[0](ctx) else []


@node
def call(children, ctx, _args=(lambda ctx: None,)):
    return _pieces(_args[0](ctx))


@node
def field(children, ctx, _args=("",), apply=None, style=None):
    value = ctx.field(_args[0])
    if value and apply is not None:
        value = apply(value)
    if not value:
        return MISSING
    out = _pieces(value)
    if style == "italic":
        out = [Run(p, True) if type(p) is str else Run(p.text, True, p.url, p.lang) for p in out]
    return out


@node
def optional_field(children, ctx, _args=("",), apply=None, style=None):
    """``optional[field(name)]`` in one step (pybtex's ``optional_field``): the commonest node."""
    out = field.fn(children, ctx, _args, apply, style)
    return [] if out is MISSING else out


# -- compiled templates ---------------------------------------------------------------------
# A template is read once per entry of a list: interpreting it (options unpacked, node kinds
# dispatched at every level) cost more than the fields it reads. Each node is therefore turned,
# on first use, into a closure over its compiled children that gives the same pieces as the
# interpreting functions above (which stay the reference: tests compare both).


def _compiled(child):
    if type(child) is Node:
        run = child._compiled
        if run is None:
            run = child._compiled = _compile(child)
        return run
    const = _pieces(child)
    if not const:
        return _EMPTY
    if len(const) == 1:
        one = const[0]
        return lambda ctx: [one]  # a fresh list each time: parents append to what they get
    return lambda ctx: list(const)


def _EMPTY(ctx):
    return []


def _c_join(children, sep="", last_sep=None, pair_sep=None):
    items = []
    for c in children:
        own = None
        if type(c) is lead:
            own, c = c.sep, c.child
        items.append((own, _compiled(c)))
    if len(items) == 1:
        return items[0][1]  # one child: its pieces as they are (no separator can apply)
    plain = all(own is None for own, _ in items) and last_sep is None and pair_sep is None
    runs = tuple(f for _, f in items)

    if plain:

        def run_plain(ctx):
            out = None
            for f in runs:
                p = f(ctx)
                if p is MISSING:
                    return MISSING
                if p:
                    if out is None:
                        out = p  # the first part's own list: fresh, as every node's pieces are
                    else:
                        if sep:
                            out.append(sep)
                        out.extend(p)
            return [] if out is None else out

        return run_plain

    def run(ctx):
        return _join_parts([(own, f(ctx)) for own, f in items], sep, last_sep, pair_sep)

    return run


def _join_parts(got, sep, last_sep, pair_sep):
    parts, leads = [], []
    for own, p in got:
        if p is MISSING:
            return MISSING
        if p:
            parts.append(p)
            leads.append(own)
    n = len(parts)
    if n < 2:
        return parts[0] if parts else []
    out = list(parts[0])
    for i in range(1, n):
        s = leads[i]
        if s is None:
            s = (
                pair_sep
                if n == 2 and pair_sep is not None
                else (last_sep if i == n - 1 and last_sep is not None else sep)
            )
        if s:
            out.append(s)
        out.extend(parts[i])
    return out


def _c_sentence(children, sep=", ", add_period=True, period="."):
    inner = _c_join(children, sep)
    if not add_period:
        return inner

    def run(ctx):
        out = inner(ctx)
        if out and not _ends_sentence(out, period):
            out.append(period)
        return out

    return run


def _c_optional(children):
    inner = _c_join(children)

    def run(ctx):
        out = inner(ctx)
        return [] if out is MISSING else out

    return run


def _c_first_of(children):
    runs = tuple(_compiled(c) for c in children)

    def run(ctx):
        for f in runs:
            out = f(ctx)
            if out:
                return out
        return []

    return run


def _c_tag(children, _args=("italic",)):
    inner = _c_join(children)
    if _args[0] != "italic":
        return inner

    def run(ctx):
        out = inner(ctx)
        if not out:
            return out
        return [Run(p, True) if type(p) is str else Run(p.text, True, p.url, p.lang) for p in out]

    return run


def _c_when(children, _args=(lambda ctx: True,)):
    inner, test = _c_join(children), _args[0]
    return lambda ctx: inner(ctx) if test(ctx) else []


def _c_call(children, _args=(lambda ctx: None,)):
    fn = _args[0]
    return lambda ctx: _pieces(fn(ctx))


def _c_field(children, _args=("",), apply=None, style=None, optional=False):
    name, italic = _args[0], style == "italic"

    def run(ctx):
        value = ctx.field(name)
        if value and apply is not None:
            value = apply(value)
        if not value:
            return [] if optional else MISSING
        if type(value) is str:
            out = [value]
        else:
            out = _pieces(value)
        if italic:
            out = [Run(p, True) if type(p) is str else Run(p.text, True, p.url, p.lang) for p in out]
        return out

    return run


def _c_optional_field(children, _args=("",), apply=None, style=None):
    return _c_field(children, _args, apply, style, optional=True)


_COMPILERS = {
    _join: _c_join,
    words.fn: lambda children, sep=" ": _c_join(children, sep),
    sentence.fn: _c_sentence,
    optional.fn: _c_optional,
    first_of.fn: _c_first_of,
    tag.fn: _c_tag,
    when.fn: _c_when,
    call.fn: _c_call,
    field.fn: _c_field,
    optional_field.fn: _c_optional_field,
}


def _compile(n: Node):
    """``n`` as a function of the context: a compiled form for the nodes above, else a call of the
    node's own function (a style's own node reads its children with ``child.run``, compiled too)."""
    make = _COMPILERS.get(n.fn)
    if make is not None:
        return make(n.children, **n.options)
    fn, children, options = n.fn, n.children, n.options
    make_own = getattr(fn, "compile", None)
    if make_own is not None:
        return make_own(children, **options)
    if options:
        return lambda ctx: fn(children, ctx, **options)
    return lambda ctx: fn(children, ctx)


__all__ = [
    "FieldIsMissing",
    "Node",
    "call",
    "field",
    "first_of",
    "join",
    "lead",
    "node",
    "optional",
    "optional_field",
    "sentence",
    "tag",
    "when",
    "words",
]
