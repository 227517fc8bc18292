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
  that no clause or sentence cue cancels.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Callable

from ..contract import FLAG_SEVERITY, SIGNALS
from ..normalise import Normalised
from .prefilter import needles, scanner

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
_CLAUSE_END = re.compile(r"[,，;；:：。！？!?\n]")
_SENTENCE_END = re.compile(r"[。！？!?\n;；]")


# Above this length a pattern is searched through its scanner (see ``Pat.finditer``).
LONG_TEXT = 2000


class Doc:
    """A message prepared for matching: folded views and clause boundaries."""

    def __init__(self, norm: Normalised) -> None:
        self.norm = norm
        self.plain = norm.plain   # same offsets as the original
        self._clauses = [m.end() for m in _CLAUSE_END.finditer(self.plain)]
        self._sentences = [m.end() for m in _SENTENCE_END.finditer(self.plain)]



    @staticmethod
    def _bounds(ends: list[int], start: int, end: int, n: int) -> tuple[int, int]:
        k = bisect_right(ends, start)
        lo = ends[k - 1] if k else 0
        k2 = bisect_right(ends, max(start, end - 1))
        hi = ends[k2] if k2 < len(ends) else n
        return lo, hi

    def clause(self, start: int, end: int) -> tuple[int, int]:
        lo, hi = self._bounds(self._clauses, start, end, len(self.plain))
        return max(lo, start - CLAUSE_REACH), min(hi, end + CLAUSE_REACH)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        lo, hi = self._bounds(self._sentences, start, end, len(self.plain))
        return max(lo, start - SENTENCE_REACH), min(hi, end + SENTENCE_REACH)


# -------------------------------------------------------------- suppressions
@dataclass(frozen=True)
class Suppressor:
    name: str
    scope: str                      # "clause", "sentence" or "message"
    test: Callable[[Doc, int, int], bool]
    doc: str

    def __call__(self, doc: Doc, start: int, end: int) -> bool:
        return self.test(doc, start, end)


NEGATION_RE = re.compile(
    "不要|不会|不能|不得|不可|请勿|切勿|勿|谨防|警惕|严禁|禁止|从不|从未|绝不|绝对不|决不|以防|防范|小心|当心"
    "|千万别|别信|别相信|别听|不需要|无需|无须|不用|并非|不存在|拒绝|杜绝|凡是|任何人|一律"
)
WARNING_RE = re.compile(
    "诈骗|骗局|骗子|骗术|陷阱|被骗|上当|违法|违规|犯罪|谣言|套路|虚假|冒充|假冒|不法分子|刑拘|抓获|捣毁|打掉"
)
SCAM_VERDICT_RE = re.compile(
    "(?:都是|都属|一律|均为|均是|就是|全是|肯定是|纯属|属于|是)(?:[^。！？!?\\n]{0,3})"
    "(?:诈骗|骗局|骗子|骗人|陷阱|违法|谣言)"
)
REPORT_FRAME_RE = re.compile(
    "^[\\s【\\[(（]*(?:[^\\s]{0,8})?(?:新闻|警方|反诈|普法|据报道|案例|通报|温馨提示|风险提示|安全提示|防骗"
    "|合规提示|评论|科普|提醒|提示|注意|公告|快讯|辟谣|报道|转发|科普)[^:：\\n]{0,10}[:：]"
)
QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("「", "」"), ("『", "』"), ("‘", "’"), ("《", "》"))
QUOTE_CUE_RE = re.compile("所谓|说法|之类|为名|为由|谎称|声称|宣传|话术|名义|借口|骗|冒充|号称|自称|类似")
QUESTION_RE = re.compile(
    "[?？]|吗$|吗[,，。]|呢$|么$|能不能|可不可以|可以不|是不是|靠不靠谱|靠谱吗|会不会|有没有|怎么|如何|咋"
)
OWN_PLAN_RE = re.compile(
    "(?:我|俺|本人)(?:自己|已经|刚|刚刚|想|打算|准备|计划|问|在|去|会|要|们想)|请问|问一下|问下|想问"
)
NARRATIVE_RE = re.compile(
    "(?:客服|银行|平台|朋友|同事|律师|他|她|对方|网上|有人|专员)(?:说|问|讲|告诉我|回复|回答|表示|建议)"
)
OFFICIAL_SIG_RE = re.compile(
    "^[\\s]*【(?:支付宝|花呗|借呗|网商银行|蚂蚁|[^】]{0,8}银行|[^】]{0,8}信用卡|[^】]{0,6}消费金融|12381|[^】]{0,8}法院)】"
    "|【(?:支付宝|花呗|借呗|网商银行|[^】]{0,8}银行|[^】]{0,6}消费金融)】\\s*$"
)


def _clause_prefix(doc: Doc, start: int, end: int) -> str:
    lo, _ = doc.clause(start, end)
    return doc.plain[lo:start]


def _negated(doc: Doc, start: int, end: int) -> bool:
    return NEGATION_RE.search(_clause_prefix(doc, start, end)) is not None


def _described_as_scam(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return SCAM_VERDICT_RE.search(doc.plain[end:hi]) is not None


def _warning_sentence(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
    return WARNING_RE.search(doc.plain[lo:hi]) is not None


def _quoted_example(doc: Doc, start: int, end: int) -> bool:
    lo, hi = doc.sentence(start, end)
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

DEFAULT_SUPPRESS: tuple[Suppressor, ...] = (
    negated, described_as_scam, quoted_example, warning_sentence, reported_frame,
)
ALL_SUPPRESSORS: tuple[Suppressor, ...] = (
    negated, described_as_scam, warning_sentence, quoted_example, reported_frame,
    debtor_question, narrated, official_notice,
)


# --------------------------------------------------------------------- rules
@dataclass(frozen=True)
class Pat:
    """A named pattern. ``view``: ``text`` (folded), ``digits`` or ``plain``."""

    name: str
    regex: str
    view: str = "text"
    direct: bool = False
    # Literal words one of which every match contains (None: unknown); see ``prefilter``.
    needles: tuple[str, ...] | None = field(init=False, repr=False, compare=False)
    _compiled: list = field(init=False, repr=False, compare=False)   # [rx, scanner] once built

    def __post_init__(self) -> None:
        if self.view not in ("text", "digits", "plain"):
            raise ValueError(f"pattern {self.name}: unknown view {self.view!r}")
        found = needles(self.regex)   # parses the regex: a syntax error is raised here
        object.__setattr__(self, "needles", None if found is None else tuple(sorted(found, key=len)))
        object.__setattr__(self, "_compiled", [])

    @property
    def rx(self) -> re.Pattern:
        """The compiled regex, built on first use: a message compiles only the patterns it may match."""
        if not self._compiled:
            self._compiled.append(re.compile(self.regex))
        return self._compiled[0]

    @property
    def _scan(self) -> re.Pattern | None:
        """The :func:`.prefilter.scanner` of this pattern (None when it has none), built on first use."""
        if len(self._compiled) < 2:
            self.rx   # noqa: B018 - slot 0 first
            src = scanner(self.regex)
            self._compiled.append(re.compile(src) if src else None)
        return self._compiled[1]

    def finditer(self, text: str):
        """``self.rx.finditer(text)``; on a long text, found through :func:`.prefilter.scanner`."""
        if len(text) < LONG_TEXT:
            return self.rx.finditer(text)
        scan = self._scan
        if scan is None:
            return self.rx.finditer(text)
        return self._scanned(scan, text)

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
    added: str = "0.1.0"
    context_rx: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.id not in FLAG_SEVERITY and self.id not in SIGNALS:
            raise ValueError(f"rule id {self.id!r} is not a flag id or signal of the contract")
        names = [p.name for p in self.patterns]
        if len(set(names)) != len(names):
            raise ValueError(f"rule {self.id}: duplicate pattern names")
        rx = re.compile("|".join(f"(?:{c})" for c in self.context)) if self.context else None
        object.__setattr__(self, "context_rx", rx)

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


@dataclass(frozen=True)
class Hit:
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
        for view, automaton in self.automata.items():
            text = doc.norm.view(view)
            if len(text) < LONG_TEXT:
                for _, where in automaton.iter(text):
                    found.update(where)
            else:
                by_gram = self.by_gram[view]
                for key in by_gram.keys() & _grams(text):
                    found.update(by_gram[key])
        out: dict[int, list[Pat]] = {}
        for ri, pi in sorted(found):
            out.setdefault(ri, []).append(self.rules[ri].patterns[pi])
        return out


def raw_hits(rule: Rule, doc: Doc, patterns=None) -> list[Hit]:
    """Every match of ``rule`` with the suppressions that apply to it.

    ``patterns`` (from :meth:`Prefilter.candidates`) limits the search to the
    patterns that can match; by default every pattern of the rule runs.
    """
    hits = []
    for pat in rule.patterns if patterns is None else patterns:
        text = doc.norm.view(pat.view)
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
            by = tuple(sup for sup in rule.suppress if sup(doc, start, end))
            hits.append(Hit(rule, pat, start, end, by))
    return hits
