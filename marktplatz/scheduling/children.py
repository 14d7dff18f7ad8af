"""Child processes: every job runs `python -m marktplatz …` in a process (and process group) of its own.

Scrapy's reactor cannot be restarted inside one process, and a crawl that crashes, leaks or hangs must not take the
scheduler with it. A child gets a time limit; past it, its whole process group gets SIGTERM (Scrapy shuts down
gracefully and closes its crawl run), then SIGKILL after a grace period. Output goes to a temporary file rather
than a pipe, so a grandchild that keeps the pipe open can never block the scheduler; its tail is kept for the run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

OUTPUT_TAIL_BYTES = 4000


@dataclass(frozen=True)
class ChildResult:
    """How one child process ended."""

    command: tuple[str, ...]
    pid: int
    exit_code: int | None  # negative: killed by that signal (subprocess convention)
    seconds: float
    timed_out: bool
    interrupted: bool  # stopped because the scheduler is shutting down
    output_tail: str

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out and not self.interrupted

    @property
    def last_line(self) -> str:
        lines = [line for line in self.output_tail.splitlines() if line.strip()]
        return lines[-1].strip() if lines else ""

    def describe(self) -> str:
        if self.timed_out:
            return f"killed after the time limit ({self.seconds:.0f} s)"
        if self.interrupted:
            return "stopped because the scheduler shut down"
        if self.exit_code is not None and self.exit_code < 0:
            try:
                name = signal.Signals(-self.exit_code).name
            except ValueError:
                name = f"signal {-self.exit_code}"
            return f"died of {name}"
        return f"exit code {self.exit_code}"


class ChildProcesses:
    """Starts children with a time limit and can stop all running ones at shutdown."""

    def __init__(self, kill_grace: float = 30.0, poll: float = 0.2) -> None:
        self.kill_grace = kill_grace
        self.poll = poll
        self._running: dict[int, subprocess.Popen[bytes]] = {}
        self._interrupted: set[int] = set()
        self._closing = threading.Event()
        self._lock = threading.Lock()

    def run(self, command: Sequence[str], *, time_limit: float, env: Mapping[str, str] | None = None,
            cwd: Path | None = None, on_start: Callable[[int], None] | None = None) -> ChildResult:
        """Run `command` to its end, or kill its process group after `time_limit` seconds."""
        if self._closing.is_set():
            raise RuntimeError("the scheduler is shutting down; no new job processes")
        started = time.monotonic()
        with tempfile.TemporaryFile(prefix="marktplatz-job-") as out:
            # start_new_session: the child leads its own process group, so killpg reaches its children too, and a
            # Ctrl-C in the operator's terminal goes to the scheduler only (which then stops the children itself).
            proc = subprocess.Popen(list(command), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                    env=dict(env) if env is not None else None, cwd=cwd, start_new_session=True)
            with self._lock:
                self._running[proc.pid] = proc
            timed_out = False
            try:
                if on_start is not None:
                    on_start(proc.pid)
                while True:
                    try:
                        proc.wait(timeout=self.poll)
                        break
                    except subprocess.TimeoutExpired:
                        if time.monotonic() - started > time_limit:
                            timed_out = True
                            log.warning("job process %s (%s) passed its time limit of %.0f s: stopping it",
                                        proc.pid, " ".join(command[2:4]), time_limit)
                            self._stop_group(proc)
                            break
            finally:
                if proc.poll() is None:  # an exception while waiting: never leave a child behind
                    self._stop_group(proc)
                else:  # whatever the job left running in its process group goes with it
                    _signal_group(proc.pid, signal.SIGKILL)
                with self._lock:
                    self._running.pop(proc.pid, None)
                    interrupted = proc.pid in self._interrupted
                    self._interrupted.discard(proc.pid)
            out.seek(0, os.SEEK_END)
            size = out.tell()
            out.seek(max(0, size - OUTPUT_TAIL_BYTES))
            tail = out.read().decode("utf-8", "replace")
        return ChildResult(tuple(command), proc.pid, proc.returncode, time.monotonic() - started, timed_out,
                           interrupted and not timed_out, tail)

    def stop_all(self) -> None:
        """Shutdown: no new children, and every running one is stopped (SIGTERM, then SIGKILL)."""
        self._closing.set()
        with self._lock:
            running = list(self._running.values())
            self._interrupted.update(p.pid for p in running)
        threads = [threading.Thread(target=self._stop_group, args=(p,), daemon=True) for p in running]
        for t in threads:
            t.start()
        for t in threads:
            t.join()

    @property
    def running(self) -> list[int]:
        with self._lock:
            return list(self._running)

    def _stop_group(self, proc: subprocess.Popen[bytes]) -> None:
        _signal_group(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=self.kill_grace)
        except subprocess.TimeoutExpired:
            log.warning("job process %s ignored SIGTERM for %.0f s: killing it", proc.pid, self.kill_grace)
        # Also after a clean exit of the leader: a grandchild left in the group must not outlive the job.
        _signal_group(proc.pid, signal.SIGKILL)
        proc.wait()


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this machine (a zombie counts as alive)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def looks_like_our_child(pid: int) -> bool:
    """Whether `pid` is a `marktplatz` process (guards against killing an unrelated process that got a reused id)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"marktplatz" in cmdline


def stop_orphan(pid: int, grace: float = 10.0) -> bool:
    """Stop the process group of a job process left behind by a scheduler that died; True when one was found."""
    if not pid_alive(pid) or not looks_like_our_child(pid):
        return False
    _signal_group(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and pid_alive(pid):
        time.sleep(0.2)
    _signal_group(pid, signal.SIGKILL)
    return True
