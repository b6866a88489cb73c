"""Compiled templates give exactly the pieces the interpreting node functions give.

Each template node is compiled on first use into a closure (annobib.styles.template._compile);
the node functions (``_join``, ``sentence`` …) stay the reference. Random templates over random
field values must agree piece for piece, missing fields included."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.render.richtext import RichText, Run
from annobib.styles import template as t
from annobib.styles.template import (
    MISSING,
    Node,
    call,
    field,
    first_of,
    join,
    lead,
    optional,
    optional_field,
    sentence,
    tag,
    when,
    words,
)

NAMES = ("a", "b", "c", "d")


class Ctx:
    def __init__(self, values):
        self.values = values

    def field(self, name):
        return self.values.get(name, "")


def interpret(node, ctx):
    """The node's pieces by the node functions alone (the pre-compilation evaluation)."""
    saved = t._run

    def run(child, c):
        if type(child) is Node:
            return child.fn(child.children, c, **child.options)
        return t._pieces(child)

    t._run = run
    try:
        return node.fn(node.children, ctx, **node.options)
    finally:
        t._run = saved


def fresh(node):
    """The same template as a new node tree, so nothing compiled is shared between examples."""
    if type(node) is lead:
        return lead(node.sep, fresh(node.child))
    if type(node) is not Node:
        return node
    return Node(node.name, node.fn, tuple(fresh(c) for c in node.children), dict(node.options))


seps = st.sampled_from(["", ", ", ". ", ": ", " "])
literals = st.sampled_from(["", "(", ")", " [", "]", "In ", "x"])
leaves = st.one_of(
    literals,
    st.builds(lambda n: field(n), st.sampled_from(NAMES)),
    st.builds(lambda n: field(n, style="italic"), st.sampled_from(NAMES)),
    st.builds(lambda n: optional_field(n), st.sampled_from(NAMES)),
    st.builds(lambda n: field(n, apply=lambda v: str(v).upper()), st.sampled_from(NAMES)),
    st.just(call(lambda ctx: ctx.field("a"))),
)


def _branch(children):
    kids = st.lists(children, min_size=1, max_size=4).map(tuple)
    return st.one_of(
        st.builds(lambda c, s: join(sep=s)[c], kids, seps),
        st.builds(lambda c, s, l: join(sep=s, last_sep=l)[c], kids, seps, seps),
        st.builds(lambda c, p: join(sep=", ", pair_sep=p)[c], kids, seps),
        st.builds(lambda c, s: join(sep=", ")[c + (lead(s, c[0]),)], kids, seps),
        st.builds(lambda c: words[c], kids),
        st.builds(lambda c, s: sentence(sep=s)[c], kids, seps),
        st.builds(lambda c: sentence(add_period=False)[c], kids),
        st.builds(lambda c: sentence(sep="", period="。")[c], kids),
        st.builds(lambda c: optional[c], kids),
        st.builds(lambda c: first_of[c], kids),
        st.builds(lambda c: tag("italic")[c], kids),
        st.builds(lambda c, on: when(lambda ctx: on)[c], kids, st.booleans()),
    )


templates = st.recursive(leaves, _branch, max_leaves=12)
values = st.one_of(
    st.sampled_from(["", "Text", "ends.", "why?", "  ", "x "]),
    st.builds(lambda s, i: RichText(Run(s, i)), st.sampled_from(["", "T", "u."]), st.booleans()),
    st.builds(lambda s: RichText("a", Run(s, url="http://x")), st.sampled_from(["", "http://x"])),
)
contexts = st.dictionaries(st.sampled_from(NAMES), values)


@settings(max_examples=150, deadline=None)
@given(templates, contexts)
def test_compiled_template_gives_the_interpreted_pieces(template, fields):
    if type(template) is not Node:
        template = join[template]
    ctx = Ctx(fields)
    want = interpret(fresh(template), ctx)
    node = fresh(template)
    got = node.run(ctx)
    assert got == want
    assert node.run(ctx) == want  # and again, from the compiled closure kept on the node
    if want is not MISSING:
        assert node.format(ctx) == fresh(template).format(ctx)


def test_runs_compare_and_hash_by_value():
    """Runs are not frozen (a frozen dataclass made each one cost four times as much) but still
    equal and hashable by value, as same-body checks and sets of runs need."""
    a, b = Run("x", True, "http://u"), Run("x", True, "http://u")
    assert a == b and hash(a) == hash(b) and len({a, b, Run("x")}) == 2
