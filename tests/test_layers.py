"""The package's shape: imports point one way, no cycles, and tests stand apart from benchmarks.

The import graph is read from the source (ast), not by importing: a cycle hidden in an import
inside a function counts as much as one at the top of a module.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "cli" / "annobib"


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {_module_name(p, root): p for p in sorted(root.rglob("*.py"))}


@functools.lru_cache(maxsize=None)
def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _imports(path: Path, name: str, known, *, top_only: bool) -> list[tuple[str, int, bool]]:
    """(imported annobib module, line, inside a function) for each import in ``path``."""
    return _imports_cached(path, name, frozenset(known), top_only)


@functools.lru_cache(maxsize=None)
def _imports_cached(path: Path, name: str, known: frozenset, top_only: bool) -> list[tuple[str, int, bool]]:
    tree = _tree(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    inside: set[int] = set()
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside.update(id(n) for n in ast.walk(fn) if n is not fn)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                pk = package.split(".")
                base = ".".join(pk[: len(pk) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        else:
            continue
        if top_only and id(node) in inside:
            continue
        for t in targets:
            while t and t not in known:
                t = t.rpartition(".")[0]
            if t and t != name:
                out.append((t, node.lineno, id(node) in inside))
                break
    return out


def _graph(top_only: bool) -> dict[str, set[str]]:
    mods = _modules()
    known = set(mods)
    return {m: {t for t, _, _ in _imports(p, m, known, top_only=top_only)} for m, p in mods.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    x = stack.pop()
                    on.discard(x)
                    comp.append(x)
                    if x == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


@pytest.mark.parametrize("top_only", [True, False], ids=["module-level", "with-function-imports"])
def test_the_import_graph_has_no_cycle(top_only):
    graph = _graph(top_only)
    assert len(graph) > 50  # the whole package was read
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_cycles():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_import_reader_sees_a_cycle_hidden_in_a_function(tmp_path):
    pkg = tmp_path / "annobib"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "one.py").write_text("from annobib import two\n")
    (pkg / "two.py").write_text("def f():\n    from annobib.one import x\n")
    mods = _modules(pkg)
    assert set(mods) == {"annobib", "annobib.one", "annobib.two"}
    got = {m: {t for t, _, _ in _imports(p, m, set(mods), top_only=False)} for m, p in mods.items()}
    assert _cycles(got) == [["annobib.one", "annobib.two"]]
    top = {m: {t for t, _, _ in _imports(p, m, set(mods), top_only=True)} for m, p in mods.items()}
    assert _cycles(top) == []


# What bib/ (the .bib format) may use: itself and the layers below it.
BIB_MAY_IMPORT = ("annobib.bib", "annobib.core", "annobib.errors", "annobib.model")


def test_bib_imports_nothing_above_it():
    mods = _modules()
    bad = [
        f"{m} imports {t} (line {line})"
        for m, p in mods.items()
        if m.startswith("annobib.bib")
        for t, line, _ in _imports(p, m, set(mods), top_only=False)
        if not any(t == ok or t.startswith(ok + ".") for ok in BIB_MAY_IMPORT)
    ]
    assert bad == []


def test_only_the_cli_imports_commands():
    mods = _modules()
    bad = [
        f"{m} imports {t}"
        for m, p in mods.items()
        if not (m.startswith("annobib.commands") or m in ("annobib.cli", "annobib.__main__"))
        for t, _, _ in _imports(p, m, set(mods), top_only=False)
        if t.startswith("annobib.commands")
    ]
    assert bad == []


# no package is excepted any more (extract/ was, while its owner changed it in parallel)
UNEXPLAINED_ALLOWED: tuple[str, ...] = ()


def _bare_function_imports(path: Path) -> list[str]:
    """In-function imports with no comment saying why: none on the import's line or the line above
    it (past the imports grouped with it), nor on the function's first import."""
    lines = path.read_text(encoding="utf-8").splitlines()
    tree = ast.parse("\n".join(lines))
    owner: dict[int, tuple[ast.AST, ast.AST]] = {}
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(fn):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    owner[id(node)] = (fn, node)  # the innermost function wins (walked last)

    def said(node: ast.AST) -> bool:
        k = node.lineno - 1
        above = k - 1
        while above >= 0 and re.match(r"\s*(from|import) ", lines[above]):
            above -= 1  # a group of imports shares one comment
        return "# " in lines[k] or (above >= 0 and lines[above].strip().startswith("#"))

    first: dict[int, ast.AST] = {}
    for fn, node in sorted(owner.values(), key=lambda pair: pair[1].lineno):
        first.setdefault(id(fn), node)
    return [
        f"{path.relative_to(REPO)}:{node.lineno}: {lines[node.lineno - 1].strip()}"
        for fn, node in owner.values()
        if not (said(node) or said(first[id(fn)]))
    ]


def test_imports_inside_functions_say_why():
    """An import inside a function is for a heavy or optional module, or keeps a start-up path
    cheap, or would close a cycle at module level: a comment on it (or on the function's first
    import) says which. Anything else belongs at the top of the module."""
    bare = [
        line
        for m, p in _modules().items()
        if not any(m == a or m.startswith(a + ".") for a in UNEXPLAINED_ALLOWED)
        for line in _bare_function_imports(p)
    ]
    assert bare == []


def test_the_import_comment_check_fails_on_a_bare_import(tmp_path):
    code = tmp_path / "x.py"
    code.write_text(
        "def a():\n    # heavy: httpx\n    import httpx\n    import json\n\n"
        "def b():\n    import json\n\n"
        "def c():\n    import rich  # heavy\n    x = 1\n    import csv\n",
        encoding="utf-8",
    )
    original = REPO
    try:
        globals()["REPO"] = tmp_path
        assert [b.split(":", 1)[1] for b in _bare_function_imports(code)] == ["7: import json"]
    finally:
        globals()["REPO"] = original


def test_the_cache_signature_covers_what_shapes_the_cache():
    """Every module the builder, rows and query use is hashed into the cache's code signature,
    so changing (or moving) any of them invalidates cached views."""
    from annobib.lookup import store

    mods = _modules()
    known = set(mods)
    seen: set[str] = set()
    todo = ["annobib.lookup.build", "annobib.lookup.rows", "annobib.lookup.query", "annobib.lookup.view"]
    while todo:
        m = todo.pop()
        if m in seen:
            continue
        seen.add(m)
        todo += [t for t, _, _ in _imports(mods[m], m, known, top_only=False)]
    covered = [m for m in seen if any(m == s or m.startswith(s + ".") for s in store.SHAPERS)]
    assert sorted(seen - set(covered)) == ["annobib"]  # the package's __init__: its version is in the signature
    hashed = {p.resolve() for s in store.SHAPERS for p in store._sources(s)}
    assert {mods[m].resolve() for m in covered} <= hashed
    sig = store.code_signature()
    assert sig[0] == store.FORMAT and len(sig[2]) == 40


def test_a_misnamed_shaper_fails_loudly():
    from annobib.lookup import store

    with pytest.raises(RuntimeError, match="annobib.nowhere"):
        store._sources("annobib.nowhere")


def test_no_test_imports_benchmarks():
    """Benchmarks may use the tests' helpers (tests/generate.py), never the other way round."""
    bench = {p.stem for p in (REPO / "benchmarks").glob("*.py")}
    bad = []
    for p in sorted((REPO / "tests").rglob("*.py")):
        text = p.read_text(encoding="utf-8")
        if re.search(r"sys\.path\.(insert|append)\([^\n]*benchmarks", text):
            bad.append(f"{p.name}: puts benchmarks/ on sys.path")
        for node in ast.walk(ast.parse(text)):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            bad += [f"{p.name}: imports {n}" for n in names if n.split(".")[0] in bench | {"benchmarks"}]
    assert bad == []


CYCLE_REASON = "close an import cycle"


def _reason(lines: list[str], node: ast.AST) -> str:
    """The comment that explains an in-function import: on its line, else the comment line above
    it (past the imports grouped with it), else ''."""
    k = node.lineno - 1
    if "# " in lines[k]:
        return lines[k].split("# ", 1)[1]
    above = k - 1
    while above >= 0 and re.match(r"\s*(from|import) ", lines[above]):
        above -= 1
    return lines[above].strip() if above >= 0 and lines[above].strip().startswith("#") else ""


def _cycle_claims() -> list[tuple[str, str, int]]:
    """(module, imported module, line) for every in-function import whose comment (or its
    function's first import's comment) says it would close an import cycle at module level."""
    mods = _modules()
    known = set(mods)
    claims = []
    for m, p in mods.items():
        lines = p.read_text(encoding="utf-8").splitlines()
        tree = _tree(p)
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            nodes = sorted(
                (n for n in ast.walk(fn) if isinstance(n, (ast.Import, ast.ImportFrom))), key=lambda n: n.lineno
            )
            for node in nodes:
                if CYCLE_REASON not in (_reason(lines, node) or _reason(lines, nodes[0])):
                    continue
                for t, line, inside in _imports(p, m, known, top_only=False):
                    if line == node.lineno and inside:
                        claims.append((m, t, line))
    return claims


def _closes_a_cycle(graph: dict[str, set[str]], source: str, target: str) -> bool:
    """Whether ``source`` importing ``target`` at module level would make a cycle: ``target``
    already reaches ``source`` (importing a submodule first imports its packages, so an edge to
    ``a.b.c`` is also one to ``a.b`` and ``a``)."""
    parts = target.split(".")
    todo = [".".join(parts[:i]) for i in range(2, len(parts) + 1)]
    todo = [t for t in todo if t in graph and not source.startswith(t + ".") and t != source]
    seen: set[str] = set()
    while todo:
        m = todo.pop()
        if m == source:
            return True
        if m in seen:
            continue
        seen.add(m)
        todo += graph.get(m, ())
    return False


# Modules whose stale "cycle" comments are being fixed elsewhere (none now).
CYCLE_CLAIMS_PENDING: tuple[str, ...] = ()


def test_every_import_said_to_close_a_cycle_would():
    """A comment "at module level it would close an import cycle" must be true: moved to the top,
    the import would make the module-level graph cyclic. Stale ones move to the top."""
    claims = _cycle_claims()
    graph = _graph(top_only=True)
    stale = [
        f"{m}:{line} imports {t}"
        for m, t, line in claims
        if m not in CYCLE_CLAIMS_PENDING and not _closes_a_cycle(graph, m, t)
    ]
    assert stale == [], "no cycle there: move the import to the top of the module"


def test_the_cycle_claim_check_tells_true_from_stale():
    graph = {"annobib.a": {"annobib.b"}, "annobib.b": set(), "annobib.c": set(), "annobib.d": {"annobib.e"}}
    graph["annobib.e"] = {"annobib.c"}
    assert _closes_a_cycle(graph, "annobib.c", "annobib.d")  # d -> e -> c: c importing d closes it
    assert not _closes_a_cycle(graph, "annobib.c", "annobib.b")
