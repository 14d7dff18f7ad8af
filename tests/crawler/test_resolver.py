"""The guarded resolver at connection time: the address checked is the address connected to."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = Path(__file__).with_name("rebinding_probe.py")


def run_probe() -> dict:
    proc = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_dns_rebinding_and_multi_address_answers_never_reach_a_forbidden_address() -> None:
    probe = run_probe()
    results = probe["results"]
    assert results["rebind-1"] == "connected"
    assert results["rebind-2"] != "connected"  # the second answer was checked too, and refused
    assert results["multi"] == "connected"
    assert results["forbidden"] != "connected"
    assert results["literal-forbidden"] != "connected"
    assert results["literal-allowed"] == "connected"
    # Only the allowed address ever saw a connection, whatever the DNS said.
    assert set(probe["accepted"]) == {"127.0.0.1"}
    assert len(probe["accepted"]) == 3
