"""The weekly report: German content, figures against last week, tables and their CSVs; rendered in Chromium."""

from __future__ import annotations

import base64
import csv
import io
from pathlib import Path

import pytest

from tests.conftest import Env
from tests.reports.cdp import chromium_page, find_chromium

HEADINGS = ["Wochenbericht zu den Händler-Websites", "Kennzahlen", "Zustand und Qualität der Websites",
            "Websites mit Ausfall", "Neu ausgefallen oder defekt", "Größte Änderungen an Einträgen",
            "Häufigste Befunde", "Einträge mit veralteten Daten", "Zu prüfen: von Websites verschwundene Angaben"]


@pytest.fixture(scope="module")
def report(seeded: Env, out_dir: Path) -> Path:
    folder = out_dir / "bericht"
    out = seeded.run("report", "--out", str(folder)).stdout
    assert "4 site(s) checked" in out and "index.html" in out
    return folder


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_report_folder_has_the_page_and_a_csv_for_each_table(report: Path) -> None:
    names = {p.name for p in report.iterdir()}
    assert names == {"index.html", "kennzahlen.csv", "verlauf.csv", "ausfaelle.csv", "neu-defekt.csv",
                     "aenderungen.csv", "befunde.csv", "veraltete-daten.csv", "pruefliste.csv"}
    html = (report / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in html
    for heading in HEADINGS:
        assert heading in html
    assert "<svg" in html and "http://" not in html.split("<body>")[0]  # charts inline, nothing loaded from outside


def test_headline_figures_compare_with_last_week(report: Path) -> None:
    rows = {r[0]: r[1:] for r in read_csv(report / "kennzahlen.csv")[1:]}
    assert rows["Geprüfte Websites"] == ["4", "4", "±0"]
    assert rows["Erreichbar"] == ["2", "3", "−1"]
    assert rows["Fehlerhaft"] == ["1", "0", "+1"]
    assert rows["Ohne Website"] == ["1", "1", "±0"]
    assert rows["Ø Punktzahl"][0] == "72,5"


def test_trend_runs_week_by_week_since_the_first_crawl(report: Path) -> None:
    trend = read_csv(report / "verlauf.csv")[1:]
    assert len(trend) == 3
    assert [r[1] for r in trend] == ["3", "4", "4"]  # the café was first checked in the second week
    assert [r[2] for r in trend] == ["3", "3", "2"] and [r[4] for r in trend] == ["0", "1", "1"]


def test_tables_show_down_sites_new_breakage_changes_stale_data_and_reviews(report: Path) -> None:
    down = read_csv(report / "ausfaelle.csv")
    assert [r[0] for r in down[1:]] == ["Schuhhaus Zu", "Café Neukaputt"]
    assert down[1][5] == "connection refused" and down[2][5] == "HTTP 500"
    new = read_csv(report / "neu-defekt.csv")[1:]
    assert {(r[0], r[1]) for r in new} == {("Café Neukaputt", "Website"), ("Metzgerei Altmodisch", "Link")}
    changes = read_csv(report / "aenderungen.csv")[1:]
    assert {(r[1], r[2], r[3]) for r in changes} == {("Telefon", "+4923232222222", "+4923232222299"),
                                                    ("Öffnungszeiten", "Mo 08:00-16:00", "Mo 09:00-17:00")}
    stale = read_csv(report / "veraltete-daten.csv")[1:]
    assert [r[0] for r in stale] == ["Schuhhaus Zu"]
    assert [r[0] for r in read_csv(report / "pruefliste.csv")[1:]] == ["Metzgerei Altmodisch"]
    findings = read_csv(report / "befunde.csv")[1:]
    assert findings[0][4] == "no_viewport" and findings[0][2] == "2"


def test_a_week_before_any_crawl_is_refused_or_empty(seeded: Env, out_dir: Path) -> None:
    proc = seeded.run("report", "--week", "2099-W01", "--out", str(out_dir / "zukunft"), check=False)
    assert proc.returncode == 1 and "has not started" in proc.stderr


@pytest.mark.chromium
def test_report_renders_in_headless_chromium_as_png_and_pdf(report: Path, out_dir: Path) -> None:
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed (scripts/setup.sh installs Debian's chromium when run as root)")
    with chromium_page(binary, width=1200, height=900) as page:
        page.call("Page.navigate", url=(report / "index.html").as_uri())
        page.wait_for("Page.loadEventFired")
        sizes = page.evaluate("[...document.querySelectorAll('figure.chart svg')]"
                              ".map(s => [s.getBoundingClientRect().width, s.getBoundingClientRect().height])")
        headings = page.evaluate("[...document.querySelectorAll('h1, h2')].map(h => h.textContent.trim())")
        overflow = page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")
        height = page.evaluate("document.documentElement.scrollHeight")
        page.call("Emulation.setDeviceMetricsOverride", width=1200, height=int(height), deviceScaleFactor=1,
                  mobile=False)
        png = base64.b64decode(page.call("Page.captureScreenshot", format="png")["data"])
        pdf = base64.b64decode(page.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"])
        errors = page.console_errors()
    (out_dir / "bericht.png").write_bytes(png)
    (out_dir / "bericht.pdf").write_bytes(pdf)
    assert errors == []
    assert len(sizes) == 3 and all(w > 250 and h > 120 for w, h in sizes), sizes
    for heading in HEADINGS:
        assert any(h.startswith(heading) for h in headings), heading
    assert overflow is False
    assert png.startswith(b"\x89PNG") and len(png) > 50_000
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page/") + \
        pdf.count(b"/Type/Page") >= 1
    assert b"/MediaBox [0 0 594" in pdf or b"/MediaBox[0 0 594" in pdf or b"595" in pdf  # A4 width in points
