"""What the classifier reads: module-level functions, so that a fitted
vectoriser that holds them can be pickled and loaded elsewhere.

Both feature blocks read the *folded* text of :mod:`verifier.normalise`
(full-width, traditional characters, zero-width and separator tricks, pinyin
and homophone variants already undone), so the model and the rules see the
same message. Their import paths are part of the saved model.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """The folded text (the character n-gram block's preprocessor)."""
    from .normalise import normalise

    return normalise(text).text


def words(text: str) -> list[str]:
    """jieba words of the folded text (the word n-gram block's tokenizer)."""
    from .segment import cut

    return cut(fold(text))
