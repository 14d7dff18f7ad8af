"""A site's status over time: when a failing site counts as `broken`/`unreachable`, down-since, flapping (pure).

The rule: a site seen working keeps its status until `failures_to_down` consecutive failed observations, coming from
at least `min_checks` different runs (a crawl or a daily check each), say otherwise; each check has already retried
with a second strategy. A site that never answered has nothing to protect: its first failure shows at once, marked
unconfirmed until the rule holds. One good answer brings a site back. Observations that tell nothing (robots.txt)
are skipped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from marktplatz.config import HealthRules
from marktplatz.monitor.health import FAILED_STATUSES, NEUTRAL_OUTCOMES, REACHABLE_OUTCOMES


@dataclass(frozen=True)
class Point:
    """One observation of the history: when, which run, and its outcome."""

    checked_at: datetime
    run_id: int | None
    outcome: str

    @property
    def failed(self) -> bool:
        return self.outcome not in REACHABLE_OUTCOMES and self.outcome not in NEUTRAL_OUTCOMES


@dataclass(frozen=True)
class Verdict:
    status: str  # the site status after the newest observation
    since: datetime | None  # when that status began (for a failed status: the first failure of the streak)
    changed: bool
    failures: int  # consecutive failed observations up to now
    confirmed: bool  # a failed status satisfies the rule (not only "never answered yet")


def failure_streak(history: Sequence[Point]) -> list[Point]:
    """The trailing run of failed observations (oldest first), skipping neutral ones."""
    streak: list[Point] = []
    for point in reversed(history):
        if point.outcome in NEUTRAL_OUTCOMES:
            continue
        if not point.failed:
            break
        streak.append(point)
    return list(reversed(streak))


def is_confirmed(streak: Sequence[Point], rules: HealthRules) -> bool:
    runs = {p.run_id if p.run_id is not None else p.checked_at for p in streak}
    return len(streak) >= rules.failures_to_down and len(runs) >= rules.min_checks


def next_status(current: str, since: datetime | None, history: Sequence[Point], pointed: str | None,
                rules: HealthRules) -> Verdict:
    """The status after the newest observation (last of `history`), which points to status `pointed`."""
    streak = failure_streak(history)
    confirmed = is_confirmed(streak, rules)
    if pointed is None or not history:
        return Verdict(current, since, False, len(streak), confirmed)
    now = history[-1].checked_at
    if pointed not in FAILED_STATUSES:
        if pointed == current:
            return Verdict(current, since, False, 0, False)
        return Verdict(pointed, now, True, 0, False)
    down_since = streak[0].checked_at if streak else now
    if current in FAILED_STATUSES:
        # Already down: a switch between broken and unreachable keeps the time the site went down.
        return Verdict(pointed, since or down_since, pointed != current, len(streak), confirmed)
    if current in ("not_crawled", "no_website") or confirmed:
        return Verdict(pointed, down_since, True, len(streak), confirmed)
    return Verdict(current, since, False, len(streak), False)


def is_flapping(history: Sequence[Point], rules: HealthRules) -> bool:
    """Up and down again and again within the last observations."""
    states = [p.failed for p in history if p.outcome not in NEUTRAL_OUTCOMES][-rules.flapping_window:]
    changes = sum(1 for a, b in itertools.pairwise(states) if a != b)
    return changes >= rules.flapping_changes


def last_ok(history: Sequence[Point]) -> datetime | None:
    return next((p.checked_at for p in reversed(history) if p.outcome in REACHABLE_OUTCOMES), None)
