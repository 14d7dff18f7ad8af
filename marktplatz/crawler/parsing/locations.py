"""Location blocks: the part of a page that belongs to one address (a branch card, an Impressum entry).

On a page naming several addresses with their own phones or hours (a bakery's "Filialen" page, a branch list in the
Impressum), each address owns the largest element around it that contains no other address. Numbers and schedules
inside such a block belong to that location, not to the business as a whole; the site merge later decides which
location is the business's own. Repeated cards with a schedule but no postcode (a home-page branch teaser) are
location blocks too. Third-party blocks (chamber, insurer, web designer) are flagged so nothing is taken from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lxml import html

from marktplatz.crawler.pages.record import Address
from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.address import AddressHit, address_key
from marktplatz.crawler.parsing.dom import Doc, Line

# (an insurer by its name or role: an insurance agency's own lines name "Versicherungen" too)
_STRONG_THIRD = re.compile(r"kammer|versicherung\s+(?:ag|se|a\.\s?g\.|vvag|gmbh)\b|versicherer|berufshaftpflicht|"
                           r"webdesign|web-design|websiteanpassung|webagentur|internetagentur|hosting|hoster\b|"
                           r"datenschutzbeauftragte|aufsichtsbehörde|aufsicht\w* behörde|datenschutzbehörde|"
                           r"landesbeauftragte|"
                           r"(?<![\w-])(?-i:IHK|HWK)(?![\w-])|erteilt durch|insolvenzabsicherung|"
                           r"reisesicherungsfonds|sicherungsschein|kundengeldabsicherung|"
                           r"beauftragte\w* für (?:den )?datenschutz|"
                           r"design by|designed by|(?:website|webseite|homepage|site|web) by|realisiert von|"
                           r"erstellt von|umgesetzt von|gemacht von|made by|webmaster\s*:|schlichtungsstelle|"
                           r"(?:realisierung|umsetzung|gestaltung|"
                           r"konzeption|programmierung|technische betreuung|design)(?:\s*(?:&|und)\s*\w+)?\s*:|"
                           # "Gestaltung und Pflege dieser Seiten:", "Erstellung des Internetauftritts:"
                           r"(?:gestaltung|pflege|betreuung|erstellung|realisierung|umsetzung)\b[^:]{0,30}\b"
                           r"(?:seiten|website|webseite|homepage|internetseiten?|internetauftritts?)\s*:|"
                           r"(?:website|webseite|homepage)\s*:\s*(?!www\.|https?://)(?-i:[A-ZÄÖÜ])|"
                           r"registergericht|finanzamt|amtsgericht|"
                           # the business's own advisers named in the Impressum ("Steuerberatung: Kanzlei Hein, Tel.")
                           r"^(?:steuerberatung|steuerberater(?:in)?|buchhaltung|lohnbuchhaltung)\s*:",
                           re.IGNORECASE)
# A block's label naming another's role ("Webdesign & Betreuung", "Zuständige Kammer", "Datenschutzbeauftragter")
# (not a person's qualification: "Versicherungsfachmann (IHK)")
_BLOCK_THIRD = re.compile(r"webdesign|web-design|webagentur|internetagentur|hosting|hoster\b|kammer\b|"
                          r"datenschutzbeauftragte|aufsichtsbehörde|aufsicht\w* behörde|schlichtungsstelle",
                          re.IGNORECASE)
_ADDRESSES = re.compile(r"\S+@\S+|\S*(?:www\.|https?://)\S+")
_CONTEXT_THIRD = re.compile(r"(?<![a-zäöü])(?:" + "|".join(re.escape(w) for w in (
    *vocab.THIRD_PARTY_MARKERS, *vocab.OTHERS_NUMBERS_MARKERS)) + r")", re.IGNORECASE)
_OTHERS_NUMBERS = re.compile("|".join(re.escape(w) for w in vocab.OTHERS_NUMBERS_MARKERS), re.IGNORECASE)


@dataclass
class Block:
    """A location block: its line span [first, end), the address it is built around, and a name."""

    first: int
    end: int
    address: Address | None
    name: str | None
    third_party: bool = False


@lru_cache(maxsize=8192)
def strong_third(text: str) -> bool:
    """Whether a text names another party's role outright (a chamber, the web designer, the host, an authority).
    Memoised: a footer's credit line repeats on every page of a site."""
    return bool(_STRONG_THIRD.search(text))


def third_party_context(doc: Doc, line: Line) -> bool:
    """Whether a line speaks about someone else (chamber, insurer, designer, host...), by its text or label."""
    # (the words inside an address do not count: "info@okafor-versicherungen.de")
    text = line.text
    if "@" in text or "www." in text or "http" in text:
        text = _ADDRESSES.sub(" ", text)
    if strong_third(text):
        return True
    if line.level:
        return bool(_CONTEXT_THIRD.search(line.text)) and len(line.text) <= 80
    if line.heading >= 0 and line.index - line.heading <= 8:
        heading = doc.lines[line.heading].text
        if len(heading) <= 80 and _CONTEXT_THIRD.search(heading):
            return True
    if line.index > 0:
        prev = doc.lines[line.index - 1]
        if prev.block is line.block and len(prev.text) <= 60 and prev.text.endswith(":") and \
                _CONTEXT_THIRD.search(prev.text):
            return True
        # (a block led by a label over a list of others' numbers, or naming another's role ("Webdesign &
        # Betreuung"): every line of it)
        first = line.index
        while first > 0 and line.index - first < 8 and doc.lines[first - 1].block is line.block:
            first -= 1
        label = doc.lines[first].text
        if first < line.index and ((len(label) <= 60 and _OTHERS_NUMBERS.search(label)) or
                                   (len(label) <= 40 and _BLOCK_THIRD.search(label))):
            return True
    return False


def _climb(doc: Doc, el: html.HtmlElement, others: Sequence[int]) -> html.HtmlElement:
    """The largest ancestor of `el` whose lines hold none of the `others` line indices."""
    best = el
    node = el.getparent()
    while node is not None and node.tag not in ("body", "html", "main"):
        span = doc.spans.get(node)
        if span is not None:
            if any(span[0] <= o < span[1] for o in others):
                break
            best = node
        node = node.getparent()
    return best


# Headings over an address that name no place: a sentence ("Wir sind für Sie da!"), a section word ("Kontakt").
_NOT_A_NAME = re.compile(r"[.!?]$|\b(?:wir|uns|sie|ihr|ihre|euch|euer)\b|^(?:kontakt\w*|anfahrt|adresse|"
                         r"anschrift|impressum|öffnungszeiten|so finden sie uns)\s*:?$", re.IGNORECASE)


def _named(text: str) -> str | None:
    return None if _NOT_A_NAME.search(text.strip()) else text


def _name_for(doc: Doc, first: int) -> str | None:
    line = doc.lines[first] if first < len(doc.lines) else None
    if line is None:
        return None
    if 1 <= line.level <= 6:
        return _named(line.text)
    if line.heading >= 0 and first - line.heading <= 2:
        return _named(doc.lines[line.heading].text)
    return None


def address_blocks(doc: Doc, hits: Sequence[AddressHit]) -> list[Block]:
    """Blocks around each full address when the page names at least two different ones."""
    full = [h for h in hits if h.address.street or h.address.po_box]
    if len({address_key(h.address) for h in full}) < 2:
        return []
    blocks: list[Block] = []
    for hit in full:
        others = [o.first for o in full if address_key(o.address) != address_key(hit.address)]
        start_line = doc.lines[hit.first]
        el = _climb(doc, start_line.block, others)
        span = doc.spans.get(el)
        if span is None:
            continue
        first, end = span
        # A heading right before the block names it ("Brensbach (Hauptfiliale)" above an <address>).
        name = _name_for(doc, first)
        third = any(third_party_context(doc, doc.lines[i]) for i in range(hit.first, hit.last + 1))
        blocks.append(Block(first, end, hit.address, name, third))
    return _dedupe(blocks)


def card_blocks(doc: Doc, segment_spans: Sequence[tuple[int, str | None]]) -> list[Block]:
    """Sibling cards of the same kind, each with its own schedule (a branch teaser without postcodes)."""
    if len(segment_spans) < 2:
        return []
    firsts = [first for first, _ in segment_spans]
    groups: dict[tuple[int, str, str], list[tuple[html.HtmlElement, int]]] = {}
    for first, _label in segment_spans:
        others = [f for f in firsts if f != first]
        el = _climb(doc, doc.lines[first].block, others)
        parent = el.getparent()
        if parent is None or (el is doc.lines[first].block and el.tag in ("p", "li", "td", "tr", "dd", "span")):
            continue
        key = (id(parent), el.tag, el.get("class") or "")
        groups.setdefault(key, []).append((el, first))
    blocks: list[Block] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        for el, _first in members:
            span = doc.spans.get(el)
            if span is None:
                continue
            name = None
            for i in range(span[0], min(span[1], span[0] + 3)):
                if 1 <= doc.lines[i].level <= 6:
                    name = _named(doc.lines[i].text)
                    break
            blocks.append(Block(span[0], span[1], None, name))
    return blocks


def _dedupe(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in sorted(blocks, key=lambda b: (b.first, -b.end)):
        if any(o.first <= b.first and b.end <= o.end for o in out):
            continue
        out.append(b)
    return out


def location_index(blocks: Sequence[Block]) -> dict[int, int]:
    """Line index → block index for every line inside a block."""
    out: dict[int, int] = {}
    for i, b in enumerate(blocks):
        for idx in range(b.first, b.end):
            out.setdefault(idx, i)
    return out
