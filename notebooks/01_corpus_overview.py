# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 01 — Corpus overview
#
# What the message corpus holds: labels by split and source, flags, tags, voices, lengths, and how
# well the rule engine finds the flags the writers annotated. Reads `corpora/` through `verifier.corpus`.
# Figures go to `notebooks/_out/` (not committed).

# %%
import os
from collections import Counter
from pathlib import Path

SAMPLE = os.environ.get("SAMPLE", "1") == "1"      # CI runs every notebook with SAMPLE=1
OUT = Path(os.environ.get("NOTEBOOK_OUT", "notebooks/_out"))
OUT.mkdir(parents=True, exist_ok=True)

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from verifier import corpus
from verifier.contract import FLAG_IDS, LABELS

rows = corpus.load()
if SAMPLE:
    rows = rows[::10]
print(f"{len(rows)} rows{' (every 10th: SAMPLE mode)' if SAMPLE else ''}")

# %% labels by split and by source
for key in ("split", "source"):
    table = Counter((r[key], r["label"]) for r in rows)
    values = sorted({r[key] for r in rows})
    print(f"\n{key:<12}" + "".join(f"{label:>12}" for label in LABELS))
    for v in values:
        print(f"{v:<12}" + "".join(f"{table[(v, label)]:>12}" for label in LABELS))

# %% flags, tags and voices
flags = Counter(f for r in rows for f in r["flags"])
tags = Counter(t for r in rows for t in r["tags"])
voices = Counter(r["voice"] for r in rows)
print("flags:", dict(flags.most_common()))
print("tags:", dict(tags.most_common()))
print("voices:", dict(voices.most_common()))
assert set(flags) <= set(FLAG_IDS)

# %% lengths per label
fig, ax = plt.subplots(figsize=(7, 3.5))
for label in LABELS:
    ax.hist([len(r["text"]) for r in rows if r["label"] == label], bins=30, alpha=0.5, label=label)
ax.set_xlabel("characters")
ax.set_ylabel("messages")
ax.legend()
fig.tight_layout()
fig.savefig(OUT / "01_lengths.png", dpi=110)

# %% [markdown]
# ## Rule coverage
# For every flag: of the rows whose writers annotated it, how many the rules fire on (recall), and of
# the rows the rules fire it on, how many carry the annotation (precision). The classifier exists for
# the phrasings no rule describes, so a low recall here is expected for the wordier flags.

# %%
from verifier import score

fired = [set(score(r["text"], use_model=False).flag_ids) for r in rows]
print(f"{'flag':<28}{'annotated':>10}{'fired':>8}{'recall':>8}{'precision':>10}")
for f in FLAG_IDS:
    want = [f in r["flags"] for r in rows]
    got = [f in s for s in fired]
    tp = sum(a and b for a, b in zip(want, got))
    recall = tp / sum(want) if sum(want) else 0.0
    precision = tp / sum(got) if sum(got) else 0.0
    print(f"{f:<28}{sum(want):>10}{sum(got):>8}{recall:>8.2f}{precision:>10.2f}")
