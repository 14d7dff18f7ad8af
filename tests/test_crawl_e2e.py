"""Import → crawl → export through the real CLI, against sites served on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

FEED_KEYS = {"id", "name", "website", "site_status", "last_crawled_at", "last_verified_at", "phones", "fax",
             "emails", "address", "opening_hours", "opening_hours_osm", "opening_hours_note", "offerings",
             "impressum_url", "sources", "quality"}

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>{title}</title></head><body>{body}</body></html>"""


def metzgerei(root: Path) -> Path:
    return write_site(root, {
        "index.html": PAGE.format(title="Metzgerei Kowalski", body="""
            <h1>Metzgerei Kowalski</h1><p>Mo–Fr 8–18 Uhr</p>
            <a href="/kontakt.html">Kontakt</a> <a href="/impressum.html">Impressum</a>
            <a href="/angebote-2019.html">Angebote</a> <a href="/intern/preise.html">Intern</a>
            <a href="https://www.facebook.com/metzgerei">Facebook</a>"""),
        "kontakt.html": PAGE.format(title="Kontakt", body="""
            <a href="tel:+49232355555">02323 55555</a>
            <a href="mailto:Info@Metzgerei-Kowalski.de?subject=Hallo">Mail</a>
            <a href="/">Start</a>"""),
        "impressum.html": PAGE.format(title="Impressum", body="<h1>Impressum</h1><p>Metzgerei Kowalski</p>"),
        "intern/preise.html": PAGE.format(title="intern", body="geheim"),
        "robots.txt": "User-agent: *\nDisallow: /intern/\n",
    })


def write_traders(env: Env, rows: list[tuple[str, str, str]]) -> str:
    path = env.data_dir / "traders.csv"
    path.write_text("id;name;website\n" + "".join(f"{a};{b};{c}\n" for a, b, c in rows), encoding="utf-8")
    return str(path)


def fetched_paths(web: VirtualHosts, host: str) -> list[str]:
    return [path for method, h, path, _ in web.log if h == host and method == "GET"]


@pytest.fixture
def crawled(env: Env, web: VirtualHosts, tmp_path: Path) -> dict:
    web.sites["www.metzgerei-kowalski.de"] = metzgerei(tmp_path / "m")
    port = web.port  # type: ignore[attr-defined]
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.metzgerei-kowalski.de", "www.geschlossen.de")
    env.run("init")
    env.run("traders", "import", write_traders(env, [
        ("M1", "Metzgerei Kowalski", f"www.metzgerei-kowalski.de:{port}"),
        ("D1", "Laden ohne Server", f"www.geschlossen.de:{_closed_port()}"),
        ("N1", "Kiosk ohne Website", ""),
    ]))
    crawl = env.run("crawl")
    env.run("export", "feed", "--format", "json", "--out", str(tmp_path / "feed.json"))
    env.run("export", "health", "--format", "json", "--out", str(tmp_path / "health.json"))
    return {"crawl": crawl, "port": port,
            "feed": {x["id"]: x for x in json.loads((tmp_path / "feed.json").read_text())["listings"]},
            "health": {x["id"]: x for x in json.loads((tmp_path / "health.json").read_text())["sites"]}}


def _closed_port() -> int:
    from marktplatz.demo.run import closed_port

    return closed_port()


def test_feed_follows_the_contract_and_invents_nothing(crawled: dict) -> None:
    feed = crawled["feed"]
    assert set(feed) == {"M1", "D1", "N1"}
    for entry in feed.values():
        assert set(entry) >= FEED_KEYS
    m = feed["M1"]
    assert m["site_status"] == "ok"
    assert m["phones"] == ["+49232355555"]
    assert m["emails"] == ["info@metzgerei-kowalski.de"]
    assert m["sources"]["phones"].endswith("/kontakt.html")
    assert m["last_verified_at"] is not None
    assert feed["D1"]["site_status"] == "unreachable"
    assert feed["D1"]["phones"] == [] and feed["D1"]["last_verified_at"] is None
    assert feed["N1"]["site_status"] == "no_website" and feed["N1"]["website"] is None
    assert "crawl: 2 site(s)" in crawled["crawl"].stdout


def test_broken_internal_links_are_reported_with_the_page_they_are_on(crawled: dict) -> None:
    broken = crawled["health"]["M1"]["broken_links"]
    assert [(b["url"].split("/", 3)[3], b["status"], b["found_on"].split("/", 3)[3]) for b in broken] == [
        ("angebote-2019.html", 404, "")]
    assert crawled["health"]["D1"]["outcome"] == "refused"


def test_robots_txt_is_obeyed(crawled: dict, web: VirtualHosts) -> None:
    paths = fetched_paths(web, "www.metzgerei-kowalski.de")
    assert "/robots.txt" in paths
    assert not any(p.startswith("/intern/") for p in paths)


def test_user_agent_is_honest(env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    from marktplatz.config import USER_AGENT

    assert "MarktplatzHerneBot" in USER_AGENT and "+https://" in USER_AGENT


def test_raw_bodies_are_stored_compressed_for_reextraction(crawled: dict, env: Env) -> None:
    rows = env.query("select url, body_path, content_hash, size from pages where trader_id='M1' and "
                     "body_path is not null")
    assert len(rows) >= 3
    for _url, body_path, digest, _size in rows:
        assert (env.data_dir / "bodies" / body_path).is_file() and body_path.endswith(".gz")
        assert digest in body_path
    assert "reprocess: 2 site(s)" in env.run("reprocess").stdout


def test_recrawl_sends_conditional_requests_and_changes_nothing(crawled: dict, env: Env, web: VirtualHosts
                                                                ) -> None:
    before = len(web.log)
    env.run("crawl", "--trader", "M1")
    second = [status for _m, h, p, status in web.log[before:] if h == "www.metzgerei-kowalski.de"
              and p.endswith((".html", "/"))]
    assert second.count(304) >= 3
    assert env.query("select count(*) from change_records where field != 'site_status'") == [(0,)]


def test_without_allow_private_the_guard_refuses_loopback(env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    web.sites["www.metzgerei-kowalski.de"] = metzgerei(tmp_path / "m")
    env.vars.pop("MARKTPLATZ_ALLOW_PRIVATE")
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.metzgerei-kowalski.de")
    env.run("init")
    env.run("traders", "import", write_traders(env, [
        ("M1", "Metzgerei", f"www.metzgerei-kowalski.de:{web.port}"),  # type: ignore[attr-defined]
        ("M2", "Direkt", f"http://127.0.0.1:{web.port}/")]))  # type: ignore[attr-defined]
    env.run("crawl")
    env.run("export", "health", "--format", "json", "--out", str(tmp_path / "h.json"))
    health = {x["id"]: x for x in json.loads((tmp_path / "h.json").read_text())["sites"]}
    assert web.log == []
    for trader in ("M1", "M2"):
        assert health[trader]["site_status"] == "unreachable"
        assert health[trader]["outcome"] == "blocked"
        assert "loopback" in health[trader]["error"]


def test_page_budget_bounds_a_large_site(env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    links = "".join(f'<a href="/seite-{i}.html">Seite {i}</a>' for i in range(80))
    files = {"index.html": PAGE.format(title="Gross", body=links)}
    files.update({f"seite-{i}.html": PAGE.format(title=f"S{i}", body=links) for i in range(80)})
    web.sites["www.gross.de"] = write_site(tmp_path / "g", files)
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.gross.de")
    env.run("init")
    env.run("traders", "import", write_traders(env, [("G", "Gross", f"www.gross.de:{web.port}")]))  # type: ignore
    env.run("crawl", "--max-pages", "10")
    gets = [p for p in fetched_paths(web, "www.gross.de") if p.startswith("/seite-") or p == "/"]
    assert len(gets) == 10


def test_moved_site_is_redirected_and_crawled_at_its_new_home(env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    web.sites["www.neu.de"] = metzgerei(tmp_path / "m")
    web.redirects["www.alt.de"] = "www.neu.de"
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.alt.de", "www.neu.de")
    env.run("init")
    env.run("traders", "import", write_traders(env, [("A", "Umgezogen", f"www.alt.de:{web.port}")]))  # type: ignore
    env.run("crawl")
    env.run("export", "feed", "--format", "json", "--out", str(tmp_path / "f.json"))
    (entry,) = json.loads((tmp_path / "f.json").read_text())["listings"]
    assert entry["site_status"] == "redirected"
    assert entry["phones"] == ["+49232355555"]
    assert "/kontakt.html" in fetched_paths(web, "www.neu.de")


def test_crawl_of_an_unknown_trader_is_refused(env: Env) -> None:
    env.run("init")
    proc = env.run("crawl", "--trader", "nope", check=False)
    assert proc.returncode == 1 and "no trader with id nope" in proc.stderr


def test_a_link_broken_for_weeks_keeps_the_day_it_was_first_seen(crawled: dict, env: Env) -> None:
    before = env.query("select url, first_seen_at from broken_links where trader_id='M1'")
    assert len(before) == 2  # the 404 page and the unreachable Facebook link (the network is closed here)
    env.run("crawl", "--trader", "M1")
    after = env.query("select url, first_seen_at, last_seen_at from broken_links where trader_id='M1'")
    assert [(u, f) for u, f, _l in after] == before
    assert all(last > first for _u, first, last in after)
