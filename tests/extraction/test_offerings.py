"""Offerings from sections, offer pages, price lists and prose (fictional Herne businesses)."""

from __future__ import annotations

import pytest

from marktplatz.crawler.pages import extract_page


def offerings(body: str, url: str = "https://www.beispiel-herne.de/") -> list[str]:
    html = f"<html><head><meta charset='utf-8'><title>Beispiel</title></head><body>{body}</body></html>"
    return [f.value for f in extract_page(html.encode(), url, {}).offerings]


def test_subheadings_of_an_offer_section_are_offerings() -> None:
    got = offerings("<main><h2>Unsere Leistungen</h2><h3>Fensterreinigung</h3><p>…</p><h3>Glasreinigung</h3>"
                    "<p>…</p><h2>Über uns</h2><h3>Unser Team</h3></main>")
    assert got == ["Fensterreinigung", "Glasreinigung"]


@pytest.mark.parametrize("heading", ["Was es bei uns gibt", "Das gibt's bei uns", "Was wir anbieten",
                                     "Was Sie bei uns bekommen", "Unsere Zimmer", "Arrangements"])
def test_a_heading_that_says_what_there_is_opens_an_offer_section(heading: str) -> None:
    got = offerings(f"<main><h2>{heading}</h2><ul><li>Zeitungen &amp; Zeitschriften</li><li>Tabakwaren</li>"
                    "<li>Kaffee to go</li></ul><h2>So findet Ihr uns</h2><p>Hochlarmarkstraße 88</p></main>",
                    url="https://www.beispiel-herne.de/laden.html")
    assert got == ["Zeitungen & Zeitschriften", "Tabakwaren", "Kaffee to go"]


def test_kicker_above_a_heading_opens_and_ends_sections() -> None:
    got = offerings("<main><h5>Was wir machen</h5><h2>Angebot</h2><h4>Yoga</h4><h4>Pilates</h4>"
                    "<h5>Das sollten Sie wissen</h5><h2>Über mich</h2></main>")
    assert got == ["Yoga", "Pilates"]


def test_list_after_a_service_label() -> None:
    got = offerings("<main><p>Unser Service:</p><ul><li>Reifenwechsel</li><li>Klimaservice</li>"
                    "<li>HU/AU im Haus</li></ul></main>")
    assert got == ["Reifenwechsel", "Klimaservice", "HU/AU im Haus"]


def test_a_long_list_item_is_named_by_the_words_before_its_explanation() -> None:
    got = offerings("<main><p>Unser Service:</p><ul><li>Reifenservice, Einlagerung und Montage von Sommer- und "
                    "Winterreifen aller Fabrikate</li><li>Kostenlose Steinschlag-Reparatur der Frontscheibe bei vielen "
                    "Versicherern</li><li>Inspektion nach Herstellervorgaben</li></ul></main>")
    assert got == ["Reifenservice", "Kostenlose Steinschlag-Reparatur der Frontscheibe",
                   "Inspektion nach Herstellervorgaben"]  # short enough to stay whole
    # A long item whose lead names nothing is no offering, as before.
    assert offerings("<main><p>Unser Service:</p><ul><li>Wir, die Familie Becker aus Herne, beraten Sie gern in "
                     "allen Fragen rund um Ihr Auto</li><li>Klimaservice</li></ul></main>") == ["Klimaservice"]


def test_assembly_is_an_offer_and_a_weekday_is_not() -> None:
    got = offerings("<main><h2>Leistungen</h2><ul><li>Küchenmontage</li><li>Montage von Markisen</li>"
                    "<li>Samstags geöffnet</li><li>Montag Ruhetag</li></ul></main>")
    assert got == ["Küchenmontage", "Montage von Markisen"]


def test_navigation_labels_are_not_offerings() -> None:
    got = offerings("<nav><ul><li>Leistungen</li><li>Kontakt</li></ul></nav><main><h2>Leistungen</h2>"
                    "<ul><li><a href='/kontakt'>Kontakt</a></li><li>Smart Home</li><li>Mehr erfahren</li></ul>"
                    "</main>")
    assert got == ["Smart Home"]


def test_enumeration_in_an_offering_sentence() -> None:
    got = offerings("<main><p>Wir bieten neben der Vorsorge auch Bleaching, Zahnreinigung, Implantate und "
                    "Hausbesuche an.</p></main>")
    assert got == ["Bleaching", "Zahnreinigung", "Implantate", "Hausbesuche"]


def test_sentence_with_two_long_parts_is_no_list() -> None:
    assert offerings("<main><p>Wir bieten Massage und Physiotherapie als tierärztliche Leistung an und erarbeiten "
                     "mit Ihnen einen Therapieplan.</p></main>") == []


def test_heading_separated_by_bars_lists_offerings() -> None:
    got = offerings("<main><h2>Hilfe bei Sprachstörungen | Stimmstörungen | Schluckstörungen</h2></main>")
    assert got == ["Sprachstörungen", "Stimmstörungen", "Schluckstörungen"]


def test_price_list_names_categories_and_skips_variants() -> None:
    got = offerings("""<main><h1>Preise</h1>
      <p>DAMEN</p><div class="row"><p>Waschen, Schneiden, Föhnen</p><p>ab 45,-</p></div>
      <p>FARBE</p><div class="row"><p>- Ansatz</p><p>ab 39,-</p></div><div class="row"><p>- Komplett</p>
      <p>ab 59,-</p></div></main>""", url="https://www.salon-herne.de/preise/")
    assert got == ["Waschen, Schneiden, Föhnen", "DAMEN", "FARBE"]


def test_topic_of_an_offer_page_is_an_offering() -> None:
    got = offerings("<main><h1>Hochzeitstorten</h1><p>Individuell gestaltet.</p></main>",
                    url="https://www.konditorei-herne.de/torten/hochzeitstorten.html")
    assert got[0] == "Hochzeitstorten"


def test_impressum_and_privacy_pages_yield_no_offerings() -> None:
    body = "<main><h2>Leistungen</h2><ul><li>Fliesen</li><li>Naturstein</li></ul></main>"
    assert offerings(body, url="https://www.fliesen-herne.de/impressum.html") == []
    assert offerings(body, url="https://www.fliesen-herne.de/datenschutz.html") == []


def test_offers_written_one_per_line_without_a_list() -> None:
    # one offer per <br> in a paragraph
    assert offerings("<main><h2>Unser Angebot</h2><p>Schnittblumen<br>Brautsträuße<br>Trauerfloristik<br>Gestecke</p>"
                     "<h2>Über uns</h2><p>Seit 1990 in Herne.</p></main>") == [
        "Schnittblumen", "Brautsträuße", "Trauerfloristik", "Gestecke"]
    # typed dashes under a bold label, and typed bullets after a service label
    assert offerings("<main><h2>Leistungen</h2><p><b>Malerarbeiten</b></p><p>- Innenanstriche</p>"
                     "<p>- Fassadenanstriche</p><p>- Tapezierarbeiten</p></main>") == [
        "Innenanstriche", "Fassadenanstriche", "Tapezierarbeiten"]
    assert offerings("<main><p>Unser Service:</p><p>• Brillenreparatur</p><p>• Sehtest</p>"
                     "<p>• Kontaktlinsenanpassung</p><h2>Team</h2></main>") == [
        "Brillenreparatur", "Sehtest", "Kontaktlinsenanpassung"]


def test_sentences_broken_into_lines_are_no_offers() -> None:
    assert offerings("<main><h2>Unser Angebot</h2><p>Wir sind seit 1990 für Sie da.<br>Kommen Sie vorbei.<br>"
                     "Wir freuen uns.</p></main>") == []


def test_price_variants_under_a_category_are_no_offers() -> None:
    got = offerings("<main><h2>Preise</h2><p>COLORATION</p><p>- Ansatz</p><p>ab 57,-</p><p>- Ansatz und Längen</p>"
                    "<p>ab 67,-</p><p>STRÄHNEN</p><p>- Oberkopf</p><p>ab 103,-</p></main>")
    assert not {"Ansatz", "Ansatz und Längen", "Oberkopf"} & set(got)


def test_linked_list_and_definition_terms_under_an_offer_heading() -> None:
    assert offerings("<main><h2>Leistungen</h2><ul><li><a href='/heizung'>Heizungsbau</a></li>"
                     "<li><a href='/bad'>Badsanierung</a></li><li><a href='/solar'>Solarthermie</a></li></ul>"
                     "</main>") == ["Heizungsbau", "Badsanierung", "Solarthermie"]
    assert offerings("<main><h2>Leistungen</h2><dl><dt>Physiotherapie</dt><dd>Behandlung nach ärztlicher "
                     "Verordnung.</dd><dt>Manuelle Lymphdrainage</dt><dd>Entstauung.</dd></dl></main>") == [
        "Physiotherapie", "Manuelle Lymphdrainage"]


def test_page_builder_price_rows_with_a_drawn_leader() -> None:
    # name, an empty leader element and the price as sibling spans with nothing between them
    assert offerings("<main><h2>Preisliste</h2><div><span>Maniküre</span><span></span><span>28 €</span></div>"
                     "<div><span>Pediküre</span><span></span><span>35 €</span></div></main>") == [
        "Maniküre", "Pediküre"]


def test_enumerations_after_a_fronted_adverb_or_umfasst() -> None:
    assert offerings("<main><p>Zudem bieten wir Ihnen Fahrradreparaturen, Leasing und E-Bikes an.</p></main>") == [
        "Fahrradreparaturen", "Leasing", "E-Bikes"]
    # a word cut at its hyphen belongs with the next one; a short code is still an offer
    assert offerings("<main><p>Unser Angebot umfasst Hol- und Bringservice, Ölwechsel und HU/AU.</p></main>") == [
        "Hol- und Bringservice", "Ölwechsel", "HU/AU"]
    # and a word sharing the beginning of the one before it ("-einlagerung": Reifeneinlagerung)
    assert offerings("<main><p>Bei uns erhalten Sie Inspektionen, Reifenwechsel und -einlagerung sowie "
                     "Klimaservice.</p></main>") == ["Inspektionen", "Reifenwechsel und -einlagerung", "Klimaservice"]


def test_card_titles_without_heading_tags() -> None:
    # linked cards with a title class, and boxes whose title is one bold line above its description
    assert offerings("<main><h2>Unsere Leistungen</h2><div class='row'><div class='col'><a href='/heizung' "
                     "class='card'><img alt=''><span class='card-title'>Heizung</span></a></div><div class='col'>"
                     "<a href='/sanitaer' class='card'><span class='card-title'>Sanitär</span></a></div></div>"
                     "</main>") == ["Heizung", "Sanitär"]
    assert offerings("<main><h2>Leistungen</h2><div><p><strong>Zahnreinigung</strong></p><p>Professionelle "
                     "Reinigung für gesunde Zähne.</p></div><div><p><strong>Implantate</strong></p><p>Fester Halt "
                     "mit modernen Implantaten.</p></div></main>") == ["Zahnreinigung", "Implantate"]


def test_tabs_styled_as_navigation_name_the_offers() -> None:
    assert offerings("<main><h2>Angebot</h2><ul class='nav nav-tabs' role='tablist'><li class='nav-item'>"
                     "<a class='nav-link' href='#t1'>Brillen</a></li><li class='nav-item'><a class='nav-link' "
                     "href='#t2'>Kontaktlinsen</a></li></ul><div class='tab-content'><p>Große Auswahl.</p></div>"
                     "</main>") == ["Brillen", "Kontaktlinsen"]


def test_a_price_tables_duration_column_is_not_part_of_the_name() -> None:
    assert offerings("<main><h2>Preise</h2><table><tr><td>Klassische Massage</td><td>30 Min</td><td>35 €</td></tr>"
                     "<tr><td>Hot Stone</td><td>60 Min.</td><td>65 €</td></tr></table></main>") == [
        "Klassische Massage", "Hot Stone"]


def test_content_headings_wrapped_in_header_elements_open_sections() -> None:
    # Typo3 writes every content element's heading inside its own <header>; that is no page header
    got = offerings("<main><div class='frame'><header><h2>Unsere Leistungen</h2></header></div><div class='frame'>"
                    "<header><h3>Photovoltaik</h3></header><p>Planung und Montage.</p></div><div class='frame'>"
                    "<header><h3>Smart Home</h3></header><p>Licht per App.</p></div></main>")
    assert got == ["Photovoltaik", "Smart Home"]


def test_enumerations_with_the_verb_inside_the_clause_or_a_trailing_explanation() -> None:
    assert offerings("<main><p>Neben unserer Theke bieten wir Partyservice, Mittagstisch, Grillspezialitäten und "
                     "Hausmacher Wurst in Dosen.</p></main>") == [
        "Partyservice", "Mittagstisch", "Grillspezialitäten", "Hausmacher Wurst in Dosen"]
    assert offerings("<main><p>Unser Leistungsspektrum umfasst Elektroinstallationen in Alt- und Neubau, den E-Check, "
                     "Sprechanlagen sowie Beratungseinsätze nach § 37.3 SGB XI.</p></main>") == [
        "Elektroinstallationen in Alt- und Neubau", "E-Check", "Sprechanlagen", "Beratungseinsätze"]


def test_one_offer_per_element_under_an_offer_heading() -> None:
    # a page builder's text widgets or image captions, one after the other
    assert offerings("<main><h2>UNSERE LEISTUNGEN</h2><p>Inspektion</p><p>Ölwechsel</p><p>Bremsen-Service</p>"
                     "<p>HU/AU im Haus</p><h2>ÖFFNUNGSZEITEN</h2><p>Mo – Fr: 08:00 – 18:00</p></main>") == [
        "Inspektion", "Ölwechsel", "Bremsen-Service", "HU/AU im Haus"]
    # cards of a title and a tagline give their titles; the kicker above the next heading is not one
    cards = "".join(f"<div class='card'><div>{t}</div><div>{d}</div></div>" for t, d in (
        ("Vanille", "Cremige Bourbon-Vanille"), ("Schokolade", "Belgische Schokolade"), ("Mango", "Sonnig frisch")))
    assert offerings(f"<main><h2>Unsere Sorten</h2>{cards}<p>Eis Events</p><h2>Für Ihre Feier</h2>"
                     "<p>Wir kommen mit der Eis-Station.</p></main>") == ["Vanille", "Schokolade", "Mango"]


def test_a_home_pages_cards_and_bare_list_are_its_offers() -> None:
    cards = "".join(f"<div class='card'><h3>{t}</h3><p>{d}</p></div>" for t, d in (
        ("Polsterei", "Neubezug und Aufarbeitung."), ("Gardinen", "Nach Maß genäht."),
        ("Sonnenschutz", "Plissees und Markisen."), ("Bodenbeläge", "Teppich, Vinyl, Parkett.")))
    assert offerings(f"<main><h1>Wohnen mit Stil</h1>{cards}</main>") == [
        "Polsterei", "Gardinen", "Sonnenschutz", "Bodenbeläge"]
    assert offerings("<main><h1>Hausmeisterservice Petrović</h1><ul><li>Hausmeisterdienste</li><li>Gartenpflege</li>"
                     "<li>Winterdienst</li></ul><h2>Kontakt</h2><p>Hofweg 17, 44653 Herne</p></main>") == [
        "Hausmeisterdienste", "Gartenpflege", "Winterdienst"]


def test_a_home_pages_other_cards_and_lists_are_no_offers() -> None:
    for body in (
        # the team, by its heading or by the roles on its cards
        "<h2>Unser Team</h2><h4>Anna Schmidt</h4><h4>Lisa Becker</h4><h4>Tom Wagner</h4>",
        "<h1>Willkommen</h1><h3>Anna Schmidt</h3><p>Inhaberin</p><h3>Lisa Becker</h3><p>Friseurmeisterin</p>"
        "<h3>Tom Wagner</h3><p>Auszubildender</p>",
        # selling points, facilities, news and a footer's widgets
        "<h1>Willkommen</h1><ul><li>Über 20 Jahre Erfahrung</li><li>Faire Preise</li><li>Kostenlose Beratung</li></ul>",
        "<h1>Willkommen</h1><h3>Kostenlose Parkplätze</h3><p>Vor der Tür.</p><h3>Barrierefreier Zugang</h3>"
        "<p>Ebenerdig.</p><h3>Kartenzahlung möglich</h3><p>EC und Kredit.</p>",
        "<h2>Neuigkeiten</h2><h3>Sommerfest</h3><p>…</p><h3>Neue Kollegin</h3><p>…</p><h3>Neue Farben</h3><p>…</p>",
        "<h5>Friseur Sonnenschein</h5><p>Hauptstr. 5</p><p>44649 Herne</p><h5>Kontakt</h5><p>Tel. 02325 123456</p>"
        "<h5>Rechtliches</h5><p>Impressum</p>",
    ):
        assert offerings(f"<main>{body}</main>") == [], body


def test_an_address_block_under_an_offer_heading_is_no_list_of_offers() -> None:
    assert offerings("<main><h1>Unsere Leistungen</h1><figure><figcaption>Gartenpflege</figcaption></figure>"
                     "<figure><figcaption>Zaunbau</figcaption></figure><figure><figcaption>Winterdienst</figcaption>"
                     "</figure><p>Alle Arbeiten auch im Jahresvertrag.</p><p>GaLaBau Krämer<br>Heckenweg 12<br>"
                     "44628 Herne<br>Tel.: 02323 / 3 40 50</p></main>", "https://www.beispiel-herne.de/leistungen/") \
        == ["Gartenpflege", "Zaunbau", "Winterdienst"]


def test_a_list_announced_by_a_colon_or_opening_a_sentence() -> None:
    assert offerings("<main><p>Wir kümmern uns um Ihre Textilien: Chemische Reinigung, Hemdenservice, Lederreinigung "
                     "und Änderungsschneiderei.</p></main>") == [
        "Chemische Reinigung", "Hemdenservice", "Lederreinigung", "Änderungsschneiderei"]
    assert offerings("<main><p>Schneiden, Färben, Strähnen und Brautstyling – bei uns sind alle willkommen.</p>"
                     "</main>") == ["Schneiden", "Färben", "Strähnen", "Brautstyling"]
    # a label naming the offers announces them, as a colon after "Wir bieten Ihnen" or "umfasst" does
    assert offerings("<main><p>Leistungen: Reparaturen aller Marken, Inspektion, Reifenservice, Klimaservice</p>"
                     "</main>") == ["Reparaturen aller Marken", "Inspektion", "Reifenservice", "Klimaservice"]
    assert offerings("<main><p>Wir bieten Ihnen: Maniküre, Pediküre, Gel-Nägel und Wimpernverlängerung.</p>"
                     "</main>") == ["Maniküre", "Pediküre", "Gel-Nägel", "Wimpernverlängerung"]
    assert offerings("<main><p>Unser Angebot umfasst: Brot, Brötchen, Kuchen und Torten.</p></main>") == [
        "Brot", "Brötchen", "Kuchen", "Torten"]
    # a label's list says something else, and a card's text lists its details
    assert offerings("<main><p>Zahlungsarten: Bar, EC-Karte und Kreditkarte.</p></main>") == []
    assert offerings("<main><p>Preise: Erwachsene 5 €, Kinder 3 €, Familien 12 €</p></main>") == []
    assert offerings("<main><h1>Willkommen</h1><h3>Tapezierarbeiten</h3><p>Raufaser, Vlies oder Designtapete – wir "
                     "tapezieren fachgerecht.</p></main>") == []


def test_a_tables_offer_column_and_a_plain_section_label() -> None:
    assert offerings("<main><h2>Unsere Kanzlei</h2><table><tr><th>Leistung</th><th>Für wen?</th></tr>"
                     "<tr><td>Finanzbuchhaltung</td><td>Unternehmen</td></tr><tr><td>Jahresabschluss</td>"
                     "<td>Bilanzierende</td></tr></table></main>") == ["Finanzbuchhaltung", "Jahresabschluss"]
    assert offerings("<main><table><tr><td>Unsere Leistungen</td></tr><tr><td>- Schuhreparatur<br>- Gravuren<br>"
                     "- Schlüssel nachmachen</td></tr></table></main>") == [
        "Schuhreparatur", "Gravuren", "Schlüssel nachmachen"]
    # a list item that happens to read like a section name opens nothing
    assert offerings("<main><h3>Was Sie erwarten können</h3><ul><li>Faire Preise</li><li>Großes Engagement</li>"
                     "<li>Freundlichkeit und Hilfsbereitschaft</li></ul></main>") == []


def test_offers_found_at_us() -> None:
    assert offerings("<main><p>Außerdem finden Sie bei uns Beet- und Balkonpflanzen, Grabgestecke und den "
                     "Fleurop-Service.</p></main>") == ["Beet- und Balkonpflanzen", "Grabgestecke", "Fleurop-Service"]


def test_the_menus_services_under_leistungen() -> None:
    menu = ("<header><nav><ul><li><a href='/'>Start</a></li><li><a href='/leistungen'>Leistungen</a><ul class="
            "'sub-menu'><li><a href='/heizung'>Heizung</a></li><li><a href='/sanitaer'>Sanitär</a></li></ul></li>"
            "<li><a href='/ueber-uns'>Über uns</a><ul><li><a href='/team'>Team</a></li><li><a href='/jobs'>Jobs</a>"
            "</li></ul></li></ul></nav></header>")
    assert offerings(menu + "<main><h1>Willkommen</h1></main>") == ["Heizung", "Sanitär"]


def test_clauses_audiences_and_shop_buttons_are_no_offers() -> None:
    # a list of whom a business serves, a list that opens with a clause, a shop's buttons and a handle
    assert offerings("<main><p>Mit über 120 Mitarbeitenden betreuen wir Büros, Praxen, Wohnanlagen und "
                     "Industrieobjekte – zuverlässig.</p></main>") == []
    assert offerings("<main><p>Im Trauerfall stehen wir Ihnen mit Erfahrung, Ruhe und Einfühlungsvermögen zur Seite – "
                     "seit vier Generationen.</p></main>") == []
    assert offerings("<main><h2>Unser Sortiment</h2><ul><li>E-Bike City 349,00 € In den Warenkorb</li><li>Helm</li>"
                     "<li>Schloss</li><li>bluetezeit.herne</li></ul></main>") == ["Helm", "Schloss"]
    # "für Gewerbe und Vermieter" is whom the E-Check is for
    assert offerings("<main><p>Unser Leistungsspektrum umfasst die Elektroinstallation, Wallboxen, den E-Check für "
                     "Gewerbe und Vermieter.</p></main>") == ["Elektroinstallation", "Wallboxen", "E-Check"]


def test_job_offers_are_no_offers() -> None:
    assert offerings("<main><h2>Stellenangebote</h2><ul><li>Pflegefachkraft (m/w/d)</li><li>Pflegehelfer (m/w/d)</li>"
                     "<li>Fahrer auf Minijob-Basis</li></ul></main>") == []


def test_cards_with_their_times_captions_and_a_table_after_a_sentences_label() -> None:
    cards = "".join(f"<div><h3>{t}</h3><p>{d}</p></div>" for t, d in (
        ("Frühstück", "Vom Croissant bis zur Etagere."), ("Sonntagsbrunch", "Jeden Sonntag 10–14 Uhr, 24,90 € p.P."),
        ("Kuchen & Torten", "Täglich 12 Sorten aus eigener Backstube.")))
    assert offerings(f"<main><h1>Café Zuckerstück</h1>{cards}</main>") == [
        "Frühstück", "Sonntagsbrunch", "Kuchen & Torten"]
    figures = "".join(f"<figure><img src='{t}.jpg' alt=''><figcaption>{t}</figcaption></figure>"
                      for t in ("Einbauschränke", "Küchen", "Treppen"))
    assert offerings(f"<main><h1>Schreinerei Overbeck</h1><p>Seit 1952.</p>{figures}</main>") == [
        "Einbauschränke", "Küchen", "Treppen"]
    assert offerings("<main><p>Wir vertreten Privatpersonen vor Gericht. Unsere Tätigkeitsschwerpunkte:</p><table>"
                     "<tr><td>Arbeitsrecht</td><td>Kündigungsschutz, Abfindung</td></tr><tr><td>Familienrecht</td>"
                     "<td>Scheidung, Unterhalt</td></tr></table></main>") == ["Arbeitsrecht", "Familienrecht"]


def test_a_job_ads_benefits_and_titles_are_no_offers() -> None:
    assert offerings("<main><h2>Leistungen</h2><ul><li>Grundpflege</li><li>Behandlungspflege</li></ul>"
                     "<h2>Karriere</h2><h3>Pflegefachkraft (m/w/d)</h3><p>Wir bieten: übertarifliche Bezahlung, "
                     "30 Tage Urlaub, Dienstwagen, feste Touren.</p></main>") == ["Grundpflege", "Behandlungspflege"]


def test_a_label_styled_as_text_over_titles_with_their_sentences() -> None:
    pairs = (("Krankengymnastik", "Aktive und passive Übungen für Kraft."), ("Klassische Massage",
             "Lockerung verspannter Muskulatur."), ("Fango & Heißluft", "Wärme als Ergänzung zur Therapie."))
    body = "".join(f"<p>{t}</p><p>{d}</p>" for t, d in pairs)
    assert offerings(f"<main><p>UNSERE LEISTUNGEN</p>{body}</main>", "https://www.beispiel-herne.de/leistungen") == [
        "Krankengymnastik", "Klassische Massage", "Fango & Heißluft"]


def test_a_payment_sub_section_and_a_cookie_box_are_no_offers() -> None:
    got = offerings("<main><section><h2>Sortiment</h2><ul><li>Bier aus der Region</li><li>Spirituosen</li></ul>"
                    "<h3>Zahlungsmöglichkeiten</h3><ul><li>Barzahlung</li><li>EC-Karte</li></ul>"
                    "</section></main>"
                    "<div id='BorlabsCookieBox'><h2>Unsere Leistungen</h2><ul><li><label><input type='checkbox'> "
                    "Essenziell</label></li><li><label><input type='checkbox'> Statistiken</label></li></ul></div>")
    assert got == ["Bier aus der Region", "Spirituosen"]


def test_a_service_verb_before_the_items_names_them_and_a_row_of_verbs_does_not() -> None:
    assert offerings("<main><h2>Wir sind für Sie da</h2><p>Wir beraten Sie rund um Kfz-Versicherung, "
                     "Hausratversicherung und Wohngebäudeversicherung.</p></main>") == \
        ["Kfz-Versicherung", "Hausratversicherung", "Wohngebäudeversicherung"]
    assert offerings("<main><h2>Ihr Garten</h2><p>Wir übernehmen Gartenpflege, Heckenschnitt und "
                     "Pflasterarbeiten.</p></main>") == ["Gartenpflege", "Heckenschnitt", "Pflasterarbeiten"]
    assert offerings("<main><h2>Tischlerei</h2><p>Wir planen, fertigen in eigener Werkstatt, montieren selbst.</p>"
                     "<p>Wir ändern, reparieren – sorgfältig, zu fairen Preisen.</p></main>") == []


def test_a_price_and_an_audience_are_no_enumeration_of_offers() -> None:
    assert offerings("<main><h2>Angebot der Woche</h2><p>Stauder Pils 20×0,5 l nur 13,99 € zzgl. Pfand</p>"
                     "</main>") == []
    assert offerings("<main><h2>Unsere Leistungen</h2><p>Unsere Kunden sind Privathaushalte, Hausverwaltungen und "
                     "Gewerbebetriebe in Herne, Herten und Marl.</p></main>") == []


def test_items_told_more_about_in_an_offer_sections_sentence() -> None:
    got = offerings("<main><h1>Unser Sortiment</h1><p>Obst und Gemüse von Höfen aus dem Münsterland, eine Käsetheke "
                    "mit über 80 Sorten, Naturkosmetik und eine Unverpackt-Station für Nudeln.</p></main>")
    assert {"Käsetheke", "Naturkosmetik", "Unverpackt-Station"} <= set(got)
    assert offerings("<main><h2>Unsere Leistungen</h2><p>Die Preise richten sich nach Fellzustand, Größe und "
                     "Verhalten des Hundes.</p></main>") == []


def test_a_page_of_titles_each_with_its_text_or_price_names_offers() -> None:
    # a site builder's page without heading elements: styled paragraphs, a title and its line, one after another
    massages = "".join(f"<p class='font_7'>{t}</p><p class='font_8'>{d}</p>" for t, d in (
        ("Klassische Massage", "30 Min. 35 € · 60 Min. 62 €"), ("Hot-Stone-Massage", "75 Min. 79 €"),
        ("Piercing", "Mit Titan-Erstschmuck, ab 18 Jahren ohne Begleitung."), ("Gutscheine", "In jeder Höhe.")))
    # (a heading further down, "Unsere Designer", ends them and does not spoil them)
    assert offerings(f"<main><h1>Unsere Massagen</h1>{massages}<h2>Das sagen Kunden</h2><p>Toll!</p></main>",
                     url="https://www.beispiel-herne.de/massagen") == \
        ["Klassische Massage", "Hot-Stone-Massage", "Piercing", "Gutscheine"]
    team = "".join(f"<p>{t}</p><p>{d}</p>" for t, d in (
        ("Mara", "Fineline & Botanical."), ("Kenji", "Realistic, Black & Grey."), ("Lea", "Lettering.")))
    assert offerings(f"<main><h1>Unsere Artists</h1>{team}</main>", url="https://www.beispiel-herne.de/artists") == []


def test_titles_over_a_line_that_ends_in_a_price() -> None:
    rows = "".join(f"<p>{t}</p><p>{d}</p>" for t, d in (
        ("Passbilder", "Biometrisch, in 5 Minuten – 14,90 €"), ("Bewerbungsfotos", "Inkl. Retusche und Datei – 49 €"),
        ("Businessporträts", "Im Studio oder in Ihrem Unternehmen.")))
    got = offerings(f"<main><h1>Angebote</h1>{rows}</main>", url="https://www.beispiel-herne.de/angebote")
    assert {"Passbilder", "Bewerbungsfotos", "Businessporträts"} <= set(got)


def test_a_heading_priced_by_the_one_line_under_it_is_the_offer() -> None:
    rows = "".join(f"<h3>{t}</h3><p>{d}</p>" for t, d in (
        ("Gesichtsbehandlung Classic", "Reinigung, Peeling, Maske – 60 Min. 59 €"), ("Wimpernlifting", "45 Min. 49 €"),
        ("Maniküre", "30 Min. 25 €")))
    assert offerings(f"<main><h2>Behandlungen</h2>{rows}</main>") == [
        "Gesichtsbehandlung Classic", "Wimpernlifting", "Maniküre"]
    # a category heading has several priced rows, which are the offers; a duration is not part of a name
    assert offerings("<main><h2>Preise</h2><h3>Damen</h3><p>Waschen, Schneiden, Föhnen 45 Min. 35 €</p>"
                     "<p>Färben 45 €</p></main>")[-2:] == ["Waschen, Schneiden, Föhnen", "Färben"]
    assert offerings("<main><h2>Preisliste</h2><p>Herrenhaarschnitt 22 €</p></main>") == ["Herrenhaarschnitt"]


def test_the_steps_of_an_order_and_the_towns_served_are_no_offers() -> None:
    offers = "<h2>Leistungen</h2><ul><li>Elektroinstallation</li><li>E-Check</li><li>Smart Home</li></ul>"
    steps = "<h2>Ablauf</h2><ol><li>Anfrage</li><li>Besichtigung</li><li>Angebot</li><li>Ausführung</li></ol>"
    towns = "<h2>Einsatzgebiet</h2><ul><li>Herne</li><li>Bochum</li><li>Castrop-Rauxel</li></ul>"
    assert offerings(f"<main>{offers}{steps}{towns}</main>") == ["Elektroinstallation", "E-Check", "Smart Home"]


def test_the_brands_a_business_works_with_are_no_offers() -> None:
    assert offerings("<main><h2>Unsere Marken</h2><ul><li>Bosch</li><li>Vaillant</li><li>Viessmann</li></ul>"
                     "<h2>Leistungen</h2><ul><li>Heizungsbau</li><li>Solaranlagen</li></ul></main>") == [
        "Heizungsbau", "Solaranlagen"]


def test_cards_on_a_page_whose_heading_names_its_topic() -> None:
    cards = "".join(f"<div class='blurb'><h4>{t}</h4><p>{d}</p></div>" for t, d in (
        ("Klasse B", "Pkw bis 3.500 kg."), ("Klasse A2", "Motorräder bis 35 kW."),
        ("Klasse AM", "Roller bis 45 km/h.")))
    url = "https://www.beispiel-herne.de/fuehrerscheinklassen.html"
    assert offerings(f"<main><h1>Unsere Führerscheinklassen</h1>{cards}</main>", url=url) == \
        ["Klasse B", "Klasse A2", "Klasse AM"]
    people = "".join(f"<div class='card'><h4>{t}</h4><p>{d}</p></div>" for t, d in (
        ("Thomas", "Fahrlehrer seit 1998."), ("Anna", "Büro und Anmeldung."), ("Kai", "Motorrad-Spezialist.")))
    assert offerings(f"<main><h1>Unser Team</h1>{people}</main>", url=url) == []


def test_a_table_layouts_menu_cell_opens_no_offer_section_and_contact_data_is_no_offer() -> None:
    page = ("<table><tr><td><font><a href='/'>Home</a><br><a href='/leistungen.html'>Leistungen</a><br>"
            "<a href='/impressum.html'>Impressum</a><br></font></td><td><b>Willkommen bei Dach Kowalski</b><br>"
            "Ob Neubau, Sanierung oder Reparatur - wir sind für Sie da.<br><table><tr><td><b>Dach Kowalski</b><br>"
            "Westerholter Str. 512<br>45701 Herten<br>Tel.: 0 23 66 / 8 47 11</td></tr></table></td></tr></table>")
    # (the sentence's own list stays: "Ob Neubau, Sanierung oder Reparatur – …")
    assert offerings(page) == ["Neubau", "Sanierung", "Reparatur"]


def test_boxes_beside_the_offers_on_an_offer_page_are_no_offers() -> None:
    cards = "".join(f"<h3>{t}</h3><p>{t} vom Meister.</p>" for t in ("Photovoltaik", "Wallbox", "Smart Home"))
    side = "<h3>Bürozeiten</h3><p>Mo–Fr 8–16 Uhr</p><h3>Unsere Partner</h3><p>Logos</p><h3>Schnellkontakt</h3>"
    got = offerings(f"<main><h1>Tätigkeitsbereiche</h1>{cards}{side}</main>",
                    url="https://www.beispiel-herne.de/leistungen.html")
    assert got == ["Photovoltaik", "Wallbox", "Smart Home"]


def test_a_brackets_list_stays_with_its_item() -> None:
    got = offerings("<main><h2>Service</h2><p>Neben dem Druck bieten wir Bindungen (Spiral, Klebe, Hardcover für "
                    "Abschlussarbeiten), Großformatdruck und Scan-Service an.</p></main>")
    assert got == ["Bindungen", "Großformatdruck", "Scan-Service"]


def test_a_home_pages_paragraph_of_br_lines_names_offers_and_an_address_block_does_not() -> None:
    got = offerings("<main><h1>Schuhservice Kraus</h1><p>Ihr Schuhmacher seit 1979.</p><p>Absätze erneuern<br>"
                    "Neue Sohlen<br>Schlüssel nachmachen<br>Gravuren</p><p>Schuhservice Kraus<br>Breite Straße 4<br>"
                    "45657 Recklinghausen</p></main>")
    assert got == ["Absätze erneuern", "Neue Sohlen", "Schlüssel nachmachen", "Gravuren"]


def test_a_menu_without_its_heading_and_bold_run_in_labels_name_offers() -> None:
    menu = "".join(f"<h2>{c}</h2><dl><dt>{d}</dt><dd>{p}</dd></dl>" for c, d, p in (
        ("Currywurst & Pommes", "Currywurst", "3,50 €"), ("Burger", "Cheeseburger", "6,00 €"),
        ("Salate", "Bauernsalat", "7,50 €")))
    assert offerings(f"<main><h1>Willkommen im Zechen-Grill!</h1>{menu}</main>") == \
        ["Currywurst & Pommes", "Burger", "Salate"]
    labels = "".join(f"<p><b>{t}:</b> {d}</p>" for t, d in (
        ("Weinproben", "Jeden ersten Freitag im Monat."), ("Präsentkörbe", "Liebevoll gepackt."),
        ("Lieferservice", "Ab 12 Flaschen frei Haus.")))
    assert offerings(f"<main><h1>Weinkontor</h1>{labels}</main>") == ["Weinproben", "Präsentkörbe", "Lieferservice"]
    # one paragraph, its lines cut by <br>, each with its own bold label
    lines = "<br>".join(f"<strong>{t}:</strong> {d}" for t, d in (
        ("Wartung", "Wir warten Ihre Heizung jährlich."), ("Reparatur", "Schnelle Hilfe bei Defekten."),
        ("Neuinstallation", "Von der Planung bis zur Montage.")))
    assert offerings(f"<main><h2>Leistungen</h2><p>{lines}</p></main>") == ["Wartung", "Reparatur", "Neuinstallation"]
    impressum = "".join(f"<p><b>{t}:</b> {d}</p>" for t, d in (
        ("Registergericht", "Amtsgericht Herne"), ("Registernummer", "HRB 1234"), ("Vertreten durch", "Max Muster")))
    assert offerings(f"<main><h1>Weinkontor</h1><h2>Impressum</h2>{impressum}</main>") == []


def test_an_accordions_summaries_name_offers_and_a_practice_team_does_not() -> None:
    folds = "".join(f"<details><summary>{t}</summary><p>{d}</p></details>" for t, d in (
        ("Gesichtsbehandlung", "Reinigung, Peeling, Maske und Massage."), ("Microneedling", "Feines Hautbild."),
        ("Permanent Make-up", "Lippen und Powder Brows.")))
    team = "".join(f"<div><h4>{n}</h4><p>{r}</p></div>" for n, r in (
        ("Lisa Weber", "ZMP – Prophylaxe"), ("Mehmet Can", "Zahnarzt"), ("Petra Voss", "Praxismanagerin")))
    got = offerings(f"<main><h1>Studio Bella</h1><h2>Behandlungen</h2>{folds}<h2>Praxisteam</h2>{team}"
                    "<h2>Häufige Fragen</h2><details><summary>Kann ich mit Karte zahlen?</summary><p>Ja.</p></details>"
                    "</main>")
    assert got == ["Gesichtsbehandlung", "Microneedling", "Permanent Make-up"]


def test_a_bootstrap_accordions_toggles_name_the_offers() -> None:
    # Bootstrap's accordion names itself in no class: its buttons and links say they open a collapsed fold
    folds = "".join(f"<div class='card'><div class='card-header'><{t} data-{a}toggle='collapse' href='#c{i}'>{n}</{t}>"
                    f"</div><div id='c{i}' class='collapse'><div class='card-body'>{d}</div></div></div>"
                    for i, (t, a, n, d) in enumerate((
                        ("button", "", "Obst &amp; Gemüse", "Aus eigenem Anbau."),
                        ("a", "bs-", "Eier &amp; Geflügel", "Aus Freilandhaltung."),
                        ("a", "bs-", "Kartoffeln", "Festkochend und mehligkochend."))))
    assert offerings(f"<main><h2>Unser Sortiment</h2><div class='accordion'>{folds}</div></main>",
                     url="https://www.beispiel-herne.de/sortiment.html") == ["Obst & Gemüse", "Eier & Geflügel",
                                                                           "Kartoffeln"]


def test_a_grid_of_linked_cards_names_one_offer_per_card() -> None:
    cards = "".join(f"<a href='/{t.lower()}.html' class='card'><img src='/{t.lower()}.jpg' alt=''><span>{t}</span></a>"
                    for t in ("Krankengymnastik", "Lymphdrainage", "Fango"))
    assert offerings(f"<main><h1>Physiotherapie Sonnenschein</h1><h2>Unsere Therapien</h2><div class='grid'>{cards}"
                     "</div></main>") == ["Krankengymnastik", "Lymphdrainage", "Fango"]


def test_paragraphs_led_by_a_bold_name_and_a_dash_or_its_sentence_name_offers_on_any_page() -> None:
    lines = "".join(f"<div><span><b>{t}</b>{d}</span></div>" for t, d in (
        ("Sträuße &amp; Schnittblumen", " – ab 15 € gebunden, auch nach Farbe."),
        ("Tischdekoration", " für Feiern, Firmenevents und Restaurants."),
        ("Fleurop-Blumenversand", " – deutschland- und weltweit.")))
    assert offerings(f"<main><div><b>Unsere Floristik</b></div>{lines}</main>",
                     url="https://www.beispiel-herne.de/floristik.html") == \
        ["Sträuße & Schnittblumen", "Tischdekoration", "Fleurop-Blumenversand"]
    # the same layout for the people who teach is no list of offers
    people = "".join(f"<li><strong>{n}</strong> – {r}</li>" for n, r in (
        ("Stefan Ortmann", "Schulleitung, Klavier"), ("Aylin Korkmaz", "Gesang, Musical"),
        ("Tobias Frenzel", "Schlagzeug")))
    assert offerings(f"<main><h2>Unsere Lehrkräfte</h2><ul>{people}</ul></main>",
                     url="https://www.beispiel-herne.de/schule.html") == []


def test_a_page_about_one_topic_names_its_kinds_in_an_accordions_folds() -> None:
    folds = "".join(f"<div class='fl-accordion-item'><div class='fl-accordion-button' role='tab'><a href='#' "
                    f"class='fl-accordion-button-label'>{t}</a></div><div class='fl-accordion-content' "
                    f"aria-hidden='true'><p>{d}</p></div></div>" for t, d in (
                        ("Longenstunden", "Einzelunterricht an der Longe."), ("Voltigieren", "Turnen auf dem Pferd."),
                        ("Ausritte", "Ins Gelände, nach Absprache.")))
    got = offerings(f"<main><h1>Reitunterricht</h1><p>Der Unterricht findet in festen Gruppen statt.</p>"
                    f"<div class='fl-accordion'>{folds}</div></main>", url="https://www.beispiel-herne.de/reiten/")
    assert got == ["Longenstunden", "Voltigieren", "Ausritte"]


def test_tab_titles_a_course_column_and_no_people_in_a_team_block() -> None:
    tabs = "".join(f"<button role='tab' data-bs-target='#p{i}'>{t}</button>" for i, t in enumerate(
        ("Hundebedarf", "Katzenbedarf", "Aquaristik")))
    panes = "<div class='tab-pane'><p>Futter, Leinen, Körbchen und Spielzeug.</p></div>"
    assert offerings(f"<main><h2>Sortiment</h2><div class='nav nav-tabs' role='tablist'>{tabs}</div>{panes}</main>") \
        == ["Hundebedarf", "Katzenbedarf", "Aquaristik"]
    rows = "".join(f"<tr><td>{d}</td><td>{t}</td><td>{k}</td></tr>" for d, t, k in (
        ("Montag", "17:00", "Kindertanz"), ("Dienstag", "20:00", "Discofox"), ("Mittwoch", "19:00", "Salsa")))
    team = "".join(f"<div class='team-member'><h4>{n}</h4><p class='role'>Tanzlehrerin</p></div>"
                   for n in ("Olga Petrenko", "Marco Stein"))
    got = offerings(f"<main><h1>Kurse &amp; Termine</h1><table><thead><tr><th>Tag</th><th>Uhrzeit</th><th>Kurs</th>"
                    f"</tr></thead><tbody>{rows}</tbody></table><section class='team'><h2>Eure Tanzlehrer</h2>"
                    f"{team}</section></main>", url="https://www.beispiel-herne.de/kurse/")
    assert got == ["Kindertanz", "Discofox", "Salsa"]


def test_kuemmern_um_a_list_ended_by_a_dash_and_a_repair_column() -> None:
    got = offerings("<main><h2>Meisterwerkstatt</h2><p>Außerdem kümmern wir uns um HU/AU, Klimaservice und "
                    "Unfallinstandsetzung – für alle Marken, vom Kleinwagen bis zum Transporter.</p></main>")
    assert got == ["HU/AU", "Klimaservice", "Unfallinstandsetzung"]
    got = offerings("<main><h2>Was wir für Sie tun</h2><p>Ob Fenster, Haustüren oder Wintergärten – wir sind Ihr "
                    "Partner in Herne.</p></main>")
    assert got == ["Fenster", "Haustüren", "Wintergärten"]
    rows = "".join(f"<tr><td>{r}</td><td>ab {p} €</td><td>ab {p} €</td></tr>" for r, p in (
        ("Displaytausch", 79), ("Akkutausch", 59), ("Ladebuchse", 49)))
    got = offerings(f"<main><h2>Reparaturpreise</h2><table><thead><tr><th>Reparatur</th><th>iPhone</th>"
                    f"<th>Samsung</th></tr></thead><tbody>{rows}</tbody></table></main>")
    assert got == ["Displaytausch", "Akkutausch", "Ladebuchse"]


def test_a_titles_text_is_no_list_and_a_page_header_inside_the_content_heads_a_section() -> None:
    pairs = "".join(f"<p class='font_7'>{t}</p><p class='font_8'>{d}</p>" for t, d in (
        ("Brautsträuße", "Individuelle Beratung."), ("Trauerfloristik", "Kränze, Gestecke und Sargschmuck."),
        ("Fleurop-Service", "Blumen weltweit versenden.")))
    assert offerings(f"<main><h1>Unsere Floristik</h1>{pairs}</main>", url="https://www.beispiel-herne.de/floristik") \
        == ["Brautsträuße", "Trauerfloristik", "Fleurop-Service"]
    kinds = "".join(f"<h3>{t}</h3><p>{t} nach Ihren Wünschen.</p>" for t in ("Erdbestattung", "Feuerbestattung",
                                                                          "Seebestattung"))
    got = offerings(f"<main><div class='item-page'><div class='page-header'><h2>Bestattungsarten &amp; Leistungen"
                    f"</h2></div>{kinds}</div></main>", url="https://www.beispiel-herne.de/bestattungsarten.html")
    assert got == ["Erdbestattung", "Feuerbestattung", "Seebestattung"]


def test_a_table_cell_label_meine_aufgaben_heads_its_typed_bullets() -> None:
    got = offerings("<table><tr><td><a href='/aufgaben.html'>Meine Aufgaben</a></td></tr><tr><td><b>Meine Aufgaben</b>"
                    "<br>• Feuerstättenschau<br>• Abgasmessung<br>• Kehrarbeiten</td></tr></table>",
                    url="https://www.beispiel-herne.de/aufgaben.html")
    assert got == ["Feuerstättenschau", "Abgasmessung", "Kehrarbeiten"]


def test_a_brackets_auch_is_no_lead_in_and_a_sidebar_div_is_no_content() -> None:
    got = offerings("<main><h1>Leistungen</h1><p>Wir bieten Ihnen Schuhreparaturen aller Art, Schlüsselnachfertigung "
                    "(auch Autoschlüssel mit Chip), Gravuren und Stempel.</p></main>",
                    url="https://www.beispiel-herne.de/leistungen/")
    assert "Schlüsselnachfertigung (auch Autoschlüssel mit Chip)" in got or "Schlüsselnachfertigung" in got
    assert not any(")" in g and "(" not in g for g in got)
    cards = "".join(f"<h3>{t}</h3><p>Mehr dazu.</p>" for t in ("Im Trauerfall", "Bürozeiten", "Hausbesuche"))
    assert offerings(f"<main><h1>Bestattungen Lindemann</h1><p>Willkommen.</p></main><div id='aside'>{cards}</div>") \
        == []


def test_price_plans_and_calls_to_action_are_no_offers() -> None:
    plans = "".join(f"<h5>{t}</h5><p>{p} € /Monat</p>" for t, p in (("Basic", "24,90"), ("Premium", "34,90"),
                                                                   ("Student", "19,90")))
    cards = "".join(f"<h4>{t}</h4><p>{d}</p>" for t, d in (("Gerätetraining", "Über 80 Geräte."),
                                                           ("Sauna", "Finnische Sauna."),
                                                           ("Kursprogramm", "Mehr als 40 Kurse pro Woche.")))
    got = offerings(f"<main><h1>Ironwerk</h1><h2>Training</h2>{cards}<h2>Mitgliedschaft</h2>{plans}"
                    "<h2>Yoga</h2><ul><li>Einzelstunde: 16 €</li><li>10er-Karte: 140 €</li>"
                    "<li>Monatsabo: 69 €</li></ul><p><a href='/termin'>Terminvereinbarung</a></p></main>")
    assert got == ["Gerätetraining", "Sauna", "Kursprogramm"]


def test_cards_after_a_closed_hours_box_are_not_under_its_heading() -> None:
    cards = "<ul class='cards'><li><h3>Brot &amp; Brötchen</h3><p>Über 20 Sorten.</p></li><li><h3>Kuchen &amp; " \
            "Torten</h3><p>Auch Motivtorten.</p></li><li><h3>Frühstück</h3><p>Im Café.</p></li></ul>"
    boxed = offerings("<main><h1>Bäckerei Kortmann</h1><div class='box'><h2>Öffnungszeiten</h2><p>Mo–Fr 6–18 Uhr"
                      f"</p></div>{cards}</main>")
    assert boxed == ["Brot & Brötchen", "Kuchen & Torten", "Frühstück"]
    # the same cards inside the section of another topic stay out
    team = offerings("<main><section><h2>Unser Team</h2><p>Wir sind für Sie da.</p>" + cards.replace(
        "Brot &amp; Brötchen", "Anna Kortmann") + "</section></main>")
    assert "Frühstück" not in team


def test_a_kursplan_names_the_classes_once_each() -> None:
    rows = "".join(f"<p>{d}</p>" + "".join(f"<p>{t} {c}</p>" for t, c in classes) for d, classes in (
        ("Montag", (("9:30 – 10:45", "Hatha Yoga (Svenja)"), ("18:00 – 19:15", "Vinyasa Flow (Tim)"))),
        ("Mittwoch", (("9:30 – 10:45", "Hatha Yoga (Meike)"), ("19:00 – 20:00", "Meditation"))),
        ("Samstag", (("10:00 – 11:30", "Rückenyoga"),))))
    got = offerings(f"<main><h1>Kursplan</h1>{rows}</main>", url="https://www.beispiel-herne.de/kursplan.html")
    assert got == ["Hatha Yoga", "Vinyasa Flow", "Meditation", "Rückenyoga"]


def test_how_customers_pay_and_what_a_thing_is_for_are_no_offers() -> None:
    assert offerings("<main><h2>Preise</h2><p>Zahlung bar, per EC-Karte oder Überweisung.</p></main>",
                     url="https://www.beispiel-herne.de/preise.html") == []
    assert offerings("<main><h1>Atemzeit</h1><p>Yoga für Körper, Geist und Alltag – mitten in Herne-Sodingen.</p>"
                     "</main>") == []


def test_the_list_under_a_topic_pages_heading_names_its_offers() -> None:
    got = offerings("<main><h1>Versicherungen</h1><ul><li>Kfz-Versicherung</li><li>Hausratversicherung</li>"
                    "<li>Altersvorsorge / Riester / Rürup</li></ul><h2>Gewerbeversicherungen</h2><p>Sprechen Sie "
                    "uns an.</p></main>", url="https://www.beispiel-herne.de/privat.html")
    assert got == ["Kfz-Versicherung", "Hausratversicherung", "Altersvorsorge / Riester / Rürup"]
    # an old Joomla template sets the page's title in a table cell classed "contentheading"
    got = offerings("<div id='content'><table class='contentpaneopen'><tr><td class='contentheading'>Heizung</td>"
                    "</tr></table><table class='contentpaneopen'><tr><td><ul><li>Gas- und Öl-Brennwerttechnik</li>"
                    "<li>Holz- und Pelletheizungen</li><li>Fußbodenheizung</li></ul></td></tr></table></div>",
                    url="https://www.beispiel-herne.de/heizung.html")
    assert got == ["Gas- und Öl-Brennwerttechnik", "Holz- und Pelletheizungen", "Fußbodenheizung"]
    # a page about something else keeps its lists to itself
    assert offerings("<main><h1>Über uns</h1><ul><li>Gegründet 1998</li><li>Zwölf Mitarbeiter</li><li>Eigene "
                     "Werkstatt</li></ul></main>", url="https://www.beispiel-herne.de/ueber-uns.html") == []


def test_an_ice_cream_menus_heading_is_no_offer_itself() -> None:
    got = offerings("<main><h1>Unsere Eiskarte</h1><ul><li>Coppa Dolomiti</li><li>Amarenabecher</li>"
                    "<li>Nussbecher</li></ul></main>", url="https://www.beispiel-herne.de/eiskarte.html")
    assert "Unsere Eiskarte" not in got
    assert {"Coppa Dolomiti", "Amarenabecher", "Nussbecher"} <= set(got)


def test_a_side_box_over_an_address_or_a_number_on_an_offer_page_is_no_offer() -> None:
    got = offerings("<main><h1>Leistungen</h1><h3>Türöffnung</h3><p>Schnell und schadenfrei.</p><h3>Schließanlagen"
                    "</h3><p>Planung und Einbau.</p><h3>Frühstück</h3><p>Täglich von 8 bis 11 Uhr.</p><h3>Ladenlokal"
                    "</h3><p>Castroper Straße 190<br>44791 Bochum</p><h3>24h-Notdienst</h3><p>0171 4419027</p></main>",
                    url="https://www.beispiel-herne.de/leistungen.html")
    assert got == ["Türöffnung", "Schließanlagen", "Frühstück"]


def test_office_hours_and_price_example_headings_are_no_offers() -> None:
    got = offerings("<main><h1>Leistungen</h1><h2>Finanzbuchhaltung</h2><p>…</p><h2>Jahresabschluss</h2><p>…</p>"
                    "<h2>Lohnabrechnung</h2><p>…</p><h2>Kanzleizeiten</h2><p>Mo–Fr 8–16 Uhr</p></main>",
                    url="https://www.beispiel-herne.de/leistungen/")
    assert got == ["Finanzbuchhaltung", "Jahresabschluss", "Lohnabrechnung"]
    prices = offerings("<main><h1>Änderungen</h1><h2>Hosen</h2><p>…</p><h2>Jacken</h2><p>…</p><h2>Gardinen</h2>"
                       "<p>…</p><h2>Preisbeispiele</h2><ul><li>Hose kürzen 12 €</li><li>Nur Barzahlung möglich</li>"
                       "</ul></main>", url="https://www.beispiel-herne.de/leistungen.html")
    assert "Preisbeispiele" not in prices and "Nur Barzahlung möglich" not in prices


def test_a_table_with_a_column_per_audience_lists_offers_in_both() -> None:
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in (
        ("Privathaftpflicht", "Betriebshaftpflicht"), ("Hausratversicherung", "Inhaltsversicherung"),
        ("Kfz-Versicherung", "&nbsp;")))
    got = offerings("<main><h1>Versicherungen</h1><p>Ich berate Sie zu folgenden Versicherungen:</p><table><thead><tr>"
                    f"<th>Für Privatkunden</th><th>Für Gewerbekunden</th></tr></thead><tbody>{rows}</tbody></table>"
                    "</main>", url="https://www.beispiel-herne.de/versicherungen.html")
    assert set(got) == {"Privathaftpflicht", "Hausratversicherung", "Kfz-Versicherung", "Betriebshaftpflicht",
                        "Inhaltsversicherung"}


def test_a_timetable_of_slots_names_its_classes_once_each() -> None:
    days = "".join(f"<div class='kp-day'><p><strong>{d}</strong></p>" + "".join(
        f"<div class='kp-slot'><p>{t}</p><p>{c}</p><p>mit {who}</p></div>" for t, c, who in slots) + "</div>"
        for d, slots in (("Mo", (("18:00", "Zumba", "Lisa"), ("19:15", "Indoor Cycling", "Sandra"))),
                         ("Di", (("10:00", "Pilates", "Gabi"), ("18:00", "Zumba", "Lisa")))))
    got = offerings(f"<main><h1>Kursplan</h1>{days}</main>", url="https://www.beispiel-herne.de/kursplan.html")
    assert got == ["Zumba", "Indoor Cycling", "Pilates"]


def test_price_plans_and_their_features_are_no_offers() -> None:
    plans = "".join(f"<div class='plan'><h3>{name}</h3><p class='price'>{price} € / Monat</p><ul>"
                    + "".join(f"<li>{f}</li>" for f in features) + "</ul></div>"
                    for name, price, features in (("FLEX", "34,90", ("monatlich kündbar", "Geräte & Kurse")),
                                                  ("BASIC", "24,90", ("24 Monate Laufzeit", "Sauna")),
                                                  ("PREMIUM", "39,90", ("alles aus Basic", "Getränke-Flat"))))
    assert offerings(f"<main><h1>Tarife</h1>{plans}</main>", url="https://www.beispiel-herne.de/preise.html") == []


def test_a_menus_categories_and_dishes_are_named_not_described() -> None:
    def table(dishes: tuple[tuple[str, str, str], ...]) -> str:
        return "<table>" + "".join(f"<tr><td>{n}</td><td><strong>{d}</strong><sup>a,g</sup><br><span>{x}</span></td>"
                                   f"<td>{p} €</td></tr>" for n, (d, x, p) in enumerate(dishes, 1)) + "</table>"
    pizza = table((("Pizza Margherita", "Tomaten, Mozzarella, Basilikum", "7,00"),
                   ("Pizza Tonno", "Thunfisch, Zwiebeln", "9,00")))
    pasta = table((("Spaghetti Carbonara", "Speck, Ei, Parmesan", "8,50"),))
    salat = table((("Insalata Mista", "Blattsalate, Tomaten, Gurken", "6,50"),))
    menu = f"<main><h1>Speisekarte</h1><h2>Pizza</h2>{pizza}<h2>Pasta</h2>{pasta}<h2>Salate</h2>{salat}</main>"
    got = offerings(menu, url="https://www.beispiel-herne.de/speisekarte/")
    # (labellers list either the categories or the dishes: both are named, no description is)
    assert {"Pizza", "Pasta", "Salate", "Pizza Margherita", "Spaghetti Carbonara"} <= set(got)
    assert not any("Tomaten" in g or "Speck" in g for g in got)
    # a single price list: each row by its dish's name, not by the line that describes it
    assert offerings(f"<main><h2>Speisekarte</h2>{pizza}</main>") == ["Pizza Margherita", "Pizza Tonno"]
    # a tailor's price list lists its services under its categories
    hosen = table((("Hose kürzen", "mit Originalsaum", "14,00"), ("Bund enger", "hinten", "16,00")))
    jacken = table((("Ärmel kürzen", "mit Knopflöchern", "25,00"),))
    sonst = table((("Reißverschluss ersetzen", "bis 20 cm", "12,00"),))
    got = offerings(f"<main><h1>Preise</h1><h2>Hosen</h2>{hosen}<h2>Jacken</h2>{jacken}<h2>Sonstiges</h2>{sonst}"
                    "</main>", url="https://www.beispiel-herne.de/preise/")
    assert {"Hose kürzen", "Ärmel kürzen", "Reißverschluss ersetzen"} <= set(got)


def test_a_dish_in_a_list_is_named_by_its_first_line_without_its_allergen_marks() -> None:
    dishes = "".join(f"<li><span><strong>{d}</strong> <small>({a})</small>{'<br><small>' + x + '</small>' if x else ''}"
                     f"</span><span>{p} €</span></li>" for d, a, x, p in (
                         ("Lahmacun", "A", "türkische Pizza mit Hackfleisch, Salat, Zitrone", "4,50"),
                         ("Falafel-Teller", "A,K,N", "6 Falafel, Hummus, Salat, Brot", "10,50"),
                         ("Hirtensalat", "G", "mit Schafskäse", "7,00"), ("Gemischter Salat", "G", "", "5,50")))
    assert offerings(f"<main><h1>Marmaris Grill</h1><ul class='list-unstyled'>{dishes}</ul></main>") == \
        ["Lahmacun", "Falafel-Teller", "Hirtensalat", "Gemischter Salat"]


def test_a_price_lists_unit_column_and_a_duration_among_the_details_keep_one_name_per_row() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>{u}</td><td>{p} €</td></tr>" for n, u, p in (
        ("Kopie / Druck A4 s/w", "Seite", "0,10"), ("Plot s/w A0", "lfd. Meter", "4,50"),
        ("Visitenkarten, 250 Stück", "Auftrag", "39,00"),
        ("Business-Porträt (30 Min. Shooting, 3 Bilder)", "", "89,00")))
    got = offerings(f"<main><h2>Preise</h2><table>{rows}</table></main>", url="https://www.beispiel-herne.de/preise/")
    assert got == ["Kopie / Druck A4 s/w", "Plot s/w A0", "Visitenkarten, 250 Stück",
                   "Business-Porträt (30 Min. Shooting, 3 Bilder)"]


def test_an_offer_pages_list_under_its_heading_counts_beside_its_boxes() -> None:
    items = "".join(f"<li>{t}</li>" for t in ("Medikationsanalyse – wir prüfen Ihre Medikamente", "Blutdruckmessung",
                                              "Verleih von Milchpumpen"))
    got = offerings(f"<main><h1>Leistungen</h1><p>Neben der Abgabe von Arzneimitteln bieten wir Ihnen:</p>"
                    f"<ul>{items}</ul><h2>Kundenkarte</h2><p>Treuepunkte sammeln.</p><h3>Öffnungszeiten</h3>"
                    "<p>Mo–Fr 8–18:30 Uhr</p><h3>Vorbestellen</h3><p>Per App oder E-Mail.</p></main>",
                    url="https://www.beispiel-herne.de/leistungen.html")
    assert {"Medikationsanalyse", "Blutdruckmessung", "Verleih von Milchpumpen"} <= set(got)


def test_a_price_list_widgets_items_by_title_without_their_amount_or_description() -> None:
    items = "".join(f"<li class='elementor-price-list-item'><div class='elementor-price-list-header'><span "
                    f"class='elementor-price-list-title'>{t}</span><span class='elementor-price-list-separator'>"
                    f"</span><span class='elementor-price-list-price'>{p}</span></div><p "
                    f"class='elementor-price-list-description'>{d}</p></li>" for t, p, d in (
                        ("Hausmacher Leberwurst", "100 g 1,49 €", "im Naturdarm"),
                        ("Schweineschnitzel", "1 kg 12,90 €", "aus der Oberschale"),
                        ("Grünkohl mit Mettenden", "Portion 6,90 €", "fertig gekocht zum Mitnehmen")))
    got = offerings(f"<main><h2>Angebote der Woche</h2><ul class='elementor-price-list'>{items}</ul></main>",
                    url="https://www.beispiel-herne.de/angebote.html")
    assert got == ["Hausmacher Leberwurst", "Schweineschnitzel", "Grünkohl mit Mettenden Portion"]


def test_an_offer_pages_titles_each_over_its_sentence_name_its_kinds() -> None:
    pairs = "".join(f"<div class='title'>{t}</div><p>{d}</p>" for t, d in (
        ("Hochzeitstorten", "Mehrstöckige Torten mit Fondant oder Buttercreme."),
        ("Motivtorten &amp; Fototorten", "Wir setzen Ihr Motiv in Zucker um."),
        ("Baumkuchen", "Nach Familienrezept über offener Flamme gebacken.")))
    got = offerings(f"<main><h1>Torten &amp; Pralinen</h1><p>Alle Torten backen wir auf Bestellung.</p>{pairs}</main>",
                    url="https://www.beispiel-herne.de/torten.html")
    assert got == ["Torten & Pralinen", "Hochzeitstorten", "Motivtorten & Fototorten", "Baumkuchen"]


def test_the_folds_of_an_accordion_name_the_offers() -> None:
    folds = "".join(f"<div class='accordion-item'><div class='accordion-header'><button class='accordion-button'>"
                    f"<span>{t}</span></button></div><div class='accordion-collapse'><div class='accordion-body'>"
                    f"<p>{d}</p></div></div></div>" for t, d in (
                        ("Welttanzprogramm", "Die Klassiker in 10 Abenden."), ("Discofox", "Der Partytanz."),
                        ("Salsa", "Kubanischer Stil."), ("Wie melde ich mich an?", "Telefonisch.")))
    # (Typo3 wraps a content element's heading in a <header>, here on a page without <main>)
    page = "<div id='page'><header id='top'><a href='/'><img src='logo.png' alt='Tanzschule Krämer'></a></header>" \
           "<div class='container'><header class='frame-header'><h1>Unser Kursprogramm</h1></header>" \
           "<ul class='nav nav-tabs' role='tablist'><li><a href='#a'>Erwachsene</a></li><li><a href='#k'>Kinder</a>" \
           f"</li></ul><div class='tab-content'><div class='accordion'>{folds}</div></div></div></div>"
    assert offerings(page, url="https://www.beispiel-herne.de/kurse.html") == ["Welttanzprogramm", "Discofox", "Salsa"]
    # also when a sentence under each title runs on (no pairs of title and text), on a page about the courses
    long = folds.replace("Der Partytanz.", "Der Partytanz schlechthin, in zwei Stufen, für alle, die gern "
                         "ausgehen, mit Figuren für jede Party und jede Musik.")
    assert offerings(f"<main><h1>Kurse</h1><div class='accordion'>{long}</div><p>Der Kursbeitrag wird per "
                     "SEPA-Lastschrift eingezogen.</p></main>", url="https://www.beispiel-herne.de/kurse.html") == [
        "Welttanzprogramm", "Discofox", "Salsa"]


def test_a_content_elements_own_header_is_no_page_header() -> None:
    # Typo3 puts every content element's heading in <header class="frame-header">, on pages without <main>
    page = "<div id='page'><header id='top'><a href='/'><img src='logo.png' alt='Maler Kaya'></a><nav><a href='/'>" \
           "Start</a></nav></header><div class='container'><div class='frame'><header class='frame-header'><h2>" \
           "Unsere Leistungen</h2></header><ul><li>Fassadenanstrich</li><li>Tapezierarbeiten</li><li>Bodenbeläge" \
           "</li></ul></div></div></div>"
    assert offerings(page, url="https://www.beispiel-herne.de/maler.html") == [
        "Fassadenanstrich", "Tapezierarbeiten", "Bodenbeläge"]


def test_a_menus_additive_marks_and_item_numbers_are_no_part_of_its_dishes() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>{d}</td><td>{p} €</td></tr>" for n, d, p in (
        ("Nr. 20", "Erdbeerbecher<sup>3</sup>", "8,20"), ("Nr. 21", "Bananensplit<sup>3,6</sup>", "7,50"),
        ("P-120", "Amarenabecher<sup>2,3</sup>", "7,90")))
    got = offerings(f"<main><h2>Speisekarte</h2><table>{rows}</table><p>Wohnfläche 80 m<sup>2</sup></p></main>")
    assert got == ["Erdbeerbecher", "Bananensplit", "Amarenabecher"]
    pizzas = "".join(f"<li>{d}</li>" for d in ("Margherita<sup>a,g</sup>", "Salami<sup>1,2,a,g</sup>",
                                                "Funghi<sup>a,g</sup>"))
    assert offerings(f"<main><h2>Pizza</h2><h2>Unser Angebot</h2><ul>{pizzas}</ul></main>") == [
        "Margherita", "Salami", "Funghi"]


def test_a_remark_after_a_dash_or_an_abbreviation_is_no_part_of_a_list() -> None:
    got = offerings("<main><h2>Service</h2><p>Reinigung, Wartung und Reparatur – auch für Geräte, die Sie nicht bei "
                    "uns gekauft haben.</p></main>")
    assert got == ["Reinigung", "Wartung", "Reparatur"]
    # "zzgl." ends no sentence: the bracket's words are no items
    got = offerings("<main><p>Bei Vorlage einer Verordnung erhalten Sie moderne Hörsysteme zum Festbetrag "
                    "(zuzahlungsfrei, zzgl. 10 € gesetzl. Zuzahlung je Gerät).</p></main>")
    assert got == []


def test_a_price_rows_duration_in_brackets_leaves_no_empty_bracket() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>{p} €</td></tr>" for d, p in (
        ("Übungsfahrt (45 Min.)", "55,00"), ("Sonderfahrt (Überland, Autobahn, Nacht; 45 Min.)", "65,00"),
        ("Vorstellung zur Prüfung", "150,00")))
    assert offerings(f"<main><h2>Preise</h2><table>{rows}</table></main>") == [
        "Übungsfahrt", "Sonderfahrt (Überland, Autobahn, Nacht)", "Vorstellung zur Prüfung"]


def test_counters_a_tagline_of_selling_points_and_what_to_bring_are_no_offers() -> None:
    counters = "".join(f"<div class='et_pb_number_counter'><p><span>{n}</span></p><h3 class='title'>{t}</h3></div>"
                       for n, t in (("250+", "Projekte"), ("15", "Jahre Erfahrung"), ("12", "Mitarbeiter")))
    got = offerings("<main><h1>Nähwerk – Ihre Änderungsschneiderei</h1><h2>Schnell · Sauber · Preiswert</h2>"
                    "<h3>Facebook · Instagram · WhatsApp</h3>"
                    "<h2>Unsere Leistungen</h2><ul><li>Hosen kürzen</li><li>Reißverschluss ersetzen</li></ul>"
                    f"{counters}<h2>Bitte mitbringen</h2><ul><li>Verordnung</li><li>Versichertenkarte</li>"
                    "<li>großes Handtuch</li></ul></main>")
    assert got == ["Hosen kürzen", "Reißverschluss ersetzen"]


def test_a_home_pages_list_under_a_greeting_sentence_names_offers() -> None:
    items = "".join(f"<li><span>{t}</span></li>" for t in ("Pauschalreisen &amp; Last-Minute", "Kreuzfahrten",
                                                             "Städtereisen", "Mietwagen"))
    got = offerings(f"<main><h1>Urlaub beginnt bei uns.</h1><p>Persönliche Beratung statt Klick-Chaos.</p>"
                    f"<ul>{items}</ul></main>")
    assert got == ["Pauschalreisen & Last-Minute", "Kreuzfahrten", "Städtereisen", "Mietwagen"]
    # a notice about the holidays is still no offer section
    assert offerings("<main><h2>Betriebsurlaub</h2><ul><li>Werkstatt</li><li>Laden</li><li>Büro</li></ul></main>") \
        == []


def test_a_topic_pages_list_of_priced_items_each_in_a_paragraph_names_offers() -> None:
    items = "".join(f"<li><p>{t}</p></li>" for t in ("Trauerkränze – ab 79 €", "Trauergestecke – ab 45 €",
                                                       "Sargschmuck / Sargbukett – ab 89 €", "Grabschmuck"))
    got = offerings(f"<main><h1>Trauerfloristik</h1><p>In Zeiten der Trauer nehmen wir uns Zeit für Sie.</p>"
                    f"<ul>{items}</ul></main>", url="https://www.beispiel-herne.de/trauerfloristik")
    assert got == ["Trauerkränze", "Trauergestecke", "Sargschmuck / Sargbukett", "Grabschmuck"]


def test_a_thousands_figure_is_no_time_that_stops_an_announced_list() -> None:
    got = offerings("<main><p>Bei uns finden Sie über 1.500 Artikel: Bier, Mineralwasser, Säfte, Limonaden und "
                    "Spirituosen.</p></main>")
    assert got == ["Bier", "Mineralwasser", "Säfte", "Limonaden", "Spirituosen"]


def test_a_menu_pages_main_heading_names_its_offer() -> None:
    nav = "<nav><ul><li><a href='/'>Start</a></li><li><a href='/weinproben'>Weinproben</a></li><li><a " \
          "href='/praesente'>Präsentkörbe</a></li><li><a href='/veranstaltungen'>Veranstaltungen</a></li></ul></nav>"
    page = f"{nav}<main><h1>Präsentkörbe &amp; Firmenpräsente</h1><p>Wir stellen individuelle Präsentkörbe " \
           "zusammen – ganz nach Ihrem Budget.</p></main>"
    assert offerings(page, url="https://www.beispiel-herne.de/praesente") == ["Präsentkörbe & Firmenpräsente"]
    events = f"{nav}<main><h1>Veranstaltungen</h1><p>Unsere nächsten Termine.</p></main>"
    assert offerings(events, url="https://www.beispiel-herne.de/veranstaltungen") == []
    # a heading the menu does not name is no page of an offer
    assert offerings("<main><h1>Präsentkörbe</h1><p>Wir stellen Präsentkörbe zusammen.</p></main>",
                     url="https://www.beispiel-herne.de/praesente") == []


def test_a_price_in_an_items_brackets_leaves_the_item() -> None:
    items = "".join(f"<li>{t}</li>" for t in ("Ringe weiten und enger machen", "Steine neu fassen",
                                               "Uhrenbatteriewechsel (Batteriewechsel ab 9,50 €)"))
    assert offerings(f"<main><h2>Unser Service</h2><ul>{items}</ul></main>") == [
        "Ringe weiten und enger machen", "Steine neu fassen", "Uhrenbatteriewechsel"]


def test_a_remark_in_brackets_does_not_make_a_list_item_a_selling_point() -> None:
    items = "".join(f"<li>{t}</li>" for t in ("Adventskränze und Adventsgestecke (auch nach Ihren Wünschen)",
                                               "Weihnachtssterne aus eigener Anzucht", "Grabgestecke und Grabdecken"))
    got = offerings(f"<main><h1>Advent</h1><ul>{items}</ul></main>", url="https://www.beispiel-herne.de/advent")
    assert got[:3] == ["Adventskränze und Adventsgestecke (auch nach Ihren Wünschen)",
                       "Weihnachtssterne aus eigener Anzucht", "Grabgestecke und Grabdecken"]
