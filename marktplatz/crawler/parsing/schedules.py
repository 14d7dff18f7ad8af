"""Finding the schedules on a page: which lines belong together, what each schedule is called, what is a note.

A schedule is a run of lines with days and times (a table, a `<dl>`, a footer paragraph). A heading without days or
times ("Öffnungszeiten", "Werkstatt", "Offene Sprechstunde", a branch name) closes the run and names the next one;
a heading that is itself a day ("Dienstag - Sonntag") belongs to the run. Lines about appointments, holidays or
Betriebsurlaub near a schedule become notes instead of hours.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.dom import Doc, Line, clean
from marktplatz.crawler.parsing.hours import HoursResult, Token, _Parser, has_hours_tokens, tokenize
from marktplatz.crawler.parsing.seasons import dated_season, part_of_year, period_text, season_of
from marktplatz.crawler.parsing.special import TIMES

_MAIN_LABEL = re.compile("|".join(re.escape(w) for w in vocab.MAIN_HOURS_LABELS), re.IGNORECASE)
_SECONDARY_LABEL = re.compile(r"(?<![a-zäöü])(?:" + "|".join(re.escape(w) for w in vocab.SECONDARY_HOURS_LABELS)
                              + r")|(?:" + "|".join(re.escape(w) for w in vocab.SECONDARY_HOURS_LABELS
                                                    if w not in ("café", "cafe", "bistro", "restaurant", "laden"))
                              + r")$", re.IGNORECASE)
# (the second half: a compound's last word is what it names, "Sonntagsbrunch" is a brunch, "Kfz-Werkstatt" a
# workshop; not the business words a café's or restaurant's own name ends in)
_TIMETABLE_LABEL = re.compile("|".join(re.escape(w) for w in vocab.TIMETABLE_LABELS), re.IGNORECASE)
_MAIN_COMPOUND = re.compile(r"(?:öffnungs|oeffnungs|geschäfts|geschaefts|büro|buero|praxis|sprech|trainings)"
                            r"zeit(?:en)?", re.IGNORECASE)
_HOURS_HEADING = re.compile(r"öffnungszeit|oeffnungszeit|offnungszeit|geschäftszeit|sprechzeit|sprechstunde|"
                            r"bürozeit|zeiten\b|opening hours|erreichbarkeit", re.IGNORECASE)
_INLINE_LABEL = re.compile(r"^\s*([A-Za-zÄÖÜäöüß][\wÄÖÜäöüß .&/()-]{1,60}?)\s*:\s*$")
# (one noun, or an adjective and its noun: "Blutabnahmen", "Warme Küche")
_SUBJECT = re.compile(r"^\s*((?:[A-ZÄÖÜ][a-zäöüß]+\s+)?[A-ZÄÖÜ][a-zäöüß]{3,}(?:-[A-ZÄÖÜa-zäöüß]+)?)\s+$")
_NOT_SUBJECT = frozenset(("geöffnet", "geoeffnet", "öffnungszeiten", "sprechzeiten", "jeden", "jede", "immer", "auch",
                          "sowie", "außer", "ausser", "nur", "und", "oder", "täglich", "werktags", "wochentags",
                          "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
                          "vormittags", "nachmittags", "morgens", "abends", "mittags", "zusätzlich", "außerdem",
                          "ebenfalls", "dann", "sonst", "heute", "aktuell", "bitte", "termine", "geschlossen",
                          *vocab.LUNCH_BREAK_WORDS))  # "Mittagspause täglich 12-13" belongs to the week above
# A sentence that opens with the period it holds for: "In den Schulferien NRW ist das Büro nur dienstags …"; the
# label it gives ("In den Schulferien") is told apart from the week's by _PERIOD_LABEL.
_PERIOD_WORDS = (r"(?:in|während|zur|an)\s+(?:den|der|die)?\s*(?:[a-zäöüß]+(?:en|er)\s+)?[\wäöüß-]*(?:ferien|"
                 r"urlaubszeit|feiertage?n?|ferienzeit)\b")  # ("In den niedersächsischen/Bremer Schulferien")
_PERIOD = re.compile(r"^\s*(" + _PERIOD_WORDS + r"[^,:.]{0,30}?)\s+(?:ist|sind|haben|hat|bleibt|bleiben|öffnen|"
                     r"gelten)?\b", re.IGNORECASE)
_PERIOD_LABEL = re.compile(_PERIOD_WORDS, re.IGNORECASE)
_VACATION = re.compile(r"betriebsurlaub|betriebsferien|urlaub|sommerpause|winterpause", re.IGNORECASE)
# A dated closure anywhere on a page ("Am 24.12. geschlossen", "Heiligabend geschlossen") is an hours note.
_DATED = re.compile(r"\b\d{1,2}\.\s?(?:\d{1,2}\.|[A-Za-zä]{3,9}\b)|heiligabend|silvester|weihnacht|ostern|"
                    r"pfingst|feiertag", re.IGNORECASE)
_HOLIDAY = re.compile(vocab.SPECIAL_DAYS, re.IGNORECASE)
_SPECIAL_DAY = re.compile(r"sonderöffnung|" + vocab.SPECIAL_DAYS + r"|\b\d{1,2}\.\s?\d{1,2}\.|\b\d{1,2}\.\s?(?:"
                          r"jan|feb|mär|apr|mai|jun|jul|aug|sep|okt|nov|dez)[a-zä]*\b", re.IGNORECASE)
# "Neue Öffnungszeiten", "Geänderte Sprechzeiten ab 1. März": a news item about a change, stale once the standing
# schedule is updated, so it only counts when no other schedule is stated
_ANNOUNCED = re.compile(r"\b(?:neue|geänderte|geaenderte|veränderte|geänderten|neuen)\s+(?:öffnungs|oeffnungs|sprech|"
                        r"geschäfts|büro|praxis)?zeit|änderung(?:en)?\s+(?:der|unserer)\s|"
                        # (and whatever a news section says: "Aktuelles" over "Sonntags jetzt von 7:30 bis 11 Uhr")
                        r"^\s*(?:aktuelles|aktuell|neuigkeiten|news|neues|blog|pressemitteilung\w*)\s*:?\s*$",
                        re.IGNORECASE)
_JOB_AD = re.compile(r"\btage urlaub|urlaubstage|urlaubsgeld|m/w/d|w/m/d|wir suchen\b|stellenangebot|tariflohn|"
                     r"bewerbung", re.IGNORECASE)
# The part of the year outside a season named before ("Übriges Jahr", "Nebensaison")
_REST_OF_YEAR = re.compile(r"übrige[ns]? jahr|restliche[ns]? jahr|rest des jahres|außerhalb der saison|nebensaison",
                           re.IGNORECASE)
_OPEN_WORDS = ("geöffnet", "geoeffnet", "öffnen", "sonderöffnung", "verkaufsoffen", "für sie da")
_PRICE = re.compile(r"\d(?:[.,]\d{2}|,-)?\s?(?:€|eur\b|euro\b)|€\s?\d", re.IGNORECASE)
_CLOSED_WORD = re.compile(r"geschlossen|ruhetag|closed|betriebsruhe|bleibt zu", re.IGNORECASE)
MAX_LINE = 500


@dataclass
class Segment:
    """A run of schedule lines with its label and the location block it sits in."""

    label: str | None
    lines: list[Line] = field(default_factory=list)
    tokens: list[Sequence[Token]] = field(default_factory=list)
    location: int | None = None
    result: HoursResult | None = None

    @property
    def first(self) -> int:
        return self.lines[0].index

    @property
    def last(self) -> int:
        return self.lines[-1].index


SIDE_KINDS = ("secondary", "timetable", "phone")
# When the telephone is answered ("Telefonsprechstunde", "Telefonzeiten", "telefonisch meist Mo–Fr 9–11 Uhr
# erreichbar"): never the opening hours, as a timetable is not; a footer's "Telefon: 0234 … · Mo–Fr 9–18 Uhr" is not
# meant.
_PHONE_TIMES = re.compile(r"telefonsprechstunde|telefonsprechzeit|telefonzeit|telefonische\w* (?:sprechzeit|"
                          r"erreichbarkeit|beratung)|telefonisch\b[^.;|]{0,40}?\berreich|anrufzeit|rückrufzeit|"
                          # (a hotline's hours: "Hanseatica Kundenservice" over "Mo–Sa 8–20 Uhr: 0800 …")
                          r"kundenservice|hotline",
                          re.IGNORECASE)
TIMETABLE = "Kursplan"  # the label of a schedule whose rows name classes


def _class_rows(seg: Segment) -> bool:
    """Whether the rows of a schedule table each have a cell naming a class or a course ("Welpengruppe | Samstag
    10–11 Uhr", "Montag | 18:00 | Hatha Yoga"): a timetable, not opening hours. A cell naming a department
    ("Verkauf", "Werkstatt") or a day does not count."""
    n = len(seg.lines)
    if n < 2:
        return False
    named = sum(1 for line in seg.lines if line.in_table and any(names_a_class(c) for c in line.text.split(" | ")))
    return named == n or (named >= 3 and 3 * named >= 2 * n)


def names_a_class(cell: str) -> bool:
    cell = cell.strip()
    return bool(cell) and not any(ch.isdigit() for ch in cell) and not _maybe_hours(cell) and \
        label_kind(cell) == "neutral" and re.search(r"[A-ZÄÖÜ][a-zäöüß]{2,}", cell) is not None


def names_closure(label: str | None) -> bool:
    """Whether a label tells of a closure ("Büro in den Sommerferien geschlossen (14.07. bis 01.08.)"): the dates it
    names are no season of the schedule under it."""
    return label is not None and bool(_CLOSED_WORD.search(label) or _VACATION.search(label))


@lru_cache(maxsize=4096)
def label_kind(label: str | None) -> str:
    """'main' for opening-hours words, 'secondary' for Werkstatt/Sprechstunde/Küche..., 'timetable' for a Kursplan,
    'phone' for when the telephone is answered, 'announcement' for news of changed hours, else 'neutral'."""
    if not label:
        return "neutral"
    if label.startswith(TIMETABLE) or (_TIMETABLE_LABEL.search(label) and not _MAIN_COMPOUND.search(label)):
        return "timetable"
    if _PHONE_TIMES.search(label):
        return "phone"
    if _SPECIAL_DAY.search(label) and not _MAIN_COMPOUND.search(label):
        return "secondary"  # "Verkaufsoffener Sonntag": one day's hours, however "Verkauf" reads
    # "Öffnungszeiten Werkstatt" is the workshop's; "Sprechzeiten" is a practice's main schedule, and "Bürozeiten"
    # the office's, whatever words their compounds hold ("büro").
    if _SECONDARY_LABEL.search(_MAIN_COMPOUND.sub(" ", label)):
        return "secondary"
    if _ANNOUNCED.search(label):
        return "announcement"
    if _MAIN_LABEL.search(label):
        return "main"
    return "neutral"


_NOTE_WORDS = tuple(w.lower() for w in vocab.HOURS_NOTE_WORDS)


def is_note_text(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _NOTE_WORDS)


def _about_a_holiday(text: str, tokens: Sequence[Token]) -> bool:
    """Whether a line speaks of a holiday before any weekday: the weekday it names is that day's ("an Muttertag
    (wenn Sonntag)"), not the week's."""
    holiday = _HOLIDAY.search(text)
    first_day = next((t for t in tokens if t.kind in ("day", "group")), None)
    if holiday is None or first_day is None:
        return False
    at = text.lower().find(first_day.text.lower())
    return 0 <= holiday.start() < at


def _only_dated_days(tokens: Sequence[Token]) -> bool:
    """Whether every weekday on a line is a date's ("Sonntag, 10. Mai", "Samstag, den 14.12."), not a week's."""
    for i, tok in enumerate(tokens):
        if tok.kind == "group":
            return False
        if tok.kind == "day":
            j = i + 1
            while j < len(tokens) and (tokens[j].kind == "sep" or tokens[j].value in ("den", "dem")):
                j += 1
            if j >= len(tokens) or tokens[j].kind != "date":
                return False
    return True


def _inline_label(line: Line, tokens: Sequence[Token]) -> tuple[str | None, bool]:
    """"Werkstatt: Mo-Fr 8-17" → ("Werkstatt", True): the text before the first day, when short and ending with a
    colon; or a sentence's subject without one, "Blutabnahmen täglich von 7:30 bis 9:00 Uhr" → ("Blutabnahmen",
    False)."""
    label, colon = _label_before_days(line, tokens)
    if not colon and label_kind(label) != "phone" and (phone := _PHONE_TIMES.search(line.text)):
        # "Am besten erreichen Sie mich in meiner Telefonsprechstunde dienstags …", "Tel. … (telefonisch meist
        # Mo–Fr 9–11 Uhr erreichbar)": when the telephone is answered, wherever the sentence says so
        word = phone.group(0)
        return ("Telefonisch erreichbar" if word.lower().startswith("telefonisch ") else word[:1].upper() + word[1:]), \
            False
    return label, colon


def _label_before_days(line: Line, tokens: Sequence[Token]) -> tuple[str | None, bool]:
    text = line.text
    for tok in tokens:
        if tok.kind in ("day", "group"):
            pos = text.find(tok.text)
            if pos > 0:
                m = _INLINE_LABEL.match(text[:pos])
                if m and not any(ch.isdigit() for ch in m.group(1)):
                    return m.group(1).strip(), True
                # (set off with stars or bullets: "*** Mittagsbuffet *** Dienstag bis Freitag …")
                m = _SUBJECT.match(text[:pos].strip("*•·|~# ") + " ")
                if m and not any(w in _NOT_SUBJECT for w in m.group(1).lower().split()):
                    return m.group(1), False
                m = _PERIOD.match(text[:pos])
                if m:
                    return m.group(1), False  # "In den Schulferien ist das Büro nur dienstags …": another period's
                # "Frühstück wird täglich von 6:30 bis 10:00 Uhr serviert", "Durchgehend warme Küche. Lieferung über
                # Lieferando täglich 17–24 Uhr": a sentence about a side service
                words = re.split(r"[.!?]\s+", text[:pos])[-1].split()
                subject = words[0].strip(",.;") if words else ""
                if subject[:1].isupper() and label_kind(subject) in SIDE_KINDS:
                    return subject, False
            break
    return None, False


def _days_again(seg: Segment, tokens: Sequence[Token]) -> bool:
    """Whether a line gives hours again for days the schedule so far has given: under the week, "Hermes PaketShop:
    Mo–Sa 9–20 Uhr" is another service's week, not the shop's."""
    def days(lines: Sequence[Sequence[Token]]) -> set[str]:
        parser = _Parser()
        for toks in lines:
            parser.feed(toks)
        return set(parser.result().week)
    return bool(days([tokens]) & days(seg.tokens))


_COLUMN_HEADS = re.compile(r"^(?:wochen)?tage?$", re.IGNORECASE)


def find_segments(doc: Doc, location_of: dict[int, int] | None = None) -> list[Segment]:
    """Cut the page's lines into schedule segments and parse each."""
    location_of = location_of or {}
    segments: list[Segment] = []
    cur: Segment | None = None
    label: str | None = None
    base_label: str | None = None  # the heading's or inline label's, before a season was added to it
    label_line = -1
    gap = 0

    def close() -> None:
        nonlocal cur
        if cur is not None and cur.lines:
            segments.append(cur)
        cur = None

    lowers = doc.lowers()
    for line in doc.lines:
        text = line.text
        if len(text) > MAX_LINE:
            close()
            continue
        # (a price list's row with a time window, "Türöffnung Mo–Fr 8–18 Uhr | 89 €", is a tariff, not hours)
        tokens = tokenize(text) if _maybe_hours(text, lowers[line.index]) and not _PRICE.search(text) else []
        hoursy = has_hours_tokens(tokens)
        loc = location_of.get(line.index)
        if cur is not None and loc != cur.location:
            close()
        if line.level and not hoursy:
            if line.tag == "th" and label is not None and line.index - label_line <= 3 and (
                    _COLUMN_HEADS.match(text) or (line.index > 0 and doc.lines[line.index - 1].tag == "th" and
                                                  _COLUMN_HEADS.match(doc.lines[line.index - 1].text))):
                continue  # a table's column heads ("Tag", "Büro") under the heading that names the schedule
            if line.level <= 6 or _HOURS_HEADING.search(text) or _SECONDARY_LABEL.search(text):
                close()
                label = base_label = text
                label_line = line.index
            continue
        if not hoursy and _INLINE_LABEL.match(text) and len(text) <= 40:
            close()
            label = base_label = text.rstrip(": ")
            label_line = line.index
            continue
        if not hoursy and len(text) <= 40 and (side := text.strip("*•·|~#-– ")) and \
                len(side.split()) <= 3 and (cur is not None or side.replace(" ", "").isalpha()) and \
                label_kind(side) in SIDE_KINDS:
            # a side service's name on a line of its own inside the week ("*** Mittagsbuffet ***" over "Dienstag
            # bis Freitag 11.30 – 14.30 Uhr") or over its times ("Hanseatica Kundenservice" over "Mo–Sa 8–20 Uhr:
            # 0800 …" in a footer): its times follow, apart from the opening hours
            close()
            label = base_label = side
            label_line = line.index
            continue
        if not hoursy and cur is None and label is not None and line.index - label_line <= 2 and len(text) <= 60 \
                and dated_season(text):
            label = f"{label} ({text})"  # "Sommersaison" over "15. März – 31. Oktober": the season it holds for
            continue
        if not hoursy and len(text) <= 60 and label_line >= 0 and \
                line.index - label_line <= 20 and (season_of(text) or _REST_OF_YEAR.search(text)) and \
                not names_closure(text):
            # "Sommersaison (Ostern bis 31. Oktober)" and "Wintersaison (1. November bis Ostern)" each over their
            # week, or "Übriges Jahr" after a season's: a schedule each, named with the heading over them
            close()
            label = f"{base_label} ({text})" if base_label else text
            continue
        useful = hoursy or any(t.kind in ("closed", "appt", "always") for t in tokens)
        if hoursy and cur is not None and not season_of(cur.label) and part_of_year(text):
            # "(Ab 01.12. bis 23.12. samstags bis 18 Uhr)" under the week: an exception for some weeks of the year,
            # told as a note (hours_notes), not hours that change the week
            continue
        period = period_text(text) if hoursy else None
        if period and (cur is None or season_of(cur.label)):
            # a line for a period of its own ("Vom 1. April bis 31. Oktober: täglich 10–18 Uhr"), one season's of
            # two: a schedule labelled with its period, so that the merge takes the one in season
            close()
            near = label if label_line >= 0 and line.index - label_line <= 12 else None
            cur = Segment(label=f"{near} ({period})" if near else period, location=loc)
        if useful and _SPECIAL_DAY.search(text) and (_only_dated_days(tokens) or (
                period is None and _about_a_holiday(text, tokens))):
            # "Sonderöffnungszeiten: Heiligabend 8–13 Uhr" under the week, "Am Muttertag (Sonntag, 10. Mai) von 10
            # bis 12 Uhr", "*an Muttertag und Valentinstag (wenn Sonntag) geöffnet von 10–12 Uhr": dated
            # exceptions (read as special hours), not more hours for a weekday
            continue
        if useful and (hoursy or cur is not None):
            inline, colon = _inline_label(line, tokens)
            kind = label_kind(inline)
            if cur is not None and inline and ((kind != label_kind(cur.label) and (
                    kind in SIDE_KINDS or label_kind(cur.label) in SIDE_KINDS or (not colon and kind != "main")))
                    or (not colon and inline != cur.label and _PERIOD_LABEL.match(inline))
                    or (colon and not _HOURS_HEADING.search(inline) and _days_again(cur, tokens))):
                # "Mittagstisch: Di-Fr 12-14 Uhr" right under the opening hours is the lunch menu's own schedule,
                # and "Blutabnahmen täglich 7:30-9:00" under a practice's hours the blood tests'
                close()
            if cur is None:
                near = label if label_line >= 0 and line.index - label_line <= 12 else None
                cur = Segment(label=inline or near, location=loc)
            cur.lines.append(line)
            cur.tokens.append(tokens)
            gap = 0
        elif cur is not None:
            gap += 1
            if gap >= 3 or len(text) > 160:
                close()
    close()
    segments = [part for seg in segments for part in _column_schedules(seg)]
    for seg in segments:
        parser = _Parser()
        for toks in _paired_columns(seg.tokens):
            parser.feed(toks)
        seg.result = parser.result()
        if _class_rows(seg):
            seg.label = f"{TIMETABLE} ({seg.label})" if seg.label else TIMETABLE
    return [s for s in segments if s.result is not None and (s.result.found or s.result.appointment_days or
                                                              s.result.notes)]


_CELL_SEP = Token("sep", ",", ",")
_VALUE_KINDS = frozenset(("time", "dash", "closed", "sep", "brk", "appt"))


def _column_schedules(seg: Segment) -> list[Segment]:
    """A table holding two schedules side by side, one per column ("Sommer | Winter", "Verkauf | Werkstatt"): one
    segment per column, labelled by its header cell. Columns headed by anything else (Vormittag/Nachmittag, von/bis)
    are one schedule's shifts and stay together."""
    if not seg.lines[0].in_table:
        return [seg]
    split: list[tuple[list[Token], list[list[Token]]]] = []  # per line: (its day cell, its value cells)
    width = 0
    for toks in seg.tokens:
        cells = _cells(toks)
        days: list[Token] = []
        if any(t.kind in ("day", "group") for t in cells[0]) and not any(t.kind == "time" for t in cells[0]):
            days, cells = cells[0], cells[1:]
        if not cells or not any(t.kind in ("time", "closed") for c in cells for t in c):
            split.append((days, []))
            continue
        if (width and len(cells) != width) or not all(t.kind in _VALUE_KINDS for c in cells for t in c):
            return [seg]
        width = len(cells)
        split.append((days, cells))
    if width < 2:
        return [seg]
    table = next(seg.lines[0].block.iterancestors("table"), None)
    first_row = table.find(".//tr") if table is not None else None
    if first_row is None:
        return [seg]
    heads = [clean(" ".join(c.itertext())) for c in first_row if c.tag in ("th", "td")]
    heads = heads[-width:] if len(heads) in (width, width + 1) else []
    if not heads or not all(h and (label_kind(h) != "neutral" or season_of(h)) for h in heads):
        return [seg]
    return [Segment(label=head, lines=seg.lines, location=seg.location,
                    tokens=[(*days, *cells[j]) if cells else days for days, cells in split])
            for j, head in enumerate(heads)]


def _paired_columns(tokens: list[Sequence[Token]]) -> list[Sequence[Token]]:
    """A schedule laid out in two columns read one after the other (a site builder's grid: seven day names, then
    seven times) back into rows: the k-th day with the k-th time."""
    def only(toks: Sequence[Token], kinds: tuple[str, ...]) -> bool:
        return bool(toks) and all(t.kind in kinds for t in toks)

    out = list(tokens)
    i = 0
    while i < len(out):
        k = 0
        while i + k < len(out) and only(out[i + k], ("day", "group", "dash")):
            k += 1
        times = out[i + k:i + 2 * k]
        if k >= 3 and len(times) == k and all(only(t, ("time", "dash", "closed", "sep", "brk")) for t in times):
            out[i:i + 2 * k] = [(*d, *t) for d, t in zip(out[i:i + k], times, strict=True)]
            i += k
            continue
        # a table with the days as its columns ("Mo | Di | …" over a "Vormittag" and a "Nachmittag" row): the
        # k-th day takes the k-th cell of every row. Its header is k lines (th cells) or one line of k cells.
        days: list[Sequence[Token]] = list(out[i:i + k])
        if not k:
            days = [c for c in _cells(out[i]) if only(c, ("day", "group", "dash"))]
            if len(days) != len(_cells(out[i])):
                days = []
        rows = _day_columns(len(days), out[i + max(k, 1):]) if len(days) >= 3 else []
        if rows:
            out[i:i + max(k, 1) + len(rows)] = [(*day, *(tok for row in rows for tok in row[j]))
                                                for j, day in enumerate(days)]
            i += len(days)
            continue
        i += max(k, 1)
    return out


def _cells(toks: Sequence[Token]) -> list[list[Token]]:
    """A table row's tokens cut at its cell borders (" | ")."""
    cells: list[list[Token]] = [[]]
    for tok in toks:
        if tok.kind == "sep" and tok.value == "|":
            cells.append([])
        else:
            cells[-1].append(tok)
    return cells


def _day_columns(k: int, rest: list[Sequence[Token]]) -> list[list[tuple[Token, ...]]]:
    """The lines right after k day names that each split into k cells of times or closed marks (the rows of a
    table whose columns are the days), each cell led by a separator so that two rows read as a split shift."""
    rows: list[list[tuple[Token, ...]]] = []
    for toks in rest:
        cells = _cells(toks)
        if len(cells) == k + 1 and not any(t.kind == "time" for t in cells[0]):
            cells = cells[1:]  # the row's own label ("Vormittag")
        if len(cells) != k or not all(t.kind in ("time", "dash", "closed", "sep") for c in cells for t in c):
            break
        rows.append([(_CELL_SEP, *c) for c in cells])
    return rows


# A cheap test before tokenising: a time range, a day word, or a closed/appointment word. Substring tests on the
# lower-cased line are much faster than one big case-insensitive alternation on long prose lines.
_MAYBE_RANGE = re.compile(r"\d[\d:. ]{0,6}(?:uhr\s?)?(?:[-–—]|bis)\s?\d", re.IGNORECASE)
_MAYBE_ABBR = re.compile(r"\b(?:Mo|Di|Mi|Do|Fr|Sa|So|MO|DI|MI|DO|FR|SA|SO)\b")
_MAYBE_WORDS = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "sonnabend",
                "täglich", "werktag", "wochentag", "wochenende", "geschlossen", "ruhetag", "vereinbarung", "termin",
                "rund um die uhr", "24/7", "sonn-", "feiertag")


def _maybe_hours(text: str, low: str | None = None) -> bool:
    if _MAYBE_RANGE.search(text):
        return True
    low = text.lower() if low is None else low
    return any(w in low for w in _MAYBE_WORDS) or bool(_MAYBE_ABBR.search(text))


def hours_notes(doc: Doc, segments: Sequence[Segment]) -> list[tuple[str, int]]:
    """Lines that say something about hours without being a schedule: appointments, holidays, Betriebsurlaub.

    Taken from inside schedules, from under an hours heading, and from notices anywhere that name a vacation or
    closure ("Betriebsurlaub bis 4. September").
    """
    out: list[tuple[str, int]] = []
    seen: set[str] = set()

    def add(text: str, idx: int) -> None:
        key = text.lower()
        # (a job ad's "30 Tage Urlaub" is no closure)
        if key not in seen and 3 <= len(text) <= 300 and not _JOB_AD.search(text):
            seen.add(key)
            out.append((text, idx))

    in_segments = {line.index for seg in segments for line in seg.lines}
    # (a branch's "ab 6:00" belongs to the branch, not to the business's note)
    open_ended = {line.index for seg in segments if seg.result is not None and not seg.result.found
                  and seg.location is None for line in seg.lines if any(t.kind == "open" for t in tokenize(line.text))}
    lowers = doc.lowers()
    hours_heading: dict[int, bool] = {}
    for line in doc.lines:
        text = line.text
        if line.region == "nav" or len(text) > 300:
            continue
        low = lowers[line.index]
        # "Öffnungszeiten: nach Vereinbarung" says it on one line, with no heading above
        labelled = line.level == 0 and bool(_HOURS_HEADING.match(text))
        if line.index not in in_segments and line.heading < 0 and not labelled and "urlaub" not in low \
                and "ferien" not in low and "pause" not in low and "geschlossen" not in low:
            continue
        if line.heading not in hours_heading:
            hours_heading[line.heading] = line.heading >= 0 and bool(_HOURS_HEADING.search(doc.heading_text(line)))
        under_hours = labelled or (hours_heading[line.heading] and line.index - line.heading <= 12)
        if line.index in open_ended:
            add(text, line.index)  # "Di-So ab 17 Uhr": no closing time to put in the week, so the line is the note
        elif line.index in in_segments:
            # A line that gave days and times is the schedule itself; its appointment part is in the segment note.
            if is_note_text(text) and not has_hours_tokens(tokenize(text)):
                add(text, line.index)
        elif under_hours:
            # (and the week's exceptions for part of the year, "Im Dezember auch sonntags 13–18 Uhr", which
            # find_segments leaves out of the week)
            if len(text) <= 160 and (is_note_text(text) or (line.level == 0 and (
                    re.search(r"termin|vereinbarung|geschlossen|urlaub", text, re.I) or
                    (has_hours_tokens(tokenize(text)) and part_of_year(text))))):
                add(text, line.index)
        elif _VACATION.search(text) or (_DATED.search(text) and _CLOSED_WORD.search(text)) or \
                ("uhr" in low and any(w in low for w in _OPEN_WORDS) and TIMES.search(text) and
                 _SPECIAL_DAY.search(text)):
            # (and a notice of a day's own hours: "Am 24.12. und 31.12. haben wir von 8 bis 12 Uhr geöffnet")
            add(text, line.index)
    # A notice heading ("Betriebsurlaub") is only useful with the sentence under it.
    result: list[tuple[str, int]] = []
    for text, idx in out:
        line = doc.lines[idx]
        if line.level and idx + 1 < len(doc.lines) and len(text) < 40:
            nxt = doc.lines[idx + 1].text
            if len(nxt) <= 300:
                text = f"{text}: {nxt}"
                seen.add(nxt.lower())
        result.append((text, idx))
    return [(t, i) for t, i in result if not (t.lower() in seen and doc.lines[i].level == 0 and
                                               any(r[0].endswith(t) and r[0] != t for r in result))]
