"""WeChatMsg ("留痕"/MemoTrace) HTML: one page per chat whose messages sit in a JS array.

Layout::

    <script>
    const chatMessages = [
    { type:1, text: '您好……',is_send:0,avatar_path:'./avatar/other.png',timestamp:1709601150,
      is_chatroom:0,displayname:'王经理'},
    { type:49, sub_type:5, text:'', title:'…', description:'…', is_send:0, timestamp:…},
    ];
    </script>

The array is read by :mod:`verifier.scan.readers.js_array` (a tokenizer, never eval);
``line`` is the line where an element's ``{`` stands. Strings were HTML-escaped by the
exporter, so ``&amp;``/``&lt;`` are unescaped and ``<br>`` becomes a newline. Mapping:
``conversation`` is the file's stem; ``sender`` is ``displayname`` (``我`` when empty on
one's own message); ``outgoing`` is is_send == 1; ``time`` is ``timestamp`` (unix
seconds, UTC+8). ``type``: 1 text; 0, 10000 and 10002 system (a type 0 element that holds
only a date is the exporter's time divider and is skipped); 3 image, 34 voice (its
``voice_to_text`` kept), 43 video, 47 sticker, 50 call; 49 by ``sub_type`` (57 a quoted
reply: text; 6 file; 2000/2001 transfer/red packet: other; else a link, with its title and
description), as in :mod:`verifier.scan.readers.wechat_csv`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ...errors import InputError
from ..encoding import has_undecodable, open_text
from ..rows import Row, RowError
from .common import bad_date, from_epoch
from .js_array import elements
from .wechat_csv import APP_KINDS, KINDS

_START = re.compile(r"\bchatMessages\s*=\s*\[")
_DIVIDER = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?")
_KINDS = {**KINDS, 0: "system"}   # the same message types as the CSV export, and its time dividers


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = path.stem
    with open_text(path) as stream:
        lines = iter(stream)
        for n, line in enumerate(lines, 1):
            m = _START.search(line)
            if m:
                break
        else:
            raise InputError(f"{path} is not a WeChatMsg HTML export (no chatMessages array)", code="E204")
        for start, element in elements(lines, line[m.end():], n):
            if isinstance(element, str):
                yield RowError(name, start, f"unreadable message ({element})")
                continue
            row = _row(name, start, element, conversation)
            if row is not None:
                yield row


def _text(value: object) -> str:
    if value is None:
        return ""
    return html.unescape(str(value).replace("<br>", "\n").replace("<br/>", "\n"))


def _row(name: str, line: int, e: dict, conversation: str) -> Row | RowError | None:
    try:
        type_ = int(e.get("type", 1))
        sub = int(e.get("sub_type", 0) or 0)
    except (TypeError, ValueError):
        return RowError(name, line, f"bad message type '{str(e.get('type'))[:20]}'")
    text = _text(e.get("text"))
    if type_ == 0 and "displayname" not in e and _DIVIDER.fullmatch(text.strip()):
        return None   # the "every five minutes" time line, not a message
    stamp = e.get("timestamp")
    try:
        time = from_epoch(float(stamp)) if stamp not in (None, "") else ""
    except (TypeError, ValueError, OverflowError, OSError):
        return RowError(name, line, bad_date(stamp))
    if type_ == 49:
        kind = APP_KINDS.get(sub, "link")
        if kind == "link":
            text = "\n".join(t for t in (_text(e.get("title")), _text(e.get("description"))) if t)
        elif kind != "text":
            text = ""
    else:
        kind = _KINDS.get(type_, "other")
        if kind == "voice":
            text = _text(e.get("voice_to_text"))
        elif kind not in ("text", "system"):
            text = ""
    if has_undecodable(text):
        return RowError(name, line, "undecodable bytes")
    outgoing = str(e.get("is_send", 0)).strip() in ("1", "True", "true")
    sender = _text(e.get("displayname")) or ("我" if outgoing else "")
    return Row(name, line, conversation, sender, time, text, kind, outgoing)
