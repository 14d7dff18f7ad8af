"""Offers a home page shows without naming them as such: a grid of cards with a heading each, and a bare list.

Small businesses often put their services right under the greeting: "Wohnen mit Stil" and then four cards
"Polsterei", "Gardinen", "Sonnenschutz", "Bodenbeläge", or a list of five services, with no "Leistungen" heading.
Site builders have more: titles each followed by their text or price as styled paragraphs (Wix, Jimdo), a menu's
categories each over priced dishes without a "Speisekarte" heading, paragraphs led by a bold label ("Weinproben:
…"), and short lines broken by <br> in one paragraph. These layouts are read on a home or offer page, or on a page
whose main heading names its topic when nothing else on it is an offer; each candidate must look like a service:
short, no sentence, no call to action, no contact data or hours under it, and not a section every site has
(Kontakt, Öffnungszeiten, Über uns, Team, Warum wir?). The menu's "Leistungen" entry with a sub-menu of services
names them too, on every page.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from lxml import html

from marktplatz.crawler.parsing.dom import Doc, Line
from marktplatz.crawler.parsing.schedules import names_a_class

# Headings of the parts of a page that are not about offers.
_OTHER_SECTION = re.compile(
    r"öffnungszeit|oeffnungszeit|geschäftszeit|sprechzeit|sprechstunde|bürozeit|\bzeiten\b|kanzleizeit|praxiszeit|"
    r"ladenzeit|servicezeit|telefonzeit|annahmezeit|abholzeit|besuchszeit|"
    r"kontakt(?:\b|daten|formular|aufnahme)|kursplan|stundenplan|anfahrt|\badresse|anschrift|so finden sie|"
    r"standort|über uns|ueber uns|über mich|team\b|\bartists?\b|mitarbeiter|wer wir sind|"
    # (the people: "Unsere Lehrkräfte", "Therapeutinnen und Therapeuten", "Ansprechpartner")
    r"lehrkräfte|lehrer(?:innen)?\b|dozent(?:en|innen)\b|therapeut(?:en|innen)\b|ansprechpartner|unsere trainer|"
    r"unsere ärzt|ärzteteam|"
    r"wir über uns|warum|vorteil|zahlung|\bnews\b|aktuell|neuigkeit|\btermine\b|"
    r"download|\blinks\b|\bpartner\b|\bmarken\b|markenpartner|\bhersteller\b|\bablauf\b|so funktioniert|"
    r"schritt für schritt|in \w+ schritten|so arbeiten wir|einsatzgebiet|liefergebiet|servicegebiet|einzugsgebiet|"
    r"mitbringen|checkliste|"
    r"referenz|\bkunden\b|kundenstimme|\bbewertung|\bjobs?\b|karriere|\bstellen|"
    r"stellenangebot|bewerb|ausbildung|impressum|datenschutz|rechtlich|\bfaq\b|\bfragen\b|zertifi|auszeichnung|"
    r"mitglied|geschichte|philosophie|galerie|impression|\bpresse\b|newsletter|social|folgen sie|besuchen sie|"
    r"rufen sie|schreiben sie|urlaub|\bferien\b|hinweis|wichtig|sitemap|\bmenü\b|navigation|cookie|einstellungen",
    re.IGNORECASE)
# Selling points and greetings shown as cards: no offers.
_NOT_SERVICE = re.compile(
    r"\b(?:sie|ihr|ihre|ihren|ihrem|uns|wir|unser|unsere|ich|mein|meine)\b|[?!:]$|qualität|erfahrung|zuverlässig|"
    r"kompeten|\bfair|termintreu|pünktlich|schnell|persönlich|vertrauen|garantie|zufrieden|nachhaltig|tradition|"
    r"\b(?:sauber|preiswert|günstig|flexibel|freundlich|transparent|ehrlich|sorgfältig)\b|"
    r"meisterbetrieb|familienbetrieb|willkommen|seit \d|jahre|\d{4}|parkpl|barriere|kartenzahl|\bwlan\b|"
    r"\b(?:dr|prof|dipl)\.|\bherr\b|\bfrau\b", re.IGNORECASE)
# The text of a person's card ("Inhaberin", "Kfz-Meister"): a team member, not a service.
_ROLE = re.compile(r"inhaber|geschäftsführ|meister(?:in)?\b|gesell(?:e|in)\b|mitarbeiter|auszubildend|azubi|"
                   r"fachkraft|assisten|angestellt|(?:\b|praxis|filial|büro|team|bereichs|geschäfts)leitung|"
                   r"\(m/w/d\)", re.IGNORECASE)
_ADDRESS_OR_PHONE = r"\b\d{5}\s+[A-ZÄÖÜ]|@|\(at\)|\[at\]|\btel\b|telefon|\+49|\b0\d{2,5}\s?[/-]?\s?\d{3}"
# A card may tell its times ("Jeden Sonntag 10–14 Uhr"); an address or a phone number makes it a widget.
CARD_CONTACT = re.compile(_ADDRESS_OR_PHONE, re.IGNORECASE)
# Lines naming a service carry neither contact data nor times.
CONTACT_DATA = re.compile(_ADDRESS_OR_PHONE + r"|\d{1,2}[:.]\d{2}\s?(?:uhr|-|–)|\buhr\b", re.IGNORECASE)
MAX_WORDS = 5
MAX_CARD_LINES = 4


def link_line(line: Line) -> bool:
    """Whether a line is all one link (a menu entry rather than a list item of text)."""
    return bool(line.links) and len(line.links[0][1]) >= len(line.text) - 2


@lru_cache(maxsize=8192)
def other_section(text: str) -> bool:
    """Whether a heading names a part of a page that is not about offers (Kontakt, Öffnungszeiten, Team …)."""
    return bool(_OTHER_SECTION.search(text))


_TRAILING_PRICE = re.compile(r"\s*[–-]?\s*(?:ab\s)?\d[\d.,]*\s?(?:€|eur\b|euro\b)\s*$", re.IGNORECASE)


def looks_like_service(text: str, max_words: int = MAX_WORDS) -> bool:
    """Whether a short text can name a service: not a selling point ("Schnell", "Zuverlässig"), a section or
    contact data."""
    t = text.strip()
    # (a price after the name, "Sargschmuck / Sargbukett – ab 89 €", and lone dashes or slashes are no words of it)
    words = [w for w in _TRAILING_PRICE.sub("", t).split() if any(ch.isalnum() for ch in w)]
    return 3 <= len(t) <= 60 and len(words) <= max_words and not t.endswith(".") and \
        not _NOT_SERVICE.search(t) and not _OTHER_SECTION.search(t) and not CONTACT_DATA.search(t)


def card_headings(doc: Doc) -> Iterator[Line]:
    """Headings of a grid of at least three cards: headings of one level, each followed by at most a few lines of
    description (no contact data, no hours: those are the footer's widgets)."""
    run: list[Line] = []
    for head in doc.lines:
        if not 1 <= head.level <= 6:
            continue
        if run and (head.level != run[-1].level or head.index - run[-1].index - 1 > MAX_CARD_LINES):
            yield from _grid(doc, run)
            run = []
        if 2 <= head.level <= 5 and head.region == "main":
            run.append(head)
        elif run:  # another kind of heading between two cards ends the grid
            yield from _grid(doc, run)
            run = []
    yield from _grid(doc, run)


def _grid(doc: Doc, run: list[Line]) -> Iterator[Line]:
    if len(run) < 3:
        return
    above = run[0].heading
    if above >= 0 and _OTHER_SECTION.search(doc.lines[above].text) and not doc.boxed_away(doc.lines[above], run[0]):
        return  # the team's cards under "Unser Team", the branches under "Standorte"
    cards = []
    # The last card's text ends where the others' do: what follows the grid (a footer's address) is not its own.
    length = max((b.index - a.index for a, b in itertools.pairwise(run)), default=MAX_CARD_LINES + 1)
    for i, head in enumerate(run):
        end = run[i + 1].index if i + 1 < len(run) else head.index + length
        body = [ln for ln in doc.lines[head.index + 1:end] if ln.level == 0]
        if looks_like_service(head.text) and not any(CARD_CONTACT.search(ln.text) or _ROLE.search(ln.text)
                                                      for ln in body):
            cards.append(head)
    # a flip box writes each card's title twice, front and back
    distinct = {c.text.lower() for c in cards}
    if len(distinct) >= 3:
        yield from cards


def captions(doc: Doc) -> Iterator[Line]:
    """A row of image captions naming services (a home page's picture tiles): at least three, most of them."""
    runs: list[list[Line]] = []
    for ln in doc.lines:
        if ln.tag == "figcaption" and ln.region == "main":
            if runs and runs[-1][-1].index == ln.index - 1:
                runs[-1].append(ln)
            else:
                runs.append([ln])
    for run in runs:
        good = [r for r in run if looks_like_service(r.text, MAX_WORDS + 1)]
        if len(good) >= 3 and 3 * len(good) >= 2 * len(run):
            yield from good


_PRICE_TEXT = re.compile(r"\d\s?(?:€|eur\b|euro\b)|€\s?\d|\d,-", re.IGNORECASE)


def topic_pairs(doc: Doc) -> Iterator[Line]:
    """A page about one kind of offer, written as titles each followed by its description or price and nothing
    else (a site builder's styled paragraphs: "Unsere Massagen" / "Hot-Stone-Massage" / "75 Min. 79 €" / …): the
    titles, when the page's main heading names no other topic and at least three such pairs follow it."""
    main = [ln for ln in doc.lines if ln.region == "main"]
    top = next((ln for ln in main if ln.level == 1), None)
    if top is not None and other_section(top.text):
        return
    # (a site builder's page may have no heading element at all: then the whole main part)
    body = [ln for ln in main if top is None or ln.index > top.index]
    pairs = [a for a, b in itertools.pairwise(body) if b.index == a.index + 1 and
             looks_like_service(a.text) and not _ROLE.search(b.text) and not CARD_CONTACT.search(b.text) and
             (_PRICE_TEXT.search(b.text) or (b.text.endswith((".", "!")) and len(b.text.split()) >= 2))]
    # the longest run of them line after line: a title, its text, the next title …
    runs: list[list[Line]] = []
    for ln in pairs:
        if runs and ln.index - runs[-1][-1].index == 2:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    best = max(runs, key=len, default=[])
    # (headings of its own before or among them: the sections' readers look at those)
    if len(best) >= 3 and not any(ln.level for ln in body if ln.index <= best[-1].index + 1):
        yield from best


def priced_categories(doc: Doc) -> Iterator[Line]:
    """A menu without a "Speisekarte" heading: at least three headings of one level, each over its own priced
    dishes ("Currywurst & Pommes" / "Currywurst 3,50 €" …): the headings are the categories a directory lists."""
    heads = [ln for ln in doc.lines if 2 <= ln.level <= 5 and ln.region == "main"]
    run: list[Line] = []
    for head, nxt in itertools.zip_longest(heads, heads[1:]):
        end = nxt.index if nxt is not None else min(len(doc.lines), head.index + 30)
        body = doc.lines[head.index + 1:end]
        priced = bool(body) and len(body) <= 30 and any(_PRICE_TEXT.search(ln.text) for ln in body) and \
            not any(CARD_CONTACT.search(ln.text) for ln in body) and looks_like_service(head.text)
        if priced and (not run or run[-1].level == head.level):
            run.append(head)
            continue
        if len(run) >= 3:
            yield from run
        run = [head] if priced else []
    if len(run) >= 3:
        yield from run


def run_in_labels(doc: Doc) -> Iterator[tuple[str, int]]:
    """Paragraphs that each begin with a bold label and its colon ("<b>Weinproben:</b> Jeden ersten Freitag …"), a
    dash ("<b>Lieferservice</b> – bis 11 Uhr bestellt …") or the sentence it starts ("<b>Tischdekoration</b> für
    Feiern …"), at least three one after another: the labels."""
    run: list[tuple[str, int]] = []
    for ln in doc.lines:
        label = _run_in_label(ln, doc.heading_text)
        if label is not None and (not run or ln.index - run[-1][1] <= 2):
            run.append((label, ln.index))
            continue
        if len(run) >= 3:
            yield from run
        run = [(label, ln.index)] if label is not None else []
    if len(run) >= 3:
        yield from run


# What follows a run-in label that has no colon: a dash and its remark, or the label's sentence going on in lower case
_AFTER_LABEL = re.compile(r"\s*[–—-]\s+\S|\s+[a-zäöüß]")


def _run_in_label(line: Line, doc_heading: Callable[[Line], str]) -> str | None:
    if line.level or line.region != "main" or line.in_table:
        return None
    # (the bold text that starts this line: lines cut by <br> share one paragraph, each with its own label)
    label = next((t for b in line.block.iter("b", "strong") if (t := " ".join(b.text_content().split()))
                  and line.text.startswith(t.rstrip(": "))), None)
    if label is None:
        return None
    colon = label.endswith(":") or line.text.startswith(label + ":")
    if not colon and not _AFTER_LABEL.match(line.text, len(label)):
        return None
    if line.heading >= 0 and other_section(doc_heading(line)):
        return None  # "Registergericht:", "Inhaber:" in an Impressum section
    label = label.rstrip(": ")
    if not line.text.startswith(label) or len(line.text) <= len(label) + 8 or not looks_like_service(label, 4):
        return None
    return label


# A price per period under a card's title: the title names a plan ("Premium" / "34,90 € /Monat").
_PER_PERIOD = re.compile(r"(?:/|\bpro\s|\bje\s|\bim\s)\s?(?:monat|woche|jahr|quartal)|monatlich|\bmtl\.",
                         re.IGNORECASE)
# Blocks whose class or id says what they hold: people, reviews, news, jobs, partners, payment methods.
_OTHER_BLOCK = re.compile(r"(?:^|[\s_-])(?:team|staff|mitarbeiter|person|testimonials?|reviews?|bewertung\w*|news|"
                          r"blog|jobs?|karriere|partner|payment|zahlung\w*|social|counters?|stats|statistics?|facts|"
                          r"fakten|kennzahlen)(?:$|[\s_-])",
                          re.IGNORECASE)


def price_plan(lines: list[Line], head: Line) -> bool:
    """Whether a card's title names a price plan: its next line is a price per period ("34,90 € /Monat")."""
    return head.index + 1 < len(lines) and _per_period_price(lines[head.index + 1].text)


@lru_cache(maxsize=8192)
def _per_period_price(text: str) -> bool:
    return ("€" in text or "eur" in text.lower()) and bool(_PER_PERIOD.search(text))


def in_other_block(line: Line) -> bool:
    """Whether a line stands in an element classed as people, reviews, news, jobs or payment ("team-member")."""
    el = line.block
    for _ in range(6):
        if el is None or el.tag in ("main", "body", "article"):
            return False
        if _OTHER_BLOCK.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
        el = el.getparent()
    return False


def tab_titles(section: list[Line]) -> list[tuple[str, int]]:
    """The titles of a tab bar (elements with role="tab") in a section, when there are at least two."""
    out: list[tuple[str, int]] = []
    seen: set[int] = set()
    for s in section[:12]:
        if id(s.block) in seen:
            continue
        seen.add(id(s.block))
        for el in s.block.iter():
            if el.get("role") == "tab":
                text = " ".join(el.text_content().split())
                if text:
                    out.append((text, s.index))
    return out if len(out) >= 2 else []


def continues_item(prev: Line, line: Line) -> bool:
    """Whether a list line is the text under the name of the <li> the line before it started ("Lahmacun" <br>
    "türkische Pizza …", a price list widget's description paragraph)."""
    return prev.in_list and line.in_list and (item := enclosing(line, "li")) is not None and \
        enclosing(prev, "li") is item


def enclosing(line: Line, *tags: str) -> html.HtmlElement | None:
    """The nearest element of the kinds given that a line stands in: its list item, its table row, its list."""
    return line.block if line.block.tag in tags else next(line.block.iterancestors(*tags), None)


def bare_lists(doc: Doc) -> Iterator[Line]:
    """Items of a list of at least three short services that no offer heading introduces (under the greeting, or
    under a heading of its own like "Führerscheinklassen"), outside navigation and the page's edges; a list made
    of <br> lines in one paragraph counts too."""
    # (keyed by the elements themselves: the id of a parent proxy that is not kept can be reused by the next one)
    groups: dict[html.HtmlElement, list[Line]] = {}
    for ln in doc.lines:
        if ln.in_list and ln.region == "main" and not link_line(ln):
            if ln.index > 0 and continues_item(doc.lines[ln.index - 1], ln):
                continue
            # (the list itself, also when each item's text is a paragraph of its own: <li><p>…</p></li>)
            groups.setdefault(next(ln.block.iterancestors("ul", "ol"), ln.block.getparent()), []).append(ln)
        elif not ln.in_table and not ln.level and ln.region == "main" and not ln.links and ln.tag == "p":
            # a paragraph of lines broken by <br>: "Absätze erneuern<br>Neue Sohlen<br>Gravuren"
            groups.setdefault(ln.block, []).append(ln)
    for items in groups.values():
        # (one selling point or sentence among them makes it a list of reasons, not of services)
        # (a remark in brackets is no part of what the item names: "Adventskränze (auch nach Ihren Wünschen)")
        if len(items) < 3 or not all(looks_like_service(_BRACKETED.sub("", ln.text), MAX_WORDS + 1) for ln in items):
            continue
        head = items[0].heading
        # (a greeting that is a sentence names no section: "Urlaub beginnt bei uns." over a travel agency's list)
        if head >= 0 and _OTHER_SECTION.search(doc.lines[head].text) and not doc.lines[head].text.endswith("."):
            continue
        yield from items


def menu_offers(doc: Doc, is_offer_label: Callable[[str], bool]) -> list[str]:
    """The entries of a menu's sub-menu under an offer label ("Leistungen" › "Heizung", "Sanitär", "Solartechnik")."""
    out: list[str] = []
    for item in doc.root.xpath("//li[ul or ol]")[:40]:
        links = item.xpath("./a | ./span | ./div/a")
        label = " ".join((links[0].text_content() if links else (item.text or "")).split())
        if not label or len(label.split()) > 3 or not is_offer_label(label):
            continue
        for sub in item.xpath("./ul/li | ./ol/li")[:30]:
            entry = sub.xpath("./a | ./span")
            text = " ".join((entry[0].text_content() if entry else sub.text_content()).split())
            if text and text not in out and looks_like_service(text, MAX_WORDS + 1):
                out.append(text)
    return out


_TIME_RANGE = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:uhr\s*)?(?:-|–|—|bis)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uhr)?",
                         re.IGNORECASE)
_BRACKETED = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def class_names(lines: list[Line]) -> list[str]:
    """The classes a timetable (Kursplan) names, once each: "9:30 – 10:45 Hatha Yoga (Svenja)" → "Hatha Yoga"; in a
    table row the first cell that names a class (the next one is usually the teacher)."""
    out: dict[str, str] = {}
    for line in lines:
        for cell in line.text.split(" | "):
            name = _class_name(_TIME_RANGE.sub(" ", cell))
            if name:
                out.setdefault(name.lower(), name)
                break
    return list(out.values())


def _class_name(text: str) -> str | None:
    """The class a timetable's cell or line names, without the remark in brackets (the teacher), or None."""
    name = _BRACKETED.sub("", text).strip(" ,;:-–·")
    return name if names_a_class(name) and looks_like_service(name) and not CONTACT_DATA.search(name) else None


# A time standing alone on its line ("19:15", "18:00 – 19:00 Uhr"): a timetable slot, its class on the next line
_LONE_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*(?:uhr)?\s*[-–]\s*\d{1,2}[:.]\d{2})?\s*(?:uhr)?\s*$", re.IGNORECASE)


def slot_classes(doc: Doc) -> list[str]:
    """The classes of a timetable laid out as slots, a time on one line and the class on the next ("19:15" /
    "Indoor Cycling" / "mit Sandra"), once each; at least two."""
    out: dict[str, str] = {}
    for a, b in itertools.pairwise(doc.lines):
        if a.region != "main" or b.region != "main" or b.level or not _LONE_TIME.match(a.text):
            continue
        name = _class_name(b.text)
        if name:
            out.setdefault(name.lower(), name)
    return list(out.values()) if len(out) >= 2 else []
