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

