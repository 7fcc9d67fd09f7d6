"""The accounts a visitor may try in demo mode, read from the demo city's description."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ecabinet.core.resources import DEMO_CITY


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    label_vi: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_vi if language == "vi" else self.label_en


def load_demo_accounts(path: Path = DEMO_CITY) -> list[DemoAccount]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        DemoAccount(a["username"], data["password"], a["label_vi"], a["label_en"])
        for a in data.get("featured_accounts", [])
    ]
