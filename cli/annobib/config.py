"""Configuration: a TOML file in the user config directory, ``ANNOBIB_…`` variables, defaults.

Precedence (highest first): command-line options > environment variables > config file > defaults.

    [library]
    path = "~/thesis/refs.bib"     # the bibliography when --bib and ANNOBIB_BIB are not given

    [format]
    style = "apa"                  # default of format/cite/show --style; also edition, system

    [links]
    per_host_concurrency = 2
    per_host_interval = 1.0        # seconds between two requests to one host

    [archive]
    requests_per_minute = 24
    access_key = "…"               # secrets: only honoured when the file is readable by you alone

Where the file lives: ``$ANNOBIB_CONFIG``, else ``$XDG_CONFIG_HOME/annobib/config.toml``,
else ``~/.config/annobib/config.toml``.  Secrets (archive.org S3 keys) come from the environment
(``ANNOBIB_IA_ACCESS`` / ``ANNOBIB_IA_SECRET``) or from a config file with no group/other
permissions; they are never printed (``mask()``).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from annobib.core.dirs import cache_dir, config_path  # noqa: F401  (the one answer: core.dirs)
from annobib.core.sanitize import add_secret
from annobib.errors import InputError, read_input_bytes

# --------------------------------------------------------------------------- value parsers

_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)?\s*$", re.I)
_UNITS = {None: 1.0, "ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0, "d": 86400.0}


# Upper bounds: past these a value is a typo or an attack (``inf`` as an interval hung
# check-links; a 400-digit count is no count). One clear error names the setting.
MAX_SECONDS = 366 * 86400.0
MAX_COUNT = 1_000_000
MAX_RATE = 1_000_000.0


def _finite(number: float, high: float) -> float:
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("must be a finite number")
    if number < 0:
        raise ValueError("must not be negative")
    if number > high:
        raise ValueError(f"must be at most {high:,.0f}")
    return number


def parse_duration(value: Any) -> float:
    """Seconds from ``30``, ``2.5``, ``"30s"``, ``"5m"``, ``"2h"``, ``"7d"`` (at most a year)."""
    if isinstance(value, bool):
        raise ValueError("expected a duration")
    if isinstance(value, (int, float)):
        return _finite(float(value), MAX_SECONDS)
    m = _DURATION_RE.match(str(value)) if len(str(value)) <= 40 else None
    if not m:
        raise ValueError(f"not a duration: {str(value)[:40]!r} (use e.g. 30, 30s, 5m, 2h, 7d)")
    return _finite(float(m.group(1)) * _UNITS[m.group(2).lower() if m.group(2) else None], MAX_SECONDS)


def _whole_number(value: Any, minimum: int, too_small: str, maximum: int = MAX_COUNT) -> int:
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError("expected a whole number")
    if not isinstance(value, int):
        text = str(value).strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text):
            raise ValueError(f"not a whole number: {text[:40]!r}")
        value = int(text)
    if value < minimum:
        raise ValueError(too_small)
    if value > maximum:
        raise ValueError(f"must be at most {maximum}")
    return value


def _positive_int(value: Any) -> int:
    return _whole_number(value, 1, "must be at least 1")


def _non_negative_int(value: Any) -> int:
    return _whole_number(value, 0, "must not be negative")


def _non_negative_float(value: Any, high: float = MAX_SECONDS) -> float:
    if isinstance(value, bool):
        raise ValueError("expected a number")
    if isinstance(value, str) and len(value.strip()) > 40:
        raise ValueError(f"not a number: {value.strip()[:40]!r}…")
    try:
        number = float(value)
    except OverflowError:
        raise ValueError(f"must be at most {high:,.0f}") from None
    return _finite(number, high)


def _positive_float(value: Any) -> float:
    number = _non_negative_float(value)
    if number <= 0:
        raise ValueError("must be greater than 0")
    return number


def _rate(value: Any) -> float:
    number = _non_negative_float(value, MAX_RATE)
    if number <= 0:
        raise ValueError("must be greater than 0")
    return number


def _url(value: Any) -> str:
    text = str(value).strip().rstrip("/")
    if not re.match(r"^https?://[^/\s]+", text):
        raise ValueError(f"not an http(s) base URL: {value!r}")
    return text


def _text(value: Any) -> str:
    return str(value)


def _path(value: Any) -> str:
    text = str(value).strip()
    if not text or "\0" in text:
        raise ValueError("expected a file path")
    return os.path.expanduser(text)


def _choice(*allowed: str) -> Callable[[Any], str]:
    def parse(value: Any) -> str:
        text = str(value).strip().lower()
        if text not in allowed:
            raise ValueError(f"{str(value)[:40]!r} is not one of {', '.join(allowed)}")
        return text

    return parse


# --------------------------------------------------------------------------- the settings


@dataclass(frozen=True)
class Setting:
    key: str  # "section.name" in the TOML file
    env: str  # environment variable
    default: Any
    parse: Callable[[Any], Any]
    help: str
    secret: bool = False
    politeness: bool = False

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]


ARCHIVE_ORG_URL = "https://archive.org"  # archive.archive_org_url when nothing points elsewhere

SETTINGS: list[Setting] = [
    # your own library and the defaults of format, cite and show (`annobib init` writes the first)
    Setting(
        "library.path",
        "ANNOBIB_BIB",
        None,
        _path,
        "the bibliography used when --bib is not given (ANNOBIB_BIB: several joined by the path separator)",
    ),
    Setting(
        "format.style",
        "ANNOBIB_STYLE",
        None,
        _choice("gbt7714", "apa", "cn-notes", "chicago"),
        "default --style of format, cite and show (else gbt7714)",
    ),
    Setting(
        "format.edition", "ANNOBIB_EDITION", None, _choice("2025", "2015"), "default --edition of GB/T 7714 (else 2025)"
    ),
    Setting(
        "format.system",
        "ANNOBIB_CITATION_SYSTEM",
        None,
        _choice("numeric", "author-date"),
        "default --system: numeric or author-date citations (else numeric)",
    ),
    # link checking
    Setting(
        "links.per_host_concurrency",
        "ANNOBIB_LINKS_PER_HOST",
        2,
        _positive_int,
        "requests in flight at once to one host",
        politeness=True,
    ),
    Setting(
        "links.per_host_interval",
        "ANNOBIB_LINKS_HOST_INTERVAL",
        1.0,
        _non_negative_float,
        "seconds between the starts of two requests to one host",
        politeness=True,
    ),
    Setting(
        "links.max_connections",
        "ANNOBIB_LINKS_MAX_CONNECTIONS",
        128,
        _positive_int,
        "requests in flight at once over all hosts",
        politeness=True,
    ),
    Setting(
        "links.timeout",
        "ANNOBIB_LINKS_TIMEOUT",
        20.0,
        _positive_float,
        "seconds one try may take (connect, headers and first 64 KiB)",
    ),
    Setting(
        "links.tries",
        "ANNOBIB_LINKS_TRIES",
        3,
        _positive_int,
        "tries per URL for timeouts, 429 and 5xx",
        politeness=True,
    ),
    Setting(
        "links.backoff",
        "ANNOBIB_LINKS_BACKOFF",
        1.0,
        _non_negative_float,
        "seconds before the first retry (doubles each time)",
        politeness=True,
    ),
    Setting(
        "links.max_retry_after",
        "ANNOBIB_LINKS_MAX_RETRY_AFTER",
        60.0,
        _non_negative_float,
        "longest Retry-After honoured; longer ones end the tries",
        politeness=True,
    ),
    Setting("links.max_redirects", "ANNOBIB_LINKS_MAX_REDIRECTS", 10, _positive_int, "redirects followed per URL"),
    Setting(
        "links.max_bytes",
        "ANNOBIB_LINKS_MAX_BYTES",
        65536,
        lambda v: _whole_number(v, 1, "must be at least 1", 64 << 20),
        "bytes of the body read (soft-404 and bot-wall detection)",
    ),
    Setting(
        "links.max_age",
        "ANNOBIB_LINKS_MAX_AGE",
        "7d",
        parse_duration,
        "a cached result younger than this is reused (--refresh ignores it)",
    ),
    # the Internet Archive
    Setting(
        "archive.wayback_url",
        "ANNOBIB_WAYBACK_URL",
        "https://web.archive.org",
        _url,
        "Wayback base (CDX, replay, Save Page Now); also replaces archive.org unless that is set",
    ),
    Setting(
        "archive.archive_org_url",
        "ANNOBIB_ARCHIVE_ORG_URL",
        None,
        _url,
        "archive.org base for the availability API (default: the Wayback base when "
        f"ANNOBIB_WAYBACK_URL is set, else {ARCHIVE_ORG_URL})",
    ),
    Setting("archive.cdx_url", "ANNOBIB_CDX_URL", None, _url, "CDX endpoint (default: <wayback>/cdx/search/cdx)"),
    Setting("archive.save_url", "ANNOBIB_SAVE_URL", None, _url, "Save Page Now endpoint (default: <wayback>/save)"),
    Setting(
        "archive.availability_url",
        "ANNOBIB_AVAILABILITY_URL",
        None,
        _url,
        "availability endpoint (default: <archive.org>/wayback/available)",
    ),
    Setting(
        "archive.snapshot_url",
        "ANNOBIB_SNAPSHOT_URL",
        None,
        _url,
        "base written into archiveurl (default: the Wayback base)",
    ),
    Setting(
        "archive.requests_per_minute",
        "ANNOBIB_ARCHIVE_RPM",
        24.0,
        _rate,
        "requests a minute to all Archive hosts together (CDX, replay, availability, save, status)",
        politeness=True,
    ),
    Setting(
        "archive.concurrency",
        "ANNOBIB_ARCHIVE_CONCURRENCY",
        2,
        _positive_int,
        "Archive requests in flight at once (never more than links.per_host_concurrency)",
        politeness=True,
    ),
    Setting(
        "archive.captures_per_minute",
        "ANNOBIB_CAPTURE_RPM",
        6.0,
        _rate,
        "Save Page Now captures requested a minute",
        politeness=True,
    ),
    Setting(
        "archive.capture_interval",
        "ANNOBIB_CAPTURE_INTERVAL",
        10.0,
        _non_negative_float,
        "seconds between two capture requests",
        politeness=True,
    ),
    Setting(
        "archive.poll_interval",
        "ANNOBIB_POLL_INTERVAL",
        5.0,
        _non_negative_float,
        "seconds before the first capture-status poll (then backs off)",
        politeness=True,
    ),
    Setting(
        "archive.poll_max_interval",
        "ANNOBIB_POLL_MAX_INTERVAL",
        60.0,
        _non_negative_float,
        "longest wait between two status polls",
        politeness=True,
    ),
    Setting(
        "archive.job_timeout",
        "ANNOBIB_JOB_TIMEOUT",
        "10m",
        parse_duration,
        "how long one run follows a capture job (it is kept and resumed next run)",
    ),
    Setting(
        "archive.job_expiry",
        "ANNOBIB_JOB_EXPIRY",
        "1h",
        parse_duration,
        "age after which a job's status is gone; it is then resolved through CDX",
    ),
    Setting(
        "archive.pause_429",
        "ANNOBIB_ARCHIVE_429_PAUSE",
        60.0,
        _non_negative_float,
        "seconds all Archive traffic pauses after a 429",
        politeness=True,
    ),
    Setting(
        "archive.max_429",
        "ANNOBIB_ARCHIVE_MAX_429",
        3,
        _positive_int,
        "429s after which no more captures are requested this run",
        politeness=True,
    ),
    Setting(
        "archive.timeout", "ANNOBIB_ARCHIVE_TIMEOUT", 30.0, _positive_float, "seconds one Archive request may take"
    ),
    Setting(
        "archive.tries",
        "ANNOBIB_ARCHIVE_TRIES",
        3,
        _positive_int,
        "tries per Archive request (timeouts, 5xx, 429 after the pause)",
    ),
    Setting(
        "archive.max_failures",
        "ANNOBIB_ARCHIVE_MAX_FAILURES",
        6,
        _positive_int,
        "Archive requests failing in a row (timeouts, refused) before the run stops asking it",
    ),
    Setting(
        "archive.capture_retries",
        "ANNOBIB_CAPTURE_RETRIES",
        1,
        _non_negative_int,
        "times a capture that failed transiently is submitted again in one run",
        politeness=True,
    ),
    Setting(
        "archive.if_not_archived_within",
        "ANNOBIB_IF_NOT_ARCHIVED_WITHIN",
        "30d",
        _text,
        "Save Page Now: reuse a capture younger than this",
    ),
    # registries (verify, add by DOI)
    Setting(
        "crossref.url",
        "ANNOBIB_CROSSREF_URL",
        "https://api.crossref.org",
        _url,
        "Crossref REST API base (paths such as /works/{doi} are appended)",
    ),
    Setting(
        "openalex.url",
        "ANNOBIB_OPENALEX_URL",
        "https://api.openalex.org",
        _url,
        "OpenAlex API base (paths such as /works/doi:{doi} are appended)",
    ),
    Setting(
        "crossref.mailto",
        "ANNOBIB_MAILTO",
        None,
        _text,
        "contact address put in the User-Agent (Crossref's polite pool)",
    ),
    Setting(
        "verify.concurrency",
        "ANNOBIB_VERIFY_CONCURRENCY",
        3,
        _positive_int,
        "registry requests in flight at once per host (lowered to X-Concurrency-Limit)",
        politeness=True,
    ),
    Setting(
        "verify.rate",
        "ANNOBIB_VERIFY_RATE",
        5.0,
        _rate,
        "registry requests a second per host until the server advertises X-Rate-Limit",
        politeness=True,
    ),
    Setting("verify.timeout", "ANNOBIB_VERIFY_TIMEOUT", 20.0, _positive_float, "seconds one registry request may take"),
    Setting(
        "verify.tries",
        "ANNOBIB_VERIFY_TRIES",
        3,
        _positive_int,
        "tries per registry request (timeouts, 429, 5xx)",
        politeness=True,
    ),
    Setting(
        "verify.backoff",
        "ANNOBIB_VERIFY_BACKOFF",
        1.0,
        _non_negative_float,
        "seconds before the first retry (doubles each time)",
        politeness=True,
    ),
    Setting(
        "verify.max_age",
        "ANNOBIB_VERIFY_MAX_AGE",
        "14d",
        parse_duration,
        "a cached registry answer younger than this is reused (--refresh ignores it)",
    ),
    Setting(
        "archive.access_key",
        "ANNOBIB_IA_ACCESS",
        None,
        _text,
        "archive.org S3 access key (for Save Page Now)",
        secret=True,
    ),
    Setting("archive.secret_key", "ANNOBIB_IA_SECRET", None, _text, "archive.org S3 secret key", secret=True),
]

BY_KEY = {s.key: s for s in SETTINGS}


def unknown_keys(data: dict) -> list[str]:
    """Keys of the config file annobib does not know (a typo would otherwise be silently ignored)."""
    sections = {s.section for s in SETTINGS}
    out = []
    for section, table in data.items():
        if section not in sections or not isinstance(table, dict):
            out.append(str(section))
            continue
        out += [f"{section}.{name}" for name in table if f"{section}.{name}" not in BY_KEY]
    return out


def default_of(key: str) -> Any:
    """The parsed default of setting ``key`` (``"10m"`` → 600.0). The option dataclasses of
    ``archive/`` take their defaults from here, so SETTINGS is the one place a default lives."""
    setting = BY_KEY[key]
    return None if setting.default is None else setting.parse(setting.default)


def command_defaults(env: dict | None = None) -> tuple[dict, list[str]]:
    """Click ``default_map`` for format/cite/show from ``format.*`` (environment > file), and the
    warnings to show once (unknown keys). Reads nothing when there is no config file and no
    variable, so a plain run costs one stat."""
    env = os.environ if env is None else env
    path = config_path(env)
    data = read_config_file(path) if os.path.lexists(path) else {}
    warnings = []
    unknown = unknown_keys(data)
    if unknown:
        shown = ", ".join(unknown[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        warnings.append(
            f"{path}: unknown setting{'s' if len(unknown) > 1 else ''} ignored: {shown} "
            "(annobib config show lists the known ones)"
        )
    defaults = {}
    section = data.get("format") if isinstance(data.get("format"), dict) else {}
    for name in ("style", "edition", "system"):
        setting = BY_KEY[f"format.{name}"]
        if env.get(setting.env):
            defaults[name] = _parse(setting, env[setting.env], setting.env)
        elif name in section:
            defaults[name] = _parse(setting, section[name], str(path))
    if not defaults:
        return {}, warnings
    return {
        "format": dict(defaults),
        "cite": dict(defaults),
        "show": {"style": defaults["style"]} if "style" in defaults else {},
    }, warnings


def library_from_config(env: dict | None = None) -> str | None:
    """``[library] path`` of the config file, or None."""
    path = config_path(env)
    if not os.path.lexists(path):
        return None
    section = read_config_file(path).get("library")
    if isinstance(section, dict) and "path" in section:
        return _parse(BY_KEY["library.path"], section["path"], str(path))
    return None


def mask(value: Any) -> str:
    return "(not set)" if value in (None, "") else "********"


# --------------------------------------------------------------------------- the file


def file_is_private(path: Path) -> bool:
    """True when neither group nor others may read (or write) the file."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IRWXG | stat.S_IRWXO))


# No setting is more than a few levels deep; 20,000 parts took tomllib 6 s and 1.5 GB.
MAX_KEY_PARTS = 64


def _has_long_dotted_key(text: str) -> bool:
    """A key (before ``=``, also inside an inline table) or a ``[table]`` header with more than
    MAX_KEY_PARTS parts; linear, and values and comments are not counted."""
    for line in text.splitlines():
        if line.count(".") < MAX_KEY_PARTS or line.lstrip().startswith("#"):
            continue
        for chunk in re.split(r"[{,]", line):
            key = chunk.split("=", 1)[0] if "=" in chunk else chunk if chunk.lstrip().startswith("[") else ""
            if key.count(".") >= MAX_KEY_PARTS:
                return True
    return False


def read_config_file(path: Path | None = None) -> dict:
    """The parsed TOML file, ``{}`` when there is none. Malformed → InputError."""
    # lazy: loads tomllib only when this runs; not needed by `annobib list`
    import tomllib

    from annobib.core.inputs import decode_utf8

    path = path or config_path()
    if not os.path.lexists(path):
        return {}
    # a device or a FIFO is refused, not read forever; a config file is small
    data = read_input_bytes(path, "a config file", limit=1 << 20)
    text = decode_utf8(data, f"{path} (the config file)", hint=False, text_only=False)
    if "." in text and _has_long_dotted_key(text):  # tomllib is quadratic in a key's parts
        raise InputError(f"{path}: bad TOML: a key of more than {MAX_KEY_PARTS} dotted parts")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: bad TOML: {exc}") from None
    except ValueError:  # Python refuses int() of over 4,300 digits
        raise InputError(f"{path}: bad TOML: a number too long to read") from None
    except RecursionError:
        raise InputError(f"{path}: bad TOML: arrays or tables nested too deep") from None


@dataclass
class Resolved:
    setting: Setting
    value: Any
    source: str  # "option" | "env" | "file" | "default"


class Config:
    """Resolved settings. ``cfg["links.timeout"]``; ``cfg.source("links.timeout")``."""

    def __init__(self, values: dict[str, Resolved], path: Path, warnings: list[str]):
        self._values = values
        self.path = path
        self.warnings = warnings

    def __getitem__(self, key: str) -> Any:
        return self._values[key].value

    def get(self, key: str, default: Any = None) -> Any:
        item = self._values.get(key)
        return default if item is None else item.value

    def source(self, key: str) -> str:
        return self._values[key].source

    def items(self) -> list[Resolved]:
        return list(self._values.values())

    def with_overrides(self, **overrides: Any) -> "Config":
        """A copy with option values (dots written as ``__``: ``links__timeout=5``)."""
        values = dict(self._values)
        for name, value in overrides.items():
            if value is None:
                continue
            key = name.replace("__", ".")
            setting = BY_KEY[key]
            values[key] = Resolved(setting, _parse(setting, value, "option"), "option")
        return Config(values, self.path, list(self.warnings))


def _parse(setting: Setting, value: Any, where: str) -> Any:
    try:
        return setting.parse(value)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: {setting.key} ({setting.env}): {exc}") from None


def load_config(env: dict | None = None, path: Path | None = None, **overrides: Any) -> Config:
    """Resolve every setting: options (``overrides``) > env > config file > default."""
    env = os.environ if env is None else env
    if path is None:
        path = config_path(env)
    data = read_config_file(path)
    warnings: list[str] = []
    private = file_is_private(path) if data else True
    values: dict[str, Resolved] = {}
    for setting in SETTINGS:
        section = data.get(setting.section) if isinstance(data.get(setting.section), dict) else {}
        if setting.env in env and env[setting.env] != "":
            values[setting.key] = Resolved(setting, _parse(setting, env[setting.env], setting.env), "env")
        elif setting.name in section:
            if setting.secret and not private:
                warnings.append(f"{path}: ignoring {setting.key}: the file is readable by others (chmod 600 it)")
                values[setting.key] = Resolved(setting, setting.default, "default")
            else:
                values[setting.key] = Resolved(setting, _parse(setting, section[setting.name], str(path)), "file")
        else:
            default = setting.default
            if isinstance(default, str) and setting.parse is parse_duration:
                default = parse_duration(default)
            values[setting.key] = Resolved(setting, default, "default")

    for resolved in values.values():  # a secret is redacted from everything printed or stored
        if resolved.setting.secret and isinstance(resolved.value, str):
            add_secret(resolved.value)
    cfg = Config(values, path, warnings)
    return cfg.with_overrides(**overrides) if overrides else cfg
