"""Property-based tests: whatever people type or servers send, the result is a record or a clear error."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marktplatz.crawler.spiders.frontier import clean_url, site_key
from marktplatz.registry.importer import parse_trader_file
from marktplatz.registry.urls import WebsiteError, normalise_website, parse_websites

cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)


@given(cells)
def test_any_website_cell_gives_urls_or_a_reason(cell: str) -> None:
    try:
        sites = parse_websites(cell)
    except WebsiteError as exc:
        assert str(exc)
        return
    for site in sites:
        assert site.url.startswith(("http://", "https://"))
        assert site.url.isascii()
        assert normalise_website(site.url).url == site.url  # normalising twice changes nothing


@given(st.from_regex(r"(https?://)?(www\.)?[a-zäöüß0-9-]{1,20}\.(de|com|nrw|ruhr)(/[a-zäöü0-9/._-]{0,20})?",
                     fullmatch=True))
def test_plausible_typed_urls_are_accepted(typed: str) -> None:
    try:
        site = normalise_website(typed)
    except WebsiteError as exc:
        assert "not a valid domain" in str(exc)  # e.g. a label starting or ending with '-'
        return
    assert site.url.isascii()
    assert site_key(site.url)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=5), max_size=8), delimiter=st.sampled_from([";", ","]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_any_trader_table_gives_rows_or_problems_with_positions(tmp_path_factory, rows: list[list[str]],
                                                                delimiter: str, encoding: str) -> None:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(["id", "name", "website", "plz"])
    writer.writerows(rows)
    path = Path(tmp_path_factory.mktemp("p")) / "h.csv"
    try:
        path.write_bytes(buf.getvalue().encode(encoding))
    except UnicodeEncodeError:
        path.write_bytes(buf.getvalue().encode("utf-8"))
    parsed = parse_trader_file(path)
    for problem in parsed.problems:
        assert problem.message
        if not parsed.fatal:
            assert problem.line is not None and problem.line >= 2
    assert len({r.id for r in parsed.rows}) == len(parsed.rows)  # ids are unique in what is accepted


@given(st.text(max_size=200))
def test_clean_url_never_raises(text: str) -> None:
    clean_url("http://x.de/" + text)


@settings(max_examples=40)
@given(st.binary(max_size=3000))
def test_any_bytes_as_a_trader_file_give_rows_or_problems(tmp_path_factory, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("b")) / "h.csv"
    path.write_bytes(data)
    parsed = parse_trader_file(path)  # must not raise
    if not parsed.fatal:
        assert all(p.line is not None for p in parsed.problems)
    else:
        assert parsed.rows == [] and parsed.problems


HOURS_ALPHABET = st.sampled_from(
    ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Montag", "bis", "und", "–", "-", "/", ",", ".", ":", " ", "Uhr",
     "8", "9", "12", "13", "18", "24", "30", "00", "geschlossen", "Ruhetag", "täglich", "werktags", "durchgehend",
     "nach Vereinbarung", "\n", "Öffnungszeiten", "ab", "von", "0", "99"])


@given(st.lists(HOURS_ALPHABET, max_size=40).map("".join))
def test_any_hours_text_gives_a_valid_week_or_nothing(text: str) -> None:
    import opening_hours

    from marktplatz.crawler.parsing.hours import parse_hours_text
    from marktplatz.crawler.parsing.hours_format import to_osm

    week = parse_hours_text(text).week
    if not week:
        return
    for day, intervals in week.items():
        assert day in ("mo", "tu", "we", "th", "fr", "sa", "su")
        for interval in intervals:
            opens, closes = interval.split("-")
            assert len(opens) == len(closes) == 5
    osm = to_osm(week)
    assert osm is not None and opening_hours.validate(osm), osm
