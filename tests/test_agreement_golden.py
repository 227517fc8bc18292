"""The agreement golden set: every ``corpora/agreements/*.txt`` against its ``.expected.json``."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from verifier.agreement import check_agreement
from verifier.contract import AMOUNT_KEYS

GOLDEN = Path(__file__).parent.parent / "corpora" / "agreements"
FILES = sorted(GOLDEN.glob("*.txt"))
FIELDS = ("status", "verdict", "plan_type", "payee_kind")
# Cases that cannot be made right without breaking generality: name → reason (none at present).
XFAIL: dict[str, str] = {}


def _reading(text: str) -> dict:
    r = check_agreement(text)
    return {
        "status": r.status, "verdict": r.verdict, "plan_type": r.plan_type, "payee_kind": r.payee.kind,
        "amounts": dict(r.amounts), "dates": dict(r.dates),
        "checks_failing": sorted(c.id for c in r.checks if not c.passed),
    }


@lru_cache(maxsize=None)
def _run(path: Path) -> dict:
    return _reading(path.read_text(encoding="utf-8"))


def _expected_path(path: Path) -> Path:
    return path.parent / (path.stem + ".expected.json")


def _case(path: Path):
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[path.stem])] if path.stem in XFAIL else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_agreement_golden_every_text_has_expectations() -> None:
    assert len(FILES) >= 100
    for path in FILES:
        assert _expected_path(path).exists(), path.name


@pytest.mark.parametrize("path", [_case(p) for p in FILES])
def test_agreement_golden_case(path: Path) -> None:
    expected = json.loads(_expected_path(path).read_text(encoding="utf-8"))
    got = _run(path)
    for field in FIELDS:
        assert got[field] == expected[field], field
    for key in AMOUNT_KEYS:
        want = expected["amounts"][key]
        if want is None:
            assert got["amounts"][key] is None, f"{key} is not stated"
        else:
            assert got["amounts"][key] == pytest.approx(want, abs=0.005), key
    assert got["dates"] == expected["dates"]
    assert got["checks_failing"] == sorted(expected["checks_failing"])


@pytest.mark.parametrize("field", FIELDS)
def test_agreement_golden_share_right(field: str) -> None:
    right = 0
    for path in FILES:
        expected = json.loads(_expected_path(path).read_text(encoding="utf-8"))
        got = _run(path)
        right += got[field] == expected[field]
    assert right / len(FILES) >= 0.95, f"{field}: {right}/{len(FILES)}"


def test_agreement_golden_expectations_follow_the_verdict_rule() -> None:
    """risky on a high-severity flag or a personal payee; else incomplete when a check fails."""
    high = {"personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee",
            "credential_request", "threat_or_harassment"}
    for path in FILES:
        e = json.loads(_expected_path(path).read_text(encoding="utf-8"))
        risky = bool(high & set(e["flags"])) or e["payee_kind"] == "personal"
        if risky:
            assert e["verdict"] == "risky", path.name
        elif e["checks_failing"]:
            assert e["verdict"] == "incomplete", path.name


_FULL_WIDTH = str.maketrans({**{chr(c): chr(c + 0xFEE0) for c in range(ord("0"), ord("9") + 1)},
                             ",": "，", ".": "．", ":": "："})


@pytest.mark.parametrize("form", ["traditional", "full-width", "blank-before-yuan"])
def test_agreement_golden_same_reading_in_other_forms(form: str) -> None:
    """Every golden text read in traditional characters, full-width digits or with 1,000 元 gives the same result."""
    import opencc

    s2t = opencc.OpenCC("s2t")
    changed = {
        "traditional": s2t.convert,
        "full-width": lambda t: t.translate(_FULL_WIDTH),
        "blank-before-yuan": lambda t: re.sub(r"([0-9])元", r"\1 元", t),
    }[form]
    differ = [p.stem for p in FILES if _reading(changed(p.read_text(encoding="utf-8"))) != _run(p)]
    assert not differ


def test_agreement_golden_flags_against_their_expectations() -> None:
    """The message rules' flags on the golden agreements against the flags each expectation lists.

    The rules are written for precision and the expectations name every flag a careful reader would
    raise, so the shares are floors just under today's (80 of 130 files exact, precision 0.82, recall
    0.59): a change that loses flags, or raises flags nobody expects, fails here.
    """
    exact = expected_n = raised_n = both = 0
    for path in FILES:
        want = set(json.loads(_expected_path(path).read_text(encoding="utf-8"))["flags"])
        got = {f.id for f in check_agreement(path.read_text(encoding="utf-8")).flags}
        exact += got == want
        expected_n += len(want)
        raised_n += len(got)
        both += len(got & want)
    assert exact / len(FILES) >= 0.6, f"{exact}/{len(FILES)} files with exactly the expected flags"
    assert both / raised_n >= 0.8, f"precision {both}/{raised_n}"
    assert both / expected_n >= 0.58, f"recall {both}/{expected_n}"
