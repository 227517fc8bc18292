# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""Positive signals ``official_channel`` and ``written_confirmation``, added in 0.1.0.

official_channel — the message points only to the official app, an official
hotline (95188, 955xx) or the official repayment page. Dropped when any
off-channel flag fires.
Hit: 请登录支付宝App完成还款 → signal.
Near miss: 95188排队太久，你直接打我手机 (off_platform_contact vetoes it).

written_confirmation — a written or in-app agreement, or creditor-issued proof,
is referred to. Dropped when a high-severity flag fires.
Hit: 电子版还款协议会推送到您的App消息中心 → signal.
Near miss: 不用签什么协议，我们口头说好就行。
"""

from __future__ import annotations

from .base import Pat, Rule, gap, negated

OFF_CHANNEL = ("personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee",
               "credential_request", "impersonation", "off_platform_contact", "suspicious_link")
HIGH_FLAGS = ("personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee",
              "credential_request", "threat_or_harassment")

OFFICIAL_CHANNEL = Rule(
    id="official_channel",
    patterns=(
        Pat("official_app", f"(?:登录|打开|通过|在){gap(2)}(?:支付宝|网商银行|手机银行){gap(3)}(?:app|客户端)?"),
        Pat("hotline", r"(?<![0-9])(?:95188|955\d\d)(?![0-9])", view="digits"),
    ),
    suppress=(negated,),
    veto=OFF_CHANNEL,
    explanation="只指向官方App、官方客服电话或官方还款页面。",
    advice="继续只通过官方渠道操作。",
)

WRITTEN_CONFIRMATION = Rule(
    id="written_confirmation",
    patterns=(
        Pat("document", f"(?:书面|电子版?|纸质){gap(2)}(?:协议|合同|确认书|方案)"),
    ),
    suppress=(negated,),
    veto=HIGH_FLAGS,
    explanation="提到书面或App内的协议、确认书或结清证明。",
    advice="付款前核对协议上的金额、期数和结清条款，并保存好协议。",
)
