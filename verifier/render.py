"""Terminal rendering of results (rich). Tested at a fixed width."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .messages import AGREEMENT_NAMES, LABEL_NAMES, LEVEL_NAMES, SIGNAL_NAMES
from .results import AgreementResult, ScoreResult

SEVERITY_STYLE = {"high": "bold white on red", "medium": "bold black on yellow", "low": "underline"}
LEVEL_STYLE = {"high": "bold red", "medium": "bold yellow", "low": "bold green"}
HEADINGS = {
    "zh": {"message": "消息", "flags": "危险词句", "severity": "严重程度", "rule": "规则", "evidence": "证据",
           "why": "说明", "signals": "积极信号", "advice": "建议", "none": "未发现危险词句", "risk": "风险",
           "model": "模型概率"},
    "en": {"message": "Message", "flags": "Dangerous phrases", "severity": "severity", "rule": "rule",
           "evidence": "evidence", "why": "why", "signals": "Good signs", "advice": "What to do", "none":
           "no dangerous phrase found", "risk": "risk", "model": "model probabilities"},
}
SEVERITY_NAMES = {"zh": {"high": "高", "medium": "中", "low": "低"}, "en": {"high": "high", "medium": "medium", "low": "low"}}
SNIPPET = 40
LONG = 600


def highlighted(text: str, result: ScoreResult, plain: bool) -> Text:
    """The message with every piece of evidence highlighted (⟦…⟧ without colour).

    Long messages are cut down to the parts around the evidence.
    """
    spans = sorted({(f.start, f.end, f.severity) for f in result.flags})
    windows: list[list[int]] = []
    if len(text) <= LONG:
        windows = [[0, len(text)]]
    else:
        for s, e, _ in spans or [(0, 0, "")]:
            lo, hi = max(0, s - SNIPPET), min(len(text), e + SNIPPET)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        if not spans:
            windows = [[0, LONG]]
    out = Text()
    for i, (lo, hi) in enumerate(windows):
        if i or lo > 0:
            out.append("…")
        pos = lo
        for s, e, sev in spans:
            if s < pos or e > hi:
                continue
            out.append(text[pos:s])
            out.append(("⟦" + text[s:e] + "⟧") if plain else text[s:e], style=SEVERITY_STYLE[sev])
            pos = e
        out.append(text[pos:hi])
        if hi < len(text) and i == len(windows) - 1:
            out.append("…")
    return out


def render_score(console: Console, text: str, result: ScoreResult, lang: str = "zh") -> None:
    h = HEADINGS[lang]
    plain = console.no_color or console.color_system is None
    head = Text()
    head.append(f"{LEVEL_NAMES[lang][result.level]}", style=LEVEL_STYLE[result.level])
    head.append(f" · {LABEL_NAMES[lang][result.label]} ({result.label}) · {h['risk']} {result.risk:.2f}")
    console.print(head)
    if result.probabilities:
        probs = "  ".join(f"{LABEL_NAMES[lang][k]} {v:.2f}" for k, v in result.probabilities.items())
        console.print(Text(f"{h['model']}: {probs}", style="dim"))
    console.print(Text(h["message"] + ":", style="bold"))
    console.print(highlighted(text, result, plain), overflow="fold")
    if result.flags:
        table = Table(title=None, show_lines=False, expand=False, header_style="bold")
        table.add_column(h["severity"], no_wrap=True)
        table.add_column(h["rule"], no_wrap=True)
        table.add_column(h["evidence"], overflow="fold")
        table.add_column(h["why"], overflow="fold")
        for f in result.flags:
            table.add_row(
                Text(SEVERITY_NAMES[lang][f.severity], style=LEVEL_STYLE[f.severity]),
                f.id, Text(f.evidence, style=SEVERITY_STYLE[f.severity]), f.explanation,
            )
        console.print(Text(h["flags"] + ":", style="bold"))
        console.print(table)
    else:
        console.print(Text(h["none"], style="green"))
    if result.signals:
        names = "、".join(SIGNAL_NAMES[lang][s] for s in result.signals)
        console.print(Text(f"{h['signals']}: {names}", style="green"))
    console.print(Text(h["advice"] + ":", style="bold"))
    advice = Table.grid(padding=(0, 1))
    advice.add_column(no_wrap=True)
    advice.add_column(overflow="fold")
    for i, a in enumerate(result.advice, 1):
        advice.add_row(f"{i}.", a)
    console.print(advice)


def print_score(text: str, result: ScoreResult, lang: str = "zh") -> None:
    render_score(Console(highlight=False), text, result, lang)


VERDICT_STYLE = {"ok": "bold green", "incomplete": "bold yellow", "risky": "bold red"}


def _yuan(value) -> str:
    if value is None:
        return "–"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def render_agreement(console: Console, text: str, result: AgreementResult, lang: str = "zh") -> None:
    names = AGREEMENT_NAMES[lang]
    h = names["headings"]
    plain = console.no_color or console.color_system is None
    head = Text()
    head.append(names["verdict"][result.verdict], style=VERDICT_STYLE[result.verdict])
    head.append(f" ({result.verdict}) · {names['status'][result.status]} ({result.status})")
    console.print(Text(h["title"], style="bold"))
    console.print(head)
    console.print(Text(f"{h['plan']}: {names['plan_type'][result.plan_type]} ({result.plan_type})  ·  "
                       f"{h['payee']}: {names['payee'][result.payee.kind]}"
                       + (f"（{result.payee.detail}）" if result.payee.detail else "")))
    table = Table(show_header=False, box=None, padding=(0, 2))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for key, value in result.amounts.items():
        if value is not None:
            table.add_row(names["amounts"][key], _yuan(value))
    for key, value in result.dates.items():
        table.add_row(names["dates"][key], value or "–")
    console.print(Text(h["amounts"] + " / " + h["dates"] + ":", style="bold"))
    console.print(table)
    checks = Table.grid(padding=(0, 1))
    checks.add_column(no_wrap=True)
    checks.add_column(no_wrap=True)
    checks.add_column(overflow="fold")
    for c in result.checks:
        mark = Text("✓", style="bold green") if c.passed else Text("✗", style="bold red")
        checks.add_row(mark, names["checks"][c.id], Text(c.detail, style="dim"))
    console.print(Text(h["checks"] + ":", style="bold"))
    console.print(checks)
    if result.flags:
        console.print(Text(h["flags"] + ":", style="bold"))
        flags = Table.grid(padding=(0, 1))
        flags.add_column(no_wrap=True)
        flags.add_column(overflow="fold")
        for f in result.flags:
            snippet = Text(("⟦" + f.evidence + "⟧") if plain else f.evidence, style=SEVERITY_STYLE[f.severity])
            flags.add_row(Text(f.id, style=LEVEL_STYLE[f.severity]), Text.assemble(snippet, " ", f.explanation))
        console.print(flags)
    console.print(Text(h["missing"] + ":", style="bold"))
    if result.missing:
        for i, item in enumerate(result.missing, 1):
            console.print(f"{i}. {names['missing'].get(item, item)}")
    else:
        console.print(h["none"])


def print_agreement(text: str, result: AgreementResult, lang: str = "zh") -> None:
    render_agreement(Console(highlight=False), text, result, lang)
