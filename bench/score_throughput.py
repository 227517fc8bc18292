"""Batch scoring throughput: `verifier.score_many` with 1 and 2 workers, next to a naive pipeline.

Messages: N distinct messages (default 100,000) made from the project's corpus, each with an invented
sender name in front ("王小明：…") so that no two are equal and nothing is deduplicated. Two mixes:
`corpus` (the corpus's own label balance, about a third scams) and `chat` (70% normal, 15% collection,
10% scam, 5% abusive, closer to a real inbox).

Ours: `score_many` — rules with evidence + the classifier's probabilities + the decision, per message.
Naive: what a first version would do with the same libraries and no care for speed — for every message,
`jieba.lcut` inside scikit-learn's `TfidfVectorizer.transform([text])`, then `predict_proba` (the
classifier alone, no rules). Its figure comes from the first 3,000 messages; the batch form of the same
naive pipeline (one `transform` + `predict_proba` over all messages) is printed too.

The time one core spends per distinct message in each stage (chat mix, 10,000 messages) is printed
too: where the remaining time goes.

Usage: python bench/score_throughput.py [N]
"""

from __future__ import annotations

import logging
import os
import platform
import random
import sys
import time

from verifier import corpus, score_many

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆"
CHAT_MIX = {"normal": 0.70, "collection": 0.15, "scam": 0.10, "abusive": 0.05}


def senders(n: int, rng: random.Random) -> list[str]:
    names = [s + a + b for s in SURNAMES for a in GIVEN for b in GIVEN]
    rng.shuffle(names)
    if n > len(names):
        raise SystemExit(f"at most {len(names):,} distinct messages")
    return names[:n]


def messages(rows: list[dict], n: int, mix: str, rng: random.Random) -> list[str]:
    if mix == "chat":
        by_label = {label: [r for r in rows if r["label"] == label] for label in CHAT_MIX}
        labels = rng.choices(list(CHAT_MIX), weights=list(CHAT_MIX.values()), k=n)
        picked = [rng.choice(by_label[label])["text"] for label in labels]
    else:
        picked = [rows[i % len(rows)]["text"] for i in range(n)]
        rng.shuffle(picked)
    return [f"{name}：{text}" for name, text in zip(senders(n, rng), picked)]


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def naive(rows: list[dict], texts: list[str]) -> tuple[float, float]:
    import jieba
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    jieba.setLogLevel(logging.WARNING)
    train = [r for r in rows if r["split"] == "train"]
    vec = TfidfVectorizer(tokenizer=jieba.lcut, token_pattern=None, ngram_range=(1, 2))
    clf = LogisticRegression(max_iter=2000).fit(vec.fit_transform([r["text"] for r in train]),
                                               [r["label"] for r in train])
    sample = texts[:3000]
    per_message = len(sample) / timed(lambda: [clf.predict_proba(vec.transform([t])) for t in sample])
    batch = len(texts) / timed(lambda: clf.predict_proba(vec.transform(texts)))
    return per_message, batch


def stages(texts: list[str], repeat: int = 3) -> dict[str, float]:
    """Microseconds one core spends per distinct message in each stage of ``score_many`` (best of
    ``repeat``; blocks of 1,000, as the batch API scores them)."""
    import gc

    from verifier.api import _score_chunk
    from verifier.model import shared
    from verifier.normalise import normalise_many
    from verifier.rules import batch_prefilter, evaluate_many
    from verifier.rules.base import Doc
    from verifier.segment import cut_flat

    prefilter, runtime = batch_prefilter(), shared(None).runtime
    blocks = range(0, len(texts), 1000)
    norms = [n for i in blocks for n in normalise_many(texts[i:i + 1000])]
    folded = [n.text for n in norms]
    words = {i: cut_flat(folded[i:i + 1000]) for i in blocks}

    def best(fn) -> float:
        fastest = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            fastest = min(fastest, time.perf_counter() - t)
        return fastest / len(texts) * 1e6

    _score_chunk((texts[:1000], "zh", True, None))   # lazily built tables and imports, before any timing
    gc.disable()
    try:
        norm = best(lambda: [normalise_many(texts[i:i + 1000]) for i in blocks])
        prefilter_us = best(lambda: [prefilter.candidates(Doc(n)) for n in norms])
        rules = best(lambda: [evaluate_many(texts[i:i + 1000], prefilter) for i in blocks]) - norm - prefilter_us
        seg = best(lambda: [cut_flat(folded[i:i + 1000]) for i in blocks])
        model = best(lambda: [runtime.proba_flat(folded[i:i + 1000], *words[i]) for i in blocks])
        total = best(lambda: [_score_chunk((texts[i:i + 1000], "zh", True, None)) for i in blocks])
    finally:
        gc.enable()
    return {"normalise": norm, "Hyperscan prefilter": prefilter_us, "patterns + suppressions": rules,
            "segmentation": seg, "model": model, "decision + result": total - norm - prefilter_us - rules - seg - model,
            "total": total}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{n:,} distinct messages per mix")
    score_many(["预热"])   # load the model once
    rows = corpus.load()
    results, texts_of = {}, {}
    for mix in ("corpus", "chat"):
        texts = texts_of[mix] = messages(rows, n, mix, random.Random(0))
        chars = sum(map(len, texts)) / len(texts)
        for workers in (1, 2):
            rate = len(texts) / timed(lambda: score_many(texts, workers=workers))
            results[(mix, workers)] = rate
            print(f"score_many, {mix:<6} mix ({chars:.0f} chars/msg), {workers} worker{'s' if workers > 1 else ' '}: "
                  f"{rate:>8,.0f} messages/s")
    split = stages(texts_of["chat"][:10_000])
    print("one core, per distinct chat-mix message: "
          + ", ".join(f"{name} {us:.0f} µs" for name, us in split.items()))
    try:
        per_message, batch = naive(rows, texts_of["corpus"])
    except ImportError:
        print("naive pipeline: jieba is not installed (`make bench` installs it)")
        return
    print(f"naive (jieba.lcut + TfidfVectorizer + predict_proba, one message at a time): {per_message:>8,.0f} messages/s")
    print(f"naive, the same in one batch (no rules, no evidence):                  {batch:>8,.0f} messages/s")
    best = results[("corpus", 2)]
    print(f"target: >= 15,000 messages/s with 2 workers and >= 8x naive -> corpus mix {best:,.0f} "
          f"({best / per_message:.1f}x), chat mix {results[('chat', 2)]:,.0f} ({results[('chat', 2)] / per_message:.1f}x)")


if __name__ == "__main__":
    main()
