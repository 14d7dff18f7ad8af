"""Nothing is lost and nothing doubles: crawls killed with SIGKILL, re-runs, and writers sharing one SQLite file."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from marktplatz.db.engine import make_engine, session_factory, transaction
from marktplatz.db.models import Trader
from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

SITES = 12
PAGES = 8
VERIFIED = "select count(*) from listings where last_verified_at is not null"


def build_web(web: VirtualHosts, root: Path, phone: str = "02323 4040") -> list[str]:
    hosts = []
    for i in range(SITES):
        host = f"www.laden-{i}.de"
        links = "".join(f'<a href="/seite-{j}.html">Seite {j}</a>' for j in range(PAGES))
        files = {"index.html": f"<html lang='de'><title>Laden {i}</title><body>{links}"
                               f"<a href='/kontakt.html'>Kontakt</a></body></html>",
                 "kontakt.html": f"<html><body>Telefon: <a href='tel:{phone}{i}'>{phone}{i}</a></body></html>"}
        files.update({f"seite-{j}.html": f"<html><body><h1>Seite {j}</h1>{links}</body></html>"
                      for j in range(PAGES)})
        web.sites[host] = write_site(root / host, files)
        hosts.append(host)
    return hosts


def start_crawl(env: Env) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "marktplatz", "--quiet", "crawl"], cwd=env.data_dir,
                            env={**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
                                 **env.vars}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def count(env: Env, sql: str) -> int:
    return int(env.query(sql)[0][0])


def children(pid: int) -> list[int]:
    """The child processes of `pid` (the crawl's processing worker and multiprocessing's resource tracker)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"  # an orphan that exited but was not reaped yet is gone for our purpose


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def wait_until_gone(pids: list[int], seconds: float = 10.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(running(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if running(p)]


def prepare_web(env: Env, web: VirtualHosts, root: Path) -> None:
    hosts = build_web(web, root)
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var(*hosts)
    # Few sites at a time and a delay, so sites are stored one after another and a kill lands between them.
    (env.data_dir / "slow.toml").write_text("[crawl]\nconcurrent_total = 2\nconcurrent_per_site = 1\n",
                                            encoding="utf-8")
    env.vars["MARKTPLATZ_CONFIG"] = str(env.data_dir / "slow.toml")
    env.vars["MARKTPLATZ_CRAWL_DELAY"] = "0.05"
    env.run("init")
    rows = "".join(f"T{i};Laden {i};{h}:{web.port}\n" for i, h in enumerate(hosts))  # type: ignore[attr-defined]
    (env.data_dir / "t.csv").write_text("id;name;website\n" + rows, encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))


def test_crawl_killed_at_random_points_then_rerun_loses_and_doubles_nothing(env: Env, web: VirtualHosts,
                                                                            tmp_path: Path) -> None:
    prepare_web(env, web, tmp_path / "web")
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    # Kill points are chosen by progress, not by wall time alone, so a fast machine cannot finish the crawl
    # before the plug is pulled: once during start-up, then twice after a random number of sites were stored.
    plan = [("startup", rng.uniform(0.3, 1.5)), ("sites", rng.randint(1, 4)), ("sites", rng.randint(1, 4))]
    finished_alone = 0
    left_behind: list[int] = []
    for kind, point in plan:
        stored_before = count(env, VERIFIED)
        proc = start_crawl(env)
        deadline = time.monotonic() + (point if kind == "startup" else 60)
        while proc.poll() is None and time.monotonic() < deadline:
            if kind == "sites" and count(env, VERIFIED) >= min(SITES, stored_before + int(point)):
                break
            time.sleep(0.02)
        if proc.poll() is None:
            helpers = children(proc.pid)
            proc.send_signal(signal.SIGKILL)
            # The processing worker notices that the crawl is gone and exits; it never lives on alone.
            left_behind += wait_until_gone(helpers)
        else:
            finished_alone += 1
        proc.wait(30)
    assert not left_behind, [cmdline(p) for p in left_behind]
    print(f"kill plan {plan} (seed {seed}), {finished_alone} crawl(s) ended before the kill")
    env.run("crawl")  # the re-run completes the work

    assert count(env, "select count(*) from (select trader_id, url_hash from pages group by 1, 2 "
                      "having count(*) > 1) d") == 0
    assert count(env, VERIFIED) == SITES
    assert count(env, "select count(*) from listings") == SITES
    assert count(env, "select count(*) from change_records") == 0
    statuses = [s for (s,) in env.query("select status from crawl_runs order by id")]
    assert statuses[-1] == "finished"
    assert "running" not in statuses  # every killed run was recognised as killed when the next one started
    # A kill during start-up ends the process before it opens a run; every run it did open is recorded killed,
    # unless that crawl had already ended on its own.
    assert statuses[:-1].count("finished") == finished_alone
    assert set(statuses[:-1]) <= {"killed", "finished"}
    assert "killed" in statuses
    assert not list((env.data_dir / "bodies").rglob(".tmp-*"))
    phones = dict(env.query("select trader_id, phones from listings"))
    assert phones["T3"] == ["+49232340403"]

    # One real change afterwards is recorded exactly once.
    build_web(web, tmp_path / "web", phone="02323 5050")
    env.run("crawl")
    env.run("crawl")
    changes = env.query("select trader_id, field from change_records")
    assert sorted(changes) == sorted((f"T{i}", "phones") for i in range(SITES))


def test_a_processing_worker_killed_mid_crawl_is_replaced_and_every_site_is_processed(
        env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    prepare_web(env, web, tmp_path / "web")
    proc = start_crawl(env)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while proc.poll() is None and time.monotonic() < deadline and not workers:
        if count(env, VERIFIED) >= 2:  # the worker has processed sites and more are coming
            workers = [p for p in children(proc.pid) if "spawn_main" in cmdline(p)]
        time.sleep(0.02)
    assert workers, "no processing worker seen while the crawl ran"
    for pid in workers:
        os.kill(pid, signal.SIGKILL)
    _out, err = proc.communicate(timeout=180)
    assert proc.returncode == 0, err
    assert count(env, VERIFIED) == SITES  # the sites of the killed worker were processed by its successor
    assert count(env, "select count(*) from (select trader_id, url_hash from pages group by 1, 2 "
                      "having count(*) > 1) d") == 0
    run = env.query("select status from crawl_runs order by id desc limit 1")[0][0]
    assert run == "finished"


def test_sites_processed_in_the_crawl_process_match_those_processed_by_a_worker(
        env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    prepare_web(env, web, tmp_path / "web")
    (env.data_dir / "slow.toml").write_text("[crawl]\nprocessing_workers = 0\n", encoding="utf-8")
    env.run("crawl")
    listings = "select trader_id, name, phones, site_status, quality_score from listings order by 1"
    findings = "select trader_id, code from findings order by 1, 2"
    inline = (env.query(listings), env.query(findings))
    assert count(env, VERIFIED) == SITES

    (env.data_dir / "slow.toml").write_text("[crawl]\nprocessing_workers = 1\n", encoding="utf-8")
    env.run("crawl")
    assert (env.query(listings), env.query(findings)) == inline
    assert count(env, "select count(*) from change_records") == 0


def test_a_crawl_and_another_writer_share_the_database_without_locking_errors(env: Env, web: VirtualHosts,
                                                                                 tmp_path: Path) -> None:
    hosts = build_web(web, tmp_path / "web")
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var(*hosts)
    env.run("init")
    rows = "".join(f"T{i};Laden {i};{h}:{web.port}\n" for i, h in enumerate(hosts))  # type: ignore[attr-defined]
    (env.data_dir / "t.csv").write_text("id;name;website\n" + rows, encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))

    engine = make_engine(env.db_url)
    sessions = session_factory(engine)
    proc = start_crawl(env)
    writes = 0
    while proc.poll() is None:
        with transaction(sessions) as session:  # as the scheduler or a report would write meanwhile
            trader = session.get(Trader, f"T{writes % SITES}")
            assert trader is not None
            trader.category = f"Kategorie {writes}"
        writes += 1
    _out, err = proc.communicate()
    engine.dispose()
    assert proc.returncode == 0, err
    assert "database is locked" not in err
    assert writes > 10
    assert count(env, VERIFIED) == SITES


def test_a_site_whose_processing_fails_is_logged_and_counted_and_the_others_are_processed(
        env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    prepare_web(env, web, tmp_path / "web")
    # The database refuses T3's weekly snapshot: its processing fails inside the worker, at the last write.
    from sqlalchemy import text

    engine = make_engine(env.db_url)
    with engine.begin() as conn:
        if env.db_url.startswith("sqlite"):
            conn.execute(text("CREATE TRIGGER refuse_t3 BEFORE INSERT ON site_snapshots WHEN NEW.trader_id = 'T3' "
                              "BEGIN SELECT RAISE(ABORT, 'snapshot refused for the test'); END"))
        else:
            conn.execute(text("CREATE FUNCTION refuse_t3() RETURNS trigger AS $$ BEGIN "
                              "IF NEW.trader_id = 'T3' THEN RAISE EXCEPTION 'snapshot refused for the test'; END IF; "
                              "RETURN NEW; END $$ LANGUAGE plpgsql"))
            conn.execute(text("CREATE TRIGGER refuse_t3 BEFORE INSERT ON site_snapshots "
                              "FOR EACH ROW EXECUTE FUNCTION refuse_t3()"))
    engine.dispose()

    result = env.run("crawl", check=False)
    assert result.returncode != 0
    assert "1 site(s) were fetched but could not be processed" in result.stderr
    # The worker's traceback reaches the crawl's log file.
    log = (env.data_dir / "logs" / "marktplatz.log").read_text(encoding="utf-8")
    assert "processing the crawl of trader T3 failed" in log and "snapshot refused for the test" in log
    # T3's results are not half-written (one transaction), and every other site is complete.
    assert count(env, VERIFIED) == SITES - 1
    assert count(env, "select count(*) from listings where trader_id = 'T3' and last_verified_at is not null") == 0
    assert count(env, "select count(*) from findings where trader_id = 'T3'") == 0
    assert env.query("select status from crawl_runs order by id desc limit 1")[0][0] == "finished"
