"""The outputs of a scan: the per-message CSV or JSONL, the HTML report, the summary.

Per-message rows carry the SPEC columns plus where each message came from and
the risk of its conversation, which is known only when the whole input has
been read. So rows are first written in a compact binary form (``marshal``,
one record per block) to a temporary file next to the output, then rendered
with their conversation's risk into a second temporary file that finally
replaces the output name. A crash or an interrupt therefore never leaves a
half-written report under the final name, and memory stays bounded.

A CSV row is spooled already rendered up to its last cell (see :class:`CsvSpool`): the csv
module inspects every character of every cell, and did so once per row for texts that repeat,
while :func:`csv_cell` does what it does for a cell and the cells of a scored text are made
once per distinct text. The tests hold it byte-identical to ``csv.writer``.

CSV files are written as UTF-8 with a BOM so that Excel on a Chinese Windows
machine opens them correctly; CSV on standard output has no BOM.
"""

from __future__ import annotations

import csv
import io
import json
import marshal
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from ..contract import FLAG_IDS
from ..errors import InputError
from ..parallel import collector_paused
from .conversations import PATTERN_TEXT, Conversation
from .rows import RowError
from .runner import MAX_ERRORS_KEPT, ScannedRow, Scanner, level_at_least

COLUMNS = ("id", "conversation", "sender", "time", "text", "label", "risk", "level", "flags",
           "file", "line", "kind", "conversation_risk")
OUT_KINDS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html"}
TOP_CONVERSATIONS = 50


def out_kind(out: str | None) -> str:
    """The output's kind from its name: csv (also standard output), jsonl or html."""
    if out is None or out == "-":
        return "csv"
    kind = OUT_KINDS.get(Path(out).suffix.lower())
    if kind is None:
        raise InputError(f"--out {out}: the report must end in .csv, .jsonl or .html", code="E206")
    parent = Path(out).resolve().parent
    if not parent.is_dir():
        raise InputError(f"--out {out}: no such directory {parent}", code="E204")
    return kind


@contextmanager
def atomic_output(path: Path, mode: str = "w", **kwargs):
    """A file that appears under ``path`` only when the block finishes without an exception."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())   # mkstemp makes 0600; a report gets the usual mode
        with os.fdopen(fd, mode, **kwargs) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class RowSpool:
    """Pass one: the rows to write, in blocks, in a temporary file (deleted on close).

    A spooled row is the report's :data:`COLUMNS` in order, with its conversation's index in
    place of ``conversation_risk`` (known only at the end), so that pass two only swaps that
    last value."""

    def __init__(self, where: Path) -> None:
        self._fh = tempfile.TemporaryFile(dir=where)
        self._block: list[tuple] = []
        self.rows = 0

    def add(self, r: ScannedRow) -> None:
        row = r.row
        block = self._block
        block.append((r.id, r.conversation, r.sender, row.time, r.text, r.label, r.risk, r.level,
                      r.flag_ids, row.file, row.line, row.kind, r.conv_index))
        if len(block) >= 4096:
            self.flush()

    def flush(self) -> None:
        if self._block:
            data = marshal.dumps(self._block)
            self._fh.write(len(data).to_bytes(8, "little"))
            self._fh.write(data)
            self.rows += len(self._block)
            self._block = []

    def blocks(self) -> Iterator[list[tuple]]:
        self.flush()
        self._fh.seek(0)
        read = self._fh.read
        while size := read(8):
            yield marshal.loads(read(int.from_bytes(size, "little")))

    def close(self) -> None:
        self._fh.close()


def csv_cell(value: str) -> str:
    """A string as ``csv.writer`` (the default dialect, QUOTE_MINIMAL) writes it as a cell: in
    quotes, its quotes doubled, when it holds a quote, a comma, a CR or a LF (the delimiter, the
    quote character and the line terminator's characters); else as it is, spaces and all."""
    if '"' in value:
        return '"' + value.replace('"', '""') + '"'
    if "," in value or "\n" in value or "\r" in value:
        return '"' + value + '"'
    return value


def csv_value(value: object) -> str:
    """Any value as ``csv.writer`` writes it as a cell: None as an empty cell, a string by
    :func:`csv_cell`, anything else (a number) as ``str`` gives it, quoted if that needs it."""
    if value is None:
        return ""
    return csv_cell(value if value.__class__ is str else str(value))


class _Cells(dict):
    """The CSV cell of each string met (names, files, kinds), made once: a lookup is all a row
    pays when it hits. Cleared when it grows past :data:`CELLS_KEPT`, to stay bounded."""

    def __missing__(self, value: object) -> str:
        if len(self) >= CELLS_KEPT:
            self.clear()
        cell = self[value] = csv_value(value)
        return cell


CELLS_KEPT = 30_000


class CsvSpool(RowSpool):
    """Pass one of a CSV report: each row spooled as its CSV line up to the last cell (the
    conversation's risk, known only at the end), with its conversation's index beside it, so
    that pass two only appends that cell. A block is ``(lines, conversation indexes)``.

    The cells are what :func:`csv_value` makes of the report's :data:`COLUMNS` in order. The
    text's, label's, risk's, level's and flags' cells are made once per scored text (they
    depend on the text as read only, in one scan), the names' once per name (see
    :class:`_Cells`); the id and the line are ints, which an f-string formats as ``str`` does."""

    def __init__(self, where: Path) -> None:
        super().__init__(where)
        self._convs: list[int] = []
        self._cells = _Cells()
        self._scored: dict[str, str] = {}   # a scored text as read → its five cells, ","-joined

    def add(self, r: ScannedRow) -> None:
        row = r.row
        cells = self._cells
        if r.label:
            scored = self._scored.get(row.text)
            if scored is None:
                scored = self._scored_cells(r)
        else:   # not text: never scored, so its cells are made each time (a few rows in a hundred)
            scored = _result_cells(r)
        time = row.time
        if '"' in time or "," in time or "\n" in time or "\r" in time:
            time = csv_cell(time)
        block = self._block
        block.append(f"{r.id},{cells[r.conversation]},{cells[r.sender]},{time},{scored},"
                     f"{cells[row.file]},{row.line},{cells[row.kind]},")
        self._convs.append(r.conv_index)
        if len(block) >= 4096:
            self.flush()

    def _scored_cells(self, r: ScannedRow) -> str:
        if len(self._scored) >= CELLS_KEPT:
            self._scored.clear()
        cells = self._scored[r.row.text] = _result_cells(r)
        return cells

    def flush(self) -> None:
        if self._block:
            data = marshal.dumps((self._block, self._convs))
            self._fh.write(len(data).to_bytes(8, "little"))
            self._fh.write(data)
            self.rows += len(self._block)
            self._block, self._convs = [], []


def _result_cells(r: ScannedRow) -> str:
    """The cells of a row's text, label, risk, level and flags, ","-joined."""
    return (f"{csv_value(r.text)},{csv_value(r.label)},{csv_value(r.risk)},{csv_value(r.level)},"
            f"{csv_value(r.flag_ids)}")


def _csv_rows(spool: CsvSpool, risks: list[float], fh) -> None:
    """The CSV rows, a block at a time: each spooled line and its conversation's risk cell
    joined into one string, then written (and encoded) at once, not a row at a time."""
    ends = [csv_value(r) + "\r\n" for r in risks]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(COLUMNS)
    fh.write(buffer.getvalue())
    add = str.__add__
    for lines, convs in spool.blocks():
        fh.write("".join(map(add, lines, map(ends.__getitem__, convs))))


def _jsonl_rows(spool: RowSpool, risks: list[float], fh) -> None:
    """One JSON object a line; a message that is not text has ``label``, ``risk`` and ``level`` null."""
    dumps = json.dumps
    for block in spool.blocks():
        fh.writelines(dumps(dict(zip(COLUMNS, (*r[0:5], r[5] or None, r[6], r[7] or None,
                                                r[8].split(";") if r[8] else [], *r[9:12], risks[r[12]]))),
                            ensure_ascii=False) + "\n" for r in block)


def write_rows(spool: RowSpool, risks: list[float], out: str | None, kind: str) -> None:
    """Pass two: render the spooled rows (a :class:`CsvSpool`'s for a CSV) with their conversation's risk."""
    render = _jsonl_rows if kind == "jsonl" else _csv_rows
    with collector_paused():   # what this allocates, reference counting frees: no cycle to look for
        if out is None or out == "-":
            render(spool, risks, sys.stdout)
            sys.stdout.flush()
            return
        encoding = "utf-8-sig" if kind == "csv" else "utf-8"
        with atomic_output(Path(out), "w", encoding=encoding, newline="") as fh:
            render(spool, risks, fh)


def write_html(path: str, report: dict, lang: str) -> None:
    from .html import render_html

    with atomic_output(Path(path), "w", encoding="utf-8") as fh:
        fh.write(render_html(report, lang))


# ------------------------------------------------------------------ the report dict
def ranked(conversations: dict[tuple[str, str], Conversation]) -> list[Conversation]:
    """Conversations by :meth:`Conversation.rank_key`, then in the order they were met (stable)."""
    return sorted(conversations.values(), key=Conversation.rank_key)


def _message(m: ScannedRow, lang: str) -> dict:
    from ..messages import flag_text
    from ..rules import RULES_BY_ID

    flags = []
    for fid, severity, start, end in m.flags:
        explanation, _ = flag_text(RULES_BY_ID[fid], lang)
        flags.append({"id": fid, "severity": severity, "start": start, "end": end,
                      "evidence": m.text[start:end], "explanation": explanation})
    return {"id": m.id, "time": m.row.time, "sender": m.sender, "text": m.text, "label": m.label,
            "level": m.level, "risk": m.risk, "flags": flags}


def conversation_dict(c: Conversation, lang: str) -> dict:
    return {"file": c.file, "conversation": c.name, "risk": c.risk, "label": c.label, "level": c.level,
            "messages": c.messages, "flagged": c.flagged, "first_time": c.first_time,
            "last_time": c.last_time, "patterns": [PATTERN_TEXT[lang][p] for p in c.patterns],
            "pattern_ids": list(c.patterns), "top": [_message(m, lang) for m in c.flagged_messages()]}


_FLAG_PLACE = {f: k for k, f in enumerate(FLAG_IDS)}


def flag_counts(counts: dict[str, int]) -> dict[str, int]:
    """Messages per flag, the most frequent first and equal counts in the SPEC's order of flags: the
    tally meets the ids of a message in a set's order, which changes from run to run (string hashing
    is seeded per process), so ties must not keep it."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], _FLAG_PLACE.get(kv[0], len(_FLAG_PLACE)), kv[0])))


def build_report(scanner: Scanner, inputs: list[str], lang: str, redacted: bool) -> dict:
    from ..messages import LABEL_ADVICE

    t = scanner.tally
    convs = ranked(scanner.conversations)
    errors = [{"file": e.file, "line": e.line, "reason": e.reason} for e in t.errors]
    errors += [{"file": f, "line": 0, "reason": why} for f, why in t.file_errors]
    return {
        "title": "聊天记录风险扫描报告" if lang == "zh" else "Chat export risk scan",
        "generated": datetime.now().strftime("%Y-%m-%d %H:%M"),
        "inputs": inputs,
        "redacted": redacted,
        "summary": {
            "rows_read": t.rows_read, "rows_scanned": t.rows_scanned, "rows_skipped": t.rows_skipped,
            "non_text": t.non_text, "conversations": len(convs), "labels": dict(t.labels),
            "levels": dict(t.levels), "flags": flag_counts(t.flags),
            "errors": errors[:2 * MAX_ERRORS_KEPT],
        },
        "conversations": [conversation_dict(c, lang) for c in convs[:TOP_CONVERSATIONS]],
        "advice": {label: text for label, text in LABEL_ADVICE[lang].items()
                   if t.labels.get(label) and label != "normal"},
    }


def run_scan(scanner: Scanner, out: str | None, min_level: str, lang: str,
             inputs: list[str]) -> dict:
    """Scan, write the output named ``out`` (standard output: CSV), return the report dict."""
    kind = out_kind(out)
    where = Path(out).resolve().parent if out not in (None, "-") else Path(tempfile.gettempdir())
    spool = None if kind == "html" else CsvSpool(where) if kind == "csv" else RowSpool(where)
    try:
        if spool is None:
            for _ in scanner.rows():
                pass
        else:
            add, every = spool.add, min_level == "low"
            for item in scanner.rows():
                if item.__class__ is RowError or not (every or level_at_least(item.level, min_level)):
                    continue
                add(item)
        report = build_report(scanner, inputs, lang, scanner.options.redact)
        if kind == "html":
            write_html(out, report, lang)
        else:
            write_rows(spool, [c.risk for c in scanner.conversations.values()], out, kind)
    finally:
        if spool is not None:
            spool.close()
    return report
