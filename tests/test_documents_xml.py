"""Word (.docx), ODT and Markdown readers: notes, anchors, tracked changes, Zotero fields, bad input."""

import json
import zipfile
from io import BytesIO

import pytest

import docbuild
from conftest import ARTICLE, run_cli

from annobib.documents import read_document
from annobib.documents.bridge import to_extraction
from annobib.errors import InputError


def _fields(x):
    return {e.key: {k: v for k, v in e.fields.items() if k != "citations"} for e in x.entries}


@pytest.fixture(scope="module")
def seed():
    from annobib.extract import extract_text

    return extract_text(ARTICLE.read_text(encoding="utf-8")), docbuild.seed_paragraphs()


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_seed_as_a_document_gives_the_same_48_works(tmp_path, seed, kind):
    text_x, paragraphs = seed
    p = tmp_path / f"seed.{kind}"
    p.write_bytes(getattr(docbuild, kind)(paragraphs))
    x = to_extraction(read_document(str(p)))
    assert len(x.notes) == 52 and len(x.entries) == 48
    assert _fields(x) == _fields(text_x)  # every field of every work, as the plain text gives it
    assert all(r.note.context for r in x.notes)  # every note linked to its citing sentence
    assert [r.note.context for r in x.notes] == [r.note.context for r in text_x.notes]
    assert all(r.note.page is None for r in x.notes)  # a word processor does not know printed pages


@pytest.mark.parametrize("kind", ["docx", "odt"])
def test_small_document_notes_anchors_changes_and_zotero(tmp_path, kind):
    p = tmp_path / f"notes.{kind}"
    p.write_bytes(getattr(docbuild, kind)(docbuild.SMALL_NOTES))
    r = run_cli(["extract", str(p), "--json", "-o", "-"])
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    notes = data["notes"]
    assert [n["note"] for n in notes] == [1, 2, 3] and all(n["status"] == "cited" for n in notes)
    by_key = {e["key"]: e for e in data["entries"]}
    # tracked change read as accepted: 防务 deleted, 安全 inserted
    assert "承担更多安全义务" in by_key["keohane1984after"]["citations"][0]["context"]
    assert "防务" not in r.stdout
    # the Zotero field became the entry its CSL-JSON describes (not a reading of its visible text)
    k = by_key["keohane1984after"]
    assert k["type"] == "book" and k["fields"]["publisher"] == "Princeton University Press"
    assert "location" not in k["fields"]  # "(Princeton: …)" of the shown text was not parsed
    assert by_key["yan2020daguo"]["fields"]["publisher"] == "中信出版社"
    assert "联盟体系是霸权护持的关键支柱" in by_key["yan2020daguo"]["citations"][0]["context"]


def test_committed_fixtures_match_their_script():
    from pathlib import Path

    here = Path(__file__).parent / "data" / "documents"
    assert (here / "notes.docx").read_bytes() == docbuild.docx(docbuild.SMALL_NOTES)
    assert (here / "notes.odt").read_bytes() == docbuild.odt(docbuild.SMALL_NOTES)


def test_reextraction_keeps_hand_edits(tmp_path):
    p = tmp_path / "notes.docx"
    p.write_bytes(docbuild.docx(docbuild.SMALL_NOTES))
    assert run_cli(["extract", str(p)]).exit_code == 0
    bib = p.with_suffix(".bib")
    text = bib.read_text(encoding="utf-8").replace("{W. W. Norton}", "{W. W. Norton \\& Company}")
    bib.write_text(text + "\n@misc{mine,\n  title = {Added by hand},\n}\n", encoding="utf-8")
    r = run_cli(["extract", str(p)])
    assert r.exit_code == 0, r.stderr
    after = bib.read_text(encoding="utf-8")
    assert "W. W. Norton \\& Company" in after and "@misc{mine," in after


def test_markdown_pandoc_footnotes(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(
        "# 标题\n\n联盟体系是霸权护持的关键支柱。[^1] 同时，政府要求盟友承担更多\n安全义务。[^k]\n\n"
        "A further claim is made here.^[John J. Mearsheimer, *The Tragedy of Great Power Politics*, New York: "
        "W. W. Norton, 2001, p. 12.]\n\n"
        "[^1]: 阎学通：《大国领导力》，北京：中信出版社，\n    2020 年版，第 25 页。\n"
        "[^k]: Robert O. Keohane, *After Hegemony*, Princeton: Princeton University Press, 1984.\n"
        "[^unused]: 本文系某某基金项目的阶段性成果。\n",
        encoding="utf-8",
    )
    doc = read_document(str(p))
    assert [n.number for n in doc.notes] == [1, 2, 3, 4]
    assert doc.notes[0].lines == ["阎学通：《大国领导力》，北京：中信出版社，2020 年版，第 25 页。"]
    assert doc.notes[1].anchor == "同时，政府要求盟友承担更多安全义务。"
    assert doc.notes[2].lines[0].startswith("John J. Mearsheimer, The Tragedy")  # emphasis marks off
    assert doc.notes[3].anchor is None  # defined, never referenced: still accounted for
    x = to_extraction(doc)
    assert {e.key for e in x.entries} == {"yan2020daguo", "keohane1984after", "mearsheimer2001tragedy"}


def test_plain_text_and_markdown_without_notes_take_the_text_path(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("正文。[1]\n\n[1] 阎学通：《大国领导力》，北京：中信出版社，2020 年版。\n", encoding="utf-8")
    assert read_document(str(p)) is None
    assert read_document(str(ARTICLE)) is None


# ------------------------------------------------------------------------------------ bad input


def _zip(parts, method=zipfile.ZIP_STORED):
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for k, v in parts.items():
            z.writestr(k, v)
    return buf.getvalue()


BAD = {
    "corrupt.docx": b"PK\x03\x04" + b"\x00garbage" * 50,
    "fake.pdf": b"<html>not found</html>",
    "old.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
    "other.zip": _zip({"a.txt": "hello"}),
    "nonotes.docx": docbuild.docx([["只有正文，没有注释。"]]),
    "nonotes.odt": docbuild.odt([["只有正文，没有注释。"]]),
    "text.docx": "一段文字。".encode(),
    "laughs.docx": _zip(
        {
            "word/document.xml": '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">'
            '<!ENTITY b "&a;&a;&a;&a;">]><d>&b;</d>'
        }
    ),
    "utf16dtd.docx": _zip(  # the keywords are not ASCII bytes in UTF-16
        {
            "word/document.xml": '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY n "Injected.">]>'
            "<d>&n;</d>".encode("utf-16")
        }
    ),
    "elements.docx": _zip(  # 12 KB that unpack to 300,000 empty elements
        {"word/document.xml": '<?xml version="1.0"?><d><p>' + "<r/>" * 300_000 + "</p></d>"}, zipfile.ZIP_DEFLATED
    ),
    "broken.docx": _zip({"word/document.xml": "<w:document><w:body>"}),
    "sheet.ods": _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_documents_are_one_line_exit_2(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(BAD[name])
    r = run_cli(["extract", str(p)])
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr
    assert str(p) in r.stderr


def test_bad_documents_say_what_is_wrong(tmp_path):
    msgs = {}
    for name, data in BAD.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(InputError) as e:
            read_document(str(p))
        msgs[name] = str(e.value)
    assert "damaged zip" in msgs["corrupt.docx"]
    assert "not a PDF" in msgs["fake.pdf"]
    assert "save it as .docx" in msgs["old.doc"]
    assert "without footnotes or endnotes" in msgs["nonotes.docx"] and "without footnotes" in msgs["nonotes.odt"]
    assert "DTD" in msgs["laughs.docx"] and "DTD" in msgs["utf16dtd.docx"]
    assert "times its packed size" in msgs["elements.docx"]
    assert "damaged XML" in msgs["broken.docx"]
    assert "spreadsheet" in msgs["sheet.ods"]


def test_a_part_that_inflates_past_the_limit_is_refused(tmp_path, monkeypatch):
    from annobib.documents import safezip

    monkeypatch.setattr(safezip, "PART_LIMIT", 1000)
    p = tmp_path / "bomb.docx"
    p.write_bytes(_zip({"word/document.xml": "<d>" + " " * 5000 + "</d>"}))
    with pytest.raises(InputError, match="refused"):
        read_document(str(p))


def test_all_the_xml_of_an_archive_is_weighed_against_its_size(tmp_path, monkeypatch):
    """A 428 KB .docx whose body unpacked 95 times (within the ratio rule) took 5 s and 500 MB:
    the XML read from one archive may come to 16 times its size, counted over every part."""
    from annobib.documents import safezip

    monkeypatch.setattr(safezip, "XML_FLOOR", 20_000)
    body = "<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 400  # 14 KB, packs to a few hundred bytes
    parts = {"word/document.xml": f"<w:document><w:body>{body}</w:body></w:document>"}
    p = tmp_path / "dense.docx"
    p.write_bytes(_zip(parts, zipfile.ZIP_DEFLATED))
    pkg = safezip.Package(p.read_bytes(), "dense.docx")
    assert pkg.budget == 20_000
    assert pkg.raw("word/document.xml") is not None  # 14 KB: under the budget
    with pytest.raises(InputError, match=r"its XML \(at word/document.xml\) unpacks past .*16 times the file"):
        pkg.raw("word/document.xml")  # read again: 28 KB in all
    monkeypatch.setattr(safezip, "XML_FLOOR", 10_000)
    with pytest.raises(InputError, match="16 times the file's size"):
        read_document(str(p))


def test_pages_is_for_pdfs(tmp_path):
    p = tmp_path / "notes.docx"
    p.write_bytes(docbuild.docx(docbuild.SMALL_NOTES))
    r = run_cli(["extract", str(p), "--pages", "1-2"])
    assert r.exit_code == 2 and "PDF files only" in r.stderr


def test_a_damaged_deflate_stream_is_one_line(tmp_path):
    data = bytearray(docbuild.docx(docbuild.SMALL_NOTES))
    with zipfile.ZipFile(BytesIO(bytes(data))) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 4
    data[start : start + 40] = b"\xff" * 40  # inside the compressed bytes: zlib cannot inflate them
    p = tmp_path / "damaged.docx"
    p.write_bytes(bytes(data))
    r = run_cli(["extract", str(p)])
    assert r.exit_code == 2 and r.stderr.count("\n") == 1 and "damaged" in r.stderr, r.stderr


def test_mendeley_cite_content_control_is_read_as_csl(tmp_path):
    item = {
        "type": "article-journal",
        "title": "The False Promise of International Institutions",
        "author": [{"family": "Mearsheimer", "given": "John J."}],
        "container-title": "International Security",
        "volume": "19",
        "issue": "3",
        "issued": {"date-parts": [[1994]]},
    }
    p = tmp_path / "m.docx"
    p.write_bytes(docbuild.docx([["制度无法约束大国。", ("fn", [("mendeley", [item], "Mearsheimer, 1994")])]]))
    x = to_extraction(read_document(str(p)))
    (e,) = x.entries
    assert e.type == "article" and e.fields["journaltitle"] == "International Security" and e.fields["volume"] == "19"
    assert x.notes[0].status == "cited" and x.notes[0].note.context == "制度无法约束大国。"


def test_parts_are_found_through_the_relationships(tmp_path):
    src = zipfile.ZipFile(BytesIO(docbuild.docx(docbuild.SMALL_NOTES)))
    renamed = {"word/document.xml": "word/document2.xml", "word/footnotes.xml": "word/notes-f.xml"}
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "_rels/.rels":
                data = data.replace(b"word/document.xml", b"word/document2.xml")
            if info.filename == "word/_rels/document.xml.rels":
                info.filename, data = "word/_rels/document2.xml.rels", data.replace(b"footnotes.xml", b"notes-f.xml")
            z.writestr(renamed.get(info.filename, info.filename), data)
    p = tmp_path / "renamed.docx"
    p.write_bytes(buf.getvalue())
    doc = read_document(str(p))
    assert [n.number for n in doc.notes] == [1, 2, 3] and doc.notes[0].anchor == "联盟体系是霸权护持的关键支柱。"


def test_a_citation_field_in_the_body_reads_as_printed(tmp_path):
    item = {"type": "book", "title": "After Hegemony", "author": [{"family": "Keohane", "given": "Robert O."}]}
    p_ = docbuild.docx(
        [
            [
                "制度很重要",
                ("zotero", [item], "（Keohane 1984）"),
                "。",
                ("fn", ["阎学通：《大国领导力》，北京：中信出版社，2020 年版。"]),
            ]
        ]
    )
    (tmp_path / "x.docx").write_bytes(p_)
    doc = read_document(str(tmp_path / "x.docx"))
    assert doc.notes[0].anchor == "制度很重要（Keohane 1984）。" and doc.notes[0].csl == []


def test_the_content_decides_when_the_name_says_otherwise(tmp_path):
    p = tmp_path / "paper.pdf"
    p.write_bytes(docbuild.docx(docbuild.SMALL_NOTES))
    r = run_cli(["extract", str(p), "-o", "-"])
    assert r.exit_code == 0, r.stderr
    assert "named .pdf but its content is a Word (.docx) document; read as such" in r.stderr
    assert "@book{keohane1984after," in r.stdout


def test_a_custom_mark_footnote_is_note_0_and_does_not_count(tmp_path):
    p = tmp_path / "star.docx"
    p.write_bytes(
        docbuild.docx(
            [
                ["大国政治的逻辑", ("star", ["本文系某某基金项目的阶段性成果。"])],
                ["联盟体系是霸权护持的关键支柱。", ("fn", ["阎学通：《大国领导力》，北京：中信出版社，2020 年版。"])],
            ]
        )
    )
    doc = read_document(str(p))
    assert [(n.number, n.lines[0][:4], n.anchor) for n in doc.notes] == [
        (0, "本文系某", "大国政治的逻辑"),
        (1, "阎学通：", "联盟体系是霸权护持的关键支柱。"),
    ]
