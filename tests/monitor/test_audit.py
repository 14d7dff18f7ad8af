"""The site-quality audit on stored pages: which finding each kind of problem raises, in plain German, and how the
score follows from the findings. Fixture pages in `pages/` are named for what they show."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marktplatz.monitor.audit import AuditInput, AuditPage, audit_site, score
from marktplatz.monitor.catalog import SEVERITY_POINTS, SPECS

PAGES = Path(__file__).parent / "pages"
TODAY = date(2026, 11, 23)
SITE = "https://www.laden-herne.de/"
GOOD_FEED: dict[str, Any] = {"impressum_url": SITE + "impressum.html", "phones": ["+4923231234"], "emails": [],
                             "opening_hours": {"mo": ["09:00-18:00"]}, "impressum": None}


def page(name: str, url: str = SITE, kind: str = "home", links: list[list[str]] | None = None, **kw: Any) -> AuditPage:
    return AuditPage(url=url, kind=kind, body=(PAGES / name).read_bytes(), final_url=url, status=200,
                     links=links if links is not None else [[SITE + "impressum.html", "Impressum"],
                                                            [SITE + "datenschutz.html", "Datenschutz"]], **kw)


def audit(*pages: AuditPage, feed: dict[str, Any] | None = None, final_url: str = SITE, **kw: Any):
    return audit_site(AuditInput(home_url=SITE, final_url=final_url, pages=list(pages), feed=feed or GOOD_FEED,
                                 broken_links=kw.pop("broken_links", []), today=TODAY, **kw))


def codes(findings) -> set[str]:
    return {f.code for f in findings}


def test_well_kept_site_has_no_findings_and_full_score() -> None:
    findings = audit(page("home-well-kept.html"))
    assert findings == [] and score(findings) == 100


def test_site_without_https_is_flagged() -> None:
    assert "no_https" in codes(audit(page("home-well-kept.html"), final_url="http://www.laden-herne.de/"))


def test_google_fonts_from_google_servers_are_a_warning_letter_risk() -> None:
    (finding,) = [f for f in audit(page("google-fonts-linked-from-google.html")) if f.code == "google_fonts_remote"]
    assert finding.severity == "high" and "Google" in finding.message_de and "LG München I" in finding.message_de
    assert "fonts.googleapis.com" in finding.evidence["examples"][0]["resource"]


def test_analytics_and_maps_without_consent_tool_are_flagged_by_name() -> None:
    (finding,) = [f for f in audit(page("analytics-without-consent-banner.html"))
                  if f.code == "third_party_without_consent"]
    assert finding.evidence["services"] == ["Google Analytics", "Google Maps"]
    assert "Google Analytics und Google Maps" in finding.message_de


def test_analytics_behind_a_consent_tool_is_not_flagged() -> None:
    assert "third_party_without_consent" not in codes(audit(page("analytics-behind-cookiebot.html")))


def test_https_page_loading_http_resources_is_mixed_content_but_plain_links_are_not() -> None:
    (finding,) = [f for f in audit(page("https-page-loading-http-images.html")) if f.code == "http_mixed_content"]
    assert finding.evidence["count"] == 2


def test_old_wordpress_and_jquery_are_outdated_software_with_the_versions_named() -> None:
    (finding,) = [f for f in audit(page("old-wordpress-with-jquery-1.html")) if f.code == "outdated_software"]
    assert finding.severity == "high"
    assert {s["product"]: s["version"] for s in finding.evidence["software"]} == {
        "WordPress": "4.9.8", "jQuery": "1.12.4", "Bootstrap": "3.3.7"}
    assert "WordPress 4.9.8" in finding.message_de


def test_server_header_with_ended_php_version_is_outdated_software() -> None:
    home = page("home-well-kept.html", headers={"x-powered-by": "PHP/7.4.33"})
    (finding,) = [f for f in audit(home) if f.code == "outdated_software"]
    assert finding.evidence["software"][0]["eol"] == "2022-11-28"


def test_tmg_reference_and_odr_link_are_obsolete_legal_text() -> None:
    imp = page("impressum-citing-tmg-and-odr-platform.html", url=SITE + "impressum.html", kind="page", links=[])
    (finding,) = [f for f in audit(page("home-well-kept.html"), imp) if f.code == "obsolete_legal_text"]
    assert "Telemediengesetz" in finding.message_de and "Streitschlichtungsplattform" in finding.message_de


def test_odr_link_was_fine_before_the_platform_closed() -> None:
    imp = page("impressum-citing-tmg-and-odr-platform.html", url=SITE + "impressum.html", kind="page", links=[])
    findings = audit_site(AuditInput(SITE, SITE, [page("home-well-kept.html"), imp], GOOD_FEED, [],
                                     today=date(2024, 1, 10)))
    assert "obsolete_legal_text" not in codes(findings)


def test_corona_rules_still_online_are_stale_content() -> None:
    (finding,) = [f for f in audit(page("corona-rules-still-online.html")) if f.code == "stale_content"]
    assert finding.severity == "medium" and "Corona" in finding.message_de


def test_betriebsurlaub_that_is_over_is_stale_but_an_upcoming_one_is_not() -> None:
    (finding,) = [f for f in audit(page("betriebsurlaub-long-over.html")) if f.code == "stale_content"]
    assert finding.evidence["notices"][0]["until"] == "2023-08-15"
    assert "stale_content" not in codes(audit(page("betriebsurlaub-coming-up.html")))


def test_frameset_and_flash_are_legacy_markup() -> None:
    intro = page("flash-intro.html", url=SITE + "intro.html", kind="page")
    (finding,) = [f for f in audit(page("frameset-with-flash-intro.html"), intro) if f.code == "legacy_markup"]
    assert set(finding.evidence["kinds"]) >= {"Flash", "Frames"}


def test_table_layout_and_old_copyright_are_flagged() -> None:
    findings = audit(page("table-layout-with-font-tags.html"))
    (legacy,) = [f for f in findings if f.code == "legacy_markup"]
    assert "Tabellen-Layout" in legacy.evidence["kinds"]
    (old,) = [f for f in findings if f.code == "outdated_copyright"]
    assert old.evidence["year"] == 2015 and "2015" in old.message_de


def test_bare_home_page_lacks_viewport_title_description_and_language() -> None:
    assert codes(audit(page("frameset-with-flash-intro.html"))) >= {"no_viewport", "missing_description",
                                                                    "missing_lang"}


def test_impressum_three_clicks_away_is_too_deep() -> None:
    home = page("home-well-kept.html", links=[[SITE + "a.html", "A"], [SITE + "datenschutz.html", "Datenschutz"]])
    a = page("home-well-kept.html", url=SITE + "a.html", kind="page", links=[[SITE + "b.html", "B"]])
    b = page("home-well-kept.html", url=SITE + "b.html", kind="page", links=[[SITE + "impressum.html", "Imp"]])
    (finding,) = [f for f in audit(home, a, b) if f.code == "impressum_too_deep"]
    assert finding.evidence["clicks"] == 3 and "3 Klicks" in finding.message_de


def test_impressum_on_the_home_page_itself_is_not_too_deep() -> None:
    feed = {**GOOD_FEED, "impressum_url": SITE + "index.html#impressum"}
    assert "impressum_too_deep" not in codes(audit(page("home-well-kept.html", links=[]), feed=feed))


def test_impressum_found_only_by_guessing_its_address_is_not_linked() -> None:
    home = page("home-well-kept.html", links=[[SITE + "datenschutz.html", "Datenschutz"]])
    (finding,) = [f for f in audit(home) if f.code == "impressum_too_deep"]
    assert finding.evidence["clicks"] is None


def test_missing_impressum_and_datenschutz_are_legal_risks() -> None:
    home = page("home-well-kept.html", links=[])
    home = AuditPage(**{**home.__dict__, "body": re.sub(rb"<footer>.*</footer>", b"", home.body or b"", flags=re.S)})
    findings = audit(home, feed={**GOOD_FEED, "impressum_url": None})
    assert {"no_impressum", "no_datenschutz"} <= codes(findings)
    assert all(f.severity == "high" for f in findings if f.code in ("no_impressum", "no_datenschutz"))


def test_gmbh_impressum_without_register_and_managing_director_is_incomplete() -> None:
    feed = {**GOOD_FEED, "impressum": {"url": SITE + "impressum.html", "name": "Schreinerei Holz GmbH",
                                       "legal_form": "GmbH", "representatives": [], "emails": ["info@holz.de"],
                                       "address": {"street": "Holzweg 3", "postcode": "44623", "city": "Herne"},
                                       "register_court": None, "register_number": None}}
    (finding,) = [f for f in audit(page("home-well-kept.html"), feed=feed) if f.code == "impressum_incomplete"]
    assert finding.evidence["missing"] == ["Registergericht und Registernummer",
                                           "Vertretungsberechtigte (z. B. Geschäftsführer)"]


def test_sole_trader_impressum_with_name_address_and_email_is_complete() -> None:
    feed = {**GOOD_FEED, "impressum": {"url": SITE + "impressum.html", "name": "Blumen Albers",
                                       "legal_form": None, "emails": ["info@albers.de"],
                                       "address": {"street": "Bahnhofstraße 1", "postcode": "44623",
                                                   "city": "Herne"}}}
    assert "impressum_incomplete" not in codes(audit(page("home-well-kept.html"), feed=feed))


def test_no_hours_and_no_contact_on_the_site_are_flagged() -> None:
    feed = {"impressum_url": SITE + "impressum.html", "phones": [], "emails": [], "opening_hours": None}
    assert {"no_opening_hours_online", "no_contact_online"} <= codes(audit(page("home-well-kept.html"), feed=feed))


def test_broken_links_count_internal_and_external_and_name_examples() -> None:
    broken = [{"url": SITE + "alt.html", "status": 404, "found_on": SITE, "external": False},
              {"url": "https://partner.de/", "status": None, "error": "dns", "found_on": SITE, "external": True}]
    (finding,) = [f for f in audit(page("home-well-kept.html"), broken_links=broken) if f.code == "broken_links"]
    assert finding.severity == "low" and finding.evidence["internal"] == 1 and finding.evidence["external"] == 1
    assert finding.message_de.startswith("2 Links")


def test_invalid_or_expiring_certificate_is_flagged() -> None:
    expired = {"problems": ["expired"], "not_after": "2026-01-01T00:00:00+00:00", "days_left": -300}
    (finding,) = [f for f in audit(page("home-well-kept.html"), tls=expired) if f.code == "tls_invalid"]
    assert "abgelaufen" in finding.message_de
    soon = {"problems": [], "expiring": True, "days_left": 9, "valid": True}
    (finding,) = [f for f in audit(page("home-well-kept.html"), tls=soon) if f.code == "tls_expiring"]
    assert "9 Tagen" in finding.message_de


def test_parked_domain_is_one_finding_instead_of_an_audit_of_the_parking_page() -> None:
    findings = audit(page("parked-for-sale.html"), health={"parked": {"kind": "for_sale",
                                                                      "evidence": "domain steht zum verkauf"}})
    assert codes(findings) == {"parked_domain"} and score(findings) == 100 - SEVERITY_POINTS["high"]


def test_site_moved_to_facebook_is_named_as_such() -> None:
    findings = audit(page("home-well-kept.html"), health={"redirect_kind": "social_media", "platform": "Facebook"},
                     final_url="https://www.facebook.com/blumen.albers")
    assert [f.code for f in findings] == ["moved_to_social_media"] and "Facebook" in findings[0].message_de


def test_score_is_100_minus_the_points_of_the_findings() -> None:
    findings = audit(page("analytics-without-consent-banner.html"), final_url="http://www.laden-herne.de/")
    assert score(findings) == 100 - sum(SEVERITY_POINTS[f.severity] for f in findings)
    assert score(findings) < 100


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_every_finding_has_a_catalog_code_severity_and_a_filled_german_message(name: str) -> None:
    for f in audit(page(name), final_url="http://www.laden-herne.de/"):
        assert f.code in SPECS and f.severity in SPECS[f.code].all_severities()
        assert f.message_de and "{" not in f.message_de and isinstance(f.evidence, dict)


def test_garbage_bytes_served_as_html_give_findings_not_a_crash() -> None:
    junk = AuditPage(url=SITE, kind="home", body=bytes(range(256)) * 50, final_url=SITE, status=200)
    assert isinstance(audit(junk), list)
