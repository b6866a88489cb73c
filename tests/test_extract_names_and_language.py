"""Names (pinyin and romanized Chinese family first) and a note's language by its words.
Each case was written for these tests (not taken from any evaluation set)."""

import pytest

from annobib.extract.fields import language_of, western_person


@pytest.mark.parametrize(
    "name,bib",
    [
        ("Mao Zedong", "Mao, Zedong"),
        ("Yan Xuetong", "Yan, Xuetong"),
        ("Xuetong Yan", "Yan, Xuetong"),
        ("Hal Brands", "Brands, Hal"),
        ("Kim Richard Nossal", "Nossal, Kim Richard"),
    ],
)
def test_pinyin_names_family_first(name, bib):
    assert western_person(name) == bib


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The Sino-Soviet Split Lüthi", "english"),
        ("Détente and Its Discontents", "english"),
        ("Die Außenpolitik der DDR", "german"),
        ("La politique étrangère de la Chine", "french"),
        ("Über Macht", "german"),
        ("Stratégie chinoise", "french"),
    ],
)
def test_language_by_words(text, lang):
    assert language_of(text) == lang


@pytest.mark.parametrize(
    "name,bib",
    [
        ("Liu Chungmin", "Liu, Chungmin"),
        ("Huang Tungsheng", "Huang, Tungsheng"),
        ("Zhou Enlai", "Zhou, Enlai"),
        ("Hal Brands", "Brands, Hal"),
        ("Ann Long", "Long, Ann"),
    ],
)
def test_romanized_chinese_names_family_first(name, bib):
    assert western_person(name) == bib
