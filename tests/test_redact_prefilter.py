"""``redact`` skips its credential patterns on a line that holds none of their words ("auth",
"key" case-blind, "LOW", "://"): the skip must never let a credential through, whatever the case
or Unicode look-alikes (the Kelvin sign folds to "k", the long s to "s")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annobib.core import sanitize
from annobib.core.sanitize import REDACTED, redact


def _every_pattern(text: str) -> str:
    for rx, repl in sanitize._PATTERNS:
        text = rx.sub(repl, text)
    return text


PIECES = st.sampled_from(
    [
        "Authorization",
        "AUTH",
        "authorization: ",
        "Bearer abc",
        "access_key",
        "SECRET-KEY",
        "\u212aey",
        "ſecret",
        "=",
        ":",
        '"',
        " ",
        "LOW ",
        "low ",
        "a:b",
        "https://",
        "u:pw@",
        "host",
        "ia_",
        "x",
        "\n",
        "é",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_the_skip_changes_nothing(text):
    assert redact(text) == _every_pattern(text)


def test_credentials_of_every_shape_are_still_redacted():
    for text in (
        "Authorization: Bearer abc123",
        "access_key=AKIA1234",
        "LOW ab:cd",
        "https://u:pw@host/x",
        "secret\u212aey=zz",
    ):
        assert REDACTED in redact(text), text
