"""iMazing CSV (iOS Messages: SMS and iMessage), every field quoted.

Layout::

    "Chat Session","Message Date","Delivered Date","Read Date","Edited Date","Service","Type",
    "Sender ID","Sender Name","Status","Replying to","Subject","Text","Attachment","Attachment type"

Mapping: ``conversation`` is Chat Session; ``time`` Message Date; ``Type`` Outgoing →
``outgoing`` True and ``sender`` ``我``; Incoming → Sender Name, else Sender ID;
Notification/System → kind ``system``. A message with words is kind ``text`` (even
with an attachment); one with only an attachment takes its kind from the attachment's
MIME type (image/…, video/…, audio/… → voice, else file).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..rows import Row, RowError
from .common import bad_date, layout_records, parse_time

COLUMNS = ("Chat Session", "Message Date", "Type", "Sender ID", "Sender Name", "Text", "Attachment",
           "Attachment type")
_MEDIA = {"image": "image", "video": "video", "audio": "voice"}


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    for rec in layout_records(path, name, COLUMNS, "iMazing CSV", sniff=True):
        yield rec if isinstance(rec, RowError) else _row(name, *rec)



def _row(name: str, line: int, f: list[str], c: dict[str, int]) -> Row | RowError:
    raw_time = f[c["Message Date"]]
    try:
        time = parse_time(raw_time)
    except (ValueError, OverflowError, OSError):
        return RowError(name, line, bad_date(raw_time))
    direction = f[c["Type"]].strip().lower()
    outgoing = direction == "outgoing"
    sender = "我" if outgoing else (f[c["Sender Name"]] or f[c["Sender ID"]])
    text = f[c["Text"]]
    if direction in ("notification", "system"):
        kind = "system"
    elif text.strip():
        kind = "text"
    elif f[c["Attachment"]].strip() or f[c["Attachment type"]].strip():
        kind = _MEDIA.get(f[c["Attachment type"]].split("/")[0].strip().lower(), "file")
    else:
        kind = "other"
    return Row(name, line, f[c["Chat Session"]], sender, time, text, kind, outgoing)
