"""Scale-out through Redis: two worker processes share one scrapy-redis queue and duplicate filter."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

REDIS_URL = os.environ.get("MARKTPLATZ_TEST_REDIS", "redis://127.0.0.1:6379/15")
SITES = 50
PAGES = 4


def redis_or_skip():  # type: ignore[no-untyped-def]
    from redis import Redis
    from redis.exceptions import RedisError

    client = Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except RedisError as exc:
        pytest.skip(f"no Redis answers at {REDIS_URL} ({exc}); set MARKTPLATZ_TEST_REDIS or start redis-server")
    client.flushdb()
    return client


@pytest.fixture
def region(env: Env, web: VirtualHosts, tmp_path: Path) -> Env:
    redis_or_skip()
    hosts = []
    for i in range(SITES):
        host = f"www.haendler-{i:02d}.de"
        links = "".join(f'<a href="/seite-{j}.html">Seite {j}</a>' for j in range(PAGES))
        files = {"index.html": f"<html lang='de'><title>Händler {i}</title><body>{links}"
                               f"<a href='tel:+49232310{i:02d}'>Tel</a></body></html>"}
        files.update({f"seite-{j}.html": f"<html><body><h1>Seite {j}</h1>{links}</body></html>" for j in range(PAGES)})
        web.sites[host] = write_site(tmp_path / host, files)
        hosts.append(host)
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var(*hosts)
    env.vars["MARKTPLATZ_REDIS"] = REDIS_URL
    (env.data_dir / "m.toml").write_text("[redis]\nlease_seconds = 3\n", encoding="utf-8")
    env.vars["MARKTPLATZ_CONFIG"] = str(env.data_dir / "m.toml")
    env.run("init")
    rows = "".join(f"H{i:02d};Händler {i};{h}:{web.port}\n" for i, h in enumerate(hosts))  # type: ignore[attr-defined]
    (env.data_dir / "t.csv").write_text("id;name;website\n" + rows, encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))
    return env


def worker(env: Env, **extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "marktplatz", "--quiet", "crawl", "--worker"], cwd=env.data_dir,
                            env={**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
                                 **env.vars, **extra}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_workers_fetch_every_page_once_and_store_every_trader_once(region: Env, web: VirtualHosts) -> None:
    web.delay = 0.02  # long enough for overlapping requests to one site to be seen
    out = region.run("crawl", "--no-wait").stdout
    assert f"{SITES} site(s) queued in Redis" in out
    workers = [worker(region), worker(region)]
    results = [w.communicate(timeout=300) for w in workers]
    assert [w.returncode for w in workers] == [0, 0], results
    crawled = [int(o.split("run ")[1].split(": ")[1].split(" site")[0]) for o, _e in results]
    assert sum(crawled) == SITES and min(crawled) > 0  # both took part, no site twice

    gets = Counter((h, p) for m, h, p, _s in web.log if m == "GET")
    assert gets and max(gets.values()) == 1  # every page (and robots.txt) fetched exactly once
    assert len({h for h, _p in gets}) == SITES
    assert max(web.peak.values()) <= 2  # per-site politeness held across both workers

    assert region.query("select count(*) from listings where last_verified_at is not null") == [(SITES,)]
    assert region.query("select count(*) from traders") == [(SITES,)]
    assert region.query("select status from crawl_runs") == [("finished",)]
    assert region.query("select count(*) from (select trader_id, url_hash from pages group by 1, 2 "
                        "having count(*) > 1) d") == [(0,)]


def test_a_worker_killed_midway_leaves_its_sites_to_the_other(region: Env, web: VirtualHosts) -> None:
    from redis import Redis

    redis = Redis.from_url(REDIS_URL)
    region.run("crawl", "--no-wait")
    slow = worker(region, MARKTPLATZ_CRAWL_DELAY="1.0")
    deadline = time.monotonic() + 60
    while not redis.keys("marktplatz:run:*:lease:*") and time.monotonic() < deadline:
        time.sleep(0.1)  # wait until the first worker holds sites
    time.sleep(1.0)
    leased = {k.decode().rsplit(":", 1)[1] for k in redis.keys("marktplatz:run:*:lease:*")}
    assert leased
    slow.send_signal(signal.SIGKILL)
    slow.wait(30)

    survivor = worker(region)
    _out, err = survivor.communicate(timeout=300)
    assert survivor.returncode == 0, err
    assert region.query("select count(*) from listings where last_verified_at is not null") == [(SITES,)]
    verified = {t for (t,) in region.query("select trader_id from listings where last_verified_at is not null")}
    assert leased <= verified  # the killed worker's sites were finished by the other
    assert region.query("select status from crawl_runs") == [("finished",)]
    assert region.query("select count(*) from (select trader_id, count(*) from listings group by 1 "
                        "having count(*) > 1) d") == [(0,)]


def test_only_sites_of_dead_workers_are_put_back_and_each_only_once() -> None:
    from marktplatz.crawler.distributed.keys import RunBook

    book = RunBook(redis_or_skip(), run_id=4711, lease_seconds=60)
    book.register([("LEBT", "http://a.de/", 0), ("TOT", "http://b.de/", 0), ("FERTIG", "http://c.de/", 0),
                   ("WARTET", "http://d.de/", 0)])
    for trader_id in ("LEBT", "TOT", "FERTIG"):
        book.take(trader_id, "worker-1")
    book.redis.delete(book.lease_key("TOT"))  # its worker died: the lease ran out
    book.finish("FERTIG")  # finishing deletes the lease too, but the site is done, not lost

    assert book.claim_lost() == ["TOT"]
    # A second idle worker looking at the same moment finds nothing: the first one has put the site back.
    assert book.claim_lost() == []
    assert not book.complete()
