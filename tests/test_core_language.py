"""The one language guesser (annobib.core.language) and the callers that use it."""

import pytest

from annobib import names, text
from annobib.checks import _util
from annobib.core.language import char_script, guess_language, script_counts, script_of
from annobib.styles import gbt7714

SAMPLES = [
    # text, code, dominant script
    ("国际关系理论", "zh", "han"),
    ("中國的對外政策", "zh", "han"),  # traditional characters
    ("𠀋𠂉", "zh", "han"),  # CJK extension B
    ("日本の外交政策", "ja", "kana"),  # kana among kanji makes it Japanese
    ("カタカナ", "ja", "kana"),
    ("ｶﾀｶﾅ", "ja", "kana"),  # half-width katakana
    ("한국의 외교 정책", "ko", "hangul"),
    ("韓國의 외교", "ko", "hangul"),  # hangul among hanja makes it Korean
    ("Внешняя политика России", "ru", "cyrillic"),
    ("Ελληνική πολιτική", "el", "greek"),
    ("السياسة الخارجية", "ar", "arabic"),
    ("The Politics of Alliances", "en", "latin"),
    ("“Quoted” – a title", "en", "latin"),  # typographic punctuation is not an accent
    ("The politics of 关系 in the era of great powers", "", "latin"),  # English quoting a term
    ("Détente et la guerre froide", "", "latin"),  # Latin with accents: French? German? undecided
    ("1991–2001", "", "other"),
    ("", "", "other"),
]


@pytest.mark.parametrize("sample, code, script", SAMPLES)
def test_samples(sample, code, script):
    assert guess_language(sample) == code
    assert script_of(sample) == script


def test_undecided_latin_takes_the_callers_default():
    assert guess_language("Détente", undecided="en") == "en"
    assert guess_language("1991", undecided="en") == ""  # no letters: nothing to guess


def test_counts_and_characters():
    assert script_counts("Li 李明 × 2")["latin"] == 2 and script_counts("Li 李明")["han"] == 2
    assert [char_script(c) for c in "a李かㄱЖ1×"] == ["latin", "han", "kana", "hangul", "cyrillic", None, None]


def test_every_caller_uses_it():
    assert names.script_of is script_of and names.char_script is char_script
    assert _util.guess_language("日本の外交") == "japanese"
    assert _util.guess_language("The politics of 关系 in the era of great powers") is None
    assert _util.guess_language("Détente") is None
    assert text.language_code(None, "한국 외교") == "ko"
    assert text.language_code(None, "Détente") == "en"  # the list's convention for Latin script
    assert text.language_code("ngerman", "国际") == "de"  # a langid wins over the script
    assert gbt7714.str_lang("Smith 李") == gbt7714.LANG_ZH and gbt7714.char_lang("ж") == gbt7714.LANG_RU
