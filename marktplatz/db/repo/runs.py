"""Crawl runs (and other job runs): open one, close it with its outcome and statistics."""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from marktplatz.db.models import CrawlRun, utcnow
from marktplatz.scheduling.children import pid_alive


def open_run(session: Session, kind: str, trader_ids: Sequence[str] = ()) -> CrawlRun:
    reap_dead_runs(session)
    run = CrawlRun(kind=kind, status="running", started_at=utcnow(), trader_ids=list(trader_ids) or None,
                   pid=os.getpid(), host=socket.gethostname(), stats={})
    session.add(run)
    session.flush()
    return run


def close_run(session: Session, run_id: int, status: str, stats: dict[str, Any] | None = None,
              error: str | None = None, exit_code: int | None = None) -> None:
    run = session.get(CrawlRun, run_id)
    if run is None:
        return
    run.status = status
    run.finished_at = utcnow()
    if stats is not None:
        run.stats = stats
    run.error = error
    run.exit_code = exit_code


def latest_runs(session: Session, kind: str | None = None, limit: int = 20) -> list[CrawlRun]:
    query = select(CrawlRun).order_by(CrawlRun.id.desc()).limit(limit)
    if kind:
        query = query.where(CrawlRun.kind == kind)
    return list(session.scalars(query))


def reap_dead_runs(session: Session) -> list[int]:
    """Runs still marked running whose process on this host is gone were killed: record that."""
    here = socket.gethostname()
    dead = []
    for run in session.scalars(select(CrawlRun).where(CrawlRun.status == "running", CrawlRun.host == here)):
        if run.pid is not None and run.pid != os.getpid() and not pid_alive(run.pid):
            run.status = "killed"
            run.finished_at = utcnow()
            run.error = "the process ended without closing its run (killed or crashed)"
            dead.append(run.id)
    return dead
