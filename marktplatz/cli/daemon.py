"""`marktplatz scheduler`: the long-running scheduler daemon (weekly crawl, daily check, weekly report, clean-up),
`--list` to see its jobs and next run times, `--run-now JOB` to run one job once."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from marktplatz.cli.app import App, CliError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "scheduler", help="run the scheduler daemon",
        description="Run the scheduler: weekly crawl, daily health check, weekly report, nightly raw-body "
                    "clean-up, each in a process of its own. Stops cleanly on SIGTERM/SIGINT; a second scheduler "
                    "on the same database refuses to start.",
        epilog="Jobs: crawl (weekly_crawl, default '0 2 * * mon'), check (daily_check, '0 6 * * *'), "
               "report (weekly_report, '0 7 * * mon'), prune (nightly_prune, '30 3 * * *'); "
               "times are Europe/Berlin wall-clock times.")
    p.add_argument("--list", action="store_true", help="show the jobs and their next run times (Berlin time)")
    p.add_argument("--run-now", metavar="JOB", help="run one job once, now (crawl, check, report or prune)")
    p.add_argument("--cron", action="append", default=[], metavar="JOB=EXPR", type=_assignment,
                   help="another time for a job, as a crontab expression with day names, e.g. "
                        "--cron 'crawl=0 3 * * sun' (repeat for several jobs)")
    p.add_argument("--time-limit", action="append", default=[], metavar="JOB=MINUTES", type=_assignment,
                   help="another time limit for a job's process, in minutes (repeat for several jobs)")
    p.set_defaults(func=cmd_scheduler)


def _assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not of the form JOB=VALUE")
    return name.strip(), value.strip()


def cmd_scheduler(app: App, args: argparse.Namespace) -> int:
    from marktplatz.scheduling.daemon import Daemon, run_once
    from marktplatz.scheduling.locks import LockHeld

    table = _job_table(app, args)
    app.require_schema()
    if args.list:
        return _print_list(app, table)
    # The job processes read the environment at their own entry point: this one's, which the daemon was given.
    env = dict(os.environ)
    if args.run_now:
        try:
            outcome = run_once(app.settings, app.engine, table, args.run_now, env=env)
        except LockHeld as held:
            raise CliError(f"job {args.run_now} is running already ({held.holder})") from held
        detail = outcome.error or outcome.summary
        print(f"scheduler: {outcome.job_id} {outcome.status} (run {outcome.run_id})" + (f": {detail}" if detail
                                                                                    else ""))
        if outcome.status not in ("finished", "skipped"):
            raise CliError(f"job {outcome.job_id} ended {outcome.status}")
        return 0
    _log_info_to_stderr()
    daemon = Daemon(app.settings, app.engine, table, env=env)
    try:
        code = daemon.run()
    except LockHeld as held:
        raise CliError(f"another scheduler is running on this database ({held.holder}, last heartbeat "
                       f"{held.heartbeat_at:%Y-%m-%d %H:%M:%S} UTC); not starting a second one") from held
    if code:
        raise CliError(f"scheduler stopped: {daemon.stop_reason}", exit_code=code)
    return 0


def _job_table(app: App, args: argparse.Namespace) -> Any:
    from marktplatz.scheduling.jobs import JobTable
    from marktplatz.scheduling.triggers import CronError

    table = JobTable(timezone=app.settings.timezone)
    limits: dict[str, timedelta] = {}
    for name, value in args.time_limit:
        try:
            minutes = float(value)
        except ValueError:
            raise CliError(f"--time-limit {name}={value}: not a number of minutes") from None
        if minutes <= 0:
            raise CliError(f"--time-limit {name}={value}: must be more than 0 minutes")
        limits[name] = timedelta(minutes=minutes)
    try:
        return table.with_changes(crons=dict(args.cron), time_limits=limits)
    except KeyError as exc:
        raise CliError(str(exc.args[0])) from None
    except CronError as exc:
        raise CliError(f"--cron: {exc}") from None


def _print_list(app: App, table: Any) -> int:
    from sqlalchemy import select

    from marktplatz.db.models import CrawlRun
    from marktplatz.scheduling.store import list_jobs

    tz = ZoneInfo(table.timezone)
    jobs = list_jobs(app.engine, table)
    with app.reading() as session:
        last = {}
        for job in jobs:
            run = session.scalars(select(CrawlRun).where(CrawlRun.kind == job.id)
                                  .order_by(CrawlRun.id.desc()).limit(1)).first()
            if run is not None:
                last[job.id] = f"last {run.status} {run.started_at.astimezone(tz):%Y-%m-%d %H:%M}"
    print(f"{'job':<14} {'schedule':<14} {'next run (' + table.timezone + ')':<28} {'last run':<34} what")
    for job in jobs:
        when = f"{job.next_run.astimezone(tz):%a %Y-%m-%d %H:%M %Z}" if job.next_run else "paused"
        if not job.registered:
            when += " *"
        print(f"{job.id:<14} {job.schedule:<14} {when:<28} {last.get(job.id, '-'):<34} {job.title}")
    if not all(job.registered for job in jobs):
        print("* not registered yet: the daemon registers its jobs when it starts")
    return 0


def _log_info_to_stderr() -> None:
    """The daemon's journal is its stderr: show what it does (job starts and ends), not only warnings."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "stream", None) is sys.stderr \
                and handler.level > logging.INFO:
            handler.setLevel(logging.INFO)
