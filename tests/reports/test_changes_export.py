"""`marktplatz export changes`: field, old, new, when and source, optionally since a date."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

from tests.conftest import Env
from tests.reports.seed import moments


def test_changes_export_lists_field_old_new_when_source(seeded: Env, out_dir: Path) -> None:
    path = out_dir / "changes.json"
    seeded.run("export", "changes", "--format", "json", "--out", str(path))
    changes = json.loads(path.read_text(encoding="utf-8"))["changes"]
    phone = next(c for c in changes if c["field"] == "phones")
    assert (phone["trader_id"], phone["old"], phone["new"]) == ("B-2", ["+4923232222222"], ["+4923232222299"])
    assert phone["source_url"] == "http://www.metzgerei-altmodisch.de/kontakt" and phone["changed_at"]
    assert len(changes) == 4


def test_changes_since_a_date_leave_older_ones_out(seeded: Env, out_dir: Path) -> None:
    path = out_dir / "changes.csv"
    from datetime import UTC, datetime

    since = (moments(datetime.now(UTC))["w-1"] + timedelta(days=1)).date().isoformat()
    seeded.run("export", "changes", "--since", since, "--format", "csv", "--out", str(path))
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert {r["trader_id"] for r in rows} == {"B-2", "D-4"}
    hours = next(r for r in rows if r["field"] == "opening_hours")
    assert json.loads(hours["new"]) == {"mo": ["09:00-17:00"]}


def test_since_must_be_a_date(seeded: Env, out_dir: Path) -> None:
    proc = seeded.run("export", "changes", "--since", "letzte Woche", "--format", "json",
                      "--out", str(out_dir / "x.json"), check=False)
    assert proc.returncode == 2 and "YYYY-MM-DD" in proc.stderr
