"""The part of the year a schedule holds for: "Sommer (15. März – 31. Oktober)", "Winter: November bis Februar",
"01.04. – 30.09.", or just "Sommeröffnungszeiten".

An ice-cream parlour, a garden centre or a beer garden states two weeks, one per season; the listing shows the one
that holds on the day of the crawl, and the scheduled re-crawl switches it when the season turns. A season named
without dates follows the clocks: summer time (April to October) and winter time (November to March).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from marktplatz.crawler.parsing import vocab

MonthDay = tuple[int, int]

_MONTH = "|".join(sorted(vocab.MONTHS, key=len, reverse=True))
_POINT = (r"(?:(?P<d{n}>0?[1-9]|[12]\d|3[01])\.\s?)?(?:(?P<mn{n}>" + _MONTH + r")\b\.?"
          r"|(?P<m{n}>0?[1-9]|1[0-2])\.)")
_RANGE = re.compile(r"(?<![\d.])" + _POINT.replace("{n}", "1") + r"\s*(?:-|–|—|bis(?:\s(?:zum|ende))?)\s*(?:ende\s)?"
                    + _POINT.replace("{n}", "2"), re.IGNORECASE)
_WORD = (r"(?<![a-zäöüß])(?:{})(?:saison|zeit|zeiten|öffnungszeiten|oeffnungszeiten|monate|halbjahr|betrieb)?"
         r"(?![a-zäöüß])")
_SUMMER = re.compile(_WORD.format("sommer"), re.IGNORECASE)  # not "Sommerfest"
_WINTER = re.compile(_WORD.format("winter"), re.IGNORECASE)  # not "Wintergarten"
_PART_OF_YEAR = re.compile(r"(?<![a-zäöüß])im\s+(?:" + "|".join(m for m in vocab.MONTHS if len(m) > 3) + r")\b|advent|"
                           r"vorweihnacht|weihnachtszeit|weihnachtsgeschäft", re.IGNORECASE)
SUMMER: tuple[MonthDay, MonthDay] = ((4, 1), (10, 31))
WINTER: tuple[MonthDay, MonthDay] = ((11, 1), (3, 31))


def _point(groups: dict[str, str | None], n: int, end: bool) -> MonthDay | None:
    name = groups.get(f"mn{n}")
    month = vocab.MONTHS.get(name.lower().rstrip(".")) if name else int(groups[f"m{n}"] or 0)
    if not month:
        return None
    day = groups.get(f"d{n}")
    if day is None and not name:
        return None  # "4." alone is no date
    return month, int(day) if day else (31 if end else 1)


def dated_season(text: str) -> tuple[MonthDay, MonthDay] | None:
    """The season a text states with dates or months ("15. März – 31. Oktober", "April bis Oktober")."""
    m = _RANGE.search(text)
    if not m:
        return None
    groups = m.groupdict()
    start, stop = _point(groups, 1, end=False), _point(groups, 2, end=True)
    return (start, stop) if start and stop and start != stop else None


@lru_cache(maxsize=4096)
def period_text(text: str) -> str | None:
    """The range of dates or months a text names, as written ("1. April bis 31. Oktober"), or None."""
    m = _RANGE.search(text)
    return m.group(0) if m and dated_season(m.group(0)) else None


@lru_cache(maxsize=4096)
def part_of_year(text: str) -> bool:
    """Whether a text names a part of the year: a range of dates or months, a month ("im Dezember"), Advent."""
    return bool(_PART_OF_YEAR.search(text)) or dated_season(text) is not None


def season_of(text: str | None) -> tuple[MonthDay, MonthDay] | None:
    """The (first, last) month and day a label's season covers, or None when it names no season."""
    if not text:
        return None
    dated = dated_season(text)
    if dated:
        return dated
    summer, winter = _SUMMER.search(text), _WINTER.search(text)
    if summer and not winter:
        return SUMMER
    if winter and not summer:
        return WINTER
    return None


def without_season(text: str) -> str:
    """A label with its season taken out: what else it names ("Biergarten (Mai – September)" → "Biergarten ()")."""
    return _WINTER.sub(" ", _SUMMER.sub(" ", _RANGE.sub(" ", text)))


def in_season(season: tuple[MonthDay, MonthDay], day: date) -> bool:
    """Whether `day` falls in the season (which may run over the new year)."""
    start, stop = season
    here = (day.month, day.day)
    if start <= stop:
        return start <= here <= stop
    return here >= start or here <= stop
