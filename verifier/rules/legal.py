# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``threat_or_harassment`` (high) and ``false_legal_threat`` (medium), added in 0.1.0.

threat_or_harassment — threats of violence, insults, contacting family,
employer or contacts (爆通讯录), visits to home or work, public shaming.
Hit: 今天不还就爆你通讯录 → evidence ``爆你通讯录``.
Near miss: 警方提醒：催收人员群发通讯录属违法行为。

false_legal_threat — imminent arrest, "transferred to the police", fake court,
arbitration or lawyer letters used as pressure.
Hit: 经侦已经立案，24小时内上门抓人 → evidence ``经侦已经立案``.
Near miss: 【花呗】如仍未处理，我司可能依法通过诉讼主张权利。
"""

from __future__ import annotations

from .base import Pat, Rule, gap

THREAT_OR_HARASSMENT = Rule(
    id="threat_or_harassment",
    patterns=(
        Pat("contact_list",
            f"(?:爆|打|群发|轰炸|挨个打|一个个打|通知|发给)(?:你的?)?{gap(2)}(?:通讯录|联系人|亲友|亲戚朋友|家人|父母|同学|同事)"),
    ),
    explanation="威胁联系你的家人、同事、通讯录，或上门、辱骂、公开曝光。这些做法违反催收规定，严重的可能构成违法犯罪。",
    advice="保存截图和录音，向12378（银行保险监管）或平台官方客服投诉；人身威胁请拨打110报警。",
)

FALSE_LEGAL_THREAT = Rule(
    id="false_legal_threat",
    patterns=(
        Pat("criminal", f"(?:经侦|公安|警方|警察){gap(4)}(?:立案|抓|拘|上门)"),
    ),
    explanation="用“立案”“抓人”“拘留”“上黑名单”或假法院、假仲裁、假律师函施压。欠款一般属于民事纠纷，真实的诉讼会通过法院正式送达，可拨打12368核实。",
    advice="不要被吓到转账；用12368或人民法院诉讼服务网核实案件，真实的法律程序不会要求向个人账户付款。",
)
