"""Reading trader lists in the forms the city has them, and listing every problem by line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from marktplatz.registry.importer import parse_trader_file

GOOD_ROWS = [
    ["HER-1", "Bäckerei Schäfer", "www.baeckerei-schaefer.de", "44623"],
    ["HER-2", "Fleischerei Özdemir", "", "44625"],
]


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, delimiter: str = ";",
              encoding: str = "utf-8") -> Path:
    text = "\r\n".join(delimiter.join(r) for r in [header, *rows]) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_in_every_encoding_and_separator_reads_the_same(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "h.csv", ["id", "name", "website", "postcode"], GOOD_ROWS, delimiter=delimiter,
                     encoding=encoding)
    parsed = parse_trader_file(path)
    assert parsed.problems == []
    assert [(r.id, r.name, r.websites, r.postcode) for r in parsed.rows] == [
        ("HER-1", "Bäckerei Schäfer", ["http://www.baeckerei-schaefer.de/"], "44623"),
        ("HER-2", "Fleischerei Özdemir", [], "44625"),
    ]


def test_german_headers_are_understood(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", ["Nr", "Firma", "Webseite", "PLZ", "Straße", "Ort", "Telefon", "E-Mail",
                                          "Opt-out"],
                     [["7", "Café Zeit", "cafe-zeit.de", "44623", "Neustraße 1", "Herne", "02323 1", "A@B.DE", "ja"]])
    (row,) = parse_trader_file(path).rows
    assert (row.id, row.street, row.city, row.phone, row.email, row.opt_out) == (
        "7", "Neustraße 1", "Herne", "02323 1", "a@b.de", True)


def test_xlsx_is_read_with_excel_numbers_as_text(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ID", "Name", "Website", "PLZ"])
    ws.append([101, "Optik Weber", "www.optik-weber.de", 44623])
    ws.append([102, "Blumen Kaya", None, 4109])  # Excel drops a postcode's leading zero
    wb.save(tmp_path / "h.xlsx")
    parsed = parse_trader_file(tmp_path / "h.xlsx")
    assert parsed.problems == []
    assert [(r.id, r.postcode, r.websites) for r in parsed.rows] == [
        ("101", "44623", ["http://www.optik-weber.de/"]), ("102", "04109", [])]


def test_every_bad_row_is_reported_with_line_and_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", ["id", "name", "website", "plz", "email"], [
        ["A1", "Gut", "www.gut.de", "44623", ""],
        ["", "Ohne Id", "www.x.de", "44623", ""],
        ["A3", "", "www.y.de", "4462", "kein-mail"],
        ["A1", "Doppelt", "mailto:a@b.de", "44623", ""],
    ])
    parsed = parse_trader_file(path)
    found = [(p.line, p.column.split(" ")[0] if p.column else None, p.message.split(" ")[0]) for p in parsed.problems]
    assert found == [(3, "1", "the"), (4, "2", "the"), (4, "4", "postcode"), (4, "5", "e-mail"),
                     (5, "1", "id"), (5, "3", "website")]
    assert "already used on line 2" in str(parsed.problems[4])
    assert str(parsed.problems[0]).startswith(f"{path}, line 3, column 1 (id): ")
    assert [r.id for r in parsed.rows] == ["A1"]
    assert parsed.bad_lines == {3, 4, 5}


def test_quoted_multiline_cells_keep_line_numbers_right(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text('id;name;website\n1;"Laden\nmit Umbruch";www.a.de\n2;Zwei;not a url\n', encoding="utf-8")
    parsed = parse_trader_file(path)
    assert [(p.line, p.column) for p in parsed.problems] == [(4, "3 (website)")]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"name;website\nA;www.a.de\n", "required column 'id' is missing"),
    (b"id;name;website;Webseite\n1;A;a.de;b.de\n", "repeats"),
    (b"\xff\xfei\x00d\x00", "NUL"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "old Excel"),
])
def test_unusable_files_are_refused_as_a_whole(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "h.csv"
    path.write_bytes(content)
    parsed = parse_trader_file(path)
    assert parsed.fatal
    assert parsed.rows == []
    assert any(message in p.message for p in parsed.problems), parsed.problems


def test_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    parsed = parse_trader_file(tmp_path / "nope.csv")
    assert parsed.fatal and "no such file" in parsed.problems[0].message


def test_broken_xlsx_is_refused(tmp_path: Path) -> None:
    (tmp_path / "h.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    parsed = parse_trader_file(tmp_path / "h.xlsx")
    assert parsed.fatal and "XLSX" in parsed.problems[0].message
