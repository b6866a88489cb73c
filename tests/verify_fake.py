"""A fake Crossref + OpenAlex + web (httpx.MockTransport) for the verify tests: no internet."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

CROSSREF = "http://crossref.test"
OPENALEX = "http://openalex.test"


def work(doi, title, authors, year, journal, volume, issue, page, subtitle=None):
    m = {
        "DOI": doi,
        "title": [title],
        "author": [{"family": f, "given": g} for f, g in authors],
        "issued": {"date-parts": [[year]]},
        "published-print": {"date-parts": [[year]]},
        "container-title": [journal],
        "volume": volume,
        "issue": issue,
        "page": page,
        "type": "journal-article",
    }
    if subtitle:
        m["subtitle"] = [subtitle]
    return m


MORROW = work(
    "10.2307/2111499",
    "Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances",
    [("Morrow", "James D.")],
    1991,
    "American Journal of Political Science",
    "35",
    "4",
    "904-933",
)
WALT = work(
    "10.2307/2538540",
    "Alliance Formation and the Balance of World Power",
    [("Walt", "Stephen M.")],
    1985,
    "International Security",
    "9",
    "4",
    "3-43",
)
PAIR = work(
    "10.1000/pair.1",
    "Hedging in Southeast Asia",
    [("Kuik", "Cheng-Chwee"), ("Tan", "See Seng")],
    2016,
    "Contemporary Southeast Asia",
    "38",
    "1",
    "500",
)
CROSSREF_WORKS = [MORROW, WALT, PAIR]
OPENALEX_WORKS = [
    {
        "doi": "https://doi.org/10.9999/cn.1",
        "title": "美国的联盟战略",
        "publication_year": 2020,
        "authorships": [{"author": {"display_name": "Liu Lin"}}],
        "biblio": {"volume": "5", "issue": "2", "first_page": "1", "last_page": "20"},
    }
]


def _words(text):
    return set(re.findall(r"\w+", text.lower()))


class FakeWorld:
    """Registries and pages; ``log`` keeps every request, ``headers`` are sent with each answer."""

    def __init__(self, pages=None, rate_headers=None, down=()):
        self.pages = pages or {}
        self.log: list[httpx.Request] = []
        self.headers = rate_headers or {"X-Rate-Limit-Limit": "1000", "X-Rate-Limit-Interval": "1s"}
        self.down = set(down)  # hosts that refuse connections

    def transport(self):
        return httpx.MockTransport(self.handle)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.log.append(request)
        host = request.url.host
        if host in self.down or "*" in self.down:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        if host == "crossref.test":
            return self.crossref(request)
        if host == "openalex.test":
            return self.openalex(request)
        page = self.pages.get(str(request.url))
        if page is None:
            return httpx.Response(404, text="<title>404 Not Found</title>")
        return httpx.Response(200, text=page, headers={"content-type": "text/html; charset=utf-8"})

    def _json(self, data, status=200):
        return httpx.Response(status, content=json.dumps(data).encode(), headers=self.headers)

    def crossref(self, request):
        path = unquote(request.url.path)
        if path.startswith("/works/"):
            doi = path[len("/works/") :].lower()
            for w in CROSSREF_WORKS:
                if w["DOI"].lower() == doi:
                    return self._json({"status": "ok", "message": w})
            return httpx.Response(404, text="Resource not found.", headers=self.headers)
        query = parse_qs(urlsplit(str(request.url)).query).get("query.bibliographic", [""])[0]
        scored = sorted(CROSSREF_WORKS, key=lambda w: -len(_words(query) & _words(w["title"][0])))
        items = [w for w in scored if len(_words(query) & _words(w["title"][0])) >= 2]
        return self._json({"status": "ok", "message": {"items": items or scored[:1]}})

    def openalex(self, request):
        path = unquote(request.url.path)
        if path.startswith("/works/doi:"):
            doi = path[len("/works/doi:") :].lower()
            for w in OPENALEX_WORKS:
                if w["doi"].lower().endswith(doi):
                    return self._json(w)
            return self._json({"error": "not found"}, 404)
        search = parse_qs(urlsplit(str(request.url)).query).get("search", [""])[0]
        hits = [w for w in OPENALEX_WORKS if search and (search in w["title"] or w["title"] in search)]
        return self._json({"results": hits})


class RateLimitedCrossref:
    """Crossref's /works/{doi} for ``10.5555/bench.N``, advertising ``limit`` requests a second and
    answering 429 to any request past it in a sliding second (served on 127.0.0.1 in tests)."""

    def __init__(self, limit: int = 20):
        import threading
        import time

        self.limit = limit
        self.stamps: list[float] = []
        self.served = 0
        self.too_many = 0
        self.lock = threading.Lock()
        self.clock = time.monotonic

    def handle(self, request: httpx.Request) -> httpx.Response:
        headers = {
            "X-Rate-Limit-Limit": str(self.limit),
            "X-Rate-Limit-Interval": "1s",
            "content-type": "application/json",
        }
        with self.lock:
            now = self.clock()
            self.stamps = [t for t in self.stamps if now - t < 1.0]
            if len(self.stamps) >= self.limit:
                self.too_many += 1
                return httpx.Response(429, headers={**headers, "Retry-After": "1"})
            self.stamps.append(now)
            self.served += 1
        n = unquote(request.url.path).rsplit(".", 1)[-1]
        title = f"Benchmark Article Number {n} on Alliance Politics"
        return httpx.Response(
            200,
            content=json.dumps(
                {"message": work(f"10.5555/bench.{n}", title, [("Author", "Ann")], 2020, "Journal", "1", "1", "1-10")}
            ).encode(),
            headers=headers,
        )


def bench_bib(n: int) -> str:
    return "".join(
        f"@article{{b{i},\n  author = {{Author, Ann}},\n  title = {{Benchmark Article Number {i} on Alliance "
        f"Politics}},\n  journaltitle = {{Journal}},\n  date = {{2020}},\n  volume = {{1}},\n  number = {{1}},\n"
        f"  pages = {{1-10}},\n  doi = {{10.5555/bench.{i}}},\n}}\n"
        for i in range(n)
    )


def world(monkeypatch, tmp_path, bib_text: str, **fake_options) -> tuple:
    """(fake, bib, env) for a ``verify`` run: the command's transport replaced by a FakeWorld, the
    .bib written, and an environment pointing at the fake registries with short back-offs."""
    import annobib.commands.verify as cmd

    fake = FakeWorld(**fake_options)
    monkeypatch.setattr(cmd, "_transport", fake.transport)
    bib = tmp_path / "refs.bib"
    bib.write_text(bib_text, encoding="utf-8")
    env = {
        "ANNOBIB_CONFIG": str(tmp_path / "none.toml"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "ANNOBIB_CROSSREF_URL": CROSSREF,
        "ANNOBIB_OPENALEX_URL": OPENALEX,
        "ANNOBIB_MAILTO": "ed@example.org",
        "ANNOBIB_VERIFY_BACKOFF": "0.01",
        "ANNOBIB_LINKS_BACKOFF": "0.01",
        "ANNOBIB_LINKS_HOST_INTERVAL": "0",
        "NO_COLOR": "1",
    }
    return fake, bib, env
