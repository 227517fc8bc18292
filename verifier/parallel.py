"""An ordered, bounded parallel map over forked worker processes (``score_many`` and ``scan``).

``multiprocessing.Pool.imap`` reads its whole input ahead of the workers, so a
million-message input would sit in memory; :func:`ordered_map` keeps at most
``2 × workers + 1`` tasks in flight and yields results in input order, so the
output never depends on the number of workers.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


def ordered_map(fn: Callable[[Any], Any], tasks: Iterable[tuple[Any, Any]], workers: int,
                before_fork: Callable[[], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """``(tag, fn(arg))`` for each ``(arg, tag)`` of ``tasks``, in order; an ``arg`` of None gives
    ``(tag, None)`` without a call. With ``workers > 1`` the calls run in that many forked processes
    (``before_fork`` runs first, to load what they should share); else here."""
    if workers <= 1:
        for arg, tag in tasks:
            yield tag, None if arg is None else fn(arg)
        return
    import multiprocessing as mp

    if before_fork is not None:
        before_fork()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    window: deque = deque()
    with ctx.Pool(workers) as pool:
        for arg, tag in tasks:
            window.append((tag, None if arg is None else pool.apply_async(fn, (arg,))))
            while len(window) > 2 * workers + 1:
                yield _done(window.popleft())
        while window:
            yield _done(window.popleft())


def _done(entry: tuple[Any, Any]) -> tuple[Any, Any]:
    tag, pending = entry
    return tag, None if pending is None else pending.get()
