"""Names of units and people, so views show "UBND phường Phú Cường" rather than an id."""

from __future__ import annotations

from dataclasses import dataclass, field

from meetings import protocol as p


@dataclass
class Directory:
    units: dict[str, p.UnitView] = field(default_factory=dict)
    people: dict[str, p.PersonView] = field(default_factory=dict)

    def unit_name(self, unit_id: str) -> str:
        unit = self.units.get(unit_id)
        return unit.name if unit else unit_id

    def person_name(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.full_name if person else person_id

    def to_json(self) -> dict[str, object]:
        return {
            "units": [u.model_dump(mode="json") for u in self.units.values()],
            "people": [x.model_dump(mode="json") for x in self.people.values()],
        }

    @classmethod
    def from_json(cls, data: dict[str, list[dict[str, object]]]) -> Directory:
        units = [p.UnitView.model_validate(u) for u in data.get("units", [])]
        people = [p.PersonView.model_validate(x) for x in data.get("people", [])]
        return cls({u.id: u for u in units}, {x.id: x for x in people})
