# HELPER NOTE (delete this line when done): read /tmp/helper_common.md first - project context, case schema, conventions, /tmp/falsealarm.py.
"""``intermediary_fee`` (high), added in 0.1.0.

Catches: a paid third party (法务, 律所, 债务优化, 停息挂账, 反催收, agency
negotiation, "上岸" coaching) asking for service fees, deposits or money upfront.

Hit: 我们法务团队专做停息挂账，服务费按欠款的5%收 → evidence ``服务费``.
Near miss: 提醒：与银行协商无需任何中介，也不用交服务费。
"""

from __future__ import annotations

from .base import Pat, Rule
from .lexicon import GAP

AGENT = ("法务|律所|律师团队|债务优化|债务规划|停息挂账|反催收|代理协商|代理维权|上岸|化债|协商团队|顾问|代办"
         "|委托|一对一|陪跑|套餐|名额|包成功|征信修复")

INTERMEDIARY_FEE = Rule(
    id="intermediary_fee",
    patterns=(
        Pat("fee_word",
            "(?:服务费|咨询费|定金|诚意金|保证金|风险保证金|押金|工本费|受理费|关系费|疏通费|会员费|报名费|佣金|抽成"
            "|前期费用|协商费|代办费)"),
    ),
    context=(AGENT,),
    context_window=40,
    explanation="第三方（“法务”“债务优化”“停息挂账”“反催收”等）要求先交服务费、定金或保证金。与平台协商不需要中介，也不收取任何费用。",
    advice="不要向任何中介付费；自己通过官方App或官方客服（如支付宝95188）申请协商，免费。",
)
