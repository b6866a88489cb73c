"""annobib verify against a fake Crossref/OpenAlex/web (httpx.MockTransport): verdicts, output, exit codes."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
import verify_fake

BIB = r"""@article{morrow1991alliances,
  author       = {Morrow, James D.},
  title        = {Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances},
  journaltitle = {American Journal of Political Science},
  date         = {1991},
  volume       = {35},
  number       = {2},
  pages        = {904-933},
  doi          = {10.2307/2111499},
}
@article{walt1985,
  author       = {Walt, Stephen M.},
  title        = {Alliance Formation and the Balance of World Power},
  journaltitle = {International Security},
  date         = {1985},
  volume       = {9},
  number       = {4},
  pages        = {3--43},
}
@article{kuik2016,
  author       = {Kuik, Cheng-Chwee},
  title        = {Hedging in Southeast Asia},
  journaltitle = {Contemporary Southeast Asia},
  date         = {2016},
  volume       = {38},
  number       = {1},
  pages        = {500-540},
  doi          = {10.1000/pair.1},
}
@article{invented2023,
  author       = {Doe, Jane},
  title        = {Quantum Diplomacy among Lunar Colonies},
  journaltitle = {Journal of Imaginary Studies},
  date         = {2023},
  volume       = {1},
  number       = {1},
  pages        = {1-10},
}
@article{baddoi,
  author       = {Walt, Stephen M.},
  title        = {Alliance Formation and the Balance of World Power},
  journaltitle = {International Security},
  date         = {1985},
  doi          = {10.9999/does.not.exist},
}
@article{liu2019,
  author       = {刘琳},
  title        = {东南亚国家的对冲战略},
  journaltitle = {国际政治科学},
  date         = {2019},
  langid       = {chinese},
}
@online{page,
  title        = {Joint Statement on the Alliance},
  organization = {Ministry},
  date         = {2024-03-05},
  url          = {http://web.test/statement},
}
@online{gone,
  title        = {An Old Press Release},
  date         = {2019-01-01},
  url          = {http://web.test/gone},
}
@legislation{law,
  title        = {Some Act},
  date         = {2001},
}
"""

PAGES = {
    "http://web.test/statement": "<html><head><title>Joint Statement on the Alliance | Ministry</title>"
    '<meta property="article:published_time" content="2024-03-05T09:00:00+08:00">'
    "</head><body>" + "text " * 400 + "</body></html>",
    "http://web.test/gone": "<html><head><title>Page not found</title></head><body>Sorry</body></html>",
}


@pytest.fixture
def world(monkeypatch, tmp_path):
    return verify_fake.world(monkeypatch, tmp_path, BIB, pages=PAGES)


def _json(r):
    return {row["key"]: row for row in json.loads(r.stdout)}


def test_verdicts_for_a_mixed_bibliography(world):
    fake, bib, env = world
    r = run_cli(["--bib", str(bib), "verify", "--json"], env=env)
    assert r.exit_code == 1, r.stderr
    rows = _json(r)
    for row in rows.values():
        assert set(row) >= {"key", "verdict", "doi", "score", "source", "mismatches"}
    # the seed's real defect: Morrow 1991 is No. 4, not No. 2
    morrow = rows["morrow1991alliances"]
    assert morrow["verdict"] == "mismatch" and morrow["source"] == "crossref"
    assert morrow["mismatches"] == [{"field": "number", "entry": "2", "registry": "4"}]
    assert morrow["doi"] == "10.2307/2111499"
    # no DOI in the entry: verified by search, the DOI proposed
    walt = rows["walt1985"]
    assert (walt["verdict"], walt["doi"], walt["propose_doi"]) == ("verified", "10.2307/2538540", True)
    assert walt["score"] >= 0.95
    # a missing co-author; pages where the registry gives the first page only are no mismatch
    kuik = rows["kuik2016"]
    assert [m["field"] for m in kuik["mismatches"]] == ["author"]
    assert "Tan" in kuik["mismatches"][0]["registry"]
    assert rows["invented2023"]["verdict"] == "not-found"
    assert any("Crossref" in s for s in rows["invented2023"]["searched"])
    assert any("OpenAlex" in s for s in rows["invented2023"]["searched"])
    # a DOI that does not exist: the work is found by title, the DOI flagged
    bad = rows["baddoi"]
    assert (
        bad["verdict"] == "mismatch"
        and {"field": "doi", "entry": "10.9999/does.not.exist", "registry": "10.2307/2538540"} in bad["mismatches"]
    )
    assert rows["liu2019"]["verdict"] in ("not-found", "not-checkable")
    assert rows["page"]["verdict"] == "verified" and rows["page"]["source"] == "page"
    assert rows["gone"]["verdict"] == "not-found"
    assert rows["law"]["verdict"] == "not-checkable"
    agents = {req.headers["user-agent"] for req in fake.log if req.url.host.endswith("crossref.test")}
    assert agents and all("mailto:ed@example.org" in a for a in agents)


def test_second_run_is_served_from_the_cache(world):
    fake, bib, env = world
    first = _json(run_cli(["--bib", str(bib), "verify", "--json"], env=env))
    before = len(fake.log)
    r = run_cli(["--bib", str(bib), "verify", "--json"], env=env)
    assert len(fake.log) == before  # registries and pages: every answer came from the cache
    again = _json(r)
    assert {k: v["verdict"] for k, v in again.items()} == {k: v["verdict"] for k, v in first.items()}
    run_cli(["--bib", str(bib), "verify", "--refresh", "--json", "morrow1991alliances"], env=env)
    assert len(fake.log) == before + 1


def test_table_and_github_output(world):
    fake, bib, env = world
    r = run_cli(["--bib", str(bib), "verify", "morrow1991alliances", "walt1985", "law"], env=env)
    assert r.exit_code == 1
    assert "mismatch" in r.stdout and "number: 2 → 4 (registry)" in r.stdout and "not-checkable" in r.stdout
    r = run_cli(["--bib", str(bib), "verify", "--format", "github", "morrow1991alliances"], env=env)
    line = [ln for ln in r.stdout.splitlines() if ln.startswith("::")]
    assert line and line[0].startswith("::error file=") and "line=1" in line[0] and "number" in line[0]
    r = run_cli(["--bib", str(bib), "verify", "walt1985"], env=env)
    assert r.exit_code == 0


def test_offline_says_so_once_and_exits_2(world):
    fake, bib, env = world
    fake.down.add("*")
    r = run_cli(["--bib", str(bib), "verify"], env=env)
    assert r.exit_code == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "offline" in r.stderr
    assert not list((bib.parent / "cache").rglob("*verify*"))  # no cache file at all
    assert bib.read_text(encoding="utf-8") == BIB
    fake.down.clear()
    before = len(fake.log)
    run_cli(["--bib", str(bib), "verify", "--json", "morrow1991alliances"], env=env)
    assert len(fake.log) > before  # nothing learned offline was cached


def test_unknown_key_is_exit_2(world):
    _, bib, env = world
    r = run_cli(["--bib", str(bib), "verify", "nosuchkey"], env=env)
    assert r.exit_code == 2 and "nosuchkey" in r.stderr


def test_fix_dry_run_shows_the_diff_and_fix_writes_only_what_is_sure(world):
    fake, bib, env = world
    before = bib.read_text(encoding="utf-8")
    r = run_cli(
        ["--bib", str(bib), "verify", "--fix", "--dry-run", "morrow1991alliances", "walt1985", "kuik2016"], env=env
    )
    assert bib.read_text(encoding="utf-8") == before
    assert "-  number       = {2}," in r.stdout and "+  number       = {4}," in r.stdout
    assert "+  doi" in r.stdout and "10.2307/2538540" in r.stdout
    r = run_cli(["--bib", str(bib), "verify", "--fix", "--json"], env=env)
    fixed = {row["key"]: row["fixed"] for row in json.loads(r.stdout)}
    assert fixed["morrow1991alliances"] == [{"field": "number", "old": "2", "new": "4"}]
    assert fixed["invented2023"] == []
    from annobib.bib import read_library

    lib = read_library(bib)
    assert lib.get("morrow1991alliances").fields["number"] == "4"
    assert lib.get("walt1985").fields["doi"] == "10.2307/2538540"
    assert list(lib.get("walt1985").fields)[-1] == "doi"
    assert lib.get("kuik2016").fields["author"] == "Kuik, Cheng-Chwee"  # authors are never rewritten
    assert "doi" not in lib.get("invented2023").fields
    assert lib.get("baddoi").fields["doi"] == "10.9999/does.not.exist"  # not sure which is right: left alone
    assert lib.get("liu2019").fields["title"] == "东南亚国家的对冲战略"
    r = run_cli(["--bib", str(bib), "verify", "--json", "morrow1991alliances", "walt1985"], env=env)
    assert {row["verdict"] for row in json.loads(r.stdout)} == {"verified"}


def test_dry_run_without_fix_is_a_usage_error(world):
    _, bib, env = world
    r = run_cli(["--bib", str(bib), "verify", "--dry-run"], env=env)
    assert r.exit_code == 2 and "--fix" in r.stderr


def test_validate_online_gives_rule_codes(world):
    fake, bib, env = world
    r = run_cli(["--bib", str(bib), "validate", "--online", "--json"], env=env)
    assert r.exit_code == 1, r.stderr
    found = {(f["code"], f["key"], f["field"]) for f in json.loads(r.stdout)["findings"] if f["code"][1] == "9"}
    assert ("E901", "morrow1991alliances", "number") in found
    assert ("W902", "invented2023", None) in found
    assert ("I903", "walt1985", "doi") in found
    assert not any(key == "page" for _, key, _ in found)  # verified: nothing to say
    morrow = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "E901" and f["key"] == "morrow1991alliances"]
    assert "'4'" in morrow[0]["message"]
    plain = run_cli(["--bib", str(bib), "validate", "--json"], env=env)
    assert not any(f["code"].startswith(("E90", "W90", "I90")) for f in json.loads(plain.stdout)["findings"])


def test_fix_rereads_under_the_lock_and_keeps_what_others_wrote(world, monkeypatch):
    import annobib.commands.verify as cmd

    fake, bib, env = world
    edited = []

    def handler(request):
        if not edited:  # another program edits the file while verify asks the registries
            edited.append(1)
            text = bib.read_text(encoding="utf-8").replace(
                "Alliance Formation and the Balance of World Power},\n"
                "  journaltitle = {International Security},\n  date         = {1985},\n  volume",
                "Alliance Formation and the Balance of World Power},\n"
                "  journaltitle = {International Security},\n  date         = {1985},\n  note = {edited},\n  volume",
            )
            bib.write_text(text + "@misc{newone, title = {Added meanwhile}}\n", encoding="utf-8")
        return fake.handle(request)

    import httpx

    monkeypatch.setattr(cmd, "_transport", lambda: httpx.MockTransport(handler))
    r = run_cli(["--bib", str(bib), "verify", "--fix", "morrow1991alliances", "walt1985"], env=env)
    assert "walt1985: changed since it was read" in r.stderr
    from annobib.bib import read_library

    lib = read_library(bib)
    assert lib.get("morrow1991alliances").fields["number"] == "4"
    assert "doi" not in lib.get("walt1985").fields and lib.get("walt1985").fields["note"] == "edited"
    assert lib.get("newone") is not None
