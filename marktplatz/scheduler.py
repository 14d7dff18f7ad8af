"""The scheduler's jobs: module-level functions, so the persistent job store can name them
(`marktplatz.scheduler:weekly_crawl`) and find them again after a restart.

Each one only hands its job id to `scheduling.runner.run_job`, with the runtime the daemon (or `--run-now`)
installed in this process; the daemon itself is `scheduling.daemon`, the job table `scheduling.jobs`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from marktplatz.scheduling.runner import Runtime, run_job

_runtime: Runtime | None = None


@contextmanager
def installed(runtime: Runtime) -> Iterator[Runtime]:
    """Make `runtime` the one the job functions use, for the life of a daemon."""
    global _runtime
    if _runtime is not None:
        raise RuntimeError("a scheduler runtime is already installed in this process")
    _runtime = runtime
    try:
        yield runtime
    finally:
        _runtime = None


def _run(job_id: str) -> None:
    if _runtime is None:
        raise RuntimeError(f"job {job_id} fired outside a scheduler daemon (no runtime installed)")
    run_job(_runtime, job_id)


def weekly_crawl() -> None:
    """Full crawl of every trader's site (default Mondays 02:00)."""
    _run("weekly_crawl")


def daily_check() -> None:
    """Link-health check of the sites that are due by the adaptive cadence (default daily 06:00)."""
    _run("daily_check")


def weekly_report() -> None:
    """The week's report into DATA_DIR/reports/<ISO week>/ (default Mondays 07:00, after the crawl)."""
    _run("weekly_report")


def nightly_prune() -> None:
    """Raw-body retention clean-up (default nightly 03:30)."""
    _run("nightly_prune")


JOB_FUNCTIONS: dict[str, Callable[[], None]] = {f.__name__: f for f in
                                                (weekly_crawl, daily_check, weekly_report, nightly_prune)}
