"""The daemon as the operator runs it: a process of its own, stopped with SIGTERM, killed with SIGKILL, started
again, and a second one started beside it."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import Engine

from marktplatz.scheduling.jobs import JobTable
from marktplatz.scheduling.store import paused_scheduler
from tests.scheduler.conftest import (
    FAR,
    HERE,
    cli_env,
    closed_runs,
    lock_holder_pid,
    next_run_times,
    pid_gone,
    runs,
    start_process,
    url_of,
    wait_until,
)

BERLIN = ZoneInfo("Europe/Berlin")


def scheduler_cli(*extra: str) -> list[str]:
    return [sys.executable, "-m", "marktplatz", "scheduler", *extra]


def far_crons(**crons: str) -> list[str]:
    """`--cron` flags moving every job to 29 February except those given."""
    out: list[str] = []
    for alias in ("crawl", "check", "report", "prune"):
        out += ["--cron", f"{alias}={crons.get(alias, FAR)}"]
    return out


def table_for(**crons: str) -> JobTable:
    return JobTable().with_changes(crons={alias: crons.get(alias, FAR) for alias in ("crawl", "check", "report",
                                                                                     "prune")})


def started(engine: Engine, proc: subprocess.Popen[bytes], table: JobTable) -> bool:
    if proc.poll() is not None:
        raise AssertionError(f"the daemon exited with {proc.returncode}")
    return lock_holder_pid(engine) == proc.pid and len(next_run_times(engine, table)) == len(table.jobs)


def kill9(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)


def test_daemon_killed_with_sigkill_keeps_its_jobs_and_catches_up_a_run_it_missed(
        engine: Engine, data_dir: Path, tmp_path: Path) -> None:
    url, log = url_of(engine), tmp_path / "daemon.log"
    an_hour_ago = datetime.now(BERLIN) - timedelta(hours=1)
    report_cron = f"{an_hour_ago.minute} {an_hour_ago.hour} * * *"  # daily, last due an hour ago
    flags = far_crons(report=report_cron)
    table = table_for(report=report_cron)

    first = start_process(scheduler_cli(*flags), data_dir, url, log)
    wait_until(lambda: started(engine, first, table), what="the first daemon")
    registered = next_run_times(engine, table)
    kill9(first)

    again = start_process(scheduler_cli(*flags), data_dir, url, log)
    wait_until(lambda: started(engine, again, table), what="the restarted daemon")  # took over the dead one's lock
    assert next_run_times(engine, table) == registered
    kill9(again)

    # Down for three days: the stored next run time of the daily report lies in the past. A daemon that
    # re-registered its jobs would compute a fresh time and drop the run; this one catches it up, once.
    with paused_scheduler(engine, table.timezone) as scheduler:
        scheduler.modify_job("weekly_report", next_run_time=datetime.now(UTC) - timedelta(days=3))
    third = start_process(scheduler_cli(*flags), data_dir, url, log)
    try:
        wait_until(lambda: closed_runs(engine, "weekly_report"), timeout=60, what="the caught-up report run")
        nxt = next_run_times(engine, table)["weekly_report"]
        assert nxt is not None and datetime.now(UTC) < nxt <= datetime.now(UTC) + timedelta(days=1)
        assert {k: v for k, v in next_run_times(engine, table).items() if k != "weekly_report"} == \
            {k: v for k, v in registered.items() if k != "weekly_report"}
    finally:
        third.send_signal(signal.SIGTERM)
        assert third.wait(timeout=30) == 0, log.read_text()
    assert len(runs(engine, "weekly_report")) == 1
    assert [r.kind for r in runs(engine)] == ["weekly_report"]  # nothing else ran, nothing ran twice


def test_a_second_daemon_refuses_to_start_and_names_the_first(engine: Engine, data_dir: Path,
                                                              tmp_path: Path) -> None:
    url = url_of(engine)
    first = start_process(scheduler_cli(*far_crons()), data_dir, url, tmp_path / "first.log")
    try:
        wait_until(lambda: started(engine, first, table_for()), what="the first daemon")
        second = subprocess.run(scheduler_cli(*far_crons()), env=cli_env(data_dir, url), cwd=data_dir,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode != 0
        assert "another scheduler is running" in second.stderr and f":{first.pid}:" in second.stderr
        assert lock_holder_pid(engine) == first.pid
    finally:
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0
    assert lock_holder_pid(engine) is None


def stub_daemon(engine: Engine, data_dir: Path, pidfile: Path, log: Path) -> subprocess.Popen[bytes]:
    return start_process([sys.executable, str(HERE / "stub_daemon.py"), url_of(engine), str(data_dir),
                          str(pidfile)], data_dir, url_of(engine), log)


def crawl_due_now(engine: Engine) -> None:
    from tests.scheduler.conftest import make_due, quiet_table

    make_due(engine, quiet_table(), "weekly_crawl")


def test_sigterm_stops_the_daemon_cleanly_with_its_running_job(engine: Engine, data_dir: Path,
                                                               tmp_path: Path) -> None:
    pidfile, log = tmp_path / "pids", tmp_path / "daemon.log"
    crawl_due_now(engine)
    daemon = stub_daemon(engine, data_dir, pidfile, log)
    wait_until(pidfile.exists, what="the crawl process")
    child, grandchild = (int(p) for p in pidfile.read_text().split())
    daemon.send_signal(signal.SIGTERM)
    assert daemon.wait(timeout=30) == 0, log.read_text()
    run, = runs(engine, "weekly_crawl")
    assert run.status == "interrupted" and run.pid == child and run.finished_at is not None
    assert pid_gone(child) and wait_until(lambda: pid_gone(grandchild), timeout=10, what="grandchild gone")
    assert lock_holder_pid(engine) is None and lock_holder_pid(engine, "job:weekly_crawl") is None
    assert "received SIGTERM" in log.read_text()


def test_a_restart_after_sigkill_stops_the_orphaned_job_and_closes_its_run(engine: Engine, data_dir: Path,
                                                                          tmp_path: Path) -> None:
    pidfile, log = tmp_path / "pids", tmp_path / "daemon.log"
    crawl_due_now(engine)
    daemon = stub_daemon(engine, data_dir, pidfile, log)
    wait_until(pidfile.exists, what="the crawl process")
    child, _grandchild = (int(p) for p in pidfile.read_text().split())
    kill9(daemon)
    assert not pid_gone(child)  # the job process outlives its scheduler (its own process group)...
    assert runs(engine, "weekly_crawl")[0].status == "running"

    pidfile2 = tmp_path / "pids2"
    restarted = stub_daemon(engine, data_dir, pidfile2, log)
    try:
        run = wait_until(lambda: [r for r in runs(engine, "weekly_crawl") if r.status == "abandoned"],
                         what="the abandoned run")[0]
        assert "has been stopped" in (run.error or "")
        wait_until(lambda: pid_gone(child), timeout=15, what="...until the next daemon stops it")
    finally:
        restarted.send_signal(signal.SIGTERM)
        assert restarted.wait(timeout=30) == 0, log.read_text()
    assert not pidfile2.exists()  # the stored job was not due again: nothing started twice
