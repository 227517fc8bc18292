"""WeChatMsg ("留痕"/MemoTrace) CSV: one file per chat, ``data/聊天记录/NAME/NAME_utf8.csv``.

Layout (UTF-8 with BOM)::

    localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender
    1002,7,1,0,0,1709601150,3,您好……,2024-03-05 09:12:30,王经理,协商专员王,wxid_…

Mapping: ``conversation`` is the chat's name (the file's stem without ``_utf8``);
``sender`` the Remark, else NickName, else the Sender wxid ("" for a system message,
as in the TXT and HTML exports); ``outgoing`` is IsSender == 1;
``time`` is StrTime, else CreateTime (unix seconds, UTC+8). ``Type``: 1 text,
3 image, 34 voice, 43 video, 47 sticker, 50 call, 42/48 other (card, location),
10000/10002 system (its words kept as text), 49 an app message by SubType (57 a quoted
reply: text, its ``<title>``; 6 file; 2000/2001 transfer/red packet: other; else a link,
its title as the text). Non-text messages keep only a caption, never their XML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..rows import Row, RowError
from .common import bad_date, from_epoch, layout_records, parse_time

COLUMNS = ("Type", "SubType", "IsSender", "CreateTime", "StrContent", "StrTime", "Remark", "NickName", "Sender")
KINDS = {1: "text", 3: "image", 34: "voice", 43: "video", 47: "sticker", 50: "call", 42: "other",
         48: "other", 10000: "system", 10002: "system"}
APP_KINDS = {57: "text", 6: "file", 2000: "other", 2001: "other", 19: "other", 3: "link", 5: "link"}
_TITLE = re.compile(r"<title>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</title>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def conversation_of(path: Path) -> str:
    stem = path.stem
    for suffix in ("_utf8", "_gbk"):
        if stem.endswith(suffix):
            return stem[: -len(suffix)]
    return stem


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = conversation_of(path)
    for rec in layout_records(path, name, COLUMNS, "WeChatMsg CSV"):
        yield rec if isinstance(rec, RowError) else _row(name, *rec, conversation)



def _row(name: str, line: int, f: list[str], c: dict[str, int], conversation: str) -> Row | RowError:
    try:
        type_ = int(f[c["Type"]] or 0)
        sub = int(f[c["SubType"]] or 0)
    except ValueError:
        return RowError(name, line, f"bad message type '{f[c['Type']][:20]}'")
    raw_time = f[c["StrTime"]] or f[c["CreateTime"]]
    try:
        time = parse_time(raw_time) if f[c["StrTime"]] else _epoch(f[c["CreateTime"]])
    except (ValueError, OverflowError, OSError):
        return RowError(name, line, bad_date(raw_time))
    content = f[c["StrContent"]]
    kind, text = kind_and_text(type_, sub, content)
    sender = "" if kind == "system" else (f[c["Remark"]] or f[c["NickName"]] or f[c["Sender"]])
    outgoing = f[c["IsSender"]].strip() == "1"
    return Row(name, line, conversation, sender, time, text, kind, outgoing)


def _epoch(value: str) -> str:
    return from_epoch(float(value)) if value.strip() else ""


def kind_and_text(type_: int, sub: int, content: str) -> tuple[str, str]:
    """The kind of a WeChat message and the words to keep (the HTML reader shares KINDS and APP_KINDS)."""
    if type_ == 1:
        return "text", content
    if type_ == 49:
        kind = APP_KINDS.get(sub, "link")
        title = _TITLE.search(content)
        return kind, html.unescape(title.group(1)).strip() if title else ("" if content.lstrip()[:1] == "<"
                                                                          else content)
    kind = KINDS.get(type_, "other")
    if kind == "system":
        cleaned = _TAGS.sub("", content.replace("<![CDATA[", "").replace("]]>", ""))
        return kind, html.unescape(cleaned).strip()
    return kind, ""
