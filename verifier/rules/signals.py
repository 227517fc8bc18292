"""Positive signals ``official_channel`` and ``written_confirmation``, added in 0.1.0.

official_channel — the message points only to the official app, an official
hotline (95188, 955xx) or the official repayment page (rule_catalog.md §14):
the app path (登录支付宝App-花呗完成还款), the hotline with exact digits on the
``digits`` view (９５１８８ and 九五幺八八 count; 951888 and 95l88 do not), the
card's back-side hotline, "以App内账单为准", "系统将自动扣款", the official
disclaimers (不会要求您向个人账户转账), an official domain (www.alipay.com, not
alipay.com.xxx.top). Dropped when any off-channel flag fires (``veto``), and
when the message itself steers away from the official channel (95188排队太久，
直接打我手机) or asks for anything off it (a QR code, a link, 加我微信) — the
``confirm`` function, so the signal does not depend on other rules alone.
Hit: 请登录支付宝App完成还款 → signal.
Near miss: 95188排队太久，你直接打我手机; 请拨打客服热线951888处理 (a lookalike).

written_confirmation — a written or in-app agreement, or creditor-issued proof,
is referred to (§15): a written/electronic/paper agreement delivered or to
sign, an agreement number, in-app 签署/确认/生效, "已结清" shown in the app, a
结清证明 with a seal, delivery by SMS/e-mail/EMS. Dropped when a high-severity
flag fires (``veto``), and when the document is absent, promised only after
payment or for a fee, only advised or asked about, or a chat screenshot
(the ``not_in_hand`` suppressor).
Hit: 电子版还款协议会推送到您的App消息中心 → signal.
Near miss: 不用签什么协议，我们口头说好就行; 协议等你先打款之后再补给你;
我想要一份书面协议，客服说暂时没有.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import lru_cache

from ..contract import HIGH_FLAGS
from .base import OFF_CHANNEL, Doc, Rule, Suppressor, gap, negated
from .offers import OFF_CHANNEL_CUE_RE, family, ngap


# ---------------------------------------------------------- official_channel
_APP = (
    "(?:(?:支付宝|网商银行|手机银行|掌上生活|买单吧|工银e生活|云闪付)(?:app|客户端|手机app)?"
    "|(?:[\u4e00-\u9fff]{2,4}银行|官方)(?:app|客户端|手机app))"
)
_OFFICIAL_ACTION = (
    "(?:还款|还清|查看|查询|协商|处理|办理|申请|上传|确认|账单|花呗|借呗|我的客服|页面|结清|延期|分期|核对)"
)
# 95188排队太久，直接打我手机 / 别打95188 / 官方批不了: the message steers away.
_STEER_AWAY_RE = lazy(
    "(?:95188|955\\d\\d|官方|客服|热线)[^。！？!?\\n]{0,10}(?:排队|排不上|打不通|占线|忙线|太慢|没用|解决不了|批不了|批不下来|不靠谱)"
    "|(?:别|不要|不用|没必要)(?:再)?(?:打|找|联系|走)(?:官方|客服|95188|955\\d\\d|热线|app)"
)
# The registrable domain itself, or a subdomain of it (huabei.alipay.com), never
# alipay.com.xxx.top or alipay-help.com.
_DOMAINS = ("alipay.com", "mybank.cn", "antgroup.com", "cmbchina.com", "icbc.com.cn", "ccb.com", "boc.cn",
            "abchina.com", "bankcomm.com", "psbc.com", "95516.com")
_OFFICIAL_DOMAIN = (
    "(?:" + "|".join(f"{re.escape(d)}(?<![a-z0-9-]{re.escape(d)})" for d in _DOMAINS) + ")(?![a-z0-9-]|\\.[a-z0-9])"
)
_OFFICIAL_URL_RE = lazy(f"(?:https?://)?(?:[a-z0-9-]{{1,30}}\\.){{0,3}}{_OFFICIAL_DOMAIN}(?:/[\\w./?=&%-]*)?")


@lru_cache(maxsize=32)
def _steers_away(text: str) -> bool:
    if "." in text:   # (every official domain has a dot)
        text = _OFFICIAL_URL_RE.sub(" ", text)     # an official address is no off-channel cue
    return bool(OFF_CHANNEL_CUE_RE.search(text) or _STEER_AWAY_RE.search(text))


def _official_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    return not _steers_away(doc.norm.text)


OFFICIAL_CHANNEL = Rule(
    id="official_channel",
    patterns=(
        # 登录支付宝App-花呗完成还款 / 通过手机银行办理 / 打开支付宝APP → 我的 → 花呗 → 账单
        *family("official_app",
                f"(?:登录|登陆|打开|通过|在|进入|前往|使用|用|去)(?:官方的?)?{_APP}(?:内|里|上)?{gap(12)}{_OFFICIAL_ACTION}",
                f"支付宝(?:app)?{gap(3)}(?:我的客服|花呗页面|借呗页面|还款页面|协商还款|逾期账单)"),
        # 在App“协商还款”页面 / 按页面显示金额还款
        *family("app_page",
                f"(?:在|通过|登录|打开|进入)(?:app|客户端)(?:内|里|上)?{gap(10)}(?:页面|账单|还款|协商|消息中心)",
                "按(?:app|页面|账单)(?:上)?显示(?:的)?(?:金额|数额)"),
        # 95188 / 955xx with digit boundaries, on the digits view (９５１８８, 九五幺八八, 9 5 1 8 8)
        *family("hotline",
                "9(?<![\\d.]9)[\\s-]?5[\\s-]?(?:1[\\s-]?8[\\s-]?8|5[\\s-]?\\d[\\s-]?\\d)(?!\\d)(?![\\s-]\\d{3})",
                view="digits"),
        *family("card_hotline", "(?:拨打|致电|联系)(?:信用卡|卡片|银行卡)背面(?:的)?(?:客服|服务)?(?:电话|热线)"),
        # 以App内账单为准 / 系统将于今日自动扣款
        *family("app_is_reference",
                f"以(?:支付宝|官方|银行)?(?:app|客户端|页面|官方|账单|系统)(?:内|里|上|中)?{gap(8)}为准",
                f"系统(?:将|会)?{gap(8)}自动扣款"),
        # 不会要求您向个人账户转账 / 请勿向任何个人账户转账 / 客服不会向您索要验证码
        *family("official_disclaimer",
                "(?:不会|绝不会|从不|绝不|决不|不)(?:以任何(?:理由|名义|方式))?(?:主动)?(?:要求|让|通过|索要)?(?:您|你)?"
                "(?:向|往|给|转入|转到)(?:任何)?(?:个人|私人|第三方)(?:账户|账号|银行卡|卡)",
                "请勿(?:向|往|给)(?:任何)?(?:个人|私人|第三方)(?:账户|账号|银行卡)",
                "(?:不会|绝不会|从不)(?:以任何理由)?(?:向您|向你)?(?:索要|索取|要求(?:您|你)?提供)(?:短信)?(?:验证码|密码)"),
        # https://www.alipay.com
        *family("official_domain", _OFFICIAL_DOMAIN, view="plain"),
    ),
    suppress=(negated,),
    confirm=_official_confirm,
    veto=OFF_CHANNEL,
    explanation="只指向官方App、官方客服电话或官方还款页面。",
    advice="继续只通过官方渠道操作。",
)

# ------------------------------------------------------ written_confirmation
_WDOC = (
    "(?:还款协议|分期协议|减免协议|协商协议|延期协议|和解协议|协议|合同|确认书|确认函|还款计划|还款方案|分期方案|协商方案"
    "|减免方案|结清证明|还款证明|清偿证明|结清凭证|无欠款证明)"
)
_DELIVER = (
    "(?:发送|发到|发至|寄送|寄出|寄到|推送|送达|下发|生成|上传|签署|查收|发您|发你|寄给您|寄给你|已发|已寄|生效)"
)
_PROOF = "(?:结清证明|还款证明|清偿证明|结清凭证|无欠款证明|还款流水|结清单)"
_SEAL = "(?:加盖|盖有|盖了|盖章|公章|业务章|骑缝章|开具|出具|已开|pdf)"

# Not a document in hand: absent, after payment, for a fee, advice, a question.
_ABSENT_RE = lazy(
    "暂时没|还没(?:有)?(?:收到|发|给|签|出)|没(?:有)?(?:收到|给我|发给我|出)|没有(?:书面|纸质|电子|任何)|没有(?:协议|合同|证明)"
    "|不给|不发|不签|不用签|不出|拿不到|要不到|补给你|再补|之后再|以后再|后再发|后再给"
)
_CONDITION_RE = lazy(
    "先(?:交|付|打|转|还)|等你|等您|(?:交|付|转)[^。！？!?\\n]{0,8}(?:费|定金|押金|保证金|诚意金)"
)
_ADVICE_RE = lazy(
    "记得|一定要|务必|要求(?:对方|平台|他们|银行)|让(?:对方|平台|他|他们|银行|客服)|最好|建议|应该|要让|可以要求|想要|我要"
)
_ASKED_RE = lazy("[?？]|吗|有没有|是不是|能不能|会不会|怎么")
_SCREENSHOT_RE = lazy("聊天记录|截图|截个图|截屏")
_REACH = 80


def _not_in_hand(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    lo, hi = max(lo, start - _REACH), min(hi, end + _REACH)
    sentence, prefix = doc.plain[lo:hi], doc.plain[lo:start]
    return bool(_ABSENT_RE.search(sentence) or _CONDITION_RE.search(sentence) or _ASKED_RE.search(sentence)
                or _ADVICE_RE.search(prefix) or _SCREENSHOT_RE.search(prefix))


not_in_hand = Suppressor(
    "not_in_hand", "sentence", _not_in_hand,
    "the document is absent, promised after payment or for a fee, only advised, asked about, or a chat screenshot")

WRITTEN_CONFIRMATION = Rule(
    id="written_confirmation",
    patterns=(
        # 电子版还款协议已发送 / 书面协议请查收 / 以书面协议为准
        *family("document",
                f"(?:书面|电子版?|纸质|正式)(?:的|版)?{_WDOC}{ngap(12)}{_DELIVER}",
                f"以(?:书面|电子|纸质)(?:的|版)?{_WDOC}为准"),
        # 协议已发您邮箱 / 还款计划已通过短信发送 / 请查收邮箱中的分期还款协议
        *family("delivered",
                f"{_WDOC}{ngap(12)}(?:已|已经|将|会|已通过|通过)(?:于|在)?{ngap(8)}{_DELIVER}",
                f"(?:已|已经|将|请|可)(?:为您|向您|给您)?{_DELIVER}{ngap(10)}{_WDOC}",
                f"(?:短信|邮件|邮箱|ems|快递|挂号信|站内信|消息中心){ngap(6)}{_WDOC}"),
        # 协议编号FQ20260115001
        *family("agreement_number",
                "(?:协议|合同|方案|借据|借款合同|确认书)(?:编号|号码|号)(?:为|是)?\\s?[:：]?\\s?[a-z0-9][a-z0-9-]{4,}"),
        # 在App内签署 / 页面点击“同意并签署” / 分期方案请在App内确认
        *family("in_app",
                f"(?:app|页面|客户端|消息中心)(?:内|里|上|中|底部)?{ngap(10)}"
                "(?:签署|电子签|同意并签署|确认签署|已生效|生效|确认方案|确认协议)",
                f"{_WDOC}{ngap(6)}(?:app|页面|客户端)(?:内|里|上)?{ngap(6)}(?:查看|确认|签署|生效)"),
        # 账单显示“已结清”
        *family("settled_shown",
                "(?:显示|状态(?:为|是|变为|更新为|变成)?|标记为|变成了?|页面)[\"“”'「『:：\\s]{0,2}(?:已|全部)结清"),
        # 盖公章的结清证明 / 结清证明（盖章版）PDF
        *family("creditor_proof", f"{_PROOF}{ngap(8)}{_SEAL}", f"{_SEAL}{ngap(8)}{_PROOF}"),
    ),
    suppress=(negated, not_in_hand),
    veto=HIGH_FLAGS,
    explanation="提到书面或App内的协议、确认书或结清证明。",
    advice="付款前核对协议上的金额、期数和结清条款，并保存好协议。",
)
