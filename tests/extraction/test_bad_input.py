"""Hostile or broken bodies give a record with `error` set (or a correct record), never an exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marktplatz.crawler.pages import extract_page

URL = "https://www.beispiel-herne.de/"


def test_empty_body_gives_an_empty_record_with_a_reason() -> None:
    rec = extract_page(b"", URL, {})
    assert rec.error == "empty body"
    assert rec.phones == [] and rec.schedules == []


def test_whitespace_body_is_empty() -> None:
    assert extract_page(b"  \n\t ", URL, None).error == "empty body"


def test_binary_body_served_as_html_is_refused() -> None:
    rec = extract_page(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, URL, {"Content-Type": "text/html"})
    assert rec.error is not None and "binary" in rec.error


def test_random_control_bytes_are_refused() -> None:
    rec = extract_page(bytes(range(32)) * 200, URL, {"Content-Type": "text/html"})
    assert rec.error is not None and "binary" in rec.error


def test_windows_1252_without_declaration_is_decoded() -> None:
    body = "<p>Große Straße 5, 44628 Herne</p>".encode("cp1252")
    rec = extract_page(body, URL, {"Content-Type": "text/html"})
    assert rec.error is None
    assert rec.addresses[0].value.street == "Große Straße 5"


def test_utf8_body_declared_as_latin1_is_read_as_utf8() -> None:
    body = '<meta charset="iso-8859-1"><p>Röhlinghauser Straße 9, 44651 Herne</p>'.encode()
    rec = extract_page(body, URL, {})
    assert rec.addresses[0].value.street == "Röhlinghauser Straße 9"


def test_utf8_header_with_cp1252_body_falls_back() -> None:
    body = "<p>Bochumer Straße 77, 44623 Herne</p>".encode("cp1252")
    rec = extract_page(body, URL, {"content-type": "text/html; charset=UTF-8"})
    assert rec.addresses[0].value.street == "Bochumer Straße 77"


def test_unknown_charset_name_does_not_break_decoding() -> None:
    rec = extract_page(b"<p>Tel. 02323 123456</p>", URL, {"Content-Type": "text/html; charset=x-klingon"})
    assert [f.value for f in rec.phones] == ["+492323123456"]


def test_five_megabytes_of_tag_soup_is_refused_quickly() -> None:
    body = b"<div><p><b>Tag <i>soup " * 250_000
    assert len(body) > 5_000_000
    rec = extract_page(body, URL, {})
    assert rec.error is not None and "too large" in rec.error


def test_many_elements_below_the_size_limit_are_refused() -> None:
    body = b"<span>x</span>" * 80_000
    rec = extract_page(body, URL, {})
    assert rec.error is not None and "markup too large" in rec.error


def test_ten_thousand_deep_nesting_does_not_crash() -> None:
    body = b"<div>" * 10_000 + b"Tel. 02323 123456" + b"</div>" * 10_000
    rec = extract_page(body, URL, {})
    assert rec.error is None
    assert [f.value for f in rec.phones] == ["+492323123456"]


def test_broken_json_ld_is_ignored() -> None:
    body = b'<script type="application/ld+json">{"@type": "Bakery", "name": </script><p>Tel. 02323 123456</p>'
    rec = extract_page(body, URL, {})
    assert rec.error is None and [f.value for f in rec.phones] == ["+492323123456"]


def test_xml_declaration_in_a_string_body_is_fine() -> None:
    body = b'<?xml version="1.0" encoding="utf-8"?><html><body><p>Fax 02323 123457</p></body></html>'
    assert [f.value for f in extract_page(body, URL, {}).fax] == ["+492323123457"]


@settings(max_examples=150)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_record_and_never_raise(body: bytes) -> None:
    rec = extract_page(body, URL, {"Content-Type": "text/html"})
    assert rec.url == URL


@settings(max_examples=150)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdiv.p-:0123456789MoFrUhrTel@äß&;#\n")), max_size=600))
def test_markup_like_text_never_raises(text: str) -> None:
    rec = extract_page(text.encode("utf-8"), URL, {})
    assert rec.url == URL
