"""The scheduler daemon's parts: wall-clock triggers, the job table, child processes with a time limit, job runs
recorded in `crawl_runs`, the database locks, adaptive check cadence, and the APScheduler daemon itself.

`marktplatz/scheduler.py` holds the module-level job functions that the persistent job store refers to.
"""
