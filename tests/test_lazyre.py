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
