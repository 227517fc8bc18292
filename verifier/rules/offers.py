"""``verbal_only_waiver`` (high) and ``too_good_offer`` (medium), added in 0.1.0.

verbal_only_waiver — a reduction that exists only as a spoken or chat promise,
or "pay part now, I'll apply for the rest". Families (rule_catalog.md §3):
pay part first and the helper applies for the rest; an off-system waiver
(特批/内部 … 系统看不到); no document needed (不用签协议, 电话录音就算数, 只能口头);
ignore the amount in the app (App上的金额别管, 按我报的数还); the result or the
agreement only after payment (先打款，批下来再发你结果; 协议等你打款后再补).
Hit: 你先还两千，剩下的我帮你申请全部免掉 → evidence ``先还两千，剩下的我帮你申请全部免掉``.
Near miss: 我打算这个月先还一部分，剩下的等发了年终奖再还 (the debtor's own plan);
official in-app plan notices (本次延期无需签署纸质协议，在App内点击确认即生效),
a debtor retelling what customer service said, warnings.

too_good_offer — offers too good to be true from an unofficial party (§11):
all interest and penalties waived, principal only, a cut of the principal
(本金打五折, 欠10万只还3万, 减免80%), certainty (百分百/包上岸/不成功全退), years
with nothing to pay, 0息60期, no consequences (停催停诉/不上征信), a fake policy
or quota (国家新政策/内部名额).
Hit: 利息罚息全部免掉，你只需要还本金 → evidence ``利息罚息全部免掉``.
Near miss: 请问逾期了还能协商只还本金吗？ (a question); the same words in an
official written notice (【花呗】…请在支付宝App内确认), a court document, a warning,
or denied (只还本金是不可能的).

Every pattern starts with a literal word, so the regex engine skips ahead on
long inputs; a family with several shapes is several patterns (:func:`family`).
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import lru_cache

from .base import (
    DEFAULT_SUPPRESS, OFFICIAL_SIG_RE, OWN_PLAN_RE, Doc, Pat, Rule, Suppressor, gap, narrated, official_notice,
)


def ngap(n: int) -> str:
    """Like :func:`gap` but never crosses a negation (不/没/无/未)."""
    return f"[^。！？!?\\n不没无未]{{0,{n}}}"


def cgap(n: int) -> str:
    """Like :func:`gap` but stays inside one clause (no commas)."""
    return f"[^。！？!?\\n,，;；]{{0,{n}}}"


def family(name: str, *shapes: str, view: str = "text") -> tuple[Pat, ...]:
    """One pattern family written as several regexes, each starting with a literal.

    The patterns are named ``name``, ``name.2``…; a ``confirm`` function sees
    the family name with ``base_name``.
    """
    return tuple(Pat(name if i == 0 else f"{name}.{i + 1}", s, view=view) for i, s in enumerate(shapes))


def base_name(pattern_name: str) -> str:
    return pattern_name.split(".")[0]


def words_not_after(words: tuple[str, ...], before: str) -> str:
    """``(?:w1|w2…)`` where no word directly follows a character of ``before``."""
    return "(?:" + "|".join(f"{w}(?<![{before}]{w})" for w in words) + ")"


@lru_cache(maxsize=32)
def message_has(rx: re.Pattern, text: str) -> bool:
    """``rx`` occurs anywhere in ``text`` (cached: hits of one long message share it)."""
    return rx.search(text) is not None


_STOP_RE = lazy("[。！？!?\\n]")
_LAST_STOP_RE = lazy("(?s:.*)[。！？!?\\n]")   # one match of a stretch ends just after its last stop


def sentence_around(text: str, s: int, e: int, reach: int = 80) -> str:
    """The sentence of ``text[s:e]``, at most ``reach`` characters either side."""
    lo = max(0, s - reach)
    m = _LAST_STOP_RE.match(text, lo, s)
    if m is not None:
        lo = m.end()
    hi_m = _STOP_RE.search(text, e, e + reach)
    return text[lo:hi_m.start() if hi_m else min(len(text), e + reach)]


# ------------------------------------------------------- shared suppressors
# Questions in the hit's own clause; the debtor's own plan or narrative
# (the clause opens with 我 and speaks to nobody). Collectors say 我 too
# (我这边特批的, 我已经帮你申请了), so 我这边/我们/我司 and clauses that address
# 你/您 are not the debtor's own words.
_CLAUSE_QUESTION_RE = lazy(
    "[?？]|吗|呢[,，。]?$|能不能|可不可以|可以不|是不是|会不会|有没有|靠不靠谱|怎么办|是否"
)
_ASK_OPENER_RE = lazy("请问|想问|问一下|问下|咨询一下|能不能|可不可以|是否")
_FIRST_PERSON_RE = lazy("^[\\s,，、:：“”\"'(（]*(?:我|俺|本人)(?!们|这边|这里|方|司|行)")
_ADDRESSED_RE = lazy("你|您|必须|给我|赶紧|马上|立刻|否则|不然")
_REACH = 80   # how far a suppressor looks around a hit: long inputs stay linear


def _own_words(doc: Doc, start: int, end: int) -> bool:
    clo, chi = doc.clause(start, end)
    clo, chi = max(clo, start - _REACH), min(chi, end + _REACH)
    if _CLAUSE_QUESTION_RE.search(doc.plain, clo, chi):
        return True
    slo, shi = doc.sentence(start, end)
    slo, shi = max(slo, start - _REACH), min(shi, end + _REACH)
    if _ASK_OPENER_RE.search(doc.plain, slo, start):
        return True
    prefix, upto_end = doc.plain[clo:start], doc.plain[clo:end]
    if "你" in upto_end or "您" in upto_end:     # 我给你两个小时: speaking to the debtor
        return False
    if _FIRST_PERSON_RE.search(prefix) or OWN_PLAN_RE.match(prefix.lstrip(" ,，")):
        return True
    # 我跟催收说了，先还两千…: a sentence the debtor tells about himself, to nobody
    sentence = doc.plain[slo:shi]
    return bool(_FIRST_PERSON_RE.search(sentence)) and not _ADDRESSED_RE.search(sentence)


own_words = Suppressor(
    "own_words", "sentence", _own_words,
    "a question in the hit's clause, or the debtor's own plan or story (我打算先还一部分…/请问能不能…)")

# The engine's ``official_notice``, looked up once per message: it reads the
# whole text, and a long message can have many hits.
official_notice_once = Suppressor(
    official_notice.name, official_notice.scope,
    lambda doc, start, end: message_has(OFFICIAL_SIG_RE, doc.plain), official_notice.doc)

# 只还本金是不可能的 / 全免利息那是骗人的: the words right after the hit deny it.
_DENIED_RE = lazy("不可能|不现实|做不到|办不到|没这回事|没有这种|没这种|是假的|骗人|别信|不靠谱|不存在")


def _denied(doc: Doc, start: int, end: int) -> bool:
    _, hi = doc.sentence(start, end)
    return _DENIED_RE.search(doc.plain, end, min(hi, end + 12)) is not None


denied = Suppressor(
    "denied", "clause", _denied, "the words right after the hit deny it (只还本金是不可能的)")

_COURT_RE = lazy("人民法院|调解书|判决书|裁定书|民事判决|仲裁委|仲裁裁决|调解协议|裁判文书|法院判决|法院调解")


def _court_document(doc: Doc, start: int, end: int) -> bool:
    return message_has(_COURT_RE, doc.plain)


court_document = Suppressor(
    "court_document", "message", _court_document,
    "the message quotes a court judgment or mediation document (调解书载明…)")

# An in-app, written confirmation: the official process.
IN_APP_CONFIRM_RE = lazy(
    f"(?:在|到|登录|通过|以)(?:支付宝|网商银行|手机银行|掌上生活|官方)?(?:app|客户端|页面)(?:内|里|上)?{gap(12)}"
    "(?:确认|查看|签署|生效|为准)"
)
# Anything that leaves the official channel: such a message is never official.
OFF_CHANNEL_CUE_RE = lazy(
    "加(?:我|一下|个)?(?:我们)?的?(?:企业)?(?:微信|qq|telegram)|微信号|私聊|私信|[打拨]我(?:的)?(?:手机|电话|私人)"
    "|直接(?:打|拨|找|联系)我"
    "|(?:转|打|付|汇)(?:到|给|进)?我(?:的|们的)?(?:卡|账户|账号|微信|支付宝)|个人账户(?!转账)|http|www\\.|\\.com|\\.cn"
    "|扫(?:一下)?(?:我|这个)|收款码|验证码(?:发|给|报|告诉)|安装包|apk|qq|视频会议|会议室|会议号|屏幕共享|共享屏幕"
    "|二维码|二微码|对方的?(?:银行)?(?:账号|账户|卡号)"
    "|下载(?!网商银行|支付宝|手机银行|掌上生活|买单吧|云闪付|[\u4e00-\u9fff]{2,4}银行)"
)

# ---------------------------------------------------- verbal_only_waiver
_AGENT = "(?:我(?![行司方])|帮你|给你|替你|帮您|给您|领导|主管|经理|上面|上级|后台|内部|公司)"
# 先还/先把5000打 — not 我先还 (the debtor's own plan)
_PAY_FIRST = f"先(?<![我俺]先)(?:把{gap(6)}?)?(?:还|付|打|转|交|结清|结)"
_REST = "(?:剩下|剩余|其余|其他|其它|余下|另一半|另外|尾款|利息|罚息|违约金|息费|后面的|多出来)"
_APPLY = "(?:申请|去批|批|争取|走流程|打报告|报上去|搞定|核销|处理|去谈|去说)"
_WAIVE_END = "(?:全部免掉|全免|免掉|免除|减免|免了|核销|销账|销掉|处理掉|抹掉|清零|不用还|免)"
_WAIVE_END_RE = lazy(_WAIVE_END)
_VERBAL_DEBT_RE = lazy(
    "减免|免|核销|销账|逾期|欠|利息|罚息|结清|催收|协商|账单|本金|网贷|花呗|借呗|信用卡|债|还款|还钱|还清|还完|还上|先还"
    "|方案|分期|延期|停息|挂账|专员|金额|还[\\d一二两三四五六七八九十百千万]|(?<![也还])还(?=就行|就好|吧|[。,，!！?？]|$)"
)
# 协议不用签 + 录音就算数: an agreement said to need no paper is negotiation talk by itself
_PAPER_RE = lazy("协议|合同|书面")
_ORAL_RE = lazy("口头|录音|说好|说的|答应|算数|作数")
_SYS_INVISIBLE = (
    f"(?:系统|后台|app|页面|账单|电脑|网上|官网)(?:里|上|中|内)?(?:面)?{ngap(4)}"
    "(?:看不到|查不到|不显示|显示不了|显示不出来|没有显示|不会显示|不体现|体现不了|没有记录|没记录|查不出)"
)
_OFF_SYSTEM_CUE = "(?:特批|内部|私下|个人权限|口头|线下)"
_SAID = "(?:说好|讲好|谈好|答应|说)(?:的|了)"
_DOC = "(?:协议|合同|方案|证明|凭证|减免结果|结果|回执|截图)"
_AMOUNT_WORD = "(?:金额|数字|数额|数目|数|欠款|账单|钱数)"


def _verbal_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, s, e = m.string, m.start(), m.end()
    family_name = base_name(name)
    # 先交首付，剩下的我们帮你申请按揭: without a waiver word it must be about a debt
    if family_name == "pay_part_then_apply" and not _WAIVE_END_RE.search(m.group()):
        if not _VERBAL_DEBT_RE.search(text, max(0, s - 40), min(len(text), e + 40)):
            return False
    # 这次合作不用签合同 / 时间以我说的为准: only in debt talk, or paper and word together
    if family_name in ("no_document", "word_is_enough", "ignore_app_amount"):
        if not (_VERBAL_DEBT_RE.search(text, max(0, s - 60), min(len(text), e + 60))
                or (message_has(_PAPER_RE, text) and message_has(_ORAL_RE, text))):
            return False
    # 无需签署纸质协议，在App内点击确认即生效: the official in-app process
    return not IN_APP_CONFIRM_RE.search(sentence_around(text, s, e))


VERBAL_ONLY_WAIVER = Rule(
    id="verbal_only_waiver",
    patterns=(
        # 先还两千，剩下的我帮你申请全部免掉 / 本金你先结清，利息那块我们后面内部帮你处理掉
        *family("pay_part_then_apply",
                f"{_PAY_FIRST}{gap(14)}{_REST}{gap(10)}{_AGENT}{gap(8)}"
                f"(?:(?:{_APPLY}|想办法){gap(6)}{_WAIVE_END}|{_WAIVE_END}|{_APPLY})"),
        # 减免是我这边特批的，系统里暂时看不到 / 系统看不到，是内部特批的 / 这个优惠不走系统
        *family("off_system",
                f"{_OFF_SYSTEM_CUE}{ngap(12)}{_SYS_INVISIBLE}",
                f"{_SYS_INVISIBLE}{ngap(8)}(?:特批|内部|私下|个人权限|口头)",
                f"(?:减免|免息|优惠|方案|折扣|全免){ngap(8)}不走(?:系统|流程|app|线上|官方)"),
        # 我已经帮你在后台备注了免息
        *family("backend_note",
                f"(?:后台|系统)(?:里|上)?(?:已经)?(?:给你|帮你)?(?:备注|标注|改|调|设置)(?:了|成)?{ngap(4)}"
                "(?:免息|减免|全免|免罚息|结清)"),
        # 不用签协议 / 协议就不用签了 / 书面的发不了 / 只能口头告诉你
        *family("no_document",
                "(?:不用|不需要|没必要|不必|用不着|无需|无须)(?:再)?(?:签|签署|签订|写|走)(?:什么|任何)?(?:书面|纸质|电子)?"
                "(?:的)?(?:协议|合同|字|文件|手续)",
                "(?:协议|合同|书面协议|字)(?:什么的)?(?:就|也|都)?(?:不用|不必|没必要|不需要|用不着|无需)(?:再)?(?:签|签署|写)"
                "|(?:协议|合同)(?:什么的)?(?:就|也|都)?(?:没必要|用不着|不需要)(?=[,，。.!！\\s]|$)"
                # 先打首期，协议后补 / 结果我打电话告诉你，不用等书面的
                "|(?:协议|合同)(?:以后|之后|后面|晚点)?(?:后补|再补|补给你)|不用等书面|不用书面",
                "(?:书面|纸质|电子)(?:的|版)?(?:协议|合同|文件|材料|东西)?(?:是|就|都)?"
                "(?:发不了|给不了|出不了|开不了|没法给|没法出|没法发|不能给|不能发|不提供|不给)",
                "只能(?:跟你|给你|和你)?口头(?:跟你|给你|和你)?(?:告诉|说|通知|答应|承诺|确认)"),
        # 电话录音就算数 / 微信里说好的为准 / 聊天记录就当协议
        *family("word_is_enough",
                "(?:电话录音|通话录音|录音|口头(?:承诺|约定|答应|说好|说的|同意)?|我(?:们)?(?:这边)?(?:说|报|讲)的"
                f"|微信(?:上|里)?{_SAID}|聊天(?:上|里)?{_SAID}|电话(?:上|里)?{_SAID}|聊天记录|截图)"
                f"(?:的)?(?:话)?{ngap(6)}"
                "(?:就算数|算数|为准|作数|就有效|当(?:作|是)?凭证|就是凭证|当(?:作|是)?协议|就是协议|作为凭证)"),
        # App上显示的数字你别管 / 按我报的这个数还
        *family("ignore_app_amount",
                f"(?:app|页面|账单|系统|短信|网上|手机)(?:上|里|中|内)?(?:面)?(?:显示)?(?:的)?{_AMOUNT_WORD}?{cgap(4)}"
                "(?:别管|不用管|不要管|别看|不用看|不用理|别理|不准|不作数|不算数|忽略|不用在意|不是真的)",
                "(?:按|照)(?:我|我们)(?:这边)?(?:刚才|刚刚)?(?:给你|跟你)?(?:报|说|给|发|算|讲|核算)(?:给你)?的(?:这个|那个)?"
                f"{_AMOUNT_WORD}?{gap(3)}(?:还|转|打|付|交)"),
        # 先把钱打过来，等批下来我再把减免结果截图发你 / 协议等你先打款之后再补给你
        *family("result_after_payment",
                f"{_PAY_FIRST}(?:过来|给我|过去|进来|了)?{gap(12)}"
                "(?:批下来|批了|审批|审核|通过|到账|收到|钱到|打完|转完|之后|以后)"
                f"{gap(10)}(?:再|才)(?:把|给|发|出|补|寄|开){gap(8)}{_DOC}(?:{gap(3)}(?:发你|给你|发您|给您|发过来|寄给你))?",
                f"{_DOC}{gap(6)}(?:打款|还款|转账|付款|还完|还清|付完|转完|打完|钱到账|钱到|到账|款到)"
                "(?:之后|以后|后|了)?(?:再|才)(?:补|发|给|出|寄|签|开)(?:发|寄|签)?(?:给你|给您|发你|你|您)?"),
    ),
    suppress=DEFAULT_SUPPRESS + (own_words, narrated, denied),
    confirm=_verbal_confirm,
    explanation="减免只停留在口头或聊天承诺，或“先还一部分，剩下的我帮你申请”。没有App内或书面协议的减免不算数，钱还了、减免却可能不存在。",
    advice="在付款前要求平台在App内或以书面协议确认减免金额和结清条件；口头承诺不要付款。",
)

# ---------------------------------------------------------- too_good_offer
_FEE = "(?:利息|罚息|违约金|息费|滞纳金|复利|罚金|逾期费|手续费|服务费)"
_FEES = f"{_FEE}(?:[和跟及与、,/]{{0,2}}{_FEE}){{0,2}}"
_WAIVE = "(?:减免|免掉|免除|免了|豁免|不用还|不用交|核销|抹掉|去掉|清零|取消|勾销|免)"
_NUM = "(?:\\d{1,3}(?:\\.\\d)?|[一二三四五六七八九十两半])"
_RELIEF_RE = lazy("减免|全免|免除|免息|免掉|只还本金|不用还|停息|挂账|核销|停催|打折|\\d折|[一二三四五六七八九]折")
_DEBT_CONTEXT = (
    "逾期|欠|还款|还钱|还清|本金|利息|罚息|息费|违约金|减免|协商|停息|挂账|停催|催收|征信|上岸|网贷|贷款|借款"
    "|信用卡|花呗|借呗|白条|分期|延期|结清|核销|债|额度|起诉|[0零免利罚停]息|\\d+期|修复|网黑|黑户|花户|下款"
)
_UNIT = {"万": 10000, "w": 10000, "千": 1000, "k": 1000}
_SURE = "(?:协商成功|成功|通过|上岸|能办|下款|批|搞定|减免|停息)"
_PROMISE = "(?:能|可以)?(?:成功|通过|批下来|上岸|办成|搞定|协商成功|下款)"


def _amount(num: str, unit: str) -> float:
    if "十" in num:
        a, _, b = num.partition("十")
        value = (float(a) if a else 1) * 10 + (float(b) if b else 0)
    else:
        value = float(num)
    return value * _UNIT.get(unit, 1)


def _offer_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, family_name = m.string, base_name(name)
    if family_name == "fake_policy":      # a policy or quota, with a relief word close by
        s, e = m.span()
        if not _RELIEF_RE.search(text, max(0, s - 20), min(len(text), e + 20)):
            return False
    if family_name == "amount_cut":       # 欠10万只还3万: a real cut, not 欠10万只还了1万
        owed, paid = _amount(m["owed"], m["ou"] or ""), _amount(m["paid"], m["pu"] or m["ou"] or "")
        if not paid < 0.7 * owed:
            return False
    # The same words through the official channel, in writing, are the real thing.
    return not (message_has(IN_APP_CONFIRM_RE, text) and not message_has(OFF_CHANNEL_CUE_RE, text))


TOO_GOOD_OFFER = Rule(
    id="too_good_offer",
    patterns=(
        # 利息罚息全部免掉 / 所有利息、罚息一律免除 / 息费全免 / 一分利息都不用还
        *family("waive_all",
                f"{_FEES}{ngap(4)}(?:全部|全额|全都|全|都|统统|一律|一并|通通)(?:都|也)?(?:给你|帮你|可以)?{_WAIVE}",
                f"(?:全部|所有|一切)(?:的)?{_FEES}{ngap(4)}{_WAIVE}",
                f"全免(?:掉)?{_FEE}|全免息|一分(?:钱)?{_FEE}?都不用(?:还|交|出)|免息还本|还本免息"
                # 加我v，给你免息 / 加QQ免罚息 / 利息全停 / 全部停息
                "|(?:给你|帮你|帮您|给您|都能|包)(?:办理?)?(?:全部)?(?:免息|免罚息|免利息|停息(?!挂账|分期|挂帐)|停催)|利息全停|全部停息"
                f"|一分(?:钱)?{_FEE}?(?:都)?不(?:用还|收|用交)",
                f"(?:免|免掉|免除|减免|豁免)(?:掉)?(?:你)?(?:的)?(?:全部|所有)(?:的)?{_FEES}(?![及和、与跟]部分)"),
        *family("principal_only", "(?:只|仅)(?:需要?|用|要)?(?:归?还|偿还|还)(?:个)?本金"),
        # 本金直接打五折 / 本金减半 / 减免80%
        *family("principal_cut",
                f"本金(?:直接)?打折|(?:欠款|债务|本金)(?:能|可以|可)?(?:免|减)(?:一半|大半|掉一半)"
                f"|本金{ngap(6)}(?:打(?:个)?{_NUM}折|{_NUM}折|减半|砍半|减一半|砍一半|打对折|对折"
                f"|只(?:需|要|用)?还{_NUM}成|(?:减|减免|免|砍|优惠)(?:掉)?(?:\\d{{2}}%|一半|大半|百分之[五六七八九]十))",
                "(?:减免|免除|免掉|砍掉|减掉)(?:欠款|债务|金额|总额)?(?:的)?(?:[5-9]\\d|100)%"
                # 最高免80% / 减免利息罚息最高90%
                "|最高(?:可)?(?:减免|免|减)?(?:[5-9]\\d|100)%|(?:减免|免)[^,。!?\\n]{0,8}最高(?:[5-9]\\d|100)%",
                view="digits"),
        # 欠10万只还3万 (checked: the second sum is well below the first)
        *family("amount_cut",
                "(?:欠(?:了|款)?|共|总共|一共|总计|合计|负债)(?P<owed>\\d{1,4}(?:\\.\\d{1,2})?|\\d?十\\d?)(?P<ou>万|w|千|k)"
                f"(?:块|元)?{ngap(10)}(?:只(?:需|要|用)?(?:还|付|出|交)|只要|仅需|仅还|还(?=[\\d.]+(?:万|w|千|k)?\\d*(?:就|即可)))"
                "(?P<paid>\\d{1,4}(?:\\.\\d{1,2})?|\\d?十\\d?)(?P<pu>万|w|千|k)?",
                view="digits"),
        # 成功率100% / 百分百协商成功 / 包上岸 / 保证成功 / 不成功全额退款
        *family("certainty",
                "成功率(?:是|达|高达|达到)?(?:百分百|百分之百|100%)"
                f"|百分百{_SURE}?|百分之百{_SURE}?|100%{_SURE}?"
                "|包(?<![红钱书背面打皮荷腰]包)(?:你)?(?:成功|过|批|下款|通过|上岸|协商成功|办成|减免|停息|全免息|全免|免息|删掉|删除)"
                "|稳过|必过|稳上岸|(?:黑户|网黑|花户)(?:也能|也可以|都能|秒)(?:下款?|贷|做|批)"
                f"|保证{_PROMISE}|承诺{_PROMISE}|确保{_PROMISE}|绝对{_PROMISE}"
                "|零风险|不成功(?:全额|全部)?(?:退款|退费|全退|退钱|不收费)"),
        # 三年之内一分钱都不用还 / 零利息分60期 / 0息60期
        *family("long_deferral",
                f"[\\d半]\\d?(?:个)?年(?:之内|以内|内|里)?{gap(4)}(?:一分钱)?(?:都|也)?不(?:用|需要|必)(?:再)?还",
                f"[0零](?:息|利息|利率|手续费|费率)(?:分)?{gap(3)}(?:36|48|60|72|84|96|120)期",
                f"(?:36|48|60|72|84|96|120)期{gap(3)}[0零](?:息|利息|利率|手续费)",
                "免息分(?:36|48|60|72|84|96|120)期",
                f"(?:延期|停息){gap(2)}[\\d半](?:个)?年(?:不计息|免息|不用还|不还)",
                view="digits"),
        # 停催停诉 / 不上征信 / 保证不影响征信
        *family("no_consequences",
                "停催停诉|不上征信(?<!会不上征信)|征信无痕|不留(?:任何)?(?:痕迹|记录|案底)|永不催收|不留痕",
                "(?:保证|包|承诺|确保|而且|并且|也|绝对|全程|永久|还能)(?:你)?"
                "(?:不影响征信|不会上征信|不起诉|不会被起诉|不会起诉|不催收)"),
        # 国家出了新政策（…全免）/ 内部名额 / 特殊通道 — with a relief word close by
        *family("fake_policy",
                "(?:国家|国务院|央行|人民银行|银保监|金融监管总局|监管部门|政府)(?:最新|刚刚?|新)?"
                "(?:出台?了?|发布了?|颁布了?|推出了?|下发了?|有)?(?:的)?(?:新|最新|一项|个|一个)?(?:政策|文件|规定)",
                "内部(?:名额|渠道|通道|政策)|特殊(?:通道|渠道|政策)|绿色通道|关怀政策|专项政策|惠民政策|纾困政策"),
    ),
    context=(_DEBT_CONTEXT,),
    context_window=40,
    suppress=DEFAULT_SUPPRESS + (own_words, narrated, denied, official_notice_once, court_document),
    confirm=_offer_confirm,
    explanation="许诺“全免利息罚息”“只还本金”“包成功”等过于优厚的条件。这类承诺来自非官方渠道时，多是骗取手续费或转账的诱饵。",
    advice="任何减免只以官方App或官方客服给出的书面方案为准，不要相信第三方的保证。",
)
