"""The scan pipeline: rows stream in, are scored in blocks, and stream out in input order.

Reading, bookkeeping and writing happen in this process; scoring (rules, the
model, and the redaction of each text) happens in :func:`score_block`, inline
with ``jobs=1`` or in ``jobs`` forked workers. Memory stays bounded whatever
the input size:

- rows travel in blocks of :data:`BLOCK` and at most ``2 × jobs + 1`` blocks
  are in flight, so the reader never runs far ahead of the scorers;
- a text already scored (templates, "好的", "[图片]") is not scored again while
  it stays in the :data:`CACHE`-entry cache of recent texts, and a text that
  repeats inside a block is sent once;
- conversations keep a small fixed-size state (see :mod:`.conversations`).

A result depends only on the text, so the output is identical for any
``jobs``. Redaction runs after scoring (the scorer sees the real text; every
mask keeps the length, so evidence offsets stay valid on the masked text).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from .conversations import LEVEL_ORDER, Conversation
from .formats import Format, read_inputs
from .redact import redact
from .rows import Row, RowError

_NO_FLAGS: frozenset = frozenset()
BLOCK = 2000
CACHE = 30_000
KEPT_BUDGET = 20_000      # flagged messages kept for the report, over all conversations
RANKED_KEEP = 200         # conversations that keep all their flagged messages when the budget is exceeded
PRUNED_KEEP = 3           # what the others keep (they rarely reach the report's top 50)
MAX_ERRORS_KEPT = 50        # the bad rows a report lists (all are counted)

# One scored text: (label, risk, level, flags, redacted text or None when nothing was masked).
# ``flags``: ((flag id, severity, start, end), ...) in text order.
Scored = tuple
# What a holder keeps for a scored text: the Scored tuple plus what the rows of that text all
# need from it, computed once per distinct text instead of once per row (see _entry).
Entry = tuple


@dataclass(slots=True)     # not frozen: a frozen dataclass's __init__ costs twice as much, per row
class ScannedRow:
    """A row of the report. ``text``, ``sender`` and ``conversation`` are redacted unless asked not to."""

    id: int
    row: Row
    conversation: str
    sender: str
    text: str
    label: str          # "" for a message that is not text (not scored)
    risk: float | None
    level: str
    flags: tuple        # ((id, severity, start, end), ...)
    conv_index: int     # the conversation's place in Scanner.conversations (insertion order)
    flag_ids: str = ""  # the distinct flag ids in text order, ";"-joined (made once per distinct text)

    def to_dict(self) -> dict:
        """The report row (without ``conversation_risk``, known only at the end of a scan)."""
        return {"id": self.id, "conversation": self.conversation, "sender": self.sender,
                "time": self.row.time, "text": self.text, "label": self.label, "risk": self.risk,
                "level": self.level, "flags": list(dict.fromkeys(f[0] for f in self.flags)),
                "file": self.row.file, "line": self.row.line, "kind": self.row.kind,
                "evidence": [{"id": f[0], "severity": f[1], "start": f[2], "end": f[3],
                              "evidence": self.text[f[2]:f[3]]} for f in self.flags]}


@dataclass
class ScanOptions:
    fmt: Format | str = Format.auto
    text_col: str | None = None
    jobs: int = 1
    redact: bool = True
    use_model: bool = True
    model_dir: str | None = None


@dataclass
class Tally:
    """The counts of a scan: every record read is scanned, kept unscored (not text) or skipped."""

    rows_read: int = 0
    rows_scanned: int = 0
    rows_skipped: int = 0
    non_text: int = 0
    labels: dict = field(default_factory=lambda: {"scam": 0, "abusive": 0, "collection": 0, "normal": 0})
    levels: dict = field(default_factory=lambda: {"high": 0, "medium": 0, "low": 0})
    flags: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)       # the first MAX_ERRORS_KEPT RowErrors
    file_errors: list = field(default_factory=list)  # inputs that could not be read at all: (path, one line)
    distinct_scored: int = 0                         # texts actually scored (after de-duplication)


def score_block(args: tuple) -> list[Scored]:
    """Score distinct texts (runs in a worker): the compact result per text, its redaction included."""
    from ..api import decide_many

    texts, use_model, model_dir, masking = args
    out = []
    for text, (label, risk, level, flags) in zip(texts, decide_many(texts, use_model, model_dir)):
        masked = redact(text) if masking else text
        out.append((label, risk, level, flags, None if masked == text else masked))
    return out


def _warm(opts: ScanOptions) -> None:
    """Load everything a worker needs before the workers fork, so that they share it.

    The model, the Hyperscan database, the segmenter's dictionary and every compiled
    pattern then sit in pages the workers share with this process (copy-on-write), and
    ``gc.freeze`` keeps the collector from touching, and so copying, those pages.
    """
    import gc

    from ..api import warm

    warm(opts.use_model, opts.model_dir)   # redaction's patterns are lazy ones: compiled there too
    gc.collect()
    gc.freeze()


class Scanner:
    """One scan. Iterate :meth:`rows`; afterwards :attr:`tally` and :attr:`conversations` hold the totals."""

    def __init__(self, inputs: Iterable[str | Path], options: ScanOptions | None = None,
                 progress: Callable[[int], None] | None = None) -> None:
        self.inputs = [Path(p) for p in inputs]
        self.options = options or ScanOptions()
        self.progress = progress
        self.tally = Tally()
        self.conversations: dict[tuple[str, str], Conversation] = {}   # (file, row.conversation) → state
        self._cache: OrderedDict[str, list] = OrderedDict()
        self._names: dict[str, str] = {}
        self._next_id = 0

    # ---------------------------------------------------------------- input
    def _records(self) -> Iterator[Row | RowError]:
        """Every input's records; an input that cannot be read is recorded and the others go on."""
        missing = [p for p in self.inputs if not p.exists()]
        if missing:
            raise InputError(f"{missing[0]}: no such file or directory", code="E205")
        forced = Format(self.options.fmt) is not Format.auto
        for path in self.inputs:
            try:
                if not forced:   # nothing to count: the records pass through (one loop fewer per row)
                    yield from read_inputs([path], self.options.fmt, self.options.text_col)
                    continue
                good = bad = 0
                first = None
                for rec in read_inputs([path], self.options.fmt, self.options.text_col):
                    if rec.__class__ is RowError:
                        bad += rec.line > 0
                        first = first or rec
                    else:
                        good += 1
                    yield rec
                if not good and bad and not path.is_dir():
                    raise InputError(f"{path}: none of its {bad} records reads as --format "
                                     f"{Format(self.options.fmt).value} (line {first.line}: {first.reason}); check "
                                     "--format, or leave it out to detect the format", code="E205")
            except InputError as exc:
                if len(self.inputs) == 1:
                    raise
                self.tally.file_errors.append((str(path), exc.one_line()))

    # ---------------------------------------------------------------- scoring
    def _blocks(self) -> Iterator[tuple[tuple[list, list], list[tuple[str, list]]]]:
        """((items, holders), new) per block: items are Rows and RowErrors, holders the result
        holder of each (None for a RowError or a message that is not text: two lists, not a pair
        per row, which the garbage collector would walk while the block waits for its scores);
        new holds the (text, holder) pairs of the texts this block is the first to need (each
        holder is filled with the text's result before the block is emitted)."""
        cache = self._cache
        known, seen_again = cache.get, cache.move_to_end
        items: list = []
        holders: list = []
        new: list[tuple[str, list]] = []
        add, hold = items.append, holders.append
        for rec in self._records():
            add(rec)
            holder = None
            if rec.__class__ is not RowError and rec.kind == "text":
                text = rec.text
                holder = known(text)
                if holder is None:
                    holder = [None]
                    cache[text] = holder
                    new.append((text, holder))
                    if len(cache) > CACHE:
                        cache.popitem(last=False)
                else:
                    seen_again(text)
            hold(holder)
            if len(items) >= BLOCK:
                yield (items, holders), new
                items, holders, new = [], [], []
                add, hold = items.append, holders.append
        if items:
            yield (items, holders), new

    def _scored_blocks(self) -> Iterator[tuple[list, list]]:
        """The blocks in order, each once the texts it is the first to need are scored."""
        from ..parallel import ordered_map

        opts = self.options

        def tasks():
            for items, new in self._blocks():
                texts = [t for t, _ in new]
                yield ((texts, opts.use_model, opts.model_dir, opts.redact) if texts else None), (items, new)

        for (items, new), results in ordered_map(score_block, tasks(), opts.jobs, lambda: _warm(opts)):
            for (_, holder), res in zip(new, results or ()):
                holder[0] = _entry(res)
            self.tally.distinct_scored += len(new)
            yield items

    # ---------------------------------------------------------------- output
    def _name(self, value: str) -> str:
        if not self.options.redact or not value:
            return value
        masked = self._names.get(value)
        if masked is None:
            masked = redact(value)
            if len(self._names) < CACHE:
                self._names[value] = masked
        return masked

    def rows(self) -> Iterator[ScannedRow | RowError]:
        """The report's rows in input order, RowErrors in their place."""
        if self.options.jobs < 1:
            raise InputError(f"--jobs must be at least 1, not {self.options.jobs}", code="E102")
        from ..api import _model

        _model(self.options.use_model, self.options.model_dir)   # a broken model fails before any work
        tally = self.tally
        row_of = self._row
        for n_block, (items, holders) in enumerate(self._scored_blocks(), 1):
            for item, holder in zip(items, holders):
                if item.__class__ is RowError:
                    if item.line > 0:          # a bad row; line 0 is a whole file (of a folder) left out
                        tally.rows_read += 1
                        tally.rows_skipped += 1
                    if len(tally.errors) < MAX_ERRORS_KEPT:
                        tally.errors.append(item)
                    yield item
                    continue
                yield row_of(item, holder)
            if self.progress is not None:
                self.progress(len(items))
            if n_block % 16 == 0 and len(self.conversations) > RANKED_KEEP:
                self._bound_kept()

    def _bound_kept(self) -> None:
        """Bound the flagged messages kept for the report (their memory) whatever the input size.

        A conversation's risk only grows, so the riskiest :data:`RANKED_KEEP` so far keep all
        theirs; when more than :data:`KEPT_BUDGET` are kept the others keep their worst few.
        """
        kept = sum(len(c.top) for c in self.conversations.values())
        if kept <= KEPT_BUDGET:
            return
        ranked = sorted(self.conversations.values(), key=Conversation.rank_key)
        for c in ranked[RANKED_KEEP:]:
            c.prune(PRUNED_KEEP)

    def _row(self, row: Row, holder: list | None) -> ScannedRow:
        """The report row of ``row`` (``holder``: its text's result), counted in the tally and its conversation.

        Runs once per message in this process, which the workers share the cores with, so it
        takes what it can from the text's :data:`Entry` (made once per distinct text) and
        looks each name up once."""
        tally = self.tally
        tally.rows_read += 1
        self._next_id = order = self._next_id + 1
        key = (row.file, row.conversation)
        conv = self.conversations.get(key)
        sender = row.sender
        if conv is None:   # a format without conversations: the file is one (named by its stem)
            conv = self.conversations[key] = Conversation(
                row.file, self._name(row.conversation or Path(row.file).stem), index=len(self.conversations),
                sequence=bool(sender))
        elif sender and not conv.sequence:
            conv.sequence = True
        if sender and self.options.redact:
            sender = self._names.get(sender) or self._name(sender)
        if holder is None:       # not text: kept, never scored
            tally.non_text += 1
            text = self._name(row.text) if row.text else ""
            out = ScannedRow(order, row, conv.name, sender, text, "", None, "", (), conv.index)
            conv.add_unscored(row.time)
            return out
        label, risk, level, flags, masked, ids, flag_ids = holder[0]
        tally.rows_scanned += 1
        tally.labels[label] += 1
        tally.levels[level] += 1
        if ids:
            counts = tally.flags
            for f in ids:
                counts[f] = counts.get(f, 0) + 1
        text = masked if (masked is not None and self.options.redact) else row.text
        out = ScannedRow(order, row, conv.name, sender, text, label, risk, level, flags, conv.index, flag_ids)
        conv.add(order, row.time, label, level, risk, ids, out)
        return out


def _entry(scored: Scored) -> Entry:
    """A scored text with what every row of it needs: the set of its flag ids (the tally and
    the conversation's escalation read it) and their ";"-joined list in text order (the
    report's ``flags`` column). The set is built as the rows used to build it (one comprehension
    over the flags, in order), so the tally meets the ids in the same order."""
    flags = scored[3]
    if not flags:
        return (*scored, _NO_FLAGS, "")
    return (*scored, {f[0] for f in flags}, ";".join(dict.fromkeys(f[0] for f in flags)))


AUTO_PARALLEL_BYTES = 2 * 1024 * 1024


def auto_jobs(inputs: Iterable[str | Path]) -> int:
    """Workers for ``--jobs 0``: one for small inputs (starting workers would cost more than it
    saves), else every core (at most 8). The output is the same for any number."""
    import os

    total = 0
    for given in map(Path, inputs):
        try:
            if given.is_dir():
                total += sum(p.stat().st_size for p in given.rglob("*") if p.is_file())
            elif given.exists():
                total += given.stat().st_size
        except OSError:
            continue
        if total >= AUTO_PARALLEL_BYTES:
            return max(1, min(os.cpu_count() or 1, 8))
    return 1


def level_at_least(level: str, minimum: str) -> bool:
    return bool(level) and LEVEL_ORDER[level] >= LEVEL_ORDER[minimum]
