"""validate: the faster forms of a few tests give the same answers as the plain ones they replace.

The rules use regexes written for speed (one character class first, lookbehinds after it) and
quick tests in front of slow loops; each is compared here with its plain reading on many random
strings built from the characters that matter."""

from __future__ import annotations

import datetime as dt
import random
import re

from annobib.checks import consistency, form, hygiene

ALPHABET = list("ab {}\\$ \t\n\r\u3000，。）（「“”ÃÂâïé€¿½»锟斤拷烫屯\ufffd\u0080\u00a9\u2019\u2026\u02c6xXå")


def _strings(n: int, seed: int, alphabet=ALPHABET, longest: int = 12):
    r = random.Random(seed)
    for _ in range(n):
        yield "".join(r.choice(alphabet) for _ in range(r.randint(0, longest)))


PLAIN_MOJIBAKE = re.compile(
    r"[ÃÂ][\u0080-\u00bf]|â€|Ã[^\s]|ï¿½|ï»¿|锟斤拷|烫烫烫|屯屯屯|\ufffd|[åæçèéäö][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u20ac\u2122]{1,2}"
)
PLAIN_WS = re.compile(r"^\s|\s$|\s\s|[\t\r\n]|[ \t\u3000][，。、；：！？）」』》】〉”]|[（「『《【〈“][ \t\u3000]")
PLAIN_DOLLAR = re.compile(r"(?<!\\)\$")


def plain_balance(s: str):
    depth = 0
    for i, ch in enumerate(s):
        if ch == "\\" or (ch in "{}" and i and s[i - 1] == "\\"):
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return i
    return -1 if depth else None


def test_hygiene_searches_match_their_plain_forms():
    for s in _strings(40_000, seed=5):
        a, b = PLAIN_MOJIBAKE.search(s), hygiene._MOJIBAKE.search(s)
        assert (a and a.span()) == (b and b.span()), s
        assert bool(PLAIN_WS.search(s)) == hygiene._ws_suspect(s), s
        assert PLAIN_DOLLAR.findall(s) == hygiene._DOLLAR.findall(s), s
        assert plain_balance(s) == hygiene._balance_braces(s), s


def test_month_macro_search_matches_the_lowered_search():
    after = re.compile(r"\s*=\s*[A-Za-z]{3}\s*[,}\n]")

    def plain(raw: str) -> bool:
        low = raw.lower()
        i = low.find("month")
        while i >= 0:
            if after.match(low, i + 5):
                return True
            i = low.find("month", i + 5)
        return False

    alphabet = list("MmOoNnTtHh =,}\n\tabJUN\u212a\u0130é")
    for s in _strings(40_000, seed=7, alphabet=alphabet, longest=16):
        assert plain(s) == form._month_is_macro(s), s
    assert form._month_is_macro("@article{x,\n  Month = jun,\n}")


def test_url_date_ranks_match_trying_each_pattern():
    today = dt.date(2026, 1, 1)

    def plain(url: str):  # the rank loop without the one-call shortcut
        u = consistency._SCHEME.sub("", url.strip())
        path = u.split("?", 1)[0].split("#", 1)[0]
        if "/" not in path or not consistency._YEAR_AT.search(url):
            return None
        path = path[path.index("/") :]
        best = None
        for ym in consistency._YEAR_AT.finditer(path):
            i = ym.start()
            for rank, (pat, need) in enumerate(consistency._AT_YEAR):
                if best is not None and rank >= best[0]:
                    break
                m = pat.match(path, i)
                if not m or not consistency._before_ok(path, i, need):
                    continue
                gd = m.groupdict()
                y = int(m["y"])
                mo = int(m["m"]) if gd.get("m") else consistency._MON[gd["mon"][:3].lower()]
                d = int(m["d"]) if gd.get("d") else None
                if not (1990 <= y <= today.year + 1 and 1 <= mo <= 12):
                    continue
                if d is not None:
                    try:
                        dt.date(y, mo, d)
                    except ValueError:
                        continue
                best = (rank, (y, mo, d))
                break
        return best[1] if best else None

    r = random.Random(11)
    pieces = [
        "2025",
        "2019",
        "1999",
        "/",
        "-",
        "03",
        "12",
        "13",
        "7",
        "31",
        "mar",
        "May",
        "0315",
        "20250315",
        "123456",
        "x",
        ".html",
        "a",
    ]
    for _ in range(20_000):
        url = "https://x.org/" + "".join(r.choice(pieces) for _ in range(r.randint(1, 9)))
        assert consistency.url_date.__wrapped__(url, today) == plain(url), url
