"""Money and counts written the ways people write them.

Forms (each has rows in ``tests/test_agreement_numbers.py``):

- Arabic digits with thousands separators and decimals: ``12,345.67元``,
  full-width ``１２，３４５．６７``, ``¥``/``￥``/``RMB``/``CNY``/``人民币`` in front;
- Chinese numerals ``三千五百元``, ``两万``, ``一万二``, ``兩萬八``, capital numerals
  with ``元角分`` and ``整`` (``壹万贰仟叁佰肆拾伍元陆角整``, traditional ``參``/``貳``);
- units: ``1.2万元``, ``3千``, ``5k``, ``2w``, and mixed ``3万5千``, ``3万2``;
- counts: ``分24期``, ``分贰拾肆期``, ``共12期``, ``24期``, ``期数 6``, ``分12个月``.

Not amounts: dates and times, percentages, ``第3期``, ``3条``/``48小时``,
identifiers (``尾号3308``, ``工号AH****17``, ``6222 **** 1034``, ``138****5621``),
a number cut off by a screenshot (``¥ 1,0``) and vague sums (``七百多``,
``8k多``, ``一万左右``, ``四五千``): :func:`find_money` drops them or marks
them ``vague``.

Chinese numerals are converted by :mod:`.cnnum` (checked against ``cn2an``,
which is too slow to import for the command line); 角/分 after 元, 整, the
currency marks, separators and ``k``/``w`` are handled here. Everything is matched on the folded view of
:mod:`.view` (full-width → ASCII, traditional → simplified, lower case), and
every :class:`Money` keeps its span in the original text.
"""

from __future__ import annotations

from ..lazyre import lazy
import re
from dataclasses import dataclass
from functools import lru_cache

from .cnnum import cn_to_number
from .view import View, view_of

CN_DIGITS = "零〇一二两三四五六七八九壹贰叁参肆伍陆柒捌玖幺"
CN_UNITS = "十拾百佰千仟万亿"
_CN = f"[{CN_DIGITS}{CN_UNITS}]"
# Spoken and variant forms (the fold has already made 參 → 参, 兩 → 两, 萬 → 万).
_CAPITALS = str.maketrans({"参": "叁", "〇": "零", "幺": "一"})

_ARABIC = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?"
# A money amount: optional currency mark, a number (Arabic, Chinese, or Arabic with 万/千 and Chinese
# or Arabic tails such as 3万5千), an optional unit, optional 角/分 and 整.
MONEY_RE = lazy(
    r"(?P<cur>¥|rmb\s?|cny\s?|人民币)?\s?"
    rf"(?P<num>(?:{_ARABIC})(?:\s?[万千kw](?:[0-9]|{_CN})*)?|[{CN_DIGITS}十拾]{_CN}*)"
    r"(?P<unit>\s?(?:元|圆|块|rmb|yuan)(?![a-z]))?"
    rf"(?P<jiao>(?:[0-9]|[{CN_DIGITS}])角)?(?P<fen>(?:[0-9]|[{CN_DIGITS}])分)?(?P<zheng>整)?"
)

# What may not follow a number that carries no currency mark: it is a date, a time, a count of
# something else, a percentage or a rank.
NOT_MONEY_AFTER = lazy(
    r"[ \t]?(?:年|月|日|号|期|天|个|%|次|笔|位|点|岁|小时|分钟|秒|条|倍|折|成|名|人|家|张|户|周|星期|:\d|/\d|-\d|~)")
# What makes a number an identifier: a label in front, a masked run or a code next to it.
IDENTIFIER_BEFORE = lazy(
    r"(?:尾号|尾数|末四位|末尾|编号|工号|卡号|账号|帐号|号码|会议号|借据号|合同号|协议号|证件号|身份证|qq|v信|微信号|vx"
    r"|(?<![a-z])(?:ending|no\.|id|tel)|电话|热线|拨打|致电|联系)[:\s]*$")
CODE_NEIGHBOUR_BEFORE = lazy(r"(?:[a-z*#_]|[a-z0-9]-)$")
CODE_NEIGHBOUR_AFTER = lazy(r"^(?:[*#_]|-[a-z0-9]|[a-z](?!mb|ny|uan))")
# A number cut off or malformed: ``1,0``, ``12,34``.
TRUNCATED_AFTER = lazy(r"(?:,[0-9]{1,2}(?![0-9])|\.[0-9])")
# Vague sums: 七百多, 8k多, 一万左右, 两千来块, 大概三千 — not stated amounts.
VAGUE_AFTER = lazy(r"\s?(?:多|余|来|左右|上下|几|出头)")
VAGUE_BEFORE = lazy(r"(?:大概|大约|差不多|将近|接近|不到|至少|最多)\s?$")
VAGUE_RANGE = lazy(rf"[一二三四五六七八九]{{2}}[{CN_UNITS}]")   # 四五千, 三四万

_ARABIC_WITH_UNIT = lazy(r"([0-9]+(?:\.[0-9]+)?)([万千kw])?(.*)")
_DATE_TAIL = lazy(r"[-/.][0-9]")
_DIGITS_DOT = set("0123456789.")
_LONE_CN = set(CN_DIGITS + "十拾")
_UNIT_IN_NUM = lazy("[万千kw角分百十佰仟拾亿]")
_CN_RE = lazy(_CN)
COUNT_NUM = rf"(?:[0-9]{{1,3}}|[{CN_DIGITS}十拾百佰]{{1,4}})"
COUNT_RE = lazy(
    rf"分\s?(?P<split>{COUNT_NUM})\s?(?:期|个月)"
    rf"|期数\s?[:：]?\s?(?:为|是)?\s?(?P<field>[0-9]{{1,3}})(?![0-9.,期])"
    rf"|(?P<plain>{COUNT_NUM})\s?期(?!限|间|内|日|数|末)"
)
# A number of periods that is not the plan's count: 第3期, 任一期, 连续两期, 第1至47期, 逾期3期.
COUNT_NOT_BEFORE = lazy(r"(?:第|任|每|连续|首|末|本|当|这|上|下|前|后|至|到|-|~|逾期|剩余|最后|其中)\s?$")
COUNT_NOT_AFTER = lazy(r"^\s?(?:未|逾期|以上|以内|起|还款日|的还款)")


@dataclass(frozen=True)
class Money:
    value: float
    start: int          # span in the original text
    end: int
    text: str           # the original text of the amount
    marked: bool        # a currency mark or unit (元, ¥, 万…) says it is money
    vague: bool = False   # 七百多, 一万左右: not a stated amount
    vstart: int = -1    # span in the folded view
    vend: int = -1


def parse_number(s: str) -> float | None:
    """The value of a numeral (Arabic, Chinese, capital or mixed, with 万/千/k/w), or None.

    ``s`` is folded text (ASCII digits, simplified characters)."""
    s = s.strip().replace(",", "").replace(" ", "").translate(_CAPITALS)
    if not s:
        return None
    m = _ARABIC_WITH_UNIT.fullmatch(s)
    if m:
        base = float(m.group(1))
        unit = m.group(2)
        rest = m.group(3)
        if unit is None:
            return base if not rest else None
        scale = 10_000 if unit in "万w" else 1_000
        value = base * scale
        if rest:   # 3万5千, 3万5 (= 3.5万), 1万2千5百, 1万零5百
            if rest.isdigit():
                if len(rest) != 1:
                    return None
                value += int(rest) * scale / 10          # 3万5 = 35,000
            elif base == int(base):
                whole = cn_to_number(f"{int(base)}{'万' if scale == 10_000 else '千'}{rest}")
                if whole is None:
                    return None
                value = whole
            else:
                return None
        return round(value, 2)
    if VAGUE_RANGE.search(s):
        return None
    return _cn_number(s)


@lru_cache(maxsize=4096)
def _cn_number(s: str) -> float | None:
    """A Chinese (or mixed) numeral's value (see :mod:`.cnnum`), or None."""
    return cn_to_number(s)


def _small(part: str | None) -> int:
    if not part:
        return 0
    ch = part[0]
    return int(ch) if ch.isdigit() else int(_cn_number(ch.translate(_CAPITALS)) or 0)


def money_value(m: re.Match) -> float | None:
    """The yuan value of one :data:`MONEY_RE` match (角 and 分 included)."""
    value = parse_number(m.group("num"))
    if value is None:
        return None
    value += _small(m.group("jiao")) / 10 + _small(m.group("fen")) / 100
    return round(value, 2)


def _is_identifier(t: str, s: int, e: int) -> bool:
    before = t[max(0, s - 8):s]
    after = t[e:e + 3]
    return bool(IDENTIFIER_BEFORE.search(before) or CODE_NEIGHBOUR_BEFORE.search(before)
                or CODE_NEIGHBOUR_AFTER.match(after))


def money_in_view(v: View) -> list[Money]:
    """Every amount-shaped number of a folded view (see the module docstring for what is left out)."""
    t = v.text
    out: list[Money] = []
    for m in MONEY_RE.finditer(t):
        num = m.group("num")
        if not num:
            continue
        s, e = m.span()
        lead = len(t[s:e]) - len(t[s:e].lstrip())
        s += lead
        ns, ne = m.span("num")
        has_mark = bool(m.group("unit") or m.group("cur"))
        if TRUNCATED_AFTER.match(t, ne) or t[e:e + 1].isdigit():
            continue
        if not has_mark and NOT_MONEY_AFTER.match(t, e):
            continue
        if not m.group("cur") and _is_identifier(t, ns, ne):
            continue
        if num[-1].isdigit() and _DATE_TAIL.match(t, e):
            continue        # part of a date, a version or a code such as 2026-03-15
        if ns > 0 and (t[ns - 1] in _DIGITS_DOT or (t[ns - 1] in ",:" and ns > 1 and t[ns - 2].isdigit())
                       or t[ns - 1] == "第"):
            continue        # the tail of a cut number (1,0) or a time (14:26), or a rank (第1至47期)
        if not has_mark and not m.group("zheng") and len(num) == 1 and num in _LONE_CN:
            continue        # a lone 一/两/十 with no unit: 一半, 一致, 两期, 十分
        value = money_value(m)
        if value is None:
            continue
        marked = has_mark or bool(_UNIT_IN_NUM.search(num)) or bool(m.group("zheng") and _CN_RE.search(num))
        vague = bool(VAGUE_AFTER.match(t, e) or VAGUE_BEFORE.search(t[max(0, s - 4):s])
                     or (m.group("unit") is None and VAGUE_AFTER.match(t, ne)))
        os_, oe = v.span(s, e)
        out.append(Money(value, os_, oe, v.original[os_:oe], marked, vague, s, e))
    return out


def find_money(text: str | View) -> list[Money]:
    """Every amount in ``text`` with its span in the original (dates, counts, identifiers excluded)."""
    return [m for m in money_in_view(view_of(text)) if not m.vague]


def parse_money(text: str) -> float | None:
    """The value of the first stated amount in ``text``, or None (a convenience for callers and tests)."""
    v = view_of(text)
    from .dates import dates_in_view

    taken = [(d.vstart, d.vend) for d in dates_in_view(v)] + [(s, e) for _, s, e in counts_in_view(v)]
    for m in money_in_view(v):
        if any(s < m.vend and m.vstart < e for s, e in taken):
            continue
        return None if m.vague else m.value
    return None


def counts_in_view(v: View) -> list[tuple[int, int, int]]:
    """Instalment counts of a folded view: (count, view start, view end)."""
    t = v.text
    out = []
    for m in COUNT_RE.finditer(t):
        group = "split" if m.group("split") else "field" if m.group("field") else "plain"
        raw = m.group(group)
        s, e = m.span()
        if group == "plain":
            if COUNT_NOT_BEFORE.search(t[max(0, s - 3):s]) or COUNT_NOT_AFTER.match(t[e:e + 4]):
                continue
            if s > 0 and t[s - 1] in _DIGITS_DOT:
                continue
        value = parse_number(raw)
        if value is not None and value == int(value) and 1 <= value <= 120:
            out.append((int(value), s, e))
    return out


def find_counts(text: str | View) -> list[tuple[int, int, int]]:
    """Instalment counts (``分24期``, ``24期``, ``分贰拾肆期``): (count, start, end) in the original text."""
    v = view_of(text)
    return [(c, *v.span(s, e)) for c, s, e in counts_in_view(v)]


def parse_count(text: str) -> int | None:
    """The first instalment count stated in ``text``, or None."""
    found = find_counts(text)
    return found[0][0] if found else None
