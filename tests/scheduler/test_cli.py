"""`marktplatz scheduler --list` and `--run-now` through the real CLI; the crawl job runs the real `crawl` on a
tiny site served on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from marktplatz.db import make_engine
from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site
from tests.scheduler.conftest import runs

PAGE = ('<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Kiosk Sonnenblume</title></head>'
        '<body><h1>Kiosk Sonnenblume</h1><p>Tel. <a href="tel:+4923231234567">02323 1234567</a></p>'
        '<a href="/impressum.html">Impressum</a></body></html>')


def test_run_now_crawl_runs_the_real_crawl_in_a_child_and_records_both_runs(
        env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    web.sites["www.kiosk-sonnenblume.de"] = write_site(tmp_path / "site", {
        "index.html": PAGE, "impressum.html": PAGE.replace("Kiosk Sonnenblume</h1>", "Impressum</h1>")})
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.kiosk-sonnenblume.de")
    env.run("init")
    traders = env.data_dir / "traders.csv"
    traders.write_text(f"id;name;website\nK1;Kiosk Sonnenblume;www.kiosk-sonnenblume.de:{web.port}\n",  # type: ignore[attr-defined]
                       encoding="utf-8")
    env.run("traders", "import", str(traders))

    done = env.run("scheduler", "--run-now", "crawl")
    assert "weekly_crawl finished" in done.stdout

    engine = make_engine(env.db_url)
    job, = runs(engine, "weekly_crawl")
    crawl, = runs(engine, "crawl")
    assert job.status == "finished" and job.exit_code == 0 and job.finished_at is not None
    assert job.pid == crawl.pid  # the crawl ran in the job's child process, not in the scheduler's
    process, = job.stats["processes"]
    assert process["child_runs"] == [{"id": crawl.id, "kind": "crawl", "status": "finished"}]
    assert crawl.stats.get("marktplatz/fetch/home") == 1
    assert job.stats["summary"].startswith("crawl: 1 site(s)")

    listing = env.run("traders", "show", "K1").stdout
    assert "K1" in listing


def test_run_now_prune_runs_the_real_retention_clean_up(env: Env) -> None:
    env.run("init")
    done = env.run("scheduler", "--run-now", "prune")
    assert "nightly_prune finished" in done.stdout
    run, = runs(make_engine(env.db_url), "nightly_prune")
    assert run.status == "finished" and run.exit_code == 0 and run.stats["summary"]


def test_run_now_of_a_job_whose_command_fails_is_recorded_and_exits_non_zero(env: Env) -> None:
    env.run("init")
    proc = env.run("scheduler", "--run-now", "crawl", check=False, extra={"MARKTPLATZ_REDIS": "redis://127.0.0.1:1"})
    assert proc.returncode == 1 and "weekly_crawl failed" in proc.stdout
    run, = runs(make_engine(env.db_url), "weekly_crawl")
    assert run.status == "failed" and run.exit_code not in (None, 0) and run.error


def test_run_now_refuses_an_unknown_job(env: Env) -> None:
    env.run("init")
    proc = env.run("scheduler", "--run-now", "backup", check=False)
    assert proc.returncode != 0 and "no job 'backup'" in proc.stderr


def test_list_shows_every_job_with_its_next_run_in_berlin_time(env: Env) -> None:
    env.run("init")
    out = env.run("scheduler", "--list", "--cron", "crawl=0 3 * * sun").stdout
    lines = {line.split()[0]: line for line in out.splitlines()[1:] if line.strip() and not line.startswith("*")}
    assert set(lines) == {"weekly_crawl", "daily_check", "weekly_report", "nightly_prune"}
    assert "Sun 20" in lines["weekly_crawl"] and " 03:00 C" in lines["weekly_crawl"]
    assert " 06:00 C" in lines["daily_check"]
    assert any(zone in out for zone in ("CET", "CEST"))
    assert "not registered yet" in out


@pytest.mark.parametrize("flag", [["--cron", "crawl=0 2 * * 1"], ["--cron", "crawl"], ["--time-limit", "crawl=-5"]])
def test_bad_schedule_options_are_refused_with_a_reason(env: Env, flag: list[str]) -> None:
    env.run("init")
    proc = env.run("scheduler", "--list", *flag, check=False)
    assert proc.returncode != 0 and proc.stderr.strip()
