"""Generic CSV/TSV: a header line, then one message per record.

Layout::

    时间,昵称,QQ（邮箱）,内容
    2024-03-05 09:12:30,王经理,10000002,您好……

The delimiter is a comma, a tab or a semicolon (the most frequent one in the header; a
``.tsv`` file is tab-separated). Columns are found by name (see
:mod:`verifier.scan.readers.table`). Quoted fields may span lines; ``Row.line`` is the
physical line where the record starts. Broken records (an unclosed quote, a wrong
number of fields, a bad date, undecodable bytes, an empty text) become RowErrors and the
records around them are kept. Parsed with the csv module, streaming.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ...errors import InputError
from ..encoding import open_text
from ..rows import Row, RowError
from .common import csv_records, sniff_delimiter
from .table import Mapping


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    conversation = path.stem
    with open_text(path) as stream:
        first = stream.readline()
        if not first.strip():
            raise InputError(f"{path} has no header line", code="E205")
        delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(first)
        # header_records, written out: one generator fewer for every row to pass through
        records = csv_records(stream, delimiter, first=first)
        for line, fields, reason in records:
            if fields is None:
                raise InputError(f"{path}: the header line cannot be read ({reason})", code="E205")
            row = Mapping(fields, text_col, str(path)).row
            break
        else:
            return
        for line, fields, reason in records:
            yield RowError(name, line, reason) if fields is None else row(name, line, fields, conversation)
