"""Named locks in the `locks` table, kept alive by a heartbeat: one scheduler per database, one run per job.

A lock row names its holder (`host:pid:token`). It is taken over when its holder is gone: at once when the holder
ran on this machine and its process no longer exists (a daemon killed with SIGKILL and restarted by systemd), and
otherwise when its heartbeat is older than `stale_after` (a holder on another machine that died). A holder whose
heartbeat finds its row taken over has lost the lock and must stop.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from marktplatz.db.engine import transaction
from marktplatz.db.models import Lock, utcnow
from marktplatz.scheduling.children import pid_alive

log = logging.getLogger(__name__)

SCHEDULER_LOCK = "scheduler"


def job_lock(job_id: str) -> str:
    return f"job:{job_id}"


class LockHeld(Exception):
    """The lock belongs to another live holder."""

    def __init__(self, name: str, holder: str, heartbeat_at: datetime) -> None:
        super().__init__(f"lock {name!r} is held by {holder} (last heartbeat {heartbeat_at:%Y-%m-%d %H:%M:%S} UTC)")
        self.name = name
        self.holder = holder
        self.heartbeat_at = heartbeat_at


def make_holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class LockKeeper:
    """The locks one process holds, and the heartbeat thread that keeps them fresh."""

    def __init__(self, sessions: sessionmaker[Session], *, holder: str | None = None,
                 heartbeat_every: float = 30.0, stale_after: timedelta = timedelta(minutes=3),
                 clock: Callable[[], datetime] = utcnow, hostname: str | None = None) -> None:
        self.sessions = sessions
        self.holder = holder or make_holder()
        self.heartbeat_every = heartbeat_every
        self.stale_after = stale_after
        self.clock = clock
        self.hostname = hostname or socket.gethostname()
        self.held: set[str] = set()
        self.on_lost: Callable[[set[str]], None] | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._mutex = threading.Lock()

    def acquire(self, name: str) -> None:
        """Take the lock, or raise `LockHeld`. A stale lock (holder gone) is taken over with a warning."""
        for attempt in (1, 2):
            try:
                self._acquire_once(name)
                return
            except IntegrityError:
                # Two processes inserted the row at once (PostgreSQL); the second look sees the winner.
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def _acquire_once(self, name: str) -> None:
        now = self.clock()
        with transaction(self.sessions) as session:
            row = session.get(Lock, name, with_for_update=True)
            if row is None:
                session.add(Lock(name=name, holder=self.holder, acquired_at=now, heartbeat_at=now))
            elif row.holder == self.holder:
                row.heartbeat_at = now
            elif self.holder_gone(row.holder, row.heartbeat_at, now):
                log.warning("taking over lock %r from %s (last heartbeat %s UTC)", name, row.holder,
                            f"{row.heartbeat_at:%Y-%m-%d %H:%M:%S}")
                row.holder, row.acquired_at, row.heartbeat_at = self.holder, now, now
            else:
                raise LockHeld(name, row.holder, row.heartbeat_at)
        with self._mutex:
            self.held.add(name)

    def holder_gone(self, holder: str, heartbeat_at: datetime, now: datetime) -> bool:
        host, _, rest = holder.partition(":")
        pid_text = rest.partition(":")[0]
        if host == self.hostname and pid_text.isdigit() and not pid_alive(int(pid_text)):
            return True
        return now - heartbeat_at > self.stale_after

    def is_free(self, name: str) -> bool:
        """Nobody live holds `name`, this process included (used to wait for another job, not to take it)."""
        with self.sessions() as session:
            row = session.get(Lock, name)
            return row is None or (row.holder != self.holder
                                   and self.holder_gone(row.holder, row.heartbeat_at, self.clock()))

    def release(self, name: str) -> None:
        with self._mutex:
            self.held.discard(name)
        with transaction(self.sessions) as session:
            session.execute(delete(Lock).where(Lock.name == name, Lock.holder == self.holder))

    def release_all(self) -> None:
        for name in sorted(self.held):
            self.release(name)

    def heartbeat(self) -> set[str]:
        """Refresh every held lock; returns the names that were lost to another holder (and forgets them)."""
        with self._mutex:
            names = set(self.held)
        if not names:
            return set()
        now = self.clock()
        with transaction(self.sessions) as session:
            session.execute(update(Lock).where(Lock.holder == self.holder, Lock.name.in_(names))
                            .values(heartbeat_at=now))
            still = set(session.scalars(select(Lock.name).where(Lock.holder == self.holder, Lock.name.in_(names))))
        lost = names - still
        if lost:
            with self._mutex:
                self.held -= lost
        return lost

    def start_heartbeat(self) -> None:
        self._thread = threading.Thread(target=self._beat, name="lock-heartbeat", daemon=True)
        self._thread.start()

    def stop_heartbeat(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _beat(self) -> None:
        while not self._stop.wait(self.heartbeat_every):
            try:
                lost = self.heartbeat()
            except Exception:  # a database hiccup: try again next beat; staleness is minutes away
                log.exception("lock heartbeat failed")
                continue
            if lost:
                log.error("lost lock(s) %s to another holder", ", ".join(sorted(lost)))
                if self.on_lost is not None:
                    self.on_lost(lost)
