"""What a designer can offer for each kind of finding, and how many of the trader's customers a fix helps.

Finding codes come from the monitor; they are matched by pattern so a new code of a known kind (`no_https`,
`tls_expired`, …) still finds its offer. `reach` weighs a finding's severity by how many visitors it touches:
an encryption warning or a broken mobile view meets nearly every visitor, a missing alt text only a few.
Data only; the ranking lives in `build.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Offer:
    pattern: str
    offer: str
    reach: float


OFFERS: tuple[Offer, ...] = (
    Offer(r"https|tls|cert|mixed_content", "HTTPS einrichten", 1.5),
    Offer(r"viewport|mobile|responsive", "mobile Ansicht", 1.5),
    Offer(r"impressum", "Impressum vervollständigen", 1.0),
    Offer(r"datenschutz|privacy", "Datenschutzerklärung ergänzen", 1.0),
    Offer(r"font|third_party|remote_resource|external_resource", "Schriften und Dienste lokal einbinden", 1.0),
    Offer(r"tracking|consent|cookie|analytics", "Einwilligungsbanner (Cookie-Consent) einrichten", 1.0),
    Offer(r"contact", "Kontaktdaten sichtbar machen", 1.4),
    Offer(r"opening_hours|hours", "Öffnungszeiten online stellen", 1.3),
    Offer(r"broken_link|dead_link", "defekte Links reparieren", 1.1),
    Offer(r"slow|heavy|size|speed|performance", "Ladezeit verbessern", 1.2),
    Offer(r"cms|generator|outdated_(software|version|library)|jquery|wordpress|joomla|library",
          "CMS und Software aktualisieren", 0.9),
    Offer(r"flash|frameset|frames|table_layout|legacy", "Website modernisieren (Relaunch)", 1.3),
    Offer(r"copyright|stale|outdated_content|old_notice|corona|content_age|last_updated",
          "Inhalte aktualisieren", 1.0),
    Offer(r"title|description|lang|alt|seo|heading", "Suchmaschinen-Grundlagen (Titel, Beschreibung, Alt-Texte)",
          0.8),
)
FALLBACK = Offer(r".*", "Website-Check besprechen", 1.0)

STATUS_OFFERS = {
    "unreachable": ("Website wieder erreichbar machen (Hosting und Domain prüfen)", 60),
    "broken": ("Website reparieren (Server meldet Fehler)", 55),
    "parked": ("Domain prüfen und neue Website aufsetzen", 50),
}
STATUS_SENTENCES = {
    "unreachable": "Die Website ist nicht erreichbar.",
    "broken": "Die Website antwortet mit einer Fehlermeldung.",
    "parked": "Unter der Adresse steht nur eine geparkte oder zum Verkauf stehende Domain.",
}
NO_WEBSITE_OFFERS = ("Website erstellen", "Eintrag mit Öffnungszeiten und Kontakt im Marktplatz")

SEVERITY_POINTS = {"high": 20, "medium": 10, "low": 4, "info": 0}


def offer_for(code: str) -> Offer:
    for offer in OFFERS:
        if re.search(offer.pattern, code):
            return offer
    return FALLBACK
