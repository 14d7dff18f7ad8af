"""Progress display for long commands: Rich on a terminal, silent otherwise (logs and the summary line remain)."""

from __future__ import annotations

from collections import Counter
from types import TracebackType
from typing import Any


class _NoProgress:
    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, label: str = "") -> None:
        return None


class _RichProgress:
    def __init__(self, total: int, label: str) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), TextColumn("{task.fields[last]}"), transient=False)
        self._task = self._progress.add_task(label, total=total, last="")

    def __enter__(self) -> _RichProgress:
        self._progress.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._progress.stop()

    def advance(self, label: str = "") -> None:
        self._progress.update(self._task, advance=1, last=label)


def make_progress(total: int, label: str, enabled: bool) -> Any:
    return _RichProgress(total, label) if enabled and total > 0 else _NoProgress()


class SiteProgress:
    """The per-site progress of a crawl or check: a bar opened once the number of sites is known, advanced after
    each site, and closed whatever happens; counts the site statuses for the summary line."""

    def __init__(self, make_bar: Any, label: str) -> None:
        self._make_bar = make_bar
        self._label = label
        self._bar: Any = None
        self.statuses: Counter[str] = Counter()

    def start(self, total: int) -> None:
        self._bar = self._make_bar(total, self._label)
        self._bar.__enter__()

    def site_done(self, trader_id: str, status: str) -> None:
        self.statuses[status] += 1
        if self._bar is not None:
            self._bar.advance(f"{trader_id}: {status}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def by_status(self) -> str:
        return ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items())) or "no sites"
