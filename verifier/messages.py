"""What the tool tells users: Chinese first, English with ``--lang en``.

Flag texts in Chinese live on each rule; their English renderings and the
per-label advice live in ``data/messages_en.toml`` and here.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

LANGS = ("zh", "en")

LABEL_NAMES = {
    "zh": {"scam": "诈骗", "abusive": "违规催收", "collection": "正常催收/账单", "normal": "普通消息"},
    "en": {"scam": "scam", "abusive": "abusive collection", "collection": "lawful collection", "normal": "normal"},
}
LEVEL_NAMES = {
    "zh": {"high": "高风险", "medium": "中风险", "low": "低风险"},
    "en": {"high": "high risk", "medium": "medium risk", "low": "low risk"},
}
SIGNAL_NAMES = {
    "zh": {"official_channel": "只指向官方渠道", "written_confirmation": "提到书面或App内协议"},
    "en": {"official_channel": "points only to official channels",
           "written_confirmation": "refers to a written or in-app agreement"},
}
LABEL_ADVICE = {
    "zh": {
        "scam": "不要转账、不要加对方联系方式、不要提供验证码；登录支付宝App或拨打95188等官方电话核实。",
        "abusive": "保存截图和通话录音；可向12378（银行保险投诉）、12321（骚扰举报）投诉，人身威胁请拨打110。",
        "collection": "只通过官方App或官方客服电话核对账单和协商；任何减免以App内或书面协议为准。",
        "normal": "未发现风险迹象。",
    },
    "en": {
        "scam": "Do not transfer money, add their contact or share codes; verify in the official app or on the "
                "official hotline (95188 for Alipay).",
        "abusive": "Keep screenshots and recordings; complain to 12378 (banking regulator) or 12321 (harassment); "
                   "call 110 for threats to your safety.",
        "collection": "Check the bill and negotiate only in the official app or on the official hotline; any "
                      "waiver counts only when it is in the app or in writing.",
        "normal": "No sign of risk found.",
    },
}


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        from .errors import UsageError

        raise UsageError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}", code="E101")
    return lang


@lru_cache(maxsize=1)
def _english() -> dict:
    path = resources.files("verifier") / "data" / "messages_en.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def flag_text(rule, lang: str) -> tuple[str, str]:
    """(explanation, advice) of a rule in ``lang``."""
    if lang == "en":
        entry = _english().get(rule.id, {})
        return entry.get("explanation", rule.explanation), entry.get("advice", rule.advice)
    return rule.explanation, rule.advice
