"""Public holidays of North Rhine-Westphalia (Herne's state) and the named days shops write about.

Used to turn "an Feiertagen geschlossen", "Heiligabend geschlossen" or "Ostermontag Ruhetag" into dated closures.
Pure date arithmetic (Gauss/Meeus Easter); no calendar library, no clock.
"""

from __future__ import annotations

from datetime import date, timedelta


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def nrw_public_holidays(year: int) -> dict[str, date]:
    """The statutory public holidays in NRW for a year, by German name."""
    easter = easter_sunday(year)
    return {
        "Neujahr": date(year, 1, 1),
        "Karfreitag": easter - timedelta(days=2),
        "Ostermontag": easter + timedelta(days=1),
        "Tag der Arbeit": date(year, 5, 1),
        "Christi Himmelfahrt": easter + timedelta(days=39),
        "Pfingstmontag": easter + timedelta(days=50),
        "Fronleichnam": easter + timedelta(days=60),
        "Tag der Deutschen Einheit": date(year, 10, 3),
        "Allerheiligen": date(year, 11, 1),
        "1. Weihnachtstag": date(year, 12, 25),
        "2. Weihnachtstag": date(year, 12, 26),
    }


def named_days(year: int) -> dict[str, date]:
    """Holidays plus the non-statutory days shops close on, keyed by the lower-case words people write."""
    easter = easter_sunday(year)
    days = {name.lower(): day for name, day in nrw_public_holidays(year).items()}
    days.update({
        "heiligabend": date(year, 12, 24), "heiligen abend": date(year, 12, 24), "silvester": date(year, 12, 31),
        "ostersonntag": easter, "pfingstsonntag": easter + timedelta(days=49),
        "rosenmontag": easter - timedelta(days=48), "weiberfastnacht": easter - timedelta(days=52),
        "1. mai": date(year, 5, 1), "himmelfahrt": easter + timedelta(days=39),
        "erster weihnachtstag": date(year, 12, 25), "zweiter weihnachtstag": date(year, 12, 26),
        "1. weihnachtsfeiertag": date(year, 12, 25), "2. weihnachtsfeiertag": date(year, 12, 26),
        "neujahrstag": date(year, 1, 1),
    })
    return days
