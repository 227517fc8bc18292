"""The rule engine: a rule is data (named patterns, context words, named
suppressions) plus at most one small ``confirm`` function.

Matching happens on the folded views of :mod:`verifier.normalise`; every hit
is mapped back to the original text, so ``text[start:end] == evidence``.

Suppressions are named predicates (detect-secrets style). Each has a scope:

- ``clause``: a cue in the hit's own clause (切勿向个人账户转账);
- ``sentence``: the hit's sentence is a warning or a quotation;
- ``message``: the whole message is framed as a report or an official
  notice. A message-scope suppression never cancels a hit when the same
  message also gives a *direct* off-channel instruction (a pattern marked
  ``direct``: pay my card, add my WeChat, send me the code, open this link)
  that no clause or sentence cue cancels. Its predicate reads the message,
  never the hit, and is computed once per message.
"""

from __future__ import annotations

from .. import recache
from ..lazyre import lazy
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from ..contract import FLAG_SEVERITY, SIGNALS
from ..normalise import DIGIT_TABLE, Normalised
from .prefilter import fast, needles, scanner

# A gap of a few characters that stays inside one sentence.
def gap(n: int) -> str:
    return f"[^。！？!?\\n]{{0,{n}}}"


def alt(*words: str) -> str:
    """A non-capturing alternation of regex fragments."""
    return "(?:" + "|".join(words) + ")"


# ------------------------------------------------------------------ the text
# Suppression cues are looked for at most this far from a hit, which keeps
# the engine linear on inputs with no punctuation at all.
CLAUSE_REACH = 60
SENTENCE_REACH = 160
# Matches examined per pattern; only a few per rule are ever reported.
MAX_MATCHES_PER_PATTERN = 64
_CLAUSE_END = lazy(r"[,，;；:：。！？!?\n]")
_SENTENCE_END = lazy(r"[。！？!?\n;；]")
# The last stop of a stretch: ``match`` backtracks from the stretch's end in C (a single-character class).
_LAST_CLAUSE_END = lazy(r"(?s:.*)" + _CLAUSE_END.pattern)
_LAST_SENTENCE_END = lazy(r"(?s:.*)" + _SENTENCE_END.pattern)


def near(text: str, s: int, e: int, rx: re.Pattern, reach: int = 150) -> bool:
    """``rx`` occurs within ``reach`` characters of ``[s, e)``."""
    return rx.search(text, max(0, s - reach), min(len(text), e + reach)) is not None


def stop_bounds(text: str, start: int, end: int, first_stop, last_stop, reach: int) -> tuple[int, int]:
    """The bounds of the clause (or sentence) of ``text[start:end]``, at most ``reach`` characters either side.

    It opens after the last stop before ``start`` and ends with the first stop at or after ``end - 1`` (a
    hit ending on a stop keeps it) or at ``start`` (an empty span): the same bounds as a bisection of the
    list of every stop's end, found within the reach only, which on a long message is all that is read.
    ``first_stop`` is the stop class, ``last_stop`` the same class behind ``(?s:.*)``.
    """
    a = max(0, start - reach)
    m = last_stop.match(text, a, start)
    lo = m.end() if m is not None else a
    b = min(len(text), end + reach)
    m = first_stop.search(text, max(start, end - 1), b)
    return lo, (m.end() if m is not None else b)


# Above this length a pattern is searched through its scanner (see ``Pat.finditer``).
LONG_TEXT = 2000
# A view with at most this many needle keys checks a long text key by key (substring search in C)
# rather than building the text's set of character pairs.
FEW_KEYS = 100


class Doc:
    """A message prepared for matching: folded views and clause boundaries."""

    def __init__(self, norm: Normalised) -> None:
        self.norm = norm
        self.plain = norm.plain   # same offsets as the original
        self.framed: dict[int, bool] = {}   # message-scope suppressions (by id), computed once per message
        self._spans: dict[tuple, tuple[int, int]] = {}   # clause and sentence bounds of the hits
        # the prefilter's candidates (rule index → patterns), once known: every pattern that can match is
        # among them, so a confirm function may skip looking for one that is not (see ``may_match``)
        self.candidates: dict[int, list] | None = None

    def may_match(self, pat: "Pat") -> bool:
        """False only when the prefilter has ruled ``pat`` out on this message (it cannot match)."""
        cands = self.candidates
        return cands is None or any(p is pat for pats in cands.values() for p in pats)

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the hit's clause, at most ``CLAUSE_REACH`` characters either side (see :func:`stop_bounds`)."""
        key = ("c", start, end)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = stop_bounds(self.plain, start, end, _CLAUSE_END, _LAST_CLAUSE_END,
                                                   CLAUSE_REACH)
        return found

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the hit's sentence, at most ``SENTENCE_REACH`` characters either side."""
        key = ("s", start, end)
        found = self._spans.get(key)
        if found is None:
            found = self._spans[key] = stop_bounds(self.plain, start, end, _SENTENCE_END, _LAST_SENTENCE_END,
                                                   SENTENCE_REACH)
        return found


# -------------------------------------------------------------- suppressions
@dataclass(frozen=True)
class Suppressor:
    name: str
    scope: str                      # "clause", "sentence" or "message"
    test: Callable[[Doc, int, int], bool]
    doc: str

    def __call__(self, doc: Doc, start: int, end: int) -> bool:
        return self.test(doc, start, end)


NEGATION_RE = lazy(
    "不要|不会|不能|不得|不可|请勿|切勿|勿|谨防|警惕|严禁|禁止|从不|从未|绝不|绝对不|决不|以防|防范|小心|当心"
    "|千万别|别信|别相信|别听|不需要|无需|无须|不用|并非|不存在|拒绝|杜绝|凡是|任何人|一律"
    # 本行不收取任何代办费 / 不接受私下转账 / 全程没有让我加微信
    "|不收|不接受|不接收|没有(?:让|要求|叫|往|向)|没(?:让|要求|叫|往|向)"
    # universal or conditional asks: 任何机构都无法… / 凡自称…的 / 谁让你…，马上挂
    "|任何(?:机构|平台|第三方|个人|单位|组织|公司|中介|自称|要求|让|叫|要你|要您)|凡(?:自称|要求|让|叫|以)"
    "|谁(?:让|要|叫)(?:你|您)|(?:也|并|从来|从|都|全程)没有?$"
)
WARNING_RE = lazy(
    "诈骗|骗局|骗子|骗术|陷阱|被骗|上当|违法|违规|犯罪|谣言|套路|虚假|冒充|假冒|不法分子|刑拘|抓获|捣毁|打掉"
    "|噱头|幌子|本报讯|记者|黑产|被[^。！？!?\\n]{1,8}骗了"
)
SCAM_VERDICT_RE = lazy(
    "(?:都是|都属|一律|均为|均是|就是|全是|肯定是|纯属|属于|是)(?:[^。！？!?\\n]{0,3})"
    "(?:诈骗|骗局|骗子|骗人|陷阱|违法|谣言)"
    # …的，都不是我们 / 均非本平台人员 / 均属违规 / 一律拉黑
    "|(?:都|均|一律|全都|并)(?:不是|非|并非)[^。！？!?\\n]{0,3}(?:我们|我司|本行|本公司|本平台|官方|平台|银行|工作人员)"
    "|(?:均|都|一律|皆)属(?:于)?(?:违规|违法|诈骗|骗局)|一律(?:拉黑|挂断|挂掉|不理)|碰都别碰"
    # 打到个人账户的钱平台是不认的
    "|是不认的|不予认可|不被认可|一律无效"
)
REPORT_FRAME_RE = lazy(
    "^[\\s【\\[(（]*(?:[^\\s]{0,8})?(?:新闻|警方|反诈|普法|据报道|案例|通报|温馨提示|风险提示|安全提示|防骗"
    "|合规提示|评论|科普|提醒|提示|注意|公告|快讯|辟谣|报道|转发|科普|课堂|周报|专栏|调查|观察)[^:：\\n]{0,10}[:：]"
    # 【财经评论】… / 【理财小课堂】… (a column's title, not 【温馨提醒】, which anyone can type)
    "|^[\\s【\\[(（]*(?:[^\\s】]{0,8})?(?:新闻|评论|科普|课堂|周报|专栏|调查|观察|快讯|辟谣|报道|普法|案例|通报|反诈|防骗)"
    "[^:：\\n】]{0,6}】"
    # 据报道，… / 本报讯（记者 …）
    "|^[\\s【\\[(（]*(?:据报道|本报讯|据悉|据了解|记者调查)"
)
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("「", "」"), ("『", "』"), ("‘", "’"), ("《", "》"))
_QUOTE_OPEN_RE = lazy("[" + "".join(op for op, _ in QUOTE_PAIRS) + "]")   # any opening mark
QUOTE_CUE_RE = lazy(
    "所谓|说法|之类|为名|为由|谎称|声称|宣传|话术|名义|借口|骗|冒充|号称|自称|类似"
    "|噱头|幌子|旗号|诱导|(?<![名简])称|比如|例如|写成|评论区|广告|刷到"
)
QUESTION_RE = lazy(
    "[?？]|吗$|吗[,，。]|呢$|么$|能不能|可不可以|可以不|是不是|靠不靠谱|靠谱吗|会不会|有没有|怎么|如何|咋"
)
OWN_PLAN_RE = lazy(
    "(?:我|俺|本人)(?:自己|已经|刚|刚刚|想|打算|准备|计划|问|在|去|会|要|们想)|请问|问一下|问下|想问"
)
_TELLER = (
    "(?:客服|银行|平台|朋友|同事|律师|民警|警察|(?<!其)他|她|他们|她们|对方|网上|有人|有个人|那人|那个人|专员|催收|骗子"
    "|(?:我|他|她)(?:姐|哥|妈|爸|弟|妹|老婆|老公|媳妇|家人|同学|室友)|自称[^。！？!?\\n]{1,16}?的人?)"
)
# Somebody the writer does not speak for (not the creditor, whose demands a collector relays).
_STRANGER = "(?:(?<!其)他|她|他们|她们|对方|有人|有个人|那人|那个人|骗子|自称[^。！？!?\\n]{1,16}?的人?)"
_TOLD_GAP = "(?![:：])[^。！？!?\\n:：]{0,8}?"
NARRATIVE_RE = lazy(
    # 客服说… / 催收天天打，昨天还说… / 对方让我先交… / 有人私信我…
    f"{_TELLER}{_TOLD_GAP}"
    "(?:说(?!明)|问(?![题候])|讲(?![座解])|告诉我|回复|回答|表示|建议|(?<![名简])称|(?:让|要|叫|要求|逼)(?:我|她|他)|诱导"
    "|加(?:了)?我|私信我|联系我|找(?:到|过)?我|打电话(?:给我|来)|给我打|打给我)"
    # 他是不是让你下载… / 有人让你们赶紧转钱
    f"|{_STRANGER}{_TOLD_GAP}(?:让|要|叫|要求|逼)(?:你|您)"
    # 一些机构要求客户邮寄手机卡: somebody's ask of a third party, described
    "|(?:让|要|叫|要求|诱导|逼|骗)(?:客户|受害人|受害者|借款人|债务人|当事人|用户|老人|市民|群众|事主|消费者|该女子|该男子)"
)
# 如果有人打电话让你… / 凡自称…的 / 任何要求…的 / 谁让你…: a rule about asks, not an ask.
HYPOTHETICAL_RE = lazy(
    "(?:如果|如|若|假如|要是|一旦|万一|倘若)(?:有人|对方|陌生人|接到|碰到|遇到有人)[^。！？!?\\n]{0,20}?"
    "(?:打电话|来电|自称|说是|让|要|叫|要求|以|冒充|联系|加|发)"
    "|凡是?(?:有人)?(?:自称|要求|让|叫|要你|要您|以|声称)|任何(?:人)?(?:自称|要求|让|叫|要你|要您|以|声称)"
    "|谁(?:让|要|叫|要求)(?:你|您)|(?:不管|无论|不论)(?:是)?谁"
)
# 支付宝真的有协商专员会主动加微信吗？ / 这个靠谱吗？ / 是不是骗子？
DOUBT_RE = lazy(
    "真的(?:有|会|是|能|可以)|是不是(?:真的|骗|官方|正规)|靠不靠谱|靠谱(?:吗|不)|可信(?:吗|不)|可靠吗|正常吗|合法吗"
    "|是真的吗|骗子吗|诈骗吗|骗局吗|能信吗|正规吗|官方的吗|(?:会|能)(?:让|要|叫|要求)(?:你|您)"
)
_ASKED_RE = lazy("[?？]|吗")
# 说一下我的经历… / 求助帖 / …大家别走我的弯路: the writer's own story, told to warn or to ask.
STORY_OPEN_RE = lazy(
    "(?:说一下|说说|分享一下|讲一下|讲讲|记录一下|聊聊)(?:我|自己)(?!们)[^。！？!?\\n]{0,8}(?:经历|经验|故事|过程|遭遇)"
    "|记录一下(?:我|自己)(?!们)|我的(?:亲身)?经历|求助|过来人(?:说|的)|(?:怎么|差点)被[^。！？!?\\n]{0,10}骗"
)
STORY_CLOSE_RE = lazy(
    "引以为戒|别走我的弯路|给大家提个醒|大家(?:千万)?(?:别|不要)(?:再)?(?:上当|被骗|信)"
)
OFFICIAL_SIG_RE = lazy(
    "^[\\s]*【(?:支付宝|花呗|借呗|网商银行|蚂蚁|[^】]{0,8}银行|[^】]{0,8}信用卡|[^】]{0,6}消费金融|12381|[^】]{0,8}法院)】"
    "|【(?:支付宝|花呗|借呗|网商银行|[^】]{0,8}银行|[^】]{0,6}消费金融)】\\s*$"
)


# ``rx.search(plain, lo, hi)`` below reads as ``rx.search(plain[lo:hi])`` without the copy: ``$`` and
# lookaheads stop at ``hi`` either way, and these patterns have no ``^`` or lookbehind, which would see
# before ``lo``.
def _negated(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.clause(start, end)
    return NEGATION_RE.search(doc.plain, lo, start) is not None


def _described_as_scam(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return SCAM_VERDICT_RE.search(doc.plain, end, hi) is not None


def _warning_sentence(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return WARNING_RE.search(doc.plain[lo:hi]) is not None


def _quoted_example(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    if _QUOTE_OPEN_RE.search(doc.plain, lo, start + 1) is None:
        return False   # no opening mark up to the hit (the test below needs one): most sentences
    sentence = doc.plain[lo:hi]
    s, e = start - lo, end - lo
    for op, cl in QUOTE_PAIRS:
        a = sentence.rfind(op, 0, s + 1)
        if a < 0:
            continue
        b = sentence.find(cl, max(a + 1, e - 1))
        if b >= e - 1 and b > a and QUOTE_CUE_RE.search(sentence):
            return True
    return False


def _reported_frame(doc: Doc, start: int, end: int) -> bool:
    return REPORT_FRAME_RE.search(doc.plain[:40]) is not None


def _debtor_question(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    sentence = doc.plain[lo:hi]
    return bool(QUESTION_RE.search(sentence)) or bool(OWN_PLAN_RE.search(doc.plain[lo:start]))


def _narrated(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.sentence(start, end)
    return NARRATIVE_RE.search(doc.plain[lo:start]) is not None


def _official_notice(doc: Doc, start: int, end: int) -> bool:
    return OFFICIAL_SIG_RE.search(doc.plain) is not None


def _hypothetical(doc: Doc, start: int, end: int) -> bool:
    lo, _ = doc.sentence(start, end)
    return HYPOTHETICAL_RE.search(doc.plain, lo, start) is not None


def _doubt_question(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return _ASKED_RE.search(doc.plain, lo, hi) is not None and DOUBT_RE.search(doc.plain, lo, hi) is not None


def _story_frame(doc: Doc, start: int, end: int) -> bool:
    text = doc.plain
    return STORY_OPEN_RE.search(text, 0, 40) is not None or STORY_CLOSE_RE.search(text, max(0, len(text) - 80)) is not None


negated = Suppressor("negated", "clause", _negated,
                     "a warning or negation cue (切勿/请勿/不会/谨防…) earlier in the hit's clause")
described_as_scam = Suppressor("described_as_scam", "clause", _described_as_scam,
                               "the rest of the sentence calls it a scam (…的，一律是诈骗)")
warning_sentence = Suppressor("warning_sentence", "sentence", _warning_sentence,
                              "the hit's sentence is an anti-fraud warning or a crime report")
quoted_example = Suppressor("quoted_example", "sentence", _quoted_example,
                            "the hit sits in quotation marks that the sentence presents as a scam's words")
reported_frame = Suppressor("reported_frame", "message", _reported_frame,
                            "the message opens as a news item, police or anti-fraud notice (新闻：/警方提醒：)")
debtor_question = Suppressor("debtor_question", "sentence", _debtor_question,
                             "the debtor's own question or plan (我想…/能不能…？)")
narrated = Suppressor("narrated", "sentence", _narrated,
                      "somebody else's words reported by the writer (客服说…/朋友问我…)")
official_notice = Suppressor("official_notice", "message", _official_notice,
                             "an SMS signature of a creditor (【花呗】…) on a message with no off-channel ask")
hypothetical = Suppressor("hypothetical", "sentence", _hypothetical,
                          "a rule about such asks, not an ask (如果有人让你…/凡自称…的/谁让你…，马上挂)")
doubt_question = Suppressor("doubt_question", "sentence", _doubt_question,
                            "the writer asks whether it is genuine or a scam (真的有…吗？/靠谱吗？/是不是骗子？)")
story_frame = Suppressor("story_frame", "message", _story_frame,
                         "the writer's own story, told to warn or ask (说一下我的经历…/求助…/大家别上当)")

DEFAULT_SUPPRESS: tuple[Suppressor, ...] = (
    negated, described_as_scam, quoted_example, warning_sentence, reported_frame,
    hypothetical, doubt_question, story_frame,
)
ALL_SUPPRESSORS: tuple[Suppressor, ...] = (
    negated, described_as_scam, warning_sentence, quoted_example, reported_frame,
    debtor_question, narrated, official_notice, hypothetical, doubt_question, story_frame,
)


# --------------------------------------------------------------------- rules
def byte_gap(chars: int) -> str:
    """Up to ``chars`` characters in a Hyperscan expression read on UTF-8 bytes (``Pat.hs_bytes``): any
    bytes, four a character."""
    return f"(?s:.){{0,{4 * chars}}}"


# The flags that take the reader off the official channel: they veto the official_channel signal and keep
# a flag that would yield to the creditor's own written confirmation (Rule.yields_unless).
OFF_CHANNEL = ("personal_account_transfer", "credit_repair", "verbal_only_waiver", "intermediary_fee",
               "credential_request", "impersonation", "off_platform_contact", "suspicious_link")


@dataclass(frozen=True)
class Pat:
    """A named pattern. ``view``: ``text`` (folded), ``digits`` or ``plain``."""

    name: str
    regex: str
    view: str = "text"
    direct: bool = False
    # Only matches that start before this offset count (the rule reads nothing else), so only those
    # positions are tried, not the whole text.
    head: int | None = None
    # A cheap test on the view that every text the regex can match passes (None: no test); a text that
    # fails it is not searched at all.
    guard: Callable[[str], bool] | None = field(default=None, compare=False)
    # What batch scoring's Hyperscan prefilter looks for instead of ``regex`` (see ``hsfilter``): a looser
    # expression that matches wherever a match the rule keeps can be found (None: derived from ``regex``).
    hs: str | None = None
    # ``hs`` is read on the UTF-8 bytes (no UTF-8/UCP mode): there a bounded ``(?s:.){0,68}`` costs Hyperscan
    # next to nothing, where a bounded repeat of a multi-byte class runs a counter per position.
    hs_bytes: bool = False
    # Literal words one of which every match contains (None: unknown); see ``prefilter``.
    needles: tuple[str, ...] | None = field(init=False, repr=False, compare=False)
    _compiled: list = field(init=False, repr=False, compare=False)   # [rx, scanner] once built

    def __post_init__(self) -> None:
        if self.view not in ("text", "digits", "plain"):
            raise ValueError(f"pattern {self.name}: unknown view {self.view!r}")
        found = needles(self.regex)   # parses the regex: a syntax error is raised here
        fast(self.regex)              # analysed now (and kept in the cache file), compiled on first use
        object.__setattr__(self, "needles", None if found is None else tuple(sorted(found, key=len)))
        object.__setattr__(self, "_compiled", [])

    @property
    def rx(self) -> re.Pattern:
        """The compiled regex, built on first use: a message compiles only the patterns it may match."""
        if not self._compiled:
            self._compiled.append(recache.compile(fast(self.regex)))
        return self._compiled[0]

    @property
    def _scan(self) -> re.Pattern | None:
        """The :func:`.prefilter.scanner` of this pattern (None when it has none), built on first use."""
        if len(self._compiled) < 2:
            self.rx   # noqa: B018 - slot 0 first
            src = scanner(self.regex)
            self._compiled.append(recache.compile(src) if src else None)
        return self._compiled[1]

    def finditer(self, text: str):
        """``self.rx.finditer(text)``; on a long text, found through :func:`.prefilter.scanner`;
        with ``head``, the matches that start before it (``rx.match`` at each of those positions)."""
        if self.head is not None:
            return self._at_head(text)
        if len(text) < LONG_TEXT:
            return self.rx.finditer(text)
        scan = self._scan
        if scan is None:
            return self.rx.finditer(text)
        return self._scanned(scan, text)

    def _at_head(self, text: str):
        rx, p, limit = self.rx, 0, min(self.head, len(text) + 1)
        while p < limit:
            m = rx.match(text, p)
            if m is None:
                p += 1
                continue
            yield m
            p = m.end() if m.end() > p else p + 1

    def _scanned(self, scan: re.Pattern, text: str):
        pos, n = 0, len(text)
        while pos <= n and (c := scan.search(text, pos)) is not None:
            m = self.rx.match(text, c.start())
            if m is None:   # cannot happen: the scanner asserted this match
                pos = c.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.start() + 1


@dataclass(frozen=True)
class Rule:
    """A flag or a signal, declared as data.

    ``context``: if given, one of these regexes must match within
    ``context_window`` characters around the hit (in the folded text), or
    anywhere in the message when ``context_window`` is 0.
    ``veto``: for signals, flag ids whose presence cancels the signal.
    ``yields_to``: for flags, signals whose presence (after their own vetoes) cancels the flag, unless one
    of the ``yields_unless`` flags fired too — an offer set out in the creditor's own written
    confirmation is the creditor's, not an unofficial party's, as long as nothing off the channel is
    asked. A flag that yields may not be in any signal's ``veto`` (checked by the catalogue).
    """

    id: str
    patterns: tuple[Pat, ...]
    explanation: str
    advice: str
    context: tuple[str, ...] = ()
    context_window: int = 30
    suppress: tuple[Suppressor, ...] = DEFAULT_SUPPRESS
    confirm: Callable[["Doc", re.Match, str], bool] | None = None
    veto: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()
    yields_unless: tuple[str, ...] = ()
    added: str = "0.1.0"
    context_rx: re.Pattern | None = field(init=False, repr=False, compare=False)
    # ``suppress`` split by scope: (clause and sentence ones, message ones)
    scoped: tuple[tuple[Suppressor, ...], tuple[Suppressor, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.id not in FLAG_SEVERITY and self.id not in SIGNALS:
            raise ValueError(f"rule id {self.id!r} is not a flag id or signal of the contract")
        names = [p.name for p in self.patterns]
        if len(set(names)) != len(names):
            raise ValueError(f"rule {self.id}: duplicate pattern names")
        rx = lazy("|".join(f"(?:{c})" for c in self.context)) if self.context else None
        object.__setattr__(self, "context_rx", rx)
        object.__setattr__(self, "scoped", (tuple(s for s in self.suppress if s.scope != "message"),
                                            tuple(s for s in self.suppress if s.scope == "message")))

    @property
    def is_signal(self) -> bool:
        return self.id in SIGNALS

    @property
    def severity(self) -> str | None:
        return FLAG_SEVERITY.get(self.id)

    def has_context(self, doc: Doc, view: str, s: int, e: int) -> bool:
        if self.context_rx is None:
            return True
        text = doc.norm.view(view)
        if self.context_window == 0:
            return self.context_rx.search(text) is not None
        w = self.context_window
        return self.context_rx.search(text, max(0, s - w), min(len(text), e + w)) is not None


class Hit(NamedTuple):
    """One match of a rule (a named tuple: thousands are made per second in a batch)."""

    rule: Rule
    pattern: Pat
    start: int          # original offsets
    end: int
    suppressed_by: tuple[Suppressor, ...]

    @property
    def direct(self) -> bool:
        return self.pattern.direct


def _gram(needle: str):
    """A needle's first character, or its first two as a tuple (the keys of :func:`_grams`)."""
    return needle if len(needle) == 1 else (needle[0], needle[1])


def _grams(text: str) -> set:
    """Every character of ``text`` and every pair of adjacent characters, as a tuple."""
    g = set(text)
    g.update(zip(text, text[1:]))
    return g


class Prefilter:
    """Which patterns of a set of rules can match a document at all.

    Every pattern's needles (see :mod:`.prefilter`) go into one Aho-Corasick
    automaton per view (``pyahocorasick``), which finds all of them, overlapping
    ones included, in one pass in C; a message then runs only the patterns one
    of whose needles it contains. On a long text, where walking every needle
    occurrence would cost more than it saves, the test is coarser: a needle's
    first two characters must occur side by side (one set intersection). A
    pattern with no needles always runs.
    """

    def __init__(self, rules) -> None:
        import ahocorasick

        self.rules = tuple(rules)
        self.always: list[tuple[int, int]] = []
        by_needle: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for ri, rule in enumerate(self.rules):
            for pi, pat in enumerate(rule.patterns):
                if pat.needles is None:
                    self.always.append((ri, pi))
                    continue
                for needle in pat.needles:
                    by_needle.setdefault(pat.view, {}).setdefault(needle, []).append((ri, pi))
        self.automata: dict[str, object] = {}
        self.by_gram: dict[str, dict] = {}
        for view, table in by_needle.items():
            automaton = ahocorasick.Automaton()
            grams: dict = {}
            for needle, where in table.items():
                automaton.add_word(needle, tuple(where))
                grams.setdefault(_gram(needle), set()).update(where)
            automaton.make_automaton()
            self.automata[view] = automaton
            self.by_gram[view] = grams

    def candidates(self, doc: Doc) -> dict[int, list[Pat]]:
        """Rule index → the patterns of that rule (in declaration order) that may match ``doc``."""
        found = set(self.always)
        grams: dict[str, set] = {}
        for view, automaton in self.automata.items():
            text = doc.norm.view(view)
            if len(text) < LONG_TEXT:
                for _, where in automaton.iter(text):
                    found.update(where)
            else:
                by_gram = self.by_gram[view]
                for key in self._long_text_keys(doc, view, text, by_gram, grams):
                    found.update(by_gram[key])
        out: dict[int, list[Pat]] = {}
        for ri, pi in sorted(found):
            out.setdefault(ri, []).append(self.rules[ri].patterns[pi])
        return out

    @staticmethod
    def _long_text_keys(doc: Doc, view: str, text: str, by_gram: dict, grams: dict[str, set]):
        """The keys of ``by_gram`` whose characters occur (side by side) in a long ``text``.

        A view with few keys looks each one up as a substring; otherwise the text's set of characters
        and pairs is built once per distinct string, and the digit view's is derived from the folded
        text's (it is that text with one character mapped to one character, so its pairs are the
        text's pairs mapped).
        """
        if len(by_gram) <= FEW_KEYS:
            return [k for k in by_gram if (k if isinstance(k, str) else k[0] + k[1]) in text]
        found = grams.get(text)
        if found is None:
            folded = doc.norm.text
            if view == "digits" and len(text) == len(folded):
                base = grams.get(folded)
                if base is None:
                    base = grams[folded] = _grams(folded)
                found = {k.translate(DIGIT_TABLE) if isinstance(k, str)
                         else (k[0].translate(DIGIT_TABLE), k[1].translate(DIGIT_TABLE)) for k in base}
            else:
                found = _grams(text)
            grams[text] = found
        return by_gram.keys() & found


def raw_hits(rule: Rule, doc: Doc, patterns=None) -> list[Hit]:
    """Every match of ``rule`` with the suppressions that apply to it.

    ``patterns`` (from :meth:`Prefilter.candidates`) limits the search to the
    patterns that can match; by default every pattern of the rule runs.
    """
    hits = []
    for pat in rule.patterns if patterns is None else patterns:
        text = doc.norm.view(pat.view)
        if pat.guard is not None and not pat.guard(text):
            continue
        for n, m in enumerate(pat.finditer(text)):
            if n >= MAX_MATCHES_PER_PATTERN:
                break
            s, e = m.span()
            if s == e or not rule.has_context(doc, pat.view, s, e):
                continue
            if rule.confirm is not None and not rule.confirm(doc, m, pat.name):
                continue
            start, end = doc.norm.span_in(pat.view, s, e)
            if start >= end:
                continue
            hits.append(Hit(rule, pat, start, end, suppressions(rule, doc, start, end)))
    return hits


def suppressions(rule: Rule, doc: Doc, start: int, end: int) -> tuple[Suppressor, ...]:
    """The suppressions of ``rule`` that apply to the hit ``[start, end)``.

    One clause or sentence cue is enough to cancel a hit, so the search stops at
    the first; message-scope ones (which read the whole message, never the hit)
    are then computed once per message.
    """
    local, whole = rule.scoped
    for sup in local:
        if sup.test(doc, start, end):
            return (sup,)
    if not whole:
        return ()
    framed = doc.framed
    found = []
    for sup in whole:
        hit = framed.get(id(sup))
        if hit is None:
            hit = framed[id(sup)] = sup.test(doc, start, end)
        if hit:
            found.append(sup)
    return tuple(found)
