"""The one reader of .docx citation fields (documents/wordml.py), shape by shape, as both of its
users see it: the notes of an article (extract) and the citations of a manuscript (format)."""

from __future__ import annotations

import base64
import json
from xml.etree import ElementTree as ET

import pytest

from annobib.documents import docx
from annobib.documents.wordml import FieldWalker
from annobib.manuscript import word

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ITEM = {"type": "book", "title": "After Hegemony", "author": [{"family": "Keohane", "given": "Robert"}]}
BBT = dict(ITEM, **{"citation-key": "keohane1984after"})


def _payload(item: dict, locator: str | None = None) -> str:
    cited = {"itemData": item, **({"locator": locator} if locator else {})}
    return json.dumps({"citationItems": [cited]}, ensure_ascii=False)


def _complex(instruction: str, shown: str = "(Keohane 1984)") -> str:
    half = len(instruction) // 2  # Word splits long instructions over several runs
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"<w:r><w:instrText>{_esc(instruction[:half])}</w:instrText></w:r>"
        f"<w:r><w:instrText>{_esc(instruction[half:])}</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{shown}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


SHAPES = {
    "zotero": _complex(" ADDIN ZOTERO_ITEM CSL_CITATION " + _payload(ITEM, "25")),
    "better-bibtex": _complex(" ADDIN ZOTERO_ITEM CSL_CITATION " + _payload(BBT)),
    "mendeley-field": _complex(" ADDIN CSL_CITATION " + _payload(ITEM)),
    "fldSimple": f'<w:fldSimple w:instr="{_esc("ADDIN ZOTERO_ITEM CSL_CITATION " + _payload(ITEM))}">'
    "<w:r><w:t>(Keohane 1984)</w:t></w:r></w:fldSimple>",
    "mendeley-cite": '<w:sdt><w:sdtPr><w:tag w:val="MENDELEY_CITATION_v3_'
    + base64.b64encode(_payload(ITEM).encode()).decode()
    + '"/></w:sdtPr><w:sdtContent><w:r><w:t>(Keohane 1984)</w:t></w:r></w:sdtContent></w:sdt>',
}


def _paragraph(field: str) -> ET.Element:
    return ET.fromstring(f"<w:p {NS}><w:r><w:t>Institutions matter </w:t></w:r>{field}<w:r><w:t>.</w:t></w:r></w:p>")


class _Recorder(FieldWalker):
    def __init__(self) -> None:
        super().__init__()
        self.cited: list = []

    def cite(self, items):
        self.cited.append(items)
        return True


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_each_field_shape_is_read_as_its_csl_items(shape):
    w = _Recorder()
    w.walk(_paragraph(SHAPES[shape]))
    assert len(w.cited) == 1 and len(w.cited[0]) == 1, w.cited
    item, loc = w.cited[0][0]
    assert item["title"] == "After Hegemony" and item["author"][0]["family"] == "Keohane"
    assert loc == ("25" if shape == "zotero" else None)
    assert "".join(w.out) == "Institutions matter .\n"  # the shown rendering is left out


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_note_of_an_article_carries_the_items(shape):
    w = docx._Walker(in_note=True)
    w.walk(_paragraph(SHAPES[shape]))
    assert [i["title"] for i, _loc in w.citations] == ["After Hegemony"]
    assert "Keohane 1984" not in "".join(w.out)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_body_of_an_article_reads_as_printed(shape):
    w = docx._Walker()
    w.walk(_paragraph(SHAPES[shape]))
    assert "".join(w.out) == "Institutions matter (Keohane 1984).\n" and not w.citations


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_manuscript_cites_the_items_where_the_field_stands(shape):
    s = word._Stream({})
    s.walk(_paragraph(SHAPES[shape]))
    assert "".join(s.out) == "Institutions matter " + word.FIELD.format(0) + ".\n"
    [(item, _loc)] = s.items[0]
    assert word.csl_key(item) == ("keohane1984after" if shape == "better-bibtex" else None)


def test_a_field_that_is_not_a_citation_keeps_its_text():
    w = _Recorder()
    w.walk(_paragraph(_complex(" PAGE ", shown="12")))
    assert not w.cited and "".join(w.out) == "Institutions matter 12.\n"


def test_both_readers_are_the_one_walker():
    assert issubclass(docx._Walker, FieldWalker) and issubclass(word._Stream, FieldWalker)


# ------------------------------------------------------------------ properties dropped before parsing

RPR = '<w:rPr><w:rFonts w:ascii="Times"/><w:sz w:val="24"/></w:rPr>'


def _word_body(runs: int) -> bytes:
    """A body as Word writes it: every run repeats its properties; a tracked property change nests
    an ``rPr`` in an ``rPr``, a paragraph's properties hold the mark's ``rPr``."""
    run = f'<w:r>{RPR}<w:t xml:space="preserve">word </w:t></w:r>'
    changed = '<w:r><w:rPr><w:b/><w:rPrChange w:id="1"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>b</w:t></w:r>'
    ppr = f'<w:pPr><w:ind w:firstLine="480"/>{RPR}</w:pPr>'
    return f"<w:document {NS}><w:body><w:p>{ppr}{run * runs}{changed}</w:p></w:body></w:document>".encode()


def test_run_properties_are_dropped_before_parsing():
    from annobib.documents.wordml import drop_properties

    data = _word_body(50)
    tree = ET.fromstring(drop_properties(data))
    rpr = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr"
    # the runs' and the paragraph mark's properties went; the block holding an rPrChange stays
    assert len(list(tree.iter(rpr))) == 1 and len(list(ET.fromstring(data).iter(rpr))) == 53
    assert len(list(ET.fromstring(data).iter())) > 2 * len(list(tree.iter()))  # 265 elements -> 110
    words = FieldWalker()
    words.walk(tree)
    plain = FieldWalker()
    plain.walk(ET.fromstring(data))
    assert words.out == plain.out and "".join(words.out) == "word " * 50 + "b\n"


@pytest.mark.parametrize(
    "oddity",
    [
        "<!-- <w:rPr> -->",
        "<![CDATA[<w:rPr>]]>",
        "<?pi <w:rPr>?>",
        '<w:x xmlns:w="urn:other"/>',
    ],
)
def test_properties_stay_where_the_bytes_could_mislead(oddity):
    from annobib.documents.wordml import drop_properties

    data = b'<?xml version="1.0"?>' + _word_body(3).replace(b"<w:body>", b"<w:body>" + oddity.encode())
    assert drop_properties(data) == data


def test_an_article_is_read_from_the_pruned_parts(monkeypatch):
    """The .docx reader hands its body and both notes parts to the pruning parse."""
    from annobib.documents import wordml

    seen = []
    real = wordml.drop_properties
    monkeypatch.setattr(wordml, "drop_properties", lambda data: seen.append(len(data)) or real(data))
    body = [["Keohane argues", ("fn", ["Robert Keohane, After Hegemony (Princeton, 1984), 12."])]]
    from docbuild import docx as build_docx

    doc = docx.read_docx(build_docx(body), "a.docx")
    assert len(seen) == 3 and doc.notes[0].lines


def test_the_walker_spells_no_tag_for_each_element(monkeypatch):
    """Issue 12 (5,600 paragraphs, 117,000 elements): each element's tag was compared with tags
    joined anew (``W + "t"``, nine of them for a run); they are spelled once, and a paragraph or a
    run is passed on with one look-up."""
    from annobib.documents import wordml

    joins: list[str] = []

    class CountingPrefix(str):
        def __add__(self, other):
            joins.append(other)
            return str.__add__(self, other)

    body = "<w:p><w:r><w:t>a</w:t></w:r><w:r><w:tab/><w:t>b</w:t></w:r><w:r><w:noBreakHyphen/></w:r></w:p>" * 50
    tree = ET.fromstring(f"<w:document {NS}><w:body>{body}</w:body></w:document>")
    monkeypatch.setattr(wordml, "W", CountingPrefix(wordml.W))
    walker = FieldWalker()
    walker.walk(tree)
    assert "".join(walker.out) == "a b-\n" * 50 and joins == []
