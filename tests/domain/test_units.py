from __future__ import annotations

from datetime import UTC, datetime

import pytest

from meetings.errors import BadRequest, InvalidState
from meetings.units import (
    ChangeKind,
    Unit,
    UnitKind,
    ancestors,
    lineage,
    merge,
    move,
    rename,
    successor,
)

AT = datetime(2025, 7, 1, tzinfo=UTC)


def city() -> dict[str, Unit]:
    units = [
        Unit("ubnd", "UBND thành phố", UnitKind.PEOPLES_COMMITTEE),
        Unit("phu-cuong", "UBND phường Phú Cường", UnitKind.WARD, "ubnd"),
        Unit("hiep-thanh", "UBND phường Hiệp Thành", UnitKind.WARD, "ubnd"),
        Unit("chanh-nghia", "UBND phường Chánh Nghĩa", UnitKind.WARD, "ubnd"),
    ]
    return {u.id: u for u in units}


def test_rename_keeps_the_id_and_records_both_names() -> None:
    unit, change = rename(city()["phu-cuong"], "UBND phường Thủ Dầu Một", AT)
    assert (unit.id, unit.name) == ("phu-cuong", "UBND phường Thủ Dầu Một")
    assert (change.kind, change.old_value, change.new_value) == (
        ChangeKind.RENAMED,
        "UBND phường Phú Cường",
        "UBND phường Thủ Dầu Một",
    )


def test_merged_units_live_on_in_their_successor() -> None:
    units = city()
    units["hiep-thanh"], _ = merge(units["hiep-thanh"], units["phu-cuong"], AT)
    units["chanh-nghia"], _ = merge(units["chanh-nghia"], units["phu-cuong"], AT)
    assert not units["hiep-thanh"].active
    assert successor("hiep-thanh", units) == "phu-cuong"
    assert sorted(lineage("phu-cuong", units)) == ["chanh-nghia", "hiep-thanh", "phu-cuong"]


def test_a_merged_unit_cannot_change_again() -> None:
    units = city()
    merged, _ = merge(units["hiep-thanh"], units["phu-cuong"], AT)
    with pytest.raises(InvalidState):
        rename(merged, "x", AT)
    with pytest.raises(InvalidState):
        merge(units["chanh-nghia"], merged, AT)


def test_move_refuses_cycles() -> None:
    units = city()
    with pytest.raises(BadRequest):
        move(units["ubnd"], "phu-cuong", AT, [*ancestors("phu-cuong", units), "phu-cuong"])
    moved, change = move(units["phu-cuong"], None, AT, [])
    assert moved.parent_id is None and change.old_value == "ubnd"


def test_unit_needs_a_name() -> None:
    with pytest.raises(BadRequest):
        Unit("x", "  ", UnitKind.WARD)
