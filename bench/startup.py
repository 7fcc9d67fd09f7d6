"""Startup: time from launching `main.py server` to its listening line, on a store with 1,000
meetings (target: under 1 s), against an empty store and a bare `python -c pass` in the same
run. Run with `python -m bench.startup`.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import seed_people
from meetings.meeting import AgendaItem, Meeting, MeetingStatus, Place
from server import launcher
from server.store import meetings_repo
from server.store.clock import VIETNAM
from server.store.db import Store

MEETINGS = 1000
ROUNDS = 5


def seed_meetings(data: Path, count: int) -> None:
    store = Store(f"sqlite:///{data / 'ecabinet.sqlite3'}")
    start = dt.datetime(2026, 1, 5, 8, tzinfo=VIETNAM)

    def seed(db: object) -> None:
        for index in range(count):
            starts = start + dt.timedelta(hours=6 * index)
            meeting = Meeting(
                id=f"mtg_{index:05d}",
                title=f"Phiên họp số {index}",
                organiser_unit_id="ubnd",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=2),
                place=Place(hall="Hội trường A", video=True),
                status=MeetingStatus.PUBLISHED,
                invited_unit_ids=("ubnd",),
                agenda=tuple(AgendaItem(id=f"itm_{index}_{n}", title=f"Mục {n}") for n in range(4)),
            )
            meetings_repo.save(db, meeting, None)  # type: ignore[arg-type]

    store.write_sync(seed)
    store.engine.dispose()


def time_start(data: Path) -> float:
    started = time.perf_counter()
    server = launcher.start(data)
    elapsed = time.perf_counter() - started
    server.stop()
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        full, empty = Path(tmp) / "full", Path(tmp) / "empty"
        seed_people(full, 10)
        seed_meetings(full, MEETINGS)
        seed_people(empty, 10)
        time_start(full)  # first start writes the certificate; not counted
        time_start(empty)
        bare = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare.append(time.perf_counter() - started)
        with_meetings = sorted(time_start(full) for _ in range(ROUNDS))
        without = sorted(time_start(empty) for _ in range(ROUNDS))
    result = {
        "meetings": MEETINGS,
        "ready_with_meetings_s": with_meetings[ROUNDS // 2],
        "ready_empty_s": without[ROUNDS // 2],
        "bare_python_s": sorted(bare)[ROUNDS // 2],
    }
    result["ratio_to_empty"] = result["ready_with_meetings_s"] / result["ready_empty_s"]
    print(
        f"startup (median of {ROUNDS}): {MEETINGS} meetings "
        f"{result['ready_with_meetings_s'] * 1000:.0f} ms, empty store "
        f"{result['ready_empty_s'] * 1000:.0f} ms (ratio {result['ratio_to_empty']:.2f}), "
        f"bare python {result['bare_python_s'] * 1000:.0f} ms  (target < 1 s)"
    )
    Path("bench/out").mkdir(parents=True, exist_ok=True)
    Path("bench/out/startup.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
