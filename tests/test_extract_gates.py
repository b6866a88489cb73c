"""The cheap gates in front of the note reader's regexes never skip a match.

A gate (``text[:1] in FIRST`` before an anchored regex, a word the regex cannot match without) lets
the reader skip a regex that cannot match. Each gate's characters are checked here against the
characters the regex itself can start with, read from its parsed form, so that a new alternative
with a new opening character fails this test instead of silently never matching."""

from __future__ import annotations

import re
from pathlib import Path
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from annobib.extract import citations as C
from annobib.extract import segment as S
from annobib.extract.fields import parse_citation
from annobib.extract.notes import loose_notes

DATA = Path(__file__).parent / "data"


def _first_chars(items) -> tuple[set[str] | None, bool]:
    """The characters a parsed (sub)pattern can start with (None: any) and whether it can match
    the empty string."""
    from re import _constants as K  # type: ignore[attr-defined]

    out: set[str] = set()
    for op, av in items:
        if op is K.LITERAL:
            out.add(chr(av))
            return out, False
        if op is K.IN:
            if any(o in (K.NEGATE, K.CATEGORY) for o, _ in av):
                return None, False
            for o, a in av:
                if o is K.LITERAL:
                    out.add(chr(a))
                elif o is K.RANGE:
                    out.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None, False
            return out, False
        if op in (K.AT, K.ASSERT, K.ASSERT_NOT):
            continue  # zero width: the next item opens the match
        if op is K.BRANCH:
            nullable = False
            for alt in av[1]:
                s, n = _first_chars(alt)
                if s is None:
                    return None, False
                out |= s
                nullable = nullable or n
            if not nullable:
                return out, False
            continue
        if op is K.SUBPATTERN:
            s, n = _first_chars(av[-1])
            if s is None:
                return None, False
            out |= s
            if not n:
                return out, False
            continue
        if op in (K.MAX_REPEAT, K.MIN_REPEAT, K.POSSESSIVE_REPEAT):
            s, n = _first_chars(av[2])
            if s is None:
                return None, False
            out |= s
            if av[0] > 0 and not n:
                return out, False
            continue
        return None, False  # ANY, backreferences, …: anything may open the match
    return out, True


def _opening(rx: re.Pattern) -> set[str]:
    chars, nullable = _first_chars(sre_parse.parse(rx.pattern, rx.flags))
    assert chars is not None and not nullable, f"{rx.pattern[:40]!r} may open with any character"
    if rx.flags & re.IGNORECASE:  # every character that folds to one of them
        folded = re.compile("[" + "".join(map(re.escape, chars)) + "]", rx.flags)
        # case variants of letters lie below U+3000 (ſ, İ, K …); CJK characters fold to themselves
        chars = chars | {chr(c) for c in range(0x3000) if folded.fullmatch(chr(c))}
    return chars


@pytest.mark.parametrize(
    "rx, gate",
    [
        (C.NOTEREF_RE, C._NOTEREF_FIRST),
        (C.IBID_RE, C._IBID_FIRST),
        (C.LEAD_IN_RE, C._LEAD_IN_FIRST),
        (C.DITTO_RE, C._DITTO_FIRST),
        (C.OPCIT_ZH_PRE_RE, "前上"),  # 前引王某书 / 上引王某书
        (C._PRE_BACKREF_LATIN, "前"),
        (C._TITLE_THEN_BACKREF, "《"),
        (C.AUTHOR_DATE_SHORT, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        (S._LEAD_AHEAD, S._LEAD_AHEAD_FIRST),
    ],
)
def test_first_character_gates_hold_every_opening(rx, gate):
    assert _opening(rx) <= set(gate)


def test_word_gates_hold_the_regexes_words():
    # the words a gate looks for before the regex runs, and the regex's own alternatives
    for rx, words in (
        (C.OPCIT_ZH_PRE_RE, C._BACKREF_WORDS),
        (C._PRE_BACKREF_LATIN, C._BACKREF_WORDS),
        (C.PRE_BACKREF_RE, C._PRE_BACKREF_WORDS),
    ):
        for text in (
            "前引周雪光书，第5页",
            "前掲、Anderson, Imagined Communities, p. 41.",
            "前掲服部『日中』",
            "上掲《书》",
        ):
            if rx.match(text):
                assert text.startswith(words), (rx.pattern, text)
    assert C.NAMED_PRE_BACKREF_RE.match("秦立言：前引《书》") and "前" in "秦立言：前引《书》"
    assert C.OPCIT_RU_RE.match("Иванов И.И. Указ. соч. С. 5.")


def test_gated_classify_reads_back_references():
    # each gated branch of classify still answers (breaking a gate makes one of these fail)
    cases = {
        "同上，第5页。": "ibid",
        "Ibid., p. 7.": "ibid",
        "同前注③，第12页。": "noteref",
        "See note 4 above, p. 9.": "noteref",
        "Иванов И.И. Указ. соч. С. 5.": "opcit",
        "前引周雪光书，第5页。": "opcit",
        "上引王叔平书，第2015页。": "opcit",
        "《关于全面推行河长制的意见》，前引。": "short",
        "前掲、Anderson, Imagined Communities, p. 41.": "short",
        "Mearsheimer (2019), p. 12.": "short",
        "秦立言：前引《中国外交》，第3页。": "short",
    }
    for text, kind in cases.items():
        c = C.classify(text)
        assert c is not None and c.kind == kind, (text, c)


def test_lead_ins_and_ditto_still_cut():
    assert C.strip_lead_in("参见王某：《书》，第1页。") == "王某：《书》，第1页。"
    assert C.strip_lead_in("See also A. Author, Title, 1999.") == "A. Author, Title, 1999."
    assert C.strip_lead_in("См. также Иванов И.И. Книга. М., 2001.") == "Иванов И.И. Книга. М., 2001."
    r = C.read_note("王某：《书一》，北京：某出版社2001年版；同《书二》，北京：某出版社2003年版。")
    assert [c.same_author for c in r.citations] == [False, True]


def test_ascii_text_opens_a_citation_only_after_see():
    # citation_start skips ASCII text without See / Refer to / Cf.; with one it still cuts the prose
    text = (
        "This argument is made at length elsewhere, see Robert Jervis, Perception and Misperception, Princeton: "
        "Princeton University Press, 1976, p. 5."
    )
    assert S.citation_start("On the dating of this reform the sources differ, as is known, and so on.") == 0
    assert S.citation_start(text) > 0


def test_sentences_still_split_at_a_back_reference_and_a_lead_word():
    assert (
        len(S.sentences("王某：《书名》，北京：某出版社2001年版，第12页。此外，亦可参见李某：《另一本书》，2005年。"))
        == 2
    )
    assert len(S.sentences("王某：《书名》，北京：某出版社2001年版，第12页。前引李某书，第5页。")) == 2


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("王某：《论文题目》，北京大学博士学位论文，2010年，第5页。", "type", "thesis"),
        (
            "[美]约瑟夫·奈：《软实力》，吴晓辉、钱程译，北京：东方出版社2005年版，第3页。",
            "translator",
            "吴晓辉 and 钱程",
        ),
        ("王某：《文章》，《世界经济》2015年第3期，第12页。", "number", "3"),
        ("《毛泽东选集》第5卷，北京：人民出版社1977年版，第10页。", "volume", "5"),
    ],
)
def test_gated_cjk_cues_still_read(text, field, value):
    p = parse_citation(text)
    got = p.type if field == "type" else p.fields.get(field)
    assert got == value, (text, p)


def test_case_spelt_patterns_answer_as_the_folding_ones():
    # URL_RE and the op. cit. cue spell out each letter's case variants instead of re.I
    import random

    from annobib.extract.fields.features import URL_RE

    old_url = re.compile(
        r"(?:https?://|www\.)(?:[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’\"<>,]|,(?!\d{1,4}\s*年))+", re.I
    )
    old_cue = re.compile(r"cit|Указ", re.I)
    rng = random.Random(11)
    alphabet = "hHtTpPsSſwW:/.,年 1İıaZ\u3000“<cCiIуУкКаАзЗ"
    for _ in range(20000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        a, b = old_url.search(t), URL_RE.search(t)
        assert (a and a.span()) == (b and b.span()), t
        assert bool(old_cue.search(t)) == bool(C._OPCIT_EN_CUE.search(t)), t
    for t in ("HTTPS://EXAMPLE.COM/a", "Www.x.org", "see httpſ://x", "Goh, Op. CIT., p. 130.", "Иванов, указ. соч."):
        a, b = old_url.search(t), URL_RE.search(t)
        assert (a and a.span()) == (b and b.span()), t
        assert bool(old_cue.search(t)) == bool(C._OPCIT_EN_CUE.search(t)), t


def test_ascii_gates_hold_the_regexes_ascii_openings():
    # not_a_citation reads an ASCII head with _NOT_CITATION_HEAD alone, and only after its openers
    assert {c for c in _opening(C._NOT_CITATION_HEAD) if c.isascii()} <= set(C._NOT_CITATION_ASCII_FIRST)
    assert C.not_a_citation("Fieldnotes, Osh, 14 March 2016. All names are pseudonyms.")
    assert C.not_a_citation("Author's fieldnotes, Bishkek, 2015.")
    assert all(not w.isascii() for w in C._NOT_CITATION_ANY.pattern.split("|")[:6])
    assert C.not_a_citation("This work was supported by the Fund.")
    assert C.not_a_citation("Funding: none.") and not C.not_a_citation("Robert Jervis, Perception, 1976.")


def test_access_cue_and_thesis_cue_on_ascii_text():
    from annobib.extract.fields import features as F
    from annobib.extract.fields import parse_citation

    assert F.has_access_cue("https://x.org/a (accessed 3 May 2020)")
    assert F.has_access_cue("https://x.org/a, viewed 3 May 2020")
    assert not F.has_access_cue("Robert Jervis, Perception, 1976.")
    p = parse_citation("Jane Doe, “Village Elections,” PhD dissertation, Harvard University, 2001, p. 5.")
    assert p.type == "thesis", p


def test_rows_marked_needs_cjk_never_trigger_without_a_cjk_character():
    import random

    from annobib.extract.fields import CJK_OR_MARK, GENRES

    marked = [g for g in GENRES if g.needs_cjk]
    assert {g.name for g in marked} >= {"cjk-title-mark-first", "cjk-unmarked", "cjk-author-date"}
    texts = [CJK_OR_MARK.sub("", note) for g in GENRES for note, _ in g.examples]
    rng = random.Random(5)
    alphabet = "AbZ z,.:;()[]“”\"'—–-0123456789 Иван（），：；、。ＡＢ１"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(3000)]
    for text in texts:
        assert not CJK_OR_MARK.search(text)
        for g in marked:
            assert not g.trigger(text), (g.name, text)
    # and the marked rows still read what they are for
    assert parse_citation("王某：《书名》，北京：某出版社2001年版，第12页。").fields["title"] == "书名"


def test_news_words_match_as_with_a_leading_boundary():
    import random

    from annobib.extract.fields import features as F

    # the pattern as first written: the words, then the CJK names that end the text, then any
    old = re.compile(
        r"\b(?:" + F._NEWS_WORDS + r")\b"
        r"|(?:报|新闻|新聞|通讯社|通信社|新闻社|联社|電視|电视台|广播|日报|时报|周刊|網|网(?!站)|신문|일보|뉴스|통신)$"
        r"|(?:新闻|新聞|日报|时报|晚报|新報|新聞社|신문|일보|뉴스)"
    )
    notes = [n.text for p in sorted(DATA.glob("extract_*/notes*.txt")) for n in loose_notes(p.read_text("utf-8"))]
    rng = random.Random(3)
    words = F._NEWS_WORDS.split("|") + ["报", "新闻", "網", "新聞社", "网站", "x", "_", "1", " ", "é", "NewsX"]
    notes += ["".join(rng.choice(words) + rng.choice(["", " ", "a", "_", "."]) for _ in range(4)) for _ in range(1500)]
    for t in notes:
        for a, b in ((old.search(t), F.NEWS_RE.search(t)), (old.search(t, 0, 60), F.NEWS_RE.search(t, 0, 60))):
            assert (a and a.span()) == (b and b.span()), t


def test_org_words_grouped_by_first_letter_match_as_written():
    import random

    from annobib.extract.fields import features as F

    old = re.compile(r"\b(?:" + F._ORG_WORDS + r")\b")
    notes = [n.text for p in sorted(DATA.glob("extract_*/notes*.txt")) for n in loose_notes(p.read_text("utf-8"))]
    rng = random.Random(4)
    words = F._ORG_WORDS.replace("(?:me)?", "").replace("?", "").replace("[sz]", "z").split("|")
    words += ["Programme", "Archive", "Organisation", "x", "_", "1", " ", "é", "Statex"]
    notes += ["".join(rng.choice(words) + rng.choice(["", " ", "a", "_", "."]) for _ in range(4)) for _ in range(1500)]
    for t in notes:
        for a, b in ((old.search(t), F.ORG_RE.search(t)), (old.search(t, 3), F.ORG_RE.search(t, 3))):
            assert (a and a.span()) == (b and b.span()), t
        assert old.findall(t) == F.ORG_RE.findall(t), t


def test_western_cues_still_read_volume_issue_and_chicago_journal():
    p = parse_citation(
        'Robert Jervis, "Cooperation under the Security Dilemma," World Politics, Vol. 30, No. 2 (1978), p. 167.'
    )
    assert p.fields.get("volume") == "30" and p.fields.get("number") == "2", p
    q = parse_citation('Jean Oi, "Fiscal Reform," World Politics 45, no. 1 (1992): 99-126.')
    assert q.fields.get("volume") == "45" and q.fields.get("number") == "1", q


def test_folded_word_gates_never_skip_a_match():
    import random

    from annobib.extract.fields import western as W

    rng = random.Random(9)
    pieces = ["paper ", "PAPER ", "Paper ", "presented ", "at ", "the ", "op.", "Op. ", "CIT", "cit.", "loc. ", "x, "]
    pieces += ["Ph.D. ", "diss.", "Thesis", "DISSERTATION", "ſ", "İ"]
    # non-ASCII text is lowered too: the characters that fold to ASCII letters, and others that do not
    pieces += ["ı", "\u212a", "dİſs", "theſıs", "PAPER ", "“", "Études ", "中文 "]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for rx, words in (
            (W._WESTERN_CUES_RE5, ("diss", "thesis")),
            (W._WESTERN_CUES_RE6, ("paper ",)),
            (W._WESTERN_UNQUOTED_TYPE_RE1, ("cit",)),
        ):
            if rx.search(t):
                assert W._may_hold_folded(t, words), (rx.pattern, t)


def test_protected_spans_as_with_the_case_insensitive_url_pattern():
    import random

    from annobib.extract import normalize as N
    from annobib.extract.fields.features import URL_RE

    old = re.compile(r"《[^《》]*》|「[^「」]*」|『[^『』]*』|“[^“”]*”|" + URL_RE.pattern, re.I)
    notes = [n.text for p in sorted(DATA.glob("extract_*/notes*.txt")) for n in loose_notes(p.read_text("utf-8"))]
    rng = random.Random(6)
    bits = [
        "http://",
        "HTTPS://",
        "httpſ://",
        "www.",
        "WwW.",
        "x.org/a",
        ",2019年",
        ", 12",
        "《a》",
        "“q”",
        " ",
        "h",
        "W",
    ]
    notes += ["".join(rng.choice(bits) for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    for t in notes:
        assert [m.span() for m in old.finditer(t)] == [m.span() for m in N._PROTECTED.finditer(t)], t


def test_role_gate_never_skips_a_role_suffix():
    import random

    from annobib.extract.fields import names as M

    rng = random.Random(8)
    bits = [
        "Ed.",
        "eds.",
        "EDS",
        "editor",
        "Editors",
        "ed. by",
        "ED. BY",
        "trans.",
        "tr.",
        "(",
        ")",
        ", ",
        "ſ",
        "x",
        "\n",
    ]
    for _ in range(4000):
        t = "".join(rng.choice(bits) for _ in range(rng.randint(1, 5)))
        if M._WESTERN_NAMES_RE2.search(t):
            assert t.rstrip("\n")[-1:] in M._ROLE_LAST, repr(t)


def test_debris_lookahead_never_skips_a_match():
    import random

    from annobib.extract import normalize as N

    lookahead = N._DEBRIS.pattern.index("(?:")
    old = re.compile(N._DEBRIS.pattern[lookahead:])
    notes = [n.text for p in sorted(DATA.glob("extract_*/notes*.txt")) for n in loose_notes(p.read_text("utf-8"))]
    rng = random.Random(10)
    bits = [
        "被引量:1",
        "下载 12",
        "[引用次数：3]",
        "[Cited by 1,204]",
        "Times cited: 4",
        "Related articles",
        "All 3 versions",
    ]
    bits += ["Google Scholar", "[CrossRef]", "PubMed", "Web of Science®", "Scopus", "CNKI", "百度学术", "知网", "万方"]
    bits += ["维普", "谷歌学术", "View Article", "Find this resource", "Ref list", "CiNii Books で見る", "J-STAGE"]
    bits += ["NDL Search", "JSTOR", "Back to top", "（阅读原文）", "↩2", "↑", " ", "\n", "x", "2019.", "[", "("]
    notes += [
        "A. Author, Title, 2001, 3-9." + "".join(rng.choice(bits) for _ in range(rng.randint(1, 5)))
        for _ in range(2000)
    ]
    for t in notes:
        for pos in (0, max(0, len(t) - N._DEBRIS_TAIL)):
            a, b = old.search(t, pos), N._DEBRIS.search(t, pos)
            assert (a and a.span()) == (b and b.span()), t


# ---------------------------------------------------------------- gates of the s10 speed pass

# pieces from which random notes are built: each gate's words and characters, their near misses,
# case variants that fold oddly, brackets, stops and line breaks
_PIECES = [
    "op. cit.",
    "OP. CİT.",
    "cıt",
    "Loc. Cit",
    "Указ. соч.",
    "УКАЗ",
    "参见",
    "详见",
    "转引自",
    "See ",
    "see",
    "Cf.",
    "cf",
    "This ",
    "These are ",
    "the ",
    "I follow ",
    ", I follow ",
    "; we use ",
    "We have ",
    "I ",
    "前引",
    "前揭",
    "前掲",
    "前注所引",
    "前注",
    "目前",
    "上海",
    "上引",
    "上掲",
    "앞의",
    "전게",
    "supra note 3",
    "(n 4)",
    "(n",
    "王某",
    "：",
    "，",
    ", ",
    "。",
    ". ",
    "《书》",
    "「論文」",
    "『本』",
    "“A Title,”",
    "(",
    ")",
    "（",
    "）",
    "[J]",
    "[M]",
    "[",
    "]",
    "1999",
    "2015年",
    "3月",
    "5日",
    "2001-03-04",
    "4.5.2020",
    "12/3/1999",
    "Jan. ",
    "May ",
    "p. 5",
    "pp. 3-9",
    "Vol. 2",
    "No. 3",
    "vol.",
    "no",
    "http://x.org/a",
    "www.y.cn",
    "/",
    ".",
    " ",
    "\n",
    "·",
    "・",
    "＝",
    "=",
    "･",
    "[美]",
    "（英）",
    "편",
    "저",
    "옮김",
    "역",
    "외",
    "藏",
    "館蔵",
    "档案馆藏",
    "日文版",
    "文版",
    "出版社",
    "2005年版",
    "社",
    "研究所",
    "委员会",
    "部",
    "中心",
    "大学",
    "会",
    "\u2010",
    "\u2212",
    "‐",
    "，",
    "?",
    "!",
    ";",
    ":",
    "成果",
    "阶段性成果",
    "项目编号",
    "资助",
    "批准号",
    "为题在会上宣读",
    "при поддержке",
    "本文系",
    "感谢",
    "Funding",
    "Исследование выполнено",
    "号",
    "最高人民法院",
    "Smith, J. (1999) ",
    "Smith, J. 1999. ",
    "(n.d.) ",
    "x",
    "A",
    "Z",
    "中",
    "ア",
    "한",
    "Б",
    "ß",
    "et al.",
    "ET AL",
    "and others",
    "otherſ",
    "42",
    "٤٢",
    "²",
    "The ",
    "U.S. ",
    "in ",
    "See ",
    "accessed ",
]


def _top_alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's top level (a ``|`` inside brackets does not split)."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(pattern):
        if c == "(" and pattern[i - 1 : i] != "\\":
            depth += 1
        elif c == ")" and pattern[i - 1 : i] != "\\":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    return out + [pattern[start:]]


def _random_texts(seed: int, count: int = 6000, longest: int = 7) -> list[str]:
    import random

    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def _corpus_notes() -> list[str]:
    return [n.text for p in sorted(DATA.glob("extract_*/*.txt")) for n in loose_notes(p.read_text("utf-8"))]


def test_yes_no_gates_answer_as_their_regexes():
    from annobib.extract import normalize as N
    from annobib.extract.fields import features as F
    from annobib.extract.fields import names as M

    def span(m):
        return m and m.span()

    pairs = [
        (lambda t: C._OPCIT_EN_CUE.search(t) is not None, C._may_cite_opcit),
        (lambda t: C._LEAD_WORD_CUE_RE.search(t) is not None, C._has_lead_word_cue),
        (lambda t: C._ENGLISH_SENTENCE.match(t) is not None, C._english_sentence),
        (lambda t: F.ZH_ORG_SUFFIX.search(t) is not None, F.zh_org_suffix),
        (lambda t: N._WIDEN_CUE.search(t) is not None, N._has_widen_cue),
        (lambda t: span(F.URL_RE.search(t)), lambda t: span(F.find_url(t))),
        (
            lambda t: N._ODD_DASH.sub("-", t),
            lambda t: N.odd_dashes(t) if "《" not in t and "“" not in t else N._ODD_DASH.sub("-", t),
        ),
        (lambda t: M.NATIONALITY_RE.sub("", t), M._drop_nationality),
    ]
    for t in _random_texts(21) + _corpus_notes():
        for old, new in pairs:
            assert old(t) == new(t), (t, new)


def test_single_character_tests_answer_as_the_classes():
    from annobib.extract import normalize as N

    for c in map(chr, range(0x10000)):
        assert N._cjk_neighbour(c) == bool(N._CJK_NEIGHBOUR.match(c)), hex(ord(c))
        assert N._cjk_after(c) == bool(N._CJK_AFTER.match(c)), hex(ord(c))


@pytest.mark.parametrize(
    "rx, gate",
    [
        (C._ENGLISH_SENTENCE, C._ENGLISH_SENTENCE_FIRST),
        (C._FIRST_PERSON_AT, C._FIRST_PERSON_FIRST),
        (C._NOT_CITATION_HEAD, C._NOT_CITATION_FIRST),
    ],
)
def test_more_first_character_gates_hold_every_opening(rx, gate):
    assert _opening(rx) <= set(gate)


def test_builder_gates_hold_their_regexes():
    from annobib.extract.fields import GOST_LATIN_RE
    from annobib.extract.fields import cjk as J
    from annobib.extract.fields import features as F
    from annobib.extract.fields import law as L
    from annobib.extract.fields import names as M
    from annobib.extract.fields import western as W

    assert _opening(GOST_LATIN_RE) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert _opening(F.EN_PAGES) == {"p"}  # _pages_first
    assert _opening(W._WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE4) <= set(W._UNQUOTED_RE4_FIRST)
    assert _opening(F.URL_RE) <= set(F.URL_FIRST)  # the CJK builder's site segments
    assert _opening(J._CJK_AUTHORS_RE2) <= set(J._CJK_AUTHORS_RE2_FIRST)
    assert _opening(W._WESTERN_CUES_RE10) <= set(W._WESTERN_CUES_RE10_FIRST)
    assert _opening(W._WESTERN_CUES_RE12) <= set(W._WESTERN_CUES_RE12_FIRST)
    assert _opening(M._WESTERN_NAMES_RE5) <= set(M._WESTERN_NAMES_RE5_FIRST)
    assert _opening(W._WESTERN_UNQUOTED_CREDITS_AND_TITLE_RE8) <= set(W._UNQUOTED_RE8_FIRST)
    # the last characters of the words of the ``$``-anchored patterns, read from them
    words = re.search(r"\(\?:([^()]+)\)\$", F.PUBLISHER_ZH.pattern.replace("))", ")$", 1))
    endings = F.PUBLISHER_ZH.pattern.split("(?:出版社|出版公司|出版集团|出版中心")[1].split(")")[0]
    assert {w[-1] for w in ("出版社|出版公司|出版集团|出版中心" + endings).split("|")} <= set(F._PUBLISHER_ZH_LAST), (
        words
    )
    assert {w[-1] for w in M.KO_ROLE_RE.pattern.split("(")[-1].split(")")[0].split("|")} <= set(M._KO_ROLE_LAST)
    assert J._CJK_AUTHORS_RE3.pattern.endswith("(?:藏|所藏|館蔵|所蔵)$")
    assert J._CJK_LANGUAGE_AND_URL_RE1.pattern.endswith(")文版")
    assert L.GUIDING_CASE_RE.pattern.endswith("号") and L.CASE_NUMBER_RE.pattern.endswith("号")
    for alt in _top_alternatives(C._NOT_CITATION_ANY.pattern):
        assert any(w in alt for w in C._NOT_CITATION_ANY_WORDS), alt
    for t in _random_texts(22) + _corpus_notes():
        if C.NAMED_NOTEREF_RE.match(t):
            assert C._may_name_noteref(t), t
        if C.OPCIT_ZH_RE.match(t):
            assert C._may_be_opcit_zh(t), t
        if C.NAMED_PRE_BACKREF_RE.match(t):
            assert C._may_name_pre_backref(t), t
        if F.ISO_DATE.search(t):
            assert any(c in t for c in "-./"), t
        if F.DOT_DMY.search(t):
            assert "." in t, t
        if F.YEAR.fullmatch(t):
            assert W._is_year(t), t
        if F.EN_PAGES.match(t):
            assert W._pages_first(t), t
        if M._WESTERN_NAMES_RE3.search(t):
            assert M._may_end_with_others(t), t
        if W._WESTERN_CUES_RE11.fullmatch(t):
            assert t.isdecimal(), t
        if M.KO_ROLE_RE.search(t):
            assert any(c in t[-2:] for c in M._KO_ROLE_LAST), t
        if J._CJK_AUTHORS_RE3.search(t):
            assert "藏" in t[-2:] or "蔵" in t[-2:], t
        s = t.strip()
        if F.PLACE_PUBLISHER_EN.search(t):
            assert F._PLACE_PUBLISHER_YEAR.search(t), t
        if F.PUBLISHER_ZH.search(t):
            assert F._PUBLISHER_ZH_YEAR.search(t), t
        from annobib.extract.fields import apa as A

        if A.HARVARD_RE.match(s):
            assert "(1" in t or "(2" in t or "(n" in t, t
        if A._HARVARD_BARE_YEAR.match(s):
            assert A._BARE_YEAR_CUE.search(t), t
    # ASA items written for this test (a year with a letter, a line break, a second author)
    asa = [
        "Ono, Ken A. 2007a. Title of a Book. Place: Press.",
        "Lin, Mei\n2011.\nA Title. Place: Press.",
        "Park, Ji Hoon, and Ann Lee 1998b.\tTitle. Place: Press.",
    ]
    for t in asa:
        assert A.ASA_RE.match(t.strip()), t
    for t in _random_texts(24) + _corpus_notes() + asa:
        if A.ASA_RE.match(t.strip()):
            assert "," in t and A._ASA_YEAR.search(t), t


def test_dotless_names_stay_whole():
    from annobib.extract.fields import names as M

    for t in _random_texts(23, 3000, 4):
        if not any(c in t for c in "＝=・·･"):
            assert M._dotted_names(t, True) == ([t.strip()] if t.strip() else []), t


def test_language_of_reads_scripts_in_their_order():
    from annobib.extract.fields import features as F

    for t in _random_texts(24):
        for rx, lang in ((F.KANA, "japanese"), (F.HANGUL, "korean"), (F.CYR, "russian"), (F.HAN, "chinese")):
            if rx.search(t):
                assert F.language_of(t) == lang, t
                break


def test_imprint_at_the_last_bracket_as_the_search():
    import random

    from annobib.extract.fields import western as W

    rng = random.Random(25)
    bits = ["(", ")", "London: Penguin, 1999", "PhD diss., X, 2001", ", 45", ", pp. 3-9", ", 2:312", " ", "  ", "\n"]
    bits += [", chap. 3", ", at 7", "Title", ", ", ": ", "1998", "a"]
    for _ in range(6000):
        body = "".join(rng.choice(bits) for _ in range(rng.randint(1, 8)))
        k = body.rfind("(")
        new = W._WESTERN_TITLE_RE2.match(body, len(body[:k].rstrip())) if k >= 0 else None
        old = W._WESTERN_TITLE_RE2.search(body)
        assert (old and (old.span(), old.groups())) == (new and (new.span(), new.groups())), body


@pytest.mark.parametrize("name", ["_BOUNDARY", "LEAD_WORD_RE"])
def test_lookahead_led_regexes_find_as_without_the_lookahead(name):
    rx = getattr(S, name, None) or getattr(C, name)
    assert rx.pattern.startswith("(?=[")
    body = rx.pattern[rx.pattern.index("])(?:") + len("])(?:") : -1]
    old = re.compile(body)
    for t in _random_texts(26) + _corpus_notes():
        assert [m.span() for m in old.finditer(t)] == [m.span() for m in rx.finditer(t)], t


def test_sentences_keep_a_note_with_only_a_final_stop_whole():
    for t in ("王某：《书》，第5页。", "A. Author, Title, 1999, p. 5. ", "王某：《书》。\n", "x", "   "):
        assert S.sentences(t) == ([t] if t.strip() else [])
    assert len(S.sentences("王某：《书名》，北京：某出版社2001年版，第12页。前引李某书，第5页。 ")) == 2


def test_first_index_finds_as_the_mark_classes():
    from annobib.extract.fields import FIRST_QUOTE_RE, FIRST_TITLE_MARK_RE
    from annobib.extract.fields import cjk as J
    from annobib.extract.fields.features import first_index

    for t in _random_texts(27) + _corpus_notes():
        for rx, chars in (
            (FIRST_TITLE_MARK_RE, "《「『〈"),
            (J._CJK_TITLE_RE2, "《「『〈"),
            (FIRST_QUOTE_RE, '“"'),
            (C._CUT_TRAILING_COMMENTARY_RE1, "《「『"),
        ):
            m = rx.search(t)
            assert first_index(t, chars) == (m.start() if m else -1), (rx.pattern, t)


def test_literal_led_cues_answer_as_the_class_led_regexes():
    from annobib.extract import normalize as N
    from annobib.extract.fields import features as F
    from annobib.extract.fields import lawcites as LC

    extra = ["pp. 423442", "第 456789", ": 123456", "：987654", "W orld", "A theory", "xB ab", "Jan.", "Dec ", "Res ",
             "Pub. L. No.", "U.N.T.S.", "UNTS 3", "Rep. No. 5", "§ 12", "O.J. (L 119)", "I.L.M.", "May 21, 2025",
             "[Cited by 3]", "Google Scholar", "被引量:1", "Back to top", "↩", "x" * 290]  # fmt: skip
    import random

    rng = random.Random(28)
    texts = _random_texts(28) + _corpus_notes()
    texts += ["".join(rng.choice(extra + _PIECES) for _ in range(rng.randint(1, 6))) for _ in range(4000)]
    old_law = LC._WESTERN_LAW_CUE_RE1
    for t in texts:
        assert N._may_glue_pages(t) == bool(N._GLUED_PAGE_RANGES_RE1.search(t)), t
        assert bool(N._BROKEN_WORDS_CUE.search(t)) == bool(N._BROKEN_WORDS_RE1.search(t)), t
        assert F._has_month_word(t) == bool(F._MONTH_CUE.search(t)), t
        if F.EN_MDY.search(t):
            assert F._has_month_word(t), t
        assert N._may_hold_debris(t) == bool(N._DEBRIS_CUE.search(t, max(0, len(t) - N._DEBRIS_TAIL))), t
        stat = LC._STATUTES_AT_LARGE.search(t) is not None  # 8 Stat. 218: a treaty in the Statutes at Large
        assert LC.western_law_cue(t) == (bool(old_law.search(t)) or "O.J. (" in t or stat), t


def test_substring_gates_answer_as_their_regexes():
    import random

    from annobib.extract import fields as G
    from annobib.extract import normalize as N
    from annobib.extract.fields import features as F

    pieces = _PIECES + [
        "一九八六年",
        "三頁",
        "十",
        "〇",
        "W orld",
        "A b",
        "I am",
        " Re view",
        "被引量:1",
        "[Cited by 3]",
    ]
    pieces += [
        "https://a.cn/x",
        "Www.b.org",
        "http://",
        "hTTp://c.jp",
        "wWw.",
        "w.",
        "://",
        "第3页",
        "ab",
        "H",
        "w",
        "〈",
        "「",
    ]
    rng = random.Random(5)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(8000)]
    for t in texts + _corpus_notes():
        start = max(0, len(t) - N._DEBRIS_TAIL)
        assert N._may_hold_debris(t) == (N._DEBRIS_CUE.search(t, start) is not None), t
        old = (
            not t.isascii()
            and G.FIRST_TITLE_MARK_RE.search(t) is None
            and bool(G.HAN.search(t))
            and not G.LATIN.search(G.URL_RE.sub("", t))
        )
        assert G._chinese_without_marks(t) == old, t
        assert G._latin_outside_urls(t) == bool(G.LATIN.search(G.URL_RE.sub("", t))), t
        url, found = G.URL_RE.search(t), F.find_url(t)
        assert (url and url.span()) == (found and found.span()), t
        assert S._may_be_prose_en(t) or S._PROSE_EN.search(t) is None, t


def test_prose_word_parts_hold_every_word():
    inner = S._PROSE_EN.pattern[len("(?:") : -len(r")\b")]
    words = [re.sub(r"\(\?:[^)]*\)\?|.\?$", "", a.replace(r"(?<!\w.)", "")) for a in _top_alternatives(inner)]
    assert len(words) == 15 and "discuss" in words and "argue" in words
    for w in words:
        assert S._PROSE_EN.fullmatch(w), w
        assert any(part in w for part in S._PROSE_EN_PARTS), w


def test_new_citation_gate_answers_as_its_regex():
    import random

    rng = random.Random(9)
    texts = _random_texts(31, 3000) + _corpus_notes()
    texts += ["王某：《书》。李某、张某主编：《书》", "A. Smith, “T,” 1999. John Smith, “T.”", "（清）王某：《书》"]
    for t in texts:
        for j in {0, len(t) // 2, rng.randrange(len(t) + 1)} | {m.end() for m in S._STOP.finditer(t)}:
            for end in (j + 400, j + 5, len(t)):
                assert S._new_citation_at(t, j, end) == (S._NEW_CITATION.match(t, j, end) is not None), (t, j)


# patterns rewritten to open with the character they need (the engine then jumps from one such
# character to the next instead of trying the whole pattern at every position), and what they were
_CHARACTER_FIRST = [
    ("western", "_WESTERN_CUES_RE9", r"(?:(?<!\d)[,，]|[,，](?!\d{3}(?!\d)))(?!['’])\s*"),
    (
        "western",
        "_STOP_BEFORE_IMPRINT",
        r"(?<![\s.][A-Z])(?<=[\w'’)\]])\.\s+(?=[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){0,3}"
        r"(?:,\s*(?:[A-Z]{2}|[A-Z][a-z]{1,4}\.))?:\s*[^,:.]{2,80},\s*(?:1[5-9]|20)\d\d\b)",
    ),
    ("features", "_LANGUAGE_OF_RE1", r"[^\w'’]+"),
    ("apa", "_APA_STOP", r"(?<!\b[A-Z])[.?!](?=\s+[A-Z(\[])"),
]


@pytest.mark.parametrize("module, name, before", _CHARACTER_FIRST, ids=[c[1] for c in _CHARACTER_FIRST])
def test_character_first_patterns_find_as_they_were_written(module, name, before):
    import importlib
    import random

    rx = getattr(importlib.import_module(f"annobib.extract.fields.{module}"), name)
    old = re.compile(before)
    rng = random.Random(41)
    bits = [",", "，", "1", "123", "1234", "'", "’", " ", ".", "?", "!", "A", "B.", "a", ")", "]", "(", "[", "\n"]
    bits += ["New York", ": Press, 1999", "é", "中", "_", "Ny: Pr, 2001"]
    texts = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    for t in texts + _corpus_notes():
        assert [(m.span(), m.groups()) for m in old.finditer(t)] == [(m.span(), m.groups()) for m in rx.finditer(t)], t
        assert old.split(t) == rx.split(t), t
        end = len(t) // 2  # a search that stops short (``search(text, 0, end)``, as the builder asks)
        before, after = old.search(t, 0, end), rx.search(t, 0, end)
        assert (before and before.span()) == (after and after.span()), t


def test_line_gates_between_notes_answer_as_before():
    import random
    import sys

    from annobib.extract.document import is_section_heading, is_section_heading_spaced

    rng = random.Random(43)
    bits = [" ", "\u3000", "\t", "Chapter", "CHAPTER", "Notes to ", "2", "第", "二章", "제", "3장", "Глава", "x", "."]
    lines = ["".join(rng.choice(bits) for _ in range(rng.randint(0, 6))) for _ in range(20000)]
    lines += [l for t in _corpus_notes() for l in t.split("\n")]
    for line in lines:
        assert is_section_heading_spaced(line) == is_section_heading(" ".join(line.split())), line
    # a character whose lower case holds a "d" is a "D" or a "d": the gate before lower() skips no "dede"
    assert [chr(c) for c in range(sys.maxunicode + 1) if "d" in chr(c).lower()] == ["D", "d"]
