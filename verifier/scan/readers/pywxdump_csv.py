"""PyWxDump CSV: a folder per chat, ``export/WXID/WXID_START_END.csv`` pages of 5,000 rows.

Layout (UTF-8, no BOM)::

    id,MsgSvrID,type_name,is_sender,talker,room_name,msg,src,CreateTime
    2,7000000000000000002,文本,1,我,wxid_…,我现在确实还不上……,,2024-03-05 09:13:02

Mapping: ``conversation`` is the folder's name when the page is named after it (a folder
of pages is one chat), else ``room_name``, else the file's stem; ``sender`` is ``talker`` (``我`` for one's own
messages); ``outgoing`` is is_sender == 1; ``time`` is CreateTime (text, or unix
seconds). ``type_name`` (Chinese) gives the kind: 文本/引用回复 text, 图片 image, 语音
voice, 视频 video, 动画表情 sticker, 文件 file, 卡片式链接/分享链接/小程序 link, 语音通话
call, 系统通知/拍一拍/撤回消息 system, anything else other. A non-text message keeps
``msg`` only when it says more than its type name (a link's title, a system notice).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..rows import Row, RowError
from .common import bad_date, layout_records, parse_time

COLUMNS = ("type_name", "is_sender", "talker", "room_name", "msg", "CreateTime")
KINDS = {"文本": "text", "引用回复": "text", "引用": "text", "图片": "image", "语音": "voice", "视频": "video",
         "动画表情": "sticker", "表情包": "sticker", "文件": "file", "卡片式链接": "link", "分享链接": "link",
         "小程序": "link", "音乐": "link", "语音通话": "call", "视频通话": "call", "音视频通话": "call",
         "语音/视频通话": "call", "系统通知": "system", "拍一拍": "system", "撤回消息": "system",
         "撤回": "system"}
_PAGE = re.compile(r"_\d+_\d+$")


def conversation_of(path: Path) -> str | None:
    """The folder's name when ``path`` is one of its pages (``FOLDER_0_5000.csv``)."""
    folder = path.parent.name
    if folder and path.stem.startswith(folder + "_") and _PAGE.search(path.stem):
        return folder
    return None


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    folder = conversation_of(path)
    stem = _PAGE.sub("", path.stem)
    for rec in layout_records(path, name, COLUMNS, "PyWxDump CSV"):
        yield rec if isinstance(rec, RowError) else _row(name, *rec, folder, stem)



def _row(name: str, line: int, f: list[str], c: dict[str, int], folder: str | None, stem: str
         ) -> Row | RowError:
    raw_time = f[c["CreateTime"]]
    try:
        time = parse_time(raw_time)
    except (ValueError, OverflowError, OSError):
        return RowError(name, line, bad_date(raw_time))
    type_name = f[c["type_name"]].strip()
    kind = KINDS.get(type_name, "other")
    msg = f[c["msg"]]
    text = msg if kind == "text" or (msg.strip() and msg.strip() != type_name) else ""
    conversation = folder or f[c["room_name"]] or stem
    return Row(name, line, conversation, f[c["talker"]], time, text, kind, f[c["is_sender"]].strip() == "1")
