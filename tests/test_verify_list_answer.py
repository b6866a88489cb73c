"""Hostile round 13: a DOI look-up answered with a search list (Crossref's
``{"message": {"items": [...]}}``, OpenAlex's ``{"results": [...]}``) was read as its first item
and shown as a DOI mismatch. A list where one work was asked for is an error of the look-up,
never a record to compare (httpx.MockTransport: nothing leaves the machine)."""

from __future__ import annotations

import json

import httpx
import pytest

import verify_fake
from annobib.crossref import CrossrefError, lookup_doi
from conftest import run_cli

BIB = r"""@article{walt,
  author       = {Walt, Stephen M.},
  title        = {Alliance Formation and the Balance of World Power},
  journaltitle = {International Security},
  date         = {1985},
  volume       = {9},
  number       = {4},
  pages        = {3-43},
  doi          = {10.2307/2538540},
}
"""
# what a lying registry lists first: another work, with another DOI
OTHER = verify_fake.MORROW


class ListingWorld(verify_fake.FakeWorld):
    """Each DOI look-up is answered with a list; ``searches`` says whether title searches find
    the work (else they find nothing)."""

    def __init__(self, searches: bool, openalex_lists: bool = True):
        super().__init__()
        self.searches = searches
        self.openalex_lists = openalex_lists

    def crossref(self, request):
        if request.url.path.startswith("/works/"):
            return self._json({"status": "ok", "message": {"items": [OTHER, verify_fake.WALT]}})
        return super().crossref(request) if self.searches else self._json({"message": {"items": []}})

    def openalex(self, request):
        if request.url.path.startswith("/works/doi:") and self.openalex_lists:
            return self._json({"results": [{"doi": "https://doi.org/10.2307/2111499", "title": OTHER["title"][0]}]})
        if request.url.path.startswith("/works/doi:"):
            return self._json({"error": "not found"}, 404)
        return self._json({"results": []})


def _verify(monkeypatch, tmp_path, world):
    import annobib.commands.verify as cmd

    _, bib, env = verify_fake.world(monkeypatch, tmp_path, BIB)
    monkeypatch.setattr(cmd, "_transport", world.transport)
    r = run_cli(["--bib", str(bib), "verify", "--json"], env=env)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    (row,) = json.loads(r.stdout)
    return row


def test_a_list_for_a_doi_is_an_error_not_a_mismatch(monkeypatch, tmp_path):
    row = _verify(monkeypatch, tmp_path, ListingWorld(searches=False))
    assert row["verdict"] == "not-found" and row["mismatches"] == [], row
    assert "with a list, not the work" in row["detail"], row
    assert "2111499" not in json.dumps(row)  # the listed work is never offered


@pytest.mark.parametrize("openalex_lists", [True, False])
def test_the_title_search_still_finds_the_work_and_says_why_the_doi_did_not(monkeypatch, tmp_path, openalex_lists):
    row = _verify(monkeypatch, tmp_path, ListingWorld(searches=True, openalex_lists=openalex_lists))
    assert row["verdict"] == "verified" and row["doi"] == "10.2307/2538540", row
    assert "with a list, not the work" in row["detail"] and "found by its title" in row["detail"], row


def test_add_refuses_a_list_for_a_doi(monkeypatch):
    def handler(request):
        return httpx.Response(200, json={"status": "ok", "message": {"items": [OTHER]}})

    monkeypatch.setenv("ANNOBIB_CROSSREF_URL", "http://crossref.test")
    with pytest.raises(CrossrefError, match="with a list, not the work"):
        lookup_doi("10.2307/2538540", transport=httpx.MockTransport(handler))
