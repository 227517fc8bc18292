"""Regular expressions compiled on first use.

The rule modules declare a few hundred helper regexes at module level;
compiling them all costs about 0.1 s at every start, while one message needs
only a handful. :func:`lazy` returns a stand-in with the methods of a compiled
pattern that compiles itself the first time one is called. Every stand-in is
registered, and a test compiles them all, so a broken regex still fails the
tests rather than a user. A pattern that ``re`` cannot search with a prefix of
its own compiles to its :func:`~verifier.rules.prefilter.fast` form (a
lookahead on the characters a match can start with: the same matches, found
several times sooner in a long alternation).
"""

from __future__ import annotations

import re

REGISTRY: list["LazyPattern"] = []


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """The first use of a method (``search``, ``finditer``, …) compiles the pattern, which binds the
    compiled pattern's own methods on the instance: every later call goes straight to ``re``."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._rx: re.Pattern | None = None
        REGISTRY.append(self)

    def compiled(self) -> re.Pattern:
        rx = self._rx
        if rx is None:
            from . import recache
            from .rules.prefilter import fast

            rx = self._rx = recache.compile(self.pattern if self.flags else fast(self.pattern), self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(rx, name))
        return rx

    def __getattr__(self, name: str):
        """``search``, ``finditer``… before the first call: compile, after which they are found directly."""
        if name in _METHODS:
            return getattr(self.compiled(), name)
        raise AttributeError(name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A regex that compiles itself on first use (same methods as ``re.Pattern``)."""
    return LazyPattern(pattern, flags)
