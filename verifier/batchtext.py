"""A batch's texts joined into one string, so that one call in C (a regex, a Hyperscan scan, the
segmenter, numpy) reads all of them.

The separator is NUL. Each module that joins says why no match, word or n-gram of its own can cross it;
NUL survives normalisation, so a text may hold it itself: :func:`joined` then gives None and the caller
reads each text alone.
"""

from __future__ import annotations

SEP = "\x00"


def joined(texts: list[str]) -> str | None:
    """``SEP.join(texts)``; None when a text holds the separator itself (or there is no text at all)."""
    out = SEP.join(texts)
    return out if out.count(SEP) == len(texts) - 1 else None
