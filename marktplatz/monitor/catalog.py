"""The stable finding codes: severity, the German message a shop owner reads, and what triggers each (as data).

`docs/findings.md` is this table in prose; a test keeps the two in step. Codes are stable: add, don't rename.
Messages are `str.format` templates filled from a finding's evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("high", "medium", "low", "info")
# Points a finding of each severity takes off the 100 a site starts with: the score is explained by its findings.
SEVERITY_POINTS = {"high": 15, "medium": 8, "low": 3, "info": 0}
SEVERITY_DE = {"high": "hoch", "medium": "mittel", "low": "niedrig", "info": "Hinweis"}


@dataclass(frozen=True)
class FindingSpec:
    code: str
    severity: str  # the usual severity; a few codes raise or lower it by their evidence (see `severities`)
    message: str  # German template
    trigger: str  # German: when the finding is raised (for docs/findings.md)
    severities: tuple[str, ...] = ()

    def all_severities(self) -> tuple[str, ...]:
        return self.severities or (self.severity,)


CATALOG: tuple[FindingSpec, ...] = (
    FindingSpec("no_https", "high",
                "Ihre Website ist nicht verschlüsselt (kein HTTPS). Browser zeigen Besuchern „Nicht sicher“ an, "
                "und Eingaben in Formularen sind ungeschützt.",
                "Die Startseite endet (nach allen Weiterleitungen) auf einer http://-Adresse."),
    FindingSpec("http_mixed_content", "medium",
                "Ihre Seite ist verschlüsselt, lädt aber {count} Bilder, Skripte oder Schriften unverschlüsselt "
                "nach. Browser blockieren das teilweise oder zeigen eine Warnung.",
                "Eine https-Seite bindet Skripte, Stylesheets, Bilder, Frames oder Medien über http:// ein."),
    FindingSpec("tls_invalid", "high",
                "Das Sicherheitszertifikat Ihrer Website ist ungültig ({reason}). Besucher sehen eine "
                "Warnung des Browsers und verlassen die Seite meist sofort.",
                "Das Zertifikat ist abgelaufen, selbst ausgestellt, für einen anderen Namen ausgestellt oder nicht "
                "von einer anerkannten Stelle unterschrieben (geprüft gegen den Zertifikatsspeicher des Systems)."),
    FindingSpec("tls_expiring", "medium",
                "Das Sicherheitszertifikat Ihrer Website läuft in {days_left} Tagen ab. Danach warnt jeder "
                "Browser vor Ihrer Seite. Bitte lassen Sie es rechtzeitig erneuern.",
                "Das Zertifikat ist noch gültig, läuft aber in weniger als 21 Tagen ab."),
    FindingSpec("no_viewport", "medium",
                "Ihre Startseite ist nicht für Smartphones eingerichtet: Sie wird dort winzig angezeigt, "
                "Besucher müssen zoomen.",
                "Die Startseite hat kein `<meta name=\"viewport\">`."),
    FindingSpec("heavy_home_page", "low",
                "Ihre Startseite ist sehr umfangreich ({detail}). Sie lädt auf dem Handy langsam und "
                "verbraucht viel Datenvolumen.",
                "Das HTML der Startseite ist größer als 600 KB oder sie bindet mehr als 120 Dateien ein."),
    FindingSpec("slow_home_page", "medium",
                "Ihre Startseite hat {seconds} Sekunden gebraucht, um zu antworten. Viele Besucher warten "
                "nicht so lange.",
                "Die Antwortzeit der Startseite lag über 3 Sekunden."),
    FindingSpec("no_impressum", "high",
                "Kein Impressum gefunden. Ein Impressum ist für geschäftliche Websites gesetzlich "
                "vorgeschrieben (§ 5 DDG); fehlt es, drohen Abmahnungen.",
                "Weder ein Link „Impressum“ noch eine Impressum-Seite unter den üblichen Adressen."),
    FindingSpec("impressum_too_deep", "medium",
                "Ihr Impressum ist schwer zu finden: {detail}. Es muss von der Startseite aus mit höchstens zwei "
                "Klicks erreichbar sein.",
                "Das Impressum ist mehr als zwei Klicks von der Startseite entfernt oder gar nicht verlinkt "
                "(nur unter einer üblichen Adresse gefunden)."),
    FindingSpec("impressum_incomplete", "medium",
                "Im Impressum fehlen Pflichtangaben: {missing}.",
                "Dem Impressum fehlen Angaben nach § 5 DDG: Name, vollständige Anschrift, E-Mail, ein zweiter "
                "schneller Kontaktweg; bei eingetragenen Firmen Registergericht und Registernummer; bei GmbH/UG/AG "
                "die Vertretungsberechtigten."),
    FindingSpec("no_datenschutz", "high",
                "Keine Datenschutzerklärung gefunden. Sie ist nach der DSGVO für jede Website Pflicht.",
                "Keine Seite und kein Link mit „Datenschutz“, „Privacy“ oder „DSGVO“ und kein solcher Abschnitt "
                "auf der Startseite."),
    FindingSpec("google_fonts_remote", "high",
                "Ihre Website lädt Schriften direkt von Google-Servern. Dabei geht die IP-Adresse jedes Besuchers "
                "an Google; dafür wurden nach einem Urteil des LG München I (2022) viele Abmahnungen verschickt. "
                "Die Schriften lassen sich einfach auf dem eigenen Server einbinden.",
                "Eine Seite bindet fonts.googleapis.com oder fonts.gstatic.com ein (Link, @import oder WebFont-"
                "Loader)."),
    FindingSpec("third_party_without_consent", "high",
                "Ihre Website lädt {what}, ohne die Besucher vorher um Einwilligung zu bitten (kein Cookie-Banner "
                "gefunden). Das verstößt gegen das Datenschutzrecht.",
                "Tracking (z. B. Google Analytics, Facebook-Pixel) oder Einbettungen (YouTube, Google Maps) werden "
                "direkt geladen, und kein Einwilligungs-Werkzeug (Cookiebot, Borlabs, Usercentrics …) ist zu sehen."),
    FindingSpec("remote_third_party_resources", "low",
                "Ihre Website lädt Dateien von fremden Servern ({hosts}). Dabei wird die IP-Adresse der Besucher "
                "weitergegeben; besser liegen diese Dateien auf dem eigenen Server.",
                "Skripte, Stylesheets oder Schriften kommen von öffentlichen CDNs (cdnjs, jsDelivr, Bootstrap-CDN, "
                "Font Awesome, Adobe Fonts …)."),
    FindingSpec("outdated_copyright", "low",
                "Im Copyright-Hinweis steht noch {year}. Das lässt die Seite veraltet wirken.",
                "Das neueste Jahr in einem ©-Hinweis liegt mehr als ein Jahr zurück."),
    FindingSpec("stale_content", "medium",
                "Ihre Website wirkt nicht gepflegt: {detail}.",
                "Alte Hinweise (Corona-Regeln, ein vergangener Betriebsurlaub) stehen noch auf der Seite (mittel), "
                "oder das neueste Datum auf der Startseite ist älter als zwei Jahre (niedrig, per htmldate).",
                ("medium", "low")),
    FindingSpec("obsolete_legal_text", "medium",
                "Ihre Rechtstexte sind veraltet: {detail}. Das wirkt unprofessionell und kann abgemahnt werden.",
                "Ein Link auf die abgeschaltete EU-OS-Plattform (seit 20.07.2025), „§ 5 TMG“/Telemediengesetz "
                "(seit 14.05.2024 DDG) oder der Rundfunkstaatsvertrag (seit 07.11.2020 MStV)."),
    FindingSpec("outdated_software", "high",
                "Ihre Website läuft mit veralteter Software ({items}). Dafür gibt es keine Sicherheitsupdates "
                "mehr; solche Seiten werden häufig gehackt.",
                "Generator-Tag, Dateinamen oder Server-Kopfzeilen nennen eine Version, deren Pflege laut "
                "Versionstabelle (marktplatz/monitor/versions.py) beendet ist: CMS hoch, Bibliotheken mittel.",
                ("high", "medium")),
    FindingSpec("legacy_markup", "medium",
                "Ihre Website ist mit veralteter Technik gebaut ({what}). Auf Smartphones und in heutigen Browsern "
                "funktioniert das schlecht oder gar nicht.",
                "Flash-Inhalte, Framesets, Tabellen als Seitenlayout oder veraltete Elemente (`<font>`, `<center>`, "
                "`<marquee>`)."),
    FindingSpec("missing_title", "low",
                "Ihre Startseite hat keinen Seitentitel. Er erscheint bei Google und im Browser-Tab.",
                "Die Startseite hat kein oder ein leeres `<title>`."),
    FindingSpec("missing_description", "low",
                "Ihre Startseite hat keine Kurzbeschreibung für Suchmaschinen. Google zeigt dann irgendeinen "
                "Textausschnitt an.",
                "Die Startseite hat kein oder ein leeres `<meta name=\"description\">`."),
    FindingSpec("missing_lang", "low",
                "Die Sprache Ihrer Seite ist nicht angegeben. Vorleseprogramme für sehbehinderte Menschen lesen "
                "den Text dann womöglich falsch vor.",
                "Das `<html>`-Element der Startseite hat kein lang-Attribut."),
    FindingSpec("images_without_alt", "low",
                "{count} Bilder haben keinen Alternativtext. Blinde Besucher und Suchmaschinen erfahren nicht, "
                "was darauf zu sehen ist.",
                "Bilder (`<img>`) ohne alt-Attribut auf den gelesenen Seiten (Zählpixel ausgenommen)."),
    FindingSpec("no_opening_hours_online", "low",
                "Auf Ihrer Website stehen keine Öffnungszeiten. Danach suchen Kunden am häufigsten.",
                "Die Auswertung hat weder Öffnungszeiten noch einen Hinweis wie „nach Vereinbarung“ gefunden."),
    FindingSpec("no_contact_online", "medium",
                "Auf Ihrer Website stehen weder Telefonnummer noch E-Mail-Adresse.",
                "Die Auswertung hat keine Telefonnummer und keine E-Mail-Adresse gefunden."),
    FindingSpec("broken_links", "medium",
                "{count} Links auf Ihrer Website führen ins Leere (Fehlerseite oder keine Antwort).",
                "Links auf den Seiten, deren Ziel mit einem Fehler (4xx/5xx) oder gar nicht antwortet; mehr als "
                "zwei: mittel, sonst niedrig.",
                ("medium", "low")),
    FindingSpec("parked_domain", "high",
                "Unter Ihrer Adresse ist keine eigene Website zu sehen, sondern eine Platzhalter- oder "
                "Verkaufsseite ({detail}).",
                "Die Startseite ist eine Parking-, Verkaufs-, Baustellen- oder Server-Standardseite, oder sie "
                "leitet zu einem Domain-Händler weiter."),
    FindingSpec("moved_to_social_media", "medium",
                "Ihre Adresse leitet nur auf {platform} weiter. Eine eigene Website mit Öffnungszeiten, Kontakt und "
                "Impressum fehlt.",
                "Die Startseite leitet auf ein soziales Netzwerk oder ein Profil (Facebook, Instagram, "
                "Google-Unternehmensprofil …) weiter."),
    FindingSpec("soft_404", "low",
                "Nicht vorhandene Seiten Ihrer Website melden keinen Fehler, sondern zeigen eine normale Seite. "
                "Suchmaschinen und Besucher erkennen so nicht, dass ein Link veraltet ist.",
                "Eine zufällige, nicht existierende Adresse der Website antwortet mit 200 (tägliche Prüfung)."),
)

SPECS: dict[str, FindingSpec] = {spec.code: spec for spec in CATALOG}


def spec(code: str) -> FindingSpec:
    return SPECS[code]
