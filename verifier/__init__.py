"""verifier: offline checks for debt-collection messages, agreements and chat exports.

The public API is imported lazily so that ``import verifier`` stays cheap:
``verifier.score(text) -> ScoreResult``.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "score", "ScoreResult", "Flag"]


def __getattr__(name: str):
    if name == "score":
        from .api import score

        return score
    if name in ("ScoreResult", "Flag"):
        from . import results

        return getattr(results, name)
    raise AttributeError(f"module 'verifier' has no attribute {name!r}")
