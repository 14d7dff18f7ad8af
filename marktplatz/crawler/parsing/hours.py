"""German opening-hours text → weekly tables.

`parse_hours(lines)` reads the lines of one schedule (a table, a definition list, a paragraph or a footer line) and
returns the week it states, plus the phrases that are not a weekly schedule (appointments, "ab 6 Uhr", holidays) as
notes. It understands `Mo–Fr`, `Mo.-Fr.`, `Montag bis Freitag`, `Mo, Di, Do`, `Mo & Fr`, `täglich`, `werktags`,
split shifts joined by `und`, `/`, `,`, `&`, `+`, times as `8`, `8.30`, `8:30 Uhr`, `9-13 Uhr`, `durchgehend`,
`Ruhetag`/`geschlossen`, `nach Vereinbarung`, a lunch break (`Mittagspause 12-13`), half-day closures
(`Mittwochnachmittag geschlossen`) and days written on one line with their times on the next (tables, `<dl>`).

Nothing is guessed: a day without a stated time range is left out, open-ended times (`ab 6:00`) go to the notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from marktplatz.crawler.pages.record import DAYS, Week
from marktplatz.crawler.parsing import vocab

_DAY_ALTS = sorted(vocab.DAY_WORDS, key=len, reverse=True)
_GROUP_ALTS = sorted(vocab.DAY_GROUP_WORDS, key=len, reverse=True)
_MONTH_ALTS = sorted(vocab.MONTHS, key=len, reverse=True)

_TOKEN_RE = re.compile(
    r"(?P<date>(?<![\d.:])(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.(?:\s?(?:19|20)?\d{2}(?!\d))?(?![\d:])"
    r"|(?<![\d.:])(?:0?[1-9]|[12]\d|3[01])\.\s?(?:" + "|".join(_MONTH_ALTS) + r")\b\.?(?:\s?(?:19|20)\d{2})?)"
    r"|(?P<always>rund um die uhr|24/7"
    r"|24\s?(?:stunden|std\.?)(?=\s(?:am tag|täglich|geöffnet|offen|erreichbar|für sie)))"
    # (not a school grade: "Klasse 5–10")
    r"|(?P<time>(?<![\d.,:])(?<!klasse )(?<!klassen )(?<!stufe )(?<!jahrgang )"
    r"(?:[01]?\d|2[0-4])(?:\s?[:.]\s?[0-5]\d)?(?!\s?[.,]\d)(?![\d%€$]|\s?(?:€|eur\b|euro|%|"
    r"jahr|kg|km|min\b|minuten|personen|plätze|std\b|stunden|stück|tage|wochen|monat|m²|qm|cm|mm|ml|g\b|x\b|"
    r"\.\d)))(?:\s?(?:uhr|h\b|hrs?\b|o'clock))?"
    r"|(?P<group>" + "|".join(re.escape(g) for g in _GROUP_ALTS) + r")\b"
    r"|(?P<dayx>(?P<day>(?:" + "|".join(_DAY_ALTS) + r"))(?P<half>vormittags?|nachmittags?|abends?|morgens?)?\b"
    r"(?P<dot>\.)?)"
    r"|(?P<holiday>feiertage?n?s?\b|feiertags\b)"
    r"|(?P<closed>geschlossen|ruhetag|closed\b|betriebsruhe|keine sprechstunde)"
    r"|(?P<appt>(?:termine?\s)?nach\s(?:telefonischer\s)?(?:vereinbarung|absprache|terminabsprache|terminvereinbarung)"
    r"|nur\s(?:mit|auf|nach)\s(?:termin(?:vereinbarung|absprache)?|voranmeldung|anmeldung)|auf termin"
    r"|by appointment|terminvereinbarung)"
    # (and a stable's or house's rest: "Stallruhe täglich 13–15 Uhr" is when it is closed)
    r"|(?P<brk>\b(?:mittagspause|mittagsruhe|mittagszeit|pause|stallruhe|ruhezeit(?:en)?)\b)"
    r"|(?P<half2>vormittags?|nachmittags?|abends|morgens)\b"
    r"|(?P<dash>\s?(?:-|–|—|‐|‑|−|bis\b|to\b)\s?)"
    r"|(?P<sep>,|;|/|&|\+|\||·|•|\bund\b|\bu\.|\bsowie\b|\bsowie\b)"
    r"|(?P<open>\bab\b)"
    r"|(?P<word>[^\W\d_]+|\d+)",
    re.IGNORECASE,
)
_HOLIDAY_WORD = re.compile(vocab.SPECIAL_DAYS)
_EXCEPT = frozenset(("außer", "ausser", "ausgenommen", "except"))
_PHONE_HINT = re.compile(r"\+\s?49|\b0\s?\d")
_PHONE_NUMBER = re.compile(r"(?:\+\s?49|\(?\b0)(?:[\s/()\-–]*\d){6,}")
# A lower-case word after an ambiguous abbreviation that does not go on a schedule ("So erreichen", "Do it").
_PROSE_AFTER = re.compile(r"\s+(?!(?:bis|und|von|ab|geschlossen|nach|sowie|u\.|geöffnet|offen|zu|nur|jeweils|"
                          r"durchgehend|auf|ruhetag|closed|from|to|and|außer|ausser|rund|vormittags?|nachmittags?|"
                          r"morgens|abends|mittags|ganztags|ganztägig|ist|sind|haben|hat|bleibt|bleiben|bzw|oder|"
                          r"frei|im|am|in|auch|erst|schon|wieder|zusätzlich|zusaetzlich|außerdem|ausserdem|ebenfalls)"
                          r"\b)[a-zäöüß]{2,}")
_FILLER = frozenset(("von", "uhr", "durchgehend", "geöffnet", "geoeffnet", "offen", "open", "jeweils", "am", "an",
                     "den", "vom", "from", "zwischen", "und", "zeit", "zeiten", "sowie", "auch", "nur", "immer",
                     "wir", "sind", "haben", "für", "sie", "da", "hours", "täglich", "sprechzeiten", "öffnungszeiten",
                     "oeffnungszeiten", "ab", "h", "s", "ca", "circa", "bzw", "oder", "noch", "wieder", "mittags"))


@dataclass(slots=True)
class Token:
    kind: str
    value: Any
    text: str


_PADDED = re.compile(r"0\d\s?[:.]\s?\d\d")  # "01:00", "02.30": a closing time on the 24-hour clock
_WITH_MINUTES = re.compile(r"\d{1,2}\s?[:.]\s?\d\d")


def _minutes(text: str) -> int | None:
    m = re.match(r"(\d{1,2})(?:\s?[:.]\s?(\d{2}))?", text)
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2) or 0)
    if h > 24 or mi > 59 or (h == 24 and mi):
        return None
    return h * 60 + mi


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
# Capitalised words that do go on a schedule after a day ("Sam Ruhetag", "Don Nachmittag geschlossen")
_SCHEDULE_NOUNS = ("feiertag", "ruhetag", "geschlossen", "nachmittag", "vormittag", "abend", "morgen", "termin",
                   "bis", "und", "von", "ab", "nach", "durchgehend", "uhr")


def _noun_after(text: str, end: int) -> bool:
    """Whether a capitalised word that is no part of a schedule follows (a noun after an article)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    return word[0].isupper() and low not in vocab.DAY_WORDS and low not in vocab.DAY_GROUP_WORDS and \
        not low.startswith(_SCHEDULE_NOUNS)


# "zwischen 8 und 12 Uhr" is one range, 8–12 (an "und" otherwise joins two ranges: "9–12 und 14–18 Uhr")
_BETWEEN = re.compile(r"\bzwischen\s+(\d{1,2}(?:[:.]\d{2})?)\s*(?:uhr\s+)?und\s+(\d{1,2}(?:[:.]\d{2})?)",
                      re.IGNORECASE)


# "Fr 7–12 Uhr (in den Schulferien freitags geschlossen)": another period's remark in brackets, not the week's
_PERIOD_ASIDE = re.compile(r"\(\s*(?:in|während)\s+(?:den|der)\s+[^()]{0,40}?(?:ferien|urlaubszeit)\b[^()]*\)",
                           re.IGNORECASE)


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[Token, ...]:
    """The schedule tokens of a text (memoised: footers repeat on every page; tokens are never mutated)."""
    out: list[Token] = []
    # A phone number's digit groups read like times ("0 23 23 - 3 81 09" holds "23 - 3"): they are no schedule.
    text = _PHONE_NUMBER.sub(" ", text) if _PHONE_HINT.search(text) else text
    if "zwischen" in text:
        text = _BETWEEN.sub(r"\1 - \2", text)
    if "ferien" in text or "urlaubszeit" in text:
        text = _PERIOD_ASIDE.sub(" ", text)
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or "word"
        raw = m.group(0)
        low = raw.lower()
        if kind == "dayx":
            word = m.group("day").lower()
            dotted = bool(m.group("dot"))
            first = not text[:m.start()].strip()
            if word in vocab.AMBIGUOUS_DAY_ABBREVIATIONS and not dotted and not m.group("half") and (
                    not m.group("day")[0].isupper() or (first and _PROSE_AFTER.match(text, m.end()))):
                # "so lange", and "So erreichen Sie uns" at a sentence's start: words, not Sunday
                out.append(Token("word", low, raw))
                continue
            if len(word) >= 3 and word in vocab.AMBIGUOUS_DAY_ABBREVIATIONS and not dotted and not m.group("half") \
                    and _noun_after(text, m.end()):
                # "Die Praxis ist … geschlossen", "Die Pflege ist rund um die Uhr im Einsatz": an article before a
                # noun, not Tuesday
                out.append(Token("word", low, raw))
                continue
            half = (m.group("half") or "").lower()
            value = (vocab.DAY_WORDS[word], "pm" if half.startswith(("nach", "abend")) else "am" if half else "")
            out.append(Token("day", value, raw))
        elif kind == "time":
            mins = _minutes(raw)
            out.append(Token("time", mins, raw) if mins is not None else Token("word", low, raw))
        elif kind == "group":
            out.append(Token("group", vocab.DAY_GROUP_WORDS[low], raw))
        elif kind == "half2":
            out.append(Token("half", "pm" if low.startswith(("nach", "abend")) else "am", raw))
        elif kind == "sep":
            out.append(Token("sep", low.strip(), raw))
        elif kind == "word":
            if low in _FILLER:
                continue
            out.append(Token("word", low, raw))
        else:
            out.append(Token(kind, low, raw))
    return tuple(out)


@dataclass
class HoursResult:
    """What one schedule text states: the week, whether it said anything at all, and its non-weekly phrases."""

    week: Week = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    appointment_days: list[str] = field(default_factory=list)
    closed_days: list[str] = field(default_factory=list)
    always_open: bool = False

    @property
    def found(self) -> bool:
        return bool(self.week)


def fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _merge_intervals(items: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(set(items)):
        if out and start <= out[-1][1] and end > out[-1][0] and end >= start:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _interval_ok(start: int, end: int, night_clock: bool = False, said_night: bool = False) -> bool:
    if start == end:
        return False
    if end < start:
        # Past midnight only for evening openings (bars, restaurants); "9-6" is a 12-hour clock we do not guess.
        # A closing time written on the 24-hour clock ("12:00 – 01:00", `night_clock`) is the night's, so a bowling
        # alley, a bar or a snack bar that opens in the morning may run past midnight too ("10:30 bis 2:00 Uhr");
        # "12–1" stays unread.
        return (start >= 15 * 60 or (night_clock and start >= 10 * 60) or said_night) and end <= 6 * 60
    # "Klasse 1–4", "5–10 Jahre": a shop that opens at one and closes at four in the morning is a range of
    # something else
    return not (start < 5 * 60 and end <= 12 * 60)


@dataclass
class _Rule:
    days: list[str]
    half: dict[str, str]
    intervals: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False
    appointment: bool = False
    breaks: list[tuple[int, int]] = field(default_factory=list)
    until: int | None = None  # "(Donnerstag bis 20 Uhr)": a later closing time for days stated before


class _Parser:
    """A small state machine over tokens: day sets, then time ranges, then the next day set."""

    def __init__(self) -> None:
        self.rules: list[_Rule] = []
        self.current: _Rule | None = None
        self.orphans: list[tuple[int, int]] = []  # ranges seen before any day set ("8-18 Uhr Mo-Fr")
        # a break with the days it applies to (every day for one read before any day set: "Mittagspause 12-13, Mo-Fr …")
        # (and whether the days were named, or the break is every day's read so far)
        self.scoped_breaks: list[tuple[Sequence[str], tuple[int, int], bool]] = []
        self.pending_break = False
        self.notes: list[str] = []
        self.always = False

    def feed(self, tokens: Sequence[Token]) -> None:
        """Read one line; ranges written before their days ("8-18 Uhr Mo-Fr") only pair up within the line."""
        self._feed(tokens)
        cur = self.current
        if cur is not None and not cur.intervals and self.orphans and not cur.closed and not cur.appointment:
            cur.intervals.extend(self.orphans)
        self.orphans = []

    def _feed(self, tokens: Sequence[Token]) -> None:
        i, n = 0, len(tokens)
        days_in_line = False
        last_day = 0  # the last token of the latest day set: "Sa rund um die Uhr", not "samstags 11 Uhr. Der
        # Onlineshop ist rund um die Uhr für dich da"
        while i < n:
            tok = tokens[i]
            if tok.kind in ("day", "group"):
                i = self._read_days(tokens, i)
                days_in_line = True
                last_day = i - 1
                continue
            if tok.kind == "word" and tok.value in _EXCEPT and i + 1 < n and tokens[i + 1].kind in ("day", "group"):
                i = self._read_exception(tokens, i + 1)
                continue
            if tok.kind == "time":
                i = self._read_time(tokens, i)
                continue
            # (not "Montag – Freitag – 9:00 – 18:00 Uhr", a dash between the days and their range)
            if (tok.kind == "dash" and i + 1 < n and tokens[i + 1].kind == "time" and i > 0
                    and tokens[i - 1].kind in ("day", "group") and self.current is not None
                    and not self.current.intervals
                    and not (i + 3 < n and tokens[i + 2].kind == "dash" and tokens[i + 3].kind == "time")):
                self.current.until = tokens[i + 1].value
                i += 2
                continue
            if tok.kind == "closed":
                if self.current is not None and (not self.current.intervals or self.current.half):
                    self.current.closed = True
                i += 1
                continue
            if tok.kind == "appt":
                if self.current is not None and not self.current.intervals:
                    self.current.appointment = True
                i += 1
                continue
            if tok.kind == "always":
                if self.current is None:
                    self.always = True
                elif days_in_line and not self.current.intervals and not any(
                        t.kind in ("word", "time") for t in tokens[last_day + 1:i]):
                    self.current.intervals.append((0, 24 * 60))
                else:
                    # "Notdienst rund um die Uhr" under a week: another service's remark, not the last day's hours.
                    self.notes.append(" ".join(t.text for t in tokens).strip())
                i += 1
                continue
            if tok.kind == "brk":
                j = self._read_scoped_break(tokens, i, days_in_line)
                if j > i:
                    i = j
                    continue
                target = self.current
                if self._time_follows(tokens, i):
                    self.pending_break = True
                elif target is not None and target.intervals and self._last_interval_adjacent(tokens, i):
                    # "8-18 Uhr, 12-13 Uhr Mittagspause": the range just read was the break.
                    target.breaks.append(target.intervals.pop())
                else:
                    self.pending_break = True
                i += 1
                continue
            if tok.kind == "half" and self.current is not None:
                # "Mi nachmittags geschlossen": a half-day qualifier after the day set.
                for day in self.current.days:
                    self.current.half[day] = str(tok.value)
                i += 1
                continue
            if tok.kind == "word" and self.current is not None and self.current.intervals and \
                    _HOLIDAY_WORD.search(tok.value):
                # "Sa. 10 bis 16 Uhr, an verkaufsoffenen Sonntagen 13 bis 18 Uhr": the times after a holiday's
                # word are that day's, not more hours of the days read before it
                self._close_current()
                i += 1
                continue
            if tok.kind == "open" and i + 3 < n and tokens[i + 1].kind == "time" and tokens[i + 2].kind == "dash" \
                    and tokens[i + 3].kind == "time":
                i += 1  # "samstags ab 8 Uhr bis 13 Uhr": a range after all
                continue
            if tok.kind == "open":
                # "ab 6:00": an open-ended time is not a range; skip the time so it is not read as one.
                j = i + 1
                while j < n and tokens[j].kind in ("time", "sep"):
                    j += 1
                self.notes.append(" ".join(t.text for t in tokens[i:j]).strip())
                i = j
                continue
            i += 1

    def _read_scoped_break(self, tokens: Sequence[Token], i: int, days_in_line: bool) -> int:
        """A break that names its days ("Mittagspause täglich 12:30-13:30", "Pause Mo-Fr 13-14") or stands on a
        line of its own under the week ("Mittagspause 13-14 Uhr" below "Mo-Fr 9-18"): it takes that time out of
        those days, or out of every day read so far, instead of starting a schedule of its own. Returns the index
        after it, or `i` when the break is not of this kind."""
        n = len(tokens)
        k = i + 1
        while k < n and tokens[k].kind in ("sep", "word") and k - i <= 2:
            k += 1
        scope: list[str] = []
        named = k < n and tokens[k].kind in ("day", "group")
        if named:
            scope, _, k = _day_set(tokens, k)
        elif not days_in_line and not any(t.kind == "time" for t in tokens[:i]):
            scope = [d for r in (*self.rules, self.current) if r is not None and r.intervals for d in r.days]
        if not scope:
            return i
        while k < n and tokens[k].kind in ("sep", "word") and tokens[k].value not in _EXCEPT:
            k += 1
        if not (k + 2 < n and tokens[k].kind == "time" and tokens[k + 1].kind == "dash"
                and tokens[k + 2].kind == "time"):
            return i
        start, end = tokens[k].value, tokens[k + 2].value
        assert isinstance(start, int) and isinstance(end, int)
        if not _interval_ok(start, end):
            return i
        self.scoped_breaks.append((scope, (start, end), named))
        return k + 3

    @staticmethod
    def _time_follows(tokens: Sequence[Token], i: int) -> bool:
        j = i + 1
        while j < len(tokens) and tokens[j].kind in ("sep", "word") and j - i <= 3:
            j += 1
        return j < len(tokens) and tokens[j].kind == "time"

    def _last_interval_adjacent(self, tokens: Sequence[Token], i: int) -> bool:
        j = i - 1
        while j >= 0 and tokens[j].kind in ("sep", "word"):
            if tokens[j].kind == "word" and tokens[j].value not in ("die", "ist", "eine", "haben", "wir"):
                return False
            j -= 1
        return j >= 0 and tokens[j].kind == "time"

    def _read_exception(self, tokens: Sequence[Token], i: int) -> int:
        """"außer Mi": days taken out of the set just read ("Mo-Fr außer Mi 8-18") or, once that set has its hours,
        closed ("Mo-Fr 8-18 Uhr, außer Mittwochnachmittag" closes Wednesday afternoon)."""
        before = self.current
        i = self._read_days(tokens, i)
        exc = self.current
        if exc is None or exc is before:
            return i
        if before is not None and not before.intervals and not before.closed and not before.appointment:
            kept = [d for d in before.days if d not in exc.days or exc.half.get(d)]
            if kept:
                # the exception narrows the set read before it, which then takes the times that follow
                self.rules.pop()
                self.current = _Rule(days=kept, half=before.half)
                return i
        exc.closed = True
        return i

    def _read_days(self, tokens: Sequence[Token], i: int) -> int:
        days, half, i = _day_set(tokens, i)
        n = len(tokens)
        if not days:
            return i + 1 if i < n and tokens[i].kind == "holiday" else max(i, 1)
        self._close_current()
        self.current = _Rule(days=days, half=half)
        if self.pending_break and self.rules:
            self.pending_break = False
        return i

    def _read_time(self, tokens: Sequence[Token], i: int) -> int:
        n = len(tokens)
        start = tokens[i].value
        # "08:00 | 18:00" in a table row (opening and closing in two columns) reads like a range.
        table_pair = tokens[i + 1].kind == "sep" and tokens[i + 1].value == "|" if i + 1 < n else False
        ranged = i + 2 < n and tokens[i + 2].kind == "time" and (
            tokens[i + 1].kind == "dash" or (table_pair and not (i > 0 and tokens[i - 1].kind == "dash")))
        if ranged:
            end = tokens[i + 2].value
            consumed = 3
        else:
            return i + 1  # a lone time ("bis 21 Uhr", "ab 6") is no range
        # (the end of a range whose start was not read; but "Freitag – 9:00 – 18:00" sets its days off with a dash)
        if i > 0 and tokens[i - 1].kind == "dash" and not (i > 1 and tokens[i - 2].kind in ("day", "group")):
            return i + 1
        assert isinstance(start, int) and isinstance(end, int)
        if end == 0 and start > 0:
            end = 24 * 60
        # (a closing time after midnight written on the 24-hour clock: "12:00 – 01:00", or "12.00 – 1.00 Uhr" with
        # the minutes of both; "12–1" stays unread)
        night = _PADDED.match(tokens[i + 2].text) is not None or (
            _WITH_MINUTES.match(tokens[i].text) is not None and _WITH_MINUTES.match(tokens[i + 2].text) is not None)
        # (or one said to be at night: a kiosk's "7 – 1 Uhr nachts")
        said_night = i + 3 < n and tokens[i + 3].value == "nachts"
        if not _interval_ok(start, end, night, said_night):
            return i + consumed
        if self.pending_break:
            self.pending_break = False
            if self.current is not None:
                self.current.breaks.append((start, end))
            else:
                self.scoped_breaks.append((DAYS, (start, end), False))
            return i + consumed
        if self.current is None or self.current.closed or self.current.appointment:
            self.orphans.append((start, end))
        else:
            self.current.intervals.append((start, end))
        return i + consumed

    def _close_current(self) -> None:
        cur = self.current
        if cur is None:
            return
        self.rules.append(cur)
        self.current = None

    def result(self) -> HoursResult:
        self._close_current()
        res = HoursResult(notes=list(self.notes), always_open=self.always)
        week: dict[str, list[tuple[int, int]]] = {}
        if self.always and not self.rules:
            week = {day: [(0, 24 * 60)] for day in DAYS}
        opening: int | None = None  # when the days stated so far open, while they all open at one time
        for rule in self.rules:
            if rule.intervals:
                first = min(start for start, _ in rule.intervals)
                opening = first if opening is None or opening == first else -1
            if rule.appointment and not rule.intervals:
                res.appointment_days.extend(rule.days)
                continue
            if rule.until is not None and not rule.intervals:
                for day in rule.days:
                    last = week[day][-1] if week.get(day) else None
                    if last is not None and (rule.until > last[0] or last[1] < rule.until < last[0]):
                        # (or a later closing after midnight: "täglich 18–2 Uhr, Fr und Sa bis 3 Uhr")
                        week[day] = [*week[day][:-1], (last[0], rule.until)]
                    elif day not in week and opening is not None and opening >= 0 and rule.until > opening:
                        # "Mo–Do 9–17 Uhr, Fr bis 14 Uhr": a day of its own that closes earlier opens as the
                        # days before it
                        week[day] = [(opening, rule.until)]
                continue
            if rule.closed and not rule.intervals:
                for day in rule.days:
                    half = rule.half.get(day)
                    if half and day in week:
                        week[day] = _clip(week[day], half)
                    elif not half:
                        week.pop(day, None)
                        res.closed_days.append(day)
                continue
            if not rule.intervals:
                continue
            for day in rule.days:
                new = list(rule.intervals)
                old = week.get(day, [])
                # A later rule for a day overrides an earlier one ("werktags 8-18, Sa 9-13") unless it adds a
                # second shift that does not overlap ("Mo-Fr 8-12" then "Mo-Fr 14-18" on the next line).
                if old and not any(a < d and c < b for a, b in old for c, d in new):
                    week[day] = old + new
                else:
                    week[day] = new
            for brk in rule.breaks:
                for day in rule.days:
                    week[day] = _subtract(week.get(day, []), brk)
        for scope, brk, named in self.scoped_breaks:
            if not named and any(_has_gap(week.get(day, []), brk) for day in scope):
                # "Mo–Fr 9–13 & 14–18 Uhr · Sa 10–14 Uhr" over "Mittagspause 13–14 Uhr": the line restates the
                # break the week shows; it does not cut the days written without one
                continue
            for day in scope:
                if day in week:
                    week[day] = _subtract(week[day], brk)
        for day in DAYS:
            ivs = _merge_intervals(week.get(day, []))
            if ivs:
                res.week[day] = [f"{fmt(a)}-{fmt(b)}" for a, b in ivs]
        return res


def _day_set(tokens: Sequence[Token], i: int) -> tuple[list[str], dict[str, str], int]:
    """The days a run of day tokens from `i` names ("Mo-Fr", "Mo, Di, Do", "werktags", "Sa + Feiertage"), their
    half-day qualifiers, and the index after the run."""
    days: list[str] = []
    half: dict[str, str] = {}
    n = len(tokens)
    expect_more = True
    while i < n and expect_more:
        tok = tokens[i]
        if tok.kind == "group":
            days.extend(d for d in tok.value if d not in days)
            i += 1
        elif tok.kind == "day":
            first, first_half = tok.value
            i += 1
            if i + 1 < n and tokens[i].kind == "dash" and tokens[i + 1].kind == "day":
                last, last_half = tokens[i + 1].value
                a, b = DAYS.index(first), DAYS.index(last)
                span = [DAYS[k % 7] for k in range(a, b + 1 if b >= a else b + 8)]
                days.extend(d for d in span if d not in days)
                if last_half:
                    half[last] = last_half
                i += 2
            else:
                if first not in days:
                    days.append(first)
                if first_half:
                    half[first] = first_half
        elif tok.kind == "holiday":
            i += 1
        else:
            break
        # A separator continues the set only when another day follows it.
        if i + 1 < n and tokens[i].kind == "sep" and tokens[i + 1].kind in ("day", "group", "holiday"):
            i += 1
            continue
        if i < n and tokens[i].kind in ("holiday", "day", "group"):
            continue
        expect_more = False
    return days, half, i


def _clip(intervals: list[tuple[int, int]], half: str) -> list[tuple[int, int]]:
    """Drop the afternoon ("pm": keep what opens before noon) or the morning ("am") of a day."""
    out: list[tuple[int, int]] = []
    for a, b in intervals:
        if half == "pm" and a < 12 * 60:
            out.append((a, b if b <= 14 * 60 else 13 * 60))
        elif half == "am" and b > 13 * 60:
            out.append((a if a >= 11 * 60 else 13 * 60, b))
    return out


def _has_gap(intervals: list[tuple[int, int]], brk: tuple[int, int]) -> bool:
    """Whether a day's ranges already leave the break out: one ends where it begins or before, the next starts where
    it ends or after."""
    return any(a[1] <= brk[0] and brk[1] <= b[0] for a, b in pairwise(sorted(intervals)))


def _subtract(intervals: list[tuple[int, int]], brk: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = brk
    out: list[tuple[int, int]] = []
    for a, b in intervals:
        if e <= a or s >= b:
            out.append((a, b))
            continue
        if a < s:
            out.append((a, s))
        if e < b:
            out.append((e, b))
    return out


def parse_hours(lines: Iterable[str]) -> HoursResult:
    """Parse the lines of one schedule (in reading order) into a weekly table and notes."""
    parser = _Parser()
    for line in lines:
        parser.feed(tokenize(line))
    return parser.result()


def parse_hours_text(text: str) -> HoursResult:
    """Convenience for one string; newlines separate lines."""
    return parse_hours(text.splitlines() or [text])


def has_hours_tokens(tokens: Sequence[Token]) -> bool:
    """Whether a line carries schedule material (a day or day group, or a time range)."""
    kinds = {t.kind for t in tokens}
    if "day" in kinds or "group" in kinds:
        return True
    return any(t.kind == "time" and i + 2 < len(tokens) and tokens[i + 1].kind == "dash"
               and tokens[i + 2].kind == "time" for i, t in enumerate(tokens))
