"""``intermediary_fee`` (high), added in 0.1.0.

Catches: a paid third party (法务, 律所, 债务优化, 停息挂账, 反催收, agency
negotiation, "上岸" coaching) asking for service fees, deposits or money upfront.

Hit: 我们法务团队专做停息挂账，服务费按欠款的5%收 → evidence ``服务费``.
Near miss: 二次分期会收取一定分期手续费，以App展示的费率为准 (an official product
fee: no third party); 提醒：与银行协商无需任何中介，也不用交服务费 (negated).

Patterns (digits view, so 伍佰/二九八/两千 read as amounts):

- ``fee_word``: a fee or deposit word (服务费/定金/诚意金/保证金/押金/工本费/关系费…),
  with the amount when it follows (诚意金2k, 定金伍佰元);
- ``fee_share``: a cut of the debt or of the waived amount (按欠款总额的5%, 抽三成, 5个点);
- ``fee_amount``: 收费/费用/套餐 + an amount (收费2000起, 套餐二九八);
- ``fee_talk``: 了解收费 / 收费透明 in an agent's ad;
- ``shop_order``: paying through a shop listing (淘宝下单/拍下链接).

:func:`_confirm` keeps a hit only when a third-party agent cue stands near it:
a strong one (法务/律所/债务优化/停息挂账/反催收/代理协商/征信修复…), a process tell
(寄手机卡/呼叫转移/签委托书), or a weak one (顾问/团队/代办/上岸/陪跑…) in debt talk.
Fees that courts may shift to a debtor (律师费由您承担), 手续费 without a strong agent
(the creditor's own product fee), a debtor's own question and talk about such
agents (网上那些代理协商动不动收几千) do not fire; 上岸 alone is exam talk unless
debt words stand near it.
"""

from __future__ import annotations

import re

from .base import Doc, Rule, narrated
from .payment import SENTENCE_STOP, STRICT_SUPPRESS, around, cgap, pat

_STRONG_AGENT = re.compile(
    "法务|律所|律师事务所|律师团队|债务优化|债务规划|债务重组|债务重整|债务处理|债务咨询|停息挂账|停息分期|反催收|防催收"
    "|代理协商|协商代理|代协商|代理维权|维权团队|代理投诉|代投诉|化债|协商团队|专业协商|停催|停诉|征信修复|信用修复|洗白|修复征信"
    "|帮你协商|替你协商|帮您协商|替您协商|帮你谈|替你谈|帮你申请停息|帮你申请延期|代申请|代办延期|代办分期|代办停息"
    "|特殊通道|特殊渠道|内部通道|内部渠道|绿色通道|内部关系|走关系"
    # process tells: the agent takes over the debtor's phone or signs for them
    "|寄(?:过来|给我们?)?(?:你的)?(?:手机卡|sim卡|电话卡)|(?:手机卡|sim卡|电话卡)[^,;:。!?\n]{0,4}寄|呼叫转移"
    "|签(?:个|一份|订)?委托|委托书|委托合同|委托协议|授权委托"
)
_WEAK_AGENT = re.compile(
    "顾问|团队|机构|工作室|代办|代理|律师|中介|委托|一对一|陪跑|导师|课程|训练营|上岸|我们公司|咨询公司|专员|老师|包成功"
    "|不成功全退|不成功不收费|先付后做|成功后|全额退|全退|谈不下来|办不下来|包过|保过|成功率|合作关系|有关系"
    "|帮你|替你|帮您|替您"
)
_DEBT_TALK = re.compile(
    "逾期|欠款|负债|网贷|信用卡|花呗|借呗|催收|协商|征信|减免|停息|挂账|分期|还款|债务|本金|利息|罚息|延期|银行|平台"
)
# Costs a court may order a debtor to bear: a lawful (if unwelcome) statement.
_COST_SHIFT = re.compile("由您承担|由你承担|您承担|你承担|需承担|需要承担|自行承担|一并承担|由被告|判决")
_QUESTION = re.compile("[?]|吗$|吗[,。]|呢$|多少钱|要不要|需不需要|是不是|靠不靠谱|靠谱吗|有没有|怎么|如何")
_ASKER = re.compile("我|俺|本人|朋友|网上|有人|别人|听说")
_SELLER = re.compile("我们|找我|加我|加微信|私聊|私信|联系|专业|团队|包|保证|名额|报名")
_GENERIC = re.compile("(?:那些|那种|这种|这些|所谓的?|网上的?)[^,;:。!?\n]{0,8}(?:" + _STRONG_AGENT.pattern + "|中介|代理)")
_WINDOW = 60

# A bare number stops before "1个": 三九八一个月 reads 3981个月 in the digits view.
_AMT = r"(?:\d+[十百千万佰仟拾]+(?:元|块)?|\d[\d.,]*\s*(?:元|块|k|w|万|千|百|佰|仟|个点|%)|\d{3,}?(?=1个|(?!\d)))"


def _confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text = doc.norm.text
    s, e = m.span()
    lo, hi = max(0, s - _WINDOW), min(len(text), e + _WINDOW)
    strong = _STRONG_AGENT.search(text, lo, hi) is not None
    weak = _WEAK_AGENT.search(text, lo, hi) is not None and _DEBT_TALK.search(text, lo, hi) is not None
    if not (strong or weak):
        return False
    before, after = around(text, s, e, SENTENCE_STOP, reach=80)
    sentence = before + m.group() + after
    if name == "fee_word":
        word = m.group("fee")
        if word == "手续费" and not strong:
            return False             # 二次分期手续费: the creditor's own product fee
        if word in ("律师费", "诉讼费") and _COST_SHIFT.search(sentence):
            return False             # 律师费、诉讼费由您承担: a lawful statement of costs
    if _GENERIC.search(before) and not _SELLER.search(sentence):
        return False                 # 网上那些代理协商动不动收几千服务费: talk about such agents
    if _QUESTION.search(sentence) and not _SELLER.search(sentence):
        # 找停息挂账的中介要交服务费吗？ is the debtor asking; 服务费多少？私聊 is an ad.
        if _ASKER.search(sentence) or not _SELLER.search(text, lo, hi):
            return False
    return True


INTERMEDIARY_FEE = Rule(
    id="intermediary_fee",
    patterns=(
        pat("fee_word",
            "(?P<fee>服务费|咨询费|定金|订金|诚意金|风险保证金|保证金|押金|工本费|受理费|关系费|疏通费|打点费|会员费|报名费"
            "|入会费|佣金|抽成|提成|前期费用|前期费|协商费|代办费|办理费|加急费|材料费|律师费|顾问费|委托费|代理费|操作费"
            "|渠道费|公关费|手续费|尾款)"
            f"(?:(?::|是|为|共|一共|只要|仅需|只需|收|先付|先交|{cgap(2)}){_AMT})?",
            view="digits"),
        pat("fee_share",
            f"(?:按|收|抽|提|拿){cgap(10)}(?:\\d+%|\\d+个点|\\d成|百分之\\d+)"
            f"|\\d+个点的?(?:服务费|费用|佣金)?",
            view="digits"),
        pat("fee_amount",
            f"(?:收费|费用|套餐|包月|包年|年费|月费){cgap(3)}{_AMT}|{_AMT}(?:/月|一个月|包月)?的?(?:套餐|服务)",
            view="digits"),
        pat("fee_talk",
            "(?:了解|咨询|详询|问)(?:一下)?(?:收费|费用)|(?:收费|费用)(?:标准|明细|详情|透明|合理|低廉|便宜|公道|优惠|实惠)",
            view="digits"),
        pat("shop_order",
            f"(?:淘宝|拼多多|闲鱼|京东|电商|小店|店铺){cgap(6)}(?:下单|拍下|拍一下|拍|付款)",
            view="digits"),
    ),
    suppress=STRICT_SUPPRESS + (narrated,),
    confirm=_confirm,
    explanation="第三方（“法务”“债务优化”“停息挂账”“反催收”等）要求先交服务费、定金或保证金。与平台协商不需要中介，也不收取任何费用。",
    advice="不要向任何中介付费；自己通过官方App或官方客服（如支付宝95188）申请协商，免费。",
)
