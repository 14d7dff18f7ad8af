"""Weekly tables → the OpenStreetMap `opening_hours` string and schema.org `OpeningHoursSpecification`.

Pure formatting: `{"mo": ["08:00-12:00", "14:00-18:00"], "sa": ["09:00-13:00"]}` →
`"Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00"`-style output; closed days are simply absent.
"""

from __future__ import annotations

from typing import Any

from marktplatz.crawler.pages.record import DAYS, Week

OSM_DAY = {"mo": "Mo", "tu": "Tu", "we": "We", "th": "Th", "fr": "Fr", "sa": "Sa", "su": "Su"}
SCHEMA_DAY = {"mo": "Monday", "tu": "Tuesday", "we": "Wednesday", "th": "Thursday", "fr": "Friday",
              "sa": "Saturday", "su": "Sunday"}


def _groups(week: Week) -> list[tuple[list[str], tuple[str, ...]]]:
    """Days sharing the same intervals, in week order of their first day."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for day in DAYS:
        intervals = tuple(week.get(day) or ())
        if intervals:
            groups.setdefault(intervals, []).append(day)
    return [(days, intervals) for intervals, days in groups.items()]


def _day_ranges(days: list[str]) -> str:
    idx = sorted(DAYS.index(d) for d in days)
    parts: list[str] = []
    start = prev = idx[0]
    for i in [*idx[1:], None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        if prev - start >= 2:
            parts.append(f"{OSM_DAY[DAYS[start]]}-{OSM_DAY[DAYS[prev]]}")
        else:
            parts.extend(OSM_DAY[DAYS[j]] for j in range(start, prev + 1))
        if i is not None:
            start = prev = i
    return ",".join(parts)


def to_osm(week: Week | None) -> str | None:
    """The OSM `opening_hours` value for a weekly table; None when the table is empty."""
    if not week:
        return None
    rules = [f"{_day_ranges(days)} {','.join(intervals)}" for days, intervals in _groups(week)]
    return "; ".join(rules) or None


def to_schema_org(week: Week | None) -> list[dict[str, Any]]:
    """schema.org `OpeningHoursSpecification` objects, one per group of days and interval."""
    out: list[dict[str, Any]] = []
    for days, intervals in _groups(week or {}):
        for interval in intervals:
            opens, closes = interval.split("-")
            out.append({"@type": "OpeningHoursSpecification",
                        "dayOfWeek": [f"https://schema.org/{SCHEMA_DAY[d]}" for d in days],
                        "opens": opens, "closes": closes})
    return out
