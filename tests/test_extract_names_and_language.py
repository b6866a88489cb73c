"""Names (pinyin and romanized Chinese family first) and a note's language by its words.
Each case was written for these tests (not taken from any evaluation set)."""

import pytest

from annobib.extract.fields import language_of, parse_citation, western_person


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


def test_gost_corporate_heading_is_the_author_not_the_title():
    # GOST puts a body's name first, as its own sentence, before the title
    book = parse_citation(
        "Федеральное агентство по рыболовству. Рыбное хозяйство России: стат. сб. М.: Росрыболовство, 2019. С. 12."
    )
    assert (book.fields["author"], book.fields["title"]) == (
        "{Федеральное агентство по рыболовству}",
        "Рыбное хозяйство России: стат. сб",
    )
    page = parse_citation(
        "Министерство финансов Российской Федерации. Бюджетный прогноз на период до 2036 года. "
        "URL: https://minfin.example.ru/prognoz (дата обращения: 03.03.2020)."
    )
    assert (page.fields["author"], page.fields["title"]) == (
        "{Министерство финансов Российской Федерации}",
        "Бюджетный прогноз на период до 2036 года",
    )
    person = parse_citation("Соколов В. П. Бюджетная система России. М.: Дело, 2016. С. 8.")
    assert (person.fields["author"], person.fields["title"]) == ("Соколов, В. П.", "Бюджетная система России")
    # a title that ends in such a word, straight before its imprint, stays the title
    title_only = parse_citation("Как работает банк. М.: Дело, 2014. 200 с.")
    assert "author" not in title_only.fields and title_only.fields["title"] == "Как работает банк"


def test_initials_before_a_transliterated_name_are_a_person():
    # [英]D.G.E.霍尔: a translated author keeps his initials; six characters do not make him a body
    p = parse_citation("[英]K.M.贝利:《某国史纲》,某某研究所译,北京:商务印书馆 1979 年版,第 12 页。")
    assert p.fields["author"] == "K.M.贝利"
    assert p.fields["translator"] == "{某某研究所}"
