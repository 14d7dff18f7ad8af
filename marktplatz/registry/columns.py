"""Header names the city's lists use, German and English, mapped to our column names (data, not logic)."""

from __future__ import annotations

import re

COLUMN_ALIASES: dict[str, list[str]] = {
    "id": ["id", "nr", "nummer", "kennung", "referenz", "ref", "eintrag-id", "eintrag_id", "trader_id", "haendler_id",
           "händler-id", "händler_id", "betriebs-id", "betriebsnummer"],
    "name": ["name", "firma", "firmenname", "betrieb", "betriebsname", "unternehmen", "geschäft", "geschaeft",
             "händler", "haendler", "bezeichnung", "trader", "business", "business_name"],
    "website": ["website", "webseite", "homepage", "internet", "internetseite", "internetadresse", "url", "web",
                "www", "site", "link"],
    "category": ["category", "kategorie", "branche", "rubrik", "gewerbe", "sparte"],
    "street": ["street", "strasse", "straße", "str.", "str", "adresse", "anschrift", "straße und hausnummer",
               "strasse und hausnummer", "address"],
    "postcode": ["postcode", "plz", "postleitzahl", "zip", "zip code", "postal_code", "postal code"],
    "city": ["city", "ort", "stadt", "wohnort", "gemeinde", "town"],
    "phone": ["phone", "telefon", "tel", "tel.", "telefonnummer", "fon", "rufnummer"],
    "email": ["email", "e-mail", "mail", "e-mail-adresse", "emailadresse", "e_mail"],
    "opt_out": ["opt_out", "opt-out", "optout", "widerspruch", "keine werbung", "keine leads", "sperre",
                "gesperrt"],
}
REQUIRED_COLUMNS = ("id", "name", "website")

_LOOKUP = {alias: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases}


def canonical_column(header: str) -> str | None:
    """`' Webseite '` → `'website'`; `None` for a column we do not use."""
    key = re.sub(r"\s+", " ", header.replace("\ufeff", "")).strip().lower()
    return _LOOKUP.get(key) or _LOOKUP.get(key.replace(" ", "_")) or _LOOKUP.get(key.replace("_", " "))
