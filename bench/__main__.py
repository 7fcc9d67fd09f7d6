"""`make bench`: every bench in turn, each printing its figures against its own baseline."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys

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
        if subprocess.run([sys.executable, "-m", name], check=False).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nbenches that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
