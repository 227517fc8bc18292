"""Cold start of `verifier score "…" --json`, next to `python -c "import sklearn, jieba"`.

Prints the median wall time of each over N fresh processes (default 10). The package's bytecode is
compiled first, as an installed package's is: where PYTHONDONTWRITEBYTECODE is set (this machine sets it)
an editable checkout would otherwise compile every module changed since its last .pyc on every start,
about 20 ms more after a change, which no user's installation pays.
Usage: python bench/cold_start.py [N]
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

MESSAGE = "我是花呗官方协商专员，加我微信，本金转我卡上就给你免全部利息，今天12点前有效。"


def median_wall(cmd: list[str], runs: int) -> tuple[float, int]:
    subprocess.run(cmd, capture_output=True)   # warm the file cache
    times, rc = [], 0
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True)
        times.append(time.perf_counter() - t)
        rc = rc or proc.returncode
    return statistics.median(times), rc


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    import compileall

    import verifier

    compileall.compile_dir(Path(verifier.__file__).parent, quiet=1)
    script = Path(sys.executable).with_name("verifier")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {runs} runs each")
    ours, rc = median_wall([str(script), "score", MESSAGE, "--json"], runs)
    print(f"verifier score --json          median {ours:.3f} s  (exit {rc})")
    base, rc = median_wall([sys.executable, "-c", "import sklearn, jieba"], runs)
    note = "" if rc == 0 else "  (sklearn or jieba missing: `make bench` installs them)"
    print(f"python -c 'import sklearn, jieba' median {base:.3f} s{note}")
    bare, _ = median_wall([sys.executable, "-c", "pass"], runs)
    print(f"python -c pass                 median {bare:.3f} s")
    print(f"target: verifier score cold start <= 0.600 s median -> {'met' if ours <= 0.6 else 'NOT met'}")


if __name__ == "__main__":
    main()
