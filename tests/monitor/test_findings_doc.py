"""docs/findings.md lists exactly the finding codes of the catalog, with their severities and German messages."""

from __future__ import annotations

import re
from pathlib import Path

from marktplatz.monitor.catalog import CATALOG

DOC = Path(__file__).resolve().parents[2] / "docs" / "findings.md"
ROW = re.compile(r"^\| `(?P<code>[a-z_0-9]+)` \| (?P<severity>[a-z / ]+) \| (?P<message>.+?) \| (?P<trigger>.+) \|$")


def test_findings_table_matches_the_catalog() -> None:
    rows = {m["code"]: m for m in map(ROW.match, DOC.read_text(encoding="utf-8").splitlines()) if m}
    assert list(rows) == [s.code for s in CATALOG]
    for spec in CATALOG:
        row = rows[spec.code]
        assert row["severity"] == " / ".join(spec.all_severities())
        assert row["message"] == spec.message and row["trigger"] == spec.trigger


def test_every_issue_code_is_in_the_catalog() -> None:
    required = {"no_https", "http_mixed_content", "tls_expiring", "no_viewport", "heavy_home_page", "slow_home_page",
                "no_impressum", "impressum_too_deep", "impressum_incomplete", "no_datenschutz", "google_fonts_remote",
                "third_party_without_consent", "outdated_copyright", "stale_content", "obsolete_legal_text",
                "outdated_software", "legacy_markup", "missing_title", "missing_description", "missing_lang",
                "images_without_alt", "no_opening_hours_online", "no_contact_online", "broken_links",
                "parked_domain"}
    assert required <= {s.code for s in CATALOG}
