"""validate: regressions from a blind review (a corpus of broken and clean entries the rules had
never seen). Each test names the finding it pins; snippets are small and realistic."""

from __future__ import annotations

import datetime as dt
import json

from annobib.bib import parse_library
from annobib.checks import Context, apply_fixes, run_checks, select_rules

from conftest import run_cli

TODAY = dt.date(2026, 11, 27)


def _check(text: str):
    return run_checks(parse_library(text), ctx=Context(today=TODAY))


def _codes(text: str, key: str | None = None) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in _check(text):
        if key is None or f.key == key:
            out.setdefault(f.code, []).append(f)
    return out


def _fixed(text: str, unsafe: bool = False):
    lib = parse_library(text)
    applied = apply_fixes(lib, select_rules(), Context(today=TODAY), unsafe=unsafe)
    return lib, applied


ARTICLE = "journaltitle = {J}, volume = {1}, number = {2}, pages = {1-2}, date = {2020}"


# --- 1. two URLs in one field ------------------------------------------------------------------

TWO_URLS = """@online{two,
  title = {Two Pages}, organization = {Reuters}, date = {2025-01-02}, urldate = {2025-02-01}, langid = {english},
  url = {https://www.reuters.com/a/ https://www.reuters.com/b/},
}
"""


def test_two_urls_separated_by_a_space_are_e315_with_no_fix():
    got = _codes(TWO_URLS, "two")
    assert "E313" not in got
    [f] = got["E315"]
    assert "2 URLs" in f.message and f.fix is None
    lib, applied = _fixed(TWO_URLS, unsafe=True)
    assert not [a for a in applied if a.field == "url"]
    assert lib.get("two").fields["url"] == "https://www.reuters.com/a/ https://www.reuters.com/b/"


def test_a_wrapped_url_is_still_joined_and_a_guess_says_perhaps():
    wrapped = TWO_URLS.replace(
        "https://www.reuters.com/a/ https://www.reuters.com/b/", "https://www.reuters.com/world/ china/x"
    )
    [f] = _codes(wrapped, "two")["E313"]
    assert f.fix.safe and f.fix.value.endswith("world/china/x")
    guess = TWO_URLS.replace(
        "https://www.reuters.com/a/ https://www.reuters.com/b/", "https://www.reuters.com/world china/x"
    )
    [f] = _codes(guess, "two")["E313"]
    assert not f.fix.safe and "perhaps" in f.message and "should read" not in f.message


def test_a_break_after_a_wayback_prefix_is_one_wrapped_url():
    wb = TWO_URLS.replace(
        "https://www.reuters.com/a/ https://www.reuters.com/b/",
        "https://web.archive.org/web/20250101000000/ https://www.reuters.com/b/",
    )
    got = _codes(wb, "two")
    assert "E313" in got and "E315" not in got


# --- 19. LaTeX escapes in a URL -----------------------------------------------------------------


def test_latex_escapes_in_a_url_are_named_and_dropped_by_the_fix():
    text = TWO_URLS.replace(
        "https://www.reuters.com/a/ https://www.reuters.com/b/", r"https://www.x.org/research\_reports/p?q=a\%20b"
    )
    [f] = _codes(text, "two")["E315"]
    assert "LaTeX escapes" in f.message and "percent-encoded" not in f.message
    lib, _ = _fixed(text)
    assert lib.get("two").fields["url"] == "https://www.x.org/research_reports/p?q=a%20b"


# --- 4, 14. missing langid ----------------------------------------------------------------------


def test_missing_langid_is_a_hint_on_latin_titles_and_a_warning_on_cjk_titles(tmp_path):
    text = (
        "@article{en2020, author = {Fearon, James D.}, title = {Rationalist Explanations for War}, " + ARTICLE + "}\n"
        "@article{zh2020, author = {刘琳}, title = {美菲联合演习}, " + ARTICLE + "}\n"
    )
    got = _check(text)
    by_key = {(f.key, f.code) for f in got}
    assert ("en2020", "I217") in by_key and ("en2020", "W214") not in by_key
    assert ("zh2020", "W214") in by_key and ("zh2020", "I217") not in by_key
    p = tmp_path / "refs.bib"
    p.write_text(text.split("@article{zh2020")[0], encoding="utf-8")
    assert run_cli(["validate", "--strict", "--today", "2026-11-27", "--select", "I217,W214", str(p)]).exit_code == 0
    p.write_text(text, encoding="utf-8")
    assert run_cli(["validate", "--strict", "--today", "2026-11-27", "--select", "I217,W214", str(p)]).exit_code == 1


def test_the_langid_fix_writes_one_pair_of_braces():
    text = "@article{zh2020, author = {刘琳}, title = {美菲联合演习}, " + ARTICLE + "}\n"
    lib, applied = _fixed(text, unsafe=True)
    assert lib.get("zh2020").fields["langid"] == "chinese"
    from annobib.bib.writer import library_text

    out = library_text(lib)
    assert "langid = {chinese}" in out and "{{chinese}}" not in out


# --- 17. an undated web page with an access date -------------------------------------------------


def test_an_undated_page_with_an_access_date_is_a_hint():
    page = "@online{nato, title = {Partners}, organization = {NATO}, url = {https://www.nato.int/p}, urldate = {2025-06-01}, langid = {english}}\n"
    got = _codes(page, "nato")
    assert "I218" in got and "W206" not in got
    bare = page.replace(", urldate = {2025-06-01}", "")
    assert "W206" in _codes(bare, "nato")


# --- 5. reversed or abbreviated page ranges ------------------------------------------------------


def test_a_range_ending_below_its_start_has_no_safe_fix():
    text = "@article{p, author = {Doe, Jane}, title = {T}, journaltitle = {J}, volume = {1}, number = {2}, pages = {128--81}, date = {2020}, langid = {english}}\n"
    [f] = _codes(text, "p")["W319"]
    assert not f.fix.safe and "128-181" in f.message and "81-128" in f.message
    lib, applied = _fixed(text)
    assert lib.get("p").fields["pages"] == "128--81" and not applied


# --- 2. the control-character fix must not destroy mojibake ------------------------------------

MOJI_NAMES = "@book{m1, author = {SolÃ\u00ads, OttÃ³n and é˜Žå\u00ad¦é€š}, title = {X}, publisher = {P}, location = {L}, date = {2020}, langid = {english}}\n"


def test_soft_hyphens_and_c1_bytes_inside_mojibake_are_w501_not_w509():
    got = _codes(MOJI_NAMES, "m1")
    assert "W509" not in got
    [f] = got["W501"]
    assert "Solís, Ottón and 阎学通" in f.message
    lib, applied = _fixed(MOJI_NAMES)
    assert not applied and lib.get("m1").fields["author"].startswith("SolÃ\u00ads")  # the safe fixes leave it alone
    lib, applied = _fixed(MOJI_NAMES, unsafe=True)
    assert lib.get("m1").fields["author"] == "Solís, Ottón and 阎学通"


def test_a_real_invisible_character_next_to_mojibake_is_still_w509():
    text = MOJI_NAMES.replace("OttÃ³n", "Ott\u200bÃ³n")
    [f] = _codes(text, "m1")["W509"]
    assert "U+200B" in f.message and "U+00AD" not in f.message
    assert "\u00ad" in f.fix.value and "\u200b" not in f.fix.value


def test_a_soft_hyphen_in_ordinary_text_is_still_w509():
    text = "@book{s, author = {Doe, Jane}, title = {Alli\u00adance Politics}, publisher = {P}, location = {L}, date = {2020}, langid = {english}}\n"
    assert "W509" in _codes(text, "s")


# --- 6. mojibake that does not round-trip exactly, and GBK read as Latin-1 -----------------------


def _title(title: str, langid: str = "chinese") -> str:
    return f"@article{{t, author = {{王缉思}}, title = {{{title}}}, {ARTICLE}, langid = {{{langid}}}}}\n"


def test_mojibake_with_a_no_break_space_lost_is_reported_without_a_fix():
    text = _title("å›½é™…å…³ç³»çš„æ–°æ ¼å±€")  # 格 = E6 A0 BC: the A0 (no-break space) became a space
    got = _codes(text, "t")
    [f] = got["W501"]
    assert f.fix is None and "国际关系的新格局" in f.message
    assert "W402" not in got  # not "Latin script under langid chinese"


def test_gbk_read_as_latin1_is_reported_and_re_decoded():
    [f] = _codes(_title("ÖÐ¹úÍâ½»"), "t")["W501"]
    assert "中国外交" in f.message and f.fix is not None and not f.fix.safe and f.fix.value == "中国外交"


def test_accented_latin_text_is_not_mojibake():
    for title in (
        "Größe der Staaten",
        "Ménard, Éloïse",
        "Çà et là",
        "Þórður Ármannsson",
        "São Paulo: ação política",
        "Les Éléments de l’économie",
        "Ærø",
    ):
        got = _codes(_title(title, "french"), "t")
        assert "W501" not in got, title


# --- 3. a name list with two problems ----------------------------------------------------------


def _names(author: str) -> str:
    return f"@article{{n, author = {{{author}}}, title = {{T}}, {ARTICLE}, langid = {{english}}}}\n"


def test_et_al_and_comma_separated_names_are_both_reported_and_not_half_fixed():
    text = _names("Smith, J., Doe, K., et al.")
    [f] = _codes(text, "n")["W320"]
    assert "et al." in f.message and "commas" in f.message and f.fix is None
    lib, applied = _fixed(text)
    assert lib.get("n").fields["author"] == "Smith, J., Doe, K., et al." and not applied


def test_the_name_list_fix_still_applies_when_it_leaves_a_good_list():
    for author, want in (
        ("Morrow, James D. et al.", "Morrow, James D. and others"),
        ("Smith, J.; Doe, K.; Roe, R.", "Smith, J. and Doe, K. and Roe, R."),
        ("刘琳、王五等", "刘琳 and 王五 and others"),
    ):
        [f] = _codes(_names(author), "n")["W320"]
        assert f.fix is not None and f.fix.value == want, (author, f.message)
        assert "commas" not in f.message


# --- 15. Korean uses half-width punctuation ------------------------------------------------------


def test_korean_titles_with_half_width_punctuation_are_clean():
    for title in ("한미동맹 70년: 성과와 과제", "韓美同盟의 미래: 2030년 전망", "북한 핵문제(2017-2022)"):
        assert "W507" not in _codes(_title(title, "korean"), "t"), title
    assert "W507" in _codes(_title("美菲“肩并肩 2025”,美国新版"), "t")  # Chinese still is checked


# --- 16. a wrapped title is a hint ---------------------------------------------------------------


def test_a_wrapped_title_is_a_hint_and_the_fix_still_joins_it():
    text = (
        "@article{w, author = {Snyder, Glenn H.}, title = {The Security Dilemma\n    in Alliance Politics}, "
        + ARTICLE
        + ", langid = {english}}\n"
    )
    got = _codes(text, "w")
    assert "W508" not in got and got["I511"][0].severity == "info"
    lib, _ = _fixed(text)
    assert lib.get("w").fields["title"] == "The Security Dilemma in Alliance Politics"
    doubled = text.replace("Dilemma\n    in", "Dilemma  in")
    assert "W508" in _codes(doubled, "w")  # doubled spaces (PDF noise) stay a warning
    trailing = text.replace("Politics}", "Politics }")
    assert "W508" in _codes(trailing, "w") and "I511" not in _codes(trailing, "w")


# --- 18, 22. messages about the file's text ------------------------------------------------------


def test_a_missing_comma_after_the_key_is_named_with_the_key():
    text = "@article{nocomma2020\n  author  = {Doe, Jane},\n  title   = {A Missing Comma},\n  journal = {J},\n  year = {2020},\n}\n"
    [f] = [f for f in _check(text) if f.code == "E103"]
    assert f.key == "nocomma2020" and "missing comma after the key" in f.message


def test_an_at_sign_in_a_comment_line_is_one_finding_not_a_phantom_entry():
    text = (
        "% C01 @article (journal article) without journal\n"
        "% C08 @thesis (biblatex) without institution\n"
        "@book{ok2020, author = {Doe, Jane}, title = {A Book}, location = {London}, publisher = {Verso}, date = {2020}, langid = {english}}\n"
    )
    got = _check(text)
    assert [f.code for f in got] == ["W110", "W110"]
    assert "comment" in got[0].message and got[0].line == 1 and got[1].line == 2


def test_a_bare_word_no_string_defines_is_reported():
    text = (
        "@string{jop = {Journal of Politics}}\n"
        "@article{m, author = {Macro, Mary}, title = {Undefined}, journal = jots, year = {2020}, volume = {3}, number = {1}, pages = {1--10}, month = mar, langid = {english}}\n"
        "@article{d, author = {Macro, Mary}, title = {Defined}, journal = jop, year = {2021}, volume = {3}, number = {1}, pages = {1--10}, langid = {english}}\n"
    )
    got = [f for f in _check(text) if f.code == "W111"]
    assert [(f.key, f.field) for f in got] == [("m", "journal")]
    assert "jots" in got[0].message


# --- 7, 11, 12, 21. form ---------------------------------------------------------------------------


def _art(extra: str, **fields) -> str:
    base = {
        "author": "Morrow, James D.",
        "title": "Capabilities and Commitments",
        "journaltitle": "J",
        "volume": "36",
        "number": "2",
        "pages": "100-120",
        "date": "1991",
        "langid": "english",
    }
    base.update(fields)
    body = ", ".join(f"{k} = {{{v}}}" for k, v in base.items() if v is not None)
    return f"@article{{a, {body}{extra}}}\n"


def test_an_issue_glued_to_the_volume_is_reported():
    [f] = _codes(_art("", volume="36(2)", number=None), "a")["W307"]
    assert "volume = {36}, number = {2}" in f.message and f.fix is None
    [f] = _codes(_art("", volume="36(2)"), "a")["W307"]  # number already says 2: dropping it from volume is safe
    assert f.fix.safe and f.fix.value == "36"


def test_a_doi_ending_in_a_full_stop_is_reported_with_an_unsafe_fix():
    [f] = _codes(_art(", doi = {10.1038/nature12374.}"), "a")["W308"]
    assert not f.fix.safe and f.fix.value == "10.1038/nature12374"
    assert "W308" not in _codes(_art(", doi = {10.1038/nature12374}"), "a")


def test_an_issn_label_is_dropped():
    [f] = _codes(_art(", issn = {ISSN 0092-5853}"), "a")["W321"]
    assert f.fix.safe and f.fix.value == "0092-5853"
    assert "W321" not in _codes(_art(", issn = {0092-5853}"), "a")
    assert "E311" not in _codes(_art(", issn = {ISSN 0092-5853}"), "a")


def test_a_misspelt_langid_gets_the_closest_name():
    [f] = _codes(_art("", langid="englsh"), "a")["E318"]
    assert "did you mean english" in f.message and not f.fix.safe
    [f] = _codes(_art("", langid="kr"), "a")["E318"]
    assert f.fix.safe and f.fix.value == "korean"
    [f] = _codes(_art("", langid="klingon"), "a")["E318"]
    assert f.fix is None


# --- 8, 10, 13. completeness and consistency ----------------------------------------------------


def test_journal_and_journaltitle_that_disagree_are_reported():
    text = _art("", journaltitle="International Organization").replace(
        "journaltitle =", "journal = {International Security}, journaltitle ="
    )
    [f] = _codes(text, "a")["W407"]
    assert "International Security" in f.message and "International Organization" in f.message
    same = _art("", journaltitle="International Security").replace(
        "journaltitle =", "journal = {International security}, journaltitle ="
    )
    assert "W407" not in _codes(same, "a")


def test_a_doi_org_url_to_another_doi_is_reported():
    text = _art(", doi = {10.1017/S0020818300032793}, url = {https://doi.org/10.1017/S0020818300099999}")
    assert "W408" in _codes(text, "a")
    same = _art(", doi = {10.1017/S0020818300032793}, url = {https://dx.doi.org/10.1017/s0020818300032793}")
    assert "W408" not in _codes(same, "a")


def test_a_bare_misc_is_reported():
    got = _codes("@misc{bare2020, title = {Notes on the Alliance}, langid = {english}}\n", "bare2020")
    assert "only a title" in got["W208"][0].message and "W219" in got  # no author, and no date
    ok = "@misc{m, author = {{NATO}}, title = {Notes}, howpublished = {Leaflet}, date = {2020}, langid = {english}}\n"
    assert not [f for f in _check(ok) if f.severity != "info"]


def test_an_unclosed_quotation_in_a_note_is_reported():
    text = _art(', note = {He said "allies will pay}')
    assert "W506" in _codes(text, "a")
    assert "W506" not in _codes(_art(', note = {He said "allies will pay"}'), "a")


# --- 23, 24. the command's own lines -------------------------------------------------------------

ONE_CLEAN = (
    "@book{ok2020, author = {Doe, Jane}, title = {A Book}, location = {London}, publisher = {Verso}, "
    "date = {2020}, langid = {english}}\n"
)


def test_one_entry_is_singular(tmp_path):
    p = tmp_path / "one.bib"
    p.write_text(ONE_CLEAN, encoding="utf-8")
    r = run_cli(["validate", "--today", "2026-11-27", str(p)])
    assert r.exit_code == 0 and "no problems in 1 entry" in r.stdout and "1 entries" not in r.stdout


def test_an_unreadable_file_is_one_error_line_and_the_others_are_still_validated(tmp_path):
    good = tmp_path / "good.bib"
    good.write_text(
        ONE_CLEAN.replace("pages", "")
        + "@article{bad, title = {T}, journaltitle = {J}, date = {2020-02-30}, langid = {english}}\n",
        encoding="utf-8",
    )
    gbk = tmp_path / "gbk.bib"
    gbk.write_bytes("@book{x, title = {中国外交}}\n".encode("gbk"))
    r = run_cli(["validate", "--today", "2026-11-27", str(gbk), str(good)])
    assert r.exit_code == 2
    assert "E301" in r.stdout and "[bad]" in r.stdout  # the good file's findings are shown
    errors = [line for line in r.stderr.splitlines() if line.startswith("annobib: error:")]
    assert len(errors) == 1 and "gbk.bib" in errors[0] and "UTF-8" in errors[0]
    doc = json.loads(run_cli(["validate", "--today", "2026-11-27", "--json", str(gbk), str(good)]).stdout)
    assert doc["errors"] and doc["findings"]
    # --fix writes nothing when a file cannot be read
    before = good.read_bytes()
    r = run_cli(["validate", "--today", "2026-11-27", "--fix", str(gbk), str(good)])
    assert r.exit_code == 2 and good.read_bytes() == before


def test_a_stray_at_line_between_entries_is_reported_once():
    text = (
        "@book{ok2020, author = {Doe, Jane}, title = {A Book}, location = {London}, publisher = {Verso}, date = {2020}, langid = {english}}\n"
        "\n@ journal of something broken here\n\n"
        "@book{ok2021, author = {Doe, Jane}, title = {B}, location = {L}, publisher = {V}, date = {2021}, langid = {english},\n"
        "  abstract = {inside a value\n@not stray}}\n"
    )
    got = [f for f in _check(text) if f.code == "W112"]
    assert [(f.key, f.line) for f in got] == [("ok2020", 3)]


def test_title_script_uses_a_langid_code_and_leaves_a_non_language_to_e318():
    # Zotero writes language = {en}: a Chinese title under it is still reported
    text = "@article{t, author = {刘琳}, title = {美菲联合演习}, journaltitle = {J}, volume = {1}, number = {2}, pages = {1-2}, date = {2020}, language = {en}}\n"
    assert "W402" in _codes(text, "t")
    kr = _title("2024 국제정세전망", "kr")
    got = _codes(kr, "t")
    assert "E318" in got and "W402" not in got
    assert "W402" not in _codes(_title("2024 국제정세전망", "klingon"), "t")


def test_a_url_with_a_space_in_a_file_name_offers_both_readings():
    text = TWO_URLS.replace(
        "https://www.reuters.com/a/ https://www.reuters.com/b/", "https://www.knda.go.kr/pdf/2024 outlook.pdf"
    )
    [f] = _codes(text, "two")["E313"]
    assert "2024outlook.pdf" in f.message and "2024%20outlook.pdf" in f.message and not f.fix.safe
