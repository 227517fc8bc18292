"""Checking an agreement: median time per agreement warm (in one process) and cold through the CLI.

Warm: every text of corpora/agreements/ checked 5 times in one process after one warm-up pass; the median
over all checks. Cold: `verifier agreement FILE --json` as a fresh process, median of N runs (default 10).
Usage: python bench/agreement_speed.py [N]
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from verifier.agreement import check_agreement

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "corpora" / "agreements").glob("*.txt"))


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    texts = [p.read_text(encoding="utf-8") for p in FILES]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(texts)} agreements, {sum(map(len, texts)) // len(texts)} chars on average")
    for t in texts:
        check_agreement(t)
    times = []
    for _ in range(5):
        for t in texts:
            start = time.perf_counter()
            check_agreement(t)
            times.append(time.perf_counter() - start)
    warm = statistics.median(times)
    print(f"warm, one agreement: median {warm * 1000:.2f} ms, max {max(times) * 1000:.2f} ms "
          f"(target <= 20 ms) -> {'met' if warm <= 0.020 else 'NOT met'}")
    script = Path(sys.executable).with_name("verifier")
    target = str(FILES[0])
    cmd = [str(script), "agreement", target, "--json"]
    subprocess.run(cmd, capture_output=True)
    cold = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        cold.append(time.perf_counter() - start)
    median = statistics.median(cold)
    print(f"cold, `verifier agreement {Path(target).name} --json`: median {median:.3f} s over {runs} runs "
          f"(target <= 0.6 s) -> {'met' if median <= 0.6 else 'NOT met'}")


if __name__ == "__main__":
    main()
