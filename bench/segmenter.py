"""Segmenter engines measured side by side: jieba (pure Python) and rjieba (Rust port).

Prints the time to build a private tokenizer with our user dictionary and the
cutting speed in characters/s on the same text. Usage: python bench/segmenter.py
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time

TEXT = ("我是支付宝官方协商专员，加我微信单独发你方案，本金转我卡上就行。"
        "【花呗】您本期账单已逾期4天，请登录支付宝App完成还款。明天下午三点开会，记得带上季度报表。") * 4000

LOAD = {
    "rjieba": "import time;t=time.perf_counter();from verifier import segment;segment.tokenizer();"
              "print(time.perf_counter()-t)",
    "jieba": "import time,logging;t=time.perf_counter();import jieba;jieba.setLogLevel(logging.WARNING);"
             "tk=jieba.Tokenizer();tk.initialize();print(time.perf_counter()-t)",
}


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{len(TEXT):,} chars")
    for name, code in LOAD.items():
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        if proc.returncode:
            print(f"{name:7s} not installed (`make bench` installs it)")
            continue
        load = float(proc.stdout.strip().splitlines()[-1])
        if name == "rjieba":
            from verifier import segment

            cut = segment.cut
        else:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tk = jieba.Tokenizer()
            tk.initialize()
            cut = tk.lcut
        t = time.perf_counter()
        cut(TEXT)
        dt = time.perf_counter() - t
        print(f"{name:7s} load {load:.3f} s   cut {len(TEXT) / dt / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
