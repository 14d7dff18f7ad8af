"""Small helpers for the extraction tests: compact weekly tables and OSM validation."""

from __future__ import annotations

import opening_hours

from marktplatz.crawler.pages.record import DAYS

Week = dict[str, list[str]]


def week(spec: dict[str, list[str]] | None = None, **days: list[str]) -> Week:
    """`week({"mo-fr": ["08:00-18:00"]}, sa=["09:00-13:00"])` → the full table ("mo-fr" expands to five days)."""
    out: Week = {}
    for key, intervals in {**(spec or {}), **days}.items():
        for part in key.split(","):
            if "-" in part:
                a, b = part.split("-")
                span = DAYS[DAYS.index(a):DAYS.index(b) + 1]
            else:
                span = (part,)
            for d in span:
                out[d] = list(intervals)
    return {d: out[d] for d in DAYS if d in out}


def assert_valid_osm(value: str | None) -> None:
    """Every OSM string we produce must be accepted by the opening_hours reference parser."""
    assert value, "expected an OSM opening_hours string"
    assert opening_hours.validate(value), f"invalid OSM opening_hours: {value!r}"
