"""Headline figures of one moment (sites checked, ok, broken, …, average score) and their change."""

from __future__ import annotations

from dataclasses import dataclass

from marktplatz.reports.weekly.history import States

SCORE_BINS = ((0, 19), (20, 39), (40, 59), (60, 79), (80, 100))


@dataclass(frozen=True)
class Figures:
    checked: int
    ok: int
    redirected: int
    broken: int
    unreachable: int
    parked: int
    no_website: int
    not_crawled: int
    average_score: float | None

    @property
    def working(self) -> int:
        return self.ok + self.redirected


def figures_of(states: States) -> Figures:
    count: dict[str, int] = {}
    scores = []
    for s in states.values():
        count[s.status] = count.get(s.status, 0) + 1
        if s.score is not None and s.status not in ("no_website", "not_crawled"):
            scores.append(s.score)
    checked = sum(n for status, n in count.items() if status not in ("no_website", "not_crawled"))
    return Figures(checked=checked, ok=count.get("ok", 0), redirected=count.get("redirected", 0),
                   broken=count.get("broken", 0), unreachable=count.get("unreachable", 0),
                   parked=count.get("parked", 0), no_website=count.get("no_website", 0),
                   not_crawled=count.get("not_crawled", 0),
                   average_score=sum(scores) / len(scores) if scores else None)


def score_histogram(states: States) -> list[tuple[str, int]]:
    scores = [s.score for s in states.values() if s.score is not None
              and s.status not in ("no_website", "not_crawled")]
    return [(f"{lo}–{hi}", sum(1 for x in scores if lo <= x <= hi)) for lo, hi in SCORE_BINS]


# (label, attribute, is the better direction up?) — the order of the headline tiles.
HEADLINE = (
    ("Geprüfte Websites", "checked", None),
    ("Erreichbar", "working", True),
    ("Fehlerhaft", "broken", False),
    ("Nicht erreichbar", "unreachable", False),
    ("Geparkt", "parked", False),
    ("Ohne Website", "no_website", False),
    ("Ø Punktzahl", "average_score", True),
)
