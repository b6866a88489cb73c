"""Round 10, F6 (security): a DOI never takes a registry request outside ``/works/``.

``10.1234/../../../members/98765`` used to request ``<crossref>/members/98765``: the URL library
resolves ``..`` segments. Such a DOI is now a finding (verify, validate E309) and no request; a
well-formed DOI is requested at exactly ``/works/{doi}`` and ``/works/doi:{doi}``."""

from __future__ import annotations

import json

import httpx
import pytest

from annobib.crossref import doi_problem, lookup_doi
from annobib.errors import InputError
from annobib.verify import registries as reg
from conftest import run_cli
import verify_fake

BAD = [
    "10.1234/../../../members/98765",
    "10.1/../../etc/passwd",
    "10.1234/a/./b",
    "10.1234/..",
    "10.1234/%2e%2e/%2E%2e/members/1",
    "10.1234/a\x1bb",
    "10.1234/a b",
    "10.1234/a\x85b",
    "11.1234/x",
    "members/1",
    "",
]
GOOD = [
    "10.2307/2111499",
    "10.1000.10/abc",
    "10.1234/..a/b..",
    "10.1234/a.b",
    "10.1002/(SICI)1097-4636(199704)35:1<1::AID-JBM1>3.0.CO;2-#",
]


@pytest.mark.parametrize("doi", BAD)
def test_a_malformed_doi_is_refused_before_any_url(doi):
    assert doi_problem(doi)
    for build in (reg.crossref_doi_url, reg.openalex_doi_url):
        with pytest.raises(ValueError):
            build("http://registry.test", doi)


@pytest.mark.parametrize("doi", GOOD)
def test_well_formed_dois_stay_under_works(doi):
    assert doi_problem(doi) is None
    for build, head in ((reg.crossref_doi_url, "/works/"), (reg.openalex_doi_url, "/works/doi:")):
        url = httpx.URL(build("http://registry.test", doi))
        assert url.path.startswith(head), url


BIB = r"""@article{t1,
  author       = {Morrow, James D.},
  title        = {Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances},
  journaltitle = {American Journal of Political Science},
  date         = {1991},
  volume       = {35},
  number       = {4},
  pages        = {904-933},
  doi          = {10.1234/../../../members/98765},
}
@article{t2,
  author       = {Walt, Stephen M.},
  title        = {Alliance Formation and the Balance of World Power},
  journaltitle = {International Security},
  date         = {1985},
  doi          = {10.2307/2538540},
}
@article{t3,
  author       = {Nobody, A.},
  title        = {Zzz Qqq Www},
  date         = {2001},
  doi          = {10.1/../../etc/passwd},
}
"""


@pytest.fixture
def world(monkeypatch, tmp_path):
    return verify_fake.world(monkeypatch, tmp_path, BIB)


def test_verify_requests_exactly_works_paths_and_reports_the_bad_doi(world):
    fake, bib, env = world
    r = run_cli(["--bib", str(bib), "verify", "--json"], env=env)
    assert r.exit_code == 1, r.stderr
    paths = [(req.url.host, req.url.raw_path.decode().split("?")[0]) for req in fake.log]
    # the good DOI: exactly the two documented work endpoints
    assert ("crossref.test", "/works/10.2307/2538540") in paths
    # nothing else but /works/… and the /works search endpoint, on either host
    for host, path in paths:
        assert path == "/works" or path.startswith("/works/"), (host, path)
        assert "members" not in path and "etc" not in path and ".." not in path, path
    assert not any("98765" in p or "passwd" in p for _, p in paths)
    rows = {row["key"]: row for row in json.loads(r.stdout)}
    # t1's title still finds the work: its DOI differs (a mismatch), and the detail says why
    assert "malformed" in rows["t1"]["detail"] and "not looked up" in rows["t1"]["detail"]
    assert rows["t3"]["verdict"] == "not-found" and "malformed" in rows["t3"]["detail"]
    assert any("not looked up" in s for s in rows["t3"]["searched"])


def test_add_refuses_a_traversing_doi_without_a_request(monkeypatch):
    seen = []

    def handler(request):
        seen.append(request.url)
        return httpx.Response(404)

    monkeypatch.setenv("ANNOBIB_CROSSREF_URL", "http://crossref.test")
    for doi in ("10.1234/../../members/1", "https://doi.org/10.1234/%2e%2e/members/1"):
        with pytest.raises(InputError, match="not a DOI"):
            lookup_doi(doi, transport=httpx.MockTransport(handler))
    assert seen == []


def test_validate_flags_a_traversing_doi(tmp_path):
    bib = tmp_path / "d.bib"
    bib.write_text(
        "@misc{a, title={A}, date={2020}, doi={10.1234/../../../members/98765}}\n"
        "@misc{b, title={B}, date={2020}, doi={10.1234/%2E%2E/x}}\n"
        "@misc{c, title={C}, date={2020}, doi={10.2307/2111499}}\n",
        encoding="utf-8",
    )
    r = run_cli(["--bib", str(bib), "validate", "--select", "E309", "--format", "json"])
    found = json.loads(r.stdout)
    findings = found["findings"] if isinstance(found, dict) else found
    assert sorted(f["key"] for f in findings if f["code"] == "E309") == ["a", "b"], findings
    assert r.exit_code == 1
