"""Fetched pages: record a site's fetches (insert or update by trader and URL), read a site's pages back."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db.models import Page


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


def record_fetches(session: Session, trader_id: str, run_id: int | None, fetches: list[dict[str, Any]]) -> None:
    """Insert or update the page rows for a site's fetches, keyed by (trader, URL); a 304 keeps the stored body and
    its hash. The trader's existing rows are read in one query, and the rows are written in one flush."""
    rows = {p.url_hash: p for p in session.scalars(select(Page).where(Page.trader_id == trader_id))}
    for facts in fetches:
        key = url_hash(facts["url"])
        page = rows.get(key)
        if page is None:
            page = rows[key] = Page(trader_id=trader_id, url=facts["url"], url_hash=key)
            session.add(page)
        previous_hash = page.content_hash
        not_modified = bool(facts.get("not_modified"))
        for name, value in facts.items():
            if name in ("url", "content_hash", "body_path") and (not_modified or value is None):
                continue
            setattr(page, name, value)
        if not not_modified:
            page.content_hash = facts.get("content_hash")
            page.body_path = facts.get("body_path")
        page.crawl_run_id = run_id
        if page.content_hash != previous_hash and not not_modified:
            page.changed_at = facts.get("fetched_at")


def pages_of_trader(session: Session, trader_id: str, run_id: int | None = None) -> list[Page]:
    """The trader's pages, optionally only those fetched in one run, home page first, then by depth."""
    query = select(Page).where(Page.trader_id == trader_id)
    if run_id is not None:
        query = query.where(Page.crawl_run_id == run_id)
    pages = list(session.scalars(query.order_by(Page.depth, Page.id)))
    return sorted(pages, key=lambda p: (p.kind != "home", p.depth, p.id))


def known_pages(session: Session, trader_id: str) -> list[Page]:
    """Pages with a stored body and validators: the basis for conditional requests."""
    return list(session.scalars(select(Page).where(Page.trader_id == trader_id, Page.kind.in_(("home", "page")),
                                                   Page.body_path.is_not(None))))
