"""Trader list → validated trader rows, with every problem listed by file, line and column.

Pure: reads a file, writes nothing. `marktplatz.db.repo.traders.apply_import` stores the result in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from marktplatz.registry.columns import COLUMN_ALIASES, REQUIRED_COLUMNS, canonical_column
from marktplatz.registry.tables import Cell, Table, TableError, read_table
from marktplatz.registry.urls import WebsiteError, parse_websites

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")
_POSTCODE = re.compile(r"^\d{5}$")
_ID = re.compile(r"^[\w.\-/:]{1,64}$")
TRUE_WORDS = frozenset({"1", "ja", "j", "yes", "y", "true", "wahr", "x", "opt-out", "optout"})
FALSE_WORDS = frozenset({"", "0", "nein", "n", "no", "false", "falsch", "-"})


@dataclass(frozen=True)
class Problem:
    """One reason a row (or the file) was refused: where and why."""

    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class TraderRow:
    id: str
    name: str
    line: int
    websites: list[str]
    website_raw: str | None
    category: str | None = None
    street: str | None = None
    postcode: str | None = None
    city: str | None = None
    phone: str | None = None
    email: str | None = None
    opt_out: bool | None = None  # None: the file has no opt_out column


@dataclass
class ParsedImport:
    path: Path
    rows: list[TraderRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    bad_lines: set[int] = field(default_factory=set)
    encoding: str | None = None
    delimiter: str | None = None
    fatal: bool = False  # the file as a whole is unusable (unreadable, header problems): never imported




def parse_trader_file(path: Path) -> ParsedImport:
    """Read and validate a whole trader list; a file-level problem leaves `rows` empty."""
    result = ParsedImport(path=path)
    try:
        table = read_table(path)
    except TableError as exc:
        result.problems.append(Problem(str(path), None, None, str(exc).removeprefix(f"{path}: ")))
        result.fatal = True
        return result
    result.encoding, result.delimiter = table.encoding, table.delimiter
    columns = _map_header(table, result)
    if result.problems:
        result.fatal = True
        return result
    seen_ids: dict[str, int] = {}
    for cells in table.rows:
        row = _parse_row(table, columns, cells, seen_ids, result)
        if row is not None:
            result.rows.append(row)
    return result


def _map_header(table: Table, result: ParsedImport) -> dict[str, int]:
    columns: dict[str, int] = {}
    file = str(table.path)
    for idx, cell in enumerate(table.header):
        name = canonical_column(cell.value)
        if name is None:
            continue  # unknown extra columns are allowed: the city's lists carry notes and internal fields
        if name in columns:
            first = table.header[columns[name]]
            result.problems.append(Problem(file, cell.line, cell.column_label,
                                           f"column {cell.value!r} repeats {first.value!r} (both mean {name!r})"))
            continue
        columns[name] = idx
    for name in REQUIRED_COLUMNS:
        if name not in columns:
            known = ", ".join(repr(a) for a in COLUMN_ALIASES[name][:3])
            header = ", ".join(repr(c.value) for c in table.header)
            result.problems.append(Problem(file, table.header[0].line if table.header else None, None,
                                           f"required column {name!r} is missing (accepted headers: {known}; "
                                           f"found: {header})"))
    return columns


def _parse_row(table: Table, columns: dict[str, int], cells: list[Cell], seen_ids: dict[str, int],
               result: ParsedImport) -> TraderRow | None:
    file = str(table.path)
    line = cells[0].line
    problems_before = len(result.problems)

    def cell(name: str) -> Cell | None:
        idx = columns.get(name)
        if idx is None:
            return None
        if idx < len(cells):
            return cells[idx]
        return Cell("", line, idx + 1, table.header[idx].column_label)

    def text(name: str) -> str | None:
        c = cell(name)
        value = " ".join(c.value.split()) if c else ""
        return value or None

    def problem(name: str, message: str) -> None:
        c = cell(name)
        label = f"{c.column_label} ({table.header[columns[name]].value})" if c else None
        result.problems.append(Problem(file, line, label, message))

    trader_id = text("id")
    if trader_id is None:
        problem("id", "the id is empty; every trader needs the directory's reference")
    elif not _ID.match(trader_id):
        problem("id", f"id {trader_id!r} may only contain letters, digits and . - _ / : (at most 64)")
    elif trader_id in seen_ids:
        problem("id", f"id {trader_id!r} already used on line {seen_ids[trader_id]}")
    else:
        seen_ids[trader_id] = line
    name = text("name")
    if name is None:
        problem("name", "the name is empty")
    website_cell = cell("website")
    websites: list[str] = []
    if website_cell is not None:
        try:
            websites = [w.url for w in parse_websites(website_cell.value)]
        except WebsiteError as exc:
            problem("website", f"website {exc}")
    postcode = text("postcode")
    if postcode and table.encoding is None and re.fullmatch(r"\d{4}", postcode):
        postcode = "0" + postcode  # an XLSX number cell lost the leading zero of an eastern German postcode
    if postcode and not _POSTCODE.match(postcode):
        problem("postcode", f"postcode {postcode!r} is not five digits")
    email = text("email")
    if email:
        email = email.removeprefix("mailto:").lower()
        if not _EMAIL.match(email):
            problem("email", f"e-mail {email!r} is not an e-mail address")
    opt_out: bool | None = None
    raw_opt = text("opt_out")
    if cell("opt_out") is not None:
        word = (raw_opt or "").lower()
        if word in TRUE_WORDS:
            opt_out = True
        elif word in FALSE_WORDS:
            opt_out = False
        else:
            problem("opt_out", f"opt_out {raw_opt!r} is neither yes nor no (ja/nein, 1/0, x or empty)")
    if len(result.problems) > problems_before:
        result.bad_lines.add(line)
        return None
    assert trader_id is not None and name is not None
    return TraderRow(id=trader_id, name=name, line=line, websites=websites,
                     website_raw=website_cell.value.strip() if website_cell and website_cell.value.strip() else None,
                     category=text("category"), street=text("street"), postcode=postcode, city=text("city"),
                     phone=text("phone"), email=email, opt_out=opt_out)
