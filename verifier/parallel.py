"""An ordered, bounded parallel map over forked worker processes (``score_many`` and ``scan``).

``multiprocessing.Pool.imap`` reads its whole input ahead of the workers, so a
million-message input would sit in memory; :func:`ordered_map` keeps at most
``2 × workers + 1`` tasks in flight and yields results in input order, so the
output never depends on the number of workers.

Each call runs with the cyclic garbage collector paused: a batch allocates
millions of short-lived objects that reference counting frees, and every
collection they trigger would walk the whole heap (the model's vocabularies
among it) for cycles there are none of. Workers also freeze the heap they
inherit, so that no collection walks it (nor writes to its pages).
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def collector_paused():
    """The cyclic garbage collector off inside the block (as it was, after)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _paused(fn: Callable[[Any], Any], arg: Any) -> Any:
    with collector_paused():
        return fn(arg)


def _worker_start() -> None:
    gc.freeze()   # what the worker inherits is long-lived: no collection needs to walk it


def ordered_map(fn: Callable[[Any], Any], tasks: Iterable[tuple[Any, Any]], workers: int,
                before_fork: Callable[[], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """``(tag, fn(arg))`` for each ``(arg, tag)`` of ``tasks``, in order; an ``arg`` of None gives
    ``(tag, None)`` without a call. With ``workers > 1`` the calls run in that many forked processes
    (``before_fork`` runs first, to load what they should share); else here."""
    if workers <= 1:
        for arg, tag in tasks:
            yield tag, None if arg is None else _paused(fn, arg)
        return
    import multiprocessing as mp

    if before_fork is not None:
        before_fork()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    window: deque = deque()
    with ctx.Pool(workers, initializer=_worker_start) as pool:
        for arg, tag in tasks:
            window.append((tag, None if arg is None else pool.apply_async(_paused, (fn, arg))))
            while len(window) > 2 * workers + 1:
                yield _done(window.popleft())
        while window:
            yield _done(window.popleft())


def _done(entry: tuple[Any, Any]) -> tuple[Any, Any]:
    tag, pending = entry
    return tag, None if pending is None else pending.get()
