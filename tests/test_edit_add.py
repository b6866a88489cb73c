"""add: from a citation as printed (the extractor's parser), from a DOI (a local fake Crossref),
from --field; duplicates refused unless --force."""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from conftest import run_cli

from annobib.bib import read_library

# The examples of the footnote-patterns note (shared/docs/footnote-patterns.md), one per pattern.
PATTERNS = [
    "阎学通：《道义现实主义的国际关系理论》，载《国际问题研究》2014 年第 5 期，第 102—128 页。",
    "阎学通：《世界权力的转移：政治领导与战略竞争》，北京：北京大学出版社 2015 年版，第 33 页。",
    "[美] 罗伯特·吉尔平：《世界政治中的战争与变革》，宋新宁、杜建平译，上海人民出版社 2007 年版，第 10 页。",
    "王逸舟主编：《中国国际关系研究（1995—2005）》，北京大学出版社 2006 年版。",
    "《坚持走和平发展道路》，《人民日报》2013 年 1 月 30 日，第 1 版。",
    "《中美元首会晤》，中国新闻网，2025 年 2 月 22 日，https://www.chinanews.com.cn/gj/2025/02-22/10372711.shtml。",
    "张三：《联盟理论研究》，博士学位论文，北京大学国际关系学院，2010 年，第 45 页。",
    "李四：《亚太安全秩序》，“亚太安全”国际研讨会论文，上海，2019 年 11 月。",
    "刘琳：《美菲“肩并肩 2025”，美国新版“印太战略”现端倪》，载《世界知识》2025 年第 10 期，第 25—27 页。",
    "Ely Ratner, “The Case for a Pacific Defense Pact,” Foreign Affairs, May 27, 2025, https://www.foreignaffairs.com/united-states/case-pacific-defense-pact",
    "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics, Vol. 30, No. 2, 1978, pp. 167-214.",
    "Robert Jervis, Perception and Misperception in International Politics, Princeton: Princeton University Press, 1976, p. 58.",
    "Stephen Costello, “Trump Could Get a Win with North Korea,” Quincy Brief, No. 75, 2025, p. 2.",
    "“Philippines, U.S. Start Annual Drills,” Reuters, May 21, 2025, https://www.reuters.com/world/asia-pacific/philippines-us-drills-2025-05-21/",
    "「日米首脳会談」、『朝日新聞』2025 年 3 月 7 日。",
    "Иванов И. И. Внешняя политика России. М.: Наука, 2001. С. 15.",
    "Wang Jisi. China's Search for Stability with America[J]. Foreign Affairs, 2005, (5): 39-48.",
    # variants named in the note
    "阎学通：《世界权力的转移》，北京大学出版社，2015 年，第 33 页。",
    "刘丰：《联盟与威胁应对》，载王缉思主编：《中国国际战略评论 2012》，世界知识出版社 2012 年版，第 45—60 页。",
    "《周恩来与某某谈话记录》（1950 年 1 月 2 日），中华人民共和国外交部档案馆藏，档号 111-00001-01。",
    "中华人民共和国国务院新闻办公室：《新时代的中国国家安全》白皮书，2025 年 5 月 12 日。",
    "《题名》，中国新闻网，2025 年 2 月 22 日，https://www.chinanews.com.cn/gn/2025/02-22/1.shtml，访问时间：2025 年 6 月 1 日。",
    "Robert Jervis, “Cooperation under the Security Dilemma,” World Politics 30, no. 2 (January 1978): 167–214.",
    "Glenn H. Snyder, “Alliance Theory,” in Robert L. Rothstein and Charles W. Kegley, eds., The Long Postwar Peace, New York: HarperCollins, 1991, pp. 55-88.",
    "Kurt M. Campbell, Victor Cha and Mira Rapp-Hooper, “The Alliance Network,” Foreign Policy, March 2, 2025, https://foreignpolicy.com/2025/03/02/alliance-network/",
    "U.S. Department of Defense, Indo-Pacific Strategy Report, Washington, D.C., June 1, 2019, p. 4.",
    "佐藤優『外交の証言』岩波書店、1995年、99—103頁。",
    "Письмо Молотова Сталину // АВП РФ. ф. 0100, оп. 42, п. 288, д. 19, л. 81-85.",
]


@pytest.fixture
def bib(tmp_path):
    path = tmp_path / "lib.bib"
    path.write_text("@book{old2000, title = {Old}, date = {2000}}\n", encoding="utf-8")
    return path


# Citations with the entry a careful cataloguer writes for each, checked by hand against the
# citation (not computed by the extractor: add's parser is the extractor's, so it cannot be
# its own oracle).
EXPECTED = [
    (
        0,
        "article",
        "yan2014daoyi",
        {
            "author": "阎学通",
            "title": "道义现实主义的国际关系理论",
            "journaltitle": "国际问题研究",
            "date": "2014",
            "number": "5",
            "pages": "102-128",
            "langid": "chinese",
        },
    ),
    (
        1,
        "book",
        "yan2015shijie",
        {
            "author": "阎学通",
            "title": "世界权力的转移：政治领导与战略竞争",
            "location": "北京",
            "publisher": "北京大学出版社",
            "date": "2015",
            "langid": "chinese",
        },
    ),
    (
        2,
        "book",
        "jierping2007shijie",
        {
            "author": "罗伯特·吉尔平",
            "translator": "宋新宁 and 杜建平",
            "title": "世界政治中的战争与变革",
            "publisher": "上海人民出版社",
            "date": "2007",
            "langid": "chinese",
        },
    ),
    (
        4,
        "article",
        "renminribao2013jianchi",
        {
            "title": "坚持走和平发展道路",
            "journaltitle": "人民日报",
            "entrysubtype": "newspaper",
            "date": "2013-01-30",
            "pages": "1",
            "langid": "chinese",
        },
    ),
    (
        5,
        "article",
        "zgxww2025zhongmei",
        {
            "title": "中美元首会晤",
            "journaltitle": "中国新闻网",
            "entrysubtype": "newspaper",
            "date": "2025-02-22",
            "langid": "chinese",
            "url": "https://www.chinanews.com.cn/gj/2025/02-22/10372711.shtml",
        },
    ),
    (
        9,
        "article",
        "ratner2025case",
        {
            "author": "Ratner, Ely",
            "title": "The Case for a Pacific Defense Pact",
            "journaltitle": "Foreign Affairs",
            "entrysubtype": "magazine",
            "date": "2025-05-27",
            "url": "https://www.foreignaffairs.com/united-states/case-pacific-defense-pact",
            "langid": "english",
        },
    ),
    (
        10,
        "article",
        "jervis1978cooperation",
        {
            "author": "Jervis, Robert",
            "title": "Cooperation under the Security Dilemma",
            "journaltitle": "World Politics",
            "date": "1978",
            "volume": "30",
            "number": "2",
            "pages": "167-214",
            "langid": "english",
        },
    ),
    (
        11,
        "book",
        "jervis1976perception",
        {
            "author": "Jervis, Robert",
            "location": "Princeton",
            "date": "1976",
            "title": "Perception and Misperception in International Politics",
            "publisher": "Princeton University Press",
            "langid": "english",
        },
    ),
    (
        14,
        "article",
        "chaorixinwen2025rimi",
        {
            "title": "日米首脳会談",
            "journaltitle": "朝日新聞",
            "entrysubtype": "newspaper",
            "date": "2025-03-07",
            "langid": "japanese",
        },
    ),
    (
        15,
        "book",
        "ivanov2001vneshnyaya",
        {
            "author": "Иванов, И. И.",
            "title": "Внешняя политика России",
            "location": "Москва",
            "publisher": "Наука",
            "date": "2001",
            "langid": "russian",
        },
    ),
    (
        16,
        "article",
        "wang2005chinas",
        {
            "author": "Wang, Jisi",
            "title": "China's Search for Stability with America",
            "journaltitle": "Foreign Affairs",
            "date": "2005",
            "number": "5",
            "pages": "39-48",
            "langid": "english",
        },
    ),
]


@pytest.mark.parametrize("index, kind, key, fields", EXPECTED, ids=[e[2] for e in EXPECTED])
def test_add_writes_the_entry_the_citation_describes(bib, index, kind, key, fields):
    r = run_cli(["--bib", str(bib), "add", PATTERNS[index]])
    assert r.exit_code == 0, r.stderr
    got = read_library(bib).get(key)
    assert got is not None, r.stdout
    assert got.type == kind and {k: v for k, v in got.fields.items() if k != "citations"} == fields
    assert f"@{kind}{{{key}," in r.stdout  # the parsed entry is shown


@pytest.mark.parametrize("citation", PATTERNS)
def test_every_pattern_is_added_as_shown(bib, citation):
    r = run_cli(["--bib", str(bib), "add", citation])
    assert r.exit_code == 0, r.stderr
    lib = read_library(bib)
    assert len(lib.entries) == 2  # the old entry and the new one
    new = lib.entries[-1]
    assert new.key != "old2000" and new.get("title")
    assert f"@{new.type}{{{new.key}," in r.stdout  # what is shown is what was written


def test_duplicate_is_refused_unless_forced(bib):
    citation = PATTERNS[-7]
    assert run_cli(["--bib", str(bib), "add", citation]).exit_code == 0
    before = bib.read_text(encoding="utf-8")
    r = run_cli(["--bib", str(bib), "add", citation])
    assert r.exit_code == 1 and "duplicate" in r.stderr and "--force" in r.stderr
    assert bib.read_text(encoding="utf-8") == before
    r = run_cli(["--bib", str(bib), "add", citation, "--force"])
    assert r.exit_code == 0
    keys = read_library(bib).keys()
    assert len(keys) == 3 and keys[2] == keys[1] + "a"


def test_add_from_fields_and_dry_run(bib):
    args = [
        "--bib",
        str(bib),
        "add",
        "--type",
        "book",
        "--field",
        "author=Jervis, Robert",
        "--field",
        "title=Perception & Misperception",
        "--field",
        "date=1976",
    ]
    r = run_cli(args + ["--dry-run"])
    assert r.exit_code == 0 and "+@book{jervis1976perception," in r.stdout
    assert "jervis" not in bib.read_text(encoding="utf-8")
    r = run_cli(args + ["--key", "jervis76"])
    assert r.exit_code == 0, r.stderr
    e = read_library(bib).get("jervis76")
    # `&` is LaTeX's alignment tab: the file holds `\&`, which reads back as `&`
    assert e.fields == {"author": "Jervis, Robert", "title": "Perception \\& Misperception", "date": "1976"}
    r = run_cli(["--bib", str(bib), "add", "--field", "title=Other", "--key", "jervis76"])
    assert r.exit_code == 1 and "same key as jervis76" in r.stderr


def test_add_bad_input(bib):
    for args, message in [
        (["add"], "nothing to add"),
        (["add", "--field", "nonsense"], "name=value"),
        (["add", "   "], "empty"),
        (["add", "这不是一个引用"], "could not read a citation"),
    ]:
        r = run_cli(["--bib", str(bib)] + args)
        assert r.exit_code == 2, (args, r.stderr)
        assert message in r.stderr
    assert bib.read_text(encoding="utf-8") == "@book{old2000, title = {Old}, date = {2000}}\n"


# --------------------------------------------------------------------------- Crossref

WORK = {
    "status": "ok",
    "message-type": "work",
    "message": {
        "DOI": "10.2307/2009958",
        "type": "journal-article",
        "title": ["Cooperation under the Security Dilemma"],
        "container-title": ["World Politics"],
        "author": [{"given": "Robert", "family": "Jervis", "sequence": "first"}],
        "issued": {"date-parts": [[1978, 1]]},
        "volume": "30",
        "issue": "2",
        "page": "167-214",
        "publisher": "Cambridge University Press",
        "ISSN": ["0043-8871", "1086-3338"],
        "language": "en",
        "URL": "https://doi.org/10.2307/2009958",
    },
}


WRONG_TYPES = {
    "title": ("title", {"x": "y"}),
    "titlelist": ("title", [{"x": 1}]),
    "container": ("container-title", [{"a": 1}]),
    "subtitle": ("subtitle", [5]),
    "volume": ("volume", {"v": 1}),
}


class FakeCrossref(BaseHTTPRequestHandler):
    seen: list = []

    def do_GET(self):  # noqa: N802
        FakeCrossref.seen.append((self.path, self.headers.get("User-Agent")))
        if self.path == "/works/10.2307/2009958":
            body, code = json.dumps(WORK).encode(), 200
        elif self.path.startswith("/works/10.9999/types-"):  # a work record with fields of the wrong JSON type
            field, value = WRONG_TYPES[self.path.rsplit("-", 1)[1]]
            body, code = json.dumps({"message": {**WORK["message"], field: value}}).encode(), 200
        elif self.path.startswith("/works/10.9999/broken"):
            body, code = b"<html>oops</html>", 200
        else:
            body, code = b"Resource not found.", 404
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def crossref():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeCrossref)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    FakeCrossref.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_add_from_a_doi(bib, crossref):
    env = {"ANNOBIB_CROSSREF_URL": crossref, "ANNOBIB_MAILTO": "me@example.org"}
    r = run_cli(["--bib", str(bib), "add", "https://doi.org/10.2307/2009958"], env=env)
    assert r.exit_code == 0, r.stderr
    e = read_library(bib).get("jervis1978cooperation")
    assert e.type == "article"
    assert e.fields == {
        "author": "Jervis, Robert",
        "title": "Cooperation under the Security Dilemma",
        "journaltitle": "World Politics",
        "volume": "30",
        "publisher": "Cambridge University Press",
        "doi": "10.2307/2009958",
        "issn": "0043-8871",
        "pages": "167-214",
        "number": "2",
        "langid": "english",
        "date": "1978-01",
    }
    assert "mailto:me@example.org" in FakeCrossref.seen[0][1]
    r = run_cli(["--bib", str(bib), "add", "--doi", "10.2307/2009958"], env=env)
    assert r.exit_code == 1 and "same DOI as jervis1978cooperation" in r.stderr


def _closed_port() -> str:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


@pytest.mark.parametrize(
    "doi, message",
    [
        ("10.1234/unknown", "does not know the DOI"),
        ("10.9999/broken", "not JSON"),
    ],
)
def test_crossref_errors_write_nothing(bib, crossref, doi, message):
    r = run_cli(["--bib", str(bib), "add", "--doi", doi], env={"ANNOBIB_CROSSREF_URL": crossref})
    assert r.exit_code == 2 and message in r.stderr and "nothing written" in r.stderr
    assert bib.read_text(encoding="utf-8") == "@book{old2000, title = {Old}, date = {2000}}\n"


@pytest.mark.parametrize("variant", sorted(WRONG_TYPES))
def test_a_reply_with_wrong_json_types_is_one_line(bib, crossref, variant):
    before = bib.read_text(encoding="utf-8")
    r = run_cli(["--bib", str(bib), "add", "--doi", f"10.9999/types-{variant}"], env={"ANNOBIB_CROSSREF_URL": crossref})
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    if r.exit_code == 0:  # a text field of the wrong type is left out, and said
        if variant in ("title", "titlelist", "container"):
            assert "is not text; left out" in r.stderr
        added = [e for e in read_library(bib).entries if e.key != "old2000"]
        assert len(added) == 1 and all(isinstance(v, str) and "{'" not in v for v in added[0].fields.values())
    else:
        assert r.exit_code == 2 and "nothing written" in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert bib.read_text(encoding="utf-8") == before


def test_unreachable_crossref(bib):
    r = run_cli(["--bib", str(bib), "add", "10.2307/2009958"], env={"ANNOBIB_CROSSREF_URL": _closed_port()})
    assert r.exit_code == 2
    assert "cannot reach Crossref" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.startswith("annobib: error: offline:") and len(r.stderr.strip().splitlines()) == 1
    assert bib.read_text(encoding="utf-8") == "@book{old2000, title = {Old}, date = {2000}}\n"


def test_add_refuses_an_unusable_key(bib):
    r = run_cli(["--bib", str(bib), "add", "--field", "title=X", "--key", "a b,c"])
    assert r.exit_code == 2 and "not a usable citation key" in r.stderr
