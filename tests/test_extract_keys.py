"""Keys of extracted works: the suffixes that keep them unique."""


def test_many_works_with_one_base_key_are_numbered_in_linear_time():
    from annobib.extract.keys import unique

    taken: set[str] = set()
    tried: dict[str, int] = {}
    probes = []
    real_contains = set.__contains__

    class Counting(set):
        def __contains__(self, item):
            probes.append(item)
            return real_contains(self, item)

    taken = Counting()
    keys = []
    for _ in range(3_000):
        k = unique("wang2020", taken, tried)
        taken.add(k)
        keys.append(k)
    assert keys[:3] == ["wang2020", "wang2020a", "wang2020b"] and keys[27] == "wang20202" and len(set(keys)) == 3_000
    assert len(probes) < 3 * 3_000  # each key tries the suffixes after the last one used: was ~n²/2


def test_han_names_romanize_like_pypinyin_character_by_character():
    """Keys romanize from the compact table, not pypinyin (whose import costs ~300 ms a run): every
    character must read as pypinyin's first reading, ü written v (吕 lv, 女 nv)."""
    import re

    from annobib.extract.keys import fold
    from annobib.names import pinyin_of

    chars = [chr(o) for o in range(0x4E00, 0xA000, 7)] + list("吕女略绿虐律驴曾单解区仇朴查")
    assert [fold(c) for c in chars] == [re.sub("[^a-z0-9]", "", pinyin_of(c, sep="").lower()) for c in chars]
    assert fold("吕思勉") == "lvsimian"


def test_extracting_chinese_notes_does_not_import_pypinyin():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from annobib.extract import extract_notes\n"
        "entries = extract_notes('1. 王缉思：《大国关系》，北京：世界知识出版社2015年版，第12页。').entries\n"
        "print(entries[0].key, 'pypinyin' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[0].startswith("wang2015") and out[1] == "False"


def test_an_organization_key_is_letters_and_digits_only():
    """A bracketed series number among an organization's words (`1832 (735-II)`) gives its acronym
    part without the brackets: keys never carry debris (`anon17ii)1832report` was written)."""
    from annobib.extract.keys import org_short

    assert org_short("{United Nations Treaty Series 1832 (735-II)}") == "unts17ii"
    assert org_short("{Émission ÉU Bureau}") == "eeub"
    assert org_short("{North Atlantic Treaty Organization}") == "nato"
