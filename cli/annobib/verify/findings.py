"""``validate --online``: verify's verdicts as validation findings with rule codes.

E901 verify-mismatch (one finding per differing field, the registry's value in the message),
W902 verify-not-found (what was searched), I903 verify-doi-found (a sure DOI the entry lacks),
W904 verify-unreachable. verified and not-checkable entries give no finding.
"""

from __future__ import annotations

from annobib.checks.base import Finding

ONLINE_RULES = {
    "verify-mismatch": ("E901", "error"),
    "verify-not-found": ("W902", "warning"),
    "verify-doi-found": ("I903", "info"),
    "verify-unreachable": ("W904", "warning"),
}


def _finding(rule: str, entry, field: str | None, message: str):
    code, severity = ONLINE_RULES[rule]
    return Finding(
        code=code,
        severity=severity,
        key=entry.key,
        field=field,
        message=message,
        line=entry.line,
        source=entry.source,
        rule=rule,
        entry=entry,
    )


def verdict_findings(entry, verdict) -> list:
    out = []
    if verdict.verdict == "mismatch":
        where = verdict.source or "the registry"
        for m in verdict.mismatches:
            field = "date" if m["field"] == "year" and entry.field_name("date") == "date" else m["field"]
            out.append(
                _finding(
                    "verify-mismatch",
                    entry,
                    field,
                    f"{m['field']} is {m['entry']!r}; {where} gives {m['registry']!r}"
                    + (f" (DOI {verdict.doi})" if verdict.doi else ""),
                )
            )
    elif verdict.verdict == "not-found":
        out.append(
            _finding(
                "verify-not-found",
                entry,
                None,
                f"{verdict.detail}; searched: {'; '.join(verdict.searched) or 'nothing'}",
            )
        )
    elif verdict.verdict == "unreachable":
        out.append(_finding("verify-unreachable", entry, None, f"could not be checked: {verdict.detail}"))
    if verdict.propose_doi and verdict.doi:
        out.append(
            _finding(
                "verify-doi-found",
                entry,
                "doi",
                f"DOI {verdict.doi} found ({verdict.source}, score {verdict.score:.2f}); "
                "`annobib verify --fix` adds it",
            )
        )
    return out
