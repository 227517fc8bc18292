"""What the readers share: dates, message placeholders, header synonyms, CSV records with lines.

Dates. Every reader turns what the export holds into ``YYYY-MM-DD HH:MM:SS`` local time:
ISO forms (``2024-03-05 09:12:30``, ``2024/3/5 9:12``, ``2024-03-05T09:12:30+08:00``),
Chinese forms (``2024年3月5日 09:30:00``, with 上午/下午), and unix seconds or epoch
milliseconds, converted with a fixed UTC+8 (Asia/Shanghai has no DST; the machine's
time zone is never used). A date that is none of these raises ``ValueError``, which a
reader reports as ``bad date '…'``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TextIO, TypeVar

from ...errors import InputError
from ..encoding import ESCAPED, has_undecodable, open_text
from ..rows import RowError

# A message may be as long as one `verifier score` takes (1,048,576 characters, a pasted chat); the csv
# module's own limit (131,072) would turn such a row into a bad row.
MAX_FIELD = 1_048_576
if csv.field_size_limit() < MAX_FIELD:
    csv.field_size_limit(MAX_FIELD)

SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")

_DATE = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})[:：](\d{1,2})(?:[:：](\d{1,2})(?:[.,]\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2}|AM|PM|am|pm)?)?"
)
_PM = ("下午", "晚上", "PM", "pm")


def from_epoch(value: float) -> str:
    """Unix seconds (or milliseconds, when it looks like them) → local time in UTC+8."""
    if value > 100_000_000_000:   # after 1973 in milliseconds, after year 5000 in seconds
        value = value / 1000
    return datetime.fromtimestamp(value, SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")


def parse_time(value: object) -> str:
    """The ISO local time for ``value``; "" when it is empty. ValueError when it is not a date."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(SHANGHAI)
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return from_epoch(float(value))
    s = str(value).strip()
    if not s:
        return ""
    if len(s) == 19 and s[10] == " " and s[4] == "-":   # the common case, checked in C
        datetime.fromisoformat(s)
        return s
    if s.isdigit() and len(s) in (10, 13):
        return from_epoch(int(s))
    m = _DATE.fullmatch(s)
    if not m:
        raise ValueError(s)
    year, month, day, half, hour, minute, second, zone = m.groups()
    hour_n = int(hour) if hour else 0
    if half in _PM or zone in _PM:
        hour_n = hour_n + 12 if hour_n < 12 else hour_n
    elif half == "凌晨" or zone in ("AM", "am"):
        hour_n = 0 if hour_n == 12 else hour_n
    elif half == "中午" and hour_n < 11:
        hour_n += 12
    when = datetime(int(year), int(month), int(day), hour_n, int(minute or 0), int(second or 0))
    if zone and zone not in _PM and zone not in ("AM", "am"):
        offset = timezone.utc if zone == "Z" else _offset(zone)
        when = when.replace(tzinfo=offset).astimezone(SHANGHAI).replace(tzinfo=None)
    return when.strftime("%Y-%m-%d %H:%M:%S")


def _offset(zone: str) -> timezone:
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def bad_date(value: object) -> str:
    shown = str(value)
    return f"bad date '{shown[:40]}'"


# Placeholders chat exporters write instead of a non-text message.
PLACEHOLDERS = {
    "[图片]": "image", "[照片]": "image", "[语音]": "voice", "[视频]": "video", "[小视频]": "video",
    "[表情]": "sticker", "[动画表情]": "sticker", "[表情包]": "sticker", "[文件]": "file",
    "[链接]": "link", "[分享]": "link", "[语音通话]": "call", "[视频通话]": "call",
    "[音视频通话]": "call", "[位置]": "other", "[名片]": "other", "[红包]": "other", "[转账]": "other",
    "[闪照]": "image", "[系统消息]": "system",
}


def placeholder_kind(text: str) -> str:
    """The kind of a message whose whole text is one placeholder, else ``text``."""
    return PLACEHOLDERS.get(text.strip(), "text") if text[:1] == "[" else "text"


# Header synonyms of the generic readers (CSV, XLSX, JSONL), compared case-insensitively.
SYNONYMS = {
    "time": ("时间", "time", "date", "createtime", "strtime", "发送时间", "日期", "datetime", "timestamp",
             "消息时间"),
    "sender": ("昵称", "sender", "talker", "nickname", "发送者", "from", "name", "联系人", "发送人", "发信人"),
    "text": ("内容", "content", "msg", "strcontent", "text", "body", "message", "消息", "消息内容",
             "聊天内容", "短信内容"),
    "conversation": ("会话", "聊天对象", "chat", "conversation", "thread", "群", "群聊", "会话名称"),
}


def find_columns(header: list[str]) -> dict[str, int]:
    """Column index per role (time/sender/text/conversation) found in ``header``."""
    names = [h.strip().lstrip("\ufeff").lower() for h in header]
    found: dict[str, int] = {}
    for role, synonyms in SYNONYMS.items():
        for synonym in synonyms:
            if synonym in names and names.index(synonym) not in found.values():
                found[role] = names.index(synonym)
                break
    return found


def column_of(header: list[str], name: str) -> int | None:
    """The index of column ``name`` (exact, then case-insensitive), or None."""
    if name in header:
        return header.index(name)
    lowered = [h.strip().lstrip("\ufeff").lower() for h in header]
    return lowered.index(name.strip().lower()) if name.strip().lower() in lowered else None


class _Lines:
    """The stream's lines for csv.reader, with the lines of the current record kept in
    ``taken``; lines can be put back to be read again (``again`` counts them, so the
    physical line is csv.reader's ``line_num`` less ``again``). ``done``: the feed has ended
    (a reader over it must be made anew to read lines put back after that)."""

    __slots__ = ("stream", "back", "taken", "again", "done", "feed")

    def __init__(self, stream: TextIO, first: str | None = None) -> None:
        self.stream = iter(stream)
        self.back: list[str] = [] if first is None else [first]
        self.taken: list[str] = []
        self.again = 0
        self.done = False
        self.feed = self._feed()

    def _feed(self) -> Iterator[str]:
        back, taken = self.back, self.taken
        while back:
            taken.append(back.pop())
            yield taken[-1]
        for s in self.stream:
            while back:
                taken.append(back.pop())
                yield taken[-1]
            taken.append(s)
            yield s
        while back:
            taken.append(back.pop())
            yield taken[-1]
        self.done = True


def csv_records(stream: TextIO, delimiter: str, width: int | None = None, first: str | None = None
                ) -> Iterator[tuple[int, list[str] | None, str]]:
    """``(start_line, fields, "")`` per record, or ``(start_line, None, reason)`` for a broken one.

    ``width`` is the expected number of fields (the header's; None: take the first record's).
    A quoted field that never closes swallows the lines after it: when the record runs to
    the end of the file (an odd number of quotes), exceeds the csv module's field limit, or
    holds a line that reads as a record of its own (see :func:`_swallowed`), it is reported
    as "unclosed quote" and the lines after its first are parsed again, so the good rows
    that follow are kept. Blank lines are skipped. A line holding undecodable bytes makes
    its record a RowError. ``first``: the stream's first line, when it was read already.
    """
    lines = _Lines(stream, first)
    reader = csv.reader(lines.feed, delimiter=delimiter)
    taken = lines.taken
    clean = getattr(stream, "escapes_at_open", -1)   # -1: unknown, check every line
    escaped = ESCAPED
    base = end = 0
    while True:
        taken.clear()
        start = end + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            fields, reason = None, f"unreadable row ({exc})" if len(taken) == 1 else "unclosed quote"
        else:
            end = base + reader.line_num - lines.again
            if not fields:
                continue
            if escaped[0] != clean and any(has_undecodable(s) for s in taken):
                yield start, None, "undecodable bytes"
                continue
            n = len(fields)
            if width is None:
                width = n
            reason = ""
            if end > start and (sum(s.count('"') for s in taken) % 2   # open at the end of the file
                                or _swallowed(taken, fields, delimiter, width)):
                reason = "unclosed quote"
            elif n != width:
                if n == 1 and not fields[0].strip():
                    continue   # a line of spaces
                yield start, None, f"expected {width} fields, got {n}"
                continue
            else:
                yield start, fields, ""
                continue
        if reason == "unclosed quote":   # read the lines after the record's first again
            lines.back.extend(reversed(taken[1:]))
            lines.again += len(taken) - 1
            if lines.done:
                lines.done, lines.again, base = False, 0, start
                lines.feed = lines._feed()
                reader = csv.reader(lines.feed, delimiter=delimiter)
        end = start if reason == "unclosed quote" else base + reader.line_num - lines.again
        yield start, None, reason


_DIGITS = re.compile(r"\d+")


def _swallowed(taken: list[str], fields: list[str], delimiter: str, width: int) -> bool:
    """True when a record spanning lines is a quote left open that ate the records after it:
    a line inside it reads on its own as a whole record starting like this one (same first
    field, digits aside: ``2024-03-05 09:04:00`` like ``2024-03-05 09:03:00``)."""
    shape = _DIGITS.sub("0", fields[0]) if fields else ""
    for inner in taken[1:-1] if len(fields) == width else taken[1:]:
        if '"' in inner or inner.count(delimiter) != width - 1:
            continue
        first = inner.split(delimiter, 1)[0]
        if _DIGITS.sub("0", first.strip()) == shape.strip() and shape.strip():
            return True
    return False


def sniff_delimiter(first_line: str, default: str = ",") -> str:
    """The delimiter of a header line: the most frequent of comma, tab and semicolon."""
    counts = {d: first_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else default


def named_columns(header: list[str], wanted: tuple[str, ...], source: object, layout: str) -> dict[str, int]:
    """Index of every column in ``wanted`` (all must be there, else InputError)."""
    names = [h.strip().lstrip("\ufeff") for h in header]
    missing = [w for w in wanted if w not in names]
    if missing:
        raise InputError(f"{source} is not a {layout} export: missing column(s) {', '.join(missing)}",
                         code="E205")
    return {w: names.index(w) for w in wanted}



H = TypeVar("H")


def header_records(stream: TextIO, path: Path, name: str, make_header: Callable[[list[str]], H], delimiter: str,
                   first: str | None = None) -> Iterator[tuple[int, list[str], H] | RowError]:
    """The data rows of a CSV with a header: ``(line, fields, header)`` per row, where ``header``
    is ``make_header(the header's fields)``; a :class:`RowError` in place of a row that cannot be
    read. A header that cannot be read is an InputError naming the file (as is whatever
    ``make_header`` raises). ``first``: the stream's first line, when it was read already."""
    header = None
    for line, fields, reason in csv_records(stream, delimiter, first=first):
        if fields is None:
            if header is None:
                raise InputError(f"{path}: the header line cannot be read ({reason})", code="E205")
            yield RowError(name, line, reason)
        elif header is None:
            header = make_header(fields)
        else:
            yield line, fields, header


def layout_records(path: Path, name: str, columns: tuple[str, ...], layout: str, sniff: bool = False
                   ) -> Iterator[tuple[int, list[str], dict[str, int]] | RowError]:
    """:func:`header_records` of an exporter's CSV whose header must hold every one of ``columns``
    (an InputError naming the file and ``layout`` when one is missing); ``header`` is then the
    index of each of them. ``sniff``: the delimiter is the header's (else a comma)."""
    with open_text(path) as stream:
        first = stream.readline() if sniff else None
        delimiter = sniff_delimiter(first) if sniff else ","
        yield from header_records(stream, path, name, lambda fields: named_columns(fields, columns, path, layout),
                                  delimiter, first)
