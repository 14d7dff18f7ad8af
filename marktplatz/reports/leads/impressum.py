"""An Impressum checklist (§ 5 DDG): which of the required details the automatic check did not find.

Worded as "not found" rather than "missing": the check reads the page, a person confirms. Items that depend on the
business (register entry, chamber) are only asked for when the legal form or the line of business calls for them.
"""

from __future__ import annotations

import re
from typing import Any

REGISTERED_FORMS = re.compile(r"\b(gmbh|ug|ag|kg|ohg|e\.\s?k\.?|eg|e\.\s?v\.|partg|partnerschaft|se)\b", re.I)
REGULATED = re.compile(r"arzt|ärzt|kieferorthop|anwalt|anwält|notar|steuerberat|apothek|architekt|ingenieur|"
                       r"physiotherap|logopäd|ergotherap|heilprakt|psychotherap|handwerk|meisterbetrieb", re.I)

NOT_FOUND = "Impressum nicht gefunden (Pflichtangabe nach § 5 DDG)"


def impressum_checklist(impressum_url: str | None, impressum: dict[str, Any] | None, name: str,
                        category: str | None) -> list[str]:
    """The required details not found on the site's Impressum; [] when everything checked was there."""
    if not impressum_url:
        return [NOT_FOUND]
    data = impressum or {}
    missing: list[str] = []
    if not data.get("name"):
        missing.append("Name bzw. Firma des Anbieters")
    address = data.get("address") or {}
    if not (address.get("street") and address.get("postcode") and address.get("city")):
        missing.append("vollständige Anschrift (Straße, PLZ, Ort)")
    if not data.get("emails"):
        missing.append("E-Mail-Adresse")
    if not data.get("phones"):
        missing.append("Telefonnummer (zweiter schneller Kontaktweg)")
    legal = " ".join(x for x in (data.get("legal_form"), data.get("name"), name) if x)
    if REGISTERED_FORMS.search(legal):
        if not data.get("representatives"):
            missing.append("vertretungsberechtigte Person(en)")
        if not (data.get("register_court") and data.get("register_number")):
            missing.append("Registergericht und Registernummer")
    if REGULATED.search(" ".join(x for x in (category, name, data.get("profession")) if x)) and not (
            data.get("chamber") and data.get("profession")):
        missing.append("zuständige Kammer und Berufsbezeichnung (reglementierter Beruf)")
    if not data.get("vat_id"):
        missing.append("USt-IdNr. (nur falls vorhanden)")
    return missing
