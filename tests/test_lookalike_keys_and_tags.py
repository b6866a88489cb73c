"""Keys that print alike are flagged with the code points that tell them apart (W102), and a tag
cannot smuggle control or invisible characters into ``keywords``."""

from __future__ import annotations

import json

import pytest

KEYS = ["Key", "key", "caf\u00e9", "cafe\u0301", "\uff4bey", "\u212aey", "plain"]


def _findings(cli_run, tmp_path):
    bib = tmp_path / "k.bib"
    bib.write_text("".join(f"@misc{{{k}, title = {{T{i}}}}}\n" for i, k in enumerate(KEYS)), encoding="utf-8")
    r = cli_run(["--bib", str(bib), "validate", "--select", "W102", "--json"])
    return {f["key"]: f["message"] for f in json.loads(r.stdout)["findings"]}


def test_lookalike_keys_are_flagged_with_their_code_points(cli_run, tmp_path):
    found = _findings(cli_run, tmp_path)
    assert found["key"] == "key 'key' differs from 'Key' (line 1) only in case"
    assert found["cafe\u0301"].endswith("U+0065 U+0301 vs U+00E9")  # NFD against NFC
    assert found["\uff4bey"].endswith("U+FF4B vs U+004B")  # fullwidth k
    assert found["\u212aey"].endswith("U+212A vs U+004B")  # the Kelvin sign
    assert set(found) == {"key", "cafe\u0301", "\uff4bey", "\u212aey"}


def test_no_message_shows_two_keys_that_look_the_same_without_telling_them_apart(cli_run, tmp_path):
    for message in _findings(cli_run, tmp_path).values():
        shown = message.split("'")[1:4:2]  # the two keys as printed
        assert all(k.isascii() for k in shown) or "U+" in message, message


@pytest.mark.parametrize("bad", ["\x1b[2Jevil", "a\u200bb", "a\u202eb", "two\nlines", "a\u2028b", "del\x7f"])
def test_tag_refuses_control_and_invisible_characters(cli_run, tmp_path, bad):
    bib = tmp_path / "a.bib"
    before = "@misc{k, title = {T}}\n"
    bib.write_text(before, encoding="utf-8")
    r = cli_run(["--bib", str(bib), "tag", "k", "+" + bad])
    assert r.exit_code == 2 and len(r.stderr.strip().splitlines()) == 1
    assert "cannot contain control or invisible characters" in r.stderr and "\x1b" not in r.stderr
    assert bib.read_text(encoding="utf-8") == before


def test_tag_still_takes_any_visible_text(cli_run, tmp_path):
    bib = tmp_path / "a.bib"
    bib.write_text("@misc{k, title = {T}}\n", encoding="utf-8")
    r = cli_run(["--bib", str(bib), "tag", "k", "+中文 tag", "+café"])
    assert r.exit_code == 0, r.stderr
    assert "keywords = {中文 tag, café}" in bib.read_text(encoding="utf-8")
