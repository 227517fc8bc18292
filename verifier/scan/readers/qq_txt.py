"""QQ message manager TXT (消息管理器 → 导出为 .txt): one file, one or many chats.

Layout::

    消息记录（此消息记录为文本格式，不支持重新导入）

    ================================================================
    消息分组:我的好友
    ================================================================
    消息对象:王经理
    ================================================================

    2024-03-05 09:12:30 王经理(10000002)
    您好，我是……

    2024-03-05 9:13:02 小李<xiaoli@example.com>
    第一行
    第二行

Each message opens with ``YYYY-MM-DD H:MM:SS nickname(QQ number)`` or ``nickname<email>``;
its lines follow, then a blank line (a blank line followed by more text that is not a
message line belongs to the message). Nicknames may hold parentheses: the number is the
last ``(…)``. Mapping: ``conversation`` is the current ``消息对象`` (else the file's stem),
``sender`` the nickname, ``outgoing`` unknown (None). A message that is only ``[图片]``,
``[表情]``… takes that kind with no text; an empty one is kind ``other``. The encoding
varies (UTF-8 with or without BOM, UTF-16 LE with BOM, GB18030): see
:mod:`verifier.scan.encoding`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..encoding import has_undecodable, open_text
from ..rows import Row, RowError
from .common import bad_date, parse_time, placeholder_kind

HEADER = re.compile(r"(\d{4}-\d{1,2}-\d{1,2}) (\d{1,2}:\d{2}:\d{2}) (.*?)(?:\(([^()]*)\)|<([^<>]*)>)")
_SEPARATOR = re.compile(r"={10,}")
_FIELD = re.compile(r"(消息分组|消息对象)[:：](.*)")


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = path.stem
    current: list | None = None    # [start line, time, sender, lines, date error, undecodable header]
    with open_text(path) as stream:
        for n, raw in enumerate(stream, 1):
            line = raw.rstrip("\r\n")
            m = HEADER.fullmatch(line)
            if m:
                if current:
                    yield _message(name, conversation, current)
                current = _start(n, m)
            elif _SEPARATOR.fullmatch(line.strip()):
                if current:
                    yield _message(name, conversation, current)
                current = None
            elif current is not None:
                current[3].append(line)
            else:
                field = _FIELD.fullmatch(line.strip())
                if field and field.group(1) == "消息对象":
                    conversation = field.group(2).strip() or path.stem
                elif line.strip() and not field and not line.lstrip("\ufeff").startswith("消息记录"):
                    yield RowError(name, n, "text outside a message")
    if current:
        yield _message(name, conversation, current)


def _start(n: int, m: re.Match) -> list:
    date, clock, nickname = m.group(1), m.group(2), m.group(3)
    try:
        time: str = parse_time(f"{date} {clock}")
        error = ""
    except ValueError:
        time, error = "", bad_date(f"{date} {clock}")
    return [n, time, nickname.strip(), [], error, has_undecodable(m.group(0))]


def _message(name: str, conversation: str, current: list) -> Row | RowError:
    start, time, sender, lines, error, undecodable = current
    while lines and not lines[-1].strip():
        lines.pop()
    if error:
        return RowError(name, start, error)
    text = "\n".join(lines)
    if undecodable or has_undecodable(text):
        return RowError(name, start, "undecodable bytes")
    kind = placeholder_kind(text) if text else "other"
    return Row(name, start, conversation, sender, time, "" if kind != "text" else text, kind, None)
