"""The general causes behind blind set 34's misses in its English, Japanese and Russian works
(w09-w17), each on notes written for these tests (not taken from any evaluation set)."""

from annobib.extract.fields import parse_citation


def test_a_bare_at_page_after_an_article_range_is_the_pinpoint():
    p = parse_citation('Ann Roe, "Ice Law," Polar Review 8, no. 3 (May 2009): 301–340, at 322.')
    assert (p.fields["pages"], p.locator) == ("301-340", "322")


def test_a_chicago_thesis_keeps_the_campus_of_its_university():
    p = parse_citation('Ann Roe, "Ice Law and Empire" (PhD diss., University of Texas, Austin, 2011), 40.')
    assert (p.type, p.fields["institution"]) == ("thesis", "University of Texas, Austin")


def test_a_thesis_outside_parentheses_leaves_its_place_out_of_the_institution():
    p = parse_citation(
        'Ann Roe, "Ice Law and Empire," unpublished PhD thesis, Jawaharlal Nehru University, New Delhi, 1994, p. 9.'
    )
    assert p.fields["institution"] == "Jawaharlal Nehru University"
