"""The daemon with real APScheduler, real job store and real child processes; stub commands stand in for the
`marktplatz` commands. Jobs are made due by moving their stored next run time into the past (as if the daemon had
been down over it), never by waiting for a schedule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy.engine import Engine

from marktplatz.config import Settings
from marktplatz.db import session_factory
from marktplatz.db.models import Lock
from marktplatz.scheduling.daemon import Daemon
from marktplatz.scheduling.jobs import JobContext
from marktplatz.scheduling.locks import SCHEDULER_LOCK, LockHeld
from tests.scheduler.conftest import (
    FAST,
    DaemonThread,
    closed_runs,
    make_due,
    next_run_times,
    pid_gone,
    quiet_table,
    runs,
    stub,
    wait_until,
)


def broken_builder(ctx: JobContext) -> list[list[str]]:
    raise RuntimeError("cannot build the command line")


def test_a_failing_raising_or_crashing_job_is_recorded_and_the_scheduler_goes_on(
        settings: Settings, engine: Engine) -> None:
    table = quiet_table(weekly_crawl={"commands": stub("sigkill")},  # the crawl process dies
                        daily_check={"commands": broken_builder},  # the job itself raises
                        weekly_report={"commands": stub("exit", "4")},  # the command fails
                        nightly_prune={"commands": stub("exit", "0")})
    make_due(engine, table, "weekly_crawl", "daily_check", "weekly_report")
    with DaemonThread(Daemon(settings, engine, table, options=FAST)) as daemon:
        for kind in ("weekly_crawl", "daily_check", "weekly_report"):
            wait_until(lambda kind=kind: closed_runs(engine, kind), what=f"a recorded {kind} run")
        crawl, = closed_runs(engine, "weekly_crawl")
        assert crawl.status == "failed" and crawl.exit_code == -9 and "SIGKILL" in (crawl.error or "")
        check, = closed_runs(engine, "daily_check")
        assert check.status == "failed" and "cannot build the command line" in (check.error or "")
        report, = closed_runs(engine, "weekly_report")
        assert report.status == "failed" and report.exit_code == 4
        assert "stub: done with code 4" in (report.error or "")
        # still scheduling: the next job that comes due runs as usual
        daemon.scheduler.modify_job("nightly_prune", next_run_time=datetime.now(UTC))
        prune, = wait_until(lambda: closed_runs(engine, "nightly_prune"), what="the prune run")
        assert prune.status == "finished" and prune.exit_code == 0
        assert prune.stats["processes"][0]["exit_code"] == 0 and prune.stats["seconds"] >= 0
        assert daemon.scheduler.running


def test_a_job_hanging_past_its_time_limit_is_killed_with_its_process_group(
        settings: Settings, engine: Engine, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    table = quiet_table(weekly_crawl={"commands": stub("hang", str(pids)), "time_limit": timedelta(seconds=1)})
    make_due(engine, table, "weekly_crawl")
    with DaemonThread(Daemon(settings, engine, table, options=FAST)):
        run, = wait_until(lambda: closed_runs(engine, "weekly_crawl"), what="the crawl run")
    assert run.status == "timeout" and "time limit" in (run.error or "")
    child, grandchild = (int(p) for p in pids.read_text().split())
    assert run.pid == child
    assert pid_gone(child) and wait_until(lambda: pid_gone(grandchild), timeout=10, what="grandchild gone")


def test_a_run_missed_many_times_while_down_is_caught_up_once(settings: Settings, engine: Engine) -> None:
    # coalesce: three missed daily runs become one run at start-up, not three
    table = quiet_table(nightly_prune={"commands": stub("exit", "0"), "cron": _daily_an_hour_ago(),
                                       "misfire_grace": timedelta(hours=12)})
    make_due(engine, table, "nightly_prune", when=datetime.now(UTC) - timedelta(days=3))
    with DaemonThread(Daemon(settings, engine, table, options=FAST)):
        wait_until(lambda: closed_runs(engine, "nightly_prune"), what="the caught-up run")
        after = next_run_times(engine, table)["nightly_prune"]
        assert after is not None and datetime.now(UTC) < after < datetime.now(UTC) + timedelta(days=1)
    assert len(runs(engine, "nightly_prune")) == 1


def test_a_run_missed_by_more_than_its_grace_time_is_recorded_as_missed(settings: Settings, engine: Engine) -> None:
    table = quiet_table(nightly_prune={"commands": stub("exit", "0"), "cron": _daily_an_hour_ago(),
                                       "misfire_grace": timedelta(minutes=5)})
    make_due(engine, table, "nightly_prune", when=datetime.now(UTC) - timedelta(hours=1, minutes=1))
    with DaemonThread(Daemon(settings, engine, table, options=FAST)):
        run, = wait_until(lambda: closed_runs(engine, "nightly_prune"), what="the missed run's record")
    assert run.status == "missed"
    assert len(runs(engine, "nightly_prune")) == 1


def test_the_report_waits_for_a_running_crawl(settings: Settings, engine: Engine, tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    table = quiet_table(weekly_crawl={"commands": stub("hang", str(pids)), "time_limit": timedelta(seconds=3)},
                        weekly_report={"commands": stub("exit", "0")})
    make_due(engine, table, "weekly_crawl")
    with DaemonThread(Daemon(settings, engine, table, options=FAST)) as daemon:
        wait_until(pids.exists, what="the crawl process")
        daemon.scheduler.modify_job("weekly_report", next_run_time=datetime.now(UTC))
        report, = wait_until(lambda: closed_runs(engine, "weekly_report"), what="the report run")
        crawl, = closed_runs(engine, "weekly_crawl")
    assert crawl.status == "timeout" and crawl.finished_at is not None
    assert report.status == "finished" and report.finished_at is not None
    assert report.finished_at >= crawl.finished_at


def test_a_second_daemon_on_the_same_database_refuses_to_start(settings: Settings, engine: Engine) -> None:
    table = quiet_table()
    with DaemonThread(Daemon(settings, engine, table, options=FAST)):
        second = Daemon(settings, engine, table, options=FAST)
        try:
            second.run()
        except LockHeld as held:
            assert held.name == SCHEDULER_LOCK
        else:
            raise AssertionError("a second daemon started")
    with session_factory(engine)() as session:  # a clean stop releases the lock
        assert session.get(Lock, SCHEDULER_LOCK) is None


def _daily_an_hour_ago() -> str:
    from zoneinfo import ZoneInfo

    t = datetime.now(ZoneInfo("Europe/Berlin")) - timedelta(hours=1)
    return f"{t.minute} {t.hour} * * *"




def test_a_daemon_whose_lock_was_taken_over_stops_instead_of_running_jobs_twice(
        settings: Settings, engine: Engine) -> None:
    from marktplatz.db.engine import transaction

    daemon = Daemon(settings, engine, quiet_table(), options=FAST)
    runner = DaemonThread(daemon)
    runner.__enter__()
    with transaction(session_factory(engine)) as session:  # another machine decided this daemon was dead
        row = session.get(Lock, SCHEDULER_LOCK)
        assert row is not None
        row.holder = "herne-2:4242:other"
    runner.thread.join(timeout=20)
    assert not runner.thread.is_alive() and runner.result == [1]
    assert "took over" in (daemon.stop_reason or "")
    with session_factory(engine)() as session:
        row = session.get(Lock, SCHEDULER_LOCK)
        assert row is not None and row.holder == "herne-2:4242:other"  # its lock, untouched


def test_a_job_already_running_elsewhere_is_skipped_by_the_daemon_and_refused_by_run_now(
        settings: Settings, engine: Engine) -> None:
    from marktplatz.scheduling.daemon import run_once
    from marktplatz.scheduling.locks import LockKeeper

    other = LockKeeper(session_factory(engine), holder="herne-2:4242:runnow")  # a --run-now on another machine
    other.acquire("job:weekly_crawl")
    table = quiet_table(weekly_crawl={"commands": stub("exit", "0")})
    try:
        run_once(settings, engine, table, "crawl", options=FAST)
    except LockHeld as held:
        assert held.holder == "herne-2:4242:runnow"
    else:
        raise AssertionError("--run-now ran a job that was running elsewhere")
    make_due(engine, table, "weekly_crawl")
    with DaemonThread(Daemon(settings, engine, table, options=FAST)):
        run, = wait_until(lambda: closed_runs(engine, "weekly_crawl"), what="the skipped run")
    assert run.status == "skipped" and "herne-2:4242:runnow" in (run.error or "")
    other.release("job:weekly_crawl")
    outcome = run_once(settings, engine, table, "crawl", options=FAST)
    assert outcome.status == "finished"
