"""The docs cannot drift: generated pages are current, and every command, option and rule is documented.

The model is sqlite-utils' cog + test_docs: docs/generate.py writes docs/rules.md (from the rule
registry) and docs/cli.md (from every --help); these tests fail when either is stale, when a
command or option is missing from the hand-written page that explains it, or when the README
outgrows its role as a front door.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("annobib_docs_generate", DOCS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()
COMMANDS = GEN.commands()


@pytest.mark.parametrize("path", sorted(GEN.pages()), ids=lambda p: p.name)
def test_generated_pages_are_current(path):
    expected = GEN.pages()[path]
    assert path.exists(), f"{path.name} missing: run python docs/generate.py"
    assert path.read_text(encoding="utf-8") == expected, f"{path.name} is stale: run python docs/generate.py"


def test_every_command_has_a_guide_page():
    from annobib.cli import COMMANDS as REGISTERED

    assert len(COMMANDS) > len(REGISTERED)  # the walk found every command (and config's subcommands)
    assert set(GEN.COMMAND_PAGES) == set(REGISTERED), "docs/generate.py COMMAND_PAGES: add the new command"
    for name in REGISTERED:
        text = (DOCS / GEN.COMMAND_PAGES[name]).read_text(encoding="utf-8")
        assert f"annobib {name}" in text or f"`{name}`" in text, f"{name} is not explained in {GEN.COMMAND_PAGES[name]}"


def _page_of(full_name: str) -> str:
    return "conventions.md" if full_name == "annobib" else GEN.COMMAND_PAGES[full_name.split()[1]]


def _undocumented(full_name, cmd) -> list[str]:
    text = (DOCS / _page_of(full_name)).read_text(encoding="utf-8")
    missing = []
    from annobib.cli import cli

    root_options = {o for p in cli.params for o in getattr(p, "opts", [])}
    for param in cmd.params:
        if not isinstance(param, click.Option) or "--help" in param.opts:
            continue
        if full_name != "annobib" and param.hidden and set(param.opts) <= root_options:
            continue  # --bib, --no-color, --debug after the command: documented with the root's
        spellings = param.opts + param.secondary_opts
        if not any(re.search(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", text) for s in spellings):
            missing.append("/".join(spellings))
    return missing


@pytest.mark.parametrize("full_name", [name for name, _, _ in COMMANDS])
def test_every_option_is_named_on_its_page(full_name):
    cmd = next(c for n, c, _ in COMMANDS if n == full_name)
    assert _undocumented(full_name, cmd) == [], f"document these options in docs/{_page_of(full_name)}"


def test_an_undocumented_option_is_caught():
    """The check above is real: a new option nobody wrote about is reported."""
    cmd = click.Command("list", params=[click.Option(["--surely-not-documented-anywhere"])])
    assert _undocumented("annobib list", cmd) == ["--surely-not-documented-anywhere"]


def test_every_rule_is_in_the_reference_with_its_examples():
    from annobib.checks.runner import all_rules

    reference = (DOCS / "rules.md").read_text(encoding="utf-8")
    rules = all_rules()
    assert len(rules) >= 70
    for r in rules:
        assert f"\n### {r.code}\n" in reference, r.code
        assert r.summary.strip(), f"{r.code} has no summary"
        assert r.bad and r.good, f"{r.code} needs an example that fires (bad=) and its correction (good=)"


def test_readme_is_a_front_door():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    linked = set(re.findall(r"\]\((docs/[^)#]+)", readme))
    for target in linked:
        assert (ROOT / target).exists(), f"README links to a missing {target}"
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    reachable = {Path(t).name for t in linked} | set(re.findall(r"\]\(([\w-]+\.md)", index))
    pages = {p.name for p in DOCS.glob("*.md")}
    assert pages - reachable == set(), "link these pages from README.md or docs/index.md"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    first_blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)[:2]
    assert "annobib extract refs/article.txt" in first_blocks[0]
    test_command = first_blocks[1].split("&&")[-1].strip()
    assert test_command.startswith("python -m pytest")
    assert re.search(r"^" + re.escape(test_command) + r"$", ci, flags=re.M), "CI must run the README's test command"


def test_docs_links_resolve():
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", text):
            assert (page.parent / target).exists(), f"{page.name} links to a missing {target}"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(text: str) -> set[str]:
    found, seen, fenced = set(), {}, False
    for line in text.splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and (m := re.match(r"#{1,6} (.+)", line)):
            slug = _slug(m.group(1))
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            found.add(slug if n == 0 else f"{slug}-{n}")
    return found | set(re.findall(r'<a (?:id|name)="([^"]+)"', text))


def test_anchor_links_resolve():
    pages = [ROOT / "README.md", *DOCS.glob("*.md")]
    anchors = {p.resolve(): _anchors(p.read_text(encoding="utf-8")) for p in pages}
    broken = []
    for page in pages:
        for target, anchor in re.findall(r"\]\(([^)#:\s]*)#([^)\s]+)\)", page.read_text(encoding="utf-8")):
            where = (page.parent / target).resolve() if target else page.resolve()
            if where in anchors and anchor not in anchors[where]:
                broken.append(f"{page.name} -> {target}#{anchor}")
    assert broken == [], "links to headings that do not exist"


def test_a_broken_anchor_is_caught():
    assert "files-atomic-writes-and-locks-annobibcorefiles" in _anchors(
        "## Files: atomic writes and locks (`annobib.core.files`)\n```\n# not a heading\n```\n"
    )
    assert "not-a-heading" not in _anchors("```\n# not a heading\n```\n")


def _layout_section() -> str:
    text = (DOCS / "internals.md").read_text(encoding="utf-8")
    return text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]


def test_the_package_map_lists_every_package_and_module():
    layout = _layout_section()
    package = ROOT / "cli" / "annobib"
    packages = sorted(p.parent.name for p in package.glob("*/__init__.py"))
    assert len(packages) >= 10
    missing = [name for name in packages if f"| `{name}/` |" not in layout]
    assert missing == [], "add these packages to the map in docs/internals.md#the-package-map"
    modules_row = next(line for line in layout.splitlines() if line.startswith("| modules |"))
    modules = sorted(p.stem for p in package.glob("*.py") if not p.stem.startswith("__"))
    assert [m for m in modules if f"`{m}`" not in modules_row] == []


def test_the_readme_command_table_names_every_command():
    from annobib.cli import COMMANDS as REGISTERED

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## The commands", 1)[1].split("\n\n", 2)[1]
    first_cells = " ".join(line.split("|")[1] for line in table.splitlines() if line.startswith("| `"))
    listed = set(re.findall(r"`([\w-]+)`", first_cells))
    assert listed == set(REGISTERED), f"README's command table: missing {set(REGISTERED) - listed}"


def test_the_readme_dry_run_claim_is_true():
    from annobib.cli import cli

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    claim = readme.split("the commands that change entries (", 1)[1].split(")", 1)[0]
    named = re.findall(r"`([\w-]+)(?: --\w+)?`", claim)
    assert len(named) >= 8
    ctx = click.Context(cli)
    for name in named:
        opts = {o for p in cli.get_command(ctx, name).params for o in getattr(p, "opts", [])}
        assert "--dry-run" in opts, f"README says {name} takes --dry-run"
