"""Listing freshness: change records, stale marking when a site is down, and review instead of deletion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db import make_engine
from marktplatz.db.models import Base, ChangeRecord, Listing, ReviewItem, Trader
from marktplatz.listings.review import ReviewError, accept, reject
from marktplatz.listings.update import apply_extraction, mark_stale

T0 = datetime(2026, 11, 2, 6, 0, tzinfo=UTC)
KONTAKT = "https://www.beispiel.de/kontakt.html"
START = "https://www.beispiel.de/"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{tmp_path / 'l.db'}")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        s.add(Trader(id="T1", name="Bäckerei Beispiel", website=START))
        s.add(Listing(trader_id="T1", site_status="ok"))
        s.flush()
        yield s
    engine.dispose()


def feed(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Bäckerei Beispiel", "phones": ["+4923231234567"], "fax": [], "emails": ["info@beispiel.de"],
        "address": {"street": "Bahnhofstraße 1", "postcode": "44623", "city": "Herne"},
        "opening_hours": {"mo": ["08:00-18:00"]}, "opening_hours_osm": "Mo 08:00-18:00",
        "opening_hours_note": None, "offerings": ["Brot", "Brötchen"], "impressum_url": START + "impressum.html"}
    base.update(changes)
    return base


SOURCES = {"phones": KONTAKT, "emails": KONTAKT, "opening_hours": START, "address": KONTAKT, "offerings": START}


def crawl(session: Session, when: datetime, **changes: Any) -> list[ChangeRecord]:
    listing = session.get(Listing, "T1")
    assert listing is not None
    out = apply_extraction(session, listing, feed(**changes), SOURCES, when, None)
    session.flush()
    return out


def listing(session: Session) -> Listing:
    found = session.get(Listing, "T1")
    assert found is not None
    return found


def reviews(session: Session) -> list[ReviewItem]:
    return list(session.scalars(select(ReviewItem).order_by(ReviewItem.id)))


def test_first_verification_fills_the_listing_without_change_records(session: Session) -> None:
    assert crawl(session, T0) == []
    assert listing(session).phones == ["+4923231234567"]
    assert listing(session).last_verified_at == T0
    assert session.scalars(select(ChangeRecord)).all() == []


def test_changed_phone_becomes_a_change_record_with_its_source(session: Session) -> None:
    crawl(session, T0)
    changes = crawl(session, T0 + timedelta(days=7), phones=["+4923239999999"])
    assert [(c.field, c.old, c.new, c.source_url) for c in changes] == [
        ("phones", ["+4923231234567"], ["+4923239999999"], KONTAKT)]
    assert changes[0].changed_at == T0 + timedelta(days=7)
    assert listing(session).phones == ["+4923239999999"]
    assert listing(session).last_changed_at == T0 + timedelta(days=7)


def test_changed_hours_update_the_osm_string_too(session: Session) -> None:
    crawl(session, T0)
    changes = crawl(session, T0 + timedelta(days=7), opening_hours={"mo": ["09:00-17:00"]},
                    opening_hours_osm="Mo 09:00-17:00")
    assert [c.field for c in changes] == ["opening_hours"]
    assert listing(session).opening_hours_osm == "Mo 09:00-17:00"


def test_reordered_list_is_no_change(session: Session) -> None:
    crawl(session, T0)
    assert crawl(session, T0 + timedelta(days=7), offerings=["Brötchen", "Brot"]) == []


def test_site_down_keeps_last_verified_values_and_is_marked_stale(session: Session) -> None:
    crawl(session, T0)
    mark_stale(listing(session))
    assert listing(session).stale is True
    assert listing(session).phones == ["+4923231234567"]
    assert listing(session).last_verified_at == T0


def test_a_site_never_verified_is_not_stale_just_empty(session: Session) -> None:
    mark_stale(listing(session))
    assert listing(session).stale is False


def test_parked_domain_does_not_overwrite_the_listing(session: Session) -> None:
    crawl(session, T0)
    listing(session).site_status = "parked"
    assert crawl(session, T0 + timedelta(days=7), phones=[], emails=[], name="Diese Domain kaufen") == []
    assert listing(session).phones == ["+4923231234567"] and listing(session).stale is True
    assert reviews(session) == []


def test_value_gone_from_a_working_site_goes_to_review_not_deletion(session: Session) -> None:
    crawl(session, T0)
    crawl(session, T0 + timedelta(days=7), phones=[])
    assert listing(session).phones == ["+4923231234567"]
    assert [(r.field, r.old, r.proposed, r.status, r.source_url) for r in reviews(session)] == [
        ("phones", ["+4923231234567"], [], "open", KONTAKT)]
    assert session.scalars(select(ChangeRecord)).all() == []


def test_list_that_only_lost_an_entry_goes_to_review(session: Session) -> None:
    crawl(session, T0, emails=["info@beispiel.de", "chef@beispiel.de"])
    crawl(session, T0 + timedelta(days=7), emails=["info@beispiel.de"])
    assert listing(session).emails == ["info@beispiel.de", "chef@beispiel.de"]
    assert [(r.field, r.proposed) for r in reviews(session)] == [("emails", ["info@beispiel.de"])]


def test_disappearance_is_queued_once_across_crawls(session: Session) -> None:
    crawl(session, T0)
    crawl(session, T0 + timedelta(days=7), address=None)
    crawl(session, T0 + timedelta(days=14), address=None)
    assert [(r.field, r.status) for r in reviews(session)] == [("address", "open")]


def test_value_that_comes_back_resolves_its_review(session: Session) -> None:
    crawl(session, T0)
    crawl(session, T0 + timedelta(days=7), opening_hours=None, opening_hours_osm=None)
    crawl(session, T0 + timedelta(days=14))
    assert [r.status for r in reviews(session)] == ["resolved"]
    assert listing(session).opening_hours == {"mo": ["08:00-18:00"]}


def test_accepting_a_removal_clears_the_value_and_records_the_change(session: Session) -> None:
    crawl(session, T0)
    crawl(session, T0 + timedelta(days=7), opening_hours=None, opening_hours_osm=None)
    item = reviews(session)[0]
    accept(session, item.id, T0 + timedelta(days=8))
    session.flush()
    assert listing(session).opening_hours is None and listing(session).opening_hours_osm is None
    change = session.scalars(select(ChangeRecord)).one()
    assert (change.field, change.old, change.new, change.source_url) == (
        "opening_hours", {"mo": ["08:00-18:00"]}, None, START)
    with pytest.raises(ReviewError, match="already accepted"):
        accept(session, item.id, T0 + timedelta(days=9))


def test_rejected_removal_keeps_the_value_and_is_not_asked_again(session: Session) -> None:
    crawl(session, T0)
    crawl(session, T0 + timedelta(days=7), fax=[], phones=[])
    reject(session, reviews(session)[0].id, T0 + timedelta(days=8))
    crawl(session, T0 + timedelta(days=14), phones=[])
    assert [(r.field, r.status) for r in reviews(session)] == [("phones", "rejected")]
    assert listing(session).phones == ["+4923231234567"]


def test_unknown_review_item_is_an_error(session: Session) -> None:
    with pytest.raises(ReviewError, match="does not exist"):
        reject(session, 999, T0)
