"""schema.org JSON-LD: a `LocalBusiness` per listing, and the feed as an `ItemList` of them.

Built from feed entries (the contract's field names), so the directory's JSON, JSON-LD and CSV say the same thing;
an absent value is left out, never filled in.
"""

from __future__ import annotations

from typing import Any

from marktplatz.crawler.parsing.hours_format import to_schema_org

CONTEXT = "https://schema.org"


def local_business(entry: dict[str, Any], *, with_context: bool = True) -> dict[str, Any]:
    """A `LocalBusiness` for one feed entry, with `openingHoursSpecification` from its weekly table."""
    out: dict[str, Any] = {"@context": CONTEXT} if with_context else {}
    out["@type"] = "LocalBusiness"
    if entry.get("website"):
        out["@id"] = entry["website"]
        out["url"] = entry["website"]
    out["identifier"] = entry["id"]
    out["name"] = entry["name"]
    _one_or_many(out, "telephone", entry.get("phones"))
    _one_or_many(out, "faxNumber", entry.get("fax"))
    _one_or_many(out, "email", entry.get("emails"))
    address = entry.get("address") or {}
    if any(address.get(k) for k in ("street", "postcode", "city")):
        postal: dict[str, Any] = {"@type": "PostalAddress"}
        for key, prop in (("street", "streetAddress"), ("postcode", "postalCode"), ("city", "addressLocality")):
            if address.get(key):
                postal[prop] = address[key]
        postal["addressCountry"] = "DE"
        out["address"] = postal
    spec = to_schema_org(entry.get("opening_hours"))
    if spec:
        out["openingHoursSpecification"] = spec
    if entry.get("offerings"):
        out["hasOfferCatalog"] = {"@type": "OfferCatalog", "name": "Angebot", "itemListElement": [
            {"@type": "Offer", "itemOffered": {"@type": "Thing", "name": name}} for name in entry["offerings"]]}
    if entry.get("last_verified_at"):
        out["dateModified"] = entry["last_verified_at"]
    return out


def item_list(feed: dict[str, Any]) -> dict[str, Any]:
    """The whole feed as a schema.org `ItemList`, positions in feed order."""
    listings = feed["listings"]
    return {
        "@context": CONTEXT,
        "@type": "ItemList",
        "name": "Digitaler Marktplatz Herne – Branchenverzeichnis",
        "dateCreated": feed["generated_at"],
        "numberOfItems": len(listings),
        "itemListElement": [{"@type": "ListItem", "position": i, "item": local_business(entry, with_context=False)}
                            for i, entry in enumerate(listings, start=1)],
    }


def _one_or_many(out: dict[str, Any], prop: str, values: list[str] | None) -> None:
    if values:
        out[prop] = values[0] if len(values) == 1 else list(values)
