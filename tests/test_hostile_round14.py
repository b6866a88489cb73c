"""Hostile round 14: failures found against issue #12's "How it is judged", one test each.

Every test is ``xfail(strict=True)`` with the reason it fails today, so the lead can remove the
mark as each is fixed (a fixed one then XPASSes, and the strict mark turns that into a failure
that says "remove me"). The report is /work/prompts/s14/reports/redteam14.md.

The inputs are built here from their shape, small, and never kept as files: a Markdown note of
unclosed emphasis, a bibliography of stray '@' lines, macros used many times over, a cache folder
2,000 levels deep. Nothing here touches the internet: the registries and the Archive are raw
fakes on 127.0.0.1 (an answer of 503s, endless 1xx heads, a trickle, a redirect to port 99999).
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
import time
import zlib

import pytest
from childproc import CPU_LIMIT, RSS_LIMIT_MB, child

SMALL_BIB = "@book{base2020, author = {Base, Anna}, title = {A base entry}, date = {2020}, publisher = {P}}\n"
DOI_BIB = (
    "@article{d1, author = {Wang, Li}, title = {A title}, journaltitle = {J}, date = {2020}, doi = {10.1000/abc}}\n"
)


def assert_no_internal_error(err):
    assert "internal error" not in err and "Traceback" not in err, err[-500:]


# --------------------------------------------------------------------------- a raw web on 127.0.0.1


def _serve_raw(answer):
    """A fixture's body: every connection on 127.0.0.1 gets ``answer(sock)`` after its request head
    is read (raw bytes: heads no http.server would send); the base URL is yielded."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    stop = threading.Event()

    def handle(conn):
        try:
            conn.settimeout(60)
            head = b""
            while b"\r\n\r\n" not in head:
                got = conn.recv(65536)
                if not got:
                    return
                head += got
            answer(conn, stop)
        except OSError:
            pass
        finally:
            conn.close()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    listener.close()


def _always_503(conn, stop):
    conn.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")


def _endless_1xx(conn, stop):
    """1xx heads, back to back, for a minute: no final answer ever comes."""
    end = time.monotonic() + 60
    while time.monotonic() < end and not stop.is_set():
        conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n" * 100)


def _close_delimited_trickle(conn, stop):
    """An HTTP/1.0 answer with no length: one byte every 0.5 s, for a minute."""
    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n")
    end = time.monotonic() + 60
    while time.monotonic() < end and not stop.is_set():
        conn.sendall(b" ")
        time.sleep(0.5)


def _redirect_to_port_99999(conn, stop):
    conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:99999/x\r\nContent-Length: 0\r\n\r\n")


@pytest.fixture
def web_503():
    yield from _serve_raw(_always_503)


@pytest.fixture
def web_1xx():
    yield from _serve_raw(_endless_1xx)


@pytest.fixture
def web_trickle():
    yield from _serve_raw(_close_delimited_trickle)


@pytest.fixture
def web_bad_port():
    yield from _serve_raw(_redirect_to_port_99999)


# --------------------------------------------------------------------------- extract: Markdown


MARKDOWN_SHAPES = {
    # ' _a' never closes: each '_' opens emphasis and the lazy body runs to the line's end
    "note-underscores": "Text.[^1]\n\n[^1]: Wang Li, " + " _a" * 6_000 + ", Beijing: P, 2020.\n",
    "inline-note-stars": "Text.^[Wang Li, " + " *a" * 6_000 + ", 2020.]\n",
    # '[a](x' never closes: each '[' starts a link whose target runs over every later one
    "note-open-links": "Text.[^1]\n\n[^1]: Wang Li, " + "[a](x" * 4_000 + ", Beijing: P, 2020.\n",
    "body-underscores": " _a" * 6_000 + "\n\nText.[^1]\n\n[^1]: Wang Li, Title, Beijing: P, 2020.\n",
}


@pytest.mark.parametrize("shape", sorted(MARKDOWN_SHAPES))
def test_markdown_inline_syntax_is_read_in_linear_time(tmp_path, shape):
    (tmp_path / "paper.md").write_text(MARKDOWN_SHAPES[shape])
    code, _, err, cpu, _ = child(["extract", "paper.md", "-o", "-"], tmp_path)
    assert_no_internal_error(err)
    assert cpu < CPU_LIMIT, f"{cpu:.1f} s CPU"


# --------------------------------------------------------------------------- validate / list


def test_stray_at_lines_are_found_in_linear_time(tmp_path):
    (tmp_path / "lib.bib").write_text(SMALL_BIB + "@x\n" * 12_000)  # 36 KB
    code, _, err, cpu, _ = child(["--bib", "lib.bib", "validate"], tmp_path)
    assert_no_internal_error(err)
    assert cpu < CPU_LIMIT, f"{cpu:.1f} s CPU"


def _macro_amplified(n=12_000):
    """818 KB: one 2,000-character macro used five times by each of 12,000 entries (120 MB
    expanded). validate, import and export refuse it ("expand to too much text in all")."""
    return (
        "@string{m = {"
        + "y" * 2000
        + "}}\n"
        + "".join(f"@book{{k{i}, author={{A, B}}, date={{2020}}, title = m # m # m # m # m}}\n" for i in range(n))
    )


@pytest.mark.parametrize("args", [["list"], ["list", "--format", "csv"]], ids=" ".join)
def test_listing_refuses_a_macro_amplified_file_like_validate(tmp_path, args):
    (tmp_path / "lib.bib").write_text(_macro_amplified())
    assert (tmp_path / "lib.bib").stat().st_size < 1 << 20
    code, _, err, cpu, rss = child(["--bib", "lib.bib", *args], tmp_path)
    assert_no_internal_error(err)
    assert rss < RSS_LIMIT_MB and cpu < CPU_LIMIT, f"{cpu:.1f} s CPU, peak {rss:.0f} MB, exit {code}"


# --------------------------------------------------------------------------- environment


@pytest.mark.parametrize(
    "variable, args",
    [("XDG_CACHE_HOME", ["list"]), ("ANNOBIB_STATE_DIR", ["tag", "base2020", "+x"])],
    ids=["cache-list", "state-tag"],
)
def test_a_folder_2000_levels_deep_is_one_clear_line(tmp_path, variable, args):
    (tmp_path / "lib.bib").write_text(SMALL_BIB)
    deep = str(tmp_path / "no" / "such" / ("d/" * 2000))
    try:
        code, _, err, _, _ = child(["--bib", "lib.bib", *args], tmp_path, env={variable: deep})
    finally:
        # the ~1,000 levels made before the error: rm walks them without recursing (pytest's
        # own clean-up of old temporary folders, shutil.rmtree, would hit RecursionError)
        subprocess.run(["rm", "-rf", str(tmp_path / "no")], check=True)
    assert_no_internal_error(err)


# --------------------------------------------------------------------------- registries and the Archive


@pytest.mark.parametrize("server", ["web_503", "web_trickle"])
def test_verify_never_says_not_found_when_no_registry_answered(tmp_path, request, server):
    url = request.getfixturevalue(server)
    (tmp_path / "lib.bib").write_text(DOI_BIB)
    env = {"ANNOBIB_CROSSREF_URL": url, "ANNOBIB_OPENALEX_URL": url, "ANNOBIB_VERIFY_TIMEOUT": "2"}
    code, out, err, _, _ = child(["--bib", "lib.bib", "verify", "--json"], tmp_path, env=env, timeout=200)
    assert_no_internal_error(err)
    (verdict,) = json.loads(out)
    # "DOI 10.1000/abc is unknown to the registries" when none of them answered
    assert verdict["verdict"] == "unreachable", verdict


def test_add_doi_redirected_to_an_impossible_port_is_one_clear_line(tmp_path, web_bad_port):
    (tmp_path / "lib.bib").write_text(SMALL_BIB)
    env = {"ANNOBIB_CROSSREF_URL": web_bad_port, "ANNOBIB_OPENALEX_URL": web_bad_port}
    code, _, err, _, _ = child(["--bib", "lib.bib", "add", "--doi", "10.1000/abc", "--dry-run"], tmp_path, env=env)
    assert code == 2, err[-300:]
    assert_no_internal_error(err)


def test_archive_stops_reading_endless_informational_answers(tmp_path, web_1xx):
    (tmp_path / "lib.bib").write_text(
        "@online{p1, author = {Wang, Li}, title = {A title}, date = {2020},"
        " url = {http://127.0.0.1:9/page}, urldate = {2024-01-01}}\n"
    )
    env = {"ANNOBIB_WAYBACK_URL": web_1xx, "ANNOBIB_ARCHIVE_ORG_URL": web_1xx, "ANNOBIB_ARCHIVE_TIMEOUT": "2"}
    code, _, err, cpu, _ = child(["--bib", "lib.bib", "archive"], tmp_path, env=env, timeout=200)
    assert_no_internal_error(err)
    assert cpu < CPU_LIMIT, f"{cpu:.1f} s CPU"


def test_archive_gives_up_a_trickling_archive_in_bounded_time(tmp_path, web_trickle):
    (tmp_path / "lib.bib").write_text(
        "@online{p1, author = {Wang, Li}, title = {A title}, date = {2020},"
        " url = {http://127.0.0.1:9/page}, urldate = {2024-01-01}}\n"
    )
    env = {"ANNOBIB_WAYBACK_URL": web_trickle, "ANNOBIB_ARCHIVE_ORG_URL": web_trickle, "ANNOBIB_ARCHIVE_TIMEOUT": "2"}
    start = time.monotonic()
    code, _, err, _, _ = child(["--bib", "lib.bib", "archive"], tmp_path, env=env, timeout=200)
    wall = time.monotonic() - start
    assert_no_internal_error(err)
    # like round 13's verify: an Archive that timed out is not asked again and again in one run
    assert wall < 15, f"{wall:.0f} s"


# --------------------------------------------------------------------------- notes styles


NOTES_BIB = "".join(
    f"@book{{k{i}, author = {{Wang, Li{i}}}, title = {{Title {i}}}, date = {{2020}}, publisher = {{P}}}}\n"
    for i in range(200)
)
MANY_KEYS = [f"k{i % 200}" for i in range(4_000)]


@pytest.mark.parametrize("how", ["cite-cn-notes", "format-m-chicago-notes"])
def test_one_note_of_many_keys_is_combined_in_linear_time(tmp_path, how):
    (tmp_path / "lib.bib").write_text(NOTES_BIB)
    if how == "cite-cn-notes":
        args = ["cite", "--style", "cn-notes", *MANY_KEYS]  # 24 KB of arguments
    else:
        (tmp_path / "paper.md").write_text("[" + "; ".join("@" + k for k in MANY_KEYS) + "]\n")
        args = ["format", "--style", "chicago", "--system", "notes", "-m", "paper.md"]
    code, _, err, cpu, _ = child(["--bib", "lib.bib", *args], tmp_path)
    assert code == 0, err[-300:]
    assert cpu < CPU_LIMIT, f"{cpu:.1f} s CPU"


@pytest.mark.parametrize("style", [["--style", "cn-notes"], ["--style", "chicago", "--system", "notes"]], ids=" ".join)
def test_a_manuscript_of_only_nocite_star_in_a_notes_style_is_no_internal_error(tmp_path, style):
    (tmp_path / "lib.bib").write_text(NOTES_BIB)
    (tmp_path / "paper.tex").write_text("\\nocite{*}\n")
    code, _, err, _, _ = child(["--bib", "lib.bib", "format", *style, "-m", "paper.tex"], tmp_path)
    assert code in (0, 2), err[-300:]
    assert_no_internal_error(err)


def test_a_manuscript_of_many_citations_in_a_notes_style_stays_under_the_limits(tmp_path):
    (tmp_path / "lib.bib").write_text(NOTES_BIB)
    (tmp_path / "paper.md").write_text("[@k1] " * 120_000)
    args = ["--bib", "lib.bib", "format", "--style", "chicago", "--system", "notes", "-m", "paper.md"]
    code, _, err, cpu, rss = child(args, tmp_path)
    assert code == 0, err[-300:]
    assert cpu < CPU_LIMIT and rss < RSS_LIMIT_MB, f"{cpu:.1f} s CPU, peak {rss:.0f} MB"


# --------------------------------------------------------------------------- extract: many tiny notes


TINY_NOTES = {
    # 100,000 inline notes on one line: each marker's sentence is looked for up to 600
    # characters on, and its markers are taken out of that window again (sentence_at)
    "markdown-inline": ("paper.md", "x^[a]" * 100_000),  # 500 KB
    "markdown-references": (
        "paper.md",
        "".join(f"x[^{i}]" for i in range(50_000)) + "\n\n" + "".join(f"[^{i}]: a\n" for i in range(50_000)),
    ),
    "circled-numbers": ("paper.txt", "正文①\n" + "①a\n" * 200_000),  # 1,000,010 bytes
}


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(
            shape,
            marks=pytest.mark.xfail(
                strict=True,
                reason="200,000 one-line notes, each an inferred page: 1.8 s CPU with a cold pattern cache "
                "(~0.7 s of it startup), ~3 µs a note in find_notes, split_pages, build_entries",
            ),
        )
        if shape == "circled-numbers"
        else shape
        for shape in sorted(TINY_NOTES)
    ],
)
def test_many_tiny_notes_stay_under_the_limits(tmp_path, shape):
    name, text = TINY_NOTES[shape]
    (tmp_path / name).write_text(text)
    assert (tmp_path / name).stat().st_size < 1 << 20
    code, _, err, cpu, rss = child(["extract", name, "-o", "out.bib"], tmp_path)
    assert_no_internal_error(err)
    assert cpu < CPU_LIMIT and rss < RSS_LIMIT_MB, f"{cpu:.1f} s CPU, peak {rss:.0f} MB"


# --------------------------------------------------------------------------- extract: hostile PDFs


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (extra, len(data), data)


def _pdf(page_extra: bytes, content: bytes, more: list[bytes]) -> bytes:
    """A one-page PDF: catalog, pages, Helvetica, the page (``page_extra`` in its resources),
    its content stream object, then ``more`` objects numbered from 6."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> "
        + page_extra
        + b" >> /Contents 5 0 R >>",
        content,
        *more,
    ]
    out, offsets = b"%PDF-1.7\n", []
    for number, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)


NOTE_TEXT = b"BT /F1 12 Tf 72 700 Td (Body text.1) Tj ET BT /F1 8 Tf 72 60 Td (1 Wang Li, Title, 2020.) Tj ET"


def _form_fan_out(levels: int) -> bytes:
    """Each form XObject draws the next one twice: 2**levels drawings of one note, in 3.5 KB."""
    forms = []
    for i in range(levels):
        last = i == levels - 1
        res = b"/Font << /F1 3 0 R >>" + (b"" if last else b" /XObject << /X %d 0 R >>" % (7 + i))
        head = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >>" % res
        forms.append(_stream(NOTE_TEXT if last else b"/X Do /X Do", head))
    return _pdf(b"/XObject << /X 6 0 R >>", _stream(b"/X Do"), forms)


def test_a_pdf_of_form_xobjects_drawn_twice_over_stays_under_the_limits(tmp_path):
    (tmp_path / "fan.pdf").write_bytes(_form_fan_out(16))
    code, _, err, cpu, rss = child(["extract", "fan.pdf", "-o", "out.bib"], tmp_path, timeout=200)
    assert_no_internal_error(err)
    assert code == 2 and "draws its forms" in err, err[-300:]
    assert cpu < CPU_LIMIT and rss < RSS_LIMIT_MB, f"{cpu:.1f} s CPU, peak {rss:.0f} MB"


def test_a_pdf_of_few_very_long_strings_stays_under_the_limits(tmp_path):
    line = b"Wang Li, Title, 2020. " * 1200
    ops = b"".join(b"BT /F1 8 Tf 72 %d Td (%s) Tj ET " % (40 + 10 * i, line) for i in range(40))
    (tmp_path / "long.pdf").write_bytes(_pdf(b"", _stream(zlib.compress(ops, 9), b"/Filter /FlateDecode"), []))
    assert (tmp_path / "long.pdf").stat().st_size < 8_000
    code, _, err, cpu, rss = child(["extract", "long.pdf", "-o", "out.bib"], tmp_path)
    assert_no_internal_error(err)
    assert cpu < CPU_LIMIT and rss < RSS_LIMIT_MB, f"{cpu:.1f} s CPU, peak {rss:.0f} MB"


# --------------------------------------------------------------------------- damaged cache and journal


@pytest.mark.parametrize("suffix", [".sum", ".trust"])
def test_a_damaged_cache_file_is_rebuilt_not_trusted(tmp_path, suffix):
    (tmp_path / "lib.bib").write_text(SMALL_BIB)
    time.sleep(2.1)  # a file changed in the last 2 s is never trusted on its stat (lookup/view.RACY_NS)
    for _ in range(2):
        code, _, err, _, _ = child(["--bib", "lib.bib", "list"], tmp_path)
        assert code == 0, err[-300:]
    (damaged,) = (tmp_path / "cache").rglob("*" + suffix)
    damaged.write_bytes(b"[" * 16)
    code, out, err, cpu, rss = child(["--bib", "lib.bib", "list"], tmp_path, timeout=60)
    assert code == 0 and "base2020" in out, err[-300:]
    assert cpu < CPU_LIMIT and rss < RSS_LIMIT_MB, f"{cpu:.1f} s CPU, peak {rss:.0f} MB"


@pytest.mark.parametrize("args", [["undo", "--list"], ["undo"]], ids=" ".join)
def test_a_damaged_journal_record_is_one_clear_line(tmp_path, args):
    (tmp_path / "lib.bib").write_text(SMALL_BIB)
    code, _, err, _, _ = child(["--bib", "lib.bib", "tag", "base2020", "+x"], tmp_path)
    assert code == 0, err[-300:]
    (record,) = (tmp_path / "state").rglob("*.json")
    record.write_text("[" * 100_000)
    code, _, err, _, _ = child(["--bib", "lib.bib", *args], tmp_path)
    assert_no_internal_error(err)
