"""What every reader yields: a message row, or an error for a row it could not read.

A reader never raises for one bad row: it yields a :class:`RowError` (file,
line, reason) and goes on, so a scan never loses the good rows around a bad
one. Only a file that cannot be read at all (missing, undecodable, not the
format asked for) raises :class:`verifier.errors.InputError`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Message kinds. Only ``text`` is scored; the others are kept as rows with their kind.
KINDS = ("text", "image", "voice", "video", "sticker", "file", "link", "call", "system", "mms", "other")


@dataclass(slots=True)     # not frozen: made once per message, and a frozen __init__ costs twice as much
class Row:
    file: str                  # the path as given (or relative to a scanned directory)
    line: int                  # 1-based line (or record number) where the message starts in the file
    conversation: str          # chat partner, group or thread; "" when the format has none
    sender: str                # who wrote it ("我"/"me" for the exporter's own messages when the format says so)
    time: str                  # ISO 8601 "YYYY-MM-DD HH:MM:SS" in local time as exported, "" when unknown
    text: str                  # the message text ("" for non-text messages without a caption)
    kind: str = "text"         # one of KINDS
    outgoing: bool | None = None   # True: sent by the exporter's owner; None: unknown


@dataclass(frozen=True, slots=True)
class RowError:
    file: str
    line: int
    reason: str                # one line, English: "unclosed quote", "missing text column", "bad date '…'"
