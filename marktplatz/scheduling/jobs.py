"""The job table: what each scheduled job runs, when, and within which time limit.

A job is a command line of the `marktplatz` CLI run in a child process (`python -m marktplatz …`). The command is
built when the job fires, by a plain function of a `JobContext`; tests point a job at a small script through the
same seam. Times are crontab expressions on the Europe/Berlin wall clock and can be changed per job.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from marktplatz.config import Settings
from marktplatz.db.engine import transaction
from marktplatz.scheduling.cadence import Cadence, plan_checks
from marktplatz.scheduling.triggers import check_crontab

Command = list[str]
# How many trader ids go on one `check` command line; more are checked by further processes in turn.
CHECK_BATCH = 500


@dataclass(frozen=True)
class JobContext:
    """What a command builder may use: settings, the database and the time the job started."""

    settings: Settings
    sessions: sessionmaker[Session]
    now: datetime  # UTC
    timezone: str

    def marktplatz(self, *args: str) -> Command:
        return [sys.executable, "-m", "marktplatz", "--quiet", *args]


CommandBuilder = Callable[[JobContext], Sequence[Command]]


@dataclass(frozen=True)
class JobSpec:
    """One scheduled job. `id` is its key in the job store and its `crawl_runs.kind`."""

    id: str
    alias: str
    title: str
    cron: str
    time_limit: timedelta
    misfire_grace: timedelta
    commands: CommandBuilder
    # Wait (up to `wait_limit`) for these jobs to finish first: the Monday report should see the Monday crawl.
    waits_for: tuple[str, ...] = ()
    wait_limit: timedelta = timedelta(hours=6)
    # Afterwards, store the listings' next check times (the job changed what the cadence rule sees).
    refreshes_cadence: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "cron", check_crontab(self.cron))


def crawl_commands(ctx: JobContext) -> list[Command]:
    return [ctx.marktplatz("crawl")]


def check_commands(ctx: JobContext) -> list[Command]:
    """The daily check of the sites that are due (see `cadence`); nothing at all when none is."""
    with transaction(ctx.sessions) as session:
        due = plan_checks(session, ctx.now, Cadence())
    return [ctx.marktplatz("check", *[arg for tid in due[i:i + CHECK_BATCH] for arg in ("--trader", tid)])
            for i in range(0, len(due), CHECK_BATCH)]


def report_commands(ctx: JobContext) -> list[Command]:
    """This ISO week's report into `DATA_DIR/reports/<YYYY-Www>/`; earlier weeks' folders are kept."""
    week = iso_week(ctx.now, ctx.timezone)
    return [ctx.marktplatz("report", "--week", week, "--out", str(report_dir(ctx.settings, week)))]


def prune_commands(ctx: JobContext) -> list[Command]:
    """Raw page bodies past their retention period (`Settings.body_retention_days`) are deleted by `prune`."""
    return [ctx.marktplatz("prune")]


def iso_week(when: datetime, timezone: str) -> str:
    from zoneinfo import ZoneInfo

    year, week, _ = when.astimezone(ZoneInfo(timezone)).isocalendar()
    return f"{year}-W{week:02d}"


def report_dir(settings: Settings, week: str) -> Path:
    return settings.reports_dir / week


def default_jobs() -> dict[str, JobSpec]:
    """The four jobs with their default times (Europe/Berlin)."""
    specs = [
        JobSpec("weekly_crawl", "crawl", "weekly full crawl", "0 2 * * mon", timedelta(hours=12),
                timedelta(days=3), crawl_commands, refreshes_cadence=True),
        JobSpec("daily_check", "check", "daily link-health check", "0 6 * * *", timedelta(hours=3),
                timedelta(hours=12), check_commands, refreshes_cadence=True),
        JobSpec("weekly_report", "report", "weekly report", "0 7 * * mon", timedelta(hours=1),
                timedelta(days=3), report_commands, waits_for=("weekly_crawl",)),
        JobSpec("nightly_prune", "prune", "raw-body retention clean-up", "30 3 * * *", timedelta(hours=1),
                timedelta(hours=12), prune_commands),
    ]
    return {s.id: s for s in specs}


@dataclass(frozen=True)
class JobTable:
    """The jobs this scheduler runs, by id, and the time zone their crontab times are read in."""

    jobs: Mapping[str, JobSpec] = field(default_factory=default_jobs)
    timezone: str = "Europe/Berlin"

    def resolve(self, name: str) -> JobSpec:
        """A job by id (`weekly_crawl`) or short name (`crawl`)."""
        for spec in self.jobs.values():
            if name in (spec.id, spec.alias):
                return spec
        known = ", ".join(f"{s.alias} ({s.id})" for s in self.jobs.values())
        raise KeyError(f"no job {name!r}; the jobs are: {known}")

    def with_changes(self, crons: Mapping[str, str] = {}, time_limits: Mapping[str, timedelta] = {}) -> JobTable:
        """The table with other times or time limits for some jobs (keys: id or short name)."""
        jobs = dict(self.jobs)
        for name, cron in crons.items():
            spec = self.resolve(name)
            jobs[spec.id] = replace(jobs[spec.id], cron=cron)
        for name, limit in time_limits.items():
            spec = self.resolve(name)
            jobs[spec.id] = replace(jobs[spec.id], time_limit=limit)
        return replace(self, jobs=jobs)
