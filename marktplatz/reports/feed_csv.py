"""The listings feed as CSV for the directory: one row per listing, the contract's field names as header."""

from __future__ import annotations

import json
from typing import Any

from marktplatz.reports.csvfiles import csv_bytes

COLUMNS = ("id", "name", "website", "site_status", "stale", "last_crawled_at", "last_verified_at", "phones", "fax",
           "emails", "street", "postcode", "city", "opening_hours_osm", "opening_hours_note", "opening_hours",
           "offerings", "impressum_url", "quality_score", "finding_codes")


def feed_rows(feed: dict[str, Any]) -> list[list[Any]]:
    rows = []
    for e in feed["listings"]:
        address = e.get("address") or {}
        quality = e.get("quality") or {}
        rows.append([
            e["id"], e["name"], e.get("website"), e["site_status"], "ja" if e.get("stale") else "nein",
            e.get("last_crawled_at"), e.get("last_verified_at"), ", ".join(e["phones"]), ", ".join(e["fax"]),
            ", ".join(e["emails"]), address.get("street"), address.get("postcode"), address.get("city"),
            e.get("opening_hours_osm"), e.get("opening_hours_note"),
            json.dumps(e["opening_hours"], ensure_ascii=False) if e.get("opening_hours") else None,
            " | ".join(e["offerings"]), e.get("impressum_url"), quality.get("score"),
            ", ".join(f["code"] for f in quality.get("findings") or []),
        ])
    return rows


def feed_csv_bytes(feed: dict[str, Any]) -> bytes:
    """Lists joined with `, ` (offerings with ` | `, since names may hold commas); the weekly table as JSON."""
    return csv_bytes(COLUMNS, feed_rows(feed))
