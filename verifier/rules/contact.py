"""``impersonation`` and ``off_platform_contact`` (medium), added in 0.1.0.

impersonation — claims to be the platform, its customer service, police,
court or regulator (我是/这里是 + 支付宝/花呗/XX银行/客服/征信中心/公安/法院/金融监管总局,
a message that opens with such a body, "借呗贷后这边", "官方授权合作律所", "跟XX银行签了
合作协议", a 工号 or a staff card sent in chat, an SMS signature of a bank, platform,
government service, operator or courier) — and fires only when the same message
also asks for something off the official channel: add WeChat/QQ, a link, an
app or meeting, a code or password, a transfer or a fee, 注销校园贷, 百万保障,
a "private channel" (rule_catalog.md §8). A negated, conditional (如有人…) or
warned-about ask does not count, and a bare SMS signature (anyone can type 【花呗】)
needs a strong ask (a suspicious link, a private contact, an app, a code, an
account; the sender's own app is none: 【京东】打开京东App).
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

from ..lazyre import lazy
import re
from functools import lru_cache

from .base import (
    DEFAULT_SUPPRESS, NEGATION_RE, Doc, Pat, Rule, byte_gap, described_as_scam, doubt_question, hypothetical, narrated,
    negated, quoted_example, reported_frame, story_frame,
)
from .legal import scam_warning
from .links import find_links


def cg(n: int) -> str:
    """A gap of up to ``n`` characters inside one clause (folded text)."""
    return f"[^,;:。、!?\\n]{{0,{n}}}"


# Chat apps and handles, in folded text (薇信/vx/v信 are already 微信; "w x" is not).
_CHAT = ("(?:企业微信|微信|(?<![a-z])(?:w ?x|v ?x|qq|telegram|tg|whatsapp|line|skype|wechat|weixin)(?![a-z])|纸飞机|飞机|钉钉|抖音号?"
         "|快手号?|微博)")
_WHO = "(?:我们的|我们|我|我的|本人|专员|老师|客服|经理|主管|顾问|助理|他|她|工作人员|对接人|律师|法务)"
# A bare "v" for WeChat after 加 (加我v / 加vhelp_0655 / ➕V同号), never inside a word.
_V = "(?<![a-z])v(?:(?=[a-z0-9_\\-]{0,19}[\\d_])|(?![a-z]))"
# Apps that are the official channel (the creditor's or a bank's own app).
_OFFICIAL_APP_RE = lazy(
    "支付宝|网商银行|手机银行|[^,。!?\\s\"]{0,6}银行app|[^,。!?\\s\"]{0,4}银行客户端|掌上生活|买单吧|工银e生活|e生活|云闪付"
    "|发现精彩|京东金融|美团|度小满|微众银行|国家反诈中心|应用商店|官方app|官方客户端|营业厅|中国移动|中国联通|中国电信|和包"
    "|alipay|mybank"
)
_MOBILE = "(?<!\\d)1[3-9]\\d(?:[ \\-]?[\\d*x]){8}(?!\\d)"

OFF_PLATFORM_PATTERNS = (
    # 加我微信 / 添加QQ / 扫码加企业微信 / 加 w x
    Pat("add_chat",
        f"(?:扫码添加|扫码加|添加|加一下|加下|加个|加|搜一下|搜索|搜)(?:一下)?{_WHO}?(?:的)?(?:私人|新)?\\s?{_CHAT}"
        f"|(?:加|➕|\\+)(?:一下|个)?(?:我|我们)?(?:的)?\\s?{_V}"
        # 微信有监控，换QQ聊 / 速加Q处理
        f"|换(?:个)?{_CHAT}(?:聊|联系|沟通|说|谈)|加\\s?q(?=处理|办理|联系|详聊|细聊|咨询|了解)"
        "|加我?卫星|加\\s?q(?=\\s?[:\\d])",
        direct=True),
    # 微信同号 / QQ：2873 9347 / 微信号 dz_helper88
    Pat("chat_handle",
        f"(?:{_CHAT}|微信号|qq号|卫星|维信|威信|(?<![a-z])v(?=\\s?:))(?:同号|(?:号|号码|id)?\\s?:\\s?[a-z0-9_\\-]{{5,20}}"
        # 微信 shangan371 / 卫星help_3396 / 威❤：hb***66: a handle with a digit or an underscore
        "|(?:号|号码|id)?\\s?:?\\s?(?=[a-z0-9_\\-*]{0,19}[\\d_])[a-z0-9][a-z0-9_\\-*]{4,19}(?![a-z0-9_\\-*])"
        "|(?:号|号码)?\\s?:?\\s?\\d(?:[ \\-]?[\\d*]){4,11}(?![\\d*]))",
        view="digits", direct=True),
    # 微信搜一下 hb_help2024 (on the plain view: a handle must not be folded)
    Pat("chat_search",
        "(?:企业微信|微信|v信|vx|qq)(?:上)?(?:搜索|搜)(?:一下)?\\s?:?\\s?(?=[a-z0-9_\\-]*[\\d_])[a-z0-9_\\-]{5,20}",
        view="plain", direct=True),
    # vx shangan371 (on the plain view: a pinyin handle must not be folded into 上岸)
    Pat("chat_handle_plain",
        "(?<![a-z])(?:vx|wx|v信|微信|薇信|维信|卫星|qq)\\s?:?\\s?(?=[a-z0-9_\\-*]{0,19}[\\d_])[a-z][a-z0-9_\\-*]{4,19}(?![a-z0-9_\\-*])",
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
        f"(?:拉你进|拉你入|拉你|扫(?:二维码|码)?(?:进|入|加)|进|加入|加|入){cg(10)}(?:群聊|群|直播间)(?!众|体|发|主)",
        direct=True),
    # 打我手机139… / 联系专员 138****1234 / 别打95188打我手机
    Pat("call_private",
        "(?:打|拨打|致电|联系|call|拨)(?:一下)?(?:我|我的|本人|专员|老师|他|她|对接人|经办人)(?:的)?(?:私人|个人|工作)?"
        "(?:手机号|手机|电话|号码|私人号)"
        f"(?:\\s?:?\\s?{_MOBILE})?"
        # 95188处理不了你的案件，以后有事直接打这个号
        "|(?:直接|以后)(?:打|拨打|联系|回拨)这个(?:号|号码|电话)",
        view="digits", direct=True),
    Pat("skip_hotline",
        "(?:别|不要|不用|甭|没必要)(?:再)?(?:打|拨打|拨|联系|找)(?:官方)?(?:95188|955\\d\\d|官方|客服|热线|平台|400)"
        "[^。!?\\n]{0,10}(?:打|拨|联系|找|加)(?:我|专员|老师|经理)(?:的)?(?:私人)?(?:手机号|手机|电话|微信)?",
        view="digits", direct=True),
    Pat("mobile_number",
        f"(?:联系|致电|拨打|打|拨|回电|回拨|来电|电话|手机|手机号|热线|专线|直线|号码|联系方式|微信同号){cg(6)}{_MOBILE}",
        view="digits", direct=True),
    Pat("special_line",
        "(?:专线|内部专线|私人专线|直线|绿色通道|专员:|专员 :)\\s?:?\\s?(?:400|0\\d{2,3})[ \\-]?[\\d*]{3,4}[ \\-]?[\\d*]{3,4}"
        "|(?<![\\d+])(?:\\+|00)(?!86)[1-9]\\d{0,3}(?:[ \\-]?(?=[\\d*]{2,8}(?![\\d*]))[\\d*]*\\d[\\d*]*){2,4}(?![\\d*])",
        view="digits", direct=True),
    # 私聊 / 私下处理 / 走我私人通道 / 这里说话不方便 / 官方批不下来
    Pat("private_channel",
        "(?<![不别勿])私下(?:里)?(?:聊|沟通|处理|办理|解决|联系|谈|操作)|(?<![不别勿])私[\u2190-\u2bff\U0001F000-\U0001FAFF]?聊"
        "|私信我|私我|(?<![a-z])v我(?![\\d一二两三四五六七八九十百千万])|私(?:信|讯)(?:了解|咨询|领|详聊|备注)|(?<![a-z])(?:dm|pm)\\s?me(?![a-z])"
        "|看(?:我的?)?主页|看我头像|加我(?:详谈|详聊|细聊|了解|咨询)|(?:➕|加)(?:我|👆)?主页"
        "|(?:私人|个人|内部)(?:通道|渠道)|单独(?:的)?(?:通道|渠道|联系我|加我|找我|私聊|沟通)"
        "|这里(?:说话)?不方便(?:说|聊|讲|谈)?|官方(?:渠道|那边)?(?:批不下来|批不了|办不了|走不通)",
        direct=True),
)

# Debt, money or official-service talk that makes moving off-channel matter
# (a shop's or a recruiter's WeChat is not this rule's business).
_CONTACT_CONTEXT_RE = lazy(
    "欠|逾期|还款|还钱|账单|贷|花呗|借呗|白条|信用卡|额度|征信|协商|减免|罚息|利息|本金|结清|停息|停催|挂账|上岸|债|催收"
    "|兼职|刷单|返利|返佣|返现|日结|日入|接单|任务|网黑|大数据|洗白|修复"
    "|账户|转账|收款|退款|理赔|资金|利率|注销|百万保障|校园贷|验证码|支付宝|网商|官方|热线|95188|955\\d\\d|专员|平台"
)
# Numbers: only in collection or official-service talk (a car dealer's mobile is fine).
_NUMBER_CONTEXT_RE = lazy(
    "欠|逾期|催收|还款|还钱|协商|减免|结清|停息|停催|挂账|上岸|征信|注销|百万保障|校园贷|额度|官方|热线|95188|955\\d\\d|账单"
    "|罚息"
)
# Installing an app matters in debt or scam talk, not in an operator's own promotion.
_APP_CONTEXT_RE = lazy(
    "欠|逾期|还款|还钱|贷|花呗|借呗|白条|信用卡|额度|征信|协商|减免|催收|上岸|停息|挂账|债|注销|百万保障|校园贷|退款|理赔"
    "|利率|会议号|屏幕共享|共享屏幕|验证码|专员|转账|资金|账户异常|核查|兼职|刷单|返利|返佣|返现|日结|接单|任务"
)


@lru_cache(maxsize=2)
def _talk(doc: Doc) -> tuple[bool, bool, bool]:
    """(debt or service talk, talk that makes an app matter, collection talk for numbers), once per message."""
    return (_CONTACT_CONTEXT_RE.search(doc.norm.text) is not None,
            _APP_CONTEXT_RE.search(doc.norm.text) is not None,
            _NUMBER_CONTEXT_RE.search(doc.norm.digits) is not None)


# Office talk: a meeting app for a team's own meeting or training.
_OFFICE_RE = lazy("@全体成员|各位同事|同事们|大家|评审会|周会|例会|开会|培训|部门群|内部meeting")
# 有人加她微信… / 有个自称“法务”的加我微信 / 有人私信我: what a stranger did, told by the writer.
_STRANGER_DID_RE = lazy("(?:有人|有个人|对方|骗子|那人|那个人|自称[^,;:。!?\\n]{1,16}?的人?)(?:也|就|还|又|先|主动|刚|刚刚)?$")
# 我已经申请进群了 / 把你家里人拉进一个群: the writer joins, or pulls others in (a shaming threat).
_NOT_READER_JOINS_RE = lazy("(?:我|我们)(?:已经|已|也|都)?(?:申请)?$|拉$")
# A phone number that is a payee's account (支付宝账户，手机号138…): money, not contact.
_PAYEE_NUMBER_RE = lazy("支付宝|账户|账号|户名|实名|收款")


# Small tests of the confirm function below, compiled once (not looked up in ``re``'s cache per hit).
_CALL_THEM_RE = lazy("(?:打|拨打|致电|联系|call|拨)(?:一下)?(?:他|她)(?:的)?(?:手机号|手机|电话|号码)$")
_NOT_A_CHAT_GROUP_RE = lazy("群(?:众|体|发|主)|微信群里说")


def _contact_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    service, app_talk, collection = _talk(doc)
    if not service:
        return False
    text, s = m.string, m.start()
    if name in ("download_app", "meeting"):
        # the official app store and the creditor's own app are the official channel
        window = text[max(0, s - 6):m.end() + 4]
        if name == "meeting" and _OFFICE_RE.search(text, max(0, s - 300), m.end() + 300):
            return False
        return _OFFICIAL_APP_RE.search(window) is None and app_talk
    if name == "call_private":
        # 我们打他电话一直不接: calling the debtor, not a number to call
        if _CALL_THEM_RE.match(m.group()):
            return False
        return collection
    if name in ("add_chat", "private_channel") and _STRANGER_DID_RE.search(text, max(0, s - 24), s):
        return False
    if name == "mobile_number" and _PAYEE_NUMBER_RE.search(text, max(0, s - 12), s):
        return False
    if name in ("mobile_number", "special_line"):
        return collection
    if name == "join_group":
        if _NOT_READER_JOINS_RE.search(text, max(0, s - 6), s):
            return False
        return not _NOT_A_CHAT_GROUP_RE.search(m.group())
    return True


OFF_PLATFORM_CONTACT = Rule(
    id="off_platform_contact",
    patterns=OFF_PLATFORM_PATTERNS,
    suppress=DEFAULT_SUPPRESS + (narrated,),
    confirm=_contact_confirm,
    explanation="把沟通从官方渠道转到私人微信、QQ、会议软件或非官方电话。离开官方渠道后，对方说的减免和收款都无法核实。",
    advice="只在官方App内或官方客服电话沟通，不添加对方的私人联系方式，不下载对方提供的软件。",
)


# ------------------------------------------------------------ impersonation
_ORG = (
    # the creditor and its departments
    "(?:支付宝|花呗|借呗|蚂蚁(?:集团|金服|消金|消费金融)?|网商银行|网商贷|余额宝|芝麻信用|[^,。!?\\s]{0,6}银行|信用卡中心"
    "|[^,。!?\\s]{0,4}消费金融|[^,。!?\\s]{1,6}(?:金融|小贷|贷款|信贷|分期)(?:公司)?|京东金融|京东|白条|金条|美团|微粒贷"
    "|[^,。!?\\s]{1,4}(?:月付|借条)|安逸花|分期乐|有钱花|放心借|拍拍贷|马上消费|微信支付"
    "|微众|度小满|招联|平台|官方|客服中心|协商中心|协商部|风控中心|风控部|法务部|贷后部|催收部|资产管理部"
    # regulators, police, courts
    "|征信中心|人民银行|人行|央行|银保监会?|金融监管总局|国家金融监督管理总局|金融监管局|金融局|证监会|监管局|公安局?|公安机关"
    "|警察局|警方|派出所|经侦|刑侦|网警|反诈中心|法院|执行局|检察院|仲裁委|互金协会|互联网金融协会|银联|12321|12378)"
)
_ROLE = (
    "(?:专员|客服|工作人员|员工|人员|民警|警官|警察|书记员|法官|执行官|调解员|协商员|经理|主管|负责人|中心|部门|部"
    "|官方|局|科|处|律所|律师事务所|律师团队|法务|法务团队|合作机构|服务商|贷后|催收组|风控|客户经理)"
)
_NOT_A_CLAIM = "(?!的?(?:老?用户|会员|客户|借款人|欠款人|债务人|持卡人))"
# The bodies an "official partner" names (literals, so that the pattern can skip ahead).
_PARTNER_OF = ("官方|平台|支付宝|蚂蚁|花呗|借呗|银行|网商|信用卡中心|消费金融|金融|微粒贷|微众|度小满|招联|京东|美团|白条|金条"
               "|安逸花|分期乐|有钱花|征信中心|人民银行|人行|央行")
# Other senders whose signature a phishing SMS borrows (government services, operators, couriers).
_SIG_BODY = (
    "(?:医保|社保|人社|税务|个税|公积金|政务|交通运输|etc|电信|移动|联通|速递|快递|物流|顺丰|sf express|圆通|中通|韵达|申通"
    "|邮政|ems|alipay|mybank|淘宝|天猫|拼多多|抖音|12381)"
)

# An organisation named as the sender opens the message: after at most a greeting (您好，…).
_HEAD = 12
# What ``str.strip`` removes: Unicode white space and the four ASCII separators Python counts as space.
_STRIPPED = "[\\s\\x1c-\\x1f]"
# What follows an organisation heading a message: a notice word or a comma, or a short label and a colon.
_NOTICE = "(?:的)?(?:通知|提醒|告知|温馨提示|[,:])"
_LABEL = "[^,;:。、!?\\n】]{0,6}"
_SIGNATURE = "【[^【】\\n]{1,16}】"


# The org_header's Hyperscan expression, on bytes: an organisation word starting within the first _HEAD
# characters (its gaps, as in 某某银行, folded into the reach), then a role, a notice or a label.
_ORG_GAP = re.compile(r"\[\^,。!\?\\s\]\{\d+,(\d+)\}")
_ORG_HS = (f"^{byte_gap(_HEAD - 1 + max(int(g) for g in _ORG_GAP.findall(_ORG)))}{_ORG_GAP.sub('', _ORG)}"
           f"(?:{byte_gap(8)}{_ROLE}|{_NOTICE}|{byte_gap(6)}:)")

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
        f"(?<![^\\s【\\[(好,]){_ORG}(?:{cg(8)}{_ROLE}|(?={_NOTICE})|{_LABEL}(?=:))",
        head=_HEAD,
        # the same with its lookaheads read as text (Hyperscan would drop them, and let any body through)
        # (on bytes: a bounded repeat of a character costs Hyperscan ten times the rest of this database)
        hs=_ORG_HS, hs_bytes=True),
    # 借呗贷后这边… / 支付宝客服这边，… / 我们是借呗这边的 (where a line opens)
    Pat("side_claim",
        f"(?<![^\\s【\\[(好,:]){_ORG}(?:{cg(6)}{_ROLE})?这边(?:的)?(?!的?(?:用户|客户|账单|显示|还款|还清|已经))"),
    # 【招商银行】… / …【医保局】: a sender's SMS signature (checked: with an off-channel ask)
    Pat("signature", _SIGNATURE,
        # only a signature that opens or closes the message, or a line, counts (see ``_claim_confirm``)
        hs=f"(?:^{_STRIPPED}*|\\n){_SIGNATURE}|{_SIGNATURE}{_STRIPPED}*$"),
    # 官方授权合作律所 / 蚂蚁集团授权的合作律所 / 支付宝内部人员
    Pat("official_partner",
        f"(?:{_PARTNER_OF})(?:集团)?(?:官方)?(?:正式)?(?:授权|合作|指定|委托|认证)(?:的)?(?:合作)?(?:的)?(?:协商|信用修复|债务)?(?:合作)?"
        "(?:律所|律师事务所|律师团队|法务|法务团队|机构|渠道|服务商|代理|单位|公司|协商机构|第三方|专员)"
        # 我们跟招商银行信用卡中心签了合作协议 / 度小满委托我们处理逾期客户的协商
        f"|(?:跟|和|与){_ORG}{cg(4)}(?:签了?(?:合作)?协议|有(?:直接)?合作|是合作|合作关系)"
        f"|(?:{_PARTNER_OF})委托(?:我们|我司|本所|我所)"
        "|(?:支付宝|蚂蚁|花呗|借呗|网商|银行|平台)(?:集团)?内部(?:人员|员工|人士|关系)"),
    # 工号ZF3051 / 发你工作证照片
    Pat("badge",
        "工号\\s?:?\\s?[a-z0-9]{3,10}|(?:发|给)(?:你|您)(?:看)?(?:一下)?(?:我的?)?(?:工作证|警官证|工牌|营业执照|授权书|委托书"
        "|红头文件|监管通知|执法证|律师证)|(?:工作证|警官证|工牌|执法证|红头文件)(?:照片)?(?:发你|发您|给你看|已发)"),
)

# The off-channel asks that make an identity claim an impersonation (a
# suspicious link counts too, see ``_has_live_ask``).
_ASK_STRONG = (
    # contact off the channel
    f"(?:添加|加)(?:一下|下|个)?{_WHO}?(?:的)?{_CHAT}|(?:微信|qq)(?:号)?\\s?:|(?:微信|qq)同号|私聊|私下|单独(?:办理|处理|联系)"
    f"|(?:加|➕)(?:一下|个)?(?:我|我们)?(?:的)?\\s?{_V}"
    # apps, meetings, remote control
    f"|(?:下载|安装|注册|打开|进入|加入)(?:一下|一个)?{cg(8)}(?:会议|软件|app|apk|安装包|客户端)|会议号|屏幕共享|共享屏幕"
    "|远程(?:协助|控制|操作)"
    # codes and card data
    f"|(?:验证码|动态码|校验码|密码|卡号|cvv|身份证(?:照片|正反面)?){cg(6)}(?:发|报|念|读|告诉|提供|给|拍)"
    f"|(?:提供|告诉|报|发)(?:一下|给)?(?:我|我们)?{cg(4)}(?:验证码|动态码|密码|卡号)"
    f"|(?:输入|填写|提供){cg(6)}(?:卡号|密码|验证码|身份证|银行卡信息|个人信息|身份信息|银行卡号|账户信息|银行流水)"
    # money
    f"|(?:转|打|汇|存|付)(?:到|给|至|进)(?:我|我们|以下|下面|这个|指定|专员|对公)?{cg(6)}(?:账户|卡|账号|微信|支付宝)"
    "|(?:安全|监管|指定|核查|过渡|专用|清查|代管|托管|解冻|清算)(?:账户|账号)|收款码|资金(?:核查|审查|清查)"
    # (您的个人账户转入工资: the reader's own account, which a bank's notice names)
    "|(?<!您的)(?<!你的)(?<!本人)(?:个人卡|个人账户|个人银行卡)|私人账户|经办人(?:的)?(?:账户|卡)"
    # a number to call that is not the official hotline
    f"|(?:致电|拨打|联系|回拨|打)(?:我们的?)?{cg(8)}(?:专线|专员|直线|hotline)"
    # links written about (a link itself is checked by the link rule)
    "|(?:点击|点开|打开)(?:我发的|下面的|这个|以下|该)?链接"
)
_ASK_SOFT = (
    # fees
    f"(?:交|付|缴)(?:纳)?{cg(4)}(?:费|保证金|定金|押金|诚意金)|(?:交|付|缴)(?:纳)?\\d+元?(?:的)?{cg(4)}(?:费|保证金|定金|押金)"
    "|(?:服务|解冻|认证|激活|协商|保证|工本|备案|审核)(?:费|金)"
    # the scripts of fake customer service
    f"|注销{cg(6)}(?:校园贷|学生|贷款账户|网贷账户|借贷账户)|校园贷|学生账户|(?:关闭|取消|退订)百万保障"
    f"|百万保障{cg(6)}(?:扣费|收费|到期)|(?:调低|降低|下调)(?:你的?)?利率|额度{cg(4)}清零|清空额度|关闭{cg(6)}(?:扣费|自动续费)"
    f"|配合{cg(4)}(?:核查|调查|审查)|解冻{cg(4)}(?:账户|资金|额度)|(?:恢复|开通)提现"
    "|(?:减免|协商|内部|特殊|绿色|专属)(?:渠道|通道|名额)|按我的?(?:指引|指示|步骤)操作"
)
# The off-channel asks that make an identity claim an impersonation (a
# suspicious link counts too, see ``_has_live_ask``); a bare SMS signature
# needs one of the strong ones (a link, a contact, an app, a code, an account).
_ASK_STRONG_RE = lazy(_ASK_STRONG)
_ASK_RE = lazy(_ASK_STRONG + "|" + _ASK_SOFT)


def _live(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.clause(start, end)
    if NEGATION_RE.search(doc.plain, max(lo, start - 60), end) is not None:
        return False
    # 如有人以我行名义要求您转账至个人账户… / 不法分子冒充我司…要求客户转账至个人账户
    return not (hypothetical(doc, start, end) or scam_warning(doc, start, end))


def _brand(signature: str) -> str:
    """The name in an SMS signature (【京东】 → 京东, 【中国电信】 → 电信): its own app is official."""
    name = signature.strip("【】 ")
    return re.sub("^中国|(?:银行)?(?:信用卡中心|信用卡)$", "", name)[:4] or name


@lru_cache(maxsize=4)
def _has_live_ask(doc: Doc, strong: bool = False, brand: str = "") -> bool:
    """Does the message ask for something off the official channel (not negated)?

    ``brand``: the signature's sender, whose own app is not off the channel (【京东】打开京东App…).
    """
    norm = doc.norm
    for a in (_ASK_STRONG_RE if strong else _ASK_RE).finditer(norm.text):
        if _OFFICIAL_APP_RE.search(a.group()) or brand and len(brand) >= 2 and brand in a.group():
            continue
        if _live(doc, *norm.span_in("text", a.start(), a.end())):
            return True
    return any(reason is not None and _live(doc, s, e) for s, e, reason in find_links(doc))


_SIG_NAME_RE = lazy(f"{_ORG}|{_SIG_BODY}")
_NOT_THE_BODY_RE = lazy("一家|一个|正规|低息|免息|无息|小额|大额|极速|快速|债务(?:协商|处理|优化)")
# Where a line opens: a greeting or a speaker's label (对方：/客服：).
_LINE_OPEN_RE = lazy("[\\s【\\[(]*(?:[^\\s:,。!?]{1,6}:)?\\s*(?:您好|你好|喂|hello|hi)?[,!\\s]*(?:我们是|我是|这里是)?")
_GREETING_RE = lazy("[\\s【\\[(]*(?:您好|你好|喂|hello|hi)?[,!\\s]*")


def _claim_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, s = m.string, m.start()
    if name == "org_header" and not (s < _HEAD and _GREETING_RE.fullmatch(text, 0, s)):
        return False        # a body named mid-message (请联系花呗客服) is not the sender
    if name == "side_claim" and not _LINE_OPEN_RE.fullmatch(text, text.rfind("\n", 0, s) + 1, s):
        return False
    if name == "signature" and not (s < 8 and not text[:s].strip() or len(text) - m.end() < 8 and not text[m.end():].strip()
                                    or text[max(0, s - 1):s] == "\n"):
        return False        # a signature opens or closes the SMS (or a line of a forwarded batch)
    if name == "signature" and not _SIG_NAME_RE.search(m.group()):
        return False        # 【上岸专线】 names nobody but the sender's own brand
    if _NOT_THE_BODY_RE.search(m.group()):
        return False        # 我这边是深圳一家做金融法律服务的公司 / 低息贷款 / 债务协商中心: no real body claimed
    if name == "signature":
        return _has_live_ask(doc, True, _brand(m.group()))
    return _has_live_ask(doc)


IMPERSONATION = Rule(
    id="impersonation",
    patterns=IMPERSONATION_PATTERNS,
    suppress=(negated, described_as_scam, quoted_example, scam_warning, reported_frame, narrated, hypothetical,
              doubt_question, story_frame),
    confirm=_claim_confirm,
    explanation="自称平台、官方客服、警察、法院或监管人员，同时要求你在官方渠道之外操作。真正的官方人员不会让你加私人联系方式、转账或提供验证码。",
    advice="挂断或停止回复，自己拨打官方电话（如支付宝95188）核实对方身份。",
)
