"""`make bench`: every bench in turn, each printing its figures against its own baseline."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys

TIMEOUT = 1800
"""Longest any one bench may run (the video bench takes about four minutes)."""

BENCHES = [
    "bench.fanout",
    "bench.distribution",
    "bench.startup",
    "bench.signing",
    "bench.votes",
    "bench.client",
    "bench.sfu",
]


def main() -> int:
    failed = []
    for name in BENCHES:
        if importlib.util.find_spec(name) is None:
            continue
        print(f"\n=== {name} ===", flush=True)
        # Each bench in its own process, so one's threads and memory do not skew the next.
        try:
            code = subprocess.run([sys.executable, "-m", name], check=False, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            print(f"{name} did not finish in {TIMEOUT} s")
            failed.append(name)
            continue
        if code.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nbenches that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
