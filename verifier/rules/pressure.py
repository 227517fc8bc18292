# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``borrow_to_repay`` (medium) and ``urgent_pressure`` (low), added in 0.1.0.

borrow_to_repay — urges borrowing from other lenders, friends or family to repay.
Hit: 你别的平台不是还有额度吗？先借出来把我们这笔平了 → evidence ``借出来``…
Near miss: 理财建议：千万别以贷养贷。

urgent_pressure — artificial deadlines and pressure for immediate full payment.
Hit: 今天18点前不全额结清就转法务 → evidence ``今天18点前``…
Near miss: 【花呗】本月账单将于3月10日到期，请按时还款。
"""

from __future__ import annotations

from .base import DEFAULT_SUPPRESS, Pat, Rule, debtor_question, gap, narrated, official_notice

BORROW_TO_REPAY = Rule(
    id="borrow_to_repay",
    patterns=(
        Pat("borrow_elsewhere", f"(?:其他平台|别的平台|别的口子|口子|父母|爸妈|亲戚|朋友|同事){gap(6)}(?:借|凑|套|刷){gap(4)}(?:还|平)"),
        Pat("loan_cycle", "以贷养贷|借新还旧|拆东墙补西墙"),
    ),
    suppress=DEFAULT_SUPPRESS + (debtor_question, narrated),
    explanation="催促你向其他平台、亲友借钱来还款（以贷养贷）。催收方不得诱导借新还旧，这会让债务越滚越大。",
    advice="不要为还这笔钱去借新的贷款；先通过官方渠道申请延期或分期。",
)

URGENT_PRESSURE = Rule(
    id="urgent_pressure",
    patterns=(
        Pat("last_chance", "最后一次机会|最后机会|最后通牒|过时作废|仅限今天|过了今天"),
    ),
    suppress=DEFAULT_SUPPRESS + (debtor_question, official_notice),
    explanation="制造紧迫感：“今天必须全额还清”“最后机会”“过时作废”。这是让人来不及核实就付款的常见手法。",
    advice="不要因为催促而匆忙付款；先在官方App核对欠款和可选方案。",
)
