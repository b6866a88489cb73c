"""A damaged cache file is removed and made again, never trusted: every cache file is sealed
(core/sealed: a length and a CRC-32 before marshal sees a byte), the view per section."""

from __future__ import annotations

import marshal
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


def _damage_a_record(tmp_path):
    (view,) = (tmp_path / "cache").rglob("*.view")
    blob = view.read_bytes()
    hlen, _crc = struct.unpack_from("<II", blob, len(MAGIC))
    header = marshal.loads(blob[len(MAGIC) + 8 : len(MAGIC) + 8 + hlen])
    last = header["sections"]["rec.n"][0] - 1
    off, length = header["sections"][f"rec.{last}"]
    at = len(MAGIC) + 8 + hlen + off + length // 2  # inside a record in the middle
    view.write_bytes(blob[:at] + b"[" * 16 + blob[at + 16 :])


def test_damaged_records_are_not_copied_into_the_next_view(tmp_path):
    """A rebuild copies the unchanged entries' records from the old view: those are checked
    whole first, so damage there is never sealed into the new view under a good check."""
    (tmp_path / "lib.bib").write_text(BIB)
    code, _, err, _, _ = child(["--bib", "lib.bib", "list"], tmp_path)
    assert code == 0, err[-300:]
    _damage_a_record(tmp_path)
    with open(tmp_path / "lib.bib", "a") as fh:  # a change: the next read rebuilds on the old view
        fh.write("@book{new, title = {New}, date = {2021}}\n")
    for key in [f"k{i}" for i in range(20, 31)]:  # the middle record and its neighbours
        code, out, err, cpu, _ = child(["--bib", "lib.bib", "show", key], tmp_path, timeout=60)
        assert code == 0 and cpu < CPU_LIMIT, (key, err[-300:], cpu)


def test_a_damaged_record_read_alone_is_one_clear_line(tmp_path):
    (tmp_path / "lib.bib").write_text(BIB)
    time.sleep(2.1)  # old enough for its stat to be trusted: the view is used as it is
    for _ in range(2):
        code, _, err, _, _ = child(["--bib", "lib.bib", "list"], tmp_path)
        assert code == 0, err[-300:]
    _damage_a_record(tmp_path)
    for key in [f"k{i}" for i in range(20, 31)]:
        code, out, err, cpu, _ = child(["--bib", "lib.bib", "show", key], tmp_path, timeout=60)
        assert "internal error" not in err and cpu < CPU_LIMIT, (key, err[-300:], cpu)
        assert code == 0 or "damaged" in err, (key, code, err[-300:])
    code, out, err, _, _ = child(["--bib", "lib.bib", "show", "k25"], tmp_path)
    assert code == 0 and "Title 25" in out, err[-300:]  # made again
