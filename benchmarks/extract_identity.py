"""Extraction output, dumped whole, to prove that a speed change changes nothing.

    python benchmarks/extract_identity.py OUT.json          # dump
    python benchmarks/extract_identity.py OUT.json --check  # compare with an earlier dump

Runs ``extract_notes`` on every notes file and ``extract_text`` on every article under
tests/data/extract_* and on refs/article.txt, and dumps the full result (entries with all fields
and citations, notes with keys, statuses and reasons); also every distinct note of those files
through ``read_note`` (citations, kinds, locators and parsed fields), so a change that the joining
of works would hide still shows. Speed work must leave the dump byte-identical.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "cli"))


def dump() -> str:
    os.environ["ANNOBIB_JOBS"] = "1"  # one process: the figures do not depend on the machine
    from annobib.extract import extract_notes, extract_text
    from annobib.extract.citations import read_note
    from annobib.extract.notes import loose_notes

    out: dict[str, object] = {}
    texts: list[str] = []
    files = sorted((ROOT / "tests" / "data").glob("extract_*/*.txt")) + [ROOT / "refs" / "article.txt"]
    for path in files:
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(ROOT))
        if path.name.startswith("notes"):
            out[name] = extract_notes(text).as_json()
            texts += [n.text for n in loose_notes(text)]
        else:
            x = extract_text(text)
            out[name] = {**x.as_json(), "pages": x.pages, "page_numbers": list(x.page_numbers)}
            texts += [r.note.text for r in x.notes]
    read_note.cache_clear()
    out["read_note"] = {t: dataclasses.asdict(read_note(t)) for t in dict.fromkeys(texts)}
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    target = Path(argv[0])
    text = dump()
    if "--check" in argv:
        old = target.read_text(encoding="utf-8")
        if old == text:
            print(f"identical: {len(text):,} chars")
            return 0
        a, b = old.splitlines(), text.splitlines()
        for k, (x, y) in enumerate(zip(a, b)):
            if x != y:
                print(f"first difference at line {k + 1}:\n- {x}\n+ {y}")
                break
        else:
            print(f"lengths differ: {len(a)} vs {len(b)} lines")
        return 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}: {len(text):,} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
