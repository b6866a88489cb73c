"""One verdict per entry: route it (registry, page, nothing), look it up, compare."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Callable

from annobib.archive.urls import entry_url
from annobib.crossref import is_search_list
from annobib.verify import match
from annobib.verify import registries as reg
from annobib.verify.client import Answer, RegistryClient, RegistryOptions

VERDICTS = ("verified", "mismatch", "not-found", "not-checkable", "unreachable")
REGISTRY_TYPES = {
    "article",
    "book",
    "mvbook",
    "inbook",
    "bookinbook",
    "incollection",
    "collection",
    "mvcollection",
    "inproceedings",
    "proceedings",
    "mvproceedings",
    "thesis",
    "phdthesis",
    "mastersthesis",
    "report",
    "techreport",
    "periodical",
    "suppbook",
    "suppcollection",
    "suppperiodical",
    "reference",
    "inreference",
    "dataset",
}
PRESS = {"newspaper", "magazine"}  # articles no registry holds
ANSWERED = ("ok", "missing")  # a registry's answer about the work; "error" and "unreachable" are none


@dataclass
class Verdict:
    key: str
    verdict: str
    doi: str | None = None
    score: float | None = None
    source: str | None = None  # "crossref" | "openalex" | "page" | "archive"
    mismatches: list[dict] = field(default_factory=list)
    searched: list[str] = field(default_factory=list)
    detail: str = ""
    propose_doi: bool = False  # the entry has no DOI and the match is sure: --fix writes it
    record: object = None  # the registry Record (for --fix)
    offline: bool = False  # unreachable because no host could be reached at all (not in the JSON)

    def as_dict(self) -> dict:
        return {
            "key": self.key,
            "verdict": self.verdict,
            "doi": self.doi,
            "score": self.score,
            "source": self.source,
            "mismatches": self.mismatches,
            "searched": self.searched,
            "detail": self.detail,
            "propose_doi": self.propose_doi,
        }


def route(entry) -> str:
    """ "registry", "page" or "none" (not checkable)."""

    if entry.get("doi"):
        return "registry"
    kind = entry.type.lower()
    if kind in REGISTRY_TYPES and (entry.get("entrysubtype") or "").lower() not in PRESS and entry.get("title"):
        return "registry"
    return "page" if entry_url(entry) else "none"


class Verifier:
    def __init__(self, client: RegistryClient, options: RegistryOptions, pages=None):
        self.client = client
        self.options = options
        self.pages = pages

    async def verify(self, entry) -> Verdict:
        where = route(entry)
        if where == "registry":
            return await self.registry(entry)
        if where == "page" and self.pages is not None:
            return await self.pages.verify(entry)
        return Verdict(
            entry.key,
            "not-checkable",
            detail=f"no registry covers @{entry.type} without a DOI"
            + (" and it has no URL" if where == "none" else ""),
        )

    async def registry(self, entry) -> Verdict:
        c = match.cited(entry)
        searched: list[str] = []
        answers: list[Answer] = []
        # a malformed DOI (``10.1234/../../members/1``) is never put in a URL: a finding, and
        # the title search still runs
        bad_doi = reg.doi_problem(c.doi) if c.doi else None
        if bad_doi:
            searched.append(f"DOI {c.doi}: not looked up ({bad_doi})")
        elif c.doi:
            rec, by = await self._by_doi(c.doi, searched, answers)
            if rec is not None:
                return self._judge(entry.key, c, rec, True, searched)
        doi_errors = [a.detail for a in answers if a.kind == "error"]  # why the DOI found nothing
        if c.title:
            rec = await self._search(c, searched, answers)
            if rec is not None:
                verdict = self._judge(entry.key, c, rec, False, searched)
                if doi_errors and not bad_doi:
                    verdict.detail = f"DOI {c.doi} was not read ({doi_errors[-1]}); the work was found by its title"
                return verdict
        if answers and all(a.kind == "unreachable" for a in answers):
            return Verdict(entry.key, "unreachable", searched=searched, detail=answers[-1].detail, offline=True)
        if answers and not any(a.kind in ANSWERED for a in answers):
            # timeouts, 5xx, garbage: the registries were reached but said nothing about the work,
            # so there is no verdict on it (not "not-found"), and the network is not "offline"
            detail = f"no registry could answer ({answers[-1].detail})"
            return Verdict(entry.key, "unreachable", searched=searched, detail=detail)
        failed = [a for a in answers if a.kind in ("unreachable", "error")]
        doi_text = (
            f"DOI {c.doi} is malformed ({bad_doi}); " if bad_doi else f"DOI {c.doi} is unknown to the registries; "
        )
        detail = (doi_text if c.doi else "") + (
            "no record matches its title, authors and year" if c.title else "it has no title to search"
        )
        if failed:
            detail += f" ({len(failed)} lookup(s) failed: {failed[-1].detail})"
        return Verdict(entry.key, "not-found", searched=searched, detail=detail)

    async def _by_doi(self, doi: str, searched, answers):
        base = self.options
        for name, url, shrink, parse in (
            ("Crossref", reg.crossref_doi_url(base.crossref_url, doi), reg.shrink_crossref, reg.crossref_records),
            ("OpenAlex", reg.openalex_doi_url(base.openalex_url, doi), reg.shrink_openalex, reg.openalex_records),
        ):
            searched.append(f"{name}: DOI {doi}")
            answer = await self.client.get_json(url, shrink)
            answers.append(answer)
            if answer.kind == "ok" and is_search_list(answer.data):
                answers.append(Answer("error", detail=f"{name} answered DOI {doi} with a list, not the work"))
            elif answer.kind == "ok":
                records = parse(answer.data)
                if records and records[0].title:
                    return records[0], name
                if records:  # {"message": {}} or a title of nulls: nothing to compare, no evidence
                    answers.append(Answer("error", detail=f"{name}'s record for DOI {doi} has no title"))
        return None, None

    async def _search(self, c: match.Cited, searched, answers):
        base = self.options
        surnames = " ".join(n.family or n.raw for n in c.names[:3])
        query = " ".join(p for p in (c.title, surnames, c.year) if p)
        for name, url, shrink, parse in (
            ("Crossref", reg.crossref_search_url(base.crossref_url, query), reg.shrink_crossref, reg.crossref_records),
            (
                "OpenAlex",
                reg.openalex_search_url(base.openalex_url, c.title),
                reg.shrink_openalex,
                reg.openalex_records,
            ),
        ):
            searched.append(f"{name}: search {query if name == 'Crossref' else c.title!r}")
            answer = await self.client.get_json(url, shrink)
            answers.append(answer)
            if answer.kind != "ok":
                continue
            good = [r for r in parse(answer.data) if match.accepted(c, r)]
            if good:
                good.sort(key=lambda r: match.score(c, r), reverse=True)
                best = good[0]
                rivals = [
                    r
                    for r in good[1:]
                    if r.doi.lower() != best.doi.lower() and match.score(c, r) >= match.score(c, best) - 0.05
                ]
                best.unique = not rivals
                return best
        return None

    def _judge(self, key: str, c: match.Cited, rec, by_doi: bool, searched) -> Verdict:
        diffs = match.compare(c, rec, by_doi)
        source = rec.source
        verdict = Verdict(
            key,
            "mismatch" if diffs else "verified",
            doi=rec.doi or None,
            score=match.score(c, rec),
            source=source,
            mismatches=diffs,
            searched=searched,
            record=rec,
        )
        if c.doi and not by_doi:
            bad = reg.doi_problem(c.doi)
            verdict.detail = (
                f"DOI {c.doi} is malformed ({bad}), not looked up; the work was found by its title"
                if bad
                else f"DOI {c.doi} is unknown to Crossref and OpenAlex; the work was found by its title"
            )
        elif not c.doi and rec.doi and getattr(rec, "unique", True) and match.sure(c, rec):
            verdict.propose_doi = True
            verdict.detail = f"DOI {rec.doi} found (not in the entry)"
        elif not c.doi and rec.doi:
            verdict.detail = f"probably DOI {rec.doi} (not sure enough to write it)"
        return verdict


async def verify_entries(
    entries,
    options: RegistryOptions,
    transport=None,
    cache=None,
    pages=None,
    on_verdict: Callable[[Verdict], None] | None = None,
    workers: int | None = None,
) -> list[Verdict]:
    """Verdicts in the entries' order; ``on_verdict`` is called as each one is reached."""
    entries = list(entries)
    results: list[Verdict | None] = [None] * len(entries)
    queue = asyncio.Queue()
    for i in range(len(entries)):
        queue.put_nowait(i)
    async with RegistryClient(options, transport=transport, cache=cache) as client:
        verifier = Verifier(client, options, pages)

        async def work():
            while not queue.empty():
                i = queue.get_nowait()
                try:
                    v = await verifier.verify(entries[i])
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 - one entry's bug must not stop the run
                    v = Verdict(entries[i].key, "unreachable", detail=f"internal error: {type(exc).__name__}: {exc}")
                results[i] = v
                if on_verdict is not None:
                    on_verdict(v)

        n = workers or max(4, options.concurrency * 3)
        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(min(n, len(entries))):
                    group.create_task(work())
        finally:
            if pages is not None:
                await pages.aclose()
    return [r for r in results if r is not None]
