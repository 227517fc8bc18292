"""Compiled regular expressions kept between runs.

Compiling the catalogue's few hundred regexes costs about 0.2 s, which a
one-message command pays again at every start. :func:`compile` keeps what
``re`` computes — the pattern's internal code — in a small file in the user's
cache directory (:func:`cache_dir`), keyed by the
pattern and flags, for this Python's regex engine only (its version and code
format are part of the file name). A later run rebuilds the pattern object
from that code directly, which takes microseconds. A missing, stale or
damaged file only means compiling as usual. Only the project's own patterns
pass through here, never a user's text.
"""

from __future__ import annotations

import atexit
import marshal
from array import array
import os
import re
import sys
import threading
from pathlib import Path

try:   # CPython's regex engine internals; without them this module just calls re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:   # pragma: no cover
    _sre = None

_lock = threading.Lock()
_CODE_TYPE = "I" if _sre is not None and _sre.CODESIZE == 4 else "H"   # the engine's code unit
_entries: dict[tuple[str, int], tuple] | None = None
_dirty = False
_path: Path | None = None


def cache_dir() -> Path:
    """Where verifier keeps what it derives from its own code (``$VERIFIER_CACHE_DIR``, else the XDG cache)."""
    env = os.environ.get("VERIFIER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "verifier"


def _cache_file() -> Path | None:
    if _sre is None or os.environ.get("VERIFIER_REGEX_CACHE") == "off":
        return None
    tag = f"py{sys.version_info[0]}{sys.version_info[1]}-sre{_sre.MAGIC}-{_sre.CODESIZE}-v2"
    return cache_dir() / f"regex-{tag}.marshal"


def _load() -> dict:
    global _entries, _path
    if _entries is None:
        _entries = {}
        _path = _cache_file()
        if _path is not None and _path.exists():
            try:
                data = marshal.loads(_path.read_bytes())
                _entries = {(e[0], e[1]): e for e in data}
            except (OSError, ValueError, EOFError, TypeError, IndexError):
                _entries = {}
    return _entries


def compile(pattern: str, flags: int = 0) -> re.Pattern:   # noqa: A001 - mirrors re.compile
    """``re.compile(pattern, flags)``, rebuilt from the on-disk cache when it holds the pattern."""
    global _dirty
    if _sre is None:
        return re.compile(pattern, flags)
    entries = _load()
    entry = entries.get((pattern, flags))
    if entry is not None:
        try:
            code = array(_CODE_TYPE)
            code.frombytes(entry[3])
            return _sre.compile(pattern, entry[2], code.tolist(), entry[4], entry[5], entry[6])
        except (TypeError, ValueError, RuntimeError, OverflowError):
            pass
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    rx = _sre.compile(pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
                      tuple(indexgroup))
    entry = (pattern, flags, int(flags | parsed.state.flags), array(_CODE_TYPE, code).tobytes(),
             parsed.state.groups - 1, groupindex, tuple(indexgroup))
    with _lock:
        entries[(pattern, flags)] = entry
        _dirty = True
    return rx


@atexit.register
def save() -> None:
    """Write the cache if this run compiled something new (atomically; errors are ignored)."""
    global _dirty
    if not _dirty or _path is None or _entries is None:
        return
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        tmp = _path.with_name(f"{_path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(list(_entries.values())))
        tmp.replace(_path)
        _dirty = False
    except (OSError, ValueError):
        pass
