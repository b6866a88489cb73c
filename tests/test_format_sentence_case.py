"""Sentence case keeps a capital letter that names something (T-cell, K-means, Plan A) but writes
the E- of electronic in lower case, as the GB/T 7714 reference lists do (e-government)."""

from __future__ import annotations

import pytest

from annobib.styles.casing import sentence_case


@pytest.mark.parametrize(
    "title, cased",
    [
        ("United Nations E-Government Survey 2024", "United Nations e-government survey 2024"),
        ("Rules for E-Commerce", "Rules for e-commerce"),
        ("E-Mail at Work", "E-mail at work"),  # the first word keeps its capital
        ("T-Cell Response", "T-cell response"),
        ("K-Means Clustering", "K-means clustering"),
        ("The Case for Plan A", "The case for plan A"),
    ],
)
def test_sentence_case_of_single_letters_before_a_hyphen(title, cased):
    assert sentence_case([(title, False)]) == cased
