"""Blind sets 6-20: footnotes and reference lists written from real published notes, noise as found,
by people who had not read the parser (one notes_wNN.txt per work). First contact (before any fix):
set 6 90.1 %, set 7 82.0 %, set 8 86.3 %, set 9 65.6 % (the noisiest: PDF breaks, glued numbers,
law and Japanese author-date lists), set 10 55.6 % (pastes that begin with the notes' heading),
set 11 87.8 % (written after sets 9 and 10 had taught the code), set 12 80.7 % (two works pasted with
⑴ markers and with numbers on lines of their own came out as one note each), set 13 78.3 % (the
same again: ( 1 ) markers, a run-on ③ on a continuation line, numbers on lines of their own, three
works as one note each; 92 % on the other fourteen). Sets 14 and 15 were written after the note
splitter began to follow the numbering in any marker shape (annobib.extract.numbering): first
contact 74.5 % and 73.5 % with the code before it, 89.2 % and 81.0 % with it (set 15's three
unnumbered reference lists with site-link lines between items came out as one note each). Sets 16
and 17 were written after the fixes sets 14 and 15 taught and scored 91.7 % and 91.2 % on first
contact (works found 154/158 and 149/151, back-references 94 % and 90 %). Set 8 is the reserve:
it was never inspected while fixing, and should not be tuned on — it measures, it does not teach.
Set 19 (reference lists and PDF-pasted notes: an unnumbered Japanese author-date list, a Harvard list
broken across lines, Chicago, Bluebook and GB/T notes from PDFs) scored 83.8 % on first contact (works
142/151); the unnumbered lists came out as a few long notes each. Set 20 (law-review pages with ↩
back-links, a Japanese law PDF with 1) markers under a journal heading, WeChat reposts, JSTOR and
Russian notes) scored 86.4 % on first contact (works 136/144); its heading made one PDF page one note.
Set 22 (an APA 7 list with a folio between items, OSCOLA international law, anthropology HTML
endnotes, a history PDF, Korean legal history, Russian IR, a GB/T list) scored 90.6 % on first contact
(works 144/146); the folio shifted every later APA item by one. Set 23 (classical philology with 卷
citations, a public-finance PDF with running heads, FRUS and archives in Chinese and English notes, a
Kindle-like political-theory paste, Bluebook ICJ cases, a Harvard list with publisher debris, Japanese
白書 and compound credits, Korean 재인용, Russian archives) scored 86.9 % on first contact (89.2 %
once names in ``Given Family`` order count as the same names; works 141/143, back-references 45/49);
after the fixes of its round 98.6 % (works 142/142, back-references 47/49; 97.2 % against its
expectation as first written, which recorded 17 values against the conventions of sets 6-22 and the
project's: GOST/GB/T names as ``Зуева Е. Ю.``, an unnamed interview as a citation, …). Set 24
(a blog copy with ``[注1]`` markers, Bluebook legal history, Korean unification studies, Japanese
civil law, GOST economics) scored 84.5 % on first contact (works 140/149, back-references 39/50; the
blog copy came out as one note); after the fixes of its round 95.4 % (works 149/149, back-references
47/50; 94.9 % against its expectation as first written, 7 values of which disagreed with earlier sets).
Set 25 (``N)`` markers run on, Japanese author-year ``前掲``, TNA files and Command papers, APA 7 from a
PDF, Korean and Russian notes) scored 86.7 % on first contact (works 146/156, back-references 45/50);
after the fixes of its round 96.7 % (works 156/156, back-references 47/50; 95.8 % against its
expectation as first written, 17 values of which disagreed with the documented conventions).
Set 26 (an OCR'd 1990s Chinese journal, a Westlaw copy with ``FN1.`` labels, a Harvard list under
``Reference list``, Japanese sociology, Korean web copy, Russian political science) scored 82.7 % on
first contact (works 150/153, back-references 42/48); after the fixes of its round 97.3 % (works
153/153, back-references 47/48; 96.4 % against its expectation as first written, 13 values of which
disagreed with earlier sets).
Set 27 (Vancouver medical lists, an MLA works-cited list, Chicago with romanized CJK, Japanese
literature, GB/T CS references) scored 85.6 % on first contact (works 152/158, back-references 45/50);
after the fixes of its round 91.0 % (33 values of its expectation, against the conventions of sets 6-24,
were re-read as those sets read them: numbered editions as numbers, ``Surname, Initials``, 新書 imprints
as publisher, edited volumes as ``collection``); a second round of fixes (canons' volumes, GB/T web
references without a tag, Japanese original/translation/reprint sentences, glossed romanization,
films) took it to 98.5 % (works 158/158; five more expectations re-read as docs/fields.md and sets 10-26 read
them: statute articles and treaty articles as no locator, a judgment's case number, 编著 as editor,
a Cantonese name family first).
Floors sit just under today's scores.

    PYTHONPATH=cli python benchmarks/extract_heldout.py --data tests/data/extract_blind7
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FLOORS = {
    "extract_blind6": 0.97,
    "extract_blind7": 0.93,
    "extract_blind8": 0.90,
    "extract_blind9": 0.91,
    "extract_blind10": 0.90,
    "extract_blind11": 0.91,
    "extract_blind12": 0.90,
    "extract_blind13": 0.90,
    "extract_blind14": 0.93,
    "extract_blind15": 0.95,
    "extract_blind16": 0.91,
    "extract_blind17": 0.90,
    "extract_blind18": 0.935,  # 94.6 % after the fixes of its round (91.3 % on first contact)
    "extract_blind19": 0.965,
    "extract_blind20": 0.954,  # 96.4 % after the fixes of its round
    "extract_blind21": 0.947,  # 95.7 % after the fixes of its round (92.0 % on first contact)
    "extract_blind22": 0.958,  # 96.8 % after the fixes of its round (90.6 % on first contact)
    "extract_blind23": 0.975,  # 98.6 % after the fixes of its round (89.2 % on first contact)
    "extract_blind24": 0.944,  # 95.4 % after the fixes of its round (84.5 % on first contact)
    "extract_blind25": 0.957,  # 96.7 % after the fixes of its round (86.7 % on first contact)
    "extract_blind26": 0.963,  # 97.3 % after the fixes of its round (82.7 % on first contact)
    "extract_blind27": 0.98,  # 98.5 % after a second round of fixes (91.0 % after the first, 85.6 % on first contact)
    "extract_blind28": 0.99,  # 99.7 % after the fixes of its round (96.6 % on first contact)
    "extract_blind29": 0.98,  # 99.0 % after the fixes of its round (85.8 % on first contact)
    "extract_blind30": 0.988,  # 99.8 % after the fixes of its round (94.6 % on first contact)
    "extract_blind31": 0.967,  # 97.4 % after the fixes of its round (82.4 % on first contact)
    "extract_blind32": 0.97,  # 97.5 % after the fixes of its round (90.5 % on first contact)
    "extract_blind33": 0.92,  # 92.5 % after four fixes (88.5 % on first contact, on the session's final code)
    "extract_blind34": 0.99,  # 99.7 % after the fixes of its round (80.3 % on first contact)
    "extract_blind35": 0.98,  # 98.8 % after the fixes of its round (83.7 % on first contact)
    "extract_blind36": 0.985,  # 99.2 % after the fixes of its round (94.0 % on first contact)
    "extract_blind37": 0.995,  # 99.9 % after the fixes of session 14 (93.5 % on first contact)
    "extract_blind38": 0.995,  # 100.0 % after the fixes of its round (96.5 % on first contact)
    "extract_blind39": 0.99,  # 99.5 % after the fixes of its round (94.2 % on first contact; 89.7 %
    # before the scorer read a list restarting at [1])
    "extract_blind40": 0.985,  # 98.9 % on the final code (98.7 % on first contact; never fixed)
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_floor(heldout_bench, name):
    report = heldout_bench.evaluate(ROOT / "tests" / "data" / name)
    assert len(report.checks) > 1000
    assert report.accuracy >= FLOORS[name], f"{report.accuracy:.3f}"
