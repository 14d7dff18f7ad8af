"""Dated exceptions to the weekly hours: Betriebsurlaub ranges, single closed days, named holidays.

"Betriebsurlaub vom 24.12. bis 02.01.", "Bis zum 4. September sind wir im Urlaub", "Heiligabend geschlossen",
"an Feiertagen geschlossen" (the NRW public holidays) become `SpecialHours` records with ISO dates. Dates written
without a year are placed relative to `today` (passed in by the caller, never read from a clock); without `today`
such dates cannot be placed and nothing is returned for them.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from marktplatz.crawler.pages.record import SpecialHours
from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.holidays import named_days, nrw_public_holidays

_DATE = (r"(?P<d{n}>0?[1-9]|[12]\d|3[01])\.\s?(?:(?P<m{n}>0?[1-9]|1[0-2])\.|\s?(?P<mn{n}>"
         + "|".join(sorted(vocab.MONTHS, key=len, reverse=True)) + r")\b\.?)\s?(?P<y{n}>(?:19|20)?\d{2}(?!\d))?")
_RANGE = re.compile(r"(?:vom|von|zwischen)?\s*" + _DATE.replace("{n}", "1")
                    + r"\s*(?:bis(?:\s(?:zum|einschl(?:ießlich|\.)))?"
                    r"|-|–|—|und)\s*(?:zum\s)?" + _DATE.replace("{n}", "2"), re.IGNORECASE)
_UNTIL = re.compile(r"\bbis\s(?:zum\s|einschließlich\s|einschl\.\s)?(?:(?:mo|di|mi|do|fr|sa|so)\w*,?\s)?"
                    + _DATE.replace("{n}", "1"), re.IGNORECASE)
_REOPEN = re.compile(r"\bab\s(?:dem\s|(?:mo|di|mi|do|fr|sa|so)\w*,?\s(?:dem\s)?)?" + _DATE.replace("{n}", "1")
                     + r"[^.!]{0,60}?\b(?:wieder|geöffnet|für sie da|zurück)", re.IGNORECASE)
_SINGLE = re.compile(r"(?:am\s)?(?:(?:mo|di|mi|do|fr|sa|so)\w*,?\s(?:den\s)?)?" + _DATE.replace("{n}", "1"),
                     re.IGNORECASE)
_CLOSED = re.compile(r"geschlossen|urlaub|betriebsferien|ferien|inventur|closed|ruhetag|keine sprechstunde|"
                     r"bleibt zu|haben zu|sind wir nicht", re.IGNORECASE)
# A time range with "Uhr" ("8–12 Uhr", "von 9.00 bis 13.00 Uhr"), as a notice gives a day's own hours
TIMES = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s?(?:uhr)?\s?(?:-|–|bis)\s?(\d{1,2})(?:[:.](\d{2}))?\s?uhr",
                   re.IGNORECASE)
_ALL_HOLIDAYS = re.compile(r"\b(?:an\s)?(?:sonn-\s?und\s)?feiertage?n?\b|\bfeiertags\b", re.IGNORECASE)


def _interval(times: re.Match[str]) -> str:
    """A `TIMES` match as a day's interval ("09:00-12:00")."""
    return f"{int(times.group(1)):02d}:{times.group(2) or '00'}-{int(times.group(3)):02d}:{times.group(4) or '00'}"


def _resolve(groups: dict[str, str | None], n: int, today: date | None) -> tuple[int, int, int | None] | None:
    day = int(groups[f"d{n}"] or 0)
    month_txt = groups.get(f"m{n}")
    month = int(month_txt) if month_txt else vocab.MONTHS.get((groups.get(f"mn{n}") or "").lower().rstrip("."), 0)
    year_txt = groups.get(f"y{n}")
    year = int(year_txt) if year_txt else None
    if year is not None and year < 100:
        year += 2000
    if not day or not month:
        return None
    return day, month, year


def _place(day: int, month: int, year: int | None, today: date | None, after: date | None = None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        if after is not None:
            cand = date(after.year, month, day)
            return cand if cand >= after else date(after.year + 1, month, day)
        if today is None:
            return None
        cand = date(today.year, month, day)
        # A notice about a date more than two months back is about next year's date.
        return cand if cand >= today - timedelta(days=60) else date(today.year + 1, month, day)
    except ValueError:
        return None


def find_special_hours(text: str, today: date | None = None) -> list[SpecialHours]:
    """Dated closures and special times a notice states (empty when it states none or cannot be dated)."""
    if not _CLOSED.search(text) and not TIMES.search(text):
        return []
    reason = text.strip()[:160]
    out: list[SpecialHours] = []
    closed = bool(_CLOSED.search(text))
    used: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        a, b = _resolve(m.groupdict(), 1, today), _resolve(m.groupdict(), 2, today)
        if not a or not b or not closed:
            continue
        start = _place(a[0], a[1], a[2] or b[2], today)
        stop = _place(b[0], b[1], b[2], today, after=start) if start else None
        if start and stop and start <= stop and (stop - start).days <= 120:
            out.append(SpecialHours(start.isoformat(), stop.isoformat(), (), reason))
            used.append(m.span())
    if closed and not out:
        until = _UNTIL.search(text)
        reopen = _REOPEN.search(text)
        end: date | None = None
        if until:
            u = _resolve(until.groupdict(), 1, today)
            end = _place(u[0], u[1], u[2], today) if u else None
        elif reopen:
            r = _resolve(reopen.groupdict(), 1, today)
            back = _place(r[0], r[1], r[2], today) if r else None
            end = back - timedelta(days=1) if back else None
        if end is not None and today is not None and end >= today:
            out.append(SpecialHours(today.isoformat(), end.isoformat(), (), reason))
            used.append((until or reopen).span())  # type: ignore[union-attr]
    if not out:
        for m in _SINGLE.finditer(text):
            if any(s <= m.start() < e for s, e in used):
                continue
            parts = _resolve(m.groupdict(), 1, today)
            when = _place(parts[0], parts[1], parts[2], today) if parts else None
            if when is None:
                continue
            times = TIMES.search(text[m.end():m.end() + 40])
            if times:
                out.append(SpecialHours(when.isoformat(), when.isoformat(), (_interval(times),), reason))
            elif closed:
                out.append(SpecialHours(when.isoformat(), when.isoformat(), (), reason))
    times = None if closed or out else TIMES.search(text)
    if (closed or times) and today is not None:
        # "Heiligabend geschlossen"; "Heiligabend und Silvester: 9–12 Uhr", the day's own hours
        hours = (_interval(times),) if times else ()
        low = text.lower()
        for year in (today.year,):
            for name, when in named_days(year).items():
                if re.search(r"\b" + re.escape(name) + r"\b", low) and when >= today - timedelta(days=1):
                    out.append(SpecialHours(when.isoformat(), when.isoformat(), hours, reason))
            if closed and _ALL_HOLIDAYS.search(text):
                for when in nrw_public_holidays(year).values():
                    if when >= today:
                        out.append(SpecialHours(when.isoformat(), when.isoformat(), (), reason))
    seen: set[tuple[str, str, tuple[str, ...]]] = set()
    unique: list[SpecialHours] = []
    for sh in sorted(out, key=lambda s: s.start):
        key = (sh.start, sh.end, sh.intervals)
        if key not in seen:
            seen.add(key)
            unique.append(sh)
    return unique


def is_past_notice(text: str, today: date) -> bool:
    """Whether every date a notice names is before `today` ("Urlaub: 03.08.2026 – 21.08.2026" read in November): it
    is over. A date without its year is taken in the latest year the notice writes ("02.07.2019 – Sommerpause vom
    15.07. bis 03.08.2019"); a notice that writes no year may be about next year's dates and does not count."""
    parts = [p for m in _SINGLE.finditer(text) if (p := _resolve(m.groupdict(), 1, today))]
    years = [y for _, _, y in parts if y is not None]
    if not years:
        return False
    latest = max(years)
    try:
        return all(date(y if y is not None else latest, m, d) < today for d, m, y in parts)
    except ValueError:
        return False
