# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``verbal_only_waiver`` (high) and ``too_good_offer`` (medium), added in 0.1.0.

verbal_only_waiver — a reduction that exists only as a spoken or chat promise,
or "pay part now, I'll apply for the rest to be waived".
Hit: 你先还两千，剩下的我帮你申请全部免掉 → evidence ``先还两千，剩下的我帮你申请全部免掉``.
Near miss: 我打算这个月先还一部分，剩下的等发了年终奖再还 (the debtor's own plan).

too_good_offer — "waive all interest and penalties", "principal only", "cut the
principal", "100% success" from an unofficial party.
Hit: 利息罚息全部免掉，你只需要还本金 → evidence ``利息罚息全部免掉``.
Near miss: 请问逾期了还能协商只还本金吗？ (a question).
"""

from __future__ import annotations

from .base import DEFAULT_SUPPRESS, Pat, Rule, debtor_question, gap, narrated

VERBAL_ONLY_WAIVER = Rule(
    id="verbal_only_waiver",
    patterns=(
        Pat("pay_part_then_apply",
            f"先(?:还|付|打|转){gap(8)}(?:剩下|剩余|其余|余下|另一半|其他){gap(10)}(?:申请|去批|争取|处理|核销|免)"),
        Pat("no_document", "(?:不用|不需要|没必要|不必)签?(?:什么)?(?:书面|协议|合同)|(?:协议|合同)(?:就)?不用签"),
    ),
    suppress=DEFAULT_SUPPRESS + (debtor_question, narrated),
    explanation="减免只停留在口头或聊天承诺，或“先还一部分，剩下的我帮你申请”。没有App内或书面协议的减免不算数，钱还了、减免却可能不存在。",
    advice="在付款前要求平台在App内或以书面协议确认减免金额和结清条件；口头承诺不要付款。",
)

TOO_GOOD_OFFER = Rule(
    id="too_good_offer",
    patterns=(
        Pat("waive_all", f"(?:利息|罚息|违约金|息费){gap(4)}(?:全部|全|都)(?:免|减免|免掉|免除|不用还)"),
        Pat("principal_only", "只(?:需要?|用)?还本金"),
        Pat("sure_success", "(?:百分百|百分之百|100%|包成功|包过|包上岸|稳过)"),
    ),
    suppress=DEFAULT_SUPPRESS + (debtor_question, narrated),
    explanation="许诺“全免利息罚息”“只还本金”“包成功”等过于优厚的条件。这类承诺来自非官方渠道时，多是骗取手续费或转账的诱饵。",
    advice="任何减免只以官方App或官方客服给出的书面方案为准，不要相信第三方的保证。",
)
