"""A damaged cache file is removed and made again, never trusted: every cache file is sealed
(core/sealed: a length and a CRC-32 before marshal sees a byte), the view per section."""

from __future__ import annotations

import struct
import time

import pytest
from childproc import CPU_LIMIT, child

from annobib.core.sealed import Damaged, seal, unseal
from annobib.lookup.store import MAGIC

BIB = "".join(f"@book{{k{i}, author = {{Wang, Li}}, title = {{Title {i}}}, date = {{2020}}}}\n" for i in range(50))


def test_a_sealed_value_reads_back_and_damage_is_refused():
    blob = seal({"rows": [(1, "a")] * 3})
    assert unseal(blob) == {"rows": [(1, "a")] * 3}
    assert unseal(b"[" * 16) is None  # no magic: another format, quietly absent
    for bad in (blob[:-1], blob + b"x", blob[:-8] + b"[" * 8):
        with pytest.raises(Damaged):
            unseal(bad)


def _view_damaged_at(blob: bytes, where: str) -> bytes:
    hlen, _crc = struct.unpack_from("<II", blob, len(MAGIC))
    at = {"header": len(MAGIC) + 8, "first section": len(MAGIC) + 8 + hlen, "last section": len(blob) - 24}[where]
    return blob[:at] + b"[" * 16 + blob[at + 16 :]


@pytest.mark.parametrize("where", ["header", "first section", "last section"])
def test_a_damaged_view_is_removed_and_made_again(tmp_path, where):
    (tmp_path / "lib.bib").write_text(BIB)
    time.sleep(2.1)  # old enough for its stat to be trusted (lookup/view.RACY_NS)
    for _ in range(2):
        code, _, err, _, _ = child(["--bib", "lib.bib", "list"], tmp_path)
        assert code == 0, err[-300:]
    (view,) = (tmp_path / "cache").rglob("*.view")
    view.write_bytes(_view_damaged_at(view.read_bytes(), where))
    code, out, err, cpu, _ = child(["--bib", "lib.bib", "show", "k49"], tmp_path, timeout=60)
    assert code == 0 and "Title 49" in out, err[-300:]
    assert err.count("warning:") == 1 and "damaged" in err and cpu < CPU_LIMIT, (err, cpu)
    code, out, err, _, _ = child(["--bib", "lib.bib", "list"], tmp_path)
    assert code == 0 and "k49" in out and "damaged" not in err, err[-300:]
