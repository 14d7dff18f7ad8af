"""ISO weeks in Europe/Berlin: `2026-W48` → the instants (UTC) at which it starts and ends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Week:
    label: str
    monday: date
    start: datetime
    end: datetime

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def previous(self, tz: ZoneInfo) -> Week:
        return week_of(self.monday - timedelta(days=7), tz)

    def next(self, tz: ZoneInfo) -> Week:
        return week_of(self.monday + timedelta(days=7), tz)


def week_of(day: date, tz: ZoneInfo) -> Week:
    year, number, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    start = datetime.combine(monday, time.min, tzinfo=tz).astimezone(UTC)
    end = datetime.combine(monday + timedelta(days=7), time.min, tzinfo=tz).astimezone(UTC)
    return Week(f"{year}-W{number:02d}", monday, start, end)


def parse_week(label: str, tz: ZoneInfo) -> Week:
    year, number = label.split("-W")
    return week_of(date.fromisocalendar(int(year), int(number), 1), tz)


def current_week(now: datetime, tz: ZoneInfo) -> Week:
    return week_of(now.astimezone(tz).date(), tz)


def weeks_between(first: Week, last: Week, tz: ZoneInfo) -> Iterator[Week]:
    week = first
    while week.monday <= last.monday:
        yield week
        week = week.next(tz)
