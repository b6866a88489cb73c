"""Configuration: precedence, durations, private secrets, `annobib config`."""

from __future__ import annotations

import json
import os

import pytest

from annobib.config import load_config, parse_duration
from annobib.errors import InputError
from conftest import run_cli

TOML = """
[links]
per_host_concurrency = 3
per_host_interval = 0.5
max_age = "12h"

[archive]
requests_per_minute = 12
access_key = "file-access-KEY"
secret_key = "file-secret-KEY"
"""


def write(tmp_path, text=TOML, mode=0o600):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    os.chmod(path, mode)
    return path


def test_precedence_options_env_file_defaults(tmp_path):
    path = write(tmp_path)
    env = {"ANNOBIB_CONFIG": str(path), "ANNOBIB_LINKS_HOST_INTERVAL": "2"}
    cfg = load_config(env=env)
    assert cfg["links.per_host_concurrency"] == 3 and cfg.source("links.per_host_concurrency") == "file"
    assert cfg["links.per_host_interval"] == 2.0 and cfg.source("links.per_host_interval") == "env"
    assert cfg["links.max_age"] == 12 * 3600
    assert cfg["links.timeout"] == 20.0 and cfg.source("links.timeout") == "default"
    assert cfg["archive.access_key"] == "file-access-KEY"
    cfg = load_config(env=env, links__per_host_interval=0.25)
    assert cfg["links.per_host_interval"] == 0.25 and cfg.source("links.per_host_interval") == "option"


def test_secrets_from_a_readable_file_are_ignored(tmp_path):
    path = write(tmp_path, mode=0o644)
    cfg = load_config(env={"ANNOBIB_CONFIG": str(path)})
    assert cfg["archive.access_key"] is None and cfg["archive.secret_key"] is None
    assert any("chmod 600" in w for w in cfg.warnings)
    assert cfg["archive.requests_per_minute"] == 12  # other settings still apply
    cfg = load_config(env={"ANNOBIB_CONFIG": str(path), "ANNOBIB_IA_ACCESS": "env-key"})
    assert cfg["archive.access_key"] == "env-key"


def test_bad_values_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="ANNOBIB_LINKS_PER_HOST"):
        load_config(env={"ANNOBIB_CONFIG": str(tmp_path / "none.toml"), "ANNOBIB_LINKS_PER_HOST": "zero"})
    with pytest.raises(InputError, match="bad TOML"):
        load_config(env={"ANNOBIB_CONFIG": str(write(tmp_path, "[links\n"))})
    with pytest.raises(InputError, match="base URL"):
        load_config(env={"ANNOBIB_CONFIG": str(tmp_path / "none.toml"), "ANNOBIB_WAYBACK_URL": "ftp://x"})
    assert parse_duration("7d") == 604800 and parse_duration(30) == 30 and parse_duration("250ms") == 0.25
    with pytest.raises(ValueError):
        parse_duration("soon")


def test_wayback_url_replaces_both_archive_hosts(tmp_path):
    from annobib.archive.wayback import ArchiveOptions

    env = {"ANNOBIB_CONFIG": str(tmp_path / "none.toml"), "ANNOBIB_WAYBACK_URL": "http://127.0.0.1:9/"}
    opts = ArchiveOptions.from_config(load_config(env=env))
    assert opts.cdx_url == "http://127.0.0.1:9/cdx/search/cdx"
    assert opts.save_url == "http://127.0.0.1:9/save"
    assert opts.availability_url == "http://127.0.0.1:9/wayback/available"
    default = ArchiveOptions.from_config(load_config(env={"ANNOBIB_CONFIG": str(tmp_path / "none.toml")}))
    assert default.availability_url == "https://archive.org/wayback/available"
    assert "KEY" not in repr(ArchiveOptions(access_key="KEY", secret_key="KEY"))
    assert opts.snapshot_url == "http://127.0.0.1:9"
    env["ANNOBIB_SNAPSHOT_URL"] = "https://web.archive.org"
    assert ArchiveOptions.from_config(load_config(env=env)).snapshot_url == "https://web.archive.org"


def test_config_commands_mask_secrets(tmp_path):
    path = write(tmp_path)
    env = {"ANNOBIB_CONFIG": str(path), "ANNOBIB_IA_SECRET": "env-secret-KEY"}
    r = run_cli(["config", "path"], env=env)
    assert r.exit_code == 0 and r.stdout.strip() == str(path)
    r = run_cli(["config", "show"], env=env)
    assert r.exit_code == 0 and "links.per_host_concurrency" in r.stdout
    r = run_cli(["config", "show", "--json"], env=env)
    data = json.loads(r.stdout)
    values = {s["key"]: (s["value"], s["source"]) for s in data["settings"]}
    assert values["archive.secret_key"] == ("********", "env")
    assert values["links.per_host_concurrency"] == (3, "file")
    assert "KEY" not in r.stdout
    r = run_cli(["config", "show"], env={"ANNOBIB_CONFIG": str(write(tmp_path, "x = [\n"))})
    assert r.exit_code == 2 and "bad TOML" in r.stderr
