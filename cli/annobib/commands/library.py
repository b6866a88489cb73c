"""``annobib init [PATH]`` (a library of one's own and the config naming it) and
``annobib open KEY`` (the entry's page, DOI or archived copy in the browser)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annobib.commands._common import echo_exact, load_bibliography, warn
from annobib.commands.show import find_entry
from annobib.core.dirs import make_dirs
from annobib.core.files import atomic_write_text
from annobib.errors import InputError, os_reason

CONFIG_TEMPLATE = """# annobib configuration (`annobib config` shows every setting and where it came from)

[library]
path = {path}   # the bibliography when neither --bib nor ANNOBIB_BIB is given

# [format]
# style = "gbt7714"      # or "apa", "cn-notes", "chicago": default --style of format, cite and show
# edition = "2025"       # or "2015": GB/T 7714 edition
# system = "numeric"     # or "author-date"
"""


@click.command("init")
@click.argument("path", required=False, type=click.Path(dir_okay=False))
def init(path):
    """Create a library of your own and a config file naming it as the default bibliography.

    PATH defaults to library.bib under the user data folder ($ANNOBIB_DATA_DIR, else
    $XDG_DATA_HOME/annobib, else ~/.local/share/annobib). An existing library is kept as it is;
    an existing config gets a [library] path only when it has none (else it is left alone and
    you are told). Afterwards `annobib add`, `list`, `format` … work from any folder.

    \b
    Examples:
      annobib init                      ~/.local/share/annobib/library.bib
      annobib init ~/thesis/refs.bib    a library where you want it
    """
    # lazy: not needed by `annobib --help`
    from annobib.config import config_path
    from annobib.core.dirs import default_library

    target = Path(path).expanduser() if path else default_library()
    target = target.absolute()
    if target.exists():
        click.echo(f"annobib: library {target} already exists; kept as it is", err=True)
    else:
        try:
            make_dirs(target.parent)
        except OSError as exc:
            raise InputError(f"{target.parent}: cannot create the folder ({os_reason(exc)})") from None
        atomic_write_text(target, "", create=True)
        click.echo(f"annobib: created library {target}", err=True)
    _name_in_config(config_path(), target, atomic_write_text)
    return 0


def _name_in_config(cfg: Path, target: Path, write) -> None:
    """Make ``target`` the config's [library] path unless the config names another one."""
    # lazy: not needed by `annobib --help`
    from annobib.config import read_config_file

    quoted = json.dumps(str(target), ensure_ascii=False)  # a TOML basic string
    if not cfg.exists():
        try:
            make_dirs(cfg.parent)
        except OSError as exc:
            raise InputError(f"{cfg.parent}: cannot create the folder ({os_reason(exc)})") from None
        write(cfg, CONFIG_TEMPLATE.format(path=quoted), create=True)
        click.echo(f"annobib: wrote {cfg}: [library] path = {target}", err=True)
        return
    data = read_config_file(cfg)
    library = data.get("library")
    if isinstance(library, dict) and "path" in library:
        if Path(str(library["path"])).expanduser().absolute() != target:
            warn(f"{cfg} keeps [library] path = {library['path']}; edit it to make {target} the default")
        return
    if "library" in data:
        warn(f"{cfg} has a [library] table without path; add path = {quoted} to it")
        return
    text = cfg.read_text(encoding="utf-8")
    write(cfg, text + ("" if text.endswith("\n") or not text else "\n") + f"\n[library]\npath = {quoted}\n")
    click.echo(f"annobib: added to {cfg}: [library] path = {target}", err=True)


def link_of(entry, which: str) -> str | None:
    """The address ``open`` uses: ``auto`` is the URL, else the DOI, else the archived copy."""
    fields = entry.fields
    doi = (fields.get("doi") or "").strip()
    doi_url = None
    if doi:
        doi_url = (
            doi if doi.lower().startswith(("http://", "https://")) else "https://doi.org/" + doi.removeprefix("doi:")
        )
    candidates = {"url": fields.get("url"), "doi": doi_url, "archived": fields.get("archiveurl")}
    order = ("url", "doi", "archived") if which == "auto" else (which,)
    # lazy: not needed by `annobib --help`
    from annobib.archive.urls import clean_url

    for name in order:
        # as check-links reads it: a URL wrapped over lines in the .bib, \_ and braces undone
        value = clean_url(candidates.get(name))
        if value:
            return value
    return None


@click.command("open")
@click.argument("key")
@click.option("--doi", "which", flag_value="doi", help="Open the DOI (https://doi.org/…).")
@click.option("--archived", "which", flag_value="archived", help="Open the archived copy (archiveurl).")
@click.option("--url", "which", flag_value="url", help="Open the URL field.")
@click.option("--print", "print_only", is_flag=True, help="Print the address instead of opening it.")
@click.pass_context
def open_command(ctx, key, which, print_only):
    """Open an entry's page in the browser: its URL, else its DOI, else its archived copy.

    KEY may be mistyped or a search (`annobib open liulin`): when exactly one entry matches,
    that one is opened. Only http(s) addresses are handed to the browser.

    \b
    Examples:
      annobib open liu2025meifei
      annobib open liu2025meifei --archived --print
    """

    view = load_bibliography(ctx)
    i = find_entry(ctx, view, key)
    entry = view.entry(i)
    address = link_of(entry, which or "auto")
    if address is None:
        what = {"doi": "no DOI", "archived": "no archived copy (archiveurl)", "url": "no URL"}.get(
            which or "", "no URL, DOI or archived copy"
        )
        raise InputError(f"{entry.key}: {what}")
    # lazy: not needed by `annobib --help`
    from annobib.core.sanitize import redact

    shown = redact(address)  # a URL's password (user:secret@host) is never printed
    if print_only:
        echo_exact(shown)
        return 0
    if not address.lower().startswith(("http://", "https://")):
        raise InputError(f"{entry.key}: not an http(s) address, not opened: {shown} (--print shows it)")
    # lazy: loads webbrowser only when this runs
    import webbrowser

    if not webbrowser.open(address):
        raise InputError(f"no browser to open {shown} (use --print)")
    click.echo(f"annobib: opened {shown}", err=True)
    return 0
