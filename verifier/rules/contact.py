"""``impersonation`` and ``off_platform_contact`` (medium), added in 0.1.0.

impersonation — claims to be the platform, its customer service, police,
court or regulator (我是/这里是 + 支付宝/花呗/XX银行/客服/征信中心/公安/法院/金融监管总局,
a message that opens with such a body, "官方授权合作律所", a 工号 or a staff card
sent in chat) — and fires only when the same message
also asks for something off the official channel: add WeChat/QQ, a link, an
app or meeting, a code or password, a transfer or a fee, 注销校园贷, 百万保障,
a "private channel" (rule_catalog.md §8). A negated ask (我们不会要求您转账) does
not count, and neither does a bare SMS signature (anyone can type 【花呗】).
Hit: 我是支付宝官方协商专员，加我微信 → evidence ``我是支付宝官方协商专员``.
Near miss: 我是招行信用卡中心的，请通过掌上生活App还款 (no off-channel ask).

off_platform_contact — moves the talk off official channels (§9): add
WeChat/QQ/Telegram/企业微信 or a handle (微信同号, QQ: 二八七三…), download an app,
an installer or a meeting app, join a group or meeting, call a private or
non-official number (打我手机, 别打95188打我手机, 专线, +63…), a "private channel"
(私聊/私下处理/走我私人通道/这里说话不方便). Needs debt, money or service talk in the
message; official apps (支付宝, 网商银行, bank apps) do not count.
Hit: 这里说话不方便，加我微信 → evidence ``加我微信``.
Near miss: 周六聚餐的地址我发你微信了; 加我微信把上次吃饭的钱AA一下;
【网商银行】您可下载网商银行App查询账单.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .base import NEGATION_RE, Doc, Pat, Rule, described_as_scam, negated, quoted_example, reported_frame
from .legal import scam_warning
from .links import find_links


def cg(n: int) -> str:
    """A gap of up to ``n`` characters inside one clause (folded text)."""
    return f"[^,;:。、!?\\n]{{0,{n}}}"


# Chat apps and handles, in folded text (薇信/vx/v信 are already 微信; "w x" is not).
_CHAT = ("(?:企业微信|微信|(?<![a-z])(?:w ?x|v ?x|qq|telegram|tg|whatsapp|line|skype)(?![a-z])|纸飞机|飞机|钉钉|抖音号?"
         "|快手号?|微博)")
_WHO = "(?:我|我的|本人|专员|老师|客服|经理|主管|顾问|助理|他|她|工作人员|对接人|律师|法务)"
# Apps that are the official channel (the creditor's or a bank's own app).
_OFFICIAL_APP_RE = re.compile(
    "支付宝|网商银行|手机银行|[^,。!?\\s\"]{0,6}银行app|[^,。!?\\s\"]{0,4}银行客户端|掌上生活|买单吧|工银e生活|e生活|云闪付"
    "|发现精彩|京东金融|美团|度小满|微众银行|国家反诈中心|应用商店|官方app|官方客户端|营业厅|中国移动|中国联通|中国电信|和包"
)
_MOBILE = "(?<!\\d)1[3-9]\\d(?:[ \\-]?[\\d*x]){8}(?!\\d)"

OFF_PLATFORM_PATTERNS = (
    # 加我微信 / 添加QQ / 扫码加企业微信 / 加 w x
    Pat("add_chat",
        f"(?:扫码添加|扫码加|添加|加一下|加下|加个|加|搜一下|搜索|搜)(?:一下)?{_WHO}?(?:的)?(?:私人)?\\s?{_CHAT}"
        "|加我?卫星|加\\s?q(?=\\s?[:\\d])",
        direct=True),
    # 微信同号 / QQ：2873 9347 / 微信号 dz_helper88
    Pat("chat_handle",
        f"(?:{_CHAT}|微信号|qq号)(?:同号|(?:号|号码|id)?\\s?:\\s?[a-z0-9_\\-]{{5,20}}"
        "|(?:号|号码)?\\s?:?\\s?\\d(?:[ \\-]?[\\d*]){4,11}(?![\\d*]))",
        view="digits", direct=True),
    # 微信搜一下 hb_help2024 (on the plain view: a handle must not be folded)
    Pat("chat_search",
        "(?:企业微信|微信|v信|vx|qq)(?:上)?(?:搜索|搜)(?:一下)?\\s?:?\\s?(?=[a-z0-9_\\-]*[\\d_])[a-z0-9_\\-]{5,20}",
        view="plain", direct=True),
    # 用飞机联系我
    Pat("chat_contact_me", f"(?:用|上|在|去){_CHAT}(?:上)?(?:联系|找|私聊|聊|加)(?:我|专员|老师|客服)", direct=True),
    # 下载"云视讯"App / 安装包 / apk
    Pat("download_app",
        f"(?:下载|安装|装一下|装个|装上|注册){cg(10)}(?:app|软件|安装包|apk|客户端|会议)"
        "|安装包|(?<![a-z])apk(?![a-z])",
        direct=True),
    # 会议号 / 进会议 / 腾讯会议 / 进群
    Pat("meeting",
        "会议号|会议id|会议室号|(?:进|加入|进入|入|参加)(?:一下|一个|个)?(?:视频|语音|网络|线上)?会议"
        "|(?:腾讯会议|云视讯|zoom|钉钉会议|飞书会议|小鱼易连|瞩目|全时云会议|会议软件|会议app)",
        direct=True),
    Pat("join_group",
        f"(?:拉你进|拉你入|拉你|扫(?:二维码|码)?(?:进|入|加)|进|加入|加|入){cg(8)}(?:群聊|群|直播间)(?!众|体|发|主)",
        direct=True),
    # 打我手机139… / 联系专员 138****1234 / 别打95188打我手机
    Pat("call_private",
        "(?:打|拨打|致电|联系|call|拨)(?:一下)?(?:我|我的|本人|专员|老师|他|她|对接人|经办人)(?:的)?(?:私人|个人|工作)?"
        "(?:手机号|手机|电话|号码|私人号)"
        f"(?:\\s?:?\\s?{_MOBILE})?",
        view="digits", direct=True),
    Pat("skip_hotline",
        "(?:别|不要|不用|甭|没必要)(?:再)?(?:打|拨打|拨|联系|找)(?:官方)?(?:95188|955\\d\\d|官方|客服|热线|平台|400)"
        "[^。!?\\n]{0,10}(?:打|拨|联系|找|加)(?:我|专员|老师|经理)(?:的)?(?:私人)?(?:手机号|手机|电话|微信)?",
        view="digits", direct=True),
    Pat("mobile_number",
        f"(?:联系|致电|拨打|打|拨|电话|手机|手机号|热线|专线|号码|联系方式|微信同号){cg(6)}{_MOBILE}",
        view="digits", direct=True),
    Pat("special_line",
        "(?:专线|内部专线|私人专线|直线|绿色通道)\\s?:?\\s?(?:400|0\\d{2,3})[ \\-]?\\d{3,4}[ \\-]?\\d{3,4}"
        "|(?<![\\d+])(?:\\+|00)(?!86)[1-9]\\d{0,3}(?:[ \\-]?\\d{2,5}){2,4}(?!\\d)",
        view="digits", direct=True),
    # 私聊 / 私下处理 / 走我私人通道 / 这里说话不方便 / 官方批不下来
    Pat("private_channel",
        "私下(?:里)?(?:聊|沟通|处理|办理|解决|联系|谈|操作)|私[\u2190-\u2bff\U0001F000-\U0001FAFF]?聊|私信我"
        "|(?:私人|个人|内部)(?:通道|渠道)|单独(?:的)?(?:通道|渠道|联系我|加我|找我|私聊|沟通)"
        "|这里(?:说话)?不方便(?:说|聊|讲|谈)?|官方(?:渠道|那边)?(?:批不下来|批不了|办不了|走不通)",
        direct=True),
)

# Debt, money or official-service talk that makes moving off-channel matter
# (a shop's or a recruiter's WeChat is not this rule's business).
_CONTACT_CONTEXT_RE = re.compile(
    "欠|逾期|还款|还钱|账单|贷|花呗|借呗|白条|信用卡|额度|征信|协商|减免|罚息|利息|本金|结清|停息|停催|挂账|上岸|债|催收"
    "|账户|转账|收款|退款|理赔|资金|利率|注销|百万保障|校园贷|验证码|支付宝|网商|官方|热线|95188|955\\d\\d|专员|平台"
)
# Numbers: only in collection or official-service talk (a car dealer's mobile is fine).
_NUMBER_CONTEXT_RE = re.compile(
    "欠|逾期|催收|还款|还钱|协商|减免|结清|停息|停催|挂账|上岸|征信|注销|百万保障|校园贷|额度|官方|热线|95188|955\\d\\d|账单"
    "|罚息"
)
# Installing an app matters in debt or scam talk, not in an operator's own promotion.
_APP_CONTEXT_RE = re.compile(
    "欠|逾期|还款|还钱|贷|花呗|借呗|白条|信用卡|额度|征信|协商|减免|催收|上岸|停息|挂账|债|注销|百万保障|校园贷|退款|理赔"
    "|利率|会议号|屏幕共享|共享屏幕|验证码|专员|转账|资金|账户异常|核查"
)


@lru_cache(maxsize=2)
def _talk(doc: Doc) -> tuple[bool, bool, bool]:
    """(debt or service talk, talk that makes an app matter, collection talk for numbers), once per message."""
    return (_CONTACT_CONTEXT_RE.search(doc.norm.text) is not None,
            _APP_CONTEXT_RE.search(doc.norm.text) is not None,
            _NUMBER_CONTEXT_RE.search(doc.norm.digits) is not None)


def _contact_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    service, app_talk, collection = _talk(doc)
    if not service:
        return False
    if name in ("download_app", "meeting"):
        # the official app store and the creditor's own app are the official channel
        window = m.string[max(0, m.start() - 6):m.end() + 4]
        return _OFFICIAL_APP_RE.search(window) is None and app_talk
    if name in ("call_private", "mobile_number", "special_line"):
        return collection
    if name == "join_group":
        return not re.search("群(?:众|体|发|主)|微信群里说", m.group())
    return True


OFF_PLATFORM_CONTACT = Rule(
    id="off_platform_contact",
    patterns=OFF_PLATFORM_PATTERNS,
    confirm=_contact_confirm,
    explanation="把沟通从官方渠道转到私人微信、QQ、会议软件或非官方电话。离开官方渠道后，对方说的减免和收款都无法核实。",
    advice="只在官方App内或官方客服电话沟通，不添加对方的私人联系方式，不下载对方提供的软件。",
)


# ------------------------------------------------------------ impersonation
_ORG = (
    # the creditor and its departments
    "(?:支付宝|花呗|借呗|蚂蚁(?:集团|金服|消金|消费金融)?|网商银行|网商贷|余额宝|芝麻信用|[^,。!?\\s]{0,6}银行|信用卡中心"
    "|[^,。!?\\s]{0,4}消费金融|[^,。!?\\s]{1,6}(?:金融|小贷|贷款|信贷|分期)(?:公司)?|京东金融|京东|白条|金条|美团|微粒贷"
    "|微众|度小满|招联|平台|官方|客服中心|协商中心|协商部|风控中心|风控部|法务部|贷后部|催收部|资产管理部"
    # regulators, police, courts
    "|征信中心|人民银行|央行|银保监会?|金融监管总局|国家金融监督管理总局|金融监管局|金融局|证监会|监管局|公安局?|公安机关"
    "|警察局|警方|派出所|经侦|刑侦|网警|反诈中心|法院|执行局|检察院|仲裁委|互金协会|互联网金融协会|银联|12321|12378)"
)
_ROLE = (
    "(?:专员|客服|工作人员|员工|人员|民警|警官|警察|书记员|法官|执行官|调解员|协商员|经理|主管|负责人|中心|部门|部"
    "|官方|局|科|处|律所|律师事务所|律师团队|法务|法务团队|合作机构|服务商|贷后|催收组)"
)
_NOT_A_CLAIM = "(?!的?(?:老?用户|会员|客户|借款人|欠款人|债务人|持卡人))"

IMPERSONATION_PATTERNS = (
    # 我是支付宝官方协商专员 / 这里是花呗风控中心 / 我是反诈中心民警
    Pat("identity_claim",
        f"(?:我是|我们是|这里是|这边是|本人是|本人系|我这边是|我这里是|我们这边是|我为|我系){cg(6)}{_ORG}{_NOT_A_CLAIM}"
        f"(?:{cg(8)}{_ROLE})?"),
    Pat("role_claim",
        "(?:我是|我们是|这里是)(?:官方)?(?:客服|专员|民警|警官|警察|法官|书记员)"
        f"|(?:我是|我们是|这里是){cg(6)}(?:理赔|退款|退费|售后|注销)(?:客服|专员|中心|部门?)"),
    # 金融监管总局通知: / 網商銀行貸後部，… (only where a message opens, after a greeting)
    Pat("org_header",
        f"(?<![^\\s【\\[(好,]){_ORG}(?:{cg(8)}{_ROLE})?(?=(?:的)?(?:通知|提醒|告知|温馨提示|[,:]))"),
    # 官方授权合作律所 / 蚂蚁集团授权的合作律所 / 支付宝内部人员
    Pat("official_partner",
        "(?:官方|平台|支付宝|蚂蚁|花呗|借呗|银行|网商)(?:集团)?(?:正式)?(?:授权|合作|指定|委托|认证)(?:的)?(?:合作)?"
        "(?:律所|律师事务所|律师团队|法务|法务团队|机构|渠道|服务商|代理|单位|公司|协商机构|第三方|专员)"
        "|(?:支付宝|蚂蚁|花呗|借呗|网商|银行|平台)(?:集团)?内部(?:人员|员工|人士|关系)"),
    # 工号ZF3051 / 发你工作证照片
    Pat("badge",
        "工号\\s?:?\\s?[a-z0-9]{3,10}|(?:发|给)(?:你|您)(?:看)?(?:一下)?(?:我的?)?(?:工作证|警官证|工牌|营业执照|授权书|委托书"
        "|红头文件|监管通知|执法证|律师证)|(?:工作证|警官证|工牌|执法证|红头文件)(?:照片)?(?:发你|发您|给你看|已发)"),
)

# The off-channel asks that make an identity claim an impersonation (a
# suspicious link counts too, see ``_has_live_ask``).
_ASK_RE = re.compile(
    # contact off the channel
    f"(?:添加|加)(?:一下|下|个)?{_WHO}?(?:的)?{_CHAT}|(?:微信|qq)(?:号)?\\s?:|(?:微信|qq)同号|私聊|私下|单独(?:办理|处理|联系)"
    # apps, meetings, remote control
    f"|(?:下载|安装|注册|打开|进入|加入)(?:一下|一个)?{cg(8)}(?:会议|软件|app|apk|安装包|客户端)|会议号|屏幕共享|共享屏幕"
    "|远程(?:协助|控制|操作)"
    # codes and card data
    f"|(?:验证码|动态码|校验码|密码|卡号|cvv|身份证(?:照片|正反面)?){cg(6)}(?:发|报|念|告诉|提供|给|拍)"
    f"|(?:提供|告诉|报|发)(?:一下|给)?(?:我|我们)?{cg(4)}(?:验证码|动态码|密码|卡号)"
    f"|提供{cg(6)}(?:个人信息|身份信息|银行卡信息|身份证|银行卡号|账户信息|银行流水)"
    # money
    f"|(?:转|打|汇|存|付)(?:到|给|至|进)(?:我|我们|以下|下面|这个|指定|专员|对公)?{cg(6)}(?:账户|卡|账号|微信|支付宝)"
    "|(?:安全|监管|指定|核查|过渡|专用|清查)(?:账户|账号)|收款码|资金(?:核查|审查|清查)"
    f"|(?:交|付|缴)(?:纳)?{cg(4)}(?:费|保证金|定金|押金|诚意金)|(?:服务|解冻|认证|激活|协商|保证|工本)(?:费|金)"
    # links written about (a link itself is checked by the link rule)
    "|(?:点击|点开|打开)(?:我发的|下面的|这个|以下|该)?链接"
    # the scripts of fake customer service
    f"|注销{cg(6)}(?:校园贷|学生|贷款账户|网贷账户|借贷账户)|校园贷|学生账户|(?:关闭|取消|退订)百万保障"
    f"|百万保障{cg(6)}(?:扣费|收费|到期)|(?:调低|降低|下调)(?:你的?)?利率|额度{cg(4)}清零|清空额度|关闭{cg(6)}(?:扣费|自动续费)"
    f"|配合{cg(4)}(?:核查|调查|审查)|解冻{cg(4)}(?:账户|资金|额度)|(?:恢复|开通)提现"
    "|(?:减免|协商|内部|特殊|绿色|专属)(?:渠道|通道|名额)|按我的?(?:指引|指示|步骤)操作"
)


def _live(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.clause(start, end)
    return NEGATION_RE.search(doc.plain, max(lo, start - 60), end) is None


@lru_cache(maxsize=2)
def _has_live_ask(doc: Doc) -> bool:
    """Does the message ask for something off the official channel (not negated)?"""
    norm = doc.norm
    for a in _ASK_RE.finditer(norm.text):
        if _OFFICIAL_APP_RE.search(a.group()):
            continue
        if _live(doc, *norm.span_in("text", a.start(), a.end())):
            return True
    return any(reason is not None and _live(doc, s, e) for s, e, reason in find_links(doc))


_GREETING_RE = re.compile("[\\s【\\[(]*(?:您好|你好|喂|hello|hi)?[,!\\s]*")


def _claim_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    if name == "org_header" and not (m.start() < 12 and _GREETING_RE.fullmatch(m.string, 0, m.start())):
        return False        # a body named mid-message (请联系花呗客服) is not the sender
    return _has_live_ask(doc)


IMPERSONATION = Rule(
    id="impersonation",
    patterns=IMPERSONATION_PATTERNS,
    suppress=(negated, described_as_scam, quoted_example, scam_warning, reported_frame),
    confirm=_claim_confirm,
    explanation="自称平台、官方客服、警察、法院或监管人员，同时要求你在官方渠道之外操作。真正的官方人员不会让你加私人联系方式、转账或提供验证码。",
    advice="挂断或停止回复，自己拨打官方电话（如支付宝95188）核实对方身份。",
)
