"""Masking personal numbers in reports, without moving any character.

Every mask has the length of what it hides, so the evidence offsets the rules
computed on the original text stay valid on the redacted text. The same
number always gets the same mask, so a report stays consistent (a phone
number seen in ten messages reads the same ten times).

What is masked (digits may be full-width and grouped with spaces or dashes):

- mainland mobile numbers, landlines and +86 forms: ``139****5678``;
- ID-card numbers (18 characters, last may be X): ``110***********123X``;
- bank-card numbers (16–19 digits, grouped or not): ``6222 **** **** 1034``;
- e-mail addresses: ``z*******@example.com``;
- QQ numbers and WeChat ids after their cue words (QQ, 扣扣, 微信, vx, wx…): first two
  and last two characters kept.
"""

from __future__ import annotations

from ..lazyre import lazy

_D = "[0-9０-９]"
_SEP = r"[ \-－]?"
_QQ_CUE = "[Qq][Qq]|ＱＱ|扣扣|企鹅|[Qq]号"
PHONE_RE = lazy(rf"(?<![0-9０-９])(?:(?:\+|＋|00)?86{_SEP})?[1１][3-9３-９]{_D}(?:{_SEP}{_D}){{8}}(?![0-9０-９])")
LANDLINE_RE = lazy(rf"(?<![0-9０-９])0{_D}{{2,3}}[\-－]{_D}{{7,8}}(?![0-9０-９])")
ID_RE = lazy(rf"(?<![0-9０-９A-Za-z])[1-9１-９]{_D}{{16}}[0-9０-９Xx](?![0-9０-９A-Za-z])")
CARD_RE = lazy(rf"(?<![0-9０-９])(?:[3-6３-６]{_D}{{3}}(?:[ \-]?{_D}{{4}}){{3}}(?:[ \-]?{_D}{{1,3}})?)(?![0-9０-９])")
EMAIL_RE = lazy(r"(?<![A-Za-z0-9._%+\-])([A-Za-z0-9._%+\-]{1,64})@([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
QQ_RE = lazy(rf"(?<![A-Za-z])(?:{_QQ_CUE})\s?(?:号|號)?\s?[:：]?\s?({_D}{{5,11}})(?![0-9０-９])")
_WECHAT_CUE = r"微信|薇信|威信|[VvＶｖ]信|[Vv][Xx]|ｖｘ|ＶＸ|[Ww][Xx]|[Ww]e[Cc]hat"
WECHAT_RE = lazy(rf"(?<![A-Za-z])(?:{_WECHAT_CUE}|微信号|微信號)\s?(?:号|號|id|ID)?\s?[:：]?\s?"
                 r"([A-Za-z][A-Za-z0-9_\-]{5,19})(?![A-Za-z0-9_\-])")


# What every pattern above needs: seven digits in a row, single spaces or dashes allowed between them
# (a mobile, ID or card number, a landline's local part), an "@", or a QQ or WeChat cue word. A text
# without any (nine in ten: amounts and dates have fewer digits) is returned as it is, unsearched.
_ANY_RE = lazy(rf"{_D}(?:{_SEP}{_D}){{6}}|@|{_WECHAT_CUE}|{_QQ_CUE}")


def _mask_digits(s: str, keep_head: int, keep_tail: int) -> str:
    """Replace digits (not separators) with * except the first and last few digits."""
    positions = [i for i, c in enumerate(s) if c.isdigit()]
    hide = set(positions[keep_head:len(positions) - keep_tail])
    return "".join("*" if i in hide else c for i, c in enumerate(s))


def _mask_middle(s: str, keep: int = 2) -> str:
    if len(s) <= 2 * keep:
        return "*" * len(s)
    return s[:keep] + "*" * (len(s) - 2 * keep) + s[-keep:]


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, mask) for every number or address found; earlier kinds win overlaps."""
    found: list[tuple[int, int, str]] = []

    def add(s: int, e: int, mask: str) -> None:
        if all(e <= a or s >= b for a, b, _ in found):
            found.append((s, e, mask))

    for m in EMAIL_RE.finditer(text):
        local = m.group(1)
        add(m.start(1), m.end(1), local[0] + "*" * (len(local) - 1))
    for m in ID_RE.finditer(text):
        add(m.start(), m.end(), _mask_digits(m.group(), 3, 4) if not m.group()[-1] in "Xx"
            else _mask_digits(m.group()[:-1], 3, 3) + m.group()[-1])
    for m in CARD_RE.finditer(text):
        if sum(c.isdigit() for c in m.group()) >= 16:
            add(m.start(), m.end(), _mask_digits(m.group(), 4, 4))
    for m in PHONE_RE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        add(m.start(), m.end(), _mask_digits(m.group(), digits - 8, 4))
    for m in LANDLINE_RE.finditer(text):
        add(m.start(), m.end(), _mask_digits(m.group(), 3, 2))
    for m in QQ_RE.finditer(text):
        add(m.start(1), m.end(1), _mask_middle(m.group(1)))
    for m in WECHAT_RE.finditer(text):
        add(m.start(1), m.end(1), _mask_middle(m.group(1)))
    return found


def redact(text: str) -> str:
    """``text`` with personal numbers and addresses masked; the length never changes."""
    if not text or _ANY_RE.search(text) is None:
        return text
    spans = _spans(text)
    if not spans:
        return text
    out = []
    pos = 0
    for s, e, mask in sorted(spans):
        out.append(text[pos:s])
        out.append(mask)
        pos = e
    out.append(text[pos:])
    masked = "".join(out)
    assert len(masked) == len(text)
    return masked
