"""What one look at a home page means: redirect kinds, parked pages, soft 404s, second strategies, DNS failures."""

from __future__ import annotations

import socket

import pytest

from marktplatz.monitor.dns import dns_failure_kind
from marktplatz.monitor.health import observe, redirect_kind, second_strategy, status_from
from marktplatz.monitor.homecheck import Attempt, HomeCheck, observation_from_check
from marktplatz.monitor.parked import detect_parked


@pytest.mark.parametrize(("start", "end", "kind"), [
    ("http://laden.de/", "https://laden.de/", "https_upgrade"),
    ("http://laden.de/", "http://www.laden.de/", "www_added"),
    ("https://www.laden.de/", "https://laden.de/", "www_removed"),
    ("https://laden.de/", "https://laden.de/start/", "path"),
    ("http://laden.de/", "https://neuer-laden.de/", "moved_domain"),
    ("http://laden.de/", "https://www.facebook.com/laden", "social_media"),
    ("http://laden.de/", "https://sedo.com/search/details/?domain=laden.de", "parking"),
    ("https://laden.de/", "https://laden.de/", None),
])
def test_redirect_chain_is_named_by_where_it_leads(start: str, end: str, kind: str | None) -> None:
    assert redirect_kind(start, end) == kind


def test_move_to_another_domain_or_social_media_is_redirected_but_https_upgrade_is_ok() -> None:
    def status(end: str) -> str | None:
        return status_from(observe("http://laden.de/", 200, None, None, end, [], None, 10))

    assert status("https://www.laden.de/") == "ok"
    assert status("https://neuer-laden.de/") == "redirected"
    assert status("https://www.instagram.com/laden/") == "redirected"


def test_http_error_or_unusable_answer_points_to_broken_and_no_answer_to_unreachable() -> None:
    assert status_from(observe("http://laden.de/", 503, None, None, "http://laden.de/", [], None, 5)) == "broken"
    for kind in ("redirects", "too_large"):
        assert status_from(observe("http://laden.de/", None, kind, "x", None, [], None, None)) == "broken"
    for kind in ("dns", "refused", "timeout", "reset", "tls", "blocked"):
        assert status_from(observe("http://laden.de/", None, kind, "x", None, [], None, None)) == "unreachable"


def test_robots_refusal_and_rate_limiting_tell_nothing_and_get_no_second_look() -> None:
    assert status_from(observe("http://laden.de/", None, "robots", "x", None, [], None, None)) is None
    assert status_from(observe("http://laden.de/", 429, None, None, "http://laden.de/", [], None, 5)) is None
    assert second_strategy("http://laden.de/", None, 429) is None


@pytest.mark.parametrize(("html", "kind"), [
    ("<title>laden.de</title><h1>Diese Domain steht zum Verkauf!</h1><a href='/'>Angebot</a>", "for_sale"),
    ("<h1>This domain may be for sale</h1>", "for_sale"),
    ("<p>Hier entsteht eine neue Internetpräsenz.</p>", "placeholder"),
    ("<title>Welcome to nginx!</title><h1>Welcome to nginx!</h1>", "server_default"),
])
def test_parking_sale_and_placeholder_pages_are_recognised(html: str, kind: str) -> None:
    verdict = detect_parked(html.encode(), "http://laden.de/")
    assert verdict is not None and verdict.kind == kind


def test_real_shop_page_that_mentions_buying_a_domain_is_not_parked() -> None:
    text = "<p>Unsere Agentur hilft: Domain kaufen, Website bauen.</p>" + "<p>Brot und Brötchen.</p>" * 200
    assert detect_parked(text.encode(), "http://agentur.de/") is None


def test_redirect_to_a_domain_dealer_is_parked() -> None:
    obs = observe("http://laden.de/", 200, None, None, "https://www.hugedomains.com/domain_profile.cfm?d=laden",
                  [], None, 10)
    assert obs.outcome == "parked" and status_from(obs) == "parked"


def test_random_path_answering_200_is_a_soft_404() -> None:
    check = HomeCheck("T", "http://laden.de/", attempts=[Attempt("http://laden.de/", "http://laden.de/", 200)],
                      body=b"<h1>Laden</h1>", probe={"url": "http://laden.de/zufall", "status": 200})
    assert observation_from_check(check).details["soft_404"] is True
    check.probe = {"url": "http://laden.de/zufall", "status": 404}
    assert observation_from_check(check).details["soft_404"] is False


def test_site_reached_only_by_the_second_strategy_is_ok_and_says_how() -> None:
    check = HomeCheck("T", "http://laden.de/", attempts=[
        Attempt("http://laden.de/", "http://laden.de/", error_kind="dns", error="no", dns="nxdomain"),
        Attempt("http://www.laden.de/", "http://www.laden.de/", 200)], body=b"<h1>Laden</h1>")
    obs = observation_from_check(check)
    assert obs.outcome == "ok" and obs.url == "http://laden.de/"
    assert obs.details["fallback_url"] == "http://www.laden.de/"
    assert obs.details["first_attempt"]["error_kind"] == "dns"


def test_second_strategy_tries_the_www_twin_after_dns_failure_and_the_other_scheme_after_errors() -> None:
    assert second_strategy("http://laden.de/", "dns", None) == "http://www.laden.de/"
    assert second_strategy("https://www.laden.de/", "dns", None) == "https://laden.de/"
    assert second_strategy("https://laden.de/", "tls", None) == "http://laden.de/"
    assert second_strategy("http://laden.de/", "timeout", None) == "https://laden.de/"
    assert second_strategy("http://laden.de/", None, 404) == "http://www.laden.de/"


def test_no_second_strategy_for_refused_addresses_or_typed_ports() -> None:
    assert second_strategy("http://laden.de/", "blocked", None) is None
    assert second_strategy("http://laden.de:8080/", "refused", None) is None


def test_dns_failure_tells_nonexistent_name_from_temporary_failure() -> None:
    def fails(code: int):
        def lookup(_host: str) -> object:
            raise socket.gaierror(code, "failed")
        return lookup

    assert dns_failure_kind("weg.de", fails(socket.EAI_NONAME)) == "nxdomain"
    assert dns_failure_kind("weg.de", fails(socket.EAI_AGAIN)) == "temporary"
    assert dns_failure_kind("da.de", lambda _h: [("x",)]) == "resolves"
