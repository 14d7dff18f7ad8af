"""Reading the city's trader lists: CSV (UTF-8 with or without BOM, or Windows-1252; `;` or `,`) and XLSX.

Yields raw cells with their position (line, column) so every later complaint can say exactly where it is.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path


class TableError(ValueError):
    """The file as a whole cannot be read (not found, wrong format, no header)."""


@dataclass(frozen=True)
class Cell:
    value: str
    line: int
    column: int
    column_label: str  # "C" in XLSX, "3" in CSV


@dataclass(frozen=True)
class Table:
    path: Path
    header: list[Cell]
    rows: list[list[Cell]]
    encoding: str | None
    delimiter: str | None


MAX_FILE_BYTES = 50 * 1024 * 1024


def read_table(path: Path) -> Table:
    if not path.exists():
        raise TableError(f"{path}: no such file")
    if path.is_dir():
        raise TableError(f"{path}: is a folder, not a CSV or XLSX file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise TableError(f"{path}: {size} bytes is larger than the {MAX_FILE_BYTES} bytes a trader list may have")
    data = path.read_bytes()
    if data[:4] == b"PK\x03\x04" or path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, data)
    if path.suffix.lower() == ".xls" or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise TableError(f"{path}: old Excel .xls files are not supported; save it as .xlsx or CSV")
    return _read_csv(path, data)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if b"\x00" in data[:4096]:
        raise TableError(f"{path}: contains NUL bytes; this is not a text CSV (UTF-16 or binary?)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # German Excel "CSV (Trennzeichen-getrennt)" writes Windows-1252; every byte except five is defined there.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise TableError(f"{path}: byte {exc.start} is neither UTF-8 nor Windows-1252 text") from exc


def _sniff_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def _read_csv(path: Path, data: bytes) -> Table:
    text, encoding = _decode(path, data)
    if not text.strip():
        raise TableError(f"{path}: the file is empty")
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)

    def records() -> Iterator[list[Cell]]:
        start_line = 1
        for record in reader:
            line = start_line
            start_line = reader.line_num + 1  # a quoted cell may span lines; the record starts where it starts
            yield [Cell(v, line, i + 1, str(i + 1)) for i, v in enumerate(record)]

    try:
        header, rows = _header_and_rows(records())
    except csv.Error as exc:
        raise TableError(f"{path}, line {reader.line_num}: malformed CSV ({exc})") from exc
    if header is None:
        raise TableError(f"{path}: no header row")
    return Table(path, header, rows, encoding, delimiter)


def _header_and_rows(records: Iterable[list[Cell]]) -> tuple[list[Cell] | None, list[list[Cell]]]:
    """The first non-blank record is the header; blank records are skipped everywhere."""
    header: list[Cell] | None = None
    rows: list[list[Cell]] = []
    for cells in records:
        if not any(c.value.strip() for c in cells):
            continue
        if header is None:
            header = cells
        else:
            rows.append(cells)
    return header, rows


def _read_xlsx(path: Path, data: bytes) -> Table:
    # openpyxl takes a fifth of a second to import; only XLSX imports pay for it.
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(f"{path}: not a readable XLSX workbook ({exc})") from exc
    try:
        ws = wb.worksheets[0]
        header, rows = _header_and_rows(
            [Cell(_cell_text(v), line, i + 1, get_column_letter(i + 1)) for i, v in enumerate(values)]
            for line, values in enumerate(ws.iter_rows(values_only=True), start=1))
    finally:
        wb.close()
    if header is None:
        raise TableError(f"{path}: the first sheet is empty")
    return Table(path, header, rows, None, None)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        # Excel stores an id or postcode typed as 44623 as the float 44623.0.
        return str(int(value))
    return str(value)
