"""The summary ``verifier scan`` prints when it is done (Chinese first, English with ``--lang en``)."""

from __future__ import annotations

from ..messages import LABEL_NAMES, LEVEL_NAMES

TOP = 5
ERRORS_SHOWN = 10

TEXT = {
    "zh": {"head": "扫描完成", "read": "读取 {read} 行：评分 {scanned}，非文字消息 {non_text}，无法读取而跳过 {skipped}",
           "distinct": "（重复文本只评一次：实际评分 {distinct} 条不同文本）",
           "convs": "会话 {n} 个；风险最高的会话：", "labels": "标签", "flags": "风险标记",
           "errors": "无法读取的行（文件:行号）：", "more": "……另有 {n} 条",
           "files": "无法读取的文件：", "out": "报告已写入：{out}", "none": "无",
           "messages": "{n} 条消息，{f} 条有风险"},
    "en": {"head": "scan finished", "read": "{read} rows read: {scanned} scored, {non_text} not text, {skipped} "
           "skipped (unreadable)", "distinct": "(repeated texts scored once: {distinct} distinct texts scored)",
           "convs": "{n} conversations; the riskiest:", "labels": "labels", "flags": "flags",
           "errors": "rows that could not be read (file:line):", "more": "… and {n} more",
           "files": "files that could not be read:", "out": "report written to {out}", "none": "none",
           "messages": "{n} messages, {f} flagged"},
}


def format_summary(report: dict, distinct: int, out: str | None, lang: str) -> str:
    t = TEXT[lang]
    s = report["summary"]
    lines = [f"── {t['head']} ──",
             t["read"].format(read=s["rows_read"], scanned=s["rows_scanned"], non_text=s["non_text"],
                              skipped=s["rows_skipped"]) + " " + t["distinct"].format(distinct=distinct)]
    labels = ", ".join(f"{LABEL_NAMES[lang][k]} {v}" for k, v in s["labels"].items() if v) or t["none"]
    lines.append(f"{t['labels']}: {labels}")
    flags = ", ".join(f"{k} {v}" for k, v in s["flags"].items()) or t["none"]
    lines.append(f"{t['flags']}: {flags}")
    convs = report["conversations"]
    lines.append(t["convs"].format(n=s["conversations"]))
    for c in convs[:TOP]:
        lines.append(f"  {c['risk']:.2f} {LEVEL_NAMES[lang][c['level']]} {LABEL_NAMES[lang][c['label']]}  "
                     f"{c['conversation'] or '—'}  ({c['file']}; "
                     + t["messages"].format(n=c["messages"], f=c["flagged"]) + ")")
        for p in c["patterns"]:
            lines.append(f"       ↳ {p}")
    row_errors = [e for e in s["errors"] if e["line"] > 0]
    file_errors = [e for e in s["errors"] if e["line"] == 0]
    if row_errors:
        lines.append(t["errors"])
        for e in row_errors[:ERRORS_SHOWN]:
            lines.append(f"  {e['file']}:{e['line']}: {e['reason']}")
        if s["rows_skipped"] > ERRORS_SHOWN:
            lines.append("  " + t["more"].format(n=s["rows_skipped"] - ERRORS_SHOWN))
    if file_errors:
        lines.append(t["files"])
        for e in file_errors[:ERRORS_SHOWN]:
            lines.append(f"  {e['file']}: {e['reason']}")
    if out and out != "-":
        lines.append(t["out"].format(out=out))
    return "\n".join(lines)
