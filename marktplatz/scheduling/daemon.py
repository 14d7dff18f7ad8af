"""The scheduler daemon: one `BlockingScheduler` per database, its jobs in the persistent job store.

Start-up: take the `scheduler` lock (a second daemon on the same database refuses to start), start its heartbeat,
close runs a dead predecessor left open, bring the stored jobs in step with the job table, then block in
APScheduler's loop. SIGTERM/SIGINT (or a lost lock) stop it cleanly: no new jobs, running job processes get
SIGTERM and then SIGKILL, their runs are recorded as interrupted, the locks are released.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from types import FrameType
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MISSED, EVENT_SCHEDULER_STARTED, JobExecutionEvent, SchedulerEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from marktplatz.config import Settings
from marktplatz.db.engine import session_factory
from marktplatz.scheduling.children import ChildProcesses
from marktplatz.scheduling.jobs import JobTable
from marktplatz.scheduling.locks import SCHEDULER_LOCK, LockKeeper
from marktplatz.scheduling.runner import JobOutcome, Runtime, reap_abandoned, record_missed, run_job
from marktplatz.scheduling.store import JOB_DEFAULTS, make_jobstore, sync_jobs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DaemonOptions:
    """Timings of the daemon; the defaults suit production, tests shorten them."""

    heartbeat_every: float = 30.0
    stale_after: timedelta = timedelta(minutes=3)
    kill_grace: float = 30.0  # SIGTERM → SIGKILL for a job process at shutdown or past its time limit
    wait_poll: float = 30.0  # how often a waiting job (report after crawl) looks again
    handle_signals: bool = True


class Daemon:
    """One scheduler process. `run()` blocks until `request_stop()` (or a signal) and returns an exit code."""

    def __init__(self, settings: Settings, engine: Engine, table: JobTable | None = None, *,
                 env: Mapping[str, str] | None = None, options: DaemonOptions = DaemonOptions(),
                 functions: Mapping[str, Callable[[], None]] | None = None) -> None:
        from marktplatz.scheduler import JOB_FUNCTIONS

        self.settings = settings
        self.engine = engine
        self.table = table or JobTable(timezone=settings.timezone)
        self.options = options
        self.functions = functions or JOB_FUNCTIONS
        sessions: sessionmaker[Session] = session_factory(engine)
        self.runtime = Runtime(settings, self.table, sessions,
                               LockKeeper(sessions, heartbeat_every=options.heartbeat_every,
                                          stale_after=options.stale_after),
                               ChildProcesses(kill_grace=options.kill_grace), env=env, wait_poll=options.wait_poll)
        self.scheduler = BlockingScheduler(
            timezone=ZoneInfo(self.table.timezone), jobstores={"default": make_jobstore(engine)},
            executors={"default": ThreadPoolExecutor(max_workers=len(self.table.jobs) + 2)},
            job_defaults=JOB_DEFAULTS)
        self.scheduler.add_listener(self._on_started, EVENT_SCHEDULER_STARTED)
        self.scheduler.add_listener(self._on_missed, EVENT_JOB_MISSED)
        self.started = threading.Event()
        self.exit_code = 0
        self.stop_reason: str | None = None
        self._stop_lock = threading.Lock()

    def run(self) -> int:
        """Take the lock (raises `LockHeld` when another daemon runs), register the jobs, run until stopped."""
        from marktplatz.scheduler import installed

        rt = self.runtime
        rt.locks.acquire(SCHEDULER_LOCK)
        previous = self._install_signals()
        try:
            rt.locks.on_lost = self._on_lost_locks
            rt.locks.start_heartbeat()
            reap_abandoned(rt)
            report = sync_jobs(self.engine, self.table, self.functions)
            log.info("scheduler jobs: %s", report)
            with installed(rt):
                if self.stop_reason is None:
                    self.scheduler.start()  # blocks until shutdown
        finally:
            self._shutdown_jobs()
            rt.locks.stop_heartbeat()
            try:
                rt.locks.release_all()
            except Exception:
                log.exception("could not release the scheduler's locks (they go stale and are taken over)")
            self._restore_signals(previous)
        log.info("scheduler stopped%s", f" ({self.stop_reason})" if self.stop_reason else "")
        return self.exit_code

    def request_stop(self, reason: str = "stop requested", exit_code: int = 0) -> None:
        """Stop the daemon from any thread or a signal handler; the first reason wins."""
        with self._stop_lock:
            if self.stop_reason is not None:
                return
            self.stop_reason = reason
            self.exit_code = exit_code
        log.warning("scheduler stopping: %s", reason)
        self.runtime.stop.set()
        # Not from the signal handler itself: shutdown() takes locks the interrupted main thread may be holding.
        threading.Thread(target=self._shutdown_scheduler, name="scheduler-stop", daemon=True).start()

    def _on_lost_locks(self, names: set[str]) -> None:
        # Another daemon took the scheduler lock over (ours looked dead, e.g. the machine was suspended): two
        # daemons must not run jobs, so this one gives way. A lost job lock alone only means that job may overlap.
        if SCHEDULER_LOCK in names:
            self.request_stop("another scheduler took over the scheduler lock", 1)

    def _shutdown_scheduler(self) -> None:
        if self.scheduler.state != STATE_STOPPED:
            self.scheduler.shutdown(wait=False)

    def _on_started(self, event: SchedulerEvent) -> None:
        self.started.set()
        if self.stop_reason is not None:  # a stop that came in while the scheduler was starting
            self._shutdown_scheduler()

    def _on_missed(self, event: JobExecutionEvent) -> None:
        try:
            record_missed(self.runtime, event.job_id, event.scheduled_run_time)
        except Exception:
            log.exception("could not record the missed run of %s", event.job_id)

    def _shutdown_jobs(self) -> None:
        rt = self.runtime
        rt.stop.set()
        rt.children.stop_all()
        if not rt.wait_idle(timeout=self.options.kill_grace + 30):
            log.error("jobs still running at shutdown; their runs are closed at the next start")

    def _install_signals(self) -> dict[int, Any]:
        if not self.options.handle_signals or threading.current_thread() is not threading.main_thread():
            return {}

        def handler(signum: int, frame: FrameType | None) -> None:
            self.request_stop(f"received {signal.Signals(signum).name}")

        return {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}

    @staticmethod
    def _restore_signals(previous: Mapping[int, Any]) -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_once(settings: Settings, engine: Engine, table: JobTable, job_name: str, *,
             env: Mapping[str, str] | None = None, options: DaemonOptions = DaemonOptions()) -> JobOutcome:
    """`--run-now`: run one job in this process, recorded like a scheduled run. Raises `LockHeld` when the job is
    running elsewhere (in the daemon or another `--run-now`) and `KeyError` for an unknown job."""
    spec = table.resolve(job_name)
    sessions = session_factory(engine)
    rt = Runtime(settings, table, sessions,
                 LockKeeper(sessions, heartbeat_every=options.heartbeat_every, stale_after=options.stale_after),
                 ChildProcesses(kill_grace=options.kill_grace), env=env, wait_poll=options.wait_poll)
    previous: dict[int, Any] = {}
    if options.handle_signals and threading.current_thread() is threading.main_thread():
        def handler(signum: int, frame: FrameType | None) -> None:
            log.warning("received %s: stopping job %s", signal.Signals(signum).name, spec.id)
            rt.stop.set()
            threading.Thread(target=rt.children.stop_all, daemon=True).start()

        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    rt.locks.start_heartbeat()
    try:
        return run_job(rt, spec.id, record_skip=False)
    finally:
        rt.locks.stop_heartbeat()
        rt.locks.release_all()
        for sig, old in previous.items():
            signal.signal(sig, old)
