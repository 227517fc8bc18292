"""Dates in agreements, and which of them is the first due date or the final deadline.

Forms: ``2026年3月15日``, ``2026-03-15``, ``2026/3/15``,
``2026.3.15``, Chinese numerals (``二〇二六年三月十五日``), OCR-spaced
``2 0 2 6 年 4 月 3 0 日`` (squeezed by :mod:`.view`) and dates with no year
(``3月15日``), which are kept with ``iso = None``: a year is never guessed.

Not dates: impossible days (``2026-02-30``), mixed separators (``2026-3/15``),
version numbers (``v2026.3.1``, ``版本 2026.3.15``), a date cut off by a
screenshot (``2026-0``).

Roles (:func:`date_roles`): a cue in front (首期/第一期 → first due; 末期/最后一期/
最迟/还款期限/延期至/到期日 → deadline; 截至/签订/签署/日期/原到期日 → an as-of date,
ignored), 前/之前 after it (a deadline), 起/开始 after it (the first due date),
提交/申请/签署 after it (an as-of date), and a date that ends a signature line
(``甲方（盖章）　2026年3月2日``) is the date of signing, not a due date.
"""

from __future__ import annotations

from ..lazyre import lazy
import datetime as dt
import re
from dataclasses import dataclass

from .numbers import parse_number
from .view import View, view_of

_CN_NUM = "[零〇一二两三四五六七八九十]"
_YEAR_CN = "[零〇一二三四五六七八九]{4}"
DATE_RE = lazy(
    r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})\s?(?P<s1>[-/.年])\s?(?P<m>[0-9]{1,2})\s?"
    r"(?P<s2>[-/.月])\s?(?P<d>[0-9]{1,2})(?![0-9])(?:\s?[日号])?"
    rf"|(?P<yc>{_YEAR_CN})年(?P<mc>{_CN_NUM}{{1,2}})月(?P<dc>{_CN_NUM}{{1,3}})[日号]"
    r"|(?<![0-9年\-/.])(?P<m2>[0-9]{1,2})月(?P<d2>[0-9]{1,2})[日号]"
    rf"|(?<![年{_CN_NUM[1:-1]}])(?P<m3>{_CN_NUM}{{1,2}})月(?P<d3>{_CN_NUM}{{1,3}})[日号]"
)
# A version number or a code, not a date.
NOT_DATE_BEFORE = lazy(r"(?:v|version|版本|版本号|ver\.?)\s?$")
NOT_DATE_AFTER = lazy(r"^(?:[.\-/][0-9])")
_DAY_MARK = lazy(r"\s?[日号]")
_CN_YEAR_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")


# --------------------------------------------- date roles: folded cue words (simplified, lower case)
DATE_CUES_BEFORE: dict[str, tuple[str, ...]] = {
    "first_due": ("首期还款日", "首期", "首次还款", "首次", "第一期", "第1期", "first due date", "first due",
                  "first payment"),
    "deadline": ("末期还款日", "末期", "最后一期", "最后一次", "最后还款日", "最迟", "还款截止日", "还款截止", "截止日", "截止时间",
                 "还款期限", "到期日", "延期至", "延长至", "延至", "延到", "期限", "结清日期", "final due date",
                 "final due", "deadline", "settlement date", "due date", "到期还款日"),
    "plain": ("还款日期", "还款日", "应还日期", "到账日期"),
    "as_of": ("截至", "截止至", "截止到", "截至到", "签订日期", "签订", "签署时间", "签署日期", "签署", "签约", "日期",
              "date", "时间", "原到期日", "原还款日", "出具", "开具", "提交时间", "生效日期", "发生", "借款日"),
}
DATE_DEADLINE_AFTER = lazy(r"^\s?(?:[0-9]{1,2}\s?(?:[:点]\s?[0-9]{0,2})?\s?)?(?:前|之前|以前|止|为止)")
DATE_FIRST_AFTER = lazy(r"^\s?(?:起|开始)")
DATE_AS_OF_AFTER = lazy(r"^[^。;；\n]{0,14}?(?:提交|申请|签订|签署|签约|发生逾期)")
SIGNATURE_LINE = lazy(r"章|签名|签字|盖章|公司|银行|中心|甲方|乙方|调解员|代表|issued|出具单位|部$")
FIRST_MENTION = lazy(r"首期|第一期|首次还款")


@dataclass(frozen=True)
class Date:
    iso: str | None       # YYYY-MM-DD, or None when the text gives no year
    start: int            # span in the original text
    end: int
    text: str
    vstart: int = -1      # span in the folded view
    vend: int = -1


def _int(s: str) -> int | None:
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None


def _iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if y is None or m is None or d is None:
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def dates_in_view(v: View) -> list[Date]:
    t = v.text
    out = []
    for m in DATE_RE.finditer(t):
        if NOT_DATE_BEFORE.search(t[max(0, m.start() - 8):m.start()]) or NOT_DATE_AFTER.match(t[m.end():m.end() + 2]):
            continue
        if m.group("y"):
            s1, s2 = m.group("s1"), m.group("s2")
            if s1 != s2 and not (s1 == "年" and s2 == "月"):
                continue          # 2026-3/15 is not a date
            if s1 == "年" and not _DAY_MARK.match(t, m.end("d")):
                continue          # 2026年3月15 without 日 is no date either
            iso = _iso(_int(m.group("y")), _int(m.group("m")), _int(m.group("d")))
            if iso is None:
                continue
        elif m.group("yc"):
            iso = _iso(int(m.group("yc").translate(_CN_YEAR_DIGITS)), _int(m.group("mc")), _int(m.group("dc")))
            if iso is None:
                continue
        else:
            month = _int(m.group("m2") or m.group("m3"))
            day = _int(m.group("d2") or m.group("d3"))
            if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            iso = None
        s, e = v.span(m.start(), m.end())
        out.append(Date(iso, s, e, v.original[s:e], m.start(), m.end()))
    return out


def find_dates(text: str | View) -> list[Date]:
    """Every date of ``text`` with its span in the original; ``iso`` is None when no year is given."""
    return dates_in_view(view_of(text))


def parse_date(text: str) -> str | None:
    """The ISO form of the first date of ``text``, or None (no date, or a date without a year)."""
    found = find_dates(text)
    return found[0].iso if found else None


def _line_bounds(t: str, s: int, e: int) -> tuple[int, int]:
    lo = t.rfind("\n", 0, s) + 1
    hi = t.find("\n", e)
    return lo, (len(t) if hi < 0 else hi)


# 首期/末期 words may carry 还款日期/日/时间 (首次还款日期为…); the bare 日期/时间 of a signature stays as-of.
_DATE_SUFFIX = "(?:还款)?(?:日期|日|时间)?"
_DATE_CUES = sorted(((w, role) for role, ws in DATE_CUES_BEFORE.items() for w in ws),
                    key=lambda x: len(x[0]), reverse=True)      # longer cues first
_DATE_BEFORE_RE = lazy("|".join(
    f"(?P<c{i}>" + (rf"(?<![a-z]){re.escape(w)}" if re.match("[a-z]", w) else re.escape(w))
    + (_DATE_SUFFIX if role in ("first_due", "deadline") else "") + ")"
    for i, (w, role) in enumerate(_DATE_CUES)))
_DATE_ROLE_BY_GROUP = {f"c{i}": role for i, (_w, role) in enumerate(_DATE_CUES)}


def _date_role(t: str, d: Date) -> str:
    s, e = d.vstart, d.vend
    after = t[e:e + 16]
    if DATE_DEADLINE_AFTER.match(after):
        return "deadline"
    before = t[max(0, s - 14):s]
    cut = max(before.rfind(c) for c in ",，。;；\n")
    if cut >= 0:
        before = before[cut + 1:]
    cues = list(_DATE_BEFORE_RE.finditer(before))
    if cues:
        return _DATE_ROLE_BY_GROUP[cues[-1].lastgroup]
    if DATE_FIRST_AFTER.match(after):
        return "first_due"
    if DATE_AS_OF_AFTER.match(after):
        return "as_of"
    lo, hi = _line_bounds(t, s, e)
    if not t[e:hi].strip() and (not t[lo:s].strip() or SIGNATURE_LINE.search(t[lo:s])):
        return "as_of"                 # the date of a signature or of issue
    return "plain"


def date_roles(text: str | View, dates: list[Date] | None = None, *,
               installment: bool = False) -> dict[str, str | None]:
    """first_due and deadline (ISO) of ``text``; a date without a year counts as None.

    A single due date is both dates, unless the plan is paid in instalments (then it is the
    day the last one was paid) or a first payment is mentioned without its date."""
    v = view_of(text)
    t = v.text
    dates = dates_in_view(v) if dates is None else dates
    first: Date | None = None
    deadline: Date | None = None
    plain: list[Date] = []
    for d in dates:
        role = _date_role(t, d)
        if role == "as_of":
            continue
        if role == "first_due":
            first = first or d
        elif role == "deadline":
            deadline = d
        else:
            plain.append(d)
    undated_first = first is None and FIRST_MENTION.search(t) is not None
    if first is None and deadline is None and plain:
        deadline = plain[-1]
        if not installment:
            first = plain[0] if len(plain) > 1 else deadline
    elif first is None and deadline is not None:
        if not installment and not undated_first:
            first = plain[0] if plain and plain[0].vstart < deadline.vstart else deadline
    elif deadline is None and first is not None and plain:
        later = [d for d in plain if d.vstart > first.vstart]
        deadline = later[-1] if later else None
    return {"first_due": first.iso if first else None, "deadline": deadline.iso if deadline else None}
