"""End-to-end `verifier scan` throughput and peak memory on a generated 1,000,000-message CSV.

The export: a generic CSV (时间, 发送者, 内容, 会话) of N messages (default 1,000,000) in
conversations of 5–400 messages. Texts are the project's corpus messages (all labels) and
short everyday replies; a share of them (`--distinct`, default 0.6) is made unique by an
invented name, amount or date woven in, the rest repeat exactly — as in real exports, where
"好的", "收到", platform reminders and templated collection texts recur. The figure for
`--distinct 1.0` (nothing repeats, the scanner's worst case) is printed with `--all-distinct`.

Each run is the real command, `verifier scan FILE --out report.csv --jobs J`, timed from
start to exit (read, score, redact, write), with the CPU time it and its workers used. Peak memory: the largest total of the command's
and its workers' proportional set sizes (PSS: each shared page divided among the processes
sharing it — the forked workers share the model with the parent), sampled every 50 ms from
/proc/PID/smaps_rollup, and the largest resident set (VmHWM) of the command itself.

Usage: python bench/scan_throughput.py [--n N] [--distinct F] [--all-distinct] [--jobs 1,2]
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import resource
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from verifier import corpus

REPLIES = ("好的", "收到", "嗯嗯", "谢谢", "在吗", "明天再说", "知道了", "好", "OK", "[图片]", "哈哈哈", "稍等",
           "我看看", "行", "晚点回你", "没问题", "辛苦了", "[表情]", "你好", "在的", "好的，谢谢", "马上")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆"


def generate(path: Path, n: int, distinct: float, seed: int = 0) -> tuple[int, float]:
    """Write the export; returns how many distinct texts it holds and their mean length in characters."""
    rng = random.Random(seed)
    texts = [r["text"] for r in corpus.load()]
    seen: set[str] = set()
    serial = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["时间", "发送者", "内容", "会话"])
        written = 0
        conv = 0
        while written < n:
            conv += 1
            partner = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            size = min(n - written, int(rng.paretovariate(1.2) * 5) if rng.random() < 0.9 else rng.randint(5, 400))
            size = max(1, min(size, 400))
            day = rng.randint(1, 28)
            for i in range(size):
                if rng.random() < distinct:
                    serial += 1
                    base = rng.choice(texts)
                    text = rng.choice((f"{partner}，{base}", f"{base}（{serial % 97 + 1}号）",
                                       f"{base} {rng.randint(100, 99999)}元", f"[{serial}] {base}"))
                    text = f"{text}#{serial}" if text in seen else text
                else:
                    text = rng.choice(REPLIES) if rng.random() < 0.6 else rng.choice(texts[:400])
                seen.add(text)
                sender = partner if rng.random() < 0.55 else "我"
                w.writerow([f"2024-03-{day:02d} {8 + i * 37 // 60 % 14:02d}:{i * 37 % 60:02d}:00", sender, text,
                            f"{partner}-{conv}"])
            written += size
    return len(seen), sum(map(len, seen)) / max(1, len(seen))


def tree_pss(pid: int) -> int:
    """Proportional set size (shared pages divided among their sharers) of a process and its descendants."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def hwm(pid: int) -> int:
    """The peak resident set (VmHWM) of one process so far."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:
        pass
    return 0


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes and their own children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(src: Path, out: Path, jobs: int) -> tuple[float, float, int, int]:
    cmd = [str(Path(sys.executable).with_name("verifier")), "scan", str(src), "--out", str(out), "--jobs", str(jobs)]
    cpu = children_cpu()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = main_peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_pss(proc.pid))
        main_peak = max(main_peak, hwm(proc.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"scan failed ({proc.returncode}): {proc.stderr.read().decode()[-500:]}")
    return elapsed, children_cpu() - cpu, peak, main_peak


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=float, default=0.6)
    ap.add_argument("--all-distinct", action="store_true", help="also measure with every text distinct")
    ap.add_argument("--jobs", default="1,2")
    args = ap.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    mixes = [args.distinct] + ([1.0] if args.all_distinct and args.distinct != 1.0 else [])
    with tempfile.TemporaryDirectory() as tmp:
        for distinct in mixes:
            src = Path(tmp) / "export.csv"
            kinds, mean = generate(src, args.n, distinct)
            size = src.stat().st_size
            print(f"export: {args.n:,} messages, {kinds:,} distinct texts ({kinds / args.n:.0%}, "
                  f"{mean:.0f} characters on average), {size / 1e6:.0f} MB CSV")
            for jobs in (int(j) for j in args.jobs.split(",")):
                out = Path(tmp) / "report.csv"
                elapsed, cpu, peak, main_peak = run(src, out, jobs)
                print(f"  --jobs {jobs}: {args.n / elapsed:>8,.0f} messages/s ({elapsed:.1f} s, {cpu:.1f} CPU s, "
                      f"{cpu / elapsed:.1f} cores); peak memory "
                      f"{peak / 2**20:.0f} MB PSS (command + workers), {main_peak / 2**20:.0f} MB RSS (command)")
                out.unlink()
            src.unlink()
    print("target: >= 15,000 messages/s with --jobs 2, peak RSS <= 400 MB")


if __name__ == "__main__":
    main()
