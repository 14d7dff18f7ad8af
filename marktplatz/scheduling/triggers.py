"""Cron schedules in a time zone's wall clock that never fire twice or skip a day when the clocks change.

APScheduler 3's `CronTrigger` walks an aware datetime through a zone with DST. On the night the clocks go back
(Europe/Berlin, last Sunday of October, 03:00 → 02:00) a daily job at 02:30 fires twice, once per pass through the
repeated hour. `WallClockCronTrigger` iterates the cron fields on naive wall-clock times instead (a `CronTrigger` in
UTC, which has no DST, does exactly that) and maps each matching wall time to one instant:

- a repeated wall time (autumn) fires once, on its first occurrence;
- a wall time that does not exist (spring, 02:00–03:00) fires once, shifted forward by the gap (02:30 → 03:30);
- fire times are returned in UTC, so APScheduler compares them with "now" by instant, not by wall clock (two
  datetimes sharing one `ZoneInfo` are compared without their offsets).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger

# A candidate whose wall time lies this far before the reference instant's wall time can still map to an instant
# after it (a wall time in the spring gap is shifted forward); larger than any DST shift.
_LOOKBACK = timedelta(hours=3)
_DAY_NAMES = re.compile(r"^[a-z*,/\-]+$|^\*(/\d+)?$")


class CronError(ValueError):
    """A crontab expression that cannot be used, with the reason."""


def check_crontab(expr: str) -> str:
    """Validate a five-field crontab expression (`minute hour day month day-of-week`) and return it normalised.

    The day-of-week field must use names (`mon`, `mon-fri`, `*`): APScheduler 3 counts 0 as Monday where cron
    counts 0 as Sunday, so a number there would silently run the job on the wrong day.
    """
    fields = expr.split()
    if len(fields) != 5:
        raise CronError(f"{expr!r}: a crontab expression has 5 fields (minute hour day month day-of-week), "
                        f"not {len(fields)}")
    dow = fields[4].lower()
    if any(ch.isdigit() for ch in re.sub(r"/\d+", "", dow)):
        raise CronError(f"{expr!r}: write the day of week as a name (mon, tue, …, sun or mon-fri), not a number")
    if not _DAY_NAMES.match(dow):
        raise CronError(f"{expr!r}: {fields[4]!r} is not a day-of-week field")
    normalised = " ".join([*fields[:4], dow])
    try:
        CronTrigger.from_crontab(normalised, timezone=UTC)
    except ValueError as exc:
        raise CronError(f"{expr!r}: {exc}") from exc
    return normalised


class WallClockCronTrigger(BaseTrigger):
    """A crontab schedule read on the wall clock of `timezone`; each matching wall time fires at most once."""

    def __init__(self, crontab: str, timezone: tzinfo | str) -> None:
        self.crontab = check_crontab(crontab)
        self.timezone: tzinfo = ZoneInfo(timezone) if isinstance(timezone, str) else timezone
        # UTC has no DST: this trigger's "UTC" datetimes are the wall-clock times of `self.timezone`.
        self._wall = CronTrigger.from_crontab(self.crontab, timezone=UTC)

    def get_next_fire_time(self, previous_fire_time: datetime | None, now: datetime) -> datetime | None:
        """The earliest instant after `previous_fire_time` (or at/after `now` when there is none) at which a
        matching wall time occurs, in UTC."""
        floor = previous_fire_time if previous_fire_time is not None else now - timedelta(microseconds=1)
        floor_utc = floor.astimezone(UTC)
        candidate = self._wall.get_next_fire_time(None, self._as_wall(floor_utc) - _LOOKBACK)
        best: datetime | None = None
        # Wall order and instant order can differ only near a gap, so look a little past the first hit.
        while candidate is not None:
            instant = self._instant(candidate)
            if instant > floor_utc and (best is None or instant < best):
                best = instant
            if best is not None and candidate.replace(tzinfo=None) > self._as_wall(best).replace(tzinfo=None) \
                    + _LOOKBACK:
                break
            candidate = self._wall.get_next_fire_time(candidate, candidate)
        return best

    def _as_wall(self, instant: datetime) -> datetime:
        """The wall-clock time of `instant` in this trigger's zone, as a "UTC" datetime for the inner trigger."""
        return instant.astimezone(self.timezone).replace(tzinfo=UTC, fold=0)

    def _instant(self, wall: datetime) -> datetime:
        # fold=0: a repeated wall time means its first occurrence; a wall time inside a gap takes the offset from
        # before the change, which lands after the gap (02:30 → 03:30 CEST).
        local = wall.replace(tzinfo=self.timezone, fold=0)
        return local.astimezone(UTC)

    def fire_times(self, start: datetime, end: datetime) -> list[datetime]:
        """Every fire time in [start, end), as the scheduler would meet them (for `--list` and for tests)."""
        out: list[datetime] = []
        nxt = self.get_next_fire_time(None, start)
        while nxt is not None and nxt < end:
            out.append(nxt)
            nxt = self.get_next_fire_time(nxt, nxt)
        return out

    def __getstate__(self) -> dict[str, Any]:
        return {"version": 1, "crontab": self.crontab, "timezone": str(self.timezone)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["crontab"], state["timezone"])  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, WallClockCronTrigger) and other.crontab == self.crontab
                and str(other.timezone) == str(self.timezone))

    def __hash__(self) -> int:
        return hash((self.crontab, str(self.timezone)))

    def __str__(self) -> str:
        return f"cron[{self.crontab}, {self.timezone}]"

    def __repr__(self) -> str:
        return f"<WallClockCronTrigger ({self.crontab!r}, timezone={str(self.timezone)!r})>"
