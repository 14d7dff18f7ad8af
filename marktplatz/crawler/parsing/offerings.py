"""Offerings: the products and services a trader names.

Sources, strongest first: sub-headings and list items of an offer section ("Leistungen", "Speisekarte", "Unser
Service:", "Therapieangebot", "Rechtsgebiete") or of a whole offer page; item names of price lists; enumerations in a
sentence that offers something ("Wir bieten ... Akupunktur, Bleaching und Hausbesuche an"); headings that list items
with separators ("Sprachstörungen | Stimmstörungen | ..."). Navigation, calls to action, legal boilerplate, prices and
hours are never offerings.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import html

from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.dom import Doc, Line
from marktplatz.crawler.parsing.offer_layouts import (
    CARD_CONTACT,
    CONTACT_DATA,
    bare_lists,
    captions,
    card_headings,
    continues_item,
    enclosing,
    in_other_block,
    link_line,
    looks_like_service,
    menu_offers,
    other_section,
    price_plan,
    priced_categories,
    run_in_labels,
    tab_titles,
    topic_pairs,
)

_OFFER_HEADING = re.compile(r"(?<![a-zäöü])(?:" + "|".join(re.escape(w) for w in vocab.OFFERING_HEADINGS) + r")"
                            # a compound's last word names it: "Unterrichtsangebote", "Pflegeleistungen"
                            r"|(?:angebote?|leistungen|sortiment|behandlungen|therapien|kurse|(?:eis|getränke|wein|"
                            r"cocktail|kaffee|tages|mittags|frühstücks|kuchen)karte)\b", re.IGNORECASE)
_NOT_OFFER = re.compile(r"(?<![a-zäöü])(?:" + "|".join(re.escape(w) for w in vocab.NOT_OFFERING_WORDS)
                        + r")(?![a-zäöü])",
                        re.IGNORECASE)
_PRICE = re.compile(r"(?:^|\s)(?:ab\s|je\s|pro\s)?\d{1,4}(?:[.,]\d{2}|,-|,–)\s?(?:€|eur\b|euro)?\s*$|"
                    r"(?:^|\s)(?:ab\s)?\d{1,4}\s?(?:€|eur\b|euro)\s*$", re.IGNORECASE)
_ONLY_PRICE = re.compile(r"^(?:ab\s|je\s|pro\s|nur\s)?\d{1,4}(?:[.,]\d{1,2}|,-|,–)?\s?(?:€|eur|euro)?\s*(?:\*|/.*)?$",
                         re.IGNORECASE)
# Day names as words: "Küchenmontage" and "Montage aller Fabrikate" are offers, not hours.
# (a time, not a thousand: "über 1.500 Artikel")
_HOURS_LIKE = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![\d.])|\b\d{1,2}\s?-\s?\d{1,2}\s?uhr|\buhr\b|"
                         r"\b(?:montag|dienstag|freitag|samstag|sonntag)s?\b|öffnungszeit", re.IGNORECASE)
_SEPARATED = re.compile(r"\s[|·•/]\s|\s–\s")
_VERB = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in vocab.OFFERING_VERBS) + r")\b", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:(?:wir|ich)\s+)?(?:bieten|biete|bietet|führen|verkaufen)?\s*(?:ihnen\s+)?(?:außer|neben)?"
                      r".*?\b(?:auch|wie|z\.\s?b\.|zum beispiel|insbesondere|u\.a\.|unter anderem|gebieten|gebiet|"
                      r"bereichen|bereich)\s+", re.IGNORECASE)
_VERB_LEAD = re.compile(r"^(?:(?:zudem|außerdem|ausserdem|darüber hinaus|ebenso|ferner|gerne|gern|natürlich|auch)\s+)?"
                        r"(?:(?:wir|ich)\s+)?(?:bieten|biete|bietet|führen|verkaufen):?\s+(?:(?:ihnen|sie|wir|ich):?\s+)*"
                        r"(?:(?:außerdem|ausserdem|zudem|auch|gerne|gern)\s+)*"
                        r"|^.{0,40}?\b(?:umfasst|umfassen|gehören|zählen):?\s+"
                        r"(?:(?:unter anderem|u\.\s?a\.|auch):?\s+)?",
                        re.IGNORECASE)
_MID_VERB = re.compile(r"^[^,]{0,60}?\b(?:bieten|bietet|biete|führen|verkaufen|umfasst|umfassen|gehören|zählen|"
                       r"(?:finden|erhalten|bekommen) sie(?: bei uns)?|gibt es(?: bei uns)?)\s+"
                       r"(?:(?:wir|ich|ihnen|sie|unter anderem|u\.\s?a\.|auch|außerdem|zudem|gerne|gern)\s+)*",
                       re.IGNORECASE)
# A service verb before the first of the items named ("Wir beraten Sie rund um Kfz-Versicherung, Hausrat…",
# "Wir reparieren Fahrräder, E-Bikes und …"): only right before a noun, not in a row of verbs ("Wir planen,
# fertigen und montieren").
_SERVICE_LEAD = re.compile(r"^[^,]{0,60}?\b(?i:beraten(?: sie| wir)?(?: gerne| gern)?(?: rund um| zu| zur| zum| bei| "
                           r"in sachen| in)?|reparieren|warten|übernehmen|erledigen|fertigen|vermitteln|verleihen|"
                           r"kümmern(?: wir)? uns(?: auch| gerne| gern)* um|"
                           r"vermieten)\s+(?i:(?:sie|ihnen|ihre|ihren|auch|gerne|gern|alle)\s+)*(?=[A-ZÄÖÜ])")
# A sentence about whom or where a business serves ("Unsere Kunden sind Privathaushalte, …", "im Raum Herne,
# Herten und Marl"): an enumeration of audiences or towns, not of offers.
_WHO_OR_WHERE = re.compile(r"\b(?:kunden|kundschaft|zielgruppe|auftraggeber|einsatzgebiet|einzugsgebiet|im raum|"
                           r"umgebung|umkreis|ganz nrw|ruhrgebiet)\b", re.IGNORECASE)
_TRAILING_CLAUSE = re.compile(r"\s(?:für|bei|nach|durch|mit|aus|von|zum|zur|ab|gemäß|inkl\.|inklusive|–|-)\s",
                              re.IGNORECASE)
# The parts of an enumeration. "Hol- und Bringservice" is one item: a word cut at a hyphen shares the ending of the
# next one; and "Reifenwechsel und -einlagerung" too, the second word sharing the first one's beginning.
_LIST_SPLIT = re.compile(r"(?<!\d),\s*|,(?!\d)\s*|(?<!-)\s+und\s+(?![-–]\w)|\s+sowie\s+(?![-–]\w)|"
                         r"(?<!-)\s+oder\s+(?![-–]\w)")
# A table column's header naming what each row offers (besides the offer headings: "Leistung", "Angebot").
# A column headed by whom its rows are for ("Für Privatkunden" | "Für Gewerbekunden") lists offers as well.
_COLUMN_HEADER = re.compile(r"^(?:kurs|kursname|gericht|speise|artikel|produkt|behandlung|dienstleistung|service|"
                            r"reparatur|reparaturen|arbeiten|tätigkeit|(?:für\s+)?(?:privat|gewerbe|firmen|geschäfts)"
                            r"(?:kunden|personen|leute)?|für\s+(?:unternehmen|selbstständige|betriebe))$",
                            re.IGNORECASE)
_DASH = re.compile(r"\s[–—]\s")
_BRACKETED = re.compile(r"\([^()]{0,120}\)")
# (not after an abbreviation: "zzgl. 10 €", "inkl. Beratung", "z. B. Fenster", nor after a number: "10. Mai")
_SENTENCE_END = re.compile(r"(?<!\bzzgl\.)(?<!\binkl\.)(?<!\bggf\.)(?<!\bbzw\.)(?<!\bca\.)(?<!\bggfs\.)(?<!\bu\.)"
                           r"(?<!\bz\.)(?<!\bb\.)(?<!\bv\.)(?<!\bd\.)(?<!\bo\.)(?<!\bNr\.)(?<!\bevtl\.)(?<!\bgesetzl\.)"
                           r"(?<!\d\.)(?<=[.!?])\s+")
_ANNOUNCED = re.compile(r"^([^:]{3,60}):\s+(.+)$")
_LEADING_LIST = re.compile(r"^(?:ob\s+)?([^–—:;.!?]{5,200}?)\s+[–—-]\s+\S", re.IGNORECASE)
# How customers pay is no offer: "Zahlung bar, per EC-Karte oder Überweisung".
_PAYMENT = re.compile(r"\b(?:zahlung|zahlen|bezahl\w*|barzahlung|kartenzahlung|ec-karte|girocard|kreditkarte\w*|"
                      r"paypal|überweisung|lastschrift)\b", re.IGNORECASE)
# "Yoga für Körper, Geist und Alltag": what one thing is for, not a list of things.
_FOR_WHAT = re.compile(r"\s(?:für|mit|von|aus)\s+\S+$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:wir|sie|ich|uns|ihr|ihnen|euch|du|dich|dir)\b", re.IGNORECASE)
# An amount of money inside an item ("349,00 € In den Warenkorb"), a handle or a host name ("bluetezeit.herne").
_NOT_A_NAME = re.compile(r"m/w/d|w/m/d|m/w/x|\d[.,]\d{2}\s?€|€\s?\d|^@|^[\w-]+(?:\.[\w-]+)+$|\bwarenkorb\b|"
                         r"\bin den korb\b", re.IGNORECASE)
_SECTION_NAME = re.compile(r"leistung|angebot|produkte|sortiment|speisekarte|preisliste|preisbeispiel|preise\b|"
                           r"tarife\b|rechtsgebiet|"
                           r"fachgebiet|schwerpunkt|unser service|portfolio|übersicht|tätigkeitsbereich|"
                           r"(?:meine|unsere) aufgaben|\bunser (?:kurs)?programm\b|\bunser kursangebot",
                           re.IGNORECASE)
_HEAD_PREFIX = re.compile(r"^(?:hilfe|behandlung|therapie|beratung|spezialist|experte|ihr|ihre|unsere?)\b.*?\b"
                          r"(?:bei|für|von|in)\s+", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"title|heading|headline|name|bold|kategorie|category", re.IGNORECASE)
_MEASURE = re.compile(r"^\s*(?:ca\.\s?)?\d+(?:[.,]\d+)?\s?(?:-\s?\d+\s?)?(?:min\.?|minuten|std\.?|stunden?|h|stk\.?|"
                      r"stück|ml|l|g|kg|cm|m|m²|qm|personen|pers\.?|[×x])\s*$"
                      # a price list's unit column: "Seite", "Auftrag", "lfd. Meter", "pro Person"
                      r"|^\s*(?:pro |je )?(?:seite|stück|stk\.?|auftrag|lfd\.? meter|meter|stunde|std\.?|person|"
                      r"pers\.?|portion|einheit|m²|qm)\s*$", re.IGNORECASE)
_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]")
# A list written without <li>: lines that start with a typed bullet ("• Brillenreparatur", "- Innenanstriche").
_BULLET = re.compile(r"^\s*(?:[•·▪■►▸✓✔➤→*]|[-–](?=\s))\s*")
MAX_LINE_ITEM_WORDS = 6
MAX_ITEM_WORDS = 8
MAX_ITEM_CHARS = 70
# Where a long list item's explanation starts: "Reifenservice, Einlagerung und Montage aller Fabrikate",
# "Steinschlag-Reparatur der Frontscheibe bei vielen Versicherern kostenlos".
_DASH_REMARK = re.compile(r"\s([–—])\s")
_EXPLANATION = re.compile(r",\s|;\s|:\s|\s[–—-]\s|\s\(|\s(?:bei|nach|durch|mit|inkl\.|inklusive|gemäß|laut|sowie)\s",
                          re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class OfferingHit:
    text: str
    line: int
    method: str  # "heading", "text" (lists, prose), "table" (price lists)
    confidence: float


# A price plan is how an offer is sold, not an offer: "10er-Karte", "Monatsabo", "Einzelstunde", "Tarif Basic".
_TARIFF_NAME = re.compile(r"^\d+er[- ]karte$|^(?:monats|jahres|schnupper)?abo(?:nnement)?$|abo$|^einzelstunde$|"
                          r"^tarif\b|mitgliedschaft$", re.IGNORECASE)
# Contact data is never an offer: a phone or fax line, a street with its house number, the owner ("Inh. …").
_CONTACT_ITEM = re.compile(r"^(?:tel|fon|telefon|fax|telefax|mobil|handy|e-mail|inh|inhaber(?:in)?)\b\.?|"
                           r"(?:stra(?:ß|ss)e|str\.|weg|allee|platz|gasse|ring|damm)\s\d{1,4}\s?[a-z]?$",
                           re.IGNORECASE)


# A menu's or price list's item number in its own cell ("Nr. 20", "P-120", "14a")
# (not a driving licence's class, "A1": only a number, or one with "Nr." or a letter code and a dash before it)
_ITEM_NUMBER = re.compile(r"^\s*(?:nr\.?\s*|art\.?-?nr\.?\s*|[A-Z]{1,3}-)?\d{1,4}[a-z]?\.?\s*$", re.IGNORECASE)


_PRICED_BRACKET = re.compile(r"\s*\([^()]*\d\s?(?:€|eur\b|euro\b)[^()]*\)", re.IGNORECASE)
# A duration a price list gives with an item ("45 Min.", "ca. 1,5 Std"); in brackets, or at the end of the row
_DURATION_WORDS = r"(?:ca\.\s?)?\d+(?:[.,]\d)?\s?(?:min|minuten|std|stunden{})\b\.?"
_BRACKET_DURATION = re.compile(r"(?<=[(;,])\s*" + _DURATION_WORDS.format("") + r"\s*(?=\))", re.IGNORECASE)


_TRAILING_AMOUNT = re.compile(r"(?<=[^\d,\s])\s+(?:je\s+|pro\s+)?\d+(?:[.,]\d+)?\s?(?:g|kg|ml|l|stück|stk\.?)$",
                              re.IGNORECASE)
_ALLERGEN_MARKS = re.compile(r"\s*\((?-i:[A-Z]|\d{1,2})(?:\s*,\s*(?-i:[A-Z]|\d{1,2}))*\)")


def clean_item(text: str) -> str | None:
    """A tidy offering, or None when the text is no offering (too long, a price, navigation, hours...)."""
    t = re.sub(r"\s+", " ", text).strip(" \t-–—•·*:;,.|>→»")
    t = re.sub(r"\s*(?:→|»|›)$", "", t)
    if " | " in t:
        # a table row: its name without the duration, size and price cells ("Hot Stone | 60 Min | 65 €")
        t = " | ".join(c for c in t.split(" | ") if not (_MEASURE.match(c) or _ONLY_PRICE.match(c) or
                                                        _ITEM_NUMBER.match(c))).strip(" |")
    # a remark in brackets that gives the price ("Uhrenbatteriewechsel (Batteriewechsel ab 9,50 €)")
    t = _PRICED_BRACKET.sub("", t)
    if not _ONLY_PRICE.match(t):
        t = _PRICE.sub("", t).strip(" \t-–—•·*:;,.|")  # "Maniküre 28 €" in a price list's row
        # ... and the amount the price is for ("Hausmacher Leberwurst 100 g 1,49 €")
        t = _TRAILING_AMOUNT.sub("", t)
    if "(" in t:
        # a duration in brackets is no part of the name ("Übungsfahrt (45 Min.)", "(Überland, Nacht; 45 Min.)"),
        # nor a menu's allergen marks ("Hirtensalat (G)", "Lahmacun (A,G)")
        t = _ALLERGEN_MARKS.sub("", t)
        t = re.sub(r"\s*\(\s*\)", "", re.sub(r"[;,]\s*\)", ")", _BRACKET_DURATION.sub("", t))).strip()
    if len(t) < 3 or len(t) > MAX_ITEM_CHARS or len(t.split()) > MAX_ITEM_WORDS:
        return None
    # Words, not codes: three letters, two of them together ("HU/AU" and "TÜV" are offers, "A 1" is not).
    if len(_LETTER.findall(t)) < 3 or not re.search(r"[A-Za-zÄÖÜäöüß]{2}", t) or _ONLY_PRICE.match(t):
        return None
    if (_NOT_OFFER.search(t) and len(t.split()) <= 3) or t.lower() in vocab.NOT_OFFERING_EXACT or _PAYMENT.search(t):
        return None
    if _HOURS_LIKE.search(t) or "@" in t or "http" in t.lower() or re.search(r"\d{4,}", t):
        return None
    if t.endswith(("?", "!")) or _NOT_A_NAME.search(t) or _CONTACT_ITEM.search(t) or _TARIFF_NAME.search(t):
        return None
    return t


def list_item(text: str) -> str:
    """A list item as an offering: a long one ("... bei vielen Versicherern") by the words before its
    explanation, which name the offer; a short one as it is."""
    words = text.split()
    if len(words) <= MAX_ITEM_WORDS and len(text) <= MAX_ITEM_CHARS:
        # "Blutdruckmessung – standardisierte Risikoerfassung": the name before the dash that explains it
        parts = _DASH_REMARK.split(text, maxsplit=1)
        if len(parts) == 3 and len(parts[2].split()) >= 2 and re.search(r"[A-Za-zÄÖÜäöüß]{4}", parts[0]):
            return parts[0].strip()
        return text
    lead = _EXPLANATION.split(" ".join(words), maxsplit=1)[0]
    return lead if re.search(r"[A-Za-zÄÖÜäöüß]{5}", lead) else text


def _enumeration(sentence: str) -> list[str]:
    """"... auch Akupunktur, Bleaching, Air Flow und Hausbesuche an." → the listed items."""
    if _PAYMENT.search(sentence):
        return []
    s = sentence.strip().rstrip(".!")
    s = re.sub(r"\s+(?:an|spezialisiert|zu ihren leistungen|im angebot)$", "", s, flags=re.IGNORECASE)
    # (a bracket stays with its item and is not read for the lead-in: "Schlüsselnachfertigung (auch Autoschlüssel
    # mit Chip)", "Bindungen (Spiral, Klebe, Hardcover)")
    brackets: list[str] = []

    def keep(m: re.Match[str]) -> str:
        brackets.append(m.group(0))
        return f"\x02{len(brackets) - 1}\x03"

    s = _BRACKETED.sub(keep, s)
    # a dash ends the list and adds a remark ("HU/AU, Klimaservice und Unfallinstandsetzung – für alle Marken, vom
    # Kleinwagen bis zum Transporter"); cut first, so that no lead-in is looked for in the remark ("… – auch für …")
    dash = _DASH.search(s)
    if dash is not None and len(_LIST_SPLIT.split(s[:dash.start()])) >= 2:
        s = s[:dash.start()]
    s = _LEAD_IN.sub("", s)
    s = _VERB_LEAD.sub("", s)
    # "Neben unserer Theke bieten wir Partyservice, …": the verb later in the clause before the first item
    s = _MID_VERB.sub("", s)
    parts = [re.sub("\x02(\\d+)\x03", lambda m: brackets[int(m.group(1))], p) for p in _LIST_SPLIT.split(s)]
    if len(parts) >= 3 and " für " in parts[-2] and len(parts[-1].split()) == 1:
        # "den E-Check für Gewerbe und Vermieter": the last "und" joins the two it is for, not two offers
        parts[-2:] = [f"{parts[-2]} und {parts[-1]}"]
    items: list[str] = []
    complete = True
    for k, p in enumerate(parts):
        # (and the "ob" of "Ob Fenster, Türen oder Wintergärten – …")
        p = re.sub(r"^(?:die|der|das|den|dem|eine?n?|auch|auf|im|in|(?:egal\s+)?ob)\s+", "", p.strip(),
                   flags=re.IGNORECASE)
        if _words(p) > 4 and _BRACKETED.search(p):
            p = _BRACKETED.sub("", p).strip()  # "Bindungen (Spiral, Klebe, Hardcover für Abschlussarbeiten)"
        if k == len(parts) - 1 and _words(p) > 2:
            # the sentence goes on after its last item ("… sowie Beratungseinsätze nach § 37.3 SGB XI")
            p = _TRAILING_CLAUSE.split(p, maxsplit=1)[0]
        elif _words(p) > 4 and not p.lower().startswith("das "):
            # an item told more about ("eine Käsetheke mit über 80 Sorten"); not a verb's noun ("das Verlegen von
            # Rollrasen") and not a clause ("Preise richten sich nach …")
            head = _TRAILING_CLAUSE.split(p, maxsplit=1)[0]
            if head != p and all(w[:1].isupper() or (w.endswith(("e", "en", "er", "es", "em")) and w.isalpha())
                                 for w in head.split()):
                p = head
        item = clean_item(p)
        if item is None or _words(item) > 4:
            complete = False
            break
        items.append(item)
    # Three items make a list; two only when short and nothing else follows ("Massage und Physiotherapie als
    # tierärztliche Leistung an und erarbeiten ..." is a sentence, not a list).
    if len(items) >= 3 or (len(items) == 2 and complete and all(len(i.split()) <= 3 for i in items)):
        return items
    return []


def _colon_enumeration(sentence: str) -> list[str]:
    """"Wir kümmern uns um Ihre Textilien: Chemische Reinigung, Hemdenservice und …": a sentence of ours announcing
    a list (not a label: "Zahlungsarten: Bar, EC" or "Adresse: …" say something else)."""
    m = _ANNOUNCED.match(sentence)
    # (a label that names the offers announces them as well: "Leistungen: Inspektion, Reifenservice, …"; not a
    # price label, whose list says who pays: "Preise: Erwachsene 5 €, Kinder 3 €, …")
    if not m or not (re.search(r"\b(?:wir|ich|uns|unser\w*|bei uns)\b", m.group(1), re.IGNORECASE) or
                     (is_section_name(m.group(1)) and not re.search(r"preis|tarif", m.group(1), re.IGNORECASE))) \
            or _HOURS_LIKE.search(sentence):
        return []
    return _noun_list(m.group(2))


def _lead_enumeration(sentence: str) -> list[str]:
    """"Schneiden, Färben, Strähnen und Brautstyling – bei uns …": a list of nouns opening a sentence before a dash;
    a trailing part that is no noun ("… oder einfach ein Strauß für zwischendurch") is left out."""
    m = _LEADING_LIST.match(sentence)
    if not m or _HOURS_LIKE.search(m.group(1)):
        return []
    return _noun_list(m.group(1))


def _noun_list(text: str) -> list[str]:
    """At least three nouns or short noun phrases, comma-separated with a final "und"/"oder": German nouns are
    capitalised, so a lower-case part ends the list ("… und ein Frühstück, das satt macht")."""
    parts = [p.strip() for p in _LIST_SPLIT.split(text)]
    if _PAYMENT.search(text) or (_FOR_WHAT.search(parts[0]) and all(_words(p) == 1 for p in parts[1:])):
        return []
    parts[-1] = _TRAILING_CLAUSE.split(parts[-1], maxsplit=1)[0]
    # Only the last part may run on into the sentence; a pronoun makes any part a clause ("betreuen wir Büros").
    if len(parts) < 3 or any(_PRONOUN.search(p) for p in parts) or \
            not all(p[:1].isupper() and _words(p) <= 3 for p in parts[:-1]):
        return []
    items = parts if parts[-1][:1].isupper() and _words(parts[-1]) <= 3 else parts[:-1]
    return [i for p in items if (i := clean_item(p))]


def _under_other_section(doc: Doc, line: Line) -> bool:
    """Whether a line stands in a part of the page about something else (Karriere, Team …), under its heading or
    one of that heading's sub-headings."""
    idx, level = line.heading, 7
    for _ in range(3):
        if idx < 0:
            return False
        head = doc.lines[idx]
        if head.level < level:
            if other_section(head.text):
                return True
            level = head.level
        idx = head.heading
    return False


def _describes_card(doc: Doc, line: Line) -> bool:
    """Whether a line is the text of a card: right under a sub-heading that names no offer section."""
    head = line.heading
    return head >= 0 and 2 <= doc.lines[head].level <= 6 and line.index - head <= 3 and \
        not is_offer_heading(doc.lines[head].text) and not other_section(doc.lines[head].text)


def _words(item: str) -> int:
    """Words of an item, a word cut at its hyphen and joined to the next by "und" counting as none ("Alt- und
    Neubau" is one)."""
    return len(re.sub(r"\w-\s+(?:und|oder|u\.)\s+", "", item).split())


def _section_lines(doc: Doc, head: Line) -> Iterator[Line]:
    """Lines under a heading until the next heading of the same or a higher level."""
    level = head.level if 1 <= head.level <= 6 else 7
    lines = doc.lines
    skip_below = 0  # inside a sub-section about something else ("Zahlungsmöglichkeiten", "Unser Team")
    for line in lines[head.index + 1:]:
        if line.region != head.region or (1 <= line.level <= 6 and line.level <= level):
            return
        # A kicker ("Das sollten Sie wissen") right above the next section's heading ends this section too.
        nxt = lines[line.index + 1] if line.index + 1 < len(lines) else None
        if 1 <= line.level <= 6 and nxt is not None and 1 <= nxt.level <= level:
            return
        if level == 7 and line.level == 7:
            return
        if 1 <= line.level <= 6:
            if skip_below and line.level > skip_below:
                continue
            skip_below = line.level if other_section(line.text) else 0
        if skip_below:
            continue
        yield line


def _is_nav_list(doc: Doc, line: Line) -> bool:
    return line.region in ("nav", "header", "footer") or link_line(line)


def is_offer_heading(text: str) -> bool:
    """Whether a text names a section of offers ("Leistungen", "Rechtsgebiete", "Speisekarte")."""
    return bool(_OFFER_HEADING.search(text))


def is_section_name(text: str) -> bool:
    """A heading that names the offer section itself ("Medizinische Leistungen"), not an offer."""
    return len(text.split()) <= 3 and bool(_SECTION_NAME.search(text))


def _offer_heading(doc: Doc, line: Line) -> Line | None:
    """The heading that opens an offer section at this line, or None."""
    if line.tag == "th" and _COLUMN_HEADER.match(line.text):
        return line  # a table's "Kurs" column: its cells name the courses
    if _HOURS_LIKE.search(line.text) or not _OFFER_HEADING.search(line.text) or other_section(line.text):
        return None  # ("Stellenangebote" ends in an offer word but offers jobs)
    if 1 <= line.level <= 7 or (line.text.endswith(":") and len(_last_sentence(line.text)) <= 40):
        return line  # "Unser Service:", and "Wir vertreten … vor Gericht. Unsere Tätigkeitsschwerpunkte:"
    # A "kicker" (short line styled above a heading: "Unser Sortiment" / "Handwerk mit Tradition").
    nxt = doc.lines[line.index + 1] if line.index + 1 < len(doc.lines) else None
    if nxt is not None and 1 <= nxt.level <= 6 and len(line.text.split()) <= 4 and nxt.block is not line.block \
            and not line.in_list and not other_section(nxt.text):
        return nxt
    # A section's name in a plain cell or paragraph ("Unsere Leistungen" in a table layout) heads its list.
    # (not a link: a table layout's menu cell "Leistungen" names the page it links to)
    if is_section_name(line.text) and len(line.text.split()) <= 3 and not line.in_list and not link_line(line):
        return line
    return None


def find_offerings(doc: Doc, offer_page: bool, topic: str | None = None, home: bool = False) -> list[OfferingHit]:
    """Offerings named on a page; `offer_page` for pages about offers, whose `topic` (e.g. "Torten") counts too;
    a `home` page's cards and bare lists count without an offer heading."""
    hits: list[OfferingHit] = []
    seen: set[str] = set()

    def add(text: str, line: int, method: str, conf: float) -> None:
        item = clean_item(text)
        if item is None or (line > 0 and (in_other_block(doc.lines[line]) or _of_price_plan(doc, doc.lines[line]))):
            return
        key = item.lower()
        if key not in seen:
            seen.add(key)
            hits.append(OfferingHit(item, line, method, conf))

    lines = doc.lines
    # 1. Offer sections: a heading (or "Unser Service:" label, or a kicker line right above a heading) naming
    #    offers, then its sub-headings, its list items, or the item names of its price list.
    for line in lines:
        if line.region == "nav" or (len(line.text) > 60 and not line.text.endswith(":")):
            continue
        head = _offer_heading(doc, line)
        if head is None:
            continue
        if head.tag == "th":
            # a table's "Leistung" column: the first cell of each row below names an offer
            for text, idx in _column_below(doc, head):
                add(text, idx, "table", 0.7)
            continue
        section = list(_section_lines(doc, head)) if head.level else list(_following_list(doc, head))
        tabs = tab_titles(section)
        if tabs:
            for text, idx in tabs:
                add(text, idx, "text", 0.75)  # the offers' tabs; their panels tell about each
            continue
        if not section and not head.level:
            # a label styled as text ("UNSERE LEISTUNGEN" in a site builder's paragraph): what follows it
            section = list(_plain_section(doc, head))
        items = _section_items(section)
        for s in items[:60]:
            if s.level and price_plan(lines, s):
                continue
            if not (s.level and is_section_name(s.text)):
                # (a row's first cell that is not its number: "1 | Pizza Margherita | 7,00 €")
                cell = next((c for c in s.text.split(" | ") if not _ITEM_NUMBER.match(c)), "")
                text = s.text if s.level else list_item(_BULLET.sub("", cell))
                add(text, s.index, "heading" if s.level else "text", 0.75)
        if not items:
            # one line of offers set apart by dots or bars ("Hosen kürzen · Reißverschluss ersetzen · …")
            for s in section[:2]:
                parts = [p.strip() for p in _SEPARATED.split(s.text)] if not s.in_table else []
                if len(parts) >= 3 and all(len(p.split()) <= 5 for p in parts):
                    for part in parts:
                        add(part, s.index, "text", 0.7)
        priced: set[int] = set()
        if section:
            for name, idx in _price_list_items(doc, section[0].index, section[-1].index + 1):
                priced.add(idx)
                add(name, idx, "table", 0.5)
        if not items:
            for s in section[:8]:
                if s.index not in priced and (_VERB.search(s.text) or "," in s.text) and \
                        not _WHO_OR_WHERE.search(s.text):
                    for item in _enumeration(s.text):
                        add(item, s.index, "text", 0.6)
    # 2. A whole offer page: its sub-headings, else its list items, plus price-list item names.
    if offer_page:
        if topic and not other_section(topic):
            add(topic, 0, "heading", 0.8)
        main = [ln for ln in lines if ln.region == "main"]
        heads = [(k, ln) for k, ln in enumerate(main) if 2 <= ln.level <= 5]
        if len(heads) >= 3:
            for k, ln in heads:
                # (not the page's own topic "Tätigkeitsbereiche", nor a box beside the offers: "Bürozeiten",
                # "Unsere Partner", "Schnellkontakt", a "Ladenlokal" over an address, a "24h-Notdienst" over a number)
                if not is_section_name(ln.text) and not is_offer_heading(ln.text) and not other_section(ln.text) \
                        and not _over_contact(main, k):
                    add(ln.text, ln.index, "heading", 0.7)
            # ... and the list right under the page's own heading, before its sub-headings ("Leistungen" over a
            # list of the services, then boxes on a loyalty card, the hours, ordering)
            top = next((ln for ln in main if ln.level == 1), None)
            for ln in main:
                if top is not None and ln.heading == top.index and _list_line(doc, ln):
                    add(list_item(ln.text), ln.index, "text", 0.65)
        elif len(folds := [ln for ln in main if fold_title(ln)]) >= 2:
            for ln in folds:
                add(ln.text, ln.index, "heading", 0.65)  # an accordion of the offers, each fold's title one
        else:
            for ln in main:
                if _list_line(doc, ln):
                    add(list_item(ln.text), ln.index, "text", 0.65)
        for name, idx in _price_list_items(doc):
            add(name, idx, "table", 0.7)
    # 3. Headings that enumerate ("Sprachstörungen | Sprechstörungen | Stimmstörungen").
    for line in lines:
        if 1 <= line.level <= 3 and line.region != "nav" and len(_SEPARATED.findall(line.text)) >= 2:
            parts = _SEPARATED.split(line.text)
            parts[0] = _HEAD_PREFIX.sub("", parts[0])
            # (not a tagline of selling points: "Schnell · Sauber · Preiswert")
            if all(len(p.split()) <= 4 for p in parts) and all(looks_like_service(p) for p in parts):
                for p in parts:
                    add(p, line.index, "heading", 0.6)
    # 4. Titles each followed by their text or price (a site builder's page); their texts are no lists of offers.
    described: set[int] = set()
    # (an offer page's own topic, added above, is no reason to stop: its titles name the kinds of it)
    if all(h.line == 0 for h in hits):
        for ln in topic_pairs(doc):
            add(ln.text, ln.index, "text", 0.5)
            described.add(ln.index + 1)
    # 5. Prose: "Wir bieten ... A, B und C an.", "Wir fertigen nach Maß: A, B und C.", "A, B und C – bei uns …"
    for line in lines:
        if line.index in described:
            continue
        if line.region != "main" or line.level or len(line.text) > 600 or line.text.count(",") < 1:
            continue
        if _under_other_section(doc, line):
            continue  # "Wir bieten: übertarifliche Bezahlung, …" in a job ad
        for sentence in _SENTENCE_END.split(line.text):
            if _VERB.search(sentence):
                found = _enumeration(sentence)
            elif ":" not in sentence and (lead := _SERVICE_LEAD.match(sentence)) is not None:
                # (a colon announces the list itself: "Wir kümmern uns um Ihre Textilien: …", read below)
                found = _enumeration(sentence[lead.end():])
            elif not _describes_card(doc, line):
                # (under a card's title the list is its details: "Raufaser, Vlies oder Designtapete – …")
                found = _colon_enumeration(sentence) or _lead_enumeration(sentence)
            else:
                found = []
            for item in found:
                add(item, line.index, "text", 0.5)
    # 6. The menu's sub-menu under "Leistungen"; a home or offer page's cards and bare lists, with no offer heading.
    for text in menu_offers(doc, is_offer_heading):
        add(text, 0, "text", 0.6)
    # (a page whose main heading names its topic, when nothing on it so far is an offer)
    topic_page = not hits and not (home or offer_page) and _topic_page(doc)
    if topic_page:
        # a page about one kind of offer under a heading that names it ("Unsere Führerscheinklassen",
        # "Versicherungen"): its cards, or its list of short items
        # ("Reitunterricht" over an accordion of its kinds: the folds' titles)
        folds = [ln for ln in lines if ln.region == "main" and fold_title(ln)]
        for ln in (*card_headings(doc), *bare_lists(doc), *(folds if len(folds) >= 2 else ())):
            add(list_item(ln.text) if ln.in_list else ln.text, ln.index, "heading" if ln.level else "text", 0.45)
    # (run-in labels, three paragraphs in a row each led by its bold name, are offers on any page with nothing else)
    for text, idx in run_in_labels(doc) if home or offer_page or not hits else ():
        add(text, idx, "text", 0.45)
    if home or offer_page or (topic_page and not hits):
        for ln in priced_categories(doc):
            if not price_plan(lines, ln):
                add(ln.text, ln.index, "heading", 0.45)
    if home or offer_page:
        for ln in (*card_headings(doc), *bare_lists(doc), *captions(doc)):
            if ln.level and (is_section_name(ln.text) or price_plan(lines, ln)):
                continue  # a card that leads to the offers' page ("Kurse") or a price plan, not an offer
            add(list_item(ln.text) if ln.in_list else ln.text, ln.index, "heading" if ln.level else "text", 0.45)
    return hits


def _list_line(doc: Doc, ln: Line) -> bool:
    """Whether a line names an item of a list on the page: not a menu's, not the text under an item's name."""
    if not ln.in_list or _is_nav_list(doc, ln):
        return False
    return ln.index == 0 or not continues_item(doc.lines[ln.index - 1], ln)


def _of_price_plan(doc: Doc, line: Line) -> bool:
    """Whether a line is a price plan's title ("PREMIUM" over "39,90 € / Monat") or one of its features."""
    if line.level and price_plan(doc.lines, line):
        return True
    head = line.heading
    return 0 <= head < line.index and line.index - head <= 12 and price_plan(doc.lines, doc.lines[head])


def _topic_page(doc: Doc) -> bool:
    """Whether a page's main heading names a topic that may be an offer: not Kontakt, Team, News, Impressum …"""
    top = next((ln for ln in doc.lines if ln.level == 1 and ln.region == "main"), None)
    return top is not None and not other_section(top.text) and not _NOT_OFFER.search(top.text)


def _column_below(doc: Doc, th: Line) -> Iterator[tuple[str, int]]:
    """The cells under a header cell: its column in each following row of the table."""
    column = sum(1 for _ in th.block.itersiblings(preceding=True))
    for line in doc.lines[th.index + 1:th.index + 80]:
        if not line.in_table:
            return
        if line.level == 7:
            continue  # the header row's other cells
        cells = line.text.split(" | ")
        if column < len(cells):
            yield cells[column], line.index


def _over_contact(section: list[Line], k: int) -> bool:
    """Whether the few lines under the heading at `section[k]`, up to the next one, give an address or a phone
    number."""
    body = itertools.takewhile(lambda ln: not ln.level, section[k + 1:k + 4])
    return any(CARD_CONTACT.search(ln.text) for ln in body)


def _section_items(section: list[Line]) -> list[Line]:
    """The lines of an offer section that name one offer each, by the first structure the section has: sub-headings
    (cards, accordions), definition terms, the summaries of <details>, list items (linked ones too: under an offer
    heading a list of links to the offers' own pages names the offers), or a list written as lines (bullets typed,
    or one offer per <br>)."""
    # (not the titles of a block of counters, reviews or team cards: "250+ Projekte", "15 Jahre Erfahrung")
    subheads = [(k, s) for k, s in enumerate(section) if 1 <= s.level <= 6 and not in_other_block(s)]
    listed = [s for k, s in enumerate(section) if s.in_list and s.region not in ("nav", "header", "footer")
              and not (k > 0 and continues_item(section[k - 1], s))]
    if len(subheads) >= 2:
        # (not a side box over an address or a number: "Ladenlokal", "24h-Notdienst"; and also where each heads a
        # list: a menu's categories are what a directory lists, not every dish)
        return [s for k, s in subheads if not _over_contact(section, k)]
    terms = [s for s in section if s.tag == "dt"]
    if len(terms) >= 2:
        return terms
    folds = [s for s in section if fold_title(s)]
    if len(folds) >= 2:
        return folds  # an accordion of <details>: each <summary> names one offer
    if listed:
        return listed
    if section and all(s.in_table and not s.level for s in section):
        # the rows of a table under the label (their first cells are read); not the text under a dish's name in
        # its cell, which runs on into the row's price ("Pizza Margherita" / "Tomaten, Mozzarella | 7,00 €")
        rows: set[html.HtmlElement] = set()
        out: list[Line] = []
        for s in section:
            row = enclosing(s, "tr")
            if row is None or row not in rows or not _PRICE.search(s.text):
                out.append(s)
            if row is not None:
                rows.add(row)
        return out
    titles = [s for s in section if not s.level and _is_title_line(s)]
    return titles if len(titles) >= 2 else _line_list(section)


# The title bar of one fold of an accordion or toggle (Bootstrap, Elementor, Divi, jQuery UI, Typo3 themes).
_FOLD_CLASS = re.compile(r"accordion-(?:header|title|button|heading|toggle)|toggle-title|et_pb_toggle_title|"
                         r"elementor-(?:tab|accordion|toggle)-title|panel-title|collapse-title|ui-accordion-header",
                         re.IGNORECASE)


def fold_title(line: Line) -> bool:
    """Whether a line is the title of one fold of an accordion (a <summary>, or a block classed as one), not a
    question of an FAQ."""
    if line.text.endswith("?") or len(line.text.split()) > MAX_LINE_ITEM_WORDS:
        return False
    if line.tag == "summary":
        return True
    # (Bootstrap's markup names no accordion in its classes: the fold's button or link says what it opens)
    for node in itertools.islice(line.block.iter("button", "a"), 2):
        if "collapse" in (node.get("data-toggle") or node.get("data-bs-toggle") or ""):
            return True
    el = line.block
    for _ in range(3):
        if el is None:
            return False
        cls = el.get("class")
        if cls and ("accordion" in cls or "toggle" in cls or "title" in cls) and _FOLD_CLASS.search(cls):
            return True
        el = el.getparent()
    return False


def _is_title_line(line: Line) -> bool:
    """A card's title set apart without a heading tag: the line is all one bold element ("<p><strong>Implantate
    </strong></p>") or one element classed as a title ("<span class='card-title'>Heizung</span>")."""
    text = line.text.strip()
    if not text or len(text.split()) > MAX_LINE_ITEM_WORDS or text.endswith("."):
        return False
    # (the first few elements only: a line's block can be a whole page of tag soup)
    for el in itertools.islice(line.block.iter("strong", "b", "span", "div", "p", "a"), 12):
        if el is line.block and el.tag not in ("strong", "b"):
            continue
        if (el.tag in ("strong", "b") or _TITLE_CLASS.search(el.get("class") or "")) \
                and " ".join(el.text_content().split()) == text:
            return True
    return False


def _line_list(section: list[Line]) -> list[Line]:
    """Offers written one per line without <li>: typed bullets ("• Brillenreparatur"), or at least three short lines
    of one paragraph broken by <br> ("Schnittblumen<br>Brautsträuße<br>Trauerfloristik")."""
    # A line followed by its price is a price list's row ("- ANSATZ" / "ab 57,-" under "COLORATION"): a variant of
    # the category above it, which the price-list reader names; it is not an offer of its own.
    priced = {a.index for a, b in itertools.pairwise(section) if _ONLY_PRICE.match(b.text)}
    plain = [s for s in section if not s.level and s.index not in priced]
    bullets = [s for s in plain if _BULLET.match(s.text)]
    if len(bullets) >= 2:
        return bullets
    runs: dict[int, list[Line]] = {}
    for s in plain:
        if not s.in_table:
            runs.setdefault(id(s.block), []).append(s)
    for run in runs.values():
        if len(run) >= 3 and all(_short_line(s) for s in run):
            return run
        if len(run) >= 3 and any(CONTACT_DATA.search(s.text) for s in run):
            plain = [s for s in plain if s not in run]  # an address block: its name line is no offer either
    titled = _titled_paragraphs(plain)
    if titled:
        return titled
    # One offer per element, one after the other (page builders' text widgets, image captions, tab titles); not
    # in a price list, whose short lines are categories and variants for the price-list reader
    if any(_PRICE.search(s.text) for s in section):
        return []
    run = []
    for s in plain:
        if s.in_table or not _short_line(s) or (run and s.index != run[-1].index + 1):
            if len(run) >= 3:
                break
            run = [s] if not s.in_table and _short_line(s) else []
        else:
            run.append(s)
    return _card_titles(run) if len(run) >= 3 else []


def _titled_paragraphs(lines: list[Line]) -> list[Line]:
    """Offers each written as a short title line with a sentence under it ("Krankengymnastik" / "Aktive und passive
    Übungen zur …."): the titles, when at least three follow one another that way."""
    # (the line under a title may end in its price: "Biometrisch, in 5 Minuten – 14,90 €")
    titles = [a for a, b in itertools.pairwise(lines) if b.index == a.index + 1 and _short_line(a) and
              (b.text.endswith((".", "!")) or (_PRICE.search(b.text) and not _ONLY_PRICE.match(b.text))) and
              len(b.text.split()) >= max(3, len(a.text.split()) + 1)]
    return titles if len(titles) >= 3 else []


def _card_titles(run: list[Line]) -> list[Line]:
    """The titles of a run of short lines: where the lines come in cards (a title and its tagline in one box:
    "Vanille" / "Cremige Bourbon-Vanille"), each card's first line; and not a kicker ending the run."""
    groups: dict[html.HtmlElement, list[Line]] = {}
    for s in run:
        groups.setdefault(s.block.getparent(), []).append(s)  # (the element itself: a dropped proxy's id is reused)
    sizes = [len(g) for g in groups.values()]
    # Cards hold two or three lines each; a container with more is a list of its own (tab titles in one bar).
    if sum(n >= 2 for n in sizes) >= 2 and max(sizes) <= 3:
        # (a line outside any card is a kicker or a note beside them: "Eis Events" above the next heading)
        return [g[0] for g in groups.values() if len(g) >= 2]
    return run


def _short_line(line: Line) -> bool:
    text = line.text
    # (a teaser trailing off, "Ob Sportflitzer …", is no offer either; nor an address block's lines)
    return len(text.split()) <= MAX_LINE_ITEM_WORDS and not text.endswith((".", "!", "?", ":", "…")) and \
        not text.startswith(("…", "...")) and not _HOURS_LIKE.search(text) and not CONTACT_DATA.search(text)


def _last_sentence(text: str) -> str:
    return _SENTENCE_END.split(text)[-1]


def _plain_section(doc: Doc, label: Line) -> Iterator[Line]:
    """The lines after a label styled as text, up to the next heading or the next such label ("Öffnungszeiten")."""
    for line in doc.lines[label.index + 1:label.index + 41]:
        if line.level or line.region != label.region or (len(line.text.split()) <= 3 and (
                is_section_name(line.text) or other_section(line.text))):
            return
        yield line


def _following_list(doc: Doc, label: Line) -> Iterator[Line]:
    """The list right after an "Unser Service:" label line: list items, lines of typed bullets, or a table's rows,
    whichever comes first, as long as it goes on (a table layout's later cells are no part of a bullet list)."""
    kind = None
    for line in doc.lines[label.index + 1:label.index + 80]:
        this = "list" if line.in_list else "bullet" if not line.level and _BULLET.match(line.text) else \
            "row" if not line.level and line.in_table else None
        if this is not None and kind in (None, this):
            kind = this
            yield line
        elif kind is not None or line.level:
            return


def _row_start(doc: Doc, line: Line) -> Line | None:
    """The first line of the table row a line ends, when the row has more than one line (a dish's name over its
    description, the price in the row's last cell)."""
    row = enclosing(line, "tr") if line.in_table else None
    span = doc.spans.get(row) if row is not None else None
    if span is None or span[0] >= line.index:
        return None
    return doc.lines[span[0]]


def _price_list_items(doc: Doc, first: int = 0, end: int | None = None) -> list[tuple[str, int]]:
    """Names of the rows of a price list or menu: the first text of the smallest element holding a price line,
    and the short category line standing right before a row ("DAMEN", "COLORATION")."""
    out: list[tuple[str, int]] = []
    used: set[int] = set()
    rows: list[tuple[int, int]] = []
    for line in doc.lines[first:end]:
        if line.region != "main" or not _PRICE.search(line.text):
            continue
        if not _ONLY_PRICE.match(line.text):
            above = doc.lines[line.index - 1] if line.index > 0 else None
            if above is not None and above.level and not _PRICE.search(above.text) and _sole_price(doc, line.index) \
                    and not is_offer_heading(above.text) and not other_section(above.text):
                # "Wimpernlifting" over "45 Min. 49 €" or "Reinigung, Peeling, Maske – 60 Min. 59 €": the line
                # prices and describes the heading above it, which is the offer (a category heading, "Damen",
                # has several priced rows under it)
                if above.index not in used:
                    used.add(above.index)
                    out.append((above.text, above.index))
                used.add(line.index)
                continue
            first_line = _row_start(doc, line) or line
            name = _DURATION.sub("", _PRICE.sub("", first_line.text)).strip(" .:-–,")
            if first_line is not line:
                # "Pizza Margherita" <br> "Tomaten, Mozzarella, Basilikum | 7,00 €": the row's first line names it
                name = " ".join(c for c in name.split(" | ") if not _ITEM_NUMBER.match(c)).strip()
            if name and line.index not in used and first_line.index not in used:
                used.update((line.index, first_line.index))
                out.append((name, first_line.index))
            continue
        node = line.block
        for _ in range(4):
            span = doc.spans.get(node)
            if span is not None:
                names = [doc.lines[i] for i in range(span[0], span[1])
                         if not _ONLY_PRICE.match(doc.lines[i].text) and not doc.lines[i].text.isdigit()]
                if names:
                    if span not in rows:
                        rows.append(span)
                    name_line = next((n for n in names if not _ROW_NOISE.match(n.text)), None)
                    # "- ANSATZ" under "COLORATION" is a variant of the category above, which is taken instead.
                    if name_line is not None and name_line.text.startswith(("-", "–")):
                        used.add(name_line.index)
                        name_line = None
                    if name_line is not None and name_line.index not in used:
                        used.add(name_line.index)
                        out.append((name_line.text, name_line.index))
                    break
            parent = node.getparent()
            if parent is None:
                break
            node = parent
    row_lines = {i for a, b in rows for i in range(a, b)}
    for a, _b in rows:
        prev = a - 1
        if prev < 0 or prev in row_lines or prev in used:
            continue
        cat = doc.lines[prev]
        if cat.region == "main" and len(cat.text.split()) <= 4 and not _PRICE.search(cat.text) and cat.level != 1:
            used.add(prev)
            out.append((cat.text, prev))
    return out


def _sole_price(doc: Doc, idx: int) -> bool:
    """Whether the priced line at `idx` is the only one before the next heading."""
    for line in doc.lines[idx + 1:idx + 12]:
        if line.level:
            return True
        if _PRICE.search(line.text):
            return False
    return True


# (and hours, not the "24h" of a "24h-Notdienst")
# (not one that opens a bracket of details: "Business-Porträt (30 Min. Shooting, 3 Bilder)" keeps it)
_DURATION = re.compile(r"\s*(?<![(\d])" + _DURATION_WORDS.format(r"|h(?![-\w])"), re.IGNORECASE)
_ROW_NOISE = re.compile(r"^(?:ab\s\d|\d+\s?(?:stück|stk|kugel|jahre|jahren)\b|klein$|groß$|gross$)", re.IGNORECASE)
