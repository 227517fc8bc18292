"""Rows of a table whose columns are named freely (generic CSV, TSV, XLSX).

The header names a time, a sender, a text and optionally a conversation column under
one of the synonyms in :data:`~verifier.scan.readers.common.SYNONYMS` (时间/time/
CreateTime/StrTime/…, 昵称/sender/talker/NickName/…, 内容/content/msg/StrContent/Text/
body/…, 会话/聊天对象/chat/…); ``--text-col`` names the text column outright. An
``is_sender``/``outgoing`` column, when there is one, gives ``outgoing``. A table with a
single column is all text. A cell that is only a placeholder (``[图片]``, ``[语音]``…) makes
a row of that kind with no text. Without a conversation column the conversation is the
file's stem (or the sheet's title).
"""

from __future__ import annotations

from datetime import datetime

from ...errors import InputError
from ..rows import Row, RowError
from .common import bad_date, column_of, find_columns, parse_time, placeholder_kind

_fromiso = datetime.fromisoformat
_OUTGOING_COLS = ("is_sender", "issender", "is_send", "outgoing", "是否发送")
_YES = {"1", "true", "yes", "是", "outgoing", "sent", "发送", "我"}
_NO = {"0", "false", "no", "否", "incoming", "received", "接收"}


def missing_column(source: str, name: str, header: list) -> InputError:
    names = ", ".join(str(h) for h in header if str(h).strip()) or "none"
    return InputError(f"{source} has no column {name!r} (--text-col); its columns are: {names}", code="E205")


class Mapping:
    """Where each field of a :class:`Row` sits in a table row."""

    __slots__ = ("text", "time", "sender", "conversation", "outgoing", "width")

    def __init__(self, header: list, text_col: str | None, source: str) -> None:
        header = ["" if h is None else str(h) for h in header]
        roles = find_columns(header)
        if text_col:
            idx = column_of(header, text_col)
            if idx is None:
                raise missing_column(source, text_col, header)
            roles = {k: v for k, v in roles.items() if v != idx}
            roles["text"] = idx
        elif "text" not in roles:
            if len(header) != 1:
                names = ", ".join(h for h in header if h.strip()) or "none"
                raise InputError(f"{source}: no text column found (columns: {names}); "
                                 "name it with --text-col", code="E205")
            roles["text"] = 0
        self.text = roles["text"]
        self.time = roles.get("time")
        self.sender = roles.get("sender")
        self.conversation = roles.get("conversation")
        lowered = [h.strip().lower() for h in header]
        self.outgoing = next((lowered.index(c) for c in _OUTGOING_COLS if c in lowered), None)
        self.width = len(header)

    def row(self, file: str, line: int, values: list, conversation: str, kind: str = "text"
            ) -> Row | RowError:
        """The Row for ``values`` (strings from CSV, cell values from XLSX). ``kind``: what the
        record says it is (JSONL ``kind``); a non-text message may have no text."""
        if len(values) < self.width:
            values = list(values) + [None] * (self.width - len(values))
        text = values[self.text]
        if text.__class__ is not str:
            text = _cell(text)
        if (not text or text.isspace()) and kind == "text":
            return RowError(file, line, "empty text")
        time = ""
        if self.time is not None:
            raw = values[self.time]
            if raw.__class__ is str and len(raw) == 19 and raw[10] == " " and raw[4] == "-":
                try:   # the common case, checked in C
                    _fromiso(raw)
                    time = raw
                except ValueError:
                    return RowError(file, line, bad_date(raw))
            else:
                try:
                    time = parse_time(raw)
                except (ValueError, OverflowError, OSError):
                    return RowError(file, line, bad_date(raw))
        sender = ""
        if self.sender is not None:
            sender = values[self.sender]
            if sender.__class__ is not str:
                sender = _cell(sender)
        if self.conversation is not None:
            cell = values[self.conversation]
            conversation = (cell if cell.__class__ is str else _cell(cell)) or conversation
        outgoing = None
        if self.outgoing is not None:
            flag = _cell(values[self.outgoing]).strip().lower()
            outgoing = True if flag in _YES else False if flag in _NO else None
        if kind == "text" and text[0] == "[":
            kind = placeholder_kind(text)   # "[图片]" and the like: that kind, no text
            if kind != "text":
                text = ""
        return Row(file, line, conversation, sender, time, text, kind, outgoing)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)
