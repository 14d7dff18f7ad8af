"""Rank the traders whose sites need a designer; traders without a website form their own group.

Need = the site's status (down, broken, parked) plus each finding's severity points weighted by how many customers
a fix helps (`offers.py`). Only traders who have not opted out are considered (`visible_traders`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from marktplatz.db.models import Finding, Trader
from marktplatz.reports.feed import listing_entry
from marktplatz.reports.formatting import address_text, date_de
from marktplatz.reports.jsonld import local_business
from marktplatz.reports.labels import SEVERITY_ORDER, STATUS_DE
from marktplatz.reports.leads.impressum import impressum_checklist
from marktplatz.reports.leads.offers import (
    NO_WEBSITE_OFFERS,
    SEVERITY_POINTS,
    STATUS_OFFERS,
    STATUS_SENTENCES,
    offer_for,
)
from marktplatz.reports.queries import findings_by_trader, listing_of, visible_traders

GROUP_DOWN = "Website defekt"
GROUP_IMPROVE = "Website verbessern"
GROUP_NONE = "Ohne Website"
GROUPS = (GROUP_DOWN, GROUP_IMPROVE, GROUP_NONE)


@dataclass
class Lead:
    group: str
    need: int
    trader_id: str
    name: str
    category: str | None
    website: str | None
    status: str
    score: int | None
    findings: list[str] = field(default_factory=list)
    offers: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    address: str = ""
    impressum_missing: list[str] = field(default_factory=list)
    last_verified: str = ""
    jsonld: str = ""
    rank: int = 0


def build_leads(session: Session) -> dict[str, list[Lead]]:
    """Leads per group, each group ranked (rank 1 = most need)."""
    findings = findings_by_trader(session)
    groups: dict[str, list[Lead]] = {g: [] for g in GROUPS}
    for trader in visible_traders(session):
        lead = _lead_for(trader, findings.get(trader.id, []))
        if lead is not None:
            groups[lead.group].append(lead)
    for leads in groups.values():
        leads.sort(key=lambda x: (-x.need, x.score if x.score is not None else 101, x.name.casefold()))
        for i, lead in enumerate(leads, start=1):
            lead.rank = i
    return groups


def _lead_for(trader: Trader, findings: list[Finding]) -> Lead | None:
    if not trader.website:
        return _no_website_lead(trader)
    listing = listing_of(trader)
    status = listing.site_status
    if status == "not_crawled" or (status not in STATUS_OFFERS and not findings):
        return None
    entry = listing_entry(trader, listing, findings)
    ordered = sorted(findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
    need = STATUS_OFFERS[status][1] if status in STATUS_OFFERS else 0
    sentences = [STATUS_SENTENCES[status]] if status in STATUS_SENTENCES else []
    offers = [STATUS_OFFERS[status][0]] if status in STATUS_OFFERS else []
    for f in ordered:
        offer = offer_for(f.code)
        need += round(SEVERITY_POINTS.get(f.severity, 0) * offer.reach)
        sentences.append(f.message_de)
        if offer.offer not in offers:
            offers.append(offer.offer)
    verified = listing.last_verified_at is not None
    return Lead(
        group=GROUP_DOWN if status in STATUS_OFFERS else GROUP_IMPROVE, need=need, trader_id=trader.id,
        name=entry["name"], category=trader.category, website=trader.website, status=STATUS_DE.get(status, status),
        score=listing.quality_score, findings=sentences, offers=offers,
        phones=entry["phones"] or _registry(trader.phone), emails=entry["emails"] or _registry(trader.email),
        address=address_text(entry["address"]) or _registry_address(trader),
        impressum_missing=impressum_checklist(listing.impressum_url, listing.impressum, entry["name"],
                                              trader.category) if verified else [],
        last_verified=date_de(listing.last_verified_at),
        jsonld=_snippet(local_business(entry)) if verified else "",
    )


def _no_website_lead(trader: Trader) -> Lead:
    """From the city's own registry data: there is no site to verify anything on."""
    entry: dict[str, Any] = {
        "id": trader.id, "name": trader.name, "website": None, "phones": _registry(trader.phone), "fax": [],
        "emails": _registry(trader.email), "address": {"street": trader.street, "postcode": trader.postcode,
                                                       "city": trader.city},
        "opening_hours": None, "offerings": []}
    return Lead(group=GROUP_NONE, need=0, trader_id=trader.id, name=trader.name, category=trader.category,
                website=None, status=STATUS_DE["no_website"], score=None, offers=list(NO_WEBSITE_OFFERS),
                phones=entry["phones"], emails=entry["emails"], address=_registry_address(trader),
                jsonld=_snippet(local_business(entry)))


def _registry(value: str | None) -> list[str]:
    return [value.strip()] if value and value.strip() else []


def _registry_address(trader: Trader) -> str:
    return address_text({"street": trader.street, "postcode": trader.postcode, "city": trader.city})


def _snippet(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


def lead_count(groups: dict[str, list[Lead]]) -> int:
    return sum(len(v) for v in groups.values())


def generated_label(now: datetime) -> str:
    return f"Stand: {date_de(now)}"
