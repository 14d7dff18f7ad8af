"""schema.org data in a page (JSON-LD, microdata, RDFa via extruct) reduced to the businesses it describes.

JSON-LD is read from the `<script>` texts the page walk already collected; microdata and RDFa extractors only run when
the markup carries `itemscope` / `typeof` attributes, so pages without them cost nothing extra. The result is a list of
`Entity` objects (name, phones, fax, e-mails, addresses, opening hours, offerings) with the syntax they came from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import html

from marktplatz.crawler.pages.record import DAYS, Address, SpecialHours, Week
from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.hours import parse_hours_text

# Types that describe pages, media and parts of data rather than a business.
_NOT_BUSINESS = frozenset((
    "WebSite", "WebPage", "AboutPage", "ContactPage", "CollectionPage", "ItemPage", "FAQPage",
    "SearchResultsPage", "BreadcrumbList", "ListItem", "ItemList", "SiteNavigationElement", "WPHeader",
    "WPFooter", "WPSideBar", "ImageObject", "VideoObject", "MediaObject", "Article", "BlogPosting", "NewsArticle",
    "Question", "Answer", "SearchAction", "ReadAction", "Event", "Product", "Offer", "AggregateOffer", "Review",
    "AggregateRating", "Rating", "PostalAddress", "GeoCoordinates", "GeoShape", "Place",
    "OpeningHoursSpecification", "ContactPoint", "Menu", "MenuSection", "MenuItem", "Person", "Thing",
    "CreativeWork", "Comment", "EntryPoint", "PropertyValue", "Service", "OfferCatalog", "Brand",
    "QuantitativeValue", "PriceSpecification", "Country", "State", "City",
))
_SCHEMA_DAYS = {"monday": "mo", "tuesday": "tu", "wednesday": "we", "thursday": "th", "friday": "fr",
                "saturday": "sa", "sunday": "su", "mo": "mo", "tu": "tu", "we": "we", "th": "th", "fr": "fr",
                "sa": "sa", "su": "su", "publicholidays": "ph", "ph": "ph"}
_OSM_RULE = re.compile(r"^\s*(?P<days>(?:[A-Za-z]{2}(?:\s?-\s?[A-Za-z]{2})?\s?,?\s?)+)\s+"
                       r"(?P<times>(?:\d{1,2}:\d{2}\s?-\s?\d{1,2}:\d{2}\s?,?\s?)+|off|closed)\s*$", re.IGNORECASE)


@dataclass
class Entity:
    """A business (or branch) described by structured data."""

    method: str  # "jsonld", "microdata" or "rdfa"
    types: list[str]
    name: str | None = None
    phones: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    week: Week | None = None
    special: list[SpecialHours] = field(default_factory=list)
    offerings: list[str] = field(default_factory=list)
    url: str | None = None
    is_branch: bool = False


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    for v in _as_list(value):
        if isinstance(v, dict):
            v = v.get("@value") or v.get("name") or v.get("@id")
        if isinstance(v, (str, int, float)) and str(v).strip():
            return str(v).strip()
    return None


def _texts(value: Any) -> list[str]:
    out: list[str] = []
    for v in _as_list(value):
        t = _text(v)
        if t:
            out.append(t)
    return out


def _types(node: dict[str, Any]) -> list[str]:
    out = []
    for t in _as_list(node.get("@type") or node.get("type")):
        if isinstance(t, str):
            out.append(t.rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    return out


def load_json_ld(texts: Iterable[str]) -> list[Any]:
    """Parse JSON-LD script bodies leniently (HTML comments, CDATA, trailing commas, raw newlines)."""
    out: list[Any] = []
    for raw in texts:
        text = (raw or "").strip()
        if not text:
            continue
        text = re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", text)
        text = re.sub(r"(?:-->|//\s*\]\]>|\]\]>)\s*$", "", text).strip()
        for attempt in (text, re.sub(r",\s*([}\]])", r"\1", text)):
            try:
                out.append(json.loads(attempt, strict=False))
                break
            except (ValueError, RecursionError):
                continue
    return out


def _flatten(data: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        if "@graph" in data:
            _flatten(data["@graph"], out, depth + 1)
        if _types(data):
            out.append(data)


def _address(value: Any) -> list[Address]:
    out: list[Address] = []
    for v in _as_list(value):
        if isinstance(v, str):
            from marktplatz.crawler.parsing.address import find_addresses

            hits = find_addresses([p.strip() for p in v.split("\n")] if "\n" in v else [v])
            out.extend(h.address for h in hits)
        elif isinstance(v, dict):
            street = _text(v.get("streetAddress"))
            postcode = _text(v.get("postalCode"))
            city = _text(v.get("addressLocality"))
            box = _text(v.get("postOfficeBoxNumber"))
            if street or postcode or city:
                if street:
                    street = re.sub(r"\s+", " ", street.replace("\n", " ")).strip(" ,")
                out.append(Address(street=street, postcode=postcode, city=city, po_box=box))
    return out


def _time(value: Any) -> int | None:
    t = _text(value)
    if not t:
        return None
    m = re.match(r"^(\d{1,2}):(\d{2})", t.strip())
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if h > 24 or mi > 59:
        return None
    return h * 60 + mi


def _fmt(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _days_of(value: Any) -> list[str]:
    out: list[str] = []
    for v in _as_list(value):
        t = _text(v) if not isinstance(v, str) else v
        if not t:
            continue
        key = t.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1].lower()
        day = _SCHEMA_DAYS.get(key)
        if day and day != "ph":
            out.append(day)
    return out


def week_from_specs(specs: Any) -> tuple[Week, list[SpecialHours]]:
    """schema.org `OpeningHoursSpecification` objects → a weekly table and dated exceptions."""
    week: dict[str, list[tuple[int, int]]] = {}
    special: list[SpecialHours] = []
    for spec in _as_list(specs):
        if not isinstance(spec, dict):
            continue
        opens, closes = _time(spec.get("opens")), _time(spec.get("closes"))
        days = _days_of(spec.get("dayOfWeek"))
        valid_from, valid_through = _text(spec.get("validFrom")), _text(spec.get("validThrough"))
        closed = opens is None or closes is None or opens == closes
        if valid_from or (valid_through and not days):
            first_day = (valid_from or valid_through or "")[:10]
            last_day = (valid_through or valid_from or "")[:10]
            intervals = () if closed or opens is None or closes is None else (f"{_fmt(opens)}-{_fmt(closes)}",)
            special.append(SpecialHours(start=first_day, end=last_day, intervals=intervals))
            continue
        if closed or opens is None or closes is None:
            continue
        end = 24 * 60 if closes in (0, 23 * 60 + 59) else closes
        for day in days:
            week.setdefault(day, []).append((opens, end))
    out: Week = {}
    for day in DAYS:
        ivs = sorted(set(week.get(day, [])))
        if ivs:
            out[day] = [f"{_fmt(a)}-{_fmt(b)}" for a, b in ivs]
    return out, special


_RULE_SPLIT = re.compile(r"[;\n]|(?<=\d\d)\s*,?\s+(?=(?:mo|tu|we|th|fr|sa|su|ph)\b)", re.IGNORECASE)


def week_from_opening_hours(values: Any) -> Week:
    """schema.org `openingHours` strings ("Mo-Fr 09:00-18:00", "Tu-Su 11:00-14:00") → a weekly table."""
    week: dict[str, list[str]] = {}
    fallback: list[str] = []
    for value in _as_list(values):
        if not isinstance(value, str):
            continue
        # (rules are array items or ";"-separated, but often just written one after another: "Mo,Tu 08:00-12:00
        # We,Fr 08:00-13:00", a new rule starting where a day follows a time)
        for rule in _RULE_SPLIT.split(value):
            rule = rule.strip(" ,")  # (Squarespace writes ", Tu 11:00-19:00, We 11:00-19:00, …, ")
            m = _OSM_RULE.match(rule)
            if not m:
                if rule.strip():
                    fallback.append(rule)
                continue
            days: list[str] = []
            for part in re.split(r"\s?,\s?", m.group("days").strip(" ,")):
                bits = [b.strip().lower() for b in part.split("-")]
                if not bits[0]:
                    continue
                first, last = _SCHEMA_DAYS.get(bits[0]), _SCHEMA_DAYS.get(bits[-1])
                if first in DAYS and last in DAYS:
                    lo, hi = DAYS.index(first), DAYS.index(last)
                    days.extend(DAYS[k % 7] for k in range(lo, hi + 1 if hi >= lo else hi + 8))
            times = m.group("times").lower()
            if times in ("off", "closed"):
                for d in days:
                    week.pop(d, None)
                continue
            for span in re.findall(r"(\d{1,2}:\d{2})\s?-\s?(\d{1,2}:\d{2})", times):
                opens, closes = _time(span[0]), _time(span[1])
                # (an empty range, "Mo 00:00-00:00", is a closed day, as in an OpeningHoursSpecification; site
                # builders write closed days that way)
                if opens is None or closes is None or opens == closes:
                    continue
                for d in days:
                    week.setdefault(d, []).append(f"{_fmt(opens)}-{_fmt(24 * 60 if closes == 0 else closes)}")
    if not week and fallback:
        return parse_hours_text("\n".join(fallback)).week
    return {d: sorted(set(week[d])) for d in DAYS if d in week}


def _offerings(node: dict[str, Any]) -> list[str]:
    out: list[str] = []

    def walk(value: Any, depth: int) -> None:
        if depth > 5:
            return
        for v in _as_list(value):
            if isinstance(v, str):
                continue
            if not isinstance(v, dict):
                continue
            item = v.get("itemOffered")
            name = _text(item.get("name")) if isinstance(item, dict) else _text(v.get("name"))
            # A catalog's own name ("Sortiment") is a heading, not an offer; its items are.
            if "OfferCatalog" in _types(v) and v.get("itemListElement"):
                name = None
            if name and name not in out:
                out.append(name)
            for key in ("itemListElement", "hasOfferCatalog", "itemOffered", "hasMenuSection", "hasMenuItem"):
                if key in v and key != "itemOffered":
                    walk(v[key], depth + 1)

    for key in ("makesOffer", "hasOfferCatalog", "hasMenu", "knowsAbout"):
        if key in node:
            if key == "knowsAbout":
                out.extend(t for t in _texts(node[key]) if not t.startswith("http") and t not in out)
            else:
                walk(node[key], 0)
    for cuisine in _texts(node.get("servesCuisine")):
        cuisine = vocab.CUISINE_DE.get(cuisine.strip().lower(), cuisine)
        if cuisine not in out:
            out.append(cuisine)
    return out


def _entity(node: dict[str, Any], method: str, is_branch: bool = False) -> Entity | None:
    types = _types(node)
    if not types or all(t in _NOT_BUSINESS for t in types):
        return None
    ent = Entity(method=method, types=types, is_branch=is_branch)
    ent.name = _text(node.get("name")) or _text(node.get("legalName"))
    ent.url = _text(node.get("url"))
    ent.phones = _texts(node.get("telephone"))
    ent.faxes = _texts(node.get("faxNumber"))
    ent.emails = [e.replace("mailto:", "") for e in _texts(node.get("email"))]
    for cp in _as_list(node.get("contactPoint")):
        if isinstance(cp, dict):
            ent.phones += _texts(cp.get("telephone"))
            ent.faxes += _texts(cp.get("faxNumber"))
            ent.emails += [e.replace("mailto:", "") for e in _texts(cp.get("email"))]
    ent.addresses = _address(node.get("address"))
    loc = node.get("location")
    if not ent.addresses and isinstance(loc, dict):
        ent.addresses = _address(loc.get("address"))
    week: Week = {}
    if node.get("openingHoursSpecification"):
        week, ent.special = week_from_specs(node.get("openingHoursSpecification"))
    if not week and node.get("openingHours"):
        week = week_from_opening_hours(node.get("openingHours"))
    ent.week = week or None
    ent.offerings = _offerings(node)
    return ent


def _entities(nodes: Iterable[dict[str, Any]], method: str) -> list[Entity]:
    out: list[Entity] = []
    for node in nodes:
        ent = _entity(node, method)
        if ent is None:
            continue
        if ent.phones or ent.addresses or ent.week or ent.emails or ent.name:
            out.append(ent)
        for key in ("department", "subOrganization", "branch", "hasPOS"):
            for sub in _as_list(node.get(key)):
                if isinstance(sub, dict):
                    sub_ent = _entity(sub, method, is_branch=True)
                    if sub_ent is None:
                        continue
                    if key == "department" and not sub_ent.addresses:
                        # a department in the same house (an Autohaus's workshop): its line is the business's own;
                        # its hours stay the department's
                        ent.phones = [*ent.phones, *sub_ent.phones]
                        sub_ent.phones = []
                    out.append(sub_ent)
    return out


def _microdata_to_ld(item: Any) -> Any:
    if isinstance(item, list):
        return [_microdata_to_ld(i) for i in item]
    if not isinstance(item, dict):
        return item
    if "properties" in item and "type" in item:
        node: dict[str, Any] = {"@type": item.get("type")}
        for key, value in (item.get("properties") or {}).items():
            node[key] = _microdata_to_ld(value)
        return node
    return {k: _microdata_to_ld(v) for k, v in item.items()}


def _rdfa_to_ld(nodes: list[Any]) -> list[dict[str, Any]]:
    by_id = {n.get("@id"): n for n in nodes if isinstance(n, dict)}

    def conv(node: dict[str, Any], depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {"@type": node.get("@type", [])}
        for key, values in node.items():
            if key.startswith("@"):
                continue
            short = key.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
            conv_values = []
            for v in _as_list(values):
                if isinstance(v, dict) and "@id" in v and v["@id"] in by_id and depth < 4:
                    conv_values.append(conv(by_id[v["@id"]], depth + 1))
                elif isinstance(v, dict) and "@value" in v:
                    conv_values.append(v["@value"])
                else:
                    conv_values.append(v)
            out[short] = conv_values if len(conv_values) > 1 else (conv_values[0] if conv_values else None)
        return out

    return [conv(n, 0) for n in nodes if isinstance(n, dict) and n.get("@type")]


def find_entities(root: html.HtmlElement, json_ld_texts: list[str], base_url: str, microdata: bool = True,
                  rdfa: bool = True) -> list[Entity]:
    """Businesses described by the page's structured data, JSON-LD first.

    `microdata`/`rdfa` = False skips those extractors (the caller saw no `itemscope`/`typeof` in the body).
    """
    nodes: list[dict[str, Any]] = []
    _flatten(load_json_ld(json_ld_texts), nodes)
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for n in nodes:  # resolve {"@id": ...} references to nodes of the same page
        for key in ("address", "openingHoursSpecification", "location", "contactPoint"):
            val = n.get(key)
            if isinstance(val, dict) and set(val) == {"@id"} and val["@id"] in by_id:
                n[key] = by_id[val["@id"]]
    out = _entities(nodes, "jsonld")
    if microdata and root.find(".//*[@itemscope]") is not None:
        from extruct.w3cmicrodata import MicrodataExtractor

        try:
            items = MicrodataExtractor().extract_items(root, base_url)
            md_nodes: list[dict[str, Any]] = []
            _flatten(_microdata_to_ld(list(items)), md_nodes)
            out += _entities(md_nodes, "microdata")
        except Exception:  # extruct raises assorted errors on broken markup; structured data is optional
            pass
    if rdfa and (root.find(".//*[@typeof]") is not None or root.find(".//*[@vocab]") is not None):
        try:
            from extruct.rdfa import RDFaExtractor

            rdfa_items = RDFaExtractor().extract_items(root, base_url=base_url)
            out += _entities(_rdfa_to_ld(list(rdfa_items)), "rdfa")
        except Exception:  # pyRdfa fails on many real pages; RDFa is a bonus, never a reason to lose the page
            pass
    return out
