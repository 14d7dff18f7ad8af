"""Twenty-nine hostile sites crawled together with a healthy one: every crawl ends in bounds with the right status.

One crawl over all of them (as a real weekly crawl would meet them), with tight limits from a config file. Timing,
memory and status per site are printed; `bench/hostile.py` prints the same per case in isolation.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PG_SERVER, Env, fresh_pg_database, make_env
from tests.hostile.server import TLS_CASES, HostileWeb, idna

LIMITS = {"download_timeout": 4, "site_timeout": 25, "max_response_bytes": 1_048_576, "max_pages": 15,
          "max_link_checks": 10, "max_external_checks": 0}
CONFIG = "[crawl]\n" + "".join(f"{k} = {v}\n" for k, v in LIMITS.items())

# host → the site_status the feed must show after one crawl
EXPECTED_STATUS = {
    "gesund-example.de": "ok",
    "haengt-example.de": "unreachable",
    "tropft-example.de": "unreachable",
    "reset-example.de": "unreachable",
    "fehlersturm-example.de": "broken",
    "zuviele-example.de": "not_crawled",  # 429: says nothing about health; the daily check decides
    "schleife-example.de": "broken",
    "sprünge-example.de": "broken",
    "privat-example.de": "broken",
    "metadata-example.de": "broken",
    "datei-example.de": "broken",
    "ftp-example.de": "broken",
    "bombe-example.de": "broken",
    "riesig-example.de": "broken",
    "endlos-example.de": "broken",
    "binaer-example.de": "ok",
    "windows-example.de": "ok",
    "latin-example.de": "ok",
    "kaputt-utf8-example.de": "ok",
    "verschachtelt-example.de": "ok",
    "murks-example.de": "ok",
    "kalender-example.de": "ok",
    "sitzung-example.de": "ok",
    "lang-example.de": "ok",
    "robots-verbot-example.de": "not_crawled",  # robots.txt forbids everything: nothing fetched, nothing judged
    "robots-5xx-example.de": "ok",  # robots.txt 5xx: RFC 9309 says crawl nothing; one look at the home page
    "robots-riesig-example.de": "ok",
    "sitemap-selbst-example.de": "ok",
}


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileWeb]:
    web = HostileWeb().start()
    yield web
    web.stop()


@pytest.fixture(scope="module")
def result(hostile: HostileWeb, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    root = tmp_path_factory.mktemp("hostile")
    if PG_SERVER:
        with fresh_pg_database(PG_SERVER) as url:
            yield crawl_all(hostile, root, make_env(root, url))
    else:
        yield crawl_all(hostile, root, make_env(root, f"sqlite:///{root / 'm.db'}"))


def crawl_all(hostile: HostileWeb, root: Path, env: Env) -> dict:
    (root / "marktplatz.toml").write_text(CONFIG, encoding="utf-8")
    env.vars["MARKTPLATZ_CONFIG"] = str(root / "marktplatz.toml")
    env.vars["MARKTPLATZ_HOSTS"] = ",".join(f"{h}=127.0.0.1" for h in HostileWeb.hosts())
    hosts = [*EXPECTED_STATUS, *TLS_CASES]
    lines = ["id;name;website"] + [f"{idna(h)};{h};{hostile.url(h)}" for h in hosts]
    (root / "t.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env.run("init")
    env.run("traders", "import", str(root / "t.csv"))

    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "marktplatz", "--quiet", "crawl"], cwd=root,
                            env={**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
                                 **env.vars}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    out, err = proc.communicate()
    assert os.waitstatus_to_exitcode(status) == 0, err
    env.run("export", "feed", "--format", "json", "--out", str(root / "feed.json"))
    env.run("export", "health", "--format", "json", "--out", str(root / "health.json"))
    details = dict(env.query("select trader_id, details from link_checks where kind='crawl'"))
    pages = env.query("select trader_id, url, size, status, kind from pages")
    env.close()
    feed = {x["id"]: x for x in json.loads((root / "feed.json").read_text())["listings"]}
    health = {x["id"]: x for x in json.loads((root / "health.json").read_text())["sites"]}
    peak_mb = usage.ru_maxrss / 1024
    print(f"\nhostile crawl: {len(hosts)} sites in {seconds:.1f} s, peak RSS {peak_mb:.0f} MB")
    for h in hosts:
        key = idna(h)
        d = details.get(key, {})
        print(f"  {h:<28} {health[key]['site_status']:<12} {health[key]['outcome'] or '-':<13} "
              f"{d.get('site_seconds', 0):>6.1f} s {d.get('pages', 0):>3} fetches {d.get('bytes', 0):>9} bytes")
    return {"seconds": seconds, "peak_mb": peak_mb, "feed": feed, "health": health, "details": details,
            "pages": pages, "stdout": out}


@pytest.mark.parametrize(("host", "status"), EXPECTED_STATUS.items())
def test_each_hostile_site_gets_its_status(result: dict, host: str, status: str) -> None:
    assert result["health"][idna(host)]["site_status"] == status


def test_the_healthy_site_is_complete(result: dict) -> None:
    healthy = result["feed"]["gesund-example.de"]
    assert healthy["phones"] == ["+4923231112233"]
    assert healthy["emails"] == ["laden@gesund-example.de"]
    fetched = {url.rsplit("/", 1)[-1] for t, url, _s, status, _k in result["pages"]
               if t == "gesund-example.de" and status == 200}
    assert {"", "kontakt.html", "impressum.html", "leistungen.html"} <= fetched


def test_every_site_ends_within_its_time_bound(result: dict) -> None:
    # site_timeout stops new requests; what is in flight then ends by download_timeout, each retried once.
    bound = LIMITS["site_timeout"] + 3 * LIMITS["download_timeout"] + 5
    slow = {t: d.get("site_seconds") for t, d in result["details"].items() if d.get("site_seconds", 0) > bound}
    assert slow == {}
    assert result["seconds"] < bound + 30


def test_no_stored_response_exceeds_the_size_bound(result: dict) -> None:
    assert max(size or 0 for _t, _u, size, _s, _k in result["pages"]) <= LIMITS["max_response_bytes"]


def test_peak_memory_stays_bounded(result: dict) -> None:
    assert result["peak_mb"] < 500


def test_robots_txt_5xx_means_only_the_home_page_is_looked_at(result: dict) -> None:
    kinds = sorted(kind for t, _u, _s, status, kind in result["pages"] if t == "robots-5xx-example.de" and status)
    assert kinds == ["home"]


def test_traps_end_at_the_page_budget(result: dict) -> None:
    def fetched(host: str) -> list[str]:
        return [u for t, u, _s, _st, kind in result["pages"] if t == host and kind in ("home", "page")]

    assert len(fetched("kalender-example.de")) <= LIMITS["max_pages"]
    assert len(fetched("sitzung-example.de")) == 6  # home + five pages; the session id never makes a new page
    assert all(len(u) <= 2000 for _t, u, *_ in result["pages"])


def test_private_and_non_http_redirect_targets_are_never_fetched(result: dict) -> None:
    urls = [u for _t, u, *_ in result["pages"]]
    assert not any(u.startswith(("http://10.", "http://169.254.", "file:", "ftp:")) for u in urls)
    assert "10.0.0.1" in (result["health"]["privat-example.de"]["error"] or "")


def test_wrong_charsets_still_give_readable_german(result: dict) -> None:
    for host in ("windows-example.de", "latin-example.de"):
        assert "Größe" in (result["feed"][host]["name"] or "") or "Größe" in json.dumps(result["feed"][host],
                                                                                       ensure_ascii=False)


def test_tls_problems_are_recorded(result: dict) -> None:
    self_signed = result["health"][idna("selbstsigniert-example.de")]["tls"]
    expired = result["health"][idna("abgelaufen-example.de")]["tls"]
    assert self_signed and self_signed["self_signed"] is True and self_signed["expired"] is False
    assert expired and expired["expired"] is True
