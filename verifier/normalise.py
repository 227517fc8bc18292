"""Fold the tricks used to dodge keyword filters, keeping a map to the original.

Rules match on the folded text; every match is mapped back through
:meth:`Normalised.span` so that ``original[start:end]`` is the evidence.

Passes (the recipe of ``domain/rule_catalog.md`` §0.1):

0. one-to-one folds (positions unchanged): lone surrogates → U+FFFD, NFKC
   where it yields one character (full-width → ASCII, circled digits), ASCII
   lower case, traditional → simplified (OpenCC ``t2s``), and the variant
   characters in ``data/variants/chars.tsv`` (帐 → 账);
1. deletions: format characters (zero-width, bidi marks, variation
   selectors) anywhere; separator runs (spaces, ``*·•/|-_~``, symbols and
   emoji) between two CJK characters; and the separators inside a
   letter-spaced run of three or more single CJK characters (征，信，修，复);
2. replacements: homophone, pinyin and initial variants of the domain's key
   words (``data/variants/*.variants.tsv`` and ``*.pinyin.tsv``) → the
   canonical word. Variants marked ``cue`` (ambiguous outside debt talk, such
   as 卫星 or HB) apply only when a debt cue is within a few characters.

Views: ``text`` (all passes), ``plain`` (pass 0 only; same offsets as the
original) and ``digits`` (``text`` with Chinese, capital and spoken digits
as ASCII digits, for phone, QQ and card numbers).

:func:`normalise_many` gives the same results for a batch, with the
one-to-one folds done for the whole batch in numpy, and the few texts that
passes 1 and 2 can change at all found by one Hyperscan scan of the batch.
"""

from __future__ import annotations

from . import batchtext, recache
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from itertools import accumulate, compress, product

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Format characters (category Cf) and variation selectors: deleted everywhere.
FORMAT_CHARS = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufe00-\ufe0f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f"
)
# Separators deleted between two CJK characters wherever they stand.
JUNK = (
    " \t\u00a0\u3000*·•・/\\\\|_~^+=#@&$%`'\"<>\\-\\.…"
    "\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u2900-\u297f\u2b00-\u2bff"
    "\u3030\u303d\u3297\u3299\U0001f000-\U0001faff"
)
# Clause punctuation, deleted only inside a letter-spaced run (征，信，修，复).
SPACING = JUNK + ",;:!?。、，；：！？"

_FORMAT_RE = f"[{FORMAT_CHARS}]"
# Format characters anywhere, or a separator run between two CJK characters;
# written to open with one character class so that ``re`` skips ordinary
# characters in its C search loop.
_DELETE_RE = recache.compile(
    rf"[{FORMAT_CHARS}{JUNK}](?:(?<={_FORMAT_RE}){_FORMAT_RE}*|(?<=[{CJK}][{JUNK}])[{JUNK}]*(?=[{CJK}]))"
)
_SPACED_RUN_RE = recache.compile(
    rf"(?<![{CJK}])[{CJK}](?:[{SPACING}]{{1,3}}[{CJK}]){{2,}}(?![{CJK}])"
)
_SPACING_RE = recache.compile(f"[{SPACING}]+")
_PUNCT_RE = recache.compile("[,;:!?。、，；：！？]")
_FORMAT_ONLY_RE = recache.compile(_FORMAT_RE)

# Words that say the text is about a debt; ambiguous variants need one nearby.
DEBT_CUE_RE = recache.compile(
    "逾期|欠款|欠钱|还款|还钱|借款|贷|花呗|借呗|协商|减免|催收|征信|账单|分期|本金|利息|罚息"
    "|上岸|负债|信用卡|额度|结清|停息|挂账|口子|债|欠|账户|加我|私聊"
)
CUE_WINDOW = 12

DIGIT_TABLE = str.maketrans("零〇一壹幺二两贰三叁四肆五伍六陆七柒八捌九玖", "0011122233445566778899")
_DIGIT_CHARS_RE = recache.compile("[零〇一壹幺二两贰三叁四肆五伍六陆七柒八捌九玖]")


# ---------------------------------------------------------------- offset maps
class _Map:
    """Maps characters of a pass's output to spans of its input."""

    __slots__ = ("out_starts", "in_starts", "in_ends", "out_len", "in_len")

    def __init__(self, in_len: int) -> None:
        self.out_starts: list[int] = []
        self.in_starts: list[int] = []
        self.in_ends: list[int | None] = []   # None: a linear segment
        self.out_len = 0
        self.in_len = in_len

    def char_span(self, p: int) -> tuple[int, int]:
        k = bisect_right(self.out_starts, p) - 1
        end = self.in_ends[k]
        if end is None:
            a = self.in_starts[k] + (p - self.out_starts[k])
            return a, a + 1
        return self.in_starts[k], end

    def span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            pos = self.char_span(start)[0] if start < self.out_len else self.in_len
            return pos, pos
        return self.char_span(start)[0], self.char_span(end - 1)[1]


def _rewrite(text: str, edits: list[tuple[int, int, str]]) -> tuple[str, _Map | None]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits."""
    if not edits:
        return text, None
    m = _Map(len(text))
    starts = [e[0] for e in edits]
    ends = [e[1] for e in edits]
    repls = [e[2] for e in edits]
    if not any(repls):   # deletions only: the common, large case
        kept = [(a, b) for a, b in zip([0] + ends, starts + [len(text)]) if b > a]
        if kept:
            lengths = [b - a for a, b in kept]
            m.out_starts = list(accumulate(lengths, initial=0))[:-1]
            m.in_starts = [a for a, _ in kept]
            m.in_ends = [None] * len(kept)
            m.out_len = sum(lengths)
            return "".join([text[a:b] for a, b in kept]), m
    # kept stretches: before the first edit, between edits, after the last
    gaps_in = list(zip([0] + ends, starts + [len(text)]))
    pieces: list[str] = []
    out = 0
    out_starts, in_starts, in_ends = m.out_starts, m.in_starts, m.in_ends
    for (a, b), s, e, r in zip(gaps_in, starts + [None], ends + [None], repls + [None]):
        if b > a:
            out_starts.append(out)
            in_starts.append(a)
            in_ends.append(None)
            pieces.append(text[a:b])
            out += b - a
        if r:
            out_starts.append(out)
            in_starts.append(s)
            in_ends.append(e)
            pieces.append(r)
            out += len(r)
    if not out_starts:   # everything was deleted
        out_starts.append(0)
        in_starts.append(len(text))
        in_ends.append(len(text))
    m.out_len = out
    return "".join(pieces), m


# ------------------------------------------------------------- pass 0: 1-to-1
@lru_cache(maxsize=1)
def _opencc():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _opencc_s2t():
    """Simplified → traditional, for the corpus builder's augmentations."""
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _char_table() -> dict[str, str]:
    table: dict[str, str] = {chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}
    for line in _data_lines("chars.tsv"):
        src, dst = line.split("\t")[:2]
        table[src] = dst
    return table


class _FoldTable(dict):
    """``str.translate`` table for pass 0, filled in as characters are first seen.

    A character folds to one character: a lone surrogate to U+FFFD, then NFKC
    where that gives one character (full-width → ASCII, circled digits),
    traditional → simplified (OpenCC ``t2s``, character by character so that
    positions never move), then ``data/variants/chars.tsv`` and ASCII lower case.
    """

    def __missing__(self, code: int) -> str:
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF:
            out = "\ufffd"
        else:
            n = unicodedata.normalize("NFKC", c)
            out = n if len(n) == 1 else c
            if _CJK_CHAR_RE.match(out):
                conv = _opencc().convert(out)
                out = conv if len(conv) == 1 else out
            out = _char_table().get(out, out)
        self[code] = out
        return out


_CJK_CHAR_RE = recache.compile(f"[{CJK}]")
_FOLD = _FoldTable()


def _pass0(text: str) -> str:
    return text.translate(_FOLD)


# ----------------------------------------------------------- pass 1: delete
@lru_cache(maxsize=8)
def _capturing(rx: re.Pattern) -> re.Pattern:
    """``rx`` as one capturing group, so that ``split`` also returns what it deleted."""
    return recache.compile(f"({rx.pattern})", rx.flags)


def _delete_matches(text: str, rx: re.Pattern) -> tuple[str, _Map | None]:
    """Delete every match of ``rx`` (no capturing groups), building the map with C-level loops only.

    Equivalent to ``_rewrite`` with one deletion edit per match, but it stays fast
    on hostile input with a separator between every pair of characters.
    """
    parts = _capturing(rx).split(text)   # kept, deleted, kept, …, kept: one pass of the regex
    if len(parts) == 1:
        return text, None
    kept = parts[0::2]
    kept_len = list(map(len, kept))
    lengths = list(map(len, parts))
    in_starts = list(accumulate(lengths, initial=0))[0::2]
    out_starts = list(accumulate(kept_len, initial=0))
    m = _Map(len(text))
    m.out_len = out_starts[-1]
    m.out_starts = list(compress(out_starts, kept_len))
    m.in_starts = list(compress(in_starts, kept_len))
    m.in_ends = [None] * len(m.out_starts)
    if not m.out_starts:   # everything was deleted
        m.out_starts, m.in_starts, m.in_ends = [0], [len(text)], [len(text)]
    return "".join(kept), m


def _pass1(text: str) -> tuple[str, _Map | None, int]:
    symbol_table, _ = _tables()
    keep = _find_variants(text, _variant_re(True), symbol_table) if symbol_table else []
    runs = [m for m in _SPACED_RUN_RE.finditer(text) if _PUNCT_RE.search(m.group())]
    if not keep and not runs:   # the common case: plain deletions
        out, mp = _delete_matches(text, _DELETE_RE)
        removed_format = len(text) - len(_FORMAT_ONLY_RE.sub("", text)) if mp is not None else 0
        return out, mp, removed_format
    spans = [m.span() for m in _DELETE_RE.finditer(text)]
    removed_format = len(text) - len(_FORMAT_ONLY_RE.sub("", text)) if spans else 0
    # Inside letter-spaced runs, delete the gaps that hold clause punctuation;
    # gaps made only of junk are already in ``spans``, so nothing overlaps.
    for m in runs:
        base = m.start()
        spans.extend(
            (base + g.start(), base + g.end()) for g in _SPACING_RE.finditer(m.group())
            if _PUNCT_RE.search(g.group())
        )
    spans.sort()
    if keep:
        starts = [s for s, _, _ in keep]
        ends = [e for _, e, _ in keep]

        def clear(s: int, e: int) -> bool:
            k = bisect_right(starts, e - 1) - 1
            return k < 0 or ends[k] <= s

        edits = sorted([(s, e, "") for s, e in spans if clear(s, e)] + keep)
    else:
        edits = [(s, e, "") for s, e in spans]
    out, mp = _rewrite(text, edits)
    return out, mp, removed_format


# ---------------------------------------------------------- pass 2: variants
def _data_lines(name: str):
    path = resources.files("verifier") / "data" / "variants" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip()
        if line and not line.startswith("#"):
            yield line


def _variant_files(suffix: str) -> list[str]:
    folder = resources.files("verifier") / "data" / "variants"
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(suffix))


def _is_symbol_variant(v: str) -> bool:
    return any(not (c.isalnum() or "\u3400" <= c <= "\ufaff") for c in v)


@lru_cache(maxsize=1)
def variant_table() -> dict[str, tuple[str, bool]]:
    """folded variant → (canonical word, needs a debt cue nearby)."""
    table: dict[str, tuple[str, bool]] = {}
    for name in _variant_files(".variants.tsv"):
        for line in _data_lines(name):
            cols = line.split("\t")
            table[_pass0(cols[0])] = (cols[1], len(cols) > 2 and cols[2] == "cue")
    for name in _variant_files(".pinyin.tsv"):
        for line in _data_lines(name):
            cols = line.split("\t")
            word, syllables = cols[0], cols[1].split()
            if len(syllables) != len(word):
                raise ValueError(f"{name}: {word!r} has {len(word)} characters but {len(syllables)} syllables")
            cue = len(cols) > 2 and cols[2] == "cue"
            for choice in product((False, True), repeat=len(word)):
                if not any(choice):
                    continue
                form = "".join(py if use else ch for ch, py, use in zip(word, syllables, choice))
                table.setdefault(form, (word, cue or all(choice)))
    return {k: v for k, v in table.items() if k and k != v[0]}


@lru_cache(maxsize=1)
def _tables() -> tuple[dict, dict]:
    """(variants written with symbols or emoji, all other variants)."""
    symbol, plain = {}, {}
    for k, v in variant_table().items():
        (symbol if _is_symbol_variant(k) else plain)[k] = v
    return symbol, plain


def trie_regex(words) -> str:
    """One regex alternation for many literals, factored by common prefixes."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)


@lru_cache(maxsize=2)
def _variant_re(symbols: bool) -> re.Pattern:
    return recache.compile(trie_regex(_tables()[0 if symbols else 1]))


def _is_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def _find_variants(text: str, rx: re.Pattern, table: dict) -> list[tuple[int, int, str]]:
    """Leftmost-longest variant matches that pass the boundary and cue tests."""
    edits = []
    pos, n = 0, len(text)
    while (m := rx.search(text, pos)) is not None:
        s, e = m.span()
        word = m.group()
        canonical, needs_cue = table[word]
        ok = not text.startswith(canonical, s)   # 加微 inside 加微信
        if ok and not word.endswith(canonical[-1]) and text.startswith(canonical[-1], e):
            ok = False                           # 加v followed by 信: let v信 match instead
        if ok and _is_letter(word[0]) and s > 0 and _is_letter(text[s - 1]):
            ok = False
        if ok and _is_letter(word[-1]) and e < n and _is_letter(text[e]):
            ok = False
        if ok and needs_cue:
            window = text[max(0, s - CUE_WINDOW):s] + " " + text[e:e + CUE_WINDOW]
            ok = DEBT_CUE_RE.search(window) is not None
        if ok:
            edits.append((s, e, canonical))
            pos = e
        else:
            pos = s + 1
    return edits


def _pass2(text: str) -> tuple[str, _Map | None]:
    return _rewrite(text, _find_variants(text, _variant_re(False), _tables()[1]))


# -------------------------------------------------------------------- result
class Normalised:
    """A text with its folded views and the way back to the original (read-only by convention; a plain
    slotted class rather than a frozen dataclass, which costs three times as much to build)."""

    __slots__ = ("original", "plain", "text", "digits", "removed_format_chars", "_maps")

    def __init__(self, original: str, plain: str, text: str, digits: str, removed_format_chars: int,
                 _maps: tuple[_Map, ...]) -> None:
        self.original = original
        self.plain = plain
        self.text = text
        self.digits = digits
        self.removed_format_chars = removed_format_chars
        self._maps = _maps

    def __repr__(self) -> str:
        return f"Normalised(original={self.original!r}, text={self.text!r})"

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`text`/:attr:`digits` to the original."""
        for m in self._maps:
            start, end = m.span(start, end)
        return start, end

    def view(self, name: str) -> str:
        return getattr(self, name)

    def span_in(self, view: str, start: int, end: int) -> tuple[int, int]:
        if view == "plain":
            return start, end
        return self.span(start, end)


def _digits(t2: str) -> str:
    return t2.translate(DIGIT_TABLE) if _DIGIT_CHARS_RE.search(t2) else t2


def _passes12(plain: str) -> tuple[str, tuple[_Map, ...], int]:
    t1, m1, removed = _pass1(plain)
    t2, m2 = _pass2(t1)
    return t2, tuple(m for m in (m2, m1) if m is not None), removed


def normalise(text: str) -> Normalised:
    """Fold ``text`` for matching; see the module docstring for the passes."""
    plain = _pass0(text)
    t2, maps, removed = _passes12(plain)
    return Normalised(text, plain, t2, _digits(t2), removed, maps)


BATCH_MIN = 8   # below this many texts, folding one by one is quicker than building the numpy arrays


def normalise_many(texts: list[str]) -> list[Normalised]:
    """:func:`normalise` of each text (the same results), for a whole batch at once: the one-to-one
    folds of pass 0 and of the digit view as numpy table lookups (a ``str.translate`` costs a dictionary
    lookup a character), and passes 1 and 2 only on the few texts they can change (:func:`_passes12_many`)."""
    if len(texts) < BATCH_MIN:
        return [normalise(t) for t in texts]
    lut = _lut()
    plains = lut.fold(texts)
    done = _passes12_many(plains)
    digits = lut.digits([t2 for t2, _, _ in done])
    return [Normalised(t, p, t2, d, removed, maps)
            for t, p, (t2, maps, removed), d in zip(texts, plains, done, digits)]


_SEP = batchtext.SEP   # no pattern of passes 1 and 2 matches it, nor across it


def _touched(texts: list[str], *patterns: re.Pattern) -> set[int]:
    """The indices of the texts in which one of ``patterns`` matches, from one search of each over the
    texts joined by :data:`_SEP`. Exact because none of these patterns matches the separator or an empty
    string, and their lookarounds read it as they read the edge of a text (it is neither CJK, nor a
    separator nor a letter): a text with a match holds the leftmost match that starts in it."""
    joined = batchtext.joined(texts)
    if joined is None:   # a text holds the separator itself: ask each text
        return {k for k, t in enumerate(texts) if any(rx.search(t) for rx in patterns)}
    starts = list(accumulate([len(t) + 1 for t in texts], initial=0))
    found: set[int] = set()
    for rx in patterns:
        found.update(bisect_right(starts, m.start()) - 1 for m in rx.finditer(joined))
    return found


def _passes12_many(plains: list[str]) -> list[tuple[str, tuple[_Map, ...], int]]:
    """:func:`_passes12` of each text; a text in which no pattern of a pass matches at all skips that
    pass (which would leave it as it is), found for the whole batch at once: by the Hyperscan screens
    (:class:`_Screens`) when they can be used, else by :func:`_touched`."""
    screens = _screens()
    found = screens.touched(plains, (1, 2)) if screens is not None else None
    if found is None:
        symbol_table, _ = _tables()
        first = (_DELETE_RE, _SPACED_RUN_RE) + ((_variant_re(True),) if symbol_table else ())
        dirty1 = _touched(plains, *first)
    else:
        dirty1, dirty2 = found
    out1 = {k: _pass1(plains[k]) for k in dirty1}
    if found is None:
        t1s = [out1[k][0] if k in out1 else p for k, p in enumerate(plains)]
        dirty2 = _touched(t1s, _variant_re(False))
    else:   # the screen read the texts before pass 1: read again those that pass 1 changed
        changed = [k for k, (_, m1, _) in out1.items() if m1 is not None]
        again = screens.touched([out1[k][0] for k in changed], (2,))
        if again is None:
            dirty2 |= set(changed)
        else:
            dirty2 = (dirty2 - set(changed)) | {changed[i] for i in again[0]}
    done = [(p, (), 0) for p in plains]   # the common case: no pass touches the text
    for k in dirty1 | dirty2:
        t1, m1, removed = out1.get(k) or (plains[k], None, 0)
        t2, m2 = _pass2(t1) if k in dirty2 else (t1, None)
        done[k] = (t2, tuple(m for m in (m2, m1) if m is not None), removed)
    return done


class _Screens:
    """Which texts of a batch passes 1 and 2 may change, from one Hyperscan scan of the joined texts for
    each pass, in C — where the ``re`` searches of :func:`_touched` try their alternations at every
    character (together about 8 of the 13 µs a message took).

    A screen need only find a superset of those texts: the others skip the pass, the ones found run it
    exactly. Pass 2's database holds its variants as literals. Pass 1's holds the symbol variants and
    looser forms of its deletions, without the lookarounds Hyperscan lacks: any format character; a
    separator run between two CJK characters (what ``_DELETE_RE`` finds); three or more single CJK
    characters spaced by one to three separators or clause marks, each end at the edge of the text or
    by a character that is not CJK (every run of ``_SPACED_RUN_RE``, whether or not it holds the clause
    mark it needs). Only those edge characters can be the separator, so a match is read as belonging to
    the text that holds its last byte, a separator there counting as the end of the text before it.

    They are built on a process's first batch (``normalise`` never comes here): compiled once per
    machine, which takes about 0.07 s (what they save on ten batches of 1,000 texts), and then loaded
    from the user's cache directory (:func:`.recache.cache_dir`) in a tenth of a millisecond. Without
    Hyperscan, or if it fails, :func:`_touched` does the same job."""

    STALE_AFTER = 7 * 24 * 3600   # seconds after which the databases of other variant tables are deleted

    def __init__(self) -> None:
        import threading

        import hyperscan
        import numpy as np

        self.np = np
        self.lock = threading.Lock()   # a scratch space serves one scan at a time
        symbol_table, plain_table = _tables()
        gap = f"[{SPACING}]{{1,3}}"
        first = [f"[{FORMAT_CHARS}]", f"[{CJK}][{JUNK}]+[{CJK}]",
                 f"(?:^|[^{CJK}])[{CJK}](?:{gap}[{CJK}]){{2,}}(?:[^{CJK}]|$)"]
        first += [re.escape(v) for v in symbol_table]
        if any(_SEP in v for v in (*symbol_table, *plain_table)):
            raise ValueError("a variant holds the separator")
        # Pass 2's variants are compiled as plain byte strings: UTF-8 is self-synchronising, so their
        # bytes occur in a text's bytes only where they occur in the text; as UTF-8 expressions they
        # would take eight times as long to compile (0.3 s).
        specs = [(first, hyperscan.HS_FLAG_UTF8, False), (sorted(plain_table), 0, True)]
        dbs = self._load_or_compile(hyperscan, specs)
        self.dbs = {name: (db, hyperscan.Scratch(db)) for name, db in zip((1, 2), dbs)}

    @classmethod
    def _load_or_compile(cls, hs, specs: list[tuple[list[str], int, bool]]) -> list:
        """The databases of ``specs`` (expressions, flags, as literals), from the cache file of these very
        specs when there is a readable one, else compiled and written there (errors only mean compiling
        again next time)."""
        import hashlib
        import marshal
        import os
        import time

        key = hashlib.sha256(f"hyperscan {hs.__version__}\n{specs!r}".encode("utf-8", "surrogatepass"))
        path = recache.cache_dir() / f"normalise-screens-{key.hexdigest()[:24]}.hsdb"
        try:
            return [hs.loadb(blob, hs.HS_MODE_BLOCK) for blob in marshal.loads(path.read_bytes())]
        except Exception:   # noqa: BLE001 - missing or damaged: compile
            pass
        dbs = []
        for exprs, flags, literal in specs:
            db = hs.Database(mode=hs.HS_MODE_BLOCK)
            db.compile(expressions=[e.encode("utf-8") for e in exprs], ids=[0] * len(exprs), flags=flags,
                       literal=literal)
            dbs.append(db)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps([hs.dumpb(db) for db in dbs]))
            tmp.replace(path)
            for other in path.parent.glob("normalise-screens-*.hsdb"):
                if other != path and time.time() - other.stat().st_mtime > cls.STALE_AFTER:
                    other.unlink()
        except OSError:
            pass
        return dbs

    @staticmethod
    def _on_match(pattern_id, start, end, flags, ends):
        ends.append(end)

    def touched(self, texts: list[str], passes: tuple[int, ...]) -> list[set[int]] | None:
        """For each pass in ``passes`` (1, 2), the indices of the texts it may change; None when a text
        holds the separator itself (or a lone surrogate, which no output of pass 0 holds)."""
        joined = batchtext.joined(texts)
        if joined is None:
            return None
        try:
            data = joined.encode("utf-8")
        except UnicodeEncodeError:
            return None
        found = []
        with self.lock:
            for name in passes:
                db, scratch = self.dbs[name]
                ends: list[int] = []
                db.scan(data, self._on_match, 0, ends, scratch)   # (by position: see hsfilter)
                found.append(ends)
        if not any(found):
            return [set() for _ in passes]
        np = self.np
        seps = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 0)
        # the text of a match's last byte (end - 1): the number of separators before it
        return [set(np.searchsorted(seps, np.array(ends) - 1).tolist()) if ends else set() for ends in found]


@lru_cache(maxsize=1)
def _screens() -> _Screens | None:
    try:
        return _Screens()
    except Exception:   # noqa: BLE001 - no hyperscan, an unsupported CPU: the re searches remain
        return None


class _Lut:
    """Pass 0 as a numpy table over every code point, filled in from :data:`_FOLD` as code points are
    first seen (pass 0 maps one character to one character), and :data:`DIGIT_TABLE` as another."""

    UNKNOWN = 0xFFFFFFFF   # in :attr:`table`: a code point not yet folded (no code point is this large)

    def __init__(self) -> None:
        import numpy as np

        self.np = np
        self.table = np.full(0x110000, self.UNKNOWN, dtype=np.uint32)
        self.digit_table = np.arange(0x10000, dtype=np.uint32)   # the digits are all in the BMP
        self.is_digit = np.zeros(0x10000, dtype=bool)
        for src, dst in DIGIT_TABLE.items():
            self.digit_table[src] = dst
            self.is_digit[src] = True

    def _codes(self, texts: list[str]):
        """The code points of the texts joined by :data:`_SEP`."""
        return self.np.frombuffer(_SEP.join(texts).encode("utf-32-le", "surrogatepass"), dtype=self.np.uint32)

    @staticmethod
    def _split(joined: str, texts: list[str]) -> list[str]:
        """``joined`` (as long as ``_SEP.join(texts)``) cut where ``texts`` were joined: one ``str.split``
        in C, unless a text holds the separator itself."""
        out = joined.split(_SEP)
        if len(out) == len(texts):
            return out
        out, pos = [], 0
        for t in texts:
            end = pos + len(t)
            out.append(joined[pos:end])
            pos = end + 1
        return out

    def fold(self, texts: list[str]) -> list[str]:
        """Pass 0 of each text (which folds the separator to itself)."""
        np = self.np
        codes = self._codes(texts)
        folded = self.table[codes]
        unknown = folded == self.UNKNOWN
        if unknown.any():
            for cp in np.unique(codes[unknown]).tolist():
                self.table[cp] = ord(_FOLD[cp])
            folded = self.table[codes]
        return self._split(folded.tobytes().decode("utf-32-le"), texts)

    def digits(self, texts: list[str]) -> list[str]:
        """``t.translate(DIGIT_TABLE)`` of each text; the text itself where that changes nothing (six
        texts in ten), found from the same lookup instead of a search of each text."""
        np = self.np
        codes = self._codes(texts)
        changed = np.flatnonzero(self.is_digit[codes & 0xFFFF])
        changed = changed[codes[changed] < 0x10000]
        out = list(texts)
        if len(changed):
            seps = np.flatnonzero(codes == 0)
            if len(seps) != len(texts) - 1:   # a text holds the separator itself
                return [t.translate(DIGIT_TABLE) for t in texts]
            mapped = codes.copy()
            mapped[changed] = self.digit_table[codes[changed]]
            parts = mapped.tobytes().decode("utf-32-le", "surrogatepass").split(_SEP)
            for k in np.unique(np.searchsorted(seps, changed)).tolist():
                out[k] = parts[k]
        return out


@lru_cache(maxsize=1)
def _lut() -> _Lut:
    return _Lut()

