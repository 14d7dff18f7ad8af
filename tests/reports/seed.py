"""A small, hand-made directory written straight into a fresh database: three weeks of history, every kind of
site, a review item, and one opted-out trader who has data everywhere and must show up nowhere."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from marktplatz.db import make_engine
from marktplatz.db.models import (
    BrokenLink,
    ChangeRecord,
    Finding,
    LinkCheck,
    Listing,
    ReviewItem,
    SiteSnapshot,
    Trader,
)
from marktplatz.reports.weekly.period import current_week

BERLIN = ZoneInfo("Europe/Berlin")
OPTED_OUT = ("X-9", "Juwelier Geheimnisvoll", "juwelier-geheimnisvoll.de")
HOURS = {"mo": ["08:00-12:00", "14:00-18:00"], "tu": ["08:00-18:00"], "sa": ["08:00-13:00"]}
IMPRESSUM_NO_MAIL = {"url": "https://www.baeckerei-sonne.de/impressum", "name": "Bäckerei Sonne GmbH",
                     "legal_form": "GmbH", "representatives": [], "emails": [], "phones": ["+4923231111111"],
                     "address": {"street": "Bahnhofstraße 1", "postcode": "44623", "city": "Herne"},
                     "register_court": None, "register_number": None, "vat_id": None}


def moments(now: datetime) -> dict[str, datetime]:
    week = current_week(now, BERLIN)
    this = max(week.start, now - timedelta(seconds=30))
    return {"w-2": week.start - timedelta(days=13, hours=-2), "w-1": week.start - timedelta(days=6, hours=-2),
            "this": this}


def seed(db_url: str, now: datetime | None = None) -> dict[str, datetime]:
    now = now or datetime.now(UTC)
    at = moments(now)
    engine = make_engine(db_url)
    with Session(engine) as s, s.begin():
        s.add_all([
            Trader(id="A-1", name="Bäckerei Sonne", category="Bäckerei", website="https://www.baeckerei-sonne.de/",
                   street="Bahnhofstraße 1", postcode="44623", city="Herne"),
            Trader(id="B-2", name="Metzgerei Altmodisch", category="Metzgerei",
                   website="http://www.metzgerei-altmodisch.de/", phone="02323 22222"),
            Trader(id="C-3", name="Schuhhaus Zu", category="Einzelhandel", website="https://www.schuhhaus-zu.de/"),
            Trader(id="D-4", name="Café Neukaputt", category="Gastronomie", website="https://www.cafe-neukaputt.de/"),
            Trader(id="E-5", name="Papeterie Ohnenetz", category="Einzelhandel", website=None, phone="02323 55555",
                   email="papeterie@example.org", street="Neustraße 5", postcode="44623", city="Herne"),
            Trader(id=OPTED_OUT[0], name=OPTED_OUT[1], category="Einzelhandel",
                   website=f"http://www.{OPTED_OUT[2]}/", phone="02323 99999", email=f"info@{OPTED_OUT[2]}",
                   opt_out=True, opt_out_at=at["w-2"]),
        ])
        s.flush()
        s.add_all([
            Listing(trader_id="A-1", name="Bäckerei Sonne", phones=["+4923231111111"],
                    emails=["info@baeckerei-sonne.de"], address=dict(IMPRESSUM_NO_MAIL["address"]),
                    opening_hours=HOURS, opening_hours_osm="Mo 08:00-12:00,14:00-18:00; Tu 08:00-18:00; Sa 08:00-13:00",
                    offerings=["Brot", "Brötchen", "Torten"], impressum_url=IMPRESSUM_NO_MAIL["url"],
                    impressum=IMPRESSUM_NO_MAIL, sources={"phones": "https://www.baeckerei-sonne.de/kontakt"},
                    site_status="ok", status_since=at["w-2"], quality_score=90, last_crawled_at=at["this"],
                    last_verified_at=at["this"]),
            Listing(trader_id="B-2", name="Metzgerei Altmodisch", phones=["+4923232222299"],
                    emails=["metzger@metzgerei-altmodisch.de"], opening_hours={"mo": ["09:00-17:00"]},
                    opening_hours_osm="Mo 09:00-17:00", site_status="ok", status_since=at["w-2"], quality_score=50,
                    last_crawled_at=at["this"], last_verified_at=at["this"], last_changed_at=at["this"]),
            Listing(trader_id="C-3", name="Schuhhaus Zu", phones=["+4923233333333"], site_status="unreachable",
                    status_since=at["w-1"], stale=True, quality_score=70, consecutive_failures=2,
                    last_crawled_at=at["this"], last_verified_at=at["w-2"]),
            Listing(trader_id="D-4", name="Café Neukaputt", site_status="broken", status_since=at["this"],
                    quality_score=80, last_crawled_at=at["this"], last_verified_at=at["w-1"]),
            Listing(trader_id="E-5", site_status="no_website"),
            Listing(trader_id=OPTED_OUT[0], name=OPTED_OUT[1], phones=["+4923239999999"], site_status="broken",
                    status_since=at["this"], stale=True, quality_score=10, last_crawled_at=at["this"],
                    last_verified_at=at["w-2"]),
        ])
        s.add_all([
            Finding(trader_id="A-1", code="no_viewport", severity="medium",
                    message_de="Die Startseite ist nicht für Smartphones eingerichtet (kein Viewport).",
                    created_at=at["this"]),
            Finding(trader_id="B-2", code="no_https", severity="high",
                    message_de="Die Website ist nicht verschlüsselt (kein HTTPS).", created_at=at["this"]),
            Finding(trader_id="B-2", code="no_impressum", severity="high",
                    message_de="Kein Impressum gefunden.", created_at=at["this"]),
            Finding(trader_id="B-2", code="no_viewport", severity="medium",
                    message_de="Die Startseite ist nicht für Smartphones eingerichtet (kein Viewport).",
                    created_at=at["this"]),
            Finding(trader_id="C-3", code="no_opening_hours_online", severity="low",
                    message_de="Auf der Website stehen keine Öffnungszeiten.", created_at=at["w-2"]),
            Finding(trader_id=OPTED_OUT[0], code="no_https", severity="high",
                    message_de=f"{OPTED_OUT[1]} ist nicht verschlüsselt.", created_at=at["this"]),
        ])
        for tid, states in {"A-1": [("w-2", "ok", 90), ("w-1", "ok", 90), ("this", "ok", 90)],
                            "B-2": [("w-2", "ok", 30), ("w-1", "ok", 30), ("this", "ok", 50)],
                            "C-3": [("w-2", "ok", 70), ("w-1", "unreachable", 70), ("this", "unreachable", 70)],
                            "D-4": [("w-1", "ok", 80), ("this", "broken", 80)],
                            OPTED_OUT[0]: [("w-2", "ok", 10), ("this", "broken", 10)]}.items():
            for moment, status, score in states:
                year, week, _ = at[moment].isocalendar()
                s.add(SiteSnapshot(trader_id=tid, taken_at=at[moment], iso_week=f"{year}-W{week:02d}",
                                   site_status=status, score=score))
        s.add_all([
            ChangeRecord(trader_id="B-2", field="phones", old=["+4923232222222"], new=["+4923232222299"],
                         changed_at=at["this"], source_url="http://www.metzgerei-altmodisch.de/kontakt"),
            ChangeRecord(trader_id="B-2", field="opening_hours", old={"mo": ["08:00-16:00"]},
                         new={"mo": ["09:00-17:00"]}, changed_at=at["this"],
                         source_url="http://www.metzgerei-altmodisch.de/"),
            ChangeRecord(trader_id="C-3", field="site_status", old="ok", new="unreachable", changed_at=at["w-1"],
                         source_url="https://www.schuhhaus-zu.de/"),
            ChangeRecord(trader_id="D-4", field="site_status", old="ok", new="broken", changed_at=at["this"],
                         source_url="https://www.cafe-neukaputt.de/"),
            ChangeRecord(trader_id=OPTED_OUT[0], field="phones", old=["+4923239999998"], new=["+4923239999999"],
                         changed_at=at["this"], source_url=f"http://www.{OPTED_OUT[2]}/kontakt"),
            ReviewItem(trader_id="B-2", field="emails", old=["metzger@metzgerei-altmodisch.de"], proposed=[],
                       source_url="http://www.metzgerei-altmodisch.de/kontakt", created_at=at["this"]),
            ReviewItem(trader_id=OPTED_OUT[0], field="emails", old=[f"info@{OPTED_OUT[2]}"], proposed=[],
                       source_url=f"http://www.{OPTED_OUT[2]}/kontakt", created_at=at["this"]),
            BrokenLink(trader_id="B-2", url="http://www.metzgerei-altmodisch.de/angebote-2019.html", status=404,
                       found_on="http://www.metzgerei-altmodisch.de/", first_seen_at=at["this"],
                       last_seen_at=at["this"]),
            BrokenLink(trader_id=OPTED_OUT[0], url=f"http://www.{OPTED_OUT[2]}/alt.html", status=404,
                       found_on=f"http://www.{OPTED_OUT[2]}/", first_seen_at=at["this"], last_seen_at=at["this"]),
            LinkCheck(trader_id="C-3", checked_at=at["this"], url="https://www.schuhhaus-zu.de/", outcome="refused",
                      error="connection refused"),
            LinkCheck(trader_id="D-4", checked_at=at["this"], url="https://www.cafe-neukaputt.de/",
                      outcome="http_error", http_status=500),
            LinkCheck(trader_id=OPTED_OUT[0], checked_at=at["this"], url=f"http://www.{OPTED_OUT[2]}/",
                      outcome="http_error", http_status=503),
        ])
    engine.dispose()
    return at
