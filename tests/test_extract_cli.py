"""`annobib extract`: outputs, bad input, re-extraction that keeps people's work."""

import json

import pytest

from conftest import ARTICLE, run_cli

NOTES_TEXT = (
    "① 阎学通：《世界权力的转移》，北京大学出版社 2015 年版，第 33 页。\n\n"
    "② 同上，第 35 页。\n\n"
    "③ 本文系某某基金项目的阶段性成果。\n\n"
    "④ Ely Ratner, “The Case for a Pacific Defense Pact,” Foreign Affairs, May 27, 2025, https://www.foreignaffairs.com/x.\n"
)


@pytest.fixture
def article(tmp_path):
    p = tmp_path / "article.txt"
    p.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return p


def test_default_output_is_beside_the_article(article):
    r = run_cli(["extract", str(article)])
    assert r.exit_code == 0, r.stderr
    bib = article.with_suffix(".bib")
    assert bib.exists()
    assert bib.read_text(encoding="utf-8").count("\n@") + 1 == 48
    assert "48 entries" in r.stdout


def test_json_shape(article):
    r = run_cli(["extract", str(article), "--json", "-o", "-"])
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert set(data) == {"entries", "notes"}
    assert len(data["entries"]) == 48 and len(data["notes"]) == 52
    e = next(e for e in data["entries"] if e["key"] == "zhu2025telang")
    assert e["type"] == "article" and e["fields"]["journaltitle"] == "国际观察"
    assert e["citations"] == [{"page": 34, "note": 2, "locator": "34", "context": e["citations"][0]["context"]}]
    assert e["citations"][0]["context"].endswith("抛弃。")
    n = data["notes"][0]
    assert {"page", "note", "text", "status", "entries"} <= set(n)
    assert n["status"] == "not-a-citation" and n["entries"] == []
    statuses = {x["status"] for x in data["notes"]}
    assert statuses == {"cited", "not-a-citation"}


def test_report_table_lists_every_note(article):
    r = run_cli(["extract", str(article), "--report", "-o", "-"])
    assert r.exit_code == 0
    assert "not-a-citation" in r.stdout and "本文系" in r.stdout
    assert "lindsay2024election" in r.stdout and "(joined)" in r.stdout
    assert "52 notes: 51 cited, 1 not a citation, 0 not understood" in " ".join(r.stdout.split())


def test_report_has_a_page_column_only_when_notes_have_pages(article, tmp_path):
    paged = run_cli(["extract", str(article), "--report", "-o", "-"])
    assert "page" in paged.stdout.split("note")[0]
    notes = tmp_path / "notes.txt"
    notes.write_text("1. 王某：《甲书》，北京：某出版社2015年版，第3页。\n\n2. 同上，第5页。\n", encoding="utf-8")
    loose = run_cli(["extract", "--notes", str(notes), "--report", "-o", "-"])
    assert loose.exit_code == 0 and "page" not in loose.stdout.split("note")[0]


def test_stdout_bibtex(article):
    r = run_cli(["extract", str(article), "-o", "-"])
    assert r.exit_code == 0
    assert r.stdout.startswith("@online{sen2025national,")
    assert not article.with_suffix(".bib").exists()


def test_loose_notes_file(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text(NOTES_TEXT, encoding="utf-8")
    r = run_cli(["extract", "--notes", str(f), "--json", "-o", "-"])
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert [e["key"] for e in data["entries"]] == ["yan2015shijie", "ratner2025case"]
    assert [c["locator"] for c in data["entries"][0]["citations"]] == ["33", "35"]
    assert [n["status"] for n in data["notes"]] == ["cited", "cited", "not-a-citation", "cited"]
    assert all(n["page"] is None for n in data["notes"])


def test_rerun_keeps_hand_work_and_dry_run_shows_diff(article):
    bib = article.with_suffix(".bib")
    assert run_cli(["extract", str(article)]).exit_code == 0
    text = bib.read_text(encoding="utf-8")
    # a hand-added entry, a hand-added field, a hand correction of an extracted value
    text = text.replace(
        "  title        = {Has Trump promised too much on US economy?},",
        "  title        = {Has Trump Promised Too Much on the US Economy?},\n  annote       = {Read in May.},",
    )
    text += "\n@book{mine2020,\n  author = {Someone, A.},\n  title  = {Added by hand},\n  date   = {2020},\n}\n"
    bib.write_text(text, encoding="utf-8")
    r = run_cli(["extract", str(article), "--dry-run"])
    assert r.exit_code == 0
    assert r.stdout == ""  # nothing would change
    r = run_cli(["extract", str(article)])
    assert r.exit_code == 0
    after = bib.read_text(encoding="utf-8")
    assert after == text
    # change the article: one more citing note -> the diff shows only the citations change
    art = article.read_text(encoding="utf-8").replace(
        "[4] Paul Heideman,",
        "[4] James M. Lindsay,“Election 2024: Trump Talks Foreign Policy With Time Magazine,”Council on Foreign Relations, May 3, 2024, https://www.cfr.org/blog/election-2024-trump-talks-foreign-policy-time-magazine.\n[5] Paul Heideman,",
        1,
    )
    article.write_text(art, encoding="utf-8")
    r = run_cli(["extract", str(article), "--dry-run"])
    assert r.exit_code == 0
    assert r.stdout.startswith("---") and "+++" in r.stdout
    assert bib.read_text(encoding="utf-8") == text  # dry run wrote nothing
    r = run_cli(["extract", str(article)])
    final = bib.read_text(encoding="utf-8")
    assert "Read in May." in final and "Has Trump Promised Too Much on the US Economy?" in final
    assert "@book{mine2020," in final


def test_refresh_lets_extracted_values_win_but_keeps_added_fields(article):
    bib = article.with_suffix(".bib")
    run_cli(["extract", str(article)])
    text = bib.read_text(encoding="utf-8").replace(
        "{Has Trump promised too much on US economy?},", "{Wrong title},\n  keywords     = {tariffs},"
    )
    bib.write_text(text, encoding="utf-8")
    assert run_cli(["extract", str(article), "--refresh"]).exit_code == 0
    final = bib.read_text(encoding="utf-8")
    assert "{Has Trump promised too much on US economy?}" in final and "{tariffs}" in final


@pytest.mark.parametrize(
    "content,message",
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" + bytes(range(256)), "not a text file"),
        ("没有脚注的一段文字。\n第二行。\n".encode("utf-8"), "no footnotes found"),
    ],
)
def test_bad_input_one_line_exit_2(tmp_path, content, message):
    f = tmp_path / "in.txt"
    if content is not None:
        f.write_bytes(content)
    r = run_cli(["extract", str(f), "-o", str(tmp_path / "out.bib")])
    assert r.exit_code == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "encoding,note", [("gbk", "GBK"), ("gb18030", "GBK"), ("utf-8-sig", None), ("utf-16", "UTF-16")]
)
def test_encodings(tmp_path, encoding, note):
    f = tmp_path / "in.txt"
    f.write_bytes(NOTES_TEXT.encode(encoding))
    r = run_cli(["extract", "--notes", str(f), "-o", "-"])
    assert r.exit_code == 0, r.stderr
    assert "阎学通" in r.stdout
    if note:
        assert note in r.stderr
    else:
        assert "warning" not in r.stderr


def test_needs_exactly_one_input():
    r = run_cli(["extract"])
    assert r.exit_code == 2 and "ARTICLE" in r.stderr


def test_a_hand_entry_using_an_extracted_key_is_kept(article):
    bib = article.with_suffix(".bib")
    bib.write_text(
        "@book{liu2025meifei,\n  author = {Liu, Someone},\n  title  = {A different book},\n  date   = {2025},\n}\n",
        encoding="utf-8",
    )
    r = run_cli(["extract", str(article)])
    assert r.exit_code == 0
    text = bib.read_text(encoding="utf-8")
    assert "{A different book}" in text
    assert "@article{liu2025meifeia," in text


def test_output_into_a_missing_directory_is_one_line(article, tmp_path):
    r = run_cli(["extract", str(article), "-o", str(tmp_path / "nope" / "x.bib")])
    assert r.exit_code == 2 and "no such directory" in r.stderr and "Traceback" not in r.stderr


def test_report_with_json_keeps_stdout_valid_json(article):
    r = run_cli(["extract", str(article), "--json", "--report", "-o", "-"])
    assert r.exit_code == 0
    assert len(json.loads(r.stdout)["entries"]) == 48
    assert "not-a-citation" in r.stderr


def test_re_extracting_an_unchanged_article_says_up_to_date_and_keeps_the_file(tmp_path):
    from conftest import ARTICLE, run_cli

    article = tmp_path / "article.txt"
    article.write_bytes(ARTICLE.read_bytes())
    first = run_cli(["extract", str(article)])
    assert first.exit_code == 0 and "wrote" in first.stdout + first.stderr
    bib = tmp_path / "article.bib"
    stamp = bib.stat().st_mtime_ns
    again = run_cli(["extract", str(article)])
    assert again.exit_code == 0
    said = again.stdout + again.stderr
    assert "is up to date" in said and "wrote" not in said
    assert " 0 updated" in said  # a value written LaTeX-safe (31\\%) is the value read back (31%)
    assert bib.stat().st_mtime_ns == stamp


def test_a_one_note_run_says_one_entry_and_one_note(tmp_path):
    notes = tmp_path / "n.txt"
    notes.write_text("1. Walter Greer, Memoirs, New York: Harper & Row, 1970, p. 5.\n", encoding="utf-8")
    r = run_cli(["extract", "--notes", str(notes), "-o", str(tmp_path / "n.bib")])
    said = r.stdout + r.stderr
    assert r.exit_code == 0, said
    assert ": 1 entry (1 new" in said and "; 1 note: 1 cited (1 citation)" in said, said
    r = run_cli(["extract", "--notes", str(notes), "--report", "-o", "-"])
    said = r.stdout + r.stderr
    assert "1 note: 1 cited" in said and "1 citation -> 1 entry" in said and "annobib: 1 entry;" in said, said
