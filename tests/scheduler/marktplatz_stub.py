"""A stand-in for a job's `marktplatz` command line, for scheduler tests: `python marktplatz_stub.py MODE [ARG]`.

(Its file name contains "marktplatz" on purpose: a restarted scheduler only stops left-over job processes whose
command line says so.)

  exit N          print a summary line and exit with code N
  sigkill         die of SIGKILL, as a crashed crawl would
  hang FILE       start a grandchild in the same process group, write "child grandchild" pids to FILE, sleep
  ignore-term FILE  like hang, but ignore SIGTERM (needs SIGKILL)
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def main() -> int:
    mode = sys.argv[1]
    if mode == "exit":
        print(f"stub: done with code {sys.argv[2]}", flush=True)
        return int(sys.argv[2])
    if mode == "sigkill":
        print("stub: about to crash", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    if mode in ("hang", "ignore-term"):
        if mode == "ignore-term":
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
        tmp = sys.argv[2] + ".tmp"
        with open(tmp, "w") as fh:
            fh.write(f"{os.getpid()} {grandchild.pid}")
        os.replace(tmp, sys.argv[2])
        time.sleep(300)
        return 0
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main())
