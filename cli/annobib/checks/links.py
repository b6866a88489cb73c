"""Link rules (W801-W803): what ``check-links`` and ``archive`` found, read from the state file they
keep beside the bibliography (offline). They need the link state (``needs=("links",)``), which the
validate session loads for ``--links`` or when a link rule is selected by name or code; plain
``validate`` skips them. The link policy itself (what counts as dead, fresh, archived) is
:mod:`annobib.archive.state`'s."""

from __future__ import annotations

from annobib.archive.state import link_warnings
from annobib.checks.base import rule


def _warning(e, name: str):
    """The message of link warning ``name`` for entry ``e``, or None."""

    for _, found, message in link_warnings([e]):
        if found == name:
            return message
    return None


def _link_rule(code: str, name: str, summary: str, bad: str, good: str):
    @rule(code, name, "links", summary, needs=("links",), bad=bad, good=good)
    def check(R, e, ctx):
        message = _warning(e, name)
        return [R.finding(e, e.field_name("url") or "url", message)] if message else None

    return check


link_unchecked = _link_rule(
    "W801",
    "link-unchecked",
    "The URL was never checked (run `annobib check-links KEY`).",
    "url = {https://example.org/report} (no check-links run)",
    "url = {https://example.org/report} (checked: ok)",
)
link_dead_unarchived = _link_rule(
    "W802",
    "link-dead-unarchived",
    "The URL is dead and has no archived snapshot (run `annobib archive KEY`).",
    "url = {https://example.org/gone} (404 on the last check, no archiveurl)",
    "url = {https://example.org/gone}, archiveurl = {https://web.archive.org/web/2025/…}",
)
link_not_http = _link_rule(
    "W803",
    "link-not-http",
    "The URL is not http(s), so it cannot be checked or archived.",
    "url = {ftp://example.org/data.csv}",
    "url = {https://example.org/data.csv}",
)
