"""The `locks` table: one holder at a time, a heartbeat that keeps it, and take-over only from a holder that is
gone (dead process on this machine, or a heartbeat older than the stale limit), with a clock the test controls."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.engine import Engine

from marktplatz.db import session_factory
from marktplatz.db.engine import transaction
from marktplatz.db.models import Lock
from marktplatz.scheduling.locks import SCHEDULER_LOCK, LockHeld, LockKeeper

T0 = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def keeper(engine: Engine, clock: Clock, holder: str, host: str = "herne-1") -> LockKeeper:
    return LockKeeper(session_factory(engine), holder=holder, clock=clock, hostname=host,
                      stale_after=timedelta(minutes=3))


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_live_holder_keeps_the_lock(engine: Engine) -> None:
    clock = Clock(T0)
    first = keeper(engine, clock, "herne-2:4242:aaaa")  # another machine
    first.acquire(SCHEDULER_LOCK)
    clock.now = T0 + timedelta(minutes=2)
    with pytest.raises(LockHeld) as held:
        keeper(engine, clock, "herne-1:1:bbbb").acquire(SCHEDULER_LOCK)
    assert held.value.holder == "herne-2:4242:aaaa"


def test_a_heartbeat_keeps_a_long_running_holder_fresh(engine: Engine) -> None:
    clock = Clock(T0)
    first = keeper(engine, clock, "herne-2:4242:aaaa")
    first.acquire(SCHEDULER_LOCK)
    for minute in range(1, 60):
        clock.now = T0 + timedelta(minutes=minute)
        assert first.heartbeat() == set()
    with pytest.raises(LockHeld):
        keeper(engine, clock, "herne-1:1:bbbb").acquire(SCHEDULER_LOCK)


def test_a_stale_lock_from_another_machine_is_taken_over(engine: Engine) -> None:
    clock = Clock(T0)
    keeper(engine, clock, "herne-2:4242:aaaa").acquire(SCHEDULER_LOCK)
    clock.now = T0 + timedelta(minutes=4)  # no heartbeat for longer than stale_after
    second = keeper(engine, clock, "herne-1:1:bbbb")
    second.acquire(SCHEDULER_LOCK)
    with session_factory(engine)() as session:
        row = session.get(Lock, SCHEDULER_LOCK)
        assert row is not None and row.holder == "herne-1:1:bbbb" and row.acquired_at == clock.now


def test_a_lock_of_a_dead_process_on_this_machine_is_taken_over_at_once(engine: Engine) -> None:
    clock = Clock(T0)
    keeper(engine, clock, f"herne-1:{dead_pid()}:aaaa").acquire(SCHEDULER_LOCK)
    # fresh heartbeat, but the process that holds it is gone (a daemon killed with SIGKILL)
    keeper(engine, clock, "herne-1:1:bbbb").acquire(SCHEDULER_LOCK)


def test_the_old_holder_learns_from_its_heartbeat_that_it_lost_the_lock(engine: Engine) -> None:
    clock = Clock(T0)
    old = keeper(engine, clock, "herne-2:4242:aaaa")
    old.acquire(SCHEDULER_LOCK)
    clock.now = T0 + timedelta(minutes=10)  # e.g. the machine was suspended
    keeper(engine, clock, "herne-1:1:bbbb").acquire(SCHEDULER_LOCK)
    assert old.heartbeat() == {SCHEDULER_LOCK}
    assert SCHEDULER_LOCK not in old.held


def test_release_frees_the_lock_only_for_its_holder(engine: Engine) -> None:
    clock = Clock(T0)
    first = keeper(engine, clock, "herne-2:4242:aaaa")
    first.acquire(SCHEDULER_LOCK)
    keeper(engine, clock, "herne-1:1:bbbb").release(SCHEDULER_LOCK)  # not its lock: nothing happens
    with pytest.raises(LockHeld):
        keeper(engine, clock, "herne-1:1:bbbb").acquire(SCHEDULER_LOCK)
    first.release(SCHEDULER_LOCK)
    keeper(engine, clock, "herne-1:1:bbbb").acquire(SCHEDULER_LOCK)


def test_is_free_reports_a_dead_holder_as_free(engine: Engine) -> None:
    clock = Clock(T0)
    with transaction(session_factory(engine)) as session:
        session.add(Lock(name="job:weekly_crawl", holder=f"herne-1:{dead_pid()}:x", acquired_at=T0,
                         heartbeat_at=T0))
    me = keeper(engine, clock, "herne-1:1:bbbb")
    assert me.is_free("job:weekly_crawl")
    keeper(engine, clock, "herne-2:1:cccc").acquire("job:daily_check")
    assert not me.is_free("job:daily_check")
