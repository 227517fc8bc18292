"""``personal_account_transfer`` (high), added in 0.1.0.

Catches: paying or transferring to a private person's card, account, WeChat or
Alipay, a QR code, or a "safe/supervised/designated" account instead of the
official repayment page. In debt talk, a red packet, a WeChat transfer or a
payment split over several private accounts counts too.

Hit: 这笔欠款别在App里还了，直接转到我建行卡上 → evidence ``转到我建行卡上``.
Near miss: 上个月借你的两千块，今晚转你微信上 (a friend repaying a friend: the
payee is the reader, and there is no debt-collection talk);
【花呗】还款请在支付宝App花呗页面操作，请勿向任何个人账户转账 (negated).

Patterns (folded text unless noted):

- ``to_private_account``: transfer verb (+到/给/进/入) + payee (我/个人/这个/下面/专员…)
  + account (卡/账户/微信/支付宝/收款码…);
- ``to_account_verb``: 向 + payee + account + 转账 (向指定账号转账);
- ``wechat_transfer_to_me``: 微信/支付宝 + 转/打 + 我 (先微信转我两千);
- ``money_to_person``: money + 转/打/汇 + 给 + a person or a role (把钱打给我们法务部的王老师);
- ``pay_this_number``: 给 + a phone number + 转账 (digits view);
- ``safe_account``: 安全/监管/冲正/清查/核查/过渡/专案… 账户, with the verb when present;
- ``scan_qr`` / ``send_qr``: scan or send a 收款码/二维码 to pay, 付款码发我;
- ``red_packet``: 发个3000的红包 as a repayment;
- ``split_transfer``: 分三笔分别转到不同账户;
- ``named_payee``: 户名/收款人 + a person's name;
- ``money_over``: 三千你今天转过来 (money sent over to the writer; not an agency's 服务费);
- ``card_number``: a transfer verb or 收款账户 + a card number (转到民生银行 6217 **** **** 3308);
- ``agreement_account``: the account "written in the agreement" (打到协议上写的收款账户);
- ``role_account``: a staff member's or a personal card (我们财务的个人卡, 经办人账户), with a pay verb near;
- ``english_transfer``: transfer 50k to this account.

``to_private_account`` also takes an amount or a fee before 到 (交1500调解费到我个人账户, 转一笔3000到…);
``safe_account`` also knows 国库保管/保护/清退/备用/核销 accounts, 专户, 清算卡 and "safe account".
A steer away from the official app (``OFF_APP``: 不用走App, App里看不到) counts as debt talk.

Every pattern but ``safe_account`` needs debt or collection talk within 150
characters (``DEBT_TALK``), so friends paying each other, rent and shop
payments do not fire; "转到指定账户" may instead sit in a verification or refund
script. ``safe_account`` needs a strong word (安全/冲正/清查…) or money moving into
it (转入监管账户), and never fires in property or tuition escrow talk.
:func:`_confirm` also rejects the reader's own account (存到您这张卡, 我自己的支付宝),
the official app or the card the debt is on, forwarded files (截图转我微信), calls
(打我微信语音) and red packets that are promotions or sent to the reader.

Shared with the other money rules (credit, fees, credentials), pending a home
in ``base``: ``cgap``/``around``/``near`` (clause-bounded gaps and context),
``fast``/``pat`` (a first-character lookahead that makes these patterns 3-7x
faster), and two scope predicates, ``negated_strict`` and ``warning_strict``:
stricter forms of ``base.negated`` and ``base.warning_sentence`` that do not
let a scammer's reassurance ("放心，不是骗子"), accusation ("涉嫌违法") or decoy
warning ("谨防假冒，请直接转到我卡上") cancel a hit.
"""

from __future__ import annotations

from ..lazyre import lazy
import re

from .prefilter import fast
from .base import NARRATIVE_RE, NEGATION_RE, SCAM_VERDICT_RE, Doc, Pat, Rule, Suppressor, byte_gap, described_as_scam, \
    doubt_question, hypothetical, near, quoted_example, reported_frame, story_frame

# ------------------------------------------------------------ scope helpers
CLAUSE_STOP = lazy(r"[,;:。!?\n]")
SENTENCE_STOP = lazy(r"[。!?\n;]")
# The same classes behind a greedy ``(?s:.*)``: one ``match`` of a stretch ends just after its last stop.
_LAST_STOP = {CLAUSE_STOP.pattern: lazy(r"(?s:.*)" + CLAUSE_STOP.pattern),
              SENTENCE_STOP.pattern: lazy(r"(?s:.*)" + SENTENCE_STOP.pattern)}


def cgap(n: int) -> str:
    """Up to ``n`` characters inside one clause (stops at commas too), lazily."""
    return f"[^,;:。!?\\n]{{0,{n}}}?"


def around(text: str, s: int, e: int, stop: re.Pattern = CLAUSE_STOP, reach: int = 60) -> tuple[str, str]:
    """The text before ``s`` and after ``e`` inside the same clause (or sentence).

    ``stop`` is :data:`CLAUSE_STOP` or :data:`SENTENCE_STOP` (a one-character class): the last stop
    before ``s`` is found by one backward match, not by walking every stop of the stretch.
    """
    a = max(0, s - reach)
    last = _LAST_STOP[stop.pattern].match(text, a, s)
    m = stop.search(text, e, e + reach)
    return text[last.end() if last is not None else a:s], text[e:m.start() if m is not None else e + reach]


def pat(name: str, regex: str, **kw) -> Pat:
    """A :class:`Pat` whose regex goes through :func:`fast`."""
    return Pat(name, fast(regex), **kw)


def _mask(rx: re.Pattern, text: str) -> str:
    return rx.sub(lambda m: " " * len(m.group()), text)


# Negations that do not govern what follows ("不用担心，直接转…").
_NOT_GOVERNING = lazy(
    "不用担心|不要担心|别担心|不必担心|无需担心|不用怕|别怕|不要怕|不用害怕|不用紧张|别紧张|不用着急|别着急|不要着急"
    "|不用犹豫|别犹豫|不要犹豫|不会骗|不是骗|不会有(?:事|问题|影响|风险)|不会影响|不影响|没有风险|不用再|不用去|不用在"
    "|不用走|不走|不需要本人|无需本人|不用本人|不用跑"
)
# After a negation, these mean the writer has turned to an instruction.
_PIVOT = lazy("直接|而是|改为|改成|换成|只要|只需|只管|只能|只收|但是|马上|立即|立刻|赶紧|抓紧|然后|你需要|您需要")


def _negated_strict(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.clause(start, end)
    prefix = _mask(_NOT_GOVERNING, doc.plain[lo:start])
    last = None
    for last in NEGATION_RE.finditer(prefix):
        pass
    return last is not None and _PIVOT.search(prefix, last.end()) is None


_STRONG_WARN = lazy("诈骗|骗局|骗子|骗术|被骗|受骗|上当|骗取|骗钱|行骗|谣言|不法分子|刑拘|抓获|捣毁|打掉|反诈|冒充|假冒|陷阱")
# A scammer's reassurance, an accusation aimed at the reader, or a pretext.
_DISARM = lazy(
    "(?:不是|并非|绝非|决不是|绝不是|不会是|没有|不存在)(?:什么)?(?:骗子|诈骗|骗局|骗人|骗你|陷阱)"
    "|(?:涉嫌|涉及|卷入|牵涉|参与|涉案)[^,;:。!?\n]{0,10}"
    "|(?:防止|避免|以免|以防|保护)[^,;:。!?\n]{0,8}?(?:被骗|诈骗|盗刷|冒用|不法分子|冒充)"
    # 我们是北京反诈中心 / 这里是国家反诈中心: the writer posing as the police, not warning
    "|(?:我们是|这里是|这边是|我是)[^,;:。!?\n]{0,6}?反诈(?:中心)?"
)
_IMPERATIVE = lazy("请(?!勿)|直接|马上|立即|立刻|赶紧|尽快|抓紧|就行|即可|就可以|必须|务必")
_REPORTED_ASK = lazy("凡是|凡|让你|要你|叫你|要求你|让您|要求您|诱导|声称|谎称|骗你|以.{0,6}为由|冒充")


def _warning_strict(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    sentence = _mask(_DISARM, doc.plain[lo:hi])
    cue = _STRONG_WARN.search(sentence) or SCAM_VERDICT_RE.search(sentence)
    if cue is None:
        return False
    c_lo, c_hi = doc.clause(start, end)
    own = doc.plain[c_lo:c_hi]
    in_own_clause = c_lo - lo <= cue.start() < c_hi - lo
    if not in_own_clause and _IMPERATIVE.search(own) and not _REPORTED_ASK.search(own):
        return False   # "谨防假冒，请直接转到我卡上": the warning is a decoy
    return True


negated_strict = Suppressor(
    "negated_strict", "clause", _negated_strict,
    "a negation earlier in the hit's clause that governs it (请勿/不要…), not a reassurance (不用担心) "
    "and not followed by a turn to an instruction (直接/马上)")
warning_strict = Suppressor(
    "warning_strict", "sentence", _warning_strict,
    "the hit's sentence is an anti-fraud warning or a crime report; a scammer's reassurance (不是骗子), an "
    "accusation (涉嫌违法) or a decoy warning next to an instruction does not count")
def _narrated_strict(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.sentence(start, end)
    last = None
    for last in NARRATIVE_RE.finditer(doc.plain, lo, start):
        pass
    return last is not None and _ADDRESSED.search(doc.plain, last.end(), start) is None


_ADDRESSED = lazy("你|您")
narrated_strict = Suppressor(
    "narrated_strict", "sentence", _narrated_strict,
    "somebody else's ask reported by the writer (对方让我把手机卡寄过去), not relayed to the reader "
    "(领导说了，你先转到他卡上)")
STRICT_SUPPRESS: tuple[Suppressor, ...] = (
    negated_strict, described_as_scam, quoted_example, warning_strict, reported_frame,
    hypothetical, doubt_question, story_frame,
)

# -------------------------------------------------------------- vocabulary
# Talk of a debt to an institution or of its collection (not a friend's loan).
DEBT_TALK = lazy(
    "逾期|欠款|账单|减免|罚息|利息|本金|结清|销账|消账|核销|平账|撤销|撤诉|撤案|花呗|借呗|网贷|贷款|平台|催收|协商"
    "|征信|分期|信用卡|额度|上岸|停息|挂账|诚意金|案件|立案|法务|还款|欠费|债务|负债|注销|冻结|解冻|核查|清查|涉嫌"
    "|洗钱|公安|检察|法院|律师函|手续费|保证金|回款|回单|对接|专员|违约|追偿|委外"
    "|不还|还钱|欠钱|私了|协议|方案|借到|借出来|下了款|下款|口子|撤案费|销案"
    # a waiver or a case "pressed down" by a collector; pinyin and English debt words
    "|免掉|全免|免了|案子|结案|组长|诚意|表个态|表态|执行款|失信|调解|往上报|还清|算你还"
    "|huabei|jiebei|cuishou|yuqi|zhuanyuan|overdue|principal|settle|repay|debt|loan"
)
# The scripts of scams that are not about a debt: a relative or a boss in trouble, a
# "verification" transfer, a payment split to dodge risk control.
SCAM_TALK = lazy(
    "急用|急需|应急|急[!！]|出事|医院|手术|钱包丢|号码被盗|新号|换号|新微信|新qq|出差|老板交代|领导交代|别跟[^,;:。!?\\n]{0,4}说"
    "|别在群里说|不方便接电话|冻结|冻节|风控|拦截|流水|退回|原路|中奖|公证|金额太大|避开|不然|否则|不想让|压下来|曝光"
)
# The writer steering the payment away from the official app (不用走App / App里看不到).
OFF_APP = lazy("(?:别|不要|不用|不走|不能|别在|不在|不经过)[^,;:。!?\\n]{0,4}app"
               "|app(?:里|上|那边)[^,;:。!?\\n]{0,6}(?:看不到|查不到|不显示|全额|full|只认)")
_PAYEE_WORDS = ("我们", "我", "个人", "私人", "专员", "老师", "经理", "主管", "律师", "法务", "财务", "这个", "这张", "这边",
                "下面", "下方", "以下", "如下", "指定", "他", "她", "对方", "业务员", "医生", "表哥", "表姐", "同事", "会计",
                "出纳", "秘书", "导师", "经办人", "组长", "群主", "调解员", "团队", "team", "专yuan")
_PAYEE = fast(f"(?:{'|'.join(_PAYEE_WORDS)})")
_ACCOUNT_WORDS = ("银行卡", "卡号", "卡上", "卡里", "账户", "账号", "户头", "户", "微信", "支付宝", "钱包", "零钱", "收款码",
                  "二维码", "v上", "卡")
_ACCOUNT = fast(f"(?:{'|'.join(_ACCOUNT_WORDS)}|(?<![a-z])(?:v|account|card)(?![a-z]))")
# 转3000到这个卡上: a sum between the verb and the payee
_SUM = "(?:\\d+(?:[,.]\\d+)*(?:元|块)?|[一二两三四五六七八九十百千万]+(?:元|块)?)"
_VERB = "(?:转账|转款|转钱|转移|划转|划拨|转|打款|打钱|打|汇款|汇钱|汇|支付(?=[到给进入至])|(?<!支)付款|(?<!支)付|transfer)"
# 转一笔3000到 / 交1500调解费到 / 汇一部分到: an amount or a fee between the verb and 到, ending on money
_AMOUNT = f"(?:{cgap(8)}(?:\\d|元|块|万|千|百|k|费|款|金|钱|笔|部分|一半|税))"
# 6217 **** **** 5171: a card number, plain or masked
_CARD_NO = "(?<![\\d*])[3-6]\\d{3}(?:[ -]?(?:\\*{2,4}|\\d{4})){1,4}"
_PREP = "(?:到|给|进|入|至)"
_ROLE = fast("(?:法务|律师|老师|专员|经理|主管|财务|同事|领导|负责人|业务员|工作人员|对接人|这个人|这个账号)")
_PROCESS_TALK = lazy("核实|审核|验证|理赔|退款|赔偿|认证|解冻|流水|资金安全|验资|保证金|费用|保险|放款|下款")
_MONEY = lazy(r"钱|款|\d+(?:元|块|k|千|万|仟|佰)|[一二三四五六七八九十两百千万]+(?:元|块)|金额|费|税")

# What batch scoring's Hyperscan prefilter looks for on behalf of to_private_account, read on bytes
# (``Pat.hs_bytes``): the first character of a verb (a sum after it has no bound: anything may follow),
# one of the payee words, then within 7 characters (的 and the 6 of ``mid``) one of the account words.
# The pattern's own loosened form cost the text view's scan 1.8 µs a message, more than any other
# pattern; this one 0.2–0.4 µs, and lets through about one message in ten instead of one in eighteen.
_TO_PRIVATE_HS = (
    f"(?:转|划|打|汇|支付|付|transfer|还|存|充|缴|交|装|补|退)(?s:.)*(?:{'|'.join(_PAYEE_WORDS)})"
    f"{byte_gap(7)}(?:{'|'.join(_ACCOUNT_WORDS)}|v|account|card)"
)

# A payee that is the reader's own account, the creditor's app, or a card the
# debt lives on.
_OWN_OR_OFFICIAL = lazy("自己|本人|您名下|你名下|官方|app|对公(?!过渡)|花呗|借呗|信用卡|还款页面|客户端")
_READER = lazy("你|您|自己|本行|本公司")
# Forwarding files, not money.
_FORWARD = lazy("截图|图片|照片|文件|聊天记录|记录|链接|消息|资料|名片|视频|语音|地址|定位|号码给")
_CALL = lazy("^(?:电话|语音|视频|通话)")
_SELF_ACTOR = lazy("我(?:自己|先|已经|刚|刚刚|会|要|想|打算|准备|就|把)")
_SAFE_STRONG = lazy("安全|冲正|清查|核查|过渡|过度|专案|验资|资金核查|国家|代管|托管|公证处|解冻|清算|国库|保管|保护|清退"
                    "|safe|protected|secure")
_TRANSFER_VERB = lazy("转|汇|打|存|划|移|付|缴|交|放")
_PROPERTY = lazy("购房|房款|首付|预售|二手房|房屋|装修|租房|押一付|学费|培训|预付卡|预收|会员卡|工程款")
_QR_OFFICIAL = lazy("官方|认准|app内|app里的|客户端")
_QR_NOT_PAY = lazy("下载|登录|登陆|关注|进群|加群|入群|加好友|添加|注册|领取|签到|点餐|健康码|核酸")
_PAY_CUE = lazy(r"付|转|还|支付|缴|交|\d+(?:元|块)|钱|款|金额")
_RED_PACKET_PROMO = lazy("领|抢|红包雨|返现|封面|新人|奖励|现金红包|送.{0,3}红包|抽|大家|群里|群")
_TO_READER = lazy("给你|发你|给您|发您|你的红包|您的红包")
_SPLIT_CUE = lazy("不同|分别|几个|[0-9两三四五六七八九]个|下面|以下|这几|各")
_INSTITUTION = lazy("(?:是|为|写|填|:)?[\u4e00-\u9fff*]{0,8}?(?:公司|银行|中心|有限|集团|科技|信用卡|金融|支付|分行|支行|平台)")


# Small tests of the confirm function below, compiled once (not looked up in ``re``'s cache per hit).
_INTO_REVIEW = lazy("转入|核查|审查|中转|打款|转账|汇款")
_FORWARD_VERB = lazy("[转发](?![账款钱])")
_SALUTATION = lazy("(?:致|尊敬的|亲爱的)$")
_GREETED = lazy("[^,;:。!?\\n]{0,4}(?:[,:]|您好|你好)")
_READERS = lazy("您的|你的|本人")
_CALL_BEFORE = lazy("电话|视频|语音|通话")
_FEE_TO_FIRM = lazy("服务费|委任费|代理费|咨询费|律师费|头款|首付|定金|订金")
_BARE_SUM = lazy("[一二三四五六七八九十两]+[百千万]|\\d{3,}|\\d+(?:仟|佰)")
_OWN_CARD = lazy("(?:您|你)(?:的|名下|本人|尾号)|尾号|自己|本人")
_AUTO_DEBIT = lazy("扣款|扣收|扣划|代扣|自动还款|余额充足|存入足额")
_PAY_VERB = lazy("转|汇|打款|打钱|打到|打进|付款|付到|存入|存到|缴|支付")


def _confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text = doc.norm.text
    s, e = m.span()
    hit = m.group()
    before, after = around(text, s, e)
    if name == "safe_account":
        if _PROPERTY.search(text, max(0, s - 60), e + 60):
            return False
        # 安全/冲正/清查账户 exist only in scams; 监管/指定账户 need money moving into them.
        return _SAFE_STRONG.search(hit) is not None or _TRANSFER_VERB.search(before[-10:] + hit) is not None \
            or _INTO_REVIEW.search(after, 0, 10) is not None     # 监管账户核查，今日内转入
    if not near(text, s, e, DEBT_TALK) and not near(text, s, e, OFF_APP) \
            and not (name != "scan_qr" and near(text, s, e, SCAM_TALK)) \
            and not (name == "scan_qr" and text.startswith("还", e)):     # 扫码还
        # "转到指定账户" in a verification or refund script is enough without debt words.
        if not ((m.groupdict().get("payee") or "") == "指定" and near(text, s, e, _PROCESS_TALK)):
            return False
    if name in ("to_private_account", "to_account_verb", "wechat_transfer_to_me", "money_to_person", "money_to_me"):
        if _FORWARD_VERB.match(hit) and _FORWARD.search(before[-8:]) or _CALL.search(after):
            return False            # 截图转我微信 / 打我微信语音: not money
        groups = m.groupdict()
        if _READER.search(groups.get("pre") or "") or _OWN_OR_OFFICIAL.search(groups.get("mid") or ""):
            return False            # 存到您这张卡 / 还到我的花呗账户: the reader's own or the official account
        if name == "money_to_person" and not (
                _MONEY.search(around(text, s, e, SENTENCE_STOP)[0]) or _MONEY.search(hit)):
            return False            # 转给专员处理 / 打给法务部: forwarding a case or calling
        if (groups.get("payee") or "我").startswith("我") and _SELF_ACTOR.search(before) and "你" not in before:
            return False            # 我先把工资转到我支付宝: the writer's own money
        return True
    if name == "money_over":
        if _CALL_BEFORE.search(before[-6:]) or _SELF_ACTOR.search(before) and not _ADDRESSED.search(before):
            return False            # 电话打过来 / 我明天转过来: a call, or the writer paying
        said = around(text, s, e, SENTENCE_STOP)[0][-12:] + hit
        if _FEE_TO_FIRM.search(said):
            return False            # 服务费转过来 / 头款汇过来我们就开工: an agency's fee (another flag)
        return _MONEY.search(said) is not None or _BARE_SUM.search(said) is not None
    if name == "card_number":
        gap = m.group("gap")
        # 您的信用卡还款账户6217…将自动扣款: the reader's own account, named by the bank
        return not (_OWN_CARD.search(gap) or _OWN_OR_OFFICIAL.search(gap) or _READERS.search(before[-10:])
                    or _AUTO_DEBIT.search(after, 0, 24))
    if name in ("agreement_account", "role_account"):
        after_said = around(text, s, e, SENTENCE_STOP, 30)[1]
        if _READERS.search(before[-4:]) or _READER.search(after_said[:8]) or _OWN_OR_OFFICIAL.search(before[-6:] + hit):
            return False            # 您的个人账户 / 协议上的账户是您本人的卡 / 对公账户
        return near(text, s, e, _PAY_VERB, 24)
    if name == "scan_qr":
        return _PAY_CUE.search(before + hit + after) is not None and not _QR_NOT_PAY.search(before + hit + after) \
            and not _QR_OFFICIAL.search(before + hit + after)      # 扫码还款请认准官方收款码
    if name == "send_qr":
        return not _QR_NOT_PAY.search(before + hit + after)
    if name == "red_packet":
        return not (_RED_PACKET_PROMO.search(before[-4:] + hit) or _TO_READER.search(before[-4:] + hit + after[:3]))
    if name == "split_transfer":
        return hit.startswith("一笔") or _SPLIT_CUE.search(hit) is not None
    if name == "named_payee":
        if m.group("kind") == "持卡人" and (_SALUTATION.search(before)
                                          or _GREETED.match(text, m.end("kind"))):
            return False            # 致持卡人周某：… / 持卡人您好: the reader addressed, not a payee
        return _INSTITUTION.match(text, m.end("kind")) is None and not _READERS.search(before[-4:])
    return True


PERSONAL_ACCOUNT_TRANSFER = Rule(
    id="personal_account_transfer",
    patterns=(
        pat("to_private_account",
            f"(?:(?:{_VERB}|还|存|充|缴纳|交纳|缴|交|装|补|退回|退还)(?:{_SUM}|{_AMOUNT})?{_PREP}(?P<pre>{cgap(3)})|{_VERB})(?P<payee>{_PAYEE})(?:的)?"
            f"(?P<mid>{cgap(6)}){_ACCOUNT}上?",
            direct=True, hs=_TO_PRIVATE_HS, hs_bytes=True),
        pat("to_account_verb",
            f"(?:向|往|给)(?P<pre>{cgap(2)})(?P<payee>我们|我|公司|这个|下面|以下|指定|个人|私人|导师|经办人)(?:的)?"
            f"(?P<mid>{cgap(4)})(?:账户|账号|银行卡|卡|支付宝|微信){cgap(4)}"
            "(?:转账|转钱|转款|打款|汇款|付款|转|打|汇|存|充|交|缴|补)",
            direct=True),
        pat("wechat_transfer_to_me", "(?:微信|支付宝|v)上?(?:直接)?(?:转|打|汇|付)(?:账)?给?(?:我们|我)",
            direct=True),
        # 你直接转我这边就行 / 先凑150转给我 / 撤案费转我 / 转两千给我 / 帮我先转两万
        pat("money_to_me",
            "(?:转|打|汇)(?:给)?我(?:这边|这里)(?:就行|就可以|即可)"
            "|(?<=[\\d钱款费千万百元块])(?:直接)?(?:转|打|汇)(?:给)?(?:我们|我)(?![们的]?(?:同事|领导|财务|朋友))"
            f"|(?:转|打|汇){_SUM}给(?:我们|我)|(?:帮我|给我)(?:先)?(?:转|打|汇)(?:个)?{_SUM}"
            # 你转我36.5 / 先转我500保证金 / 额度借出来再转我。
            "|(?<=[你您先再就后接])(?:转|打|汇)(?:给)?我(?:\\d+(?:[,.]\\d+)*(?:元|块)?|(?=[,;。!?\\n]|$|就行|吧|即可))",
            direct=True),
        pat("money_to_person",
            f"(?:转账|转款|转钱|打款|打钱|汇款|汇钱|(?<!支)付款|还钱|转|打|汇|交|还)(?:给|到)(?P<pre>{cgap(2)})"
            f"(?P<payee>我们|我)?(?:的)?(?P<mid>[^,;:。!?\\n]{{0,6}}){_ROLE}",
            direct=True),
        pat("pay_this_number",
            r"(?:给|向|往)(?:这个|下面|以下)?(?:1[3-9]\d[\d*]{0,8}|这个)(?:开头)?(?:的)?(?:这个)?(?:手机号|号码|号)"
            r"(?:的)?(?:支付宝|微信)?(?:上)?(?:转账|转钱|打款|汇款|付款|转)",
            view="digits", direct=True),
        pat("safe_account",
            f"(?:(?:转|汇|打|存|划|移)(?:入|到|至|进){cgap(4)})?"
            "(?:国家安全|安全|监管|冲正|清查|核查|资金核查|对公过渡|对公过度|过渡|过度|备付|专案|验资|指定收款|公安监管|代管|托管"
            "|公证处|解冻|清算|国库保管|保管|保护|清退|备用|调解中心|临时收款|专用收款|核销)"
            "(?:的)?(?:账户|账号|专户)|清算(?:户|卡)|专用收款卡|(?:safe|protected|secure|security) account",
            direct=True),
        pat("scan_qr", f"(?:扫|识别|长按){cgap(6)}(?:收款码|收钱码|二维码|二位码|付款码)"
            # 扫码付 / 扫我这个码还 / 码在这，扫了付
            "|扫(?:我的?|这个|我这个|一下)?码(?=付|还|转|支付)|码在这"
            # 扫一下我发的码
            "|扫(?:一下)?(?:我|我们)发(?:你|您|给你|给您)?的码",
            direct=True),
        pat("send_qr",
            "(?:(?:我|我们|个人|私人|主管|经理|专员|老师|财务|领导|同事|负责人)的?(?:个人)?(?:收款码|收钱码)"
            f"|(?:收款码|收钱码|收款ma|收钱ma){cgap(3)}(?:发|给)(?:你|您)|(?:发|给)(?:你|您){cgap(3)}(?:收款码|收钱码)"
            f"|付款码{cgap(3)}(?:发|给|截图)(?:给)?(?:我|过来))",
            direct=True),
        pat("red_packet",
            f"(?:发|转|包)(?:个|一个|我|给我|过来)?{cgap(8)}红包|红包{cgap(2)}(?:发|转|包)(?:给)?(?:我|过来)"
            "|红包(?:也行|也可以|也可)",
            direct=True),
        pat("split_transfer",
            f"分(?:[0-9两几多]|[一二三四五六七八九十]){{1,2}}(?:笔|次){cgap(8)}(?:转|打|汇|付|存){cgap(10)}"
            "(?:账户|账号|卡|支付宝|微信|人)"
            f"|一笔(?:转|打|汇)?给{cgap(4)}一笔(?:转|打|汇)?给",
            direct=True),
        pat("named_payee",
            "(?P<kind>户名|收款人|收款方|开户名|持卡人)(?:是|为|写|填|:)?(?:[\u4e00-\u9fff]\\*?){1,2}[\u4e00-\u9fff*]"
            "(?=[,;:。!?\\s\\d()]|$|转|打|汇|卡|账号|开户|备注)",
            direct=True),
        # 三千你今天转过来 / 你先转两千过来: money to the writer, who is not the payer
        pat("money_over", f"(?:转|打|汇)(?:个)?{_SUM}?过来", direct=True),
        # 转到6217 **** **** 5171 / 收款账户:6230 **** / 打我卡6226 ****
        pat("card_number",
            "(?:(?:转|打|汇|存|付|补|交|缴)(?:账|款|钱)?(?:到|至|入|进|给)|往|向|(?:转|打|汇)我的?卡"
            f"|收款(?:账户|账号|卡号|卡))(?P<gap>[^,;。!?\\n]{{0,12}}?){_CARD_NO}",
            direct=True),
        # 打到协议上写的收款账户 / 按函上的个人收款账户转 / 协议里的账户是专门收协商款的
        pat("agreement_account",
            "(?:协议|确认函|函|合同)(?:上|里|中)?(?:第.条)?(?:写的|写明了?的?|注明的?|载明的?|所写的?)?(?:的)?"
            "(?:个人)?(?:收款)?(?:账户|账号|卡号)",
            direct=True),
        # 我们财务的卡号 / 公司财务的个人卡 / 经办人账户 / 个人收款账户
        pat("role_account",
            "(?:财务|专员|经理|主管|同事|领导|组长|经办人|导师|法务|律师|个人|私人)(?:的)?(?:个人|私人)?(?:收款)?"
            "(?:卡号|银行卡|账户|账号|个人卡|私人卡)",
            direct=True),
        # pls transfer 50k to this account
        pat("english_transfer", f"transfer{cgap(12)}to (?:this|my|our|the following|below|protected|safe) ?(?:account|card)",
            direct=True),
    ),
    suppress=STRICT_SUPPRESS + (narrated_strict,),
    confirm=_confirm,
    explanation="要求把钱转到个人账户、个人微信/支付宝、收款码或所谓“安全账户”，而不是官方还款页面。正规平台只通过自己的App还款页面收款。",
    advice="不要向任何个人账户或二维码付款；只在支付宝App或债权机构官方App的还款页面还款。",
)
