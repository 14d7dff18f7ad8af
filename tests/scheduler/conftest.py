"""Scheduler test helpers: an initialised database, stub job commands, an in-process daemon, polling."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from marktplatz.config import Settings
from marktplatz.db import make_engine, session_factory, upgrade_to_head
from marktplatz.db.models import CrawlRun
from marktplatz.scheduling.daemon import Daemon, DaemonOptions
from marktplatz.scheduling.jobs import JobContext, JobTable
from marktplatz.scheduling.store import paused_scheduler, sync_jobs

HERE = Path(__file__).resolve().parent
STUB = str(HERE / "marktplatz_stub.py")
ROOT = HERE.parent.parent
FAR = "0 3 29 2 *"  # 29 February: no job fires during a test unless a test makes it due
FAST = DaemonOptions(heartbeat_every=0.5, kill_grace=2.0, wait_poll=0.1, handle_signals=False)


def stub(*args: str) -> Callable[[JobContext], list[list[str]]]:
    """A command builder running the stub script instead of `marktplatz …`."""
    return lambda ctx: [[sys.executable, STUB, *args]]


def quiet_table(**changes: dict[str, Any]) -> JobTable:
    """The real job table, every job moved to 29 February, with per-job changes (`weekly_crawl={...}`)."""
    base = JobTable()
    jobs = {job_id: replace(spec, **{"cron": FAR, **changes.get(job_id, {})}) for job_id, spec in base.jobs.items()}
    return replace(base, jobs=jobs)


def wait_until(predicate: Callable[[], Any], timeout: float = 30.0, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def runs(engine: Engine, kind: str | None = None) -> list[CrawlRun]:
    with session_factory(engine)() as session:
        query = select(CrawlRun).order_by(CrawlRun.id)
        if kind:
            query = query.where(CrawlRun.kind == kind)
        return list(session.scalars(query))


def closed_runs(engine: Engine, kind: str) -> list[CrawlRun]:
    return [r for r in runs(engine, kind) if r.status != "running"]


def make_due(engine: Engine, table: JobTable, *job_ids: str, when: datetime | None = None) -> None:
    """Register the table's jobs and move the next run time of `job_ids` to `when` (default: a second ago), as if
    the daemon had been down over their scheduled time."""
    from marktplatz.scheduler import JOB_FUNCTIONS

    sync_jobs(engine, table, JOB_FUNCTIONS)
    with paused_scheduler(engine, table.timezone) as scheduler:
        for job_id in job_ids:
            scheduler.modify_job(job_id, next_run_time=when or datetime.now(UTC) - timedelta(seconds=1))


def next_run_times(engine: Engine, table: JobTable) -> dict[str, datetime | None]:
    with paused_scheduler(engine, table.timezone) as scheduler:
        return {job.id: job.next_run_time for job in scheduler.get_jobs()}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"  # where the shared `db_url` fixture puts an SQLite file
    path.mkdir(exist_ok=True)
    return path


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def engine(db_url: str, data_dir: Path) -> Iterator[Engine]:
    """The test's migrated database: SQLite, or a fresh PostgreSQL database with MARKTPLATZ_TEST_PG (see
    `tests/conftest.py`)."""
    engine = make_engine(db_url)
    upgrade_to_head(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def settings(data_dir: Path, engine: Engine) -> Settings:
    return Settings(data_dir=data_dir, db_url=url_of(engine))


class DaemonThread:
    """A daemon running in a thread of the test process (stopped through `request_stop`, as a signal would)."""

    def __init__(self, daemon: Daemon) -> None:
        self.daemon = daemon
        self.result: list[int] = []
        self.thread = threading.Thread(target=lambda: self.result.append(daemon.run()), daemon=True)

    def __enter__(self) -> Daemon:
        self.thread.start()
        wait_until(lambda: self.daemon.started.is_set() or not self.thread.is_alive(), what="daemon start")
        assert self.thread.is_alive(), "the daemon did not start"
        return self.daemon

    def __exit__(self, *exc: object) -> None:
        self.daemon.request_stop("test over")
        self.thread.join(timeout=30)
        assert not self.thread.is_alive(), "the daemon did not stop"


def cli_env(data_dir: Path, db_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")}
    env.update({"MARKTPLATZ_DATA_DIR": str(data_dir), "MARKTPLATZ_DB": db_url, "PYTHONPATH": str(ROOT)})
    return env


def start_process(args: Sequence[str], data_dir: Path, db_url: str, log: Path) -> subprocess.Popen[bytes]:
    """Start a daemon process like systemd would; its stdout and stderr go to `log` (never a pipe nobody reads)."""
    with open(log, "ab") as out:
        return subprocess.Popen(list(args), env=cli_env(data_dir, db_url), cwd=data_dir, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def lock_holder_pid(engine: Engine, name: str = "scheduler") -> int | None:
    from marktplatz.db.models import Lock

    with session_factory(engine)() as session:
        row = session.get(Lock, name)
        return int(row.holder.split(":")[1]) if row is not None else None


def pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # A zombie still answers kill(0); it is gone as far as work is concerned.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True
