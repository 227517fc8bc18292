"""WeChatMsg ("留痕"/MemoTrace) TXT: one file per chat, ``NAME/NAME.txt``.

Layout::

    2024-03-05 09:10:00 你已添加了协商专员王，现在可以开始聊天了。

    2024-03-05 09:12:30 王经理
    您好，我是……

    2024-03-05 09:22:30 王经理
    [图片]

A message opens with ``YYYY-MM-DD HH:MM:SS name`` (at the start of the file or after a
blank line); its lines follow until the next such line. An opening line with no lines
under it is a system message: its words after the time are the text, kind ``system``.
Mapping: ``conversation`` is the file's stem, ``sender`` the name, ``outgoing`` unknown
(None). A message that is only a placeholder (``[图片]``, ``[语音]``, ``[视频]``,
``[动画表情]``, ``[文件]``, ``[链接]``…) takes that kind with no text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..encoding import has_undecodable, open_text
from ..rows import Row, RowError
from .common import bad_date, parse_time, placeholder_kind

HEADER = re.compile(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (.*\S)")


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = path.stem
    current: list | None = None   # [start line, raw time, name, lines]
    blank_before = True
    with open_text(path) as stream:
        for n, raw in enumerate(stream, 1):
            line = raw.rstrip("\r\n")
            m = HEADER.fullmatch(line.lstrip("\ufeff")) if blank_before else None
            blank_before = not line.strip()
            if m:
                if current:
                    yield _message(name, conversation, current)
                current = [n, m.group(1), m.group(2), []]
            elif current is not None:
                current[3].append(line)
            elif line.strip():
                yield RowError(name, n, "text outside a message")
    if current:
        yield _message(name, conversation, current)


def _message(name: str, conversation: str, current: list) -> Row | RowError:
    start, raw_time, who, lines = current
    while lines and not lines[-1].strip():
        lines.pop()
    try:
        time = parse_time(raw_time)
    except ValueError:
        return RowError(name, start, bad_date(raw_time))
    text = "\n".join(lines)
    if has_undecodable(who) or has_undecodable(text):
        return RowError(name, start, "undecodable bytes")
    if not lines:
        return Row(name, start, conversation, "", time, who, "system", None)
    kind = placeholder_kind(text)
    return Row(name, start, conversation, who, time, text if kind == "text" else "", kind, None)
