"""German opening-hours text → weekly table, and every table → a valid OSM string and schema.org spec.

Each case is a string as Herne traders write it (fictional businesses), with the week it states. Lines are separated
by "\\n" as the page walk would cut them (table rows, <dl> pairs, <br>).
"""

from __future__ import annotations

import pytest

from marktplatz.crawler.parsing.hours import parse_hours_text
from marktplatz.crawler.parsing.hours_format import to_osm, to_schema_org
from tests.extraction.helpers import assert_valid_osm, week

MO_FR_8_18 = week({"mo-fr": ["08:00-18:00"]})

CASES: list[tuple[str, dict[str, list[str]]]] = [
    # ranges of days, written every way
    ("Mo–Fr 8:00–18:00 Uhr", MO_FR_8_18),
    ("Mo-Fr 8-18 Uhr", MO_FR_8_18),
    ("Mo.-Fr. 8.00-18.00 Uhr", MO_FR_8_18),
    ("Mo. – Fr. 08:00 – 18:00", MO_FR_8_18),
    ("Montag bis Freitag 8 bis 18 Uhr", MO_FR_8_18),
    ("Montag - Freitag: 08:00 - 18:00 Uhr", MO_FR_8_18),
    ("Montag bis Freitag von 8:00 bis 18:00 Uhr", MO_FR_8_18),
    ("MO - FR 8 - 18 UHR", MO_FR_8_18),
    ("Mo bis Fr 8-18h", MO_FR_8_18),
    ("montags bis freitags 8-18 Uhr", MO_FR_8_18),
    ("Mo-Fr: 8:00 Uhr - 18:00 Uhr", MO_FR_8_18),
    ("Mo–Fr 08:00–18:00 Uhr durchgehend", MO_FR_8_18),
    ("Montag – Freitag – 8:00 – 18:00 Uhr", MO_FR_8_18),  # a dash between the days and their range
    ("Mo-Fr durchgehend 8-18 Uhr", MO_FR_8_18),
    ("8-18 Uhr Mo-Fr", MO_FR_8_18),
    ("Mon-Fri 8:00-18:00", MO_FR_8_18),
    ("Monday - Friday 08:00 - 18:00", MO_FR_8_18),
    ("wochentags 8-18 Uhr", MO_FR_8_18),
    # lists of days
    ("Mo, Di, Do 9-12 Uhr", week({"mo,tu,th": ["09:00-12:00"]})),
    ("Mo., Di., Do. 9.00-12.00", week({"mo,tu,th": ["09:00-12:00"]})),
    ("Mo & Fr 9-12", week({"mo,fr": ["09:00-12:00"]})),
    ("Mo + Mi 14-18 Uhr", week({"mo,we": ["14:00-18:00"]})),
    ("Montag und Donnerstag 15-19 Uhr", week({"mo,th": ["15:00-19:00"]})),
    ("Mo,Di,Mi,Fr 8-18 Uhr | Do 8-14.30 Uhr", week({"mo-we,fr": ["08:00-18:00"]}, th=["08:00-14:30"])),
    ("Di, Mi, Fr 10-18 Uhr, Do 10-20 Uhr, Sa 10-14 Uhr",
     week({"tu,we,fr": ["10:00-18:00"]}, th=["10:00-20:00"], sa=["10:00-14:00"])),
    ("Mo/Di/Do 8-13", week({"mo,tu,th": ["08:00-13:00"]})),
    # day groups
    ("täglich 11-22 Uhr", week({"mo-su": ["11:00-22:00"]})),
    ("Täglich von 7 bis 20 Uhr geöffnet", week({"mo-su": ["07:00-20:00"]})),
    ("tägl. 10-18 Uhr", week({"mo-su": ["10:00-18:00"]})),
    ("werktags 7-19 Uhr", week({"mo-sa": ["07:00-19:00"]})),
    ("werktags 7-19 Uhr, Sa 8-14 Uhr", week({"mo-fr": ["07:00-19:00"]}, sa=["08:00-14:00"])),
    ("am Wochenende 10-16 Uhr", week({"sa-su": ["10:00-16:00"]})),
    ("Mo–Fr 9–18 Uhr, Wochenende 10–14 Uhr", week({"mo-fr": ["09:00-18:00"], "sa-su": ["10:00-14:00"]})),
    ("täglich rund um die Uhr", week({"mo-su": ["00:00-24:00"]})),
    ("24/7 geöffnet", week({"mo-su": ["00:00-24:00"]})),
    # split shifts
    ("Mo-Fr 8-12 und 14-18 Uhr", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Mo-Fr 8-12 / 14-18 Uhr", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Mo-Fr 8-12/14-18", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Mo-Fr 8:00-12:00, 14:00-18:00", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Mo–Fr 08:00–12:30 & 14:30–18:00 Uhr", week({"mo-fr": ["08:00-12:30", "14:30-18:00"]})),
    ("Mo-Fr 8.30-12.30 u. 14.00-18.00 Uhr", week({"mo-fr": ["08:30-12:30", "14:00-18:00"]})),
    ("Mo-Fr: 8 - 12 Uhr + 14 - 18 Uhr", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Mo - Fr\n08:00 - 12:00 Uhr\n14:00 - 18:00 Uhr", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Mo-Fr 8-12 Uhr\nMo-Fr 14-18 Uhr", week({"mo-fr": ["08:00-12:00", "14:00-18:00"]})),
    ("Di-Sa 11:30-14:30 und 17:30-22:00", week({"tu-sa": ["11:30-14:30", "17:30-22:00"]})),
    ("Mo, Di, Do, Fr | 08.30 - 13.00\n14.30 - 18.00\nMittwoch | 14.30 - 20.00\nSamstag | 08.30 - 11.00",
     week({"mo,tu,th,fr": ["08:30-13:00", "14:30-18:00"]}, we=["14:30-20:00"], sa=["08:30-11:00"])),
    # lunch breaks and half days
    ("Mo-Fr 8-18 Uhr, Mittagspause 12-13 Uhr", week({"mo-fr": ["08:00-12:00", "13:00-18:00"]})),
    ("Mo-Fr 8-18 Uhr (Mittagspause von 12:30 bis 13:30 Uhr)", week({"mo-fr": ["08:00-12:30", "13:30-18:00"]})),
    ("Mo-Fr 8-18 Uhr, 12-13 Uhr Mittagspause", week({"mo-fr": ["08:00-12:00", "13:00-18:00"]})),
    ("dienstags bis freitags von 8.30 bis 18 Uhr, samstags schon ab 8 Uhr bis 13 Uhr",
     week({"tu-fr": ["08:30-18:00"]}, sa=["08:00-13:00"])),
    # grades and ages are no times
    ("Beratung: Mo.–Fr. 14:00–18:00 Uhr\nKlasse 1–4\nKlasse 5–10", week({"mo-fr": ["14:00-18:00"]})),
    # a break on a line of its own under the week, or naming its days, splits those days' hours
    ("Mo–Fr 9–18 Uhr\nSa 10–13 Uhr\nMittagspause 13–14 Uhr",
     week({"mo-fr": ["09:00-13:00", "14:00-18:00"], "sa": ["10:00-13:00"]})),
    ("Montag bis Donnerstag 8:30 – 17:00 Uhr, Freitag 8:30 – 14:00 Uhr.\nMittagspause täglich von 12:30 bis 13:30 Uhr.",
     week({"mo-th": ["08:30-12:30", "13:30-17:00"], "fr": ["08:30-12:30", "13:30-14:00"]})),
    ("Mo–Fr 9–18 Uhr\nPause Mo–Do 13–14 Uhr", week({"mo-th": ["09:00-13:00", "14:00-18:00"], "fr": ["09:00-18:00"]})),
    ("Mo-Fr 8-12 und 14-18 Uhr, Mi nachmittags geschlossen",
     week({"mo,tu,th,fr": ["08:00-12:00", "14:00-18:00"]}, we=["08:00-12:00"])),
    ("Mo-Fr 8-12 und 14-18 Uhr, Mittwochnachmittag geschlossen",
     week({"mo,tu,th,fr": ["08:00-12:00", "14:00-18:00"]}, we=["08:00-12:00"])),
    # closed days
    ("Mo-Sa 9-18 Uhr, So geschlossen", week({"mo-sa": ["09:00-18:00"]})),
    ("Montag Ruhetag, Di-So 11-22 Uhr", week({"tu-su": ["11:00-22:00"]})),
    ("täglich 11-22 Uhr, Montag Ruhetag", week({"tu-su": ["11:00-22:00"]})),
    ("Dienstag - Sonntag\n11:00 Uhr - 14:00 Uhr\n17:00 Uhr - 23:00 Uhr\nWarme Küche bis 21:00 Uhr\nMontag\nRuhetag",
     week({"tu-su": ["11:00-14:00", "17:00-23:00"]})),
    ("Montag bis Freitag von 8 bis 18 Uhr\nSamstag von 9 bis 13 Uhr\nSonn- und Feiertage geschlossen",
     week({"mo-fr": ["08:00-18:00"]}, sa=["09:00-13:00"])),
    ("Mo-Fr 9-18, Sa 9-13, So. & Feiertage: geschlossen", week({"mo-fr": ["09:00-18:00"]}, sa=["09:00-13:00"])),
    ("Mittwoch: geschlossen\nMo, Di, Do, Fr: 9-18 Uhr", week({"mo,tu,th,fr": ["09:00-18:00"]})),
    ("Sonntag | Geschlossen\nMontag – Freitag | 06:00 – 10:00 Uhr", week({"mo-fr": ["06:00-10:00"]})),
    # tables and definition lists (one line per cell row)
    ("Montag | 08:00 | 18:00\nDienstag | 08:00 | 18:00", week({"mo-tu": ["08:00-18:00"]})),
    ("Montag – Freitag\n05:15 – 18:30 Uhr\nSamstag\n05:30 – 17:00 Uhr\nSonntag\n07:00 – 17:00 Uhr",
     week({"mo-fr": ["05:15-18:30"]}, sa=["05:30-17:00"], su=["07:00-17:00"])),
    ("Montag & Freitag\n06:30 – 12:30 & 14:30 – 17:00 Uhr\nDienstag – Donnerstag\n06:30 – 12:30 Uhr",
     week({"mo,fr": ["06:30-12:30", "14:30-17:00"], "tu-th": ["06:30-12:30"]})),
    ("Mo | 9-13\nDi | 9-13 | 15-18\nMi | geschlossen\nDo | 9-13 | 15-18\nFr | 9-13",
     week({"mo,fr": ["09:00-13:00"], "tu,th": ["09:00-13:00", "15:00-18:00"]})),
    ("Wochentag | Öffnungszeiten\nMo-Do | 7:30-16:00\nFr | 7:30-13:00",
     week({"mo-th": ["07:30-16:00"]}, fr=["07:30-13:00"])),
    # one-line schedules with separators
    ("Mo–Fr 5:15–18:30 · Sa 5:30–17:00 · So 7:00–17:00",
     week({"mo-fr": ["05:15-18:30"]}, sa=["05:30-17:00"], su=["07:00-17:00"])),
    ("Mo & Fr 06:30–12:30 & 14:30–17:00 · Di–Do 06:30–12:30 · Sa 06:00–12:00",
     week({"mo,fr": ["06:30-12:30", "14:30-17:00"], "tu-th": ["06:30-12:30"]}, sa=["06:00-12:00"])),
    ("Mo-Mi 8-12 und 13-17 Uhr | Do 8-14.30 Uhr | Fr 8-12 und 13-16 Uhr",
     week({"mo-we": ["08:00-12:00", "13:00-17:00"]}, th=["08:00-14:30"], fr=["08:00-12:00", "13:00-16:00"])),
    ("Mo-Fr 7-17 Uhr; Sa 8-12 Uhr", week({"mo-fr": ["07:00-17:00"]}, sa=["08:00-12:00"])),
    ("Di.-Fr. 9-18 Uhr, Sa. 9-14 Uhr", week({"tu-fr": ["09:00-18:00"]}, sa=["09:00-14:00"])),
    ("Mo–Do 9.00 bis 18.00 Uhr\nFr 9.00 bis 15.00 Uhr", week({"mo-th": ["09:00-18:00"]}, fr=["09:00-15:00"])),
    ("Mo. - Do. 7.30 - 16.30 Uhr, Fr. 7.30 - 13.00 Uhr", week({"mo-th": ["07:30-16:30"]}, fr=["07:30-13:00"])),
    ("Mo–Sa: 10–20 Uhr", week({"mo-sa": ["10:00-20:00"]})),
    ("Samstag 9-13 Uhr", week(sa=["09:00-13:00"])),
    ("Sa 9–13 Uhr", week(sa=["09:00-13:00"])),
    ("Sonnabend 8-12", week(sa=["08:00-12:00"])),
    ("Fr 14-22, Sa 12-23, So 12-20", week(fr=["14:00-22:00"], sa=["12:00-23:00"], su=["12:00-20:00"])),
    ("Öffnungszeiten: Mo–Fr 10–19 Uhr, Sa 10–16 Uhr", week({"mo-fr": ["10:00-19:00"]}, sa=["10:00-16:00"])),
    ("Werkstatt: Mo-Fr 7:30-17:00", week({"mo-fr": ["07:30-17:00"]})),
    # past midnight, full hours
    ("Do-Sa 18:00 - 02:00 Uhr", week({"th-sa": ["18:00-02:00"]})),
    ("Fr und Sa 20-3 Uhr", week({"fr,sa": ["20:00-03:00"]})),
    # from noon into the night, the closing time on the 24-hour clock
    ("Mo-Do 14:00 - 23:00 Uhr\nFr 14:00 - 01:00 Uhr\nSamstag 12:00 – 01:00 Uhr\nSonntag 12:00 - 22:00 Uhr",
     week({"mo-th": ["14:00-23:00"]}, fr=["14:00-01:00"], sa=["12:00-01:00"], su=["12:00-22:00"])),
    ("Montag – Donnerstag 16.00 – 23.00 Uhr\nFreitag 16.00 – 1.00 Uhr\nSamstag 12.00 – 1.00 Uhr",
     week({"mo-th": ["16:00-23:00"]}, fr=["16:00-01:00"], sa=["12:00-01:00"])),
    ("Mo-So 6-24 Uhr", week({"mo-su": ["06:00-24:00"]})),
    ("Mo-Fr 9 - 12.30 Uhr", week({"mo-fr": ["09:00-12:30"]})),
    # labels with colons after dotted abbreviations, later closing on one day, "von ... bis ..."
    ("Öffnungszeiten: Mo.–Fr.: 9:00–18:00 Uhr | Sa.: 9:00–14:00 Uhr",
     week({"mo-fr": ["09:00-18:00"]}, sa=["09:00-14:00"])),
    ("Di. bis Fr. 9 - 18 Uhr", week({"tu-fr": ["09:00-18:00"]})),
    ("9h-18h Mo-Sa", week({"mo-sa": ["09:00-18:00"]})),
    ("Montag bis Samstag von 9.00 Uhr bis 18.00 Uhr", week({"mo-sa": ["09:00-18:00"]})),
    ("Mo - Fr 10:00 - 13:00 und 15:00 - 18:30 Uhr / Sa 10:00 - 14:00 Uhr",
     week({"mo-fr": ["10:00-13:00", "15:00-18:30"]}, sa=["10:00-14:00"])),
    ("Montags Ruhetag\nDienstags bis sonntags 12-22 Uhr", week({"tu-su": ["12:00-22:00"]})),
    ("Mo, Mi, Fr: 9–12 Uhr, Di, Do: 14–18 Uhr", week({"mo,we,fr": ["09:00-12:00"], "tu,th": ["14:00-18:00"]})),
    ("Mo.-Do.: 8.00 - 17.00 Uhr\nFr.: 8.00 - 14.00 Uhr", week({"mo-th": ["08:00-17:00"]}, fr=["08:00-14:00"])),
    ("Mo-Fr 7:00-12:00 Uhr und 13:00-16:30 Uhr\nSa, So und an Feiertagen geschlossen",
     week({"mo-fr": ["07:00-12:00", "13:00-16:30"]})),
    ("Dienstag–Samstag 10–18 Uhr (Donnerstag bis 20 Uhr)",
     week({"tu,we,fr,sa": ["10:00-18:00"]}, th=["10:00-20:00"])),
    ("Mo-Fr 9-18 Uhr, Do bis 20 Uhr", week({"mo-we,fr": ["09:00-18:00"]}, th=["09:00-20:00"])),
    # days taken out: from the set before its times, or closed after them (half a day too)
    ("Mo-Fr außer Mi 8-18 Uhr", week({"mo,tu,th,fr": ["08:00-18:00"]})),
    ("täglich außer montags 11-22 Uhr", week({"tu-su": ["11:00-22:00"]})),
    ("Mo-Sa 9-18 Uhr, außer Mi", week({"mo,tu,th-sa": ["09:00-18:00"]})),
    ("Mo-Fr 8-12 und 14-18 Uhr, außer Mittwochnachmittag\nSa 9-12 Uhr",
     week({"mo,tu,th,fr": ["08:00-12:00", "14:00-18:00"]}, we=["08:00-12:00"], sa=["09:00-12:00"])),
    # "rund um die Uhr" on a day set's own line is its hours; under a finished week it is a remark (next test)
    ("Mo-Fr rund um die Uhr", week({"mo-fr": ["00:00-24:00"]})),
    # appointments mixed in
    ("Mo – Do 9.00 bis 18.00 Uhr\nFr 9.00 bis 15.00 Uhr\nSa nach Vereinbarung",
     week({"mo-th": ["09:00-18:00"]}, fr=["09:00-15:00"])),
    ("Mo,Di,Mi,Fr 8-18 Uhr | Samstag Nur auf Termin", week({"mo-we,fr": ["08:00-18:00"]})),
    ("Di-Fr 9-18 Uhr, Sa 8-13 Uhr und nach Vereinbarung", week({"tu-fr": ["09:00-18:00"]}, sa=["08:00-13:00"])),
    # "zwischen … und …" is one range; the "und" of two ranges stays two
    ("Unser Büro ist von Montag bis Freitag zwischen 8 und 12 Uhr besetzt.", week({"mo-fr": ["08:00-12:00"]})),
    ("Mo–Fr zwischen 9:00 Uhr und 17:30 Uhr, Sa zwischen 9 und 13 Uhr",
     week({"mo-fr": ["09:00-17:30"]}, sa=["09:00-13:00"])),
    # a day of its own that only closes earlier opens as the days before it
    ("Mo–Do 9–17 Uhr, Fr bis 14 Uhr", week({"mo-th": ["09:00-17:00"]}, fr=["09:00-14:00"])),
    ("Unser Büro ist Mo–Do von 9 bis 17 Uhr und freitags bis 14 Uhr besetzt.",
     week({"mo-th": ["09:00-17:00"]}, fr=["09:00-14:00"])),
    # a later closing after midnight for some days
    ("Täglich von 18:00 bis 02:00 Uhr, Freitag und Samstag bis 03:00 Uhr",
     week({"mo-th,su": ["18:00-02:00"]}, fr=["18:00-03:00"], sa=["18:00-03:00"])),
    # a day with more hours on a line of its own; a snack bar open past midnight; another period's aside
    ("Mo – Fr 7.00 – 8.30 Uhr\nDo zusätzlich 16.00 – 18.00 Uhr",
     week({"mo-fr": ["07:00-08:30"]}, th=["07:00-08:30", "16:00-18:00"])),
    ("Mo–Do: 10:30 bis 21:00 Uhr\nFr & Sa: 10:30 bis 2:00 Uhr (Nachtschicht!)",
     week({"mo-th": ["10:30-21:00"]}, fr=["10:30-02:00"], sa=["10:30-02:00"])),
    ("Mo – Do 7:00 – 16:00 Uhr · Fr 7:00 – 12:00 Uhr (in den Schulferien freitags geschlossen)",
     week({"mo-th": ["07:00-16:00"]}, fr=["07:00-12:00"])),
    # round the clock said of something else after the day's own words
    ("Samstag 10 – 16 Uhr\nSchaurösten: samstags 11 Uhr. Der Onlineshop ist natürlich rund um die Uhr für dich da.",
     week(sa=["10:00-16:00"])),
    # a special day's times on the week's line are not more hours for the day before them
    ("Mo. bis Fr. 10 bis 18.30 Uhr, Sa. 10 bis 16 Uhr, an verkaufsoffenen Sonntagen 13 bis 18 Uhr",
     week({"mo-fr": ["10:00-18:30"]}, sa=["10:00-16:00"])),
    ("Di–Sa 9–18 Uhr (Heiligabend und Silvester 9–13 Uhr)", week({"tu-sa": ["09:00-18:00"]})),
    # a break line restating the week's gap does not cut a day written without one
    ("Mo–Fr 9–13 Uhr & 14–18 Uhr · Sa 10–14 Uhr\nMittagspause 13–14 Uhr",
     week({"mo-fr": ["09:00-13:00", "14:00-18:00"]}, sa=["10:00-14:00"])),
    ("Mo–Fr 9–18 Uhr, Sa 10–14 Uhr\nMittagspause 13–14 Uhr", week({"mo-fr": ["09:00-13:00", "14:00-18:00"]},
                                                                  sa=["10:00-13:00"])),
]

# Texts that state no weekly schedule: nothing may be guessed from them.
NO_WEEK = [
    # a phone number's digit groups and a sentence starting with "So" are no hours
    "So erreichen Sie uns: T: +49 234 56 43 21-0",
    "Bestellungen zum Abholen: 0 23 23 - 3 81 09",
    "Sie erreichen uns werktags – wir melden uns innerhalb von 24 Stunden.",
    "Termin nach Vereinbarung",
    "Öffnungszeiten nach telefonischer Vereinbarung",
    "Wir sind eine Bestellpraxis: nur mit Termin.",
    "Mo–Sa ab 6:00/6:30",
    "Warme Küche bis 21 Uhr",
    "Bahnhofstr. 12-14, 44623 Herne",
    "Am 03.12.2017 findet unser 6. Weihnachtsmarkt statt",
    "Betriebsurlaub vom 24.12. bis 02.01.",
    "Tel. 02323 12345 · Fax 02323 12346",
    "Seit 1997 für Sie da – über 25 Jahre Erfahrung",
    "Preise: Haarschnitt 25,50 €, Färben ab 45,- €",
    "Bitte rufen Sie uns an, wir sind für Sie da.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_hours_text_gives_its_week(text: str, expected: dict[str, list[str]]) -> None:
    assert parse_hours_text(text).week == expected


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_every_week_gives_a_valid_osm_string_and_schema_spec(text: str, expected: dict[str, list[str]]) -> None:
    got = parse_hours_text(text).week
    assert_valid_osm(to_osm(got))
    spec = to_schema_org(got)
    covered = {(day.rsplit("/", 1)[-1][:2].lower(), f"{s['opens']}-{s['closes']}") for s in spec
               for day in s["dayOfWeek"]}
    want = {(d, iv) for d, ivs in expected.items() for iv in ivs}
    assert covered == want


@pytest.mark.parametrize("text", NO_WEEK)
def test_text_without_a_weekly_schedule_gives_no_hours(text: str) -> None:
    assert parse_hours_text(text).week == {}


def test_appointment_day_is_reported_not_invented() -> None:
    res = parse_hours_text("Mo-Fr 9-18 Uhr\nSa nach Vereinbarung")
    assert "sa" not in res.week
    assert res.appointment_days == ["sa"]


def test_open_ended_time_goes_to_the_notes() -> None:
    res = parse_hours_text("Mo–Sa ab 6:00 Uhr")
    assert res.week == {}
    assert res.notes and res.notes[0].startswith("ab 6")


def test_osm_groups_equal_days_and_keeps_split_shifts() -> None:
    got = parse_hours_text("Mo-Fr 8-12 und 14-18 Uhr, Sa 9-13 Uhr").week
    assert to_osm(got) == "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00"


def test_lowercase_two_letter_words_are_not_days() -> None:
    # "so" and "do" are ordinary German words; only capitalised abbreviations are days.
    assert parse_hours_text("so lange der Vorrat reicht 9-12").week == {}


def test_the_article_die_before_a_noun_is_not_tuesday() -> None:
    # "Die Praxis ist … geschlossen" must not close Tuesday, nor "Die Pflege ist rund um die Uhr …" open it all day
    for remark in ("Die Praxis ist am 24.12. geschlossen.", "Die Pflege ist rund um die Uhr im Einsatz."):
        assert parse_hours_text(f"Mo-Fr 8-18 Uhr\n{remark}").week == week({"mo-fr": ["08:00-18:00"]}), remark
    # the abbreviation before its times, or before another day, is still Tuesday
    assert parse_hours_text("Die, Don 9-18 Uhr").week == week({"tu,th": ["09:00-18:00"]})
    assert parse_hours_text("Sam Ruhetag").closed_days == ["sa"]


def test_a_closing_time_said_to_be_at_night_and_a_stables_rest() -> None:
    assert parse_hours_text("Freitag 6 – 24 Uhr\nSamstag 7 – 1 Uhr nachts").week == \
        week(fr=["06:00-24:00"], sa=["07:00-01:00"])
    # a stable's rest is when it is closed, not a schedule of its own
    assert parse_hours_text("Stallruhe täglich 13–15 Uhr.").week == {}
    assert parse_hours_text("Mo-Fr 9-18 Uhr\nStallruhe täglich 13–15 Uhr.").week == \
        week({"mo-fr": ["09:00-13:00", "15:00-18:00"]})


def test_around_the_clock_under_a_finished_week_is_a_remark() -> None:
    res = parse_hours_text("Mo-Fr 8-18 Uhr\nSa 9-13 Uhr\nNotdienst rund um die Uhr")
    assert res.week == week({"mo-fr": ["08:00-18:00"]}, sa=["09:00-13:00"])
    assert res.notes == ["Notdienst rund um die Uhr"]
