"""The report's tables, each a title, a CSV file name, a header and rows of text: the HTML and the CSV show the same.

Every query goes through the visible traders (opt-outs left out) handed in by the caller.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from marktplatz.db.models import BrokenLink, Finding, LinkCheck, Trader
from marktplatz.listings.review import open_items
from marktplatz.monitor.health import FAILED_STATUSES
from marktplatz.reports.changes import changes_between
from marktplatz.reports.formatting import date_de, number_de, value_text
from marktplatz.reports.labels import FIELD_DE, SEVERITY_DE, SEVERITY_ORDER, STATUS_DE
from marktplatz.reports.queries import listing_of
from marktplatz.reports.weekly.history import States
from marktplatz.reports.weekly.period import Week

STALE_AFTER = timedelta(days=28)
MAX_CHANGED_TRADERS = 15


@dataclass
class Table:
    key: str
    title: str
    intro: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    empty: str = "Keine Einträge."
    widths: list[int] = field(default_factory=list)  # percent of the page width per column, for print

    @property
    def csv_name(self) -> str:
        return f"{self.key}.csv"


def sites_down(traders: dict[str, Trader], states: States, as_of: datetime, session: Session) -> Table:
    errors = _last_check_errors(session, as_of)
    rows = []
    down = [(tid, s) for tid, s in states.items() if s.status in FAILED_STATUSES and tid in traders]
    for tid, s in sorted(down, key=lambda x: (x[1].since or as_of, traders[x[0]].name)):
        days = (as_of - s.since).days if s.since else None
        rows.append([traders[tid].name, traders[tid].website or "", STATUS_DE[s.status], date_de(s.since),
                     "" if days is None else str(max(days, 0)), errors.get(tid, "")])
    return Table("ausfaelle", "Websites mit Ausfall", "Websites, die am Ende der Woche nicht oder nur mit einem "
                 "Fehler antworteten, mit dem Tag, seit dem das so ist.",
                 ["Händler", "Website", "Zustand", "seit", "Tage", "Fehler"], rows,
                 "Keine Website ist ausgefallen.", [19, 25, 13, 12, 7, 24])


def newly_broken(session: Session, traders: dict[str, Trader], states: States, week: Week) -> Table:
    """Sites that went down this week (even if back by now, and on their first check), then new broken links."""
    rows: list[tuple[datetime, list[str]]] = []
    seen: set[str] = set()
    for change, trader in changes_between(session, week.start, week.end):
        if change.field == "site_status" and change.new in FAILED_STATUSES and trader.id in traders:
            seen.add(trader.id)
            rows.append((change.changed_at, [trader.name, "Website", change.source_url or trader.website or "",
                                             STATUS_DE.get(str(change.new), str(change.new)),
                                             date_de(change.changed_at)]))
    for tid, s in states.items():
        if (s.status in FAILED_STATUSES and s.since and week.start <= s.since < week.end and tid in traders
                and tid not in seen):
            rows.append((s.since, [traders[tid].name, "Website", traders[tid].website or "",
                                   STATUS_DE[s.status], date_de(s.since)]))
    links = select(BrokenLink).where(BrokenLink.first_seen_at >= week.start, BrokenLink.first_seen_at < week.end,
                                     BrokenLink.external.is_(False))
    for link in session.scalars(links):
        if link.trader_id in traders:
            what = f"HTTP {link.status}" if link.status else (link.error or "keine Antwort")
            rows.append((link.first_seen_at, [traders[link.trader_id].name, "Link", link.url,
                                              f"{what} (auf {link.found_on or '?'})", date_de(link.first_seen_at)]))
    rows.sort(key=lambda r: (r[0], r[1][0]))
    return Table("neu-defekt", "Neu ausgefallen oder defekt", "Websites, die in dieser Woche ausgefallen sind, und "
                 "Links, die in dieser Woche zum ersten Mal ins Leere führten.",
                 ["Händler", "Art", "Adresse", "Fehler", "seit"], [r for _, r in rows],
                 "In dieser Woche ist nichts neu ausgefallen.", [19, 10, 33, 26, 12])


def biggest_changes(session: Session, traders: dict[str, Trader], week: Week) -> Table:
    per_trader: dict[str, list[list[str]]] = defaultdict(list)
    for change, trader in changes_between(session, week.start, week.end):
        if change.field == "site_status" or trader.id not in traders:
            continue
        per_trader[trader.id].append([trader.name, FIELD_DE.get(change.field, change.field),
                                      value_text(change.field, change.old) or "(leer)",
                                      value_text(change.field, change.new) or "(leer)", date_de(change.changed_at),
                                      change.source_url or ""])
    ranked = sorted(per_trader.items(), key=lambda kv: (-len({r[1] for r in kv[1]}), traders[kv[0]].name))
    rows = [row for _, trader_rows in ranked[:MAX_CHANGED_TRADERS] for row in trader_rows]
    intro = "Geänderte Angaben der Einträge (Telefon, E-Mail, Anschrift, Öffnungszeiten, Angebot), die Händler " \
            "mit den meisten geänderten Feldern zuerst."
    if len(ranked) > MAX_CHANGED_TRADERS:
        intro += f" Gezeigt: {MAX_CHANGED_TRADERS} von {len(ranked)} Händlern; alle Änderungen: " \
                 "`marktplatz export changes`."
    return Table("aenderungen", "Größte Änderungen an Einträgen", intro,
                 ["Händler", "Feld", "vorher", "nachher", "am", "Quelle"], rows,
                 "In dieser Woche hat sich an keinem Eintrag etwas geändert.", [15, 13, 21, 21, 12, 18])


def common_findings(session: Session, traders: dict[str, Trader], checked: int) -> Table:
    counts: Counter[str] = Counter()
    example: dict[str, Finding] = {}
    for f in session.scalars(select(Finding).order_by(Finding.id)):
        if f.trader_id in traders:
            counts[f.code] += 1
            example.setdefault(f.code, f)
    rows = []
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], SEVERITY_ORDER.get(example[kv[0]].severity, 9),
                                                           kv[0])):
        f = example[code]
        share = f"{number_de(100 * n / checked, 0)} %" if checked else ""
        rows.append([f.message_de, SEVERITY_DE.get(f.severity, f.severity), str(n), share, code])
    return Table("befunde", "Häufigste Befunde", "Was die Prüfung der Websites am häufigsten fand (aktueller Stand; "
                 "Beispieltext eines Befunds), mit Anzahl und Anteil der geprüften Websites.",
                 ["Befund", "Gewicht", "Websites", "Anteil", "Code"], rows, "Keine Befunde.", [52, 10, 10, 10, 18])


def stale_data(traders: dict[str, Trader], as_of: datetime) -> Table:
    rows = []
    for trader in traders.values():
        listing = listing_of(trader)
        if not trader.website or listing.last_verified_at is None:
            continue
        age = as_of - listing.last_verified_at
        if listing.stale:
            reason = "Website antwortet nicht: die zuletzt bestätigten Daten werden weiter gezeigt"
        elif age > STALE_AFTER:
            reason = "seit über 4 Wochen nicht mehr bestätigt"
        else:
            continue
        rows.append([trader.name, trader.website, STATUS_DE.get(listing.site_status, listing.site_status),
                     date_de(listing.last_verified_at), str(max(age.days, 0)), reason])
    rows.sort(key=lambda r: -int(r[4]))
    return Table("veraltete-daten", "Einträge mit veralteten Daten", "Einträge, deren Angaben nicht mehr von der "
                 "Website bestätigt werden konnten; sie bleiben im Verzeichnis, gekennzeichnet als veraltet.",
                 ["Händler", "Website", "Zustand", "zuletzt bestätigt", "Tage", "Grund"], rows,
                 "Alle Einträge sind aktuell.", [17, 22, 13, 13, 7, 28])


def review_queue(session: Session, traders: dict[str, Trader]) -> Table:
    rows = [[trader.name, FIELD_DE.get(item.field, item.field), value_text(item.field, item.old) or "(leer)",
             value_text(item.field, item.proposed) or "(leer)", date_de(item.created_at), str(item.id)]
            for item, trader in open_items(session) if trader.id in traders]
    return Table("pruefliste", "Zu prüfen: von Websites verschwundene Angaben", "Angaben, die von einer "
                 "erreichbaren Website verschwunden sind. Sie bleiben im Eintrag, bis jemand entscheidet "
                 "(`marktplatz review accept|reject NR`).",
                 ["Händler", "Feld", "bisher", "jetzt auf der Website", "seit", "Nr"], rows,
                 "Nichts zu prüfen.", [20, 12, 25, 21, 12, 10])


def _last_check_errors(session: Session, before: datetime) -> dict[str, str]:
    latest = (select(LinkCheck.trader_id, func.max(LinkCheck.checked_at).label("at"))
              .where(LinkCheck.checked_at < before).group_by(LinkCheck.trader_id).subquery())
    query = select(LinkCheck).join(latest, (LinkCheck.trader_id == latest.c.trader_id)
                                   & (LinkCheck.checked_at == latest.c.at))
    out: dict[str, str] = {}
    for check in session.scalars(query):
        out[check.trader_id] = (f"HTTP {check.http_status}" if check.http_status and check.http_status >= 400
                                else _short(check.error or check.outcome))
    return out


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 90 else text[:87] + "…"


