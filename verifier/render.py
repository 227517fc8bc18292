"""Terminal rendering of results (rich). Tested at a fixed width."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .messages import LABEL_NAMES, LEVEL_NAMES, SIGNAL_NAMES
from .results import ScoreResult

SEVERITY_STYLE = {"high": "bold white on red", "medium": "bold black on yellow", "low": "underline"}
LEVEL_STYLE = {"high": "bold red", "medium": "bold yellow", "low": "bold green"}
HEADINGS = {
    "zh": {"message": "消息", "flags": "危险词句", "severity": "严重程度", "rule": "规则", "evidence": "证据",
           "why": "说明", "signals": "积极信号", "advice": "建议", "none": "未发现危险词句", "risk": "风险"},
    "en": {"message": "Message", "flags": "Dangerous phrases", "severity": "severity", "rule": "rule",
           "evidence": "evidence", "why": "why", "signals": "Good signs", "advice": "What to do", "none":
           "no dangerous phrase found", "risk": "risk"},
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
    if result.probabilities:
        probs = " ".join(f"{k} {v:.2f}" for k, v in result.probabilities.items())
        head.append(f" · {probs}", style="dim")
    console.print(head)
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
