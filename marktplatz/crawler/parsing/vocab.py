"""Word lists and page-name hints used by the extraction, kept as data apart from the algorithms.

Everything here is German (with a few English fallbacks) because the sites are German; the parsers in this package
import these tables and never hard-code words themselves. Patterns are plain strings; the modules that use them
compile them once at import.
"""

from __future__ import annotations

# --- days -----------------------------------------------------------------------------------------------------------

# Day names and abbreviations -> day key. Two-letter abbreviations are only recognised when written with a capital
# first letter (see hours.py), because "so", "do" and "mi" are also ordinary words.
DAY_WORDS: dict[str, str] = {
    "montag": "mo", "montags": "mo", "mon": "mo", "mo": "mo", "monday": "mo",
    "dienstag": "tu", "dienstags": "tu", "die": "tu", "dien": "tu", "di": "tu", "tue": "tu", "tues": "tu",
    "tuesday": "tu",
    "mittwoch": "we", "mittwochs": "we", "mitt": "we", "mi": "we", "wed": "we", "wednesday": "we",
    "donnerstag": "th", "donnerstags": "th", "donn": "th", "don": "th", "do": "th", "thu": "th", "thur": "th",
    "thurs": "th", "thursday": "th",
    "freitag": "fr", "freitags": "fr", "frei": "fr", "fr": "fr", "fri": "fr", "friday": "fr",
    "samstag": "sa", "samstags": "sa", "sonnabend": "sa", "sonnabends": "sa", "sam": "sa", "sa": "sa", "sat": "sa",
    "saturday": "sa",
    "sonntag": "su", "sonntags": "su", "sonn": "su", "so": "su", "sun": "su", "sunday": "su",
}
# Days with hours of their own, apart from the week: holidays and a shop's special Sundays (a pattern)
SPECIAL_DAYS = (r"heiligabend|silvester|weihnacht|oster|pfingst|muttertag|valentinstag|rosenmontag|karneval|"
                r"verkaufsoffen")
# Abbreviations that are also common words: only days when capitalised ("Mo", "MO") or followed by a dot.
AMBIGUOUS_DAY_ABBREVIATIONS = frozenset({"mo", "di", "mi", "do", "fr", "sa", "so", "die", "don", "frei", "mon",
                                         "sam", "sonn", "dien", "mitt", "donn", "sun", "sat", "wed", "tue", "thu",
                                         "fri"})
# Words that stand for a set of days.
DAY_GROUP_WORDS: dict[str, tuple[str, ...]] = {
    "täglich": ("mo", "tu", "we", "th", "fr", "sa", "su"),
    "taeglich": ("mo", "tu", "we", "th", "fr", "sa", "su"),
    "tägl": ("mo", "tu", "we", "th", "fr", "sa", "su"),
    "jeden tag": ("mo", "tu", "we", "th", "fr", "sa", "su"),
    "daily": ("mo", "tu", "we", "th", "fr", "sa", "su"),
    # "Werktage" are Monday to Saturday in German law (BUrlG § 3); a later "Sa ..." rule overrides Saturday.
    "werktags": ("mo", "tu", "we", "th", "fr", "sa"),
    "werktäglich": ("mo", "tu", "we", "th", "fr", "sa"),
    "wochentags": ("mo", "tu", "we", "th", "fr"),
    "montags bis freitags": ("mo", "tu", "we", "th", "fr"),
    "am wochenende": ("sa", "su"),
    "wochenende": ("sa", "su"),
    "wochenends": ("sa", "su"),
}
HOLIDAY_WORDS = ("feiertag", "feiertags", "feiertage", "feiertagen", "ph")

# --- opening hours --------------------------------------------------------------------------------------------------

CLOSED_WORDS = ("geschlossen", "ruhetag", "closed", "betriebsruhe", "keine sprechstunde", "kein verkauf")
APPOINTMENT_PHRASES = ("nach vereinbarung", "nach absprache", "termine nach", "terminvereinbarung", "nur auf termin",
                       "auf termin", "nach telefonischer", "nach terminabsprache", "by appointment", "termin nach",
                       "nur mit termin", "und nach vereinbarung", "bestellpraxis")
ALWAYS_OPEN_PHRASES = ("rund um die uhr", "24 stunden", "24/7", "24 h geöffnet", "durchgehend 24")
LUNCH_BREAK_WORDS = ("mittagspause", "mittagsruhe", "pause")
MORNING_WORDS = ("vormittag", "vormittags", "morgens")
AFTERNOON_WORDS = ("nachmittag", "nachmittags", "abends")
# Headings/labels that introduce a schedule. The first group names the main (public) opening hours.
MAIN_HOURS_LABELS = ("öffnungszeit", "oeffnungszeit", "offnungszeit", "geschäftszeit", "geschaeftszeit",
                     "ladenöffnung", "ladenzeit", "verkauf", "laden", "geschäft", "shop", "filiale", "bürozeit",
                     "buerozeit", "kanzlei", "praxiszeit", "praxis", "opening", "hours", "zeiten", "sprechzeit",
                     "sprechzeiten", "unsere zeiten", "erreichbarkeit", "besuchszeit", "service-zeiten",
                     "für sie da", "für euch da", "wann wir", "geöffnet")
# Labels naming a secondary schedule: kept apart in `other_hours` when another schedule exists.
SECONDARY_HOURS_LABELS = ("werkstatt", "sprechstunde", "küche", "kueche", "café", "cafe", "bistro", "restaurant",
                          "mittagstisch", "telefon", "telefonisch", "hotline", "annahme", "reparatur", "service",
                          "lieferservice", "lieferzeit", "lieferung", "abholung", "kasse", "verwaltung", "büro",
                          "sauna", "bad", "biergarten", "terrasse", "frühstück", "brunch", "sommer", "winter", "saison",
                          "ferien",
                          "notdienst", "beratung", "showroom", "ausstellung", "lager", "kinder", "training",
                          "offene", "akut", "happy hour", "happy-hour", "prophylaxe", "termine", "rezeption", "buffet",
                          "waschanlage", "waschstraße", "waschstrasse", "waschpark", "teiledienst")
# Labels naming a timetable of classes or lessons, or a guest's times: the times of a course or of breakfast, not
# when the business is open, so never taken for the opening hours even when they are the only schedule on the site
# (a yoga studio's Kursplan, a guesthouse's Frühstück and Check-in).
TIMETABLE_LABELS = ("kursplan", "kurszeit", "kursübersicht", "kursuebersicht", "stundenplan", "unterrichtszeit",
                    "trainingsplan", "belegungsplan", "gottesdienst", "kurse", "frühstück", "fruehstück",
                    "check-in", "check-out", "anreise", "abreise")
# German month names and their abbreviations, as dates and seasons are written.
MONTHS = {"januar": 1, "jan": 1, "jänner": 1, "februar": 2, "feb": 2, "märz": 3, "maerz": 3, "mär": 3, "mrz": 3,
          "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
          "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
          "dezember": 12, "dez": 12}
# Words that make a text about hours a notice rather than a weekly schedule.
VACATION_WORDS = ("betriebsurlaub", "urlaub", "betriebsferien", "ferien", "geschlossen vom", "closed from",
                  "weihnachtsferien", "sommerpause", "winterpause", "inventur")
HOURS_NOTE_WORDS = APPOINTMENT_PHRASES + VACATION_WORDS + ("feiertag", "heiligabend", "silvester", "ostern",
                                                           "pfingsten", "weihnacht", "sonderöffnung",
                                                           "warme küche", "küche bis", "einlass")

# --- contacts -------------------------------------------------------------------------------------------------------

# Labels written before a number; checked on the lower-cased text just before it.
MOBILE_LABELS = ("mobil", "mobile", "handy", "funk", "cell", "mobiltelefon")
VOICE_LABELS = ("tel", "telefon", "fon", "phone", "fernsprecher", "ruf", "rufnummer", "telefonnummer", "hotline",
                "servicenummer", "zentrale", "anrufen", "call", "☎", "📞", "✆", "t:", "t.", "festnetz",
                "verkauf", "werkstatt", "technik", "büro", "praxis", "rufen sie", "erreichen sie")
EMERGENCY_LABELS = ("notdienst", "notfall", "notfäll", "notruf", "notdiensthandy", "bereitschaft", "emergency",
                    "störungsdienst", "soforthilfe")
# Labels of numbers that are never phones.
NOT_PHONE_LABELS = ("iban", "bic", "swift", "konto", "kto", "blz", "bankleitzahl", "steuernummer", "steuer-nr",
                    "st.-nr", "st-nr", "stnr", "steuer nr", "ust", "umsatzsteuer", "vat", "hrb", "hra", "register",
                    "amtsgericht", "handelsregister", "vr ", "pr ", "gnr", "ik-nummer", "ik nummer",
                    "institutionskennzeichen",
                    "betriebsnummer", "handwerksrolle", "registrierungsnummer", "registriernummer",
                    "zulassungsnummer", "erlaubnis",
                    "lanr", "bsnr", "kammernummer", "mitgliedsnummer", "art.-nr", "artikel",
                    "bestellnummer", "kundennummer", "rechnung", "aktenzeichen", "az.", "plz", "postfach",
                    "gläubiger", "creditor", "w-idnr", "wirtschafts-id", "idnr", "id-nr", "euid", "sepa",
                    "shop-id", "shop-nr", "paketshop", "packstation", "filial-nr", "filialnummer", "annahmestelle",
                    "lotto-nr", "objekt-nr", "objektnummer")

# --- third parties --------------------------------------------------------------------------------------------------

# Context words (in the heading or label above a block, or the block itself) that mark contact data of someone
# other than the business: chambers, insurers, supervisors, web designers, hosts, photographers, data-protection
# officers, dispute boards, partners.
THIRD_PARTY_MARKERS = ("kammer", "versicherung", "berufshaftpflicht", "haftpflicht", "aufsichtsbehörde",
                       "aufsicht", "webdesign", "web-design", "webdesigner", "websiteanpassung", "webseitenerstellung",
                       "website-erstellung", "website erstellt", "webagentur", "internetagentur", "realisierung",
                       "umsetzung", "gestaltung", "konzeption", "programmierung", "design by", "designed by",
                       "made by", "erstellt von", "erstellt durch", "hosting", "hoster", "hosted", "provider",
                       "bildnachweis", "bildquelle", "fotos:", "fotografie:", "foto:", "fotograf", "bildrechte",
                       "datenschutzbeauftragte", "schlichtungsstelle", "streitschlichtung", "verbraucherschlichtung",
                       "registergericht", "amtsgericht", "finanzamt", "partner", "kooperationspartner",
                       "mitglied im", "mitglied der", "verband", "innung", "seo", "marketing", "agentur",
                       "technische umsetzung", "technischer betreuer", "betreut von", "herausgeber der zeitung")
# A heading or a block's label over a list of others' numbers ("Wichtige Nummern für Tierhalter", "<b>Nützliche
# Telefonnummern</b><br>Tourist-Information: …<br>Autofähre: …").
OTHERS_NUMBERS_MARKERS = ("wichtige nummern", "wichtige telefonnummern", "wichtige rufnummern", "nützliche nummern",
                          "nützliche telefonnummern", "notrufnummern", "notfallnummern", "weitere notdienste",
                          "hilfreiche nummern", "hilfreiche telefonnummern")
# Public bodies and shared services whose number a trader passes on ("Termine vergibt das Bürgerbüro der Stadt
# Castrop-Rauxel unter …", "Straßenverkehrsamt, Telefon …", "ADAC-Pannenhilfe: …"): named in the clause right
# before a number, the number is theirs. Words a small business could be called itself are left out.
PUBLIC_BODIES = ("straßenverkehrsamt", "strassenverkehrsamt", "ordnungsamt", "bürgerbüro", "buergerbuero",
                 "bürgeramt", "steueramt", "gesundheitsamt", "veterinäramt", "lebensmittelüberwachung",
                 "veterinär- und lebensmittel", "friedhofsverwaltung", "stadtverwaltung", "kreisverwaltung",
                 "bezirksregierung", "gewerbeaufsicht", "gewerbeamt", "bauamt", "standesamt", "jugendamt",
                 "sozialamt", "einwohnermeldeamt", "polizeipräsidium", "polizeiwache", "kriminalpolizei",
                 "tourist-information", "touristinformation", "tourist-info", "pannenhilfe", "pannendienst",
                 "tierärztlichen notdienst", "tierärztlicher notdienst", "zahnärztlichen notdienst",
                 "zahnärztlicher notdienst", "ärztlichen bereitschaftsdienst", "registerstelle", "vermittlerregister",
                 "innung", "handwerkskammer", "verbraucherzentrale", "jobcenter", "agentur für arbeit",
                 "veterinärwesen", "fachbereich", "kassenärztliche vereinigung", "kassenzahnärztliche vereinigung",
                 "ärztekammer", "zahnärztekammer", "tierärztekammer", "apothekerkammer", "notarkammer",
                 "rechtsanwaltskammer", "steuerberaterkammer", "architektenkammer", "bürogemeinschaft",
                 "telefonseelsorge", "beratungsstelle", "schornsteinfeger", "bzga", "bundeszentrale",
                 "glücksspielsucht", "spielsucht", "suchtberatung", "suchthilfe", "die stadt ", "stadtverwaltung",
                 "rathaus", "fachdienst")
# Chamber/regulator words that are nonetheless useful for the Impressum's `chamber` field.
CHAMBER_WORDS = ("kammer", "innung", "aufsichtsbehörde", "zulassung")

# --- addresses ------------------------------------------------------------------------------------------------------

STREET_SUFFIXES = ("straße", "strasse", "str.", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
                   "chaussee", "markt", "steig", "pfad", "berg", "hof", "feld", "garten", "wall", "graben", "brücke",
                   "leite", "kamp", "horst", "heide", "bogen", "winkel", "promenade", "zeile", "stieg", "tor",
                   "busch", "aue", "grund", "höhe", "blick", "hain", "anger", "siedlung", "park", "stadt", "dorf",
                   "bahnhof", "hafen", "wiese", "kirchplatz", "ort", "rain", "acker", "loh", "wende", "kuhle",
                   "bruch", "kamp", "heck", "born", "hütte", "mühle", "pforte", "stätte", "stiege", "trift",
                   "twiete", "gang", "deich", "koppel", "wald", "holz", "höfe", "kreuz", "straat")
STREET_PREFIXES = ("am ", "an der ", "an den ", "auf dem ", "auf der ", "im ", "in der ", "in den ", "zum ", "zur ",
                   "unter den ", "hinter der ", "vor dem ", "alte ", "alter ", "neue ", "neuer ", "große ", "kleine ",
                   "obere ", "untere ", "hohe ", "lange ", "st. ", "sankt ")
PO_BOX_WORDS = ("postfach", "pf ", "postbox", "p.o. box")
ADDRESS_LABELS = ("adresse", "anschrift", "postanschrift", "standort", "ort", "sitz", "besuchsadresse",
                  "hausanschrift")

# --- page kinds (URL path and main heading) ---------------------------------------------------------------------

IMPRESSUM_HINTS = ("impressum", "imprint", "legal-notice", "legal notice", "anbieterkennzeichnung", "legal")
PRIVACY_HINTS = ("datenschutz", "privacy", "dsgvo", "datenschutzerklaerung", "datenschutzerklärung")
CONTACT_HINTS = ("kontakt", "contact", "anfahrt", "anschrift", "standort", "so-finden-sie-uns", "wegbeschreibung")
HOURS_HINTS = ("öffnungszeit", "oeffnungszeit", "offnungszeit", "zeiten", "sprechzeit", "sprechstunde",
               "opening-hours", "hours")
OFFERINGS_HINTS = ("leistung", "angebot", "speisekarte", "karte", "menu", "menü", "sortiment", "produkt", "preis",
                   "service", "behandlung", "therapie", "rechtsgebiet", "fachgebiet", "schwerpunkt",
                   "taetigkeit", "tätigkeit", "spezialit", "werkstatt", "dienstleistung", "portfolio", "kurse",
                   "getränke", "getraenke", "torten", "sorten", "beratung", "unsere-arbeit", "was-wir-tun",
                   "unser-service", "menue", "karte")
PARTNER_HINTS = ("partner", "links", "kooperation", "referenzen", "sponsoren")
JOBS_HINTS = ("jobs", "karriere", "stellen", "ausbildung", "bewerbung", "stellenangebote")
BRANCHES_HINTS = ("filiale", "standort", "niederlassung")

# --- offerings ------------------------------------------------------------------------------------------------------

# Headings that introduce a list of services/products.
OFFERING_HEADINGS = ("leistung", "angebot", "unser service", "unsere services", "service", "sortiment",
                     "speisekarte", "spezialit", "produkte", "wir bieten", "wir verkaufen", "therapie",
                     "behandlung", "rechtsgebiet", "fachgebiet", "tätigkeitsschwerpunkt", "schwerpunkt",
                     "tätigkeitsbereich", "tätigkeitsfeld", "arbeitsgebiet", "arbeitsbereich", "meine aufgaben",
                     "unsere aufgaben",
                     "was ich mache", "was wir machen", "was wir tun", "unsere arbeit", "portfolio", "preise",
                     "preisliste", "preisbeispiel", "menü", "karte", "unser angebot", "das bieten wir", "kompetenz",
                     "dienstleistung", "kurse", "spezialisiert", "sorten", "was wir für sie tun",
                     "bei uns finden sie", "bei uns gibt es", "bei uns gibt's", "bei uns erhalten sie",
                     "unsere fächer", "unterricht", "was es bei uns gibt", "das gibt es bei uns",
                     "das gibt's bei uns", "was wir anbieten", "was wir ihnen bieten", "bei uns bekommen sie",
                     "was sie bei uns bekommen", "was sie bei uns finden",
                     # a guesthouse's rooms and packages
                     "zimmer", "arrangements", "pauschalen")
# Verbs that introduce an inline enumeration of offerings in prose ("Wir bieten ... A, B und C an").
OFFERING_VERBS = ("bieten", "bietet", "biete", "anbieten", "führen", "verkaufen", "spezialisiert auf",
                  "spezialisiert", "gehören", "umfasst", "umfassen", "erhalten sie", "finden sie bei uns",
                  "gibt es bei uns", "bei uns gibt es", "bekommen sie")
# Lines that are navigation, calls to action or legal boilerplate: never offerings.
NOT_OFFERING_WORDS = ("startseite", "kontakt", "impressum", "datenschutz", "anfahrt", "über uns",
                      "ueber uns", "karriere", "galerie", "aktuelles", "login",
                      "warenkorb", "agb", "widerruf", "cookie", "mehr erfahren", "weiterlesen", "mehr lesen",
                      "jetzt", "hier klicken", "terminvereinbarung", "termin vereinbaren", "termin buchen",
                      "zurück", "nach oben", "menü", "navigation", "suche", "anrufen",
                      "newsletter", "sitemap", "copyright", "alle rechte", "haftung", "urheberrecht", "streit",
                      "öffnungszeiten", "oeffnungszeiten", "telefon", "e-mail", "email", "fax", "adresse",
                      "anschrift", "impressionen", "bewertungen", "gutschein", "anmelden", "registrieren",
                      "downloads", "philosophie", "willkommen", "herzlich",
                      "einwilligung", "datenerfassung", "ihre rechte", "rechtsgrundlage", "speicherdauer",
                      "toggle", "skip", "direkt zum inhalt", "schließen", "close", "anzeigen", "ansehen",
                      "entdecken", "bestellen", "buchen", "termin vereinbaren", "zum shop", "online-shop",
                      "routenplaner", "google maps", "in google", "wir suchen", "bewirb",
                      # the networks a site links to
                      "facebook", "instagram", "whatsapp", "youtube", "tiktok", "linkedin", "pinterest")

# Navigation labels that are also ordinary words inside offerings ("Smart Home", "Team-Events"): only rejected
# when they are the whole item.
NOT_OFFERING_EXACT = frozenset(("home", "team", "jobs", "news", "blog", "faq", "partner", "links", "start", "shop",
                                "service", "mehr", "info", "infos", "aktuell", "termine", "preise", "leistungen",
                                "angebot", "angebote", "produkte", "sortiment", "speisekarte", "unsere leistungen",
                                "unser angebot", "unsere produkte", "unser service", "referenzen", "presse",
                                # whom the offers are for, heading their groups (not "Damen", "Herren": a salon's
                                # price list names its services by them)
                                "privatkunden", "geschäftskunden", "gewerbekunden", "firmenkunden",
                                "für privatkunden", "für geschäftskunden", "für unternehmen", "für privatpersonen",
                                "für firmen", "privatpersonen", "unternehmen"))

# Words that name the business's head office among several addresses (not a shop branch).
HEADQUARTERS_WORDS = ("zentrale", "verwaltung", "firmensitz", "hauptsitz", "geschäftsstelle", "geschaeftsstelle",
                      "unternehmenssitz", "büro", "buero", "postanschrift")

# --- Impressum ------------------------------------------------------------------------------------------------------

LEGAL_FORMS = ("GmbH & Co. KG", "GmbH & Co KG", "UG (haftungsbeschränkt) & Co. KG", "gGmbH", "GmbH", "mbH",
               "UG (haftungsbeschränkt)", "UG", "AG", "KGaA", "KG", "OHG", "oHG", "GbR", "PartG mbB", "PartGmbB",
               "PartG", "e.K.", "e. K.", "e.Kfm.", "e.Kfr.", "e.V.", "e. V.", "eG", "SE", "Ltd.", "Limited",
               "Einzelunternehmen", "Einzelunternehmer", "Einzelunternehmerin", "Freiberufler", "Freiberuflerin")
REPRESENTATIVE_LABELS = ("vertreten durch", "geschäftsführer", "geschäftsführerin", "geschäftsführung",
                         "inhaber", "inhaberin", "vorstand", "vertretungsberechtigt", "gesellschafter",
                         "verantwortlich", "betreiber", "praxisinhaber", "inhaber/in", "owner", "ceo", "leitung")
REGISTER_COURT_LABELS = ("registergericht", "amtsgericht", "handelsregister", "vereinsregister",
                         "partnerschaftsregister", "genossenschaftsregister")
VAT_LABELS = ("ust-id", "ust.-id", "ustid", "umsatzsteuer-id", "umsatzsteuer-identifikationsnummer",
              "umsatzsteueridentifikationsnummer", "vat", "ust-idnr", "ust.-idnr", "ust id")
TAX_LABELS = ("steuernummer", "steuer-nr", "st.-nr", "stnr", "steuer nr")
PROFESSION_LABELS = ("berufsbezeichnung", "gesetzliche berufsbezeichnung", "beruf")
SUPERVISORY_LABELS = ("aufsichtsbehörde", "zuständige aufsichtsbehörde", "aufsicht")
CHAMBER_LABELS = ("kammer", "zuständige kammer", "handwerkskammer", "ärztekammer", "zahnärztekammer",
                  "rechtsanwaltskammer", "steuerberaterkammer", "architektenkammer", "tierärztekammer",
                  "apothekerkammer", "ihk", "innung")
# Example domains and addresses that are never a business's own.
EXAMPLE_EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "example.de", "beispiel.de", "domain.de",
                         "domain.com", "musterfirma.de", "mustermann.de", "muster.de", "ihre-domain.de",
                         "email.de.invalid", "sentry.io", "wixpress.com", "sentry-next.wixpress.com", "test.com",
                         "yourdomain.com", "ihredomain.de", "mail.de.invalid")
EXAMPLE_EMAIL_LOCALS = ("max.mustermann", "mustermann", "name", "ihre.email", "ihre-email", "ihremail",
                        "vorname.nachname",
                        "your.email", "youremail", "email", "e-mail", "user", "username", "test")
# File extensions that show a match is an asset name ("logo@2x.png"), not an address.
ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".ico", ".css", ".js", ".pdf",
                  ".mp4", ".woff", ".woff2", ".ttf")

# schema.org `servesCuisine` values are often English; the listing is German.
CUISINE_DE = {"greek": "Griechische Küche", "german": "Deutsche Küche", "italian": "Italienische Küche",
              "turkish": "Türkische Küche", "asian": "Asiatische Küche", "chinese": "Chinesische Küche",
              "japanese": "Japanische Küche", "thai": "Thailändische Küche", "indian": "Indische Küche",
              "vietnamese": "Vietnamesische Küche", "french": "Französische Küche", "spanish": "Spanische Küche",
              "mexican": "Mexikanische Küche", "american": "Amerikanische Küche", "vegetarian": "Vegetarisch",
              "vegan": "Vegan", "mediterranean": "Mediterrane Küche", "international": "Internationale Küche",
              "regional": "Regionale Küche", "pizza": "Pizza", "sushi": "Sushi", "burger": "Burger",
              "balkan": "Balkanküche", "polish": "Polnische Küche", "croatian": "Kroatische Küche"}
