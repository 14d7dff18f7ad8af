"""Phone and fax numbers in a page: E.164 via `phonenumbers` (region DE), each with its kind.

Kinds: "voice" (incl. mobile), "fax", "emergency". The kind comes from the label written before the number on the same
line ("Fax:", "Telefon", "Funk", "Notdiensthandy"), else from a label line or heading just above it ("Fax" in one
element, the number in the next), so a fax wrapped in a `tel:` link stays a fax. Digit runs that are IBANs, tax,
register or VAT numbers, postcodes or dates are rejected by `phonenumbers`' validation plus label and shape checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.dom import Doc, Line

_DIGIT_RUN = re.compile(r"(?:\+|\(?0)\s?\d[\d\s/().\-–]{4,}\d")
_TAX_SHAPE = re.compile(r"^\d{2,3}\s?/\s?\d{3,4}\s?/\s?\d{4,5}$")
# Opening times ("08.30 - 13.00") and dates ("01.01.2020 - 31.12.2020") that phonenumbers would accept.
_TIME_OR_DATE_SHAPE = re.compile(r"^\s*\d{1,2}[.:]\d{2}(?:[.:]\d{2,4})?(?:\s?(?:uhr)?\s?[-–/]\s?\d{1,2}[.:]\d{2}"
                                 r"(?:[.:]\d{2,4})?)*\s*$", re.IGNORECASE)
# A range of dates ("02.–04.10.2026", "04.01. – 20.01.2027", "(06.-15.08.2027)"): a day, a dash, a day and month
_DATE_RANGE = re.compile(r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])\.\s?(?:(?:0?[1-9]|1[0-2])\.)?\s?[-–—]\s?"
                         r"(?:0?[1-9]|[12]\d|3[01])\.\s?(?:0?[1-9]|1[0-2])\.")
# "05/2024 – 14 m²": a month and year (a reference's date), however the digits after it run on
_MONTH_YEAR = re.compile(r"^(?:0?[1-9]|1[0-2])\s?/\s?(?:19|20)\d\d(?!\d)")
_AMOUNT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d{1,2}|,-)?$")
_CURRENCY_AFTER = re.compile(r"\s?(?:€|eur\b|euro\b)", re.IGNORECASE)
# A label that names an emergency line ("Notdienst", "Notfall", "Soforthilfe")
EMERGENCY_LABEL = re.compile("|".join(vocab.EMERGENCY_LABELS), re.IGNORECASE)
_LABEL_RE = {
    # One number for telephone and fax ("Tel./Fax:", "Telefon u. Fax", "Fax/Tel."); first, so it wins a tie with "fax".
    "both": re.compile(r"(?<![a-zäöü])(?:(?:tel(?:efon)?|fon)\.?\s*(?:/|\+|&|und|u\.)\s*(?:tele)?fax"
                       r"|(?:tele)?fax\.?\s*(?:/|\+|&|und|u\.)\s*(?:tel(?:efon)?|fon))\b", re.IGNORECASE),
    # "Fax", "Telefax", "Faxnummer", "Fax-Nr.", "Telefaxnummer"; and the bare letter of a "T: … F: …" footer, which
    # must be a capital F right before the number ("F: 02323 …", "F 02323 …").
    "fax": re.compile(r"(?<![a-zäöü])(?:tele)?fax(?:nummer|[\s-]?nr\.?)?(?![a-zäöü])|\bfaks\b|📠"
                      r"|(?<![\w.])(?-i:F)\.?\s*:?\s*$", re.IGNORECASE),
    "emergency": EMERGENCY_LABEL,
    "not": re.compile(r"(?<![a-zäöü])(?:" + "|".join(re.escape(w.strip()) for w in vocab.NOT_PHONE_LABELS) + r")",
                      re.IGNORECASE),
    "mobile": re.compile(r"(?<![a-zäöü])(?:" + "|".join(vocab.MOBILE_LABELS) + r")", re.IGNORECASE),
    "voice": re.compile(r"(?<![a-zäöü])(?:" + "|".join(re.escape(w) for w in vocab.VOICE_LABELS) + r")",
                        re.IGNORECASE),
}


# "Telefon 0234 5 87 96-0, Telefax -20": a number given as another extension of the one before it
_EXTENSION_ONLY = re.compile(r"(?<![a-zäöü])(?P<label>(?:tele)?fax|tel(?:efon)?|fon|durchwahl)\.?\s*:?\s*[-–]\s?"
                             r"(?P<ext>\d{1,5})(?![\d/ ]*\d)", re.IGNORECASE)
_EXTENSION_END = re.compile(r"[-–]\s?\d{1,5}\s*$")
# A branch named before its number ("Filiale Bochum:", "Niederlassung Dortmund: Tel."): the branch's, not the head
# office's. A bare "Filiale:" names no other place; "Hauptfiliale" is the main one.
_BRANCH_LABEL = re.compile(r"(?<![a-zäöü])(?:filiale|niederlassung|zweigstelle|zweigniederlassung|außenstelle|"
                           r"zweigpraxis|nebenstelle|zweigbetrieb)\s+(?:in\s+)?(?-i:[A-ZÄÖÜ])[\wäöüß-]+", re.IGNORECASE)
_PUBLIC_BODY = re.compile(r"(?<![a-zäöüß])(?:" + "|".join(re.escape(w) for w in vocab.PUBLIC_BODIES) + r")",
                          re.IGNORECASE)
# Where a sentence ends: a stop and a capital after it.
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZÄÖÜ])")


def names_public_body(text: str) -> bool:
    return bool(_PUBLIC_BODY.search(text))


def public_body_before(text: str, start: int, prev_end: int) -> bool:
    """Whether the clause right before a number (back to the previous number or sentence) names a public body or a
    shared service: the number is theirs, passed on, not the business's."""
    clause = text[max(prev_end, start - 120):start]
    cut = list(SENTENCE_END.finditer(clause))
    if cut:
        clause = clause[cut[-1].end():]
    return bool(_PUBLIC_BODY.search(clause))


def _branch_before(text: str, start: int, prev_end: int) -> bool:
    """Whether the text between the previous number and this one names a branch."""
    return bool(_BRANCH_LABEL.search(text[max(prev_end, start - 60):start]))


@dataclass(frozen=True, slots=True)
class PhoneHit:
    """One number on a page."""

    e164: str
    kind: str  # "voice", "fax", "both" (one number for telephone and fax) or "emergency"
    line: int
    method: str  # "link" or "text"
    labelled: bool
    branch: bool = False  # labelled with a branch's name ("Filiale Bochum: 0234 …")


@lru_cache(maxsize=4096)
def to_e164(raw: str) -> str | None:
    """A German-context number as E.164, or None when it is not a valid number."""
    raw = unquote(raw).strip()
    raw = re.sub(r"^(?:tel|callto|sms):", "", raw, flags=re.IGNORECASE)
    raw = raw.split("?")[0].split(";")[0]
    raw = raw.replace("(0)", "")
    digits = re.sub(r"[^\d+]", "", raw)
    if len(re.sub(r"\D", "", digits)) < 6:
        return None
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    try:
        num = phonenumbers.parse(digits, "DE")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(num):
        return None
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)


def classify_label(text: str) -> str | None:
    """The kind a label names ("fax", "both", "emergency", "voice", "not" for IBAN/tax/register labels), or None."""
    if not text:
        return None
    found = {kind: m for kind, rx in _LABEL_RE.items() if (m := _last(rx, text))}
    if not found:
        return None
    # The label closest to the number wins: "Tel. 123 · Fax: 456" gives the second number "fax".
    kind = max(found, key=lambda k: found[k].end())
    emergency = found.get("emergency")
    if kind in ("voice", "mobile") and emergency and found[kind].start() - emergency.end() <= 3:
        # "Notdienst: Tel. 0171 …", "Notfall-Handy": the purpose comes first, the medium names no other number
        return "emergency"
    if kind == "mobile":
        return "voice"
    return kind


_ALL_DAY = re.compile(r"24\s?(?:h|std\.?|stunden)\b|24\s?/\s?7|365", re.IGNORECASE)


def _last(rx: re.Pattern[str], text: str) -> re.Match[str] | None:
    last = None
    for m in rx.finditer(text):
        last = m
    return last


def _label_before(doc: Doc, line: Line, start: int, prev_end: int) -> tuple[str | None, bool]:
    """The kind named just before position `start` in the line, else by a short label line or heading above."""
    before = line.text[prev_end:start]
    kind = classify_label(before[-40:])
    if kind:
        return kind, True
    # a long label of a number that is no phone ("Registrierungsnummer Lebensmittelunternehmen: 05913-0047-12")
    tail = before[-70:]
    if (m := _last(_LABEL_RE["not"], tail)) is not None and not any(ch.isdigit() for ch in tail[m.end():]):
        return "not", True
    # a sentence about the emergency service that ends in the number ("Unser Elektro-Notdienst ist an 365 Tagen rund
    # um die Uhr für Sie da: 0172 …"); a number also given as the plain one stays that (the site merge sees both)
    clause = SENTENCE_END.split(before[-160:])[-1]
    if len(before) > 40 and EMERGENCY_LABEL.search(clause):
        return "emergency", True
    after = line.text[start:start + 60]
    if re.search(r"\(\s*(?:tele)?fax\s*\)", after, re.IGNORECASE):
        return "fax", True
    if before.strip(" :|,;-–·") == "":
        for back in (1, 2):
            idx = line.index - back
            if idx < 0:
                break
            prev = doc.lines[idx]
            # (a label's own digits of "round the clock" are no number: "24h-Notdienst:")
            if len(prev.text) <= 40 and not any(ch.isdigit() for ch in _ALL_DAY.sub("", prev.text)):
                kind = classify_label(prev.text)
                if kind:
                    return kind, True
            if prev.block is not line.block and back == 1 and prev.level == 0 and len(prev.text) > 40:
                break
        if line.heading >= 0 and line.heading >= line.index - 3:
            kind = classify_label(doc.lines[line.heading].text)
            if kind:
                return kind, True
    return None, False


def find_phones(doc: Doc, lines: Sequence[Line] | None = None) -> list[PhoneHit]:
    """Every phone/fax number on the page (or in the given lines) with its kind; IBAN/tax/register digits skipped."""
    hits: list[PhoneHit] = []
    branch_heads: dict[int, bool] = {}
    for line in lines if lines is not None else doc.lines:
        seen: set[str] = set()
        # (a branch's heading right above: "<h3>Filiale Bochum</h3>" over "Tel. 0234 …")
        under_branch = False
        if line.heading >= 0 and line.index - line.heading <= 3:
            if line.heading not in branch_heads:
                head = doc.lines[line.heading].text
                branch_heads[line.heading] = len(head) <= 60 and bool(_BRANCH_LABEL.search(head))
            under_branch = branch_heads[line.heading]
        for href, text in line.tels:
            e164 = to_e164(href) or (to_e164(text) if text else None)
            if not e164:
                continue
            pos = line.text.find(text) if text else -1
            if pos >= 0 and (num := _DIGIT_RUN.search(text)) is not None:
                pos += num.start()  # (a link's own text may start with the label: "24h-Notdienst: 0172 …")
            kind, labelled = _label_before(doc, line, pos if pos >= 0 else len(line.text), 0)
            if kind == "not" or (pos > 0 and public_body_before(line.text, pos, 0)):
                continue
            branch = under_branch or (pos > 0 and _branch_before(line.text, pos, 0))
            hits.append(PhoneHit(e164, kind or "voice", line.index, "link", labelled, branch))
            seen.add(e164)
        text = line.text
        if len(text) > 600:
            continue
        found = numbers_in_text(text) if any(sum(ch.isdigit() for ch in m.group(0)) >= 6
                                             for m in _DIGIT_RUN.finditer(text)) else ()
        prev_end = 0
        for start, end, e164 in found:
            if e164 is None:
                prev_end = end
                continue
            kind, labelled = _label_before(doc, line, start, prev_end)
            third = public_body_before(text, start, prev_end)
            branch = under_branch or _branch_before(text, start, prev_end)
            prev_end = end
            if kind == "not" or e164 in seen or third:
                continue
            seen.add(e164)
            hits.append(PhoneHit(e164, kind or "voice", line.index, "text", labelled, branch))
        prev = doc.lines[line.index - 1] if line.index > 0 else None
        above = prev.text if prev is not None and prev.block is line.block else ""
        for e164, kind in _extensions(text, found, above):
            if e164 not in seen:
                seen.add(e164)
                hits.append(PhoneHit(e164, kind, line.index, "text", True))
    return hits


def _extensions(text: str, found: Sequence[tuple[int, int, str | None]], above: str) -> list[tuple[str, str]]:
    """Numbers written as just another extension of the number before them, on the line or the line above
    ("Telefon 0234 5 87 96-0, Telefax -20" is the fax 0234 5 87 96-20), with the kind their label names."""
    out: list[tuple[str, str]] = []
    if "-" not in text and "–" not in text:
        return out
    low = text.lower()
    if "fax" not in low and "tel" not in low and "fon" not in low and "durchwahl" not in low:
        return out
    for m in _EXTENSION_ONLY.finditer(text):
        base = next((text[s:e] for s, e, num in reversed(found) if num and e <= m.start()), None)
        if base is None and above:
            base = next((above[s:e] for s, e, num in reversed(numbers_in_text(above)) if num), None)
        cut = _EXTENSION_END.search(base) if base else None
        if base is None or cut is None or any(s <= m.start() < e for s, e, _ in found):
            continue
        e164 = to_e164(base[:cut.start()] + m.group("ext"))
        if e164:
            out.append((e164, "fax" if "fax" in m.group("label").lower() else "voice"))
    return out


@lru_cache(maxsize=8192)
def numbers_in_text(text: str) -> tuple[tuple[int, int, str | None], ...]:
    """(start, end, E.164 or None for a rejected digit run) of the numbers in a text.

    Memoised: headers and footers repeat on every page of a site, and matching is the costly part.
    """
    out: list[tuple[int, int, str | None]] = []
    for m in PhoneNumberMatcher(text, "DE", leniency=Leniency.VALID):
        raw = m.raw_string
        bare = raw.strip(" ()")
        rejected = (_TAX_SHAPE.match(bare) or _TIME_OR_DATE_SHAPE.match(bare) or _MONTH_YEAR.match(bare)
                    or _DATE_RANGE.search(bare)
                    # an amount ("Kaufpreis 349.000 €")
                    or _AMOUNT.match(bare) or _CURRENCY_AFTER.match(text, m.end)
                    or re.match(r"^\d{5}$", re.sub(r"\D", "", raw))
                    # A number glued to letters or a dotted date is a code or a date, not a phone.
                    or (m.start > 0 and (text[m.start - 1].isalnum() or text[m.start - 1] == ".")))
        e164 = None if rejected else phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        if e164 and not e164.startswith("+49") and not raw.lstrip().startswith(("+", "00")):
            e164 = None
        out.append((m.start, m.end, e164))
    return tuple(out)
