"""A template layer for styles, after pybtex's ``style/template.py``: declare an entry, don't build it.

    title_block = sentence[field("title", apply=sentence_case), optional[" [", field("desc"), "]"]]
    rt = title_block.format(ctx)        # RichText

Nodes take their children in ``[]`` and options in ``()``; both return a new node, so a
template is a value and can be shared. A child is a node, a string (literal text) or a RichText.

* ``field(name, apply=None, style=None)`` — the value of ``ctx.field(name)`` (rich text or
  string); missing or empty raises :class:`FieldIsMissing`. ``apply`` transforms the string,
  ``style="italic"`` italicizes.
* ``optional[...]`` — its children joined with nothing, or nothing at all when any child's
  field is missing: the punctuation around a missing field goes with it.
* ``join(sep="", last_sep=None, pair_sep=None)[...]`` — the non-empty children with ``sep``
  between them (``last_sep`` before the last of three or more, ``pair_sep`` between exactly two);
  a child wrapped as ``lead(sep, child)`` brings its own separator.
* ``words[...]`` — joined by spaces. ``first_of[...]`` — the first child that is not empty.
* ``sentence(sep=", ", add_period=True)[...]`` — joined by ``sep``, closed with a period unless
  the text already ends with ``.``, ``?`` or ``!``.
* ``tag("italic")[...]`` — the children italicized. ``when(test)[...]`` — the children only when
  ``test(ctx)`` is true. ``call(fn)`` — ``fn(ctx)`` as a node (a string, RichText or None).

A node whose children are all empty is empty; an empty node contributes nothing to a ``join``
(and so no separator). Nothing here knows a citation style.
"""

from __future__ import annotations

from annobib.render.richtext import RichText, Run


class FieldIsMissing(Exception):
    """A required field is absent (caught by ``optional`` and ``first_of``)."""


def _rich(value) -> RichText:
    if value is None:
        return RichText()
    if isinstance(value, RichText):
        return value
    if isinstance(value, Run):
        return RichText(value)
    return RichText(str(value))


def _end_period(rt: RichText) -> RichText:
    s = rt.plain.rstrip()
    if not s or s.endswith((".", "?", "!", "？", "！")):
        return rt
    return rt + "."


class Node:
    """A template node: a formatting function with children and options."""

    __slots__ = ("name", "fn", "children", "options")

    def __init__(self, name: str, fn, children: tuple = (), options: dict | None = None):
        self.name = name
        self.fn = fn
        self.children = children
        self.options = options or {}

    def __getitem__(self, children) -> Node:
        if not isinstance(children, tuple):
            children = (children,)
        return Node(self.name, self.fn, self.children + children, self.options)

    def __call__(self, *args, **options) -> Node:
        if args:
            options = {**options, "_args": args}
        return Node(self.name, self.fn, self.children, {**self.options, **options})

    def format(self, ctx) -> RichText:
        return self.fn(self.children, ctx, **self.options)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.name}{list(self.children)!r}"


def _format(child, ctx) -> RichText:
    if isinstance(child, Node):
        return child.format(ctx)
    return _rich(child)


def node(fn) -> Node:
    """Turn ``fn(children, ctx, **options) -> RichText`` into a template node."""
    return Node(fn.__name__, fn)


class lead:
    """A child of ``join`` with its own separator before it: ``join(sep=", ")[journal, year,
    lead("", issue), lead(": ", pages)]`` gives ``J, 2025(10): 25-27`` and, without the issue,
    ``J, 2025: 25-27`` — each element says how it attaches to whatever precedes it."""

    __slots__ = ("sep", "child")

    def __init__(self, sep: str, child):
        self.sep, self.child = sep, child


def _parts(children, ctx) -> list[RichText]:
    return [p for p in (_format(c, ctx) for c in children) if p]


@node
def join(children, ctx, sep="", last_sep=None, pair_sep=None) -> RichText:
    parts, leads = [], []
    for c in children:
        own = c.sep if isinstance(c, lead) else None
        p = _format(c.child if isinstance(c, lead) else c, ctx)
        if p:
            parts.append(p)
            leads.append(own)
    out = RichText()
    n = len(parts)
    for i, p in enumerate(parts):
        if i:
            if leads[i] is not None:
                out.append(leads[i])
            elif n == 2 and pair_sep is not None:
                out.append(pair_sep)
            elif i == n - 1 and last_sep is not None:
                out.append(last_sep)
            else:
                out.append(sep)
        out.append(p)
    return out


@node
def words(children, ctx, sep=" ") -> RichText:
    return join(sep=sep)[children].format(ctx)


@node
def sentence(children, ctx, sep=", ", add_period=True) -> RichText:
    out = join(sep=sep)[children].format(ctx)
    return _end_period(out) if add_period and out else out


@node
def optional(children, ctx) -> RichText:
    try:
        return join[children].format(ctx)
    except FieldIsMissing:
        return RichText()


@node
def first_of(children, ctx) -> RichText:
    for child in children:
        try:
            out = _format(child, ctx)
        except FieldIsMissing:
            continue
        if out:
            return out
    return RichText()


@node
def tag(children, ctx, _args=("italic",)) -> RichText:
    inner = join[children].format(ctx)
    if _args[0] != "italic" or not inner:
        return inner
    out = RichText()
    for r in inner.runs:
        out.append(Run(r.text, True, r.url, r.lang))
    return out


@node
def when(children, ctx, _args=(lambda ctx: True,)) -> RichText:
    return join[children].format(ctx) if _args[0](ctx) else RichText()


@node
def call(children, ctx, _args=(lambda ctx: None,)) -> RichText:
    return _rich(_args[0](ctx))


@node
def field(children, ctx, _args=("",), apply=None, style=None) -> RichText:
    name = _args[0]
    value = ctx.field(name)
    if not value:
        raise FieldIsMissing(name)
    if apply is not None:
        value = apply(value)
        if not value:
            raise FieldIsMissing(name)
    out = _rich(value)
    return tag("italic")[out].format(ctx) if style == "italic" else out


__all__ = ["FieldIsMissing", "Node", "call", "field", "first_of", "join", "lead", "node", "optional", "sentence", "tag",
           "when", "words"]
