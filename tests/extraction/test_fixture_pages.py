"""Saved responses with their expected record: one test per fixture and per field.

Each folder under `tests/fixtures/pages/<case>/` holds `body.html` (the raw bytes as served), `info.json` (`url`,
`headers`, optional `today`) and `expected.json` (the fields to check, with the listings feed's names as produced by
`merge_site([record]).to_feed()`, plus `kind` and `error` of the page record). Expected dicts are compared on the
keys they name; lists and scalars exactly. Every OSM string produced is validated with `opening_hours`.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from marktplatz.crawler.pages import extract_page, merge_site
from marktplatz.crawler.pages.record import PageRecord
from tests.extraction.helpers import assert_valid_osm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def _cases() -> list[tuple[str, str]]:
    out = []
    for folder in sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").is_file()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        out.extend((folder.name, field) for field in expected)
    return out


@cache
def _run(case: str) -> tuple[PageRecord, dict[str, Any]]:
    folder = FIXTURES / case
    info = json.loads((folder / "info.json").read_text(encoding="utf-8"))
    today = date.fromisoformat(info["today"]) if info.get("today") else None
    rec = extract_page((folder / "body.html").read_bytes(), info["url"], info.get("headers"), today=today)
    feed = merge_site([rec], info["url"], today=today).to_feed()
    return rec, feed


def _matches(got: Any, want: Any) -> bool:
    if isinstance(want, dict) and isinstance(got, dict):
        return all(k in got and _matches(got[k], v) for k, v in want.items())
    if isinstance(want, list) and isinstance(got, list):
        return len(got) == len(want) and all(_matches(g, w) for g, w in zip(got, want, strict=True))
    return bool(got == want)


@pytest.mark.parametrize(("case", "field"), _cases(), ids=[f"{c}:{f}" for c, f in _cases()])
def test_fixture_page_field(case: str, field: str) -> None:
    expected = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))[field]
    rec, feed = _run(case)
    if field == "error":
        assert (rec.error is not None) is expected, f"error = {rec.error!r}"
        return
    got = rec.kind if field == "kind" else feed.get(field)
    assert _matches(got, expected), f"{field}: got {json.dumps(got, ensure_ascii=False)}"


@pytest.mark.parametrize("case", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_fixture_osm_strings_are_valid(case: str) -> None:
    _, feed = _run(case)
    strings = [feed.get("opening_hours_osm")] + [o.get("opening_hours_osm") for o in feed.get("other_hours", [])]
    strings += [b.get("opening_hours_osm") for b in feed.get("branches", [])]
    for value in strings:
        if value is not None:
            assert_valid_osm(value)
