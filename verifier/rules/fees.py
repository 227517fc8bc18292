"""``intermediary_fee`` (high), added in 0.1.0.

Catches: a paid third party (法务, 律所, 债务优化, 停息挂账, 反催收, agency
negotiation, "上岸" coaching) asking for service fees, deposits or money upfront.

Hit: 我们法务团队专做停息挂账，服务费按欠款的5%收 → evidence ``服务费``.
Near miss: 二次分期会收取一定分期手续费，以App展示的费率为准 (an official product
fee: no third party); 提醒：与银行协商无需任何中介，也不用交服务费 (negated).

Patterns (digits view, so 伍佰/二九八/两千 read as amounts):

- ``fee_word``: a fee or deposit word (服务费/定金/诚意金/保证金/押金/工本费/关系费/排件费/
  委任费/建档费/律师函费用/风险金/中介费…), with the amount when it follows (诚意金2k, 定金伍佰元);
  like every pattern here it needs an agent cue near it (公关费 and 送件费 are also a company's);
- ``fee_share``: a cut of the debt or of the waived amount (按欠款总额的5%, 抽三成, 5个点,
  减下来的部分我们抽20%);
- ``fee_amount``: 收费/费用/套餐 + an amount (收费2000起, 套餐二九八), package prices (打包价2000,
  原价6800现5440, 150元终身有效) and money first (需先存入128元, 只需交58元);
- ``fee_talk``: 了解收费 / 收费透明 in an agent's ad, success-only pricing (签约后再收费,
  减免成功才收费), money before work (钱到位我们就开始), risk deposit / verification fee;
- ``shop_order``: paying through a shop listing (淘宝下单/拍下链接/直播间下单).

:func:`_confirm` keeps a hit only when a third-party agent cue stands near it:
a strong one (法务/债务优化/停息挂账/反催收/代理协商/征信修复…), a process tell
(寄手机卡/呼叫转移/签委托书/合同我发你了/交给我们), a fake loan released only after a fee
(拨款前请先支付/存完马上拨款/流水不足/验资), forged hardship papers (困难证明/失业证明), or a
weak one (顾问/团队/代办/律所/律师/上岸/陪跑/我们就开始…) in debt talk; an opening signature naming an agent (【全国债务协商服务平台】) covers the whole message.
Fees that courts may shift to a debtor (律师费由您承担/律师费你出), 手续费 without a strong agent
(the creditor's own product fee, 24期0手续费), no fee at all (办理费用全免/一分钱中介费没花),
谁信谁交学费, a debtor's own question and talk about such agents (网上那些代理协商动不动收几千)
do not fire; 上岸 alone is exam talk unless debt words stand near it.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import lru_cache

from .base import Doc, Rule, narrated
from .payment import SENTENCE_STOP, STRICT_SUPPRESS, around, cgap, pat

_STRONG_AGENT = lazy(
    "法务|债务优化|债务规划|债务重组|债务重整|债务处理|债务咨询|停息挂账|停息分期|反催收|防催收"
    "|代理协商|协商代理|代协商|代理维权|维权团队|代理投诉|代投诉|化债|协商团队|专业协商|停催|停诉|征信修复|信用修复|洗白|修复征信"
    "|帮你协商|替你协商|帮您协商|替您协商|帮你谈|替你谈|帮你申请停息|帮你申请延期|代申请|代办延期|代办分期|代办停息"
    "|特殊通道|特殊渠道|内部通道|内部渠道|绿色通道|内部关系|走关系"
    # process tells: the agent takes over the debtor's phone or signs for them
    "|寄(?:过来|给我们?)?(?:你的)?(?:手机卡|sim卡|电话卡)|(?:手机卡|sim卡|电话卡)[^,;:。!?\n]{0,4}寄|呼叫转移"
    "|签(?:个|一份|订)?委托|委托书|委托合同|委托协议|授权委托"
    # erasing records as a service (消除逾期记录，一条收150元 / 大数据下架服务)
    "|(?:逾期|不良|征信|信用|记录|注记|网黑|黑户|大数据|呆账|overdue|record)[^,;:。!?\\n]{0,6}"
    "(?:消除|删除|清除|删掉|删干净|修复|修附|下架|撤掉|拿掉|洗白|清理|remove)"
    # a cut of the relief, bridge money, a loan released only after a fee, channels and connections
    "|按(?:成功)?(?:减免|欠款|债务)(?:的)?(?:金额|额|总额)?|减多少抽多少|收佣|找我们垫|垫资|垫还|过桥"
    "|(?:才能|就能|即可|就)(?:放款|下款|提现)|放款前|下款前|下款再收费|有渠道|有门路|走渠道|谈下来|谈成|能谈到"
    # a loan released only once a fee is paid (拨款前请先支付 / 存完马上拨款 / 方可重新放款 / 款项下来一起退)
    "|(?:放款|拨款|下款)(?:流程)?前|(?:才会|才可|方可|马上|立即|立刻|立马|就会)(?:重新)?(?:放款|拨款|下款)"
    "|(?:放款|拨款|下款)时(?:将)?(?:一并|一起)|连同贷款|款项下来|流水不足|刷流水|资力证明|还款能力证明|验资"
    "|额度提上去|提额"
    # the agent's contract and hand-over (合同我发你了 / 交给我们), inside quotas (internal channel)
    "|合同我(?:发|传)|合约我(?:发|传)|交给我们|internal (?:channel|quota)|loan approved"
    # forged hardship papers (我们帮你写投诉信、做困难证明 / 给你出一份盖章的失业证明)
    "|困难证明|失业证明|离职证明|诊断书|投诉信|(?:做|出|开|配)(?:一套|一份|个)?(?:盖章的)?(?:资料|材料|证明)"
)
_WEAK_AGENT = lazy(
    "顾问|团队|机构|工作室|代办|代理|律所|律师事务所|律师|中介|委托|一对一|陪跑|导师|课程|训练营|上岸|我们公司|咨询公司|专员|老师|包成功"
    "|不成功全退|不成功不收费|先付后做|成功后|全额退|全退|谈不下来|办不下来|包过|保过|成功率|合作关系|有关系"
    "|帮你|替你|帮您|替您"
    # the work starts once paid (我们就开始 / 就开工); a loan's release (当天拨款 / 放款后)
    "|(?:我们|我)(?:这边)?就(?:开始|开工)|就开工|放款后|当天(?:拨款|放款|下款)"
)
_DEBT_TALK = lazy(
    "逾期|欠款|负债|网贷|信用卡|花呗|借呗|催收|协商|征信|减免|停息|挂账|分期|还款|债务|本金|利息|罚息|延期|银行|平台"
    "|贷|额度"
)
# Costs a court may order a debtor to bear: a lawful (if unwelcome) statement.
_COST_SHIFT = lazy("承担|由被告|判决|裁决|仲裁费|由你|由您|你出|您出|你来出|你来付|都要你|算你的|算在你")
# 返还本金和30%佣金: a task scam's payout to the reader, not a fee the reader pays
_PAYOUT = lazy("返|赚|到账|领取|提现|奖励")
# 您本次行程费用99元，已从支付宝自动扣款: a receipt for a service already paid
_RECEIPT = lazy("已(?:从[^,;:。!?\\n]{0,8})?(?:自动)?扣款|扣款成功|支付成功|感谢(?:乘坐|使用|惠顾)|本次行程")
# 我找人代办的，花了600 / 我之前差点被… / 中介收了我2000: the debtor's own story of such an agent
_OWN_STORY = lazy("我(?:之前|以前|当时|去年|前年|也|还|差点)?(?:找人|找了|花了|交了|付了|被|问了)|(?:收|骗|坑|要)了我")
_QUESTION = lazy("[?]|吗$|吗[,。]|呢$|多少钱|要不要|需不需要|是不是|靠不靠谱|靠谱吗|有没有|怎么|如何")
_ASKER = lazy("我|俺|本人|朋友|网上|有人|别人|听说")
_SELLER = lazy("我们|找我|加我|加微信|私聊|私信|联系|专业|团队|包|保证|名额|报名|我就开始|我就开工")
_GENERIC = lazy("(?:那些|那种|这种|这些|所谓的?|网上的?)[^,;:。!?\n]{0,8}(?:" + _STRONG_AGENT.pattern + "|中介|代理)")
_WINDOW = 60
_SIGNATURE = lazy("^\\s*【[^】\\n]{1,16}】|【[^】\\n]{1,16}】\\s*$")

# A bare number stops before "1个": 三九八一个月 reads 3981个月 in the digits view.
_AMT = r"(?:\d+[十百千万佰仟拾]+(?:元|块)?|\d[\d.,]*\s*(?:元|块|k|w|万|千|百|佰|仟|个点|%)|\d{3,}?(?=1个|(?!\d)))"


@lru_cache(maxsize=2)
def _unsigned(doc: Doc) -> str:
    """The folded text with SMS signatures blanked (【安和律所汽车】 names a car dealer, not an agent)."""
    text = doc.norm.text
    return _SIGNATURE.sub(lambda m: " " * len(m.group()), text) if "【" in text else text


@lru_cache(maxsize=2)
def _debt_body(doc: Doc) -> bool:
    return _DEBT_TALK.search(_unsigned(doc)) is not None


_YOU = lazy("你|您")
_FREE = lazy("用?(?:全免|全部免除|免费|为零|为0|0元)|(?:都|也)?(?:没花|没交|没付|没给|不用交|不用付|不收)")


@lru_cache(maxsize=2)
def _header_agent(doc: Doc) -> bool:
    """The message opens with a signature naming an agent (【全国债务协商服务平台】) and is about a debt."""
    head = _SIGNATURE.match(doc.norm.text)
    return head is not None and _STRONG_AGENT.search(head.group()) is not None and _debt_body(doc)


# Words that are a fee only with a price after them (学费398, not 谁信谁交学费)
_NEED_AMOUNT = frozenset(("学费", "保险费", "登记费", "评估费"))


def _confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, body = doc.norm.text, _unsigned(doc)
    s, e = m.span()
    lo, hi = max(0, s - _WINDOW), min(len(text), e + _WINDOW)
    strong = _STRONG_AGENT.search(body, lo, hi) is not None
    if not strong and body is not text and _STRONG_AGENT.search(text, lo, hi):
        # only the signature names an agent: the body must be about a debt (【金信法务咨询】被催收逼得…)
        strong = _debt_body(doc)
    weak = _WEAK_AGENT.search(text, lo, hi) is not None and _DEBT_TALK.search(body, lo, hi) is not None
    if not (strong or weak or _header_agent(doc)):
        return False
    before, after = around(text, s, e, SENTENCE_STOP, reach=80)
    sentence = before + m.group() + after
    if _RECEIPT.search(sentence):
        return False
    if _OWN_STORY.search(sentence) and not _YOU.search(sentence):
        return False
    if _FREE.match(text, e):
        return False                 # 办理费用全免 / 一分钱中介费没花: no fee at all
    if name == "fee_word":
        word = m.group("fee")
        if word == "手续费" and (not strong or text[max(0, s - 2):s] == "分期" or text[s - 1:s] in ("0", "免", "零")):
            return False             # 二次分期手续费 / 24期0手续费: the creditor's own product fee
        if word in _NEED_AMOUNT and m.group() == word and text[max(0, s - 2):s] not in ("一笔", "1笔", "交个"):
            return False             # 谁信谁交学费: the idiom, not a price
        if word == "佣金" and _PAYOUT.search(text, max(0, s - 8), e + 6):
            return False
        if word in ("律师费", "诉讼费") and _COST_SHIFT.search(sentence):
            return False             # 律师费、诉讼费由您承担: a lawful statement of costs
    if _GENERIC.search(before) and not _SELLER.search(sentence):
        return False                 # 网上那些代理协商动不动收几千服务费: talk about such agents
    # the sentence stop itself is left out of ``after``: 征信能修复？ asks
    asked = _QUESTION.search(sentence) is not None or text[e + len(after):e + len(after) + 1] == "?"
    if asked and not _SELLER.search(sentence):
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
            "|渠道费|公关费|手续费|尾款|陪跑费|入群费|委任费|备案费|规费|排件费|资料费|修复费|送件费|开通费|排号费|审核费"
            "|验证费|激活费|认证费|解冻费|解冻金|启动费|介绍费|代接费"
            # coaching, paperwork and "fixing" fees (学费398 / 建档费八百 / 律师函费用 / 协调费 / 首款、头款)
            "|学费|调解费|协调费|辛苦费|技术费|包装费|建档费|登记费|预约费|评估费|保险费|撤销费|法务费|陪(?:跑|pao)费"
            "|律师(?:函|涵)(?:的)?费用?|证明金|头款|首款|月fei|服务fei|验资(?!账户)"
            # a middleman's cut under other names (中介费 / 通道费 / 好处费 / 出函费 / 风险金)
            "|中介费|信息费|通道费|运作费|好处费|感谢费|茶水费|跑腿费|人情费|酬劳|报酬|出函费|发函费|函件费|风险金"
            "|保障金|履约金|冻结金|流水金|认证金|验证金|押jin)"
            f"(?:(?::|是|为|共|一共|只要|仅需|只需|收|先付|先交|{cgap(2)}){_AMT})?",
            view="digits"),
        pat("fee_share",
            f"(?:按|收(?!益|入)|抽|提|拿|存入){cgap(10)}(?:\\d+%|\\d+个点|\\d成|百分之\\d+)"
            f"|\\d+个点的?(?:服务费|费用|佣金)?"
            # a cut of what is waived: 减免下来的部分我们抽30% / 省下的钱分我们三成
            f"|(?:减免|减下来|减掉|省下|免掉|少还|优化掉)(?:的|了)?(?:部分|金额|钱|额度|利息)?{cgap(8)}"
            f"(?:抽|收|提|分(?:给)?我们|给我们)(?:取)?{cgap(3)}(?:\\d{{1,3}}%|\\d{{1,3}}个点|\\d成|百分之\\d{{1,3}})",
            view="digits"),
        pat("fee_amount",
            f"(?:收费|费用|套餐|包月|包年|年费|月费){cgap(3)}{_AMT}|{_AMT}(?:/月|一个月|包月)?的?(?:套餐|服务)"
            # 号码转给律师接，一个月三百
            f"|(?:[1一]个月|每月|首月)(?:收|只要|仅需|才)?{_AMT}"
            # 我们有渠道开，加300元就行
            "|(?:加|补|多付|再付|先付|先交)\\d[\\d.,]*(?:元就行|块就行|元即可|块即可|元就可以|元就能)"
            # 打包价2000 / 全套1000 / 原价6800现5440 / 开通会员198元 / 首次咨询99元
            f"|(?:打包价|打包|全套|现价|特价|开通会员|首次咨询){cgap(2)}{_AMT}|原价\\d{{2,6}}现\\d{{2,6}}"
            # 150元终身有效 / 198元修复 / ¥399/case
            f"|{_AMT}(?:终身有效|永久有效|包教包会|修复|/case)"
            # a deposit as "proof" (需先存入128元) / an ad's price (只需交58元) / 先pay 1500
            f"|(?:先|须|需)?存入(?:个|一笔)?{_AMT}|(?:只需|只要|仅需)(?:交|缴|付)(?:个|一笔)?{_AMT}|先pay\\s?{_AMT}",
            view="digits"),
        # 一条800 / 每笔收200元 / 一个平台的记录300元 / 298元一条 / 每张卡500元
        pat("fee_per_item",
            f"(?:[1一每]|按)(?:条|笔|张卡?|个平台|家平台|家)(?:逾期|记录|的记录|逾期记录)?(?:收你|收|收费|只要|仅需)?{_AMT}"
            f"|(?<!\\d)(?<!\\d[.,])\\d[\\d.,]*(?:元|块)?(?:/|[1一每])(?:条|笔|张)",
            view="digits"),
        pat("fee_talk",
            "(?:了解|咨询|详询|问)(?:一下)?(?:收费|费用)|(?:收费|费用)(?:标准|明细|详情|透明|合理|低廉|便宜|公道|优惠|实惠)"
            "|价格(?:公道|美丽|实惠|优惠|透明|合理)|先做后收费|先办后付|(?:办|谈)成(?:了)?(?:你)?再(?:给钱|付)|收佣"
            # 签约后再收费 / 减免成功才收费 / 谈成了再收费 / 另外收费 / 费用面议 / 收费也不贵
            "|(?:签约|成功|谈成了?|办成了?|事成|下款|出结果)(?:之?后)?(?:再|才)收费|(?:另外|另行)收费"
            "|(?:收费|费用)(?:也)?(?:可分期|面议|[1一]次(?:性)?付清|不贵)"
            "|(?<![a-z])(?:verification|processing|unlock|activation|handling|upfront|risk)\\s?(?:fee|deposit)"
            "|(?:先转|先交|先付|先pay)个?\\s?deposit"
            # money first, work after: 钱到位我们就开始 / 款到账才能提交 / 先交钱后办事
            "|(?:钱|款|费用)到(?:位|账)(?:后|了)?(?:我们)?(?:就|才(?:能)?|马上|立刻)(?:开始|安排|操作|启动|提交|给你办|出方案)"
            "|先(?:交|付|打|转)(?:钱|款|费)(?:后|再|才)(?:办|做|操作|开始|处理|提交)"
            "|(?<![a-z])(?:success fee|fee\\s?[¥$]?\\d+k?|price\\s?[¥$]?\\d+)",
            view="digits"),
        pat("shop_order",
            f"(?:淘宝|拼多多|闲鱼|京东|电商|小店|店铺){cgap(6)}(?:下单|拍下|拍一下|拍|付款)"
            f"|(?:直播间|小黄车){cgap(6)}(?:下单|拍下|拍|付款|报名)",
            view="digits"),
    ),
    suppress=STRICT_SUPPRESS + (narrated,),
    confirm=_confirm,
    explanation="第三方（“法务”“债务优化”“停息挂账”“反催收”等）要求先交服务费、定金或保证金。与平台协商不需要中介，也不收取任何费用。",
    advice="不要向任何中介付费；自己通过官方App或官方客服（如支付宝95188）申请协商，免费。",
)
