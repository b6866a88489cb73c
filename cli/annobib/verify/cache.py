"""Registry answers on disk (SQLite in the user cache folder), by request URL, with an expiry.

Only what a registry said is kept — a record (200) or "no such work" (404) — never a failure,
so nothing learned offline outlives the run. Each answer is committed as it arrives: an
interrupted run loses nothing and the next one resumes where it stopped. A cache that cannot
be opened or written is skipped silently (verification still works, only slower).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from annobib.config import cache_dir
from annobib.core.dirs import make_dirs
from annobib.verify.client import Answer


def default_path() -> Path:
    return cache_dir() / "verify-answers.sqlite3"


class AnswerCache:
    def __init__(self, path: Path | None = None):
        self.path = path or default_path()
        self.db: sqlite3.Connection | None = None
        self._failed = False
        self.hits = 0

    def _open(self, create: bool) -> sqlite3.Connection | None:
        """The database; made only when something is to be kept (an offline run leaves no file)."""
        if self.db is not None or self._failed:
            return self.db
        if not create and not self.path.exists():
            return None
        try:
            make_dirs(self.path.parent)
            self.db = sqlite3.connect(str(self.path), timeout=5.0, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS answers (url TEXT PRIMARY KEY, saved REAL, "
                "kind TEXT, status INTEGER, body TEXT)"
            )
        except (OSError, sqlite3.Error):
            self.db, self._failed = None, True
        return self.db

    def get(self, url: str, max_age: float) -> Answer | None:
        db = self._open(create=False)
        if db is None:
            return None
        try:
            row = db.execute("SELECT saved, kind, status, body FROM answers WHERE url = ?", (url,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or time.time() - row[0] > max_age:
            return None
        try:
            data = json.loads(row[3]) if row[3] else None
        except ValueError:
            return None  # a damaged row: ask again
        self.hits += 1
        return Answer(row[1], data, row[2], cached=True)

    def put(self, url: str, answer: Answer) -> None:
        db = self._open(create=True)
        if db is None:
            return
        body = json.dumps(answer.data, ensure_ascii=False) if answer.data is not None else None
        try:
            db.execute(
                "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                (url, time.time(), answer.kind, answer.status, body),
            )
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
