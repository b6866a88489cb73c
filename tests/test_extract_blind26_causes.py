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


def test_westlaw_fn_labels_are_note_markers():
    # a law article copied from Westlaw labels its notes ``FN1.``: the label is the marker, so it
    # numbers the note and stays out of the title and the author, and ``Id.`` follows note 1
    text = (
        "FN1. Marta Solberg, Harbour Liability Reconsidered, 41 Tulane Mar. L.J. 210, 214 (2017).\n\n"
        "FN2. Id. at 219.\n\nFN3. Ruth Ode & Kenji Amos, Salvage Law, 12 Tex. L. Rev. 5 (1990).\n"
    )
    notes = loose_notes(text)
    assert [(n.number, n.text[:5]) for n in notes] == [(1, "Marta"), (2, "Id. a"), (3, "Ruth ")]
    x = extract_notes(text)
    assert [e.fields["title"] for e in x.entries] == ["Harbour Liability Reconsidered", "Salvage Law"]
    assert x.notes[1].keys == [x.entries[0].key]

