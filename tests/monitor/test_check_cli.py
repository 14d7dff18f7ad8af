"""`marktplatz check` through the real CLI against a loopback web of well- and badly-behaved sites: every site ends
in its status within the bounds, the status rule needs failures from two checks, and the health export (JSON and
CSV) says what happened, since when, and why."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import trustme

from marktplatz.demo.run import closed_port
from marktplatz.demo.server import DemoWeb, VirtualHosts
from tests.conftest import Env, make_env, write_site
from tests.monitor.servers import http_server, https_server, raw_server, self_signed_cert

PAGE = ("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{t}</title></head>"
        "<body><h1>{t}</h1></body></html>")
TIMEOUT = "2"


def _leaf_files(leaf: trustme.LeafCert, folder: Path, name: str) -> tuple[Path, Path]:
    cert, key = folder / f"{name}.pem", folder / f"{name}.key"
    for i, pem in enumerate(leaf.cert_chain_pems):
        pem.write_to_path(str(cert), append=i > 0)
    leaf.private_key_pem.write_to_path(str(key))
    return cert, key


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Start every server, import one trader per behaviour, run the check three times (a site fails in between)."""
    tmp = tmp_path_factory.mktemp("check")
    data = tmp / "data"
    data.mkdir()
    env = make_env(data, f"sqlite:///{data / 'marktplatz.db'}")
    hosts = VirtualHosts()
    ca = trustme.CA()
    ca_file = tmp / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    past = datetime.now(UTC) - timedelta(days=400)
    with ExitStack() as stack:
        web = stack.enter_context(_demo_web(hosts))
        for host, title in (("www.laden-ok.de", "Laden"), ("www.laden-neu.de", "Neu"),
                            ("www.facebook.com", "Facebook"), ("www.nur-mit-www.de", "Www"),
                            ("www.wackelt.de", "Wackelt")):
            hosts.sites[host] = write_site(tmp / host, {"index.html": PAGE.format(t=title)})
        hosts.sites["www.laden-geparkt.de"] = write_site(tmp / "parked", {
            "index.html": "<html><body><h1>Diese Domain steht zum Verkauf!</h1></body></html>"})
        hosts.redirects["www.laden-umzug.de"] = "www.laden-neu.de"
        hosts.redirects["www.laden-sozial.de"] = "www.facebook.com"
        soft = stack.enter_context(http_server(lambda m, p: (200, {}, PAGE.format(t="Alles da").encode())))
        flood = stack.enter_context(http_server(lambda m, p: (302, {"Location": p.rstrip("/") + "/x"}, b"")))
        # robots.txt answers 404 (allow all): a 5xx there would mean "disallow all" (RFC 9309), i.e. no verdict.
        error = stack.enter_context(http_server(lambda m, p: (404, {}, b"") if p == "/robots.txt"
                                                else (500, {}, b"<h1>Interner Fehler</h1>")))
        # 429 says "not now", nothing about the site's health: no verdict, and not a failure to confirm.
        busy = stack.enter_context(http_server(lambda m, p: (404, {}, b"") if p == "/robots.txt"
                                               else (429, {"Retry-After": "3600"}, b"<h1>Zu viele Anfragen</h1>")))
        hang = stack.enter_context(raw_server("hang"))
        reset = stack.enter_context(raw_server("reset"))
        garbage = stack.enter_context(raw_server("garbage"))
        good_tls = stack.enter_context(https_server(*_leaf_files(ca.issue_cert("www.sicher.de"), tmp, "good")))
        old_tls = stack.enter_context(https_server(*_leaf_files(
            ca.issue_cert("www.abgelaufen.de", not_before=past, not_after=past + timedelta(days=90)), tmp, "old")))
        self_tls = stack.enter_context(https_server(*self_signed_cert("www.selbstgemacht.de", tmp)))
        rows = [
            ("OK", "www.laden-ok.de", web.port), ("MOVED", "www.laden-umzug.de", web.port),
            ("SOCIAL", "www.laden-sozial.de", web.port), ("PARKED", "www.laden-geparkt.de", web.port),
            ("WWW", "nur-mit-www.de", web.port), ("FLAKY", "www.wackelt.de", web.port),
            ("SOFT404", "www.alles-da.de", soft), ("FLOOD", "www.im-kreis.de", flood),
            ("ERROR", "www.kaputt.de", error), ("BUSY", "www.ausgelastet.de", busy),
            ("HANG", "www.haengt.de", hang), ("RESET", "www.bricht-ab.de", reset),
            ("GARBAGE", "www.kauderwelsch.de", garbage), ("REFUSED", "www.geschlossen.de", closed_port()),
            ("NXDOMAIN", "www.gibt-es-nicht.de", None),
            ("TLS_OK", "https://www.sicher.de", good_tls), ("TLS_EXPIRED", "https://www.abgelaufen.de", old_tls),
            ("TLS_SELF", "https://www.selbstgemacht.de", self_tls),
            ("TLS_NAME", "https://www.falscher-name.de", good_tls),
        ]
        known = {h.split("://")[-1] for _i, h, _p in rows if h not in ("nur-mit-www.de", "www.gibt-es-nicht.de")}
        known |= {"www.laden-neu.de", "www.facebook.com", "www.nur-mit-www.de"}
        env.vars["MARKTPLATZ_HOSTS"] = ",".join(f"{h}=127.0.0.1" for h in sorted(known))
        env.vars["SSL_CERT_FILE"] = str(ca_file)
        traders = data / "traders.csv"
        traders.write_text("id;name;website\n" + "".join(
            f"{i};Laden {i};{h}{f':{p}' if p else ''}\n" for i, h, p in rows), encoding="utf-8")
        env.run("init")
        env.run("traders", "import", str(traders))
        out: dict[str, Any] = {"env": env, "ids": [r[0] for r in rows]}
        started = time.monotonic()
        out["first"] = env.run("check", "--timeout", TIMEOUT)
        out["first_seconds"] = time.monotonic() - started
        out["health1"] = _export(env, tmp / "h1.json")
        del hosts.sites["www.wackelt.de"]  # the site breaks: its host now answers 404
        out["second"] = env.run("check", "--timeout", TIMEOUT)
        out["health2"] = _export(env, tmp / "h2.json")
        env.run("check", "--timeout", TIMEOUT, "--trader", "FLAKY")
        out["health3"] = _export(env, tmp / "h3.json")
        env.run("export", "health", "--format", "csv", "--out", str(tmp / "h.csv"))
        out["csv"] = list(csv.DictReader(io.StringIO((tmp / "h.csv").read_text(encoding="utf-8-sig")),
                                         delimiter=";"))
        yield out


class _demo_web:
    def __init__(self, hosts: VirtualHosts) -> None:
        self.server = DemoWeb(hosts)

    def __enter__(self) -> DemoWeb:
        return self.server.start()

    def __exit__(self, *exc: object) -> None:
        self.server.stop()


def _export(env: Env, path: Path) -> dict[str, dict[str, Any]]:
    env.run("export", "health", "--format", "json", "--out", str(path))
    return {s["id"]: s for s in json.loads(path.read_text(encoding="utf-8"))["sites"]}


def test_every_site_is_checked_however_badly_its_server_behaves(world: dict[str, Any]) -> None:
    health = world["health1"]
    assert set(health) == set(world["ids"])
    assert all(s["checked_at"] and s["check_kind"] == "check" for s in health.values())
    # Hanging servers cost the request timeout (robots.txt and home page), not more.
    assert world["first_seconds"] < 40
    assert f"check: {len(world['ids'])} site(s)" in world["first"].stdout


@pytest.mark.parametrize(("trader", "status", "outcome"), [
    ("OK", "ok", "ok"), ("MOVED", "redirected", "redirected"), ("SOCIAL", "redirected", "redirected"),
    ("PARKED", "parked", "parked"), ("WWW", "ok", "ok"), ("SOFT404", "ok", "ok"),
    ("FLOOD", "broken", "redirects"), ("ERROR", "broken", "http_error"), ("HANG", "unreachable", "timeout"),
    ("RESET", "unreachable", "reset"), ("REFUSED", "unreachable", "refused"), ("NXDOMAIN", "unreachable", "dns"),
    ("TLS_OK", "ok", "ok"), ("TLS_EXPIRED", "ok", "ok"), ("TLS_SELF", "ok", "ok"), ("TLS_NAME", "ok", "ok"),
])
def test_each_behaviour_ends_in_its_status_and_outcome(world: dict[str, Any], trader: str, status: str,
                                                       outcome: str) -> None:
    site = world["health2"][trader]
    assert (site["site_status"], site["outcome"]) == (status, outcome)


def test_server_answering_garbage_is_unreachable(world: dict[str, Any]) -> None:
    assert world["health2"]["GARBAGE"]["site_status"] == "unreachable"


def test_rate_limited_site_gets_no_verdict_and_no_failure(world: dict[str, Any]) -> None:
    busy = world["health1"]["BUSY"]
    assert busy["outcome"] == "rate_limited" and busy["site_status"] == "not_crawled"
    assert busy["consecutive_failures"] == 0


def test_redirects_are_named_moved_domain_and_social_media(world: dict[str, Any]) -> None:
    moved, social = world["health1"]["MOVED"], world["health1"]["SOCIAL"]
    assert moved["redirect_kind"] == "moved_domain" and moved["final_url"].startswith("http://www.laden-neu.de:")
    assert [h["url"].split("/")[2].split(":")[0] for h in moved["redirects"]] == ["www.laden-umzug.de",
                                                                                   "www.laden-neu.de"]
    assert social["redirect_kind"] == "social_media"


def test_parked_page_and_soft_404_are_recognised(world: dict[str, Any]) -> None:
    assert world["health1"]["PARKED"]["parked"]["kind"] == "for_sale"
    assert world["health1"]["SOFT404"]["soft_404"] is True
    assert world["health1"]["OK"]["soft_404"] is False


def test_name_without_www_that_only_resolves_with_www_is_reached_by_the_second_strategy(world: dict[str, Any]
                                                                                        ) -> None:
    site = world["health1"]["WWW"]
    assert site["fallback_url"].startswith("http://www.nur-mit-www.de:")


def test_unknown_domain_is_told_apart_as_nxdomain(world: dict[str, Any]) -> None:
    site = world["health1"]["NXDOMAIN"]
    assert site["dns"] == "nxdomain"
    assert site["second_strategy"]["url"].startswith("http://gibt-es-nicht.de")


def test_certificates_are_verified_expired_self_signed_and_wrong_name_are_invalid(world: dict[str, Any]) -> None:
    tls = {t: world["health1"][t]["tls"] for t in ("TLS_OK", "TLS_EXPIRED", "TLS_SELF", "TLS_NAME")}
    assert tls["TLS_OK"]["valid"] is True and tls["TLS_OK"]["verified"] is True and tls["TLS_OK"]["days_left"] > 21
    assert tls["TLS_EXPIRED"]["valid"] is False and "expired" in tls["TLS_EXPIRED"]["problems"]
    assert tls["TLS_SELF"]["problems"] == ["self_signed"]
    assert tls["TLS_NAME"]["problems"] == ["hostname_mismatch"]


def test_site_that_never_answered_shows_unreachable_at_once_but_unconfirmed_until_the_second_check(
        world: dict[str, Any]) -> None:
    first, second = world["health1"]["REFUSED"], world["health2"]["REFUSED"]
    assert first["site_status"] == "unreachable" and first["status_confirmed"] is False
    assert second["status_confirmed"] is True and second["down_since"] == first["checked_at"]


def test_working_site_that_fails_once_stays_ok_and_is_down_after_the_second_failed_check(world: dict[str, Any]
                                                                                         ) -> None:
    once, twice = world["health2"]["FLAKY"], world["health3"]["FLAKY"]
    assert once["site_status"] == "ok" and once["outcome"] == "http_error" and once["consecutive_failures"] == 1
    assert once["failing_since"] == once["checked_at"] and once["down_since"] is None
    assert twice["site_status"] == "broken" and twice["status_confirmed"] is True
    assert twice["down_since"] == once["checked_at"]
    assert [h["outcome"] for h in twice["history"]] == ["ok", "http_error", "http_error"]


def test_csv_export_has_one_row_per_site_with_status_tls_and_down_since(world: dict[str, Any]) -> None:
    rows = {r["id"]: r for r in world["csv"]}
    assert set(rows) == set(world["ids"])
    assert rows["TLS_EXPIRED"]["tls_valid"] == "nein" and rows["TLS_EXPIRED"]["tls_problems"] == "expired"
    assert rows["FLAKY"]["site_status"] == "broken" and rows["FLAKY"]["down_since"]
    assert rows["MOVED"]["redirect_kind"] == "moved_domain" and " → " in rows["MOVED"]["redirects"]


def test_the_summary_line_counts_statuses_and_first_failures(world: dict[str, Any]) -> None:
    """The operator's line after each check: sites by status as the health export has them, and how many failed
    for the first time (not yet confirmed: the status rule waits for a second failing check)."""
    for run, health in (("first", "health1"), ("second", "health2")):
        line = world[run].stdout
        statuses = Counter(s["site_status"] for s in world[health].values())
        assert ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) + ";" in line
    assert "; 0 failing but not yet confirmed;" in world["first"].stdout
    assert "; 1 failing but not yet confirmed;" in world["second"].stdout  # the flaky site, broken once
    assert re.search(r"; [1-9]\d* retried by a second strategy;", world["first"].stdout)  # www. for nur-mit-www.de
