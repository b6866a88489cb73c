"""A note anchored right after a full stop ends its sentence, in every document reader.

The readers put a private-use anchor where each note is (documents.common.mark), and the Latin
sentence-stop pattern of extract/notes.py allowed only a glued note number between the stop and
the space: ``First we saw this.<anchor> Then he said that.<anchor>`` gave the second note the
citing sentence "First we saw this. Then he said that.". Each reader is checked on a document
built here (docbuild), so a reader that anchors its notes differently is caught too.
"""

from __future__ import annotations

import docbuild
import pytest

from annobib.documents import read_document
from annobib.documents.bridge import to_extraction

NOTE_A = ["Anna Smith, A First Book (London: Northgate Press, 2001), 12."]
NOTE_B = ["John Brown, A Second Book (Boston: Harbour Press, 2010), 34."]
BODY = [["First we saw this.", ("fn", NOTE_A), " Then he said that.", ("fn", NOTE_B), " Nobody doubted it."]]
BUILD = {"docx": docbuild.docx, "odt": docbuild.odt, "pdf": docbuild.footnote_pdf}


@pytest.mark.parametrize("kind", sorted(BUILD))
def test_a_marker_after_a_full_stop_ends_the_sentence(tmp_path, kind):
    path = tmp_path / f"paper.{kind}"
    path.write_bytes(BUILD[kind](BODY))
    x = to_extraction(read_document(str(path)))
    assert [r.note.context for r in x.notes] == ["First we saw this.", "Then he said that."]
