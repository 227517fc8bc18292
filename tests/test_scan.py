"""`verifier scan` end to end through the console script, and the pieces behind it.

The exports are written here, in a temporary folder, with invented people and numbers.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier.scan import report as report_mod
from verifier.scan import runner
from verifier.scan.conversations import ESCALATION_RISK, Conversation
from verifier.scan.redact import redact
from verifier.scan.report import COLUMNS

SCRIPT = Path(sys.executable).with_name("verifier")

PHONE, PHONE_MASKED = "13912345678", "139****5678"
CARD, CARD_MASKED = "6222021234567890", "6222********7890"

CHAT = [  # time, sender, text, conversation
    ("2024-03-05 09:00:00", "王经理", "您好，您的花呗账单已逾期15天，请登录支付宝App还款。", "王经理"),
    ("2024-03-05 09:05:00", "我", "我最近失业了，能不能少还一点", "王经理"),
    ("2024-03-05 09:10:00", "王经理", "可以全免利息，只还本金就行，我帮你内部申请", "王经理"),
    ("2024-03-05 09:20:00", "王经理", f"本金今天先转3000到我个人卡{CARD}，打完款截图发我，电话{PHONE}", "王经理"),
    ("2024-03-05 09:30:00", "我", "好的", "王经理"),
    ("2024-03-06 10:00:00", "催收-刘", "【某消费金融】您的借款已逾期，请尽快通过App还款，客服电话以官网为准。", "催收-刘"),
    ("2024-03-08 10:00:00", "催收-刘", "再不还钱就给你通讯录里所有人打电话，让你全家都知道你是老赖", "催收-刘"),
    ("2024-03-05 19:30:00", "妈妈", "晚上回家吃饭吗？给你炖了汤", "妈妈"),
    ("2024-03-05 19:31:00", "我", "好的", "妈妈"),
]


def write_csv(path: Path, rows, extra_lines: list[str] | None = None) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["时间", "发送者", "内容", "会话"])
    w.writerows(rows)
    text = buf.getvalue() + "".join(line + "\n" for line in (extra_lines or []))
    path.write_text(text, encoding="utf-8")
    return path


def run(args: list, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run([str(SCRIPT), "scan", *map(str, args)], capture_output=True, env=env, timeout=300,
                          cwd=cwd)


def read_out_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# ---------------------------------------------------------------- end to end
def test_scan_csv_report_columns_redaction_and_ranking(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "chat.csv", CHAT)
    out = tmp_path / "report.csv"
    proc = run([src, "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")          # Excel on Windows reads the BOM
    rows = read_out_csv(out)
    assert list(rows[0]) == list(COLUMNS)
    assert [r["id"] for r in rows] == [str(i) for i in range(1, len(CHAT) + 1)]
    assert [r["time"] for r in rows] == [c[0] for c in CHAT]
    pay = rows[3]
    assert pay["label"] == "scam" and pay["level"] == "high"
    assert "personal_account_transfer" in pay["flags"].split(";")
    assert PHONE not in out.read_text(encoding="utf-8-sig") and CARD not in out.read_text(encoding="utf-8-sig")
    assert PHONE_MASKED in pay["text"] and CARD_MASKED in pay["text"]
    assert len(pay["text"]) == len(CHAT[3][2])                   # masks keep the length (evidence offsets)
    threat = rows[6]
    assert threat["label"] in ("abusive", "scam") and "threat_or_harassment" in threat["flags"]
    # every row carries its conversation's risk; the fake negotiator outranks the mother
    by_conv = {r["conversation"]: float(r["conversation_risk"]) for r in rows}
    assert by_conv["王经理"] >= ESCALATION_RISK > by_conv["妈妈"]
    summary = proc.stdout.decode()
    assert "读取 9 行" in summary and str(out) in summary
    first = [line for line in summary.splitlines() if line.startswith("  ")][0]
    assert "王经理" in first                                       # ranked first
    assert "先许诺减免或优惠，后要求转到个人账户或提供验证码" in summary


def test_scan_no_redact_keeps_numbers(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "chat.csv", CHAT)
    out = tmp_path / "report.jsonl"
    proc = run([src, "--out", out, "--no-redact"])
    assert proc.returncode == 0, proc.stderr.decode()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert list(rows[0]) == list(COLUMNS)
    assert PHONE in rows[3]["text"] and CARD in rows[3]["text"]
    assert isinstance(rows[3]["flags"], list) and isinstance(rows[3]["risk"], float)


def test_scan_redacts_sender_and_conversation(tmp_path: Path) -> None:
    rows = [("2024-03-05 09:00:00", PHONE, "你好，在吗", PHONE)]
    out = tmp_path / "r.csv"
    proc = run([write_csv(tmp_path / "sms.csv", rows), "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    got = read_out_csv(out)[0]
    assert got["sender"] == PHONE_MASKED and got["conversation"] == PHONE_MASKED
    assert PHONE not in proc.stdout.decode()


def test_scan_keeps_good_rows_and_reports_bad_lines(tmp_path: Path) -> None:
    src = write_csv(tmp_path / "chat.csv", CHAT[:3], extra_lines=[
        "2024-13-45 99:00:00,王经理,日期不对的一行,王经理",      # line 5: invalid date
        "2024-03-05 09:40:00,王经理",                         # line 6: missing fields
        "2024-03-05 09:50:00,王经理,最后一条正常消息,王经理",
    ])
    out = tmp_path / "r.csv"
    proc = run([src, "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_out_csv(out)
    assert [r["text"] for r in rows] == [c[2] for c in CHAT[:3]] + ["最后一条正常消息"]
    assert [r["line"] for r in rows] == ["2", "3", "4", "7"]
    summary = proc.stdout.decode()
    assert "读取 6 行：评分 4，非文字消息 0，无法读取而跳过 2" in summary
    assert "chat.csv:5:" in summary and "chat.csv:6:" in summary


def test_scan_output_identical_for_any_jobs(tmp_path: Path) -> None:
    rng = random.Random(7)
    texts = [c[2] for c in CHAT] + [f"第{i}条：{rng.choice(['收到', '明天还', '请在App内还款', '加我微信私聊'])}"
                                    for i in range(40)]
    rows = [(f"2024-03-{1 + i % 28:02d} 10:{i % 60:02d}:00", f"用户{i % 13}", rng.choice(texts), f"会话{i % 17}")
            for i in range(5000)]                       # several blocks, a window of blocks in flight
    src = write_csv(tmp_path / "big.csv", rows)
    outs = []
    for jobs in (1, 2, 3):
        out = tmp_path / f"r{jobs}.csv"
        proc = run([src, "--out", out, "--jobs", jobs])
        assert proc.returncode == 0, proc.stderr.decode()
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] == outs[2]
    assert len(read_out_csv(tmp_path / "r1.csv")) == 5000


def test_scan_min_level_filters_rows_not_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "r.csv"
    proc = run([write_csv(tmp_path / "chat.csv", CHAT), "--out", out, "--min-level", "high"])
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_out_csv(out)
    assert rows and all(r["level"] == "high" for r in rows)
    assert "读取 9 行" in proc.stdout.decode()


def test_scan_html_report(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    proc = run([write_csv(tmp_path / "chat.csv", CHAT), "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert html.index("王经理") < html.index("妈妈")              # ranked by risk
    assert "<mark" in html and PHONE not in html and PHONE_MASKED in html
    assert "http://" not in html.replace("http://www.w3.org", "")   # nothing to fetch


def test_scan_csv_to_standard_output_and_summary_to_stderr(tmp_path: Path) -> None:
    proc = run([write_csv(tmp_path / "chat.csv", CHAT)])
    assert proc.returncode == 0, proc.stderr.decode()
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode("utf-8"))))
    assert len(rows) == len(CHAT) and "扫描完成" in proc.stderr.decode()
    assert "\x1b[" not in proc.stderr.decode()                   # no progress bar in a pipe


def test_scan_english_summary(tmp_path: Path) -> None:
    proc = run([write_csv(tmp_path / "chat.csv", CHAT), "--out", tmp_path / "r.csv", "--lang", "en"])
    assert proc.returncode == 0
    assert "9 rows read: 9 scored" in proc.stdout.decode()


@pytest.mark.parametrize("args, code", [
    (["missing.csv"], "E205"),
    (["chat.csv", "--format", "docx"], "E102"),
    (["chat.csv", "--min-level", "severe"], "E102"),
    (["chat.csv", "--jobs", "-1"], "E102"),
    (["chat.csv", "--out", "report.pdf"], "E206"),
    (["chat.csv", "--out", "no/such/dir/r.csv"], "E204"),
    (["chat.csv", "--text-col", "正文"], None),
    (["chat.csv", "--out", "chat.csv"], "E102"),
    (["chat.csv", "--format", "qq-txt"], "E205"),     # a format forced on a file that is not one
])
def test_scan_bad_usage_is_one_line_exit_2(tmp_path: Path, args: list, code: str | None) -> None:
    write_csv(tmp_path / "chat.csv", CHAT)
    proc = run(args, cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and "Traceback" not in err
    if code:
        assert err.startswith(f"error[{code}]"), err
    else:
        assert "正文" in err and "内容" in err                     # names the column asked and those there
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_scan_undecodable_file_among_others_is_reported_and_the_rest_scanned(tmp_path: Path) -> None:
    good = write_csv(tmp_path / "chat.csv", CHAT)
    bad = tmp_path / "broken.txt"
    bad.write_bytes(bytes(range(128, 256)) * 40)
    out = tmp_path / "r.csv"
    proc = run([good, bad, "--out", out])
    assert proc.returncode == 1, proc.stderr.decode()
    assert len(read_out_csv(out)) == len(CHAT)
    assert "broken.txt" in proc.stdout.decode()
    alone = run([bad, "--out", out])
    assert alone.returncode == 2 and "broken.txt" in alone.stderr.decode()


def test_scan_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    write_csv(folder / "a.csv", CHAT[:5])
    write_csv(folder / "b.csv", CHAT[5:])
    (folder / "notes.docx").write_bytes(b"PK\x03\x04not really")
    out = tmp_path / "r.csv"
    proc = run([folder, "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_out_csv(out)
    assert [r["file"] for r in rows] == ["exports/a.csv"] * 5 + ["exports/b.csv"] * 4
    assert "exports/notes.docx" in proc.stdout.decode()
    assert "读取 9 行：评分 9，非文字消息 0，无法读取而跳过 0" in proc.stdout.decode()   # the file is no row


# ---------------------------------------------------------------- library pieces
def test_atomic_output_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("the previous report", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with report_mod.atomic_output(target) as fh:
            fh.write("half a report")
            raise RuntimeError("crash")
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_crash_while_writing_rows_keeps_old_report(tmp_path: Path, monkeypatch) -> None:
    src = write_csv(tmp_path / "chat.csv", CHAT)
    out = tmp_path / "r.csv"
    out.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(report_mod, "_csv_rows", boom)
    scanner = runner.Scanner([src], runner.ScanOptions())
    with pytest.raises(OSError):
        report_mod.run_scan(scanner, str(out), "low", "zh", [str(src)])
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chat.csv", "r.csv"]


def test_automatic_jobs_by_input_size(tmp_path: Path) -> None:
    small = write_csv(tmp_path / "small.csv", CHAT)
    assert runner.auto_jobs([small]) == 1
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (runner.AUTO_PARALLEL_BYTES + 1))
    assert runner.auto_jobs([big]) == max(1, min(os.cpu_count() or 1, 8))
    assert runner.auto_jobs([tmp_path]) == runner.auto_jobs([big])          # a folder counts its files


def test_repeated_texts_are_scored_once(tmp_path: Path, monkeypatch) -> None:
    rows = [("2024-03-05 09:00:00", "甲", "好的" if i % 2 else "收到，谢谢", "群") for i in range(5000)]
    src = write_csv(tmp_path / "dup.csv", rows)
    scanner = runner.Scanner([src], runner.ScanOptions(use_model=False))
    got = list(scanner.rows())
    assert len(got) == 5000 and scanner.tally.distinct_scored == 2


def test_scan_file_api(tmp_path: Path) -> None:
    import verifier

    src = write_csv(tmp_path / "chat.csv", CHAT)
    rows = [r.to_dict() for r in verifier.scan_file(src)]
    assert len(rows) == len(CHAT)
    pay = rows[3]
    assert pay["label"] == "scam" and PHONE_MASKED in pay["text"]
    for ev in pay["evidence"]:
        assert pay["text"][ev["start"]:ev["end"]] == ev["evidence"]
    raw = next(r for r in verifier.scan_file(src, redact=False) if r.id == 4)
    assert PHONE in raw.text


def test_conversation_escalation_patterns() -> None:
    c = Conversation("f", "x")
    c.add(1, "2024-01-01 10:00:00", "collection", "low", 0.1, set(), "m1")
    c.add(2, "2024-01-02 10:00:00", "abusive", "high", 0.8, {"threat_or_harassment"}, "m2")
    assert c.patterns == ["reminders_then_threats"] and c.risk >= ESCALATION_RISK
    once = Conversation("f", "y")
    once.add(1, "", "abusive", "high", 0.8, {"threat_or_harassment"}, "m")   # a threat with no reminder before
    assert once.patterns == [] and once.risk == 0.8
    offer = Conversation("f", "z")
    offer.add(1, "", "scam", "medium", 0.5, {"too_good_offer"}, "a")
    offer.add(2, "", "scam", "high", 0.7, {"personal_account_transfer"}, "b")
    assert offer.patterns == ["offer_then_payment"]
    pasted = Conversation("f", "list", sequence=False)                      # a plain list of unrelated texts
    pasted.add(1, "", "scam", "medium", 0.5, {"too_good_offer"}, "a")
    pasted.add(2, "", "scam", "high", 0.7, {"personal_account_transfer"}, "b")
    assert pasted.patterns == [] and pasted.risk == 0.7
    same = Conversation("f", "w")                                            # both in one message: no sequence
    same.add(1, "", "scam", "high", 0.7, {"too_good_offer", "personal_account_transfer"}, "c")
    assert same.patterns == []


@pytest.mark.parametrize("text, masked", [
    ("电话13912345678", "电话139****5678"),
    ("+86 139 1234 5678", "+86 139 **** 5678"),
    ("１３９１２３４５６７８", "１３９****５６７８"),
    ("座机010-12345678", "座机010-******78"),
    ("身份证110101199003071234", "身份证110***********1234"),
    ("身份证11010119900307123X", "身份证110***********123X"),
    ("卡号6222021234567890", "卡号6222********7890"),
    ("卡号 6222 0212 3456 7890", "卡号 6222 **** **** 7890"),
    ("邮箱zhangsan@example.com", "邮箱z*******@example.com"),
    ("QQ:123456789", "QQ:12*****89"),
    ("加我vx zhangsan_01", "加我vx zh*******01"),
])
def test_redact_masks(text: str, masked: str) -> None:
    assert redact(text) == masked
    assert redact(redact(text)) == masked and len(masked) == len(text)


@pytest.mark.parametrize("text", [
    "还款3000元", "2024-03-05 09:12:30", "金额12,345.00元", "验证码 482913", "拨打95188", "本金5万分12期",
    "mywxabcdefg is a word", "第13912期", "客服电话400-820-8820",
])
def test_redact_leaves_other_numbers(text: str) -> None:
    assert redact(text) == text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "3", "9", "０", "５", " ", "-", "@", "a", "x", "微信", "vx", "QQ", "号", ":",
                                 "13912345678", "6222", "example.com", "还款"]), max_size=14).map("".join))
def test_redact_quick_check_skips_only_texts_with_nothing_to_mask(text: str) -> None:
    from verifier.scan.redact import _spans

    masked = list(text)
    for s, e, mask in _spans(text):
        masked[s:e] = mask
    assert redact(text) == "".join(masked)


def test_redaction_is_consistent_within_a_report() -> None:
    a = redact(f"联系{PHONE}")
    b = redact(f"{PHONE}是我的号")
    assert a[2:] == b[:11] == PHONE_MASKED


def test_scan_html_report_in_headless_chromium(tmp_path: Path) -> None:
    """The real command's report, opened from disk in Chromium: the riskiest chat first, evidence highlighted."""
    from test_scan_html import _chromium, _chromium_path, parse

    if _chromium_path() is None:
        if os.environ.get("VERIFIER_SKIP_BROWSER") == "1":
            pytest.skip("chromium is not installed and VERIFIER_SKIP_BROWSER=1")
        pytest.fail("chromium is not installed: `make test` installs it (or set VERIFIER_SKIP_BROWSER=1)")
    out = tmp_path / "report.html"
    proc = run([write_csv(tmp_path / "chat.csv", CHAT), "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    shot = tmp_path / "scan-report.png"
    r = _chromium([f"--screenshot={shot}", "--window-size=1280,2400", "--hide-scrollbars", out.as_uri()],
                  tmp_path / "profile-shot", tmp_path)
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", r.stderr[-2000:]
    dom = _chromium(["--dump-dom", out.as_uri()], tmp_path / "profile-dom", tmp_path).stdout
    doc = parse(dom)
    assert doc.cards and doc.cards[0] == "王经理"
    marks = [m["text"] for m in doc.marks]
    assert any("个人卡" in m for m in marks), marks
    assert any("全家" in m for m in marks), marks
    assert PHONE not in dom and doc.scripts == 0


def test_the_scan_decision_is_the_score_decision() -> None:
    """A scanned message gets exactly what `verifier score` says of it (the batch path builds no explanations)."""
    from verifier import score
    from verifier.api import decide_many
    from verifier.corpus import load

    texts = [c[2] for c in CHAT] + [r["text"] for r in load(splits=("test",))[:150]] + ["", "   "]
    for text, got in zip(texts, decide_many(texts)):
        r = score(text)
        assert got == (r.label, round(r.risk, 4), r.level,
                       tuple((f.id, f.severity, f.start, f.end) for f in r.flags)), text


def test_score_many_equals_score_on_blank_and_ordinary_texts() -> None:
    from verifier import score, score_many

    texts = ["", "   ", "\u200b", CHAT[0][2], CHAT[3][2]]
    assert [r.to_dict() for r in score_many(texts)] == [score(t).to_dict() for t in texts]


def test_scan_reads_a_very_long_message(tmp_path: Path) -> None:
    """A pasted chat of 200,000 characters in one cell is a message, not a bad row (csv's own limit is 131,072)."""
    long_text = "您的借款已逾期，请在App内还款。" * 12_500
    out = tmp_path / "r.csv"
    proc = run([write_csv(tmp_path / "long.csv", [("2024-03-05 09:00:00", "甲", long_text, "甲")] + CHAT[:2]),
                "--out", out])
    assert proc.returncode == 0, proc.stderr.decode()
    rows = read_out_csv(out)
    assert len(rows) == 3 and len(rows[0]["text"]) == len(long_text)


def test_progress_bar_shows_on_a_terminal_only(tmp_path: Path) -> None:
    """With standard error on a terminal (a pty here) the scan draws a progress line; in a pipe it does not."""
    import pty
    import select

    rows = [(f"2024-03-05 10:{i % 60:02d}:00", "甲", f"第{i}条：请在App内还款", "群") for i in range(6000)]
    src = write_csv(tmp_path / "big.csv", rows)
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "TERM")}
    env.update({"TERM": "xterm", "COLUMNS": "100"})
    proc = subprocess.Popen([str(SCRIPT), "scan", str(src), "--out", str(tmp_path / "r.csv")],
                            stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=120)
    os.close(master)
    assert proc.returncode == 0
    assert "scanning".encode() in seen and "条 rows".encode() in seen, seen[-500:]


def test_spooled_csv_and_jsonl_equal_the_rows_written_one_by_one(tmp_path: Path) -> None:
    """The report files are written from spooled blocks, a buffer per block, with the flag ids
    worked out once per distinct text: the same bytes as each row written out on its own with
    the csv module (None as an empty cell), over more rows than one spool block holds, with
    texts that need quoting, repeated flagged texts, and messages that are not text."""
    texts = [t for _, _, t, _ in CHAT] + ['他说"马上还"，好吗', "第一行\n第二行", "[图片]", "a,b"]
    rng = random.Random(7)
    rows = [(f"2024-03-05 09:{i % 60:02d}:00", rng.choice(["王经理", "我", ""]), rng.choice(texts), f"c{i // 300}")
            for i in range(9000)]
    src = write_csv(tmp_path / "chat.csv", rows)
    written = {}
    for kind in ("csv", "jsonl"):
        scanner = runner.Scanner([src], runner.ScanOptions(use_model=False))
        out = tmp_path / f"r.{kind}"
        seen = []
        real_rows = scanner.rows
        scanner.rows = lambda: (seen.append(r) or r for r in real_rows())
        report_mod.run_scan(scanner, str(out), "low", "zh", [str(src)])
        written[kind] = (out.read_bytes(), seen, [c.risk for c in scanner.conversations.values()])
    data, seen, risks = written["csv"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(COLUMNS)
    for r in seen:
        assert r.flag_ids == ";".join(dict.fromkeys(f[0] for f in r.flags))
        w.writerow([r.id, r.conversation, r.sender, r.row.time, r.text, r.label, r.risk, r.level, r.flag_ids,
                    r.row.file, r.row.line, r.row.kind, risks[r.conv_index]])
    assert data == ("\ufeff" + buf.getvalue()).encode("utf-8")
    assert any(r.flag_ids for r in seen) and any(r.risk is None for r in seen)
    lines = written["jsonl"][0].decode("utf-8").splitlines()
    assert len(lines) == len(seen) == 9000
    for line, r in zip(lines, seen):
        got = json.loads(line)
        assert got["flags"] == (r.flag_ids.split(";") if r.flag_ids else [])
        assert got["conversation_risk"] == risks[r.conv_index] and got["text"] == r.text


def test_scan_summary_orders_equal_flag_counts_the_same_in_every_run() -> None:
    """The summary's flags: most frequent first, ties in the SPEC's order, whatever order the tally met
    them in (a set's order, which string hashing changes from run to run)."""
    from verifier.contract import FLAG_IDS
    from verifier.scan.report import flag_counts

    counts = {"suspicious_link": 2, "impersonation": 5, "personal_account_transfer": 2, "credit_repair": 2}
    expected = ["impersonation", "personal_account_transfer", "credit_repair", "suspicious_link"]
    assert [FLAG_IDS.index(f) for f in expected[1:]] == sorted(FLAG_IDS.index(f) for f in expected[1:])
    assert list(flag_counts(counts)) == expected
    assert list(flag_counts(dict(reversed(list(counts.items()))))) == expected


_CSV_TRICKY = st.text(alphabet=st.sampled_from(['"', ",", "\r", "\n", " ", "\t", ";", "'", "a", "好", "😀", "\x00"]),
                      max_size=8)
_CSV_VALUES = st.one_of(st.none(), _CSV_TRICKY, st.text(max_size=6), st.integers(),
                        st.floats(allow_nan=True, allow_infinity=True), st.booleans())


@settings(max_examples=500, deadline=None)
@given(st.lists(_CSV_VALUES, min_size=2, max_size=13))
def test_csv_value_writes_cells_as_csv_writer_does(values: list) -> None:
    """The CSV report's rows are joined from report_mod.csv_value cells: byte-identical to csv.writer
    on any value (None, numbers, strings with quotes, commas, CR/LF, spaces, empty). A row of two
    cells or more: csv.writer writes a row that is one empty cell as '""', which no report row is."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(values)
    assert ",".join(map(report_mod.csv_value, values)) + "\r\n" == buf.getvalue()


@pytest.mark.parametrize("value", ["", " ", " lead", "trail ", '"', '""', 'a"b', ",", "a,b", "\n", "\r", "\r\n",
                                   "x\ny", '"好,\r\n"', "\t", "1e16"])
def test_csv_cell_tricky_strings(value: str) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(["x", value, "y"])
    assert f"x,{report_mod.csv_cell(value)},y\r\n" == buf.getvalue()


def test_csv_report_with_names_that_need_quoting_and_small_cell_caches(tmp_path: Path, monkeypatch) -> None:
    """Senders and conversations with quotes, commas and line breaks, texts repeating and not, the
    caches of cells cleared many times over (CELLS_KEPT made tiny): the same bytes as csv.writer."""
    monkeypatch.setattr(report_mod, "CELLS_KEPT", 3)
    texts = [t for _, _, t, _ in CHAT] + ['他说"马上还"，好吗', "第一行\r\n第二行", "[图片]", " a,b ", '"']
    names = ['王"经理"', "李,四", "张\n三", " 我 ", "", "赵六"]
    rng = random.Random(3)
    rows = [(f"2024-03-05 09:{i % 60:02d}:00", rng.choice(names), rng.choice(texts), rng.choice(names) or "c")
            for i in range(5000)]
    src = write_csv(tmp_path / "chat,1.csv", rows)
    for redact in (True, False):
        scanner = runner.Scanner([src], runner.ScanOptions(use_model=False, redact=redact))
        out = tmp_path / "r.csv"
        seen = []
        real_rows = scanner.rows
        scanner.rows = lambda: (seen.append(r) or r for r in real_rows())
        report_mod.run_scan(scanner, str(out), "low", "zh", [str(src)])
        risks = [c.risk for c in scanner.conversations.values()]
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(COLUMNS)
        for r in seen:
            w.writerow([r.id, r.conversation, r.sender, r.row.time, r.text, r.label, r.risk, r.level, r.flag_ids,
                        r.row.file, r.row.line, r.row.kind, risks[r.conv_index]])
        assert out.read_bytes() == ("\ufeff" + buf.getvalue()).encode("utf-8")
        assert len(seen) == 5000 and any(r.risk is None for r in seen)
