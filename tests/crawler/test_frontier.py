"""Per-site crawl bookkeeping: priorities, budgets, depth, traps and Impressum probes."""

from __future__ import annotations

from marktplatz.config import CrawlLimits
from marktplatz.crawler.spiders.frontier import SiteFrontier, clean_url, site_key

HOME = "http://www.laden.de/"


def frontier(**limits: int) -> SiteFrontier:
    f = SiteFrontier("t1", HOME, CrawlLimits(**limits), started_at=0.0)  # type: ignore[arg-type]
    f.start()
    return f


def drain(f: SiteFrontier, now: float = 1.0) -> list[tuple[str, str]]:
    """Fetch everything the frontier plans, answering each immediately."""
    out: list[tuple[str, str]] = []
    while True:
        batch = f.next_fetches(now)
        if not batch:
            return out
        for fetch in batch:
            out.append((fetch.kind, fetch.url))
            f.done()


def test_home_first_then_the_pages_that_matter() -> None:
    f = frontier()
    first = f.next_fetches(1.0)
    assert (first[0].kind, first[0].url) == ("home", HOME)
    for _fetch in first:
        f.done()
    f.home_done(HOME)
    f.add_links(HOME, 0, [(HOME + "galerie/", "Galerie"), (HOME + "blog/2019", "Blog"), (HOME + "x", "Impressum"),
                          (HOME + "kontakt", "Kontakt"), (HOME + "leistungen", "Unsere Leistungen")])
    order = [url for kind, url in drain(f) if kind == "page"]
    assert order[:3] == [HOME + "x", HOME + "kontakt", HOME + "leistungen"]
    assert order.index(HOME + "blog/2019") > order.index(HOME + "galerie/")


def test_page_budget_and_depth_bound_the_crawl_and_the_rest_is_link_checked() -> None:
    f = frontier(max_pages=5, max_link_checks=3)
    f.next_fetches(1.0)
    f.done()
    f.done()
    f.add_links(HOME, 0, [(f"{HOME}seite-{i}", "") for i in range(20)])
    fetched = drain(f)
    pages = [u for k, u in fetched if k in ("home", "page")]
    checks = [u for k, u in fetched if k == "link"]
    assert len(pages) == 4  # home + 4 = the budget of 5 planned pages (home counted once)
    assert len(checks) == 3


def test_links_deeper_than_the_limit_are_not_crawled() -> None:
    f = frontier(max_depth=1)
    f.next_fetches(1.0)
    f.add_links(HOME + "a", 1, [(HOME + "tief", "")])  # found on a depth-1 page → depth 2
    assert all(k != "page" for k, _ in drain(f))


def test_session_ids_and_fragments_do_not_make_new_pages() -> None:
    assert clean_url("http://x.de/a?PHPSESSID=abc&p=2#top") == "http://x.de/a?p=2"
    f = frontier()
    f.next_fetches(1.0)
    f.add_links(HOME, 0, [(f"{HOME}kalender?sid={i}", "") for i in range(50)])
    assert sum(1 for k, _ in drain(f) if k == "page") == 1


def test_other_sites_are_external_and_only_sampled() -> None:
    f = frontier(max_external_checks=2)
    f.next_fetches(1.0)
    f.add_links(HOME, 0, [(f"https://andere-{i}.de/", "") for i in range(10)] + [("https://shop.laden.de/", "")])
    fetched = drain(f)
    assert [u for k, u in fetched if k == "page"] == ["https://shop.laden.de/"]  # same registered domain
    assert sum(1 for k, _ in fetched if k == "external") == 2


def test_impressum_is_probed_only_when_no_working_one_was_linked() -> None:
    f = frontier()
    for _ in f.next_fetches(1.0):
        f.done()
    f.home_done(HOME)
    f.add_links(HOME, 0, [(HOME + "alt/impressum/", "Impressum")])
    fetched = drain(f)  # the linked Impressum "fails": nobody calls page_ok for it
    probes = [u for k, u in fetched if k == "probe"]
    assert probes[0] == HOME + "impressum"


def test_a_working_impressum_link_means_no_probes() -> None:
    f = frontier()
    for _ in f.next_fetches(1.0):
        f.done()
    f.home_done(HOME)
    f.add_links(HOME, 0, [(HOME + "impressum.html", "Impressum")])
    f.page_ok(HOME + "impressum.html")
    assert not [u for k, u in drain(f) if k == "probe"]


def test_site_time_limit_stops_new_requests() -> None:
    f = frontier()
    f.next_fetches(1.0)
    f.add_links(HOME, 0, [(f"{HOME}p{i}", "") for i in range(5)])
    assert f.next_fetches(10_000.0) == []
    assert f.timed_out


def test_ip_sites_are_told_apart_by_port() -> None:
    assert site_key("http://127.0.0.1:8001/") != site_key("http://127.0.0.1:8002/")
    assert site_key("http://www.laden.de/") == site_key("https://shop.laden.de:8443/")


def test_a_home_page_moved_to_a_social_platform_is_not_crawled_there() -> None:
    f = frontier()
    for _ in f.next_fetches(1.0):
        f.done()
    f.home_done("https://www.facebook.com/laden")
    f.stop_following()
    f.add_links("https://www.facebook.com/laden", 0, [("https://www.facebook.com/laden/about", "Info"),
                                                      ("https://www.facebook.com/impressum", "Impressum")])
    assert drain(f) == []  # no pages, no checks, no Impressum probes on someone else's platform
