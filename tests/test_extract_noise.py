"""Every held-out note set re-run under each kind of noise real copying adds (tests/noise.py),
with a floor per kind: ASCII punctuation, glued note numbers, broken lines and words, site debris."""

import json
from pathlib import Path

import pytest

import noise

ROOT = Path(__file__).resolve().parents[1]
SETS = ("extract_heldout", "extract_heldout4", "extract_heldout5")
FLOOR = {"ascii_punctuation": 0.99, "glued_numbers": 0.99, "broken_lines": 0.99, "trailing_debris": 0.99}


@pytest.mark.parametrize("kind", sorted(FLOOR))
@pytest.mark.parametrize("name", SETS)
def test_noise_kind_keeps_accuracy(heldout_bench, tmp_path, name, kind):
    expected = json.loads((ROOT / "tests" / "data" / name / "expected.json").read_text(encoding="utf-8"))["notes"]
    (tmp_path / "notes.txt").write_text(noise.noisy_notes_file(kind, [(n["n"], n["text"]) for n in expected]), encoding="utf-8")
    (tmp_path / "expected.json").write_text(json.dumps({"notes": expected}, ensure_ascii=False), encoding="utf-8")
    report = heldout_bench.evaluate(tmp_path)
    assert report.accuracy >= FLOOR[kind], [(c.note, c.field, c.expected, c.got) for c in report.mismatches][:8]


def test_noise_changes_the_text():
    notes = [(1, "王某：《大国关系》，北京：某出版社 2015 年版，第 12 页。"), (2, "Robert Jervis, Perception and Misperception, p. 58.")]
    for kind in noise.KINDS:
        assert noise.noisy_notes_file(kind, notes) != "\n\n".join(f"{n} {t}" for n, t in notes) + "\n", kind
