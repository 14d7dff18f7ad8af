"""The directory feed in its three formats: JSON as the contract, JSON-LD parsed back by extruct, CSV for Excel."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import extruct

from tests.conftest import Env
from tests.test_crawl_e2e import FEED_KEYS


def export(env: Env, out: Path, fmt: str) -> Path:
    path = out / f"feed.{fmt}"
    assert "5 listing(s)" in env.run("export", "feed", "--format", fmt, "--out", str(path)).stdout
    return path


def test_json_feed_follows_the_contract_and_invents_nothing(seeded: Env, out_dir: Path) -> None:
    feed = json.loads(export(seeded, out_dir, "json").read_text(encoding="utf-8"))
    entries = {e["id"]: e for e in feed["listings"]}
    assert set(entries) == {"A-1", "B-2", "C-3", "D-4", "E-5"}
    assert all(set(e) >= FEED_KEYS for e in entries.values())
    assert entries["A-1"]["opening_hours"]["mo"] == ["08:00-12:00", "14:00-18:00"]
    assert entries["C-3"]["stale"] is True and entries["C-3"]["phones"] == ["+4923233333333"]
    nothing = entries["E-5"]
    assert nothing["site_status"] == "no_website"
    assert (nothing["phones"], nothing["emails"], nothing["address"], nothing["opening_hours"]) == ([], [], None, None)


def test_jsonld_feed_is_an_item_list_of_local_businesses_with_hours(seeded: Env, out_dir: Path) -> None:
    text = export(seeded, out_dir, "jsonld").read_text(encoding="utf-8")
    html = f'<html><head><script type="application/ld+json">{text}</script></head><body></body></html>'
    [data] = extruct.extract(html, syntaxes=["json-ld"], uniform=True)["json-ld"]
    assert data["@type"] == "ItemList" and data["numberOfItems"] == 5
    items = [e["item"] for e in data["itemListElement"]]
    assert {i["@type"] for i in items} == {"LocalBusiness"}
    sonne = next(i for i in items if i["identifier"] == "A-1")
    assert sonne["telephone"] == "+4923231111111"
    assert sonne["address"]["postalCode"] == "44623" and sonne["address"]["addressCountry"] == "DE"
    spec = sonne["openingHoursSpecification"]
    assert {"dayOfWeek": ["https://schema.org/Monday"], "opens": "14:00", "closes": "18:00",
            "@type": "OpeningHoursSpecification"} in spec
    papeterie = next(i for i in items if i["identifier"] == "E-5")
    assert "telephone" not in papeterie and "openingHoursSpecification" not in papeterie


def test_csv_feed_has_one_row_per_listing_semicolons_and_a_bom(seeded: Env, out_dir: Path) -> None:
    raw = export(seeded, out_dir, "csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["id"] for r in rows] == ["A-1", "B-2", "C-3", "D-4", "E-5"]
    sonne = rows[0]
    assert sonne["street"] == "Bahnhofstraße 1" and sonne["offerings"] == "Brot | Brötchen | Torten"
    assert sonne["opening_hours_osm"].startswith("Mo 08:00-12:00,14:00-18:00")
    assert rows[4]["phones"] == "" and rows[4]["site_status"] == "no_website"
