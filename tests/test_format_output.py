"""Output beyond text: the terminal wrapped at word boundaries, Word files through pandoc."""

from __future__ import annotations

import re
import zipfile

import pytest

from conftest import run_cli
from test_manuscript_pandoc import ARTICLE, _pandoc

REF = (
    "[12] Morrow J D. Alliances and asymmetry：an alternative to the capability aggregation model of "
    "alliances[J]. American Journal of Political Science，1991，35（2）：904-933. 刘琳. 美菲“肩并肩 2025”，"
    "美国新版“印太战略”现端倪[J]. 世界知识，2025（10）：25-27. https://example.org/a/long/path/that/never/breaks"
)


@pytest.mark.skipif(_pandoc() is None, reason="no pandoc (pip install pypandoc-binary)")
def test_a_word_file_through_pandoc(tmp_path):
    out = tmp_path / "refs.docx"
    r = run_cli(["--bib", str(ARTICLE), "format", "liu2025meifei", "morrow1991alliances", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml))
    assert "刘琳. 美菲“肩并肩 2025”" in text and "Morrow J D." in text
    r = run_cli(["--bib", str(ARTICLE), "format", "--to", "docx"])
    assert r.exit_code == 2 and "-o" in r.stderr


def test_a_word_file_without_pandoc_says_so(tmp_path, monkeypatch):
    import annobib.manuscript.pandoc as bridge

    monkeypatch.setattr(bridge, "find_pandoc", lambda: None)
    out = tmp_path / "refs.docx"
    r = run_cli(["--bib", str(ARTICLE), "format", "liu2025meifei", "-o", str(out)])
    assert r.exit_code == 2 and "needs pandoc, which is not installed" in r.stderr and not out.exists()
