"""Running a command as a measured process: wall time, CPU time, and the peak RSS of its whole process tree.

Used by the pipeline benchmark for `marktplatz crawl` and the bare Scrapy spider alike, so both are measured the
same way. The tree's RSS is sampled with psutil (the `bench` extra) every `interval` seconds; CPU time comes from
the kernel (`wait4`) when the process ends, so it is exact for the process itself.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import psutil


@dataclass
class Measured:
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str
    rss_samples: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, tree RSS in bytes)

    @property
    def cpu_share(self) -> float:
        """CPU time over wall time: 1.0 means one core busy the whole run."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0

    def peak_rss_mb_by_quarter(self) -> list[float]:
        """The tree's peak RSS within the first quarter, half, three quarters and the whole of the run: a crawl
        that streams levels off, one that keeps something per site climbs to the end."""
        return [round(max((rss for t, rss in self.rss_samples if t <= self.seconds * q / 4), default=0) / 2**20)
                for q in (1, 2, 3, 4)]


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:  # a child that ended between listing and reading
            continue
    return total


def run_measured(cmd: Sequence[str], env: Mapping[str, str], cwd: Path, interval: float = 0.2,
                 timeout: float = 7200) -> Measured:
    out_path, err_path = cwd / ".measured.out", cwd / ".measured.err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.monotonic()
        proc = subprocess.Popen(list(cmd), env=dict(env), cwd=cwd, stdout=out, stderr=err)
        peak = 0
        samples: list[tuple[float, int]] = []
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            try:
                handle = psutil.Process(proc.pid)
                while not done.is_set():
                    rss = tree_rss(handle)
                    samples.append((time.monotonic() - started, rss))
                    peak = max(peak, rss)
                    done.wait(interval)
            except psutil.Error:
                return

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
            time.sleep(0.05)
        seconds = time.monotonic() - started
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss covers the process itself exactly, between samples too; the sampled figure adds its children.
    peak = max(peak, usage.ru_maxrss * 1024)
    return Measured(seconds=seconds, cpu_seconds=usage.ru_utime + usage.ru_stime, peak_rss_mb=peak / 2**20,
                    returncode=proc.returncode, stdout=out_path.read_text(errors="replace"),
                    stderr=err_path.read_text(errors="replace"), rss_samples=samples)
