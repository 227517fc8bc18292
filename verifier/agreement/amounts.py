"""Which amount is which (the date roles live in :mod:`.dates`).

Everything is read off the folded view of :mod:`.view` (traditional →
simplified, full-width → ASCII, lower case), so the cue lists below are
written once: ``應還總額``, ``应还总额`` and ``应 还 总 额`` are the same cue.

How an amount gets its role (:func:`find_amounts`):

1. the words in front of it, back to the previous amount or the start of its
   sentence (the *stretch*), are cut into comma clauses; the last clause that
   holds a role word speaks for the amount (``甲方同意免除全部利息及罚息，计人民币
   4,850元`` → the waiver);
2. inside that clause the words are read left to right: a later noun replaces
   an earlier one (``欠款本金`` → principal), except that a waiver keeps the
   things it waives as its objects (``减免罚息及违约金共计`` → waived), 每期/每月
   keeps the payable word that follows (``每期应还`` → instalment), and a word
   of repaying followed by 本金 states both (``应还本金``, ``仅需偿还本金`` →
   principal and payable). Payment verbs (支付/存入/汇入/转入/pay…) mark the
   payable unless a noun follows (``支付服务费`` → fees);
3. words after the amount count when nothing in front does, or when they are
   stronger: a fee noun right after it (``两千手续费``, ``1980的服务费``), a waiver
   verb in its clause (``2,135.50元予以免除``, ``剩下的两千三不用还了``), a
   payment verb (``把4500一次性还完``, ``借个五千出来，转我``) or what it is
   (``4500就是App上显示的全部欠款``);
4. special families: ``应还总额``/``应还本息合计`` is the total when it is an
   as-of balance (截至…) or a waiver or payable follows, and the payable
   otherwise; a bare 合计/一共 is the total, or the payable when it sums the
   instalments just stated (``每期一千六 … 总共是一万六``); a sum across roles
   (``应还款及服务费合计``) is nobody's; a part paid first (``先还八千``) is the
   payable only if the rest is waived outright (``剩下的一万申请全免``), else a
   deposit; amounts inside ``（含本金…）`` break an instalment down and are
   skipped; an unmarked number (no 元/¥/万) needs its role word right in front
   (``你本金是9800``, ``欠的26,000``).

A role stated twice with the same value is that value. A later 合计/共计
restatement replaces the parts stated before it (``减免罚息2,200元及部分利息
1,117.40元，合计减免3,317.40元``). Two different fee items (服务费 and 定金) are
two fees, and instalment amounts may differ for the last one; any other
different value is kept in ``conflicts`` for the consistency check.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate

from ..contract import AMOUNT_KEYS
from .dates import Date, dates_in_view
from .numbers import Money, counts_in_view, money_in_view
from .view import View, view_of

# ------------------------------------------------------------------ cue lists (folded: simplified, lower case)
# role → noun cues; longer cues win where they overlap (应还总额 is not 应还).
ROLE_CUES: dict[str, tuple[str, ...]] = {
    "total_debt": ("欠款总额", "账单总额", "欠款合计", "合计欠款", "总欠款", "累计欠款", "尚欠", "共欠", "欠款共计",
                   "欠款金额", "欠款", "欠了", "欠的", "欠", "债务总额", "债务", "卡债", "总额", "账单金额",
                   "延期账单总额", "逾期账单", "本息合计", "本息共计", "本息", "剩余借款", "剩余欠款", "全部欠款",
                   "加起来", "outstanding balance", "balance", "debt total", "total debt", "debt", "total"),
    "principal": ("本金", "借款本金", "剩余本金", "透支本金", "分期本金", "延期本金", "贷款金额", "借款金额", "借款",
                  "贷款", "principal"),
    "interest": ("利息", "未还利息", "已产生利息", "interest"),
    "penalty": ("罚息", "违约金", "滞纳金", "逾期利息", "复利", "penalty"),
    "fees": ("分期手续费", "手续费", "服务费", "服务费用", "咨询费", "工本费", "加急费", "公证费", "审核费", "资料费",
             "办理费", "办理费用", "代办费", "法务费", "律师费", "延期费", "激活费", "会员费", "管理费", "中介费",
             "顾问费", "绩效费", "佣金", "保证金", "定金", "订金", "尾款", "费用", "service fee", "fee"),
    "waived": ("减免", "免除", "豁免", "核减", "免掉", "免去", "放弃", "抹零", "抹个零", "省了", "少还",
               "waived", "waive", "discount"),
    "payable": ("实际应还", "结清金额", "结清款", "只需还", "只需", "仅需还", "仅需", "延期后应还", "协商后应还",
                "应还金额", "应还", "应偿还", "需还", "需偿还", "还款金额", "分期金额", "共需", "应付", "只还",
                "只要还", "调解款", "和解款", "减免至", "减免到", "减至", "减到", "降至", "降到", "amount payable",
                "settlement amount", "payable", "only pay", "reduced to"),
    "installment_amount": ("每期", "每月", "每个月", "月供", "每期应还", "monthly payment", "per month"),
}
# Payment verbs: the payable, unless a noun follows them in the clause (支付服务费 → fees).
PAY_VERBS = ("先还", "先转", "先付", "先交", "先支付", "先缴纳", "支付", "存入", "汇入", "转入", "转账至", "转至", "转到",
             "转给", "转我", "打到", "缴纳", "缴", "付款", "一次性还款", "一次性还", "一次性偿还", "还款", "归还", "偿还",
             "还清", "pay")
# Weak cues: they count only when nothing stronger is in the clause and they stand right before the amount.
WEAK_CUES: dict[str, str] = {"金额": "payable", "逾期": "total_debt", "还": "payable", "付": "payable",
                             "交": "payable", "转": "payable", "汇": "payable", "显示": "total_debt"}
# A total word on its own: it says "all of this", the role comes from the words around it.
MODIFIERS = ("合计", "共计", "总计", "一共", "总共", "共", "累计", "计", "in total")
# 应还总额 / 应还本息合计: the total as of a date, or what is due when nothing is waived.
DUE_TOTAL_CUES = ("应还总额", "应还本息合计", "应还本息共计", "应还本息", "应还合计")
# Repaying words that, followed by 本金, state principal and payable at once.
REPAY_WORDS = ("应还", "应偿还", "仅需偿还", "仅需还", "仅需归还", "只需还", "只需偿还", "只还", "只要还", "需还",
               "需偿还", "需归还", "偿还", "归还", "还")
COMPONENT_ROLES = ("principal", "interest", "penalty", "fees", "total_debt")
# Words between a cue and an unmarked number (你本金是9800, 欠的26,000, 欠款约15万).
LINK = lazy(r"^(?:[\s:,是为就有约的了个到即=¥]|人民币|rmb|cny|也就是|一半|一部分)*$")
# Phrases that look like a cue but are not: a temporal 减免后, the base of a percentage (总额的8%).
MASKS = (
    lazy(r"(?:减免|免除|豁免)(?:之)?后"),
    lazy(r"(?:债务总额|欠款总额|总额|减免金额|金额|欠款|本金|债务|借款|账单|应还款?)的\s?[0-9.]+\s?%"),
    lazy(r"[0-9.]+\s?%"),
    lazy(r"没有(?:任何)?(?:减免|免除)|无(?:减免|免除)|不(?:收取|收)"),
)
# A breakdown of one instalment: （含本金1,000元、手续费180元）.
INSIDE_BREAKDOWN = lazy(r"[(（]\s?(?:含|包含|内含|其中含)[^()（）]{0,60}[)）]")
# Clause and sentence ends for the stretch.
CLAUSE_SPLIT = lazy(r"[,:;，：；]|\s-\s")
SENTENCE_END = lazy(r"[。;；!?！？\n]|\.(?:\s|$)")
STRETCH_MAX = 40
# After the amount.
_FEE_NOUNS = sorted((c for c in ROLE_CUES["fees"] if not c.isascii()), key=len, reverse=True)
POST_FEE = lazy(r"^(?:元|块)?的?\s?(?:" + "|".join(_FEE_NOUNS) + ")")
POST_WAIVER = lazy(r"予以免除|予以减免|免除|全免|全部免|豁免|不用还|不用再还|免掉|一笔勾销|不需要还")
POST_TOTAL = lazy(r"^(?:的(?:卡债|欠款|债务|账单)|(?:就是|是|为)[^,，。;；]{0,12}(?:欠款|总额|欠的))")
POST_PAY = lazy(r"^[^,，。;；\n]{0,6}?(?:还完|还清|还上|还掉|汇入|转入|存入|转到|转给|转我|打到|支付|结清)"
                      r"|^[^。;；\n]{0,3}[,，]\s?(?:转|汇|打)(?:我|到|给|入)"
                      r"|^[,，]\s?[^,，。;；\n]{0,10}?(?:还完|还清|还上|还掉|转到|转给|转我|打到|汇入|转入|存入)")
# 先还八千: a part paid first. It is the payable only if the rest is then waived outright.
FIRST_PART = lazy(r"先(?:在[^,，。]{0,10})?(?:还|转|付|交|支付|缴|存)|先(?:把|将)[^,，。]{0,4}$")
REST_WAIVED = lazy(r"(?:剩下|剩余|其余|另一半|余下|剩的)[^。\n]{0,20}?(?:全免|全部免|豁免|免除|不用还|免掉|一笔勾销)")
# 将本金X汇入: the principal is what is paid.
PUT_PRINCIPAL = lazy(r"(?:将|把)[^,，。]{0,4}本金\s?$")
AS_OF = lazy(r"截至|截止至|截止到|截止\d|as of")

_CONJ = lazy(r"\s?(?:及|和|以及|与|并|、)")
_CLAUSE_OR_SENTENCE_END = lazy(r"[,，。;；\n!?！？]")

@dataclass
class Amounts:
    values: dict[str, float | int | None]
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)       # in the original text
    conflicts: dict[str, list[float]] = field(default_factory=dict)       # a role stated again with another value
    unassigned: list[Money] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)                     # every stated amount, in text order


@dataclass
class _Cue:
    start: int
    end: int
    word: str
    kind: str      # noun, verb, weak, mod, due
    role: str | None


def _cue_regex():
    words = {c for cues in ROLE_CUES.values() for c in cues} | set(PAY_VERBS) | set(WEAK_CUES) | set(MODIFIERS) \
        | set(DUE_TOTAL_CUES) | set(REPAY_WORDS)
    parts = []
    for w in sorted(words, key=lambda w: (-len(w), w)):   # longest first; ties in a fixed order, not a set's
        e = re.escape(w)
        parts.append(rf"(?<![a-z]){e}(?![a-z])" if re.match("[a-z]", w) else e)
    return lazy("|".join(parts))


_CUE_RE = _cue_regex()
_NOUN_OF = {c: role for role, cues in ROLE_CUES.items() for c in cues}


def _kind(word: str) -> tuple[str, str | None]:
    if word in DUE_TOTAL_CUES:
        return "due", "due_total"
    if word in _NOUN_OF:
        return "noun", _NOUN_OF[word]
    if word in MODIFIERS:
        return "mod", None
    if word in WEAK_CUES:
        return "weak", WEAK_CUES[word]
    return "verb", "payable"


def _masked(s: str) -> str:
    for rx in MASKS:
        s = rx.sub(lambda m: "\x00" * len(m.group()), s)
    return s


def _cues(clause: str) -> list[_Cue]:
    out = []
    for m in _CUE_RE.finditer(clause):
        kind, role = _kind(m.group())
        out.append(_Cue(m.start(), m.end(), m.group(), kind, role))
    return out


@dataclass
class _Reading:
    role: str | None
    both_principal: bool = False      # 应还本金X: principal too
    restated: bool = False            # a 合计/共计 restatement
    sum_of_roles: bool = False        # 应还款及服务费合计: nobody's
    source: str = ""                  # noun, verb, weak, mod, due
    cue_end: int = -1                 # end of the deciding cue in the clause
    clause: str = ""
    conj: bool = False                # the clause opens with 及/和/以及
    word: str = ""                    # the deciding cue
    adjacent: bool = False            # only link words between the cue and the amount


def _read_clause(clause: str) -> _Reading | None:
    cues = _cues(clause)
    if not cues:
        return None
    head: _Cue | None = None
    both = False
    per_period = False
    nouns: list[str] = []
    mod_after_nouns = False
    for c in cues:
        if c.kind == "mod":
            if nouns:
                mod_after_nouns = True
            continue
        if c.kind == "weak":
            if head is None and c is cues[-1]:
                head = c
            continue
        if head is None or head.kind == "weak":
            head = c
            if c.kind in ("noun", "due"):
                nouns.append(c.role)
            continue
        if head.role == "waived" and c.role in COMPONENT_ROLES:
            continue                  # 减免罚息及违约金: the things waived
        if head.role == "installment_amount" and c.role == "payable":
            continue                  # 每期应还, 每月只需还
        if head.role == "installment_amount" and c.role in COMPONENT_ROLES:
            per_period = True         # 每期本金2,083.33元, 每期手续费150元: a part of one instalment
            continue
        if head.role == "payable" and c.role == "principal" and head.word in REPAY_WORDS + ("只需", "仅需"):
            both = True               # 应还本金, 仅需偿还本金
            continue
        if c.kind == "verb" and head.kind in ("noun", "due"):
            continue                  # a noun keeps its role when a payment verb follows
        head = c
        if c.kind in ("noun", "due"):
            nouns.append(c.role)
    if head is None:
        mods = [c for c in cues if c.kind == "mod"]
        if not mods:
            return None
        return _Reading(None, restated=True, source="mod", cue_end=mods[-1].end, clause=clause)
    distinct = set(nouns)
    sum_of_roles = (mod_after_nouns and len(distinct) > 1 and not distinct <= set(COMPONENT_ROLES)
                    and head.role != "waived") or per_period
    role = head.role
    if mod_after_nouns and len(distinct) > 1 and distinct <= set(COMPONENT_ROLES) and head.role != "waived":
        role = "total_debt"            # 本金及利息合计: the total
    return _Reading(role, both_principal=both, restated=any(c.kind == "mod" for c in cues), sum_of_roles=sum_of_roles,
                    source=head.kind, cue_end=max(c.end for c in cues), clause=clause,
                    conj=bool(_CONJ.match(clause)), word=head.word)


def _sentence_start(t: str, pos: int) -> int:
    start = 0
    for m in SENTENCE_END.finditer(t, max(0, pos - 120), pos):
        start = m.end()
    return start


def _stretch(t: str, start: int, floor: int) -> str:
    lo = max(floor, _sentence_start(t, start), start - STRETCH_MAX)
    return t[lo:start]


def _read(stretch: str) -> _Reading | None:
    """The reading of the last clause of ``stretch`` that holds a role word (see the module docstring)."""
    masked = _masked(stretch)
    bounds = [0] + [m.end() for m in CLAUSE_SPLIT.finditer(masked)]
    ends = [m.start() for m in CLAUSE_SPLIT.finditer(masked)] + [len(masked)]
    restated = False
    last_mod: _Reading | None = None
    for i in range(len(bounds) - 1, -1, -1):
        r = _read_clause(masked[bounds[i]:ends[i]])
        if r is None:
            continue
        r.adjacent = bool(LINK.match(masked[bounds[i] + r.cue_end:].replace("\x00", "")))
        if r.role is None:            # only 合计/共计: look further back for the role
            restated = True
            last_mod = last_mod or r
            continue
        r.restated = r.restated or restated
        r.conj = r.conj and i == len(bounds) - 1
        return r
    return last_mod


def _clause_after(t: str, end: int, limit: int = 24) -> str:
    rest = t[end:end + limit]
    m = _CLAUSE_OR_SENTENCE_END.search(rest)
    return rest[:m.start()] if m else rest


class _Spans:
    """Spans of the view that hold no amount (dates, counts, instalment breakdowns), for overlap tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach = list(accumulate((e for _, e in self.spans), max))   # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_left(self.starts, end) - 1        # spans that start before ``end``
        return k >= 0 and self.reach[k] > start


def find_amounts(text: str | View, dates: list[Date] | None = None) -> Amounts:
    """The role of every amount of ``text`` (see the module docstring)."""
    v = view_of(text)
    t = v.text
    dates = dates_in_view(v) if dates is None else dates
    counts = counts_in_view(v)
    taken = _Spans([(d.vstart, d.vend) for d in dates] + [(s, e) for _, s, e in counts]
                   + [m.span() for m in INSIDE_BREAKDOWN.finditer(t)])
    money = [m for m in money_in_view(v) if not taken.overlaps(m.vstart, m.vend)]
    values: dict[str, float | int | None] = dict.fromkeys(AMOUNT_KEYS)
    out = Amounts(values)
    out.money = [m for m in money if not m.vague]
    state = _State(out)
    floor = 0
    pending_due: list[Money] = []
    for m in money:
        s, e = m.vstart, m.vend
        stretch = _stretch(t, s, floor)
        floor = e
        if m.vague:
            state.last_role = None
            continue
        after = _clause_after(t, e)
        reading = _read(stretch)
        role, both, word = _decide(t, m, stretch, after, reading, state)
        if role == "due_total":
            pending_due.append(m)
            state.last_role = "due_total"
            continue
        if role is None:
            out.unassigned.append(m)
            state.last_role = None
            continue
        state.assign(role, m, restated=bool(reading and reading.restated),
                     partial=bool(reading and reading.conj and state.last_role == role), word=word)
        if both:
            state.assign("principal", m)
            state.assign("payable", m)
        state.last_role = role
    for m in pending_due:
        later = state.roles_after(m.vstart)
        as_of = AS_OF.search(t[_sentence_start(t, m.vstart):m.vstart]) is not None
        state.assign("total_debt" if as_of or later & {"waived", "payable"} else "payable", m)
    for count, s, e in counts:
        if out.values["installment_count"] is None:
            out.values["installment_count"] = count
            out.spans["installment_count"] = v.span(s, e)
    return out


class _State:
    def __init__(self, out: Amounts) -> None:
        self.out = out
        self.last_role: str | None = None
        self.parts: dict[str, list[float]] = {}
        self.fee_words: set[str] = set()             # the fee items stated so far (服务费, 定金)
        self.assigned: list[tuple[int, str]] = []    # (view start, role)

    def roles_after(self, start: int) -> set[str]:
        return {role for s, role in self.assigned if s > start}

    def assign(self, role: str, m: Money, restated: bool = False, partial: bool = False, word: str = "") -> None:
        out = self.out
        value = m.value
        self.assigned.append((m.vstart, role))
        parts = self.parts.setdefault(role, [])
        if out.values[role] is None:
            out.values[role] = value
            out.spans[role] = (m.start, m.end)
            parts.append(value)
            if role == "fees":
                self.fee_words.add(word)
            return
        if abs(out.values[role] - value) < 0.005:
            return
        if partial:                    # 减免罚息2,200元及部分利息1,117.40元: one more part
            parts.append(value)
            return
        if restated and (len(parts) > 1 or abs(sum(parts) - value) < 0.005):
            out.values[role] = value   # 合计减免3,317.40元: the parts' total
            out.spans[role] = (m.start, m.end)
            self.parts[role] = [value]
            return
        if role == "installment_amount":
            return                     # the last instalment may differ
        if role == "fees" and word not in self.fee_words:
            self.fee_words.add(word)
            return                     # another fee item (服务费 and 定金), not a contradiction
        out.conflicts.setdefault(role, []).append(value)


def _decide(t: str, m: Money, stretch: str, after: str, reading: _Reading | None,
            state: _State) -> tuple[str | None, bool, str]:
    """(role, also principal and payable, the deciding word) of one amount."""
    fee = POST_FEE.match(after)
    if fee:
        return "fees", False, fee.group().lstrip("元块的 ")
    adjacent = reading is not None and reading.adjacent
    if POST_WAIVER.search(after) and not (reading and reading.role in ("payable", "installment_amount")
                                          and adjacent and reading.source != "weak"):
        return "waived", False, ""
    if reading is not None and reading.role is None:      # 合计/一共 on its own
        if not (m.marked or adjacent):
            return None, False, ""
        if state.last_role == "installment_amount" or POST_PAY.match(t[m.vend:m.vend + 16]):
            return "payable", False, ""                   # 每期一千六 … 总共是一万六; 一共八千就结清
        return "total_debt", False, ""
    if reading is not None and reading.role is not None:
        if reading.sum_of_roles:
            return None, False, ""
        if reading.source == "weak" and not adjacent:
            reading = None
        elif not m.marked and not adjacent:
            reading = None
    if reading is not None:
        role = reading.role
        if reading.conj and state.last_role == "waived" and role in COMPONENT_ROLES:
            role = "waived"                               # 减免罚息X及部分利息Y
        if role == "payable" and reading.source in ("verb", "weak") and FIRST_PART.search(reading.clause):
            rest = t[m.vend:m.vend + 60]
            if not REST_WAIVED.search(rest):
                return None, False, ""                    # a deposit paid first, not the payable
        both = reading.both_principal
        if role == "principal" and PUT_PRINCIPAL.search(_masked(stretch)) and POST_PAY.match(after):
            both = True                                   # 将本金叁万元整汇入
        return role, both, reading.word
    # Nothing in front: what follows the amount.
    if POST_TOTAL.match(after):
        return "total_debt", False, ""
    if POST_PAY.match(t[m.vend:m.vend + 16]) and (m.marked or len(m.text.strip()) >= 3):
        if FIRST_PART.search(stretch[-12:]) and not REST_WAIVED.search(t[m.vend:m.vend + 60]):
            return None, False, ""
        return "payable", False, ""
    return None, False, ""
