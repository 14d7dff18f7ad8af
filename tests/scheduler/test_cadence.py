"""Adaptive cadence: failed or changed sites daily until stable, stable sites at most weekly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine

from marktplatz.db import session_factory
from marktplatz.db.engine import transaction
from marktplatz.db.models import Listing, Trader
from marktplatz.scheduling.cadence import next_check_at, plan_checks

MONDAY_CRAWL = datetime(2026, 11, 23, 2, 10, tzinfo=UTC)


def listing(**fields: object) -> Listing:
    values: dict[str, object] = {"trader_id": "x", "site_status": "ok", "consecutive_failures": 0,
                                 "last_crawled_at": MONDAY_CRAWL, "last_checked_at": MONDAY_CRAWL}
    values.update(fields)
    return Listing(**values)


def test_a_stable_site_is_due_again_after_a_week() -> None:
    due = next_check_at(listing())
    assert due is not None and timedelta(days=6) < due - MONDAY_CRAWL <= timedelta(days=7)


def test_a_site_that_failed_is_checked_again_the_next_day() -> None:
    due = next_check_at(listing(site_status="unreachable", consecutive_failures=1))
    assert due is not None and due - MONDAY_CRAWL <= timedelta(days=1)


def test_a_site_that_changed_in_its_last_check_is_checked_again_the_next_day() -> None:
    due = next_check_at(listing(last_changed_at=MONDAY_CRAWL))
    assert due is not None and due - MONDAY_CRAWL <= timedelta(days=1)


def test_a_site_checked_again_without_change_is_stable_again() -> None:
    tuesday = MONDAY_CRAWL + timedelta(days=1)
    due = next_check_at(listing(last_changed_at=MONDAY_CRAWL, last_checked_at=tuesday))
    assert due is not None and due - tuesday > timedelta(days=6)


def test_a_site_checked_a_few_minutes_late_yesterday_is_due_at_todays_run() -> None:
    yesterday_late = datetime(2026, 11, 24, 5, 7, tzinfo=UTC)  # 06:07 Berlin
    due = next_check_at(listing(site_status="broken", last_checked_at=yesterday_late))
    assert due is not None and due <= datetime(2026, 11, 25, 5, 0, tzinfo=UTC)


def test_plan_checks_picks_the_due_sites_never_opted_out_ones_and_stores_their_next_check(engine: Engine) -> None:
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        for tid, website in (("S1", "https://stable.example/"), ("F1", "https://failing.example/"),
                             ("N1", "https://new.example/"), ("W0", None), ("O1", "https://optout.example/")):
            session.add(Trader(id=tid, name=tid, website=website, websites=[website] if website else [],
                               opt_out=tid == "O1"))
        session.flush()
        session.add_all([listing(trader_id="S1"), listing(trader_id="F1", site_status="unreachable",
                                                          consecutive_failures=2),
                         Listing(trader_id="N1", site_status="not_crawled"),
                         Listing(trader_id="W0", site_status="no_website")])
    wednesday = MONDAY_CRAWL + timedelta(days=2, hours=4)
    with transaction(sessions) as session:
        assert plan_checks(session, wednesday) == ["F1", "N1"]
    with sessions() as session:
        stable = session.get(Listing, "S1")
        assert stable is not None and stable.next_check_at is not None and stable.next_check_at > wednesday
    next_monday = MONDAY_CRAWL + timedelta(days=7)
    with transaction(sessions) as session:
        assert plan_checks(session, next_monday) == ["F1", "N1", "S1"]


def test_the_daily_check_job_names_only_the_due_sites(engine: Engine, tmp_path) -> None:
    from marktplatz.config import Settings
    from marktplatz.scheduling.jobs import JobContext, check_commands

    sessions = session_factory(engine)
    with transaction(sessions) as session:
        for tid in ("A1", "B1"):
            session.add(Trader(id=tid, name=tid, website=f"https://{tid.lower()}.example/", websites=[]))
        session.flush()
        session.add_all([listing(trader_id="A1"), listing(trader_id="B1", site_status="broken")])
    ctx = JobContext(Settings(data_dir=tmp_path, db_url=str(engine.url)), sessions,
                     MONDAY_CRAWL + timedelta(days=1, hours=3), "Europe/Berlin")
    command, = check_commands(ctx)
    assert command[-3:] == ["check", "--trader", "B1"]
    assert check_commands(JobContext(ctx.settings, sessions, MONDAY_CRAWL + timedelta(hours=1),
                                     "Europe/Berlin")) == []  # nothing due: no process at all
