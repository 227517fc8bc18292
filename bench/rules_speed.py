"""Rule-engine speed: messages/s on short messages, and 1 MB inputs (``score`` without the model,
so that the figures are the rules' own: normalising, matching, suppressions, the decision).

Usage: python bench/rules_speed.py
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import time

from functools import partial

from verifier import score as score_with_model

score = partial(score_with_model, use_model=False)

SHORT = [
    "【花呗】您本期账单已逾期4天，请登录支付宝App完成还款，如需协商请拨打95188。",
    "我是支付宝官方协商专员，加我V信单独发你方案，本金转我卡上就行。",
    "专业徵信修復，逾期记录三个工作日内删除，不成功不收费，定金伍佰元。",
    "今天18点前还不上，我们就爆你通讯录，让你全家都知道。",
    "明天下午三点开会，记得带上季度报表。",
    "周末一起去爬山吗？天气预报说是晴天。",
]


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    score("预热")   # load tables once
    rng = random.Random(0)
    batch = [rng.choice(SHORT) + str(i) for i in range(5000)]
    dt = timed(lambda: [score(t) for t in batch], 1)
    print(f"short messages: {len(batch) / dt:,.0f} messages/s (one process, rules only)")

    chat = "".join(rng.choice(SHORT) for _ in range(30000))
    text = chat.encode("utf-8")[: 1024 * 1024].decode("utf-8", "ignore")
    print(f"1 MB of chat ({len(text):,} chars): {timed(lambda: score(text)):.3f} s median")
    hostile = ("征 信 ⭐ 修 复 " * 200000)[: 1024 * 1024]
    print(f"1 MB of separators between CJK ({len(hostile):,} chars): {timed(lambda: score(hostile)):.3f} s median")
    ascii_text = ("call me maybe 0123456789 " * 50000)[: 1024 * 1024]
    print(f"1 MB of ASCII ({len(ascii_text):,} chars): {timed(lambda: score(ascii_text)):.3f} s median")


if __name__ == "__main__":
    main()
