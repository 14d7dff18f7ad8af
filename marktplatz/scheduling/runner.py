"""Running one job: its lock, its child processes, and its `crawl_runs` row (kind = the job id).

Whatever happens in a job — a command that cannot be built, a child that exits non-zero, dies of a signal or hangs
past its time limit, a shutdown in the middle — ends as a closed run with a status (`finished`, `failed`,
`timeout`, `interrupted`, `skipped`, `missed`, `abandoned`) and is logged; nothing propagates to the scheduler.
The child's own crawl run (a crawl or check records one) is linked from the job's run by the child's pid.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from marktplatz.config import Settings
from marktplatz.db.engine import transaction
from marktplatz.db.models import CrawlRun, utcnow
from marktplatz.db.repo.runs import close_run, open_run
from marktplatz.scheduling.cadence import Cadence, plan_checks
from marktplatz.scheduling.children import ChildProcesses, ChildResult, stop_orphan
from marktplatz.scheduling.jobs import JobContext, JobSpec, JobTable
from marktplatz.scheduling.locks import LockHeld, LockKeeper, job_lock

log = logging.getLogger(__name__)

RUNNING = "running"


@dataclass
class Runtime:
    """Everything a job needs at run time; built by the daemon (or `--run-now`) and handed to the job functions."""

    settings: Settings
    table: JobTable
    sessions: sessionmaker[Session]
    locks: LockKeeper
    children: ChildProcesses
    env: Mapping[str, str] | None = None  # environment of the child processes (None: this process's)
    clock: Callable[[], datetime] = utcnow
    wait_poll: float = 30.0
    stop: threading.Event = field(default_factory=threading.Event)
    _active: dict[str, int] = field(default_factory=dict)
    _active_changed: threading.Condition = field(default_factory=threading.Condition)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no job is running here (each has recorded its run); False on timeout."""
        with self._active_changed:
            return self._active_changed.wait_for(lambda: not self._active, timeout=timeout)


@dataclass(frozen=True)
class JobOutcome:
    job_id: str
    status: str
    run_id: int | None
    error: str | None = None
    summary: str = ""


def run_job(rt: Runtime, job_id: str, *, record_skip: bool = True) -> JobOutcome:
    """Run one job to its end and record it. Never raises for a failing job; raises `LockHeld` only when
    `record_skip` is False (`--run-now` reports that to the operator instead)."""
    spec = rt.table.jobs[job_id]
    try:
        rt.locks.acquire(job_lock(spec.id))
    except LockHeld as held:
        if not record_skip:
            raise
        reason = f"another run of this job is still going ({held.holder})"
        log.warning("job %s skipped: %s", spec.id, reason)
        return JobOutcome(spec.id, "skipped", _record_closed(rt, spec.id, "skipped", reason), reason)
    with rt._active_changed:
        rt._active[spec.id] = rt._active.get(spec.id, 0) + 1
    try:
        return _run_locked(rt, spec)
    finally:
        try:
            rt.locks.release(job_lock(spec.id))
        except Exception:
            log.exception("could not release the lock of job %s (it goes stale and is taken over)", spec.id)
        with rt._active_changed:
            rt._active[spec.id] -= 1
            if not rt._active[spec.id]:
                del rt._active[spec.id]
            rt._active_changed.notify_all()


def _run_locked(rt: Runtime, spec: JobSpec) -> JobOutcome:
    run_id: int | None = None
    started = time.monotonic()
    stats: dict[str, Any] = {"host": socket.gethostname(), "scheduler_pid": os.getpid()}
    try:
        with transaction(rt.sessions) as session:
            run = open_run(session, spec.id)
            run.stats = dict(stats)
            run_id = run.id
        if not _wait_for_jobs(rt, spec):
            return _close(rt, spec, run_id, "interrupted", stats, "the scheduler shut down while the job waited",
                          None, started)
        commands = list(spec.commands(JobContext(rt.settings, rt.sessions, rt.clock(), rt.table.timezone)))
        trader_ids = [c[i + 1] for c in commands for i, a in enumerate(c[:-1]) if a == "--trader"]
        if trader_ids:
            stats["traders"] = len(trader_ids)
            with transaction(rt.sessions) as session:
                row = session.get(CrawlRun, run_id)
                if row is not None:
                    row.trader_ids = trader_ids
        if not commands:
            return _close(rt, spec, run_id, "skipped", stats, None, None, started, summary="nothing to do")
        results = _run_commands(rt, spec, run_id, commands)
        stats["processes"] = [_process_stats(rt, r, run_id) for r in results]
        stats["output_tail"] = results[-1].output_tail[-2000:]
        last = results[-1]
        # A child that ended badly while the scheduler stops was most likely stopped with it (systemd may signal
        # the whole service at once): interrupted, not failed.
        status = ("finished" if last.ok else "timeout" if last.timed_out
                  else "interrupted" if last.interrupted or rt.stop.is_set() else "failed")
        error = None if last.ok else f"{short_command(last.command)}: {last.describe()}" + (
            f": {last.last_line}" if last.last_line else "")
        return _close(rt, spec, run_id, status, stats, error, last.exit_code, started, summary=last.last_line)
    except Exception as exc:
        log.exception("job %s failed", spec.id)
        error = "".join(traceback.format_exception_only(exc)).strip()
        try:
            if run_id is None:
                run_id = _record_closed(rt, spec.id, "failed", error)
                return JobOutcome(spec.id, "failed", run_id, error)
            return _close(rt, spec, run_id, "failed", stats, error, None, started)
        except Exception:
            log.exception("job %s: could not record its failure", spec.id)
            return JobOutcome(spec.id, "failed", run_id, error)
    finally:
        if spec.refreshes_cadence:
            _refresh_cadence(rt)


def _run_commands(rt: Runtime, spec: JobSpec, run_id: int, commands: Sequence[list[str]]) -> list[ChildResult]:
    deadline = time.monotonic() + spec.time_limit.total_seconds()
    results: list[ChildResult] = []
    for command in commands:
        remaining = max(0.0, deadline - time.monotonic())

        def child_started(pid: int) -> None:
            with transaction(rt.sessions) as session:
                row = session.get(CrawlRun, run_id)
                if row is not None:
                    row.pid = pid

        log.info("job %s: starting %s", spec.id, short_command(command))
        result = rt.children.run(command, time_limit=remaining, env=rt.env, cwd=_cwd(rt.settings),
                                 on_start=child_started)
        results.append(result)
        if not result.ok:
            break
    return results


def _cwd(settings: Settings) -> Path:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    return settings.data_dir


def _process_stats(rt: Runtime, result: ChildResult, run_id: int) -> dict[str, Any]:
    """One child's facts, with the runs it recorded itself (a crawl's own `crawl_runs` row carries its stats)."""
    with rt.sessions() as session:
        own = session.scalars(select(CrawlRun).where(CrawlRun.pid == result.pid, CrawlRun.id > run_id)
                              .order_by(CrawlRun.id)).all()
        child_runs = [{"id": r.id, "kind": r.kind, "status": r.status} for r in own]
    command = list(result.command)
    return {"command": command[:9] + ([f"… {len(command) - 9} more"] if len(command) > 9 else []),
            "pid": result.pid, "exit_code": result.exit_code, "seconds": round(result.seconds, 1),
            "timed_out": result.timed_out, "child_runs": child_runs}


def short_command(command: Sequence[str]) -> str:
    """`marktplatz check` for `python -m marktplatz --quiet check --trader …`: for logs and errors."""
    args = list(command)
    if "marktplatz" in args:
        args = ["marktplatz", *args[args.index("marktplatz") + 1:]]
    words = [a for a in args if a != "--quiet"]
    return " ".join(words[:2]) + (" …" if len(words) > 2 else "")


def _wait_for_jobs(rt: Runtime, spec: JobSpec) -> bool:
    """Wait while a job this one depends on is running; False when the scheduler stops meanwhile."""
    deadline = time.monotonic() + spec.wait_limit.total_seconds()
    for other in spec.waits_for:
        announced = False
        while not rt.locks.is_free(job_lock(other)):
            if time.monotonic() > deadline:
                log.warning("job %s: %s still runs after %s; going ahead", spec.id, other, spec.wait_limit)
                return True
            if not announced:
                log.info("job %s waits for %s to finish", spec.id, other)
                announced = True
            if rt.stop.wait(rt.wait_poll):
                return False
    return not rt.stop.is_set()


def _close(rt: Runtime, spec: JobSpec, run_id: int, status: str, stats: dict[str, Any], error: str | None,
           exit_code: int | None, started: float, summary: str = "") -> JobOutcome:
    stats["seconds"] = round(time.monotonic() - started, 1)
    if summary:
        stats["summary"] = summary
    with transaction(rt.sessions) as session:
        close_run(session, run_id, status, stats, error, exit_code)
    level = logging.INFO if status in ("finished", "skipped") else logging.ERROR
    log.log(level, "job %s %s after %.1f s (run %s)%s", spec.id, status, stats["seconds"], run_id,
            f": {error}" if error else f": {summary}" if summary else "")
    return JobOutcome(spec.id, status, run_id, error, summary)


def _record_closed(rt: Runtime, kind: str, status: str, error: str | None) -> int:
    """A run that never started (skipped, missed, or failed before it could open its row)."""
    with transaction(rt.sessions) as session:
        run = open_run(session, kind)
        run.stats = {"host": socket.gethostname(), "scheduler_pid": os.getpid()}
        close_run(session, run.id, status, run.stats, error)
        return run.id


def record_missed(rt: Runtime, job_id: str, scheduled_at: datetime) -> None:
    """APScheduler dropped a run that was later than its misfire grace time: leave a trace for the operator."""
    _record_closed(rt, job_id, "missed", f"scheduled for {scheduled_at.isoformat()} but the scheduler was not "
                                         "running within the job's grace time")


def _refresh_cadence(rt: Runtime) -> None:
    try:
        with transaction(rt.sessions) as session:
            plan_checks(session, rt.clock(), Cadence())
    except Exception:
        log.exception("could not update the listings' next check times")


def reap_abandoned(rt: Runtime) -> list[int]:
    """At start-up: runs still marked running whose job lock has no live holder were left by a scheduler that
    died. Their job process, when it still runs on this machine, is stopped; the runs are closed as abandoned."""
    kinds = list(rt.table.jobs)
    with rt.sessions() as session:
        rows = session.scalars(select(CrawlRun).where(CrawlRun.kind.in_(kinds), CrawlRun.status == RUNNING)).all()
    reaped: list[int] = []
    for row in rows:
        if not rt.locks.is_free(job_lock(row.kind)):
            continue  # a live process (another `--run-now`) is running this job now
        note = "the scheduler stopped while the job ran (killed or crashed)"
        stats = dict(row.stats or {})
        here = (row.host or stats.get("host")) == socket.gethostname()
        if here and row.pid and row.pid != stats.get("scheduler_pid") and stop_orphan(row.pid):
            note += f"; its process {row.pid} was still running and has been stopped"
        with transaction(rt.sessions) as session:
            close_run(session, row.id, "abandoned", stats, note, None)
        log.warning("run %s of job %s: %s", row.id, row.kind, note)
        reaped.append(row.id)
    return reaped
