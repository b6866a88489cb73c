"""`annobib init` then `annobib list`: an empty library is a beginning, not an error."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli


@pytest.fixture()
def env(tmp_path):
    return {
        "ANNOBIB_CONFIG": str(tmp_path / "config.toml"),
        "ANNOBIB_DATA_DIR": str(tmp_path / "data"),
        "ANNOBIB_CACHE_DIR": str(tmp_path / "cache"),
        "ANNOBIB_STATE_DIR": str(tmp_path / "state"),
    }


def test_list_of_a_new_library_says_no_entries_yet_and_exits_0(tmp_path, env):
    assert run_cli(["init"], env=env, cwd=tmp_path).exit_code == 0
    r = run_cli(["list"], env=env, cwd=tmp_path)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.split() == ["Key", "Type", "Authors", "Year", "Title", "Container", "Lang", "Cited"]
    assert "library.bib: no entries yet; add some with `annobib add` or `annobib import FILE`" in r.stderr
    assert len(r.stderr.splitlines()) == 1
    r = run_cli(["list", "--json"], env=env, cwd=tmp_path)
    assert (r.exit_code, json.loads(r.stdout)) == (0, [])


def test_other_readers_of_an_empty_library_still_stop(tmp_path, env):
    run_cli(["init"], env=env, cwd=tmp_path)
    r = run_cli(["search", "x"], env=env, cwd=tmp_path)
    assert r.exit_code == 2 and "no entries" in r.stderr


def test_init_names_every_style_in_the_config(tmp_path, env):
    run_cli(["init"], env=env, cwd=tmp_path)
    text = (tmp_path / "config.toml").read_text(encoding="utf-8")
    assert '"apa", "cn-notes", "chicago"' in text
