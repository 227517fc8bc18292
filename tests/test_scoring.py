"""The decision table of verifier.scoring: every row, with and without the model."""

from __future__ import annotations

import pytest

from verifier.scoring import decide


def P(scam=0.0, abusive=0.0, collection=0.0, normal=None) -> dict:
    normal = 1.0 - scam - abusive - collection if normal is None else normal
    return {"scam": scam, "abusive": abusive, "collection": collection, "normal": normal}


ROWS = [
    # (flags, signals, about_debt, probabilities, label, level, row)
    ({"personal_account_transfer"}, set(), True, None, "scam", "high", 1),
    ({"off_platform_contact"}, set(), False, None, "scam", "high", 1),
    ({"credential_request", "threat_or_harassment"}, set(), True, None, "scam", "high", 1),   # threat serves fraud
    (set(), set(), False, P(scam=0.8), "scam", "high", 1),                                   # the model alone
    ({"suspicious_link"}, set(), False, P(scam=0.3, collection=0.6), "scam", "high", 1),     # a flag lifts a doubt
    ({"credit_repair"}, set(), True, P(scam=0.05, collection=0.9), "scam", "high", 1),       # a high flag outweighs
    ({"off_platform_contact"}, set(), False, P(scam=0.005, normal=0.99), "normal", "low", 5),  # a sure model wins
    ({"threat_or_harassment"}, set(), True, None, "abusive", "high", 2),
    ({"threat_or_harassment", "false_legal_threat"}, set(), True, P(abusive=0.3), "abusive", "high", 2),
    ({"false_legal_threat"}, set(), True, None, "abusive", "medium", 3),
    ({"borrow_to_repay", "urgent_pressure"}, set(), True, None, "abusive", "medium", 3),
    (set(), set(), True, P(abusive=0.7, collection=0.2), "abusive", "medium", 3),
    ({"urgent_pressure"}, set(), True, None, "collection", "low", 4),
    (set(), {"official_channel"}, False, None, "collection", "low", 4),
    (set(), set(), True, None, "collection", "low", 4),
    (set(), set(), False, P(collection=0.6, normal=0.3, scam=0.1), "collection", "low", 4),
    (set(), set(), False, P(scam=0.45, collection=0.2), "normal", "low", 5),                 # below τ
    (set(), set(), False, None, "normal", "low", 5),
    ({"urgent_pressure"}, set(), False, None, "normal", "low", 5),
    (set(), set(), True, P(normal=0.9, collection=0.1, scam=0.0), "normal", "low", 5),       # the model decides
]


@pytest.mark.parametrize("flags,signals,debt,probs,label,level,row", ROWS,
                         ids=[f"row{r[6]}-{sorted(r[0])}-{'model' if r[3] else 'rules'}-{r[4]}" for r in ROWS])
def test_scoring_decision_table(flags, signals, debt, probs, label, level, row) -> None:
    d = decide(frozenset(flags), frozenset(signals), debt, probs)
    assert (d.label, d.level, d.row) == (label, level, row)


BANDS = {"high": (0.70, 1.0), "medium": (0.40, 0.70), "low": (0.0, 0.40)}


@pytest.mark.parametrize("flags,signals,debt,probs,label,level,row", ROWS)
def test_scoring_risk_is_in_the_band_of_its_level(flags, signals, debt, probs, label, level, row) -> None:
    d = decide(frozenset(flags), frozenset(signals), debt, probs)
    lo, hi = BANDS[d.level]
    assert lo <= d.risk <= hi and (d.risk < hi or d.level == "high")


def test_scoring_more_flags_never_lower_risk() -> None:
    one = decide(frozenset({"too_good_offer"}), frozenset(), True).risk
    two = decide(frozenset({"too_good_offer", "intermediary_fee"}), frozenset(), True).risk
    assert two > one


@pytest.mark.parametrize("level_probs", [(0.1, 0.3), (0.55, 0.9)])
def test_scoring_risk_grows_with_the_model_inside_a_level(level_probs) -> None:
    lo, hi = level_probs
    a = decide(frozenset(), frozenset(), False, P(scam=lo))
    b = decide(frozenset(), frozenset(), False, P(scam=hi))
    assert a.level == b.level and b.risk > a.risk


def test_scoring_combined_evidence_adds_log_odds() -> None:
    import math

    d = decide(frozenset({"off_platform_contact", "credential_request"}), frozenset(), False, P(scam=0.5))
    assert d.scam == pytest.approx(1 / (1 + math.exp(-(0.0 + 3.0 + 5.0))))
    rules_only = decide(frozenset({"off_platform_contact"}), frozenset(), False, None)
    assert rules_only.scam == pytest.approx(1 / (1 + math.exp(-(math.log(0.2 / 0.8) + 3.0))))
