"""Chinese numerals to numbers: 三千五百, 两万, 一万二, 壹万贰仟叁佰肆拾伍, 十万零五百,
二〇二六, mixed 3万5千 / 1万零5百, and decimals 三点五.

Why not a library: ``cn2an`` (the maintained converter) needs 0.27 s to import
and build its tables here, about half of the CLI's whole cold-start budget.
This module is small, and ``tests/test_agreement_cnnum.py`` checks it against
``cn2an`` as an oracle on tens of thousands of numerals in lower-case,
capital and mixed forms.
"""

from __future__ import annotations

import re

DIGIT = {"零": 0, "〇": 0, "一": 1, "壹": 1, "幺": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3,
         "叁": 3, "参": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7,
         "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_ZERO = "零〇"
_TOKEN = re.compile(r"[0-9]+|.")


def _tokens(s: str) -> list[int | str] | None:
    out: list[int | str] = []
    for t in _TOKEN.findall(s):
        if t.isdigit():
            out.append(int(t))
        elif t in DIGIT:
            out.append(DIGIT[t])
        elif t in SMALL or t in BIG:
            out.append(t)
        else:
            return None
    return out


def cn_integer(s: str) -> int | None:
    """The integer a Chinese (or mixed) numeral writes, or None when ``s`` is not one."""
    if not s:
        return None
    if all(c in DIGIT for c in s):                 # digit by digit: 二〇二六, or one digit
        return int("".join(str(DIGIT[c]) for c in s))
    tokens = _tokens(s)
    if tokens is None:
        return None
    high, mid, section = 0, 0, 0          # the 亿 part, the 万 part, what is below 万
    number: int | None = None
    last_unit: int | None = None
    previous: int | str | None = None
    for t in tokens:
        if isinstance(t, int):
            if t == 0:                      # 一万零五百: a zero only says a unit is skipped
                previous = 0
                continue
            if number is not None:
                return None                 # 三四千 is a range, not one numeral
            number = t
        elif t in SMALL:
            section += (1 if number is None else number) * SMALL[t]
            number, last_unit = None, SMALL[t]
        elif BIG[t] == 10_000:
            section += number or 0
            if section == 0:
                return None
            mid += section * 10_000
            section, number, last_unit = 0, None, 10_000
        else:                               # 亿, also after 万 (一万亿 = 10¹²)
            below = mid + section + (number or 0)
            if below == 0:
                return None
            high = (high + below) * 100_000_000
            mid, section, number, last_unit = 0, 0, None, 100_000_000
        previous = t
    if number is not None:
        if isinstance(previous, int) and previous == number and last_unit is not None and len(tokens) >= 2 \
                and isinstance(tokens[-2], str) and number < 10:
            # 一万二 = 12000, 三千五 = 3500, 两百五 = 250: a bare digit after a unit means the next unit down
            number *= last_unit // 10
        section += number
    return high + mid + section


def cn_to_number(s: str) -> float | None:
    """Like :func:`cn_integer`, with a decimal part after 点 (三点五 = 3.5)."""
    whole, sep, frac = s.partition("点")
    value = cn_integer(whole)
    if value is None:
        return None
    if not sep:
        return float(value)
    if not frac or not all(c in DIGIT or c.isdigit() for c in frac):
        return None
    digits = "".join(str(DIGIT[c]) if c in DIGIT else c for c in frac)
    return float(f"{value}.{digits}")
