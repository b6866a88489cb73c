"""The general causes behind blind set 34's misses in its English, Japanese and Russian works
(w09-w17), each on notes written for these tests (not taken from any evaluation set)."""

from annobib.extract.fields import parse_citation


def test_a_bare_at_page_after_an_article_range_is_the_pinpoint():
    p = parse_citation('Ann Roe, "Ice Law," Polar Review 8, no. 3 (May 2009): 301–340, at 322.')
    assert (p.fields["pages"], p.locator) == ("301-340", "322")

