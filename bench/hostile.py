"""Each hostile server case crawled on its own beside a healthy site: seconds, peak memory and the status it got.

    .venv/bin/python -m bench.hostile            # every case (about a minute)
    .venv/bin/python -m bench.hostile --cases haengt-example.de,bombe-example.de

Prints a Markdown table (the one in docs/security.md). Uses the same hostile web and limits as the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile.server import CASES, TLS_CASES, HostileWeb, idna
from tests.hostile.test_hostile_web import CONFIG

HEALTHY = "gesund-example.de"


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marktplatz", "--quiet", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=600, check=True)


def crawl_one(web: HostileWeb, case: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "m.toml").write_text(CONFIG, encoding="utf-8")
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("MARKTPLATZ_")},
               "MARKTPLATZ_DATA_DIR": str(root), "MARKTPLATZ_DB": f"sqlite:///{root / 'm.db'}",
               "MARKTPLATZ_ALLOW_PRIVATE": "127.0.0.1/32", "MARKTPLATZ_CRAWL_DELAY": "0",
               "MARKTPLATZ_CONFIG": str(root / "m.toml"),
               "MARKTPLATZ_HOSTS": ",".join(f"{h}=127.0.0.1" for h in HostileWeb.hosts())}
        (root / "t.csv").write_text(f"id;name;website\nH;healthy;{web.url(HEALTHY)}\nX;case;{web.url(case)}\n",
                                    encoding="utf-8")
        run(["init"], env, root)
        run(["traders", "import", str(root / "t.csv")], env, root)
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "marktplatz", "--quiet", "crawl"], env=env, cwd=root,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _pid, _status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - started
        run(["export", "health", "--format", "json", "--out", str(root / "h.json")], env, root)
        run(["export", "feed", "--format", "json", "--out", str(root / "f.json")], env, root)
        health = {s["id"]: s for s in json.loads((root / "h.json").read_text())["sites"]}
        feed = {s["id"]: s for s in json.loads((root / "f.json").read_text())["listings"]}
        return {"case": case, "seconds": seconds, "peak_mb": usage.ru_maxrss / 1024,
                "status": health["X"]["site_status"], "outcome": health["X"]["outcome"] or "-",
                "healthy_ok": feed["H"]["phones"] == ["+4923231112233"] and health["H"]["site_status"] == "ok"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", help="comma-separated host names (default: all)")
    args = ap.parse_args()
    cases = args.cases.split(",") if args.cases else [c for c in [*CASES, *TLS_CASES] if c != HEALTHY]
    web = HostileWeb().start()
    try:
        print("| case | crawl time (s) | peak RSS (MB) | site status | outcome | healthy site complete |")
        print("|---|---:|---:|---|---|---|")
        for case in cases:
            r = crawl_one(web, case)
            print(f"| {idna(case) if case != idna(case) else case} | {r['seconds']:.1f} | {r['peak_mb']:.0f} | "
                  f"{r['status']} | {r['outcome']} | {'yes' if r['healthy_ok'] else 'NO'} |", flush=True)
    finally:
        web.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
