"""Every lazily compiled regex of the package compiles (lazyre's promise: a broken one fails here, not a user)."""

from __future__ import annotations

from verifier import lazyre
from verifier.rules.prefilter import analyse_lazy_patterns, fast


def test_every_lazy_pattern_compiles() -> None:
    analyse_lazy_patterns()   # imports every module and compiles every registered pattern
    assert len(lazyre.REGISTRY) > 200             # the rule, agreement and scan modules' helper regexes
    for pattern in lazyre.REGISTRY:
        assert pattern._rx is not None and pattern._rx.pattern in (pattern.pattern, fast(pattern.pattern))


def test_lookahead_forms_find_what_the_regexes_find() -> None:
    """Lazy helper regexes and rule patterns compile to their :func:`~verifier.rules.prefilter.fast` form
    when ``re`` finds no prefix of its own: on corpus texts every one of them finds the same matches
    (spans and groups) as the regex as written, and the form was worth it for some."""
    import re

    from verifier import corpus
    from verifier.rules import CATALOGUE

    test_every_lazy_pattern_compiles()   # every module imported: the whole registry
    texts = [r["text"] for r in corpus.load()[::9]] + ["", "加我微信私聊", "(?:也)没有"]
    compiled = [(p.pattern, p.flags, p.compiled()) for p in lazyre.REGISTRY]
    compiled += [(pat.regex, 0, pat.rx) for rule in CATALOGUE for pat in rule.patterns]
    changed = 0
    for source, flags, rx in compiled:
        if rx.pattern == source:
            continue
        changed += 1
        plain = re.compile(source, flags)
        for t in texts:
            assert [(m.span(), m.groups()) for m in rx.finditer(t)] == [(m.span(), m.groups()) for m in plain.finditer(t)]
    assert changed > 50


def test_lazy_pattern_compiles_on_first_call_then_calls_re_directly() -> None:
    lz = lazyre.lazy("还款(\\d+)元")
    assert lz._rx is None
    assert lz.search("请还款300元").group(1) == "300"          # the first call compiles
    assert lz._rx is not None and lz.search == lz._rx.search   # later calls are re's own method
    assert lz.findall("还款1元，还款2元") == ["1", "2"] and lz.sub("X", "还款5元") == "X"
    assert lz.match("还款9元") and not lz.fullmatch("还款9元了")

