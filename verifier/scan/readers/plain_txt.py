"""Plain text: one message per line, blank lines skipped.

Layout::

    【某某银行】您的信用卡本期账单已逾期，请通过官方App还款。
    加我微信，本金打到我个人卡上就给你免息

Mapping: ``conversation`` is the file's stem; ``sender`` and ``time`` are unknown ("");
``line`` is the physical line. A line holding undecodable bytes is a RowError.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..encoding import has_undecodable, open_text
from ..rows import Row, RowError


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = path.stem
    with open_text(path) as stream:
        for n, raw in enumerate(stream, 1):
            text = raw.rstrip("\r\n").lstrip("\ufeff")
            if not text.strip():
                continue
            if has_undecodable(text):
                yield RowError(name, n, "undecodable bytes")
            else:
                yield Row(name, n, conversation, "", "", text.strip(), "text", None)
