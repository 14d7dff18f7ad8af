"""The audit after a real crawl through the CLI: findings land in the feed with German messages and a score, and
`marktplatz reprocess` re-audits from the stored pages without fetching anything."""

from __future__ import annotations

import json
from pathlib import Path

from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

HEAD = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{t}</title>{extra}</head><body>{body}</body></html>"


def old_shop(root: Path) -> Path:
    fonts = "<link rel='stylesheet' href='https://fonts.googleapis.com/css?family=Roboto'>"
    tracking = "<script async src='https://www.googletagmanager.com/gtag/js?id=G-X1'></script>"
    return write_site(root, {
        "index.html": HEAD.format(t="Schuhhaus Alt", extra=fonts + tracking, body="""
            <h1>Schuhhaus Alt</h1><p>Wegen der Corona-Pandemie gilt Maskenpflicht im Laden.</p>
            <a href="/ueber-uns.html">Über uns</a> <a href="/angebote-2019.html">Angebote</a>
            <a href="/datenschutz.html">Datenschutz</a><p>© 2018 Schuhhaus Alt</p>"""),
        "ueber-uns.html": HEAD.format(t="Über uns", extra="", body="<a href='/team.html'>Team</a>"),
        "team.html": HEAD.format(t="Team", extra="", body="<a href='/impressum.html'>Impressum</a>"),
        "impressum.html": HEAD.format(t="Impressum", extra="", body="<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p>"
                                                                    "<p>Schuhhaus Alt, Bahnhofstraße 9, 44623 "
                                                                    "Herne</p>"),
        "datenschutz.html": HEAD.format(t="Datenschutz", extra="", body="<h1>Datenschutz</h1>"),
    })


def _feed(env: Env, out: Path) -> dict:
    env.run("export", "feed", "--format", "json", "--out", str(out))
    (entry,) = json.loads(out.read_text(encoding="utf-8"))["listings"]
    return entry


def test_crawl_audits_the_site_and_reprocess_reaudits_without_fetching(env: Env, web: VirtualHosts,
                                                                       tmp_path: Path) -> None:
    web.sites["www.schuhhaus-alt.de"] = old_shop(tmp_path / "site")
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.schuhhaus-alt.de")
    env.run("init")
    (env.data_dir / "t.csv").write_text(f"id;name;website\nS;Schuhhaus Alt;www.schuhhaus-alt.de:{web.port}\n",  # type: ignore[attr-defined]
                                        encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))
    env.run("crawl")
    entry = _feed(env, tmp_path / "feed.json")
    quality = entry["quality"]
    codes = {f["code"] for f in quality["findings"]}
    assert codes >= {"no_https", "no_viewport", "google_fonts_remote", "third_party_without_consent",
                     "stale_content", "outdated_copyright", "obsolete_legal_text", "impressum_too_deep",
                     "broken_links"}
    assert "no_impressum" not in codes and "no_datenschutz" not in codes
    assert all(f["message"] and f["severity"] in ("high", "medium", "low") for f in quality["findings"])
    assert 0 <= quality["score"] < 50

    evidence = dict(env.query("select code, evidence from findings where code='impressum_too_deep'"))
    assert evidence["impressum_too_deep"]["clicks"] == 3
    snapshot_codes = env.query("select finding_codes from site_snapshots")[0][0]
    assert set(snapshot_codes) == codes

    served = len(web.log)
    web.sites.clear()  # the site is gone: a re-audit must not need it
    assert "reprocess: 1 site(s)" in env.run("reprocess").stdout
    assert len(web.log) == served
    again = _feed(env, tmp_path / "feed2.json")["quality"]
    assert {f["code"] for f in again["findings"]} == codes and again["score"] == quality["score"]


def test_domain_that_became_a_parking_page_keeps_the_verified_listing_and_says_parked(env: Env, web: VirtualHosts,
                                                                                      tmp_path: Path) -> None:
    site = write_site(tmp_path / "laden", {"index.html": HEAD.format(
        t="Kiosk Eck", extra="<meta name='viewport' content='width=device-width'>",
        body="<h1>Kiosk Eck</h1><a href='tel:+4923239876'>02323 9876</a><a href='/impressum.html'>Impressum</a>"),
        "impressum.html": HEAD.format(t="Impressum", extra="", body="<h1>Impressum</h1>")})
    web.sites["www.kiosk-eck.de"] = site
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.kiosk-eck.de")
    env.run("init")
    (env.data_dir / "t.csv").write_text(f"id;name;website\nK;Kiosk Eck;www.kiosk-eck.de:{web.port}\n",  # type: ignore[attr-defined]
                                        encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))
    env.run("crawl")
    assert _feed(env, tmp_path / "before.json")["phones"] == ["+4923239876"]

    (site / "index.html").write_text("<html><head><title>kiosk-eck.de</title></head><body><h1>Diese Domain steht "
                                     "zum Verkauf!</h1><p>Jetzt Angebot abgeben.</p></body></html>", encoding="utf-8")
    env.run("crawl")
    after = _feed(env, tmp_path / "after.json")
    assert after["site_status"] == "parked" and after["stale"] is True
    assert after["phones"] == ["+4923239876"]
    assert [f["code"] for f in after["quality"]["findings"]] == ["parked_domain"]
