"""Retention of raw page bodies: bodies older than the retention period are deleted (they may hold personal data
that pages show besides business contacts); extracted listing values stay. Bodies are shared between pages by hash,
so a file goes only when no page still within the period refers to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from marktplatz.db.bodies import BodyStore
from marktplatz.db.models import Page


@dataclass
class PruneResult:
    pages: int
    files: int
    bytes: int


def prune_bodies(session: Session, store: BodyStore, now: datetime, days: int) -> PruneResult:
    """Forget bodies fetched before `now - days`, then delete every stored file no page refers to any more."""
    cutoff = now - timedelta(days=days)
    expired = session.execute(
        update(Page).where(Page.body_path.is_not(None), Page.fetched_at < cutoff)
        .values(body_path=None).execution_options(synchronize_session=False))
    session.flush()
    referenced = set(session.scalars(select(Page.body_path).where(Page.body_path.is_not(None))))
    files = size = 0
    for path in _stored_files(store.root):
        rel = path.relative_to(store.root).as_posix()
        if rel not in referenced:
            size += path.stat().st_size
            path.unlink(missing_ok=True)
            files += 1
    return PruneResult(pages=expired.rowcount or 0, files=files, bytes=size)  # type: ignore[attr-defined]


def _stored_files(root: Path) -> list[Path]:
    if not root.exists():
        return []
    # Leftover temporary files of a killed write are garbage too.
    return [p for p in root.glob("*/*") if p.is_file() and (p.suffix == ".gz" or p.name.startswith(".tmp-"))]
