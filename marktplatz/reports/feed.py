"""The listings feed for the directory (JSON contract in PRODUCT.md): one entry per trader, nothing invented."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from marktplatz.db.models import Finding, Listing, Trader
from marktplatz.reports.queries import findings_by_trader, listing_of, visible_traders
from marktplatz.util.files import atomic_write_bytes, atomic_write_text


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def listing_entry(trader: Trader, listing: Listing, findings: list[Finding]) -> dict[str, Any]:
    crawled = listing.last_verified_at is not None
    return {
        "id": trader.id,
        "name": (listing.name if crawled and listing.name else None) or trader.name,
        "website": trader.website,
        "site_status": listing.site_status if trader.website else "no_website",
        "last_crawled_at": _iso(listing.last_crawled_at),
        "last_verified_at": _iso(listing.last_verified_at),
        "stale": bool(listing.stale),
        "phones": list(listing.phones or []),
        "fax": list(listing.fax or []),
        "emails": list(listing.emails or []),
        "address": listing.address or None,
        "opening_hours": listing.opening_hours or None,
        "opening_hours_osm": listing.opening_hours_osm,
        "opening_hours_note": listing.opening_hours_note,
        "other_hours": list(listing.other_hours or []),
        "special_hours": list(listing.special_hours or []),
        "emergency_phones": list(listing.emergency_phones or []),
        "branches": list(listing.branches or []),
        "offerings": list(listing.offerings or []),
        "impressum_url": listing.impressum_url,
        "sources": dict(listing.sources or {}),
        "quality": {
            "score": listing.quality_score,
            "findings": [{"code": f.code, "severity": f.severity, "message": f.message_de} for f in findings],
        } if listing.quality_score is not None else None,
    }


def build_feed(session: Session, now: datetime) -> dict[str, Any]:
    findings = findings_by_trader(session)
    listings = [listing_entry(t, listing_of(t), findings.get(t.id, [])) for t in visible_traders(session)]
    return {"generated_at": now.isoformat(timespec="seconds"), "listings": listings}


def write_feed_json(feed: dict[str, Any], out: Path) -> None:
    atomic_write_text(out, json.dumps(feed, ensure_ascii=False, indent=1) + "\n")


def write_feed_jsonld(feed: dict[str, Any], out: Path) -> None:
    from marktplatz.reports.jsonld import item_list

    atomic_write_text(out, json.dumps(item_list(feed), ensure_ascii=False, indent=1) + "\n")


def write_feed_csv(feed: dict[str, Any], out: Path) -> None:
    from marktplatz.reports.feed_csv import feed_csv_bytes

    atomic_write_bytes(out, feed_csv_bytes(feed))
