"""The pipeline benchmark's synthetic web serves what the benchmark relies on: pages, 304s, counted bytes."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from bench.synthweb import SyntheticWeb, WebServer


@pytest.fixture(scope="module")
def server() -> Iterator[WebServer]:
    web = WebServer(sites=3, pages_per_site=8, seed=1).start()
    yield web
    web.stop()


def get(server: WebServer, host: str, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = Request(f"http://127.0.0.1:{server.port}{path}", headers={"Host": host, **headers})
    try:
        with urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def test_pages_are_the_same_for_the_same_seed() -> None:
    a, b = SyntheticWeb(3, 8, seed=1), SyntheticWeb(3, 8, seed=1)
    assert a.page("hb0002.de", "/kontakt.html", "http://x") == b.page("hb0002.de", "/kontakt.html", "http://x")
    assert a.page("hb0002.de", "/kontakt.html", "http://x") != SyntheticWeb(3, 8, seed=2).page(
        "hb0002.de", "/kontakt.html", "http://x")


def test_every_site_serves_its_pages_with_contact_data(server: WebServer) -> None:
    for index in range(3):
        plan = server.web.plan(index)
        status, _, body = get(server, plan.host, "/kontakt.html")
        assert status == 200
        assert plan.phone.encode() in body and f"info@{plan.host}".encode() in body
        assert get(server, plan.host, "/" + plan.broken[0])[0] == 404
    assert get(server, "hb0009.de", "/")[0] == 404  # not one of the three sites


def test_unchanged_page_answers_304_to_if_none_match_and_if_modified_since(server: WebServer) -> None:
    status, headers, _ = get(server, "hb0001.de", "/")
    assert status == 200
    assert get(server, "hb0001.de", "/", **{"If-None-Match": headers["ETag"]})[0] == 304
    assert get(server, "hb0001.de", "/", **{"If-Modified-Since": headers["Last-Modified"]})[0] == 304


def test_bytes_sent_are_counted_and_a_304_costs_few(server: WebServer) -> None:
    server.stats(reset=True)
    _, headers, body = get(server, "hb0000.de", "/leistungen.html")
    full = server.stats()["bytes_sent"]
    assert full > len(body)
    get(server, "hb0000.de", "/leistungen.html", **{"If-None-Match": headers["ETag"]})
    stats = server.stats()
    assert stats["requests"] == 2 and stats["statuses"] == {"200": 1, "304": 1}
    assert stats["bytes_sent"] - full < full / 10
