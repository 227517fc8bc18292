"""Status, plan type, payee, the seven checks, the verdict and what is missing.

Each decision reads cue words off the folded view of :mod:`.view`
(traditional → simplified, full-width → ASCII, lower case: ``結清證明``,
``帳戶`` and ``ＡＰＰ`` match the cues ``结清证明``, ``账户`` and ``app``)
together with the amounts, dates and the message rules' flags. The cue lists
are data at the top of this module so that they can be read and extended.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from bisect import bisect_left

from ..contract import HIGH_FLAGS as _HIGH
from ..results import Check, Payee
from .view import View

HIGH_FLAGS = frozenset(_HIGH)


def _rx(*words: str):
    """One alternation, compiled on first use through the shared regex cache (:mod:`verifier.lazyre`)."""
    return lazy("|".join(words))


# ------------------------------------------------------------------ status
# A settlement certificate or notice by its heading, or a present-tense "paid off".
SETTLED_HEADING = lazy(r"^\s*【?[^\n]{0,10}?(?:结清证明|结清通知|清偿证明|settlement certificate)")
SETTLED_NOW = lazy(r"已(?:经)?[^,，。;；\n]{0,26}?(?:还清|结清|偿清|清偿)|has been (?:fully )?(?:settled|repaid)")
# In the clause before 已结清, these make it a future or conditional state (还清后显示已结清).
CONDITIONAL = lazy(r"后|将|会|可|显示|更新|即|才|如|若|待|需|请|will|upon|after|updated|once")
PENDING = _rx("审核中", "审批中", "处理中", "申请中", "已提交", "已受理", "待审核", "待审批", "等待审核", "正在审核",
              "已为您提交", r"(?<!已经)(?<!已)帮(?:你|您|我)(?:去)?(?:向[^,，。]{0,8})?(?:提交|申请|递交|走|谈)(?!下来了|好了|妥了)", "递交申请",
              "提交申请", "申请下来", "批下来", "能不能批", "等(?:平台)?审批", "等批", "审批通过后", "审核通过后",
              "审核通过前", "审核结果", "提交总行", "终审", r"申请(?:全额)?(?:豁免|全免|减免)", "减免申请", "豁免申请",
              "争取", "去谈", "能谈到", "谈下来(?!了)", "目标方案", "协商不成功", "can be settled", "已生成", "激活",
              r"委托[^。\n]{0,12}协商")
# A phone call, a chat or an oral promise (only counts when there is a plan to speak of).
VERBAL = _rx("电话里", "电话中", "电话上", "打电话", "打完电话", "接到[^,，。\n]{0,8}电话", r"打了\s?\d", "催收电话",
             "口头", "不用签", r"不签(?:合同|协议|东西)", "说好了", "讲好了", "聊天", r"【微信", r"【qq", "微信】", "录音", "系统备注",
             "系统里有备注", "备注一下", "不用走系统", "没发短信", "没有短信", "没有书面", "^喂",
             r"(?:催收|对方|客服|专员)(?:员)?(?:小姐姐)?说", r"(?:^|\n)[^:\n(（]{0,4}(?:催收|专员|经理|老师|顾问|小哥)[^:\n]{0,4}:",
             r"(?:^|\n)我:")
CONFIRMED = _rx("已生效", "生效中", "生效", "确认如下", "办理成功(?!率)", "办理完成", "已办理", "审核通过", "审批通过",
                "已审批", "获批", "已批准", "批准", "已通过", "签署", "确认书", "确认函", "确认单", "本协议", "协议书",
                "申请成功", "已确认", "方案确认", "协商结果", "同意以下", "同意如下", "现确认", "达成如下", "已开通",
                r"(?:甲方|本行|我行|银行|本公司|本平台|债权人|申请人)[^,，。;]{0,6}同意",
                r"经[^,，。]{0,6}(?:审核|审批)[,，]?\s?同意", r"结果:\s?成功", "has been approved", "approved")
# An SMS or screen headed by the creditor's name: 【宁岚银行】, 【花呗】.
INSTITUTION_TAG = lazy(r"【[^】]{0,12}(?:银行|金融|小贷|花呗|借呗|网商|支付宝|消费|信用卡)[^】]{0,6}】")
# Words of a negotiated plan (a creditor's SMS that has none is a bill or a reminder, not a plan).
PLAN_WORDS = _rx("协商", "方案", "分期", "延期", "减免", "免除", "结清", "停息", "只还本金", "本金")
# A document that names itself: 还款协议, 确认书, 确认函, 确认单, 通知书.
TITLE = lazy(r"^\s*【?[^\n]{0,16}(?:协议|协议书|确认书|确认函|确认单|通知书)\b")
# Written by someone other than the creditor: "我司/本所/本中心" of an agency, a law firm, an "arbitration centre".
SELF_REFERENCE = _rx("我司", "我方", "本所", "本中心", "我中心", "本工作室", "我们团队", "our account")
AGENCY = _rx("债务", "法务", "律师", "律所", "仲裁", "调解中心", "咨询", "工作室", "企业管理", "服务中心", "协商中心",
             "协商团队", "顾问", "资产管理")

# ------------------------------------------------------------------ plan type
PLAN_CUES = {
    "principal_only": _rx(r"(?:只|仅|仅需|只需|只要)(?:需)?(?:还|偿还|归还)本金", "免息还本", "只还本(?!息)",
                          "principal only"),
    "deferral": _rx("延期", "停息挂账", "停息", "展期", "缓还", "暂缓", "延后", "延长", "往后推", "推迟", "延到", "延至",
                    "停催", r"个月后再(?:开始)?还"),
    "lump_sum": _rx("一次性", "一次还清", "一次结清", "一次付清", "一笔还清", "打折结清", r"打[一二三四五六七八九\d]折",
                    "全额结清", "协商结清", "结清方案", "结清款", r"%\s?[^\s]{0,3}结清", "settled at", "lump sum"),
    "installment": _rx(r"分\s?(?:[0-9]{1,3}|[一二两三四五六七八九十壹贰叁参肆伍陆柒捌玖拾]{1,4})\s?期", "二次分期",
                       "个性化分期", "重新分期", "分期还款", "分期方案", "分期计划", "协商分期", "分期协商",
                       r"每期\s?(?:应还)?\s?[:]?\s?[¥0-9一二两三四五六七八九壹贰叁肆伍陆柒捌玖]",
                       r"[0-9]{1,3}\s?期\s?[,，]?\s?每期", r"共\s?[0-9]{1,3}\s?期", "installment"),
}
# Saying the whole of what is owed gets settled: 冲正完成后系统自动结清, 即视为全部结清, 5,000元前还清.
SETTLES_ALL = _rx("自动结清", "即可结清", "完成结清", r"视为(?:全部)?结清", "就结清", "就算结清", "算我结清")
PAY_OFF_BY = lazy(r"(?:19|20)[0-9]{2}[年\-/.][0-9]{1,2}[月\-/.][0-9]{1,2}日?(?:之)?前\s?(?:全部)?还清")
WAIVER_WORDS = _rx("减免", "免除", "全免", "豁免", "免掉", "不用还", r"打[一二三四五六七八九\d]折", r"抹.{0,2}零",
                   r"只(?:要)?还本金", "仅还本金", "省了", "罚息全部", "停息")
# Negations that cancel what follows them in the clause (请勿转入任何个人账户, 不收取任何费用); a bare 不 does
# not ("今天不转到我卡上就…" is a threat, not a negation).
NEGATION_BEFORE = lazy(r"勿|不要|别|禁止|严禁|不得|无权|不会|不能|不可|不授权|不视为|不属于|不接受|谨防|防止|避免|以免"
                             r"|任何|拒绝|没有|未经|不收|免收|不产生|不另收|无需|不需要|不用交|不用付|无任何")

# ------------------------------------------------------------------ payee
PAYEE_PERSONAL = _rx(
    "个人账户", "个人卡", r"个人(?:支付宝|微信|银行卡|名下|收款)", "私人", "私户", "收款码", "二维码", "扫码",
    "安全账户", "监管账户", "过渡账户", "托管账户", "清算账户", "执行专户", "验资专户", "代收人", "代收账户", "指定账户",
    "指定清算", "专员账户", "专员个人", r"(?:转|汇)(?:到|给|进)?我(?![们司行方])", r"打(?:到|款给|钱给)我(?![们司行方])", "微信转", "支付宝转",
    r"到我(?:的)?(?:这个)?(?:卡|微信|支付宝|账户|工行|建行|农行|中行|银行)", r"我(?:这个|的)(?:卡|微信|支付宝)",
    r"(?:催收员|催收|专员|业务员|经理|经办人|顾问|老师|律师|法务)[^,，。;]{0,4}(?:个人)?(?:支付宝|微信|银行卡|卡|账户|账号)",
    r"户名[:\s]*[\u4e00-\u9fff]{1,3}某", r"户名[:\s]*[^\s,，。)]{0,12}-[\u4e00-\u9fff]{1,2}某", r"\(个人\)",
    r"(?:支付宝|微信|账号)[:\s]*1[3-9][0-9]", "our account",
    r"(?:通过|登录|点击|打开|访问|进入)\s?[a-z0-9\-]+\.(?:com|cn|top|vip|cc|net|xyz|club|site|shop|info|me|io|co)"
    r"(?:/\S*)?\s?[^。\n]{0,6}?(?:完成)?(?:还款|支付|付款|缴费)(?!卡)")
# Money received by a third-party issuer (我司…已到账).
AGENCY_RECEIPT = _rx("已到账", "汇入我", "转入我", "支付至我", "到我司", r"(?:我司|我方|本所|本中心)[^,，。]{0,6}(?:账户|专户)")
PAYEE_OFFICIAL = _rx("自动扣款", "自动扣收", "扣款", "扣收", "对公账户", "本卡账户", "存入本卡", "本卡", "柜台", "网点",
                     "本行账户", "还款账户", "还款页", "还款入口", "官方app", "official repayment page", "auto-debit",
                     "card account", "official app", r"存入(?:您的)?(?:信用卡|卡内|卡里)", "信用卡账户")
_CLAUSE_END = lazy(r"[,，。;；\n!?]")
_DETAIL_START = lazy(r"(?<![0-9]),|,(?![0-9])|[，。;；\n!?:]")
_DETAIL_END = lazy(r"(?<![0-9]),|,(?![0-9])|[，。;；\n!?]")
BLANK_AFTER = lazy(r"[:\s]*_{2,}")
OFFICIAL_CHANNEL = lazy(r"app|客户端|支付宝|手机银行|网银|页面|「[^」]{1,14}」")
REPAY_WORD = lazy(r"还款|扣款|扣收|还清|还完|还上|存入|汇入|转账至|操作|还(?![是显有没在要会说款])")

# ------------------------------------------------------------------ checks
SETTLEMENT = _rx("结清后", "结清证明", "结清凭证", "结清状态", "结清信息", "已结清", "自动结清", "即结清", "即可结清", "完成结清",
                 "办理结清", r"视为(?:全部)?结清", "账户结清", "借款结清", "借据结清", r"(?:后|后的)[^。;；\n]{0,10}结清",
                 r"更新为(?:已)?结清", r"显示(?:为)?(?:已)?结清", "清偿证明", "还款证明", r"settle(?:d|ment letter|ment certificate)")
CREDIT_PROMISE = _rx(
    r"(?:删除|消除|清除|撤销|洗白|抹掉|下架)[^。;；\n]{0,12}(?:逾期|记录|征信|不良)",
    r"(?:逾期|不良)(?:记录)?[^。;；\n]{0,8}(?:删除|消除|清除|撤销|洗白)",
    r"征信[^。;；\n]{0,4}(?:洗白|修复|恢复正常|干净)", "修复征信", "恢复信用", "无逾期", r"不上(?:报)?征信",
    r"保证[^。;；\n]{0,8}(?:逾期|征信|记录)[^。;；\n]{0,6}不影响", "恢复为正常", "不影响征信")
THIRD_PARTY = _rx("丙方", "第三方", "法务", "律所", "律师事务所", "咨询", "中介", "代理机构", "服务商", "工作室",
                  "债务优化", "协商团队", "顾问", "专业团队", "互助", "反催收", "协商服务", "服务中心", "经办人", "上岸",
                  "垫还", "成功率", r"\bagent\b", "our account", r"加(?:我)?(?:微信|v|vx|qq)", "私聊", "细聊", "详谈")
FEE_WORDS = _rx("服务费", "咨询费", "代办费", "工本费", "加急费", "公证费", "审核费", "资料费", "办理费", "手续费", "定金",
                "保证金", "律师费", "法务费", "佣金", "会员费", "激活费", "解冻金", "中介费", "顾问费", "绩效费", "费用",
                r"service fee", r"\bfee\b")
CREDENTIALS = _rx("验证码", "密码", "cvv", "安全码", "共享屏幕", "屏幕共享", r"手机卡", "呼叫转移", "身份证正反面",
                  "身份证照片", r"[a-z0-9\-]+\.(?:com|cn|top|vip|cc|net|xyz|club|site)[^。\n]{0,24}绑定")
# A fee to pay first, before a plan is granted (先交299元手续费即可办理): no creditor works that way.
UPFRONT_FEE = lazy(r"(?:先|前期|预先|提前|签约时|签约当日|办理前|签署前)[^。;；,，]{0,6}(?:交|付|缴|支付)[^。;；]{0,12}?"
                         r"(?:" + FEE_WORDS.pattern + ")")
# An anti-fraud notice the creditor quotes ("有不法分子冒充我司…以征信修复为名收取服务费，请勿轻信"): its
# sentence is left out when looking for private payees, fees, credit promises and codes, unless it carries an
# amount or an account number itself (a decoy warning next to the instruction).
WARNING = _rx("不法分子", "冒充", "假冒", "诈骗", "骗子", "骗局", "谨防", "警惕", r"(?:请勿|切勿|不要|勿)(?:轻信|相信)",
              r"以[^。\n]{0,16}为名", "任何声称", "凡是", "反诈")
WARNING_SENTENCE = lazy(r"[^。!?;；\n】]+")
WARNING_KEEP = lazy(r"[0-9]{4}|[0-9][0-9,.]*\s?元|¥")
# A first payment asked for now (先还/今天…转), before anything is in writing.
UPFRONT = lazy(r"(?:先|今天|今日内?|今晚|马上|立即|立刻)[^。\n]{0,12}?(?:还|转|付|交|存|支付)")


def _has(rx: re.Pattern, text: str) -> bool:
    return rx.search(text) is not None


def _clause_before(t: str, pos: int, reach: int = 20) -> str:
    before = t[max(0, pos - reach):pos]
    cut = max(before.rfind(c) for c in ",，。;；:\n!?")
    return before[cut + 1:] if cut >= 0 else before


def _live(rx: re.Pattern, t: str) -> re.Match | None:
    """The first match of ``rx`` that no negation in front of it cancels (请勿转入任何个人账户)."""
    for m in rx.finditer(t):
        if not NEGATION_BEFORE.search(_clause_before(t, m.start())):
            return m
    return None


def without_warnings(t: str) -> str:
    """``t`` with its anti-fraud warning sentences blanked (same length, so offsets still hold)."""
    def blank(m: re.Match) -> str:
        s = m.group()
        return " " * len(s) if WARNING.search(s) and not WARNING_KEEP.search(s) else s
    return WARNING_SENTENCE.sub(blank, t)


def negated_sentence(t: str, start: int, end: int) -> bool:
    """The sentence around ``[start, end)`` is a negation or a warning (请勿…, 不视为…, 不授权任何个人…)."""
    lo = max((t.rfind(c, 0, start) for c in "。!?;；\n"), default=-1) + 1
    hi = min((i for i in (t.find(c, end) for c in "。!?;；\n") if i >= 0), default=len(t))
    sentence = t[lo:hi]
    return NEGATION_BEFORE.search(sentence) is not None or WARNING.search(sentence) is not None


def third_party_issuer(t: str) -> bool:
    """The text speaks as an agency, a law firm or an 'arbitration centre' (我司/本所…), not as the creditor."""
    return _has(SELF_REFERENCE, t) and _has(AGENCY, t)


def plan_terms(values: dict, dates: dict) -> bool:
    return any(values.get(k) is not None for k in ("payable", "installment_amount", "installment_count", "waived")) \
        or dates.get("first_due") is not None or dates.get("deadline") is not None


def _settled(t: str) -> bool:
    if SETTLED_HEADING.search(t):
        return True
    for m in SETTLED_NOW.finditer(t):
        if not CONDITIONAL.search(_clause_before(t, m.start(), 24)):
            return True
    return False


def status(t: str, flags: set[str], values: dict, dates: dict, plan: str = "unknown",
           third_party: bool | None = None) -> str:
    if _settled(t):
        return "settled"
    if _has(PENDING, t):
        return "pending"
    if ("verbal_only_waiver" in flags or _has(VERBAL, t)) and plan != "unknown":
        return "verbal_only"
    if third_party_issuer(t) if third_party is None else third_party:
        return "unknown"
    tagged = INSTITUTION_TAG.search(t) is not None and _has(PLAN_WORDS, t)
    if (_has(CONFIRMED, t) or tagged or TITLE.search(t)) and plan_terms(values, dates):
        return "plan_confirmed"
    return "unknown"


def plan_type(t: str, values: dict | None = None) -> str:
    values = values or {}
    p, pay = values.get("principal"), values.get("payable")
    if _has(PLAN_CUES["deferral"], t) and _has(PLAN_CUES["principal_only"], t):
        return "unknown"               # an offer menu: 停息挂账 ✅ 只还本金 ✅
    if _has(PLAN_CUES["principal_only"], t):
        return "principal_only"
    if _has(PLAN_CUES["deferral"], t):
        return "deferral"
    explicit_lump = _has(PLAN_CUES["lump_sum"], t)
    waiver = values.get("waived") is not None or _live(WAIVER_WORDS, t) is not None
    if p is not None and pay is not None and abs(p - pay) < 0.005 and waiver and not explicit_lump:
        return "principal_only"        # the principal is what is paid, the rest is waived
    if _has(PLAN_CUES["installment"], t) or values.get("installment_count") or values.get("installment_amount"):
        return "installment"
    if explicit_lump:
        return "lump_sum"
    total = values.get("total_debt")
    reduced = values.get("waived") is not None or (total is not None and pay is not None and pay < total - 0.005)
    if (reduced or (waiver and pay is not None)) and (pay is not None or _has(SETTLES_ALL, t) or "结清" in t):
        return "lump_sum"
    if total is not None and (_has(SETTLES_ALL, t) or PAY_OFF_BY.search(t)):
        return "lump_sum"
    return "unknown"


def payee(v: View, flags: set[str], third_party: bool = False, text: str | None = None) -> Payee:
    """Where the money goes; ``text`` is the view's text with its warnings blanked, when at hand."""
    t = v.text if text is None else text
    m = _live(PAYEE_PERSONAL, t)
    if m is None and third_party:
        m = AGENCY_RECEIPT.search(t)
    if m:
        return Payee("personal", _detail(v, m))
    if "personal_account_transfer" in flags:    # a rule hit this module's cues do not see
        return Payee("personal", "个人账户")
    found = [x for x in (_filled(PAYEE_OFFICIAL, t), _official_channel(t)) if x is not None]
    m = min(found, key=lambda x: x.start()) if found else None   # the first channel the text names
    if m:
        return Payee("official", _detail(v, m))
    return Payee("unknown", None)


def _detail(v: View, m: re.Match, reach: int = 40) -> str:
    """The original words of the clause around a payee cue (乙方通过“云栖借钱”App还款页面或甲方对公账户还款)."""
    t = v.text
    lo = max(0, m.start() - reach)
    cut = [x.end() for x in _DETAIL_START.finditer(t, lo, m.start())]
    lo = cut[-1] if cut else lo
    nxt = _DETAIL_END.search(t, m.end(), min(len(t), m.end() + reach))
    hi = nxt.start() if nxt else min(len(t), m.end() + reach)
    return v.original_text(lo, hi).strip() or v.original_text(*m.span())


def _filled(rx: re.Pattern, t: str) -> re.Match | None:
    """The first match of ``rx`` that is not the label of a blank to fill in (还款账户：______)."""
    for m in rx.finditer(t):
        if not BLANK_AFTER.match(t, m.end()):
            return m
    return None


def _official_channel(t: str) -> re.Match | None:
    """A channel (App, 支付宝, 「…」页面) with a word of repaying in the same clause."""
    for m in OFFICIAL_CHANNEL.finditer(t):
        lo = max(0, m.start() - 16)
        hi = min(len(t), m.end() + 16)
        seg_before = _CLAUSE_END.split(t[lo:m.start()])[-1]
        seg_after = _CLAUSE_END.split(t[m.end():hi])[0]
        if REPAY_WORD.search(seg_before) or REPAY_WORD.search(seg_after):
            return m
    return None


def _fmt(x) -> str:
    if x is None:
        return "–"
    return f"{x:,.2f}" if isinstance(x, float) else str(x)


def amounts_check(values: dict, conflicts: dict) -> Check:
    """principal + interest + penalty + fees = total; total − waived = payable; count × instalment ≈ payable."""
    problems, compared = [], []
    v = values
    parts = [v[k] for k in ("principal", "interest", "penalty", "fees") if v.get(k) is not None]
    if v.get("total_debt") is not None and len(parts) >= 2:
        s = round(sum(parts), 2)
        compared.append(f"本金+利息+罚息+费用 {_fmt(s)} = 欠款总额 {_fmt(v['total_debt'])}")
        if abs(s - v["total_debt"]) > 0.011:
            problems.append(f"分项合计 {_fmt(s)} ≠ 欠款总额 {_fmt(v['total_debt'])}")
    if v.get("total_debt") is not None and v.get("waived") is not None and v.get("payable") is not None:
        d = round(v["total_debt"] - v["waived"], 2)
        compared.append(f"总额 {_fmt(v['total_debt'])} − 减免 {_fmt(v['waived'])} = 应还 {_fmt(v['payable'])}")
        if abs(d - v["payable"]) > 0.011:
            problems.append(f"总额 {_fmt(v['total_debt'])} − 减免 {_fmt(v['waived'])} = {_fmt(d)} "
                            f"≠ 应还 {_fmt(v['payable'])}")
    n, each, pay = v.get("installment_count"), v.get("installment_amount"), v.get("payable")
    if n and each is not None and pay is not None:
        p = round(n * each, 2)
        tolerance = max(0.011 * n, 0.011)
        if abs(p - pay) > tolerance and not _last_instalment_rounding(p, pay):
            problems.append(f"{n}期 × {_fmt(each)} = {_fmt(p)} ≠ 应还 {_fmt(pay)}")
        else:
            compared.append(f"{n}期 × {_fmt(each)} = {_fmt(p)} ≈ 应还 {_fmt(pay)}")
    for role, others in conflicts.items():
        if role in values and role not in ("installment_amount", "installment_count"):
            problems.append(f"{role} 先后写成 {_fmt(values[role])} 和 {', '.join(_fmt(o) for o in others)}")
    if problems:
        return Check("amounts_consistent", False, "；".join(problems))
    return Check("amounts_consistent", True, "；".join(compared) if compared else "没有可相互核对的金额")


def _last_instalment_rounding(product: float, payable: float) -> bool:
    """The last instalment makes up a rounding difference of less than one yuan."""
    return abs(product - payable) < 1.0


def written_confirmation(t: str, status_: str, flags: set[str], values: dict, dates: dict, payee_: Payee,
                         third_party: bool) -> bool:
    if third_party or "verbal_only_waiver" in flags:
        return False
    if status_ in ("settled", "plan_confirmed"):
        return True
    # A written notice of the creditor itself (an SMS or letter with its header) that states the amount,
    # the dated deadline and the official channel.
    return status_ == "unknown" and payee_.kind == "official" and dates.get("deadline") is not None \
        and (values.get("payable") is not None or values.get("total_debt") is not None) \
        and (INSTITUTION_TAG.search(t) is not None or t.lstrip().startswith("【") or TITLE.search(t) is not None)


def third_party_fee(t: str, flags: set[str], payee_: Payee, third_party: bool) -> bool:
    """A fee (服务费, 手续费, 定金…) to an agency, a person, or to be paid before anything is granted."""
    fee = _live(FEE_WORDS, t)
    if fee is None:
        return False
    return third_party or payee_.kind == "personal" or _live(THIRD_PARTY, t) is not None \
        or _live(UPFRONT_FEE, t) is not None


def checks(t: str, flags: set[str], values: dict, conflicts: dict, dates: dict, payee_: Payee,
           status_: str, third_party: bool = False, risk_text: str | None = None) -> list[Check]:
    """The seven SPEC checks; ``risk_text`` (``t`` without its warnings) is read for promises and fees."""
    rt = t if risk_text is None else risk_text
    out = [amounts_check(values, conflicts)]
    out.append(Check("payee_official", payee_.kind == "official",
                     f"收款方：{payee_.detail}" if payee_.detail else "未写明收款方"))
    out.append(Check("has_deadline", dates["deadline"] is not None,
                     f"最后期限 {dates['deadline']}" if dates["deadline"] else "没有写明带年份的最后还款日期"))
    written = written_confirmation(t, status_, flags, values, dates, payee_, third_party)
    out.append(Check("has_written_confirmation", written,
                     "有债权机构的书面、App内或签署的确认" if written else "没有债权机构出具的书面或App内确认"))
    settle = status_ == "settled" or _has(SETTLEMENT, t)
    out.append(Check("has_settlement_clause", settle,
                     "写明还清后结清或出具结清证明" if settle else "没有写明还清后显示结清或出具结清证明"))
    promise = "credit_repair" in flags or _live(CREDIT_PROMISE, rt) is not None
    out.append(Check("no_credit_record_promise", not promise,
                     "承诺删除或修复征信记录（任何人都做不到）" if promise else "没有删除征信记录的承诺"))
    third = third_party_fee(rt, flags, payee_, third_party)
    out.append(Check("no_third_party_fee", not third,
                     "要向债权机构以外的一方付费" if third else "没有向第三方付费的要求"))
    return out


def risk_signals(t: str, status_: str, values: dict, plan: str, money_starts: list[int]) -> set[str]:
    """Own readings of the high-severity flags, for when the message rules miss them in an agreement:
    a waiver that exists only on the phone or in a chat, and a request for codes or passwords."""
    out = set()
    if _live(CREDENTIALS, t):
        out.add("credential_request")
    total, pay = values.get("total_debt"), values.get("payable")
    waiver = values.get("waived") is not None or (total is not None and pay is not None and pay < total - 0.005) \
        or _live(WAIVER_WORDS, t) is not None
    if waiver and status_ == "verbal_only":
        out.add("verbal_only_waiver")
    elif waiver and status_ == "pending":
        starts = sorted(money_starts)
        for m in UPFRONT.finditer(t):
            k = bisect_left(starts, m.end())
            if k < len(starts) and starts[k] <= m.end() + 20:
                out.add("verbal_only_waiver")
                break
    return out


MISSING_OF = {
    "payee_official": "official_payee",
    "has_deadline": "deadline",
    "has_written_confirmation": "written_confirmation",
    "has_settlement_clause": "settlement_clause",
}


def missing(values: dict, checks_: list[Check], status_: str = "unknown") -> list[str]:
    out = []
    if status_ != "settled" and values["payable"] is None \
            and not (values["installment_count"] and values["installment_amount"]):
        out.append("payable_amount")
    for c in checks_:
        if not c.passed and c.id in MISSING_OF:
            out.append(MISSING_OF[c.id])
    return out


def verdict(flags: set[str], payee_: Payee, checks_: list[Check], missing_: list[str]) -> str:
    """risky on a high-severity flag, money leaving the official channel, a credit-record promise or a
    third-party fee; incomplete when a check fails or something is missing; ok otherwise."""
    failed = {c.id for c in checks_ if not c.passed}
    if flags & HIGH_FLAGS or payee_.kind == "personal" or failed & {"no_credit_record_promise", "no_third_party_fee"}:
        return "risky"
    if failed or missing_:
        return "incomplete"
    return "ok"
