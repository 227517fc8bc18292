"""The decision table of verifier.scoring, one test per row."""

from __future__ import annotations

import pytest

from verifier.scoring import decide

ROWS = [
    # (flags, signals, about_debt, label, level, row)
    ({"personal_account_transfer"}, set(), True, "scam", "high", 1),
    ({"credential_request", "threat_or_harassment"}, set(), True, "scam", "high", 1),
    ({"off_platform_contact"}, set(), True, "scam", "high", 2),
    ({"suspicious_link", "urgent_pressure"}, set(), False, "scam", "high", 2),
    ({"threat_or_harassment"}, set(), True, "abusive", "high", 3),
    ({"threat_or_harassment", "false_legal_threat"}, set(), True, "abusive", "high", 3),
    ({"false_legal_threat"}, set(), True, "abusive", "medium", 4),
    ({"borrow_to_repay", "urgent_pressure"}, set(), True, "abusive", "medium", 4),
    ({"urgent_pressure"}, set(), True, "collection", "low", 5),
    (set(), {"official_channel"}, False, "collection", "low", 6),
    (set(), set(), True, "collection", "low", 6),
    (set(), set(), False, "normal", "low", 7),
    ({"urgent_pressure"}, set(), False, "normal", "low", 7),
]


@pytest.mark.parametrize("flags,signals,debt,label,level,row", ROWS, ids=[f"row{r[5]}-{sorted(r[0])}" for r in ROWS])
def test_scoring_decision_table(flags, signals, debt, label, level, row) -> None:
    d = decide(frozenset(flags), frozenset(signals), debt)
    assert (d.label, d.level, d.row) == (label, level, row)


def test_scoring_risk_is_monotone_with_level() -> None:
    bands = {"high": (0.70, 1.0), "medium": (0.40, 0.70), "low": (0.0, 0.40)}
    for flags, signals, debt, *_ in ROWS:
        d = decide(frozenset(flags), frozenset(signals), debt)
        lo, hi = bands[d.level]
        assert lo <= d.risk < hi or (d.level == "high" and d.risk <= 1.0)


def test_scoring_more_flags_never_lower_risk() -> None:
    one = decide(frozenset({"credit_repair"}), frozenset(), True).risk
    two = decide(frozenset({"credit_repair", "intermediary_fee"}), frozenset(), True).risk
    assert two >= one
