"""A sharper prefilter for batches: every pattern at once in Hyperscan.

The needle prefilter (:class:`.base.Prefilter`) leaves about ten candidate
patterns per message, of which one matches. For batch scoring the catalogue is
also compiled into one Hyperscan database in *prefilter mode*
(``HS_FLAG_PREFILTER``): Hyperscan approximates what it cannot run exactly
(lookarounds, for instance) by something looser, so a pattern it does not
report cannot match, and one scan of a message in C leaves about two
candidates. Python's ``re`` then runs only those, exactly as before: results
never change, only the work does (a test checks the superset property).

Compiling takes tens of seconds, so the database is compiled once per machine
and kept in the user's cache directory (``$VERIFIER_CACHE_DIR``, else
``$XDG_CACHE_HOME/verifier`` or ``~/.cache/verifier``), keyed by a hash of the
patterns and the Hyperscan version. Only compiled patterns are stored there,
never text. When Hyperscan is missing or the cache cannot be written, batch
scoring falls back to the needle prefilter.
"""

from __future__ import annotations

import hashlib
import os
import threading

from ..recache import cache_dir
from .base import Doc, Pat

FLAGS_NAMES = ("HS_FLAG_UTF8", "HS_FLAG_UCP", "HS_FLAG_PREFILTER", "HS_FLAG_SINGLEMATCH", "HS_FLAG_ALLOWEMPTY")
_lock = threading.Lock()


class HyperscanPrefilter:
    """Candidate patterns of a document from one Hyperscan scan per distinct view string."""

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
        self.always: set[int] = set()
        self.db = self._load_or_compile()
        self.scratch = hyperscan.Scratch(self.db)

    # ------------------------------------------------------------- database
    def _patterns(self) -> list[Pat]:
        return [self.rules[ri].patterns[pi] for ri, pi, _ in self.where]

    def key(self) -> str:
        h = hashlib.sha256(f"hyperscan {self.hs.__version__} flags {self.flags}\n".encode())
        for pat in self._patterns():
            h.update(f"{pat.view}\t{pat.regex}\n".encode("utf-8"))
        return h.hexdigest()[:24]

    def _load_or_compile(self):
        path = cache_dir() / f"rules-{self.key()}.hsdb"
        if path.exists():
            try:
                blob = path.read_bytes()
                head, _, body = blob.partition(b"\n")
                self.always = {int(x) for x in head.decode().split(",") if x}
                return self.hs.loadb(body, self.hs.HS_MODE_BLOCK)
            except Exception:   # noqa: BLE001 - a damaged cache is rebuilt
                pass
        db, always = self._compile()
        self.always = always
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(",".join(map(str, sorted(always))).encode() + b"\n" + self.hs.dumpb(db))
            tmp.replace(path)
        except OSError:
            pass   # no writable cache: compile again next time
        return db

    def _compile(self):
        pats = self._patterns()
        ids = list(range(len(pats)))
        always: set[int] = set()
        try:
            return self._build([pats[i] for i in ids], ids), always
        except Exception:   # noqa: BLE001 - find the patterns Hyperscan refuses and let them always run
            good = []
            for i in ids:
                try:
                    self._build([pats[i]], [i])
                    good.append(i)
                except Exception:   # noqa: BLE001
                    always.add(i)
            return self._build([pats[i] for i in good], good), always

    def _build(self, pats: list[Pat], ids: list[int]):
        db = self.hs.Database(mode=self.hs.HS_MODE_BLOCK)
        db.compile(expressions=[p.regex.encode("utf-8") for p in pats], ids=ids, flags=[self.flags] * len(ids))
        return db

    # ------------------------------------------------------------- scanning
    @staticmethod
    def _on_match(pattern_id, start, end, flags, found):
        found.add(pattern_id)

    def candidates(self, doc: Doc) -> dict[int, list[Pat]]:
        """Rule index → the patterns of that rule (in declaration order) that may match ``doc``."""
        views = {"text": doc.norm.text, "digits": doc.norm.digits, "plain": doc.norm.plain}
        by_string: dict[str, list[str]] = {}
        for view, s in views.items():
            by_string.setdefault(s, []).append(view)
        found: set[int] = set(self.always)
        for s, wanted in by_string.items():
            hits: set[int] = set()
            self.db.scan(s.encode("utf-8"), match_event_handler=self._on_match, context=hits, scratch=self.scratch)
            found.update(k for k in hits if self.where[k][2] in wanted)
        out: dict[int, list[Pat]] = {}
        for k in sorted(found):
            ri, pi, _ = self.where[k]
            out.setdefault(ri, []).append(self.rules[ri].patterns[pi])
        return out


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
