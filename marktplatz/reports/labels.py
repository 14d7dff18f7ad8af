"""German words the reports show: site statuses, listing fields, severities. Data only, no logic."""

from __future__ import annotations

STATUS_DE = {
    "ok": "in Ordnung",
    "redirected": "weitergeleitet",
    "broken": "fehlerhaft",
    "unreachable": "nicht erreichbar",
    "parked": "geparkt / zu verkaufen",
    "no_website": "ohne Website",
    "not_crawled": "noch nicht geprüft",
}

FIELD_DE = {
    "name": "Name",
    "phones": "Telefon",
    "fax": "Fax",
    "emails": "E-Mail",
    "address": "Anschrift",
    "opening_hours": "Öffnungszeiten",
    "opening_hours_osm": "Öffnungszeiten",
    "opening_hours_note": "Hinweis zu Öffnungszeiten",
    "offerings": "Angebot",
    "impressum_url": "Impressum",
    "site_status": "Website-Zustand",
}

SEVERITY_DE = {"high": "hoch", "medium": "mittel", "low": "gering", "info": "Hinweis"}
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2, "info": 3}

DAY_DE = {"mo": "Mo", "tu": "Di", "we": "Mi", "th": "Do", "fr": "Fr", "sa": "Sa", "su": "So"}
