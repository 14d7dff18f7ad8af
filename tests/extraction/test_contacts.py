"""Phones, fax, e-mails and addresses from small HTML snippets of fictional Herne businesses.

Each snippet is wrapped in a minimal page and run through the whole page object (`extract_page`), so the tests
exercise decoding, the page walk, labels and filters together.
"""

from __future__ import annotations

import pytest

from marktplatz.crawler.pages import extract_page
from marktplatz.crawler.pages.record import PageRecord

URL = "https://www.beispiel-herne.de/kontakt.html"


def page(snippet: str, url: str = URL) -> PageRecord:
    body = f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Kontakt</title></head>" \
           f"<body><main>{snippet}</main></body></html>"
    return extract_page(body.encode("utf-8"), url, {"Content-Type": "text/html; charset=utf-8"})


def values(found: list) -> list:  # type: ignore[type-arg]
    return list(dict.fromkeys(f.value for f in found))


PHONE_CASES: list[tuple[str, list[str], list[str]]] = [
    # (snippet, voice numbers, fax numbers)
    ("<p>Telefon: 02323 / 12 34 56</p>", ["+492323123456"], []),
    ("<p>Tel.: (02323) 123456</p>", ["+492323123456"], []),
    ("<p>Fon 0 23 23 - 12 34 56</p>", ["+492323123456"], []),
    ("<p>+49 2323 123456</p>", ["+492323123456"], []),
    ("<p>+49 (0) 2323 / 123456</p>", ["+492323123456"], []),
    ("<p>0049 2323 123456</p>", ["+492323123456"], []),
    ("<p>Mobil: 0171 - 650 750 0</p>", ["+491716507500"], []),
    ("<p>Handy: 0152 / 2345 6789</p>", ["+4915223456789"], []),
    ("<p><a href='tel:+492323123456'>02323 123456</a></p>", ["+492323123456"], []),
    ("<p><a href='tel:02323 - 12 34 56'>Rufen Sie an</a></p>", ["+492323123456"], []),
    ("<p><a href='tel:+49%202323%20123456'>Anrufen</a></p>", ["+492323123456"], []),
    ("<p>Fax: <a href='tel:+492323123457'>02323 123457</a></p>", [], ["+492323123457"]),
    ("<p>Telefax: 02323 / 12 34 57</p>", [], ["+492323123457"]),
    ("<p>Tel. 02323 123456 · Fax 02323 123457</p>", ["+492323123456"], ["+492323123457"]),
    ("<p>Telefon: 02323 123456, Fax: 02323 123457</p>", ["+492323123456"], ["+492323123457"]),
    ("<p>02323 123457 (Fax)</p>", [], ["+492323123457"]),
    ("<div><p>Telefon</p><p>02323 / 123456</p></div><div><p>Fax</p><p>02323 / 123457</p></div>",
     ["+492323123456"], ["+492323123457"]),
    ("<dl><dt>Telefax</dt><dd>02323 123457</dd><dt>Telefon</dt><dd>02323 123456</dd></dl>",
     ["+492323123456"], ["+492323123457"]),
    ("<p>Telefon: 02323 427 26 27 / 02323 42 01 01 10</p>", ["+4923234272627", "+49232342010110"], []),
    ("<p>Zentrale 02323 123456<br>Werkstatt 02323 123458</p>", ["+492323123456", "+492323123458"], []),
    # the short and compound fax labels of footers and Impressum pages
    ("<p>T: 02323 - 12 34 56<br>F: 02323 - 12 34 57</p>", ["+492323123456"], ["+492323123457"]),
    ("<p>T 02323 123456 · F 02323 123457</p>", ["+492323123456"], ["+492323123457"]),
    ("<p>Telefonnummer: 02323 123456<br>Faxnummer: 02323 123457</p>", ["+492323123456"], ["+492323123457"]),
    ("<p>Telefaxnummer: 02323 123457</p>", [], ["+492323123457"]),
    ("<p>Fax-Nr. 02323 123457</p>", [], ["+492323123457"]),
    ("<p>Inhaber Frank Fischer, Tel. 02323 123456</p>", ["+492323123456"], []),
    # a fax given as another extension of the telephone's switchboard, on its line or the next
    ("<p>Telefon 0234 - 5 87 96 - 0, Telefax -20</p>", ["+49234587960"], ["+492345879620"]),
    ("<p>Tel.: 02 31 / 5 89 76-0 · Fax: -29 · E-Mail: info@beispiel-herne.de</p>", ["+49231589760"],
     ["+492315897629"]),
    ("<p>Telefon: 0209 36144-0<br>Telefax: -99</p>", ["+49209361440"], ["+492093614499"]),
    ("<p>Tel. 02323 123456, Fax -20</p>", ["+492323123456"], []),  # no switchboard to add the extension to
    # digit runs that are no phones
    ("<p>IBAN: DE54 1207 0024 0208 4531 01<br>BIC: DEUTDEDB 160</p>", [], []),
    ("<p>Steuernummer: 313/5123/4567</p>", [], []),
    ("<p>USt-IdNr.: DE 123 456 789</p>", [], []),
    ("<p>Registergericht Amtsgericht Bochum, HRB 12345</p>", [], []),
    ("<p>Bahnhofstraße 12, 44623 Herne</p>", [], []),
    ("<p>Am 01.03.2025 - 31.03.2025 geschlossen</p>", [], []),
    ("<p>Mo-Fr 08.30 - 13.00 und 14.30 - 18.00 Uhr</p>", [], []),
    ("<p>Haarschnitt 25,50 €, Färben 45,00 €</p>", [], []),
    ("<p>Kto. 1234567890, BLZ 43050001</p>", [], []),
]


@pytest.mark.parametrize(("snippet", "voice", "fax"), PHONE_CASES, ids=[c[0][:50] for c in PHONE_CASES])
def test_phone_and_fax_numbers_are_read_and_kept_apart(snippet: str, voice: list[str], fax: list[str]) -> None:
    rec = page(snippet)
    assert values(rec.phones) == voice
    assert values(rec.fax) == fax


def test_emergency_number_is_not_a_listing_phone() -> None:
    rec = page("<p>Praxis 02323 123456. Im Notfall erreichen Sie das Notdiensthandy 0170 - 54 50 188.</p>")
    assert values(rec.phones) == ["+492323123456"]
    assert values(rec.emergency_phones) == ["+491705450188"]

def test_a_number_only_for_emergencies_in_a_sentence_is_an_emergency_line() -> None:
    rec = page("<p>Rezeption: 0234 79 12 44</p><p>Außerhalb der Rezeptionszeiten erreichen Sie unseren Platzwart nur "
               "in Notfällen unter 0151 / 23 45 87 10.</p>")
    assert values(rec.phones) == ["+49234791244"]
    assert values(rec.emergency_phones) == ["+4915123458710"]


def test_an_emergency_line_named_inside_its_link_or_by_its_sentence() -> None:
    rec = page("<ul><li><a href='tel:+492323594710'>02323 / 59 47 10</a></li><li><a href='tel:01726385190'>"
               "<span>24h-Notdienst: 0172 / 638 51 90</span></a></li></ul>")
    assert values(rec.phones) == ["+492323594710"]
    assert values(rec.emergency_phones) == ["+491726385190"]
    rec = page("<p>Tel. 02323 59 47 10</p><p>Kurzschluss oder Stromausfall? Unser Elektro-Notdienst ist an 365 Tagen "
               "rund um die Uhr für Sie da: 0172 638 51 90.</p>")
    assert values(rec.phones) == ["+492323594710"]
    assert values(rec.emergency_phones) == ["+491726385190"]


def test_numbers_under_a_heading_of_useful_numbers_are_others() -> None:
    rec = page("<p>Tel. 0209 / 77 39 20</p><h3>Wichtige Nummern für Tierhalter</h3>"
               "<p>Tierheim Gelsenkirchen: 0209 5 88 21 0</p><p>Giftinformationszentrum: 0228 19 24 0</p>")
    assert values(rec.phones) == ["+49209773920"]


def test_web_designers_number_in_the_impressum_is_third_party() -> None:
    rec = page("<p>Telefon: 02323 123456</p><p>Websiteanpassungen:<br>Pixel Herne, Hauptstr. 1, 44623 Herne, "
               "02323 999999</p>", url="https://www.beispiel-herne.de/impressum.html")
    assert values(rec.phones) == ["+492323123456"]


@pytest.mark.parametrize("authority", [
    "Landesbeauftragte für Datenschutz und Informationsfreiheit NRW, Kavalleriestr. 2–4, 40213 Düsseldorf, "
    "poststelle@ldi.nrw.de",
    "Zuständige Datenschutzbehörde: poststelle@ldi.nrw.de",
    "Der Beauftragte für den Datenschutz der Landeskirche, datenschutz@ekvw.de",
])
def test_the_data_protection_authoritys_address_is_not_the_business_email(authority: str) -> None:
    rec = page(f"<p>E-Mail: info@blumen-rose.de</p><p>{authority}</p>")
    assert values(rec.emails) == ["info@blumen-rose.de"]


def test_a_partners_number_in_a_sentence_is_not_the_business_number() -> None:
    rec = page("<p>Werkstatt: 0209 / 17 28 39</p><p>Reifeneinlagerung in Kooperation mit unserem Partner Reifen-Krause "
               "(Tel. 0209 55 44 33).</p>")
    assert values(rec.phones) == ["+49209172839"]


@pytest.mark.parametrize("passed_on", [
    "<p>Termine für den Reisepass vergibt das Bürgerbüro der Stadt Herne unter 02323 16-2222.</p>",
    "<p>Fahrschulerlaubnis erteilt durch: Stadt Herne, Straßenverkehrsamt, Telefon 02323 16-2402</p>",
    "<p>Panne unterwegs? ADAC-Pannenhilfe: 089 20 20 4000</p>",
    "<p>Mitglied der Dachdecker-Innung Emscher-Lippe, Tel. 0209 35988-0</p>",
    "<p>Versicherungsmakler mit Erlaubnis nach § 34d Abs. 1 GewO, erteilt durch die IHK Nord Westfalen, Sentmaringer "
    "Weg 61, 48151 Münster, Tel. 0251 707-0</p>",
    "<p>Außerhalb unserer Sprechzeiten wenden Sie sich bitte an den Tierärztlichen Notdienst Gelsenkirchen:</p>"
    "<p>Telefon 0209 / 9 44 22 11</p>",
    "<p>Die nächstgelegene dienstbereite Apotheke erfahren Sie</p><ul><li>telefonisch unter 0800 00 22 8 33</li></ul>",
    "<p>Erlaubnis erteilt durch: Stadt Herne, Fachbereich Umwelt / Veterinärwesen, Tel. 02323 / 16-27 61</p>",
    "<p>Zuständige Kassenärztliche Vereinigung: Kassenärztliche Vereinigung Westfalen-Lippe, Robert-Schimrigk-Straße "
    "4–6, 44141 Dortmund, Tel. 0231 94 32-0</p>",
    "<p>In Bürogemeinschaft mit:<br><b>Rechtsanwältin Petra Lang</b>, Fachanwältin für Arbeitsrecht, Telefon 0231 / "
    "55 66 78-0, lang@ra-lang-dortmund.de</p>",
])
def test_a_public_bodys_or_shared_services_number_passed_on_is_not_the_business_number(passed_on: str) -> None:
    rec = page(f"<p>Telefon: 02323 / 12 34 56</p>{passed_on}")
    assert values(rec.phones) == ["+492323123456"]


def test_a_public_body_named_in_an_earlier_sentence_leaves_the_own_number() -> None:
    rec = page("<p>Wir arbeiten eng mit dem Ordnungsamt zusammen. Rufen Sie uns an: 02323 / 12 34 56</p>")
    assert values(rec.phones) == ["+492323123456"]


def test_a_site_credits_address_is_third_party() -> None:
    rec = page("<p>Bestellungen an: bestellung@wein-herne.de</p><div class='credits'>Website by <a href='https://"
               "pixel.example.net'>Pixelwerk</a> · <a href='mailto:hallo@pixelwerk-herne.de'>hallo@pixelwerk-herne.de"
               "</a></div>")
    assert values(rec.emails) == ["bestellung@wein-herne.de"]
    rec = page("<p>Anfragen: anfrage@tafel-herne.de</p><p>Design &amp; Code: Studio Nordlicht, "
               "hallo@studio-nordlicht.de</p>")
    assert values(rec.emails) == ["anfrage@tafel-herne.de"]


def _cf(address: str, key: int = 0x42) -> str:
    """An address encoded the way Cloudflare's e-mail protection writes it into the page."""
    return f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in address.encode())


EMAIL_CASES: list[tuple[str, list[str]]] = [
    ("<p><a href='mailto:Info@Baeckerei-Herne.de'>Schreiben Sie uns</a></p>", ["info@baeckerei-herne.de"]),
    ("<p><a href='mailto:info@salon-herne.de?subject=Termin%20anfragen'>Mail</a></p>", ["info@salon-herne.de"]),
    ("<p><a href='mailto:%20kontakt@kfz-herne.de'>kontakt</a></p>", ["kontakt@kfz-herne.de"]),
    ("<p>E-Mail: info [at] blumen-herne [dot] de</p>", ["info@blumen-herne.de"]),
    ("<p>E-Mail: info(at)blumen-herne.de</p>", ["info@blumen-herne.de"]),
    ("<p>kontakt {at} cafe-wanne.de</p>", ["kontakt@cafe-wanne.de"]),
    ("<p>Mail: praxis at physio-herne dot de</p>", ["praxis@physio-herne.de"]),
    ("<p>Mail: info @ nachhilfe-herne.de</p>", ["info@nachhilfe-herne.de"]),
    ("<p>Mail: info @ nachhilfe-herne . de</p>", ["info@nachhilfe-herne.de"]),
    # a hidden anti-spam word, a Joomla cloak (entities in the script's strings), a script's data attributes,
    # and text turned round by a stylesheet's class
    ("<p>Mail: info@<span class='hp'>nospam.</span>salon-herne.de</p>", ["info@salon-herne.de"]),
    ("<p>E-Mail: <span id='cloak1'>geschützt</span><script>var addy1 = 'glas' + '&#64;'; addy1 = addy1 + "
     "'klarsicht-ge' + '&#46;' + 'de'; var addy_text1 = 'glas' + '&#64;' + 'klarsicht-ge' + '&#46;' + 'de';"
     "</script></p>", ["glas@klarsicht-ge.de"]),
    # Joomla 1.5's cloak builds the address up in one variable and writes nothing else with it
    ("<p>E-Mail: <script>var prefix = 'ma' + 'il' + 'to'; var path = 'hr' + 'ef' + '='; var addy14722 = 'info' + "
     "'&#64;'; addy14722 = addy14722 + 'terhorst-haustechnik' + '&#46;' + 'de'; document.write( '<a ' + path + "
     "'\\'' + prefix + ':' + addy14722 + '\\'>' ); document.write( addy14722 );</script></p>",
     ["info@terhorst-haustechnik.de"]),
    # a script's address as a browser without scripts shows it
    ("<p>E-Mail: <script>var u = 'praxis'; var d = 'augenarzt-herne' + '.' + 'de'; document.write(u + '&#64;' + d);"
     "</script><noscript>praxis [at] augenarzt-herne [punkt] de</noscript></p>", ["praxis@augenarzt-herne.de"]),
    # the two halves in data attributes under a placeholder the script replaces; Joomla 4's base64 cloak
    ("<p>E-Mail: <a class='js-mail' href='#' data-user='info' data-domain='elektro-herne.de'>E-Mail schreiben</a></p>",
     ["info@elektro-herne.de"]),
    ("<p><joomla-hidden-mail is-link='1' is-email='1' first='ZW1wZmFuZw==' last='dGllcmFyenQtaGVybmUuZGU='>Diese "
     "E-Mail-Adresse ist vor Spambots geschützt!</joomla-hidden-mail></p>", ["empfang@tierarzt-herne.de"]),
    ("<p>E-Mail: <a class='js-mail' data-u='info' data-d='musik-herne.de' href='#'></a></p>",
     ["info@musik-herne.de"]),
    ("<style>.rev{unicode-bidi:bidi-override;direction:rtl}</style><p>E-Mail: <span class='rev'>"
     "ed.enreh-nolas@ofni</span></p>", ["info@salon-herne.de"]),
    # written backwards and turned round by CSS
    ("<p>E-Mail: <span style='unicode-bidi:bidi-override; direction:rtl;'>ed.enreh-nolas@ofni</span></p>",
     ["info@salon-herne.de"]),
    ("<p>inf&#111;&#64;&#119;ein-herne.de</p>", ["info@wein-herne.de"]),
    ("<p>E-Mail: Post@Kanzlei-Herne.DE</p>", ["post@kanzlei-herne.de"]),
    ("<p><img src='logo@2x.png' alt=''> images/logo@2x.png</p>", []),
    ("<p>Beispiel: max.mustermann@example.com</p>", []),
    ("<script>var u='info'; var d='optik-herne.de'; document.write('<a href=\"mailto:'+u+'@'+d+'\">');</script>",
     ["info@optik-herne.de"]),
    ("<script>var m = 'ed.enreh-ekehtopa@ofni'.split('').reverse().join('');</script>",
     ["info@apotheke-herne.de"]),
    ("<script>document.write(String.fromCharCode(105,110,102,111,64,116,101,101,45,104,101,114,110,101,46,100,101))"
     "</script>", ["info@tee-herne.de"]),
    # Cloudflare's e-mail protection (the address XOR-ed with the first byte), in the link and in its text
    ("<p>E-Mail: <a href='/cdn-cgi/l/email-protection#" + _cf("info@tee-herne.de") + "'><span class='__cf_email__' "
     "data-cfemail='" + _cf("info@tee-herne.de") + "'>[email&#160;protected]</span></a></p>", ["info@tee-herne.de"]),
    ("<p>Mail: <span class='__cf_email__' data-cfemail='" + _cf("post@kanzlei-herne.de", 0x5A) + "'>[email&#160;"
     "protected]</span></p>", ["post@kanzlei-herne.de"]),
    # a decoy hidden inside the address is not part of it
    ("<p>E-Mail: info<span style='display: none'>-nospam</span>@optik-herne.de</p>", ["info@optik-herne.de"]),
    # a decoy hidden by a class, and an old address the page says is no longer read
    ("<p>E-Mail: <a href='#' data-u='hallo' data-d='zweiterunde-re.de'>hallo<span class='hide'>nospam</span>"
     "@zweiterunde-re.de</a></p>", ["hallo@zweiterunde-re.de"]),
    ("<p>E-Mail: pension-elbers@t-online.de</p><p>Die alte Adresse haus.elbers@web.de wird nicht mehr abgerufen!</p>",
     ["pension-elbers@t-online.de"]),
]


@pytest.mark.parametrize(("snippet", "expected"), EMAIL_CASES, ids=[c[0][:50] for c in EMAIL_CASES])
def test_emails_are_lowercased_and_deobfuscated(snippet: str, expected: list[str]) -> None:
    assert values(page(snippet).emails) == expected


ADDRESS_CASES: list[tuple[str, dict[str, str | None]]] = [
    ("<address>Bahnhofstraße 12<br>44623 Herne</address>",
     {"street": "Bahnhofstraße 12", "postcode": "44623", "city": "Herne"}),
    ("<p>Adresse: Bahnhofstr. 12, 44623 Herne</p>", {"street": "Bahnhofstr. 12", "postcode": "44623", "city": "Herne"}),
    ("<p>Hauptstraße 221 | 44649 Herne | Tel. 02325 123456</p>",
     {"street": "Hauptstraße 221", "postcode": "44649", "city": "Herne"}),
    ("<p>Am Alten Markt 3a · 44649 Herne-Wanne</p>",
     {"street": "Am Alten Markt 3a", "postcode": "44649", "city": "Herne-Wanne"}),
    ("<p>Salon Lisa GmbH<br>Zur Alten Mühle 12-14<br>D-44625 Herne</p>",
     {"street": "Zur Alten Mühle 12-14", "postcode": "44625", "city": "Herne"}),
    ("<p>Postfach 10 12 34, 44601 Herne</p>", {"street": None, "postcode": "44601", "city": "Herne"}),
    # a house-number range written with a spaced dash is one number, not a separator before the postcode
    ("<p>Hauptstr. 5 - 7, 44649 Herne</p>", {"street": "Hauptstr. 5 - 7", "postcode": "44649", "city": "Herne"}),
    ("<p>Malerbetrieb Kaya – Hauptstraße 5 – 7 · 44649 Herne</p>",
     {"street": "Hauptstraße 5 – 7", "postcode": "44649", "city": "Herne"}),
    ("<p>Malerbetrieb Kaya - Bahnhofstr. 12, 44623 Herne</p>",
     {"street": "Bahnhofstr. 12", "postcode": "44623", "city": "Herne"}),
    # in a sentence, with a remark after the number, the town first, or in a form-like table with labels
    ("<p>Sie finden uns in der Hauptstr. 5 in 44649 Herne.</p>",
     {"street": "Hauptstr. 5", "postcode": "44649", "city": "Herne"}),
    ("<p>Hauptstraße 5 (Hinterhof), 44649 Herne</p>",
     {"street": "Hauptstraße 5", "postcode": "44649", "city": "Herne"}),
    ("<p>44649 Herne, Hauptstraße 5</p>", {"street": "Hauptstraße 5", "postcode": "44649", "city": "Herne"}),
    ("<p>So finden Sie uns: 44649 Herne, Hauptstraße 5</p>",
     {"street": "Hauptstraße 5", "postcode": "44649", "city": "Herne"}),
    ("<p>Castroper Str. 210 (Eingang Hofseite)<br>44791 Bochum</p>",
     {"street": "Castroper Str. 210", "postcode": "44791", "city": "Bochum"}),
    # where the door is, after the number without brackets: the corner, the entrance, the floor
    ("<p>Zahnarztpraxis Dr. Öz<br>Hertener Str. 14 / Ecke Ringstr.<br>45659 Recklinghausen</p>",
     {"street": "Hertener Str. 14", "postcode": "45659", "city": "Recklinghausen"}),
    ("<p>Praxis Dr. Öz, Hertener Str. 14, 2. OG, 45659 Recklinghausen</p>",
     {"street": "Hertener Str. 14", "postcode": "45659", "city": "Recklinghausen"}),
    ("<p>Hertener Str. 14 – Eingang Hofseite, 45659 Recklinghausen</p>",
     {"street": "Hertener Str. 14", "postcode": "45659", "city": "Recklinghausen"}),
    # … or on a line of its own between the street and the town
    ("<p>Anschrift:<br>An der Linde 7<br>Ortsteil Sodingen<br>44627 Herne</p>",
     {"street": "An der Linde 7", "postcode": "44627", "city": "Herne"}),
    ("<p>Physio Aktiv<br>Bahnhofstraße 40<br>im Ärztehaus, 1. Etage<br>44623 Herne</p>",
     {"street": "Bahnhofstraße 40", "postcode": "44623", "city": "Herne"}),
    ("<p>Ecke 3, 45659 Recklinghausen</p>", {"street": "Ecke 3", "postcode": "45659", "city": "Recklinghausen"}),
    # a street named after a date or a thing, with more words than a name run into it
    ("<address>Galerie Kunstraum<br>Straße des 17. Juni 10<br>45886 Gelsenkirchen</address>",
     {"street": "Straße des 17. Juni 10", "postcode": "45886", "city": "Gelsenkirchen"}),
    ("<p>44649 Herne, Tel. 02325 123456</p>", {"street": None, "postcode": "44649", "city": "Herne"}),
    ("<table><tr><td>Straße:</td><td>Hauptstraße 5</td></tr><tr><td>PLZ/Ort:</td><td>44649 Herne</td></tr></table>",
     {"street": "Hauptstraße 5", "postcode": "44649", "city": "Herne"}),
    ("<p>Im Hofe 3, 44649 Herne</p>", {"street": "Im Hofe 3", "postcode": "44649", "city": "Herne"}),
    # a range of house numbers counts as one word of the street, not three
    ("<p>Praxis<br>An der Kirche 14 – 16<br>44623 Herne</p>",
     {"street": "An der Kirche 14 – 16", "postcode": "44623", "city": "Herne"}),
    ("<p>Zahnarztpraxis Dr. Krause<br>Im Gewerbepark 14 – 16<br>44628 Herne</p>",
     {"street": "Im Gewerbepark 14 – 16", "postcode": "44628", "city": "Herne"}),
    # a remark in brackets after the town is not part of it; a town's own bracketed part is
    ("<p>Hauptstr. 5, 44651 Herne (Eingang über den Hof)</p>",
     {"street": "Hauptstr. 5", "postcode": "44651", "city": "Herne"}),
    ("<p>Lindenallee 3, 15230 Frankfurt (Oder)</p>",
     {"street": "Lindenallee 3", "postcode": "15230", "city": "Frankfurt (Oder)"}),
    # page-builder markup: street and town in sibling elements with nothing between them
    ("<p><span class='value'>Bahnhofstraße 58</span><span class='value'>44623 Herne</span></p>",
     {"street": "Bahnhofstraße 58", "postcode": "44623", "city": "Herne"}),
]


@pytest.mark.parametrize(("snippet", "expected"), ADDRESS_CASES, ids=[c[0][:50] for c in ADDRESS_CASES])
def test_postal_address_is_split_into_street_postcode_city(snippet: str, expected: dict[str, str | None]) -> None:
    addresses = [f.value for f in page(snippet).addresses]
    assert addresses, "no address found"
    got = addresses[0]
    assert {"street": got.street, "postcode": got.postcode, "city": got.city} == expected


def test_po_box_is_recognised() -> None:
    got = page("<p>Postfach 10 12 34, 44601 Herne</p>").addresses[0].value
    assert got.po_box == "10 12 34"


def test_the_street_address_is_the_listings_address_even_below_a_po_box() -> None:
    from marktplatz.crawler.pages import merge_site

    rec = page("<p>Postanschrift: Postfach 20 11 22, 44631 Herne</p>"
               "<p>Hausanschrift: Mont-Cenis-Str. 5, 44627 Herne</p>")
    site = merge_site([rec], "https://www.beispiel-herne.de/")
    assert site.address is not None
    assert (site.address.value.street, site.address.value.postcode) == ("Mont-Cenis-Str. 5", "44627")


def test_a_po_box_alone_is_still_the_address() -> None:
    from marktplatz.crawler.pages import merge_site

    site = merge_site([page("<p>Postfach 20 11 22, 44631 Herne</p>")], "https://www.beispiel-herne.de/")
    assert site.address is not None
    assert (site.address.value.po_box, site.address.value.postcode) == ("20 11 22", "44631")


def test_register_number_is_not_a_postcode() -> None:
    assert page("<p>HRB 12345 Amtsgericht Bochum</p>").addresses == []


def test_a_block_under_a_supervising_authoritys_label_is_theirs() -> None:
    rec = page("<p>Tel. 02361 9 04 87 12</p><p><strong>Aufsichtführende Behörde:</strong><br>Kreis Recklinghausen – "
               "Der Landrat, Fachdienst Bauen<br>Kurt-Schumacher-Allee 1, 45657 Recklinghausen<br>Tel. 02361 53-0</p>")
    assert values(rec.phones) == ["+4923619048712"]


def test_chamber_address_in_the_impressum_is_not_taken() -> None:
    rec = page("<h1>Impressum</h1><p>Zahnarztpraxis Sonne<br>Bahnhofstraße 5<br>44623 Herne</p>"
               "<h3>Zuständige Kammer</h3><p>Zahnärztekammer Westfalen-Lippe, Auf der Horst 29, 48147 Münster</p>",
               url="https://www.zahnarzt-sonne.de/impressum.html")
    streets = [f.value.street for f in rec.addresses]
    assert streets == ["Bahnhofstraße 5"]


@pytest.mark.parametrize("label", ["Tel./Fax:", "Telefon/Fax", "Fon + Fax:", "Telefon und Fax", "Tel. u. Fax",
                                   "Fax/Tel.", "Telefax / Telefon:"])
def test_a_combined_telephone_and_fax_label_names_both(label: str) -> None:
    from marktplatz.crawler.parsing.phones import classify_label

    assert classify_label(label) == "both"


@pytest.mark.parametrize(("label", "kind"), [("Tel.: 123 · Fax:", "fax"), ("Telefax:", "fax"), ("Telefon:", "voice"),
                                             ("Fax: 456, Tel.", "voice")])
def test_separate_labels_stay_apart(label: str, kind: str) -> None:
    from marktplatz.crawler.parsing.phones import classify_label

    assert classify_label(label) == kind


def test_referrals_and_credits_give_no_business_contacts() -> None:
    rec = page("<p>Tel. 02323 123456</p><p>Welche Apotheke heute Notdienst hat, erfahren Sie kostenlos unter "
               "0800 00 22 8 33.</p><p>Bei Gasgeruch rufen Sie die Störungsstelle der Stadtwerke: 0234 960-1444.</p>"
               "<p>Bewerbung per WhatsApp über unseren Recruiting-Partner JobBrücke: 0159 / 0 44 55 66 7.</p>"
               "<p>Realisierung: Netzmanufaktur Emscher, Tel. 0209 / 15 15 80</p>"
               "<p>© 2024 Zweirad Pedalo – Website: Radlos Media, Tel. 0234 77 88 99-0</p>"
               "<p>Impressum · Design: Lila Pixel Studio, hallo@lilapixel-studio.de</p>"
               "<p>Folge uns auf Instagram @blumenhaus.rosenthal</p>"
               "<p>Zentrale Schaden-Hotline der Rhein-Ruhr Versicherung (24 h): 0800 112 44 00</p>")
    assert values(rec.phones) == ["+492323123456"]
    assert values(rec.emails) == []


def test_numbers_of_others_told_in_passing_are_not_the_business_number() -> None:
    rec = page("<p>Telefon: 02324 68 91 02</p>"
               "<p>Badsanierung – Komplettbäder aus einer Hand, in Zusammenarbeit mit Sanitär Wegener GmbH "
               "(Tel. 02324-2 33 10).</p>"
               "<p>Die Genehmigung beantragen wir für Sie bei der Friedhofsverwaltung (Stadt Herne, Fachbereich "
               "Friedhöfe, Tel. 02323 – 16 0).</p>"
               "<p>In dringenden Fällen hilft Ihnen unser Kollege von Optik am Markt, Tel. 02323 / 5 21 33.</p>"
               "<p>Einserkandidat ist eine Marke der Franchise GmbH, Köln. Franchise-Anfragen: 0221 / 99 88 77-0</p>"
               "<p>WhatsApp (nur Nachrichten, keine Anrufe): 0157 / 38 41 29 60</p>"
               "<p>Paket-Hotline DHL: 0228 / 4 33 31 12</p>")
    assert values(rec.phones) == ["+492324689102"]
    # the business's own number in a sentence stays
    own = page("<p>Sie haben Fragen? Rufen Sie uns gerne an (Tel. 02324 68 91 02), wir beraten Sie ausführlich.</p>"
               "<p>Unsere Hotline ist für Sie da: 0800 1234567</p>")
    assert values(own.phones) == ["+492324689102", "+498001234567"]
    for line in ("Bei Fragen wenden Sie sich gerne an unser Team unter 02324 68 91 02.",
                 "Inhaber & Küchenchef Jan Overbeck erreichen Sie auch mobil: 02324 68 91 02",
                 "Wenden Sie sich an uns: Tel. 02324 68 91 02",
                 "© 2025 Bäckerei Kruse · Tel. 02324 68 91 02 · Webdesign: Pixelwerk Herne",
                 "Unser Motto: „Qualität aus Meisterhand seit 1950 und für Sie da“ – Tel. 02324 68 91 02"):
        assert values(page(f"<footer><p>{line}</p></footer>").phones) == ["+492324689102"], line


@pytest.mark.parametrize("other", [
    "Wir arbeiten eng zusammen mit dem Bestattungshaus Weiland, Tel. 02366 / 1 05 22, und der Gärtnerei Blum.",
    "Unsere Tierarztempfehlung: Tierarztpraxis Dr. Anna Wenger, Castrop-Rauxel, Tel. 02305 / 6 91 23.",
    "Bei Auffälligkeiten empfehlen wir eine Untersuchung, z. B. in der Augenarztpraxis Dr. Koç, Huestraße 20, "
    "Tel. 0234 / 1 58 99 0.",
    "Die Vorauswahl übernimmt unser Personaldienstleister JobRuhr Personalservice, Tel. 0234 / 61 20 44.",
    "Fragen zum Leasingvertrag? JobRad-Hotline: 0761 / 20 55 11 0 (nicht unsere Nummer).",
    "Mitglied im Allgemeinen Deutschen Tanzlehrerverband e. V. (ADTV), Tel. 0211 / 36 98 30",
    "Ansage des aktuell diensthabenden Tierarztes: 0180 / 5 84 33 77 (14 ct/Min.)",
    "Partner: Rösterei Ruhrbohne, Hattingen, Tel. 02324 / 6 88 10 – dort gibt's auch Röstkurse.",
    "Die nächstgelegene Notdienst-Apotheke finden Sie kostenlos aus dem Festnetz: 0800 00 22 8 33",
    "Bei Fragen zu Lieferando-Bestellungen wende dich bitte an den Lieferando-Kundenservice: 030 20 89 84 500.",
    "Fragen zu Online-Bestellungen beantwortet der Fleurop-Kundenservice: 030 7 13 71-0.",
    "Garantiefälle wickeln wir nicht ab. Wenden Sie sich dafür an den Samsung Service (06196 77 555 77).",
    "Glücksspiel kann süchtig machen. Infos und Hilfe: BZgA-Hotline 0800 1 37 27 00 (kostenlos).",
    "Am Wochenende hilft Ihnen der Rollladen-Notdienst Vest (kein Teil unseres Betriebs) unter 0800 7 65 52 33.",
    "Seelsorgerischen Beistand bietet die TelefonSeelsorge rund um die Uhr unter 0800 111 0 111.",
    "Für Haltern ist das z. B. Schornsteinfegermeister Lars Tenhagen, Tel. 02364 1 09 87.",
    "Wir sind Partner der Reisenetz plus Kooperation, Zentrale: Reisenetz plus GmbH, Hannover, Tel. 0511 89 76 54-0.",
    "Weitere Infos zur Ergotherapie bietet der Deutsche Verband Ergotherapie e.V., Tel. 07248 9 18 10 00.",
    "Insolvenzabsicherung: Deutscher Reisesicherungsfonds GmbH, Tel. 030 2 88 77 66-0.",
    "Im 1. Obergeschoss praktiziert Dr. Carola Kessler. Termine dort bitte direkt unter 0209 204 77 10.",
    "Zweimal im Jahr codiert der ADFC bei uns im Hof. Anmeldung direkt beim ADFC Bochum unter 0234 9 04 16 60.",
    "Die örtliche Tinnitus-Selbsthilfegruppe erreichen Sie unter 02305 3 17 40.",
    "Garantiefälle bearbeitet ausschließlich der Hersteller-Service (Service-Hotline 0800 576 62 37).",
    "Für Geräte der Marke Calora wenden Sie sich bitte an den Calora Werkskundendienst: 0800 225 67 20.",
    "Glücksspiel kann süchtig machen. Hilfe: Beratungshotline Glücksspielsucht 0800 0 77 66 55 (kostenlos).",
    "Bestellen Sie auch über Ihr Bestattungshaus, z. B. über das Bestattungshaus Kemper, Tel. 0231 - 44 20 17.",
    "Im selben Gebäude: Physiotherapie Brackel (eigenständige Praxis), Termine unter 0231 286651.",
    "Die Stadt Recklinghausen fördert begrünte Dächer. Auskunft erteilt die Stadt unter 02361 / 50 - 23 40.",
    "Unsere Treffen finden im Gemeindehaus der Ev. Altstadtgemeinde statt (Gemeindebüro: Tel. 0 23 61 / 2 24 05).",
    "Bei schweren Fußproblemen arbeite ich eng mit der orthopädischen Praxis Dr. Lüders, Tel. 04551 / 35 66, "
    "zusammen.",
    "Aktuelle Informationen erhalten Sie beim Auswärtigen Amt (Bürgerservice Tel. 030 / 18 17 - 2000).",
    "Heizöl liefert Ihnen unser Schwesterunternehmen Moorkamp Brennstoffe GmbH – Bestellungen bitte direkt unter "
    "Tel. 0 44 88 / 22 16.",
    "Giftinformationszentrum Mainz: 06131 / 19240",
    "Gestaltung und Pflege dieser Seiten: Computer-Service Brinkmann, Dorsten, Tel. 0 23 62 / 7 88 99",
    "Die Vergabe der Plätze erfolgt über den Fachdienst Jugend der Stadt Delmenhorst, Tel. 04221 99-2525.",
    "Grabmale fertigt unser langjähriger Partner Steinmetz Brügge, Tel. 0209 3 71 08 24.",
    "Das Trauercafé trifft sich monatlich. Anmeldung beim Hospizverein: 0209 9 43 17 60.",
    "Vom 28. Juli bis 15. August ist die Praxis geschlossen. Die Vertretung übernimmt Heilpraktikerin Ute Rahn, "
    "Sprockhövel, Tel. 02324 9 81 66 20.",
    "Für Laser-Entfernung empfehlen wir unsere Freunde vom Laserstudio Hellweg, Bochum – Tel. 0234 60 38 91 44.",
    "Apotheken-Homepage powered by PharmaWeb Systeme GmbH · Support-Hotline für Apotheken: 0800 276 83 27",
    "Für Gruppen der Stadtmarketing Lüneburg GmbH (Buchung unter 04131 / 2 07 76 20) halten wir Tische frei.",
    "Für Hochzeiten arbeiten wir eng mit dem Festsaal Mira in Essen zusammen (Saalbuchung direkt dort: 0201 / 8 46 "
    "55 90).",
    "Schöne Grüße an unsere Freunde vom Grill-Eck Wattenscheid (02327 / 8 43 05)!",
    "Fragen zum Winzerabend beantwortet Ihnen auch das Weingut Hofbauer direkt: Tel. 0931 / 71 85 31.",
    "Bei einer Störung im Netz rufen Sie die Störungsnummer von Stromnetz Nord (0800 2 11 35 25).",
    "Die Zentrale des Glasnot-Verbunds vermittelt rund um die Uhr einen Glaser für die Notverglasung: 0800 4 52 87 66.",
    "Für die technische Trocknung arbeiten wir mit der Trocknung Nord GmbH zusammen – deren 24h-Hotline: 0421 69 79 "
    "11-0.",
    "Mitglied im Bundesverband Möbelspedition und Logistik (AMÖ) e.V., Schulstraße 53, 65795 Hattersheim, Tel. 06190 "
    "9899-0",
    # a customer's or partner's words in quotation marks
    "„Seit Jahren betreut Elektro Krause unsere Häuser. Bei Fragen zur Zusammenarbeit erreichen Sie mich unter 030 "
    "4412187.“ Renate Schulz, Hausverwaltung",
    '"Wer Fotos braucht: ich bin als Hochzeitsfotografin unter 0157 30928264 erreichbar." Mareike T.',
])
def test_a_number_recommended_or_referred_to_is_not_the_business_number(other: str) -> None:
    assert values(page(f"<p>Telefon: 02324 68 91 02</p><p>{other}</p>").phones) == ["+492324689102"]


def test_a_table_led_in_by_a_referral_lists_others_numbers() -> None:
    rec = page("<p>Telefon: 02324 68 91 02</p><h2>Notfall während der Reise?</h2><p>Wenden Sie sich bitte zuerst an "
               "die Notfall-Hotline Ihres Reiseveranstalters. Die Nummer steht in Ihren Reiseunterlagen. Einige "
               "Beispiele:</p><table><tr><td>Sonnenland Touristik – Notfallnummer</td><td>+49 69 95 78 31 00</td></tr>"
               "<tr><td>Nordlicht Kreuzfahrten – Bordservice</td><td>+49 40 63 81 28 50</td></tr><tr><td>Reiseschutz: "
               "Elbe Travel Assistance (24h)</td><td>+49 89 41 87 60 90</td></tr></table>")
    assert values(rec.phones) == ["+492324689102"]


def test_a_number_for_messages_only_is_no_phone_line() -> None:
    rec = page("<p>Telefon: 0201 614 493 70</p><p>WhatsApp: <a href='https://wa.me/4916097312254'>0160 97 31 22 54</a>"
               "<br><span>nur Nachrichten – bitte nicht anrufen, während der Behandlung gehen wir nicht ran</span></p>")
    assert values(rec.phones) == ["+4920161449370"]


def test_a_sentence_about_someone_else_does_not_take_the_own_number_of_the_sentence_before() -> None:
    rec = page("<p>Telefonisch erreichen Sie uns unter 02323-987654 oder per E-Mail an info@kruse-moebel.de. Bei "
               "Fragen zur Finanzierung wenden Sie sich bitte an unseren Partner, die Sparkasse Herne, Tel. 02323 "
               "590-0, kredit@sparkasse-herne.de.</p>")
    assert values(rec.phones) == ["+492323987654"]
    assert values(rec.emails) == ["info@kruse-moebel.de"]
    # a referral without a number of its own may be about the number after it: the line stays someone else's
    other = page("<p>Telefon: 02324 68 91 02</p><p>Die Finanzierung übernimmt unser Partner, die Sparkasse Herne. "
                 "Tel. 02323 590-0.</p>")
    assert values(other.phones) == ["+492324689102"]


def test_a_block_led_by_a_label_of_useful_numbers_lists_others() -> None:
    rec = page("<p>Tel. +49 (0)7532 / 43 21-0</p><div><b>Nützliche Telefonnummern</b><br>Tourist-Information "
               "Meersburg: 07532 / 440-400<br>Autofähre Konstanz-Meersburg: 07531 / 803-666</div>")
    assert values(rec.phones) == ["+49753243210"]


def test_a_block_led_by_another_parties_role_lists_their_contacts() -> None:
    rec = page("<p>Telefon: 0234 / 45 67 89</p><p><strong>Webdesign & Betreuung</strong><br>Pixelkombüse – "
               "Kreativagentur<br>Tel. 0234 / 98 76 54 3</p><p>Steuerberatung: Kanzlei Hein & Partner, Würzburg, "
               "Tel. 0931 / 7 80 12 34</p>", url="https://www.haarwerk-bochum.de/impressum.html")
    assert values(rec.phones) == ["+49234456789"]
    # a qualification in brackets names no other party
    rec = page("<p><strong>Jens Gerlach</strong><br>Versicherungsfachmann (IHK), Inhaber<br>Mobil: 0171 / 2 23 34 45"
               "</p>")
    assert values(rec.phones) == ["+491712233445"]


def test_a_label_of_round_the_clock_service_over_the_number_makes_it_the_emergency_line() -> None:
    rec = page("<p>Laden: 0391 / 6 22 18 40</p><p><b>24h-Notdienst:<br>0391 / 6 22 18 44</b></p>")
    assert values(rec.phones) == ["+493916221840"]
    assert values(rec.emergency_phones) == ["+493916221844"]


@pytest.mark.parametrize("line", [
    "Heizöl liefert Ihnen unser Schwesterunternehmen Moorkamp Brennstoffe GmbH – Bestellungen bitte direkt unter "
    "Tel. 0 44 88 / 22 16 oder heizoel@moorkamp-brennstoffe.de.",
    "Die Vergabe der Plätze erfolgt über den Fachdienst Jugend der Stadt Delmenhorst, Tel. 04221 99-2525, "
    "kindertagespflege@delmenhorst.de.",
    "Gebundener Versicherungsvertreter, ausschließlich tätig für die NordVers Versicherungen, Hafenstraße 1, "
    "24103 Kiel, service@nordvers.de",
])
def test_an_address_given_with_someone_elses_number_or_name_is_theirs(line: str) -> None:
    rec = page(f"<p>E-Mail: info@tankstelle-moorkamp.de</p><p>{line}</p>")
    assert values(rec.emails) == ["info@tankstelle-moorkamp.de"]


@pytest.mark.parametrize("other", [
    "Kassenärztlicher Bereitschaftsdienst: 116117",
    "Giftnotruf: 0228 19240",
    "Zuständige Kammer: Handwerkskammer Dortmund, Ardeystraße 93, 44139 Dortmund, Tel. 0231 5493-0",
])
def test_a_service_line_with_its_own_number_leads_in_to_no_number_below_it(other: str) -> None:
    # the line gives the service's number; the practice's own line right under it is the practice's
    assert values(page(f"<p>{other}</p><p>Praxis: Tel. 02323 45678</p>").phones) == ["+49232345678"]


@pytest.mark.parametrize("own", [
    "Sie erreichen uns direkt unter 02324 68 91 02.",
    "Unser Büro erreichen Sie unter 02324 68 91 02.",
    "Telefonisch erreichen Sie uns unter 02324 68 91 02.",
    "Frau Kaya erreichen Sie unter 02324 68 91 02.",
])
def test_our_own_number_in_such_a_sentence_stays(own: str) -> None:
    assert values(page(f"<p>{own}</p>").phones) == ["+492324689102"]


def test_dates_amounts_and_shop_ids_written_like_numbers_are_no_phones() -> None:
    rec = page("<p>Badsanierung Herne-Sodingen, 05/2024 – 14 m² Wand, 6 m² Boden</p>"
               "<p>Wir sind umgezogen! (02.05.2022) Ab sofort finden Sie uns in der Dorstener Straße.</p>"
               "<p>Objekt-Nr. VI-2026-118 · Wohnfläche 128 m² · Kaufpreis 349.000 €</p>"
               "<p>DHL Paketshop-Nr. 476 118 · Hermes PaketShop-ID 0815 4417</p>"
               "<p>Registrierungsnummer Lebensmittelunternehmen: 05913-0047-12</p>"
               "<p>Erlaubnis nach § 3 GüKG, Erlaubnis-Nr. 05 562 0 311</p>"
               "<p>02.–04.10.2026 Oktoberfest im Brauhof</p><p>Betriebsferien: 04.01. – 20.01.2027.</p>"
               "<p>Zur Cranger Kirmes (06.-15.08.2027) jetzt schon Zimmer reservieren!</p>"
               "<p>Eingetragen in die Handwerksrolle unter Nr. 0 41 77 23</p>")
    assert values(rec.phones) == []


def test_a_webmasters_or_site_makers_contacts_are_third_party() -> None:
    rec = page("<p>Telefon: 02305 92 46 20 · info@maler-brinkmann.de</p>"
               "<p>Website mit ♥ gemacht von Webschmiede Emscher · 02305 / 1 88 77 0 · kontakt@webschmiede.de</p>"
               "<p>Webmaster: <a href='mailto:marek.pawlak@gmx.de'>marek.pawlak@gmx.de</a></p>")
    assert values(rec.phones) == ["+492305924620"]
    assert values(rec.emails) == ["info@maler-brinkmann.de"]


def test_an_insurance_agencys_own_contacts_are_its_own() -> None:
    rec = page("<p>Okafor Versicherungen · Tel. 02323 445566 · info@okafor-versicherungen.de</p>"
               "<h3>Berufshaftpflichtversicherung</h3><p>HDI Versicherung AG, HDI-Platz 1, 30659 Hannover, "
               "Tel. 0511 6450</p>", url="https://www.okafor-versicherungen.de/impressum.html")
    assert values(rec.phones) == ["+492323445566"]
    assert values(rec.emails) == ["info@okafor-versicherungen.de"]
