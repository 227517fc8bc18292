"""``credit_repair`` (high), added in 0.1.0.

Catches: offers to delete, wash, repair or hide overdue records on the credit
report, to guarantee that nothing is reported, to win a credit dispute for
sure, or to change records through "inside" or back-end access; also a fee
for "applying" the free one-off PBoC repair.

Hit: 专业征信修复团队，逾期记录三天内删除 → evidence ``征信修复``.
Near miss: 按一次性信用修复政策，符合条件的逾期由征信系统自动处理，无需申请，也不收费
(the official policy described soberly); 可以向征信中心免费提出异议 (the free
official dispute).

Patterns (folded text):

- ``record_action`` / ``action_record``: a record word (征信/逾期记录/黑名单/大数据/网黑…)
  and an erasing verb (修复/洗白/删除/抹掉/下架/改成正常…), in either order;
- ``offer_erase``: 帮你 + an erasing verb, with a record word nearby (那两次逾期…我们直接帮你抹掉);
- ``dispute_sure``: 异议/申诉 with a guarantee (包成功/百分百/内部渠道) or sold as a
  service (代写异议 + a fee);
- ``no_report_promise``: 保证/承诺/包 + 不上征信/征信无痕/不留记录, or 开具无逾期证明;
- ``inside_access``: 后台/内部/熟人/风控 + 改/删/撤 + a record, or 内部渠道 next
  to repair talk.

:func:`_confirm` grades each hit: erasing words that also have lawful uses
(恢复/处理掉/撤销, or 信用修复, an official procedure on 信用中国) need an agent or
fee cue (帮你/我们/包/费/内部…); these do not fire: a sober statement of the rules
(五年后自动删除, 结清后按规定报送), the PBoC one-off policy without a fee, loyalty
points that expire (积分逾期清零), appeals that are not about credit (游戏账号申诉),
a debtor's own question or account (我的逾期能消除吗？/ 我那条逾期记录已经消除了)
and talk about such services (网上那种征信修复) when nobody is selling.
"""

from __future__ import annotations

from ..lazyre import lazy
import re

from .base import Doc, Rule, narrated
from .payment import SENTENCE_STOP, STRICT_SUPPRESS, around, cgap, pat

# Record words. Strong ones name the credit file itself; weak ones need a cue.
_REC_STRONG = ("征信报告|征信记录|征信|信用记录|信用报告|信用档案|信用污点|逾期记录|不良记录|违约记录|逾期信息|不良信息"
               "|黑名单|大数据|网黑|黑户|花户|迟缴纪录|迟缴记录|呆账|呆帐|联征|(?<![a-z])(?:credit report|overdue|record)(?![a-z])")
_REC_WEAK = "逾期|污点|不良|记录|信用(?!卡|贷|额|社|中国)"
_REC = f"(?:{_REC_STRONG}|{_REC_WEAK})"
# Erasing verbs. Strong ones exist only to erase; weak ones have lawful uses.
_ACT_STRONG = ("修复|洗白|漂白|消除|删除|删掉|清除|抹掉|抹除|抹去|抹平|下架|隐藏|屏蔽|铲除|清洗|消掉|改成正常|改为正常"
               "|变干净|干干净净|弄干净|搞干净|变白户|变成白户|白户|白回来|弄白|搞白|不留痕|无痕|清理掉|能删|可删|能洗(?!白)|可洗(?!白)"
               "|下掉|删干净|(?<![a-z])(?:delete|remove)(?![a-z])")
_ACT_WEAK = ("恢复正常|恢复|优化|清理|撤销|撤掉|处理掉|清零|清空|去掉|去除|能修(?!复)|可以修(?!复)|帮你修(?!复)|包修(?!复)"
             "|能消|可消|能撤|可撤|都能处理|能处理")
_ACT = f"(?:{_ACT_STRONG}|{_ACT_WEAK})"
_ACT_STRONG_RE = lazy(f"^(?:{_ACT_STRONG})$")
_REC_STRONG_RE = lazy(f"^(?:{_REC_STRONG})$")
_POINTS = lazy("积分|话费|流量|优惠券|红包|会员|里程")
_BLACK_HAT = lazy("网黑|黑户|花户|大数据")

# Somebody offering the service or taking money for it.
_AGENT = lazy(
    r"帮你|帮您|给你|给您|为你|为您|替你|替您|我们|找我|加我|联系|咨询|私聊|微信|qq|包|保证|承诺|百分百|100%|费|收\d"
    r"|\d+(?:元|块|k|w)|内部|后台|渠道|通道|熟人|关系|专业|团队|代办|代理|一条龙|名额|秒|\d+天|\d+小时|工作日|成功|不成功"
    r"|花钱|付费|价格|多少钱|好商量|报价"
)
# A fee or agent cue that is not itself negated (不收费, 无需代办).
_FEE = lazy(
    r"代办|代申请|代理申请|帮你申请|替你申请|帮您申请|帮忙申请|名额|报名|手续费|服务费|工本费|代办费|材料费|收费|收\d|每笔"
    r"|\d+(?:元|块)|加微信|私聊|联系我|找我们"
)
_FEE_NEGATED = lazy("(?:不|无|免|勿|别|没|无需|不用|不需要)[^,;:。!?\n]{0,3}$")
# A sober statement of how credit reporting works.
_LAWFUL = lazy(
    "自动|期满|到期|满五年|五年|5年|依法|按规定|依规|如实|按实际|结清后|还清后|还款后|征信中心|报送机构|人民银行|人行|央行"
    "|异议申请|政策规定|条例"
)
_OFFER = lazy("帮你|帮您|我们|包|保证|费|内部|后台|渠道|专业|团队|找我|加我")
_POLICY = lazy("一次性|政策|人民银行|人行|央行|征信中心")
_QUESTION = lazy("[?]|吗$|吗[,。]|呢$|能不能|可不可以|可以不|是不是|靠不靠谱|靠谱吗|会不会|有没有|怎么|如何|多久|咋")
_ASKER = lazy("我|俺|本人|朋友|网上|有人|别人|听说|家人|同事")
_SELLER = lazy("我们|找我|加我|加微信|私聊|私信|联系|专业|团队|代办|包|保证|(?<![学话水电])费|\\d+元|内部|后台")
_ASK_OPENER = lazy("请问|想问|问一下|问下|咨询一下")
# 一次性信用修复我找人代办的，花了600: the debtor's own story of such a service
_OWN_STORY = lazy("我(?:之前|以前|当时|去年|前年|也|还|差点)?(?:找人|找了|花了|交了|付了|被|问了)")
_DISPUTE_CTX = lazy("征信|逾期|信用|记录|报告|不良|黑名单|大数据|网贷|花呗|借呗|贷款")
_GENERIC = lazy("(?:那些|那种|这种|这些|所谓的?|网上的?)[^,;:。!?\n]{0,6}$")
_OWN_RECORD = lazy("我(?:的|那|之前的?|以前的?|上次的?)[^,;:。!?\n]{0,6}$")
_RECORD = lazy("记录|逾期|征信|状态|信用|不良|黑名单|报告")
_REPAIR_NEAR = lazy("修复|洗白|消除|删除|下架|改|撤|清除|抹|异议|申诉|记录|逾期|征信|黑名单")


def _fee_cue(text: str) -> bool:
    for m in _FEE.finditer(text):
        if not _FEE_NEGATED.search(text[max(0, m.start() - 6):m.start()]):
            return True
    return False


# Small tests of the confirm function below, compiled once (not looked up in ``re``'s cache per hit).
_YOU = lazy("你|您")
_GUARANTEE = lazy("包|保证|百分百|内部|后台|洗白")
_SURE_WIN = lazy("包|保证|百分百|成功")


def _confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text = doc.norm.text
    s, e = m.span()
    before, after = around(text, s, e, SENTENCE_STOP, reach=80)
    sentence = before + m.group() + after
    agent = _AGENT.search(sentence) is not None
    if _ASK_OPENER.search(before) or _OWN_STORY.search(sentence) and not _YOU.search(sentence):
        return False
    # the sentence stop itself is left out of ``after``: 征信能修复？ asks
    asked = _QUESTION.search(sentence) is not None or text[e + len(after):e + len(after) + 1] == "?"
    if asked and not _SELLER.search(sentence):
        # 我的逾期记录能消除吗？ is the debtor asking; 想洗白征信吗？加我微信 is an ad.
        if _ASKER.search(sentence) or not _SELLER.search(text, max(0, s - 80), e + 80):
            return False
    if _GENERIC.search(before) and not _SELLER.search(sentence):
        return False                 # 网上那种征信修复都是坑: talk about such services
    if _OWN_RECORD.search(before[-8:]) and not _SELLER.search(sentence):
        return False                 # 我那条逾期记录已经消除了: the debtor's own account of it
    if name in ("record_action", "action_record"):
        rec, act = m.group("rec"), m.group("act")
        if rec == "信用" and act == "修复" or _POLICY.search(sentence):
            # 信用修复 is also an official procedure, and the PBoC one-off repair is free.
            return _fee_cue(sentence) or _GUARANTEE.search(sentence) is not None
        if rec in ("逾期", "记录") and _POINTS.search(sentence):
            return False             # 积分逾期清零: loyalty points expiring
        strong_act = _ACT_STRONG_RE.match(act) is not None
        strong_rec = _REC_STRONG_RE.match(rec) is not None
        if _BLACK_HAT.search(rec) and rec != "大数据":
            pass                     # 网黑/黑户/花户 only exist in grey-market talk
        elif not (strong_act and strong_rec) and not agent:
            return False             # 逾期处理掉 / 征信恢复 need an agent or a fee
        if rec == "大数据" and act not in ("下架", "洗白", "清洗", "修复", "清除", "删除", "消除"):
            return False
        if _LAWFUL.search(sentence) and not _OFFER.search(sentence):
            return False             # 逾期记录五年后自动删除
        return True
    if name == "service_record":
        return _fee_cue(sentence) or agent
    if name == "offer_erase":
        return _RECORD.search(text, max(0, s - 25), e + 10) is not None
    if name == "dispute_sure":
        if "异议" not in m.group() and not _DISPUTE_CTX.search(text, max(0, s - 60), e + 60):
            return False             # 申诉 for a banned game or chat account
        if m.group("svc"):
            return _fee_cue(sentence) or _SURE_WIN.search(sentence) is not None
        return True
    if name == "inside_access":
        if m.group("chan"):
            return _REPAIR_NEAR.search(text, max(0, s - 20), e + 20) is not None
        return _RECORD.search(text, max(0, s - 25), e + 6) is not None   # 你那几条逾期，我们找关系给你撤了
    return True


CREDIT_REPAIR = Rule(
    id="credit_repair",
    patterns=(
        pat("record_action", f"(?P<rec>{_REC}){cgap(6)}(?P<act>{_ACT})"),
        pat("action_record",
            f"(?P<act>{_ACT_STRONG}|优化|处理掉|清理|清空){cgap(4)}(?P<rec>{_REC_STRONG}|逾期|不良|污点)"),
        # 专人协助处理迟缴纪录、呆账注记 (a record, not a bill, handled as a paid service)
        pat("service_record", f"(?:专人|协助|帮你|专业)(?:协助)?处理{cgap(4)}(?:{_REC_STRONG}|迟缴|注记)"
            f"|(?:{_REC_STRONG}|迟缴|注记)[^。!?\\n]{{0,10}}(?:专人|协助|帮你|专业)(?:协助)?处理"),
        pat("offer_erase",
            f"(?:帮你|给你|替你|帮您|为你|为您)(?:直接|全部|一次性|一起)?(?:把它|把这些)?{cgap(2)}"
            "(?:抹掉|抹除|抹平|删掉|删除|消除|清除|洗白|修复|下架|消掉|清掉|处理干净)"),
        pat("dispute_sure",
            "(?:异议|申诉)[^。!?\\n]{0,16}?(?:百分百|百分之百|100%|包成功|包通过|包过|保过|稳过|必过|保证(?:通过|成功)"
            "|不成功不收费|不成功全退|不过全退|内部渠道|内部通道|特殊通道|特殊渠道|绿色通道)"
            f"|(?:包|保证|百分百|100%)(?:你)?{cgap(2)}(?:异议|申诉)(?:成功|通过|过)?"
            f"|(?P<svc>代写|代办|代理|代提|代做|帮你写|帮你做|帮你提|替你写|替你提){cgap(2)}(?:异议|申诉)"),
        pat("no_report_promise",
            f"(?:保证|承诺|包你|保你|包|确保|绝对|百分百|100%){cgap(3)}"
            "(?:不上征信|不影响征信|不进征信|不上报|不报送|征信无痕|不留痕迹?|无痕|不留记录|不留底|征信不受影响|征信干净"
            "|不会有逾期记录|不产生逾期记录|无逾期记录|不显示逾期)"
            f"|(?:开|出|办)(?:具)?{cgap(3)}(?:无逾期证明|无不良证明|无不良记录证明|征信良好证明)"),
        pat("inside_access",
            f"(?:后台|内部人员|内部|熟人|关系|系统里|风控(?:部门?)?|技术人员){cgap(12)}"
            "(?:改成正常|改为正常|改掉|改|删除|删掉|删|撤销|撤掉|撤|抹掉|篡改|修改|调整|消除|清除|修复)"
            "|(?P<chan>(?:内部|特殊|绿色)(?:渠道|通道)|内部关系)"),
    ),
    suppress=STRICT_SUPPRESS + (narrated,),
    confirm=_confirm,
    explanation="声称可以删除、修复或“洗白”征信上的逾期记录。征信记录只能由报送机构依法更正，任何人都不能收费删除真实的逾期记录。",
    advice="不要为“征信修复”付费；如记录确有错误，可向征信中心或报送机构免费提出异议。",
)
