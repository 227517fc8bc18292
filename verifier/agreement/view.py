"""The folded view of an agreement that every parser of this package reads.

Two steps, both keeping a map back to the original text:

1. the one-to-one fold of :func:`verifier.normalise.normalise` (its ``plain``
   view, same offsets as the original): full-width → ASCII (``１２，３４５．６７``
   → ``12,345.67``, ``：`` → ``:``), traditional → simplified (``應還總額`` →
   ``应还总额``, ``結清`` → ``结清``), ASCII lower case (``RMB`` → ``rmb``). So
   every cue list of this package is written once, in simplified Chinese and
   lower case, and matches the traditional and full-width forms too;
2. squeezing, as OCR and obfuscated texts need it: blanks inside a run of
   digits, separators and CJK characters are deleted (``8 , 2 0 0 . 0 0 元`` →
   ``8,200.00元``, ``应 还 金 额`` → ``应还金额``), and so are emoji and symbols
   (``征💳信`` → ``征信``). Blanks next to a Latin letter stay (``RMB 45,600``,
   ``Ms. Huang``), and so do blanks between two runs of two or more digits
   (``2026-03-12 14:26:07``, a card number ``6222 1234``).
"""

from __future__ import annotations

from ..lazyre import lazy
import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from ..normalise import normalise

_BLANK_RUN = lazy(r"[ \t\u00a0\u3000]+")
_ASCII_LETTER = lazy(r"[a-z]")
# Characters that may be emoji or symbols (everything but ASCII, CJK, kana, CJK punctuation and full-width forms).
_SYMBOL_CANDIDATE = lazy(r"[^\x00-\u1fff\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@dataclass(frozen=True)
class View:
    """``text`` is the folded, squeezed text; ``pos[i]`` is the original offset of ``text[i]``."""

    original: str
    text: str
    pos: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of ``text[start:end]``."""
        if start >= end:
            p = self.pos[start] if start < len(self.pos) else len(self.original)
            return p, p
        return self.pos[start], self.pos[end - 1] + 1

    def at(self, original_offset: int) -> int:
        """The view offset of an original offset (the next kept character if that one was squeezed out)."""
        return bisect_left(self.pos, original_offset)

    def original_text(self, start: int, end: int) -> str:
        s, e = self.span(start, end)
        return self.original[s:e]


def _digit_run(s: str, i: int, step: int) -> int:
    n = 0
    while 0 <= i < len(s) and s[i].isdigit():
        n += 1
        i += step
    return n


def _drop_blank(plain: str, start: int, end: int) -> bool:
    if "\n" in plain[start:end] or start == 0 or end >= len(plain):
        return False
    a, b = plain[start - 1], plain[end]
    if _ASCII_LETTER.match(a) or _ASCII_LETTER.match(b):
        return False
    if a.isdigit() and b.isdigit() and _digit_run(plain, start - 1, -1) >= 2 and _digit_run(plain, end, 1) >= 2:
        return False
    return True


def _is_symbol(c: str) -> bool:
    return unicodedata.category(c) in ("So", "Sk", "Cf", "Mn") and c not in "°"


def make_view(text: str, plain: str | None = None) -> View:
    """Fold and squeeze ``text`` (``plain`` is its ``normalise(text).plain`` when already at hand)."""
    if plain is None:
        plain = normalise(text).plain
    drop = bytearray(len(plain))
    for m in _BLANK_RUN.finditer(plain):
        if _drop_blank(plain, m.start(), m.end()):
            drop[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _SYMBOL_CANDIDATE.finditer(plain):
        if _is_symbol(m.group()):
            drop[m.start()] = 1
    if not any(drop):
        return View(text, plain, tuple(range(len(plain))))
    keep = [i for i in range(len(plain)) if not drop[i]]
    return View(text, "".join(plain[i] for i in keep), tuple(keep))


def view_of(text_or_view: str | View) -> View:
    return text_or_view if isinstance(text_or_view, View) else make_view(text_or_view)
