"""Titles that fold alike name one work only when nothing tells the two apart: two entries
whose DOIs (or volumes, numbers, pages) both given differ are two works, and both come in."""

from __future__ import annotations

import json

from conftest import run_cli

from annobib.bib import read_library

LIB = "@article{smith2020a, title={A {B} C}, author={Smith, J}, year={2020}, doi={10.1/x}, pages={1--10}}\n"
SRC = """\
@article{dash, title={a -- b --- c}, author={Smith, J}, year={2020}, doi={10.1/y}, pages={30--40}}
@article{nodoi, title={A B C}, author={Smith, J}, year={2020}}
@article{pages, title={A B C}, author={Smith, J}, year={2020}, pages={11--20}}
@article{samepages, title={A B C}, author={Smith, J}, year={2020}, pages={1–10}}
@article{vol, title={Annual report}, author={Board}, year={2020}, volume={1}}
@article{vol2, title={Annual report}, author={Board}, year={2020}, volume={2}}
@article{vol2again, title={Annual Report}, author={Board}, year={2020}, volume={2}, note={again}}
@article{smith2020a, title={a -- b --- c}, author={Smith, J}, year={2020}, doi={10.1/z}, pages={50--60}}
"""


def test_different_dois_or_pages_are_different_works(tmp_path):
    bib, src = tmp_path / "lib.bib", tmp_path / "in.bib"
    bib.write_text(LIB, encoding="utf-8")
    src.write_text(SRC, encoding="utf-8")
    r = run_cli(["--bib", str(bib), "import", str(src), "--json"])
    assert r.exit_code == 0, r.stderr
    status = {i["source_key"]: (i["status"], i["key"]) for i in json.loads(r.stdout)["items"]}
    assert status["dash"] == ("added", "dash")  # A {B} C and a -- b --- c fold alike: DOIs differ
    assert status["nodoi"] == ("duplicate", "smith2020a")  # nothing tells them apart
    assert status["pages"] == ("added", "pages")
    assert status["samepages"] == ("duplicate", "smith2020a")  # 1–10 is 1--10
    assert status["vol"][0] == status["vol2"][0] == "added"
    assert status["vol2again"] == ("duplicate", "vol2")
    assert status["smith2020a"] == ("renamed", "smith2020aa")  # same key and title, another DOI
    assert len(read_library(bib).entries) == 6


def test_many_works_of_one_title_are_checked_in_linear_time():
    from conftest import best_cpu

    from annobib.dedupe import DuplicateIndex
    from annobib.model import Entry

    def run(n):
        works = [Entry(f"k{i}", "article", {"title": "Report", "year": "2020", "doi": f"10.1/{i}"}) for i in range(n)]

        def go():
            index = DuplicateIndex()
            for e in works:
                assert not index.find(e)
                index.add(e)

        return go

    small, big = best_cpu(run(500)), best_cpu(run(2000))
    assert big < 8 * small + 0.05, (small, big)
