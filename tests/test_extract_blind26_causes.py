"""The causes behind blind set 26's misses, each shown on an invented note of the same shape."""

from annobib.extract import extract_notes
from annobib.extract.notes import loose_notes


def test_a_reference_list_heading_of_any_common_wording_is_no_item():
    # ``Reference list`` (Harvard guides), ``Works cited``, ``Literature cited``: the heading is
    # dropped, so item 1 is the first reference and every later item keeps its own number
    for heading in ("Reference list", "REFERENCE LIST", "Literature cited", "Selected bibliography"):
        text = (
            f"{heading}\n"
            "Okafor, B. and Lind, S. (eds.) (2011) Harbour Towns in Transition. Leeds: Northgate.\n"
            "Quill, J. (1999) Tidal Commerce. Bristol: Avonside Press.\n"
        )
        notes = loose_notes(text)
        assert [(n.number, n.text[:6]) for n in notes] == [(1, "Okafor"), (2, "Quill,")], heading
    x = extract_notes("Reference list\nQuill, J. (1999) Tidal Commerce. Bristol: Avonside Press.\n")
    assert [e.fields["author"] for e in x.entries] == ["Quill, J."]
