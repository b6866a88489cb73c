"""Genre fixes found by a third unseen test (own strings, not the reviewer's)."""

from annobib.extract import extract_notes


def _run(text):
    x = extract_notes(text)
    return x, {e.key: e for e in x.entries}


def test_multi_author_op_cit_joins_by_all_surnames():
    x, by_key = _run(
        "[1] Douglass C. Smith and Barry R. Jones, \"Rules and Commitment,\" Journal of Economic History, "
        "Vol. 41, No. 2 (1979), pp. 801-832.\n"
        "[2] Ann White, \"Other Things,\" Journal of Law, Vol. 3, No. 1 (1990), pp. 1-20.\n"
        "[3] Smith and Jones, op. cit., p. 812.\n"
        "[4] Smith & Jones, op. cit., p. 813.\n")
    key = x.notes[0].keys[0]
    assert x.notes[2].status == "cited" and x.notes[2].keys == [key]
    assert x.notes[3].keys == [key]
    locs = [(c.note, c.locator) for c in by_key[key].citations]
    assert (3, "812") in locs and (4, "813") in locs


def test_two_chinese_authors_qianyin():
    x, by_key = _run(
        "[1] 李明、王强：《中国的财政》，北京：人民出版社 2001 年版，第 5 页。\n"
        "[2] 李明、王强前引书，第 33 页。\n"
        "[3] 李明、王强：前引书，第 34 页。\n")
    key = x.notes[0].keys[0]
    assert x.notes[1].keys == [key] and x.notes[2].keys == [key]
    assert len(x.entries) == 1
    assert [c.locator for c in by_key[key].citations] == ["5", "33", "34"]
