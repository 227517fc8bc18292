"""The contract: a golden list of names, the SPEC tables, and the JSON shape."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verifier import contract, score
from verifier.rules import CATALOGUE

from spec_shapes import GOLDEN_FLAGS, GOLDEN_SIGNALS, check_score_json

SPEC = Path(__file__).resolve().parents[2] / "shared" / "SPEC.md"


def test_contract_golden_flag_list() -> None:
    assert list(contract.FLAG_IDS) == GOLDEN_FLAGS
    assert list(contract.SIGNALS) == GOLDEN_SIGNALS


def test_contract_catalogue_registers_every_name_once() -> None:
    ids = [r.id for r in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if i in contract.FLAG_SEVERITY] == GOLDEN_FLAGS
    assert [i for i in ids if i in contract.SIGNALS] == GOLDEN_SIGNALS


def test_contract_rule_severity_matches_contract() -> None:
    for rule in CATALOGUE:
        if not rule.is_signal:
            assert rule.severity == contract.FLAG_SEVERITY[rule.id]


@pytest.mark.skipif(not SPEC.exists(), reason="SPEC.md is not beside the repository")
def test_contract_matches_spec_tables() -> None:
    text = SPEC.read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([a-z_]+)` \| (high|medium|low) \|", text, flags=re.M))
    assert table == contract.FLAG_SEVERITY
    for label in contract.LABELS:
        assert f"| `{label}` |" in text
    for sig in contract.SIGNALS:
        assert f"`{sig}`" in text
    for check in contract.CHECK_IDS:
        assert f"`{check}`" in text


def test_contract_json_shape_and_key_order() -> None:
    result = score("我是花呗官方协商员，加我薇信，本金转我卡上就给你免全部利息，今天12点前有效。").to_dict()
    check_score_json(result)
    assert result["flags"]
    json.dumps(result, ensure_ascii=False)


def test_contract_exit_codes() -> None:
    from verifier.errors import InputError, ProcessingError, UsageError

    assert (contract.EXIT_OK, contract.EXIT_FAILED, contract.EXIT_USAGE) == (0, 1, 2)
    assert UsageError("x").exit_code == 2 and InputError("x").exit_code == 2
    assert ProcessingError("x").exit_code == 1
