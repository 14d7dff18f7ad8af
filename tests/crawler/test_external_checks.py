"""External links that many traders share are checked once per crawl run, and every site still gets its result."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

from scrapy import Request
from scrapy.utils.test import get_crawler

from marktplatz.config import CrawlLimits
from marktplatz.crawler.items import FetchResult
from marktplatz.crawler.spiders.frontier import Fetch, SiteFrontier
from marktplatz.crawler.spiders.site import SiteSpider
from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

SITES = ("www.baecker-eins.de", "www.baecker-zwei.de", "www.baecker-drei.de")
PORTAL = "www.stadtportal-herne.de"
DEAD = "www.gibt-es-nicht-mehr.invalid"


def test_a_shared_external_link_is_checked_once_and_reported_for_every_site(env: Env, web: VirtualHosts,
                                                                          tmp_path: Path) -> None:
    port = web.port  # type: ignore[attr-defined]
    for name in SITES:
        web.sites[name] = write_site(tmp_path / name, {"index.html": (
            "<html><body><h1>Bäckerei</h1>"
            f"<a href='http://{PORTAL}:{port}/alte-seite.html'>Stadtportal</a>"
            f"<a href='http://{DEAD}/'>Innung</a></body></html>")})
    web.sites[PORTAL] = write_site(tmp_path / "portal", {"index.html": "<html><body>Portal</body></html>"})
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var(*SITES, PORTAL)
    env.run("init")
    traders = env.data_dir / "t.csv"
    traders.write_text("id;name;website\n" + "".join(f"B{i};Bäckerei {i};{name}:{port}\n"
                                                     for i, name in enumerate(SITES)), encoding="utf-8")
    env.run("traders", "import", str(traders))
    env.run("crawl")

    portal_checks = [(method, path) for method, host, path, _status in web.log
                     if host == PORTAL and path != "/robots.txt"]
    assert portal_checks == [("HEAD", "/alte-seite.html")]
    broken = env.query("SELECT trader_id, url, external FROM broken_links ORDER BY trader_id, url")
    assert [(t, u) for t, u, _e in broken] == [
        (f"B{i}", url) for i in range(len(SITES))
        for url in sorted([f"http://{PORTAL}:{port}/alte-seite.html", f"http://{DEAD}/"])]
    assert all(external for _t, _u, external in broken)


def _site_with_one_external_link(trader_id: str, url: str) -> SiteFrontier:
    frontier = SiteFrontier(trader_id, f"http://www.{trader_id.lower()}.de/", CrawlLimits(),
                            started_at=time.monotonic())
    frontier.external.append(Fetch((0, 0), url, "external", 1, frontier.home_url, method="HEAD"))
    return frontier


def test_a_site_waiting_for_a_check_gets_it_sent_when_the_checking_site_ends_without_an_answer() -> None:
    # The checking site can end before its check settles (a refused HEAD's GET retry fell over its budget): the
    # sites waiting for that link must not wait for ever.
    spider = SiteSpider.from_crawler(get_crawler(SiteSpider), targets=[], limits=CrawlLimits())
    link = "https://www.innung-herne.de/"
    first, second, third = (_site_with_one_external_link(t, link) for t in ("A", "B", "C"))

    assert [r.url for r in spider._advance(first)] == [link]
    assert list(spider._advance(second)) == []  # waits for the first site's check
    assert second.in_flight == 1 and not second.finished

    first.done()  # the first site ends without a settled check
    handed_over = list(spider._advance(first))
    assert [(type(x).__name__, x.meta["trader_id"] if isinstance(x, Request) else x.trader_id)
            for x in handed_over] == [("Request", "B"), ("SiteDone", "A")]

    answer = FetchResult(trader_id="B", url=link, kind="external", depth=1, fetched_at=datetime.now(UTC),
                         found_on=second.home_url, status=404)
    assert list(spider._settle_external(answer)) == []
    third_out = list(spider._advance(third))
    assert [(type(x).__name__, x.trader_id, getattr(x, "status", None)) for x in third_out] == [
        ("FetchResult", "C", 404), ("SiteDone", "C", None)]
