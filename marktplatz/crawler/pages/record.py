"""Typed extraction records: what one page yields (`PageRecord`) and what a whole site yields (`SiteRecord`).

Every value carries its provenance (source URL, method, confidence). Field names of `SiteRecord.to_feed()` are the
listings feed's names; they are stable: add, don't rename.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

DAYS: tuple[str, ...] = ("mo", "tu", "we", "th", "fr", "sa", "su")

# Methods, from most to least structured; a confidence is a probability-like score in [0, 1].
METHODS = ("jsonld", "microdata", "rdfa", "link", "impressum", "table", "text", "heading", "meta")


@dataclass(frozen=True, slots=True)
class Provenance:
    source_url: str
    method: str
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {"source_url": self.source_url, "method": self.method, "confidence": round(self.confidence, 3)}


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    """One extracted value and where it came from."""

    value: T
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Address:
    street: str | None
    postcode: str | None
    city: str | None
    po_box: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"street": self.street, "postcode": self.postcode, "city": self.city}
        if self.po_box:
            out["po_box"] = self.po_box
        return out


Week = dict[str, list[str]]
"""A weekly table: `{"mo": ["08:00-12:00", "14:00-18:00"], ...}`, closed days omitted, times `HH:MM-HH:MM`."""


@dataclass(frozen=True)
class Schedule:
    """A weekly schedule; `label` is None for the main opening hours, else e.g. 'Werkstatt', 'Sprechstunde'."""

    week: Week
    label: str | None = None
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        from marktplatz.crawler.parsing.hours_format import to_osm, to_schema_org

        return {"label": self.label, "opening_hours": self.week, "opening_hours_osm": to_osm(self.week),
                "opening_hours_specification": to_schema_org(self.week), "note": self.note}


@dataclass(frozen=True, slots=True)
class SpecialHours:
    """A dated exception: a closure (`intervals` empty) or special times from `start` to `end` (ISO dates)."""

    start: str
    end: str
    intervals: tuple[str, ...] = ()
    reason: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "intervals": list(self.intervals), "reason": self.reason}


@dataclass(frozen=True)
class Location:
    """A branch or site of the business with its own address, numbers and hours (multi-location traders)."""

    name: str | None
    address: Address | None = None
    phones: tuple[str, ...] = ()
    fax: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    schedule: Schedule | None = None

    def to_json(self) -> dict[str, Any]:
        from marktplatz.crawler.parsing.hours_format import to_osm

        week = self.schedule.week if self.schedule else None
        return {"name": self.name, "address": self.address.to_json() if self.address else None,
                "phones": list(self.phones), "fax": list(self.fax), "emails": list(self.emails),
                "opening_hours": week, "opening_hours_osm": to_osm(week) if week else None}


@dataclass(frozen=True)
class ImpressumRecord:
    """The § 5 DDG fields found on an Impressum page (None/[] where absent)."""

    url: str
    name: str | None = None
    legal_form: str | None = None
    representatives: tuple[str, ...] = ()
    address: Address | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    register_court: str | None = None
    register_number: str | None = None
    vat_id: str | None = None
    tax_number: str | None = None
    chamber: str | None = None
    profession: str | None = None
    supervisory_authority: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url, "name": self.name, "legal_form": self.legal_form,
            "representatives": list(self.representatives),
            "address": self.address.to_json() if self.address else None,
            "emails": list(self.emails), "phones": list(self.phones),
            "register_court": self.register_court, "register_number": self.register_number,
            "vat_id": self.vat_id, "tax_number": self.tax_number, "chamber": self.chamber,
            "profession": self.profession, "supervisory_authority": self.supervisory_authority,
        }


@dataclass
class PageRecord:
    """Everything one page says about the business; lists hold every candidate, the site merge picks."""

    url: str
    names: list[Found[str]] = field(default_factory=list)
    phones: list[Found[str]] = field(default_factory=list)
    fax: list[Found[str]] = field(default_factory=list)
    emails: list[Found[str]] = field(default_factory=list)
    addresses: list[Found[Address]] = field(default_factory=list)
    schedules: list[Found[Schedule]] = field(default_factory=list)
    hours_notes: list[Found[str]] = field(default_factory=list)
    special_hours: list[Found[SpecialHours]] = field(default_factory=list)
    offerings: list[Found[str]] = field(default_factory=list)
    impressum_links: list[str] = field(default_factory=list)
    impressum: ImpressumRecord | None = None
    error: str | None = None  # why the page could not be read (empty, binary, ...); the record is then empty
    # Added for the site merge (issue 4): what kind of page this is, emergency-only numbers, branches, and whether
    # the page carries an in-page Impressum section (one-page sites).
    kind: str = "page"  # home, impressum, privacy, contact, hours, offerings, partner, jobs, page
    emergency_phones: list[Found[str]] = field(default_factory=list)
    locations: list[Found[Location]] = field(default_factory=list)
    impressum_section: str | None = None  # absolute URL with fragment of an in-page Impressum section
    title: str | None = None
    voice_and_fax: list[str] = field(default_factory=list)  # numbers labelled "Tel./Fax": a phone and a fax
    branch_numbers: list[str] = field(default_factory=list)  # numbers labelled with a branch ("Filiale Bochum:")


@dataclass
class SiteRecord:
    """The merged, de-duplicated result for one site: what the listing gets."""

    home_url: str
    name: Found[str] | None = None
    phones: list[Found[str]] = field(default_factory=list)
    fax: list[Found[str]] = field(default_factory=list)
    emails: list[Found[str]] = field(default_factory=list)
    address: Found[Address] | None = None
    opening_hours: Found[Schedule] | None = None
    other_hours: list[Found[Schedule]] = field(default_factory=list)
    opening_hours_note: Found[str] | None = None
    special_hours: list[Found[SpecialHours]] = field(default_factory=list)
    offerings: list[Found[str]] = field(default_factory=list)
    impressum_url: Found[str] | None = None
    impressum: ImpressumRecord | None = None
    pages: int = 0
    errors: list[str] = field(default_factory=list)
    emergency_phones: list[Found[str]] = field(default_factory=list)
    branches: list[Found[Location]] = field(default_factory=list)

    def to_feed(self) -> dict[str, Any]:
        """The listing fields, with the feed's names; nothing found is `None`/`[]`."""
        from marktplatz.crawler.parsing.hours_format import to_osm, to_schema_org

        week = self.opening_hours.value.week if self.opening_hours else None
        return {
            "name": self.name.value if self.name else None,
            "phones": [f.value for f in self.phones],
            "fax": [f.value for f in self.fax],
            "emails": [f.value for f in self.emails],
            "address": self.address.value.to_json() if self.address else None,
            "opening_hours": week,
            "opening_hours_osm": to_osm(week) if week else None,
            "opening_hours_specification": to_schema_org(week) if week else [],
            "opening_hours_note": self.opening_hours_note.value if self.opening_hours_note else None,
            "other_hours": [f.value.to_json() for f in self.other_hours],
            "special_hours": [f.value.to_json() for f in self.special_hours],
            "offerings": [f.value for f in self.offerings],
            "impressum_url": self.impressum_url.value if self.impressum_url else None,
            "impressum": self.impressum.to_json() if self.impressum else None,
            "emergency_phones": [f.value for f in self.emergency_phones],
            "branches": [f.value.to_json() for f in self.branches],
        }

    def provenance(self) -> dict[str, Any]:
        """Per field: the provenance of each value (a list for list fields)."""
        single: dict[str, Found[Any] | None] = {
            "name": self.name, "address": self.address, "opening_hours": self.opening_hours,
            "opening_hours_note": self.opening_hours_note, "impressum_url": self.impressum_url}
        multi: dict[str, list[Found[Any]]] = {
            "phones": self.phones, "fax": self.fax, "emails": self.emails, "offerings": self.offerings,
            "other_hours": self.other_hours, "special_hours": self.special_hours,
            "emergency_phones": self.emergency_phones, "branches": self.branches}
        out: dict[str, Any] = {k: v.provenance.to_json() for k, v in single.items() if v is not None}
        out.update({k: [f.provenance.to_json() for f in v] for k, v in multi.items() if v})
        return out

    def sources(self) -> dict[str, str]:
        """The feed's `sources`: per field, the URL its (first) value came from."""
        out: dict[str, str] = {}
        for key, prov in self.provenance().items():
            first = prov[0] if isinstance(prov, list) else prov
            out[key] = first["source_url"]
        return out
