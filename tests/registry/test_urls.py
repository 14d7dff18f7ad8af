"""Website cells as people type them."""

from __future__ import annotations

import pytest

from marktplatz.registry.urls import WebsiteError, normalise_website, parse_websites, registered_domain


@pytest.mark.parametrize(("typed", "url"), [
    ("www.baeckerei-x.de", "http://www.baeckerei-x.de/"),
    ("  www.baeckerei-x.de  ", "http://www.baeckerei-x.de/"),
    ("http://baeckerei-x.de", "http://baeckerei-x.de/"),
    ("HTTPS://WWW.Baeckerei-X.de/Kontakt", "https://www.baeckerei-x.de/Kontakt"),
    ("bäckerei-müller.de", "http://xn--bckerei-mller-bfb28a.de/"),
    ("www.bäckerei-müller.de/öffnungszeiten", "http://www.xn--bckerei-mller-bfb28a.de/%C3%B6ffnungszeiten"),
    ("https://shop.example.de:8443/a?b=1#top", "https://shop.example.de:8443/a?b=1"),
    ("www.herne.de.", "http://www.herne.de/"),
])
def test_typed_urls_are_normalised(typed: str, url: str) -> None:
    assert normalise_website(typed).url == url


def test_umlaut_path_is_percent_encoded_like_a_browser_does() -> None:
    assert normalise_website("www.x.de/über-uns?q=grüße").url == "http://www.x.de/%C3%BCber-uns?q=gr%C3%BC%C3%9Fe"


@pytest.mark.parametrize("cell", ["", "   ", "-", "keine", "k.A.", "n/a", None])
def test_cells_meaning_no_website_give_none(cell: str | None) -> None:
    assert parse_websites(cell) == []


def test_several_urls_in_one_cell_are_kept_in_order_without_duplicates() -> None:
    cell = "www.laden-a.de; http://www.laden-a.de , www.laden-b.de\nwww.laden-c.de"
    assert [w.url for w in parse_websites(cell)] == ["http://www.laden-a.de/", "http://www.laden-b.de/",
                                                     "http://www.laden-c.de/"]


@pytest.mark.parametrize(("typed", "reason"), [
    ("info@baeckerei-x.de", "e-mail"),
    ("ftp://files.baeckerei-x.de", "scheme"),
    ("htp//baeckerei", "top-level"),
    ("baeckerei", "top-level"),
    ("www.bäckerei_x.de", "not a valid domain"),
    ("http://", "no host"),
    ("www.x.de:99999", "port"),
])
def test_unusable_urls_say_why(typed: str, reason: str) -> None:
    with pytest.raises(WebsiteError, match=reason):
        normalise_website(typed)


def test_registered_domain_ignores_subdomains_and_knows_public_suffixes() -> None:
    assert registered_domain("www.shop.baeckerei-x.de") == "baeckerei-x.de"
    assert registered_domain("baeckerei.co.uk") == "baeckerei.co.uk"
    assert registered_domain("127.0.0.1") == "127.0.0.1"
