"""``verbal_only_waiver`` (high) and ``too_good_offer`` (medium), added in 0.1.0.

verbal_only_waiver — a reduction that exists only as a spoken or chat promise,
or "pay part now, I'll apply for the rest". Families (rule_catalog.md §3):
pay part first and the helper applies for the rest; an off-system waiver
(特批/内部 … 系统看不到); no document needed (不用签协议, 电话录音就算数, 只能口头);
ignore the amount in the app (App上的金额别管, 按我报的数还); the result or the
agreement only after payment (先打款，批下来再发你结果; 协议等你打款后再补).
Added later: the remainder waived with no "pay first" before it (剩下的他会帮你跟公司申请
核销, 剩下的下个月我再帮你往上报); an oral promise (减免的事我口头答应你了, 我说话算数); the
paper only later (书面的等批了再说, 结清证明我后面再发你); the waiver kept out of the app
(不会在App里显示, App那边走的还是原价, App里一还减免就作废); no trace (不会有短信通知, 还没录入系统, 别去问客服 — with a waiver
word close by); typed variants (申情, 和销, 协意) and mixed English (the rest, waive, verbal approve).
Hit: 你先还两千，剩下的我帮你申请全部免掉 → evidence ``先还两千，剩下的我帮你申请全部免掉``.
Near miss: 我打算这个月先还一部分，剩下的等发了年终奖再还 (the debtor's own plan);
official in-app plan notices (本次延期无需签署纸质协议，在App内点击确认即生效),
a debtor retelling what customer service said, warnings.

too_good_offer — offers too good to be true from an unofficial party (§11):
all interest and penalties waived, principal only, a cut of the principal
(本金打五折, 欠10万只还3万, 减免80%, 本金只还一半, 只需支付本金的六成), certainty
(百分百/包上岸/不成功全退), years with nothing to pay (0息60期, 延期三年期间不计利息), no
consequences (停催停诉/不上征信), a fake policy or quota (国家新政策/内部名额); English words too
(waive全部penalty, principal打六折).
Hit: 利息罚息全部免掉，你只需要还本金 → evidence ``利息罚息全部免掉``.
Near miss: 请问逾期了还能协商只还本金吗？ (a question); the same words in an
official written notice (【花呗】…请在支付宝App内确认) or in the creditor's own written plan (the
rule yields to ``written_confirmation`` when nothing off the channel is asked), a court document,
a warning, or denied (只还本金是不可能的).

Every pattern starts with a literal word, so the regex engine skips ahead on
long inputs; a family with several shapes is several patterns (:func:`family`).
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from functools import lru_cache

from .base import (
    DEFAULT_SUPPRESS, OFF_CHANNEL, OFFICIAL_SIG_RE, OWN_PLAN_RE, Doc, Pat, Rule, Suppressor, gap, narrated, near,
    official_notice,
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
# 先还/先把5000打 — not 我先还 (the debtor's own plan); 换 and 匯 are typed for 还 and 汇
_PAY_FIRST = f"先(?<![我俺]先)(?:把{gap(6)}?|给我(?:们)?)?(?:还|换|付|打|转|交|汇|结清|结|清|pay ?)"
_REST = "(?:剩下|剩余|其余|其他|其它|余下|另一[半办]|另外|尾款|利息|罚息|违约金|息费|后面的|多出来|the rest|remaining|interest|penalty)"
# the remainder words alone (a family that needs no "pay part first" before it)
_REMAINDER = "(?:剩下|剩余|其余|余下|另一[半办]|尾款|余款|the rest|remaining)"
# 申情/和销: homophones typed for 申请/核销
_APPLY = "(?:申[请情]|去批|批|争取|走流程|打报告|报上去|往上报|上报|搞定|[核和]销|处理|去谈|去说|协调|沟通|说情|apply|submit)"
_WAIVE_END = "(?:全部免掉|全免|免掉|免除|减免|免了|[核和]销|销账|销掉|处理掉|抹掉|清零|平掉|平了|消化掉|坏账|不用还|waive|write ?off|免)"
# a waiver word that is debt talk by itself (处理掉/清零/平掉 are not)
_DEBT_WAIVE_RE = lazy("免|[核和]销|坏账|销账|waive|write ?off")
# …a waiver word or "reporting it up": no debt words needed around it (先交首付，剩下的帮你申请按揭 needs them)
_STRONG_END_RE = lazy(_WAIVE_END + "|打报告|往上报|报上去|上报|去批|跟上面|找领导|找组长|找主管")
_VERBAL_DEBT_RE = lazy(
    "减免|免|核销|销账|逾期|欠|利息|罚息|结清|催收|协商|账单|本金|网贷|花呗|借呗|信用卡|债|还款|还钱|还清|还完|还上|先还"
    "|方案|分期|延期|停息|挂账|专员|金额|首期|结案|钱转|钱打|转钱|打钱|转过来|打过来|转账|打款|汇款|还[\\d一二两三四五六七八九十百千万]|(?<![也还])还(?=就行|就好|吧|[。,，!！?？]|$)"
)
# 协议不用签 + 录音就算数: an agreement said to need no paper is negotiation talk by itself
_PAPER_RE = lazy("协议|协意|协仪|合同|书面|contract|agreement|sign")
_ORAL_RE = lazy("口头|录音|说好|说的|答应|算数|作数|信我|相信我")
_OWN_FIGURE_RE = lazy("以我|按我|照我|我说的|我报的|我给的|我这边为准")
# 付650，剩下的…: a sum just paid
_PAID_SUM_RE = lazy("(?:付|还|转|打|交|汇)(?:了|我|给我)?[\\d一二两三四五六七八九十百千万]")
_SYS_INVISIBLE = (
    f"(?:系统|后台|app|页面|账单|电脑|网上|官网|system)(?:里|上|中|内)?(?:面)?{ngap(4)}"
    "(?:看不到|看不见|查不到|不显示|显示不了|显示不出来|没有显示|不会显示|不体现|体现不了|没有记录|没记录|查不出"
    "|未上线|没上线|不会show|不会update|won't show|will not show|doesn't show)"
)
_OFF_SYSTEM_CUE = "(?:特批|内部|私下|个人权限|口头|线下|人工|手动|绿色通道|特殊通道|internal|offline|verbal|special approval)"
_OFF_SYSTEM_CUE_RE = lazy(_OFF_SYSTEM_CUE)
_SAID = "(?:说好|讲好|谈好|答应|说)(?:的|了)"
_DOC = "(?:协议|合同|方案|证明|凭证|减免结果|结果|回执|截图|书面(?:的)?(?:东西|材料|文件)?)"
_AMOUNT_WORD = "(?:金额|数字|数额|数目|数|欠款|账单|钱数)"
# 不用签 / 协议就不签了
_NO_SIGN = "(?:不用|不必|没必要|不需要|用不着|无需)(?:再)?(?:签|签署|写)|(?:不签|别签|甭签)了"
_APP = "(?:app|支付宝|微信支付|系统|页面|后台|官网|system)"
# 不在App内展示: said of an internal or off-line deal
_OFF_DEAL_RE = lazy("线下|特批|内部|私下|internal|人工|手动|个人|专员")
# a waiver word, for the families that say only "no trace" (不会有短信通知 / 不用走流程)
_WAIVER_WORD_RE = lazy("减免|免息|免掉|免除|全免|免了|核销|销账|特批|内部|抹掉|清零|结清|优惠|折扣|打折")


# Families whose words are ordinary outside debt talk (合同不用签, 以我说的为准, 不会有短信通知): they need
# debt words close by, or paper and spoken word together in the message.
_NEEDS_DEBT_TALK = frozenset((
    "no_document", "word_is_enough", "ignore_app_amount", "oral_promise", "personal_guarantee", "not_in_app",
    "doc_later", "no_trace", "not_in_system_yet", "keep_from_official",
))
# Families that say only "no trace" or "not yet in the system": a waiver word must be close by.
_NEEDS_WAIVER_WORD = frozenset(("no_trace", "not_in_system_yet", "keep_from_official"))


def _verbal_confirm(doc: Doc, m: re.Match, name: str) -> bool:
    text, s, e = m.string, m.start(), m.end()
    family_name = base_name(name)
    # 先交首付，剩下的我们帮你申请按揭: without a waiver word it must be about a debt (or follow a sum
    # just paid: 付650，剩下的下个月我再帮你往上报)
    if family_name == "pay_part_then_apply" and not _STRONG_END_RE.search(m.group()):
        if not near(text, s, e, _VERBAL_DEBT_RE, 40):
            return False
    if family_name == "rest_waived" and not (
            _DEBT_WAIVE_RE.search(m.group()) or near(text, s, e, _VERBAL_DEBT_RE, 40)
            or _PAID_SUM_RE.search(text, max(0, s - 20), s)):
        return False
    # 不用看App…以我这边为准: the app set against the collector's own figure is debt talk by itself
    own_figure = family_name == "ignore_app_amount" and message_has(_OWN_FIGURE_RE, text)
    # 这次合作不用签合同 / 时间以我说的为准: only in debt talk, or paper and word together
    if family_name in _NEEDS_DEBT_TALK and not own_figure:
        if not (near(text, s, e, _VERBAL_DEBT_RE, 60)
                or (message_has(_PAPER_RE, text) and message_has(_ORAL_RE, text))):
            return False
    if family_name in _NEEDS_WAIVER_WORD and not near(text, s, e, _WAIVER_WORD_RE, 30):
        return False
    # 不在App内展示: said of an internal or off-line deal (not 这个活动不在App里显示)
    if name == "not_in_app" and not _OFF_DEAL_RE.search(text, max(0, s - 30), s):
        return False
    # 减免是领导私下给你批的，后台查不到: off_system has the tighter span (from the cue)
    if name == "not_in_app.2" and _OFF_SYSTEM_CUE_RE.search(m.group()):
        return False
    # 无需签署纸质协议，在App内点击确认即生效: the official in-app process
    return not IN_APP_CONFIRM_RE.search(sentence_around(text, s, e))


VERBAL_ONLY_WAIVER = Rule(
    id="verbal_only_waiver",
    patterns=(
        # 先还两千，剩下的我帮你申请全部免掉 / 本金你先结清，利息那块我们后面内部帮你处理掉
        *family("pay_part_then_apply",
                f"{_PAY_FIRST}{gap(14)}{_REST}{gap(10)}{_AGENT}{gap(8)}"
                f"(?:(?:{_APPLY}|想办法){gap(6)}{_WAIVE_END}|{_WAIVE_END}|{_APPLY})",
                # 先发888红包表诚意，再申请减免: a token payment "to show sincerity", then the waiver
                f"先{gap(2)}(?:发|转|打|付|交|还|汇){gap(10)}(?:表示?(?:个|一下)?(?:诚意|态)){gap(3)}"
                "(?:再|然后|才)(?:帮你|给你|去)?(?:申请|批|办|谈)(?:减免|免息|核销|全免)?"),
        # 你先打过来，我立刻帮你提交核销申请 / 先给我转5000，我再帮你去跟公司申请减免 / 钱到了我马上给你操作减免
        *family("pay_then_waive",
                f"(?:{_PAY_FIRST}|钱到(?:了|账)?|款到(?:了|账)?){gap(12)}(?:我|我们)(?:这边)?(?:马上|立刻|立即|就|再|才)?"
                f"(?:帮你|给你|帮您|给您){gap(8)}(?:提交|操作|申请|办理|做|争取|去批){gap(4)}"
                "(?:减免|核销|销账|免息|全免|免掉|免除)"),
        # 剩下的我去找组长给你申请免掉 / 剩下的他会帮你跟公司申请核销 / 剩下的下个月我再帮你往上报
        *family("rest_waived",  # (checked: debt talk, or a sum just paid)
                f"{_REMAINDER}(?:的|部分)?{gap(10)}(?:{_AGENT}|[他她]会){gap(8)}"
                f"(?:(?:{_APPLY}|想办法){gap(6)}{_WAIVE_END}|往上报|报上去|{_WAIVE_END})",
                # 付4800，剩下的罚息就不用管了 (after a sum paid)
                f"{_REMAINDER}(?:的|那点|那些|这点)?(?:罚息|利息|欠款|部分|钱)?(?:就|都|也)?(?:不用管|不用再?还|不用交|免了|不用操心|算了)"),
        # 减免的事我口头答应你了 / 老板口头同意了 / 我口头给你保证不用还 / 减免的事下个月我再帮你跟上面说
        *family("oral_promise",
                "(?<!没法)(?<!无法)(?<!不能)(?<!不会)(?<!不可)(?<!没有)(?:口头|verbal(?:ly)? ?)(?:上)?"
                "(?:给你|跟你|和你|向你|给您|跟您|(?:跟|和|向)(?:领导|主管|上面|公司|经理|组长))?"
                "(?:答应|同意|承诺|保证|批|应允|说好|讲好|谈好|approve[d]?|agree[d]?|promise[d]?)(?:了|过|你|您|的)"
                "(?!我)(?![^。！？!?\\n]{0,4}(?:不算|不作数|无效|没用))",
                f"减免(?:的事|这事|这个事|的事情|这块)(?:情)?{cgap(8)}(?:我|他|她|领导)(?:再|会|后面|回头)"
                "(?:帮你|给你|帮您|给您)?(?:去)?(?:跟|找|向)(?:上面|领导|主管|公司|组长|经理|上级)(?:说|申请|争取|谈|报)"),
        # 减免是我这边特批的，系统里暂时看不到 / 系统看不到，是内部特批的 / 这个优惠不走系统
        *family("off_system",
                f"{_OFF_SYSTEM_CUE}{ngap(12)}{_SYS_INVISIBLE}",
                f"{_SYS_INVISIBLE}{ngap(8)}(?:特批|内部|私下|个人权限|口头)",
                f"(?:减免|免息|优惠|方案|折扣|全免){ngap(8)}不走(?:系统|流程|app|线上|官方)"),
        # the waiver is kept out of the app (only in debt talk):
        *family("not_in_app",
                # internal approval，不会在App里显示 / 本协议…不在支付宝App内展示
                f"不(?:会)?在{_APP}(?:app)?(?:里|上|内|中)?(?:显示|展示|体现|上线)"
                f"|不(?:会)?(?:推送|同步|更新|显示)(?:到|在){_APP}",
                # 减免成功后不会有短信提醒，App里也看不到
                f"(?:减免|免息|优惠|方案|核销|全免|折扣){gap(16)}{_SYS_INVISIBLE}",
                # App里看不到这个方案的 / 看不到，这是线下协议
                f"{_SYS_INVISIBLE}(?:的)?{ngap(3)}(?:这个|这种|该|此)(?:方案|减免|优惠|政策|协议|名额)(?!的话)",
                "(?:看不到|查不到|不显示)(?:的)?[,，]?(?:这|这个|这是|那是)(?:是)?(?:我们)?"
                "(?:线下|内部|特批|私下|人工)(?:的)?(?:协议|方案|渠道|审批|政策|操作|入账)",
                # App那边走的还是原价 / 还进去系统会按全额扣 / 支付宝上面是按全额算的
                f"{_APP}(?:那边|里|上|上面|里面)?{gap(6)}(?:走的(?:还)?是|会按|是按|按的是|还是按)(?:原价|原金额|全额|原来的金额)(?:扣|算|收)?",
                # App里一还减免就作废 / 你在App里还，减免就没了 / 罚息就白免了
                f"{_APP}(?:里|上|里面)(?:一)?还{gap(5)}(?:减免|优惠|方案|罚息|利息)(?:就)?(?:作废|没了|失效|白免|不算)",
                # 您一打电话方案就作废了 / 请勿拨打95188咨询，以免协议失效
                "以免(?:协议|方案|减免)(?:就)?(?:会)?(?:失效|作废)",
                f"一(?:打|拨打?)(?:电话|客服|官方)?{gap(4)}(?:方案|协议|减免|名额)(?:就)?(?:作废|失效|没了)"),
        # 内部操作，不会有短信通知 / 不用走流程了 / 不用等App通知 (checked: a waiver word close by)
        *family("no_trace",
                "(?:不会有|不会收到|不会发|没有)(?:任何)?(?:官方)?(?:短信|通知|书面通知|回执|审批单)",
                "(?:不用|不需要|不必|用不着)(?:再)?(?:走(?:流程|系统|app|官方|审批)|等(?:app|系统|官方|短信)(?:的)?(?:通知|消息|审批|显示))"),
        # 这个减免别去问客服 / 减免的事千万别跟95188说 (checked: a waiver word close by)
        *family("keep_from_official",
                "(?:别|不要|千万别|不用|千万不要)(?:去)?(?:问|找|联系|打给?|告诉|跟|和)(?:官方)?(?:客服|95188|官方|平台|银行)"
                f"(?:说|讲|提|问)?(?!{gap(6)}(?:陌生|骗|个人))"),
        # 减免已经批了，就是还没录入系统 / App上的账单还没更新 (checked: a waiver word close by)
        *family("not_in_system_yet",
                "(?:还|暂时|都)?(?:没|未|没有)(?:录入|进|同步到?|更新到?|上传到?|导入)(?:系统|app|后台|账单)",
                "(?:系统|app|后台|账单|页面)(?:里|上)?(?:的)?(?:那个)?(?:金额|账单|数字|欠款|数据)?(?:还|暂时)(?:没|未|没有)(?:同步|更新)"),
        # 我已经帮你在后台备注了免息
        *family("backend_note",
                f"(?:后台|系统)(?:里|上)?(?:已经)?(?:给你|帮你)?(?:备注|标注|改|调|设置)(?:了|成)?{ngap(4)}"
                "(?:免息|减免|全免|免罚息|结清)",
                f"(?:后台|系统)(?:里|上)?{gap(2)}(?:把|将)(?:你|您)?(?:的)?(?:账单|欠款|账户|状态|记录|这笔)?{gap(2)}"
                "(?:改|调|设置|标|备注)(?:成|为|了)?(?:已)?(?:结清|免息|减免|全免|零)"),
        # 不用签协议 / 协议就不用签了 / 书面的发不了 / 只能口头告诉你
        *family("no_document",
                "(?:不用|不需要|没必要|不必|用不着|无需|无须)(?:再)?(?:签|签署|签订|写|走)(?:什么|任何)?(?:书面|纸质|电子)?"
                "(?:的)?(?:协[议意仪]|合同|字|文件|手续)",
                f"(?:协[议意仪]|合同|书面协议|字)(?:什么的)?(?:就|也|都)?(?:{_NO_SIGN})"
                "|(?:协议|合同)(?:什么的)?(?:就|也|都)?(?:没必要|用不着|不需要)(?=[,，。.!！\\s]|$)"
                # 先打首期，协议后补 / 结果我打电话告诉你，不用等书面的
                "|(?:协议|合同)(?:以后|之后|后面|晚点|回头|过几天|改天)?(?:后补|再补|补给你)|不用等书面|不用书面"
                "|不会有(?:书面|纸质)(?:的)?(?:协议|合同|东西|文件)?",
                "(?:书面|纸质|电子)(?:的|版)?(?:协议|合同|文件|材料|东西)?(?:是|就|都)?"
                "(?:发不了|给不了|出不了|开不了|没法给|没法出|没法发|不能给|不能发|不提供|不给|不出了|不发了|不给了|免了)",
                "(?:不用|不需要|没必要|用不着)(?:什么|任何)?(?:书面|纸质)(?:的)?(?:东西|协议|材料|文件|凭证|证明)?",
                "(?:不需要|不用|用不着|没必要)(?:什么|任何)?(?:协议|合同)(?!的话)"
                "|(?:不用|不需要|没必要|无需|no need to) ?sign|(?:contract|agreement) ?(?:就|也)?(?:不用|不需要|没必要)(?:签|sign)",
                "只能(?:跟你|给你|和你)?(?:口头|电话(?:里|上)?|语音)(?:跟你|给你|和你)?(?:告诉|说|通知|答应|承诺|确认)"
                "|不能(?:发|给你|给)(?:发)?(?:文字|书面)",
                "(?:不会|不能|没法|不给|不出|不发)(?:给你|给您)?(?:出|发|开|寄)?(?:任何)?(?:书面|纸质|正式)(?:的)?"
                "(?:文件|通知|协议|合同|材料|东西|凭证|证明|版)",
                "(?:减免)?(?:协议|合同)(?:我们)?(?:公司|这边)?(?:是)?(?:不出|不给|不发|不提供|出不了|给不了|发不了)(?:的|了)",
                "不用(?:其他|任何|别的|什么)(?:手续|文件|材料)",
                # 审批单不能给你看 / 减免通知书不能发给你 / 合同原件不能给你
                "(?:审批单|批文|审批文件|通知书|减免单|协议|合同|证明)(?:原件)?(?:是)?(?:不能|没法|不方便|不可以|不会)"
                "(?:给你|发给你|发你|给您|发给您|外发|寄给你)(?:看)?"),
        # 结清证明我后面再发你 / 调解书随后寄给你 (in debt talk)
        *family("doc_later",
                "(?:协议|合同|减免结果|结清证明|证明|凭证|回执|调解书|书面(?:的)?(?:东西|材料|文件)?)"
                "(?:我|我们)?(?:后面|回头|之后|以后|晚点|过几天|随后)(?:再)?(?:发|给|寄|补)(?:你|您|给你|给您)"),
        # 电话录音就算数 / 微信里说好的为准 / 聊天记录就当协议
        *family("word_is_enough",
                "(?:电话录音|通话录音|录音|口头(?:承诺|约定|答应|说好|说的|同意)?|我(?:们)?(?:这边)?(?:说|报|讲)的|我(?:们)?(?:这边)?说话"
                "|我(?:们)?(?:这边)?(?:微信|聊天|短信)(?:里|上)?(?:发|给)(?:你|您)的"
                f"|以我(?:们)?(?!{cgap(8)}(?:app|官方|客户端|系统|页面|短信|支付宝|官网))(?:这边)?{cgap(6)}(?=为准)"
                f"|微信(?:上|里)?{_SAID}|聊天(?:上|里)?{_SAID}|电话(?:上|里)?{_SAID}|聊天记录|截图)"
                f"(?:的)?(?:话)?{ngap(6)}"
                "(?:就算数|算数|为准|作数|就有效|(?:一样|也|同样)有效|(?:当(?:作|是)?|就是|作为)(?:你的|我们的|咱们的)?(?:凭证|协议|证据))"),
        # 这个减免是口头协议 / 方案属于口头约定
        *family("oral_agreement",
                "(?:减免|方案|优惠|免息|折扣)(?:是|属于|就是|只是|算)(?:个)?(?:口头|电话)(?:上)?(?:的)?(?:协议|约定|承诺|答应|方案)",
                "(?:是|都是|只)(?:电话|口头|微信)(?:里|上)?确认(?:的|就行|就可以)",
                "只(?:在|能在|限)(?:电话|微信|线下|私下)(?:里|上)?(?:有效|办理|操作)"),
        # 减免的事包在我身上 / 我跟你保证，剩下的一定给你免了
        *family("personal_guarantee",
                "(?:减免|免息|核销|全免|销账)(?:的事|这事|这个事|这块)?(?:情)?(?:就|都)?"
                "(?:包在我身上|交给我|我来搞定|我来办|我负责|我给你搞定|我帮你搞定|我说了算)",
                "(?:肯定|一定|保证|绝对)(?:会)?(?:给你|帮你|给您|帮您)(?:免|减免|免掉|核销|全免|申请下来)",
                f"我(?:跟你|向你|给你)保证{gap(10)}(?:全免|免掉|免了|减免|不用还|核销|销账|全部免)"),
        # App上显示的数字你别管 / 按我报的这个数还
        *family("ignore_app_amount",
                f"(?:app|页面|账单|系统|短信|网上|手机)(?:上|里|中|内)?(?:面)?(?:显示)?(?:的)?{_AMOUNT_WORD}?{cgap(4)}"
                "(?:别管|不用管|不要管|别看|不用看|不用理|别理|不准|不作数|不算数|忽略|不用在意|不是真的)",
                "(?:不用|别|不要)(?:看|管|理)(?:那个)?(?:app|系统|页面|账单)(?:上|里)?(?:的)?(?:金额|数字|数)?",
                "(?:按|照)(?:我|我们)(?:这边)?(?:刚才|刚刚)?(?:微信|短信|聊天)?(?:里|上)?(?:给你|跟你)?(?:报|说|给|发|算|讲|核算)(?:给你|你|您)?的(?:这个|那个)?"
                f"{_AMOUNT_WORD}?{gap(3)}(?:还|转|打|付|交)"),
        # 先把钱打过来，等批下来我再把减免结果截图发你 / 协议等你先打款之后再补给你
        *family("result_after_payment",
                f"{_PAY_FIRST}(?:过来|给我|过去|进来|了)?{gap(12)}"
                "(?:批下来|批了|审批|审核|通过|到账|收到|钱到|打完|转完|之后|以后|下来)"
                f"{gap(10)}(?:再|才)(?:把|给|发|出|补|寄|开){gap(8)}{_DOC}(?:{gap(3)}(?:发你|给你|发您|给您|发过来|寄给你))?",
                f"{_DOC}{gap(6)}(?:打款|还款|转账|付款|还完|还清|付完|付清|转完|打完|钱到账|钱到|到账|款到)"
                "(?:之后|以后|后|了)?(?:再|才)(?:能|会)?(?:给你|给您)?(?:补|发|给|出|寄|签|开)(?:发|寄|签)?(?:给你|给您|发你|你|您)?",
                # 减免结果要等你把首付款打过来之后才会出 / 正式协议要等服务费付清才出
                f"{_DOC}{gap(4)}等(?:你|您)?{gap(10)}(?:打|转|还|付|交|汇)(?:过来|过去|完|清|上|到账|款)?(?:了)?"
                "(?:之后|以后|后)?(?:才|再)(?:会|能)?(?:给你|给您)?(?:出|发|给|补|开|寄|生成)",
                # 书面的等批了再说 / 协议等批下来再给你 / 盖章的合同过几天再寄
                f"(?:书面|纸质|盖章|正式)(?:的)?(?:减免)?(?:协议|合同|文件|材料|东西|版|方案)?{gap(3)}"
                f"(?:等(?:批|审批|审核|通过|下来|流程){gap(4)}|回头|以后|之后|后面|过几天|改天|晚点)"
                "(?:再说|再给|再发|再补|再签|再寄|补给你|发你|寄给你)",
                f"(?:协议|合同|方案){gap(2)}等(?:批|审批|批下来|批了|审核|通过|流程走完){gap(4)}(?:再说|再给|再发|再补|再签|再寄)",
                f"{_PAY_FIRST}(?:过来|给我|过去|进来|了)?{gap(12)}(?:批文|审批单|通知书|协议|合同|减免结果|方案|证明)"
                f"{gap(4)}(?:我|我们)?(?:再|才)(?:给你|发你|给您|发给你|寄给你)",
                # 等你钱到账了我再把减免协议发给你
                "等(?:你|您)(?:的)?(?:钱|款)?(?:到账|打过来|转过来|付完|还完|打完|转完|付清|还清)(?:了|之后|以后|后)?[,，]?"
                f"(?:我|我们)?(?:再|才)(?:把)?{gap(4)}{_DOC}(?:发|给|寄|补|出)",
                # 付完我把银行方案发你
                f"(?:付完|转完|打完|还完|汇完)(?:之后|以后|后)?[,，]?(?:我|我们)(?:再|就)?把{gap(4)}"
                "(?:方案|协议|合同|减免结果|结清证明|证明)(?:发你|给你|发给你|发您|寄给你)"),
    ),
    suppress=DEFAULT_SUPPRESS + (own_words, narrated, denied),
    confirm=_verbal_confirm,
    explanation="减免只停留在口头或聊天承诺，或“先还一部分，剩下的我帮你申请”。没有App内或书面协议的减免不算数，钱还了、减免却可能不存在。",
    advice="在付款前要求平台在App内或以书面协议确认减免金额和结清条件；口头承诺不要付款。",
)

# ---------------------------------------------------------- too_good_offer
_FEE = "(?:利息|罚息|违约金|息费|滞纳金|复利|罚金|逾期费|手续费|服务费|interest|penalty|penalties|late fees?)"
_FEES = f"{_FEE}(?:[和跟及与、,/]{{0,2}}{_FEE}){{0,2}}"
_WAIVE = "(?:减免|免掉|免除|免了|豁免|不用还|不用交|核销|抹掉|去掉|清零|取消|勾销|waived?|免)"
_NUM = "(?:\\d{1,3}(?:\\.\\d)?|[一二三四五六七八九十两半])"
_RELIEF_RE = lazy("减免|全免|免除|免息|免掉|只还本金|不用还|停息|挂账|核销|停催|打折|\\d折|[一二三四五六七八九]折")
_DEBT_CONTEXT = (
    "txgz|overdue|loan|debt|principal|逾期|欠|还款|还钱|还清|本金|利息|罚息|息费|违约金|减免|协商|停息|挂账|停催|催收|征信|上岸|网贷|贷款|借款"
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
                f"(?:全部|所有|一切)(?:的)?{_FEES}{ngap(4)}{_WAIVE}|{_FEES}{ngap(2)}(?:全部|全都|全|一律)(?:停掉?|冻结)"
                # waive全部penalty (the Chinese word order is the last shape)
                f"|waived? ?(?:全部|所有|all)(?:的)? ?{_FEES}(?![及和、与跟]部分)",
                f"全免(?:掉)?{_FEE}|全免息|一分(?:钱)?{_FEE}?都不用(?:还|交|出|付)|免息还本|还本免息"
                # 加我v，给你免息 / 加QQ免罚息 / 利息全停 / 全部停息
                "|(?:给你|帮你|帮您|给您|都能|包)(?:办理?)?(?:全部)?(?:免息|免罚息|免利息|停息(?!挂账|分期|挂帐)|停催)|利息全停|全部停息"
                f"|一分(?:钱)?{_FEE}?(?:都)?不(?:用还|收|用交)",
                f"(?:免|免掉|免除|减免|豁免)(?:掉)?(?:你)?(?:的)?(?:全部|所有)(?:的)?{_FEES}(?![及和、与跟]部分)"),
        *family("principal_only", "(?:只|仅)(?:需要?|用|要)?(?:归?还|偿还|还)(?:个)?本金"),
        # 本金直接打五折 / 本金减半 / 减免80%
        *family("principal_cut",
                f"(?:本金|principal) ?(?:直接)?打折|(?:欠款|债务|本金)(?:能|可以|可)?(?:免|减)(?:掉)?(?:[1一]半|大半)"
                f"|(?:本金|principal) ?{ngap(6)}(?:打(?:个)?{_NUM}折|{_NUM}折|减半|砍半|减[1一]半|砍[1一]半|打对折|对折"
                f"|只(?:需|要|用)?还{_NUM}成|只(?:需|要|用)?还[1一]半"
                f"|(?:减|减免|免|砍|优惠)(?:掉)?(?:\\d{{2}}%|[1一]半|大半|百分之[5-9五六七八九]十))"
                # 只需支付本金的六成 / 至少能减掉一半利息
                f"|只(?:需|要|用)?(?:还|付|支付|偿还)本金的?(?:[1-7]成|[1-7]\\d%)"
                f"|(?:减|减掉|免掉|免|砍掉|砍)(?:[1一]半|大半|[5-9]成)(?:的)?{_FEE}",
                "(?:减免|免除|免掉|砍掉|减掉)(?:欠款|债务|金额|总额)?(?:的)?(?:[5-9]\\d|100)%"
                # 最高免80% / 减免利息罚息最高90%
                "|最高(?:可)?(?:减免|免|减)?(?:[5-9]\\d|100)%|(?:减免|免)[^,。!?\\n]{0,8}最高(?:[5-9]\\d|100)%"
                f"|cut up to (?:[5-9]\\d|100)% ?{_FEE}",
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
                "|零风险|不成功(?:全额|全部)?(?:退款|退费|全退|退钱|不收费)"
                "|不成功(?:双倍|全额)赔付"
                "|保过(?!期)"),
        # 三年之内一分钱都不用还 / 零利息分60期 / 0息60期
        *family("long_deferral",
                f"[\\d半]\\d?(?:个)?年(?:之内|以内|内|里)?{gap(4)}(?:一分钱)?(?:都|也)?不(?:用|需要|必)(?:再)?还",
                f"[0零](?:息|利息|利率|手续费|费率)(?:分)?{gap(3)}(?:36|48|60|72|84|96|120)期",
                f"(?:36|48|60|72|84|96|120)期{gap(3)}[0零](?:息|利息|利率|手续费)",
                "免息分期?(?:36|48|60|72|84|96|120)期",
                f"(?:延期|停息)(?:还款)?(?:政策)?(?:最长)?[\\d半](?:个)?年{gap(6)}(?:不计息|不计利息|免息|利息全免|不收利息)",
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
    # 【借呗】协商还款 — 方案类型：只还本金 … 还款入口：支付宝App: the creditor's own written plan (but
    # 内部名额…结清后出具结清证明…咨询王经理微信 keeps its offer)
    yields_to=("written_confirmation",), yields_unless=OFF_CHANNEL,
    confirm=_offer_confirm,
    explanation="许诺“全免利息罚息”“只还本金”“包成功”等过于优厚的条件。这类承诺来自非官方渠道时，多是骗取手续费或转账的诱饵。",
    advice="任何减免只以官方App或官方客服给出的书面方案为准，不要相信第三方的保证。",
)
