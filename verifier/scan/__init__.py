"""``verifier scan``: read chat exports, score every message, rank conversations, write reports.

- :mod:`.formats` and :mod:`.readers`: one reader per export format, a sniffer, encodings;
- :mod:`.runner`: the streaming, parallel, de-duplicating pipeline (:class:`Scanner`);
- :mod:`.conversations`: a conversation's risk and escalation patterns;
- :mod:`.redact`: masks for phone, ID-card, bank-card numbers, e-mail, QQ and WeChat ids;
- :mod:`.report` and :mod:`.html`: the CSV/JSONL rows, the HTML report, atomic writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def scan_file(path: str | Path, *, fmt: str = "auto", text_col: str | None = None, jobs: int = 1,
              redact: bool = True, with_errors: bool = False) -> Iterator:
    """Scan one export (or a directory of them) and yield its rows in order.

    Each message is a :class:`~verifier.scan.runner.ScannedRow` (``.to_dict()`` gives the report
    row: id, conversation, sender, time, text, label, risk, level, flags, file, line, kind and the
    evidence spans). ``text``, ``sender`` and ``conversation`` are redacted unless ``redact=False``.
    Rows that could not be read are skipped, or yielded as
    :class:`~verifier.scan.rows.RowError` when ``with_errors=True``. A file that cannot be read
    at all raises :class:`~verifier.errors.InputError`.
    """
    from .rows import RowError
    from .runner import ScanOptions, Scanner

    scanner = Scanner([path], ScanOptions(fmt=fmt, text_col=text_col, jobs=jobs, redact=redact))
    for item in scanner.rows():
        if with_errors or not isinstance(item, RowError):
            yield item
