"""Each default and each list lives in one place: the option dataclasses of archive/ take their
defaults from config.SETTINGS, and `annobib export --to` takes its choices from exchange."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import click
import pytest

from annobib.config import BY_KEY, default_of, load_config


@pytest.mark.parametrize(
    "options, section",
    [("annobib.archive.wayback:ArchiveOptions", "archive"), ("annobib.archive.links:LinkOptions", "links")],
)
def test_option_defaults_are_the_settings_defaults(tmp_path, options, section):
    module, name = options.split(":")
    cls = getattr(__import__(module, fromlist=[name]), name)
    plain = cls()
    configured = cls.from_config(load_config(env={"ANNOBIB_CONFIG": str(tmp_path / "none.toml")}))
    shared = [f.name for f in dataclasses.fields(cls) if f"{section}.{f.name}" in BY_KEY]
    assert len(shared) >= 9
    for field in shared:
        key = f"{section}.{field}"
        if BY_KEY[key].default is None:
            continue  # derived in __post_init__ (the endpoints), the same either way
        assert getattr(plain, field) == default_of(key) == getattr(configured, field), key


def test_export_choices_are_exchange_formats():
    from annobib.commands.exchange import export
    from annobib.exchange import EXPORT_FORMATS, export_text
    from annobib.model import Entry

    to = next(p for p in export.params if p.name == "fmt")
    assert isinstance(to.type, click.Choice)
    assert tuple(to.type.choices) == EXPORT_FORMATS
    entry = Entry("k", "book", {"title": "T", "year": "2020"})
    for fmt in EXPORT_FORMATS:  # every listed format exports
        assert "2020" in export_text([entry], fmt)


def test_the_export_command_module_stays_light():
    """`annobib --help` imports every command module: the formats list must not load the parser."""
    code = "import sys, annobib.commands.exchange; print(sorted(m for m in sys.modules if m.startswith('annobib.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    for heavy in ("annobib.bib.parse", "annobib.dedupe", "annobib.exchange.importing", "annobib.exchange.common"):
        assert heavy not in out
