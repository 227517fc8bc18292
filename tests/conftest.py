"""Shared fixtures and case loaders (the only place fixtures live)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
RULE_CASES = DATA / "rule_cases"


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["_where"] = f"{path.name}:{n}"
            rows.append(row)
    return rows


def rule_cases() -> list[dict]:
    cases = []
    for path in sorted(RULE_CASES.glob("*.jsonl")):
        cases.extend(load_jsonl(path))
    return cases


@pytest.fixture(scope="session")
def all_rule_cases() -> list[dict]:
    return rule_cases()
