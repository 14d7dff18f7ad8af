"""A site whose pages link to another name of itself (absolute URLs of the domain it was built for) is crawled as
one site under the address the city knows: its Kontakt, Impressum and offer pages are found, the other name is not
checked as an external link, and a re-crawl with conditional requests gets the same listing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marktplatz.crawler.aliases import site_alias
from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

HOME = "http://www.autohaus-beispiel.de/"
PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{t}</title>{head}</head><body>{body}</body></html>"


def _links(*urls: str) -> list[tuple[str, str]]:
    return [(u, "") for u in urls]


def test_navigation_to_the_other_name_with_a_page_also_linked_under_the_own_address_is_an_alias() -> None:
    links = _links("https://autohaus.de/", "https://autohaus.de/werkstatt/", "https://autohaus.de/kontakt/",
                   "https://autohaus.de/impressum/", HOME + "impressum", "https://www.facebook.com/autohaus")
    assert site_alias(HOME, links) == "autohaus.de"


def test_a_canonical_naming_the_other_domains_home_page_is_an_alias() -> None:
    assert site_alias(HOME, [], ["https://www.autohaus.de/"]) == "autohaus.de"
    assert site_alias("http://www.autohaus-beispiel.de/index.html", [], ["https://autohaus.de/index.php"]) \
        == "autohaus.de"


def test_links_to_a_partner_a_platform_or_a_single_page_elsewhere_are_no_alias() -> None:
    partner = _links("https://hersteller.de/modelle/", "https://hersteller.de/garantie/",
                     "https://hersteller.de/haendler/", HOME + "impressum", HOME + "kontakt")
    assert site_alias(HOME, partner) is None  # no page linked both ways
    two = _links("https://autohaus.de/werkstatt/", "https://autohaus.de/impressum/", HOME + "impressum")
    assert site_alias(HOME, two) is None  # fewer than three pages there
    social = _links(*(f"https://www.facebook.com/autohaus/{p}" for p in ("fotos", "events", "impressum")),
                    HOME + "impressum")
    assert site_alias(HOME, social) is None
    assert site_alias(HOME, [], ["https://www.facebook.com/autohaus"]) is None
    # A canonical that names another page (syndicated text, a directory entry) says nothing about the site.
    assert site_alias(HOME, [], ["https://www.branchenbuch.de/autohaus-beispiel/"]) is None
    assert site_alias(HOME, [], ["http://www.autohaus-beispiel.de/"]) is None  # its own address


def _jekyll_site(root: Path) -> Path:
    """Built for https://autohaus.de (every menu link absolute), served as www.autohaus-beispiel.de."""
    other = "https://autohaus.de"
    nav = "".join(f"<li><a href='{other}/{p}/'>{t}</a></li>" for p, t in (
        ("werkstatt", "Werkstatt"), ("kontakt", "Kontakt"), ("impressum", "Impressum"), ("galerie", "Galerie")))
    footer = "<footer><a href='/impressum'>Impressum</a> <a href='/datenschutz'>Datenschutz</a></footer>"
    head = f"<link rel='stylesheet' href='{other}/assets/main.css'>"

    def page(title: str, body: str) -> str:
        return PAGE.format(t=title, head=head, body=f"<nav><ul>{nav}</ul></nav><main>{body}</main>{footer}")

    return write_site(root, {
        "index.html": page("Autohaus Beispiel", f"<h1>Autohaus Beispiel</h1><a href='{other}/'>Start</a>"
                                                "<p>Ihr Autohaus in Herne.</p>"),
        "werkstatt/index.html": page("Werkstatt", "<h2>Werkstatt</h2><p>Unser Service:</p><ul>"
                                                  "<li>Unfallinstandsetzung</li><li>Klimaservice</li>"
                                                  "<li>Reifenservice</li><li>Fahrzeugaufbereitung</li></ul>"),
        "kontakt/index.html": page("Kontakt", "<h2>Kontakt</h2><p>Bahnhofstraße 12, 44623 Herne</p>"
                                              "<p>Telefon: 02323 98 76 54</p>"),
        "impressum/index.html": page("Impressum", "<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p>"
                                                  "<p>Autohaus Beispiel GmbH, Bahnhofstraße 12, 44623 Herne</p>"
                                                  "<p>E-Mail: info@autohaus.de</p>"),
        "impressum.html": page("Impressum", "<h1>Impressum</h1><p>Autohaus Beispiel GmbH</p>"),
        "datenschutz.html": page("Datenschutz", "<h1>Datenschutzerklärung</h1>"),
        "galerie/index.html": page("Galerie", "<h2>Galerie</h2>"),
    })


def _wordpress_site(root: Path) -> Path:
    """Every link absolute to https://www.salon-schoen.de, the address it declares as canonical."""
    other = "https://www.salon-schoen.de"
    nav = "".join(f"<a href='{other}/{p}/'>{t}</a>" for p, t in (("leistungen", "Leistungen"),
                                                               ("kontakt", "Kontakt"), ("impressum", "Impressum")))
    return write_site(root, {
        "index.html": PAGE.format(t="Salon Schön", head=f"<link rel='canonical' href='{other}/'>",
                                  body=f"<h1>Salon Schön</h1>{nav}"),
        "kontakt/index.html": PAGE.format(t="Kontakt", head="", body=f"{nav}<p>Telefon: 02323 11 22 33</p>"),
        "leistungen/index.html": PAGE.format(t="Leistungen", head="", body=f"{nav}<h2>Leistungen</h2><ul>"
                                                                          "<li>Damenhaarschnitt</li>"
                                                                          "<li>Balayage</li></ul>"),
        "impressum/index.html": PAGE.format(t="Impressum", head="", body="<h1>Impressum</h1>"
                                                                         "<p>Salon Schön, Hauptstraße 3, 44623 "
                                                                         "Herne</p>"),
    })


def _feed(env: Env, out: Path) -> dict[str, dict[str, Any]]:
    env.run("export", "feed", "--format", "json", "--out", str(out))
    return {e["id"]: e for e in json.loads(out.read_text(encoding="utf-8"))["listings"]}


def test_a_site_linking_to_its_other_name_is_crawled_under_its_own_address(env: Env, web: VirtualHosts,
                                                                            tmp_path: Path) -> None:
    port = web.port  # type: ignore[attr-defined]
    web.sites["www.autohaus-beispiel.de"] = _jekyll_site(tmp_path / "autohaus")
    web.sites["www.salon-schoen-herne.de"] = _wordpress_site(tmp_path / "salon")
    # The other names are not served at all: whatever the crawl learns, it learns under the registered address.
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.autohaus-beispiel.de", "www.salon-schoen-herne.de")
    env.run("init")
    (env.data_dir / "t.csv").write_text(f"id;name;website\nA;Autohaus Beispiel;www.autohaus-beispiel.de:{port}\n"
                                        f"S;Salon Schön;www.salon-schoen-herne.de:{port}\n", encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))
    env.run("crawl")

    fetched = {(host, path) for method, host, path, status in web.log if method == "GET" and status == 200}
    assert {("www.autohaus-beispiel.de", p) for p in ("/werkstatt/", "/kontakt/", "/impressum/")} <= fetched
    assert {("www.salon-schoen-herne.de", p) for p in ("/leistungen/", "/kontakt/", "/impressum/")} <= fetched
    feed = _feed(env, tmp_path / "feed.json")
    car, salon = feed["A"], feed["S"]
    assert car["phones"] == ["+492323987654"] and salon["phones"] == ["+492323112233"]
    assert {"Unfallinstandsetzung", "Klimaservice", "Reifenservice"} <= set(car["offerings"])
    assert "Balayage" in salon["offerings"]
    assert car["impressum_url"] and salon["impressum_url"].endswith("/impressum/")
    codes = {f["code"] for entry in (car, salon) for f in entry["quality"]["findings"]}
    assert "no_impressum" not in codes and "impressum_too_deep" not in codes
    # The other name's links are the site's own pages, not external links to check (and report as dead).
    assert env.query("SELECT url FROM broken_links") == []
    assert not env.query("SELECT url FROM pages WHERE url LIKE '%autohaus.de/%' OR url LIKE '%salon-schoen.de/%'")

    # The re-crawl gets 304 for the home pages and still follows the other name's links, from the stored ones.
    web.log.clear()
    env.run("crawl")
    revalidated = {(host, path) for method, host, path, status in web.log if method == "GET" and status == 304}
    assert ("www.autohaus-beispiel.de", "/") in revalidated and ("www.salon-schoen-herne.de", "/") in revalidated
    assert ("www.autohaus-beispiel.de", "/werkstatt/") in revalidated
    assert ("www.salon-schoen-herne.de", "/leistungen/") in revalidated
    again = _feed(env, tmp_path / "feed2.json")
    for trader in ("A", "S"):
        assert (again[trader]["phones"], again[trader]["offerings"]) == (feed[trader]["phones"],
                                                                         feed[trader]["offerings"])
