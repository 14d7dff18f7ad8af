"""Merging the page records of one site into the listing's `SiteRecord`.

What needs the whole site is decided here: which address is the business's (structured data and the Impressum
outrank a footer; the address named on most pages breaks ties), which numbers are its own rather than a branch's or
a privacy page's data-protection contact, which fax is a fax although it sits in a `tel:` link on one page, which
schedule is the main one (public opening hours before Werkstatt/Sprechstunde/Küche, a branch's hours only when the
business has no hours of its own), and where the Impressum is. Every value keeps the provenance of its best source.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urlsplit

from marktplatz.crawler.pages.record import (
    Address,
    Found,
    Location,
    PageRecord,
    Provenance,
    Schedule,
    SiteRecord,
    SpecialHours,
    Week,
)
from marktplatz.crawler.parsing import vocab
from marktplatz.crawler.parsing.address import address_key
from marktplatz.crawler.parsing.names import domain_affinity, domain_words
from marktplatz.crawler.parsing.schedules import SIDE_KINDS, label_kind, names_closure
from marktplatz.crawler.parsing.seasons import in_season, season_of, without_season

T = TypeVar("T")
MAX_OFFERINGS = 60
# Pages whose contact data is a fallback only: privacy policies name data-protection officers and hosts, a page of
# partners or links the firms it recommends.
FALLBACK_KINDS = frozenset(("privacy", "partner"))
# Methods of schema.org data, which outranks the text
_STRUCTURED = frozenset(("jsonld", "microdata", "rdfa"))
_HAUPT = re.compile(r"haupt|zentrale|stammhaus|stamm|hauptsitz|main", re.IGNORECASE)


@dataclass
class _Vote:
    """All sightings of one value across the site's pages."""

    best: Found[Any]
    count: int = 0
    order: int = 0
    kinds: set[str] = field(default_factory=set)
    fallback_only: bool = True
    methods: set[str] = field(default_factory=set)


def _collect(records: Sequence[PageRecord], get: Callable[[PageRecord], list[Found[Any]]],
             key: Callable[[Any], Hashable] = lambda v: v) -> dict[Hashable, _Vote]:
    votes: dict[Hashable, _Vote] = {}
    order = 0
    for rec in records:
        pages_seen: set[Hashable] = set()
        for found in get(rec):
            k = key(found.value)
            vote = votes.get(k)
            if vote is None:
                vote = votes[k] = _Vote(best=found, order=order)
                order += 1
            elif found.provenance.confidence > vote.best.provenance.confidence:
                vote.best = found
            if k not in pages_seen:
                vote.count += 1
                pages_seen.add(k)
            vote.kinds.add(rec.kind)
            vote.methods.add(found.provenance.method)
            if rec.kind not in FALLBACK_KINDS:
                vote.fallback_only = False
    return votes


def _score(vote: _Vote) -> float:
    return vote.best.provenance.confidence + 0.03 * min(vote.count, 10)


def _ranked(votes: dict[Hashable, _Vote], allow_fallback: bool = False) -> list[_Vote]:
    chosen = [v for v in votes.values() if not v.fallback_only]
    if not chosen and allow_fallback:
        chosen = list(votes.values())
    return sorted(chosen, key=lambda v: (-_score(v), v.order))


def _values(votes: list[_Vote]) -> list[Found[Any]]:
    return [v.best for v in sorted(votes, key=lambda v: (-v.best.provenance.confidence, v.order))]


# --- name, address --------------------------------------------------------------------------------------------------

def _name(records: Sequence[PageRecord], home_url: str, city: str | None) -> Found[str] | None:
    plain = {id(rec): [Found(_plain_name(f.value, city), f.provenance) for f in rec.names] for rec in records}
    votes = _collect(records, lambda rec: plain[id(rec)], key=lambda v: v.strip().lower())
    ranked = _ranked(votes, allow_fallback=True)
    # Among names of equal standing (an SEO title's segments: "Maler Herne | Fassaden | Malerbetrieb Kaya"), the one
    # the site's domain or its mail domain spells is the business's.
    hosts = [urlsplit(home_url).hostname or "", *{_domain(e.value) for r in records for e in r.emails}]
    words = domain_words(hosts)
    # A name that two kinds of evidence agree on (the welcome heading and the Impressum) beats a title's segment
    # repeated by the template on every page.
    methods: dict[Hashable, set[str]] = defaultdict(set)
    for found in plain.values():
        for f in found:
            methods[f.value.strip().lower()].add(f.provenance.method)

    def score(v: _Vote) -> float:
        key = v.best.value.strip().lower()
        return _score(v) + 0.1 * domain_affinity(v.best.value, words) + 0.05 * (len(methods[key]) - 1)

    ranked.sort(key=lambda v: (-score(v), v.order))
    if ranked and ranked[0].best.provenance.method == "impressum":
        brand = _brand_over_legal_name(ranked, methods)
        if brand is not None:
            return brand.best
    return ranked[0].best if ranked else None


def _name_word_list(name: str) -> list[str]:
    """A name's words in order, without its legal form ("Bäckerei Friedrich GmbH" → bäckerei, friedrich)."""
    return [w for w in re.split(r"[^\wäöüß]+", _LEGAL_FORM_WORDS.sub(" ", name.lower())) if len(w) >= 3]


def _name_words(name: str) -> set[str]:
    return set(_name_word_list(name))


# (the legal forms the Impressum reader knows, in any case, and the words such forms are spelled out with)
_LEGAL_FORM_WORDS = re.compile(r"(?<![\wäöü])(?:" + "|".join(re.escape(f) for f in sorted(vocab.LEGAL_FORMS, key=len,
                                                                                         reverse=True))
                               + r"|haftungsbeschränkt|partnerschaft)(?![\wäöü])", re.IGNORECASE)


def _brand_over_legal_name(ranked: list[_Vote], methods: dict[Hashable, set[str]]) -> _Vote | None:
    """The name the site calls itself by, when the Impressum's company name is another one: "Reisebüro Fernweh" in
    the title of every page and the welcome heading against "Fernweh Reisen GmbH". Only a related name (a word in
    common) that several pages and two kinds of evidence give. A legal name in other words or with more of them
    ("Seitenweise Buchhandlung GmbH", "Bäckerei & Konditorei Schulte GmbH") is what the register knows; a directory
    shows the name on the shop sign ("Buchhandlung Seitenweise", "Bäckerei Schulte"). One that only adds the legal
    form ("Bäckerei Friedrich GmbH") stays: it is the sign's name, completed."""
    legal = ranked[0].best.value
    legal_words = _name_words(legal)
    for vote in ranked[1:]:
        name = vote.best.value
        words = _name_words(name)
        # (two kinds of evidence, or the title of every page of a larger site)
        if vote.count < 3 or (len(methods[name.strip().lower()]) < 2 and vote.count < 4) or \
                not words & legal_words:
            continue
        if _name_word_list(name) == _name_word_list(legal):
            # the same words in the same order, the legal form added: the Impressum's stands (not "Buchhandlung
            # Seitenweise" against "Seitenweise Buchhandlung GmbH")
            return None
        return vote
    return None


_GENERIC_SUFFIX = re.compile(r"(?:\s+[-–|]\s+|\s+)(?:ihr\s+)?(?:meisterbetrieb|fachbetrieb|innungsbetrieb|"
                             r"familienbetrieb)$", re.IGNORECASE)


def _without_city(name: str, city: str | None) -> str:
    """"Malerbetrieb Kaya, Herne" and "… in Herne" are "Malerbetrieb Kaya": the listing shows the town beside the
    name. A town that is part of the name ("Autohaus Herne-Süd", "Herner Blumenhaus") stays."""
    if not city:
        return name
    town = re.escape(city.split("-")[0].strip())
    short = re.sub(rf"(?:\s*,\s*|\s+in\s+|\s+[-–|]\s+){town}(?:-[\wäöüß-]+)?\s*$", "", name, flags=re.IGNORECASE)
    return short if len(short) >= 3 else name


def _plain_name(name: str, city: str | None) -> str:
    """The name as the listing shows it: without the town after it and without a trade label tacked on
    ("Elektro Wiesner Meisterbetrieb")."""
    short = _GENERIC_SUFFIX.sub("", _without_city(name, city))
    return short if len(short) >= 3 else name


def _address(records: Sequence[PageRecord]) -> Found[Address] | None:
    # The directory shows where to find the business: a street address beats a PO box ("Postanschrift: Postfach …"
    # above "Hausanschrift: …"), and either beats a bare postcode and city.
    for tier in range(3):
        get = functools.partial(_addresses_of_tier, tier=tier)
        ranked = _without_stale_markup(_ranked(_collect(records, get, key=address_key), allow_fallback=True), records,
                                       get)
        if ranked:
            return ranked[0].best
    return None


def _addresses_of_tier(rec: PageRecord, tier: int) -> list[Found[Address]]:
    return [f for f in rec.addresses if (0 if f.value.street else 1 if f.value.po_box else 2) == tier]


# --- locations ------------------------------------------------------------------------------------------------------

@dataclass
class _Loc:
    name: str | None
    address: Address | None
    phones: list[str] = field(default_factory=list)
    fax: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    schedule: Schedule | None = None
    schedule_rank: int = -1
    provenance: Provenance | None = None


def _norm_name(name: str | None) -> str:
    return re.sub(r"\(.*?\)|[^a-zäöüß]", "", (name or "").lower())


def _locations(records: Sequence[PageRecord]) -> list[_Loc]:
    """Locations of all pages, merged by address (name-only teaser cards join the address with the same name)."""
    merged: list[_Loc] = []
    by_key: dict[Hashable, _Loc] = {}
    by_name: dict[str, _Loc] = {}
    pending: list[tuple[Location, Provenance, int]] = []
    rank = {"hours": 4, "contact": 4, "page": 3, "offerings": 3, "impressum": 2, "home": 1}
    for rec in records:
        if rec.kind in FALLBACK_KINDS:
            continue
        for found in rec.locations:
            loc = found.value
            r = rank.get(rec.kind, 2)
            if loc.address is None:
                pending.append((loc, found.provenance, r))
                continue
            key = address_key(loc.address)
            cur = by_key.get(key)
            if cur is None:
                cur = by_key[key] = _Loc(loc.name, loc.address, provenance=found.provenance)
                merged.append(cur)
            _absorb(cur, loc, r)
            if loc.name and _norm_name(loc.name):
                by_name.setdefault(_norm_name(loc.name), cur)
                if not cur.name or _HAUPT.search(loc.name):
                    cur.name = loc.name
    for loc, prov, r in pending:
        target = by_name.get(_norm_name(loc.name))
        if target is None:
            target = _Loc(loc.name, None, provenance=prov)
            merged.append(target)
            if loc.name:
                by_name[_norm_name(loc.name)] = target
        _absorb(target, loc, r)
    return merged


def _absorb(cur: _Loc, loc: Location, rank: int) -> None:
    cur.phones += [p for p in loc.phones if p not in cur.phones]
    cur.fax += [p for p in loc.fax if p not in cur.fax]
    cur.emails += [e for e in loc.emails if e not in cur.emails]
    # A branch page or contact page states a branch's hours more fully than a home-page teaser.
    if loc.schedule and rank > cur.schedule_rank:
        cur.schedule = loc.schedule
        cur.schedule_rank = rank


# --- merge ----------------------------------------------------------------------------------------------------------

def merge_site(records: Sequence[PageRecord], home_url: str, today: date | None = None) -> SiteRecord:
    """One listing from all pages of a site (home page first)."""
    site = SiteRecord(home_url=home_url, pages=len(records))
    for rec in records:
        if rec.error:
            site.errors.append(f"{rec.url}: {rec.error}")
    good = [r for r in records if not r.error]
    site.address = _address(good)
    site.name = _name(good, home_url, site.address.value.city if site.address else None)
    locations = _locations(good)
    main_key = address_key(site.address.value) if site.address else None
    main_locs = [loc for loc in locations if loc.address is not None and main_key and
                 address_key(loc.address) == main_key]
    branch_locs = [loc for loc in locations if loc not in main_locs]
    _contacts(site, good, main_locs, branch_locs)
    _hours(site, good, main_locs, branch_locs, today)
    _offerings(site, good)
    _impressum(site, good)
    for loc in branch_locs:
        if loc.provenance is None or not (loc.phones or loc.schedule or loc.address):
            continue
        site.branches.append(Found(Location(loc.name, loc.address, tuple(loc.phones), tuple(loc.fax),
                                            tuple(loc.emails), loc.schedule), loc.provenance))
    return site


# help desks of the platforms a business names: not its own address when it has others
_PLATFORM_MAILBOX = re.compile(r"^(?:support|hilfe|help|helpdesk|kundenservice|customerservice|noreply|no-reply)@",
                               re.IGNORECASE)


def _contacts(site: SiteRecord, records: Sequence[PageRecord], main_locs: list[_Loc],
              branch_locs: list[_Loc]) -> None:
    voice = _collect(records, lambda r: r.phones)
    fax = _collect(records, lambda r: r.fax)
    emergency = _collect(records, lambda r: r.emergency_phones)
    for loc in main_locs:
        prov = loc.provenance or Provenance(site.home_url, "text", 0.7)
        for p in loc.phones:
            voice.setdefault(p, _Vote(best=Found(p, prov), count=1, order=len(voice), fallback_only=False))
        for p in loc.fax:
            fax.setdefault(p, _Vote(best=Found(p, prov), count=1, order=len(fax), fallback_only=False))
    # A number labelled fax anywhere is a fax (a fax in a tel: link is still a fax); one seen only as a branch's
    # number belongs to that branch.
    fax_numbers = {k for k, v in fax.items() if not v.fallback_only} or set(fax)
    # ... unless a "Tel./Fax" label said it is both.
    fax_numbers -= {n for r in records for n in r.voice_and_fax}
    # A number of the main address's block or of the Impressum is the business's own, whatever other block (a
    # neighbour's address quoted in a paragraph) also holds it.
    own = {p for loc in main_locs for p in loc.phones + loc.fax} | \
        {f.value for r in records if r.kind == "impressum" for f in (*r.phones, *r.fax)}
    branch_numbers = {p for loc in branch_locs for p in loc.phones + loc.fax} - own
    voice_ranked = [v for v in _ranked(voice) if v.best.value not in fax_numbers]
    if not voice_ranked:
        voice_ranked = [v for v in _ranked(voice, allow_fallback=True) if v.best.value not in fax_numbers]
    # A number labelled with a branch's name ("Niederlassung Dortmund: 0231 …" in a top bar) is the branch's, as
    # long as the business states a number of its own.
    labelled = {n for r in records for n in r.branch_numbers} - own
    if any(v.best.value not in labelled for v in voice_ranked):
        branch_numbers |= labelled
    if not voice_ranked and not main_locs and branch_locs:
        # Only branches state numbers: the first branch stands for the business.
        first = branch_locs[0]
        prov = first.provenance or Provenance(site.home_url, "text", 0.6)
        voice_ranked = [_Vote(best=Found(p, prov)) for p in first.phones]
    voice_ranked = _without_stale_markup(voice_ranked, records, lambda r: [*r.phones, *r.fax])
    site.phones = _values([v for v in voice_ranked if v.best.value not in branch_numbers or
                           v.best.provenance.method in _STRUCTURED])
    site.fax = _values([v for v in _ranked(fax, allow_fallback=True) if v.best.value not in branch_numbers])
    voice_values = {f.value for f in site.phones}
    site.emergency_phones = _values([v for v in _ranked(emergency, allow_fallback=True)
                                     if v.best.value not in voice_values and v.best.value not in fax_numbers])
    mails = _collect(records, lambda r: r.emails)
    for loc in main_locs:
        prov = loc.provenance or Provenance(site.home_url, "text", 0.7)
        for e in loc.emails:
            mails.setdefault(e, _Vote(best=Found(e, prov), count=1, order=len(mails), fallback_only=False))
    ranked_mails = _without_stale_markup(_ranked(mails, allow_fallback=True), records, lambda r: r.emails)
    # a booking or delivery platform's help desk ("support@terminpilot.de") named beside the business's own addresses
    desks = {v.best.value for v in ranked_mails if _PLATFORM_MAILBOX.match(v.best.value)}
    own_domains = {_domain(v.best.value) for v in ranked_mails if v.best.value not in desks}
    site.emails = _values([v for v in ranked_mails if v.best.value not in desks or not own_domains
                           or _domain(v.best.value) in own_domains])


def _without_stale_markup(votes: list[_Vote], records: Sequence[PageRecord],
                          get: Callable[[PageRecord], list[Found[Any]]]) -> list[_Vote]:
    """Leave out a value only the structured data states when the Impressum's text gives the business's own and never
    this one: a plugin's markup entered once and not kept up (the old number, the old t-online address)."""
    if not any(f.provenance.method not in _STRUCTURED for r in records if r.kind == "impressum" for f in get(r)):
        return votes
    return [v for v in votes if not v.methods or not v.methods <= _STRUCTURED]


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1]


def _week_key(week: dict[str, list[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((d, tuple(v)) for d, v in sorted(week.items()))


_KIND_BONUS = {"main": 0.1, "neutral": 0.0, "secondary": -0.3, "announcement": -0.3, "offseason": -0.5}


def _location_schedule(main_locs: list[_Loc], branch_locs: list[_Loc]) -> _Loc | None:
    """The location whose hours stand for the business's: the main address's, the head office's ("Hauptfiliale",
    "Stammhaus"), else the first branch's."""
    # (not the times its telephone is answered, nor a timetable of classes)
    timed = [x for x in main_locs + branch_locs if x.schedule and label_kind(x.schedule.label) not in ("phone",
                                                                                                     "timetable")]
    return next((x for x in timed if x in main_locs), None) or \
        next((x for x in timed if _HAUPT.search(x.name or "")), None) or next(iter(timed), None)


def _round_the_clock(week: Week) -> bool:
    return bool(week) and all(iv in ("00:00-24:00", "00:00-23:59") for ivs in week.values() for iv in ivs)


def _refines(week: Week, coarse: Week) -> bool:
    """Whether a week is a coarser one with the breaks it leaves out: the same days, each opening and closing at the
    same times, with a pause between ("08:00-12:00, 13:00-17:00" against "08:00-17:00")."""
    if week == coarse or week.keys() != coarse.keys():
        return False
    return all(len(coarse[day]) == 1 and ivs[0][:5] == coarse[day][0][:5] and ivs[-1][6:] == coarse[day][0][6:]
               for day, ivs in week.items())


def _hours(site: SiteRecord, records: Sequence[PageRecord], main_locs: list[_Loc], branch_locs: list[_Loc],
           today: date | None) -> None:
    votes = _collect(records, lambda r: r.schedules, key=lambda s: _week_key(s.week))
    candidates = _ranked(votes, allow_fallback=False)
    structured = [v for v in candidates if v.best.provenance.method in _STRUCTURED]

    def kind_of(vote: _Vote) -> str:
        sightings = _all_sightings(records, vote)
        if today is not None:
            # a season's week ("Winter (November – Februar)") is the main one while it holds, else set aside
            # (a closure notice over a copy of the week, "Büro in den Sommerferien geschlossen (14.07. bis 01.08.)",
            # names no season of it)
            seasoned = [(x, f.value.label) for f in sightings
                        if (x := season_of(f.value.label)) is not None and not names_closure(f.value.label)]
            if seasoned:
                if not any(in_season(x, today) for x, _ in seasoned):
                    return "offseason"
                # (a beer garden's summer hours stay the beer garden's)
                if not any(label_kind(without_season(label or "")) in SIDE_KINDS for _, label in seasoned):
                    return "main"
        labels = {label_kind(f.value.label) for f in sightings}
        if "main" in labels:
            return "main"
        if "neutral" in labels:
            return "neutral"
        if "announcement" in labels:
            return "announcement"
        if "secondary" in labels:
            return "secondary"
        return "phone" if "phone" in labels else "timetable"

    main: _Vote | None = None
    fallback: _Loc | None = None
    kinds = {id(v): kind_of(v) for v in candidates}  # (each looks at every sighting: once per candidate)
    # the weeks pages state in their text under the hours' own heading, best first
    stated = [v for v in candidates if v.best.provenance.method not in _STRUCTURED and kinds[id(v)] == "main"]
    # A claim of round the clock on every day it names is a template's default where a page states its opening hours
    # under their heading (a care service's office, a locksmith's shop)
    if structured and _round_the_clock(structured[0].best.value.week) and any(
            not _round_the_clock(v.best.value.week) for v in stated):
        candidates = [v for v in candidates if v is not structured[0]]
        structured = []
    # Structured data first, unless its week is the one a page gives for a season that is over on the crawl day
    # (an ice-cream parlour's JSON-LD keeps the summer hours all year)
    if structured and kinds[id(structured[0])] != "offseason":
        main = structured[0]
        # ... unless the page's own week under the hours' heading says more (the lunch break the markup leaves out)
        # or is shown on more pages than the markup (a plugin's schedule entered once and not kept up): visitors
        # and the directory's readers go by what the page shows
        # (a tie of several pages goes to the page too when no page shows the markup's week at all: the week in
        # every page's footer is the one kept up)
        if stated and (stated[0].count > main.count or _refines(stated[0].best.value.week, main.best.value.week) or
                       (stated[0].count == main.count >= 2 and main.methods <= _STRUCTURED)):
            main = stated[0]
    else:
        # a timetable (Kursplan) or when the telephone is answered is never the opening hours; a department's
        # schedule is when it is the only one
        ranked = sorted((v for v in candidates if kinds[id(v)] not in ("timetable", "phone")),
                        key=lambda v: (-(_score(v) + _KIND_BONUS[kinds[id(v)]]), v.order))
        # a department's schedule, or news of changed hours, only when nothing else is stated
        primary = [v for v in ranked if kinds[id(v)] not in ("secondary", "announcement", "offseason")]
        # (before them, a head office's or branch's hours stated in its block: a bakery's "Stammhaus" table)
        fallback = None if primary else _location_schedule(main_locs, branch_locs)
        main = primary[0] if primary else (ranked[0] if ranked and fallback is None else None)
    if main is not None:
        best = main.best
        site.opening_hours = Found(Schedule(best.value.week, None, best.value.note), best.provenance)
    elif fallback is not None and fallback.schedule is not None:
        # (no main schedule is left only where no primary one was found, so the location was looked up above)
        lp = fallback.provenance or Provenance(site.home_url, "text", 0.6)
        site.opening_hours = Found(Schedule(fallback.schedule.week, None),
                                   Provenance(lp.source_url, lp.method, round(lp.confidence * 0.8, 3)))
    main_key = _week_key(site.opening_hours.value.week) if site.opening_hours else None
    seen = {main_key}
    for vote in candidates:
        k = _week_key(vote.best.value.week)
        if k in seen:
            continue
        labels = [f.value.label for f in _all_sightings(records, vote) if f.value.label]
        if not labels:
            continue  # an unnamed second schedule is more likely a stale copy than a department's hours
        seen.add(k)
        site.other_hours.append(Found(Schedule(vote.best.value.week, labels[0], vote.best.value.note),
                                      vote.best.provenance))
    notes = _collect(records, lambda r: r.hours_notes, key=lambda t: t.strip().lower())
    parts: list[str] = []
    prov: Provenance | None = None
    if site.opening_hours and site.opening_hours.value.note:
        parts.append(site.opening_hours.value.note)
        prov = site.opening_hours.provenance
    for vote in _ranked(notes):
        text = vote.best.value.strip()
        if text and not any(text.lower() in p.lower() for p in parts):
            parts.append(text)
            prov = prov or vote.best.provenance
        if len(parts) >= 4:
            break
    if parts and prov is not None:
        site.opening_hours_note = Found(" · ".join(parts)[:500], prov)
    special = _collect(records, lambda r: r.special_hours, key=lambda s: (s.start, s.end, s.intervals))
    for vote in sorted(_ranked(special), key=lambda v: v.best.value.start):
        sh: SpecialHours = vote.best.value
        if today is not None and sh.end < today.isoformat():
            continue
        site.special_hours.append(vote.best)


def _all_sightings(records: Sequence[PageRecord], vote: _Vote) -> list[Found[Schedule]]:
    key = _week_key(vote.best.value.week)
    return [f for r in records for f in r.schedules if _week_key(f.value.week) == key]


def _offerings(site: SiteRecord, records: Sequence[PageRecord]) -> None:
    votes = _collect(records, lambda r: r.offerings, key=lambda t: t.strip().lower())
    name = (site.name.value if site.name else "").strip().lower()
    ranked = [v for v in _ranked(votes) if v.best.value.strip().lower() != name]
    ranked.sort(key=lambda v: (-round(_score(v), 2), v.order))
    site.offerings = [v.best for v in ranked[:MAX_OFFERINGS]]


def _impressum(site: SiteRecord, records: Sequence[PageRecord]) -> None:
    pages = [r for r in records if r.kind == "impressum"]
    if pages:
        site.impressum_url = Found(pages[0].url, Provenance(pages[0].url, "impressum", 0.95))
        site.impressum = next((r.impressum for r in pages if r.impressum), None)
        return
    section = next((r for r in records if r.impressum_section), None)
    if section is not None and section.impressum_section:
        site.impressum_url = Found(section.impressum_section, Provenance(section.url, "heading", 0.85))
        site.impressum = section.impressum
        return
    counts: dict[str, int] = defaultdict(int)
    first_seen: dict[str, str] = {}
    for rec in records:
        for link in rec.impressum_links:
            counts[link] += 1
            first_seen.setdefault(link, rec.url)
    if counts:
        link = max(counts, key=lambda k: counts[k])
        site.impressum_url = Found(link, Provenance(first_seen[link], "link", 0.6))
