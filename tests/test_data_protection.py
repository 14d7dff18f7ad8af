"""Data protection: opted-out traders are neither crawled nor exported, raw bodies expire, logs hold no bodies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from marktplatz.db.bodies import BodyStore
from marktplatz.db.engine import make_engine, session_factory, transaction
from marktplatz.db.models import Page
from marktplatz.db.retention import prune_bodies
from marktplatz.demo.server import VirtualHosts
from tests.conftest import Env, hosts_var, write_site

MARKER = "Geheimnis-im-Seitentext-4711"


@pytest.fixture
def crawled(env: Env, web: VirtualHosts, tmp_path: Path) -> Env:
    for name in ("www.offen.de", "www.widerspruch.de"):
        web.sites[name] = write_site(tmp_path / name, {
            "index.html": f"<html><body><p>{MARKER}</p><a href='tel:+4923231234'>Tel</a></body></html>"})
    env.vars["MARKTPLATZ_HOSTS"] = hosts_var("www.offen.de", "www.widerspruch.de")
    env.run("init")
    port = web.port  # type: ignore[attr-defined]
    (env.data_dir / "t.csv").write_text(
        f"id;name;website;opt_out\nA;Offen;www.offen.de:{port};\nB;Widerspruch;www.widerspruch.de:{port};ja\n",
        encoding="utf-8")
    env.run("traders", "import", str(env.data_dir / "t.csv"))
    env.run("-v", "crawl")
    return env


def test_opted_out_trader_is_not_crawled(crawled: Env, web: VirtualHosts) -> None:
    assert not [h for _m, h, _p, _s in web.log if h == "www.widerspruch.de"]


@pytest.mark.parametrize("export", [["feed", "--format", "json"], ["health", "--format", "json"]])
def test_opted_out_trader_appears_in_no_export(crawled: Env, export: list[str]) -> None:
    out = crawled.data_dir / "export.out"
    crawled.run("export", *export, "--out", str(out))
    text = out.read_text(encoding="utf-8")
    assert '"A"' in text and "Widerspruch" not in text and '"B"' not in text


def test_logs_hold_no_page_bodies(crawled: Env) -> None:
    log = (crawled.data_dir / "logs" / "marktplatz.log").read_text(encoding="utf-8")
    assert "www.offen.de" in log  # the log does say what was crawled ...
    assert MARKER not in log  # ... but never what the pages said


def test_prune_deletes_bodies_past_retention_and_keeps_listings(crawled: Env) -> None:
    engine = make_engine(crawled.db_url)
    sessions = session_factory(engine)
    store = BodyStore(crawled.data_dir / "bodies")
    files_before = list((crawled.data_dir / "bodies").rglob("*.gz"))
    assert files_before
    with transaction(sessions) as session:
        assert prune_bodies(session, store, datetime.now(UTC), days=90).files == 0
    with transaction(sessions) as session:
        result = prune_bodies(session, store, datetime.now(UTC) + timedelta(days=91), days=90)
    assert result.files == len(files_before) and result.pages >= 1
    assert not list((crawled.data_dir / "bodies").rglob("*.gz"))
    with sessions() as session:
        assert all(p.body_path is None for p in session.query(Page))
    engine.dispose()
    assert crawled.query("select phones from listings where trader_id='A'") == [(["+4923231234"],)]


def test_prune_command_reports_what_it_did(crawled: Env) -> None:
    out = crawled.run("prune").stdout
    assert out.startswith("prune: 0 page bodies older than 90 days forgotten")
    assert "1 file(s)" in crawled.run("prune", "--days", "0").stdout
