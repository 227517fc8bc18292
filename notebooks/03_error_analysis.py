# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
# ---

# %% [markdown]
# # 03 — Error analysis on real text nobody here wrote
#
# Scores the evaluation-only samples in `../shared/data/` (scam vs. not) with the shipped decision and
# looks at what goes wrong: the score distributions, the false alarms and misses by kind, and which
# flags fire on non-scam text. These files are **never** used to fit, select or set thresholds, and no
# row of them is printed in full or copied anywhere: examples are cut to 24 characters. When the folder
# is missing (a fresh clone without it), the notebook says so and stops.

# %%
import os
from collections import Counter
from pathlib import Path

SAMPLE = os.environ.get("SAMPLE", "1") == "1"
OUT = Path(os.environ.get("NOTEBOOK_OUT", "notebooks/_out"))
OUT.mkdir(parents=True, exist_ok=True)
DATA = Path(os.environ.get("VERIFIER_EXTERNAL", "../shared/data"))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

from verifier import score_many
from verifier.evaluation import read_external, roc_auc
from verifier.scoring import decide

files = sorted(DATA.glob("*.csv")) if DATA.is_dir() else []
print(f"{len(files)} external files in {DATA}" if files else f"no external data at {DATA}: nothing to analyse")

# %%
fig, axes = plt.subplots(1, max(1, len(files)), figsize=(4 * max(1, len(files)), 3))
axes = axes if hasattr(axes, "__len__") else [axes]
for ax, path in zip(axes, files):
    texts, labels = read_external(path)
    if SAMPLE:
        texts, labels = texts[::15], labels[::15]
    results = score_many(texts)
    scam = [decide({f.id for f in r.flags}, set(r.signals), False, r.probabilities).scam for r in results]
    y = [lab == "scam" for lab in labels]
    print(f"\n{path.name}: {len(texts)} rows, AUC {roc_auc(y, scam)}")
    misses = [(t, r) for t, r, yy in zip(texts, results, y) if yy and r.label != "scam"]
    alarms = [(t, r) for t, r, yy in zip(texts, results, y) if not yy and r.level == "high"]
    print(f"  missed scams: {len(misses)}; non-scam at level high: {len(alarms)}")
    print("  flags on non-scam:", dict(Counter(f.id for r, yy in zip(results, y) if not yy
                                             for f in r.flags).most_common(8)))
    for t, r in alarms[:5]:
        print(f"  alarm  {r.label:<10} {t[:24]}…")
    for t, r in misses[:5]:
        print(f"  missed {r.label:<10} {t[:24]}…")
    ax.hist([s for s, yy in zip(scam, y) if yy], bins=20, alpha=0.6, label="scam")
    ax.hist([s for s, yy in zip(scam, y) if not yy], bins=20, alpha=0.6, label="not scam")
    ax.set_title(path.name, fontsize=8)
    ax.legend(fontsize=7)
fig.tight_layout()
fig.savefig(OUT / "03_external_scores.png", dpi=110)
