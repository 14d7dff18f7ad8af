"""Values as German office staff read them: dates, numbers, addresses, hours and listing values as text."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from marktplatz.reports.labels import DAY_DE, STATUS_DE

BERLIN = ZoneInfo("Europe/Berlin")


def date_de(value: datetime | None, tz: ZoneInfo = BERLIN) -> str:
    return value.astimezone(tz).strftime("%d.%m.%Y") if value else ""


def datetime_de(value: datetime | None, tz: ZoneInfo = BERLIN) -> str:
    return value.astimezone(tz).strftime("%d.%m.%Y %H:%M") if value else ""


def number_de(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}" if digits else f"{round(value):,d}"
    return text.replace(",", "\u202f").replace(".", ",")


def signed_de(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    if abs(value) < 10 ** -digits / 2:
        return "±0"
    return ("+" if value > 0 else "−") + number_de(abs(value), digits)


def address_text(address: dict[str, Any] | None) -> str:
    if not address:
        return ""
    town = " ".join(x for x in (address.get("postcode"), address.get("city")) if x)
    return ", ".join(x for x in (address.get("street"), town) if x)


def hours_text(week: dict[str, list[str]] | None) -> str:
    if not week:
        return ""
    return "; ".join(f"{DAY_DE.get(day, day)} {', '.join(spans)}" for day, spans in week.items() if spans)


def value_text(field: str, value: Any) -> str:
    """A listing value (or a site status) as one line of text; empty is an empty string."""
    if value is None or value == [] or value == {}:
        return ""
    if field == "site_status":
        return STATUS_DE.get(str(value), str(value))
    if field == "address" and isinstance(value, dict):
        return address_text(value)
    if field == "opening_hours" and isinstance(value, dict):
        return hours_text(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
