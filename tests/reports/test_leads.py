"""The designers' lead list: ranked by need, German findings and offers, contact details, XLSX as agreed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import extruct
import pytest
from openpyxl import load_workbook

from marktplatz.reports.leads.impressum import NOT_FOUND, impressum_checklist
from tests.conftest import Env


@pytest.fixture(scope="module")
def workbook(seeded: Env, out_dir: Path) -> Path:
    path = out_dir / "leads.xlsx"
    out = seeded.run("export", "leads", "--format", "xlsx", "--out", str(path)).stdout
    assert "export leads: 5 lead(s), 1 without a website" in out
    return path


def sheet_rows(path: Path, name: str) -> list[dict[str, object]]:
    ws = load_workbook(path)[name]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_xlsx_has_one_sheet_per_group_with_frozen_header_filter_and_widths(workbook: Path) -> None:
    wb = load_workbook(workbook)
    assert wb.sheetnames == ["Website defekt", "Website verbessern", "Ohne Website"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].value == "Rang" and ws["A1"].font.bold
        assert ws.column_dimensions["C"].width >= 10


def test_leads_are_ranked_by_need_with_german_findings_and_offers(workbook: Path) -> None:
    improve = sheet_rows(workbook, "Website verbessern")
    assert [r["Nr"] for r in improve] == ["B-2", "A-1"]
    metzger = improve[0]
    assert metzger["Rang"] == 1 and int(metzger["Bedarf"]) > int(improve[1]["Bedarf"])  # type: ignore[call-overload]
    assert "nicht verschlüsselt" in str(metzger["Befunde"])
    offers = str(metzger["Angebot"]).split("\n")
    assert {"HTTPS einrichten", "mobile Ansicht", "Impressum vervollständigen"} <= set(offers)
    assert metzger["Telefon"] == "+4923232222299" and metzger["E-Mail"] == "metzger@metzgerei-altmodisch.de"
    assert metzger["Impressum: nicht gefunden"] == NOT_FOUND
    down = sheet_rows(workbook, "Website defekt")
    assert [r["Nr"] for r in down] == ["C-3", "D-4"]
    assert "nicht erreichbar" in str(down[0]["Befunde"])


def test_traders_without_a_website_are_their_own_group_with_registry_contact(workbook: Path) -> None:
    [row] = sheet_rows(workbook, "Ohne Website")
    assert (row["Nr"], row["Telefon"], row["E-Mail"]) == ("E-5", "02323 55555", "papeterie@example.org")
    assert "Website erstellen" in str(row["Angebot"])


def test_each_lead_carries_a_ready_local_business_snippet_with_hours(workbook: Path) -> None:
    [sonne] = [r for r in sheet_rows(workbook, "Website verbessern") if r["Nr"] == "A-1"]
    snippet = str(sonne["JSON-LD (LocalBusiness)"])
    html = f'<script type="application/ld+json">{snippet}</script>'
    [data] = extruct.extract(html, syntaxes=["json-ld"])["json-ld"]
    assert data["@type"] == "LocalBusiness" and data["name"] == "Bäckerei Sonne"
    assert len(data["openingHoursSpecification"]) == 4
    assert json.loads(snippet)["@context"] == "https://schema.org"


def test_impressum_checklist_names_what_was_not_found(workbook: Path) -> None:
    [sonne] = [r for r in sheet_rows(workbook, "Website verbessern") if r["Nr"] == "A-1"]
    missing = str(sonne["Impressum: nicht gefunden"]).split("\n")
    assert "E-Mail-Adresse" in missing
    assert "Registergericht und Registernummer" in missing  # a GmbH must name its register entry
    assert "vollständige Anschrift (Straße, PLZ, Ort)" not in missing


def test_impressum_checklist_asks_regulated_professions_for_their_chamber() -> None:
    complete = {"name": "Dr. Zahn", "address": {"street": "A 1", "postcode": "44623", "city": "Herne"},
                "emails": ["a@b.de"], "phones": ["+4923231"], "vat_id": "DE123456789"}
    assert impressum_checklist("https://x.de/impressum", complete, "Dr. Zahn", "Bäckerei") == []
    assert impressum_checklist("https://x.de/impressum", complete, "Praxis Dr. Zahn", "Zahnarzt") == [
        "zuständige Kammer und Berufsbezeichnung (reglementierter Beruf)"]


def test_csv_lead_list_has_a_group_column(seeded: Env, out_dir: Path) -> None:
    path = out_dir / "leads.csv"
    seeded.run("export", "leads", "--format", "csv", "--out", str(path))
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert [(r["Gruppe"], r["Nr"]) for r in rows] == [
        ("Website defekt", "C-3"), ("Website defekt", "D-4"), ("Website verbessern", "B-2"),
        ("Website verbessern", "A-1"), ("Ohne Website", "E-5")]
