"""Where pandoc's citeproc with the usual CSL styles is wrong on this data, annobib is right.

One test per case from the styles note (§9). Each checks annobib's output; when pandoc and the
Debian CSL styles are installed it also runs pandoc on the same entry and checks that pandoc
still shows the fault (so the test documents a real difference, not a guess).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from annobib.bib import parse_library
from annobib.render import render
from annobib.styles import format_bibliography, format_entry

CSL = Path("/usr/share/citation-style-language/styles")


def pandoc(bib: str, style: str, tmp_path: Path) -> str | None:
    """pandoc --citeproc's plain-text list for ``bib`` with CSL ``style``; None when unavailable."""
    if not shutil.which("pandoc") or not (CSL / f"{style}.csl").exists():
        return None
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "doc.md").write_text('---\nnocite: "@*"\n---\n', encoding="utf-8")
    try:
        out = subprocess.run(
            [
                "pandoc",
                "doc.md",
                "--citeproc",
                "--bibliography",
                "refs.bib",
                "--csl",
                str(CSL / f"{style}.csl"),
                "-t",
                "plain",
                "--wrap=none",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout if out.returncode == 0 else None


ENGLISH_FOUR = r"""@article{desmarais1992,
  author = {Des Marais, D. J. and Strauss, H. and Summons, R. E. and Hayes, J. M.},
  title = {Carbon Isotope Evidence for the Stepwise Oxidation of the {Proterozoic} Environment},
  journaltitle = {Nature}, volume = {359}, pages = {605--609}, date = {1992}, langid = {english}}
"""
ORG = r"""@online{dod2025,
  author = {{U.S. Department of Defense}},
  title = {Hegseth Outlines U.S. Vision for Indo-Pacific, Addresses China Threat},
  date = {2025-05-30}, url = {https://www.defense.gov/a}, langid = {english}}
"""
MIXED = r"""@article{morrow1991, author = {Morrow, James D.}, title = {Alliances and Asymmetry},
  journaltitle = {American Journal of Political Science}, volume = {35}, number = {2}, pages = {904--933},
  date = {1991}, langid = {english}}
@article{zhao2024, author = {赵明昊}, title = {美国“印太”盟伴体系中的日本角色探析}, journaltitle = {日本学刊},
  number = {4}, date = {2024}, langid = {chinese}}
@article{liu2025, author = {刘琳}, title = {美菲“肩并肩 2025”}, journaltitle = {世界知识}, number = {10},
  pages = {25--27}, date = {2025}, langid = {chinese}}
@article{wang2025, author = {王帆}, title = {特朗普第二任期对外政策前瞻}, journaltitle = {现代国际关系},
  number = {1}, date = {2025}, langid = {chinese}}
"""
PROPER = r"""@article{davidson2025, author = {Davidson, Helen},
  title = {Pete Hegseth Calls on Asia to Boost Military Spending in Face of Threat from China},
  journaltitle = {The Guardian}, entrysubtype = {newspaper}, date = {2025-05-31},
  url = {https://www.theguardian.com/x}, langid = {english}}
"""
CHINESE = r"""@article{liu2025, author = {刘琳}, title = {美菲“肩并肩 2025”，美国新版“印太战略”现端倪},
  journaltitle = {世界知识}, number = {10}, pages = {25--27}, date = {2025}, langid = {chinese}}
"""


def one(bib: str, **kw) -> str:
    lib = parse_library(bib)
    return render(format_entry(lib.entries[0], **kw), "text")


def test_et_al_after_english_authors_not_deng(tmp_path):
    for edition in ("2025", "2015"):
        text = one(ENGLISH_FOUR, edition=edition)
        assert "et al." in text and "等" not in text
    theirs = pandoc(ENGLISH_FOUR, "china-national-standard-gb-t-7714-2015-numeric", tmp_path)
    if theirs is not None:
        assert "等" in theirs


def test_organizations_never_capitalised(tmp_path):
    assert one(ORG, edition="2015").startswith("U.S. Department of Defense. ")
    assert one(ORG, edition="2025").startswith("U.S. Department of Defense. ")
    theirs = pandoc(ORG, "china-national-standard-gb-t-7714-2015-numeric", tmp_path)
    if theirs is not None:
        assert "U.S. DEPARTMENT OF DEFENSE" in theirs


def test_author_date_language_groups_and_pinyin_order(tmp_path):
    lib = parse_library(MIXED)
    keys = [r.key for r in format_bibliography(lib.entries, "gbt7714", "2015", "author-date")]
    # Chinese first, by pinyin: Liu < Wang < Zhao (code point order would be 刘 王 赵 = same here,
    # so the Western entry placement is the discriminating part), then Western
    assert keys == ["liu2025", "wang2025", "zhao2024", "morrow1991"]
    theirs = pandoc(MIXED, "china-national-standard-gb-t-7714-2015-author-date", tmp_path)
    if theirs is not None:
        lines = [ln for ln in theirs.splitlines() if ln.strip()]
        assert lines[0].startswith("MORROW")  # Western first


def test_pinyin_not_code_point():
    bib = r"""@book{a, author = {赵明昊}, title = {甲}, date = {2020}, langid = {chinese}}
@book{b, author = {安刚}, title = {乙}, date = {2020}, langid = {chinese}}
@book{c, author = {韩献栋}, title = {丙}, date = {2020}, langid = {chinese}}"""
    lib = parse_library(bib)
    keys = [r.key for r in format_bibliography(lib.entries, "gbt7714", "2025", "author-date")]
    assert keys == ["b", "c", "a"]  # An < Han < Zhao; code points would give 安(5B89) 赵(8D75) 韩(97E9)


def test_apa_sentence_case_keeps_proper_nouns(tmp_path):
    text = one(PROPER, style="apa")
    assert "Pete Hegseth calls on Asia to boost military spending in face of threat from China." in text
    theirs = pandoc(PROPER, "apa", tmp_path)
    if theirs is not None:
        assert "asia" in theirs and "china" in theirs


def test_apa_romanizes_chinese(tmp_path):
    text = one(CHINESE, style="apa")
    assert text.startswith("Liu, L. (2025). ")
    assert "刘琳" not in text and "世界知识" not in text
    theirs = pandoc(CHINESE, "apa", tmp_path)
    if theirs is not None:
        assert "刘琳" in theirs


def test_issue_only_chinese_journal_is_not_a_volume(tmp_path):
    apa = one(CHINESE, style="apa")
    assert apa.endswith("Shijie Zhishi, (10), 25–27.")
    rt = format_entry(parse_library(CHINESE).entries[0], style="apa")
    assert not any(r.italic and r.text == "10" for r in rt.runs)  # an issue is roman, a volume italic
    assert one(CHINESE).endswith("世界知识，2025（10）：25-27.")
    theirs = pandoc(CHINESE, "apa", tmp_path)
    if theirs is not None:
        assert "世界知识, 10, 25–27" in theirs
