"""This checkout's batch scoring against another revision's, measured in the same minutes.

On a shared machine the speed drifts by tens of percent within an hour, so two absolute figures taken
an hour apart say little about the code. This script checks REV out into a temporary git worktree and
runs one workload — `score_many` over N distinct messages of a mix (the messages of
`bench/score_throughput.py`), with W workers — in fresh processes, alternately: this checkout, REV,
this checkout, REV, … (one uncounted warm-up run of each first: it builds REV's Hyperscan databases).
For each run it records the wall time and the CPU time (user + system of the process and its workers,
the operating system's accounting of the finished children), takes the ratios pair by pair, and prints
their median and range. A ratio below 1 means this checkout is faster.

Usage: python bench/paired.py REV [--pairs 3] [--n 40000] [--mix corpus|chat] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

WORKLOAD = """
import random, sys
sys.path.append({bench!r})
import score_throughput as st
from verifier import corpus, score_many
texts = st.messages(corpus.load(), {n}, {mix!r}, random.Random(0))
score_many(texts, workers={workers})
"""


def run(tree: Path, code: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh process running ``code`` against ``tree``'s package."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("rev")
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--n", type=int, default=40_000)
    ap.add_argument("--mix", choices=("corpus", "chat"), default="corpus")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    code = WORKLOAD.format(bench=str(HERE), n=args.n, mix=args.mix, workers=args.workers)
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "rev"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), args.rev], check=True)
        try:
            run(ROOT, code), run(other, code)   # warm-up: caches, REV's Hyperscan databases
            ours, theirs = [], []
            for _ in range(args.pairs):
                ours.append(run(ROOT, code))
                theirs.append(run(other, code))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)
    print(f"score_many, {args.n:,} {args.mix}-mix messages, {args.workers} worker(s); this checkout vs {args.rev}, "
          f"{args.pairs} alternating pairs of whole processes")
    for k, name in ((1, "CPU"), (0, "wall")):
        ratios = [a[k] / b[k] for a, b in zip(ours, theirs)]
        print(f"  {name:>4}: this checkout {statistics.median(a[k] for a in ours):6.1f} s, {args.rev} "
              f"{statistics.median(b[k] for b in theirs):6.1f} s; ratio median {statistics.median(ratios):.2f} "
              f"(range {min(ratios):.2f}–{max(ratios):.2f})")


if __name__ == "__main__":
    main()
