"""Job processes: exit codes, deaths by signal, and a hang past the time limit that takes its process group."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from marktplatz.scheduling.children import ChildProcesses
from tests.scheduler.conftest import STUB, pid_gone, wait_until


def test_exit_code_and_last_output_line_are_kept() -> None:
    result = ChildProcesses().run([sys.executable, STUB, "exit", "3"], time_limit=30)
    assert result.exit_code == 3 and not result.ok and not result.timed_out
    assert result.last_line == "stub: done with code 3"


def test_a_process_killed_by_a_signal_is_reported_as_such() -> None:
    result = ChildProcesses().run([sys.executable, STUB, "sigkill"], time_limit=30)
    assert result.exit_code == -9 and result.describe() == "died of SIGKILL"


def test_a_hang_past_the_time_limit_kills_the_whole_process_group(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    result = ChildProcesses(kill_grace=2).run([sys.executable, STUB, "hang", str(pids)], time_limit=1.5)
    assert result.timed_out and not result.ok
    child, grandchild = (int(p) for p in pids.read_text().split())
    assert child == result.pid
    wait_until(lambda: pid_gone(grandchild), timeout=10, what="the grandchild to be gone")


def test_a_process_that_ignores_sigterm_is_killed_after_the_grace_period(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    result = ChildProcesses(kill_grace=1).run([sys.executable, STUB, "ignore-term", str(pids)], time_limit=1)
    assert result.timed_out and result.exit_code == -9
    wait_until(lambda: pid_gone(int(pids.read_text().split()[1])), timeout=10, what="the grandchild to be gone")


def test_stop_all_interrupts_running_children_and_refuses_new_ones(tmp_path: Path) -> None:
    children = ChildProcesses(kill_grace=2)
    pids = tmp_path / "pids"
    results: list = []
    worker = threading.Thread(target=lambda: results.append(
        children.run([sys.executable, STUB, "hang", str(pids)], time_limit=60)))
    worker.start()
    wait_until(pids.exists, what="the child to start")
    children.stop_all()
    worker.join(timeout=20)
    assert results and results[0].interrupted and not results[0].timed_out
    try:
        children.run([sys.executable, STUB, "exit", "0"], time_limit=5)
    except RuntimeError as exc:
        assert "shutting down" in str(exc)
    else:
        raise AssertionError("a new child was started during shutdown")
