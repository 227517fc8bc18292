"""Export formats: the ``--format`` names, a sniffer, and one entry point to read inputs.

``sniff(path)`` decides from the extension and the first 64 KB of content: an XML root
``<smses>`` (SMS Backup & Restore), a ``chatMessages`` array in HTML (WeChatMsg), the
header line of a CSV (WeChatMsg ``localId,TalkerId,Type…``, PyWxDump ``id,MsgSvrID,
type_name…``, iMazing ``"Chat Session","Message Date"…``, else generic), the QQ header
block or ``date time nickname(QQ)`` lines, the WeChatMsg TXT ``date time name`` line,
JSON objects per line, a ZIP workbook. ``read`` reads one file; ``read_inputs`` reads
files and directories (every supported file, recursively, in natural order; ``Row.file``
is then the path relative to the directory's parent, the same on every machine).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path

from ..errors import InputError
from .encoding import head, head_text
from .readers import (generic_csv, imazing_csv, jsonl, plain_txt, pywxdump_csv, qq_txt, sms_xml, wechat_csv,
                      wechat_html, wechat_txt, xlsx)
from .rows import Row, RowError


class Format(str, Enum):
    auto = "auto"
    csv = "csv"
    jsonl = "jsonl"
    txt = "txt"
    xlsx = "xlsx"
    sms_xml = "sms-xml"
    wechat_csv = "wechat-csv"
    qq_txt = "qq-txt"
    wechat_txt = "wechat-txt"
    wechat_html = "wechat-html"
    pywxdump_csv = "pywxdump-csv"
    imazing_csv = "imazing-csv"


READERS = {
    Format.csv: generic_csv.read, Format.jsonl: jsonl.read, Format.txt: plain_txt.read, Format.xlsx: xlsx.read,
    Format.sms_xml: sms_xml.read, Format.wechat_csv: wechat_csv.read, Format.qq_txt: qq_txt.read,
    Format.wechat_txt: wechat_txt.read, Format.wechat_html: wechat_html.read,
    Format.pywxdump_csv: pywxdump_csv.read, Format.imazing_csv: imazing_csv.read,
}
TABLE_FORMATS = (Format.csv, Format.xlsx, Format.jsonl)   # where --text-col applies
_CSV_FLAVOURS = (Format.wechat_csv, Format.pywxdump_csv, Format.imazing_csv)
SUPPORTED = ".csv .tsv .txt .jsonl .ndjson .json .xlsx .xlsm .xml .html .htm"


class UnsupportedFile(InputError):
    """A file that is no export this tool reads."""

    code = "E207"


def _unsupported(path: Path, why: str = "") -> UnsupportedFile:
    return UnsupportedFile(f"{path}: unsupported file{' (' + why + ')' if why else ''}; "
                           f"exports read: {SUPPORTED} (see --format)")


_WECHAT_LINE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} .*\S")
_QQ_LINE = re.compile(r"\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2} .*(?:\([^()]*\)|<[^<>]*>)")


def sniff(path: Path | str) -> Format:
    """The format of ``path``; UnsupportedFile (an InputError) when it is none of them."""
    path = Path(path)
    raw = head(path)
    if not raw:
        raise InputError(f"{path} is empty", code="E201")
    ext = path.suffix.lower()
    if raw.startswith(b"PK\x03\x04"):
        if ext in (".xlsx", ".xlsm"):
            return Format.xlsx
        raise _unsupported(path, "a ZIP archive")
    text = head_text(raw, path, 64 * 1024)
    if not text:
        raise _unsupported(path, "not text")
    body = text.lstrip("\ufeff \t\r\n")
    first = body.split("\n", 1)[0].strip()
    lowered = body[:2048].lower()
    if body.startswith("<?xml") or lowered.startswith("<smses") or ext == ".xml":
        if "<smses" in text:
            return Format.sms_xml
        raise _unsupported(path, "XML that is not an SMS Backup & Restore file")
    if ext in (".html", ".htm") or lowered.startswith(("<!doctype html", "<html")):
        if "chatMessages" in text or b"chatMessages" in head(path, 4 * 1024 * 1024):
            return Format.wechat_html
        raise _unsupported(path, "HTML without a WeChatMsg chatMessages array")
    if ext in (".jsonl", ".ndjson") or (ext in (".json", "") and _is_json_object(first)):
        return Format.jsonl
    if ext in (".csv", ".tsv"):
        return _csv_flavour(first)
    lines = body.split("\n")[:200]
    if _is_qq(body, lines):
        return Format.qq_txt
    if _is_wechat_txt(lines):
        return Format.wechat_txt
    if ext == ".txt":
        return Format.txt
    raise _unsupported(path)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _csv_flavour(header: str) -> Format:
    names = {h.strip().strip('"').strip() for h in re.split(r"[,\t;]", header)}
    if {"localId", "TalkerId", "Type", "IsSender", "StrContent"} <= names:
        return Format.wechat_csv
    if {"MsgSvrID", "type_name", "is_sender", "talker", "msg", "CreateTime"} <= names:
        return Format.pywxdump_csv
    if {"Chat Session", "Message Date", "Type", "Text"} <= names:
        return Format.imazing_csv
    return Format.csv


def _is_qq(body: str, lines: list[str]) -> bool:
    if re.search(r"^消息(对象|分组)[:：]", body[:16384], re.M):
        return True
    stripped = [s.strip() for s in lines]
    return sum(1 for s in stripped if _QQ_LINE.fullmatch(s)) >= 2


def _is_wechat_txt(lines: list[str]) -> bool:
    stripped = [s.strip() for s in lines if s.strip()]
    if not stripped or not _WECHAT_LINE.fullmatch(stripped[0]):
        return False
    return sum(1 for s in stripped if _WECHAT_LINE.fullmatch(s)) >= 2 or len(stripped) <= 3


def read(path: Path | str, fmt: Format | str = Format.auto, text_col: str | None = None, *,
         name: str | None = None) -> Iterator[Row | RowError]:
    """The rows of one file. InputError (exit 2) when it is missing, unsupported or unreadable."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a directory: use read_inputs", code="E201")
    if not path.exists():
        raise InputError(f"{path}: no such file", code="E201")
    fmt = Format(fmt)
    if fmt is Format.auto:
        fmt = sniff(path)
        if text_col and fmt in _CSV_FLAVOURS:
            fmt = Format.csv   # --text-col wins over the exporter's own layout
    return READERS[fmt](path, str(path) if name is None else name, text_col if fmt in TABLE_FORMATS else None)


def read_inputs(paths: Iterable[Path | str], fmt: Format | str = Format.auto, text_col: str | None = None
                ) -> Iterator[Row | RowError]:
    """The rows of every input. A directory is read recursively; a file in it that cannot be
    read becomes a RowError on line 0 and the scan goes on. A file named outright that cannot
    be read raises InputError."""
    fmt = Format(fmt)
    for given in paths:
        given = Path(given)
        if not given.is_dir():
            yield from read(given, fmt, text_col)
            continue
        top = given.resolve().name or given.resolve().anchor
        for path in _walk(given):
            name = f"{top}/{path.relative_to(given).as_posix()}"
            try:
                yield from read(path, fmt, text_col, name=name)
            except UnsupportedFile:
                yield RowError(name, 0, "unsupported file")
            except InputError as exc:
                yield RowError(name, 0, " ".join(str(exc).replace(str(path), name).split()))


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in natural order (``p_5000`` before ``p_10000``), hidden ones left out."""
    entries = [p for p in folder.iterdir() if not p.name.startswith((".", "~$"))]
    for entry in sorted(entries, key=_natural):
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _natural(path: Path) -> tuple:
    parts = re.split(r"(\d+)", path.name.lower())
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), path.name
