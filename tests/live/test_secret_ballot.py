"""An administrator who reads the SQLite file cannot tell who chose what in a secret vote."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from tests.live.conftest import DELEGATES, Connect, running_meeting

CHOICES = {"yes", "no", "abstain"}


def _size(path: Path) -> int:
    return path.stat().st_size


def _places(database: Path, text: str) -> set[int]:
    """The offsets in the database file where `text` is written."""
    data = database.read_bytes()
    needle = text.encode()
    found: set[int] = set()
    at = data.find(needle)
    while at >= 0 and len(found) < 10_000:
        found.add(at)
        at = data.find(needle, at + 1)
    return found


def _leaves(value: Any) -> set[str]:
    """Every scalar in a column, looking inside JSON text."""
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return {value}
        if isinstance(parsed, dict | list):
            return _leaves(parsed)
        return {value}
    if isinstance(value, dict):
        return {x for v in value.values() for x in _leaves(v)} | set(value)
    if isinstance(value, list):
        return {x for v in value for x in _leaves(v)}
    return {str(value)}


async def test_the_stored_ballots_cannot_be_linked_to_voters(
    connect: Connect, hall_dir: Path
) -> None:
    secretary = await connect("thuky")
    chair = await connect("chutich")
    delegates = [await connect(name) for name in DELEGATES[:8]]
    meeting = await running_meeting(secretary, chair)
    mid = meeting["id"]
    for client in delegates:
        await client.call("live.check_in", meeting_id=mid)
    await chair.call("live.next_item", meeting_id=mid, expected_item_id=None)
    vote = await chair.call("live.open_vote", meeting_id=mid, kind="secret", question="Kín?")
    database = hall_dir / "ecabinet.sqlite3"
    wal = Path(f"{database}-wal")
    # Where the vote's counters sit in the file before any ballot.
    counters_before = _places(database, vote["id"])
    voters: list[str] = []
    for client, choice in zip(delegates, ["yes", "no", "no", "abstain", "yes"], strict=False):
        me = await client.call("me.get")
        voters.append(me["id"])
        await client.call("live.cast", meeting_id=mid, vote_id=vote["id"], choice=choice)
        # Acknowledged, and the log of page versions that would order the ballots is gone.
        assert _size(wal) == 0
    # The counters were overwritten where they were: their places tell nothing of the order.
    assert counters_before <= _places(database, vote["id"])
    await chair.call("live.close_vote", meeting_id=mid, vote_id=vote["id"])
    assert _size(wal) == 0

    db = sqlite3.connect(database)
    try:
        schema = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
        for table in ("live_voters", "live_tally"):
            assert "WITHOUT ROWID" in schema[table].upper()
        columns = {row[1] for row in db.execute("PRAGMA table_info(live_voters)")}
        assert columns == {"vote_id", "person_id"}  # no time, no sequence
        tally = dict(
            db.execute("SELECT choice, count FROM live_tally WHERE vote_id = ?", (vote["id"],))
        )
        bias = 1 << 40  # server.store.live_repo.BIAS
        assert {k: v - bias for k, v in tally.items()} == {"yes": 2, "no": 2, "abstain": 1}
        roll = [
            r[0]
            for r in db.execute(
                "SELECT person_id FROM live_voters WHERE vote_id = ?", (vote["id"],)
            )
        ]
        assert roll == sorted(voters)  # kept in name order, not in the order people voted
        assert db.execute(
            "SELECT count(*) FROM live_named_ballots WHERE vote_id = ?", (vote["id"],)
        ).fetchone() == (0,)
        # No row anywhere holds this vote, a voter and a choice together.
        for table in schema:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                leaves = set().union(*(_leaves(v) for v in row))
                if vote["id"] in leaves and leaves & set(voters):
                    assert not leaves & CHOICES, (table, row)
    finally:
        db.close()
