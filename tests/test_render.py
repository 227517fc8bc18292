"""Terminal renders at a fixed width, compared with exact strings."""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from verifier.render import highlighted, render_score
from verifier.results import Flag, ScoreResult

FLAG = Flag("personal_account_transfer", "high", "转我卡上", 5, 9, "说明文字。", "建议文字。")
RESULT = ScoreResult("scam", 0.9, "high", None, (FLAG,), (), ("建议文字。", "核实。"))
TEXT = "本金先还，转我卡上就免息"

EXPECTED = """\
高风险 · 诈骗 (scam) · 风险 0.90
消息:
本金先还，⟦转我卡上⟧就免息
危险词句:
┏━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┓
┃ 严重程度 ┃ 规则                      ┃ 证据     ┃ 说明       ┃
┡━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━┩
│ 高       │ personal_account_transfer │ 转我卡上 │ 说明文字。 │
└──────────┴───────────────────────────┴──────────┴────────────┘
建议:
1. 建议文字。
2. 核实。
"""


def _render(text: str, result: ScoreResult, lang: str = "zh") -> str:
    buf = StringIO()
    console = Console(file=buf, width=80, color_system=None, force_terminal=False, highlight=False)
    render_score(console, text, result, lang)
    return "".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines())   # padding is invisible


def test_render_score_exact_at_width_80() -> None:
    assert _render(TEXT, RESULT) == EXPECTED


def test_render_no_flags_english() -> None:
    result = ScoreResult("normal", 0.02, "low", None, (), (), ("No sign of risk found.",))
    out = _render("明天下午三点开会", result, "en")
    assert out.splitlines()[0] == "low risk · normal (normal) · risk 0.02"
    assert "no dangerous phrase found" in out


def test_render_long_message_shows_context_around_evidence() -> None:
    text = "闲聊" * 400 + "转我卡上" + "闲聊" * 400
    flag = Flag("personal_account_transfer", "high", "转我卡上", 800, 804, "x", "y")
    result = ScoreResult("scam", 0.9, "high", None, (flag,), (), ("y",))
    shown = highlighted(text, result, plain=True).plain
    assert "⟦转我卡上⟧" in shown and shown.startswith("…") and shown.endswith("…")
    assert len(shown) < 120


def test_render_score_shows_the_model_probabilities_in_the_users_language() -> None:
    probs = {"scam": 0.91, "abusive": 0.03, "collection": 0.04, "normal": 0.02}
    result = ScoreResult("scam", 0.9, "high", probs, (FLAG,), (), ("建议文字。",))
    zh = _render(TEXT, result)
    assert "模型概率: 诈骗 0.91  违规催收 0.03  正常催收/账单 0.04  普通消息 0.02" in zh
    en = _render(TEXT, result, "en")
    assert "model probabilities: scam 0.91  abusive collection 0.03" in en
