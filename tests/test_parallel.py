"""The ordered, bounded parallel map behind `score_many` and `scan`."""

from __future__ import annotations

import itertools

from verifier.parallel import ordered_map


def _square(x: int) -> int:
    return x * x


def test_results_in_input_order_for_any_workers() -> None:
    tasks = [(i if i % 3 else None, f"t{i}") for i in range(40)]      # None: no call, a None result
    want = [(f"t{i}", i * i if i % 3 else None) for i in range(40)]
    for workers in (1, 2, 3):
        assert list(ordered_map(_square, tasks, workers)) == want


def test_the_input_is_not_read_ahead_of_the_workers() -> None:
    pulled = []

    def endless():
        for i in itertools.count():
            pulled.append(i)
            yield i, i

    got = list(itertools.islice(ordered_map(_square, endless(), 2), 3))
    assert got == [(0, 0), (1, 1), (2, 4)]
    assert len(pulled) <= 3 + 2 * 2 + 1                                 # the window, not the whole input


def test_score_iter_streams_an_endless_input() -> None:
    from verifier.api import score_iter

    got = list(itertools.islice(score_iter(itertools.repeat("好的"), workers=2, chunk=10), 25))
    assert len(got) == 25 and {r.label for r in got} == {"normal"}


def test_collector_paused_restores_the_collector_even_on_error() -> None:
    import gc

    from verifier import score_many
    from verifier.parallel import collector_paused

    assert gc.isenabled()
    try:
        with collector_paused():
            assert not gc.isenabled()
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()     # left as it was: off
    finally:
        gc.enable()
    assert score_many(["加我微信，本金转我卡上"], use_model=False)[0].label == "scam" and gc.isenabled()
