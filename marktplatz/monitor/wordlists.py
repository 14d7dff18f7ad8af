"""Word lists, host lists and thresholds of the health check and the audit, kept as data apart from the logic.

Everything here is matched against lower-cased text, URLs or host names. Add entries; the checks pick them up.
"""

from __future__ import annotations

import re
from datetime import date

# -- health: where a redirect or a page leads -------------------------------------------------------------------

# Registered domains of social networks and business profiles: a trader "website" that only leads there.
SOCIAL_MEDIA_DOMAINS: dict[str, str] = {
    "facebook.com": "Facebook", "fb.com": "Facebook", "fb.me": "Facebook", "instagram.com": "Instagram",
    "linkedin.com": "LinkedIn", "xing.com": "XING", "twitter.com": "X (Twitter)", "x.com": "X (Twitter)",
    "tiktok.com": "TikTok", "youtube.com": "YouTube", "pinterest.com": "Pinterest", "pinterest.de": "Pinterest",
    "business.site": "Google-Unternehmensprofil", "g.page": "Google-Unternehmensprofil",
    "linktr.ee": "Linktree", "threads.net": "Threads", "whatsapp.com": "WhatsApp", "wa.me": "WhatsApp",
}

# Domain-parking and domain-sale services: a redirect there (or their scripts on the page) means "parked".
PARKING_DOMAINS = frozenset({
    "sedo.com", "sedoparking.com", "parkingcrew.net", "bodis.com", "dan.com", "afternic.com", "hugedomains.com",
    "above.com", "uniregistry.com", "domainmarket.com", "parklogic.com", "undeveloped.com", "sav.com",
    "buydomains.com", "domainnameshop.com", "parked.com", "skenzo.com", "voodoo.com", "namebright.com",
    "atom.com", "squadhelp.com", "epik.com", "domain-for-sale.de", "domainprofi.de", "ionos-parking.de",
})

# Phrases of parking, for-sale and placeholder pages (German hosters and registrars, English parking services).
PARKED_PHRASES: tuple[tuple[str, str], ...] = (
    (r"diese domain (steht|ist) zum verkauf", "for_sale"),
    (r"domain (steht|ist) zum verkauf", "for_sale"),
    (r"diese domain kaufen|domain jetzt kaufen|domain erwerben", "for_sale"),
    (r"(this|the) domain (name )?(is|may be|might be) for sale", "for_sale"),
    (r"buy this domain|domain for sale|make an offer on this domain", "for_sale"),
    (r"domain (is )?parked|parked (free|domain)|domain parking", "parking"),
    (r"diese domain (wurde|ist) (soeben |gerade |bereits )?(registriert|reserviert)", "placeholder"),
    (r"hier entsteht (in k(ü|ue)rze )?(eine|unsere|die) (neue )?(internetpr(ä|ae)senz|website|webseite|homepage)",
     "placeholder"),
    (r"diese (website|webseite|seite) (ist )?(befindet sich )?(im aufbau|in bearbeitung)", "placeholder"),
    (r"under construction|website coming soon|site coming soon", "placeholder"),
    (r"welcome to nginx!|apache2 (ubuntu|debian) default page|it works!|plesk (default|standard)",
     "server_default"),
    (r"default web site page|web server'?s? default page|iis windows server", "server_default"),
)
PARKED_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), kind) for p, kind in PARKED_PHRASES)
# A parking phrase on a page with this much text is a real site that mentions domains (a web agency, a blog post).
PARKED_MAX_TEXT_CHARS = 2500
PARKED_MAX_LINKS = 25

# -- privacy: trackers, embeds, consent tools, remote fonts and CDNs ----------------------------------------------

# Needle in a script `src` or inline script → what it is (as a shop owner would call it).
TRACKERS: tuple[tuple[str, str], ...] = (
    ("google-analytics.com/", "Google Analytics"), ("googletagmanager.com/gtag/js", "Google Analytics"),
    ("googletagmanager.com/gtm.js", "Google Tag Manager"), ("gtag('config'", "Google Analytics"),
    ('gtag("config"', "Google Analytics"), ("ga('create'", "Google Analytics"),
    ("googleadservices.com", "Google Ads"), ("doubleclick.net", "Google Ads"),
    ("connect.facebook.net", "Facebook-Pixel"), ("fbq('init'", "Facebook-Pixel"), ('fbq("init"', "Facebook-Pixel"),
    ("static.hotjar.com", "Hotjar"), ("script.hotjar.com", "Hotjar"), ("clarity.ms/", "Microsoft Clarity"),
    ("mc.yandex.ru/metrika", "Yandex Metrica"), ("snap.licdn.com", "LinkedIn Insight"),
    ("analytics.tiktok.com", "TikTok-Pixel"), ("bat.bing.com", "Microsoft Ads"),
    ("static.ads-twitter.com", "X-Pixel"), ("s.pinimg.com/ct/", "Pinterest-Tag"),
)
# Third-party embeds that send visitor data as soon as the page loads (iframe/script src needles).
EMBEDS: tuple[tuple[str, str], ...] = (
    ("youtube.com/embed", "YouTube-Videos"), ("youtube.com/iframe_api", "YouTube-Videos"),
    ("google.com/maps/embed", "Google Maps"), ("maps.google.", "Google Maps"),
    ("maps.googleapis.com/maps/api/js", "Google Maps"), ("player.vimeo.com", "Vimeo-Videos"),
    ("facebook.com/plugins", "Facebook-Plugins"), ("platform.twitter.com/widgets", "X-(Twitter-)Widgets"),
    ("instagram.com/embed", "Instagram-Beiträge"), ("elfsight", "Elfsight-Widgets"),
)
# Consent tools (cookie banners that ask before loading): any of these needles in the page's HTML.
CONSENT_TOOLS: tuple[tuple[str, str], ...] = (
    ("cookiebot", "Cookiebot"), ("usercentrics", "Usercentrics"), ("borlabs-cookie", "Borlabs Cookie"),
    ("borlabscookie", "Borlabs Cookie"), ("onetrust", "OneTrust"), ("cookielaw.org", "OneTrust"),
    ("klaro", "Klaro"), ("cookieyes", "CookieYes"), ("cookie-law-info", "CookieYes"), ("complianz", "Complianz"),
    ("cmplz", "Complianz"), ("consentmanager", "consentmanager"), ("iubenda", "iubenda"), ("ccm19", "CCM19"),
    ("real-cookie-banner", "Real Cookie Banner"), ("didomi", "Didomi"), ("quantcast", "Quantcast Choice"),
    ("trustarc", "TrustArc"), ("cookie-script.com", "Cookie-Script"), ("cookiefirst", "CookieFirst"),
    ("termly", "Termly"), ("osano", "Osano"), ("tarteaucitron", "tarteaucitron"),
    ("cookieconsent", "Cookie Consent"), ("moove_gdpr", "GDPR Cookie Compliance"),
    ("gdpr-cookie-compliance", "GDPR Cookie Compliance"), ("cookie-notice", "Cookie Notice"),
    ("cookie_notice", "Cookie Notice"), ("axeptio", "Axeptio"), ("cookiehub", "CookieHub"),
)
# Attributes by which consent tools hold a script back until the visitor agrees.
CONSENT_GATE_ATTRIBUTES = ("data-cookieconsent", "data-cookiecategory", "data-category", "data-borlabs-cookie",
                           "data-usercentrics", "data-cmplz-src", "data-type", "data-consent", "data-name")

GOOGLE_FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")
GOOGLE_FONT_INLINE = ("webfont.load", "google: {", "google:{")

# Public CDNs and font services that see every visitor's IP address when the page loads assets from them.
REMOTE_ASSET_HOSTS = (
    "ajax.googleapis.com", "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "code.jquery.com",
    "maxcdn.bootstrapcdn.com", "stackpath.bootstrapcdn.com", "netdna.bootstrapcdn.com", "use.fontawesome.com",
    "kit.fontawesome.com", "use.typekit.net", "p.typekit.net", "fast.fonts.net", "cdn.rawgit.com",
    "ajax.aspnetcdn.com", "code.ionicframework.com", "cdn.datatables.net", "maps.gstatic.com",
)

# -- legal texts --------------------------------------------------------------------------------------------------

# (pattern, in force since, what it is — German, for the message). Matched on page text and link URLs.
OBSOLETE_LEGAL: tuple[tuple[re.Pattern[str], date, str], ...] = (
    (re.compile(r"ec\.europa\.eu/consumers/odr|plattform zur online-streitbeilegung|os-plattform"),
     date(2025, 7, 20), "Link auf die EU-Streitschlichtungsplattform (OS-Plattform), die am 20.07.2025 "
                        "abgeschaltet wurde"),
    (re.compile(r"§\s*5\s*(abs\.\s*\d\s*)?tmg|telemediengesetz(es)?\b|§\s*\d+\s*(abs\.\s*\d+\s*)?tmg\b"),
     date(2024, 5, 14), "Verweis auf das Telemediengesetz (TMG), das seit 14.05.2024 durch das "
                        "Digitale-Dienste-Gesetz (DDG) ersetzt ist"),
    (re.compile(r"§\s*55\s*(abs\.\s*\d\s*)?rstv|rundfunkstaatsvertrag"),
     date(2020, 11, 7), "Verweis auf den Rundfunkstaatsvertrag (RStV), der seit 07.11.2020 durch den "
                        "Medienstaatsvertrag (MStV) ersetzt ist"),
)

PRIVACY_PAGE = re.compile(r"datenschutz|privacy|dsgvo|data[-_ ]?protection|gdpr")

# Legal forms whose Impressum must name the register (court and number); capital companies also their managers.
REGISTERED_FORMS = re.compile(r"\b(gmbh|ug|ag|kg|ohg|e\.\s?k\.|e\.\s?kfm\.|e\.\s?kfr\.|e\.\s?v\.|eg|partg|se|kgaa)\b")
CAPITAL_COMPANY_FORMS = re.compile(r"\b(gmbh|ug|ag|se|kgaa)\b")

# -- freshness ------------------------------------------------------------------------------------------------------

# Notices from the pandemic years: still on the page, they tell visitors nobody looks after the site.
CORONA_NOTICES = re.compile(
    r"\bcovid(-?19)?\b|\bcoronavirus\b|\bcorona[-\s]?(pandemie|krise|verordnung|schutz\w*|regel\w*|ma(ß|ss)nahmen|"
    r"bedingt\w*|zeit(en)?|virus|lage|test\w*|hilfe|auflagen)\b|\bmaskenpflicht\b|\b[23]g[-\s]?(plus[-\s]?)?regel\w*\b"
    r"|\blockdown\b|\bcoronaschutzverordnung\b|\bcorona-?\s?bedingt\b")
HOLIDAY_NOTICES = re.compile(r"betriebsurlaub|betriebsferien|urlaubsbedingt|wir machen urlaub|sommerpause|"
                             r"winterpause|wegen urlaub")
MONTHS_DE = {"januar": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3, "april": 4, "apr": 4,
             "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
             "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12, "dez": 12}

COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:by\s*)?((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}))?"
                       r"|((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)\d{2}))?\s*(?:©|&copy;|\(c\))")

# -- thresholds -----------------------------------------------------------------------------------------------------

TLS_WARN_DAYS = 21
SLOW_HOME_MS = 3000
HEAVY_HOME_BYTES = 600_000
HEAVY_HOME_RESOURCES = 120
COPYRIGHT_MAX_AGE_YEARS = 1  # "© 2025" is fine in 2026; "© 2024" is not
STALE_AFTER_DAYS = 2 * 365  # the newest date htmldate finds on the home page
IMPRESSUM_MAX_CLICKS = 2
EVIDENCE_EXAMPLES = 5
