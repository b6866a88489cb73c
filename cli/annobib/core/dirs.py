"""Where annobib keeps things: the config file and the cache (one answer for every module).

* config file: ``$ANNOBIB_CONFIG``, else ``$XDG_CONFIG_HOME/annobib/config.toml``, else
  ``~/.config/annobib/config.toml``;
* cache: ``$ANNOBIB_CACHE_DIR``, else ``$XDG_CACHE_HOME/annobib``, else ``~/.cache/annobib``
  (the lookup views, pypinyin's compact table, and link state for a folder that is not writable);
* data (``annobib init``'s default library, ``library.bib``): ``$ANNOBIB_DATA_DIR``, else
  ``$XDG_DATA_HOME/annobib``, else ``~/.local/share/annobib``;
* state (the undo journal): ``$ANNOBIB_STATE_DIR``, else ``$XDG_STATE_HOME/annobib``, else
  ``~/.local/state/annobib``.

An empty variable counts as unset. ``env`` defaults to the process environment.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

try:
    _PATH_MAX = os.pathconf("/", "PC_PATH_MAX")
except (OSError, ValueError, AttributeError):  # no pathconf (Windows) or no answer
    _PATH_MAX = 4096


def _place(env, explicit: str, xdg: str, fallback: str, *leaf: str) -> Path:
    env = os.environ if env is None else env
    if env.get(explicit):
        return Path(env[explicit]).expanduser()
    return Path(env.get(xdg) or str(Path.home() / fallback), "annobib", *leaf)


def config_path(env=None) -> Path:
    return _place(env, "ANNOBIB_CONFIG", "XDG_CONFIG_HOME", ".config", "config.toml")


def cache_dir(env=None) -> Path:
    return _place(env, "ANNOBIB_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def data_dir(env=None) -> Path:
    return _place(env, "ANNOBIB_DATA_DIR", "XDG_DATA_HOME", ".local/share")


def state_dir(env=None) -> Path:
    return _place(env, "ANNOBIB_STATE_DIR", "XDG_STATE_HOME", ".local/state")


def default_library(env=None) -> Path:
    """Where ``annobib init`` puts a library when no PATH is given."""
    return data_dir(env) / "library.bib"


MAX_DEPTH = 255  # folders in a path make_dirs makes; no real cache or state folder comes near


def make_dirs(path: str | os.PathLike, mode: int = 0o777) -> None:
    """``mkdir -p`` as a loop: ``Path.mkdir(parents=True)`` and ``os.makedirs`` call themselves
    once per missing level, so a variable naming a folder 2,000 levels deep raised RecursionError.
    Failures are the OSError the callers already handle (ENAMETOOLONG there). As with
    ``Path.mkdir``, ``mode`` applies to the last folder only."""
    folder = Path(path)
    whole = os.path.abspath(folder)
    # refused before any level is made: a tree thousands deep is litter that common tools
    # (shutil.rmtree before Python 3.13, itself recursive) cannot even remove
    if len(os.fsencode(whole)) >= _PATH_MAX or whole.count(os.sep) > MAX_DEPTH:
        raise OSError(errno.ENAMETOOLONG, f"more than {MAX_DEPTH} folders deep or too long", whole[:200] + "…")
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for i, level in enumerate(reversed(missing), 1):
        try:
            level.mkdir(mode if i == len(missing) else 0o777)
        except FileExistsError:  # made meanwhile by another writer, or a file in the way
            if not level.is_dir():
                raise
