"""German postal addresses in page text: `{street, postcode, city}` (and PO boxes).

An address is anchored on a five-digit postcode followed by a capitalised place name; the street is the chunk just
before it on the same line ("Auestraße 17, 67346 Speyer", "Gartenstraße 123 / 71522 Backnang") or the line above
("Waldstr. 21" / "64395 Brensbach"). Streets are kept as written ("Str." stays "Str."); `street_key` gives the form
used to compare them. Register numbers ("HRB 12345 Amtsgericht") and other digit runs are not postcodes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from marktplatz.crawler.pages.record import Address

_CITY_WORD = r"[A-ZÄÖÜ][\wäöüßÄÖÜéè'.]*"
_CITY = (_CITY_WORD + r"(?:(?:\s?[-/]\s?|\s)(?:(?:am|an der|an|im|in der|in|bei|ob der|vor der|a\.\s?d\.|i\.\s?"
         r"(?:Br|Opf|OB|Sa)\.?)\s)?\(?" + _CITY_WORD + r"\)?){0,3}")
_POSTCODE_CITY = re.compile(r"(?<![\d\w./-])(?:D\s?-\s?|DE\s?-\s?)?(?P<postcode>\d{5})(?!\d)\s*,?\s+"
                            r"(?P<city>" + _CITY + ")")
_HOUSE_NUMBER = r"\d{1,4}\s?[a-zA-Z]?(?:\s?(?:-|–|/|\+|u\.|und)\s?\d{1,4}\s?[a-zA-Z]?)?"
_STREET = re.compile(r"(?P<street>(?:[A-ZÄÖÜ0-9][\wäöüßÄÖÜ.'´`-]*\.?\s?(?:[\wäöüßÄÖÜ.'´`-]+\s){0,5}?[\wäöüßÄÖÜ.'´`-]*?"
                     r")\s?" + _HOUSE_NUMBER + r")\s*$")
_NUMBER_AT_END = re.compile(r"\s?" + _HOUSE_NUMBER + r"\s*$")
_FIVE_DIGITS = re.compile(r"\d{5}")
_SEPARATOR = re.compile(r"[,;|·•]|(\s[-–/]\s)")
_NUMBER_ONLY = re.compile(r"\s*\d{1,4}\s?[a-zA-Z]?\s*")
_TRAILING_IN = re.compile(r"\s+in\s*$")
# A remark after the house number: in brackets ("(Hinterhof)"), or where on the corner or in the building the door is
# ("/ Ecke Ringstr.", ", 2. OG", "– Eingang Hofseite")
_TRAILING_REMARK = re.compile(r"\s*\([^()]{1,40}\)\s*$|(?<=\d|[a-z])\s*[,/–-]?\s*(?:(?:Ecke|Eingang|Zugang|"
                              r"Hinterhaus|Hinterhof)\b|\d\.\s?(?:OG|Etage|Stock|Obergeschoss)\b|(?:EG|OG|UG|DG)\b"
                              r"|Erdgeschoss\b)[^,;|·•()]{0,40}$")
# A line of its own between the street and the postcode that says where in the town or the building the door is
# ("Ortsteil Sodingen", "c/o Bürgerhaus", "im Hinterhof", "2. OG"): the street is on the line above it.
_BETWEEN_LINE = re.compile(r"^(?:(?:Ortsteil|OT|Stadtteil|c/o|Gewerbegebiet|Gewerbepark|Industriegebiet|Hinterhaus|"
                           r"Hinterhof|Eingang|Zugang|Erdgeschoss)\b|(?:im|in der|auf dem|am)\s|\d\.\s?(?:OG|Etage|"
                           r"Stock|Obergeschoss)\b|(?:EG|OG|UG|DG)\b)(?:[^\d]|\d\.\s?(?=OG|Etage|Stock|Obergeschoss)){0,40}$",
                           re.IGNORECASE)
# Nothing but a label before the postcode ("PLZ/Ort: 44649 Herne" in a form-like table): the street is elsewhere.
_POSTCODE_LABEL = re.compile(r"[\s,;|·•/–-]*(?:(?:plz|postleitzahl)\s*(?:[/,]|und|u\.)?\s*(?:ort|stadt)?|ort|stadt)?"
                             r"\s*:?[\s,;|·•/–-]*", re.IGNORECASE)
# A lead-in sentence ending in a colon before the postcode ("Sie finden uns: 44623 Herne, Bahnhofstraße 12").
_LEAD_IN = re.compile(r"(?:^|[.!?]\s)[^\d.!?:]{3,40}:\s*$")
_STREET_LEADS = frozenset(("am", "an", "auf", "im", "in", "zum", "zur", "alte", "alter", "neue", "hinter", "unter"))
_PO_BOX = re.compile(r"\b(?:Postfach|Pf\.|Postbox|P\.?\s?O\.?\s?Box)\s*(?P<box>\d[\d ]{1,10}\d)", re.IGNORECASE)
_NOT_POSTCODE_BEFORE = re.compile(r"(?:hrb|hra|vr|pr|gnr|nr|nummer|steuer|st\.?-?nr|ust|id|iban|blz|konto|kto|tel|fon|"
                                  r"fax|mobil|handy|telefon|registernummer|register|az)\.?:?\s*$", re.IGNORECASE)
_CITY_STOP = frozenset(("Uhr", "Euro", "EUR", "Einwohner", "Mitarbeiter", "Besucher", "Kunden", "Stück", "Jahre",
                        "Jahren", "Personen", "Tel", "Telefon", "Fax", "Amtsgericht", "Registergericht", "Mo", "Di",
                        "Mi", "Do", "Fr", "Sa", "So", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
                        "Samstag", "Sonntag", "Deutschland", "Germany", "Quadratmeter", "Artikel", "Produkte",
                        "Bewertungen", "Follower", "Likes", "Punkte", "Kilometer", "Meter", "Tage", "Wochen"))
_CITY_TRAIL = re.compile(r"\s*(?:\b(?:Deutschland|Germany|Tel|Telefon|Fon|Fax|Mobil|Handy|E-Mail|Email|Mail|Web|"
                         r"Internet|Öffnungszeiten|Ortsteil|OT|Kontakt|Route|In|Google|Maps|Anfahrt|Routenplaner|"
                         r"Geschäftsführer|Inhaber|Inhaberin|Vertreten|USt|Steuer)\b.*)$")
_STREET_LABEL = re.compile(r"^.*\b(?:(?:adresse|anschrift|postanschrift|besuchsadresse|hausanschrift|"
                           r"lieferadresse)\b:?|"
                           r"(?:standort|sitz|büro|praxis|ort|filiale|lage|kanzlei|laden|werkstatt)\s*:)\s*",
                           re.IGNORECASE)
_STREET_WORD_HINT = re.compile(r"str\.|(?:stra(?:ß|ss)e|weg|allee|platz|gasse|ring|damm|ufer|chaussee|markt|steig|"
                               r"pfad|berg|hof|feld|garten|wall|graben|leite|kamp|bogen|winkel|promenade|zeile|stieg|"
                               r"tor|aue|grund|höhe|blick|hain|anger|park|bahnhof|hafen|wiese|rain|wende|kuhle|bruch|"
                               r"heck|born|mühle|trift|twiete|deich|koppel|wald|holz|kreuz)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AddressHit:
    """An address found in a page's lines; `first`/`last` are the line indices it spans."""

    address: Address
    first: int
    last: int


def street_key(street: str | None) -> str:
    """A comparison form: lower case, ß→ss, "str." → "strasse", no spaces, dashes, dots or commas."""
    s = (street or "").lower().replace("ß", "ss")
    s = re.sub(r"str\.", "strasse", s)
    s = re.sub(r"str\b", "strasse", s)
    return re.sub(r"[\s\-.,]", "", s)


def address_key(addr: Address) -> tuple[str, str]:
    return street_key(addr.street or addr.po_box), addr.postcode or ""


def _clean_city(city: str) -> str:
    city = _CITY_TRAIL.sub("", city).strip(" ,.-/|")
    if city.count("(") > city.count(")"):
        city = city[:city.rfind("(")]  # "Herne (Eingang über den Hof)": a remark, not "Frankfurt (Oder)"
    words = city.split()
    # "Berlin Telefon ..." is cut by _CITY_TRAIL; a trailing lowercase or stop word is not part of the name.
    while words and (words[-1] in _CITY_STOP or (words[-1][0].islower() and words[-1] not in ("am", "an", "der"))):
        words.pop()
    while words and words[-1] in ("am", "an", "der", "im", "in", "bei"):
        words.pop()
    return " ".join(words)


def _street_from(chunk: str) -> str | None:
    """The street and house number at the end of a chunk of text, or None."""
    chunk = chunk.strip(" ,;|·•/-–")
    chunk = _STREET_LABEL.sub("", chunk)
    if "@" in chunk or "http" in chunk.lower() or "www." in chunk.lower():
        # Contact data run into the street ("... info@x.de Waldstr. 21"): keep what follows the last such token.
        chunk = re.split(r"\S*(?:@|http|www\.)\S*", chunk)[-1].strip()
    if not chunk or len(chunk) > 90:
        return None
    m = _STREET.search(chunk)
    if not m:
        return None
    street = m.group("street").strip(" ,")
    # Drop a leading company or person name run into the street ("Bäckerei Friedrich GmbH Waldstr. 21"). The house
    # number counts as one word, also when it is a range ("An der Kirche 14 – 16").
    num = _NUMBER_AT_END.search(street)
    parts = [*street[: num.start()].split(), num.group().strip()] if num else street.split()
    if len(parts) > 4 or (len(parts) > 2 and not _STREET_WORD_HINT.search(street)):
        for k in range(1, len(parts) - 1):
            tail = " ".join(parts[k:])
            # A preposition starts a street only capitalised ("Am Alten Markt 3"); "uns in der Hauptstr. 5" is prose.
            if _STREET_WORD_HINT.search(parts[k]) or (parts[k][0].isupper() and parts[k].lower() in _STREET_LEADS):
                street = tail
                break
        else:
            # no later word starts the street: keep the whole only when it begins as a street does ("Straße des
            # 17. Juni 10", "Platz der Republik 3")
            if len(parts) > 4 and not (len(parts) <= 6 and _STREET_WORD_HINT.match(parts[0])):
                return None
    if re.fullmatch(r"[\d\s\-/]+", street) or not re.search(r"[A-Za-zÄÖÜäöüß]{3}", street):
        return None
    low = street.lower()
    if any(w in low for w in ("tel", "fax", "mobil", "handy", "hrb", "ust", "steuer", "iban", "uhr ", "€")) and \
            not _STREET_WORD_HINT.search(street):
        return None
    return street


def _street_before(text: str) -> str | None:
    """The street at the end of the text before a postcode, cut at the last separator ("Firma X | Hauptstr. 5").

    A spaced dash or slash also separates ("Herr Meier - Hauptstr. 5"), except inside a house-number range:
    "Hauptstr. 5 - 7" ends in the chunk "7", which is then read together with the chunk before it. A remark in
    brackets after the number ("Hauptstr. 5 (Hinterhof)") and a sentence's "in" before the postcode are dropped."""
    text = _TRAILING_REMARK.sub("", _TRAILING_IN.sub("", text.rstrip(" ,;|·•/-–"))).rstrip(" ,;|·•/-–")
    parts = _SEPARATOR.split(text)
    chunk = parts[-1] if text else ""
    if len(parts) >= 3 and _NUMBER_ONLY.fullmatch(chunk) and parts[-2].strip() in ("-", "–", "/"):
        chunk = parts[-3] + parts[-2] + chunk
    return _street_from(chunk) if chunk.strip() else None


def _street_after(text: str) -> str | None:
    """The street written after the town ("44649 Herne, Hauptstraße 5"): only a chunk that names a street."""
    m = re.match(r"\s*[,;|·•–-]\s*([^,;|·•]{4,60})", text)
    if not m:
        return None
    street = _street_from(m.group(1))
    return street if street and _STREET_WORD_HINT.search(street) and street.split()[0][0].isupper() else None


def _street_of_line(text: str) -> str | None:
    """The street a line above a postcode ends with ("Elektro Brandt, Bahnhofstraße 12a (Hinterhof)")."""
    return _street_from(re.split(r"[,;|·•]", _TRAILING_REMARK.sub("", text))[-1])


def find_addresses(lines: Sequence[str]) -> list[AddressHit]:
    """Every postal address in the lines, in reading order (duplicates kept: callers count them)."""
    hits: list[AddressHit] = []
    for idx, text in enumerate(lines):
        if len(text) > 400 or not _FIVE_DIGITS.search(text):
            continue
        for m in _POSTCODE_CITY.finditer(text):
            before = text[: m.start()]
            if _NOT_POSTCODE_BEFORE.search(before):
                continue
            city = _clean_city(m.group("city"))
            if not city or city.split()[0] in _CITY_STOP:
                continue
            postcode = m.group("postcode")
            street: str | None = None
            first = idx
            po_box: str | None = None
            box = _PO_BOX.search(before)
            if box:
                po_box = box.group("box").strip()
            else:
                street = _street_before(before)
                label_only = _POSTCODE_LABEL.fullmatch(before) is not None or \
                    (street is None and _LEAD_IN.search(before) is not None)
                if street is None and label_only:
                    street = _street_after(text[m.end():])
                if street is None and label_only and idx > 0:
                    prev = lines[idx - 1]
                    pbox = _PO_BOX.search(prev)
                    if pbox:
                        po_box = pbox.group("box").strip()
                        first = idx - 1
                    else:
                        street = _street_of_line(prev)
                        if street is not None:
                            first = idx - 1
                        elif idx > 1 and _BETWEEN_LINE.match(prev.strip()):
                            street = _street_of_line(lines[idx - 2])
                            if street is not None:
                                first = idx - 2
            hits.append(AddressHit(Address(street=street, postcode=postcode, city=city, po_box=po_box), first, idx))
    return hits
