"""``credential_request`` (high), added in 0.1.0.

Catches: requests for verification codes, passwords, card data (front and
back, CVV, expiry), ID photos, 手持 photos or face videos sent in a chat;
screen sharing, remote control and meeting apps used with an instruction; and
mailing a SIM card, bank card or U盾.

Hit: 你手机刚收到的验证码报给我 → evidence ``验证码报给我``.
Near miss: 【支付宝】验证码582301，用于登录校验，切勿告诉任何人 (the official
one-time code: nothing is asked); 请在支付宝App内完成人脸识别 (in the app).

Patterns (folded text):

- ``code_to_me`` / ``tell_me_code``: a code (验证码/动态码/那串数字/6位数, or a
  remote-control app's 识别码/设备码) and a send
  verb towards the writer (发我/报给我/告诉我/念一下), in either order;
- ``password_to_me``: a password, optionally with the account (账号和登录密码), and
  a send verb towards the writer;
- ``card_data``: card front/back, CVV, the three digits on the back, expiry,
  or a card number, sent or asked for;
- ``id_photo``: 身份证正反面/手持/人脸或眨眼点头视频 sent to the writer;
- ``screen_share``: 屏幕共享/远程协助/远程控制 with an instruction;
- ``meeting_app``: 腾讯会议/zoom/云视讯/钉钉/飞书会议/向日葵/anydesk… with an
  instruction (下载/进入/会议号);
- ``mail_sim``: 把手机卡/sim卡/银行卡/U盾 寄过来.

:func:`_confirm`: bare passwords, card numbers and plain ID photos need money,
debt or account talk nearby (wifi passwords and HR paperwork stay quiet); 手持
photos and face videos do not. A screen share fires with a guide ("我一步一步带你",
"远程帮你") or an ask aimed at the reader; a meeting app needs money talk and an
instruction; office and class talk (大家/周会/汇报) cancels both. A code "sent to
my phone" by the system, and a card number asked for in order to pay the reader,
do not fire.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import lru_cache

from .base import Doc, Rule
from .links import find_links
from .payment import SENTENCE_STOP, STRICT_SUPPRESS, around, cgap, narrated_strict, pat

# Towards the writer (or the writer's side).
_TO_ME = "(?:我们|我|咱们|这边|客服|专员|工作人员|老师|经理|过来|上来|群里)"
_SEND = ("(?:发送|发|报|念|读|说|告诉|告知|提供|输入给?|填写?给|截图发?|截个图发?|拍照发?|拍|传|转发|转|回复|给)")
_CODE = ("(?:短信验证码|验证码|动态码|动态密码|校验码|短信码|认证码|那串数字|那个数字|那几个数字|(?:六|6)位(?:数字?|数|码)"
         "|识别码|设备码|连接码|远程码|设备代码"
         "|收到的?(?:数字|码)|短信(?:内容|里的?(?:数字|码))|(?<![a-z])otp(?![a-z])|收到的?code)")
_PASSWORD = ("(?:(?:支付宝|微信|银行|网银|手机银行|app|花呗|借呗)?(?:账号|账户|用户名|登录名)(?:和|加|跟|及|与|、|\\+)"
             f"{cgap(4)})?"
             "(?:(?:支付宝|支付|登录|登陆|取款|交易|查询|银行卡|网银|微信|花呗|借呗|账户|账号|app|手机银行|卡)的?){0,2}密码")
_CARD = ("(?:(?:银行卡|信用卡|储蓄卡|借记卡|卡)的?(?:正反面|正面|反面|背面|照片)|卡号(?:和|加|及|、)?(?:有效期|密码|cvv2?)"
         "|cvv2?|cvn2?|安全码|背面(?:的)?(?:那|最后)?(?:三|3)位(?:数字?|数|码)?|卡(?:片)?的?有效期|(?:银行卡|信用卡)?卡号)")
_ID = ("(?:身份证(?:的)?(?:正反面|正面|反面|照片|原件照片|原件|复印件)?|手持(?:身份证)?(?:照片?|照|自拍)?"
       f"|(?:人脸|刷脸|本人|眨眼|点头|张嘴|摇头)[^,;:。!?\\n]{{0,6}}?(?:视频|录像))")
_SHARE = "(?:屏幕共享|共享屏幕|共享(?:一下)?(?:你的?)?屏幕|远程协助|远程控制|远程操作|远程桌面)"
_MEETING = ("(?:腾讯会议|云视讯|钉钉|飞书会议|飞书|小鱼易连|瞩目|会议软件|会议app|视频会议|向日葵|会议号|会议室号|会议id|房间号"
            "|(?<![a-z])(?:zoom|welink|teams|anydesk|teamviewer|todesk)(?![a-z]))")

# An imperative with no payee: 念一下, 提供一下 (not 输入一下: typing it into the app).
_ASK_NOW = "(?:念|报|读|说|提供|告诉|发|截图|截个图|拍)(?:一下|出来|过来)"

# Money, debt or account talk: a meeting app or an ID photo matters only here.
_CRED_TALK = lazy(
    "逾期|欠款|协商|减免|备案|注销|贷款|网贷|额度|征信|花呗|借呗|信用卡|还款|解冻|冻结|退款|理赔|退费|停息|挂账|法务|上岸"
    "|债务|百万保障|保障服务|扣费|资金|余额|转账|账户|银行卡|网银|支付宝|利率|利息|学生|校园贷|客服|核实|核查|涉嫌|案件"
    "|公安|关闭|开通|激活|验证|清零|降息|保证金|下款|放款|审核"
)
_INSTRUCT = lazy(
    "下载|安装|打开|开启|开一下|开个|点开|点击|进入|加入|登录|登陆|入会|搜索|输入|会议号|房间号|共享一下|按我说|跟着我|带你"
    "|指导你|教你|一步一步|操作|帮你|帮您|给你|远程"
)
# Somebody taking over the reader's screen: enough on its own next to a screen share.
_GUIDE = lazy("(?:我|我们)(?:一步一?步|来|会)?(?:带你|带您|教你|指导你|指导您)|按我说|跟着我|听我指挥"
                    "|远程(?:帮|给|替)(?:你|您)|我(?:们)?远程|(?:我|我们)(?:帮你|帮您)操作")
_OFFICE = lazy(
    "大家|给大家|各位|演示|讲一下|讲了|会上|开会|周会|例会|汇报|ppt|报表|季度|项目|同事们|老师们|同学们|上课|网课")
_ASK_READER = lazy(
    "(?:需要|请|麻烦|配合)(?:你|您)|(?:你|您)(?:需要|要|先|把|配合|打开|开启|进行)|和(?:你|您)进行|与(?:你|您)")
_WEAK_PASSWORD = lazy("^(?:账号|账户|卡)?密码$")
_NOT_MONEY_PASSWORD = lazy(
    "wifi|wi-fi|无线|网络|路由|热点|房间|门锁|门禁|密码箱|压缩包|解压|文件|电脑|开机|ipad|平板|锁屏|相册|群")
_SYSTEM_SENT = lazy("^(?:手机|邮箱|号码|短信|手机号|手机上)|^了(?!吗|没)|^过了")
_FACE = lazy("眨眼|转头|摇头|点头|张嘴|镜头|人脸|本人|正脸")
_PAY_READER = lazy("我(?:转|打|汇|付)给你|给你(?:转|打|汇)|(?:转|打|汇)(?:给)?你|退给你|退款给你|发工资|报销")


@lru_cache(maxsize=2)
def _bad_link(doc: Doc) -> bool:
    """A suspicious link anywhere in the message (computed once per message)."""
    return any(reason is not None for _, _, reason in find_links(doc))


# Small tests of the confirm function below, compiled once (not looked up in ``re``'s cache per hit).
_CARD_NUMBER_END = lazy("卡号$")
_CARD_SECRET = lazy("有效期|密码|cvv")
_SEND_ME = lazy("发给?我|发过来|传给我")
_LIVE_PHOTO = lazy("手持|视频|录像|眨眼|点头|人脸|刷脸|影片")
_TURN_ON = lazy("打开|开启|开一下|开个|点开")
_KEEP_ON = lazy("别关|打开|开着")
_SPEAKER = lazy("你|我")
_TO_READER = lazy("(?:给|到|至)(?:您|你)")
_SENT_AWAY = lazy("(?:寄|邮寄|快递|邮)?(?:给了|了|过去|出去|给(?:他|她|对方|别人|那个))")


def _confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text = doc.norm.text
    s, e = m.span()
    before, after = around(text, s, e)
    talk = _CRED_TALK.search(text, max(0, s - 120), e + 120) is not None
    if name in ("code_to_me", "tell_me_code", "password_to_me"):
        if _SYSTEM_SENT.search(after):
            return False             # 验证码发到我手机上了: the system sent it
        if name == "password_to_me":
            pw = m.group("pw") or m.group("pw2") or m.group("pw3")
            if _NOT_MONEY_PASSWORD.search(before + m.group()):
                return False         # wifi密码发我一下
            if _WEAK_PASSWORD.match(pw) and not talk:
                return False
        return True
    if name == "card_data":
        obj = m.group("obj") or m.group("obj2") or m.group("obj3")
        if _CARD_NUMBER_END.search(obj) and not _CARD_SECRET.search(obj):
            # A bare card number: asked for to pay the reader is everyday life.
            return talk and not _PAY_READER.search(before + m.group() + after)
        return True
    if name == "id_photo":
        if m.group("video"):         # a video of the reader's face, sent to the writer
            s_before, s_after = around(text, s, e, SENTENCE_STOP, reach=80)
            return _FACE.search(s_before + s_after) is not None and _SEND_ME.search(s_after) is not None
        # 手持 photos and face videos are never office paperwork; a plain ID photo can be.
        return talk or _LIVE_PHOTO.search(m.group()) is not None
    if name == "form_fill":
        return _bad_link(doc)
    if name in ("screen_share", "meeting_app"):
        s_before, s_after = around(text, s, e, SENTENCE_STOP, reach=80)
        sentence = s_before + m.group() + s_after
        if name == "screen_share" and _GUIDE.search(sentence):
            return True              # 共享屏幕，我一步一步带你操作 / 我远程帮你弄
        if _OFFICE.search(sentence):
            return False             # 小王共享屏幕给大家讲了一下季度数据
        if name == "screen_share" and (_TURN_ON.match(m.group()) or _KEEP_ON.match(s_after)) \
                and not _SPEAKER.search(s_before[-6:]):
            return True              # 开一下屏幕共享 / 屏幕共享别关: an order aimed at the reader
        if name == "screen_share" and _ASK_READER.search(sentence):
            return True              # 我们需要和你进行屏幕共享
        return talk and _INSTRUCT.search(sentence) is not None
    if name == "mail_sim":
        if _TO_READER.match(after):
            return False             # 新卡将寄给您: the carrier
        # 上个月把手机卡寄给了所谓的法务 / 让我把手机卡寄给他: sent already, or to somebody else
        return _SENT_AWAY.match(after) is None
    return True


CREDENTIAL_REQUEST = Rule(
    id="credential_request",
    patterns=(
        pat("code_to_me",
            f"{_CODE}{cgap(8)}(?:,{cgap(4)})?(?:{_ASK_NOW}|{_SEND}(?:一下|出来)?(?:给|到)?{_TO_ME})"
            # 验证码几位数？报给我 / 验证码五分钟就失效了，你快点念
            f"|{_CODE}[^。\\n]{{0,8}}(?:报|发|念|告诉)(?:给)?我"
            f"|{_CODE}[^。!?\\n]{{0,16}}(?:快点|赶紧|马上|直接)(?:念|报|读|发|copy)(?:给我|一下|出来)?",
            direct=True),
        pat("tell_me_code",
            f"(?:告诉|告知|报给|发给|念给|读给|提供给|发|报|念)(?:一下)?{_TO_ME}(?:一下)?{cgap(6)}{_CODE}"
            f"|(?:提供|告知)(?:一下)?(?:你的?|您的?)?{cgap(6)}{_CODE}",
            direct=True),
        pat("password_to_me",
            f"(?P<pw>{_PASSWORD}){cgap(6)},?(?:{_SEND}(?:一下)?(?:给|到)?{_TO_ME}|{_ASK_NOW})"
            f"|(?:告诉|告知|报给|发给|提供给|发|报)(?:一下)?{_TO_ME}(?:一下)?{cgap(4)}(?P<pw2>{_PASSWORD})"
            # 把支付密码输在这个对话框里
            f"|(?P<pw3>{_PASSWORD}){cgap(4)}(?:输|输入|填|打)(?:在|到)(?:这个|这|我的)?(?:对话框|聊天框|这里|这儿)",
            direct=True),
        pat("card_data",
            f"(?P<obj>{_CARD}){cgap(8)}(?:,{cgap(3)})?"
            f"(?:{_SEND}(?:一下)?(?:给|到)?{_TO_ME}|拍清楚发?过来|也要|也发(?:一下|过来)?)"
            f"|(?:拍|发|提供|告诉|报)(?:一下)?(?:给)?{_TO_ME}?(?:一下)?(?:你的?)?(?P<obj2>{_CARD})"
            # 卡号、有效期、背面后三位，全部打字发过来 / 把银行卡number和有效期发我
            "|(?P<obj3>有效期|背面(?:的)?(?:后)?(?:三|3)位|cvv2?|安全码)[^。!?\\n]{0,12}(?:发过来|发我|发给我|告诉我|报给我|打字发)",
            direct=True),
        pat("id_photo",
            f"(?:拍|发|传|提供|录)(?:一下|个|一段)?(?:你的?)?{_ID}{cgap(10)}(?:给|到|发)?{_TO_ME}"
            f"|{_ID}{cgap(8)}(?:{_SEND})(?:一下)?(?:给|到)?{_TO_ME}"
            # 请提供身份证正反面及人脸影片 / 录一段5秒视频：正对镜头，眨眼…发给我
            f"|(?:请|麻烦|需要)(?:你|您)?(?:提供|拍|发|上传)(?:一下)?(?:你的?|您的?)?{_ID}"
            f"|(?P<video>(?:录|拍)(?:一段|一个|个)?{cgap(4)}(?:视频|录像))",
            direct=True),
        pat("screen_share",
            f"(?:(?:打开|开启|开个|开一下|点开|开)(?:一下)?)?{_SHARE}(?:打开|开启|开一下|功能)?"
            "|远程(?:帮你|帮您|给你|指导|操作)",
            direct=True),
        pat("meeting_app",
            f"(?:(?:下载|安装|打开|进入|加入|登录|登陆)(?:一个|一下|个)?{cgap(2)})?{_MEETING}", direct=True),
        pat("mail_sim",
            f"(?:把|将){cgap(6)}(?:手机卡|sim卡|电话卡|u盾|银行卡){cgap(6)}(?:寄|邮寄|快递|邮)"
            "(?:过来|给我们?|到我|到公司|到这边|到我们|回来|来)?"
            f"|(?:手机卡|sim卡|电话卡|u盾){cgap(4)}(?:寄|邮寄|快递)(?:过来|给我们?|到我|到公司|到我们|我们)"
            f"|(?:寄|邮寄|快递)(?:过来|给我们?){cgap(4)}(?:手机卡|sim卡|电话卡|u盾)",
            direct=True),
        # 请登录 yb-kh.top 输入卡号密码 / 按页面提示填写卡号、有效期和CVV (checked: a suspicious link)
        pat("form_fill",
            f"(?:输入|填写|填|上传|提交)(?:你的?|您的?)?(?:收款)?(?:银行)?{cgap(4)}(?:卡号|密码|验证码|cvv|有效期|身份证)",
            direct=True),
    ),
    suppress=STRICT_SUPPRESS + (narrated_strict,),
    confirm=_confirm,
    explanation="索要验证码、密码、银行卡信息、身份证照片或要求共享屏幕。拿到这些信息就能直接转走你的钱，正规平台从不索要。",
    advice="验证码、密码、卡号和屏幕共享绝不给任何人；立即停止对话，拨打官方客服核实。",
)
