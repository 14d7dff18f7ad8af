"""`merge_site`: what needs the whole site (fictional multi-page sites, home page first)."""

from __future__ import annotations

from datetime import date

from marktplatz.crawler.pages import extract_page, merge_site
from marktplatz.crawler.pages.record import PageRecord, SiteRecord
from marktplatz.crawler.parsing.hours import parse_hours_text
from marktplatz.crawler.parsing.hours_format import to_osm
from tests.extraction.helpers import assert_valid_osm, week

HOME = "https://www.friseur-sonnenschein.de/"


def page(path: str, body: str, title: str = "Friseur Sonnenschein") -> PageRecord:
    html = f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title></head>" \
           f"<body>{body}</body></html>"
    return extract_page(html.encode(), HOME + path, {"Content-Type": "text/html; charset=utf-8"})


def merged(*pages: PageRecord, today: date | None = None) -> SiteRecord:
    return merge_site(list(pages), HOME, today=today)


FOOTER = "<footer><p>Friseur Sonnenschein · Sodinger Straße 10 · 44627 Herne · Tel. 02323 / 12 34 56</p></footer>"


def test_fax_labelled_on_one_page_is_not_a_phone_on_another() -> None:
    home = page("", "<main><p><a href='tel:+492323123457'>02323 123457</a></p></main>" + FOOTER)
    contact = page("kontakt.html", "<main><p>Fax: <a href='tel:+492323123457'>02323 123457</a></p></main>")
    site = merged(home, contact)
    assert [f.value for f in site.phones] == ["+492323123456"]
    assert [f.value for f in site.fax] == ["+492323123457"]


def test_privacy_page_email_is_only_a_fallback() -> None:
    home = page("", "<main><p>E-Mail: <a href='mailto:salon@sonnenschein-herne.de'>Mail</a></p></main>")
    privacy = page("datenschutz.html", "<main><h1>Datenschutzerklärung</h1><p>Verantwortlich: Tina Sonne, "
                                       "tina.sonne@sonnenschein-herne.de</p></main>")
    assert [f.value for f in merged(home, privacy).emails] == ["salon@sonnenschein-herne.de"]
    assert [f.value for f in merged(page("", "<p>Willkommen</p>"), privacy).emails] == \
        ["tina.sonne@sonnenschein-herne.de"]


def test_fax_only_on_the_privacy_page_is_still_found() -> None:
    home = page("", FOOTER)
    privacy = page("datenschutz/", "<main><h1>Datenschutz</h1><pre>Telefon: 02323 123456\nFax: 02323 123459</pre>"
                                   "</main>")
    site = merged(home, privacy)
    assert [f.value for f in site.fax] == ["+492323123459"]
    assert [f.value for f in site.phones] == ["+492323123456"]


def test_impressum_address_beats_a_footer_typo() -> None:
    home = page("", "<footer><p>Sodinger Staße 10<br>44627 Herne</p></footer>")
    imp = page("impressum.html", "<main><h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Friseur Sonnenschein<br>"
                                 "Sodinger Straße 10<br>44627 Herne</p></main>")
    site = merged(home, imp)
    assert site.address is not None and site.address.value.street == "Sodinger Straße 10"
    assert site.address.provenance.method == "impressum"


def test_impressum_page_gives_the_impressum_url() -> None:
    home = page("", "<main><p>Hallo</p></main><footer><a href='/impressum'>Impressum</a></footer>")
    imp = page("impressum", "<main><h1>Impressum</h1><p>Inhaberin: Tina Sonne</p></main>")
    site = merged(home, imp)
    assert site.impressum_url is not None and site.impressum_url.value == HOME + "impressum"
    assert site.impressum is not None and site.impressum.representatives == ("Tina Sonne",)


def test_impressum_link_is_used_when_the_page_was_not_fetched() -> None:
    home = page("", "<footer><a href='rechtliches/impressum.html'>Impressum</a></footer>")
    site = merged(home)
    assert site.impressum_url is not None and site.impressum_url.value == HOME + "rechtliches/impressum.html"


def test_no_impressum_anywhere_gives_none() -> None:
    assert merged(page("", "<main><p>Willkommen im Salon</p></main>")).impressum_url is None


def test_main_hours_and_workshop_hours_are_kept_apart() -> None:
    home = page("", "<footer><h3>Verkauf</h3><p>Mo-Fr 9-18 Uhr</p><h3>Werkstatt</h3><p>Mo-Fr 7-16 Uhr</p></footer>")
    site = merged(home)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["09:00-18:00"]})
    others = [(o.value.label, o.value.week) for o in site.other_hours]
    assert others == [("Werkstatt", week({"mo-fr": ["07:00-16:00"]}))]
    feed = site.to_feed()
    assert_valid_osm(feed["opening_hours_osm"])
    assert_valid_osm(feed["other_hours"][0]["opening_hours_osm"])


def test_minutes_raised_after_the_hour_are_read_and_a_menus_marks_still_dropped() -> None:
    home = page("", "<h2>Öffnungszeiten</h2><p>Mo–Fr 9<sup>00</sup> – 18<sup>30</sup> Uhr<br>"
                    "Sa 9<sup>00</sup> – 13<sup>00</sup> Uhr</p>")
    site = merged(home)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["09:00-18:30"], "sa": ["09:00-13:00"]})
    menu = page("karte.html", "<main><h2>Speisekarte</h2><ul><li>Pizza Salami<sup>12</sup></li>"
                              "<li>Pizza Tonno<sup>4</sup></li><li>Pizza Funghi</li></ul></main>")
    assert [f.value for f in menu.offerings] == ["Pizza Salami", "Pizza Tonno", "Pizza Funghi"]


def test_a_definition_list_of_days_ending_with_sundays_and_holidays() -> None:
    rows = "".join(f"<dt>{d}</dt><dd>{t}</dd>" for d, t in (("Montag bis Samstag", "6 – 22 Uhr"),
                                                            ("Sonn- und Feiertage", "8 – 20 Uhr")))
    site = merged(page("", f"<main><h2>Wann wir auf haben</h2><dl>{rows}</dl></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-sa": ["06:00-22:00"], "su": ["08:00-20:00"]})


def test_a_labelled_schedule_right_under_the_opening_hours_is_kept_apart() -> None:
    # the lunch menu, the kitchen, an acute consultation or the phone line follow the main hours without a break
    for label, main, other in (("Mittagstisch", "Di-So 12-22 Uhr", "Di-Fr 12-14 Uhr"),
                               ("Küche", "Di-So 12-23 Uhr", "Di-So 12-21 Uhr"),
                               ("Akutsprechstunde", "Mo-Fr 8-12 Uhr", "Mo-Fr 8-9 Uhr"),
                               ("Telefonisch erreichbar", "Mo-Fr 9-18 Uhr", "Mo-Fr 8-20 Uhr")):
        site = merged(page("", f"<main><h2>Öffnungszeiten</h2><p>{main}</p><p>{label}: {other}</p></main>"))
        assert site.opening_hours is not None
        assert to_osm(site.opening_hours.value.week) == to_osm(parse_hours_text(main).week), label
        assert [(o.value.label, to_osm(o.value.week)) for o in site.other_hours] == [
            (label, to_osm(parse_hours_text(other).week))]


def test_hours_stated_on_one_labelled_line_or_open_ended_become_the_note() -> None:
    feed = merged(page("", "<main><p>Öffnungszeiten: nach Vereinbarung</p><p>Tel. 02323 123456</p></main>")).to_feed()
    assert (feed["opening_hours"], feed["opening_hours_note"]) == (None, "Öffnungszeiten: nach Vereinbarung")
    # "ab 17 Uhr" has no closing time to put in the week: the directory shows the line rather than nothing
    feed = merged(page("", "<main><h2>Öffnungszeiten</h2><p>Di-So ab 17 Uhr</p></main>")).to_feed()
    assert (feed["opening_hours"], feed["opening_hours_note"]) == (None, "Di-So ab 17 Uhr")


def test_an_emergency_service_around_the_clock_is_a_note_and_its_number_an_emergency_number() -> None:
    site = merged(page("", "<main><h2>Öffnungszeiten</h2><p>Mo-Fr 8-18 Uhr<br>Sa 9-13 Uhr<br>Notdienst rund um die "
                           "Uhr</p><p>Telefon: 02323 123456</p><p>Notdienst: Tel. 0171 1234567</p></main>"))
    feed = site.to_feed()
    assert feed["opening_hours"] == week({"mo-fr": ["08:00-18:00"]}, sa=["09:00-13:00"])
    assert feed["opening_hours_note"] == "Notdienst rund um die Uhr"
    assert (feed["phones"], feed["emergency_phones"]) == (["+492323123456"], ["+491711234567"])


def test_only_a_sprechstunde_is_the_main_schedule() -> None:
    site = merged(page("", "<main><h2>Sprechstunde</h2><p>Mo, Mi 8-12 Uhr</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo,we": ["08:00-12:00"]})


def test_a_class_timetable_is_never_the_opening_hours() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>{t}</td><td>{c}</td></tr>" for d, t, c in (
        ("Montag", "18:00 - 19:30", "Hatha Yoga"), ("Mittwoch", "19:00 - 20:30", "Vinyasa Flow")))
    only_classes = merged(page("", f"<main><h2>Kursplan</h2><table>{rows}</table></main>"))
    assert only_classes.opening_hours is None
    with_office = merged(page("", f"<main><h2>Kurse</h2><table>{rows}</table><h2>Bürozeiten</h2>"
                                  "<p>Di, Do 10-12 Uhr</p></main>"))
    assert with_office.opening_hours is not None
    assert with_office.opening_hours.value.week == week({"tu,th": ["10:00-12:00"]})


def test_the_kitchens_and_the_receptions_times_under_the_week_are_kept_apart() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>{t}</td></tr>" for d, t in (
        ("Montag", "Ruhetag"), ("Mittwoch – Samstag", "17:00 – 23:00 Uhr"), ("Sonntag", "11:30 – 21:00 Uhr")))
    site = merged(page("", f"<main><h3>Öffnungszeiten</h3><table>{rows}</table><p>Warme Küche Mi–Sa 17:30–21:30 Uhr, "
                           "So 11:30–20:00 Uhr.</p><p>Hotelrezeption täglich 7:00–21:00 Uhr.</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"we-sa": ["17:00-23:00"], "su": ["11:30-21:00"]})


def test_the_times_the_telephone_is_answered_in_the_address_block_are_no_opening_hours() -> None:
    footer = "<footer><div><p>Glanzwerk Gebäudereinigung GmbH<br>Hannöversche Straße 120<br>44143 Dortmund</p>" \
             "<p>Tel. 0231 584 49 10</p><p>Telefonisch erreichbar Mo–Fr 7:00–17:00 Uhr</p></div></footer>"
    branch = "<main><h2>Standort Bochum</h2><p>Castroper Straße 12<br>44791 Bochum<br>Tel. 0234 96 44 71 20</p></main>"
    site = merged(page("", branch + footer), page("kontakt.html", footer))
    assert site.opening_hours is None


def test_a_side_services_name_on_a_line_of_its_own_inside_the_week_takes_its_times() -> None:
    site = merged(page("", "<main><p><b>Öffnungszeiten</b></p><p>Täglich von 11.30 - 15.00 Uhr und 17.30 - 23.00 "
                           "Uhr<br>Montag Ruhetag</p><p><b>*** Mittagsbuffet ***</b><br>Dienstag bis Freitag von "
                           "11.30 - 14.30 Uhr</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-su": ["11:30-15:00", "17:30-23:00"]})


def test_a_table_whose_rows_name_classes_is_a_timetable_whatever_its_heading() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>{t}</td><td>{c}</td></tr>" for d, t, c in (
        ("Montag", "18:00 - 19:30", "Hatha Yoga"), ("Mittwoch", "19:00 - 20:30", "Vinyasa Flow"),
        ("Freitag", "09:00 - 10:00", "Rückenyoga")))
    assert merged(page("", f"<main><h2>Unsere Zeiten</h2><table>{rows}</table></main>")).opening_hours is None
    hours = "".join(f"<tr><td>{d}</td><td>{t}</td></tr>" for d, t in (("Montag", "9:00 - 18:00"),
                                                                    ("Samstag", "9:00 - 13:00")))
    site = merged(page("", f"<main><h2>Unsere Zeiten</h2><table>{hours}</table></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week(mo=["09:00-18:00"], sa=["09:00-13:00"])


def test_a_guesthouses_breakfast_an_event_day_and_a_tariff_are_no_opening_hours() -> None:
    breakfast = merged(page("", "<main><h2>Willkommen</h2><p>Frühstück wird täglich von 6:30 bis 10:00 Uhr "
                                "serviert.</p></main>"))
    assert breakfast.opening_hours is None
    footer = "<footer><p>Mo–Fr: 9:30–18:30 | Sa: 9:30–16:00</p></footer>"
    event = merged(page("", "<main><h2>Willkommen</h2></main>" + footer),
                   page("aktuelles.html", "<main><h3>Verkaufsoffener Sonntag</h3><p>Am 1. Dezember haben wir von 13 "
                                          "bis 18 Uhr für Sie geöffnet!</p></main>" + footer))
    assert event.opening_hours is not None
    assert event.opening_hours.value.week == week({"mo-fr": ["09:30-18:30"]}, sa=["09:30-16:00"])
    tariff = merged(page("", "<main><h2>Öffnungszeiten</h2><p>Mo–Fr 8:00–17:00 Uhr</p></main>"),
                    page("preise.html", "<main><table><tr><th>Leistung</th><th>Preis</th></tr><tr><td>Türöffnung "
                                        "Mo–Fr 8–18 Uhr</td><td>89 €</td></tr></table></main>"))
    assert tariff.opening_hours is not None
    assert tariff.opening_hours.value.week == week({"mo-fr": ["08:00-17:00"]})


def test_a_gyms_training_hours_are_main_and_its_staffed_hours_a_side_schedule() -> None:
    site = merged(page("", "<main><h2>Trainingszeiten</h2><p>Mo – Fr: 06:00 – 23:00 Uhr</p><p>Servicezeiten "
                           "(Theke besetzt): Mo – Fr 16 – 21 Uhr</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["06:00-23:00"]})


def test_schedule_repeated_in_every_footer_wins_over_a_one_off() -> None:
    footer = "<footer><h3>Öffnungszeiten</h3><p>Di-Fr 9-18, Sa 8-13</p></footer>"
    pages = [page("", footer), page("team.html", footer), page("preise.html", footer),
             page("aktuelles.html", "<main><h2>Öffnungszeiten</h2><p>Di-Sa 10-14 Uhr</p></main>")]
    site = merged(*pages)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-fr": ["09:00-18:00"]}, sa=["08:00-13:00"])


def test_site_without_hours_stays_null_with_its_note() -> None:
    site = merged(page("", "<main><h2>Öffnungszeiten</h2><p>Termin nach Vereinbarung</p></main>"))
    feed = site.to_feed()
    assert feed["opening_hours"] is None and feed["opening_hours_osm"] is None
    assert feed["opening_hours_note"] == "Termin nach Vereinbarung"


def test_past_closure_is_dropped_and_future_one_kept() -> None:
    notice = "<main><h2>Betriebsurlaub</h2><p>Vom 01.08.2026 bis 15.08.2026 Betriebsurlaub.</p>" \
             "<p>Am 24.12.2026 geschlossen.</p></main>"
    rec = extract_page(f"<html><body>{notice}</body></html>".encode(), HOME, {}, today=date(2026, 9, 1))
    site = merge_site([rec], HOME, today=date(2026, 9, 1))
    assert [(s.value.start, s.value.end) for s in site.special_hours] == [("2026-12-24", "2026-12-24")]


def test_a_past_notice_is_no_note_and_a_future_one_stays() -> None:
    notice = "<main><h2>Öffnungszeiten</h2><p>Mo–Fr 9–18 Uhr</p><p>Urlaub: 03.08.2026 – 21.08.2026</p>" \
             "<p>Betriebsurlaub vom 22.12.2026 bis 06.01.2027</p></main>"
    rec = extract_page(f"<html><body>{notice}</body></html>".encode(), HOME, {}, today=date(2026, 11, 24))
    site = merge_site([rec], HOME, today=date(2026, 11, 24))
    assert site.opening_hours_note is not None
    assert site.opening_hours_note.value == "Betriebsurlaub vom 22.12.2026 bis 06.01.2027"


def test_an_old_news_notice_and_a_job_ads_holidays_are_no_notes() -> None:
    body = "<main><h2>Öffnungszeiten</h2><p>Mo–Fr 9–18 Uhr</p><h2>Aktuelles</h2><p>02.07.2019 – Sommerpause vom " \
           "15.07. bis 03.08.2019. Das Stammhaus ist wie gewohnt geöffnet.</p><h2>Jobs</h2><p>Wir suchen Maler und " \
           "Lackierer (m/w/d). Tariflohn, 30 Tage Urlaub.</p></main>"
    rec = extract_page(f"<html><body>{body}</body></html>".encode(), HOME, {}, today=date(2026, 11, 24))
    assert merge_site([rec], HOME, today=date(2026, 11, 24)).opening_hours_note is None


def test_a_days_own_hours_are_special_hours() -> None:
    for notice, day in (("<h2>Öffnungszeiten</h2><p>Mo–Fr 9–18 Uhr</p><p>Heiligabend und Silvester: 9–12 Uhr</p>",
                         "09:00-12:00"),
                        ("<h2>Aktuelles</h2><p>Am 24.12. und 31.12. haben wir von 8 bis 12 Uhr geöffnet.</p>",
                         "08:00-12:00")):
        rec = extract_page(f"<html><body><main>{notice}</main></body></html>".encode(), HOME, {},
                           today=date(2026, 11, 24))
        site = merge_site([rec], HOME, today=date(2026, 11, 24))
        assert [(s.value.start, s.value.intervals) for s in site.special_hours] == [
            ("2026-12-24", (day,)), ("2026-12-31", (day,))], notice
    # a dated event of the past is no note
    rec = extract_page(b"<html><body><main><h2>Aktuelles</h2><p>Am 03.12.2017 findet unser Weihnachtsmarkt von 14 "
                       b"bis 18 Uhr statt.</p></main></body></html>", HOME, {}, today=date(2026, 11, 24))
    assert merge_site([rec], HOME, today=date(2026, 11, 24)).opening_hours_note is None


def test_branch_numbers_and_hours_are_not_the_business_phones() -> None:
    filialen = page("filialen.html", """<main><h1>Filialen</h1>
      <div class="card"><h3>Herne-Mitte</h3><p>Bahnhofstraße 1<br>44623 Herne</p><p>Tel. 02323 111111</p>
        <p>Mo-Fr 8-18 Uhr</p></div>
      <div class="card"><h3>Wanne</h3><p>Hauptstraße 2<br>44649 Herne</p><p>Tel. 02325 222222</p>
        <p>Mo-Sa 8-13 Uhr</p></div></main>""")
    imp = page("impressum.html", "<main><h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Sonnenschein GmbH<br>"
                                 "Gewerbestraße 5<br>44628 Herne</p><p>Telefon: 02323 999999</p></main>")
    site = merged(page("", "<main><p>Willkommen</p></main>"), imp, filialen)
    assert [f.value for f in site.phones] == ["+492323999999"]
    assert [b.value.name for b in site.branches] == ["Herne-Mitte", "Wanne"]
    # No hours of its own: the business shows its first branch's hours.
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["08:00-18:00"]})


def test_a_number_labelled_with_a_branch_is_the_branchs() -> None:
    top = "<header><div class='topbar'>Hauptsitz Herne: 02323 123456 | Niederlassung Dortmund: 0231 654321</div>" \
          "</header>"
    site = merged(page("", top + "<main><h1>Willkommen</h1></main>"),
                  page("kontakt.html", "<main><h2>Kontakt</h2><p>Tel. 02323 123456</p><h3>Filiale Bochum</h3>"
                                       "<p>Tel. 0234 987654</p></main>"))
    assert [f.value for f in site.phones] == ["+492323123456"]
    # a business that only states its branches' numbers keeps them
    only = merged(page("", "<main><h3>Filiale Bochum</h3><p>Tel. 0234 987654</p><h3>Filiale Herne</h3>"
                           "<p>Tel. 02323 123456</p></main>"))
    assert [f.value for f in only.phones] == ["+49234987654", "+492323123456"]


def test_a_services_own_later_hours_under_the_table_leave_the_week_alone() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>08:00 – 12:00 Uhr</td><td>14:00 – 18:00 Uhr</td></tr>"
                   for d in ("Montag", "Dienstag", "Donnerstag"))
    site = merged(page("", f"<main><h2>Sprechzeiten</h2><table>{rows}</table><p>und nach Vereinbarung.</p>"
                           "<p>Prophylaxe-Termine bei unserer Dentalhygienikerin: Mo, Di und Do auch bis 19 Uhr.</p>"
                           "</main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo,tu,th": ["08:00-12:00", "14:00-18:00"]})


def test_a_closure_notice_over_a_copy_of_the_week_makes_it_no_season() -> None:
    footer = "<footer><h2>Bürozeiten</h2><p>Mo + Mi 17:00 – 19:00<br>Do 16:00 – 18:30</p><h2>Theorie</h2>" \
             "<p>Di + Do 19:00 – 20:30</p></footer>"
    news = "<main><h1>Büro in den Sommerferien geschlossen</h1><p>30.06.2025</p><p>Vom 14.07. bis 01.08.2025 ist " \
           "unser Büro geschlossen. Ab dem 04.08. sind wir wieder zu den gewohnten Bürozeiten für dich da: Mo + Mi " \
           "17–19 Uhr, Do 16–18:30 Uhr.</p></main>"
    site = merged(page("", "<main><h1>Fahrschule Vollgas</h1></main>" + footer),
                  page("news/ferien.html", news + footer), today=date(2026, 11, 24))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo,we": ["17:00-19:00"]}, th=["16:00-18:30"])


def test_times_under_an_offers_heading_on_an_offer_page_are_no_opening_hours() -> None:
    courses = "<main><h1>Kurse</h1><h3>Welpengruppe</h3><p>Für Welpen von 8 bis 16 Wochen. Samstags 10:00–11:00 " \
              "Uhr.</p><h3>Junghundekurs</h3><p>Für Hunde bis 18 Monate.</p><h3>Einzeltraining</h3><p>Nach " \
              "Vereinbarung.</p></main>"
    site = merged(page("", "<main><h1>Hundeschule Pfotenglück</h1><p>Training ausschließlich nach "
                           "Terminvereinbarung.</p></main>"), page("kurse.html", courses))
    assert site.opening_hours is None


def test_when_the_telephone_is_answered_is_never_the_opening_hours() -> None:
    for text in ("<p>Termine vergebe ich ausschließlich nach Vereinbarung. Am besten erreichen Sie mich in meiner "
                 "Telefonsprechstunde dienstags und donnerstags von 8:00 bis 9:00 Uhr.</p>",
                 "<p>Tel. 02302 - 27 90 415 (telefonisch meist Mo–Fr 9–11 Uhr erreichbar)</p>",
                 "<h2>Telefonzeiten</h2><p>Mo–Fr 9–12 Uhr</p>"):
        site = merged(page("", f"<main><h1>Naturheilpraxis Brockhoff</h1>{text}</main>"))
        assert site.opening_hours is None, text
        assert len(site.other_hours) == 1, text
    # a footer's number beside the hours is no telephone time
    site = merged(page("", "<footer><p>Telefon: 0234 12 34 56 · Mo–Fr 9–18 Uhr</p></footer>"))
    assert site.opening_hours is not None


def test_a_hotlines_hours_in_every_footer_are_not_the_offices() -> None:
    footer = "<footer><div><strong>Nordstern Kundenservice</strong><br>Mo–Sa 8–20 Uhr: 0800 311 30 20</div></footer>"
    office = "<main><h1>Agentur Demir</h1><h2>Bürozeiten</h2><p>Mo–Fr 9:00–13:00 Uhr<br>Mo, Di, Do 14:00–18:00 " \
             "Uhr</p></main>"
    site = merged(page("", office + footer), *(
        page(f"{p}.html", f"<main><h1>{p}</h1><h2>Neuigkeiten aus der Agentur</h2><p>Neue Tarife.</p></main>" + footer)
        for p in ("kontakt", "schaden", "impressum", "versicherungen", "ueber-uns")))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo,tu,th": ["09:00-13:00", "14:00-18:00"]},
                                                 we=["09:00-13:00"], fr=["09:00-13:00"])


def test_the_head_shops_hours_beat_a_news_items_line() -> None:
    tables = "".join(f"<table><tr><th colspan='2'>{name}<br><span>{addr} – Tel. {tel}</span></th></tr>"
                     f"<tr><td>Montag – Freitag</td><td>{week}</td></tr><tr><td>Samstag</td><td>{sat}</td></tr></table>"
                     for name, addr, tel, week, sat in (
                         ("Stammhaus Altstadt", "Lange Straße 41, 44575 Castrop-Rauxel", "02305 / 2 31 45",
                          "6:00 – 18:00 Uhr", "6:00 – 13:00 Uhr"),
                         ("Filiale Ickern", "Ickerner Markt 3, 44581 Castrop-Rauxel", "02305 / 7 82 90",
                          "6:30 – 12:30 Uhr", "6:30 – 12:00 Uhr")))
    site = merged(page("filialen.html", f"<main><h1>Filialen &amp; Öffnungszeiten</h1>{tables}</main>"),
                  page("aktuelles.html", "<main><h1>Aktuelles</h1><p>Sonntags haben wir im Stammhaus jetzt von 7:30 "
                                         "bis 11 Uhr für Sie geöffnet!</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["06:00-18:00"]}, sa=["06:00-13:00"])


def test_a_branch_is_not_named_after_a_slogan_or_a_section_word() -> None:
    filialen = page("filialen.html", """<main>
      <div class="card"><h3>Wir sind für Sie da!</h3><p>Bahnhofstraße 1<br>44623 Herne</p><p>Tel. 02323 111111</p></div>
      <div class="card"><h3>Kontakt</h3><p>Hauptstraße 2<br>44649 Herne</p><p>Tel. 02325 222222</p></div>
      <div class="card"><h3>Filiale Sodingen</h3><p>Mont-Cenis-Straße 3<br>44627 Herne</p><p>Tel. 02323 333333</p>
      </div></main>""")
    site = merged(page("", "<main><p>Willkommen</p></main>"), filialen)
    names = [b.value.name for b in site.branches]
    assert "Filiale Sodingen" in names and set(names) <= {None, "Filiale Sodingen"}


def test_structured_data_outranks_text() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"HairSalon",
      "name":"Salon Sonnenschein","telephone":"+49 2323 555555",
      "openingHoursSpecification":[{"@type":"OpeningHoursSpecification","dayOfWeek":["Tuesday","Wednesday"],
      "opens":"09:00","closes":"17:00"}]}</script>"""
    home = page("", ld + "<main><h2>Öffnungszeiten</h2><p>Di-Mi 10-16 Uhr</p></main>")
    site = merged(home)
    assert site.name is not None and site.name.value == "Salon Sonnenschein"
    assert site.opening_hours is not None and site.opening_hours.provenance.method == "jsonld"
    assert site.opening_hours.value.week == week({"tu-we": ["09:00-17:00"]})


def test_a_time_cell_spanning_several_day_rows_holds_for_each_day() -> None:
    table = ("<table><tr><th colspan='3'>Öffnungszeiten</th></tr><tr><td>Montag</td><td rowspan='2'>6.00 - 18.00 Uhr"
             "</td></tr><tr><td>Dienstag</td></tr><tr><td>Mittwoch</td><td>6.00 - 13.00 Uhr</td></tr>"
             "<tr><td>Donnerstag</td><td rowspan='2'>6.00 - 18.00 Uhr</td><td rowspan='2'>durchgehend</td></tr>"
             "<tr><td>Freitag</td></tr><tr><td>Samstag</td><td colspan='2'>6.00 - 12.30 Uhr</td></tr></table>")
    site = merged(page("", f"<main>{table}</main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-tu": ["06:00-18:00"], "we": ["06:00-13:00"],
                                                  "th-fr": ["06:00-18:00"], "sa": ["06:00-12:30"]})


def test_a_holidays_opening_told_under_the_week_adds_no_weekday() -> None:
    site = merged(page("", "<main><h3>Öffnungszeiten</h3><p>Mo–Fr 8–18 Uhr<br>Sa 8–13 Uhr<br>Sonntag geschlossen*</p>"
                       "<p>*an Muttertag und Valentinstag (wenn Sonntag) für Sie geöffnet von 10.00 – 12.00 Uhr</p>"
                       "</main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["08:00-18:00"], "sa": ["08:00-13:00"]})
    # a weekday's hours that also hold on a holiday stay the weekday's
    site = merged(page("", "<main><h3>Öffnungszeiten</h3><p>Mo–Sa 8–13 Uhr<br>So 10–12 Uhr (auch an Ostern)</p>"
                       "</main>"))
    assert site.opening_hours is not None and site.opening_hours.value.week["su"] == ["10:00-12:00"]


def test_the_car_washs_opening_hours_are_not_the_filling_stations() -> None:
    box = ("<aside><h3>Tankstelle</h3><p>Mo–Fr: 6:00 – 21:00 Uhr<br>Sa: 7:00 – 21:00 Uhr<br>So & Feiertag: 8:00 – "
           "21:00 Uhr</p></aside>")
    wash = page("waschanlage", "<main><h1>Waschanlage</h1><table><tr><th colspan='2'>Öffnungszeiten Waschanlage</th>"
                "</tr><tr><td>Montag – Samstag</td><td>7:00 – 20:00 Uhr</td></tr><tr><td>Sonntag</td>"
                "<td>9:00 – 18:00 Uhr</td></tr></table></main>" + box)
    site = merged(page("", "<main><p>Willkommen</p></main>" + box), wash)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["06:00-21:00"], "sa": ["07:00-21:00"],
                                                  "su": ["08:00-21:00"]})


def test_a_tables_column_heads_do_not_rename_the_schedule_under_its_heading() -> None:
    office = ("<h2>Bürozeiten</h2><table><thead><tr><th>Tag</th><th>Büro</th></tr></thead><tbody><tr><td>Montag – "
              "Donnerstag</td><td>14:00 – 18:00 Uhr</td></tr><tr><td>Freitag</td><td>10:00 – 13:00 Uhr</td></tr>"
              "</tbody></table><p>In den niedersächsischen Schulferien ist das Büro nur dienstags von 10 bis 12 Uhr "
              "besetzt.</p>")
    lessons = page("unterricht", "<main><h1>Unterricht</h1><h2>Ensembles &amp; Gruppen</h2><p>Unterricht findet "
                   "Montag bis Samstag zwischen 13 und 21 Uhr (samstags 9–14 Uhr) statt.</p></main>")
    site = merged(page("", f"<main>{office}</main>"), lessons)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-th": ["14:00-18:00"], "fr": ["10:00-13:00"]})


def test_a_school_holiday_line_after_the_week_closes_no_day_of_it() -> None:
    site = merged(page("", "<main><h2>Bürozeiten</h2><p>Montag – Donnerstag: 7:00 – 16:00 Uhr<br>Freitag: 7:00 – "
                           "12:00 Uhr<br><em>In den Bremer Schulferien ist unser Büro freitags geschlossen.</em></p>"
                           "</main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-th": ["07:00-16:00"]}, fr=["07:00-12:00"])


def test_the_pages_week_with_the_lunch_break_the_markup_leaves_out_wins() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness",
      "name":"Notariat Lohse","openingHours":["Mo-Th 08:00-17:00","Fr 08:00-13:00"]}</script>"""
    footer = "<footer><p>Notariat Lohse · Tel. 0871 965570</p></footer>"
    home = page("", ld + "<main><p>Willkommen</p></main>" + footer)
    contact = page("kontakt", ld + "<main><h2>Öffnungszeiten</h2><table><tr><td>Mo–Do</td><td>08:00–12:00 Uhr</td>"
                   "<td>13:00–17:00 Uhr</td></tr><tr><td>Fr</td><td>08:00–13:00 Uhr</td></tr></table></main>" + footer)
    site = merged(home, contact)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-th": ["08:00-12:00", "13:00-17:00"], "fr": ["08:00-13:00"]})


def test_markup_hours_entered_once_yield_to_the_week_every_page_shows() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"Dentist",
      "name":"Zahnarztpraxis Marquardt","openingHours":"Mo-Fr 08:00-18:00"}</script>"""
    hours = ("<aside><h3>Sprechzeiten</h3><p>Mo, Di, Do 8:00–12:30 und 14:00–19:00 Uhr<br>Mi 8:00–13:00 Uhr<br>"
             "Fr 8:00–14:00 Uhr</p></aside>")
    home = page("", ld + "<main><p>Willkommen in unserer Praxis</p></main>" + hours)
    team = page("team", "<main><h1>Unser Team</h1><p>Dr. Marquardt</p></main>" + hours)
    site = merged(home, team)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-tu,th": ["08:00-12:30", "14:00-19:00"], "we": ["08:00-13:00"],
                                                  "fr": ["08:00-14:00"]})


def test_structured_data_claiming_round_the_clock_yields_to_the_opening_hours_a_page_states() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"LocalBusiness",
      "name":"Pflegedienst Herzenssache","openingHoursSpecification":[{"@type":"OpeningHoursSpecification",
      "dayOfWeek":["Monday","Tuesday","Wednesday","Thursday","Friday","Saturday","Sunday"],"opens":"00:00",
      "closes":"23:59"}]}</script>"""
    stated = page("", ld + "<footer><h4>Bürozeiten</h4><p>Montag bis Freitag<br>8:00 bis 16:00 Uhr</p></footer>")
    site = merged(stated)
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["08:00-16:00"]})
    # without a schedule under its heading on the page, the claim stands
    site = merged(page("", ld + "<main><p>Wir sind für Sie da.</p></main>"))
    assert site.opening_hours is not None and site.opening_hours.provenance.method == "jsonld"


def test_opening_hours_rules_written_one_after_another_in_one_string() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"Dentist","name":"Praxis Öz",
      "openingHours":"Mo,Tu,Th 08:00-12:00 Mo,Tu,Th 14:00-18:00 We,Fr 08:00-13:00"}</script>"""
    site = merged(page("", ld))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo,tu,th": ["08:00-12:00", "14:00-18:00"], "we,fr": ["08:00-13:00"]})
    # Squarespace writes the rules after a comma, each with its own day
    ld = """<script type="application/ld+json">{"@context":"http://schema.org","@type":"LocalBusiness",
      "name":"Weinkontor",
      "openingHours":", Tu 11:00-19:00, We 11:00-19:00, Th 11:00-19:00, Sa 10:00-16:00, "}</script>"""
    site = merged(page("", ld))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-th": ["11:00-19:00"], "sa": ["10:00-16:00"]})
    # an empty range is a closed day (site builders write Monday closed as "Mo 00:00-00:00")
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"TattooParlor",
      "name":"Schwarzstich","openingHours":["Mo 00:00-00:00","Tu-Fr 12:00-19:00","Sa 11:00-17:00"]}</script>"""
    site = merged(page("", ld))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-fr": ["12:00-19:00"], "sa": ["11:00-17:00"]})


def test_a_page_of_partners_and_links_gives_no_contact_data_of_the_business() -> None:
    links = page("links.html", "<main><h1>Links</h1><p>Gerüstbau Lohmann, Castrop-Rauxel</p><p>Tel. 0 23 05 / 8 14 40"
                               "</p><p>Zimmerei Brüggemann, Waltrop</p><p>Tel. 0 23 09 / 60 22 17</p></main>")
    site = merged(page("", FOOTER), links)
    assert [f.value for f in site.phones] == ["+492323123456"]


def test_a_departments_line_in_structured_data_is_the_business_own() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"AutoDealer",
      "name":"Autohaus Brenner","telephone":"+49 2305 9763-0","department":{"@type":"AutoRepair",
      "name":"Autohaus Brenner Werkstatt","telephone":"+49 2305 9763-20"}}</script>"""
    site = merged(page("", ld + "<main><p>Werkstatt: 02305 9763-20</p></main>"))
    assert [f.value for f in site.phones] == ["+49230597630", "+492305976320"]


def test_every_value_keeps_its_provenance() -> None:
    site = merged(page("", FOOTER), page("impressum.html", "<main><h1>Impressum</h1>"
                                                           "<p>Sodinger Straße 10<br>44627 Herne</p></main>"))
    prov = site.provenance()
    assert prov["phones"][0]["source_url"] == HOME
    assert prov["address"]["method"] == "impressum"
    assert 0 < prov["address"]["confidence"] <= 1
    assert site.sources()["address"] == HOME + "impressum.html"


def test_unreadable_pages_are_reported_not_fatal() -> None:
    bad = extract_page(b"", HOME + "leer.html", {})
    site = merged(page("", FOOTER), bad)
    assert site.errors == [HOME + "leer.html: empty body"]
    assert [f.value for f in site.phones] == ["+492323123456"]


def test_name_from_titles_skips_page_words() -> None:
    pages = [page("", "<p>x</p>", title="Startseite | Friseur Sonnenschein"),
             page("kontakt.html", "<p>x</p>", title="Kontakt | Friseur Sonnenschein")]
    site = merged(*pages)
    assert site.name is not None and site.name.value == "Friseur Sonnenschein"


def test_a_site_builders_host_name_is_not_the_business_name() -> None:
    meta = "<meta property='og:site_name' content='friseur-sonnenschein.jimdo.com'>"
    html = ("<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>Home - friseur-sonnenschein.jimdo.com"
            f"</title>{meta}</head><body><main><h1>Friseur Sonnenschein</h1></main>{FOOTER}</body></html>")
    site = merged(extract_page(html.encode(), HOME, {"Content-Type": "text/html; charset=utf-8"}))
    assert site.name is not None and site.name.value == "Friseur Sonnenschein"


def test_the_town_after_the_name_is_left_to_the_address() -> None:
    for title in ("Friseur Sonnenschein, Herne", "Friseur Sonnenschein in Herne", "Friseur Sonnenschein | Herne"):
        site = merged(page("", "<main><h2>Willkommen</h2></main>" + FOOTER, title=title))
        assert site.name is not None and site.name.value == "Friseur Sonnenschein", title
    # a town that is part of the name stays
    site = merged(page("", FOOTER, title="Friseur Herne-Süd"))
    assert site.name is not None and site.name.value == "Friseur Herne-Süd"


def _home(title: str, body: str, url: str = HOME) -> PageRecord:
    html = f"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><title>{title}</title></head><body>{body}" \
           "</body></html>"
    return extract_page(html.encode(), url, {"Content-Type": "text/html; charset=utf-8"})


def test_the_name_from_the_logo_a_welcome_heading_or_the_copyright_line() -> None:
    logo = "<header><a class='site-logo' href='/'><img src='/logo.png' alt='Friseur Sonnenschein Logo'></a></header>"
    assert merged(_home("Startseite", logo + "<main><h2>Ihr Salon</h2></main>")).to_feed()["name"] == \
        "Friseur Sonnenschein"
    welcome = "<main><h1>Herzlich willkommen bei Friseur Sonnenschein!</h1></main>"
    assert merged(_home("Home", welcome)).to_feed()["name"] == "Friseur Sonnenschein"
    notice = "<main><h2>Ihr Salon</h2></main><footer><p>© 2025 Friseur Sonnenschein | Webdesign by Pixelwerk</p>" \
             "</footer>"
    assert merged(_home("Startseite", notice)).to_feed()["name"] == "Friseur Sonnenschein"
    # a theme's own notice names the theme, not the business
    theme = "<main><h2>Ihr Salon</h2></main><footer><ul><li>© Pixelwerk</li><li>Design by Pixelwerk</li></ul></footer>"
    assert merged(_home("Startseite", theme)).to_feed()["name"] is None


def test_the_name_set_as_text_where_the_logo_would_be() -> None:
    for header in ("<p class='site-title'><a href='/' rel='home'>Hofladen Kemper</a></p>"
                   "<p class='site-description'>Frisch vom Hof</p>",
                   "<nav class='navbar'><a class='navbar-brand' href='/'>Hofladen Kemper</a></nav>"):
        assert merged(_home("Willkommen!", f"<header>{header}</header><main><h2>Frisch vom Hof</h2></main>")
                      ).to_feed()["name"] == "Hofladen Kemper"
    # a link's words in the logo's place name nothing
    assert merged(_home("Willkommen!", "<header><a class='logo' href='/'>Zur Startseite</a></header>"
                        "<main><h2>Frisch vom Hof</h2></main>")).to_feed()["name"] is None


def test_of_an_seo_titles_segments_the_one_the_domain_spells_is_the_name() -> None:
    title = "Friseur Herne | Haarschnitt, Farbe & Styling | Friseur Sonnenschein"
    assert merged(_home(title, "<main><h2>Ihr Salon</h2></main>")).to_feed()["name"] == "Friseur Sonnenschein"
    # served under an address without a name (a loopback copy), the mail domain tells the same
    site = merge_site([_home(title, "<main><p>E-Mail: info@friseur-sonnenschein.de</p></main>",
                             "http://127.0.0.1:8000/")], "http://127.0.0.1:8000/")
    assert site.to_feed()["name"] == "Friseur Sonnenschein"


def test_the_name_every_page_uses_beats_another_company_name_in_the_impressum() -> None:
    def site(brand: str, legal: str) -> str | None:
        pages = [page(p, f"<main><h1>{brand}</h1><p>Willkommen</p></main>", title=f"{brand} – Herne")
                 for p in ("", "team.html", "angebote.html")]
        imp = page("impressum.html", f"<main><h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>{legal}</p>"
                                     "<p>Hauptstraße 5, 44649 Herne</p></main>", title=f"Impressum – {brand}")
        return merged(*pages, imp).to_feed()["name"]

    assert site("Reisebüro Fernweh", "Fernweh Reisen GmbH") == "Reisebüro Fernweh"
    # the legal name that only adds the legal form is the name the Impressum states
    assert site("Bäckerei Friedrich", "Bäckerei Friedrich GmbH") == "Bäckerei Friedrich GmbH"
    # one in other words or with more of them is the register's; the listing shows the shop sign's
    assert site("Buchhandlung Seitenweise", "Seitenweise Buchhandlung GmbH") == "Buchhandlung Seitenweise"
    assert site("Bäckerei Schulte", "Bäckerei & Konditorei Schulte GmbH") == "Bäckerei Schulte"


def test_a_domain_spells_umlauts_with_an_e() -> None:
    title = "Fernweh Tours | Kreuzfahrten & Pauschalreisen | Reisebüro Fernweh"
    site = merge_site([_home(title, "<main><h2>Ihr Urlaub</h2></main>", "https://www.reisebuero-fernweh.de/")],
                      "https://www.reisebuero-fernweh.de/")
    assert site.to_feed()["name"] == "Reisebüro Fernweh"


def test_names_behind_page_words_and_trade_labels() -> None:
    def name(title: str, body: str) -> str | None:
        return merged(_home(title, body + FOOTER)).to_feed()["name"]

    assert name("Friseur Sonnenschein: Startseite", "<main><h2>Ihr Salon</h2></main>") == "Friseur Sonnenschein"
    assert name("Start", "<main><h1>Friseur Sonnenschein – Schönes Haar seit 1990</h1></main>") == \
        "Friseur Sonnenschein"
    assert name("Friseur Sonnenschein Meisterbetrieb", "<main><h2>Ihr Salon</h2></main>") == "Friseur Sonnenschein"
    # a greeting without a name names nothing
    assert name("Startseite", "<main><h1>Willkommen bei Ihrem Friseur in Herne</h1></main>") is None


def test_the_impressums_provider_and_the_welcome_agree_over_the_title() -> None:
    home = _home("Home - Sonnenschein Herne", "<main><h1>Willkommen im Friseursalon Sonnenschein</h1></main>")
    imprint = page("impressum/", "<main><h1>Impressum</h1><p>Friseursalon Sonnenschein</p><p>Inh. Eva Roth</p>"
                   "<p>Sodingen Straße 10</p><p>44627 Herne</p></main><footer><div>Impressum | Datenschutz | "
                   "Sitemap</div><div>Anmelden</div></footer>", title="Impressum - Sonnenschein Herne")
    assert merged(home, imprint).to_feed()["name"] == "Friseursalon Sonnenschein"


def test_hours_in_two_columns_read_one_after_the_other() -> None:
    days = "".join(f"<p>{d}</p>" for d in ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"))
    times = "".join(f"<p>{t}</p>" for t in ("10:00 - 18:00", "10:00 - 18:00", "geschlossen", "10:00 - 20:00",
                                            "10:00 - 18:00", "09:00 - 14:00"))
    site = merged(page("", f"<main><h2>Öffnungszeiten</h2><div class='col'>{days}</div><div class='col'>{times}"
                           "</div></main>"))
    assert site.to_feed()["opening_hours"] == week({"mo,tu,fr": ["10:00-18:00"]}, th=["10:00-20:00"],
                                                   sa=["09:00-14:00"])


def test_office_hours_are_the_main_schedule_beside_a_course() -> None:
    site = merged(page("", "<main><h2>Bürozeiten</h2><p>Mo, Mi, Do: 16:00 – 18:30 Uhr</p><h2>Theorieunterricht</h2>"
                           "<p>Di und Do 18:30 – 20:00 Uhr</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo,we,th": ["16:00-18:30"]})


def test_a_services_own_times_and_dated_exceptions_do_not_change_the_week() -> None:
    rows = "".join(f"<tr><td>{d}</td><td>8:00 - 12:00 Uhr</td></tr>" for d in ("Montag", "Dienstag", "Freitag"))
    site = merged(page("", f"<main><h2>Sprechzeiten</h2><table>{rows}</table><p>Blutabnahmen täglich von 7:30 bis "
                           "9:00 Uhr (nüchtern).</p></main>"))
    assert site.to_feed()["opening_hours"] == week({"mo,tu,fr": ["08:00-12:00"]})
    assert [o.value.label for o in site.other_hours] == ["Blutabnahmen"]
    site = merged(page("", "<main><h2>Öffnungszeiten</h2><ul><li>Montag – Freitag 8.30 – 18.30 Uhr</li><li>Sonntag "
                           "10.00 – 12.00 Uhr</li></ul><p>Sonderöffnungszeiten: Muttertag 8–13 Uhr · Silvester 8–14 Uhr"
                           "</p></main>"))
    assert site.to_feed()["opening_hours"] == week({"mo-fr": ["08:30-18:30"]}, su=["10:00-12:00"])


def test_a_brunch_is_a_side_schedule_and_a_prose_heading_names_the_hours() -> None:
    site = merged(page("", "<main><h3>Sonntagsbrunch</h3><p>Jeden Sonntag 10–14 Uhr, Reservierung empfohlen.</p>"
                           "<h2>Wann wir für euch da sind</h2><p>Mittwoch bis Sonntag von 10 bis 18 Uhr.</p></main>"))
    assert site.to_feed()["opening_hours"] == week({"we-su": ["10:00-18:00"]})


def test_a_neighbours_address_in_a_paragraph_does_not_take_the_business_number() -> None:
    home = page("", "<main><h1>Willkommen in der Praxis</h1><p>Termine unter 0209/5 87 93 10.</p><p>Am Wochenende "
                    "wenden Sie sich bitte an die Tierklinik Nord, Kanalstraße 210, 45888 Gelsenkirchen, Tel. 0209 "
                    "9123400.</p><h3>Kontakt</h3><p>Zum Stadtgarten 9</p><p>45897 Gelsenkirchen</p><p>Tel.: 0209/5 87 "
                    "93 10</p></main>")
    imprint = page("impressum/", "<main><h1>Impressum</h1><p>Tierarztpraxis am Stadtgarten</p><p>Zum Stadtgarten 9, "
                                 "45897 Gelsenkirchen</p><p>Telefon: 0209/5 87 93 10</p></main>")
    assert merged(home, imprint).to_feed()["phones"] == ["+492095879310"]


def test_a_number_the_page_refers_to_is_not_the_business_number() -> None:
    site = merged(page("", "<main><p>Außerhalb unserer Öffnungszeiten finden Sie die nächste Notdienstapotheke unter "
                           "0800 00 22 8 33.</p></main>" + FOOTER))
    assert site.to_feed()["phones"] == ["+492323123456"]


def test_a_lunch_break_sentence_under_the_office_hours_splits_them() -> None:
    site = merged(page("kontakt.html", "<main><h2>Bürozeiten</h2><p>Montag bis Donnerstag 8:30 – 17:00 Uhr, Freitag "
                                       "8:30 – 14:00 Uhr.<br>Mittagspause täglich von 12:30 bis 13:30 Uhr.<br>Termine "
                                       "außerhalb der Bürozeiten nach Vereinbarung.</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-th": ["08:30-12:30", "13:30-17:00"]},
                                                 fr=["08:30-12:30", "13:30-14:00"])


def test_a_table_with_the_days_as_columns_gives_each_day_its_cells() -> None:
    head = "<tr><th></th>" + "".join(f"<th>{d}</th>" for d in ("Mo", "Di", "Mi", "Do", "Fr", "Sa")) + "</tr>"
    morning = "<tr><th>Vormittag</th>" + "<td>9–13</td>" * 5 + "<td>9–14</td></tr>"
    afternoon = "<tr><th>Nachmittag</th><td>15–18</td><td>15–18</td><td>–</td><td>15–18</td><td>15–18</td>" \
                "<td>–</td></tr>"
    site = merged(page("", f"<main><h2>Öffnungszeiten</h2><table>{head}{morning}{afternoon}</table></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-tu": ["09:00-13:00", "15:00-18:00"],
                                                  "th-fr": ["09:00-13:00", "15:00-18:00"]},
                                                 we=["09:00-13:00"], sa=["09:00-14:00"])
    cells = "<tr>" + "".join(f"<td>{d}</td>" for d in ("Mo", "Di", "Mi", "Do", "Fr")) + "</tr>" \
        "<tr>" + "<td>9-13</td>" * 4 + "<td>geschlossen</td></tr>"
    one_line = merged(page("", f"<main><h2>Öffnungszeiten</h2><table>{cells}</table></main>"))
    assert one_line.opening_hours is not None
    assert one_line.opening_hours.value.week == week({"mo-th": ["09:00-13:00"]})


def test_a_bars_happy_hour_is_not_its_opening_hours() -> None:
    site = merged(page("", "<main><h2>Öffnungszeiten</h2><table><tr><th>Di – Do</th><td>17 – 23 Uhr</td></tr>"
                           "<tr><th>Fr + Sa</th><td>20 – 3 Uhr</td></tr></table><p>Happy Hour: dienstags bis "
                           "donnerstags von 17 bis 19 Uhr alle Cocktails zum halben Preis.</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-th": ["17:00-23:00"], "fr-sa": ["20:00-03:00"]})


def test_a_dated_sunday_opening_is_no_weekly_sunday() -> None:
    site = merged(page("", "<main><h2>Wann Sie uns finden</h2><p>Unser Laden ist dienstags bis freitags von 8.30 bis "
                           "18 Uhr geöffnet, samstags von 8 bis 13 Uhr.</p><p>Am Muttertag (Sonntag, 10. Mai) öffnen "
                           "wir ausnahmsweise von 10 bis 12 Uhr.</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-fr": ["08:30-18:00"]}, sa=["08:00-13:00"])


def test_news_of_changed_hours_loses_to_the_standing_schedule() -> None:
    news = "<section class='news'><h3>Neue Öffnungszeiten</h3><p>Ab 1. März 2019 neue Öffnungszeiten: Mo–Fr " \
           "9–19 Uhr, Sa 9–16 Uhr.</p></section>"
    home = page("", f"<main><h2>Öffnungszeiten</h2><p>Mo–Fr 9:30–18:30 Uhr<br>Sa 9:00–14:00 Uhr</p>{news}</main>")
    site = merged(home, page("aktuelles.html", f"<main>{news}</main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["09:30-18:30"]}, sa=["09:00-14:00"])
    only_news = merged(page("aktuelles.html", f"<main>{news}</main>"))
    assert only_news.opening_hours is not None
    assert only_news.opening_hours.value.week == week({"mo-fr": ["09:00-19:00"]}, sa=["09:00-16:00"])


SEASONS = "<main><div><h2>Sommersaison</h2><p>15. März – 31. Oktober</p><p>täglich 11:00 – 22:00 Uhr</p></div>" \
          "<div><h2>Wintersaison</h2><p>1. November – 14. März</p><p>Mi – So 12:00 – 18:00 Uhr<br>Mo + Di " \
          "Ruhetag</p></div></main>"


def test_the_season_that_holds_on_the_crawl_day_gives_the_opening_hours() -> None:
    winter = merged(page("", SEASONS), today=date(2026, 11, 24))
    assert winter.opening_hours is not None
    assert winter.opening_hours.value.week == week({"we-su": ["12:00-18:00"]})
    assert [s.value.label for s in winter.other_hours] == ["Sommersaison (15. März – 31. Oktober)"]
    summer = merged(page("", SEASONS), today=date(2026, 7, 1))
    assert summer.opening_hours is not None
    assert summer.opening_hours.value.week == week({"mo-su": ["11:00-22:00"]})


def test_season_lines_between_the_weeks_of_one_heading_part_them() -> None:
    cafe = "<main><h3>Öffnungszeiten Hofcafé</h3><p><strong>Sommersaison (Ostern bis 31. Oktober)</strong><br>" \
           "Mittwoch bis Sonntag 14:00 – 18:00 Uhr</p><p><strong>Wintersaison (1. November bis Ostern)</strong><br>" \
           "Samstag 13:00 – 17:30 Uhr<br>Sonntag 10:00 – 17:30 Uhr</p></main>"
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"CafeOrCoffeeShop",
      "name":"Hofcafé","openingHours":"We-Su 14:00-18:00"}</script>"""
    site = merged(page("", ld + cafe), today=date(2026, 11, 24))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week(sa=["13:00-17:30"], su=["10:00-17:30"])
    nursery = "<main><h2>Öffnungszeiten</h2><p>Frühjahrssaison (1. März bis 30. Juni)</p><p>Mo–Sa 8:00 – 19:00 Uhr" \
              "<br>So 10:00 – 12:00 Uhr</p><p>Übriges Jahr</p><p>Mo–Fr 8:30 – 12:30 und 14:30 – 18:00 Uhr<br>Sa " \
              "8:30 – 13:00 Uhr</p></main>"
    site = merged(page("", nursery), today=date(2026, 11, 24))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["08:30-12:30", "14:30-18:00"]}, sa=["08:30-13:00"])


def test_a_line_per_season_gives_one_schedule_per_season() -> None:
    lines = "<main><h2>Öffnungszeiten</h2><p>Vom 1. April bis 31. Oktober: täglich 10–18 Uhr<br>Vom 1. November " \
            "bis 31. März: Sa + So 11–17 Uhr</p></main>"
    winter = merged(page("", lines), today=date(2026, 11, 24))
    assert winter.opening_hours is not None
    assert winter.opening_hours.value.week == week({"sa-su": ["11:00-17:00"]})
    summer = merged(page("", lines), today=date(2027, 5, 3))
    assert summer.opening_hours is not None
    assert summer.opening_hours.value.week == week({"mo-su": ["10:00-18:00"]})


def test_hours_for_part_of_the_year_under_the_week_are_a_note_not_the_week() -> None:
    for extra in ("Im Dezember auch sonntags 13–18 Uhr", "(Ab 01.12. bis 23.12. samstags bis 18 Uhr)",
                  "Vom 1. Mai bis 30. September zusätzlich So 10–14 Uhr", "In der Adventszeit samstags 9–18 Uhr"):
        site = merged(page("", f"<main><h2>Öffnungszeiten</h2><p>Mo–Fr 9–18 Uhr<br>Sa 9–14 Uhr</p><p>{extra}</p>"
                               "</main>"), today=date(2026, 11, 24))
        assert site.opening_hours is not None
        assert site.opening_hours.value.week == week({"mo-fr": ["09:00-18:00"]}, sa=["09:00-14:00"]), extra
        assert site.opening_hours_note is not None and extra in site.opening_hours_note.value


def test_structured_data_giving_a_season_that_is_over_yields_to_the_season_in_force() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"IceCreamShop",
      "name":"Eiscafé Dolomiti","openingHours":"Mo-Su 11:00-22:00"}</script>"""
    winter = merged(page("", ld + SEASONS), today=date(2026, 11, 24))
    assert winter.opening_hours is not None
    assert winter.opening_hours.value.week == week({"we-su": ["12:00-18:00"]})
    summer = merged(page("", ld + SEASONS), today=date(2026, 7, 1))
    assert summer.opening_hours is not None and summer.opening_hours.provenance.method == "jsonld"


def test_a_table_with_a_schedule_per_column_is_read_as_two_schedules() -> None:
    table = "<table><tr><th></th><th>Sommer<br><small>(März – Oktober)</small></th><th>Winter<br><small>(November " \
            "– Februar)</small></th></tr><tr><th>Montag – Freitag</th><td>8:00 – 19:00 Uhr</td><td>9:00 – 18:00 " \
            "Uhr</td></tr><tr><th>Samstag</th><td>8:00 – 16:00 Uhr</td><td>9:00 – 14:00 Uhr</td></tr></table>"
    site = merged(page("", f"<main><h2>Öffnungszeiten</h2>{table}</main>"), today=date(2026, 11, 24))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["09:00-18:00"]}, sa=["09:00-14:00"])
    shop = "<table><tr><td></td><td>Verkauf</td><td>Werkstatt</td></tr><tr><td>Mo – Fr</td><td>9 – 18 Uhr</td>" \
           "<td>7:30 – 17 Uhr</td></tr><tr><td>Sa</td><td>9 – 14 Uhr</td><td>geschlossen</td></tr></table>"
    bikes = merged(page("", f"<main><h2>Öffnungszeiten</h2>{shop}</main>"))
    assert bikes.opening_hours is not None
    assert bikes.opening_hours.value.week == week({"mo-fr": ["09:00-18:00"]}, sa=["09:00-14:00"])
    assert [(s.value.label, s.value.week) for s in bikes.other_hours] == \
        [("Werkstatt", week({"mo-fr": ["07:30-17:00"]}))]
    shifts = "<table><tr><th></th><th>Vormittag</th><th>Nachmittag</th></tr><tr><th>Mo – Fr</th><td>9 – 13 Uhr</td>" \
             "<td>15 – 18 Uhr</td></tr></table>"
    practice = merged(page("", f"<main><h2>Öffnungszeiten</h2>{shifts}</main>"))
    assert practice.opening_hours is not None
    assert practice.opening_hours.value.week == week({"mo-fr": ["09:00-13:00", "15:00-18:00"]})


def test_hours_for_the_school_holidays_do_not_overwrite_the_week() -> None:
    site = merged(page("", "<main><h2>Büro</h2><p>Unser Büro ist Mo – Fr von 14:00 bis 18:00 Uhr besetzt.</p><p>In "
                           "den Schulferien NRW ist das Büro nur dienstags von 15 bis 17 Uhr besetzt.</p></main>"))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["14:00-18:00"]})
    assert [(s.value.label, s.value.week) for s in site.other_hours] == \
        [("In den Schulferien", week(tu=["15:00-17:00"]))]


def test_the_brand_in_every_pages_title_beats_another_company_name_without_a_welcome_heading() -> None:
    brand = "Hörakustik Klangvoll"
    pages = [page(p, "<main><h1>Besser hören – mehr erleben.</h1><p>Willkommen</p></main>",
                  title=f"{t} | {brand}" if t else brand)
             for p, t in (("", ""), ("kontakt.html", "Kontakt"), ("filialen.html", "Filialen"))]
    imp = page("impressum.html", "<main><h1>Impressum</h1><p>Angaben gemäß § 5 DDG</p><p>Klangvoll Hörsysteme GmbH</p>"
                                 "<p>Hauptstraße 5, 44649 Herne</p></main>", title=f"Impressum | {brand}")
    assert merged(*pages, imp).to_feed()["name"] == brand


def test_a_beer_gardens_summer_hours_stay_the_beer_gardens_in_summer() -> None:
    garden = "<h2>Biergarten</h2><p>Mai – September</p><p>täglich 12:00–23:00 Uhr</p>"
    site = merged(page("", f"<main>{garden}<h2>Öffnungszeiten</h2><p>Di–So 11:30–22:00 Uhr</p></main>"),
                  page("biergarten.html", f"<main>{garden}</main>"), today=date(2026, 7, 1))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-su": ["11:30-22:00"]})


def test_a_platforms_help_desk_address_is_not_the_business_address() -> None:
    site = merged(page("", "<main><p>E-Mail: praxis@augenarzt-hollmann.de</p><p>Fragen zur Online-Buchung: "
                           "hilfe@terminpilot.de</p></main>"))
    assert [f.value for f in site.emails] == ["praxis@augenarzt-hollmann.de"]
    # a business whose only address is a support mailbox keeps it
    alone = merged(page("", "<main><p>E-Mail: support@pc-doktor-herne.de</p></main>"))
    assert [f.value for f in alone.emails] == ["support@pc-doktor-herne.de"]


def test_markup_never_shown_loses_to_the_impressums_text() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"AutoRepair",
      "name":"Kfz Yıldız","telephone":"+49 209 8891234","email":"kfz-yildiz@t-online.de",
      "address":{"@type":"PostalAddress","streetAddress":"Wanner Straße 48","postalCode":"45888",
      "addressLocality":"Gelsenkirchen"}}</script>"""
    footer = "<footer><p>Tel. 0209 1769420 · service@kfz-yildiz.de</p></footer>"
    imprint = "<main><h1>Impressum</h1><p>Kfz Yıldız<br>Bochumer Straße 212<br>45886 Gelsenkirchen</p><p>Telefon: " \
              "0209 1769420<br>E-Mail: service@kfz-yildiz.de</p></main>"
    site = merged(page("", ld + "<main><h1>Kfz Yıldız</h1></main>" + footer),
                  page("impressum.html", ld + imprint + footer))
    assert [f.value for f in site.phones] == ["+492091769420"]
    assert [f.value for f in site.emails] == ["service@kfz-yildiz.de"]
    assert site.address is not None and site.address.value.street == "Bochumer Straße 212"
    # without an Impressum that states its own, the markup's values stay
    site = merged(page("", ld + "<main><h1>Kfz Yıldız</h1></main>"))
    assert [f.value for f in site.phones] == ["+492098891234"]
    assert site.address is not None and site.address.value.street == "Wanner Straße 48"


def test_markup_hours_no_page_shows_lose_a_tie_of_several_pages() -> None:
    ld = """<script type="application/ld+json">{"@context":"https://schema.org","@type":"JewelryStore",
      "name":"Goldschmiede Alberts","openingHours":["Mo-Fr 10:00-18:00","Sa 10:00-14:00"]}</script>"""
    aside = "<aside><h3>Öffnungszeiten</h3><p>Di–Fr 10:00–13:00 und 14:30–18:00 Uhr<br>Sa 10:00–14:00 Uhr</p></aside>"
    site = merged(*(page(p, ld + f"<main><h1>{p or 'Start'}</h1></main>" + aside) for p in ("", "atelier.html",
                                                                                           "kontakt.html")))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"tu-fr": ["10:00-13:00", "14:30-18:00"]}, sa=["10:00-14:00"])


def test_a_side_services_week_under_the_opening_hours_is_its_own() -> None:
    kiosk = "<main><h2>Öffnungszeiten</h2><p><strong>Montag bis Freitag:</strong> 6.00 – 22.00 Uhr<br><strong>" \
            "Samstag:</strong> 7.00 – 24.00 Uhr<br><strong>Sonntag &amp; Feiertag:</strong> 8.00 – 22.00 Uhr</p>" \
            "<p>Paketshop: Mo–Sa 9–20 Uhr<br>Lotto-Annahmeschluss: Mittwoch 18 Uhr, Samstag 19 Uhr</p></main>"
    site = merged(page("", kiosk))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-fr": ["06:00-22:00"]}, sa=["07:00-24:00"], su=["08:00-22:00"])
    grill = "<main><h2>Öffnungszeiten</h2><ul><li>Mo – Do: 11:00 – 01:00 Uhr</li><li>Fr – Sa: 11:00 – 03:00 Uhr</li>" \
            "<li>So: 12:00 – 01:00 Uhr</li></ul><p>Durchgehend warme Küche. Lieferung über Lieferando täglich " \
            "17:00 – 00:00 Uhr.</p></main>"
    site = merged(page("", grill))
    assert site.opening_hours is not None
    assert site.opening_hours.value.week == week({"mo-th": ["11:00-01:00"], "fr-sa": ["11:00-03:00"]},
                                                 su=["12:00-01:00"])
