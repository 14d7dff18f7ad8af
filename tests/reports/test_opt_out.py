"""Opted-out traders never appear in any export or report: one test over every output file."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import Env
from tests.reports.seed import OPTED_OUT


def test_opted_out_trader_appears_in_no_export_and_no_report(seeded: Env, out_dir: Path) -> None:
    folder = out_dir / "alle"
    runs = [("export", "feed", "--format", fmt, "--out", str(folder / f"feed.{fmt}")) for fmt in ("json", "jsonld",
                                                                                                 "csv")]
    runs += [("export", "leads", "--format", fmt, "--out", str(folder / f"leads.{fmt}")) for fmt in ("csv", "xlsx")]
    runs += [("export", "changes", "--format", fmt, "--out", str(folder / f"changes.{fmt}")) for fmt in ("json",
                                                                                                       "csv")]
    runs += [("export", "health", "--format", "json", "--out", str(folder / "health.json")),
             ("report", "--out", str(folder / "bericht"))]
    printed = "".join(seeded.run(*args).stdout for args in runs) + seeded.run("review", "list").stdout
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) == 8 + 9
    texts = {"stdout": printed}
    for path in files:
        if path.suffix == ".xlsx":
            wb = load_workbook(path)
            texts[path.name] = "\n".join(str(c) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
                                         for c in row if c is not None)
        else:
            texts[path.name] = path.read_bytes().decode("utf-8-sig")
    for name, text in texts.items():
        for secret in OPTED_OUT:
            assert secret not in text, f"{secret!r} found in {name}"
    assert "Bäckerei Sonne" in texts["feed.json"] and "Bäckerei Sonne" in texts["leads.xlsx"]
