"""Where annobib keeps things (annobib.core.dirs): one answer for the config file and the cache."""

from pathlib import Path

from annobib import config
from annobib.core.dirs import cache_dir, config_path


def test_environment_decides(tmp_path):
    env = {"ANNOBIB_CACHE_DIR": str(tmp_path / "c"), "ANNOBIB_CONFIG": str(tmp_path / "a.toml")}
    assert cache_dir(env) == tmp_path / "c" and config_path(env) == tmp_path / "a.toml"
    env = {"XDG_CACHE_HOME": str(tmp_path / "x"), "XDG_CONFIG_HOME": str(tmp_path / "y"), "ANNOBIB_CACHE_DIR": ""}
    assert cache_dir(env) == tmp_path / "x" / "annobib"  # an empty variable counts as unset
    assert config_path(env) == tmp_path / "y" / "annobib" / "config.toml"
    assert cache_dir({}) == Path.home() / ".cache" / "annobib"


def test_config_and_link_state_use_the_cache_dir_the_cache_uses(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", str(tmp_path / "cache"))
    assert config.cache_dir() == tmp_path / "cache"  # it ignored ANNOBIB_CACHE_DIR before
    from annobib.text import _cache_file

    assert _cache_file("pinyin.marshal") == str(tmp_path / "cache" / "pinyin.marshal")


def test_the_lookup_cache_has_no_answer_of_its_own(tmp_path, monkeypatch):
    from annobib.lookup import store

    assert store.cache_dir is cache_dir  # the copy that could drift is gone
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("ANNOBIB_CACHE_DIR", "~/views")  # expanded, as for the config and link state
    assert store.cache_base(tmp_path / "a.bib").parent == tmp_path / "views"
