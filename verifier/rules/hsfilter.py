"""A sharper prefilter for batches: every pattern at once in Hyperscan.

The needle prefilter (:class:`.base.Prefilter`) leaves about ten candidate
patterns per message, of which one matches. For batch scoring the catalogue is
also compiled into Hyperscan databases (one per view) in *prefilter mode*
(``HS_FLAG_PREFILTER``): Hyperscan approximates what it cannot run exactly
(lookarounds, for instance) by something looser, and :func:`loosened` first
makes every bounded repeat unbounded, so a pattern it does not report cannot
match; a pattern whose rule keeps only some matches may say where they are
(``head``: at the start; ``hs``: an expression of its own), and is then
looked for only there. One scan of each view in C leaves about two candidate
patterns a message. Python's ``re`` then runs only those, exactly as before:
results never change, only the work does (tests check the superset property
on the corpus and that batch and single evaluation agree).

Compiling takes about ten seconds, so the database is compiled once per machine
and kept in the user's cache directory (``$VERIFIER_CACHE_DIR``, else
``$XDG_CACHE_HOME/verifier`` or ``~/.cache/verifier``), keyed by a hash of the
patterns and the Hyperscan version; databases of older rule versions are
deleted a week after they were written. Only compiled patterns are stored
there, never text. When Hyperscan is missing or the cache cannot be written, batch
scoring falls back to the needle prefilter.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path

from ..recache import cache_dir
from .base import Doc, Pat

FLAGS_NAMES = ("HS_FLAG_UTF8", "HS_FLAG_UCP", "HS_FLAG_PREFILTER", "HS_FLAG_SINGLEMATCH", "HS_FLAG_ALLOWEMPTY",
               "HS_FLAG_DOTALL")


def loosened(regex: str) -> str:
    """A looser regex for Hyperscan: everything ``regex`` matches, and more.

    Bounded repeats become unbounded (``{0,8}`` → ``*``, ``{1,6}`` → ``+``,
    ``{2,5}`` → ``{2,}``) and negated classes any character (``[^。！？\\n]`` →
    ``.``, with ``HS_FLAG_DOTALL``). Hyperscan runs a bounded repeat of a
    multi-byte class as a counter per position; the looser form scans about a
    third faster and lets through almost no more messages (1.79 → 1.89
    candidate patterns per message on the chat mix), which the exact regex
    then rejects.
    """
    out: list[str] = []
    for piece in _pieces(regex):
        if piece[0] == "[":
            out.append("." if piece[1:2] == "^" else piece)
        elif m := _BOUNDED.fullmatch(piece):
            lo = int(m.group(1) or 0)
            out.append("*" if lo == 0 else "+" if lo == 1 else f"{{{lo},}}")
        else:
            out.append(piece)
    return "".join(out)


_BOUNDED = re.compile(r"\{(\d*),(\d+)\}")


def _pieces(regex: str):
    """``regex`` cut into its escapes (``\\s``), character classes (``[^。]``), bounded repeats (``{0,8}``)
    and single characters, in order: what :func:`loosened` and :func:`on_bytes` rewrite, piece by piece."""
    i, n = 0, len(regex)
    while i < n:
        c = regex[i]
        if c == "\\":
            j = i + 2
        elif c == "[":
            j = i + 1
            if j < n and regex[j] == "^":
                j += 1
            if j < n and regex[j] == "]":   # a ']' first in a class is a literal
                j += 1
            while j < n and regex[j] != "]":
                j += 2 if regex[j] == "\\" else 1
            j += 1
        elif c == "{" and (m := _BOUNDED.match(regex, i)):
            j = m.end()
        else:
            j = i + 1
        yield regex[i:j]
        i = j


def expression(pat: Pat) -> str:
    """What the database looks for on behalf of ``pat``: its own ``hs`` expression; its regex anchored
    within the first ``head`` characters when only those matches count (not loosened: a loosened
    ``[^,。]{0,6}银行`` would start anywhere); else its regex loosened."""
    if pat.hs is not None:
        return on_bytes(pat.hs) if pat.hs_bytes else pat.hs
    if pat.head is not None:
        return f"^.{{0,{pat.head - 1}}}(?:{pat.regex})"
    return loosened(pat.regex)


def on_bytes(regex: str) -> str:
    """``regex`` for Hyperscan to read on UTF-8 bytes: each character beyond ASCII as a group of its
    bytes, so that a quantifier after it (``会?``) still applies to the whole character, not only to its
    last byte. A class of such characters has no byte form: refused."""
    out: list[str] = []
    for piece in _pieces(regex):
        if piece[0] == "[" and not piece.isascii():
            raise ValueError(f"a class of non-ASCII characters cannot be read on bytes: {piece}")
        out.append(piece if piece.isascii() or len(piece) > 1 else f"(?:{piece})")
    return "".join(out)


_lock = threading.Lock()
VIEWS = ("text", "digits", "plain")


class HyperscanPrefilter:
    """Candidate patterns of a document: one Hyperscan scan of each view with that view's patterns.

    One database per view (the folded text's 145 patterns, the digit view's and the plain view's few)
    rather than one for all: each view is scanned only for its own patterns, which costs about a third
    less than scanning every view, or the one string they share, with all of them.
    """

    def __init__(self, rules) -> None:
        import hyperscan

        self.hs = hyperscan
        self.rules = tuple(rules)
        self.where: list[tuple[int, int, str]] = []          # global id → (rule index, pattern index, view)
        for ri, rule in enumerate(self.rules):
            for pi, pat in enumerate(rule.patterns):
                self.where.append((ri, pi, pat.view))
        self.flags = 0
        for name in FLAGS_NAMES:
            self.flags |= getattr(hyperscan, name)
        self.byte_flags = self.flags & ~(hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_UCP)
        self.always: set[int] = set()
        self.dbs: list[tuple[str, object, object]] = []     # (view, database, scratch)
        for view in VIEWS:
            ids = [k for k, (_, _, v) in enumerate(self.where) if v == view]
            if ids:
                db = self._load_or_compile(view, ids)
                self.dbs.append((view, db, hyperscan.Scratch(db)))

    # ------------------------------------------------------------- database
    def _pattern(self, k: int) -> Pat:
        ri, pi, _ = self.where[k]
        return self.rules[ri].patterns[pi]

    def key(self, ids: list[int]) -> str:
        h = hashlib.sha256(f"hyperscan {self.hs.__version__} flags {self.flags}\n".encode())
        for k in ids:
            pat = self._pattern(k)
            h.update(f"{k}\t{pat.view}\t{'bytes' if pat.hs_bytes else 'utf-8'}\t{expression(pat)}\n".encode("utf-8"))
        return h.hexdigest()[:24]

    def _load_or_compile(self, view: str, ids: list[int]):
        path = cache_dir() / f"rules-{view}-{self.key(ids)}.hsdb"
        if path.exists():
            try:
                blob = path.read_bytes()
                head, _, body = blob.partition(b"\n")
                db = self.hs.loadb(body, self.hs.HS_MODE_BLOCK)
                self.always |= {int(x) for x in head.decode().split(",") if x}
                return db
            except Exception:   # noqa: BLE001 - a damaged cache is rebuilt
                pass
        db, always = self._compile(ids)
        self.always |= always
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(",".join(map(str, sorted(always))).encode() + b"\n" + self.hs.dumpb(db))
            tmp.replace(path)
        except OSError:
            pass   # no writable cache: compile again next time
        prune(path)
        return db

    def _compile(self, ids: list[int]):
        always: set[int] = set()
        try:
            return self._build(ids), always
        except Exception:   # noqa: BLE001 - find the patterns Hyperscan refuses and let them always run
            good = []
            for k in ids:
                try:
                    self._build([k])
                    good.append(k)
                except Exception:   # noqa: BLE001
                    always.add(k)
            return self._build(good), always

    def _build(self, ids: list[int]):
        db = self.hs.Database(mode=self.hs.HS_MODE_BLOCK)
        db.compile(expressions=[expression(self._pattern(k)).encode("utf-8") for k in ids], ids=ids,
                   flags=[self.byte_flags if self._pattern(k).hs_bytes else self.flags for k in ids])
        return db

    # ------------------------------------------------------------- scanning
    def candidates(self, doc: Doc) -> dict[int, list[Pat]]:
        """Rule index → the patterns of that rule (in declaration order) that may match ``doc``."""
        found: set[int] = set(self.always)
        norm = doc.norm
        text = norm.text
        encoded = text.encode("utf-8")
        for view, db, scratch in self.dbs:
            string = norm.view(view)
            # the views are often the very same string (no digit word, nothing folded): encoded once;
            # arguments by position (data, handler, flags, context, scratch): by keyword, the extension
            # spends more on parsing them than on scanning a short message
            db.scan(encoded if string is text else string.encode("utf-8"), _on_match, 0, found, scratch)
        out: dict[int, list[Pat]] = {}
        rules = self.rules
        for k in sorted(found):
            ri, pi, _ = self.where[k]
            out.setdefault(ri, []).append(rules[ri].patterns[pi])
        return out


def _on_match(pattern_id, start, end, flags, found):
    found.add(pattern_id)


STALE_AFTER = 7 * 24 * 3600   # seconds


def prune(kept: Path, now: float | None = None) -> list[Path]:
    """Delete the databases other versions of the rules left beside ``kept`` (same view, or the older
    one-database layout) that were written more than :data:`STALE_AFTER` ago; each is megabytes, and
    every change to the rules writes new ones. A recent one stays: another checkout may still use it."""
    import time

    now = time.time() if now is None else now
    view = kept.name.split("-")[1] if kept.name.count("-") >= 2 else ""
    removed = []
    for other in kept.parent.glob("rules-*.hsdb"):
        parts = other.name[:-len(".hsdb")].split("-")
        same_kind = len(parts) == 2 or (len(parts) == 3 and parts[1] == view)
        try:
            if other != kept and same_kind and now - other.stat().st_mtime > STALE_AFTER:
                other.unlink()
                removed.append(other)
        except OSError:
            pass
    return removed


_shared: list = []


def shared(rules) -> HyperscanPrefilter | None:
    """The process-wide Hyperscan prefilter, or None when Hyperscan cannot be used here."""
    with _lock:
        if not _shared:
            try:
                _shared.append(HyperscanPrefilter(rules))
            except Exception:   # noqa: BLE001 - no hyperscan, an unsupported CPU: the needle prefilter remains
                _shared.append(None)
        return _shared[0]
