"""Processing finished sites beside the crawl, in worker processes: fetch rows, then extraction and audit.

Extraction and the audit cost about as much CPU as fetching and parsing links; run in the crawl's own process they
halve its throughput, since Python runs one thread at a time. So the crawl process only fetches and stores bodies,
then hands a finished site's fetch facts to a worker process (`[crawl] processing_workers`, default 1; 0 processes
sites in the crawl process itself). The worker writes the fetch rows, reads them and the bodies back as
`marktplatz reprocess` does (`processing.prepare_site`, in a read transaction), and writes the site's results in one
transaction (`processing.store_site`).

Workers are started with `spawn` (a fork of a process with running threads can inherit held locks), ignore SIGINT
and SIGTERM (the crawl process decides when to stop and waits for them), send their log records to the crawl
process, and exit on their own when the crawl process is gone (a SIGKILLed crawl leaves no stray worker behind).
"""

from __future__ import annotations

import logging
import logging.handlers
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marktplatz.db.bodies import BodyStore
from marktplatz.db.engine import make_engine, session_factory, transaction
from marktplatz.db.models import Trader
from marktplatz.db.repo.pages import record_fetches
from marktplatz.monitor.status import HealthRules
from marktplatz.processing import SiteOutcome, prepare_site, store_site

log = logging.getLogger(__name__)


class ProcessingFailed(Exception):
    """A site's processing raised; the worker has logged the traceback already."""


@dataclass(frozen=True)
class _Job:
    trader_id: str
    run_id: int | None
    facts: dict[str, Any]  # about the site's crawl (end reason, seconds), for the health observation
    fetches: list[dict[str, Any]]  # the fetch rows to write (`db.repo.pages.record_fetches`)


class _Sessions:
    """A read engine (plain deferred transactions: on SQLite a snapshot that takes no write lock) and a write one."""

    def __init__(self, db_url: str) -> None:
        self._engines = (make_engine(db_url, read_only=True), make_engine(db_url))
        self.reads = session_factory(self._engines[0])
        self.writes = session_factory(self._engines[1])

    def dispose(self) -> None:
        for engine in self._engines:
            engine.dispose()


def process_crawled_site(sessions: _Sessions, store: BodyStore, rules: HealthRules, job: _Job) -> SiteOutcome | None:
    """One finished site → its fetch rows, then its results; None when the trader was deleted meanwhile.

    Extraction and audit read a snapshot; only the writing of rows and results takes a write transaction, so other
    writers (another worker, the scheduler) never wait for a site's extraction. Writing the rows again (a retry) is
    harmless: they are keyed by trader and URL."""
    now = datetime.now(UTC)
    if job.fetches:
        with transaction(sessions.writes) as session:
            record_fetches(session, job.trader_id, job.run_id, job.fetches)
    with sessions.reads() as session, session.begin():
        trader = session.get(Trader, job.trader_id)
        if trader is None:
            return None
        prepared = prepare_site(session, store, trader, job.run_id, now, crawl_facts=job.facts)
    with transaction(sessions.writes) as session:
        if session.get(Trader, job.trader_id) is None:
            return None
        return store_site(session, prepared, job.run_id, now, rules=rules)


def _process_logged(sessions: _Sessions, store: BodyStore, rules: HealthRules,
                    job: _Job) -> SiteOutcome | None:
    try:
        return process_crawled_site(sessions, store, rules, job)
    except Exception as exc:  # one site's failure must not end the crawl of the others
        log.exception("processing the crawl of trader %s failed", job.trader_id)
        raise ProcessingFailed(f"{type(exc).__name__}: {exc}") from None


# -- the worker process ----------------------------------------------------------------------------------------------

_worker_state: tuple[_Sessions, BodyStore, HealthRules] | None = None


def _init_worker(db_url: str, bodies_dir: str, rules: HealthRules, log_queue: Any, log_level: int,
                 parent_pid: int) -> None:
    global _worker_state
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(logging.handlers.QueueHandler(log_queue))
    root.setLevel(log_level)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), name="parent-watch", daemon=True).start()
    _worker_state = (_Sessions(db_url), BodyStore(Path(bodies_dir)), rules)


def _exit_with_parent(parent_pid: int) -> None:
    # An open transaction dies with the process and is rolled back by the database: nothing half-written stays.
    while os.getppid() == parent_pid:
        time.sleep(0.5)
    os._exit(0)


def _ready() -> int:
    return os.getpid()


def _process_in_worker(job: _Job) -> SiteOutcome | None:
    assert _worker_state is not None, "worker not initialised"
    return _process_logged(*_worker_state, job)


class _Relay(logging.Handler):
    """Hands a worker's log record to the crawl process's logger of the same name (its handlers and filters)."""

    def emit(self, record: logging.LogRecord) -> None:
        logger = logging.getLogger(record.name)
        if logger.isEnabledFor(record.levelno):
            logger.handle(record)


# -- the crawl process's side ----------------------------------------------------------------------------------------

Done = Callable[[str, "SiteOutcome | None", "BaseException | None"], None]


class SiteProcessor:
    """Submits finished sites to the worker processes (or runs them inline) and reports each result to `done`.

    `done(trader_id, outcome, error)` is called from a pool thread: the caller moves it to its own thread."""

    RETRIES_AFTER_BROKEN_POOL = 1  # a worker killed under a site (out of memory, a crash in C code): try once more

    def __init__(self, db_url: str, store: BodyStore, rules: HealthRules, workers: int) -> None:
        self.db_url = db_url
        self.store = store
        self._inline: _Sessions | None = None
        self.rules = rules
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._log_queue: Any = None
        self._listener: logging.handlers.QueueListener | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start the workers now, so they import the extraction code while the first sites are fetched."""
        if self.workers > 0:
            self._pool_for_submit().submit(_ready)

    def submit(self, trader_id: str, run_id: int | None, facts: dict[str, Any], fetches: list[dict[str, Any]],
               done: Done) -> None:
        self._submit(_Job(trader_id, run_id, facts, fetches), done, self.RETRIES_AFTER_BROKEN_POOL)

    def _submit(self, job: _Job, done: Done, retries: int) -> None:
        if self.workers <= 0:
            if self._inline is None:
                self._inline = _Sessions(self.db_url)
            try:
                outcome = _process_logged(self._inline, self.store, self.rules, job)
            except ProcessingFailed as exc:
                done(job.trader_id, None, exc)
            else:
                done(job.trader_id, outcome, None)
            return
        pool = self._pool_for_submit()
        try:
            future = pool.submit(_process_in_worker, job)
        except (BrokenProcessPool, RuntimeError) as exc:
            self._discard(pool)
            if retries <= 0:
                done(job.trader_id, None, exc)
                return
            self._submit(job, done, retries - 1)
            return
        future.add_done_callback(lambda f: self._finished(pool, job, done, retries, f))

    def _finished(self, pool: ProcessPoolExecutor, job: _Job, done: Done, retries: int,
                  future: Future[SiteOutcome | None]) -> None:
        error = future.exception() if not future.cancelled() else RuntimeError("cancelled at shutdown")
        if isinstance(error, BrokenProcessPool) and retries > 0:
            log.warning("the processing worker stopped under trader %s: processing it again in a new worker",
                        job.trader_id)
            self._discard(pool)
            self._submit(job, done, retries - 1)
            return
        if error is not None:
            if not isinstance(error, ProcessingFailed):
                log.error("processing the crawl of trader %s failed: %s", job.trader_id, error)
            done(job.trader_id, None, error)
        else:
            done(job.trader_id, future.result(), None)

    def _pool_for_submit(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = multiprocessing.get_context("spawn")
                if self._log_queue is None:
                    self._log_queue = context.Queue()
                    self._listener = logging.handlers.QueueListener(self._log_queue, _Relay())
                    self._listener.start()
                self._pool = ProcessPoolExecutor(
                    max_workers=self.workers, mp_context=context, initializer=_init_worker,
                    initargs=(self.db_url, str(self.store.root), self.rules, self._log_queue,
                              logging.getLogger().getEffectiveLevel(), os.getpid()))
            return self._pool

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=False)

    def close(self, cancel: bool = False) -> None:
        """Wait for the workers (or, with `cancel`, drop the sites not yet started) and stop them."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=cancel)
        if self._listener is not None:
            self._listener.stop()
            self._listener = None
        if self._log_queue is not None:
            self._log_queue.close()
            self._log_queue = None
        if self._inline is not None:
            self._inline.dispose()
            self._inline = None
