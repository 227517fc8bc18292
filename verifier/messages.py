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


# ``verifier agreement``: names of statuses, plans, payees, checks and what is missing.
AGREEMENT_NAMES = {
    "zh": {
        "status": {"settled": "已结清", "plan_confirmed": "方案已确认", "pending": "申请中/待审批",
                   "verbal_only": "只有口头承诺", "unknown": "无法判断"},
        "verdict": {"ok": "可以放心", "incomplete": "还缺关键信息", "risky": "有风险"},
        "plan_type": {"lump_sum": "一次性结清", "principal_only": "只还本金", "installment": "分期（二次分期）",
                      "deferral": "延期/停息挂账", "unknown": "未写明"},
        "payee": {"official": "官方渠道", "personal": "个人或非官方账户", "unknown": "未写明"},
        "amounts": {"total_debt": "欠款总额", "principal": "本金", "interest": "利息", "penalty": "罚息/违约金",
                    "fees": "手续费/服务费", "waived": "减免", "payable": "实际应还", "installment_count": "期数",
                    "installment_amount": "每期金额"},
        "dates": {"first_due": "首期还款日", "deadline": "最后还款日"},
        "checks": {"amounts_consistent": "金额前后一致", "payee_official": "钱只付给官方渠道",
                   "has_deadline": "写明最后还款日期", "has_written_confirmation": "有书面或App内确认",
                   "has_settlement_clause": "写明还清后结清/出具结清证明", "no_credit_record_promise": "没有“删除征信”承诺",
                   "no_third_party_fee": "不向第三方交费"},
        "missing": {"payable_amount": "实际应还的准确金额", "deadline": "带年份的最后还款日期",
                    "written_confirmation": "债权机构出具的书面或App内确认", "settlement_clause": "还清后显示结清、出具结清证明",
                    "official_payee": "还款只进入官方App还款页面或债权机构对公账户"},
        "headings": {"title": "还款协议核查", "amounts": "金额", "plan": "方案", "payee": "收款方", "checks": "核对清单",
                     "flags": "危险词句", "missing": "付款前请先确认", "none": "无", "dates": "日期"},
    },
    "en": {
        "status": {"settled": "settled", "plan_confirmed": "plan confirmed", "pending": "applied for, pending",
                   "verbal_only": "verbal promise only", "unknown": "unknown"},
        "verdict": {"ok": "looks fine", "incomplete": "something to confirm is missing", "risky": "risky"},
        "plan_type": {"lump_sum": "lump-sum settlement", "principal_only": "principal only",
                      "installment": "re-instalment", "deferral": "deferral", "unknown": "not stated"},
        "payee": {"official": "official channel", "personal": "a person or an unofficial account",
                  "unknown": "not stated"},
        "amounts": {"total_debt": "total debt", "principal": "principal", "interest": "interest",
                    "penalty": "penalty", "fees": "fees", "waived": "waived", "payable": "payable",
                    "installment_count": "instalments", "installment_amount": "per instalment"},
        "dates": {"first_due": "first due date", "deadline": "final deadline"},
        "checks": {"amounts_consistent": "amounts add up", "payee_official": "money goes only to the official channel",
                   "has_deadline": "a final deadline is stated", "has_written_confirmation": "written or in-app confirmation",
                   "has_settlement_clause": "settlement (结清) after full payment", "no_credit_record_promise":
                   "no promise to delete credit records", "no_third_party_fee": "no fee to a third party"},
        "missing": {"payable_amount": "the exact amount to pay", "deadline": "the final deadline, with its year",
                    "written_confirmation": "a written or in-app confirmation from the creditor",
                    "settlement_clause": "that the account shows settled (结清) and a certificate follows",
                    "official_payee": "that money goes only to the official app or the creditor's corporate account"},
        "headings": {"title": "Repayment agreement check", "amounts": "Amounts", "plan": "Plan", "payee": "Payee",
                     "checks": "Checklist", "flags": "Dangerous phrases", "missing": "Get this confirmed before paying",
                     "none": "none", "dates": "Dates"},
    },
}
