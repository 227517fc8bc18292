"""The evaluation metrics, on cases small enough to count by hand."""

from __future__ import annotations

import pytest

from verifier.contract import FLAG_IDS
from verifier.evaluation import classification, flag_metrics, format_flags, precision_recall, roc_auc


def test_evaluation_flag_metrics_count_each_flag_on_its_own() -> None:
    truth = [{"credit_repair"}, {"credit_repair", "urgent_pressure"}, set(), {"urgent_pressure"}]
    found = [{"credit_repair"}, {"urgent_pressure"}, {"credit_repair"}, set()]
    m = flag_metrics(truth, found)
    assert list(m) == list(FLAG_IDS)
    assert m["credit_repair"] == {"precision": 0.5, "recall": 0.5, "support": 2, "raised": 2}
    assert m["urgent_pressure"] == {"precision": 1.0, "recall": 0.5, "support": 2, "raised": 1}
    # neither labelled nor raised: nothing to divide by
    assert m["suspicious_link"] == {"precision": None, "recall": None, "support": 0, "raised": 0}


def test_evaluation_flag_table_prints_every_flag_and_a_dash_for_nothing() -> None:
    table = format_flags(flag_metrics([{"credit_repair"}], [set()]))
    lines = table.splitlines()
    assert len(lines) == 1 + len(FLAG_IDS)
    credit = next(line for line in lines if "credit_repair" in line).split()
    assert credit == ["credit_repair", "–", "0.0000", "1", "0"]


def test_evaluation_auc_counts_ties_half() -> None:
    assert roc_auc([True, False], [0.9, 0.1]) == 1.0
    assert roc_auc([True, False], [0.5, 0.5]) == 0.5
    assert roc_auc([True, True, False, False], [0.8, 0.4, 0.6, 0.2]) == 0.75
    assert roc_auc([True, True], [0.1, 0.2]) is None


def test_evaluation_classification_and_precision_recall() -> None:
    m = classification(["scam", "scam", "normal", "normal"], ["scam", "normal", "normal", "normal"])
    assert m["per_label"]["scam"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(0.6667, abs=1e-4),
                                      "support": 2}
    assert m["confusion"]["scam"][:1] == [1] and m["accuracy"] == 0.75
    assert precision_recall([True, True, False], [True, False, True]) == (0.5, 0.5)
