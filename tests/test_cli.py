"""End to end through the real entry points (`verifier` and `python -m verifier`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spec_shapes import check_score_json

SCRIPT = Path(sys.executable).with_name("verifier")
SCAM = "我是花呗官方协商员，加我薇信，本金转我卡上就给你免全部利息，今天12点前有效。"
OFFICIAL = "【花呗】您的账单已逾期3天，请登录支付宝App还款，如需协商请拨打95188。"


def run(args: list, stdin: bytes | None = None, module: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "verifier", *args] if module else [str(SCRIPT), *args]
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1"}
    return subprocess.run(cmd, input=stdin if stdin is not None else b"", capture_output=True, env=env, timeout=60)


def one_line_error(proc: subprocess.CompletedProcess, code: str) -> None:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, (proc.returncode, err)
    assert err.count("\n") == 1 and err.startswith(f"error[{code}]"), err
    assert "Traceback" not in err
    assert proc.stdout == b""


def test_cli_score_json_through_console_script() -> None:
    proc = run(["score", SCAM, "--json"])
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.decode("utf-8"))
    check_score_json(out)
    assert out["label"] == "scam" and out["level"] == "high"
    ids = {f["id"] for f in out["flags"]}
    assert {"personal_account_transfer", "off_platform_contact"} <= ids
    assert "转我卡上" in proc.stdout.decode("utf-8")   # ensure_ascii=False


def test_cli_score_stdin_through_python_m() -> None:
    proc = run(["score", "-", "--json"], stdin=OFFICIAL.encode("utf-8"), module=True)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    check_score_json(out)
    assert out["label"] == "collection" and out["flags"] == []
    assert "official_channel" in out["signals"]


def test_cli_score_terminal_rendering_highlights_evidence() -> None:
    proc = run(["score", SCAM])
    text = proc.stdout.decode("utf-8")
    assert proc.returncode == 0
    assert "高风险" in text and "⟦转我卡上⟧" in text and "建议" in text


def test_cli_score_english() -> None:
    proc = run(["score", SCAM, "--lang", "en"])
    text = proc.stdout.decode("utf-8")
    assert "high risk" in text and "What to do" in text


def test_cli_score_gbk_stdin_is_read() -> None:
    proc = run(["score", "-", "--json"], stdin="专业征信修复，逾期记录可删除，定金500元".encode("gbk"))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    check_score_json(out)
    assert out["label"] == "scam"


@pytest.mark.parametrize("args,stdin,code", [
    (["score", ""], None, "E201"),                                   # empty argument
    (["score", "   \n\t "], None, "E201"),                           # whitespace only
    (["score", "-"], b"", "E201"),                                   # empty stdin
    (["score", "-"], b"\xc3\x28\xa0\xa1\xff\xfe\xfd", "E202"),       # invalid UTF-8
    (["score", "-"], b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E204"),  # a PDF by mistake
    (["score", "-"], bytes(range(0, 32)) * 20, "E204"),              # control-byte soup
    (["score", "-"], "逾期".encode() * 1_000_000, "E203"),           # a 6 MB message
    (["score", "x", "--lang", "fr"], None, "E101"),                  # unknown language
    (["score", "x", "--nope"], None, "E100"),                        # unknown option
    (["score"], None, "E100"),                                       # missing argument
    (["nope"], None, "E100"),                                        # unknown command
])
def test_cli_bad_input_is_one_line_and_exit_2(args, stdin, code) -> None:
    one_line_error(run(args, stdin=stdin), code)


def test_cli_invalid_utf8_argument() -> None:
    proc = subprocess.run([str(SCRIPT).encode(), b"score", b"\xff\xfe\x80abc"], capture_output=True, timeout=60)
    one_line_error(proc, "E202")


def test_cli_debug_shows_the_traceback() -> None:
    proc = run(["score", "", "--debug"])
    assert proc.returncode == 1 and b"Traceback" in proc.stderr and b"InputError" in proc.stderr


def test_cli_help_and_bare_command() -> None:
    assert run(["--help"]).returncode == 0
    proc = run([])
    assert proc.returncode == 0 and b"score" in proc.stdout
