"""The report's charts as inline SVG (matplotlib, no pyplot, no global state): the page works offline.

Text stays text (`svg.fonttype: none`) so the headings are searchable and print sharply; ids are salted with a
fixed value so the same data gives the same bytes (and the same ETag when served).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

STATUS_COLOURS = {"ok": "#2e7d32", "redirected": "#7cb342", "broken": "#ef6c00", "unreachable": "#c62828",
                  "parked": "#8e24aa", "no_website": "#90a4ae", "not_crawled": "#cfd8dc"}
SCORE_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")
RC: dict[Any, Any] = {"svg.fonttype": "none", "svg.hashsalt": "marktplatz-herne", "font.family": "DejaVu Sans",
                      "font.size": 10, "axes.spines.top": False, "axes.spines.right": False}


def status_chart(bars: Sequence[tuple[str, str, int]]) -> str:
    """Horizontal bars: (status key, German label, count)."""
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(4.6, 0.36 * len(bars) + 0.9))
        ax = fig.add_subplot()
        labels = [label for _k, label, _n in bars][::-1]
        values = [n for _k, _l, n in bars][::-1]
        colours = [STATUS_COLOURS.get(k, "#607d8b") for k, _l, _n in bars][::-1]
        drawn = ax.barh(labels, values, color=colours)
        ax.bar_label(drawn, labels=[str(v) for v in values], padding=3)
        ax.set_xlabel("Anzahl Händler")
        ax.set_xlim(0, max([*values, 1]) * 1.15)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        return _svg(fig)


def score_chart(bins: Sequence[tuple[str, int]]) -> str:
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(4.6, 3.0))
        ax = fig.add_subplot()
        labels = [label for label, _n in bins]
        values = [n for _l, n in bins]
        drawn = ax.bar(labels, values, color=SCORE_COLOURS[: len(bins)])
        ax.bar_label(drawn, labels=[str(v) for v in values], padding=2)
        ax.set_xlabel("Punktzahl (0 = viel zu tun, 100 = alles in Ordnung)")
        ax.set_ylabel("Websites")
        ax.set_ylim(0, max([*values, 1]) * 1.2)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        return _svg(fig)


def trend_chart(weeks: Sequence[str], working: Sequence[int], down: Sequence[int],
                average: Sequence[float | None]) -> str:
    """Week by week: working and failing sites (left axis), average score (right axis)."""
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(9.0, 3.2))
        ax = fig.add_subplot()
        x = list(range(len(weeks)))
        ax.plot(x, working, marker="o", color=STATUS_COLOURS["ok"], label="erreichbar")
        ax.plot(x, down, marker="o", color=STATUS_COLOURS["unreachable"], label="fehlerhaft oder nicht erreichbar")
        ax.set_ylabel("Websites")
        ax.set_ylim(0, max([*working, *down, 1]) * 1.2)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        step = max(1, len(weeks) // 10)
        ax.set_xticks(x[::step], [w.replace("-W", "/KW ") for w in weeks][::step])
        ax.set_xlim(-0.5, len(weeks) - 0.5)
        right = ax.twinx()
        right.spines["right"].set_visible(True)
        right.plot(x, [a if a is not None else float("nan") for a in average], linestyle="--", marker="s",
                   color="#1f4e79", label="Ø Punktzahl")
        right.set_ylim(0, 100)
        right.set_ylabel("Ø Punktzahl")
        handles = ax.get_legend_handles_labels()[0] + right.get_legend_handles_labels()[0]
        fig.legend(handles=handles, loc="upper center", ncols=3, frameon=False, fontsize=8.5)
        fig.subplots_adjust(top=0.84)
        return _svg(fig)


def _svg(fig: Figure) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # Size by CSS instead of fixed points, keep the viewBox so it scales.
    return re.sub(r'\s(width|height)="[\d.]+pt"', "", text, count=2)


