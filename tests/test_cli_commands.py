"""`verifier agreement`, `corpus`, `evaluate` and `train` end to end through the console script.

(`score` is in test_cli.py, `scan` in test_scan.py.)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(sys.executable).with_name("verifier")
GOLDEN = ROOT / "corpora" / "agreements"


def run(args: list, stdin: bytes = b"", cwd: Path = ROOT, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    return subprocess.run([str(SCRIPT), *map(str, args)], input=stdin, capture_output=True, env=env,
                          timeout=timeout, cwd=cwd)


def one_line_error(proc: subprocess.CompletedProcess, code: str) -> str:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, (proc.returncode, err)
    assert err.count("\n") == 1 and err.startswith(f"error[{code}]") and "Traceback" not in err, err
    return err


# ------------------------------------------------------------------ agreement
def test_agreement_json_matches_the_golden_reading() -> None:
    case = GOLDEN / "001_formal_installment_consumer_finance.txt"
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    proc = run(["agreement", case, "--json"])
    assert proc.returncode == 0, proc.stderr.decode()
    got = json.loads(proc.stdout.decode("utf-8"))
    assert list(got) == ["status", "verdict", "plan_type", "amounts", "dates", "payee", "checks", "flags", "missing"]
    for key in ("status", "verdict", "plan_type", "amounts", "dates"):
        assert got[key] == expected[key]
    assert got["payee"]["kind"] == expected["payee_kind"]
    assert [c["id"] for c in got["checks"] if not c["passed"]] == expected["checks_failing"]
    assert {c["id"] for c in got["checks"]} == {"amounts_consistent", "payee_official", "has_deadline",
                                                 "has_written_confirmation", "has_settlement_clause",
                                                 "no_credit_record_promise", "no_third_party_fee"}


def test_agreement_from_gbk_standard_input_in_english() -> None:
    text = (ROOT / "examples" / "agreements" / "chat_offer.txt").read_text(encoding="utf-8")
    proc = run(["agreement", "-", "--lang", "en"], stdin=text.encode("gb18030"))
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode("utf-8")
    assert "risky" in out and "personal_account_transfer" in out


def test_agreement_json_verdict_of_the_risky_example() -> None:
    proc = run(["agreement", "examples/agreements/chat_offer.txt", "--json"])
    got = json.loads(proc.stdout.decode("utf-8"))
    assert got["verdict"] == "risky" and got["payee"]["kind"] == "personal"
    assert {"personal_account_transfer", "credit_repair"} <= {f["id"] for f in got["flags"]}


@pytest.mark.parametrize("make, code", [
    (lambda d: d / "missing.txt", "E205"),
    (lambda d: d, "E205"),
    (lambda d: (d / "empty.txt").write_text("  \n", encoding="utf-8") and d / "empty.txt", "E201"),
    (lambda d: (d / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n") and d / "scan.pdf", "E204"),
])
def test_agreement_bad_input_is_one_line_exit_2(tmp_path: Path, make, code: str) -> None:
    one_line_error(run(["agreement", make(tmp_path)]), code)


# ------------------------------------------------------------------ corpus, evaluate, train
def test_corpus_check_says_the_shipped_corpus_is_current() -> None:
    proc = run(["corpus", "--check"])
    assert proc.returncode == 0, proc.stderr.decode()
    assert "up to date" in proc.stdout.decode()


def test_evaluate_json_on_the_test_split() -> None:
    proc = run(["evaluate", "--split", "test", "--json"], timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    report = json.loads(proc.stdout.decode("utf-8"))
    shipped = report["corpus"]["shipped"]
    assert report["split"] == "test" and shipped["macro_f1"] >= 0.95
    flags = report["corpus"]["flags"]   # the rules' flags against the labelled ones, every flag id
    from verifier.contract import FLAG_IDS

    assert list(flags) == list(FLAG_IDS)
    assert all(v["support"] > 0 and 0 <= v["recall"] <= 1 for v in flags.values())


def test_evaluate_unknown_split_is_exit_2() -> None:
    one_line_error(run(["evaluate", "--split", "holdout"]), "E102")


def test_train_writes_a_loadable_model_with_its_card(tmp_path: Path) -> None:
    """The real command, without the grid search: a model directory the loader accepts (hash checked)."""
    from verifier.model import load_runtime

    out = tmp_path / "model"
    proc = run(["train", "--no-select", "--out", out], timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()
    assert {p.name for p in out.iterdir()} >= {"model.joblib", "runtime.bin", "manifest.json", "MODEL_CARD.md"}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    shipped = json.loads((ROOT / "models" / "message_clf" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["corpus_hash"] == shipped["corpus_hash"]
    loaded = load_runtime(out)
    probs = loaded.runtime.proba_one("加我微信本金转我卡上", ["加", "我", "微信", "本金", "转", "我", "卡上"])
    assert abs(sum(probs.values()) - 1) < 1e-9


def test_agreement_too_large_standard_input_is_exit_2() -> None:
    err = one_line_error(run(["agreement", "-"], stdin="还款".encode() * (1_500_000)), "E203")
    assert "agreement" in err
