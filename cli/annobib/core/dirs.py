"""Where annobib keeps things: the config file and the cache (one answer for every module).

* config file: ``$ANNOBIB_CONFIG``, else ``$XDG_CONFIG_HOME/annobib/config.toml``, else
  ``~/.config/annobib/config.toml``;
* cache: ``$ANNOBIB_CACHE_DIR``, else ``$XDG_CACHE_HOME/annobib``, else ``~/.cache/annobib``
  (the lookup views, pypinyin's compact table, and link state for a folder that is not writable).

An empty variable counts as unset. ``env`` defaults to the process environment.
"""

from __future__ import annotations

import os
from pathlib import Path


def config_path(env=None) -> Path:
    env = os.environ if env is None else env
    explicit = env.get("ANNOBIB_CONFIG")
    if explicit:
        return Path(explicit).expanduser()
    base = env.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "annobib" / "config.toml"


def cache_dir(env=None) -> Path:
    env = os.environ if env is None else env
    explicit = env.get("ANNOBIB_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "annobib"
