"""The § 5 DDG fields of Impressum pages and in-page Impressum sections (fictional Herne businesses)."""

from __future__ import annotations

from marktplatz.crawler.pages import extract_page
from marktplatz.crawler.pages.record import ImpressumRecord, PageRecord


def impressum_page(body: str, url: str = "https://www.radwerk-herne.de/impressum.html") -> PageRecord:
    html = f"<html><head><meta charset='utf-8'><title>Impressum</title></head><body><main>{body}</main></body></html>"
    return extract_page(html.encode(), url, {})


def record(body: str) -> ImpressumRecord:
    rec = impressum_page(body).impressum
    assert rec is not None
    return rec


def test_owner_clause_is_cut_from_the_provider_name() -> None:
    rec = record("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Radwerk Herne e.K., Inhaber Jonas Berg<br>"
                 "Mont-Cenis-Straße 3, 44627 Herne</p>")
    assert rec.name == "Radwerk Herne e.K."
    assert rec.legal_form == "e.K."


def test_an_owner_clause_without_a_comma_is_cut_too() -> None:
    rec = record("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Haarmonie Inh. Sabine Kraus e.K.<br>"
                 "Bahnhofstraße 5, 44623 Herne</p>")
    assert rec.name == "Haarmonie"


def test_owner_after_a_label_is_the_representative() -> None:
    rec = record("<h1>Impressum</h1><p>Blumen Engel</p><p>Inhaberin: Sabine Engel</p>")
    assert rec.representatives == ("Sabine Engel",)


def test_register_vat_and_tax_numbers() -> None:
    rec = record("<h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Sonnenkorn GmbH</p>"
                 "<p>Handelsregister: Amtsgericht Bochum, HRB 4711</p>"
                 "<p>USt-IdNr.: DE 811 222 333</p><p>Steuernummer: 325/5012/3456</p>")
    assert (rec.register_court, rec.register_number) == ("Amtsgericht Bochum", "HRB 4711")
    assert rec.vat_id == "DE811222333"
    assert rec.tax_number == "325/5012/3456"


def test_responsible_person_named_in_a_sentence() -> None:
    rec = record("<h1>Impressum</h1><p>Verantwortlich für den Inhalt der Seite ist Kemal Arslan.</p>")
    assert rec.name == "Kemal Arslan"
    assert rec.representatives == ("Kemal Arslan",)


def test_insurer_legal_form_is_not_the_providers() -> None:
    rec = record("<h1>Impressum</h1><dl><dt>Name</dt><dd>Rechtsanwältin Eva Stein</dd>"
                 "<dt>Berufshaftpflichtversicherung</dt><dd>Beispiel Versicherung AG<br>50667 Köln</dd></dl>")
    assert rec.name == "Rechtsanwältin Eva Stein"
    assert rec.legal_form is None


def test_contact_data_of_the_impressum_is_kept() -> None:
    rec = record("<h1>Impressum</h1><p>Radwerk Herne<br>Mont-Cenis-Straße 3<br>44627 Herne</p>"
                 "<p>Telefon: 02323 / 76 54 32<br>E-Mail: service@radwerk-herne.de</p>")
    assert rec.phones == ("+492323765432",)
    assert rec.emails == ("service@radwerk-herne.de",)
    assert rec.address is not None and rec.address.street == "Mont-Cenis-Straße 3"


def test_footer_link_named_impressum_is_no_in_page_section() -> None:
    html = b"<html><body><main><p>Willkommen</p></main><footer><h4>Impressum</h4><a href='/impressum'>mehr</a>" \
           b"</footer></body></html>"
    rec = extract_page(html, "https://www.radwerk-herne.de/", {})
    assert rec.impressum_section is None
    assert rec.impressum_links == ["https://www.radwerk-herne.de/impressum"]


def test_in_page_impressum_section_with_content_is_found() -> None:
    html = ("<html><body><main><p>Willkommen</p></main><section id='impressum'><h2>Impressum</h2>"
            "<p>Angaben gemäß § 5 DDG: Radwerk Herne, Mont-Cenis-Straße 3, 44627 Herne</p></section></body></html>")
    rec = extract_page(html.encode(), "https://www.radwerk-herne.de/index.html", {})
    assert rec.impressum_section == "https://www.radwerk-herne.de/index.html#impressum"


def test_a_footers_link_bar_does_not_introduce_the_designer_as_provider() -> None:
    # an Elementor theme footer (a div, not a <footer>) with "Impressum · Datenschutz" and the designer's credit
    page = impressum_page("<h1>Impressum</h1><p>Heizung Pohl</p><p>Hellweg 90, 44869 Bochum</p>"
                          "<div class='elementor elementor-location-footer'><p><a href='/impressum/'>Impressum</a> · "
                          "<a href='/datenschutz/'>Datenschutz</a></p><p>Webdesign: Pixelwerk Medien GmbH · "
                          "Tel. 0231 588 12 40</p></div>")
    assert page.impressum is not None and page.impressum.name == "Heizung Pohl"
    assert [f.value for f in page.names if f.provenance.method == "impressum"] == ["Heizung Pohl"]
