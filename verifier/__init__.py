"""verifier: offline checks for debt-collection messages, agreements and chat exports.

The public API is imported lazily so that ``import verifier`` stays cheap:
``verifier.score(text) -> ScoreResult``, ``verifier.score_many(texts) -> list[ScoreResult]`` and
``verifier.scan_file(path) -> iterator of ScannedRow`` (see :mod:`verifier.scan`).
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "score", "score_many", "scan_file", "ScoreResult", "Flag"]


def __getattr__(name: str):
    if name in ("score", "score_many"):
        from . import api

        return getattr(api, name)
    if name == "scan_file":
        from .scan import scan_file

        return scan_file
    if name in ("ScoreResult", "Flag"):
        from . import results

        return getattr(results, name)
    raise AttributeError(f"module 'verifier' has no attribute {name!r}")
