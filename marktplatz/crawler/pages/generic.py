"""The generic page object: one stored response of any trader site → a `PageRecord`.

One small method per field; the page is decoded and parsed once (`Doc`) and every method reads the same lines.
Structured data (JSON-LD, microdata, RDFa) is taken first and scored highest; then links (`tel:`, `mailto:`), the
Impressum, tables and text. Pure: no network, database, clock or environment (`today` is passed in when dated
notices should be placed in time).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from functools import cached_property
from urllib.parse import urldefrag, urljoin, urlsplit

from marktplatz.crawler.pages.record import (
    Address,
    Found,
    ImpressumRecord,
    Location,
    PageRecord,
    Provenance,
    Schedule,
    SpecialHours,
)
from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.address import AddressHit, address_key, find_addresses
from marktplatz.crawler.parsing.decode import UnreadableBody, decode_body
from marktplatz.crawler.parsing.dom import (
    PARSER_MAX_DEPTH,
    Doc,
    Line,
    TooComplex,
    build_doc,
    parse_html,
    plain_text_doc,
)
from marktplatz.crawler.parsing.emails import EmailHit, find_emails, normalise
from marktplatz.crawler.parsing.impressum import parse_impressum, provider_name
from marktplatz.crawler.parsing.locations import (
    Block,
    address_blocks,
    card_blocks,
    location_index,
    strong_third,
    third_party_context,
)
from marktplatz.crawler.parsing.names import TITLE_SPLIT, copyright_name, logo_names, welcome_name
from marktplatz.crawler.parsing.offer_layouts import class_names, enclosing, other_section, slot_classes
from marktplatz.crawler.parsing.offerings import clean_item, find_offerings, is_offer_heading, is_section_name
from marktplatz.crawler.parsing.phones import (
    EMERGENCY_LABEL,
    SENTENCE_END,
    PhoneHit,
    find_phones,
    names_public_body,
    public_body_before,
    to_e164,
)
from marktplatz.crawler.parsing.schedules import TIMETABLE, Segment, find_segments, hours_notes, label_kind
from marktplatz.crawler.parsing.special import find_special_hours, is_past_notice
from marktplatz.crawler.parsing.structured import Entity, find_entities

# Confidence by method; a value's confidence is its method's, lowered on privacy pages and for unlabelled text.
CONFIDENCE = {"jsonld": 0.95, "microdata": 0.9, "rdfa": 0.9, "impressum": 0.9, "link": 0.85, "table": 0.8,
              "text": 0.7, "heading": 0.6, "meta": 0.5}
PRIVACY_FACTOR = 0.5
_PAGE_WORDS = re.compile(r"^(?:startseite|start|home|willkommen.*|herzlich willkommen.*|kontakt|impressum|"
                         r"datenschutz\w*|anfahrt|über uns|ueber uns|team|leistungen|angebot|preise|galerie|news|"
                         r"aktuelles|jobs|karriere|öffnungszeiten|speisekarte|produkte|partner|service|links|index|"
                         r"seite \d+|page not found|404.*|menü|blog|filialen.*|sortiment|werkstatt|notdienst)$",
                         re.IGNORECASE)
# Pages of a site's menu that are about no offer ("Veranstaltungen", "Die Kanzlei", "Rezept & Kosten")
_NOT_TOPIC = re.compile(r"\b(?:veranstaltung\w*|events?|projekte?|branchen|kanzlei|unser\w* (?:hof|haus|laden|praxis|"
                        r"betrieb|geschäft|salon|studio)|kosten|erstinformation|reservier\w*|anwält\w*|ärzt\w*|"
                        r"klassen|blog|hoffest|fest|workshops?|kinder & jugend|die praxis|das team|wir)\b",
                        re.IGNORECASE)
# A host name where a site builder puts the site's name by default ("maler-kaya.jimdo.com", "www.maler-kaya.de").
_HOST_NAME = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?$", re.IGNORECASE)
_REFERRAL = re.compile(r"nächst\w*\s+(?:notdienst|apotheke|praxis|tierklinik|klinik)|notdienst-?apotheke|"
                       r"arbeiten (?:\w+ )?zusammen mit|in zusammenarbeit mit|empfehlung:|schwester(?:unternehmen|"
                       r"firma|betrieb|gesellschaft)|"
                       # an agent's principal ("Versicherungsvertreter, ausschließlich tätig für die NordVers …")
                       r"\btätig für (?:die|den|das)\b|"
                       # "… arbeite ich eng mit der Praxis Dr. Lüders, Tel. …, zusammen"
                       r"arbeite\w*\s+(?:\w+\s+){0,3}mit\s+(?:der|dem|den|einer|einem)\b[^!?]{0,120}?\d[^!?]{0,40}?\bzusammen\b|"
                       # "Aktuelle Informationen erhalten Sie beim Auswärtigen Amt (Tel. …)"
                       r"erhalten sie (?:\w+ ){0,2}(?:beim|bei der)\b|"
                       r"empfehlen (?:wir )?(?:ihnen )?(?:gerne )?(?:die|den|das)\b|"
                       r"z\.\s?b\.\s(?:in der|im|bei der|beim|über (?:das|den|die))\b|"
                       r"im (?:selben|gleichen) (?:gebäude|haus)|eigenständige praxis|unser\w*\s+\w*dienstleister\b|"
                       r"nicht unsere? (?:nummer|rufnummer)|kein teil unser|keine auftragsannahme|"
                       r"diensthabend|(?<![\w-])partner(?:in)?:|wir sind partner (?:der|des|von)\b|"
                       # an association's number told after its name ("… der Deutsche Verband Ergotherapie e.V., Tel.")
                       r"verband\b(?:[^.!?]|e\.\s?v\.){0,100}?\b(?:tel|telefon)\b|"
                       # a platform's or maker's service ("der Fleurop-Kundenservice", "BZgA-Hotline")
                       r"(?<![\w-])(?!(?:unser\w*|ihr\w*|zum|zur|den|der|dem|des|die|das|per|via|von)\b)"
                       r"(?-i:[A-ZÄÖÜ][\wäöüß]*)[- ](?:kundenservice|kundendienst)\b|"
                       r"(?-i:[A-Z][a-z]*[A-Z]\w*|[A-Z]{2,}\w*)-hotline\b|"
                       r"wende dich (?:\w+ ){0,2}an\b(?!\s+(?:uns|unser\w*|mich|mein\w*)\b)|"
                       r"mitglied (?:im|in der|bei)\b[^.]{0,80}?(?:verband|vereinigung)\b[^!?]{0,40}?"
                       r"(?:tel|telefon|fon)\b|"
                       r"dienstbereite\w*\s+apotheke|"
                       r"wenden (?:sie )?sich (?:\w+ ){0,2}an\b(?!\s+(?:uns|unser\w*|mich|mein\w*)\b)|"
                       r"verbraucherservice|franchise|geschäftsstelle|"
                       r"unser(?:e|em|er)? kolleg|vertragspartner|nur nachrichten|keine anrufe|"
                       r"hotline (?-i:[A-Z]{2,})\b|bereitschaftsdienst|giftnotruf|giftinformation|116\s?117|"
                       r"vertretung:|"
                       r"vertreten durch die praxis|(?:unser\w*|eine\w*)\s+(?:[\w-]+-)?partner|"
                       r"unser\w*\s+\w+e[rnms]?\s+partner\b|"
                       # a stand-in while the practice is closed, a registration with someone else, friends recommended
                       r"vertretung übernimmt|übernimmt (?:\w+ ){0,3}die vertretung|anmeldung beim\b|"
                       r"empfehlen (?:wir|ich) (?:ihnen )?(?:gerne )?unsere?n? (?:\w+ )?(?:freunde|kolleg|partner)|"
                       r"(?:unsere?n?|den) (?:\w+ )?freunde?n? (?:vom|von|bei)\b|\([^()]{0,30}\bdirekt dort\b|"
                       # "Fragen … beantwortet Ihnen auch das Weingut Hofmann direkt: Tel. …"
                       r"\bauch\b[^.!?]{0,60}\bdirekt\s*:|"
                       r"in kooperation mit|partnerbetrieb|partnerwerkstatt|erfahren sie (?:\w+ ){0,2}unter|"
                       r"notdienst hat|störungsstelle|störungsnummer|stadtwerke|"
                       # a broker's or another's line: "Die Zentrale vermittelt … einen Glaser: 0800 …", "… arbeiten wir
                       # mit der Trocknungsservice Nord GmbH zusammen – deren 24h-Hotline: …"
                       r"\bvermittelt\b[^.!?]{0,60}\b(?:einen|eine|ein)\b|"
                       r"\b(?:deren|dessen)\b[^.!?]{0,30}?(?:hotline|nummer|telefon|tel\b|notdienst|notruf)|"
                       r"(?:hotline|servicenummer|service-nummer|rufnummer) (?:der|des|von)\b|hersteller-?service|"
                       r"herstellerservice|werkskundendienst|hersteller-?hotline|selbsthilfegruppe", re.IGNORECASE)
# Someone else reached "directly" ("Termine dort bitte direkt unter …", "Anmeldung direkt beim ADFC unter …"), or
# named as whom "Sie erreichen" ("Die Tinnitus-Selbsthilfegruppe erreichen Sie unter …"): not the business, unless
# the sentence speaks of us or of one of our own people or rooms.
_DIRECT_ELSEWHERE = re.compile(r"\bdirekt\s+(?:unter|dort|bei(?:m)?|an\s+(?:den|die|das))\b|\bdort\s+(?:bitte\s+)?"
                               r"direkt\b", re.IGNORECASE)
_REACHED = re.compile(r"(?:^|[.!?]\s+)(?P<whom>[^.!?]{3,80}?)\s+erreichen\s+sie\b", re.IGNORECASE)
_OWN_PLACE = re.compile(r"\b(?:herr|frau|team|praxis|büro|laden|geschäft|werkstatt|salon|rezeption|zentrale|"
                        r"inhaber\w*|geschäftsführ\w*|küchenchef\w*|chefin|chef|meister\w*|"
                        r"verwaltung|kanzlei|studio|filiale|hotline|service|telefonisch|mobil|jederzeit|"
                        r"tagsüber|abends|montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags)\b",
                        re.IGNORECASE)
# Someone else's number told in passing, in brackets inside a sentence: "… Sanitär Wegener GmbH (Tel. 02324-2 33 10)",
# "(Tierarztpraxis Dr. Selzer, Tel. …)"; not "Rufen Sie uns an (Tel. …)".
_BRACKETED_NUMBER = re.compile(r"\((?:[^()]{0,80}?[,:]\s*)?(?:(?:service-?)?(?:tel|telefon|fon)\b\.?:?|"
                               r"(?:buchung|anmeldung|reservierung)\w* unter)\s*[+\d(]", re.IGNORECASE)
_OUTDATED = re.compile(r"nicht mehr (?:abgerufen|aktiv|gültig|erreichbar|genutzt|benutzt|verwenden|in betrieb)|"
                       r"\balte (?:e-?mail-?)?(?:adresse|nummer|rufnummer)\b|veraltet", re.IGNORECASE)
# "Kassenärztlicher Bereitschaftsdienst: 116117", "Handwerkskammer …, Tel. 0231 5493-0": a line that ends in a number
# of its own (one too short for a phone hit, or one dropped as the chamber's)
_ENDS_IN_NUMBER = re.compile(r"\d[\d\s/()–-]{3,}\d$")
_OWN_CUE = re.compile(r"\b(?:uns|unser\w*|wir|mich|mir)\b", re.IGNORECASE)
_CREDIT = re.compile(r"design|theme|template|powered|erstellt|realisiert|umsetzung|programmiert|made with|"
                     r"entwickelt", re.IGNORECASE)
_IMPRESSUM_WORD = re.compile(r"\b(?:impressum|imprint|anbieterkennzeichnung|legal notice)\b", re.IGNORECASE)
_IMPRESSUM_CONTENT = re.compile(r"§\s?5|angaben gem|verantwortlich|inhaber|vertreten durch|geschäftsführ|"
                                r"registergericht|ust-?id|umsatzsteuer|herausgeber|anbieter", re.IGNORECASE)


def _names_a_topic(text: str, max_words: int) -> bool:
    """Whether a short heading can name what a page offers: not a page word (Kontakt, Leistungen) nor the name of an
    offer section itself."""
    return bool(text) and len(text.split()) <= max_words and not _PAGE_WORDS.match(text) and \
        not is_section_name(text) and not is_offer_heading(text)


def _path_has(path: str, hints: tuple[str, ...]) -> bool:
    return any(h in path for h in hints)


def _reached_elsewhere(text: str) -> bool:
    """Whether a sentence gives the number of someone the caller reaches instead of the business."""
    if "direkt" in text and any(_DIRECT_ELSEWHERE.search(c) and not _OWN_CUE.search(c)
                                for c in SENTENCE_END.split(text)):
        return True
    if "erreichen" not in text.lower():
        return False
    # (not "Im Notfall erreichen Sie das Notdiensthandy …": an emergency line, which its label sorts)
    return any(not _OWN_CUE.search(m.group("whom")) and not _OWN_PLACE.search(m.group("whom")) and
               not _OWN_CUE.search(text[m.end():m.end() + 12]) and
               not EMERGENCY_LABEL.search(text[m.start():m.end() + 30]) for m in _REACHED.finditer(text))


def _told_in_passing(text: str) -> bool:
    """Whether a line is a sentence that gives a number in brackets after another business's name."""
    m = _BRACKETED_NUMBER.search(text)
    return m is not None and len(text.split()) >= 10 and not _OWN_CUE.search(text[max(0, m.start() - 30):m.start()])


def _refers_elsewhere(text: str) -> bool:
    """Whether a line gives someone else's contact: a referral, a hotline, a business named in passing."""
    return bool(_REFERRAL.search(text)) or _told_in_passing(text) or _reached_elsewhere(text)


# A site's credit in a footer line: a number after it is the credit's ("… powered by ApoWeb Systems GmbH ·
# Support-Hotline für Apotheken: 0800 …"), one before it the business's ("Tel. 02323 … | Webdesign: Pixelwerk")
_CREDIT_LEAD = re.compile(r"powered by|design(?:ed)? by|(?:website|homepage|webseite) by|webdesign|web-design|"
                          r"realisiert (?:von|durch)|erstellt (?:von|durch)|umgesetzt (?:von|durch)|made by",
                          re.IGNORECASE)


def _number_at(text: str, digits: str) -> int:
    """Where in a line the number ending in `digits` starts (its last digits), or -1."""
    positions = [i for i, ch in enumerate(text) if ch.isdigit()]
    at = "".join(text[i] for i in positions).find(digits)
    return positions[at] if at >= 0 else -1


def _contact_at(text: str, needle: str, digits: bool) -> int:
    """Where in a line a contact stands: a number by its last digits, an address by its local part; -1 if not."""
    return _number_at(text, needle) if digits else text.lower().find(needle)


def _in_quotation(text: str, at: int) -> bool:
    """Whether position `at` of a line lies inside a quotation of some words („…“, "…", »…«): a customer's or a
    partner's voice, whose number is theirs ("„… erreichen Sie mich unter 030 4402187.“ Renate Schulz")."""
    if at < 0:
        return False
    for opener, closer in (("„", "“"), ("»", "«"), ("“", "”"), ('"', '"')):
        start = text.rfind(opener, 0, at)
        if start < 0 or (opener != closer and text.find(closer, start + 1, at) >= 0) or \
                (opener == closer and text.count(opener, 0, at) % 2 == 0):
            continue
        end = text.find(closer, at)
        if end > at and len(text[start:end].split()) >= 6:
            return True
    return False


def _credit_side(text: str, at: int) -> int:
    """Which side of a site credit in the line a contact at `at` stands: 1 after it (the credit's), -1 before it
    with nothing else of another party's before the credit (the business's own), 0 without a credit."""
    credit = _CREDIT_LEAD.search(text)
    if credit is None or at < 0:
        return 0
    if at > credit.start():
        return 1
    return -1 if not strong_third(text[:credit.start()]) else 0


_NO_CALLS = re.compile(r"\W*(?:nur (?:für )?(?:nachrichten|textnachrichten|sms|chat)|keine anrufe|bitte nicht anrufen)",
                       re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d(?:[\s/()–-]*\d){5,}")
# The end of a sentence, not of an abbreviation ("z. B. in der Praxis Dr. Koç", "Verband e. V. (ADTV)")
_SENTENCE_END = re.compile(r"(?<!\b\w\.)(?<!\bDr\.)(?<!\bStr\.)(?<!\bNr\.)(?<!\bTel\.)(?<!\bca\.)(?<!\bbzw\.)"
                           r"(?<!\bggf\.)(?<!\bProf\.)(?<!\bDipl\.)(?<!\bHr\.)(?<!\bFr\.)(?<=[.!?])\s+(?=[A-ZÄÖÜ])")


def _gives_elsewhere(text: str, needle: str, digits: bool) -> bool:
    """Whether a line gives one of its contacts (`needle`: a number's last digits or an address) as someone else's.

    A line of several sentences is read by sentence when each sentence that refers elsewhere holds a number of its
    own: "Telefonisch erreichen Sie uns unter 02323-987654. Bei Fragen zur Finanzierung wenden Sie sich an unseren
    Partner, die Sparkasse Herne, Tel. 02323 590-0." keeps the first number. A referral without a number may be
    about the number of the next sentence, so then the whole line counts."""
    if not _refers_elsewhere(text):
        return False
    sentences = _SENTENCE_END.split(text)
    if len(sentences) < 2:
        return True
    mine = next((s for s in sentences if needle in (re.sub(r"\D", "", s) if digits else s.lower())), None)
    if mine is None or _refers_elsewhere(mine):
        return True
    return any(_refers_elsewhere(s) and not _DIGIT_RUN.search(s) for s in sentences if s is not mine)


class GenericBusinessPage:
    """Any page of a trader's site; `to_record()` runs every field method."""

    def __init__(self, body: bytes, url: str, headers: Mapping[str, str] | None = None,
                 today: date | None = None) -> None:
        self.body = body
        self.url = url
        self.headers = dict(headers or {})
        self.today = today

    # --- parsing ------------------------------------------------------------------------------------------------

    @cached_property
    def doc(self) -> Doc:
        text = decode_body(self.body, self.headers)
        doc = build_doc(parse_html(text))
        if doc.max_depth >= PARSER_MAX_DEPTH:
            return plain_text_doc(text)
        return doc

    def prov(self, method: str, confidence: float | None = None) -> Provenance:
        conf = CONFIDENCE[method] if confidence is None else confidence
        if self.kind == "privacy":
            conf *= PRIVACY_FACTOR
        return Provenance(self.url, method, round(conf, 3))

    @cached_property
    def entities(self) -> list[Entity]:
        body = self.body
        return find_entities(self.doc.root, self.doc.json_ld, self.url, microdata=b"itemscope" in body,
                             rdfa=b"typeof=" in body or b"vocab=" in body)

    @cached_property
    def address_hits(self) -> list[AddressHit]:
        return find_addresses([line.text for line in self.doc.lines])

    def is_third_party(self, idx: int) -> bool:
        """Whether line `idx` speaks about a third party (cached: only lines with contact data are asked)."""
        cache = self._third_cache
        if idx not in cache:
            cache[idx] = third_party_context(self.doc, self.doc.lines[idx])
        return cache[idx]

    @cached_property
    def _third_cache(self) -> dict[int, bool]:
        return {}

    @cached_property
    def phone_hits(self) -> list[PhoneHit]:
        # (nor someone else's number given in passing: a referral, a hotline, a business named in a sentence)
        hits = find_phones(self.doc)
        numbered = {h.line for h in hits}
        return [h for h in hits if not (self._not_ours(h.line) and self._credit_side(h.line, h.e164[-6:], True) >= 0)
                and not self._referred(h, numbered)]

    @cached_property
    def email_hits(self) -> list[EmailHit]:
        # (an address given beside someone else's number, or after their name, is theirs as well: "… unser
        # Schwesterunternehmen – Bestellungen direkt unter Tel. … oder heizoel@…", "… über die Fachberatung der
        # Stadt, Tel. …, kindertagespflege@…")
        return [h for h in find_emails(self.doc) if h.line < 0 or not (
            (self._not_ours(h.line) and self._credit_side(h.line, h.email.split("@")[0], False) >= 0) or
            self._others_address(h))]

    def _credit_side(self, idx: int, needle: str, digits: bool) -> int:
        """`_credit_side` of a contact on line `idx` (see `_contact_at`)."""
        text = self.doc.lines[idx].text
        return _credit_side(text, _contact_at(text, needle, digits))

    def _others_address(self, hit: EmailHit) -> bool:
        text = self.doc.lines[hit.line].text
        local = hit.email.split("@")[0]
        if _gives_elsewhere(text, local, digits=False) or self._listed_by_referral(hit.line) or \
                _in_quotation(text, _contact_at(text, local, False)):
            return True
        at = text.lower().rfind(local)
        return at > 0 and public_body_before(text, at, 0)

    def _not_ours(self, idx: int) -> bool:
        """Whether line `idx` gives someone else's contact data, or an old one the page says is out of use ("Die
        alte Adresse … wird nicht mehr abgerufen!")."""
        return self.is_third_party(idx) or bool(_OUTDATED.search(self.doc.lines[idx].text))

    @cached_property
    def _blocks_and_segments(self) -> tuple[list[Block], list[Segment]]:
        """Location blocks and schedule segments; each depends on the other, so they are found together."""
        doc = self.doc
        blocks = address_blocks(doc, self.address_hits)
        segments = find_segments(doc, location_index(blocks))
        if not blocks:
            cards = card_blocks(doc, [(s.first, s.label) for s in segments if label_kind(s.label) == "neutral"])
            if cards:
                blocks = cards
                segments = find_segments(doc, location_index(blocks))
        # A block is a location only when it holds its own number or schedule; a page needs two such blocks.
        phone_lines = {h.line for h in self.phone_hits}
        seg_lines = {line.index for s in segments for line in s.lines}
        real = [b for b in blocks if not b.third_party and
                any(i in phone_lines or i in seg_lines for i in range(b.first, b.end))]
        if len({(address_key(b.address) if b.address else (b.name or str(b.first))) for b in real}) < 2:
            real = []
        if len(real) != len(blocks):
            segments = find_segments(doc, location_index(real))
        return real, segments

    # --- page kind ----------------------------------------------------------------------------------------------

    @cached_property
    def kind(self) -> str:
        path = urlsplit(self.url).path.lower()
        head = self._main_heading().lower()
        title = self.doc.title.lower()
        if _path_has(path, ("impressum", "imprint", "legal-notice", "anbieterkennzeichnung")):
            return "impressum"
        if _path_has(path, vocab.PRIVACY_HINTS):
            return "privacy"
        stripped = path.strip("/")
        # The home page of a one-page site may hold an Impressum section; it stays the home page.
        home_paths = ("", "index.html", "index.htm", "index.php", "home", "start", "startseite", "de")
        if stripped in home_paths and not urlsplit(self.url).query:  # "/?page_id=12" is a WordPress page
            return "home"
        if _IMPRESSUM_WORD.fullmatch(head.strip()) or title.startswith("impressum"):
            return "impressum"
        if head.startswith(("datenschutz", "privacy")) or title.startswith(("datenschutz", "privacy")):
            return "privacy"
        if _path_has(path, vocab.CONTACT_HINTS):
            return "contact"
        if _path_has(path, vocab.HOURS_HINTS):
            return "hours"
        if _path_has(path, vocab.OFFERINGS_HINTS) or any(h in head for h in vocab.OFFERINGS_HINTS):
            return "offerings"
        if _path_has(path, vocab.PARTNER_HINTS):
            return "partner"
        if _path_has(path, vocab.JOBS_HINTS):
            return "jobs"
        return "page"

    def _main_heading(self) -> str:
        for line in self.doc.lines:
            if line.level == 1 and line.region == "main":
                return line.text
        for line in self.doc.lines:
            if 1 <= line.level <= 2 and line.region == "main":
                return line.text
        return ""

    # --- fields -------------------------------------------------------------------------------------------------

    def names(self) -> list[Found[str]]:
        out: list[Found[str]] = []
        for ent in self.entities:
            if ent.name and not ent.is_branch:
                out.append(Found(ent.name, self.prov(ent.method)))
        for key in ("og:site_name", "application-name"):
            value = self.doc.meta.get(key)
            if value and not _PAGE_WORDS.match(value.strip()):
                out.append(Found(value.strip(), self.prov("meta", _name_confidence(value, 0.75))))
        if self.kind == "impressum":
            name = provider_name(self.doc.lines)
            if name:
                has_form = bool(re.search(r"\b(?:gmbh|ug|ag|kg|ohg|gbr|e\.\s?k|e\.\s?v|mbh|partg)\b", name, re.I))
                # Without a legal form the provider is often the owner's personal name, not the trading name.
                out.append(Found(name, self.prov("impressum", 0.85 if has_form else 0.45)))
        for part in TITLE_SPLIT.split(self.doc.title or ""):
            # "Physiotherapie am Kanal: Startseite": a colon without a space before it also parts off a page's name
            sides = [x.strip() for x in part.split(": ")]
            part = " ".join(x for x in sides if not _PAGE_WORDS.match(x)) if len(sides) == 2 else part.strip()
            if 3 <= len(part) <= 80 and not _PAGE_WORDS.match(part):
                out.append(Found(part, self.prov("meta", _name_confidence(part, 0.5))))
        if self.kind == "home":
            for alt in logo_names(self.doc):
                out.append(Found(alt, self.prov("meta", _name_confidence(alt, 0.5))))
            for line in self.doc.lines:
                welcome = welcome_name(line.text) if 1 <= line.level <= 3 else None
                if welcome:
                    out.append(Found(welcome, self.prov("heading", 0.55)))
                    break
            for line in self.doc.lines:
                # (of "Metzgerei Hülsmann – Qualität vom Fachmann" the part before the dash)
                head = TITLE_SPLIT.split(line.text)[0].strip() if line.level == 1 else ""
                if 3 <= len(head) <= 60 and not _PAGE_WORDS.match(head):
                    out.append(Found(head, self.prov("heading", 0.3)))
                    break
        tail = self.doc.lines[-40:]
        for line in reversed(tail):
            low = line.text.lower() if line.region == "footer" or "©" in line.text else ""
            owner = copyright_name(line.text) if "©" in low or "(c)" in low or "copyright" in low else None
            if owner:
                # A theme's or web designer's own notice ("© HTML5 UP" beside "Design by HTML5 UP") names them.
                if not any(owner in other.text[m.start():] for other in tail
                           if owner in other.text and (m := _CREDIT.search(other.text))):
                    out.append(Found(owner, self.prov("text", 0.35)))
                break
        return out

    def _in_location(self, line: int) -> int | None:
        for i, b in enumerate(self._blocks_and_segments[0]):
            if b.first <= line < b.end:
                return i
        return None

    def _referred(self, hit: PhoneHit, numbered: set[int]) -> bool:
        """Whether a line gives someone else's number: a referral, a hotline, a business named in passing.

        `numbered` holds the lines with a number of their own: such a line gives its own number and so leads in to
        none on the next line ("Giftnotruf: 0228 19240" over "Tel. 0234 …").
        """
        idx = hit.line
        text = self.doc.lines[idx].text
        at = _number_at(text, hit.e164[-6:])
        if _gives_elsewhere(text, hit.e164[-6:], digits=True) or self._listed_by_referral(idx) or \
                _credit_side(text, at) > 0 or _in_quotation(text, at):
            return True
        after = self.doc.lines[idx + 1] if idx + 1 < len(self.doc.lines) else None
        if after is not None and after.block is self.doc.lines[idx].block and idx + 1 not in numbered and \
                _NO_CALLS.match(after.text):
            return True  # "WhatsApp: 0160 …" over "nur Nachrichten – bitte nicht anrufen": no line to call
        if idx == 0 or len(text) > 160 or idx - 1 in numbered:
            return False
        prev = self.doc.lines[idx - 1]
        lead = prev.text.rstrip()
        if _ENDS_IN_NUMBER.search(lead):
            return False
        # "… erfahren Sie" / "… an den Tierärztlichen Notdienst Gelsenkirchen:" over "Telefon …": a lead-in sentence
        # the number's line only ends
        return prev.level == 0 and 20 <= len(lead) <= 240 and not lead.endswith((".", "!", "?")) and \
            (bool(_REFERRAL.search(lead)) or names_public_body(lead))

    def _listed_by_referral(self, idx: int) -> bool:
        """Whether a line is a row of a table or list that a referral leads in to ("Wenden Sie sich bitte an die
        Notfall-Hotline Ihres Reiseveranstalters. Einige Beispiele:" over a table of operators and numbers)."""
        line = self.doc.lines[idx]
        if not (line.in_table or line.in_list):
            return False
        box = enclosing(line, "table", "ul", "ol", "dl")
        span = self.doc.spans.get(box) if box is not None else None
        if span is None or span[0] == 0:
            return False
        lead = self.doc.lines[span[0] - 1].text.rstrip()
        return lead.endswith(":") and len(lead) <= 400 and (_refers_elsewhere(lead) or names_public_body(lead))

    def voice_and_fax(self) -> list[str]:
        """Numbers a "Tel./Fax" label gives as both telephone and fax."""
        return [h.e164 for h in self.phone_hits if h.kind == "both" and self._in_location(h.line) is None]

    def phones(self) -> tuple[list[Found[str]], list[Found[str]], list[Found[str]]]:
        """(voice, fax, emergency) numbers outside location blocks, structured data first."""
        voice: list[Found[str]] = []
        fax: list[Found[str]] = []
        emergency: list[Found[str]] = []
        for ent in self.entities:
            if ent.is_branch:
                continue
            for raw in ent.phones:
                e164 = to_e164(raw)
                if e164:
                    voice.append(Found(e164, self.prov(ent.method)))
            for raw in ent.faxes:
                e164 = to_e164(raw)
                if e164:
                    fax.append(Found(e164, self.prov(ent.method)))
        base = "impressum" if self.kind == "impressum" else None
        for hit in self.phone_hits:
            if self._in_location(hit.line) is not None:
                continue
            method = base or hit.method
            conf = CONFIDENCE[method] - (0 if hit.labelled else 0.15)
            found = Found(hit.e164, self.prov(method, conf))
            if hit.kind == "both":
                fax.append(found)
            {"fax": fax, "emergency": emergency}.get(hit.kind, voice).append(found)
        return voice, fax, emergency

    def emails(self) -> list[Found[str]]:
        out: list[Found[str]] = []
        for ent in self.entities:
            if not ent.is_branch:
                for raw in ent.emails:
                    addr = normalise(raw)
                    if addr:
                        out.append(Found(addr, self.prov(ent.method)))
        for hit in self.email_hits:
            if hit.line >= 0 and self._in_location(hit.line) is not None:
                continue
            method = "impressum" if self.kind == "impressum" else ("link" if hit.method == "link" else "text")
            conf = CONFIDENCE[method] - (0.2 if hit.method == "script" else 0)
            out.append(Found(hit.email, self.prov(method, conf)))
        return out

    def addresses(self) -> list[Found[Address]]:
        out: list[Found[Address]] = []
        for ent in self.entities:
            if not ent.is_branch:
                out.extend(Found(a, self.prov(ent.method)) for a in ent.addresses if a.postcode)
        in_blocks = self._blocks_and_segments[0]
        for hit in self.address_hits:
            if any(self.is_third_party(i) for i in range(hit.first, hit.last + 1)):
                continue
            if not (hit.address.street or hit.address.po_box):
                conf = 0.3
            elif self.kind == "impressum":
                conf = CONFIDENCE["impressum"]
            elif self.kind == "contact":
                conf = 0.8
            else:
                conf = 0.7
            loc = self._in_location(hit.first)
            if loc is not None and in_blocks:
                name = (in_blocks[loc].name or "").lower()
                if any(w in name for w in vocab.HEADQUARTERS_WORDS):
                    conf += 0.05  # "Zentrale / Verwaltung" among branch cards is the business's own address
                else:
                    conf -= 0.2  # one of several addresses: the merge decides which one is the business's
            method = "impressum" if self.kind == "impressum" else "text"
            out.append(Found(hit.address, self.prov(method, conf)))
        return out

    def schedules(self) -> tuple[list[Found[Schedule]], list[Found[str]], list[Found[SpecialHours]]]:
        """(schedules outside location blocks, notes, dated exceptions)."""
        out: list[Found[Schedule]] = []
        for ent in self.entities:
            if ent.week and not ent.is_branch:
                out.append(Found(Schedule(ent.week), self.prov(ent.method)))
        segments = self._blocks_and_segments[1]
        for seg in segments:
            if seg.location is not None or seg.result is None or not seg.result.found:
                continue
            method = "table" if any(line.in_table or line.tag in ("dt", "dd") for line in seg.lines) else "text"
            label = seg.label
            if self.kind == "offerings" and label and label_kind(label) == "neutral" and not other_section(label):
                # on a page of offers, times under an offer's own heading ("Welpengruppe" … "Samstags 10–11 Uhr")
                # are when that course or service takes place
                label = f"{TIMETABLE} ({label})"
            out.append(Found(Schedule(seg.result.week, label, self._segment_note(seg)), self.prov(method)))
        notes: list[Found[str]] = []
        special: list[Found[SpecialHours]] = []
        for text, _idx in hours_notes(self.doc, segments):
            if self.today is not None and is_past_notice(text, self.today):
                continue  # "Urlaub: 03.08.2026 – 21.08.2026" read in November tells a visitor nothing
            notes.append(Found(text, self.prov("text", 0.6)))
            for sh in find_special_hours(text, self.today):
                special.append(Found(sh, self.prov("text", 0.6)))
        for ent in self.entities:
            for sh in ent.special:
                special.append(Found(sh, self.prov(ent.method)))
        return out, notes, special

    @staticmethod
    def _segment_note(seg: Segment) -> str | None:
        res = seg.result
        if res is None:
            return None
        bits = list(res.notes)
        if res.appointment_days:
            names = {"mo": "Mo", "tu": "Di", "we": "Mi", "th": "Do", "fr": "Fr", "sa": "Sa", "su": "So"}
            bits.append(", ".join(names[d] for d in res.appointment_days) + " nach Vereinbarung")
        return "; ".join(bits) or None

    def locations(self) -> list[Found[Location]]:
        blocks, segments = self._blocks_and_segments
        out: list[Found[Location]] = []
        for i, b in enumerate(blocks):
            phones = tuple(dict.fromkeys(h.e164 for h in self.phone_hits if b.first <= h.line < b.end
                                         and h.kind == "voice"))
            fax = tuple(dict.fromkeys(h.e164 for h in self.phone_hits if b.first <= h.line < b.end
                                      and h.kind == "fax"))
            emails = tuple(dict.fromkeys(h.email for h in self.email_hits if b.first <= h.line < b.end))
            seg = next((s for s in segments if s.location == i and s.result and s.result.found), None)
            schedule = Schedule(seg.result.week, seg.label) if seg and seg.result else None
            name = b.name
            method = "impressum" if self.kind == "impressum" else "text"
            out.append(Found(Location(name, b.address, phones, fax, emails, schedule), self.prov(method)))
        for ent in self.entities:
            if ent.is_branch:
                phones = tuple(p for p in (to_e164(r) for r in ent.phones) if p)
                addr = ent.addresses[0] if ent.addresses else None
                sched = Schedule(ent.week) if ent.week else None
                out.append(Found(Location(ent.name, addr, phones, (), tuple(ent.emails), sched),
                                 self.prov(ent.method)))
        return out

    def offerings(self) -> list[Found[str]]:
        out: list[Found[str]] = []
        for ent in self.entities:
            out.extend(Found(o, self.prov(ent.method, 0.9)) for o in ent.offerings)
        if self.kind in ("privacy", "impressum", "jobs", "partner"):
            return out
        topic = self._page_topic() if self.kind == "offerings" else None
        for hit in find_offerings(self.doc, self.kind == "offerings", topic, home=self.kind == "home"):
            out.append(Found(hit.text, self.prov(hit.method, hit.confidence)))
        named = self._menu_page_topic() if self.kind == "page" else None
        if named:
            out.append(Found(named, self.prov("heading", 0.45)))
        # a Kursplan names the classes a studio or school offers
        for seg in self._blocks_and_segments[1]:
            if label_kind(seg.label) == "timetable":
                out.extend(Found(name, self.prov("table", 0.6)) for name in class_names(seg.lines))
        # ... also when laid out as slots, a time over each class, under a heading that names the timetable
        if any(ln.level and ln.region == "main" and label_kind(ln.text) == "timetable" for ln in self.doc.lines):
            out.extend(Found(name, self.prov("text", 0.55)) for name in slot_classes(self.doc))
        return out

    def _menu_page_topic(self) -> str | None:
        """The offer a page of its own in the site's menu is about: its main heading ("Weinproben", "Präsentkörbe
        & Firmenpräsente", "Trauerfloristik") when the menu names the page so too; not Team, Galerie, Anfahrt …"""
        head = self._main_heading().strip()
        if not _names_a_topic(head, 5) or head.endswith((".", "!", "?")) or other_section(head) or \
                _NOT_TOPIC.search(head):
            return None
        first = head.split()[0].lower().strip("&,")
        in_menu = any(line.region in ("nav", "header") and
                      any(t.strip().lower().startswith(first) for _, t in line.links) for line in self.doc.lines)
        return clean_item(head) if in_menu else None

    def _page_topic(self) -> str | None:
        """What an offer page is about: its short main heading or first title segment ("Torten", "Brot")."""
        head = self._main_heading()
        segments = TITLE_SPLIT.split(self.doc.title or "")
        # A title without separators is usually just the business name, not the page's topic.
        candidates = [head, *segments[:1]] if len(segments) > 1 else [head]
        return next((c for cand in candidates if _names_a_topic(c := cand.strip(), 4)), None)

    def impressum_links(self) -> list[str]:
        out: list[str] = []
        for line in self.doc.lines:
            for href, text in line.links:
                if _IMPRESSUM_WORD.search(text) or re.search(r"impressum|imprint", href, re.IGNORECASE):
                    absolute = urljoin(self.url, href)
                    if absolute.startswith(("http://", "https://")) and absolute not in out:
                        out.append(absolute)
        return out

    @cached_property
    def _impressum_section(self) -> str | None:
        low = self.body.lower()
        if self.kind == "impressum" or (b"impressum" not in low and b"imprint" not in low):
            return None
        root = self.doc.root
        for el in root.xpath("//*[@id or @name]"):
            ident = (el.get("id") or el.get("name") or "").lower()
            if ident in ("impressum", "imprint"):
                span = self.doc.spans.get(el)
                text = " ".join(self.doc.lines[i].text for i in range(*span)) if span else el.text_content()
                if _IMPRESSUM_CONTENT.search(text) or find_addresses([text[:2000]]):
                    return urldefrag(self.url)[0] + "#" + (el.get("id") or el.get("name") or "impressum")
        for line in self.doc.lines:
            if 1 <= line.level <= 3 and _IMPRESSUM_WORD.fullmatch(line.text.strip()) and line.region != "nav":
                after = " ".join(ln.text for ln in self.doc.lines[line.index + 1:line.index + 15])
                if _IMPRESSUM_CONTENT.search(after) or find_addresses([after]):
                    return urldefrag(self.url)[0] + "#impressum"
        return None

    def impressum_section(self) -> str | None:
        """An in-page Impressum (one-page sites): the page URL with the section's fragment."""
        return self._impressum_section

    def impressum(self, phones: list[Found[str]], emails: list[Found[str]],
                  addresses: list[Found[Address]]) -> ImpressumRecord | None:
        if self.kind != "impressum":
            section = self.impressum_section()
            if not section:
                return None
            lines = self._impressum_section_lines()
            url = section
        else:
            lines = self.doc.lines
            url = self.url
        line_ids = {ln.index for ln in lines}
        addr = next((a for a in self._ordered_addresses(addresses, line_ids)), None)
        mails = [h.email for h in self.email_hits if h.line in line_ids and self._in_location(h.line) is None]
        nums = [h.e164 for h in self.phone_hits if h.line in line_ids and h.kind == "voice"
                and self._in_location(h.line) is None]
        return parse_impressum(url, lines, addr, list(dict.fromkeys(mails)), list(dict.fromkeys(nums)),
                               frozenset(ln.index for ln in lines if self.is_third_party(ln.index)))

    def _ordered_addresses(self, addresses: list[Found[Address]], line_ids: set[int]) -> list[Address]:
        full = [h.address for h in self.address_hits if h.first in line_ids and h.address.street
                and not any(self.is_third_party(i) for i in range(h.first, h.last + 1))]
        return full or [f.value for f in addresses if f.value.street]

    def _impressum_section_lines(self) -> list[Line]:
        lines = self.doc.lines
        for line in lines:
            if 1 <= line.level <= 3 and _IMPRESSUM_WORD.fullmatch(line.text.strip()) and line.region != "nav":
                out = []
                for ln in lines[line.index + 1:]:
                    if 1 <= ln.level <= line.level:
                        break
                    out.append(ln)
                return out
        return list(lines)

    # --- assembly -----------------------------------------------------------------------------------------------

    def to_record(self) -> PageRecord:
        rec = PageRecord(url=self.url)
        try:
            doc = self.doc
        except (UnreadableBody, TooComplex) as exc:
            rec.error = str(exc)
            return rec
        if not doc.lines and not doc.json_ld and not any(s.strip() for s in doc.scripts):
            rec.error = "no text content"
            return rec
        rec.kind = self.kind
        rec.title = doc.title or None
        rec.names = self.names()
        rec.phones, rec.fax, rec.emergency_phones = self.phones()
        rec.voice_and_fax = self.voice_and_fax()
        rec.branch_numbers = [h.e164 for h in self.phone_hits if h.branch]
        rec.emails = self.emails()
        rec.addresses = self.addresses()
        rec.schedules, rec.hours_notes, rec.special_hours = self.schedules()
        rec.locations = self.locations()
        rec.offerings = self.offerings()
        rec.impressum_links = self.impressum_links()
        rec.impressum_section = self.impressum_section()
        rec.impressum = self.impressum(rec.phones, rec.emails, rec.addresses)
        return rec


def extract_page(body: bytes, url: str, headers: Mapping[str, str] | None = None,
                 today: date | None = None) -> PageRecord:
    """Everything one stored page says about the business. Never raises: unreadable input sets `error`."""
    try:
        return GenericBusinessPage(body, url, headers, today).to_record()
    except Exception as exc:  # the contract: bad input gives an empty record with the reason, never an exception
        rec = PageRecord(url=url)
        rec.error = f"extraction failed: {type(exc).__name__}: {exc}"[:300]
        return rec


def _name_confidence(value: str, confidence: float) -> float:
    """A host name is the name only when nothing else names the business: below a home page's main heading."""
    return 0.2 if _HOST_NAME.match(value.strip()) else confidence
