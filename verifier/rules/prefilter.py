"""What a pattern needs before it can match, read off the regex itself.

Python's ``re`` tries a pattern at every position of the text. Most of our
patterns cannot match at all unless one of a few literal words occurs, so the
engine first asks whether the text holds one of those words (``needles``),
a C-speed substring test, and skips the regex when it does not. The needles
are derived from the parsed pattern, so they cannot drift from it; when they
cannot be derived (a pattern that can match with no fixed literal), the
pattern always runs. This is an optimisation only: it never changes a result.

``first_chars`` / :func:`fast` give the set of characters a match can start
with, used as a lookahead so that a pattern opening with an alternation or an
optional group rejects most positions with one set test.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from importlib import resources

try:   # the parser behind ``re``
    import re._compiler as _compiler  # type: ignore[import-not-found]
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _parser  # type: ignore[import-not-found]
except ImportError:   # pragma: no cover - Python < 3.11
    import sre_compile as _compiler  # type: ignore[no-redef]
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

MAX_SET = 48        # largest literal set kept while expanding alternations
MAX_CLASS = 12      # largest character class expanded into single-character literals


# ------------------------------------------------------------- first chars
def _first_chars(seq) -> tuple[set[str] | None, bool]:
    """The characters a parsed sequence can start with (None: any), and whether it can match empty."""
    out: set[str] = set()
    for op, av in seq:
        chars, nullable = _first_of(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


DIGIT = "\\d"   # in a set of first characters: any digit of any script, as a str pattern's \\d matches


def _class(chars: set[str]) -> str:
    """A character class of ``chars`` (:data:`DIGIT` written as ``\\d``)."""
    return "".join("\\d" if ch == DIGIT else re.escape(ch) for ch in sorted(chars))


def _class_chars(av, limit: int) -> set[str] | None:
    chars: set[str] = set()
    for o, a in av:
        if o is _c.LITERAL:
            chars.add(chr(a))
        elif o is _c.RANGE and a[1] - a[0] <= limit:
            chars |= {chr(x) for x in range(a[0], a[1] + 1)}
        elif o is _c.CATEGORY and a is _c.CATEGORY_DIGIT:
            chars.add(DIGIT)   # every script's digits, not only 0-9
        else:
            return None
    return chars


def _first_of(op, av) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _class_chars(av, 64), False
    if op is _c.BRANCH:
        chars: set[str] = set()
        nullable = False
        for branch in av[1]:
            sub, n = _first_chars(branch)
            if sub is None:
                return None, False
            chars |= sub
            nullable = nullable or n
        return chars, nullable
    if op is _c.SUBPATTERN:
        return _first_chars(av[-1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        sub, n = _first_chars(av[2])
        return (None, False) if sub is None else (sub, av[0] == 0 or n)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True          # zero width
    return None, False


# ------------------------------------------------------------------- cache
# The analysis below parses every regex of the catalogue, which costs about
# 0.1 s at each start. Its results are kept in ``data/prefilter.json`` keyed
# by a hash of the regex text, so a changed regex simply misses the cache and
# is analysed afresh; ``python -m verifier.rules.prefilter`` rewrites the
# file and a test fails when it is not current.
_CACHE_FILE = "prefilter.json"
_cache: dict[str, object] | None = None
_seen: dict[str, object] = {}


def _key(kind: str, regex: str) -> str:
    return f"{kind}:{hashlib.sha1(regex.encode('utf-8')).hexdigest()[:20]}"


def _cached(kind: str, regex: str, compute):
    global _cache
    if _cache is None:
        try:
            off = os.environ.get("VERIFIER_PREFILTER_CACHE") == "off"
            _cache = {} if off else json.loads(cache_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            _cache = {}
    key = _key(kind, regex)
    value = _cache[key] if key in _cache else compute(regex)
    _seen[key] = value
    return value


def cache_contents() -> dict[str, object]:
    """What the cache file should hold: every analysis done so far, computed afresh."""
    return {key: _seen[key] for key in sorted(_seen)}


def fast(regex: str) -> str:
    """``regex`` behind a lookahead on the characters it can start with.

    Python's ``re`` retries a pattern that opens with an alternation or an optional
    group at every position of the text; one set test rejects most positions first.
    When the set cannot be computed the pattern is returned unchanged.
    """
    return _cached("fast", regex, _fast)


def _fast(regex: str) -> str:
    try:
        parsed = _parser.parse(regex)
        if _has_prefix(parsed):
            return regex   # re already skips, in C, the positions a match cannot start at
        chars, nullable = _first_chars(parsed)
    except Exception:   # noqa: BLE001 - an optimisation must never break a rule
        return regex
    if chars is None or nullable or not chars:
        return regex
    cls = _class(chars)
    return f"(?=[{cls}])(?:{regex})"


def _has_prefix(parsed) -> bool:
    """Whether ``re`` finds a literal prefix or a first-character set of its own (then it searches in C)."""
    flags = parsed.state.flags
    return bool(_compiler._get_literal_prefix(parsed, flags)[0] or _compiler._get_charset_prefix(parsed, flags))


def scanner(regex: str) -> str | None:
    """A regex whose matches start exactly where ``regex`` can match, or None.

    ``[F](?<=(?=R)[F])`` opens with a character class, so ``re`` skips every
    position whose character is not in ``F`` (the characters a match of ``R`` can
    start with) in its C search loop, and only tries ``R`` at the rest. On a long
    text this is several times faster than searching for ``R`` itself when ``R``
    opens with an alternation of groups, an optional part or a lookbehind.
    """
    try:
        chars, nullable = _first_chars(_parser.parse(regex))
    except Exception:   # noqa: BLE001 - an optimisation must never break a rule
        return None
    if chars is None or nullable or not chars:
        return None
    cls = _class(chars)
    return f"[{cls}](?<=(?=(?:{regex}))[{cls}])"


# ----------------------------------------------------------------- needles
# Each node is summarised as (exact, required):
#   exact    - the finite set of strings the node can match, or None;
#   required - a set of strings one of which occurs in every match, or None.
def _best(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two required sets: longer shortest needle, then fewer needles."""
    if a is None:
        return b
    if b is None:
        return a
    ka = (min(map(len, a)), -len(a))
    kb = (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _useful(s: set[str] | frozenset[str] | None) -> frozenset[str] | None:
    if not s or "" in s:
        return None
    return frozenset(s)


def _seq(seq, ignorecase: bool) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    cur: set[str] | None = {""}
    best: frozenset[str] | None = None
    all_exact = True
    for op, av in seq:
        exact, req = _node(op, av, ignorecase)
        if exact is not None and cur is not None and len(cur) * len(exact) <= MAX_SET:
            cur = {a + b for a in cur for b in exact}
            continue
        all_exact = False
        best = _best(best, _useful(cur))
        best = _best(best, req)
        cur = set(exact) if exact is not None and len(exact) <= MAX_SET else {""}
    best = _best(best, _useful(cur))
    return (frozenset(cur) if all_exact and cur is not None else None), best


def _node(op, av, ignorecase: bool) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if op is _c.LITERAL:
        ch = chr(av)
        if ignorecase and ch.lower() != ch.upper():
            return None, None
        return frozenset({ch}), frozenset({ch})
    if op is _c.IN:
        chars = _class_chars(av, MAX_CLASS)
        if chars is not None and DIGIT in chars:
            return None, None   # not a finite set of literals
        if chars is None or len(chars) > MAX_CLASS or (ignorecase and any(c.lower() != c.upper() for c in chars)):
            return None, None
        return frozenset(chars), frozenset(chars)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), None
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return _seq(sub, ignorecase or bool(add_flags & re.IGNORECASE))
    if op is _c.BRANCH:
        infos = [_seq(branch, ignorecase) for branch in av[1]]
        exact: frozenset[str] | None = None
        if all(e is not None for e, _ in infos):
            union = frozenset().union(*(e for e, _ in infos))
            exact = union if len(union) <= MAX_SET else None
        reqs = [r if r is not None else _useful(e) for e, r in infos]
        required = frozenset().union(*reqs) if all(r is not None for r in reqs) else None
        return exact, required
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, sub = av
        exact, req = _seq(sub, ignorecase)
        if lo == 0:
            if hi == 1 and exact is not None:
                return exact | {""}, None
            return None, None
        if lo == hi == 1:
            return exact, req
        return None, req if req is not None else _useful(exact)
    return None, None


def needles(regex: str) -> frozenset[str] | None:
    """Literal strings one of which occurs in every match of ``regex`` (None: no such set is known)."""
    found = _cached("needles", regex, _needles_list)
    return None if found is None else frozenset(found)


def _needles_list(regex: str) -> list[str] | None:
    found = _needles(regex)
    return None if found is None else sorted(found)


def _needles(regex: str) -> frozenset[str] | None:
    """:func:`needles` computed from the parsed pattern; raises ``re.error`` on an invalid one."""
    parsed = _parser.parse(regex)
    ignorecase = bool(parsed.state.flags & re.IGNORECASE)
    try:
        exact, required = _seq(parsed, ignorecase)
    except Exception:   # noqa: BLE001 - an optimisation must never break a rule
        return None
    found = _useful(required if required is not None else exact)
    if found is None:
        return None
    # A needle that contains a shorter needle adds nothing: drop it.
    by_length = sorted(found, key=len)
    kept: list[str] = []
    for n in by_length:
        if not any(o in n for o in kept):
            kept.append(n)
    return frozenset(kept)


def fresh_cache_text() -> str:
    """The cache file as a fresh analysis writes it (in a subprocess that ignores the current file)."""
    import os
    import subprocess
    import sys

    code = ("import json, verifier.rules; from verifier.rules import prefilter as p; p.analyse_lazy_patterns(); "
            "print(json.dumps(p.cache_contents(), ensure_ascii=False, indent=0, sort_keys=True))")
    env = {**os.environ, "VERIFIER_PREFILTER_CACHE": "off"}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                          encoding="utf-8").stdout


def analyse_lazy_patterns() -> None:
    """Import every module and compile its lazy helper regexes, so that their :func:`fast` forms are
    analysed here (and kept in the cache file) rather than at their first use."""
    import importlib
    import pkgutil

    import verifier
    from verifier import lazyre

    for info in pkgutil.walk_packages(verifier.__path__, "verifier."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    for pattern in lazyre.REGISTRY:
        pattern.compiled()


def cache_path():
    return resources.files("verifier") / "data" / _CACHE_FILE


if __name__ == "__main__":   # pragma: no cover - the developer command that rewrites the cache
    from pathlib import Path

    target = Path(str(cache_path()))
    target.write_text(fresh_cache_text(), encoding="utf-8")
    print(f"wrote {target}")
