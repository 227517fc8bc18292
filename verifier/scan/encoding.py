"""Open an export as a stream of text, whatever encoding the exporter used.

Order of evidence, on the first ~256 KB only (the rest is decoded as it is read):

1. a byte-order mark: UTF-8, UTF-32 LE/BE, UTF-16 LE/BE (the mark is skipped);
2. UTF-8 (a handful of bad bytes in otherwise good UTF-8 is still UTF-8);
3. ``charset-normalizer``, limited to what Chinese exports use: GB18030 (a superset of
   GBK and GB2312), Big5, and UTF-16 without a mark;
4. the encoding (UTF-8, GB18030, Big5) that leaves the fewest undecodable bytes, when at most
   1 byte in 100 is bad.

A file that matches none of these (a picture, a program, random bytes) raises
:class:`~verifier.errors.InputError` naming the file. Decoding uses an error handler
like ``surrogateescape``: a bad byte becomes a lone surrogate (U+DC00 + byte) instead of
stopping the scan, and :func:`has_undecodable` lets a reader turn the line that holds it
into a :class:`~verifier.scan.rows.RowError`.
"""

from __future__ import annotations

import codecs
import io
import re
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from ..errors import InputError
from ..textio import BOMS, sniff_binary   # the marks, UTF-32 LE before UTF-16 LE (its mark starts with FF FE too)
from ..textio import CONTROL_RE as _CONTROL

HEAD_BYTES = 256 * 1024
CANDIDATES = ("gb18030", "big5", "utf_16_le", "utf_16_be")   # what charset-normalizer may choose from
ERRORS = "verifier-escape"

_UNDECODABLE = re.compile("[\udc00-\udcff]")


ESCAPED = [0]   # how many times a bad byte sequence was escaped, in any stream (see escapes())


def escapes() -> int:
    """A counter that moves whenever undecodable bytes are met: while it stands still, the
    text decoded since holds none, and a reader may skip :func:`has_undecodable`."""
    return ESCAPED[0]


def _escape(exc: UnicodeError) -> tuple[str, int]:
    """``surrogateescape`` that also takes bytes below 0x80 (a broken UTF-16 pair holds them)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    ESCAPED[0] += 1
    bad = exc.object[exc.start:exc.end]
    return "".join(chr(0xDC00 + b) for b in bad), exc.end


codecs.register_error(ERRORS, _escape)


def has_undecodable(text: str) -> bool:
    """True when ``text`` holds bytes that the detected encoding could not decode."""
    return _UNDECODABLE.search(text) is not None


def head(path: Path, size: int = HEAD_BYTES) -> bytes:
    """The first ``size`` bytes of ``path`` (InputError if it cannot be opened)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(size)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", code="E201") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory", code="E201") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read ({exc.strerror})", code="E201") from None


def detect(data: bytes, source: str | Path) -> tuple[str, int]:
    """``(encoding, bom_length)`` for a file starting with ``data``."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    what = sniff_binary(data)
    if what:
        raise InputError(f"{source} is {what}, not a text export", code="E204")
    if len(data) >= HEAD_BYTES:   # cut at the last line end so a character is not split
        cut = data.rfind(b"\n", 0, len(data) - 1)
        if cut > len(data) // 2:
            data = data[:cut + 1]
    if _mostly_utf8(data):
        return "utf-8", 0
    best = _charset_normalizer(data)
    if best is None:
        best = _fewest_errors(data)
    if best is None or not _looks_like_text(data, best):
        raise InputError(f"{source} is not text in any encoding Chinese exports use "
                         "(UTF-8, UTF-16, GB18030/GBK, Big5)", code="E202")
    return best, 0


def _mostly_utf8(data: bytes) -> bool:
    if b"\x00" in data:
        return False   # ASCII-range UTF-16 decodes as "valid" UTF-8 full of NULs
    text = _decode_head(data, "utf-8")
    bad = len(_UNDECODABLE.findall(text))
    if not bad:
        return True
    wide = sum(1 for c in text if c >= "\x80") - bad
    # GBK/Big5 read as UTF-8 is mostly bad bytes; a damaged UTF-8 file is mostly good characters.
    return bad <= max(16, len(data) // 1000) and wide >= 4 * bad



def _decode_head(data: bytes, encoding: str) -> str:
    """``data`` decoded as :func:`open_text` would, a split character at its end left out. For UTF-8,
    whose bad bytes are all 0x80 or above, ``surrogateescape`` gives the same text in C: the
    ERRORS handler is a Python call per bad byte, 100 times slower on a GBK file."""
    errors = "surrogateescape" if encoding == "utf-8" else ERRORS
    return codecs.getincrementaldecoder(encoding)(errors).decode(data, final=False)


def _looks_like_text(data: bytes, encoding: str) -> bool:
    """Few control characters once decoded (random bytes decode as GB18030 full of them)."""
    text = _decode_head(data, encoding)
    return len(_CONTROL.findall(text)) <= len(text) // 100


@lru_cache(maxsize=2)   # a file is detected twice, by sniff() and by open_text(); this is the slow part
def _charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes   # imported here: only non-UTF-8 files pay for it

    match = from_bytes(data, cp_isolation=list(CANDIDATES)).best()
    return codecs.lookup(match.encoding).name if match is not None else None


def _fewest_errors(data: bytes) -> str | None:
    """An otherwise good UTF-8/GB18030/Big5 file with a few broken bytes (at most 1 in 100)."""
    if b"\x00" in data:
        return None
    best, best_bad = None, None
    for encoding in ("utf-8", "gb18030", "big5"):
        bad = len(_UNDECODABLE.findall(_decode_head(data, encoding)))
        if bad <= max(2, len(data) // 100) and (best_bad is None or bad < best_bad):
            best, best_bad = codecs.lookup(encoding).name, bad
    return best


def open_text(path: Path, encoding: str | None = None) -> TextIO:
    """``path`` as a text stream, decoded incrementally (``newline=""``: line ends kept as they are).

    The encoding is detected from the head unless given. Undecodable bytes become lone
    surrogates; see :func:`has_undecodable`.
    """
    data = head(path)
    if not data:
        raise InputError(f"{path} is empty", code="E201")
    bom = 0
    if encoding is None:
        encoding, bom = detect(data, path)
    raw = open(path, "rb")
    raw.seek(bom)
    stream = io.TextIOWrapper(raw, encoding=encoding, errors=ERRORS, newline="")
    stream.escapes_at_open = escapes()   # see escapes(): nothing decoded from this file yet
    return stream


def head_text(data: bytes, source: str | Path, size: int = 64 * 1024) -> str:
    """The first ``size`` bytes of ``data`` (a file's :func:`head`) decoded, for sniffing; "" when
    it is not text."""
    if not data:
        return ""
    try:
        encoding, bom = detect(data, source)
    except InputError:
        return ""
    return _decode_head(data[bom:bom + size], encoding)
