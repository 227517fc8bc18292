"""JSON Lines: one JSON object per line, blank lines skipped.

Layout::

    {"time": "2024-03-05 09:12:30", "sender": "王经理", "text": "您好……", "chat": "王经理"}
    {"CreateTime": 1709601150, "talker": "小李", "content": "……", "is_sender": 1}

Keys are found like a table's columns (时间/time/CreateTime/…, 昵称/sender/talker/…,
内容/content/msg/text/…, 会话/chat/conversation/…; see
:mod:`verifier.scan.readers.table`); ``--text-col`` names the text key (an InputError
naming the keys there are when the first record lacks it). Times may be text or epoch
numbers. ``is_sender``/``outgoing`` give ``outgoing``; a ``kind`` key that is one of the
row kinds is kept. A line that is not a JSON object, a record without text or with a
bad date is a RowError.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ...errors import InputError
from ..encoding import has_undecodable, open_text
from ..rows import KINDS, Row, RowError
from .common import column_of
from .table import Mapping, missing_column


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = path.stem
    mappings: dict[tuple, Mapping | None] = {}
    first = True
    with open_text(path) as stream:
        for n, raw in enumerate(stream, 1):
            line = raw.strip().lstrip("\ufeff")
            if not line:
                continue
            if has_undecodable(line):
                yield RowError(name, n, "undecodable bytes")
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield RowError(name, n, f"invalid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield RowError(name, n, "not a JSON object")
                continue
            keys = tuple(record)
            if first and text_col and column_of(list(keys), text_col) is None:
                raise missing_column(str(path), text_col, list(keys))
            first = False
            if keys not in mappings:
                try:
                    mappings[keys] = Mapping(list(keys), text_col, str(path))
                except InputError:   # no text key in this record
                    mappings[keys] = None
            mapping = mappings[keys]
            if mapping is None:
                yield RowError(name, n, "no text field")
                continue
            kind = record.get("kind")
            kind = kind if isinstance(kind, str) and kind in KINDS else "text"
            yield mapping.row(name, n, [_value(v) for v in record.values()], conversation, kind)


def _value(v: object) -> object:
    """JSON values as a table cell: numbers stay numbers (epoch times), the rest text."""
    if v is None or isinstance(v, (str, int, float)):
        return "1" if v is True else "0" if v is False else v
    return json.dumps(v, ensure_ascii=False)
