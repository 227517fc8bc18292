"""Reading user text: bytes → str with clear errors for what is not text."""

from __future__ import annotations

import codecs
import re

from .errors import InputError

MAX_STDIN_BYTES = 4 * 1024 * 1024

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_ESCAPED_BYTES_RE = re.compile("[\udc80-\udcff]")
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office file)"),
    (b"\x7fELF", "a program"),
)


def sniff_binary(data: bytes) -> str | None:
    """A description if ``data`` is a known binary format, else None."""
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            return what
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode user input: BOMs, UTF-8, then GB18030; reject binary data."""
    what = sniff_binary(data)
    if what:
        raise InputError(f"{source} is {what}, not text: copy the words out of it into a .txt file "
                         "(or paste them into standard input with -)", code="E204")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return check_text(data[len(bom):].decode(encoding), source)
            except UnicodeDecodeError as exc:
                raise InputError(f"{source} is not valid {encoding} text ({exc.reason})", code="E202") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _try_gb18030(data)
        if text is None:
            raise InputError(
                f"{source} is not valid UTF-8 text (bad byte 0x{data[exc.start]:02x} at offset {exc.start})",
                code="E202",
            ) from None
    return check_text(text, source)


def _try_gb18030(data: bytes) -> str | None:
    """GBK/GB18030 text from Chinese Windows machines, if it decodes cleanly into CJK text."""
    if b"\x00" in data:
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    high = sum(1 for b in data if b >= 0x80)
    return text if high and cjk * 2 >= high * 0.8 else None


def check_text(text: str, source: str) -> str:
    """Reject what is not text: raw bytes smuggled in arguments, control-byte soup."""
    if _ESCAPED_BYTES_RE.search(text):
        raise InputError(f"{source} is not valid UTF-8 text", code="E202")
    controls = len(CONTROL_RE.findall(text))
    if "\x00" in text or (controls and controls * 20 > len(text)):
        raise InputError(f"{source} looks like binary data, not text ({controls} control characters)", code="E204")
    return text
