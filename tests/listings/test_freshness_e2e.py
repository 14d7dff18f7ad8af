"""Freshness through the real pipeline: crawl, change the site, crawl again, take it down, decide the review."""

from __future__ import annotations

import json
from pathlib import Path

from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

HOST = "www.friseur-kamm.de"
PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{t}</title></head><body>{b}
<a href="/kontakt.html">Kontakt</a> <a href="/impressum.html">Impressum</a></body></html>"""


def site(root: Path, mail: str, phone: bool) -> None:
    tel = '<a href="tel:+4923234444444">02323 444 44 44</a>' if phone else ""
    write_site(root, {
        "index.html": PAGE.format(t="Friseur Kamm", b="<h1>Friseur Kamm</h1>"),
        "kontakt.html": PAGE.format(t="Kontakt", b=f"{tel}<a href='mailto:{mail}'>Mail</a>"),
        "impressum.html": PAGE.format(t="Impressum", b="<h1>Impressum</h1><p>Friseur Kamm</p>"),
    })


def feed(env: Env, tmp_path: Path) -> dict:
    env.run("export", "feed", "--format", "json", "--out", str(tmp_path / "f.json"))
    return {e["id"]: e for e in json.loads((tmp_path / "f.json").read_text())["listings"]}["K1"]


def changes(env: Env, tmp_path: Path) -> list[dict]:
    env.run("export", "changes", "--format", "json", "--out", str(tmp_path / "c.json"))
    return list(json.loads((tmp_path / "c.json").read_text())["changes"])


def test_listing_stays_fresh_and_never_loses_known_good_data(env: Env, web: VirtualHosts, tmp_path: Path) -> None:
    root = tmp_path / "site"
    site(root, "info@friseur-kamm.de", phone=True)
    web.sites[HOST] = root
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var(HOST)
    env.run("init")
    (tmp_path / "t.csv").write_text(f"id;name;website\nK1;Friseur Kamm;{HOST}:{web.port}\n",  # type: ignore[attr-defined]
                                    encoding="utf-8")
    env.run("traders", "import", str(tmp_path / "t.csv"))
    env.run("crawl")
    first = feed(env, tmp_path)
    assert first["phones"] == ["+4923234444444"] and first["emails"] == ["info@friseur-kamm.de"]

    site(root, "termine@friseur-kamm.de", phone=False)  # a new e-mail address; the phone number vanished
    env.run("crawl")
    second = feed(env, tmp_path)
    assert second["emails"] == ["termine@friseur-kamm.de"]
    assert second["phones"] == ["+4923234444444"], "a vanished value waits for review"
    [mail] = [c for c in changes(env, tmp_path) if c["field"] == "emails"]
    assert mail["old"] == ["info@friseur-kamm.de"] and mail["source_url"].endswith("/kontakt.html")
    listed = env.run("review", "list").stdout
    assert "K1" in listed and "phones" in listed and "review: 1 open item(s)" in listed

    del web.sites[HOST]  # the site is gone: every page answers 404
    env.run("crawl")
    assert feed(env, tmp_path)["site_status"] == "ok", "one failed look does not take a working site down"
    env.run("check")  # the daily check fails too: the second failure, from another run, confirms it
    down = feed(env, tmp_path)
    assert down["site_status"] == "broken" and down["stale"] is True
    assert down["last_verified_at"] == second["last_verified_at"]
    assert (down["phones"], down["emails"]) == (second["phones"], second["emails"])

    item_id = listed.split()[0]
    assert "accepted" in env.run("review", "accept", item_id).stdout
    assert feed(env, tmp_path)["phones"] == []
    assert [c["field"] for c in changes(env, tmp_path)] == ["emails", "site_status", "phones"]
    again = env.run("review", "accept", item_id, check=False)
    assert again.returncode == 1 and "already accepted" in again.stderr
