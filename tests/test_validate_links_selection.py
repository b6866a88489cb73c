"""validate --links findings obey --select/--ignore; snapshot URLs are not linted as cited URLs."""

import json

from conftest import run_cli

BIB = """@online{a, author = {{Org}}, title = {Page}, date = {2025-01-02}, urldate = {2025-02-01},
  url = {https://x.org/p/#}, langid = {english}}

@online{b, author = {{Org}}, title = {Other page}, date = {2025-01-03}, urldate = {2025-02-01},
  url = {https://x.org/q?utm_source=feed&id=2},
  archiveurl = {https://web.archive.org/web/20250103000000/https://x.org/q?utm_source=feed&id=2},
  archivedate = {2025-01-03}, langid = {english}}
"""


def codes(tmp_path, *args):
    bib = tmp_path / "refs.bib"
    bib.write_text(BIB, encoding="utf-8")
    result = run_cli(["--bib", str(bib), "validate", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.stderr
    return sorted((f["code"], f["key"], f["field"]) for f in json.loads(result.stdout)["findings"])


def test_link_findings_follow_select_and_ignore(tmp_path):
    everything = codes(tmp_path, "--links")
    assert ("W801", "a", "url") in everything and ("W317", "a", "url") in everything
    assert {c for c, _, _ in codes(tmp_path, "--select", "W801")} == {"W801"}
    assert "W801" not in {c for c, _, _ in codes(tmp_path, "--links", "--ignore", "W801")}
    assert "W801" not in {c for c, _, _ in codes(tmp_path, "--links", "--select", "E")}
    assert "W801" in {c for c, _, _ in codes(tmp_path, "--links", "--select", "W")}


def test_plain_validate_is_quiet_about_links_and_snapshot_urls(tmp_path):
    found = codes(tmp_path)
    assert not any(c.startswith("W8") for c, _, _ in found)
    # the cited URL's tracking parameter is reported once, on url, not again on archiveurl
    assert [f for f in found if f[0] == "W316"] == [("W316", "b", "url")]
