"""Every lazily compiled regex of the package compiles (lazyre's promise: a broken one fails here, not a user)."""

from __future__ import annotations

import importlib
import pkgutil

import verifier
from verifier import lazyre


def test_every_lazy_pattern_compiles() -> None:
    for info in pkgutil.walk_packages(verifier.__path__, "verifier."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    assert len(lazyre.REGISTRY) > 200             # the rule, agreement and scan modules' helper regexes
    for pattern in lazyre.REGISTRY:
        assert pattern.compiled().pattern == pattern.pattern


def test_lazy_pattern_compiles_on_first_call_then_calls_re_directly() -> None:
    lz = lazyre.lazy("还款(\\d+)元")
    assert lz._rx is None
    assert lz.search("请还款300元").group(1) == "300"          # the first call compiles
    assert lz._rx is not None and lz.search == lz._rx.search   # later calls are re's own method
    assert lz.findall("还款1元，还款2元") == ["1", "2"] and lz.sub("X", "还款5元") == "X"
    assert lz.match("还款9元") and not lz.fullmatch("还款9元了")


def test_sharpened_search_finds_what_re_finds() -> None:
    """A sharpened pattern searches through its scanner; on corpus texts, at several start and end
    positions, every registered pattern finds the same match (span and groups) as ``re`` itself."""
    import re

    from verifier import corpus

    test_every_lazy_pattern_compiles()   # import every module: the whole registry
    texts = [r["text"] for r in corpus.load()[::5]] + ["", "不要转账", "【花呗】请勿向个人账户转账？吗"]
    probes = [(t, a, b) for t in texts for a, b in ((0, len(t)), (len(t) // 3, len(t)), (0, 2 * len(t) // 3))]
    sharpened = 0
    for pattern in lazyre.REGISTRY:
        pattern.sharpen()
        if pattern.search == pattern._rx.search:
            continue
        sharpened += 1
        plain = re.compile(pattern.pattern, pattern.flags)
        for t, a, b in probes:
            got, want = pattern.search(t, a, b), plain.search(t, a, b)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (pattern, t, a, b)
    assert sharpened > 100


def test_sharpen_keeps_a_pattern_without_a_scanner_as_it_was() -> None:
    nullable = lazyre.lazy("(?:不要)?转?")   # can match empty: no scanner
    nullable.sharpen()
    assert nullable.search == nullable._rx.search
    alternation = lazyre.lazy("(?:也|并)没有?$|不要")
    alternation.sharpen()
    assert alternation.search != alternation._rx.search
    assert alternation.search("我并没有").span() == (1, 4) and alternation.search("不要了", 1) is None
