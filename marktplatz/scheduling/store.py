"""The persistent job store (APScheduler's `SQLAlchemyJobStore` in the project's database) and keeping it in step
with the job table.

Registering jobs with `replace_existing=True` on every start would recompute each next run time from "now" and so
silently drop a run missed while the daemon was down. `sync_jobs` instead adds missing jobs, leaves unchanged ones
exactly as stored (next run time included, so a missed run is caught up), reschedules a job only when its time
was changed, and removes jobs that are no longer in the table. It works through APScheduler's public API on a
paused scheduler, before the daemon's own scheduler starts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.util import obj_to_ref
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, ProgrammingError

from marktplatz.scheduling.jobs import JobSpec, JobTable
from marktplatz.scheduling.triggers import WallClockCronTrigger

JOBS_TABLE = "apscheduler_jobs"
# The helper schedulers below only register and read jobs: their "Scheduler started" lines would suggest a second
# scheduler to whoever reads the log, so they log warnings only, under a name of their own.
_quiet = logging.getLogger("marktplatz.scheduling.store.helper")
_quiet.setLevel(logging.WARNING)
JOB_DEFAULTS: dict[str, Any] = {"coalesce": True, "max_instances": 1}


def not_the_job_table(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic `include_object` filter: APScheduler creates and owns its job table; autogenerate must neither
    drop it nor model it."""
    return not (type_ == "table" and name == JOBS_TABLE)


class JobStore(SQLAlchemyJobStore):
    """APScheduler's store, tolerant of a second process creating the job table at the same moment (PostgreSQL
    reports the loser's `CREATE TABLE` as a duplicate; e.g. `--list` while a first daemon starts)."""

    def start(self, scheduler: Any, alias: str) -> None:
        try:
            super().start(scheduler, alias)
        except (IntegrityError, ProgrammingError):
            if not inspect(self.engine).has_table(JOBS_TABLE):
                raise


def make_jobstore(engine: Engine) -> SQLAlchemyJobStore:
    return JobStore(engine=engine, tablename=JOBS_TABLE)


def trigger_for(spec: JobSpec, table: JobTable) -> WallClockCronTrigger:
    return WallClockCronTrigger(spec.cron, table.timezone)


def job_options(spec: JobSpec, table: JobTable, func: Callable[[], None]) -> dict[str, Any]:
    return {"func": func, "name": spec.title, "misfire_grace_time": int(spec.misfire_grace.total_seconds()),
            "coalesce": True, "max_instances": 1}


@contextmanager
def paused_scheduler(engine: Engine, timezone: str) -> Iterator[BackgroundScheduler]:
    """A scheduler on the job store that never runs a job: for registering and listing."""
    scheduler = BackgroundScheduler(timezone=ZoneInfo(timezone), jobstores={"default": make_jobstore(engine)},
                                    job_defaults=JOB_DEFAULTS, logger=_quiet)
    scheduler.start(paused=True)
    try:
        yield scheduler
    finally:
        # Detach the store while still paused: on shutdown APScheduler's thread wakes up once more and, no longer
        # "paused" but "stopped", would process due jobs — failing to submit them and moving their next run
        # times on, i.e. silently dropping a run that the daemon should catch up.
        scheduler.remove_jobstore("default", shutdown=False)
        scheduler.shutdown(wait=False)


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    rescheduled: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        parts = [f"{name}: {', '.join(ids)}" for name, ids in
                 (("added", self.added), ("kept", self.kept), ("rescheduled", self.rescheduled),
                  ("updated", self.updated), ("removed", self.removed)) if ids]
        return "; ".join(parts) or "no jobs"


def sync_jobs(engine: Engine, table: JobTable, functions: Mapping[str, Callable[[], None]]) -> SyncReport:
    """Make the stored jobs match `table`, keeping the stored next run time of every job whose time is unchanged."""
    report = SyncReport()
    with paused_scheduler(engine, table.timezone) as scheduler:
        for spec in table.jobs.values():
            trigger = trigger_for(spec, table)
            options = job_options(spec, table, functions[spec.id])
            job = scheduler.get_job(spec.id)
            if job is None:
                scheduler.add_job(id=spec.id, trigger=trigger, **options)
                report.added.append(spec.id)
                continue
            if _differs(job, options):
                scheduler.modify_job(spec.id, **options)
                report.updated.append(spec.id)
            if job.trigger != trigger:
                scheduler.reschedule_job(spec.id, trigger=trigger)
                report.rescheduled.append(spec.id)
            elif spec.id not in report.updated:
                report.kept.append(spec.id)
        for job in scheduler.get_jobs():
            if job.id not in table.jobs:
                scheduler.remove_job(job.id)
                report.removed.append(job.id)
    return report


def _differs(job: Job, options: Mapping[str, Any]) -> bool:
    return (job.func_ref != obj_to_ref(options["func"]) or job.name != options["name"]
            or job.misfire_grace_time != options["misfire_grace_time"] or job.coalesce is not True
            or job.max_instances != 1)


@dataclass(frozen=True)
class JobInfo:
    id: str
    title: str
    schedule: str
    next_run: datetime | None  # None: paused, or not registered yet
    registered: bool


def list_jobs(engine: Engine, table: JobTable) -> list[JobInfo]:
    """The stored jobs (as the running daemon sees them); jobs of the table not stored yet are shown with the next
    run time they would get."""
    out: list[JobInfo] = []
    with paused_scheduler(engine, table.timezone) as scheduler:
        stored = {job.id: job for job in scheduler.get_jobs()}
    now = datetime.now(ZoneInfo(table.timezone))
    for spec in table.jobs.values():
        job = stored.pop(spec.id, None)
        if job is not None:
            out.append(JobInfo(job.id, job.name, _schedule(job.trigger), job.next_run_time, True))
        else:
            trigger = trigger_for(spec, table)
            out.append(JobInfo(spec.id, spec.title, _schedule(trigger), trigger.get_next_fire_time(None, now), False))
    out.extend(JobInfo(job.id, job.name, _schedule(job.trigger), job.next_run_time, True) for job in stored.values())
    return out


def _schedule(trigger: object) -> str:
    if isinstance(trigger, WallClockCronTrigger):
        return trigger.crontab
    return str(trigger)
