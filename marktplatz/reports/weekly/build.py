"""Everything the weekly report shows, gathered from the database (read only) into one plain model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from marktplatz.reports.formatting import datetime_de, number_de, signed_de
from marktplatz.reports.labels import STATUS_DE
from marktplatz.reports.queries import visible_traders
from marktplatz.reports.weekly import charts, tables
from marktplatz.reports.weekly.figures import HEADLINE, Figures, figures_of, score_histogram
from marktplatz.reports.weekly.history import States, first_snapshot_at, live_states, states_at_week_ends
from marktplatz.reports.weekly.period import Week, week_of, weeks_between


@dataclass
class Tile:
    label: str
    value: str
    change: str
    tone: str  # "good" | "bad" | "" — whether the change is an improvement


@dataclass
class WeeklyReport:
    week: Week
    generated: str
    period: str
    tiles: list[Tile]
    status_svg: str
    score_svg: str
    trend_svg: str
    trend: list[tuple[str, Figures]]
    tables: list[tables.Table]
    has_previous: bool


def build_report(session: Session, week: Week, now: datetime, tz: ZoneInfo) -> WeeklyReport:
    traders = visible_traders(session)
    by_id = {t.id: t for t in traders}
    first = first_snapshot_at(session)
    first_week = week_of(first.astimezone(tz).date(), tz) if first else week
    if first_week.monday > week.monday:
        first_week = week
    previous = week.previous(tz)
    weeks = list(weeks_between(min(first_week, previous, key=lambda w: w.monday), week, tz))
    history = states_at_week_ends(session, traders, weeks)
    live = week.end > now
    as_of = now if live else week.end
    current: States = live_states(traders) if live else history[week.label]
    before = history.get(previous.label)
    has_previous = before is not None and previous.monday >= first_week.monday
    trend_weeks = [w for w in weeks if w.monday >= first_week.monday]
    trend = [(w.label, figures_of(current if w.label == week.label else history[w.label])) for w in trend_weeks]
    now_figures = figures_of(current)
    prev_figures = figures_of(before) if has_previous and before is not None else None
    status_bars = [(k, STATUS_DE[k], n) for k, n in _status_counts(now_figures)]
    return WeeklyReport(
        week=week, generated=datetime_de(now, tz),
        period=f"{week.monday:%d.%m.%Y} bis {week.sunday:%d.%m.%Y}",
        tiles=_tiles(now_figures, prev_figures),
        status_svg=charts.status_chart(status_bars),
        score_svg=charts.score_chart(score_histogram(current)),
        trend_svg=charts.trend_chart([label for label, _ in trend], [f.working for _, f in trend],
                                     [f.broken + f.unreachable for _, f in trend],
                                     [f.average_score for _, f in trend]),
        trend=trend,
        tables=[
            tables.sites_down(by_id, current, as_of, session),
            tables.newly_broken(session, by_id, current, week),
            tables.biggest_changes(session, by_id, week),
            tables.common_findings(session, by_id, now_figures.checked),
            tables.stale_data(by_id, as_of),
            tables.review_queue(session, by_id),
        ],
        has_previous=prev_figures is not None,
    )


def _status_counts(f: Figures) -> list[tuple[str, int]]:
    return [("ok", f.ok), ("redirected", f.redirected), ("broken", f.broken), ("unreachable", f.unreachable),
            ("parked", f.parked), ("no_website", f.no_website), ("not_crawled", f.not_crawled)]


def _tiles(now: Figures, before: Figures | None) -> list[Tile]:
    tiles = []
    for label, attr, up_is_good in HEADLINE:
        value = getattr(now, attr)
        old = getattr(before, attr) if before else None
        digits = 1 if attr == "average_score" else 0
        text = number_de(value, digits) if value is not None else "–"
        if before is None or value is None or old is None:
            tiles.append(Tile(label, text, "kein Vergleich", ""))
            continue
        delta = value - old
        tone = "" if up_is_good is None or abs(delta) < 0.05 else ("good" if (delta > 0) == up_is_good else "bad")
        tiles.append(Tile(label, text, f"{signed_de(delta, digits)} zur Vorwoche", tone))
    return tiles
