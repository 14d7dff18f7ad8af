"""One audit finding `{code, severity, message_de, evidence}`, built from the catalog so messages stay in one place."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from marktplatz.monitor.catalog import SEVERITY_POINTS, spec


@dataclass(frozen=True)
class AuditFinding:
    code: str
    severity: str
    message_de: str
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def points(self) -> int:
        """What this finding takes off the site's score."""
        return SEVERITY_POINTS.get(self.severity, 0)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": self.message_de, "evidence": self.evidence,
                "points": self.points}


def make_finding(code: str, evidence: dict[str, Any] | None = None, severity: str | None = None,
                 **fill: Any) -> AuditFinding:
    """A finding of `code` whose message is the catalog template filled from `fill` (then `evidence`)."""
    entry = spec(code)
    chosen = severity or entry.severity
    if chosen not in entry.all_severities():
        raise ValueError(f"{code}: severity {chosen} is not one of {entry.all_severities()}")
    values: defaultdict[str, Any] = defaultdict(str, {**(evidence or {}), **fill})
    return AuditFinding(code, chosen, entry.message.format_map(values), dict(evidence or {}))


def score(findings: list[AuditFinding]) -> int:
    """100 minus the points of every finding, never below 0: each point lost is explained by a finding."""
    return max(0, 100 - sum(f.points for f in findings))
