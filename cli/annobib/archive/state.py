"""The link/archive state file of a bibliography.

``refs/article.bib`` → ``<state dir>/links/article-<hash of its real path>.json`` (the user state
folder: nothing is written beside the .bib; an older ``refs/.article.bib.annobib-state.json`` is
still used where it exists).  It holds

* ``links``:   URL → last check ``{outcome, status, final_url, chain, detail, checked_at}``
* ``archive``: URL → capture work ``{job_id, submitted_at, state, detail, updated_at}``; ``state``
  is ``submitted`` from before the request leaves until the Archive gives a job id (an answer
  lost to a timeout or a 5xx leaves it so: the URL is then looked up, not submitted again),
  then ``pending``, or ``failed``

so a re-run skips fresh link results and resumes Save Page Now jobs instead of resubmitting.
Writes are atomic and merge with what is on disk (another run may have written meanwhile).

For other commands::

    from annobib.archive.state import load_state, link_status
    state = load_state(bib_path)              # never raises; empty when absent or unreadable
    info = link_status(entry, state)          # dict, see link_status()
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path

from annobib.archive.urls import entry_url, fetchable
from annobib.core.dirs import make_dirs, state_dir
from annobib.core.files import atomic_write_text, locked
from annobib.core.sanitize import message as safe
from annobib.core.sanitize import redact_data, short
from annobib.errors import AnnobibError, ConflictError, InputError, read_input_bytes
from annobib.model import Entry

VERSION = 1
SECTIONS = ("links", "archive")
LINK_OUTCOMES = ("ok", "redirected", "dead", "blocked", "suspect", "error", "unreachable")
# Verdicts that say nothing about the page (no host resolved or reached): never stored, so an
# offline run leaves no trace and the next run checks again.
UNSTORED_OUTCOMES = ("unreachable",)


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_iso(value: str | None) -> float | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except (ValueError, OverflowError, OSError):
        return None


def state_path(bib_path: str | os.PathLike) -> Path:
    """In the user state folder (``core.dirs.state_dir``), keyed by the bibliography's real
    path, so nothing but the .bib lives in the user's folder. A state file an older annobib
    left beside the bibliography is still used."""
    bib = Path(bib_path)
    beside = bib.parent / f".{bib.name}.annobib-state.json"
    if beside.exists():
        return beside

    digest = hashlib.sha256(str(bib.resolve()).encode()).hexdigest()[:16]
    return state_dir() / "links" / f"{bib.stem}-{digest}.json"


class State:
    def __init__(self, path: Path | None, data: dict | None = None):
        self.path = path
        self.data = {"version": VERSION, "links": {}, "archive": {}}
        if data:
            for section in SECTIONS:
                if isinstance(data.get(section), dict):
                    self.data[section] = data[section]
        self._dirty: set[tuple[str, str]] = set()
        self.damaged: list[str] = []  # records load_state repaired or dropped (for a warning)

    # ---- access
    @property
    def links(self) -> dict:
        return self.data["links"]

    @property
    def archive(self) -> dict:
        return self.data["archive"]

    def link(self, url: str) -> dict | None:
        value = self.links.get(url)
        return value if isinstance(value, dict) else None

    def job(self, url: str) -> dict | None:
        value = self.archive.get(url)
        return value if isinstance(value, dict) else None

    def set_link(self, url: str, result: dict) -> None:
        if result.get("outcome") in UNSTORED_OUTCOMES:
            return
        self.links[url] = result
        self._dirty.add(("links", url))

    def set_job(self, url: str, info: dict | None) -> None:
        if info is None:
            self.archive.pop(url, None)
        else:
            self.archive[url] = info
        self._dirty.add(("archive", url))

    def is_fresh(self, url: str, max_age: float, now: float | None = None) -> bool:
        item = self.link(url)
        if not item or item.get("outcome") in UNSTORED_OUTCOMES:
            return False
        if item.get("outcome") == "dead" and "DNS" in str(item.get("detail") or ""):
            return False  # an older version's DNS failure: check again
        when = parse_iso(item.get("checked_at"))
        now = time.time() if now is None else now
        return when is not None and now - when < max_age

    # ---- disk
    def save(self) -> None:
        """Merge our changes into the file on disk, atomically. Silently skips if impossible."""
        if self.path is None or not self._dirty:
            return
        try:
            make_dirs(self.path.parent)
            with _locked(self.path):
                disk = _read(self.path)
                for section, url in self._dirty:
                    value = self.data[section].get(url)
                    if value is None:
                        disk[section].pop(url, None)
                    else:
                        disk[section][url] = value
                _atomic_write_json(self.path, disk)
                # keep entries other runs wrote
                for section in SECTIONS:
                    for url, value in disk[section].items():
                        if (section, url) not in self._dirty:
                            self.data[section][url] = value
                self._dirty.clear()
        except (OSError, AnnobibError):  # a read-only folder or full disk: the next run checks again
            pass


def _read(path: Path) -> dict:
    out = {"version": VERSION, "links": {}, "archive": {}}

    if not path.exists():
        return out
    try:  # a device or FIFO planted at the path is not read; deep nesting is no state
        data = json.loads(read_input_bytes(path, "a state file", limit=256 << 20).decode("utf-8"))
    except (InputError, ValueError, RecursionError):
        return out
    if isinstance(data, dict):
        for section in SECTIONS:
            if isinstance(data.get(section), dict):
                out[section] = data[section]
    return out


def _atomic_write_json(path: Path, data: dict) -> None:
    data = redact_data(data)  # an archive answer may echo a key: never store it
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True))


def _locked(path: Path):
    """The lock every annobib write takes (:func:`annobib.core.files.locked`: a flock on the file
    itself, so no ``.lock`` file beside the state). A state file that does not exist yet is first
    created empty and exclusively, so two first saves cannot both create it and one lose its merge."""
    if not path.exists():
        try:
            atomic_write_text(path, json.dumps({"version": VERSION, "links": {}, "archive": {}}), create=True)
        except ConflictError:
            pass  # another run created it first: lock theirs
    return locked(path)


def load_state(bib_path: str | os.PathLike | None) -> State:
    """The state for a bibliography; empty (never an error) when absent or unreadable.

    Each record is checked (:func:`_checked_job`, :func:`_link_ok`): a damaged link record is
    dropped (the link is checked again); a damaged capture record becomes "submitted, answer
    lost", so the URL is looked up and never submitted twice. ``state.damaged`` says what was
    wrong, for the command to report; the next save writes the repaired records."""
    if bib_path is None:
        return State(None)
    path = state_path(bib_path)
    state = State(path, _read(path))
    for url, value in list(state.links.items()):
        if not _link_ok(value):
            del state.links[url]
            state.damaged.append(f"link record of {short(url)} is damaged; checked again")
            state._dirty.add(("links", url))
    for url, value in list(state.archive.items()):
        job, problem = _checked_job(value)
        if problem:
            state.archive[url] = job
            state.damaged.append(f"capture record of {short(url)}: {problem}")
            state._dirty.add(("archive", url))
    return state


_JOB_ID = re.compile(r"[A-Za-z0-9._:-]{1,200}")  # what the Archive gives (spn2-<hex>); safe in a URL
JOB_STATES = ("submitted", "pending", "failed")
_LINK_TYPES = {"outcome": str, "checked_at": str, "final_url": str, "detail": str, "chain": list, "status": int}


def _link_ok(value) -> bool:
    if not isinstance(value, dict) or value.get("outcome") not in LINK_OUTCOMES:
        return False
    return all(value.get(k) is None or isinstance(value[k], t) for k, t in _LINK_TYPES.items())


def _checked_job(value) -> tuple[dict, str | None]:
    """(the record to use, what was wrong with it or None). A bad timestamp becomes now; a job
    id that is not a safe token or an unknown state makes it "submitted, answer lost"."""
    if not isinstance(value, dict):
        return _lost("not a record"), "not a record; looked up again"
    job = dict(value)
    problem = None
    for name in ("submitted_at", "updated_at"):
        if name in job and job[name] is not None and parse_iso(job[name]) is None:
            job[name] = now_iso()
            problem = f"{name} is not a time; taken as now"
    if job.get("detail") is not None and not isinstance(job["detail"], str):
        job["detail"] = short(str(job["detail"]), 200)
        problem = problem or "detail is not text"
    job_id = job.get("job_id")
    if job_id is not None and not (isinstance(job_id, str) and _JOB_ID.fullmatch(job_id)):
        return _lost("a job id that is not one"), "the job id is not one the Archive gives; looked up again"
    if job.get("state") not in JOB_STATES:
        return _lost("an unknown state"), "its state is unknown; looked up again"
    if job["state"] == "pending" and not job_id:  # a job to follow, but which?
        return _lost("pending without a job id"), "pending without a job id; looked up again"
    return job, problem


def _lost(why: str) -> dict:
    """A capture asked for once whose answer is unknown: the URL is looked up, not resubmitted."""
    when = now_iso()
    return {"state": "submitted", "submitted_at": when, "updated_at": when, "detail": f"state record damaged ({why})"}


# --------------------------------------------------------------------------- for other commands


def link_status(entry: Entry, state: State | None) -> dict:
    """What annobib knows about an entry's URL.

    Returns ``{"url", "link", "checked_at", "status", "final_url", "detail",
    "archiveurl", "archivedate", "archive"}`` where

    * ``link`` is ``None`` (no URL), ``"unchecked"``, ``"not-http"`` or one of LINK_OUTCOMES;
    * ``archive`` is ``None`` (no URL), ``"archived"`` (the entry has an archiveurl),
      ``"pending"`` (a capture job is waiting), ``"failed"`` (the last capture failed) or ``"none"``.
    """
    url = entry_url(entry)
    out = {
        "url": url,
        "link": None,
        "checked_at": None,
        "status": None,
        "final_url": None,
        "detail": None,
        "archiveurl": entry.get("archiveurl"),
        "archivedate": entry.get("archivedate"),
        "archive": None,
    }
    if not url:
        return out
    ok, why = fetchable(url)
    item = state.link(url) if state is not None else None
    if item:
        outcome = item.get("outcome") or "unchecked"
        if outcome == "dead" and "DNS" in str(item.get("detail") or ""):
            outcome = "unreachable"  # older versions called a failed DNS lookup "dead"
        out.update(
            link=outcome,
            checked_at=item.get("checked_at"),
            status=item.get("status"),
            final_url=item.get("final_url"),
            detail=item.get("detail"),
        )
    elif not ok:
        out.update(link="not-http", detail=why)
    else:
        out["link"] = "unchecked"
    if out["archiveurl"]:
        out["archive"] = "archived"
    else:
        job = state.job(url) if state is not None else None
        if job and job.get("state") in ("pending", "submitted"):
            out["archive"] = "pending"
        elif job and job.get("state") == "failed":
            out["archive"] = "failed"
        else:
            out["archive"] = "none"
    return out


_DEFAULT = object()


def link_summary(entries: list[Entry], state=_DEFAULT) -> dict:
    """Counts for ``stats``: ``{"with_url", "links": {outcome: n}, "archived", "pending", "unarchived"}``.

    Without ``state``, each entry's own file's state is used."""
    links: dict[str, int] = {}
    summary = {"with_url": 0, "links": links, "archived": 0, "pending": 0, "unarchived": 0}
    per_source: dict = {}
    for entry in entries:
        if state is _DEFAULT:
            if entry.source not in per_source:
                per_source[entry.source] = state_for_entry(entry)
            info = link_status(entry, per_source[entry.source])
        else:
            info = link_status(entry, state)
        if not info["url"]:
            continue
        summary["with_url"] += 1
        links[info["link"]] = links.get(info["link"], 0) + 1
        if info["archive"] == "archived":
            summary["archived"] += 1
        elif info["archive"] == "pending":
            summary["pending"] += 1
        else:
            summary["unarchived"] += 1
    return summary


def link_warnings(entries: list[Entry], state=_DEFAULT) -> list[tuple[Entry, str, str]]:
    """For ``validate --links``: (entry, code, message) for URLs never checked, or dead and unarchived.

    Without ``state``, each entry's own file's state is used."""
    out = []
    per_source: dict = {}
    for entry in entries:
        if state is _DEFAULT and entry.source not in per_source:
            per_source[entry.source] = state_for_entry(entry)
        info = link_status(entry, per_source[entry.source] if state is _DEFAULT else state)
        if not info["url"]:
            continue
        if info["link"] == "unchecked":
            out.append((entry, "link-unchecked", f"URL never checked (run `annobib check-links {entry.key}`)"))
        elif info["link"] == "not-http":
            out.append((entry, "link-not-http", f"URL is not http(s): {info['detail']}"))
        elif info["link"] == "dead" and info["archive"] != "archived":
            out.append(
                (
                    entry,
                    "link-dead-unarchived",
                    f"URL is dead ({info['detail'] or info['status']}) and has no archived snapshot",
                )
            )
    return out


# --------------------------------------------------------------------------- convenience

_STATES: dict[str, tuple] = {}


def _stamp(path: Path | None):
    try:
        st = os.stat(path) if path is not None else None
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size) if st else None


def state_for_entry(entry: Entry) -> State | None:
    """The state of the file the entry was read from (loaded once, again when it changes)."""
    if not entry.source:
        return None
    cached = _STATES.get(entry.source)
    if cached is not None and _stamp(cached[0].path) == cached[1]:
        return cached[0]
    state = load_state(entry.source)
    _STATES[entry.source] = (state, _stamp(state.path))
    return state


def entry_link_status(entry: Entry) -> dict:
    """``link_status(entry, <its file's state>)`` in one call (for list/show/stats/validate)."""
    return link_status(entry, state_for_entry(entry))


def status_label(info: dict) -> str:
    """A short human label: ``"ok · archived"``, ``"dead · no snapshot"``, ``"unchecked"``; "" without URL."""
    if not info.get("url"):
        return ""
    link = info.get("link") or "unchecked"
    archive = info.get("archive")
    if archive == "archived":
        return f"{link} · archived"
    if archive == "pending":
        return f"{link} · capture pending"
    if link in ("dead", "suspect", "error", "not-http") or archive == "failed":
        return f"{link} · no snapshot"
    return link


LINK_RULES = {  # validate --links: rule name -> code
    "link-unchecked": "W801",
    "link-dead-unarchived": "W802",
    "link-not-http": "W803",
}


def link_findings(libraries) -> list:
    """``validate --links``: warnings as :class:`annobib.checks.base.Finding` objects for URLs never
    checked (W801), dead without a snapshot (W802), or not http(s) (W803). Offline: reads the state
    file written by ``check-links``/``archive``; plain ``validate`` never calls this."""
    # lazy: not needed by `annobib show`
    from annobib.checks.base import Finding

    out = []
    for lib in libraries:
        entries = lib.entries if hasattr(lib, "entries") else [lib]
        for entry, rule, message in link_warnings(list(entries)):
            out.append(
                Finding(
                    code=LINK_RULES[rule],
                    severity="warning",
                    key=entry.key,
                    field=entry.field_name("url") or "url",
                    message=message,
                    line=entry.line,
                    source=entry.source,
                    rule=rule,
                    entry=entry,
                )
            )
    return out


def link_text(entry: Entry):
    """``show``: one Rich Text line — link outcome (and when), archive status and snapshot."""
    # lazy: loads rich only when this runs
    from rich.text import Text

    info = {k: (safe(v) if isinstance(v, str) else v) for k, v in entry_link_status(entry).items()}
    if not info["url"]:
        return None
    style = {
        "ok": "green",
        "redirected": "cyan",
        "dead": "bold red",
        "blocked": "yellow",
        "suspect": "magenta",
        "error": "red",
    }.get(info["link"] or "", "dim")
    line = Text("link ", style="bold")
    line.append(info["link"] or "unchecked", style=style)
    if info["checked_at"]:
        line.append(f" ({info['checked_at'][:10]}", style="dim")
        if info["status"]:
            line.append(f", HTTP {info['status']}", style="dim")
        line.append(")", style="dim")
    if info["final_url"] and info["link"] in ("redirected", "suspect"):
        line.append(f" → {info['final_url']}")
    line.append("   archive ", style="bold")
    archive = info["archive"]
    line.append(archive, style="green" if archive == "archived" else "yellow" if archive == "pending" else "dim")
    if info["archivedate"]:
        line.append(f" ({info['archivedate']})", style="dim")
    return line
