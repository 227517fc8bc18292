"""Excel workbooks (.xlsx/.xlsm), read with openpyxl in read-only (streaming) mode.

Layout: in every sheet, the first non-empty row is the header, then one message per
row, with columns named as in a CSV (see :mod:`verifier.scan.readers.table`)::

    | 时间                | 联系人 | 内容            |
    | 2024-03-05 09:12:30 | 王经理 | 您好……          |

``line`` is the sheet's row number. Dates may be real Excel dates, text, or epoch
numbers. Without a conversation column the conversation is the file's stem (one sheet)
or the sheet's title (several). Empty rows are skipped. openpyxl parses the workbook's
XML with defusedxml when it is installed (it is a dependency), so entity tricks in a
hostile file are refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ...errors import InputError
from ..rows import Row, RowError
from .table import Mapping


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    from openpyxl import load_workbook   # imported here: only workbooks pay for it

    if not zipfile.is_zipfile(path):
        raise InputError(f"{path} is not an Excel .xlsx workbook", code="E204")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:   # openpyxl raises many types for a damaged workbook
        raise InputError(f"{path} cannot be opened as a workbook ({type(exc).__name__})", code="E204") from None
    try:
        sheets = book.worksheets
        for sheet in sheets:
            conversation = path.stem if len(sheets) == 1 else sheet.title
            yield from _sheet(sheet, name, text_col, conversation, str(path))
    finally:
        book.close()


def _sheet(sheet, name: str, text_col: str | None, conversation: str, source: str
           ) -> Iterator[Row | RowError]:
    mapping = None
    for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
        if not any(v is not None and str(v).strip() for v in values):
            continue
        if mapping is None:
            mapping = Mapping(list(values), text_col, source)
            continue
        values = list(values)
        if mapping.time is not None and mapping.time < len(values):
            values[mapping.time] = _excel_time(values[mapping.time])
        yield mapping.row(name, number, values, conversation)


def _excel_time(value: object) -> object:
    """An Excel serial day number (a date cell without its format) as a datetime."""
    if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool)):
        if 20000 <= value <= 80000:   # 1954 … 2119
            from openpyxl.utils.datetime import from_excel

            when = from_excel(value)
            return when if isinstance(when, datetime) else value
    return value
