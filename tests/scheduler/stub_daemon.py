"""A scheduler daemon process whose weekly crawl is a stub that hangs: for signal and restart tests.

`python stub_daemon.py DB_URL DATA_DIR PIDFILE` — runs `Daemon` in its own main thread (real signal handling), with
short timings. Mirrors what `marktplatz scheduler` does; only the crawl job's command line differs.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from marktplatz.config import Settings
from marktplatz.db import make_engine
from marktplatz.scheduling.daemon import Daemon, DaemonOptions
from marktplatz.scheduling.jobs import JobTable

STUB = str(Path(__file__).with_name("marktplatz_stub.py"))
FAR = "0 3 29 2 *"  # 29 February: never during a test


def main() -> int:
    db_url, data_dir, pidfile = sys.argv[1:4]
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    settings = Settings(data_dir=Path(data_dir), db_url=db_url)
    base = JobTable()
    jobs = {job_id: replace(spec, cron=FAR) for job_id, spec in base.jobs.items()}
    jobs["weekly_crawl"] = replace(jobs["weekly_crawl"], time_limit=timedelta(minutes=5),
                                   commands=lambda ctx: [[sys.executable, STUB, "hang", pidfile]])
    table = replace(base, jobs=jobs)
    options = DaemonOptions(heartbeat_every=0.5, kill_grace=2.0, wait_poll=0.1)
    return Daemon(settings, make_engine(db_url), table, options=options).run()


if __name__ == "__main__":
    sys.exit(main())
