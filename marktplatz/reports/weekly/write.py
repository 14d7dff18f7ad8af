"""Write a weekly report folder: `index.html` (charts inline, works offline) and a CSV beside each table."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from marktplatz.reports.csvfiles import write_csv
from marktplatz.reports.formatting import number_de, signed_de
from marktplatz.reports.weekly.build import WeeklyReport
from marktplatz.reports.weekly.figures import HEADLINE
from marktplatz.util.files import atomic_write_text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def render_html(report: WeeklyReport) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("weekly.html.j2").render(r=report)


def write_report(report: WeeklyReport, out: Path) -> list[Path]:
    """Write the folder; returns the files written (index.html first)."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "index.html"]
    atomic_write_text(written[0], render_html(report))
    previous = report.trend[-2][1] if report.has_previous and len(report.trend) >= 2 else None
    current = report.trend[-1][1]
    rows = []
    for label, attr, _ in HEADLINE:
        digits = 1 if attr == "average_score" else 0
        now_v, old_v = getattr(current, attr), getattr(previous, attr) if previous else None
        change = signed_de(now_v - old_v, digits) if now_v is not None and old_v is not None else ""
        rows.append([label, number_de(now_v, digits), number_de(old_v, digits) if previous else "", change])
    write_csv(out / "kennzahlen.csv", ["Kennzahl", report.week.label, "Vorwoche", "Veränderung"], rows)
    write_csv(out / "verlauf.csv", ["Woche", "Geprüft", "Erreichbar", "Fehlerhaft", "Nicht erreichbar", "Geparkt",
                                    "Ohne Website", "Ø Punktzahl"],
              ([w, f.checked, f.working, f.broken, f.unreachable, f.parked, f.no_website,
                number_de(f.average_score, 1) if f.average_score is not None else ""] for w, f in report.trend))
    written += [out / "kennzahlen.csv", out / "verlauf.csv"]
    for table in report.tables:
        write_csv(out / table.csv_name, table.header, table.rows)
        written.append(out / table.csv_name)
    return written
