"""docs/extract-genres.md lists the rows of the genre table, in the order they are tried."""

import re
from pathlib import Path

from annobib.extract.fields import GENRES

DOC = Path(__file__).resolve().parents[1] / "docs" / "extract-genres.md"


def test_the_docs_table_names_every_row_in_order():
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| row | trigger | builder |") : text.index("The order matters:")]
    documented = re.findall(r"^\| `([a-z0-9-]+)` \|", table, flags=re.M)
    assert documented == [g.name for g in GENRES]
