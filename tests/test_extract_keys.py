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
