"""``borrow_to_repay`` (medium) and ``urgent_pressure`` (low), added in 0.1.0.

borrow_to_repay — urges borrowing from other lenders, friends or family to
repay (rule_catalog.md §12): other platforms and 口子 (别的平台借出来先还), friends
and family (找你爸妈凑一凑), credit-card or Huabei cash-out (花呗套现, 刷pos),
bridge money or advances with interest (过桥/垫还 + 日息), "borrow new to repay
old" when urged (also typo'd: 以待养待), lender recommendations (推荐个口子，秒批),
"borrow all you can" (挨个试一遍 / 看看哪家还能借), "borrow no matter how" (借也得给我借来 /
还不上就去借 / 去别的app借一下), relatives asked one by one (一家借个五百 / 亲戚挨个问),
and someone else told to pay (紧急联系人…你就要替他还 / 您先帮他垫上吧).
Hit: 你别的平台不是还有额度吗？先借出来把我们这笔平了 → evidence ``借出来把我们这笔平了``.
Near miss: 理财建议：千万别以贷养贷 (a warning); 我妈主动说先借我五千 (a narrative);
a friend offering a loan; the creditor's own instalment product; 你帮他还也行 (not urged);
你的花呗涉嫌套现 (an accusation); 找你哥借个充电宝 (not money).

urgent_pressure — artificial deadlines and pressure for immediate full
payment (§13): hours-scale deadlines tied to paying (今天18点前/半小时内/马上转),
the last chance (最后通牒/过时作废/领导只批了今天), the full amount at once
(今天必须一次性还清), empty consequences (后果自负), countdowns and the same
demand repeated.
Hit: 今天18点前不全额结清就转法务 → evidence ``今天18点前``.
Near miss: 【花呗】本月账单将于3月10日到期，请按时还款 (a real due date in an
official reminder); shop promotions (今天18点前下单立减); work deadlines
(会议材料下班前发我); a friend (我马上转你).
"""

from __future__ import annotations

from ..lazyre import lazy
import re

from .base import DEFAULT_SUPPRESS, Doc, Pat, Rule, byte_gap, gap, narrated, near
from .offers import base_name, cgap, family, ngap, official_notice_once, own_words, words_not_after

# ---------------------------------------------------------- borrow_to_repay
_OTHER = ("其他", "其它", "别的", "另外的", "另外", "别家", "其他家")
_LENDER = (
    "(?:" + "|".join(f"{w}(?:平台|网贷|口子|app|贷款|银行)" for w in _OTHER)
    + "|口子|网贷|信用卡|借呗|花呗|微粒贷|白条|金条|京东|美团|分期乐|度小满|有钱花|招联|安逸花|放心借|小额贷|贷款app|额度"
    "|高利贷|借款app|备用金)"
)
_FAMILY = (
    "(?:父母|爸妈|爸爸|妈妈|老爸|老妈|你爸|你妈|家里人|家里|家人|亲戚|亲友|朋友|同事|同学|兄弟|姐妹|老婆|老公|对象"
    "|男朋友|女朋友|身边的人|熟人|七大姑八大姨|哥哥|姐姐|弟弟|妹妹|你哥|你姐|你弟|你妹|亲人"
    "|舅舅|你舅|叔叔|你叔|大伯|二叔|小姨|姨妈|姑姑|表哥|表姐|堂哥|堂姐|friends?)"
)
# 提/取 as in 提现/取钱, not 提醒/提前/提交/取消 (【招联金融】您的提前还款申请…)
_TAKE = "(?:提(?!醒|前|交|示|供|出|高|额|升|到|起)|取(?!消|得|决))"
# 还 is also "still": not 还是/还有/还在…
_REPAY = "(?:还(?!是|有|在|没|不|要|得|能|会|挺|可以|行|差|早|好|剩)|平账|平了|平掉|补上|填上|结清|堵上|冲账|清了|清掉)"
# borrowing money (借的那台相机 is not): a sum, 一笔, 出来
_BORROW = (
    "(?:借(?!呗|款|据|条|记)|套|刷|撸|贷|弄|拿|周转)"
    "(?:出来|一笔|一点|点钱|些钱|钱|个?[\\d一二两三四五六七八九十百千万k]+(?:块|元|万|千)?)"
)
_CASH_OUT = "(?:套现|套出来|套一笔|刷出来|刷一笔出来)"
_REPAY_NEAR = ("还(?!是|有|在|没|不|要|得|能|会|挺|可以|行|差|早|好|剩)|平账|结清|欠|逾期|这笔|催收|账单|销账|顶上"
               "|平掉|堵上|窟窿|我们这边|还不上")
_REPAY_NEAR_RE = lazy(_REPAY_NEAR)
# …and for a person told to go and borrow, a deadline or a pay-over (钱必须到账 / 凑齐 / 我要看到钱 / today必须clear掉)
_URGED_NEAR_RE = lazy(
    _REPAY_NEAR + "|必须|到账|凑齐|凑够|拿来|看到钱|截图|解冻|缴纳"
    "|存入|转到|转入|安全账户|指定账户|监管账户|(?<![a-z])(?:clear|pay|transfer)(?![a-z])"
)
# 找你姐借去 / 问你同事借两千去 / 找你爸妈要啊: the urging itself
_URGE_TAIL_RE = lazy("[去啊阿呗吧嘛]|个?[\\d一二两三四五六七八九十百千万几]")
_ANCHOR_RE = lazy(f"{_LENDER}|{_FAMILY}|过桥|垫还|套现|找人")
_ACCUSED_RE = lazy("涉嫌|属于|违规|禁止|严禁|不得|不能|不要|别")
_URGED_BEFORE_RE = lazy("(?:就要|要|得|必须|赶紧|就|快|先|或者你)$")
_URGED_AFTER_RE = lazy("一点|一部分|(?:了)?(?:吧|去|啊)")
_THEIR_DEBT_RE = lazy("欠|逾期|借款|借了钱|借钱不还|平台|催收|紧急联系人|还款|不还|债|贷|拖了")
_BRIDGE_OFFER_RE = lazy("我们|帮你|给你|为你|替你|帮您|给您|可以|提供|有|合作|去|搞|找|办|做|专业")
_BRIDGE_FOR_YOU_RE = lazy(f"{gap(6)}(?:帮你|给你|替你|帮您|给您)")
_DONT_RE = lazy("(?:别|不要|不能|莫|勿|千万别|切莫|切勿)$")
_URGE_RE = lazy("也得|也要|都得|先|赶紧|赶快|就行|没关系|又怎样|怎么了|无所谓|你就|去|不会吗|有什么|大家都")


def _borrow_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, s, e, family_name = m.string, m.start(), m.end(), base_name(name)
    if family_name == "bridge_loan":         # offered or urged (我们有过桥资金帮你垫还), not described
        if s < 2:
            return True                      # 过桥垫资，当天到账: an ad opening the message
        before = text[max(0, s - 12):s]
        before = before[max(before.rfind(c) for c in ",;:。!?\n、") + 1:]
        return _BRIDGE_OFFER_RE.search(before) is not None or _BRIDGE_FOR_YOU_RE.match(text, e) is not None
    if family_name == "loan_cycle" and _DONT_RE.search(text, max(0, s - 4), s):
        return False                         # 别拆东墙补西墙: advice against it
    if family_name == "borrow_then_repay":   # the lender or person must be named close by
        return _ANCHOR_RE.search(text, max(0, s - 40), s + 2) is not None
    if family_name == "max_out" and _ANCHOR_RE.search(text, max(0, s - 40), min(len(text), e + 40)):
        return True
    if family_name == "family" and m.group().endswith("借") and _URGE_TAIL_RE.match(text, e):
        return True
    if family_name == "go_borrow" and ("垫" in m.group() or "还上" in m.group()):
        return True                          # 让他们先帮你垫上: the family pays the debt
    if family_name == "cash_out" and _ACCUSED_RE.search(text, max(0, s - 4), s + 4):
        return False                         # 你的花呗涉嫌套现: an accusation, not an urging
    if family_name == "pay_for_them":         # urged (先帮他垫上 / 你就替他还了吧), about someone else's debt
        if not (any(c in m.group() for c in "先垫凑") or _URGED_BEFORE_RE.search(text, max(0, s - 4), s)
                or _URGED_AFTER_RE.match(text, e)):
            return False
        return _THEIR_DEBT_RE.search(text, max(0, s - 120), min(len(text), e + 40)) is not None
    if family_name in ("family", "go_borrow"):
        return near(text, s, e, _URGED_NEAR_RE, 40)
    if family_name in ("cash_out", "recommend_lender", "max_out"):
        return near(text, s, e, _REPAY_NEAR_RE, 40)
    if family_name == "loan_cycle":          # only when urged, not described
        lo = max(text.rfind(c, max(0, s - 80), s) for c in "。！？!?\n") + 1
        lo = max(lo, s - 80)
        hi = [i for i in (text.find(c, e, e + 80) for c in "。！？!?\n") if i >= 0]
        return _URGE_RE.search(text, lo, min(hi) if hi else min(len(text), e + 80)) is not None
    return True


BORROW_TO_REPAY = Rule(
    id="borrow_to_repay",
    patterns=(
        # 别的口子撸一笔先还上 / 信用卡先刷一笔出来还花呗
        *family("lender_borrow",
                f"{_LENDER}{cgap(8)}(?:借(?!呗|款|据|条|记|的)|套|刷|撸|贷|{_TAKE}|下款)(?:出来|一笔|点钱|一点|些|钱|个)?"
                f"{ngap(10)}{_REPAY}(?:上|了|掉|清)?",
                f"(?:借|套|刷|撸)(?!呗|款|据|条|记){cgap(2)}{_LENDER}{ngap(8)}{_REPAY}(?:上|了|掉|清)?"),
        # (…别的平台还有额度吗？) 先借出来把我们这笔平了 — a lender or person named close by (confirm)
        *family("borrow_then_repay", f"{_BORROW}(?!的时候|的时|的人|的事){ngap(3)}(?:先|去|来|把|给)?{ngap(8)}{_REPAY}(?:上|了|掉|清)?",
                # 借出来第一件事就是还我们 / 去借高利贷也得先把我们的还了
                f"借(?!呗|款|据|条|记){ngap(12)}(?:先|就|就是)?还(?:我们|给我们)"),
        # 你去借也好、去凑也好 / 找谁借我不管 / 让她先给你垫上
        *family("go_borrow",
                "(?<![我他她])去借(?:也好|啊|阿|呗|吧|钱|点钱|一笔|个|网贷|高利贷|小贷|口子)|去贷(?:也好|款)|去凑(?:也好|钱)|找谁借"
                # 还不上就去借，
                "|(?<![我他她])(?:就|那就)去借(?=[,，。!！]|$)"
                f"|(?:让|叫)(?:他们|她|他|你家里人|{_FAMILY})(?:先)?(?:帮你|给你|替你)(?:垫上|垫|还上)",
                # 借也得给我借来 / 今天去借也要把钱还上 / 借也好凑也好 / 借高利贷也好
                "借也(?:得|要)(?:给我)?(?:去)?(?:借来|借到|借|凑)|去借也(?:要|得)|借也好(?:[、,]?(?:去)?(?:凑|贷)也好)"
                "|借高利贷也(?:好|得|要)",
                # 去别的app借一下 / 找个担保公司借 / 让她去借 / 把钱借到手
                "去(?:其他|其它|别的|另外的|别家)(?:app|平台|网贷|口子|地方)借(?=一下|啊|吧|呗|[,，。!！]|$)"
                "|找(?:个|家)?(?:担保公司|贷款公司|小贷公司|贷款中介)借"
                "|(?:让|叫)(?:她|他|他们|你妈|你爸|你爸妈)去(?:借|凑)",
                "把钱借到手",
                # 一人借你几百 / 一家借个五百一千
                "(?:一人|每人|一家|每家|一个人)借(?:你|个)?[\\d一二两三四五六七八九十百千几]{1,6}"
                f"(?={gap(12)}(?:凑|不就|就够|就有|也够))"),
        # 您就替他还了吧 / 先帮他垫上 / 帮她凑一凑把钱还上 (an emergency contact or a parent told to pay)
        *family("pay_for_them",
                "(?:帮|替)(?:他|她|他们|她们|你儿子|你女儿|你老公|你老婆|孩子|儿子|女儿|你弟|你哥)(?:先)?(?:把钱)?"
                f"(?:垫上|垫|凑一凑|凑钱|凑|{_REPAY})"),
        # 找你爸妈或者朋友凑一凑 / 找親戚朋友借一下先還
        *family("family",
                f"(?:找|问问|问|跟|向|让|求|去找)(?:你|您)?(?:的|那些|家的|家)?{_FAMILY}(?:{gap(4)}{_FAMILY})?(?:那边|那里|那儿|们)?{gap(3)}"
                "(?:借|凑|要|拿|周转|挪|筹|想办法)(?:一凑|一下|一点|点钱|点|些|钱)?(?!的)",
                f"(?:找|问|跟)(?:你|您)(?:的)?{_FAMILY}(?:开个口|开口)",
                f"{_FAMILY}(?:{gap(4)}{_FAMILY})?(?:那边|那里|那儿)(?:先)?(?:借|凑|要|拿|周转)(?:一凑|一下|一点|点钱|点|些|钱)?(?!的)",
                # 你同事那借个两千很难吗
                f"(?:你|您)(?:的)?{_FAMILY}那(?:借|凑)(?!了|过|的)",
                # 你家亲戚挨个问一遍 / 跟你舅说你出车祸了急用钱
                f"{_FAMILY}{gap(2)}(?:挨个|一个个|挨家)(?:问|借|打电话)",
                f"(?:跟|和|对)(?:你)?{_FAMILY}说(?:你)?{gap(4)}(?:急用钱|出车祸|出了车祸|住院|生病|做手术)"),
        # 花呗套现 / 刷pos套出来 / 信用卡刷一笔出来
        *family("cash_out",
                f"(?:花呗|信用卡|借呗|白条|额度|卡)(?:里)?(?:的钱)?(?:先)?.{{0,3}}?(?:刷pos机?|pos机?刷)?{_CASH_OUT}",
                f"刷pos机?{_CASH_OUT}?|pos机?刷{_CASH_OUT}?|套现|套出来|套一笔|刷出来|刷一笔出来"),
        # 过桥资金帮你垫还（日息千分之五）
        *family("bridge_loan",
                f"(?:过桥|垫还|垫资|垫款|代还|周转资金)(?:资金|款|服务|业务)?(?:{gap(6)}(?:垫还|代还|还上|结清|垫付))?"
                f"(?={gap(16)}(?:日息|月息|利息|手续费|服务费|收费|费用|个点|\\d+%|千分之|分息))",
                # 过桥垫资，秒到 / 先用我们的过桥资金顶上 / 先找我们垫
                f"(?:过桥|垫资|垫还|垫款)(?:资金)?{gap(4)}(?:秒到|当天到|马上到|顶上|垫上|还上)|找我们垫"),
        # 以贷养贷 / 借新还旧 — only when urged (confirm)
        *family("loan_cycle", "以贷养贷|以待养待|以贷还贷|借新还旧|拆了?东墙补西墙"),
        # 给你推荐个口子，秒批
        *family("recommend_lender",
                "(?:推荐|推|给你|介绍|发你|分享)(?:你|给你)?(?:一?个|几个|些|一些)?(?:新)?(?:口子|平台|贷款app|网贷|借款app|app|链接)"
                f"{gap(6)}(?:秒批|秒下|秒过|必下|秒到|包下|不看征信|能下款|下款快|好下|必过)"),
        # 能借多少借多少 / 挨个都借一遍
        *family("max_out",
                "能借多少(?:就)?借多少|有多少额度(?:就)?(?:借|用|套)多少",
                "(?:都|全部|挨个|一个个)(?:去)?(?:借|申请|试)一(?:下|遍)",
                # 你挨个点进去看看哪个还能借
                "(?:哪个|哪家)(?:还)?能借"),
    ),
    suppress=DEFAULT_SUPPRESS + (own_words, narrated),
    confirm=_borrow_confirm,
    explanation="催促你向其他平台、亲友借钱来还款（以贷养贷）。催收方不得诱导借新还旧，这会让债务越滚越大。",
    advice="不要为还这笔钱去借新的贷款；先通过官方渠道申请延期或分期。",
)

# ---------------------------------------------------------- urgent_pressure
_CLOCK = "(?:\\d?十[12一二]?|\\d{1,2}|[一二两三四五六七八九十])(?:点|时|:\\d{2})(?:半|\\d{1,2}分|整)?"
_DAY = "(?:今天|今日|今晚|当天|明天|明早|明日|今早|今夜|今儿|(?<![a-z])(?:today|tonight)(?![a-z]))"
_DAYPART = "(?:上午|下午|晚上|中午|早上|傍晚|夜里|凌晨)"
_DAY_OR_PART = "(?:今天|今日|今晚|当天|明天|明早|明日|今早|今夜|今儿|上午|下午|晚上|中午|早上|傍晚|夜里|凌晨|(?<![a-z])(?:today|tonight)(?![a-z]))"
_DUR = "[\\d半十][\\d半十]{0,2}(?:个)?(?:小时|钟头|h|分钟|min)"
_MONEY_VERB = (
    "(?:还(?!是|有|在|没|不|要|得|能|会|挺|可以|行|差|早|好|剩)|转(?!发|告|达|身|弯|头|移|化|正|学|变|换|载)"
    "|结清|打款|打钱|付款|付清|交钱|凑钱|缴)"
)
_ACTION = (
    f"(?:{_MONEY_VERB}|处理|联系|回复|回电|到账|上报|起诉|法务|移交|诉讼|上门|催收|上征信|否则|不然|必须|一次性|全额|有效|作废|失效|截止"
    "|平掉|平了|凑|借到|进来|到位|(?<![a-z])(?:pay|clear)(?![a-z]))"
)
_PRESSURE_CONTEXT_RE = lazy(
    "还款|还钱|还清|还上|欠|逾期|结清|账单|法务|催收|起诉|减免|打款|转账|本金|利息|罚息|征信|额度|协商|分期"
    "|上门|全额|一次性|上报|债|平台|贷|筹钱|凑钱|打钱|转钱|交钱|拖欠|调解|诉|仲裁|立案|法院"
    "|转入|转到|卡上|账户|资金|核查|到账|钱不|报案|刑事|经侦|公安|拘留|冻结|执行|限高|传票|移送|解冻|保证金|扣费"
)
_RELIEF_NEAR_RE = lazy("减免|协商|停息|挂账|免息|上岸|核销|延期|本金|利息|罚息|结清|分期")
_NOW = words_not_after(("马上", "立刻", "立即", "立马", "赶紧", "赶快", "速速", "火速", "现在就", "现在马上"), "请您我俺“\"「『")
# 专员半小时内联系你 / 审核通过后两小时内到账: a promise of speed to the reader, not a deadline
_PROMISE_TO_READER = "(?:联系你|联系您|回复你|回复您|给你回|给您回|到账|放款|下款|出结果|办好|处理好)"


_PAY_VERB_RE = lazy("[转还]|打款|打钱|凑钱|结清")


def _pressure_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, s, e = m.string, m.start(), m.end()
    if name in ("right_now", "clock_deadline.3") and _PAY_VERB_RE.search(m.group()):
        return True                       # 马上转 / 今晚不还就…: the verb itself is about a debt
    if "名额" in m.group():               # 名额有限 is every shop's line: only for a relief "quota"
        return _RELIEF_NEAR_RE.search(text, max(0, s - 20), min(len(text), e + 20)) is not None
    return _PRESSURE_CONTEXT_RE.search(text, max(0, s - 60), min(len(text), e + 40)) is not None


# 立即还款！立即还款！立即还款！: a demand (a verb with up to 4 characters before and 2 after) said three
# times, with up to 3 separators between.
_REPEATED_DEMANDS = ("还钱", "还款", "还", "转账", "打款", "结清", "处理", "回电", "接电话")
_BEFORE, _AFTER, _BETWEEN = 4, 2, 3
# The words one of which each repeat contains (还钱 and 还款 contain 还)...
_REPEATED_VERBS = tuple(d for d in _REPEATED_DEMANDS if not any(o != d and o in d for o in _REPEATED_DEMANDS))
# ...so that word occurs three times, the third at most this far after the first.
_REPEAT_SPAN = 2 * (_BEFORE + max(map(len, _REPEATED_DEMANDS)) + _AFTER + _BETWEEN)
_DEMAND = f"((?:[\u4e00-\u9fff]{{0,{_BEFORE}}})(?:{'|'.join(_REPEATED_DEMANDS)})(?:[\u4e00-\u9fff]{{0,{_AFTER}}}))"
_SEPARATOR = f"[!！。,，\\s]{{0,{_BETWEEN}}}"


def _said_thrice(text: str) -> bool:
    """The ``repeated`` pattern's demand occurs three times in a row, so one of its verbs occurs three
    times with at most ``_REPEAT_SPAN`` characters from the first to the third."""
    for verb in _REPEATED_VERBS:
        if text.count(verb) < 3:
            continue
        at, p = [], text.find(verb)
        while p >= 0:
            at.append(p)
            p = text.find(verb, p + 1)
        if any(c - a <= _REPEAT_SPAN for a, c in zip(at, at[2:])):
            return True
    return False


URGENT_PRESSURE = Rule(
    id="urgent_pressure",
    patterns=(
        # 今天18点前 / 今晚12点之前 / 下午5点前 / 今天之内 (+ pay or handle)
        *family("clock_deadline",
                # …and 今天天黑之前把钱借到手 / 下班前凑齐
                f"(?:{_DAY_OR_PART}{_DAYPART}?{_CLOCK}(?:之前|以前|前|为止|截止)|(?:{_DAY_OR_PART}|下班|天黑|今天天黑)(?:之前|以前|前))"
                f"(?={gap(10)}{_ACTION})",
                f"{_DAY}(?:之内|以内|内|下班前|天黑前|必须|务必|一定要)(?={gap(8)}{_ACTION})",
                # 今天不处理就… / 今晚再不还的话就… / 今天不还，明天…
                f"{_DAY}(?:之内|内)?(?:再|还)?不(?:还|处理|结清|还钱|还款|打款|联系|回复|回电|到账|pay|clear)(?:上|清)?(?:的话)?"
                "(?:就|立刻|马上|(?=[,，]))",
                # 23:59前看不到全额还款 / 三点前不到账
                f"(?<![\\d:])(?:\\d{{1,2}}:\\d{{2}}|\\d{{1,2}}点)(?:之前|以前|前)(?={gap(10)}{_ACTION})",
                # 23:59是底线 / 今晚12点截止 / 减免名额今晚截止
                f"(?:{_DAY_OR_PART}{_DAYPART}?(?:{_CLOCK})?|\\d{{1,2}}:\\d{{2}})(?:之前|以前|前)?(?:是)?(?:底线|最后底线|截止)",
                # 三日内不处理将… / 3天内必须…
                f"(?:[1-3]|24|48|72)(?:个)?(?:日|天|h|小时)(?:之内|以内|内)(?:不|必须|务必)(?={gap(6)}{_ACTION})",
                view="digits"),
        # 半小时内 / 2h内 / 给你半小时 / 倒计时两小时 / ⏰1小时内
        *family("hours_deadline",
                f"{_DUR}(?:之内|以内|内)(?!{ngap(3)}{_PROMISE_TO_READER})(?={gap(10)}{_ACTION})",
                f"(?:给你|限你|只给你|你只有|还剩|仅剩|倒计时|⏰|⏳|⌛)\\s?{_DUR}(?:之内|以内|内)?",
                # 给你最后一晚 / 只有今晚一次机会 / 半天时间给你
                f"(?:最后|只等你|再等你)\\s?{_DUR}(?:之内|以内|内)?"
                "|(?:给你|你只有|只给你)?最后(?:[1一]晚|[1一]天|[1一]个晚上|半天)|(?:你只有|只给你|只有)(?:今晚|今天|明早)(?:[1一]次)?(?:机会)?"
                "|半天时间给你",
                "倒计时(?:[\\d一两二三四五六七八九十]{1,3}(?:个)?(?:小时|分钟|天))?",
                view="digits"),
        # 马上转 / 立即还款 / 现在就还 (not 请尽快 / 我马上转你)
        *family("right_now", f"{_NOW}(?:给我)?(?:把钱)?{_MONEY_VERB}(?!(?:给)?你)",
                # 速加QQ解冻 / 速将款项转至… / 速领
                "(?<![迅快加高车风时网光飞极全])速(?:加|领|办|处理|回电|回复|转|将|联系|还|来|到)"),
        # 最后通牒 / 过时作废 / 领导只批了今天 / 减免名额只剩2个
        *family("last_chance",
                "最后一次机会|最后(?:的)?机会|最后通牒|最后期限|过时作废|过期作废|过时不候|逾期作废|限时(?:处理|办理|结清|还款)"
                "|仅限今[天日晚]|只限今[天日晚]|过了今[天晚]|错过(?:今天|今晚|这次)|名额有限|仅剩\\d*个?名额|只剩\\d*个?名额"
                "|只保留到|只保留(?:今天|今晚)|机会只有一次|最后一次(?:提醒|通知|警告)"
                # 逾期额度作废 / 打了名额就作废 / 错过等十年 / 晚了就上征信
                "|(?:名额|优惠|资格|机会)(?:就|将|即|会|自动)?(?:作废|没了|收回)|(?:额度|方案)(?:就|将|自动)?作废|过期做废|错过(?:就|等)"
                "|晚了(?:就|可就)|急(?:用|需)(?:用)?钱|十万火急|(?<![着不别])急[!！]",
                "(?:领导|上面|主管|公司|经理)只(?:批|给|留)(?:了)?(?:你)?(?:到)?(?:今天|今晚|明早|明天|\\d+点)",
                view="digits"),
        # 今天必须一次性还清 / 必须全额结清 / 没有分期这一说
        *family("full_now",
                "(?:今天|今晚|今日|当天|现在)(?:之内|内)?(?:必须|只能|一定要|务必)(?:在)?(?:今天|今晚|今日|马上|立刻|现在)?"
                "(?:一次性|全额|全部)(?:全额)?(?:结清|还清|还款|还上|付清|还完|支付|偿还|还)",
                "(?:必须|只能|一定要|务必|只接受)(?:在)?(?:今天|今晚|今日|马上|立刻|现在)?"
                "(?:一次性|全额|全部)(?:全额)?(?:结清|还清|还款|还上|付清|还完|支付|偿还|还)",
                "没有分期(?:这)?一说|不(?:接受|给|能)分期(?:了)?(?=[,，]?(?:必须|只能))"),
        # 后果自负 / 别怪我们 / 自己看着办
        *family("empty_consequence",
                "后果自负|后果自己承担|别怪我们|别怪我(?!说话|多嘴|直说|啰嗦)|自己看着办|后果很严重|后果不堪设想|到时候别后悔|后果(?:你)?承担不起"),
        # 立即还款！立即还款！立即还款！
        Pat("repeated", f"{_DEMAND}{_SEPARATOR}\\1{_SEPARATOR}\\1",
            guard=_said_thrice,
            hs="|".join(f"{v}{byte_gap(_REPEAT_SPAN - len(v))}{v}{byte_gap(_REPEAT_SPAN - len(v))}{v}"
                        for v in _REPEATED_VERBS),
            hs_bytes=True),
    ),
    suppress=DEFAULT_SUPPRESS + (own_words, official_notice_once),
    confirm=_pressure_confirm,
    explanation="制造紧迫感：“今天必须全额还清”“最后机会”“过时作废”。这是让人来不及核实就付款的常见手法。",
    advice="不要因为催促而匆忙付款；先在官方App核对欠款和可选方案。",
)
