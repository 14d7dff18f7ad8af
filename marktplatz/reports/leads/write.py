"""The lead list as files: one CSV (a `Gruppe` column), or an XLSX with one sheet per group.

XLSX: header row frozen, autofilter, fixed column widths, wrapped text for findings and the JSON-LD snippet.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from marktplatz.reports.csvfiles import csv_bytes
from marktplatz.reports.leads.build import GROUP_NONE, GROUPS, Lead
from marktplatz.util.files import atomic_write_bytes

Column = tuple[str, float, Callable[[Lead], Any]]

SITE_COLUMNS: tuple[Column, ...] = (
    ("Rang", 7, lambda x: x.rank),
    ("Bedarf", 9, lambda x: x.need),
    ("Nr", 12, lambda x: x.trader_id),
    ("Händler", 28, lambda x: x.name),
    ("Branche", 16, lambda x: x.category),
    ("Website", 32, lambda x: x.website),
    ("Zustand", 16, lambda x: x.status),
    ("Punktzahl", 10, lambda x: x.score),
    ("Befunde", 60, lambda x: "\n".join(x.findings)),
    ("Angebot", 36, lambda x: "\n".join(x.offers)),
    ("Telefon", 18, lambda x: ", ".join(x.phones)),
    ("E-Mail", 28, lambda x: ", ".join(x.emails)),
    ("Anschrift", 30, lambda x: x.address),
    ("Impressum: nicht gefunden", 40, lambda x: "\n".join(x.impressum_missing)),
    ("zuletzt geprüft", 14, lambda x: x.last_verified),
    ("JSON-LD (LocalBusiness)", 60, lambda x: x.jsonld),
)
NO_SITE_COLUMNS: tuple[Column, ...] = (
    ("Rang", 7, lambda x: x.rank),
    ("Nr", 12, lambda x: x.trader_id),
    ("Händler", 28, lambda x: x.name),
    ("Branche", 16, lambda x: x.category),
    ("Telefon", 18, lambda x: ", ".join(x.phones)),
    ("E-Mail", 28, lambda x: ", ".join(x.emails)),
    ("Anschrift", 30, lambda x: x.address),
    ("Angebot", 36, lambda x: "\n".join(x.offers)),
    ("JSON-LD (LocalBusiness)", 60, lambda x: x.jsonld),
)
WRAPPED = {"Befunde", "Angebot", "Impressum: nicht gefunden", "JSON-LD (LocalBusiness)"}


def columns_for(group: str) -> tuple[Column, ...]:
    return NO_SITE_COLUMNS if group == GROUP_NONE else SITE_COLUMNS


def leads_csv_bytes(groups: dict[str, list[Lead]]) -> bytes:
    header = ["Gruppe", *(c[0] for c in SITE_COLUMNS)]
    rows = []
    for group in GROUPS:
        for lead in groups[group]:
            values = {name: get(lead) for name, _w, get in columns_for(group)}
            rows.append([group, *(values.get(name) for name, _w, _g in SITE_COLUMNS)])
    return csv_bytes(header, rows)


def leads_xlsx_bytes(groups: dict[str, list[Lead]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    wb.properties.title = title
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F4E79")
    for group in GROUPS:
        ws = wb.create_sheet(group)
        cols = columns_for(group)
        ws.append([name for name, _w, _g in cols])
        for lead in groups[group]:
            ws.append([get(lead) for _n, _w, get in cols])
        for i, (name, width, _g) in enumerate(cols, start=1):
            letter = get_column_letter(i)
            ws.column_dimensions[letter].width = width
            head = ws.cell(row=1, column=i)
            head.font, head.fill = head_font, head_fill
            head.alignment = Alignment(vertical="center", wrap_text=True)
            for cell in ws[letter][1:]:
                cell.alignment = Alignment(vertical="top", wrap_text=name in WRAPPED)
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, ws.max_row)}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write_leads(groups: dict[str, list[Lead]], out: Path, fmt: str, title: str) -> None:
    data = leads_csv_bytes(groups) if fmt == "csv" else leads_xlsx_bytes(groups, title)
    atomic_write_bytes(out, data)
