"""Android "SMS Backup & Restore" XML, streamed through defusedxml.

Layout::

    <smses count="6" …>
      <sms protocol="0" address="+8613800000002" date="1709602200000" type="1" body="…"
           readable_date="2024年3月5日 09:30:00" contact_name="王经理" … />
      <mms date="1709611200000" msg_box="1" address="+8613800000002" contact_name="王经理" …>
        <parts><part seq="0" ct="text/plain" text="…" /></parts>
        <addrs><addr address="+8613800000002" type="137" /></addrs>
      </mms>
    </smses>

Mapping: ``conversation`` is contact_name (else the address, when it is ``(Unknown)``);
``time`` is ``date`` (epoch milliseconds, UTC+8); ``outgoing`` is type 2 (sent; also 3-6:
draft, outbox, failed, queued) or msg_box 2 for MMS, with ``sender`` ``我``; else the
contact's name or address (for MMS the ``addr`` of type 137, "from"). An SMS is kind
``text`` (its body). An MMS with text parts (ct text/plain) is kind ``text`` with the
parts joined, so its words are scored; one with only media is kind ``mms``.

Safety and memory: the parser is defusedxml's (entity declarations and external
references are refused: a billion-laughs file is an InputError, never expanded). No tree
is built: a target receives each element's start and end, so memory stays flat however
large the backup; ``line`` is expat's line of the element's start tag. After a malformed
element the reader reports it and resumes at the next line that opens ``<sms`` or ``<mms``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from ...errors import InputError
from ..encoding import has_undecodable, open_text
from ..rows import Row, RowError
from .common import bad_date, from_epoch

_UNKNOWN = {"", "null", "(unknown)", "unknown"}
_OWN_TYPES = {"2", "3", "4", "5", "6"}
_SURROGATE = re.compile("[\udc00-\udcff]")
_RESUME = re.compile(r"\s*<(sms|mms)[\s>/]")
_DECL = re.compile(r"<\?xml[^>]*\?>")


class _NotSms(Exception):
    pass


class _Target:
    """Turns start/end events into rows; ``out`` collects them until the reader yields."""

    def __init__(self, name: str) -> None:
        self.name, self.out, self.depth, self.offset = name, [], 0, 0
        self.parser = None
        self.rooted = False
        self.bad_lines: set[int] = set()
        self.pending: tuple | None = None    # (line, attrib, parts, from-address) of an open sms/mms

    def line(self) -> int:
        return self.offset + self.parser.CurrentLineNumber

    def start(self, tag: str, attrib: dict) -> None:
        self.depth += 1
        if self.depth == 1:
            if tag != "smses":
                raise _NotSms(tag)
            self.rooted = True
        if tag in ("sms", "mms") and self.depth == 2:
            self.pending = (self.line(), attrib, [], [])
        elif self.pending is not None and tag == "part":
            text = attrib.get("text", "")
            if attrib.get("ct", "").startswith("text/plain") and text.lower() not in _UNKNOWN:
                self.pending[2].append(text)
        elif self.pending is not None and tag == "addr" and attrib.get("type") == "137":
            self.pending[3].append(attrib.get("address", ""))

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.depth == 1 and tag in ("sms", "mms") and self.pending is not None:
            start, attrib, parts, sources = self.pending
            self.pending = None
            end = self.line()
            if any(start <= b <= end for b in self.bad_lines):
                self.out.append(RowError(self.name, start, "undecodable bytes"))
            else:
                self.out.append(_row(self.name, start, tag, attrib, parts, sources))
            self.bad_lines = {b for b in self.bad_lines if b > end}

    def close(self) -> None:
        return None


def _row(name: str, line: int, tag: str, a: dict, parts: list[str], sources: list[str]) -> Row | RowError:
    try:
        time = from_epoch(int(a.get("date", "")) / 1000)
    except (ValueError, OverflowError, OSError):
        return RowError(name, line, bad_date(a.get("date", "")))
    address = a.get("address", "")
    contact = a.get("contact_name", "")
    known = contact if contact.strip().lower() not in _UNKNOWN else ""
    if tag == "sms":
        outgoing = a.get("type", "1") in _OWN_TYPES
        text, kind = a.get("body", ""), "text"
        other = known or address
    else:
        outgoing = a.get("msg_box", "1") == "2"
        text = "\n".join(parts)
        kind = "text" if text.strip() else "mms"
        other = known or (sources[0] if sources else address)
    return Row(name, line, known or address, "我" if outgoing else other, time, text, kind, outgoing)


def _parser(target: _Target) -> DefusedXMLParser:
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    target.parser = parser.parser
    return parser


def read(path: Path, name: str, text_col: str | None = None) -> Iterator[Row | RowError]:
    target = _Target(name)
    parser = _parser(target)
    skipping = False
    with open_text(path) as stream:
        for n, line in enumerate(stream, 1):
            if skipping:
                if not _RESUME.match(line):
                    continue
                skipping = False
                target.offset, target.depth, target.pending = n - 1, 0, None
                parser = _parser(target)
                parser.feed("<smses>")
            if n == 1:
                line = _DECL.sub("", line.lstrip("\ufeff"), count=1)   # the text is decoded already
            if has_undecodable(line):
                target.bad_lines.add(n)
                line = _SURROGATE.sub("\ufffd", line)
            try:
                parser.feed(line)
            except _NotSms as exc:
                raise InputError(f"{path} is not an SMS Backup & Restore file (root <{exc}>)", code="E204") from None
            except DefusedXmlException:
                raise InputError(f"{path} declares XML entities or external references: refused "
                                 "(an entity-expansion attack is never expanded)", code="E206") from None
            except ParseError as exc:
                if not target.rooted:
                    raise InputError(f"{path} is not XML ({_reason(exc)})", code="E204") from None
                where = target.offset + exc.position[0]
                yield from target.out
                target.out.clear()
                yield RowError(name, target.pending[0] if target.pending else where,
                               f"malformed XML ({_reason(exc)})")
                skipping, target.pending = True, None
                continue
            if target.out:
                yield from target.out
                target.out.clear()
        if not skipping:
            try:
                parser.close()
            except ParseError as exc:
                if not target.rooted:
                    raise InputError(f"{path} is not XML ({_reason(exc)})", code="E204") from None
                yield RowError(name, target.offset + exc.position[0], f"unfinished XML ({_reason(exc)})")
            yield from target.out


def _reason(exc: ParseError) -> str:
    return str(exc).split(":")[0]
